"""The schema as a researcher's reference: declared, consistent, validated, documented."""

from __future__ import annotations

from decimal import Decimal

import pyoxigraph as ox
import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from tiaoli.graph.namespaces import SH
from tiaoli.graph.validate import union_ntriples, validate_nquads
from tiaoli.schema import ontology_graph, ontology_sources, shape_sources, shapes_graph


def _has_label(ontology: Graph, term: URIRef, lang: str) -> bool:
    return any(isinstance(v, Literal) and (v.language or "").startswith(lang) for v in ontology.objects(term, RDFS.label))


def _used_terms(nquads: bytes) -> tuple[set[str], set[str]]:
    classes, predicates = set(), set()
    for quad in ox.parse(nquads, format=ox.RdfFormat.N_QUADS):
        if quad.predicate.value == str(RDF.type):
            classes.add(quad.object.value)
        else:
            predicates.add(quad.predicate.value)
    return classes, predicates


def test_every_class_and_predicate_in_the_built_graph_is_declared_with_labels_and_comment(seed_store):
    ontology = ontology_graph()
    classes, predicates = _used_terms(seed_store.dump_nquads())
    undeclared = []
    for iri in sorted(classes | predicates):
        term = URIRef(iri)
        if not (_has_label(ontology, term, "en") and _has_label(ontology, term, "zh-Hant") and ontology.value(term, RDFS.comment)):
            undeclared.append(iri)
    assert undeclared == []


_TL = "https://w3id.org/tiaoli/ontology#"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_ALIGNMENTS = [RDFS.subClassOf, RDFS.subPropertyOf] + [URIRef(_SKOS + m) for m in ("closeMatch", "exactMatch", "broadMatch", "narrowMatch")]


def _tl_terms(ontology: Graph, kinds: list[URIRef]) -> list[URIRef]:
    return sorted({t for kind in kinds for t in ontology.subjects(RDF.type, kind) if str(t).startswith(_TL)})


def _tl_classes(ontology: Graph) -> list[URIRef]:
    return _tl_terms(ontology, [OWL.Class])


def _tl_properties(ontology: Graph) -> list[URIRef]:
    return _tl_terms(ontology, [OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, RDF.Property])


def test_every_declared_term_has_both_labels_and_a_comment():
    ontology = ontology_graph()
    unlabelled = [str(t) for t in _tl_classes(ontology) + _tl_properties(ontology)
                  if not (_has_label(ontology, t, "en") and _has_label(ontology, t, "zh-Hant") and ontology.value(t, RDFS.comment))]
    assert unlabelled == []


def test_every_class_is_aligned_to_the_standard_it_refines():
    ontology = ontology_graph()
    unaligned = [str(c) for c in _tl_classes(ontology) if not any(ontology.value(c, a) is not None for a in _ALIGNMENTS)]
    assert unaligned == []


def test_every_property_is_aligned_to_the_standard_it_refines():
    ontology = ontology_graph()
    unaligned = [str(p) for p in _tl_properties(ontology) if not any(ontology.value(p, a) is not None for a in _ALIGNMENTS)]
    assert unaligned == []


def test_sub_properties_keep_the_kind_of_their_super_property():
    # A datatype property under an object property (or the reverse) would make OWL reasoners
    # read literals as individuals; loose fits across kinds are stated with skos:closeMatch.
    ontology = ontology_graph()
    kinds = (OWL.ObjectProperty, OWL.DatatypeProperty)
    mixed = [(str(p), str(sup)) for p in _tl_properties(ontology) for sup in ontology.objects(p, RDFS.subPropertyOf)
             for kind, other in (kinds, kinds[::-1])
             if (p, RDF.type, kind) in ontology and (sup, RDF.type, other) in ontology]
    assert mixed == []


def test_every_property_has_a_domain_and_a_range():
    ontology = ontology_graph()
    missing = [(str(p), kind) for p in _tl_properties(ontology) for kind, axis in (("domain", RDFS.domain), ("range", RDFS.range))
               if ontology.value(p, axis) is None]
    assert missing == []


_PROV_ENTITY = URIRef("http://www.w3.org/ns/prov#Entity")


def test_no_property_domain_would_give_a_node_a_class_it_does_not_have(seed_store):
    # prov:Entity and owl:Thing are the deliberate catch-alls for properties every kind of fact uses;
    # any narrower domain must already hold, or OWL RL would infer a false class for the subject.
    ontology = ontology_graph()
    superclasses = {c: set(ontology.transitive_objects(c, RDFS.subClassOf)) for c in set(ontology.subjects(RDF.type, OWL.Class))}
    corpus = Graph()
    corpus.parse(data=union_ntriples(seed_store.dump_nquads()), format="nt")
    wrong = set()
    for predicate in _tl_properties(ontology):
        for domain in ontology.objects(predicate, RDFS.domain):
            if domain in (_PROV_ENTITY, OWL.Thing):
                continue
            for subject in set(corpus.subjects(predicate, None)):
                classes = set().union(*(superclasses.get(c, {c}) for c in corpus.objects(subject, RDF.type)))
                if domain not in classes:
                    wrong.add((str(predicate), str(domain), str(subject)))
    assert sorted(wrong)[:10] == []


def test_ontology_and_shapes_load_in_rdflib_and_pyoxigraph():
    for name, text in ontology_sources() + shape_sources():
        Graph().parse(data=text, format="turtle")
        assert list(ox.parse(text.encode("utf-8"), format=ox.RdfFormat.TURTLE)), name


def test_owl_rl_reasoning_over_ontology_and_corpus_raises_no_inconsistency(seed_store):
    import owlrl
    from owlrl.Namespaces import ERRNS

    graph = ontology_graph()
    graph.parse(data=union_ntriples(seed_store.dump_nquads()), format="nt")
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False).expand(graph)
    errors = [(s, p, o) for s, p, o in graph if str(p).startswith(str(ERRNS))]
    assert errors == []


