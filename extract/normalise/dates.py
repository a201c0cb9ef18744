"""Dates as printed in Taiwan and Hong Kong documents.

- ROC (Minguo) dates: `民國 98 年 06 月 03 日`, `中華民國九十八年六月三日`, `98.6.3`.
  A year below 1000 with no era is read as an ROC year (year + 1911), which is
  how Taiwanese documents write `98年6月3日`.
- Chinese-numeral dates: `二零零八年七月`, `二〇〇四年九月九日`.
- Gregorian: `2024年11月`, `2024-11-03`, `2024/11/03`, `9.2004` (month.year), `July 2008`.
- School years `2006/07` and periods `9.2004 至 6.2008`, `2022年11月~2024年11月`, `2004-2008`.

Results are :class:`PartialDate`: a date known to the year, the month or the day.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass

from .numerals import parse_int
from .text import fold_width

ROC_OFFSET = 1911


@dataclass(frozen=True, slots=True, order=True)
class PartialDate:
    """A date known to the year, the month, or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if not 1 <= self.year <= 9999:
            raise ValueError(f"year {self.year} out of range")
        if self.month is None:
            if self.day is not None:
                raise ValueError("a day without a month")
            return
        if not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month} out of range")
        if self.day is not None and not 1 <= self.day <= calendar.monthrange(self.year, self.month)[1]:
            raise ValueError(f"day {self.day} out of range for {self.year}-{self.month:02d}")

    @property
    def precision(self) -> str:
        """'year', 'month' or 'day' — which XSD type (gYear, gYearMonth, date) fits."""
        return "year" if self.month is None else "month" if self.day is None else "day"

    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def to_date(self) -> datetime.date | None:
        """The calendar date, if known to the day."""
        if self.month is None or self.day is None:
            return None
        return datetime.date(self.year, self.month, self.day)

    def __str__(self) -> str:
        return self.iso()


_CJK_DATE = re.compile(
    r"(?P<era>(?:中華)?民國|公元|西元)?(?P<y>[^年]{1,8})年"
    r"(?:(?P<m>[^月年]{1,3})月(?:份)?(?:(?P<d>[^日號月年]{1,4})[日號])?)?(?P<rest>度|底|初)?"
)
_NUMERIC = re.compile(r"(?P<a>\d{1,4})(?P<sep>[-/.])(?P<b>\d{1,4})(?:(?P=sep)(?P<c>\d{1,2}))?")
_ENGLISH_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_ENGLISH_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_ENGLISH = re.compile(r"(?:(?P<d1>\d{1,2})\s*)?(?P<mon>[A-Za-z]{3,9})\.?\s*(?:(?P<d2>\d{1,2}),?\s*)?(?P<y>\d{4})")


def _clean(text: str) -> str:
    return "".join(fold_width(text).split())


def _make(year: int | None, month: int | None = None, day: int | None = None) -> PartialDate | None:
    if year is None:
        return None
    try:
        return PartialDate(year, month, day)
    except ValueError:
        return None


def _year(value: int | None, era: str | None) -> int | None:
    if value is None or value <= 0:
        return None
    if era and "民國" in era:
        return value + ROC_OFFSET
    if value < 1000 and not era:
        return value + ROC_OFFSET
    return value


def _cjk_date(s: str) -> tuple[PartialDate | None, bool]:
    """(date, is_roc) for a `…年…月…日` date, or (None, False)."""
    m = _CJK_DATE.fullmatch(s)
    if not m:
        return None, False
    raw_year = parse_int(m["y"])
    year = _year(raw_year, m["era"])
    is_roc = year is not None and raw_year is not None and year != raw_year
    month = parse_int(m["m"]) if m["m"] else None
    day = parse_int(m["d"]) if m["d"] else None
    if (m["m"] and month is None) or (m["d"] and day is None):
        return None, False
    if m["rest"] == "度" and month is not None:
        return None, False
    return _make(year, month, day), is_roc


def _numeric_date(s: str) -> tuple[PartialDate | None, bool]:
    m = _NUMERIC.fullmatch(s)
    if not m:
        return None, False
    a, b, c = m["a"], m["b"], m["c"]
    if c is not None:
        if len(a) == 4:  # 2024-11-03
            return _make(int(a), int(b), int(c)), False
        if len(a) <= 3 and len(b) <= 2:  # 98.6.3
            return _make(int(a) + ROC_OFFSET, int(b), int(c)), True
        return None, False
    if len(a) == 4 and len(b) <= 2:  # 2024-11, 2024.11, 2024/11
        if m["sep"] == "/" and len(b) == 2 and int(b) == (int(a) + 1) % 100:
            return None, False  # 2006/07 is a school year: parse_school_year
        return _make(int(a), int(b)), False
    if len(b) == 4 and len(a) <= 2:  # 9.2004, 09/2004
        return _make(int(b), int(a)), False
    return None, False


