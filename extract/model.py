"""The document model every loader produces and every parser reads.

A loaded document is its text *as loaded* (decoded file contents, or the text
rebuilt from a PDF's characters) plus a flat sequence of blocks.  Every block,
table cell and text fragment carries a :class:`Span` whose offsets index into
``SourceDocument.text``, so ``doc.text[span.start:span.end] == span.text``
always holds.  That invariant is what provenance in the graph rests on.
"""

from __future__ import annotations

import bisect
import enum
from dataclasses import dataclass, field
from typing import Iterator


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of a source document: where a fact was read from."""

    document: str
    start: int
    end: int
    line: int
    text: str
    page: int | None = None

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad span offsets {self.start}..{self.end}")
        if len(self.text) != self.end - self.start:
            raise ValueError("span text length does not match its offsets")


class BlockKind(str, enum.Enum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list-item"
    TABLE = "table"
    FOOTNOTE = "footnote"


@dataclass(frozen=True, slots=True)
class Fragment:
    """A run of visible text inside a table cell (a ``<p>``, an ``<li>``, a bare text run).

    ``span.text`` is the exact source text; ``text`` is the same text with
    HTML character references resolved, which is what a reader sees.
    """

    text: str
    span: Span
    tag: str = ""  # enclosing element: "p", "li", "b", "a", "" for a bare run
    href: str | None = None


@dataclass(slots=True)
class Cell:
    row: int
    col: int
    span: Span  # the whole raw cell, markup included
    fragments: list[Fragment] = field(default_factory=list)
    rowspan: int = 1
    colspan: int = 1
    is_header: bool = False

    @property
    def text(self) -> str:
        return "\n".join(f.text for f in self.fragments if f.text.strip())

    @property
    def is_empty(self) -> bool:
        return not self.text.strip()


@dataclass(slots=True)
class Block:
    """One unit of layout: a heading, paragraph, list item, table or footnote."""

    kind: BlockKind
    span: Span
    index: int = 0
    level: int = 0  # heading depth (1 for '#'), list nesting depth, 0 otherwise
    marker: str = ""  # the stripped layout marker: '##', '-', '註1', …
    cells: list[Cell] = field(default_factory=list)

    @property
    def text(self) -> str:
        if self.kind is BlockKind.TABLE:
            return "\n".join(c.text for c in self.cells if not c.is_empty)
        return self.span.text

    @property
    def rows(self) -> list[list[Cell]]:
        by_row: dict[int, list[Cell]] = {}
        for cell in self.cells:
            by_row.setdefault(cell.row, []).append(cell)
        return [sorted(by_row[r], key=lambda c: c.col) for r in sorted(by_row)]


@dataclass(frozen=True, slots=True)
class RemovedText:
    """Text a loader took out of the reading flow (running header, footer, page number)."""

    role: str  # "header", "footer", "page-number"
    text: str
    page: int | None


@dataclass(slots=True)
class DocumentMeta:
    """What the manifest (or detection) says about a document."""

    kind: str | None = None
    title: str | None = None
    issuer: str | None = None
    date: str | None = None  # ISO 8601, possibly truncated (2008-07)
    language: str | None = None  # BCP 47, zh-Hant-TW / zh-Hant-HK
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class SourceDocument:
    """A loaded document: its text as loaded and its blocks."""

    id: str
    path: str
    text: str
    blocks: list[Block] = field(default_factory=list)
    meta: DocumentMeta = field(default_factory=DocumentMeta)
    encoding: str = "utf-8"
    media_type: str = "text/plain"
    content_hash: str = ""
    removed: list[RemovedText] = field(default_factory=list)
    page_starts: list[int] = field(default_factory=list)  # text offset where each PDF page begins
    _line_starts: list[int] | None = field(default=None, repr=False)

    def line_of(self, offset: int) -> int:
        """1-based line number of a text offset."""
        if self._line_starts is None:
            starts = [0]
            starts.extend(i + 1 for i, ch in enumerate(self.text) if ch == "\n")
            self._line_starts = starts
        return bisect.bisect_right(self._line_starts, offset)

    def page_of(self, offset: int) -> int | None:
        if not self.page_starts:
            return None
        return bisect.bisect_right(self.page_starts, offset)

    def span(self, start: int, end: int) -> Span:
        """The span of ``text[start:end]``, with its line and page worked out."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"{self.path}: span {start}..{end} outside the text (length {len(self.text)})")
        return Span(
            document=self.id,
            start=start,
            end=end,
            line=self.line_of(start),
            text=self.text[start:end],
            page=self.page_of(start),
        )

    def iter_spans(self) -> Iterator[Span]:
        for block in self.blocks:
            yield block.span
            for cell in block.cells:
                yield cell.span
                for fragment in cell.fragments:
                    yield fragment.span
