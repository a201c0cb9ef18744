"""Norm typing measured against a hand-labelled gold file: precision and recall per modality.

    python benchmarks/norm_typing.py [--gold benchmarks/gold/norms-gold.tsv] [--errors]
    python benchmarks/norm_typing.py --draft corpus:003_c9028c36c3eddfe8.txt moj:A0030317 > draft.tsv

The gold file is TSV with a header: source, article, paragraph, item, subitem,
modality, text.  ``source`` is ``corpus:<file>`` (a file of corpus/) or
``moj:<pcode>`` (a law of ../shared/evaldata/twlaw/moj-dev.jsonl).  A clause is
matched by its source, provision and exact text; a gold clause the parser did
not produce counts against recall of its modality, a parser clause missing from
the gold against precision.  ``--draft`` prints the parser's clauses in the gold
format, as a starting point that a person then reads and corrects by hand.

``benchmarks/gold/addressees-gold.tsv`` (source, article, paragraph, item,
subitem, addressees, text; addressees are role ids joined by ``|``, empty for
none) labels who each obligation, prohibition and permission of the seed binds;
the script scores (clause, role) pairs against it: precision, recall, and the
share of clauses whose addressees are exactly right.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from pathlib import Path

from tiaoli.extract.loaders import load_document
from tiaoli.extract.loaders.jsonl import law_record, render_moj_print
from tiaoli.extract.loaders.text import load_text
from tiaoli.extract.model import DocumentMeta, SourceDocument
from tiaoli.extract.parsers.statute import PARSER
from tiaoli.extract.parsers.statute.norms import MODALITIES

REPO = Path(__file__).resolve().parent.parent
MOJ_DEV = REPO.parent / "shared" / "evaldata" / "twlaw" / "moj-dev.jsonl"
FIELDS = ("source", "article", "paragraph", "item", "subitem", "modality", "text")


def _moj_law(pcode: str) -> SourceDocument:
    with MOJ_DEV.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record.get("pcode") == pcode:
                law = law_record(record)
                doc = SourceDocument(id=f"moj-{pcode}", path=f"moj-dev.jsonl#{pcode}", text=render_moj_print(law),
                                     meta=DocumentMeta(kind="statute", title=law.name, date=law.date))
                return load_text(doc)
    raise SystemExit(f"{MOJ_DEV}: no law with pcode {pcode}")


def load_source(source: str) -> SourceDocument:
    scheme, _, name = source.partition(":")
    if scheme == "corpus":
        return load_document(REPO / "corpus" / name)
    if scheme == "moj":
        return _moj_law(name)
    raise SystemExit(f"unknown source {source!r}: use corpus:<file> or moj:<pcode>")


def _key(value: object) -> str:
    return "" if value is None else str(value)


def predicted(source: str, field: str = "modality") -> dict[tuple, object]:
    doc = load_source(source)
    out: dict[tuple, object] = {}
    for act in PARSER.parse(doc).root.acts:
        for clause in act.clauses:
            p = clause.provision
            out[(source, p.article, _key(p.paragraph), _key(p.item), _key(p.subitem), clause.text)] = getattr(clause, field)
    return out


def read_addressee_gold(path: Path) -> dict[tuple, frozenset[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return {
            tuple(row[f] for f in FIELDS if f != "modality"): frozenset(filter(None, row["addressees"].split("|")))
            for row in csv.DictReader(handle, delimiter="\t")
        }


def addressee_report(path: Path, errors: bool) -> str:
    """Precision and recall of (clause, role) pairs, and exact clauses, against ``path``."""
    gold = read_addressee_gold(path)
    pred: dict[tuple, object] = {}
    for source in sorted({key[0] for key in gold}):
        pred.update(predicted(source, "addressees"))
    tp = predicted_n = gold_n = exact = 0
    lines = []
    for key, wanted in gold.items():
        got = frozenset(pred.get(key) or ())
        tp += len(got & wanted)
        predicted_n += len(got)
        gold_n += len(wanted)
        exact += got == wanted
        if errors and got != wanted:
            lines.append(f"{key[0]} 第{key[1]}條 {key[2]}/{key[3]}/{key[4]}: gold={sorted(wanted)} parser={sorted(got)}  {key[5]}")
    precision = tp / predicted_n if predicted_n else 1.0
    recall = tp / gold_n if gold_n else 1.0
    head = (f"addressees: {len(gold)} clauses, {gold_n} gold roles, {predicted_n} predicted, {tp} correct: "
            f"precision {precision:.3f}, recall {recall:.3f}, clauses exactly right {exact / len(gold):.3f}")
    return "\n".join([head, *lines])


def read_gold(path: Path) -> dict[tuple, str]:
    gold: dict[tuple, str] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row["modality"] not in MODALITIES:
                raise SystemExit(f"{path}: unknown modality {row['modality']!r} for {row['text']}")
            gold[tuple(row[f] for f in FIELDS if f != "modality")] = row["modality"]
    return gold


def score(gold: dict[tuple, str], pred: dict[tuple, str]) -> dict[str, tuple[int, int, int]]:
    """Per modality: (true positives, predicted, gold)."""
    tp: Counter[str] = Counter()
    for key, modality in pred.items():
        if gold.get(key) == modality:
            tp[modality] += 1
    predicted_n = Counter(pred.values())
    gold_n = Counter(gold.values())
    return {m: (tp[m], predicted_n[m], gold_n[m]) for m in MODALITIES}


def table(scores: dict[str, tuple[int, int, int]]) -> str:
    lines = ["| modality | gold | predicted | correct | precision | recall |", "|---|---:|---:|---:|---:|---:|"]
    for modality, (tp, p, g) in scores.items():
        precision = f"{tp / p:.3f}" if p else "–"
        recall = f"{tp / g:.3f}" if g else "–"
        lines.append(f"| {modality} | {g} | {p} | {tp} | {precision} | {recall} |")
    total_tp = sum(s[0] for s in scores.values())
    total_g = sum(s[2] for s in scores.values())
    lines.append(f"| all (accuracy) | {total_g} | {sum(s[1] for s in scores.values())} | {total_tp} | | {total_tp / total_g:.3f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", type=Path, default=REPO / "benchmarks" / "gold" / "norms-gold.tsv")
    parser.add_argument("--errors", action="store_true", help="list every disagreement")
    parser.add_argument("--source", nargs="+", metavar="SOURCE", help="score only these gold sources")
    parser.add_argument("--addressees", type=Path, nargs="?", const=REPO / "benchmarks" / "gold" / "addressees-gold.tsv",
                        help="score addressees against this gold file instead of modalities")
    parser.add_argument("--draft", nargs="+", metavar="SOURCE", help="print the parser's clauses of SOURCE… in gold format")
    args = parser.parse_args(argv)
    if args.draft:
        writer = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
        writer.writerow(FIELDS)
        for source in args.draft:
            for key, modality in predicted(source).items():
                writer.writerow([*key[:5], modality, key[5]])
        return 0
    if args.addressees:
        print(addressee_report(args.addressees, args.errors))
        return 0
    gold = read_gold(args.gold)
    if args.source:
        gold = {key: m for key, m in gold.items() if key[0] in args.source}
    pred: dict[tuple, str] = {}
    for source in sorted({key[0] for key in gold}):
        pred.update(predicted(source))
    print(f"{len(gold)} gold clauses from {len({k[0] for k in gold})} laws")
    print(table(score(gold, pred)))
    if args.errors:
        for key in sorted(set(gold) | set(pred)):
            if gold.get(key) != pred.get(key):
                print(f"{key[0]} 第{key[1]}條 {key[2]}/{key[3]}/{key[4]}: gold={gold.get(key)} parser={pred.get(key)}  {key[5]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
