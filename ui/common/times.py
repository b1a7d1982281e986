"""Times as people read them: every moment shown, and every day picked, is in the office's
time zone (Beijing), whatever zone the machine is set to, as the rules word their messages.

This is the one module of the UI that converts or formats times (a test holds the others
to it): a moment stored in UTC can never reach a screen unconverted.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, tzinfo

from officeapp.clock import MINUTE, OFFICE_TZ, local
from officeapp.clock import minute_text as minute_text
from ui.common.translate import translate

SHORT = "%m-%d %H:%M"
CLOCK = "%H:%M"
DAY = "%Y-%m-%d"


def office_zone() -> tzinfo:
    """Return the office's time zone (Asia/Shanghai)."""
    return OFFICE_TZ


def day_of(moment: datetime) -> date:
    """Return the office's calendar day of a moment."""
    return local(moment).date()


def today(now: datetime | None = None) -> date:
    """Return today in the office's time zone (of `now`, else of the machine's clock)."""
    return day_of(now if now is not None else datetime.now(UTC))


def at_time(day: date, clock: time) -> datetime:
    """Return `clock` o'clock of `day` in the office's time zone, as an aware moment."""
    return datetime.combine(day, clock, tzinfo=OFFICE_TZ)


def moment_text(moment: datetime | None, pattern: str = MINUTE) -> str:
    """Return a moment in the office's time zone as `pattern` says ("" for none)."""
    return "" if moment is None else local(moment).strftime(pattern)


def short_text(moment: datetime) -> str:
    """Return a recent moment without its year: 12-07 02:53."""
    return moment_text(moment, SHORT)


def clock_text(moment: datetime) -> str:
    """Return the time of day of a moment: 02:53."""
    return moment_text(moment, CLOCK)


def day_text(day: date, pattern: str = DAY) -> str:
    """Return a calendar day as `pattern` says; a moment must be made a day first."""
    if isinstance(day, datetime):
        raise TypeError("a moment has no day until it is in a time zone: use day_of()")
    return day.strftime(pattern)


def trace_time(at: datetime, acted_at: datetime | None) -> str:
    """Return when a trace entry happened: the server's time, and before it the time the person
    acted where an offline action reached the server later (留痕 keeps both)."""
    if acted_at is None:
        return minute_text(at)
    return translate("", "办理 {0}（本机记录），服务器接收 {1}").format(
        minute_text(acted_at), minute_text(at))
