"""验章 in the client (issue 15 item 3): the badge of every verdict, the trusted roots pulled
into the store, the 验章 dialog on files from disk, the signed official file in the document
pane and its preview, and 待用印 for a 发文 sealed offline."""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Coroutine
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import ofdkit
import pytest
from pypdf import PdfWriter

from officeapp import seals
from officeapp.demo import DEMO_PEOPLE, DEMO_UNITS, FINANCE_ID
from officeapp.org import Organisation
from officeapp.pdf import render_document
from officeapp.render import document_layout
from officeapp.seals import SealStatus
from officeapp.store import LocalStore, PulledChange, PullPage
from officeapp.workflow import ActionKind, Attachment, create_outgoing
from officeapp.workflow.codec import document_to_dict
from sync.client.api import Offline
from sync.client.blobs import content_path, copy_in, file_digest
from sync.client.engine import SyncStatus
from tests.ui.doc_fixtures import DocEnv, doc_env, doc_idle, doc_loop
from ui.common.attachments import blobs_root
from ui.common.pdf_preview import PdfPreviewDialog
from ui.common.qt import QDropEvent, QMimeData, QPointF, Qt, QUrl
from ui.common.seal_check import SealBadge, SealCheckDialog, awaiting_seal
from ui.documents.document_view import DocumentView
from ui.inbox_model import InboxModel, line_cell

__all__ = ["doc_env", "doc_idle", "doc_loop"]  # fixtures used by the tests below
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen says so on show()

SIGNED_AT = datetime(2026, 12, 7, 1, 35, tzinfo=UTC)  # 09:35 in Beijing


@dataclass(frozen=True)
class Pdfs:
    """A test organisation's root, a unit's key, and PDFs in every state."""

    ca: seals.SealKey
    other_ca: seals.SealKey
    unsigned: bytes
    signed: bytes
    modified: bytes
    foreign: bytes  # signed by a unit under another root
    encrypted: bytes
    damaged: bytes


def _flip(data: bytes, at: int) -> bytes:
    changed = bytearray(data)
    changed[at] ^= 0x01
    return bytes(changed)


