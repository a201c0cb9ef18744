"""Variant folding for matching, and Simplified-only characters as source defects."""

import opencc
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tiaoli.extract.normalise.variants import is_simplified_only, search_key, simplified_only_chars


@pytest.mark.parametrize(
    ("a", "b"),
    [("会计凭证", "會計憑證"), ("綫", "線"), ("着", "著"), ("賬簿", "帳簿"), ("裏", "裡"), ("爲", "為"), ("臺灣", "台灣"),
     ("商業 會計", "商業會計"), ("ＡＢＣ", "abc")],
)
def test_variants_share_a_key(a, b):
    assert search_key(a) == search_key(b)


def test_different_words_keep_different_keys():
    assert search_key("主辦會計人員") != search_key("經辦會計人員")


def test_flags_the_simplified_phrase_in_a_traditional_text():
    assert simplified_only_chars("以其最先进入部分之成本") == [(4, "进")]


@pytest.mark.parametrize("ch", list("台里面于干才折著着臺"))
def test_characters_shared_by_both_scripts_are_not_defects(ch):
    assert not is_simplified_only(ch)


def test_the_seed_statute_has_exactly_one_simplified_character(shared_dir):
    text = (shared_dir / "seeds" / "003_c9028c36c3eddfe8.txt").read_text(encoding="utf-8")
    found = simplified_only_chars(text)
    assert [(text[i - 4:i + 2], ch) for i, ch in found] == [("以其最先进入", "进")]


@pytest.mark.parametrize("name", ["000_6452d29547480776.txt", "004_678adf5cfdf36133.txt"])
def test_the_other_seeds_have_none(shared_dir, name):
    assert simplified_only_chars((shared_dir / "seeds" / name).read_text(encoding="utf-8")) == []


cjk = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), max_size=30)


@given(cjk)
def test_simplified_and_traditional_spellings_share_a_key(text):
    simplified = opencc.OpenCC("t2s").convert(text)
    assert search_key(simplified) == search_key(text)


@given(cjk)
def test_every_flagged_character_is_changed_by_s2t(text):
    s2t = opencc.OpenCC("s2t")
    for offset, ch in simplified_only_chars(text):
        assert text[offset] == ch and s2t.convert(ch) != ch


def test_lone_surrogates_get_a_key():
    assert search_key("會計\udc8f") == search_key("会计\ufffd")


@given(st.text(alphabet=st.characters(codec=None)))
def test_never_crash(text):
    assert isinstance(search_key(text), str)
    simplified_only_chars(text)
