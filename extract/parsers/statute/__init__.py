"""Statutes (Taiwan laws and statutes laid out the same way): detection only, until the parser lands."""

from __future__ import annotations

import re

from ...model import SourceDocument
from ..base import ParsedDocument

_ARTICLE = re.compile(r"^\s*(?:[-*]\s*)?第\s*[0-9０-９一二三四五六七八九十百零〇]+\s*條", re.MULTILINE)


class StatuteParser:
    kind = "statute"
    version = "0.1"

    def detect(self, doc: SourceDocument) -> float:
        articles = len(_ARTICLE.findall(doc.text))
        return min(1.0, articles / 5)

    def parse(self, doc: SourceDocument) -> ParsedDocument:
        return ParsedDocument(doc, self.kind, self.version, root=None)


PARSER = StatuteParser()
