"""The office's time for people: every time a person reads is Beijing time (Asia/Shanghai),
whatever zone the machine or the server runs in. Records keep aware moments (UTC on the wire);
they are converted here, and only here, when they become text.
"""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo
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
