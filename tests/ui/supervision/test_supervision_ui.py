"""The 督办 page, item pane, form and dashboard against a real store (and, end to end, against
the demo server): lights at the server's time, filters, every step of the flow, exports."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import ofdkit
import pytest

from officeapp.core.verdict import Accepted
from officeapp.demo import EDU_ID, FINANCE_ID, OFFICE_ID
from officeapp.meetings.model import Decision as MeetingDecision
from officeapp.meetings.model import Meeting, MeetingType
from officeapp.supervision import (
    ActionKind,
    ItemQuery,
    Light,
    Source,
    Status,
    SupervisionAction,
    SupervisionItem,
    available_actions,
    filter_rows,
    item_row,
    unit_statistics,
)
from officeapp.supervision.ledger import read_ledger
from officeapp.supervision.model import end_of_day
from officeapp.workflow import ActionKind as DocAction
from sync.client import actions
from tests.ui.conftest import run, until
from tests.ui.doc_fixtures import DocEnv, doc_env, doc_loop
from tests.ui.test_client import Sessions, ctx_of, sessions, window_of
from ui.common.context import ChangeKind, Changes
from ui.common.qt import QPdfDocument
from ui.documents.document_view import DocumentView
from ui.supervision.dialogs import DeadlineDialog, ReportDialog, SupervisionPdfDialog, TextDialog
from ui.supervision.supervision_dashboard import SupervisionDashboard
from ui.supervision.supervision_form import SupervisionForm
from ui.supervision.supervision_page import SupervisionPage
from ui.supervision.supervision_view import SupervisionView
from ui.supervision.texts import beijing_day, period_bounds
from ui.tray import Notifier

__all__ = ["doc_env", "doc_loop", "sessions"]  # fixtures used by the tests below

SUPERVISOR = "office.supervisor"


# --- walking items as demo people --------------------------------------------------------------


def _now(env: DocEnv) -> datetime:
    return env.session_clock.now()


def create(env: DocEnv, *, title: str = "推进全市数字政府建设", lead: str | None = FINANCE_ID,
           co: tuple[str, ...] = (EDU_ID,), days: int | None = 30, source: str = "领导批示",
           content: str = "按市政府常务会议要求推进。", **fields: Any) -> str:
    """Create a draft as the supervisor; return its id."""
    values: dict[str, Any] = {"title": title, "source": source, "content": content,
                              "lead_unit_id": lead, "co_unit_ids": list(co), **fields}
    if days is not None:
        values["deadline"] = (_now(env) + timedelta(days=days)).isoformat()
    item: SupervisionItem = env.worker.call(
        actions.create_supervision_item, env.store, person_id=f"p-{SUPERVISOR}",
        fields=values, now=_now(env))
    return item.id


def act(env: DocEnv, item_id: str, username: str, kind: ActionKind, **kwargs: Any) -> Any:
    """Take an action as `username` now; it must be accepted."""
    decision = env.worker.call(
        actions.act_supervision, env.store, person_id=f"p-{username}", item_id=item_id,
        action=SupervisionAction(kind, **kwargs), now=_now(env))
    assert isinstance(decision, Accepted), decision
    return decision.record


def assigned(env: DocEnv, **fields: Any) -> str:
    """Create, open and assign an item."""
    item_id = create(env, **fields)
    act(env, item_id, SUPERVISOR, ActionKind.OPEN)
    act(env, item_id, SUPERVISOR, ActionKind.ASSIGN)
    return item_id


def item(env: DocEnv, item_id: str) -> SupervisionItem:
    found = env.worker.call(env.store.get_record, "supervision", item_id)
    assert found is not None
    return found


def put(env: DocEnv, changed: SupervisionItem) -> None:
    """Store an item as if the server had sent it."""
    env.worker.call(env.store.put_records, "supervision", [changed])


def view_of(env: DocEnv, username: str, item_id: str) -> SupervisionView:
    view = SupervisionView(env.ctx(username))
    env.keep(view)
    view.resize(900, 760)
    view.show_item(item_id)
    env.until(lambda: view.snapshot is not None and view.snapshot.item.id == item_id,
              what="the item to load")
    return view


def reloaded(env: DocEnv, view: SupervisionView, check: Any) -> None:
    view.reload()
    env.until(lambda: view.snapshot is not None and check(view.snapshot.item),
              what="the pane to show the change")


def accept(env: DocEnv, view: SupervisionView, dialog_type: type, status: Status,
           item_id: str, fill: Any = None) -> None:
    """Accept the dialog the pane opened and wait for the item to reach `status`."""
    dialog = view.dialog
    assert isinstance(dialog, dialog_type), dialog
    if fill is not None:
        fill(dialog)
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    env.until(lambda: item(env, item_id).status is status, what=f"status {status}")
    env.until(lambda: view.snapshot is not None and view.snapshot.item.status is status)


def page_of(env: DocEnv, username: str) -> SupervisionPage:
    page = SupervisionPage(env.ctx(username))
    env.keep(page)
    page.resize(1300, 800)
    page.refresh()
    env.until(lambda: page.org is not None and page.now is not None, what="the page to load")
    return page


def listed(env: DocEnv, page: SupervisionPage, **changes: Any) -> list[str]:
    """Set filters on the page's bar and return the ids listed."""
    for name, value in changes.items():
        widget = getattr(page.filters, name)
        if hasattr(widget, "findData"):
            widget.setCurrentIndex(widget.findData(value))
        elif hasattr(widget, "setChecked"):
            widget.setChecked(value)
        else:
            widget.setText(value)
    page.load_items()
    env.settle(0.3)
    env.until(page.item_loads.idle, what="the list to load")
    return page.listed_ids()


