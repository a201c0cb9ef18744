"""tiaoli (條理): Chinese legal and policy documents as an RDF knowledge graph."""

__version__ = "0.1.0"
