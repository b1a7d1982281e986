"""Domain values in English (issue 17, defect 7): every urgency, classification, document
type and step the screens show has its own translation, and in English the 待办 list's
value columns and the filter bar hold no Chinese."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from officeapp.documents import Classification, DocType, Urgency
from officeapp.meetings.model import MEETING_ACTION_LABELS, MeetingType
from officeapp.meetings.model import STATUS_LABELS as MEETING_STATUS
from officeapp.org import ROLE_LABELS
from officeapp.supervision.lights import LIGHT_LABELS
from officeapp.supervision.model import ACTION_LABELS as SUPERVISION_ACTIONS
from officeapp.supervision.model import STATUS_LABELS as SUPERVISION_STATUS
from officeapp.supervision.model import Source
from officeapp.workflow import ActionKind, Retention
from officeapp.workflow.definitions import WORKFLOWS
from tests.ui.doc_fixtures import DocEnv, doc_env, doc_idle, doc_loop
from ui.common.qt import QCoreApplication, QTranslator
from ui.common.values import VALUES, WEEKDAYS, value_text
from ui.documents.rendering import fields_html, route_html
from ui.main_window import MainWindow

__all__ = ["doc_env", "doc_idle", "doc_loop"]  # fixtures used by the tests below

TRANSLATIONS = Path(__file__).parents[3] / "resources" / "translations"
CHINESE = re.compile(r"[\u3400-\u9fff]")
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen says so on show()


@pytest.fixture
def english(qapp: object) -> Iterator[None]:
    translator = QTranslator()
    assert translator.load("officeapp_en", str(TRANSLATIONS))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_every_value_the_domain_has_is_listed() -> None:
    shown = set(VALUES)
    domain = {*(u.value for u in Urgency), *(c.value for c in Classification),
              *(d.value for d in DocType),
              *(s.label for w in WORKFLOWS.values() for s in w.steps)}
    assert domain <= shown, sorted(domain - shown)


def test_every_meeting_and_supervision_value_is_listed() -> None:
    shown = set(VALUES)
    domain = {*(t.value for t in MeetingType), *MEETING_STATUS.values(),
              *MEETING_ACTION_LABELS.values(), *SUPERVISION_STATUS.values(),
              *SUPERVISION_ACTIONS.values(), *(s.value for s in Source),
              *LIGHT_LABELS.values(),
              *ROLE_LABELS.values(), *(r.value for r in Retention)}
    assert domain <= shown, sorted(domain - shown)


def test_in_english_no_value_stays_chinese(english: None) -> None:
    left = [v for v in (*VALUES, *WEEKDAYS) if CHINESE.search(value_text(v))]
    assert left == []
    assert value_text("拟稿") == "Drafting"  # the step, not the field label "Drafted by"


@pytest.mark.usefixtures("doc_idle")
def test_the_english_list_and_filters_show_no_chinese_values(doc_env: DocEnv,
                                                             english: None) -> None:
    doc = doc_env.draft(title="关于做好防汛工作的通知")
    doc_env.act(doc, "office.clerk", ActionKind.APPROVE, opinion="请审核")
    window = MainWindow(doc_env.ctx("office.clerk"))
    doc_env.keep(window)
    window.show()
    window.select("mine")
    doc_env.until(lambda: window.model.rowCount() == 1 and not window.model.refreshing(),
                  what="the list")
    cells = [window.model.index(0, c).data() for c in (1, 2, 3)]  # number, urgency, step
    assert not any(CHINESE.search(str(c)) for c in cells), cells
    bar = window.filters
    for combo in (bar.urgency, bar.doc_type, bar.status, bar.advanced.step):
        texts = [combo.itemText(i) for i in range(combo.count())]
        assert not any(CHINESE.search(t) for t in texts), texts


def test_the_english_document_pane_names_type_urgency_and_steps(english: None,
                                                                 doc_env: DocEnv) -> None:
    doc = doc_env.draft(title="关于做好防汛工作的通知")
    doc_env.act(doc, "office.clerk", ActionKind.APPROVE, opinion="请审核")
    document = doc_env.document(doc)
    org = doc_env.worker.call(doc_env.store.organisation)
    fields = fields_html(document, org)
    for english_value in ("Notice", "Normal", "Public"):
        assert f">{english_value}<" in fields, english_value
    route = route_html(document, org)
    assert "Drafting" in route and "Review" in route and "Drafted by" not in route
