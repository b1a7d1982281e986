"""The declaration of a record kind, made once by each area and registered here.

A kind names its records on the wire, in the change log and in the local store, and says how
they are encoded, decided, listed, seen and put in people's 待办. Everything generic (the local
store's put/revoke, the rebase, the server's save, the inbox) loops over `KINDS`.
See docs/architecture.md, "Adding a record kind".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any, Protocol

from officeapp.core.inbox import InboxEntry
from officeapp.errors import Rejection


@dataclass(frozen=True)
class RecordKind:
    """How one kind of record behaves, as every generic layer needs to know it.

    - `name`: the kind on the wire and in tables ("document", "meeting", "supervision").
    - `label`: the kind for people (公文, 会议, 督办).
    - `noun`: one record in a sentence (文件, 会议, 督办事项), e.g. in `missing`.
    - `id_field`: the argument and detail that name a record (document_id, item_id).
    - `to_dict` / `from_dict`: the record's JSON codec (the wire and the store keep this form).
    - `record_id`: the id of a record (its `id` unless said otherwise).
    - `title`: the line people read for a record (its `title` unless said otherwise).
    - `attachments`: the blob ids a record refers to (kept, fetched, checked on the server).
    - `inbox`: what the record asks of people (`InboxEntry`), given the record.
    - `columns`: the listing columns the store keeps beside the JSON, by name, from a record.
    """

    name: str
    label: str
    noun: str
    id_field: str
    to_dict: Callable[[Any], dict[str, Any]]
    from_dict: Callable[[Mapping[str, Any]], Any]
    record_id: Callable[[Any], str] = attrgetter("id")
    title: Callable[[Any], str] = attrgetter("title")
    attachments: Callable[[Any], Iterable[str]] = lambda _record: ()
    inbox: Callable[[Any], Iterable[InboxEntry]] = lambda _record: ()
    columns: Mapping[str, Callable[[Any], Any]] = field(default_factory=dict)


KINDS: dict[str, RecordKind] = {}


class File(Protocol):
    """A file a record refers to, by the SHA-256 of its content (empty: not uploaded yet)."""

    @property
    def sha256(self) -> str: ...


def blob_ids(files: Callable[[Any], Iterable[File]]) -> Callable[[Any], list[str]]:
    """Return `RecordKind.attachments` from a kind's list of files: their blob ids, known ones."""
    return lambda record: [f.sha256 for f in files(record) if f.sha256]


def columns(*names: str, **computed: Callable[[Any], Any]) -> dict[str, Callable[[Any], Any]]:
    """Return `RecordKind.columns`: record attributes by name, then `computed` ones."""
    return {**{name: attrgetter(name) for name in names}, **computed}


def register(kind: RecordKind) -> RecordKind:
    """Register `kind` (once per name) and return it."""
    if kind.name in KINDS and KINDS[kind.name] is not kind:
        raise ValueError(f"record kind {kind.name!r} is registered twice")
    KINDS[kind.name] = kind
    return kind


def kind_of(name: str) -> RecordKind:
    """Return the registered kind called `name` (KeyError if none)."""
    return KINDS[name]


def missing(kind: RecordKind, record_id: str) -> Rejection:
    """Return the one refusal of an action on a record that is missing or not the person's to
    see: the same either way, in the local store and on the server, so that nothing leaks."""
    return Rejection(f"{kind.name}.not_found", f"{kind.noun}不存在，或您已无权查看",
                     {kind.id_field: record_id})


def taken(kind: RecordKind, record_id: str) -> Rejection:
    """Return the refusal of creating a record whose id is taken."""
    return Rejection(f"{kind.name}.exists", f"该{kind.noun}已存在，不能重复创建",
                     {kind.id_field: record_id})
