"""RDF mapping of due-diligence reports (document and blocks are mapped by mapping.document).

Shared nodes, the same in every report's graph so reports join up:
frameworks ``id/framework/<id>``, scopes ``id/scope/<id>``, value-chain
parties ``id/party/<id>``, the organisation ``id/org/<name>`` and its plants
``id/org/<name>/facility/<code>``.  Everything else is minted inside the
document (``id/doc/<doc>/…``) from keys the parser built out of printed labels.
"""

from __future__ import annotations

import re

from pyoxigraph import NamedNode

from ...extract.metrics import Metric
from ...extract.parsers.base import ParsedDocument
from ...extract.parsers.report.model import (
    ConsistencyCheck, Facility, GovernanceBody, Indicator, Measure, Report, RiskIssue, ScopeRef, Text, Training,
)
from .. import iri
from ..namespaces import dcterms, rdfs, tl, xsd
from .metrics import map_metric
from .writer import GraphWriter, date_literal, literal


def framework_node(key: str) -> NamedNode:
    return NamedNode(iri.mint("framework", key))


def scope_node(scope: str) -> NamedNode:
    return NamedNode(iri.mint("scope", scope))


def party_node(party: str) -> NamedNode:
    return NamedNode(iri.mint("party", party))


def issue_topic_key(name: str) -> str:
    """One topic for 歧視及騷擾, 歧視/騷擾 and 歧視 / 騷擾."""
    return re.sub(r"\s*(?:/|／|及|、|與|和)\s*", "/", re.sub(r"\s+", "", name)) if name else name


def map_document(parsed: ParsedDocument, out: GraphWriter) -> None:
    report = parsed.root
    if not isinstance(report, Report):
        return
    _ReportMapper(report, out).run()


