"""Writing query results: W3C formats through pyoxigraph, and a table for people."""

from __future__ import annotations

import unicodedata
from typing import TextIO

import pyoxigraph as ox

from .namespaces import prefixed
from .store import QueryResult

RESULT_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
GRAPH_FORMATS = {
    "json": ox.RdfFormat.JSON_LD,
    "xml": ox.RdfFormat.RDF_XML,
    "csv": ox.RdfFormat.N_TRIPLES,
    "tsv": ox.RdfFormat.N_TRIPLES,
    "table": ox.RdfFormat.TURTLE,
}


def short(term: object) -> str:
    """A term as a person reads it: prefixed IRIs, bare literal values."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return prefixed(term.value) or term.value
    if isinstance(term, ox.Literal):
        return term.value
    return str(term)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cell(text: str, limit: int = 60) -> str:
    text = text.replace("\n", "⏎")
    if _width(text) <= limit:
        return text
    out, used = [], 0
    for ch in text:
        used += _width(ch)
        if used > limit - 1:
            break
        out.append(ch)
    return "".join(out) + "…"


def write_table(result: QueryResult, stream: TextIO, limit: int | None = None) -> None:
    solutions = result.raw
    variables = [v.value for v in solutions.variables]  # type: ignore[attr-defined]
    rows = []
    total = 0
    for solution in solutions:  # type: ignore[attr-defined]
        total += 1
        if limit is None or len(rows) < limit:
            rows.append([short(solution[v]) for v in variables])
    write_rows(variables, rows, stream, total=total)


def write_rows(headers: list[str], rows: list[list[str]], stream: TextIO, total: int | None = None) -> None:
    """An aligned table of text cells for people (CJK characters count double)."""
    rows = [[_cell(str(c)) for c in row] for row in rows]
    total = len(rows) if total is None else total
    widths = [max([_width(v)] + [_width(r[i]) for r in rows]) for i, v in enumerate(headers)]

    def line(cells: list[str]) -> str:
        return " | ".join(c + " " * (w - _width(c)) for c, w in zip(cells, widths)).rstrip()

    stream.write(line(headers) + "\n")
    stream.write("-+-".join("-" * w for w in widths) + "\n")
    for row in rows:
        stream.write(line(row) + "\n")
    shown = f"{len(rows)} of {total} rows" if len(rows) < total else f"{total} row{'s' if total != 1 else ''}"
    stream.write(f"({shown})\n")


def write_result(result: QueryResult, fmt: str, stream: TextIO, limit: int | None = None) -> None:
    if result.kind == "ask":
        if fmt == "table":
            stream.write(("true" if bool(result.raw) else "false") + "\n")
        else:
            stream.write(result.serialize(RESULT_FORMATS[fmt]).decode("utf-8"))
        return
    if result.kind == "graph":
        stream.write(result.serialize(GRAPH_FORMATS[fmt]).decode("utf-8"))
        return
    if fmt == "table":
        write_table(result, stream, limit)
        return
    stream.write(result.serialize(RESULT_FORMATS[fmt]).decode("utf-8"))
