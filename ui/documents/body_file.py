"""正文 as a Word/WPS file: upload it, open it in the local office suite, and keep every saved
version (正文历史版本).

"用本机办公软件打开" copies the current version into a working folder of the document
(`<data_dir>/working/<document id>/`) and opens it with the desktop's program. A file watcher
notices when the office suite saves it (debounced; lock and temporary files such as
`~$正文.docx` or `.~lock.正文.docx#` are ignored) and records the saved file as the next
version: copied into the content store, queued for upload, and an EDIT queued that names it
(offline too). The 正文 text the 套红 PDF is made from changes only when the person accepts
the text read from a .docx, shown as a comparison first.
"""

from __future__ import annotations

import shutil
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from officeapp.bodytext import docx_text, text_diff
from officeapp.core.verdict import Accepted, Verdict
from officeapp.errors import DomainError
from officeapp.store import LocalStore
from officeapp.workflow import Action, ActionKind, Attachment, Document
from officeapp.workflow.body import (
    BODY_SUFFIXES,
    has_readable_text,
    is_body_file_name,
    parallel,
)
from officeapp.workflow.model import BodyVersion
from sync.client import actions
from sync.client.blobs import BlobError, file_digest
from ui.common.attachments import (
    blobs_root,
    export_for_opening,
    human_size,
    import_files,
    local_copy,
    open_with_system,
    safe_file_name,
    say,
    tr,
)
from ui.common.context import AppContext, ChangeKind
from ui.common.fit import FlowLayout
from ui.common.messages import refusal_text
from ui.common.operations import Operation, on_store
from ui.common.qt import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFileSystemWatcher,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    Qt,
    QTimer,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
    alive,
)
from ui.common.times import moment_text

# How long the working file must stay quiet before a save counts: office suites write a
# file in several steps (a temporary file, a rename, the lock file going away).
SETTLE_MS = 1500


def working_folder(data_dir: Path, document_id: str) -> Path:
    """Return the folder where the 正文 of one document is edited in the office suite."""
    return data_dir / "working" / safe_file_name(document_id)


def is_scratch_file(name: str) -> bool:
    """Return whether a file is an office suite's lock or temporary file, not a 正文."""
    return (name.startswith(("~$", ".~lock", "~WRL", ".~", "#")) or name.endswith(("~", "#"))
            or name.lower().endswith((".tmp", ".wbk", ".bak")))


def file_filter() -> str:
    """Return the file dialog's filter of 正文 files."""
    patterns = " ".join(f"*{s}" for s in BODY_SUFFIXES)
    return tr("正文文件 ({0})").format(patterns)


def ask_body_file(parent: QWidget) -> Path | None:
    """Ask for a 正文 file (Word/WPS); None when the person cancels."""
    path, _filter = QFileDialog.getOpenFileName(parent, tr("上传正文文件"), "", file_filter())
    return Path(path) if path else None


# --- on the database worker ------------------------------------------------------------------


@dataclass(frozen=True)
class Saved:
    """A file brought into the content store as a 正文 version, or why it was not."""

    file: Attachment | None
    problem: str = ""


def import_body_file(store: LocalStore, *, source: Path, root: Path) -> Saved:
    """Copy a 正文 file into the content store and queue its upload (as attachments are)."""
    if not is_body_file_name(source.name):
        return Saved(None, tr("“{0}”不是正文文件：只能是{1}").format(
            source.name, "、".join(BODY_SUFFIXES)))
    imported = import_files(store, sources=[source], root=root)
    if imported.refused:
        return Saved(None, imported.refused[0])
    found = imported.attachments[0]
    if found.size == 0:
        return Saved(None, tr("“{0}”是空文件").format(source.name))
    return Saved(found)


def record_version(store: LocalStore, *, person_id: str, document_id: str, file: Attachment,
                   based_on: int, now: datetime) -> Verdict[Document]:
    """Queue the EDIT that adds `file` as the next 正文 version."""
    change = {"name": file.name, "sha256": file.sha256, "size": file.size,
              "based_on": based_on}
    return actions.act(store, person_id=person_id, document_id=document_id,
                       action=Action(ActionKind.EDIT, changes={"body_file": change}), now=now)


