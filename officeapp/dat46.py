"""DA/T 46-2009 文书类电子文件元数据方案: an archived document's metadata as XML.

The archive package (officeapp.archive) carries it as metadata.xml beside metadata.json. The
element names are the standard's; the structure follows its element tree (containers hold
their sub-elements), written without a namespace or XSD, UTF-8, XML 1.0. One 件 is described:

    文书类电子文件元数据 (root; 标准="DA/T 46-2009")
      文件实体
        聚合层次 来源 电子文件号 档号 内容描述 形式特征 存储位置 权限管理 信息系统描述 附注
        文件数据/文档…            one 文档 per file of the package, with its 电子属性
        数字签名                   only when 正文.pdf is the signed official PDF
      业务实体…                    one per trace entry (留痕), each with its 机构人员实体

Filled:
- 聚合层次 (件); 来源: 全宗名称, 立档单位名称 (the owning unit); 电子文件号 (the document id);
- 档号: 全宗号, 年度, 保管期限, 机构或问题, 室编件号 (the server-assigned 件号);
- 内容描述: 题名, 文件编号, 责任者, 日期 (YYYYMMDD), 文种, 紧急程度, 主送, 抄送, 密级;
- 形式特征: 文件组合类型 (单件, or 组合文件 with 附件), 页数 (of 正文.pdf), 语种, 稿本 (正本,
  for the signed official PDF only);
- 存储位置/当前位置 (the package folder); 权限管理/控制标识 (开放 for 公开, 控制 otherwise);
- 信息系统描述; 附注 (where 正文.pdf comes from, and 验章's verdict at export);
- 文件数据/文档: 文档标识符, 文档序号, 电子属性 (格式信息, 计算机文件名, 计算机文件大小,
  文档创建程序);
- 数字签名: 签名规则, 签名时间, 签名人, 签名结果 (the signature value, base64), 证书 (the
  signer's certificate, base64 DER), 证书引证 (issuer, serial number, SHA-256 fingerprint),
  签名算法标识 (name and OID);
- 业务实体: 业务行为, 行为时间 (ISO 8601, Beijing time), 行为描述 (the action and the
  opinion); 机构人员实体: 机构人员类型 (个人), 机构人员名称, 个人职位.

Left empty (written as empty elements, to be filled on transfer): 档案馆名称, 档案馆代码 — the
receiving archive is not known when a unit exports.
Left out, and why:
- 目录号, 类别号, 室编案卷号, 馆编案卷号, 文档序号 and 页号 under 档号: documents are filed by
  件 (DA/T 22-2015), not in 案卷; 馆编件号 is assigned by the archive;
- 并列题名, 副题名, 说明题名文字, 主题词, 关键词, 人名, 摘要, 分类号, 保密期限: the system does
  not record them (and only 公开/内部 documents exist on the extranet);
- 件数 (an aggregation's count), 稿本 of a re-rendered 正文 (it is not the issued original);
- 脱机载体编号, 脱机载体存址, 缩微号: no offline carrier or microfilm exists yet;
- 知识产权说明, 授权对象, 授权行为: not recorded; access follows the directory;
- 数字化属性: born-digital files, nothing was scanned;
- 业务状态, 行为依据: every traced action has happened; the rule is the workflow itself;
  组织机构代码: the directory holds no 统一社会信用代码;
- 实体关系: the relation of a 业务实体 to its 机构人员实体 is written as containment.
"""

from __future__ import annotations

import base64
import hashlib
import io
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Final

from cryptography import x509

from officeapp import __version__
from officeapp.archivecode import ArchiveCode
from officeapp.clock import local
from officeapp.documents import Classification, Direction
from officeapp.org import Organisation
from officeapp.render import unit_names
from officeapp.seals import SealVerdict, subject_name
from officeapp.workflow.definitions import WORKFLOWS
from officeapp.workflow.model import ACTION_LABELS, ActionKind, Document, TraceEntry

