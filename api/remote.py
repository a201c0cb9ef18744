"""Talking to a standalone triple store through the two W3C protocols only.

* SPARQL 1.1 Protocol (query): :func:`remote_query`.
* SPARQL 1.1 Graph Store HTTP Protocol (indirect graph identification,
  ``?graph=IRI``): :func:`push` PUTs each changed document graph and DELETEs
  tiaoli graphs the local store no longer has.

Nothing else is assumed about the server, so Oxigraph, Virtuoso, GraphDB,
Stardog, QLever or Neptune can be swapped in (docs/production-stores.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import pyoxigraph as ox

from .competency import with_prefixes
from .extract.errors import TiaoliError
from .graph.namespaces import GRAPH
from .graph.store import GraphStore, QueryError, QueryResult

ACCEPT_SELECT = "application/sparql-results+json"
ACCEPT_GRAPH = "application/n-triples"
TIMEOUT = 120.0

# What identifies a document graph's content: its source's hash, the parser
# that read it and how many triples it has (a mapping change shows in the count).
GRAPH_STATE = """
SELECT ?g ?hash ?parser (COUNT(*) AS ?triples) WHERE {
  GRAPH ?g {
    ?s ?p ?o .
    OPTIONAL { ?doc a tl:SourceDocument ; tl:contentHash ?hash ; tl:parserVersion ?parser }
  }
  FILTER(STRSTARTS(STR(?g), "%s"))
} GROUP BY ?g ?hash ?parser
""" % GRAPH


class RemoteError(TiaoliError):
    pass


@dataclass
class PushReport:
    uploaded: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    triples: int = 0


@dataclass(frozen=True)
class Credentials:
    """HTTP credentials for a remote store: user and password (Basic, or Digest) or a bearer token."""

    user: str | None = None
    password: str = ""
    digest: bool = False
    token: str | None = None


def _client(credentials: Credentials | None):
    import httpx

    c = credentials or Credentials()
    headers = {"Authorization": f"Bearer {c.token}"} if c.token else {}
    auth = None
    if c.user is not None:
        auth = httpx.DigestAuth(c.user, c.password) if c.digest else httpx.BasicAuth(c.user, c.password)
    return httpx.Client(timeout=TIMEOUT, auth=auth, headers=headers)


def remote_query(endpoint: str, sparql: str, *, credentials: Credentials | None = None) -> QueryResult:
    """Run a query on a remote SPARQL endpoint; tiaoli's predeclared prefixes are written out for it."""
    import httpx

    try:
        with _client(credentials) as client:
            response = client.post(
                endpoint,
                data={"query": with_prefixes(sparql)},
                headers={"Accept": f"{ACCEPT_SELECT}, application/sparql-results+xml;q=0.9, {ACCEPT_GRAPH};q=0.8, text/turtle;q=0.7"},
            )
    except httpx.HTTPError as exc:
        raise RemoteError(f"{endpoint}: {exc}") from None
    if response.status_code >= 400:
        raise QueryError(f"{endpoint} answered {response.status_code}: {response.text.strip()[:500]}")
    media = response.headers.get("content-type", "").split(";")[0].strip().lower()
    results_format = ox.QueryResultsFormat.from_media_type(media)
    if results_format is not None:
        parsed = ox.parse_query_results(response.content, format=results_format)
        return QueryResult("ask" if isinstance(parsed, ox.QueryBoolean) else "select", parsed)
    rdf_format = ox.RdfFormat.from_media_type(media)
    if rdf_format is None:
        raise RemoteError(f"{endpoint}: unexpected answer type {media!r}")
    return QueryResult("graph", _Triples(list(ox.parse(response.content, format=rdf_format))))


class _Triples(list):
    """Triples parsed from a remote answer, serialisable like pyoxigraph's own results."""

    def serialize(self, format: ox.RdfFormat) -> bytes:  # noqa: A002 - pyoxigraph's keyword
        return ox.serialize([ox.Triple(t.subject, t.predicate, t.object) for t in self], format=format)


def _graph_state(rows) -> dict[str, tuple]:
    state: dict[str, tuple] = {}
    for row in rows:
        g = row["g"].value
        hash_, parser = row["hash"], row["parser"]
        current = state.get(g, (None, None, 0))
        state[g] = (
            hash_.value if hash_ is not None else current[0],
            parser.value if parser is not None else current[1],
            current[2] + int(row["triples"].value),
        )
    return state


def push(
    store: GraphStore,
    endpoint: str,
    graph_store: str,
    *,
    credentials: Credentials | None = None,
    dry_run: bool = False,
    progress: Callable[[str, str], None] | None = None,
) -> PushReport:
    """Make the server hold exactly the local document graphs, sending only those that changed."""
    import httpx

    report = PushReport()
    local = _graph_state(store.query(GRAPH_STATE).raw)  # type: ignore[arg-type]
    remote = _graph_state(remote_query(endpoint, GRAPH_STATE, credentials=credentials).raw)  # type: ignore[arg-type]
    try:
        with _client(credentials) as client:
            for graph in sorted(local):
                if remote.get(graph) == local[graph]:
                    report.unchanged.append(graph)
                    continue
                body = ox.serialize(
                    [ox.Triple(q.subject, q.predicate, q.object) for q in store.quads(graph)], format=ox.RdfFormat.N_TRIPLES
                )
                if not dry_run:
                    _check(client.put(graph_store, params={"graph": graph}, content=body, headers={"Content-Type": ACCEPT_GRAPH}), "PUT", graph)
                report.uploaded.append(graph)
                report.triples += local[graph][2]
                if progress:
                    progress("put", graph)
            for graph in sorted(set(remote) - set(local)):
                if not dry_run:
                    _check(client.delete(graph_store, params={"graph": graph}), "DELETE", graph)
                report.deleted.append(graph)
                if progress:
                    progress("delete", graph)
    except httpx.HTTPError as exc:
        raise RemoteError(f"{graph_store}: {exc}") from None
    return report


def _check(response, verb: str, graph: str) -> None:
    if response.status_code >= 400:
        raise RemoteError(f"{verb} {graph} at {response.request.url} failed with {response.status_code}: {response.text.strip()[:300]}")