# --- the pane ----------------------------------------------------------------------------------


def test_buttons_are_exactly_what_the_rules_allow(doc_env: DocEnv) -> None:
    item_id = assigned(doc_env)
    org = doc_env.worker.call(doc_env.store.organisation)
    for username in (SUPERVISOR, "finance.clerk", "edu.clerk", "office.leader"):
        view = view_of(doc_env, username, item_id)
        now = view.snapshot.now if view.snapshot else _now(doc_env)
        allowed = {k.value for k in available_actions(item(doc_env, item_id),
                                                      org.actor(f"p-{username}", now), now)}
        assert view.shown_actions() - {"split"} == allowed, username
    lead = view_of(doc_env, "finance.clerk", item_id)
    assert lead.buttons["return"].text() == "退回交办"
    assert lead.buttons["receive"].text() == "签收"
    supervisor = view_of(doc_env, SUPERVISOR, item_id)
    assert {"urge", "split"} <= set(supervisor.more_actions)
    co_unit = view_of(doc_env, "edu.clerk", item_id)  # a co-unit waits until it is received
    assert co_unit.shown_actions() == set() and not co_unit.action_bar.no_actions.isHidden()


@pytest.mark.qt_log_ignore("propagateSizeHints")  # dialogs open as windows offscreen
def test_every_step_of_the_flow_from_the_pane(doc_env: DocEnv) -> None:
    env = doc_env
    item_id = create(env, cycle={"kind": "weekly"})
    boss = view_of(env, SUPERVISOR, item_id)
    assert "草稿" in boss.meta.text() and "绿灯" in boss.light_text()

    boss.buttons["open"].click()
    accept(env, boss, TextDialog, Status.OPENED, item_id)
    boss.buttons["assign"].click()
    accept(env, boss, TextDialog, Status.ASSIGNED, item_id)
    row = env.outbox()[-1]
    assert row.name == "supervision.act" and row.args["action"]["kind"] == "assign"
    assert row.args["action"]["expected_status"] == "opened"
    assert "等待服务器确认" in boss.pending_badge.text()

    lead = view_of(env, "finance.clerk", item_id)
    lead.buttons["receive"].click()
    accept(env, lead, TextDialog, Status.RECEIVED, item_id)
    source = env.tmp_path / "进展材料.txt"
    source.write_text("已完成方案起草", encoding="utf-8")
    lead.buttons["report"].click()
    dialog = lead.dialog
    assert isinstance(dialog, ReportDialog)
    dialog.files.add_files([source])
    env.until(lambda: dialog.files.attachments, what="the file copied in")

    def report(d: ReportDialog) -> None:
        d.percent.setValue(40)
        d.text.setPlainText("方案已起草，正在征求意见")

    accept(env, lead, ReportDialog, Status.IN_PROGRESS, item_id, report)
    reported = item(env, item_id)
    assert reported.percent == 40 and reported.progress_reports[0].attachments[0].name == (
        "进展材料.txt")
    assert "方案已起草" in lead.reports.toPlainText() and "40%" in lead.reports.toPlainText()

    # 延期申请, then the supervisor grants a shorter date than asked.
    deadline = reported.deadline
    assert deadline is not None
    lead.more_actions["request_extension"].trigger()
    asking = lead.dialog
    assert isinstance(asking, DeadlineDialog)
    asking.buttons.button(asking.buttons.StandardButton.Ok).click()
    assert "理由" in asking.error.text()  # still open: a reason is required
    asking.text.setPlainText("需征求省厅意见")
    wanted = beijing_day(deadline) + timedelta(days=20)
    asking.date.setDate(asking.date.date().fromString(wanted.isoformat(), "yyyy-MM-dd"))
    asking.buttons.button(asking.buttons.StandardButton.Ok).click()
    env.until(lambda: item(env, item_id).pending_extension is not None, what="the request")
    reloaded(env, boss, lambda i: i.pending_extension is not None)
    assert boss.tabs.tabText(3) == "延期（1）（待审批）"
    boss.buttons["approve_extension"].click()
    granting = boss.dialog
    assert isinstance(granting, DeadlineDialog)
    shorter = beijing_day(deadline) + timedelta(days=10)
    granting.date.setDate(granting.date.date().fromString(shorter.isoformat(), "yyyy-MM-dd"))
    granting.buttons.button(granting.buttons.StandardButton.Ok).click()
    env.until(lambda: item(env, item_id).deadline == end_of_day(shorter), what="the new date")
    reloaded(env, boss, lambda i: i.deadline == end_of_day(shorter))
    assert "已同意" in boss.extensions.toPlainText()
    assert f"延期至 {shorter.isoformat()}" in boss.extensions.toPlainText()

    # 办结申请 → 退回 (a reason is required) → again → 办结销号.
    reloaded(env, lead, lambda i: i.pending_extension is None)
    lead.buttons["request_completion"].click()
    accept(env, lead, ReportDialog, Status.COMPLETION_REQUESTED, item_id,
           lambda d: d.text.setPlainText("已印发实施方案"))
    reloaded(env, boss, lambda i: i.status is Status.COMPLETION_REQUESTED)
    boss.buttons["return"].click()
    returning = boss.dialog
    assert isinstance(returning, TextDialog)
    returning.buttons.button(returning.buttons.StandardButton.Ok).click()
    assert returning.error.text() == "退回时必须填写退回理由"
    accept(env, boss, TextDialog, Status.RETURNED, item_id,
           lambda d: d.text.setPlainText("请补充实施效果"))
    reloaded(env, lead, lambda i: i.status is Status.RETURNED)
    lead.buttons["request_completion"].click()
    accept(env, lead, ReportDialog, Status.COMPLETION_REQUESTED, item_id,
           lambda d: d.text.setPlainText("已补充实施效果"))
    reloaded(env, boss, lambda i: i.status is Status.COMPLETION_REQUESTED)
    boss.buttons["complete"].click()
    accept(env, boss, TextDialog, Status.COMPLETED, item_id)
    assert boss.light_text().startswith("已办结 · 按期办结")
    trace = boss.trace.toPlainText()
    for text in ("立项 → 已立项", "交办 → 已交办", "签收 → 已签收", "完成进度 40%", "延期申请",
                 "同意延期", "退回 → 已退回", "请补充实施效果", "办结销号 → 已办结"):
        assert text in trace, text
    assert boss.action_bar.no_actions.isVisibleTo(boss) or boss.shown_actions() <= {"split"}


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_urging_and_a_refused_extension(doc_env: DocEnv) -> None:
    env = doc_env
    item_id = assigned(env)
    act(env, item_id, "finance.clerk", ActionKind.RECEIVE)
    act(env, item_id, "finance.clerk", ActionKind.REQUEST_EXTENSION, text="人手不足",
        deadline=item(env, item_id).deadline + timedelta(days=9))  # type: ignore[operator]
    boss = view_of(env, SUPERVISOR, item_id)
    boss.more_actions["urge"].trigger()
    urging = boss.dialog
    assert isinstance(urging, TextDialog)
    assert "推进全市数字政府建设" in urging.text.toPlainText()
    urging.buttons.button(urging.buttons.StandardButton.Ok).click()
    env.until(lambda: item(env, item_id).urgings, what="the urging")
    reloaded(env, boss, lambda i: bool(i.urgings))
    assert "人工催办" in boss.urgings.toPlainText() and boss.tabs.tabText(2) == "催办（1）"

    boss.buttons["refuse_extension"].click()
    accept(env, boss, TextDialog, Status.RECEIVED, item_id,
           lambda d: d.text.setPlainText("时限不能调整"))
    env.until(lambda: item(env, item_id).pending_extension is None)
    reloaded(env, boss, lambda i: i.pending_extension is None)
    assert "不同意" in boss.extensions.toPlainText()


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_a_refusal_shows_the_chinese_message(doc_env: DocEnv) -> None:
    env = doc_env
    item_id = assigned(env)
    lead = view_of(env, "finance.clerk", item_id)
    # Someone else of the unit received it meanwhile; this pane still shows 已交办.
    act(env, item_id, "finance.leader", ActionKind.RECEIVE)
    lead.buttons["receive"].click()
    dialog = lead.dialog
    assert isinstance(dialog, TextDialog)
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    env.until(lambda: not lead.action_error.isHidden(), what="the refusal")
    assert "未能办理" in lead.action_error.text() and "孙局长" in lead.action_error.text()

    mutation = env.outbox()[-1].mutation_id
    env.worker.call(lambda: env.store.record_rejection(
        mutation_id=mutation, code="supervision.status_moved",
        message="事项已不是“已交办”状态：刘会计已于2026-11-23 09:31签收"))
    lead.reload()
    env.until(lambda: lead.rejection_banners(), what="the banner")
    banner = lead.rejection_banners()[0]
    assert "签收" in banner.message.text() and "刘会计已于" in banner.message.text()
    banner.dismiss_button.click()
    env.until(lambda: not lead.rejection_banners(), what="the banner to go")


