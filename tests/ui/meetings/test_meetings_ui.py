"""The 会议 page: the form with live conflicts, the meeting pane's actions, replies, sign-in,
minutes, prints, .ics, the room grid, the calendar and reminders — against a real store, and
one meeting end to end through the demo server."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any

import ofdkit
import pytest

from officeapp.clock import OFFICE_TZ
from officeapp.core.verdict import Accepted, Verdict
from officeapp.demo import FINANCE_ID
from officeapp.meetings import (
    Meeting,
    MeetingAction,
    MeetingActionKind,
    MeetingStatus,
    ReplyKind,
    current_replies,
)
from officeapp.workflow.codec import assignee_resolver
from sync.client import actions
from tests.ui.conftest import run, until
from tests.ui.doc_fixtures import DocEnv, doc_env, doc_loop
from tests.ui.test_client import Sessions, ctx_of, sessions, window_of
from ui.common.context import ChangeKind, Changes
from ui.common.pickers import set_combo_id
from ui.common.qt import QDate, QDateTime, QTime
from ui.meetings.dialogs import CheckInDialog, MeetingPdfDialog, ReplyDialog
from ui.meetings.meeting_calendar import MeetingCalendar
from ui.meetings.meeting_form import MeetingForm
from ui.meetings.meeting_view import MeetingView
from ui.meetings.meetings_page import MeetingsPage
from ui.meetings.room_grid import RoomGrid
from ui.tray import Notifier

__all__ = ["doc_env", "doc_loop", "sessions"]  # fixtures used by the tests below

K = MeetingActionKind
SECRETARY = "office.secretary"
TITLE = "全市安全生产工作会议"


def tomorrow_at(hour: int, days: int = 1) -> datetime:
    """Return a time of day `days` ahead, in the office's zone."""
    day = datetime.now(OFFICE_TZ).date() + timedelta(days=days)
    return datetime.combine(day, time(hour), OFFICE_TZ)


def create(env: DocEnv, *, start: datetime, hours: float = 1, username: str = SECRETARY,
           now: datetime | None = None, **fields: Any) -> str:
    """Create a draft as `username`; return its id."""
    values: dict[str, Any] = {"title": TITLE, "meeting_type": "专题会议", "start": start,
                              "end": start + timedelta(hours=hours), "room_id": "r-1",
                              "host_id": "p-office.leader",
                              "attendees": [{"kind": "person", "id": "p-office.deputy"}],
                              **fields}
    meeting: Meeting = env.worker.call(actions.create_meeting, env.store,
                                       person_id=f"p-{username}", fields=values,
                                       now=now or datetime.now(UTC))
    return meeting.id


def act(env: DocEnv, meeting_id: str, username: str, action: MeetingAction, *,
        now: datetime | None = None) -> Accepted[Meeting]:
    """Take an action as `username`; it must be accepted."""
    outcome: Verdict[Meeting] = env.worker.call(
        actions.act_meeting, env.store, person_id=f"p-{username}", meeting_id=meeting_id,
        action=action, now=now or datetime.now(UTC))
    assert isinstance(outcome, Accepted), outcome
    return outcome


def notified(env: DocEnv, *, start: datetime, now: datetime | None = None,
             **fields: Any) -> str:
    """A meeting booked and notified by the secretary."""
    meeting_id = create(env, start=start, now=now, **fields)
    act(env, meeting_id, SECRETARY, MeetingAction(K.BOOK, room_id=fields.get("room_id", "r-1")),
        now=now)
    act(env, meeting_id, SECRETARY, MeetingAction(K.SEND_NOTICE, check_in_code="2468"), now=now)
    return meeting_id


def stored(env: DocEnv, meeting_id: str) -> Meeting:
    found: Meeting | None = env.worker.call(env.store.get_record, "meeting", meeting_id)
    assert found is not None
    return found


def ready_form(env: DocEnv, form: MeetingForm) -> MeetingForm:
    env.keep(form)
    env.until(lambda: form.org is not None and form.save_button.isEnabled(),
              what="the form to load the directory")
    return form


def set_times(form: MeetingForm, start: datetime, end: datetime) -> None:
    for edit, moment in ((form.start, start), (form.end, end)):
        local = moment.astimezone(OFFICE_TZ)
        edit.setDateTime(QDateTime(QDate(local.year, local.month, local.day),
                                   QTime(local.hour, local.minute)))


