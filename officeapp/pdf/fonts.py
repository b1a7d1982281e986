"""Find the machine's CJK fonts, register them with reportlab and pick one chain per role.

Each role (仿宋, 宋体, 黑体, 楷体, 小标宋) has a fallback chain of family names, tried in order:
the Windows fonts and the 方正 fonts first, then the free fonts of Debian, 统信 UOS and 麒麟
(AR PL UMing/UKai, WenQuanYi). A role keeps up to three fonts: the first draws the text, the
others draw characters the first one lacks. reportlab can only embed fonts with TrueType
outlines, so fonts with PostScript (CFF) outlines, such as Noto CJK, are skipped.
"""

from __future__ import annotations

import hashlib
import logging
import os
import struct
import sys
import threading
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import BinaryIO, Final

from officeapp.pdf._reportlab import TTFont, pdfmetrics
from officeapp.pdf.errors import FontNotFoundError

log = logging.getLogger(__name__)

FONT_DIR_ENV: Final = "OFFICEAPP_FONT_DIR"
SYSTEM_FONT_DIRS: tuple[str, ...] = (
    "~/.fonts",
    "~/.local/share/fonts",
    "/usr/local/share/fonts",
    "/usr/share/fonts",
)
FONT_SUFFIXES: Final = frozenset({".ttf", ".ttc", ".otf", ".otc"})
# A font with the GB2312 repertoire is megabytes large; skipping small files keeps the scan
# of a desktop with thousands of Latin fonts cheap.
MIN_FONT_BYTES: Final = 256 * 1024
FONTS_PER_ROLE: Final = 3


class FontRole(StrEnum):
    """The typefaces GB/T 9704-2012 asks for."""

    FANGSONG = "fangsong"  # 仿宋: 正文
    SONGTI = "songti"  # 宋体: 页码
    HEITI = "heiti"  # 黑体: 一级标题, 份号, 密级, 紧急程度
    KAITI = "kaiti"  # 楷体: 二级标题, 签发人姓名
    TITLE = "title"  # 小标宋: 发文机关标志, 标题


_FANGSONG = (
    "FangSong", "仿宋", "FangSong_GB2312", "仿宋_GB2312", "STFangsong", "华文仿宋",
    "FZFangSong-Z02S", "方正仿宋_GBK", "方正仿宋简体",
)  # fmt: skip
_SONGTI = (
    "SimSun", "宋体", "NSimSun", "新宋体", "STSong", "华文宋体",
    "FZShuSong-Z01S", "方正书宋_GBK", "方正书宋简体",
)  # fmt: skip
_HEITI = (
    "SimHei", "黑体", "STHeiti", "华文黑体", "FZHei-B01S", "方正黑体_GBK", "方正黑体简体",
    "Microsoft YaHei", "微软雅黑",
)  # fmt: skip
_KAITI = (
    "KaiTi", "楷体", "KaiTi_GB2312", "楷体_GB2312", "STKaiti", "华文楷体",
    "FZKai-Z03S", "方正楷体_GBK", "方正楷体简体",
)  # fmt: skip
_XIAOBIAOSONG = (
    "FZXiaoBiaoSong-B05S", "方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05",
    "方正小标宋", "STZhongsong", "华文中宋",
)  # fmt: skip
_FREE_MING = ("AR PL UMing CN", "AR PL UMing TW", "AR PL UMing HK", "AR PL SungtiL GB")
_FREE_KAI = ("AR PL UKai CN", "AR PL UKai TW", "AR PL UKai HK", "AR PL KaitiM GB")
_FREE_HEI = (
    "WenQuanYi Zen Hei", "文泉驿正黑", "WenQuanYi Micro Hei", "文泉驿微米黑", "Droid Sans Fallback",
)  # fmt: skip

_ALL = _FANGSONG + _SONGTI + _HEITI + _KAITI + _XIAOBIAOSONG + _FREE_MING + _FREE_HEI + _FREE_KAI


