"""What an entity page shows, read from the store: properties, links, and source text in context.

The context comes from the graph alone: every text block of a document is
in the graph with its span (offsets and quoted text), so the blocks around a
fact's span rebuild the passage without the source file.
"""

from __future__ import annotations

import pyoxigraph as ox

from ..graph.namespaces import DCTERMS, PROV, RDF, RDFS, SKOS, TL
from ..graph.store import GraphStore
from ..search import has_cjk

LABELS = (SKOS + "prefLabel", RDFS + "label", DCTERMS + "title", TL + "term", TL + "heading", TL + "text")
MAX_LINKS = 300
CONTEXT_CHARS = 400

CONTEXT_BLOCKS = """
SELECT ?start ?end ?text WHERE {
  ?block a tl:TextBlock ; tl:inDocument <%s> ; prov:wasDerivedFrom ?span .
  ?span tl:startOffset ?start ; tl:endOffset ?end ; tl:quotedText ?text .
  FILTER(?end > %d && ?start < %d)
} ORDER BY ?start
"""


def _term(term: object, store: ox.Store | None = None) -> dict:
    if isinstance(term, ox.NamedNode):
        out = {"type": "uri", "value": term.value}
        if store is not None:
            label = label_of(store, term)
            if label:
                out["label"] = label
        return out
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["lang"] = term.language
        elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            out["datatype"] = term.datatype.value
        return out
    return {"type": "bnode", "value": str(term)}


def label_of(store: ox.Store, node: ox.NamedNode, limit: int = 60) -> str | None:
    """A name to show for a node: its Chinese label if it has one, else its text, cut at ``limit``."""
    for predicate in LABELS:
        values = sorted(q.object.value for q in store.quads_for_pattern(node, ox.NamedNode(predicate), None, None))
        if values:
            text = next((v for v in values if has_cjk(v)), values[0])
            return text if len(text) <= limit else text[: limit - 1] + "…"
    return None


def _int(store: ox.Store, node: ox.NamedNode, predicate: str) -> int | None:
    for quad in store.quads_for_pattern(node, ox.NamedNode(TL + predicate), None, None):
        return int(quad.object.value)
    return None


def _span(owner: GraphStore, node: ox.NamedNode) -> dict | None:
    store = owner.store
    start, end = _int(store, node, "startOffset"), _int(store, node, "endOffset")
    docs = [q.object for q in store.quads_for_pattern(node, ox.NamedNode(TL + "inDocument"), None, None)]
    quoted = [q.object.value for q in store.quads_for_pattern(node, ox.NamedNode(TL + "quotedText"), None, None)]
    if start is None or end is None or not docs or not quoted:
        return None
    doc = docs[0]
    blocks = [
        {"start": int(s["start"].value), "end": int(s["end"].value), "text": s["text"].value}
        for s in owner.query(CONTEXT_BLOCKS % (doc.value, start - CONTEXT_CHARS, end + CONTEXT_CHARS)).raw  # type: ignore[attr-defined]
    ]
    return {
        "span": node.value,
        "document": _term(doc, store),
        "source_file": next((q.object.value for q in store.quads_for_pattern(doc, ox.NamedNode(TL + "sourceFile"), None, None)), None),
        "start": start,
        "end": end,
        "line": _int(store, node, "line"),
        "page": _int(store, node, "page"),
        "text": quoted[0],
        "context": _around(blocks, start, end),
    }


def _around(blocks: list[dict], start: int, end: int) -> list[dict]:
    """The blocks the span overlaps, with the nearest block before and after it."""
    inside = [i for i, b in enumerate(blocks) if b["end"] > start and b["start"] < end]
    if not inside:
        before = [i for i, b in enumerate(blocks) if b["end"] <= start]
        after = [i for i, b in enumerate(blocks) if b["start"] >= end]
        inside = before[-1:] + after[:1]
        if not inside:
            return []
        return blocks[inside[0] : inside[-1] + 1]
    return blocks[max(0, inside[0] - 1) : inside[-1] + 2]


def entity_view(owner: GraphStore, iri: str) -> dict:
    store = owner.store
    node = ox.NamedNode(iri)
    quads = sorted(set((q.predicate.value, q.object) for q in store.quads_for_pattern(node, None, None, None)), key=lambda pq: (pq[0], str(pq[1])))
    incoming = sorted(set((q.subject, q.predicate.value) for q in store.quads_for_pattern(None, None, node, None)), key=lambda sp: (sp[1], str(sp[0])))
    graphs = sorted({q.graph_name.value for q in store.quads_for_pattern(node, None, None, None) if isinstance(q.graph_name, ox.NamedNode)})
    types = [o.value for p, o in quads if p == RDF + "type" and isinstance(o, ox.NamedNode)]
    span_nodes = [o for p, o in quads if p == PROV + "wasDerivedFrom" and isinstance(o, ox.NamedNode)]
    if TL + "SourceSpan" in types:
        span_nodes = [node]
    spans = [s for s in (_span(owner, n) for n in span_nodes) if s is not None]
    spans.sort(key=lambda s: (s["document"]["value"], s["start"]))
    return {
        "iri": iri,
        "found": bool(quads or incoming),
        "label": label_of(store, node),
        "types": types,
        "graphs": graphs,
        "properties": [{"predicate": p, "object": _term(o, store)} for p, o in quads[:MAX_LINKS]],
        "incoming": [{"subject": _term(s, store), "predicate": p} for s, p in incoming[:MAX_LINKS]],
        "incoming_total": len(incoming),
        "spans": spans,
    }
