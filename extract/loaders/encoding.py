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
    sample = data[:4096]
    if b"\x00" in sample:
        # NULs are valid UTF-8, so UTF-16 without a BOM must be recognised before UTF-8 is tried.
        name = _utf16_without_bom(data)
        if name is None:
            raise InputError(path, "is a binary file, not text or PDF")
        try:
            return data.decode(name), name
        except UnicodeDecodeError as exc:
            raise InputError(path, f"looks like {name} text but is not valid {name}", position=f"byte {exc.start}") from exc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _control_share(sample) > 0.01:
        # No legacy CJK encoding (Big5, GBK, GB18030) uses bytes below 0x20 inside a character.
        raise InputError(path, "is a binary file, not text or PDF")
    best = from_bytes(data, cp_isolation=list(_CJK_ENCODINGS)).best()
    if best is None or best.chaos > 0.3:
        raise InputError(path, "text is in an encoding that cannot be detected", hint="convert it to UTF-8")
    text = str(best)
    if not _looks_like_text(text):
        raise InputError(path, "is a binary file, not text or PDF")
    return text, best.encoding


def _control_share(sample: bytes) -> float:
    if not sample:
        return 0.0
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls / len(sample)


def _plausible_char(ch: str) -> bool:
    code = ord(ch)
    return (
        0x20 <= code < 0x7F
        or ch in "\n\r\t\f"
        or 0xA0 <= code <= 0x024F  # Latin-1 and Latin Extended
        or 0x2000 <= code <= 0x2BFF  # punctuation, symbols, arrows, box drawing
        or 0x2E80 <= code <= 0x9FFF  # CJK radicals, punctuation, kana, ideographs
        or 0xF900 <= code <= 0xFAFF
        or 0xFE30 <= code <= 0xFE4F
        or 0xFF00 <= code <= 0xFFEF
    )


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` if ``data`` reads as UTF-16 text with no BOM, else ``None``.

    Counting NULs in odd or even bytes is not enough: CJK characters such as U+4E00
    put a NUL in the other half too.  Decoded text is judged instead: almost every
    character in a script a document is written in, and some ASCII (line breaks,
    spaces, digits), which random binary data, read as UTF-16, does not give.
    """
    sample = data[:4096]
    sample = sample[: len(sample) - len(sample) % 2]
    if len(sample) < 4:
        return None
    for name in ("utf-16-le", "utf-16-be"):
        text = sample.decode(name, errors="replace")
        if not text:
            continue
        plausible = sum(1 for ch in text if _plausible_char(ch)) / len(text)
        ascii_share = sum(1 for ch in text if ord(ch) < 0x80) / len(text)
        if plausible >= 0.95 and ascii_share >= 0.02 and _looks_like_text(text):
            return name
    return None
