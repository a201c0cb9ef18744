"""The modality of each clause: obligation, prohibition, permission, definition, penalty, scope or other.

Deontic markers and roles are the pipeline's DEONTIC and ROLE tags (lexicon:
deontic.toml, roles.toml), so words that merely contain a marker (取得, 應收帳款)
are never markers.  The clause's own marker is the first one outside its
conditions and 除…外 exceptions; a marker that only qualifies a noun
(`應保存之文件`) gives way to a later one.  Penalty and scope wording is
checked before the deontic words (`應依各該條規定處罰` punishes; `得不適用` is scope).
"""

from __future__ import annotations

import re

from ... import lexicon, nlp
from .clauses import Piece, clauses, condition_pieces, exception_pieces, is_proviso, masked, segments
from .model import Clause
from .provisions import ProvisionText

MODALITIES = ("obligation", "prohibition", "permission", "definition", "penalty", "scope", "other")
# Lexicon modalities that are not one of ours: a relief from a duty (無須) permits.
_MODALITY_OF = {"exemption": "permission"}

PENALTY_WORDS = re.compile(
    r"處[^。；;]*?(?:罰鍰|罰金|徒刑|拘役|死刑)|併科[^。；;]*?罰金|處罰|處斷|裁罰|懲處|懲罰|議處|不罰|罰之$|罰鍰[^。；;]*?減輕|減輕或免除其刑|免除其刑|減輕其刑|加重其刑|沒收|沒入"
)
# 違者依法處罰 after a duty: the clause states the duty, and points at a penalty elsewhere.
_PENALTY_POINTER = re.compile(r"^(?:違者|違反者|違反前項規定者)?[^，,]*?(?:依法|依.*?規定)?處罰(?:之)?$")
_ROLE_JOINERS = {"", "、", "及", "或", "與", "和", "暨"}
_SCOPE_WORDS = re.compile(r"適用|準用|從其規定|(?:本法|本條例|本細則|本辦法|本規則|本準則|本通則|條文)[^。；;]*施行(?:之)?$|不受[^，,。；;]*?限制")
# A delegation (…由內政部定之) or a list announcement (…如左：) states no duty of its own.
_DELEGATION = re.compile(r"由[^，,。；;]+?(?:定之|訂定之|公告之|核定之|擬訂|訂之)$|如[左下][：:︰]?$")
_THIS_ACT_GOVERNS = re.compile(r"依本(?:法|條例|通則|細則|辦法|規則)[^，,。；;]*之$")
# The clause's predicate is "proceed under these rules": …，依本條例辦理; …依照公民投票法相關規定辦理.
_PROCEEDS_UNDER = re.compile(r"依(?:照|據)?(?:本(?:法|條例|通則|細則|辦法|規則)|[^，,。；;]*?(?:法|條例|通則|規定))[^，,。；;]{0,6}?辦理$")
# The last phrase delegates the matter (…，由外交部定之): the clause states no duty or scope of its own.
_DELEGATING_PHRASE = re.compile(r"^(?:並)?由[^，,。；;]+?(?:定之|訂定之|訂之|擬訂|擬定|公告之)$")
# 適用本法之要塞，由國防部定之: what the act applies to is laid down, a scope rule.
_APPLIES_THIS_ACT = re.compile(r"(?:適用|準用)本(?:法|條例|通則)")
# 應我國政府邀請: 應 answering an invitation, not a duty.
_ANSWERS_INVITATION = re.compile(r"^[^，,。；;應]{1,10}?邀請")
# A trailing 不受…限制 / 不適用… after a duty qualifies it (…應辦理公民投票，不受…之限制).
_TRAILING_SCOPE = re.compile(r"^(?:而|並|且)?(?:不受|不適用|免適用)")
_SAME_AS_BEFORE = re.compile(r"(?:亦|時)同[：:]?$")
# 禁止及限制事項, 應遵行事項: a marker naming a kind of matter, not stating one
_MATTERS_AFTER = re.compile(r"^(?:及|或|與)?(?:限制|遵行)?事項")
# …者，不在此限 standing alone lifts the duty it names: a permission.
_LIFTS_DUTY = re.compile(r"不在此限$")
# A duty stated as a noun: 有協助之義務, 負有防空之義務; relieved: 免除其…之義務.
_HAS_DUTY = re.compile(r"(?:負有|有)[^，,。；;]{0,12}?義務")
_RELIEVED_OF_DUTY = re.compile(r"免除[^，,。；;]*?義務")
_SCOPE_RULE = re.compile(r"^[^，,]*[，,]?\s*依[^，,。；;]*規定(?:辦理)?$")
# 應 + a short verb phrase + 之 + noun: the marker qualifies a noun (應保存之文件).
_ATTRIBUTIVE_AFTER = re.compile(r"^[^，,。；;：:之以於依按予即在將與就向自為經照先各]{1,8}之[\u4e00-\u9fff]")


