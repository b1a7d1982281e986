"""The parts every record pane shares: the action bar, the newest-read-wins loader and the
banner of a refused action — with real widgets and a real context (store, worker)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from officeapp.store import RejectionRecord
from tests.ui.doc_fixtures import DocEnv, doc_env, doc_loop
from ui.common.action_bar import ActionBar
from ui.common.latest_load import LatestLoad
from ui.common.qt import QPushButton, QVBoxLayout, QWidget
from ui.common.refusal_banner import RefusalBanner, widgets_of

__all__ = ["doc_env", "doc_loop"]  # fixtures used by the tests below


def test_the_bar_offers_buttons_and_a_menu_and_says_when_there_is_nothing(
        doc_env: DocEnv) -> None:
    side = QPushButton("督办单")
    bar = ActionBar(none_text="您当前不需要办理此事项", trailing=(side,))
    doc_env.keep(bar)
    bar.show()
    clicked: list[str] = []
    bar.add_button("receive", "签收", lambda: clicked.append("receive"))
    bar.add_more("urge", "催办…", lambda: clicked.append("urge"))
    bar.offered()
    assert bar.shown() == {"receive", "urge"}
    assert bar.more_button.isVisible() and not bar.no_actions.isVisible()
    bar.buttons["receive"].click()
    bar.more_actions["urge"].trigger()
    assert clicked == ["receive", "urge"]
    bar.set_busy(True)
    assert bar.busy() and not bar.buttons["receive"].isEnabled()
    assert not bar.more_button.isEnabled() and side.isEnabled()
    bar.clear()
    bar.offered()  # busy still holds for what is offered next
    assert bar.shown() == set() and bar.no_actions.isVisible()
    assert not bar.more_button.isVisible()
    bar.show_error("未能办理：事项状态已变化")
    assert bar.error.isVisible() and bar.error.text() == "未能办理：事项状态已变化"
    bar.hide_error()
    assert not bar.error.isVisible()


def test_the_newest_read_wins(doc_env: DocEnv) -> None:
    owner = QWidget()
    doc_env.keep(owner)
    loads = LatestLoad(owner, doc_env.ctx("office.clerk"), what="读取")
    shown: list[str] = []
    first_gate, second_gate = asyncio.Event(), asyncio.Event()

    async def read(gate: asyncio.Event, value: str) -> str:
        await gate.wait()
        return value

    loads.start(lambda: read(first_gate, "old"), shown.append)
    doc_env.settle()
    loads.start(lambda: read(second_gate, "new"), shown.append)  # cancels the first
    first_gate.set()
    second_gate.set()
    doc_env.until(loads.idle, what="the read to end")
    assert shown == ["new"]


def test_a_read_ending_after_the_pane_is_gone_is_dropped(doc_env: DocEnv) -> None:
    owner = QWidget()
    loads = LatestLoad(owner, doc_env.ctx("office.clerk"), what="读取")
    shown: list[str] = []
    gate = asyncio.Event()

    async def read() -> str:
        await gate.wait()
        return "late"

    loads.start(read, shown.append)
    doc_env.settle()
    owner.deleteLater()
    doc_env.settle()
    gate.set()
    doc_env.until(loads.idle, what="the read to end")
    assert shown == []


def test_the_banner_says_why_and_is_dismissed(doc_env: DocEnv) -> None:
    record = RejectionRecord(id=7, mutation_id=3, name="supervision.act", args={},
                             document_id=None, code="supervision.wrong_status",
                             message="事项状态已变化", details={},
                             created_at=datetime(2026, 12, 5, 1, 0, tzinfo=UTC),
                             dismissed=False)
    holder = QWidget()
    doc_env.keep(holder)
    column = QVBoxLayout(holder)
    extra = QPushButton("重新使用这段文字")
    banner = RefusalBanner(record, "您的“催办”操作未被服务器接受", extra=(extra,))
    column.addWidget(banner)
    column.addWidget(QPushButton("不是横幅"))
    dismissed: list[int] = []
    banner.dismiss.connect(dismissed.append)
    banner.dismiss_button.click()
    assert dismissed == [7]
    assert banner.message.text() == "您的“催办”操作未被服务器接受"
    assert widgets_of(column, RefusalBanner) == [banner]
