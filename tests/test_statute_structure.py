"""The statute structure parser on small laws in each printed layout, and on the seed."""

from __future__ import annotations

import re

import pytest

from tiaoli.extract.loaders.text import load_text
from tiaoli.extract.model import SourceDocument
from tiaoli.extract.parsers.statute import PARSER
from tiaoli.extract.parsers.statute.model import Act


def parse_text(text: str, doc_id: str = "law") -> list[Act]:
    doc = load_text(SourceDocument(id=doc_id, path=f"{doc_id}.txt", text=text))
    return PARSER.parse(doc).root.acts


def only_act(text: str) -> Act:
    acts = parse_text(text)
    assert len(acts) == 1
    return acts[0]


def squeeze(text: str) -> str:
    return re.sub(r"\s", "", text)


MOJ_PRINT = """法規名稱：測試管理法
修正日期：民國 103 年 06 月 18 日
法規類別：行政 > 測試部

第 一 章 總則
第 1 條
為管理測試事務，特制定本法。
第 2 條
本法所稱主管機關：在中央為測試部。
第 一 章之一 程序
第 2-1 條
申請人應於五日內提出下列文件：
一、申請書。
二、證明文件：
（一）身分證明。
（二）資格證明。
前項文件不全者，主管機關得通知補正。
第 3 條
（刪除）
"""


def test_moj_print_layout_gives_act_divisions_articles_and_units():
    act = only_act(MOJ_PRINT)
    assert act.title == "測試管理法"
    assert act.version_date == "2014-06-18"
    assert act.date_text == "民國 103 年 06 月 18 日"
    assert act.jurisdiction == "tw"
    assert [d.heading for d in act.divisions] == ["第一章 總則", "第一章之一 程序"]
    assert [d.number for d in act.divisions] == ["1", "1-1"]
    assert [a.number for a in act.articles] == ["1", "2", "2-1", "3"]
    assert [act.divisions[a.division].number for a in act.articles] == ["1", "1", "1-1", "1-1"]
    article = act.articles[2]
    assert article.label == "第 2-1 條"
    assert [p.number for p in article.paragraphs] == [1, 2]
    first = article.paragraphs[0]
    assert first.lead == "申請人應於五日內提出下列文件："
    assert [(i.number, i.lead) for i in first.items] == [(1, "申請書。"), (2, "證明文件：")]
    assert [(s.number, s.text) for s in first.items[1].subitems] == [(1, "身分證明。"), (2, "資格證明。")]
    assert act.articles[3].deleted and act.articles[3].text == "（刪除）"


def test_every_span_quotes_the_source():
    doc = load_text(SourceDocument(id="law", path="law.txt", text=MOJ_PRINT))
    from tiaoli.extract.parsers.base import iter_spans

    parsed = PARSER.parse(doc)
    spans = list(iter_spans(parsed.root))
    assert spans
    assert all(doc.text[s.start:s.end] == s.text for s in spans)


LY_GAZETTE = """測試管理法
中華民國98年5月15日修正
中華民國98年6月3日公布

第一章  總則
第十五條
　　商業應設置帳簿。
第十五條之一
（罰則）
　　違反前條規定者，處新臺幣一萬元以下罰鍰。
第十五條 之二
　　本條文字。
"""


def test_ly_layout_numbers_captions_and_promulgation_date():
    act = only_act(LY_GAZETTE)
    assert act.title == "測試管理法"
    assert act.version_date == "2009-06-03"
    assert [a.number for a in act.articles] == ["15", "15-1", "15-2"]
    assert act.articles[1].caption == "（罰則）"
    assert act.articles[1].text == "違反前條規定者，處新臺幣一萬元以下罰鍰。"
    assert act.divisions[0].heading == "第一章 總則"


PAGE_BROKEN = """名稱 測試法
修正日期 民國 98 年 06 月 03 日

## 第一章 總則

- 第 1 條 商業應以我國文字記載；其因

事實上之需要，得併用外國文字。
第十條規定之事項，依本條辦理。

第 2 條 會計科目分下列二類：

- 一、資產類。
  - 二、負債類。
- 前項分類，得增減之。
"""


