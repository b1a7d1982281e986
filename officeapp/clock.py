"""The office's time for people: every time a person reads is Beijing time (Asia/Shanghai),
whatever zone the machine or the server runs in. Records keep aware moments (UTC on the wire);
they are converted here, and only here, when they become text.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

OFFICE_TZ: tzinfo = ZoneInfo("Asia/Shanghai")
MINUTE = "%Y-%m-%d %H:%M"


def local(moment: datetime) -> datetime:
    """Return `moment` in office time (a naive moment is taken as UTC, as stores keep it)."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return aware.astimezone(OFFICE_TZ)


def minute_text(moment: datetime) -> str:
    """Return `moment` as people read it in messages: 2026-12-07 02:53, office time."""
    return local(moment).strftime(MINUTE)


# Closer than this to the server's time, the time a person acted is the time it was accepted.
ACTED_AT_TOLERANCE = timedelta(minutes=1)


def acted_at(claimed: datetime | None, now: datetime) -> datetime | None:
    """Return the time a person acted to keep beside `now` (when the server accepted it): the
    client's claim when it is at least a minute earlier, else None. A claim in the future is
    a wrong clock, not an earlier action, and is dropped. Every record kind's trace (公文,
    会议, 督办) keeps it the same way (留痕: an action taken offline keeps its own time)."""
    if claimed is None or not now - claimed >= ACTED_AT_TOLERANCE:
        return None
    return claimed
