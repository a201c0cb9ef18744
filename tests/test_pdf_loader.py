"""The PDF loader: blocks, spans, tables and page furniture from pdfplumber's characters.

Small documents are written as text, printed to PDF by tests/pdf_render.py
(CJK lines break mid-sentence at the page width, as in real PDFs) and read
back; the real PDFs of ../shared/evaldata check the same on other people's
layouts.
"""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import pdfplumber
import pytest

from pdf_render import block_lines, render
from tiaoli.extract.loaders import load_document
from tiaoli.extract.model import BlockKind, SourceDocument

LONG_CJK = (
    "商業會計事務之處理，應置會計人員辦理之；公司組織之商業，其主辦會計人員之任免，"
    "在股份有限公司，應由董事會以董事過半數之出席，及出席董事過半數之同意；"
    "在有限公司，應有全體股東過半數之同意；在無限公司、兩合公司，應有全體無限責任股東過半數之同意。"
)
LONG_LATIN = (
    "The Council met at eleven o'clock and the President reminded Members that written answers to "
    "questions would be laid on the table, together with the papers listed on the agenda for the day."
)


def squeeze(text: str) -> str:
    return "".join(text.split())


def printed(tmp_path: Path, text: str, *, two_up: bool = False, furniture: bool = False) -> tuple[SourceDocument, SourceDocument]:
    """The text version of ``text`` and the PDF it prints to, both loaded.  One printed page cannot
    show that a header runs, so only the furniture tests print headers and page numbers."""
    source = tmp_path / "doc.txt"
    source.write_text(text, encoding="utf-8")
    as_text = load_document(source)
    return as_text, load_document(render(as_text, tmp_path / "doc.pdf", two_up=two_up, furniture=furniture))


def pdf_lines(path: Path) -> int:
    with pdfplumber.open(path) as pdf:
        return sum(len(page.extract_text_lines()) for page in pdf.pages)


def block_chars(doc: SourceDocument) -> Counter[str]:
    """Characters of the blocks (list markers included) and of the furniture, whitespace aside."""
    chars: Counter[str] = Counter()
    for block in doc.blocks:
        if block.kind is BlockKind.LIST_ITEM:
            chars.update(squeeze(block.marker))
        chars.update(squeeze(block.text))
    for removed in doc.removed:
        chars.update(squeeze(removed.text))
    return chars


def assert_spans_exact(doc: SourceDocument) -> None:
    for span in doc.iter_spans():
        assert doc.text[span.start : span.end] == span.text
        assert span.page is not None and 1 <= span.page <= len(doc.page_starts)
    pages = [block.span.page for block in doc.blocks]
    assert pages == sorted(pages), "blocks come out in page order"


# -- paragraphs ------------------------------------------------------------------------


def test_cjk_lines_of_a_paragraph_join_without_spaces(tmp_path):
    _, pdf = printed(tmp_path, LONG_CJK + "\n")
    assert pdf_lines(tmp_path / "doc.pdf") >= 3  # wrapped over several lines
    assert [(b.kind, b.text) for b in pdf.blocks] == [(BlockKind.PARAGRAPH, LONG_CJK)]


def test_latin_words_keep_one_space_across_a_line_break(tmp_path):
    _, pdf = printed(tmp_path, LONG_LATIN + "\n")
    assert [b.text for b in pdf.blocks] == [LONG_LATIN]


def test_paragraphs_headings_and_list_items_keep_their_boundaries_and_kinds(tmp_path):
    text = f"## 第一章 總則\n\n{LONG_CJK}\n\n- 第 1 條 {LONG_CJK}\n- 第 2 條 本法所稱商業，指以營利為目的之事業。\n"
    as_text, pdf = printed(tmp_path, text)
    assert [(b.kind, squeeze(b.text)) for b in pdf.blocks] == [(b.kind, squeeze(b.text)) for b in as_text.blocks]
    assert pdf.blocks[2].marker == "-" and pdf.blocks[2].text.startswith("第 1 條")


def test_a_paragraph_broken_by_a_page_break_is_one_block(tmp_path):
    text = "\n\n".join(LONG_CJK * (1 + i % 3) for i in range(20)) + "\n"  # uneven, so pages break mid-paragraph
    as_text, pdf = printed(tmp_path, text)
    assert len(pdf.page_starts) >= 2
    assert [squeeze(b.text) for b in pdf.blocks] == [squeeze(b.text) for b in as_text.blocks]
    assert any(b.span.page != pdf.page_of(b.span.end - 1) for b in pdf.blocks), "some paragraph crosses a page"


# -- tables ----------------------------------------------------------------------------


def test_a_ruled_table_keeps_rows_columns_and_cell_spans(tmp_path):
    text = "項目\t內容\t金額\n會計人員\t辦理會計事務\t新臺幣六十萬元\n會計師\t查核簽證\t三萬元\n"
    _, pdf = printed(tmp_path, text)
    (table,) = pdf.blocks
    assert table.kind is BlockKind.TABLE
    assert [[c.text for c in row] for row in table.rows] == [
        ["項目", "內容", "金額"],
        ["會計人員", "辦理會計事務", "新臺幣六十萬元"],
        ["會計師", "查核簽證", "三萬元"],
    ]
    for cell in table.cells:
        assert pdf.text[cell.span.start : cell.span.end] == cell.text
        assert [f.span.text for f in cell.fragments] == [cell.text]
    assert_spans_exact(pdf)


