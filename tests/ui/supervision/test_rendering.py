"""The item pane's texts and HTML, built plainly from records (no widget, no event loop)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from officeapp.org import Organisation
from officeapp.store import RejectionRecord
from officeapp.supervision import Light, LightDetail, LightReason, explain_light
from officeapp.supervision.flow import create_item
from officeapp.supervision.model import SupervisionItem, end_of_day
from ui.supervision.rendering import item_html, rejection_text, trace_html, urgings_html
from ui.supervision.snapshot import ItemSnapshot
from ui.supervision.texts import (
    deadline_text,
    light_explanation,
    mutation_label,
    period_bounds,
    person_name,
    unit_name,
    unit_names,
)

SERVER = datetime(2026, 12, 5, 1, 0, tzinfo=UTC)  # 09:00 in Beijing


def _item(org: Organisation, **fields: object) -> SupervisionItem:
    supervisor = org.actor("p-office.supervisor", SERVER)
    values = {"title": "加快推进老旧小区改造", "source": "领导批示",
              "content": "第一段。\n\n第二段<b>不是标签</b>", **fields}
    return create_item(item_id="s-1", actor=supervisor, now=SERVER, fields=values)


def test_names_and_deadlines_read_as_people_write_them(org: Organisation) -> None:
    finance = next(u for u in org.units.values() if u.name == "市财政局")
    assert unit_name(org, finance.id) == "市财政局"
    assert unit_name(org, None) == "—" and unit_name(org, "u-gone") == "u-gone"
    assert unit_names(org, ()) == "—"
    assert person_name(org, None) == "—"
    assert person_name(org, "p-office.supervisor") == org.people["p-office.supervisor"].name
    # A deadline at the end of a Beijing day is that day; any other moment keeps its time.
    assert deadline_text(end_of_day(date(2026, 12, 31))) == "2026-12-31"
    assert deadline_text(SERVER) == "2026-12-05 09:00"
    assert deadline_text(None) == "—"
    start, end = period_bounds(date(2026, 12, 1), date(2026, 12, 31))
    assert end - start == timedelta(days=31) and start.utcoffset() == timedelta(hours=8)


def test_the_light_says_why_and_about_which_deadline() -> None:
    due = end_of_day(date(2026, 11, 30))
    late = LightDetail(Light.RED, LightReason.OVERDUE, due)
    assert light_explanation(late) == "红灯 · 已逾期（办理时限 2026-11-30）"
    report = LightDetail(Light.YELLOW, LightReason.REPORT_SOON, due)
    assert light_explanation(report) == "黄灯 · 临近进度反馈时间（反馈时间 2026-11-30）"
    assert light_explanation(LightDetail(Light.GREEN, LightReason.ON_TRACK, due)) == (
        "绿灯 · 正常推进")


def test_the_fields_escape_what_people_typed(org: Organisation) -> None:
    item = _item(org)
    snapshot = ItemSnapshot(item, None, (), SERVER, explain_light(item, SERVER))
    shown = item_html(snapshot, org)
    assert "<p class='para'>第一段。</p>" in shown
    assert "&lt;b&gt;不是标签&lt;/b&gt;" in shown and "<b>不是标签</b>" not in shown
    assert "<td class='label'>督办来源</td><td>领导批示</td>" in shown
    assert shown.count("<style>") == 1 and "table.list th" in shown
    assert "尚无催办" in urgings_html(item, org)
    assert "创建" in trace_html(item, org)


def test_a_refused_action_names_it_and_keeps_the_text() -> None:
    args = {"item_id": "s-1", "action": {"kind": "urge", "text": "请本周内反馈"}}
    record = RejectionRecord(id=7, mutation_id=3, name="supervision.act", args=args,
                             document_id=None, code="supervision.wrong_status",
                             message="事项状态已变化", details={}, created_at=SERVER,
                             dismissed=False, record_id="s-1")
    assert mutation_label(record.name, record.args) == "催办"
    assert mutation_label("supervision.create", {}) == "新建"
    text = rejection_text(record)
    assert text.startswith("您的“催办”操作未被服务器接受：")
    assert text.endswith("您当时填写的内容：请本周内反馈")
