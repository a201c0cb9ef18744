"""Time limits: deadlines (五日內), minimum retention (至少保存五年), extensions (延長一個半月),
periods (預期在一年內清償者) and repeat-offence windows (三年內再犯).

Durations are the pipeline's DURATION tags.  A term of a sentence (五年以下有期徒刑)
is a sanction, not a time limit, and 二年度 counts financial years, not time.
"""

from __future__ import annotations

import re

from ... import nlp
from .norms import tags_of
from .clauses import clauses, condition_pieces
from .model import TimeLimit
from .provisions import ProvisionText

_UNITS = {"day": "day", "month": "month", "year": "year"}
_SENTENCE_TERM = re.compile(r"^(?:以上|以下)?(?:[^，,。；;]{0,8}?(?:年|月)(?:以上|以下))?之?(?:有期徒刑|拘役|徒刑)")
_NOT_A_SPAN = re.compile(r"^(?:度|級|期)")
_CALENDAR_AFTER = re.compile(r"^[一二三四五六七八九十0-9０-９]{1,3}月|^起|^元旦")
_REPEAT = re.compile(r"^(?:內|以內)?再犯")
_QUALIFIER_WORDS = re.compile(r"(?:至遲不得超過|不得超過|不得逾|至少保存|最少保存|保存|至少|最長|最短|延長|逾|超過)$")
_RETENTION = re.compile(r"保存|保管|留存")


def find_time_limits(prov: ProvisionText) -> list[TimeLimit]:
    text = prov.text
    out = []
    conditions = []
    for clause in clauses(text):
        conditions.extend((clause.start + p.start, clause.start + p.end) for p in condition_pieces(clause.text))
    for tag in tags_of(text):
        if tag.label != "DURATION" or tag.value.unit not in _UNITS:
            continue
        after = text[tag.end:]
        if _SENTENCE_TERM.match(after) or _NOT_A_SPAN.match(after) or _SENTENCE_TERM.match(tag.text[-2:] + after):
            continue
        if tag.text.endswith(("以下", "以上")) and re.match(r"^[^，,。；;]{0,8}?(?:有期徒刑|拘役)", after):
            continue
        if tag.value.unit == "year" and (_CALENDAR_AFTER.match(after) or text[max(0, tag.start - 2):tag.start] == "民國"
                                         or tag.value.value >= 100):
            continue  # 中華民國一百十一年十二月: a calendar year, not a span
        start = tag.start
        q = _QUALIFIER_WORDS.search(text[max(0, start - 8):start])
        if q:
            start = start - (len(q.group()))
        kind = _kind(text, tag, after, conditions)
        out.append(TimeLimit(
            provision=prov.path,
            value=tag.value.value,
            unit=_UNITS[tag.value.unit],
            kind=kind,
            text=text[start:tag.end],
            span=prov.span(start, tag.end),
        ))
    return out


def _kind(text: str, tag: nlp.Tag, after: str, conditions: list[tuple[int, int]]) -> str:
    qualifier = tag.value.qualifier
    if _REPEAT.match(after) or (tag.text.endswith("內") and after.startswith("再犯")):
        return "repeat-window"
    if qualifier == "extension":
        return "extension"
    before = text[max(0, tag.start - 6):tag.start]
    if _RETENTION.search(before) or (_RETENTION.match(after) and qualifier in ("at-least", None)):
        return "retention"
    if any(a <= tag.start < b for a, b in conditions):
        return "period"
    if qualifier in ("within", "at-most"):
        return "deadline"
    return "period"