def checked(env: DocEnv, form: MeetingForm) -> None:
    """Wait for a conflict check that starts after now."""
    seen: list[bool] = []
    form.checked.connect(lambda: seen.append(True))
    form.check_now()
    env.until(lambda: seen, what="the conflict check")


def view_of(env: DocEnv, username: str, meeting_id: str) -> MeetingView:
    view = MeetingView(env.ctx(username))
    env.keep(view)
    view.resize(900, 760)
    view.show_meeting(meeting_id)
    env.until(lambda: view.snapshot is not None and view.snapshot.meeting.id == meeting_id,
              what="the meeting to load")
    return view


def reloaded(env: DocEnv, view: MeetingView) -> None:
    before = view.snapshot
    view.reload()
    env.until(lambda: view.snapshot is not before, what="the pane to reload")


# --- the form ------------------------------------------------------------------------------


def test_form_checks_fields_and_warns_of_conflicts_while_editing(doc_env: DocEnv) -> None:
    start = tomorrow_at(10)
    holder = create(doc_env, start=start, title="财政预算协调会", host_id="p-office.leader")
    act(doc_env, holder, SECRETARY, MeetingAction(K.BOOK, room_id="r-1"))
    form = ready_form(doc_env, MeetingForm(doc_env.ctx(SECRETARY)))
    rows_before = len(doc_env.outbox())

    set_times(form, start, start - timedelta(minutes=30))
    assert form.error_text("end") == "会议结束时间必须晚于开始时间"  # live, before saving
    form.save_button.click()
    assert form.error_text("title") == "会议名称不能为空"
    assert len(doc_env.outbox()) == rows_before

    form.title.setText(TITLE)
    set_times(form, start + timedelta(minutes=30), start + timedelta(minutes=90))
    assert form.error_text("end") == ""
    set_combo_id(form.room, "r-1")
    set_combo_id(form.host, "p-office.leader")
    checked(doc_env, form)
    text = form.conflict_text.text()
    assert "会议室冲突" in text and "《财政预算协调会》" in text and "王秘书预订" in text
    assert "主持人张主任" in text
    offered = [form.free_list.item(i).text() for i in range(form.free_list.count())]
    assert any("第二会议室" in o for o in offered)
    assert not any("第一会议室" in o for o in offered)

    form.free_list.setCurrentRow(next(i for i, o in enumerate(offered) if "第二会议室" in o))
    form.use_room_button.click()
    set_combo_id(form.host, "p-office.reviewer")
    checked(doc_env, form)
    assert form.room.currentData() == "r-2"
    assert "没有冲突" in form.conflict_text.text()


def test_form_saves_a_draft_then_books_and_sends_the_notice_offline(doc_env: DocEnv,
                                                                    tmp_path: Path) -> None:
    material = tmp_path / "汇报材料.docx"
    material.write_bytes(b"report" * 100)
    form = ready_form(doc_env, MeetingForm(doc_env.ctx(SECRETARY)))
    created: list[str] = []
    sent: list[str] = []
    form.created.connect(created.append)
    form.notified.connect(sent.append)
    assert form.values()["start"].endswith(":00:00+08:00")  # the next full hour, office time
    form.title.setText(TITLE)
    form.attendees.set_selected([{"kind": "person", "id": "p-office.deputy"},
                                 {"kind": "unit", "id": FINANCE_ID}])
    form.agenda.add_item("研究部署冬季安全生产工作", FINANCE_ID)
    form.agenda.add_materials([material], row=0)
    doc_env.until(lambda: form.agenda.materials[0], what="the material")
    set_combo_id(form.room, "r-2")
    form.save_button.click()
    doc_env.until(lambda: created, what="the draft")
    meeting = stored(doc_env, created[0])
    assert (meeting.title, meeting.status, meeting.room_id) == (TITLE, MeetingStatus.DRAFT, "r-2")
    assert meeting.agenda[0].reporting_unit_id == FINANCE_ID
    [copied] = meeting.agenda[0].materials
    assert (copied.name, copied.size) == ("汇报材料.docx", 600)
    blob = doc_env.worker.call(doc_env.store.get_blob, copied.sha256)
    assert blob is not None and blob.state == "queued_upload"
    assert doc_env.outbox()[-1].name == "meeting.create"

    doc_env.until(lambda: form.book_button.isEnabled())
    form.book_button.click()
    doc_env.until(lambda: stored(doc_env, created[0]).booking is not None, what="the booking")
    doc_env.until(lambda: form.notice_button.isEnabled(), what="notice allowed")
    form.check_in_code.setText("1357")
    form.notice_button.click()
    doc_env.until(lambda: sent, what="the notice")
    meeting = stored(doc_env, created[0])
    assert meeting.status is MeetingStatus.NOTIFIED and meeting.check_in_code == "1357"
    kinds = [row.args["action"]["kind"] for row in doc_env.outbox() if row.name == "meeting.act"]
    assert kinds == ["book", "send_notice"]


