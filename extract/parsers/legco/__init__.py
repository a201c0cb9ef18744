"""Hong Kong Legislative Council papers: detection only, until the parser lands."""

from __future__ import annotations

from ...model import SourceDocument
from ..base import ParsedDocument

_SIGNS = ("立法會", "事務委員會", "資料文件", "CB(", "財務委員會", "局")


class LegcoParser:
    kind = "legco-paper"
    version = "0.1"

    def detect(self, doc: SourceDocument) -> float:
        hits = sum(1 for sign in _SIGNS if sign in doc.text[:4000])
        return hits / len(_SIGNS)

    def parse(self, doc: SourceDocument) -> ParsedDocument:
        return ParsedDocument(doc, self.kind, self.version, root=None)


PARSER = LegcoParser()
