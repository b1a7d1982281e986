"""First run and every login: server address (with the extranet's CA), username, password;
or 统一身份认证 in the system browser when the server offers OpenID Connect."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from sync.client.api import ApiError, Offline
from sync.client.oidc import SignInError
from sync.protocol import AuthMethods
from ui.common.forms import ca_file_row
from ui.common.messages import refusal_text
from ui.common.qt import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    Signal,
    alive,
)

LoginCall = Callable[[str, str, str, str, str], Awaitable[None]]
# (server, CA file, proxy): how the server lets people log in; a sign-in in the browser.
MethodsCall = Callable[[str, str, str], Awaitable[AuthMethods]]
SignInCall = Callable[[str, str, str], Awaitable[None]]


_BAD_CERTIFICATE = QT_TRANSLATE_NOOP(
    "LoginDialog",
    "无法验证服务器证书：请在“CA证书文件”中选择政务外网CA的证书（.pem/.crt），或联系管理员")
_OFFLINE = QT_TRANSLATE_NOOP(
    "LoginDialog", "无法连接服务器，请检查服务器地址和网络（政务外网）连接")


def explain(error: Exception) -> str:
    """Return what a failed login means for the person at the keyboard, in their language."""
    if isinstance(error, Offline) and error.certificate:
        return QCoreApplication.translate("LoginDialog", _BAD_CERTIFICATE)
    if isinstance(error, Offline):
        return QCoreApplication.translate("LoginDialog", _OFFLINE)
    if isinstance(error, ApiError | SignInError):
        return refusal_text(error)
    return str(error) or type(error).__name__


class LoginDialog(QDialog):
    """Asks for the server and the credentials; the password is never stored."""

    logged_in = Signal()

    def __init__(self, *, server_url: str, ca_bundle: str, proxy: str, username: str,
                 login: LoginCall, spawn: Callable[[Awaitable[None]], object],
                 remembers: bool = True, methods: MethodsCall | None = None,
                 sign_in: SignInCall | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._login = login
        self._spawn = spawn
        self._methods = methods
        self._sign_in = sign_in
        self._signing_in: object = None  # the running sign-in in the browser, to cancel
        self.setWindowTitle(self.tr("登录 协同办公"))
        self.setMinimumWidth(460)
        self.server = QLineEdit(server_url)
        self.ca_bundle = QLineEdit(ca_bundle)
        ca_row = ca_file_row(self.ca_bundle, self._choose_ca)
        self.proxy = QLineEdit(proxy)
        self.proxy.setPlaceholderText(self.tr("可选：http://代理地址:端口"))
        self.username = QLineEdit(username)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c00000")
        form = QFormLayout()
        form.addRow(self.tr("服务器地址"), self.server)
        form.addRow(self.tr("CA证书"), ca_row)
        form.addRow(self.tr("代理"), self.proxy)
        form.addRow(self.tr("用户名"), self.username)
        form.addRow(self.tr("密码"), self.password)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setText(self.tr("登录"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if cancel is not None:
            cancel.setText(self.tr("取消"))
        # Without a system keyring the login cannot be kept: say so, or people wonder why
        # every start asks for the password again.
        self.keyring_note = QLabel(self.tr(
            "本机没有可用的系统密钥环，登录状态无法保存，每次启动都需要输入密码。"
            "如需保持登录，请让管理员安装并启用 gnome-keyring 或 KWallet。"))
        self.keyring_note.setWordWrap(True)
        self.keyring_note.setStyleSheet("color: #666666")
        self.keyring_note.setVisible(not remembers)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self._cancel)
        # Shown once the server says it offers OpenID Connect (统一身份认证).
        self.oidc_button = QPushButton(self.tr("统一身份认证登录"))
        self.oidc_button.setVisible(False)
        self.oidc_button.clicked.connect(self._start_sign_in)
        for edit in (self.server, self.ca_bundle, self.proxy):
            edit.editingFinished.connect(self._probe)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("协同办公"))
        title.setStyleSheet("font-size: 22px; font-weight: bold; color: #b40000")
        layout.addWidget(title)
        layout.addWidget(QLabel(self.tr("公文流转 · 办会 · 督查督办")))
        layout.addLayout(form)
        layout.addWidget(self.keyring_note)
        layout.addWidget(self.message)
        layout.addWidget(self.oidc_button)
        layout.addWidget(self.buttons)
        (self.password if username else self.username).setFocus()
        self._probe()

    def _choose_ca(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择CA证书"), "",
                                              self.tr("证书 (*.pem *.crt *.cer);;所有文件 (*)"))
        if path:
            self.ca_bundle.setText(path)

    def _submit(self) -> None:
        missing = [label for label, edit in ((self.tr("服务器地址"), self.server),
                                            (self.tr("用户名"), self.username),
                                            (self.tr("密码"), self.password))
                   if not edit.text().strip()]
        if missing:
            self.message.setText(self.tr("请填写：") + "、".join(missing))
            return
        self._busy(True)
        self.message.setText(self.tr("正在登录…"))
        self._spawn(self._attempt())

    async def _attempt(self) -> None:
        try:
            await self._login(self.server.text().strip(), self.ca_bundle.text().strip(),
                              self.proxy.text().strip(), self.username.text().strip(),
                              self.password.text())
        except Exception as error:  # every failure is shown, the dialog stays
            self.message.setText(explain(error))
            self._busy(False)
            return
        self.password.clear()
        self.logged_in.emit()
        self.accept()

    def _probe(self) -> None:
        """Ask the server whether it offers 统一身份认证, to show or hide its button."""
        if self._methods is not None and self._sign_in is not None and self.server.text():
            self._spawn(self._show_methods(self._methods))

    async def _show_methods(self, methods: MethodsCall) -> None:
        try:
            offered = await methods(*self._connection())
        except Exception:  # an unreachable server says so when the person logs in
            offered = AuthMethods(password=True)
        if alive(self):
            self.oidc_button.setVisible(offered.oidc is not None)

    def _connection(self) -> tuple[str, str, str]:
        return (self.server.text().strip(), self.ca_bundle.text().strip(),
                self.proxy.text().strip())

    def _start_sign_in(self) -> None:
        if self._sign_in is None or not self.server.text().strip():
            self.message.setText(self.tr("请填写：") + self.tr("服务器地址"))
            return
        self._busy(True)
        self.buttons.setEnabled(True)  # its 取消 ends the sign-in in the browser
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(False)
        self.message.setText(self.tr("已在浏览器中打开统一身份认证页面，请在浏览器中完成登录…"))
        self._signing_in = self._spawn(self._attempt_sign_in(self._sign_in))

    async def _attempt_sign_in(self, sign_in: SignInCall) -> None:
        try:
            await sign_in(*self._connection())
        except Exception as error:  # every failure is shown, the dialog stays
            if alive(self):
                self.message.setText(explain(error))
                self._busy(False)
            return
        finally:
            self._signing_in = None
        self.logged_in.emit()
        self.accept()

    def _cancel(self) -> None:
        """取消: end a sign-in waiting for the browser, else close the dialog."""
        if self._end_sign_in():
            self.message.setText(self.tr("已取消统一身份认证登录"))
            self._busy(False)
            return
        self.reject()

    def reject(self) -> None:
        """Close the dialog (Esc, the window's ×); a sign-in still waiting ends with it."""
        self._end_sign_in()
        super().reject()

    def _end_sign_in(self) -> bool:
        task, self._signing_in = self._signing_in, None
        if isinstance(task, asyncio.Future) and not task.done():
            task.cancel()
            return True
        return False

    def _busy(self, busy: bool) -> None:
        self.buttons.setEnabled(not busy)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(not busy)
        self.oidc_button.setEnabled(not busy)
        for edit in (self.server, self.ca_bundle, self.proxy, self.username, self.password):
            edit.setEnabled(not busy)
