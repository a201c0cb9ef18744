"""Building one document's named graph from its domain model.

Mappings (one per document kind) call :class:`GraphWriter` to emit triples;
the writer puts them all in the document's named graph, mints span nodes for
provenance, and never sees source text except as quoted literals on spans.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Iterable

from pyoxigraph import Literal, NamedNode, Quad

from ...extract.model import Span
from .. import iri
from ..namespaces import prov, rdf, rdfs, tl, xsd

Term = NamedNode | Literal


def literal(value: object, *, lang: str | None = None, datatype: NamedNode | None = None) -> Literal:
    """An RDF literal with the XSD datatype that fits the Python value."""
    if datatype is not None:
        return Literal(str(value), datatype=datatype)
    if lang is not None:
        return Literal(str(value), language=lang)
    if isinstance(value, bool):
        return Literal("true" if value else "false", datatype=xsd.boolean)
    if isinstance(value, int):
        return Literal(str(value), datatype=xsd.integer)
    if isinstance(value, Decimal):
        return Literal(_decimal_lexical(value), datatype=xsd.decimal)
    if isinstance(value, float):
        return Literal(_decimal_lexical(Decimal(repr(value))), datatype=xsd.decimal)
    if isinstance(value, datetime.date):
        return Literal(value.isoformat(), datatype=xsd.date)
    return Literal(str(value))


def _decimal_lexical(value: Decimal) -> str:
    """Canonical xsd:decimal lexical form: no exponent, at least one fractional digit."""
    text = format(value.normalize(), "f")
    if "." not in text:
        text += ".0"
    return text


def date_literal(iso: str) -> Literal:
    """xsd:date, xsd:gYearMonth or xsd:gYear depending on how much of the date is known."""
    parts = iso.split("-")
    datatype = {1: xsd.gYear, 2: xsd.gYearMonth}.get(len(parts), xsd.date)
    return Literal(iso, datatype=datatype)


class GraphWriter:
    """Collects the quads of one document's named graph."""

    def __init__(self, doc_id: str, language: str | None = None):
        self.doc_id = doc_id
        self.graph = NamedNode(iri.graph_iri(doc_id))
        self.document = NamedNode(iri.document_iri(doc_id))
        self.language = language
        self._quads: dict[Quad, None] = {}
        self._spans: set[str] = set()

    # -- plain triples ---------------------------------------------------
    def add(self, subject: NamedNode, predicate: NamedNode, obj: Term | None) -> None:
        if obj is None:
            return
        self._quads.setdefault(Quad(subject, predicate, obj, self.graph), None)

    def add_value(self, subject: NamedNode, predicate: NamedNode, value: object, **kwargs: object) -> None:
        """Add a literal built from a Python value; ``None`` adds nothing."""
        if value is None:
            return
        self.add(subject, predicate, literal(value, **kwargs))  # type: ignore[arg-type]

    def add_text(self, subject: NamedNode, predicate: NamedNode, text: str | None) -> None:
        """A language-tagged Chinese text literal (the document's language tag)."""
        if text is None or text == "":
            return
        self.add(subject, predicate, literal(text, lang=self.language) if self.language else literal(text))

    def node(self, *parts: object) -> NamedNode:
        """An IRI minted inside this document: ``id/doc/<doc>/<parts…>``."""
        return NamedNode(iri.mint("doc", self.doc_id, *parts))

    def typed(self, node: NamedNode, *classes: NamedNode, label: str | None = None) -> NamedNode:
        for cls in classes:
            self.add(node, rdf.type, cls)
        if label:
            self.add_text(node, rdfs.label, label)
        return node

    # -- provenance --------------------------------------------------------
    def span(self, span: Span) -> NamedNode:
        """The node of a source span, emitted once with its offsets and quoted text."""
        node = NamedNode(iri.span_iri(self.doc_id, span.start, span.end))
        if node.value not in self._spans:
            self._spans.add(node.value)
            self.add(node, rdf.type, tl.SourceSpan)
            self.add(node, tl.inDocument, self.document)
            self.add_value(node, tl.startOffset, span.start)
            self.add_value(node, tl.endOffset, span.end)
            self.add_value(node, tl.line, span.line)
            if span.page is not None:
                self.add_value(node, tl.page, span.page)
            self.add(node, tl.quotedText, Literal(span.text))
        return node

    def derived_from(self, node: NamedNode, *spans: Span | None) -> None:
        """Link a fact to the source spans it was read from (prov:wasDerivedFrom)."""
        for span in spans:
            if span is not None:
                self.add(node, prov.wasDerivedFrom, self.span(span))

    def fact(self, node: NamedNode, cls: NamedNode, span: Span | None, *, label: str | None = None) -> NamedNode:
        """A typed fact node with its provenance."""
        self.typed(node, cls, label=label)
        self.derived_from(node, span)
        return node

    # -- output ----------------------------------------------------------------
    def quads(self) -> list[Quad]:
        return list(self._quads)

    def extend(self, quads: Iterable[Quad]) -> None:
        for quad in quads:
            self._quads.setdefault(quad, None)

    def __len__(self) -> int:
        return len(self._quads)
