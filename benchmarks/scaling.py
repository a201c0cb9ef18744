"""Scaling: build dumps of 1×, 2× and 3× moj-dev.jsonl and compare time and memory per article.

    python benchmarks/scaling.py [--copies 1,2,3] [--jobs N]

Each larger dump repeats moj-dev's laws under new law codes (Z-prefixed copies
of each ``pcode``), so every copy is a distinct document of the same shape
and size, parsed in full.  A linear build keeps articles per second steady as
the dump grows; a streaming one keeps peak memory flat.  Writes
benchmarks/results/scaling.json.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import MOJ_DEV, run_cli_measured, write_result  # noqa: E402


def write_copies(target: Path, copies: int) -> int:
    """``copies`` times moj-dev's laws, copy k's law codes prefixed with k; the number of articles."""
    articles = 0
    with target.open("w", encoding="utf-8") as out:
        for copy in range(copies):
            with MOJ_DEV.open(encoding="utf-8") as dump:
                for line in dump:
                    law = json.loads(line)
                    if copy:
                        law["pcode"] = f"{law.get('pcode') or law['name']}-copy{copy}"
                    articles += len(law.get("articles") or [])
                    out.write(json.dumps(law, ensure_ascii=False) + "\n")
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", default="1,2,3", help="dump sizes to build, in multiples of moj-dev (comma-separated)")
    parser.add_argument("--jobs", type=int, default=None, help="passed to tiaoli build (default: the core count)")
    args = parser.parse_args()
    jobs = ["--jobs", str(args.jobs)] if args.jobs else []
    runs = []
    for copies in (int(c) for c in args.copies.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            dump = Path(tmp) / "laws.jsonl"
            articles = write_copies(dump, copies)
            run = run_cli_measured(["build", str(dump), "--store", str(Path(tmp) / "store"), "-q", *jobs])
            run.update(copies=copies, articles=articles, dump_mb=round(dump.stat().st_size / 2**20, 1),
                       articles_per_s=round(articles / run["wall_s"], 1))
            run["last_line"] = run["last_line"].replace(tmp, "<tmp>")
            runs.append(run)
            print(json.dumps(run, ensure_ascii=False), file=sys.stderr)
    write_result("scaling", {"jobs": args.jobs or "default (core count)", "runs": runs})


if __name__ == "__main__":
    main()
