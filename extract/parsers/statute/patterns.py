"""The printed forms a statute's structure takes, as patterns over width-folded line text.

Lines are matched after :func:`fold_width` (one character for one, so match
offsets are source offsets).  The words come from ``lexicon/statute.toml``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Mapping

from ...lexicon import load
from ...normalise.articles import canonical_number
from ...normalise.numerals import NUMERAL_CHARS

NUM = "[0-9" + "".join(sorted(NUMERAL_CHARS)) + "]+"
_CN_NUM = "[" + "".join(sorted(c for c in NUMERAL_CHARS if not c.isascii())) + "]+"

# 第 15-1 條 / 第十五條之一 / 第十五條 之一 / 第15條之1
ARTICLE_LABEL = re.compile(rf"第\s*(?P<n>{NUM})\s*(?:-\s*(?P<m>{NUM})\s*)?條(?:[ \t]*之[ \t]*(?P<s>{NUM}))?")
BARE_NUMBER = re.compile(r"(?P<n>[1-9][0-9]{0,3})")
ITEM = re.compile(rf"(?P<n>{_CN_NUM})[ \t]*、")
SUBITEM = re.compile(rf"[(（][ \t]*(?P<n>{_CN_NUM})[ \t]*[)）]")
DEEPER = re.compile(r"(?:[0-9]{1,3}[ \t]*[.、)）]|[(（][0-9]{1,3}[)）])")
BRACKETED = re.compile(r"[(（][ \t]*(?P<t>[^()（）。，；：:,;]{1,12}?)[ \t]*[)）]")
IN_BRACKETS = re.compile(r"[(（][^()（）]*[)）]")
DOT_LEADER = re.compile(r"(?:\.{3,}|…{2,}|·{3,}|．{3,})")
# A paragraph is complete when its line ends a sentence or introduces a list.
FINISHED = re.compile(r"[。：:！？!?](?:[」』）)”’\]]*)[*＊#]*$")
CLAUSE_PUNCTUATION = re.compile(r"[。，；：;,]")
SPACES = re.compile(r"[ \t\u3000]+")


@lru_cache(maxsize=None)
def _lexicon() -> Mapping[str, object]:
    return load("statute")


@lru_cache(maxsize=None)
def division_units() -> Mapping[str, str]:
    return dict(_lexicon()["divisions"])  # type: ignore[arg-type]


@lru_cache(maxsize=None)
def division_heading() -> re.Pattern[str]:
    units = "".join(division_units())
    return re.compile(rf"第[ \t]*(?P<n>{NUM})[ \t]*(?P<u>[{units}])(?:[ \t]*之[ \t]*(?P<s>{NUM}))?(?P<sep>[ \t]*)(?P<title>.*)")


@lru_cache(maxsize=None)
def series_heading() -> re.Pattern[str]:
    chars = "".join(_lexicon()["headings"]["series"])  # type: ignore[index]
    return re.compile(rf"(?P<n>[{chars}])(?:[ \t]*[、．.][ \t]*|[ \t]+)(?P<title>\S.*)")


def series_position(char: str) -> tuple[int, int] | None:
    """(which series, 1-based position) of a heading numeral: 貳 → (0, 2), 乙 → (1, 2)."""
    for index, series in enumerate(_lexicon()["headings"]["series"]):  # type: ignore[index]
        pos = series.find(char)
        if pos >= 0:
            return index, 1 + pos
    return None


@lru_cache(maxsize=None)
def header_line() -> re.Pattern[str]:
    keys = "|".join(sorted(_lexicon()["header"], key=len, reverse=True))  # type: ignore[arg-type]
    return re.compile(rf"(?P<key>{keys})[ \t]*(?:[:：][ \t]*|[ \t]+)(?P<value>\S.*)")


@lru_cache(maxsize=None)
def header_key() -> re.Pattern[str]:
    """A header field's key and colon, wherever it stands in a line."""
    keys = "|".join(sorted(_lexicon()["header"], key=len, reverse=True))  # type: ignore[arg-type]
    return re.compile(rf"(?:{keys})[:：]")


def header_role(key: str) -> str:
    return _lexicon()["header"][key]  # type: ignore[index]


@lru_cache(maxsize=None)
def date_verbs() -> Mapping[str, int]:
    return dict(_lexicon()["dates"])  # type: ignore[arg-type]


_ROC_DATE = rf"(?:中華)?民國[ \t]*{NUM}[ \t]*年[ \t]*{NUM}[ \t]*月[ \t]*{NUM}[ \t]*日"
_GREGORIAN_DATE = r"[12][0-9]{3}[ \t]*年[ \t]*[0-9]{1,2}[ \t]*月[ \t]*[0-9]{1,2}[ \t]*日"
DATE = re.compile(rf"(?P<date>{_ROC_DATE}|{_GREGORIAN_DATE})")


@lru_cache(maxsize=None)
def dated_verb() -> re.Pattern[str]:
    verbs = "|".join(sorted(date_verbs(), key=len, reverse=True))
    return re.compile(rf"(?P<date>{_ROC_DATE}|{_GREGORIAN_DATE})[^。；]{{0,30}}?(?P<verb>{verbs})")


@lru_cache(maxsize=None)
def act_title_suffixes() -> tuple[str, ...]:
    return tuple(_lexicon()["acts"]["suffixes"])  # type: ignore[index]


@lru_cache(maxsize=None)
def jurisdictions() -> tuple[tuple[str, str], ...]:
    return tuple(_lexicon()["jurisdictions"].items())  # type: ignore[union-attr]


def language_of(jurisdiction: str) -> str | None:
    return _lexicon()["languages"].get(jurisdiction)  # type: ignore[union-attr]


@lru_cache(maxsize=None)
def preamble_heading() -> re.Pattern[str]:
    words = "|".join("[ \t]*".join(w) for w in _lexicon()["preamble"]["words"])  # type: ignore[index]
    return re.compile(rf"(?:{words})[ \t]*[:：]?")


@lru_cache(maxsize=None)
def annex_heading() -> re.Pattern[str]:
    words = "|".join(_lexicon()["annexes"]["words"])  # type: ignore[index]
    return re.compile(rf"(?:{words})[ \t]*(?:{NUM}(?:[ \t]+\S.*)?|[ \t]+\S.*)")


@lru_cache(maxsize=None)
def deleted_marker() -> re.Pattern[str]:
    words = "|".join(_lexicon()["deleted"]["words"])  # type: ignore[index]
    return re.compile(rf"[(（][ \t]*(?:{words})[ \t]*[)）]")


def article_number(match: re.Match[str]) -> str | None:
    """The canonical number of an ARTICLE_LABEL match ('15-1')."""
    sub = match["m"] or match["s"]
    text = f"第{match['n']}條" + (f"之{sub}" if sub else "")
    return canonical_number(text, "條")


def sort_key(canonical: str) -> tuple[int, int]:
    number, _, sub = canonical.partition("-")
    return int(number), int(sub or 0)


def is_finished(text: str) -> bool:
    return FINISHED.search(text.rstrip()) is not None


def is_numeral_text(text: str) -> bool:
    return re.fullmatch(NUM, text) is not None


def tidy_heading(label: str, title: str) -> str:
    """`第 一 章`, `總 則` → `第一章 總則`: typographic spacing inside CJK text dropped, other runs of space made one."""
    return (SPACES.sub("", label) + " " + tidy_title(title)).strip()


def tidy_title(title: str) -> str:
    text = SPACES.sub(" ", title.strip())
    return re.sub(r"(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])", "", text)
