#!/usr/bin/env python3
"""Load test: many concurrent clients searching ``sayso serve`` over loopback.

    .venv/bin/python bench/load.py --db sqlite:////tmp/h6/polnear.db [--clients 200] [--seconds 30] [--json]

Starts ``sayso serve --db DB`` on a free port in its own process, then runs
``--clients`` clients at once for ``--seconds``: each keeps one HTTP/1.1
connection open and sends ``GET /api/attributions?...`` searches one after
another, as fast as answers come (a closed loop, no think time, unless
``--think`` seconds are given; ``--path`` sends one fixed request instead). The
searches are drawn (fixed seed) from words, speakers, outlets, kinds and hedging
taken from the store itself, a page of 20 hits each. The clients are plain asyncio streams, not an HTTP library, so that
the load generator takes as little of the machine's CPU as it can: it shares the
machine with the server.

Reports requests per second, latency percentiles (p50, p95, p99, max) and
errors (any answer but 200 with a JSON page, or a broken connection).
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
from pathlib import Path
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


class Client:
    """One keep-alive HTTP/1.1 connection, one request at a time."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}\r\nAccept: application/json\r\n\r\n".encode())
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)}
        body = await self.reader.readexactly(int(headers.get("content-length", 0)))
        if headers.get("connection", "").lower() == "close":
            await self.close()
        return status, body

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer = None


async def run_clients(host: str, port: int, paths: list[str], clients: int, seconds: float, think: float) -> dict:
    latencies: list[float] = []
    errors: list[str] = []
    deadline = 0.0

    async def one(number: int) -> None:
        client = Client(host, port)
        i = number
        try:
            await client.get(paths[i % len(paths)])  # warm-up: connect, not counted
            while time.perf_counter() < deadline:
                path = paths[i % len(paths)]
                i += clients
                start = time.perf_counter()
                try:
                    status, body = await client.get(path)
                    if status != 200 or not body.startswith(b'{"total":'):
                        errors.append(f"{status} {path}")
                except (OSError, asyncio.IncompleteReadError, ValueError) as e:
                    errors.append(f"{type(e).__name__} {path}")
                    await client.close()
                latencies.append(time.perf_counter() - start)
                if think:
                    await asyncio.sleep(think)
        finally:
            await client.close()

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
        "costs next to nothing without --corpus: the ceiling the HTTP stack itself sets)",
    )
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    paths = [args.path] if args.path else searches(args.db, 2000, args.seed)
    port = free_port()
    command = [str(SAYSO), "serve", "--db", args.db, "--port", str(port)]
    server = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.DEVNULL)
    try:
        wait_until_up(port, server)
        cpu_before = _cpu_seconds(server.pid)
        result = asyncio.run(run_clients("127.0.0.1", port, paths, args.clients, args.seconds, args.think))
        result["server_cpu_seconds"] = round(_cpu_seconds(server.pid) - cpu_before, 1)
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=30)
    result.update(
        command=" ".join(["bench/load.py", *sys.argv[1:]]), server=" ".join(command[1:]),
        machine=f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        date=time.strftime("%Y-%m-%d"), think_seconds=args.think,
    )
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for key, value in result.items():
            print(f"{key:>18}: {value}")
    return 1 if result["errors"] else 0


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux ``/proc``)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


if __name__ == "__main__":
    sys.exit(main())
