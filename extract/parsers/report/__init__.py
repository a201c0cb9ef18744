"""Due-diligence and sustainability reports: detection only, until the parser lands."""

from __future__ import annotations

from ...model import SourceDocument
from ..base import ParsedDocument

_SIGNS = ("人權", "盡職調查", "永續", "RBA", "SA8000", "供應商", "風險")


class ReportParser:
    kind = "due-diligence-report"
    version = "0.1"

    def detect(self, doc: SourceDocument) -> float:
        hits = sum(1 for sign in _SIGNS if sign in doc.text)
        return hits / len(_SIGNS)

    def parse(self, doc: SourceDocument) -> ParsedDocument:
        return ParsedDocument(doc, self.kind, self.version, root=None)


PARSER = ReportParser()
