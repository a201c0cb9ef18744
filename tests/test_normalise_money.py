"""Amounts of money with their currency."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tiaoli.extract.normalise.money import Money, parse_money
from tiaoli.extract.normalise.numerals import to_chinese_numeral


@pytest.mark.parametrize(
    ("text", "default", "amount", "currency"),
    [
        ("新臺幣六十萬元", None, 600_000, "TWD"),
        ("新臺幣三萬元", None, 30_000, "TWD"),
        ("新台幣 3,000 元", None, 3_000, "TWD"),
        ("新臺幣壹萬元整", None, 10_000, "TWD"),
        ("5.5 億元", "HKD", 550_000_000, "HKD"),
        ("4.7 百萬元", "HKD", 4_700_000, "HKD"),
        ("HK$550,000,000", None, 550_000_000, "HKD"),
        ("HK$176.4M", None, 176_400_000, "HKD"),
        ("港幣 10 萬元", None, 100_000, "HKD"),
        ("500萬港元", None, 5_000_000, "HKD"),
        ("人民幣100元", None, 100, "CNY"),
        ("US$ 5 million", None, 5_000_000, "USD"),
        ("$120", "HKD", 120, "HKD"),
        ("15", "HKD", 15, "HKD"),
    ],
)
def test_reads_amounts(text, default, amount, currency):
    assert parse_money(text, default) == Money(Decimal(amount), currency)


def test_an_amount_without_currency_or_default_has_no_currency():
    assert parse_money("十五萬元") == Money(Decimal(150_000), None)


def test_a_printed_currency_beats_the_default():
    assert parse_money("新臺幣三萬元", "HKD").currency == "TWD"


@pytest.mark.parametrize("text", ["", "元", "abc元", "15", "新臺幣", "HK$", "三萬人"])
def test_not_money(text):
    assert parse_money(text) is None


@given(st.integers(min_value=1, max_value=10**12))
def test_chinese_amounts_round_trip(n):
    assert parse_money(f"新臺幣{to_chinese_numeral(n)}元") == Money(Decimal(n), "TWD")


@given(st.integers(min_value=0, max_value=10**12), st.sampled_from(["HK$", "港幣", "港元"]))
def test_arabic_amounts_round_trip(n, name):
    assert parse_money(f"{name}{n:,}") == Money(Decimal(n), "HKD")


@given(st.text(), st.sampled_from([None, "HKD"]))
def test_never_crashes(text, default):
    parse_money(text, default)
