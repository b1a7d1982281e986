"""The action area under a record pane (公文, 会议, 督办): the line that says why an action
failed, the buttons of the actions the rules allow now (wrapping in a narrow pane), the rest in
a "更多" menu, a hint when there is nothing to do, and the pane's own widgets at the right.

The pane decides which actions to offer; the bar only shows them and disables them while one
runs (`set_busy`, handed to `ui.common.operations.Operation.busy`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ui.common import record_pane
from ui.common.fit import FlowLayout
from ui.common.qt import (
    QAction,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

ERROR_STYLE = "color: #c0392b;"


class ActionBar(QFrame):
    """Buttons and a "更多" menu keyed by action, an error line, and a hint for no actions."""

    def __init__(self, *, none_text: str, above: Sequence[QWidget] = (),
                 trailing: Sequence[QWidget] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.buttons: dict[str, QPushButton] = {}
        self.more_actions: dict[str, QAction] = {}
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        self.button_row = FlowLayout()  # wraps in a narrow pane
        self.more_button = QToolButton()
        self.more_button.setText(self.tr("更多"))
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_menu = QMenu(self.more_button)
        self.more_button.setMenu(self.more_menu)
        self.more_button.hide()
        self.no_actions = record_pane.hint(none_text)
        self._busy = False
        self._build(above, trailing)

    def _build(self, above: Sequence[QWidget], trailing: Sequence[QWidget]) -> None:
        layout = QVBoxLayout(self)
        for widget in above:
            layout.addWidget(widget)
        layout.addWidget(self.error)
        row = QHBoxLayout()
        row.addLayout(self.button_row)
        row.addWidget(self.more_button)
        row.addWidget(self.no_actions)
        row.addStretch(1)
        for widget in trailing:
            row.addWidget(widget)
        layout.addLayout(row)

    # --- offering actions ------------------------------------------------------------------

    def clear(self) -> None:
        """Take every button and menu entry away (before offering the actions of now)."""
        for button in self.buttons.values():
            button.deleteLater()
        self.buttons, self.more_actions = {}, {}
        self.more_menu.clear()

    def add_button(self, key: str, text: str, slot: Callable[[], object], *,
                   tooltip: str = "") -> QPushButton:
        """Offer an action as a button."""
        button = QPushButton(text)
        button.setToolTip(tooltip or text)
        button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        button.clicked.connect(lambda _checked=False: slot())
        self.button_row.addWidget(button)
        self.buttons[key] = button
        return button

    def add_more(self, key: str, text: str, slot: Callable[[], object]) -> QAction:
        """Offer an action in the "更多" menu."""
        action = self.more_menu.addAction(text)
        action.triggered.connect(lambda _checked=False: slot())
        self.more_actions[key] = action
        return action

    def offered(self) -> None:
        """Show the menu only when it holds something, the hint only when nothing is offered."""
        self.more_button.setVisible(bool(self.more_actions))
        self.no_actions.setVisible(not self.buttons and not self.more_actions)
        self.set_busy(self._busy)

    def shown(self) -> set[str]:
        """Return the keys of every action offered now (buttons and the "更多" menu)."""
        return set(self.buttons) | set(self.more_actions)

    # --- while an action runs, and after -----------------------------------------------------

    def busy(self) -> bool:
        """Return whether an action is running."""
        return self._busy

    def set_busy(self, busy: bool) -> None:
        """Disable the offered actions while one runs."""
        self._busy = busy
        for button in self.buttons.values():
            button.setEnabled(not busy)
        self.more_button.setEnabled(not busy)

    def show_error(self, text: str) -> None:
        """Say why the last action did not happen."""
        self.error.setText(text)
        self.error.show()

    def hide_error(self) -> None:
        """Hide the error line (another record is shown, or another action starts)."""
        self.error.hide()


class ActionBarPane:
    """A record pane whose actions an `ActionBar` offers: what it offers now, by key."""

    action_bar: ActionBar

    @property
    def buttons(self) -> dict[str, QPushButton]:
        """Return the action buttons offered now, by action kind."""
        return self.action_bar.buttons

    @property
    def more_actions(self) -> dict[str, QAction]:
        """Return the entries of the "更多" menu offered now, by key."""
        return self.action_bar.more_actions
