"""Registration of the text / markdown loader (the fallback for anything decodable)."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..model import SourceDocument
from . import content_hash, document_id, register_loader
from .encoding import decode
from .text import load_text

_MEDIA_TYPES = {".md": "text/markdown", ".markdown": "text/markdown", ".htm": "text/html", ".html": "text/html"}


def _is_text(path: Path, data: bytes) -> bool:
    return not data.startswith(b"%PDF")


@register_loader("text", _is_text, priority=90)
def read_text(path: Path, data: bytes) -> Iterator[SourceDocument]:
    text, encoding = decode(data, str(path))
    doc = SourceDocument(
        id=document_id(path),
        path=str(path),
        text=text,
        encoding=encoding,
        media_type=_MEDIA_TYPES.get(path.suffix.lower(), "text/plain"),
        content_hash=content_hash(data),
    )
    yield load_text(doc)
