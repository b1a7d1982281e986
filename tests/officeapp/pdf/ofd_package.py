"""Read an OFD package back for the tests: its XML parts and every glyph's place on the page.

This is the tests' own small reader, written from GB/T 33190-2016 and not from the writer: it
applies a TextObject's Boundary and CTM to each TextCode's X, Y and DeltaX. The independent
reader from the package registry (ofdkit) is used beside it in test_ofd.py.
"""

from __future__ import annotations

import io
import posixpath
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pdfplumber

NS = "http://www.ofdspec.org/2016"
Q = f"{{{NS}}}"
MM = 72.0 / 25.4


@dataclass(frozen=True)
class PlacedChar:
    """A character and its origin on the baseline, in mm from the top left of the page."""

    char: str
    x: float
    y: float


class OfdPackage:
    """The parts of an OFD file."""

    def __init__(self, content: bytes) -> None:
        self.zip = zipfile.ZipFile(io.BytesIO(content))
        self.names = self.zip.namelist()

    def xml(self, name: str) -> ET.Element:
        """Return the root element of a part."""
        return ET.fromstring(self.zip.read(name))

    def read(self, name: str) -> bytes:
        """Return the bytes of a part."""
        return self.zip.read(name)

    @property
    def document_path(self) -> str:
        """Return the path of Document.xml, as OFD.xml's DocRoot names it."""
        root = self.xml("OFD.xml")
        return text_of(root, "DocBody/DocRoot")

    def document(self) -> ET.Element:
        """Return Document.xml."""
        return self.xml(self.document_path)

    def resolve(self, base: str, location: str) -> str:
        """Return `location` (relative to the part `base`, or absolute) as a package path."""
        if location.startswith("/"):
            return location.lstrip("/")
        return posixpath.normpath(posixpath.join(posixpath.dirname(base), location))

    def page_paths(self) -> list[str]:
        """Return the Content.xml path of every page, in order."""
        document = self.document()
        return [self.resolve(self.document_path, page.attrib["BaseLoc"])
                for page in document.iterfind(f"{Q}Pages/{Q}Page")]

    def pages(self) -> list[ET.Element]:
        """Return every page's Content.xml root."""
        return [self.xml(path) for path in self.page_paths()]

    def resources(self) -> list[tuple[str, ET.Element]]:
        """Return (path, root) of the PublicRes and DocumentRes files."""
        common = self.document().find(f"{Q}CommonData")
        assert common is not None
        found = []
        for tag in ("PublicRes", "DocumentRes"):
            for element in common.iterfind(f"{Q}{tag}"):
                path = self.resolve(self.document_path, element.text or "")
                found.append((path, self.xml(path)))
        return found

    def resource_file(self, res_path: str, res: ET.Element, location: str) -> str:
        """Return the package path of a file named in a resource file (under its BaseLoc)."""
        base = res.attrib.get("BaseLoc", "")
        folder = self.resolve(res_path, base) if base else posixpath.dirname(res_path)
        return posixpath.normpath(posixpath.join(folder, location))


def text_of(element: ET.Element, path: str) -> str:
    """Return the text of the element at `path` (OFD-namespaced tags separated by /)."""
    found = element.find("/".join(f"{Q}{part}" for part in path.split("/")))
    assert found is not None, path
    return found.text or ""


def numbers(text: str) -> list[float]:
    """Return the numbers of an ST_Array or ST_Box."""
    return [float(part) for part in text.split()]


def deltas(text: str | None, count: int) -> list[float]:
    """Return DeltaX values, expanding the `g n value` shorthand."""
    tokens = (text or "").split()
    values: list[float] = []
    index = 0
    while index < len(tokens):
        if tokens[index] == "g":
            values += [float(tokens[index + 2])] * int(tokens[index + 1])
            index += 3
        else:
            values.append(float(tokens[index]))
            index += 1
    assert len(values) == count, (text, count)
    return values


def text_objects(page: ET.Element) -> Iterator[ET.Element]:
    """Yield a page's TextObjects in document order."""
    yield from page.iter(f"{Q}TextObject")


def placed_chars(text_object: ET.Element) -> list[PlacedChar]:
    """Return the characters of a TextObject with their origins on the page."""
    box = numbers(text_object.attrib["Boundary"])
    a, b, c, d, e, f = numbers(text_object.attrib.get("CTM", "1 0 0 1 0 0"))
    placed = []
    for code in text_object.iterfind(f"{Q}TextCode"):
        text = code.text or ""
        x, y = float(code.attrib["X"]), float(code.attrib["Y"])
        steps = deltas(code.attrib.get("DeltaX"), max(len(text) - 1, 0))
        for index, char in enumerate(text):
            if index:
                x += steps[index - 1]
            placed.append(PlacedChar(char, box[0] + a * x + c * y + e, box[1] + b * x + d * y + f))
    return placed


def ofd_chars(content: bytes) -> list[list[PlacedChar]]:
    """Return every page's characters in drawing order."""
    package = OfdPackage(content)
    return [[char for obj in text_objects(page) for char in placed_chars(obj)]
            for page in package.pages()]


def pdf_chars(pdf: bytes) -> list[list[PlacedChar]]:
    """Return every PDF page's characters with their origins, in mm from the top left."""
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return [[pdf_char(char, float(page.height)) for char in page.chars]
                for page in document.pages]


def pdf_char(char: dict[str, Any], page_height: float) -> PlacedChar:
    """Return a pdfplumber character at its origin (the text matrix's translation)."""
    matrix = char["matrix"]
    return PlacedChar(str(char["text"]), matrix[4] / MM, (page_height - matrix[5]) / MM)
