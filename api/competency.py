"""The competency-question queries shipped in ``tiaoli.graph.queries`` (graph/queries/*.rq).

They are the graph's public face: the Python lookups, the web page's query
menu and the push test all read them from here, so they stay in step with
the graph whatever a kind's mapping changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

from .graph.namespaces import PREFIXES

_DECLARED = re.compile(r"^\s*PREFIX\s+([\w.-]*):", re.IGNORECASE | re.MULTILINE)


@dataclass(frozen=True)
class CompetencyQuery:
    name: str  # file name without .rq, e.g. "law-norms"
    text: str  # the query as shipped
    description: str  # its leading comment lines

    @property
    def portable_text(self) -> str:
        """The query with tiaoli's predeclared prefixes written out, for servers that know none."""
        return with_prefixes(self.text)


def competency_queries() -> dict[str, CompetencyQuery]:
    """Every shipped query by name, in name order."""
    folder = resources.files("tiaoli.graph.queries")
    out: dict[str, CompetencyQuery] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            text = entry.read_text(encoding="utf-8")
            name = entry.name[: -len(".rq")]
            out[name] = CompetencyQuery(name, text, _description(text))
    return out


def competency_query(name: str) -> CompetencyQuery | None:
    return competency_queries().get(name.removesuffix(".rq"))


def _description(text: str) -> str:
    lines = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        lines.append(line.lstrip("#").strip())
    return "\n".join(lines).strip()


def with_prefixes(sparql: str) -> str:
    """Prepend a PREFIX declaration for each predeclared prefix the query does not declare itself."""
    declared = {m.group(1) for m in _DECLARED.finditer(sparql)}
    missing = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items() if p not in declared)
    return missing + sparql

