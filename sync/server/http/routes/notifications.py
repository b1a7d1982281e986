"""/me/notifications: the signed-in person's notification choice (通知方式)."""

from __future__ import annotations

from fastapi import APIRouter

from sync.protocol import ErrorBody, NotificationPrefs, NotificationPrefsUpdate
from sync.server.http.limits import unstorable_text
from sync.server.http.routes.deps import ServerDep, SessionDep
from sync.server.notify import prefs
from sync.server.notify.events import available
from sync.server.storage import db

router = APIRouter(prefix="/me", tags=["notifications"])
ERRORS: dict[int | str, dict[str, object]] = {401: {"model": ErrorBody},
                                               422: {"model": ErrorBody}}


@router.get("/notifications", responses=ERRORS)
def get_notifications(session: SessionDep, server: ServerDep) -> NotificationPrefs:
    """Return how the caller is told away from the client, and the channels on offer."""
    with db.read(server.engine) as connection:
        return prefs.load(connection, session.person.id,
                          available(server.settings.integrations))


@router.put("/notifications", responses=ERRORS)
def put_notifications(body: NotificationPrefsUpdate, session: SessionDep,
                      server: ServerDep) -> NotificationPrefs:
    """Keep the caller's choice: addresses checked, only channels this server offers."""
    if unstorable_text(body.email) or unstorable_text(body.phone):
        raise prefs.refuse("request.invalid", "请求内容不符合要求：body.email 或 body.phone")
    return prefs.save(server.engine, session.person.id, body,
                      available(server.settings.integrations), server.settings.clock())
