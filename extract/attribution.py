"""How much of a document's text the parser turned into typed facts.

A block counts as classified when some fact's span overlaps it; the share is
measured in non-blank characters, so layout whitespace does not count.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Block, BlockKind
from .parsers.base import ParsedDocument, iter_spans


@dataclass(frozen=True)
class Attribution:
    classified_blocks: frozenset[int]
    covered_chars: int
    total_chars: int

    @property
    def share(self) -> float:
        return self.covered_chars / self.total_chars if self.total_chars else 1.0


def _text_ranges(block: Block) -> list[tuple[int, int]]:
    if block.kind is BlockKind.TABLE and block.cells:
        return [(f.span.start, f.span.end) for c in block.cells for f in c.fragments]
    return [(block.span.start, block.span.end)]


def attribute(parsed: ParsedDocument) -> Attribution:
    text = parsed.source.text
    fact_ranges = sorted({(s.start, s.end) for s in iter_spans(parsed.root)} | {(n.span.start, n.span.end) for n in parsed.notes})
    covered = bytearray(len(text) + 1)
    for start, end in fact_ranges:
        covered[start:end] = b"\x01" * (end - start)
    classified: set[int] = set()
    covered_chars = total = 0
    for block in parsed.source.blocks:
        hit = False
        for start, end in _text_ranges(block):
            for offset in range(start, end):
                if text[offset].isspace():
                    continue
                total += 1
                if covered[offset]:
                    covered_chars += 1
                    hit = True
        if hit:
            classified.add(block.index)
    return Attribution(frozenset(classified), covered_chars, total)
