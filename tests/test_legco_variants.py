"""Variants of the seed paper — another fund, renamed programmes, other numbers and years,
rows reordered or removed, four or six programmes — parse as the paper says.

Each variant is the seed rewritten by plain text substitution, so its layout is that of a
real paper while none of its names, numbers or years are the seed's.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from legco_support import SEED, graph_store, parse_text, select

ANOTHER_FUND = [
    ("教育發展基金", "語文基金"),
    ("5.5 億元", "3.2 億元"),
    ("二零零四年七月", "二零一零年一月"),
    ("起始五年", "起始三年"),
    ("立法會教育事務委員會", "立法會民政事務委員會"),
    ("教育局", "民政事務局"),
    ("二零零八年七月", "二零一四年三月"),
    ("CB(2)1667/05-06(01)", "CB(4)812/10-11(03)"),
    ("二零零六年四月", "二零一一年二月"),
    ("二零零四年九月九日", "二零一零年三月五日"),
    ("二零零四年九月十六日", "二零一零年三月十八日"),
    ("二零零四年九月成立", "二零一零年四月成立"),
    ("二零零七年八月三十一日", "二零一二年八月三十一日"),
    ("校長支援網絡", "語文教師支援網絡"),
    ("學校支援夥伴（借調教師）計劃", "語文夥伴（借調導師）計劃"),
    ("學校支援夥伴(借調教師)計劃", "語文夥伴(借調導師)計劃"),
    ("本地借調教師", "本地借調導師"),
    ("內地交流人員", "海外交流導師"),
    ("專業發展學校計劃", "語文卓越學校計劃"),
    ("大學-學校支援計劃", "大專-學校協作計劃"),
    ("大學－學校支援計劃", "大專－學校協作計劃"),
    ("同儕參與校外評核", "語文同儕觀課計劃"),
    ("4.7 百萬元", "13.6 百萬元"),
    ("50.1 百萬元", "33.3 百萬元"),
    ("9.9 百萬元", "8.0 百萬元"),
    ("109.2 百萬元", "70.4 百萬元"),
    ("2.5 百萬元", "1.8 百萬元"),
    ("9.2004 至 6.2008", "1.2010 至 12.2013"),
    ("9.2004至 6.2008", "1.2010 至 12.2013"),
    ("2005/06", "2010/11"),
    ("2006/07", "2011/12"),
    ("2007/08", "2012/13"),
    ("2008/09", "2013/14"),
    ("2009/10", "2014/15"),
    ("(2004-2008)", "(2010-2013)"),
    ("(2005-2008)", "(2011-2013)"),
    ("(2004-2009)", "(2010-2015)"),
    ("(2008-2011)", "(2013-2016)"),
    ("(2008-2010)", "(2013-2015)"),
    ("香港教育學院", "香港理工大學"),
    ("合共 46 名", "合共 58 名"),
    ("約有 400 人次", "約有 520 人次"),
    ("100 次之多", "75 次之多"),
    ("共有 104 位", "共有 96 位"),
    ("合共 95 所（37 所中學、56 所小學及 2 所特殊學校）", "合共 61 所（20 所中學、40 所小學及 1 所特殊學校）"),
    ("有 148 及 90 位", "有 130 及 77 位"),
    ("有 12 所，包括 5 所小學、5 所中學及 2 所特殊學校", "有 9 所，包括 4 所小學、4 所中學及 1 所特殊學校"),
]

EXTRA_PROGRAMME = """## 家長教育計劃

下表概述家長教育計劃的推行情況及未來發展路向。

策略	與辦學團體合辦家長講座，加強家校合作。
2006/07 至 2007/08 推行進度	<ul><li>➤ 舉辦了一系列家長講座及工作坊。</li></ul>
受惠者數目	2006/07 至 2007/08 學年，參與講座的家長約有 3,500 人次，受惠的學校有 40 所小學。
累計支出 (9.2004 至 6.2008)	6.0 百萬元
未來發展	<ul><li>➤ 擴展至中學。</li></ul>

