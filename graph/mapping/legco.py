"""RDF mapping of a LegCo paper: the paper, the papers it cites, its fund, programmes and metrics.

Reads only the domain model (extract/parsers/legco/model.py).  Organisations,
posts and cited papers get IRIs outside the document (``id/org/…``,
``id/legco-paper/…``) so that papers citing or naming the same one meet in
the graph; everything else is minted inside the document.
"""

from __future__ import annotations

from pyoxigraph import NamedNode

from ...extract.metrics import Metric
from ...extract.parsers.base import ParsedDocument
from ...extract.parsers.legco.model import Dated, Fund, LegcoPaper, Named, PaperReference, Programme, Project, Statement
from .. import iri
from ..namespaces import dcterms, tl, xsd
from .metrics import map_metric
from .writer import GraphWriter, date_literal, literal

STATEMENT_CLASSES = {
    "strategy": tl.StrategyStatement,
    "progress": tl.ProgressStatement,
    "beneficiaries": tl.BeneficiaryStatement,
    "reflection": tl.ReflectionStatement,
    "outcome": tl.OutcomeStatement,
    "future": tl.FutureDevelopment,
}


def map_document(parsed: ParsedDocument, out: GraphWriter) -> None:
    paper: LegcoPaper | None = parsed.root
    if paper is None:
        return
    node = out.node("paper")
    out.fact(node, tl.LegcoPaper, paper.title.span if paper.title else None, label=paper.title.name if paper.title else None)
    out.add(node, tl.inDocument, out.document)
    if paper.document_type:
        out.add_text(node, tl.documentType, paper.document_type.name)
        out.derived_from(node, paper.document_type.span)
    out.add(node, tl.submittedTo, _organisation(out, paper.panel, tl.LegcoCommittee))
    out.add(node, tl.issuedBy, _organisation(out, paper.bureau, tl.Organisation))
    if paper.date:
        out.add(node, dcterms.issued, date_literal(paper.date.iso))
        out.derived_from(node, paper.date.span)
    if paper.number is not None:
        out.add_value(node, tl.paperNumber, paper.number.number.text)
        out.add(node, tl.sameAsPaper, _cited_paper(out, paper.number))
    seen: dict[str, int] = {}
    for section in paper.sections:
        seen[section.title] = seen.get(section.title, 0) + 1
        section_node = out.node("section", section.title, *([seen[section.title]] if seen[section.title] > 1 else []))
        out.fact(section_node, tl.PaperSection, section.span, label=section.title)
        out.add(section_node, tl.inDocument, out.document)
        out.add_value(section_node, tl.sectionRole, section.role)
        out.add(node, tl.hasSection, section_node)
    for paragraph in paper.paragraphs:
        para_node = out.node("paragraph", paragraph.number)
        out.typed(para_node, tl.NumberedParagraph)
        out.add(para_node, tl.inDocument, out.document)
        out.add_value(para_node, tl.paragraphNumber, paragraph.number)
        out.add_text(para_node, tl.sectionTitle, paragraph.section)
        out.derived_from(para_node, *paragraph.spans)
        for index in paragraph.blocks:
            out.add(para_node, tl.printedIn, NamedNode(iri.block_iri(out.doc_id, index)))
        out.add(node, tl.hasParagraph, para_node)
    for reference in paper.references:
        out.add(node, tl.cites, _cited_paper(out, reference))
    fund = _fund(out, paper.fund) if paper.fund else None
    if fund is not None:
        out.add(node, tl.reportsOn, fund)
    programme_nodes = {p.key: _programme(out, p, fund) for p in paper.programmes}
    if fund is not None:
        for programme in programme_nodes.values():
            out.add(fund, tl.fundsProgramme, programme)
    for metric in paper.derived:
        metric_node = map_metric(out, metric, fund)
        _currency(out, metric_node, metric)
        for programme in paper.programmes:
            if programme.expenditure is not None:
                out.add(metric_node, tl.computedFrom, out.node("metric", programme.expenditure.key))
        if metric.unit == "percent" and paper.fund is not None and paper.fund.amount_metric is not None:
            out.add(metric_node, tl.computedFrom, out.node("metric", paper.fund.amount_metric.key))


