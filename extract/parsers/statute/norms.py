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

from ... import nlp
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
    """The pipeline's tags of ``text``."""
    tags = _TAGS.get(text)
    if tags is None:
        tags = _TAGS[text] = tuple(nlp.annotate(text))
    return tags


def prime_tags(texts: list[str]) -> None:
    """Tag many texts in one batch (and forget the texts of earlier acts)."""
    _TAGS.clear()
    todo = list(dict.fromkeys(texts))
    for text, tags in zip(todo, nlp.annotate_many(todo)):
        _TAGS[text] = tuple(tags)


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


def clause_mask(text: str) -> bytearray:
    return masked(text, has_marker)


def main_marker(text: str, tags: list[nlp.Tag]) -> nlp.Tag | None:
    """The marker that states the clause's modality, or None."""
    mask = clause_mask(text)
    if text.endswith("者") and "，" not in text and "," not in text:
        return None  # a clause that is all one condition (an item: …而受孕者) states no modality
    candidates = [t for t in tags if t.label == "DEONTIC" and not mask[t.start]]
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


def is_scope(text: str, marker: nlp.Tag | None) -> bool:
    mask = clause_mask(text)
    for m in _SCOPE_WORDS.finditer(text):
        if not mask[m.start()]:
            return True
    return marker is None and (_SCOPE_RULE.match(text) is not None or _THIS_ACT_GOVERNS.search(text) is not None)


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


def addressees(text: str, tags: list[nlp.Tag], marker: nlp.Tag | None) -> list[str]:
    """Role ids the clause addresses: the 由-agent after the marker, else the roles before it
    (with no marker, the roles of its first segment)."""
    roles = [t for t in tags if t.label == "ROLE"]
    if marker is not None:
        after = text[marker.end:]
        by = re.match(r"\s*(?:經由|由)", after)
        if by:
            agents = _agents(text, roles, marker.end + by.end())
            if agents:
                return _unique(t.value for t in agents)
        head = [t for t in roles if t.end <= marker.start]
        mask = clause_mask(text)
    else:
        outside = [m for m in re.finditer(r"由", text) if not any(p.start <= m.start() < p.end for p in exception_pieces(text))]
        agents = _agents(text, roles, outside[-1].end()) if outside else []
        if agents:
            return _unique(t.value for t in agents)
        first = re.search(r"[，,]", text)
        limit = first.start() if first else len(text)
        head = [t for t in roles if t.end <= limit]
        mask = bytearray(len(text))
    kept = []
    for i, tag in enumerate(head):
        if mask[tag.start]:
            continue
        nxt = text[tag.end:tag.end + 1]
        if nxt and nxt not in "、及或與和，,之應得須不均並於對有在違未" and not nxt.isspace():
            continue  # part of a longer noun (公司章程, 商業登記)
        if nxt == "之" and any(later.start > tag.end for later in head[i + 1:]):
            continue  # a possessor (商業之利害關係人)
        kept.append(tag)
    return _unique(t.value for t in kept)


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
