"""The SPARQL Protocol rules of ``tiaoli serve`` that need no server: negotiation and the read-only check."""

from __future__ import annotations

import pytest

from tiaoli.server.sparql_protocol import (
    GRAPH_TYPES,
    SELECT_ALIASES,
    SELECT_TYPES,
    ProtocolError,
    check_read_only,
    negotiate,
    request_from_params,
)

SELECT = list(SELECT_TYPES)


@pytest.mark.parametrize(
    "accept,expected",
    [
        (None, "application/sparql-results+json"),
        ("*/*", "application/sparql-results+json"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values;q=0.9, text/csv;q=0.5", "text/tab-separated-values"),
        ("application/json", "application/sparql-results+json"),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "application/sparql-results+xml"),
        ("image/png", None),
        ("text/csv;q=0", None),
    ],
)
def test_negotiate_result_formats(accept, expected):
    assert negotiate(accept, SELECT, SELECT_ALIASES) == expected


def test_an_exact_type_beats_a_wildcard_of_equal_weight():
    assert negotiate("text/html, */*", ["text/turtle", "text/html"]) == "text/html"
    assert negotiate("*/*", ["text/turtle", "text/html"]) == "text/turtle"
    assert negotiate("application/*", list(GRAPH_TYPES)) == "application/n-triples"


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { ?s ?p ?o }",
        'SELECT ?service WHERE { ?service ?p "SERVICE LOAD INSERT" }',
        "SELECT * WHERE { ?s ?p <http://example.org/SERVICE> } # SERVICE <http://127.0.0.1:9/>",
        "SELECT ?x WHERE { ?x tl:load ?y }",  # a predeclared prefix rdflib cannot resolve
        "ASK { ?s a tl:Programme }",
        "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",
    ],
)
def test_read_only_queries_pass(query):
    check_read_only(query)


@pytest.mark.parametrize(
    "query,message",
    [
        ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", "SERVICE"),
        ("SELECT * WHERE { ?a ?b ?c . OPTIONAL { service silent <http://127.0.0.1:9/> { ?s ?p ?o } } }", "SERVICE"),
        ("SELECT * WHERE { ?x tl:p ?y . SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", "SERVICE"),
        ("LOAD <http://127.0.0.1:9/data.ttl>", "LOAD"),
        ("load silent <http://127.0.0.1:9/x> into graph <urn:g>", "LOAD"),
        ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "SPARQL Update"),
        ("DELETE WHERE { ?s ?p ?o }", "SPARQL Update"),
        ("DROP ALL", "SPARQL Update"),
    ],
)
def test_updates_load_and_service_are_refused(query, message):
    with pytest.raises(ProtocolError) as refused:
        check_read_only(query)
    assert refused.value.status == 403 and message in refused.value.message


def test_request_parameters():
    request = request_from_params([("query", "ASK {}"), ("default-graph-uri", "urn:g1"), ("named-graph-uri", "urn:g2")])
    assert (request.query, request.default_graphs, request.named_graphs) == ("ASK {}", ("urn:g1",), ("urn:g2",))
    with pytest.raises(ProtocolError, match="missing 'query'"):
        request_from_params([])
    with pytest.raises(ProtocolError, match="exactly one"):
        request_from_params([("query", "ASK {}"), ("query", "ASK {}")])


def test_remote_credentials_come_from_the_environment(monkeypatch):
    from tiaoli.cli import build_parser
    from tiaoli.commands.push import credentials

    monkeypatch.delenv("TIAOLI_REMOTE_TOKEN", raising=False)
    monkeypatch.setenv("TIAOLI_REMOTE_PASSWORD", "s3cret")
    args = build_parser().parse_args(["push", "--endpoint", "http://127.0.0.1:1/query", "--user", "dba", "--digest"])
    found = credentials(args)
    assert (found.user, found.password, found.digest, found.token) == ("dba", "s3cret", True, None)
    monkeypatch.setenv("TIAOLI_REMOTE_TOKEN", "t0ken")
    assert credentials(build_parser().parse_args(["query", "ASK {}", "--endpoint", "http://127.0.0.1:1/"])).token == "t0ken"