# The pipeline's tags, per text.  One act's provisions are tagged in one batch
# (prime_tags); their clauses and segments take the slice of their provision's
# tags (share_tags), so the pipeline runs once per provision, not once per phrase.
_TAGS: dict[str, tuple[nlp.Tag, ...]] = {}


def tags_of(text: str) -> tuple[nlp.Tag, ...]:
    """The pipeline's tags of ``text``, with the roles of elliptical coordinations."""
    tags = _TAGS.get(text)
    if tags is None:
        tags = _TAGS[text] = with_elided_roles(text, nlp.annotate(text))
    return tags


# 主辦及經辦會計人員, 主辦、經辦會計人員, 中央或地方主管機關: conjuncts sharing one printed head.
_COORDINATORS = frozenset("及、或與和暨")
_LONGEST_CONJUNCT = 6


def with_elided_roles(text: str, tags) -> tuple[nlp.Tag, ...]:
    """``tags`` plus a ROLE for each conjunct whose head is elided: in `X及Y<head>`, where
    Y<head> is a role and X<head> is a role too, X names the role X<head>.

    The conjunct's tag covers X as printed (``text[start:end] == tag.text``); a tag
    inside X (商業 of a hypothetical 商業及公司負責人) gives way to the elliptical reading.
    """
    roles = lexicon.roles()
    found: list[nlp.Tag] = []
    for tag in tags:
        if tag.label != "ROLE":
            continue
        end = tag.start
        while end > 0 and text[end - 1] in _COORDINATORS:
            conjunct = _elided_conjunct(text, end - 1, tag.text, roles)
            if conjunct is None:
                break
            found.append(conjunct)
            end = conjunct.start
    if not found:
        return tuple(tags)
    kept = [t for t in tags if not any(f.start < t.end and t.start < f.end for f in found)]
    return tuple(sorted(kept + found, key=lambda t: (t.start, t.end)))


def _elided_conjunct(text: str, joiner: int, printed: str, roles) -> nlp.Tag | None:
    """The longest X right before ``text[joiner]`` with X + a proper tail of ``printed`` a role."""
    for length in range(min(_LONGEST_CONJUNCT, joiner), 0, -1):
        start = joiner - length
        conjunct = text[start:joiner]
        if any(ch in _COORDINATORS or not _is_han(ch) for ch in conjunct):
            continue
        for cut in range(1, len(printed)):
            role = roles.get(conjunct + printed[cut:])
            if role is not None:
                return nlp.Tag("ROLE", start, joiner, conjunct, role)
    return None


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def prime_tags(texts: list[str]) -> None:
    """Tag many texts in one batch (and forget the texts of earlier acts)."""
    _TAGS.clear()
    _MASKS.clear()
    todo = list(dict.fromkeys(texts))
    for text, tags in zip(todo, nlp.annotate_many(todo)):
        _TAGS[text] = with_elided_roles(text, tags)


def share_tags(text: str, start: int, end: int) -> None:
    """Give ``text[start:end]`` the tags of ``text`` that lie inside it, shifted."""
    piece = text[start:end]
    if piece in _TAGS:
        return
    _TAGS[piece] = tuple(
        nlp.Tag(t.label, t.start - start, t.end - start, t.text, t.value)
        for t in tags_of(text) if start <= t.start and t.end <= end
    )


def _attributive(text: str, tag: nlp.Tag) -> bool:
    after = text[tag.end:]
    return _ATTRIBUTIVE_AFTER.match(after) is not None or _MATTERS_AFTER.match(after) is not None


def has_marker(text: str) -> bool:
    return any(t.label == "DEONTIC" for t in tags_of(text)) or _HAS_DUTY.search(text) is not None


_MASKS: dict[str, bytes] = {}


def clause_mask(text: str) -> bytes:
    """1 where a character of ``text`` is inside a condition or 除…外 (computed once per text)."""
    mask = _MASKS.get(text)
    if mask is None:
        mask = _MASKS[text] = bytes(masked(text, has_marker))
    return mask


def main_marker(text: str, tags: list[nlp.Tag]) -> nlp.Tag | None:
    """The marker that states the clause's modality, or None."""
    mask = clause_mask(text)
    if text.endswith("者") and "，" not in text and "," not in text:
        return None  # a clause that is all one condition (an item: …而受孕者) states no modality
    candidates = [t for t in tags if t.label == "DEONTIC" and not mask[t.start]
                  and not _ANSWERS_INVITATION.match(text[t.end:])]
    for tag in candidates:
        if not _attributive(text, tag):
            return tag
    # A marker qualifying a noun counts when no other does, unless the clause
    # delegates (…應查記之事項，由內政部定之 states no duty).
    if candidates and not _DELEGATION.search(text):
        return candidates[0]
    return None


