#!/usr/bin/env python3
"""Load test: many concurrent clients searching ``sayso serve`` over loopback.

    .venv/bin/python bench/load.py --db sqlite:////tmp/h6/polnear.db [--clients 200] [--seconds 30] [--json]

Starts ``sayso serve --db DB`` on a free port in its own process, then runs
``--clients`` clients at once for ``--seconds``: each keeps one HTTP/1.1
connection open and sends ``GET /api/attributions?...`` searches one after
another, as fast as answers come (a closed loop, no think time, unless
``--think`` seconds are given; ``--path`` sends one fixed request instead). The
searches are drawn (fixed seed) from words, speakers, outlets, kinds and hedging
taken from the store itself, a page of 20 hits each. The clients are bare
asyncio protocols on uvloop (when installed), not an HTTP library, so that the
load generator takes as little of the machine's CPU as it can: it shares the
machine with the server. ``--workers N`` is passed on to ``sayso serve``.

Reports requests per second, latency percentiles (p50, p95, p99, max), errors
(any answer but 200 with a JSON page, or a broken connection), and the CPU
seconds the server (all its processes) and the load generator took.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import signal
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from sayso.store import open_store

ROOT = Path(__file__).resolve().parents[1]
SAYSO = Path(sys.executable).with_name("sayso")
WORDS = (
    "emails", "economy", "taxes", "wall", "immigration", "jobs", "debate", "polls", "war", "Russia", "health",
    "campaign", "Iran", "guns", "police", "voters", "trade", "deal", "foundation", "server", "security", "women",
    "president", "vote", "election", "money", "court", "Obama", "Congress", "American people", "great again",
    "classified material", "rigged", "Muslims", "terrorism", "Benghazi", "climate", "Wall Street", "media", "lies",
)


def searches(db: str, count: int, seed: int) -> list[str]:
    """``count`` query strings for /api/attributions, mixing words and filters as people would."""
    with open_store(db, create=False) as store:
        speakers = [s.name for s in store.speakers(40)]
        outlets = [row[0] for row in store.query("SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL")]
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        params: dict[str, str] = {"q": rng.choice(WORDS)}
        roll = rng.random()
        if roll < 0.25:
            params["speaker"] = rng.choice(speakers)
        elif roll < 0.4:
            params["outlet"] = rng.choice(outlets)
        elif roll < 0.5:
            params["kind"] = rng.choice(["direct", "indirect", "mixed"])
        elif roll < 0.55:
            params["hedged"] = "true"
        elif roll < 0.6:
            params = {"speaker": rng.choice(speakers)}  # a speaker's latest, no words
        if rng.random() < 0.1:
            params["offset"] = "20"
        out.append("/api/attributions?" + urlencode(params))
    return out


class Connection(asyncio.Protocol):
    """One keep-alive HTTP/1.1 connection, one request at a time; a new one after it breaks.

    A bare protocol rather than asyncio streams or an HTTP library: the load
    generator shares the machine's cores with the server, and every microsecond
    it spends per request is taken from the server being measured.
    """

    def __init__(self) -> None:
        self.transport: asyncio.Transport | None = None
        self.buffer = bytearray()
        self.answer: asyncio.Future[tuple[int, bytes]] | None = None
        self.head_end = -1  # where the head of the answer being read ends, once it has arrived
        self.length = 0
        self.closed = False

    @classmethod
    async def open(cls, host: str, port: int) -> Connection:
        _, connection = await asyncio.get_running_loop().create_connection(cls, host, port)
        return connection

    async def get(self, path: str, host: str) -> tuple[int, bytes]:
        """Status and body of ``GET path``; OSError when the connection is or gets closed."""
        if self.transport is None or self.closed:
            raise ConnectionResetError("the connection is closed")
        self.answer = asyncio.get_running_loop().create_future()
        self.transport.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept: application/json\r\n\r\n".encode())
        return await self.answer

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]  # uvloop's is no subclass of asyncio.Transport

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        if self.head_end < 0:
            self.head_end = self.buffer.find(b"\r\n\r\n")
            if self.head_end < 0:
                return
            head = bytes(self.buffer[:self.head_end]).lower()
            found = head.find(b"\r\ncontent-length:")
            self.length = int(head[found + 17:].split(b"\r\n", 1)[0]) if found >= 0 else 0
            if b"\r\nconnection: close" in head:
                self.closed = True  # answered, then closed: the next request needs a new connection
        end = self.head_end + 4 + self.length
        if len(self.buffer) < end or self.answer is None or self.answer.done():
            return
        status, body = int(self.buffer[9:12]), bytes(self.buffer[self.head_end + 4:end])
        del self.buffer[:end]
        self.head_end = -1
        self.answer.set_result((status, body))

    def connection_lost(self, exc: Exception | None) -> None:
        self.closed = True
        if self.answer is not None and not self.answer.done():
            self.answer.set_exception(exc or ConnectionResetError("the server closed the connection"))

    def close(self) -> None:
        self.closed = True
        if self.transport is not None:
            self.transport.close()


async def run_clients(host: str, port: int, paths: list[str], clients: int, seconds: float, think: float) -> dict:
    latencies: list[float] = []
    errors: list[str] = []
    deadline = 0.0

    async def one(number: int) -> None:
        i = number
        connection = await Connection.open(host, port)
        try:
            await connection.get(paths[i % len(paths)], host)  # warm-up: connect, not counted
            while time.perf_counter() < deadline:
                path = paths[i % len(paths)]
                i += clients
                start = time.perf_counter()
                try:
                    if connection.closed:
                        connection = await Connection.open(host, port)
                    status, body = await connection.get(path, host)
                    if status != 200 or not body.startswith(b'{"total":'):
                        errors.append(f"{status} {path}")
                except (OSError, ValueError) as e:
                    errors.append(f"{type(e).__name__} {path}")
                    connection.close()
                latencies.append(time.perf_counter() - start)
                if think:
                    await asyncio.sleep(think)
        finally:
            connection.close()

    deadline = time.perf_counter() + seconds + 5  # the warm-up requests run first
    tasks = [asyncio.create_task(one(n)) for n in range(clients)]
    await asyncio.sleep(5)
    latencies.clear()
    errors.clear()
    started = time.perf_counter()
    await asyncio.gather(*tasks)
    elapsed = time.perf_counter() - started
    latencies.sort()

    def pct(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))] * 1000 if latencies else 0.0

    return {
        "clients": clients,
        "seconds": round(elapsed, 1),
        "requests": len(latencies),
        "per_second": round(len(latencies) / elapsed, 1),
        "p50_ms": round(pct(50), 1),
        "p95_ms": round(pct(95), 1),
        "p99_ms": round(pct(99), 1),
        "max_ms": round(latencies[-1] * 1000, 1) if latencies else 0.0,
        "mean_ms": round(statistics.fmean(latencies) * 1000, 1) if latencies else 0.0,
        "errors": len(errors),
        "error_examples": errors[:5],
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(port: int, server: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"bench/load.py: sayso serve exited with status {server.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    sys.exit("bench/load.py: sayso serve did not start")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, help="the store to serve")
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--think", type=float, default=0.0, help="seconds each client waits between requests")
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument(
        "--path", help="send only this request instead of searches (e.g. /api/clusters?limit=1, whose answer "
        "costs next to nothing: the ceiling the HTTP stack itself sets)",
    )
    parser.add_argument("--workers", type=int, help="sayso serve --workers N (default: the server's own default)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    paths = [args.path] if args.path else searches(args.db, 2000, args.seed)
    port = free_port()
    command = [str(SAYSO), "serve", "--db", args.db, "--port", str(port)]
    if args.workers:
        command += ["--workers", str(args.workers)]
    server = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.DEVNULL)
    run, loop_name = event_loop()
    try:
        wait_until_up(port, server)
        server_before, client_before = _cpu_seconds(server.pid), time.process_time()
        result = run(run_clients("127.0.0.1", port, paths, args.clients, args.seconds, args.think))
        result["server_cpu_seconds"] = round(_cpu_seconds(server.pid) - server_before, 1)
        result["client_cpu_seconds"] = round(time.process_time() - client_before, 1)  # warm-up included
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=30)
    result.update(
        command=" ".join(["bench/load.py", *sys.argv[1:]]), server=" ".join(command[1:]),
        machine=f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        date=time.strftime("%Y-%m-%d"), think_seconds=args.think, client_loop=loop_name,
    )
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for key, value in result.items():
            print(f"{key:>18}: {value}")
    return 1 if result["errors"] else 0


def event_loop() -> tuple[Callable[[Coroutine[Any, Any, dict]], dict], str]:
    """How to run the clients: on uvloop when it is installed (less CPU per request), else asyncio's own loop."""
    try:
        import uvloop
    except ImportError:
        return asyncio.run, "asyncio"
    return uvloop.run, "uvloop"


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time so far of a process and its children, its workers (Linux ``/proc``)."""
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            rest = stat.read_text().rpartition(")")[2]
        except OSError:  # gone meanwhile
            continue
        fields = rest.split()
        if stat.parent.name == str(pid) or fields[1] == str(pid):
            total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


if __name__ == "__main__":
    sys.exit(main())
