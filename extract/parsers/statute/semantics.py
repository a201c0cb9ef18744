"""What an act says, read from its structure: norms, definitions, references, time limits, penalties.

:func:`analyse_act` is called once the structure (articles → paragraphs → items →
sub-items, with spans) is parsed; it fills ``act.clauses``, ``act.definitions``,
``act.references``, ``act.time_limits`` and ``act.penalties`` in document order.
"""

from __future__ import annotations

import re

from .clauses import Piece, sentences
from .definitions import DEFINING_LEAD, find_definitions
from .model import Act, ProvisionPath, Reference
from .norms import analyse_clauses, prime_tags
from .penalties import apply_authority, find_penalties
from .provisions import ProvisionText, iter_provisions
from .references import find_references
from .time_limits import find_time_limits

_LIST_LEAD_END = ("：", ":")
_LISTS = re.compile(r"[下左]列")


def analyse_act(act: Act) -> None:
    act.clauses, act.definitions, act.references, act.time_limits, act.penalties = [], [], [], [], []
    provisions = list(iter_provisions(act))
    prime_tags([prov.text for prov in provisions])
    article_index = {a.number: i for i, a in enumerate(act.articles)}

    list_definition: dict[ProvisionPath, int] = {}  # lead path → index of the definition its items complete
    modality_of_lead: dict[ProvisionPath, str] = {}
    for prov in provisions:
        found = find_definitions(prov)
        ranges: list[Piece] = []
        for f in found:
            act.definitions.append(f.definition)
            ranges.append(f.sentence)
            if f.continues:
                later = [s for s in sentences(prov.text) if s.start > f.sentence.start]
                ranges.extend(later)
                if later and len(found) == 1:
                    f.definition.definition = "。".join([f.definition.definition] + [s.text for s in later])
            if f.announces_list and prov.has_children:
                list_definition[prov.path] = len(act.definitions) - 1
        if not found and DEFINING_LEAD.search(prov.text):
            ranges.extend(sentences(prov.text))
        lead_path = prov.lead.path if prov.lead is not None else None
        if lead_path in list_definition and not found:
            d = act.definitions[list_definition[lead_path]]
            d.definition = f"{d.definition}\n{prov.text}"
        inherited = modality_of_lead.get(lead_path) if lead_path is not None else None
        clauses = analyse_clauses(prov, ranges, inherited, _last_rule(act, prov.path.article))
        act.clauses.extend(clauses)
        if clauses and prov.has_children and (prov.text.rstrip().endswith(_LIST_LEAD_END) or _LISTS.search(clauses[-1].text)):
            modality_of_lead[prov.path] = clauses[-1].modality

    defined = frozenset(d.term for d in act.definitions)
    by_path: dict[ProvisionPath, list[Reference]] = {}
    for prov in provisions:
        refs = find_references(act, prov, article_index, defined)
        by_path[prov.path] = refs
        act.references.extend(refs)
        act.time_limits.extend(find_time_limits(prov))

    children: dict[ProvisionPath, list[ProvisionText]] = {}
    for prov in provisions:
        if prov.lead is not None and prov.level == "item":
            children.setdefault(prov.lead.path, []).append(prov)
    authority_clauses = []
    for prov in provisions:
        if prov.level != "paragraph":
            continue
        found = find_penalties(act, prov, children.get(prov.path, []), by_path, act.time_limits)
        act.penalties.extend(found)
        if not found:
            authority_clauses.append(prov)
    for prov in authority_clauses:
        apply_authority(act, prov, by_path.get(prov.path, []))
    drop_own_penalty_targets(act)


def drop_own_penalty_targets(act: Act) -> None:
    """A penalty's reference to its own article's penalty paragraphs is a condition, not a violated rule.

    (有第一項第一款至第三款情形之一，致危害…者，處… in a penalty article points at the
    cases its first paragraph already punishes.)  A reference to a rule paragraph
    of the same article (違反前項規定者，處…) is kept.
    """
    punishing = {(p.provision.article, p.provision.paragraph) for p in act.penalties}
    for penalty in act.penalties:
        own = penalty.provision.article
        penalty.sanctioned = [
            target for target in penalty.sanctioned
            if not (target.article == own and (target.paragraph is None or (own, target.paragraph) in punishing))
        ]


def _last_rule(act: Act, article: str) -> str | None:
    """The modality of the last clause of ``article`` that states a rule (what 亦同 repeats)."""
    for clause in reversed(act.clauses):
        if clause.provision.article != article:
            return None
        if clause.modality != "other":
            return clause.modality
    return None
