"""校对: what text pasted into a 公文 gets wrong, by GB/T 15834 (标点符号用法) and GB/T 15835
(出版物上数字用法), and GB/T 9704 for 发文字号 and dates.

Text pasted from the web or other systems brings half-width punctuation into Chinese
sentences, unbalanced quotes and brackets, 发文字号 written as ``[2023]`` and dates as
``2023.5.6``. `check` finds each case with a stable code, a Chinese message and, where one
fix is certain, the replacement; `fix` applies the findings a person chose. Nothing here
changes a text by itself: the client shows the findings at 核稿 and before 签发, and the
document keeps the text as approved.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date

# Fields of a 公文 that people type and the layout prints as they stand.
FIELDS = ("title", "body", "note")

_FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", ".": "。"}
_PAIRS = {"“": "”", "‘": "’", "（": "）", "《": "》", "〔": "〕", "【": "】", "［": "］",
          "〈": "〉", "「": "」"}
_CLOSERS = {close: open_ for open_, close in _PAIRS.items()}
_NAMES = {"“": "引号", "‘": "单引号", "（": "括号", "《": "书名号", "〔": "六角括号",
          "【": "方头括号", "［": "方括号", "〈": "书名号", "「": "引号"}
# A year in some bracket, then a sequence number and 号: a 发文字号 such as 萍府发[2023]21号.
_DOC_NUMBER = re.compile(
    r"(?P<open>[\[【（(［〔〈])\s*(?P<year>\d{2}|\d{4})\s*(?P<close>[\]】）)］〕〉])"
    r"\s*(?P<first>第?)\s*(?P<sequence>\d+)\s*号")
_NUMERIC_DATE = re.compile(r"(?<![\d.\-/])(\d{4})([.\-/])(\d{1,2})\2(\d{1,2})(?![\d.\-/])")
_PADDED_DATE = re.compile(r"(?<!\d)(\d{4})年(\d{1,2})月(\d{1,2})日")
_CHINESE_DIGITS = "〇一二三四五六七八九"
_CHINESE_YEAR = re.compile(r"[〇零一二三四五六七八九0oO○]{4}年")
_CHINESE_DATE = re.compile(r"([〇零一二三四五六七八九○]{4})年([一二三四五六七八九十]{1,3})月"
                           r"(?:([一二三四五六七八九十]{1,3})日)?")
_FULL_WIDTH_RUN = re.compile(r"[０-９Ａ-Ｚａ-ｚ]+")
_REPEATED = re.compile(r"([，。、；：])\1+")
_SPACE_BETWEEN = re.compile(r"(?<=[\u3400-\u9fff])[ \u3000\t]+(?=[\u3400-\u9fff])")


@dataclass(frozen=True)
class Finding:
    """One problem in one field: where (character offsets), what, and the fix if one is certain."""

    field: str
    start: int
    end: int
    code: str
    message: str
    replacement: str | None = None

    @property
    def fixable(self) -> bool:
        """Return whether one click can fix it (else a person must decide)."""
        return self.replacement is not None


def is_chinese(char: str) -> bool:
    """Return whether `char` is a Chinese character or full-width Chinese punctuation."""
    return bool(char) and ("\u3400" <= char <= "\u9fff" or "\u3000" <= char <= "\u303f"
                           or "\uff00" <= char <= "\uffef" or char in "“”‘’…—")


def check(fields: Mapping[str, str]) -> list[Finding]:
    """Return every finding in the fields a person typed, in reading order per field."""
    found: list[Finding] = []
    for name in FIELDS:
        text = fields.get(name) or ""
        found += check_text(text, field=name)
    return found


def check_text(text: str, *, field: str = "body") -> list[Finding]:
    """Return the findings in one text, ordered by position, none overlapping another."""
    findings = [*_doc_numbers(text, field), *_dates(text, field), *_half_width(text, field),
                *_parentheses(text, field), *_quotes(text, field), *_unbalanced(text, field),
                *_full_width(text, field), *_repeated(text, field), *_spaces(text, field)]
    findings.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[Finding] = []
    for finding in findings:
        # A wider finding (a 发文字号, a date) already covers what lies inside it.
        if kept and finding.start < kept[-1].end:
            continue
        kept.append(finding)
    return kept


def fix(text: str, findings: Iterable[Finding]) -> str:
    """Return `text` with the chosen findings' replacements applied (others stay as they are).

    The findings must come from `check_text` on this very text; they never overlap.
    """
    result = text
    for finding in sorted(findings, key=lambda f: f.start, reverse=True):
        if finding.replacement is None:
            continue
        if not 0 <= finding.start <= finding.end <= len(text):
            raise ValueError("finding outside the text")
        result = result[:finding.start] + finding.replacement + result[finding.end:]
    return result


# --- the rules -------------------------------------------------------------------------------


_NEUTRAL = " ,;:?!."  # spaces and the half-width marks this module may replace


def _context(text: str, start: int, end: int) -> bool:
    """Return whether a Chinese character stands next to text[start:end], with spaces and
    other half-width marks between (a run such as "::" is all fixed at once)."""
    before = text[:start].rstrip(_NEUTRAL)
    after = text[end:].lstrip(_NEUTRAL)
    return is_chinese(before[-1:]) or is_chinese(after[:1])


def _half_width(text: str, field: str) -> Iterator[Finding]:
    for at, char in enumerate(text):
        if char not in _FULL_WIDTH:
            continue
        before, after = text[at - 1:at] if at else "", text[at + 1:at + 2]
        if before.isascii() and before.isalnum() and after.isascii() and after.isalnum():
            continue  # 1,000  10:30  3.5  v1.2
        if char == "." and not (is_chinese(before) and (not after or after in "\n\r "
                                                        or is_chinese(after))):
            continue  # only a full stop that ends a Chinese sentence
        if char in ",;:?!" and not _context(text, at, at + 1):
            continue
        yield Finding(field, at, at + 1, "punct.half_width",
                      f"中文句子中应使用全角标点“{_FULL_WIDTH[char]}”，不用半角“{char}”",
                      _FULL_WIDTH[char])


def _parentheses(text: str, field: str) -> Iterator[Finding]:
    """Half-width ( ) around or next to Chinese text become （ ）: one finding per mark, so
    a fix inside the brackets stays a finding of its own."""
    stack: list[int] = []
    for at, char in enumerate(text):
        if char == "(":
            stack.append(at)
        elif char == ")":
            if not stack:
                if _context(text, at, at + 1):
                    yield Finding(field, at, at + 1, "punct.unbalanced",
                                  "括号不成对：“)”前没有对应的“(”")
                continue
            start = stack.pop()
            if any(is_chinese(c) for c in text[start + 1:at]) or _context(text, start, at + 1):
                message = "中文中的括号应使用全角括号“（）”"
                yield Finding(field, start, start + 1, "punct.half_width_parentheses", message,
                              "（")
                yield Finding(field, at, at + 1, "punct.half_width_parentheses", message, "）")
    for at in stack:
        if _context(text, at, at + 1):
            yield Finding(field, at, at + 1, "punct.unbalanced",
                          "括号不成对：“(”后没有对应的“)”")


def _quotes(text: str, field: str) -> Iterator[Finding]:
    """Straight double quotes in Chinese text become “ ” in pairs; an odd one is left over."""
    places = [at for at, char in enumerate(text) if char == '"']
    for opening, closing in zip(places[::2], places[1::2], strict=False):
        inner = text[opening + 1:closing]
        if any(is_chinese(c) for c in inner) or _context(text, opening, closing + 1):
            message = "中文中的引号应使用“”"
            yield Finding(field, opening, opening + 1, "punct.straight_quotes", message, "“")
            yield Finding(field, closing, closing + 1, "punct.straight_quotes", message, "”")
    if len(places) % 2 and any(is_chinese(c) for c in text):
        at = places[-1]
        yield Finding(field, at, at + 1, "punct.unbalanced", "引号不成对：缺少另一半引号")


def _unbalanced(text: str, field: str) -> Iterator[Finding]:
    stack: list[tuple[int, str]] = []
    for at, char in enumerate(text):
        if char in _PAIRS:
            stack.append((at, char))
        elif char in _CLOSERS:
            if stack and stack[-1][1] == _CLOSERS[char]:
                stack.pop()
            else:
                name = _NAMES[_CLOSERS[char]]
                yield Finding(field, at, at + 1, "punct.unbalanced",
                              f"{name}不成对：“{char}”前没有对应的“{_CLOSERS[char]}”")
    for at, char in stack:
        yield Finding(field, at, at + 1, "punct.unbalanced",
                      f"{_NAMES[char]}不成对：“{char}”后没有对应的“{_PAIRS[char]}”")


def _doc_numbers(text: str, field: str) -> Iterator[Finding]:
    """发文字号 per GB/T 9704: the year in full within 〔〕, the number without 第 or zeros."""
    for match in _DOC_NUMBER.finditer(text):
        year, sequence = match["year"], match["sequence"]
        wanted_sequence = str(int(sequence)) if sequence.strip("0") else sequence
        proper = f"〔{year}〕{wanted_sequence}号"
        if match.group(0) == proper:
            continue
        problems = []
        if (match["open"], match["close"]) != ("〔", "〕") or " " in match.group(0):
            problems.append("年份应使用六角括号“〔〕”，括号内外不留空格")
        if match["first"]:
            problems.append("顺序号不加“第”字")
        if wanted_sequence != sequence:
            problems.append("顺序号不编虚位（1不编为01）")
        if len(year) == 2:
            problems.append("年份应标全称（如2023，不作23）")
            yield Finding(field, match.start(), match.end(), "number.doc_number",
                          "发文字号：" + "；".join(problems))
            continue
        yield Finding(field, match.start(), match.end(), "number.doc_number",
                      "发文字号：" + "；".join(problems), proper)


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _dates(text: str, field: str) -> Iterator[Finding]:
    for match in _NUMERIC_DATE.finditer(text):
        year, month, day = int(match[1]), int(match[3]), int(match[4])
        if _valid(year, month, day) and _context(text, match.start(), match.end()):
            yield Finding(field, match.start(), match.end(), "date.format",
                          "日期应写作“××××年×月×日”",
                          f"{year}年{month}月{day}日")
    for match in _PADDED_DATE.finditer(text):
        year, month, day = int(match[1]), int(match[2]), int(match[3])
        proper = f"{year}年{month}月{day}日"
        if match.group(0) != proper and _valid(year, month, day):
            yield Finding(field, match.start(), match.end(), "date.padded",
                          "日期中的月、日不编虚位（1月不作01月）", proper)
    for match in _CHINESE_DATE.finditer(text):
        arabic = _arabic_date(match)
        yield Finding(field, match.start(), match.end(), "date.chinese_numerals",
                      "成文日期等应使用阿拉伯数字（GB/T 9704—2012）", arabic)
    for match in _CHINESE_YEAR.finditer(text):
        digits = match.group(0)[:-1]
        mixed = any(c.isascii() for c in digits) and any(not c.isascii() for c in digits)
        if mixed:
            yield Finding(field, match.start(), match.end(), "number.mixed_zero",
                          "年份中汉字“〇”与阿拉伯数字“0”或字母“O”混用")


def _chinese_number(text: str) -> int:
    """Return 1–31 written as 一 … 三十一."""
    if "十" not in text:
        return _CHINESE_DIGITS.index(text)
    tens, _, ones = text.partition("十")
    return (_CHINESE_DIGITS.index(tens) if tens else 1) * 10 + (
        _CHINESE_DIGITS.index(ones) if ones else 0)


def _arabic_date(match: re.Match[str]) -> str | None:
    digits = match[1].replace("零", "〇").replace("○", "〇")
    try:
        year = int("".join(str(_CHINESE_DIGITS.index(c)) for c in digits))
        month = _chinese_number(match[2])
        day = _chinese_number(match[3]) if match[3] else None
    except ValueError:
        return None
    if day is None:
        return f"{year}年{month}月" if 1 <= month <= 12 else None
    return f"{year}年{month}月{day}日" if _valid(year, month, day) else None


def _full_width(text: str, field: str) -> Iterator[Finding]:
    for match in _FULL_WIDTH_RUN.finditer(text):
        yield Finding(field, match.start(), match.end(), "number.full_width",
                      "数字和字母应使用半角字符",
                      unicodedata.normalize("NFKC", match.group(0)))


def _repeated(text: str, field: str) -> Iterator[Finding]:
    for match in _REPEATED.finditer(text):
        yield Finding(field, match.start(), match.end(), "punct.repeated",
                      f"标点“{match[1]}”重复", match[1])


def _spaces(text: str, field: str) -> Iterator[Finding]:
    for match in _SPACE_BETWEEN.finditer(text):
        yield Finding(field, match.start(), match.end(), "space.between_chinese",
                      "汉字之间多了空格", "")
