"""The HTTP server: SPARQL 1.1 Protocol at /sparql, a query page at /, entity pages at /id/… and /page.

Starlette routes requests; every store access runs in a killable worker
process (:mod:`tiaoli.server.pool`).  Nothing here writes to the store.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from urllib.parse import parse_qsl

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..competency import competency_queries
from ..graph.namespaces import ID
from . import pages
from .pool import QueryTimeout, ServerBusy, WorkerPool
from .sparql_protocol import GRAPH_TYPES, ProtocolError, QueryRequest, negotiate, request_from_params, service_description

ENTITY_TYPES = ["text/html", *GRAPH_TYPES]
FORMAT_PARAMETER = {"turtle": "text/turtle", "ttl": "text/turtle", "jsonld": "application/ld+json", "ntriples": "application/n-triples", "nt": "application/n-triples", "html": "text/html"}


@dataclass(frozen=True)
class Settings:
    store: Path
    timeout: float = 30.0
    max_rows: int = 10000
    workers: int = 2


def _error(status: int, message: str) -> PlainTextResponse:
    return PlainTextResponse(message.rstrip() + "\n", status_code=status)


def create_app(settings: Settings) -> Starlette:
    pool = WorkerPool(str(settings.store), size=settings.workers, timeout=settings.timeout, max_rows=settings.max_rows)

    async def run(job: tuple) -> Response:
        try:
            reply = await pool.call(job)
        except QueryTimeout as exc:
            return _error(503, f"SPARQL query timeout: {exc} (server option --timeout)")
        except ServerBusy as exc:
            return _error(503, f"server busy: {exc}; try again")
        except RuntimeError as exc:
            return _error(500, str(exc))
        return Response(reply.body, status_code=reply.status, media_type=reply.media_type, headers=dict(reply.headers))

    async def sparql(request: Request) -> Response:
        try:
            query = await _query_request(request)
        except ProtocolError as exc:
            return _error(exc.status, exc.message)
        if query is None:
            endpoint = str(request.url.replace(query=""))
            return Response(service_description(endpoint), media_type="text/turtle; charset=utf-8")
        return await run(("sparql", query.query, request.headers.get("accept"), query.default_graphs, query.named_graphs))

    async def description(request: Request) -> Response:
        endpoint = str(request.url_for("sparql"))
        return Response(service_description(endpoint), media_type="text/turtle; charset=utf-8")

    async def queries(request: Request) -> JSONResponse:
        return JSONResponse([{"name": q.name, "description": q.description, "query": q.text} for q in competency_queries().values()])

    async def entity(request: Request, iri: str) -> Response:
        chosen = FORMAT_PARAMETER.get(request.query_params.get("format", "").lower())
        media = chosen or negotiate(request.headers.get("accept"), ENTITY_TYPES)
        if media is None:
            return _error(406, f"acceptable: {', '.join(ENTITY_TYPES)}")
        if media != "text/html":
            return await run(("resource", iri, media))
        try:
            reply = await pool.call(("entity", iri))
        except QueryTimeout as exc:
            return _error(503, str(exc))
        if reply.status != 200:
            return Response(reply.body, status_code=reply.status, media_type=reply.media_type)
        view = json.loads(reply.body)
        if not view["found"]:
            return HTMLResponse(pages.not_found_page(iri), status_code=404)
        return HTMLResponse(pages.entity_page(view), headers={"Vary": "Accept"})

    async def minted(request: Request) -> Response:
        return await entity(request, ID + request.path_params["path"])

    async def page(request: Request) -> Response:
        iri = request.query_params.get("iri")
        if not iri:
            return _error(400, "missing 'iri' parameter")
        if iri.startswith(ID) and "format" not in request.query_params:
            return RedirectResponse(pages.local_href(iri), status_code=303)
        return await entity(request, iri)

    async def index(request: Request) -> Response:
        return HTMLResponse(resources.files("tiaoli").joinpath("static/index.html").read_text(encoding="utf-8"))

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette):
        await pool.start()
        try:
            yield
        finally:
            await pool.stop()

    routes = [
        Route("/", index),
        Route("/sparql", sparql, methods=["GET", "POST"], name="sparql"),
        Route("/service-description", description),
        Route("/api/queries", queries),
        Route("/id/{path:path}", minted),
        Route("/page", page),
        Mount("/static", StaticFiles(directory=str(resources.files("tiaoli").joinpath("static"))), name="static"),
    ]
    middleware = [
        Middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST", "OPTIONS"], allow_headers=["*"], expose_headers=["X-Tiaoli-Truncated"]),
    ]
    app = Starlette(routes=routes, middleware=middleware, lifespan=lifespan)
    app.state.settings = settings
    return app


async def _query_request(request: Request) -> QueryRequest | None:
    """The query of a SPARQL Protocol request, or ``None`` when there is none (service description)."""
    params = list(parse_qsl(request.url.query, keep_blank_values=True))
    if request.method == "GET":
        return request_from_params(params) if any(k in ("query", "update") for k, _ in params) else None
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = (await request.body()).decode("utf-8", errors="replace")
    if media in ("application/sparql-query", "application/sparql-update"):  # an "update" must still pass check_read_only
        return QueryRequest(
            body,
            tuple(v for k, v in params if k == "default-graph-uri"),
            tuple(v for k, v in params if k == "named-graph-uri"),
        )
    if media in ("application/x-www-form-urlencoded", ""):
        return request_from_params(parse_qsl(body, keep_blank_values=True))
    raise ProtocolError(415, f"unsupported Content-Type {media!r}: use application/x-www-form-urlencoded or application/sparql-query")