"""


def rewrite(text: str, pairs: list[tuple[str, str]]) -> str:
    for old, new in pairs:
        assert old in text, f"the seed no longer has {old!r}"
        text = text.replace(old, new)
    return text


def between(text: str, start: str, end: str) -> tuple[int, int]:
    a = text.index(start)
    return a, text.index(end, a)


def without(text: str, start: str, end: str) -> str:
    a, b = between(text, start, end)
    return text[:a] + text[b:]


def table_line(text: str, label_start: str, after: str) -> str:
    """The whole table line whose first cell starts with ``label_start``, the first after ``after``."""
    a = text.index("\n" + label_start, text.index(after)) + 1
    return text[a : text.index("\n", a) + 1]


@pytest.fixture(scope="module")
def seed_text(corpus_dir) -> str:
    return (corpus_dir / SEED).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def another_fund(seed_text, tmp_path_factory):
    text = rewrite(seed_text, ANOTHER_FUND).replace("資料文件\n", "討論文件\n", 1)
    parsed = parse_text(tmp_path_factory.mktemp("another"), text)
    return parsed, graph_store(parsed)


def test_another_fund_and_its_approval(another_fund):
    parsed, store = another_fund
    assert [(r["label"], r["amount"], r["currency"], r["approved"]) for r in select(store, "legco-fund.rq")] == [
        ("語文基金", 320000000, "HKD", "2010-01")
    ]
    fund = parsed.root.fund
    assert (fund.term_years, fund.trust_deed_signed.iso, fund.investment_powers_from.iso) == (3, "2010-03-05", "2010-03-18")
    assert (fund.advisory_committee_established.iso, fund.audited_accounts_to.iso) == ("2010-04", "2012-08-31")
    assert fund.trustee.name == "民政事務局常任秘書長"


def test_another_fund_paper_head(another_fund):
    paper = another_fund[0].root
    assert (paper.panel.name, paper.document_type.name, paper.bureau.name, paper.date.iso) == ("立法會民政事務委員會", "討論文件", "民政事務局", "2014-03")
    assert [r["citedNumber"] for r in select(another_fund[1], "legco-references.rq")] == ["CB(4)812/10-11(03)"]


def test_another_fund_programmes_and_expenditure(another_fund):
    rows = select(another_fund[1], "legco-programmes.rq")
    assert sorted((r["label"], r["expenditure"], r["periodStart"], r["periodEnd"]) for r in rows) == sorted(
        [
            ("語文教師支援網絡", 13600000, "2010-01", "2013-12"),
            ("語文夥伴（借調導師）計劃", 33300000, "2010-01", "2013-12"),
            ("語文卓越學校計劃", 8000000, "2010-01", "2013-12"),
            ("大專-學校協作計劃", 70400000, "2010-01", "2013-12"),
            ("語文同儕觀課計劃", 1800000, "2010-01", "2013-12"),
        ]
    )
    total, share = another_fund[0].root.derived
    assert (total.value, share.value) == (Decimal(127100000), Decimal("39.72"))


def test_another_fund_beneficiaries(another_fund):
    labels = {r["programme"]: r["label"] for r in select(another_fund[1], "legco-programmes.rq")}
    got = sorted((labels[r["programme"]], r["count"], r["unit"], r["period"], r["approximate"]) for r in select(another_fund[1], "legco-beneficiaries.rq"))
    both, first, second = "2011/12 至 2012/13", "2011/12", "2012/13"
    a, b, c, d, e = "語文教師支援網絡", "語文夥伴（借調導師）計劃", "語文卓越學校計劃", "大專-學校協作計劃", "語文同儕觀課計劃"
    assert got == sorted(
        [
            (a, 58, "名", both, False), (a, 520, "人次", second, True), (a, 75, "次", second, False),
            (b, 96, "位", both, False), (b, 82, "位", both, False), (b, 30, "所", both, False), (b, 117, "所", both, False), (b, 48, "所", both, False),
            (c, 61, "所", both, False), (c, 20, "所", both, False), (c, 40, "所", both, False), (c, 1, "所", both, False),
            (d, 107, "所", first, False), (d, 105, "所", first, False), (d, 16, "所", first, False),
            (d, 86, "所", second, False), (d, 101, "所", second, False), (d, 9, "所", second, False),
            (e, 130, "位", first, False), (e, 77, "位", second, False), (e, 129, "所", both, False), (e, 96, "所", both, False), (e, 13, "所", both, False),
        ]
    )


def test_another_fund_sub_schemes_and_schools_count(another_fund):
    paper = another_fund[0].root
    assert [s.name for s in paper.programmes[1].sub_schemes] == ["本地借調導師", "海外交流導師"]
    third = paper.programmes[2]
    assert [(m.period.label, m.value) for m in third.other_counts if m.description == "專業發展學校"] == [("2011/12", 9), ("2012/13", 18)]


def test_another_fund_projects(another_fund):
    rows = select(another_fund[1], "legco-projects.rq")
    assert [(r["institution"], r["startYear"], r["endYear"], r["phase"]) for r in rows] == [
        ("香港理工大學", 2010, 2013, 1),
        ("香港理工大學", 2011, 2013, 1),
        ("香港中文大學", 2010, 2015, 1),
        ("香港中文大學", 2010, 2015, 1),
        ("香港中文大學", 2013, 2016, 2),
        ("香港大學", 2013, 2016, 2),
        ("香港理工大學", 2013, 2015, 2),
        ("香港中文大學", 2013, 2015, 2),
        ("香港大學", 2013, 2016, 2),
        ("香港理工大學", 2013, 2016, 2),
        ("香港中文大學", 2013, 2015, 2),
    ]


def test_four_programmes_with_rows_removed_and_reordered(seed_text, tmp_path):
    text = without(seed_text, "### 同儕參與校外評核", "## **基金的運作**")
    text = text.replace("- (e) 同儕參與校外評核\n", "")
    outcome = table_line(text, "成果及影響", "5. 下表")
    future = table_line(text, "未來發展", "5. 下表")
    spending = table_line(text, "累計支出", "5. 下表")
    text = text.replace(outcome, "").replace(future, "").replace(spending, future + spending)
    parsed = parse_text(tmp_path, text)
    rows = select(graph_store(parsed), "legco-programmes.rq")
    assert sorted((r["label"], r["expenditure"]) for r in rows) == sorted(
        [("校長支援網絡", 4700000), ("學校支援夥伴（借調教師）計劃", 50100000), ("專業發展學校計劃", 9900000), ("大學-學校支援計劃", 109200000)]
    )
    first = parsed.root.programmes[0]
    assert "outcome" not in {s.kind for s in first.statements}
    assert [s.kind for s in first.statements if s.kind == "future"] == ["future"] * 4
    assert parsed.root.derived[0].value == Decimal(173900000)


def test_six_programmes(seed_text, tmp_path):
    text = seed_text.replace("- (e) 同儕參與校外評核\n", "- (e) 同儕參與校外評核\n- (f) 家長教育計劃\n")
    text = text.replace("## **基金的運作**", EXTRA_PROGRAMME + "## **基金的運作**")
    parsed = parse_text(tmp_path, text)
    store = graph_store(parsed)
    rows = {r["label"]: r["expenditure"] for r in select(store, "legco-programmes.rq")}
    assert len(rows) == 6 and rows["家長教育計劃"] == 6000000
    sixth = parsed.root.programmes[5]
    assert sixth.letter == "f"
    assert [(m.value, m.unit_label, m.description, m.approximate) for m in sixth.beneficiaries] == [
        (3500, "人次", "參與講座的家長", True),
        (40, "所", "小學", False),
    ]
    total, share = parsed.root.derived
    assert (total.value, share.value) == (Decimal(182400000), Decimal("33.16"))


def test_programmes_without_headings_are_named_by_their_table_sentence(seed_text, tmp_path):
    text = seed_text
    for heading in ("### **校長支援網絡**\n", "## 學校支援夥伴(借調教師)計劃\n", "## 專業發展學校計劃\n", "## 大學－學校支援計劃\n", "### 同儕參與校外評核\n"):
        text = text.replace(heading, "")
    text = without(text, "- (a) ", "3. 為了")
    parsed = parse_text(tmp_path, text)
    assert [p.name for p in parsed.root.programmes] == ["校長支援網絡", "學校支援夥伴(借調教師)計劃", "專業發展學校計劃", "大學－學校支援計劃", "同儕參與校外評核"]
    assert [p.expenditure.value for p in parsed.root.programmes] == [4700000, 50100000, 9900000, 109200000, 2500000]


def test_programme_list_written_inline_in_one_paragraph(seed_text, tmp_path):
    a, b = between(seed_text, "- (a) ", "3. 為了")
    inline = "(a) 校長支援網絡；(b) 學校支援夥伴（借調教師）計劃；(c) 專業發展學校計劃；(d) 大學-學校支援計劃；及 (e) 同儕參與校外評核。\n\n"
    parsed = parse_text(tmp_path, seed_text[:a] + inline + seed_text[b:])
    assert [(p.letter, p.name) for p in parsed.root.programmes] == [
        ("a", "校長支援網絡"), ("b", "學校支援夥伴（借調教師）計劃"), ("c", "專業發展學校計劃"), ("d", "大學-學校支援計劃"), ("e", "同儕參與校外評核"),
    ]


SEED_NAMES = ["教育發展基金", "校長支援網絡", "學校支援夥伴", "專業發展學校", "大學-學校", "大學－學校", "同儕參與校外評核", "借調教師", "內地交流人員", "教育事務委員會", "CB(2)1667"]


def test_parser_and_lexicon_name_none_of_the_seeds_entities(repo_dir: Path):
    sources = [*sorted((repo_dir / "extract" / "parsers" / "legco").glob("*.py")), repo_dir / "extract" / "lexicon" / "legco.toml", repo_dir / "graph" / "mapping" / "legco.py"]
    found = [(p.name, name) for p in sources for name in SEED_NAMES if name in p.read_text(encoding="utf-8")]
    assert found == []


SMALL_PAPER = """討論文件

