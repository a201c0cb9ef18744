"""The domain model of a human-rights due-diligence (or sustainability) report.

Plain dataclasses: the parser fills them from a loaded document, the RDF
mapping reads them.  Every fact keeps the span it was read from.  Keys are
built from labels printed in the source (a course name, a plant code, an
issue), so identifiers do not depend on the order rows happen to be in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ...metrics import Metric, Period
from ...model import Span


@dataclass(frozen=True, slots=True)
class Text:
    """A piece of source text as printed, with its span."""

    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class ScopeRef:
    """Who a policy, issue or indicator concerns: own operations or the value chain (and which party)."""

    scope: str  # "own-operations" | "value-chain"
    parties: tuple[str, ...]  # "supplier", "contractor", "customer", … (value chain only)
    label: str  # as printed: 價值鏈（供應商）
    span: Span

    @property
    def key(self) -> str:
        return "-".join((self.scope, *self.parties))


@dataclass(frozen=True, slots=True)
class FrameworkRef:
    id: str  # lexicon id: udhr, ungps, ilo, oecd, rba, sa8000, tips
    label: str
    label_zh: str
    span: Span  # first mention


@dataclass(slots=True)
class Organisation:
    name: str  # the short name the report uses (title heading)
    span: Span
    legal_name: str | None = None  # from the copyright line (…股份有限公司)
    legal_span: Span | None = None


@dataclass(slots=True)
class Policy:
    key: str
    name: Text
    scopes: list[ScopeRef]
    commitments: list[Text]
    urls: list[Text]


@dataclass(slots=True)
class GovernanceBody:
    key: str
    name: Text
    kind: str  # the suffix that makes it a unit: 委員會, 室, 部 …
    reports_to: Text | None = None
    groups: list[Text] = field(default_factory=list)
    members: list[Text] = field(default_factory=list)  # who chairs or sits on it, as printed
    meeting_frequency: str | None = None
    meeting_span: Span | None = None
    reporting_frequency: str | None = None
    reporting_span: Span | None = None
    description: Text | None = None  # the paragraph that sets it up


@dataclass(slots=True)
class TrainingCourse:
    key: str
    number: str | None
    name: Text
    hours: Metric
    attendance: Metric
    total_hours: Metric


@dataclass(slots=True)
class ConsistencyCheck:
    """A figure the report states compared with what tiaoli computes from its other figures."""

    key: str
    kind: str  # "row-product", "column-sum", "stated-count"
    subject: str  # what was checked, as printed (a course name) or described (attendance 2024)
    holds: bool
    detail: str  # English: what was compared, with both values
    stated: Metric | None
    computed: Decimal
    inputs: list[Metric]


@dataclass(slots=True)
class Training:
    key: str  # the year; a second table of the same year adds its heading
    year: str | None
    table: Span
    courses: list[TrainingCourse]
    stated_attendance: Metric | None = None
    stated_total_hours: Metric | None = None
    checks: list[ConsistencyCheck] = field(default_factory=list)


@dataclass(slots=True)
class Briefing:
    """An awareness session for business partners (供應商社會責任宣導), with its figures."""

    key: str
    name: Text
    year: str | None
    figures: list[Metric]


@dataclass(frozen=True, slots=True)
class RiskBand:
    rating: str  # high | medium | low
    label: str  # as printed: 中度風險
    minimum: Decimal | None
    maximum: Decimal | None
    min_inclusive: bool
    max_inclusive: bool
    span: Span


@dataclass(slots=True)
class RiskMethod:
    formula: Text  # 風險=影響程度×發生機率
    factors: list[Text]  # 影響程度, 發生機率
    bands: list[RiskBand]
    framework: str | None = None  # the framework the assessment is built on
    framework_span: Span | None = None


@dataclass(slots=True)
class ScopeAssessment:
    """The assessment tools (and issues assessed) for one scope."""

    key: str
    scope: ScopeRef
    issues: list[Text]
    tools: list[Text]


@dataclass(slots=True)
class ImpactIdentification:
    """Per scope: who is at risk and which issues may arise."""

    scope: ScopeRef
    description: Text | None
    groups: list[Text]
    issues: list[Text]
    notes: list[Text] = field(default_factory=list)


@dataclass(slots=True)
class RiskIssue:
    """An issue rated in one scope's measures table."""

    key: str
    name: Text
    scope: ScopeRef
    rating: str  # high | medium | low
    rating_span: Span


