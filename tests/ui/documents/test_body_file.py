"""Attachments in the compose form, and the 正文 as a Word/WPS file with its versions."""

from __future__ import annotations

import asyncio
import hashlib
from pathlib import Path

import docx

from officeapp.demo import FINANCE_ID
from officeapp.workflow import Action, ActionKind
from sync.client import actions
from tests.ui.conftest import run, until
from tests.ui.doc_fixtures import NOTICE, DocEnv, doc_env, doc_loop
from tests.ui.test_client import Sessions, ctx_of, sessions, window_of
from ui.common.attachments import MAX_ATTACHMENT_BYTES
from ui.documents.body_file import BodyFilePanel, is_scratch_file
from ui.documents.compose import ComposeDialog
from ui.documents.document_view import DocumentView

__all__ = ["doc_env", "doc_loop", "sessions"]  # fixtures used by the tests below


def make_docx(path: Path, *paragraphs: str) -> Path:
    """Write a .docx with these paragraphs, as an office suite would save it."""
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))
    return path


def _compose(env: DocEnv) -> ComposeDialog:
    dialog = ComposeDialog(env.ctx("office.clerk"))
    env.keep(dialog)
    env.until(lambda: dialog.ok_button.isEnabled(), what="the form to load the directory")
    dialog.title.setText("关于做好2027年元旦春节期间有关工作的通知")
    assert dialog.main_recipients is not None
    dialog.main_recipients.set_selected([FINANCE_ID])
    return dialog


def test_compose_adds_attachments_and_a_docx_body_file(doc_env: DocEnv) -> None:
    dialog = _compose(doc_env)
    first = doc_env.tmp_path / "附件1：值班表.xlsx"
    first.write_bytes(b"duty roster" * 50)
    second = doc_env.tmp_path / "附件2：联系方式.txt"
    second.write_text("值班电话：12345", encoding="utf-8")
    same = doc_env.tmp_path / "重复.xlsx"
    same.write_bytes(first.read_bytes())
    big = doc_env.tmp_path / "录像.mp4"
    with open(big, "wb") as handle:
        handle.truncate(MAX_ATTACHMENT_BYTES + 1)  # sparse: no 200 MB written

    dialog.files.add_files([first, second, same, big, doc_env.tmp_path / "不存在.pdf"])
    doc_env.until(lambda: dialog.files.list.count() == 2, what="two attachments listed")
    problems = dialog.files.message.text()
    assert "未重复添加" in problems and "超过了200 MB" in problems and "无法读取" in problems

    body = make_docx(doc_env.tmp_path / "正文.docx", "各单位：", "现将值班安排通知如下。")
    dialog.body_file_chooser.set_file(body)
    doc_env.until(lambda: dialog.text_dialog is not None, what="the text offer")
    assert dialog.text_dialog is not None
    assert "+ 现将值班安排通知如下。" in dialog.text_dialog.diff.toPlainText()
    dialog.text_dialog.accept_button.click()
    assert dialog.body.toPlainText() == "各单位：\n\n现将值班安排通知如下。"

    created: list[str] = []
    dialog.created.connect(created.append)
    dialog.ok_button.click()
    doc_env.until(lambda: created, what="the draft")

    document = doc_env.document(created[0])
    assert [a.name for a in document.attachments] == [first.name, second.name]
    assert document.body_file is not None and document.body_file.name == "正文.docx"
    assert [v.number for v in document.body_versions] == [1]
    [row] = doc_env.outbox()
    fields = row.args["fields"]
    assert [a["sha256"] for a in fields["attachments"]] == [
        hashlib.sha256(p.read_bytes()).hexdigest() for p in (first, second)]
    assert fields["body_file"]["name"] == "正文.docx"
    for sha in (*(a["sha256"] for a in fields["attachments"]), fields["body_file"]["sha256"]):
        blob = doc_env.worker.call(doc_env.store.get_blob, sha)
        assert blob is not None and blob.state == "queued_upload"


def test_a_wrong_body_file_type_is_refused_with_a_message(doc_env: DocEnv) -> None:
    dialog = _compose(doc_env)
    other = doc_env.tmp_path / "正文.pdf"
    other.write_bytes(b"%PDF-1.7")
    dialog.body_file_chooser.set_file(other)
    doc_env.until(lambda: dialog.body_file_chooser.message.text(), what="the refusal")
    assert "不是正文文件" in dialog.body_file_chooser.message.text()
    assert dialog.body_file_chooser.value() is None


def _panel(env: DocEnv, document_id: str) -> tuple[DocumentView, BodyFilePanel]:
    view = DocumentView(env.ctx("office.clerk"))
    env.keep(view)
    view.resize(900, 760)
    view.show_document(document_id)
    env.until(lambda: view.snapshot is not None, what="the document to load")
    panel = view.body_file
    panel.settle_ms = 100
    return view, panel


