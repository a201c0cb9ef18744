"""A statute laid out like a Taiwan law but from elsewhere: the HK Basic Law booklet (a compilation PDF)."""

from __future__ import annotations

import pytest

from tiaoli.extract.loaders import load_document
from tiaoli.extract.parsers.statute import PARSER


@pytest.fixture(scope="module")
def acts(shared_dir):
    doc = load_document(shared_dir / "evaldata" / "pdfs" / "hk_basiclaw_full_text_tc.pdf")
    return PARSER.parse(doc).root.acts


def test_booklet_holds_the_constitution_then_the_basic_law(acts):
    assert [(a.title, a.jurisdiction) for a in acts] == [("中華人民共和國憲法", "cn"), ("中華人民共和國香港特別行政區基本法", "hk")]


def test_basic_law_has_its_160_articles_and_9_chapters(acts):
    basic_law = acts[1]
    assert [a.number for a in basic_law.articles] == [str(n) for n in range(1, 161)]
    chapters = [d.heading for d in basic_law.divisions if d.level == "chapter"]
    assert len(chapters) == 9
    assert chapters[0] == "第一章 總則" and chapters[-1] == "第九章 附則"
    heading = {a.number: basic_law.divisions[a.division].heading for a in basic_law.articles}
    assert heading["1"] == "第一章 總則"
    assert heading["43"] == "第一節 行政長官"
    assert heading["160"] == "第九章 附則"
    assert basic_law.version_date == "1990-04-04"
    assert basic_law.preamble is not None and basic_law.preamble.text.startswith("香港自古以來就是中國的領土")


def test_last_article_ends_before_the_annexes(acts):
    last = acts[1].articles[-1]
    assert last.text.endswith("受香港特別行政區的承認和保護。")
    assert len(last.paragraphs) == 2
