"""The sync state in the status bar: what a person sees while a sync runs and after."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sync.client.engine import SyncStatus
from ui.common.status import SyncStatusWidget

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


def test_a_long_sync_shows_how_many_records_came(qapp: Any) -> None:
    widget = SyncStatusWidget()
    widget.update_status(SyncStatus(online=True, syncing=True), now=NOW)
    assert "正在同步…" in widget.state.text()
    widget.update_status(SyncStatus(online=True, syncing=True, received=31000), now=NOW)
    assert "正在同步，已接收 31000 条记录" in widget.state.text()
    widget.update_status(SyncStatus(online=True, received=31000, last_sync=NOW), now=NOW)
    assert "在线" in widget.state.text()
    assert widget.last.text() == "刚刚同步"


def test_login_required_wins_over_the_count(qapp: Any) -> None:
    widget = SyncStatusWidget()
    widget.update_status(SyncStatus(syncing=True, received=5, login_required=True), now=NOW)
    assert "需要重新登录" in widget.state.text()
