"""Loaders turn a file into :class:`~tiaoli.extract.model.SourceDocument` objects.

Each loader registers itself with :func:`register_loader`; :func:`load_path`
asks them in priority order whether they recognise a file (by its first
bytes and its name) and hands the file to the first that does.  A loader may
yield several documents from one file (a JSONL law dump holds hundreds).

A loader registered with ``streams=True`` is given only the file's first
``SNIFF_BYTES`` and reads the rest itself, a record at a time, so a dump of
any size is never all in memory.  A loader may also yield an
:class:`InputError` for one bad record and go on with the next;
:func:`load_path` raises it, or with ``errors="yield"`` passes it on.
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
Reader = Callable[[Path, bytes], Iterable["SourceDocument | InputError"]]
SNIFF_BYTES = 1_000_000


@dataclass(frozen=True)
class Loader:
    name: str
    sniff: Sniffer
    read: Reader
    priority: int
    streams: bool = False  # given only the first SNIFF_BYTES; reads the file itself


_LOADERS: list[Loader] = []


def register_loader(name: str, sniff: Sniffer, priority: int = 50, *, streams: bool = False) -> Callable[[Reader], Reader]:
    def decorate(read: Reader) -> Reader:
        _LOADERS.append(Loader(name, sniff, read, priority, streams))
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


def load_path(path: str | Path, *, doc_id: str | None = None, errors: str = "raise") -> Iterator[SourceDocument]:
    """Yield the documents in ``path``; raise :class:`InputError` naming the file if it cannot be read.

    A file of many records (a JSONL dump) goes on past a bad record: its
    error is raised when reached, or, with ``errors="yield"``, yielded in
    its place so the caller can report it and take the records after it.
    """
    path = Path(path)
    head = _read(path, SNIFF_BYTES)
    data: bytes | None = head if len(head) < SNIFF_BYTES else None
    if data is not None and not data.strip():
        raise InputError(str(path), "the file is empty")
    _import_builtin_loaders()
    for loader in _LOADERS:
        if loader.streams:
            if not loader.sniff(path, head):
                continue
            given = head
        else:
            if data is None:
                data = _read(path)
                if not data.strip():
                    raise InputError(str(path), "the file is empty")
            if not loader.sniff(path, data):
                continue
            given = data
        for document in loader.read(path, given):
            if isinstance(document, InputError):
                if errors == "yield":
                    yield document  # type: ignore[misc]
                    continue
                raise document
            if doc_id and document.id == document_id(path):
                document.id = doc_id
            yield document
        return
    raise InputError(str(path), "is not a format tiaoli reads (text, markdown, PDF or JSONL law dump)")


def _read(path: Path, limit: int = -1) -> bytes:
    try:
        with path.open("rb") as file:
            return file.read(limit)
    except IsADirectoryError as exc:
        raise InputError(str(path), "is a folder, not a document") from exc
    except OSError as exc:
        raise InputError(str(path), f"cannot be read: {exc.strerror or exc}") from exc


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