def test_light_follows_the_server_clock_not_the_local_one(doc_env: DocEnv) -> None:
    env = doc_env
    item_id = assigned(env, days=5)
    view = view_of(env, SUPERVISOR, item_id)
    assert view.snapshot is not None and view.snapshot.light.light is not Light.RED
    # This machine's clock is ten days slow: the server says the deadline has passed.
    env.set_server_offset(timedelta(days=10))
    view.reload()
    env.until(lambda: view.snapshot is not None and view.snapshot.light.light is Light.RED,
              what="red at the server's time")
    assert view.light_text().startswith("红灯 · 已逾期")
    page = page_of(env, SUPERVISOR)
    assert listed(env, page, light=Light.RED) == [item_id]
    assert page.items.data(page.items.index(0, 0)) == "红灯"
    assert listed(env, page, light=Light.GREEN) == []
    entries = page.inbox.entries
    assert entries and entries[0].item_id == item_id and entries[0].light is Light.RED


def test_list_filters_agree_with_the_reference_filter(doc_env: DocEnv) -> None:
    env = doc_env
    first = assigned(env, title="财政预算执行督查", days=2)  # yellow: due soon
    second = assigned(env, title="教育经费落实情况", lead=EDU_ID, co=(FINANCE_ID,),
                      source="会议议定", days=40)
    third = create(env, title="办公室内部事项", lead=OFFICE_ID, co=(), days=60,
                   source="上级交办")
    page = page_of(env, SUPERVISOR)
    page.set_mode(page.ALL)
    assert set(listed(env, page)) == {first, second, third}
    assert set(listed(env, page, unit=FINANCE_ID)) == {first, second}
    assert listed(env, page, lead_only=True) == [first]
    listed(env, page, unit=None, lead_only=False)
    assert listed(env, page, source=Source.MEETING_DECISION) == [second]
    listed(env, page, source=None)
    assert listed(env, page, status=Status.DRAFT) == [third]
    listed(env, page, status=None)
    assert listed(env, page, light=Light.YELLOW) == [first]
    listed(env, page, light=None)
    assert listed(env, page, search="教育") == [second]
    listed(env, page, search="")
    now = _now(env)
    page.filters.due_from.setDate(page.filters.due_from.date().fromString(
        beijing_day(now + timedelta(days=30)).isoformat(), "yyyy-MM-dd"))
    page.filters.due_to.setDate(page.filters.due_to.date().fromString(
        beijing_day(now + timedelta(days=50)).isoformat(), "yyyy-MM-dd"))
    assert listed(env, page, due_on=True) == [second]
    # The SQL filter agrees with officeapp.supervision.filter_rows on every query above.
    rows = [item_row(i) for i in env.worker.call(env.store.supervision.items)]
    query = page.filters.query()
    assert [r.id for r in filter_rows(rows, query, now)] == [second]
    assert [r.id for r in filter_rows(rows, ItemQuery(unit_id=FINANCE_ID, lead_only=True),
                                      now)] == [first]


