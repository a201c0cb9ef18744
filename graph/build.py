"""The build pipeline: files → documents → domain models → named graphs → store.

Each stage is a plain function so it can be tested alone:

* :func:`resolve_inputs` — files and folders (with manifests) into a list of inputs;
* :func:`parse_source` — a loaded document into its kind's domain model;
* :func:`document_quads` — a domain model into the quads of its named graph;
* :func:`build` — all of it into a store, atomically, incrementally and in
  parallel; document failures reported, not fatal.
"""

from __future__ import annotations

import os
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Callable, Iterable, Iterator

import pyoxigraph as ox
from pyoxigraph import NamedNode, Quad

from ..extract import kinds
from ..extract.attribution import attribute
from ..extract.errors import InputError, TiaoliError
from ..extract.loaders import load_path
from ..extract.manifest import read_manifest
from ..extract.model import DocumentMeta, SourceDocument
from ..extract.parsers.base import ParsedDocument
from .mapping import mapping_for, pipeline_version
from .mapping.document import map_source_document
from . import iri, parallel
from .mapping.search_keys import search_key_quads
from .mapping.writer import GraphWriter
from .namespaces import GRAPH, PREFIXES, PROV, RDF, TL
from .store import GraphStore

SOURCE_SUFFIXES = {".txt", ".md", ".markdown", ".pdf", ".jsonl", ".html", ".htm"}
# Below this much input, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD_BYTES = 1_000_000
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


@dataclass(frozen=True)
class BuildFailure:
    path: str
    message: str
    doc_id: str | None = None  # when the document was loaded before it failed


@dataclass
class BuildReport:
    """What a build did.  ``documents`` are the ones parsed (new and changed); the lists name doc ids."""

    documents: list[DocumentSummary] = field(default_factory=list)
    failures: list[BuildFailure] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    new: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

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


def load_input(item: InputDocument, *, errors: str = "raise") -> Iterator[SourceDocument]:
    for source in load_path(item.path, doc_id=item.doc_id, errors=errors):
        if isinstance(source, InputError):
            yield source  # type: ignore[misc]  (only with errors="yield")
            continue
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


Progress = Callable[["DocumentSummary | BuildFailure | SkippedDocument"], None]


@dataclass(frozen=True)
class SkippedDocument:
    """A document whose source, metadata and parser are as they were when its graph was built."""

    doc_id: str
    path: str


@dataclass(frozen=True)
class _Task:
    """One document to parse and map, in the order it will be written."""

    source: SourceDocument
    status: str  # "new" | "changed"


@dataclass(frozen=True)
class _Built:
    summary: DocumentSummary
    nquads: bytes
    status: str


def build(
    paths: Iterable[str | Path],
    store: GraphStore,
    *,
    kind: str | None = None,
    append: bool = False,
    full: bool = False,
    jobs: int | None = None,
    progress: Progress | None = None,
) -> BuildReport:
    """Build the given documents into ``store`` as one atomic change.

    The store ends up holding exactly these documents (or, with ``append``,
    these added to what it held).  Documents are streamed: loaded, parsed,
    mapped and written one at a time, so memory does not grow with the corpus.

    Unless ``full`` is set the build is incremental: a document whose graph
    records the same content hash, parser version and metadata is not parsed
    again, and graphs of documents no longer among the inputs are removed.
    The result equals a full rebuild's.

    ``jobs`` worker processes parse and map (default: the core count, but
    one in-process worker for inputs too small to repay starting processes).
    Graphs are written in input order by this process, so the store's
    contents do not depend on ``jobs``.  A document that fails is reported
    in the result and the others are still built.
    """
    report = BuildReport()
    inputs = resolve_inputs(paths)
    previous = {} if full else recorded_documents(store)
    workers = _worker_count(jobs, inputs)
    seen: set[str] = set()
    with store.writer(fresh=full and not append) as writer:
        tasks = _tasks(inputs, kind, previous, seen, report, progress)
        for outcome in parallel.ordered_map(_parse_and_map, tasks, workers):
            if isinstance(outcome, BuildFailure):
                if outcome.doc_id:  # its old graph goes, as in a full rebuild
                    writer.remove_graph(iri.graph_iri(outcome.doc_id))
                _fail(report, progress, outcome)
                continue
            writer.replace_graph(outcome.summary.graph, outcome.nquads)
            getattr(report, outcome.status).append(outcome.summary.doc_id)
            report.documents.append(outcome.summary)
            if progress:
                progress(outcome.summary)
        if not append:
            for graph in sorted(set(previous) - seen):
                writer.remove_graph(graph)
                report.removed.append(previous[graph].doc_id)
    return report


