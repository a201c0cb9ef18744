"""Counted quantities in reports and papers: `42,599 人次`, `約 120 所`, `300 名之多`, `32.07%`.

Units and qualifier words come from the lexicon (units.toml, [count] and
[count_qualifiers]).  The unit id is English (person-time, institution, percent);
the unit as printed is kept too, because papers distinguish 名, 位 and 人.
A qualifier (約, 逾, 之多, 以上, 百餘) marks the count as approximate or a bound.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from .. import lexicon
from .numerals import NUMERAL_CHARS, parse_number
from .text import fold_width


_REACH = 12


@dataclass(frozen=True, slots=True)
class Quantity:
    value: Decimal
    unit: str  # English unit id: person-time, person, institution, percent, …
    unit_text: str  # the unit as printed: 人次, 名, 所, %
    qualifier: str | None = None  # approximate, more-than, as-many-as, at-least

    @property
    def approximate(self) -> bool:
        return self.qualifier == "approximate"


def _longest_first(words) -> list[str]:
    return sorted(words, key=lambda w: (-len(w), w))


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in _longest_first(words))


@lru_cache(maxsize=1)
def _core() -> re.Pattern[str]:
    numeral = "[0-9.," + "".join(sorted(NUMERAL_CHARS)) + "]+"
    units = _alternation(lexicon.count_units())
    return re.compile(
        rf"(?P<pct>百分之)\s*(?P<pnum>{numeral})"
        rf"|(?P<num>{numeral})\s*(?P<mid>{_alternation(lexicon.count_infixes())})?\s*(?P<unit>{units})"
    )


def _read(m: re.Match[str], before: str | None, after: str | None) -> Quantity | None:
    quals = lexicon.count_qualifiers()
    if m["pct"]:
        value, unit_text, unit = parse_number(m["pnum"]), "%", "percent"
    else:
        value, unit_text = parse_number(m["num"]), m["unit"]
        unit = lexicon.count_units()[unit_text]
    if value is None or value < 0:
        return None
    qualifier = None
    for word, table in ((before, quals), (m["mid"], lexicon.count_infixes()), (after, quals)):
        if word:
            qualifier = table[word]
    return Quantity(value, unit, unit_text, qualifier)


def parse_quantity(text: str) -> Quantity | None:
    """A number with a count unit and optional qualifiers, or None if ``text`` is not exactly that."""
    if not isinstance(text, str):
        return None
    s = "".join(fold_width(text).split())
    before = after = None
    for word in _longest_first(lexicon.count_qualifiers()):
        if before is None and s.startswith(word) and len(s) > len(word):
            before, s = word, s[len(word):]
    for word in _longest_first(lexicon.count_qualifiers()):
        if after is None and s.endswith(word) and len(s) > len(word):
            candidate = s[: -len(word)]
            if _core().fullmatch(candidate):
                after, s = word, candidate
    m = _core().fullmatch(s)
    if not m or (m["unit"] and lexicon.is_false_unit(s, m.start("unit"), m["unit"])):
        return None
    return _read(m, before, after)


# A qualifier may stand a character or two before the number (約有 400 人次),
# but not across punctuation.
_BEFORE_REACH = 2
_PUNCTUATION = frozenset("，。；：、,.;:()（）「」『』[]\n\t")


def _qualifier_before(head: str) -> str | None:
    for word in _longest_first(lexicon.count_qualifiers()):
        window = head[-(len(word) + _BEFORE_REACH):]
        at = window.rfind(word)
        if at != -1 and not _PUNCTUATION.intersection(window[at + len(word):]):
            return word
    return None


def quantity_at(text: str, start: int, end: int) -> Quantity | None:
    """The quantity printed exactly at ``text[start:end]``, with the qualifiers right around it."""
    left = max(0, start - _REACH)  # qualifiers and false units sit right beside the span
    s = fold_width(text[left:end + _REACH])
    start, end = start - left, end - left
    m = _core().fullmatch(s, start, end)
    if not m or (m["unit"] and lexicon.is_false_unit(s, m.start("unit"), m["unit"])):
        return None
    head = s[:start].rstrip()
    tail = s[end:].lstrip()
    before = _qualifier_before(head)
    after = next((w for w in _longest_first(lexicon.count_qualifiers()) if tail.startswith(w)), None)
    return _read(m, before, after)
