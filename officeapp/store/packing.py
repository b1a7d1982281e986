"""Document JSON packed with zstd and a dictionary shipped in the package (schema version 8).

A document's JSON is ~3 KB, most of it key names, enum values and times that every document
repeats; compressed alone a document keeps ~45 % of its size, with a dictionary trained on
that structure ~29 % (docs/store.md "Storing less"). The dictionary is versioned by its zstd
id, which each packed value carries in its frame header: a new dictionary gets a new id and
a new file beside the old ones, and rows written with an older one stay readable. Text
(a store not yet migrated, or a test's raw SQL) is read as it is.

SQL reads the JSON through the `document_data` view, which unpacks with `UNPACK_SQL`;
writes pack with `PACK_SQL` (the bulk pull path) or `pack` (Python). Both are registered on
every store connection (db.connect).
"""

from __future__ import annotations

import functools
import threading
from importlib import resources

import zstandard

PACK_SQL = "office_pack"
UNPACK_SQL = "office_unpack"
# The dictionary new rows are packed with; older ones are kept for reading.
CURRENT_DICTIONARY = 32769
DICTIONARIES = {32769: "documents-1.zdict"}
LEVEL = 3


@functools.cache
def _dictionary(dict_id: int) -> zstandard.ZstdCompressionDict:
    name = DICTIONARIES.get(dict_id)
    if name is None:
        raise ValueError(f"no zstd dictionary with id {dict_id} in this version")
    data = resources.files("officeapp.store").joinpath("dictionaries", name).read_bytes()
    return zstandard.ZstdCompressionDict(data, dict_type=zstandard.DICT_TYPE_FULLDICT)


# A compressor or decompressor must not be used by two threads at once; each thread that
# runs a store (the UI's database worker, a benchmark's clients) gets its own.
_local = threading.local()


def _compressor() -> zstandard.ZstdCompressor:
    found: zstandard.ZstdCompressor | None = getattr(_local, "compressor", None)
    if found is None:
        found = zstandard.ZstdCompressor(level=LEVEL,
                                         dict_data=_dictionary(CURRENT_DICTIONARY),
                                         write_checksum=False, write_content_size=True)
        _local.compressor = found
    return found


def _decompressor(dict_id: int) -> zstandard.ZstdDecompressor:
    found: dict[int, zstandard.ZstdDecompressor] = _local.__dict__.setdefault("decompressors", {})
    if dict_id not in found:
        found[dict_id] = (zstandard.ZstdDecompressor() if dict_id == 0 else
                          zstandard.ZstdDecompressor(dict_data=_dictionary(dict_id)))
    return found[dict_id]


def pack(text: str | None) -> bytes | None:
    """Return the JSON text packed for storing (None stays None)."""
    if text is None:
        return None
    return _compressor().compress(text.encode())


def unpack(value: bytes | str | None) -> str | None:
    """Return the JSON text of a stored value: packed, or text as older versions stored."""
    if value is None or isinstance(value, str):
        return value
    # One statement often reads several parts of one document's JSON (the trace check reads
    # three), and SQLite calls this once for each: the last value is kept.
    last: tuple[bytes, str] | None = getattr(_local, "last", None)
    if last is not None and last[0] == value:
        return last[1]
    dict_id = zstandard.get_frame_parameters(value).dict_id
    text: str = _decompressor(dict_id).decompress(value).decode()
    _local.last = (value, text)
    return text
