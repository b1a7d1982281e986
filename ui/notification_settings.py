"""通知方式, a tab of 设置: the mobile number and e-mail address, which events reach the person
by 短信 or 邮件 away from the client, and the daily digest.

The server keeps the choice and checks it. The tab shows the choice the client last knew at
once (the local store keeps it), asks the server for the current one, and saves on its own
button. Offline, an edit is kept here and sent when the link is back, and the tab says so; a
refusal that comes later reaches the person in the main window's message bar and here, next
to the field it concerns, with their edit kept (sync/client/notification_prefs.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sync.client.api import ApiError, Offline
from sync.client.engine import SyncStatus
from sync.client.notification_prefs import PrefsRefusal, PrefsState, Saved
from sync.protocol import (
    NOTIFICATION_EVENTS,
    NotificationChannel,
    NotificationEvent,
    NotificationPrefsUpdate,
)
from ui.common.context import AppContext
from ui.common.fit import scrolling
from ui.common.messages import refusal_text
from ui.common.qt import (
    QCheckBox,
    QCoreApplication,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    alive,
)

CHANNELS: tuple[NotificationChannel, ...] = ("sms", "email")
# Where a refusal is shown: next to the field it names (details.field, or the address a
# channel needs: 请先填写手机号码 goes under the number); any other under the events.
FIELD_OF_CODE = {"notify.invalid_phone": "phone", "notify.invalid_email": "email"}
ADDRESS_OF_CHANNEL = {"sms": "phone", "email": "email"}
ERROR_STYLE, DONE_STYLE, NOTE_STYLE = "color: #c0392b;", "color: #1d7a3a;", "color: #666666;"


def tr(text: str) -> str:
    """Translate a text built outside a widget (lupdate files these under no context)."""
    return QCoreApplication.translate("", text)


def loading_text() -> str:
    """Return what the tab says while it asks the server."""
    return tr("正在从服务器读取…")


class NotificationTab(QWidget):
    """The 通知方式 tab: loads in the background, saves on 保存通知方式, works offline."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.keeper = ctx.notification_prefs
        self.available: frozenset[str] | None = None  # None: not known yet (never online)
        self._filled = NotificationPrefsUpdate()  # what the form was last filled with
        self._saving = False
        self._waiting = False  # an edit shown waits for the link
        self._fetching = self._fetched = False  # the server's choice asked for, received
        self._build()
        self._filled = self.update_from_form()
        ctx.notification_prefs_changed.connect(self._state_changed)
        ctx.status_changed.connect(self._status_changed)
        self.load()

    # --- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.phone, self.email = QLineEdit(), QLineEdit()
        self.phone.setPlaceholderText(self.tr("如 13912345678"))
        self.email.setPlaceholderText(self.tr("如 zhangsan@example.gov.cn"))
        self.phone_error, self.email_error, self.events_error = (
            _label(ERROR_STYLE), _label(ERROR_STYLE), _label(ERROR_STYLE))
        self.digest = QCheckBox()  # a row of the grid, in the 邮件 column only
        self.digest_note = _label(NOTE_STYLE)
        self.digest_note.setText(self.tr("每日摘要：每天早上把您的待办和临期事项汇总成一封邮件"))
        self.unavailable = _label(NOTE_STYLE)
        self.state_label = _label(NOTE_STYLE)
        self.save_button = QPushButton(self.tr("保存通知方式"))
        self.save_button.clicked.connect(self.save)
        # A refusal shows under its field; hidden, it takes no room.
        form = QFormLayout()
        form.addRow(self.tr("手机号码"), _column(self.phone, self.phone_error))
        form.addRow(self.tr("电子邮箱"), _column(self.email, self.email_error))
        form.addRow(self.tr("通知事项"), _column(self._grid(), self.events_error,
                                               self.digest_note, self.unavailable))
        content = QWidget()
        content.setLayout(form)
        bottom = QHBoxLayout()
        bottom.addWidget(self.state_label, 1)
        bottom.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignTop)
        area = scrolling(content)
        # The tab page's own background shows through (a scroll area paints the window's).
        area.viewport().setAutoFillBackground(False)
        content.setAutoFillBackground(False)
        layout = QVBoxLayout(self)
        layout.addWidget(area, 1)
        layout.addLayout(bottom)
        for field in (self.phone_error, self.email_error, self.events_error):
            field.hide()

    def _grid(self) -> QGridLayout:
        events: dict[NotificationEvent, str] = {
            "urgent_document": self.tr("特急公文"), "urging": self.tr("收到催办"),
            "meeting": self.tr("会议通知和变更"), "supervision_due": self.tr("督办事项临期和逾期")}
        channels: dict[NotificationChannel, str] = {"sms": self.tr("短信"),
                                                    "email": self.tr("邮件")}
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[tuple[NotificationEvent, NotificationChannel], QCheckBox] = {}
        for column, channel in enumerate(CHANNELS, start=1):
            header = QLabel(channels[channel])
            header.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(header, 0, column)
        for row, event in enumerate(NOTIFICATION_EVENTS, start=1):
            grid.addWidget(_wrapped(events[event]), row, 0)
            for column, channel in enumerate(CHANNELS, start=1):
                box = QCheckBox()
                box.setAccessibleName(f"{events[event]} · {channels[channel]}")
                self.boxes[(event, channel)] = box
                grid.addWidget(box, row, column, Qt.AlignmentFlag.AlignCenter)
        digest_row = len(NOTIFICATION_EVENTS) + 1
        digest = self.tr("每日摘要")
        grid.addWidget(_wrapped(digest), digest_row, 0)
        self.digest.setAccessibleName(f"{digest} · {channels['email']}")
        grid.addWidget(self.digest, digest_row, 1 + CHANNELS.index("email"),
                       Qt.AlignmentFlag.AlignCenter)
        grid.setColumnStretch(0, 1)
        for column in range(1, len(CHANNELS) + 1):
            grid.setColumnMinimumWidth(column, 4 * self.fontMetrics().horizontalAdvance("文"))
        return grid

    # --- the form ------------------------------------------------------------------------------

    def update_from_form(self) -> NotificationPrefsUpdate:
        """Return the choice the form shows (channels the server cannot send on left out)."""
        events: dict[NotificationEvent, list[NotificationChannel]] = {}
        for event in NOTIFICATION_EVENTS:
            chosen = [c for c in CHANNELS
                      if self.boxes[(event, c)].isChecked() and self._can_send(c)]
            if chosen:
                events[event] = chosen
        return NotificationPrefsUpdate(
            email=self.email.text().strip(), phone=self.phone.text().strip(), events=events,
            digest=self.digest.isChecked() and self._can_send("email"))

    def edited(self) -> bool:
        """Return whether the person changed the form since it was last filled."""
        return self.update_from_form() != self._filled

    def _fill(self, state: PrefsState) -> None:
        if state.known is not None:
            self.available = frozenset(state.known.available)
        shown = state.shown()
        self.phone.setText(shown.phone)
        self.email.setText(shown.email)
        for (event, channel), box in self.boxes.items():
            box.setChecked(channel in shown.events.get(event, []))
        self.digest.setChecked(shown.digest)
        self._show_available()
        self._filled = self.update_from_form()
        self._waiting = state.pending is not None
        self._clear_errors()
        if state.refused is not None:
            self._show_refusal(state.refused)
            self._say(tr("服务器未接受您离线时所做的修改，请更正后重新保存"), ERROR_STYLE)
        elif state.pending is not None:
            self._say(tr("您的修改尚未保存到服务器，将在联网后保存"), NOTE_STYLE)

    def _can_send(self, channel: NotificationChannel) -> bool:
        return self.available is None or channel in self.available

    def _show_available(self) -> None:
        notes = []
        if not self._can_send("sms"):
            notes.append(tr("本服务器未开通短信服务，暂不能选择短信。"))
        if not self._can_send("email"):
            notes.append(tr("本服务器未开通邮件服务，暂不能选择邮件和每日摘要。"))
        for (_event, channel), box in self.boxes.items():
            box.setEnabled(self._can_send(channel) and not self._saving)
            if not self._can_send(channel):
                box.setChecked(False)
        self.digest.setEnabled(self._can_send("email") and not self._saving)
        if not self._can_send("email"):
            self.digest.setChecked(False)
        note = "\n".join(notes)
        for box in (*self.boxes.values(), self.digest):
            box.setToolTip("" if box.isEnabled() else note)
        self.unavailable.setText(note)
        self.unavailable.setVisible(bool(note))

    # --- loading -------------------------------------------------------------------------------

    def load(self) -> None:
        """Show the choice kept here at once, then the server's (in the background)."""
        self.ctx.spawn(self._load(), what=tr("读取通知方式"))

    def _online(self) -> bool:
        """Whether the last sync round reached the server (offline, nothing is asked: a
        dead link would keep the tab busy until it timed out)."""
        return self.ctx.engine is not None and self.ctx.engine.status.online

    async def _load(self) -> None:
        state = await self.keeper.state()
        if not alive(self):
            return
        self._fill(state)
        if self._online():
            await self._fetch(state)
        else:
            self._say(self._offline_note(state), NOTE_STYLE)

    async def _fetch(self, state: PrefsState) -> None:
        assert self.ctx.engine is not None
        self._fetching = True
        if state.pending is None and state.refused is None:
            self._say(loading_text(), NOTE_STYLE)
        try:
            state = await self.keeper.fetch(self.ctx.engine.api)
        except Offline:
            if alive(self):
                self._say(self._offline_note(state), NOTE_STYLE)
            return
        except ApiError as error:
            if alive(self):
                self._refused_on_load(error)
            return
        finally:
            self._fetching = False
        self._fetched = True
        if alive(self) and not self._saving:
            self._loaded(state)

    def _status_changed(self, status: SyncStatus) -> None:
        """The link is back while the tab is open: ask the server now."""
        if (alive(self) and status.online and not status.syncing and not self._fetched
                and not self._fetching):
            self._fetching = True  # before the task runs: one fetch at a time
            self.ctx.spawn(self._refetch(), what=tr("读取通知方式"))

    async def _refetch(self) -> None:
        await self._fetch(await self.keeper.state())

    def _loaded(self, state: PrefsState) -> None:
        if self.edited():  # the person typed meanwhile: keep their text, learn what can go
            self.available = frozenset(state.known.available) if state.known else None
            self._show_available()
        else:
            self._fill(state)
        if self.state_label.text() == loading_text():  # nothing newer was said meanwhile
            self._say("", NOTE_STYLE)

    def _offline_note(self, state: PrefsState) -> str:
        if state.pending is not None:
            return tr("您的修改尚未保存到服务器，将在联网后保存")
        if state.refused is not None:
            return tr("服务器未接受您离线时所做的修改，请更正后重新保存")
        if state.known is None:
            return tr("离线：尚未从服务器取得您的通知方式；修改将在联网后保存")
        return tr("离线：显示的是上次从服务器取得的设置；修改将在联网后保存")

    def _refused_on_load(self, error: ApiError) -> None:
        if error.status == 404:
            self._say(tr("服务器暂不支持通知方式设置，请联系管理员升级服务器"), ERROR_STYLE)
        else:
            self._say(refusal_text(error), ERROR_STYLE)

    def _state_changed(self, state: PrefsState) -> None:
        """A background send ended (saved, or refused): show it unless the person is editing."""
        if alive(self) and not self._saving and not self.edited():
            waited = self._waiting
            self._fill(state)
            if waited and state.pending is None and state.refused is None:
                self._say(tr("通知方式已保存"), DONE_STYLE)

    # --- saving --------------------------------------------------------------------------------

    def save(self) -> None:
        """Keep the choice shown and send it to the server (or when the link is back)."""
        update = self.update_from_form()
        self._clear_errors()
        self._set_saving(True)
        self._say(tr("正在保存…"), NOTE_STYLE)
        self.ctx.spawn(self._save(update), what=tr("保存通知方式"))

    async def _save(self, update: NotificationPrefsUpdate) -> None:
        # Offline the edit is only kept: the context sends it once a sync round works.
        api = self.ctx.engine.api if self.ctx.engine is not None and self._online() else None
        try:
            saved = await self.keeper.save(api, update)
        except ApiError as error:
            if alive(self):
                self._set_saving(False)
                self._show_refusal(error)
                self._say(tr("未保存，请更正后重试"), ERROR_STYLE)
            return
        except BaseException:
            if alive(self):
                self._set_saving(False)
                self._say(tr("未能保存通知方式"), ERROR_STYLE)
            raise
        if alive(self):
            self._set_saving(False)
            self._saved(saved)

    def _saved(self, saved: Saved) -> None:
        self._waiting = saved != "saved"
        if saved == "saved":
            self._filled = self.update_from_form()
            self._say(tr("通知方式已保存"), DONE_STYLE)
        elif saved == "pending":
            self._filled = self.update_from_form()
            self._say(tr("已保存在本机，将在联网后保存到服务器"), NOTE_STYLE)
        else:
            self._say(tr("服务器暂不支持通知方式设置；您的选择已保存在本机，服务器升级后自动保存"),
                      NOTE_STYLE)

    def keep_unsaved(self) -> None:
        """Keep an edit not yet saved with its button (the dialog's 保存 was pressed): it is
        sent in the background, and a refusal reaches the person in the message bar."""
        if self.edited() and not self._saving:
            self.ctx.spawn(_keep(self.ctx, self.update_from_form()), what=tr("保存通知方式"))

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self.save_button.setEnabled(not saving)
        for field in (self.phone, self.email):
            field.setReadOnly(saving)
        self._show_available()

    # --- saying --------------------------------------------------------------------------------

    def _show_refusal(self, refusal: ApiError | PrefsRefusal) -> None:
        details: Mapping[str, Any] = refusal.details or {}
        where = FIELD_OF_CODE.get(refusal.code) or details.get("field")
        if refusal.code == "notify.address_missing":
            where = ADDRESS_OF_CHANNEL.get(str(details.get("channel")), where)
        label = {"phone": self.phone_error, "email": self.email_error}.get(
            str(where), self.events_error)
        label.setText(refusal_text(refusal))
        label.show()
        box = {"phone": self.phone, "email": self.email}.get(str(where))
        if box is not None:
            box.setFocus()

    def _clear_errors(self) -> None:
        for label in (self.phone_error, self.email_error, self.events_error):
            label.clear()
            label.hide()

    def _say(self, text: str, style: str) -> None:
        self.state_label.setText(text)
        self.state_label.setStyleSheet(style)


async def _keep(ctx: AppContext, update: NotificationPrefsUpdate) -> None:
    """Keep an edit as pending and send it if the server answers (the dialog may be gone)."""
    await ctx.notification_prefs.keep(update)
    ctx.send_notification_prefs()


def _column(*parts: QWidget | QGridLayout) -> QVBoxLayout:
    column = QVBoxLayout()
    column.setSpacing(4)
    for part in parts:
        if isinstance(part, QGridLayout):
            column.addLayout(part)
        else:
            column.addWidget(part)
    return column


def _wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def _label(style: str) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(style)
    return label