class _ReportMapper:
    def __init__(self, report: Report, out: GraphWriter):
        self.report = report
        self.out = out
        name = report.organisation.legal_name or report.organisation.name
        self.org = NamedNode(iri.mint("org", name))
        self.node_of_report = out.node("report")
        self.metric_nodes: dict[str, NamedNode] = {}
        self.subjects: dict[str, NamedNode] = {}

    def run(self) -> None:
        self.organisation()
        self.frameworks()
        self.policies()
        self.bodies()
        self.training()
        self.briefings()
        self.risk_method()
        self.identification()
        self.risks_and_measures()
        self.indicators()
        self.facilities()
        self.supplier_audits()
        self.metrics()
        self.checks()
        self.outline()

    # -- helpers -----------------------------------------------------------
    def text_node(self, node: NamedNode, cls: NamedNode, text: Text, *, label: str | None = None) -> NamedNode:
        return self.out.fact(node, cls, text.span, label=label if label is not None else text.text)

    def scope(self, node: NamedNode, scope: ScopeRef) -> None:
        self.out.add(node, tl.scope, scope_node(scope.scope))
        for party in scope.parties:
            party_iri = party_node(party)
            self.out.typed(party_iri, tl.Party)
            self.out.add(party_iri, rdfs.label, literal(party.replace("-", " "), lang="en"))
            self.out.add(party_iri, tl.code, literal(party))
            self.out.add(node, tl.party, party_iri)
        self.out.add_text(node, tl.scopeLabel, scope.label)

    def _scope_nodes(self) -> None:
        for scope_id in ("own-operations", "value-chain"):
            node = scope_node(scope_id)
            self.out.typed(node, tl.Scope)
            self.out.add(node, rdfs.label, literal(scope_id.replace("-", " "), lang="en"))
            self.out.add(node, tl.code, literal(scope_id))

    # -- organisation, report, frameworks ------------------------------------------
    def organisation(self) -> None:
        out, r = self.out, self.report
        out.fact(self.org, tl.Organisation, r.organisation.span, label=r.organisation.name)
        if r.organisation.legal_name:
            out.add_text(self.org, tl.legalName, r.organisation.legal_name)
            out.derived_from(self.org, r.organisation.legal_span)
        node = self.node_of_report
        out.fact(node, tl.DueDiligenceReport, r.title.span, label=r.title.text)
        out.add_text(node, dcterms.title, r.title.text)
        out.add_text(node, dcterms.publisher, r.organisation.legal_name or r.organisation.name)
        out.add(node, tl.reportingOrganisation, self.org)
        out.add(node, tl.inDocument, out.document)
        out.add(out.document, tl.hasReport, node)
        if r.year:
            out.add(node, tl.reportingYear, date_literal(r.year))
        if r.published:
            out.add(node, dcterms.issued, date_literal(r.published))
        self._scope_nodes()

    def frameworks(self) -> None:
        for ref in self.report.frameworks:
            node = framework_node(ref.id)
            self.out.typed(node, tl.Framework)
            self.out.add(node, tl.code, literal(ref.id))
            self.out.add(node, rdfs.label, literal(ref.label, lang="en"))
            self.out.add(node, rdfs.label, literal(ref.label_zh, lang="zh-Hant"))
            self.out.add(self.node_of_report, tl.commitsTo, node)
            mention = self.out.node("framework-mention", ref.id)
            self.out.fact(mention, tl.FrameworkMention, ref.span, label=ref.span.text)
            self.out.add(mention, tl.mentions, node)
            self.out.add(mention, tl.inReport, self.node_of_report)

    # -- policies and governance --------------------------------------------------------
    def policies(self) -> None:
        for policy in self.report.policies:
            node = self.out.node("policy", policy.key)
            self.text_node(node, tl.Policy, policy.name)
            self.out.add(node, tl.policyOf, self.org)
            self.out.add(node, tl.inReport, self.node_of_report)
            for scope in policy.scopes:
                self.scope(node, scope)
                self.out.derived_from(node, scope.span)
            for number, commitment in enumerate(policy.commitments, 1):
                c = self.out.node("policy", policy.key, "commitment", number)
                self.text_node(c, tl.Commitment, commitment)
                self.out.add(node, tl.commitment, c)
                self.out.add_value(c, tl.position, number)
            for url in policy.urls:
                self.out.add(node, tl.url, literal(url.text, datatype=xsd.anyURI))
                self.out.derived_from(node, url.span)

    def bodies(self) -> None:
        for body in self.report.bodies:
            node = self._body(body.name.text, body.name)
            self.out.add_value(node, tl.unitKind, body.kind)
            if body.reports_to is not None:
                parent = self._body(body.reports_to.text, body.reports_to)
                self.out.add(node, tl.reportsTo, parent)
            for group in body.groups:
                g = self.out.node("body", body.key, "group", group.text)
                self.text_node(g, tl.WorkingGroup, group)
                self.out.add(node, tl.hasGroup, g)
            for member in body.members:
                self.out.add_text(node, tl.memberDescription, member.text)
                self.out.derived_from(node, member.span)
            if body.meeting_frequency:
                self.out.add_value(node, tl.meetingFrequency, body.meeting_frequency)
                self.out.derived_from(node, body.meeting_span)
            if body.reporting_frequency:
                self.out.add_value(node, tl.reportingFrequency, body.reporting_frequency)
                self.out.derived_from(node, body.reporting_span)
            if body.description is not None:
                self.out.derived_from(node, body.description.span)

    def _body(self, name: str, text: Text) -> NamedNode:
        node = self.out.node("body", name)
        self.text_node(node, tl.GovernanceBody, text)
        self.out.add(node, tl.organisation, self.org)
        return node

    # -- training -------------------------------------------------------------------
    def training(self) -> None:
        for training in self.report.training:
            node = self._programme(training)
            for course in training.courses:
                c = self.out.node("training", training.key, "course", course.key)
                self.text_node(c, tl.TrainingCourse, course.name)
                self.out.add(c, tl.inProgramme, node)
                self.out.add_value(c, tl.courseNumber, course.number)
                self.out.add_value(c, tl.hours, course.hours.value)
                self.out.add_value(c, tl.attendance, course.attendance.value)
                self.out.add_value(c, tl.totalHours, course.total_hours.value)
                for metric in (course.hours, course.attendance, course.total_hours):
                    self.subjects[metric.key] = c
            for attr, prop in (("stated_attendance", tl.statedAttendance), ("stated_total_hours", tl.statedTotalHours)):
                metric = getattr(training, attr)
                if metric is not None:
                    self.subjects[metric.key] = node
                    self.out.add(node, prop, self.metric_node(metric))
                    self.out.add_value(node, tl.attendance if attr == "stated_attendance" else tl.totalHours, metric.value)

    def _programme(self, training: Training) -> NamedNode:
        node = self.out.node("training", training.key)
        self.out.fact(node, tl.TrainingProgramme, training.table, label=f"{self.report.organisation.name} {training.year or ''} training")
        self.out.add(node, tl.organisation, self.org)
        self.out.add(node, tl.inReport, self.node_of_report)
        if training.year:
            self.out.add(node, tl.reportingYear, date_literal(training.year))
        return node

    def briefings(self) -> None:
        for briefing in self.report.briefings:
            node = self.out.node("briefing", briefing.key)
            self.text_node(node, tl.Briefing, briefing.name)
            self.out.add(node, tl.organisation, self.org)
            if briefing.year:
                self.out.add(node, tl.reportingYear, date_literal(briefing.year))
            for metric in briefing.figures:
                self.subjects[metric.key] = node
                self.out.add(node, tl.figure, self.metric_node(metric))

    # -- risk method, identification, risks, measures --------------------------------------
    def risk_method(self) -> None:
        method = self.report.risk_method
        if method is None:
            return
        node = self.out.node("risk-method")
        self.out.fact(node, tl.RiskMethod, method.formula.span, label=method.formula.text)
        self.out.add(node, tl.inReport, self.node_of_report)
        self.out.add(node, tl.organisation, self.org)
        self.out.add_text(node, tl.formula, method.formula.text)
        for factor in method.factors:
            self.out.add_text(node, tl.factor, factor.text)
        for band in method.bands:
            b = self.out.node("risk-method", "band", band.rating)
            self.out.fact(b, tl.RiskBand, band.span, label=band.label)
            self.out.add(node, tl.band, b)
            self.out.add_value(b, tl.rating, band.rating)
            self.out.add_value(b, tl.minScore, band.minimum)
            self.out.add_value(b, tl.maxScore, band.maximum)
            if band.minimum is not None:
                self.out.add_value(b, tl.minInclusive, band.min_inclusive)
            if band.maximum is not None:
                self.out.add_value(b, tl.maxInclusive, band.max_inclusive)
        for assessment in self.report.assessments:
            a = self.out.node("risk-assessment", assessment.key)
            self.out.fact(a, tl.ScopeAssessment, assessment.scope.span, label=assessment.scope.label)
            self.out.add(a, tl.organisation, self.org)
            self.out.add(a, tl.method, node)
            self.scope(a, assessment.scope)
            for issue in assessment.issues:
                self.out.add(a, tl.assessesIssue, self._topic(issue))
            for tool in assessment.tools:
                t = self.out.node("risk-assessment", assessment.key, "tool", tool.text)
                self.text_node(t, tl.AssessmentTool, tool)
                self.out.add(a, tl.tool, t)

    def _topic(self, text: Text) -> NamedNode:
        node = self.out.node("issue", issue_topic_key(text.text))
        self.out.fact(node, tl.HumanRightsIssue, text.span, label=text.text)
        return node

    def identification(self) -> None:
        for ident in self.report.identifications:
            node = self.out.node("impact-identification", ident.scope.key)
            self.out.fact(node, tl.ImpactIdentification, ident.scope.span, label=ident.scope.label)
            self.out.add(node, tl.organisation, self.org)
            self.scope(node, ident.scope)
            if ident.description is not None:
                self.out.add_text(node, tl.description, ident.description.text)
                self.out.derived_from(node, ident.description.span)
            for group in ident.groups:
                g = self.out.node("rights-holders", group.text)
                self.text_node(g, tl.RightsHolderGroup, group)
                self.out.add(node, tl.groupAtRisk, g)
            for issue in ident.issues:
                self.out.add(node, tl.potentialIssue, self._topic(issue))
            for number, note in enumerate(ident.notes, 1):
                n = self.out.node("impact-identification", ident.scope.key, "note", number)
                self.text_node(n, tl.Footnote, note)
                self.out.add(node, tl.note, n)

    def risks_and_measures(self) -> None:
        issue_nodes: dict[str, NamedNode] = {}
        for issue in self.report.issues:
            issue_nodes[issue.key] = self._risk_issue(issue)
        for measure in self.report.measures:
            self._measure(measure, issue_nodes.get(measure.issue_key))
        for mechanism in self.report.mechanisms:
            node = self.out.node("mechanism", mechanism.key)
            self.out.fact(node, tl.ManagementMechanism, mechanism.scope.span, label=mechanism.scope.label)
            self.out.add(node, tl.organisation, self.org)
            self.scope(node, mechanism.scope)
            for number, item in enumerate(mechanism.items, 1):
                i = self.out.node("mechanism", mechanism.key, number)
                self.text_node(i, tl.MechanismItem, item)
                self.out.add(node, tl.item, i)

    def _risk_issue(self, issue: RiskIssue) -> NamedNode:
        node = self.out.node("risk", issue.key)
        self.text_node(node, tl.RiskIssue, issue.name)
        self.out.add(node, tl.organisation, self.org)
        self.out.add(node, tl.inReport, self.node_of_report)
        self.scope(node, issue.scope)
        self.out.add_value(node, tl.rating, issue.rating)
        self.out.derived_from(node, issue.rating_span)
        self.out.add(node, tl.topic, self._topic(issue.name))
        return node

    def _measure(self, measure: Measure, issue: NamedNode | None) -> None:
        node = self.out.node("measure", measure.key)
        self.text_node(node, tl.Measure, measure.text)
        self.out.add(node, tl.addresses, issue)
        self.out.add_value(node, tl.measureKind, measure.kind)
        self.out.add_text(node, tl.category, measure.category)
        self.out.add_value(node, tl.categoryId, measure.category_id)
        self.out.add_value(node, tl.inferred, measure.inferred)
        if measure.inferred_from:
            self.out.add(node, tl.inferredFrom, self.out.node("measure", measure.inferred_from))
        if measure.explanation:
            self.out.add(node, tl.inferenceNote, literal(measure.explanation, lang="en"))

    # -- indicators, facilities, audits ------------------------------------------------
    def indicators(self) -> None:
        for indicator in self.report.indicators:
            self._indicator(indicator)

    def _indicator(self, indicator: Indicator) -> None:
        node = self.out.node("indicator", indicator.key)
        self.text_node(node, tl.Indicator, indicator.name)
        self.out.add(node, tl.organisation, self.org)
        self.out.add(node, tl.inReport, self.node_of_report)
        self.scope(node, indicator.scope)
        if indicator.description is not None:
            self.out.add_text(node, tl.description, indicator.description.text)
            self.out.derived_from(node, indicator.description.span)
        self.out.add_text(node, tl.target, indicator.target.text)
        self.out.derived_from(node, indicator.target.span)
        self.out.add_value(node, tl.achieved, indicator.achieved)
        self.out.add_text(node, tl.statusText, indicator.status.text)
        self.out.derived_from(node, indicator.status.span)
        if indicator.year:
            self.out.add(node, tl.reportingYear, date_literal(indicator.year))
        for number, note in enumerate(indicator.notes, 1):
            n = self.out.node("indicator", indicator.key, "note", number)
            self.text_node(n, tl.Footnote, note)
            self.out.add(node, tl.note, n)

    def facilities(self) -> None:
        for entry in self.report.legend:
            node = self.out.node("legend", entry.symbol)
            self.out.fact(node, tl.LegendEntry, entry.span, label=entry.meaning)
            self.out.add_value(node, tl.symbol, entry.symbol)
            self.out.add_value(node, tl.booleanValue, entry.value)
        for facility in self.report.facilities:
            self._facility(facility)

    def _facility(self, facility: Facility) -> None:
        node = NamedNode(iri.mint("org", self.report.organisation.legal_name or self.report.organisation.name, "facility", facility.key))
        self.out.fact(node, tl.Facility, facility.span, label=facility.name)
        self.out.add(node, tl.organisation, self.org)
        self.out.add_value(node, tl.facilityCode, facility.code or None)
        for assessment in facility.assessments:
            period = assessment.period.label if assessment.period else ""
            a = self.out.node("facility-assessment", facility.key, assessment.programme, period)
            self.out.fact(a, tl.FacilityAssessment, assessment.cell, label=assessment.label.text)
            self.out.derived_from(a, assessment.label.span)
            self.out.add(a, tl.facility, node)
            self.out.add_value(a, tl.programme, assessment.programme)
            self.out.add_value(a, tl.done, assessment.done)
            if assessment.period is not None:
                self.out.add_value(a, tl.periodLabel, assessment.period.label)
                if assessment.period.start:
                    self.out.add(a, tl.periodStart, date_literal(assessment.period.start))
                if assessment.period.end:
                    self.out.add(a, tl.periodEnd, date_literal(assessment.period.end))
            if assessment.score is not None:
                self.out.add_value(a, tl.score, assessment.score.value)
                self.subjects[assessment.score.key] = node
                self.out.add(a, tl.figure, self.metric_node(assessment.score))

    def supplier_audits(self) -> None:
        for audit in self.report.supplier_audits:
            node = self.out.node("supplier-audit", audit.key)
            self.out.fact(node, tl.SupplierAuditProgramme, audit.text.span, label=audit.text.text[:60])
            self.out.add(node, tl.organisation, self.org)
            if audit.year:
                self.out.add(node, tl.reportingYear, date_literal(audit.year))
            for metric in audit.supplier_groups:
                self.subjects[metric.key] = node
                self.out.add(node, tl.auditedSuppliers, self.metric_node(metric))
            if audit.audits is not None:
                self.subjects[audit.audits.key] = node
                self.out.add(node, tl.audits, self.metric_node(audit.audits))

    # -- metrics and checks ----------------------------------------------------------------
    def metric_node(self, metric: Metric) -> NamedNode:
        return self.out.node("metric", metric.key)

    def metrics(self) -> None:
        for metric in self.report.metrics:
            map_metric(self.out, metric, self.subjects.get(metric.key, self.org))

    def checks(self) -> None:
        for check in self.report.checks:
            self._check(check)

    def _check(self, check: ConsistencyCheck) -> None:
        node = self.out.node("check", check.key)
        self.out.typed(node, tl.ConsistencyCheck)
        self.out.add(node, rdfs.label, literal(f"{check.kind}: {check.subject}"))
        self.out.add(node, tl.organisation, self.org)
        self.out.add(node, tl.inReport, self.node_of_report)
        self.out.add_value(node, tl.checkKind, check.kind)
        self.out.add_value(node, tl.holds, check.holds)
        self.out.add(node, rdfs.comment, literal(check.detail, lang="en"))
        self.out.add_value(node, tl.computedValue, check.computed)
        if check.stated is not None:
            self.out.add(node, tl.statedFigure, self.metric_node(check.stated))
            self.out.add_value(node, tl.statedValue, check.stated.value)
            self.out.derived_from(node, check.stated.span)
        for metric in check.inputs:
            self.out.add(node, tl.input, self.metric_node(metric))
            self.out.derived_from(node, metric.span)

    # -- outline and prose ----------------------------------------------------------------------
    def outline(self) -> None:
        out = self.out
        for section in self.report.sections:
            node = out.node("section", section.key)
            self.text_node(node, tl.ReportSection, section.title)
            out.add(node, tl.inReport, self.node_of_report)
            out.add_value(node, tl.headingLevel, section.level)
            out.add_value(node, tl.sectionTopic, section.topic)
        for statement in self.report.statements:
            node = out.node("statement", statement.key)
            self.text_node(node, tl.Statement, statement.text)
            out.add(node, tl.inReport, self.node_of_report)
            out.add_value(node, tl.sectionTopic, statement.topic)
            if statement.section is not None:
                out.add(node, tl.section, out.node("section", statement.section))
        titles = {"".join(s.title.text.split()).lstrip("|■ "): s.key for s in self.report.sections}
        for entry in self.report.contents:
            node = out.node("contents", entry.title.text)
            self.text_node(node, tl.ContentsEntry, entry.title)
            out.add(node, tl.inReport, self.node_of_report)
            out.add_value(node, tl.printedPage, entry.page)
            out.derived_from(node, entry.page_span)
            if entry.number is not None:
                out.add_value(node, tl.chapterNumber, entry.number.text)
                out.derived_from(node, entry.number.span)
            wanted = "".join(entry.title.text.split())
            section = next((key for title, key in titles.items() if title == wanted or title.endswith("/" + wanted)), None)
            if section is not None:
                out.add(node, tl.section, out.node("section", section))
        for definition in self.report.scope_definitions:
            node = out.node("scope-definition", definition.scope.key)
            self.text_node(node, tl.ScopeDefinition, definition.definition)
            out.add(node, tl.inReport, self.node_of_report)
            self.scope(node, definition.scope)
            out.derived_from(node, definition.scope.span)
        for number, note in enumerate(self.report.plant_notes, 1):
            node = out.node("facility-note", number)
            self.text_node(node, tl.Footnote, note)
            out.add(self.node_of_report, tl.note, node)
