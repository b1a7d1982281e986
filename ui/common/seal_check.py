"""验章: what the electronic seal of a PDF proves, shown as a badge; the 验章 dialog for any
PDF on disk; and the signed official file (正式文件) of a document in its pane.

Verification (up to ~200 ms for ten pages) runs on the database worker with the trusted
roots the store holds, never on the GUI thread.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from officeapp.documents import Direction
from officeapp.seals import SealStatus, SealVerdict, verify_pdf
from officeapp.store import LocalStore
from officeapp.workflow import WORKFLOWS, Attachment, Document
from sync.client.api import ApiError, Offline
from sync.client.blobs import BlobError
from sync.client.engine import SyncStatus
from ui.common import times
from ui.common.attachments import blobs_root, human_size, local_copy
from ui.common.context import AppContext, ChangeKind, Changes
from ui.common.fit import FlowLayout, open_size
from ui.common.forms import close_buttons
from ui.common.messages import refusal_text
from ui.common.qt import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDialog,
    QDragEnterEvent,
    QDropEvent,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSize,
    QStandardPaths,
    Qt,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
    alive,
)

# A signed 公文 is a few megabytes; a file past this is refused before it is read.
MAX_PDF_BYTES = 200 * 1024 * 1024

_GREEN, _AMBER, _RED, _GREY = "#1e7b34", "#9a6700", "#c0392b", "#6b6b6b"
# The headline of each verdict and its colour (context "SealBadge", the badge translates).
_HEADLINES: dict[SealStatus, tuple[object, str]] = {
    SealStatus.VALID: (QT_TRANSLATE_NOOP("SealBadge", "印章有效"), _GREEN),
    SealStatus.UNTRUSTED: (QT_TRANSLATE_NOOP("SealBadge", "签章者不在可信根"), _AMBER),
    SealStatus.MODIFIED: (QT_TRANSLATE_NOOP("SealBadge", "印章无效：签章后已被修改"), _RED),
    SealStatus.UNSIGNED: (QT_TRANSLATE_NOOP("SealBadge", "未签章"), _GREY),
    SealStatus.ENCRYPTED: (QT_TRANSLATE_NOOP("SealBadge", "文件已加密，无法验章"), _RED),
    SealStatus.DAMAGED: (QT_TRANSLATE_NOOP("SealBadge", "文件损坏，无法验章"), _RED),
}
# What each verdict means for the reader, in the details.
_MEANINGS: dict[SealStatus, object] = {
    SealStatus.VALID: QT_TRANSLATE_NOOP(
        "SealBadge", "文件与签章时完全一致，签章证书属于本单位体系，可作为正式文件使用。"),
    SealStatus.UNTRUSTED: QT_TRANSLATE_NOOP(
        "SealBadge", "文件签章后未被修改，但签章证书不属于本单位体系的可信根，请向发文单位核实。"),
    SealStatus.MODIFIED: QT_TRANSLATE_NOOP(
        "SealBadge", "文件在签章后被改动过，不能作为正式文件使用。"),
    SealStatus.UNSIGNED: QT_TRANSLATE_NOOP("SealBadge", "文件中没有电子印章。"),
    SealStatus.ENCRYPTED: QT_TRANSLATE_NOOP("SealBadge", "文件已加密，无法读取其中的印章。"),
    SealStatus.DAMAGED: QT_TRANSLATE_NOOP(
        "SealBadge", "文件已损坏、不完整或不是PDF文件，无法验证印章。"),
}
_SIGNED = frozenset({SealStatus.VALID, SealStatus.UNTRUSTED, SealStatus.MODIFIED})


def tr(text: str) -> str:
    """Translate a text built outside a widget (lupdate files these under no context)."""
    return QCoreApplication.translate("", text)


def awaiting_seal(document: Document, *, pending: bool) -> bool:
    """Return whether a 发文 left 用印 here and waits for the server to sign it: past the
    step with local changes pending, and no official file yet."""
    if document.direction is not Direction.OUTGOING or document.official_pdf is not None:
        return False
    workflow = WORKFLOWS[Direction.OUTGOING]
    return pending and workflow.has_step(document.step) and (
        workflow.index(document.step) > workflow.index("seal"))


# --- on the database worker ------------------------------------------------------------------


@dataclass(frozen=True)
class Checked:
    """A 验章 of one file: the verdict, or why the file could not be read."""

    verdict: SealVerdict | None = None
    problem: str = ""
    name: str = ""
    size: int = 0


def _refusal(path: Path) -> str | None:
    """Return why `path` cannot be checked, or None."""
    try:
        size = path.stat().st_size
    except OSError as error:
        return tr("无法读取“{0}”：{1}").format(path.name, error.strerror or error)
    if not path.is_file():
        return tr("“{0}”不是文件").format(path.name)
    if size > MAX_PDF_BYTES:
        return tr("“{0}”有{1}，超过了200 MB的验章上限").format(path.name, human_size(size))
    return None


def check_file(store: LocalStore, *, path: Path) -> Checked:
    """Read a PDF from disk and check its seal against the stored trusted roots."""
    problem = _refusal(path)
    if problem is not None:
        return Checked(problem=problem, name=path.name)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_PDF_BYTES + 1)  # the file may have grown since stat()
    except OSError as error:
        return Checked(problem=tr("无法读取“{0}”：{1}").format(path.name, error.strerror or error),
                       name=path.name)
    if len(data) > MAX_PDF_BYTES:
        return Checked(problem=tr("“{0}”有{1}，超过了200 MB的验章上限").format(
            path.name, human_size(len(data))), name=path.name)
    return Checked(verify_pdf(data, store.trust_roots()), name=path.name, size=len(data))


@dataclass(frozen=True)
class Official:
    """A document's signed official file as this machine has it."""

    attachment: Attachment
    pdf: bytes | None = None  # None while it is not downloaded
    verdict: SealVerdict | None = None


