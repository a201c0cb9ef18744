"""Numbers printed in running text (1,234人次, 36家, 87次, 100%) as metrics.

A figure is a number followed by a counting unit from the lexicon.  Years
(2024年), dates and numbers without a unit are not figures.  What the number
is about is read from the clause around it: the words before it (人權相關教育
訓練共 → 人權相關教育訓練) are its subject, the words after its unit (騷擾案件)
say what is counted.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from decimal import Decimal

from ...metrics import Metric, Period
from ...model import SourceDocument, Span
from ...normalise.numerals import parse_number
from . import vocab

_NUMBER = re.compile(r"(?<![\d.,A-Za-z])([<>≥≤＞＜]\s*)?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|(?<![第每])[一二兩三四五六七八九十百千]+)")
_CHINESE_NUMERAL = re.compile(r"[一二兩三四五六七八九十百千]+")
# After a Chinese numeral 分 is not a unit (十分重要) and % never follows one.
_NOT_AFTER_CHINESE = ("分", "%", "％")
_CLAUSE_END = "，。；;：:！？!?\n"
_SENTENCE_END = "。；;！？!?\n"
_LEAD = re.compile(r"^(?:(?:19|20)\d{2}\s*年(?:度)?|以及|及|和|與|並|且|其中|另|共有|共計|共|合計|總計)+")
_TRAIL = re.compile(r"(?:共有|共計|共|合計|總計|達到|達|為|計|約|有|逾|超過|選定|辦理|之|的)+$")
_AFTER_LEAD = re.compile(r"^(?:為|之|的)+")
_AFTER_TRAIL = re.compile(r"(?:及|和|與|、|以及)+$")
_SUFFIX_QUALIFIERS = (("以上", "at-least"), ("之多", "at-least"))


@dataclass(frozen=True, slots=True)
class Figure:
    value: Decimal
    unit: str
    unit_label: str
    span: Span  # the number and its unit
    subject: str
    description: str | None
    topic: str
    year: str | None
    at_least: bool
    approximate: bool
    sentence: str  # the sentence it was read from: keys are built from it, not from offsets


def _unit_at(text: str, pos: int) -> tuple[str, str] | None:
    rest = text[pos:].lstrip(" ")
    skipped = len(text) - pos - len(rest)
    for word, unit in vocab.count_units():
        if rest.startswith(word):
            if word == "分" and rest.startswith(("分鐘", "分之")):
                return None
            return word, unit, skipped  # type: ignore[return-value]
    return None


def _topic(*texts: str, fallback: str) -> str:
    for text in texts:
        for word, topic in vocab.metric_topics():
            if word in text:
                return topic
    return fallback


def _bounds(text: str, start: int, end: int, stops: str) -> tuple[int, int]:
    left = start
    while left > 0 and text[left - 1] not in stops:
        left -= 1
    right = end
    while right < len(text) and text[right] not in stops:
        right += 1
    return left, right


def figures_in(doc: SourceDocument, span: Span, *, context: str = "", claimed: set[tuple[int, int]] | None = None) -> list[Figure]:
    """Every figure in the text of ``span``; ``context`` (a row label, a heading) helps name what it counts."""
    text = doc.text[span.start:span.end]
    found: list[Figure] = []
    previous_end = 0
    previous_subject = ""
    previous_sentence = -1
    for match in _NUMBER.finditer(text):
        unit = _unit_at(text, match.end())
        if unit is None:
            continue
        word, unit_id, skipped = unit  # type: ignore[misc]
        if _CHINESE_NUMERAL.fullmatch(match.group(2)) and (word in _NOT_AFTER_CHINESE or skipped):
            continue
        end = match.end() + skipped + len(word)
        value = parse_number(match.group(2))
        if value is None:
            continue
        if skipped and re.fullmatch(r"(?:19|20)\d{2}", match.group(2)):
            continue  # a year set apart by a space (X 2024 人權…) is not a count
        start = match.start()
        absolute = (span.start + start, span.start + end)
        if claimed is not None and any(a <= absolute[0] and absolute[1] <= b for a, b in claimed):
            continue
        c_left, c_right = _bounds(text, start, end, _CLAUSE_END)
        s_left, s_right = _bounds(text, start, end, _SENTENCE_END)
        if s_left != previous_sentence:
            previous_end, previous_subject, previous_sentence = 0, "", s_left
        before_from = max(c_left, previous_end)
        before = text[before_from:start].strip()
        if match.group(1):
            before = before.rstrip("<>≥≤＞＜ ")
        before = _TRAIL.sub("", _LEAD.sub("", before)).strip(" 「」『』()（）")
        after_to = c_right
        next_number = _NUMBER.search(text, end, c_right)
        if next_number:
            after_to = next_number.start()
        after = _AFTER_TRAIL.sub("", _AFTER_LEAD.sub("", text[end:after_to].strip())).strip()
        qualifier_at_least = bool(match.group(1) and match.group(1).strip() in "≥>＞")
        for suffix, _ in _SUFFIX_QUALIFIERS:
            if after.startswith(suffix):
                qualifier_at_least = True
                after = after[len(suffix):].lstrip("為則")
        if previous_end > c_left and previous_subject:
            subject = previous_subject  # 4項為中度風險及1項高度風險: one subject, two counts
        else:
            subject = before if len(before) >= 2 else previous_subject or after or context
        quoted = re.search(r"「([^」]+)」", text[s_left:start])
        if quoted and len(before) < 2:
            subject = quoted.group(1)
        sentence = text[s_left:s_right]
        clause = text[c_left:c_right]
        year = re.search(r"((?:19|20)\d{2})\s*年", sentence)
        found.append(
            Figure(
                value=value,
                unit=unit_id,
                unit_label=word,
                span=doc.span(*absolute),
                subject=subject,
                description=after if len(after) >= 2 else None,
                topic=_topic(clause, sentence, context, fallback=unit_id),
                year=year.group(1) if year else None,
                at_least=qualifier_at_least,
                approximate=bool(re.search(r"[約近]\s*$", text[before_from:start])),
                sentence=sentence,
            )
        )
        previous_end = end
        previous_subject = subject
    return found


def digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def metric_key(*parts: object) -> str:
    """A stable key from labels; long labels are shortened with a digest so IRIs stay readable."""
    out = []
    for part in parts:
        text = str(part)
        if len(text) > 24:
            text = text[:16] + "-" + digest(text)
        out.append(text)
    return "/".join(out)


def figure_metric(figure: Figure, *, key_prefix: str, default_year: str | None, measure: str | None = None,
                  subject: str | None = None, subject_key: str | None = None) -> Metric:
    year = figure.year or default_year
    return Metric(
        key=metric_key(key_prefix, measure or figure.topic, subject or figure.subject, f"{figure.value}{figure.unit}",
                       digest(figure.sentence)),
        measure=measure or figure.topic,
        value=figure.value,
        unit=figure.unit,
        unit_label=figure.unit_label,
        span=figure.span,
        subject_label=subject or figure.subject,
        subject_key=subject_key,
        period=Period(year, year, None) if year else None,
        description=figure.description,
        approximate=figure.approximate,
        at_least=figure.at_least,
    )
