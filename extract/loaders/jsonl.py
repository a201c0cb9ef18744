"""JSONL law dumps: one law a line, each rendered as the text of one statute document.

Three record shapes are read:

* the Ministry of Justice Open API (全國法規資料庫): ``LawName``,
  ``LawModifiedDate`` (yyyymmdd), ``LawArticles`` of ``{ArticleType: C|A,
  ArticleNo, ArticleContent}`` (C is a division heading, A an article);
* the normalised MOJ shape of ``moj-dev.jsonl``: ``name``, ``pcode``, ``date``
  (ISO), ``articles`` of ``{number, chapter, path?, text}``;
* the Legislative Yuan versions shape: ``name``, ``date``, ``date_raw``,
  ``articles`` as above.

Each law is rendered as the MOJ prints it (``法規名稱：…``, ``修正日期：民國 …``,
division headings, ``第 N 條`` on its own line, one paragraph a line), and
the statute parser reads that text like any other: spans point into the
rendering, which is the document's text.
"""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from ..errors import InputError
from ..model import DocumentMeta, SourceDocument
from . import content_hash, document_id, register_loader
from .text import load_text

_LAW_KEYS = ({"LawName", "LawArticles"}, {"name", "articles"})
# A file whose first lines are all bad is not a dump with a few broken records.
GIVE_UP_AFTER_BAD_LINES = 20
_PCODE = re.compile(r"pcode=([A-Za-z0-9]+)")


@dataclass
class LawRecord:
    """One law of a dump, whatever its shape: headings and articles in document order."""

    name: str
    date: str | None  # ISO
    pcode: str | None = None
    foreword: str | None = None
    entries: list[tuple[str, str, str]] = field(default_factory=list)  # ("heading", title, "") | ("article", number, text)
    extra: dict[str, str] = field(default_factory=dict)


def _first_line(data: bytes) -> bytes:
    return data.lstrip()[: data.lstrip().find(b"\n") if b"\n" in data.lstrip() else None]


def _is_jsonl(path: Path, data: bytes) -> bool:
    if path.suffix.lower() == ".jsonl":
        return True
    head = _first_line(data[:1_000_000])
    if not head.startswith(b"{"):
        return False
    try:
        record = json.loads(head)
    except ValueError:
        return False
    return isinstance(record, dict) and any(keys <= record.keys() for keys in _LAW_KEYS)


def law_record(record: dict[str, Any]) -> LawRecord:
    """The law in any of the three shapes; ValueError when a record is not a law."""
    if "LawName" in record:
        return _moj_api(record)
    if "name" in record and "articles" in record:
        return _normalised(record)
    raise ValueError("not a law record (expected LawName/LawArticles or name/articles)")


def _moj_api(record: dict[str, Any]) -> LawRecord:
    date = _iso_from_digits(str(record.get("LawModifiedDate") or ""))
    pcode = record.get("PCode") or record.get("pcode")
    if not pcode and (m := _PCODE.search(str(record.get("LawURL") or ""))):
        pcode = m.group(1)
    law = LawRecord(str(record["LawName"]).strip(), date, pcode, (record.get("LawForeword") or "").strip() or None)
    for entry in record.get("LawArticles") or []:
        kind = str(entry.get("ArticleType") or "A").upper()
        content = str(entry.get("ArticleContent") or "")
        if kind == "C":
            law.entries.append(("heading", content.strip(), ""))
        else:
            law.entries.append(("article", str(entry.get("ArticleNo") or "").strip(), content))
    for key in ("LawLevel", "LawCategory", "LawAbandonNote", "LawURL"):
        if record.get(key):
            law.extra[key] = str(record[key])
    return law