def test_my_supervision_lists_what_waits_with_the_reason(doc_env: DocEnv) -> None:
    env = doc_env
    late = assigned(env, title="逾期的事项", days=1)
    waiting = assigned(env, title="刚交办的事项", days=30)
    act(env, late, "finance.clerk", ActionKind.RECEIVE)
    env.set_server_offset(timedelta(days=2))
    page = page_of(env, "finance.clerk")
    env.until(lambda: len(page.inbox.entries) == 2, what="两项待办")
    model = page.inbox
    assert model.item_id(0) == late
    assert model.data(model.index(0, 1)) == "已逾期"
    assert model.item_id(1) == waiting and model.data(model.index(1, 1)) == "待签收"
    assert page.heading.text() == "我的督办（2）"
    assert model.org is not None  # a list cut at its limit says so, with the full count
    model.set_entries(model.entries[:1], model.org, total=2)
    page._show_heading()
    assert page.heading.text() == "我的督办（共2项，显示最紧要的前1项）"
    page.inbox_table.selectRow(0)
    env.until(lambda: page.view.snapshot is not None and page.view.snapshot.item.id == late)


# --- the form ----------------------------------------------------------------------------------


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_the_form_checks_each_field_and_creates(doc_env: DocEnv) -> None:
    env = doc_env
    form = SupervisionForm(env.ctx(SUPERVISOR))
    env.keep(form)
    env.until(lambda: form.ok_button.isEnabled(), what="the form to load")
    form.submit()
    assert form.error_text("title") == "事项名称不能为空"
    created: list[str] = []
    form.created.connect(created.append)
    form.title.setText("全市安全生产大检查")
    form.content.setPlainText("开展为期一个月的大检查。")
    form.lead.setCurrentIndex(form.lead.findData(FINANCE_ID))
    assert form.co_units is not None
    form.co_units.set_selected([EDU_ID, FINANCE_ID])
    form.cycle.setCurrentIndex(form.cycle.findData("custom"))
    form.cycle_days.setValue(10)
    form.submit()
    env.until(lambda: created, what="the item")
    made = item(env, created[0])
    assert (made.title, made.lead_unit_id, made.co_unit_ids) == (
        "全市安全生产大检查", FINANCE_ID, (EDU_ID,))
    assert made.cycle.days == 10 and made.deadline is not None
    assert env.outbox()[-1].name == "supervision.create"


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_a_sub_item_keeps_within_the_parent_deadline(doc_env: DocEnv) -> None:
    env = doc_env
    parent_id = assigned(env, days=20)
    page = page_of(env, SUPERVISOR)
    page.set_mode(page.ALL)
    page.show_item(parent_id)
    env.until(lambda: page.view.snapshot is not None)
    page.view.more_actions["split"].trigger()
    env.until(lambda: isinstance(page.dialog, SupervisionForm) and page.dialog.ok_button
              .isEnabled(), what="the sub-item form")
    form = page.dialog
    assert "分解自：推进全市数字政府建设" in form.origin.text()
    form.title.setText("子事项：编制实施方案")
    form.content.setPlainText("十日内完成。")
    form.lead.setCurrentIndex(form.lead.findData(EDU_ID))
    form.deadline.setDate(form.deadline.date().addDays(5))
    form.submit()
    env.until(lambda: form.error_text("deadline"), what="the deadline refused")
    assert "不能晚于原事项" in form.error_text("deadline")
    form.deadline.setDate(form.deadline.date().addDays(-10))
    form.submit()
    env.until(lambda: not form.isVisible() and form.result() == 1, what="the sub-item")
    children = [i for i in env.worker.call(env.store.supervision.items)
                if i.parent_id == parent_id]
    assert len(children) == 1 and children[0].source is Source.LEADER_INSTRUCTION
    env.until(lambda: page.view.snapshot is not None and page.view.snapshot.item.id == (
        children[0].id), what="the new sub-item shown")
    parent_view = view_of(env, SUPERVISOR, parent_id)
    assert "子事项：编制实施方案" in parent_view.fields.toPlainText()


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_create_from_an_incoming_document(doc_env: DocEnv) -> None:
    env = doc_env
    doc = env.register(title="关于加快推进学校维修工程的请示", doc_number="萍教发〔2026〕8号")
    env.act(doc, "office.clerk", DocAction.APPROVE)
    env.act(doc, "office.clerk", DocAction.APPROVE, opinion="拟请财政局牵头")
    env.act(doc, "office.leader", DocAction.APPROVE, lead_unit_id=FINANCE_ID,
            unit_ids=(EDU_ID,), deadline=datetime.now(UTC) + timedelta(days=15))
    pane = DocumentView(env.ctx(SUPERVISOR))
    env.keep(pane)
    opened: list[str] = []
    pane.supervision_created.connect(opened.append)
    pane.show_document(doc)
    env.until(lambda: pane.snapshot is not None, what="the document")
    assert "supervise" in pane.more_actions
    clerk_pane = DocumentView(env.ctx("office.clerk"))
    env.keep(clerk_pane)
    clerk_pane.show_document(doc)
    env.until(lambda: clerk_pane.snapshot is not None)
    assert "supervise" not in clerk_pane.more_actions  # only 督查人员 open items
    pane.more_actions["supervise"].trigger()
    form = pane.dialog
    assert isinstance(form, SupervisionForm)
    env.until(lambda: form.ok_button.isEnabled(), what="the prefilled form")
    assert form.title.text() == "关于加快推进学校维修工程的请示"
    assert form.source.currentData() == "来文"
    assert form.lead.currentData() == FINANCE_ID
    assert "萍教发〔2026〕8号《关于加快推进学校维修工程的请示》" in form.origin.text()
    form.content.setPlainText("按批办意见落实维修资金。")
    form.submit()
    env.until(lambda: opened, what="the item created")
    made = item(env, opened[0])
    assert made.source is Source.INCOMING_DOCUMENT and made.source_link is not None
    assert made.source_link.record_id == doc and made.co_unit_ids == (EDU_ID,)


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_create_from_a_meeting_decision(doc_env: DocEnv) -> None:
    env = doc_env
    now = _now(env)
    meeting = Meeting(id="m-1", title="市政府第12次常务会议", meeting_type=MeetingType("常务会议"),
                      start=now, end=now + timedelta(hours=2), organiser_unit_id=OFFICE_ID,
                      created_by="p-office.secretary", created_at=now)
    decision = MeetingDecision(no=2, text="由市财政局牵头，年底前完成专项资金清理。",
                               lead_unit_id=FINANCE_ID, co_unit_ids=(EDU_ID,),
                               deadline=beijing_day(now) + timedelta(days=40))
    form = SupervisionForm.from_decision(env.ctx(SUPERVISOR), meeting, decision)
    env.keep(form)
    env.until(lambda: form.ok_button.isEnabled(), what="the prefilled form")
    assert form.source.currentData() == "会议议定" and form.lead.currentData() == FINANCE_ID
    assert "市政府第12次常务会议第2项议定事项" in form.origin.text()
    created: list[str] = []
    form.created.connect(created.append)
    form.submit()
    env.until(lambda: created, what="the item")
    made = item(env, created[0])
    assert made.source is Source.MEETING_DECISION and made.content == decision.text
    assert made.source_link is not None and made.source_link.record_id == "m-1"
    assert made.deadline == end_of_day(decision.deadline)  # type: ignore[arg-type]


