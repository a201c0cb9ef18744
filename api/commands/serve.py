"""tiaoli serve: a read-only SPARQL endpoint and web page over the store."""

from __future__ import annotations

import argparse
import sys

from ..cli import add_store_option, store_path

HELP = """\
Serve the store over HTTP:

  /sparql              SPARQL 1.1 Protocol (GET, POST form or application/sparql-query);
                       results as SPARQL JSON, XML, CSV or TSV, graphs as Turtle,
                       N-Triples or JSON-LD, chosen by the Accept header.  With no
                       query it returns the service description (also /service-description).
  /                    a query editor with the shipped competency queries
  /id/...              every IRI tiaoli minted (https://w3id.org/tiaoli/id/...) as an HTML
                       page with its source text, or as Turtle / JSON-LD per Accept
  /page?iri=IRI        the same for any IRI

The endpoint is read-only: SPARQL Update, LOAD and SERVICE are refused, so it
makes no outbound requests.  Each query runs in a worker process that is
stopped at --timeout; results are cut at --max-rows (header X-Tiaoli-Truncated).
It listens on 127.0.0.1 unless --host says otherwise.
"""


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "serve",
        help="serve a SPARQL endpoint and web page",
        description=HELP,
        epilog="examples:\n  tiaoli serve\n  tiaoli serve --store /data/store --port 8080 --timeout 10\n"
        "  curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 5' http://127.0.0.1:8000/sparql",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_store_option(parser)
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    parser.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS", help="stop a query after this long (default 30)")
    parser.add_argument("--max-rows", type=int, default=10000, metavar="N", help="cut results at N rows or triples (default 10000)")
    parser.add_argument("--workers", type=int, default=2, metavar="N", help="query worker processes (default 2)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from ..server.app import Settings, create_app
    except ImportError as exc:
        print(f"tiaoli serve needs the serve extra ({exc.name} is missing): pip install 'tiaoli[serve]'", file=sys.stderr)
        return 1
    from ..graph.store import GraphStore

    path = store_path(args)
    GraphStore(path)  # fails with a clear message if nothing was built there
    app = create_app(Settings(store=path, timeout=args.timeout, max_rows=args.max_rows, workers=max(1, args.workers)))
    print(f"tiaoli: serving {path} at http://{args.host}:{args.port}/ (SPARQL endpoint /sparql)", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0