def _english_date(s: str) -> PartialDate | None:
    m = _ENGLISH.fullmatch(s)
    if not m:
        return None
    month = _ENGLISH_MONTHS.get(m["mon"].lower())
    if month is None or (m["d1"] and m["d2"]):
        return None
    day = m["d1"] or m["d2"]
    return _make(int(m["y"]), month, int(day) if day else None)


def _parse(text: str) -> tuple[PartialDate | None, bool]:
    if not isinstance(text, str):
        return None, False
    s = _clean(text)
    if not s:
        return None, False
    if re.fullmatch(r"\d{4}", s):
        return _make(int(s)), False
    if "年" in s:
        return _cjk_date(s)
    if s[0].isdigit() and s[-1].isdigit():
        found = _numeric_date(s)
        if found[0] is not None:
            return found
    return _english_date(" ".join(fold_width(text).split())), False


def parse_date(text: str) -> PartialDate | None:
    """A date to the precision printed: `二零零八年七月` → 2008-07, `民國98年6月3日` → 2009-06-03.

    `2006/07` (a slash and the next year's last two digits) is a school year,
    not July 2006, and gives None: use :func:`parse_school_year`.
    """
    return _parse(text)[0]


def parse_roc_date(text: str) -> datetime.date | None:
    """A full ROC-era date (`民國 98 年 06 月 03 日`, `98.6.3`) as a calendar date.

    None for Gregorian dates and for dates not known to the day.
    """
    date, is_roc = _parse(text)
    if date is None or not is_roc:
        return None
    return date.to_date()


_SCHOOL_YEAR = re.compile(r"(?P<a>\d{4})[/\-~](?P<b>\d{2}|\d{4})(?:學年度?|年度)?")


def parse_school_year(text: str) -> tuple[int, int] | None:
    """`2006/07` → (2006, 2007); also `2006/2007`, `2006-07`, `2006/07學年`."""
    if not isinstance(text, str):
        return None
    m = _SCHOOL_YEAR.fullmatch(_clean(text))
    if not m:
        return None
    start = int(m["a"])
    end_text = m["b"]
    end = int(end_text) if len(end_text) == 4 else (start // 100) * 100 + int(end_text)
    if len(end_text) == 2 and end < start:
        end += 100  # 1999/00
    if end != start + 1:
        return None
    return start, end


# Separators between the two ends of a period; '-' and '/' are tried last
# because they also occur inside a single date.
_PERIOD_SEPARATORS = ("至", "到", "~", "—", "–", "－", "-")
_PERIOD_PREFIX = ("自", "從", "由", "於")
_PERIOD_SUFFIX = ("為止", "止", "期間")


def _period_end(text: str) -> PartialDate | tuple[int, int] | None:
    school = parse_school_year(text)
    if school is not None:
        return school
    return parse_date(text)


def parse_period(text: str) -> tuple[PartialDate, PartialDate] | None:
    """The two ends of a period: `9.2004 至 6.2008` → (2004-09, 2008-06).

    School years give the calendar years they start and end in
    (`2006/07 至 2007/08` → (2006, 2008)).  A right end printed without its
    year takes the left end's year (`2022年11月至12月`).
    """
    if not isinstance(text, str):
        return None
    s = _clean(text)
    for prefix in _PERIOD_PREFIX:
        if s.startswith(prefix):
            s = s[len(prefix):]
            break
    for suffix in _PERIOD_SUFFIX:
        if s.endswith(suffix):
            s = s[: -len(suffix)]
            break
    for sep in _PERIOD_SEPARATORS:
        start = s.find(sep)
        while start != -1:
            left, right = s[:start], s[start + len(sep):]
            if left.endswith("起"):
                left = left[:-1]
            result = _period_pair(left, right)
            if result is not None:
                return result
            start = s.find(sep, start + 1)
    whole = parse_school_year(s)
    if whole is not None:
        return PartialDate(whole[0]), PartialDate(whole[1])
    return None


def _period_pair(left: str, right: str) -> tuple[PartialDate, PartialDate] | None:
    a = _period_end(left)
    if a is None:
        return None
    b = _period_end(right)
    if b is None and isinstance(a, PartialDate):
        m = re.fullmatch(r"(\S{1,3})月(?:(\S{1,4})[日號])?", right)
        if m:
            b = _make(a.year, parse_int(m[1]), parse_int(m[2]) if m[2] else None)
    if b is None:
        return None
    start = PartialDate(a[0]) if isinstance(a, tuple) else a
    end = PartialDate(b[1]) if isinstance(b, tuple) else b
    return start, end
