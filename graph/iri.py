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


_PLAIN = re.compile(r"[A-Za-z0-9_.~]+(?:-[A-Za-z0-9_.~]+)*")


def segment(value: object) -> str:
    """One readable IRI path segment: NFC text with reserved characters replaced by '-'."""
    if (isinstance(value, int) and value >= 0) or _PLAIN.fullmatch(str(value)):
        return str(value)  # already a segment (offsets, indexes): the common case, kept cheap
    text = unicodedata.normalize("NFC", str(value)).strip()
    text = _UNSAFE.sub("-", text)
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
