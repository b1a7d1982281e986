"""What every record kind's trace (留痕) entry shares: who acted, when, with what opinion.

Each kind adds where the record stood (a document's step, a meeting's or an item's status) and
its own action vocabulary. The fields are keyword-only: an entry is always built by name, so the
kinds may add fields without a reader of the shared ones confusing their order.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True, kw_only=True)
class TraceRecord:
    """One append-only record of who did what to a record, with their opinion (留痕).

    `at` is when the server accepted the action, the authoritative time. `acted_at` is when
    the person acted, as their client recorded it (server-corrected), where that was a minute
    or more before `at`: an action taken offline (clock.acted_at). Both are kept and shown.
    """

    seq: int
    actor_id: str
    actor_name: str
    at: datetime
    opinion: str = ""
    on_behalf_of: str | None = None
    details: Mapping[str, Any] = field(default_factory=dict)
    acted_at: datetime | None = None
