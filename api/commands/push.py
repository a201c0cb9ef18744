"""tiaoli push: copy every document graph to a standalone SPARQL server."""

from __future__ import annotations

import argparse
import os
import sys

from ..cli import add_store_option, store_path

HELP = """\
Make a standalone triple store hold the same document graphs as the local
store, through the W3C protocols only: the SPARQL 1.1 Protocol at --endpoint
to compare each graph's source hash, parser version and size, then the
SPARQL 1.1 Graph Store HTTP Protocol at --graph-store to PUT every graph that
changed and DELETE tiaoli graphs (https://w3id.org/tiaoli/graph/…) the local
store no longer has.  Graphs of other applications are never touched.

The competency queries then run unchanged with
  tiaoli query graph/queries/law-norms.rq --endpoint URL
provided the server's default graph is the union of its named graphs (Oxigraph:
--union-default-graph; see docs/production-stores.md for other servers).

Credentials: --user NAME with the password in $TIAOLI_REMOTE_PASSWORD (HTTP
Basic, or Digest with --digest), or a bearer token in $TIAOLI_REMOTE_TOKEN.
"""


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "push",
        help="push document graphs to a SPARQL server",
        description=HELP,
        epilog="examples:\n  tiaoli push --endpoint http://127.0.0.1:7878/query --graph-store http://127.0.0.1:7878/store\n"
        "  tiaoli push --endpoint http://localhost:8890/sparql --graph-store http://localhost:8890/sparql-graph-crud-auth --user dba --digest",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--endpoint", required=True, metavar="URL", help="the server's SPARQL query endpoint")
    parser.add_argument("--graph-store", metavar="URL", help="its Graph Store Protocol endpoint (default: the endpoint with /query replaced by /store, as Oxigraph has it)")
    add_credential_options(parser)
    parser.add_argument("--dry-run", action="store_true", help="say what would be sent, send nothing")
    add_store_option(parser)
    parser.set_defaults(run=run)


def add_credential_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--user", metavar="NAME", help="user name for HTTP authentication (password from $TIAOLI_REMOTE_PASSWORD)")
    parser.add_argument("--digest", action="store_true", help="use HTTP Digest authentication (Virtuoso) instead of Basic")


def credentials(args: argparse.Namespace):
    """Credentials from the options and the environment (never from the command line, where others can read them)."""
    from ..remote import Credentials

    token = os.environ.get("TIAOLI_REMOTE_TOKEN") or None
    if args.user is None and token is None:
        return None
    return Credentials(args.user, os.environ.get("TIAOLI_REMOTE_PASSWORD", ""), args.digest, token)


def graph_store_url(endpoint: str, given: str | None) -> str:
    from ..extract.errors import InputError

    if given:
        return given
    if endpoint.rstrip("/").endswith("/query"):
        return endpoint.rstrip("/")[: -len("query")] + "store"
    raise InputError(endpoint, "cannot guess the Graph Store Protocol URL from this endpoint; give --graph-store URL")


def run(args: argparse.Namespace) -> int:
    from ..graph.store import GraphStore
    from ..remote import push

    store = GraphStore(store_path(args))
    target = graph_store_url(args.endpoint, args.graph_store)

    def progress(action: str, graph: str) -> None:
        print(f"{'would ' if args.dry_run else ''}{action} {graph}", file=sys.stderr)

    report = push(store, args.endpoint, target, credentials=credentials(args), dry_run=args.dry_run, progress=progress)
    print(
        f"{'would push' if args.dry_run else 'pushed'} {len(report.uploaded)} graph(s) ({report.triples} triples), "
        f"{len(report.unchanged)} unchanged, {len(report.deleted)} deleted, to {target}",
        file=sys.stderr,
    )
    return 0
