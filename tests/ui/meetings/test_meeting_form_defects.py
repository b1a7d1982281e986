"""The meeting form after "A day at the office": a busy person is named once, a refusal
never sits beside a stale success, a new meeting starts in office hours, and typing over a
date or time section takes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtTest import QTest

from officeapp.clock import OFFICE_TZ
from officeapp.demo import DEMO_ROOMS, FINANCE_ID, OFFICE_ID
from officeapp.meetings import (
    Attendee,
    Booking,
    Conflict,
    ConflictKind,
    MeetingAction,
    MeetingActionKind,
    ReplyKind,
)
from officeapp.org import Organisation
from officeapp.workflow.codec import assignee_resolver
from tests.ui.doc_fixtures import DocEnv, doc_env, doc_loop
from tests.ui.meetings.test_meetings_ui import (
    SECRETARY,
    TITLE,
    act,
    checked,
    create,
    notified,
    ready_form,
    set_times,
    stored,
    tomorrow_at,
)
from ui.common.pickers import set_combo_id
from ui.common.qt import QDateTimeEdit, QLineEdit, Qt
from ui.meetings.form_values import conflict_lines
from ui.meetings.meeting_form import MeetingForm

__all__ = ["doc_env", "doc_loop"]  # fixtures used by the tests below

K = MeetingActionKind
HOLDER = "财政预算协调会"


def person(username: str) -> dict[str, str]:
    return {"kind": "person", "id": f"p-{username}"}


def unit(unit_id: str) -> dict[str, str]:
    return {"kind": "unit", "id": unit_id}


def shown(form: MeetingForm) -> str:
    """Return the state line's text as the person sees it ("" when hidden or empty)."""
    return form.state.text() if form.state.isVisibleTo(form) else ""


# --- 1. a busy person is listed once, by name ----------------------------------------------


def test_a_busy_person_is_listed_once_with_their_name_after_booking(doc_env: DocEnv) -> None:
    start = tomorrow_at(10)
    # 张主任 hosts the other meeting; 陈副主任 attends it; 孙局长 attends through his unit.
    holder = notified(doc_env, start=start, title=HOLDER, room_id="r-1",
                      host_id="p-office.leader",
                      attendees=[person("office.deputy"), unit(FINANCE_ID)])
    resolve = assignee_resolver(doc_env.worker.call(doc_env.store.organisation))
    act(doc_env, holder, "finance.clerk", MeetingAction(
        K.REPLY, reply=ReplyKind.ATTEND, attendee=Attendee.unit(FINANCE_ID),
        people=(resolve("p-finance.leader"),)))

    form = ready_form(doc_env, MeetingForm(doc_env.ctx(SECRETARY)))
    form.title.setText(TITLE)
    set_times(form, start, start + timedelta(hours=1))
    set_combo_id(form.room, "r-2")
    set_combo_id(form.host, "p-office.leader")
    # Each busy person is invited by more than one route: 张主任 hosts and attends,
    # 陈副主任 is invited in person and through his unit, 孙局长 in person and through his.
    form.attendees.set_selected([person("office.leader"), person("office.deputy"),
                                 unit(OFFICE_ID), person("finance.leader"), unit(FINANCE_ID)])
    checked(doc_env, form)
    before = conflict_text(form)
    assert_each_named_once(before)

    form.book_button.click()  # saves the draft, then books 第二会议室
    doc_env.until(lambda: form.meeting is not None and form.meeting.booking is not None,
                  what="the booking")
    checked(doc_env, form)
    after = conflict_text(form)
    assert_each_named_once(after)
    assert shown(form) == "会议室已预订"


def conflict_text(form: MeetingForm) -> str:
    """Return what the side panel shows of the conflict check."""
    return form.conflict_text.text()


def assert_each_named_once(text: str) -> None:
    for name in ("主持人张主任在", "陈副主任在", "孙局长在"):
        assert text.count(name) == 1, text
    assert text.count(f"《{HOLDER}》") == 3, text
    assert "参会人员在" not in text and "主持人在" not in text, text  # nobody unnamed


