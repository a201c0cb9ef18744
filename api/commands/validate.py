"""tiaoli validate: check the graph against the SHACL shapes in schema/."""

from __future__ import annotations

import argparse

from ..cli import add_store_option, store_path


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "validate",
        help="check the graph against the SHACL shapes (pySHACL)",
        description="Validate every document graph in the store against the SHACL shapes shipped in schema/shapes/, "
        "with the ontology in schema/ontology/ for class hierarchy. Exit status 0 when the graph conforms, 1 when it does not; "
        "violations are listed with their focus node, path and message.",
        epilog="example:\n  tiaoli validate --store /tmp/store",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--max-violations", type=int, default=50, metavar="N", help="list at most N violations (default 50)")
    add_store_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..graph.store import GraphStore
    from ..graph.validate import validate_nquads

    store = GraphStore(store_path(args))
    report = validate_nquads(store.dump_nquads())
    if report.conforms:
        print(f"conforms: {report.nodes_checked} focus nodes checked against {report.shapes} shapes")
        return 0
    print(f"does not conform: {len(report.violations)} violation(s)")
    for violation in report.violations[: args.max_violations]:
        print(f"  {violation}")
    return 1
