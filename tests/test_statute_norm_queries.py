"""The statute competency queries answered on the seed, against tables read off the text by hand."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest

from tiaoli.graph.build import build
from tiaoli.graph.store import GraphStore

SEED = "003_c9028c36c3eddfe8.txt"
QUERIES = Path(__file__).resolve().parent.parent / "graph" / "queries"
ACT = "https://w3id.org/tiaoli/id/eli/tw/law/商業會計法"
XSD_NUMBERS = {"http://www.w3.org/2001/XMLSchema#decimal", "http://www.w3.org/2001/XMLSchema#integer"}


@pytest.fixture(scope="module")
def store(tmp_path_factory, corpus_dir) -> GraphStore:
    path = tmp_path_factory.mktemp("norms") / "store"
    graph_store = GraphStore.create(path)
    report = build([corpus_dir / SEED], graph_store)
    assert report.ok, report.failures
    return GraphStore(path)


def value(term):
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        if term.value.startswith(ACT.rsplit("/", 1)[0] + "/"):
            return term.value.rsplit("/", 1)[-1]
        return term.value.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
    if isinstance(term, ox.Literal) and term.datatype.value in XSD_NUMBERS:
        return Decimal(term.value)
    return term.value


def rows(store: GraphStore, name: str) -> list[tuple]:
    result = store.query((QUERIES / f"{name}.rq").read_text(encoding="utf-8"))
    solutions = result.raw
    names = [v.value for v in solutions.variables]
    return [tuple(value(solution[n]) for n in names) for solution in solutions]


def test_every_penalty_with_its_amounts_and_terms(store):
    D = Decimal
    assert rows(store, "law-penalties") == [
        ("商業會計法", "71", "imprisonment", None, None, None, None, D(60)),
        ("商業會計法", "71", "detention", None, None, None, None, None),
        ("商業會計法", "71", "criminal-fine", None, D(600000), "TWD", None, None),
        ("商業會計法", "72", "imprisonment", None, None, None, None, D(60)),
        ("商業會計法", "72", "detention", None, None, None, None, None),
        ("商業會計法", "72", "criminal-fine", None, D(600000), "TWD", None, None),
        ("商業會計法", "74", "criminal-fine", None, D(100000), "TWD", None, None),
        ("商業會計法", "74", "imprisonment", None, None, None, None, D(12)),
        ("商業會計法", "74", "detention", None, None, None, None, None),
        ("商業會計法", "74", "criminal-fine", None, D(150000), "TWD", None, None),
        ("商業會計法", "76", "administrative-fine", D(60000), D(300000), "TWD", None, None),
        ("商業會計法", "77", "administrative-fine", D(30000), D(150000), "TWD", None, None),
        ("商業會計法", "78", "administrative-fine", D(30000), D(150000), "TWD", None, None),
        ("商業會計法", "79", "administrative-fine", D(10000), D(50000), "TWD", None, None),
    ]


CHAPTER_6 = [str(n) for n in range(41, 58)]
CHAPTER_7 = [str(n) for n in range(58, 65)]
SANCTIONED = {
    # 有第七十一條、第七十二條各款情事之一者，應依各該條規定處罰
    "75": ["71", "72"],
    # 違反第二十三條 / 第二十四條 / 未依第三十八條 / 第六十五條 / 違反第六章、第七章規定
    "76": ["23", "24", "38", *CHAPTER_6, *CHAPTER_7, "65"],
    # 違反第五條第一項、第二項或第五項規定
    "77": ["5"],
    "78": ["9", "14", "34", "36", "66", "69"],
    "79": ["7", "8", "25", "35", "66", "68", "70"],
    # 違反本法第七十六條、第七十八條及第七十九條各款之規定…應依各該條規定處罰
    "80": ["76", "78", "79"],
}


def test_every_sanctioned_provision(store):
    found: dict[str, list[str]] = {}
    for act, penalty, target in rows(store, "law-sanctioned"):
        assert act == "商業會計法"
        found.setdefault(penalty, []).append(target)
    assert {p: sorted(t, key=int) for p, t in found.items()} == {p: sorted(t, key=int) for p, t in SANCTIONED.items()}


DEFINED = [
    ("商業", "2"), ("商業會計事務之處理", "2"), ("主管機關", "3"),
    ("權責發生制", "10"), ("現金收付制", "10"),
    ("會計事項", "11"), ("對外會計事項", "11"), ("內部會計事項", "11"),
    ("原始憑證", "15"), ("記帳憑證", "15"),
    ("外來憑證", "16"), ("對外憑證", "16"), ("內部憑證", "16"),
    ("序時帳簿", "20"), ("分類帳簿", "20"),
    ("普通序時帳簿", "21"), ("特種序時帳簿", "21"),
    ("總分類帳簿", "22"), ("明細分類帳簿", "22"),
    ("資產類", "27"), ("負債類", "27"), ("業主權益類", "27"), ("營業收入類", "27"), ("營業成本類", "27"),
    ("營業費用類", "27"), ("營業外收益及費損類", "27"), ("非常損益類", "27"), ("所得稅", "27"),
    ("財務報表必要之註釋", "29"),
    ("實際成本", "41"), ("公平價值", "42"),
    ("淨變現價值", "43"), ("個別辨認法", "43"), ("先進先出法", "43"), ("加權平均法", "43"), ("移動平均法", "43"),
    ("權益法", "44"),
    ("平均法", "47"), ("定率遞減法", "47"), ("年數合計法", "47"), ("生產數量法", "47"), ("工作時間法", "47"),
    ("創業期間", "50"),
    ("全部收益及全部成本、費用及損失", "58"), ("交易完成時", "59"),
]


def test_every_definition(store):
    found = rows(store, "law-definitions")
    assert [(term, number) for _, term, number, _ in found] == DEFINED
    text = {term: definition for _, term, _, definition in found}
    assert text["原始憑證"] == "證明會計事項之經過，而為造具記帳憑證所根據之憑證"
    assert text["淨變現價值"] == "係指企業預期正常營業出售存貨所能取得之淨額"
    assert text["會計事項"] == "凡商業之資產、負債或業主權益發生增減變化之事項"
    assert text["對外會計事項"] == "會計事項涉及商業本身以外之人，而與之發生權責關係者"
    assert text["創業期間"] == "係指商業自開始籌備至所計劃之主要營業活動開始且產生重要收入前所涵蓋之期間"
    assert text["權責發生制"] == "係指收益於確定應收時，費用於確定應付時，即行入帳。決算時收益及費用，並按其應歸屬年度作調整分錄"
    assert text["財務報表必要之註釋"].startswith("指下列事項：\n聲明財務報表依照本法")
    assert text["財務報表必要之註釋"].endswith("其他為避免閱讀者誤解或有助於財務報表之公正表達所必要說明之事項。")


def test_every_duration(store):
    D = Decimal
    assert rows(store, "law-durations") == [
        ("商業會計法", "5", D(5), "day", "deadline", "五日內"),
        ("商業會計法", "34", D(2), "month", "deadline", "至遲不得超過二個月"),
        ("商業會計法", "38", D(5), "year", "retention", "至少保存五年"),
        ("商業會計法", "38", D(10), "year", "retention", "至少保存十年"),
        ("商業會計法", "54", D(1), "year", "period", "一年內"),
        ("商業會計法", "65", D(2), "month", "deadline", "二個月內"),
        ("商業會計法", "65", D("1.5"), "month", "extension", "延長一個半月"),
        ("商業會計法", "68", D(6), "month", "deadline", "六個月內"),
        ("商業會計法", "74", D(3), "year", "repeat-window", "三年內"),
    ]


SELF = "商業會計法"
CITATIONS = {
    ("2", None, "公司法"), ("2", None, "商業登記法"), ("4", None, "公司法"), ("4", None, "商業登記法"),
    ("5", "5", SELF),  # 前項; 準用第二項及第三項
    ("9", "9", SELF), ("17", "17", SELF), ("27", "27", SELF), ("28", "28", SELF),
    ("29", "28", SELF),  # 前條第二項
    ("29", "29", SELF), ("37", "37", SELF),
    ("40", "36", SELF), ("40", "37", SELF),
    ("43", "43", SELF), ("44", "43", SELF), ("44", "44", SELF), ("50", "50", SELF),
    ("52", "51", SELF),  # 依前條
    ("58", "58", SELF), ("59", "59", SELF),
    ("62", None, "稅法"),
    ("68", "68", SELF), ("69", "69", SELF),
    ("72", "71", SELF),  # 前條所列人員
    ("73", "71", SELF), ("73", "72", SELF),  # 前二條
    ("75", "71", SELF), ("75", "72", SELF),
    *{("76", n, SELF) for n in ["23", "24", "38", "65", *CHAPTER_6, *CHAPTER_7]},
    ("77", "5", SELF),
    *{("78", n, SELF) for n in ["9", "14", "34", "36", "66", "69"]},
    *{("79", n, SELF) for n in ["7", "8", "25", "35", "66", "68", "70"]},
    ("80", "76", SELF), ("80", "78", SELF), ("80", "79", SELF),
    ("81", "79", SELF),
    ("82", "82", SELF),
}


def test_resolved_citations(store):
    found = rows(store, "law-citations")
    assert {act for act, *_ in found} == {SELF}
    assert {(source, target, to_act) for _, source, target, to_act in found} == CITATIONS
    assert len(found) == len(CITATIONS)


MODALITIES = {"obligation", "prohibition", "permission", "definition", "penalty", "scope", "other"}


def test_norms_carry_modality_addressee_and_text(store):
    found = rows(store, "law-norms")
    assert {modality for *_, modality, _, _ in found} == MODALITIES
    index = {(number, paragraph, item, text): (modality, addressee) for _, number, paragraph, item, modality, addressee, text in found}
    assert index[("5", Decimal(4), None, "會計人員應依法處理會計事務，其離職或變更職務時，應於五日內辦理交代")] == (
        "obligation", "accounting-personnel")
    assert index[("12", Decimal(1), None, "中央主管機關得訂定商業通用會計制度規範")] == ("permission", "central-competent-authority")
    assert index[("33", Decimal(1), None, "非根據真實事項，不得造具任何會計憑證，並不得在會計帳簿表冊作任何記錄")] == ("prohibition", None)
    assert index[("19", Decimal(1), None, "對外會計事項應有外來或對外憑證")] == ("obligation", None)
    assert index[("62", Decimal(1), None, "申報營利事業所得稅時，各項所得計算依稅法規定所作調整，應不影響帳面紀錄")] == ("prohibition", None)
    assert index[("15", Decimal(1), Decimal(1), "原始憑證：證明會計事項之經過，而為造具記帳憑證所根據之憑證")] == ("definition", None)
    assert index[("83", Decimal(1), None, "本法自公布日施行")] == ("scope", None)
    assert index[("76", Decimal(1), Decimal(5), "違反第六章、第七章規定，編製內容顯不確實之決算報表")] == ("penalty", None)
    roles_of_35 = {a for _, number, _, _, _, a, _ in found if number == "35"}
    assert roles_of_35 == {"business-representative", "manager", "accounting-personnel"}


def test_penalties_join_the_obligations_they_enforce(store):
    found = rows(store, "law-penalty-obligations")
    pairs = {(penalty, target, modality) for _, penalty, target, modality, _ in found}
    assert ("76", "23", "obligation") in pairs  # 商業必須設置之會計帳簿
    assert ("76", "24", "obligation") in pairs
    assert ("78", "34", "obligation") in pairs
    assert ("76", "58", "prohibition") in pairs  # 收入之抵銷額不得列為費用
    assert ("80", "23", "obligation") in pairs  # through 第七十六條, whose sanctions 第八十條 applies
    assert ("77", "5", "obligation") in pairs
    texts_77 = {text for _, penalty, _, _, text in found if penalty == "77"}
    assert "商業會計事務之處理，應置會計人員辦理之" in texts_77  # 第五條第一項
    assert "會計人員應依法處理會計事務，其離職或變更職務時，應於五日內辦理交代" not in texts_77  # 第五條第四項 is not cited


def test_the_citation_network_and_its_most_cited_provisions(store):
    from tiaoli.graph.citations import citation_graph, most_cited

    graph = citation_graph(store)
    label = {node: data["label"] for node, data in graph.nodes(data=True)}
    edges = {(label[a], label[b]): w for a, b, w in graph.edges(data="weight")}
    assert edges[("商業會計法 第 76 條", "商業會計法 第 23 條")] == 1
    assert edges[("商業會計法 第 76 條", "商業會計法 第 41 條")] == 1  # 第六章
    assert edges[("商業會計法 第 75 條", "商業會計法 第 71 條")] == 2  # 第七十一條 … 各該條
    assert edges[("商業會計法 第 2 條", "公司法")] == 1
    assert not any(a == b for a, b in edges)  # 前項 inside one article is no link
    top = most_cited(graph, 2)
    assert [(c.label, c.cited_by) for c in top] == [("商業會計法 第 71 條", 4), ("商業會計法 第 5 條", 3)]


def test_graph_citations_command_writes_graphml(store, tmp_path, capsys):
    import networkx as nx

    from tiaoli.cli import main

    out = tmp_path / "citations.graphml"
    assert main(["graph", "citations", "--store", str(store.path), "-o", str(out), "--top", "3"]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[1] == "  1. 商業會計法 第 71 條  cited 4 times"
    assert len([line for line in printed if line.startswith("  ")]) == 3
    written = nx.read_graphml(out)
    assert written.number_of_edges() == citation_graph_size(store)


def citation_graph_size(store) -> int:
    from tiaoli.graph.citations import citation_graph

    return citation_graph(store).number_of_edges()


@pytest.fixture(scope="module")
def reflowed_store(tmp_path_factory, shared_dir) -> GraphStore:
    """The seed's version (2009-06-03) as the Legislative Yuan prints it: 第十五條, full-width indents."""
    import json

    folder = tmp_path_factory.mktemp("reflowed")
    versions = shared_dir / "evaldata" / "twlaw" / "business-accounting-act-versions.jsonl"
    lines = [line for line in versions.read_text(encoding="utf-8").splitlines() if json.loads(line)["date"] == "2009-06-03"]
    assert len(lines) == 1
    source = folder / "act-2009.jsonl"
    source.write_text(lines[0] + "\n", encoding="utf-8")
    graph_store = GraphStore.create(folder / "store")
    report = build([source], graph_store)
    assert report.ok, report.failures
    return GraphStore(folder / "store")