def _encrypted() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.encrypt("secret", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def pdfs() -> Pdfs:
    """Sign a rendered 公文 once for the module (rendering takes most of a second)."""
    org = Organisation(DEMO_UNITS, DEMO_PEOPLE)
    document = create_outgoing(
        document_id="d-seal", actor=org.actor("p-office.clerk", SIGNED_AT),
        fields={"doc_type": "通知", "title": "关于做好防汛工作的通知",
                "main_recipients": [FINANCE_ID], "body": "各单位：\n\n请做好防汛工作。"},
        now=SIGNED_AT)
    # As the server renders it at 用印: with the unit's seal pressed on 署名 and date.
    unsigned = render_document(replace(document_layout(document, org, today=date(2026, 12, 7)),
                                       seal_image=seals.draw_seal_image("萍乡市人民政府办公室")))
    ca = seals.create_org_ca("萍乡市", now=SIGNED_AT)
    unit = seals.issue_unit_certificate(ca, "萍乡市人民政府办公室", "u-office", now=SIGNED_AT)
    other_ca = seals.create_org_ca("外市", now=SIGNED_AT)
    other = seals.issue_unit_certificate(other_ca, "外市人民政府办公室", "u-x", now=SIGNED_AT)
    signed = seals.sign_pdf(unsigned, unit, signed_at=SIGNED_AT)
    return Pdfs(ca, other_ca, unsigned, signed, _flip(signed, len(unsigned) // 2),
                seals.sign_pdf(unsigned, other, signed_at=SIGNED_AT), _encrypted(),
                os.urandom(4096))


def _trust(store: LocalStore, key: seals.SealKey, *, op: str = "put") -> None:
    """Pull a trusted root into the store, as the server sends it."""
    root_id = seals.certificate_fingerprint(key.cert_pem)
    data = {"id": root_id, "name": key.subject, "pem": key.cert_pem.decode()}
    page = PullPage(cursor=store.get_cursor() + 1, last_mutation_id=0,
                    changes=[PulledChange("trust_root", root_id, op,
                                          data if op == "put" else None)])
    store.apply_pull(page)


# --- the badge -------------------------------------------------------------------------------

CASES = {
    "valid": ("signed", True, SealStatus.VALID, "印章有效"),
    "untrusted": ("foreign", True, SealStatus.UNTRUSTED, "签章者不在可信根"),
    "modified": ("modified", True, SealStatus.MODIFIED, "已被修改"),
    "unsigned": ("unsigned", True, SealStatus.UNSIGNED, "未签章"),
    "encrypted": ("encrypted", True, SealStatus.ENCRYPTED, "已加密"),
    "damaged": ("damaged", True, SealStatus.DAMAGED, "文件损坏"),
    "no roots": ("signed", False, SealStatus.UNTRUSTED, "签章者不在可信根"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_the_badge_shows_each_verdict(qtbot: object, pdfs: Pdfs, case: str) -> None:
    which, with_root, status, headline = CASES[case]
    verdict = seals.verify_pdf(getattr(pdfs, which), [pdfs.ca.cert_pem] if with_root else [])
    assert verdict.status is status
    badge = SealBadge()
    badge.set_verdict(verdict)
    assert badge.status() is status
    assert headline in badge.headline.text()
    details = badge.details.text()
    assert badge.toggle.isChecked()  # not compact: the details show at once
    if status in (SealStatus.VALID, SealStatus.UNTRUSTED, SealStatus.MODIFIED):
        assert "签章时间：2026-12-07 09:35（北京时间）" in details
        assert ("萍乡市人民政府办公室" if which != "foreign" else "外市人民政府办公室") in details
        assert ("✓ 签章后未被修改" in details) is (status is not SealStatus.MODIFIED)
        assert ("✓ 证书链至本单位体系的可信根" in details) is (status is SealStatus.VALID)
    else:
        assert "签章时间" not in details
    colour = {SealStatus.VALID: "#1e7b34", SealStatus.UNTRUSTED: "#9a6700",
              SealStatus.UNSIGNED: "#6b6b6b"}.get(status, "#c0392b")
    assert colour in badge.headline.styleSheet()


def test_a_compact_badge_keeps_its_details_behind_the_toggle(qtbot: object, pdfs: Pdfs) -> None:
    badge = SealBadge(compact=True)
    badge.set_verdict(seals.verify_pdf(pdfs.signed, [pdfs.ca.cert_pem]))
    assert not badge.toggle.isChecked() and badge.details.isHidden()
    badge.toggle.click()
    assert not badge.details.isHidden()


# --- the 验章 dialog and the trusted roots of the store ----------------------------------


def _dialog(env: DocEnv) -> SealCheckDialog:
    dialog = SealCheckDialog(env.ctx("office.clerk"))
    env.keep(dialog)
    dialog.show()
    return dialog


def _check(env: DocEnv, dialog: SealCheckDialog, path: Path) -> None:
    dialog.result_of = None
    dialog.check_path(path)
    env.until(lambda: dialog.result_of is not None, what="the check to end")


def test_the_dialog_uses_the_roots_pulled_into_the_store(doc_env: DocEnv, pdfs: Pdfs) -> None:
    path = doc_env.tmp_path / "收到的正式文件.pdf"
    path.write_bytes(pdfs.signed)
    dialog = _dialog(doc_env)
    _check(doc_env, dialog, path)
    assert dialog.badge.status() is SealStatus.UNTRUSTED  # no root in the store yet
    doc_env.worker.call(_trust, doc_env.store, pdfs.ca)
    _check(doc_env, dialog, path)
    assert dialog.badge.status() is SealStatus.VALID
    assert "萍乡市人民政府办公室" in dialog.badge.details.text()
    assert "收到的正式文件.pdf" in dialog.file_label.text()
    doc_env.worker.call(_trust, doc_env.store, pdfs.ca, op="revoke")
    _check(doc_env, dialog, path)
    assert dialog.badge.status() is SealStatus.UNTRUSTED


def test_the_dialog_says_why_a_file_cannot_be_checked(doc_env: DocEnv, pdfs: Pdfs,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = _dialog(doc_env)
    _check(doc_env, dialog, doc_env.tmp_path / "不存在.pdf")
    assert "无法读取“不存在.pdf”" in dialog.problem.text()
    assert dialog.badge.isHidden()
    folder = doc_env.tmp_path / "文件夹.pdf"
    folder.mkdir()
    _check(doc_env, dialog, folder)
    assert "不是文件" in dialog.problem.text()
    random = doc_env.tmp_path / "random.pdf"
    random.write_bytes(pdfs.damaged)
    _check(doc_env, dialog, random)
    assert dialog.problem.isHidden() and dialog.badge.status() is SealStatus.DAMAGED
    monkeypatch.setattr("ui.common.seal_check.MAX_PDF_BYTES", 1000)
    _check(doc_env, dialog, random)
    assert "超过了200 MB的验章上限" in dialog.problem.text()


def test_a_pdf_dropped_on_the_dialog_is_checked(doc_env: DocEnv, pdfs: Pdfs) -> None:
    doc_env.worker.call(_trust, doc_env.store, pdfs.ca)
    path = doc_env.tmp_path / "dropped.PDF"
    path.write_bytes(pdfs.modified)
    dialog = _dialog(doc_env)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    dialog.dropEvent(event)
    doc_env.until(lambda: dialog.result_of is not None, what="the dropped file's check")
    assert dialog.badge.status() is SealStatus.MODIFIED


# --- the document pane -----------------------------------------------------------------------


def _walk(env: DocEnv, *, seal: bool) -> str:
    """A notice drafted, reviewed, signed, numbered and (if `seal`) sealed, all offline."""
    doc = env.draft()
    env.act(doc, "office.clerk", ActionKind.APPROVE, opinion="请审核")
    env.act(doc, "office.reviewer", ActionKind.APPROVE, opinion="文字已核，拟同意")
    env.act(doc, "office.leader", ActionKind.APPROVE, opinion="同意印发")
    env.act(doc, "office.clerk", ActionKind.APPROVE)
    if seal:
        env.act(doc, "office.clerk", ActionKind.APPROVE)
    return doc


def _with_official(env: DocEnv, pdfs: Pdfs, *, local: bool, sha256: str = "ab" * 32) -> str:
    """A sealed notice as the server sends it back: numbered, with its signed PDF."""
    doc = _walk(env, seal=True)
    path = env.tmp_path / "signed.pdf"
    path.write_bytes(pdfs.signed)
    root = blobs_root(env.settings.data_dir())
    sha256, size = copy_in(path, root) if local else (sha256, len(pdfs.signed))
    official = Attachment("萍府办发〔2026〕9号.pdf", sha256, size)
    document = replace(env.document(doc), official_pdf=official, doc_number="萍府办发〔2026〕9号")
    store = env.store
    page = PullPage(cursor=1, last_mutation_id=env.worker.call(store.last_mutation_id),
                    changes=[PulledChange("document", doc, "put", document_to_dict(document))])
    env.worker.call(store.apply_pull, page)  # the server took every action and signed it
    if local:
        env.worker.call(lambda: env.store.put_blob(sha256=sha256, size=size, state="cached",
                                                   local_path=str(path)))
    env.worker.call(_trust, env.store, pdfs.ca)
    return doc


def _view(env: DocEnv, document_id: str) -> DocumentView:
    view = DocumentView(env.ctx("office.clerk"))
    env.keep(view)
    view.resize(900, 760)
    view.show()
    view.show_document(document_id)
    env.until(lambda: view.snapshot is not None and view.snapshot.document.id == document_id,
              what="the document to load")
    return view


@pytest.mark.usefixtures("doc_idle")
def test_the_pane_shows_the_verdict_of_the_signed_official_file(doc_env: DocEnv,
                                                                 pdfs: Pdfs) -> None:
    doc = _with_official(doc_env, pdfs, local=True)
    view = _view(doc_env, doc)
    panel = view.official
    doc_env.until(lambda: panel.badge.status() is SealStatus.VALID, what="the verdict")
    assert panel.isVisible() and panel.title.text() == "正式文件（已签章）"
    assert "印章有效" in panel.badge.headline.text()
    assert panel.badge.details.isHidden()  # compact in the pane, 详情 opens it
    assert panel.view_button.isVisible()
    assert "待用印" not in view.meta.text()
    shown: list[object] = []
    panel.preview_requested.connect(lambda: shown.append(True))
    panel.view_button.click()
    assert shown  # 查看 opens the preview (the next test)
    assert view.dialog is not None  # the pane opened it
    view.dialog.close()


@pytest.mark.usefixtures("doc_idle")
def test_the_preview_shows_the_signed_file_with_its_badge(doc_env: DocEnv, pdfs: Pdfs) -> None:
    doc = _with_official(doc_env, pdfs, local=True)
    dialog = PdfPreviewDialog(doc_env.ctx("office.clerk"), doc)
    doc_env.keep(dialog)
    done: list[bool] = []
    dialog.rendered.connect(lambda: done.append(True))
    doc_env.until(lambda: done, what="the preview", timeout=30)
    pages = dialog.pages()
    assert [p.rendered.kind for p in pages] == ["official", "drafting_sheet"]
    assert pages[0].rendered.pdf == pdfs.signed  # not re-rendered here
    assert pages[0].badge is not None and pages[0].badge.status() is SealStatus.VALID
    assert dialog.tabs.tabText(0) == "正式文件（已签章）"
    target = doc_env.tmp_path / "saved.pdf"
    dialog.save_pdf(target)  # 另存为PDF…
    assert target.read_bytes() == pdfs.signed  # the signed bytes, unchanged


@pytest.mark.usefixtures("doc_idle")
def test_the_signed_document_saves_as_ofd_with_its_seal_as_a_stamp(doc_env: DocEnv,
                                                                   pdfs: Pdfs) -> None:
    """另存为OFD… (issue 15, item 4): the same 公文 as OFD, the seal of the signed file as the
    stamp annotation; the 发文稿纸 has no OFD form."""
    doc = _with_official(doc_env, pdfs, local=True)
    dialog = PdfPreviewDialog(doc_env.ctx("office.clerk"), doc)
    doc_env.keep(dialog)
    done: list[bool] = []
    dialog.rendered.connect(lambda: done.append(True))
    doc_env.until(lambda: done, what="the preview", timeout=30)
    assert dialog.save_ofd_button.isEnabled()
    target = doc_env.tmp_path / "公文.ofd"
    saved: list[bool] = []
    doc_env.ctx("office.clerk").spawn(_record(dialog.save_ofd(target), saved), what="OFD")
    doc_env.until(lambda: saved, what="the OFD written", timeout=30)
    assert saved == [True]
    with ofdkit.open(target.read_bytes()) as reader:
        assert not reader.warnings
        text = reader.text()
    title = doc_env.document(doc).title  # the OFD is laid out from the record, as the PDF
    assert title in text.replace(" ", "").replace("\n", "")
    with zipfile.ZipFile(target) as ofd:
        annotations = [ofd.read(n) for n in ofd.namelist() if n.endswith("Annotation.xml")]
    assert any(b'Type="Stamp"' in a for a in annotations)
    dialog.tabs.setCurrentIndex(1)  # 发文稿纸
    assert not dialog.save_ofd_button.isEnabled()


async def _record(step: Coroutine[Any, Any, bool], into: list[bool]) -> None:
    into.append(await step)


@pytest.mark.usefixtures("doc_idle")
def test_an_official_file_not_yet_downloaded_is_announced(doc_env: DocEnv, pdfs: Pdfs) -> None:
    doc = _with_official(doc_env, pdfs, local=False)
    view = _view(doc_env, doc)
    panel = view.official
    doc_env.until(lambda: "尚未下载" in panel.badge.headline.text(), what="the note")
    assert panel.badge.status() is None
    assert panel.view_button.isHidden()


class FakeBlobs:
    """The engine's blob transfers: offline until `online`, then a download from `source`."""

    def __init__(self, root: Path, source: Path) -> None:
        self.root, self.source, self.online, self.calls = root, source, False, 0

    async def open(self, attachment: Attachment) -> Path:
        self.calls += 1
        if not self.online:
            raise Offline("no network")
        target = content_path(self.root, attachment.sha256)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(self.source.read_bytes())
        return target


@pytest.mark.usefixtures("doc_idle")
def test_the_official_file_is_fetched_once_online(doc_env: DocEnv, pdfs: Pdfs) -> None:
    source = doc_env.tmp_path / "server-copy.pdf"
    source.write_bytes(pdfs.signed)
    doc = _with_official(doc_env, pdfs, local=False, sha256=file_digest(source)[0])
    blobs = FakeBlobs(blobs_root(doc_env.settings.data_dir()), source)
    ctx = doc_env.ctx("office.clerk")
    ctx.engine = SimpleNamespace(blobs=blobs)  # type: ignore[assignment]
    try:
        view = _view(doc_env, doc)
        panel = view.official
        doc_env.until(lambda: blobs.calls == 1 and not panel._downloading, what="a try")
        assert "尚未下载" in panel.badge.headline.text()
        blobs.online = True
        ctx.status_changed.emit(SyncStatus(online=True))
        doc_env.until(lambda: panel.badge.status() is SealStatus.VALID, what="the download")
        assert panel.view_button.isVisible()
    finally:
        ctx.engine = None


@pytest.mark.usefixtures("doc_idle")
def test_a_document_sealed_offline_awaits_its_seal(doc_env: DocEnv) -> None:
    doc = _walk(doc_env, seal=True)
    document = doc_env.document(doc)
    assert document.step == "issue" and document.official_pdf is None
    assert awaiting_seal(document, pending=True)
    assert not awaiting_seal(document, pending=False)  # e.g. sealed before 验章 existed
    view = _view(doc_env, doc)
    assert "待用印" in view.meta.text()
    assert view.official.isVisible() and view.official.title.text() == "待用印"
    assert "联网同步后由服务器加盖电子印章" in view.official.note.text()
    model = InboxModel(doc_env.ctx("office.clerk"))
    model.show("mine")
    doc_env.until(lambda: model.total > 0, what="the list")
    rows = [model.row_at(i) for i in range(model.total)]
    row = next(r for r in rows if r is not None and r.record_id == doc)
    assert line_cell(row, 3).endswith("（待用印）")


@pytest.mark.usefixtures("doc_idle")
def test_a_numbered_document_before_its_seal_shows_nothing(doc_env: DocEnv) -> None:
    view = _view(doc_env, _walk(doc_env, seal=False))
    assert "待用印" not in view.meta.text()
    assert view.official.isHidden()
