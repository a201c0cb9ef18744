"""The reviewed word lists load as package data and hold together."""

import pytest

from tiaoli.extract import lexicon

SLUG = set("abcdefghijklmnopqrstuvwxyz0123456789-")


def test_currencies_map_to_iso_codes():
    names = lexicon.currency_names()
    assert names["新臺幣"] == names["新台幣"] == "TWD"
    assert names["港幣"] == names["HK$"] == "HKD"
    assert names["人民幣"] == "CNY"
    assert all(len(code) == 3 and code.isupper() for code in names.values())


def test_time_and_count_units_have_english_ids():
    assert lexicon.time_units()["月"] == "month"
    assert lexicon.count_units()["人次"] == "person-time"
    for table in (lexicon.time_units(), lexicon.count_units(), lexicon.roles()):
        assert all(set(v) <= SLUG for v in table.values())


def test_deontic_markers_and_non_markers():
    markers = lexicon.deontic_markers()
    assert markers["應"] == "obligation" and markers["不得"] == "prohibition" and markers["得"] == "permission"
    assert set(markers.values()) <= {"obligation", "prohibition", "permission", "exemption"}
    assert {"取得", "所得", "獲得", "應收帳款", "應付", "對應"} <= lexicon.deontic_non_markers()


def test_every_non_marker_contains_a_marker_and_is_not_one():
    markers = lexicon.deontic_markers()
    for word in lexicon.deontic_non_markers():
        assert word not in markers
        assert any(m in word for m in markers), word


def test_roles_named_in_the_statute_issue():
    roles = lexicon.roles()
    for name in ("商業負責人", "主辦會計人員", "經辦會計人員", "代表商業之負責人", "經理人", "會計師", "主管機關", "商業"):
        assert name in roles
    assert roles["主管機關"] != roles["中央主管機關"]


def test_false_units_start_with_a_unit():
    units = set(lexicon.time_units()) | set(lexicon.count_units())
    for word in lexicon.false_units():
        assert any(word.startswith(u) for u in units), word


def test_loaded_tables_are_read_only():
    with pytest.raises(TypeError):
        lexicon.roles()["x"] = "y"  # type: ignore[index]


def test_a_missing_lexicon_is_a_clear_error():
    with pytest.raises(lexicon.LexiconError, match="nosuch.toml"):
        lexicon.load("nosuch")
