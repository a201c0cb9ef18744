"""Incremental and parallel rebuilds: only what changed is parsed, and the graph equals a full rebuild."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest

from cli_support import run_cli
from tiaoli.graph import mapping
from tiaoli.graph.build import build
from tiaoli.graph.store import GraphStore

STATUTE = "003_c9028c36c3eddfe8.txt"
REPORT = "000_6452d29547480776.txt"
PAPER = "004_678adf5cfdf36133.txt"


def _write_manifest(folder: Path, corpus_dir: Path, files: list[str]) -> None:
    """The seed manifest, restricted to ``files``."""
    entries = tomllib.loads((corpus_dir / "manifest.toml").read_text(encoding="utf-8"))["document"]
    lines = []
    for entry in entries:
        if entry["file"] in files:
            lines.append("[[document]]")
            lines.extend(f"{key} = {value!r}".replace("'", '"') for key, value in entry.items())
            lines.append("")
    (folder / "manifest.toml").write_text("\n".join(lines), encoding="utf-8")


@pytest.fixture
def corpus_copy(tmp_path, corpus_dir) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in (STATUTE, REPORT, PAPER):
        shutil.copy(corpus_dir / name, folder / name)
    _write_manifest(folder, corpus_dir, [STATUTE, REPORT, PAPER])
    return folder


def _full_rebuild(folder: Path, store: Path) -> bytes:
    report = build([folder], GraphStore.create(store), full=True, jobs=1)
    assert report.ok, report.failures
    return GraphStore(store).dump_nquads()


def _edit(path: Path) -> None:
    """Change one character of the document's text (a final sentence mark)."""
    text = path.read_text(encoding="utf-8")
    index = text.rindex("。")
    path.write_text(text[:index] + "；" + text[index + 1 :], encoding="utf-8")


def test_a_rebuild_of_unchanged_documents_parses_nothing(corpus_copy, tmp_path):
    store = GraphStore.create(tmp_path / "s")
    first = build([corpus_copy], store, jobs=1)
    assert sorted(first.new) == sorted(s.doc_id for s in first.documents) and len(first.new) == 3
    before = store.dump_nquads()
    again = build([corpus_copy], store, jobs=1)
    assert again.documents == [] and again.changed == [] and again.new == [] and again.removed == []
    assert len(again.unchanged) == 3
    assert GraphStore(tmp_path / "s").dump_nquads() == before


def test_an_edited_document_alone_is_parsed_again_and_its_graph_replaced(corpus_copy, tmp_path):
    store = GraphStore.create(tmp_path / "s")
    build([corpus_copy], store, jobs=1)
    old = GraphStore(tmp_path / "s").dump_nquads()
    _edit(corpus_copy / PAPER)
    report = build([corpus_copy], store, jobs=1)
    assert report.changed == ["legco-edpanel-edf-progress-2008-07"]
    assert [s.doc_id for s in report.documents] == report.changed
    assert len(report.unchanged) == 2 and report.new == [] and report.removed == []
    incremental = GraphStore(tmp_path / "s").dump_nquads()
    assert incremental != old
    assert incremental == _full_rebuild(corpus_copy, tmp_path / "full")


