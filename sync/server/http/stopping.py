"""Stopping promptly. An event stream never ends by itself, and an ASGI server's graceful
shutdown waits for every open response: a server with connected clients ignored SIGTERM. On
SIGTERM or SIGINT the streams are now ended at once (the clients reconnect by themselves, to
this server once it is back or to another host), while in-flight pushes finish."""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from types import FrameType

STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)
Handler = Callable[[int, FrameType | None], object]


def on_stop(callback: Callable[[], object]) -> Callable[[], None]:
    """Call `callback` when SIGTERM or SIGINT arrives, before the handler the ASGI server has
    installed (uvicorn's starts its graceful shutdown); return what puts the handlers back.

    Only a handler already installed in the main thread is chained: elsewhere (an app under a
    test client) there is no signal to wait for, and nothing changes.
    """
    if threading.current_thread() is not threading.main_thread():
        return lambda: None
    chained: dict[signal.Signals, Handler] = {}
    for number in STOP_SIGNALS:
        previous = signal.getsignal(number)
        if not callable(previous):
            continue

        def handler(sig: int, frame: FrameType | None, previous: Handler = previous) -> None:
            callback()
            previous(sig, frame)

        signal.signal(number, handler)
        chained[number] = previous

    def restore() -> None:
        for number, previous in chained.items():
            signal.signal(number, previous)

    return restore
