"""The meeting pane: details, replies, sign-in, minutes, the trace, and the actions allowed.

What is shown is read on the database worker in one snapshot; the buttons are exactly
`available_meeting_actions(meeting, actor, now)`; every action goes through
`sync.client.actions.act_meeting`, so it works offline and the engine syncs it. A refusal
shows the rules' Chinese message; a room taken offers the free rooms to book instead.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from officeapp.errors import DomainError
from officeapp.meetings import (
    Attendance,
    AttendanceEntry,
    Attendee,
    AttendeeKind,
    BookingState,
    CheckInMethod,
    Decision,
    Meeting,
    MeetingAction,
    MeetingActionKind,
    MeetingOutcome,
    MeetingRejected,
    MeetingStatus,
    Reply,
    ReplyKind,
    attendance,
    available_meeting_actions,
    current_replies,
    decision_item_id,
    invitation_for,
    replyable_attendees,
)
from officeapp.meetings.ical import Directory, meeting_to_ics, meetings_to_ics
from officeapp.meetings.model import MEETING_ACTION_LABELS, MeetingTraceEntry
from officeapp.org import Actor, Organisation, Person, Room
from officeapp.store import LocalStore, RejectionRecord
from officeapp.tracechain import Break
from officeapp.workflow.codec import assignee_resolver
from sync.client import actions
from ui.common import record_pane, times
from ui.common.attachments import human_size, safe_file_name
from ui.common.context import AppContext, Changes
from ui.common.feedback import Feedback, done_text
from ui.common.fit import FlowLayout, scrolling
from ui.common.messages import refusal_text
from ui.common.pdf_preview import PdfPreviewDialog, Rendered, _attempt, _PdfPage
from ui.common.qt import (
    QT_TRANSLATE_NOOP,
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QCoreApplication,
    QDate,
    QDateEdit,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QStackedWidget,
    QStandardPaths,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
    alive,
)
from ui.common.values import labelled, listed, qualified, value_text
from ui.documents.action_dialogs import (
    ERROR_STYLE,
    ArgumentDialog,
    PersonPicker,
    active_people,
    unit_tree,
)
from ui.meetings.meeting_calendar import (
    STATUS_COLOURS,
    next_occurrence,
    spans_of,
    status_label,
    when_text,
)
from ui.meetings.meeting_form import MeetingForm, combo_id, person_combo, set_combo_id
from ui.meetings.room_grid import room_label

K = MeetingActionKind
# Buttons in this order; the main one of each status first.
_BUTTONS = (K.EDIT, K.BOOK, K.APPROVE_ROOM, K.REFUSE_ROOM, K.SEND_NOTICE, K.REPLY, K.CHECK_IN,
            K.REMIND, K.RECORD_MINUTES, K.PUBLISH_MINUTES, K.OPEN_SUPERVISION, K.CANCEL)
_BUTTON_TEXT = {K.REPLY: QT_TRANSLATE_NOOP("", "回执…"), K.CHECK_IN: QT_TRANSLATE_NOOP("", "签到…"),
                K.CANCEL: QT_TRANSLATE_NOOP("", "取消会议…"),
                K.REFUSE_ROOM: QT_TRANSLATE_NOOP("", "不同意使用会议室…"),
                K.SEND_NOTICE: QT_TRANSLATE_NOOP("", "发送会议通知…"),
                K.OPEN_SUPERVISION: QT_TRANSLATE_NOOP("", "立项督办…"),
                K.EDIT: QT_TRANSLATE_NOOP("", "修改…")}
PRINTS = (("notice", QT_TRANSLATE_NOOP("", "会议通知")),
          ("agenda", QT_TRANSLATE_NOOP("", "会议议程")),
          ("sign_in", QT_TRANSLATE_NOOP("", "签到表")),
          ("seat_cards", QT_TRANSLATE_NOOP("", "桌签")),
          ("minutes", QT_TRANSLATE_NOOP("", "会议纪要")))
REPLY_LABELS = {ReplyKind.ATTEND: "参加", ReplyKind.LEAVE: "请假", ReplyKind.DELEGATE: "委派"}
_BOOKING_LABELS = {BookingState.PENDING: "待审批", BookingState.BOOKED: "已预订",
                   BookingState.REFUSED: "预订未获同意"}
_NO_DEADLINE = QDate(2000, 1, 1)


def tr(text: str) -> str:
    """Translate a text built outside a widget (lupdate files these under no context)."""
    return QCoreApplication.translate("", text)


def action_text(kind: MeetingActionKind) -> str:
    """Return the label of a meeting action (its button)."""
    if kind in _BUTTON_TEXT:
        return tr(_BUTTON_TEXT[kind])
    return value_text(MEETING_ACTION_LABELS[kind])


# --- names -----------------------------------------------------------------------------------


def person_name(org: Organisation, person_id: str | None) -> str:
    """Return a person's name ("" for None, the id when unknown)."""
    if not person_id:
        return ""
    person = org.people.get(person_id)
    return person.name if person else person_id


def unit_name(org: Organisation, unit_id: str | None) -> str:
    """Return a unit's name ("" for None, the id when unknown)."""
    if not unit_id:
        return ""
    unit = org.units.get(unit_id)
    return unit.name if unit else unit_id


def attendee_name(org: Organisation, attendee: Attendee) -> str:
    """Return who an invitation is for: a person, or a unit marked as such."""
    if attendee.kind is AttendeeKind.UNIT:
        return tr("{0}（单位）").format(unit_name(org, attendee.id))
    return person_name(org, attendee.id)


def names(org: Organisation, attendees: Iterable[Attendee]) -> str:
    """Return invitations as one line."""
    found = [attendee_name(org, a) for a in attendees]
    return listed(found) if found else "—"


def place_text(meeting: Meeting, rooms: Mapping[str, Room]) -> str:
    """Return where the meeting is, with the state of its room booking."""
    if meeting.room_id is None:
        return meeting.location or tr("（未定）")
    room = rooms.get(meeting.room_id)
    text = f"{room.building}{room.name}" if room else meeting.room_id
    booking = meeting.booking
    if booking is None or booking.room_id != meeting.room_id:
        return text + tr("（未预订）")
    state = value_text(_BOOKING_LABELS[booking.state])
    if booking.state is BookingState.REFUSED and booking.reason:
        state = labelled(state, booking.reason)
    return qualified(text, state)


def short_place(meeting: Meeting, rooms: Mapping[str, Room]) -> str:
    """Return where the meeting is, briefly: the room and whether it is confirmed."""
    if meeting.room_id is None:
        return meeting.location or tr("（未定）")
    room = rooms.get(meeting.room_id)
    name = room.name if room else meeting.room_id
    if not booked(meeting):
        return name + tr("（未预订）")
    pending = meeting.booking is not None and meeting.booking.state is BookingState.PENDING
    return name + (tr("（待审批）") if pending else "")


def reply_text(org: Organisation, reply: Reply | None) -> str:
    """Return a reply as read: 参加 (with the unit's people), 请假：reason, 委派某某参加."""
    if reply is None:
        return tr("未回执")
    if reply.kind is ReplyKind.LEAVE:
        return tr("请假：{0}").format(reply.reason) if reply.reason else tr("请假")
    if reply.kind is ReplyKind.DELEGATE:
        return tr("委派{0}参加").format(person_name(org, reply.deputy_id))
    if reply.people:
        return tr("参加：{0}").format(listed(person_name(org, p) for p in reply.people))
    return tr("参加")


def my_reply(meeting: Meeting, actor: Actor) -> str:
    """Return how the person stands: their invitation's reply in force, 未回执, or their role."""
    invitation = invitation_for(meeting, actor)
    if invitation is None:
        return ""
    attendee = invitation.attendee
    if attendee not in meeting.attendees and attendee not in meeting.sit_in:
        return tr("主持") if meeting.host_id == actor.person_id else tr("记录")
    if meeting.status is not MeetingStatus.NOTIFIED and not meeting.replies:
        return ""  # nothing to reply to before the notice, nor after a meeting without any
    if invitation.on_behalf_of:
        return tr("代为参会")
    reply = current_replies(meeting).get(attendee)
    return tr("未回执") if reply is None else value_text(REPLY_LABELS[reply.kind])


