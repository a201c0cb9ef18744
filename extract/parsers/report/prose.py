"""What the report states in running text: who publishes it, its frameworks, bodies and risk method."""

from __future__ import annotations

import re
from decimal import Decimal

from ...model import BlockKind, SourceDocument
from ...normalise.numerals import parse_number
from ..base import DataQualityNote
from . import vocab
from .model import FrameworkRef, GovernanceBody, Organisation, RiskBand, RiskMethod, Text
from .reading import text_at

_TITLE = re.compile(r"^(?P<org>\S.*?)\s*(?P<year>(?:19|20)\d{2})\s*(?:年度|年)?\s*(?P<rest>\S*(?:報告書|報告))\s*$")
# Year first: 2024年度 X 人權盡職調查報告 (the organisation ends where the report's own words begin).
_TITLE_YEAR_FIRST = re.compile(r"^(?P<year>(?:19|20)\d{2})\s*(?:年度|年)?\s*(?P<org>\S.*?)\s*(?P<rest>(?:人權|永續|企業社會責任)\S*(?:報告書|報告))\s*$")
_COPYRIGHT = re.compile(r"(?:©|\(c\)|Copyright)\s*(?P<year>(?:19|20)\d{2})?\s*(?P<name>[^\s©]+?(?:股份有限公司|有限公司))")
_SET_UP = re.compile(r"(?:設置|設立|成立)「(?P<name>[^」]+)」")
_QUOTED = re.compile(r"「([^」]+)」")


def read_title(doc: SourceDocument) -> tuple[Organisation, Text, str | None] | None:
    """The organisation and reporting year from the title heading (X 2024 人權盡職調查報告)."""
    for block in doc.blocks[:12]:
        if block.kind not in (BlockKind.HEADING, BlockKind.PARAGRAPH):
            continue
        match = _TITLE.match(block.span.text) or _TITLE_YEAR_FIRST.match(block.span.text)
        if match and match.group("org").strip():
            start = block.span.start
            org = text_at(doc, start + match.start("org"), start + match.end("org"))
            return Organisation(org.text, org.span), text_at(doc, start, block.span.end), match.group("year")
    return None


def read_copyright(doc: SourceDocument, organisation: Organisation) -> str | None:
    """The legal name and publication year from the copyright line (© 2025X股份有限公司)."""
    found = None
    for match in _COPYRIGHT.finditer(doc.text):
        found = match
    if found is None:
        return None
    organisation.legal_name = found.group("name")
    organisation.legal_span = doc.span(found.start("name"), found.end("name"))
    return found.group("year")


def read_frameworks(doc: SourceDocument) -> list[FrameworkRef]:
    by_alias = vocab.framework_by_alias()
    seen: dict[str, FrameworkRef] = {}
    for match in vocab.framework_pattern().finditer(doc.text):
        key = by_alias[match.group()]
        if key not in seen:
            f = vocab.frameworks()[key]
            seen[key] = FrameworkRef(key, f["label"], f["label_zh"], doc.span(match.start(), match.end()))
    return [seen[k] for k in vocab.frameworks() if k in seen]


def _is_body(name: str) -> str | None:
    return next((s for s in vocab.body_suffixes() if name.endswith(s) and len(name) > len(s)), None)