def test_a_taken_room_is_refused_naming_the_holder_and_a_free_room_is_booked(
        doc_env: DocEnv) -> None:
    start = tomorrow_at(15)
    holder = create(doc_env, start=start, title="财政预算协调会")
    act(doc_env, holder, SECRETARY, MeetingAction(K.BOOK, room_id="r-1"))
    mine = create(doc_env, start=start, title=TITLE, host_id=None)
    view = view_of(doc_env, SECRETARY, mine)
    assert {"edit", "book", "cancel", "send_notice"} <= view.shown_actions()

    view.buttons["book"].click()
    doc_env.until(lambda: view.offer.isVisibleTo(view), what="the refusal")
    assert "《财政预算协调会》" in view.offer.message.text()
    assert "王秘书" in view.offer.message.text()
    offered = [view.offer.rooms.itemData(i) for i in range(view.offer.rooms.count())]
    assert "r-2" in offered and "r-1" not in offered
    view.offer.rooms.setCurrentIndex(offered.index("r-2"))
    view.offer.book_button.click()
    doc_env.until(lambda: stored(doc_env, mine).booking is not None, what="the rebooking")
    assert stored(doc_env, mine).room_id == "r-2"
    doc_env.until(lambda: "改订会议室…" in [b.text() for b in view.buttons.values()])


def test_the_rooms_approver_refuses_with_a_reason(doc_env: DocEnv) -> None:
    meeting_id = create(doc_env, start=tomorrow_at(15), room_id="r-big")
    act(doc_env, meeting_id, SECRETARY, MeetingAction(K.BOOK, room_id="r-big"))
    secretary = view_of(doc_env, SECRETARY, meeting_id)
    assert "（待审批）" in secretary.meta.text()
    leader = view_of(doc_env, "office.leader", meeting_id)
    assert {"approve_room", "refuse_room"} <= leader.shown_actions()
    leader.buttons["refuse_room"].click()
    dialog = leader.dialog
    dialog.buttons.accepted.emit()
    assert dialog.error.text() == "不同意时必须填写理由"
    dialog.reason.setPlainText("当天市长接待外宾")
    dialog.buttons.accepted.emit()
    doc_env.until(lambda: (b := stored(doc_env, meeting_id).booking) is not None
                  and b.state.value == "refused", what="the refusal")
    reloaded(doc_env, secretary)
    assert "预订未获同意：当天市长接待外宾" in secretary.meta.text()


# --- replies, sign-in, minutes ---------------------------------------------------------------


def test_invitees_reply_and_the_secretary_sees_who_replied_what(doc_env: DocEnv) -> None:
    meeting_id = notified(doc_env, start=tomorrow_at(9), attendees=[
        {"kind": "person", "id": "p-office.deputy"}, {"kind": "unit", "id": FINANCE_ID},
        {"kind": "person", "id": "p-edu.leader"}])
    deputy = view_of(doc_env, "office.deputy", meeting_id)
    assert "reply" in deputy.shown_actions() and "book" not in deputy.shown_actions()
    deputy.buttons["reply"].click()
    dialog = deputy.dialog
    assert isinstance(dialog, ReplyDialog)
    dialog.leave.setChecked(True)
    dialog.buttons.accepted.emit()
    assert dialog.error.text() == "请假必须填写理由" and dialog.result() == 0
    dialog.reason.setPlainText("赴省里参加培训")
    dialog.buttons.accepted.emit()
    doc_env.until(lambda: len(stored(doc_env, meeting_id).replies) == 1, what="the reply")

    finance = view_of(doc_env, "finance.clerk", meeting_id)
    finance.buttons["reply"].click()
    dialog = finance.dialog
    assert isinstance(dialog, ReplyDialog) and not dialog.delegate.isEnabled()
    members = dialog.members()
    assert members is not None and "p-finance.leader" in members.ids()
    dialog.buttons.accepted.emit()
    assert dialog.error.text() == "请填写本单位的参会人员"
    members.set_selected(["p-finance.leader"])
    dialog.buttons.accepted.emit()
    doc_env.until(lambda: len(stored(doc_env, meeting_id).replies) == 2, what="the unit reply")

    secretary = view_of(doc_env, SECRETARY, meeting_id)
    rows = {secretary.replies.item(r, 0).text(): secretary.replies.item(r, 2).text()
            for r in range(secretary.replies.rowCount())}
    assert rows == {"陈副主任": "请假：赴省里参加培训", "市财政局（单位）": "参加：孙局长",
                    "郑局长": "未回执"}
    assert "未回执1：郑局长" in secretary.replies_summary.text()
    assert secretary.tabs.tabText(1) == "回执（2/3）"
    assert "remind" in secretary.shown_actions()


