"""An app factory for ASGI servers: settings from the environment (see `settings_from_env`).

`officeapp-server --workers N` runs N processes of it; any ASGI server can too, e.g.
`uvicorn --factory sync.server.http.asgi:app --workers 4 --no-proxy-headers`.
"""

from __future__ import annotations

from fastapi import FastAPI

from sync.server.http.app import create_app
from sync.server.settings import settings_from_env


def app() -> FastAPI:
    """Return a server app configured from OFFICEAPP_* environment variables."""
    return create_app(settings_from_env())
