"""CPU time of the semantic analysis (`analyse_act`) over laws of moj-dev.jsonl.

    python benchmarks/analysis_time.py [--laws 50] [--profile out.prof]

Structure parsing is done first and not counted; the figure is the process CPU
time (`time.process_time`) spent in `analyse_act`, which is what a shared
machine measures fairly.  Laws are taken evenly spread through the file.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import sys
import time
from pathlib import Path

from tiaoli.extract.loaders.jsonl import law_record, render_moj_print
from tiaoli.extract.loaders.text import load_text
from tiaoli.extract.model import DocumentMeta, SourceDocument
from tiaoli.extract.nlp import pipeline
from tiaoli.extract.parsers.statute.semantics import analyse_act
from tiaoli.extract.parsers.statute.structure import parse_statute

REPO = Path(__file__).resolve().parent.parent
MOJ_DEV = REPO.parent / "shared" / "evaldata" / "twlaw" / "moj-dev.jsonl"


def sample_acts(n: int) -> list:
    records = [json.loads(line) for line in MOJ_DEV.open(encoding="utf-8")]
    step = max(1, len(records) // n)
    acts = []
    for record in records[::step][:n]:
        law = law_record(record)
        doc = load_text(SourceDocument(id=f"moj-{law.pcode}" if hasattr(law, "pcode") else "moj", path="moj-dev.jsonl",
                                       text=render_moj_print(law), meta=DocumentMeta(kind="statute", title=law.name, date=law.date)))
        acts.extend(a for a in parse_statute(doc).acts if a.articles)
    return acts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--laws", type=int, default=50)
    parser.add_argument("--profile", type=Path, help="write cProfile stats of the analysis here")
    args = parser.parse_args(argv)
    acts = sample_acts(args.laws)
    pipeline()
    analyse_act(acts[0])  # warm the lexicons and compiled patterns
    profile = cProfile.Profile() if args.profile else None
    start = time.process_time()
    if profile:
        profile.enable()
    for act in acts:
        analyse_act(act)
    if profile:
        profile.disable()
        profile.dump_stats(args.profile)
    spent = time.process_time() - start
    articles = sum(len(a.articles) for a in acts)
    print(f"{len(acts)} acts, {articles} articles: analyse_act {spent:.2f} s CPU ({1000 * spent / articles:.1f} ms/article)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
