"""The office's time for people: every time a person reads is Beijing time (Asia/Shanghai),
whatever zone the machine or the server runs in. Records keep aware moments (UTC on the wire);
they are converted here, and only here, when they become text.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

from officeapp.errors import ValidationError

OFFICE_TZ: tzinfo = ZoneInfo("Asia/Shanghai")
MINUTE = "%Y-%m-%d %H:%M"


def local(moment: datetime, *, naive_zone: tzinfo = UTC) -> datetime:
    """Return `moment` in office time. A naive moment is taken in `naive_zone`: UTC, as stores
    keep it, or OFFICE_TZ for a time a person typed (a form, a sheet's JSON)."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=naive_zone)
    return aware.astimezone(OFFICE_TZ)


def office_time(moment: datetime) -> datetime:
    """Return `moment` in office time, a naive one being office time already (typed by a
    person into a form or a sheet)."""
    return local(moment, naive_zone=OFFICE_TZ)


def minute_text(moment: datetime) -> str:
    """Return `moment` as people read it in messages: 2026-12-07 02:53, office time."""
    return local(moment).strftime(MINUTE)


def day_text(moment: datetime | date, *, naive_zone: tzinfo = UTC) -> str:
    """Return the office day of `moment` in Chinese, as 公文 write it: 2026年12月7日."""
    day = local(moment, naive_zone=naive_zone).date() if isinstance(moment, datetime) else moment
    return f"{day.year}年{day.month}月{day.day}日"


def day_minute_text(moment: datetime | date, *, naive_zone: tzinfo = UTC) -> str:
    """Return `moment` as sheets and seals show it: 2026年12月7日 10:05, office time (a date
    alone, without the time of day)."""
    if not isinstance(moment, datetime):
        return day_text(moment)
    at = local(moment, naive_zone=naive_zone)
    return f"{day_text(at)} {at:%H:%M}"


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


def corrected_now(machine_now: datetime, server_offset: timedelta) -> datetime:
    """Return the server's time: this machine's clock plus the offset (the server's clock minus
    this machine's) measured at the last exchange with the server. The one formula: `Clock`,
    the local store's `corrected_now` and the status lights all read it."""
    if machine_now.tzinfo is None or machine_now.utcoffset() is None:
        raise ValidationError("clock.naive", "本机时间缺少时区信息")
    return (machine_now + server_offset).astimezone(UTC)


def _machine_now() -> datetime:
    return datetime.now(UTC)


class Clock:
    """The server's time as this client best knows it: the machine's clock plus the offset
    the last sync measured. Every action and every display of the client reads this one
    clock, so a machine whose clock is wrong shows and does nothing wrong.

    The sync client sets `offset` after each answer of the server (`Api.server_offset`, kept
    in the local store as `server_offset_seconds` for the next start); the app holds one
    Clock and passes `clock.now()` to every action. Display goes through `local` and
    `minute_text`, in office time (Asia/Shanghai).
    """

    def __init__(self, *, offset: timedelta = timedelta(0),
                 machine: Callable[[], datetime] = _machine_now) -> None:
        self.offset = offset
        self._machine = machine

    def now(self) -> datetime:
        """Return the server-corrected time (aware, UTC)."""
        return corrected_now(self._machine(), self.offset)

    def local(self, moment: datetime | None = None) -> datetime:
        """Return `moment` (default: now) in office time."""
        return local(self.now() if moment is None else moment)

    def minute_text(self, moment: datetime | None = None) -> str:
        """Return `moment` (default: now) as people read it: 2026-12-07 02:53, office time."""
        return minute_text(self.now() if moment is None else moment)
