"""Benchmark: render a 10-page 公文 N times as PDF, as OFD and as PDF/A; print JSON lines.

Bars: the PDF < 300 ms, the OFD export < 300 ms (p95). The PDF/A figure is the conversion's
added time on top of the PDF. `seal_sign_ms` is 用印 as the server does it (without the
database): render with the unit's seal, PDF/A-2b, PAdES signature (bar: p95 < 500 ms).
`seal_verify_ms` is 验章 of that file in the client (bar: < 200 ms).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import statistics
import time
import zipfile
from collections.abc import Callable, Sequence

from pypdf import PdfReader

from officeapp.demo import DEMO_PEOPLE, DEMO_UNITS, OFFICE_ID
from officeapp.documents import Direction, DocType
from officeapp.org import Organisation
from officeapp.pdf import (
    OfficialDocumentLayout,
    load_fonts,
    render_document,
    render_document_ofd,
    to_pdfa,
)
from officeapp.seals import (
    create_org_ca,
    draw_seal_image,
    issue_unit_certificate,
    verify_pdf,
)
from officeapp.workflow import Attachment, Document
from sync.server.storage.seals import UnitSeal, signed_pdf

PAGES = 10
# Common characters of official prose, so that the font subsets are of a realistic size.
POOL = (
    "为进一步加强公文处理工作提高质量和效率根据党政机关条例格式规定结合我市实际现就有关事项通知如下"
    "坚持实事求是精简高效的原则做到规范用语准确行文简洁各单位要高度重视切实组织领导明确责任分工确保"
    "项落实主负同志亲自抓分管具体办室认履职统筹协调严控制数量可发不一律长短起草深入调查研究充分听取"
    "方面意见观点鲜明条理清楚建立健全制度环节求章循对人员培训业素质能力年全共理件同比增其中电子占达"
    "请于月日前将贯彻情况报政府联系电话县区部门委员会财局司法应急商务教育卫生健康交通运输自然资源生"
    "态环境住房城乡设农业村水利文化旅游体市场监督管理审计统计医疗保障退役军人事务信访民族宗教外侨台"
)
PARAGRAPH_CHARS = 26  # with the two-character indent, one full line per paragraph
BODY_LINES = 7 + (PAGES - 2) * 22 + 14  # page 1 holds 7 body lines after the 版头


def sample_document(lines: int = BODY_LINES) -> OfficialDocumentLayout:
    """Return a document whose body has `lines` full lines of generated text."""
    paragraphs = []
    for index in range(lines):
        start = (index * 37) % len(POOL)
        text = (POOL * 2)[start : start + PARAGRAPH_CHARS - 1] + "。"
        paragraphs.append(text)
    return OfficialDocumentLayout(
        agency_mark="萍乡市人民政府文件",
        doc_number="萍府发〔2023〕21号",
        title="萍乡市人民政府关于进一步加强和规范公文处理工作的通知",
        main_recipients=("各县（区）人民政府", "市政府各部门"),
        body="\n\n".join(paragraphs),
        attachments=("萍乡市公文处理工作规范",),
        issuer="萍乡市人民政府",
        date=dt.date(2023, 11, 27),
        cc_recipients=("市委各部门", "市人大常委会办公室", "市政协办公室"),
        print_unit="萍乡市人民政府办公室",
        print_date=dt.date(2023, 11, 28),
    )


def sample_seal(now: dt.datetime) -> tuple[Document, Organisation, UnitSeal]:
    """Return the sample as a numbered 发文 of 市政府办公室, the demo directory, and a seal."""
    layout = sample_document()
    doc = Document(id="bench", direction=Direction.OUTGOING, doc_type=DocType.NOTICE,
                   title=layout.title, owner_unit_id=OFFICE_ID, created_by="p-office.clerk",
                   created_at=now, step="issue", agency_code="萍府办发",
                   doc_number=layout.doc_number, body=layout.body, written_date=layout.date,
                   main_recipients=layout.main_recipients, cc_recipients=layout.cc_recipients,
                   attachments=tuple(Attachment(name) for name in layout.attachments),
                   print_unit=layout.print_unit, print_date=layout.print_date)
    org = Organisation(DEMO_UNITS, DEMO_PEOPLE, [])
    ca = create_org_ca("萍乡市人民政府", now=now)
    key = issue_unit_certificate(ca, "市政府办公室", OFFICE_ID, now=now)
    return doc, org, UnitSeal(OFFICE_ID, draw_seal_image("市政府办公室"), key, now)


def timed(action: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Return the median and the p95 of `repeat` runs of `action`, in ms."""
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
    return round(statistics.median(timings), 1), round(p95, 1)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print its figures as JSON lines."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", "--repeat", type=int, default=20, help="timed renders (default 20)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    fonts = load_fonts()
    font_ms = (time.perf_counter() - started) * 1000
    document = sample_document()
    pdf = render_document(document, fonts=fonts)
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    ofd = render_document_ofd(document, fonts=fonts)  # warms the OFD path (imports) once
    pdfa = to_pdfa(pdf)
    with zipfile.ZipFile(io.BytesIO(ofd)) as package:
        ofd_fonts = sum(i.file_size for i in package.infolist() if i.filename.endswith(".ttf"))
    pdf_ms, pdf_p95 = timed(lambda: render_document(document, fonts=fonts), args.repeat)
    ofd_ms, ofd_p95 = timed(lambda: render_document_ofd(document, fonts=fonts), args.repeat)
    pdfa_ms, pdfa_p95 = timed(lambda: to_pdfa(pdf), args.repeat)
    now = dt.datetime.now(dt.UTC)
    doc, org, seal = sample_seal(now)
    sealed = signed_pdf(doc, org, seal, now)  # warms the signer (imports) once
    seal_ms, seal_p95 = timed(lambda: signed_pdf(doc, org, seal, now), args.repeat)
    roots = [seal.key.chain_pem[-1]]
    if not verify_pdf(sealed, roots).ok:  # warms the validator, and proves what is timed
        raise SystemExit("the sealed sample does not verify")
    verify_ms, verify_p95 = timed(lambda: verify_pdf(sealed, roots), args.repeat)
    figures = [
        {"name": "render_10_pages_ms", "value": pdf_ms, "unit": "ms"},
        {"name": "render_10_pages_ms_p95", "value": pdf_p95, "unit": "ms"},
        {"name": "font_scan_and_register_ms", "value": round(font_ms, 1), "unit": "ms"},
        {"name": "render_10_pages_page_count", "value": pages, "unit": "pages"},
        {"name": "ofd_export_ms", "value": ofd_ms, "unit": "ms"},
        {"name": "ofd_export_ms_p95", "value": ofd_p95, "unit": "ms"},
        {"name": "pdfa_overhead_ms", "value": pdfa_ms, "unit": "ms"},
        {"name": "pdfa_overhead_ms_p95", "value": pdfa_p95, "unit": "ms"},
        {"name": "seal_sign_ms", "value": seal_ms, "unit": "ms"},
        {"name": "seal_sign_ms_p95", "value": seal_p95, "unit": "ms"},
        {"name": "seal_verify_ms", "value": verify_ms, "unit": "ms"},
        {"name": "seal_verify_ms_p95", "value": verify_p95, "unit": "ms"},
        {"name": "pdf_bytes", "value": len(pdf), "unit": "bytes"},
        {"name": "pdfa_bytes", "value": len(pdfa), "unit": "bytes"},
        {"name": "ofd_bytes", "value": len(ofd), "unit": "bytes"},
        {"name": "sealed_pdf_bytes", "value": len(sealed), "unit": "bytes"},
        {"name": "ofd_font_subsets_bytes", "value": ofd_fonts, "unit": "bytes"},
    ]
    for figure in figures:
        print(json.dumps(figure, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