# --- the dashboard and the exports ----------------------------------------------------------


def _walked_office(env: DocEnv) -> list[str]:
    """Items of two units: one completed on time, one overdue, one running, one draft."""
    done = assigned(env, title="已办结事项", days=10)
    act(env, done, "finance.clerk", ActionKind.RECEIVE)
    act(env, done, "finance.clerk", ActionKind.REQUEST_COMPLETION, text="完成")
    act(env, done, SUPERVISOR, ActionKind.COMPLETE)
    late = assigned(env, title="逾期事项", lead=EDU_ID, co=(), days=1)
    running = assigned(env, title="办理中事项", days=30)
    act(env, running, "finance.clerk", ActionKind.RECEIVE)
    act(env, running, "finance.clerk", ActionKind.REPORT, percent=30, text="推进中")
    draft = create(env, title="草稿事项")
    # Pretend the late one was assigned a while ago with a deadline already past.
    stale = item(env, late)
    now = _now(env)
    put(env, replace(stale, assigned_at=now - timedelta(days=5),
                     deadline=now - timedelta(days=2)))
    return [done, late, running, draft]


def test_dashboard_figures_are_the_unit_statistics(doc_env: DocEnv) -> None:
    env = doc_env
    _walked_office(env)
    board = SupervisionDashboard(env.ctx(SUPERVISOR))
    env.keep(board)
    board.resize(1200, 700)
    board.reload()
    env.until(lambda: board.figures is not None, what="the figures")
    now = _now(env)
    first = beijing_day(now) - timedelta(days=40)
    board.set_period(first, beijing_day(now))
    env.until(lambda: board.figures is not None and board.days()[0] == first
              and board.figures.start == period_bounds(first, beijing_day(now))[0])
    figures = board.figures
    assert figures is not None
    start, end = period_bounds(first, beijing_day(now))
    items = env.worker.call(env.store.supervision.items)
    expected = unit_statistics(items, period_start=start, period_end=end, now=figures.now)
    assert list(figures.units) == expected
    assert [s.unit_id for s in expected] == [EDU_ID, FINANCE_ID]
    # 逾期, 临近期限 (every open item), then the period's: 事项数, 已办结, 按期办结, 办结率.
    table = board.table_rows()
    assert table[0][:6] == ["市教育局", "1", "0", "1", "0", "0"]
    assert table[1][:5] == ["市财政局", "0", "0", "2", "1"] and table[1][6] == "50.0%"
    assert table[-1][:6] == ["合计", "1", "0", "3", "1", "1"]
    assert board.cards["overdue"].value.text() == "1"
    chart = board.count_chart.chart()
    series = chart.series()[0]
    assert [bar.label() for bar in series.barSets()] == ["所选期间交办", "已办结",
                                                         "逾期（全部未办结）"]
    assert [series.barSets()[0].at(i) for i in range(2)] == [1.0, 2.0]
    # A period with nothing assigned still shows what is overdue now.
    board.set_period(first - timedelta(days=400), first - timedelta(days=300))
    env.until(lambda: board.figures is not None and not board.figures.units)
    assert board.body.currentWidget() is not board.empty
    assert board.cards["overdue"].value.text() == "1"
    assert board.table_rows()[0][:4] == ["市教育局", "1", "0", "0"]