@pytest.mark.parametrize("query", ["law-penalties", "law-sanctioned", "law-durations", "law-citations"])
def test_the_seed_reflowed_gives_the_same_answers(store, reflowed_store, query):
    assert sorted(rows(reflowed_store, query), key=repr) == sorted(rows(store, query), key=repr)


def test_the_seed_reflowed_defines_the_same_terms(reflowed_store):
    assert [(term, number) for _, term, number, _ in rows(reflowed_store, "law-definitions")] == DEFINED


@pytest.fixture(scope="module")
def pdf_store(tmp_path_factory, corpus_dir) -> GraphStore:
    """The seed printed to PDF (lines broken at the page width, running headers, page numbers) and read back."""
    from pdf_render import render
    from tiaoli.extract.loaders import load_document

    folder = tmp_path_factory.mktemp("seed-pdf")
    pdf = render(load_document(corpus_dir / SEED), folder / "seed.pdf")
    graph_store = GraphStore.create(folder / "store")
    report = build([pdf], graph_store, kind="statute")
    assert report.ok, report.failures
    return GraphStore(folder / "store")


@pytest.mark.parametrize("query", ["law-penalties", "law-sanctioned", "law-durations", "law-citations", "law-definitions"])
def test_the_seed_as_pdf_gives_the_same_answers(store, pdf_store, query):
    assert sorted(rows(pdf_store, query), key=repr) == sorted(rows(store, query), key=repr)
