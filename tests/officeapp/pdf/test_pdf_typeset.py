"""Line breaking on the 28-character grid: fill, 避头尾, nothing lost."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from officeapp.pdf import FontRole, FontSet
from officeapp.pdf.geometry import BLOCK_WIDTH, CELL
from officeapp.pdf.typeset import CLOSING, OPENING, Pitch, Span, balanced, typeset

GRID = Pitch(size=16, cell=CELL, grid=True)
TOKENS = st.sampled_from(
    [
        *"公文处理工作规范通知要求",
        *"，。、；：？！）》」』”",
        *"（《「『“",
        "GB/T",
        "2023",
        "9704-2012",
        " ",
    ]
)


def lines_for(fonts: FontSet, text: str, indent: float = 2) -> list[str]:
    """Return the lines of a body paragraph."""
    spans = [Span(text, FontRole.FANGSONG)]
    lines = typeset(spans, fonts=fonts, pitch=GRID, width=BLOCK_WIDTH, first_indent=indent * CELL)
    return [line.text for line in lines]


def test_plain_text_fills_28_characters_per_line(fonts: FontSet) -> None:
    lines = lines_for(fonts, "文" * 100)
    assert [len(line) for line in lines] == [26, 28, 28, 18]


def test_half_width_characters_take_half_a_cell(fonts: FontSet) -> None:
    lines = lines_for(fonts, "1234" * 20, indent=0)
    assert len(lines[0]) == 56


def test_a_closing_mark_hangs_instead_of_starting_a_line(fonts: FontSet) -> None:
    lines = lines_for(fonts, "文" * 26 + "。" + "字" * 5)
    assert lines == ["文" * 26 + "。", "字" * 5]


def test_two_closing_marks_take_the_last_character_down(fonts: FontSet) -> None:
    lines = lines_for(fonts, "文" * 26 + "。”" + "字" * 5)
    assert lines == ["文" * 25, "文。”" + "字" * 5]


def test_an_opening_mark_does_not_end_a_line(fonts: FontSet) -> None:
    lines = lines_for(fonts, "文" * 25 + "（字字）")
    assert lines == ["文" * 25, "（字字）"]


def test_a_number_is_not_split(fonts: FontSet) -> None:
    lines = lines_for(fonts, "文" * 25 + "2023年")
    assert lines == ["文" * 25, "2023年"]


def test_a_title_is_broken_into_lines_of_even_length(fonts: FontSet) -> None:
    spans = [Span("关" * 26, FontRole.TITLE)]
    lines = balanced(spans, fonts=fonts, pitch=Pitch(22, 22, False), width=BLOCK_WIDTH)
    assert [len(line.text) for line in lines] == [13, 13]


@settings(max_examples=600, deadline=None)
@given(tokens=st.lists(TOKENS, max_size=160))
def test_breaking_keeps_every_character_and_the_rules(fonts: FontSet, tokens: list[str]) -> None:
    text = "".join(tokens)
    spans = [Span(text, FontRole.FANGSONG)]
    lines = typeset(spans, fonts=fonts, pitch=GRID, width=BLOCK_WIDTH, first_indent=2 * CELL)
    assert "".join(line.text for line in lines).replace(" ", "") == text.replace(" ", "")
    for number, line in enumerate(lines):
        assert line.glyphs, "no empty line"
        assert line.extent <= BLOCK_WIDTH + CELL + 0.01, "at most one hanging mark"
        if number:
            assert line.text[0] not in CLOSING
        if number < len(lines) - 1:
            assert line.text[-1] not in OPENING