def test_page_breaks_and_bullets_do_not_split_units():
    act = only_act(PAGE_BROKEN)
    first, second = act.articles
    assert [p.text for p in first.paragraphs] == ["商業應以我國文字記載；其因事實上之需要，得併用外國文字。", "第十條規定之事項，依本條辦理。"]
    assert first.paragraphs[0].span.text.startswith("商業") and "\n\n" in first.paragraphs[0].span.text
    assert [len(p.items) for p in second.paragraphs] == [2, 0]


def test_compilation_splits_acts_where_numbering_restarts():
    text = """甲國憲法
第一章 總綱
第一條 甲國是國家。
第二條 甲國有人民。
乙地區
特別行政區基本法
序 言
乙地區自古以來屬於甲國。
第一章 總 則
第一條 乙地區是甲國的一部分。
第二章 關係
第二條 甲國授權乙地區。
"""
    acts = parse_text(text)
    assert [a.title for a in acts] == ["甲國憲法", "乙地區特別行政區基本法"]
    assert [len(a.articles) for a in acts] == [2, 2]
    assert acts[1].preamble is not None and acts[1].preamble.text == "乙地區自古以來屬於甲國。"
    assert [d.heading for d in acts[1].divisions] == ["第一章 總則", "第二章 關係"]
    assert acts[0].articles[-1].text == "甲國有人民。"


def test_seed_statute_structure(corpus_dir):
    from tiaoli.extract.loaders import load_document

    doc = load_document(corpus_dir / "003_c9028c36c3eddfe8.txt")
    act = only_act_of(PARSER.parse(doc).root.acts)
    assert act.version_date == "2009-06-03"
    assert len(act.articles) == 83
    assert len(act.divisions) == 10
    by_number = {a.number: a for a in act.articles}
    # Counted by hand from the text: paragraphs continue across the blank lines of page breaks.
    assert [len(by_number[n].paragraphs) for n in ("8", "18", "42", "47", "66")] == [1, 2, 3, 6, 3]
    assert [len(p.items) for p in by_number["27"].paragraphs] == [9, 0]
    assert [len(p.items) for p in by_number["29"].paragraphs] == [10, 0]
    assert [len(i.subitems) for i in by_number["3"].paragraphs[1].items] == [2, 0, 0]
    assert act.divisions[by_number["71"].division].heading == "第九章 罰則"


def only_act_of(acts: list[Act]) -> Act:
    assert len(acts) == 1
    return acts[0]


@pytest.mark.parametrize("label,number", [("第 15-1 條", "15-1"), ("第十五條之一", "15-1"), ("第十五條 之一", "15-1"), ("第15條之1", "15-1")])
def test_article_label_forms(label, number):
    act = only_act(f"測試法\n第十四條 前文。\n{label} 本文。\n")
    assert [a.number for a in act.articles] == ["14", number]


def test_unnumbered_heading_series_and_a_caption_before_the_label():
    act = only_act(
        """測試要點
壹、總則
第一條 本要點為測試而定。
（目的）
第二條 本要點之目的如下。
貳、附則
甲、施行
第三條 本要點自發布日施行。
"""
    )
    assert [(d.level, d.number, d.heading) for d in act.divisions] == [
        ("heading", "1", "壹 總則"), ("heading", "2", "貳 附則"), ("heading", "1", "甲 施行")
    ]
    assert [act.divisions[a.division].heading for a in act.articles] == ["壹 總則", "壹 總則", "甲 施行"]
    assert act.divisions[2].parent == 1
    assert act.articles[1].caption == "（目的）"
    assert act.articles[0].text == "本要點為測試而定。"


def test_seed_reflowed_at_a_narrow_width_keeps_its_structure(corpus_dir):
    from tiaoli.extract.loaders import load_document

    seed = load_document(corpus_dir / "003_c9028c36c3eddfe8.txt")
    wrapped = []
    for line in seed.text.split("\n"):
        line = line.rstrip()
        while len(line) > 40:
            wrapped.append(line[:40])
            line = line[40:]
        wrapped.append(line)
    original = only_act_of(PARSER.parse(seed).root.acts)
    reflowed = only_act("\n".join(wrapped))
    assert [(a.number, squeeze(a.text), len(a.paragraphs)) for a in reflowed.articles] == [
        (a.number, squeeze(a.text), len(a.paragraphs)) for a in original.articles
    ]
