"""Width folding for matching.

Every fold here maps one character to exactly one character, so an offset into
the folded text is the same offset into the source.  That lets the spaCy
pipeline and the normalisers match on ``fold_width(text)`` while spans still
quote the source text unchanged.
"""

from __future__ import annotations

# Full-width ASCII (U+FF01..U+FF5E) sits at a fixed distance from ASCII.
_FULLWIDTH_OFFSET = 0xFF01 - 0x21

_EXTRA = {
    "\u3000": " ",  # ideographic space
    "\u00a0": " ",  # no-break space
    "\u2002": " ",
    "\u2003": " ",
    "\u2009": " ",
    "\u202f": " ",
    "\u2010": "-",  # hyphen
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",  # en dash
    "\u2014": "-",  # em dash
    "\u2212": "-",  # minus sign
    "\u301c": "~",  # wave dash
}

# The ideographic comma ，is clause punctuation in Chinese text, never a
# thousands separator, so it is left alone: 550,000,000，用於 must not read on.
_KEEP = {0xFF0C}

_TABLE = {cp: chr(cp - _FULLWIDTH_OFFSET) for cp in range(0xFF01, 0xFF5F) if cp not in _KEEP}
_TABLE.update({ord(k): v for k, v in _EXTRA.items()})
# Lone surrogates (undecodable bytes kept by surrogateescape) cannot be encoded,
# so spaCy cannot hash them; U+FFFD stands in, one for one.
_TABLE.update({cp: "\ufffd" for cp in range(0xD800, 0xE000)})


def fold_width(text: str) -> str:
    """Fold full-width ASCII, odd spaces and dashes to plain ASCII, one char for one char."""
    return text.translate(_TABLE)


def squeeze_spaces(text: str) -> str:
    """Drop all whitespace: printed numbers and dates are often spaced (`民國 98 年`)."""
    return "".join(text.split())
