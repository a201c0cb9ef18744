"""Fuzzing every input path: mutated seed texts and PDFs either load and parse, or fail with InputError.

The contract under test: whatever bytes a user hands tiaoli, loading a file
and running each kind's parser (and the RDF mapping) on what loaded either
succeeds — with every block's span quoting the text exactly — or raises
:class:`InputError` naming the file.  Any other exception is a crash; each
crash found gets a test with its minimal input in test_regressions.py.

Bounded for CI by ``TIAOLI_FUZZ_EXAMPLES`` (examples per test, default 100: about a minute).
The long run of 10,000 cases recorded in benchmarks/README.md is one command::

    python benchmarks/fuzz.py
"""

from __future__ import annotations

import os
import random
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tiaoli.extract import kinds
from tiaoli.extract.errors import InputError
from tiaoli.extract.loaders import load_path
from tiaoli.graph.build import document_quads

EXAMPLES = int(os.environ.get("TIAOLI_FUZZ_EXAMPLES", "100"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
    derandomize="TIAOLI_FUZZ_EXAMPLES" not in os.environ,  # CI runs are reproducible; runs asked for explore
    database=None,
)
SEEDS = ("000_6452d29547480776.txt", "003_c9028c36c3eddfe8.txt", "004_678adf5cfdf36133.txt")
SMALL_PDFS = ("tw_coa_pesticide_rid-01.pdf", "tw_moex_sl1_111120_answerkey.pdf")
WINDOW_LINES = 80  # a stretch of a seed, so each example stays fast; truncation is a mutation anyway
REPO = Path(__file__).resolve().parent.parent


@lru_cache(maxsize=None)
def seed_lines(name: str) -> tuple[bytes, ...]:
    return tuple((REPO / "corpus" / name).read_bytes().splitlines(keepends=True))


# -- mutations ------------------------------------------------------------------

def _flip_bytes(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        if out:
            out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def _truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randint(0, len(data))]


def _insert_lines(data: bytes, rng: random.Random) -> bytes:
    lines = data.splitlines(keepends=True)
    junk = [b"\n", b"\t\t\n", "第 1 條\n".encode(), "<table><tr><td rowspan=9>".encode(), "第一章\n".encode(), "| a | b |\n".encode(), b"\r", "　\n".encode(), "﻿".encode()]
    for _ in range(rng.randint(1, 5)):
        lines.insert(rng.randint(0, len(lines)), rng.choice(junk))
    return b"".join(lines)


def _delete_lines(data: bytes, rng: random.Random) -> bytes:
    lines = data.splitlines(keepends=True)
    for _ in range(rng.randint(1, max(1, len(lines) // 4))):
        if lines:
            del lines[rng.randrange(len(lines))]
    return b"".join(lines)


def _random_unicode(data: bytes, rng: random.Random) -> bytes:
    text = data.decode("utf-8", errors="replace")
    pool = [chr(rng.choice([rng.randint(0x20, 0x7E), rng.randint(0x3000, 0x303F), rng.randint(0x4E00, 0x9FFF), rng.randint(0xFF00, 0xFFEF), rng.randint(0x80, 0x10FFFF)])) for _ in range(12)]
    pool = [c for c in pool if not 0xD800 <= ord(c) <= 0xDFFF] or ["中"]
    chars = list(text)
    for _ in range(rng.randint(1, 20)):
        chars.insert(rng.randint(0, len(chars)), rng.choice(pool))
    return "".join(chars).encode("utf-8")


def _shuffle_blocks(data: bytes, rng: random.Random) -> bytes:
    lines = data.splitlines(keepends=True)
    size = max(1, len(lines) // rng.randint(2, 6))
    blocks = [lines[i : i + size] for i in range(0, len(lines), size)]
    rng.shuffle(blocks)
    return b"".join(line for block in blocks for line in block)


TEXT_MUTATIONS = (_flip_bytes, _truncate, _insert_lines, _delete_lines, _random_unicode, _shuffle_blocks)
PDF_MUTATIONS = (_flip_bytes, _truncate, _flip_bytes)


@st.composite
def mutated_seed_text(draw) -> bytes:
    lines = seed_lines(draw(st.sampled_from(SEEDS)))
    start = draw(st.integers(0, max(0, len(lines) - 1)))
    data = b"".join(lines[start : start + WINDOW_LINES])
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    for mutation in draw(st.lists(st.sampled_from(TEXT_MUTATIONS), min_size=1, max_size=3)):
        data = mutation(data, rng)
    return data


# -- the contract -----------------------------------------------------------------

def _check_spans(doc) -> None:
    for block in doc.blocks:
        assert doc.text[block.span.start : block.span.end] == block.span.text
        for cell in block.cells:
            assert doc.text[cell.span.start : cell.span.end] == cell.span.text


def load_parse_and_map(path: Path) -> None:
    """Load ``path`` and run every kind's parser and mapping; only InputError naming the file may escape."""
    try:
        documents = list(load_path(path))
    except InputError as exc:
        assert str(path) in str(exc), f"error does not name the file: {exc}"
        return
    for doc in documents:
        _check_spans(doc)
        for kind, parser in kinds.parsers().items():
            doc.meta.kind = kind
            try:
                parsed = parser.parse(doc)
                document_quads(parsed)
            except InputError as exc:
                assert doc.path in str(exc), f"{kind} error does not name the file: {exc}"


@FUZZ
@given(data=mutated_seed_text())
def test_mutated_seed_texts_load_and_parse_or_fail_cleanly(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("fuzz") / "mutated.txt"
    path.write_bytes(data)
    load_parse_and_map(path)


@FUZZ
@given(text=st.text(min_size=0, max_size=400))
def test_arbitrary_unicode_loads_and_parses_or_fails_cleanly(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("fuzz") / "random.md"
    path.write_bytes(text.encode("utf-8", errors="surrogatepass"))
    load_parse_and_map(path)


@pytest.fixture(scope="module")
def pdf_samples(tmp_path_factory, shared_dir, corpus_dir) -> list[bytes]:
    """Real evaluation PDFs and one seed rendered to PDF (needs the CJK font CI installs)."""
    from pdf_render import render

    from tiaoli.extract.loaders import load_document

    samples = [(shared_dir / "evaldata" / "pdfs" / name).read_bytes() for name in SMALL_PDFS]
    seed = load_document(corpus_dir / SEEDS[2])
    seed.blocks = seed.blocks[:40]  # two pages are enough to exercise every PDF structure
    samples.append(render(seed, tmp_path_factory.mktemp("pdf") / "seed.pdf").read_bytes())
    return samples


@FUZZ
@given(choice=st.integers(0, 2), seed=st.integers(0, 2**32 - 1), mutations=st.lists(st.sampled_from(PDF_MUTATIONS), min_size=1, max_size=2))
def test_mutated_pdfs_load_and_parse_or_fail_cleanly(tmp_path_factory, pdf_samples, choice, seed, mutations):
    rng = random.Random(seed)
    data = pdf_samples[choice]
    for mutation in mutations:
        data = mutation(data, rng)
    path = tmp_path_factory.mktemp("fuzz") / "mutated.pdf"
    path.write_bytes(data)
    load_parse_and_map(path)
