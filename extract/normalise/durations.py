"""Spans of time in legal and policy text: `五日內`, `二個月`, `一個半月`, `至少保存十年`.

The value is kept in the unit as printed: `一個半月` is 1.5 month and `半年` is
0.5 year (not 6 months), so a duration always reads back as it was written.
Units and qualifiers come from the lexicon (units.toml).  A qualifier word may
stand a few characters before the number (`至少保存十年`: at-least).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from .. import lexicon
from .numerals import NUMERAL_CHARS, parse_number
from .text import fold_width

# How far before the number a qualifier word may stand (至少|保存|十年).
QUALIFIER_REACH = 4


@dataclass(frozen=True, slots=True)
class Duration:
    value: Decimal
    unit: str  # day, week, month, year, hour
    qualifier: str | None = None  # within, at-least, at-most, more-than, less-than, extension, after, …

    def __str__(self) -> str:
        q = f" ({self.qualifier})" if self.qualifier else ""
        return f"{self.value} {self.unit}{q}"


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    numeral = "[0-9.," + "".join(sorted(NUMERAL_CHARS)) + "]+"
    units = _alternation(lexicon.time_units())
    suffixes = _alternation(lexicon.time_suffixes())
    # 一個半月 / 一年半 / 半年 / 半個月 / 二個月 / 3 個月 / 十五日
    return re.compile(
        rf"(?:(?P<num>{numeral})\s*(?P<ge>[個箇])?\s*(?P<half1>半)?|(?P<half0>半)(?P<ge0>[個箇])?)"
        rf"\s*(?P<unit>{units})(?P<half2>半)?(?P<suffix>{suffixes})?"
    )


@lru_cache(maxsize=1)
def _qualifiers_longest_first() -> tuple[tuple[str, str], ...]:
    return tuple(sorted(lexicon.time_qualifiers().items(), key=lambda kv: (-len(kv[0]), kv[0])))


def parse_duration(text: str) -> Duration | None:
    """The first duration in ``text``, or None."""
    if not isinstance(text, str):
        return None
    s = fold_width(text)
    for m in _pattern().finditer(s):
        duration = _duration(s, m)
        if duration is not None:
            return duration
    return None


def duration_at(text: str, start: int, end: int) -> Duration | None:
    """The duration printed exactly at ``text[start:end]``, qualified by the words before it."""
    left = max(0, start - QUALIFIER_REACH - 8)  # only the qualifier's reach and the unit's tail matter
    s = fold_width(text[left:end + 8])
    m = _pattern().fullmatch(s, start - left, end - left)
    return _duration(s, m) if m else None


def _duration(s: str, m: re.Match[str]) -> Duration | None:
    if lexicon.is_false_unit(s, m.start("unit"), m["unit"]):
        return None  # 二年度, 三年級
    unit = lexicon.time_units()[m["unit"]]
    if m["num"] is not None:
        value = parse_number(m["num"])
        if value is None or value <= 0:
            return None
        if m["half1"] or m["half2"]:
            if m["half1"] and m["half2"]:
                return None
            value += Decimal("0.5")
    else:
        if m["half2"]:
            return None
        value = Decimal("0.5")
    # 三月 without 個 is March; only 三個月 / 三月內 are spans of months.
    if unit == "month" and not (m["ge"] or m["ge0"] or m["suffix"] or m["half0"]):
        return None
    qualifier = lexicon.time_suffixes()[m["suffix"]] if m["suffix"] else None
    before = s[max(0, m.start() - QUALIFIER_REACH - 3): m.start()]
    for word, q in _qualifiers_longest_first():
        at = before.rfind(word)
        if at != -1 and len(before) - (at + len(word)) <= QUALIFIER_REACH:
            qualifier = q if qualifier is None or q == "extension" else qualifier
            break
    return Duration(value, unit, qualifier)
