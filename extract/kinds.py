"""The registry of document kinds.

Kinds are registered as entry points (group ``tiaoli.parsers``) in
pyproject.toml, the one place a kind is declared; the matching RDF mapping is
registered under the same name in ``tiaoli.mappings``.  This is how rdflib's
plugins and spaCy's factories are found, and it lets another package add a
kind without editing tiaoli.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.metadata import entry_points

from .errors import InputError, UnknownKindError
from .model import SourceDocument
from .parsers.base import Parser

PARSER_GROUP = "tiaoli.parsers"
DETECTION_THRESHOLD = 0.5


@lru_cache(maxsize=1)
def parsers() -> dict[str, Parser]:
    found: dict[str, Parser] = {}
    for entry in sorted(entry_points(group=PARSER_GROUP), key=lambda e: e.name):
        found[entry.name] = entry.load()
    return found


def kind_names() -> list[str]:
    """Registered kinds, read from the entry points without importing any parser."""
    return sorted({entry.name for entry in entry_points(group=PARSER_GROUP)})


def parser_for(kind: str, path: str = "") -> Parser:
    try:
        return parsers()[kind]
    except KeyError:
        raise InputError(path or kind, f"unknown document kind {kind!r}", hint="known kinds: " + ", ".join(kind_names())) from None


def detect_kind(doc: SourceDocument) -> str:
    """The kind whose parser is most confident, or UnknownKindError."""
    scores = sorted(((p.detect(doc), name) for name, p in parsers().items()), reverse=True)
    if not scores or scores[0][0] < DETECTION_THRESHOLD:
        raise UnknownKindError(doc.path)
    return scores[0][1]
