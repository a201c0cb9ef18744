"""The LegCo competency questions answer the seed paper exactly (values typed by hand from the paper)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from legco_support import SEED, graph_store, literal_datatypes, parse_file, select


@pytest.fixture(scope="module")
def store(corpus_dir):
    return graph_store(parse_file(corpus_dir / SEED))


def test_fund_query_gives_the_fund_its_amount_and_approval(store):
    rows = select(store, "legco-fund.rq")
    assert [(r["label"], r["amount"], r["currency"], r["approved"]) for r in rows] == [("教育發展基金", 550000000, "HKD", "2004-07")]
    assert literal_datatypes(store, "legco-fund.rq", "approved") == {"gYearMonth"}


def test_programmes_query_gives_all_five_expenditures_with_their_period(store):
    rows = select(store, "legco-programmes.rq")
    got = sorted((r["label"], r["expenditure"], r["currency"], r["periodStart"], r["periodEnd"]) for r in rows)
    assert got == sorted(
        [
            ("校長支援網絡", 4700000, "HKD", "2004-09", "2008-06"),
            ("學校支援夥伴（借調教師）計劃", 50100000, "HKD", "2004-09", "2008-06"),
            ("專業發展學校計劃", 9900000, "HKD", "2004-09", "2008-06"),
            ("大學-學校支援計劃", 109200000, "HKD", "2004-09", "2008-06"),
            ("同儕參與校外評核", 2500000, "HKD", "2004-09", "2008-06"),
        ]
    )
    assert literal_datatypes(store, "legco-programmes.rq", "periodStart") == {"gYearMonth"}


EXPECTED_BENEFICIARIES = [
    # (programme, count, unit, description, period, approximate)
    ("校長支援網絡", 46, "名", "參與「校長夥伴計劃」的夥伴校長", "2006/07 至 2007/08", False),
    ("校長支援網絡", 400, "人次", "參與「教育導航計劃」的校長", "2007/08", True),
    ("校長支援網絡", 100, "次", "為學校提供有關學校發展工作的專題演講", "2007/08", False),
    ("學校支援夥伴（借調教師）計劃", 104, "位", "參與不同支援項目的中、小學借調教師", "2006/07 至 2007/08", False),
    ("學校支援夥伴（借調教師）計劃", 82, "位", "由教育發展基金資助的內地交流人員", "2006/07 至 2007/08", False),
    ("學校支援夥伴（借調教師）計劃", 30, "所", "中學", "2006/07 至 2007/08", False),
    ("學校支援夥伴（借調教師）計劃", 117, "所", "小學", "2006/07 至 2007/08", False),
    ("學校支援夥伴（借調教師）計劃", 48, "所", "學前教育機構", "2006/07 至 2007/08", False),
    ("專業發展學校計劃", 95, "所", "受惠的學校", "2006/07 至 2007/08", False),
    ("專業發展學校計劃", 37, "所", "中學", "2006/07 至 2007/08", False),
    ("專業發展學校計劃", 56, "所", "小學", "2006/07 至 2007/08", False),
    ("專業發展學校計劃", 2, "所", "特殊學校", "2006/07 至 2007/08", False),
    ("大學-學校支援計劃", 107, "所", "中學", "2006/07", False),
    ("大學-學校支援計劃", 105, "所", "小學", "2006/07", False),
    ("大學-學校支援計劃", 16, "所", "特殊學校", "2006/07", False),
    ("大學-學校支援計劃", 86, "所", "中學", "2007/08", False),
    ("大學-學校支援計劃", 101, "所", "小學", "2007/08", False),
    ("大學-學校支援計劃", 9, "所", "特殊學校", "2007/08", False),
    ("同儕參與校外評核", 148, "位", "校長及資深教師", "2006/07", False),
    ("同儕參與校外評核", 90, "位", "校長及資深教師", "2007/08", False),
    ("同儕參與校外評核", 129, "所", "中學", "2006/07 至 2007/08", False),
    ("同儕參與校外評核", 96, "所", "小學", "2006/07 至 2007/08", False),
    ("同儕參與校外評核", 13, "所", "特殊學校", "2006/07 至 2007/08", False),
]


def test_beneficiaries_query_gives_every_count_with_unit_description_period_and_flag(store):
    labels = {r["programme"]: r["label"] for r in select(store, "legco-programmes.rq")}
    rows = select(store, "legco-beneficiaries.rq")
    got = sorted((labels[r["programme"]], r["count"], r["unit"], r["description"], r["period"], r["approximate"]) for r in rows)
    assert got == sorted(EXPECTED_BENEFICIARIES)


def test_at_least_qualifier_is_kept_as_a_flag(store):
    rows = list(store.query(
        "PREFIX tl: <https://w3id.org/tiaoli/ontology#> SELECT ?v WHERE { ?m tl:atLeast true ; tl:value ?v }",
        use_default_graph_as_union=True,
    ))
    assert [Decimal(r["v"].value) for r in rows] == [Decimal(100)]


EXPECTED_PROJECTS = [
    ("優化課堂學習計劃", "香港教育學院", 2004, 2008, 1),
    ("評估計劃", "香港教育學院", 2005, 2008, 1),
    ("優質學校改進計劃", "香港中文大學", 2004, 2009, 1),
    ("優化教學協作計劃", "香港中文大學", 2004, 2009, 1),
    ("優質學校改進計劃", "香港中文大學", 2008, 2011, 2),
    ("知識建構教師發展網絡計劃", "香港大學", 2008, 2011, 2),
    ("為新高中通識教育作準備：提升初中學生探究能力的校本發展計劃", "香港教育學院", 2008, 2010, 2),
    ("通識教育支援計劃—課程銜接與發展", "香港中文大學", 2008, 2010, 2),
    ("非華語中學生的中文教與學", "香港大學", 2008, 2011, 2),
    ("強化幼教機構實施有效的校本課程", "香港教育學院", 2008, 2011, 2),
    ("幼兒教育達善計劃", "香港中文大學", 2008, 2010, 2),
]


def test_projects_query_gives_all_eleven_projects_in_order(store):
    rows = select(store, "legco-projects.rq")
    assert [(r["label"], r["institution"], r["startYear"], r["endYear"], r["phase"]) for r in rows] == EXPECTED_PROJECTS


def test_projects_keep_their_department(store):
    rows = list(store.query(
        "PREFIX tl: <https://w3id.org/tiaoli/ontology#> SELECT ?d WHERE { ?p a tl:SupportProject ; tl:phase 1 ; tl:listNumber 2 ; tl:department ?d }",
        use_default_graph_as_union=True,
    ))
    assert [r["d"].value for r in rows] == ["評估研究及發展中心"]


def test_references_query_gives_the_cited_paper_number(store):
    rows = select(store, "legco-references.rq")
    assert [r["citedNumber"] for r in rows] == ["CB(2)1667/05-06(01)"]
    parts = list(store.query(
        "PREFIX tl: <https://w3id.org/tiaoli/ontology#> SELECT ?c ?s ?y ?p WHERE { ?x tl:committeeCode ?c ; tl:serialNumber ?s ; tl:session ?y ; tl:paperPart ?p }",
        use_default_graph_as_union=True,
    ))
    assert [(r["c"].value, int(r["s"].value), r["y"].value, r["p"].value) for r in parts] == [("CB(2)", 1667, "05-06", "01")]


def test_derived_checks_are_queryable_metrics_marked_derived(store):
    rows = list(store.query(
        "PREFIX tl: <https://w3id.org/tiaoli/ontology#> SELECT ?measure ?v ?how WHERE { ?m tl:derived true ; tl:measure ?measure ; tl:value ?v ; tl:derivation ?how }",
        use_default_graph_as_union=True,
    ))
    got = {r["measure"].value.rsplit("/", 1)[-1]: Decimal(r["v"].value) for r in rows}
    assert got == {"expenditure-total": Decimal(176400000), "expenditure-share-of-fund": Decimal("32.07")}
    assert all(r["how"].value for r in rows)


def test_metrics_query_covers_the_legco_metrics(store):
    rows = select(store, "metrics.rq")
    measures = {str(r["measure"]).rsplit("/", 1)[-1] for r in rows}
    assert {"beneficiaries", "expenditure", "approved-amount", "count", "expenditure-total"} <= measures