def is_penalty(text: str, marker: nlp.Tag | None = None) -> bool:
    m = PENALTY_WORDS.search(text)
    if m is None:
        return False
    if marker is not None and marker.start < m.start():
        segment_start = max(text.rfind("，", 0, m.start()), text.rfind(",", 0, m.start())) + 1
        if marker.start < segment_start and _PENALTY_POINTER.match(text[segment_start:]):
            return False  # 不得洩漏，違者依法處罰: a duty with a pointer to its penalty
    return True


def delegates(text: str) -> bool:
    """The clause's last phrase hands the matter to someone to lay down (…，由外交部定之)."""
    segs = segments(text)
    return len(segs) > 1 and _DELEGATING_PHRASE.match(segs[-1].text) is not None and _APPLIES_THIS_ACT.search(text) is None


def is_scope(text: str, marker: nlp.Tag | None) -> bool:
    mask = clause_mask(text)
    pieces = segments(text)
    last = pieces[-1] if pieces else None  # a clause of nothing but separators has no segment
    for m in _SCOPE_WORDS.finditer(text):
        if mask[m.start()]:
            continue
        if marker is not None and last is not None and marker.start < last.start <= m.start() and _TRAILING_SCOPE.match(last.text):
            continue  # a duty or permission, then 不受…限制 qualifying it
        return True
    if marker is not None:
        return False
    if _SCOPE_RULE.match(text) is not None or _THIS_ACT_GOVERNS.search(text) is not None:
        return True
    return last is not None and not mask[last.start] and _PROCEEDS_UNDER.search(last.text) is not None


def _agents(text: str, roles: list[nlp.Tag], at: int) -> list[nlp.Tag]:
    """The roles listed right after position ``at`` (應由董事長、經理人及監察人簽名)."""
    out: list[nlp.Tag] = []
    pos = at
    for tag in roles:
        if tag.start < at:
            continue
        if text[pos:tag.start].strip() not in _ROLE_JOINERS:
            break
        out.append(tag)
        pos = tag.end
    return out


# A role right after one of these is an object or a place, not the one bound (對主辦會計人員, 在有限公司).
_OBJECT_BEFORE = ("對於", "對", "向", "就", "經", "在", "將", "使", "令", "請", "被", "受")
# What may follow a role that is a word of its own (else: 公司章程, 商業登記 are longer nouns).
_AFTER_ROLE = "、及或與和，,之應得須不均並於對有在違未每必僅亦仍即所辦"
# 前項主辦會計人員之任免: the role is what the act is done to.
# …，由商業負責人簽名: the agent of the act; not 委由/交由 (the one entrusted acts for the one bound).
_LATER_AGENT = re.compile(r"(?<![委交])由")
_ACTS_ON_ROLE = re.compile(r"^之(?:" + "|".join(lexicon.role_object_nouns()) + ")")


def _bound(text: str, tag: nlp.Tag, later: list[nlp.Tag]) -> bool:
    """Whether the role ``tag`` can be the one a rule binds, judged by the words around it."""
    nxt = text[tag.end:tag.end + 1]
    if nxt and nxt not in _AFTER_ROLE and not nxt.isspace():
        return False  # part of a longer noun (公司章程), or the possessor of a role (商業出資人)
    if nxt == "之" and (any(t.start > tag.end for t in later) or _ACTS_ON_ROLE.match(text[tag.end:])):
        return False  # a possessor (商業之利害關係人) or an object (主辦會計人員之任免)
    return not _object_phrase(text, tag)


def _object_phrase(text: str, tag: nlp.Tag) -> bool:
    """The role's phrase opens with a preposition: 對主辦會計人員, 在有限公司."""
    phrase_start = max(text.rfind(sep, 0, tag.start) for sep in "，,") + 1
    return text[phrase_start:tag.start].lstrip().startswith(_OBJECT_BEFORE)