def test_a_series_and_its_sitting_are_one_clash_per_person(org: Organisation) -> None:
    start = tomorrow_at(10)
    end = start + timedelta(hours=1)
    people = frozenset({"p-office.leader", "p-office.deputy"})
    series = Booking("m-series", "每周调度会", start, end, room_id="r-1", host_id="p-office.leader",
                     people=people, booked_by_name="王秘书")
    sitting = Booking("m-sitting", "每周调度会", start, end, room_id="r-1",
                      host_id="p-office.leader", people=people, booked_by_name="王秘书",
                      series_id="m-series")
    clashes = [Conflict(kind, subject, start, holder)
               for holder in (series, sitting)
               for kind, subject in ((ConflictKind.ROOM, "r-1"),
                                     (ConflictKind.HOST, "p-office.leader"),
                                     (ConflictKind.PERSON, "p-office.deputy"))]
    lines = conflict_lines(clashes, org=org, rooms={r.id: r for r in DEMO_ROOMS})
    assert [kind for kind, _text in lines] == [ConflictKind.ROOM, ConflictKind.HOST,
                                               ConflictKind.PERSON]
    assert lines[0][1].startswith("第一会议室在")
    assert lines[1][1].startswith("主持人张主任在")
    assert lines[2][1].startswith("陈副主任在")


# --- 2. only the current outcome shows ---------------------------------------------------------


def filled_form(env: DocEnv) -> MeetingForm:
    form = ready_form(env, MeetingForm(env.ctx(SECRETARY)))
    form.title.setText(TITLE)
    set_times(form, tomorrow_at(14), tomorrow_at(15))
    set_combo_id(form.room, "r-1")
    form.attendees.set_selected([person("office.deputy")])
    return form


def saved(env: DocEnv, form: MeetingForm) -> None:
    form.save_button.click()
    env.until(lambda: form.meeting is not None and not form.dirty()
              and form.save_button.isEnabled(), what="the draft")


SAVED = "草稿已保存，可预订会议室并发送通知"
NOT_BOOKED = "会议室尚未预订成功，不能发送通知"


def test_a_refusal_takes_the_saved_message_away(doc_env: DocEnv) -> None:
    form = filled_form(doc_env)
    saved(doc_env, form)
    assert shown(form) == SAVED

    form.title.setText("")
    form.save_button.click()  # refused by the form's own checks
    assert form.error_text("title") == "会议名称不能为空"
    assert shown(form) == ""

    form.title.setText(TITLE)
    saved(doc_env, form)
    assert (shown(form), form.error_text("title")) == (SAVED, "")
    doc_env.until(lambda: form.notice_button.isEnabled(), what="notice allowed")
    form.notice_button.click()  # refused by the rules: the room is not booked yet
    doc_env.until(lambda: form.error_text(""), what="the refusal")
    assert form.error_text("") == NOT_BOOKED
    assert shown(form) == ""


def test_a_later_success_takes_the_refusal_away(doc_env: DocEnv) -> None:
    form = filled_form(doc_env)
    form.title.setText("")
    form.save_button.click()
    assert form.error_text("title") == "会议名称不能为空"
    form.title.setText(TITLE)
    saved(doc_env, form)
    assert (shown(form), form.error_text("title"), form.error_text("")) == (SAVED, "", "")

    doc_env.until(lambda: form.notice_button.isEnabled(), what="notice allowed")
    form.notice_button.click()
    doc_env.until(lambda: form.error_text(""), what="the refusal")
    form.book_button.click()
    doc_env.until(lambda: form.meeting is not None and form.meeting.booking is not None,
                  what="the booking")
    doc_env.until(lambda: form.book_button.isEnabled() or form.notice_button.isEnabled(),
                  what="the form to be idle")
    assert shown(form) == "会议室已预订"
    assert form.error_text("") == ""


# --- 2b. save, then book or notify: a refused later step leaves the draft saved ------------


def idle(env: DocEnv, form: MeetingForm) -> None:
    env.until(lambda: form.save_button.isEnabled(), what="the form to be idle")


def test_a_booking_refused_after_the_save_keeps_the_draft_and_names_the_step(
        doc_env: DocEnv) -> None:
    holder = create(doc_env, start=tomorrow_at(14), title=HOLDER)
    act(doc_env, holder, SECRETARY, MeetingAction(K.BOOK, room_id="r-1"))
    form = filled_form(doc_env)
    created: list[str] = []
    form.created.connect(created.append)
    form.book_button.click()  # a new form: saved first, then booked
    assert not form.save_button.isEnabled()  # busy
    doc_env.until(lambda: form.error_text(""), what="the refusal")
    idle(doc_env, form)
    assert form.meeting is not None and created == [form.meeting.id]
    assert form.meeting.booking is None and not form.dirty()
    assert shown(form) == SAVED  # the draft saved stays said
    assert form.error_text("").startswith("未能预订：")
    assert HOLDER in form.error_text("")
    kinds = [row.name for row in doc_env.outbox()][-1:]
    assert kinds == ["meeting.create"]  # the refused booking queued nothing


