"""The LegCo parser on the seed paper and on small inputs: what it reads and where from."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tiaoli.extract.attribution import attribute
from tiaoli.extract.parsers.base import iter_spans
from tiaoli.extract.parsers.legco.counts import extract_counts
from tiaoli.extract.parsers.legco.programmes import split_institution

from legco_support import SEED, parse_file, parse_text


@pytest.fixture(scope="module")
def parsed(corpus_dir):
    return parse_file(corpus_dir / SEED)


@pytest.fixture(scope="module")
def paper(parsed):
    return parsed.root


def test_every_fact_span_quotes_the_source_exactly(parsed):
    text = parsed.source.text
    spans = list(iter_spans(parsed.root))
    assert len(spans) > 250
    assert all(text[s.start:s.end] == s.text for s in spans)


def test_nearly_all_text_is_attributed_to_typed_facts(parsed):
    assert attribute(parsed).share > 0.98


def test_paper_head_and_signature(paper):
    assert paper.panel.name == "立法會教育事務委員會"
    assert paper.document_type.name == "資料文件"
    assert paper.title.name == "「教育發展基金」校本專業支援計劃的進度報告"
    assert paper.bureau.name == "教育局"
    assert paper.date.iso == "2008-07"


def test_numbered_paragraphs_keep_every_number_and_join_page_breaks(paper):
    assert [p.number for p in paper.paragraphs] == list(range(1, 19))
    fourth = next(p for p in paper.paragraphs if p.number == 4)
    assert len(fourth.spans) == 2 and fourth.spans[1].text.startswith("漸趨多元化")


def test_cited_paper_number_is_parsed_with_its_date_and_type(paper):
    (ref,) = paper.references
    assert (ref.number.committee, ref.number.serial, ref.number.session, ref.number.part) == ("CB(2)", 1667, "05-06", "01")
    assert ref.document_type == "資料文件" and ref.date.iso == "2006-04"


def test_fund_approval_term_and_governance(paper):
    fund = paper.fund
    assert fund.name == "教育發展基金"
    assert (fund.approved_amount, fund.currency, fund.approved.iso) == (Decimal(550000000), "HKD", "2004-07")
    assert fund.amount_span.text == "5.5 億元"
    assert fund.approved_by.name == "財務委員會"
    assert fund.term_years == 5
    assert fund.trust_deed_signed.iso == "2004-09-09"
    assert fund.trust_deed_signed_by.name == "前教統局常任秘書長"
    assert fund.trustee.name == "教育局常任秘書長"
    assert fund.investment_powers_from.iso == "2004-09-16"
    assert fund.investment_delegate.name == "前教統局首席助理秘書長（財政）"
    assert fund.advisory_committee.name == "教育發展基金諮詢委員會"
    assert fund.advisory_committee_established.iso == "2004-09"
    assert fund.audited_accounts_to.iso == "2007-08-31"


def test_programmes_follow_the_lettered_list_and_their_own_headings(paper):
    assert [(p.letter, p.paragraph) for p in paper.programmes] == [("a", 5), ("b", 6), ("c", 7), ("d", 8), ("e", 9)]
    second = paper.programmes[1]
    assert second.name == "學校支援夥伴（借調教師）計劃" and second.heading.name == "學校支援夥伴(借調教師)計劃"


def test_every_programme_has_each_kind_of_statement(paper):
    for programme in paper.programmes:
        kinds = {s.kind for s in programme.statements}
        assert {"strategy", "progress", "beneficiaries", "reflection", "outcome", "future"} <= kinds, programme.name


def test_sub_schemes_are_read_from_underlined_sub_headings(paper):
    second = paper.programmes[1]
    assert [s.name for s in second.sub_schemes] == ["本地借調教師", "內地交流人員"]
    by_scheme = {s.key: s.name for s in second.sub_schemes}
    future = [(by_scheme[s.sub_scheme], s.text[:4]) for s in second.statements if s.kind == "future"]
    assert future == [("本地借調教師", "繼續拓展"), ("內地交流人員", "籌辦更多"), ("內地交流人員", "增加不同"), ("內地交流人員", "加強「內")]
    assert all(not p.sub_schemes for p in paper.programmes if p is not second)


def test_statement_split_by_a_page_break_is_joined(paper):
    reflections = [s for s in paper.programmes[0].statements if s.kind == "reflection"]
    joined = next(s for s in reflections if len(s.spans) == 2)
    assert "「夥伴校長」無論在學校背景" in joined.text


def test_progress_period_comes_from_the_row_label(paper):
    progress = [s for s in paper.programmes[4].statements if s.kind == "progress"]
    assert {s.period.label for s in progress} == {"2006/07 至 2007/08"}
    assert len(progress) == 2


def test_professional_development_schools_by_school_year_with_composition(paper):
    third = paper.programmes[2]
    counts = {m.key: m for m in third.other_counts}
    totals = [(m.period.label, m.value) for m in third.other_counts if m.description == "專業發展學校"]
    assert totals == [("2006/07", 12), ("2007/08", 18)]
    parts: dict[str, list[tuple[str, Decimal]]] = {}
    for part, whole in third.parts:
        parts.setdefault(counts[whole].period.label if whole in counts else whole, []).append((counts[part].description, counts[part].value) if part in counts else ("", 0))
    assert parts["2006/07"] == [("小學", 5), ("中學", 5), ("特殊學校", 2)]
    assert parts["2007/08"] == [("小學", 10), ("中學", 6), ("特殊學校", 2)]


def test_phases_announce_the_number_of_projects_listed(paper):
    fourth = paper.programmes[3]
    assert [(p.phase, p.declared_count) for p in fourth.phases] == [(1, 4), (2, 7)]
    assert [sum(1 for j in fourth.projects if j.phase == n) for n in (1, 2)] == [4, 7]
    assert all(j.description is not None for j in fourth.projects)


def test_derived_sum_and_share(paper):
    total, share = paper.derived
    assert (total.value, total.unit, total.derived) == (Decimal(176400000), "HKD", True)
    assert (share.value, share.unit, share.derived) == (Decimal("32.07"), "percent", True)
    assert total.period.start == "2004-09" and total.period.end == "2008-06"


@pytest.mark.parametrize(
    "org, expected",
    [
        ("香港教育學院評估研究及發展中心", ("香港教育學院", "評估研究及發展中心")),
        ("香港中文大學教育學院香港教育研究所", ("香港中文大學", "教育學院香港教育研究所")),
        ("香港大學", ("香港大學", None)),
        ("某研究中心", ("某研究中心", None)),
    ],
)
def test_institution_and_department_split(org, expected):
    assert split_institution(org) == expected


def _counts(tmp_path, sentence):
    doc = parse_text(tmp_path, f"資料文件\n\n{sentence}\n").source
    block = doc.blocks[-1]
    facts = extract_counts(doc, [(block.text, block.span)], key_prefix="p", measure="beneficiaries", subject_label="p", subject_key="p")
    return facts


def test_counts_respectively_are_spread_over_the_school_years(tmp_path):
    facts = _counts(tmp_path, "2010/11 至 2011/12 學年，分別有 12 及 30 位導師參與計劃。")
    assert [(m.value, m.unit_label, m.description, m.period.label) for m in facts.metrics] == [
        (12, "位", "導師", "2010/11"),
        (30, "位", "導師", "2011/12"),
    ]


def test_counts_keep_approximate_and_at_least_flags(tmp_path):
    facts = _counts(tmp_path, "於 2012/13 學年，出席的家長約有 1,200 人次；講座亦達 35 次之多。")
    assert [(m.value, m.unit, m.approximate, m.at_least, m.description) for m in facts.metrics] == [
        (1200, "person-time", True, False, "出席的家長"),
        (35, "occurrence", False, True, "講座"),
    ]


def test_counts_with_a_breakdown_record_their_parts(tmp_path):
    facts = _counts(tmp_path, "2009/10 學年，受惠的學校合共 20 所（8 所中學及 12 所小學）。")
    values = {m.key: (m.value, m.description) for m in facts.metrics}
    assert sorted((values[p], values[w]) for p, w in facts.parts) == [
        ((8, "中學"), (20, "受惠的學校")),
        ((12, "小學"), (20, "受惠的學校")),
    ]


def test_counts_with_a_chinese_scale(tmp_path):
    facts = _counts(tmp_path, "2014/15 學年，受惠學生共有 3 萬名，參與活動的家長逾 1.2萬人次。")
    assert [(m.value, m.unit_label, m.description, m.at_least) for m in facts.metrics] == [
        (30000, "名", "受惠學生", False),
        (12000, "人次", "參與活動的家長", True),
    ]
