"""Small readers over the document model: pieces of text with exact spans, scopes, years."""

from __future__ import annotations

import re

from ...model import Block, BlockKind, Cell, SourceDocument, Span
from ...normalise.text import fold_width
from . import vocab
from .model import ScopeRef, Text

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)\s*年?")
_ITEM_SEPARATORS = re.compile(r"[、，,；;]|\s+")
_TRAILING_MARKER = re.compile(r"\s*註\s*\d*$")
_MARKER_ONLY = re.compile(r"^[（(]?\s*註\s*\d*\s*[)）]?$")


def text_at(doc: SourceDocument, start: int, end: int) -> Text:
    """The trimmed source text between two offsets."""
    while start < end and doc.text[start].isspace():
        start += 1
    while end > start and doc.text[end - 1].isspace():
        end -= 1
    return Text(doc.text[start:end], doc.span(start, end))


def cell_text(doc: SourceDocument, cell: Cell) -> Text | None:
    """A cell's visible text (footnote markers left out) as one piece, spanning its fragments."""
    frags = [f for f in cell.fragments if f.text.strip() and not is_note_marker(f.text)]
    if not frags:
        return None
    text = " ".join(f.text.strip() for f in frags)
    span = doc.span(frags[0].span.start, frags[-1].span.end)
    return Text(text, span)


def is_note_marker(text: str) -> bool:
    return bool(_MARKER_ONLY.match(text.strip()))


def split_items(doc: SourceDocument, span: Span) -> list[Text]:
    """A list printed in one run (童工、工時、歧視 / 騷擾 …) as items with exact spans.

    Items are separated by 、 ， ; or spaces, except the spaces around a slash,
    which join alternatives inside one item (歧視 / 騷擾).
    """
    raw = doc.text[span.start:span.end]
    pieces: list[tuple[int, int]] = []
    pos = 0
    for match in _ITEM_SEPARATORS.finditer(raw):
        if match.group().isspace() and _joins_slash(raw, match.start(), match.end()):
            continue
        pieces.append((pos, match.start()))
        pos = match.end()
    pieces.append((pos, len(raw)))
    items = []
    for start, end in pieces:
        item = text_at(doc, span.start + start, span.start + end)
        glued = _TRAILING_MARKER.search(item.text)
        if glued and glued.start() >= 2:
            # A footnote marker printed as superscript comes out glued to the item in a PDF (第三方員工註).
            item = text_at(doc, item.span.start, item.span.start + glued.start())
        if item.text and not is_note_marker(item.text):
            items.append(item)
    return items


def _joins_slash(raw: str, start: int, end: int) -> bool:
    before = raw[:start].rstrip()
    after = raw[end:].lstrip()
    return before.endswith(("/", "／")) or after.startswith(("/", "／"))


def cell_items(doc: SourceDocument, cell: Cell) -> list[Text]:
    """The items of a cell: each list entry, or the entries of a printed list."""
    frags = [f for f in cell.fragments if f.text.strip() and not is_note_marker(f.text)]
    if len(frags) > 1 or any(f.tag == "li" for f in frags):
        return [text_at(doc, f.span.start, f.span.end) for f in frags]
    items: list[Text] = []
    for f in frags:
        items.extend(split_items(doc, f.span))
    return items


def find_scope(doc: SourceDocument, span: Span) -> ScopeRef | None:
    """The scope named in a stretch of text: 自身營運, or 價值鏈 with its parties in parentheses."""
    text = doc.text[span.start:span.end]
    for word, scope in vocab.scopes():
        at = text.find(word)
        if at < 0:
            continue
        end = at + len(word)
        parties: list[str] = []
        tail = re.match(r"\s*[（(]([^)）]*)[)）]", text[end:])
        if tail:
            inner = tail.group(1)
            parties = [party for w, party in vocab.parties() if w in inner]
            end += tail.end()
        return ScopeRef(scope, tuple(sorted(set(parties))), text[at:end], doc.span(span.start + at, span.start + end))
    return None


def find_scopes(doc: SourceDocument, span: Span) -> list[ScopeRef]:
    """Every scope named in a cell like 自身營運 價值鏈 or 價值鏈 ( 供應商 / 承攬商 )."""
    found: list[ScopeRef] = []
    start = span.start
    while start < span.end:
        scope = find_scope(doc, doc.span(start, span.end))
        if scope is None:
            break
        found.append(scope)
        start = scope.span.end
    return found


def year_in(text: str) -> str | None:
    match = _YEAR.search(text)
    return match.group(1) if match else None


def is_header_repeat(row: list[Cell], header: list[Cell]) -> bool:
    """A table split across pages repeats its header row: such a row carries no data."""
    texts = [fold_width(c.text).replace(" ", "") for c in row]
    heads = [fold_width(c.text).replace(" ", "") for c in header]
    return texts == heads


def preceding_blocks(doc: SourceDocument, block: Block, *, stop_at_table: bool = True, limit: int = 8) -> list[Block]:
    """The blocks before ``block``, nearest first, back to the previous table."""
    out = []
    for index in range(block.index - 1, max(-1, block.index - 1 - limit), -1):
        prev = doc.blocks[index]
        if prev.kind is BlockKind.TABLE and stop_at_table:
            break
        out.append(prev)
    return out