def recurrence_text(meeting: Meeting) -> str:
    """Return a series' rule as read (每周一次，共4次), or ""."""
    rule = meeting.recurrence
    if not rule:
        return ""
    parts = dict(p.partition("=")[::2] for p in rule.split(";"))
    every = {"DAILY": "每天", "WEEKLY": "每周", "MONTHLY": "每月", "YEARLY": "每年"}.get(
        parts.get("FREQ", ""), rule)
    count = tr("，共{0}次").format(parts["COUNT"]) if "COUNT" in parts else ""
    return tr(every) + count


# --- the snapshot, read on the worker --------------------------------------------------------


@dataclass(frozen=True)
class MeetingSnapshot:
    """Everything the pane shows about one meeting, read in one go."""

    meeting: Meeting
    actor: Actor | None
    actions: tuple[MeetingActionKind, ...]
    rooms: Mapping[str, Room]
    now: datetime
    pending: tuple[str, ...] = ()
    rejections: tuple[RejectionRecord, ...] = ()
    trace_break: Break | None = None  # where the pulled trace broke the server's hash chain


def _record_of(args: Mapping[str, Any], record_id: str | None) -> str | None:
    return record_id or (str(args["meeting_id"]) if args.get("meeting_id") else None)


def _pending_label(name: str, args: Mapping[str, Any]) -> str:
    action = args.get("action")
    if isinstance(action, Mapping):
        try:
            return action_text(MeetingActionKind(str(action.get("kind")))).rstrip("…")
        except ValueError:
            return str(action.get("kind"))
    return tr("新建")


def load_meeting(store: LocalStore, *, meeting_id: str, org: Organisation, person_id: str,
                 now: datetime) -> MeetingSnapshot | None:
    """Read a meeting and what the person may do with it (runs on the worker)."""
    meeting = store.get_meeting(meeting_id)
    if meeting is None:
        return None
    actor = org.actor(person_id, now) if person_id in org.people else None
    kinds = tuple(available_meeting_actions(meeting, actor, now)) if actor else ()
    pending = tuple(_pending_label(m.name, m.args) for m in store.pending_mutations()
                    if m.name.startswith("meeting.")
                    and _record_of(m.args, getattr(m, "record_id", None)) == meeting_id)
    rejections = tuple(r for r in store.rejections() if r.name.startswith("meeting.")
                       and _record_of(r.args, getattr(r, "record_id", None)) == meeting_id)
    rooms = {r.id: r for r in store.rooms()}
    return MeetingSnapshot(meeting, actor, kinds, rooms, now, pending, rejections,
                           trace_break=store.trace_break("meeting", meeting_id))


# --- what the pane says ----------------------------------------------------------------------

_CSS = """
<style>
 table.fields td { padding: 3px 10px 3px 0; vertical-align: top; }
 td.label { color: #666; white-space: nowrap; }
 h3 { margin-top: 14px; margin-bottom: 6px; }
 .muted { color: #777; }
 td.when { color: #666; white-space: nowrap; padding-right: 10px; }
</style>
"""


def _table(rows: Sequence[tuple[str, str]]) -> str:
    cells = "".join(f"<tr><td class='label'>{html.escape(label)}</td><td>{value}</td></tr>"
                    for label, value in rows)
    return f"<table class='fields'>{cells}</table>"


def details_html(meeting: Meeting, org: Organisation, rooms: Mapping[str, Room], *,
                 show_code: bool, now: datetime) -> str:
    """Return the fields, the agenda with its materials, and the notes."""
    esc = html.escape
    when = when_text(meeting.start, meeting.end)
    rule = recurrence_text(meeting)
    if rule:
        upcoming = next_occurrence(meeting, now)
        when += f"<br><span class='muted'>{esc(rule)}"
        if upcoming is not None:
            when += esc(tr("；下一次：{0}").format(when_text(*upcoming)))
        when += "</span>"
    rows = [(tr("会议类型"), esc(value_text(meeting.meeting_type.value))), (tr("时间"), when),
            (tr("地点"), esc(place_text(meeting, rooms))),
            (tr("主办单位"), esc(unit_name(org, meeting.organiser_unit_id))),
            (tr("主持人"), esc(person_name(org, meeting.host_id) or "—")),
            (tr("记录人"), esc(person_name(org, meeting.recorder_id) or "—")),
            (tr("参会"), esc(names(org, meeting.attendees))),
            (tr("列席"), esc(names(org, meeting.sit_in)))]
    if show_code and meeting.check_in_code:
        rows.append((tr("签到码"), f"<b>{esc(meeting.check_in_code)}</b>"))
    rows.append((tr("创建"), esc(f"{person_name(org, meeting.created_by)} "
                                  f"{times.minute_text(meeting.created_at)}")))
    parts = [_CSS, _table(rows), "<h3>" + esc(tr("议题")) + "</h3>", agenda_html(meeting, org)]
    if meeting.notes:
        notes = esc(meeting.notes).replace("\n", "<br>")
        parts.append("<h3>" + esc(tr("会议说明")) + f"</h3><p>{notes}</p>")
    return "".join(parts)


def agenda_html(meeting: Meeting, org: Organisation) -> str:
    """Return the numbered agenda with reporting units and materials."""
    if not meeting.agenda:
        return "<p class='muted'>" + html.escape(tr("（无议题）")) + "</p>"
    items = []
    for item in meeting.agenda:
        line = html.escape(item.title)
        if item.reporting_unit_id:
            line += html.escape(tr("（汇报单位：{0}）").format(
                unit_name(org, item.reporting_unit_id)))
        for material in item.materials:
            line += ("<br><span class='muted'>" + html.escape(tr("材料："))
                     + f"{html.escape(material.name)} {human_size(material.size)}</span>")
        items.append(f"<li>{line}</li>")
    return f"<ol>{''.join(items)}</ol>"


def reply_rows(meeting: Meeting, org: Organisation) -> list[tuple[str, str, str, str, str]]:
    """Return (invitee, 参会/列席, reply, who replied, when) per invitation, unreplied last."""
    replies = current_replies(meeting)
    rows = []
    for group, label in ((meeting.attendees, tr("参会")), (meeting.sit_in, tr("列席"))):
        for attendee in group:
            reply = replies.get(attendee)
            by = ""
            if reply is not None and reply.replied_by != attendee.id:
                by = reply.replied_by_name
            at = times.short_text(reply.at) if reply else ""
            rows.append((attendee_name(org, attendee), label, reply_text(org, reply), by, at))
    return sorted(rows, key=lambda r: r[2] == tr("未回执"))


def check_in_rows(meeting: Meeting, org: Organisation) -> list[tuple[str, str, str, str]]:
    """Return (person, under which invitation, how, when) per sign-in."""
    rows = []
    for record in meeting.check_ins:
        under = ""
        if record.on_behalf_of:
            under = tr("代{0}").format(person_name(org, record.on_behalf_of))
        elif record.attendee.kind is AttendeeKind.UNIT:
            under = unit_name(org, record.attendee.id)
        if record.sit_in:
            under = (under + " " + tr("列席")).strip()
        how = tr("签到码") if record.method is CheckInMethod.CODE else tr("会务人员登记")
        rows.append((person_name(org, record.person_id), under, how,
                     times.short_text(record.at)))
    return rows


def entry_text(org: Organisation, entry: AttendanceEntry) -> str:
    """Return one line of the attendance lists."""
    if entry.person_id:
        text = person_name(org, entry.person_id)
        if entry.on_behalf_of:
            text += tr("（代{0}）").format(person_name(org, entry.on_behalf_of))
        elif entry.unit_id:
            text = qualified(text, unit_name(org, entry.unit_id))
    else:
        text = unit_name(org, entry.unit_id)
    return qualified(text, entry.reason) if entry.reason else text


def attendance_lines(org: Organisation, lists: Attendance) -> list[tuple[str, str]]:
    """Return 出席 / 请假 / 列席 / 缺席 with their people."""
    found = []
    for label, entries in ((tr("出席"), lists.present), (tr("请假"), lists.on_leave),
                           (tr("列席"), lists.sitting_in), (tr("缺席"), lists.absent)):
        found.append((label, listed(entry_text(org, e) for e in entries) or "—"))
    return found


