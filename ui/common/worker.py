"""The one worker thread for SQLite and PDF work, awaited from the qasync loop."""

from __future__ import annotations

import asyncio
import concurrent.futures
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


class Worker:
    """Runs blocking calls on a single thread (one SQLite writer, no lock fights)."""

    def __init__(self) -> None:
        self._pool = concurrent.futures.ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="officeapp-db"
        )

    async def run(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        """Run `fn(*args, **kwargs)` on the worker thread and return its result."""
        future = self._pool.submit(fn, *args, **kwargs)
        return await asyncio.wrap_future(future)

    def call(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        """Run `fn` on the worker thread and wait for it (for start-up and tests only)."""
        return self._pool.submit(fn, *args, **kwargs).result()

    def shutdown(self) -> None:
        """Finish queued work and stop the thread."""
        self._pool.shutdown(wait=True)
