"""``tiaoli push`` into real standalone servers (Oxigraph and Virtuoso), and the competency queries run there unchanged."""

from __future__ import annotations

from decimal import Decimal

import httpx
import pyoxigraph as ox
import pytest
from cli_support import run_cli
from server_support import free_port, oxigraph_server, virtuoso_server

from tiaoli.competency import competency_queries
from tiaoli.graph.store import GraphStore
from tiaoli.remote import Credentials, push, remote_query
from tiaoli.values import to_python

QUERIES = competency_queries()
VIRTUOSO_ADMIN = Credentials("dba", "dba", digest=True)


def canonical(term) -> tuple:
    """A term by its value: servers may write the same value differently ("1" for true, zh-hant-tw for zh-Hant-TW)."""
    if term is None:
        return ("unbound", "", "")
    if isinstance(term, ox.NamedNode):
        return ("iri", term.value, "")
    value = to_python(term)
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, (int, float, Decimal)):
        text = format(Decimal(str(value)).normalize(), "f")
    else:
        text = str(value)
    return ("literal", text, (term.language or "").lower())


def rows(solutions) -> list[tuple]:
    variables = list(solutions.variables)
    return sorted(tuple(canonical(s[v]) for v in variables) for s in solutions)


@pytest.fixture(scope="module", params=["oxigraph", "virtuoso"])
def remote(request, tmp_path_factory, seed_store):
    """A server holding the seed corpus pushed with the command line: (query endpoint, credentials)."""
    folder = tmp_path_factory.mktemp(request.param)
    if request.param == "oxigraph":
        with oxigraph_server(folder) as base:
            result = run_cli("push", "--endpoint", base + "/query", "--store", seed_store.path)
            assert result.returncode == 0, result.stderr
            yield base + "/query", None
    else:
        with virtuoso_server(folder) as base:
            result = run_cli(
                "push", "--endpoint", base + "/sparql", "--graph-store", base + "/sparql-graph-crud-auth",
                "--user", "dba", "--digest", "--store", seed_store.path, env={"TIAOLI_REMOTE_PASSWORD": "dba"},
            )
            assert result.returncode == 0, result.stderr
            yield base + "/sparql", VIRTUOSO_ADMIN


def test_push_loads_every_document_graph(remote, seed_store):
    endpoint, credentials = remote
    graphs = remote_query(endpoint, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s tl:contentHash ?h } }", credentials=credentials).raw
    assert sorted(s["g"].value for s in graphs) == seed_store.named_graphs()
    for graph in seed_store.named_graphs():
        count = remote_query(endpoint, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}", credentials=credentials).raw
        assert int(next(iter(count))["n"].value) == sum(1 for _ in seed_store.quads(graph))


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_every_competency_query_gives_the_same_rows_on_the_server(remote, seed_store, name):
    endpoint, credentials = remote
    answer = remote_query(endpoint, QUERIES[name].text, credentials=credentials).raw
    expected = seed_store.query(QUERIES[name].text).raw
    assert rows(answer) == rows(expected)


def test_a_second_push_sends_nothing(remote, seed_store, tmp_path):
    endpoint, credentials = remote
    graph_store = endpoint.replace("/query", "/store") if credentials is None else endpoint + "-graph-crud-auth"
    report = push(seed_store, endpoint, graph_store, credentials=credentials)
    assert not report.uploaded and not report.deleted and len(report.unchanged) == len(seed_store.named_graphs())


def test_query_command_runs_a_shipped_query_file_against_the_endpoint(tmp_path, repo_dir, seed_store):
    with oxigraph_server(tmp_path / "oxigraph") as base:
        assert run_cli("push", "--endpoint", base + "/query", "--store", seed_store.path).returncode == 0
        query = repo_dir / "graph" / "queries" / "legco-programmes.rq"
        result = run_cli("query", query, "--endpoint", base + "/query", "--format", "csv")
    assert result.returncode == 0, result.stderr
    local = run_cli("query", query, "--store", seed_store.path, "--format", "csv")
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
        tampered = smaller.named_graphs()[0]
        assert httpx.post(base + "/update", data={"update": f"INSERT DATA {{ GRAPH <{tampered}> {{ <urn:x> <urn:y> <urn:z> }} }}"}).status_code < 300
        third = push(smaller, endpoint, graph_store)
        assert third.uploaded == [tampered]
        assert len(third.deleted) == 1 and "accounting-act" in third.deleted[0]
        graphs = remote_query(endpoint, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }").raw
        assert sorted(s["g"].value for s in graphs) == smaller.named_graphs()
        assert not bool(remote_query(endpoint, "ASK { <urn:x> <urn:y> <urn:z> }").raw)


def test_push_leaves_graphs_of_other_applications_alone(tmp_path, seed_store):
    with oxigraph_server(tmp_path / "oxigraph") as base:
        other = "http://example.org/someone-elses-graph"
        httpx.post(base + "/update", data={"update": f"INSERT DATA {{ GRAPH <{other}> {{ <urn:a> <urn:b> <urn:c> }} }}"}).raise_for_status()
        report = push(seed_store, base + "/query", base + "/store")
        assert other not in report.deleted
        assert bool(remote_query(base + "/query", f"ASK {{ GRAPH <{other}> {{ ?s ?p ?o }} }}").raw)


def test_wrong_credentials_are_a_clear_error(tmp_path, seed_store):
    with virtuoso_server(tmp_path / "virtuoso") as base:
        result = run_cli(
            "push", "--endpoint", base + "/sparql", "--graph-store", base + "/sparql-graph-crud-auth",
            "--user", "dba", "--digest", "--store", seed_store.path, env={"TIAOLI_REMOTE_PASSWORD": "wrong"},
        )
    assert result.returncode == 1
    assert "failed with 401" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_remote_errors_are_one_line():
    result = run_cli("query", "ASK {}", "--endpoint", f"http://127.0.0.1:{free_port()}/query")
    assert result.returncode != 0
    assert result.stderr.startswith("tiaoli: http://127.0.0.1:") and len(result.stderr.strip().splitlines()) == 1
