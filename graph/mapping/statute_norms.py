"""RDF mapping of a statute's norms, definitions, references, time limits and penalties."""

from __future__ import annotations

from typing import Callable

from pyoxigraph import NamedNode

from ...extract.parsers.statute.model import Act, ProvisionPath
from .writer import GraphWriter


def map_act_semantics(act: Act, out: GraphWriter, provision_node: Callable[[ProvisionPath], NamedNode]) -> None:
    return None
