"""The build pipeline: files → documents → domain models → named graphs → store.

Each stage is a plain function so it can be tested alone:

* :func:`resolve_inputs` — files and folders (with manifests) into a list of inputs;
* :func:`parse_source` — a loaded document into its kind's domain model;
* :func:`document_quads` — a domain model into the quads of its named graph;
* :func:`build` — all of it into a store, atomically, document failures reported, not fatal.
"""

from __future__ import annotations

import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from pyoxigraph import NamedNode, Quad

from ..extract import kinds
from ..extract.attribution import attribute
from ..extract.errors import InputError, TiaoliError
from ..extract.loaders import load_path
from ..extract.manifest import read_manifest
from ..extract.model import DocumentMeta, SourceDocument
from ..extract.parsers.base import ParsedDocument
from .mapping import mapping_for
from .mapping.document import map_source_document
from .mapping.search_keys import search_key_quads
from .mapping.writer import GraphWriter
from .namespaces import PROV, RDF, TL
from .store import GraphStore

SOURCE_SUFFIXES = {".txt", ".md", ".markdown", ".pdf", ".jsonl", ".html", ".htm"}
_LAYOUT_CLASSES = {TL + c for c in ("SourceSpan", "TextBlock", "UnclassifiedBlock", "SourceDocument", "RemovedText")} | {PROV + "Entity"}


@dataclass(frozen=True)
class InputDocument:
    path: Path
    doc_id: str | None = None
    meta: DocumentMeta | None = None


@dataclass
class DocumentSummary:
    doc_id: str
    path: str
    kind: str
    blocks: int
    facts: Counter[str]
    attributed: float
    triples: int
    graph: str


@dataclass
class BuildFailure:
    path: str
    message: str


@dataclass
class BuildReport:
    documents: list[DocumentSummary] = field(default_factory=list)
    failures: list[BuildFailure] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


def resolve_inputs(paths: Iterable[str | Path]) -> list[InputDocument]:
    """Files as given; folders walked recursively (sorted), their manifests applied."""
    inputs: list[InputDocument] = []
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        if not path.exists():
            raise InputError(str(path), "does not exist")
        if path.is_file():
            entries = read_manifest(path.parent)
            entry = entries.get(path.resolve())
            candidates = [(path, entry)]
        else:
            candidates = []
            manifests: dict[Path, dict] = {}
            for file in sorted(p for p in path.rglob("*") if p.is_file()):
                if file.suffix.lower() not in SOURCE_SUFFIXES or file.name.lower().startswith("readme"):
                    continue
                if file.parent not in manifests:
                    manifests[file.parent] = read_manifest(file.parent)
                candidates.append((file, manifests[file.parent].get(file.resolve())))
        for file, entry in candidates:
            resolved = file.resolve()
            if resolved in seen:
                continue
            seen.add(resolved)
            inputs.append(InputDocument(file, entry.doc_id if entry else None, entry.meta if entry else None))
    return inputs


def load_input(item: InputDocument) -> Iterator[SourceDocument]:
    for source in load_path(item.path, doc_id=item.doc_id):
        if item.meta is not None:
            _apply_meta(source.meta, item.meta)
        yield source


def _apply_meta(target: DocumentMeta, given: DocumentMeta) -> None:
    for name in ("kind", "title", "issuer", "date", "language"):
        value = getattr(given, name)
        if value is not None:
            setattr(target, name, value)
    target.extra.update(given.extra)


def parse_source(source: SourceDocument, kind: str | None = None) -> ParsedDocument:
    """The domain model of a loaded document; ``kind`` overrides manifest and detection."""
    chosen = kind or source.meta.kind or kinds.detect_kind(source)
    source.meta.kind = chosen
    return kinds.parser_for(chosen, source.path).parse(source)


def document_quads(parsed: ParsedDocument) -> tuple[list[Quad], DocumentSummary]:
    attribution = attribute(parsed)
    out = GraphWriter(parsed.source.id, parsed.source.meta.language)
    map_source_document(parsed, attribution, out)
    mapping_for(parsed.kind)(parsed, out)
    out.extend(search_key_quads(out.quads()))
    quads = out.quads()
    facts: Counter[str] = Counter()
    for quad in quads:
        if quad.predicate.value == RDF + "type" and isinstance(quad.object, NamedNode) and quad.object.value not in _LAYOUT_CLASSES:
            facts[_local_name(quad.object.value)] += 1
    summary = DocumentSummary(
        doc_id=parsed.source.id,
        path=parsed.source.path,
        kind=parsed.kind,
        blocks=len(parsed.source.blocks),
        facts=facts,
        attributed=attribution.share,
        triples=len(quads),
        graph=out.graph.value,
    )
    return quads, summary


def _local_name(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


Progress = Callable[[DocumentSummary | BuildFailure], None]


def build(
    paths: Iterable[str | Path],
    store: GraphStore,
    *,
    kind: str | None = None,
    append: bool = False,
    progress: Progress | None = None,
) -> BuildReport:
    """Build the given documents into ``store`` as one atomic change.

    The store ends up holding exactly these documents (or, with ``append``,
    these added to what it held).  A document that fails is reported in the
    result and the others are still built.
    """
    report = BuildReport()
    inputs = resolve_inputs(paths)
    with store.writer(fresh=not append) as writer:
        for item in inputs:
            try:
                for source in load_input(item):
                    try:
                        parsed = parse_source(source, kind)
                        quads, summary = document_quads(parsed)
                    except TiaoliError as exc:
                        _fail(report, progress, source.path, str(exc) if str(exc).startswith(source.path) else f"{source.path}: {exc}")
                        continue
                    except Exception as exc:  # a parser bug must not sink the other documents
                        _fail(report, progress, source.path, f"{source.path}: internal error while parsing ({type(exc).__name__}: {exc}); please report it\n{traceback.format_exc(limit=-3)}")
                        continue
                    writer.replace_graph(summary.graph, quads)
                    report.documents.append(summary)
                    if progress:
                        progress(summary)
            except TiaoliError as exc:
                _fail(report, progress, str(item.path), str(exc))
    return report


def _fail(report: BuildReport, progress: Progress | None, path: str, message: str) -> None:
    failure = BuildFailure(path, message)
    report.failures.append(failure)
    if progress:
        progress(failure)
