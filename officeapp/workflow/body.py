"""The 正文 as a Word/WPS file, with its versions (正文历史版本).

A new version travels as the `body_file` change of an EDIT: "add this file as the next
version". The rules number it when they apply it, so two people who saved versions offline
each get a version of their own, in the order the server took them: an append, never an
overwrite. `based_on` says which version the person was editing; a gap shows a parallel edit.
The 正文 text (`Document.body`, what the GB/T 9704 PDF is made from) stays a field of its own.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from officeapp.errors import ValidationError
from officeapp.workflow.model import Attachment, BodyVersion, Document

# What an office suite saves a 正文 as: Word, WPS and OpenDocument text, RTF.
BODY_SUFFIXES = (".docx", ".doc", ".wps", ".odt", ".rtf")
# The ones whose text can be read here; .doc and .wps are binary formats.
TEXT_SUFFIXES = (".docx",)
MAX_BODY_FILE_BYTES = 200 * 1024 * 1024  # the attachment limit
MAX_VERSIONS = 500
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class BodyFileChange:
    """A request to add a 正文 file as the next version."""

    file: Attachment
    based_on: int = 0


def _bad(message: str, **details: Any) -> ValidationError:
    return ValidationError("document.invalid_body_file", message, field="body_file", **details)


def suffix_of(name: str) -> str:
    """Return the lower-case extension of a file name, with its dot ('' when none)."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    return "." + base.rsplit(".", 1)[-1].lower() if "." in base else ""


def is_body_file_name(name: str) -> bool:
    """Return whether a file of this name can be a 正文 file."""
    return suffix_of(name) in BODY_SUFFIXES


def has_readable_text(name: str) -> bool:
    """Return whether the text of a 正文 file of this name can be read (not .doc/.wps)."""
    return suffix_of(name) in TEXT_SUFFIXES


def parse_body_file(value: Any) -> BodyFileChange:
    """Return the 正文 file a change names: {name, sha256, size[, based_on]}."""
    if isinstance(value, BodyFileChange):
        return value
    if not isinstance(value, Mapping):
        raise _bad("正文文件必须有名称、校验值和大小")
    name, sha, size = value.get("name"), value.get("sha256"), value.get("size")
    based_on = value.get("based_on", 0)
    if not isinstance(name, str) or not name.strip():
        raise _bad("正文文件必须有名称")
    if not is_body_file_name(name):
        raise _bad(f"正文文件只能是{'、'.join(BODY_SUFFIXES)}格式", name=name)
    if not isinstance(sha, str) or not _SHA256.match(sha):
        raise _bad("正文文件的校验值无效", name=name)
    if not isinstance(size, int) or isinstance(size, bool) or not 0 < size <= MAX_BODY_FILE_BYTES:
        raise _bad("正文文件的大小无效（不能为空，不能超过200 MB）", name=name)
    if not isinstance(based_on, int) or isinstance(based_on, bool) or based_on < 0:
        raise _bad("正文文件的版本号无效", name=name)
    return BodyFileChange(Attachment(name.strip(), sha, size), based_on)


def add_body_version(document: Document, change: BodyFileChange, *, saved_by: str,
                     saved_by_name: str, saved_at: datetime) -> Document:
    """Return the document with `change` as its next 正文 version."""
    if len(document.body_versions) >= MAX_VERSIONS:
        raise _bad(f"正文最多保留{MAX_VERSIONS}个版本")
    number = len(document.body_versions) + 1
    based_on = min(change.based_on, number - 1)
    version = BodyVersion(number=number, file=change.file, saved_by=saved_by,
                          saved_by_name=saved_by_name, saved_at=saved_at, based_on=based_on)
    return replace(document, body_versions=(*document.body_versions, version))


def body_files(document: Document) -> tuple[Attachment, ...]:
    """Return the file of every 正文 version (the blobs a document names besides 附件)."""
    return tuple(v.file for v in document.body_versions)


def new_version_details(before: Document, after: Document) -> dict[str, Any]:
    """Return the trace details of an edit that added a 正文 version ({} when none)."""
    if len(after.body_versions) <= len(before.body_versions):
        return {}
    return {"body_version": after.body_versions[-1].number}


def parallel(version: BodyVersion) -> bool:
    """Return whether this version was saved from an older one than its predecessor (two
    people edited the same version, each kept)."""
    return 0 < version.based_on < version.number - 1
