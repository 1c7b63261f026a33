"""The one worker-process engine: spawned workers, batches in order, a bounded window, a stop that always ends.

``sayso ingest --workers`` (:mod:`sayso.runner`) and ``sayso scale --engine local``
(:mod:`sayso.scale.local`) both run the pipeline in :class:`Workers`: each worker is set
up once (the pipeline loaded), the main process hands out a bounded number of batches
per worker, so memory stays flat however long the input, and takes the results back in
the order the batches went in. What a worker's death means is the caller's to say
(``on_death``): the ingest runs the lost batches again one document at a time, the
corpus job gives up.

Stopping is bounded too. A :class:`~concurrent.futures.ProcessPoolExecutor`'s
``shutdown(wait=True)`` can wait forever: a worker killed while idle (by the
out-of-memory killer, or by hand) dies holding the lock of the pool's task queue, so
its siblings never read the request to stop, and the pool, and at exit the
interpreter, wait for them (CPython 3.11, about one time in two when the kill comes
just before the shutdown). :func:`close` bounds that wait.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Generic, TypeVar

# Seconds workers get to stop on their own once asked; then they are killed.
GRACE_S = 5.0
# Batches handed out per worker before the main process waits for one: enough to keep every
# worker busy while results are written, few enough to bound memory.
BATCHES_PER_WORKER = 2

T = TypeVar("T")
R = TypeVar("R")


class Workers(Generic[T, R]):
    """``workers`` spawned processes, each set up by ``initializer(*initargs)``, running ``task``
    on batches (``task(batch, *args)``, the arguments given with each run)."""

    def __init__(self, workers: int, task: Callable[..., R], initializer: Callable[..., None] | None = None,
                 initargs: tuple[Any, ...] = ()) -> None:
        self.workers, self.task = workers, task
        self.initializer, self.initargs = initializer, initargs
        self._start()

    def _start(self) -> None:
        self.pool = start(self.workers, self.initializer, self.initargs)
        # One task per worker, all at once: the pool starts every worker now. (It starts
        # them as tasks come, and one started while a dead worker's pool is torn down is
        # missed by the teardown, which then waits for it forever: CPython 3.11.) These
        # first tasks also tell whether the workers could start at all.
        self.started: list[Future[int]] = [self.pool.submit(os.getpid) for _ in range(self.workers)]

    def run(
        self, batches: Iterable[T], args: tuple[Any, ...],
        on_death: Callable[[list[T], BrokenProcessPool], Iterator[tuple[T, R]]],
    ) -> Iterator[tuple[T, R]]:
        """Each batch with ``task(batch, *args)``, in order, ``BATCHES_PER_WORKER`` per worker in flight.

        When a worker dies, every batch in flight is lost with it: ``on_death(lost, error)``
        gives their results instead (or raises).
        """
        window: deque[tuple[T, Future[R]]] = deque()
        for batch in batches:
            window.append((batch, self.submit(batch, *args)))
            if len(window) >= BATCHES_PER_WORKER * self.workers:
                yield from self._collect(window, on_death)
        while window:
            yield from self._collect(window, on_death)

    def submit(self, batch: T, *args: Any) -> Future[R]:
        """``task(batch, *args)`` in a worker; a pool already broken gives a failed future."""
        try:
            return self.pool.submit(self.task, batch, *args)
        except BrokenProcessPool as e:  # a worker died while idle: handled when collected
            failed: Future[R] = Future()
            failed.set_exception(e)
            return failed

    def _collect(
        self, window: deque[tuple[T, Future[R]]],
        on_death: Callable[[list[T], BrokenProcessPool], Iterator[tuple[T, R]]],
    ) -> Iterator[tuple[T, R]]:
        batch, future = window.popleft()
        try:
            result = future.result()
        except BrokenProcessPool as e:
            lost = [batch, *(b for b, _ in window)]
            window.clear()
            yield from on_death(lost, e)
            return
        yield batch, result

    def false_start(self) -> bool:
        """Whether the workers died before their first task: a death that says nothing of the batches."""
        return all(task.exception() is not None for task in self.started)

    def restart(self) -> None:
        """A new pool after a worker died (the old one is broken for good)."""
        close(self.pool)
        self._start()

    def close(self) -> None:
        close(self.pool)

    def __enter__(self) -> Workers[T, R]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def start(
    workers: int, initializer: Callable[..., None] | None, initargs: tuple[Any, ...] = ()
) -> ProcessPoolExecutor:
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
