"""The 统计分析 dashboard shows every overdue and due-soon item, whatever period it opens on."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from officeapp.demo import EDU_ID, FINANCE_ID
from tests.ui.doc_fixtures import DocEnv, doc_env, doc_loop
from tests.ui.supervision.test_supervision_ui import SUPERVISOR, _now, assigned, item, put
from ui.supervision.supervision_dashboard import SupervisionDashboard

__all__ = ["doc_env", "doc_loop"]  # fixtures used by the tests below


def _aged(env: DocEnv, item_id: str, *, assigned_days_ago: int, due_in: timedelta) -> None:
    """Pretend an item was assigned long ago, with its deadline `due_in` from now."""
    now = _now(env)
    put(env, replace(item(env, item_id), assigned_at=now - timedelta(days=assigned_days_ago),
                     deadline=now + due_in))


YESTERDAY = -timedelta(hours=23)  # passed yesterday (at this hour or so): overdue, one day
IN_TWO_DAYS = timedelta(days=2)  # within the three days' warning


def _office(env: DocEnv) -> dict[str, str]:
    """Two items assigned three months ago (one overdue since yesterday, one due in two days)
    and one assigned today, due in a month."""
    late = assigned(env, title="三个月前交办的逾期事项", lead=EDU_ID, co=())
    _aged(env, late, assigned_days_ago=90, due_in=YESTERDAY)
    soon = assigned(env, title="三个月前交办的临期事项", lead=FINANCE_ID, co=())
    _aged(env, soon, assigned_days_ago=90, due_in=IN_TWO_DAYS)
    fresh = assigned(env, title="本月交办事项", lead=FINANCE_ID, co=(), days=30)
    return {"late": late, "soon": soon, "fresh": fresh}


def _opened(env: DocEnv) -> SupervisionDashboard:
    """The dashboard as the supervisor opens it: on its default period, 本月."""
    board = SupervisionDashboard(env.ctx(SUPERVISOR))
    env.keep(board)
    board.resize(1024, 600)
    board.reload()
    env.until(lambda: board.figures is not None, what="the figures")
    assert board.preset.currentData() == "month"
    return board


def test_this_month_still_shows_what_is_overdue_or_due_soon_now(doc_env: DocEnv) -> None:
    env = doc_env
    _office(env)
    board = _opened(env)
    assert board.cards["overdue"].value.text() == "1"
    assert board.cards["due_soon"].value.text() == "1"
    # The period's figures count only what was assigned this month.
    assert board.cards["items"].value.text() == "1"
    rows = {row[0]: dict(zip(board.column_keys(), row, strict=True))
            for row in board.table_rows()}
    assert rows["市教育局"]["overdue"] == "1" and rows["市教育局"]["items"] == "0"
    assert rows["市教育局"]["completion_rate"] == "—"
    assert rows["市财政局"]["due_soon"] == "1" and rows["市财政局"]["items"] == "1"
    assert rows["合计"]["overdue"] == "1" and rows["合计"]["due_soon"] == "1"
    assert board.body.currentWidget() is not board.empty


def test_the_list_names_every_overdue_and_due_soon_item(doc_env: DocEnv) -> None:
    env = doc_env
    ids = _office(env)
    board = _opened(env)
    assert board.pressing_ids() == [ids["late"], ids["soon"]]
    listed = board.pressing_texts()
    assert listed[0][:3] == ["逾期1天", "三个月前交办的逾期事项", "市教育局"]
    assert listed[1][:3] == ["临近期限", "三个月前交办的临期事项", "市财政局"]
    assert board.tabs.tabText(1) == "逾期及临近期限事项（2）"
    opened: list[str] = []
    board.item_activated.connect(opened.append)
    board.pressing_table.cellActivated.emit(0, 1)
    assert opened == [ids["late"]]


def test_each_figure_says_what_it_covers(doc_env: DocEnv) -> None:
    env = doc_env
    _office(env)
    board = _opened(env)
    assert board.cards["overdue"].scope.text() == "全部未办结"
    assert board.cards["items"].scope.text() == "本月交办"
    board.preset.setCurrentIndex(board.preset.findData("year"))
    env.until(lambda: board.cards["items"].scope.text() == "本年度交办")
    assert board.cards["overdue"].value.text() == "1"
    headers = board.header_texts()
    assert headers[1] == "逾期\n（全部未办结）" and headers[3] == "事项数\n（本年度交办）"


def test_the_empty_message_waits_for_nothing_overdue(doc_env: DocEnv) -> None:
    env = doc_env
    late = assigned(env, title="三个月前交办的逾期事项", lead=EDU_ID, co=())
    _aged(env, late, assigned_days_ago=90, due_in=YESTERDAY)
    board = _opened(env)
    assert board.body.currentWidget() is not board.empty  # nothing assigned, one overdue
    put(env, replace(item(env, late), deadline=_now(env) + timedelta(days=60)))
    board.reload()
    env.until(lambda: board.cards["overdue"].value.text() == "0")
    assert board.body.currentWidget() is board.empty