立法會福利事務委員會

長者支援基金推行情況報告

2. 二零一二年三月，立法會財務委員會批准撥款二億元，成立長者支援基金，為期三年。基金資助下列計劃：(a) 社區照顧計劃；及 (b) 長者學苑計劃。

3. 下表概述社區照顧計劃的推行情況。

策略	為體弱長者提供上門照顧服務。
受惠人數	2012/13 學年，受惠長者約有 1,200 名。
累計開支 (截至 2014 年 3 月)	12.5 百萬元（約）

4. 下表概述長者學苑計劃的推行情況。

策略	與學校合辦長者學苑。
2012/13 至 2013/14 推行進度	<ul><li>➤ 已成立多所長者學苑。</li></ul>
受惠者數目	2012/13 及 2013/14 學年，分別有 30 及 45 所學校參與。
累計支出 (4.2012 至 3.2014)	3.2 百萬元

5. 請委員備悉本文件內容。

勞工及福利局 二零一四年五月
"""


def test_a_small_paper_of_the_kind_written_from_scratch(tmp_path):
    parsed = parse_text(tmp_path, SMALL_PAPER)
    paper = parsed.root
    assert (paper.document_type.name, paper.panel.name, paper.title.name) == ("討論文件", "立法會福利事務委員會", "長者支援基金推行情況報告")
    assert (paper.bureau.name, paper.date.iso) == ("勞工及福利局", "2014-05")
    fund = paper.fund
    assert (fund.name, fund.approved_amount, fund.approved.iso, fund.approved_by.name, fund.term_years) == ("長者支援基金", 200000000, "2012-03", "財務委員會", 3)
    first, second = paper.programmes
    assert (first.letter, first.name, first.paragraph, first.expenditure.value) == ("a", "社區照顧計劃", 3, 12500000)
    assert (first.expenditure.period.start, first.expenditure.period.end) == (None, "2014-03")
    assert [(m.value, m.unit_label, m.description, m.approximate) for m in first.beneficiaries] == [(1200, "名", "受惠長者", True)]
    assert (second.letter, second.name, second.expenditure.value) == ("b", "長者學苑計劃", 3200000)
    assert [(m.value, m.period.label) for m in second.beneficiaries] == [(30, "2012/13"), (45, "2013/14")]
    assert [p.number for p in paper.paragraphs] == [2, 3, 4, 5]
    total, share = paper.derived
    assert (total.value, share.value) == (Decimal(15700000), Decimal("7.85"))


HTML_TABLE_PAPER = """立法會 CB(2)900/12-13(04)號文件

