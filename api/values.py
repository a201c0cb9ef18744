"""RDF terms as Python values, and query answers as rows of them.

A row is a named tuple whose fields are the query's variables, so
``row.number`` and ``row[1]`` both work and rows print readably in a
notebook.  Literals become the Python type of their XSD datatype (int,
Decimal, float, bool, date, datetime, str); IRIs become :class:`IRI`, a
``str`` that also knows its prefixed short form.
"""

from __future__ import annotations

import datetime
import keyword
from collections import namedtuple
from decimal import Decimal, InvalidOperation
from typing import Any, Iterable, Sequence

import pyoxigraph as ox

from .graph.namespaces import PREFIXES, XSD


class IRI(str):
    """An IRI: a plain ``str`` (compares equal to its text) with a readable short form."""

    __slots__ = ()

    @property
    def short(self) -> str:
        for prefix, base in PREFIXES.items():
            if self.startswith(base) and len(self) > len(base):
                return f"{prefix}:{self[len(base):]}"
        return str(self)

    @property
    def local_name(self) -> str:
        return self.rsplit("#", 1)[-1].rsplit("/", 1)[-1]

    def __repr__(self) -> str:
        return f"IRI({str.__repr__(self)})"


_INTEGER_TYPES = {XSD + t for t in (
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
    "negativeInteger", "nonPositiveInteger", "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte",
)}


def to_python(term: object) -> Any:
    """The Python value of an RDF term (``None`` for an unbound variable)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return IRI(term.value)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if not isinstance(term, ox.Literal):
        return str(term)
    datatype = term.datatype.value
    text = term.value
    try:
        if datatype in _INTEGER_TYPES:
            return int(text)
        if datatype == XSD + "decimal":
            return Decimal(text)
        if datatype in (XSD + "double", XSD + "float"):
            return float(text)
        if datatype == XSD + "boolean":
            return text in ("true", "1")
        if datatype == XSD + "date":
            return datetime.date.fromisoformat(text)
        if datatype == XSD + "dateTime":
            return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except (ValueError, InvalidOperation):
        pass
    # Strings, language-tagged text, partial dates (xsd:gYear "2024", xsd:gYearMonth "2008-07"), intervals.
    return text


def to_term(value: object) -> ox.NamedNode | ox.Literal:
    """A Python value as an RDF term, for query bindings: IRIs stay IRIs, the rest become typed literals."""
    if isinstance(value, (ox.NamedNode, ox.Literal)):
        return value
    if isinstance(value, IRI) or (isinstance(value, str) and value.startswith(("http://", "https://", "urn:"))):
        return ox.NamedNode(str(value))
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=ox.NamedNode(XSD + "boolean"))
    for python_type, datatype in ((int, "integer"), (Decimal, "decimal"), (float, "double"), (datetime.datetime, "dateTime"), (datetime.date, "date")):
        if isinstance(value, python_type):
            text = value.isoformat() if isinstance(value, datetime.date) else str(value)
            return ox.Literal(text, datatype=ox.NamedNode(XSD + datatype))
    return ox.Literal(str(value))


def field_names(variables: Sequence[str]) -> list[str]:
    """Valid, unique Python identifiers for SPARQL variable names (``?class`` → ``class_``)."""
    out: list[str] = []
    for name in variables:
        field = name if name.isidentifier() and not keyword.iskeyword(name) else f"{name}_"
        if not field.isidentifier() or field.startswith("_"):
            field = "v_" + "".join(ch if ch.isalnum() else "_" for ch in name)
        while field in out:
            field += "_"
        out.append(field)
    return out


def row_type(variables: Sequence[str]) -> type:
    return namedtuple("Row", field_names(variables))  # type: ignore[misc]


class Rows(list):
    """The rows of a SELECT answer, in order; ``variables`` names the columns."""

    def __init__(self, variables: Sequence[str], rows: Iterable[tuple]):
        super().__init__(rows)
        self.variables = list(variables)

    def to_dataframe(self):
        """A pandas DataFrame with one column per variable (needs the ``pandas`` extra)."""
        try:
            import pandas
        except ImportError:
            raise ImportError("to_dataframe() needs pandas: pip install 'tiaoli[pandas]'") from None
        return pandas.DataFrame([tuple(r) for r in self], columns=self.variables)

    def __repr__(self) -> str:
        return f"Rows({self.variables!r}, {list.__repr__(self)})"


def solutions_to_rows(solutions: ox.QuerySolutions) -> Rows:
    variables = [v.value for v in solutions.variables]
    Row = row_type(variables)
    return Rows(variables, (Row(*(to_python(s[v]) for v in variables)) for s in solutions))