def update_body_text(store: LocalStore, *, person_id: str, document_id: str, text: str,
                     now: datetime) -> Verdict[Document]:
    """Queue the EDIT that sets the 正文 text (what the GB/T 9704 PDF is made from)."""
    return actions.act(store, person_id=person_id, document_id=document_id,
                       action=Action(ActionKind.EDIT, changes={"body": text}), now=now)


def check_out(store: LocalStore, *, file: Attachment, root: Path, folder: Path,
              known: frozenset[str]) -> Path | None:
    """Copy a version into the working folder (None when it is not on this machine).

    A working file whose content is none of the `known` versions was saved by the suite but
    never recorded (the client was closed): it is kept, and recorded as the next version.
    """
    cached = local_copy(store, sha256=file.sha256, root=root)
    if cached is None:
        return None
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / safe_file_name(file.name)
    if not target.exists() or file_digest(target)[0] in known:
        shutil.copyfile(cached, target)
    return target


def saved_text(path: Path) -> str | None:
    """Return the text of a saved .docx; None for formats whose text cannot be read."""
    return docx_text(path) if has_readable_text(path.name) else None


def versions_states(store: LocalStore, *, versions: Sequence[BodyVersion],
                    root: Path) -> dict[str, bool]:
    """Return whether each version's file is on this machine, by sha256."""
    return {v.file.sha256: local_copy(store, sha256=v.file.sha256, root=root) is not None
            for v in versions}


# --- the comparison shown before the 正文 text changes ---------------------------------------


