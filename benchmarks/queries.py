"""Competency-query latency: every graph/queries/*.rq on the seed store and the moj-dev store,
and pyoxigraph against an rdflib in-memory Dataset on the same queries and data, in one run.

    python benchmarks/queries.py [--runs 10] [--rdflib-runs 5] [--stores seed,moj-dev]

Reads the stores benchmarks/build.py left in benchmarks/.stores/ (it builds the
seed store itself if missing).  Latency is for the complete answer: every row
fetched.  Writes benchmarks/results/queries.json.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import queue
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import REPO, RESULTS, percentiles, write_result  # noqa: E402

STORES = Path(__file__).resolve().parent / ".stores"
QUERIES = REPO / "graph" / "queries"
TARGET_P50_MS = 50


def _time_oxigraph(store, sparql: str, runs: int, budget_s: float) -> tuple[list[float], int]:
    """Warm-up runs (two, or one for a query slower than a second), then ``runs`` timed ones,
    fewer (at least 3, or one for a query slower than half the budget) if they would exceed ``budget_s``."""
    samples, rows, warm_ups = [], 0, 2
    for number in range(runs + 2):
        start = time.perf_counter()
        rows = len(list(store.query(sparql).raw))
        elapsed = time.perf_counter() - start
        if number == 0:
            runs = max(3, min(runs, int(budget_s / max(elapsed, 1e-6))))
            warm_ups = 1 if elapsed > 1 else 2
            if elapsed > budget_s / 2:  # far off any target: one warm run says enough (the cold first run can be 10 x slower)
                runs, warm_ups = 1, 1
        if number >= warm_ups:
            samples.append(elapsed * 1000)
        if len(samples) >= runs:
            break
    return samples, rows


def _rdflib_dataset(nquads: bytes):
    import rdflib

    dataset = rdflib.Dataset(default_union=True)
    dataset.parse(data=nquads, format="nquads")
    return dataset


def _rdflib_runs(dataset, sparql: str, runs: int, results) -> None:
    from tiaoli.graph.namespaces import PREFIXES

    for number in range(runs + 1):
        start = time.perf_counter()
        rows = len(list(dataset.query(sparql, initNs=PREFIXES)))
        if number >= 1:
            results.put(((time.perf_counter() - start) * 1000, rows))
    results.put(None)


def _time_rdflib(dataset, sparql: str, runs: int, budget_s: float) -> tuple[list[float], int | None, bool]:
    """rdflib's timings in a forked child, stopped after ``budget_s``: some joins take rdflib many minutes."""
    context = multiprocessing.get_context("fork")  # the child needs the loaded Dataset; it touches no RocksDB
    results = context.Queue()
    child = context.Process(target=_rdflib_runs, args=(dataset, sparql, runs, results))
    child.start()
    samples, rows, deadline = [], None, time.monotonic() + budget_s
    while True:
        try:
            item = results.get(timeout=max(0.1, deadline - time.monotonic()))
        except queue.Empty:
            child.kill()
            child.join()
            return samples, rows, True
        if item is None:
            child.join()
            return samples, rows, False
        samples.append(item[0])
        rows = item[1]


def bench_store(name: str, path: Path, runs: int, rdflib_runs: int, budget_s: float, partial=None) -> dict[str, object]:
    from tiaoli.graph.store import GraphStore

    store = GraphStore(path)
    result: dict[str, object] = {"store": name, "quads": len(store), "queries": {}}
    dataset = None
    if rdflib_runs:
        start = time.perf_counter()
        dataset = _rdflib_dataset(store.dump_nquads())
        result["rdflib_load_s"] = round(time.perf_counter() - start, 2)
    for rq in sorted(QUERIES.glob("*.rq")):
        sparql = rq.read_text(encoding="utf-8")
        samples, rows = _time_oxigraph(store, sparql, runs, budget_s)
        entry: dict[str, object] = {"rows": rows, "pyoxigraph": percentiles(samples)}
        entry["meets_target"] = entry["pyoxigraph"]["p50_ms"] < TARGET_P50_MS
        if dataset is not None:
            slow, slow_rows, stopped = _time_rdflib(dataset, sparql, rdflib_runs, budget_s)
            if slow:
                entry["rdflib"] = percentiles(slow)
                entry["rdflib_rows"] = slow_rows
                entry["rdflib_over_pyoxigraph_p50"] = round(statistics.median(slow) / max(statistics.median(samples), 1e-6), 1)
            else:  # not one run finished within the budget: the ratio is at least this
                entry["rdflib"] = {"unfinished_after_s": budget_s}
                entry["rdflib_over_pyoxigraph_p50_at_least"] = round(budget_s * 1000 / max(statistics.median(samples), 1e-6), 1)
        result["queries"][rq.stem] = entry
        if partial is not None:
            partial(result)
        print(f"{name} {rq.stem}: {entry['pyoxigraph']} rows={rows}", file=sys.stderr)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=10, help="timed runs per query (fewer for a slow query, see _time_oxigraph)")
    parser.add_argument("--rdflib-runs", type=int, default=5, help="rdflib runs per query on the seed store (0 to skip)")
    parser.add_argument("--rdflib-on-moj", action="store_true", help="also run the rdflib baseline on the moj-dev store (slow)")
    parser.add_argument("--stores", default="seed,moj-dev", help="which stores to measure (comma-separated)")
    parser.add_argument("--rdflib-budget", type=float, default=30, help="seconds rdflib may spend on one query")
    parser.add_argument("--moj-store", type=Path, default=STORES / "moj-dev", help="the moj-dev store (default: the one benchmarks/build.py left)")
    args = parser.parse_args()
    stores: list[dict[str, object]] = []
    if "seed" in args.stores:
        seed = STORES / "seed"
        if not seed.is_dir():
            subprocess.run([sys.executable, "-m", "tiaoli", "build", "corpus", "--store", str(seed), "-q"], check=True, cwd=REPO)
        stores.append(bench_store("seed", seed, args.runs, args.rdflib_runs, args.rdflib_budget))
    if "moj-dev" in args.stores:
        if not args.moj_store.is_dir():
            raise SystemExit("no moj-dev store: run benchmarks/build.py first")
        stores.append(bench_store("moj-dev", args.moj_store, args.runs, args.rdflib_runs if args.rdflib_on_moj else 0, args.rdflib_budget,
                                  partial=lambda result: _save(stores + [result])))
    _save(stores)


def _save(stores: list[dict[str, object]]) -> None:
    """Write the figures so far, keeping another store's figures from an earlier run of one store."""
    earlier = RESULTS / "queries.json"
    if earlier.is_file():
        measured = {s["store"] for s in stores}
        stores = [s for s in json.loads(earlier.read_text(encoding="utf-8"))["stores"] if s["store"] not in measured] + stores
    write_result("queries", {"target_p50_ms": TARGET_P50_MS, "stores": sorted(stores, key=lambda s: s["store"] != "seed")})


if __name__ == "__main__":
    main()