STANDARD: Final = "DA/T 46-2009"
FORMAT: Final = "officeapp-dat46/1"
SYSTEM: Final = (f"协同办公 officeapp {__version__}：公文流转（发文、收文）与归档，"
                 "客户端离线可用（本地 SQLite 缓存），与服务器同步")
SIGNATURE_RULE: Final = ("PAdES 基线签名（ETSI EN 319 142-1，ETSI.CAdES.detached），"
                         "嵌入 PDF（ISO 32000-2 12.8），增量更新；签名覆盖正文.pdf 全部内容")
# XML 1.0 cannot carry these (C0 controls but tab and line breaks, lone surrogates, U+FFFE/F).
NOT_XML: Final = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# Actions that do the work of their step: the step names the 业务行为 (核稿, 签发 …); other
# actions (催办, 委托, 归档 …) are a 业务行为 of their own.
_STEP_WORK: Final = frozenset({ActionKind.APPROVE, ActionKind.RETURN, ActionKind.EDIT,
                               ActionKind.CREATE})


@dataclass(frozen=True)
class SignatureRecord:
    """数字签名: what the signed PDF says about its signature, and 验章's verdict on it."""

    signer: str  # 签名人
    signed_at: datetime | None  # 签名时间
    value: str  # 签名结果: the signature value, base64
    certificate: str  # 证书: the signer's certificate, base64 DER
    certificate_ref: str  # 证书引证
    algorithm: str  # 签名算法标识
    status: str  # 验章 at export: a SealStatus value
    verdict: str  # 验章 at export, for people (附注)


@dataclass(frozen=True)
class PackageFile:
    """One file of the package: a 文档 of DA/T 46's 文件数据."""

    name: str  # the path inside the package folder: 正文.pdf, 附件/01-….xlsx
    role: str  # 文档标识符: 正文, 发文稿纸, 附件 …
    format: str  # 格式信息: PDF/A-2b, OFD …
    content: bytes
    creator: str = ""  # 文档创建程序

    @property
    def size(self) -> int:
        """Return the file's size in bytes (计算机文件大小)."""
        return len(self.content)

    @property
    def sha256(self) -> str:
        """Return the file's SHA-256 (hex), for the package's fixity manifest."""
        return hashlib.sha256(self.content).hexdigest()


@dataclass(frozen=True)
class Description:
    """What the package says about itself beyond the document: its 档号, 正文's pages, where
    正文.pdf comes from (附注), and the official PDF's signature when it is the signed one."""

    code: ArchiveCode
    pages: int
    note: str
    signature: SignatureRecord | None = None


def clean(text: str) -> str:
    """Return `text` with what XML 1.0 cannot carry replaced by U+FFFD (never a broken file)."""
    return NOT_XML.sub("\ufffd", text)


def metadata_xml(doc: Document, org: Organisation, *, description: Description,
                 files: Sequence[PackageFile]) -> bytes:
    """Return the DA/T 46 metadata of an archived document and its package's files."""
    root = ET.Element("文书类电子文件元数据", {"标准": STANDARD, "格式": FORMAT})
    entity = ET.SubElement(root, "文件实体")
    _identity(entity, doc, org, description.code)
    _content(ET.SubElement(entity, "内容描述"), doc, org)
    _form(ET.SubElement(entity, "形式特征"), doc, description)
    _leaf(ET.SubElement(entity, "存储位置"), "当前位置", f"{description.code}/")
    _leaf(ET.SubElement(entity, "权限管理"), "控制标识",
          "开放" if doc.classification is Classification.PUBLIC else "控制")
    _leaf(entity, "信息系统描述", SYSTEM)
    _leaf(entity, "附注", description.note)
    data = ET.SubElement(entity, "文件数据")
    for number, file in enumerate(files, start=1):
        _document(data, file, number)
    if description.signature is not None:
        _signature(ET.SubElement(entity, "数字签名"), description.signature)
    for entry in doc.trace:
        _business(root, doc, org, entry)
    ET.indent(root)
    text: str = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{text}\n'.encode()