def test_a_notice_refused_after_the_save_keeps_the_change_and_names_the_step(
        doc_env: DocEnv) -> None:
    form = filled_form(doc_env)
    saved(doc_env, form)
    form.title.setText(TITLE + "（调整）")
    doc_env.until(lambda: form.notice_button.isEnabled(), what="notice allowed")
    form.notice_button.click()  # the change is saved, the notice refused: no room booked
    doc_env.until(lambda: form.error_text(""), what="the refusal")
    idle(doc_env, form)
    assert form.error_text("") == "未能发送通知：" + NOT_BOOKED
    assert shown(form) == SAVED and not form.dirty()
    assert form.meeting is not None
    assert stored(doc_env, form.meeting.id).title == TITLE + "（调整）"
    assert form.save_button.isEnabled() and form.result() == 0  # not accepted: still open


# --- 3. a new meeting starts in office hours -----------------------------------------------


@pytest.mark.parametrize(("now", "expected"), [
    # Monday 1 March 2027, 03:00 in Beijing (19:00 UTC the day before): 09:00 that day.
    (datetime(2027, 2, 28, 19, 0, tzinfo=UTC), datetime(2027, 3, 1, 9, 0, tzinfo=OFFICE_TZ)),
    # Monday 10:20: the next full hour.
    (datetime(2027, 3, 1, 2, 20, tzinfo=UTC), datetime(2027, 3, 1, 11, 0, tzinfo=OFFICE_TZ)),
    # Friday 5 March, 19:00: Monday 09:00.
    (datetime(2027, 3, 5, 11, 0, tzinfo=UTC), datetime(2027, 3, 8, 9, 0, tzinfo=OFFICE_TZ)),
])
def test_a_new_meeting_starts_in_office_hours(doc_env: DocEnv, machine_in_utc: None,
                                              monkeypatch: pytest.MonkeyPatch, now: datetime,
                                              expected: datetime) -> None:
    ctx = doc_env.ctx(SECRETARY)
    monkeypatch.setattr(ctx, "now", lambda: now)
    form = ready_form(doc_env, MeetingForm(ctx))
    values = form.values()
    assert values["start"] == expected.isoformat()
    assert values["end"] == (expected + timedelta(hours=1)).isoformat()


# --- 4. typing over a date or time section -------------------------------------------------


def click_into(edit: QDateTimeEdit, position: int) -> None:
    """Click the text of a date-time box at character `position`, as a person does."""
    line = edit.findChild(QLineEdit)
    assert line is not None
    line.setCursorPosition(position)
    point = line.cursorRect().center()
    line.deselect()
    QTest.mouseClick(line, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)


def test_typing_over_a_date_or_time_section_takes(doc_env: DocEnv) -> None:
    form = ready_form(doc_env, MeetingForm(doc_env.ctx(SECRETARY)))
    form.show()
    QTest.qWaitForWindowExposed(form)
    set_times(form, tomorrow_at(9), tomorrow_at(10))
    day = tomorrow_at(9).strftime("%Y-%m-%d")
    form.start.setFocus()

    # A selected section is replaced by what is typed.
    form.start.setSelectedSection(QDateTimeEdit.Section.HourSection)
    QTest.keyClicks(form.start, "11")
    assert form.start.text() == f"{day} 11:00"

    # So is the section clicked into (a click only puts the cursor there).
    click_into(form.start, 12)  # between the hour's two digits
    QTest.keyClicks(form.start, "14")
    assert form.start.text() == f"{day} 14:00"
    click_into(form.start, 14)  # the minutes' first digit
    QTest.keyClicks(form.start, "30")
    assert form.start.text() == f"{day} 14:30"
    assert form.end.text() == f"{day} 15:30"  # the end keeps the length

    form.end.setFocus()
    click_into(form.end, 11)
    QTest.keyClicks(form.end, "16")
    assert form.end.text() == f"{day} 16:30"
    click_into(form.end, 0)  # the year
    QTest.keyClicks(form.end, str(tomorrow_at(9).year + 1))
    assert form.end.text() == f"{tomorrow_at(9).year + 1}{day[4:]} 16:30"
    values = form.values()
    assert values["start"] == tomorrow_at(14).replace(minute=30).isoformat()


# --- the form on a small screen ------------------------------------------------------------


def test_the_form_fits_the_screen_with_its_buttons(doc_env: DocEnv) -> None:
    form = ready_form(doc_env, MeetingForm(doc_env.ctx(SECRETARY)))
    room = form.screen().availableGeometry()
    assert room.width() < 1180 or room.height() < 860, "the test needs a small screen"
    assert form.width() <= room.width() and form.height() <= room.height()
    form.show()
    QTest.qWaitForWindowExposed(form)
    assert form.rect().contains(form.save_button.geometry().bottomRight())
