"""Competency-query latency: every graph/queries/*.rq on the seed store and the moj-dev store,
and pyoxigraph against an rdflib in-memory Dataset on the same queries and data, in one run.

    python benchmarks/queries.py [--runs 30] [--rdflib-runs 5]

Reads the stores benchmarks/build.py left in benchmarks/.stores/ (it builds the
seed store itself if missing).  Latency is for the complete answer: every row
fetched.  Writes benchmarks/results/queries.json.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import REPO, percentiles, write_result  # noqa: E402

STORES = Path(__file__).resolve().parent / ".stores"
QUERIES = REPO / "graph" / "queries"
TARGET_P50_MS = 50


def _time_oxigraph(store, sparql: str, runs: int) -> tuple[list[float], int]:
    samples, rows = [], 0
    for number in range(runs + 2):
        start = time.perf_counter()
        rows = len(list(store.query(sparql).raw))
        if number >= 2:  # two warm-up runs
            samples.append((time.perf_counter() - start) * 1000)
    return samples, rows


def _rdflib_dataset(nquads: bytes):
    import rdflib

    dataset = rdflib.Dataset(default_union=True)
    dataset.parse(data=nquads, format="nquads")
    return dataset


def _time_rdflib(dataset, sparql: str, runs: int) -> tuple[list[float], int]:
    from tiaoli.graph.namespaces import PREFIXES

    samples, rows = [], 0
    for number in range(runs + 1):
        start = time.perf_counter()
        rows = len(list(dataset.query(sparql, initNs=PREFIXES)))
        if number >= 1:
            samples.append((time.perf_counter() - start) * 1000)
    return samples, rows


def bench_store(name: str, path: Path, runs: int, rdflib_runs: int) -> dict[str, object]:
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
        samples, rows = _time_oxigraph(store, sparql, runs)
        entry: dict[str, object] = {"rows": rows, "pyoxigraph": percentiles(samples)}
        entry["meets_target"] = entry["pyoxigraph"]["p50_ms"] < TARGET_P50_MS
        if dataset is not None:
            slow, slow_rows = _time_rdflib(dataset, sparql, rdflib_runs)
            entry["rdflib"] = percentiles(slow)
            entry["rdflib_rows"] = slow_rows
            entry["rdflib_over_pyoxigraph_p50"] = round(statistics.median(slow) / max(statistics.median(samples), 1e-6), 1)
        result["queries"][rq.stem] = entry
        print(f"{name} {rq.stem}: {entry['pyoxigraph']} rows={rows}", file=sys.stderr)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--rdflib-runs", type=int, default=5, help="rdflib runs per query on the seed store (0 to skip)")
    parser.add_argument("--rdflib-on-moj", action="store_true", help="also run the rdflib baseline on the moj-dev store (slow)")
    args = parser.parse_args()
    seed = STORES / "seed"
    if not seed.is_dir():
        subprocess.run([sys.executable, "-m", "tiaoli", "build", "corpus", "--store", str(seed), "-q"], check=True, cwd=REPO)
    results: dict[str, object] = {"target_p50_ms": TARGET_P50_MS, "stores": [bench_store("seed", seed, args.runs, args.rdflib_runs)]}
    moj = STORES / "moj-dev"
    if moj.is_dir():
        results["stores"].append(bench_store("moj-dev", moj, args.runs, args.rdflib_runs if args.rdflib_on_moj else 0))
    else:
        print("no moj-dev store: run benchmarks/build.py first", file=sys.stderr)
    write_result("queries", results)


if __name__ == "__main__":
    main()
