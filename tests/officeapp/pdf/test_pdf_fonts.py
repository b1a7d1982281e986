"""Font discovery: roles, fallbacks, skipped PostScript fonts and the no-font error."""

from __future__ import annotations

import datetime as dt
import struct
from pathlib import Path

import pytest

from officeapp.pdf import (
    FontNotFoundError,
    FontRole,
    FontSet,
    OfficialDocumentLayout,
    render_document,
)
from officeapp.pdf import fonts as fonts_module
from officeapp.pdf.fonts import load_fonts, read_faces


def fake_font(path: Path, *, outline: bytes) -> Path:
    """Write a font file named SimHei/黑体 with no usable glyphs, large enough to be scanned."""
    records = [(0x409, "SimHei"), (0x804, "黑体")]
    strings = b"".join(name.encode("utf-16-be") for _, name in records)
    entries, offset = b"", 0
    for language, name in records:
        length = len(name.encode("utf-16-be"))
        entries += struct.pack(">HHHHHH", 3, 1, language, 1, length, offset)
        offset += length
    name_table = struct.pack(">HHH", 0, len(records), 6 + 12 * len(records)) + entries + strings
    tags = sorted([b"name", outline])
    start = 12 + 16 * len(tags)
    # The name table follows the directory; the outline table is empty, after it.
    placement = {b"name": (start, len(name_table)), outline: (start + len(name_table), 0)}
    directory = b"".join(struct.pack(">4sIII", tag, 0, *placement[tag]) for tag in tags)
    version = b"OTTO" if outline == b"CFF " else b"\x00\x01\x00\x00"
    header = version + struct.pack(">HHHH", len(tags), 0, 0, 0)
    path.write_bytes((header + directory + name_table).ljust(300 * 1024, b"\x00"))
    return path


@pytest.fixture
def only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Return an empty font folder that is the only one searched."""
    monkeypatch.setattr(fonts_module, "SYSTEM_FONT_DIRS", ())
    monkeypatch.setenv("OFFICEAPP_FONT_DIR", str(tmp_path))
    return tmp_path


def test_every_role_has_an_embeddable_truetype_font(fonts: FontSet) -> None:
    for role in FontRole:
        chain = fonts.chains[role]
        assert chain
        assert len({font.path for font in chain}) == len(chain), "fallbacks from other files"
        for font in chain:
            assert font.covers("中")
            assert font.path.suffix.lower() in {".ttf", ".ttc"}


def test_fonts_are_scanned_once(fonts: FontSet) -> None:
    assert load_fonts() is load_fonts()


def test_names_are_read_in_english_and_chinese(tmp_path: Path) -> None:
    (face,) = read_faces(fake_font(tmp_path / "simhei.ttf", outline=b"glyf"))
    assert face.families == {"simhei", "黑体"}
    assert face.truetype


def test_postscript_outlines_are_skipped(only: Path) -> None:
    (face,) = read_faces(fake_font(only / "simhei.otf", outline=b"CFF "))
    assert not face.truetype
    with pytest.raises(FontNotFoundError):
        load_fonts()


def test_a_broken_font_is_skipped_not_fatal(only: Path) -> None:
    fake_font(only / "simhei.ttf", outline=b"glyf")
    with pytest.raises(FontNotFoundError):
        load_fonts()


def test_no_cjk_font_is_a_clear_error(only: Path) -> None:
    document = OfficialDocumentLayout(
        agency_mark="萍乡市人民政府文件",
        title="关于测试的通知",
        body="正文。",
        issuer="萍乡市人民政府",
        date=dt.date(2023, 11, 27),
    )
    with pytest.raises(FontNotFoundError) as caught:
        render_document(document)
    assert caught.value.code == "pdf.no_cjk_font"
    assert "fonts-arphic-uming fonts-arphic-ukai fonts-wqy-zenhei" in caught.value.message
    assert "simfang.ttf" in caught.value.message
    assert str(only) in caught.value.details["searched"]


def test_one_font_in_the_font_dir_serves_every_role(only: Path, fonts: FontSet) -> None:
    source = fonts.primary(FontRole.HEITI).path
    (only / source.name).symlink_to(source)
    found = load_fonts()
    for role in FontRole:
        assert [font.path for font in found.chains[role]] == [only / source.name]
