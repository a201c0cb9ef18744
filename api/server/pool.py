"""A pool of query worker processes that the server can kill.

pyoxigraph evaluates inside one native call for some queries (an ORDER BY
over a cross product, an aggregate), which no thread can interrupt.  Each
query therefore runs in a worker process; when it overruns the timeout the
process is killed and replaced, the client gets a clear error, and the
server's event loop never blocks.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import traceback
from multiprocessing.connection import Connection

from .jobs import Reply, Worker


READY = "ready"
STARTUP_LIMIT = 120.0  # seconds a new worker may take to import and open the store (not a query's time)


class QueryTimeout(Exception):
    pass


class ServerBusy(Exception):
    pass


def worker_main(conn: Connection, store_path: str, max_rows: int) -> None:
    from .sparql_protocol import check_read_only

    check_read_only("ASK {}")  # loads the query parser now, not during the first client's query
    worker = Worker(store_path, max_rows)
    conn.send(READY)
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        try:
            reply = worker.handle(job)
        except Exception as exc:  # a bug in a handler must not take the worker down silently
            reply = Reply(500, "text/plain; charset=utf-8", f"internal error: {type(exc).__name__}: {exc}\n{traceback.format_exc(limit=-3)}".encode("utf-8"))
        conn.send(reply)


class _Process:
    def __init__(self, context, store_path: str, max_rows: int):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=worker_main, args=(child, store_path, max_rows), daemon=True, name="tiaoli-query")
        self.process.start()
        child.close()
        self.ready = False

    async def wait_ready(self) -> None:
        """Wait for the worker's start-up message, so its start-up never counts against a query's timeout."""
        if not self.ready:
            await WorkerPool._readable(self.conn, STARTUP_LIMIT)
            if await asyncio.to_thread(self.conn.recv) != READY:
                raise OSError("query worker sent no start-up message")
            self.ready = True

    def kill(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


class WorkerPool:
    def __init__(self, store_path: str, *, size: int = 2, timeout: float = 30.0, max_rows: int = 10000, queue_timeout: float = 120.0):
        self.store_path = str(store_path)
        self.size = size
        self.timeout = timeout
        self.max_rows = max_rows
        self.queue_timeout = queue_timeout
        self._context = multiprocessing.get_context("spawn")
        self._idle: asyncio.Queue[_Process] | None = None
        self._all: set[_Process] = set()

    def _spawn(self) -> _Process:
        worker = _Process(self._context, self.store_path, self.max_rows)
        self._all.add(worker)
        return worker

    async def start(self) -> None:
        self._idle = asyncio.Queue()
        workers = [self._spawn() for _ in range(self.size)]
        await asyncio.gather(*(w.wait_ready() for w in workers))
        for worker in workers:
            self._idle.put_nowait(worker)

    async def stop(self) -> None:
        for worker in list(self._all):
            worker.kill()
        self._all.clear()

    async def call(self, job: tuple) -> Reply:
        """Run one job on an idle worker; :class:`QueryTimeout` if it overruns (the worker is then replaced)."""
        assert self._idle is not None, "WorkerPool.start() was not awaited"
        try:
            worker = await asyncio.wait_for(self._idle.get(), self.queue_timeout)
        except TimeoutError:
            raise ServerBusy(f"every query worker stayed busy for {self.queue_timeout:g} s") from None
        try:
            try:
                await worker.wait_ready()
            except (TimeoutError, EOFError, OSError):
                worker = self._replace(worker)
                raise RuntimeError("a query worker failed to start; see the server's log") from None
            try:
                worker.conn.send(job)
                await self._readable(worker.conn, self.timeout)
                return await asyncio.to_thread(worker.conn.recv)
            except TimeoutError:
                worker = self._replace(worker)
                raise QueryTimeout(f"the query ran longer than the {self.timeout:g} s limit and was stopped") from None
            except (EOFError, OSError):
                worker = self._replace(worker)
                raise RuntimeError("the query worker died while running the query") from None
        finally:
            self._idle.put_nowait(worker)

    def _replace(self, worker: _Process) -> _Process:
        self._all.discard(worker)
        worker.kill()
        return self._spawn()

    @staticmethod
    async def _readable(conn: Connection, timeout: float) -> None:
        loop = asyncio.get_running_loop()
        ready = loop.create_future()
        fd = conn.fileno()
        loop.add_reader(fd, lambda: ready.done() or ready.set_result(None))
        try:
            await asyncio.wait_for(ready, timeout)
        finally:
            loop.remove_reader(fd)
