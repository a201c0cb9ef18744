"""Counts in a progress table's prose: `合共 46 名`, `約有 400 人次`, `100 次之多`, `95 所（37 所中學…）`.

Each count becomes a shared :class:`Metric` with the unit as printed, what is
counted (the noun after the unit, or the phrase before the number), the school
year or period governing its sentence, and the 約 / 之多 qualifiers as flags.
`分別有 148 及 90 位` over `2006/07 至 2007/08` gives one count per school year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ...metrics import Metric, Period
from ...model import SourceDocument, Span
from ...normalise.numerals import parse_number
from ...normalise.quantities import quantity_at
from . import vocabulary as vocab

_CLAUSE_END = "，。；：,;:"
_SENTENCE_END = "。；;"
_AFTER_STOP = re.compile(r"[，。；：、（）()〔〕,;:]|及\s*\d|和\s*\d|與\s*\d")


def sub_span(doc: SourceDocument, span: Span, text: str, start: int, end: int) -> Span:
    """The span of ``text[start:end]`` when ``text`` is ``span``'s exact text, else the whole span."""
    if span.text == text:
        return doc.span(span.start + start, span.start + end)
    return span


@dataclass(frozen=True, slots=True)
class SchoolYears:
    """A period expression in the text: the years it names, in order, and how it is printed."""

    start: int
    end: int
    label: str
    years: tuple[str, ...]  # the school years it lists or spans: ('2006/07', '2007/08')

    def period(self) -> Period:
        first, last = self.years[0], self.years[-1]
        return Period(first[:4], str(int(last[:4]) + 1), self.label)


