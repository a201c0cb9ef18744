"""The LegCo-paper vocabulary (lexicon/legco.toml) as ready-made patterns."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Mapping

from ... import lexicon
from ...normalise.numerals import NUMERAL_CHARS
from ...normalise.text import fold_width


def table(*keys: str) -> Any:
    data: Any = lexicon.load("legco")
    for key in keys:
        data = data[key]
    return data


def alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


def folded(text: str) -> str:
    """Width-folded text without spaces, for comparing labels."""
    return "".join(fold_width(text).split())


def comparable(text: str) -> str:
    """A programme name as compared across the paper: width, dashes and brackets folded, quotes dropped."""
    s = folded(text)
    s = re.sub(r"[‐‑‒–—―－-]", "-", s)
    return re.sub(r"[「」『』\"“”*]", "", s)


def role_of(label: str, roles: Mapping[str, str]) -> str | None:
    """The role of the longest listed word that ``label`` contains."""
    key = folded(label)
    best: tuple[int, str] | None = None
    for word, role in roles.items():
        if folded(word) in key and (best is None or len(word) > best[0]):
            best = (len(word), role)
    return best[1] if best else None


# A heading longer than its section word by more than this is a title, not a section ("…的進度報告").
_SECTION_SLACK = 8


def section_role(title: str) -> str | None:
    role = role_of(title, table("sections"))
    if role is None:
        return None
    shortest = min(len(folded(w)) for w, r in table("sections").items() if r == role and folded(w) in folded(title))
    return role if len(folded(title)) <= shortest + _SECTION_SLACK else None


def row_role(label: str) -> str | None:
    return role_of(label, table("rows"))


CJK_NUMERAL = "[" + "".join(sorted(NUMERAL_CHARS)) + "0-9０-９]"

# 二零零四年七月, 二零零四年九月九日, 2008年7月
DATE = re.compile(rf"{CJK_NUMERAL}{{4}}\s*年\s*{CJK_NUMERAL}{{1,2}}\s*月(?:\s*{CJK_NUMERAL}{{1,3}}\s*日)?")
SCHOOL_YEAR = r"\d{4}\s*/\s*\d{2}"
# 2006/07 至 2007/08 學年, 在 2006/07 及 2007/08 學年, 2006/07 學年
SCHOOL_YEARS = re.compile(rf"(?P<a>{SCHOOL_YEAR})(?:\s*(?P<sep>至|及|和|、|與)\s*(?P<b>{SCHOOL_YEAR}))?\s*(?:學年|年度)")
# 9.2004 至 6.2008, 2004年9月至2008年6月
MONTH_PERIOD = re.compile(r"\d{1,2}\s*\.\s*\d{4}\s*(?:至|-|–|－|~)\s*\d{1,2}\s*\.\s*\d{4}")
NUMBER = r"(?<![\d/.\-－])\d[\d,]*(?:\.\d+)?(?![\d/\-－])"
# An amount of money as printed: 5.5 億元, 4.7 百萬元, 五億元, HK$200 million, 港幣 3 億元.
AMOUNT = re.compile(
    rf"(?:HK\$|US\$|港幣|港元|\$)?\s*(?:\d[\d,]*(?:\.\d+)?|{CJK_NUMERAL}+)\s*(?:億|千萬|百萬|萬|million|M\b)?\s*(?:港元|元)?"
)


@lru_cache(maxsize=1)
def units() -> Mapping[str, str]:
    """Count units (lexicon/units.toml) that can count beneficiaries: not 學年, which dates a count."""
    skip = set(table("count", "not_units"))
    return {word: unit for word, unit in lexicon.count_units().items() if unit not in skip}


@lru_cache(maxsize=1)
def count_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?P<num>{NUMBER})\s*(?P<scale>[萬千百億])?\s*(?P<unit>{alternation(units())})")


@lru_cache(maxsize=1)
def bare_number_then_count() -> re.Pattern[str]:
    """`148 及 90 位`: a number whose unit is the next count's."""
    joiners = alternation(table("count", "joiners"))
    return re.compile(rf"(?P<num>{NUMBER})\s*(?:{joiners})\s*(?=\d[\d,]*(?:\.\d+)?\s*(?:{alternation(units())}))")


@lru_cache(maxsize=1)
def phase_pattern() -> re.Pattern[str]:
    return re.compile(table("projects", "phase"))


@lru_cache(maxsize=1)
def reference_pattern() -> re.Pattern[str]:
    prefix = re.escape(table("paper", "reference_prefix"))
    suffix = re.escape(table("paper", "reference_suffix"))
    return re.compile(
        rf"{prefix}\s*(?P<committee>CB\s*\(\s*\d\s*\)|[A-Z]{{1,6}})\s*(?P<serial>\d+)\s*/\s*(?P<session>\d{{2}}\s*-\s*\d{{2}})"
        rf"\s*(?:\(\s*(?P<part>\d+)\s*\))?\s*{suffix}"
    )


_LEADING_NUMBER = re.compile(r"^\s*(?:\d[\d,]*(?:\.\d+)?|[〇零一二兩三四五六七八九十]+)\s*")


def printed_unit(amount: str) -> str:
    """The unit of an amount as printed, without its number: `5.5 億元` → `億元`, `HK$200 million` → `HK$million`."""
    text = amount.strip()
    sign = re.match(r"^(HK\$|US\$|港幣|港元|\$)\s*", text)
    prefix = sign.group(1) if sign else ""
    rest = text[sign.end():] if sign else text
    return (prefix + _LEADING_NUMBER.sub("", rest, count=1)).strip() or prefix or text