def test_ledger_exports_a_readable_xlsx(doc_env: DocEnv) -> None:
    env = doc_env
    ids = _walked_office(env)
    page = page_of(env, SUPERVISOR)
    page.set_mode(page.ALL)
    assert set(listed(env, page, unit=FINANCE_ID)) == {ids[0], ids[2], ids[3]}
    target = env.tmp_path / "台账.xlsx"
    written: list[str] = []
    page.exported.connect(written.append)
    page.export_ledger(target)
    env.until(lambda: written, what="the ledger")
    rows = read_ledger(target.read_bytes())
    assert sorted(r["事项名称"] for r in rows) == ["办理中事项", "已办结事项", "草稿事项"]
    running = next(r for r in rows if r["事项名称"] == "办理中事项")
    assert running["牵头单位"] == "市财政局" and running["完成进度(%)"] == 30
    assert running["红黄绿灯"] == "绿灯"


@pytest.mark.parametrize("which", ["ledger", "report", "sheet"])
def test_the_pdfs_open_in_the_preview(doc_env: DocEnv, which: str) -> None:
    env = doc_env
    ids = _walked_office(env)
    page = page_of(env, SUPERVISOR)
    page.set_mode(page.ALL)
    listed(env, page)
    if which == "ledger":
        page.ledger_pdf()
    elif which == "report":
        now = _now(env)
        page.open_report(*period_bounds(beijing_day(now) - timedelta(days=30), beijing_day(now)))
    else:
        page.show_item(ids[0])
        env.until(lambda: page.view.snapshot is not None)
        page.view.sheet_button.click()
    dialog = page.dialog
    assert isinstance(dialog, SupervisionPdfDialog)
    env.keep(dialog)
    env.until(lambda: dialog.tabs.count() == 1, timeout=30, what="the PDF")
    page_widget = dialog.pages()[0]
    assert page_widget.rendered.error == "", page_widget.rendered.error
    pdfs = dialog.pdf_documents()
    env.until(lambda: pdfs[0].status() == QPdfDocument.Status.Ready)
    assert pdfs[0].pageCount() >= 1
    target = env.tmp_path / f"{which}.pdf"
    dialog.save_pdf(target)
    assert target.read_bytes().startswith(b"%PDF")
    if which == "sheet":
        assert "已办结事项" in dialog.windowTitle()
    # The 督办通报 is a report in 公文 form: it also saves as OFD (GB/T 33190).
    assert dialog.save_ofd_button.isEnabled() == (which == "report")
    if which == "report":
        ofd = env.tmp_path / "report.ofd"
        assert env.run(dialog.save_ofd(ofd))
        with ofdkit.open(ofd.read_bytes()) as reader:
            assert not reader.warnings and "督办" in reader.text()


