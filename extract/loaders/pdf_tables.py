"""Tables of a PDF page, through pdfplumber's table finder.

Ruled tables come from the ``lines`` strategy (pdfplumber builds the grid
from drawn lines, rectangles and curves).  Unruled tables are looked for with
the ``text`` strategy, but only where the flow itself looks tabular (several
consecutive lines cut into aligned runs by wide gaps): run over a whole page,
the text strategy finds "tables" in ordinary prose.

A table keeps its characters: each character whose centre lies in a cell
goes to that cell, so no text inside a table is lost or read twice.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .pdf_layout import Char, Line, group_lines, split_line

_LEADER = re.compile(r"[.．·…]{4,}")
_RULED = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
_UNRULED = {"vertical_strategy": "text", "horizontal_strategy": "text", "min_words_vertical": 3, "min_words_horizontal": 2}


@dataclass(slots=True)
class TableCell:
    row: int
    col: int
    rowspan: int
    colspan: int
    bbox: tuple[float, float, float, float]
    lines: list[Line] = field(default_factory=list)


@dataclass(slots=True)
class PageTable:
    page: int
    region: int
    bbox: tuple[float, float, float, float]
    cells: list[TableCell]
    col_edges: list[float]
    ruled: bool

    @property
    def n_cols(self) -> int:
        return len(self.col_edges) - 1

    @property
    def top(self) -> float:
        return self.bbox[1]


def _centre_in(char: Char, bbox: tuple[float, float, float, float]) -> bool:
    x = (char["x0"] + char["x1"]) / 2
    y = (char["top"] + char["bottom"]) / 2
    return bbox[0] <= x <= bbox[2] and bbox[1] <= y <= bbox[3]


def _edges(values: list[float], tolerance: float = 2.0) -> list[float]:
    edges: list[float] = []
    for value in sorted(values):
        if not edges or value - edges[-1] > tolerance:
            edges.append(value)
    return edges


def _index(edges: list[float], value: float) -> int:
    i = bisect.bisect_left(edges, value - 2.0)
    return min(i, len(edges) - 1)


def _build(found, page: int, region: int, chars: list[Char], ruled: bool) -> tuple[PageTable | None, list[Char]]:
    """A PageTable from a pdfplumber Table, and the characters it did not take."""
    boxes = [tuple(b) for b in found.cells]
    if not boxes:
        return None, chars
    col_edges = _edges([b[0] for b in boxes] + [b[2] for b in boxes])
    row_edges = _edges([b[1] for b in boxes] + [b[3] for b in boxes])
    if len(col_edges) < 3 or len(row_edges) < 2:
        return None, chars  # one column is a framed paragraph, not a table
    inside = [c for c in chars if _centre_in(c, found.bbox)]
    if not any(not c["text"].isspace() for c in inside):
        return None, chars
    cells: list[TableCell] = []
    for box in boxes:
        col, col_end = _index(col_edges, box[0]), _index(col_edges, box[2])
        row, row_end = _index(row_edges, box[1]), _index(row_edges, box[3])
        cells.append(TableCell(row, col, max(1, row_end - row), max(1, col_end - col), box))
    cells.sort(key=lambda c: (c.row, c.col))
    taken: set[int] = set()
    for cell in cells:
        own = [c for c in inside if id(c) not in taken and _centre_in(c, cell.bbox)]
        taken.update(id(c) for c in own)
        cell.lines = group_lines(own, page, region)
    rest = [c for c in chars if id(c) not in taken]
    if not ruled:
        # The text strategy cuts a row between every two text lines; rows with no text are artefacts.
        filled_rows = {c.row for c in cells if c.lines}
        cells = [c for c in cells if c.row in filled_rows]
        if len(filled_rows) < 3:
            return None, chars
    # Renumber rows densely: a grid edge used only by a merged cell does not make a row.
    rows = sorted({c.row for c in cells})
    dense = {r: i for i, r in enumerate(rows)}
    for cell in cells:
        last = max((r for r in rows if r < cell.row + cell.rowspan), default=cell.row)
        cell.row, cell.rowspan = dense[cell.row], dense[last] - dense[cell.row] + 1
    return PageTable(page, region, tuple(found.bbox), cells, col_edges, ruled), rest


def find_tables(page_obj, bbox, chars: list[Char], page: int, region: int) -> tuple[list[PageTable], list[Char]]:
    """Ruled tables in ``bbox`` of a pdfplumber page; returns them and the characters left for the flow.
    Only worth calling on a page with drawn lines, rectangles or curves."""
    tables: list[PageTable] = []
    area = page_obj.crop(bbox, relative=False, strict=False) if bbox != tuple(page_obj.bbox) else page_obj
    for found in area.find_tables(_RULED):
        table, chars = _build(found, page, region, chars, ruled=True)
        if table is not None:
            tables.append(table)
    return tables, chars


def tabular_runs(lines: list[Line]) -> list[tuple[int, int]]:
    """Index ranges of consecutive lines that are cut into two or more aligned columns."""
    spans: list[tuple[int, int]] = []
    start = None
    previous_starts: list[float] | None = None
    for i, line in enumerate(lines):
        # A contents page's dot leaders line up like columns, but it is a list.
        runs = [] if _LEADER.search(line.text) else split_line(line, min_gap_em=2.5)
        starts = [run[0]["x0"] for run in runs]
        aligned = (
            len(runs) >= 2
            and previous_starts is not None
            and sum(1 for x in starts if any(abs(x - p) < 3 for p in previous_starts)) >= 2
        )
        if len(runs) >= 2 and (start is None or aligned):
            if start is None:
                start = i
        else:
            if start is not None and i - start >= 3:
                spans.append((start, i))
            start = i if len(runs) >= 2 else None
        previous_starts = starts if len(runs) >= 2 else None
    if start is not None and len(lines) - start >= 3:
        spans.append((start, len(lines)))
    return spans


def find_unruled(page_obj, lines: list[Line], chars: list[Char], page: int, region: int) -> tuple[list[PageTable], list[Char]]:
    """Unruled tables where consecutive lines line up in columns."""
    tables: list[PageTable] = []
    for start, end in tabular_runs(lines):
        block = lines[start:end]
        bbox = (
            max(0.0, min(l.x0 for l in block) - 1),
            max(0.0, block[0].top - 1),
            min(float(page_obj.width), max(l.x1 for l in block) + 1),
            min(float(page_obj.height), block[-1].bottom + 1),
        )
        area = page_obj.crop(bbox, relative=False, strict=False)
        for found in area.find_tables(_UNRULED):
            table, chars = _build(found, page, region, chars, ruled=False)
            if table is not None:
                tables.append(table)
    return tables, chars
