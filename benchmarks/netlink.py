"""A real network link for the benchmarks: two network namespaces, a rate limit, a round trip.

    with Link(Spec.parse("20mbit:30ms")) as link:
        server = subprocess.Popen(link.server_exec([...]))   # listens on 127.0.0.1 there
        relay = link.start_relay(upstream_port=port)          # the client's way in
        client = subprocess.run(link.client_exec([...]))     # reaches link.base_url(...)

What it builds (root only; no netem here, so the delay is added in user space):

* Two namespaces (`oabench-<pid>-s`, `oabench-<pid>-c`) joined by a veth pair
  (`oab<pid>s` ↔ `oab<pid>c`, 10.213.0.1/30 ↔ 10.213.0.2/30). Everything carries the
  creating process's id, so runs never collide, and a later run removes what a killed run
  left behind (`remove_stale`).
* The rate: `tc … root tbf` on *both* veth ends, so each direction is limited by its
  sender's queue. `burst` is 5 ms of the rate, at least two full frames (`burst_bytes`): the
  kernel refills the bucket on timer ticks, and a bucket smaller than one tick's worth of
  bytes would cut the rate below the one set; a larger one would let more than a few
  milliseconds pass at the veth's own speed. `latency` (the longest a packet may wait in
  the queue, i.e. the queue's size) is 100 ms, a common router buffer.
* The round trip: a relay (`relay`, asyncio) in the server's namespace, on the veth address,
  forwarding to the server on its loopback. Each chunk it reads is written on after half the
  round trip, in order, in each direction (request and answer each pay RTT/2), and a new
  connection waits one whole round trip before its first byte goes on (the TCP handshake).
  It never limits throughput: it buffers up to RELAY_BUFFER bytes per direction (far above
  any bandwidth × delay product here); the tbf queues do the rate. What it cannot mimic:
  TCP's own window growth over a long path (the kernel's acknowledgements cross the veth at
  once), so slow start after idle is not paid — with one kept-alive connection and pages of
  megabytes, a small part of the total.
* `wire_bytes` counts what crossed the client's veth (`/sys/class/net/<dev>/statistics`
  rx_bytes + tx_bytes, read inside its namespace): Ethernet, IP and TCP headers included,
  retransmissions too. Both veth ends send one frame per packet (`gso_max_segs 1`), as a
  real Ethernet link does, so headers count per 1500-byte packet at every rate.

`python benchmarks/netlink.py relay --listen HOST:PORT --upstream HOST:PORT --rtt-ms 30` runs
the relay alone (the Link starts it that way inside the server's namespace).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

PREFIX = "oabench-"
SERVER_ADDRESS = "10.213.0.1"
CLIENT_ADDRESS = "10.213.0.2"
MTU_FRAME = 1514  # an Ethernet frame of a 1500-byte packet, as tc counts it
QUEUE_LATENCY_MS = 100
RELAY_BUFFER = 8 * 1024 * 1024
_UNITS = {"bit": 1, "kbit": 1_000, "mbit": 1_000_000, "gbit": 1_000_000_000}
_SPEC = re.compile(r"^(\d+(?:\.\d+)?)(bit|kbit|mbit|gbit):(\d+(?:\.\d+)?)(ms|s)$")


class LinkUnavailable(RuntimeError):
    """Namespaces cannot be made here (not root, or no `ip netns`)."""


@dataclass(frozen=True)
class Spec:
    """A link: its rate in bits per second and its round trip in seconds."""

    rate_bits: int
    rtt_seconds: float

    @classmethod
    def parse(cls, text: str) -> Spec:
        """Read "20mbit:30ms" (rates: bit, kbit, mbit, gbit, decimal as tc reads them;
        round trips in ms or s). Raises ValueError for anything else."""
        found = _SPEC.match(text.strip().lower())
        if found is None:
            raise ValueError(f"not a link (RATE:RTT, e.g. 20mbit:30ms): {text!r}")
        amount, unit, rtt, rtt_unit = found.groups()
        rate = int(float(amount) * _UNITS[unit])
        seconds = float(rtt) / (1000 if rtt_unit == "ms" else 1)
        if rate < 8_000 or seconds > 10:
            raise ValueError(f"rate below 8kbit or round trip above 10 s: {text!r}")
        return cls(rate, seconds)

    def __str__(self) -> str:
        return f"{self.rate_bits / 1e6:g}mbit:{self.rtt_seconds * 1000:g}ms"

    def floor_seconds(self, *, wire_bytes: int, round_trips: int) -> float:
        """The least time these bytes and sequential round trips take on this link."""
        return wire_bytes * 8 / self.rate_bits + round_trips * self.rtt_seconds


def burst_bytes(rate_bits: int) -> int:
    """tbf's bucket: 5 ms of the rate, at least two full frames (see the module's notes)."""
    return max(2 * MTU_FRAME, rate_bits // 8 * 5 // 1000)


def argument(text: str) -> Spec:
    """`Spec.parse` for argparse (`type=netlink.argument`)."""
    try:
        return Spec.parse(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _ip(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["ip", *args], capture_output=True, text=True, check=check)


def namespaces() -> list[str]:
    """The network namespaces that exist, by name."""
    result = _ip("netns", "list", check=False)
    return [line.split()[0] for line in result.stdout.splitlines() if line.strip()]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale() -> list[str]:
    """Remove the namespaces of runs whose process is gone (killed before cleaning up)."""
    removed = []
    for name in namespaces():
        found = re.fullmatch(rf"{PREFIX}(\d+)-[sc]", name)
        if found and not _alive(int(found.group(1))):
            _ip("netns", "delete", name, check=False)
            removed.append(name)
    return removed


class Link:
    """The two namespaces, the veth pair and its queues; removed on exit, whatever happens."""

    def __init__(self, spec: Spec, *, tag: str | None = None) -> None:
        self.spec = spec
        tag = tag or str(os.getpid())
        self.server_ns = f"{PREFIX}{tag}-s"
        self.client_ns = f"{PREFIX}{tag}-c"
        self.server_dev = f"oab{tag[-11:]}s"  # interface names: 15 characters at most
        self.client_dev = f"oab{tag[-11:]}c"
        self._made: list[str] = []
        self._processes: list[subprocess.Popen[bytes]] = []

    def __enter__(self) -> Link:
        if shutil.which("ip") is None or shutil.which("tc") is None:
            raise LinkUnavailable("`ip` and `tc` (iproute2) are needed for --link")
        remove_stale()
        try:
            self._build()
        except subprocess.CalledProcessError as error:
            self.close()
            raise LinkUnavailable(f"{' '.join(error.cmd)}: {error.stderr.strip()}") from None
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _build(self) -> None:
        for name in (self.server_ns, self.client_ns):
            made = _ip("netns", "add", name, check=False)
            if made.returncode != 0:
                raise LinkUnavailable(f"`ip netns add` failed (root is needed): "
                                      f"{made.stderr.strip()}")
            self._made.append(name)
        _ip("link", "add", "name", self.server_dev, "netns", self.server_ns, "type", "veth",
            "peer", "name", self.client_dev, "netns", self.client_ns)
        ends = ((self.server_ns, self.server_dev, SERVER_ADDRESS),
                (self.client_ns, self.client_dev, CLIENT_ADDRESS))
        for namespace, dev, address in ends:
            _ip("-n", namespace, "addr", "add", f"{address}/30", "dev", dev)
            # One frame per packet, as on Ethernet: a veth otherwise carries TCP's 64 KB
            # segmentation-offload packets whole, their headers counted once (and tbf
            # splits only those larger than its bucket, so the count would vary with rate).
            _ip("-n", namespace, "link", "set", "dev", dev, "gso_max_segs", "1")
            _ip("-n", namespace, "link", "set", dev, "up")
            _ip("-n", namespace, "link", "set", "lo", "up")
            subprocess.run(
                ["ip", "netns", "exec", namespace, "tc", "qdisc", "add", "dev", dev, "root",
                 "tbf", "rate", f"{self.spec.rate_bits}bit",
                 "burst", str(burst_bytes(self.spec.rate_bits)),
                 "latency", f"{QUEUE_LATENCY_MS}ms"],
                capture_output=True, text=True, check=True)

    def close(self) -> None:
        """End the processes started in the namespaces, then remove the namespaces (their
        veth ends and queues go with them)."""
        for process in self._processes:
            if process.poll() is None:
                process.terminate()
        for process in self._processes:
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self._processes.clear()
        for name in reversed(self._made):
            _ip("netns", "delete", name, check=False)
        self._made.clear()

    def server_exec(self, command: Sequence[str]) -> list[str]:
        """`command` run in the server's namespace."""
        return ["ip", "netns", "exec", self.server_ns, *command]

    def client_exec(self, command: Sequence[str]) -> list[str]:
        """`command` run in the client's namespace."""
        return ["ip", "netns", "exec", self.client_ns, *command]

    def start(self, command: Sequence[str], *, cwd: Path | None = None
              ) -> subprocess.Popen[bytes]:
        """Start a quiet process (wrapped by *_exec); it is ended when the link closes."""
        process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        self._processes.append(process)
        return process

    def start_relay(self, *, upstream_port: int, port: int = 8080) -> str:
        """Start the delaying relay in the server's namespace; return the client's base URL."""
        command = [sys.executable, str(Path(__file__).resolve()), "relay",
                   "--listen", f"{SERVER_ADDRESS}:{port}",
                   "--upstream", f"127.0.0.1:{upstream_port}",
                   "--rtt-ms", str(self.spec.rtt_seconds * 1000)]
        self.start(self.server_exec(command))
        return f"http://{SERVER_ADDRESS}:{port}"