def test_sign_in_minutes_and_the_attendance_lists(doc_env: DocEnv) -> None:
    earlier = datetime.now(UTC) - timedelta(hours=3)
    start = (datetime.now(UTC) - timedelta(minutes=40)).replace(second=0, microsecond=0)
    meeting_id = notified(doc_env, start=start, hours=2, now=earlier, recorder_id=None,
                          attendees=[{"kind": "person", "id": "p-office.deputy"},
                                     {"kind": "person", "id": "p-office.reviewer"}],
                          sit_in=[{"kind": "person", "id": "p-finance.leader"}])
    resolve = assignee_resolver(doc_env.worker.call(doc_env.store.organisation))
    act(doc_env, meeting_id, "office.deputy",
        MeetingAction(K.REPLY, reply=ReplyKind.LEAVE, reason="出差"), now=earlier)
    assert resolve("p-office.leader").person_id == "p-office.leader"

    view = view_of(doc_env, SECRETARY, meeting_id)
    assert {"check_in", "record_minutes"} <= view.shown_actions()
    view.buttons["check_in"].click()
    dialog = view.dialog
    assert isinstance(dialog, CheckInDialog)
    offered = dialog.picker.ids()
    assert {"p-office.leader", "p-finance.leader", "p-office.reviewer"} <= set(offered)
    assert "p-edu.clerk" not in offered
    dialog.picker.set_selected(["p-office.leader", "p-finance.leader"])
    dialog.buttons.accepted.emit()
    doc_env.until(lambda: len(stored(doc_env, meeting_id).check_ins) == 2, what="sign-in")
    doc_env.until(lambda: view.check_ins.rowCount() == 2, what="the sign-in list")
    assert stored(doc_env, meeting_id).status is MeetingStatus.HELD
    assert "尚未签到：周核稿" in view.check_ins_summary.text()

    view.tabs.setCurrentWidget(view.minutes)
    view.minutes.text.setPlainText("会议听取了安全生产工作汇报。")
    view.minutes.add_decision()
    view.minutes.decisions.item(0, 0).setText("市财政局牵头落实冬季安全生产专项经费")
    lead = view.minutes.decisions.cellWidget(0, 1)
    set_combo_id(lead, FINANCE_ID)
    view.minutes.decisions.cellWidget(0, 2).setDate(QDate(2027, 1, 31))
    lists = view.minutes.attendance.text()
    assert "张主任" in lists and "陈副主任（出差）" in lists and "孙局长" in lists
    view.minutes.save_button.click()
    doc_env.until(lambda: stored(doc_env, meeting_id).minutes is not None, what="the minutes")
    minutes = stored(doc_env, meeting_id).minutes
    assert minutes is not None
    [decision] = minutes.decisions
    assert (decision.lead_unit_id, decision.deadline.isoformat() if decision.deadline else "") \
        == (FINANCE_ID, "2027-01-31")
    names = {e.person_id for e in minutes.attendance.present}
    assert names == {"p-office.leader"}
    assert [e.person_id for e in minutes.attendance.sitting_in] == ["p-finance.leader"]
    assert [(e.person_id, e.reason) for e in minutes.attendance.on_leave] == [
        ("p-office.deputy", "出差")]

    doc_env.until(lambda: "publish_minutes" in view.shown_actions(), what="publish offered")
    view.minutes.publish_button.click()
    doc_env.until(lambda: stored(doc_env, meeting_id).status is MeetingStatus.MINUTED)
    supervisor = view_of(doc_env, "office.supervisor", meeting_id)
    assert "open_supervision" in supervisor.shown_actions()


