"""Counts with units and qualifiers."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tiaoli.extract.normalise.quantities import Quantity, parse_quantity, quantity_at


@pytest.mark.parametrize(
    ("text", "value", "unit", "unit_text", "qualifier"),
    [
        ("42,599 人次", 42599, "person-time", "人次", None),
        ("28,674.50 小時", "28674.50", "hour", "小時", None),
        ("262次", 262, "occurrence", "次", None),
        ("10家", 10, "company", "家", None),
        ("約 120 所", 120, "institution", "所", "approximate"),
        ("300 名之多", 300, "person", "名", "as-many-as"),
        ("百餘所", 100, "institution", "所", "more-than"),
        ("32.07%", "32.07", "percent", "%", None),
        ("百分之五十", 50, "percent", "%", None),
        ("二人以上", 2, "person", "人", "at-least"),
    ],
)
def test_reads_quantities(text, value, unit, unit_text, qualifier):
    assert parse_quantity(text) == Quantity(Decimal(value), unit, unit_text, qualifier)


def test_quantity_at_reads_qualifiers_around_the_span():
    text = "共約 120 所學校參與"
    start = text.index("120")
    q = quantity_at(text, start, start + len("120 所"))
    assert q.approximate and q.value == 120


@pytest.mark.parametrize("text", ["", "約", "人次", "abc"])
def test_not_quantities(text):
    assert parse_quantity(text) is None


@given(st.integers(min_value=0, max_value=10**9), st.sampled_from(["人次", "名", "位", "所", "家", "%"]))
def test_counts_round_trip(n, unit):
    q = parse_quantity(f"{n:,} {unit}")
    assert q.value == n and q.unit_text == unit


@given(st.text())
def test_never_crashes(text):
    parse_quantity(text)
