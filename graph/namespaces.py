"""Namespace IRIs used by the graph: tiaoli's own and the standards it aligns to."""

from __future__ import annotations

from pyoxigraph import NamedNode

BASE = "https://w3id.org/tiaoli/"
ID = BASE + "id/"  # every minted resource
GRAPH = BASE + "graph/"  # one named graph per source document
TL = BASE + "ontology#"

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL = "http://www.w3.org/2002/07/owl#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV = "http://www.w3.org/ns/prov#"
DCTERMS = "http://purl.org/dc/terms/"
ELI = "http://data.europa.eu/eli/ontology#"
QB = "http://purl.org/linked-data/cube#"
SDO = "https://schema.org/"
ORG = "http://www.w3.org/ns/org#"
TIME = "http://www.w3.org/2006/time#"
ODRL = "http://www.w3.org/ns/odrl/2/"
SH = "http://www.w3.org/ns/shacl#"
OA = "http://www.w3.org/ns/oa#"

PREFIXES: dict[str, str] = {
    "tl": TL,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "owl": OWL,
    "skos": SKOS,
    "prov": PROV,
    "dcterms": DCTERMS,
    "eli": ELI,
    "qb": QB,
    "schema": SDO,
    "org": ORG,
    "time": TIME,
    "odrl": ODRL,
    "oa": OA,
}


class Namespace:
    """Attribute access to terms of one vocabulary: ``TLNS.Article`` → NamedNode."""

    def __init__(self, base: str):
        self._base = base
        self._cache: dict[str, NamedNode] = {}

    def __getattr__(self, name: str) -> NamedNode:
        if name.startswith("_"):
            raise AttributeError(name)
        node = self.__dict__[name] = self[name]  # later look-ups skip __getattr__: the mapping's hottest path
        return node

    def __getitem__(self, name: str) -> NamedNode:
        node = self._cache.get(name)
        if node is None:
            node = self._cache[name] = NamedNode(self._base + name)
        return node

    def __str__(self) -> str:
        return self._base


tl = Namespace(TL)
rdf = Namespace(RDF)
rdfs = Namespace(RDFS)
xsd = Namespace(XSD)
skos = Namespace(SKOS)
prov = Namespace(PROV)
dcterms = Namespace(DCTERMS)
eli = Namespace(ELI)
qb = Namespace(QB)
sdo = Namespace(SDO)
org = Namespace(ORG)
time = Namespace(TIME)
odrl = Namespace(ODRL)


# Characters a prefixed name's local part may hold only backslash-escaped
# (SPARQL 1.1 and Turtle PN_LOCAL_ESC), such as the '/' of tl:modality/obligation.
_LOCAL_ESCAPES = {ch: "\\" + ch for ch in "~.!$&'()*+,;=/?#@%"}


def prefixed(iri: str) -> str | None:
    """``iri`` as a prefixed name that SPARQL and Turtle accept (``tl:modality\\/obligation``), or None."""
    for prefix, base in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if iri.startswith(base):
            local = iri[len(base):]
            escaped = "".join(_LOCAL_ESCAPES.get(ch, ch) if i == 0 or i == len(local) - 1 or ch != "." else ch for i, ch in enumerate(local))
            return f"{prefix}:{escaped}"
    return None


def sparql_prefixes() -> str:
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