def test_a_sitting_of_a_series_is_made_for_sign_in(doc_env: DocEnv) -> None:
    earlier = datetime.now(UTC) - timedelta(hours=3)
    start = (datetime.now(UTC) - timedelta(minutes=20)).replace(second=0, microsecond=0)
    series = notified(doc_env, start=start, now=earlier, recurrence="FREQ=WEEKLY;COUNT=3")
    view = view_of(doc_env, SECRETARY, series)
    assert "check_in" not in view.shown_actions() and "sitting" in view.shown_actions()
    view.buttons["sitting"].click()
    dialog = view.dialog
    assert dialog.when.count() == 3 and dialog.start() == start  # the one under way
    dialog.buttons.accepted.emit()
    doc_env.until(lambda: view.snapshot is not None and view.snapshot.meeting.series_id == series,
                  what="the sitting")
    sitting = view.snapshot.meeting if view.snapshot else None
    assert sitting is not None and sitting.start == start and sitting.recurrence is None
    assert "check_in" in view.shown_actions()
    assert doc_env.outbox()[-1].name == "meeting.create_sitting"

    view.show_meeting(series)
    doc_env.until(lambda: view.snapshot is not None and view.snapshot.meeting.id == series)
    view.open_sitting(start)  # the same occurrence again opens the same sitting
    doc_env.until(lambda: view.snapshot is not None and view.snapshot.meeting.id == sitting.id)
    assert [r.name for r in doc_env.outbox()].count("meeting.create_sitting") == 1


# --- prints and calendar files --------------------------------------------------------------


@pytest.mark.qt_log_ignore("QFont::setPointSizeF")
def test_prints_render_every_pdf_into_the_preview(doc_env: DocEnv) -> None:
    meeting_id = notified(doc_env, start=tomorrow_at(14),
                          agenda=[{"title": "研究部署冬季安全生产工作",
                                   "reporting_unit_id": FINANCE_ID}])
    view = view_of(doc_env, SECRETARY, meeting_id)
    enabled = {a.data() for a in view.print_menu.actions() if a.isEnabled()}
    assert enabled == {"notice", "agenda", "sign_in", "seat_cards"}  # no minutes yet
    dialog = view.preview("sign_in")
    assert isinstance(dialog, MeetingPdfDialog)
    doc_env.keep(dialog)
    done: list[bool] = []
    dialog.rendered.connect(lambda: done.append(True))
    doc_env.until(lambda: done, timeout=60, what="the PDFs")
    labels = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert labels == ["会议通知", "会议议程", "签到表", "桌签"]
    assert dialog.tabs.tabText(dialog.tabs.currentIndex()) == "签到表"
    assert all(page.rendered.pdf.startswith(b"%PDF") for page in dialog.pages()), [
        page.rendered.error for page in dialog.pages()]
    assert all(pdf.pageCount() >= 1 for pdf in dialog.pdf_documents())
    # The 会议通知 is a 公文: it also saves as OFD; the sign-in sheet has no OFD form.
    assert not dialog.save_ofd_button.isEnabled()
    dialog.tabs.setCurrentIndex(0)
    assert dialog.save_ofd_button.isEnabled()
    target = doc_env.tmp_path / "notice.ofd"
    assert doc_env.run(dialog.save_ofd(target))
    with ofdkit.open(target.read_bytes()) as reader:
        assert not reader.warnings and "通知" in reader.text()