def test_jsonld_export_round_trips_to_the_nquads(seed_store):
    from rdflib import Dataset

    from tiaoli.graph.export import export_bytes

    nquads = export_bytes(seed_store, "nquads")
    expected = Dataset()
    expected.parse(data=nquads, format="nquads")
    back = Dataset()
    back.parse(data=export_bytes(seed_store, "jsonld"), format="json-ld")
    for graph in expected.graphs():
        if len(graph):
            assert isomorphic(graph, back.graph(graph.identifier)), graph.identifier
    assert len(back) == len(expected)


def test_validate_passes_on_the_corpus(seed_store):
    report = validate_nquads(seed_store.dump_nquads())
    assert report.conforms, report.violations[:10]


def _property_shapes(shapes: Graph) -> list[tuple[URIRef, URIRef, URIRef]]:
    """(node shape, property shape, target class) for every property shape in ``shapes``."""
    sh = lambda name: URIRef(SH + name)  # noqa: E731
    found = []
    for node_shape in shapes.subjects(RDF.type, sh("NodeShape")):
        target = shapes.value(node_shape, sh("targetClass"))
        for prop in shapes.objects(node_shape, sh("property")):
            found.append((node_shape, prop, target))
    return sorted(found, key=lambda t: (str(t[0]), str(shapes.value(t[1], sh("path"))), str(sorted(shapes.predicate_objects(t[1])))))


def _break(data: Graph, shapes: Graph, prop: URIRef, target: URIRef) -> bool:
    """Break ``data`` so that property shape ``prop`` must fail; False if the corpus has no instance to break."""
    sh = lambda name: URIRef(SH + name)  # noqa: E731
    path = shapes.value(prop, sh("path"))
    focus = sorted(data.subjects(RDF.type, target), key=str)
    if not focus or not isinstance(path, URIRef):
        return False
    node = next((n for n in focus if (n, path, None) in data), focus[0])
    values = list(data.objects(node, path))
    min_count = shapes.value(prop, sh("minCount"))
    if min_count is not None and int(min_count) > 0 and values:
        data.remove((node, path, None))
        return True
    if not values:
        return False
    wrong = Literal("not-a-valid-value-\u2603", lang="xx")
    if shapes.value(prop, sh("maxCount")) is not None and (shapes.value(prop, sh("datatype")) is None and shapes.value(prop, sh("in")) is None
                                                           and shapes.value(prop, sh("class")) is None and shapes.value(prop, sh("languageIn")) is None):
        for extra in range(int(shapes.value(prop, sh("maxCount"))) + 1):
            data.add((node, path, Literal(f"extra-{extra}")))
        return True
    if shapes.value(prop, sh("lessThanOrEquals")) is not None:
        other = shapes.value(prop, sh("lessThanOrEquals"))
        bound = data.value(node, other)
        if bound is None:
            return False
        data.set((node, path, Literal(str(Decimal(str(bound)) + 1), datatype=bound.datatype)))  # one past its bound, still a valid value
        return True
    if shapes.value(prop, sh("class")) is not None:
        data.set((node, path, URIRef("https://w3id.org/tiaoli/id/not-an-instance")))
        return True
    data.set((node, path, wrong))
    return True


def test_every_shape_fails_on_a_graph_broken_on_purpose(seed_store):
    from pyshacl import validate

    shapes = shapes_graph()
    ontology = ontology_graph()
    corpus = Graph()
    corpus.parse(data=union_ntriples(seed_store.dump_nquads()), format="nt")
    sh = lambda name: URIRef(SH + name)  # noqa: E731
    checked, not_triggered = 0, []
    for node_shape, prop, target in _property_shapes(shapes):
        focus = sorted(corpus.subjects(RDF.type, target), key=str)
        if not focus:
            continue
        # A small data graph around one focus node keeps each validation fast.
        data = Graph()
        path = shapes.value(prop, sh("path"))
        node = next((n for n in focus if (n, path, None) in corpus), focus[0])
        for triple in corpus.triples((node, None, None)):
            data.add(triple)
            if isinstance(triple[2], URIRef):
                for t in corpus.triples((triple[2], RDF.type, None)):
                    data.add(t)
        if not _break(data, shapes, prop, target):
            continue
        conforms, results, _ = validate(data, shacl_graph=shapes, ont_graph=ontology, inference="none", advanced=True)
        sources = {results.value(r, sh("sourceShape")) for r in results.subjects(RDF.type, sh("ValidationResult"))}
        checked += 1
        if conforms or prop not in sources:
            not_triggered.append((str(node_shape), str(shapes.value(prop, sh("path")))))
    assert checked >= 10
    assert not_triggered == []


def test_a_project_ending_before_it_starts_fails_validation(seed_store):
    """start ≤ end on xsd:gYear, checked by a SPARQL constraint (pySHACL cannot order gYear values)."""
    from pyshacl import validate
    from rdflib import Namespace

    tl = Namespace("https://w3id.org/tiaoli/ontology#")
    corpus = Graph()
    corpus.parse(data=union_ntriples(seed_store.dump_nquads()), format="nt")
    project = sorted(corpus.subjects(tl.startYear, None), key=str)[0]
    end = corpus.value(project, tl.endYear)
    data = Graph()
    for triple in corpus.triples((project, None, None)):
        data.add(triple)
    data.set((project, tl.startYear, Literal(str(int(str(end)) + 1), datatype=end.datatype)))
    conforms, _, text = validate(data, shacl_graph=shapes_graph(), ont_graph=ontology_graph(), inference="none", advanced=True)
    assert not conforms and "start year is after its end year" in text
