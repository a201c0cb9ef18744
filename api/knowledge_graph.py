"""The Python face of a tiaoli store: ``tiaoli.open()`` → :class:`KnowledgeGraph`.

Everything here reads a store built earlier (``tiaoli build`` or
:meth:`KnowledgeGraph.build`); nothing is re-parsed.  The typed lookups run
the shipped competency queries (graph/queries/*.rq) and filter their rows, so
they answer exactly what those queries answer.
"""

from __future__ import annotations

from collections import namedtuple
from dataclasses import replace
from pathlib import Path
from typing import Any, Iterable

import pyoxigraph as ox

from .competency import competency_queries, competency_query
from .extract.errors import TiaoliError
from .extract.normalise.variants import search_key
from .graph.namespaces import TL
from .graph.store import GraphStore, QueryError, default_store_path
from .provenance import cite_node, cite_nodes, first_occurrence, source_of
from .records import Act, Article, Citation, Definition, Metric, Norm, Penalty, Programme, SearchHit
from .search import has_cjk, search_graph
from .values import IRI, Rows, solutions_to_rows, to_python, to_term

Triple = namedtuple("Triple", "subject predicate object")

DEONTIC = ("obligation", "prohibition", "permission")


class LookupUnavailable(TiaoliError):
    """A lookup whose competency query is not shipped with this version of tiaoli."""


def open(store: str | Path | None = None) -> "KnowledgeGraph":  # noqa: A001 - tiaoli.open is the public name
    """The knowledge graph in ``store`` (default: $TIAOLI_STORE or .tiaoli/store).

    The store may be empty: :meth:`KnowledgeGraph.build` fills it.
    """
    return KnowledgeGraph(store)


