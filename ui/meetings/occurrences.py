"""Meetings in time, as the calendar, the room grid and the pane show them: office days and
hours, the occurrences of a series, spans as read, and the colours of each status.

Qt-free (texts go through `ui.common.translate`), so these are tested without a widget.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from officeapp.clock import local
from officeapp.errors import DomainError
from officeapp.meetings import Meeting, MeetingStatus, occurrences
from officeapp.meetings.model import STATUS_LABELS
from ui.common import times
from ui.common.translate import QT_TRANSLATE_NOOP, tr
from ui.common.values import qualified, value_text, weekday_text

LONG_DAY = QT_TRANSLATE_NOOP("", "%Y年%m月%d日")
MONTH_DAY = QT_TRANSLATE_NOOP("", "%m月%d日")
YEAR_MONTH = QT_TRANSLATE_NOOP("", "%Y年%m月")
# Status colours: fill and text, calm for drafts, strong for what will happen.
STATUS_COLOURS: dict[MeetingStatus, tuple[str, str]] = {
    MeetingStatus.DRAFT: ("#e3e8ef", "#3b4a5c"),
    MeetingStatus.NOTIFIED: ("#d6e6fa", "#123e73"),
    MeetingStatus.HELD: ("#dcefdc", "#1d5a22"),
    MeetingStatus.MINUTED: ("#d9efec", "#145a52"),
    MeetingStatus.CANCELLED: ("#eeeeee", "#8a8a8a"),
}


def local_zone() -> tzinfo:
    """Return the office's time zone: meetings are shown, printed and exported in it, as
    the rules word their messages, whatever zone the machine is set to."""
    return times.office_zone()


def today() -> date:
    """Return today's date in the office's time zone."""
    return times.today()


def day_start(day: date) -> datetime:
    """Return local midnight at the start of `day`, as an aware time."""
    return datetime.combine(day, time(0), local_zone())


def week_monday(day: date) -> date:
    """Return the Monday of the week holding `day`."""
    return day - timedelta(days=day.weekday())


def clock(moment: datetime) -> str:
    """Return the local time of day, HH:MM."""
    return times.clock_text(moment)


def when_text(start: datetime, end: datetime) -> str:
    """Return a span as people read it: one day with two times, or two full moments."""
    a, b = local(start), local(end)
    day = qualified(times.day_text(a.date()), weekday_text(a.date()))
    if a.date() == b.date():
        return f"{day} {clock(a)}–{clock(b)}"
    return tr("{0} {1} 至 {2}").format(day, clock(a), times.minute_text(b))


def status_label(status: MeetingStatus) -> str:
    """Return the status as shown."""
    return value_text(STATUS_LABELS[status])


# --- occurrences -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Occurrence:
    """One time a meeting takes place (a one-off meeting has one, a series many)."""

    meeting: Meeting
    start: datetime
    end: datetime

    @property
    def meeting_id(self) -> str:
        """Return the id of the meeting (the series, or the sitting)."""
        return self.meeting.id


def spans_of(meeting: Meeting) -> tuple[tuple[datetime, datetime], ...]:
    """Return a meeting's occurrences; a stored meeting with a broken rule shows its first."""
    try:
        return occurrences(meeting.start, meeting.end, meeting.recurrence)
    except DomainError:
        return ((meeting.start, meeting.end),)


def expand(meetings: Iterable[Meeting], start: datetime, end: datetime) -> list[Occurrence]:
    """Return the occurrences overlapping [start, end), sorted by start; sittings win."""
    meetings = list(meetings)
    sittings = {(m.series_id, m.start) for m in meetings if m.series_id}
    found = [Occurrence(m, s, e) for m in meetings for s, e in spans_of(m)
             if s < end and e > start and (m.id, s) not in sittings]
    return sorted(found, key=lambda o: (o.start, o.meeting.title))


def next_occurrence(meeting: Meeting, now: datetime) -> tuple[datetime, datetime] | None:
    """Return the occurrence running now or next, or None when all are over."""
    return next(((s, e) for s, e in spans_of(meeting) if e > now), None)


def lanes(items: Sequence[Occurrence]) -> list[tuple[Occurrence, int, int]]:
    """Return each occurrence with its lane and the lane count of its cluster (side by side)."""
    placed: list[tuple[Occurrence, int, int]] = []
    cluster: list[tuple[Occurrence, int]] = []
    cluster_end: datetime | None = None
    ends: list[datetime] = []

    def close() -> None:
        width = max((lane for _, lane in cluster), default=0) + 1
        placed.extend((o, lane, width) for o, lane in cluster)

    for item in sorted(items, key=lambda o: (o.start, o.end)):
        if cluster_end is not None and item.start >= cluster_end:
            close()
            cluster, ends, cluster_end = [], [], None
        lane = next((i for i, e in enumerate(ends) if e <= item.start), len(ends))
        if lane == len(ends):
            ends.append(item.end)
        else:
            ends[lane] = item.end
        cluster.append((item, lane))
        cluster_end = item.end if cluster_end is None else max(cluster_end, item.end)
    close()
    return placed


def hour_range(items: Iterable[tuple[datetime, datetime]], days: Sequence[date],
               *, first: int = 8, last: int = 20) -> tuple[int, int]:
    """Return the hours to show: the working day, widened to what happens on `days`."""
    for start, end in items:
        a, b = local(start), local(end)
        if a.date() in days:
            first = min(first, a.hour)
        if b.date() in days:
            last = max(last, b.hour + (1 if b.minute or b.second else 0))
        if a.date() < b.date():
            first, last = 0, 24
    return max(first, 0), min(max(last, first + 1), 24)
