"""Plain text and markdown with HTML tables, as the seed conversions are written.

One block per source line, because in these PDF-to-text conversions a line is
the unit the author (or converter) laid out: a 項 of a statute, a list entry,
a heading.  Joining lines that a page break split is the parsers' business:
they know whether a sentence is unfinished.  Tables come in two shapes:

* tab-separated rows, each cell plain text or an HTML fragment, consecutive
  rows forming one table even across blank lines (page breaks);
* ``<table>`` markup with ``<tr>``/``<td>``/``<th>`` and row and column spans.
"""

from __future__ import annotations

import re

from ..model import Block, BlockKind, Cell, Fragment, SourceDocument
from .html_cells import parse_events, text_runs

_HEADING = re.compile(r"^[ \t]*(#{1,6})[ \t]+")
_LIST = re.compile(r"^([ \t]*)([-*+•●■]|\d{1,3}[.)、]|\([a-zA-Z0-9]{1,3}\))[ \t]+")
_FOOTNOTE = re.compile(r"^[ \t]*(註\s*\d*\s*[：:]|註\d+|\[\^\d+\]:?|※)")
_RULE = re.compile(r"^[ \t]*([-*_=])(?:[ \t]*\1){2,}[ \t]*$")
_EMPHASIS = re.compile(r"^(\*\*|__)(.+?)\1$")
_TABLE_OPEN = re.compile(r"<table\b", re.IGNORECASE)
_TABLE_CLOSE = re.compile(r"</table\s*>", re.IGNORECASE)


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line, end excluding the newline."""
    out: list[tuple[int, int]] = []
    start = 0
    for match in re.finditer(r"\r\n|\n|\r", text):
        out.append((start, match.start()))
        start = match.end()
    out.append((start, len(text)))
    return out


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _cell_fragments(doc: SourceDocument, start: int, end: int) -> list[Fragment]:
    raw = doc.text[start:end]
    fragments = []
    for run in text_runs(raw):
        fragments.append(Fragment(text=run.text, span=doc.span(start + run.start, start + run.end), tag=run.tag, href=run.href))
    return fragments


def _tab_row(doc: SourceDocument, start: int, end: int, row: int) -> list[Cell]:
    cells: list[Cell] = []
    col = 0
    cell_start = start
    text = doc.text
    for pos in range(start, end + 1):
        if pos == end or text[pos] == "\t":
            cells.append(Cell(row=row, col=col, span=doc.span(cell_start, pos), fragments=_cell_fragments(doc, cell_start, pos)))
            col += 1
            cell_start = pos + 1
    return cells


def _html_table(doc: SourceDocument, start: int, end: int) -> list[Cell]:
    raw = doc.text[start:end]
    runs, events = parse_events(raw)
    cells: list[Cell] = []
    row = -1
    occupied: set[tuple[int, int]] = set()
    col = 0
    open_cell: tuple[int, int, int, int, bool] | None = None  # start, colspan, rowspan, col, header
    for event in events:
        if event.kind == "start" and event.tag == "tr":
            row += 1
            col = 0
        elif event.kind == "start" and event.tag in {"td", "th"}:
            if row < 0:
                row = 0
            while (row, col) in occupied:
                col += 1
            colspan = _int_attr(event.attrs.get("colspan"))
            rowspan = _int_attr(event.attrs.get("rowspan"))
            open_cell = (event.start, colspan, rowspan, col, event.tag == "th")
        elif event.kind == "end" and event.tag in {"td", "th"} and open_cell is not None:
            cell_start, colspan, rowspan, cell_col, header = open_cell
            open_cell = None
            frags = [
                Fragment(text=r.text, span=doc.span(start + r.start, start + r.end), tag=r.tag, href=r.href)
                for r in runs
                if cell_start <= r.start and r.end <= event.start
            ]
            cells.append(
                Cell(row=row, col=cell_col, span=doc.span(start + cell_start, start + event.end), fragments=frags,
                     rowspan=rowspan, colspan=colspan, is_header=header)
            )
            for dr in range(rowspan):
                for dc in range(colspan):
                    occupied.add((row + dr, cell_col + dc))
            col = cell_col + colspan
    return cells


def _int_attr(value: str | None) -> int:
    try:
        return max(1, int(value or 1))
    except ValueError:
        return 1


def load_text(doc: SourceDocument) -> SourceDocument:
    """Fill ``doc.blocks`` from ``doc.text``."""
    text = doc.text
    lines = _lines(text)
    blocks: list[Block] = []
    table_rows: list[list[Cell]] = []
    table_start = table_end = 0

    def flush_table() -> None:
        nonlocal table_rows
        if table_rows:
            cells = [c for row in table_rows for c in row]
            blocks.append(Block(BlockKind.TABLE, doc.span(table_start, table_end), cells=cells))
            table_rows = []

    i = 0
    while i < len(lines):
        start, end = lines[i]
        line = text[start:end]
        if _TABLE_OPEN.search(line):
            flush_table()
            open_at = start + _TABLE_OPEN.search(line).start()
            j = i
            close = None
            while j < len(lines):
                m = _TABLE_CLOSE.search(text, lines[j][0] if j > i else open_at, lines[j][1])
                if m:
                    close = m.end()
                    break
                j += 1
            close = close if close is not None else lines[-1][1]
            if open_at > start and text[start:open_at].strip():
                s, e = _trimmed(text, start, open_at)
                blocks.append(Block(BlockKind.PARAGRAPH, doc.span(s, e)))
            blocks.append(Block(BlockKind.TABLE, doc.span(open_at, close), cells=_html_table(doc, open_at, close)))
            i = j + 1
            continue
        if "\t" in line and line.strip():
            if not table_rows:
                table_start = start
            table_rows.append(_tab_row(doc, start, end, len(table_rows)))
            table_end = end
            i += 1
            continue
        if not line.strip():
            i += 1
            continue
        # A non-blank, non-table line ends any open table.
        flush_table()
        if _RULE.match(line):
            i += 1
            continue
        block = _line_block(doc, start, end)
        if block is not None:
            blocks.append(block)
        i += 1
    flush_table()
    for index, block in enumerate(blocks):
        block.index = index
    doc.blocks = blocks
    return doc


def _line_block(doc: SourceDocument, start: int, end: int) -> Block | None:
    text = doc.text
    line = text[start:end]
    kind = BlockKind.PARAGRAPH
    level = 0
    marker = ""
    content_start = start
    if m := _HEADING.match(line):
        kind, level, marker = BlockKind.HEADING, len(m.group(1)), m.group(1)
        content_start = start + m.end()
    elif m := _FOOTNOTE.match(line):
        kind, marker = BlockKind.FOOTNOTE, m.group(1).strip()
    elif m := _LIST.match(line):
        kind, marker = BlockKind.LIST_ITEM, m.group(2)
        level = len(m.group(1).expandtabs(2)) // 2
        content_start = start + m.end()
    s, e = _trimmed(text, content_start, end)
    if s == e:
        if not marker:
            return None
        s, e = _trimmed(text, start, end)  # a lone marker is still source text
    if kind is BlockKind.HEADING and (em := _EMPHASIS.match(text[s:e])):
        s, e = s + len(em.group(1)), e - len(em.group(1))
    return Block(kind, doc.span(s, e), level=level, marker=marker)
