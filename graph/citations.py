"""The citation network of the statutes in a store, as a networkx directed graph.

Nodes are articles (``kind`` "article", labelled `<act title> 第 N 條`) and acts
cited by title (``kind`` "act"); an edge A → B with ``weight`` n says that A cites
B n times (a provision of A citing a provision of B, relative references resolved,
a cited chapter counted once for each of its articles).  Citations inside one
article (前項, 第一項) are not edges: they do not link provisions across articles.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import networkx as nx

from .store import GraphStore

CITATIONS_QUERY = """
PREFIX tl: <https://w3id.org/tiaoli/ontology#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
SELECT ?citation ?from ?fromNumber ?fromTitle ?to ?toNumber ?toTitle ?toKind
WHERE {
  ?citation a tl:Citation ; tl:citingProvision ?fromProvision .
  ?fromProvision tl:article ?from .
  ?from a tl:Article ; eli:number ?fromNumber ; tl:expression ?fromExpression .
  ?fromExpression eli:title ?fromTitle .
  {
    ?citation tl:citedProvision ?toProvision .
    ?toProvision tl:article ?to .
    ?to a tl:Article ; eli:number ?toNumber ; tl:expression ?toExpression .
    ?toExpression eli:title ?toTitle .
    BIND("article" AS ?toKind)
  } UNION {
    ?citation tl:citedAct ?to .
    ?to a tl:ExternalAct ; eli:title ?toTitle .
    BIND("act" AS ?toKind)
  }
}
"""


@dataclass(frozen=True, slots=True)
class CitedProvision:
    node: str
    label: str
    cited_by: int  # citations received from other articles


def _article_label(title: str, number: str) -> str:
    return f"{title} 第 {number} 條"


def citation_graph(store: GraphStore) -> nx.DiGraph:
    """The citation network of every act in ``store``."""
    graph = nx.DiGraph()
    weights: Counter[tuple[str, str]] = Counter()
    seen: set[tuple[str, str, str]] = set()
    for row in store.query(CITATIONS_QUERY).raw:
        source, target = row["from"].value, row["to"].value
        key = (row["citation"].value, source, target)
        if source == target or key in seen:
            continue
        seen.add(key)
        from_title, from_number = row["fromTitle"].value, row["fromNumber"].value
        graph.add_node(source, kind="article", act=from_title, number=from_number, label=_article_label(from_title, from_number))
        to_title, kind = row["toTitle"].value, row["toKind"].value
        if kind == "article":
            number = row["toNumber"].value
            graph.add_node(target, kind="article", act=to_title, number=number, label=_article_label(to_title, number))
        else:
            graph.add_node(target, kind="act", act=to_title, number="", label=to_title)
        weights[(source, target)] += 1
    for (source, target), weight in sorted(weights.items()):
        graph.add_edge(source, target, weight=weight)
    return graph


def most_cited(graph: nx.DiGraph, top: int = 10) -> list[CitedProvision]:
    """The ``top`` nodes by citations received, most first (ties in label order)."""
    ranked = sorted(
        (CitedProvision(node, graph.nodes[node]["label"], int(graph.in_degree(node, weight="weight")))
         for node in graph.nodes if graph.in_degree(node) > 0),
        key=lambda c: (-c.cited_by, c.label),
    )
    return ranked[:top]
