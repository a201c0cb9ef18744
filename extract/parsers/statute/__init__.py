"""Statutes: Taiwan laws and regulations, and statutes laid out the same way (a compilation holding several acts)."""

from __future__ import annotations

import re

from ...errors import InputError
from ...model import SourceDocument
from ..base import ParsedDocument
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
        return ParsedDocument(doc, self.kind, self.version, root=collection)


PARSER = StatuteParser()
