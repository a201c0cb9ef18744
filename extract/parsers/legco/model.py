"""The domain model of a LegCo paper: the paper, the fund it reports on, its programmes.

Plain dataclasses; every fact keeps the span(s) it was read from.  Keys are
built from labels in the source (a programme's letter, a project's phase and
number), never from counters over the document, so IRIs are stable.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ...metrics import Metric, Period
from ...model import Span


@dataclass(frozen=True, slots=True)
class Dated:
    """A date read from the text (ISO 8601, possibly truncated) and where."""

    iso: str
    span: Span


@dataclass(frozen=True, slots=True)
class Named:
    """A name read from the text (an organisation, a post, a committee) and where."""

    name: str
    span: Span


@dataclass(frozen=True, slots=True)
class PaperNumber:
    """A LegCo paper number: 立法會 CB(1)234/09-10(02) 號文件."""

    committee: str  # CB(2), FC, PWSC, …
    serial: int
    session: str  # 05-06
    part: str | None  # 01
    text: str  # canonical: CB(1)234/09-10(02)


@dataclass(slots=True)
class PaperReference:
    number: PaperNumber
    span: Span
    document_type: str | None = None
    date: Dated | None = None


@dataclass(slots=True)
class NumberedParagraph:
    number: int
    spans: list[Span]  # a paragraph a page break split has several
    section: str | None = None  # the heading it stands under
    blocks: list[int] = field(default_factory=list)  # indices of the layout blocks it is printed in


@dataclass(slots=True)
class Section:
    title: str
    span: Span
    role: str | None  # purpose, background, progress, operation, … (lexicon [sections])


@dataclass(slots=True)
class Statement:
    """A reported statement in a programme table: strategy, progress, reflection, outcome, future item."""

    key: str
    kind: str  # row role id: strategy, progress, reflection, outcome, future
    text: str
    spans: list[Span]
    sub_scheme: str | None = None  # SubScheme.key
    period: Period | None = None
    lead_in: bool = False  # 「根據回饋資料顯示：」 introduces the items after it


@dataclass(slots=True)
class SubScheme:
    key: str
    name: str
    spans: list[Span]


@dataclass(slots=True)
class Project:
    """A commissioned project listed inside a programme: (1) title(2004-2008) (institution department)."""

    key: str
    phase: int
    number: int
    title: str
    institution: str | None
    department: str | None
    start_year: int | None
    end_year: int | None
    span: Span
    description: Statement | None = None


@dataclass(slots=True)
class PhaseAnnouncement:
    """「第一期…共有四項」: how many projects a phase is said to have."""

    phase: int
    declared_count: int | None
    span: Span


@dataclass(slots=True)
class Programme:
    key: str  # the letter of the (a)–(e) list, or its position when there is no list
    letter: str | None
    name: str
    name_span: Span
    heading: Named | None = None  # the programme's own heading, when printed differently
    letter_span: Span | None = None  # the printed list marker: (a)
    paragraph: int | None = None
    table_span: Span | None = None
    statements: list[Statement] = field(default_factory=list)
    sub_schemes: list[SubScheme] = field(default_factory=list)
    beneficiaries: list[Metric] = field(default_factory=list)
    other_counts: list[Metric] = field(default_factory=list)  # counts in progress rows
    parts: list[tuple[str, str]] = field(default_factory=list)  # (part metric key, whole metric key)
    expenditure: Metric | None = None
    projects: list[Project] = field(default_factory=list)
    phases: list[PhaseAnnouncement] = field(default_factory=list)
    row_labels: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class Fund:
    name: str
    name_span: Span
    approved_amount: Decimal | None = None
    currency: str | None = None
    amount_span: Span | None = None
    amount_metric: Metric | None = None  # the approved amount as a shared metric
    approved: Dated | None = None
    approved_by: Named | None = None
    term_years: Decimal | None = None
    term_span: Span | None = None
    trustee: Named | None = None
    trust_deed_signed: Dated | None = None
    trust_deed_signed_by: Named | None = None
    investment_powers_from: Dated | None = None
    investment_delegate: Named | None = None
    advisory_committee: Named | None = None
    advisory_committee_established: Dated | None = None
    audited_accounts_to: Dated | None = None


@dataclass(slots=True)
class LegcoPaper:
    title: Named | None
    number: PaperReference | None
    panel: Named | None
    document_type: Named | None
    bureau: Named | None
    date: Dated | None
    sections: list[Section] = field(default_factory=list)
    paragraphs: list[NumberedParagraph] = field(default_factory=list)
    references: list[PaperReference] = field(default_factory=list)
    fund: Fund | None = None
    programmes: list[Programme] = field(default_factory=list)
    derived: list[Metric] = field(default_factory=list)
