"""Serialising the store: pyoxigraph for the RDF formats, rdflib for compacted JSON-LD."""

from __future__ import annotations

import json

import pyoxigraph as ox

from ..schema import jsonld_context
from .namespaces import PREFIXES
from .store import GraphStore


def export_bytes(store: GraphStore, fmt: str) -> bytes:
    if fmt == "nquads":
        return store.dump_nquads()
    if fmt == "trig":
        return ox.serialize(_sorted_quads(store), format=ox.RdfFormat.TRIG, prefixes=PREFIXES)
    if fmt == "turtle":
        triples = sorted({ox.Triple(q.subject, q.predicate, q.object) for q in store.quads()}, key=str)
        return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    if fmt == "jsonld":
        return jsonld_bytes(store.dump_nquads())
    raise ValueError(f"unknown export format {fmt!r}")


def _sorted_quads(store: GraphStore) -> list[ox.Quad]:
    return sorted(store.quads(), key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))


def jsonld_bytes(nquads: bytes) -> bytes:
    """JSON-LD compacted with tiaoli's context (rdflib does the compaction)."""
    from rdflib import Dataset

    dataset = Dataset()
    dataset.parse(data=nquads, format="nquads")
    context = jsonld_context()
    text = dataset.serialize(format="json-ld", context=context, auto_compact=True)
    return json.dumps(json.loads(text), ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8") + b"\n"
