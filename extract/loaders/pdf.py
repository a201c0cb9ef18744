"""PDF loader: pdfplumber's characters into the document model.

The document text is rebuilt from the PDF's characters (see
:mod:`.pdf_blocks` for how), so every block span indexes ``doc.text`` and
carries its page.  Page furniture (running headers, footers, page numbers,
watermarks) is taken out of the flow and recorded in ``doc.removed``.
Whatever goes wrong opening or reading the file becomes one
:class:`InputError` naming the file: a truncated, encrypted or corrupt PDF,
or one with no text layer (a scan, which needs OCR first).

pdfplumber is imported inside :func:`read_pdf`: it pulls in pdfminer and
Pillow, which a text-only run should not pay for.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Iterator

from ..errors import InputError
from ..model import SourceDocument
from . import content_hash, document_id, register_loader
from .pdf_blocks import assemble
from .pdf_furniture import remove_furniture, split_watermark
from .pdf_layout import Region, body_size, fold_is_clear, group_lines, two_up_split
from .pdf_tables import find_tables, find_unruled


def _is_pdf(path: Path, data: bytes) -> bool:
    return data[:1024].lstrip().startswith(b"%PDF")


def _problem(exc: BaseException) -> str:
    """What is wrong with the file, in words, from whatever pdfminer raised."""
    names = {type(e).__name__ for e in _chain(exc)}
    text = " ".join(str(e) for e in _chain(exc)).lower()
    if names & {"PDFPasswordIncorrect", "PDFEncryptionError", "PDFEncryptionWarning"} or "password" in text or "encrypt" in text:
        return "is an encrypted PDF that needs a password; save an unprotected copy"
    if "eof" in text or "truncat" in text or "startxref" in text or "unexpected end" in text:
        return "is a truncated PDF (the file ends early); download or copy it again"
    detail = " ".join(str(exc).split())[:120]
    return f"is a corrupt PDF that cannot be read ({type(exc).__name__}{': ' + detail if detail else ''})"


def _chain(exc: BaseException | None):
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        yield exc
        exc = exc.__cause__ or exc.__context__


def _looks_truncated(data: bytes) -> bool:
    """Every complete PDF (incremental updates included) ends with an ``%%EOF`` marker."""
    return b"%%EOF" not in data[-4096:]


@register_loader("pdf", _is_pdf, priority=10)
def read_pdf(path: Path, data: bytes) -> Iterator[SourceDocument]:
    import pdfplumber

    if _looks_truncated(data):
        # pdfminer can often rebuild a cut-off file's cross-reference table and read what is
        # left; a document missing its end would then load with pages silently lost.
        raise InputError(str(path), "is a truncated PDF (the file ends early); download or copy it again")
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            doc = _read(pdf, path, data)
    except InputError:
        raise
    except Exception as exc:  # pdfminer raises many unrelated types for one bad file
        raise InputError(str(path), _problem(exc)) from exc
    yield doc


_CHAR_KEYS = ("text", "x0", "x1", "top", "bottom", "size", "fontname", "matrix", "upright")


def _gutters(pages, page_chars) -> list[float | None]:
    """Where each sheet is cut into two printed pages, if it is two-up.  A sheet too empty to tell
    by itself (the last one, a chapter end) follows the other sheets of its size."""
    gutters = [two_up_split(float(p.width), float(p.height), chars) for p, chars in zip(pages, page_chars)]
    by_size: dict[tuple[int, int], list[bool]] = {}
    for page, gutter in zip(pages, gutters):
        by_size.setdefault((round(page.width), round(page.height)), []).append(gutter is not None)
    for i, (page, chars) in enumerate(zip(pages, page_chars)):
        votes = by_size[(round(page.width), round(page.height))]
        if gutters[i] is None and sum(votes) > len(votes) / 2 and fold_is_clear(float(page.width), chars):
            gutters[i] = float(page.width) / 2
    return gutters


def _read(pdf, path: Path, data: bytes) -> SourceDocument:
    pages = pdf.pages
    if not pages:
        raise InputError(str(path), "is a PDF with no pages")
    # Keep only what layout needs of each character and let pdfplumber drop the page's parsed
    # objects: a long hansard holds hundreds of thousands of them.  The few pages with drawn
    # rules are parsed again for their tables.
    page_chars: list[list[dict]] = []
    drawn: list[bool] = []
    for page in pages:
        page_chars.append([{k: c[k] for k in _CHAR_KEYS if k in c} for c in page.chars if c.get("text")])
        drawn.append(bool(page.rects or page.lines or page.curves))
        page.flush_cache()
    all_chars = [c for chars in page_chars for c in chars if not c["text"].isspace()]
    if not all_chars:
        raise InputError(str(path), "is a PDF without a text layer (scanned images?); it needs OCR before tiaoli can read it")
    sizes = sorted(c["size"] for c in all_chars)
    typical = sizes[len(sizes) // 2]

    watermark: dict[int, list] = {}
    for number, chars in enumerate(page_chars, start=1):
        marks, page_chars[number - 1] = split_watermark(chars, typical)
        if marks:
            watermark[number] = marks
    gutters = _gutters(pages, page_chars)

    regions: list[Region] = []
    tables: dict[int, list] = {}
    for number, (page, chars) in enumerate(zip(pages, page_chars), start=1):
        width, height = float(page.width), float(page.height)
        x0, top = float(page.bbox[0]), float(page.bbox[1])
        gutter = gutters[number - 1]
        if gutter is None:
            boxes = [(x0, top, x0 + width, top + height)]
        else:
            boxes = [(x0, top, x0 + gutter, top + height), (x0 + gutter, top, x0 + width, top + height)]
        for bbox in boxes:
            own = [c for c in chars if bbox[0] <= (c["x0"] + c["x1"]) / 2 < bbox[2]] if len(boxes) > 1 else chars
            region = Region(page=number, index=len(regions), bbox=bbox)
            found, rest = find_tables(page, bbox, own, number, region.index) if drawn[number - 1] else ([], own)
            region.lines = group_lines(rest, number, region.index)
            more, rest = find_unruled(page, region.lines, rest, number, region.index)
            if more:
                found += more
                region.lines = group_lines(rest, number, region.index)
            tables[region.index] = found
            regions.append(region)
        page.flush_cache()

    doc = SourceDocument(
        id=document_id(path),
        path=str(path),
        text="",
        encoding="pdf",
        media_type="application/pdf",
        content_hash=content_hash(data),
    )
    doc.removed = remove_furniture(regions, watermark)
    body = body_size([l for r in regions for l in r.lines])
    assemble(regions, tables, body, doc, len(pages))
    if pdf.metadata.get("Title") and isinstance(pdf.metadata["Title"], str):
        doc.meta.extra["pdf-title"] = pdf.metadata["Title"]
    return doc
