"""The supervision PDFs measured: 督办单, 督办通报 and 台账."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

import pytest

from officeapp.clock import OFFICE_TZ
from officeapp.demo import DEMO_ROOMS, EDU_ID, FINANCE_ID
from officeapp.org import Organisation
from officeapp.pdf import (
    FontRole,
    FontSet,
    NameBook,
    assignment_sheet_pdf,
    ledger_pdf,
    supervision_report_pdf,
)
from officeapp.pdf.supervision import (
    LEDGER_COLUMNS,
    LIGHT_FILLS,
    LIGHT_HEADER,
    LIGHT_WIDTH,
    OVERDUE_COLUMNS,
    UNIT_COLUMNS,
)
from officeapp.supervision import (
    Light,
    Period,
    Source,
    Status,
    SupervisionItem,
    ledger,
    report_data,
)
from officeapp.supervision.stats import rate_text
from tests.officeapp.pdf.pdf_tables import (
    A4,
    A4_LANDSCAPE,
    MM,
    all_text,
    font_files,
    mm,
    page_sizes,
    rule_tops,
    table_rows,
    text_of,
)
from tests.officeapp.supervision.conftest import START, Sup

Measure = Callable[[bytes], list[Any]]
Face = Callable[[dict[str, Any]], str]
HEADERS = ledger.HEADERS
LEFT = 28.0
NOW = datetime(2026, 12, 5, 10, 0, tzinfo=OFFICE_TZ)
NOVEMBER = (datetime(2026, 11, 1, tzinfo=OFFICE_TZ), datetime(2026, 12, 1, tzinfo=OFFICE_TZ))
LEDGER_WIDTHS = [c.width for c in LEDGER_COLUMNS] + [LIGHT_WIDTH]
PLAN = (
    (Status.COMPLETED, FINANCE_ID),
    (Status.IN_PROGRESS, FINANCE_ID),
    (Status.ASSIGNED, EDU_ID),
    (Status.COMPLETION_REQUESTED, EDU_ID),
    (Status.RECEIVED, FINANCE_ID),
)


@pytest.fixture
def sup(org: Organisation) -> Sup:
    """A Sup driver over the demo organisation, starting on 2026-11-02 09:00 Beijing time."""
    return Sup(org, START)


@pytest.fixture
def names(org: Organisation) -> NameBook:
    """The demo organisation's names."""
    return NameBook.of(org, DEMO_ROOMS)


@pytest.fixture
def items(sup: Sup) -> list[SupervisionItem]:
    """Five items assigned on successive days of November, in different states."""
    made = []
    for number, (status, lead) in enumerate(PLAN, start=1):
        sup.clock = START + timedelta(days=number - 1)
        item = sup.to(status, title=f"督办事项{number}：推进老旧小区改造资金拨付")
        made.append(replace(item, id=f"s-{number}", lead_unit_id=lead))
    return made


# --- 督办单 ------------------------------------------------------------------------------


def test_assignment_sheet_is_a_bordered_a4_form(
    sup: Sup, names: NameBook, measure: Measure, fonts: FontSet, face: Face
) -> None:
    item = sup.to(Status.ASSIGNED)
    pdf = assignment_sheet_pdf(item, names=names)
    (page,) = measure(pdf)
    assert page_sizes(pdf) == [pytest.approx(A4)]
    labels = ("事项编号", "紧急程度", "督办事项", "督办来源", "督办内容", "牵头单位", "配合单位",
              "办理时限", "反馈周期", "阅知领导", "交办单位", "交办日期", "办理情况", "备注")
    text = page.text
    positions = [text.find(label) for label in labels]
    assert all(p >= 0 for p in positions) and positions == sorted(positions)
    heiti = fonts.primary(FontRole.HEITI).face_name
    assert {face(c) for c in page.chars if c["text"] in "督办事项"} >= {heiti}
    # 1 row for the number, 8 for the sheet's 10 lines (two pairs), 办理情况 and 备注.
    tops = rule_tops(page, 156 * MM)
    assert len(tops) == 12
    table_top, table_bottom = tops[0], tops[-1]
    inside = [c for c in page.chars if c["top"] > table_top]
    assert all(c["bottom"] <= table_bottom for c in inside)
    assert all(mm(c["x0"]) >= LEFT and mm(c["x1"]) <= LEFT + 156 for c in inside)
    verticals = {round(mm(float(r["x0"]) + float(r["width"]) / 2), 1)
                 for r in page.rects if float(r["width"]) < 1.5}
    assert {LEFT, LEFT + 28, LEFT + 156} <= verticals