def test_a_file_saved_in_the_office_suite_becomes_the_next_version(doc_env: DocEnv) -> None:
    doc = doc_env.draft()
    _view, panel = _panel(doc_env, doc)
    assert panel.upload_button.isEnabled()

    first = make_docx(doc_env.tmp_path / "正文.docx", "各单位：", "第一稿。")
    panel.upload(first)
    doc_env.until(lambda: len(doc_env.document(doc).body_versions) == 1, what="version 1")
    doc_env.until(lambda: panel.text_dialog is not None, what="the text offer of version 1")
    assert panel.text_dialog is not None
    panel.text_dialog.keep_button.click()  # not now: the 正文 text stays
    assert doc_env.document(doc).body == NOTICE["body"]
    panel.text_dialog = None

    opened: list[Path] = []
    panel.opener = lambda path: opened.append(path) or True
    doc_env.until(lambda: panel.office_button.isEnabled(), what="the open button")
    panel.office_button.click()
    doc_env.until(lambda: opened, what="the office suite to be asked")
    working = opened[0]
    assert working.parent.name == doc and working.read_bytes() == first.read_bytes()
    assert panel.watching() == working

    (working.parent / f"~${working.name}").write_bytes(b"lock")  # the suite's lock file
    make_docx(working, "各单位：", "第二稿，按核稿意见修改。")
    doc_env.until(lambda: len(doc_env.document(doc).body_versions) == 2, what="version 2")

    document = doc_env.document(doc)
    assert document.body_versions[1].based_on == 1
    assert document.trace[-1].details["body_version"] == 2
    doc_env.until(lambda: panel.text_dialog is not None, what="the text offer of version 2")
    assert panel.text_dialog is not None
    assert "+ 第二稿，按核稿意见修改。" in panel.text_dialog.diff.toPlainText()
    panel.text_dialog.accept_button.click()
    doc_env.until(lambda: doc_env.document(doc).body == "各单位：\n\n第二稿，按核稿意见修改。",
                  what="the 正文 text updated")

    doc_env.until(lambda: panel.versions.topLevelItemCount() == 2, what="both versions listed")
    rows = [panel.versions.topLevelItem(i).text(0) for i in range(2)]
    assert rows == ["第2版（当前）", "第1版"]
    assert panel.versions.topLevelItem(0).text(1) == document.body_versions[1].saved_by_name

    panel.versions.setCurrentItem(panel.versions.topLevelItem(1))
    target = doc_env.tmp_path / "第一稿.docx"
    assert doc_env.run(panel.save_version_to(document.body_versions[0], target))
    assert target.read_bytes() == first.read_bytes()


def test_a_wps_file_says_its_text_must_be_updated_by_hand(doc_env: DocEnv) -> None:
    doc = doc_env.draft()
    _view, panel = _panel(doc_env, doc)
    wps = doc_env.tmp_path / "正文.wps"
    wps.write_bytes(b"\xd0\xcf\x11\xe0 binary wps")
    panel.upload(wps)
    doc_env.until(lambda: "手动修改正文文字" in panel.message.text(), what="the advice")
    assert panel.text_dialog is None
    assert doc_env.document(doc).body_file is not None


def test_no_new_version_after_the_editable_steps(doc_env: DocEnv) -> None:
    doc = doc_env.draft()
    doc_env.act(doc, "office.clerk", ActionKind.APPROVE)
    _view, panel = _panel(doc_env, doc)  # the clerk no longer holds it
    assert not panel.upload_button.isEnabled()


def test_lock_and_temporary_files_are_not_a_body() -> None:
    assert all(is_scratch_file(n) for n in ("~$正文.docx", ".~lock.正文.docx#", "~WRL0001.tmp",
                                            "正文.docx~"))
    assert not is_scratch_file("正文.docx")



def test_compose_offline_with_two_attachments_then_sync_puts_them_on_the_server(
    sessions: Sessions, loop: asyncio.AbstractEventLoop,
) -> None:
    async def body() -> None:
        clerk = await sessions.start("office.clerk")
        ctx, status = ctx_of(clerk), window_of(clerk).status_widget
        sessions.server.stop()
        dialog = ComposeDialog(ctx)
        await until(lambda: dialog.ok_button.isEnabled(), what="the form")
        dialog.title.setText("关于做好2027年元旦春节期间有关工作的通知")
        assert dialog.main_recipients is not None
        dialog.main_recipients.set_selected([FINANCE_ID])
        dialog.body.setPlainText("各单位：\n\n值班安排见附件。")
        folder = Path(ctx.settings.data_dir()).parent
        files = [folder / "附件1：值班表.txt", folder / "附件2：联系人.txt"]
        for index, path in enumerate(files):
            path.write_bytes(f"附件{index}".encode() * 4000)
        dialog.files.add_files(files)
        await until(lambda: dialog.files.list.count() == 2, what="the attachments")
        created: list[str] = []
        dialog.created.connect(created.append)
        dialog.ok_button.click()
        await until(lambda: created, what="the draft, offline")
        await until(lambda: not status.status.online and not status.status.syncing,
                    what="offline shown")
        sessions.server.start()
        assert ctx.engine is not None
        ctx.engine.trigger()
        await until(lambda: status.status.online and status.status.pending == 0
                    and status.status.error is None, timeout=60, what="synced after return")
        await ctx.write(actions.act, person_id=ctx.person_id, document_id=created[0],
                        action=Action(ActionKind.APPROVE), now=ctx.now())
        await sessions.synced(clerk)
        reviewer = await sessions.start("office.reviewer")
        seen = await ctx_of(reviewer).db(lambda s: s.get_document(created[0]))
        assert seen is not None and [a.name for a in seen.attachments] == [f.name for f in files]
        engine = ctx_of(reviewer).engine
        assert engine is not None and engine.blobs is not None
        for attachment, path in zip(seen.attachments, files, strict=True):
            downloaded = await engine.blobs.open(attachment)  # from the server
            assert downloaded.read_bytes() == path.read_bytes()
        dialog.deleteLater()

    run(loop, body())
