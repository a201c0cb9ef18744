"""Finding the source span of a node, or of a text a query returned.

Facts point to spans (``prov:wasDerivedFrom`` a ``tl:SourceSpan`` with
offsets, line, page and quoted text).  A query row that carries only the
text of a fact is located by that text: an exact quoted span if there is
one; else the node that carries the text (found by its stored search key,
so reflowed or joined text still matches) and that node's span; else the
narrowest span whose quoted text contains it, cut to the exact sub-range
(quoted text is the source verbatim, so offsets add up).
"""

from __future__ import annotations

import pyoxigraph as ox

from .extract.normalise.variants import search_key
from .graph.store import GraphStore
from .records import Citation
from .values import IRI, to_python

_SPAN_FIELDS = """
  ?span tl:inDocument ?doc ; tl:startOffset ?start ; tl:endOffset ?end ; tl:quotedText ?quoted .
  OPTIONAL { ?span tl:line ?line }
  OPTIONAL { ?span tl:page ?page }
  OPTIONAL { ?doc dcterms:title ?title }
  OPTIONAL { ?doc tl:sourceFile ?file }
"""

NODE_SPANS = f"""
SELECT ?node ?span ?doc ?start ?end ?line ?page ?quoted ?title ?file WHERE {{
  VALUES ?node {{ %s }}
  ?node prov:wasDerivedFrom ?span .
  {_SPAN_FIELDS}
}} ORDER BY ?node ?start ?end
"""

SPAN_ITSELF = f"""
SELECT ?span ?doc ?start ?end ?line ?page ?quoted ?title ?file WHERE {{
  VALUES ?span {{ <%s> }}
  {_SPAN_FIELDS}
}}
"""

EXACT_TEXT = f"""
SELECT ?text ?span ?doc ?start ?end ?line ?page ?quoted ?title ?file WHERE {{
  ?span tl:quotedText ?text .
  {_SPAN_FIELDS}
}} ORDER BY ?start LIMIT 1
"""

CONTAINING_TEXT = f"""
SELECT ?text ?span ?doc ?start ?end ?line ?page ?quoted ?title ?file WHERE {{
  ?span a tl:SourceSpan ; tl:quotedText ?quoted .
  FILTER(CONTAINS(?quoted, ?text))
  {_SPAN_FIELDS}
}} ORDER BY (?end - ?start) ?start LIMIT 1
"""

# The first span found, not the narrowest: no sort over every span, for quick look-ups.
ANY_CONTAINING_TEXT = CONTAINING_TEXT.replace("ORDER BY (?end - ?start) ?start LIMIT 1", "LIMIT 1")


NODES_BY_KEY = """
SELECT ?key ?node ?type ?number WHERE {
  ?node tl:searchKey ?key .
  OPTIONAL { ?node a ?type }
  OPTIONAL { ?node eli:number ?number }
}
"""


def _citation(solution: ox.QuerySolution, text: str | None = None) -> Citation:
    v = {name: to_python(solution[name]) for name in ("span", "doc", "start", "end", "line", "page", "quoted", "title", "file")}
    start, end, line, quoted = v["start"], v["end"], v["line"], v["quoted"]
    if text is not None and text != quoted:
        offset = quoted.find(text)
        if offset >= 0:
            line = line + quoted[:offset].count("\n") if line is not None else None
            start, end, quoted = start + offset, start + offset + len(text), text
    return Citation(
        document=v["doc"], document_title=v["title"], source_file=v["file"], start=start, end=end,
        line=line, page=v["page"], text=quoted, span=v["span"],
    )


def cite_nodes(store: GraphStore, nodes: list[str]) -> dict[str, list[Citation]]:
    """The spans each node was derived from, in document order (one query for all of them)."""
    found: dict[str, list[Citation]] = {}
    for start in range(0, len(nodes), 500):
        values = " ".join(f"<{ox.NamedNode(n).value}>" for n in nodes[start : start + 500])  # validated IRIs
        for s in store.query(NODE_SPANS % values).raw:  # type: ignore[attr-defined]
            found.setdefault(s["node"].value, []).append(_citation(s))
    return found


def cite_node(store: GraphStore, node: str) -> list[Citation]:
    """The spans a node was derived from (or the span itself), in document order."""
    found = cite_nodes(store, [node]).get(node, [])
    if not found:
        iri = ox.NamedNode(node).value
        found = [_citation(s) for s in store.query(SPAN_ITSELF % iri).raw]  # type: ignore[attr-defined]
    return found


def _exact_text(store: GraphStore, text: str) -> Citation | None:
    for solution in store.query(EXACT_TEXT, substitutions={"text": ox.Literal(text)}).raw:  # type: ignore[attr-defined]
        return _citation(solution, text)
    return None


def _containing_text(store: GraphStore, text: str, narrowest: bool = True) -> Citation | None:
    """The narrowest (or the first) span whose quoted text contains ``text``, cut to it."""
    query = CONTAINING_TEXT if narrowest else ANY_CONTAINING_TEXT
    for solution in store.query(query, substitutions={"text": ox.Literal(text)}).raw:  # type: ignore[attr-defined]
        return _citation(solution, text)
    return None


def nodes_with_text(store: GraphStore, text: str, cls: str | None = None, number: str | None = None) -> list[str]:
    """Nodes carrying ``text`` (found by its search key), of class ``cls`` and ``eli:number`` ``number`` if given."""
    key = search_key(text)
    if not key:
        return []
    rows = store.query(NODES_BY_KEY, substitutions={"key": ox.Literal(key)}).raw  # type: ignore[attr-defined]
    found = []
    for row in rows:
        if cls is not None and (row["type"] is None or row["type"].value != cls):
            continue
        if number is not None and (row["number"] is None or row["number"].value != str(number)):
            continue
        found.append(row["node"].value)
    return sorted(set(found))


def first_occurrence(store: GraphStore, text: str) -> Citation | None:
    """Some span quoting ``text``, cut to it: where a shared node's name (a role, an act) appears."""
    return _exact_text(store, text) or _containing_text(store, text, narrowest=False)


def source_of(store: GraphStore, *, node: str | None = None, text: str | None = None, cls: str | None = None, number: str | None = None) -> Citation | None:
    """A fact's citation: the span quoting its text; else the spans of the node carrying that text; else its node's."""
    found = None
    if text:
        found = _exact_text(store, text)
        if found is None:
            for candidate in nodes_with_text(store, text, cls, number)[:1]:
                spans = cite_node(store, candidate)
                found = spans[0] if spans else None
        if found is None:
            found = _containing_text(store, text)
    if found is None and isinstance(node, IRI):
        spans = cite_node(store, node)
        found = spans[0] if spans else None
    return found
