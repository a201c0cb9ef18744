"""law-articles.rq and law-changes.rq on the seed and on two versions of its act, answers derived by hand."""

from __future__ import annotations

import json
from importlib.resources import files

import pytest

from tiaoli.graph.build import build
from tiaoli.graph.store import GraphStore


def query_rows(store: GraphStore, name: str) -> list[dict[str, str]]:
    sparql = files("tiaoli.graph.queries").joinpath(name).read_text(encoding="utf-8")
    result = store.query(sparql)
    variables = [v.value for v in result.raw.variables]
    return [{v: (row[v].value if row[v] is not None else None) for v in variables} for row in result.raw]


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory, corpus_dir):
    store = GraphStore.create(tmp_path_factory.mktemp("seed") / "store")
    report = build([corpus_dir / "003_c9028c36c3eddfe8.txt"], store)
    assert report.ok, report.failures
    return store


def test_law_articles_lists_every_seed_article_once(seed_store):
    rows = query_rows(seed_store, "law-articles.rq")
    assert len(rows) == 83
    assert {r["actTitle"] for r in rows} == {"商業會計法"}
    assert {r["version"] for r in rows} == {"2009-06-03"}
    assert [r["number"] for r in rows] == [str(n) for n in range(1, 84)]
    by_number = {r["number"]: r for r in rows}
    assert by_number["1"]["heading"] == "第一章 總則"
    assert by_number["14"]["heading"] == "第二章 會計憑證"
    assert by_number["20"]["heading"] == "第三章 會計帳簿"
    assert by_number["71"]["heading"] == "第九章 罰則"
    assert by_number["83"]["heading"] == "第十章 附則"
    # Article 8 is printed across a page break (a blank line after 其因); its text is one sentence.
    assert by_number["8"]["text"] == (
        "商業會計之記載，除記帳數字適用阿拉伯字外，應以我國文字為之；其因事實上之需要，"
        "而須加註或併用外國文字，或當地通用文字者，仍以我國文字為準。"
    )
    assert by_number["83"]["text"] == "本法自公布日施行。"


def test_seed_article_iris_follow_the_eli_scheme(seed_store):
    rows = query_rows(seed_store, "law-articles.rq")
    assert {r["act"] for r in rows} == {"https://w3id.org/tiaoli/id/eli/tw/law/商業會計法"}
    answer = seed_store.query(
        "ASK { <https://w3id.org/tiaoli/id/eli/tw/law/商業會計法/2009-06-03/art/3/para/2/item/1/subitem/2> "
        "eli:is_part_of <https://w3id.org/tiaoli/id/eli/tw/law/商業會計法/2009-06-03/art/3/para/2/item/1> }"
    )
    assert answer.raw


def test_a_provision_is_within_itself_and_each_provision_around_it(seed_store):
    article = "https://w3id.org/tiaoli/id/eli/tw/law/商業會計法/2009-06-03/art/3"
    within = lambda node: sorted(  # noqa: E731
        row["outer"].value for row in seed_store.query(f"SELECT ?outer WHERE {{ <{node}> tl:within ?outer }}").raw
    )
    subitem = article + "/para/2/item/1/subitem/2"
    assert within(subitem) == sorted([subitem, article + "/para/2/item/1", article + "/para/2", article])
    assert within(article + "/para/2") == [article, article + "/para/2"]
    assert within(article) == [article]
    # The same relation as eli:is_part_of* between provisions, for every provision of the act.
    stated = seed_store.query("SELECT ?p ?o WHERE { ?p tl:within ?o }").raw
    walked = seed_store.query("SELECT ?p ?o WHERE { ?p tl:article ?a ; eli:is_part_of* ?o . ?o tl:article ?a }").raw
    assert sorted((r["p"].value, r["o"].value) for r in stated) == sorted((r["p"].value, r["o"].value) for r in walked)


@pytest.fixture(scope="module")
def versions_store(tmp_path_factory, shared_dir):
    folder = tmp_path_factory.mktemp("versions")
    source = shared_dir / "evaldata" / "twlaw" / "business-accounting-act-versions.jsonl"
    chosen = [line for line in source.read_text(encoding="utf-8").splitlines() if json.loads(line)["date"] in {"2009-06-03", "2014-06-18"}]
    dump = folder / "business-accounting-act-versions.jsonl"
    dump.write_text("\n".join(chosen) + "\n", encoding="utf-8")
    store = GraphStore.create(folder / "store")
    report = build([dump], store)
    assert report.ok, report.failures
    assert len(report.documents) == 2
    return store


def test_two_versions_are_two_expressions_of_one_work(versions_store):
    rows = query_rows(versions_store, "law-articles.rq")
    assert len({r["act"] for r in rows}) == 1
    counts = {v: sum(1 for r in rows if r["version"] == v) for v in {r["version"] for r in rows}}
    assert counts == {"2009-06-03": 83, "2014-06-18": 87}


def test_law_changes_lists_articles_added_in_2014(versions_store):
    rows = query_rows(versions_store, "law-changes.rq")
    assert {(r["fromVersion"], r["toVersion"]) for r in rows} == {("2009-06-03", "2014-06-18")}
    added = {r["number"] for r in rows if r["change"] == "added"}
    # 2014 inserted 第二十八條之一、之二 and 第四十一條之一、之二 (83 + 4 = 87 articles); none was dropped.
    assert added == {"28-1", "28-2", "41-1", "41-2"}
    assert not [r for r in rows if r["change"] == "removed"]
    amended = {r["number"] for r in rows if r["change"] == "amended"}
    assert "1" not in amended and "28" in amended
