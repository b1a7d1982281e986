"""The --link option of bench_sync and the namespaces, queues and relay of netlink.py."""

from __future__ import annotations

import asyncio
import contextlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import bench_sync
import netlink
from netlink import Link, Spec


@pytest.mark.parametrize(("text", "rate", "rtt"), [
    ("20mbit:30ms", 20_000_000, 0.03), ("4mbit:60ms", 4_000_000, 0.06),
    ("100mbit:10ms", 100_000_000, 0.01), ("1.5Mbit:0.2s", 1_500_000, 0.2),
    ("512kbit:0ms", 512_000, 0.0)])
def test_links_are_read_as_tc_reads_rates(text: str, rate: int, rtt: float) -> None:
    assert Spec.parse(text) == Spec(rate, rtt)
    assert bench_sync.parse_args(["--link", text]).link == Spec(rate, rtt)


@pytest.mark.parametrize("text", ["abc", "20mbit", "20mb:30ms", "20mbit:30", ":30ms",
                                  "20mbit:30ms:1", "1kbit:30ms", "20mbit:20s", "-1mbit:3ms"])
def test_other_links_are_refused(text: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(ValueError):
        Spec.parse(text)
    with pytest.raises(SystemExit) as refused:
        bench_sync.parse_args(["--link", text])
    assert refused.value.code == 2 and "RATE:RTT" in capsys.readouterr().err


def test_without_link_the_benchmark_runs_on_loopback() -> None:
    assert bench_sync.parse_args([]).link is None


def test_the_floor_is_the_bytes_at_the_rate_plus_the_round_trips() -> None:
    spec = Spec.parse("20mbit:30ms")
    assert spec.floor_seconds(wire_bytes=2_500_000, round_trips=10) == pytest.approx(1.3)


def test_the_bucket_holds_five_milliseconds_and_at_least_two_frames() -> None:
    assert netlink.burst_bytes(20_000_000) == 12_500
    assert netlink.burst_bytes(1_000_000) == 2 * netlink.MTU_FRAME


def test_the_relay_carries_both_ways_in_order() -> None:
    async def echo(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
        writer.close()

    async def scenario() -> bytes:
        upstream = await asyncio.start_server(echo, "127.0.0.1", 0)
        up_port = upstream.sockets[0].getsockname()[1]
        relay = await asyncio.start_server(lambda r, w: None, "127.0.0.1", 0)
        port = relay.sockets[0].getsockname()[1]
        relay.close()
        await relay.wait_closed()
        serving = asyncio.ensure_future(
            netlink._serve(("127.0.0.1", port), ("127.0.0.1", up_port), 0.01))
        try:
            for _ in range(100):
                with contextlib.suppress(OSError):
                    reader, writer = await asyncio.open_connection("127.0.0.1", port)
                    break
                await asyncio.sleep(0.05)
            sent = b"".join(i.to_bytes(4, "big") for i in range(300_000))
            writer.write(sent)
            writer.write_eof()
            received = await reader.read()
            writer.close()
            return received if received == sent else b"mismatch"
        finally:
            serving.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await serving
            upstream.close()
            await upstream.wait_closed()

    assert len(asyncio.run(scenario())) == 1_200_000


def _can_make_namespaces() -> bool:
    if os.geteuid() != 0:
        return False
    probe = f"{netlink.PREFIX}probe{os.getpid()}"
    made = subprocess.run(["ip", "netns", "add", probe], capture_output=True)
    subprocess.run(["ip", "netns", "delete", probe], capture_output=True)
    return made.returncode == 0


needs_namespaces = pytest.mark.skipif(not _can_make_namespaces(),
                                      reason="network namespaces need root and iproute2")


def _qdisc(namespace: str, dev: str) -> str:
    return subprocess.run(["ip", "netns", "exec", namespace, "tc", "qdisc", "show", "dev",
                           dev], capture_output=True, text=True, check=True).stdout


@needs_namespaces
def test_a_link_removes_what_it_made_even_after_a_failure() -> None:
    spec = Spec.parse("100mbit:10ms")
    with pytest.raises(RuntimeError, match="midway"), Link(spec) as link:
        assert {link.server_ns, link.client_ns} <= set(netlink.namespaces())
        assert "tbf" in _qdisc(link.server_ns, link.server_dev)
        assert "tbf" in _qdisc(link.client_ns, link.client_dev)
        shown = subprocess.run(["ip", "-n", link.client_ns, "addr", "show", link.client_dev],
                               capture_output=True, text=True, check=True).stdout
        assert netlink.CLIENT_ADDRESS in shown and "UP" in shown
        details = subprocess.run(["ip", "-n", link.server_ns, "-d", "link", "show",
                                  link.server_dev], capture_output=True, text=True).stdout
        assert "gso_max_segs 1 " in details  # one frame per packet, as on Ethernet
        raise RuntimeError("midway")
    assert not {link.server_ns, link.client_ns} & set(netlink.namespaces())


@needs_namespaces
def test_namespaces_left_by_a_killed_run_are_removed() -> None:
    gone = subprocess.Popen(["true"])
    gone.wait()
    stale = f"{netlink.PREFIX}{gone.pid}-s"
    subprocess.run(["ip", "netns", "add", stale], check=True)
    mine = f"{netlink.PREFIX}{os.getpid()}-c"  # a running process's: kept
    subprocess.run(["ip", "netns", "add", mine], check=True)
    try:
        assert stale in netlink.remove_stale()
        assert stale not in netlink.namespaces() and mine in netlink.namespaces()
    finally:
        for name in (stale, mine):
            subprocess.run(["ip", "netns", "delete", name], capture_output=True)
