"""Search matches highlighted: in the 待办 list's title column and in the document shown."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

from officeapp.errors import ValidationError
from officeapp.store import SNIPPET_END, SNIPPET_START
from officeapp.store.search import parse_query
from ui.common.qt import (
    QAbstractTextDocumentLayout,
    QModelIndex,
    QPainter,
    QPalette,
    QPersistentModelIndex,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTextDocument,
)

# One colour for every match, in the list and in the document (a pale yellow marker pen:
# legible on white and under the selection colour).
MARK_STYLE = "background-color:#ffe58f;color:#000000"
_OPEN = f'<span style="{MARK_STYLE}">'
_CLOSE = "</span>"
# Tags and character references, which a match must never cut through.
_MARKUP = re.compile(r"(<[^>]*>|&#?\w+;)")


def terms(text: str) -> tuple[str, ...]:
    """Return the words of a search text (as the store searches them), or () when invalid."""
    try:
        return parse_query(text).terms
    except ValidationError:  # too long: the list refuses it the same way
        return ()


def snippet_html(snippet: str) -> str:
    """Return a store snippet (plain text with match markers) as HTML with the matches marked."""
    return (html.escape(snippet, quote=False)
            .replace(SNIPPET_START, _OPEN).replace(SNIPPET_END, _CLOSE))


# A title before a match found elsewhere keeps this many characters: the match must still
# show in a title column a third of a small screen wide.
TITLE_BEFORE_MATCH = 12
LEAD_BEFORE_MATCH = 4  # characters of the text before the match, in the list


def row_html(title: str, snippet: str) -> str:
    """Return a list row's title with its matches marked; a match elsewhere (正文, opinions,
    文号) follows the title, shortened, in grey, so the person sees why it was found."""
    if plain(snippet) == title:
        return snippet_html(snippet)
    short = title if len(title) <= TITLE_BEFORE_MATCH else title[:TITLE_BEFORE_MATCH - 1] + "…"
    before, marker, rest = snippet.partition(SNIPPET_START)
    if marker and len(before.lstrip("…")) > LEAD_BEFORE_MATCH:
        before = "…" + before[-LEAD_BEFORE_MATCH:]  # the match, not its lead, must show
    return (f"{html.escape(short, quote=False)}"
            f'<span style="color:#666666">　{snippet_html(before + marker + rest)}</span>')


def plain(snippet: str) -> str:
    """Return a snippet without its match markers (for a tooltip)."""
    return snippet.replace(SNIPPET_START, "").replace(SNIPPET_END, "")


def mark_html(markup: str, words: Iterable[str]) -> str:
    """Return HTML with every occurrence of `words` in its text (not in tags) marked."""
    ordered = sorted({html.escape(w, quote=False) for w in words if w}, key=len, reverse=True)
    if not ordered:
        return markup
    pattern = re.compile("|".join(map(re.escape, ordered)), re.IGNORECASE)
    parts = _MARKUP.split(markup)
    for index in range(0, len(parts), 2):  # even parts are text between tags and references
        parts[index] = pattern.sub(lambda m: f"{_OPEN}{m.group(0)}{_CLOSE}", parts[index])
    return "".join(parts)


def text_html(text: str, words: Sequence[str]) -> str:
    """Return plain text as HTML with the words marked."""
    return mark_html(html.escape(text, quote=False), words)


class HighlightDelegate(QStyledItemDelegate):
    """Paints a cell's HTML (from `role`) instead of its plain text, when it has any."""

    def __init__(self, role: int, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.role = role

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        """Draw the cell's background as usual, then its HTML in the text area."""
        markup = index.data(self.role)
        if not markup:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget is not None else None
        if style is None:
            super().paint(painter, option, index)
            return
        option.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        area = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, option.widget)
        document = _document(markup, option)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        top = area.top() + max(0, (area.height() - int(document.size().height())) // 2)
        painter.translate(area.left(), top)
        painter.setClipRect(0, 0, area.width(), area.height())
        layout = document.documentLayout()
        if layout is not None:
            layout.draw(painter, context)
        painter.restore()


def _document(markup: str, option: QStyleOptionViewItem) -> QTextDocument:
    document = QTextDocument()
    document.setDefaultFont(option.font)
    document.setDocumentMargin(0)
    # One line, like the plain cells: the rest is clipped (the tooltip has the whole text).
    document.setHtml(f'<span style="white-space:pre">{markup}</span>')
    return document
