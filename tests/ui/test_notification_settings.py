"""通知方式 in 设置: the tab shows what the server keeps, saves what the person chose, says a
refusal next to its field in the person's language, and works offline — an edit is kept as
pending, sent when the link is back, and a later refusal still reaches the person.

The server side is a stand-in with the real API's two methods (`notification_prefs`,
`set_notification_prefs`) and its answers; tests/sync/client/test_notification_prefs.py runs
the same calls against the real server.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import pytest

from sync.client.api import ApiError, Offline
from sync.client.engine import SyncStatus
from sync.protocol import (
    NotificationChannel,
    NotificationEvent,
    NotificationPrefs,
    NotificationPrefsUpdate,
)
from tests.ui.doc_fixtures import DocEnv, doc_env, doc_loop
from tests.ui.test_language_everywhere import NOT_ENGLISH, language
from ui.common.qt import QScrollArea
from ui.main_window import MainWindow
from ui.notification_settings import NotificationTab
from ui.settings_dialog import SettingsDialog

__all__ = ["doc_env", "doc_loop", "language"]  # fixtures used by the tests below

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen says so on show()

CLERK, LEADER = "office.clerk", "office.leader"
MOBILE = re.compile(r"1\d{10}")
BAD_PHONE = "手机号码格式不正确，应为11位中国大陆手机号（可加 +86）"  # the server's words
KEPT = NotificationPrefs(
    phone="13912345678", email="zhang.wei@example.gov.cn",
    events={"urgent_document": ["sms", "email"], "meeting": ["email"]}, digest=True,
    available=["email", "sms"])


class Server:
    """The server's side of 通知方式 as the client's Api calls it: a link that can drop, the
    person's kept choice, and the server's checks (a mobile number, channels it can send on)."""

    def __init__(self, prefs: NotificationPrefs = KEPT) -> None:
        self.prefs = prefs
        self.up = True
        self.received: list[NotificationPrefsUpdate] = []
        self.server_offset = timedelta(0)  # the Api's measured clock offset: none here

    async def notification_prefs(self) -> NotificationPrefs:
        self._link()
        return self.prefs

    async def set_notification_prefs(self, update: NotificationPrefsUpdate) -> NotificationPrefs:
        self._link()
        self.received.append(update)
        if update.phone and not MOBILE.fullmatch(update.phone):
            raise ApiError(422, "notify.invalid_phone", BAD_PHONE, {"field": "phone"})
        chosen = {c for channels in update.events.values() for c in channels}
        if chosen - set(self.prefs.available):
            raise ApiError(422, "notify.channel_unavailable", "本服务器未配置该通知方式，不能选择",
                           {"channel": "sms"})
        self.prefs = NotificationPrefs(**update.model_dump(), available=self.prefs.available)
        return self.prefs

    def _link(self) -> None:
        if not self.up:
            raise Offline("network is unreachable")


@dataclass
class Engine:
    """What the settings need of the sync engine: its Api and whether the link is up."""

    api: Server
    status: SyncStatus = field(default_factory=lambda: SyncStatus(online=True))

    def trigger(self) -> None:
        """A sync round would start; the test says when one has worked (`back_online`)."""


@pytest.fixture
def server() -> Server:
    """The server's side, the link up."""
    return Server()


def connect(env: DocEnv, server: Server, username: str = CLERK) -> Any:
    """Return the person's context, talking to `server`."""
    ctx = env.ctx(username)
    ctx.engine = Engine(server)  # type: ignore[assignment]
    return ctx


def open_tab(env: DocEnv, ctx: Any) -> NotificationTab:
    """Open 设置 at 通知方式 and wait until it has shown what it loads."""
    dialog = SettingsDialog(ctx)
    env.keep(dialog)
    dialog.tabs.setCurrentWidget(dialog.notify_tab)
    dialog.show()
    tab = dialog.notify_tab
    env.until(lambda: not ctx._tasks, what="the tab to load")
    return tab


def back_online(env: DocEnv, ctx: Any, server: Server) -> None:
    """The link is back: a sync round worked, and the context hears of it from the engine."""
    server.up = True
    ctx.sync_status(SyncStatus(online=True))
    env.until(lambda: not ctx._tasks, what="the pending edit to be sent")


def choices(tab: NotificationTab) -> dict[str, list[str]]:
    """Return the ticked boxes as events → channels."""
    found: dict[str, list[str]] = {}
    for (event, channel), box in tab.boxes.items():
        if box.isChecked():
            found.setdefault(event, []).append(channel)
    return found


def stored(env: DocEnv, username: str = CLERK) -> Any:
    """Return what the store keeps of the person's 通知方式."""
    return env.run(env.ctx(username).notification_prefs.state())


# --- online -----------------------------------------------------------------------------------


