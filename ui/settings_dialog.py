"""设置: language, font size, 常用意见, the server and its CA, tray notices, 修改密码, and
通知方式 (短信 and 邮件, kept by the server: ui/notification_settings.py).

What applies at once does so (font size, phrases, notices); the language and the server
take effect at the next start or login, and the dialog says so. The password is changed on
the server only (it needs the link); the server then ends the person's other logins. 通知方式
are saved on their own button, offline too (sent when the link is back); 保存 keeps an edit
of them not yet saved the same way.
"""

from __future__ import annotations

from typing import Any

from sync.client.api import Offline
from ui.common.context import AppContext
from ui.common.fit import keep_on_screen
from ui.common.forms import ca_file_row
from ui.common.messages import refusal_text
from ui.common.operations import Operation
from ui.common.qt import (
    QApplication,
    QCheckBox,
    QComboBox,
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QShowEvent,
    QSpinBox,
    Qt,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from ui.notification_settings import NotificationTab

LANGUAGES = (("zh_CN", "中文"), ("en", "English"))
MIN_FONT, MAX_FONT = 9, 22


def tr(text: str) -> str:
    """Translate a text built outside a widget (lupdate files these under no context)."""
    return QCoreApplication.translate("", text)


def apply_font_size(size: int) -> None:
    """Set the whole client's font size now (points; 0 leaves the system's)."""
    app = QApplication.instance()
    if isinstance(app, QApplication) and size > 0:
        font = app.font()
        font.setPointSizeF(float(size))
        app.setFont(font)


class SettingsDialog(QDialog):
    """The person's settings, in five tabs; 保存 keeps them, 取消 leaves them as they were."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("设置"))
        self.tabs = QTabWidget()
        self.tabs.addTab(self._general(), self.tr("常规"))
        self.tabs.addTab(self._phrases(), self.tr("常用意见"))
        self.tabs.addTab(self._server(), self.tr("服务器"))
        self.tabs.addTab(self._password(), self.tr("修改密码"))
        self.notify_tab = NotificationTab(ctx)
        self.tabs.addTab(self.notify_tab, self.tr("通知方式"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if save is not None:
            save.setText(self.tr("保存"))
        if cancel is not None:
            cancel.setText(self.tr("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(580, 480)  # 通知方式 whole on a 1024×600 screen

    # --- the tabs ----------------------------------------------------------------------

    def _general(self) -> QWidget:
        settings = self.ctx.settings
        page = QWidget()
        form = QFormLayout(page)
        self.language = QComboBox()
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.get("language"))))
        form.addRow(self.tr("界面语言"), self.language)
        form.addRow("", _note(self.tr("更改语言在重新启动后生效")))
        self.font_size = QSpinBox()
        self.font_size.setRange(MIN_FONT, MAX_FONT)
        self.font_size.setSuffix(self.tr(" 磅"))
        current = settings.get("font_size") or round(QApplication.font().pointSizeF())
        self.font_size.setValue(max(MIN_FONT, min(MAX_FONT, int(current))))
        form.addRow(self.tr("字号"), self.font_size)
        self.notifications = QCheckBox(self.tr("新待办、催办和会议通知在系统托盘提醒"))
        self.notifications.setChecked(bool(settings.get("notifications")))
        form.addRow(self.tr("提醒"), self.notifications)
        return page

    def _phrases(self) -> QWidget:
        page = QWidget()
        self.phrase_list = QListWidget()
        for phrase in self.ctx.settings.get("phrases"):
            self._add_phrase_item(str(phrase))
        self.new_phrase = QLineEdit()
        self.new_phrase.setPlaceholderText(self.tr("输入一条常用意见，如“同意，请按程序办理。”"))
        self.new_phrase.returnPressed.connect(self.add_phrase)
        add = QPushButton(self.tr("添加"))
        add.clicked.connect(self.add_phrase)
        remove = QPushButton(self.tr("删除所选"))
        remove.clicked.connect(self.remove_phrase)
        up, down = QPushButton(self.tr("上移")), QPushButton(self.tr("下移"))
        up.clicked.connect(lambda: self._move_phrase(-1))
        down.clicked.connect(lambda: self._move_phrase(1))
        row = QHBoxLayout()
        row.addWidget(self.new_phrase, 1)
        row.addWidget(add)
        moves = QHBoxLayout()
        for button in (remove, up, down):
            moves.addWidget(button)
        moves.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(_note(self.tr("办理时点击即可填入意见框；双击一条可以修改")))
        layout.addWidget(self.phrase_list, 1)
        layout.addLayout(moves)
        layout.addLayout(row)
        return page

    def _server(self) -> QWidget:
        settings = self.ctx.settings
        page = QWidget()
        form = QFormLayout(page)
        self.server_url = QLineEdit(settings.get("server_url"))
        form.addRow(self.tr("服务器地址"), self.server_url)
        self.ca_bundle = QLineEdit(settings.get("ca_bundle"))
        form.addRow(self.tr("CA证书文件"), ca_file_row(self.ca_bundle, self._choose_ca))
        self.proxy = QLineEdit(settings.get("proxy"))
        self.proxy.setPlaceholderText(self.tr("留空则不用代理"))
        form.addRow(self.tr("HTTP代理"), self.proxy)
        form.addRow("", _note(self.tr("服务器设置在下次登录时生效")))
        return page

    def _password(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.current_password, self.new_password, self.confirm_password = (
            QLineEdit(), QLineEdit(), QLineEdit())
        for box in (self.current_password, self.new_password, self.confirm_password):
            box.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("当前密码"), self.current_password)
        form.addRow(self.tr("新密码"), self.new_password)
        form.addRow(self.tr("再次输入新密码"), self.confirm_password)
        self.change_button = QPushButton(self.tr("修改密码"))
        self.change_button.clicked.connect(self.change_password)
        form.addRow("", self.change_button)
        self.password_message = QLabel()
        self.password_message.setWordWrap(True)
        form.addRow("", self.password_message)
        rules = self.tr("新密码至少8个字符，不能与用户名相同；修改后其他电脑上的登录将失效")
        form.addRow("", _note(rules))
        return page

    # --- 常用意见 ----------------------------------------------------------------------

    def _add_phrase_item(self, text: str) -> None:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.phrase_list.addItem(item)

    def add_phrase(self) -> None:
        """Add the typed phrase at the end (not twice)."""
        text = self.new_phrase.text().strip()
        if text and text not in self.phrases():
            self._add_phrase_item(text)
        self.new_phrase.clear()

    def remove_phrase(self) -> None:
        """Remove the selected phrase."""
        row = self.phrase_list.currentRow()
        if row >= 0:
            self.phrase_list.takeItem(row)

    def _move_phrase(self, step: int) -> None:
        row = self.phrase_list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.phrase_list.count():
            return
        item = self.phrase_list.takeItem(row)
        self.phrase_list.insertItem(target, item)
        self.phrase_list.setCurrentRow(target)

    def phrases(self) -> list[str]:
        """Return the phrases as listed, blank ones and repeats left out."""
        found: list[str] = []
        for row in range(self.phrase_list.count()):
            item = self.phrase_list.item(row)
            text = item.text().strip() if item is not None else ""
            if text and text not in found:
                found.append(text)
        return found

    # --- saving --------------------------------------------------------------------------

    def _choose_ca(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择CA证书文件"), "",
                                              self.tr("证书 (*.pem *.crt *.cer)"))
        if path:
            self.ca_bundle.setText(path)

    def save(self) -> None:
        """Keep every setting shown; the font size applies at once."""
        settings = self.ctx.settings
        values: dict[str, Any] = {
            "language": self.language.currentData(), "font_size": self.font_size.value(),
            "notifications": self.notifications.isChecked(), "phrases": self.phrases(),
            "server_url": self.server_url.text().strip(),
            "ca_bundle": self.ca_bundle.text().strip(), "proxy": self.proxy.text().strip(),
        }
        for name, value in values.items():
            settings.set(name, value)
        apply_font_size(self.font_size.value())
        self.notify_tab.keep_unsaved()
        self.accept()

    # --- 修改密码 ------------------------------------------------------------------------

    def change_password(self) -> None:
        """Check the two new passwords agree, then ask the server."""
        current, new = self.current_password.text(), self.new_password.text()
        if not current or not new:
            self._password_said(self.tr("请输入当前密码和新密码"), error=True)
            return
        if new != self.confirm_password.text():
            self._password_said(self.tr("两次输入的新密码不一致"), error=True)
            return
        if self.ctx.engine is None:
            self._password_said(self.tr("未连接服务器，无法修改密码"), error=True)
            return
        api = self.ctx.engine.api
        self._password_said(self.tr("正在修改…"), error=False)
        (Operation(self, self.ctx, what=self.tr("修改密码"),
                   action=lambda _now: api.change_password(current, new))
         .busy(self.change_button)
         .refused(lambda refusal: self._password_said(refusal_text(refusal), error=True))
         .expect(Offline, lambda _error: self._password_said(
             tr("需要连接服务器才能修改密码，请联网后再试"), error=True))
         .success(lambda _answer: self._password_changed())
         .run())

    def _password_changed(self) -> None:
        for box in (self.current_password, self.new_password, self.confirm_password):
            box.clear()
        self._password_said(tr("密码已修改；您在其他电脑上的登录已失效"), error=False)

    def _password_said(self, text: str, *, error: bool) -> None:
        self.password_message.setText(text)
        self.password_message.setStyleSheet("color: #c0392b;" if error else "color: #1d7a3a;")

    def showEvent(self, event: QShowEvent) -> None:
        """Open no larger than the screen."""
        super().showEvent(event)
        keep_on_screen(self)


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: #666666;")
    return label