def _school_year(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _expand(a: str, b: str | None, sep: str | None) -> tuple[str, ...]:
    first = _school_year(a)
    if b is None:
        return (first,)
    last = _school_year(b)
    if sep == "至":
        y0, y1 = int(first[:4]), int(last[:4])
        if 0 <= y1 - y0 <= 10:
            return tuple(f"{y}/{(y + 1) % 100:02d}" for y in range(y0, y1 + 1))
    return (first, last)


def school_years_in(text: str) -> list[SchoolYears]:
    found = []
    for m in vocab.SCHOOL_YEARS.finditer(text):
        years = _expand(m["a"], m["b"], m["sep"])
        label = re.sub(r"\s*(至|及|和|、|與)\s*", r" \1 ", " ".join(m.group(0).replace("學年", "").replace("年度", "").split())).strip()
        found.append(SchoolYears(m.start(), m.end(), label, years))
    return found


def single_year(year: str) -> Period:
    return Period(year[:4], str(int(year[:4]) + 1), year)


@dataclass(slots=True)
class _Count:
    value: Decimal
    start: int  # of the number
    end: int  # of the unit (or of the borrowed unit's number)
    unit: str
    approximate: bool = False
    at_least: bool = False
    description: str = ""
    joined_to_next: bool = False  # `188 所及 98 所`, `148 及 90 位`


_BOUNDS = {"at-least", "as-many-as", "more-than"}


def _find_counts(text: str) -> list[_Count]:
    counts: list[_Count] = []
    taken: set[int] = set()
    for m in vocab.count_pattern().finditer(text):
        quantity = quantity_at(text, m.start(), m.end())
        if quantity is not None:
            value, approximate, at_least = quantity.value, quantity.approximate, quantity.qualifier in _BOUNDS
        else:  # `3 萬名`: the normaliser reads the number only when the scale touches it
            value, approximate, at_least = parse_number(m["num"] + (m["scale"] or "")), False, False
        if value is None:
            continue
        counts.append(_Count(value, m.start(), m.end(), m["unit"], approximate=approximate, at_least=at_least))
        taken.add(m.start())
    for m in vocab.bare_number_then_count().finditer(text):
        if m.start() in taken:
            continue
        value = parse_number(m["num"].replace(",", ""))
        if value is None:
            continue
        counts.append(_Count(value, m.start(), m.start() + len(m["num"]), "", joined_to_next=True))
    counts.sort(key=lambda c: c.start)
    for i, count in enumerate(counts):
        if not count.unit:
            count.unit = counts[i + 1].unit if i + 1 < len(counts) else ""
        if i + 1 < len(counts):
            between = text[count.end:counts[i + 1].start].strip()
            if between in vocab.table("count", "joiners"):
                count.joined_to_next = True
    return [c for c in counts if c.unit]


def _strip_affixes(phrase: str) -> tuple[str, bool, bool]:
    """The phrase before a number without its fillers; and whether 約 / 逾 stood there."""
    approx = at_least = False
    phrase = phrase.strip()
    changed = True
    while changed and phrase:
        changed = False
        for word in sorted(vocab.table("qualifiers", "before_approximate"), key=len, reverse=True):
            if phrase.endswith(word):
                phrase, approx, changed = phrase[: -len(word)].strip(), True, True
        for word in sorted(vocab.table("qualifiers", "before_at_least"), key=len, reverse=True):
            if phrase.endswith(word):
                phrase, at_least, changed = phrase[: -len(word)].strip(), True, True
        for word in sorted(vocab.table("count", "fillers"), key=len, reverse=True):
            if phrase.endswith(word) and len(phrase) > len(word):
                phrase, changed = phrase[: -len(word)].strip(), True
    for word in sorted(vocab.table("count", "leading"), key=len, reverse=True):
        if phrase.startswith(word) and len(phrase) > len(word):
            phrase = phrase[len(word):].strip()
    return phrase, approx, at_least


def _phrase_before(text: str, start: int, floor: int) -> str:
    i = start
    while i > floor and text[i - 1] not in _CLAUSE_END:
        i -= 1
    phrase = text[i:start]
    for years in school_years_in(phrase):
        phrase = phrase[years.end:]
    return phrase.lstrip("，、 在於")


def _noun_after(text: str, end: int) -> tuple[str, int]:
    rest = text[end:]
    for word in sorted(vocab.table("qualifiers", "after_at_least"), key=len, reverse=True):
        if rest.startswith(word):
            return "", end + len(word)
    stop = _AFTER_STOP.search(rest)
    noun = rest[: stop.start()] if stop else rest
    for verb in vocab.table("count", "verbs_after"):
        at = noun.find(verb)
        if at > 0:
            noun = noun[:at]
    return noun.strip(), end


def _sentence_start(text: str, pos: int) -> int:
    i = pos
    while i > 0 and text[i - 1] not in _SENTENCE_END:
        i -= 1
    return i


@dataclass(slots=True)
class CountFacts:
    metrics: list[Metric]
    parts: list[tuple[str, str]]  # (part key, whole key)


def extract_counts(
    doc: SourceDocument,
    pieces: list[tuple[str, Span]],
    *,
    key_prefix: str,
    measure: str,
    subject_label: str,
    subject_key: str,
    fallback: Period | None = None,
) -> CountFacts:
    """Every count in ``pieces`` (text with its span), read in order so a period carries forward."""
    metrics: list[Metric] = []
    parts: list[tuple[str, str]] = []
    used_keys: set[str] = set()
    carried = fallback
    unit_ids = vocab.units()
    for text, span in pieces:
        periods = school_years_in(text)
        counts = _find_counts(text)
        whole_key: str | None = None
        whole_end = -1
        whole_unit = ""
        for i, count in enumerate(counts):
            sentence = _sentence_start(text, count.start)
            governing = [p for p in periods if p.end <= count.start]
            in_sentence = [p for p in governing if p.start >= sentence]
            years = in_sentence[-1] if in_sentence else None
            noun, after_end = _noun_after(text, count.end)
            if after_end > count.end:
                count.at_least = True
            prefix_phrase, approx, at_least = _strip_affixes(_phrase_before(text, count.start, sentence))
            count.approximate = count.approximate or approx
            count.at_least = count.at_least or at_least
            run = _run_of(counts, i)
            run_noun = _noun_after(text, run[-1].end)[0] if len(run) > 1 else ""
            count.description = noun or run_noun or prefix_phrase
            period = years.period() if years else (governing[-1].period() if governing else carried)
            if years and len(years.years) == len(run) > 1 and vocab.table("count", "respectively") in text[years.end:count.start]:
                period = single_year(years.years[run.index(count)])
            metrics_span = sub_span(doc, span, text, count.start, after_end)
            key = _unique(f"{key_prefix}/{period.label if period and period.label else 'undated'}/{count.description}/{count.value}", used_keys)
            metric = Metric(
                key=key,
                measure=measure,
                value=count.value,
                unit=unit_ids[count.unit],
                unit_label=count.unit,
                span=metrics_span,
                subject_label=subject_label,
                subject_key=subject_key,
                period=period,
                description=count.description or None,
                approximate=count.approximate,
                at_least=count.at_least,
            )
            if whole_key is not None and count.start < whole_end and count.unit == whole_unit:
                parts.append((key, whole_key))
            elif _opens_breakdown(text, after_end):
                whole_key, whole_end, whole_unit = key, _breakdown_end(text, after_end), count.unit
            metrics.append(metric)
        if periods:
            carried = periods[-1].period()
    return CountFacts(metrics, parts)


def _run_of(counts: list[_Count], i: int) -> list[_Count]:
    start = i
    while start > 0 and counts[start - 1].joined_to_next:
        start -= 1
    end = i
    while end < len(counts) - 1 and counts[end].joined_to_next:
        end += 1
    return counts[start : end + 1]


def _opens_breakdown(text: str, end: int) -> bool:
    rest = text[end:].lstrip(" ，,")
    return any(rest.startswith(word) for word in vocab.table("count", "breakdown"))


def _breakdown_end(text: str, end: int) -> int:
    stop = re.compile(r"[。；;）)]").search(text, end)
    return stop.start() if stop else len(text)


def _unique(key: str, used: set[str]) -> str:
    candidate, n = key, 2
    while candidate in used:
        candidate, n = f"{key}/{n}", n + 1
    used.add(candidate)
    return candidate
