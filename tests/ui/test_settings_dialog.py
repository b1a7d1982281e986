"""设置 from the main window: language, font size, 常用意见 (the opinion box's phrases follow at
once), server and CA, and 修改密码 against the real demo server."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from sync.client.api import Api, Connection, Offline, make_http
from tests.ui.test_client import Sessions, ctx_of, sessions, window_of
from ui.common.qt import QApplication
from ui.main_window import MainWindow
from ui.settings_dialog import SettingsDialog

from .conftest import run, until

__all__ = ["sessions"]  # the fixture the tests below use


def _open(window: MainWindow) -> SettingsDialog:
    window.settings_action.trigger()
    dialog = window.settings_dialog
    assert isinstance(dialog, SettingsDialog)
    return dialog


def test_settings_are_kept_and_phrases_reach_the_opinion_box(
        loop: asyncio.AbstractEventLoop, sessions: Sessions) -> None:
    async def scenario() -> None:
        session = await sessions.start("office.clerk")
        window, ctx = window_of(session), ctx_of(session)
        dialog = _open(window)
        assert dialog.tabs.count() == 5
        dialog.new_phrase.setText("请于本周五前办结。")
        dialog.add_phrase()
        dialog.new_phrase.setText("请于本周五前办结。")  # not twice
        dialog.add_phrase()
        dialog.phrase_list.setCurrentRow(0)
        dialog.remove_phrase()
        dialog.font_size.setValue(14)
        dialog.language.setCurrentIndex(dialog.language.findData("en"))
        dialog.ca_bundle.setText("/etc/officeapp/extranet-ca.pem")
        dialog.save()
        phrases: list[Any] = ctx.settings.get("phrases")
        assert phrases[-1] == "请于本周五前办结。" and phrases.count("请于本周五前办结。") == 1
        assert "同意。" not in phrases or phrases[0] != "同意。"  # the first one went
        assert ctx.settings.get("font_size") == 14
        assert QApplication.font().pointSizeF() == 14
        assert ctx.settings.get("language") == "en"
        assert ctx.settings.get("ca_bundle") == "/etc/officeapp/extranet-ca.pem"
        menu = window.document.opinion.phrases.menu()
        assert menu is not None
        await until(lambda: "请于本周五前办结。" in [a.text() for a in menu.actions()],
                    what="the new phrase in the opinion box")

    font = QApplication.font()
    try:
        run(loop, scenario())
    finally:
        QApplication.setFont(font)  # the other tests keep the usual size


def test_changing_the_password_needs_the_current_one_and_works(
        loop: asyncio.AbstractEventLoop, sessions: Sessions) -> None:
    async def scenario() -> None:
        session = await sessions.start("office.reviewer")
        dialog = _open(window_of(session))
        dialog.current_password.setText("demo-password")
        dialog.new_password.setText("new-password-2027")
        dialog.confirm_password.setText("something-else")
        dialog.change_password()
        assert dialog.password_message.text() == "两次输入的新密码不一致"
        dialog.current_password.setText("wrong-password")
        dialog.confirm_password.setText("new-password-2027")
        dialog.change_password()
        assert not dialog.change_button.isEnabled()  # busy while the server answers
        assert dialog.password_message.text() == "正在修改…"
        await until(lambda: dialog.password_message.text() == "当前密码不正确",
                    what="the refusal")
        assert dialog.change_button.isEnabled()
        dialog.current_password.setText("demo-password")
        dialog.change_password()
        assert not dialog.change_button.isEnabled()
        await until(lambda: "密码已修改" in dialog.password_message.text(), what="the change")
        assert dialog.change_button.isEnabled()
        assert dialog.current_password.text() == ""
        fresh = Api(make_http(Connection(sessions.server.url)))
        try:
            pair = await fresh.login("office.reviewer", "new-password-2027")
            assert pair.person.username == "office.reviewer"
        finally:
            await fresh.http.aclose()

    run(loop, scenario())


def test_changing_the_password_offline_says_it_needs_the_server(
        loop: asyncio.AbstractEventLoop, sessions: Sessions,
        monkeypatch: pytest.MonkeyPatch) -> None:
    async def scenario() -> None:
        session = await sessions.start("office.reviewer")
        dialog = _open(window_of(session))
        engine = ctx_of(session).engine
        assert engine is not None

        async def unreachable(_current: str, _new: str) -> None:
            raise Offline("connection refused")

        monkeypatch.setattr(engine.api, "change_password", unreachable)
        for box in (dialog.current_password, dialog.new_password, dialog.confirm_password):
            box.setText("new-password-2027")
        dialog.change_password()
        await until(lambda: "需要连接服务器" in dialog.password_message.text(),
                    what="the offline message")
        assert dialog.password_message.text() == "需要连接服务器才能修改密码，请联网后再试"
        assert dialog.change_button.isEnabled()
        assert dialog.current_password.text() == "new-password-2027"  # kept to try again

    run(loop, scenario())
