"""Finding the report's tables by their header vocabulary.

A table is recognised by the words of its header row (訓練課程名稱/時數/人次/
總時數, 人權風險議題/風險鑑別/減緩措施/補救措施 …), never by its position.  A table
split across a page break arrives either as one table with a repeated header
row, or as a second table: with a repeated header it is recognised again;
without one, a table with the same number of columns right after a recognised
one continues it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...model import Block, BlockKind, Cell, SourceDocument
from . import vocab
from .reading import find_scope, find_scopes, is_header_repeat

_PAGE_NUMBER = re.compile(r"^[-–—\s]*(?:第\s*)?\d{1,4}\s*(?:頁)?[-–—\s]*$")
_PLANT_HEADER = re.compile(r"^(?P<name>.+?)\s*[（(]\s*(?P<code>[^()（）]+?)\s*[)）]$")


@dataclass(slots=True)
class Table:
    """A recognised table: its kind, its header cells, column roles and data rows (continuations merged)."""

    kind: str
    blocks: list[Block]
    header: list[Cell]
    roles: dict[int, str]  # column → role
    rows: list[list[Cell]] = field(default_factory=list)


def column_roles(header: list[Cell], kind: str) -> dict[int, str]:
    """Column → role, each header cell taking the role whose word it matches most specifically."""
    words = vocab.table_vocabulary(kind)
    roles: dict[int, str] = {}
    for cell in header:
        best: tuple[int, bool, str] | None = None
        folded = "".join(cell.text.split())
        for role, choices in words.items():
            if not isinstance(choices, list):
                continue
            for word in choices:
                if vocab.matches_header(cell.text, [word]):
                    # The longer word wins; at a tie the head noun, which ends the header (政策內容 is a 內容).
                    score = (len(word), folded.endswith(word), role)
                    if best is None or score[:2] > best[:2]:
                        best = score
        if best is not None:
            roles[cell.col] = best[2]
    return roles


_REQUIRED = {
    "training": {"course", "attendance", "total_hours"},
    "measures": {"issue", "mitigation"},
    "indicators": {"target", "status"},
    "tools": {"scope", "tools"},
    "policy": {"name", "scope", "content"},
}


def _header_kind(header: list[Cell]) -> tuple[str, dict[int, str]] | None:
    for kind, required in _REQUIRED.items():
        roles = column_roles(header, kind)
        if required <= set(roles.values()):
            return kind, roles
    if len(header) >= 3 and sum(1 for c in header if _plant(c) is not None) >= 2:
        return "facilities", {c.col: "plant" for c in header if _plant(c) is not None}
    programmes = [c for c in header if _names_programme(c)]
    if programmes and len(programmes) >= len(header) - 2:
        return "facilities-by-row", {c.col: "programme" for c in programmes}
    scopes = [c for c in header if not c.is_empty]
    if len(header) >= 2 and vocab.matches_header(header[0].text, vocab.table_vocabulary("identification")["item"]):
        if all(_is_scope_cell(c) for c in header[1:] if not c.is_empty):
            return "identification", {c.col: "scope" for c in header[1:]}
    if scopes and all(_is_scope_cell(c) for c in scopes):
        return "mechanisms", {c.col: "scope" for c in header}
    return None


def _is_scope_cell(cell: Cell) -> bool:
    text = cell.text.strip()
    for word, _ in vocab.scopes():
        if text.startswith(word):
            rest = text[len(word):].strip()
            return not rest or rest[0] in "（("
    return False


def _plant(cell: Cell) -> tuple[str, str] | None:
    """(name, code) of a plant header: 北廠 (1廠), or a bare name ending in a plant word (code empty)."""
    text = " ".join(cell.text.split())
    markers = vocab.table_vocabulary("facilities")["plant_markers"]
    match = _PLANT_HEADER.match(text)
    if match:
        if any(m in match.group("name") or m in match.group("code") for m in markers):
            return match.group("name").strip(), match.group("code").strip()
        return None
    if 1 < len(text) <= 12 and text.endswith(tuple(markers)) and text not in markers and not text.startswith(("各", "全")):
        return text, ""
    return None


def _names_programme(cell: Cell) -> bool:
    words = vocab.table_vocabulary("facilities")
    return any(vocab.matches_header(cell.text, words[p]) for p in ("saq", "vap", "sa8000"))


def plant_of(cell: Cell) -> tuple[str, str] | None:
    return _plant(cell)


def find_tables(doc: SourceDocument) -> list[Table]:
    tables: list[Table] = []
    previous: Table | None = None
    for block in doc.blocks:
        if block.kind is not BlockKind.TABLE:
            if not _is_page_furniture(block):
                previous = None  # only a page number or running line may sit inside a table split by a page break
            continue
        rows = block.rows
        if not rows:
            continue
        recognised = _header_kind(rows[0])
        if recognised is None:
            if previous is not None and len(rows[0]) == len(previous.header):
                previous.blocks.append(block)
                previous.rows.extend(r for r in rows if not is_header_repeat(r, previous.header))
            continue
        kind, roles = recognised
        if previous is not None and previous.kind == kind and is_header_repeat(rows[0], previous.header):
            previous.blocks.append(block)
            previous.rows.extend(r for r in rows[1:] if not is_header_repeat(r, rows[0]))
            continue
        table = Table(kind, [block], rows[0], roles, [r for r in rows[1:] if not is_header_repeat(r, rows[0])])
        tables.append(table)
        previous = table
    return tables


def _is_page_furniture(block: Block) -> bool:
    """A page number or a short running line between the two halves of a split table."""
    text = block.span.text.strip()
    if _PAGE_NUMBER.match(text) or _PAGE_NUMBER.match(f"{block.marker} {text}"):
        return True
    return block.kind is BlockKind.PARAGRAPH and len(text) <= 12 and not any(word in text for word, _ in vocab.scopes())


def scope_before(doc: SourceDocument, table: Table):
    """The scope a table is about, from the nearest heading or caption before it."""
    first = table.blocks[0]
    for index in range(first.index - 1, max(-1, first.index - 6), -1):
        prev = doc.blocks[index]
        if prev.kind is BlockKind.TABLE:
            return None
        scope = find_scope(doc, prev.span)
        if scope is not None and prev.kind in (BlockKind.HEADING, BlockKind.PARAGRAPH) and len(prev.span.text) <= 60:
            return scope
    return None


def heading_before(doc: SourceDocument, table: Table) -> Block | None:
    first = table.blocks[0]
    for index in range(first.index - 1, -1, -1):
        if doc.blocks[index].kind is BlockKind.HEADING:
            return doc.blocks[index]
    return None


def scopes_in(doc: SourceDocument, cell: Cell):
    return find_scopes(doc, cell.span)
