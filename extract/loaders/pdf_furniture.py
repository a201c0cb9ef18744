"""Running headers, footers, page numbers and watermarks: page furniture.

Furniture is not part of the reading flow, but it is source text, so it is
recorded in ``SourceDocument.removed`` rather than dropped.  Candidates are
the runs of text in the top and bottom bands of each region (page or half
page).  A run is furniture if it is a bare page number (``3``, ``- 3 -``,
``第 3 頁``, ``第1頁 共3頁``, ``A2``) or if the same text, digits aside,
recurs in that band across several regions.
"""

from __future__ import annotations

import re
from collections import defaultdict

from ..model import RemovedText
from .pdf_layout import Char, Line, Region, chars_text, split_line

_PAGE_NUMBER = re.compile(
    r"^(?:[-–—‒~\s]*(?:\d{1,4}|[A-Z]{1,2}\s?\d{1,3}|[ivxlcdm]{1,6}|[IVXLCDM]{1,6})[-–—‒~\s]*"
    r"|第\s*\d{1,4}\s*頁(?:\s*[，,/]?\s*共\s*\d{1,4}\s*頁)?"
    r"|(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?"
    r"|\d{1,4}\s*/\s*\d{1,4}"
    r"|共\s*\d{1,4}\s*頁\s*第\s*\d{1,4}\s*頁)$",
    re.IGNORECASE,
)
_BAND = 0.12  # share of the region height at the top and bottom that furniture lives in
_EDGE_LINES = 2  # at most this many lines at each edge are considered


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def is_page_number(text: str) -> bool:
    return bool(_PAGE_NUMBER.match(text.strip()))


def _edge_lines(region: Region) -> list[tuple[str, Line]]:
    """Lines in the top and bottom bands that stand apart from the text next to them.

    A header sits above the body with more than the usual line spacing; the first
    line of body text at the top of every page does not, however often it repeats.
    """
    lines = region.lines
    top_limit = region.bbox[1] + _BAND * region.height
    bottom_limit = region.bbox[3] - _BAND * region.height
    out: list[tuple[str, Line]] = []
    for i, line in enumerate(lines[:_EDGE_LINES]):
        below = lines[i + 1].top - line.bottom if i + 1 < len(lines) else float("inf")
        if line.bottom <= top_limit and below >= 0.8 * line.height:
            out.append(("header", line))
    for i in range(max(0, len(lines) - _EDGE_LINES), len(lines)):
        line = lines[i]
        above = line.top - lines[i - 1].bottom if i > 0 else float("inf")
        if line.top >= bottom_limit and above >= 0.8 * line.height and all(line is not l for _, l in out):
            out.append(("footer", line))
    return out


def remove_furniture(regions: list[Region], watermark: dict[int, list[Char]]) -> list[RemovedText]:
    """Take furniture out of the regions' lines; return what was taken, in page order."""
    candidates: list[tuple[Region, str, Line, list[Char]]] = []
    recurrence: dict[tuple[str, str], set[int]] = defaultdict(set)
    for region in regions:
        for role, line in _edge_lines(region):
            for run in split_line(line):
                text = chars_text(run)
                candidates.append((region, role, line, run))
                recurrence[(role, _key(text))].add(region.index)
    needed = max(2, int(0.3 * len(regions) + 0.5)) if len(regions) > 1 else 10**9
    removed: list[tuple[int, float, RemovedText]] = []
    drop: dict[int, set[int]] = defaultdict(set)  # id(line) -> ids of chars to take out
    for region, role, line, run in candidates:
        text = chars_text(run)
        if is_page_number(text):
            kind = "page-number"
        elif len(recurrence[(role, _key(text))]) >= needed and _key(text).strip("#"):
            kind = role
        else:
            continue
        removed.append((region.index, run[0]["top"], RemovedText(kind, text, region.page)))
        drop[id(line)].update(id(c) for c in run)
    for region in regions:
        kept: list[Line] = []
        for line in region.lines:
            ids = drop.get(id(line))
            if ids:
                line.chars = [c for c in line.chars if id(c) not in ids]
                if not any(not c["text"].isspace() for c in line.chars):
                    continue
                line.finish()
            kept.append(line)
        region.lines = kept
    for page, chars in sorted(watermark.items()):
        text = chars_text(sorted(chars, key=lambda c: (c["x0"], c["top"])))
        if text:
            removed.append((-1, page, RemovedText("watermark", text, page)))
    removed.sort(key=lambda item: (item[2].page or 0, item[0], item[1]))
    return [item[2] for item in removed]


def split_watermark(chars: list[Char], body: float) -> tuple[list[Char], list[Char]]:
    """Rotated giant letters laid over the page (a watermark) apart from the page's text."""
    marks, rest = [], []
    for char in chars:
        a, b, c, d = char.get("matrix", (1, 0, 0, 1, 0, 0))[:4]
        rotated = abs(b) > 0.05 or abs(c) > 0.05
        (marks if rotated and char["size"] > 2.5 * body else rest).append(char)
    return marks, rest
