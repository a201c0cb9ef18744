"""What every document's graph holds whatever its kind: the document, its blocks, its notes.

Every non-blank block becomes a ``tl:TextBlock`` with its span, so nothing a
parser did not understand is lost: such blocks are also typed
``tl:UnclassifiedBlock`` and can be queried as such.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import PurePath

from ...extract.attribution import Attribution
from ...extract.parsers.base import ParsedDocument
from ..namespaces import dcterms, prov, rdfs, tl
from . import pipeline_version
from .writer import GraphWriter, date_literal, literal


def map_source_document(parsed: ParsedDocument, attribution: Attribution, out: GraphWriter) -> None:
    source = parsed.source
    meta = source.meta
    doc = out.document
    out.typed(doc, tl.SourceDocument, prov.Entity)
    out.add_text(doc, dcterms.title, meta.title)
    out.add_value(doc, tl.documentKind, parsed.kind)
    out.add_value(doc, dcterms.language, meta.language)
    out.add_text(doc, dcterms.publisher, meta.issuer)
    if meta.date:
        out.add(doc, dcterms.issued, date_literal(meta.date))
    out.add_value(doc, tl.sourceFile, PurePath(source.path).name)
    out.add_value(doc, dcterms["format"], source.media_type)
    out.add_value(doc, tl.encoding, source.encoding)
    out.add_value(doc, tl.contentHash, source.content_hash)
    out.add_value(doc, tl.parserVersion, pipeline_version(parsed.kind, parsed.parser_version))
    out.add_value(doc, tl.attributedShare, Decimal(str(round(attribution.share, 4))))
    # Counted here, not in SPARQL: counting a whole-law store's blocks per document takes
    # the embedded store half a second, reading two numbers per document a millisecond.
    out.add_value(doc, tl.blockCount, len(source.blocks))
    out.add_value(doc, tl.unclassifiedBlockCount, sum(1 for b in source.blocks if b.index not in attribution.classified_blocks))
    for block in source.blocks:
        node = out.node("block", block.index)
        classes = [tl.TextBlock] if block.index in attribution.classified_blocks else [tl.TextBlock, tl.UnclassifiedBlock]
        out.typed(node, *classes)
        out.add(node, tl.inDocument, doc)
        out.add_value(node, tl.blockIndex, block.index)
        out.add_value(node, tl.blockKind, block.kind.value)
        out.derived_from(node, block.span)
    for number, removed in enumerate(source.removed):
        node = out.node("removed", number)
        out.typed(node, tl.RemovedText)
        out.add(node, tl.inDocument, doc)
        out.add_value(node, tl.removedRole, removed.role)
        out.add_value(node, tl.page, removed.page)
        out.add(node, rdfs.label, literal(removed.text))
    for note in parsed.notes:
        node = out.node("note", f"{note.span.start}-{note.span.end}", note.kind)
        out.fact(node, tl.DataQualityNote, note.span)
        out.add(doc, tl.hasDataQualityNote, node)
        out.add_value(node, tl.noteKind, note.kind)
        out.add(node, rdfs.comment, literal(note.description, lang="en"))
