"""Amounts of money with their currency: `新臺幣六十萬元` → 600000 TWD.

Currency names come from the lexicon (currencies.toml).  An amount printed
without a currency (`5.5 億元` in a Hong Kong paper) takes ``default_currency``;
with no default its currency is ``None`` (not stated).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from .. import lexicon
from .numerals import parse_number
from .text import fold_width


@dataclass(frozen=True, slots=True)
class Money:
    amount: Decimal
    currency: str | None  # ISO 4217; None when neither printed nor defaulted

    def __str__(self) -> str:
        return f"{self.amount} {self.currency or '?'}"


@lru_cache(maxsize=1)
def _names_longest_first() -> tuple[tuple[str, str], ...]:
    names = lexicon.currency_names()
    return tuple(sorted(((fold_width(k), v) for k, v in names.items()), key=lambda kv: (-len(kv[0]), kv[0])))


def split_currency(text: str) -> tuple[str | None, str]:
    """(currency code, the rest) for a currency name at either end of ``text``."""
    for name, code in _names_longest_first():
        if text.startswith(name):
            return code, text[len(name):]
        if text.endswith(name):
            return code, text[: -len(name)]
    return None, text


def parse_money(text: str, default_currency: str | None = None) -> Money | None:
    """An amount of money, or None if ``text`` is not one.

    Accepted: a currency name before or after the number (`新臺幣三萬元`, `500萬港元`,
    `HK$550,000,000`, `5000 HKD`), a closing 元/圓, English scale words after an
    Arabic amount (`HK$176.4M`), and a closing 整.  A bare number counts as money
    only when ``default_currency`` is given.
    """
    if not isinstance(text, str):
        return None
    s = "".join(fold_width(text).split())
    if s.endswith("整"):
        s = s[:-1]
    currency, s = split_currency(s)
    marked = currency is not None
    for sign in lexicon.dollar_signs():
        if s.startswith(sign):
            s, marked = s[len(sign):], True
            break
    for suffix in lexicon.amount_suffixes():
        if s.endswith(suffix):
            s, marked = s[: -len(suffix)], True
            break
    if currency is None:
        currency, s = split_currency(s)  # 三萬元港幣 is rare but printed
        marked = marked or currency is not None
    scale = 1
    for word, multiplier in sorted(lexicon.amount_scales().items(), key=lambda kv: -len(kv[0])):
        if s.endswith(word) and s[: -len(word)][-1:].isdigit():
            s, scale = s[: -len(word)], multiplier
            break
    if not marked and default_currency is None:
        return None
    amount = parse_number(s)
    if amount is None or amount < 0:
        return None
    amount *= scale
    if amount == amount.to_integral_value():
        amount = Decimal(int(amount))
    return Money(amount, currency or default_currency)
