"""tiaoli query: run SPARQL against the store."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..cli import add_store_option, store_path
from .push import add_credential_options, credentials

HELP = """\
Run a SPARQL 1.1 query (SELECT, ASK, CONSTRUCT or DESCRIBE) over every
document graph in the store (the default graph is their union).  QUERY is
either a .rq file or the query text.  The prefixes tl:, eli:, prov:, dcterms:,
skos:, rdfs:, xsd:, schema:, qb:, org:, time: and odrl: are predeclared.

The competency-question queries that ship with tiaoli are in graph/queries/;
docs/queries.md shows each with its answer on the seed corpus.
"""

FORMATS = ("table", "csv", "tsv", "json", "xml")


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "query",
        help="run a SPARQL query",
        description=HELP,
        epilog="examples:\n  tiaoli query graph/queries/law-penalties.rq\n"
        "  tiaoli query 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'\n"
        "  tiaoli query graph/queries/metrics.rq --format json > metrics.srj",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("query", metavar="QUERY", help="a .rq file or SPARQL text")
    parser.add_argument("--format", choices=FORMATS, default="table", help="table (default, for reading), csv, tsv, json (W3C SPARQL 1.1 Query Results JSON) or xml")
    parser.add_argument("--limit", type=int, default=None, metavar="N", help="show at most N rows in table format")
    parser.add_argument("--endpoint", metavar="URL", help="run the query on this remote SPARQL endpoint instead of the store (see tiaoli push)")
    add_credential_options(parser)
    add_store_option(parser)
    parser.set_defaults(run=run)


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:  # query text too long to be a file name
        return False


def read_query_argument(text: str) -> str:
    from ..extract.errors import InputError

    candidate = Path(text)
    if text.endswith(".rq") or (len(text) < 4096 and "\n" not in text and _is_file(candidate)):
        try:
            return candidate.read_text(encoding="utf-8")
        except OSError as exc:
            raise InputError(text, f"cannot read the query file: {exc.strerror or exc}") from None
    return text


def run(args: argparse.Namespace) -> int:
    from ..graph.results import write_result
    from ..graph.store import GraphStore

    sparql = read_query_argument(args.query)
    if args.endpoint:
        from ..remote import remote_query

        result = remote_query(args.endpoint, sparql, credentials=credentials(args))
    else:
        result = GraphStore(store_path(args)).query(sparql)
    write_result(result, args.format, sys.stdout, limit=args.limit)
    return 0
