"""The embedded triple store: pyoxigraph on disk, behind a small interface of our own.

Writes are atomic at the level of a whole build.  A store folder holds
numbered generations (``gen-000001`` …) and a ``CURRENT`` symlink naming the
live one.  A build writes a new generation — starting from a hard-linked
checkpoint of the live one (``Store.backup``), so unchanged documents cost
nothing — and only when it has finished and flushed does it swap the symlink
with one ``rename``.  A build that is interrupted, even by ``kill -9``, leaves
the previous generation live and intact; its partial generation is removed by
the next writer.
"""

from __future__ import annotations

import contextlib
import gc
import os
import queue
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

import pyoxigraph as ox

from ..extract.errors import TiaoliError
from .namespaces import PREFIXES

CURRENT = "CURRENT"
GENERATION_PREFIX = "gen-"
DEFAULT_STORE = Path(".tiaoli") / "store"
# Spools smaller than this load faster in one transaction than through the bulk loader.
BULK_LOAD_BYTES = 8_000_000
# The bulk loader's memory grows with its input (1.8 GB for moj-dev's 675 MB in one go);
# loading every 32 MB keeps the building process near 0.3 GB (0.44 GB at 64 MB, measured on
# moj-dev), so the whole tree of a larger dump stays under 1 GB, for about 7 s more of the
# building process's 62 s CPU on moj-dev.
SPOOL_BYTES = 32_000_000


class StoreError(TiaoliError):
    pass


class QueryError(TiaoliError):
    """A SPARQL query that could not be parsed or evaluated; the message carries the position."""


def default_store_path() -> Path:
    return Path(os.environ.get("TIAOLI_STORE", DEFAULT_STORE))


@dataclass(frozen=True)
class QueryResult:
    """A query's answer: solutions (SELECT), a boolean (ASK) or triples (CONSTRUCT/DESCRIBE)."""

    kind: str  # "select" | "ask" | "graph"
    raw: object

    def serialize(self, fmt: ox.QueryResultsFormat | ox.RdfFormat) -> bytes:
        return self.raw.serialize(format=fmt)  # type: ignore[attr-defined]


class GraphStore:
    """A tiaoli store folder.  Open read-only to query; use :meth:`writer` to change it."""

    def __init__(self, path: str | Path, *, must_exist: bool = True):
        self.path = Path(path)
        self._store: ox.Store | None = None
        if must_exist and self.live_generation() is None:
            raise StoreError(f"{self.path}: no graph has been built here yet (run 'tiaoli build --store {self.path}')")

    # -- generations -------------------------------------------------------
    def live_generation(self) -> Path | None:
        link = self.path / CURRENT
        if not link.is_symlink():
            return None
        target = self.path / os.readlink(link)
        return target if target.is_dir() else None

    def _generations(self) -> list[Path]:
        if not self.path.is_dir():
            return []
        return sorted(p for p in self.path.iterdir() if p.name.startswith(GENERATION_PREFIX) and p.is_dir())

    # -- reading -----------------------------------------------------------
    @property
    def store(self) -> ox.Store:
        if self._store is None:
            live = self.live_generation()
            if live is None:
                raise StoreError(f"{self.path}: no graph has been built here yet")
            self._store = ox.Store.read_only(str(live))
        return self._store

    def query(self, sparql: str, *, substitutions: dict[str, ox.NamedNode | ox.Literal] | None = None) -> QueryResult:
        return run_query(self.store, sparql, substitutions=substitutions)

    def named_graphs(self) -> list[str]:
        return sorted(g.value for g in self.store.named_graphs() if isinstance(g, ox.NamedNode))

    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]:
        g = ox.NamedNode(graph) if graph else None
        return self.store.quads_for_pattern(None, None, None, g)

    def dump_nquads(self) -> bytes:
        """Canonical N-Quads: one quad a line, sorted, so equal graphs give equal bytes.

        The graph has no blank nodes (every node has a minted IRI), so sorting
        the lines of the serialisation is a canonical form.
        """
        data = self.store.dump(format=ox.RdfFormat.N_QUADS)
        lines = sorted(set(line for line in data.decode("utf-8").splitlines() if line.strip()))
        return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""

    def __len__(self) -> int:
        return len(self.store)

    def close(self) -> None:
        self._store = None

    # -- writing -----------------------------------------------------------
    def writer(self, *, fresh: bool = False) -> contextlib.AbstractContextManager["StoreWriter"]:
        """A new generation, made live only if the ``with`` block finishes without error."""
        return _writer(self, fresh=fresh)

    @classmethod
    def create(cls, path: str | Path) -> "GraphStore":
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        return cls(path, must_exist=False)


