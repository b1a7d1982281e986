"""The central server: FastAPI on SQLAlchemy 2, the same code on SQLite and PostgreSQL."""

from sync.server.http.app import create_app
from sync.server.settings import Settings

__all__ = ["Settings", "create_app"]
