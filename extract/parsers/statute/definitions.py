"""Defined terms: `所稱X，係指…`, `稱X者，謂…`, `X：指…`, `…，稱為X`, `…者，為X`, and classifying item lists.

Each form describes how Taiwan statutes define words; none names a term.  A
definition whose body announces a list (`指下列事項：`) takes the texts of the
items that follow as part of its definition.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .clauses import Piece, clauses, sentences
from .model import Definition
from .provisions import ProvisionText

# 指定, 指示, 指派…: verbs, not "means".
_VERBS_WITH_指 = "定|示|派|揮|導|控|摘|出|認|明|令"
_TERM = r"[^，,：:；;。「」（）()]{1,40}?"
# 本法所稱X，(凡…者，)指… / 所謂X，係指… / 本法所稱X：在中央為…
_SO_CALLED = re.compile(rf"(?:所稱|所謂)「?(?P<term>{_TERM})」?(?:者)?(?P<sep>[，,：:︰])\s*(?P<body>.+)$")
# 本條例所稱自衛槍枝如左： — the items that follow are the definition
_SO_CALLED_LIST = re.compile(rf"(?:所稱|所謂)「?(?P<term>{_TERM})」?(?:者)?[，,]?\s*(?P<body>(?:如[左下]|包括下列|指下列)[^，,。]*?[：:︰]?)$")
# X之主管機關：在中央為…
_SEAT = re.compile(rf"^「?(?P<term>{_TERM})」?[：:︰]\s*(?P<body>在中央(?:為|由).+)$")
# …；Y係指… — a further definition inside a sentence of definitions
_CLAUSE_MEANS = re.compile(rf"^「?(?P<term>{_TERM})」?(?P<body>(?:係指|謂)(?!{_VERBS_WITH_指}).+)$")
_SO_CALLED_BODY = re.compile(r"(?:^|[，,])\s*(?:係|即)?(?:指|謂|包括|包含)")
# 本法稱X者，謂… / 本法稱X者，係指… / 前項所稱X謂…
_CALLED = re.compile(rf"(?:^|[，,]|本[法條例則]+|\S)稱「?(?P<term>{_TERM})」?(?:者)?[，,]?\s*(?P<body>(?:係|即)?(?:指|謂).+)$")
# X：指… / X，謂… (a term opening the sentence, then 指 / 係指 / 謂)
_COLON_MEANS = re.compile(
    rf"^(?:前項|前條|本法|本條例|第[一二三四五六七八九十]+項)?「?(?P<term>{_TERM})」?(?:[：:︰]|[，,](?=\s*(?:係指|謂|指(?!{_VERBS_WITH_指}))))"
    rf"\s*(?P<body>(?:係|即)?(?:指(?!{_VERBS_WITH_指})|謂).+)$"
)
# X：… inside a list that classifies or defines (分下列二類：一、X：…; 本法用詞定義如下：一、X：…)
_COLON_ITEM = re.compile(r"^「?(?P<term>[^，,：:；;。、]{1,16}?)」?[：:︰]\s*(?P<body>.*)$")
_CLASSIFYING_LEAD = re.compile(r"分(?:為)?下列|種類|類別|定義如下|用詞|所稱.+?如[左下]")
# 本法用詞，定義如下： — a lead-in whose items are definitions
DEFINING_LEAD = re.compile(r"(?:用詞|名詞)[，,]?\s*(?:之)?定義如下|定義如下[：:]$")
# …之事項，稱為X
_NAMED = re.compile(rf"^(?P<body>.+?)[，,]\s*(?:稱為|稱之為|簡稱)「?(?P<term>[^，,；;。「」]{{2,30}})」?$")
# …者，為X
_IS_A = re.compile(r"^(?P<body>.+?者)[，,]\s*為(?P<term>[^，,；;。]{2,30})$")
_NOT_TERMS = re.compile(r"(?:之|限|準|原則|宜|要件|必要|標準)$")
_ANNOUNCES_LIST = re.compile(r"(?:下列[^，,。；;]{0,6}|如[左下])[：:︰]?$")


@dataclass(frozen=True, slots=True)
class FoundDefinition:
    """A definition and the stretch of provision text it covers (for modality)."""

    definition: Definition
    sentence: Piece
    continues: bool  # later sentences of the same paragraph belong to it (所稱/所謂/稱…謂 forms)
    announces_list: bool  # its items are part of the definition


def _clean_term(term: str) -> str:
    return term.strip().strip("「」").strip()


def _definition(prov: ProvisionText, sentence: Piece, term: str, term_start: int, body: str) -> Definition:
    term_start = sentence.start + term_start
    return Definition(
        term=term,
        definition=body.strip(),
        provision=prov.path,
        span=prov.span(sentence.start, sentence.end),
        term_span=prov.span(term_start, term_start + len(term)),
    )


def find_definitions(prov: ProvisionText) -> list[FoundDefinition]:
    found: list[FoundDefinition] = []
    for sentence in sentences(prov.text):
        found.extend(_sentence_definitions(prov, sentence))
    return found


def _sentence_definitions(prov: ProvisionText, sentence: Piece) -> list[FoundDefinition]:
    parts = clauses(sentence.text)
    heads = [i for i, c in enumerate(parts) if _SO_CALLED.search(c.text) or _CALLED.search(c.text)
             or (i > 0 and _CLAUSE_MEANS.match(c.text))]
    if len(heads) > 1:
        # 所稱X，指…；所稱Y，指…: one sentence, several definitions, each up to the next
        out = []
        for n, i in enumerate(heads):
            last = parts[heads[n + 1] - 1] if n + 1 < len(heads) else parts[-1]
            start, end = sentence.start + parts[i].start, sentence.start + last.end
            out.extend(_one_definition(prov, Piece(start, end, prov.text[start:end])))
        return out
    return _one_definition(prov, sentence)


def _one_definition(prov: ProvisionText, sentence: Piece) -> list[FoundDefinition]:
    s = sentence.text
    m = _SO_CALLED.search(s)
    if m and (m["sep"] in "：:︰" or _SO_CALLED_BODY.search(m["body"])):
        return [_found(prov, sentence, m, continues=True)]
    m = _CALLED.search(s) or _SO_CALLED_LIST.search(s)
    if m:
        return [_found(prov, sentence, m, continues=True)]
    m = _SEAT.match(s)
    if m:
        return [_found(prov, sentence, m, continues=True)]
    m = _COLON_MEANS.match(s) or _CLAUSE_MEANS.match(s)
    if m:
        return [_found(prov, sentence, m, continues=True)]
    if prov.level != "paragraph" and prov.lead is not None and _CLASSIFYING_LEAD.search(prov.lead.text):
        m = _COLON_ITEM.match(s)
        if m and not _NOT_TERMS.search(_clean_term(m["term"])) and (m["body"].strip() or prov.has_children):
            return [_found(prov, sentence, m, continues=True)]
    out = []
    for clause in clauses(s):
        piece = Piece(sentence.start + clause.start, sentence.start + clause.end, clause.text)
        for pattern in (_NAMED, _IS_A):
            m = pattern.match(clause.text)
            if m and not _NOT_TERMS.search(_clean_term(m["term"])):
                out.append(_found(prov, piece, m, continues=False, whole=sentence))
                break
    return out


def _found(prov: ProvisionText, sentence: Piece, m: re.Match[str], *, continues: bool,
           whole: Piece | None = None) -> FoundDefinition:
    raw = m["term"]
    term = _clean_term(raw)
    if term.startswith("之") and len(term) > 2:
        term = term[1:]  # 本條例所稱之華僑
    if term.endswith("者") and len(term) > 1 and m.re is _SO_CALLED:
        term = term[:-1]
    term_start = m.start("term") + raw.find(term)
    body = m["body"]
    found = FoundDefinition(
        _definition(prov, sentence, term, term_start, body),
        whole or sentence,
        continues,
        bool(_ANNOUNCES_LIST.search(body.strip())) or (not body.strip() and prov.has_children),
    )
    return found
