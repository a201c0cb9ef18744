"""Variant-insensitive search over the ``tl:searchKey`` keys stored in the graph.

The query text is folded with the same function the build used
(:func:`tiaoli.extract.normalise.variants.search_key`), so 会计凭证 finds
會計憑證 and 綫 finds 線.  Hits show the node's text exactly as printed: the
match is recomputed on the node's own literals to say which one matched.
"""

from __future__ import annotations

import re
from typing import Iterable

import pyoxigraph as ox

from .extract.normalise.variants import search_key
from .graph.namespaces import DCTERMS, ELI, RDFS, SKOS, TL
from .graph.store import GraphStore
from .records import SearchHit
from .values import IRI, to_python

MATCHING_NODES = """
SELECT ?q ?node (MAX(?key = ?q) AS ?exact) WHERE {
  ?node tl:searchKey ?key .
  FILTER(CONTAINS(?key, ?q))
} GROUP BY ?q ?node
"""

NODE_TEXT = """
SELECT ?node ?p ?o WHERE {
  VALUES ?node { %s }
  { ?node ?p ?o FILTER(isLiteral(?o) && ?p != tl:searchKey) }
  UNION
  { ?node a ?o BIND(rdf:type AS ?p) }
}
"""

LABEL_PREDICATES = (SKOS + "prefLabel", RDFS + "label", DCTERMS + "title", ELI + "title", TL + "term", TL + "name")
# Search hits are ranked by what they are: what a reader looks a word up for comes first.
KIND_ORDER = ("Term", "Definition", "Role", "Article", "Programme", "Metric")
_GENERIC_TYPES = ("http://www.w3.org/ns/prov#", "http://www.w3.org/2002/07/owl#", SKOS)
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def search_graph(store: GraphStore, text: str, *, kinds: Iterable[str] | None = None, limit: int | None = None) -> list[SearchHit]:
    key = search_key(text)
    if not key:
        return []
    found = {
        to_python(s["node"]): bool(to_python(s["exact"]))
        for s in store.query(MATCHING_NODES, substitutions={"q": ox.Literal(key)}).raw  # type: ignore[attr-defined]
        if isinstance(s["node"], ox.NamedNode)
    }
    if not found:
        return []
    literals: dict[str, list[tuple[str, str]]] = {n: [] for n in found}
    types: dict[str, list[str]] = {n: [] for n in found}
    nodes = sorted(found)
    for start in range(0, len(nodes), 500):
        values = " ".join(f"<{n}>" for n in nodes[start : start + 500])
        for s in store.query(NODE_TEXT % values).raw:  # type: ignore[attr-defined]
            node, pred, obj = to_python(s["node"]), s["p"].value, s["o"]
            if isinstance(obj, ox.NamedNode):
                types[node].append(obj.value)
            else:
                literals[node].append((pred, obj.value))
    wanted = {k.lower() for k in kinds} if kinds else None
    hits = []
    for node in nodes:
        kind = _kind(types[node])
        if wanted is not None and kind.lower() not in wanted:
            continue
        texts = sorted(literals[node])
        matched = next((v for _, v in texts if key in search_key(v)), "")
        labels = [v for p in LABEL_PREDICATES for q, v in texts if q == p]
        label = next((v for v in labels if has_cjk(v)), labels[0] if labels else matched)
        hits.append(SearchHit(IRI(node), kind, label, matched, found[node], tuple(IRI(t) for t in sorted(set(types[node])))))
    hits.sort(key=lambda h: (not h.exact, _kind_rank(h.kind), _natural(h.node)))
    return hits[:limit] if limit is not None else hits


def has_cjk(text: str) -> bool:
    return bool(_CJK.search(text))


def _kind(types: list[str]) -> str:
    """The local name of the most telling type: tiaoli's own before the standards it refines."""
    ranked = sorted(set(types), key=lambda t: (not t.startswith(TL), t.startswith(_GENERIC_TYPES), t))
    if not ranked:
        return "Resource"
    return ranked[0].rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _natural(iri: str) -> tuple:
    """Sort key that puts …/art/9 before …/art/10."""
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", iri))


def _kind_rank(kind: str) -> int:
    return KIND_ORDER.index(kind) if kind in KIND_ORDER else len(KIND_ORDER)
