"""Building small acts by hand for the semantic analysers' tests.

``make_act([("5", ["商業…應置會計人員辦理之。", "…"]), …])`` lays the articles
out as a synthetic source document (`第 5 條 …`, one paragraph a line, items
`一、…` and sub-items `（一）…` on lines of their own) and returns the Act with
exact spans into it, as the structure parser would.
"""

from __future__ import annotations

import re

from tiaoli.extract.model import SourceDocument
from tiaoli.extract.normalise.numerals import parse_int
from tiaoli.extract.parsers.statute.model import Act, Article, Division, Item, Paragraph, SubItem

_ITEM = re.compile(r"^([一二三四五六七八九十]+)、")
_SUBITEM = re.compile(r"^（([一二三四五六七八九十]+)）")


def make_act(articles: list[tuple[str, list[str]]], chapters: list[tuple[str, str, list[str]]] = (),
             title: str = "測試法") -> Act:
    """An act of ``articles`` (number, paragraph lines; a paragraph's items follow it on later lines)."""
    lines: list[str] = [f"名稱 {title}"]
    layout: list[tuple[str, list[list[str]]]] = []
    for number, paragraphs in articles:
        grouped: list[list[str]] = []
        for line in paragraphs:
            if (_ITEM.match(line) or _SUBITEM.match(line)) and grouped:
                grouped[-1].append(line)
            else:
                grouped.append([line])
        layout.append((number, grouped))
    text_parts: list[str] = ["\n".join(lines)]
    positions: list[tuple[str, list[list[tuple[int, str]]], int]] = []
    offset = len(text_parts[0]) + 1
    for number, grouped in layout:
        label = f"第 {number} 條 "
        article_start = offset
        offset += len(label)
        placed: list[list[tuple[int, str]]] = []
        for group in grouped:
            placed_group = []
            for line in group:
                placed_group.append((offset, line))
                offset += len(line) + 1
            placed.append(placed_group)
        positions.append((number, placed, article_start))
        body = "\n".join(line for group in grouped for line in group)
        text_parts.append(label + body)
    text = "\n".join(text_parts) + "\n"
    doc = SourceDocument(id="test-act", path="test-act.txt", text=text)
    act = Act(title=title, title_span=doc.span(3, 3 + len(title)), jurisdiction="tw", version_date="2000-01-01")
    for number, placed, article_start in positions:
        last = placed[-1][-1]
        article = Article(
            number=number,
            label=f"第 {number} 條",
            span=doc.span(article_start, last[0] + len(last[1])),
            label_span=doc.span(article_start, article_start + len(f"第 {number} 條")),
        )
        for p_index, group in enumerate(placed, start=1):
            head_start, head = group[0]
            end = group[-1][0] + len(group[-1][1])
            paragraph = Paragraph(p_index, doc.text[head_start:end], doc.span(head_start, end))
            for start, line in group[1:]:
                if m := _ITEM.match(line):
                    item_end = start + len(line)
                    paragraph.items.append(Item(parse_int(m.group(1)), line, doc.span(start, item_end)))
                elif m := _SUBITEM.match(line):
                    item = paragraph.items[-1]
                    item.subitems.append(SubItem(parse_int(m.group(1)), line, doc.span(start, start + len(line))))
                    item.span = doc.span(item.span.start, start + len(line))
                    item.text = doc.text[item.span.start:item.span.end]
            article.paragraphs.append(paragraph)
        act.articles.append(article)
    for number, heading, numbers in chapters:
        at = text.find(heading)
        span = doc.span(max(at, 0), max(at, 0) + (len(heading) if at >= 0 else 0))
        act.divisions.append(Division("chapter", number, heading, heading.split()[-1], span, None, list(numbers)))
    return act