def test_assignment_sheet_shows_the_names_not_the_ids(
    sup: Sup, names: NameBook, measure: Measure
) -> None:
    item = sup.to(Status.ASSIGNED)
    (page,) = measure(assignment_sheet_pdf(item, names=names))
    for value in ("督办单", "推进老旧小区改造资金拨付", "会议议定（市政府第7次常务会议议定事项三）",
                  "请市财政局牵头、市教育局配合", "市财政局", "市教育局", "2026年11月30日", "每周",
                  "张主任", "市政府办公室", "2026年11月2日", "普通", item.id):
        assert value in page.text, value
    assert FINANCE_ID not in page.text


# --- 督办通报 ----------------------------------------------------------------------------


def report(items: list[SupervisionItem], names: NameBook, **options: Any) -> bytes:
    return supervision_report_pdf(items, period_start=NOVEMBER[0], period_end=NOVEMBER[1],
                                  now=NOW, names=names, **options)


def test_report_tables_match_report_data(
    items: list[SupervisionItem], names: NameBook, measure: Measure
) -> None:
    data = report_data(items, Period(*NOVEMBER), NOW, unit_names=names.units)
    pdf = report(items, names)
    pages = measure(pdf)
    assert page_sizes(pdf) == [pytest.approx(A4)] * len(pages)
    rows = [row for page in pages for row in table_rows(page, LEFT * MM, [w for _, w in
                                                                          UNIT_COLUMNS])]
    assert [label for label, _ in UNIT_COLUMNS] in rows

    def days(value: float | None) -> str:
        return "—" if value is None else f"{value:.1f}"

    for stats, name in [*((s, names.unit(s.unit_id)) for s in data.units), (data.totals, "合计")]:
        expected = [name, str(stats.items), str(stats.completed), rate_text(stats.completion_rate),
                    rate_text(stats.on_time_rate), str(stats.overdue), days(stats.average_days)]
        assert expected in rows
    assert data.totals.items == 5 and data.totals.overdue == 3
    sources = [row for page in pages for row in table_rows(page, LEFT * MM, [26.0] * 6)]
    assert [*(s.value for s in Source), "合计"] in sources
    assert ["0", "5", "0", "0", "0", "5"] in sources
    overdue = [row for page in pages
               for row in table_rows(page, LEFT * MM, [w for _, w in OVERDUE_COLUMNS])]
    listed = [row for row in overdue if row[0].isdigit()]
    assert [row[1] for row in listed] == [line.title for line in data.overdue]
    assert [row[4] for row in listed] == [str(line.days_overdue) for line in data.overdue]
    assert all(row[2] == "市财政局" or row[2] == "市教育局" for row in listed)


def test_report_title_period_and_summary(
    items: list[SupervisionItem], names: NameBook, measure: Measure
) -> None:
    text = all_text(measure(report(items, names)))
    assert text.startswith("2026年11月督查督办工作通报")
    assert "（统计时段：2026年11月1日至11月30日；数据截至2026年12月1日）" in text
    assert "本期共交办督办事项5件，已办结1件，办结率20.0%" in text
    assert "逾期未办结事项3件" in text
    assert "市政府办公室2026年12月5日" in text
    custom = all_text(measure(report(items, names, title="第四季度督办通报")))
    assert custom.startswith("第四季度督办通报")


def test_report_of_nothing_says_none(names: NameBook, measure: Measure) -> None:
    text = all_text(measure(report([], names)))
    assert "本期无新交办督办事项" in text
    assert "无。" in text


# --- 台账 -------------------------------------------------------------------------------


def many(items: list[SupervisionItem], count: int = 24) -> list[SupervisionItem]:
    """Return `count` items cycling through `items`, some with long contents."""
    return [replace(items[n % len(items)], id=f"s-{n + 1:02d}",
                    content=items[0].content * (1 + n % 4)) for n in range(count)]


def test_ledger_is_a4_landscape_with_the_xlsx_columns(
    items: list[SupervisionItem], names: NameBook, measure: Measure
) -> None:
    pdf = ledger_pdf(items, now=NOW, names=names)
    pages = measure(pdf)
    assert page_sizes(pdf) == [pytest.approx(A4_LANDSCAPE)] * len(pages)
    assert tuple(c.header for c in LEDGER_COLUMNS) == HEADERS
    assert LIGHT_HEADER == ledger.LIGHT_HEADER
    header, *rows = table_rows(pages[0], 15 * MM, LEDGER_WIDTHS)
    assert header == [*HEADERS, LIGHT_HEADER]
    xlsx = ledger.read_ledger(ledger.ledger_xlsx(items, now=NOW, unit_names=names.units))
    assert len(rows) == len(xlsx) == len(items)
    for row, expected in zip(rows, xlsx, strict=True):
        shown = dict(zip(header, row, strict=True))
        for column in ("事项编号", "事项名称", "督办来源", "来源记录", "督办内容", "牵头单位",
                       "配合单位", "紧急程度", "办理状态", "完成进度(%)", "最新进展", "催办次数",
                       "按期办结", "红黄绿灯"):
            assert shown[column] == str(expected[column]), column
        for column in ("交办时间", "办理时限", "办结时间"):
            moment = expected[column]
            assert shown[column] == (f"{moment:%Y-%m-%d%H:%M}" if moment else ""), column
    chars = [c for page in pages for c in page.chars]
    assert min(mm(c["x0"]) for c in chars) >= 15 - 0.1
    assert max(mm(c["x1"]) for c in chars) <= 297 - 15 + 0.1


