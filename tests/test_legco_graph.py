"""The LegCo graph of the seed: it conforms to the shapes, is deterministic and keeps provenance."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from tiaoli.graph.build import document_quads
from tiaoli.graph.validate import validate_nquads

from legco_support import SEED, graph_store, parse_file


@pytest.fixture(scope="module")
def quads(corpus_dir):
    return document_quads(parse_file(corpus_dir / SEED))[0]


def _nquads(quads) -> bytes:
    return ox.serialize(sorted(quads, key=str), format=ox.RdfFormat.N_QUADS)


def test_graph_conforms_to_the_shapes(quads):
    report = validate_nquads(_nquads(quads))
    assert report.conforms, report.violations[:10]


def test_same_input_gives_byte_identical_nquads(corpus_dir, quads):
    again = document_quads(parse_file(corpus_dir / SEED))[0]
    assert _nquads(again) == _nquads(quads)


def test_no_blank_nodes(quads):
    assert not any(isinstance(t, ox.BlankNode) for q in quads for t in (q.subject, q.object))


def test_every_legco_fact_points_to_a_source_span(corpus_dir):
    store = graph_store(parse_file(corpus_dir / SEED))
    missing = list(store.query(
        """PREFIX tl: <https://w3id.org/tiaoli/ontology#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        SELECT ?x WHERE {
          VALUES ?class { tl:LegcoPaper tl:Fund tl:Programme tl:SubScheme tl:ProgrammeStatement tl:SupportProject
                          tl:NumberedParagraph tl:CitedPaper tl:Metric tl:AdvisoryCommittee tl:Organisation tl:Post }
          ?x a ?class .
          FILTER NOT EXISTS { ?x prov:wasDerivedFrom ?span }
        }""",
        use_default_graph_as_union=True,
    ))
    assert missing == []


def test_sub_scheme_counts_hang_off_their_sub_scheme_and_programme(corpus_dir):
    store = graph_store(parse_file(corpus_dir / SEED))
    rows = list(store.query(
        """PREFIX tl: <https://w3id.org/tiaoli/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?scheme ?v WHERE {
          ?m tl:measure <https://w3id.org/tiaoli/ontology#measure/beneficiaries> ; tl:subject ?s ; tl:value ?v ; tl:aboutProgramme ?p .
          ?s a tl:SubScheme ; rdfs:label ?scheme ; tl:partOfProgramme ?p .
        } ORDER BY ?v""",
        use_default_graph_as_union=True,
    ))
    assert [(r["scheme"].value, int(float(r["v"].value))) for r in rows] == [
        ("內地交流人員", 30), ("內地交流人員", 48), ("內地交流人員", 82), ("本地借調教師", 104), ("內地交流人員", 117),
    ]


def test_derived_and_part_links_point_to_metrics(corpus_dir):
    store = graph_store(parse_file(corpus_dir / SEED))
    rows = list(store.query(
        """PREFIX tl: <https://w3id.org/tiaoli/ontology#>
        SELECT ?p (COUNT(?o) AS ?n) (SUM(IF(EXISTS { ?o a tl:Metric }, 1, 0)) AS ?metrics) WHERE {
          VALUES ?p { tl:computedFrom tl:componentOf } ?s ?p ?o } GROUP BY ?p ORDER BY ?p""",
        use_default_graph_as_union=True,
    ))
    got = {r["p"].value.rsplit("#", 1)[-1]: (int(r["n"].value), int(r["metrics"].value)) for r in rows}
    assert got == {"componentOf": (9, 9), "computedFrom": (11, 11)}


def test_amounts_keep_their_unit_as_printed(corpus_dir):
    paper = parse_file(corpus_dir / SEED).root
    assert paper.fund.amount_metric.unit_label == "億元"
    assert {p.expenditure.unit_label for p in paper.programmes} == {"百萬元"}