def _cited_paper(out: GraphWriter, reference: PaperReference) -> NamedNode:
    """A LegCo paper by its number: one IRI per number, whichever paper names it."""
    number = reference.number
    node = NamedNode(iri.mint("legco-paper", number.text))
    out.typed(node, tl.CitedPaper)
    out.derived_from(node, reference.span)
    out.add_value(node, tl.paperNumber, number.text)
    out.add_value(node, tl.committeeCode, number.committee)
    out.add_value(node, tl.serialNumber, number.serial)
    out.add_value(node, tl.session, number.session)
    out.add_value(node, tl.paperPart, number.part)
    if reference.document_type:
        out.add_text(node, tl.documentType, reference.document_type)
    if reference.date:
        out.add(node, dcterms.issued, date_literal(reference.date.iso))
        out.derived_from(node, reference.date.span)
    return node


def _organisation(out: GraphWriter, named: Named | None, cls: NamedNode) -> NamedNode | None:
    if named is None:
        return None
    node = NamedNode(iri.mint("org", named.name))
    out.typed(node, *dict.fromkeys((tl.Organisation, cls)), label=named.name)
    out.derived_from(node, named.span)
    return node


def _post(out: GraphWriter, named: Named | None) -> NamedNode | None:
    if named is None:
        return None
    node = NamedNode(iri.mint("post", named.name))
    out.typed(node, tl.Post, label=named.name)
    out.derived_from(node, named.span)
    return node


def _date(out: GraphWriter, node: NamedNode, predicate: NamedNode, dated: Dated | None) -> None:
    if dated is None:
        return
    out.add(node, predicate, date_literal(dated.iso))
    out.derived_from(node, dated.span)


def _fund(out: GraphWriter, fund: Fund) -> NamedNode:
    node = out.node("fund")
    out.fact(node, tl.Fund, fund.name_span, label=fund.name)
    out.add(node, tl.inDocument, out.document)
    if fund.approved_amount is not None and fund.amount_span is not None:
        out.add_value(node, tl.approvedAmount, fund.approved_amount)
        out.add_value(node, tl.currency, fund.currency)
        out.derived_from(node, fund.amount_span)
    if fund.amount_metric is not None:
        metric = map_metric(out, fund.amount_metric, node)
        _currency(out, metric, fund.amount_metric)
    _date(out, node, tl.approvalDate, fund.approved)
    out.add(node, tl.approvedBy, _organisation(out, fund.approved_by, tl.Organisation))
    if fund.term_years is not None:
        out.add_value(node, tl.termYears, fund.term_years)
        out.derived_from(node, fund.term_span)
    out.add(node, tl.trustee, _post(out, fund.trustee))
    _date(out, node, tl.trustDeedSigned, fund.trust_deed_signed)
    out.add(node, tl.trustDeedSignedBy, _post(out, fund.trust_deed_signed_by))
    _date(out, node, tl.investmentPowersFrom, fund.investment_powers_from)
    out.add(node, tl.investmentDelegate, _post(out, fund.investment_delegate))
    _date(out, node, tl.auditedAccountsTo, fund.audited_accounts_to)
    if fund.advisory_committee is not None:
        committee = out.node("fund", "advisory-committee")
        out.fact(committee, tl.AdvisoryCommittee, fund.advisory_committee.span, label=fund.advisory_committee.name)
        _date(out, committee, tl.establishedIn, fund.advisory_committee_established)
        out.add(node, tl.advisoryCommittee, committee)
    return node


def _currency(out: GraphWriter, node: NamedNode, metric: Metric) -> None:
    if metric.unit not in {"percent"} and metric.unit.isupper() and len(metric.unit) == 3:
        out.add_value(node, tl.currency, metric.unit)


