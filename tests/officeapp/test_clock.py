"""One office clock: every time people read is Beijing time, converted in officeapp.clock only."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from officeapp.clock import OFFICE_TZ, local, minute_text
from officeapp.pdf.sheets import _when

ROOT = Path(__file__).parents[2]
LATE = datetime(2026, 12, 6, 18, 53, tzinfo=UTC)


def test_moments_read_as_beijing_time_whatever_their_zone() -> None:
    assert minute_text(LATE) == "2026-12-07 02:53"
    assert minute_text(LATE.astimezone(OFFICE_TZ)) == "2026-12-07 02:53"
    assert minute_text(datetime(2026, 12, 6, 18, 53)) == "2026-12-07 02:53"  # naive: UTC
    assert local(LATE).utcoffset() == OFFICE_TZ.utcoffset(LATE)


def test_a_sheet_shows_an_opinion_of_the_trace_in_office_time() -> None:
    assert _when(LATE) == "2026年12月7日 02:53"
    # A time typed into a sheet's JSON (no zone) is already office time.
    assert _when(datetime(2023, 11, 27, 9, 30)) == "2023年11月27日 09:30"


def test_the_office_zone_is_defined_once() -> None:
    pattern = re.compile(r'ZoneInfo\("Asia/Shanghai"\)|timedelta\(hours=8\)')
    found = [str(path.relative_to(ROOT)) for folder in ("officeapp", "sync", "ui")
             for path in (ROOT / folder).rglob("*.py") if pattern.search(path.read_text())]
    assert found == ["officeapp/clock.py"]
