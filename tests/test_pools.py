"""Worker pools: closing never waits forever, whatever happened to the workers."""

from __future__ import annotations

import os
import signal
import threading
import time

from sayso import pools


def _close_within(pool, seconds: float) -> bool:
    closing = threading.Thread(target=pools.close, args=(pool, 0.5), daemon=True)
    closing.start()
    closing.join(seconds)
    return not closing.is_alive()


def test_a_pool_closes_after_an_idle_worker_was_killed():
    # The kill comes just before the close, as when the system kills a worker
    # at the end of a run; a plain shutdown(wait=True) hung about every other time.
    for _ in range(6):
        pool = pools.start(2, os.getpid)
        pids = {future.result() for future in [pool.submit(os.getpid) for _ in range(8)]}
        os.kill(next(iter(pids)), signal.SIGKILL)
        assert _close_within(pool, 30)


def test_a_pool_of_healthy_workers_closes_at_once():
    pool = pools.start(2, os.getpid)
    assert [pool.submit(abs, -n).result() for n in range(4)] == [0, 1, 2, 3]
    started = time.monotonic()
    assert _close_within(pool, 30)
    assert time.monotonic() - started < 0.5
