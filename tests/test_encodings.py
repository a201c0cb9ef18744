"""Text files in the encodings Chinese legal documents come in all load to the same text.

charset-normalizer tells Big5/CP950 from GB18030 and friends; UTF-8 and UTF-16
are recognised by their byte-order marks or, without one, by their shape.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from tiaoli.extract.loaders import load_document

ENCODINGS = {
    "utf-8": lambda text: text.encode("utf-8"),
    "utf-8 with BOM": lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
    "utf-16 with BOM": lambda text: text.encode("utf-16"),
    "utf-16-be with BOM": lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
    "utf-16-le without BOM": lambda text: text.encode("utf-16-le"),
    "utf-16-be without BOM": lambda text: text.encode("utf-16-be"),
}


def encodable_part(text: str, codec: str) -> str:
    """The seed without the few characters a legacy codec cannot encode (啓, ➤, ©); test fixture only."""
    return "".join(ch for ch in text if ch.encode(codec, errors="ignore") or ch in "\r\n")


@pytest.fixture(scope="module")
def seeds(corpus_dir: Path) -> dict[str, str]:
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(corpus_dir.glob("*.txt"))}
    assert texts
    return texts


@pytest.mark.parametrize("encoding", sorted(ENCODINGS))
def test_unicode_encodings_load_to_the_same_text_and_blocks(encoding, seeds, corpus_dir, tmp_path):
    for name, text in seeds.items():
        path = tmp_path / name
        path.write_bytes(ENCODINGS[encoding](text))
        doc = load_document(path)
        reference = load_document(corpus_dir / name)
        assert doc.text == text
        assert [(b.kind, b.span.text) for b in doc.blocks] == [(b.kind, b.span.text) for b in reference.blocks]


@pytest.mark.parametrize("codec", ["cp950", "big5"])
def test_big5_files_load_to_the_same_text(codec, seeds, tmp_path):
    for name, text in seeds.items():
        expected = encodable_part(text, codec)
        assert len(expected) > 0.99 * len(text)
        path = tmp_path / name
        path.write_bytes(expected.encode(codec))
        doc = load_document(path)
        assert doc.text == expected
        assert doc.encoding in {"big5", "cp950", "big5hkscs"}


def test_a_short_big5_paragraph_is_detected(tmp_path):
    text = "第 1 條 商業會計事務之處理，依本法之規定。\n公營事業會計事務之處理，除其他法律另有規定者外，適用本法之規定。\n"
    path = tmp_path / "short.txt"
    path.write_bytes(text.encode("cp950"))
    assert load_document(path).text == text
