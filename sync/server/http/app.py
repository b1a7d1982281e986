"""The ASGI app: `create_app(settings)` wires routes, limits and error handlers to a Server."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress

import sqlalchemy as sa
from anyio import to_thread
from fastapi import APIRouter, FastAPI
from fastapi.exceptions import RequestValidationError
from starlette_compress import CompressMiddleware, remove_compress_type

from sync.protocol import API_PREFIX
from sync.server.errors import install_error_handlers
from sync.server.http.encoding import RESPONSE_LEVEL, UNCOMPRESSED_TYPES
from sync.server.http.limits import BodyLimit
from sync.server.http.proxies import ForwardedFor
from sync.server.http.routes import auth, blobs, health, notifications
from sync.server.http.routes import sync as sync_routes
from sync.server.http.routes.deps import refuse_invalid
from sync.server.http.server import Server
from sync.server.http.stopping import on_stop
from sync.server.mutations.jobs import run_periodically
from sync.server.notify import worker as notify_worker
from sync.server.settings import Settings

for _kind in UNCOMPRESSED_TYPES:
    remove_compress_type(_kind)


def create_app(settings: Settings, *, engine: sa.Engine | None = None) -> FastAPI:
    """Return the server app; `app.state.server.close()` releases it (lifespan does too)."""
    server = Server.build(settings, engine)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # As many worker threads as pooled connections: more threads than connections
        # would open and drop overflow connections under load (a new SQLite connection
        # re-reads the schema, a new PostgreSQL one forks a backend), for no extra speed.
        to_thread.current_default_thread_limiter().total_tokens = settings.pool_size
        # Scheduled jobs run in every served process; their row locks keep them from doubling.
        jobs = (asyncio.create_task(run_periodically(server.engine, settings, server.notifier))
                if settings.jobs_interval > 0 else None)
        # Notifications go out from a loop of their own, never from a push.
        sending = (asyncio.create_task(notify_worker.run_periodically(server.engine, settings))
                   if notify_worker.enabled(settings)
                   and settings.integrations.notify.interval > 0 else None)
        loop = asyncio.get_running_loop()
        restore = on_stop(lambda: loop.call_soon_threadsafe(server.hub.close_all))
        yield
        restore()
        for task in (jobs, sending):
            if task is not None:
                task.cancel()
                with suppress(asyncio.CancelledError):
                    await task
        server.close()

    # No OpenTelemetry is configured: without this, FastAPI looks for its providers (in the
    # environment) on every request, 2 % of a loaded worker's time.
    app = FastAPI(title="协同办公 同步服务", version="1", lifespan=lifespan,
                  openapi_url="/openapi.json", docs_url="/docs", redoc_url=None,
                  telemetry={"tracing": False, "metrics": False, "logs": False})
    app.state.server = server
    # Ahead of the routers: well-formed pulls skip FastAPI (see QuickPull).
    app.router.routes.append(sync_routes.QuickPull(f"{API_PREFIX}/sync/pull"))
    api = APIRouter(prefix=API_PREFIX)
    for module in (auth, sync_routes, blobs, health, notifications):
        api.include_router(module.router)
    app.include_router(api)
    install_error_handlers(app)
    app.add_exception_handler(RequestValidationError, refuse_invalid)
    # Pull pages and other JSON answers go zstd-compressed to clients that accept it.
    app.add_middleware(CompressMiddleware, zstd_level=RESPONSE_LEVEL, brotli=False)
    app.add_middleware(BodyLimit, json_limit=settings.max_json_body,
                       chunk_limit=settings.max_chunk, chunk_prefix=f"{API_PREFIX}/blobs/")
    if settings.trusted_proxies:
        # Outermost, so every part of the app (login throttling included) sees the client.
        app.add_middleware(ForwardedFor, proxies=settings.trusted_proxies)
    return app
