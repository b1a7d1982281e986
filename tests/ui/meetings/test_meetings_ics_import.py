""".ics import on the 会议 page and in the meeting form: files in other charsets, cancellations
carried out with the cancel action after a confirmation, and refused occurrence overrides —
against a real store."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from officeapp.clock import OFFICE_TZ
from officeapp.meetings import Meeting, MeetingStatus, occurrences
from officeapp.meetings.ical import IMPORT_CANCEL_REASON
from tests.ui.doc_fixtures import DocEnv, doc_env, doc_loop
from tests.ui.meetings.test_meetings_ui import (
    SECRETARY,
    TITLE,
    create,
    notified,
    ready_form,
    stored,
    tomorrow_at,
)
from ui.meetings.dialogs import ReasonDialog
from ui.meetings.meeting_form import MeetingForm
from ui.meetings.meetings_page import MeetingsPage

__all__ = ["doc_env", "doc_loop"]  # fixtures used by the tests below

PLACE = "市政府大楼 第二会议室"


def calendar(*, uid: str, start: datetime, title: str = TITLE, method: str = "REQUEST",
             body: str = "") -> str:
    """Return a one-event calendar as Outlook writes it (times in the office's zone)."""
    local = start.astimezone(OFFICE_TZ).strftime("%Y%m%dT%H%M%S")
    return (f"BEGIN:VCALENDAR\r\nPRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r\n"
            f"VERSION:2.0\r\nMETHOD:{method}\r\nBEGIN:VEVENT\r\nUID:{uid}\r\n"
            f"DTSTAMP:20261120T020000Z\r\nDTSTART;TZID=Asia/Shanghai:{local}\r\n"
            f"DURATION:PT1H\r\nSUMMARY:{title}\r\nLOCATION:{PLACE}\r\n"
            f"DESCRIPTION:请提前十分钟到场。\r\n{body}END:VEVENT\r\nEND:VCALENDAR\r\n")


def page_of(env: DocEnv) -> MeetingsPage:
    page = MeetingsPage(env.ctx(SECRETARY))
    env.keep(page)
    page.reload()
    env.until(lambda: page.known_rooms, what="the page to load")
    return page


def all_meetings(env: DocEnv) -> list[Meeting]:
    start = datetime.now(UTC) - timedelta(days=30)
    found: list[Meeting] = env.worker.call(env.store.meetings.between, start,
                                           start + timedelta(days=400), include_cancelled=True)
    return found


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_a_gb18030_invitation_fills_the_form_exactly(doc_env: DocEnv, tmp_path: Path) -> None:
    page = page_of(doc_env)
    start = tomorrow_at(15)
    data = calendar(uid="outlook-1", start=start).encode("gb18030")
    form = page.import_ics(write(tmp_path, "通知.ics", data))
    assert form is not None
    ready_form(doc_env, form)
    values = form.values()
    assert values["title"] == TITLE and values["start"] == start.isoformat()
    assert values["room_id"] == "r-2" and values["ics_uid"] == "outlook-1"
    assert values["notes"] == "请提前十分钟到场。"
    assert not any("\ufffd" in str(v) for v in values.values())
    assert page.message.isHidden()


def test_the_form_reads_utf16_and_refuses_what_is_no_invitation(doc_env: DocEnv,
                                                               tmp_path: Path) -> None:
    form = ready_form(doc_env, MeetingForm(doc_env.ctx(SECRETARY)))
    start = tomorrow_at(11, days=2)
    data = calendar(uid="outlook-2", start=start, title="教育工作专题会").encode("utf-16")
    assert form.import_ics(write(tmp_path, "utf16.ics", data))
    assert form.title.text() == "教育工作专题会" and form.location.text() == ""
    assert form.state.text() == "已从日历文件导入，请核对后保存"

    garbage = b"BEGIN:VCALENDAR\r\nSUMMARY:\x81\x20\xff\x80\r\nEND:VCALENDAR\r\n"
    assert not form.import_ics(write(tmp_path, "garbage.ics", garbage))
    assert "文字编码" in form.general_error.text()
    cancel = calendar(uid="outlook-2", start=start, method="CANCEL").encode()
    assert not form.import_ics(write(tmp_path, "cancel.ics", cancel))
    assert form.general_error.text().startswith("该日历文件是取消会议或单独修改某一次会议的通知")
    assert form.title.text() == "教育工作专题会"  # nothing was filled from it


def test_a_cancellation_is_confirmed_then_cancels_the_meeting(doc_env: DocEnv,
                                                              tmp_path: Path) -> None:
    start = tomorrow_at(16)
    meeting_id = notified(doc_env, start=start)
    other = create(doc_env, start=tomorrow_at(9, days=3), title="教育工作专题会")
    page = page_of(doc_env)
    before = {m.id for m in all_meetings(doc_env)}
    outbox = len(doc_env.outbox())
    data = calendar(uid=f"{meeting_id}@officeapp", start=start, method="CANCEL",
                    title=f"已取消：{TITLE}")
    assert page.import_ics(write(tmp_path, "取消.ics", data.encode("gb18030"))) is None
    doc_env.until(lambda: isinstance(page.dialog, ReasonDialog), what="the confirmation")
    dialog = page.dialog
    assert isinstance(dialog, ReasonDialog)
    assert TITLE in dialog.prompt.text() and "教育工作专题会" not in dialog.prompt.text()
    assert dialog.reason.toPlainText() == IMPORT_CANCEL_REASON
    assert stored(doc_env, meeting_id).status is MeetingStatus.NOTIFIED  # not before OK
    dialog.reason.setPlainText("省里临时通知改期")
    dialog.buttons.accepted.emit()
    doc_env.until(lambda: stored(doc_env, meeting_id).status is MeetingStatus.CANCELLED,
                  what="the cancellation")
    cancelled = stored(doc_env, meeting_id)
    assert cancelled.trace[-1].opinion == "省里临时通知改期"
    assert stored(doc_env, other).status is MeetingStatus.DRAFT
    assert {m.id for m in all_meetings(doc_env)} == before  # nothing created
    rows = doc_env.outbox()[outbox:]
    assert [(r.name, r.args["meeting_id"], r.args["action"]["kind"]) for r in rows] == [
        ("meeting.act", meeting_id, "cancel")]
    doc_env.until(lambda: page.message.text().startswith("已按日历文件取消会议"),
                  what="the result")
    assert page.message.text() == f"已按日历文件取消会议：{TITLE}"

    again = page.import_ics(write(tmp_path, "again.ics", data.encode()))
    assert again is None
    doc_env.until(lambda: "已经取消" in page.message.text(), what="the second refusal")


def test_a_cancellation_of_no_meeting_here_creates_nothing(doc_env: DocEnv,
                                                          tmp_path: Path) -> None:
    create(doc_env, start=tomorrow_at(10))
    page = page_of(doc_env)
    before, outbox = len(all_meetings(doc_env)), len(doc_env.outbox())
    data = calendar(uid="040000008200E00074C5B7101A82E008", start=tomorrow_at(10),
                    body="STATUS:CANCELLED\r\n")
    assert page.import_ics(write(tmp_path, "cancel.ics", data.encode("utf-8-sig"))) is None
    doc_env.until(lambda: page.message.text(), what="the refusal")
    assert page.message.text().startswith(f"本机没有找到日历文件要取消的会议“{TITLE}”")
    assert page.dialog is None
    assert len(all_meetings(doc_env)) == before and len(doc_env.outbox()) == outbox


def test_one_occurrence_of_a_series_is_refused_not_made_a_draft(doc_env: DocEnv,
                                                               tmp_path: Path) -> None:
    start = tomorrow_at(14)
    series_id = notified(doc_env, start=start, recurrence="FREQ=WEEKLY;COUNT=3")
    series = stored(doc_env, series_id)
    second = occurrences(series.start, series.end, series.recurrence)[1][0]
    local = second.astimezone(OFFICE_TZ).strftime("%Y%m%dT%H%M%S")
    override = f"RECURRENCE-ID;TZID=Asia/Shanghai:{local}\r\n"
    page = page_of(doc_env)
    before, outbox = len(all_meetings(doc_env)), len(doc_env.outbox())
    moved = calendar(uid=f"{series_id}@officeapp", start=second + timedelta(hours=2),
                     body=override)
    assert page.import_ics(write(tmp_path, "moved.ics", moved.encode())) is None
    doc_env.until(lambda: page.message.text(), what="the refusal")
    refusal = "本系统不能单独修改周期性会议中的某一次，未做任何更改，也未新建会议"
    assert refusal in page.message.text()
    page.show_message("")
    cancelled = calendar(uid=f"{series_id}@officeapp", start=second, method="CANCEL",
                         body=override)
    assert page.import_ics(write(tmp_path, "one.ics", cancelled.encode())) is None
    doc_env.until(lambda: page.message.text(), what="the refusal")
    assert "本系统不能单独取消周期性会议中的某一次" in page.message.text()
    assert page.dialog is None
    assert len(all_meetings(doc_env)) == before and len(doc_env.outbox()) == outbox
    assert stored(doc_env, series_id).status is MeetingStatus.NOTIFIED
