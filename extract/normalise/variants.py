"""Variant folding for MATCHING ONLY, with OpenCC.

:func:`search_key` folds Simplified/Traditional and Hong Kong/Taiwan variant
characters to one key, so `會計憑證`, `会计凭证` and `會計凭證` match.  The key is
never text: OpenCC's conversions rewrite correct Traditional characters (s2tw
turns 折合 into 摺合), so source text is always kept as published.

:func:`simplified_only_chars` finds characters that exist only in Simplified
Chinese, which in a Traditional document are source defects (`最先进入`).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import opencc

from .. import lexicon
from .text import fold_width


@lru_cache(maxsize=None)
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, str]:
    return {ord(k): v for k, v in lexicon.variant_folds().items()}


def search_key(text: str) -> str:
    """A key equal for variant spellings of one text (NFKC, t2s, reviewed folds, lowercase, no spaces)."""
    s = unicodedata.normalize("NFKC", fold_width(text))  # fold_width also replaces lone surrogates
    s = "".join(s.split())
    if not s:
        return ""
    s = _converter("t2s").convert(s)
    return s.translate(_fold_table()).lower()


def _is_cjk(ch: str) -> bool:
    cp = ord(ch)
    return 0x3400 <= cp <= 0x9FFF or 0x20000 <= cp <= 0x3134F or 0xF900 <= cp <= 0xFAFF


# Big5's frequently used characters (常用字) occupy A440..C67E.
_BIG5_COMMON = (0xA440, 0xC67E)


@lru_cache(maxsize=65536)
def is_simplified_only(ch: str) -> bool:
    """True if ``ch`` is a Simplified form with no standing in Traditional text.

    Such a character changes under OpenCC's s2t and is not one of Big5's
    frequently used characters (常用字), the set Taiwanese and Hong Kong texts
    are written in.  Characters shared by both scripts (台, 里, 面, 于, 干) are
    common Big5 characters and are not flagged; rare Big5 characters that
    double as Simplified forms (机, 种, 体, 万) are, because in a Traditional
    document they are almost always conversion slips.
    """
    if not _is_cjk(ch):
        return False
    if _converter("s2t").convert(ch) == ch:
        return False
    try:
        code = int.from_bytes(ch.encode("cp950"), "big")
    except UnicodeEncodeError:
        return True
    return not _BIG5_COMMON[0] <= code <= _BIG5_COMMON[1]


def simplified_only_chars(text: str) -> list[tuple[int, str]]:
    """(offset, character) of each Simplified-only character in ``text``."""
    return [(i, ch) for i, ch in enumerate(text) if is_simplified_only(ch)]