def _normalised(record: dict[str, Any]) -> LawRecord:
    date = record.get("date")
    if isinstance(date, str) and re.fullmatch(r"\d{8}", date):
        date = _iso_from_digits(date)
    law = LawRecord(str(record["name"]).strip(), date if isinstance(date, str) and date else None, record.get("pcode"),
                    (record.get("foreword") or "").strip() or None)
    previous: list[str] = []
    for article in record.get("articles") or []:
        path = article.get("path") or ([article["chapter"]] if article.get("chapter") else [])
        common = 0
        while common < min(len(path), len(previous)) and path[common] == previous[common]:
            common += 1
        for heading in path[common:]:
            law.entries.append(("heading", str(heading).strip(), ""))
        previous = list(path)
        law.entries.append(("article", str(article.get("number") or "").strip(), str(article.get("text") or "")))
    for key in ("level", "category", "url"):
        if record.get(key):
            law.extra[key] = str(record[key])
    if record.get("abolished"):
        law.extra["abolished"] = "true"
    return law


def _iso_from_digits(digits: str) -> str | None:
    if not re.fullmatch(r"\d{8}", digits):
        return None
    try:
        return datetime.date(int(digits[:4]), int(digits[4:6]), int(digits[6:])).isoformat()
    except ValueError:
        return None


def roc_date_text(iso: str) -> str:
    """`2009-06-03` → `民國 98 年 06 月 03 日`, as the MOJ prints it."""
    year, month, day = iso.split("-")
    return f"民國 {int(year) - 1911} 年 {month} 月 {day} 日"


def render_moj_print(law: LawRecord) -> str:
    """The law as the MOJ database prints it."""
    out = [f"法規名稱：{law.name}"]
    if law.date:
        out.append(f"修正日期：{roc_date_text(law.date)}")
    out.append("")
    if law.foreword:
        out.extend(["前言：", law.foreword, ""])
    for kind, head, text in law.entries:
        if kind == "heading":
            out.append(f"      {head}")
        else:
            out.append(head)
            out.extend(line.rstrip() for line in text.strip("\n").split("\n"))
    return "\n".join(out) + "\n"


def law_document_id(stem: str, law: LawRecord) -> str:
    return document_id(Path(f"{stem}-{law.pcode or law.name}-{law.date or 'undated'}"))


@register_loader("jsonl", _is_jsonl, priority=20, streams=True)
def read_jsonl(path: Path, head: bytes) -> Iterator[SourceDocument | InputError]:
    """One document a law, read a line at a time; a bad line is yielded as an InputError and skipped."""
    seen: set[str] = set()
    bad_lines = 0
    with path.open("rb") as dump:
        for number, line in enumerate(dump, start=1):
            if number == 1 and line.startswith(b"\xef\xbb\xbf"):
                line = line[3:]
            if not line.strip():
                continue
            try:
                law, raw = _law_of_line(line)
            except (UnicodeDecodeError, ValueError) as exc:
                yield InputError(str(path), _reason(exc), position=f"line {number}")
                bad_lines += 1
                if bad_lines == GIVE_UP_AFTER_BAD_LINES and not seen:
                    yield InputError(str(path), f"none of its first {bad_lines} lines is a law; it does not look like a JSONL law dump")
                    return
                continue
            doc_id = law_document_id(path.stem, law)
            if doc_id in seen:
                doc_id = f"{doc_id}-{number}"
            seen.add(doc_id)
            yield _law_document(path, doc_id, law, raw)


def _law_of_line(line: bytes) -> tuple[LawRecord, str]:
    raw = line.decode("utf-8").rstrip("\r\n")
    record = json.loads(raw)
    if not isinstance(record, dict):
        raise ValueError("a line must be a JSON object")
    return law_record(record), raw


def _reason(exc: Exception) -> str:
    if isinstance(exc, UnicodeDecodeError):
        return f"a JSONL law dump must be UTF-8 ({exc.reason} at byte {exc.start} of the line)"
    return str(exc).split("\n")[0]


def _law_document(path: Path, doc_id: str, law: LawRecord, raw: str) -> SourceDocument:
    # The fragment names the law, not its line, so inserting a law into a dump does not
    # make the laws after it look changed to an incremental rebuild.
    doc = SourceDocument(
        id=doc_id,
        path=f"{path}#{law.pcode or law.name}@{law.date or 'undated'}",
        text=render_moj_print(law),
        media_type="text/plain",
        content_hash=content_hash(raw.encode("utf-8")),
        meta=DocumentMeta(kind="statute", title=law.name, date=law.date, language="zh-Hant-TW", extra=dict(law.extra)),
    )
    return load_text(doc)
