"""Render a loaded text document into a PDF, the way a word processor would print it.

Test support: the PDF path is checked by printing each seed to PDF and
reading it back.  The renderer lays text out itself (fpdf2 only draws) so
that it behaves like real PDFs: CJK lines break anywhere, mid-sentence, at
the page width; headings are set larger; paragraphs are spaced and their
first line indented; tables are ruled grids; every page has a running header
and a page number.  A two-up variant puts two printed pages side by side on
one landscape sheet.

The CJK font is embedded (Droid Sans Fallback, Debian package
fonts-droid-fallback); Latin characters, which that font lacks, are set in
DejaVu Sans (or Noto Mono).  reportlab's built-in CID fonts are no use here:
pdfminer mis-decodes them.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from tiaoli.extract.model import Block, BlockKind, SourceDocument

CJK_FONT = Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")
LATIN_FONTS = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"),
    Path("/usr/share/fonts/truetype/noto/NotoMono-Regular.ttf"),
)
INSTALL_HINT = "install it with: apt-get update && apt-get install -y fonts-droid-fallback fonts-dejavu-core"

BODY = 10.5
HEADING_SIZES = {1: 18.0, 2: 16.0, 3: 14.0, 4: 12.5, 5: 12.0, 6: 12.0}
CELL_SIZE = 9.0


class MissingFontError(RuntimeError):
    pass


def font_paths() -> tuple[Path, Path]:
    if not CJK_FONT.is_file():
        raise MissingFontError(f"the CJK test font {CJK_FONT} is missing; {INSTALL_HINT}")
    latin = next((p for p in LATIN_FONTS if p.is_file()), None)
    if latin is None:
        raise MissingFontError(f"no Latin test font ({', '.join(map(str, LATIN_FONTS))}); {INSTALL_HINT}")
    return CJK_FONT, latin


def visible_text(raw: str) -> str:
    """What a reader sees of a source line: markup removed, character references resolved."""
    return html.unescape(re.sub(r"<[^>]*>", " ", raw))


def block_lines(block: Block) -> str:
    """The text a block prints (without its layout marker)."""
    return " ".join(visible_text(block.span.text).split())


@dataclass
class _Frame:
    x0: float
    x1: float
    top: float
    bottom: float


class _Layout:
    """Writes text into page frames (one per sheet, or two side by side), breaking lines and pages."""

    def __init__(self, title: str, two_up: bool, furniture: bool = True):
        from fpdf import FPDF

        cjk, latin = font_paths()
        from fontTools.ttLib import TTFont

        self.cjk_cmap = set(TTFont(str(cjk), fontNumber=0, lazy=True).getBestCmap())
        self.pdf = FPDF(orientation="L" if two_up else "P", unit="pt", format="A4")
        self.pdf.set_auto_page_break(False)
        self.pdf.set_compression(True)
        self.pdf.add_font("cjk", fname=str(cjk))
        self.pdf.add_font("latin", fname=str(latin))
        self.pdf.set_title(title)
        self.title = title
        self.two_up = two_up
        self.furniture = furniture
        self.page_no = 0
        self.frames: list[_Frame] = []
        self.frame_index = 0
        self.y = 0.0
        self._new_sheet()

    # -- pages ----------------------------------------------------------------------
    def _new_sheet(self) -> None:
        self.pdf.add_page()
        width, height = self.pdf.w, self.pdf.h
        if self.two_up:
            half = width / 2
            self.frames = [_Frame(45, half - 45, 60, height - 60), _Frame(half + 45, width - 45, 60, height - 60)]
        else:
            self.frames = [_Frame(72, width - 72, 80, height - 80)]
        self.frame_index = 0
        self._start_frame()

    def _start_frame(self) -> None:
        self.page_no += 1
        frame = self.frame
        self.y = frame.top
        if not self.furniture:
            return
        self._text(self.title, frame.x0, frame.top - 36, 8.0)  # running header
        self.pdf.line(frame.x0, frame.top - 24, frame.x1, frame.top - 24)
        number = f"- {self.page_no} -"
        self._text(number, (frame.x0 + frame.x1 - self._width(number, 9.0)) / 2, frame.bottom + 30, 9.0)
        self.y = frame.top

    def next_frame(self) -> None:
        if self.frame_index + 1 < len(self.frames):
            self.frame_index += 1
            self._start_frame()
        else:
            self._new_sheet()

    @property
    def frame(self) -> _Frame:
        return self.frames[self.frame_index]

    def ensure(self, height: float) -> None:
        if self.y + height > self.frame.bottom:
            self.next_frame()

    # -- text -----------------------------------------------------------------------
    def _font_of(self, ch: str) -> str:
        return "cjk" if ord(ch) in self.cjk_cmap and ord(ch) > 0x2000 else "latin"

    def _runs(self, text: str) -> list[tuple[str, str]]:
        runs: list[tuple[str, str]] = []
        for ch in text:
            font = self._font_of(ch)
            if runs and runs[-1][0] == font:
                runs[-1] = (font, runs[-1][1] + ch)
            else:
                runs.append((font, ch))
        return runs

    def _width(self, text: str, size: float) -> float:
        total = 0.0
        for font, run in self._runs(text):
            self.pdf.set_font(font, size=size)
            total += self.pdf.get_string_width(run)
        return total

    def _text(self, text: str, x: float, y: float, size: float) -> None:
        for font, run in self._runs(text):
            self.pdf.set_font(font, size=size)
            self.pdf.text(x, y + size, run)
            x += self.pdf.get_string_width(run)

    def wrap(self, text: str, width: float, size: float, first_indent: float = 0.0, hang: float = 0.0) -> list[tuple[float, str]]:
        """Lines (indent, text): CJK characters break anywhere, Latin words as a whole."""
        tokens = re.findall(r"[A-Za-z0-9\-_.,:;/%()'\"&@#+=*<>\[\]!?$]+|\s+|.", text)
        lines: list[tuple[float, str]] = []
        indent = first_indent
        current = ""
        for token in tokens:
            if token.isspace():
                if current:
                    current += " "
                continue
            candidate = current + token
            if current and self._width(candidate.rstrip(), size) > width - indent:
                lines.append((indent, current.rstrip()))
                indent = hang
                current = token
            else:
                current = candidate
            while self._width(current, size) > width - indent and len(current) > 1:
                # A Latin "word" longer than the line is cut where it overflows.
                cut = len(current) - 1
                while cut > 1 and self._width(current[:cut], size) > width - indent:
                    cut -= 1
                lines.append((indent, current[:cut]))
                indent = hang
                current = current[cut:]
        if current.strip():
            lines.append((indent, current.rstrip()))
        return lines

    def paragraph(self, text: str, size: float, *, first_indent: float = 0.0, hang: float = 0.0, space_before: float = 0.0) -> None:
        leading = size * 1.5
        self.y += space_before
        for indent, line in self.wrap(text, self.frame.x1 - self.frame.x0, size, first_indent, hang):
            self.ensure(leading)
            self._text(line, self.frame.x0 + indent, self.y, size)
            self.y += leading

    def table(self, rows: list[list[str]]) -> None:
        if not rows:
            return
        n_cols = max(len(r) for r in rows)
        rows = [r + [""] * (n_cols - len(r)) for r in rows]
        width = self.frame.x1 - self.frame.x0
        weight = [max(4, min(40, max(len(r[c]) for r in rows))) for c in range(n_cols)]
        widths = [width * w / sum(weight) for w in weight]
        pad, leading = 3.0, CELL_SIZE * 1.45
        self.y += 6
        for row in rows:
            cell_lines = [[t for p in cell.split("\n") for _, t in self.wrap(p, widths[c] - 2 * pad, CELL_SIZE)] for c, cell in enumerate(row)]
            height = max(len(lines) for lines in cell_lines) * leading + 2 * pad
            if height > self.frame.bottom - self.frame.top:
                raise ValueError("a table row taller than a page; the renderer cannot print it")
            self.ensure(height)
            x = self.frame.x0
            for c, lines in enumerate(cell_lines):
                self.pdf.rect(x, self.y, widths[c], height)
                for i, line in enumerate(lines):
                    self._text(line, x + pad, self.y + pad + i * leading, CELL_SIZE)
                x += widths[c]
            self.y += height
        self.y += 6


def _cell_text(cell) -> str:
    return "\n".join(f.text for f in cell.fragments if f.text.strip())


def render(doc: SourceDocument, out: Path, *, two_up: bool = False, furniture: bool = True) -> Path:
    """Print ``doc`` (as the text loader read it) to ``out``; ``furniture`` adds a running header and page numbers."""
    title = next((block_lines(b) for b in doc.blocks if b.kind is BlockKind.HEADING), doc.id)[:24] or doc.id
    layout = _Layout(title, two_up, furniture)
    for block in doc.blocks:
        text = block_lines(block)
        if block.kind is BlockKind.HEADING:
            size = HEADING_SIZES.get(block.level, 12.0)
            layout.ensure(size * 4)
            layout.paragraph(text, size, space_before=size * 0.8)
        elif block.kind is BlockKind.TABLE:
            layout.table([[_cell_text(c) for c in row] for row in block.rows])
        elif block.kind is BlockKind.LIST_ITEM:
            # The marker is printed as written ("-", "1."), so a parser sees the same line starts
            # in the PDF's text as in the text version.
            layout.paragraph(f"{block.marker} {text}", BODY, hang=2 * BODY, space_before=BODY * 0.8)
        else:
            layout.paragraph(text, BODY, first_indent=2 * BODY, space_before=BODY * 0.8)
    out.parent.mkdir(parents=True, exist_ok=True)
    layout.pdf.output(str(out))
    return out
