"""PDF/A-2b (ISO 19005-2, level B) from a PDF rendered here, for archiving.

What reportlab writes already meets most of PDF/A-2b: every font is an embedded TrueType subset
whose widths match its program, there is no encryption, JavaScript, LZW or external content,
and the trailer has a file ID. This module adds what PDF/A declares on top, with pikepdf (qpdf):

- an XMP metadata stream (uncompressed, UTF-8, no `bytes`/`encoding` in the packet header)
  with `pdfaid:part` 2 and `pdfaid:conformance` B, and dc/xmp/pdf properties equal to the
  document information dictionary;
- an output intent (GTS_PDFA1) whose destination profile is sRGB, so that the DeviceRGB and
  DeviceGray colours (text, rules, the seal and its soft mask) are device independent;
- the version 1.7 header (ISO 19005-2 is based on ISO 32000-1, and a seal's soft mask needs
  at least 1.4), a binary comment line and a fresh second file ID from qpdf's writer.

The sRGB profile is LittleCMS's built-in one, made by Pillow at run time: an ICC v4 display
profile ('mntr', RGB), which ISO 19005-2 accepts, and no file to ship or license.
"""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Final
from xml.sax.saxutils import escape

from officeapp.pdf.errors import PdfError

if TYPE_CHECKING:
    import pikepdf

OUTPUT_CONDITION: Final = "sRGB IEC61966-2.1"
PDF_VERSION: Final = "1.7"
_PDF_DATE: Final = re.compile(
    r"D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([+-])(\d{2})'?(\d{2})'?|(Z))?"
)


def to_pdfa(pdf: bytes) -> bytes:
    """Return `pdf` (as rendered by officeapp.pdf) as PDF/A-2b."""
    # Imported on first use: most processes that import officeapp.pdf never archive.
    import pikepdf

    try:
        document = pikepdf.open(io.BytesIO(pdf))
    except pikepdf.PdfError as error:
        raise PdfError("pdf.not_pdf", f"不是有效的 PDF，无法转换为 PDF/A：{error}") from error
    with document:
        if document.is_encrypted:
            raise PdfError("pdf.encrypted", "PDF 已加密，PDF/A 不允许加密")
        info = _info(document)
        xmp = xmp_packet(info).encode("utf-8")
        # A metadata stream stays unfiltered, so that any tool can read it as plain XML.
        document.Root.Metadata = document.make_stream(
            xmp, Type=pikepdf.Name.Metadata, Subtype=pikepdf.Name.XML
        )
        document.Root.OutputIntents = pikepdf.Array([_output_intent(document)])
        output = io.BytesIO()
        document.save(
            output,
            min_version=PDF_VERSION,
            fix_metadata_version=False,
            object_stream_mode=pikepdf.ObjectStreamMode.disable,
        )
    return output.getvalue()


def _info(document: pikepdf.Pdf) -> dict[str, str]:
    """Return the document information as text, dropping entries XMP has no property for."""
    docinfo = document.docinfo
    # /Trapped has no property in the XMP schemas PDF/A-2 predefines, and an empty /Keywords
    # says nothing: both go, so that Info and XMP say the same.
    for key in ("/Trapped", "/Keywords"):
        if key in docinfo and (key == "/Trapped" or not str(docinfo[key])):
            del docinfo[key]
    return {str(key)[1:]: str(value) for key, value in docinfo.items()}


def _output_intent(document: pikepdf.Pdf) -> pikepdf.Dictionary:
    """Return the PDF/A output intent with the sRGB profile embedded."""
    import pikepdf

    profile = document.make_stream(srgb_profile(), N=3)
    return pikepdf.Dictionary(
        Type=pikepdf.Name.OutputIntent,
        S=pikepdf.Name.GTS_PDFA1,
        OutputConditionIdentifier=OUTPUT_CONDITION,
        Info=OUTPUT_CONDITION,
        RegistryName="http://www.color.org",
        DestOutputProfile=profile,
    )


@functools.cache
def srgb_profile() -> bytes:
    """Return an sRGB ICC profile (LittleCMS's built-in sRGB, made once per process)."""
    from PIL import ImageCms

    return bytes(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())


def xmp_packet(info: Mapping[str, str]) -> str:
    """Return the XMP packet: PDF/A-2b identification and the document information."""
    dc = ["<dc:format>application/pdf</dc:format>"]
    if info.get("Title"):
        dc.append(f"<dc:title>{_alt(info['Title'])}</dc:title>")
    if info.get("Author"):
        dc.append(f"<dc:creator><rdf:Seq><rdf:li>{escape(info['Author'])}</rdf:li></rdf:Seq>"
                  "</dc:creator>")
    if info.get("Subject"):
        dc.append(f"<dc:description>{_alt(info['Subject'])}</dc:description>")
    xmp = []
    if info.get("Creator"):
        xmp.append(f"<xmp:CreatorTool>{escape(info['Creator'])}</xmp:CreatorTool>")
    for key, name in (("CreationDate", "CreateDate"), ("ModDate", "ModifyDate")):
        moment = xmp_date(info.get(key, ""))
        if moment:
            xmp.append(f"<xmp:{name}>{moment}</xmp:{name}>")
    pdf = [f"<pdf:Producer>{escape(info['Producer'])}</pdf:Producer>"] if info.get("Producer") \
        else []
    descriptions = [
        ('xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"',
         ["<pdfaid:part>2</pdfaid:part>", "<pdfaid:conformance>B</pdfaid:conformance>"]),
        ('xmlns:dc="http://purl.org/dc/elements/1.1/"', dc),
        ('xmlns:xmp="http://ns.adobe.com/xap/1.0/"', xmp),
        ('xmlns:pdf="http://ns.adobe.com/pdf/1.3/"', pdf),
    ]
    body = "\n".join(f'<rdf:Description rdf:about="" {namespace}>\n{"".join(properties)}\n'
                     "</rdf:Description>" for namespace, properties in descriptions if properties)
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        f"{body}\n</rdf:RDF>\n</x:xmpmeta>\n"
        '<?xpacket end="w"?>'
    )


def _alt(text: str) -> str:
    """Return a language alternative with the default language only."""
    return f'<rdf:Alt><rdf:li xml:lang="x-default">{escape(text)}</rdf:li></rdf:Alt>'


def xmp_date(pdf_date: str) -> str:
    """Return a PDF date (D:20231127093000+08'00') as an XMP date, or "" when it is not one."""
    match = _PDF_DATE.match(pdf_date)
    if match is None:
        return ""
    year, month, day, hour, minute, second, sign, tz_hour, tz_minute, zulu = match.groups()
    text = f"{year}-{month or '01'}-{day or '01'}"
    if hour is None:
        return text
    text += f"T{hour}:{minute or '00'}:{second or '00'}"
    if zulu:
        return text + "Z"
    if sign:
        return text + f"{sign}{tz_hour}:{tz_minute}"
    return text
