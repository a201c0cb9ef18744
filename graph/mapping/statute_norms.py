"""RDF mapping of a statute's norms, definitions, references, time limits and penalties.

Every fact node is minted under the IRI of the provision it was read from
(``<para>/norm/1``, ``<para>/definition/1``, ``<art>/para/1/penalty/2``…), numbered
in document order within that provision, so IRIs are deterministic.  Roles and
defined terms are shared concepts (``id/role/<role-id>``, ``id/term/<term>``);
other acts cited are works under the same ELI scheme as the structure mapping
(``id/eli/tw/law/<title>``), so they link up when that act is built too.
Modalities, sanction kinds, units and time-limit kinds are IRIs in the ontology
whose local names are the words: ``tl:`` + ``modality/obligation``.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from typing import Callable

from pyoxigraph import NamedNode

from ...extract import lexicon
from ...extract.normalise.variants import search_key
from ...extract.parsers.statute.model import Act, Penalty, ProvisionPath, Reference, TimeLimit
from ...extract.parsers.statute.references import division_articles
from .. import iri
from ..namespaces import TL, eli, rdfs, skos, tl
from .writer import GraphWriter

# Shared concepts carry one label language whatever document mints them.
LABEL_LANGUAGE = "zh-Hant"
ProvisionNode = Callable[[ProvisionPath], NamedNode]


def vocabulary(group: str, word: str) -> NamedNode:
    """A controlled value of the ontology: ``tl:modality/obligation``, ``tl:sanction/detention``…"""
    return NamedNode(f"{TL}{group}/{word}")


def role_node(role_id: str) -> NamedNode:
    return NamedNode(iri.mint("role", role_id))


def term_node(term: str) -> NamedNode:
    return NamedNode(iri.mint("term", term))


def act_work_node(jurisdiction: str, title: str) -> NamedNode:
    return NamedNode(iri.mint("eli", jurisdiction, "law", title))


@lru_cache(maxsize=1)
def _role_labels() -> dict[str, list[str]]:
    labels: dict[str, list[str]] = defaultdict(list)
    for surface, role_id in lexicon.roles().items():
        labels[role_id].append(surface)
    return dict(labels)


class _Numbering:
    """1-based numbers of facts within each provision, in the order they are minted."""

    def __init__(self) -> None:
        self._next: dict[tuple[str, str], int] = defaultdict(int)

    def __call__(self, base: NamedNode, kind: str) -> NamedNode:
        self._next[(base.value, kind)] += 1
        return NamedNode(f"{base.value}/{kind}/{self._next[(base.value, kind)]}")


def map_act_semantics(act: Act, out: GraphWriter, provision_node: ProvisionNode) -> None:
    mint = _Numbering()
    roles: set[str] = set()
    for clause in act.clauses:
        where = provision_node(clause.provision)
        node = out.fact(mint(where, "norm"), tl.Norm, clause.span)
        out.add(node, tl.modality, vocabulary("modality", clause.modality))
        out.add(node, tl.provision, where)
        out.add_text(node, tl.text, clause.text)
        out.add_text(node, tl.marker, clause.marker)
        out.derived_from(node, clause.marker_span)
        out.add_text(node, tl.action, clause.action)
        for text in clause.conditions:
            out.add_text(node, tl.condition, text)
        for text in clause.exceptions:
            out.add_text(node, tl.exception, text)
        for role in clause.addressees:
            out.add(node, tl.addressee, role_node(role))
            roles.add(role)

    for definition in act.definitions:
        where = provision_node(definition.provision)
        node = out.fact(mint(where, "definition"), tl.Definition, definition.span)
        out.add_text(node, tl.term, definition.term)
        out.add_text(node, tl.definitionText, definition.definition)
        out.add(node, tl.definedIn, where)
        concept = term_node(definition.term)
        out.typed(concept, skos.Concept, tl.Term)
        out.add_value(concept, skos.prefLabel, definition.term, lang=LABEL_LANGUAGE)
        out.add_value(concept, tl.searchKey, search_key(definition.term))
        out.derived_from(concept, definition.term_span)
        out.add(node, tl.termConcept, concept)

    time_limit_nodes: dict[int, NamedNode] = {}
    for limit in act.time_limits:
        where = provision_node(limit.provision)
        node = out.fact(mint(where, "time-limit"), tl.TimeLimit, limit.span)
        time_limit_nodes[id(limit)] = node
        _time_limit(out, node, limit, where)

    for reference in act.references:
        _citation(act, out, provision_node, mint, reference)

    penalty_nodes: dict[int, NamedNode] = {}
    for penalty in act.penalties:
        where = provision_node(penalty.provision)
        node = out.fact(mint(where, "penalty"), tl.Penalty, penalty.span)
        penalty_nodes[id(penalty)] = node
        roles.update(_penalty(out, node, penalty, where, provision_node, time_limit_nodes))

    for role in sorted(roles):
        _role(out, role)


def _time_limit(out: GraphWriter, node: NamedNode, limit: TimeLimit, where: NamedNode) -> None:
    out.add_value(node, tl.value, limit.value)
    out.add(node, tl.unit, vocabulary("unit", limit.unit))
    out.add(node, tl.timeLimitKind, vocabulary("time-limit", limit.kind))
    out.add_text(node, tl.text, limit.text)
    out.add(node, tl.provision, where)


def _citation(act: Act, out: GraphWriter, provision_node: ProvisionNode, mint: _Numbering, ref: Reference) -> None:
    source = provision_node(ref.source)
    node = out.fact(mint(source, "citation"), tl.Citation, ref.span)
    out.add(node, tl.citingProvision, source)
    out.add_text(node, tl.citationText, ref.text)
    out.add_value(node, tl.relative, ref.relative)
    if ref.external_act:
        work = act_work_node(act.jurisdiction, ref.external_act)
        out.typed(work, tl.ExternalAct, eli.LegalResource)
        out.add_text(work, eli.title, ref.external_act)
        out.add_text(work, rdfs.label, ref.external_act)
        out.add(node, tl.citedAct, work)
        if ref.target is not None and ref.target.article:
            out.add_value(node, tl.citedArticleNumber, ref.target.article)
        return
    if ref.whole_act:
        out.add(node, tl.citedAct, act_work_node(act.jurisdiction, act.title))
        return
    if ref.target_division:
        level, _, number = ref.target_division.partition(":")
        out.add_value(node, tl.citedDivisionLevel, level)
        out.add_value(node, tl.citedDivisionNumber, number)
        targets = [ProvisionPath(a) for a in division_articles(act, ref.target_division)]
    else:
        targets = [ref.target] if ref.target is not None else []
    for target in targets:
        cited = provision_node(target)
        out.add(node, tl.citedProvision, cited)
        out.add(source, tl.cites, cited)


def _penalty(out: GraphWriter, node: NamedNode, penalty: Penalty, where: NamedNode, provision_node: ProvisionNode,
             time_limit_nodes: dict[int, NamedNode]) -> set[str]:
    roles = set(penalty.addressees)
    out.add(node, tl.provision, where)
    out.add_text(node, tl.text, penalty.text)
    out.add_text(node, tl.conduct, penalty.conduct)
    out.add_value(node, tl.cumulative, penalty.cumulative)
    for position, sanction in enumerate(penalty.sanctions, start=1):
        s = out.fact(NamedNode(f"{node.value}/sanction/{position}"), tl.Sanction, penalty.span)
        out.add(node, tl.sanction, s)
        out.add(s, tl.sanctionKind, vocabulary("sanction", sanction.kind))
        out.add_value(s, tl.position, position)
        out.add_value(s, tl.minAmount, sanction.min_amount)
        out.add_value(s, tl.maxAmount, sanction.max_amount)
        out.add_value(s, tl.currency, sanction.currency)
        out.add_value(s, tl.minMonths, sanction.min_months)
        out.add_value(s, tl.maxMonths, sanction.max_months)
    for role in penalty.addressees:
        out.add(node, tl.addressee, role_node(role))
    for path in penalty.sanctioned:
        out.add(node, tl.sanctions, provision_node(path))
    for path in penalty.penalties_of:
        out.add(node, tl.appliesPenaltiesOf, provision_node(path))
    if penalty.repeat_offence is not None:
        window = time_limit_nodes.get(id(penalty.repeat_offence))
        out.add(node, tl.repeatWindow, window)
    out.add_text(node, tl.mitigation, penalty.mitigation)
    if penalty.authority:
        out.add(node, tl.imposedBy, role_node(penalty.authority))
        roles.add(penalty.authority)
    for position, (path, role) in enumerate(penalty.authority_exceptions, start=1):
        assignment = out.fact(NamedNode(f"{node.value}/authority/{position}"), tl.AuthorityAssignment, penalty.span)
        out.add(node, tl.authorityException, assignment)
        out.add(assignment, tl.provision, provision_node(path))
        out.add(assignment, tl.imposedBy, role_node(role))
        roles.add(role)
    return roles


def _role(out: GraphWriter, role_id: str) -> None:
    node = role_node(role_id)
    out.typed(node, skos.Concept, tl.Role)
    labels = _role_labels().get(role_id, [])
    if labels:
        out.add_value(node, skos.prefLabel, labels[0], lang=LABEL_LANGUAGE)
        out.add_value(node, tl.searchKey, search_key(labels[0]))
        for other in labels[1:]:
            out.add_value(node, skos.altLabel, other, lang=LABEL_LANGUAGE)
            out.add_value(node, tl.searchKey, search_key(other))
    out.add_value(node, skos.prefLabel, role_id.replace("-", " "), lang="en")
    out.add_value(node, tl.roleId, role_id)
