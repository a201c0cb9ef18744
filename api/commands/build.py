"""tiaoli build: parse source documents into the store."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..cli import add_store_option, store_path
from ..extract.kinds import kind_names

HELP = """\
Parse source documents and write their graph into the store, atomically: the
previous graph stays readable until the new one is complete, and an
interrupted build leaves it as it was.

PATH may be files (text, markdown with HTML tables, PDF) or folders, searched
recursively.  A folder's manifest.toml gives each file's kind, title, issuer,
date and language; other files have their kind detected from their content.
A document that cannot be read or parsed is reported and the others are
still built; the exit status is then 1.

Rebuilds are incremental: a document whose source bytes, metadata and
parser version are what its graph records is not parsed again; graphs of
changed documents are replaced and those of documents no longer given are
removed.  The result is the same as a full rebuild (--full).  Documents are
parsed by --jobs worker processes and written in input order, so the graph
is the same whatever the number of jobs.  A JSONL law dump (MOJ Open API
shape) is one document per law, so editing one law re-parses only that law.

For each document parsed a summary line gives its blocks, the facts
extracted by type, and the share of its text attributed to typed facts; the
last line counts unchanged, changed, new and removed documents.
"""


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "build",
        help="parse documents into the store",
        description=HELP,
        epilog="examples:\n  tiaoli build\n  tiaoli build corpus/ --store /tmp/store\n  tiaoli build paper.pdf --kind legco-paper --append",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: ./corpus)")
    parser.add_argument("--kind", choices=kind_names(), help="document kind for every input, instead of manifest or detection")
    parser.add_argument("--append", action="store_true", help="keep the documents already in the store (default: the store holds exactly this build's documents)")
    parser.add_argument("--full", action="store_true", help="parse every document again, even unchanged ones")
    parser.add_argument(
        "-j",
        "--jobs",
        type=_positive_int,
        default=None,
        metavar="N",
        help=f"worker processes that parse documents (default: the core count, {os.cpu_count() or 1}; small inputs are parsed in-process)",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="print only failures and the final line")
    add_store_option(parser)
    parser.set_defaults(run=run)


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def run(args: argparse.Namespace) -> int:
    from ..graph.build import BuildFailure, SkippedDocument, build
    from ..graph.store import GraphStore

    paths = args.paths or [Path("corpus")]
    store = GraphStore.create(store_path(args))
    count = 0

    def progress(event) -> None:
        nonlocal count
        if isinstance(event, BuildFailure):
            print(f"FAILED {event.message}", file=sys.stderr)
            return
        if isinstance(event, SkippedDocument):
            return
        count += 1
        if args.quiet:
            return
        facts = ", ".join(f"{n} {name}" for name, n in sorted(event.facts.items(), key=lambda kv: (-kv[1], kv[0]))[:8])
        more = len(event.facts) - 8
        if more > 0:
            facts += f", … (+{more} types)"
        print(
            f"[{count}] {event.doc_id} ({event.kind}): {event.blocks} blocks, {event.triples} triples, "
            f"{event.attributed:.1%} of text attributed; facts: {facts or 'none'}",
            file=sys.stderr,
        )

    report = build(paths, store, kind=args.kind, append=args.append, full=args.full, jobs=args.jobs, progress=progress)
    print(
        f"built {len(report.documents)} document(s) into {store.path}: {len(report.unchanged)} unchanged, "
        f"{len(report.changed)} changed, {len(report.new)} new, {len(report.removed)} removed"
        + (f"; {len(report.failures)} failed:" if report.failures else ""),
        file=sys.stderr,
    )
    for failure in report.failures:
        print(f"  {failure.message.splitlines()[0]}", file=sys.stderr)
    return 0 if report.ok else 1
