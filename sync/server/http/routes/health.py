"""/health: is the server up and does its database answer."""

from __future__ import annotations

import sqlalchemy as sa
from fastapi import APIRouter

from sync.protocol import SCHEMA_VERSION, ErrorBody, Health
from sync.server.http.routes.deps import ServerDep
from sync.server.storage import db

router = APIRouter(tags=["health"])


@router.get("/health", responses={503: {"model": ErrorBody}})
def health(server: ServerDep) -> Health:
    """Answer ok when the database answers (503 otherwise)."""
    with db.read(server.engine) as connection:
        connection.execute(sa.select(1))
    return Health(status="ok", schema_version=SCHEMA_VERSION,
                  database=server.engine.dialect.name)
