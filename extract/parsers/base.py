"""What every document-kind parser provides, and what it hands to the RDF mapping."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Iterator, Protocol

from ..model import Span, SourceDocument


@dataclass(frozen=True, slots=True)
class DataQualityNote:
    """A flaw in the source as published (typo, stray Simplified character, OCR slip).

    The source text is kept as it is; the note records what looks wrong.
    """

    kind: str  # "simplified-character", "typo", "inconsistent-name", "ocr", …
    description: str
    span: Span


@dataclass(slots=True)
class ParsedDocument:
    """A parser's output: the typed domain model of one source document."""

    source: SourceDocument
    kind: str
    parser_version: str
    root: Any  # the kind's domain model (an Act, a Report, a Paper…)
    notes: list[DataQualityNote] = field(default_factory=list)


class Parser(Protocol):
    kind: str
    version: str

    def detect(self, doc: SourceDocument) -> float:
        """How confident (0–1) this parser is that ``doc`` is of its kind."""

    def parse(self, doc: SourceDocument) -> ParsedDocument:
        """The domain model of ``doc``; raise InputError if it is not of this kind."""


def iter_spans(obj: Any, _seen: set[int] | None = None) -> Iterator[Span]:
    """Every Span reachable from a domain object (dataclasses, lists, tuples, dicts)."""
    seen = _seen if _seen is not None else set()
    if isinstance(obj, Span):
        yield obj
        return
    if isinstance(obj, (str, bytes, int, float, bool)) or obj is None:
        return
    if id(obj) in seen:
        return
    seen.add(id(obj))
    if isinstance(obj, SourceDocument):
        return  # the source's own block spans are layout, not facts
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            yield from iter_spans(getattr(obj, f.name), seen)
    elif isinstance(obj, dict):
        for value in obj.values():
            yield from iter_spans(value, seen)
    elif isinstance(obj, (list, tuple, set, frozenset)):
        for value in obj:
            yield from iter_spans(value, seen)
