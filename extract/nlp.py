"""The one spaCy pipeline: character tokens, rule components, typed tags with character offsets.

``spacy.blank("zh")`` with the per-character segmenter (no model download; jieba
splits legal text wrongly, 科新|臺|幣).  Two rule components find candidates:

- ``tiaoli_numeric_rules`` (Matcher): MONEY, DURATION, DATE, SCHOOL_YEAR, PERIOD,
  ARTICLE_REF, QUANTITY, FRACTION — token patterns over single characters, built
  from the lexicon's currencies and units;
- ``tiaoli_lexical_rules`` (PhraseMatcher): ROLE and DEONTIC from roles.toml and
  deontic.toml, plus the words that contain a deontic marker but are not one.

``tiaoli_resolve`` then gives each candidate its normalised value (a candidate
whose text does not normalise is dropped), keeps the longest of overlapping
candidates, joins two dates around 至/~/- into a PERIOD, and lets an amount
printed without a currency take the currency of the amount before it
(新臺幣三萬元以上十五萬元以下).

The pipeline matches on :func:`fold_width` of the text, which maps one character
to one character, so every tag's offsets index the caller's text and
``text[tag.start:tag.end] == tag.text``.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from typing import Callable, Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span

from . import lexicon
from .normalise.articles import ACT_WORDS, DIVISION_UNITS, parse_provision_ref
from .normalise.dates import parse_date, parse_period, parse_school_year
from .normalise.durations import duration_at
from .normalise.money import Money, parse_money
from .normalise.numerals import CHINESE_DIGIT_CHARS, NUMERAL_CHARS, parse_number
from .normalise.quantities import quantity_at
from .normalise.text import fold_width

LABELS = (
    "MONEY", "DURATION", "DATE", "SCHOOL_YEAR", "PERIOD", "ARTICLE_REF",
    "QUANTITY", "FRACTION", "ROLE", "DEONTIC",
)
# Of two candidates of equal length over the same text, the earlier label wins.
_PRIORITY = {label: rank for rank, label in enumerate((
    "PERIOD", "DATE", "SCHOOL_YEAR", "MONEY", "ARTICLE_REF", "DURATION", "FRACTION",
    "QUANTITY", "NON_DEONTIC", "ROLE", "DEONTIC",
))}
_CANDIDATES = "tiaoli_candidates"
_TAGS = "tiaoli"

if not Span.has_extension("tiaoli_value"):
    Span.set_extension("tiaoli_value", default=None)


@dataclass(frozen=True, slots=True)
class Tag:
    """A typed span of a text: ``text[start:end] == self.text``; ``value`` is its normalised reading.

    value by label: MONEY → Money; DURATION → Duration; DATE → PartialDate (None
    for a date printed without its year, 六月三日); SCHOOL_YEAR → (2006, 2007);
    PERIOD → (PartialDate, PartialDate); ARTICLE_REF → ProvisionRef; QUANTITY →
    Quantity; FRACTION → fractions.Fraction; ROLE → role id; DEONTIC → modality.
    """

    label: str
    start: int
    end: int
    text: str
    value: object | None = None


# --- token patterns over single characters --------------------------------

_DIGITS = [str(d) for d in range(10)]
_NUM_START = sorted(set(_DIGITS) | NUMERAL_CHARS)
_NUM_BODY = sorted(set(_NUM_START) | {",", "."})
_SP = {"IS_SPACE": True, "OP": "*"}


def _chars(word: str) -> list[dict]:
    return [{"ORTH": ch} for ch in fold_width(word)]


def _num() -> list[dict]:
    return [{"ORTH": {"IN": _NUM_START}}, {"ORTH": {"IN": _NUM_BODY}, "OP": "*"}, _SP]


def _digits(low: int, high: int, chars: Iterable[str] = _DIGITS) -> list[dict]:
    chars = sorted(chars)
    return [{"ORTH": {"IN": chars}}] * low + [{"ORTH": {"IN": chars}, "OP": "?"}] * (high - low)


def _one_of(words: Iterable[str]) -> list[list[dict]]:
    return [_chars(w) for w in sorted(set(words))]


def _money_patterns() -> list[list[dict]]:
    names = sorted(lexicon.currency_names())
    suffix = {"ORTH": {"IN": sorted(fold_width(s) for s in lexicon.amount_suffixes())}}
    optional_suffix = dict(suffix, OP="?")
    whole = {"ORTH": "整", "OP": "?"}
    scales = [[]] + _one_of(lexicon.amount_scales())
    patterns = []
    for name in names:
        for scale in scales:
            # 新臺幣三萬元, HK$550,000,000, HK$176.4M
            patterns.append(_chars(name) + [_SP] + _num() + scale + [_SP, optional_suffix, whole])
        # 500萬港元, 5000 HKD
        patterns.append(_num() + [optional_suffix, _SP] + _chars(name))
    for sign in lexicon.dollar_signs():
        for scale in scales:
            patterns.append(_chars(sign) + [_SP] + _num() + scale + [_SP, optional_suffix])
    patterns.append(_num() + [suffix, whole])  # 十五萬元, 5.5 億元
    return patterns


def _duration_patterns() -> list[list[dict]]:
    counter = {"ORTH": {"IN": ["個", "箇"]}, "OP": "?"}
    half = {"ORTH": "半", "OP": "?"}
    patterns = []
    for unit in _one_of(lexicon.time_units()):
        for suffix in [[]] + _one_of(lexicon.time_suffixes()):
            patterns.append(_num() + [counter, half] + unit + [half] + suffix)
            patterns.append([{"ORTH": "半"}, counter] + unit + suffix)
    return patterns


def _date_patterns() -> list[list[dict]]:
    year4 = _digits(4, 4)
    cn_year4 = _digits(4, 4, CHINESE_DIGIT_CHARS)
    month = _num() + _chars("月")
    day = _num() + [{"ORTH": {"IN": ["日", "號"]}}]
    nian = [_SP] + _chars("年") + [_SP]
    tails = [[], month, month + day]
    patterns = []
    for era in (_chars("民國"), _chars("中華民國")):
        for tail in tails:
            patterns.append(era + [_SP] + _num() + nian + tail)
    for year in (year4, cn_year4):
        for tail in tails:
            patterns.append(year + nian + tail)
        patterns.append(year + nian + _chars("度"))
    for tail in (month, month + day):  # 98年6月3日: an ROC year without the era
        patterns.append(_digits(2, 3) + nian + tail)
    patterns.append(month + day)  # 六月三日, 一月一日: no year
    sep = {"ORTH": {"IN": ["-", "/", "."]}}
    patterns.append(year4 + [sep] + _digits(1, 2))  # 2024-11, 2024.11
    patterns.append(year4 + [sep] + _digits(1, 2) + [sep] + _digits(1, 2))  # 2024-11-03
    patterns.append(_digits(1, 2) + [{"ORTH": {"IN": [".", "/"]}}] + year4)  # 9.2004
    patterns.append(_digits(2, 3) + [{"ORTH": "."}] + _digits(1, 2) + [{"ORTH": "."}] + _digits(1, 2))  # 98.6.3
    return patterns


def _school_year_patterns() -> list[list[dict]]:
    year4 = _digits(4, 4)
    sep = {"ORTH": {"IN": ["/", "-"]}}
    patterns = []
    for tail in ([], _chars("學年"), _chars("學年度")):
        patterns.append(year4 + [sep] + _digits(2, 2) + tail)
        patterns.append(year4 + [_chars("/")[0]] + year4 + tail)
    return patterns


def _period_patterns() -> list[list[dict]]:
    year4 = _digits(4, 4)
    return [year4 + [_SP, {"ORTH": {"IN": ["-", "~", "至", "到"]}}, _SP] + year4]  # 2004-2008


def _article_ref_patterns() -> list[list[dict]]:
    di = _chars("第")
    article_forms = [
        di + [_SP] + _num() + _chars("條"),
        di + [_SP] + _num() + _chars("條") + [_SP] + _chars("之") + _num(),
        di + [_SP] + _num() + _chars("-") + _num() + _chars("條"),
    ]
    tails = [[]]
    for unit in ("項", "款", "目"):
        tails += [t + di + [_SP] + _num() + _chars(unit) for t in tails]
    divisions = []
    for unit in DIVISION_UNITS:
        divisions.append(di + [_SP] + _num() + _chars(unit))
        divisions.append(di + [_SP] + _num() + _chars(unit) + _chars("之") + _num())
    relative_units = _one_of(ACT_WORDS) + [_chars(u) for u in DIVISION_UNITS + ("條", "項", "款", "目")]
    relative = []
    for unit in relative_units:
        relative.append([{"ORTH": {"IN": ["前", "本", "同", "各", "次", "後"]}}] + unit)
        relative.append([{"ORTH": {"IN": ["前", "次", "後"]}}, {"ORTH": {"IN": _NUM_START + ["各"]}, "OP": "+"}] + unit)
    # 前條第一項, 本法第十條: a relative head and what follows it are matched
    # apart and joined in _join_references, which keeps the pattern count small.
    patterns = [form + tail for form in article_forms for tail in tails]
    patterns.extend(relative)
    patterns.extend(t for t in tails if t)  # 第一項, 第二款, 第一項第三款
    patterns.extend(divisions)
    return patterns


def _quantity_patterns() -> list[list[dict]]:
    infix = {"ORTH": {"IN": sorted(lexicon.count_infixes())}, "OP": "?"}
    patterns = [_num() + [infix, _SP] + unit for unit in _one_of(lexicon.count_units())]
    patterns.append(_chars("百分之") + [_SP] + _num())
    return patterns


def _fraction_patterns() -> list[list[dict]]:
    return [_num() + _chars("分之") + _num()]


_NUMERIC_RULES: dict[str, Callable[[], list[list[dict]]]] = {
    "MONEY": _money_patterns,
    "DURATION": _duration_patterns,
    "DATE": _date_patterns,
    "SCHOOL_YEAR": _school_year_patterns,
    "PERIOD": _period_patterns,
    "ARTICLE_REF": _article_ref_patterns,
    "QUANTITY": _quantity_patterns,
    "FRACTION": _fraction_patterns,
}


class _RuleComponent:
    """Adds its matcher's matches to the doc's candidate spans."""

    matcher: Matcher | PhraseMatcher

    def __call__(self, doc: Doc) -> Doc:
        spans = list(doc.spans.get(_CANDIDATES, []))
        spans.extend(Span(doc, start, end, label=match_id) for match_id, start, end in self.matcher(doc))
        doc.spans[_CANDIDATES] = spans
        return doc


class NumericRules(_RuleComponent):
    """Matcher component: candidate spans for every numeric label."""

    def __init__(self, nlp: Language):
        self.matcher = Matcher(nlp.vocab)
        for label, build in _NUMERIC_RULES.items():
            self.matcher.add(label, build(), greedy="LONGEST")


class LexicalRules(_RuleComponent):
    """PhraseMatcher component: roles, deontic markers and the words that only look like markers."""

    def __init__(self, nlp: Language):
        self.matcher = PhraseMatcher(nlp.vocab)
        for label, words in (
            ("ROLE", lexicon.roles()),
            ("DEONTIC", lexicon.deontic_markers()),
            ("NON_DEONTIC", lexicon.deontic_non_markers()),
        ):
            self.matcher.add(label, [nlp.make_doc(fold_width(w)) for w in sorted(words)])


@Language.factory("tiaoli_numeric_rules")
def _make_numeric_rules(nlp: Language, name: str) -> NumericRules:
    return NumericRules(nlp)


@Language.factory("tiaoli_lexical_rules")
def _make_lexical_rules(nlp: Language, name: str) -> LexicalRules:
    return LexicalRules(nlp)


# --- values ----------------------------------------------------------------


def _fraction(text: str) -> Fraction | None:
    head, _, tail = "".join(text.split()).partition("分之")
    denominator, numerator = parse_number(head), parse_number(tail)
    if denominator is None or numerator is None or denominator <= 0:
        return None
    return Fraction(numerator) / Fraction(denominator)


_DROP = object()  # a reader's answer for a candidate that does not normalise


def _or_drop(value: object | None) -> object:
    return _DROP if value is None else value


def _read_date(text: str, start: int, end: int) -> object:
    piece = text[start:end]
    date = parse_date(piece)
    if date is None and "年" not in piece and _month_day_ok(piece):
        return None  # 六月三日: a date, but its year is not printed
    return _or_drop(date)


def _read_reference(text: str, start: int, end: int) -> object:
    piece = text[start:end]
    if piece.endswith("款") and text[end:end + 1] == "項":
        return _DROP  # 各款項 are sums of money, not items
    return _or_drop(parse_provision_ref(piece))


_READERS: dict[str, Callable[[str, int, int], object]] = {
    "MONEY": lambda text, start, end: _or_drop(parse_money(text[start:end])),
    "DURATION": lambda text, start, end: _or_drop(duration_at(text, start, end)),
    "DATE": _read_date,
    "SCHOOL_YEAR": lambda text, start, end: _or_drop(parse_school_year(text[start:end])),
    "PERIOD": lambda text, start, end: _or_drop(parse_period(text[start:end])),
    "ARTICLE_REF": _read_reference,
    "QUANTITY": lambda text, start, end: _or_drop(quantity_at(text, start, end)),
    "FRACTION": lambda text, start, end: _or_drop(_fraction(text[start:end])),
    "ROLE": lambda text, start, end: lexicon.roles()[text[start:end]],
    "DEONTIC": lambda text, start, end: lexicon.deontic_markers()[text[start:end]],
    "NON_DEONTIC": lambda text, start, end: None,
}


def _month_day_ok(piece: str) -> bool:
    month_text, _, day_text = "".join(piece.split()).partition("月")
    month, day = parse_number(month_text), parse_number(day_text[:-1])
    return month is not None and day is not None and 1 <= month <= 12 and 1 <= day <= 31


_TRIM = ",. \n\t"


def _resolve(doc: Doc) -> Doc:
    candidates = []
    for span in doc.spans.get(_CANDIDATES, []):
        label = span.label_
        start, end = span.start_char, span.end_char
        while end > start and doc.text[end - 1] in " \n\t":
            end -= 1
        read = _READERS[label]
        value = read(doc.text, start, end)
        while value is _DROP and end > start + 1 and doc.text[end - 1] in _TRIM:  # 550,000,000, which…
            end -= 1
            value = read(doc.text, start, end)
        if value is not _DROP:
            candidates.append((start, end, label, value))
    candidates.sort(key=lambda c: (-(c[1] - c[0]), _PRIORITY[c[2]], c[0]))
    taken = bytearray(len(doc.text) + 1)
    chosen = []
    for start, end, label, value in candidates:
        if any(taken[start:end]):
            continue
        taken[start:end] = b"\x01" * (end - start)
        if label != "NON_DEONTIC":
            chosen.append((start, end, label, value))
    chosen.sort()
    chosen = _join_adjacent(doc.text, chosen, _join_reference)
    chosen = _join_adjacent(doc.text, chosen, _join_period)
    chosen = _carry_currency(chosen)
    spans = []
    for start, end, label, value in chosen:
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None:
            span._.tiaoli_value = value
            spans.append(span)
    doc.spans[_TAGS] = spans
    return doc


def _join_adjacent(text: str, tags: list[tuple], joins: Callable[[tuple, tuple, str], tuple | None]) -> list[tuple]:
    """Merge each tag into the one before it where ``joins`` gives the merged tag."""
    out: list[tuple] = []
    for tag in tags:
        merged = joins(out[-1], tag, text) if out else None
        if merged is not None:
            out[-1] = merged
        else:
            out.append(tag)
    return out


def _join_reference(prev: tuple, tag: tuple, text: str) -> tuple | None:
    """前條 + 第一項 → 前條第一項; 本法 + 第十條 → 本法第十條."""
    if prev[2] != "ARTICLE_REF" or tag[2] != "ARTICLE_REF" or prev[1] != tag[0]:
        return None
    ref = parse_provision_ref(text[prev[0]:tag[1]])
    return None if ref is None else (prev[0], tag[1], "ARTICLE_REF", ref)


_PERIOD_ENDS = frozenset({"DATE", "SCHOOL_YEAR"})
_PERIOD_JOINERS = frozenset({"至", "到", "~", "-"})


def _join_period(prev: tuple, tag: tuple, text: str) -> tuple | None:
    """9.2004 + 至 + 6.2008 → one PERIOD."""
    if prev[2] not in _PERIOD_ENDS or tag[2] not in _PERIOD_ENDS or prev[3] is None or tag[3] is None:
        return None
    if text[prev[1]:tag[0]].strip() not in _PERIOD_JOINERS:
        return None
    period = parse_period(text[prev[0]:tag[1]])
    return None if period is None else (prev[0], tag[1], "PERIOD", period)


def _carry_currency(tags: list[tuple]) -> list[tuple]:
    out = []
    currency = None
    for start, end, label, value in tags:
        if label == "MONEY":
            if value.currency is None and currency is not None:
                value = Money(value.amount, currency)
            currency = value.currency or currency
        out.append((start, end, label, value))
    return out


@Language.component("tiaoli_resolve")
def _resolve_component(doc: Doc) -> Doc:
    return _resolve(doc)


# --- public API ------------------------------------------------------------


@lru_cache(maxsize=1)
def pipeline() -> Language:
    """The pipeline, built once per process."""
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}})
    nlp.add_pipe("tiaoli_numeric_rules")
    nlp.add_pipe("tiaoli_lexical_rules")
    nlp.add_pipe("tiaoli_resolve")
    return nlp


def _tags(doc: Doc, text: str, default_currency: str | None) -> list[Tag]:
    tags = []
    for span in doc.spans[_TAGS]:
        value = span._.tiaoli_value
        if span.label_ == "MONEY" and value.currency is None and default_currency is not None:
            value = Money(value.amount, default_currency)
        tags.append(Tag(span.label_, span.start_char, span.end_char, text[span.start_char:span.end_char], value))
    return tags


def annotate(text: str, *, default_currency: str | None = None) -> list[Tag]:
    """Tags for ``text`` in document order, with exact character offsets.

    ``default_currency`` is the currency of amounts printed without one and with
    none before them in the text (HKD for a Hong Kong paper).
    """
    return _tags(pipeline()(fold_width(text)), text, default_currency)


def annotate_many(texts: Iterable[str], *, default_currency: str | None = None,
                  batch_size: int = 256) -> Iterator[list[Tag]]:
    """:func:`annotate` for many texts, through ``nlp.pipe``; yields one list per text, in order."""
    originals: list[str] = []

    def folded() -> Iterator[str]:
        for text in texts:
            originals.append(text)
            yield fold_width(text)

    for index, doc in enumerate(pipeline().pipe(folded(), batch_size=batch_size)):
        yield _tags(doc, originals[index], default_currency)
        originals[index] = ""
