"""Article numbers in every printed form, to one canonical string.

`第 15-1 條` (MOJ print), `第十五條之一` and `第十五條 之一` (Legislative Yuan /
gazette), `第15條之1`, `15-1` and `第一百零五條` all read as `15-1` or `105`.
The same reading works for other numbered divisions (`第四章之一` → `4-1` with
unit 章), so the statute parser numbers 編/章/節/款/目 the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .numerals import NUMERAL_CHARS, parse_int, to_chinese_numeral
from .text import fold_width

STYLES = ("moj", "ly", "compact")

_NUM = "[0-9" + "".join(sorted(NUMERAL_CHARS)) + "]+"


@lru_cache(maxsize=None)
def _pattern(unit: str) -> re.Pattern[str]:
    u = re.escape(unit)
    return re.compile(
        rf"(?P<di>第)?(?P<n>{_NUM})(?:-(?P<m1>{_NUM}))?(?P<unit>{u})?(?:之(?P<m2>{_NUM}))?"
    )


def canonical_number(text: str, unit: str = "條") -> str | None:
    """`第十五條之一` → '15-1' (for ``unit`` 條); None if ``text`` is not such a number."""
    if not isinstance(text, str):
        return None
    s = "".join(fold_width(text).split())
    m = _pattern(unit).fullmatch(s)
    if not m:
        return None
    if m["m1"] and m["m2"]:
        return None
    if m["m2"] and not m["unit"]:
        return None  # 十五之一 is a fraction, not an article
    number = parse_int(m["n"])
    if number is None or number <= 0:
        return None
    sub_text = m["m1"] or m["m2"]
    if sub_text is None:
        return str(number)
    sub = parse_int(sub_text)
    if sub is None or sub <= 0:
        return None
    return f"{number}-{sub}"


def canonical_article_number(text: str) -> str | None:
    """`第 15-1 條`, `第十五條之一`, `第十五條 之一`, `第15條之1`, `15-1` → '15-1'."""
    return canonical_number(text, "條")


_CANONICAL = re.compile(r"([1-9][0-9]*)(?:-([1-9][0-9]*))?")


def render_number(canonical: str, unit: str = "條", style: str = "moj") -> str:
    """Print a canonical number: 'moj' `第 15-1 條`, 'ly' `第十五條之一`, 'compact' `第15條之1`."""
    m = _CANONICAL.fullmatch(canonical)
    if not m:
        raise ValueError(f"not a canonical number: {canonical!r}")
    number, sub = int(m[1]), (int(m[2]) if m[2] else None)
    if style == "moj":
        return f"第 {number}-{sub} {unit}" if sub else f"第 {number} {unit}"
    if style == "ly":
        head = f"第{to_chinese_numeral(number, statute_style=True)}{unit}"
        return head + (f"之{to_chinese_numeral(sub, statute_style=True)}" if sub else "")
    if style == "compact":
        return f"第{number}{unit}" + (f"之{sub}" if sub else "")
    raise ValueError(f"unknown style {style!r}; expected one of {', '.join(STYLES)}")


def render_article_number(canonical: str, style: str = "moj") -> str:
    return render_number(canonical, "條", style)


def article_sort_key(canonical: str) -> tuple[int, int]:
    """Order '15' < '15-1' < '15-2' < '16'."""
    number, _, sub = canonical.partition("-")
    return int(number), int(sub or 0)


# Units a reference can name, from the outermost in.  款 after 條 or 項 is an
# item; 編/章/節 are divisions.
DIVISION_UNITS = ("編", "章", "節")
ACT_WORDS = ("法", "條例", "通則", "細則", "辦法", "規則", "準則", "綱要", "規程")
_LEVELS = {"條": "article", "項": "paragraph", "款": "item", "目": "subitem",
           "編": "part", "章": "chapter", "節": "section"}
_RELATIVE = {"前": "previous", "本": "this", "同": "same"}


@dataclass(frozen=True, slots=True)
class ProvisionRef:
    """A reference to a provision, absolute (第 15-1 條第二項) or relative (前條, 本法, 各款).

    ``relative`` says how the reference is anchored: None for what is numbered
    (or unanchored, 各款), else previous (前), this (本) or same (同).  ``level``
    is what the relative word refers to (act, part, chapter, section, article,
    paragraph, item, subitem) and ``count`` how many (前二條 → 2, 前各項 → None,
    meaning all before).  The numbered fields hold what follows: 前項第一款 is
    the previous paragraph, item 1.  ``each`` names the level of which every
    member is meant: 第七十二條各款 is each item of article 72, 下列各款 each
    item listed.
    """

    relative: str | None = None
    level: str | None = None
    count: int | None = 1
    division: tuple[str, str] | None = None  # (unit, canonical number): ('章', '4-1')
    article: str | None = None  # canonical: '15-1'
    paragraph: int | None = None
    item: int | None = None
    subitem: int | None = None
    each: str | None = None  # paragraph, item or subitem


_REF = re.compile(
    rf"(?:(?P<rel>[前本同])(?P<relnum>{_NUM}|各)?(?P<relunit>{'|'.join(ACT_WORDS)}|[編章節條項款目]))?"
    rf"(?:第(?P<div>{_NUM})(?P<divunit>[編章節])(?:之(?P<divsub>{_NUM}))?)?"
    rf"(?:第(?P<art>{_NUM})(?:-(?P<artsub1>{_NUM}))?條(?:之(?P<artsub2>{_NUM}))?)?"
    rf"(?:第(?P<par>{_NUM})項)?"
    rf"(?:第(?P<item>{_NUM})款)?"
    rf"(?:第(?P<sub>{_NUM})目)?"
    rf"(?:各(?P<each>[項款目]))?"
)


def parse_provision_ref(text: str) -> ProvisionRef | None:
    """`第十五條之一第二項` → article '15-1', paragraph 2; `前二條` → previous 2 articles."""
    if not isinstance(text, str):
        return None
    s = "".join(fold_width(text).split())
    m = _REF.fullmatch(s)
    if not m or not s:
        return None
    relative = level = None
    count: int | None = 1
    if m["rel"]:
        relative = _RELATIVE[m["rel"]]
        unit = m["relunit"]
        level = "act" if unit in ACT_WORDS else _LEVELS[unit]
        if m["relnum"] == "各":
            if relative != "previous":
                return None
            count = None
        elif m["relnum"]:
            count = parse_int(m["relnum"])
            if count is None or count <= 0 or relative != "previous":
                return None
    division = None
    if m["div"]:
        number = canonical_number(f"第{m['div']}{m['divunit']}" + (f"之{m['divsub']}" if m["divsub"] else ""), m["divunit"])
        if number is None:
            return None
        division = (m["divunit"], number)
    article = None
    if m["art"]:
        sub = m["artsub1"] or m["artsub2"]
        article = canonical_article_number(f"第{m['art']}條" + (f"之{sub}" if sub else ""))
        if article is None:
            return None
    numbers = []
    for group in ("par", "item", "sub"):
        if m[group]:
            value = parse_int(m[group])
            if value is None or value <= 0:
                return None
            numbers.append(value)
        else:
            numbers.append(None)
    each = _LEVELS[m["each"]] if m["each"] else None
    if relative is None and division is None and article is None and each is None and not any(n is not None for n in numbers):
        return None
    return ProvisionRef(relative, level, count if relative else 1, division, article, *numbers, each=each)
