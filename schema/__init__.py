"""The ontology, SHACL shapes and JSON-LD context, shipped as package data."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files
from typing import Any

from ..graph.namespaces import PREFIXES, TL


def _read(folder: str) -> list[tuple[str, str]]:
    root = files(__package__).joinpath(folder)
    return sorted((entry.name, entry.read_text(encoding="utf-8")) for entry in root.iterdir() if entry.name.endswith(".ttl"))


def ontology_sources() -> list[tuple[str, str]]:
    """(file name, Turtle text) of every ontology module."""
    return _read("ontology")


def shape_sources() -> list[tuple[str, str]]:
    return _read("shapes")


def ontology_graph():
    from rdflib import Graph

    graph = Graph()
    for _, text in ontology_sources():
        graph.parse(data=text, format="turtle")
    return graph


def shapes_graph():
    from rdflib import Graph

    graph = Graph()
    for _, text in shape_sources():
        graph.parse(data=text, format="turtle")
    return graph


@lru_cache(maxsize=1)
def jsonld_context() -> dict[str, Any]:
    resource = files(__package__).joinpath("context.jsonld")
    if resource.is_file():
        return json.loads(resource.read_text(encoding="utf-8"))["@context"]
    return {"@vocab": TL, **PREFIXES}
