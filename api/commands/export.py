"""tiaoli export: write the whole graph in a standard RDF format."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from ..cli import add_store_option, store_path

HELP = """\
Write every document graph in the store as Turtle (all graphs merged), TriG
or N-Quads (one named graph per document), or JSON-LD (compacted with
tiaoli's context, so keys are short).  N-Quads output is canonical: sorted,
with no blank nodes, so two builds of the same inputs give identical bytes.
"""

FORMATS = ("turtle", "trig", "nquads", "jsonld")


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "export",
        help="write the graph as Turtle, TriG, N-Quads or JSON-LD",
        description=HELP,
        epilog="examples:\n  tiaoli export --format nquads -o corpus.nq\n  tiaoli export --format turtle | less",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--format", choices=FORMATS, default="nquads", help="output format (default: nquads)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE (atomically) instead of standard output")
    add_store_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..graph.export import export_bytes
    from ..graph.store import GraphStore

    data = export_bytes(GraphStore(store_path(args)), args.format)
    if args.output:
        target = Path(args.output)
        fd, tmp = tempfile.mkstemp(dir=target.parent or Path("."), prefix=f".{target.name}.")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    return 0
