"""Decoding source bytes: BOMs first, then UTF-8, then charset-normalizer's guess.

Taiwanese government files are often Big5/CP950; charset-normalizer (a
maintained detector) tells those apart from GB18030 and friends, which we do
not want to guess by hand.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from ..errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Encodings a Chinese-language source is plausibly in.  A detector's guess
# outside this set on CJK-looking bytes is more likely noise than truth.
_CJK_ENCODINGS = ("big5", "cp950", "big5hkscs", "gb18030", "gbk", "gb2312", "utf_16_le", "utf_16_be")


def _looks_like_text(text: str) -> bool:
    if not text:
        return False
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls / len(text) < 0.01


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Return ``(text, encoding)`` or raise :class:`InputError` naming ``path``."""
    if not data.strip():
        raise InputError(path, "the file is empty")
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(name)
            except UnicodeDecodeError as exc:
                raise InputError(path, f"has a {name} byte-order mark but is not valid {name}", position=f"byte {exc.start}") from exc
            return text.lstrip("\ufeff"), name
    if b"\x00" in data[:4096] and not _utf16_without_bom(data):
        raise InputError(path, "is a binary file, not text or PDF")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _utf16_without_bom(data):
        for name in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(name)
            except UnicodeDecodeError:
                continue
            if _looks_like_text(text):
                return text, name
    best = from_bytes(data, cp_isolation=list(_CJK_ENCODINGS)).best()
    if best is None or best.chaos > 0.3:
        raise InputError(path, "text is in an encoding that cannot be detected", hint="convert it to UTF-8")
    text = str(best)
    if not _looks_like_text(text):
        raise InputError(path, "is a binary file, not text or PDF")
    return text, best.encoding


def _utf16_without_bom(data: bytes) -> bool:
    """UTF-16 text with no BOM has a NUL in every other byte for ASCII-range characters."""
    sample = data[:4096]
    if len(sample) < 4:
        return False
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    return (odd_nuls > half * 0.3 and even_nuls == 0) or (even_nuls > half * 0.3 and odd_nuls == 0)
