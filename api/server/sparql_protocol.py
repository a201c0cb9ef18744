"""SPARQL 1.1 Protocol rules that need no store: media types, negotiation, refusals, service description.

Everything here is a pure function so the rules can be tested alone; the
query itself runs in a worker process (:mod:`tiaoli.server.worker`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pyoxigraph as ox

from ..graph.namespaces import PREFIXES

SELECT_TYPES: dict[str, ox.QueryResultsFormat] = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
# Media types clients commonly send for the same formats.
SELECT_ALIASES = {"application/json": "application/sparql-results+json", "application/xml": "application/sparql-results+xml", "text/xml": "application/sparql-results+xml"}
GRAPH_TYPES: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}
GRAPH_ALIASES = {"text/plain": "application/n-triples", "application/x-turtle": "text/turtle", "application/json": "application/ld+json"}


class ProtocolError(Exception):
    """A request the endpoint refuses; ``status`` is the HTTP status to answer with."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class QueryRequest:
    query: str
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """Media ranges of an Accept header with their q values, best first (order kept among equals)."""
    ranges = []
    for position, part in enumerate((header or "*/*").split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        q = 1.0
        for param in fields[1:]:
            name, _, value = param.partition("=")
            if name.strip() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        ranges.append((media, q, position))
    ranges.sort(key=lambda r: (-r[1], r[2]))
    return [(m, q) for m, q, _ in ranges]


def negotiate(header: str | None, offered: list[str], aliases: dict[str, str] | None = None) -> str | None:
    """The offered media type the client prefers; on a wildcard, the first offered; ``None`` if none is acceptable.

    An exact (or aliased) match beats a wildcard of the same q value, so a
    browser's ``text/html, */*;q=0.8`` gets HTML and curl's ``*/*`` gets the
    server's first choice.
    """
    aliases = aliases or {}
    best: tuple[float, int, int] | None = None
    chosen = None
    for index, media in enumerate(offered):
        for rng, q in parse_accept(header):
            rng = aliases.get(rng, rng)
            if q <= 0:
                continue
            if rng == media:
                rank = (q, 2, -index)
            elif rng == "*/*" or (rng.endswith("/*") and media.startswith(rng[:-1])):
                rank = (q, 1 if rng != "*/*" else 0, -index)
            else:
                continue
            if best is None or rank > best:
                best, chosen = rank, media
            break
    return chosen


def request_from_params(params: list[tuple[str, str]]) -> QueryRequest:
    """The query of a GET query string or an urlencoded POST body.

    A text sent as ``update`` is taken as a query candidate: SPARQLWrapper
    (2.0) mistakes queries whose comments contain words such as "removed" or
    "added" for updates and sends them that way.  Such a text still has to
    pass :func:`check_read_only`, so a real update is refused all the same.
    """
    texts = [v for k, v in params if k in ("query", "update")]
    if len(texts) != 1:
        raise ProtocolError(400, "exactly one 'query' parameter is required" if texts else "missing 'query' parameter (a SPARQL query)")
    return QueryRequest(
        texts[0],
        tuple(v for k, v in params if k in ("default-graph-uri", "using-graph-uri")),
        tuple(v for k, v in params if k in ("named-graph-uri", "using-named-graph-uri")),
    )


# -- read-only checks ----------------------------------------------------------------------
_UPDATE_WORDS = ("LOAD", "INSERT", "DELETE", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY")
# Strings, IRIs and comments, whose contents must not be read as keywords.
_OPAQUE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r'|<[^<>"{}|^`\\\s]*>'
    r"|#[^\n]*",
)
_KEYWORD = r"(?<![\w?$:.\-]){word}(?![\w:\-])"


def keywords_outside_literals(sparql: str, words: tuple[str, ...]) -> set[str]:
    """Which of ``words`` occur as keywords (case-insensitive), not inside strings, IRIs, comments or names."""
    bare = _OPAQUE.sub(" ", sparql)
    return {w for w in words if re.search(_KEYWORD.format(word=w), bare, re.IGNORECASE)}


def check_read_only(sparql: str) -> None:
    """Refuse updates (LOAD among them) and federated queries (SERVICE) before anything runs.

    The query is parsed with rdflib's SPARQL grammar and its parse tree
    searched for SERVICE; a text rdflib cannot parse is checked at the token
    level (strings, IRIs and comments removed).  pyoxigraph then parses it
    again to run it, so a text that is not a query never runs.
    """
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        tree = parseQuery(sparql)
    except Exception:
        tree = None
    if tree is None:
        try:
            update = parseUpdate(sparql)
        except Exception:
            update = None
        if update is not None or keywords_outside_literals(sparql, _UPDATE_WORDS):
            if "LOAD" in keywords_outside_literals(sparql, ("LOAD",)):
                raise ProtocolError(403, "LOAD is not allowed: this endpoint is read-only and makes no outbound requests")
            if update is not None:
                raise ProtocolError(403, "SPARQL Update is not allowed: this endpoint is read-only")
        if keywords_outside_literals(sparql, ("SERVICE",)):
            raise ProtocolError(403, "SERVICE (federated query) is not allowed: this endpoint makes no outbound requests")
        return
    if _has_service(tree):
        raise ProtocolError(403, "SERVICE (federated query) is not allowed: this endpoint makes no outbound requests")


def _has_service(node: object) -> bool:
    if getattr(node, "name", None) == "ServiceGraphPattern":
        return True
    if isinstance(node, dict):
        return any(_has_service(v) for v in node.values())
    if isinstance(node, (list, tuple)) or type(node).__name__ == "ParseResults":
        return any(_has_service(v) for v in node)
    return False


# -- service description ---------------------------------------------------------------------
def service_description(endpoint: str) -> str:
    """SPARQL 1.1 Service Description of this endpoint, in Turtle."""
    formats = ", ".join(f"formats:{f}" for f in (
        "SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
        "Turtle", "N-Triples", "JSON-LD", "RDF_XML",
    ))
    predeclared = "".join(f"#   {p}: <{iri}>\n" for p, iri in PREFIXES.items())
    return (
        "@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .\n"
        "@prefix formats: <http://www.w3.org/ns/formats/> .\n"
        "@prefix dcterms: <http://purl.org/dc/terms/> .\n\n"
        f"<{endpoint}> a sd:Service ;\n"
        f"  sd:endpoint <{endpoint}> ;\n"
        '  dcterms:title "tiaoli knowledge graph (read-only)" ;\n'
        "  sd:supportedLanguage sd:SPARQL11Query ;\n"
        "  sd:feature sd:UnionDefaultGraph ;\n"
        f"  sd:resultFormat {formats} ;\n"
        "  sd:defaultDataset [ a sd:Dataset ; sd:defaultGraph [ a sd:Graph ] ] .\n\n"
        "# The default graph is the union of every document's named graph.\n"
        "# SPARQL Update, LOAD and SERVICE are refused.  Predeclared prefixes:\n" + predeclared
    )
