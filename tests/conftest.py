"""Shared fixtures: where the corpus and the shared evaluation data live."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def repo_dir() -> Path:
    return REPO


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.fail(f"../shared is missing beside the repository ({SHARED}); CI provides it")
    return SHARED


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory):
    """The seed corpus built once into a store, shared by read-only tests."""
    from tiaoli.graph.build import build
    from tiaoli.graph.store import GraphStore

    store = GraphStore.create(tmp_path_factory.mktemp("seed-store") / "store")
    report = build([CORPUS], store)
    assert report.ok, [f.message for f in report.failures]
    return GraphStore(store.path)


# The PDF fixtures (seed_pdfs, seed_pdfs_two_up, evaldata_pdf_docs) live in their own module.
from conftest_pdf import evaldata_pdf_dir, evaldata_pdf_docs, seed_pdfs, seed_pdfs_two_up  # noqa: E402,F401
