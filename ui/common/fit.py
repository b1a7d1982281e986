"""Fitting the client to small screens (1024×600 laptops and 麒麟 tablets, or 200 % scaling).

Windows open no larger than their screen, tall forms scroll instead of growing past it,
lists hide their least important columns while they are too narrow to show them all, and
lists of labels (the navigation) are kept as wide as their longest label.
"""

from __future__ import annotations

from collections.abc import Sequence

from ui.common.qt import (
    QAbstractItemView,
    QApplication,
    QEvent,
    QFrame,
    QHeaderView,
    QLayout,
    QLayoutItem,
    QListWidget,
    QObject,
    QRect,
    QScrollArea,
    QSize,
    QSplitter,
    Qt,
    QTableView,
    QTimer,
    QTreeWidget,
    QWidget,
)

# A window's frame and title bar, which resize() leaves out.
FRAME = QSize(16, 48)


def screen_room(widget: QWidget) -> QSize:
    """Return the largest size a window of `widget` may take: its screen's free area (less
    the panels) without the window's frame."""
    screen = widget.screen() or QApplication.primaryScreen()
    return screen.availableGeometry().size() - FRAME


def open_size(window: QWidget, preferred: QSize) -> None:
    """Resize a window to `preferred`, but never larger than its screen allows."""
    window.resize(preferred.boundedTo(screen_room(window)).expandedTo(window.minimumSizeHint()))


def keep_on_screen(window: QWidget) -> None:
    """Shrink a window that opened larger than its screen allows: Qt opens a dialog at the
    size it would like, up to two thirds of the screen, and a short screen has less room
    than a tall form likes (call it when the window shows)."""
    room = screen_room(window)
    size = window.size()
    if size.width() > room.width() or size.height() > room.height():
        window.resize(size.boundedTo(room).expandedTo(window.minimumSizeHint()))


def scrolling(content: QWidget) -> QScrollArea:
    """Return `content` in a frameless scroll area: a screen too short for it scrolls it
    rather than pushing the window (and its buttons) off the screen."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(content)
    return area


def em(widget: QWidget) -> int:
    """Return the width of one Chinese character in `widget`'s font (columns are sized in it)."""
    return widget.fontMetrics().horizontalAdvance("文") + 1


def list_beside_pane(listing: QWidget, pane: QWidget, *, sizes: tuple[int, int],
                     chars: int = 28) -> QSplitter:
    """Return a list and its record pane side by side, the list taking 3/5 of new room and
    first `sizes` (pixels). The pane keeps at least `chars` characters: on a small screen
    the list gives way (it hides columns) rather than the pane, whose buttons and fields
    would wrap a word to a line."""
    split = QSplitter(Qt.Orientation.Horizontal)
    split.addWidget(listing)
    split.addWidget(pane)
    split.setStretchFactor(0, 3)
    split.setStretchFactor(1, 2)
    split.setSizes(list(sizes))
    pane.setMinimumWidth(chars * em(pane))
    return split


def keep_items_whole(view: QListWidget) -> None:
    """Keep a list of labels at least as wide as its widest label, and name each label in
    full in its tooltip (call again after a label changes, e.g. a count in it)."""
    view.ensurePolished()
    for row in range(view.count()):
        item = view.item(row)
        if item is not None:
            item.setToolTip(item.text())
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    widest = max(view.sizeHintForColumn(0), 0)
    view.setMinimumWidth(widest + 2 * view.frameWidth())


def header_widths(table: QTableView, chars: Sequence[int]) -> None:
    """Size a table's columns in characters, each at least as wide as its heading (an English
    heading is often longer than the Chinese one the widths were chosen for)."""
    header = table.horizontalHeader()
    width = em(table)
    for column, count in enumerate(chars):
        header.resizeSection(column, max(count * width, header.sectionSizeHint(column)))


