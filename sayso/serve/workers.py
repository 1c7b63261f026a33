"""Running the app in several processes, so that a server uses more than one core.

One Python process runs one thread of Python at a time: however many requests
wait, a single uvicorn answers them from one core. ``serve`` with ``workers``
above 1 builds the app once and forks: the workers share the parent's memory
copy-on-write, and each opens its own store connections at its first request.
uvicorn's own ``--workers`` would spawn fresh interpreters that import the app
by name, so the app's options (the token among them) would have to reach them
through the environment.

A keep-alive connection stays with the worker that took it, so how connections
are split matters. On one shared socket the first worker to wake takes all the
connections waiting: 200 load-test clients connecting at once were mostly
taken by one worker, and the median answer came in 91 ms, the slowest 5 % in
680 ms. On Linux each worker therefore listens on a socket of its own bound with
``SO_REUSEPORT``, and the kernel hands each new connection to one of them by a
hash of its addresses: 82 to 118, or 96 to 104 (bench/RESULTS.md, issue 6).
Sockets bound so let a second server on the same port share the connections,
so the port is first bound plainly, which fails if anything has it.

The parent only waits: SIGINT or SIGTERM stops the workers (each finishes the
requests it holds), and a worker that dies stops the others, so that whatever
supervises the server sees it fail rather than serve on at part strength.
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import sys
from contextlib import suppress
from typing import Any, NoReturn

from sayso.errors import Errors, SaysoError

log = logging.getLogger(__name__)

BACKLOG = 2048  # connections waiting to be accepted (uvicorn's own default)


def default_workers() -> int:
    """One worker per core this process may use, at most 4 (each loads the pipeline for itself when asked to extract)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(cores, 4))


def serve(app: Any, *, host: str, port: int, workers: int = 1, access_log: bool = False) -> None:
    """Serve ``app`` on ``host:port`` with uvicorn in ``workers`` processes until interrupted.

    Raises:
        SaysoError: the address cannot be listened on, or a worker did not start
            or died (E109; uvicorn has logged why).
    """
    import uvicorn

    config = uvicorn.Config(app, host=host, port=port, access_log=access_log, log_level="warning")
    if workers == 1:
        server = uvicorn.Server(config)
        server.run()
        if not server.started:
            raise SaysoError(Errors.E109.format(host=host, port=port, detail="see the log above"))
        return
    listen(host, port).close()  # E109 now if anything holds the port, even with SO_REUSEPORT
    balanced = sys.platform.startswith("linux")  # elsewhere SO_REUSEPORT does not spread connections
    sockets = [listen(host, port, reuse_port=balanced) for _ in range(workers if balanced else 1)]
    children = []
    for number in range(workers):
        pid = os.fork()
        if pid == 0:
            _worker(config, sockets[number % len(sockets)], sockets)
        children.append(pid)
    for sock in sockets:
        sock.close()  # the workers hold them now
    failed = _supervise(children)
    if failed:
        raise SaysoError(Errors.E109.format(host=host, port=port, detail=f"a worker {failed}; see the log above"))


def listen(host: str, port: int, *, reuse_port: bool = False) -> socket.socket:
    """A TCP socket listening on ``host:port``.

    Raises:
        SaysoError: it cannot be bound (E109), e.g. another program has the port.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if reuse_port:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        sock.bind((host, port))
        sock.listen(BACKLOG)
    except OSError as e:
        sock.close()
        raise SaysoError(Errors.E109.format(host=host, port=port, detail=e.strerror or e)) from None
    return sock


def _worker(config: Any, sock: socket.socket, sockets: list[socket.socket]) -> NoReturn:
    """In a forked child: serve on ``sock`` until told to stop, then leave without returning to the caller."""
    import uvicorn

    status = 1
    try:
        for other in sockets:
            if other is not sock:
                other.close()
        server = uvicorn.Server(config)
        server.run(sockets=[sock])
        status = 0 if server.started else 3
    except BaseException:
        log.exception("sayso serve: a worker failed")
    finally:
        logging.shutdown()
        os._exit(status)


def _supervise(children: list[int]) -> str:
    """Wait for the workers; stop them all on SIGINT or SIGTERM, or when one of them ends.

    Returns what went wrong ("exited with status 3", "was killed by signal 9") with
    the first worker that ended on its own, else "".
    """
    running = set(children)
    stopping = False
    failed = ""

    def stop(*_: object) -> None:
        nonlocal stopping
        stopping = True
        for pid in running:
            with suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)  # uvicorn stops gracefully on it, even after a SIGINT of its own

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        while running:
            pid, status = os.wait()
            running.discard(pid)
            code = os.waitstatus_to_exitcode(status)
            if not stopping and code:
                failed = f"exited with status {code}" if code > 0 else f"was killed by signal {-code}"
            stop()  # a worker stopped on its own (told directly, or failed): the others stop too
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return failed
