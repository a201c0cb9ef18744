"""The domain objects the Python lookups return, each with its source.

Fields follow the variables of the competency query a lookup reads
(graph/queries/*.rq), in snake_case; ``source`` is the :class:`Citation` of
the text the fact was read from.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from .values import IRI


@dataclass(frozen=True)
class Citation:
    """Where a fact was read: the document, its page (PDF) or line, the character span and the exact text."""

    document: IRI
    document_title: str | None
    source_file: str | None
    start: int
    end: int
    line: int | None
    page: int | None
    text: str  # exactly the source's characters, never converted
    span: IRI | None = None  # the tl:SourceSpan node this was read from

    def __str__(self) -> str:
        where = f"p. {self.page}, " if self.page is not None else ""
        where += f"line {self.line}, " if self.line is not None else ""
        name = self.source_file or self.document_title or self.document
        return f"{name} ({where}chars {self.start}–{self.end}): {self.text}"


@dataclass(frozen=True)
class Act:
    act: IRI
    title: str | None
    version: object  # the version date (datetime.date) or its text
    articles: int


@dataclass(frozen=True)
class Article:
    act: IRI
    act_title: str | None
    version: object
    number: str  # canonical, e.g. "15-1"
    heading: str | None
    text: str | None
    source: Citation | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Norm:
    """A clause of a provision with its modality: an obligation, prohibition, permission, definition, …"""

    act: IRI
    number: str
    paragraph: int | None
    item: int | None
    modality: str  # local name: obligation, prohibition, permission, definition, penalty, scope, other
    addressee: str | None  # the role's label as printed
    text: str | None
    addressee_node: IRI | None = None
    source: Citation | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Penalty:
    act: IRI
    number: str
    sanction: str  # imprisonment, life-imprisonment, detention, criminal-fine, administrative-fine
    min_amount: Decimal | int | None
    max_amount: Decimal | int | None
    currency: str | None
    min_months: Decimal | int | None
    max_months: Decimal | int | None
    sanctioned_articles: tuple[str, ...] = ()
    source: Citation | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Definition:
    act: IRI
    term: str
    number: str
    definition: str | None
    source: Citation | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Programme:
    programme: IRI
    label: str | None
    expenditure: Decimal | int | None
    currency: str | None
    period_start: datetime.date | str | None
    period_end: datetime.date | str | None
    source: Citation | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Metric:
    document: IRI
    subject: str | None  # the subject node's label, or the subject as printed
    subject_node: IRI | None
    measure: str  # local name of the measure
    value: Decimal | int | float
    unit: str
    period: object
    text: str
    source: Citation | None = field(default=None, compare=False)


@dataclass(frozen=True)
class SearchHit:
    """A node whose text matches a search whatever the script variant."""

    node: IRI
    kind: str  # local name of its most specific tiaoli class (Article, Term, Role, Programme, Metric, …)
    label: str  # as printed in the source
    matched: str  # the node's text that matched, as printed
    exact: bool  # the whole text matched, not a part of it
    types: tuple[IRI, ...] = ()
    source: Citation | None = field(default=None, compare=False)