def test_ics_export_and_import_round_trip_through_the_page(doc_env: DocEnv,
                                                          tmp_path: Path) -> None:
    meeting_id = notified(doc_env, start=tomorrow_at(16), room_id="r-2",
                          attendees=[{"kind": "person", "id": "p-office.deputy"},
                                     {"kind": "unit", "id": FINANCE_ID}])
    other = create(doc_env, start=tomorrow_at(9, days=3), title="教育工作专题会")
    view = view_of(doc_env, SECRETARY, meeting_id)
    saved: list[str] = []
    view.exported.connect(saved.append)
    path = tmp_path / "meeting.ics"
    view.export_ics(path)
    doc_env.until(lambda: saved, what="the export")
    data = path.read_bytes()
    assert data.startswith(b"BEGIN:VCALENDAR") and TITLE.encode() in data

    page = MeetingsPage(doc_env.ctx(SECRETARY))
    doc_env.keep(page)
    page.reload()
    doc_env.until(lambda: page.known_rooms, what="the page to load")
    form = page.import_ics(path)
    assert form is not None
    ready_form(doc_env, form)
    values = form.values()
    assert values["title"] == TITLE and values["room_id"] == "r-2"
    assert values["start"] == tomorrow_at(16).isoformat()
    assert {"kind": "unit", "id": FINANCE_ID} in values["attendees"]
    assert {"kind": "person", "id": "p-office.deputy"} in values["attendees"]
    assert values["host_id"] == "p-office.leader"

    bad = tmp_path / "bad.ics"
    bad.write_text("not a calendar", encoding="utf-8")
    assert page.import_ics(bad) is None
    assert "iCalendar" in page.message.text()

    mine = tmp_path / "mine.ics"
    page.export_mine(mine)
    doc_env.until(lambda: mine.exists() and mine.stat().st_size > 0, what="my meetings")
    text = mine.read_bytes()
    assert TITLE.encode() in text and "教育工作专题会".encode() in text
    assert other


# --- room grid, calendar, list, reminders ---------------------------------------------------


def test_room_grid_shows_the_booking_and_a_free_slot_starts_a_meeting(doc_env: DocEnv) -> None:
    start = tomorrow_at(10)
    meeting_id = create(doc_env, start=start, title="财政预算协调会")
    act(doc_env, meeting_id, SECRETARY, MeetingAction(K.BOOK, room_id="r-big"))
    page = MeetingsPage(doc_env.ctx(SECRETARY))
    doc_env.keep(page)
    page.resize(1400, 800)
    page.show()
    grid: RoomGrid = page.rooms
    grid.anchor = start.date()
    loaded: list[bool] = []
    grid.loaded.connect(lambda: loaded.append(True))
    page.set_mode("rooms")
    grid.set_mode("day")
    doc_env.until(lambda: loaded and grid.view.days == [start.date()], what="the grid")
    [slot] = grid.view.slots["r-big"][0]
    assert (slot.title, slot.pending) == ("财政预算协调会", True)  # 常务会议室 needs approval
    assert grid.view.slots["r-1"] == ((),)
    grid.view.grab()  # paint, so that the slots have their places
    rect = next(r for r, room, s in grid.view._rects if room.id == "r-big")
    hit = grid.view.hit(rect.center().x(), rect.center().y())
    assert hit is not None and hit.slot is not None and hit.slot.meeting_id == meeting_id

    row = [r.id for r in grid.view.rooms].index("r-2")
    y = grid.view.HEADER + row * grid.view.ROW + grid.view.ROW / 2
    free = grid.view.hit(rect.center().x(), y)
    assert free is not None and free.slot is None and free.room.id == "r-2"
    grid.slot_chosen.emit(free.room.id, free.start)
    form = page.dialog
    assert isinstance(form, MeetingForm)
    ready_form(doc_env, form)
    assert form.room.currentData() == "r-2"
    assert form.values()["start"] == free.start.isoformat()


def test_calendar_shows_meetings_by_week_and_month_with_series_expanded(doc_env: DocEnv) -> None:
    start = tomorrow_at(10)
    single = create(doc_env, start=start, title="财政预算协调会")
    series = create(doc_env, start=tomorrow_at(15), title="每周调度会",
                    recurrence="FREQ=WEEKLY;COUNT=3")
    calendar = MeetingCalendar(doc_env.ctx(SECRETARY))
    doc_env.keep(calendar)
    calendar.resize(900, 700)
    loaded: list[bool] = []
    calendar.loaded.connect(lambda: loaded.append(True))
    calendar.show_day(start.date())
    doc_env.until(lambda: loaded, what="the week")
    titles = [o.meeting.title for o in calendar.occurrences]
    assert "财政预算协调会" in titles and titles.count("每周调度会") == 1
    calendar.timeline.grab()
    rect, item = calendar.timeline._blocks[0]
    assert calendar.timeline.occurrence_at(rect.center().x(), rect.center().y()) is item
    clicked: list[str] = []
    calendar.meeting_selected.connect(clicked.append)
    calendar.timeline.meeting_clicked.emit(single)
    assert clicked == [single]

    loaded.clear()
    calendar.set_mode("month")
    doc_env.until(lambda: loaded, what="the month")
    days = calendar.marked_days()
    assert start.date() in days
    expected = {(tomorrow_at(15) + timedelta(weeks=w)).date() for w in range(3)}
    in_month = {d for d in expected if d.month == calendar.anchor.month}
    assert in_month <= days
    texts = [calendar.day_list.item(i).text() for i in range(calendar.day_list.count())]
    assert any("财政预算协调会" in t for t in texts)
    assert series


