"""Human-rights due-diligence and sustainability reports (kind ``due-diligence-report``).

The parser reads the report's title and copyright line for who publishes it,
its running text for frameworks, governance bodies, the risk method and
figures, and its tables (found by their header words, see tables.py) for
policies, training, risks and measures, indicators and plant audits.  Nothing
here names a company: the vocabulary is in extract/lexicon/report.toml.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from ...errors import InputError
from ...metrics import Metric
from ...model import BlockKind, SourceDocument
from ..base import DataQualityNote, ParsedDocument
from . import checks, prose, readers, sections, vocab
from .figures import Figure, digest, figure_metric, figures_in
from .model import Briefing, Facility, Organisation, Report, ScopeRef, SupplierAudit, Text, Training
from .reading import text_at, year_in
from .tables import Table, find_tables, heading_before, scope_before

_SIGNS = ("人權", "盡職調查", "永續", "RBA", "SA8000", "供應商", "風險")
_PROSE = (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.FOOTNOTE, BlockKind.HEADING)
_PARTNER_WORDS = tuple(word for word, party in vocab.parties() if party in ("supplier", "contractor"))
_SCANNED_TABLES = ("policy", "identification", "tools", "mechanisms", "measures", "indicators")


class ReportParser:
    kind = "due-diligence-report"
    version = "1.0"

    def detect(self, doc: SourceDocument) -> float:
        hits = sum(1 for sign in _SIGNS if sign in doc.text)
        return hits / len(_SIGNS)

    def parse(self, doc: SourceDocument) -> ParsedDocument:
        report = _read_report_header(doc)
        report.frameworks = prose.read_frameworks(doc)
        report.bodies = prose.read_bodies(doc)
        report.risk_method = prose.read_risk_method(doc)
        report.legend = readers.read_legend(doc)
        tables = find_tables(doc)
        claimed: set[tuple[int, int]] = set()
        table_notes = _read_tables(doc, report, tables)
        _band_metrics(doc, report, claimed)
        figures = _prose_figures(doc, report, tables, claimed)
        _training_totals(doc, report, tables, figures)
        _briefings_and_audits(doc, report, figures)
        _collect_metrics(report, figures)
        stated = [m for m in report.metrics if m.measure == "risk-issues" and m.description and vocab.rating(m.description)]
        report.checks.extend(checks.rating_count_checks(stated, report.issues, vocab.rating))
        section_of = sections.read_sections(doc, report)
        report.scope_definitions = sections.read_scope_definitions(doc)
        report.contents = sections.read_contents(doc)
        report.statements = sections.read_statements(doc, report, section_of)
        notes = sorted(prose.quality_notes(doc, report.bodies) + table_notes, key=lambda n: (n.span.start, n.kind))
        _fill_meta(doc, report)
        return ParsedDocument(doc, self.kind, self.version, root=report, notes=notes)


def _fill_meta(doc: SourceDocument, report: Report) -> None:
    """What a manifest would have said, read from the report itself (a manifest still wins)."""
    meta = doc.meta
    if meta.title is None and report.title.text:
        meta.title = report.title.text
    if meta.issuer is None:
        meta.issuer = report.organisation.legal_name or report.organisation.name or None
    if meta.date is None and report.published:
        meta.date = report.published
    if meta.language is None:
        meta.language = vocab.default_language()


def _read_report_header(doc: SourceDocument) -> Report:
    title = prose.read_title(doc)
    if title is None:
        organisation = Organisation("", doc.span(0, 0))
        published = prose.read_copyright(doc, organisation)
        if not organisation.legal_name:
            raise InputError(doc.path, "no report title (organisation, year, 報告) and no copyright line naming the company",
                             hint="is this a due-diligence report?")
        organisation.name, organisation.span = organisation.legal_name, organisation.legal_span
        first = next((b for b in doc.blocks if b.kind is BlockKind.HEADING), doc.blocks[0])
        return Report(organisation, text_at(doc, first.span.start, first.span.end), year_in(doc.text), published)
    organisation, heading, year = title
    published = prose.read_copyright(doc, organisation)
    return Report(organisation, heading, year, published)


def _read_tables(doc: SourceDocument, report: Report, tables: list[Table]) -> list[DataQualityNote]:
    facilities: dict[str, Facility] = {}
    unexplained: list[DataQualityNote] = []
    last_scope: dict[str, ScopeRef] = {}
    carried: dict[str, dict] = {}
    for table in tables:
        if table.kind == "training":
            heading = heading_before(doc, table)
            year = _section_year(doc, table) or report.year
            key = year or ""
            if any(t.key == key for t in report.training):
                key = f"{key}/{heading.span.text if heading else len(report.training)}"
            courses, totals = readers.read_training(doc, table, year, key)
            training = Training(key, year, doc.span(table.blocks[0].span.start, table.blocks[-1].span.end), courses,
                                totals.get("attendance"), totals.get("total_hours"))
            report.training.append(training)
        elif table.kind == "policy":
            report.policies.extend(readers.read_policies(doc, table))
        elif table.kind == "identification":
            found = readers.read_identification(doc, table)
            notes = sections.notes_after(doc, table.blocks[-1])
            for entry in found:
                entry.notes = notes
            report.identifications.extend(found)
        elif table.kind == "tools":
            report.assessments.extend(readers.read_tools(doc, table))
        elif table.kind == "mechanisms":
            report.mechanisms.extend(readers.read_mechanisms(doc, table))
        elif table.kind in ("measures", "indicators"):
            scope = scope_before(doc, table) or last_scope.get(table.kind)
            if scope is None:
                continue
            last_scope[table.kind] = scope
            if table.kind == "measures":
                issues, measures = readers.read_measures(doc, table, scope, carried.setdefault(scope.key, {}))
                report.issues.extend(issues)
                report.measures.extend(measures)
            else:
                report.indicators.extend(readers.read_indicators(doc, table, scope, report.year))
        elif table.kind in ("facilities", "facilities-by-row"):
            for cell in readers.read_facilities(doc, table, report.legend, facilities):
                unexplained.append(DataQualityNote("unexplained-symbol", f"the plant table uses '{cell.text.strip()}', which no legend of the report explains",
                                                   cell.span))
            report.plant_notes.extend(sections.notes_after(doc, table.blocks[-1]))
    report.facilities = list(facilities.values())
    report.metrics.extend(readers.scale_metrics(doc, report.plant_notes, report.year))
    return unexplained


def _section_year(doc: SourceDocument, table: Table) -> str | None:
    first = table.blocks[0]
    for index in range(first.index - 1, max(-1, first.index - 4), -1):
        block = doc.blocks[index]
        if block.kind is BlockKind.TABLE:
            break
        if year := year_in(block.span.text):
            return year
    return None


def _band_metrics(doc: SourceDocument, report: Report, claimed: set[tuple[int, int]]) -> None:
    if report.risk_method is None:
        return
    for band in report.risk_method.bands:
        for figure in figures_in(doc, band.span):
            report.metrics.append(figure_metric(figure, key_prefix="risk-band", default_year=report.year,
                                                measure="risk-score-bound", subject=band.label))
            claimed.add((figure.span.start, figure.span.end))


def _prose_figures(doc: SourceDocument, report: Report, tables: list[Table], claimed) -> list[tuple[int, Figure, str | None]]:
    """(block index, figure, subject override) for numbers in running text and in the text cells of tables."""
    out: list[tuple[int, Figure, str | None]] = []
    for block in doc.blocks:
        if block.kind in _PROSE:
            start = block.span.start
            # A list item's or footnote's marker is layout; the line is read from its start.
            line_start = doc.text.rfind("\n", 0, start) + 1
            span = doc.span(line_start if block.kind is not BlockKind.HEADING else start, block.span.end)
            context = heading.span.text if (heading := _heading_of(doc, block.index)) else ""
            out.extend((block.index, f, None) for f in figures_in(doc, span, context=context, claimed=claimed))
    for table in tables:
        if table.kind not in _SCANNED_TABLES:
            continue
        for block in table.blocks:
            for row in table.rows if block is table.blocks[0] else []:
                label = next((c.text.strip() for c in row if not c.is_empty), "")[:40]
                for cell in row:
                    for frag in cell.fragments:
                        for figure in figures_in(doc, frag.span, context=label, claimed=claimed):
                            out.append((block.index, figure, label if table.kind == "indicators" else None))
    return out


def _heading_of(doc: SourceDocument, index: int):
    for i in range(index - 1, -1, -1):
        if doc.blocks[i].kind is BlockKind.HEADING:
            return doc.blocks[i]
    return None


def _training_totals(doc: SourceDocument, report: Report, tables: list[Table], figures) -> None:
    """The stated totals of each training table: printed in its total row, or in the text of its section."""
    training_tables = [t for t in tables if t.kind == "training"]
    for training, table in zip(report.training, training_tables):
        heading = heading_before(doc, table)
        lo = heading.index if heading else max(0, table.blocks[0].index - 3)
        hi = table.blocks[-1].index + 2
        section = [f for index, f, _ in figures if lo <= index <= hi and f.topic == "training"]
        key = f"training/{training.key}"
        for attr, unit, measure in (("stated_attendance", "person-time", "attendance"), ("stated_total_hours", "hour", "training-hours")):
            if getattr(training, attr) is not None:
                continue
            found = [f for f in section if f.unit == unit]
            if found:
                figure = found[-1]
                metric = figure_metric(figure, key_prefix="training-total", default_year=training.year, measure=measure,
                                       subject_key=key)
                setattr(training, attr, metric)
        training.checks, derived = checks.training_checks(training)
        report.checks.extend(training.checks)
        report.metrics.extend(derived)


def _sentence_of(doc: SourceDocument, figure: Figure) -> tuple[int, int]:
    text = doc.text
    start = max(text.rfind(ch, 0, figure.span.start) for ch in "。\n；") + 1
    ends = [i for i in (text.find(ch, figure.span.end) for ch in "。\n；") if i >= 0]
    return start, (min(ends) + 1 if ends else len(text))


def _briefings_and_audits(doc: SourceDocument, report: Report, figures) -> None:
    prose_blocks = {b.index for b in doc.blocks if b.kind in _PROSE}
    by_sentence: dict[tuple[int, int], list[Figure]] = {}
    for index, figure, _ in figures:
        if index in prose_blocks:
            by_sentence.setdefault(_sentence_of(doc, figure), []).append(figure)
    grouped: dict[tuple[str, tuple[int, int]], list[Figure]] = {}
    for sentence, found in by_sentence.items():
        # The sentence's topic is that of its first briefing or audit figure; its other counts belong with it.
        topic = next((f.topic for f in found if f.topic in ("briefing", "audits")), None)
        # Briefings and audits of business partners: the sentence names suppliers or contractors.
        if topic is not None and any(word in doc.text[sentence[0]:sentence[1]] for word in _PARTNER_WORDS):
            grouped[(topic, sentence)] = found
    for (topic, (start, end)), found in sorted(grouped.items(), key=lambda kv: kv[0][1]):
        sentence = doc.text[start:end]
        year = year_in(sentence) or report.year
        if topic == "briefing":
            quoted = re.search(r"「([^」]+)」", sentence)
            name = (text_at(doc, start + quoted.start(1), start + quoted.end(1)) if quoted
                    else Text(found[0].subject, found[0].span))
            metrics = [figure_metric(f, key_prefix="briefing", default_year=year, subject=name.text, subject_key=f"briefing/{name.text}")
                       for f in found]
            report.briefings.append(Briefing(f"{name.text}/{year}", name, year, metrics))
        else:
            groups = [figure_metric(f, key_prefix="supplier-audit", default_year=year, measure="audited-suppliers")
                      for f in found if f.unit == "company"]
            audits = [figure_metric(f, key_prefix="supplier-audit", default_year=year, measure="audits")
                      for f in found if f.unit == "occurrence"]
            # The programme is the whole paragraph: what follows the figures (follow-up, results) belongs to it.
            block = next((b for b in doc.blocks if b.span.start <= start < b.span.end or start <= b.span.start < end), None)
            text = text_at(doc, block.span.start, block.span.end) if block is not None else text_at(doc, start, end)
            if len(groups) > 1:
                total = sum((g.value for g in groups), Decimal(0))
                groups.append(replace(groups[0], key=f"{groups[0].key}/total", value=total, subject_label="all audited suppliers",
                                      span=text.span,
                                      description=None, derived=True,
                                      derivation=f"sum of the {len(groups)} supplier groups audited in the sentence"))
            if groups or audits:
                report.supplier_audits.append(SupplierAudit(f"{year or ''}/{digest(text.text)}", year, text, groups,
                                                            audits[0] if audits else None))


def _collect_metrics(report: Report, figures) -> None:
    """Every number once: structured ones first, then the remaining figures of the text."""
    metrics: list[Metric] = list(report.metrics)
    for training in report.training:
        for course in training.courses:
            metrics.extend((course.hours, course.attendance, course.total_hours))
        metrics.extend(m for m in (training.stated_attendance, training.stated_total_hours) if m is not None)
    for briefing in report.briefings:
        metrics.extend(briefing.figures)
    for audit in report.supplier_audits:
        metrics.extend(audit.supplier_groups)
        if audit.audits is not None:
            metrics.append(audit.audits)
    for facility in report.facilities:
        metrics.extend(a.score for a in facility.assessments if a.score is not None)
    taken = {(m.span.start, m.span.end) for m in metrics if not m.derived}
    for _, figure, subject in figures:
        if (figure.span.start, figure.span.end) in taken:
            continue
        taken.add((figure.span.start, figure.span.end))
        metrics.append(figure_metric(figure, key_prefix="figure", default_year=report.year, subject=subject))
    unique: dict[str, Metric] = {}
    for metric in metrics:
        key = metric.key
        n = 2
        while key in unique and unique[key] is not metric:
            key = f"{metric.key}-{n}"
            n += 1
        unique[key] = metric if key == metric.key else replace(metric, key=key)
    report.metrics = list(unique.values())


PARSER = ReportParser()
