"""The login dialog tells why every start asks for the password when the machine has no
system keyring, and its buttons speak the interface's language."""

from __future__ import annotations

from typing import Any

import keyring
import pytest
from keyring.backends import fail

from sync.client import tokens
from ui.common.qt import QDialogButtonBox
from ui.login import LoginDialog


async def _never(*_args: str) -> None:
    raise AssertionError("not called")


def _dialog(qtbot: Any, *, remembers: bool) -> LoginDialog:
    dialog = LoginDialog(server_url="http://127.0.0.1:8765", ca_bundle="", proxy="",
                         username="", login=_never, spawn=lambda _c: None,
                         remembers=remembers)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_without_a_keyring_the_dialog_says_why_it_asks_every_time(qtbot: Any) -> None:
    remembering = _dialog(qtbot, remembers=True)
    assert not remembering.keyring_note.isVisible()
    forgetting = _dialog(qtbot, remembers=False)
    note = forgetting.keyring_note
    assert note.isVisible() and "系统密钥环" in note.text() and "每次启动" in note.text()


def test_the_cancel_button_is_in_chinese(qtbot: Any) -> None:
    dialog = _dialog(qtbot, remembers=True)
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel is not None and cancel.text() == "取消"


def test_the_fail_backend_counts_as_no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    previous = keyring.get_keyring()
    try:
        keyring.set_keyring(fail.Keyring())
        assert not tokens.keyring_available()
    finally:
        keyring.set_keyring(previous)