@dataclass(slots=True)
class Measure:
    key: str
    issue_key: str
    kind: str  # mitigation | remediation
    category: str  # as printed: 系統
    category_id: str  # lexicon id: system
    text: Text
    inferred: bool = False
    inferred_from: str | None = None  # key of the measure printed in the source
    explanation: str | None = None  # English: why it is inferred


@dataclass(slots=True)
class ManagementMechanism:
    key: str
    scope: ScopeRef
    items: list[Text]


@dataclass(slots=True)
class Indicator:
    key: str
    scope: ScopeRef
    name: Text  # the item (項目) or, without one, the description
    description: Text | None
    target: Text
    achieved: bool
    status: Text
    year: str | None
    notes: list[Text] = field(default_factory=list)


@dataclass(slots=True)
class FacilityAssessment:
    """One row of a plant table for one plant (SAQ done, a VAP score, SA8000 certified)."""

    programme: str  # saq | vap | sa8000
    label: Text  # the row label: VAP (2022-2023)
    period: Period | None
    done: bool | None  # symbol cells, read through the legend
    score: Metric | None  # number cells
    cell: Span


@dataclass(slots=True)
class Facility:
    key: str
    name: str
    code: str
    span: Span  # the header cell
    assessments: list[FacilityAssessment] = field(default_factory=list)


@dataclass(slots=True)
class LegendEntry:
    symbol: str
    meaning: str
    value: bool
    span: Span


@dataclass(slots=True)
class SupplierAudit:
    key: str  # year and a digest of the sentence
    year: str | None
    text: Text
    supplier_groups: list[Metric]
    audits: Metric | None


@dataclass(slots=True)
class Section:
    """A heading of the report: its title as printed, its depth, and the topic its words name."""

    key: str
    title: Text
    level: int
    topic: str | None


@dataclass(slots=True)
class Statement:
    """Prose the report states under a section: a strategy, the grievance channel, the conclusion …"""

    key: str
    topic: str  # from the section heading's words (lexicon [sections]), or "introduction"
    text: Text
    section: str | None  # key of the section it is printed under


@dataclass(slots=True)
class ContentsEntry:
    """A line of the table of contents: chapter number, title and the page it is printed on."""

    title: Text
    number: Text | None
    page: int
    page_span: Span


@dataclass(slots=True)
class ScopeDefinition:
    scope: ScopeRef
    definition: Text


@dataclass(slots=True)
class Report:
    organisation: Organisation
    title: Text
    year: str | None  # the reporting year (2024)
    published: str | None  # from the copyright line
    frameworks: list[FrameworkRef] = field(default_factory=list)
    policies: list[Policy] = field(default_factory=list)
    bodies: list[GovernanceBody] = field(default_factory=list)
    training: list[Training] = field(default_factory=list)
    briefings: list[Briefing] = field(default_factory=list)
    risk_method: RiskMethod | None = None
    identifications: list[ImpactIdentification] = field(default_factory=list)
    assessments: list[ScopeAssessment] = field(default_factory=list)
    issues: list[RiskIssue] = field(default_factory=list)
    measures: list[Measure] = field(default_factory=list)
    mechanisms: list[ManagementMechanism] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    facilities: list[Facility] = field(default_factory=list)
    legend: list[LegendEntry] = field(default_factory=list)
    supplier_audits: list[SupplierAudit] = field(default_factory=list)
    checks: list[ConsistencyCheck] = field(default_factory=list)
    metrics: list[Metric] = field(default_factory=list)  # every number, including those held above
    sections: list[Section] = field(default_factory=list)
    contents: list[ContentsEntry] = field(default_factory=list)
    scope_definitions: list[ScopeDefinition] = field(default_factory=list)
    plant_notes: list[Text] = field(default_factory=list)  # notes printed with the plant tables
    statements: list[Statement] = field(default_factory=list)  # prose no other fact covers, by section topic
