"""Every time a person sees is Beijing time, whatever zone the machine is set to: the refusal
banner built from a rule's message, the lists, and no module of ui/ formatting times itself."""

from __future__ import annotations

import ast
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from officeapp.core.verdict import Rejected
from officeapp.org import Organisation
from officeapp.store import RejectionRecord
from officeapp.workflow import Action, ActionKind, decide
from tests.flows import Flow
from tests.ui.doc_fixtures import DocEnv, doc_env, doc_loop
from ui.common import times
from ui.common.rejections import RejectionsDialog
from ui.common.status import since
from ui.documents.document_view import DocumentView

__all__ = ["doc_env", "doc_loop"]  # fixtures used by the tests below

UI = Path(__file__).resolve().parents[3] / "ui"
# 18:53 UTC on 6 December is 02:53 on 7 December in Beijing.
WITHDRAWN_AT = datetime(2026, 12, 6, 18, 53, tzinfo=UTC)


def withdrawn_then_refused(flow: Flow) -> Rejected:
    """The clerk withdraws at 18:53 UTC; the reviewer's offline 核稿 then reaches the server."""
    flow.clock = datetime(2026, 12, 6, 18, 50, tzinfo=UTC)
    sent = flow.do(flow.draft(), "office.clerk", ActionKind.APPROVE)  # 18:52, now at 核稿
    withdrawn = flow.do(sent, "office.clerk", ActionKind.WITHDRAW)
    assert withdrawn.trace[-1].at == WITHDRAWN_AT
    decision = decide(withdrawn, flow.actor("office.reviewer"),
                      Action(ActionKind.APPROVE, expected_step="review"), flow.tick())
    assert isinstance(decision, Rejected)
    return decision


# --- the rules' messages -------------------------------------------------------------------------


def test_a_refusal_names_the_moment_in_beijing_time(org: Organisation) -> None:
    refusal = withdrawn_then_refused(Flow(org, WITHDRAWN_AT)).rejection
    assert refusal.code == "workflow.step_moved"
    assert "已于2026-12-07 02:53撤回" in refusal.message
    assert "18:53" not in refusal.message


def test_the_helpers_show_beijing_time_whatever_the_machine_says(machine_in_utc: None) -> None:
    assert times.minute_text(WITHDRAWN_AT) == "2026-12-07 02:53"
    assert times.short_text(WITHDRAWN_AT) == "12-07 02:53"
    assert times.clock_text(WITHDRAWN_AT) == "02:53"
    assert times.day_of(WITHDRAWN_AT).isoformat() == "2026-12-07"
    assert times.today(WITHDRAWN_AT).isoformat() == "2026-12-07"
    with pytest.raises(TypeError):
        times.day_text(WITHDRAWN_AT)
    a_week_ago = datetime(2026, 11, 29, 18, 53, tzinfo=UTC)
    assert since(a_week_ago, now=WITHDRAWN_AT) == "11-30 02:53同步"


# --- what the person sees --------------------------------------------------------------------


def test_the_refusal_banner_and_the_list_show_beijing_time(
    doc_env: DocEnv, org: Organisation, machine_in_utc: None,
) -> None:
    doc = doc_env.draft()
    doc_env.act(doc, "office.clerk", ActionKind.APPROVE)
    doc_env.act(doc, "office.reviewer", ActionKind.APPROVE, opinion="核稿无误",
                expected_step="review")
    refusal = withdrawn_then_refused(Flow(org, WITHDRAWN_AT)).rejection
    mutation = doc_env.outbox()[-1].mutation_id
    doc_env.worker.call(lambda: doc_env.store.record_rejection(
        mutation_id=mutation, code=refusal.code, message=refusal.message,
        details=dict(refusal.details)))
    view = DocumentView(doc_env.ctx("office.reviewer"))
    doc_env.keep(view)
    view.show_document(doc)
    doc_env.until(lambda: view.rejection_banners(), what="the refusal banner")

    banner = view.rejection_banners()[0].message.text()
    assert "已于2026-12-07 02:53撤回" in banner, banner

    record: RejectionRecord = doc_env.worker.call(doc_env.store.rejections)[0]
    dialog = RejectionsDialog(doc_env.ctx("office.reviewer"),
                              [_created_at(record, WITHDRAWN_AT)])
    doc_env.keep(dialog)
    item = dialog.list.item(0)
    assert item is not None and item.text().startswith("12-07 02:53"), item.text()


def _created_at(record: RejectionRecord, moment: datetime) -> RejectionRecord:
    return replace(record, created_at=moment)


# --- the class of bug ----------------------------------------------------------------------------

# Reading the machine's clock in the machine's zone, or its calendar.
_MACHINE_CLOCK = {("datetime", "now"), ("datetime", "today"), ("datetime", "utcnow"),
                  ("date", "today"), ("QDate", "currentDate"),
                  ("QDateTime", "currentDateTime"), ("QTime", "currentTime")}


def time_handling(source: str) -> list[tuple[int, str]]:
    """Return (line, what) for each place that converts or formats a time by itself."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            name = node.func.attr
            owner = node.func.value.id if isinstance(node.func.value, ast.Name) else ""
            if name in ("astimezone", "strftime"):
                found.append((node.lineno, f".{name}()"))
            elif (owner, name) in _MACHINE_CLOCK and not node.args and not node.keywords:
                found.append((node.lineno, f"{owner}.{name}() in the machine's zone"))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                and node.func.id == "format" and any(_has_directive(a) for a in node.args):
            found.append((node.lineno, "format(moment, '%…')"))
        if isinstance(node, ast.FormattedValue) and node.format_spec is not None \
                and _has_directive(node.format_spec):
            found.append((node.lineno, "f'{moment:%…}'"))
        if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                and ":%" in node.value and "{" in node.value:
            found.append((node.lineno, "'{0:%…}'.format(moment)"))
    return sorted(found)


def _has_directive(node: ast.AST) -> bool:
    return any(isinstance(n, ast.Constant) and isinstance(n.value, str) and "%" in n.value
               for n in ast.walk(node))


def test_the_detector_finds_each_way_of_formatting_a_time() -> None:
    bad = ("a = moment.astimezone().strftime('%H:%M')\n"
           "b = f'{moment:%m-%d %H:%M}'\n"
           "c = '{0:%H:%M}'.format(moment)\n"
           "d = format(moment, '%H')\n"
           "e = datetime.now()\n"
           "f = QDate.currentDate()\n")
    assert [line for line, _ in time_handling(bad)] == [1, 1, 2, 3, 4, 5, 6]
    good = ("a = times.minute_text(moment)\n"
            "b = f'{count:>3}'\n"
            "c = datetime.now(UTC)\n"
            "d = '{0} 至 {1}'.format(x, y)\n")
    assert time_handling(good) == []


def test_only_the_times_module_converts_or_formats_times() -> None:
    offenders = [f"ui/{path.name}:{line}: {what}"
                 for path in sorted(UI.rglob("*.py")) if path.name != "times.py"
                 for line, what in time_handling(path.read_text(encoding="utf-8"))]
    assert offenders == [], ("show times through ui/common/times.py (Beijing time):\n"
                             + "\n".join(offenders))
