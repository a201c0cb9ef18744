"""What a query worker process does: run one job against the store and return bytes to send.

Runs in a child process (:mod:`tiaoli.server.pool`), so a query that runs
away can be stopped by killing the process, whatever pyoxigraph is doing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from ..graph.namespaces import PREFIXES
from ..graph.store import GraphStore, QueryError
from . import entity
from .sparql_protocol import GRAPH_ALIASES, GRAPH_TYPES, SELECT_ALIASES, SELECT_TYPES, ProtocolError, check_read_only, negotiate


@dataclass(frozen=True)
class Reply:
    status: int
    media_type: str
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()


class Worker:
    """The store as one worker process sees it; reopened when a build makes a new generation live."""

    def __init__(self, store_path: str, max_rows: int):
        self.store_path = Path(store_path)
        self.max_rows = max_rows
        self._store: GraphStore | None = None
        self._generation: Path | None = None

    @property
    def store(self) -> GraphStore:
        live = GraphStore(self.store_path, must_exist=False).live_generation()
        if self._store is None or live != self._generation:
            self._store = GraphStore(self.store_path)
            self._generation = live
        return self._store

    def handle(self, job: tuple) -> Reply:
        kind, *args = job
        try:
            if kind == "sparql":
                return self.sparql(*args)
            if kind == "resource":
                return self.resource(*args)
            if kind == "entity":
                return Reply(200, "application/json", json.dumps(entity.entity_view(self.store, *args)).encode("utf-8"))
            if kind == "ping":
                return Reply(200, "text/plain", b"ok")
        except ProtocolError as exc:
            return Reply(exc.status, "text/plain; charset=utf-8", exc.message.encode("utf-8"))
        except QueryError as exc:
            return Reply(400, "text/plain; charset=utf-8", str(exc).encode("utf-8"))
        raise ValueError(f"unknown job {kind!r}")

    # -- SPARQL protocol -----------------------------------------------------------
    def sparql(self, query: str, accept: str | None, default_graphs: tuple[str, ...] = (), named_graphs: tuple[str, ...] = ()) -> Reply:
        check_read_only(query)
        store = self.store.store
        options: dict = {"prefixes": PREFIXES}
        if default_graphs:
            options["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
        else:
            options["use_default_graph_as_union"] = True
        if named_graphs:
            options["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
        try:
            result = store.query(query, **options)
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {' '.join(str(exc).split())}") from None
        except (OSError, RuntimeError, ValueError) as exc:
            raise QueryError(f"SPARQL evaluation failed: {exc}") from None
        if isinstance(result, (ox.QuerySolutions, ox.QueryBoolean)):
            media = negotiate(accept, list(SELECT_TYPES), SELECT_ALIASES)
            if media is None:
                raise ProtocolError(406, f"cannot answer a SELECT or ASK query as {accept}; acceptable: {', '.join(SELECT_TYPES)}")
            return self._solutions(result, media)
        media = negotiate(accept, list(GRAPH_TYPES), GRAPH_ALIASES)
        if media is None:
            raise ProtocolError(406, f"cannot answer a CONSTRUCT or DESCRIBE query as {accept}; acceptable: {', '.join(GRAPH_TYPES)}")
        return self._triples(list(_take(result, self.max_rows + 1)), media)

    def _solutions(self, result: ox.QuerySolutions | ox.QueryBoolean, media: str) -> Reply:
        fmt = SELECT_TYPES[media]
        if isinstance(result, ox.QueryBoolean):
            return Reply(200, _with_charset(media), result.serialize(format=fmt))
        variables = [v.value for v in result.variables]
        rows = list(_take(result, self.max_rows + 1))
        truncated = len(rows) > self.max_rows
        document = {
            "head": {"vars": variables},
            "results": {"bindings": [{v: _json_term(s[v]) for v in variables if s[v] is not None} for s in rows[: self.max_rows]]},
        }
        body = json.dumps(document, ensure_ascii=False).encode("utf-8")
        if fmt != ox.QueryResultsFormat.JSON:
            body = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON).serialize(format=fmt)
        return Reply(200, _with_charset(media), body, _cap_headers(truncated, self.max_rows))

    def _triples(self, triples: list, media: str) -> Reply:
        truncated = len(triples) > self.max_rows
        body = ox.serialize(triples[: self.max_rows], format=GRAPH_TYPES[media], prefixes=PREFIXES if media == "text/turtle" else None)
        return Reply(200, _with_charset(media), body, _cap_headers(truncated, self.max_rows))

    # -- linked data -----------------------------------------------------------------
    def resource(self, iri: str, media: str) -> Reply:
        """The triples about one node (as subject), for Turtle / JSON-LD dereferencing."""
        store = self.store.store
        triples = [ox.Triple(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(ox.NamedNode(iri), None, None, None)]
        if not triples:
            raise ProtocolError(404, f"{iri}: no such node in this graph")
        return self._triples(sorted(set(triples), key=str), media)


def _take(iterator, n: int):
    for count, item in enumerate(iterator):
        if count >= n:
            return
        yield item


def _json_term(term: object) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            out["datatype"] = term.datatype.value
        return out
    return {"type": "literal", "value": str(term)}


def _with_charset(media: str) -> str:
    return media if media.startswith("application/") and "json" in media else f"{media}; charset=utf-8"


def _cap_headers(truncated: bool, max_rows: int) -> tuple[tuple[str, str], ...]:
    return (("X-Tiaoli-Truncated", f"results cut at --max-rows {max_rows}"),) if truncated else ()
