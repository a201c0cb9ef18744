"""Visible text runs of an HTML fragment, with exact source offsets.

Seed tables carry ``<p>``, ``<ul><li>``, ``<b>``, ``<u>`` and ``<a>`` inside
cells.  The standard library's HTMLParser reports the position of every event;
with ``convert_charrefs=False`` the data it hands over is the raw source, so a
run's offsets can be computed exactly and ``html.unescape`` gives what a reader
sees.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

# Layout glyphs that open a list entry; they are markup, not content.
BULLET_GLYPHS = "•➤▪■●◆◇○□►▸‧・-–—*"
_LEADING_BULLET = re.compile(rf"^[{re.escape(BULLET_GLYPHS)}]\s*")


@dataclass(frozen=True, slots=True)
class TextRun:
    start: int  # offset into the string that was parsed
    end: int
    text: str  # visible text (character references resolved)
    tag: str
    href: str | None
    attrs: tuple[tuple[str, str | None], ...] = ()


@dataclass(slots=True)
class ElementEvent:
    kind: str  # "start" | "end"
    tag: str
    start: int
    end: int
    attrs: dict[str, str | None]


class _RunCollector(HTMLParser):
    def __init__(self, source: str):
        super().__init__(convert_charrefs=False)
        self.source = source
        self._line_starts = [0] + [i + 1 for i, ch in enumerate(source) if ch == "\n"]
        self.runs: list[TextRun] = []
        self.events: list[ElementEvent] = []
        self._stack: list[tuple[str, dict[str, str | None]]] = []
        self._run_start: int | None = None
        self._run_end = 0

    def _offset(self) -> int:
        line, col = self.getpos()
        return self._line_starts[line - 1] + col

    def _flush(self) -> None:
        if self._run_start is None:
            return
        start, end = self._run_start, self._run_end
        self._run_start = None
        raw = self.source[start:end]
        stripped_left = len(raw) - len(raw.lstrip())
        raw_core = raw.strip()
        if not raw_core:
            return
        start += stripped_left
        end = start + len(raw_core)
        tag = self._stack[-1][0] if self._stack else ""
        if tag == "li" or (tag in {"b", "strong", "u", "a", "span"} and self._inside("li")):
            match = _LEADING_BULLET.match(raw_core)
            if match and match.end() < len(raw_core):
                start += match.end()
                raw_core = raw_core[match.end():]
        href = next((attrs.get("href") for name, attrs in reversed(self._stack) if name == "a"), None)
        self.runs.append(TextRun(start, end, html.unescape(raw_core), tag, href))

    def _inside(self, name: str) -> bool:
        return any(tag == name for tag, _ in self._stack)

    def _text(self, length: int) -> None:
        start = self._offset()
        if self._run_start is None:
            self._run_start = start
        self._run_end = start + length

    def handle_data(self, data: str) -> None:
        self._text(len(data))

    def handle_entityref(self, name: str) -> None:
        self._text(len(name) + 2 if self.source.startswith(";", self._offset() + len(name) + 1) else len(name) + 1)

    def handle_charref(self, name: str) -> None:
        self._text(len(name) + 3 if self.source.startswith(";", self._offset() + len(name) + 2) else len(name) + 2)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._flush()
        start = self._offset()
        raw = self.get_starttag_text() or ""
        self.events.append(ElementEvent("start", tag, start, start + len(raw), dict(attrs)))
        if tag not in {"br", "img", "hr", "col", "meta", "input"}:
            self._stack.append((tag, dict(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._flush()
        start = self._offset()
        raw = self.get_starttag_text() or ""
        self.events.append(ElementEvent("start", tag, start, start + len(raw), dict(attrs)))
        self.events.append(ElementEvent("end", tag, start + len(raw), start + len(raw), {}))

    def handle_endtag(self, tag: str) -> None:
        self._flush()
        start = self._offset()
        end = self.source.find(">", start) + 1 or len(self.source)
        self.events.append(ElementEvent("end", tag, start, end, {}))
        for depth in range(len(self._stack) - 1, -1, -1):
            if self._stack[depth][0] == tag:
                del self._stack[depth:]
                break

    def close(self) -> None:
        super().close()
        self._flush()


def text_runs(source: str) -> list[TextRun]:
    """Visible text runs of ``source`` with offsets into ``source``."""
    collector = _RunCollector(source)
    collector.feed(source)
    collector.close()
    return collector.runs


def parse_events(source: str) -> tuple[list[TextRun], list[ElementEvent]]:
    collector = _RunCollector(source)
    collector.feed(source)
    collector.close()
    return collector.runs, collector.events


def strip_bullet(text: str) -> str:
    """``text`` without a leading list glyph (•, ➤, -, …)."""
    return _LEADING_BULLET.sub("", text, count=1)
