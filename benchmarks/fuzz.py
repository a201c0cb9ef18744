"""The long fuzz run: at least 10,000 cases over every input path, with hypothesis's own count of each.

    python benchmarks/fuzz.py [--cases 10000]

Runs tests/test_fuzz.py's three fuzz tests (arbitrary Unicode, mutated seed
texts, mutated PDFs) in several pytest runs, each exploring new random
examples, until the asked number of cases has run: 60 % arbitrary Unicode,
30 % mutated seed texts, 10 % mutated PDFs (a PDF case costs the most).
A case counts when hypothesis reports it as a passing or failing example;
inputs a strategy rejected do not count.  Writes benchmarks/results/fuzz.json.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import REPO, write_result  # noqa: E402

SHARES = {"arbitrary_unicode": 0.6, "mutated_seed_texts": 0.3, "mutated_pdfs": 0.1}
RUN_SIZE = {"arbitrary_unicode": 3000, "mutated_seed_texts": 1500, "mutated_pdfs": 500}
_COUNTS = re.compile(r"(\d+) passing examples, (\d+) failing examples, (\d+) invalid examples")


def fuzz(test: str, examples: int) -> dict[str, object]:
    """One pytest run of one fuzz test with ``examples`` new random examples."""
    env = dict(os.environ, TIAOLI_FUZZ_EXAMPLES=str(examples))
    start = time.perf_counter()
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "tests/test_fuzz.py", "-k", test, "-q", "-p", "no:cacheprovider", "--hypothesis-show-statistics"],
        cwd=REPO, env=env, capture_output=True, text=True,
    )
    counts = [tuple(map(int, m)) for m in _COUNTS.findall(run.stdout)]
    passing = sum(c[0] for c in counts)
    failing = sum(c[1] for c in counts)
    result = {"test": test, "asked": examples, "passing": passing, "failing": failing, "exit": run.returncode,
              "seconds": round(time.perf_counter() - start, 1)}
    if run.returncode != 0:
        result["output_tail"] = run.stdout[-3000:]
    print(result if run.returncode == 0 else {k: v for k, v in result.items() if k != "output_tail"}, file=sys.stderr)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=10_000, help="cases to run in all (default 10,000)")
    args = parser.parse_args()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True).stdout.strip()
    changed = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no", "--", "extract", "graph", "api", "schema"],
                             cwd=REPO, capture_output=True, text=True).stdout.strip()
    runs = []
    start = time.perf_counter()
    for test, share in SHARES.items():
        remaining = round(args.cases * share)
        while remaining > 0:
            size = min(RUN_SIZE[test], remaining)
            runs.append(fuzz(test, size))
            remaining -= size
    cases = sum(r["passing"] + r["failing"] for r in runs)
    crashes = sum(r["failing"] for r in runs) + sum(1 for r in runs if r["exit"] != 0 and not r["failing"])
    write_result("fuzz", {"commit": commit + (" with uncommitted changes to the code" if changed else ""), "cases": cases, "crashes": crashes, "seconds": round(time.perf_counter() - start, 1), "runs": runs})
    if crashes:
        raise SystemExit(f"{crashes} crash(es): see benchmarks/results/fuzz.json")


if __name__ == "__main__":
    main()
