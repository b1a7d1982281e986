"""The login dialog offers 统一身份认证 only when the server does, says in Chinese why a sign-in
in the browser failed, and its 取消 ends a sign-in that waits for the browser."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
import qasync

from sync.client.oidc import SignInError
from sync.protocol import AuthMethods, OidcMethod
from tests.support.oidc import CLIENT_ID, Browser, Provider, oidc_provider
from tests.ui.conftest import DemoServer, MemoryKeyring, run, until
from ui import app as client_app
from ui.common.qt import QApplication, QDialogButtonBox
from ui.common.settings import Settings
from ui.login import LoginDialog

__all__ = ["oidc_provider"]  # the fixture, imported to be found

PROVIDER = OidcMethod(issuer="https://sso.example.gov.cn", client_id="officeapp-desktop",
                      scopes=["openid", "profile"])


async def _never(*_args: str) -> None:
    raise AssertionError("not called")


class Spawner:
    """The dialog's `spawn`: runs coroutines on the loop and keeps them for the test."""

    def __init__(self, loop: qasync.QEventLoop) -> None:
        self.loop = loop
        self.tasks: list[asyncio.Task[None]] = []

    def __call__(self, coroutine: Awaitable[None]) -> asyncio.Task[None]:
        task: asyncio.Task[None] = asyncio.ensure_future(coroutine, loop=self.loop)
        self.tasks.append(task)
        return task

    def settle(self) -> None:
        run(self.loop, asyncio.gather(*self.tasks, return_exceptions=True))


def _dialog(qtbot: Any, spawn: Spawner, *, offered: OidcMethod | None,
            sign_in: Callable[[str, str, str], Awaitable[None]] = _never) -> LoginDialog:
    async def methods(server: str, _ca: str, _proxy: str) -> AuthMethods:
        assert server == "https://oa.example.gov.cn"
        return AuthMethods(password=True, oidc=offered)

    dialog = LoginDialog(server_url="https://oa.example.gov.cn", ca_bundle="", proxy="",
                         username="", login=_never, spawn=spawn, methods=methods,
                         sign_in=sign_in)
    qtbot.addWidget(dialog)
    dialog.show()
    spawn.settle()
    return dialog


def test_the_button_shows_only_when_the_server_offers_it(qtbot: Any,
                                                         loop: qasync.QEventLoop) -> None:
    spawn = Spawner(loop)
    offering = _dialog(qtbot, spawn, offered=PROVIDER)
    assert offering.oidc_button.isVisible()
    assert offering.oidc_button.text() == "统一身份认证登录"
    plain = _dialog(qtbot, spawn, offered=None)
    assert not plain.oidc_button.isVisible()


def test_a_failed_sign_in_says_why_in_chinese(qtbot: Any, loop: qasync.QEventLoop) -> None:
    async def denied(*_args: str) -> None:
        raise SignInError("oidc.denied", "已在统一身份认证页面取消或拒绝登录")

    spawn = Spawner(loop)
    dialog = _dialog(qtbot, spawn, offered=PROVIDER, sign_in=denied)
    dialog.oidc_button.click()
    spawn.settle()
    assert dialog.message.text() == "已在统一身份认证页面取消或拒绝登录"
    assert dialog.isVisible() and dialog.oidc_button.isEnabled()


def test_cancel_ends_a_sign_in_waiting_for_the_browser(qtbot: Any,
                                                       loop: qasync.QEventLoop) -> None:
    started: list[str] = []

    async def waiting(server: str, *_args: str) -> None:
        started.append(server)
        await asyncio.Event().wait()

    spawn = Spawner(loop)
    dialog = _dialog(qtbot, spawn, offered=PROVIDER, sign_in=waiting)
    dialog.oidc_button.click()
    run(loop, asyncio.sleep(0))
    assert started == ["https://oa.example.gov.cn"]
    assert "浏览器" in dialog.message.text()
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel is not None and cancel.isEnabled()
    cancel.click()
    spawn.settle()
    assert spawn.tasks[-1].cancelled()
    assert dialog.isVisible() and dialog.message.text() == "已取消统一身份认证登录"
    assert dialog.oidc_button.isEnabled()


def test_signing_in_in_the_browser_opens_the_main_window(
        qtbot: Any, loop: qasync.QEventLoop, tmp_path: Path, oidc_provider: Provider,
        memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "officeapp.toml"
    config.write_text(f'[oidc]\nissuer = "{oidc_provider.issuer}"\nclient_id = "{CLIENT_ID}"\n',
                      encoding="utf-8")
    monkeypatch.setenv("OFFICEAPP_CONFIG", str(config))
    browser = Browser(account="u-1001")
    monkeypatch.setattr(client_app, "_open_in_browser", browser)
    server = DemoServer(tmp_path / "server")
    server.start()
    settings = Settings(tmp_path / "client.ini")
    settings.set("server_url", server.url)
    settings.set("data_dir", str(tmp_path / "client"))
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    session = client_app.Session(qapp, settings)

    async def body() -> None:
        await session.start()
        dialog = session._dialog
        assert dialog is not None
        await until(dialog.oidc_button.isVisible, what="the 统一身份认证 button")
        dialog.oidc_button.click()
        await until(lambda: session.window is not None, what="the main window")
        assert session.ctx is not None and session.ctx.person_id == "p-office.clerk"
        assert settings.get("username") == "office.clerk"
        assert list(memory_keyring.secrets) == [("officeapp", f"{server.url}|office.clerk")]
        await until(lambda: "登录完成" in browser.landed, what="the page in the browser")

    try:
        run(loop, body())
    finally:
        if session.ctx is not None:
            run(loop, session.ctx.close())
        if session.window is not None:
            session.window.close()
            session.window.deleteLater()
        session.worker.shutdown()
        server.stop()
