"""Sanction clauses: `…者，處X年以下有期徒刑、拘役或科或併科新臺幣Y元以下罰金`.

One :class:`Penalty` per clause that imposes sanctions.  A repeat-offence clause
(`經查獲後三年內再犯者，處…`) is a second penalty of the same article carrying its
repeat window.  The provisions whose violation is punished are the references
in the conduct (the clause before 處, and the items it lists).  A clause that
punishes `依各該條規定` or mitigates (`犯前二條之罪…得減輕或免除其刑`) points at
the penalty articles it draws on (``penalties_of``); an authority clause
(`本法所定之罰鍰，除第N條第M款由法院裁罰外，由各級主管機關裁罰之`) sets who imposes
the fines of the act.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ... import nlp
from .norms import tags_of
from .clauses import clauses
from .model import Act, Penalty, ProvisionPath, Reference, Sanction, TimeLimit
from .norms import addressees
from .provisions import ProvisionText
from .references import division_articles

# 處 + sanctions (not 裁處, 懲處, 處罰, 處分, 處理)
_SANCTION = re.compile(r"(?<![裁懲])(?:處|科)(?![罰分理所置])(?P<body>[^。；;]*?(?:罰鍰|罰金|徒刑|拘役|死刑)[^。；;]*)")
_TERM = re.compile(
    r"(?:(?P<min>[^、，,或及處]{1,6}?(?:年|個月|月))以上)?(?:(?P<max>[^、，,或及處以]{1,6}?(?:年|個月|月))以下)?(?P<kind>無期徒刑|有期徒刑|拘役)"
)
_FINE = re.compile(r"罰金|罰鍰")
_APPLIES_OTHERS = re.compile(r"依各該條(?:之)?規定(?:處罰|處斷|論處)")
_MITIGATION = re.compile(r"(?:得|應)?(減輕或免除其刑|免除其刑|減輕其刑)")
_AUTHORITY = re.compile(r"由(?P<who>[^，,。；;]{2,20}?)(?:裁罰|處罰|裁處)")
_AUTHORITY_EXCEPTION = re.compile(r"除(?P<refs>[^，,。；;]*?)由(?P<who>[^，,。；;]{2,20}?)(?:裁罰|處罰|裁處)外")
# 由中央主管機關處新臺幣…罰鍰: the authority named right before 處
_AGENT_BEFORE = re.compile(r"由(?P<who>[^，,。；;由]{2,20})$")
_REPEAT = re.compile(r"再犯")
_MONTHS = {"year": Decimal(12), "month": Decimal(1)}


def _months(text: str | None) -> Decimal | None:
    if not text:
        return None
    for tag in tags_of(text):
        if tag.label == "DURATION" and tag.value.unit in _MONTHS:
            return tag.value.value * _MONTHS[tag.value.unit]
    return None


def parse_sanctions(body: str) -> list[Sanction]:
    """The sanctions of one 處… phrase, in printed order."""
    found: list[tuple[int, Sanction]] = []
    for m in _TERM.finditer(body):
        kind = {"有期徒刑": "imprisonment", "無期徒刑": "life-imprisonment", "拘役": "detention"}[m["kind"]]
        sanction = Sanction(kind)
        if kind == "imprisonment":
            sanction.min_months = _months(m["min"])
            sanction.max_months = _months(m["max"])
            if sanction.min_months is None and sanction.max_months is None:
                continue  # 有期徒刑 named without a term (…以上之刑): not a sanction printed here
        found.append((m.start("kind"), sanction))
    money = [t for t in tags_of(body) if t.label == "MONEY"]
    previous_end = 0
    for m in _FINE.finditer(body):
        kind = "criminal-fine" if m.group() == "罰金" else "administrative-fine"
        sanction = Sanction(kind)
        amounts = [tag for tag in money if previous_end <= tag.start < m.start()]
        previous_end = m.end()
        if not amounts:
            continue  # 罰鍰 named without an amount: not a sanction printed here
        for tag in amounts:
            follows = body[tag.end:tag.end + 2]
            if follows == "以上":
                sanction.min_amount = tag.value.amount
            elif follows == "以下":
                sanction.max_amount = tag.value.amount
            else:
                sanction.min_amount = sanction.max_amount = tag.value.amount
            sanction.currency = tag.value.currency or sanction.currency
        found.append((m.start(), sanction))
    return [s for _, s in sorted(found, key=lambda pair: pair[0])]


def find_penalties(act: Act, lead: ProvisionText, items: list[ProvisionText],
                   references: dict[ProvisionPath, list[Reference]], repeat_windows: list[TimeLimit]) -> list[Penalty]:
    """The penalties stated in one paragraph (its lead-in ``lead`` and its ``items``)."""
    out: list[Penalty] = []
    lead_refs = references.get(lead.path, [])
    for piece in clauses(lead.text):
        text = piece.text
        sanction = _SANCTION.search(text)
        applies = _APPLIES_OTHERS.search(text)
        mitigation = _MITIGATION.search(text)
        if not (sanction or applies or mitigation):
            continue
        cut = min(m.start() for m in (sanction, applies, mitigation) if m)
        conduct = text[:cut].rstrip("，, ")
        refs = [r for r, _ in _refs_in(lead, lead_refs, piece.start, piece.start + cut) if not _names_people(lead, r)]
        penalty = Penalty(provision=lead.path, text=text, span=lead.span(piece.start, piece.end))
        penalty.conduct = conduct or None
        tags = tags_of(conduct) if conduct else []
        penalty.addressees = addressees(conduct, tags, None) if conduct else []
        if sanction and not parse_sanctions(sanction["body"]):
            sanction = None
            if not (applies or mitigation):
                continue
            cut = min(m.start() for m in (applies, mitigation) if m)
            conduct = text[:cut].rstrip("，, ")
            penalty.conduct = conduct or None
        if sanction:
            penalty.sanctions = parse_sanctions(sanction["body"])
            penalty.cumulative = "併科" in sanction["body"]
            who = _AUTHORITY.search(text[:sanction.start()]) or _AGENT_BEFORE.search(text[:sanction.start()])
            if who:
                penalty.authority = _role(who["who"])
        if mitigation and not sanction and not applies:
            penalty.mitigation = mitigation.group(1)
            penalty.penalties_of = _article_paths(refs)
        else:
            if applies:
                penalty.penalties_of = _article_paths(refs)
            penalty.sanctioned = _sanctioned(act, refs)
            if "下列" in text or ("之一" in text and lead.text.rstrip().endswith(("：", ":"))):
                for item in items:
                    penalty.sanctioned.extend(p for p in _sanctioned(act, references.get(item.path, []))
                                              if p not in penalty.sanctioned)
            if mitigation:
                penalty.mitigation = mitigation.group(1)
        if _REPEAT.search(conduct):
            for window in repeat_windows:
                if window.provision == lead.path and window.kind == "repeat-window" \
                        and lead.span(piece.start, piece.end).start <= window.span.start < lead.span(piece.start, piece.end).end:
                    penalty.repeat_offence = window
        out.append(penalty)
    return out


_PEOPLE_OF = re.compile(r"^(?:所列|所稱|所定|所指)(?:之)?[^，,。；;]{0,6}?(?:人員|之人|機關|團體|者)")


def _names_people(prov: ProvisionText, ref: Reference) -> bool:
    """前條所列人員 cites an article for who is meant, not for what was violated."""
    try:
        end = prov.offsets.index(ref.span.end - 1) + 1
    except ValueError:
        return False
    return _PEOPLE_OF.match(prov.text[end:]) is not None


def _refs_in(prov: ProvisionText, refs: list[Reference], start: int, end: int):
    lo, hi = prov.span(start, end).start, prov.span(start, end).end
    for ref in refs:
        if lo <= ref.span.start < hi:
            yield ref, ref.span.start


def _article_paths(refs: list[Reference]) -> list[ProvisionPath]:
    out: list[ProvisionPath] = []
    for ref in refs:
        if ref.target is not None and not ref.external_act:
            path = ProvisionPath(ref.target.article)
            if path not in out:
                out.append(path)
    return out


def _sanctioned(act: Act, refs: list[Reference]) -> list[ProvisionPath]:
    out: list[ProvisionPath] = []
    for ref in refs:
        if ref.external_act or ref.whole_act:
            continue
        if ref.target_division:
            paths = [ProvisionPath(a) for a in division_articles(act, ref.target_division)]
        elif ref.target is not None:
            paths = [ref.target]
        else:
            paths = []
        for path in paths:
            if path not in out:
                out.append(path)
    return out


def _role(text: str) -> str | None:
    roles = [t.value for t in tags_of(text) if t.label == "ROLE"]
    return roles[-1] if roles else None


def apply_authority(act: Act, prov: ProvisionText, references: list[Reference]) -> bool:
    """An authority clause: set who imposes the act's administrative fines.  True if ``prov`` is one."""
    found = False
    for piece in clauses(prov.text):
        text = piece.text
        if "罰鍰" not in text or _SANCTION.search(text):
            continue
        exceptions = list(_AUTHORITY_EXCEPTION.finditer(text))
        rest = _AUTHORITY_EXCEPTION.sub("", text)
        main = _AUTHORITY.search(rest)
        if not main:
            continue
        found = True
        authority = _role(main["who"])
        excepted: list[tuple[ProvisionPath, str]] = []
        for m in exceptions:
            who = _role(m["who"])
            for ref, _ in _refs_in(prov, references, piece.start + m.start(), piece.start + m.end()):
                if ref.target is not None and who:
                    excepted.append((ref.target, who))
        for penalty in act.penalties:
            if not any(s.kind == "administrative-fine" for s in penalty.sanctions):
                continue
            if authority and penalty.authority is None:
                penalty.authority = authority
            for path, who in excepted:
                if path.article == penalty.provision.article and (path, who) not in penalty.authority_exceptions:
                    penalty.authority_exceptions.append((path, who))
    return found