def spool_path(generation: Path, number: int) -> Path:
    """The ``number``-th file of N-Quads waiting to be loaded into ``generation`` (named after it,
    so a writer that finds it left by an interrupted build removes it with the generation)."""
    return generation.with_name(f"{generation.name}-{number:04d}.spool.nq")


class StoreWriter:
    """Changes to a generation that is not live yet.

    Graphs given as N-Quads bytes are spooled to a file beside the
    generation, and every ``SPOOL_BYTES`` the full spool is handed to a
    loader thread while the next one fills: RocksDB's bulk loader is several
    times faster than one transaction per document, and, as it runs outside
    the GIL, the build keeps receiving parsed documents while it loads.  At
    most one spool waits for the loader, so memory and disk stay bounded.
    Atomicity comes from the generation switch, not from transactions.
    """

    def __init__(self, store: ox.Store, generation: Path):
        self.store = store
        self._generation = generation
        self._spool_count = 0
        self._spool_path = spool_path(generation, 0)
        self._spool: BinaryIO | None = None
        self._spooled: set[str] = set()
        self._loading: set[str] = set()  # graphs in spools handed to the loader, not yet loaded
        self._loader: _SpoolLoader | None = None

    def replace_graph(self, graph: str, quads: Iterable[ox.Quad] | bytes) -> None:
        """Make ``graph`` hold exactly ``quads`` (Quad objects, or N-Quads bytes all in that graph)."""
        self.remove_graph(graph)
        if isinstance(quads, bytes):
            if self._spool is None:
                self._spool_count += 1
                self._spool_path = spool_path(self._generation, self._spool_count)
                self._spool = self._spool_path.open("wb")
            self._spool.write(quads)
            self._spooled.add(graph)
            if self._spool.tell() >= SPOOL_BYTES:
                self._hand_over_spool()
        else:
            self.wait_for_loads()
            self.store.extend(quads)

    def remove_graph(self, graph: str) -> None:
        if graph in self._spooled:
            self.load_spooled()
        elif graph in self._loading:
            self.wait_for_loads()
        node = ox.NamedNode(graph)
        if self.store.contains_named_graph(node):
            self.wait_for_loads()  # the bulk loader does not expect deletions while it runs
            self.store.remove_graph(node)

    def _hand_over_spool(self) -> None:
        if self._spool is None:
            return
        self._spool.close()
        self._spool = None
        if self._loader is None:
            self._loader = _SpoolLoader(self.store)
        self._loader.submit(self._spool_path)
        self._loading |= self._spooled
        self._spooled = set()

    def wait_for_loads(self) -> None:
        """Block until every spool handed to the loader is in the store (its error re-raised here)."""
        if self._loader is not None:
            self._loader.drain()
        self._loading.clear()

    def load_spooled(self) -> None:
        """Load everything spooled so far into the store, and wait for it."""
        self._hand_over_spool()
        self.wait_for_loads()

    def close(self) -> None:
        """Stop the loader thread (after its current load) and close the spool."""
        if self._spool is not None:
            self._spool.close()
            self._spool = None
        if self._loader is not None:
            self._loader.stop()
            self._loader = None

    def named_graphs(self) -> list[str]:
        self.load_spooled()
        return sorted(g.value for g in self.store.named_graphs() if isinstance(g, ox.NamedNode))

    def query(self, sparql: str) -> QueryResult:
        self.load_spooled()
        return run_query(self.store, sparql)


