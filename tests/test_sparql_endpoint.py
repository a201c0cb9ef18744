"""``tiaoli serve`` as off-the-shelf clients see it: SPARQLWrapper and plain HTTP, over a real uvicorn server.

Every competency query must give over HTTP, in every result format, the
rows the embedded store gives; writes, LOAD and SERVICE are refused; a
runaway query is stopped at the timeout; a burst of concurrent requests is
answered correctly.
"""

from __future__ import annotations

import asyncio
import csv
import io
import json

import httpx
import pyoxigraph as ox
import pytest
from SPARQLWrapper import JSON, TURTLE, SPARQLWrapper
from server_support import tiaoli_server

from tiaoli.competency import competency_queries
from tiaoli.graph.namespaces import ID

QUERIES = competency_queries()
RESULT_TYPES = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
TIMEOUT = 3


@pytest.fixture(scope="module")
def server(seed_store):
    with tiaoli_server(seed_store.path, "--timeout", str(TIMEOUT), "--workers", "2") as base:
        yield base


def embedded_rows(seed_store, query: str) -> list[tuple]:
    """The rows the embedded store gives, as sorted tuples of terms in N-Triples form."""
    solutions = seed_store.query(query).raw
    return _rows(solutions)


def _rows(solutions) -> list[tuple]:
    variables = list(solutions.variables)
    return sorted(tuple(str(s[v]) if s[v] is not None else "" for v in variables) for s in solutions)


def _json_rows(document: dict) -> list[tuple]:
    parsed = ox.parse_query_results(json.dumps(document), format=ox.QueryResultsFormat.JSON)
    return _rows(parsed)


def test_competency_queries_are_shipped():
    assert {"law-articles", "legco-programmes", "metrics", "report-training"} <= set(QUERIES)


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_sparqlwrapper_gets_every_competency_query_right(server, seed_store, name):
    client = SPARQLWrapper(server + "/sparql")
    client.setQuery(QUERIES[name].text)
    client.setReturnFormat(JSON)
    answer = client.query().convert()
    assert _json_rows(answer) == embedded_rows(seed_store, QUERIES[name].text)


@pytest.mark.parametrize("media", sorted(RESULT_TYPES))
@pytest.mark.parametrize("name", sorted(QUERIES))
def test_plain_http_with_each_accept_type(server, seed_store, name, media):
    response = httpx.post(server + "/sparql", data={"query": QUERIES[name].text}, headers={"Accept": media}, timeout=60)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith(media)
    assert _rows(ox.parse_query_results(response.content, format=RESULT_TYPES[media])) == embedded_rows(seed_store, QUERIES[name].text)


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_csv_answers_match_the_embedded_store(server, seed_store, name):
    response = httpx.get(server + "/sparql", params={"query": QUERIES[name].text}, headers={"Accept": "text/csv"}, timeout=60)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    expected = seed_store.query(QUERIES[name].text).serialize(ox.QueryResultsFormat.CSV).decode("utf-8")
    got_rows, expected_rows = list(csv.reader(io.StringIO(response.text))), list(csv.reader(io.StringIO(expected)))
    assert got_rows[0] == expected_rows[0]
    assert sorted(got_rows[1:]) == sorted(expected_rows[1:])


def test_sparql_query_body_and_ask(server):
    response = httpx.post(
        server + "/sparql", content="ASK { ?p a tl:Programme }".encode(), timeout=30,
        headers={"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"},
    )
    assert response.status_code == 200 and response.json()["boolean"] is True


GRAPH_QUERY = "CONSTRUCT { ?p rdfs:label ?l } WHERE { ?p a tl:Programme ; rdfs:label ?l }"


