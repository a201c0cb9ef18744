"""The report vocabulary (extract/lexicon/report.toml) as lookups the parser uses."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Mapping

from ... import lexicon
from ...normalise.text import fold_width


def _data() -> Mapping[str, Any]:
    return lexicon.load("report")


def default_language() -> str:
    return _data()["document"]["language"]


def table_vocabulary(kind: str) -> Mapping[str, list[str]]:
    return _data()["tables"][kind]


@lru_cache(maxsize=None)
def frameworks() -> dict[str, dict[str, Any]]:
    return {key: dict(value) for key, value in _data()["frameworks"].items()}


@lru_cache(maxsize=None)
def framework_pattern() -> re.Pattern[str]:
    """All framework aliases, longest first; Latin aliases only as whole words."""
    aliases = sorted({a for f in frameworks().values() for a in f["aliases"]}, key=len, reverse=True)
    parts = [rf"(?<![A-Za-z]){re.escape(a)}(?![A-Za-z])" if a.isascii() else re.escape(a) for a in aliases]
    return re.compile("|".join(parts))


@lru_cache(maxsize=None)
def framework_by_alias() -> dict[str, str]:
    return {alias: key for key, f in frameworks().items() for alias in f["aliases"]}


def _longest_first(table: Mapping[str, Any]) -> tuple[tuple[str, Any], ...]:
    return tuple(sorted(table.items(), key=lambda kv: len(kv[0]), reverse=True))


@lru_cache(maxsize=None)
def scopes() -> tuple[tuple[str, str], ...]:
    return _longest_first(_data()["scopes"])


def scope_label(scope: str) -> str:
    return _data()["scope_labels"][scope]


@lru_cache(maxsize=None)
def parties() -> tuple[tuple[str, str], ...]:
    return _longest_first(_data()["parties"])


def measure_kind(header: str) -> str | None:
    return next((kind for word, kind in _data()["measure_kinds"].items() if word in header), None)


def measure_category(printed: str) -> str | None:
    return _data()["measure_categories"].get(printed.strip())


def rating(text: str) -> str | None:
    """high/medium/low for a rating cell or band name (高, 中度風險 …)."""
    folded = text.strip()
    for word, value in _longest_first(_data()["ratings"]):
        if folded.startswith(word):
            return value
    return None


def status(text: str) -> tuple[str, bool] | None:
    """(the status word, achieved?) found in an indicator status cell."""
    for word, value in _longest_first(_data()["status"]):
        if word in text:
            return word, bool(value)
    return None


@lru_cache(maxsize=None)
def legend_words() -> tuple[tuple[str, bool], ...]:
    return tuple((w, bool(v)) for w, v in _longest_first(_data()["legend"]))


@lru_cache(maxsize=None)
def frequencies() -> tuple[tuple[str, str], ...]:
    return _longest_first(_data()["frequencies"])


@lru_cache(maxsize=None)
def body_suffixes() -> tuple[str, ...]:
    return tuple(sorted(_data()["body_suffixes"]["words"], key=len, reverse=True))


@lru_cache(maxsize=None)
def count_units() -> tuple[tuple[str, str], ...]:
    """Unit surface forms after a number, longest first (units.toml [count] plus the report's own)."""
    merged = dict(lexicon.count_units())
    merged.update(_data()["metric_units"])
    return _longest_first(merged)


@lru_cache(maxsize=None)
def metric_topics() -> tuple[tuple[str, str], ...]:
    return tuple(_data()["metric_topics"].items())


def typos() -> Mapping[str, str]:
    return _data()["typos"]


def doubled_suspects() -> frozenset[str]:
    return frozenset(_data()["doubled_suspects"]["chars"])


def matches_header(cell_text: str, words: list[str]) -> bool:
    """A header cell names a column when it contains one of its words (case and width folded)."""
    folded = fold_width(cell_text).replace(" ", "").upper()
    return any(fold_width(w).replace(" ", "").upper() in folded for w in words)


@lru_cache(maxsize=None)
def section_words() -> tuple[tuple[str, str], ...]:
    return _longest_first(_data()["sections"])


def contents_words() -> tuple[str, ...]:
    return tuple(_data()["contents"]["words"])
