"""Break styled text into lines of placed glyphs, with the simple 避头尾 rules of Chinese.

Positions are in points from the left edge of the line. On the 正文 grid a full-width character
takes one cell and a half-width one (digits, Latin) half a cell; elsewhere characters keep their
natural advance. A closing mark that would start a line hangs past the right edge instead
(Word's 允许标点溢出边界); if two would, the last character of the line moves down with them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final

from officeapp.pdf.fonts import FontRole, FontSet, LoadedFont

# 避头: may not start a line.
CLOSING: Final = frozenset("，。、；：？！）》」』】〕〉”’％‰・·,.;:?!)]}%")
# 避尾: may not end a line.
OPENING: Final = frozenset("（《「『【〔〈“‘([{")
INSEPARABLE: Final = ("——", "……")
FULL_WIDTH_EM: Final = 0.75
_EPSILON: Final = 0.01


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of text in one font role."""

    text: str
    role: FontRole


@dataclass(frozen=True, slots=True)
class Pitch:
    """How characters are spaced: font size, width of a full-width slot, grid or natural."""

    size: float
    cell: float
    grid: bool


@dataclass(frozen=True, slots=True)
class Glyph:
    """One character at `x` points from the line's left edge, owning `step` points."""

    char: str
    font: LoadedFont
    x: float
    step: float


@dataclass(frozen=True, slots=True)
class Line:
    """A line of placed glyphs in one font size."""

    glyphs: tuple[Glyph, ...]
    size: float

    @property
    def text(self) -> str:
        """Return the characters of the line."""
        return "".join(glyph.char for glyph in self.glyphs)

    @property
    def extent(self) -> float:
        """Return the distance from the left edge to the end of the last glyph's slot."""
        if not self.glyphs:
            return 0.0
        last = self.glyphs[-1]
        return last.x + last.step

    @property
    def descent(self) -> float:
        """Return the descent (negative, in ems) of the line's first font."""
        return self.glyphs[0].font.descent if self.glyphs else -0.12


@dataclass(frozen=True, slots=True)
class _Char:
    char: str
    font: LoadedFont
    step: float


_Unit = list[_Char]


def typeset(
    spans: Sequence[Span],
    *,
    fonts: FontSet,
    pitch: Pitch,
    width: float,
    first_indent: float = 0.0,
    rest_indent: float = 0.0,
) -> list[Line]:
    """Break `spans` into lines `width` points wide; indents are in points."""
    chars = _without_space_before_closing(_styled(spans, fonts, pitch))
    if not chars:
        return []
    units = _units(chars, width - max(first_indent, rest_indent))
    broken = _break(units, width=width, first_indent=first_indent, rest_indent=rest_indent)
    lines: list[Line] = []
    for number, units_of_line in enumerate(broken):
        chars_of_line = _trimmed(units_of_line, continuation=number > 0)
        if chars_of_line:
            lines.append(_place(chars_of_line, rest_indent if lines else first_indent, pitch.size))
    return lines


def single_line(spans: Sequence[Span], *, fonts: FontSet, pitch: Pitch) -> Line:
    """Return `spans` set on one line, however long."""
    chars = _styled(spans, fonts, pitch)
    return _place(chars, 0.0, pitch.size)


def balanced(spans: Sequence[Span], *, fonts: FontSet, pitch: Pitch, width: float) -> list[Line]:
    """Break like typeset() but into lines of even length, longer ones first (for 标题)."""
    lines = typeset(spans, fonts=fonts, pitch=pitch, width=width)
    if len(lines) < 2:
        return lines
    total = sum(line.extent for line in lines)
    candidate = total / len(lines)
    while candidate < width:
        trial = typeset(spans, fonts=fonts, pitch=pitch, width=candidate)
        if len(trial) == len(lines):
            return trial
        candidate += pitch.cell / 2
    return lines


def _styled(spans: Iterable[Span], fonts: FontSet, pitch: Pitch) -> list[_Char]:
    """Return each character with its font and slot width."""
    chars: list[_Char] = []
    for span in spans:
        for char in span.text.replace("\t", " "):
            if _is_control(char):
                continue
            font = fonts.for_char(span.role, char)
            chars.append(_Char(char, font, _step(font, char, pitch)))
    return chars


