"""Reviewed word lists (currencies, units, deontic markers, roles, variants) as TOML package data.

Each file documents its own format at the top.  Loaders are cached: the files
are read once per process, and what they return is read-only.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Any, Mapping


class LexiconError(ValueError):
    """A lexicon file is missing or malformed (a packaging or editing mistake)."""


@lru_cache(maxsize=None)
def load(name: str) -> Mapping[str, Any]:
    """The parsed contents of ``<name>.toml``."""
    resource = resources.files(__name__).joinpath(f"{name}.toml")
    try:
        data = tomllib.loads(resource.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise LexiconError(f"lexicon {name}.toml: not found in the package") from exc
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"lexicon {name}.toml: {exc}") from exc
    return MappingProxyType(data)


def _table(name: str, *keys: str) -> Mapping[str, Any]:
    data: Any = load(name)
    for key in keys:
        if not isinstance(data, Mapping) or key not in data:
            raise LexiconError(f"lexicon {name}.toml: missing table [{'.'.join(keys)}]")
        data = data[key]
    return MappingProxyType(dict(data))


@lru_cache(maxsize=None)
def currency_names() -> Mapping[str, str]:
    """Surface form → ISO 4217 code (新臺幣 → TWD)."""
    return _table("currencies", "names")


@lru_cache(maxsize=None)
def amount_suffixes() -> tuple[str, ...]:
    return tuple(load("currencies")["amount"]["suffixes"])


@lru_cache(maxsize=None)
def dollar_signs() -> tuple[str, ...]:
    return tuple(load("currencies")["amount"]["dollar"])


@lru_cache(maxsize=None)
def amount_scales() -> Mapping[str, int]:
    return _table("currencies", "amount", "scales")


@lru_cache(maxsize=None)
def time_units() -> Mapping[str, str]:
    """Surface form → time unit id (個月 is 個 + 月)."""
    return _table("units", "time")


@lru_cache(maxsize=None)
def time_qualifiers() -> Mapping[str, str]:
    return _table("units", "time_qualifiers")


@lru_cache(maxsize=None)
def time_suffixes() -> Mapping[str, str]:
    return _table("units", "time_suffixes")


@lru_cache(maxsize=None)
def false_units() -> tuple[str, ...]:
    """Words that start with a unit character but are not units (年度, 百分比)."""
    return tuple(sorted(load("units")["false_units"]["words"], key=lambda w: (-len(w), w)))


@lru_cache(maxsize=None)
def _false_units_by_first_char() -> Mapping[str, tuple[str, ...]]:
    by_char: dict[str, list[str]] = {}
    for word in false_units():
        by_char.setdefault(word[0], []).append(word)
    return MappingProxyType({ch: tuple(words) for ch, words in by_char.items()})


def is_false_unit(text: str, position: int, unit: str) -> bool:
    """True if the ``unit`` read at ``text[position:]`` is the start of a longer non-unit word."""
    words = _false_units_by_first_char().get(text[position:position + 1], ())
    return any(len(w) > len(unit) and text.startswith(w, position) for w in words)


@lru_cache(maxsize=None)
def count_units() -> Mapping[str, str]:
    return _table("units", "count")


@lru_cache(maxsize=None)
def count_qualifiers() -> Mapping[str, str]:
    return _table("units", "count_qualifiers")


@lru_cache(maxsize=None)
def count_infixes() -> Mapping[str, str]:
    return _table("units", "count_infixes")


@lru_cache(maxsize=None)
def deontic_markers() -> Mapping[str, str]:
    """Surface form → modality (obligation, prohibition, permission, exemption)."""
    return _table("deontic", "markers")


@lru_cache(maxsize=None)
def deontic_non_markers() -> frozenset[str]:
    return frozenset(load("deontic")["non_markers"]["words"])


@lru_cache(maxsize=None)
def roles() -> Mapping[str, str]:
    """Surface form → role id slug (商業負責人 → business-responsible-person)."""
    return _table("roles", "roles")


@lru_cache(maxsize=None)
def variant_folds() -> Mapping[str, str]:
    return _table("variants", "fold")
