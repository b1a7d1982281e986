"""The server's database connections are dropped (PostgreSQL restarted, a proxy cut them).

Pooled connections are not pinged before each use (a round trip on every request, a tenth
of a loaded server's CPU). So a request on a connection that died may fail, and must fail as
"unavailable, retry" (503, which the client retries on its backoff) without losing what it
carried; the pool then replaces every connection it had, and the next requests work.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
import sqlalchemy as sa

from tests.sync.conftest import NOTICE, PG_ADMIN_URL, User

DOC = "6f0c2a9e-3d4b-4c1e-9a57-0b8e2f1d7c35"


def _drop_connections(database: str) -> int:
    admin = sa.create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT", poolclass=sa.NullPool)
    try:
        with admin.connect() as connection:
            return len(connection.execute(sa.text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = :name AND pid <> pg_backend_pid()"), {"name": database}).all())
    finally:
        admin.dispose()


@pytest.mark.postgres
@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
def test_connections_dropped_cost_at_most_one_refusal_then_work_goes_on(
        user: Callable[[str], User], engine: sa.Engine) -> None:
    clerk = user("office.clerk")
    clerk.sync()
    assert _drop_connections(str(engine.url.database)) > 0
    body = {"client_id": clerk.client_id, "schema_version": 1, "cursor": clerk.cursor,
            "limit": 500}
    statuses = []
    for _ in range(4):
        response = clerk.api.post("/api/v1/sync/pull", json=body, headers=clerk.headers)
        statuses.append(response.status_code)
        if response.status_code != 200:
            assert response.status_code == 503, response.text
            assert response.json()["code"] == "server.unavailable"
            assert response.headers["Retry-After"]
    assert statuses.count(503) <= 1 and statuses[-3:] == [200, 200, 200], statuses

    _drop_connections(str(engine.url.database))
    mutation = clerk.mutation("document.create_outgoing", document_id=DOC,
                              fields=NOTICE)
    for _ in range(2):  # the client sends the same mutation again after a 503
        response = clerk.push(mutation)
        if response.status_code == 200:
            break
        assert response.status_code == 503, response.text
    assert response.status_code == 200 and response.json()["results"][0]["status"] == "applied"
    clerk.sync()
    assert clerk.doc(DOC)["title"] == NOTICE["title"]
