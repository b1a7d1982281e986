"""Pure conversions from a document's JSON form to the rows the store keeps for it."""

from __future__ import annotations

import functools
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from officeapp.documents import URGENCY_RANK, Classification, Direction, DocType
from officeapp.org import Role
from officeapp.store.db import dumps, timestamp
from officeapp.workflow.codec import body_versions_from, document_to_dict
from officeapp.workflow.definitions import WORKFLOWS
from officeapp.workflow.model import ActionKind, Document, Retention, Status

# Columns of `documents` after doc_key, in the order `DocumentRows.listing` holds them.
LISTING_COLUMNS = (
    "id", "direction", "doc_type", "title", "doc_number", "urgency", "urgency_rank",
    "classification", "owner_unit_id", "created_by", "step", "status", "deadline",
    "deadline_sort", "created_at", "updated_at", "version",
)

# After every timestamp (they start with a digit): documents without a deadline sort last.
NO_DEADLINE = "~"

_FINAL_STATUS = {"done": Status.COMPLETED, "archived": Status.ARCHIVED}

# The values each enum accepts: a set lookup is ten times cheaper than calling the enum.
_DIRECTIONS = frozenset(d.value for d in Direction)
_DOC_TYPES = frozenset(t.value for t in DocType)
_URGENCY_RANKS = {u.value: rank for u, rank in URGENCY_RANK.items()}
_CLASSIFICATIONS = frozenset(c.value for c in Classification)
_ROLES = frozenset(r.value for r in Role)
_ACTIONS = frozenset(a.value for a in ActionKind)
_RETENTIONS = frozenset(r.value for r in Retention)

HolderRow = tuple[str, str | None, str, str | None, int]
FtsValues = tuple[str, str, str, str]


@dataclass(frozen=True)
class DocumentRows:
    """Everything the store writes for one document, besides its doc_key."""

    id: str
    listing: tuple[Any, ...]
    data: str
    holders: tuple[HolderRow, ...]
    circulations: tuple[tuple[str, int], ...]
    participants: frozenset[str]
    fts: FtsValues
    informed: tuple[tuple[str, int], ...] = ()  # 知会: (person, read)


def status_of(step: str) -> Status:
    """Return the status a step implies: 'done' → completed, 'archived' → archived."""
    return _FINAL_STATUS.get(step, Status.ACTIVE)


def step_label(direction: str, step: str) -> str:
    """Return the Chinese label of a step, or its key if this version does not know it."""
    workflow = WORKFLOWS.get(Direction(direction))
    return workflow.step(step).label if workflow and workflow.has_step(step) else step


def document_rows(document: Document) -> DocumentRows:
    """Return the rows for `document`, all derived from its one JSON form."""
    return rows_from_data(document_to_dict(document))


def rows_from_data(data: Mapping[str, Any]) -> DocumentRows:
    """Return the rows for a document in its JSON form, such as a pulled change carries.

    No Document is built and nothing is encoded twice: at 100k documents that is most of
    an initial sync. Raises KeyError, ValueError or TypeError for exactly the JSON that
    `document_from_dict` refuses (tests/officeapp/store/test_rows.py checks that), so a
    stored document can always be read back.
    """
    direction = _one_of(data["direction"], _DIRECTIONS)
    step, created_by = _text(data["step"]), _text(data["created_by"])
    trace = [_checked_entry(e) for e in data.get("trace", ())]
    excluded = created_by if _excludes_creator(direction, step) else None
    _check_rest(data)
    text = dumps(data, what="文件")
    text.encode()  # UnicodeEncodeError (a ValueError) for a lone surrogate: not storable
    return DocumentRows(
        id=_text(data["id"]),
        listing=_listing(data, direction),
        data=text,
        holders=tuple(row for h in data.get("holders", ()) for row in _holder_rows(h, excluded)),
        circulations=tuple(_circulation_row(c) for c in data.get("circulations", ())),
        participants=frozenset({e["actor_id"] for e in trace}
                               | {e["on_behalf_of"] for e in trace if e.get("on_behalf_of")}),
        fts=fts_values(data),
        informed=tuple(_informed_row(i) for i in data.get("informed") or ()),
    )


def _text(value: Any) -> str:
    """Return `value` if it is a string: the columns it goes to hold text, never null."""
    if not isinstance(value, str):
        raise TypeError(f"expected text, not {type(value).__name__}")
    return value


def _optional_text(value: Any) -> str | None:
    return None if value is None else _text(value)


def _integer(value: Any) -> int:
    """Return int(value) if SQLite can store it."""
    number = int(value)
    if not -(2**63) <= number < 2**63:
        raise ValueError("integer out of range")
    return number


def _stamp(value: datetime) -> str:
    try:
        return timestamp(value)
    except OverflowError:  # an offset that moves the time past year 1 or 9999
        raise ValueError("time out of range") from None


def _one_of(value: Any, allowed: Collection[str]) -> str:
    """Return `value` if it is one of an enum's values, as the enum's constructor would."""
    if value not in allowed:
        raise ValueError(f"unknown value {value!r}")
    return str(value)


def _moment(value: Any) -> datetime | None:
    """Parse a time as the codec does ('' and None are no time)."""
    return None if value in (None, "") else datetime.fromisoformat(str(value))


