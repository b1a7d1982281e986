"""The document pane: fields, route, buttons from the rules, opinions, rejections, attachments,
and the PDF preview — against a real store, no server."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from officeapp.demo import EDU_ID, FINANCE_ID
from officeapp.pdf import FontNotFoundError
from officeapp.workflow import ActionKind, available_actions
from tests.ui.doc_fixtures import DocEnv, doc_env, doc_loop
from ui.common import pdf_preview
from ui.common.attachments import MAX_ATTACHMENT_BYTES
from ui.common.context import ChangeKind, Changes
from ui.common.pdf_preview import PdfPreviewDialog, new_printer
from ui.common.qt import (
    QDropEvent,
    QMimeData,
    QPdfDocument,
    QPointF,
    QPrintDialog,
    QPrinter,
    Qt,
    QUrl,
)
from ui.documents.action_dialogs import InstructDialog, ReturnDialog
from ui.documents.document_view import DocumentView

__all__ = ["doc_env", "doc_loop"]  # fixtures used by the tests below


def _view(env: DocEnv, username: str, document_id: str) -> DocumentView:
    view = DocumentView(env.ctx(username))
    env.keep(view)
    view.resize(900, 760)
    view.show_document(document_id)
    env.until(lambda: view.snapshot is not None and view.snapshot.document.id == document_id,
              what="the document to load")
    env.until(lambda: view.opinion.isEnabled(), what="the opinion draft to load")
    return view


def _walked(env: DocEnv) -> str:
    """A notice drafted, reviewed, signed and numbered (offline: no number yet)."""
    doc = env.draft()
    env.act(doc, "office.clerk", ActionKind.APPROVE, opinion="请审核")
    env.act(doc, "office.reviewer", ActionKind.APPROVE, opinion="文字已核，拟同意")
    env.act(doc, "office.leader", ActionKind.APPROVE, opinion="同意印发")
    env.act(doc, "office.clerk", ActionKind.APPROVE)
    return doc


def test_shows_fields_and_every_step_of_the_route(doc_env: DocEnv) -> None:
    view = _view(doc_env, "office.clerk", _walked(doc_env))

    assert view.title.text() == "关于做好2027年元旦春节期间有关工作的通知"
    fields = view.fields.toPlainText()
    for text in ("通知", "待编号", "市财政局", "市教育局", "李文书（市政府办公室）", "普通", "公开",
                 "签发人", "张主任", "一、加强值班值守"):
        assert text in fields, text
    assert "待编号" in view.meta.text() and "用印" in view.meta.text()
    route = view.route.toPlainText()
    for text in ("送核稿 → 核稿", "请审核", "周核稿", "核稿通过 → 签发", "文字已核，拟同意",
                 "签发 → 编号", "同意印发", "编号 → 用印", "当前环节：用印"):
        assert text in route, text
    assert view.tabs.tabText(1) == "办理过程（5）"


def test_buttons_are_exactly_what_the_rules_allow(doc_env: DocEnv) -> None:
    doc = doc_env.draft()
    doc_env.act(doc, "office.clerk", ActionKind.APPROVE)
    org = doc_env.worker.call(doc_env.store.organisation)

    for username in ("office.reviewer", "office.clerk", "finance.clerk"):
        view = _view(doc_env, username, doc)
        actor = org.actor(f"p-{username}", view.ctx.now())
        allowed = {k.value for k in available_actions(doc_env.document(doc), actor,
                                                      view.ctx.now())}
        assert view.shown_actions() - {"approve_to"} == allowed, username
    reviewer = _view(doc_env, "office.reviewer", doc)
    assert reviewer.buttons["approve"].text() == "核稿通过"
    assert {"return", "edit"} <= set(reviewer.buttons)
    assert {"delegate", "add_signer", "circulate"} <= set(reviewer.more_actions)
    clerk = _view(doc_env, "office.clerk", doc)
    assert clerk.buttons["withdraw"].text() == "撤回"
    assert "approve" not in clerk.buttons


def test_approve_writes_the_opinion_to_the_outbox(doc_env: DocEnv, qtbot: object) -> None:
    doc = doc_env.draft()
    doc_env.act(doc, "office.clerk", ActionKind.APPROVE)
    view = _view(doc_env, "office.reviewer", doc)
    before = len(doc_env.outbox())

    view.opinion.edit.setPlainText("文字已核，同意报签")
    view.buttons["approve"].click()
    doc_env.until(lambda: len(doc_env.outbox()) == before + 1, what="the outbox row")

    row = doc_env.outbox()[-1]
    assert row.name == "document.act" and row.document_id == doc
    assert row.args["action"]["kind"] == "approve"
    assert row.args["action"]["opinion"] == "文字已核，同意报签"
    assert row.args["action"]["expected_step"] == "review"
    doc_env.until(lambda: view.snapshot is not None and view.snapshot.document.step == "sign")
    assert view.opinion.text() == ""
    assert "等待服务器确认" in view.pending_badge.text() and not view.pending_badge.isHidden()
    assert "approve" not in view.buttons


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform says so on show()
def test_keyboard_shortcut_approves(doc_env: DocEnv, qtbot: object) -> None:
    doc = doc_env.draft()
    view = _view(doc_env, "office.clerk", doc)
    view.show()
    view.activateWindow()
    qtbot.waitActive(view)  # type: ignore[attr-defined]  # shortcuts need an active window
    view.opinion.edit.setFocus()
    # Through the window, as the platform delivers keys: that is where shortcuts are matched.
    qtbot.keyClick(view.windowHandle(), Qt.Key.Key_Return,  # type: ignore[attr-defined]
                   Qt.KeyboardModifier.ControlModifier)
    doc_env.until(lambda: doc_env.document(doc).step == "review", what="Ctrl+Enter to send")


def test_opinion_draft_is_saved_while_typing_and_restored(doc_env: DocEnv, qtbot: object) -> None:
    first, second = doc_env.draft(), doc_env.draft(title="关于第二份文件的通知")
    view = _view(doc_env, "office.clerk", first)
    store, person = doc_env.store, "p-office.clerk"

    qtbot.keyClicks(view.opinion.edit, "draft text")  # type: ignore[attr-defined]
    doc_env.until(lambda: doc_env.worker.call(
        store.get_opinion_draft, document_id=first, person_id=person) is not None,
        what="the draft saved as typed")
    view.opinion.edit.setPlainText("拟同意，请领导审定")  # switched away before the delay
    view.show_document(second)
    doc_env.until(lambda: view.snapshot is not None and view.snapshot.document.id == second)
    draft = doc_env.worker.call(store.get_opinion_draft, document_id=first, person_id=person)
    assert draft is not None and draft.text == "拟同意，请领导审定" and draft.step == "draft"
    assert view.opinion.text() == ""

    view.show_document(first)
    doc_env.until(lambda: view.opinion.text() == "拟同意，请领导审定", what="the draft restored")


def test_common_phrases_come_from_settings(doc_env: DocEnv) -> None:
    doc_env.settings.set("phrases", ["同意", "请财政局研究办理"])
    view = _view(doc_env, "office.clerk", doc_env.draft())
    menu = view.opinion.phrases.menu()
    assert [a.text() for a in menu.actions()] == ["同意", "请财政局研究办理"]
    menu.actions()[1].trigger()
    assert view.opinion.text() == "请财政局研究办理"


def test_rejection_shows_a_banner_and_gives_the_text_back(doc_env: DocEnv) -> None:
    doc = doc_env.draft()
    doc_env.act(doc, "office.clerk", ActionKind.APPROVE)
    doc_env.act(doc, "office.reviewer", ActionKind.APPROVE, opinion="核稿意见：同意")
    mutation = doc_env.outbox()[-1].mutation_id
    doc_env.worker.call(lambda: doc_env.store.record_rejection(
        mutation_id=mutation, code="workflow.already_claimed",
        message="该环节已由陈副主任于2026-11-23 09:31签收办理"))
    view = _view(doc_env, "office.reviewer", doc)

    banners = view.rejection_banners()
    assert len(banners) == 1
    assert "核稿通过" in banners[0].message.text()
    assert "陈副主任于2026-11-23 09:31" in banners[0].message.text()
    view.opinion.edit.clear()
    banners[0].reuse_button.click()
    assert view.opinion.text() == "核稿意见：同意"

    heard: list[Changes] = []
    view.ctx.changed.connect(heard.append)
    banners[0].dismiss_button.click()
    assert not banners[0].dismiss_button.isEnabled()  # busy while it is dismissed
    doc_env.until(lambda: not view.rejection_banners(), what="the banner to go")
    assert doc_env.worker.call(doc_env.store.rejections) == []
    # Only this client knew: nothing queued, no sync asked for.
    assert [(c.kinds, c.of(ChangeKind.DOCUMENT)) for c in heard] == [
        ({ChangeKind.REJECTION}, {doc})]


def test_adding_an_attachment_copies_it_by_hash_and_edits(doc_env: DocEnv) -> None:
    doc = doc_env.draft()
    view = _view(doc_env, "office.clerk", doc)
    source = doc_env.tmp_path / "附件1：值班安排表.txt"
    source.write_bytes("元旦值班：李文书".encode() * 100)
    sha = hashlib.sha256(source.read_bytes()).hexdigest()

    view.attachments.add_files([source])
    doc_env.until(lambda: doc_env.document(doc).attachments, what="the edit")

    attachment = doc_env.document(doc).attachments[0]
    assert (attachment.name, attachment.sha256, attachment.size) == (
        source.name, sha, source.stat().st_size)
    stored = doc_env.tmp_path / "data" / "blobs" / sha[:2] / sha
    assert stored.read_bytes() == source.read_bytes()
    blob = doc_env.worker.call(doc_env.store.get_blob, sha)
    assert blob is not None and blob.state == "queued_upload" and blob.local_path == str(stored)
    row = doc_env.outbox()[-1]
    assert row.args["action"]["kind"] == "edit"
    assert row.args["action"]["changes"]["attachments"] == [
        {"name": source.name, "sha256": sha, "size": source.stat().st_size}]
    doc_env.until(lambda: view.attachments.list.count() == 1, what="the list to refresh")
    assert "待上传" in view.attachments.list.item(0).text()

    opened: list[Path] = []
    view.attachments.opener = lambda path: opened.append(path) or True
    view.attachments.list.setCurrentRow(0)
    view.attachments.open_button.click()
    doc_env.until(lambda: opened, what="the attachment to open")
    assert opened[0].name == source.name and opened[0].read_bytes() == source.read_bytes()


def test_dropping_files_adds_them_and_big_files_are_refused(doc_env: DocEnv) -> None:
    doc = doc_env.draft()
    view = _view(doc_env, "office.clerk", doc)
    big = doc_env.tmp_path / "录像.mp4"
    with open(big, "wb") as handle:
        handle.truncate(MAX_ATTACHMENT_BYTES + 1)  # sparse: no 200 MB written
    small = doc_env.tmp_path / "说明.txt"
    small.write_text("说明", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(big)), QUrl.fromLocalFile(str(small))])
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)

    view.dropEvent(drop)
    doc_env.until(lambda: doc_env.document(doc).attachments, what="the small file")

    assert [a.name for a in doc_env.document(doc).attachments] == ["说明.txt"]
    assert "超过了200 MB" in view.attachments.message.text()


def test_missing_blob_shows_not_downloaded(doc_env: DocEnv) -> None:
    doc = doc_env.draft()
    doc_env.act(doc, "office.clerk", ActionKind.EDIT, changes={"attachments": [
        {"name": "别人的附件.pdf", "sha256": "a" * 64, "size": 2048}]})
    view = _view(doc_env, "office.clerk", doc)
    assert "未下载" in view.attachments.list.item(0).text()
    view.attachments.list.setCurrentRow(0)
    view.attachments.open_button.click()
    doc_env.until(lambda: "未下载" in view.attachments.message.text())


def test_preview_renders_the_pdfs_and_prints(doc_env: DocEnv) -> None:
    doc = _walked(doc_env)
    dialog = PdfPreviewDialog(doc_env.ctx("office.clerk"), doc)
    doc_env.keep(dialog)
    doc_env.until(lambda: len(dialog.pdf_documents()) == 2, timeout=30, what="both PDFs")
    doc_env.until(lambda: all(p.status() == QPdfDocument.Status.Ready
                              for p in dialog.pdf_documents()))
    assert all(p.pageCount() >= 1 for p in dialog.pdf_documents())
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == ["公文", "发文稿纸"]

    target = doc_env.tmp_path / "out.pdf"
    dialog.save_pdf(target)
    assert target.read_bytes().startswith(b"%PDF")
    printer = new_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(doc_env.tmp_path / "printed.pdf"))
    pages = doc_env.run(dialog.print_to(printer))
    assert pages == dialog.pdf_documents()[0].pageCount()
    assert (doc_env.tmp_path / "printed.pdf").stat().st_size > 1000


@pytest.mark.qt_log_ignore("propagateSizeHints")  # dialogs open as windows offscreen
def test_print_button_opens_the_print_dialog(doc_env: DocEnv) -> None:
    dialog = PdfPreviewDialog(doc_env.ctx("office.clerk"), doc_env.draft())
    doc_env.keep(dialog)
    doc_env.until(lambda: dialog.print_button.isEnabled(), timeout=30)
    dialog.print_button.click()
    printing = dialog.findChild(QPrintDialog)
    assert printing is not None and printing.isVisible()
    assert (printing.minPage(), printing.maxPage()) == (1, dialog.pdf_documents()[0].pageCount())
    printing.reject()


def test_incoming_preview_has_the_processing_sheet(doc_env: DocEnv) -> None:
    doc = doc_env.register()
    dialog = PdfPreviewDialog(doc_env.ctx("office.clerk"), doc)
    doc_env.keep(dialog)
    doc_env.until(lambda: dialog.tabs.count() == 1, timeout=30)
    assert dialog.tabs.tabText(0) == "收文处理笺"


def test_missing_cjk_font_is_shown_as_its_message(doc_env: DocEnv,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    def no_font(*_args: object, **_kwargs: object) -> bytes:
        raise FontNotFoundError("pdf.no_cjk_font", "未找到可用的中文字体，请安装仿宋")

    monkeypatch.setattr(pdf_preview, "render_document_pdf", no_font)
    dialog = PdfPreviewDialog(doc_env.ctx("office.clerk"), doc_env.draft())
    doc_env.keep(dialog)
    doc_env.until(lambda: dialog.tabs.count() == 2, timeout=30)
    first = dialog.pages()[0]
    assert first.pdf is None and "未找到可用的中文字体" in first.rendered.error
    assert len(dialog.pdf_documents()) == 1  # the 稿纸 still renders


def test_a_newer_document_wins_over_a_stale_load(doc_env: DocEnv) -> None:
    first, second = doc_env.draft(), doc_env.draft(title="关于第二份文件的通知")
    view = DocumentView(doc_env.ctx("office.clerk"))
    doc_env.keep(view)
    view.show_document(first)
    view.show_document(second)
    doc_env.until(lambda: view.snapshot is not None)
    doc_env.settle(0.2)
    assert view.snapshot is not None and view.snapshot.document.id == second
    assert view.title.text() == "关于第二份文件的通知"


def test_refreshes_when_someone_else_changes_the_document(doc_env: DocEnv) -> None:
    doc = doc_env.draft()
    view = _view(doc_env, "office.clerk", doc)
    doc_env.act(doc, "office.clerk", ActionKind.APPROVE, opinion="请审核")
    view.ctx.broadcast(Changes(frozenset({ChangeKind.DOCUMENT}), {"document": frozenset({doc})}))
    doc_env.until(lambda: view.snapshot is not None and view.snapshot.document.step == "review",
                  what="the refresh")
    assert "请审核" in view.route.toPlainText()


@pytest.mark.qt_log_ignore("propagateSizeHints")  # dialogs open as windows offscreen
def test_return_asks_for_target_and_reason(doc_env: DocEnv) -> None:
    doc = doc_env.draft()
    doc_env.act(doc, "office.clerk", ActionKind.APPROVE)
    view = _view(doc_env, "office.reviewer", doc)
    view.opinion.edit.setPlainText("请补充值班人员名单")

    view.buttons["return"].click()
    dialog = view.dialog
    assert isinstance(dialog, ReturnDialog)
    assert dialog.reason.toPlainText() == "请补充值班人员名单"
    assert [dialog.target.itemData(i) for i in range(dialog.target.count())] == ["draft"]
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    doc_env.until(lambda: doc_env.document(doc).step == "draft", what="the return")

    row = doc_env.outbox()[-1]
    assert row.args["action"]["kind"] == "return"
    assert row.args["action"]["target_step"] == "draft"
    assert row.args["action"]["opinion"] == "请补充值班人员名单"


@pytest.mark.qt_log_ignore("propagateSizeHints")  # dialogs open as windows offscreen
def test_instruct_names_the_lead_unit_and_readers(doc_env: DocEnv) -> None:
    doc = doc_env.register()
    doc_env.act(doc, "office.clerk", ActionKind.APPROVE)
    doc_env.act(doc, "office.clerk", ActionKind.APPROVE, opinion="拟请财政局牵头办理")
    view = _view(doc_env, "office.leader", doc)
    assert view.buttons["approve"].text() == "批办"

    view.buttons["approve"].click()
    dialog = view.dialog
    assert isinstance(dialog, InstructDialog)
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert "牵头" in dialog.error.text()  # still open: the lead unit is required
    dialog.lead.setCurrentIndex(dialog.lead.findData(FINANCE_ID))
    dialog.co_units.set_selected([EDU_ID])
    dialog.readers.set_selected(["p-office.deputy"])
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    doc_env.until(lambda: doc_env.document(doc).step == "handle", what="the instruction")

    document = doc_env.document(doc)
    assert (document.lead_unit_id, document.co_unit_ids) == (FINANCE_ID, (EDU_ID,))
    assert document.circulate_to == ("p-office.deputy",)


def test_an_archived_document_exports_its_archive_package(doc_env: DocEnv,
                                                          tmp_path: Path) -> None:
    import io
    import zipfile
    from dataclasses import replace as replaced

    from officeapp.workflow import Retention

    doc = _walked(doc_env)
    for _ in range(2):  # 用印, 印发
        doc_env.act(doc, "office.clerk", ActionKind.APPROVE)
    doc_env.act(doc, "office.clerk", ActionKind.ARCHIVE, retention=Retention.YEARS_30)
    archived = doc_env.document(doc)
    assert archived.archive is not None
    numbered = replaced(archived, doc_number="萍府办发〔2026〕3号",
                        archive=replaced(archived.archive, item_number=12))
    doc_env.worker.call(doc_env.store.put_records, "document", [numbered])  # as the server assigns
    view = _view(doc_env, "office.clerk", doc)
    assert "export_archive" in view.shown_actions()
    exported: list[str] = []
    view.exported.connect(exported.append)
    view.export_archive(tmp_path / "no such folder" / "package.zip")
    assert view.action_bar.busy()
    doc_env.until(lambda: not view.action_error.isHidden(), what="the write to fail")
    assert view.action_error.text().startswith("未能导出：")
    assert "no such folder" in view.action_error.text()
    assert not view.action_bar.busy() and exported == []

    target = tmp_path / "package.zip"
    view.export_archive(target)
    assert view.action_bar.busy()
    doc_env.until(lambda: exported, what="the package to be written")
    assert not view.action_bar.busy()
    with zipfile.ZipFile(io.BytesIO(target.read_bytes())) as package:
        names = package.namelist()
    assert any(n.endswith("正文.pdf") for n in names)
    assert any(n.endswith("metadata.json") and "-D30-" in n for n in names)


def test_an_export_the_rules_refuse_says_why_and_frees_the_pane(
        doc_env: DocEnv, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from officeapp.errors import ValidationError
    from ui.documents import acting

    def refused(*_args: object, **_kwargs: object) -> bytes:
        raise ValidationError("document.not_found", "文件不存在，或您已无权查看该文件")

    monkeypatch.setattr(acting, "package_bytes", refused)
    view = _view(doc_env, "office.clerk", doc_env.draft())
    exported: list[str] = []
    view.exported.connect(exported.append)
    view.export_archive(tmp_path / "package.zip")
    doc_env.until(lambda: not view.action_error.isHidden(), what="the refusal")
    assert view.action_error.text() == "未能导出：文件不存在，或您已无权查看该文件"
    assert not view.action_bar.busy() and exported == []
    assert not (tmp_path / "package.zip").exists()
