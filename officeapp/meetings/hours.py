"""Office hours: when a new meeting starts unless its organiser says otherwise.

Everything here is office time (Beijing), whatever zone the machine runs in. Working days
are Monday to Friday; public holidays and the weekends worked in their place (调休) are
not known here, so a default may fall on a holiday and be moved by hand.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from officeapp.clock import OFFICE_TZ, local

OPENS = time(8)
CLOSES = time(18)
FIRST_MEETING = time(9)  # when a day's first meeting starts by default
DEFAULT_LENGTH = timedelta(hours=1)


def is_working_day(day: date) -> bool:
    """Return whether `day` is a working day (Monday to Friday)."""
    return day.weekday() < 5


def in_office_hours(moment: datetime) -> bool:
    """Return whether a meeting may start at `moment`: a working day, 08:00 to before 18:00."""
    at = local(moment)
    return is_working_day(at.date()) and OPENS <= at.time() < CLOSES


def default_start(now: datetime) -> datetime:
    """Return a new meeting's default start: the next full hour when a meeting may start
    then, else 09:00 of the next working day (today's, before 09:00)."""
    at = local(now)
    next_hour = at.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
    if in_office_hours(next_hour):
        return next_hour
    # A meeting at 18:00 or later is past office hours, so 17:20 gives tomorrow 09:00.
    day = at.date() if at.time() < FIRST_MEETING else at.date() + timedelta(days=1)
    while not is_working_day(day):
        day += timedelta(days=1)
    return datetime.combine(day, FIRST_MEETING, tzinfo=OFFICE_TZ)
