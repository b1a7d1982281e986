"""Preview, print and save the PDF of a document: the 公文 itself and its 稿纸 / 处理笺."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from officeapp.documents import Direction
from officeapp.errors import DomainError
from officeapp.org import Organisation
from officeapp.render import render_document_ofd, render_document_pdf, render_sheet_pdf
from officeapp.seals import SealVerdict, seal_image_of
from officeapp.store import LocalStore
from officeapp.workflow import Document
from ui.common import times
from ui.common.attachments import blobs_root, safe_file_name
from ui.common.context import AppContext
from ui.common.fit import open_size
from ui.common.forms import close_buttons
from ui.common.messages import refusal_text
from ui.common.qt import (
    QBuffer,
    QByteArray,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QIODevice,
    QLabel,
    QPageSize,
    QPainter,
    QPdfDocument,
    QPdfView,
    QPrintDialog,
    QPrinter,
    QPushButton,
    QRect,
    QSize,
    QStandardPaths,
    Qt,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.common.seal_check import SealBadge, load_official, tr
from ui.common.values import qualified

log = logging.getLogger(__name__)

# Rasterising at the printer's 1200 dpi would take half a gigabyte per A4 page; 300 dpi is
# what office printers resolve for text anyway.
PRINT_DPI = 300
_POINTS_PER_INCH = 72


@dataclass(frozen=True)
class Rendered:
    """One PDF of the preview (`kind`: official, document, drafting_sheet or
    processing_sheet); the signed official file comes with its 验章 verdict."""

    kind: str
    pdf: bytes = b""
    error: str = ""
    verdict: SealVerdict | None = None
    # Makes the same print as OFD (GB/T 33190-2016) on the database worker, where it has one.
    ofd: Callable[[LocalStore], bytes] | None = None


def _attempt(kind: str, render: Callable[[], bytes]) -> Rendered:
    try:
        return Rendered(kind, pdf=render())
    except DomainError as error:  # FontNotFoundError and bad input carry a Chinese message
        return Rendered(kind, error=refusal_text(error))
    except Exception as error:  # a rendering bug must not take the client down
        log.exception("PDF rendering failed")
        return Rendered(kind, error=f"生成PDF失败：{error}")


def _official(store: LocalStore, document: Document, root: Path | None) -> list[Rendered]:
    """Return the signed official file as it is (never re-rendered here), if it has one."""
    if document.official_pdf is None or root is None:
        return []
    official = load_official(store, attachment=document.official_pdf, root=root)
    if official.pdf is None:
        return [Rendered("official", error=tr("正式文件尚未下载，联网后自动获取"))]
    return [Rendered("official", pdf=official.pdf, verdict=official.verdict)]


def _official_ofd(document: Document, org: Organisation, pdf: bytes,
                  today: date) -> Callable[[LocalStore], bytes]:
    """Return the OFD maker of a signed 公文: its layout, with the seal of the signed file."""
    return lambda _store: render_document_ofd(document, org, today=today,
                                              seal_image=seal_image_of(pdf))


def render_for_preview(store: LocalStore, *, document_id: str, org: Organisation,
                       today: date, root: Path | None = None) -> tuple[str, list[Rendered]]:
    """Return the title and the PDFs of a document (runs on the worker); `root` is the
    content store holding the signed official file."""
    document = store.get_document(document_id)
    if document is None:
        return "", [Rendered("document", error="文件不存在，或您已无权查看该文件")]
    found = _official(store, document, root)
    signed = any(r.pdf for r in found)
    if signed:
        found = [replace(r, ofd=_official_ofd(document, org, r.pdf, today)) for r in found]
    if document.direction is Direction.OUTGOING and not signed:
        found.append(replace(
            _attempt("document", lambda: render_document_pdf(document, org, today=today)),
            ofd=lambda _store: render_document_ofd(document, org, today=today)))
    if document.direction is Direction.OUTGOING:
        found.append(_attempt("drafting_sheet", lambda: render_sheet_pdf(document, org)))
    else:
        found.append(_attempt("processing_sheet", lambda: render_sheet_pdf(document, org)))
    return document.title, found


class _PdfPage(QWidget):
    """One tab: a PDF view, or the reason there is none."""

    def __init__(self, rendered: Rendered, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rendered = rendered
        self.pdf: QPdfDocument | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.badge: SealBadge | None = None
        if rendered.verdict is not None:
            self.badge = SealBadge(compact=True)
            self.badge.set_verdict(rendered.verdict)
            layout.addWidget(self.badge)
        if rendered.error:
            message = QLabel(rendered.error)
            message.setWordWrap(True)
            message.setAlignment(Qt.AlignmentFlag.AlignCenter)
            message.setStyleSheet("color: #c0392b; padding: 24px;")
            message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(message)
            return
        # QPdfDocument reads from the device for as long as it is open: keep the buffer.
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(rendered.pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.pdf = QPdfDocument(self)
        self.pdf.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.pdf)
        layout.addWidget(self.view)


class PdfPreviewDialog(QDialog):
    """Shows the PDFs of a document in tabs, with 打印 and 另存为PDF."""

    rendered = Signal()  # the PDFs (or their errors) are shown

    def __init__(self, ctx: AppContext, document_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.document_id = document_id
        self._title = ""
        self._print_dialog: QPrintDialog | None = None
        self.setWindowTitle(self.tr("预览"))
        open_size(self, QSize(820, 960))  # a page's height where the screen has it
        self.tabs = QTabWidget()
        self.status = QLabel(self.tr("正在生成PDF…"))
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.print_button = QPushButton(self.tr("打印…"))
        self.save_button = QPushButton(self.tr("另存为PDF…"))
        self.save_ofd_button = QPushButton(self.tr("另存为OFD…"))
        self.save_ofd_button.setToolTip(self.tr("按 GB/T 33190 版式文件格式保存，版式与PDF相同"))
        buttons = close_buttons(self)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_ofd_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.print_button.clicked.connect(self.choose_printer)
        self.save_button.clicked.connect(self.choose_file)
        self.save_ofd_button.clicked.connect(self.choose_ofd_file)
        self.tabs.currentChanged.connect(lambda _index: self._update_buttons())
        self._update_buttons()
        ctx.spawn(self._render(), what=self.tr("生成PDF"))

    async def _render(self) -> None:
        org = await self.ctx.organisation()
        today = times.today(self.ctx.now())
        self._title, pages = await self.ctx.db(render_for_preview, document_id=self.document_id,
                                               org=org, today=today, root=self.root)
        labels = {"official": self.tr("正式文件（已签章）"), "document": self.tr("公文"),
                  "drafting_sheet": self.tr("发文稿纸"),
                  "processing_sheet": self.tr("收文处理笺")}
        for page in pages:
            self.tabs.addTab(_PdfPage(page), labels[page.kind])
        self.status.hide()
        if self._title:
            self.setWindowTitle(self.tr("预览：{0}").format(self._title))
        self._update_buttons()
        self.rendered.emit()

    @property
    def root(self) -> Path:
        """Return the content store folder (the signed official file is there)."""
        return blobs_root(self.ctx.settings.data_dir())

    def pages(self) -> list[_PdfPage]:
        """Return the tabs, in order."""
        return [w for i in range(self.tabs.count()) if isinstance(w := self.tabs.widget(i),
                                                                  _PdfPage)]

    def pdf_documents(self) -> list[QPdfDocument]:
        """Return the loaded PDFs (the tabs that rendered)."""
        return [page.pdf for page in self.pages() if page.pdf is not None]

    def _current(self) -> _PdfPage | None:
        page = self.tabs.currentWidget()
        return page if isinstance(page, _PdfPage) and page.pdf is not None else None

    def _update_buttons(self) -> None:
        current = self._current()
        ready = current is not None
        self.print_button.setEnabled(ready)
        self.save_button.setEnabled(ready)
        self.save_ofd_button.setVisible(any(p.rendered.ofd is not None for p in self.pages()))
        self.save_ofd_button.setEnabled(current is not None and current.rendered.ofd is not None)

    # --- save --------------------------------------------------------------------------------

    def choose_file(self) -> None:
        """Ask where to save the PDF of the current tab."""
        page = self._current()
        if page is None:
            return
        path = self._ask_path(page, "pdf", self.tr("另存为PDF"), self.tr("PDF 文件 (*.pdf)"))
        if path is not None:
            self.save_pdf(path)

    def choose_ofd_file(self) -> None:
        """Ask where to save the current tab as OFD."""
        page = self._current()
        if page is None or page.rendered.ofd is None:
            return
        path = self._ask_path(page, "ofd", self.tr("另存为OFD"), self.tr("OFD 文件 (*.ofd)"))
        if path is not None:
            self.ctx.spawn(self.save_ofd(path), what=self.tr("生成OFD"))

    def _ask_path(self, page: _PdfPage, extension: str, caption: str,
                  file_filter: str) -> Path | None:
        """Ask where to save `page`, suggesting its name in the Documents folder."""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = Path(folder) / safe_file_name(f"{self._title or '公文'}"
                                                  f"{self._suffix(page)}.{extension}")
        path, _filter = QFileDialog.getSaveFileName(self, caption, str(suggested), file_filter)
        return Path(path) if path else None

    async def save_ofd(self, path: Path) -> bool:
        """Make the current tab's OFD (on the worker) and write it to `path`."""
        page = self._current()
        if page is None or page.rendered.ofd is None:
            return False
        make = page.rendered.ofd
        try:
            data = await self.ctx.db(make)
            await asyncio.to_thread(path.write_bytes, data)
        except DomainError as error:
            self._problem(refusal_text(error))
            return False
        except OSError as error:
            self._problem(self.tr("无法保存：{0}").format(error.strerror or error))
            return False
        return True

    def _problem(self, text: str) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #c0392b;")
        self.status.show()

    def _suffix(self, page: _PdfPage) -> str:
        label = self.tabs.tabText(self.tabs.indexOf(page))
        return "" if page.rendered.kind in ("document", "official") else qualified("", label)

    def save_pdf(self, path: Path) -> None:
        """Write the PDF of the current tab to `path`."""
        page = self._current()
        if page is None:
            return
        try:
            path.write_bytes(page.rendered.pdf)
        except OSError as error:
            self._problem(self.tr("无法保存：{0}").format(error.strerror or error))

    # --- print -------------------------------------------------------------------------------

    def choose_printer(self) -> None:
        """Ask for a printer and pages, then print the current tab."""
        page = self._current()
        if page is None or page.pdf is None:
            return
        printer = new_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, page.pdf.pageCount())
        dialog.accepted.connect(
            lambda: self.ctx.spawn(self.print_to(printer), what=self.tr("打印")))
        self._print_dialog = dialog  # keep both alive while the dialog is open
        QDialog.open(dialog)  # QPrintDialog hides the plain open() behind open(receiver, slot)

    async def print_to(self, printer: QPrinter) -> int:
        """Print the current tab's pages to `printer`; return how many were printed."""
        page = self._current()
        if page is None or page.pdf is None:
            return 0
        return await print_pdf(page.pdf, printer)


