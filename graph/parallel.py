"""An order-keeping, bounded parallel map over worker processes.

The build parses documents in workers but writes them in input order, so the
store does not depend on how many workers ran.  Only a few tasks are in
flight at once (``IN_FLIGHT_PER_WORKER`` per worker): a corpus of any size
streams through in constant memory, where ``Executor.map`` would submit
every task up front.

Workers are started with ``forkserver``: the parent holds an open RocksDB
store with its own threads, and forking a threaded process can deadlock the
child.  Each worker keeps its parsers (and their spaCy pipelines) for its
whole life, so they are built once per worker, not once per document.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Callable, Iterable, Iterator, TypeVar

from ..extract.errors import TiaoliError

T = TypeVar("T")
R = TypeVar("R")

IN_FLIGHT_PER_WORKER = 4
_PRELOAD = ["tiaoli.graph.build"]


class WorkerCrashed(TiaoliError):
    """A worker process died (killed, or a crash in native code); the build is abandoned."""


def ordered_map(fn: Callable[[T], R], items: Iterable[T], workers: int) -> Iterator[R]:
    """``map(fn, items)`` computed by ``workers`` processes, results in input order."""
    if workers <= 1:
        yield from map(fn, items)
        return
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(_PRELOAD)
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_warm_up) as pool:
        window: deque[Future[R]] = deque()
        try:
            for item in items:
                window.append(pool.submit(fn, item))
                if len(window) >= workers * IN_FLIGHT_PER_WORKER:
                    yield window.popleft().result()
            while window:
                yield window.popleft().result()
        except BrokenProcessPool as exc:
            raise WorkerCrashed(f"a worker process died while parsing ({exc}); rerun with --jobs 1 to find the document") from None
        finally:
            for future in window:
                future.cancel()


def _warm_up() -> None:
    """Load every parser and mapping once, before the first document arrives."""
    from ..extract import kinds
    from .mapping import mappings

    for parser in kinds.parsers().values():
        warm = getattr(parser, "warm_up", None)
        if callable(warm):
            warm()
    mappings()