def test_the_tab_shows_what_the_server_keeps(doc_env: DocEnv, server: Server) -> None:
    tab = open_tab(doc_env, connect(doc_env, server))
    assert tab.phone.text() == "13912345678"
    assert tab.email.text() == "zhang.wei@example.gov.cn"
    assert choices(tab) == {"urgent_document": ["sms", "email"], "meeting": ["email"]}
    assert tab.digest.isChecked()
    assert all(box.isEnabled() for box in tab.boxes.values())
    assert tab.unavailable.isHidden() and tab.phone_error.isHidden()
    assert tab.save_button.isEnabled()
    assert stored(doc_env).known == KEPT  # shown again offline


def test_a_channel_the_server_cannot_send_on_is_shown_disabled(doc_env: DocEnv) -> None:
    server = Server(NotificationPrefs(email="zhang.wei@example.gov.cn",
                                      events={"meeting": ["email"]}, available=["email"]))
    tab = open_tab(doc_env, connect(doc_env, server))
    sms = [box for (_e, channel), box in tab.boxes.items() if channel == "sms"]
    assert sms and not any(box.isEnabled() or box.isChecked() for box in sms)
    assert all(box.isEnabled() for (_e, c), box in tab.boxes.items() if c == "email")
    assert not tab.unavailable.isHidden()
    assert tab.unavailable.text() == "本服务器未开通短信服务，暂不能选择短信。"
    assert sms[0].toolTip() == tab.unavailable.text()
    assert tab.digest.isEnabled()


def test_save_sends_the_choice_shown(doc_env: DocEnv, server: Server) -> None:
    tab = open_tab(doc_env, connect(doc_env, server))
    tab.phone.setText(" 13800001111 ")
    tab.boxes[("urgent_document", "email")].setChecked(False)
    tab.boxes[("supervision_due", "sms")].setChecked(True)
    tab.digest.setChecked(False)
    tab.save_button.click()
    assert not tab.save_button.isEnabled() and tab.state_label.text() == "正在保存…"
    doc_env.until(lambda: tab.save_button.isEnabled(), what="the save")
    expected: dict[NotificationEvent, list[NotificationChannel]] = {
        "urgent_document": ["sms"], "meeting": ["email"], "supervision_due": ["sms"]}
    assert server.received == [NotificationPrefsUpdate(
        phone="13800001111", email="zhang.wei@example.gov.cn", events=expected, digest=False)]
    assert tab.state_label.text() == "通知方式已保存"
    state = stored(doc_env)
    assert state.pending is None and state.known == server.prefs


def test_a_refusal_shows_next_to_its_field_in_the_persons_language(
        doc_env: DocEnv, server: Server, language: str) -> None:
    tab = open_tab(doc_env, connect(doc_env, server))
    tab.phone.setText("12345")
    tab.save()
    doc_env.until(lambda: tab.save_button.isEnabled(), what="the refusal")
    assert not tab.phone_error.isHidden() and tab.email_error.isHidden()
    if language == "en":
        assert tab.phone_error.text() == ("The mobile number is not valid: 11 digits of a"
                                          " mainland number, +86 allowed")
        assert not NOT_ENGLISH.search(tab.state_label.text())
    else:
        assert tab.phone_error.text() == BAD_PHONE
        assert tab.state_label.text() == "未保存，请更正后重试"
    assert tab.phone.text() == "12345"  # the person corrects what they typed
    state = stored(doc_env)
    assert state.pending is None and state.refused is None and state.known == KEPT
    tab.phone.setText("13912340000")
    tab.save()
    doc_env.until(lambda: tab.save_button.isEnabled(), what="the second save")
    assert tab.phone_error.isHidden()


def test_dialog_save_keeps_an_edit_of_the_tab(doc_env: DocEnv, server: Server) -> None:
    ctx = connect(doc_env, server)
    tab = open_tab(doc_env, ctx)
    tab.email.setText("wei.zhang@example.gov.cn")
    dialog = tab.window()
    assert isinstance(dialog, SettingsDialog)
    dialog.save()
    doc_env.until(lambda: server.received and not ctx._tasks, what="the edit to be sent")
    assert server.received[-1].email == "wei.zhang@example.gov.cn"
    assert stored(doc_env).pending is None


# --- offline ------------------------------------------------------------------------------------


def test_offline_an_edit_waits_and_goes_when_the_link_is_back(doc_env: DocEnv,
                                                              server: Server) -> None:
    ctx = connect(doc_env, server)
    open_tab(doc_env, ctx).window().close()  # once online: the choice is kept here
    server.up = False
    ctx.engine.status = SyncStatus(online=False)
    tab = open_tab(doc_env, ctx)
    assert tab.phone.text() == "13912345678"  # the last known choice, offline
    assert tab.state_label.text() == "离线：显示的是上次从服务器取得的设置；修改将在联网后保存"
    tab.boxes[("urging", "sms")].setChecked(True)
    tab.save()
    doc_env.until(lambda: tab.save_button.isEnabled(), what="the offline save")
    assert tab.state_label.text() == "已保存在本机，将在联网后保存到服务器"
    assert server.received == []
    assert stored(doc_env).pending is not None
    ctx.sync_status(SyncStatus(online=False))  # still offline: nothing is tried
    doc_env.settle()
    assert server.received == []

    back_online(doc_env, ctx, server)
    assert server.received[-1].events["urging"] == ["sms"]
    assert server.prefs.events["urging"] == ["sms"]
    state = stored(doc_env)
    assert state.pending is None and state.known == server.prefs
    assert tab.state_label.text() == "通知方式已保存"  # the open tab hears of it


