"""docs/schema.md, docs/queries.md and schema/context.jsonld are generated, never edited by hand.

When this fails, regenerate them: tiaoli build corpus --store S && python -m tiaoli.schema.docgen --store S
"""

from __future__ import annotations

import pytest

from tiaoli.schema import ontology_graph
from tiaoli.schema.docgen import render_context, render_cookbook, render_schema

HINT = "stale: run `tiaoli build corpus --store S && python -m tiaoli.schema.docgen --store S`"


@pytest.mark.parametrize(
    "path, render",
    [
        ("docs/schema.md", lambda store: render_schema(ontology_graph(), store)),
        ("docs/queries.md", render_cookbook),
        ("schema/context.jsonld", lambda store: render_context(ontology_graph())),
    ],
)
def test_generated_file_is_fresh(repo_dir, seed_store, path, render):
    committed = (repo_dir / path).read_text(encoding="utf-8")
    assert committed == render(seed_store), f"{path} is {HINT}"


def test_schema_doc_has_a_table_an_example_per_class_and_a_diagram(repo_dir):
    text = (repo_dir / "docs" / "schema.md").read_text(encoding="utf-8")
    assert "```mermaid" in text and "classDiagram" in text
    assert "| class | English | 中文 |" in text
    assert "### `tl:Article`" in text and "### `tl:Metric`" in text and "### `tl:Programme`" in text


def test_cookbook_covers_every_query(repo_dir):
    from tiaoli.schema.docgen import query_files

    text = (repo_dir / "docs" / "queries.md").read_text(encoding="utf-8")
    for name, _ in query_files():
        assert f"## {name}" in text
