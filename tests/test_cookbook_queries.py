"""The cookbook queries that cross document kinds or need joins, answered on the seed corpus.

Expected values are read off the seed texts by hand: 商業會計法 articles 34, 38, 65, 66, 71–79;
the LegCo paper's 累計支出 rows and 5.5 億元; the report's VAP (2024) row.
"""

from __future__ import annotations

from decimal import Decimal
from importlib.resources import files

import pytest


def run(store, name: str) -> list[dict]:
    sparql = files("tiaoli.graph.queries").joinpath(name).read_text(encoding="utf-8")
    result = store.query(sparql).raw
    names = [v.value for v in result.variables]
    return [{n: (row[n].value if row[n] is not None else None) for n in names} for row in result]


def local(iri: str | None) -> str | None:
    return iri.rsplit("/", 1)[-1].rsplit("#", 1)[-1] if iri else iri


def test_every_amount_of_money_in_its_currency(seed_store):
    rows = run(seed_store, "corpus-money.rq")
    amounts = {(Decimal(r["amount"]), r["currency"]) for r in rows}
    assert (Decimal(600000), "TWD") in amounts  # 第71條: 新臺幣六十萬元以下罰金
    assert (Decimal(10000), "TWD") in amounts  # 第79條: 新臺幣一萬元以上
    assert (Decimal(550000000), "HKD") in amounts  # 5.5 億元
    assert (Decimal(4700000), "HKD") in amounts  # 4.7 百萬元
    assert {r["currency"] for r in rows} == {"TWD", "HKD"}


def test_programmes_that_spent_more_than_ten_million(seed_store):
    rows = run(seed_store, "legco-programmes-over-10m.rq")
    assert [(r["label"], Decimal(r["expenditure"]), Decimal(r["share"])) for r in rows] == [
        ("大學-學校支援計劃", Decimal(109200000), Decimal("19.85")),
        ("學校支援夥伴（借調教師）計劃", Decimal(50100000), Decimal("9.11")),
    ]


def test_plants_with_a_vap_score_below_195(seed_store):
    rows = run(seed_store, "report-plants-vap-below-195.rq")
    assert [(r["code"], Decimal(r["vapScore"]), r["vapPeriod"]) for r in rows] == [
        ("3C廠", Decimal("187.5"), "2024"),
        ("3D廠", Decimal("190.7"), "2024"),
        ("3A廠", Decimal("193.8"), "2024"),
    ]


def test_articles_citing_the_most(seed_store):
    rows = run(seed_store, "law-most-citing-articles.rq")
    first = rows[0]
    assert (first["number"], int(first["citations"])) == ("79", 7)  # 第七、八、二十五、三十五、六十六、六十八、七十條
    by_number = {r["number"]: r for r in rows}
    assert int(by_number["76"]["provisionsCited"]) > 20  # 第六章、第七章 expand to their articles


def test_articles_cited_the_most(seed_store):
    rows = run(seed_store, "law-most-cited-articles.rq")
    assert rows[0]["number"] == "5"  # 第77條 cites 第五條第一項、第二項、第五項; 第5條 cites its own 項
    assert int(rows[0]["citedBy"]) >= 5


def test_obligations_of_a_role_enforced_by_an_administrative_fine(seed_store):
    rows = run(seed_store, "law-fined-obligations-of-role.rq")
    found = {(r["obligationArticle"], r["penaltyArticle"], Decimal(r["maxFine"])) for r in rows}
    assert ("66", "79", Decimal(50000)) in found  # 第66條第3項 → 第79條第4款, 新臺幣五萬元以下
    assert all(r["currency"] == "TWD" for r in rows)


def test_time_limits_whose_breach_is_penalised(seed_store):
    rows = run(seed_store, "law-penalised-deadlines.rq")
    found = {(r["number"], Decimal(r["value"]), local(r["unit"]), local(r["kind"]), r["penaltyNumber"]) for r in rows}
    assert ("34", Decimal(2), "month", "deadline", "78") in found  # 至遲不得超過二個月
    assert ("38", Decimal(10), "year", "retention", "76") in found  # 至少保存十年
    assert ("65", Decimal("1.5"), "month", "extension", "76") in found  # 延長一個半月


def test_documents_overview(seed_store):
    rows = {local(r["document"]): r for r in run(seed_store, "corpus-documents.rq")}
    assert {r["kind"] for r in rows.values()} == {"statute", "due-diligence-report", "legco-paper"}
    statute = rows["tw-business-entity-accounting-act-2009-06-03"]
    assert Decimal(statute["attributed"]) > Decimal("0.99") and int(statute["blocks"]) == 233


def test_unclassified_text_is_listed_with_its_source(seed_store):
    rows = run(seed_store, "corpus-unclassified-text.rq")
    count = int(next(iter(seed_store.query("SELECT (COUNT(?b) AS ?n) WHERE { ?b a tl:UnclassifiedBlock }").raw))["n"].value)
    assert len(rows) == count
    assert all(r["text"].strip() for r in rows)


def test_data_quality_notes_across_documents(seed_store):
    texts = {r["text"] for r in run(seed_store, "corpus-data-quality.rq")}
    assert {"非非", "人權盡職週查", "永續發展管理部"} <= texts


def test_norms_per_role_and_modality(seed_store):
    rows = run(seed_store, "law-role-norms.rq")
    pairs = {(r["label"], local(r["modality"])) for r in rows}
    assert ("商業負責人", "obligation") in pairs
    assert ("主辦會計人員", "obligation") in pairs


def test_metrics_by_unit(seed_store):
    rows = {(local(r["document"]), local(r["unit"])): r for r in run(seed_store, "corpus-metrics-by-unit.rq")}
    hours = rows[("powertech-human-rights-due-diligence-2024", "hour")]
    assert int(hours["metrics"]) >= 25  # 12 courses × (hours, total hours) + the stated total
    hkd = rows[("legco-edpanel-edf-progress-2008-07", "HKD")]
    assert int(hkd["derivedMetrics"]) >= 1  # the sum of the five expenditures


@pytest.mark.parametrize("name", sorted(p.name for p in files("tiaoli.graph.queries").iterdir() if p.name.endswith(".rq")))
def test_every_shipped_query_states_its_question_and_orders_its_rows(name):
    sparql = files("tiaoli.graph.queries").joinpath(name).read_text(encoding="utf-8")
    assert sparql.startswith("#"), "the first line says the question in words"
    if "SELECT" in sparql:
        assert "ORDER BY" in sparql, "rows in a stable order, so docs and tests can show them"
