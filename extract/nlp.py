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

What a parser should know when reading the tags:

- an article's own heading (`第 15 條`) is an ARTICLE_REF like a citation; the
  position in the layout tells them apart;
- a range `第七十一條至第七十八條` is two ARTICLE_REF tags with 至 between them;
- a number of hours (`28,674.50 小時`) is a DURATION with unit hour, not a QUANTITY;
- a MONEY value's currency is None when none is printed, none came before it in
  the text, and no ``default_currency`` was given;
- numbers inside codes (`CB(2)1667/05-06`) and ordinals (`第五年`) are not tagged.
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
# Doc.text is rebuilt from the tokens on every access (a tenth of a statute's build time
# went there), so the docs made here carry the text they were made from.
_TEXT = "tiaoli_text"

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
#
# The Matcher's cost grows with the number of patterns (each is tried at every
# token), so word lists become runs of "any character of these words" rather
# than one pattern per word.  That over-generates (新臺幣 and 港元 allow 新元…);
# every candidate must then normalise, and of overlapping valid candidates the
# longest wins.  Matches are not greedy, so a valid shorter span is still there
# when the longest is not valid.

_DIGITS = [str(d) for d in range(10)]
_NUM_START = sorted(set(_DIGITS) | NUMERAL_CHARS)
_NUM_BODY = sorted(set(_NUM_START) | {",", "."})
_SP = {"IS_SPACE": True, "OP": "*"}
# Numeral characters share one lexeme NORM (set in pipeline()), so "a numeral"
# is a C-level equality test rather than a Python set lookup at every token.
NUMERAL_NORM = "<numeral>"
SEPARATOR_NORM = "<separator>"


def _chars(word: str) -> list[dict]:
    return [{"ORTH": ch} for ch in fold_width(word)]


def _any(chars: Iterable[str], op: str | None = None) -> dict:
    token: dict = {"ORTH": {"IN": sorted(set(chars))}}
    if op:
        token["OP"] = op
    return token


def _num() -> list[dict]:
    return [{"NORM": NUMERAL_NORM}, {"NORM": {"IN": [NUMERAL_NORM, SEPARATOR_NORM]}, "OP": "*"}, _SP]


def _digits(low: int, high: int, chars: Iterable[str] = _DIGITS) -> list[dict]:
    return [_any(chars)] * low + [_any(chars, "?")] * (high - low)



def _chars_of(words: Iterable[str], op: str = "+") -> dict:
    """Any run of characters drawn from ``words``."""
    return _any("".join(fold_width(w) for w in words), op)


def _money_patterns() -> list[list[dict]]:
    names = [fold_width(n) for n in list(lexicon.currency_names()) + list(lexicon.dollar_signs())]
    currency = [_any(n[0] for n in names), _chars_of(names, "*")]
    scale = _chars_of(lexicon.amount_scales(), "*")
    optional_suffix = _any(lexicon.amount_suffixes(), "?")
    whole = {"ORTH": "整", "OP": "?"}
    return [
        currency + [_SP] + _num() + [scale, _SP, optional_suffix, whole],  # 新臺幣三萬元, HK$176.4M, $120
        _num() + [optional_suffix, _SP] + currency,  # 500萬港元, 5000 HKD
        _num() + [_any(lexicon.amount_suffixes()), whole],  # 十五萬元, 5.5 億元
    ]


def _duration_patterns() -> list[list[dict]]:
    counter = _any(["個", "箇"], "?")
    half = {"ORTH": "半", "OP": "?"}
    unit = _chars_of(lexicon.time_units())
    suffix = _chars_of(lexicon.time_suffixes(), "*")
    return [
        _num() + [counter, half, unit, half, suffix],  # 一個半月內, 十五日, 三年以下
        [{"ORTH": "半"}, counter, unit, suffix],  # 半年
    ]


