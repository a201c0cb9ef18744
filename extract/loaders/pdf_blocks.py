"""Lines and tables of a PDF into blocks, and the document text they index.

Paragraph breaks are read from layout: a line that stops short of the right
margin (the next line's first word would have fitted), a first-line indent, a
wider gap than the usual line spacing, a change of font size, a list marker or
a heading.  Across a page break there is no geometry to compare, so there a
paragraph continues only if the last line is full, does not end a sentence and
the next page's first line is not indented.  A sentence-final mark inside a
page does *not* end a paragraph by itself: in justified CJK text a sentence
often ends exactly at the margin with the paragraph going on, and splitting
there would invent a new 項 in a statute.

The text is written block by block: a paragraph's lines joined (CJK without a
space, Latin words with one), one line per table cell, blocks separated by a
newline.  Every block span indexes that text exactly.
"""

from __future__ import annotations

import re
import statistics
from collections import defaultdict
from dataclasses import dataclass, field

from ..model import Block, BlockKind, Cell, Fragment, SourceDocument
from .pdf_layout import Line, Region, is_cjk
from .pdf_tables import PageTable
from .text import _FOOTNOTE, _LIST  # the text loader's markers, so both loaders type blocks alike

_SENTENCE_END = "。！？!?：:；;"
# Marks that open a note in small type at the foot of a page: *, (1), 1., ¹.
_NOTE_MARK = re.compile(r"^(\*+|\(\d{1,2}\)|\d{1,2}[.)]?(?=\s)|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)")
_STATUTE_DIVISION = re.compile(r"^第\s*[一二三四五六七八九十百零〇\d]+\s*[編章節]")


@dataclass(slots=True)
class Paragraph:
    kind: BlockKind
    lines: list[Line]
    level: int = 0
    marker: str = ""


@dataclass(slots=True)
class TableGroup:
    parts: list[PageTable] = field(default_factory=list)


@dataclass(slots=True)
class Margins:
    left: float
    right: float


def _supported_right(lines: list[Line]) -> float | None:
    """The right margin: the furthest line end that another line comes close to.  One long line
    among short ones (a form) is not a margin; ragged-right text ends within a word of it."""
    ends = sorted((l.x1 for l in lines), reverse=True)
    measure = ends[0] - min(l.x0 for l in lines)
    for i, x1 in enumerate(ends[:-1]):
        if x1 - ends[i + 1] <= max(1.5, 0.08 * measure):
            return x1
    return None


def _region_margins(regions: list[Region], body: float) -> dict[int, Margins]:
    """Left and right text margins per region.  A region with too few lines to tell borrows the
    margins of regions of about the same width, measured from the region's own left edge."""
    own: dict[int, Margins] = {}
    relative: list[tuple[float, Margins]] = []
    for region in regions:
        lines = [l for l in region.lines if abs(l.size - body) < 0.6]
        right = _supported_right(lines) if len(lines) >= 3 else None
        if right is not None:
            own[region.index] = Margins(min(l.x0 for l in lines), right)
            relative.append((region.width, Margins(own[region.index].left - region.bbox[0], right - region.bbox[0])))
    out: dict[int, Margins] = {}
    for region in regions:
        if region.index in own:
            out[region.index] = own[region.index]
            continue
        group = [m for width, m in relative if abs(width - region.width) <= 0.05 * region.width]
        if group:
            x0 = region.bbox[0]
            out[region.index] = Margins(x0 + statistics.median(m.left for m in group), x0 + statistics.median(m.right for m in group))
        else:  # ragged text throughout: no line counts as full
            out[region.index] = Margins(min((l.x0 for l in region.lines), default=region.bbox[0]), float("inf"))
    return out


def _ends_sentence(text: str) -> bool:
    core = text.rstrip("」』）)〕】》\"'”’ ")
    return bool(core) and core[-1] in _SENTENCE_END


def _first_token_width(line: Line) -> float:
    chars = [c for c in line.chars if not c["text"].isspace()]
    if not chars:
        return 0.0
    if is_cjk(chars[0]["text"]):
        return chars[0]["x1"] - chars[0]["x0"]
    end = chars[0]["x1"]
    for prev, char in zip(chars, chars[1:]):
        if is_cjk(char["text"]) or char["x0"] - prev["x1"] > 0.15 * char["size"]:
            break
        end = char["x1"]
    return end - chars[0]["x0"]


def _is_heading(line: Line, body: float, body_bold: bool, margins: Margins) -> bool:
    if line.size >= body * 1.12:
        return True
    text = line.text
    short = len(text) <= 40 and line.x1 < margins.right - 2 * body
    if line.bold and not body_bold and short and not _LIST.match(text):
        return True
    return bool(_STATUTE_DIVISION.match(text)) and len(text) <= 30 and short


