"""Client benchmark: start to usable main window, inbox re-filter, memory, at 100k documents
(with `--meetings 20000 --items 50000`, 待办 and 已办 list those too, as in the office).

Prints JSON lines {"name", "value", "unit"}: start_seconds (process start until the main window
shows the first inbox page; bar < 1.5 s), inbox_filter_ms_p95 (a filter change until the new
first page is in the model, i.e. first paint; bar < 100 ms), rss_mb (bar < 300 MB).
The cached database is built by bench_store.py (`--db` reuses one).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PERSON = "p-office.clerk"


def emit(name: str, value: float, unit: str) -> None:
    """Print one measured figure."""
    print(json.dumps({"name": name, "value": round(value, 2), "unit": unit}), flush=True)


def build(path: Path, records: int, meetings: int, items: int) -> None:
    """Fill a store with `records` documents (and meetings and supervision items) using the
    store benchmark's generator."""
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench_store.py"), "--records",
                    str(records), "--meetings", str(meetings), "--items", str(items), "--db",
                    str(path), "--keep"], check=True, stdout=subprocess.DEVNULL)


def rss_mb() -> float:
    """Return this process's resident memory in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def probe(path: Path, samples: int) -> None:
    """Run in a fresh process: open the client on `path`, report readiness and figures."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    import qasync

    from officeapp.documents import DocType, Urgency
    from officeapp.store import InboxFilter, LocalStore
    from ui.common.context import AppContext
    from ui.common.qt import QApplication
    from ui.common.settings import Settings
    from ui.common.worker import Worker
    from ui.main_window import MainWindow

    app = QApplication(["bench"])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)

    async def run() -> None:
        worker = Worker()
        store = await worker.run(LocalStore.open, path)
        settings = Settings(Path(tempfile.mkdtemp()) / "bench.ini")
        ctx = AppContext(settings=settings, worker=worker, store=store, person_id=PERSON)
        window = MainWindow(ctx)
        window.show()
        loaded, painted = asyncio.Event(), asyncio.Event()
        window.model.loaded.connect(lambda _total: loaded.set())
        window.model.first_page.connect(painted.set)
        await painted.wait()
        print("READY", flush=True)
        await loaded.wait()
        rng = random.Random(7)
        timings: list[float] = []
        for _ in range(samples):
            loaded.clear()
            filters = InboxFilter(urgency=rng.choice([None, *Urgency]),
                                  doc_type=rng.choice([None, DocType.NOTICE, DocType.REPORT]),
                                  kind=rng.choice([None, None, "document", "meeting",
                                                   "supervision"]))
            window.select(rng.choice(["todo", "done", "mine", "outgoing", "incoming"]))
            await asyncio.sleep(0)
            await window.model.refresh()
            painted.clear()
            loaded.clear()
            started = time.perf_counter()
            window.model.set_filters(filters)
            await painted.wait()
            timings.append((time.perf_counter() - started) * 1000)
            await loaded.wait()
        timings.sort()
        emit("inbox_filter_ms_p95", timings[int(0.95 * (len(timings) - 1))], "ms")
        emit("inbox_filter_ms_p50", timings[len(timings) // 2], "ms")
        emit("rss_mb", rss_mb(), "MB")
        for kind, name in (("document", "documents"), ("meeting", "meetings"),
                           ("supervision", "items")):
            emit(name, await ctx.db(lambda s, k=kind: s.record_count(k)), "records")
        await ctx.close()
        window.close()

    with loop:
        loop.run_until_complete(run())
    # Skip interpreter teardown: PySide can crash freeing widgets late, and the figures are out.
    os._exit(0)


def measure(path: Path, samples: int) -> None:
    """Start the probe as a new process and time it to readiness."""
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, __file__, "--probe", str(path), "--samples",
                              str(samples)], stdout=subprocess.PIPE, text=True,
                             env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert child.stdout is not None
    for line in child.stdout:
        if line.startswith("READY"):
            emit("start_seconds", time.perf_counter() - started, "s")
            continue
        print(line, end="", flush=True)
    if child.wait() != 0:
        raise SystemExit(f"probe failed with {child.returncode}")


def main(argv: Sequence[str] | None = None) -> int:
    """Build (or reuse) the cached database and measure the client on it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=None, help="reuse or keep this database")
    parser.add_argument("--meetings", type=int, default=0)
    parser.add_argument("--items", type=int, default=0, help="supervision items")
    parser.add_argument("--samples", type=int, default=60)
    parser.add_argument("--probe", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.probe is not None:
        probe(args.probe, args.samples)
        return 0
    path = args.db or Path(tempfile.mkdtemp()) / "client.sqlite3"
    if not path.exists():
        build(path, args.records, args.meetings, args.items)
    measure(path, args.samples)
    if args.db is None:
        path.unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
