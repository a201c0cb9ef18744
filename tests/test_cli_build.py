"""End to end through the command line: build, export, query, validate, and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli_support import run_cli


@pytest.fixture(scope="module")
def built_store(tmp_path_factory, corpus_dir) -> Path:
    store = tmp_path_factory.mktemp("store") / "s"
    result = run_cli("build", corpus_dir, "--store", store, check=True)
    assert "built 3 document(s)" in result.stderr
    return store


def test_build_prints_a_summary_per_document(corpus_dir, tmp_path):
    result = run_cli("build", corpus_dir, "--store", tmp_path / "s", check=True)
    lines = [line for line in result.stderr.splitlines() if line.startswith("[")]
    assert len(lines) == 3
    for line in lines:
        assert "blocks" in line and "of text attributed" in line and "facts:" in line


def test_two_builds_export_byte_identical_nquads(built_store, corpus_dir, tmp_path):
    other = tmp_path / "other"
    run_cli("build", corpus_dir, "--store", other, check=True)
    first = run_cli("export", "--format", "nquads", "--store", built_store, check=True).stdout
    second = run_cli("export", "--format", "nquads", "--store", other, check=True).stdout
    assert first == second
    assert first.count("\n") > 1000
    assert "_:" not in first  # no blank nodes: every node has a minted IRI


def test_every_block_of_every_seed_is_in_the_graph_with_its_span(built_store, corpus_dir):
    from tiaoli.extract.loaders import load_document
    from tiaoli.graph.store import GraphStore

    store = GraphStore(built_store)
    rows = store.query(
        """SELECT ?file ?index ?start ?end ?quoted WHERE {
             ?block a tl:TextBlock ; tl:blockIndex ?index ; tl:inDocument ?doc ; prov:wasDerivedFrom ?span .
             ?doc tl:sourceFile ?file .
             ?span tl:startOffset ?start ; tl:endOffset ?end ; tl:quotedText ?quoted }"""
    ).raw
    found: dict[str, set[int]] = {}
    for row in rows:
        found.setdefault(row["file"].value, set()).add(int(row["index"].value))
    for seed in ["000_6452d29547480776.txt", "003_c9028c36c3eddfe8.txt", "004_678adf5cfdf36133.txt"]:
        doc = load_document(corpus_dir / seed)
        assert found[seed] == {b.index for b in doc.blocks if b.text.strip()}


def test_every_span_in_the_graph_quotes_its_source_exactly(built_store, corpus_dir):
    from tiaoli.extract.loaders import load_document
    from tiaoli.graph.store import GraphStore

    texts = {}
    for path in corpus_dir.glob("*.txt"):
        texts[path.name] = load_document(path).text
    store = GraphStore(built_store)
    rows = list(
        store.query(
            """SELECT ?file ?start ?end ?quoted WHERE {
                 ?span a tl:SourceSpan ; tl:inDocument ?doc ; tl:startOffset ?start ; tl:endOffset ?end ; tl:quotedText ?quoted .
                 ?doc tl:sourceFile ?file }"""
        ).raw
    )
    assert len(rows) > 300
    for row in rows:
        text = texts[row["file"].value]
        assert text[int(row["start"].value) : int(row["end"].value)] == row["quoted"].value


def test_query_formats(built_store):
    sparql = "SELECT ?kind WHERE { ?d tl:documentKind ?kind } ORDER BY ?kind"
    table = run_cli("query", sparql, "--store", built_store, check=True).stdout
    assert "due-diligence-report" in table and "(3 rows)" in table
    data = json.loads(run_cli("query", sparql, "--format", "json", "--store", built_store, check=True).stdout)
    assert data["head"]["vars"] == ["kind"]
    assert [b["kind"]["value"] for b in data["results"]["bindings"]] == ["due-diligence-report", "legco-paper", "statute"]
    csv = run_cli("query", sparql, "--format", "csv", "--store", built_store, check=True).stdout
    assert csv.splitlines()[0] == "kind"


def test_query_from_a_file(built_store, tmp_path):
    rq = tmp_path / "count.rq"
    rq.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?d a tl:SourceDocument }\n", encoding="utf-8")
    out = run_cli("query", rq, "--format", "csv", "--store", built_store, check=True).stdout
    assert out.splitlines()[1].strip() == "3"


def test_malformed_sparql_reports_the_position_and_exits_2(built_store):
    result = run_cli("query", "SELECT ?x WHERE { ?x ", "--store", built_store)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "1:" in result.stderr and "syntax error" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_query_on_a_store_never_built_says_so(tmp_path):
    result = run_cli("query", "ASK {}", "--store", tmp_path / "nothing")
    assert result.returncode == 1
    assert "no graph has been built" in result.stderr and "Traceback" not in result.stderr


def test_validate_passes_on_the_corpus(built_store):
    result = run_cli("validate", "--store", built_store)
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith("conforms")


@pytest.mark.parametrize(
    "name, content, problem",
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"   \n\n", "empty"),
        ("binary.txt", bytes(range(256)) * 8, "binary"),
        ("unknown.txt", "今天天氣很好，我們去公園散步。\n".encode("utf-8"), "cannot tell what kind of document"),
    ],
)
def test_bad_input_gives_one_line_naming_the_file(tmp_path, name, content, problem):
    path = tmp_path / name
    path.write_bytes(content)
    result = run_cli("build", path, "--store", tmp_path / "s")
    assert result.returncode != 0
    failures = [line for line in result.stderr.splitlines() if line.startswith("FAILED")]
    assert len(failures) == 1
    assert name in failures[0] and problem in failures[0]
    assert "Traceback" not in result.stderr


def test_unknown_kind_suggests_the_kind_option(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("今天天氣很好。\n", encoding="utf-8")
    result = run_cli("build", path, "--store", tmp_path / "s")
    assert "--kind" in result.stderr


def test_a_folder_with_a_bad_file_still_builds_the_good_ones(tmp_path, corpus_dir):
    folder = tmp_path / "mixed"
    folder.mkdir()
    for seed in corpus_dir.glob("*.txt"):
        (folder / seed.name).write_bytes(seed.read_bytes())
    (folder / "broken.txt").write_bytes(b"")
    store = tmp_path / "s"
    result = run_cli("build", folder, "--store", store)
    assert result.returncode == 1
    assert "built 3 document(s)" in result.stderr and "1 failed" in result.stderr and "broken.txt" in result.stderr
    count = run_cli("query", "SELECT (COUNT(*) AS ?n) WHERE { ?d a tl:SourceDocument }", "--format", "csv", "--store", store, check=True)
    assert count.stdout.splitlines()[1].strip() == "3"


def test_a_failed_write_leaves_the_previous_graph_intact(built_store, tmp_path):
    import shutil

    from tiaoli.graph.store import GraphStore

    copy = tmp_path / "copy"
    shutil.copytree(built_store, copy, symlinks=True)
    before = GraphStore(copy).dump_nquads()
    store = GraphStore(copy)
    with pytest.raises(RuntimeError):
        with store.writer() as writer:
            for graph in writer.named_graphs():
                writer.remove_graph(graph)
            raise RuntimeError("interrupted")
    assert GraphStore(copy).dump_nquads() == before
    assert len([p for p in copy.iterdir() if p.name.startswith("gen-")]) == 1


def test_help_teaches_with_examples():
    for command in ["build", "query", "export", "stats", "validate"]:
        out = run_cli(command, "--help", check=True).stdout
        assert "example" in out
    assert "tiaoli build" in run_cli("--help", check=True).stdout


def test_a_long_one_line_query_is_query_text_not_a_file_name(built_store):
    long_query = "SELECT ?kind WHERE { ?d tl:documentKind ?kind " + " ".join(f"OPTIONAL {{ ?d tl:p{i} ?o{i} }}" for i in range(20)) + " }"
    assert len(long_query.encode()) > 255 and "\n" not in long_query
    result = run_cli("query", long_query, "--format", "csv", "--store", built_store)
    assert result.returncode == 0, result.stderr
    assert "statute" in result.stdout