def test_the_list_puts_upcoming_meetings_first_with_my_reply(doc_env: DocEnv) -> None:
    later = notified(doc_env, start=tomorrow_at(10, days=5), title="后面的会")
    sooner = notified(doc_env, start=tomorrow_at(10), title="前面的会")
    page = MeetingsPage(doc_env.ctx("office.deputy"))
    doc_env.keep(page)
    page.reload()
    doc_env.until(lambda: len(page.rows) == 2, what="the list")
    assert page.meeting_ids() == [sooner, later]
    assert page.table.item(0, 4).text() == "未回执"
    assert page.table.item(0, 3).text() == "已发通知"
    assert not page.new_button.isVisibleTo(page)  # a leader does not organise
    page.table.selectRow(1)
    doc_env.until(lambda: page.view.snapshot is not None
                  and page.view.snapshot.meeting.id == later, what="the pane")


def test_reminders_for_a_meeting_starting_soon_and_for_a_notice(doc_env: DocEnv) -> None:
    earlier = datetime.now(UTC) - timedelta(minutes=30)
    soon = (datetime.now(UTC) + timedelta(minutes=10)).replace(second=0, microsecond=0)
    meeting_id = notified(doc_env, start=soon, now=earlier)
    notifier = Notifier(doc_env.ctx("office.deputy"))
    notifier.check_meetings()
    doc_env.until(lambda: notifier.shown, what="the reminder")
    title, text = notifier.shown[0]
    assert title == "会议即将开始" and TITLE in text
    notifier.check_meetings()
    doc_env.settle(0.3)
    assert len(notifier.shown) == 1  # once per occurrence

    notifier.ctx.broadcast(Changes(frozenset({ChangeKind.MEETING}),
                                   {ChangeKind.MEETING: frozenset({meeting_id})}))
    doc_env.until(lambda: len(notifier.shown) == 2, what="the notice")
    assert notifier.shown[1][0] == "会议通知"


# --- end to end through the demo server ------------------------------------------------------


def test_a_meeting_is_notified_replied_to_and_the_reply_reaches_the_secretary(
        sessions: Sessions, loop: asyncio.AbstractEventLoop) -> None:
    async def body() -> None:
        secretary = await sessions.start(SECRETARY)
        deputy = await sessions.start("office.deputy")
        window = window_of(secretary)
        window.select("meetings")
        page = window.meetings
        form = page.new_meeting()
        await until(lambda: form.org is not None and form.save_button.isEnabled())
        form.title.setText(TITLE)
        set_times(form, tomorrow_at(10, days=2), tomorrow_at(11, days=2))
        set_combo_id(form.room, "r-1")
        form.attendees.set_selected([{"kind": "person", "id": "p-office.deputy"}])
        notified_ids: list[str] = []
        form.notified.connect(notified_ids.append)
        form.save_button.click()
        await until(lambda: form.meeting is not None and not form.dirty()
                    and form.book_button.isEnabled(), what="the draft")
        form.book_button.click()
        await until(lambda: form.notice_button.isEnabled(), what="the booking")
        form.notice_button.click()
        await until(lambda: notified_ids, what="the notice")
        meeting_id = notified_ids[0]
        await sessions.synced(secretary)
        assert await ctx_of(secretary).db(lambda s: len(s.pending_mutations())) == 0

        await sessions.synced(deputy)
        theirs = window_of(deputy)
        theirs.select("meetings")
        await until(lambda: meeting_id in theirs.meetings.meeting_ids(), what="the invitation")
        assert theirs.meetings.table.item(0, 4).text() == "未回执"
        theirs.open_meeting(meeting_id)
        view = theirs.meetings.view
        await until(lambda: "reply" in view.shown_actions(), what="the reply button")
        view.buttons["reply"].click()
        dialog = view.dialog
        assert isinstance(dialog, ReplyDialog)
        dialog.buttons.accepted.emit()  # 参加
        await until(lambda: view.snapshot is not None
                    and view.snapshot.meeting.replies, what="the local reply")
        await sessions.synced(deputy)
        await sessions.synced(secretary)

        mine = page.view
        page.open_meeting(meeting_id)

        def reply_shown() -> bool:
            snapshot = mine.snapshot
            return snapshot is not None and bool(current_replies(snapshot.meeting)) and \
                mine.replies.rowCount() == 1 and mine.replies.item(0, 2).text() == "参加"

        await until(reply_shown, timeout=30, what="the reply at the secretary")
        assert mine.replies.item(0, 0).text() == "陈副主任"

    run(loop, body())


