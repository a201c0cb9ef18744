"""Build benchmarks: the seed corpus cold, all of moj-dev.jsonl, and incremental rebuilds.

    python benchmarks/build.py [--jobs N] [--skip-moj]

Writes benchmarks/results/build.json and keeps the stores in
benchmarks/.stores/ for benchmarks/queries.py.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import MOJ_DEV, REPO, run_cli_measured, write_result  # noqa: E402

STORES = Path(__file__).resolve().parent / ".stores"

# In a fresh interpreter: import everything a build needs, then time the build alone.
_COLD_SEED = """
import json, sys, time
from tiaoli.extract import kinds
from tiaoli.graph.build import build
from tiaoli.graph.store import GraphStore
kinds.parsers()
wall, cpu = time.perf_counter(), time.process_time()
report = build([sys.argv[1]], GraphStore.create(sys.argv[2]), full=True)
print(json.dumps({"wall_s": time.perf_counter() - wall, "cpu_s": time.process_time() - cpu,
                  "documents": len(report.documents), "failures": len(report.failures)}))
"""


def cold_seed_build(runs: int = 3) -> dict[str, object]:
    samples = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            out = subprocess.run([sys.executable, "-c", _COLD_SEED, str(REPO / "corpus"), str(Path(tmp) / "s")], capture_output=True, text=True, check=True, cwd=REPO)
            samples.append(json.loads(out.stdout))
    return {
        "wall_s_median": round(statistics.median(s["wall_s"] for s in samples), 3),
        "cpu_s_median": round(statistics.median(s["cpu_s"] for s in samples), 3),
        "runs": runs,
        "documents": samples[0]["documents"],
        "target_s": 3,
    }


def store_counts(store: Path) -> dict[str, int]:
    from tiaoli.graph.store import GraphStore

    graph = GraphStore(store)
    count = lambda q: int(next(iter(graph.query(q).raw))[0].value)  # noqa: E731
    counts = {
        "quads": len(graph),
        "documents": count("SELECT (COUNT(*) AS ?n) WHERE { ?d a tl:SourceDocument }"),
        "articles": count("SELECT (COUNT(*) AS ?n) WHERE { ?a a tl:Article }"),
    }
    graph.close()
    return counts


def edit_one_law(source: Path, target: Path, line_number: int) -> None:
    """Copy the dump, changing the text of one article of the law on ``line_number``."""
    with source.open(encoding="utf-8") as reader, target.open("w", encoding="utf-8") as writer:
        for number, line in enumerate(reader, start=1):
            if number == line_number:
                law = json.loads(line)
                law["articles"][0]["text"] += "（本條經修正。）"
                line = json.dumps(law, ensure_ascii=False) + "\n"
            writer.write(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jobs", type=int, default=None, help="passed to tiaoli build (default: its own default, the core count)")
    parser.add_argument("--skip-moj", action="store_true", help="only the seed corpus")
    args = parser.parse_args()
    jobs = ["--jobs", str(args.jobs)] if args.jobs else []
    results: dict[str, object] = {"jobs": args.jobs or "default (core count)"}

    results["seed_cold_build_after_import"] = cold_seed_build()
    seed_store = STORES / "seed"
    shutil.rmtree(seed_store, ignore_errors=True)
    results["seed_build_cli"] = run_cli_measured(["build", "corpus", "--store", str(seed_store), "-q", *jobs])
    results["seed_build_cli"].update(store_counts(seed_store))

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        shutil.copytree(REPO / "corpus", corpus)
        incremental_store = Path(tmp) / "store"
        run_cli_measured(["build", str(corpus), "--store", str(incremental_store), "-q", *jobs])
        paper = corpus / "004_678adf5cfdf36133.txt"
        paper.write_text(paper.read_text(encoding="utf-8") + "\n（補充說明。）\n", encoding="utf-8")
        results["seed_incremental_one_changed"] = run_cli_measured(["build", str(corpus), "--store", str(incremental_store), "-q", *jobs])

    if not args.skip_moj:
        moj_store = STORES / "moj-dev"
        shutil.rmtree(moj_store, ignore_errors=True)
        build = run_cli_measured(["build", str(MOJ_DEV), "--store", str(moj_store), "-q", *jobs])
        build.update(store_counts(moj_store))
        build["articles_per_s"] = round(build["articles"] / build["wall_s"], 1)
        build["targets"] = {"wall_s": 60, "peak_rss_mb": 1024}
        results["moj_dev_build"] = build
        with tempfile.TemporaryDirectory() as tmp:
            edited = Path(tmp) / "moj-dev.jsonl"
            edit_one_law(MOJ_DEV, edited, line_number=300)
            copy = Path(tmp) / "store"
            shutil.copytree(moj_store, copy, symlinks=True)
            # The dump's file name is part of each law's id, so the edited copy keeps the name.
            results["moj_dev_incremental_one_law_changed"] = run_cli_measured(["build", str(edited), "--store", str(copy), "-q", *jobs])
    write_result("build", results)
    print(json.dumps(results, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