def test_a_table_continuing_on_the_next_page_is_one_table(tmp_path):
    rows = "".join(f"第{i}列\t{LONG_CJK[:40]}\n" for i in range(60))
    as_text, pdf = printed(tmp_path, rows)
    tables = [b for b in pdf.blocks if b.kind is BlockKind.TABLE]
    assert len(tables) == 1
    assert len(tables[0].rows) == 60
    assert {c.span.page for c in tables[0].cells} >= {1, 2}
    assert squeeze(tables[0].text) == squeeze(as_text.blocks[0].text)


def test_an_unruled_table_is_found_from_aligned_columns(tmp_path):
    from fpdf import FPDF

    from pdf_render import font_paths

    cjk, _ = font_paths()
    pdf = FPDF(unit="pt", format="A4")
    pdf.add_page()
    pdf.add_font("cjk", fname=str(cjk))
    pdf.set_font("cjk", size=11)
    rows = [("界別", "名額", "比例"), ("工商界", "三百", "四分一"), ("專業界", "三百", "四分一"), ("勞工界", "三百", "四分一")]
    for r, row in enumerate(rows):
        for c, word in enumerate(row):
            pdf.text(80 + 160 * c, 120 + 22 * r, word)
    pdf.set_font("cjk", size=11)
    pdf.text(80, 300, "以上各界別的名額，由選舉法規定。")
    path = tmp_path / "unruled.pdf"
    pdf.output(str(path))
    doc = load_document(path)
    table = next(b for b in doc.blocks if b.kind is BlockKind.TABLE)
    assert [[c.text for c in row] for row in table.rows] == [list(row) for row in rows]
    assert doc.blocks[-1].text == "以上各界別的名額，由選舉法規定。"


# -- furniture ---------------------------------------------------------------------------


def test_running_header_and_page_numbers_are_removed_but_recorded(tmp_path):
    text = "## 總則\n\n" + "\n\n".join([LONG_CJK] * 14) + "\n"
    as_text, pdf = printed(tmp_path, text, furniture=True)
    pages = len(pdf.page_starts)
    assert pages >= 2
    numbers = [r for r in pdf.removed if r.role == "page-number"]
    headers = [r for r in pdf.removed if r.role == "header"]
    assert [(r.page, r.text) for r in numbers] == [(p, f"- {p} -") for p in range(1, pages + 1)]
    assert [r.page for r in headers] == list(range(1, pages + 1))
    assert all(squeeze(r.text) == "總則" for r in headers)
    assert [squeeze(b.text) for b in pdf.blocks] == [squeeze(b.text) for b in as_text.blocks]


def test_two_up_sheets_are_read_left_page_then_right_page(tmp_path):
    text = "## 總則\n\n" + "\n\n".join(f"第{i}段：{LONG_CJK}" for i in range(12)) + "\n"
    as_text, pdf = printed(tmp_path, text, two_up=True, furniture=True)
    with pdfplumber.open(tmp_path / "doc.pdf") as sheets:
        assert sheets.pages[0].width > sheets.pages[0].height
        n_sheets = len(sheets.pages)
    assert [squeeze(b.text) for b in pdf.blocks] == [squeeze(b.text) for b in as_text.blocks]
    numbers = [r.text for r in pdf.removed if r.role == "page-number"]
    assert len(numbers) > n_sheets  # two printed pages, two page numbers per sheet
    assert numbers == [f"- {i} -" for i in range(1, len(numbers) + 1)]


# -- the seeds, printed ---------------------------------------------------------------------


def _typed_texts(doc: SourceDocument, *, from_text: bool) -> list[tuple[BlockKind, str]]:
    return [(b.kind, squeeze(block_lines(b) if from_text and b.kind is not BlockKind.TABLE else b.text)) for b in doc.blocks]


def test_each_printed_seed_has_the_blocks_of_its_text_version(seed_pdfs, corpus_dir):
    for name, pdf_path in seed_pdfs.items():
        as_text = load_document(corpus_dir / name)
        pdf = load_document(pdf_path)
        assert _typed_texts(pdf, from_text=False) == _typed_texts(as_text, from_text=True), name
        assert_spans_exact(pdf)


def test_each_seed_printed_two_up_has_the_blocks_of_its_text_version(seed_pdfs_two_up, corpus_dir):
    for name, pdf_path in seed_pdfs_two_up.items():
        as_text = load_document(corpus_dir / name)
        pdf = load_document(pdf_path)
        assert _typed_texts(pdf, from_text=False) == _typed_texts(as_text, from_text=True), name


def test_printed_seeds_lose_their_headers_and_page_numbers(seed_pdfs):
    for name, pdf_path in seed_pdfs.items():
        pdf = load_document(pdf_path)
        pages = len(pdf.page_starts)
        assert [r.page for r in pdf.removed if r.role == "page-number"] == list(range(1, pages + 1)), name
        assert [r.page for r in pdf.removed if r.role == "header"] == list(range(1, pages + 1)), name


