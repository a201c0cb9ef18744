"""Turn benchmarks/results/*.json into the tables of benchmarks/README.md.

    python benchmarks/summarise.py

Rewrites the part of the README between the ``<!-- results -->`` markers.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import HERE, RESULTS  # noqa: E402

README = HERE / "README.md"
START, END = "<!-- results -->", "<!-- /results -->"
FUZZ_START, FUZZ_END = "<!-- fuzz -->", "<!-- /fuzz -->"


def _load(name: str) -> dict | None:
    path = RESULTS / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def _machine(data: dict) -> str:
    m = data["machine"]
    return (
        f"{m['cpus']} cores ({m['cpu_model']}), {m['memory_gb']} GB RAM, {m['os']}, Python {m['python']}, "
        f"pyoxigraph {m['pyoxigraph']}, rdflib {m['rdflib']}, spaCy {m['spacy']}; "
        + _load_average(data)
    )


def _load_average(data: dict) -> str:
    m = data["machine"]
    if "started" in data:
        return f"1-minute load average {m['load_average_1m_at_start']} when the run started ({data['started']})"
    # Results written before runs recorded their start took the load average as they were written.
    return f"1-minute load average {m['load_average_1m_at_end']} when the run ended ({data['when']})"


def build_table(data: dict) -> list[str]:
    rows = ["| what | wall s | CPU s (all processes) | peak memory (MB): RSS largest process / PSS whole tree / RSS whole tree | quads | articles | articles/s | target |", "|---|---:|---:|---:|---:|---:|---:|---|"]
    cold = data["seed_cold_build_after_import"]
    rows.append(f"| seed corpus, cold build after import (median of {cold['runs']}) | {cold['wall_s_median']} | {cold['cpu_s_median']} | – | – | – | – | < 3 s |")
    for key, label, target in (
        ("seed_build_cli", "seed corpus, `tiaoli build` (incl. start-up)", ""),
        ("seed_incremental_one_changed", "seed corpus, rebuild after one document changed", ""),
        ("moj_dev_build", "moj-dev.jsonl, `tiaoli build` (667 laws)", "< 60 s on 2 cores, < 1 GB"),
        ("moj_dev_incremental_one_law_changed", "moj-dev.jsonl, rebuild after one law changed", ""),
    ):
        if key not in data:
            continue
        r = data[key]
        rows.append(
            f"| {label} | {r['wall_s']} | {r['cpu_s']} | {_memory(r)} | "
            f"{r.get('quads', '–')} | {r.get('articles', '–')} | {r.get('articles_per_s', '–')} | {target} |"
        )
    return rows


def query_table(data: dict) -> list[str]:
    stores = {s["store"]: s for s in data["stores"]}
    names = sorted({q for s in data["stores"] for q in s["queries"]})
    header = "| query | " + " | ".join(f"{name}: rows, p50 / p95 ms (runs)" for name in stores) + " | rdflib ÷ pyoxigraph (p50, seed) |"
    rows = [header, "|---|" + "---:|" * (len(stores) + 1)]
    for query in names:
        cells = []
        for store in stores.values():
            entry = store["queries"].get(query)
            cells.append(f"{entry['rows']}, {entry['pyoxigraph']['p50_ms']} / {entry['pyoxigraph']['p95_ms']} ({entry['pyoxigraph']['runs']})" if entry else "–")
        seed = stores.get("seed", {}).get("queries", {}).get(query, {})
        ratio = seed.get("rdflib_over_pyoxigraph_p50")
        if ratio is None and "rdflib_over_pyoxigraph_p50_at_least" in seed:
            ratio = f"> {seed['rdflib_over_pyoxigraph_p50_at_least']} (rdflib unfinished after {seed['rdflib']['unfinished_after_s']} s)"
        rows.append(f"| `{query}.rq` | " + " | ".join(cells) + f" | {ratio if ratio is not None else '–'} |")
    quads = ", ".join(f"{name} {s['quads']} quads" for name, s in stores.items())
    rows.append("")
    rows.append(f"Stores: {quads}. Target: every query < {data['target_p50_ms']} ms p50 on moj-dev.")
    return rows


def _memory(run: dict) -> str:
    """Largest process / PSS of the tree / RSS of the tree (older results have no PSS)."""
    pss = run.get("peak_pss_tree_mb", "–")
    return f"{run['peak_rss_largest_process_mb']} / {pss} / {run['peak_rss_tree_mb']}"


def scaling_table(data: dict) -> list[str]:
    rows = [
        "| dump | laws' articles | dump MB | wall s | CPU s (all processes) | articles/s | peak memory (MB): RSS largest process / PSS whole tree / RSS whole tree | largest process's peak RSS in each quarter of the run (MB) |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in data["runs"]:
        quarters = " · ".join(str(q) for q in r.get("peak_rss_largest_process_by_quarter_mb", [])) or "–"
        rows.append(
            f"| {r['copies']} × moj-dev | {r['articles']} | {r['dump_mb']} | {r['wall_s']} | {r['cpu_s']} | {r['articles_per_s']} | "
            f"{_memory(r)} | {quarters} |"
        )
    return rows


def fuzz_text(data: dict) -> list[str]:
    by_test: dict[str, int] = {}
    for run in data["runs"]:
        by_test[run["test"]] = by_test.get(run["test"], 0) + run["passing"] + run["failing"]
    parts = ", ".join(f"{count:,} {test.replace('_', ' ')}" for test, count in by_test.items())
    verdict = "no crash" if not data["crashes"] else f"**{data['crashes']} crash(es)**"
    return [
        f"Long run (`python benchmarks/fuzz.py`, commit {data['commit']}, finished {data['when']}): "
        f"**{data['cases']:,} cases, {verdict}, {data['seconds']:,} s** ({parts}), in {len(data['runs'])} pytest runs; "
        "the counts are hypothesis's own (`--hypothesis-show-statistics`), inputs a strategy rejected not counted.",
        "",
        f"Machine: {_machine(data)}.",
    ]


def _replace_between(text: str, start: str, end: str, lines: list[str]) -> str:
    before, rest = text.split(start, 1)
    _, after = rest.split(end, 1)
    return before + start + "\n" + "\n".join(lines) + "\n" + end + after


def main() -> None:
    lines: list[str] = []
    build = _load("build")
    if build:
        lines += ["### Builds", "", f"Machine: {_machine(build)}.", "", *build_table(build), ""]
    scaling = _load("scaling")
    if scaling:
        lines += ["### Scaling (`python benchmarks/scaling.py`)", "", f"Machine: {_machine(scaling)}.", "", *scaling_table(scaling), ""]
    queries = _load("queries")
    if queries:
        lines += ["### Competency queries", "", f"Machine: {_machine(queries)}.", "", *query_table(queries), ""]
    text = _replace_between(README.read_text(encoding="utf-8"), START, END, lines)
    fuzz = _load("fuzz")
    if fuzz:
        text = _replace_between(text, FUZZ_START, FUZZ_END, fuzz_text(fuzz))
    README.write_text(text, encoding="utf-8")
    print(f"updated {README}", file=sys.stderr)


if __name__ == "__main__":
    main()
