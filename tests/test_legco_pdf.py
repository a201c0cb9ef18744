"""The seed paper printed to PDF and read back answers the competency questions as the text does."""

from __future__ import annotations

import pytest

from tiaoli.extract.loaders import load_path

from legco_support import SEED, graph_store, parse_file, select
from pdf_render import render
from test_legco_queries import EXPECTED_BENEFICIARIES, EXPECTED_PROJECTS


@pytest.fixture(scope="module")
def pdf_store(corpus_dir, tmp_path_factory):
    source = next(load_path(corpus_dir / SEED))
    pdf = render(source, tmp_path_factory.mktemp("legco-pdf") / "paper.pdf")
    parsed = parse_file(pdf)
    return parsed, graph_store(parsed)


def test_pdf_fund(pdf_store):
    rows = select(pdf_store[1], "legco-fund.rq")
    assert [(r["label"], r["amount"], r["currency"], r["approved"]) for r in rows] == [("教育發展基金", 550000000, "HKD", "2004-07")]


def test_pdf_programmes_and_expenditure(pdf_store):
    rows = select(pdf_store[1], "legco-programmes.rq")
    assert sorted((r["expenditure"], r["periodStart"], r["periodEnd"]) for r in rows) == sorted(
        (amount, "2004-09", "2008-06") for amount in (4700000, 50100000, 9900000, 109200000, 2500000)
    )


def test_pdf_beneficiaries(pdf_store):
    labels = {r["programme"]: r["label"] for r in select(pdf_store[1], "legco-programmes.rq")}
    rows = select(pdf_store[1], "legco-beneficiaries.rq")
    got = sorted((labels[r["programme"]], r["count"], r["unit"], r["description"], r["period"], r["approximate"]) for r in rows)
    assert got == sorted(EXPECTED_BENEFICIARIES)


def test_pdf_projects(pdf_store):
    rows = select(pdf_store[1], "legco-projects.rq")
    assert [(r["label"], r["institution"], r["startYear"], r["endYear"], r["phase"]) for r in rows] == EXPECTED_PROJECTS


def test_pdf_paper_head_and_reference(pdf_store):
    paper = pdf_store[0].root
    assert (paper.panel.name, paper.document_type.name, paper.bureau.name, paper.date.iso) == ("立法會教育事務委員會", "資料文件", "教育局", "2008-07")
    assert [r["citedNumber"] for r in select(pdf_store[1], "legco-references.rq")] == ["CB(2)1667/05-06(01)"]
    assert [p.number for p in paper.paragraphs] == list(range(1, 19))


def test_pdf_sub_schemes_are_found_without_emphasis(pdf_store):
    second = pdf_store[0].root.programmes[1]
    assert [s.name for s in second.sub_schemes] == ["本地借調教師", "內地交流人員"]
    by_scheme = {s.key: s.name for s in second.sub_schemes}
    assert [(by_scheme[m.subject_key], m.value) for m in second.beneficiaries] == [
        ("本地借調教師", 104), ("內地交流人員", 82), ("內地交流人員", 30), ("內地交流人員", 117), ("內地交流人員", 48),
    ]
    assert all(not p.sub_schemes for i, p in enumerate(pdf_store[0].root.programmes) if i != 1)


def test_two_up_pdf_gives_the_same_answers(corpus_dir, tmp_path):
    source = next(load_path(corpus_dir / SEED))
    store = graph_store(parse_file(render(source, tmp_path / "two-up.pdf", two_up=True)))
    labels = {r["programme"]: r["label"] for r in select(store, "legco-programmes.rq")}
    assert sorted(r["expenditure"] for r in select(store, "legco-programmes.rq")) == [2500000, 4700000, 9900000, 50100000, 109200000]
    rows = select(store, "legco-beneficiaries.rq")
    assert sorted((labels[r["programme"]], r["count"], r["unit"], r["description"], r["period"], r["approximate"]) for r in rows) == sorted(EXPECTED_BENEFICIARIES)
    assert [(r["label"], r["institution"], r["startYear"], r["endYear"], r["phase"]) for r in select(store, "legco-projects.rq")] == EXPECTED_PROJECTS
