"""The paper itself: its head (document type, panel, title), signature (bureau, date),
sections, numbered paragraphs and the earlier papers it cites."""

from __future__ import annotations

import re

from ...model import Block, BlockKind, SourceDocument, Span
from ...normalise.dates import parse_date
from . import vocabulary as vocab
from .counts import sub_span
from .model import Dated, Named, NumberedParagraph, PaperNumber, PaperReference, Section

_HEAD_BLOCKS = 8
_TAIL_BLOCKS = 4
_SIGNATURE_MAX = 30
_TITLE_MIN = 6
_OWN_NUMBER_SLACK = 4  # 「(立法會 CB(2)2345/07-08(01)號文件)」 on a line of its own
_NUMBERED = re.compile(r"^(\d{1,3})[.、]$")
_UNFINISHED = re.compile(r"[^。！？：；」）)]$")


def text_blocks(doc: SourceDocument) -> list[Block]:
    return [b for b in doc.blocks if b.kind is not BlockKind.TABLE]


def head_blocks_holding(doc: SourceDocument, *spans: Span | None) -> set[int]:
    """Indices of the head blocks in which any of ``spans`` starts."""
    return {b.index for b in doc.blocks[:_HEAD_BLOCKS] for s in spans if s is not None and b.span.start <= s.start < max(b.span.end, b.span.start + 1)}


def document_type(doc: SourceDocument) -> Named | None:
    types = vocab.table("paper", "document_types")
    for block in doc.blocks[:_HEAD_BLOCKS]:
        if block.kind is BlockKind.TABLE:
            continue
        for name in sorted(types, key=len, reverse=True):
            at = block.text.find(name)
            if at != -1 and len(vocab.folded(block.text)) <= len(name) + 20:
                return Named(name, sub_span(doc, block.span, block.text, at, at + len(name)))
    return None


def panel(doc: SourceDocument) -> Named | None:
    prefix = re.escape(vocab.table("paper", "panel_prefix"))
    suffixes = vocab.alternation(vocab.table("paper", "panel_suffixes"))
    pattern = re.compile(rf"{prefix}\s*\S{{1,30}}?(?:{suffixes})")
    for block in doc.blocks[:_HEAD_BLOCKS]:
        if block.kind is BlockKind.TABLE:
            continue
        m = pattern.search(block.text)
        if m and len(block.text.strip()) <= len(m.group(0)) + 10:
            return Named(m.group(0), sub_span(doc, block.span, block.text, m.start(), m.end()))
    return None


def title(doc: SourceDocument, taken: set[int]) -> Named | None:
    """The first heading of the head that is neither the panel nor a section heading; else the first such line."""
    head = [b for b in doc.blocks[:_HEAD_BLOCKS] if b.kind is not BlockKind.TABLE and b.index not in taken]
    types = vocab.table("paper", "document_types")
    candidates = [b for b in head if vocab.section_role(b.text) is None and b.text.strip() not in types and len(b.text.strip()) >= _TITLE_MIN]
    for block in candidates:
        if block.kind is BlockKind.HEADING:
            return Named(block.text.strip(), block.span)
    for block in candidates:
        if block.kind is BlockKind.PARAGRAPH and not re.search(r"[。；]$", block.text.strip()):
            return Named(block.text.strip(), block.span)
    return None


def signature(doc: SourceDocument) -> tuple[Named | None, Dated | None]:
    """The issuing bureau and the date printed at the end of the paper (on two lines or one)."""
    bureau = date = None
    suffixes = tuple(vocab.table("paper", "bureau_suffixes"))
    for block in reversed(doc.blocks[-_TAIL_BLOCKS:]):
        if block.kind is BlockKind.TABLE:
            continue
        text = block.text.rstrip()
        if len(text) > _SIGNATURE_MAX:
            continue
        m = vocab.DATE.search(text)
        if date is None and m and not text[m.end():].strip() and (parsed := parse_date(m.group(0))) is not None:
            date = Dated(parsed.iso(), sub_span(doc, block.span, block.text, m.start(), m.end()))
            text = text[: m.start()].rstrip()
        if bureau is None and text.endswith(suffixes) and text.strip():
            start = len(text) - len(text.lstrip())
            bureau = Named(text.strip(), sub_span(doc, block.span, block.text, start, len(text)))
    return bureau, date


