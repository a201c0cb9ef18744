"""The same reports printed to PDF (tests/pdf_render.py) must answer the competency questions the same way."""

from __future__ import annotations

import pytest

from pdf_render import render
from report_support import SEED, answer, report_graph
from report_variants import OTHER_COURSES, OTHER_PLANTS, Variant
from tiaoli.extract.loaders import load_document

QUESTIONS = ["report-training", "report-risks", "report-measures", "report-indicators", "report-facilities", "report-checks"]


def _as_pdf(text_path, tmp_path):
    return render(load_document(text_path), tmp_path / (text_path.stem + ".pdf"))


@pytest.fixture(scope="module")
def seed_pair(tmp_path_factory):
    folder = tmp_path_factory.mktemp("seed-pdf")
    return report_graph(SEED), report_graph(_as_pdf(SEED, folder))


@pytest.mark.parametrize("question", QUESTIONS)
def test_the_seed_as_pdf_answers_like_the_text(seed_pair, question):
    text, pdf = seed_pair
    assert sorted(answer(pdf, question), key=repr) == sorted(answer(text, question), key=repr)


def test_the_seed_as_pdf_keeps_the_headline_metrics(seed_pair):
    _, pdf = seed_pair
    values = {(value, unit) for _, _, _, value, unit, _, _ in answer(pdf, "metrics")}
    from decimal import Decimal

    assert {(Decimal("42599"), "人次"), (Decimal("28674.50"), "小時"), (Decimal("262"), "次"), (Decimal("38"), "次")} <= values


def test_another_company_as_pdf_comes_out_right(tmp_path):
    variant = (Variant(SEED.read_text(encoding="utf-8")).rename_company("星河電子")
               .replace_courses(OTHER_COURSES, seed=5).replace_plants(OTHER_PLANTS))
    source = tmp_path / "other.txt"
    source.write_text(variant.text, encoding="utf-8")
    pdf = report_graph(_as_pdf(source, tmp_path))
    text = report_graph(source)
    for question in QUESTIONS:
        assert sorted(answer(pdf, question), key=repr) == sorted(answer(text, question), key=repr), question
    assert len(answer(pdf, "report-facilities")) == len(OTHER_PLANTS)
    assert len(answer(pdf, "report-training")) == len(OTHER_COURSES)