def test_ledger_colours_the_light_cell(
    items: list[SupervisionItem], names: NameBook, measure: Measure
) -> None:
    (page, *_) = measure(ledger_pdf(items, now=NOW, names=names))
    light_left = (15 + sum(LEDGER_WIDTHS[:-1])) * MM
    fills = [r for r in page.rects
             if abs(float(r["x0"]) - light_left) < 1 and float(r["width"]) > 5]
    colours = [tuple(round(v, 3) for v in r["non_stroking_color"]) for r in fills]
    red = tuple(round(v, 3) for v in LIGHT_FILLS[Light.RED])
    assert colours.count(red) == 3, "three items are overdue"
    for rect in fills:
        inside = [c for c in page.chars if rect["x0"] <= c["x0"] and c["x1"] <= rect["x1"]
                  and rect["top"] <= c["top"] and c["bottom"] <= rect["bottom"]]
        label = text_of(inside)
        colour = tuple(round(v, 3) for v in rect["non_stroking_color"])
        assert label == {red: "红灯"}.get(colour, "绿灯"), label


def test_a_long_ledger_repeats_its_header_and_wraps_long_text(
    items: list[SupervisionItem], names: NameBook, measure: Measure
) -> None:
    listed = many(items)
    pages = measure(ledger_pdf(listed, now=NOW, names=names))
    assert len(pages) >= 2
    ids: list[str] = []
    for page in pages:
        header, *rows = table_rows(page, 15 * MM, LEDGER_WIDTHS)
        assert header == [*HEADERS, LIGHT_HEADER], f"page {page.number}"
        ids += [row[0] for row in rows if row[0]]
    assert ids == [item.id for item in listed], "every item once, in order"
    assert "— 2 —" in pages[1].text
    # The longest content is wrapped into many lines of its column and reads back whole.
    content_left = (15 + sum(LEDGER_WIDTHS[:4])) * MM
    content_right = content_left + LEDGER_WIDTHS[4] * MM
    _, first, *_ = rule_tops(pages[0], sum(LEDGER_WIDTHS) * MM)
    second = rule_tops(pages[0], sum(LEDGER_WIDTHS) * MM)[2]
    cell = [c for c in pages[0].chars if content_left <= c["x0"] and c["x1"] <= content_right
            and first <= c["top"] and c["bottom"] <= second]
    assert len({round(c["top"]) for c in cell}) > 2
    assert text_of(cell) == listed[0].content


def test_an_empty_ledger_says_none(names: NameBook, measure: Measure) -> None:
    (page,) = measure(ledger_pdf([], now=NOW, names=names))
    header, body = table_rows(page, 15 * MM, LEDGER_WIDTHS)
    assert header == [*HEADERS, LIGHT_HEADER]
    assert "".join(body) == "无"
    assert "共0项" in page.text


def test_bare_items_and_unknown_names_still_print(sup: Sup, measure: Measure) -> None:
    bare = sup.draft(lead_unit_id=None, co_unit_ids=[], deadline=None, informed_ids=[],
                     source_link=None, content="")
    book = NameBook()
    for pdf in (assignment_sheet_pdf(bare, names=book), ledger_pdf([bare], now=NOW, names=book),
                report([bare], book)):
        assert measure(pdf)
    text = all_text(measure(assignment_sheet_pdf(bare, names=book)))
    assert bare.id in text and "u-office" in text


@pytest.mark.parametrize("kind", ["sheet", "report", "ledger"])
def test_every_font_is_embedded(kind: str, items: list[SupervisionItem], names: NameBook) -> None:
    pdf = {
        "sheet": lambda: assignment_sheet_pdf(items[1], names=names),
        "report": lambda: report(items, names),
        "ledger": lambda: ledger_pdf(items, now=NOW, names=names),
    }[kind]()
    fonts = font_files(pdf)
    assert fonts
    assert all(embedded for _, embedded in fonts), fonts