def trace_html(meeting: Meeting, org: Organisation) -> str:
    """Return every trace entry, oldest first."""
    rows = []
    for entry in meeting.trace:
        rows.append(f"<tr><td class='when'>{times.trace_time(entry.at, entry.acted_at)}</td>"
                    f"<td>{_entry_line(entry, org)}</td></tr>")
    return f"{_CSS}<table cellspacing='4'>{''.join(rows)}</table>"


def _entry_line(entry: MeetingTraceEntry, org: Organisation) -> str:
    who = entry.actor_name or person_name(org, entry.actor_id)
    if entry.on_behalf_of:
        who += tr("（代{0}）").format(person_name(org, entry.on_behalf_of))
    action = value_text(MEETING_ACTION_LABELS[entry.action])
    line = f"<b>{html.escape(action)}</b>　{html.escape(who)}"
    details = entry.details
    if entry.action is K.REPLY and isinstance(details.get("reply"), str):
        line += "　" + html.escape(value_text(REPLY_LABELS.get(ReplyKind(details["reply"]), "")))
    if entry.action is K.CHECK_IN and details.get("person_id"):
        line += "　" + html.escape(person_name(org, str(details["person_id"])))
    if details.get("provisional"):
        line += html.escape(tr("（待服务器核对签到码）"))
    if entry.opinion:
        line += f"<br><span class='muted'>{html.escape(entry.opinion)}</span>"
    return line


# --- PDFs and calendar files (on the worker) -------------------------------------------------


def render_meeting_pdfs(store: LocalStore, *, meeting_id: str, org: Organisation,
                        now: datetime, kinds: Sequence[str]) -> tuple[str, list[Rendered]]:
    """Return the meeting's title and the PDFs asked for (runs on the worker)."""
    from officeapp.pdf.meetings import (
        agenda_pdf,
        meeting_notice_ofd,
        meeting_notice_pdf,
        minutes_ofd,
        minutes_pdf,
        seat_cards_pdf,
        sign_in_sheet_pdf,
    )
    from officeapp.pdf.names import NameBook

    meeting = store.get_meeting(meeting_id)
    if meeting is None:
        return "", [Rendered(kinds[0] if kinds else "notice",
                             error="会议不存在，或您已无权查看该会议")]
    book = NameBook.of(org, store.rooms())
    renders: dict[str, Callable[[], bytes]] = {
        "notice": lambda: meeting_notice_pdf(meeting, names=book, now=now),
        "agenda": lambda: agenda_pdf(meeting, names=book),
        "sign_in": lambda: sign_in_sheet_pdf(meeting, names=book),
        "seat_cards": lambda: seat_cards_pdf(meeting, names=book),
        "minutes": lambda: minutes_pdf(meeting, names=book, now=now),
    }
    # The 会议通知 and the 纪要 are 公文 in GB/T 9704 layout: they also save as OFD.
    ofds: dict[str, Callable[[LocalStore], bytes]] = {
        "notice": lambda _store: meeting_notice_ofd(meeting, names=book, now=now),
        "minutes": lambda _store: minutes_ofd(meeting, names=book, now=now),
    }
    return meeting.title, [replace(_attempt(kind, renders[kind]), ofd=ofds.get(kind))
                           for kind in kinds if kind in renders]


def printable(meeting: Meeting) -> list[str]:
    """Return the prints that make sense for the meeting now (纪要 once recorded)."""
    return [key for key, _ in PRINTS if key != "minutes" or meeting.minutes is not None]


def meeting_ics(store: LocalStore, *, meeting_id: str, org: Organisation,
                now: datetime) -> bytes:
    """Return one meeting as an .ics file (runs on the worker)."""
    meeting = store.get_meeting(meeting_id)
    if meeting is None:
        raise DomainError("meeting.not_found", "会议不存在，或您已无权查看该会议")
    return meeting_to_ics(meeting, directory=Directory.of(org, store.rooms()), now=now)


def my_meetings_ics(store: LocalStore, *, actor: Actor, org: Organisation,
                    now: datetime) -> bytes:
    """Return every meeting of the person as one .ics calendar (runs on the worker)."""
    meetings = store.my_meetings(actor)
    return meetings_to_ics(meetings, directory=Directory.of(org, store.rooms()), now=now,
                           name=tr("我的会议"))


def documents_folder() -> Path:
    """Return where save dialogs start."""
    return Path(QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation))


class MeetingPdfDialog(PdfPreviewDialog):
    """The PDF preview with the meeting's prints as tabs (打印 and 另存为PDF as for 公文)."""

    def __init__(self, ctx: AppContext, meeting_id: str, kinds: Sequence[str],
                 first: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, meeting_id, parent)
        self.kinds = list(kinds)
        self.first = first

    async def _render(self) -> None:
        org = await self.ctx.organisation()
        now = self.ctx.server_now()
        self._title, pages = await self.ctx.db(render_meeting_pdfs, meeting_id=self.document_id,
                                               org=org, now=now, kinds=self.kinds)
        if not alive(self):
            return
        labels = dict(PRINTS)
        for page in pages:
            index = self.tabs.addTab(_PdfPage(page), tr(labels.get(page.kind, page.kind)))
            if page.kind == self.first:
                self.tabs.setCurrentIndex(index)
        self.status.hide()
        if self._title:
            self.setWindowTitle(tr("预览：{0}").format(self._title))
        self._update_buttons()
        self.rendered.emit()


# --- argument dialogs ------------------------------------------------------------------------


class MeetingDialog(ArgumentDialog):
    """An argument dialog whose answer is a meeting action."""

    def meeting_action(self) -> MeetingAction:
        """Return the action the dialog's answers make."""
        raise NotImplementedError


