"""The domain model of a statute: structure (act, divisions, articles, 項/款/目) and the
norms, definitions, references, time limits and penalties read from it.

Numbers are canonical strings: articles ``"15"`` / ``"15-1"`` (第十五條之一),
divisions ``"4"`` / ``"4-1"`` (第四章之一).  Paragraphs (項), items (款) and
sub-items (目) are 1-based integers.  A :class:`ProvisionPath` names any
provision of an act; references resolve to paths.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ...model import Span


@dataclass(frozen=True, slots=True)
class ProvisionPath:
    """A provision of an act: article, optionally paragraph, item and sub-item."""

    article: str
    paragraph: int | None = None
    item: int | None = None
    subitem: int | None = None


@dataclass(slots=True)
class Division:
    """編 / 章 / 節 / 款 / 目 (or 壹/貳, 甲/乙 headings): a grouping of articles."""

    level: str  # "part" (編), "chapter" (章), "section" (節), "subsection" (款), "division" (目), "heading"
    number: str  # canonical: "1", "4-1"
    heading: str  # as printed: "第一章 總則"
    title: str  # the name alone: "總則"
    span: Span
    parent: int | None = None  # index into Act.divisions
    articles: list[str] = field(default_factory=list)  # canonical numbers, in order


@dataclass(slots=True)
class SubItem:  # 目: （一）
    number: int
    text: str  # without the （一） marker
    span: Span  # marker included


@dataclass(slots=True)
class Item:  # 款: 一、
    number: int
    text: str  # without the 一、 marker; its 目 included, one per line
    span: Span  # marker included
    subitems: list[SubItem] = field(default_factory=list)
    lead: str = ""  # the item's own words, before its 目


@dataclass(slots=True)
class Paragraph:  # 項
    number: int
    text: str  # joined across page-break artefacts; its 款 and 目 included, one per line, markers kept
    span: Span  # from the paragraph's first to last character in the source
    items: list[Item] = field(default_factory=list)
    lead: str = ""  # the paragraph's own words, before its 款 (all of it when it has none)


@dataclass(slots=True)
class Article:  # 條
    number: str  # canonical "15-1"
    label: str  # as printed "第 15-1 條"
    span: Span  # the whole article
    label_span: Span
    caption: str | None = None  # (罰則)
    division: int | None = None  # index into Act.divisions (innermost)
    deleted: bool = False
    paragraphs: list[Paragraph] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)


@dataclass(slots=True)
class Clause:
    """One normative clause of a paragraph, item or sub-item."""

    provision: ProvisionPath
    modality: str  # obligation | prohibition | permission | definition | penalty | scope | other
    text: str
    span: Span
    marker: str | None = None  # 應, 不得, 得, …
    marker_span: Span | None = None
    addressees: list[str] = field(default_factory=list)  # role ids (lexicon/roles.toml)
    action: str | None = None
    conditions: list[str] = field(default_factory=list)
    exceptions: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Definition:
    term: str
    definition: str
    provision: ProvisionPath
    span: Span  # the defining sentence
    term_span: Span


@dataclass(slots=True)
class Reference:
    """A citation from one provision to another (in this act or another)."""

    source: ProvisionPath
    text: str  # as printed: 前條第二項, 第七十一條, 公司法
    span: Span
    relative: bool
    target: ProvisionPath | None = None  # None when it cites a whole act or a division
    target_division: str | None = None  # "chapter:6" when it cites 第六章
    external_act: str | None = None  # cited title when the target is another act
    whole_act: bool = False  # 本法 / 公司法 cited as a whole


@dataclass(slots=True)
class TimeLimit:
    provision: ProvisionPath
    value: Decimal
    unit: str  # day | month | year
    kind: str  # deadline | retention | extension | period | repeat-window
    text: str
    span: Span


@dataclass(slots=True)
class Sanction:
    kind: str  # imprisonment | life-imprisonment | detention | criminal-fine | administrative-fine
    min_amount: Decimal | None = None
    max_amount: Decimal | None = None
    currency: str | None = None
    min_months: Decimal | None = None
    max_months: Decimal | None = None


@dataclass(slots=True)
class Penalty:
    """A sanction clause: who is punished, for what, how."""

    provision: ProvisionPath
    text: str
    span: Span
    sanctions: list[Sanction] = field(default_factory=list)
    cumulative: bool = False  # 科或併科: the sanctions may be combined
    addressees: list[str] = field(default_factory=list)
    sanctioned: list[ProvisionPath] = field(default_factory=list)  # provisions whose violation is punished
    conduct: str | None = None
    repeat_offence: TimeLimit | None = None  # 三年內再犯
    mitigation: str | None = None  # 減輕或免除其刑
    authority: str | None = None  # role id of who imposes the fine
    # Penalty articles whose sanctions this one applies (依各該條規定處罰) or mitigates (犯前二條之罪…減輕).
    penalties_of: list[ProvisionPath] = field(default_factory=list)
    # Provisions of this penalty whose fine another authority imposes (第N條第M款由法院裁罰): (path, role id).
    authority_exceptions: list[tuple[ProvisionPath, str]] = field(default_factory=list)


@dataclass(slots=True)
class Act:
    title: str
    title_span: Span | None
    jurisdiction: str  # "tw", "hk", "cn"
    version_date: str | None  # ISO date of the amendment / promulgation this text is
    date_text: str | None = None  # as printed: 民國 98 年 06 月 03 日
    date_span: Span | None = None
    preamble: Paragraph | None = None  # 序言, or text between the header and the first article
    divisions: list[Division] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    clauses: list[Clause] = field(default_factory=list)
    definitions: list[Definition] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    time_limits: list[TimeLimit] = field(default_factory=list)
    penalties: list[Penalty] = field(default_factory=list)


@dataclass(slots=True)
class StatuteCollection:
    """What one statute document holds: usually one act; a compilation (a booklet) holds several."""

    acts: list[Act] = field(default_factory=list)
