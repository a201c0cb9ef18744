"""The text / markdown loader: blocks, tables and exact spans."""

from __future__ import annotations

from pathlib import Path

import pytest

from tiaoli.extract.loaders import load_document
from tiaoli.extract.model import BlockKind

SEEDS = ["000_6452d29547480776.txt", "003_c9028c36c3eddfe8.txt", "004_678adf5cfdf36133.txt"]


def write(tmp_path: Path, text: str, name: str = "doc.md") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_headings_list_items_footnotes_and_paragraphs(tmp_path):
    doc = load_document(write(tmp_path, "## 第一章 總則\n\n- 第 1 條 本法之規定。  \n第二項。\n註：說明。\n### **粗體標題**\n"))
    kinds = [(b.kind, b.text) for b in doc.blocks]
    assert kinds == [
        (BlockKind.HEADING, "第一章 總則"),
        (BlockKind.LIST_ITEM, "第 1 條 本法之規定。"),
        (BlockKind.PARAGRAPH, "第二項。"),
        (BlockKind.FOOTNOTE, "註：說明。"),
        (BlockKind.HEADING, "粗體標題"),
    ]
    assert doc.blocks[0].level == 2 and doc.blocks[4].level == 3


def test_words_beginning_with_zhu_are_not_footnotes(tmp_path):
    doc = load_document(write(tmp_path, "註冊資本應予登記。\n"))
    assert doc.blocks[0].kind is BlockKind.PARAGRAPH


def test_tab_table_with_html_cells_keeps_fragments_and_links(tmp_path):
    text = (
        "政策\t內容\n"
        '<p>勞工政策</p>\t<p><b>承諾</b> 不使用童工</p> <ul><li>• 公平對待</li></ul> <p><a href="https://example.org/p">https://example.org/p</a></p>\n'
    )
    doc = load_document(write(tmp_path, text))
    (table,) = doc.blocks
    assert table.kind is BlockKind.TABLE
    header, row = table.rows
    assert [c.text for c in header] == ["政策", "內容"]
    assert row[0].text == "勞工政策"
    fragments = [(f.tag, f.text) for f in row[1].fragments]
    assert fragments == [("b", "承諾"), ("p", "不使用童工"), ("li", "公平對待"), ("a", "https://example.org/p")]
    assert row[1].fragments[-1].href == "https://example.org/p"


def test_table_rows_continue_across_a_page_break(tmp_path):
    doc = load_document(write(tmp_path, "策略\t甲\n\n\n\t<p>接續的文字</p>\n下一段。\n"))
    table, paragraph = doc.blocks
    assert len(table.rows) == 2
    assert table.rows[1][0].is_empty and table.rows[1][1].text == "接續的文字"
    assert paragraph.text == "下一段。"


def test_html_table_markup_with_spans(tmp_path):
    text = "<table>\n<tr><th>項目</th><th colspan=\"2\">數量</th></tr>\n<tr><td rowspan=\"2\">甲</td><td>1</td><td>2</td></tr>\n<tr><td>3</td><td>4</td></tr>\n</table>\n"
    doc = load_document(write(tmp_path, text))
    (table,) = doc.blocks
    cells = {(c.row, c.col): c for c in table.cells}
    assert cells[(0, 1)].colspan == 2 and cells[(0, 0)].is_header
    assert cells[(1, 0)].rowspan == 2
    assert cells[(2, 1)].text == "3" and cells[(2, 2)].text == "4"


def test_character_references_are_resolved_in_text_but_spans_quote_the_source(tmp_path):
    doc = load_document(write(tmp_path, "甲\t<p>A &amp; B</p>\n"))
    fragment = doc.blocks[0].rows[0][1].fragments[0]
    assert fragment.text == "A & B"
    assert fragment.span.text == "A &amp; B"


@pytest.mark.parametrize("seed", SEEDS)
def test_every_span_quotes_the_source_exactly(corpus_dir, seed):
    doc = load_document(corpus_dir / seed)
    spans = list(doc.iter_spans())
    assert len(spans) > 40
    for span in spans:
        assert doc.text[span.start : span.end] == span.text
        assert span.line == doc.text.count("\n", 0, span.start) + 1


@pytest.mark.parametrize("seed", SEEDS)
def test_no_non_blank_line_is_left_out_of_the_blocks(corpus_dir, seed):
    doc = load_document(corpus_dir / seed)
    covered = bytearray(len(doc.text))
    for block in doc.blocks:
        covered[block.span.start : block.span.end] = b"\x01" * (block.span.end - block.span.start)
    markup_only = {"---"}
    missing = [
        line
        for line_start, line in _lines(doc.text)
        if line.strip() and line.strip() not in markup_only
        and not any(covered[line_start + i] for i, ch in enumerate(line) if not ch.isspace())
    ]
    assert missing == []


def _lines(text: str):
    offset = 0
    for line in text.split("\n"):
        yield offset, line
        offset += len(line) + 1
