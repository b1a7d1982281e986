"""The archive package's DA/T 46 metadata.xml and its signed 正文, read back by other readers.

lxml (a strict parser, independent of the ElementTree that writes the file) reads the XML;
the signed official PDF must reach the package byte for byte and still pass the PDF/A check
and 验章; ofdkit reads the OFD.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
import zipfile
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime

import ofdkit
import pytest
from cryptography import x509
from lxml import etree
from PIL import Image as PILImage
from pypdf import PdfReader

from officeapp import seals
from officeapp.archive import export_package
from officeapp.errors import ValidationError
from officeapp.org import Organisation
from officeapp.pdf import render_document, to_pdfa
from officeapp.render import document_layout, render_document_pdf
from officeapp.workflow import ActionKind, Attachment, Document, Retention
from tests.flows import Flow, to_step
from tests.officeapp.pdf.pdfa_check import pdfa_problems

TABLE = "萍乡市2027年值班表".encode()
TABLE_SHA = hashlib.sha256(TABLE).hexdigest()
TODAY = date(2026, 11, 30)
SIGNED_AT = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
SEAL_IMAGE = seals.draw_seal_image("萍乡市人民政府办公室")
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, recover=False)


@dataclass(frozen=True)
class Package:
    """An exported package read back: its files, metadata.json and metadata.xml."""

    files: dict[str, bytes]  # by name inside the package folder
    meta: dict[str, object]
    xml: etree._Element

    def text(self, path: str) -> str | None:
        return self.xml.findtext(path)

    def texts(self, path: str) -> list[str]:
        return [e.text or "" for e in self.xml.iterfind(path)]


def read_package(data: bytes) -> Package:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        names = package.namelist()
        root = names[0].split("/")[0] + "/"
        assert all(n.startswith(root) for n in names)
        files = {n.removeprefix(root): package.read(n) for n in names}
    return Package(files, json.loads(files["metadata.json"]),
                   etree.fromstring(files["metadata.xml"], PARSER))


def archived(flow: Flow, doc: Document | None = None) -> Document:
    doc = doc or to_step(flow, "done")
    doc = replace(doc, attachments=(Attachment("值班表/2027.xlsx", TABLE_SHA, len(TABLE)),))
    doc = flow.do(doc, "office.clerk", ActionKind.ARCHIVE, retention=Retention.YEARS_30)
    assert doc.archive is not None
    return replace(doc, archive=replace(doc.archive, item_number=7))


def export(doc: Document, org: Organisation, blobs: dict[str, bytes] | None = None,
           **options: object) -> Package:
    store = {TABLE_SHA: TABLE, **(blobs or {})}
    return read_package(export_package(doc, org, fonds="Z012", unit_code="BGS",
                                       read_blob=store.get, today=TODAY, **options))


@pytest.fixture(scope="module")
def keys() -> tuple[seals.SealKey, seals.SealKey]:
    """The organisation's root and 市政府办公室's seal key under it."""
    ca = seals.create_org_ca("萍乡市人民政府", now=SIGNED_AT)
    return ca, seals.issue_unit_certificate(ca, "萍乡市人民政府办公室", "u-office",
                                            now=SIGNED_AT)


def with_official_pdf(doc: Document, org: Organisation,
                      unit: seals.SealKey) -> tuple[Document, bytes]:
    """Return the document with a signed official PDF as the server makes it at 用印: the
    unit's seal pressed on it, PDF/A-2b, signed."""
    layout = replace(document_layout(doc, org, today=TODAY), seal_image=SEAL_IMAGE)
    pdf = seals.sign_pdf(to_pdfa(render_document(layout)), unit, signed_at=SIGNED_AT)
    official = Attachment("正文.pdf", hashlib.sha256(pdf).hexdigest(), len(pdf))
    return replace(doc, official_pdf=official), pdf


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


# --- metadata.xml ---------------------------------------------------------------------------


def test_metadata_xml_describes_the_document_in_dat46_elements(
    flow: Flow, org: Organisation
) -> None:
    doc = archived(flow)
    package = export(doc, org)
    assert package.xml.tag == "文书类电子文件元数据"
    assert package.xml.get("标准") == "DA/T 46-2009"
    number = "文件实体/档号/"
    assert [package.text(number + tag) for tag in
            ("全宗号", "年度", "保管期限", "机构或问题", "室编件号")] == [
        "Z012", str(flow.clock.year), "30年", "BGS", "0007"]
    content = "文件实体/内容描述/"
    assert package.text(content + "题名") == doc.title
    assert package.text(content + "文件编号") == doc.doc_number
    assert package.text(content + "责任者") == "市政府办公室"
    assert package.text(content + "日期") == "20261123"  # 17:30 in Beijing, 09:30 UTC
    assert package.text(content + "主送") == "市财政局"
    assert package.text(content + "密级") == "公开"
    assert package.text("文件实体/聚合层次") == "件"
    assert package.text("文件实体/电子文件号") == doc.id
    assert package.text("文件实体/来源/立档单位名称") == "市政府办公室"
    assert package.text("文件实体/形式特征/文件组合类型") == "组合文件"
    assert package.text("文件实体/形式特征/页数") == str(
        len(PdfReader(io.BytesIO(package.files["正文.pdf"])).pages))
    assert "不是签章的正式文件" in (package.text("文件实体/附注") or "")