class BodyTextDialog(QDialog):
    """Shows the text read from a saved .docx beside the 正文 text now, and asks."""

    chosen = Signal(str)  # the new text, when the person accepts it

    def __init__(self, *, current: str, new: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("更新正文文字"))
        self.new_text = new
        lines = text_diff(current, new)
        intro = QLabel(self.tr("保存的正文文件中的文字与当前正文文字不同。套红PDF按正文文字生成，"
                               "是否用文件中的文字更新正文文字？"))
        intro.setWordWrap(True)
        self.diff = QPlainTextEdit("\n".join(lines) if lines else new)
        self.diff.setReadOnly(True)
        legend = QLabel(self.tr("“-”为删去的段落，“+”为新增的段落"))
        legend.setStyleSheet("color: palette(placeholder-text);")
        buttons = QDialogButtonBox()
        self.accept_button = buttons.addButton(self.tr("更新正文文字"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.keep_button = buttons.addButton(self.tr("暂不更新"),
                                             QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.diff, 1)
        layout.addWidget(legend)
        layout.addWidget(buttons)
        self.resize(640, 420)
        self.accepted.connect(lambda: self.chosen.emit(self.new_text))


# --- the pane --------------------------------------------------------------------------------


class BodyFilePanel(QWidget):
    """The 正文 file of one document: upload, open in the office suite, the versions."""

    version_recorded = Signal(int)  # the number the new version got here

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.opener: Callable[[Path], bool] = open_with_system  # tests put a recorder here
        self.settle_ms = SETTLE_MS
        self._document: Document | None = None
        self._editable = False
        self.text_dialog: BodyTextDialog | None = None
        # The file in the office suite: its path, the version it came from, what was saved.
        self._working: Path | None = None
        self._working_doc = ""
        self._base = 0
        self._known_sha = ""
        self._checking = False
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._touched)
        self.watcher.directoryChanged.connect(self._touched)
        self.settle = QTimer(self)
        self.settle.setSingleShot(True)
        self.settle.timeout.connect(self._check_saved)
        self._build()

    def _build(self) -> None:
        self.current = QLabel()
        self.current.setWordWrap(True)
        self.upload_button = QPushButton(self.tr("上传正文文件…"))
        self.office_button = QPushButton(self.tr("用本机办公软件打开"))
        self.upload_button.clicked.connect(self.choose_file)
        self.office_button.clicked.connect(self.open_in_office)
        self.versions = QTreeWidget()
        self.versions.setRootIsDecorated(False)
        self.versions.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.versions.setHeaderLabels([self.tr("版本"), self.tr("保存人"), self.tr("保存时间"),
                                       self.tr("大小"), self.tr("文件名")])
        self.versions.itemDoubleClicked.connect(lambda *_: self.open_selected())
        self.versions.itemSelectionChanged.connect(self._update_buttons)
        self.open_button = QPushButton(self.tr("打开所选版本"))
        self.save_as_button = QPushButton(self.tr("另存为…"))
        self.open_button.clicked.connect(self.open_selected)
        self.save_as_button.clicked.connect(self.save_selected_as)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        # One row of buttons that wraps in a narrow pane: the list keeps the height.
        buttons = FlowLayout()
        for button in (self.upload_button, self.office_button, self.open_button,
                       self.save_as_button):
            buttons.addWidget(button)
        heading = QLabel(self.tr("正文历史版本"))
        heading.setStyleSheet("font-weight: bold;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.current)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(heading)
        layout.addWidget(self.versions, 1)

    @property
    def root(self) -> Path:
        """Return the content store folder."""
        return blobs_root(self.ctx.settings.data_dir())

    # --- showing -----------------------------------------------------------------------------

    def set_document(self, document: Document | None, *, editable: bool) -> None:
        """Show the 正文 file and versions of `document`; `editable` when EDIT is allowed."""
        if document is None or self._document is None or document.id != self._document.id:
            self.show_message("")
        if document is None or document.id != self._working_doc:
            self._stop_watching()
        self._document, self._editable = document, editable
        self._show_current(document)
        self.versions.clear()
        for version in reversed(document.body_versions if document else ()):
            self.versions.addTopLevelItem(self._item(version))
        for column in range(4):
            self.versions.resizeColumnToContents(column)
        self._update_buttons()

    def _show_current(self, document: Document | None) -> None:
        current = document.body_file if document else None
        # With a file, the list's first row is the current version: no line spent on it.
        self.current.setVisible(current is None)
        if document is None or current is None:
            self.current.setText(self.tr("尚无正文文件。可上传Word/WPS文件作为正文，"
                                         "套红PDF仍按正文文字生成。"))

    def _item(self, version: BodyVersion) -> QTreeWidgetItem:
        number = self.tr("第{0}版").format(version.number)
        if self._document is not None and version.number == len(self._document.body_versions):
            number += self.tr("（当前）")
        if parallel(version):
            number += self.tr("（基于第{0}版）").format(version.based_on)
        item = QTreeWidgetItem([number, version.saved_by_name or version.saved_by,
                                moment_text(version.saved_at), human_size(version.file.size),
                                version.file.name])
        item.setData(0, Qt.ItemDataRole.UserRole, version.number)
        item.setToolTip(4, f"SHA-256: {version.file.sha256}")
        return item

    def _update_buttons(self) -> None:
        has_file = self._document is not None and self._document.body_file is not None
        self.upload_button.setEnabled(self._document is not None and self._editable)
        self.office_button.setEnabled(has_file)
        self.office_button.setToolTip("" if self._editable else self.tr(
            "当前环节不能修改正文：打开的是只读副本，保存的修改不会记为新版本"))
        chosen = self.selected_version() is not None
        self.open_button.setEnabled(chosen)
        self.save_as_button.setEnabled(chosen)

    def selected_version(self) -> BodyVersion | None:
        """Return the version chosen in the list."""
        items = self.versions.selectedItems()
        if not items or self._document is None:
            return None
        number = items[0].data(0, Qt.ItemDataRole.UserRole)
        return next((v for v in self._document.body_versions if v.number == number), None)

    def show_message(self, text: str, *, error: bool = False) -> None:
        """Say what happened, in red when it went wrong."""
        say(self.message, text, error=error)

    # --- uploading ---------------------------------------------------------------------------

    def choose_file(self) -> None:
        """Ask for a 正文 file and record it as the next version."""
        path = ask_body_file(self)
        if path is not None:
            self.upload(path)

    def upload(self, path: Path) -> None:
        """Record a file as the next 正文 version."""
        if self._document is None or not self._editable:
            self.show_message(self.tr("当前环节不能修改正文"), error=True)
            return
        based_on = len(self._document.body_versions)
        self.ctx.spawn(self._record(self._document.id, path, based_on),
                       what=self.tr("上传正文文件"))

    async def _record(self, document_id: str, path: Path, based_on: int) -> int | None:
        """Bring `path` in as a version; return its number here (None when refused)."""
        saved: Saved = await self.ctx.db(import_body_file, source=path, root=self.root)
        if saved.file is None:
            self.show_message(saved.problem, error=True)
            return None
        current = self._document.body_file if self._document else None
        if current is not None and current.sha256 == saved.file.sha256:
            self.show_message(self.tr("“{0}”与当前版本内容相同，未记为新版本").format(path.name))
            return None
        recorded: list[Document] = []
        await (self._operation(document_id, what=self.tr("上传正文文件"), action=on_store(
            self.ctx, record_version, person_id=self.ctx.person_id, document_id=document_id,
            file=saved.file, based_on=based_on))
            .success(lambda decision: recorded.append(decision.record))
            .run())
        if not recorded or not alive(self):
            return None
        document = recorded[0]
        self.set_document(document, editable=self._editable)
        number = len(document.body_versions)
        self.show_message(self.tr("已记为正文第{0}版，联网后自动上传").format(number))
        self.version_recorded.emit(number)
        await self._offer_text(document, path)
        return number

    async def _offer_text(self, document: Document, path: Path) -> None:
        """Offer the text of a saved .docx as the new 正文 text; say what to do otherwise."""
        if not has_readable_text(path.name):
            self.show_message(self.message.text() + "\n" + self.tr(
                "WPS/Word 97格式（.wps/.doc等）的文字无法自动读取：请手动修改正文文字，"
                "或在办公软件中另存为 .docx"))
            return
        try:
            text = await self.ctx.db(lambda _s: saved_text(path))
        except DomainError as error:
            self.show_message(refusal_text(error), error=True)
            return
        if text is None or text.strip() == document.body.strip():
            return
        dialog = BodyTextDialog(current=document.body, new=text, parent=self)
        dialog.chosen.connect(lambda new: self._write_text(document.id, new))
        self.text_dialog = dialog
        dialog.open()

    def _write_text(self, document_id: str, text: str) -> None:
        (self._operation(document_id, what=self.tr("更新正文文字"), action=on_store(
            self.ctx, update_body_text, person_id=self.ctx.person_id, document_id=document_id,
            text=text))
         .success(lambda _decision: self.show_message(self.tr("正文文字已按正文文件更新")))
         .run())

    def _operation(self, document_id: str, *, what: str,
                   action: Callable[[datetime], Awaitable[Verdict[Document]]]
                   ) -> Operation[Accepted[Document]]:
        """A write of this document's 正文; a refusal is said in the panel's message line."""
        return (Operation(self, self.ctx, what=what, action=action)
                .changes(ChangeKind.DOCUMENT, ids={ChangeKind.DOCUMENT: (document_id,)})
                .refused(lambda refusal: self.show_message(refusal_text(refusal), error=True)))

    # --- the office suite --------------------------------------------------------------------

    def open_in_office(self) -> None:
        """Open the current version in the office suite; saves come back as versions."""
        document = self._document
        if document is None or document.body_file is None:
            return
        self.ctx.spawn(self._open_in_office(document), what=self.tr("打开正文文件"))

    async def _available(self, file: Attachment) -> bool:
        """Make sure a version's file is on this machine, downloading it when online."""
        if await self.ctx.db(local_copy, sha256=file.sha256, root=self.root):
            return True
        engine = self.ctx.engine
        if engine is None or engine.blobs is None:
            return False
        try:
            await engine.blobs.open(file)
        except (BlobError, OSError, DomainError) as error:
            self.show_message(getattr(error, "message", str(error)), error=True)
            return False
        return True

    async def _open_in_office(self, document: Document) -> None:
        assert document.body_file is not None
        file = document.body_file
        if not await self._available(file):
            self.show_message(self.tr("正文文件未下载：联网同步后即可打开"), error=True)
            return
        if not self._editable:
            await self._open_copy(file)
            return
        folder = working_folder(self.ctx.settings.data_dir(), document.id)
        known = frozenset(v.file.sha256 for v in document.body_versions)
        path = await self.ctx.db(check_out, file=file, root=self.root, folder=folder,
                                 known=known)
        if path is None:
            self.show_message(self.tr("正文文件未下载：联网同步后即可打开"), error=True)
            return
        self._watch(document, path, file.sha256)
        if not self.opener(path):
            self.show_message(self.tr("没有可以打开“{0}”的程序").format(path.name), error=True)
            return
        self.show_message(self.tr("已用本机办公软件打开。保存后自动记为新版本（工作文件：{0}）")
                          .format(path))
        self._touched()  # a working file saved while the client was closed is recorded now

    def _watch(self, document: Document, path: Path, sha256: str) -> None:
        self._stop_watching()
        self._working, self._working_doc = path, document.id
        self._base, self._known_sha = len(document.body_versions), sha256
        self.watcher.addPath(str(path.parent))
        self.watcher.addPath(str(path))

    def _stop_watching(self) -> None:
        paths = self.watcher.files() + self.watcher.directories()
        if paths:
            self.watcher.removePaths(paths)
        self.settle.stop()
        self._working, self._working_doc = None, ""

    def watching(self) -> Path | None:
        """Return the working file the watcher records saves of."""
        return self._working

    def _touched(self, _path: str = "") -> None:
        """Something changed in the working folder: wait until the suite is done saving."""
        if self._working is not None:
            self.settle.start(self.settle_ms)

    def _check_saved(self) -> None:
        path = self._working
        if path is None:
            return
        if str(path) not in self.watcher.files() and path.exists():
            # Saving by rename replaces the file: watch the new one.
            self.watcher.addPath(str(path))
        if self._checking:
            self.settle.start(self.settle_ms)
            return
        self._checking = True
        self.ctx.spawn(self._record_saved(path), what=self.tr("记录正文新版本"))

    async def _record_saved(self, path: Path) -> None:
        try:
            if not path.exists() or self._locked(path):
                return
            sha256, _size = await self.ctx.db(lambda _s: file_digest(path))
            if sha256 == self._known_sha or path != self._working:
                return
            number = await self._record(self._working_doc, path, self._base)
            if number is not None:
                self._known_sha, self._base = sha256, number
        finally:
            self._checking = False

    @staticmethod
    def _locked(path: Path) -> bool:
        """Return whether the suite is in the middle of a save (only its scratch files
        changed, or the file cannot be read yet)."""
        if is_scratch_file(path.name):
            return True
        try:
            with open(path, "rb"):
                return False
        except OSError:
            return True

    # --- any version -------------------------------------------------------------------------

    def open_selected(self) -> None:
        """Open the chosen version, read-only, with the desktop's program."""
        version = self.selected_version()
        if version is not None:
            self.ctx.spawn(self._open_copy(version.file), what=self.tr("打开正文版本"))

    async def _open_copy(self, file: Attachment) -> None:
        if not await self._available(file):
            self.show_message(self.tr("该版本未下载：联网同步后即可打开"), error=True)
            return
        path = await self.ctx.db(export_for_opening, attachment=file, root=self.root)
        if path is None or not self.opener(path):
            self.show_message(self.tr("没有可以打开“{0}”的程序").format(file.name), error=True)

    def save_selected_as(self) -> None:
        """Save a copy of the chosen version where the person says."""
        version = self.selected_version()
        if version is None:
            return
        target, _filter = QFileDialog.getSaveFileName(self, self.tr("另存正文版本"),
                                                      safe_file_name(version.file.name))
        if target:
            self.ctx.spawn(self.save_version_to(version, Path(target)),
                           what=self.tr("另存正文版本"))

    async def save_version_to(self, version: BodyVersion, target: Path) -> bool:
        """Copy a version's file to `target`; return whether it was written."""
        if not await self._available(version.file):
            self.show_message(self.tr("该版本未下载：联网同步后即可另存"), error=True)
            return False
        cached = await self.ctx.db(local_copy, sha256=version.file.sha256, root=self.root)
        if cached is None:
            return False
        await self.ctx.db(lambda _s: shutil.copyfile(cached, target))
        self.show_message(self.tr("已将第{0}版另存为{1}").format(version.number, target))
        return True
