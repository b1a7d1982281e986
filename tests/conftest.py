"""Fixtures shared by the whole suite: the demo organisation and a fixed clock."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from officeapp.demo import DEMO_PEOPLE, DEMO_UNITS
from officeapp.org import Organisation
from tests.flows import Flow


@pytest.fixture
def org() -> Organisation:
    """The demo organisation: 市政府办公室, 市财政局, 市教育局 under 萍乡市人民政府."""
    return Organisation(DEMO_UNITS, DEMO_PEOPLE)


@pytest.fixture
def now() -> datetime:
    """A fixed, timezone-aware moment for the rules."""
    return datetime(2026, 11, 23, 9, 30, tzinfo=UTC)


@pytest.fixture
def flow(org: Organisation, now: datetime) -> Flow:
    """A driver that walks documents through their workflow as named demo users."""
    return Flow(org, now)
