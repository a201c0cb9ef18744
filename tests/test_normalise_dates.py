"""ROC, Chinese-numeral and Gregorian dates; school years; periods."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tiaoli.extract.normalise.dates import (
    PartialDate,
    parse_date,
    parse_period,
    parse_roc_date,
    parse_school_year,
)
from tiaoli.extract.normalise.numerals import to_chinese_numeral

CHINESE_DIGITS = "零一二三四五六七八九"


@pytest.mark.parametrize(
    "text", ["民國 98 年 06 月 03 日", "中華民國98年6月3日", "98.6.3", "民國九十八年六月三日", "98年6月3日"]
)
def test_roc_dates(text):
    assert parse_roc_date(text) == datetime.date(2009, 6, 3)


def test_gregorian_dates_are_not_roc_dates():
    assert parse_roc_date("2009-06-03") is None
    assert parse_date("2009-06-03") == PartialDate(2009, 6, 3)


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("二零零八年七月", "2008-07"),
        ("二零零四年九月九日", "2004-09-09"),
        ("二〇〇四年九月十六日", "2004-09-16"),
        ("2024年11月", "2024-11"),
        ("2004", "2004"),
        ("2024年度", "2024"),
        ("2008-07", "2008-07"),
        ("2024/11", "2024-11"),
        ("9.2004", "2004-09"),
        ("July 2008", "2008-07"),
        ("9 September 2004", "2004-09-09"),
        ("2008年6月底", "2008-06"),
    ],
)
def test_partial_dates(text, iso):
    assert parse_date(text).iso() == iso


@pytest.mark.parametrize("text", ["", "九月", "2006/07", "13.2004", "2009年2月30日", "abc", "年月日"])
def test_not_dates(text):
    assert parse_date(text) is None


def test_partial_date_precision():
    assert PartialDate(2008).precision == "year"
    assert PartialDate(2008, 7).precision == "month"
    assert PartialDate(2008, 7, 1).to_date() == datetime.date(2008, 7, 1)
    assert PartialDate(2008, 7).to_date() is None
    with pytest.raises(ValueError):
        PartialDate(2008, None, 3)


@pytest.mark.parametrize(
    ("text", "years"),
    [("2006/07", (2006, 2007)), ("2006/2007", (2006, 2007)), ("1999/00", (1999, 2000)), ("2007/08學年", (2007, 2008))],
)
def test_school_years(text, years):
    assert parse_school_year(text) == years


def test_school_year_must_be_consecutive():
    assert parse_school_year("2006/08") is None


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("9.2004 至 6.2008", "2004-09", "2008-06"),
        ("2022年11月~2024年11月", "2022-11", "2024-11"),
        ("2004-2008", "2004", "2008"),
        ("2006/07 至 2007/08", "2006", "2008"),
        ("2022年11月至12月", "2022-11", "2022-12"),
        ("自2004年9月起至2008年6月止", "2004-09", "2008-06"),
        ("2004-09-09 至 2008-06-30", "2004-09-09", "2008-06-30"),
        ("2022–2023", "2022", "2023"),
    ],
)
def test_periods(text, start, end):
    a, b = parse_period(text)
    assert (a.iso(), b.iso()) == (start, end)


dates = st.dates(min_value=datetime.date(1912, 1, 1), max_value=datetime.date(2999, 12, 31))
# ROC years are printed with at most three digits.
roc_dates = st.dates(min_value=datetime.date(1912, 1, 1), max_value=datetime.date(2910, 12, 31))


@given(roc_dates)
def test_roc_rendering_round_trips(d):
    roc = d.year - 1911
    assert parse_roc_date(f"民國 {roc} 年 {d.month:02d} 月 {d.day:02d} 日") == d
    assert parse_roc_date(f"中華民國{to_chinese_numeral(roc)}年{to_chinese_numeral(d.month)}月{to_chinese_numeral(d.day)}日") == d
    assert parse_roc_date(f"{roc}.{d.month}.{d.day}") == d


@given(dates)
def test_chinese_numeral_dates_round_trip(d):
    year = "".join(CHINESE_DIGITS[int(c)] for c in str(d.year))
    text = f"{year}年{to_chinese_numeral(d.month)}月{to_chinese_numeral(d.day)}日"
    assert parse_date(text) == PartialDate(d.year, d.month, d.day)


@given(dates, st.sampled_from(["year", "month", "day"]))
def test_iso_round_trips(d, precision):
    p = PartialDate(d.year, None if precision == "year" else d.month, d.day if precision == "day" else None)
    assert parse_date(p.iso()) == p


@given(dates, dates)
def test_periods_round_trip(a, b):
    text = f"{a.year}年{a.month}月至{b.year}年{b.month}月"
    assert parse_period(text) == (PartialDate(a.year, a.month), PartialDate(b.year, b.month))


@given(st.integers(min_value=1000, max_value=9998))
def test_school_years_round_trip(year):
    assert parse_school_year(f"{year}/{(year + 1) % 100:02d}") == (year, year + 1)


@given(st.text())
def test_never_crash(text):
    parse_date(text)
    parse_roc_date(text)
    parse_school_year(text)
    parse_period(text)


@given(st.text(alphabet="民國中華年月日至~-/.0123456789一二三四五六七八九十零〇 "))
def test_never_crash_on_date_soup(text):
    parse_date(text)
    parse_roc_date(text)
    parse_period(text)
