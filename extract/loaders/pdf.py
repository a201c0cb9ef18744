"""PDF loader (pdfplumber).  Placeholder registration until the PDF loader lands."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..errors import InputError
from ..model import SourceDocument
from . import register_loader


def _is_pdf(path: Path, data: bytes) -> bool:
    return data[:1024].lstrip().startswith(b"%PDF")


@register_loader("pdf", _is_pdf, priority=10)
def read_pdf(path: Path, data: bytes) -> Iterator[SourceDocument]:
    raise InputError(str(path), "PDF loading is not available in this build")
    yield  # pragma: no cover
