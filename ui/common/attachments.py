"""Attachments (附件) of a document: add by hash into the local content store, open, remove.

Only the SHA-256 names a file on disk (`<data_dir>/blobs/ab/<sha256>`); the name the person
gave the file lives in the document. The sync engine uploads queued blobs and downloads
missing ones; this pane only shows where each one is.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from officeapp.core.verdict import Verdict
from officeapp.errors import ValidationError
from officeapp.store import LocalStore
from officeapp.workflow import Action, ActionKind, Attachment, Document
from sync.client import actions
from sync.client.blobs import content_path, copy_in
from ui.common.context import AppContext, ChangeKind
from ui.common.forms import ERROR_STYLE
from ui.common.messages import refusal_text
from ui.common.operations import Operation, on_store
from ui.common.qt import (
    QAbstractItemView,
    QCoreApplication,
    QDesktopServices,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    Qt,
    QUrl,
    QVBoxLayout,
    QWidget,
)

MAX_ATTACHMENT_BYTES = 200 * 1024 * 1024
_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')
# Names Windows refuses for a file whatever the extension.
_RESERVED = frozenset({"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
                       *(f"LPT{i}" for i in range(1, 10))})

# What the pane shows for each blob state; "missing" means no usable local copy.
STATE_LABELS: Mapping[str, str] = {
    "queued_upload": "待上传",
    "uploading": "上传中",
    "synced": "已上传",
    "cached": "已下载",
    "queued_download": "未下载",
    "missing": "未下载",
    "none": "无电子文件",
}


def tr(text: str) -> str:
    """Translate a text built outside a widget (lupdate files these under no context)."""
    return QCoreApplication.translate("", text)


def blobs_root(data_dir: Path) -> Path:
    """Return the local content store of attachments."""
    return data_dir / "blobs"


def human_size(size: int) -> str:
    """Return a size as people read it (KB, MB)."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def safe_file_name(name: str) -> str:
    """Return `name` usable as a file name on Windows and Linux (no folders, no devices)."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = _UNSAFE.sub("_", base).strip(" .")
    stem, dot, suffix = cleaned.rpartition(".")
    if not dot:
        stem, suffix = cleaned, ""
    if not stem or stem.split(".")[0].upper() in _RESERVED:
        stem = f"附件_{stem}" if stem else "附件"
    while len(f"{stem}{dot}{suffix}".encode()) > 200 and len(stem) > 1:
        stem = stem[:-1]  # most file systems stop at 255 bytes
    return f"{stem}{dot}{suffix}".encode()[:200].decode(errors="ignore")


def say(line: QLabel, text: str, *, error: bool = False) -> None:
    """Show `text` on a message line (hidden when empty), in red when it went wrong."""
    line.setStyleSheet(ERROR_STYLE if error else "")
    line.setText(text)
    line.setVisible(bool(text))


# --- on the database worker ------------------------------------------------------------------


@dataclass(frozen=True)
class Imported:
    """Files copied into the content store, and the ones refused with the reason."""

    attachments: tuple[Attachment, ...]
    refused: tuple[str, ...]


def _refusal(source: Path) -> str | None:
    """Return why `source` cannot be attached, or None."""
    try:
        size = source.stat().st_size
    except OSError as error:
        return tr("无法读取“{0}”：{1}").format(source.name, error.strerror or error)
    if not source.is_file():
        return tr("“{0}”不是文件").format(source.name)
    if size > MAX_ATTACHMENT_BYTES:
        return tr("“{0}”有{1}，超过了200 MB的附件上限").format(source.name, human_size(size))
    return None


def import_files(store: LocalStore, *, sources: Sequence[Path], root: Path) -> Imported:
    """Copy files into the content store by hash and queue their upload."""
    added: list[Attachment] = []
    refused: list[str] = []
    for source in sources:
        reason = _refusal(source)
        if reason is None:
            try:
                sha256, size = copy_in(source, root)
            except OSError as error:
                reason = tr("无法读取“{0}”：{1}").format(source.name, error.strerror or error)
        if reason is not None:
            refused.append(reason)
            continue
        known = store.get_blob(sha256)
        if known is None or known.state not in ("synced", "cached"):
            store.put_blob(sha256=sha256, size=size, state="queued_upload",
                           local_path=str(content_path(root, sha256)))
        added.append(Attachment(source.name, sha256, size))
    return Imported(tuple(added), tuple(refused))


def _as_field(attachments: Sequence[Attachment]) -> list[dict[str, object]]:
    return [{"name": a.name, "sha256": a.sha256, "size": a.size} for a in attachments]


def edit_attachments(store: LocalStore, *, person_id: str, document_id: str, now: datetime,
                     add: Sequence[Attachment] = (),
                     remove: Sequence[str] = ()) -> Verdict[Document]:
    """Add and remove attachments (by sha256, or by name when there is none) with one edit."""
    document = store.get_document(document_id)
    if document is None:
        raise ValidationError("document.not_found", tr("文件不存在，或您已无权查看该文件"))
    kept = [a for a in document.attachments if (a.sha256 or a.name) not in set(remove)]
    present = {a.sha256 for a in kept if a.sha256}
    new = [a for a in add if a.sha256 not in present]
    action = Action(ActionKind.EDIT, changes={"attachments": _as_field([*kept, *new])})
    return actions.act(store, person_id=person_id, document_id=document_id, action=action,
                       now=now)


def local_copy(store: LocalStore, *, sha256: str, root: Path) -> Path | None:
    """Return the cached file of a blob, or None when it is not on this machine."""
    if not sha256:
        return None
    record = store.get_blob(sha256)
    candidates = [Path(record.local_path)] if record and record.local_path else []
    candidates.append(content_path(root, sha256))
    return next((path for path in candidates if path.is_file()), None)


def export_for_opening(store: LocalStore, *, attachment: Attachment, root: Path) -> Path | None:
    """Copy a cached blob to a private temporary file named like the attachment."""
    cached = local_copy(store, sha256=attachment.sha256, root=root)
    if cached is None:
        return None
    # A fresh private folder: the person's file name may clash with another attachment's.
    folder = Path(tempfile.mkdtemp(prefix="officeapp-"))
    target = folder / safe_file_name(attachment.name)
    shutil.copyfile(cached, target)
    return target


def blob_states(store: LocalStore, *, attachments: Sequence[Attachment],
                root: Path) -> dict[str, str]:
    """Return the state of each attachment's blob ("missing" when there is no local copy)."""
    states: dict[str, str] = {}
    for attachment in attachments:
        if not attachment.sha256:
            continue
        record = store.get_blob(attachment.sha256)
        cached = local_copy(store, sha256=attachment.sha256, root=root)
        states[attachment.sha256] = record.state if record and cached else "missing"
    return states