def _programme(out: GraphWriter, programme: Programme, fund: NamedNode | None) -> NamedNode:
    node = out.node("programme", programme.key)
    out.fact(node, tl.Programme, programme.name_span, label=programme.name)
    out.add(node, tl.inDocument, out.document)
    out.add_value(node, tl.listLetter, programme.letter)
    out.derived_from(node, programme.letter_span)
    if programme.heading is not None:
        out.add_text(node, tl.headingLabel, programme.heading.name)
        out.derived_from(node, programme.heading.span)
    out.derived_from(node, programme.table_span, *programme.row_labels)
    out.add_value(node, tl.paragraphNumber, programme.paragraph)
    if programme.paragraph is not None:
        out.add(node, tl.describedIn, out.node("paragraph", programme.paragraph))
    out.add(node, tl.fundedBy, fund)
    scheme_nodes: dict[str, NamedNode] = {}
    for scheme in programme.sub_schemes:
        scheme_node = out.node("programme", programme.key, "scheme", scheme.name)
        out.typed(scheme_node, tl.SubScheme, label=scheme.name)
        out.derived_from(scheme_node, *scheme.spans)
        out.add(scheme_node, tl.partOfProgramme, node)
        scheme_nodes[scheme.key] = scheme_node
    for statement in programme.statements:
        _statement(out, statement, node, scheme_nodes)
    for metric in [*programme.beneficiaries, *programme.other_counts]:
        subject = scheme_nodes.get(metric.subject_key or "", node)
        metric_node = map_metric(out, metric, subject)
        out.add(metric_node, tl.aboutProgramme, node)
        out.add(node, tl.hasBeneficiaryCount if metric.measure == "beneficiaries" else tl.hasCount, metric_node)
    for part, whole in programme.parts:
        out.add(out.node("metric", part), tl.componentOf, out.node("metric", whole))
    if programme.expenditure is not None:
        metric_node = map_metric(out, programme.expenditure, node)
        _currency(out, metric_node, programme.expenditure)
        out.add(metric_node, tl.aboutProgramme, node)
        out.add(node, tl.cumulativeExpenditure, metric_node)
    for project in programme.projects:
        _project(out, project, node)
    return node


def _statement(out: GraphWriter, statement: Statement, programme: NamedNode, schemes: dict[str, NamedNode]) -> NamedNode:
    node = out.node("statement", statement.key)
    out.typed(node, tl.ProgrammeStatement, STATEMENT_CLASSES.get(statement.kind, tl.ProgrammeStatement))
    out.add_value(node, tl.statementKind, statement.kind)
    out.add_text(node, tl.text, statement.text)
    out.derived_from(node, *statement.spans)
    out.add(node, tl.aboutProgramme, programme)
    if statement.sub_scheme is not None:
        out.add(node, tl.aboutSubScheme, schemes.get(statement.sub_scheme))
    if statement.period is not None and statement.period.label:
        out.add(node, tl.periodLabel, literal(statement.period.label))
    if statement.lead_in:
        out.add_value(node, tl.leadIn, True)
    return node


def _project(out: GraphWriter, project: Project, programme: NamedNode) -> NamedNode:
    node = out.node("project", project.phase, project.number)
    out.fact(node, tl.SupportProject, project.span, label=project.title)
    out.add(node, tl.partOfProgramme, programme)
    out.add_value(node, tl.phase, project.phase)
    out.add_value(node, tl.listNumber, project.number)
    if project.institution:
        out.add_text(node, tl.institutionName, project.institution)
        out.add(node, tl.institution, _organisation(out, Named(project.institution, project.span), tl.Organisation))
    out.add_text(node, tl.department, project.department)
    if project.start_year is not None:
        out.add(node, tl.startYear, literal(f"{project.start_year:04d}", datatype=xsd.gYear))
    if project.end_year is not None:
        out.add(node, tl.endYear, literal(f"{project.end_year:04d}", datatype=xsd.gYear))
    if project.description is not None:
        out.add_text(node, tl.text, project.description.text)
        out.derived_from(node, *project.description.spans)
    return node
