"""RDF mappings, one per document kind, found through the ``tiaoli.mappings`` entry points."""

from __future__ import annotations

from functools import lru_cache
from importlib.metadata import entry_points
from typing import Callable

from ...extract.parsers.base import ParsedDocument
from .writer import GraphWriter

MAPPING_GROUP = "tiaoli.mappings"
Mapping = Callable[[ParsedDocument, GraphWriter], None]
# The version of what the mappings emit.  A rebuild re-parses a document whose recorded
# version differs, so bump it whenever any mapping's output changes, as a parser bumps
# its own version when its domain model does.
GRAPH_VERSION = "3"


def pipeline_version(kind: str, parser_version: str) -> str:
    """What a document's graph records as tl:parserVersion: its parser's and the mappings' versions."""
    return f"{kind}/{parser_version} graph/{GRAPH_VERSION}"


@lru_cache(maxsize=1)
def mappings() -> dict[str, Mapping]:
    return {entry.name: entry.load() for entry in sorted(entry_points(group=MAPPING_GROUP), key=lambda e: e.name)}


def mapping_for(kind: str) -> Mapping:
    try:
        return mappings()[kind]
    except KeyError:
        raise LookupError(f"no RDF mapping is registered for document kind {kind!r}") from None
