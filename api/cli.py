"""The ``tiaoli`` command line.

Each sub-command lives in its own module under ``tiaoli.commands`` and
registers itself through ``register(subparsers)``; this module only lists
them and turns tiaoli's errors into one-line messages with exit codes.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import Sequence

from . import __version__
from .extract.errors import TiaoliError
from .graph.store import QueryError, default_store_path

# Order is the order shown in --help.
COMMANDS = ("build", "query", "search", "export", "stats", "validate", "graph", "serve", "push")

EPILOG = """\
examples:
  tiaoli build                         build the graph from ./corpus into the default store
  tiaoli build laws/ --kind statute    build every file under laws/ as statutes
  tiaoli query graph/queries/law-penalties.rq
  tiaoli query 'SELECT ?t WHERE { ?d dcterms:title ?t }' --format csv
  tiaoli export --format nquads -o corpus.nq
  tiaoli validate
  tiaoli search 会计凭证              find articles, terms, roles … in any script variant
  tiaoli serve                         SPARQL endpoint and web page on http://127.0.0.1:8000/
  tiaoli push --endpoint http://127.0.0.1:7878/query   copy the graph to a triple store

The store is a folder (default: .tiaoli/store under the current directory, or
$TIAOLI_STORE).  Common prefixes (tl:, eli:, prov:, dcterms:, skos:, …) are
predeclared in queries.  See README.md and docs/ for the schema and queries.
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tiaoli",
        description="Turn Chinese legal and policy documents (Taiwan statutes, due-diligence reports, "
        "Hong Kong LegCo papers) into an RDF knowledge graph with provenance, and query it with SPARQL.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"tiaoli {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name in COMMANDS:
        importlib.import_module(f".commands.{name.replace('-', '_')}", __package__).register(sub)
    return parser


def add_store_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--store",
        metavar="DIR",
        default=None,
        help=f"store folder (default: $TIAOLI_STORE or {default_store_path()})",
    )


def store_path(args: argparse.Namespace):
    from pathlib import Path

    return Path(args.store) if args.store else default_store_path()


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except QueryError as exc:
        print(f"tiaoli: {exc}", file=sys.stderr)
        return 2
    except TiaoliError as exc:
        print(f"tiaoli: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("tiaoli: interrupted; the store was left as it was before this command", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
