"""tiaoli (條理): Chinese legal and policy documents as an RDF knowledge graph.

``tiaoli.open(store=…)`` gives a :class:`KnowledgeGraph`; docs/python-api.md
shows it in use.  The public names are loaded on first use, so the
command line starts without importing the query machinery.
"""

__version__ = "0.1.0"

_PUBLIC = {
    "open": "knowledge_graph",
    "KnowledgeGraph": "knowledge_graph",
    "LookupUnavailable": "knowledge_graph",
    "Triple": "knowledge_graph",
    "IRI": "values",
    "Rows": "values",
    "Citation": "records",
    "Act": "records",
    "Article": "records",
    "Norm": "records",
    "Penalty": "records",
    "Definition": "records",
    "Programme": "records",
    "Metric": "records",
    "SearchHit": "records",
}

__all__ = ["__version__", *_PUBLIC]


def __getattr__(name: str):
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'tiaoli' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