def addressees(text: str, tags: list[nlp.Tag], marker: nlp.Tag | None) -> list[str]:
    """Role ids the clause binds: the 由-agent after the marker, else the subject before it (a role
    opening the clause or closing its first phrase, even inside a condition: 有分支機構之商業，於…時，應…),
    else a 由-agent later in the clause; with no marker, the roles of its first segment.
    A role in an object position (對X, X之任免) is never the addressee."""
    roles = [t for t in tags if t.label == "ROLE"]
    if marker is None:
        outside = [m for m in re.finditer(r"由", text) if not any(p.start <= m.start() < p.end for p in exception_pieces(text))]
        agents = _agents(text, roles, outside[-1].end()) if outside else []
        if agents:
            return _unique(t.value for t in agents)
        first = re.search(r"[，,]", text)
        limit = first.start() if first else len(text)
        head = [t for t in roles if t.end <= limit]
        return _unique(t.value for i, t in enumerate(head) if _bound(text, t, head[i + 1:]))
    by = re.match(r"\s*(?:經由|由)", text[marker.end:])
    agents = _agents(text, roles, marker.end + by.end()) if by else []
    if agents:
        return _unique(t.value for t in agents)
    head = [t for t in roles if t.end <= marker.start]
    mask = clause_mask(text)
    kept = [t for i, t in enumerate(head) if not mask[t.start] and _bound(text, t, head[i + 1:])]
    if not kept:
        kept = _subject_of_first_phrase(text, head, marker)
    if not kept:
        later = [m for m in _LATER_AGENT.finditer(text, marker.end) if not mask[m.start()]]
        kept = _agents(text, roles, later[0].end()) if later else []
    return _unique(t.value for t in kept)


def _subject_of_first_phrase(text: str, head: list[nlp.Tag], marker: nlp.Tag) -> list[nlp.Tag]:
    """The roles that open the clause (商業有…義務者，應…) or end its first phrase (有分支機構之商業，…)."""
    first = re.search(r"[，,]", text)
    limit = min(first.start() if first else len(text), marker.start)
    phrase = [t for t in head if t.end <= limit]
    opening = _agents(text, phrase, 0)
    opening = [t for i, t in enumerate(opening) if _bound(text, t, opening[i + 1:])]
    if opening:
        return opening
    return [t for t in phrase if t.end == limit and not _object_phrase(text, t)]


def _unique(values) -> list[str]:
    out: list[str] = []
    for v in values:
        if v not in out:
            out.append(v)
    return out


def analyse_clauses(prov: ProvisionText, definition_ranges: list[Piece], inherited: str | None,
                    previous: str | None = None) -> list[Clause]:
    """The clauses of one provision with their modality.

    ``definition_ranges`` are the stretches of the text a definition covers;
    ``inherited`` is the modality of the lead-in a list item completes.
    """
    out: list[Clause] = []
    for piece in clauses(prov.text):
        text = piece.text
        share_tags(prov.text, piece.start, piece.end)
        for segment in segments(text):
            share_tags(text, segment.start, segment.end)
        if is_proviso(text) and out:
            out[-1].exceptions.append(text)
            continue
        tags = tags_of(text)
        marker = main_marker(text, tags)
        modality = _modality(text, marker, piece, definition_ranges, inherited, out[-1].modality if out else previous)
        clause = Clause(
            provision=prov.path,
            modality=modality,
            text=text,
            span=prov.span(piece.start, piece.end),
        )
        if marker is not None and modality in ("obligation", "prohibition", "permission"):
            clause.marker = marker.text
            clause.marker_span = prov.span(piece.start + marker.start, piece.start + marker.end)
            clause.action = text[marker.end:].strip(" ，,") or None
        if modality != "definition":
            clause.addressees = addressees(text, tags, None if modality == "penalty" else marker)
        clause.conditions = [p.text for p in condition_pieces(text, has_marker)]
        clause.exceptions = [p.text for p in exception_pieces(text)]
        out.append(clause)
    return out


def _modality(text: str, marker: nlp.Tag | None, piece: Piece, definition_ranges: list[Piece],
              inherited: str | None, previous: str | None = None) -> str:
    if any(r.start <= piece.start < r.end or piece.start <= r.start < piece.end for r in definition_ranges):
        return "definition"
    if inherited is not None and text.endswith("者"):
        return inherited  # an item that is a case of its lead-in (…經確定者)
    if is_penalty(text, marker) or inherited == "penalty":
        return "penalty"
    if delegates(text):
        return "other"
    if is_scope(text, marker):
        return "scope"
    if _LIFTS_DUTY.search(text) or _RELIEVED_OF_DUTY.search(text):
        return "permission"
    duty = _HAS_DUTY.search(text)
    if duty and not clause_mask(text)[duty.start()] and (marker is None or duty.start() < marker.start):
        return "obligation"
    if marker is not None:
        return _MODALITY_OF.get(marker.value, marker.value)
    if previous is not None and _SAME_AS_BEFORE.search(text):
        return previous  # …者，亦同: the rule before applies as well
    if inherited is not None:
        return inherited
    return "other"
