"""Time limits: value in the printed unit, and a qualifier."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tiaoli.extract.normalise.durations import Duration, duration_at, parse_duration
from tiaoli.extract.normalise.numerals import to_chinese_numeral


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [
        ("五日內", 5, "day", "within"),
        ("二個月", 2, "month", None),
        ("一個半月", "1.5", "month", None),
        ("延長一個半月", "1.5", "month", "extension"),
        ("至少保存十年", 10, "year", "at-least"),
        ("三年內", 3, "year", "within"),
        ("六個月內", 6, "month", "within"),
        ("半年", "0.5", "year", None),
        ("一年半", "1.5", "year", None),
        ("十五日", 15, "day", None),
        ("二十四小時內", 24, "hour", "within"),
        ("3 個月", 3, "month", None),
        ("兩週", 2, "week", None),
    ],
)
def test_reads_durations(text, value, unit, qualifier):
    assert parse_duration(text) == Duration(Decimal(value), unit, qualifier)


@pytest.mark.parametrize("text", ["", "三月", "本法自公布日施行", "會計年度", "半"])
def test_not_durations(text):
    assert parse_duration(text) is None


def test_duration_at_reads_the_qualifier_before_the_span():
    text = "各項會計憑證，應至少保存五年。"
    start = text.index("五年")
    assert duration_at(text, start, start + 2) == Duration(Decimal(5), "year", "at-least")


@given(st.integers(min_value=1, max_value=10**6), st.sampled_from([("日", "day"), ("個月", "month"), ("年", "year")]))
def test_rendered_durations_round_trip(n, unit):
    printed, unit_id = unit
    assert parse_duration(f"{to_chinese_numeral(n)}{printed}內") == Duration(Decimal(n), unit_id, "within")
    assert parse_duration(f"{n}{printed}") == Duration(Decimal(n), unit_id, None)


@given(st.text())
def test_never_crashes(text):
    parse_duration(text)