def test_a_refusal_of_an_offline_edit_reaches_the_person(doc_env: DocEnv,
                                                        server: Server) -> None:
    ctx = connect(doc_env, server)
    window = MainWindow(ctx)
    doc_env.keep(window)
    window.show()
    server.up = False
    tab = open_tab(doc_env, ctx)
    tab.phone.setText("0799-1234567")
    tab.save()
    doc_env.until(lambda: tab.save_button.isEnabled(), what="the offline save")
    tab.window().close()

    back_online(doc_env, ctx, server)
    bar = window.feedback_bar
    doc_env.until(lambda: not bar.isHidden(), what="the message bar")
    assert "手机号码格式不正确" in bar.message.text()
    assert "设置…—通知方式" in bar.message.text()
    state = stored(doc_env)
    assert state.pending is None and state.refused is not None

    tab = open_tab(doc_env, ctx)  # next time 设置 opens: the edit and why it was refused
    assert tab.phone.text() == "0799-1234567"
    assert tab.phone_error.text() == BAD_PHONE
    assert tab.state_label.text() == "服务器未接受您离线时所做的修改，请更正后重新保存"
    tab.phone.setText("13912349999")
    tab.save()
    doc_env.until(lambda: tab.save_button.isEnabled(), what="the corrected save")
    assert tab.state_label.text() == "通知方式已保存" and tab.phone_error.isHidden()
    assert stored(doc_env).refused is None


def test_an_open_tab_asks_the_server_when_the_link_is_back(doc_env: DocEnv,
                                                          server: Server) -> None:
    ctx = connect(doc_env, server)
    ctx.engine.status = SyncStatus(online=False)  # the client started offline
    tab = open_tab(doc_env, ctx)
    assert tab.phone.text() == "" and server.received == []
    assert tab.state_label.text() == "离线：尚未从服务器取得您的通知方式；修改将在联网后保存"
    back_online(doc_env, ctx, server)
    assert tab.phone.text() == "13912345678" and tab.digest.isChecked()
    assert tab.state_label.text() == ""


def test_without_a_server_the_tab_works_from_what_is_kept(doc_env: DocEnv) -> None:
    ctx = doc_env.ctx(CLERK)  # never connected
    tab = open_tab(doc_env, ctx)
    assert tab.state_label.text() == "离线：尚未从服务器取得您的通知方式；修改将在联网后保存"
    assert all(box.isEnabled() for box in tab.boxes.values())  # not known: the server checks
    tab.phone.setText("13912345678")
    tab.save()
    doc_env.until(lambda: tab.save_button.isEnabled(), what="the save")
    assert tab.state_label.text() == "已保存在本机，将在联网后保存到服务器"
    assert stored(doc_env).pending == NotificationPrefsUpdate(phone="13912345678")


def test_another_persons_edit_is_never_shown_nor_sent(doc_env: DocEnv, server: Server) -> None:
    clerk = connect(doc_env, server, CLERK)
    server.up = False
    tab = open_tab(doc_env, clerk)
    tab.phone.setText("13900000001")
    tab.save()
    doc_env.until(lambda: tab.save_button.isEnabled(), what="the clerk's offline save")

    other = Server(NotificationPrefs(available=["email", "sms"]))
    leader = connect(doc_env, other, LEADER)  # the same PC, another login
    tab = open_tab(doc_env, leader)
    assert tab.phone.text() == ""
    back_online(doc_env, leader, other)
    assert other.received == []  # the leader's login sends nothing of the clerk's
    assert stored(doc_env, CLERK).pending is not None


def test_the_tab_is_never_cut_off_at_the_side(doc_env: DocEnv, server: Server,
                                              language: str) -> None:
    """At the dialog's size (a 1024×600 screen holds it) the tab may scroll down, never
    sideways: a refusal, the events and both channels stay in sight in either language."""
    server.prefs = NotificationPrefs(available=["email"])
    tab = open_tab(doc_env, connect(doc_env, server))
    tab.phone.setText("0799-1234567")
    tab.save()
    doc_env.until(lambda: tab.save_button.isEnabled(), what="the refusal")
    doc_env.settle(0.2)
    area = tab.findChild(QScrollArea)
    assert area is not None and area.widget() is not None
    assert area.widget().minimumSizeHint().width() <= area.viewport().width()
    for widget in (tab.phone_error, tab.unavailable, *tab.boxes.values(), tab.digest):
        right = widget.mapTo(area.viewport(), widget.rect().topRight()).x()
        assert right <= area.viewport().width(), widget


@pytest.fixture(autouse=True)
def _no_tasks_left(doc_env: DocEnv) -> Iterator[None]:
    """Let the settings' background work end before the widgets go."""
    yield
    for ctx in doc_env.contexts.values():
        doc_env.until(lambda c=ctx: not c._tasks, what="the background work to end")
