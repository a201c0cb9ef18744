"""``tiaoli push`` into a real standalone Oxigraph server, and the competency queries run there unchanged."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from cli_support import run_cli
from server_support import oxigraph_server

from tiaoli.competency import competency_queries
from tiaoli.graph.store import GraphStore
from tiaoli.remote import push, remote_query

QUERIES = competency_queries()


def _rows(solutions) -> list[tuple]:
    variables = list(solutions.variables)
    return sorted(tuple(str(s[v]) if s[v] is not None else "" for v in variables) for s in solutions)


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory, seed_store):
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph")) as base:
        result = run_cli("push", "--endpoint", base + "/query", "--store", seed_store.path)
        assert result.returncode == 0, result.stderr
        yield base


def test_push_loads_every_document_graph(oxigraph, seed_store):
    graphs = remote_query(oxigraph + "/query", "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }").raw
    assert sorted(s["g"].value for s in graphs) == seed_store.named_graphs()
    count = remote_query(oxigraph + "/query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").raw
    assert int(next(iter(count))["n"].value) == len(seed_store)


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_every_competency_query_gives_the_same_rows_on_the_server(oxigraph, seed_store, name):
    remote = remote_query(oxigraph + "/query", QUERIES[name].text)
    assert _rows(remote.raw) == _rows(seed_store.query(QUERIES[name].text).raw)


def test_query_command_runs_a_shipped_query_file_against_the_endpoint(oxigraph, repo_dir, seed_store):
    result = run_cli("query", repo_dir / "graph" / "queries" / "legco-programmes.rq", "--endpoint", oxigraph + "/query", "--format", "csv")
    assert result.returncode == 0, result.stderr
    local = run_cli("query", repo_dir / "graph" / "queries" / "legco-programmes.rq", "--store", seed_store.path, "--format", "csv")
    assert sorted(result.stdout.splitlines()) == sorted(local.stdout.splitlines())


def test_push_sends_only_changed_graphs_and_deletes_removed_ones(tmp_path, corpus_dir):
    from tiaoli.graph.build import build

    store = GraphStore.create(tmp_path / "store")
    assert build([corpus_dir], store).ok
    store = GraphStore(store.path)
    with oxigraph_server(tmp_path / "oxigraph") as base:
        endpoint, graph_store = base + "/query", base + "/store"
        first = push(store, endpoint, graph_store)
        assert len(first.uploaded) == 3 and not first.unchanged and not first.deleted
        again = push(store, endpoint, graph_store)
        assert not again.uploaded and len(again.unchanged) == 3

        # One document fewer, and another graph changed on the server behind tiaoli's back.
        statute = next(p for p in sorted(corpus_dir.glob("*.txt")) if p.name.startswith("003_"))
        smaller = GraphStore.create(tmp_path / "smaller")
        assert build([p for p in sorted(corpus_dir.glob("*.txt")) if p != statute], smaller).ok
        smaller = GraphStore(smaller.path)
        import httpx

        tampered = smaller.named_graphs()[0]
        assert httpx.post(base + "/update", data={"update": f"INSERT DATA {{ GRAPH <{tampered}> {{ <urn:x> <urn:y> <urn:z> }} }}"}).status_code < 300
        third = push(smaller, endpoint, graph_store)
        assert third.uploaded == [tampered]
        assert len(third.deleted) == 1 and "accounting-act" in third.deleted[0]
        graphs = remote_query(endpoint, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }").raw
        assert sorted(s["g"].value for s in graphs) == smaller.named_graphs()
        leftover = remote_query(endpoint, "ASK { <urn:x> <urn:y> <urn:z> }").raw
        assert not bool(leftover)


def test_push_leaves_graphs_of_other_applications_alone(tmp_path, seed_store):
    import httpx

    with oxigraph_server(tmp_path / "oxigraph") as base:
        other = "http://example.org/someone-elses-graph"
        httpx.post(base + "/update", data={"update": f"INSERT DATA {{ GRAPH <{other}> {{ <urn:a> <urn:b> <urn:c> }} }}"}).raise_for_status()
        report = push(seed_store, base + "/query", base + "/store")
        assert other not in report.deleted
        assert bool(remote_query(base + "/query", f"ASK {{ GRAPH <{other}> {{ ?s ?p ?o }} }}").raw)


def test_remote_errors_are_one_line(tmp_path):
    from server_support import free_port

    result = run_cli("query", "ASK {}", "--endpoint", f"http://127.0.0.1:{free_port()}/query")
    assert result.returncode != 0
    assert result.stderr.startswith("tiaoli: http://127.0.0.1:") and len(result.stderr.strip().splitlines()) == 1