def _date_patterns() -> list[list[dict]]:
    era = [{"ORTH": "中", "OP": "?"}, {"ORTH": "華", "OP": "?"}, {"ORTH": "民"}, {"ORTH": "國"}, _SP]
    year = _num() + _chars("年") + [_SP]
    month_day = [_any(_NUM_BODY, "*"), _SP, {"ORTH": "月", "OP": "?"}, _SP, _any(_NUM_BODY, "*"), _SP,
                 _any(["日", "號", "度"], "?")]
    return [
        era + year + month_day,  # 民國 98 年 06 月 03 日
        year + month_day,  # 二零零八年七月, 2024年11月, 98年6月3日 (kept only if _read_date agrees)
        _num() + _chars("月") + _num() + [_any(["日", "號"])],  # 六月三日
        [{"NORM": NUMERAL_NORM}, _any(_DIGITS, "*"), _any(["-", "/", "."]), _any(_DIGITS, "+"),
         _any(["-", "/", "."], "?"), _any(_DIGITS, "*")],  # 2024-11-03, 9.2004, 98.6.3
    ]


def _school_year_patterns() -> list[list[dict]]:
    return [_digits(4, 4) + [_any(["/", "-"])] + _digits(2, 4) + [_SP, _chars_of(["學年度"], "*")]]


def _period_patterns() -> list[list[dict]]:
    return [_digits(4, 4) + [_SP, _any(["-", "~", "至", "到"]), _SP] + _digits(4, 4)]  # 2004-2008


def _article_ref_patterns() -> list[list[dict]]:
    # Parts are matched apart (第十條 | 第二項 | 第三款) and joined by
    # _join_reference when the whole still reads as one reference.
    units = ("條", "項", "款", "目") + DIVISION_UNITS
    number = [{"NORM": NUMERAL_NORM}, {"NORM": {"IN": [NUMERAL_NORM, SEPARATOR_NORM, "-"]}, "OP": "*"}, _SP]
    return [
        # 第十五條, 第 2 項, 第四章, 第十五條之一, 第 15-1 條
        _chars("第") + [_SP] + number + [_any(units), _SP, {"ORTH": "之", "OP": "?"}, _SP, _any(_NUM_START, "*")],
        [_any(["前", "本", "同"]), _chars_of(units + ACT_WORDS)],  # 前條, 本章, 同項, 本法, 本條例
        _chars("前") + [_any(_NUM_START + ["各"], "+"), _any(units[:4])],  # 前二條, 前各項
        _chars("各") + [_any(units[1:4])],  # 各款
    ]


def _quantity_patterns() -> list[list[dict]]:
    return [
        _num() + [_any(lexicon.count_infixes(), "?"), _SP, _chars_of(lexicon.count_units())],
        _chars("百分之") + [_SP] + _num(),
    ]


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


def _possible_first_chars(patterns: Iterable[list[dict]]) -> frozenset[str]:
    """Every character a match of ``patterns`` can start with."""
    chars: set[str] = set()
    for pattern in patterns:
        for token in pattern:
            if token.get("IS_SPACE"):
                pass
            elif "ORTH" in token:
                orth = token["ORTH"]
                chars.update(orth["IN"] if isinstance(orth, dict) else [orth])
            elif token.get("NORM") == NUMERAL_NORM:
                chars.update(_NUM_START)
            else:
                raise ValueError(f"cannot tell what {token} starts with")
            if token.get("OP") not in ("?", "*"):
                break
    return frozenset(chars)


class NumericRules(_RuleComponent):
    """Matcher component: candidate spans for every numeric label.

    A text with none of the characters a match can start with (most clauses
    of a statute hold no number) skips the Matcher.
    """

    def __init__(self, nlp: Language):
        self.matcher = Matcher(nlp.vocab)
        starts: set[str] = set()
        for label, build in _NUMERIC_RULES.items():
            patterns = build()
            self.matcher.add(label, patterns)
            starts |= _possible_first_chars(patterns)
        self.starts = frozenset(starts)

    def __call__(self, doc: Doc) -> Doc:
        if self.starts.isdisjoint(_text_of(doc)):
            return doc
        return super().__call__(doc)


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
    piece = "".join(text[start:end].split())
    if "年" in piece and not _plausible_year(piece):
        return _DROP
    date = parse_date(piece)
    if date is None and "年" not in piece and _month_day_ok(piece):
        return None  # 六月三日: a date, but its year is not printed
    return _or_drop(date)


def _plausible_year(piece: str) -> bool:
    """In running text 三年 is a duration: a year needs its era, four digits, or (98年6月) a month."""
    year = piece.split("年", 1)[0]
    if "民國" in year:
        return True
    if len(year) == 4:
        return year.isdigit() or all(ch in CHINESE_DIGIT_CHARS for ch in year)
    return year.isdigit() and len(year) in (2, 3) and "月" in piece