資料文件

立法會人力事務委員會

「技能提升基金」進度報告

2. 政府於二零一二年六月設立「技能提升基金」。

3. 二零一二年五月，立法會財務委員會批准撥款 1.5 億元予該基金，為期四年。基金資助以下計劃：

(一) 在職培訓計劃

(二) 導師培訓計劃

4. 有關計劃已於立法會 CB(2)455/11-12(02) 號文件匯報。

## 在職培訓計劃

<table>
<tr><th>項目</th><th>內容</th></tr>
<tr><td rowspan="2">策略</td><td><p>提供在職培訓。</p></td></tr>
<tr><td><p>與商會合作。</p></td></tr>
<tr><td>受惠者數目</td><td>2012/13 學年，參加的僱員合共 2,300 名。</td></tr>
<tr><td>累計開支 (7.2012 至 3.2014)</td><td>20.5 百萬元</td></tr>
</table>

## 導師培訓計劃

<table>
<tr><td>策略</td><td>培訓業界導師。</td></tr>
<tr><td>受惠者數目</td><td>2013/14 學年，完成課程的導師逾 150 名。</td></tr>
<tr><td>累計開支 (7.2012 至 3.2014)</td><td>4.5 百萬元</td></tr>
</table>

勞工及福利局

二零一四年五月
"""


def test_html_tables_chinese_numbered_list_and_the_papers_own_number(tmp_path):
    parsed = parse_text(tmp_path, HTML_TABLE_PAPER)
    paper = parsed.root
    assert paper.number.number.text == "CB(2)900/12-13(04)"
    assert [r.number.text for r in paper.references] == ["CB(2)455/11-12(02)"]
    assert (paper.document_type.name, paper.panel.name, paper.title.name) == ("資料文件", "立法會人力事務委員會", "「技能提升基金」進度報告")
    fund = paper.fund
    assert (fund.name, fund.approved_amount, fund.approved.iso, fund.term_years) == ("技能提升基金", 150000000, "2012-05", 4)
    first, second = paper.programmes
    assert (first.letter, first.name, first.expenditure.value) == ("一", "在職培訓計劃", 20500000)
    assert [s.text for s in first.statements if s.kind == "strategy"] == ["提供在職培訓。", "與商會合作。"]
    assert [(m.value, m.unit_label, m.description) for m in first.beneficiaries] == [(2300, "名", "參加的僱員")]
    assert (second.letter, second.expenditure.value) == ("二", 4500000)
    assert [(m.value, m.at_least, m.description) for m in second.beneficiaries] == [(150, True, "完成課程的導師")]
    store = graph_store(parsed)
    assert [r["citedNumber"] for r in select(store, "legco-references.rq")] == ["CB(2)455/11-12(02)"]


@pytest.mark.parametrize("paper", [HTML_TABLE_PAPER, SMALL_PAPER])
def test_variant_graphs_conform_to_the_shapes(paper, tmp_path):
    import pyoxigraph as ox

    from tiaoli.graph.build import document_quads
    from tiaoli.graph.validate import validate_nquads

    quads, _ = document_quads(parse_text(tmp_path, paper))
    report = validate_nquads(ox.serialize(sorted(quads, key=str), format=ox.RdfFormat.N_QUADS))
    assert report.conforms, report.violations[:10]


@pytest.mark.parametrize("paper", [HTML_TABLE_PAPER, SMALL_PAPER])
def test_papers_of_the_kind_are_detected_without_a_manifest(paper, tmp_path):
    from tiaoli.extract import kinds
    from tiaoli.extract.loaders import load_path

    path = tmp_path / "unlisted.txt"
    path.write_text(paper, encoding="utf-8")
    assert kinds.detect_kind(next(load_path(path))) == "legco-paper"


def test_the_other_kinds_seeds_are_not_taken_for_legco_papers(corpus_dir):
    from tiaoli.extract.loaders import load_path
    from tiaoli.extract.parsers.legco import PARSER

    others = [p for p in sorted(corpus_dir.glob("*.txt")) if p.name != SEED]
    assert others and all(PARSER.detect(next(load_path(p))) < 0.5 for p in others)


def test_other_wordings_of_the_row_labels(seed_text, tmp_path):
    text = rewrite(seed_text, [("策略\t", "推行策略\t"), ("受惠者數目", "受惠對象及人數"), ("成果及影響", "成效"), ("未來發展\t", "展望\t"), ("累計支出", "累計開支")])
    parsed = parse_text(tmp_path, text)
    for programme in parsed.root.programmes:
        assert {"strategy", "progress", "beneficiaries", "reflection", "outcome", "future"} <= {s.kind for s in programme.statements}
    assert [p.expenditure.value for p in parsed.root.programmes] == [4700000, 50100000, 9900000, 109200000, 2500000]
    assert sum(len(p.beneficiaries) for p in parsed.root.programmes) == 23


def test_a_fund_never_quoted_nor_said_to_be_set_up_is_the_one_named_most(tmp_path):
    text = SMALL_PAPER.replace("成立長者支援基金", "推行長者支援基金計劃").replace("5. 請委員備悉本文件內容。", "5. 長者支援基金的運作良好。請委員備悉本文件內容。")
    assert "成立長者" not in text and "設立" not in text and "「" not in text
    assert parse_text(tmp_path, text).root.fund.name == "長者支援基金"


def test_expenditure_from_a_summary_table(tmp_path):
    text = SMALL_PAPER.replace("累計開支 (截至 2014 年 3 月)\t12.5 百萬元（約）\n", "").replace("累計支出 (4.2012 至 3.2014)\t3.2 百萬元\n", "")
    summary = "6. 各計劃的累計開支如下：\n\n計劃\t截至 2014 年 3 月的累計開支（百萬元）\n社區照顧計劃\t12.5\n長者學苑計劃\t3.2\n總計\t15.7\n\n"
    text = text.replace("5. 請委員", summary + "7. 請委員")
    paper = parse_text(tmp_path, text).root
    assert [(p.expenditure.value, p.expenditure.unit_label, p.expenditure.period.end) for p in paper.programmes] == [
        (12500000, "百萬元", "2014-03"),
        (3200000, "百萬元", "2014-03"),
    ]
    assert paper.derived[0].value == 15700000