# -- the real PDFs -------------------------------------------------------------------------


def test_every_character_of_a_real_pdf_is_in_one_block_or_recorded_as_furniture(evaldata_pdf_docs, evaldata_pdf_dir):
    for name, doc in evaldata_pdf_docs.items():
        with pdfplumber.open(evaldata_pdf_dir / name) as pdf:
            expected = Counter(ch for page in pdf.pages for c in page.chars for ch in c["text"] if not ch.isspace())
        assert block_chars(doc) == expected, name
        assert_spans_exact(doc)


def test_the_basic_law_booklet_loses_its_page_numbers(evaldata_pdf_docs):
    doc = evaldata_pdf_docs["hk_basiclaw_full_text_tc.pdf"]
    numbered = {r.page: r.text for r in doc.removed if r.role == "page-number"}
    # The printed page numbers run from the constitution's preamble on, one per PDF page.
    assert numbered[15] == "3" and numbered[60] == "48" and numbered[169] == "157"
    assert all(int(numbered[p]) == p - 12 for p in range(15, 49))
    assert not any(b.text.strip().isdigit() for b in doc.blocks if b.kind is not BlockKind.TABLE)


def test_the_basic_law_booklet_joins_the_lines_of_a_paragraph(evaldata_pdf_docs):
    doc = evaldata_pdf_docs["hk_basiclaw_full_text_tc.pdf"]
    texts = [b.text for b in doc.blocks]
    assert "中國是世界上歷史最悠久的國家之一。中國各族人民共同創造了光輝燦爛的文化，具有光榮的革命傳統。" in texts
    # A paragraph runs on over a page break (printed pages 4 to 5) and stays one paragraph.
    assert any(
        t.startswith("社會主義的建設事業必須依靠工人")
        and "在進行社會主義現代化建設" in t
        and t.endswith("中國共產黨領導的多黨合作和政治協商制度將長期存在和發展。")
        for t in texts
    )
    assert "第二十五條 香港居民在法律面前一律平等。" in texts
    assert [b.text for b in doc.blocks if b.kind is BlockKind.HEADING and b.text.startswith("第三章")][-1] == "第三章 居民的基本權利和義務"


def test_the_hansard_loses_its_running_header_on_every_page(evaldata_pdf_docs):
    doc = evaldata_pdf_docs["hk_legco_hansard_cm1121-translate-c.pdf"]
    headers = [r for r in doc.removed if r.role == "header"]
    assert len({r.page for r in headers}) >= 249
    assert all(squeeze(r.text) == "立法會─2012年11月21日" for r in headers)
    assert {r.page for r in doc.removed if r.role == "page-number"} == {r.page for r in headers}
    assert not any("立法會 ─ 2012年11月21日" in b.text for b in doc.blocks)


def test_the_hansard_tables_keep_merged_cells(evaldata_pdf_docs):
    doc = evaldata_pdf_docs["hk_legco_hansard_cm1121-translate-c.pdf"]
    tables = [b for b in doc.blocks if b.kind is BlockKind.TABLE]
    assert len(tables) >= 10
    # The PDF writes some characters (年, 行) as CJK compatibility ideographs; the loader keeps
    # them as printed, so the comparisons here fold them (NFC) the way matching does.
    def cell(table, text):
        return next((c for c in table.cells if unicodedata.normalize("NFC", c.text) == text), None)

    wage = next(t for t in tables if cell(t, "2011年比較2010年總薪酬開支(1)"))
    header = cell(wage, "2011年比較2010年總薪酬開支(1)")
    assert "\uf98e" in header.text
    assert (header.row, header.col, header.colspan) == (0, 1, 2)
    assert cell(wage, "行業").rowspan == 2
    assert [unicodedata.normalize("NFC", c.text) for c in wage.rows[-1]] == ["所有行業", "59,639.0", "10.9"]


def test_the_answer_key_tables_are_ruled_grids(evaldata_pdf_docs):
    doc = evaldata_pdf_docs["tw_moex_sl1_111120_answerkey.pdf"]
    tables = [b for b in doc.blocks if b.kind is BlockKind.TABLE]
    assert len(tables) == 12
    for table in tables:
        assert [len(row) for row in table.rows] == [11, 11]
        assert [row[0].text for row in table.rows] == ["題號", "答案"]
    assert [r.text for r in doc.removed if r.role == "page-number"] == ["第1頁 共3頁", "第2頁 共3頁", "第3頁 共3頁"]


def test_a_watermark_is_recorded_not_read(evaldata_pdf_docs):
    doc = evaldata_pdf_docs["tw_coa_pesticide_rid-01.pdf"]
    assert [r.page for r in doc.removed if r.role == "watermark"] == [1, 2]
    assert doc.blocks[0].kind is BlockKind.HEADING


# -- cost --------------------------------------------------------------------------------


def test_importing_the_pdf_loader_does_not_import_pdfplumber():
    code = "import sys, tiaoli.extract.loaders.pdf; print('pdfplumber' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
