"""Loaders turn a file into :class:`~tiaoli.extract.model.SourceDocument` objects.

Each loader registers itself with :func:`register_loader`; :func:`load_path`
asks them in priority order whether they recognise a file (by its first
bytes and its name) and hands the file to the first that does.  A loader may
yield several documents from one file (a JSONL law dump holds hundreds).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..errors import InputError
from ..model import SourceDocument

Sniffer = Callable[[Path, bytes], bool]
Reader = Callable[[Path, bytes], Iterable[SourceDocument]]


@dataclass(frozen=True)
class Loader:
    name: str
    sniff: Sniffer
    read: Reader
    priority: int


_LOADERS: list[Loader] = []


def register_loader(name: str, sniff: Sniffer, priority: int = 50) -> Callable[[Reader], Reader]:
    def decorate(read: Reader) -> Reader:
        _LOADERS.append(Loader(name, sniff, read, priority))
        _LOADERS.sort(key=lambda loader: loader.priority)
        return read

    return decorate


def content_hash(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


def document_id(path: Path) -> str:
    """A readable, IRI-safe identifier from a file name: NFC, no spaces or reserved characters."""
    stem = unicodedata.normalize("NFC", path.stem)
    slug = re.sub(r"[\s/\\?#\[\]@!$&'()*+,;=%<>\"{}|^`]+", "-", stem).strip("-.")
    return slug or "document"


def load_path(path: str | Path, *, doc_id: str | None = None) -> Iterator[SourceDocument]:
    """Yield the documents in ``path``; raise :class:`InputError` naming the file if it cannot be read."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except IsADirectoryError as exc:
        raise InputError(str(path), "is a folder, not a document") from exc
    except OSError as exc:
        raise InputError(str(path), f"cannot be read: {exc.strerror or exc}") from exc
    if not data.strip():
        raise InputError(str(path), "the file is empty")
    _import_builtin_loaders()
    for loader in _LOADERS:
        if loader.sniff(path, data):
            for document in loader.read(path, data):
                if doc_id and document.id == document_id(path):
                    document.id = doc_id
                yield document
            return
    raise InputError(str(path), "is not a format tiaoli reads (text, markdown, PDF or JSONL law dump)")


def load_document(path: str | Path, *, doc_id: str | None = None) -> SourceDocument:
    """The single document in ``path``."""
    documents = list(load_path(path, doc_id=doc_id))
    if len(documents) != 1:
        raise InputError(str(path), f"holds {len(documents)} documents; use load_path to read them all")
    return documents[0]


def _import_builtin_loaders() -> None:
    from . import pdf, plain  # noqa: F401  (registration happens on import)

    try:
        from . import jsonl  # noqa: F401
    except ImportError:
        pass
