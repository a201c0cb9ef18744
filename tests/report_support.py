"""Helpers for the report tests: parse a report into an in-memory graph and read query answers as Python values."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox

from tiaoli.extract.loaders import load_document
from tiaoli.graph.build import document_quads, parse_source
from tiaoli.graph.store import run_query

REPO = Path(__file__).resolve().parent.parent
QUERIES = REPO / "graph" / "queries"
SEED = REPO / "corpus" / "000_6452d29547480776.txt"
KIND = "due-diligence-report"


def parse_report(path: Path):
    return parse_source(load_document(path), KIND)


def report_graph(path: Path) -> ox.Store:
    """The named graph of one report, in a fresh in-memory store."""
    quads, _ = document_quads(parse_report(path))
    store = ox.Store()
    store.extend(quads)
    return store


def value(term: object) -> object:
    """IRIs as their last path segment, literals as bool / Decimal / int / str."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value.rsplit("/", 1)[-1]
    assert isinstance(term, ox.Literal)
    datatype = term.datatype.value.rsplit("#", 1)[-1]
    if datatype == "boolean":
        return term.value == "true"
    if datatype == "decimal":
        return Decimal(term.value)
    if datatype == "integer":
        return int(term.value)
    return term.value


def answer(store: ox.Store, query: str) -> list[tuple]:
    """The rows of a shipped query (``report-risks``), each a tuple in the query's variable order."""
    result = run_query(store, (QUERIES / f"{query}.rq").read_text(encoding="utf-8"))
    solutions = result.raw
    names = [v.value for v in solutions.variables]
    return [tuple(value(row[name]) for name in names) for row in solutions]


def variables(query: str) -> list[str]:
    store = ox.Store()
    result = run_query(store, (QUERIES / f"{query}.rq").read_text(encoding="utf-8"))
    return [v.value for v in result.raw.variables]
