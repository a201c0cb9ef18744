"""RDF mapping for this document kind (document and blocks are mapped by mapping.document)."""

from __future__ import annotations

from ...extract.parsers.base import ParsedDocument
from .writer import GraphWriter


def map_document(parsed: ParsedDocument, out: GraphWriter) -> None:
    return None