def _joiner(left: str, right: str) -> str:
    if not left or not right:
        return ""
    if is_cjk(left[-1]) or is_cjk(right[0]):
        return ""
    return " "


def join_lines(lines: list[Line]) -> str:
    out = ""
    for line in lines:
        out += _joiner(out, line.text) + line.text
    return out


class _Assembler:
    def __init__(self, regions: list[Region], tables: dict[int, list[PageTable]], body: float):
        self.regions = regions
        self.tables = tables
        self.body = body
        lines = [l for r in regions for l in r.lines if abs(l.size - body) < 0.6]
        self.body_bold = bool(lines) and sum(l.bold for l in lines) > 0.5 * len(lines)
        self.margins = _region_margins(regions, body)
        gaps = [b.top - a.bottom for r in regions for a, b in zip(r.lines, r.lines[1:])
                if abs(a.size - body) < 0.6 and abs(b.size - body) < 0.6 and -1 < b.top - a.bottom < 3 * body]
        # The tightest usual gap is the line spacing inside a paragraph; the median can be the
        # paragraph spacing when most paragraphs are one line long (a statute's 項).
        self.gap = statistics.quantiles(gaps, n=5)[0] if len(gaps) >= 5 else (min(gaps) if gaps else 0.3 * body)
        self.items: list[Paragraph | TableGroup] = []

    # -- classification -------------------------------------------------------------
    def _is_small(self, line: Line) -> bool:
        return line.size <= self.body * 0.93

    def _opens_footnotes(self, line: Line, region: Region) -> bool:
        """Small type in the lower half of a page, starting with a note mark, begins the notes."""
        lower_half = line.top > region.bbox[1] + region.height / 2
        return lower_half and self._is_small(line) and bool(_FOOTNOTE.match(line.text) or _NOTE_MARK.match(line.text))

    def _new_paragraph(self, line: Line, region: Region, in_footnotes: bool) -> Paragraph:
        if m := _FOOTNOTE.match(line.text):
            return Paragraph(BlockKind.FOOTNOTE, [line], marker=m.group(1).strip())
        if in_footnotes:
            m = _NOTE_MARK.match(line.text)
            return Paragraph(BlockKind.FOOTNOTE, [line], marker=m.group(1) if m else "")
        if _is_heading(line, self.body, self.body_bold, self.margins[region.index]):
            return Paragraph(BlockKind.HEADING, [line])
        if m := _LIST.match(line.text):
            return Paragraph(BlockKind.LIST_ITEM, [line], marker=m.group(2))
        return Paragraph(BlockKind.PARAGRAPH, [line])

    def _continues(self, para: Paragraph, line: Line, region: Region, same_region: bool) -> bool:
        last = para.lines[-1]
        margins = self.margins[last.region]
        if para.kind is BlockKind.HEADING:
            return (
                same_region
                and abs(line.size - last.size) < 0.6
                and line.bold == last.bold
                and line.top - last.bottom < 0.8 * line.size
                and _is_heading(line, self.body, self.body_bold, margins)
            )
        if _is_heading(line, self.body, self.body_bold, self.margins[line.region]) or _LIST.match(line.text) or _FOOTNOTE.match(line.text):
            return False
        if abs(line.size - last.size) > 0.1 * max(line.size, last.size):
            return False
        room = margins.right - last.x1
        if room > _first_token_width(line) + 0.3 * line.size:
            return False  # the next line's first word would have fitted: the author ended the line
        if same_region:
            if line.top - last.bottom > max(1.6 * self.gap, self.gap + 0.4 * line.size):
                return False
            if len(para.lines) >= 2:
                return abs(self._indent(line) - self._indent(para.lines[1])) <= 0.5 * line.size
            return True
        if _ends_sentence(last.text):
            return False
        next_margins = self.margins[line.region]
        if len(para.lines) >= 2:
            cont = para.lines[1].x0 - margins.left
        else:  # a list item's continuation may hang under its text
            cont = 4 * line.size if para.kind is BlockKind.LIST_ITEM else 0.0
        return line.x0 - next_margins.left <= cont + 0.5 * line.size

    def _indent(self, line: Line) -> float:
        return line.x0 - self.margins[line.region].left

    # -- assembly -------------------------------------------------------------------
    def run(self) -> list[Paragraph | TableGroup]:
        current: Paragraph | None = None
        current_region: int | None = None
        for region in self.regions:
            flow: list[Line | PageTable] = list(region.lines) + list(self.tables.get(region.index, []))
            flow.sort(key=lambda item: item.top)
            in_footnotes = False
            for item in flow:
                if isinstance(item, PageTable):
                    current = None
                    previous = self.items[-1] if self.items else None
                    if isinstance(previous, TableGroup) and _continues_table(previous.parts[-1], item):
                        previous.parts.append(item)
                    else:
                        self.items.append(TableGroup([item]))
                    continue
                line = item
                if not in_footnotes and self._opens_footnotes(line, region):
                    in_footnotes, current = True, None
                elif in_footnotes and not self._is_small(line):
                    in_footnotes = False
                starts_note = in_footnotes and bool(_NOTE_MARK.match(line.text))
                if current is not None and not starts_note and self._continues(current, line, region, current_region == region.index):
                    current.lines.append(line)
                else:
                    current = self._new_paragraph(line, region, in_footnotes)
                    self.items.append(current)
                current_region = region.index
            if self.items and isinstance(self.items[-1], TableGroup):
                current = None
        self._heading_levels()
        return self.items

    def _heading_levels(self) -> None:
        sizes = sorted({p.lines[0].size for p in self.items if isinstance(p, Paragraph) and p.kind is BlockKind.HEADING}, reverse=True)
        rank = {size: min(i + 1, 6) for i, size in enumerate(sizes)}
        for item in self.items:
            if isinstance(item, Paragraph) and item.kind is BlockKind.HEADING:
                item.level = rank[item.lines[0].size]