def _without_space_before_closing(chars: list[_Char]) -> list[_Char]:
    """Drop spaces before a closing mark: they would strand the mark at the start of a line."""
    kept: list[_Char] = []
    for char in chars:
        if char.char in CLOSING:
            while kept and kept[-1].char.isspace():
                kept.pop()
        kept.append(char)
    return kept


def _is_control(char: str) -> bool:
    """Return whether `char` is a control character, which has no glyph to draw."""
    return char < " " or "\x7f" <= char <= "\x9f"


def _step(font: LoadedFont, char: str, pitch: Pitch) -> float:
    """Return the slot width of `char`: a cell if full-width, else half a cell or its advance."""
    advance = font.advance(char)
    if advance >= FULL_WIDTH_EM:
        return pitch.cell
    return pitch.cell / 2 if pitch.grid else advance * pitch.size


def _units(chars: Sequence[_Char], limit: float) -> list[_Unit]:
    """Group characters that must stay on one line: Latin words and numbers, —— and ……."""
    units: list[_Unit] = []
    for char in chars:
        previous = units[-1] if units else None
        if previous is not None and _joins(previous, char, limit):
            previous.append(char)
        else:
            units.append([char])
    return units


def _joins(unit: _Unit, char: _Char, limit: float) -> bool:
    """Return whether `char` belongs to the same unbreakable unit as `unit`."""
    last = unit[-1].char
    if last + char.char in INSEPARABLE:
        return True
    if sum(c.step for c in unit) + char.step > limit + _EPSILON:
        return False
    return _is_word(last) and _is_word(char.char)


def _is_word(char: str) -> bool:
    """Return whether `char` is part of a Latin word or a number."""
    return char.isascii() and not char.isspace() and char not in "([{"


def _width(unit: _Unit) -> float:
    """Return the width of a unit in points."""
    return sum(char.step for char in unit)


def _break(
    units: Sequence[_Unit], *, width: float, first_indent: float, rest_indent: float
) -> list[list[_Unit]]:
    """Greedily fill lines, hanging one closing mark and keeping 避头尾."""
    lines: list[list[_Unit]] = [[]]
    used = first_indent
    for unit in units:
        current = lines[-1]
        unit_width = _width(unit)
        fits = used + unit_width <= width + _EPSILON
        hangs = len(unit) == 1 and _is_closing(unit) and used <= width + _EPSILON
        if fits or not current or hangs:
            current.append(unit)
            used += unit_width
            continue
        following = _carry(current, unit)
        if _is_closing(following[0]):  # nothing left to move down: let this mark hang too
            current.extend(following)
            used += unit_width
            continue
        lines.append(following)
        used = rest_indent + sum(_width(u) for u in following)
    return lines


def _carry(current: list[_Unit], unit: _Unit) -> list[_Unit]:
    """Start a new line with `unit`, moving units down from `current` to keep 避头尾."""
    following = [unit]
    while len(current) > 1 and _is_closing(following[0]):
        following.insert(0, current.pop())
    while len(current) > 1 and _ends_open(current):
        following.insert(0, current.pop())
    return following


def _ends_open(units: Sequence[_Unit]) -> bool:
    """Return whether the line would end in an opening mark once trailing spaces are trimmed."""
    for unit in reversed(units):
        if not unit[-1].char.isspace():
            return _is_opening(unit)
    return False


def _is_closing(unit: _Unit) -> bool:
    """Return whether the unit may not start a line."""
    return unit[0].char in CLOSING


def _is_opening(unit: _Unit) -> bool:
    """Return whether the unit may not end a line."""
    return unit[-1].char in OPENING


def _trimmed(units: Sequence[_Unit], *, continuation: bool) -> list[_Char]:
    """Flatten a line, dropping trailing spaces and, on continuation lines, leading ones."""
    chars = [char for unit in units for char in unit]
    while chars and chars[-1].char.isspace():
        chars.pop()
    start = 0
    while continuation and start < len(chars) and chars[start].char.isspace():
        start += 1
    return chars[start:]


def _place(chars: Sequence[_Char], indent: float, size: float) -> Line:
    """Lay characters one after another from `indent`."""
    glyphs: list[Glyph] = []
    x = indent
    for char in chars:
        glyphs.append(Glyph(char.char, char.font, x, char.step))
        x += char.step
    return Line(tuple(glyphs), size)
