"""What a record asks of people: the entries of the one 待办 / 已办 inbox across record kinds.

Each record kind says, for one record, who has what to do on it (`InboxEntry`); the local store
keeps those entries in one table and pages them in SQL, whatever the kind.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class InboxEntry:
    """One thing one person has to do, or has done, on one record.

    `task` is a stable name of what is asked (e.g. "handle", "reply", "check_in", "sign_for",
    "report", "review"); `done` moves the entry from 待办 to 已办. `urgency` orders entries
    across kinds: 0 normal, 1 急/urgent, 2 特急/most urgent.
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
