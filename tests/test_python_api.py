"""The Python API on the seed corpus: typed rows, lookups with provenance, citations, variant-insensitive search."""

from __future__ import annotations

import datetime
import subprocess
import sys
import textwrap
from decimal import Decimal

import pytest

import tiaoli
from tiaoli.extract.loaders import load_path

ACT_SIMPLIFIED = "商业会计法"  # the seed statute's title, typed in Simplified characters


@pytest.fixture(scope="module")
def kg(seed_store):
    return tiaoli.open(store=seed_store.path)


@pytest.fixture(scope="module")
def source_texts(corpus_dir):
    """Each seed file's text as loaded, by file name: what citations' offsets index."""
    texts = {}
    for path in sorted(corpus_dir.iterdir()):
        if path.suffix == ".txt":
            for doc in load_path(path):
                texts[path.name] = doc.text
    return texts


def assert_cites_source(citation, source_texts):
    assert citation is not None
    text = source_texts[citation.source_file]
    assert text[citation.start : citation.end] == citation.text
    assert citation.line == text.count("\n", 0, citation.start) + 1


# -- query ---------------------------------------------------------------------------------
def test_query_rows_are_named_tuples_with_python_values(kg):
    rows = kg.query("SELECT ?span ?start ?share WHERE { ?span tl:startOffset ?start . ?d tl:attributedShare ?share } LIMIT 1")
    assert rows.variables == ["span", "start", "share"]
    row = rows[0]
    assert isinstance(row.span, tiaoli.IRI) and row.span.startswith("https://w3id.org/tiaoli/id/doc/")
    assert isinstance(row.start, int)
    assert isinstance(row.share, Decimal)
    assert row[1] == row.start


def test_query_dates_become_dates_and_bindings_fix_variables(kg):
    rows = kg.run("law-articles", number="15")
    assert [r.number for r in rows] == ["15"]
    assert rows[0].version == datetime.date(2009, 6, 3)
    assert kg.query("SELECT ?n WHERE { ?a eli:number ?n }", n="15")  # a binding filters like a constant


def test_ask_and_construct(kg):
    assert kg.query("ASK { ?s a tl:Article }") is True
    assert kg.query("ASK { ?s a tl:NoSuchClass }") is False
    triples = kg.query("CONSTRUCT { ?p rdfs:label ?l } WHERE { ?p a tl:Programme ; rdfs:label ?l }")
    assert len(triples) == 5 and all(isinstance(t.subject, tiaoli.IRI) for t in triples)


def test_rows_to_dataframe(kg):
    rows = kg.run("legco-programmes")
    frame = rows.to_dataframe()
    assert list(frame.columns) == rows.variables
    assert len(frame) == len(rows) == 5
    assert frame["expenditure"].sum() == 176_400_000


# -- lookups ---------------------------------------------------------------------------------
def test_acts(kg):
    (act,) = kg.acts()
    assert act.title == "商業會計法" and act.version == datetime.date(2009, 6, 3) and act.articles == 83


def test_article_by_title_in_another_script_cites_its_source(kg, source_texts):
    article = kg.article(ACT_SIMPLIFIED, "15")
    assert article.heading == "第二章 會計憑證"
    assert article.text.startswith("商業會計憑證分下列二類")  # displayed as printed, never converted
    assert_cites_source(article.source, source_texts)
    assert "第 15 條" in article.source.text
    assert kg.cite(article) == article.source
    with pytest.raises(LookupError):
        kg.article(ACT_SIMPLIFIED, "999")


def test_programmes_carry_expenditure_and_source(kg, source_texts):
    programmes = kg.programmes()
    assert [p.expenditure for p in programmes] == [4_700_000, 50_100_000, 9_900_000, 109_200_000, 2_500_000]
    assert {p.currency for p in programmes} == {"HKD"}
    for programme in programmes:
        assert_cites_source(programme.source, source_texts)
        assert programme.label in programme.source.text


def test_metrics_filter_by_unit_and_subject_in_any_variant(kg, source_texts):
    person_times = kg.metrics(unit="人次")
    assert person_times and all(m.unit == "人次" for m in person_times)
    for metric in person_times:
        assert_cites_source(metric.source, source_texts)
    principals = kg.metrics(subject="校长支援网络")  # Simplified for 校長支援網絡
    assert principals and all(m.subject == "校長支援網絡" for m in principals)


def test_cite_a_node(kg, source_texts):
    programme = kg.programmes()[0]
    citation = kg.cite(programme.programme)
    assert_cites_source(citation, source_texts)
    assert citation.document.endswith("legco-edpanel-edf-progress-2008-07")
    with pytest.raises(LookupError):
        kg.cite("https://w3id.org/tiaoli/id/no-such-node")


