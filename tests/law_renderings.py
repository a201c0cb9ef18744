"""Held-out laws printed the three ways a statute parser meets them, and the accuracy of reading them back.

The laws come from a JSONL dump (moj-dev.jsonl: the MOJ database's own
structure).  Each is printed as

* ``moj``: the MOJ database print (`法規名稱：`, `第 一 章 總則`, `第 15-1 條` on its own line);
* ``ly``: the Legislative Yuan / gazette style (`第十五條之一` or `第十五條 之一`,
  `第一章  總則`, a caption such as `（罰則）` after the label, paragraphs
  indented with two U+3000, sub-items `(一)`);
* ``markdown``: a PDF-to-markdown conversion like the seed's (`## 第一章 總則`,
  `- 第 1 條 …` with the first paragraph on the label line, stray bullets on
  items, and sentences broken by blank lines where pages ended).

Page breaks are placed by a random generator seeded from the law's code, so
every run prints the same text.  :func:`score` reads a rendering back with
the statute parser and compares, article by article, the number, the
innermost heading and the text (whitespace aside) with the dump.
"""

from __future__ import annotations

import random
import re
import zlib
from dataclasses import dataclass, field
from typing import Callable

from tiaoli.extract.loaders.jsonl import LawRecord, law_record, render_moj_print, roc_date_text
from tiaoli.extract.loaders.text import load_text
from tiaoli.extract.model import SourceDocument
from tiaoli.extract.normalise.text import fold_width
from tiaoli.extract.normalise.articles import canonical_article_number, render_article_number
from tiaoli.extract.parsers.statute import PARSER
from tiaoli.extract.parsers.statute.structure import parse_statute

LAYOUTS = ("moj", "ly", "markdown")
_IDEOGRAPHIC_SPACE = "\u3000"
_ITEM = re.compile(r"^[一二三四五六七八九十百]+、")
_SUBITEM = re.compile(r"^[（(]([一二三四五六七八九十]+)[）)]")


def _seed(law: LawRecord) -> random.Random:
    return random.Random(zlib.crc32(f"{law.pcode}|{law.name}|{law.date}".encode("utf-8")))


def _heading_parts(heading: str) -> tuple[str, str]:
    m = re.match(r"(第\s*\S+?\s*[編章節款目](?:\s*之\s*\S+?)?)\s+(.*)", heading)
    if not m:
        return heading, ""
    return re.sub(r"\s", "", m.group(1)), m.group(2).strip()


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.strip("\n").split("\n") if line.strip()]


def render_ly(law: LawRecord) -> str:
    rng = _seed(law)
    out = [law.name]
    if law.date:
        year, month, day = (int(x) for x in law.date.split("-"))
        out.append(f"中華民國{year - 1911}年{month}月{day}日公布")
    out.append("")
    heading = ""
    for kind, head, text in law.entries:
        if kind == "heading":
            label, title = _heading_parts(head)
            heading = title
            out.append(f"{label}  {title}" if title else label)
            continue
        number = canonical_article_number(head) if head.startswith("第") else None
        if number is None:
            out.append(head)
        else:
            label = render_article_number(number, "ly")
            if "-" in number and rng.random() < 0.5:
                label = label.replace("之", " 之")
            out.append(label)
        if "罰則" in heading and number is not None:
            out.append("（罰則）")
        for line in _lines(text):
            line = _SUBITEM.sub(lambda m: f"({m.group(1)})", line)
            indent = _IDEOGRAPHIC_SPACE * (3 if line.startswith("(") else 2)
            out.append(indent + line)
    return "\n".join(out) + "\n"


def _break_pages(line: str, rng: random.Random, rate: float) -> str:
    """Break a long line by a blank line, as a page end does, somewhere inside its text (never in a label)."""
    if len(line) < 12 or rng.random() >= rate:
        return line
    cut = rng.randrange(4, len(line) - 4)
    return line[:cut] + "\n\n" + line[cut:]