def _chain(*preferred: tuple[str, ...]) -> tuple[str, ...]:
    """Return the preferred families, then every other known one: any CJK font beats none."""
    return tuple(dict.fromkeys((*(name for group in preferred for name in group), *_ALL)))


CHAINS: Final[Mapping[FontRole, tuple[str, ...]]] = {
    FontRole.FANGSONG: _chain(_FANGSONG, _SONGTI, _FREE_MING, _FREE_HEI),
    FontRole.SONGTI: _chain(_SONGTI, _FREE_MING, _FANGSONG, _FREE_HEI),
    FontRole.HEITI: _chain(_HEITI, _FREE_HEI, _XIAOBIAOSONG, _SONGTI, _FREE_MING),
    FontRole.KAITI: _chain(_KAITI, _FREE_KAI, _FANGSONG, _FREE_MING, _FREE_HEI),
    FontRole.TITLE: _chain(_XIAOBIAOSONG, _HEITI, _FREE_HEI, _SONGTI, _FREE_MING),
}

NO_FONT_MESSAGE: Final = (
    "未找到可用的中文字体（需要可嵌入的 TrueType 仿宋、宋体、黑体或楷体；"
    "Noto CJK 等 PostScript 轮廓字体无法嵌入）。"
    "统信 UOS、麒麟、Debian 请安装：sudo apt install fonts-arphic-uming fonts-arphic-ukai "
    "fonts-wqy-zenhei；Windows 请确认 C:\\Windows\\Fonts 中有 simfang.ttf、simsun.ttc、"
    "simhei.ttf、simkai.ttf；也可以把字体文件放进环境变量 OFFICEAPP_FONT_DIR 指定的文件夹。"
)


@dataclass(frozen=True, slots=True)
class FaceInfo:
    """One face of a font file, as read from its table directory and name table."""

    path: Path
    index: int
    families: frozenset[str]
    truetype: bool


@dataclass(frozen=True, eq=False)
class LoadedFont:
    """A face registered with reportlab under `name`, with the metrics the layout needs."""

    name: str
    face_name: str
    family: str
    path: Path
    index: int
    ascent: float
    descent: float
    ttfont: TTFont = field(repr=False)

    def covers(self, char: str) -> bool:
        """Return whether the face has a glyph for `char`."""
        return ord(char) in self.ttfont.face.charToGlyph

    def advance(self, char: str) -> float:
        """Return the advance width of `char` in ems."""
        width: float = self.ttfont.face.charWidths.get(ord(char), 500.0)
        return width / 1000.0

    def ink_extent(self, char: str) -> tuple[float, float] | None:
        """Return the bottom and top of the glyph's outline in ems, or None if it has none."""
        face = self.ttfont.face
        glyph = face.charToGlyph.get(ord(char))
        positions = face.glyphPos
        if glyph is None or glyph + 1 >= len(positions):
            return None
        if positions[glyph] == positions[glyph + 1]:
            return None
        start = face.table["glyf"]["offset"] + positions[glyph]
        y_min, _, y_max = struct.unpack(">hhh", face._ttf_data[start + 4 : start + 10])
        return y_min / face.unitsPerEm, y_max / face.unitsPerEm


@dataclass(frozen=True)
class FontSet:
    """The fonts chosen for each role, primary first."""

    chains: Mapping[FontRole, tuple[LoadedFont, ...]]

    def primary(self, role: FontRole) -> LoadedFont:
        """Return the font that draws the text of `role`."""
        return self.chains[role][0]

    def for_char(self, role: FontRole, char: str) -> LoadedFont:
        """Return the first font of the role's chain that has a glyph for `char`."""
        chain = self.chains[role]
        for font in chain:
            if font.covers(char):
                return font
        return chain[0]


_lock = threading.Lock()
_font_sets: dict[tuple[str, ...], FontSet] = {}
_loaded: dict[tuple[Path, int], LoadedFont | None] = {}