def test_every_file_has_its_format_and_size_and_its_hash_in_the_manifest(
    flow: Flow, org: Organisation
) -> None:
    package = export(archived(flow), org)
    documents = package.xml.findall("文件实体/文件数据/文档")
    described = {d.findtext("电子属性/计算机文件名"): (d.findtext("电子属性/格式信息"),
                                                     d.findtext("电子属性/计算机文件大小"))
                 for d in documents}
    assert described == {
        "正文.pdf": ("PDF/A-2b", str(len(package.files["正文.pdf"]))),
        "正文.ofd": ("OFD", str(len(package.files["正文.ofd"]))),
        "发文稿纸.pdf": ("PDF/A-2b", str(len(package.files["发文稿纸.pdf"]))),
        "附件/01-值班表_2027.xlsx": ("XLSX", str(len(TABLE))),
    }
    assert [d.findtext("文档序号") for d in documents] == ["1", "2", "3", "4"]
    manifest = package.meta["files"]
    assert isinstance(manifest, list)
    assert {entry["file"] for entry in manifest} == set(package.files) - {"metadata.json"}
    for entry in manifest:
        content = package.files[entry["file"]]
        assert entry["sha256"] == hashlib.sha256(content).hexdigest()
        assert entry["size"] == len(content)


def test_each_trace_entry_is_a_business_action_with_who_when_and_the_opinion(
    flow: Flow, org: Organisation
) -> None:
    doc = archived(flow)
    package = export(doc, org)
    actions = package.xml.findall("业务实体")
    assert len(actions) == len(doc.trace)
    assert [a.findtext("业务行为") for a in actions] == [
        "拟稿", "拟稿", "核稿", "会签", "签发", "编号", "用印", "印发", "归档"]
    review = actions[2]
    assert review.findtext("行为描述") == "同意：核稿无误（转至会签）"
    assert review.findtext("行为时间") == "2026-11-23T17:33:00+08:00"
    assert review.findtext("机构人员实体/机构人员名称") == "周核稿"
    assert review.findtext("机构人员实体/机构人员类型") == "个人"
    for action, entry in zip(actions, doc.trace, strict=True):
        assert action.findtext("机构人员实体/机构人员名称") == entry.actor_name
        assert entry.opinion in (action.findtext("行为描述") or "")


def test_an_incoming_document_names_its_sender_as_responsible(
    flow: Flow, org: Organisation
) -> None:
    doc = flow.incoming()
    doc = flow.do(doc, "office.clerk", ActionKind.APPROVE,
                  people=("office.leader",), opinion="请张主任阅示")
    doc = replace(doc, step="done")  # the steps in between are not what this test is about
    package = export(archived(flow, doc), org)
    assert package.text("文件实体/内容描述/责任者") == "市教育局"
    assert "收文处理笺.pdf" in package.files
    assert package.texts("业务实体/机构人员实体/机构人员名称")[:2] == ["李文书", "李文书"]


# --- the signed official PDF ------------------------------------------------------------------


def test_the_signed_official_pdf_is_archived_byte_for_byte(
    flow: Flow, org: Organisation, keys: tuple[seals.SealKey, seals.SealKey]
) -> None:
    ca, unit = keys
    doc, signed = with_official_pdf(archived(flow), org, unit)
    assert doc.official_pdf is not None
    package = export(doc, org, {doc.official_pdf.sha256: signed}, trust_roots=[ca.cert_pem])
    body = package.files["正文.pdf"]
    assert body == signed
    assert pdfa_problems(body) == []
    assert seals.verify_pdf(body, [ca.cert_pem]).status is seals.SealStatus.VALID
    assert pdfa_problems(package.files["发文稿纸.pdf"]) == []
    assert package.meta["body_source"] == "official_pdf"
    sign = "文件实体/数字签名/"
    assert package.text(sign + "签名人") == "萍乡市人民政府办公室"
    assert package.text(sign + "签名时间") == "2026-11-23T10:00:00+08:00"
    assert "1.2.840.10045.4.3.2" in (package.text(sign + "签名算法标识") or "")  # ECDSA-SHA256
    assert "PAdES" in (package.text(sign + "签名规则") or "")
    certificate = x509.load_der_x509_certificate(base64.b64decode(package.text(sign + "证书")
                                                                  or ""))
    assert certificate == x509.load_pem_x509_certificate(unit.cert_pem)
    assert seals.certificate_fingerprint(unit.cert_pem) in (package.text(sign + "证书引证")
                                                             or "")
    assert base64.b64decode(package.text(sign + "签名结果") or "", validate=True)
    assert package.text("文件实体/形式特征/稿本") == "正本"
    assert package.meta["seal"] == {"status": "valid", "signer": "萍乡市人民政府办公室",
                                    "signed_at": SIGNED_AT.isoformat(),
                                    "verdict": seals.verify_pdf(body, [ca.cert_pem]).message}
    note = package.text("文件实体/附注") or ""
    assert "按原样归档" in note and str(package.meta["seal"]["verdict"]) in note