class FlowLayout(QLayout):
    """A row of widgets (action buttons, filters) that wraps onto a further line when the
    pane is too narrow for it, instead of making the window wider than the screen.

    Its preferred width is the single line; its minimum is its widest widget.
    """

    def __init__(self, parent: QWidget | None = None, *, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        """Append an item (addWidget comes through here)."""
        self._items.append(item)

    def count(self) -> int:
        """Return the number of items."""
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        """Return the item at `index`, or None."""
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        """Remove and return the item at `index` (None when there is none)."""
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        """Return that the row takes no more room than its widgets want."""
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        """Return that the height depends on the width (the lines it wraps into)."""
        return True

    def heightForWidth(self, width: int) -> int:
        """Return the height the row needs at `width`."""
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        """Place the widgets in `rect`, line after line."""
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        """Return the size of the row on one line."""
        shown = self._shown()
        width = sum(i.sizeHint().width() for i in shown) + self._gap * max(len(shown) - 1, 0)
        height = max((i.sizeHint().height() for i in shown), default=0)
        return QSize(width, height) + _margins(self)

    def minimumSize(self) -> QSize:
        """Return the size of the widest widget (every line holds at least one)."""
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
        return size + _margins(self)

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _place(self, rect: QRect, *, move: bool) -> int:
        """Lay the items out in `rect` (or only measure); return the height used."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line = area.x(), area.y(), 0
        for item in self._shown():
            hint = item.sizeHint()
            if x > area.x() and x + hint.width() > area.right() + 1:
                x, y, line = area.x(), y + line + self._gap, 0
            if move:
                item.setGeometry(QRect(x, y, hint.width(), hint.height()))
            x += hint.width() + self._gap
            line = max(line, hint.height())
        return y + line - rect.y() + margins.bottom()


def _margins(layout: QLayout) -> QSize:
    margins = layout.contentsMargins()
    return QSize(margins.left() + margins.right(), margins.top() + margins.bottom())


class ColumnFit(QObject):
    """Hides a table's least important columns while the table is too narrow to show them all
    beside its stretching column at a readable width, and shows them again when it widens.

    The stretching column (a title) takes what the others leave; `hide_order` names the
    columns that may go, the first to go first. So no horizontal scroll bar hides a column
    out of sight: what is hidden on a small screen is hidden by design.
    """

    def __init__(self, table: QAbstractItemView, *, stretch: int, hide_order: Sequence[int],
                 stretch_chars: int = 10) -> None:
        super().__init__(table)
        self.table = table
        self.stretch = stretch
        self.hide_order = tuple(hide_order)
        self.stretch_chars = stretch_chars
        self.header = _header(table)
        self.header.setStretchLastSection(False)
        self.header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        self._widths: dict[int, int] = {}  # of the columns hidden now, as they were shown
        # Fitting waits until Qt has laid the list out: hiding columns from within its
        # layout left the rows undrawn.
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self.fit)
        table.viewport().installEventFilter(self)
        self.header.sectionResized.connect(self._resized)
        self.fit()

    def hidden(self) -> list[int]:
        """Return the columns hidden now."""
        return [c for c in range(self.header.count()) if self.header.isSectionHidden(c)]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Fit the columns whenever the list changes width."""
        if event.type() == QEvent.Type.Resize:
            self._later.start()
        return False

    def _resized(self, column: int, _old: int, _new: int) -> None:
        # A column sized to its contents grows when longer rows arrive (hiding one also
        # "resizes" it, to nothing: that is no news).
        if (column != self.stretch and self._sized_to_contents(column)
                and not self.header.isSectionHidden(column)):
            self._later.start()

    def _sized_to_contents(self, column: int) -> bool:
        mode = self.header.sectionResizeMode(column)
        return mode is QHeaderView.ResizeMode.ResizeToContents

    def wanted(self, column: int) -> int:
        """Return the width a column takes when it is shown (a hidden one: as it was)."""
        if self.header.isSectionHidden(column):
            return self._widths.get(column, self.header.defaultSectionSize())
        if self._sized_to_contents(column):
            return max(self.header.sectionSizeHint(column), self.table.sizeHintForColumn(column))
        return self.header.sectionSize(column)

    def fit(self) -> None:
        """Show every column that fits, hiding the least important first."""
        room = self.table.viewport().width()
        columns = range(self.header.count())
        widths = {c: self.wanted(c) for c in columns if c != self.stretch}
        need = sum(widths.values()) + self.stretch_chars * em(self.table)
        going: set[int] = set()
        for column in self.hide_order:
            if need <= room:
                break
            going.add(column)
            need -= widths.get(column, 0)
        for column in columns:
            hide = column in going
            if hide == self.header.isSectionHidden(column):
                continue
            if hide:
                self._widths[column] = widths.get(column, 0)
            self.header.setSectionHidden(column, hide)


def _header(view: QAbstractItemView) -> QHeaderView:
    if isinstance(view, QTableView):
        return view.horizontalHeader()
    if isinstance(view, QTreeWidget):
        return view.header()
    raise TypeError(f"{type(view).__name__} has no column header")
