"""The change log finds a record's earlier entries through its (kind, entity_id) index."""

from __future__ import annotations

import sqlalchemy as sa

from sync.server.ops import migrate
from sync.server.storage.changelog import superseded_query
from sync.server.storage.db import make_engine


def test_superseded_lookup_uses_the_entity_index(tmp_path: object) -> None:
    engine = make_engine(f"sqlite:///{tmp_path}/plan.sqlite3")
    migrate.upgrade(engine)
    query = superseded_query("document", "doc-1")
    compiled = query.compile(engine, compile_kwargs={"literal_binds": True})
    with engine.connect() as connection:
        plan = " ".join(str(row) for row in connection.execute(
            sa.text(f"EXPLAIN QUERY PLAN {compiled}")))
    engine.dispose()
    assert "ix_changes_entity" in plan, plan