def font_dirs() -> tuple[Path, ...]:
    """Return the folders searched for fonts: $OFFICEAPP_FONT_DIR first, then the system's."""
    env = os.environ.get(FONT_DIR_ENV, "")
    dirs = [Path(part) for part in env.split(os.pathsep) if part]
    dirs += [Path(entry).expanduser() for entry in SYSTEM_FONT_DIRS]
    if sys.platform == "win32":
        dirs += _windows_font_dirs()
    return tuple(dirs)


def _windows_font_dirs() -> list[Path]:
    """Return the Windows system and per-user font folders."""
    windir = os.environ.get("WINDIR", "C:\\Windows")
    dirs = [Path(windir) / "Fonts"]
    local = os.environ.get("LOCALAPPDATA")
    if local:
        dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    return dirs


def load_fonts(dirs: Sequence[Path | str] | None = None) -> FontSet:
    """Return the font set for `dirs` (default: font_dirs()), scanning and registering once."""
    search = tuple(str(d) for d in (font_dirs() if dirs is None else dirs))
    with _lock:
        cached = _font_sets.get(search)
        if cached is None:
            cached = _build_font_set(search)
            _font_sets[search] = cached
        return cached


def clear_font_cache() -> None:
    """Forget the scanned font sets (fonts stay registered with reportlab)."""
    with _lock:
        _font_sets.clear()


def _build_font_set(search: tuple[str, ...]) -> FontSet:
    """Scan `search` and resolve every role's chain, or raise FontNotFoundError."""
    by_family: dict[str, list[FaceInfo]] = {}
    for face in discover_faces(Path(d) for d in search):
        for family in face.families:
            by_family.setdefault(family, []).append(face)
    chains = {role: _resolve_chain(CHAINS[role], by_family) for role in FontRole}
    if not all(chains.values()):
        raise FontNotFoundError("pdf.no_cjk_font", NO_FONT_MESSAGE, searched=list(search))
    return FontSet(chains)


def _resolve_chain(
    families: Sequence[str], by_family: Mapping[str, list[FaceInfo]]
) -> tuple[LoadedFont, ...]:
    """Return up to FONTS_PER_ROLE loadable fonts from distinct files, in `families` order."""
    chosen: list[LoadedFont] = []
    for family in families:
        for face in by_family.get(_normalise(family), ()):
            # Faces of one collection share their glyphs: a fallback must come from another file.
            if any(font.path == face.path for font in chosen):
                continue
            font = _load(face)
            if font is not None:
                chosen.append(font)
            if len(chosen) == FONTS_PER_ROLE:
                return tuple(chosen)
    return tuple(chosen)


def _load(face: FaceInfo) -> LoadedFont | None:
    """Register `face` with reportlab once; None when it cannot be embedded or lacks CJK."""
    key = (face.path, face.index)
    if key not in _loaded:
        _loaded[key] = _register(face)
    return _loaded[key]


def _register(face: FaceInfo) -> LoadedFont | None:
    """Load and register `face`; None when reportlab refuses it."""
    digest = hashlib.sha1(str(face.path).encode(), usedforsecurity=False).hexdigest()[:10]
    name = f"OA-{digest}-{face.index}"
    try:
        ttfont = TTFont(name, str(face.path), subfontIndex=face.index)
    except Exception as exc:  # a broken or non-embeddable font must not stop the next one
        log.info("skipping font %s#%d: %s", face.path, face.index, exc)
        return None
    if ord("中") not in ttfont.face.charToGlyph:
        return None
    pdfmetrics.registerFont(ttfont)
    return LoadedFont(
        name=name,
        face_name=_text(ttfont.face.name),
        family=_text(ttfont.face.familyName),
        path=face.path,
        index=face.index,
        ascent=ttfont.face.ascent / 1000.0,
        descent=ttfont.face.descent / 1000.0,
        ttfont=ttfont,
    )


def _text(value: object) -> str:
    """Return a reportlab name field as text."""
    return value.decode("latin-1") if isinstance(value, bytes) else str(value)


