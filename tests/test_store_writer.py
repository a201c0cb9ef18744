"""The store writer: spooled graphs loaded by a background thread, in order, atomically switched live."""

from __future__ import annotations

import pytest

from tiaoli.graph import store as store_module
from tiaoli.graph.store import GraphStore

EX = "https://example.org/"


def _graph(name: str, values: range) -> bytes:
    return "".join(f"<{EX}s> <{EX}p> \"{v}\" <{EX}{name}> .\n" for v in values).encode()


def _expected(graphs: dict[str, range]) -> bytes:
    lines = sorted(f"<{EX}s> <{EX}p> \"{v}\" <{EX}{name}> ." for name, values in graphs.items() for v in values)
    return ("\n".join(lines) + "\n").encode()


@pytest.fixture
def tiny_spools(monkeypatch):
    """Hand a spool to the loader after a few hundred bytes, so one build makes many spools."""
    monkeypatch.setattr(store_module, "SPOOL_BYTES", 300)
    monkeypatch.setattr(store_module, "BULK_LOAD_BYTES", 0)


def test_graphs_spooled_across_many_background_loads_all_arrive(tmp_path, tiny_spools):
    graphs = {f"g{n}": range(n * 10, n * 10 + 7) for n in range(30)}
    store = GraphStore.create(tmp_path / "store")
    with store.writer(fresh=True) as writer:
        for name, values in graphs.items():
            writer.replace_graph(EX + name, _graph(name, values))
    assert GraphStore(tmp_path / "store").dump_nquads() == _expected(graphs)
    assert not list((tmp_path / "store").glob("*.spool.nq")), "loaded spools are deleted"


def test_replacing_a_graph_whose_spool_is_loading_keeps_only_the_new_quads(tmp_path, tiny_spools):
    store = GraphStore.create(tmp_path / "store")
    with store.writer(fresh=True) as writer:
        for n in range(10):
            writer.replace_graph(f"{EX}g{n}", _graph(f"g{n}", range(8)))
        writer.replace_graph(f"{EX}g3", _graph("g3", range(100, 102)))
        writer.remove_graph(f"{EX}g5")
    graphs = {f"g{n}": range(8) for n in range(10) if n not in (3, 5)} | {"g3": range(100, 102)}
    assert GraphStore(tmp_path / "store").dump_nquads() == _expected(graphs)


def test_a_spool_that_fails_to_load_fails_the_build_and_leaves_the_previous_graph(tmp_path, tiny_spools):
    store = GraphStore.create(tmp_path / "store")
    with store.writer(fresh=True) as writer:
        writer.replace_graph(EX + "kept", _graph("kept", range(3)))
    before = GraphStore(tmp_path / "store").dump_nquads()
    with pytest.raises(SyntaxError):
        with store.writer() as writer:
            writer.replace_graph(EX + "kept", _graph("kept", range(50)))
            writer.replace_graph(EX + "broken", b"<not n-quads\n" * 40)
            for n in range(20):
                writer.replace_graph(f"{EX}g{n}", _graph(f"g{n}", range(8)))
    assert GraphStore(tmp_path / "store").dump_nquads() == before
    assert [p.name for p in (tmp_path / "store").iterdir() if p.name != "CURRENT"] == [GraphStore(tmp_path / "store").live_generation().name]
