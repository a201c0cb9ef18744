"""The seed report's graph beyond the competency queries: who, frameworks, policies, governance, method, notes."""

from __future__ import annotations

from decimal import Decimal as D

import pyoxigraph as ox
import pytest

from report_support import SEED, report_graph, value
from report_variants import Variant
from tiaoli.graph.build import document_quads
from report_support import parse_report

PREFIXES = """PREFIX tl: <https://w3id.org/tiaoli/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""


@pytest.fixture(scope="module")
def seed():
    return report_graph(SEED)


def rows(store: ox.Store, body: str) -> list[tuple]:
    result = store.query(PREFIXES + body, use_default_graph_as_union=True)
    names = [v.value for v in result.variables]
    return sorted((tuple(value(r[n]) for n in names) for r in result), key=repr)


def test_the_report_its_organisation_year_title_and_publisher(seed):
    assert rows(seed, """SELECT ?name ?legal ?year ?title ?publisher ?issued WHERE {
        ?r a tl:DueDiligenceReport ; tl:reportingOrganisation ?o ; tl:reportingYear ?year ; dcterms:title ?title ;
           dcterms:publisher ?publisher ; dcterms:issued ?issued . ?o rdfs:label ?name ; tl:legalName ?legal }""") == [
        ("力成科技", "力成科技股份有限公司", "2024", "力成科技 2024 人權盡職調查報告", "力成科技股份有限公司", "2025")]


def test_frameworks_are_shared_nodes_the_report_commits_to(seed):
    assert rows(seed, "SELECT ?f WHERE { ?r tl:commitsTo ?f }") == sorted(
        [(f,) for f in ("udhr", "ungps", "ilo", "oecd", "rba", "sa8000", "tips")])


def test_two_reports_in_one_store_share_framework_nodes_but_not_organisations(tmp_path):
    other = tmp_path / "other.txt"
    other.write_text(Variant(SEED.read_text(encoding="utf-8")).rename_company("星河電子").text, encoding="utf-8")
    store = ox.Store()
    for path in (SEED, other):
        store.extend(document_quads(parse_report(path))[0])
    shared = rows(store, "SELECT ?f (COUNT(DISTINCT ?r) AS ?n) WHERE { ?r tl:commitsTo ?f } GROUP BY ?f")
    assert all(n == 2 for _, n in shared) and len(shared) == 7
    assert rows(store, "SELECT DISTINCT ?name WHERE { ?r tl:reportingOrganisation/rdfs:label ?name }") == [("力成科技",), ("星河電子",)]


def test_policies_with_scopes_commitments_and_links(seed):
    got = rows(seed, """SELECT ?policy (GROUP_CONCAT(DISTINCT STR(?scope); separator=" ") AS ?scopes)
        (COUNT(DISTINCT ?c) AS ?commitments) (SAMPLE(?url) AS ?link) WHERE {
        ?p a tl:Policy ; rdfs:label ?policy ; tl:scope ?scope ; tl:commitment ?c ; tl:url ?url } GROUP BY ?policy""")
    by_name = {name: (set(scopes.split()), n, link) for name, scopes, n, link in got}
    own, chain = "https://w3id.org/tiaoli/id/scope/own-operations", "https://w3id.org/tiaoli/id/scope/value-chain"
    assert len(by_name) == 9
    assert by_name["勞工政策"] == ({own, chain}, 7, "https://www.pti.com.tw/zh/csr/management/system")
    assert by_name["負責任礦產採購政策"][0] == {chain}
    assert by_name["企業永續發展政策"][1:] == (3, "https://www.pti.com.tw/zh/csr/management/vision")
    assert by_name["道德政策"][1] == 8
    assert rows(seed, """SELECT ?party WHERE { ?p a tl:Policy ; rdfs:label ?l ; tl:party ?party FILTER(STR(?l) = "供應商行為準則") }""") == [
        ("contractor",), ("supplier",)]


def test_governance_bodies_report_to_the_board_and_meet_quarterly(seed):
    assert rows(seed, """SELECT ?body ?parent WHERE { ?b a tl:GovernanceBody ; rdfs:label ?body ; tl:reportsTo/rdfs:label ?parent }""") == [
        ("永續發展管理室", "董事會")]
    assert rows(seed, """SELECT ?body ?freq (COUNT(?g) AS ?groups) WHERE {
        ?b a tl:GovernanceBody ; rdfs:label ?body ; tl:meetingFrequency ?freq ; tl:hasGroup ?g } GROUP BY ?body ?freq""") == [
        ("永續發展委員會", "quarterly", 4)]


def test_risk_method_formula_and_bands_as_printed(seed):
    assert rows(seed, "SELECT ?formula WHERE { ?m a tl:RiskMethod ; tl:formula ?formula }") == [("風險=影響程度×發生機率",)]
    assert rows(seed, """SELECT ?rating ?label ?min ?max WHERE { ?m tl:band ?b . ?b tl:rating ?rating ; rdfs:label ?label .
        OPTIONAL { ?b tl:minScore ?min } OPTIONAL { ?b tl:maxScore ?max } }""") == sorted([
        ("low", "低風險", None, D(3)), ("medium", "中度風險", D(3), D(5)), ("high", "高風險", D(6), None)], key=repr)


def test_assessment_tools_and_groups_at_risk_per_scope(seed):
    tools = rows(seed, """SELECT ?scope ?tool WHERE { ?a a tl:ScopeAssessment ; tl:scopeLabel ?scope ; tl:tool/rdfs:label ?tool }""")
    assert ("價值鏈（供應商）", "供應商稽核") in tools and ("自身營運", "RBA行為準則自我評估問卷") in tools
    assert len([t for t in tools if t[0] == "自身營運"]) == 5
    groups = rows(seed, """SELECT ?scope (COUNT(DISTINCT ?g) AS ?n) WHERE { ?i a tl:ImpactIdentification ; tl:scope ?scope ; tl:groupAtRisk ?g } GROUP BY ?scope""")
    assert groups == [("own-operations", 6), ("value-chain", 7)]
    issues = rows(seed, """SELECT ?scope (COUNT(DISTINCT ?t) AS ?n) WHERE { ?i a tl:ImpactIdentification ; tl:scope ?scope ; tl:potentialIssue ?t } GROUP BY ?scope""")
    assert issues == [("own-operations", 9), ("value-chain", 10)]


def test_supplier_briefing_and_audits_with_their_figures(seed):
    assert rows(seed, """SELECT ?name ?value ?unit WHERE { ?b a tl:Briefing ; rdfs:label ?name ; tl:figure ?m . ?m tl:value ?value ; tl:unitLabel ?unit }""") == sorted([
        ("供應商社會責任宣導", D(148), "家"), ("供應商社會責任宣導", D(181), "人")], key=repr)
    audited = rows(seed, """SELECT ?value ?derived WHERE { ?a a tl:SupplierAuditProgramme ; tl:auditedSuppliers ?m . ?m tl:value ?value ; tl:derived ?derived }""")
    assert audited == sorted([(D(36), False), (D(2), False), (D(38), True)], key=repr)
    assert rows(seed, "SELECT ?value WHERE { ?a tl:audits/tl:value ?value }") == [(D(38),)]


def test_source_defects_are_data_quality_notes_and_the_text_is_kept(seed):
    assert rows(seed, """SELECT ?kind ?text WHERE { ?d tl:hasDataQualityNote ?n . ?n tl:noteKind ?kind ; prov:wasDerivedFrom/tl:quotedText ?text }""") == sorted([
        ("doubled-character", "非非"), ("typo", "人權盡職週查"), ("inconsistent-name", "永續發展管理部")], key=repr)


def test_scope_definitions_and_strategy_statements(seed):
    assert rows(seed, "SELECT ?scope ?text WHERE { ?d a tl:ScopeDefinition ; tl:scope ?scope ; rdfs:label ?text }") == [
        ("own-operations", "包括員工、直接活動、產品或服務。"), ("value-chain", "包括客戶、供應商 / 承攬商、合資企業、合作夥伴及其他。")]
    strategy = rows(seed, """SELECT ?text WHERE { ?s a tl:Statement ; tl:sectionTopic "strategy" ; rdfs:label ?text }""")
    assert ("持續透過宣導與培訓，提升全員的人權意識。",) in strategy


def test_every_fact_keeps_its_source_span(seed):
    orphans = rows(seed, """SELECT ?fact WHERE { ?fact a ?c . FILTER(STRSTARTS(STR(?c), STR(tl:)))
        FILTER(?c NOT IN (tl:Scope, tl:Party, tl:Framework, tl:ConsistencyCheck, tl:SourceDocument, tl:SourceSpan))
        FILTER NOT EXISTS { ?fact prov:wasDerivedFrom ?span } }""")
    assert orphans == []


def test_table_of_contents_entries_with_pages_and_their_sections(seed):
    assert rows(seed, """SELECT ?number ?title ?page ?section WHERE { ?e a tl:ContentsEntry ; tl:chapterNumber ?number ;
        rdfs:label ?title ; tl:printedPage ?page . OPTIONAL { ?e tl:section/rdfs:label ?section } }""") == sorted([
        ("1", "人權承諾與政策", 3, "人權承諾 與政策"), ("2", "人權治理", 8, "人權治理"),
        ("3", "人權盡職調查", 11, "3 / 人權盡職調查"), ("4", "結語", 22, "4 / 結語")], key=repr)


def test_the_legend_is_what_the_plant_tables_notes_print(seed):
    assert rows(seed, "SELECT ?symbol ?meaning ?value WHERE { ?l a tl:LegendEntry ; tl:symbol ?symbol ; rdfs:label ?meaning ; tl:booleanValue ?value }") == sorted([
        ("●", "已執行", True), ("○", "未執行", False)], key=repr)