def _required_moment(value: Any) -> datetime:
    found = _moment(value)
    if found is None:
        raise ValueError("missing time")
    return found


def _listing(data: Mapping[str, Any], direction: str) -> tuple[Any, ...]:
    created = _required_moment(data["created_at"])
    updated = _stamp(_moment(data.get("updated_at")) or created)
    due = _moment(data.get("deadline"))
    deadline = None if due is None else _stamp(due)
    urgency = _one_of(data["urgency"], _URGENCY_RANKS)
    step = data["step"]
    return (
        data["id"], direction, _one_of(data["doc_type"], _DOC_TYPES), _text(data["title"]),
        _optional_text(data.get("doc_number")), urgency, _URGENCY_RANKS[urgency],
        _one_of(data["classification"], _CLASSIFICATIONS), _text(data["owner_unit_id"]),
        data["created_by"], step, status_of(step).value, deadline,
        # Undated documents follow in update order, so the sort key has no large tie group.
        deadline or f"{NO_DEADLINE}{updated}", _stamp(created), updated,
        _integer(data.get("version", 1)),
    )


@functools.cache
def _excludes_creator(direction: str, step: str) -> bool:
    workflow = WORKFLOWS[Direction(direction)]
    return workflow.has_step(step) and workflow.step(step).excludes_creator


def _holder_rows(holder: Mapping[str, Any], excluded: str | None) -> tuple[HolderRow, ...]:
    """Return one row per (holder × role); a personal holder needs no role, so one row."""
    unit_id, done = _text(holder["unit_id"]), int(bool(holder.get("done")))
    roles = sorted({_one_of(r, _ROLES) for r in holder.get("roles", ())})
    _moment(holder.get("claimed_at"))
    person_id = _optional_text(holder.get("person_id"))
    if person_id is not None:
        return ((unit_id, person_id, "", None, done),)
    # The drafter may not take the review pool of their own draft (excludes_creator).
    return tuple((unit_id, None, role, excluded, done) for role in roles)


def _require(mapping: Mapping[str, Any], *keys: str) -> None:
    for key in keys:
        if key not in mapping:
            raise KeyError(key)


def _circulation_row(circulation: Mapping[str, Any]) -> tuple[str, int]:
    _require(circulation, "sent_by")
    _required_moment(circulation["sent_at"])
    return (_text(circulation["person_id"]),
            int(_moment(circulation.get("read_at")) is not None))


def _informed_row(informed: Mapping[str, Any]) -> tuple[str, int]:
    _text(informed["sent_by"])
    _required_moment(informed["sent_at"])
    return (_text(informed["person_id"]), int(_moment(informed.get("read_at")) is not None))


def _checked_entry(entry: Mapping[str, Any]) -> Mapping[str, Any]:
    """Return a trace entry after checking what the codec checks of it."""
    _require(entry, "step", "actor_id")
    _text(entry["at"])
    _required_moment(entry["at"])
    _moment(entry.get("acted_at"))
    _integer(entry["seq"])
    _one_of(entry["action"], _ACTIONS)
    dict(entry.get("details") or {})
    for key in ("step", "actor_id"):
        _text(entry[key])
    _text(entry.get("actor_name", ""))
    for key in ("on_behalf_of", "target_step"):
        _optional_text(entry.get(key))
    return entry


def _check_rest(data: Mapping[str, Any]) -> None:
    """Check the fields the rows do not use, as the codec decodes them."""
    for key in ("main_recipients", "cc_recipients", "countersign_units", "co_unit_ids",
                "circulate_to"):
        tuple(data.get(key, ()))
    for attachment in data.get("attachments", ()):
        if not isinstance(attachment, Mapping):
            raise TypeError("attachment")
        _require(attachment, "name")
        int(attachment.get("size", 0))
    for key in ("written_date", "print_date"):
        if data.get(key) not in (None, ""):
            date.fromisoformat(str(data[key]))
    body_versions_from(data.get("body_versions"))
    official = data.get("official_pdf")
    if official is not None:
        if not isinstance(official, Mapping):
            raise TypeError("official_pdf")
        _require(official, "name")
        _text(official["name"])
        _optional_text(official.get("sha256"))
        int(official.get("size", 0))
    archive = data.get("archive")
    if archive is not None:
        int(archive["year"])
        _one_of(archive["retention"], _RETENTIONS)
        int(archive.get("item_number", 0))


def fts_values(data: Mapping[str, Any]) -> FtsValues:
    """Return (title, doc_number, body, opinions) exactly as the documents_fts_content view."""
    _optional_text(data.get("body"))
    opinions = "\n".join(o for e in data.get("trace", ()) if (o := _as_sql(e.get("opinion"))))
    # The view reads title and 文号 from their columns, 正文 and opinions from the JSON.
    return (data["title"], data.get("doc_number") or "", _as_sql(data.get("body")), opinions)


def _as_sql(text: str | None) -> str:
    """Return `text` as SQLite's json_extract reads it from the stored JSON: cut at the first
    NUL character (a broken or hostile sender's), as the view sees it."""
    if not text:
        return ""
    return text.split("\x00", 1)[0] if "\x00" in text else text
