"""Sentences and clauses of a provision, and the parts of a clause that are not its main rule.

A sentence ends at 。; a clause at 。 or ；.  Inside a clause, the comma-separated
segments that end in 者 or 時 (or open with 如/若/倘) are conditions, and 除…外
is an exception: a deontic word inside either does not state the clause's own
modality (`…而須加註…者，仍以我國文字為準` states no duty).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_SENTENCE_END = "。"
_CLAUSE_END = "。；;"
_TRIM = " \t\r\n　:-*"

# 除…外 (not 除以, a division in a formula).
EXCEPT_BESIDES = re.compile(r"除(?!以)[^，,。；;]*?外")
# 但…不在此限: an exception to the clause before it.
PROVISO = re.compile(r"^但(?P<body>.*?)[，,]?\s*不在此限$")
_CONDITION_OPEN = ("如", "若", "倘", "於", "遇")
_CONDITION_CLOSE = ("者", "時")
_CONTINUES = ("而", "或", "且", "及", "並")


@dataclass(frozen=True, slots=True)
class Piece:
    start: int
    end: int
    text: str


@lru_cache(maxsize=None)
def _runs(ends: str) -> re.Pattern[str]:
    return re.compile(f"[^{re.escape(ends)}]+")


def _split(text: str, ends: str) -> list[Piece]:
    pieces = []
    for m in _runs(ends).finditer(text):
        run = m.group()
        body = run.strip(_TRIM)
        if body:
            a = m.start() + len(run) - len(run.lstrip(_TRIM))
            pieces.append(Piece(a, a + len(body), body))
    return pieces


def sentences(text: str) -> list[Piece]:
    return _split(text, _SENTENCE_END)


def clauses(text: str) -> list[Piece]:
    return _split(text, _CLAUSE_END)


def segments(text: str) -> list[Piece]:
    return _split(text, "，,")


def is_proviso(text: str) -> bool:
    return PROVISO.match(text) is not None


def condition_pieces(text: str, has_marker=lambda s: False) -> list[Piece]:
    """The conditions of a clause (never its last segment, which holds the rule).

    A condition closing in 者/時 runs back to the previous segment that states a
    rule of its own (``has_marker``), so `其因…需要，而須加註…，或…文字者` is one
    condition; a segment opening with 而/或/且 continues the condition before it.
    """
    segs = segments(text)
    out = []
    run_start: int | None = None
    for seg in segs[:-1]:
        if run_start is None:
            run_start = seg.start
        if seg.text.endswith(_CONDITION_CLOSE) or seg.text.startswith(_CONDITION_OPEN):
            out.append(Piece(run_start, seg.end, text[run_start:seg.end]))
            run_start = None
        elif has_marker(seg.text) and not seg.text.startswith(_CONTINUES):
            run_start = None
    return out


def exception_pieces(text: str) -> list[Piece]:
    return [Piece(m.start(), m.end(), m.group()) for m in EXCEPT_BESIDES.finditer(text)]


def masked(text: str, has_marker=lambda s: False) -> bytearray:
    """1 where a character is inside a condition or a 除…外 exception."""
    mask = bytearray(len(text))
    for piece in condition_pieces(text, has_marker) + exception_pieces(text):
        mask[piece.start:piece.end] = b"\x01" * (piece.end - piece.start)
    return mask