def _continues_table(previous: PageTable, table: PageTable) -> bool:
    """A table at the top of a region carrying on the table that ended the previous one."""
    if table.region != previous.region + 1 or table.n_cols != previous.n_cols:
        return False
    widths_prev = [b - a for a, b in zip(previous.col_edges, previous.col_edges[1:])]
    widths_next = [b - a for a, b in zip(table.col_edges, table.col_edges[1:])]
    return all(abs(a - b) <= 3.0 for a, b in zip(widths_prev, widths_next))


def assemble(regions: list[Region], tables: dict[int, list[PageTable]], body: float, doc: SourceDocument, n_pages: int) -> None:
    """Fill ``doc.text``, ``doc.page_starts`` and ``doc.blocks``."""
    items = _Assembler(regions, tables, body).run()
    parts: list[str] = []
    pos = 0
    page_first: dict[int, int] = {}
    specs: list[tuple] = []

    def write(text: str, page: int | None = None) -> tuple[int, int]:
        nonlocal pos
        if page is not None and page not in page_first and text:
            page_first[page] = pos
        start = pos
        parts.append(text)
        pos += len(text)
        return start, pos

    for item in items:
        if isinstance(item, Paragraph):
            start = pos
            text_so_far = ""
            for line in item.lines:
                joiner = _joiner(text_so_far, line.text)
                write(joiner)
                write(line.text, line.page)
                text_so_far += joiner + line.text
            end = pos
            write("\n")
            content = start
            if item.kind is BlockKind.LIST_ITEM and item.marker:
                m = _LIST.match(text_so_far)
                content = start + (m.end() if m else 0)
            specs.append(("para", item, content, end))
        else:
            cells: list[tuple[int, object, int, int]] = []
            row_offset = 0
            for part in item.parts:
                for cell in part.cells:
                    text = join_lines(cell.lines)
                    page = cell.lines[0].page if cell.lines else None
                    s, e = write(text, page)
                    if text:
                        write("\n")
                    cells.append((row_offset, cell, s, e))
                row_offset += max((c.row + c.rowspan for c in part.cells), default=0)
            specs.append(("table", item, cells))

    doc.text = "".join(parts)
    starts: list[int] = []
    following = len(doc.text)
    for page in range(n_pages, 0, -1):
        following = page_first.get(page, following)
        starts.append(following)
    starts.reverse()
    if starts:
        starts[0] = 0
    doc.page_starts = starts
    doc._line_starts = None

    blocks: list[Block] = []
    for spec in specs:
        if spec[0] == "para":
            _, para, start, end = spec
            blocks.append(Block(para.kind, doc.span(start, end), level=para.level, marker=para.marker))
        else:
            _, group, cells = spec
            out_cells: list[Cell] = []
            for row_offset, cell, s, e in cells:
                span = doc.span(s, e)
                fragments = [Fragment(text=span.text, span=span)] if e > s else []
                out_cells.append(Cell(row=cell.row + row_offset, col=cell.col, span=span, fragments=fragments,
                                      rowspan=cell.rowspan, colspan=cell.colspan))
            non_empty = [c for c in out_cells if c.span.end > c.span.start]
            start = min((c.span.start for c in non_empty), default=out_cells[0].span.start if out_cells else 0)
            end = max((c.span.end for c in non_empty), default=start)
            blocks.append(Block(BlockKind.TABLE, doc.span(start, end), cells=out_cells))
    for index, block in enumerate(blocks):
        block.index = index
    doc.blocks = blocks
