"""Hong Kong Legislative Council papers: a bureau's paper to a panel on a fund and its programmes.

The parser reads the kind's parts — head (document type, panel, title),
numbered paragraphs, the cited papers, the fund's approval and governance,
one progress table per programme, the signature — by the kind's vocabulary
(lexicon/legco.toml), and adds the checks a reader makes (the programmes'
expenditure summed, and its share of the fund) as derived metrics.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from ...errors import InputError
from ...metrics import Metric
from ...model import SourceDocument
from ..base import DataQualityNote, ParsedDocument
from . import paper as paper_parts
from . import vocabulary as vocab
from .fund import parse_fund
from .model import Fund, LegcoPaper, Programme
from .programmes import read_programmes

_HEAD_CHARS = 600
_MIN_ROW_WORDS = 3
_SHARE_PLACES = Decimal("0.01")


class LegcoParser:
    kind = "legco-paper"
    version = "1.0"

    def detect(self, doc: SourceDocument) -> float:
        """The share of the kind's signs present: a panel and a document type at the head, a fund,
        progress-table row labels, and a bureau's signature at the end."""
        head = doc.text[:_HEAD_CHARS]
        rows = vocab.table("rows")
        signs = [
            paper_parts.panel(doc) is not None,
            any(t in head for t in vocab.table("paper", "document_types")),
            any(suffix in doc.text for suffix in vocab.table("fund", "suffixes")),
            sum(1 for word in rows if word in doc.text) >= _MIN_ROW_WORDS,
            paper_parts.signature(doc)[0] is not None or vocab.reference_pattern().search(doc.text) is not None,
        ]
        return sum(signs) / len(signs)

    def parse(self, doc: SourceDocument) -> ParsedDocument:
        if not doc.blocks:
            raise InputError(doc.path, "no text to read as a LegCo paper")
        notes: list[DataQualityNote] = []
        panel = paper_parts.panel(doc)
        doc_type = paper_parts.document_type(doc)
        bureau, date = paper_parts.signature(doc)
        numbered = paper_parts.numbered_paragraphs(doc)
        own_number, cited = paper_parts.references(doc)
        # The title is the first head line that is neither the panel nor the paper's number.
        taken = paper_parts.head_blocks_holding(doc, panel.span if panel else None, own_number.span if own_number else None)
        result = LegcoPaper(
            title=paper_parts.title(doc, taken),
            number=own_number,
            panel=panel,
            document_type=doc_type,
            bureau=bureau,
            date=date,
            sections=[section for _, section in paper_parts.sections(doc)],
            paragraphs=[p for _, p in numbered],
            references=cited,
        )
        result.fund = parse_fund(doc, paper_parts.text_blocks(doc))
        result.programmes = read_programmes(doc, notes)
        result.derived = derived_checks(result.fund, result.programmes)
        _fill_meta(doc, result)
        return ParsedDocument(doc, self.kind, self.version, root=result, notes=notes)


def _fill_meta(doc: SourceDocument, paper: LegcoPaper) -> None:
    meta = doc.meta
    if meta.title is None and paper.title is not None:
        meta.title = paper.title.name
    if meta.issuer is None and paper.bureau is not None:
        meta.issuer = paper.bureau.name
    if meta.date is None and paper.date is not None:
        meta.date = paper.date.iso
    if meta.language is None:
        meta.language = "zh-Hant-HK"


def derived_checks(fund: Fund | None, programmes: list[Programme]) -> list[Metric]:
    """The programmes' expenditure summed, and that sum as a share of the fund's approved amount."""
    spent = [p.expenditure for p in programmes if p.expenditure is not None]
    if not spent or len({m.unit for m in spent}) != 1:
        return []
    total = sum((m.value for m in spent), Decimal(0))
    periods = {m.period for m in spent}
    period = spent[0].period if len(periods) == 1 else None
    subject = fund.name if fund is not None else "programmes"
    derived = [
        Metric(
            key="derived/expenditure-total",
            measure="expenditure-total",
            value=total,
            unit=spent[0].unit,
            unit_label=spent[0].unit,
            span=spent[0].span,
            subject_label=subject,
            subject_key="fund" if fund is not None else None,
            period=period,
            description="cumulative expenditure of all programmes",
            derived=True,
            derivation="sum of the cumulative expenditure of programmes "
            + ", ".join(f"{p.key} ({p.expenditure.value})" for p in programmes if p.expenditure is not None),
        )
    ]
    if fund is not None and fund.approved_amount and fund.currency == spent[0].unit and fund.amount_span is not None:
        share = (total / fund.approved_amount * 100).quantize(_SHARE_PLACES, rounding=ROUND_HALF_UP)
        derived.append(
            Metric(
                key="derived/expenditure-share",
                measure="expenditure-share-of-fund",
                value=share,
                unit="percent",
                unit_label="%",
                span=fund.amount_span,
                subject_label=subject,
                subject_key="fund",
                period=period,
                description="cumulative expenditure of all programmes as a share of the approved amount",
                derived=True,
                derivation=f"{total} / {fund.approved_amount} × 100, rounded to 2 decimal places",
            )
        )
    return derived


PARSER = LegcoParser()
