"""Article numbers in every printed form, and provision references."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tiaoli.extract.normalise.articles import (
    STYLES,
    ProvisionRef,
    article_sort_key,
    canonical_article_number,
    canonical_number,
    parse_provision_ref,
    render_article_number,
)


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("第 15-1 條", "15-1"), ("第十五條之一", "15-1"), ("第十五條 之一", "15-1"), ("第15條之1", "15-1"),
        ("15-1", "15-1"), ("第一百零五條", "105"), ("第一百十條", "110"), ("第 １５ 條", "15"), ("15", "15"),
        ("第二十八條 之一", "28-1"),
    ],
)
def test_canonical_article_numbers(text, canonical):
    assert canonical_article_number(text) == canonical


@pytest.mark.parametrize("text", ["", "第〇條", "十五之一", "abc", "第條", "第 15-1 條之2", "第十五章"])
def test_not_article_numbers(text):
    assert canonical_article_number(text) is None


def test_other_divisions_number_the_same_way():
    assert canonical_number("第四章之一", "章") == "4-1"
    assert canonical_number("第 一 章", "章") == "1"


@pytest.mark.parametrize(
    ("canonical", "moj", "ly"),
    [("15", "第 15 條", "第十五條"), ("15-1", "第 15-1 條", "第十五條之一"), ("110", "第 110 條", "第一百十條")],
)
def test_renders(canonical, moj, ly):
    assert render_article_number(canonical, "moj") == moj
    assert render_article_number(canonical, "ly") == ly


def test_render_rejects_non_canonical_numbers():
    with pytest.raises(ValueError):
        render_article_number("第十五條")


canonicals = st.builds(
    lambda n, sub: f"{n}-{sub}" if sub else str(n),
    st.integers(min_value=1, max_value=9999),
    st.one_of(st.none(), st.integers(min_value=1, max_value=99)),
)


@given(canonicals, st.sampled_from(STYLES))
def test_rendering_round_trips(canonical, style):
    assert canonical_article_number(render_article_number(canonical, style)) == canonical


@given(canonicals, canonicals)
def test_sort_key_orders_like_numbers(a, b):
    def parts(c):
        n, _, s = c.partition("-")
        return int(n), int(s or 0)

    assert (article_sort_key(a) < article_sort_key(b)) == (parts(a) < parts(b))


@pytest.mark.parametrize(
    ("text", "ref"),
    [
        ("第十五條之一第二項", ProvisionRef(article="15-1", paragraph=2)),
        ("第 15-1 條第 2 項第 3 款", ProvisionRef(article="15-1", paragraph=2, item=3)),
        ("前條", ProvisionRef("previous", "article")),
        ("前二條", ProvisionRef("previous", "article", 2)),
        ("前項第一款", ProvisionRef("previous", "paragraph", item=1)),
        ("前各項", ProvisionRef("previous", "paragraph", None)),
        ("本法", ProvisionRef("this", "act")),
        ("本條例", ProvisionRef("this", "act")),
        ("各款", ProvisionRef(each="item")),
        ("第七十二條各款", ProvisionRef(article="72", each="item")),
        ("前項各款", ProvisionRef("previous", "paragraph", item=None, each="item")),
        ("第一項", ProvisionRef(paragraph=1)),
        ("第四章之一", ProvisionRef(division=("章", "4-1"))),
        ("本法第十條", ProvisionRef("this", "act", article="10")),
        ("同條第二項", ProvisionRef("same", "article", paragraph=2)),
    ],
)
def test_provision_references(text, ref):
    assert parse_provision_ref(text) == ref


@pytest.mark.parametrize("text", ["", "前", "本", "第", "各法", "本二條", "次條", "abc"])
def test_not_provision_references(text):
    assert parse_provision_ref(text) is None


@given(st.text())
def test_never_crash(text):
    canonical_article_number(text)
    parse_provision_ref(text)
