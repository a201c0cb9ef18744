"""tiaoli search: find articles, terms, roles, programmes and metrics by text, whatever the script variant."""

from __future__ import annotations

import argparse
import json
import sys

from ..cli import add_store_option, store_path

HELP = """\
Find every node whose text contains TEXT: articles, defined terms, roles,
programmes, metrics, documents …  Simplified and Traditional characters and
Hong Kong / Taiwan variants match each other (会计凭证 finds 會計憑證, 綫 finds
線), using the variant-folded search keys stored in the graph at build time.
Results show the text exactly as printed in the source.
"""


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "search",
        help="find nodes by text in any script variant",
        description=HELP,
        epilog="examples:\n  tiaoli search 会计凭证\n  tiaoli search 主辦會計人員 --kind Role\n  tiaoli search 培訓 --format json",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("text", metavar="TEXT", help="the text to look for")
    parser.add_argument("--kind", action="append", metavar="CLASS", help="keep only nodes of this class (local name, e.g. Article, Term, Role); repeatable")
    parser.add_argument("--limit", type=int, default=50, metavar="N", help="show at most N hits (default 50)")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    add_store_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..graph.results import write_rows
    from ..knowledge_graph import KnowledgeGraph
    from ..graph.store import GraphStore

    GraphStore(store_path(args))  # a clear error when nothing was built there
    hits = KnowledgeGraph(store_path(args)).search(args.text, kinds=args.kind)
    shown = hits[: args.limit]
    if args.format == "json":
        json.dump([_hit_json(h) for h in shown], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        rows = [[h.kind, h.label, h.matched if h.matched != h.label else "", _where(h), h.node] for h in shown]
        write_rows(["kind", "label", "matched text", "source", "node"], rows, sys.stdout, total=len(hits))
    return 0 if hits else 1


def _where(hit) -> str:
    s = hit.source
    if s is None:
        return ""
    return f"{s.source_file or ''}:{s.line}" if s.line is not None else f"{s.source_file or ''}@{s.start}"


def _hit_json(hit) -> dict:
    s = hit.source
    return {
        "node": hit.node, "kind": hit.kind, "label": hit.label, "matched": hit.matched, "exact": hit.exact,
        "source": None if s is None else {"document": s.document, "file": s.source_file, "line": s.line, "page": s.page, "start": s.start, "end": s.end, "text": s.text},
    }