def new_printer() -> QPrinter:
    """Return a printer set up for A4 with the PDF's own margins (GB/T 9704 sets them)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setFullPage(True)
    return printer


async def print_pdf(pdf: QPdfDocument, printer: QPrinter) -> int:
    """Draw the chosen pages of `pdf` on `printer`, one page per turn of the event loop."""
    first = max(printer.fromPage(), 1) - 1
    last = (printer.toPage() or pdf.pageCount()) - 1
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("打印机无法开始打印")
    try:
        for index in range(first, last + 1):
            if index > first:
                printer.newPage()
            _draw_page(pdf, index, painter, printer)
            await asyncio.sleep(0)  # keep the window responsive between pages
    finally:
        painter.end()
    return last - first + 1


def _draw_page(pdf: QPdfDocument, index: int, painter: QPainter, printer: QPrinter) -> None:
    points = pdf.pagePointSize(index)
    target = printer.pageLayout().fullRectPixels(printer.resolution())
    scale = min(target.width() / points.width(), target.height() / points.height())
    width, height = int(points.width() * scale), int(points.height() * scale)
    dpi = min(PRINT_DPI, printer.resolution())
    image = pdf.render(index, QSize(int(points.width() * dpi / _POINTS_PER_INCH),
                                    int(points.height() * dpi / _POINTS_PER_INCH)))
    painter.drawImage(QRect(target.x() + (target.width() - width) // 2,
                            target.y() + (target.height() - height) // 2, width, height), image)