# --- the pane's action bar, its refusals, and dismissing a server's refusal ------------------


def test_the_pane_offers_its_actions_in_the_shared_bar_in_order(doc_env: DocEnv) -> None:
    from ui.common.action_bar import ActionBar

    meeting_id = create(doc_env, start=tomorrow_at(15), room_id="r-2")
    view = view_of(doc_env, SECRETARY, meeting_id)
    assert isinstance(view.action_bar, ActionBar)
    row = view.action_bar.button_row
    texts = [w.text() for i in range(row.count()) if (w := row.itemAt(i).widget())]
    assert texts == [b.text() for b in view.buttons.values()]
    assert list(view.buttons) == ["edit", "book", "send_notice", "cancel"]
    assert view.action_bar.no_actions.isHidden()

    view.buttons["send_notice"].click()  # refused by the rules: the room is not booked
    dialog = view.dialog
    assert dialog is not None
    dialog.accept()
    assert view.action_bar.busy() and not view.buttons["edit"].isEnabled()
    doc_env.until(lambda: not view.action_error.isHidden(), what="the refusal")
    assert view.action_error.text().startswith("未能办理：")
    assert not view.action_bar.busy() and view.buttons["edit"].isEnabled()

    view.buttons["book"].click()  # its own room: booked at once
    assert view.action_bar.busy()
    doc_env.until(lambda: stored(doc_env, meeting_id).booking is not None, what="the booking")
    doc_env.until(lambda: "改订会议室…" in [b.text() for b in view.buttons.values()],
                  what="the pane to reload")
    assert not view.action_bar.busy() and view.action_error.isHidden()


def test_an_invitee_sees_no_actions_hint(doc_env: DocEnv) -> None:
    meeting_id = create(doc_env, start=tomorrow_at(15))  # a draft: nothing for the deputy yet
    view = view_of(doc_env, "office.deputy", meeting_id)
    assert view.buttons == {} and not view.action_bar.no_actions.isHidden()


def test_a_server_refusal_is_dismissed_from_the_meeting_pane(doc_env: DocEnv) -> None:
    meeting_id = create(doc_env, start=tomorrow_at(15))
    act(doc_env, meeting_id, SECRETARY, MeetingAction(K.BOOK, room_id="r-1"))
    mutation = doc_env.outbox()[-1].mutation_id
    doc_env.worker.call(lambda: doc_env.store.record_rejection(
        mutation_id=mutation, code="meeting.room_taken", message="会议室已被占用"))
    view = view_of(doc_env, SECRETARY, meeting_id)
    doc_env.until(lambda: view.banners.count() == 1, what="the banner")
    banner = view.banners.itemAt(0).widget()
    heard: list[Changes] = []
    view.ctx.changed.connect(heard.append)
    banner.dismiss_button.click()
    assert not banner.dismiss_button.isEnabled()
    doc_env.until(lambda: view.banners.count() == 0, what="the banner to go")
    assert doc_env.worker.call(doc_env.store.rejections) == []
    assert [c.kinds for c in heard] == [{"rejection"}]  # this client's alone: nothing queued


def test_an_ics_export_that_cannot_be_written_says_so(doc_env: DocEnv,
                                                     tmp_path: Path) -> None:
    view = view_of(doc_env, SECRETARY, create(doc_env, start=tomorrow_at(15)))
    saved: list[str] = []
    view.exported.connect(saved.append)
    view.export_ics(tmp_path / "no such folder" / "meeting.ics")
    doc_env.until(lambda: not view.action_error.isHidden(), what="the failure")
    assert view.action_error.text().startswith("未能导出：") and saved == []
