"""The authorization matrix, generated from the mutation registry and the app's routes.

Every mutation name, with every action kind its `act` takes, pushed by people of another unit
at the office's records; every route called without a valid login, well-formed and not; every
read path (pull, blob GET/HEAD/Range) asked for the office's records. A mutation or route added
without a row here fails `test_the_matrix_covers_every_mutation_and_route`.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum
from typing import Any

import pytest
import sqlalchemy as sa
from fastapi import FastAPI

from officeapp.demo import EDU_ID, OFFICE_ID
from officeapp.meetings import MeetingActionKind
from officeapp.supervision import ActionKind as SupervisionActionKind
from officeapp.workflow import ActionKind as DocumentActionKind
from sync.protocol import MUTATORS, Mutator
from sync.server.storage import tables as t

from .conftest import Api, Clock, User
from .office_work import BLOBS, at_hour, create_item, create_meeting, upload

Users = Callable[[str], User]
OUTSIDERS = ("edu.clerk", "edu.leader")


@dataclass(frozen=True)
class KindFacts:
    """What the matrix needs of one record kind: the office's record of it (a key of
    `office`), the refusal for a record the pusher may not touch, the kinds of its actions,
    and the (table, owner column) that says whose a new record is."""

    record: str
    refusal: str
    owner: tuple[sa.Table, str]
    actions: type[StrEnum] | None = None


KINDS = {
    "document": KindFacts("document", "document.not_found", (t.documents, "owner_unit_id"),
                          DocumentActionKind),
    "meeting": KindFacts("meeting", "meeting.not_found", (t.meetings, "organiser_unit_id"),
                         MeetingActionKind),
    "supervision": KindFacts("item", "supervision.not_found",
                             (t.supervision_items, "supervisor_unit_id"), SupervisionActionKind),
    # Delegations are the whole directory's to see (who stands in for whom): no secret.
    "delegation": KindFacts("delegation", "delegation.forbidden",
                            (t.delegations, "principal_id")),
}


def _facts(kind: str) -> KindFacts:
    assert kind in KINDS, f"add the record kind {kind!r} to the matrix"
    return KINDS[kind]


@dataclass(frozen=True)
class ActOn:
    """A `*.act` mutation: its id argument, the kinds of its actions, the refusal code."""

    id_arg: str
    kinds: type[StrEnum]
    not_found: str
    record: str  # key of the office record in `office`


def _acts_on(m: Mutator[Any]) -> ActOn:
    facts = _facts(m.kind)
    assert facts.actions is not None, f"add the action kinds of {m.kind!r} to the matrix"
    return ActOn(m.record, facts.actions, facts.refusal, facts.record)


def _takes_action(m: Mutator[Any]) -> bool:
    return "action" in m.args.model_fields


# Everything below comes from the registry (officeapp.mutators): a mutation added there is in
# the matrix at once, or fails it for want of its kind's facts.
ACTS = {name: _acts_on(m) for name, m in MUTATORS.items() if _takes_action(m)}
# Mutations that name an existing record without taking an action on it (a sub-item's parent,
# a sitting's series, the delegation to end), with that record's key and the refusal code.
REFERRING = {
    **{name: (m.record, _facts(m.kind).record, _facts(m.kind).refusal)
       for name, m in MUTATORS.items() if not m.creates and not _takes_action(m)},
    **{name: (arg, _facts(kind).record, _facts(kind).refusal)
       for name, m in MUTATORS.items() for arg, kind in m.refers.items()},
}
# Creating mutations that make a record of the pusher's own (none that needs another record
# to make one under): (table, owner column).
OWN = {name: _facts(m.kind).owner for name, m in MUTATORS.items()
       if m.creates and not any(m.args.model_fields[a].is_required() for a in m.refers)}
PUBLIC_ROUTES = {("POST", "/api/v1/auth/login"), ("POST", "/api/v1/auth/refresh"),
                 ("GET", "/api/v1/health"),
                 # 统一身份认证: before any login, by its nature (the ID token is the credential)
                 ("GET", "/api/v1/auth/methods"), ("POST", "/api/v1/auth/oidc/start"),
                 ("POST", "/api/v1/auth/oidc")}
SHA = "ab" * 32
# Every route that needs a login, with a malformed request for it (bad body or bad path).
PROTECTED_ROUTES: dict[tuple[str, str], dict[str, Any]] = {
    ("POST", "/api/v1/auth/logout"): {"content": b"{"},
    ("POST", "/api/v1/auth/password"): {"json": {"current_password": 5}},
    ("POST", "/api/v1/sync/push"): {"content": b"{\"client_id\": 1"},
    ("POST", "/api/v1/sync/pull"): {"json": {"cursor": -1}},
    ("GET", "/api/v1/sync/events"): {"params": {"x": "\x00"}},
    ("GET", "/api/v1/sync/trust-roots"): {"params": {"x": "\x00"}},
    ("POST", "/api/v1/blobs"): {"json": {"sha256": "nope", "size": -1}},
    ("HEAD", "/api/v1/blobs/{sha256}"): {"path": "NOT-A-HASH"},
    ("PATCH", "/api/v1/blobs/{sha256}"): {"path": "NOT-A-HASH", "content": b"x"},
    ("GET", "/api/v1/blobs/{sha256}"): {"path": "NOT-A-HASH", "headers": {"Range": "x" * 200}},
    ("GET", "/api/v1/me/notifications"): {"params": {"x": "\x00"}},
    ("PUT", "/api/v1/me/notifications"): {"json": {"email": 5, "events": {"nope": ["fax"]}}},
}


def _routes(app: FastAPI) -> set[tuple[str, str]]:
    """Return every (method, path) the app serves, as its OpenAPI schema lists them."""
    return {(method.upper(), path) for path, operations in app.openapi()["paths"].items()
            for method in operations}


def test_the_matrix_covers_every_mutation_and_route(app: FastAPI) -> None:
    covered = set(ACTS) | set(REFERRING) | set(OWN)
    assert covered == set(MUTATORS), "add the new mutation to the matrix"
    assert _routes(app) == PUBLIC_ROUTES | set(PROTECTED_ROUTES), "add the new route"


# --- routes without a valid login --------------------------------------------------------------


def _call(api: Api, method: str, path: str, token: str | None,
          malformed: dict[str, Any] | None) -> tuple[int, str]:
    options = dict(malformed or {})
    path = path.replace("{sha256}", options.pop("path", SHA) if malformed else SHA)
    headers = dict(options.pop("headers", {}))
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    response = api.request(method, path, headers=headers, **options)
    code = response.json()["code"] if method != "HEAD" else ""
    return response.status_code, code


def test_every_route_authenticates_before_it_reads_the_request(api: Api, user: Users) -> None:
    gone = user("office.clerk")
    assert api.post("/api/v1/auth/logout", headers=gone.headers).status_code == 204
    tokens = {"none": None, "forged": "f" * 43, "logged out": gone.tokens["access_token"]}
    for (method, path), malformed in PROTECTED_ROUTES.items():
        for what, token in tokens.items():
            for request in (None, malformed):
                status, code = _call(api, method, path, token, request)
                assert status == 401, (method, path, what, request)
                assert method == "HEAD" or code.startswith("auth."), (method, path, code)


def test_public_routes_still_name_what_is_malformed(api: Api) -> None:
    response = api.post("/api/v1/auth/login", json={"username": ""})
    assert response.status_code == 422 and response.json()["code"] == "request.invalid"


# --- the office's records and people of another unit -----------------------------------------


@pytest.fixture
def office(api: Api, user: Users, clock: Clock) -> dict[str, str]:
    """One record of each kind that only the office sees, with an attachment."""
    clerk = user("office.clerk")
    attachment = upload(api, clerk, b"office only " * 100, "内部材料.pdf")
    document = clerk.create(attachments=[attachment])
    secretary = user("office.secretary")
    meeting = create_meeting(secretary, at_hour(clock, timedelta(days=3)), location="三楼",
                             recurrence="FREQ=WEEKLY;COUNT=4")
    item = create_item(user("office.supervisor"), clock() + timedelta(days=20),
                       lead_unit_id=OFFICE_ID)
    delegation = str(uuid.uuid4())
    start = clock()
    leader = user("office.leader")
    made = leader.push_one("delegation.create", delegation_id=delegation,
                           delegate_id="p-office.deputy", start=start.isoformat(),
                           end=(start + timedelta(days=5)).isoformat())
    assert made["status"] == "applied", made
    return {"document": document, "meeting": meeting, "item": item, "delegation": delegation,
            "sha256": attachment["sha256"]}


def _snapshot(engine: sa.Engine) -> dict[str, list[Any]]:
    tables = (t.documents, t.meetings, t.supervision_items, t.delegations, t.document_blobs)
    with engine.connect() as connection:
        return {table.name: sorted(map(str, connection.execute(sa.select(table)).all()))
                for table in tables}


def _answer(who: User, name: str, **args: Any) -> tuple[str, str | None, str | None]:
    result = who.push_one(name, **args)
    return result["status"], result["code"], result["message"]


def test_people_of_another_unit_can_do_nothing_to_the_offices_records(
        user: Users, office: dict[str, str], engine: sa.Engine) -> None:
    before = _snapshot(engine)
    for outsider in map(user, OUTSIDERS):
        for name, act in ACTS.items():
            absent = _answer(outsider, name, **{act.id_arg: str(uuid.uuid4())},
                             action={"kind": "approve"})
            assert absent[:2] == ("rejected", act.not_found)
            for kind in act.kinds:
                answer = _answer(outsider, name, **{act.id_arg: office[act.record]},
                                 action={"kind": kind.value})
                # The same answer as for a record that does not exist: nothing leaks.
                assert answer == absent, (outsider.username, name, kind)
        for name, (arg, record, code) in REFERRING.items():
            args = _referring_args(name, arg, office[record])
            answer = _answer(outsider, name, **args)
            assert answer[:2] == ("rejected", code), (outsider.username, name, answer)
    assert _snapshot(engine) == before


def _referring_args(name: str, arg: str, target: str) -> dict[str, Any]:
    if name == "supervision.create":
        return {"item_id": str(uuid.uuid4()), arg: target,
                "fields": {"title": "分解", "source": "领导批示", "content": "x",
                           "lead_unit_id": EDU_ID}}
    if name == "meeting.create_sitting":
        return {"meeting_id": str(uuid.uuid4()), arg: target, "start": "2030-01-07T09:00+08:00"}
    return {arg: target}


def _own_args(name: str, record_id: str, outsider: User, clock: Clock,
              claims: dict[str, Any]) -> dict[str, Any]:
    start = at_hour(clock, timedelta(days=4))
    if name == "delegation.create":
        deputy = "p-edu.clerk" if outsider.username == "edu.leader" else "p-edu.leader"
        return {"delegation_id": record_id, "delegate_id": deputy, "start": clock().isoformat(),
                "end": (clock() + timedelta(days=2)).isoformat(), **claims}
    fields: dict[str, dict[str, Any]] = {
        "document.create_outgoing": {"doc_type": "通知", "title": "冒名", "agency_code": "萍教发"},
        "document.register_incoming": {"doc_type": "函", "title": "冒名", "sender_unit": "外单位"},
        "meeting.create": {"title": "冒名", "meeting_type": "办公会", "location": "x",
                           "start": start.isoformat(),
                           "end": (start + timedelta(hours=1)).isoformat()},
        "supervision.create": {"title": "冒名", "source": "领导批示", "content": "x",
                               "lead_unit_id": EDU_ID,
                               "deadline": (clock() + timedelta(days=9)).isoformat()},
    }
    return {MUTATORS[name].record: record_id, "fields": {**fields[name], **claims}}


def test_whatever_a_creator_claims_the_record_is_their_own(
        user: Users, engine: sa.Engine, clock: Clock) -> None:
    claims = {"owner_unit_id": OFFICE_ID, "organiser_unit_id": OFFICE_ID,
              "supervisor_unit_id": OFFICE_ID, "principal_id": "p-office.leader",
              "created_by": "p-office.leader"}
    made = 0
    for outsider in map(user, OUTSIDERS):
        for name, (table, column) in OWN.items():
            own = outsider.person_id if column == "principal_id" else EDU_ID
            for claimed in (claims, {}):
                record_id = str(uuid.uuid4())
                answer = outsider.push_one(name, **_own_args(name, record_id, outsider, clock,
                                                             claimed))
                if claimed:  # naming another owner is refused outright
                    assert answer["status"] == "rejected", (outsider.username, name, answer)
                if answer["status"] != "applied":
                    continue
                made += 1
                with engine.connect() as connection:
                    owner = connection.execute(sa.select(table.c[column]).where(
                        table.c.id == record_id)).scalar_one()
                assert owner == own, (outsider.username, name)
    assert made >= len(OWN)  # each kind was made by at least one of them


# --- read paths -----------------------------------------------------------------------------


def test_no_read_path_gives_another_unit_the_offices_records(
        api: Api, user: Users, office: dict[str, str]) -> None:
    ids = {office[k] for k in ("document", "meeting", "item")}
    absent = "cd" * 32
    for outsider in map(user, OUTSIDERS):
        outsider.sync()
        assert not ids & {key[1] for key in outsider.mirror}, outsider.username
        for sha in (office["sha256"], absent):
            answers = [api.request(method, f"{BLOBS}/{sha}", headers={**outsider.headers,
                                                                      **extra}).status_code
                       for method, extra in (("GET", {}), ("GET", {"Range": "bytes=0-9"}),
                                             ("HEAD", {}))]
            assert answers == [404, 404, 404], (outsider.username, sha)


def test_an_item_may_not_claim_to_come_from_a_record_its_author_cannot_see(
        user: Users, clock: Clock, office: dict[str, str]) -> None:
    finance_draft = user("finance.clerk").create(agency_code="萍财发")
    supervisor = user("office.supervisor")
    deadline = clock() + timedelta(days=9)

    def create(kind: str, record_id: str) -> dict[str, Any]:
        link = {"kind": kind, "record_id": record_id, "label": "来源"}
        return supervisor.push_one("supervision.create", item_id=str(uuid.uuid4()), fields={
            "title": "来源", "source": "来文", "content": "x", "lead_unit_id": OFFICE_ID,
            "deadline": deadline.isoformat(), "source_link": link})

    for kind, hidden in (("document", finance_draft), ("meeting_decision", str(uuid.uuid4())),
                         ("document", str(uuid.uuid4()))):
        refused = create(kind, hidden)
        assert (refused["code"], refused["message"]) == (
            "supervision.unknown_source", "来源记录不存在或您无权查看"), kind
    assert create("document", office["document"])["status"] == "applied"
    assert create("meeting_decision", office["meeting"])["status"] == "applied"
    edu_meeting = create_meeting(user("edu.clerk"), at_hour(clock, timedelta(days=5)),
                                 location="教育局")
    assert create("meeting_decision", edu_meeting)["code"] == "supervision.unknown_source"
