"""What the meeting pane and form say, built without a widget: names, places, replies, the
HTML of the details and the trace, the summaries, and the form's repeat rule."""

from __future__ import annotations

import ast
from datetime import datetime
from pathlib import Path

import pytest

from officeapp.demo import DEMO_ROOMS, FINANCE_ID
from officeapp.meetings import MeetingActionKind, MeetingStatus
from officeapp.org import Organisation
from tests.officeapp.meetings.conftest import Desk
from ui.common.rich import style
from ui.meetings.form_values import parse_repeat, repeat_rule
from ui.meetings.occurrences import next_occurrence, spans_of
from ui.meetings.rendering import (
    agenda_html,
    check_in_summary,
    details_html,
    reply_rows,
    reply_summary,
    trace_html,
)
from ui.meetings.texts import my_reply, place_text, recurrence_text, reply_text, short_place

ROOT = Path(__file__).resolve().parents[3]
ROOMS = {r.id: r for r in DEMO_ROOMS}
# The modules that build texts must not import Qt: they are tested here without a widget.
QT_FREE = ("ui/meetings/texts.py", "ui/meetings/rendering.py", "ui/meetings/occurrences.py",
           "ui/meetings/form_values.py", "ui/common/translate.py", "ui/common/names.py",
           "ui/common/rich.py")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


@pytest.mark.parametrize("module", QT_FREE)
def test_the_text_modules_import_no_qt(module: str) -> None:
    qt = {m for m in _imports(ROOT / module)
          if m.split(".")[0] in ("PySide6", "shiboken6") or m == "ui.common.qt"}
    assert qt == set()


@pytest.fixture
def desk(org: Organisation, now: datetime) -> Desk:
    return Desk(org, now)


def test_a_notified_meeting_reads_as_its_fields_and_agenda(desk: Desk, org: Organisation) -> None:
    meeting = desk.notified()
    html = details_html(meeting, org, ROOMS, show_code=True, now=desk.clock)
    assert "常务会议" in html and "第一会议室" in html
    assert "<b>4821</b>" in html  # staff see the sign-in code
    assert "4821" not in details_html(meeting, org, ROOMS, show_code=False, now=desk.clock)
    agenda = agenda_html(meeting, org)
    assert agenda.startswith("<ol>") and "研究2027年财政预算编制工作" in agenda
    assert f"（汇报单位：{org.units[FINANCE_ID].name}）" in agenda
    assert "预算草案.pdf 1.0 KB" in agenda
    assert short_place(meeting, ROOMS) == "第一会议室"
    assert place_text(meeting, ROOMS).endswith("（已预订）")


def test_replies_are_counted_and_the_unreplied_named_last(desk: Desk,
                                                        org: Organisation) -> None:
    meeting = desk.notified()
    meeting = desk.do(meeting, "office.deputy", MeetingActionKind.REPLY, reply="leave",
                      reason="出差")
    rows = reply_rows(meeting, org)
    assert rows[0][2] == "请假：出差" and all(r[2] == "未回执" for r in rows[1:])
    summary = reply_summary(meeting, rows)
    assert summary.startswith(f"已回执1，其中参加0、请假1、委派0；未回执{len(rows) - 1}：")
    assert my_reply(meeting, desk.actor("office.deputy")) == "请假"
    assert my_reply(meeting, desk.actor("finance.leader")) == "未回执"
    assert my_reply(meeting, desk.actor("office.leader")) == "主持"
    assert reply_text(org, None) == "未回执"
    assert meeting.status is MeetingStatus.NOTIFIED
    assert check_in_summary(meeting, org, 0).startswith("已签到0人；尚未签到：")


def test_the_trace_lists_every_step_with_who_did_it(desk: Desk, org: Organisation) -> None:
    meeting = desk.notified()
    trace = trace_html(meeting, org)
    assert trace.count("<tr>") == len(meeting.trace)
    assert org.people["p-office.secretary"].name in trace


def test_a_series_reads_as_its_rule_and_the_form_keeps_it(desk: Desk) -> None:
    series = desk.create(recurrence="FREQ=WEEKLY;COUNT=4")
    assert recurrence_text(series) == "每周，共4次"
    assert len(spans_of(series)) == 4
    assert next_occurrence(series, desk.clock) == spans_of(series)[0]
    assert repeat_rule("WEEKLY", 4) == "FREQ=WEEKLY;COUNT=4"
    assert parse_repeat("FREQ=WEEKLY;COUNT=4") == ("WEEKLY", 4)
    assert parse_repeat("FREQ=WEEKLY;BYDAY=MO") is None  # shown as 自定义, kept as it is
    assert repeat_rule("", 4) is None


def test_the_shared_style_sheet_is_the_panes_one() -> None:
    assert style(" td.when { color: #666; }") == (
        "\n<style>\n table.fields td { padding: 3px 10px 3px 0; vertical-align: top; }\n"
        " td.label { color: #666; white-space: nowrap; }\n"
        " h3 { margin-top: 14px; margin-bottom: 6px; }\n .muted { color: #777; }\n"
        " td.when { color: #666; }\n</style>\n")