class KnowledgeGraph:
    def __init__(self, store: str | Path | None = None):
        self.path = Path(store) if store is not None else default_store_path()
        self._store = GraphStore(self.path, must_exist=False)

    def __repr__(self) -> str:
        return f"KnowledgeGraph({str(self.path)!r})"

    # -- building ----------------------------------------------------------
    def build(self, paths: Iterable[str | Path] | str | Path, *, kind: str | None = None, append: bool = False):
        """Parse documents into this store (as ``tiaoli build`` does) and return the build report."""
        from .graph.build import build

        if isinstance(paths, (str, Path)):
            paths = [paths]
        store = GraphStore.create(self.path)
        report = build(paths, store, kind=kind, append=append)
        self._store = GraphStore(self.path, must_exist=False)
        return report

    # -- SPARQL --------------------------------------------------------------
    def query(self, sparql: str, **bindings: object) -> Rows | bool | list[Triple]:
        """Run SPARQL over all documents; ``bindings`` fix variables (``number="15"`` binds ``?number``).

        SELECT gives :class:`Rows` of named tuples with Python values; ASK a
        bool; CONSTRUCT and DESCRIBE a list of ``Triple``.
        """
        try:
            result = self._store.query(sparql, substitutions={k: to_term(v) for k, v in bindings.items()})
        except QueryError as exc:
            if bindings and "projection" in str(exc):
                raise QueryError(f"a binding must name a variable the query SELECTs ({', '.join(bindings)} given): {exc}") from None
            raise
        if result.kind == "select":
            return solutions_to_rows(result.raw)  # type: ignore[arg-type]
        if result.kind == "ask":
            return bool(result.raw)
        return [Triple(to_python(t.subject), to_python(t.predicate), to_python(t.object)) for t in result.raw]  # type: ignore[attr-defined]

    def run(self, name: str, **bindings: object) -> Rows:
        """Run a shipped competency query by name (``"law-norms"``), e.g. ``kg.run("law-articles", number="15")``."""
        query = competency_query(name)
        if query is None:
            known = ", ".join(competency_queries()) or "none"
            raise LookupUnavailable(f"no competency query named {name!r} is shipped (known: {known})")
        return self.query(query.text, **bindings)  # type: ignore[return-value]

    @staticmethod
    def queries() -> list[str]:
        """Names of the shipped competency queries."""
        return list(competency_queries())

    # -- provenance ------------------------------------------------------------
    def cite(self, node: object) -> Citation:
        """Where a node (an IRI, or a record a lookup returned) was read: document, page/line, span, exact text."""
        if isinstance(node, Citation):
            return node
        if not isinstance(node, str):
            source = getattr(node, "source", None)
            if isinstance(source, Citation):
                return source
            iri = next((getattr(node, a) for a in ("node", "programme") if isinstance(getattr(node, a, None), str)), None)
            if iri is None:
                raise LookupError(f"{node!r}: no source span is recorded for it")
            node = iri
        found = cite_node(self._store, str(node))
        if not found:
            raise LookupError(f"{node}: no source span is recorded for this node")
        return found[0]

    def citations(self, node: str) -> list[Citation]:
        """Every span a node was derived from, in document order."""
        return cite_node(self._store, str(node))

    # -- typed lookups -----------------------------------------------------------
    def acts(self) -> list[Act]:
        """Every act (statute version) in the store, with its number of articles."""
        counts: dict[tuple, int] = {}
        for row in self.run("law-articles"):
            key = (row.act, row.actTitle, row.version)
            counts[key] = counts.get(key, 0) + 1
        return [Act(act, title, version, n) for (act, title, version), n in counts.items()]

    def articles(self, act: str | None = None) -> list[Article]:
        """Every article, or those of one act (its IRI, or its title in any script variant)."""
        return [self._article(row) for row in self.run("law-articles") if _act_matches(row, act)]

    def article(self, act: str | None, number: str | int) -> Article:
        """One article by act (its IRI, or its title in any script variant) and canonical number (``"15-1"``)."""
        rows = [row for row in self.run("law-articles", number=str(number)) if _act_matches(row, act)]
        if not rows:
            raise LookupError(f"no article {number} in {act or 'any act'}")
        return self._article(rows[-1])

    def _article(self, row: Any) -> Article:
        source = self._source(text=row.text, cls=TL + "Article", number=row.number)
        return Article(row.act, row.actTitle, row.version, row.number, row.heading, row.text, source)

    def obligations(self, addressee: str | None = None, modality: str | None = "obligation", *, act: str | None = None) -> list[Norm]:
        """Norms by addressee (a role label in any script variant, or its IRI) and modality.

        ``modality`` is ``"obligation"`` (default), ``"prohibition"``,
        ``"permission"``, ``"definition"``, ``"penalty"``, ``"scope"``,
        ``"other"``, ``"deontic"`` for the first three, or ``None`` for all.
        """
        wanted = set(DEONTIC) if modality == "deontic" else ({modality} if modality else None)
        acts = self._act_filter(act)
        rows = self.run("law-norms")
        names = self._names({r.addressee for r in rows if isinstance(r.addressee, IRI)})
        wanted_key = search_key(addressee) if addressee is not None else None
        out = []
        for row in rows:
            mod = _local(row.modality)
            if wanted is not None and mod not in wanted:
                continue
            label, keys = names.get(row.addressee, (row.addressee, {search_key(str(row.addressee or ""))}))
            if addressee is not None and not (wanted_key in keys or addressee == row.addressee):
                continue
            if acts is not None and row.act not in acts:
                continue
            node = row.addressee if isinstance(row.addressee, IRI) else None
            out.append(Norm(row.act, row.number, row.paragraph, row.item, mod, label, row.text, node, self._source(text=row.text)))
        return out

    def penalties(self, for_article: str | int | None = None, *, act: str | None = None) -> list[Penalty]:
        """Sanctions; ``for_article`` keeps those that sanction a violation of that article (canonical number)."""
        acts = self._act_filter(act)
        sanctioned: dict[tuple, list[str]] = {}
        if competency_query("law-sanctioned") is not None:
            for row in self.run("law-sanctioned"):
                sanctioned.setdefault((row.act, row.penaltyNumber), []).append(row.targetNumber)
        out = []
        for row in self.run("law-penalties"):
            targets = tuple(sorted(set(sanctioned.get((row.act, row.number), [])), key=_number_order))
            if for_article is not None and str(for_article) not in targets:
                continue
            if acts is not None and row.act not in acts:
                continue
            text = self._article_text(row.act, row.number)
            out.append(Penalty(row.act, row.number, _local(row.sanction), row.minAmount, row.maxAmount, _local(row.currency),
                               row.minMonths, row.maxMonths, targets, self._source(text=text)))
        return out

    def definitions(self, term: str | None = None, *, act: str | None = None) -> list[Definition]:
        """Defined terms; ``term`` matches the term whatever its script variant."""
        acts = self._act_filter(act)
        out = []
        for row in self.run("law-definitions"):
            if term is not None and not _same(term, row.term):
                continue
            if acts is None or row.act in acts:
                out.append(Definition(row.act, row.term, row.number, row.definition, self._source(text=row.definition)))
        return out

    def programmes(self) -> list[Programme]:
        """Programmes of LegCo papers with their expenditure and its period."""
        return [
            Programme(r.programme, r.label, r.expenditure, _local(r.currency), r.periodStart, r.periodEnd, self._source(node=r.programme))
            for r in self.run("legco-programmes")
        ]

    def metrics(self, subject: str | None = None, unit: str | None = None, *, measure: str | None = None) -> list[Metric]:
        """Every number reported in any document; ``subject`` and ``unit`` match as printed, whatever the variant."""
        rows = self.run("metrics")
        labels = self._labels({r.subject for r in rows if isinstance(r.subject, IRI)})
        out = []
        for r in rows:
            node = r.subject if isinstance(r.subject, IRI) else None
            label = labels.get(node, node) if node else r.subject
            if subject is not None and not (_contains(label, subject) or subject == node):
                continue
            if unit is not None and not _same(unit, r.unit):
                continue
            if measure is not None and _local(r.measure) != measure:
                continue
            out.append(Metric(r.document, label, node, _local(r.measure), r.value, r.unit, r.period, r.text, self._source(text=r.text)))
        return out

    # -- search ----------------------------------------------------------------
    def search(self, text: str, *, kinds: Iterable[str] | None = None, limit: int | None = None) -> list[SearchHit]:
        """Articles, terms, roles, programmes, metrics … whose text contains ``text`` in any script variant.

        Matching uses the variant-folded ``tl:searchKey`` stored in the graph;
        labels and matched text are returned exactly as printed.
        """
        hits = search_graph(self._store, text, kinds=kinds, limit=limit)
        spans = cite_nodes(self._store, [h.node for h in hits])
        # A shared node (a role, an act) has no span of its own: cite where its text first appears.
        return [replace(h, source=spans[h.node][0] if h.node in spans else first_occurrence(self._store, h.matched)) for h in hits]

    # -- helpers -----------------------------------------------------------------
    def _source(self, *, node: str | None = None, text: str | None = None, cls: str | None = None, number: str | None = None) -> Citation | None:
        return source_of(self._store, node=node, text=text, cls=cls, number=number)

    def _article_text(self, act: str, number: str) -> str | None:
        for row in self.run("law-articles", act=IRI(act), number=str(number)):
            return row.text
        return None

    def _act_filter(self, act: str | None) -> set[str] | None:
        """The IRIs of the acts ``act`` names (an IRI, or a title in any script variant); ``None`` for any act."""
        if act is None:
            return None
        return {a.act for a in self.acts() if act == a.act or _same(act, a.title)} or {act}

    def _labels(self, nodes: set) -> dict[str, str]:
        return {node: label for node, (label, _) in self._names(nodes).items()}

    def _names(self, nodes: set) -> dict[str, tuple[str, set[str]]]:
        """Each node's label (Chinese first, as printed) and the search keys of all its names."""
        if not nodes:
            return {}
        values = " ".join(f"<{n}>" for n in sorted(nodes))
        rows = self.query(f"SELECT ?n ?p ?l WHERE {{ VALUES ?n {{ {values} }} ?n skos:prefLabel|rdfs:label|tl:searchKey ?l ; ?p ?l }}")
        labels: dict[str, list[str]] = {}
        keys: dict[str, set[str]] = {}
        for row in rows:  # type: ignore[union-attr]
            keys.setdefault(row.n, set()).add(search_key(row.l))
            if row.p != TL + "searchKey":
                labels.setdefault(row.n, []).append(row.l)
        return {node: (preferred_label(labels.get(node, [])), keys[node]) for node in keys}


def preferred_label(texts: Iterable[str]) -> str:
    """A Chinese text if there is one (the sources are Chinese), else the first in sort order."""
    ordered = sorted(texts)
    return next((t for t in ordered if has_cjk(t)), ordered[0] if ordered else "")


def _local(value: object) -> Any:
    return value.local_name if isinstance(value, IRI) else value


def _same(wanted: str, value: object) -> bool:
    return value is not None and search_key(str(wanted)) == search_key(str(value))


def _contains(value: object, wanted: str) -> bool:
    return value is not None and search_key(str(wanted)) in search_key(str(value))


def _act_matches(row: Any, act: str | None) -> bool:
    if act is None:
        return True
    title = getattr(row, "actTitle", None)
    return act == row.act or (title is not None and _same(act, title))


def _number_order(number: str) -> tuple:
    return tuple(int(p) if p.isdigit() else 0 for p in str(number).split("-"))
