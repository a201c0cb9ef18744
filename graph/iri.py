"""Minting IRIs: deterministic, readable, documented in docs/iri-policy.md.

Every IRI is built from stable facts of the source (a document id, an
article number, a table row's label) and never from counters that depend on
processing order, so the same input always yields the same IRIs.
"""

from __future__ import annotations

import re
import unicodedata
from .namespaces import GRAPH, ID

# Characters that may not appear raw in an IRI path segment (RFC 3987 ipchar
# excludes these); everything else, CJK included, stays readable.
_UNSAFE = re.compile(r"[\s/\\?#\[\]@!$&'()*+,;=%<>\"{}|^`]")
# Code points RFC 3987 allows nowhere in a path: controls, private use, noncharacters.
# They do occur in real input (a stray ESC in a law's title) and must not crash IRI minting.
_NOT_IRI = re.compile(
    r"[^\x21-\x7e\xa0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef"
    + "".join(rf"\U{plane << 16:08x}-\U{plane << 16 | 0xFFFD:08x}" for plane in range(1, 14))
    + r"\U000e1000-\U000efffd]"
)


_PLAIN = re.compile(r"[A-Za-z0-9_.~]+(?:-[A-Za-z0-9_.~]+)*")


def segment(value: object) -> str:
    """One readable IRI path segment: NFC text with reserved characters replaced by '-'."""
    if (isinstance(value, int) and value >= 0) or _PLAIN.fullmatch(str(value)):
        return str(value)  # already a segment (offsets, indexes): the common case, kept cheap
    text = unicodedata.normalize("NFC", str(value)).strip()
    text = _NOT_IRI.sub("-", _UNSAFE.sub("-", text))
    text = re.sub(r"-{2,}", "-", text).strip("-")
    return text or "_"


def mint(*parts: object) -> str:
    """``https://w3id.org/tiaoli/id/<part>/<part>…``"""
    return ID + "/".join(segment(p) for p in parts)


def document_iri(doc_id: str) -> str:
    return mint("doc", doc_id)


def graph_iri(doc_id: str) -> str:
    return GRAPH + segment(doc_id)


def span_iri(doc_id: str, start: int, end: int) -> str:
    return mint("doc", doc_id, "span", f"{start}-{end}")


def block_iri(doc_id: str, index: int) -> str:
    return mint("doc", doc_id, "block", index)