def _leaf(parent: ET.Element, tag: str, text: str | None) -> None:
    """Add `<tag>text</tag>`; an empty text still adds the (empty) element."""
    ET.SubElement(parent, tag).text = clean(text) if text else None


def _maybe(parent: ET.Element, tag: str, text: str | None) -> None:
    """Add `<tag>text</tag>` when there is a text: an optional element nobody filled is left out."""
    if text:
        _leaf(parent, tag, text)


def _unit_name(org: Organisation, unit_id: str) -> str:
    unit = org.units.get(unit_id)
    return unit.name if unit else unit_id


def _identity(entity: ET.Element, doc: Document, org: Organisation, code: ArchiveCode) -> None:
    """聚合层次, 来源, 电子文件号 and 档号."""
    _leaf(entity, "聚合层次", "件")
    source = ET.SubElement(entity, "来源")
    unit = _unit_name(org, doc.owner_unit_id)
    for tag, text in (("档案馆名称", ""), ("档案馆代码", ""), ("全宗名称", unit),
                      ("立档单位名称", unit)):
        _leaf(source, tag, text)
    _leaf(entity, "电子文件号", doc.id)
    number = ET.SubElement(entity, "档号")
    for tag, text in (("全宗号", code.fonds), ("年度", str(code.year)),
                      ("保管期限", code.retention.value), ("机构或问题", code.unit_code),
                      ("室编件号", f"{code.item_number:04d}")):
        _leaf(number, tag, text)


def responsible(doc: Document, org: Organisation) -> str:
    """Return the 责任者: the issuer of an outgoing document, the sender of an incoming one."""
    if doc.direction is Direction.INCOMING and doc.sender_unit:
        return doc.sender_unit
    return doc.issuer or _unit_name(org, doc.owner_unit_id)


def _content(content: ET.Element, doc: Document, org: Organisation) -> None:
    """内容描述: 题名 … 密级."""
    day = doc.written_date or local(doc.created_at).date()
    for tag, text in (("题名", doc.title), ("文件编号", doc.doc_number),
                      ("责任者", responsible(doc, org)), ("日期", day.strftime("%Y%m%d")),
                      ("文种", doc.doc_type.value), ("紧急程度", doc.urgency.value),
                      ("主送", "、".join(unit_names(org, doc.main_recipients))),
                      ("抄送", "、".join(unit_names(org, doc.cc_recipients))),
                      ("密级", doc.classification.value)):
        _maybe(content, tag, text)


def _form(form: ET.Element, doc: Document, description: Description) -> None:
    """形式特征: 文件组合类型, 页数, 语种, 稿本."""
    _leaf(form, "文件组合类型", "组合文件" if doc.attachments else "单件")
    _leaf(form, "页数", str(description.pages))
    _leaf(form, "语种", "汉语")
    if description.signature is not None:
        _leaf(form, "稿本", "正本")


def _document(data: ET.Element, file: PackageFile, number: int) -> None:
    """One 文档 of 文件数据, with its 电子属性."""
    document = ET.SubElement(data, "文档")
    _leaf(document, "文档标识符", file.role)
    _leaf(document, "文档序号", str(number))
    properties = ET.SubElement(document, "电子属性")
    for tag, text in (("格式信息", file.format), ("计算机文件名", file.name),
                      ("计算机文件大小", str(file.size))):
        _leaf(properties, tag, text)
    _maybe(properties, "文档创建程序", file.creator)


def _signature(element: ET.Element, record: SignatureRecord) -> None:
    """数字签名 of the official PDF."""
    signed_at = local(record.signed_at).isoformat(timespec="seconds") if record.signed_at else ""
    for tag, text in (("签名规则", SIGNATURE_RULE), ("签名时间", signed_at),
                      ("签名人", record.signer), ("签名结果", record.value),
                      ("证书", record.certificate), ("证书引证", record.certificate_ref),
                      ("签名算法标识", record.algorithm)):
        _leaf(element, tag, text)


