"""Chinese and Arabic numerals to numbers, and integers back to Chinese numerals.

Handles the forms met in laws, reports and government papers:
positional digit strings (`二零零八`, `一九九七`), unit forms (`三千五百萬`, `一百零五`,
`十五`, `廿三`), financial characters (`壹仟貳佰`), Arabic numbers with thousands
separators and decimals (`28,674.50`), full-width digits (`１２`), and mixed forms
(`5.5 億`, `4.7 百萬`, `1萬2千`).  Colloquial abbreviations (`三萬五` = 35000,
`一百二` = 120) follow the usual reading.  Anything that is not a whole numeral
gives ``None``: callers pass the span they found, not a sentence.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from .text import fold_width

DIGITS: dict[str, int] = {
    "〇": 0, "零": 0, "○": 0, "洞": 0,
    "一": 1, "壹": 1, "弌": 1,
    "二": 2, "貳": 2, "贰": 2, "兩": 2, "两": 2, "弍": 2,
    "三": 3, "參": 3, "叁": 3, "参": 3, "叄": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陸": 6, "陆": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}
SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "什": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS: dict[str, int] = {"萬": 10**4, "万": 10**4, "億": 10**8, "亿": 10**8, "兆": 10**12}
# 廿 卅 卌 are whole tens: 廿三 = 23.
TENS: dict[str, int] = {"廿": 20, "念": 20, "卅": 30, "卌": 40}
DECIMAL_POINTS = "點点"
NEGATIVE = "-負负"

# Every character that can be part of a numeral (used by the pipeline's patterns too).
NUMERAL_CHARS = frozenset(DIGITS) | frozenset(SMALL_UNITS) | frozenset(BIG_UNITS) | frozenset(TENS)
CHINESE_DIGIT_CHARS = frozenset(DIGITS) - {"洞", "弌", "弍"}

_ARABIC = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+")
_ZERO_CHARS = frozenset(c for c, v in DIGITS.items() if v == 0)


def _tokens(text: str) -> list[tuple[str, object, str]] | None:
    """Split a numeral into (kind, value, source) tokens; None if any char is foreign."""
    out: list[tuple[str, object, str]] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch.isascii() and (ch.isdigit() or ch == "."):
            m = _ARABIC.match(text, i)
            if not m or (m.end() < len(text) and text[m.end()] in ",."):
                return None
            out.append(("num", Decimal(m.group().replace(",", "")), "arabic"))
            i = m.end()
            continue
        if ch in DIGITS:
            out.append(("num", Decimal(DIGITS[ch]), "zero" if ch in _ZERO_CHARS else "digit"))
        elif ch in SMALL_UNITS:
            out.append(("small", SMALL_UNITS[ch], ch))
        elif ch in BIG_UNITS:
            out.append(("big", BIG_UNITS[ch], ch))
        elif ch in TENS:
            out.append(("tens", TENS[ch], ch))
        else:
            return None
        i += 1
    return out


def _positional(tokens: list[tuple[str, object, str]]) -> Decimal | None:
    if not all(kind == "num" and src != "arabic" for kind, _, src in tokens):
        return None
    return Decimal("".join(str(int(v)) for _, v, _ in tokens))  # type: ignore[call-overload]


def _evaluate(tokens: list[tuple[str, object, str]]) -> Decimal | None:
    if len(tokens) == 1 and tokens[0][0] == "num":
        return tokens[0][1]  # type: ignore[return-value]
    positional = _positional(tokens)
    if positional is not None:
        return positional

    total = Decimal(0)
    section = Decimal(0)
    current: Decimal | None = None
    after_zero = False
    last_small: int | None = None
    last_big: int | None = None
    seen_any = False
    for kind, value, src in tokens:
        if kind == "num":
            if current is not None:
                if current == 0 and after_zero and src != "arabic":
                    current = value  # type: ignore[assignment]
                    continue
                return None
            current = value  # type: ignore[assignment]
            after_zero = src == "zero"
            seen_any = True
        elif kind == "tens":
            if current is not None and not (current == 0 and after_zero):
                return None
            if last_small is not None and last_small <= 10:
                return None
            section += value  # type: ignore[operator]
            current, after_zero, last_small, seen_any = None, False, 10, True
        elif kind == "small":
            unit = int(value)  # type: ignore[call-overload]
            if last_small is not None and unit >= last_small:
                return None
            if current is not None and current == 0 and after_zero:
                return None
            section += (current if current is not None else 1) * unit
            current, after_zero, last_small, seen_any = None, False, unit, True
        else:  # big unit
            unit = int(value)  # type: ignore[call-overload]
            chunk = section + (current or 0)
            if chunk == 0 and total == 0:
                return None
            if last_big is not None and unit == last_big:
                return None
            if last_big is None or unit < last_big:
                total += chunk * unit
            else:  # 萬億: the larger unit scales everything so far
                total = (total + chunk) * unit
            section, current, after_zero, last_small, last_big = Decimal(0), None, False, None, unit
    if not seen_any and total == 0:
        return None
    if current is not None and not after_zero and current == current.to_integral_value() and 0 < current < 10:
        # 一百二 = 120, 三萬五 = 35000: a bare trailing digit counts in the next lower place.
        if last_small is not None and last_small >= 100:
            current *= last_small // 10
        elif last_small is None and last_big is not None and section == 0:
            current *= last_big // 10
    return total + section + (current or 0)


def parse_number(text: str) -> Decimal | None:
    """The value of a numeral, or None if ``text`` is not exactly one numeral.

    >>> parse_number("三千五百萬"), parse_number("5.5 億"), parse_number("２８,674.50")
    (Decimal('35000000'), Decimal('550000000'), Decimal('28674.50'))
    """
    if not isinstance(text, str):
        return None
    s = "".join(fold_width(text).split())
    if not s:
        return None
    negative = s[0] in NEGATIVE
    if negative:
        s = s[1:]
    if not s:
        return None
    fraction: Decimal | None = None
    for point in DECIMAL_POINTS:
        if point in s:
            s, _, frac_text = s.partition(point)
            frac_digits = frac_text.rstrip("".join(BIG_UNITS))
            units = frac_text[len(frac_digits):]
            if not frac_digits or any(c not in CHINESE_DIGIT_CHARS for c in frac_digits):
                return None
            fraction = Decimal("0." + "".join(str(DIGITS[c]) for c in frac_digits))
            break
    tokens = _tokens(s)
    if not tokens:
        return None
    if fraction is not None:
        # 三點五 or 五點五億: the fraction belongs to the digits before the point.
        base = _evaluate(tokens) if all(t[0] != "big" for t in tokens) else None
        if base is None or any(t[2] == "arabic" for t in tokens):
            return None
        value = base + fraction
        for unit in units:
            value *= BIG_UNITS[unit]
    else:
        try:
            value = _evaluate(tokens)
        except InvalidOperation:
            return None
    if value is None:
        return None
    if value == value.to_integral_value():
        value = Decimal(int(value))  # 5.5 億 is 550000000, not 550000000.0
    return -value if negative else value


def parse_int(text: str) -> int | None:
    """Like :func:`parse_number`, but only whole numbers."""
    value = parse_number(text)
    if value is None or value != value.to_integral_value():
        return None
    return int(value)


_PLACE = ("千", "百", "十", "")
_GROUP = ("", "萬", "億", "兆")


def _group_text(n: int, leading: bool, statute_style: bool) -> str:
    digits = (n // 1000, n // 100 % 10, n // 10 % 10, n % 10)
    out: list[str] = []
    pending_zero = False
    for digit, place in zip(digits, _PLACE):
        if digit == 0:
            pending_zero = pending_zero or bool(out)
            continue
        if pending_zero:
            out.append("零")
            pending_zero = False
        bare_ten = place == "十" and digit == 1 and (
            (leading and not out) or (statute_style and bool(out) and out[-1].endswith("百"))
        )
        out.append(place if bare_ten else "零一二三四五六七八九"[digit] + place)
    return "".join(out)


def to_chinese_numeral(n: int, *, statute_style: bool = False) -> str:
    """Write an integer in Chinese numerals: 15 → 十五, 105 → 一百零五, 20 → 二十.

    ``statute_style`` writes a ten straight after a hundred without 一, as Taiwan
    statutes number their articles (第一百十條); otherwise 110 → 一百一十.
    """
    if n < 0:
        return "負" + to_chinese_numeral(-n, statute_style=statute_style)
    if n == 0:
        return "零"
    if n >= 10**16:
        raise ValueError(f"{n} is too large for Chinese numerals up to 兆")
    groups = []
    rest = n
    while rest:
        groups.append(rest % 10000)
        rest //= 10000
    out: list[str] = []
    zero_gap = False
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            zero_gap = bool(out)
            continue
        if out and (zero_gap or group < 1000):
            out.append("零")
        out.append(_group_text(group, leading=not out, statute_style=statute_style) + _GROUP[index])
        zero_gap = False
    return "".join(out)
