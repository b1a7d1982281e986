"""校对: each rule of GB/T 15834/15835 and GB/T 9704 on pasted text, the one-click fixes,
and properties over any text (no crash, fixes reach a fixed point, wording kept)."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from officeapp.proofread import Finding, check, check_text, fix, is_chinese

CLEAN = ("各县区人民政府，市直各单位：\n　　为做好2026年防汛工作，根据《萍乡市防汛应急预案》"
         "（萍府发〔2023〕21号）要求，现将有关事项通知如下：一是加强值班；二是“早发现、早报告”。"
         "联系电话：0799-6888888，时间为8:30至17:30，经费1,000元，增长3.5%。\n"
         "萍乡市人民政府\n2026年12月6日")


def _fixed(text: str) -> str:
    return fix(text, check_text(text))


def _codes(text: str) -> list[str]:
    return [f.code for f in check_text(text)]


def test_a_clean_notice_has_no_findings() -> None:
    assert check_text(CLEAN) == []


@pytest.mark.parametrize(("pasted", "wanted"), [
    ("各单位,请于月底前报送;逾期不报的,予以通报.",
     "各单位，请于月底前报送；逾期不报的，予以通报。"),
    ("现将有关事项通知如下:", "现将有关事项通知如下："),
    ("是否同意?请批示!", "是否同意？请批示！"),
    ("请市财政局(牵头)会同有关单位办理", "请市财政局（牵头）会同有关单位办理"),
    ('坚持"早发现、早报告"原则', "坚持“早发现、早报告”原则"),
    ("根据萍府发[2023]21号文件", "根据萍府发〔2023〕21号文件"),
    ("根据萍府发【2023】21号文件", "根据萍府发〔2023〕21号文件"),
    ("根据萍府发〔 2023 〕21号文件", "根据萍府发〔2023〕21号文件"),
    ("根据萍府发(2023)第021号文件", "根据萍府发〔2023〕21号文件"),
    ("会议定于2026.12.6召开", "会议定于2026年12月6日召开"),
    ("会议定于2026-12-06召开", "会议定于2026年12月6日召开"),
    ("会议定于2026/1/5召开", "会议定于2026年1月5日召开"),
    ("于2026年01月05日前报送", "于2026年1月5日前报送"),
    ("二〇二六年十二月六日", "2026年12月6日"),
    ("二〇二六年十月三十一日", "2026年10月31日"),
    ("全市共有１２３所学校", "全市共有123所学校"),
    ("请各单位，，认真落实。。", "请各单位，认真落实。"),
    ("市直各 单位", "市直各单位"),
    ("市直各　单位", "市直各单位"),
])
def test_each_rule_finds_and_fixes(pasted: str, wanted: str) -> None:
    assert check_text(pasted), pasted
    assert _fixed(pasted) == wanted
    assert [f for f in check_text(wanted) if f.fixable] == []


@pytest.mark.parametrize("text", [
    "时间为8:30至17:30", "共计1,000元", "增长3.5%", "版本v1.2", "网址http://www.gov.cn/a?b=1",
    "see (appendix) for details.", "He said \"yes\".", "　　各单位：",  # an indented paragraph
    "第1,2项", "2026年12月6日", "萍府发〔2023〕21号", "ISO 9001", "2026-12",
])
def test_what_is_right_is_left_alone(text: str) -> None:
    assert check_text(text) == []


@pytest.mark.parametrize(("text", "code"), [
    ("“早发现、早报告", "punct.unbalanced"),
    ("早发现、早报告”", "punct.unbalanced"),
    ("《萍乡市防汛应急预案", "punct.unbalanced"),
    ("（牵头", "punct.unbalanced"),
    ("请市财政局(牵头会同", "punct.unbalanced"),
    ('坚持"早发现原则', "punct.unbalanced"),
    ("根据萍府发[23]21号文件", "number.doc_number"),  # the century is not ours to guess
    ("二0二六年", "number.mixed_zero"),
])
def test_what_needs_a_person_is_flagged_without_a_fix(text: str, code: str) -> None:
    findings = [f for f in check_text(text) if f.code == code]
    assert findings and not any(f.fixable for f in findings)
    assert all(f.message for f in findings)


def test_a_finding_says_where_and_why_in_chinese() -> None:
    (finding,) = check_text("各单位,请报送")
    assert finding == Finding("body", 3, 4, "punct.half_width", finding.message, "，")
    assert "全角" in finding.message and "，" in finding.message


def test_several_fields_are_checked_and_named() -> None:
    found = check({"title": "关于做好2026年防汛工作的通知", "body": "各单位:请报送",
                   "note": "此件公开发布(联系人:张三)"})
    assert {(f.field, f.code) for f in found} == {
        ("body", "punct.half_width"), ("note", "punct.half_width_parentheses"),
        ("note", "punct.half_width")}


def test_only_the_chosen_findings_are_applied() -> None:
    text = "各单位,请于2026.12.6前报送;"
    findings = check_text(text)
    assert [f.code for f in findings] == ["punct.half_width", "date.format", "punct.half_width"]
    assert fix(text, findings[1:2]) == "各单位,请于2026年12月6日前报送;"
    assert fix(text, []) == text


# --- properties --------------------------------------------------------------------------

PASTED = st.text(alphabet="各单位请报送防汛通知年月日二〇十一,.;:?!()\"“”（）《》[]【】〔〕 　，。"
                          "0123456789０１２ab\n", max_size=60)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_any_text_is_checked_without_a_crash(text: str) -> None:
    for finding in check_text(text):
        assert 0 <= finding.start < finding.end <= len(text)
        assert finding.code and finding.message


@settings(max_examples=300, deadline=None)
@given(PASTED)
def test_fixes_reach_a_fixed_point_and_keep_the_wording(text: str) -> None:
    current = text
    for _ in range(4):
        findings = check_text(current)
        if not any(f.fixable for f in findings):
            break
        current = fix(current, findings)
    else:
        pytest.fail(f"no fixed point: {text!r} → {current!r}")
    # The Chinese words are the person's: fixes change punctuation, digits and dates only.
    words = [c for c in text if "\u4e00" <= c <= "\u9fff" and c not in "二〇十一年月日"]
    assert [c for c in current if "\u4e00" <= c <= "\u9fff" and c not in "二〇十一年月日"] \
        == words


@settings(max_examples=200, deadline=None)
@given(PASTED)
def test_findings_never_overlap(text: str) -> None:
    findings = check_text(text)
    for earlier, later in pairwise(findings):
        assert earlier.end <= later.start


def test_is_chinese() -> None:
    assert is_chinese("单") and is_chinese("，") and is_chinese("“")
    assert not is_chinese("a") and not is_chinese(",") and not is_chinese("")
