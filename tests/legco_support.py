"""Helpers for the LegCo tests: parse a paper from text, build its graph, run a shipped query."""

from __future__ import annotations

from decimal import Decimal
from importlib.resources import files
from pathlib import Path

import pyoxigraph as ox

from tiaoli.extract.loaders import load_path
from tiaoli.extract.parsers.base import ParsedDocument
from tiaoli.graph.build import document_quads, parse_source
from tiaoli.graph.store import run_query

SEED = "004_678adf5cfdf36133.txt"


def parse_file(path: Path) -> ParsedDocument:
    source = next(load_path(path))
    return parse_source(source, "legco-paper")


def parse_text(tmp_path: Path, text: str, name: str = "paper.txt") -> ParsedDocument:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return parse_file(path)


def graph_store(parsed: ParsedDocument) -> ox.Store:
    store = ox.Store()
    quads, _ = document_quads(parsed)
    store.extend(quads)
    return store


def _python(term: object) -> object:
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value.rsplit("#", 1)[-1]
        if datatype == "integer":
            return int(term.value)
        if datatype == "decimal":
            return Decimal(term.value)
        if datatype == "boolean":
            return term.value == "true"
        return term.value
    return term.value  # type: ignore[union-attr]


def select(store: ox.Store, query_file: str) -> list[dict[str, object]]:
    """Rows of a shipped query (graph/queries/<query_file>) as dicts of Python values."""
    sparql = files("tiaoli.graph.queries").joinpath(query_file).read_text(encoding="utf-8")
    result = run_query(store, sparql)
    variables = [v.value for v in result.raw.variables]  # type: ignore[attr-defined]
    return [{name: _python(solution[name]) for name in variables} for solution in result.raw]  # type: ignore[attr-defined]


def literal_datatypes(store: ox.Store, query_file: str, variable: str) -> set[str]:
    sparql = files("tiaoli.graph.queries").joinpath(query_file).read_text(encoding="utf-8")
    result = run_query(store, sparql)
    return {s[variable].datatype.value.rsplit("#", 1)[-1] for s in result.raw if s[variable] is not None}  # type: ignore[attr-defined]
