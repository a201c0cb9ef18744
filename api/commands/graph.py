"""tiaoli graph: networks derived from the store (for now the citation network of statutes)."""

from __future__ import annotations

import argparse
import sys

from ..cli import add_store_option, store_path

HELP = """\
Networks read from a built store.

  citations   the citation network of the statutes: articles (and other acts
              cited by title) as nodes, "cites" as weighted edges.  Writes
              GraphML with -o and prints the most-cited provisions.
"""


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("graph", help="derived networks (citation graph as GraphML)", description=HELP,
                            formatter_class=argparse.RawDescriptionHelpFormatter)
    networks = parser.add_subparsers(dest="network", metavar="NETWORK")
    networks.required = True
    citations = networks.add_parser(
        "citations",
        help="the statute citation network: GraphML and the most-cited provisions",
        epilog="examples:\n  tiaoli graph citations\n  tiaoli graph citations -o citations.graphml --top 20",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    citations.add_argument("-o", "--output", metavar="FILE.graphml", default=None, help="write the network as GraphML")
    citations.add_argument("--top", type=int, default=10, metavar="N", help="how many most-cited provisions to print (default 10)")
    add_store_option(citations)
    citations.set_defaults(run=run_citations)


def run_citations(args: argparse.Namespace) -> int:
    import networkx as nx

    from ..extract.errors import InputError
    from ..graph.citations import citation_graph, most_cited
    from ..graph.store import GraphStore

    graph = citation_graph(GraphStore(store_path(args)))
    if args.output:
        try:
            nx.write_graphml(graph, args.output)
        except OSError as exc:
            raise InputError(args.output, f"cannot write the GraphML file: {exc.strerror or exc}") from None
    out = sys.stdout
    out.write(f"{graph.number_of_nodes()} provisions and acts, {graph.number_of_edges()} citation links\n")
    for rank, cited in enumerate(most_cited(graph, args.top), start=1):
        out.write(f"{rank:>3}. {cited.label}  cited {cited.cited_by} time{'s' if cited.cited_by != 1 else ''}\n")
    if args.output:
        out.write(f"wrote {args.output}\n")
    return 0