class ReasonDialog(MeetingDialog):
    """A reason for cancelling, refusing a room, or a note with a reminder."""

    def __init__(self, kind: MeetingActionKind, *, title: str, prompt: str, required: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(title, prompt, parent)
        self.kind = kind
        self.required = required
        self.reason = QPlainTextEdit()
        self.reason.setMinimumHeight(90)
        self.form.addRow(self.reason)

    def problem(self) -> str:
        """Ask for the reason when the rules need one."""
        return self.required if self.required and not self.reason.toPlainText().strip() else ""

    def meeting_action(self) -> MeetingAction:
        """Return the action with the reason."""
        return MeetingAction(self.kind, reason=self.reason.toPlainText().strip())


class RoomDialog(MeetingDialog):
    """预订 (or 改订) a room: any room may be asked for; a taken one is refused with the free
    rooms offered."""

    def __init__(self, meeting: Meeting, rooms: Mapping[str, Room],
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("预订会议室"), self.tr("请选择会议室。已被占用的会议室会被拒绝，"
                                                "并列出该时段空闲的会议室。"), parent)
        self.room = QComboBox()
        for room in rooms.values():
            self.room.addItem(room_label(room), room.id)
        held = meeting.booking.room_id if meeting.booking and meeting.booking.holds_room \
            else None
        wanted = next((r for r in rooms if r != held), None) if held else meeting.room_id
        set_combo_id(self.room, wanted)
        self.form.addRow(self.tr("会议室"), self.room)

    def meeting_action(self) -> MeetingAction:
        """Return the booking of the chosen room."""
        return MeetingAction(K.BOOK, room_id=str(self.room.currentData()))


def booked(meeting: Meeting) -> bool:
    """Return whether the meeting holds its room (booked, or waiting for approval)."""
    booking = meeting.booking
    return booking is not None and booking.holds_room and booking.room_id == meeting.room_id


class NoticeDialog(MeetingDialog):
    """发送会议通知, with an optional sign-in code."""

    def __init__(self, meeting: Meeting, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("发送会议通知"), self.tr("通知将发给全部参会、列席人员和单位。"
                                                  "可设签到码，供参会人员自助签到。"), parent)
        self.code = QLineEdit(meeting.check_in_code or "")
        self.code.setPlaceholderText(self.tr("4至8位数字，可不填"))
        self.code.setMaxLength(8)
        self.form.addRow(self.tr("签到码"), self.code)

    def problem(self) -> str:
        """Refuse a code the rules would refuse."""
        code = self.code.text().strip()
        ok = not code or (code.isascii() and code.isdigit() and 4 <= len(code) <= 8)
        return "" if ok else self.tr("签到码必须是4至8位数字")

    def meeting_action(self) -> MeetingAction:
        """Return the send_notice action."""
        return MeetingAction(K.SEND_NOTICE, check_in_code=self.code.text().strip())


class ReplyDialog(MeetingDialog):
    """回执: attend (a unit names who comes), ask for leave with a reason, or send a deputy."""

    def __init__(self, meeting: Meeting, org: Organisation, actor: Actor,
                 invitations: Sequence[Attendee], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("回执"), self.tr("请回复是否参加《{0}》（{1}）。").format(
            meeting.title, when_text(meeting.start, meeting.end)), parent)
        self.org = org
        self._resolve = assignee_resolver(org)
        self.invitation = QComboBox()
        for attendee in invitations:
            self.invitation.addItem(attendee_name(org, attendee),
                                    (attendee.kind.value, attendee.id))
        self.attend = QRadioButton(self.tr("参加"))
        self.leave = QRadioButton(self.tr("请假"))
        self.delegate = QRadioButton(self.tr("委派他人参加"))
        self.choice = QButtonGroup(self)
        choices = QHBoxLayout()
        for button in (self.attend, self.leave, self.delegate):
            self.choice.addButton(button)
            choices.addWidget(button)
        self.attend.setChecked(True)
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(self.tr("请假理由"))
        self.reason.setMaximumHeight(80)
        people = active_people(org, actor)
        self.deputy = person_combo(org, [p for p in people if p.id != actor.person_id],
                                   empty=self.tr("（请选择）"))
        # One list of members per invited unit; only the chosen invitation's is shown.
        self.unit_people: dict[str, PersonPicker] = {
            a.id: PersonPicker(org, [p for p in people if a.id in org.unit_path(p.unit_id)],
                               multiple=True)
            for a in invitations if a.kind is AttendeeKind.UNIT}
        if self.invitation.count() > 1:
            self.form.addRow(self.tr("为谁回执"), self.invitation)
        self.form.addRow(choices)
        self.form.addRow(self.tr("理由"), self.reason)
        self.form.addRow(self.tr("代为参会"), self.deputy)
        for picker in self.unit_people.values():
            self.form.addRow(self.tr("本单位参会人员"), picker)
        for button in (self.attend, self.leave, self.delegate):
            button.toggled.connect(self._update)
        self.invitation.currentIndexChanged.connect(self._update)
        self._update()

    def attendee(self) -> Attendee:
        """Return the invitation replied to."""
        kind, ident = self.invitation.currentData()
        return Attendee(AttendeeKind(kind), ident)

    def members(self) -> PersonPicker | None:
        """Return the member list of the chosen unit invitation (None for a person's)."""
        attendee = self.attendee()
        return self.unit_people.get(attendee.id) if attendee.kind is AttendeeKind.UNIT else None

    def _update(self, *_args: object) -> None:
        unit = self.attendee().kind is AttendeeKind.UNIT
        self.delegate.setEnabled(not unit)
        if unit and self.delegate.isChecked():
            self.attend.setChecked(True)
        self._show(self.reason, self.leave.isChecked())
        self._show(self.deputy, self.delegate.isChecked())
        current = self.members()
        for picker in self.unit_people.values():
            self._show(picker, picker is current and self.attend.isChecked())
        self.adjustSize()

    def _show(self, widget: QWidget, visible: bool) -> None:
        widget.setVisible(visible)
        label = self.form.labelForField(widget)
        if label is not None:
            label.setVisible(visible)

    def kind(self) -> ReplyKind:
        """Return the reply chosen."""
        if self.leave.isChecked():
            return ReplyKind.LEAVE
        return ReplyKind.DELEGATE if self.delegate.isChecked() else ReplyKind.ATTEND

    def problem(self) -> str:
        """Ask for what each reply needs, as the rules will."""
        kind = self.kind()
        if kind is ReplyKind.LEAVE and not self.reason.toPlainText().strip():
            return self.tr("请假必须填写理由")
        if kind is ReplyKind.DELEGATE and not combo_id(self.deputy):
            return self.tr("请选择代为参会的人员")
        members = self.members()
        if kind is ReplyKind.ATTEND and members is not None and not members.selected():
            return self.tr("请填写本单位的参会人员")
        return ""

    def meeting_action(self) -> MeetingAction:
        """Return the reply."""
        kind = self.kind()
        deputy = combo_id(self.deputy) if kind is ReplyKind.DELEGATE else None
        members = self.members()
        people = members.selected() if kind is ReplyKind.ATTEND and members else []
        return MeetingAction(
            K.REPLY, reply=kind, attendee=self.attendee(),
            reason=self.reason.toPlainText().strip() if kind is ReplyKind.LEAVE else "",
            deputy=self._resolve(deputy) if deputy else None,
            people=tuple(self._resolve(p) for p in people))


class CheckInDialog(MeetingDialog):
    """签到 by the meeting secretary: mark the people who came (several at once)."""

    def __init__(self, org: Organisation, candidates: Sequence[Person],
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("签到"),
                         self.tr("请勾选已到会的人员（参会、列席、代为参会均可）。"), parent)
        self._resolve = assignee_resolver(org)
        self.picker = PersonPicker(org, candidates, multiple=True)
        self.form.addRow(self.picker)

    def problem(self) -> str:
        """Ask for at least one person."""
        return "" if self.picker.selected() else self.tr("请选择人员")

    def meeting_actions(self) -> list[MeetingAction]:
        """Return one check-in per person chosen."""
        return [MeetingAction(K.CHECK_IN, person=self._resolve(p)) for p in self.picker.selected()]

    def meeting_action(self) -> MeetingAction:
        """Return the first check-in (use meeting_actions for all)."""
        return self.meeting_actions()[0]


class CodeDialog(MeetingDialog):
    """签到 by the invitee with the code shown in the room."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("签到"), self.tr("请输入会场公布的签到码。"), parent)
        self.code = QLineEdit()
        self.code.setMaxLength(8)
        self.form.addRow(self.tr("签到码"), self.code)

    def problem(self) -> str:
        """Ask for the code."""
        return "" if self.code.text().strip() else self.tr("请输入签到码")

    def meeting_action(self) -> MeetingAction:
        """Return the check-in with the code."""
        return MeetingAction(K.CHECK_IN, check_in_code=self.code.text().strip())


class SupervisionDialog(MeetingDialog):
    """立项督办: choose a decision with a lead unit and a deadline; a new item opens for it."""

    def __init__(self, org: Organisation, meeting_id: str, decisions: Sequence[Decision],
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("立项督办"), self.tr("选择要立项督办的议定事项："), parent)
        self.meeting_id = meeting_id
        self.decision = QComboBox()
        for decision in decisions:
            text = decision.text if len(decision.text) <= 40 else decision.text[:39] + "…"
            due = decision.deadline.isoformat() if decision.deadline else ""
            about = f"{unit_name(org, decision.lead_unit_id)} {due}".strip()
            self.decision.addItem(f"{decision.no}. " + qualified(text, about), decision.no)
        self.form.addRow(self.decision)

    def meeting_action(self) -> MeetingAction:
        """Return open_supervision with the id the server gives an item of this decision."""
        decision_no = int(self.decision.currentData())
        return MeetingAction(K.OPEN_SUPERVISION, decision_no=decision_no,
                             supervision_item_id=decision_item_id(self.meeting_id, decision_no))


class SittingDialog(ArgumentDialog):
    """Choose one occurrence of a recurring meeting (sign-in and minutes go by sitting)."""

    def __init__(self, series: Meeting, now: datetime, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("某次会议"), self.tr("周期性会议的签到和纪要按次进行。"
                                                     "请选择哪一次："), parent)
        self.when = QComboBox()
        spans = spans_of(series)
        for start, end in spans:
            self.when.addItem(when_text(start, end), start)
        current = next((i for i, (_s, e) in enumerate(spans) if e > now), len(spans) - 1)
        self.when.setCurrentIndex(current)
        self.form.addRow(self.tr("时间"), self.when)

    def start(self) -> datetime:
        """Return the start of the chosen occurrence."""
        value = self.when.currentData()
        assert isinstance(value, datetime)
        return value


def may_make_sitting(snapshot: MeetingSnapshot) -> bool:
    """Return whether staff may open sittings of the shown series (notified, not a sitting)."""
    meeting = snapshot.meeting
    staff = K.CANCEL in snapshot.actions or K.REMIND in snapshot.actions
    return bool(meeting.recurrence) and meeting.status is MeetingStatus.NOTIFIED and staff


def existing_sitting(store: LocalStore, *, series_id: str, start: datetime) -> str | None:
    """Return the id of the sitting of a series at `start`, if one was made (on the worker)."""
    found = store.meetings_between(start, start + timedelta(minutes=1))
    return next((m.id for m in found if m.series_id == series_id and m.start == start), None)


def supervisable(meeting: Meeting) -> list[Decision]:
    """Return the decisions that may open a supervision item now."""
    minutes = meeting.minutes
    return [d for d in (minutes.decisions if minutes else ())
            if d.supervision_item_id is None and d.lead_unit_id and d.deadline]


def check_in_candidates(meeting: Meeting, org: Organisation, now: datetime) -> list[Person]:
    """Return the people the secretary may mark as come: invited and not yet signed in."""
    signed = {c.person_id for c in meeting.check_ins}
    found = []
    for person in active_people(org):
        if person.id in signed:
            continue
        if invitation_for(meeting, org.actor(person.id, now)) is not None:
            found.append(person)
    return found


# --- the minutes editor ----------------------------------------------------------------------


class MinutesEditor(QWidget):
    """纪要: text and decisions (议定事项 with lead unit and deadline), and the attendance lists."""

    record = Signal()
    publish = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.org: Organisation | None = None
        self._supervision: list[str | None] = []
        self._co_units: list[tuple[str, ...]] = []
        self.state = QLabel()
        self.state.setStyleSheet("color: #555;")
        self.state.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("纪要正文：会议议定的事项之外的内容，段落之间空一行"))
        self.decisions = QTableWidget(0, 4)
        self.decisions.setHorizontalHeaderLabels([self.tr("议定事项"), self.tr("牵头单位"),
                                                  self.tr("完成时限"), self.tr("督办")])
        self.decisions.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.decisions.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(1, 150)
        header.resizeSection(2, 120)
        header.resizeSection(3, 80)
        self.attendance = QLabel()
        self.attendance.setWordWrap(True)
        self.attendance.setTextFormat(Qt.TextFormat.RichText)
        self.add_button = QPushButton(self.tr("添加议定事项"))
        self.remove_button = QPushButton(self.tr("删除议定事项"))
        self.save_button = QPushButton(self.tr("保存纪要"))
        self.publish_button = QPushButton(self.tr("印发纪要"))
        self._build()
        self.add_button.clicked.connect(lambda: self.add_decision())
        self.remove_button.clicked.connect(self._remove)
        self.save_button.clicked.connect(self.record.emit)
        self.publish_button.clicked.connect(self.publish.emit)

    def _build(self) -> None:
        buttons = FlowLayout()  # wraps in a narrow pane
        for button in (self.add_button, self.remove_button, self.save_button,
                       self.publish_button):
            buttons.addWidget(button)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(self.state)
        layout.addWidget(self.text, 3)
        layout.addWidget(QLabel(self.tr("议定事项")))
        layout.addWidget(self.decisions, 2)
        layout.addLayout(buttons)
        layout.addWidget(self.attendance)
        # A short window (1024×600) scrolls the minutes rather than growing past the screen.
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolling(content))

    def set_meeting(self, meeting: Meeting, org: Organisation, *, editable: bool,
                    publishable: bool, keep_edits: bool) -> None:
        """Show the meeting's minutes (or an empty editor), editable when the rules allow."""
        self.org = org
        minutes = meeting.minutes
        if not keep_edits:
            self.text.setPlainText(minutes.text if minutes else "")
            self.decisions.setRowCount(0)
            self._supervision, self._co_units = [], []
            for decision in minutes.decisions if minutes else ():
                self.add_decision(decision)
            self.mark_saved()
        published = minutes is not None and minutes.published_at is not None
        if published and minutes is not None and minutes.published_at is not None:
            self.state.setText(self.tr("纪要已于{0}印发").format(
                times.minute_text(minutes.published_at)))
        elif minutes is not None:
            self.state.setText(self.tr("纪要已保存（{0}），尚未印发").format(
                times.minute_text(minutes.recorded_at)))
        else:
            self.state.setText(self.tr("会议开始后，记录人或会务人员可记录纪要"))
        self.text.setReadOnly(not editable)
        self.decisions.setEnabled(editable or published)
        for button in (self.add_button, self.remove_button, self.save_button):
            button.setVisible(editable)
        self.publish_button.setVisible(publishable)
        lists = minutes.attendance if published and minutes else attendance(meeting)
        rows = "".join(f"<tr><td style='color:#666; padding-right:10px'>{html.escape(label)}</td>"
                       f"<td>{html.escape(text)}</td></tr>"
                       for label, text in attendance_lines(org, lists))
        heading = html.escape(self.tr("参会情况"))
        self.attendance.setText(f"<b>{heading}</b><table>{rows}</table>")

    def add_decision(self, decision: Decision | None = None) -> None:
        """Append a decision row."""
        assert self.org is not None
        row = self.decisions.rowCount()
        self.decisions.insertRow(row)
        self.decisions.setItem(row, 0, QTableWidgetItem(decision.text if decision else ""))
        lead = QComboBox()
        lead.addItem(self.tr("（不指定）"), "")
        for unit, depth in unit_tree(self.org):
            lead.addItem("\u3000" * depth + unit.name, unit.id)
        set_combo_id(lead, decision.lead_unit_id if decision else None)
        self.decisions.setCellWidget(row, 1, lead)
        deadline = QDateEdit()
        deadline.setCalendarPopup(True)
        deadline.setDisplayFormat("yyyy-MM-dd")
        deadline.setMinimumDate(_NO_DEADLINE)
        deadline.setSpecialValueText(self.tr("未定"))
        due = decision.deadline if decision else None
        deadline.setDate(QDate(due.year, due.month, due.day) if due else _NO_DEADLINE)
        self.decisions.setCellWidget(row, 2, deadline)
        item_id = decision.supervision_item_id if decision else None
        state = QTableWidgetItem(self.tr("已立项") if item_id else "")
        state.setFlags(state.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.decisions.setItem(row, 3, state)
        self._supervision.append(item_id)
        self._co_units.append(decision.co_unit_ids if decision else ())

    def mark_saved(self) -> None:
        """Take what the editor holds as saved (it is no longer dirty)."""
        self._saved = self.values()

    def dirty(self) -> bool:
        """Return whether the editor holds text or decisions not yet saved."""
        return self.values() != getattr(self, "_saved", ("", ()))

    def _remove(self) -> None:
        row = self.decisions.currentRow()
        if 0 <= row < self.decisions.rowCount():
            self.decisions.removeRow(row)
            del self._supervision[row]
            del self._co_units[row]

    def values(self) -> tuple[str, tuple[Decision, ...]]:
        """Return the text and the decisions typed."""
        found = []
        for row in range(self.decisions.rowCount()):
            item = self.decisions.item(row, 0)
            text = item.text().strip() if item else ""
            lead = self.decisions.cellWidget(row, 1)
            deadline = self.decisions.cellWidget(row, 2)
            day = deadline.date() if isinstance(deadline, QDateEdit) else _NO_DEADLINE
            due = day.toPython() if day != _NO_DEADLINE else None
            found.append(Decision(
                row + 1, text, combo_id(lead) if isinstance(lead, QComboBox) else None,
                self._co_units[row], due if isinstance(due, date) else None,
                self._supervision[row]))
        return self.text.toPlainText(), tuple(found)


# --- the room offer after a refused booking --------------------------------------------------


class RoomOffer(QFrame):
    """Why a booking was refused, and the free rooms to book instead."""

    rebook = Signal(str)  # room id
    dismiss = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet("RoomOffer { background: #fdecea; border: 1px solid #e6a19a;"
                           " border-radius: 4px; }")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #8a1f11; background: transparent; border: none;")
        self.rooms = QComboBox()
        self.book_button = QPushButton(self.tr("改订此会议室"))
        self.close_button = QPushButton(self.tr("知道了"))
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("空闲会议室：")))
        row.addWidget(self.rooms, 1)
        row.addWidget(self.book_button)
        row.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(row)
        self.book_button.clicked.connect(self._rebook)
        self.close_button.clicked.connect(self.dismiss.emit)
        self.hide()

    def offer(self, message: str, free: Sequence[Mapping[str, Any]],
              rooms: Mapping[str, Room]) -> None:
        """Show the refusal and the rooms offered with it."""
        self.message.setText(message)
        self.rooms.clear()
        for data in free:
            room = rooms.get(str(data.get("id")))
            label = room_label(room) if room else str(data.get("name") or data.get("id"))
            self.rooms.addItem(label, str(data.get("id")))
        has_rooms = self.rooms.count() > 0
        self.rooms.setVisible(has_rooms)
        self.book_button.setVisible(has_rooms)
        self.show()

    def _rebook(self) -> None:
        room_id = self.rooms.currentData()
        if room_id:
            self.rebook.emit(str(room_id))


