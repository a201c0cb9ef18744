"""SHACL validation of a graph with pySHACL, the shapes and ontology from schema/."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..schema import ontology_graph, shapes_graph


@dataclass
class ValidationReport:
    conforms: bool
    violations: list[str] = field(default_factory=list)
    shapes: int = 0
    nodes_checked: int = 0


def validate_nquads(nquads: bytes) -> ValidationReport:
    from pyshacl import validate
    from rdflib import Graph, Namespace
    from rdflib.namespace import RDF

    data = Graph()
    # The union of all document graphs: shapes speak of resources, not of graphs.
    data.parse(data=union_ntriples(nquads), format="nt")
    shapes = shapes_graph()
    sh = Namespace("http://www.w3.org/ns/shacl#")
    conforms, results_graph, _ = validate(
        data,
        shacl_graph=shapes,
        ont_graph=ontology_graph(),
        inference="none",
        advanced=True,
        allow_warnings=True,
    )
    violations = []
    for result in results_graph.subjects(RDF.type, sh.ValidationResult):
        focus = results_graph.value(result, sh.focusNode)
        path = results_graph.value(result, sh.resultPath)
        message = results_graph.value(result, sh.resultMessage)
        source = results_graph.value(result, sh.sourceShape)
        violations.append(f"{focus} {path or ''}: {message} [{source}]")
    shape_count = len(set(shapes.subjects(RDF.type, sh.NodeShape)))
    return ValidationReport(bool(conforms), sorted(violations), shape_count, len(set(data.subjects())))


def union_ntriples(nquads: bytes) -> bytes:
    """The triples of every graph in ``nquads``, merged, as N-Triples."""
    import pyoxigraph as ox

    triples = {ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(nquads, format=ox.RdfFormat.N_QUADS)}
    return ox.serialize(sorted(triples, key=str), format=ox.RdfFormat.N_TRIPLES)
