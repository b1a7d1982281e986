"""Meeting times: validation, and bounded expansion of recurring series with dateutil's rrule."""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import lru_cache
from itertools import pairwise

from dateutil.rrule import rrule, rrulestr

from officeapp.errors import ValidationError

MAX_OCCURRENCES = 500
MAX_SERIES_SPAN = timedelta(days=731)
MAX_DURATION = timedelta(days=14)
MAX_RULE_LENGTH = 500
_ALLOWED_FREQUENCIES = frozenset({"DAILY", "WEEKLY", "MONTHLY", "YEARLY"})
# The time of day comes from the meeting; BYHOUR/BYMINUTE/BYSECOND would also let one rule
# multiply into millions of instants per period before the occurrence bound is reached.
_ALLOWED_PARTS = frozenset({"FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY",
                            "BYMONTH", "BYSETPOS", "BYWEEKNO", "BYYEARDAY", "WKST"})


def check_time(start: datetime, end: datetime) -> None:
    """Refuse naive times, an end at or before the start, and meetings longer than two weeks."""
    if start.tzinfo is None or end.tzinfo is None:
        raise ValidationError("meeting.naive_time", "会议时间必须带时区", field="start")
    if end <= start:
        raise ValidationError("meeting.bad_time", "会议结束时间必须晚于开始时间",
                              start=start.isoformat(), end=end.isoformat())
    if end - start > MAX_DURATION:
        raise ValidationError("meeting.too_long", "单次会议不能超过14天",
                              start=start.isoformat(), end=end.isoformat())


def normalise_rule(text: str) -> str:
    """Return the rule without an `RRULE:` prefix and surrounding space, refusing other lines."""
    rule = text.strip()
    if rule.upper().startswith("RRULE:"):
        rule = rule[len("RRULE:"):]
    if not rule or len(rule) > MAX_RULE_LENGTH or any(c in rule for c in "\r\n:"):
        raise _bad_rule(text)
    parts = [part.partition("=") for part in rule.upper().split(";")]
    if any(not sep or name not in _ALLOWED_PARTS for name, sep, _ in parts):
        raise _bad_rule(text)
    names = {name: value for name, _, value in parts}
    if names.get("FREQ") not in _ALLOWED_FREQUENCIES:
        raise _bad_rule(text)
    if "COUNT" not in names and "UNTIL" not in names:
        raise ValidationError("meeting.unbounded_recurrence",
                              "重复会议必须设定结束日期（UNTIL）或次数（COUNT）",
                              field="recurrence", rule=text[:100])
    return rule.upper()


def _bad_rule(text: str) -> ValidationError:
    return ValidationError("meeting.bad_recurrence",
                           "重复规则格式不正确（示例：FREQ=WEEKLY;COUNT=10）",
                           field="recurrence", rule=text[:100])


def _parse(rule: str, start: datetime) -> rrule:
    try:
        parsed = rrulestr(rule, dtstart=start)
    except (ValueError, TypeError, IndexError, KeyError, OverflowError):
        raise _bad_rule(rule) from None
    if not isinstance(parsed, rrule):
        raise _bad_rule(rule)
    return parsed


@lru_cache(maxsize=4096)
def _starts(rule: str, start: datetime) -> tuple[datetime, ...]:
    parsed = _parse(rule, start)
    limit = start + MAX_SERIES_SPAN
    found: list[datetime] = []
    for moment in parsed:
        if len(found) == MAX_OCCURRENCES or moment > limit:
            raise ValidationError(
                "meeting.recurrence_too_long",
                f"重复会议最多{MAX_OCCURRENCES}次，且不能超过两年",
                field="recurrence", rule=rule,
            )
        found.append(moment)
    if not found:
        raise ValidationError("meeting.bad_recurrence", "按该重复规则，会议一次也不会举行",
                              field="recurrence", rule=rule)
    if found[0] != start:
        # RFC 5545 leaves a DTSTART outside its own rule undefined; calendars disagree on it.
        raise ValidationError("meeting.bad_recurrence", "会议开始时间必须是重复规则中的第一次",
                              field="recurrence", rule=rule, first=found[0].isoformat())
    return tuple(found)


def occurrence_starts(start: datetime, recurrence: str | None) -> tuple[datetime, ...]:
    """Return the start of every occurrence: just `start` for a one-off meeting."""
    if recurrence is None:
        return (start,)
    return _starts(normalise_rule(recurrence), start)


def occurrences(
    start: datetime, end: datetime, recurrence: str | None
) -> tuple[tuple[datetime, datetime], ...]:
    """Return each occurrence as a half-open (start, end); a series must not overlap itself."""
    check_time(start, end)
    length = end - start
    spans = tuple((s, s + length) for s in occurrence_starts(start, recurrence))
    for (_, first_end), (second_start, _) in pairwise(spans):
        if second_start < first_end:
            raise ValidationError("meeting.recurrence_overlaps", "重复会议的相邻两次时间重叠",
                                  field="recurrence", at=second_start.isoformat())
    return spans


def check_recurrence(start: datetime, end: datetime, recurrence: str | None) -> str | None:
    """Return the normalised rule after checking it expands to a bounded, non-overlapping series."""
    if recurrence is None or not recurrence.strip():
        return None
    rule = normalise_rule(recurrence)
    occurrences(start, end, rule)
    return rule
