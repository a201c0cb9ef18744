"""A statute's text as a sequence of content lines, whatever the loader made of its layout.

Markdown heading marks and list bullets are layout, not law (the seed's
conversion puts stray `- ` bullets on some 款 lines), so a line here is the
content after them, with its exact offsets in ``doc.text``.  Whether a blank
line or a page boundary came before it is kept: it is how page breaks show.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ...model import Block, BlockKind, SourceDocument

_BULLETS = frozenset("-*+•●■")
_LEADING_MARK = re.compile(r"^(?:#{1,6}[ \t]+|[-*+•●■][ \t]+)+")
_BLANK_LINE = re.compile(r"\n[ \t\u3000\r]*\n")


@dataclass(frozen=True, slots=True)
class Line:
    start: int
    end: int
    text: str  # == doc.text[start:end]
    heading: bool = False  # laid out as a heading (markdown '#')
    gap: bool = False  # a blank line or page boundary separates it from the line before


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _block_ranges(doc: SourceDocument, block: Block) -> list[tuple[int, int]]:
    text = doc.text
    start, end = block.span.start, block.span.end
    if block.kind is BlockKind.LIST_ITEM and block.marker and block.marker not in _BULLETS:
        start = text.rfind("\n", 0, start) + 1  # a numbering marker (1. / (1)) is part of the text
    ranges = []
    pos = start
    while pos <= end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        s, e = _trim(text, pos, stop)
        if s < e:
            mark = _LEADING_MARK.match(text, s, e) if pos != block.span.start or block.kind is BlockKind.TABLE else None
            if mark and mark.end() < e:
                s, _ = _trim(text, mark.end(), e)
            ranges.append((s, e))
        if nl < 0:
            break
        pos = nl + 1
    return ranges


def content_lines(doc: SourceDocument) -> list[Line]:
    """Every non-blank line of the document's blocks, in order, markers stripped."""
    lines: list[Line] = []
    text = doc.text
    prev_end = 0
    for block in sorted(doc.blocks, key=lambda b: b.span.start):
        heading = block.kind is BlockKind.HEADING
        for s, e in _block_ranges(doc, block):
            if lines and s < prev_end:
                continue
            between = text[prev_end:s]
            gap = bool(lines) and (_BLANK_LINE.search(between) is not None or _page_boundary(doc, prev_end, s))
            lines.append(Line(s, e, text[s:e], heading, gap))
            prev_end = e
    return lines


def _page_boundary(doc: SourceDocument, a: int, b: int) -> bool:
    if not doc.page_starts:
        return False
    i = bisect.bisect_right(doc.page_starts, a)
    return i < len(doc.page_starts) and doc.page_starts[i] <= b
