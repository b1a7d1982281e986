"""Pieces every record pane (公文, 督办, 会议) builds the same way: the placeholder shown until
a record is chosen, the enlarged title, status badges, dimmed hints, the banner column, and
the warning of a trace that broke the server's hash chain."""

from __future__ import annotations

from officeapp.tracechain import Break, BreakKind
from ui.common.qt import QLabel, QLayout, QStackedWidget, Qt, QVBoxLayout, QWidget, bold_font

HINT_STYLE = "color: palette(placeholder-text);"


def placeholder_pages(owner: QWidget, text: str, content: QWidget) -> tuple[QStackedWidget,
                                                                            QLabel]:
    """Fill `owner` with two pages, `text` centred (page 0, until a record is chosen) and
    `content` (page 1); return the stack and the placeholder."""
    pages = QStackedWidget()
    placeholder = QLabel(text)
    placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
    placeholder.setWordWrap(True)  # a narrow pane wraps it rather than widening the window
    placeholder.setStyleSheet(HINT_STYLE)
    pages.addWidget(placeholder)
    pages.addWidget(content)
    layout = QVBoxLayout(owner)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(pages)
    return pages, placeholder


def title_label(factor: float) -> QLabel:
    """A record's title: wrapped, selectable, bold and `factor` times the usual size."""
    title = QLabel()
    title.setWordWrap(True)
    title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    title.setFont(bold_font(title, factor))
    return title


def badge(style: str) -> QLabel:
    """A small rounded label (urgency, pending, …), hidden until there is something to say."""
    label = QLabel()
    label.setStyleSheet(f"QLabel {{ {style} border-radius: 3px; padding: 2px 8px; }}")
    label.hide()
    return label


def hint(text: str) -> QLabel:
    """A dimmed line that says why there is nothing here."""
    label = QLabel(text)
    label.setStyleSheet(HINT_STYLE)
    label.setWordWrap(True)  # beside the buttons of a narrow pane
    return label


def clear(layout: QLayout) -> None:
    """Remove every widget of `layout` (the banners of the record shown before)."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.deleteLater()


class TraceBreakBanner(QLabel):
    """A red line over a record whose pulled trace does not match the server's hash chain
    (`LocalStore.trace_break`): an entry was changed, removed or reordered in the server's
    database. Hidden while the trace holds."""

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setStyleSheet("QLabel { background: #fdecea; color: #a8071a; font-weight: bold;"
                           " border: 1px solid #e8a0a0; border-radius: 4px; padding: 4px 8px; }")
        self.hide()

    def show_break(self, found: Break | None) -> None:
        """Say where the trace breaks, or hide."""
        if found is None:
            self.hide()
            return
        if found.kind is BreakKind.ALTERED:
            # Only the chain's head came with the record: which entry, verify-trace says.
            self.setText(self.tr("留痕校验失败：前{0}条记录与服务器的哈希链不符，可能已被篡改，"
                                 "请联系管理员").format(found.seq))
        else:
            self.setText(self.tr("留痕校验失败：第{0}条记录与服务器的哈希链不符，可能已被篡改，"
                                 "请联系管理员").format(found.seq))
        self.show()
