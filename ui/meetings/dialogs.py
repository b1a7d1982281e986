"""The meeting pane's dialogs: the arguments of its actions, the sitting of a series, and the
preview of its prints."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path

from officeapp.meetings import (
    Attendee,
    AttendeeKind,
    Decision,
    Meeting,
    MeetingAction,
    MeetingActionKind,
    ReplyKind,
    decision_item_id,
)
from officeapp.org import Actor, Organisation, Person, Room
from officeapp.workflow.codec import assignee_resolver
from ui.common.context import AppContext
from ui.common.pdf_preview import PdfPreviewDialog, _PdfPage
from ui.common.pickers import combo_id, person_combo, set_combo_id
from ui.common.qt import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QStandardPaths,
    QWidget,
    alive,
)
from ui.common.translate import tr
from ui.common.values import qualified
from ui.documents.action_dialogs import ArgumentDialog, PersonPicker, active_people
from ui.meetings.occurrences import spans_of, when_text
from ui.meetings.snapshot import render_meeting_pdfs
from ui.meetings.texts import PRINTS, attendee_name, room_label, unit_name

K = MeetingActionKind


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
        now = self.ctx.now()
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
