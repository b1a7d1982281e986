"""One office clock: every time people read is Beijing time, converted in officeapp.clock only."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from officeapp.clock import (
    OFFICE_TZ,
    Clock,
    corrected_now,
    day_minute_text,
    day_text,
    local,
    minute_text,
    office_time,
)
from officeapp.errors import ValidationError

ROOT = Path(__file__).parents[2]
LATE = datetime(2026, 12, 6, 18, 53, tzinfo=UTC)


def test_moments_read_as_beijing_time_whatever_their_zone() -> None:
    assert minute_text(LATE) == "2026-12-07 02:53"
    assert minute_text(LATE.astimezone(OFFICE_TZ)) == "2026-12-07 02:53"
    assert minute_text(datetime(2026, 12, 6, 18, 53)) == "2026-12-07 02:53"  # naive: UTC
    assert local(LATE).utcoffset() == OFFICE_TZ.utcoffset(LATE)


def test_a_sheet_shows_an_opinion_of_the_trace_in_office_time() -> None:
    assert day_minute_text(LATE, naive_zone=OFFICE_TZ) == "2026年12月7日 02:53"
    # A time typed into a sheet's JSON (no zone) is already office time.
    typed = datetime(2023, 11, 27, 9, 30)
    assert day_minute_text(typed, naive_zone=OFFICE_TZ) == "2023年11月27日 09:30"
    assert office_time(typed).hour == 9 and office_time(LATE).hour == 2
    assert day_minute_text(typed.date()) == day_text(typed.date()) == "2023年11月27日"


def test_the_office_zone_is_defined_once() -> None:
    pattern = re.compile(r'ZoneInfo\("Asia/Shanghai"\)|timedelta\(hours=8\)')
    found = [str(path.relative_to(ROOT)) for folder in ("officeapp", "sync", "ui")
             for path in (ROOT / folder).rglob("*.py") if pattern.search(path.read_text())]
    assert found == ["officeapp/clock.py"]


def test_the_clock_reads_the_server_corrected_time_and_shows_it_in_office_time() -> None:
    clock = Clock(offset=timedelta(hours=-1), machine=lambda: LATE)
    assert clock.now() == LATE - timedelta(hours=1) and clock.now().tzinfo is UTC
    assert clock.now() == corrected_now(LATE, timedelta(hours=-1))
    assert clock.minute_text() == "2026-12-07 01:53" and clock.local().hour == 1
    clock.offset = timedelta(0)  # the sync client, after the next answer
    assert clock.minute_text(LATE) == clock.minute_text() == "2026-12-07 02:53"


def test_a_machine_time_without_a_zone_cannot_be_corrected() -> None:
    with pytest.raises(ValidationError):
        corrected_now(datetime(2026, 12, 6, 18, 53), timedelta(0))
