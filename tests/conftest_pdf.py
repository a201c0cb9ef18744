"""Fixtures for the PDF path: the seeds printed to PDF, and the real PDFs of ../shared/evaldata.

Imported by tests/conftest.py so every test module (the parsers' too) can ask
for ``seed_pdfs``: {seed file name: PDF path}, rendered at test time into a
temporary folder, never committed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pdf_render import MissingFontError, render
from tiaoli.extract.loaders import load_document
from tiaoli.extract.model import SourceDocument

EVALDATA_PDFS = (
    "hk_basiclaw_full_text_tc.pdf",
    "hk_legco_hansard_cm1121-translate-c.pdf",
    "tw_coa_pesticide_rid-01.pdf",
    "tw_moex_sl1_111120_answerkey.pdf",
)


def _render_all(corpus_dir: Path, out_dir: Path, *, two_up: bool) -> dict[str, Path]:
    pdfs: dict[str, Path] = {}
    for seed in sorted(corpus_dir.glob("*.txt")):
        try:
            pdfs[seed.name] = render(load_document(seed), out_dir / f"{seed.stem}.pdf", two_up=two_up)
        except MissingFontError as exc:
            pytest.fail(str(exc))
    if not pdfs:
        pytest.fail(f"no seed documents (*.txt) in {corpus_dir}")
    return pdfs


@pytest.fixture(scope="session")
def seed_pdfs(corpus_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each seed printed to PDF (A4, running header, page numbers, ruled tables)."""
    return _render_all(corpus_dir, tmp_path_factory.mktemp("seed-pdfs"), two_up=False)


@pytest.fixture(scope="session")
def seed_pdfs_two_up(corpus_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each seed printed two-up: two pages side by side on each landscape sheet."""
    return _render_all(corpus_dir, tmp_path_factory.mktemp("seed-pdfs-two-up"), two_up=True)


@pytest.fixture(scope="session")
def evaldata_pdf_dir(shared_dir: Path) -> Path:
    folder = shared_dir / "evaldata" / "pdfs"
    missing = [name for name in EVALDATA_PDFS if not (folder / name).is_file()]
    if missing:
        pytest.fail(f"evaluation PDFs missing from {folder}: {', '.join(missing)}")
    return folder


@pytest.fixture(scope="session")
def evaldata_pdf_docs(evaldata_pdf_dir: Path) -> dict[str, SourceDocument]:
    """The four real PDFs, each loaded once per session (the hansard has 250 pages)."""
    return {name: load_document(evaldata_pdf_dir / name) for name in EVALDATA_PDFS}