def read_bodies(doc: SourceDocument) -> list[GovernanceBody]:
    """Units the report says it set up (設置「…室」, 成立「…委員會」), with what they report to, their groups and meetings."""
    bodies: dict[str, GovernanceBody] = {}
    for block in doc.blocks:
        if block.kind not in (BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
            continue
        text = block.span.text
        base = block.span.start
        for match in _SET_UP.finditer(text):
            name = match.group("name")
            suffix = _is_body(name)
            if suffix is None:
                continue
            body = bodies.get(name)
            if body is None:
                body = bodies[name] = GovernanceBody(name, text_at(doc, base + match.start("name"), base + match.end("name")), suffix)
            if block.kind is BlockKind.PARAGRAPH:
                _read_body_paragraph(doc, body, base, text, match.end())
    return list(bodies.values())


def _read_body_paragraph(doc: SourceDocument, body: GovernanceBody, base: int, text: str, after: int) -> None:
    body.description = body.description or text_at(doc, base, base + len(text))
    if body.reports_to is None and (m := re.search(r"隸屬(?:於)?\s*([^，。、；\s]+)", text[after:])):
        body.reports_to = text_at(doc, base + after + m.start(1), base + after + m.end(1))
    if m := re.search(r"下轄(?:有)?((?:「[^」]+」\s*[、及和與]?\s*)+)", text[after:]):
        for quoted in _QUOTED.finditer(m.group(1)):
            start = base + after + m.start(1) + quoted.start(1)
            body.groups.append(text_at(doc, start, start + len(quoted.group(1))))
    if m := re.search(r"由([^，。；]+?)(?:擔任|出任|組成)", text[after:]):
        body.members.append(text_at(doc, base + after + m.start(1), base + after + m.end(1)))
    for word, frequency in vocab.frequencies():
        for m in re.finditer(re.escape(word) + r"[^，。；]*?(召開|會議|開會)", text):
            if body.meeting_frequency is None:
                body.meeting_frequency = frequency
                body.meeting_span = doc.span(base + m.start(), base + m.end())
        for m in re.finditer(re.escape(word) + r"\s*向\s*([^，。；\s]+?)\s*報告", text):
            if body.reporting_frequency is None:
                body.reporting_frequency = frequency
                body.reporting_span = doc.span(base + m.start(), base + m.end())
                if body.reports_to is None:
                    body.reports_to = text_at(doc, base + m.start(1), base + m.end(1))


_FORMULA = re.compile(r"風險\s*[=＝]\s*(?P<a>[^×xX*＊；;，,。\s]+)\s*[×xX*＊]\s*(?P<b>[^；;，,。\s]+)")
_BAND = re.compile(
    r"(?P<a>\d+(?:\.\d+)?)\s*分\s*(?P<ia>[（(]含[)）])?\s*(?P<op>以下|以上|~|～|－|-|至|到)\s*"
    r"(?:(?P<b>\d+(?:\.\d+)?)\s*分\s*(?P<ib>[（(]含[)）])?\s*)?(?:則)?為\s*(?P<name>[高中低]度?風險)"
)


def read_risk_method(doc: SourceDocument) -> RiskMethod | None:
    """The scoring rule (風險=影響程度×發生機率) and its bands as printed."""
    match = _FORMULA.search(doc.text)
    if match is None:
        return None
    formula = text_at(doc, match.start(), match.end())
    factors = [text_at(doc, match.start("a"), match.end("a")), text_at(doc, match.start("b"), match.end("b"))]
    line_end = doc.text.find("\n", match.end())
    line_end = len(doc.text) if line_end < 0 else line_end
    raw: list[dict] = []
    for band in _BAND.finditer(doc.text, match.end(), line_end):
        a = parse_number(band.group("a"))
        b = parse_number(band.group("b")) if band.group("b") else None
        op = band.group("op")
        if op == "以下":
            lo, hi, lo_inc, hi_inc = None, a, False, bool(band.group("ia")) or None
        elif op == "以上":
            lo, hi, lo_inc, hi_inc = a, None, bool(band.group("ia")) or None, False
        else:
            lo, hi, lo_inc, hi_inc = a, b, bool(band.group("ia")) or None, bool(band.group("ib")) or None
        raw.append(dict(rating=vocab.rating(band.group("name")), label=band.group("name"), lo=lo, hi=hi,
                        lo_inc=lo_inc, hi_inc=hi_inc, span=doc.span(band.start(), band.end())))
    bands = [_resolve(entry, raw) for entry in raw if entry["rating"]]
    return RiskMethod(formula, factors, bands)


def _resolve(entry: dict, others: list[dict]) -> RiskBand:
    """A bound printed without (含) is inclusive unless another band explicitly includes that value."""
    def inclusive(value: Decimal | None, flag: bool | None) -> bool:
        if value is None:
            return False
        if flag is not None:
            return flag
        claimed = any(o is not entry and ((o["lo"] == value and o["lo_inc"]) or (o["hi"] == value and o["hi_inc"])) for o in others)
        return not claimed
    return RiskBand(entry["rating"], entry["label"], entry["lo"], entry["hi"], inclusive(entry["lo"], entry["lo_inc"]),
                    inclusive(entry["hi"], entry["hi_inc"]), entry["span"])


def quality_notes(doc: SourceDocument, bodies: list[GovernanceBody]) -> list[DataQualityNote]:
    """Misprints kept as published: doubled function characters, known typos, a body named two ways."""
    notes: list[DataQualityNote] = []
    suspects = vocab.doubled_suspects()
    for match in re.finditer(r"([\u4e00-\u9fff])\1", doc.text):
        if match.group(1) in suspects:
            notes.append(DataQualityNote("doubled-character", f"'{match.group()}' doubles a character; '{match.group(1)}' is meant",
                                         doc.span(match.start(), match.end())))
    for wrong, right in vocab.typos().items():
        for match in re.finditer(re.escape(wrong), doc.text):
            if any(n.span.start <= match.start() < n.span.end for n in notes):
                continue
            notes.append(DataQualityNote("typo", f"'{wrong}' is a misprint of '{right}'", doc.span(match.start(), match.end())))
    for body in bodies:
        stem = body.name.text[: -len(body.kind)]
        for suffix in vocab.body_suffixes():
            if suffix == body.kind or len(suffix) > 1 and body.kind.endswith(suffix):
                continue
            for match in re.finditer(re.escape(stem + suffix), doc.text):
                notes.append(DataQualityNote(
                    "inconsistent-name", f"'{stem + suffix}' names the body the report sets up as '{body.name.text}'",
                    doc.span(match.start(), match.end())))
    return sorted(notes, key=lambda n: (n.span.start, n.kind))