# --- the pane --------------------------------------------------------------------------------


class MeetingView(QWidget):
    """Shows one meeting and offers exactly the actions the rules allow now."""

    acted = Signal(str, str)  # meeting id, action kind
    feedback = Signal(object)  # a Feedback: what an action did, for the message bar
    exported = Signal(str)  # the path of an .ics saved
    supervision_opened = Signal(str)  # the new item's id

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.snapshot: MeetingSnapshot | None = None
        self.dialog: Any = None
        self._meeting_id: str | None = None
        self._org: Organisation | None = None
        self._generation = 0
        self._busy = False
        self.buttons: dict[str, QPushButton] = {}
        self.placeholder = QLabel(self.tr("在列表、日历或会议室占用表中选择一个会议，"
                                      "即可在此查看和办理"))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setStyleSheet("color: #777; padding: 24px;")
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 17px; font-weight: bold;")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_badge = QLabel()
        self.meta = QLabel()
        self.meta.setWordWrap(True)
        self.meta.setStyleSheet("color: #555;")
        self.pending_badge = QLabel()
        self.pending_badge.setStyleSheet("color: #8a5a00; background: #fff4d6; padding: 3px 6px;"
                                         " border-radius: 3px;")
        self.pending_badge.setWordWrap(True)  # a long list of actions must not widen the pane
        self.pending_badge.hide()
        self.banners = QVBoxLayout()
        self.offer = RoomOffer()
        self.action_error = QLabel()
        self.action_error.setWordWrap(True)
        self.action_error.setStyleSheet(ERROR_STYLE)
        self.action_error.hide()
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #b35c00;")
        self.notice.hide()
        self.button_row = FlowLayout()  # wraps in a narrow pane
        self.no_actions = QLabel(self.tr("您当前不需要办理此会议"))
        self.no_actions.setStyleSheet("color: #777;")
        self.no_actions.setWordWrap(True)  # beside the print buttons of a narrow pane
        self.print_button = QToolButton()
        self.print_menu = QMenu(self)
        self.ics_button = QToolButton()
        self.details = QTextBrowser()
        self.replies = QTableWidget(0, 5)
        self.replies_summary = QLabel()
        self.check_ins = QTableWidget(0, 4)
        self.check_ins_summary = QLabel()
        self.minutes = MinutesEditor()
        self.trace = QTextBrowser()
        self.tabs = QTabWidget()
        self.pages = QStackedWidget()
        self._build()
        self._connect()

    # --- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.print_button.setText(self.tr("打印"))
        self.print_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.print_button.setMenu(self.print_menu)
        self.print_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.ics_button.setText(self.tr("导出日历"))
        self.ics_button.setToolTip(self.tr("导出本会议的 .ics 日历文件"))
        for key, label in PRINTS:
            action = self.print_menu.addAction(tr(label))
            action.setData(key)
            action.triggered.connect(lambda _checked=False, k=key: self.preview(k))
        self._table(self.replies, [self.tr("受邀"), self.tr("类别"), self.tr("回执"),
                                   self.tr("回执人"), self.tr("时间")])
        self._table(self.check_ins, [self.tr("人员"), self.tr("身份"), self.tr("方式"),
                                     self.tr("时间")])
        self.tabs.addTab(self.details, self.tr("详情"))
        replies = self._with_summary(self.replies_summary, self.replies)
        check_ins = self._with_summary(self.check_ins_summary, self.check_ins)
        self.tabs.addTab(replies, self.tr("回执"))
        self.tabs.addTab(check_ins, self.tr("签到"))
        self.tabs.addTab(self.minutes, self.tr("纪要"))
        self.tabs.addTab(self.trace, self.tr("记录"))
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.status_badge, 0, Qt.AlignmentFlag.AlignTop)
        row = QHBoxLayout()
        row.addLayout(self.button_row)
        row.addWidget(self.no_actions)
        row.addStretch(1)
        row.addWidget(self.print_button)
        row.addWidget(self.ics_button)
        shown = QWidget()
        layout = QVBoxLayout(shown)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(head)
        layout.addWidget(self.meta)
        layout.addWidget(self.pending_badge)
        self.trace_banner = record_pane.TraceBreakBanner()
        layout.addWidget(self.trace_banner)
        layout.addLayout(self.banners)
        layout.addWidget(self.offer)
        layout.addLayout(row)
        layout.addWidget(self.action_error)
        layout.addWidget(self.notice)
        layout.addWidget(self.tabs, 1)
        self.pages.addWidget(self.placeholder)
        self.pages.addWidget(shown)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)

    @staticmethod
    def _table(table: QTableWidget, headers: list[str]) -> None:
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setAlternatingRowColors(True)
        table.horizontalHeader().setStretchLastSection(True)

    @staticmethod
    def _with_summary(summary: QLabel, table: QTableWidget) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        summary.setWordWrap(True)
        layout.addWidget(summary)
        layout.addWidget(table, 1)
        return box

    def _connect(self) -> None:
        self.ctx.changed.connect(self._changed)
        self.ics_button.clicked.connect(lambda: self.export_ics())
        self.minutes.record.connect(lambda: self.trigger(K.RECORD_MINUTES))
        self.minutes.publish.connect(lambda: self.trigger(K.PUBLISH_MINUTES))
        self.offer.rebook.connect(self.book_room)
        self.offer.dismiss.connect(self._dismiss_offer)

    # --- loading -----------------------------------------------------------------------------

    @property
    def meeting_id(self) -> str | None:
        """Return the id of the meeting shown (or being loaded)."""
        return self._meeting_id

    def show_meeting(self, meeting_id: str | None) -> None:
        """Show a meeting (None clears the pane)."""
        changed = meeting_id != self._meeting_id
        self._meeting_id = meeting_id
        if changed:
            self.offer.hide()
            self.action_error.hide()
            self.notice.hide()
        if meeting_id is None:
            self.snapshot = None
            self.pages.setCurrentIndex(0)
            return
        self.reload()

    def reload(self) -> None:
        """Read the shown meeting again."""
        if self._meeting_id is None:
            return
        self._generation += 1
        self.ctx.spawn(self._load(self._meeting_id, self._generation), what=self.tr("读取会议"))

    async def _load(self, meeting_id: str, generation: int) -> None:
        org = await self.ctx.organisation()
        snapshot = await self.ctx.db(load_meeting, meeting_id=meeting_id, org=org,
                                     person_id=self.ctx.person_id, now=self.ctx.server_now())
        if generation != self._generation or not alive(self):
            return
        self._org = org
        self._show(snapshot)

    def _changed(self, changes: Changes) -> None:
        if changes.origin is self or self._meeting_id is None:
            return
        mine = not changes.meeting_ids or self._meeting_id in changes.meeting_ids
        if ("meeting" in changes.kinds and mine) or changes.kinds & {"directory", "rejection"}:
            self.reload()

    # --- showing -----------------------------------------------------------------------------

    def _show(self, snapshot: MeetingSnapshot | None) -> None:
        same = self.snapshot is not None and snapshot is not None and \
            self.snapshot.meeting.id == snapshot.meeting.id
        self.snapshot = snapshot
        if snapshot is None:
            self.placeholder.setText(self.tr("会议不存在，或您已无权查看该会议"))
            self.pages.setCurrentIndex(0)
            return
        assert self._org is not None
        org, meeting = self._org, snapshot.meeting
        self.pages.setCurrentIndex(1)
        self.title.setText(meeting.title)
        fill, text = STATUS_COLOURS[meeting.status]
        self.status_badge.setText(status_label(meeting.status))
        self.status_badge.setStyleSheet(f"background: {fill}; color: {text}; padding: 3px 8px;"
                                        " border-radius: 3px; font-weight: bold;")
        self.meta.setText(" · ".join(p for p in (
            value_text(meeting.meeting_type.value), when_text(meeting.start, meeting.end),
            place_text(meeting, snapshot.rooms)) if p))
        self._show_pending(snapshot.pending)
        staff = K.EDIT in snapshot.actions or K.CANCEL in snapshot.actions
        _set_html(self.details, details_html(meeting, org, snapshot.rooms, show_code=staff,
                                             now=snapshot.now), keep=same)
        _set_html(self.trace, trace_html(meeting, org), keep=same)
        self._show_replies(meeting, org)
        self._show_check_ins(meeting, org)
        self.minutes.set_meeting(meeting, org, editable=K.RECORD_MINUTES in snapshot.actions,
                                 publishable=K.PUBLISH_MINUTES in snapshot.actions,
                                 keep_edits=same and self.minutes.dirty())
        self.tabs.setTabText(1, self.tr("回执（{0}/{1}）").format(
            len(current_replies(meeting)), len(meeting.attendees) + len(meeting.sit_in)))
        self.tabs.setTabText(2, self.tr("签到（{0}）").format(len(meeting.check_ins)))
        self._show_rejections(snapshot.rejections)
        self.trace_banner.show_break(snapshot.trace_break)
        self._show_buttons(snapshot)
        self._show_prints(meeting)

    def _show_pending(self, pending: Sequence[str]) -> None:
        shown = list(dict.fromkeys(pending))
        self.pending_badge.setText(self.tr("等待服务器确认：{0}").format(listed(shown[:4])))
        self.pending_badge.setToolTip(self.tr("这些操作已在本机生效，联网同步后由服务器确认；"
                                          "如被拒绝，会在此说明原因"))
        self.pending_badge.setVisible(bool(shown))

    def _show_replies(self, meeting: Meeting, org: Organisation) -> None:
        rows = reply_rows(meeting, org)
        _fill(self.replies, rows)
        waiting = [r[0] for r in rows if r[2] == self.tr("未回执")]
        counts = {kind: 0 for kind in ReplyKind}
        for reply in current_replies(meeting).values():
            counts[reply.kind] += 1
        summary = self.tr("已回执{0}，其中参加{1}、请假{2}、委派{3}；未回执{4}").format(
            len(rows) - len(waiting), counts[ReplyKind.ATTEND], counts[ReplyKind.LEAVE],
            counts[ReplyKind.DELEGATE], len(waiting))
        if waiting:
            summary = labelled(summary, listed(waiting))
        self.replies_summary.setText(summary)

    def _show_check_ins(self, meeting: Meeting, org: Organisation) -> None:
        rows = check_in_rows(meeting, org)
        _fill(self.check_ins, rows)
        lists = attendance(meeting)
        missing = listed(entry_text(org, e) for e in lists.absent)
        text = self.tr("已签到{0}人").format(len(rows))
        if meeting.status in (MeetingStatus.NOTIFIED, MeetingStatus.HELD) and missing:
            text += self.tr("；尚未签到：{0}").format(missing)
        self.check_ins_summary.setText(text)

    def _show_rejections(self, records: Sequence[RejectionRecord]) -> None:
        record_pane.clear(self.banners)
        for record in records:
            banner = QFrame()
            banner.setStyleSheet("QFrame { background: #fdecea; border-radius: 4px; }")
            row = QHBoxLayout(banner)
            label = QLabel(self.tr("服务器未接受：{0}").format(refusal_text(record)))
            label.setWordWrap(True)
            label.setStyleSheet("color: #8a1f11;")
            row.addWidget(label, 1)
            if record.code == "meeting.room_taken" and self.snapshot is not None:
                choose = QPushButton(self.tr("选择空闲会议室…"))
                choose.clicked.connect(lambda _c=False, r=record: self._offer_from(r))
                row.addWidget(choose)
            close = QPushButton(self.tr("知道了"))
            close.clicked.connect(lambda _c=False, r=record.id: self.dismiss_rejection(r))
            row.addWidget(close)
            self.banners.addWidget(banner)

    def _offer_from(self, record: RejectionRecord) -> None:
        if self.snapshot is not None:
            self.offer.offer(refusal_text(record), record.details.get("free_rooms") or [],
                             self.snapshot.rooms)

    def _show_buttons(self, snapshot: MeetingSnapshot) -> None:
        for button in self.buttons.values():
            button.deleteLater()
        self.buttons = {}
        for kind in (k for k in _BUTTONS if k in snapshot.actions):
            text = action_text(kind)
            if kind is K.BOOK and booked(snapshot.meeting):
                text = self.tr("改订会议室…")
            button = QPushButton(text)
            button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _checked=False, k=kind: self.trigger(k))
            self.button_row.addWidget(button)
            self.buttons[kind.value] = button
        if may_make_sitting(snapshot):
            button = QPushButton(self.tr("某次会议（签到、纪要）…"))
            button.setToolTip(self.tr("周期性会议按次签到和记录纪要：生成或打开其中一次"))
            button.clicked.connect(lambda _checked=False: self.choose_sitting())
            self.button_row.addWidget(button)
            self.buttons["sitting"] = button
        self.no_actions.setVisible(not self.buttons)
        self._set_busy(self._busy)

    def _show_prints(self, meeting: Meeting) -> None:
        allowed = set(printable(meeting))
        for action in self.print_menu.actions():
            action.setEnabled(action.data() in allowed)

    def shown_actions(self) -> set[str]:
        """Return the keys of the action buttons shown now."""
        return set(self.buttons)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for button in self.buttons.values():
            button.setEnabled(not busy)
        self.minutes.save_button.setEnabled(not busy)
        self.minutes.publish_button.setEnabled(not busy)

    # --- acting ------------------------------------------------------------------------------

    def trigger(self, kind: MeetingActionKind) -> None:
        """Start `kind` on the shown meeting, asking for its arguments when it needs any."""
        snapshot = self.snapshot
        if snapshot is None or self._busy or kind not in snapshot.actions or self._org is None:
            return
        self.action_error.hide()
        meeting, org = snapshot.meeting, self._org
        actor = snapshot.actor
        assert actor is not None
        openers: dict[MeetingActionKind, Callable[[], None]] = {
            K.EDIT: self._edit,
            K.BOOK: lambda: self.book_room(meeting.room_id) if meeting.room_id and not booked(
                meeting) else self._open(RoomDialog(meeting, snapshot.rooms, self)),
            K.REFUSE_ROOM: lambda: self._open(ReasonDialog(
                K.REFUSE_ROOM, title=self.tr("不同意使用会议室"),
                prompt=self.tr("请写明不同意的理由："), required=self.tr("不同意时必须填写理由"),
                parent=self)),
            K.CANCEL: lambda: self._open(ReasonDialog(
                K.CANCEL, title=self.tr("取消会议"),
                prompt=self.tr("取消后将通知已收到通知的人员。请写明取消理由："),
                required=self.tr("取消会议必须填写理由"), parent=self)),
            K.SEND_NOTICE: lambda: self._open(NoticeDialog(meeting, self)),
            K.REPLY: lambda: self._open(ReplyDialog(meeting, org, actor,
                                                    _replyable(meeting, actor), self)),
            K.CHECK_IN: lambda: self._check_in(meeting, org, actor),
            K.RECORD_MINUTES: self._record_minutes,
            K.OPEN_SUPERVISION: lambda: self._open(SupervisionDialog(
                org, meeting.id, supervisable(meeting), self)),
        }
        opener = openers.get(kind)
        if opener is not None:
            opener()
        else:
            self.submit([MeetingAction(kind)])

    def _open(self, dialog: MeetingDialog) -> None:
        self.dialog = dialog
        if isinstance(dialog, CheckInDialog):
            dialog.accepted.connect(lambda: self.submit(dialog.meeting_actions()))
        else:
            dialog.accepted.connect(lambda: self.submit([dialog.meeting_action()]))
        dialog.open()

    def _check_in(self, meeting: Meeting, org: Organisation, actor: Actor) -> None:
        staff = K.EDIT in self.available() or K.CANCEL in self.available()
        if staff:
            people = check_in_candidates(meeting, org, self.ctx.server_now())
            self._open(CheckInDialog(org, people, self))
        else:
            self._open(CodeDialog(self))

    def _record_minutes(self) -> None:
        if self.tabs.currentWidget() is not self.minutes:
            self.tabs.setCurrentWidget(self.minutes)
            self.minutes.text.setFocus()
            return
        text, decisions = self.minutes.values()
        self.submit([MeetingAction(K.RECORD_MINUTES, text=text, decisions=decisions)])

    def _edit(self) -> None:
        if self.snapshot is None:
            return
        dialog = MeetingForm(self.ctx, self, meeting=self.snapshot.meeting)
        dialog.saved.connect(lambda _id: self.reload())
        dialog.notified.connect(lambda _id: self.reload())
        dialog.finished.connect(lambda _result: self.reload())
        self.dialog = dialog
        dialog.open()

    def available(self) -> tuple[MeetingActionKind, ...]:
        """Return the actions the person may take on the shown meeting now."""
        return self.snapshot.actions if self.snapshot else ()

    def book_room(self, room_id: str | None) -> None:
        """Book a room for the shown meeting (its own, or one offered after a refusal)."""
        if room_id is None:
            if self.snapshot is not None:
                self._open(RoomDialog(self.snapshot.meeting, self.snapshot.rooms, self))
            return
        self.offer.hide()
        self.submit([MeetingAction(K.BOOK, room_id=room_id)])

    def submit(self, requests: Sequence[MeetingAction]) -> None:
        """Write the actions on the shown meeting, one after the other."""
        if self._meeting_id is None or self._busy or not requests:
            return
        self._set_busy(True)
        self.ctx.spawn(self._act(self._meeting_id, list(requests)),
                       what=action_text(requests[0].kind).rstrip("…"))

    async def _act(self, meeting_id: str, requests: list[MeetingAction]) -> None:
        warnings: list[str] = []
        try:
            for action in requests:
                outcome: MeetingOutcome = await self.ctx.write(
                    actions.act_meeting, person_id=self.ctx.person_id, meeting_id=meeting_id,
                    action=action, now=self.ctx.server_now(), kinds=("meeting",), origin=self)
                if isinstance(outcome, MeetingRejected):
                    self._refused(refusal_text(outcome.rejection), outcome.rejection.code,
                                  outcome.rejection.details)
                    return
                warnings += [refusal_text(w) for w in outcome.warnings]
                if action.kind is K.RECORD_MINUTES:
                    self.minutes.mark_saved()
                self.acted.emit(meeting_id, action.kind.value)
                self.feedback.emit(Feedback(done_text(action_text(action.kind),
                                                      outcome.meeting.title, ctx=self.ctx)))
                if action.kind is K.OPEN_SUPERVISION:
                    self.supervision_opened.emit(action.supervision_item_id)
        except DomainError as error:
            self._refused(refusal_text(error), error.code, error.details)
            return
        finally:
            if alive(self):
                self._set_busy(False)
                if meeting_id == self._meeting_id:
                    self.reload()
        self.notice.setText("\n".join(tr("提醒：{0}").format(w) for w in warnings))
        self.notice.setVisible(bool(warnings))

    def _refused(self, message: str, code: str, details: Mapping[str, Any]) -> None:
        if code == "meeting.room_taken" and self.snapshot is not None:
            self.offer.offer(self.tr("未能预订：{0}").format(message),
                             details.get("free_rooms") or [], self.snapshot.rooms)
            return
        self.action_error.setText(self.tr("未能办理：{0}").format(message))
        self.action_error.show()

    def _dismiss_offer(self) -> None:
        self.offer.hide()

    def dismiss_rejection(self, rejection_id: int) -> None:
        """Hide a refused action the person has seen."""
        self.ctx.spawn(self._dismiss(rejection_id), what=self.tr("关闭提示"))

    async def _dismiss(self, rejection_id: int) -> None:
        await self.ctx.db(lambda s: s.dismiss_rejection(rejection_id))
        self.ctx.broadcast(Changes(frozenset({"rejection"}), origin=self))
        self.reload()

    # --- sittings of a series ----------------------------------------------------------------

    def choose_sitting(self) -> None:
        """Ask which occurrence of the shown series to sign in and minute, then open it."""
        if self.snapshot is None:
            return
        dialog = SittingDialog(self.snapshot.meeting, self.ctx.server_now(), self)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self.open_sitting(dialog.start()))
        dialog.open()

    def open_sitting(self, start: datetime) -> None:
        """Open the sitting of the shown series at `start`, making it when there is none."""
        if self.snapshot is None or self._busy:
            return
        self._set_busy(True)
        self.ctx.spawn(self._sitting(self.snapshot.meeting.id, start),
                       what=self.tr("生成某次会议"))

    async def _sitting(self, series_id: str, start: datetime) -> None:
        try:
            found = await self.ctx.db(existing_sitting, series_id=series_id, start=start)
            if found is None:
                sitting: Meeting = await self.ctx.write(
                    actions.create_sitting, person_id=self.ctx.person_id, series_id=series_id,
                    start=start, now=self.ctx.server_now(), kinds=("meeting",), origin=self)
                found = sitting.id
        except DomainError as error:
            self._refused(refusal_text(error), error.code, error.details)
            return
        finally:
            if alive(self):
                self._set_busy(False)
        self.acted.emit(series_id, "create_sitting")
        self.show_meeting(found)

    # --- prints and calendar files -----------------------------------------------------------

    def preview(self, first: str = "notice") -> MeetingPdfDialog | None:
        """Open the PDF preview of the shown meeting's prints, on the tab `first`."""
        if self.snapshot is None:
            return None
        dialog = MeetingPdfDialog(self.ctx, self.snapshot.meeting.id,
                                  printable(self.snapshot.meeting), first, self)
        self.dialog = dialog
        dialog.show()
        return dialog

    def export_ics(self, path: Path | None = None) -> None:
        """Save the shown meeting as an .ics file (asks where when no path is given)."""
        if self.snapshot is None:
            return
        if path is None:
            suggested = documents_folder() / safe_file_name(f"{self.snapshot.meeting.title}.ics")
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("导出日历"), str(suggested),
                                                    self.tr("日历文件 (*.ics)"))
            if not chosen:
                return
            path = Path(chosen)
        self.ctx.spawn(self._export(self.snapshot.meeting.id, path), what=self.tr("导出日历"))

    async def _export(self, meeting_id: str, path: Path) -> None:
        try:
            data = await self.ctx.db(meeting_ics, meeting_id=meeting_id,
                                     org=await self.ctx.organisation(), now=self.ctx.now())
            await self.ctx.worker.run(path.write_bytes, data)
        except (DomainError, OSError) as error:
            message = refusal_text(error) if isinstance(error, DomainError) else str(error)
            self.action_error.setText(tr("未能导出：") + message)
            self.action_error.show()
            return
        self.exported.emit(str(path))


def _replyable(meeting: Meeting, actor: Actor) -> list[Attendee]:
    return list(replyable_attendees(meeting, actor))


def _fill(table: QTableWidget, rows: Sequence[Sequence[str]]) -> None:
    table.setRowCount(len(rows))
    for row, values in enumerate(rows):
        for column, value in enumerate(values):
            table.setItem(row, column, QTableWidgetItem(value))
    table.resizeColumnsToContents()


def _set_html(browser: QTextBrowser, text: str, *, keep: bool) -> None:
    bar = browser.verticalScrollBar()
    position = bar.value() if bar is not None and keep else 0
    browser.setHtml(text)
    if bar is not None:
        bar.setValue(position)

