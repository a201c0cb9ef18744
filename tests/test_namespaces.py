"""Prefixed names tiaoli prints can be pasted back into SPARQL."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from tiaoli.graph.namespaces import PREFIXES, TL, prefixed


@pytest.mark.parametrize("local", ["Article", "modality/obligation", "unit/person-time", "sanction/administrative-fine", "a.b"])
def test_a_printed_prefixed_name_names_the_same_iri_in_sparql(local):
    iri = TL + local
    name = prefixed(iri)
    assert name is not None and name.startswith("tl:")
    store = ox.Store()
    result = store.query(f"SELECT ?x WHERE {{ BIND({name} AS ?x) }}", prefixes=PREFIXES)
    assert next(iter(result))["x"] == ox.NamedNode(iri)


def test_an_iri_outside_the_known_namespaces_has_no_prefixed_name():
    assert prefixed("https://w3id.org/tiaoli/id/role/manager") is None