# -- search ------------------------------------------------------------------------------------
def test_simplified_search_finds_the_articles_using_the_traditional_term(kg, source_texts):
    hits = kg.search("会计凭证")
    articles = {h.node.rsplit("/", 1)[-1] for h in hits if h.kind == "Article"}
    assert {"14", "15", "33", "36", "38"} <= articles
    for hit in hits:
        assert "会计凭证" not in hit.matched  # the source's characters, not the query's
        assert hit.source is None or hit.source.text in source_texts[hit.source.source_file]
    assert any("會計憑證" in h.matched for h in hits)


def test_hong_kong_and_taiwan_variants_match_each_other(tmp_path):
    law = tmp_path / "law.txt"
    law.write_text("電業法\n\n第一章 總則\n\n第 1 條 輸電綫路之維護，應依著作人之規定辦理。\n\n第 2 條 配電線路由主管機關着手檢查。\n", encoding="utf-8")
    kg = tiaoli.open(store=tmp_path / "store")
    assert kg.build(law, kind="statute").ok
    assert {h.node.rsplit("/", 1)[-1] for h in kg.search("線路", kinds=["Article"])} == {"1", "2"}
    assert {h.node.rsplit("/", 1)[-1] for h in kg.search("綫路", kinds=["Article"])} == {"1", "2"}
    assert [h.matched for h in kg.search("着作", kinds=["Article"])] == ["輸電綫路之維護，應依著作人之規定辦理。"]
    assert [h.matched for h in kg.search("著手", kinds=["Article"])] == ["配電線路由主管機關着手檢查。"]


def test_search_command_line(seed_store):
    from cli_support import run_cli

    result = run_cli("search", "会计凭证", "--store", seed_store.path, "--kind", "Article")
    assert result.returncode == 0, result.stderr
    assert "第 15 條" in result.stdout and "會計憑證" in result.stdout
    assert run_cli("search", "沒有這個詞語", "--store", seed_store.path).returncode == 1


def test_everything_works_on_a_built_store_without_the_parsers(seed_store):
    """Lookups read the store only: with every parser made unimportable they still answer."""
    script = textwrap.dedent(
        f"""
        import sys
        for name in ("tiaoli.extract.parsers", "tiaoli.extract.loaders", "tiaoli.extract.nlp", "spacy", "pdfplumber"):
            sys.modules[name] = None
        import tiaoli
        kg = tiaoli.open(store={str(seed_store.path)!r})
        assert kg.search("会计凭证")
        assert kg.article("商業會計法", "15").source is not None
        assert kg.programmes() and kg.metrics()
        print("ok")
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert result.stdout.strip() == "ok", result.stderr


# -- statute lookups (article 66, 76 and 15 of the seed, read by hand) ------------------------------
def test_obligations_of_a_role_in_either_script_with_citations(kg, source_texts):
    obligations = kg.obligations(addressee="主辦會計人員")
    assert obligations
    assert {o.modality for o in obligations} == {"obligation"}
    assert {o.addressee for o in obligations} == {"主辦會計人員"}
    article_66 = [o for o in obligations if o.number == "66"]
    assert article_66 and "主辦會計人員簽名或蓋章負責" in article_66[0].text
    for obligation in obligations:
        assert_cites_source(obligation.source, source_texts)
        assert obligation.source.text == obligation.text or obligation.text in obligation.source.text
    assert kg.obligations(addressee="主办会计人员") == obligations
    assert kg.obligations(addressee=obligations[0].addressee_node) == obligations


def test_obligations_by_modality(kg):
    prohibitions = kg.obligations(modality="prohibition")
    assert prohibitions and all(n.modality == "prohibition" for n in prohibitions)
    assert any(n.number == "33" and "不得" in n.text for n in prohibitions)  # 非根據真實事項，不得造具任何會計憑證
    everything = kg.obligations(modality=None)
    assert len(everything) > len(kg.obligations(modality="deontic")) >= len(kg.obligations()) + len(prohibitions)


def test_penalties_for_an_article(kg, source_texts):
    penalties = kg.penalties(for_article="23")
    fine = next(p for p in penalties if p.number == "76")
    assert fine.sanction == "administrative-fine" and fine.currency == "TWD"
    assert (fine.min_amount, fine.max_amount) == (60_000, 300_000)
    assert "23" in fine.sanctioned_articles
    assert_cites_source(fine.source, source_texts)
    assert fine.source.text.startswith("第 76 條")
    assert all("23" in p.sanctioned_articles for p in penalties)


def test_definitions_by_term_in_either_script(kg, source_texts):
    (definition,) = kg.definitions(term="原始凭证")
    assert definition.term == "原始憑證" and definition.number == "15"
    assert definition.definition == "證明會計事項之經過，而為造具記帳憑證所根據之憑證"
    assert_cites_source(definition.source, source_texts)
    assert len(kg.definitions()) >= 40


def test_a_binding_must_name_a_selected_variable(kg):
    from tiaoli.graph.store import QueryError

    with pytest.raises(QueryError, match="a binding must name a variable the query SELECTs"):
        kg.query("SELECT ?s WHERE { ?s ?p ?o }", o="x")
