"""The server benchmarks still run end to end (tiny sizes): a benchmark that breaks is
found by CI, not by the next person who needs its figures."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run(script: str, *args: str) -> dict[str, object]:
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / script), *args],
                          capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-3000:]
    return {line["name"]: line["value"] for line in map(json.loads, done.stdout.splitlines())}


def test_the_load_benchmark_runs_its_clients_and_saturation() -> None:
    figures = _run("bench_server_load.py", "--clients", "20", "--duration", "4", "--ramp",
                   "1", "--saturate", "2", "--saturate-concurrency", "4")
    assert figures["errors"] == 0 and figures["max_errors"] == 0
    ready = figures["events_ready"]
    assert isinstance(ready, dict) and ready["count"] == 20  # every client held a stream
    assert isinstance(figures["max_pull"], dict) and figures["max_pull"]["count"] > 0
    steady = figures["after_ramp"]
    assert isinstance(steady, dict) and 0 < steady["count"] < figures["requests"]


def test_the_latency_benchmark_times_a_change_and_a_circulation() -> None:
    figures = _run("bench_latency.py", "--changes", "2", "--load", "0", "--circulate", "5")
    assert isinstance(figures["change_visible_p95_ms"], float)
    assert isinstance(figures["circulate_5_ms"], float)
