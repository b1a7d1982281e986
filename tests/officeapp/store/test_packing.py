"""Document JSON packed with zstd and the shipped dictionary; older forms stay readable."""

from __future__ import annotations

import pytest
import zstandard

from officeapp.store import packing

TEXT = '{"id":"doc-1","title":"关于做好防汛抗旱工作的通知","trace":[]}'


def test_packed_json_reads_back() -> None:
    packed = packing.pack(TEXT)
    assert packed is not None and len(packed) < len(TEXT.encode())
    assert zstandard.get_frame_parameters(packed).dict_id == packing.CURRENT_DICTIONARY
    assert packing.unpack(packed) == TEXT


def test_text_and_null_are_read_as_they_are() -> None:
    assert packing.unpack(TEXT) == TEXT  # a row an older version wrote
    assert packing.pack(None) is None and packing.unpack(None) is None


def test_every_shipped_dictionary_reads_and_an_unknown_one_is_refused() -> None:
    assert packing.CURRENT_DICTIONARY in packing.DICTIONARIES
    plain = zstandard.ZstdCompressor().compress(TEXT.encode())  # no dictionary (id 0)
    assert packing.unpack(plain) == TEXT
    samples = [TEXT.replace("1", str(n)).encode() * (n % 7 + 1) for n in range(400)]
    foreign = zstandard.train_dictionary(2048, samples, dict_id=40000)
    with pytest.raises(ValueError, match="dictionary"):
        packing.unpack(zstandard.ZstdCompressor(dict_data=foreign).compress(TEXT.encode()))
