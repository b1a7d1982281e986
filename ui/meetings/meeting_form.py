"""The meeting form: create a draft (or edit one), with live conflict warnings while typing.

Every field is checked by `officeapp.meetings.fields` one at a time, so each problem shows
beside its field; times are checked as they change (an end before the start says so at
once). Conflicts come from `find_conflicts` over the bookings the local store holds for the
meeting's `booking_window`, with the rooms free at that time from `free_rooms_over`. Saving
creates the draft through `sync.client.actions.create_meeting`; 预订会议室 and 发送通知 then
act on it, offline as well as online.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from officeapp.core.verdict import Accepted, Verdict
from officeapp.errors import DomainError
from officeapp.meetings import (
    Booking,
    ConflictKind,
    Meeting,
    MeetingAction,
    MeetingActionKind,
    MeetingStatus,
    MeetingType,
    available_meeting_actions,
    booking_window,
    default_start,
    find_conflicts,
)
from officeapp.meetings.fields import FIELD_LABELS
from officeapp.meetings.ical import ImportKind, invitation_fields, left_aside_note, read_ics
from officeapp.org import Actor, Organisation, Room
from sync.client import actions
from ui.common.context import AppContext, ChangeKind
from ui.common.fit import open_size
from ui.common.forms import FieldBox, FieldMessages, general_error_label
from ui.common.latest_load import LatestLoad
from ui.common.messages import Refusal, refusal_text, refused_field
from ui.common.operations import Operation, on_store
from ui.common.pickers import (
    combo_id,
    person_combo,
    set_combo_id,
)
from ui.common.qt import (
    QComboBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSize,
    Qt,
    QTabWidget,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
    alive,
)
from ui.common.translate import tr
from ui.common.values import value_text
from ui.documents.action_dialogs import active_people
from ui.meetings.conflict_panel import ConflictPanel
from ui.meetings.form_values import (
    CLASH_WARNINGS,
    NEW_ID,
    conflict_lines,
    form_errors,
    free_rooms_for,
    meeting_fields,
    proposal,
)
from ui.meetings.form_widgets import AgendaEditor, AttendeeTree, PlaceField, TimeFields

T = TypeVar("T")
_LIVE_FIELDS = frozenset({"start", "end", "recurrence"})
_ROOMY = QSize(1180, 860)


# --- the form --------------------------------------------------------------------------------


class MeetingForm(FieldMessages, QDialog):
    """新建会议 / 修改会议: fields, live conflicts, then save, book and send the notice."""

    created = Signal(str)
    saved = Signal(str)
    notified = Signal(str)
    ready = Signal()
    checked = Signal()  # the live conflict check has shown its result

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 meeting: Meeting | None = None,
                 initial: Mapping[str, Any] | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.meeting = meeting
        self.org: Organisation | None = None
        self.actor: Actor | None = None
        self.rooms: dict[str, Room] = {}
        self.fields: dict[str, FieldBox] = {}
        self.conflicts: list[tuple[ConflictKind, str]] = []
        self.free: tuple[Room, ...] = ()
        self.warnings: list[str] = []
        self._initial: dict[str, Any] = {}
        self._pending_fill = dict(initial or {})
        self._ics_uid = str(self._pending_fill.pop("ics_uid", "") or "")
        self._checks = LatestLoad(self, ctx, what=self.tr("检查会议冲突"))
        self._busy = False
        self.setWindowTitle(self.tr("修改会议") if meeting else self.tr("新建会议"))
        self._fit_screen()
        self._make_widgets()
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.check_now)
        ctx.spawn(self._load(), what=self.tr("读取通讯录"))

    def _fit_screen(self) -> None:
        """Open roomy, but never larger than the screen: a 1024×600 one keeps its buttons."""
        open_size(self, _ROOMY)

    def _make_widgets(self) -> None:
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("如：全市安全生产工作会议"))
        self.meeting_type = QComboBox()
        for kind in MeetingType:
            self.meeting_type.addItem(value_text(kind.value), kind.value)
        self.times = TimeFields(self)
        self.start, self.end = self.times.start, self.times.end
        self.repeat, self.count = self.times.repeat, self.times.count
        self.place = PlaceField()
        self.room, self.location = self.place.room, self.place.location
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(self.tr("会议要求、着装、材料报送等"))
        self.notes.setMaximumHeight(56)
        self.check_in_code = QLineEdit()
        self.check_in_code.setPlaceholderText(self.tr("4至8位数字"))
        self.check_in_code.setMaxLength(8)
        self.conflict_panel = ConflictPanel()
        self.conflict_text = self.conflict_panel.text
        self.free_list = self.conflict_panel.free_list
        self.use_room_button = self.conflict_panel.use_button
        self.general_error = general_error_label()
        self.state = QLabel()
        self.state.setStyleSheet("color: #2e7d32;")
        self.import_button = QPushButton(self.tr("从日历文件导入…"))
        self.save_button = QPushButton(self.tr("保存草稿"))
        self.book_button = QPushButton(self.tr("预订会议室"))
        self.notice_button = QPushButton(self.tr("发送会议通知"))
        self.close_button = QPushButton(self.tr("关闭"))
        for button in (self.save_button, self.book_button, self.notice_button):
            button.setEnabled(False)

    async def _load(self) -> None:
        org = await self.ctx.organisation()
        actor = await self.ctx.actor()
        rooms: list[Room] = await self.ctx.db(lambda s: s.rooms())
        if not alive(self):
            return
        self.org, self.actor = org, actor
        self.rooms = {r.id: r for r in rooms}
        self._build(org, rooms)
        self._fill_defaults()
        if self.meeting is not None:
            self.fill(meeting_fields(self.meeting))
            self.check_in_code.setText(self.meeting.check_in_code or "")
        if self._pending_fill:
            self.fill(self._pending_fill)
        self._initial = self.values() if self.meeting is not None else {}
        self._connect()
        self.save_button.setEnabled(True)
        self._update_buttons()
        self.check_now()
        self.ready.emit()

    # --- building ----------------------------------------------------------------------------

    def _build(self, org: Organisation, rooms: Sequence[Room]) -> None:
        self.place.set_rooms(rooms)
        people = active_people(org, self.actor)
        self.host = person_combo(org, people, empty=self.tr("（不指定）"))
        self.recorder = person_combo(org, people, empty=self.tr("（不指定）"))
        self.attendees = AttendeeTree(org)
        self.sit_in = AttendeeTree(org)
        self.agenda = AgendaEditor(self.ctx, org)
        self.people_tabs = QTabWidget()
        self.people_tabs.addTab(self.attendees, self.tr("参会人员"))
        self.people_tabs.addTab(self.sit_in, self.tr("列席人员"))
        for index, tree in enumerate((self.attendees, self.sit_in)):
            label = (self.tr("参会人员（{0}）"), self.tr("列席人员（{0}）"))[index]
            tree.changed.connect(lambda i=index, t=tree, text=label: self.people_tabs.setTabText(
                i, text.format(len(t.selected()))))
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        self._place(grid)
        body = QWidget()
        body.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        row = QHBoxLayout()
        row.addWidget(scroll, 3)
        row.addWidget(self.conflict_panel, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.state, 1)
        for button in (self.save_button, self.book_button, self.notice_button,
                       self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(self.general_error)
        layout.addLayout(buttons)

    def _place(self, grid: QGridLayout) -> None:
        repeat = self.times.repeat_row()
        top = Qt.AlignmentFlag.AlignTop
        cells: list[tuple[str, QWidget, int, int, int, str | None]] = [
            ("title", self.title, 0, 0, 2, None),
            ("meeting_type", self.meeting_type, 1, 0, 1, None),
            ("recurrence", repeat, 1, 1, 1, self.tr("重复")),
            ("start", self.start, 2, 0, 1, None),
            ("end", self.end, 2, 1, 1, None),
            ("room_id", self.place, 3, 0, 2, self.tr("会议地点")),
            ("host_id", self.host, 4, 0, 1, None),
            ("recorder_id", self.recorder, 4, 1, 1, None),
            ("attendees", self.people_tabs, 5, 0, 2,
             self.tr("参会人员（可选整个单位，由单位回执参会人）")),
            ("agenda", self.agenda, 6, 0, 2, self.tr("议题（可附材料）")),
            ("notes", self.notes, 7, 0, 1, None),
            ("check_in_code", self.check_in_code, 7, 1, 1,
             self.tr("签到码（发通知时生效，可不填）")),
        ]
        for name, editor, row, column, span, label in cells:
            box = FieldBox(label or tr(FIELD_LABELS[name]), editor)
            self.fields[name] = box
            grows = name in ("attendees", "agenda")
            grid.addWidget(box, row, column, 1, span, Qt.AlignmentFlag(0) if grows else top)
        self.fields["location"] = self.fields["room_id"]
        self.fields["sit_in"] = self.fields["attendees"]
        grid.setRowStretch(5, 0)
        grid.setRowStretch(6, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

    def _connect(self) -> None:
        for signal in (self.title.textChanged, self.place.changed,
                       self.start.dateTimeChanged, self.end.dateTimeChanged,
                       self.repeat.currentIndexChanged, self.count.valueChanged,
                       self.host.currentIndexChanged, self.recorder.currentIndexChanged,
                       self.attendees.changed, self.sit_in.changed, self.agenda.changed):
            signal.connect(self._edited)
        self.conflict_panel.chosen.connect(self.use_room)
        self.import_button.clicked.connect(self.choose_ics)
        self.save_button.clicked.connect(self.save)
        self.book_button.clicked.connect(self.book)
        self.notice_button.clicked.connect(self.send_notice)
        self.close_button.clicked.connect(self.reject)

    def _fill_defaults(self) -> None:
        self.times.set_default(default_start(self.ctx.now()))

    # --- values ------------------------------------------------------------------------------

    def fill(self, values: Mapping[str, Any]) -> None:
        """Show field values (from a meeting, an .ics invitation or a clicked free slot)."""
        if "title" in values:
            self.title.setText(str(values["title"] or ""))
        if values.get("meeting_type"):
            index = self.meeting_type.findData(str(values["meeting_type"]))
            self.meeting_type.setCurrentIndex(max(index, 0))
        self.times.fill(values)
        if "room_id" in values or "location" in values:
            self.place.fill(values.get("room_id"), str(values.get("location") or ""))
        for name, combo in (("host_id", self.host), ("recorder_id", self.recorder)):
            if name in values:
                set_combo_id(combo, values[name])
        if "attendees" in values:
            self.attendees.set_selected(values["attendees"] or ())
        if "sit_in" in values:
            self.sit_in.set_selected(values["sit_in"] or ())
        if "agenda" in values:
            self.agenda.set_items(values["agenda"] or ())
        if "notes" in values:
            self.notes.setPlainText(str(values["notes"] or ""))
        if "recurrence" in values:
            self.times.fill_repeat(values["recurrence"])
        if values.get("ics_uid"):
            self._ics_uid = str(values["ics_uid"])

    def values(self) -> dict[str, Any]:
        """Return what the form holds, in the JSON form `create_meeting` parses."""
        values: dict[str, Any] = {
            "title": self.title.text(),
            "meeting_type": self.meeting_type.currentData(),
            "start": self.times.start_time().isoformat(),
            "end": self.times.end_time().isoformat(),
            **self.place.values(),
            "host_id": combo_id(self.host) if self.org else None,
            "recorder_id": combo_id(self.recorder) if self.org else None,
            "attendees": self.attendees.selected() if self.org else [],
            "sit_in": self.sit_in.selected() if self.org else [],
            "agenda": self.agenda.values() if self.org else [],
            "notes": self.notes.toPlainText(),
            "recurrence": self.times.recurrence(),
        }
        if self._ics_uid:
            values["ics_uid"] = self._ics_uid
        return values

    # --- live checks -------------------------------------------------------------------------

    def _edited(self, *_args: object) -> None:
        self.times.edited()
        self._check_fields(live=True)
        self._update_buttons()
        self._debounce.start()

    def _check_fields(self, *, live: bool) -> dict[str, str]:
        errors = form_errors(self.values(), base=self.meeting, actor=self.actor,
                             now=self.ctx.now())
        for name, box in self.fields.items():
            if box is self.fields.get("location") and name != "room_id":
                continue
            if box is self.fields.get("sit_in") and name != "attendees":
                continue
            message = errors.get(name, "")
            if name == "room_id":
                message = errors.get("room_id") or errors.get("location", "")
            if name == "attendees":
                message = errors.get("attendees") or errors.get("sit_in", "")
            if live and name not in _LIVE_FIELDS and not self.error_text(name):
                continue  # a blank title is not worth a shout while the person is typing
            box.set_error(message)
        return errors

    def validate(self) -> bool:
        """Show every field's problem beside it; return whether there is none."""
        errors = self._check_fields(live=False)
        known = set(self.fields)
        elsewhere = [m for n, m in errors.items() if n not in known]
        self.show_general(elsewhere[0] if elsewhere else "")
        if errors:
            self.state.clear()  # what was done before is not the outcome of this attempt
        return not errors

    def show_refusal(self, name: str, message: str) -> None:
        """Show one refusal beside its field, or in the general line; no success beside it."""
        self.state.clear()
        super().show_refusal(name, message)

    def _succeeded(self, text: str) -> None:
        """Say what went through, with no refusal of an earlier attempt left beside it."""
        self.show_general("")
        self.state.setText(text)
        self._update_buttons()  # the meeting saved may now be booked or notified

    def check_now(self) -> None:
        """Check conflicts of what the form holds now (also runs shortly after each edit)."""
        self._debounce.stop()
        if self.actor is None or self.org is None:
            return
        # Only what decides clashes counts here: a blank title must not hide them.
        values = {k: v for k, v in self.values().items() if k not in ("agenda", "notes")}
        values["title"] = values["title"].strip() or NEW_ID
        try:
            meeting = proposal(values, base=self.meeting, actor=self.actor, now=self.ctx.now())
        except DomainError:
            self._checks.cancel()
            self._show_conflicts(None, [], ())
            return
        start, end = booking_window(meeting)
        self._checks.start(lambda: self._bookings(start, end),
                           lambda bookings: self._checked(meeting, bookings))

    async def _bookings(self, start: datetime, end: datetime) -> list[Booking]:
        bookings: list[Booking] = await self.ctx.db(
            lambda s: list(s.meetings.bookings(start, end)))
        return bookings

    def _checked(self, meeting: Meeting, bookings: list[Booking]) -> None:
        assert self.org is not None
        lines = conflict_lines(find_conflicts(meeting, bookings), org=self.org, rooms=self.rooms)
        self._show_conflicts(meeting, lines, free_rooms_for(meeting, self.rooms.values(),
                                                            bookings))

    def _show_conflicts(self, meeting: Meeting | None, lines: list[tuple[ConflictKind, str]],
                        free: tuple[Room, ...]) -> None:
        self.conflicts, self.free = lines, free
        self.conflict_panel.show_conflicts(meeting, lines, free, warnings=self.warnings)
        self.checked.emit()

    def use_room(self, room_id: str) -> None:
        """Choose a room (for example one offered after a refused booking)."""
        self.place.fill(room_id, "")

    # --- writing -----------------------------------------------------------------------------

    def dirty(self) -> bool:
        """Return whether the form holds changes not yet saved."""
        return self.meeting is None or self.values() != self._initial

    def available(self) -> list[MeetingActionKind]:
        """Return what the person may do with the saved meeting now."""
        if self.meeting is None or self.actor is None:
            return []
        return available_meeting_actions(self.meeting, self.actor, self.ctx.now())

    def _update_buttons(self) -> None:
        allowed = self.available()
        busy = self._busy
        can_edit = self.meeting is None or MeetingActionKind.EDIT in allowed
        self.save_button.setEnabled(not busy and self.org is not None and can_edit)
        can_book = self.meeting is None or MeetingActionKind.BOOK in allowed
        self.book_button.setEnabled(not busy and can_book and self.place.in_room.isChecked()
                                    and self.room.currentData() is not None)
        can_notify = self.meeting is not None and MeetingActionKind.SEND_NOTICE in allowed
        self.notice_button.setEnabled(not busy and can_notify)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_buttons()

    def save(self) -> None:
        """Check the form and save the draft (create it, or edit it)."""
        if self.validate():
            self._save()

    def book(self) -> None:
        """Save if needed, then book the chosen room."""
        if self.validate():
            self._after_saving(self._booking)

    def send_notice(self) -> None:
        """Send the meeting notice (the draft must be saved and its place confirmed)."""
        self._after_saving(self._sending)

    def _after_saving(self, step: Callable[[bool], Operation[Any]]) -> None:
        """Run `step`, saving the form first when it holds changes: a refused save stops
        there; a step refused after a save leaves the draft saved and says which step failed
        (`step(True)`)."""
        if self.dirty():
            self._save(then=lambda: step(True).run())
        else:
            step(False).run()

    def _step(self, what: str, action: Callable[[datetime], Awaitable[T]]) -> Operation[T]:
        """One write of the form: the form busy meanwhile, the meetings changed after."""
        return (Operation(self, self.ctx, what=what, action=action)
                .busy(flag=self._set_busy)
                .changes(ChangeKind.MEETING))

    def _acting(self, action: MeetingAction) -> Callable[[datetime], Awaitable[Verdict[Meeting]]]:
        assert self.meeting is not None
        return on_store(self.ctx, actions.act_meeting, person_id=self.ctx.person_id,
                        meeting_id=self.meeting.id, action=action)

    # --- saving ------------------------------------------------------------------------------

    def _save(self, then: Callable[[], object] | None = None) -> None:
        """Create the draft or write the changes; `then` follows a save that went through."""
        values, what = self.values(), self.tr("保存会议")
        if self.meeting is None:
            (self._step(what, on_store(self.ctx, actions.create_meeting,
                                       person_id=self.ctx.person_id, fields=values))
             .refused(self._refused)
             .success(lambda meeting: self._created(meeting, values, then))
             .run())
            return
        changes = {k: v for k, v in values.items() if v != self._initial.get(k)}
        if not changes:
            self._changed(None, values, then)
            return
        notified = self.meeting.status is MeetingStatus.NOTIFIED
        (self._step(what, self._acting(MeetingAction(MeetingActionKind.EDIT, changes=changes)))
         .refused(self._refused)
         .success(lambda accepted: self._changed(accepted, values, then, notified=notified))
         .run())

    def _created(self, meeting: Meeting, values: dict[str, Any],
                 then: Callable[[], object] | None) -> None:
        self.meeting = meeting
        self.setWindowTitle(tr("修改会议"))
        self.created.emit(meeting.id)
        self._saved(values, tr("草稿已保存，可预订会议室并发送通知"), then)

    def _changed(self, accepted: Verdict[Meeting] | None, values: dict[str, Any],
                then: Callable[[], object] | None, *, notified: bool = False) -> None:
        done = tr("草稿已保存，可预订会议室并发送通知")
        if isinstance(accepted, Accepted):  # None: nothing changed, nothing written
            self._took(accepted)
            if notified and accepted.effects:
                # 会议变更: the rules sent a change notice (and voided replies if the
                # time moved); a moved meeting must book its room again.
                done = tr("变更已保存，已向参会人员发出会议变更通知")
                if accepted.record.booking is None and accepted.record.room_id:
                    done += tr("；时间或会议室已变，请重新预订会议室")
        assert self.meeting is not None
        self.saved.emit(self.meeting.id)
        self._saved(values, done, then)

    def _saved(self, values: dict[str, Any], done: str,
               then: Callable[[], object] | None) -> None:
        self._initial = values
        self._succeeded(done)
        if then is not None:
            then()

    def _took(self, accepted: Accepted[Meeting]) -> None:
        """Keep the meeting as the rules left it, and the warnings worth showing."""
        self.meeting = accepted.record
        self.warnings = [refusal_text(w) for w in accepted.warnings
                         if w.code not in CLASH_WARNINGS]

    def _refused(self, refusal: Refusal, failed: str = "") -> None:
        """Show a refusal beside its field; `failed` names the step refused after a save
        that went through in the same click (the line saying so stays)."""
        saved = self.state.text()
        message = refusal_text(refusal)
        self.show_refusal(refused_field(refusal), message)
        if failed:
            self.show_general(failed.format(message))
            self.state.setText(saved)
        if refusal.code == "meeting.room_taken":
            details: Mapping[str, Any] = getattr(refusal, "details", None) or {}
            self._offer_rooms(details.get("free_rooms") or [])

    def _offer_rooms(self, offered: Sequence[Mapping[str, Any]]) -> None:
        rooms = (self.rooms.get(str(data.get("id"))) for data in offered)
        self.conflict_panel.offer([room for room in rooms if room is not None])

    # --- booking and the notice --------------------------------------------------------------

    def _booking(self, saved: bool) -> Operation[Verdict[Meeting]]:
        room_id = self.room.currentData()
        failed = tr("未能预订：{0}") if saved else ""
        return (self._step(self.tr("预订会议室"), self._acting(
                    MeetingAction(MeetingActionKind.BOOK, room_id=room_id)))
                .refused(lambda refusal: self._refused(refusal, failed))
                .success(self._booked))

    def _booked(self, accepted: Verdict[Meeting]) -> None:
        assert isinstance(accepted, Accepted)  # the operation sends a refusal to `_refused`
        self._took(accepted)
        booking = accepted.record.booking
        pending = booking is not None and booking.state.value == "pending"
        self._initial = self.values()
        self._succeeded(tr("已提交预订，等待会议室审批") if pending else tr("会议室已预订"))
        self.check_now()

    def _sending(self, saved: bool) -> Operation[Verdict[Meeting]]:
        action = MeetingAction(MeetingActionKind.SEND_NOTICE,
                               check_in_code=self.check_in_code.text().strip())
        failed = tr("未能发送通知：{0}") if saved else ""
        return (self._step(self.tr("发送会议通知"), self._acting(action))
                .refused(lambda refusal: self._refused(refusal, failed))
                .success(self._sent))

    def _sent(self, accepted: Verdict[Meeting]) -> None:
        assert isinstance(accepted, Accepted)  # the operation sends a refusal to `_refused`
        self._took(accepted)
        self.notified.emit(accepted.record.id)
        self.accept()

    # --- .ics --------------------------------------------------------------------------------

    def choose_ics(self) -> None:
        """Ask for an .ics invitation and fill the form from it."""
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("导入日历文件"), "",
                                                    self.tr("日历文件 (*.ics)"))
        if path:
            self.import_ics(Path(path))

    def import_ics(self, path: Path) -> bool:
        """Fill the form from an .ics invitation; say why when it cannot be read.

        A file that cancels a meeting, or changes one occurrence of a series, fills nothing:
        the 会议 page's import carries those out against the meetings held here.
        """
        try:
            ics = read_ics(path.read_bytes())
        except OSError as error:
            self.show_refusal("", self.tr("无法读取文件：{0}").format(error.strerror or error))
            return False
        except DomainError as error:
            self.show_refusal("", refusal_text(error))
            return False
        if ics.kind is not ImportKind.CREATE:
            self.show_refusal("", self.tr(
                "该日历文件是取消会议或单独修改某一次会议的通知，不能用来填写"
                "会议；请在“会议”页点“导入日历文件…”办理"))
            return False
        self.fill(invitation_fields(ics.invitation, rooms=self.rooms.values()))
        self.show_general(left_aside_note(ics))
        self.state.setText(self.tr("已从日历文件导入，请核对后保存"))
        return True
