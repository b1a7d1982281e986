"""A new meeting's default start: the next full hour in office hours, else 09:00 of the
next working day, all in Beijing time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from officeapp.meetings import DEFAULT_LENGTH, default_start, in_office_hours

from .conftest import SHANGHAI


def beijing(day: int, hour: int, minute: int = 0) -> datetime:
    """Return a moment of March 2027 in Beijing (1 March 2027 is a Monday)."""
    return datetime(2027, 3, day, hour, minute, tzinfo=SHANGHAI)


@pytest.mark.parametrize(("now", "expected"), [
    (beijing(1, 3), beijing(1, 9)),  # Monday 03:00: 09:00 the same day
    (beijing(1, 7, 10), beijing(1, 8)),  # the next full hour is in office hours
    (beijing(1, 9), beijing(1, 10)),
    (beijing(1, 10, 20), beijing(1, 11)),
    (beijing(1, 16, 59), beijing(1, 17)),  # 17:00–18:00 still ends by closing time
    # 17:20: a meeting starting at 18:00 is past office hours, so the next working day.
    (beijing(1, 17, 20), beijing(2, 9)),
    (beijing(1, 23, 30), beijing(2, 9)),
    (beijing(5, 19), beijing(8, 9)),  # Friday 19:00: Monday 09:00
    (beijing(5, 17, 20), beijing(8, 9)),
    (beijing(6, 10), beijing(8, 9)),  # Saturday morning
    (beijing(7, 3), beijing(8, 9)),  # Sunday night
])
def test_the_default_start_is_an_office_hour(now: datetime, expected: datetime) -> None:
    assert default_start(now) == expected
    assert default_start(now) + DEFAULT_LENGTH == expected + timedelta(hours=1)


def test_the_default_start_is_beijing_time_whatever_zone_now_is_in() -> None:
    # 19:00 UTC on Sunday 28 February is 03:00 on Monday 1 March in Beijing.
    start = default_start(datetime(2027, 2, 28, 19, 0, tzinfo=UTC))
    assert start == beijing(1, 9)
    assert start.utcoffset() == timedelta(hours=8)
    # A naive moment is UTC, as stores keep it: 02:20 UTC is 10:20 in Beijing.
    assert default_start(datetime(2027, 3, 1, 2, 20)) == beijing(1, 11)


@given(st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2035, 12, 31),
                    timezones=st.just(UTC)))
def test_the_default_start_is_soon_on_the_hour_and_in_office_hours(now: datetime) -> None:
    start = default_start(now)
    assert in_office_hours(start)
    assert start > now
    assert (start.minute, start.second, start.microsecond) == (0, 0, 0)
    assert start - now <= timedelta(days=2, hours=16)  # Friday 17:00 to Monday 09:00