def load_official(store: LocalStore, *, attachment: Attachment, root: Path) -> Official:
    """Read the local copy of an official file and check its seal (None pdf: not local)."""
    path = local_copy(store, sha256=attachment.sha256, root=root)
    if path is None:
        return Official(attachment)
    try:
        data = path.read_bytes()
    except OSError:
        return Official(attachment)
    return Official(attachment, data, verify_pdf(data, store.trust_roots()))


# --- the badge -------------------------------------------------------------------------------


class SealBadge(QFrame):
    """A verdict: a coloured headline, then the signer, when, whether the file is unchanged
    and whether the certificate is ours. `compact` keeps those behind 详情 (the document
    pane); otherwise they show at once (the 验章 dialog)."""

    def __init__(self, *, compact: bool = False, leading: Sequence[QWidget] = (),
                 trailing: Sequence[QWidget] = (), parent: QWidget | None = None) -> None:
        """`leading` and `trailing` widgets share the headline's row (a title, buttons)."""
        super().__init__(parent)
        self.setObjectName("sealBadge")
        self.verdict: SealVerdict | None = None
        self._compact = compact
        self.headline = QLabel()
        self.headline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.toggle = QToolButton()
        self.toggle.setText(self.tr("详情"))
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.toggled.connect(self._toggled)
        self.toggle.hide()
        self.header = FlowLayout()  # wraps in a narrow pane
        for widget in (*leading, self.headline, self.toggle, *trailing):
            self.header.addWidget(widget)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(4)
        layout.addLayout(self.header)
        layout.addWidget(self.details)
        self._paint(_GREY)

    def _paint(self, colour: str) -> None:
        self.setStyleSheet(f"#sealBadge {{ border-left: 4px solid {colour}; }}")
        self.headline.setStyleSheet(f"color: {colour}; font-weight: bold;")

    def _toggled(self, shown: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.details.setVisible(shown)

    def status(self) -> SealStatus | None:
        """Return the status shown (None while checking or saying something else)."""
        return self.verdict.status if self.verdict else None

    def set_note(self, text: str) -> None:
        """Show a grey line instead of a verdict (checking, not downloaded, …)."""
        self.verdict = None
        self._paint(_GREY)
        self.headline.setText(text)
        self.headline.setVisible(bool(text))
        self.headline.setToolTip("")
        self.toggle.hide()
        self.details.hide()

    def set_checking(self) -> None:
        """Say that the check is under way."""
        self.set_note(self.tr("正在验章…"))

    def set_verdict(self, verdict: SealVerdict) -> None:
        """Show `verdict`."""
        self.verdict = verdict
        text, colour = _HEADLINES[verdict.status]
        self._paint(colour)
        self.headline.setText(("● " if verdict.ok else "▲ ") + self.tr(str(text)))
        self.headline.show()
        self.headline.setToolTip(verdict.message)
        self.details.setText(self.details_html(verdict))
        self.toggle.show()
        self.toggle.setChecked(not self._compact)
        self._toggled(self.toggle.isChecked())

    def details_html(self, verdict: SealVerdict) -> str:
        """Return the lines under the headline: who signed and when, and the two checks."""
        lines: list[str] = []
        if verdict.status in _SIGNED:
            lines.append(self.tr("签章单位：{0}").format(_escape(verdict.signer or "—")))
            when = times.minute_text(verdict.signed_at) if verdict.signed_at else "—"
            lines.append(self.tr("签章时间：{0}（北京时间）").format(when))
            lines.append(_mark(verdict.intact, self.tr("签章后未被修改"),
                               self.tr("签章后已被修改")))
            lines.append(_mark(verdict.trusted, self.tr("证书链至本单位体系的可信根"),
                               self.tr("证书不属于本单位体系的可信根")))
            if verdict.signatures > 1:
                lines.append(self.tr("文件中有{0}个签章，以最后一个为准").format(
                    verdict.signatures))
        lines.append(f"<span style='color: {_GREY};'>"
                     f"{_escape(self.tr(str(_MEANINGS[verdict.status])))}</span>")
        return "<br>".join(lines)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _mark(ok: bool, yes: str, no: str) -> str:
    if ok:
        return f"<span style='color: {_GREEN};'>✓ {_escape(yes)}</span>"
    return f"<span style='color: {_RED};'>✗ {_escape(no)}</span>"


# --- the 验章 dialog -------------------------------------------------------------------------


def _pdf_files(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls()
            if url.isLocalFile() and url.toLocalFile().lower().endswith(".pdf")]


class SealCheckDialog(QDialog):
    """验章 of any PDF on disk, a received one too: choose it, or drop it on the dialog."""

    checked = Signal(object)  # the Checked of the last file

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.result_of: Checked | None = None
        self._task: asyncio.Task[Any] | None = None
        self.setWindowTitle(self.tr("验章"))
        self.setAcceptDrops(True)
        self.hint = QLabel(self.tr("选择一个PDF文件，或将它拖放到本窗口，检查其电子印章是否有效"))
        self.hint.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("选择文件…"))
        self.choose_button.clicked.connect(self.choose_file)
        self.file_label = QLabel()
        self.file_label.setWordWrap(True)
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {_RED};")
        self.problem.hide()
        self.badge = SealBadge()
        self.badge.hide()
        buttons = close_buttons(self)
        row = QHBoxLayout()
        row.addWidget(self.choose_button)
        row.addWidget(self.file_label, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        layout.addWidget(self.badge)
        layout.addStretch(1)
        layout.addWidget(buttons)
        open_size(self, QSize(520, 320))

    def choose_file(self) -> None:
        """Ask for a PDF and check it."""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("选择要验章的PDF文件"), folder,
                                                    self.tr("PDF 文件 (*.pdf);;所有文件 (*)"))
        if path:
            self.check_path(Path(path))

    def check_path(self, path: Path) -> None:
        """Check the seal of the file at `path` (a newer check replaces a running one)."""
        if self._task is not None and not self._task.done():
            self._task.cancel()
        self.file_label.setText(f"{path.name}")
        self.file_label.setToolTip(str(path))
        self.problem.hide()
        self.badge.show()
        self.badge.set_checking()
        self._task = self.ctx.spawn(self._check(path), what=self.tr("验章"))

    async def _check(self, path: Path) -> None:
        found: Checked = await self.ctx.db(check_file, path=path)
        if not alive(self):
            return
        self.result_of = found
        if found.verdict is None:
            self.badge.hide()
            self.problem.setText(found.problem)
            self.problem.show()
        else:
            self.file_label.setText(f"{found.name}　{human_size(found.size)}")
            self.badge.set_verdict(found.verdict)
        self.checked.emit(found)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Take a dropped PDF file."""
        if _pdf_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        """Check the first dropped PDF."""
        paths = _pdf_files(event)
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.check_path(paths[0])


# --- the official file in the document pane -------------------------------------------------


class OfficialFilePanel(QFrame):
    """正式文件（已签章） of a document with its 验章 verdict, or 待用印 while the server has
    yet to sign a 发文 sealed here. Hidden for documents that have neither."""

    preview_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.official: Official | None = None
        self._attachment: Attachment | None = None
        self._checked: str | None = None  # the sha256 whose verdict is shown
        self._task: asyncio.Task[Any] | None = None
        self._downloading = False
        self.title = QLabel(self.tr("正式文件（已签章）"))
        self.title.setStyleSheet("font-weight: bold;")
        self.view_button = QToolButton()
        self.view_button.setText(self.tr("查看"))
        self.view_button.setToolTip(self.tr("预览签章的正式文件"))
        # One row where the pane is wide enough: title, verdict, 详情, 查看 (the preview
        # prints it and saves the signed bytes as they are).
        self.badge = SealBadge(compact=True, leading=(self.title,),
                               trailing=(self.view_button,))
        self.view_button.clicked.connect(self.preview_requested.emit)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet(f"color: {_GREY};")
        self.note.hide()
        self._build()
        self.hide()
        ctx.changed.connect(self._changed)
        ctx.status_changed.connect(self._status_changed)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.badge)
        layout.addWidget(self.note)

    @property
    def root(self) -> Path:
        """Return the content store folder."""
        return blobs_root(self.ctx.settings.data_dir())

    def set_document(self, document: Document | None, *, awaiting: bool = False) -> None:
        """Show the official file of `document`, or 待用印 when `awaiting`."""
        attachment = document.official_pdf if document is not None else None
        if attachment is None or not attachment.sha256:
            self._attachment, self.official, self._checked = None, None, None
            self._cancel()
            self._show_awaiting(awaiting)
            return
        self._attachment = attachment
        self.title.setText(self.tr("正式文件（已签章）"))
        self.title.setToolTip(f"{attachment.name}　{human_size(attachment.size)}")
        self.note.hide()
        self.show()
        if self._checked != attachment.sha256:
            self._buttons(False)
            self.refresh()

    def _show_awaiting(self, awaiting: bool) -> None:
        self.setVisible(awaiting)
        self.title.setText(self.tr("待用印"))
        self.title.setToolTip("")
        self.badge.set_note("")
        self._buttons(False)
        self.note.setText(self.tr("已在本机用印，联网同步后由服务器加盖电子印章，生成正式文件"))
        self.note.setVisible(awaiting)

    def _buttons(self, ready: bool) -> None:
        self.view_button.setVisible(ready)

    def _cancel(self) -> None:
        if self._task is not None and not self._task.done():
            self._task.cancel()
        self._task = None

    def refresh(self) -> None:
        """Read and check the official file again (the trusted roots may have changed)."""
        if self._attachment is None:
            return
        self._cancel()
        self._checked = None
        self.badge.set_checking()
        self._task = self.ctx.spawn(self._load(self._attachment), what=self.tr("验章"))

    async def _load(self, attachment: Attachment) -> None:
        found: Official = await self.ctx.db(load_official, attachment=attachment, root=self.root)
        if not alive(self) or self._attachment != attachment:
            return
        self.official = found
        self._buttons(found.pdf is not None)
        if found.verdict is not None:
            self._checked = attachment.sha256
            self.badge.set_verdict(found.verdict)
            self.note.hide()
            return
        self.badge.set_note(self.tr("正式文件尚未下载，联网后自动获取"))
        self._download(attachment)

    def _download(self, attachment: Attachment) -> None:
        engine = self.ctx.engine
        if engine is None or engine.blobs is None or self._downloading:
            return
        self._downloading = True
        self.ctx.spawn(self._fetch(attachment), what=self.tr("下载正式文件"))

    async def _fetch(self, attachment: Attachment) -> None:
        engine = self.ctx.engine
        assert engine is not None and engine.blobs is not None
        try:
            await engine.blobs.open(attachment)
        except BlobError as error:  # not there for us, or damaged on the way: say so
            if alive(self) and self._attachment == attachment:
                self.badge.set_note(self.tr("正式文件无法下载：{0}").format(refusal_text(error)))
            return
        except (Offline, ApiError, OSError):
            return  # said already: it comes once online (see _status_changed)
        finally:
            self._downloading = False
        if alive(self) and self._attachment == attachment:
            self.refresh()

    def _changed(self, changes: Changes) -> None:
        # New trusted roots change the verdict of the same bytes.
        if ChangeKind.DIRECTORY in changes.kinds and self._attachment is not None and alive(self):
            self.refresh()

    def _status_changed(self, status: SyncStatus) -> None:
        official = self.official
        if (status.online and official is not None and official.pdf is None
                and self._attachment is not None and alive(self)):
            self._download(self._attachment)
