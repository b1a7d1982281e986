"""The 发文 and 收文 forms: messages beside the fields, nothing lost, drafts with outbox rows."""

from __future__ import annotations

import pytest

from officeapp.demo import EDU_ID, FINANCE_ID
from officeapp.workflow import ActionKind
from tests.ui.doc_fixtures import DocEnv, doc_env, doc_loop
from ui.documents.compose import ComposeDialog, RegisterDialog
from ui.documents.document_view import DocumentView

__all__ = ["doc_env", "doc_loop"]  # fixtures used by the tests below


def _ready(env: DocEnv, dialog: ComposeDialog | RegisterDialog) -> None:
    env.keep(dialog)
    env.until(lambda: dialog.ok_button.isEnabled(), what="the form to load the directory")


def test_errors_show_beside_their_fields_and_nothing_is_lost(doc_env: DocEnv) -> None:
    dialog = ComposeDialog(doc_env.ctx("office.clerk"))
    _ready(doc_env, dialog)
    dialog.body.setPlainText("各单位：\n\n正文第一段。")
    dialog.classification.setEditText("机密")

    dialog.ok_button.click()

    assert dialog.error_text("title") == "标题不能为空"
    assert "涉密" in dialog.error_text("classification")
    assert dialog.error_text("body") == ""
    assert dialog.body.toPlainText() == "各单位：\n\n正文第一段。"
    assert dialog.result() == 0  # still open
    assert doc_env.outbox() == []

    dialog.title.setText("关于召开全市安全生产工作会议的通知")
    dialog.classification.setEditText("内部")
    dialog.ok_button.click()
    assert dialog.error_text("title") == "" and dialog.error_text("classification") == ""


def test_only_extranet_classifications_are_offered(doc_env: DocEnv) -> None:
    dialog = ComposeDialog(doc_env.ctx("office.clerk"))
    _ready(doc_env, dialog)
    offered = [dialog.classification.itemText(i) for i in range(dialog.classification.count())]
    assert offered == ["公开", "内部"]
    assert dialog.doc_type.count() == 15


def test_a_valid_form_creates_a_draft_with_an_outbox_row(doc_env: DocEnv) -> None:
    dialog = ComposeDialog(doc_env.ctx("office.clerk"))
    _ready(doc_env, dialog)
    created: list[str] = []
    dialog.created.connect(created.append)
    dialog.title.setText("关于召开全市安全生产工作会议的通知")
    dialog.urgency.setCurrentText("加急")
    assert dialog.main_recipients is not None and dialog.cc_recipients is not None
    assert dialog.countersign_units is not None
    dialog.main_recipients.set_selected([FINANCE_ID])
    dialog.cc_recipients.set_selected([EDU_ID])
    dialog.countersign_units.set_selected([FINANCE_ID])
    dialog.body.setPlainText("各单位：\n\n定于下周召开会议。")

    dialog.ok_button.click()
    doc_env.until(lambda: created, what="the draft")

    document = doc_env.document(created[0])
    assert (document.title, document.urgency.value, document.step) == (
        "关于召开全市安全生产工作会议的通知", "加急", "draft")
    assert document.main_recipients == (FINANCE_ID,)
    assert document.countersign_units == (FINANCE_ID,)
    assert document.agency_code == "萍府办发"
    [row] = doc_env.outbox()
    assert row.name == "document.create_outgoing" and row.document_id == created[0]
    assert row.args["fields"]["title"] == "关于召开全市安全生产工作会议的通知"
    assert dialog.result() == 1


def test_register_checks_the_number_and_creates_an_incoming(doc_env: DocEnv) -> None:
    dialog = RegisterDialog(doc_env.ctx("office.clerk"))
    _ready(doc_env, dialog)
    created: list[str] = []
    dialog.created.connect(created.append)
    dialog.title.setText("关于拨付学校维修经费的请示")
    dialog.sender_unit.setText("市教育局")
    dialog.doc_number.setText("萍教发(2026)8号")

    dialog.ok_button.click()
    assert "六角括号" in dialog.error_text("doc_number")
    assert dialog.title.text() == "关于拨付学校维修经费的请示"

    dialog.doc_number.setText("萍教发〔2026〕8号")
    dialog.received_number.setText("收〔2026〕12号")
    dialog.ok_button.click()
    doc_env.until(lambda: created, what="the registration")

    document = doc_env.document(created[0])
    assert (document.direction.value, document.step, document.doc_number,
            document.sender_unit) == ("incoming", "register", "萍教发〔2026〕8号", "市教育局")
    assert doc_env.outbox()[-1].name == "document.register_incoming"


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform says so on open()
def test_edit_from_the_document_view_sends_only_the_changes(doc_env: DocEnv) -> None:
    doc = doc_env.draft()
    view = DocumentView(doc_env.ctx("office.clerk"))
    doc_env.keep(view)
    view.show_document(doc)
    doc_env.until(lambda: view.snapshot is not None)

    view.trigger(ActionKind.EDIT)
    dialog = view.dialog
    assert isinstance(dialog, ComposeDialog)
    _ready(doc_env, dialog)
    assert dialog.title.text() == "关于做好2027年元旦春节期间有关工作的通知"
    dialog.title.setText("关于做好2027年元旦春节期间值班工作的通知")
    dialog.ok_button.click()
    doc_env.until(lambda: doc_env.document(doc).title.endswith("值班工作的通知"))

    row = doc_env.outbox()[-1]
    assert row.args["action"]["kind"] == "edit"
    assert row.args["action"]["changes"] == {"title": "关于做好2027年元旦春节期间值班工作的通知"}
    doc_env.until(lambda: view.title.text().endswith("值班工作的通知"), what="the view to refresh")
