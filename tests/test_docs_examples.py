"""The examples of docs/python-api.md run as written, on the seed corpus built where a new user builds it."""

from __future__ import annotations

import doctest
import shutil

import pytest


@pytest.fixture
def user_folder(tmp_path, corpus_dir, seed_store, monkeypatch):
    """A folder with corpus/ and the default store built from it, as `tiaoli build corpus` leaves it."""
    shutil.copytree(corpus_dir, tmp_path / "corpus", ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    shutil.copytree(seed_store.path, tmp_path / ".tiaoli" / "store", symlinks=True)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_python_api_examples_run_as_written(user_folder, repo_dir):
    result = doctest.testfile(
        str(repo_dir / "docs" / "python-api.md"),
        module_relative=False,
        optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS,
        verbose=False,
    )
    assert result.attempted >= 15
    assert result.failed == 0


def test_readme_python_examples_run_as_written(user_folder, repo_dir):
    result = doctest.testfile(
        str(repo_dir / "README.md"),
        module_relative=False,
        optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS,
        verbose=False,
    )
    assert result.attempted >= 5
    assert result.failed == 0
