"""Article numbers in every printed form, to one canonical string.

`第 15-1 條` (MOJ print), `第十五條之一` and `第十五條 之一` (Legislative Yuan /
gazette), `第15條之1`, `15-1` and `第一百零五條` all read as `15-1` or `105`.
The same reading works for other numbered divisions (`第四章之一` → `4-1` with
unit 章), so the statute parser numbers 編/章/節/款/目 the same way.
"""

from __future__ import annotations

import re
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