# 各項 is mostly "the various" (各項費用); it refers to paragraphs after 下列 or
# attached to a reference (第五條各項), which _join_reference takes care of.
_EACH_PARAGRAPH_LEADS = ("下列", "左列", "上列", "條")


def _read_reference(text: str, start: int, end: int) -> object:
    piece = text[start:end]
    if piece.endswith("款") and text[end:end + 1] == "項":
        return _DROP  # 各款項 are sums of money, not items
    if piece == "各項" and not text[max(0, start - 8):start].rstrip().endswith(_EACH_PARAGRAPH_LEADS):
        return _DROP
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


_NUMERIC_LABELS = frozenset({"MONEY", "DURATION", "DATE", "SCHOOL_YEAR", "PERIOD", "QUANTITY", "FRACTION"})
_ORDINAL_SENSITIVE = frozenset({"DURATION", "QUANTITY", "FRACTION"})
_NUMBER_CHARS = frozenset(_NUM_BODY)
_DATE_LABELS = frozenset({"DATE", "SCHOOL_YEAR", "PERIOD"})


def _whole_number(label: str, text: str, start: int, end: int) -> bool:
    """False for a candidate cut out of a longer number or code (1667/05 in CB(2)1667/05-06),
    and for an ordinal read as a count (第五年 is the fifth year, not five years)."""
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    if before in _NUMBER_CHARS or (before.isascii() and before.isalnum()):
        return False
    if after.isascii() and (after.isdigit() or (after.isalpha() and label != "MONEY")):
        return False
    if label in _ORDINAL_SENSITIVE and before == "第":
        return False
    if label in _DATE_LABELS and after in "-/" and text[end + 1:end + 2].isdigit():
        return False
    return True


def _text_of(doc: Doc) -> str:
    return doc.user_data.get(_TEXT) or doc.text


def _make_doc(text: str) -> Doc:
    doc = pipeline().make_doc(text)
    doc.user_data[_TEXT] = text
    return doc


def _resolve(doc: Doc) -> Doc:
    text = _text_of(doc)
    candidates = []
    for span in doc.spans.get(_CANDIDATES, []):
        label = span.label_
        start, end = span.start_char, span.end_char
        while end > start and text[end - 1] in " \n\t":
            end -= 1
        if label in _NUMERIC_LABELS and not _whole_number(label, text, start, end):
            continue
        value = _READERS[label](text, start, end)
        if value is not _DROP:
            candidates.append((start, end, label, value))
    candidates.sort(key=lambda c: (-(c[1] - c[0]), _PRIORITY[c[2]], c[0]))
    taken = bytearray(len(text) + 1)
    chosen = []
    for start, end, label, value in candidates:
        if any(taken[start:end]):
            continue
        taken[start:end] = b"\x01" * (end - start)
        if label != "NON_DEONTIC":
            chosen.append((start, end, label, value))
    chosen.sort()
    chosen = _join_adjacent(text, chosen, _join_reference)
    chosen = _join_adjacent(text, chosen, _join_period)
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
    if prev[2] != "ARTICLE_REF" or tag[2] != "ARTICLE_REF" or text[prev[1]:tag[0]].strip():
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
    for ch in _NUM_START:
        nlp.vocab[ch].norm_ = NUMERAL_NORM
    for ch in set(_NUM_BODY) - set(_NUM_START):
        nlp.vocab[ch].norm_ = SEPARATOR_NORM
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
    return _tags(pipeline()(_make_doc(fold_width(text))), text, default_currency)


def annotate_many(texts: Iterable[str], *, default_currency: str | None = None,
                  batch_size: int = 256) -> Iterator[list[Tag]]:
    """:func:`annotate` for many texts, through ``nlp.pipe``; yields one list per text, in order."""
    originals: list[str] = []

    def folded() -> Iterator[Doc]:
        for text in texts:
            originals.append(text)
            yield _make_doc(fold_width(text))

    for index, doc in enumerate(pipeline().pipe(folded(), batch_size=batch_size)):
        yield _tags(doc, originals[index], default_currency)
        originals[index] = ""
