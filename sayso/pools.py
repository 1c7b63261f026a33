"""Worker process pools that always stop.

``sayso ingest --workers`` and ``sayso scale --engine local`` both run the
pipeline in a :class:`~concurrent.futures.ProcessPoolExecutor`. Its
``shutdown(wait=True)`` can wait forever: a worker killed while idle (by the
out-of-memory killer, or by hand) dies holding the lock of the pool's task
queue, so its siblings never read the request to stop, and the pool, and at
exit the interpreter, wait for them (CPython 3.11, about one time in two when
the kill comes just before the shutdown). :func:`close` bounds that wait.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor

# Seconds workers get to stop on their own once asked; then they are killed.
GRACE_S = 5.0


def start(workers: int, initializer: Callable[..., None], initargs: tuple = ()) -> ProcessPoolExecutor:
    """A pool of ``workers`` spawned processes, each set up by ``initializer``.

    spawn, not fork: the main process holds database connections, threads and
    possibly a JVM, none of which survive a fork.
    """
    context = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(workers, mp_context=context, initializer=initializer, initargs=initargs)


def close(pool: ProcessPoolExecutor, grace: float = GRACE_S) -> None:
    """Stop ``pool``: pending tasks cancelled, workers asked to stop, killed after ``grace`` seconds.

    Nothing is lost by the kill: ``close`` is called once every result wanted
    has been collected, or when the run is given up.
    """
    # The pool keeps no public handle on its processes; this one has been there since 3.2.
    workers = list((pool._processes or {}).values())
    killer = threading.Timer(grace, _kill, args=(workers,))
    killer.daemon = True
    killer.start()
    try:
        pool.shutdown(wait=True, cancel_futures=True)
    finally:
        killer.cancel()


def _kill(workers: list[multiprocessing.Process]) -> None:
    for worker in workers:
        if worker.is_alive():
            worker.kill()