def step_label(doc: Document, step: str) -> str:
    """Return the Chinese name of a step of the document's workflow (its key if unknown)."""
    workflow = WORKFLOWS.get(doc.direction)
    return workflow.step(step).label if workflow and workflow.has_step(step) else step


def action_text(doc: Document, entry: TraceEntry) -> str:
    """Return the 行为描述 of a trace entry: the action, the opinion, the step it sent the
    document to, and the time the person acted when they acted offline."""
    text = ACTION_LABELS.get(entry.action, entry.action.value)
    if entry.opinion:
        text += f"：{entry.opinion}"
    if entry.target_step:
        text += f"（转至{step_label(doc, entry.target_step)}）"
    if entry.acted_at is not None:
        text += f"（离线办理，本人操作时间 {local(entry.acted_at).isoformat(timespec='seconds')}）"
    return text


def _person(org: Organisation, entry: TraceEntry) -> tuple[str, str]:
    """Return the name (with whom they acted for) and the position of who acted."""
    name = entry.actor_name
    if entry.on_behalf_of:
        principal = org.people.get(entry.on_behalf_of)
        name += f"（代{principal.name if principal else entry.on_behalf_of}）"
    person = org.people.get(entry.actor_id)
    if person is None:
        return name, ""
    return name, "，".join(t for t in (_unit_name(org, person.unit_id), person.title) if t)


def _business(root: ET.Element, doc: Document, org: Organisation, entry: TraceEntry) -> None:
    """One 业务实体 per trace entry, with the person who acted as its 机构人员实体."""
    business = ET.SubElement(root, "业务实体")
    work = step_label(doc, entry.step) if entry.action in _STEP_WORK else ACTION_LABELS.get(
        entry.action, entry.action.value)
    _leaf(business, "业务行为", work)
    _leaf(business, "行为时间", local(entry.at).isoformat(timespec="seconds"))
    _leaf(business, "行为描述", action_text(doc, entry))
    agent = ET.SubElement(business, "机构人员实体")
    name, position = _person(org, entry)
    _leaf(agent, "机构人员类型", "个人")
    _leaf(agent, "机构人员名称", name)
    _maybe(agent, "个人职位", position)


# --- the signed PDF ---------------------------------------------------------------------------


def read_signature(pdf: bytes, *, verdict: SealVerdict) -> SignatureRecord | None:
    """Return the 数字签名 facts of the last signature embedded in `pdf` (who and when as
    验章 found them), None when it has none or it cannot be read (the verdict says why)."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        signatures = PdfFileReader(io.BytesIO(pdf), strict=False).embedded_regular_signatures
        if not signatures:
            return None
        embedded = signatures[-1]
        certificate = bytes(embedded.signer_cert.dump())
        info = embedded.signer_info
        algorithm = info["signature_algorithm"]["algorithm"]
        value = bytes(info["signature"].native)
        signed_at = embedded.self_reported_timestamp
    except Exception:  # a damaged signature: 验章's verdict says so in 附注
        return None
    return SignatureRecord(
        signer=verdict.signer or subject_name(x509.load_der_x509_certificate(certificate)),
        signed_at=verdict.signed_at or signed_at,
        value=base64.b64encode(value).decode(), certificate=base64.b64encode(certificate).decode(),
        certificate_ref=_certificate_ref(certificate),
        algorithm=f"{algorithm.native}（{algorithm.dotted}）", status=verdict.status.value,
        verdict=verdict.message)


def _certificate_ref(der: bytes) -> str:
    """Return how to find the certificate again: issuer, serial number, SHA-256 fingerprint."""
    certificate = x509.load_der_x509_certificate(der)
    return (f"颁发者：{certificate.issuer.rfc4514_string()}；"
            f"序列号：{certificate.serial_number:x}；"
            f"SHA-256 指纹：{hashlib.sha256(der).hexdigest()}")
