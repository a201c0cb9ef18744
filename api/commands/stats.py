"""tiaoli stats: what the store holds."""

from __future__ import annotations

import argparse

from ..cli import add_store_option, store_path


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "stats",
        help="documents, triples and facts by type in the store",
        description="Summarise the store: each document with its kind, triples and attributed share, then the number of nodes of each class.",
        epilog="example:\n  tiaoli stats --store /tmp/store",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_store_option(parser)
    parser.set_defaults(run=run)


DOCUMENTS = """
SELECT ?doc ?kind ?title ?share (COUNT(*) AS ?triples) WHERE {
  GRAPH ?g { ?doc a tl:SourceDocument ; tl:documentKind ?kind ; tl:attributedShare ?share .
             OPTIONAL { ?doc dcterms:title ?title } ?s ?p ?o }
} GROUP BY ?doc ?kind ?title ?share ORDER BY ?doc
"""

CLASSES = """
SELECT ?class (COUNT(DISTINCT ?s) AS ?instances) WHERE { ?s a ?class }
GROUP BY ?class ORDER BY DESC(?instances) ?class
"""


def run(args: argparse.Namespace) -> int:
    import sys

    from ..graph.results import write_table
    from ..graph.store import GraphStore

    store = GraphStore(store_path(args))
    print(f"store {store.path}: {len(store)} quads in {len(store.named_graphs())} document graphs\n")
    write_table(store.query(DOCUMENTS), sys.stdout)
    print()
    write_table(store.query(CLASSES), sys.stdout)
    return 0