# --- the pane --------------------------------------------------------------------------------


def open_with_system(path: Path) -> bool:
    """Open a file with the program the desktop associates with it."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class AttachmentsPanel(QWidget):
    """The attachment list of one document, with add (also by drag and drop), open, remove."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.opener: Callable[[Path], bool] = open_with_system  # tests put a recorder here
        self._document: Document | None = None
        self._editable = False
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.add_button = QPushButton(self.tr("添加附件…"))
        self.open_button = QPushButton(self.tr("打开"))
        self.remove_button = QPushButton(self.tr("移除"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.hint = QLabel(self.tr("可将文件拖放到本窗格添加附件（单个不超过200 MB）"))
        self.hint.setStyleSheet("color: palette(placeholder-text);")
        self.hint.setWordWrap(True)
        self._build()
        self.add_button.clicked.connect(self.choose_files)
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.list.itemDoubleClicked.connect(lambda _item: self.open_selected())
        self.list.itemSelectionChanged.connect(self._update_buttons)

    def _build(self) -> None:
        buttons = QHBoxLayout()
        for button in (self.add_button, self.open_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.hint)
        layout.addWidget(self.message)

    @property
    def root(self) -> Path:
        """Return the content store folder."""
        return blobs_root(self.ctx.settings.data_dir())

    def set_document(self, document: Document | None, *, editable: bool,
                     states: Mapping[str, str]) -> None:
        """Show the attachments of `document`; `editable` when the rules allow editing now."""
        if document is None or self._document is None or document.id != self._document.id:
            self.message.clear()
        self._document, self._editable = document, editable
        self.list.clear()
        for attachment in document.attachments if document else ():
            state = states.get(attachment.sha256, "missing") if attachment.sha256 else "none"
            text = f"{attachment.name}    {human_size(attachment.size)}    " \
                   f"{self.tr(STATE_LABELS.get(state, state))}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, attachment)
            item.setToolTip(f"SHA-256: {attachment.sha256}" if attachment.sha256 else "")
            self.list.addItem(item)
        self.hint.setVisible(editable)
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self._selected() is not None
        self.add_button.setEnabled(self._editable)
        self.remove_button.setEnabled(self._editable and chosen)
        self.open_button.setEnabled(chosen)

    def _selected(self) -> Attachment | None:
        items = self.list.selectedItems()
        value = items[0].data(Qt.ItemDataRole.UserRole) if items else None
        return value if isinstance(value, Attachment) else None

    def editable(self) -> bool:
        """Return whether attachments may be changed now."""
        return self._editable

    def show_message(self, text: str, *, error: bool = False) -> None:
        """Say what happened, in red when it went wrong."""
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)

    # --- adding ------------------------------------------------------------------------------

    def choose_files(self) -> None:
        """Ask for files and add them."""
        paths, _filter = QFileDialog.getOpenFileNames(self, self.tr("添加附件"))
        if paths:
            self.add_files([Path(p) for p in paths])

    def add_files(self, paths: Sequence[Path]) -> None:
        """Add files to the document (copied by hash, then one edit action)."""
        if self._document is None:
            return
        if not self._editable:
            self.show_message(self.tr("当前环节不能修改附件"), error=True)
            return
        self.show_message(self.tr("正在添加附件…"))
        self.ctx.spawn(self._add(self._document.id, list(paths)), what=self.tr("添加附件"))

    async def _add(self, document_id: str, paths: list[Path]) -> None:
        imported: Imported = await self.ctx.db(import_files, sources=paths, root=self.root)
        problems = list(imported.refused)
        if imported.attachments:
            problems += await self._edit(document_id, add=imported.attachments)
        if problems:
            self.show_message("\n".join(problems), error=True)
        else:
            self.show_message(self.tr("已添加{0}个附件，联网后自动上传").format(
                len(imported.attachments)))

    async def _edit(self, document_id: str, *, add: Sequence[Attachment] = (),
                    remove: Sequence[str] = ()) -> list[str]:
        """Write the edit; return what went wrong, for people."""
        problems: list[str] = []
        await (Operation(self, self.ctx, what=self.tr("修改附件"), action=on_store(
            self.ctx, edit_attachments, person_id=self.ctx.person_id, document_id=document_id,
            add=add, remove=remove))
            .changes(ChangeKind.DOCUMENT, ids={ChangeKind.DOCUMENT: (document_id,)})
            .refused(lambda refusal: problems.append(refusal_text(refusal)))
            .run())
        return problems

    # --- opening and removing ----------------------------------------------------------------

    def open_selected(self) -> None:
        """Open the chosen attachment with the desktop's program."""
        attachment = self._selected()
        if attachment is not None:
            self.ctx.spawn(self._open(attachment), what=self.tr("打开附件"))

    async def _open(self, attachment: Attachment) -> None:
        if not attachment.sha256:
            self.show_message(self.tr("“{0}”只有名称，没有电子文件").format(attachment.name),
                              error=True)
            return
        path = await self.ctx.db(export_for_opening, attachment=attachment, root=self.root)
        if path is None:
            self.show_message(self.tr("“{0}”未下载：联网同步后即可打开").format(attachment.name),
                              error=True)
            return
        if not self.opener(path):
            self.show_message(self.tr("没有可以打开“{0}”的程序").format(attachment.name),
                              error=True)

    def remove_selected(self) -> None:
        """Remove the chosen attachment from the document (the trace keeps the edit)."""
        attachment = self._selected()
        if attachment is None or self._document is None:
            return
        self.ctx.spawn(self._remove(self._document.id, attachment), what=self.tr("移除附件"))

    async def _remove(self, document_id: str, attachment: Attachment) -> None:
        problems = await self._edit(document_id, remove=[attachment.sha256 or attachment.name])
        if problems:
            self.show_message("\n".join(problems), error=True)
        else:
            self.show_message(self.tr("已移除“{0}”").format(attachment.name))