@pytest.mark.parametrize("media,fmt", [("text/turtle", ox.RdfFormat.TURTLE), ("application/n-triples", ox.RdfFormat.N_TRIPLES), ("application/ld+json", ox.RdfFormat.JSON_LD)])
def test_construct_in_each_graph_format(server, seed_store, media, fmt):
    response = httpx.post(server + "/sparql", data={"query": GRAPH_QUERY}, headers={"Accept": media}, timeout=30)
    assert response.status_code == 200 and response.headers["content-type"].startswith(media)
    got = {str(t) for t in ox.parse(response.content, format=fmt)}
    expected = {str(t) for t in seed_store.query(GRAPH_QUERY).raw}
    assert got == expected and len(got) == 5


def test_sparqlwrapper_construct_as_turtle(server):
    client = SPARQLWrapper(server + "/sparql")
    client.setQuery(GRAPH_QUERY)
    client.setReturnFormat(TURTLE)
    graph = ox.parse(client.query().convert(), format=ox.RdfFormat.TURTLE)
    assert len(list(graph)) == 5


def test_unacceptable_type_is_406(server):
    response = httpx.get(server + "/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 1"}, headers={"Accept": "image/png"})
    assert response.status_code == 406 and "application/sparql-results+json" in response.text


# -- read-only -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "request_kwargs,expected",
    [
        ({"data": {"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}}, "SPARQL Update is not allowed"),
        ({"content": b"DELETE WHERE { ?s ?p ?o }", "headers": {"Content-Type": "application/sparql-update"}}, "SPARQL Update is not allowed"),
        ({"data": {"query": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}}, "SPARQL Update is not allowed"),
        ({"data": {"query": "LOAD <http://127.0.0.1:9/data.ttl>"}}, "LOAD is not allowed"),
        ({"data": {"query": "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"}}, "SERVICE (federated query) is not allowed"),
        ({"data": {"query": "select * { ?s ?p ?o . # a comment\n service silent <http://127.0.0.1:9/> { ?a ?b ?c } }"}}, "SERVICE (federated query) is not allowed"),
    ],
)
def test_writes_load_and_service_are_refused(server, seed_store, request_kwargs, expected):
    before = len(seed_store)
    response = httpx.post(server + "/sparql", timeout=30, **request_kwargs)
    assert 400 <= response.status_code < 500
    assert expected in response.text
    assert len(seed_store) == before


def test_the_word_service_in_a_string_or_variable_is_not_refused(server):
    query = 'SELECT ?service WHERE { BIND("SERVICE <http://127.0.0.1:9/>" AS ?service) }'
    response = httpx.post(server + "/sparql", data={"query": query}, headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200, response.text


def test_syntax_error_is_400_with_position(server):
    response = httpx.post(server + "/sparql", data={"query": "SELEC ?s WHERE { ?s ?p ?o }"})
    assert response.status_code == 400 and "1:" in response.text


# -- limits -------------------------------------------------------------------------------------
def test_runaway_query_is_cut_off_at_the_timeout_and_the_server_goes_on(server):
    response = httpx.post(server + "/sparql", data={"query": RUNAWAY}, timeout=TIMEOUT * 10)
    assert response.status_code == 503
    assert "timeout" in response.text and f"{TIMEOUT} s" in response.text
    after = httpx.post(server + "/sparql", data={"query": "ASK { ?s ?p ?o }"}, headers={"Accept": "application/sparql-results+json"}, timeout=30)
    assert after.status_code == 200 and after.json()["boolean"] is True


def test_results_are_capped_at_max_rows(seed_store):
    with tiaoli_server(seed_store.path, "--max-rows", "7", "--workers", "1") as base:
        response = httpx.post(base + "/sparql", data={"query": "SELECT * WHERE { ?s ?p ?o }"}, headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200
    assert len(response.json()["results"]["bindings"]) == 7
    assert "max-rows 7" in response.headers["x-tiaoli-truncated"]


def test_200_concurrent_requests_all_answer_correctly(server, seed_store):
    names = sorted(QUERIES)
    expected = {name: embedded_rows(seed_store, QUERIES[name].text) for name in names}

    async def burst() -> list[tuple[str, httpx.Response]]:
        limits = httpx.Limits(max_connections=200, max_keepalive_connections=0)
        async with httpx.AsyncClient(limits=limits, timeout=120) as client:
            async def one(i: int):
                name = names[i % len(names)]
                response = await client.post(server + "/sparql", data={"query": QUERIES[name].text}, headers={"Accept": "application/sparql-results+json"})
                return name, response

            return await asyncio.wait_for(asyncio.gather(*(one(i) for i in range(200))), timeout=240)

    answers = asyncio.run(burst())
    assert len(answers) == 200
    for name, response in answers:
        assert response.status_code == 200, response.text
        assert _json_rows(response.json()) == expected[name], name


# -- service description, CORS -------------------------------------------------------------------
@pytest.mark.parametrize("path", ["/sparql", "/service-description"])
def test_service_description(server, path):
    response = httpx.get(server + path)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/turtle")
    triples = {(t.predicate.value, str(t.object)) for t in ox.parse(response.content, format=ox.RdfFormat.TURTLE)}
    sd = "http://www.w3.org/ns/sparql-service-description#"
    assert (sd + "supportedLanguage", f"<{sd}SPARQL11Query>") in triples
    assert (sd + "endpoint", f"<{server}/sparql>") in triples


def test_cors_for_browser_clients(server):
    preflight = httpx.options(server + "/sparql", headers={"Origin": "https://yasgui.example", "Access-Control-Request-Method": "POST"})
    assert preflight.status_code == 200 and preflight.headers["access-control-allow-origin"] == "*"
    answer = httpx.get(server + "/sparql", params={"query": "ASK {}"}, headers={"Origin": "https://yasgui.example"})
    assert answer.headers["access-control-allow-origin"] == "*"


def test_binds_to_loopback_by_default():
    from tiaoli.cli import build_parser

    args = build_parser().parse_args(["serve"])
    assert args.host == "127.0.0.1"


# -- entity pages ------------------------------------------------------------------------------------
def _programme(seed_store) -> str:
    return next(iter(seed_store.query("SELECT ?p WHERE { ?p a tl:Programme } ORDER BY ?p LIMIT 1").raw))["p"].value


@pytest.mark.parametrize("media,fmt", [("text/turtle", ox.RdfFormat.TURTLE), ("application/ld+json", ox.RdfFormat.JSON_LD), ("application/n-triples", ox.RdfFormat.N_TRIPLES)])
def test_minted_iri_dereferences_as_rdf(server, seed_store, media, fmt):
    iri = _programme(seed_store)
    response = httpx.get(server + "/id/" + iri[len(ID):], headers={"Accept": media})
    assert response.status_code == 200 and response.headers["content-type"].startswith(media)
    triples = list(ox.parse(response.content, format=fmt))
    assert triples and all(t.subject.value == iri for t in triples)
    expected = {str(q.object) for q in seed_store.store.quads_for_pattern(ox.NamedNode(iri), None, None, None)}
    assert {str(t.object) for t in triples} == expected


def test_minted_iri_as_html_shows_the_quoted_span_in_context(server, seed_store):
    iri = _programme(seed_store)
    label = next(iter(seed_store.query(f"SELECT ?l WHERE {{ <{iri}> rdfs:label ?l }}").raw))["l"].value
    response = httpx.get(server + "/page", params={"iri": iri}, headers={"Accept": "text/html"}, follow_redirects=True)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    assert f'<mark class="span">{label}</mark>' in response.text
    assert "Noto Sans CJK TC" in httpx.get(server + "/static/style.css").text


def test_unknown_iri_is_404(server):
    assert httpx.get(server + "/id/no/such/node", headers={"Accept": "text/html"}).status_code == 404
    assert httpx.get(server + "/id/no/such/node", headers={"Accept": "text/turtle"}).status_code == 404