def discover_faces(dirs: Iterator[Path] | Sequence[Path]) -> list[FaceInfo]:
    """Return the TrueType faces of the font files under `dirs`, in search order."""
    faces: list[FaceInfo] = []
    for path in _font_files(dirs):
        faces.extend(face for face in read_faces(path) if face.truetype)
    return faces


def _font_files(dirs: Iterator[Path] | Sequence[Path]) -> Iterator[Path]:
    """Yield font files under `dirs` once each, sorted within a folder, following links."""
    seen: set[Path] = set()
    for root in dirs:
        if not root.is_dir():
            continue
        for folder, subdirs, files in os.walk(root, followlinks=True):
            real = Path(folder).resolve()
            if real in seen:  # symlinked folders may loop
                subdirs[:] = []
                continue
            seen.add(real)
            subdirs.sort()
            yield from _large_fonts(Path(folder), sorted(files))


def _large_fonts(folder: Path, files: Sequence[str]) -> Iterator[Path]:
    """Yield the font files in `files` big enough to hold a CJK repertoire."""
    for name in files:
        path = folder / name
        if path.suffix.lower() not in FONT_SUFFIXES:
            continue
        try:
            if path.stat().st_size >= MIN_FONT_BYTES:
                yield path
        except OSError:
            continue


def read_faces(path: Path) -> list[FaceInfo]:
    """Return the faces of the font file at `path` (several for a .ttc); [] if unreadable."""
    try:
        with path.open("rb") as stream:
            return [
                face
                for index, offset in enumerate(_face_offsets(stream))
                if (face := _read_face(stream, path, index, offset)) is not None
            ]
    except (OSError, struct.error, ValueError):
        return []


def _face_offsets(stream: BinaryIO) -> tuple[int, ...]:
    """Return the offsets of the table directories in a font file."""
    header = stream.read(12)
    if header[:4] != b"ttcf":
        return (0,)
    (count,) = struct.unpack(">I", header[8:12])
    return struct.unpack(f">{count}I", stream.read(4 * count))


def _read_face(stream: BinaryIO, path: Path, index: int, offset: int) -> FaceInfo | None:
    """Read one face's table directory and family names."""
    stream.seek(offset)
    (num_tables,) = struct.unpack(">H", stream.read(12)[4:6])
    directory = stream.read(16 * num_tables)
    tables: dict[bytes, tuple[int, int]] = {}
    for start in range(0, len(directory) - 15, 16):
        tag, _, table_offset, length = struct.unpack(">4sIII", directory[start : start + 16])
        tables[tag] = (table_offset, length)
    if b"name" not in tables:
        return None
    stream.seek(tables[b"name"][0])
    names = _family_names(stream.read(tables[b"name"][1]))
    return FaceInfo(path, index, frozenset(names), truetype=b"glyf" in tables)


_NAME_IDS: Final = frozenset({1, 4, 16})  # family, full name, typographic family


def _family_names(table: bytes) -> set[str]:
    """Return the normalised family and full names in a `name` table."""
    _, count, strings = struct.unpack(">HHH", table[:6])
    names: set[str] = set()
    for start in range(6, 6 + 12 * count, 12):
        platform, encoding, _, name_id, length, offset = struct.unpack(
            ">HHHHHH", table[start : start + 12]
        )
        if name_id not in _NAME_IDS:
            continue
        raw = table[strings + offset : strings + offset + length]
        text = _decode_name(platform, encoding, raw)
        if text:
            names.add(_normalise(text))
    return names


def _decode_name(platform: int, encoding: int, raw: bytes) -> str:
    """Decode a name record; Chinese Mac names are GB2312, Unicode and Windows UTF-16."""
    if platform in (0, 3):
        return raw.decode("utf-16-be", errors="replace")
    if platform == 1 and encoding == 25:
        return raw.decode("gb2312", errors="replace")
    if platform == 1:
        return raw.decode("mac_roman", errors="replace")
    return ""


def _normalise(name: str) -> str:
    """Return a family name in the form used to compare names."""
    return "".join(name.split()).casefold()
