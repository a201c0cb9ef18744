"""The report's outline and the prose under it: sections, scope definitions, statements."""

from __future__ import annotations

import re

from ...model import Block, BlockKind, SourceDocument
from ..base import iter_spans
from . import vocab
from .figures import digest
from .model import ContentsEntry, Report, ScopeDefinition, Section, Statement
from .reading import cell_text, find_scope, text_at

_PROSE = (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.FOOTNOTE)
_WORDS = re.compile(r"[^\W\d_]")  # some letter or ideograph: a lone quotation mark says nothing
_PAGE = re.compile(r"\d{1,4}")
_NOTE_LEAD = re.compile(r"註\s*[：:]?")


def _topic(text: str) -> str | None:
    return next((topic for word, topic in vocab.section_words() if word in text), None)


def read_sections(doc: SourceDocument, report: Report) -> dict[int, Section]:
    """Every heading but the title, keyed by block index."""
    sections: dict[int, Section] = {}
    seen: dict[str, int] = {}
    for block in doc.blocks:
        if block.kind is not BlockKind.HEADING or block.span.start == report.title.span.start:
            continue
        title = text_at(doc, block.span.start, block.span.end)
        if not title.text:
            continue
        seen[title.text] = seen.get(title.text, 0) + 1
        key = title.text if seen[title.text] == 1 else f"{title.text}-{seen[title.text]}"
        sections[block.index] = Section(key, title, block.level, _topic(title.text))
    report.sections = list(sections.values())
    return sections


def read_scope_definitions(doc: SourceDocument) -> list[ScopeDefinition]:
    """自身營運：包括員工、直接活動… — what the report means by each scope."""
    out = []
    for block in doc.blocks:
        if block.kind not in _PROSE:
            continue
        text = block.span.text
        for word, _ in vocab.scopes():
            match = re.match(rf"\s*{re.escape(word)}\s*[：:]\s*(\S.*)$", text)
            if match:
                scope = find_scope(doc, doc.span(block.span.start, block.span.start + match.start(1)))
                definition = text_at(doc, block.span.start + match.start(1), block.span.end)
                out.append(ScopeDefinition(scope, definition))
                break
    return out


def notes_after(doc: SourceDocument, block: Block) -> list:
    """Footnotes and note list entries printed right after a table, up to the next heading or table."""
    out = []
    for index in range(block.index + 1, len(doc.blocks)):
        nxt = doc.blocks[index]
        if nxt.kind not in (BlockKind.FOOTNOTE, BlockKind.LIST_ITEM):
            break
        start = doc.text.rfind("\n", 0, nxt.span.start) + 1 if nxt.kind is BlockKind.LIST_ITEM else nxt.span.start
        out.append(text_at(doc, start, nxt.span.end))
    return out


def read_statements(doc: SourceDocument, report: Report, sections: dict[int, Section]) -> list[Statement]:
    """Prose blocks other facts cover less than half of, each typed by the topic of the section it is printed under."""
    covered = sorted({(s.start, s.end) for s in iter_spans(report)})
    statements: list[Statement] = []
    current: Section | None = None
    topical: Section | None = None
    for block in doc.blocks:
        if block.index in sections:
            current = sections[block.index]
            if current.topic:
                topical = current
            continue
        if block.kind not in _PROSE or not _WORDS.search(block.span.text) or _NOTE_LEAD.fullmatch(block.span.text.strip()):
            continue
        if _covered_share(covered, block.span.start, block.span.end) > 0.5:
            continue
        section = current if current and current.topic else topical
        topic = section.topic if section else "introduction"
        text = text_at(doc, block.span.start, block.span.end)
        statements.append(Statement(f"{topic}/{digest(text.text)}", topic, text, section.key if section else None))
    return statements


def read_contents(doc: SourceDocument) -> list[ContentsEntry]:
    """The table of contents: a table after a heading named 目錄 / Contents whose last column is page numbers."""
    words = vocab.contents_words()
    out: list[ContentsEntry] = []
    after_heading = False
    for block in doc.blocks:
        if block.kind is BlockKind.HEADING:
            after_heading = after_heading and not block.span.text.strip() or any(w in block.span.text for w in words) or (
                after_heading and len(block.span.text.strip()) <= 12)
            continue
        if block.kind is not BlockKind.TABLE:
            after_heading = False
            continue
        if not after_heading:
            continue
        after_heading = False
        for row in block.rows:
            cells = [c for c in row if not c.is_empty]
            if len(cells) < 2 or not _PAGE.fullmatch(cells[-1].text.strip()):
                continue
            page_cell, title_cell = cells[-1], cells[-2]
            number = text_at(doc, cells[0].span.start, cells[0].span.end) if len(cells) > 2 else None
            title = cell_text(doc, title_cell)
            page_span = next((f.span for f in page_cell.fragments if f.text.strip()), page_cell.span)
            out.append(ContentsEntry(title, number, int(page_cell.text.strip()), page_span))
    return out


def _covered_share(covered: list[tuple[int, int]], start: int, end: int) -> float:
    if end <= start:
        return 1.0
    marks = bytearray(end - start)
    for s, e in covered:
        if s < end and start < e:
            lo, hi = max(s, start) - start, min(e, end) - start
            marks[lo:hi] = b"\x01" * (hi - lo)
    return sum(marks) / (end - start)
