"""The opinion (意见) box: common phrases, and a draft saved as the person types."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from functools import partial
from typing import Any

from officeapp.store import LocalStore
from officeapp.workflow.engine import MAX_OPINION
from ui.common import times
from ui.common.context import AppContext
from ui.common.qt import (
    QFocusEvent,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QSignalBlocker,
    QSize,
    QTimer,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.common.settings import Settings

SAVE_DELAY_MS = 500


def _load_draft(store: LocalStore, document_id: str, person_id: str) -> str:
    draft = store.get_opinion_draft(document_id=document_id, person_id=person_id)
    return draft.text if draft else ""


def _save_draft(store: LocalStore, document_id: str, person_id: str, step: str,
                text: str) -> None:
    store.save_opinion_draft(document_id=document_id, person_id=person_id, step=step, text=text)


class _TextBox(QPlainTextEdit):
    """The text box; says when it loses focus (an event filter would do, but PySide6 6.x
    miscounts the bool an eventFilter override returns, which crashes at exit)."""

    focus_lost = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        """Save on leaving the box."""
        super().focusOutEvent(event)
        self.focus_lost.emit()

    def sizeHint(self) -> QSize:
        """Prefer four lines (it may grow to its maximum): on a short screen the document
        above keeps the room, and the box grows only when there is room to spare."""
        hint = super().sizeHint()
        lines = self.minimumHeight() + self.fontMetrics().lineSpacing()
        return QSize(hint.width(), min(hint.height(), lines))


class OpinionEditor(QWidget):
    """A text box whose text is kept as a draft per document until the action is sent."""

    draft_saved = Signal(str)  # document id, after its draft reached the store
    loaded = Signal(str)  # document id, after its draft was restored into the box

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._document_id: str | None = None
        self._step = ""
        self._saved = ""  # what the store holds for the current document
        self._generation = 0
        self._ready = False  # the draft of the current document has been restored
        self.edit = _TextBox()
        self.edit.setPlaceholderText(self.tr("在此填写意见；输入的内容会自动保存为草稿"))
        self.edit.setTabChangesFocus(True)
        self.phrases = QToolButton()
        self.phrases.setText(self.tr("常用意见"))
        self.phrases.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.phrases.setMenu(QMenu(self.phrases))
        self.status = QLabel()
        self.status.setStyleSheet("color: palette(placeholder-text);")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._build()
        self._fill_phrases()
        self._timer.timeout.connect(self.flush)
        self.edit.textChanged.connect(self._typed)
        self.edit.focus_lost.connect(self.flush)
        ctx.settings.changed.connect(self._setting_changed)
        self.setEnabled(False)

    def _build(self) -> None:
        top = QHBoxLayout()
        label = QLabel(self.tr("意见"))
        label.setBuddy(self.edit)
        top.addWidget(label)
        top.addWidget(self.phrases)
        top.addStretch(1)
        top.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.edit)
        # Three to seven lines: the document above keeps most of the pane.
        line = self.edit.fontMetrics().lineSpacing()
        self.edit.setMinimumHeight(line * 3 + 16)
        self.edit.setMaximumHeight(line * 7 + 16)

    def _fill_phrases(self) -> None:
        fill_phrases(self.phrases, self.ctx.settings, self.insert_phrase)

    def _setting_changed(self, name: str) -> None:
        if name == "phrases":
            self._fill_phrases()

    # --- the public face ---------------------------------------------------------------------

    def document_id(self) -> str | None:
        """Return the document whose opinion is being written."""
        return self._document_id

    def text(self) -> str:
        """Return the opinion as typed."""
        return self.edit.toPlainText()

    def set_document(self, document_id: str | None, step: str = "") -> None:
        """Switch to another document: save this one's text, restore that one's draft."""
        if document_id == self._document_id:
            self._step = step  # the same document moved on: later saves name the new step
            return
        self.flush()
        self._generation += 1
        self._document_id, self._step, self._saved = document_id, step, ""
        self._set_silently("")
        self._ready = False
        self.setEnabled(False)
        if document_id is not None:
            self.ctx.spawn(self._restore(document_id, self._generation),
                           what=self.tr("读取意见草稿"))

    async def _restore(self, document_id: str, generation: int) -> None:
        text = await self.ctx.db(_load_draft, document_id, self.ctx.person_id)
        if generation != self._generation:
            return  # another document was shown meanwhile
        self._saved = text
        self._set_silently(text)
        self._ready = True
        self.setEnabled(True)
        self._show_saved(bool(text))
        self.loaded.emit(document_id)

    def insert_phrase(self, phrase: str) -> None:
        """Put a common phrase at the cursor."""
        self.edit.insertPlainText(phrase)
        self.edit.setFocus()

    def put_back(self, text: str) -> None:
        """Bring back text the server refused, keeping anything typed since."""
        current = self.text()
        if not text or text in current:
            return
        self.edit.setPlainText(f"{current.rstrip()}\n{text}" if current.strip() else text)
        self.edit.moveCursor(self.edit.textCursor().MoveOperation.End)
        self.edit.setFocus()

    def set_busy(self, busy: bool) -> None:
        """Freeze the text while an action carrying it is being written."""
        self.edit.setReadOnly(busy)

    def submitted(self) -> None:
        """Empty the box after its text was sent (the store dropped the draft with it)."""
        self._timer.stop()
        self._saved = ""
        self._set_silently("")
        self._show_saved(False)

    # --- saving ------------------------------------------------------------------------------

    def _typed(self) -> None:
        self._timer.start()
        length = len(self.text())
        self.status.setText(self.tr("{0}/{1}字").format(length, MAX_OPINION)
                            if length > MAX_OPINION * 0.9 else self.tr("正在输入…"))

    def flush(self) -> None:
        """Save the text now if the store does not have it yet (in the background)."""
        pending = self._pending_save()
        if pending is not None:
            self.ctx.spawn(pending, what=self.tr("保存意见草稿"))

    async def save_now(self) -> None:
        """Save the text now and wait until the store has it."""
        pending = self._pending_save()
        if pending is not None:
            await pending

    def _pending_save(self) -> Coroutine[Any, Any, None] | None:
        self._timer.stop()
        text = self.text()
        if self._document_id is None or text == self._saved or not self._ready:
            return None
        self._saved = text
        return self._save(self._document_id, self._step, text)

    async def _save(self, document_id: str, step: str, text: str) -> None:
        await self.ctx.db(_save_draft, document_id, self.ctx.person_id, step, text)
        if document_id == self._document_id:
            self._show_saved(bool(text))
        self.draft_saved.emit(document_id)

    def _show_saved(self, has_draft: bool) -> None:
        when = times.clock_text(self.ctx.now())
        self.status.setText(self.tr("草稿已保存 {0}").format(when) if has_draft else "")

    def _set_silently(self, text: str) -> None:
        with QSignalBlocker(self.edit):
            self.edit.setPlainText(text)

    # --- never lose text ---------------------------------------------------------------------

    def hideEvent(self, event: Any) -> None:
        """Save when the pane is hidden or closed."""
        self.flush()
        super().hideEvent(event)


def fill_phrases(button: QToolButton, settings: Settings, insert: Callable[[str], None]) -> None:
    """Fill a 常用意见 button's menu from the settings; a click calls `insert(phrase)`."""
    menu = button.menu()
    if menu is None:
        menu = QMenu(button)
        button.setMenu(menu)
    menu.clear()
    for phrase in settings.get("phrases"):
        menu.addAction(str(phrase), partial(insert, str(phrase)))
    button.setEnabled(not menu.isEmpty())
