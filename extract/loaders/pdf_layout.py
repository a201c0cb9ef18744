"""Characters into lines, in reading order, for the PDF loader.

pdfplumber gives characters with positions; a line is the characters whose
vertical extents overlap, read left to right.  Spacing is rebuilt from
geometry (and the PDF's own space characters): a gap wider than a fraction
of the font size becomes one space.  CJK text is set solid, so a CJK line
needs a wider gap than Latin text before a space is inferred.

Two-up pages (two printed pages placed side by side on one landscape sheet)
are split into two regions at the empty vertical gutter between them and read
left half first.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass, field

Char = dict  # a pdfplumber character object

_BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi|hei|gothic|W[5-9]\b", re.IGNORECASE)


def is_cjk(ch: str) -> bool:
    """Ideographs, kana, hangul and CJK/full-width punctuation: characters set without spaces."""
    if not ch:
        return False
    code = ord(ch[0])
    return (
        0x2E80 <= code <= 0x9FFF
        or 0xAC00 <= code <= 0xD7AF
        or 0xF900 <= code <= 0xFAFF
        or 0xFE30 <= code <= 0xFE4F
        or 0xFF00 <= code <= 0xFFEF
        or 0x20000 <= code <= 0x3FFFF
        or ch in "─—…‧・“”‘’"
    )


def is_bold(char: Char) -> bool:
    return bool(_BOLD_FONT.search(str(char.get("fontname", ""))))


@dataclass(slots=True)
class Line:
    """One visual line of characters inside a region."""

    chars: list[Char]
    page: int  # 1-based page number
    region: int = 0  # index of the region (half page) within the whole document
    text: str = ""
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    size: float = 0.0
    bold: bool = False

    def finish(self) -> "Line":
        self.chars.sort(key=lambda c: (c["x0"], c["top"]))
        self.x0 = min(c["x0"] for c in self.chars)
        self.x1 = max(c["x1"] for c in self.chars)
        self.top = min(c["top"] for c in self.chars)
        self.bottom = max(c["bottom"] for c in self.chars)
        visible = [c for c in self.chars if not c["text"].isspace()] or self.chars
        sizes = Counter(round(c["size"] * 2) / 2 for c in visible)
        self.size = sizes.most_common(1)[0][0]
        self.bold = sum(1 for c in visible if is_bold(c)) >= 0.8 * len(visible)
        self.text = chars_text(self.chars)
        return self

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass(slots=True)
class Region:
    """A reading area: a whole page, or one half of a two-up page."""

    page: int
    index: int
    bbox: tuple[float, float, float, float]  # x0, top, x1, bottom
    lines: list[Line] = field(default_factory=list)

    @property
    def width(self) -> float:
        return self.bbox[2] - self.bbox[0]

    @property
    def height(self) -> float:
        return self.bbox[3] - self.bbox[1]


_LATIN_SPACE = 0.22  # below a space's width (about a quarter em in most fonts), in ems
_NUMBER_POINT = 0.6  # a decimal point or thousands comma set loose stays in its number up to this, in ems


def _needs_space(left: Char, right: Char) -> bool:
    gap = right["x0"] - left["x1"]
    size = min(left["size"], right["size"]) or 1.0
    if is_cjk(left["text"]) or is_cjk(right["text"]):
        return gap > 0.45 * size
    return gap > _LATIN_SPACE * size


def _inside_number(visible: list[Char], i: int) -> bool:
    """Whether the gap before ``visible[i]`` is next to the point or comma of a number (194.1, 59,639)."""
    def text(j: int) -> str:
        return visible[j]["text"] if 0 <= j < len(visible) else ""

    point_after = text(i) in ".," and text(i - 1).isdigit() and text(i + 1).isdigit()
    point_before = text(i - 1) in ".," and text(i - 2).isdigit() and text(i).isdigit()
    size = min(visible[i - 1]["size"], visible[i]["size"]) or 1.0
    return (point_after or point_before) and visible[i]["x0"] - visible[i - 1]["x1"] <= _NUMBER_POINT * size


def chars_text(chars: list[Char]) -> str:
    """Text of one line of characters (sorted left to right), spaces inferred from gaps.

    A space the PDF itself writes is kept; one inferred from a gap needs the gap to be as wide as
    a space, and is never put around the point or comma inside a number.
    """
    visible = [c for c in chars if not c["text"].isspace()]
    spaced: set[int] = set()  # positions in ``visible`` that a written space precedes
    seen = 0
    for char in chars:
        if char["text"].isspace():
            spaced.add(seen)
        else:
            seen += 1
    out: list[str] = []
    for i, char in enumerate(visible):
        if i and (i in spaced or (_needs_space(visible[i - 1], char) and not _inside_number(visible, i))):
            out.append(" ")
        out.append(char["text"])
    return "".join(out)


def group_lines(chars: list[Char], page: int, region: int = 0) -> list[Line]:
    """Cluster characters into lines by vertical overlap; lines come out top to bottom."""
    lines: list[Line] = []
    bands: list[list[float]] = []  # top, bottom of each open line
    for char in sorted(chars, key=lambda c: (c["top"], c["x0"])):
        height = max(char["bottom"] - char["top"], 0.1)
        best, best_overlap = -1, 0.0
        # Only the most recent few lines can still overlap a character further down.
        for i in range(max(0, len(bands) - 4), len(bands)):
            top, bottom = bands[i]
            overlap = min(bottom, char["bottom"]) - max(top, char["top"])
            line_height = bottom - top
            if overlap > best_overlap and overlap >= 0.5 * min(height, line_height):
                best, best_overlap = i, overlap
        if best < 0:
            lines.append(Line(chars=[char], page=page, region=region))
            bands.append([char["top"], char["bottom"]])
        else:
            lines[best].chars.append(char)
            # The band follows the line's main text, not a tall stray glyph.
            if height <= 1.5 * (bands[best][1] - bands[best][0]):
                bands[best][0] = min(bands[best][0], char["top"])
                bands[best][1] = max(bands[best][1], char["bottom"])
    finished = [line.finish() for line in lines if any(not c["text"].isspace() for c in line.chars)]
    finished.sort(key=lambda line: (line.top, line.x0))
    return finished


def split_line(line: Line, min_gap_em: float = 2.0) -> list[list[Char]]:
    """The runs of a line separated by wide horizontal gaps (header text vs. page number, table columns)."""
    runs: list[list[Char]] = []
    for char in line.chars:
        if char["text"].isspace():
            continue
        if runs and char["x0"] - runs[-1][-1]["x1"] <= min_gap_em * max(char["size"], 1.0):
            runs[-1].append(char)
        else:
            runs.append([char])
    return runs


def two_up_split(width: float, height: float, chars: list[Char]) -> float | None:
    """The x of the gutter if this is a two-up sheet: landscape, with an empty band near the middle
    that no character crosses and substantial text on both sides."""
    if width < height * 1.2 or len(chars) < 20:
        return None
    visible = [c for c in chars if not c["text"].isspace()]
    if not visible:
        return None
    lo, hi = width * 0.4, width * 0.6
    step = 1.0
    occupied = bytearray(int(width / step) + 2)
    for c in visible:
        a = max(0, int(c["x0"] / step))
        b = min(len(occupied) - 1, int(c["x1"] / step))
        for i in range(a, b + 1):
            occupied[i] = 1
    best_start = best_len = 0
    run_start = None
    for i in range(int(lo / step), int(hi / step) + 1):
        if not occupied[i]:
            if run_start is None:
                run_start = i
            if i - run_start + 1 > best_len:
                best_start, best_len = run_start, i - run_start + 1
        else:
            run_start = None
    if best_len * step < width * 0.02:
        return None
    middle = int(width / 2 / step)
    # A true two-up sheet is empty at its fold; cutting there keeps both halves the same width.
    gutter = width / 2 if not occupied[middle] else (best_start + best_len / 2) * step
    left = sum(1 for c in visible if c["x1"] <= gutter)
    right = len(visible) - left
    if min(left, right) < 0.15 * len(visible):
        return None
    left_lines = {round(c["top"]) for c in visible if c["x1"] <= gutter}
    right_lines = {round(c["top"]) for c in visible if c["x0"] >= gutter}
    if len(left_lines) < 3 or len(right_lines) < 3:
        return None
    return gutter


def body_size(lines: list[Line]) -> float:
    """The font size most of the text is set in."""
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[line.size] += len(line.chars)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def median_gap(lines: list[Line], size: float) -> float:
    """Typical white space between consecutive lines of body text."""
    gaps = [
        b.top - a.bottom
        for a, b in zip(lines, lines[1:])
        if a.region == b.region and abs(a.size - size) < 0.6 and abs(b.size - size) < 0.6 and b.top > a.bottom - 1
    ]
    gaps = [g for g in gaps if g < 3 * size]
    return statistics.median(gaps) if gaps else 0.3 * size


def fold_is_clear(width: float, chars: list[Char]) -> bool:
    """No character crosses the vertical middle band of the sheet (where a two-up sheet folds)."""
    lo, hi = width * 0.49, width * 0.51
    return not any(c["x0"] < hi and c["x1"] > lo for c in chars if not c["text"].isspace())
