"""The sync state, always visible: online or not, what waits, when it last worked, what failed."""

from __future__ import annotations

from datetime import datetime

from sync.client.engine import SyncStatus
from ui.common import times
from ui.common.qt import QHBoxLayout, QLabel, QPushButton, QWidget, Signal


def describe(status: SyncStatus, *, now: datetime) -> tuple[str, str]:
    """Return the state text and its colour for a sync status."""
    if status.login_required:
        return "需要重新登录", "#c00000"
    if status.syncing:
        return "正在同步…", "#1f6fb2"
    if status.online:
        return "在线", "#2e7d32"
    return "离线工作", "#7f7f7f"


def since(moment: datetime | None, *, now: datetime) -> str:
    """Return how long ago the last sync was, as people say it."""
    if moment is None:
        return "尚未同步"
    seconds = max(0, int((now - moment).total_seconds()))
    if seconds < 60:
        return "刚刚同步"
    if seconds < 3600:
        return f"{seconds // 60}分钟前同步"
    return f"{times.short_text(moment)}同步"


class SyncStatusWidget(QWidget):
    """State dot and text, pending count, last sync, the last error, and refused actions."""

    show_rejections = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.state = QLabel()
        self.pending = QLabel()
        self.last = QLabel()
        self.error = QLabel()
        self.error.setStyleSheet("color: #c00000")
        self.rejected = QPushButton()
        self.rejected.setFlat(True)
        self.rejected.setStyleSheet("color: #c00000; font-weight: bold")
        self.rejected.clicked.connect(self.show_rejections.emit)
        self.rejected.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        for widget in (self.state, self.pending, self.last, self.error, self.rejected):
            layout.addWidget(widget)
        self.status = SyncStatus()

    def update_status(self, status: SyncStatus, *, now: datetime) -> None:
        """Show a new status."""
        self.status = status
        text, colour = describe(status, now=now)
        shown = (self.tr("正在同步，已接收 %n 条记录", "", status.received)
                 if status.syncing and status.received and not status.login_required
                 else self.tr(text))
        self.state.setText(f"<span style='color:{colour}'>●</span> {shown}")
        self.last.setText(self.tr(since(status.last_sync, now=now)))
        self.error.setText(status.error or "")

    def set_pending(self, count: int) -> None:
        """Show how many actions wait in the outbox (counted there, not by the last sync)."""
        self.pending.setText(self.tr("待上传 %n 项", "", count) if count
                             else self.tr("无待上传"))

    def set_rejections(self, count: int) -> None:
        """Show how many refused actions wait for the person's attention."""
        self.rejected.setVisible(count > 0)
        self.rejected.setText(self.tr("%n 项操作被服务器拒绝，点此查看", "", count))
