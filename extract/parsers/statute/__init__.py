"""Statutes: Taiwan laws and regulations, and statutes laid out the same way (a compilation holding several acts)."""

from __future__ import annotations

import re

from ...errors import InputError
from ...model import SourceDocument
from ..base import ParsedDocument
from .model import StatuteCollection
from .patterns import language_of
from .semantics import analyse_act
from .structure import parse_statute

# Article labels at the start of a line, after any markdown bullet or indentation.
_ARTICLE = re.compile(r"^[ \t\u3000]*(?:[-*]\s*)?第\s*[0-9０-９一二三四五六七八九十百零〇]+\s*(?:-\s*[0-9０-９]+\s*)?條", re.MULTILINE)
_HEADER = re.compile(r"^[ \t]*(?:法規)?名稱[ \t]*[:：]?", re.MULTILINE)


class StatuteParser:
    kind = "statute"
    version = "1.0"

    def detect(self, doc: SourceDocument) -> float:
        articles = len(_ARTICLE.findall(doc.text))
        header = 0.3 if _HEADER.search(doc.text[:2000]) else 0.0
        return min(1.0, articles / 5 + header)

    def parse(self, doc: SourceDocument) -> ParsedDocument:
        collection = parse_statute(doc)
        if not collection.acts or not any(act.articles for act in collection.acts):
            raise InputError(doc.path, "no statute articles (第…條) found")
        for act in collection.acts:
            analyse_act(act)
        _fill_meta(doc, collection)
        return ParsedDocument(doc, self.kind, self.version, root=collection)


def _fill_meta(doc: SourceDocument, collection: StatuteCollection) -> None:
    """What a manifest would have said, read from the statute itself (a manifest still wins)."""
    first = next((act for act in collection.acts if act.articles), collection.acts[0])
    meta = doc.meta
    if meta.title is None and first.title:
        meta.title = first.title
    if meta.date is None and first.version_date:
        meta.date = first.version_date
    if meta.language is None:
        meta.language = language_of(first.jurisdiction)


PARSER = StatuteParser()
