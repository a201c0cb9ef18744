"""Chinese and Arabic numerals read as numbers, and integers written back."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tiaoli.extract.normalise.numerals import parse_int, parse_number, to_chinese_numeral

MAX = 10**16 - 1


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("〇", 0), ("零", 0), ("兩", 2), ("廿", 20), ("廿三", 23), ("卅", 30),
        ("十", 10), ("十五", 15), ("二十", 20), ("二十三", 23), ("一百零五", 105), ("一百十", 110),
        ("三千五百萬", 35_000_000), ("一億二千萬", 120_000_000), ("一萬零五", 10_005),
        ("壹仟貳佰", 1200), ("參拾", 30), ("伍佰", 500),
        ("二零零八", 2008), ("二〇〇四", 2004), ("一九九七", 1997),
        ("5.5 億", 550_000_000), ("4.7 百萬", 4_700_000), ("1萬2千", 12_000), ("2,500萬", 25_000_000),
        ("28,674.50", Decimal("28674.50")), ("１２", 12), ("１２.５", Decimal("12.5")),
        ("三點五", Decimal("3.5")), ("五點五億", 550_000_000),
        ("三萬五", 35_000), ("一百二", 120),
    ],
)
def test_reads_numerals(text, value):
    assert parse_number(text) == Decimal(value)


@pytest.mark.parametrize("text", ["", " ", "abc", "十十", "十五十", "1,2", "萬", "五萬萬", "一點", "3.4.5", "第一", "三元"])
def test_rejects_what_is_not_one_numeral(text):
    assert parse_number(text) is None


def test_integral_results_carry_no_decimal_places():
    assert str(parse_number("5.5 億")) == "550000000"


def test_parse_int_refuses_fractions():
    assert parse_int("28,674.50") is None
    assert parse_int("二十三") == 23


@pytest.mark.parametrize(
    ("n", "text"),
    [(0, "零"), (10, "十"), (15, "十五"), (20, "二十"), (105, "一百零五"), (110, "一百一十"),
     (1010, "一千零一十"), (10_005, "一萬零五"), (100_000, "十萬"), (100_010_000, "一億零一萬")],
)
def test_writes_chinese_numerals(n, text):
    assert to_chinese_numeral(n) == text


def test_statute_style_drops_the_one_before_a_ten_after_a_hundred():
    assert to_chinese_numeral(110, statute_style=True) == "一百十"
    assert to_chinese_numeral(115, statute_style=True) == "一百十五"
    assert to_chinese_numeral(15, statute_style=True) == "十五"


@given(st.integers(min_value=0, max_value=MAX), st.booleans())
def test_chinese_numerals_round_trip(n, statute_style):
    assert parse_int(to_chinese_numeral(n, statute_style=statute_style)) == n


@given(st.integers(min_value=0, max_value=MAX))
def test_arabic_forms_round_trip(n):
    assert parse_int(str(n)) == n
    assert parse_int(f"{n:,}") == n
    full_width = str(n).translate({ord(d): chr(ord(d) + 0xFEE0) for d in "0123456789"})
    assert parse_int(full_width) == n


@given(st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False))
def test_decimals_round_trip(d):
    assert parse_number(f"{d:,}") == d


@given(st.integers(min_value=1, max_value=9999), st.sampled_from([("萬", 10**4), ("億", 10**8), ("百萬", 10**6)]))
def test_arabic_amount_with_chinese_scale(n, scale):
    word, factor = scale
    assert parse_int(f"{n} {word}") == n * factor


@given(st.text())
def test_never_crashes_on_any_text(text):
    value = parse_number(text)
    assert value is None or isinstance(value, Decimal)


@given(st.text(alphabet="〇零一二三四五六七八九十百千萬億兩廿1234567890,.點 "))
def test_never_crashes_on_numeral_soup(text):
    value = parse_number(text)
    assert value is None or isinstance(value, Decimal)
