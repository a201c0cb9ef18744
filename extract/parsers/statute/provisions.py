"""The provisions of an act as texts with exact source spans, for the semantic analysers.

A paragraph that introduces items (`分下列二類：`) is read as its lead-in alone;
each item and sub-item is its own provision.  A provision's text may differ from
its source span (page-break artefacts are joined out of ``Paragraph.text``), so
every character of the text is aligned to its offset in the source, and any
stretch of the text maps back to an exact :class:`Span`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from ...model import Span
from .model import Act, Article, Item, Paragraph, ProvisionPath, SubItem

# 一、 and （一） printed at the head of an item or sub-item.
_ITEM_MARK = re.compile(r"^\s*(?:[-*]\s*)?[一二三四五六七八九十百零〇]+\s*[、，.]\s*")
_SUBITEM_MARK = re.compile(r"^\s*(?:[-*]\s*)?[（(][一二三四五六七八九十百零〇]+[）)]\s*")


@dataclass(frozen=True, slots=True)
class ProvisionText:
    """The own words of one paragraph (lead-in), item or sub-item, aligned to the source."""

    path: ProvisionPath
    level: str  # paragraph | item | subitem
    text: str
    offsets: tuple[int, ...]  # source offset of each character of ``text``
    container: Span  # the provision's whole source span (offsets fall inside it)
    lead: "ProvisionText | None" = None  # the lead-in this item or sub-item continues
    has_children: bool = False

    def span(self, start: int = 0, end: int | None = None) -> Span:
        """The exact source span of ``text[start:end]``."""
        end = len(self.text) if end is None else end
        if not self.text or start >= end:
            at = self.offsets[start] if start < len(self.offsets) else self.container.end
            return _sub_span(self.container, at, at)
        return _sub_span(self.container, self.offsets[start], self.offsets[end - 1] + 1)


def _sub_span(container: Span, start: int, end: int) -> Span:
    rel_start, rel_end = start - container.start, end - container.start
    return Span(
        document=container.document,
        start=start,
        end=end,
        line=container.line + container.text.count("\n", 0, rel_start),
        text=container.text[rel_start:rel_end],
        page=container.page,
    )


def _align(text: str, container: Span) -> tuple[int, ...] | None:
    """Source offsets of the characters of ``text``, read in order from ``container``."""
    source = container.text
    offsets = []
    j = 0
    for ch in text:
        j = source.find(ch, j)
        if j == -1:
            return None
        offsets.append(container.start + j)
        j += 1
    return tuple(offsets)


def _provision(path: ProvisionPath, level: str, text: str, span: Span, mark: re.Pattern[str] | None,
               lead: ProvisionText | None = None, has_children: bool = False) -> ProvisionText | None:
    if mark is not None:
        m = mark.match(text)
        if m:
            text = text[m.end():]
    text = text.strip()
    offsets = _align(text, span)
    if offsets is None:
        # The text does not read in order out of the span: keep the span's own text.
        text = span.text.strip()
        if mark is not None and (m := mark.match(text)):
            text = text[m.end():].strip()
        offsets = _align(text, span)
        if offsets is None:
            return None
    return ProvisionText(path, level, text, offsets, span, lead, has_children)


def _lead_text(whole: str, first_child_text: str) -> str:
    """The words of ``whole`` before its first child (the whole text when children are not inside it)."""
    probe = first_child_text.strip()[:8]
    if probe:
        at = whole.find(probe)
        if at > 0:
            head = whole[:at]
            m = re.search(r"(?:[-*]\s*)?(?:[一二三四五六七八九十百零〇]+\s*、|[（(][一二三四五六七八九十百零〇]+[）)])\s*$", head)
            return head[: m.start()] if m else head
    return whole


def iter_provisions(act: Act) -> Iterator[ProvisionText]:
    """Every paragraph, item and sub-item of every live article, in document order."""
    for article in act.articles:
        if article.deleted:
            continue
        yield from _article_provisions(article)


def _article_provisions(article: Article) -> Iterator[ProvisionText]:
    for paragraph in article.paragraphs:
        yield from _paragraph_provisions(article, paragraph)


def _paragraph_provisions(article: Article, paragraph: Paragraph) -> Iterator[ProvisionText]:
    path = ProvisionPath(article.number, paragraph.number)
    text = paragraph.text
    if paragraph.items:
        text = _lead_text(text, paragraph.items[0].text)
    lead = _provision(path, "paragraph", text, paragraph.span, None, has_children=bool(paragraph.items))
    if lead is not None:
        yield lead
    for item in paragraph.items:
        yield from _item_provisions(article, paragraph, item, lead)


def _item_provisions(article: Article, paragraph: Paragraph, item: Item, lead: ProvisionText | None) -> Iterator[ProvisionText]:
    path = ProvisionPath(article.number, paragraph.number, item.number)
    text = item.text
    if item.subitems:
        text = _lead_text(text, item.subitems[0].text)
    own = _provision(path, "item", text, item.span, _ITEM_MARK, lead, has_children=bool(item.subitems))
    if own is not None:
        yield own
    for sub in item.subitems:
        yield from _subitem_provision(article, paragraph, item, sub, own)


def _subitem_provision(article: Article, paragraph: Paragraph, item: Item, sub: SubItem,
                       lead: ProvisionText | None) -> Iterator[ProvisionText]:
    path = ProvisionPath(article.number, paragraph.number, item.number, sub.number)
    own = _provision(path, "subitem", sub.text, sub.span, _SUBITEM_MARK, lead)
    if own is not None:
        yield own
