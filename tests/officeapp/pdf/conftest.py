"""Fixtures of the PDF tests: the machine's fonts, a sample document and a PDF measurer."""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pdfplumber
import pytest

from officeapp.pdf import FontSet, load_fonts

MM = 72.0 / 25.4

# 82 characters without punctuation: a first line of 26 after the indent, then two of 28.
PLAIN = (
    "各单位要高度重视公文处理工作切实加强组织领导明确责任分工确保各项工作落到实处要加强对公文处理"
    "人员的培训提高业务素质和工作能力做到格式规范用语准确行文简洁坚持实事求是"
)
assert len(PLAIN) == 82


@dataclass
class PageView:
    """What pdfplumber saw on one page, in points from the top left."""

    number: int
    width: float
    height: float
    chars: list[dict[str, Any]]
    rects: list[dict[str, Any]]
    images: list[dict[str, Any]]

    @property
    def text(self) -> str:
        """Return all characters of the page in drawing order."""
        return "".join(char["text"] for char in self.chars)


def measure_pdf(pdf: bytes) -> list[PageView]:
    """Return the characters, rectangles and images of every page."""
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return [
            PageView(
                number,
                float(page.width),
                float(page.height),
                list(page.chars),
                list(page.rects),
                list(page.images),
            )
            for number, page in enumerate(document.pages, start=1)
        ]


def face_of(char: dict[str, Any]) -> str:
    """Return the face name of a measured character: AAAAAB+UMingCN-0 -> UMingCN."""
    return str(char["fontname"]).split("+")[-1].rsplit("-", 1)[0]


def write_png(path: Path, width: int = 40, height: int = 40) -> Path:
    """Write a small red, half-transparent PNG (a stand-in seal) and return its path."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    row = b"\x00" + bytes((220, 0, 0, 160)) * width
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    data = zlib.compress(row * height)
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data)
    path.write_bytes(png + chunk(b"IEND", b""))
    return path


def sample_document(**changes: object) -> dict[str, object]:
    """Return the JSON-like input of a full document, with `changes` applied."""
    body = [
        "一、总体要求",
        PLAIN,
        "（一）加强组织领导。" + PLAIN[:40] + "。",
        "（二）规范行文程序",
        PLAIN,
        "1.严格控制发文数量。",
        "（1）文种使用要正确。",
        *[PLAIN] * 10,
    ]
    data: dict[str, object] = {
        "agency_mark": "萍乡市人民政府文件",
        "doc_number": "萍府发〔2023〕21号",
        "urgency": "特急",
        "classification": "内部",
        "copy_number": "1",
        "title": "萍乡市人民政府关于进一步加强和规范公文处理工作的通知",
        "main_recipients": ["各县（区）人民政府", "市政府各部门"],
        "body": "\n\n".join(body),
        "attachments": ["萍乡市公文处理工作规范", "萍乡市公文格式示例"],
        "issuer": "萍乡市人民政府",
        "date": "2023-11-27",
        "note": "此件公开发布",
        "cc_recipients": ["市委各部门", "市人大常委会办公室", "市政协办公室"],
        "print_unit": "萍乡市人民政府办公室",
        "print_date": "2023-11-28",
    }
    data.update(changes)
    return data


@pytest.fixture(scope="session")
def fonts() -> FontSet:
    """Return the machine's fonts (the suite needs a CJK TrueType font installed)."""
    return load_fonts()


@pytest.fixture(scope="session")
def measure() -> Callable[[bytes], list[PageView]]:
    """Return the PDF measurer."""
    return measure_pdf


@pytest.fixture(scope="session")
def document_data() -> Callable[..., dict[str, object]]:
    """Return the factory of sample document inputs."""
    return sample_document


@pytest.fixture(scope="session")
def face() -> Callable[[dict[str, Any]], str]:
    """Return the function naming the face of a measured character."""
    return face_of


@pytest.fixture
def seal_png(tmp_path: Path) -> Path:
    """Return a small PNG standing in for a seal."""
    return write_png(tmp_path / "seal.png")


@pytest.fixture(scope="session")
def shared_seal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a seal PNG shared by module-scoped fixtures."""
    return write_png(tmp_path_factory.mktemp("seal") / "seal.png")