def _worker_count(jobs: int | None, inputs: list[InputDocument]) -> int:
    if jobs is not None:
        return max(1, jobs)
    size = sum(item.path.stat().st_size for item in inputs)
    return (os.cpu_count() or 1) if size >= PARALLEL_THRESHOLD_BYTES else 1


def _tasks(
    inputs: list[InputDocument],
    kind: str | None,
    previous: dict[str, "RecordedDocument"],
    seen: set[str],
    report: BuildReport,
    progress: Progress | None,
) -> Iterator[_Task | BuildFailure]:
    """Load each input in turn and decide, before any parsing, whether it must be parsed."""
    for item in inputs:
        try:
            for source in load_input(item, errors="yield"):
                if isinstance(source, InputError):  # one bad record of a dump: the others still build
                    yield BuildFailure(str(item.path), str(source))
                    continue
                graph = iri.graph_iri(source.id)
                if graph in seen:
                    yield BuildFailure(source.path, f"{source.path}: document id {source.id!r} is used by an earlier input too; give one of them another id in the manifest")
                    continue
                seen.add(graph)
                try:
                    chosen = kind or source.meta.kind or kinds.detect_kind(source)
                    parser = kinds.parser_for(chosen, source.path)
                except TiaoliError as exc:
                    yield BuildFailure(source.path, _message(source.path, exc), source.id)
                    continue
                source.meta.kind = chosen
                recorded = previous.get(graph)
                if recorded is not None and is_unchanged(recorded.key, build_key(source, chosen, parser.version)):
                    report.unchanged.append(source.id)
                    if progress:
                        progress(SkippedDocument(source.id, source.path))
                    continue
                yield _Task(source, "new" if recorded is None else "changed")
        except TiaoliError as exc:
            yield BuildFailure(str(item.path), str(exc))


def _parse_and_map(task: _Task | BuildFailure) -> _Built | BuildFailure:
    """Runs in a worker process: everything it returns is plain picklable data."""
    if isinstance(task, BuildFailure):
        return task
    source = task.source
    try:
        parsed = parse_source(source)
        quads, summary = document_quads(parsed)
    except TiaoliError as exc:
        return BuildFailure(source.path, _message(source.path, exc), source.id)
    except Exception as exc:  # a parser bug must not sink the other documents
        return BuildFailure(
            source.path,
            f"{source.path}: internal error while parsing ({type(exc).__name__}: {exc}); please report it\n{traceback.format_exc(limit=-3)}",
            source.id,
        )
    return _Built(summary, ox.serialize(quads, format=ox.RdfFormat.N_QUADS), task.status)


def _message(path: str, exc: Exception) -> str:
    return str(exc) if str(exc).startswith(path) else f"{path}: {exc}"


# -- what the store holds already ------------------------------------------

@dataclass(frozen=True)
class RecordedDocument:
    doc_id: str
    key: tuple[str, ...]


def build_key(source: SourceDocument, kind: str, parser_version: str) -> tuple[str | None, ...]:
    """What a document's graph depends on, as its document node records it (see mapping/document.py).

    Metadata not given before parsing (no manifest entry) is ``None``: the
    parser reads it from the text, which the content hash already covers.
    """
    meta = source.meta
    return (source.content_hash, pipeline_version(kind, parser_version), PurePath(source.path).name, meta.title, meta.issuer, meta.date, meta.language)


def is_unchanged(recorded: tuple[str, ...], key: tuple[str | None, ...]) -> bool:
    return len(recorded) == len(key) and all(given is None or given == found for found, given in zip(recorded, key))


_RECORDED = """
SELECT ?g ?id ?hash ?version ?file ?title ?issuer ?date ?language WHERE {
  GRAPH ?g {
    ?doc a tl:SourceDocument ; tl:contentHash ?hash ; tl:parserVersion ?version ; tl:sourceFile ?file .
    OPTIONAL { ?doc dcterms:title ?title }
    OPTIONAL { ?doc dcterms:publisher ?issuer }
    OPTIONAL { ?doc dcterms:issued ?date }
    OPTIONAL { ?doc dcterms:language ?language }
  }
}
"""


def recorded_documents(store: GraphStore) -> dict[str, RecordedDocument]:
    """For each document graph in the live generation, the build key its document node records."""
    if store.live_generation() is None:
        return {}
    found: dict[str, RecordedDocument] = {}
    for row in store.store.query(_RECORDED, prefixes=PREFIXES):
        graph = row["g"].value
        doc_id = graph[len(GRAPH):]
        text = lambda name: row[name].value if row[name] is not None else ""  # noqa: E731
        found[graph] = RecordedDocument(doc_id, tuple(text(n) for n in ("hash", "version", "file", "title", "issuer", "date", "language")))
    store.close()
    return found


def _fail(report: BuildReport, progress: Progress | None, failure: BuildFailure) -> None:
    report.failures.append(failure)
    if progress:
        progress(failure)