def test_a_new_document_is_added_and_the_others_kept(corpus_dir, tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in (STATUTE, REPORT):
        shutil.copy(corpus_dir / name, folder / name)
    _write_manifest(folder, corpus_dir, [STATUTE, REPORT])
    store = GraphStore.create(tmp_path / "s")
    build([folder], store, jobs=1)
    shutil.copy(corpus_dir / PAPER, folder / PAPER)
    _write_manifest(folder, corpus_dir, [STATUTE, REPORT, PAPER])
    report = build([folder], store, jobs=1)
    assert report.new == ["legco-edpanel-edf-progress-2008-07"] and len(report.unchanged) == 2
    assert GraphStore(tmp_path / "s").dump_nquads() == _full_rebuild(folder, tmp_path / "full")


def test_a_deleted_document_has_its_graph_removed(corpus_copy, corpus_dir, tmp_path):
    store = GraphStore.create(tmp_path / "s")
    build([corpus_copy], store, jobs=1)
    (corpus_copy / REPORT).unlink()
    _write_manifest(corpus_copy, corpus_dir, [STATUTE, PAPER])
    report = build([corpus_copy], store, jobs=1)
    assert report.removed == ["powertech-human-rights-due-diligence-2024"]
    assert report.documents == [] and len(report.unchanged) == 2
    graphs = GraphStore(tmp_path / "s").named_graphs()
    assert not any("powertech" in g for g in graphs) and len(graphs) == 2
    assert GraphStore(tmp_path / "s").dump_nquads() == _full_rebuild(corpus_copy, tmp_path / "full")


def test_changed_metadata_alone_makes_a_document_changed(corpus_copy, corpus_dir, tmp_path):
    store = GraphStore.create(tmp_path / "s")
    build([corpus_copy], store, jobs=1)
    manifest = corpus_copy / "manifest.toml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace('date = "2008-07"', 'date = "2008-06"'), encoding="utf-8")
    report = build([corpus_copy], store, jobs=1)
    assert report.changed == ["legco-edpanel-edf-progress-2008-07"]
    assert GraphStore(tmp_path / "s").dump_nquads() == _full_rebuild(corpus_copy, tmp_path / "full")


def test_a_new_parser_version_makes_its_kind_changed_and_no_other(corpus_copy, tmp_path, monkeypatch):
    from tiaoli.extract import kinds

    store = GraphStore.create(tmp_path / "s")
    build([corpus_copy], store, jobs=1)
    monkeypatch.setattr(kinds.parsers()["legco-paper"], "version", "99.0")
    report = build([corpus_copy], store, jobs=1)
    assert report.changed == ["legco-edpanel-edf-progress-2008-07"] and len(report.unchanged) == 2
    recorded = GraphStore(tmp_path / "s").query("SELECT ?v WHERE { ?d tl:documentKind 'legco-paper' ; tl:parserVersion ?v }").raw
    assert [row["v"].value for row in recorded] == ["legco-paper/99.0 graph/" + mapping.GRAPH_VERSION]


def test_a_new_graph_version_makes_every_document_changed(corpus_copy, tmp_path, monkeypatch):
    """A mapping whose output changed must not leave graphs of the old shape behind."""
    store = GraphStore.create(tmp_path / "s")
    build([corpus_copy], store, jobs=1)
    monkeypatch.setattr(mapping, "GRAPH_VERSION", mapping.GRAPH_VERSION + "-next")
    report = build([corpus_copy], store, jobs=1)
    assert len(report.changed) == 3 and report.unchanged == []


def test_a_document_that_now_fails_loses_its_old_graph_as_a_full_rebuild_would(corpus_copy, tmp_path):
    store = GraphStore.create(tmp_path / "s")
    build([corpus_copy], store, jobs=1)
    (corpus_copy / PAPER).write_bytes(b"")
    report = build([corpus_copy], store, jobs=1)
    assert not report.ok and PAPER in report.failures[0].message
    assert not any("legco" in g for g in GraphStore(tmp_path / "s").named_graphs())


def test_jobs_1_and_jobs_2_give_byte_identical_nquads(corpus_dir, tmp_path):
    one = build([corpus_dir], GraphStore.create(tmp_path / "one"), jobs=1)
    two = build([corpus_dir], GraphStore.create(tmp_path / "two"), jobs=2)
    assert one.ok and two.ok
    assert [s.doc_id for s in one.documents] == [s.doc_id for s in two.documents]
    assert GraphStore(tmp_path / "one").dump_nquads() == GraphStore(tmp_path / "two").dump_nquads()


def test_the_cli_counts_what_a_rebuild_did(corpus_copy, tmp_path):
    store = tmp_path / "s"
    first = run_cli("build", corpus_copy, "--store", store, "--jobs", "2", check=True)
    assert "0 unchanged, 0 changed, 3 new, 0 removed" in first.stderr
    _edit(corpus_copy / STATUTE)
    second = run_cli("build", corpus_copy, "--store", store, check=True)
    assert "2 unchanged, 1 changed, 0 new, 0 removed" in second.stderr
    assert len([line for line in second.stderr.splitlines() if line.startswith("[")]) == 1
    full = run_cli("build", corpus_copy, "--store", store, "--full", check=True)
    assert "0 unchanged, 0 changed, 3 new, 0 removed" in full.stderr


def _law_slice(shared_dir: Path, target: Path, count: int, *, edit_line: int | None = None) -> None:
    """The first ``count`` laws of moj-dev.jsonl; with ``edit_line``, that law's first article amended."""
    import json

    lines = (shared_dir / "evaldata" / "twlaw" / "moj-dev.jsonl").read_text(encoding="utf-8").splitlines()[:count]
    if edit_line is not None:
        law = json.loads(lines[edit_line - 1])
        law["articles"][0]["text"] += "（本條經修正。）"
        lines[edit_line - 1] = json.dumps(law, ensure_ascii=False)
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_in_a_jsonl_dump_editing_one_law_reparses_only_that_law(shared_dir, tmp_path):
    dump = tmp_path / "laws.jsonl"
    _law_slice(shared_dir, dump, 12)
    one = build([dump], GraphStore.create(tmp_path / "one"), jobs=1)
    two = build([dump], GraphStore.create(tmp_path / "two"), jobs=2)
    assert one.ok and len(one.new) == 12
    assert GraphStore(tmp_path / "one").dump_nquads() == GraphStore(tmp_path / "two").dump_nquads()

    _law_slice(shared_dir, dump, 12, edit_line=5)
    again = build([dump], GraphStore.create(tmp_path / "one"), jobs=2)
    assert len(again.changed) == 1 and len(again.unchanged) == 11 and len(again.documents) == 1
    assert again.changed[0] == one.new[4]
    assert GraphStore(tmp_path / "one").dump_nquads() == _full_rebuild(dump, tmp_path / "full")


def test_documents_without_a_manifest_are_skipped_when_unchanged(corpus_dir, tmp_path):
    # Without a manifest the parser reads title and date from the text; that must not look like a change.
    folder = tmp_path / "bare"
    folder.mkdir()
    shutil.copy(corpus_dir / STATUTE, folder / STATUTE)
    store = GraphStore.create(tmp_path / "s")
    assert build([folder], store, jobs=1).new
    again = build([folder], store, jobs=1)
    assert again.documents == [] and len(again.unchanged) == 1


def test_in_a_jsonl_dump_inserting_a_law_parses_only_that_law(shared_dir, tmp_path):
    dump = tmp_path / "laws.jsonl"
    _law_slice(shared_dir, dump, 8)
    lines = dump.read_text(encoding="utf-8").splitlines()
    shorter = lines[:2] + lines[3:]
    dump.write_text("\n".join(shorter) + "\n", encoding="utf-8")
    store = GraphStore.create(tmp_path / "store")
    assert len(build([dump], store, jobs=1).new) == 7
    dump.write_text("\n".join(lines) + "\n", encoding="utf-8")  # the third law inserted, later laws moved down a line
    again = build([dump], store, jobs=1)
    assert (len(again.new), len(again.unchanged), len(again.changed)) == (1, 7, 0)
    assert GraphStore(tmp_path / "store").dump_nquads() == _full_rebuild(dump, tmp_path / "full")


def test_a_broken_line_of_a_dump_fails_alone_and_the_other_laws_build(shared_dir, tmp_path):
    dump = tmp_path / "laws.jsonl"
    _law_slice(shared_dir, dump, 4)
    lines = dump.read_text(encoding="utf-8").splitlines()
    dump.write_text("\n".join(lines[:2] + ['{"name": "斷行'] + lines[2:]) + "\n", encoding="utf-8")
    report = build([dump], GraphStore.create(tmp_path / "store"), jobs=1)
    assert len(report.new) == 4
    assert [f.message.split(": ", 1)[0] for f in report.failures] == [f"{dump}:line 3"]