class _SpoolLoader:
    """One thread that loads spool files into a store, in the order given, deleting each once loaded."""

    def __init__(self, store: ox.Store):
        self._store = store
        self._queue: queue.Queue[Path | None] = queue.Queue(maxsize=1)
        self._error: BaseException | None = None
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="tiaoli-spool-loader", daemon=True)
        self._thread.start()

    def submit(self, spool: Path) -> None:
        self._raise_error()
        self._queue.put(spool)

    def drain(self) -> None:
        self._queue.join()
        self._raise_error()

    def stop(self) -> None:
        """Finish the load under way; spools still waiting are deleted unloaded."""
        self._stopping = True
        self._queue.put(None)
        self._thread.join()

    def _raise_error(self) -> None:
        if self._error is not None:
            error, self._error = self._error, None
            raise error

    def _run(self) -> None:
        while True:
            spool = self._queue.get()
            try:
                if spool is None:
                    return
                if self._error is None and not self._stopping:
                    load = self._store.bulk_load if spool.stat().st_size >= BULK_LOAD_BYTES else self._store.load
                    load(path=str(spool), format=ox.RdfFormat.N_QUADS, lenient=True)  # our own serialisation: no need to re-validate IRIs
                spool.unlink(missing_ok=True)
            except BaseException as exc:  # handed to the building thread, which raises it
                self._error = exc
            finally:
                self._queue.task_done()


@contextlib.contextmanager
def _writer(owner: GraphStore, *, fresh: bool) -> Iterator[StoreWriter]:
    owner.path.mkdir(parents=True, exist_ok=True)
    live = owner.live_generation()
    for stale in owner.path.glob(GENERATION_PREFIX + "*"):
        if stale != live:  # left by an interrupted build: a partial generation or its spool
            shutil.rmtree(stale, ignore_errors=True) if stale.is_dir() else stale.unlink(missing_ok=True)
    number = 1 + max((int(p.name[len(GENERATION_PREFIX):]) for p in owner._generations() if p.name[len(GENERATION_PREFIX):].isdigit()), default=0)
    target = owner.path / f"{GENERATION_PREFIX}{number:06d}"
    if live is not None and not fresh:
        ox.Store.read_only(str(live)).backup(str(target))
        store = ox.Store(str(target))
    else:
        store = ox.Store(str(target))
    owner.close()
    writer = StoreWriter(store, target)
    try:
        yield writer
        writer.load_spooled()
        store.flush()
        store.optimize()
    except BaseException:
        _release(writer)
        del store
        shutil.rmtree(target, ignore_errors=True)
        for spool in owner.path.glob(f"{target.name}-*.spool.nq"):
            spool.unlink(missing_ok=True)
        raise
    _release(writer)
    del store
    _switch(owner.path, target)
    if live is not None:
        shutil.rmtree(live, ignore_errors=True)


def _release(writer: StoreWriter) -> None:
    """Drop every reference to the writable store so RocksDB closes it before we touch its files."""
    writer.close()
    writer.store = None  # type: ignore[assignment]
    gc.collect()


def _switch(folder: Path, target: Path) -> None:
    """Point CURRENT at ``target`` atomically (symlink written aside, then renamed over)."""
    tmp = folder / (CURRENT + ".new")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    os.symlink(target.name, tmp)
    os.replace(tmp, folder / CURRENT)
    dir_fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def _one_line(message: str, limit: int = 300) -> str:
    """The parser's message on one line, its long list of expected tokens cut short."""
    text = " ".join(message.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def run_query(store: ox.Store, sparql: str, *, substitutions: dict[str, ox.NamedNode | ox.Literal] | None = None) -> QueryResult:
    """Run SPARQL over the union of all document graphs."""
    subs = {ox.Variable(k): v for k, v in (substitutions or {}).items()}
    try:
        result = store.query(sparql, use_default_graph_as_union=True, substitutions=subs or None, prefixes=PREFIXES)
    except SyntaxError as exc:
        raise QueryError(f"SPARQL syntax {_one_line(str(exc))}") from None
    except (OSError, RuntimeError, ValueError) as exc:
        raise QueryError(f"SPARQL evaluation failed: {exc}") from None
    if isinstance(result, ox.QuerySolutions):
        return QueryResult("select", result)
    if isinstance(result, ox.QueryBoolean):
        return QueryResult("ask", result)
    return QueryResult("graph", result)