def sections(doc: SourceDocument) -> list[tuple[Block, Section]]:
    found = []
    for block in doc.blocks:
        if block.kind is BlockKind.HEADING:
            found.append((block, Section(block.text.strip(), block.span, vocab.section_role(block.text))))
    return found


def numbered_paragraphs(doc: SourceDocument) -> list[tuple[list[Block], NumberedParagraph]]:
    """Numbered paragraphs (`2.`, `10.`), joined across page breaks; an unnumbered opening one is 1."""
    found: list[tuple[list[Block], NumberedParagraph]] = []
    heading: str | None = None
    first_unnumbered: Block | None = None
    first_heading: str | None = None
    for block in doc.blocks:
        if block.kind is BlockKind.HEADING:
            heading = block.text.strip()
            continue
        if block.kind is BlockKind.TABLE:
            continue
        m = _NUMBERED.match(block.marker) if block.kind is BlockKind.LIST_ITEM and block.level == 0 else None
        if m:
            found.append(([block], NumberedParagraph(int(m.group(1)), [block.span], heading, [block.index])))
            continue
        if block.kind is BlockKind.PARAGRAPH and found and found[-1][0][-1].index == block.index - 1 and _UNFINISHED.search(found[-1][0][-1].text):
            found[-1][0].append(block)
            found[-1][1].spans.append(block.span)
            found[-1][1].blocks.append(block.index)
            continue
        if not found and first_unnumbered is None and block.kind is BlockKind.PARAGRAPH and vocab.section_role(heading or "") == "purpose":
            first_unnumbered, first_heading = block, heading
    if first_unnumbered is not None and found and found[0][1].number == 2:
        found.insert(0, ([first_unnumbered], NumberedParagraph(1, [first_unnumbered.span], first_heading, [first_unnumbered.index])))
    return found


def _paper_number(m: re.Match[str]) -> PaperNumber:
    committee = re.sub(r"\s+", "", m["committee"])
    session = re.sub(r"\s+", "", m["session"])
    part = m["part"]
    canonical = f"{committee}{m['serial']}/{session}" + (f"({part})" if part else "")
    return PaperNumber(committee, int(m["serial"]), session, part, canonical)


def references(doc: SourceDocument) -> tuple[PaperReference | None, list[PaperReference]]:
    """The paper's own number (a line of its own at the head) and the earlier papers it cites."""
    types = vocab.table("paper", "document_types")
    own: PaperReference | None = None
    refs: list[PaperReference] = []
    for block in text_blocks(doc):
        text = block.text
        for m in vocab.reference_pattern().finditer(text):
            number = _paper_number(m)
            span = sub_span(doc, block.span, text, m.start(), m.end())
            if own is None and block.index < _HEAD_BLOCKS and len(vocab.folded(text)) <= len(vocab.folded(m.group(0))) + _OWN_NUMBER_SLACK:
                own = PaperReference(number, span)
                continue
            sentence_start = max(text.rfind(ch, 0, m.start()) for ch in "。；") + 1
            before = text[sentence_start:m.start()]
            doc_type = next((t for t in sorted(types, key=len, reverse=True) if t in before[-12:]), None)
            dates = list(vocab.DATE.finditer(before))
            dated = None
            if dates and (parsed := parse_date(dates[-1].group(0))) is not None:
                d = dates[-1]
                dated = Dated(parsed.iso(), sub_span(doc, block.span, text, sentence_start + d.start(), sentence_start + d.end()))
            refs.append(PaperReference(number, span, doc_type, dated))
    return own, refs