def wire_bytes(dev: str) -> tuple[int, int]:
    """Bytes received and sent on `dev` so far (read inside the device's namespace)."""
    statistics = Path("/sys/class/net") / dev / "statistics"
    return (int((statistics / "rx_bytes").read_text()),
            int((statistics / "tx_bytes").read_text()))


# --- the relay ---------------------------------------------------------------------------------


async def _carry(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, *,
                 delay: float, not_before: float) -> None:
    """Copy reader to writer, each chunk `delay` seconds after it was read (and none before
    `not_before`), in order; at most RELAY_BUFFER bytes wait at once."""
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[tuple[float, bytes]] = asyncio.Queue()
    room = asyncio.Semaphore(RELAY_BUFFER // 65536)

    async def read() -> None:
        while True:
            await room.acquire()
            data = await reader.read(65536)
            queue.put_nowait((max(loop.time(), not_before) + delay, data))
            if not data:
                return

    async def write() -> None:
        while True:
            due, data = await queue.get()
            wait = due - loop.time()
            if wait > 0:
                await asyncio.sleep(wait)
            if not data:
                with contextlib.suppress(OSError):
                    writer.write_eof()
                return
            writer.write(data)
            await writer.drain()
            room.release()

    reading = asyncio.ensure_future(read())
    try:
        await write()
    finally:
        reading.cancel()
        with contextlib.suppress(BaseException):
            await reading


async def _serve(listen: tuple[str, int], upstream: tuple[str, int], rtt: float) -> None:
    async def handle(client_reader: asyncio.StreamReader,
                     client_writer: asyncio.StreamWriter) -> None:
        loop = asyncio.get_running_loop()
        # The handshake's round trip: the client's first byte leaves after it.
        handshake = loop.time() + rtt
        try:
            server_reader, server_writer = await asyncio.open_connection(*upstream)
        except OSError:
            client_writer.close()
            return
        try:
            await asyncio.gather(
                _carry(client_reader, server_writer, delay=rtt / 2, not_before=handshake),
                _carry(server_reader, client_writer, delay=rtt / 2, not_before=0.0),
                return_exceptions=True)  # a reset connection ends both directions
        finally:
            for writer in (client_writer, server_writer):
                writer.close()

    server = await asyncio.start_server(handle, *listen, backlog=64)
    async with server:
        await server.serve_forever()


def _address(text: str) -> tuple[str, int]:
    host, _, port = text.rpartition(":")
    return host, int(port)


def _stop(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(0)


def main(argv: Sequence[str] | None = None) -> int:
    """`relay`: run the delaying relay; `clean`: remove stale namespaces of this tool."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    relay = commands.add_parser("relay", help="run the delaying relay")
    relay.add_argument("--listen", type=_address, required=True)
    relay.add_argument("--upstream", type=_address, required=True)
    relay.add_argument("--rtt-ms", type=float, required=True)
    commands.add_parser("clean", help="remove namespaces left by killed runs")
    args = parser.parse_args(argv)
    if args.command == "clean":
        for name in remove_stale():
            print(f"removed {name}")
        return 0
    signal.signal(signal.SIGTERM, _stop)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_serve(args.listen, args.upstream, args.rtt_ms / 1000))
    return 0


@contextlib.contextmanager
def terminated_on_signal() -> Iterator[None]:
    """Turn SIGTERM into SystemExit for the block, so that `finally` clauses run."""
    previous = signal.signal(signal.SIGTERM, _stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


if __name__ == "__main__":
    sys.exit(main())
