"""高级搜索: date range, unit, drafter and step, combined with each other and with the text
search, agree with a plain Python filter over the same documents (pages and counts)."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from officeapp.demo import EDU_ID, FINANCE_ID, OFFICE_ID
from officeapp.store import InboxFilter
from officeapp.workflow import Document

from .conftest import START, Office

DRAFTERS = ("office.clerk", "office.reviewer", "finance.clerk", "edu.clerk")
STEPS = ("draft", "review", "countersign", "sign", "register", "propose")


def _library(office: Office) -> list[Document]:
    """Ten documents by four people of three units, at several steps, seven minutes apart."""
    ids = []
    for n in range(8):
        who = DRAFTERS[n % len(DRAFTERS)]
        body = "请各经营单位报送安全生产情况。" if n % 3 == 0 else "请做好值班工作。"
        ids.append(office.draft(who, title=f"关于第{n}项工作的通知", body=body))
        if n % 2:
            office.accept(ids[-1], who, "approve", opinion="请审核")
    ids.append(office.register("office.clerk"))
    ids.append(office.register("finance.clerk"))
    found = [office.store.get_document(i) for i in ids]
    return [d for d in found if d is not None]


def _wanted(documents: list[Document], filters: InboxFilter) -> set[str]:
    def keep(d: Document) -> bool:
        return ((filters.created_from is None or d.created_at >= filters.created_from)
                and (filters.created_before is None or d.created_at < filters.created_before)
                and filters.owner_unit_id in (None, d.owner_unit_id)
                and filters.created_by in (None, d.created_by)
                and filters.step in (None, d.step)
                and (not filters.text or filters.text in d.body or filters.text in d.title))
    return {d.id for d in documents if keep(d)}


FILTERS = st.builds(
    InboxFilter,
    created_from=st.none() | st.integers(0, 12).map(lambda m: START + timedelta(minutes=7 * m)),
    created_before=st.none() | st.integers(0, 14).map(
        lambda m: START + timedelta(minutes=7 * m)),
    owner_unit_id=st.none() | st.sampled_from([OFFICE_ID, FINANCE_ID, EDU_ID]),
    created_by=st.none() | st.sampled_from([f"p-{d}" for d in DRAFTERS]),
    step=st.none() | st.sampled_from(STEPS),
    text=st.sampled_from(["", "经营", "值班", "第3项"]),
)


@settings(max_examples=120, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(filters=FILTERS)
def test_every_combination_matches_a_plain_filter(office: Office, filters: InboxFilter) -> None:
    documents = getattr(office, "_library", None)
    if documents is None:
        documents = _library(office)
        office._library = documents  # type: ignore[attr-defined]
    actor = office.actor("office.clerk")
    wanted = _wanted(documents, filters)
    seen = {d.id for d in documents}
    rows = office.store.inbox(actor=actor, folder="all", filters=filters, limit=500)
    got = {r.id for r in rows if r.id in seen}
    visible = {r.id for r in office.store.inbox(actor=actor, folder="all", limit=500)}
    assert got == wanted & visible
    assert office.store.inbox_count(actor=actor, folder="all", filters=filters) == len(got)



def test_one_unit_one_drafter_one_step_and_a_word(office: Office) -> None:
    documents = _library(office)
    actor = office.actor("office.clerk")
    filters = InboxFilter(owner_unit_id=FINANCE_ID, created_by="p-finance.clerk",
                          step="draft", text="经营")
    rows = office.store.inbox(actor=actor, folder="all", filters=filters)
    assert [r.id for r in rows] == sorted(_wanted(documents, filters)) != []