def test_the_ofd_holds_the_same_text_as_the_pdf(
    flow: Flow, org: Organisation, keys: tuple[seals.SealKey, seals.SealKey]
) -> None:
    _ca, unit = keys
    doc, signed = with_official_pdf(archived(flow), org, unit)
    assert doc.official_pdf is not None
    package = export(doc, org, {doc.official_pdf.sha256: signed})
    with ofdkit.open(package.files["正文.ofd"]) as reader:
        assert not reader.warnings
        assert reader.info.title == doc.title
        ofd_text = reader.text()
    pdf_text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(signed)).pages)
    assert doc.title[:10] in squeeze(ofd_text)
    assert squeeze(ofd_text) == squeeze(pdf_text)
    # The seal of the signed file, taken from it, is the OFD's stamp annotation.
    with zipfile.ZipFile(io.BytesIO(package.files["正文.ofd"])) as ofd:
        stamps = [n for n in ofd.namelist() if "/Annots/" in n and n.endswith("Annotation.xml")]
        assert stamps and any(b'Type="Stamp"' in ofd.read(n) for n in stamps)


def test_the_seal_is_read_back_from_a_signed_file_and_nothing_from_others(
    flow: Flow, org: Organisation, keys: tuple[seals.SealKey, seals.SealKey]
) -> None:
    doc, signed = with_official_pdf(archived(flow), org, keys[1])
    image = seals.seal_image_of(signed)
    assert image is not None
    with PILImage.open(io.BytesIO(image)) as seal:
        assert seal.mode == "RGBA" and seal.getextrema()[3][0] < 10  # transparent around
    assert seals.seal_image_of(render_document_pdf(doc, org, today=TODAY)) is None
    assert seals.seal_image_of(b"%PDF-1.7 not really") is None


def test_an_official_pdf_not_downloaded_refuses_export(
    flow: Flow, org: Organisation, keys: tuple[seals.SealKey, seals.SealKey]
) -> None:
    doc, _signed = with_official_pdf(archived(flow), org, keys[1])
    with pytest.raises(ValidationError) as caught:
        export(doc, org)
    assert caught.value.code == "archive.missing_official_pdf"
    assert "同步" in caught.value.message


def test_a_damaged_cached_blob_refuses_export(
    flow: Flow, org: Organisation, keys: tuple[seals.SealKey, seals.SealKey]
) -> None:
    doc, signed = with_official_pdf(archived(flow), org, keys[1])
    assert doc.official_pdf is not None
    with pytest.raises(ValidationError) as caught:
        export(doc, org, {doc.official_pdf.sha256: signed[:-10]})
    assert caught.value.code == "archive.corrupt_blob"


# --- bad input never breaks the XML -------------------------------------------------------------


def test_control_characters_never_break_the_xml(flow: Flow, org: Organisation) -> None:
    doc = replace(archived(flow), title="关于\x07做好\x0b值班\x00工作的通知",
                  trace=(replace(archived(flow).trace[0], opinion="同意\x1b。"),))
    package = export(doc, org)  # lxml refuses a malformed file
    assert package.text("文件实体/内容描述/题名") == "关于\ufffd做好\ufffd值班\ufffd工作的通知"
    assert package.text("业务实体/行为描述") == "创建：同意\ufffd。"


def test_a_very_long_title_and_markup_are_kept_whole(flow: Flow, org: Organisation) -> None:
    title = "关于<进一步>加强&规范\"公文\"处理工作]]>" * 60 + "的通知"
    package = export(replace(archived(flow), title=title), org)
    assert package.text("文件实体/内容描述/题名") == title


def test_text_no_file_can_hold_is_refused(flow: Flow, org: Organisation) -> None:
    with pytest.raises(ValidationError) as caught:
        export(replace(archived(flow), title="关于\ud800的通知"), org)
    assert caught.value.code == "archive.bad_text"
