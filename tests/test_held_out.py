"""Documents written by someone who had not seen the parsers, built without a manifest.

Expected values were read off the documents by hand (see tests/fixtures/held-out/README.md).
"""

from __future__ import annotations

from decimal import Decimal
from importlib.resources import files

import pyoxigraph as ox
import pytest
from rdflib import RDF, RDFS, Literal, URIRef

from tiaoli.graph.validate import validate_nquads
from tiaoli.schema import ontology_graph


@pytest.fixture(scope="module")
def held_out_store(repo_dir, tmp_path_factory):
    from tiaoli.graph.build import build
    from tiaoli.graph.store import GraphStore

    store = GraphStore.create(tmp_path_factory.mktemp("held-out") / "store")
    report = build([repo_dir / "tests" / "fixtures" / "held-out"], store)
    assert report.ok, [f.message for f in report.failures]
    assert sorted(d.kind for d in report.documents) == ["due-diligence-report"] * 2 + ["legco-paper"] + ["statute"] * 3
    return GraphStore(store.path)


def rows(store, name: str) -> list[dict]:
    result = store.query(files("tiaoli.graph.queries").joinpath(name).read_text(encoding="utf-8")).raw
    names = [v.value for v in result.variables]
    return [{n: (r[n].value if r[n] is not None else None) for n in names} for r in result]


def test_every_class_and_predicate_of_the_variant_documents_is_declared(held_out_store):
    ontology = ontology_graph()
    used = set()
    for quad in ox.parse(held_out_store.dump_nquads(), format=ox.RdfFormat.N_QUADS):
        used.add(quad.object.value if quad.predicate.value == str(RDF.type) else quad.predicate.value)

    def declared(iri: str) -> bool:
        labels = [v for v in ontology.objects(URIRef(iri), RDFS.label) if isinstance(v, Literal)]
        languages = {(v.language or "") for v in labels}
        return "en" in languages and any(l.startswith("zh-Hant") for l in languages) and ontology.value(URIRef(iri), RDFS.comment) is not None

    assert sorted(iri for iri in used if not declared(iri)) == []


def test_the_variant_documents_validate(held_out_store):
    report = validate_nquads(held_out_store.dump_nquads())
    assert report.conforms, report.violations[:10]


def test_titles_and_language_come_from_the_texts(held_out_store):
    titles = {r["title"] for r in rows(held_out_store, "corpus-documents.rq")}
    assert {"土石採取法", "畜牧法", "所得基本稅額條例"} <= titles
    language = held_out_store.query("SELECT DISTINCT ?l WHERE { ?d a tl:SourceDocument ; dcterms:language ?l }").raw
    assert {r["l"].value for r in language} == {"zh-Hant-TW", "zh-Hant-HK"}


def test_sanctioned_provisions_of_a_law_in_the_gazette_layout(held_out_store):
    found = {(r["penaltyNumber"], r["targetNumber"]) for r in rows(held_out_store, "law-sanctioned.rq") if r["act"].endswith("土石採取法")}
    assert found == {("37", "34"), ("38", "26"), ("38", "27"), ("39", "20"), ("39", "30"), ("40", "31"), ("40", "34"), ("41", "32"), ("41", "35")}


def test_a_penalty_article_does_not_sanction_itself(held_out_store):
    assert not [r for r in rows(held_out_store, "law-sanctioned.rq") if r["penaltyNumber"] == r["targetNumber"]]


def test_no_definition_is_read_from_a_word_beginning_with_zhi(held_out_store):
    terms = [r["term"] for r in rows(held_out_store, "law-definitions.rq") if r["act"].endswith("所得基本稅額條例")]
    assert "消費者物價" not in terms


def test_another_fund_paper(held_out_store):
    (fund,) = rows(held_out_store, "legco-fund.rq")
    assert (Decimal(fund["amount"]), fund["currency"]) == (Decimal(320000000), "HKD")
    assert len(rows(held_out_store, "legco-programmes.rq")) == 4


def test_another_companys_training_table_split_by_a_page_break(held_out_store):
    courses = [r for r in rows(held_out_store, "report-training.rq") if "日月光" in r["org"]]
    assert len(courses) == 8
    for course in courses:
        assert Decimal(course["hours"]) * Decimal(course["attendance"]) == Decimal(course["totalHours"])
    plants = [r for r in rows(held_out_store, "report-facilities.rq") if "日月光" in r["org"]]
    assert len(plants) == 11
