"""PDF loading cost: wall time, CPU time and peak memory per file, and what came out.

    python benchmarks/pdf_load.py [PDF ...]      # default: ../shared/evaldata/pdfs/*.pdf

Each file is loaded in a fresh process so peak memory (ru_maxrss) is its own.
CPU time is reported beside wall time because a shared machine stretches the
wall clock; pdfminer's parsing of the content streams is most of either.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT = sorted((REPO.parent / "shared" / "evaldata" / "pdfs").glob("*.pdf"))

_CHILD = r"""
import json, resource, sys, time
from collections import Counter
t0, c0 = time.perf_counter(), time.process_time()
from tiaoli.extract.loaders import load_document
doc = load_document(sys.argv[1])
wall, cpu = time.perf_counter() - t0, time.process_time() - c0
print(json.dumps({
    "pages": len(doc.page_starts),
    "wall_s": round(wall, 2),
    "cpu_s": round(cpu, 2),
    "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    "blocks": dict(Counter(b.kind.value for b in doc.blocks)),
    "removed": dict(Counter(r.role for r in doc.removed)),
}))
"""


def main(paths: list[str]) -> None:
    files = [Path(p) for p in paths] or DEFAULT
    for path in files:
        out = subprocess.run([sys.executable, "-c", _CHILD, str(path)], capture_output=True, text=True, check=True)
        print(path.name, json.dumps(json.loads(out.stdout), ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1:])
