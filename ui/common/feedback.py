"""The message bar: says what an action just did, and offers 撤销 while the rules allow it.

One bar per main window, under its pages. It is not modal and never takes the focus: the
person keeps working while it shows. A message goes after `SHOW_SECONDS` (held while the
mouse rests on it); a refusal stays until closed or replaced, since it needs reading.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ui.common.context import AppContext
from ui.common.qt import (
    QCoreApplication,
    QFrame,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QPushButton,
    QShortcut,
    Qt,
    QTimer,
    QToolButton,
    QWidget,
)

# How long a message, and the 撤销 it offers, stays (seconds). The rules, not this timer,
# decide whether a withdrawal is still allowed: the pane's 撤回 button stays while they do.
SHOW_SECONDS = 10.0
# Ctrl+Z is what people press; a text box with the focus keeps Ctrl+Z for its own typing, so
# Alt+Z works from there too.
UNDO_KEYS = ("Ctrl+Z", "Alt+Z")
_MIN_RESUME_MS = 2000  # after the mouse leaves, at least this long to reach the button again

_STYLES = {
    False: "#feedbackBar { background: #e9f5ec; border: 1px solid #9fcfaa; border-radius: 4px; }"
           " #feedbackBar QLabel { color: #1d5a2c; }",
    True: "#feedbackBar { background: #fdecea; border: 1px solid #e6a19a; border-radius: 4px; }"
          " #feedbackBar QLabel { color: #8e2a1f; }",
}


def tr(text: str) -> str:
    """Translate a text built outside a widget (lupdate files these under no context)."""
    return QCoreApplication.translate("", text)


@dataclass(frozen=True)
class Feedback:
    """What an action did, in one sentence; `undo` takes it back (None: the rules forbid it);
    `error` marks a refusal."""

    text: str
    undo: Callable[[], None] | None = None
    error: bool = False


def queued(ctx: AppContext) -> bool:
    """Return whether an action just written waits in the outbox for the link to return."""
    return ctx.engine is None or not ctx.engine.status.online


def queued_note(ctx: AppContext) -> str:
    """Return "（待上传）" when the action waits offline, else "" (online it leaves at once)."""
    return tr("（待上传）") if queued(ctx) else ""


def done_text(what: str, title: str, *, ctx: AppContext) -> str:
    """Return the message of an action without words of its own: which one, on what."""
    return tr("已办理“{0}”：{1}").format(what.rstrip("…"), title) + queued_note(ctx)


class FeedbackBar(QFrame):
    """One line under the window: what happened, 撤销 while allowed, and a close button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("feedbackBar")
        self.setAccessibleName(self.tr("操作结果"))
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # titles are data, never markup
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.undo_button = QPushButton(self.tr("撤销"))
        self.undo_button.setToolTip(self.tr("撤销刚才的操作（Ctrl+Z 或 Alt+Z）"))
        self.undo_button.clicked.connect(self.undo)
        self.close_button = QToolButton()
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("关闭提示"))
        self.close_button.setAccessibleName(self.tr("关闭提示"))
        self.close_button.clicked.connect(self.dismiss)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.dismiss)
        self._undo: Callable[[], None] | None = None
        self._paused_ms = 0
        self.shortcuts = [QShortcut(QKeySequence(keys), self, self.undo,
                                    context=Qt.ShortcutContext.WindowShortcut)
                          for keys in UNDO_KEYS]
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 6, 4)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.undo_button)
        layout.addWidget(self.close_button)
        self._offer(None)
        self.hide()

    def show_feedback(self, feedback: Feedback) -> None:
        """Say what happened, replacing the message before (and the 撤销 it offered)."""
        self.setStyleSheet(_STYLES[feedback.error])
        self.message.setText(feedback.text)
        self.setAccessibleDescription(feedback.text)
        self._offer(feedback.undo)
        self._paused_ms = 0
        if feedback.error:
            self.timer.stop()  # a refusal waits until it has been read and closed
        else:
            self.timer.start(round(SHOW_SECONDS * 1000))
        self.show()

    def undo(self) -> None:
        """Take the action back (once); the result comes as the next message."""
        undo = self._undo
        if undo is None:
            return
        self._offer(None)
        self.timer.stop()
        self.message.setText(self.tr("正在撤销…"))
        self.setAccessibleDescription(self.message.text())
        undo()

    def undo_offered(self) -> bool:
        """Return whether 撤销 is offered now."""
        return self._undo is not None and not self.isHidden()

    def dismiss(self) -> None:
        """Hide the bar; its 撤销 is no longer offered."""
        self.timer.stop()
        self._offer(None)
        self.hide()

    def _offer(self, undo: Callable[[], None] | None) -> None:
        self._undo = undo
        self.undo_button.setVisible(undo is not None)
        for shortcut in self.shortcuts:
            shortcut.setEnabled(undo is not None)  # Ctrl+Z stays the text boxes' otherwise

    # --- a message being read does not go away ----------------------------------------------

    def enterEvent(self, event: Any) -> None:
        """Hold the timer while the mouse rests on the bar."""
        if self.timer.isActive():
            self._paused_ms = self.timer.remainingTime()
            self.timer.stop()
        super().enterEvent(event)

    def leaveEvent(self, event: Any) -> None:
        """Start the timer again, with at least a moment to come back to the button."""
        if self._paused_ms and not self.isHidden():
            self.timer.start(max(self._paused_ms, _MIN_RESUME_MS))
            self._paused_ms = 0
        super().leaveEvent(event)
