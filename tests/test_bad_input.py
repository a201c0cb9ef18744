"""Bad input: each problem is one line naming the file and what is wrong, never a traceback."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from fpdf import FPDF

from tiaoli.extract.errors import InputError
from tiaoli.extract.loaders import load_document


def _pdf(*, text: bool = True, user_password: str | None = None) -> bytes:
    pdf = FPDF()
    pdf.add_page()
    if text:
        pdf.set_font("helvetica", size=12)
        pdf.text(20, 20, "Article 1. This Act governs business accounting.")
    else:
        pdf.rect(20, 20, 120, 80, style="F")  # drawn shapes only, like a scan: no characters
    if user_password:
        pdf.set_encryption(owner_password="owner-secret", user_password=user_password)
    return bytes(pdf.output())


def _load_error(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        load_document(path)
    message = str(caught.value)
    assert "\n" not in message, "one line"
    assert str(path) in message, "names the file"
    assert "Traceback" not in message
    return message


def test_a_well_formed_pdf_loads(tmp_path):
    path = tmp_path / "good.pdf"
    path.write_bytes(_pdf())
    assert [b.text for b in load_document(path).blocks] == ["Article 1. This Act governs business accounting."]


def test_empty_file(tmp_path):
    assert "empty" in _load_error(tmp_path, "empty.txt", b"")
    assert "empty" in _load_error(tmp_path, "blank.txt", b" \n\t\n")


def test_binary_file(tmp_path):
    png = b"\x89PNG\r\n\x1a\n" + random.Random(1).randbytes(3000)
    assert "binary" in _load_error(tmp_path, "picture.txt", png)
    assert "binary" in _load_error(tmp_path, "bytes.dat", bytes(range(256)) * 16)


def test_truncated_pdf(tmp_path):
    whole = _pdf()
    assert "truncated" in _load_error(tmp_path, "cut-half.pdf", whole[: len(whole) // 2])
    assert "truncated" in _load_error(tmp_path, "cut-end.pdf", whole[:-40])


def test_encrypted_pdf(tmp_path):
    message = _load_error(tmp_path, "locked.pdf", _pdf(user_password="open-sesame"))
    assert "encrypted" in message and "password" in message


def test_pdf_without_a_text_layer(tmp_path):
    message = _load_error(tmp_path, "scan.pdf", _pdf(text=False))
    assert "text layer" in message and "OCR" in message


def test_corrupt_pdf(tmp_path):
    assert "corrupt" in _load_error(tmp_path, "corrupt.pdf", b"%PDF-1.7\n" + b"not a pdf body " * 50 + b"\n%%EOF\n")


def test_text_in_an_undetectable_encoding(tmp_path):
    # High bytes in no pattern any CJK legacy encoding or UTF-8 produces.
    message = _load_error(tmp_path, "mystery.txt", bytes(range(0x80, 0x100)) * 20)
    assert "encoding" in message and "UTF-8" in message