def render_markdown(law: LawRecord, rate: float = 0.08) -> str:
    rng = _seed(law)
    out = [f"名稱 {law.name}  "]
    if law.date:
        out.append(f"修正日期 {roc_date_text(law.date)}")
    out.append("")
    for kind, head, text in law.entries:
        if kind == "heading":
            label, title = _heading_parts(head)
            out.extend(["", f"{'#' * rng.choice((2, 3))} {label} {title}".rstrip(), ""])
            continue
        lines = _lines(text)
        number = canonical_article_number(head) if head.startswith("第") else None
        bullet = "- " if rng.random() < 0.5 else ""
        if rng.random() < 0.4:
            out.append("")
        if number is None:
            out.append(head)
            first, rest = (lines[0] if lines else ""), lines[1:]
            out.append(_break_pages(first, rng, rate))
        else:
            label = f"第 {number} 條"
            first, rest = (lines[0] if lines else ""), lines[1:]
            out.append(f"{bullet}{label} {_break_pages(first, rng, rate)}".rstrip())
        for line in rest:
            bullet = rng.choice(("- ", "  - ")) if _ITEM.match(line) and rng.random() < 0.3 else ""
            out.append(bullet + _break_pages(line, rng, rate) + ("  " if rng.random() < 0.5 else ""))
    return "\n".join(out) + "\n"


def render(law: LawRecord, layout: str) -> str:
    if layout == "moj":
        return render_moj_print(law)
    if layout == "ly":
        return render_ly(law)
    if layout == "markdown":
        return render_markdown(law)
    raise ValueError(f"unknown layout {layout!r}")


def _squeeze(text: str | None) -> str:
    """Text compared whitespace aside, and width folded: the gazette prints sub-items `(一)` half-width."""
    return re.sub(r"\s", "", fold_width(text or ""))


@dataclass
class Score:
    layout: str
    laws: int = 0
    crashed: list[str] = field(default_factory=list)
    articles: int = 0
    right: int = 0
    wrong: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.right / self.articles if self.articles else 0.0

    def __str__(self) -> str:
        return (f"{self.layout}: {self.right}/{self.articles} articles exactly right ({self.accuracy:.2%}), "
                f"{self.laws - len(self.crashed)}/{self.laws} laws without crash")


def text_document(law: LawRecord, layout: str) -> SourceDocument:
    """The law printed in ``layout`` and read by the text loader."""
    text = render(law, layout)
    return load_text(SourceDocument(id=f"law-{law.pcode or 'x'}", path=f"{law.pcode or law.name}.txt", text=text))


def score(
    records: list[dict],
    layout: str,
    to_document: Callable[[LawRecord, str], SourceDocument] = text_document,
    *,
    semantics: bool = True,
) -> Score:
    """Parse every law printed in ``layout`` and compare number, heading and text with the record.

    Articles, numbers and headings come from the structure alone; ``semantics``
    also runs the norm, reference and penalty analysis, so that a crash there
    counts too (it is the slow part, so one layout is enough to check it).
    """
    result = Score(layout)
    for record in records:
        law = law_record(record)
        result.laws += 1
        doc = to_document(law, layout)
        try:
            acts = PARSER.parse(doc).root.acts if semantics else parse_statute(doc).acts
        except Exception as exc:  # counted, and named in the failure message
            result.crashed.append(f"{law.name}: {type(exc).__name__}: {exc}")
            acts = []
        got: dict[str, tuple[str | None, str]] = {}
        for act in acts:
            for article in act.articles:
                heading = act.divisions[article.division].heading if article.division is not None else None
                got.setdefault(article.number, (heading, article.text))
        for article in record["articles"]:
            result.articles += 1
            number = canonical_article_number(article["number"]) or article["number"].strip()
            found = got.get(number)
            if found is not None and _squeeze(found[0]) == _squeeze(article.get("chapter")) and _squeeze(found[1]) == _squeeze(article["text"]):
                result.right += 1
            else:
                result.wrong.append(f"{law.name} {article['number']}")
    return result
