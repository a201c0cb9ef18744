"""The metrics model shared by every document kind: a number, what it counts, of what, when.

Reports and LegCo papers are full of figures (42,599 人次, 4.7 百萬元, 46 名
校長).  Each becomes a :class:`Metric` with the exact span it was read from;
the RDF mapping turns it into a W3C Data Cube observation.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .model import Span


@dataclass(frozen=True, slots=True)
class Period:
    """A reporting period: a year, a school year, or a start–end range (ISO 8601, possibly truncated)."""

    start: str | None
    end: str | None
    label: str | None = None  # as printed: "2006/07 至 2007/08", "9.2004 至 6.2008"

    @property
    def iso(self) -> str | None:
        """'2024', '2004-09/2008-06', or None when nothing is known."""
        if self.start and self.end and self.start != self.end:
            return f"{self.start}/{self.end}"
        return self.start or self.end


@dataclass(frozen=True, slots=True)
class Metric:
    """One reported (or derived) number.

    ``key`` identifies the metric within its document and is used to mint its
    IRI, so it must be stable: build it from labels in the source (a course
    name, a column heading), never from a counter over the document.
    """

    key: str
    measure: str  # what is counted, as an English id: "attendance", "training-hours", "expenditure", …
    value: Decimal
    unit: str  # unit id from lexicon/units.toml: "person-times", "hours", "HKD", "percent", …
    unit_label: str  # the unit as printed: 人次, 小時, 百萬元, %
    span: Span
    subject_label: str  # what the number is about, as printed (a course, a programme, a plant)
    subject_key: str | None = None  # key of the domain object it is about, for linking (mapping-defined)
    period: Period | None = None
    description: str | None = None  # what is counted, in the source's words (受惠學校, 參與的夥伴校長)
    approximate: bool = False  # 約
    at_least: bool = False  # 之多, 以上, 逾
    derived: bool = False  # computed by tiaoli (sums, shares), not printed in the source
    derivation: str | None = None  # how it was computed, in words
