"""Variant-folded search keys (``tl:searchKey``) for every node that carries Chinese text.

Run once over a document's finished quads, whatever its kind, so a kind's
mapping does not have to remember it: each Chinese literal of a fact node
(labels, titles, terms, article and clause text, programme names …) gets the
OpenCC-folded key of its text beside it.  The literal itself is never changed;
the key only serves matching (``会计凭证`` finds 會計憑證, 綫 finds 線).

Source spans and layout blocks get no keys: their quoted text is the raw
document, and every fact read from it is keyed on its own node.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from pyoxigraph import Literal, NamedNode, Quad

from ...extract.normalise.variants import search_key
from ..namespaces import RDF, TL

SEARCH_KEY = NamedNode(TL + "searchKey")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_UNKEYED_CLASSES = {TL + c for c in ("SourceSpan", "TextBlock", "RemovedText")}
# Literals that are identifiers or raw copies of the source, not names or text of a fact.
_UNKEYED_PREDICATES = {TL + p for p in ("quotedText", "searchKey", "sourceFile", "contentHash", "parserVersion", "encoding")}


def search_key_quads(quads: Iterable[Quad]) -> list[Quad]:
    """The ``tl:searchKey`` quads to add for ``quads`` (one document's graph).

    A text that another text of the same node contains (a norm's condition
    inside its clause) adds nothing a search could not already find, so it
    gets no key of its own: folding is the costly part of a large build.
    """
    quads = list(quads)
    unkeyed = {q.subject for q in quads if q.predicate.value == RDF + "type" and isinstance(q.object, NamedNode) and q.object.value in _UNKEYED_CLASSES}
    texts: dict[tuple, dict[str, None]] = {}
    for quad in quads:
        obj = quad.object
        if not isinstance(obj, Literal) or quad.subject in unkeyed or quad.predicate.value in _UNKEYED_PREDICATES:
            continue
        if _CJK.search(obj.value):
            texts.setdefault((quad.subject, quad.graph_name), {})[obj.value] = None
    keys: dict[Quad, None] = {}
    for (subject, graph), found in texts.items():
        for text in found:
            if any(text != other and text in other for other in found):
                continue
            key = _folded(text)
            if key:
                keys.setdefault(Quad(subject, SEARCH_KEY, Literal(key), graph), None)
    return list(keys)


@lru_cache(maxsize=65536)
def _folded(text: str) -> str:
    return search_key(text)  # an article's text recurs as its only paragraph's, a role's name in every norm
