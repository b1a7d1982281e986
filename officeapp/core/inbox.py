"""What a record asks of people: the entries of the one 待办 / 已办 inbox across record kinds.

Each record kind says, for one record, who has what to do on it (`InboxEntry`); the local store
keeps those entries in one table and pages them in SQL, whatever the kind.

An entry's `person_id` is its audience: a person id, or a pool (`pool(unit, role)`: everyone
holding that role in that unit or below it), because a record often names units, not the people
in them. A person sees the entries of their `audiences`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from officeapp.documents import URGENCY_RANK, Urgency
from officeapp.org import Actor, Role

POOL = "@"


@dataclass(frozen=True)
class InboxEntry:
    """One thing one person has to do, or has done, on one record.

    `person_id` is the audience (a person id or a `pool`). `task` is a stable name of what is
    asked (e.g. "handle", "reply", "check_in", "sign_for", "report", "review"); `done` moves
    the entry from 待办 to 已办. `urgency` orders entries across kinds: 0 normal, 1 急/urgent,
    2 特急/most urgent. `expires`: when the entry stops asking (a reply after the meeting ended
    is no work any more); None, never. `excluded`: one person a pool entry does not reach (the
    drafter of a document, who may not review their own draft).
    """

    kind: str
    record_id: str
    person_id: str
    task: str
    title: str
    due: datetime | None = None
    urgency: int = 0
    done: bool = False
    updated_at: datetime | None = None
    expires: datetime | None = None
    excluded: str | None = None


def pool(unit_id: str, role: Role | str) -> str:
    """Return the audience of everyone holding `role` in `unit_id` (or below it)."""
    return f"{POOL}{unit_id}/{Role(role).value}"


def pools(unit_id: str | None, roles: Iterable[Role]) -> list[str]:
    """Return the audiences of `roles` in `unit_id`, in a stable order (none without a unit)."""
    return [] if unit_id is None else [pool(unit_id, r) for r in sorted(roles)]


def audiences(actor: Actor) -> list[str]:
    """Return every audience whose entries the actor sees: themselves, whom they act for (委托),
    and one pool per unit on their path and role they hold."""
    found = [pool(u, r) for u in actor.unit_path for r in sorted(actor.roles)]
    return [actor.person_id, *sorted(actor.acting_for), *found]


def reaches(entry: InboxEntry, actor: Actor) -> bool:
    """Return whether `entry` asks something of `actor` (or tells them what they did)."""
    if entry.person_id not in audiences(actor):
        return False
    return not (entry.person_id.startswith(POOL) and entry.excluded == actor.person_id)


def urgency_level(urgency: Urgency) -> int:
    """Return an `Urgency` as `InboxEntry.urgency` (0 normal … 2 特急)."""
    return 2 - URGENCY_RANK[urgency]
