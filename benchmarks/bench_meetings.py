"""Benchmark of meeting conflict checks and the room grid over many bookings.

    .venv/bin/python benchmarks/bench_meetings.py [--bookings 10000] [--rooms 200] [--repeat 500]

Prints one JSON object per line: {"name": ..., "value": ..., "unit": ...}.
Bars: conflict_check_ms_p95 < 10 (a new booking against 10,000 existing bookings),
room_grid_ms < 100 (a week with 200 rooms).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from officeapp.demo import DEMO_PEOPLE, DEMO_UNITS
from officeapp.meetings import (
    Attendee,
    Booking,
    BookingIndex,
    Meeting,
    MeetingAction,
    MeetingActionKind,
    MeetingType,
    Schedule,
    decide_meeting,
    find_conflicts,
    room_grid,
)
from officeapp.org import Organisation, Room

TZ = ZoneInfo("Asia/Shanghai")
MONDAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 16, 9, 0, tzinfo=TZ)


def make_rooms(count: int) -> list[Room]:
    """Return rooms of mixed sizes, one in ten needing approval."""
    return [Room(f"r-{n}", f"{n % 20 + 1}号楼{n}会议室", f"{n % 20 + 1}号楼",
                 capacity=(8, 12, 20, 30, 60)[n % 5], needs_approval=n % 10 == 0,
                 approver_id="p-office.leader") for n in range(count)]


def make_bookings(count: int, rooms: list[Room], rng: random.Random) -> list[Booking]:
    """Return working-hours bookings spread over the rooms, never two at once in one room."""
    people = [f"p-{n}" for n in range(3000)]
    leaders = people[:100]
    bookings: list[Booking] = []
    per_room = max(1, count // len(rooms))
    for room in rooms:
        day, minute = 0, 8 * 60 + 30
        for n in range(per_room):
            minute += rng.choice((0, 0, 30, 60))
            length = rng.choice((30, 60, 90, 120, 180))
            if minute + length > 18 * 60:
                day, minute = day + 1, 8 * 60 + 30
            start = datetime.combine(MONDAY, datetime.min.time(), TZ) + timedelta(
                days=day % 35, minutes=minute)
            host = rng.choice(leaders)
            crowd = frozenset(rng.sample(people, rng.randint(4, 15))) | {host}
            bookings.append(Booking(f"{room.id}-{n}", f"会议{room.id}-{n}", start,
                                    start + timedelta(minutes=length), room_id=room.id,
                                    host_id=host, people=crowd, booked_by="p-office.secretary",
                                    booked_by_name="王秘书"))
            minute += length
    return bookings[:count]


def proposal(rng: random.Random, rooms: list[Room], index: int) -> Meeting:
    """Return a new meeting in the busiest days, with a host and twenty attendees."""
    start = datetime.combine(MONDAY, datetime.min.time(), TZ) + timedelta(
        days=rng.randrange(10), minutes=rng.randrange(8 * 60, 17 * 60, 30))
    attendees = tuple(Attendee.person(f"p-{n}") for n in rng.sample(range(3000), 20))
    return Meeting(id=f"new-{index}", title="新会议", meeting_type=MeetingType.TOPICAL,
                   start=start, end=start + timedelta(hours=1), organiser_unit_id="u-office",
                   created_by="p-office.secretary", created_at=NOW,
                   room_id=rng.choice(rooms).id, host_id=f"p-{rng.randrange(100)}",
                   attendees=attendees)


def _built(bookings: list[Booking]) -> BookingIndex:
    """Return an index with both its room and people lanes built."""
    index = BookingIndex(bookings)
    index.room_lanes()
    index.people_lanes()
    return index


def timed(run: Callable[[], object]) -> float:
    """Return how long one call takes, in milliseconds."""
    started = time.perf_counter()
    run()
    return (time.perf_counter() - started) * 1000


def p95(samples: list[float]) -> float:
    """Return the 95th percentile."""
    return statistics.quantiles(samples, n=20)[-1]


def emit(name: str, value: float, unit: str) -> None:
    """Print one figure as a JSON line."""
    print(json.dumps({"name": name, "value": round(value, 3), "unit": unit}), flush=True)


def main() -> None:
    """Measure and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bookings", type=int, default=10_000)
    parser.add_argument("--rooms", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=500)
    args = parser.parse_args()
    rng = random.Random(20261125)
    rooms = make_rooms(args.rooms)
    bookings = make_bookings(args.bookings, rooms, rng)
    emit("bookings", len(bookings), "count")
    emit("booking_index_build_ms", timed(lambda: _built(bookings)), "ms")
    index = _built(bookings)
    proposals = [proposal(rng, rooms, n) for n in range(args.repeat)]
    checks = [timed(lambda m=m: find_conflicts(m, index)) for m in proposals]
    emit("conflict_check_ms_p95", p95(checks), "ms")
    emit("conflict_check_ms_median", statistics.median(checks), "ms")
    found = [len(find_conflicts(m, index)) for m in proposals]
    emit("conflicts_per_check_mean", statistics.mean(found), "count")
    weekly = [Meeting(**{**m.__dict__, "recurrence": "FREQ=WEEKLY;COUNT=52"})
              for m in proposals[:50]]
    emit("series_52_conflict_check_ms_p95",
         p95([timed(lambda m=m: find_conflicts(m, index)) for m in weekly]), "ms")
    schedule = Schedule({r.id: r for r in rooms}, index)
    org = Organisation(DEMO_UNITS, DEMO_PEOPLE)
    secretary = org.actor("p-office.secretary", NOW)
    book = MeetingAction(MeetingActionKind.BOOK)
    decisions = [timed(lambda m=m: decide_meeting(m, secretary, book, NOW, schedule=schedule))
                 for m in proposals[:200]]
    emit("book_decision_ms_p95", p95(decisions), "ms")
    grids = [timed(lambda: room_grid(rooms, index, MONDAY)) for _ in range(20)]
    emit("room_grid_ms", statistics.median(grids), "ms")
    week = [b for b in bookings if MONDAY <= b.start.date() < MONDAY + timedelta(days=7)]
    emit("room_grid_from_week_bookings_ms",
         statistics.median([timed(lambda: room_grid(rooms, week, MONDAY)) for _ in range(10)]),
         "ms")


if __name__ == "__main__":
    main()
