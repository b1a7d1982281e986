"""知会 on the server: the informed person, and nobody more, may pull and read the document.

Visibility is security-sensitive: a document of 市政府办公室 is seen by that unit (and the
people on its route); 知会 adds exactly the people named, never their units.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .conftest import User, walk_to

Users = Callable[[str], User]


def _documents(someone: User) -> dict[str, dict[str, Any]]:
    someone.sync()
    return someone.documents()


def _inform(user: Users, *people: str, note: str = "请知悉") -> tuple[str, User]:
    document_id, _ = walk_to(user, "sign")
    leader = user("office.leader")
    leader.ok(document_id, "inform", assignees=list(people), opinion=note,
              expected_step="sign")
    return document_id, leader


def test_the_informed_person_pulls_it_and_nobody_else_of_their_unit_or_another(
        user: Users) -> None:
    document_id, _ = _inform(user, "p-edu.clerk")
    reader = user("edu.clerk")
    pulled = _documents(reader)[document_id]
    assert [(i["person_id"], i["sent_by"], i["read_at"]) for i in pulled["informed"]] == [
        ("p-edu.clerk", "p-office.leader", None)]
    entry = pulled["trace"][-1]
    assert (entry["action"], entry["actor_id"], entry["opinion"], entry["details"]) == (
        "inform", "p-office.leader", "请知悉", {"to": ["p-edu.clerk"]})
    # The same unit as the informed person: 知会 names a person, not their unit.
    assert document_id not in _documents(user("edu.leader"))
    # Another unit altogether.
    assert document_id not in _documents(user("finance.clerk"))
    # The owner unit sees it anyway, by the unit rules, as before.
    assert document_id in _documents(user("office.supervisor"))


def test_opening_it_is_recorded_once_and_gives_no_other_action(user: Users) -> None:
    document_id, leader = _inform(user, "p-edu.clerk")
    reader = user("edu.clerk")
    reader.ok(document_id, "read", expected_step="sign")
    pulled = _documents(reader)[document_id]
    assert pulled["informed"][0]["read_at"] is not None
    assert [e["action"] for e in pulled["trace"]][-2:] == ["inform", "read"]
    # Again (a second computer, or twice offline): accepted, nothing new in the trace.
    reader.ok(document_id, "read")
    assert len(_documents(reader)[document_id]["trace"]) == len(pulled["trace"])
    refused = {kind: reader.act(document_id, kind, assignees=["p-edu.leader"],
                                expected_step="sign")
               for kind in ("approve", "inform", "circulate", "add_signer")}
    assert all(r["status"] == "rejected" for r in refused.values()), refused
    assert refused["inform"]["code"] == "workflow.forbidden"
    assert document_id not in _documents(user("edu.leader"))
    # The trace is the leader's to read too: who informed whom, and who read it.
    trace = _documents(leader)[document_id]["trace"]
    assert [(e["action"], e["actor_id"]) for e in trace[-2:]] == [
        ("inform", "p-office.leader"), ("read", "p-edu.clerk")]


def test_someone_not_informed_can_neither_read_it_nor_learn_that_it_exists(
        user: Users) -> None:
    document_id, _ = _inform(user, "p-edu.clerk")
    for name in ("edu.leader", "finance.clerk"):
        result = user(name).act(document_id, "read")
        assert (result["status"], result["code"]) == ("rejected", "document.not_found")


def test_informing_an_id_not_in_the_directory_is_refused_and_leaks_nothing(
        user: Users) -> None:
    document_id, _ = walk_to(user, "sign")
    leader = user("office.leader")
    for stranger in ("p-nobody", "u-edu", "p-edu.clerk\u0000"):
        result = leader.act(document_id, "inform", assignees=[stranger], expected_step="sign")
        assert result["status"] == "rejected", stranger
        assert result["code"] in ("org.unknown_person", "mutation.invalid_args"), result
    assert "informed" not in _documents(leader)[document_id]
    assert document_id not in _documents(user("edu.clerk"))


def test_only_a_holder_or_the_drafter_may_inform(user: Users) -> None:
    document_id, clerk = walk_to(user, "sign")
    for name in ("office.supervisor", "office.reviewer"):  # same unit, not holding 签发
        result = user(name).act(document_id, "inform", assignees=["p-edu.clerk"])
        assert (result["status"], result["code"]) == ("rejected", "workflow.forbidden")
    clerk.ok(document_id, "inform", assignees=["p-edu.clerk"])  # the drafter
    assert document_id in _documents(user("edu.clerk"))


def test_an_action_the_server_does_not_know_is_refused_as_malformed(user: Users) -> None:
    """What a server from before 知会 answers this client's `inform`: `ActionKind` does not
    know the name, so the action is refused as malformed and nothing is applied."""
    document_id, _ = walk_to(user, "sign")
    leader = user("office.leader")
    result = leader.act(document_id, "inform_everyone", assignees=["p-edu.clerk"])
    assert (result["status"], result["code"]) == ("rejected", "action.malformed")
    assert leader.act(document_id, "approve", expected_step="sign")["status"] == "applied"
