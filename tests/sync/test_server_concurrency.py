"""Concurrency: gap-free numbers under racing pushes, one winner per step, and a change log
that never skips a change committed late by a concurrent transaction."""

from __future__ import annotations

import asyncio
import random
import threading
import time
import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Any

import httpx
import sqlalchemy as sa
from fastapi import FastAPI
from sqlalchemy import event

from .conftest import NOTICE, Api, User, walk_to

Users = Callable[[str], User]
WRITERS = 8
DOCS_PER_WRITER = 12


def _push(client: httpx.AsyncClient, who: User, *mutations: dict[str, Any]) -> Any:
    return client.post("/api/v1/sync/push", json=who.push_body(*mutations),
                       headers=who.headers)


def test_concurrent_numbering_is_gap_free_and_unique(user: Users, api: Api) -> None:
    documents = [walk_to(user, "number")[0] for _ in range(8)]
    numberers = [user(name) for name in ("office.clerk", "office.reviewer",
                                         "office.secretary") * 3][:len(documents)]

    async def race() -> list[httpx.Response]:
        return list(await asyncio.gather(*(
            _push(api.client, who, who.mutation("document.act", document_id=doc_id,
                                                action={"kind": "approve",
                                                        "expected_step": "number"}))
            for who, doc_id in zip(numberers, documents, strict=True))))

    responses = api.run(race())
    assert all(r.json()["results"][0]["status"] == "applied" for r in responses)
    numbers = sorted(numberers[0].doc(d)["doc_number"] for d in documents)
    year = datetime.now().year
    assert sorted(numbers, key=lambda n: int(n.split("〕")[1][:-1])) == [
        f"萍府办发〔{year}〕{n}号" for n in range(1, 9)]


def test_simultaneous_claims_have_exactly_one_winner(user: Users, api: Api) -> None:
    doc_id, _ = walk_to(user, "review")
    rivals = [user("office.reviewer"), user("office.deputy"), user("office.leader")]

    async def race() -> list[httpx.Response]:
        return list(await asyncio.gather(*(
            _push(api.client, who, who.mutation("document.act", document_id=doc_id,
                                                action={"kind": "claim",
                                                        "expected_step": "review"}))
            for who in rivals)))

    results = [r.json()["results"][0] for r in api.run(race())]
    assert sorted(r["status"] for r in results) == ["applied", "rejected", "rejected"]
    winner = next(r for r in results if r["status"] == "applied")
    del winner
    for lost in (r for r in results if r["status"] == "rejected"):
        assert lost["code"] == "workflow.already_claimed"
        assert lost["details"]["winner_name"] in {"周核稿", "陈副主任", "张主任"}


def _writer(app: FastAPI, username: str, created: list[str], errors: list[str]) -> None:
    api = Api(app)
    try:
        response = api.post("/api/v1/auth/login",
                            json={"username": username, "password": "demo-password"})
        who = User(api, username, response.json())
        for n in range(DOCS_PER_WRITER):
            doc_id = str(uuid.uuid4())
            result = who.push_one("document.create_outgoing", document_id=doc_id,
                                  fields={**NOTICE, "title": f"{username}并发{n}"})
            if result["status"] != "applied":
                errors.append(str(result))
            created.append(doc_id)
    except Exception as error:  # reported by the test, not lost in the thread
        errors.append(repr(error))
    finally:
        api.close()


def test_change_log_never_skips_a_late_commit(app: FastAPI, user: Users,
                                              engine: sa.Engine) -> None:
    """≥ 8 writers whose commits are delayed at random, while a client keeps pulling."""

    def late_commit(_connection: sa.Connection) -> None:
        # Widen the window between taking seqs and committing, where a naive log skips.
        time.sleep(random.random() * 0.01)

    event.listen(engine, "commit", late_commit)
    watcher = user("office.supervisor")  # sees every office document
    writers = ["office.clerk", "office.reviewer", "office.secretary", "office.leader",
               "office.deputy", "office.supervisor"]
    created: list[str] = []
    errors: list[str] = []
    threads = [threading.Thread(target=_writer, args=(app, writers[n % len(writers)],
                                                      created, errors))
               for n in range(WRITERS)]
    for thread in threads:
        thread.start()
    pulls = 0
    try:
        while any(thread.is_alive() for thread in threads):
            watcher.sync(limit=7)
            pulls += 1
    finally:
        for thread in threads:
            thread.join()
        event.remove(engine, "commit", late_commit)
    watcher.sync(limit=7)
    assert errors == []
    assert len(created) == WRITERS * DOCS_PER_WRITER
    assert pulls > 3, "the watcher must have pulled while writers were committing"
    missing = set(created) - set(watcher.documents())
    assert missing == set(), f"{len(missing)} changes skipped by the cursor"
