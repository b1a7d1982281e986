"""The server's parts, built once per app: engine, auth, push, blobs and pokes."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from sync.server.identity.auth import Auth
from sync.server.mutations.dispatch import Pusher
from sync.server.settings import Settings
from sync.server.storage.blobs import BlobStore
from sync.server.storage.db import make_engine
from sync.server.storage.pokes import Notifier, PokeHub


@dataclass
class Server:
    """Everything a request handler needs, shared by all requests of one process."""

    settings: Settings
    engine: sa.Engine
    auth: Auth
    pusher: Pusher
    blobs: BlobStore
    hub: PokeHub
    notifier: Notifier

    @classmethod
    def build(cls, settings: Settings, engine: sa.Engine | None = None) -> Server:
        """Return a server on `settings` (or on an engine the caller owns)."""
        engine = engine or make_engine(settings.database_url, pool_size=settings.pool_size)
        hub = PokeHub()
        notifier = Notifier(engine, hub)
        return cls(settings=settings, engine=engine, auth=Auth(engine, settings),
                   pusher=Pusher(engine, settings, notifier), blobs=BlobStore(engine, settings),
                   hub=hub, notifier=notifier)

    def close(self) -> None:
        """Stop listening for pokes and close every database connection."""
        self.notifier.close()
        self.engine.dispose()
