"""The banner a record pane shows over a record for each of its actions the server refused:
the reason (and what the person wrote), "知道了" to dismiss it, and any button a pane adds."""

from __future__ import annotations

from typing import TypeVar

from officeapp.store import RejectionRecord
from ui.common.qt import QFrame, QHBoxLayout, QLabel, QLayout, QPushButton, Qt, QWidget, Signal

B = TypeVar("B", bound=QWidget)

STYLE = ("#rejectionBanner { background: #fdecea; border: 1px solid #e6a19a;"
         " border-radius: 4px; } QLabel { color: #8e2a1f; }")


class RefusalBanner(QFrame):
    """A refused action: `text` (selectable), then `extra` buttons, then "知道了"."""

    dismiss = Signal(int)  # the rejection id

    def __init__(self, record: RejectionRecord, text: str, *,
                 extra: tuple[QPushButton, ...] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record = record
        self.setObjectName("rejectionBanner")
        self.setStyleSheet(STYLE)
        self.message = QLabel(text)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.dismiss_button = QPushButton(self.tr("知道了"))
        self.dismiss_button.clicked.connect(lambda: self.dismiss.emit(record.id))
        layout = QHBoxLayout(self)
        layout.addWidget(self.message, 1)
        for button in extra:
            layout.addWidget(button)
        layout.addWidget(self.dismiss_button)


def dismiss_buttons(layout: QLayout, rejection_id: int) -> tuple[QPushButton, ...]:
    """Return the "知道了" of the banner shown for `rejection_id` (busy while it dismisses)."""
    return tuple(banner.dismiss_button for banner in widgets_of(layout, RefusalBanner)
                 if banner.record.id == rejection_id)


def widgets_of(layout: QLayout, kind: type[B]) -> list[B]:
    """Return the widgets of `kind` in `layout`, in order (the banners shown now)."""
    found = (layout.itemAt(i) for i in range(layout.count()))
    return [w for entry in found if entry is not None
            and isinstance(w := entry.widget(), kind)]