# --- end to end against the demo server ------------------------------------------------------


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_supervisor_assigns_the_unit_reports_and_the_supervisor_sees_it(
    sessions: Sessions, loop: asyncio.AbstractEventLoop,
) -> None:
    async def body() -> None:
        boss = await sessions.start(SUPERVISOR)
        lead = await sessions.start("finance.clerk")
        window = window_of(boss)
        window.select("supervision")
        page = window.supervision
        await until(lambda: page.org is not None, what="the page")
        page.new_item()
        form = page.dialog
        assert isinstance(form, SupervisionForm)
        await until(lambda: form.ok_button.isEnabled(), what="the form")
        form.title.setText("推进政务服务一网通办")
        form.content.setPlainText("年内实现高频事项全程网办。")
        form.lead.setCurrentIndex(form.lead.findData(FINANCE_ID))
        form.submit()
        await until(lambda: page.view.snapshot is not None
                    and page.view.snapshot.item.title == "推进政务服务一网通办",
                    what="the new item shown")
        view = page.view
        item_id = view.item_id()
        for key, status in (("open", Status.OPENED), ("assign", Status.ASSIGNED)):
            await until(lambda k=key: k in view.buttons, what=key)
            view.buttons[key].click()
            dialog = view.dialog
            assert isinstance(dialog, TextDialog)
            dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
            await until(lambda s=status: view.snapshot is not None
                        and view.snapshot.item.status is s, what=str(status))
        await sessions.synced(boss)
        await until(lambda: not view.pending_badge.isVisibleTo(view), what="confirmed")

        await sessions.synced(lead)
        lead_window = window_of(lead)
        lead_window.select("supervision")
        lead_page = lead_window.supervision
        await until(lambda: any(e.item_id == item_id for e in lead_page.inbox.entries),
                    what="the item in 我的督办")
        row = next(i for i, e in enumerate(lead_page.inbox.entries) if e.item_id == item_id)
        assert lead_page.inbox.data(lead_page.inbox.index(row, 1)) == "待签收"
        lead_page.inbox_table.selectRow(row)
        lead_view = lead_page.view
        await until(lambda: "receive" in lead_view.buttons, what="签收 offered")
        lead_view.buttons["receive"].click()
        receiving = lead_view.dialog
        assert isinstance(receiving, TextDialog)
        receiving.buttons.button(receiving.buttons.StandardButton.Ok).click()
        await until(lambda: "report" in lead_view.buttons, what="进度反馈 offered")
        lead_view.buttons["report"].click()
        reporting = lead_view.dialog
        assert isinstance(reporting, ReportDialog)
        reporting.percent.setValue(50)
        reporting.text.setPlainText("已上线高频事项120项")
        reporting.buttons.button(reporting.buttons.StandardButton.Ok).click()
        await until(lambda: lead_view.snapshot is not None
                    and lead_view.snapshot.item.percent == 50, what="the report")
        await sessions.synced(lead)

        await sessions.synced(boss)
        await until(lambda: view.snapshot is not None and view.snapshot.item.percent == 50,
                    what="the supervisor to see the report")
        assert "已上线高频事项120项" in view.reports.toPlainText()
        assert view.snapshot.item.status is Status.IN_PROGRESS
        page.set_mode(page.ALL)
        await until(lambda: item_id in {r.id for r in page.items.rows}
                    and {r.id: r for r in page.items.rows}[item_id].percent == 50)
        assert ctx_of(boss).person_id == f"p-{SUPERVISOR}"

    run(loop, body())


def test_the_lead_unit_is_told_of_an_assignment_and_of_an_urging(doc_env: DocEnv) -> None:
    env = doc_env
    item_id = assigned(env)
    notifier = Notifier(env.ctx("finance.clerk"))
    changed = Changes(frozenset({ChangeKind.SUPERVISION}),
                      {ChangeKind.SUPERVISION: frozenset({item_id})})
    notifier.ctx.broadcast(changed)
    env.until(lambda: notifier.shown, what="the assignment announced")
    assert notifier.shown[0] == ("督办事项", "《推进全市数字政府建设》待签收")
    notifier.ctx.broadcast(changed)  # the same news again: told once
    env.settle(0.3)
    assert len(notifier.shown) == 1
    act(env, item_id, SUPERVISOR, ActionKind.URGE, text="请抓紧签收")
    notifier.ctx.broadcast(changed)
    env.until(lambda: len(notifier.shown) == 2, what="the urging announced")
    assert notifier.shown[1] == ("督办催办", "《推进全市数字政府建设》请抓紧签收")
    bystander = Notifier(env.ctx("office.clerk"))  # nothing waits for them on this item
    bystander.ctx.broadcast(changed)
    env.settle(0.5)
    assert bystander.shown == []
