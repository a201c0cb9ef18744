"""Another company's report: other names, numbers and order, one more plant, a table split by a page break.

Each variant is the seed rewritten by tests/report_variants.py; what the
parser must find is what the generator put in.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from report_support import SEED, answer, report_graph
from report_variants import OTHER_COURSES, OTHER_PLANTS, Variant

OTHER = "星河電子"


def _graph(tmp_path, variant: Variant, name: str = "variant.txt"):
    path = tmp_path / name
    path.write_text(variant.text, encoding="utf-8")
    return report_graph(path)


def _seed_variant() -> Variant:
    return Variant(SEED.read_text(encoding="utf-8"))


def _expected_training(variant: Variant) -> list[tuple]:
    return sorted((variant.legal_name, "2024", name, hours, Decimal(att), total) for name, hours, att, total in variant.courses)


def _expected_facilities(variant: Variant) -> list[tuple]:
    return sorted((variant.legal_name, p.name, p.code, p.saq, p.vap_score, p.vap_period if p.vap_score is not None else None, p.sa8000)
                  for p in variant.plants)


@pytest.fixture(scope="module")
def other_report(tmp_path_factory):
    variant = (_seed_variant().rename_company(OTHER)
               .replace_courses(OTHER_COURSES, seed=7)
               .replace_plants(OTHER_PLANTS)
               .rerate_own("童工", "高")
               .reverse_own_measure_rows())
    return variant, _graph(tmp_path_factory.mktemp("other"), variant)


def test_other_company_is_named_from_the_title_and_nothing_of_the_seed_remains(other_report):
    variant, graph = other_report
    orgs = {row[0] for row in answer(graph, "report-risks")}
    assert orgs == {OTHER + "股份有限公司"}
    assert "力成" not in variant.text


def test_other_courses_in_another_order_come_out_with_their_numbers(other_report):
    variant, graph = other_report
    assert sorted(answer(graph, "report-training")) == _expected_training(variant)


def test_checks_hold_for_consistent_other_numbers(other_report):
    _, graph = other_report
    rows = answer(graph, "report-checks")
    assert len([r for r in rows if r[1].startswith("row-product")]) == len(OTHER_COURSES)
    assert all(holds for _, _, holds, _ in rows), [r for r in rows if not r[2]]


def test_eleven_plants_with_their_own_codes_scores_and_certificates(other_report):
    variant, graph = other_report
    assert len(variant.plants) == 11
    assert sorted(answer(graph, "report-facilities"), key=repr) == sorted(_expected_facilities(variant), key=repr)


def test_rerated_and_reordered_rows_keep_their_ratings_and_measures(other_report):
    variant, graph = other_report
    own = {(issue, rating) for _, issue, scope, rating in answer(graph, "report-risks") if scope == "own-operations"}
    assert own == set(variant.own_ratings_now().items())
    measures = answer(graph, "report-measures")
    child_labour = {(kind, category, text) for _, issue, scope, kind, category, text, _ in measures
                    if scope == "own-operations" and issue == "童工"}
    assert ("remediation", "補償", "若不慎聘用則啟動童工補救措施。") in child_labour
    assert len(child_labour) == 4


def test_stated_risk_counts_follow_the_new_ratings(other_report):
    variant, graph = other_report
    checks = {check: holds for _, check, holds, _ in answer(graph, "report-checks")}
    assert checks["stated-count: high risks in own-operations"] is True
    assert "共3項為中度風險及2項高度風險" in variant.text


@pytest.mark.parametrize("repeat_header, page_number", [(True, None), (False, None), (True, "12"), (False, "12")],
                         ids=["repeated-header", "blank-line", "page-number-and-header", "page-number-only"])
def test_a_training_table_split_by_a_page_break_is_read_whole(tmp_path, repeat_header, page_number):
    variant = _seed_variant().replace_courses(OTHER_COURSES, seed=3).split_training(repeat_header=repeat_header, page_number=page_number)
    graph = _graph(tmp_path, variant)
    assert sorted(answer(graph, "report-training")) == _expected_training(variant)
    checks = answer(graph, "report-checks")
    assert all(holds for _, _, holds, _ in checks)
    assert len([c for c in checks if c[1].startswith("column-sum")]) == 2


def test_a_printed_total_row_is_taken_as_the_stated_total_not_as_a_course(tmp_path):
    variant = _seed_variant().replace_courses(OTHER_COURSES, seed=1, total_row=True)
    graph = _graph(tmp_path, variant)
    assert sorted(answer(graph, "report-training")) == _expected_training(variant)
    assert all(holds for _, _, holds, _ in answer(graph, "report-checks"))


def test_a_tampered_total_fails_its_check(tmp_path):
    variant = _seed_variant().tamper_total(42_600)
    graph = _graph(tmp_path, variant)
    checks = {check: (holds, detail) for _, check, holds, detail in answer(graph, "report-checks")}
    holds, detail = checks["column-sum: attendance total 2024"]
    assert holds is False
    assert "42,599" in detail and "42,600" in detail
    assert checks["column-sum: training-hours total 2024"][0] is True


def test_a_tampered_row_fails_its_row_check(tmp_path):
    text = SEED.read_text(encoding="utf-8").replace("1\t0.50\t125\t62.50", "1\t0.50\t125\t63.50")
    text = text.replace("0.50\t125\t62.50", "0.50\t125\t63.50")
    path = tmp_path / "tampered.txt"
    path.write_text(text, encoding="utf-8")
    checks = {check: holds for _, check, holds, _ in answer(report_graph(path), "report-checks")}
    assert checks["row-product: 新人關懷計畫-- Mentor培育線上課程 (基礎)"] is False
    assert checks["column-sum: training-hours total 2024"] is False
    assert sum(1 for holds in checks.values() if not holds) == 2
