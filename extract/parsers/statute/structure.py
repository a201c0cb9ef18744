"""The structure of a statute document: acts, divisions, articles, 項, 款 and 目.

Three passes over the document's content lines (:mod:`.lines`):

1. **Article labels.**  A line starting `第…條` opens an article only if it
   reads as a label, not as a paragraph that begins by citing an article:
   the label is followed by a space, a caption or the end of the line, and
   its number continues the numbering (the next number, a 之一 insertion, or
   at least a later number after a finished paragraph).  Numbering that
   restarts at 1 after a finished paragraph starts a new act.
2. **Acts.**  A compilation (a booklet holding a constitution, then a basic
   law…) is cut where numbering restarts, at the new act's title line; an
   annex heading (附件一 …) ends an act's last article.
3. **Within an act**: header lines (title, dates), preamble, division
   headings at every level, articles, and inside each article its 項 (one
   per line), 款 (一、) and 目 (（一）).  A line that does not finish its
   sentence, followed by one that opens no new unit, is the same paragraph
   broken by a page: the two are joined and the paragraph's span runs over
   the break.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...model import SourceDocument, Span
from ...normalise.articles import canonical_number
from ...normalise.dates import parse_date, parse_roc_date
from ...normalise.numerals import parse_int
from ...normalise.text import fold_width
from . import patterns as P
from .lines import Line, content_lines
from .model import Act, Article, Division, Item, Paragraph, StatuteCollection, SubItem

_NUMBERED_RANK = {"part": 0, "chapter": 1, "section": 2, "subsection": 3, "division": 4}
_SERIES_RANK = (0, 5)  # 壹/貳 headings sit at the top; 甲/乙 below 目


@dataclass(slots=True)
class _Label:
    line: int
    number: str
    label_end: int  # offset in doc.text where the printed label ends
    rest: int  # offset where the text after the label starts
    bare: bool = False  # a bare number line (laws printed without 第…條)


@dataclass(slots=True)
class _Heading:
    level: str
    rank: int
    number: str
    label: str
    title: str
    start: int
    end: int


# ---------------------------------------------------------------- pass 1


def _folded(line: Line) -> str:
    return fold_width(line.text)


def _label_match(line: Line) -> tuple[re.Match[str], str, bool] | None:
    folded = _folded(line)
    m = P.ARTICLE_LABEL.match(folded)
    if not m:
        return None
    number = P.article_number(m)
    if number is None:
        return None
    after = folded[m.end():m.end() + 1]
    spaced = after == "" or after in " \t(（"
    return m, number, spaced


def _heading_like(line: Line) -> bool:
    """Lines that end a unit without sentence punctuation: headings, captions, header fields."""
    folded = _folded(line)
    return (
        line.heading
        or _division_match(folded) is not None
        or P.preamble_heading().fullmatch(folded) is not None
        or P.BRACKETED.fullmatch(folded) is not None
        or P.header_line().match(folded) is not None
        or _title_like(folded)
    )


def _finished(line: Line) -> bool:
    return P.is_finished(line.text) or _heading_like(line)


def _expected(last: tuple[int, int] | None, key: tuple[int, int]) -> bool:
    if last is None:
        return key in {(1, 0), (0, 0)}
    return key in {(last[0] + 1, 0), (last[0], last[1] + 1), (last[0] + 1, 1)}


def find_labels(lines: list[Line]) -> dict[int, _Label]:
    """The article labels among ``lines``; a line holding the next label after a full stop is split there."""
    labels: dict[int, _Label] = {}
    last: tuple[int, int] | None = None
    run_on: set[int] = set()  # lines split off at the next label: they start an article
    i = 0
    while i < len(lines):
        line = lines[i]
        found = _label_match(line)
        body_start = 0
        if found is not None:
            m, number, spaced = found
            key = P.sort_key(number)
            prev_finished = i == 0 or i in run_on or _finished(lines[i - 1])
            expected = _expected(last, key)
            later = last is None or key > last or key == (1, 0)
            if (spaced and (expected or (prev_finished and later))) or (not spaced and expected and prev_finished):
                labels[i] = _Label(i, number, line.start + m.end(), _skip_space(line, m.end()))
                last = key
                body_start = m.end()
        cut = _next_label_inside(line, body_start, last)
        if cut is not None:
            lines[i:i + 1] = [Line(line.start, line.start + cut, line.text[:cut], line.heading, line.gap),
                              Line(line.start + cut, line.end, line.text[cut:], line.heading, False)]
            run_on.add(i + 1)
        i += 1
    if not labels:
        labels = _bare_number_labels(lines)
    return labels


# A sentence or a table drawn in box characters ends where a run-on label may start.
_LABEL_AFTER_STOP = re.compile(rf"(?<=[。：:\u2500-\u257f])第[ \t]*{P.NUM}[ \t]*(?:-[ \t]*{P.NUM}[ \t]*)?條(?:[ \t]*之[ \t]*{P.NUM})?")


def _next_label_inside(line: Line, start: int, last: tuple[int, int] | None) -> int | None:
    """Where the next article's label starts inside ``line``, run on after a full stop or at the line's end (PDF text rebuilds)."""
    folded = _folded(line)
    trailing = _TRAILING_LABEL.search(folded, max(start, 1))
    if trailing is not None and folded[trailing.start() - 1] not in _CITING:
        label = P.ARTICLE_LABEL.match(folded, trailing.start())
        number = P.article_number(label) if label else None
        if number is not None and _expected(last, P.sort_key(number)):
            return trailing.start()
    if last is None:
        return None
    for m in _LABEL_AFTER_STOP.finditer(folded, start):
        label = P.ARTICLE_LABEL.match(folded, m.start())
        number = P.article_number(label) if label else None
        if number is not None and _expected(last, P.sort_key(number)):
            return m.start()
    return None


def _skip_space(line: Line, pos: int) -> int:
    text = line.text
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return line.start + pos


def _bare_number_labels(lines: list[Line]) -> dict[int, _Label]:
    """Laws without 條 labels printed with bare numbers (a line holding only `1`)."""
    labels: dict[int, _Label] = {}
    expected = 1
    for i, line in enumerate(lines):
        folded = _folded(line)
        if P.BARE_NUMBER.fullmatch(folded) and int(folded) == expected:
            labels[i] = _Label(i, str(expected), line.end, line.end, bare=True)
            expected += 1
    return labels


# ---------------------------------------------------------------- headings


def _division_match(folded: str) -> re.Match[str] | None:
    m = P.division_heading().fullmatch(folded)
    if m is None:
        return None
    title = m["title"].strip()
    if len(title) > 40 or P.CLAUSE_PUNCTUATION.search(P.IN_BRACKETS.sub("", title)) or P.DOT_LEADER.search(title):
        return None
    if title and not m["sep"] and len(title) > 20:
        return None
    if canonical_number(f"第{m['n']}{m['u']}" + (f"之{m['s']}" if m["s"] else ""), m["u"]) is None:
        return None
    return m


def _series_match(folded: str) -> re.Match[str] | None:
    m = P.series_heading().fullmatch(folded)
    if m is None:
        return None
    title = m["title"].strip()
    if len(title) > 30 or P.CLAUSE_PUNCTUATION.search(title) or P.DOT_LEADER.search(title):
        return None
    return m


def _title_like(folded: str) -> bool:
    """A line that could be an act's title: short, no clause punctuation, ends in an act word."""
    text = folded.strip().rstrip("*＊#")
    if not text or len(text) > 60 or P.CLAUSE_PUNCTUATION.search(text) or P.DOT_LEADER.search(text):
        return False
    if P.ARTICLE_LABEL.match(text) or P.DATE.search(text):
        return False
    return text.endswith(P.act_title_suffixes())


def _heading_at(lines: list[Line], i: int, labels: dict[int, _Label]) -> tuple[_Heading, int] | None:
    """The division heading on line ``i`` (and the lines it takes), if it heads articles."""
    line = lines[i]
    folded = _folded(line)
    m = _division_match(folded)
    series = None if m else _series_match(folded)
    if m is None and series is None:
        return None
    used = 1
    title_end = line.end
    if not line.heading:
        nxt = i + 1
        if nxt < len(lines) and not _opens_structure(lines, nxt, labels):
            cont = _folded(lines[nxt])
            if len(cont) <= 25 and not P.CLAUSE_PUNCTUATION.search(cont.rstrip("、")) and nxt + 1 < len(lines) and _opens_structure(lines, nxt + 1, labels):
                used = 2
                title_end = lines[nxt].end
            else:
                return None
        elif nxt >= len(lines):
            return None
    if m is not None:
        unit = m["u"]
        level = P.division_units()[unit]
        number = canonical_number(f"第{m['n']}{unit}" + (f"之{m['s']}" if m["s"] else ""), unit) or "0"
        label = line.text[: m.start("sep")]
        title = line.text[m.start("title"):]
        rank = _NUMBERED_RANK[level]
    else:
        assert series is not None
        which, position = P.series_position(series["n"]) or (0, 1)
        level, number, rank = "heading", str(position), _SERIES_RANK[min(which, 1)]
        label = series["n"]
        title = line.text[series.start("title"):]
    if used == 2:
        title = title + lines[i + 1].text
    return _Heading(level, rank, number, label, title, line.start, title_end), used


def _opens_structure(lines: list[Line], i: int, labels: dict[int, _Label], depth: int = 0) -> bool:
    """Whether line ``i`` starts an article, or a chain of headings that ends at one."""
    if i in labels:
        return True
    if i >= len(lines) or depth > 6:
        return False
    folded = _folded(lines[i])
    if _division_match(folded) is not None or _series_match(folded) is not None:
        return _opens_structure(lines, i + 1, labels, depth + 1)
    return P.preamble_heading().fullmatch(folded) is not None or (P.BRACKETED.fullmatch(folded) is not None and i + 1 in labels)


# ---------------------------------------------------------------- pass 2


def _act_starts(lines: list[Line], labels: dict[int, _Label]) -> list[int]:
    """Line indexes where each act of the document starts."""
    starts = [0]
    ordered = sorted(labels)
    for prev, cur in zip(ordered, ordered[1:]):
        if labels[cur].number != "1" or labels[prev].number == "1":
            continue
        starts.append(_split_point(lines, prev, cur, labels))
    for i, line in enumerate(lines):
        m = P.header_line().fullmatch(_folded(line))
        if m and P.header_role(m["key"]) == "title" and i > 0 and any(starts[-1] <= j < i for j in labels) and i not in starts:
            starts.append(i)
    return sorted(set(starts))


def _split_point(lines: list[Line], prev: int, cur: int, labels: dict[int, _Label]) -> int:
    for j in range(prev + 1, cur):
        folded = _folded(lines[j])
        header = P.header_line().fullmatch(folded)
        if header and P.header_role(header["key"]) == "title":
            return j
        if _title_like(folded):
            if _finished(lines[j - 1]):
                return j
            if j - 1 > prev and _short_plain(lines[j - 1]) and _finished(lines[j - 2]):
                return j - 1
    j = cur
    while j - 1 > prev and (_heading_at(lines, j - 1, labels) is not None or P.preamble_heading().fullmatch(_folded(lines[j - 1]))):
        j -= 1
    return j


def _short_plain(line: Line) -> bool:
    folded = _folded(line).strip()
    return 0 < len(folded) <= 15 and not re.search(r"[0-9。，；：;,]", folded) and not P.is_finished(folded)


# ---------------------------------------------------------------- pass 3


@dataclass(slots=True)
class _ArticleDraft:
    label: _Label
    label_start: int
    lines: list[tuple[int, int, bool]] = field(default_factory=list)  # (start, end, gap)
    caption: str | None = None
    division: int | None = None




# Characters before 第…條 that make it a citation (依第五條), not a label.
_CITING = frozenset("依及或與、至和暨準並按照於之")
_TRAILING_LABEL = re.compile(rf"第[ \t]*{P.NUM}[ \t]*(?:-[ \t]*{P.NUM}[ \t]*)?條(?:[ \t]*之[ \t]*{P.NUM})?[ \t]*$")


def _split_run_on_labels(lines: list[Line]) -> list[Line]:
    """A PDF's text rebuild may run lines together: a label onto the sentence before it, header fields onto each other."""
    out: list[Line] = []
    for line in lines:
        folded = fold_width(line.text)
        cuts = [m.start() for m in _LABEL_AFTER_STOP.finditer(folded) if folded[m.end():m.end() + 1] in ("", " ", "\t")]
        date = P.DATE.search(folded, 1)
        if date is not None and _title_like(folded[:date.start()]):
            cuts.append(date.start())
        if P.header_line().match(folded):
            cuts += [m.start() for m in P.header_key().finditer(folded) if m.start() > 0]
            cuts = sorted(set(cuts))
        start = 0
        for cut in cuts + [len(line.text)]:
            piece = line.text[start:cut]
            if piece.strip():
                out.append(Line(line.start + start, line.start + cut, piece, line.heading, line.gap if start == 0 else False))
            start = cut
    return out


def parse_statute(doc: SourceDocument) -> StatuteCollection:
    lines = _split_run_on_labels(content_lines(doc))
    labels = find_labels(lines)
    starts = _act_starts(lines, labels)
    bounds = list(zip(starts, starts[1:] + [len(lines)]))
    acts = [_parse_act(doc, lines, labels, a, b, single=len(bounds) == 1) for a, b in bounds]
    acts = [act for act in acts if act.articles or act.title or act.preamble]
    return StatuteCollection(acts=acts)


def _parse_act(doc: SourceDocument, lines: list[Line], labels: dict[int, _Label], a: int, b: int, *, single: bool) -> Act:
    header: list[Line] = []
    preamble: list[Line] = []
    divisions: list[Division] = []
    open_divisions: list[tuple[int, int]] = []  # (rank, index)
    drafts: list[_ArticleDraft] = []
    state = "header"
    bare = any(label.bare for label in labels.values())
    i = a
    while i < b:
        line = lines[i]
        folded = _folded(line)
        if i in labels:
            label = labels[i]
            draft = _ArticleDraft(label, line.start, division=open_divisions[-1][1] if open_divisions else None)
            if label.rest < line.end:
                draft.lines.append((label.rest, line.end, False))
            drafts.append(draft)
            if draft.division is not None:
                divisions[draft.division].articles.append(label.number)
            state = "article"
            i += 1
            continue
        prev_done = i == a or _finished(lines[i - 1])
        heading = _heading_at(lines, i, labels)
        if heading is not None and labels and not bare:
            found, used = heading
            while open_divisions and open_divisions[-1][0] >= found.rank:
                open_divisions.pop()
            parent = open_divisions[-1][1] if open_divisions else None
            divisions.append(
                Division(
                    level=found.level,
                    number=found.number,
                    heading=P.tidy_heading(found.label, found.title),
                    title=P.tidy_title(found.title),
                    span=doc.span(found.start, found.end),
                    parent=parent,
                )
            )
            open_divisions.append((found.rank, len(divisions) - 1))
            state = "between" if drafts else "header"
            i += used
            continue
        if not drafts and P.preamble_heading().fullmatch(folded):
            state = "preamble"
            i += 1
            continue
        if not single and drafts and prev_done and state in {"article", "between"} and P.annex_heading().fullmatch(folded) and not P.CLAUSE_PUNCTUATION.search(folded[:12]):
            state = "annex"
            i += 1
            continue
        if state == "header":
            header.append(line)
        elif state == "preamble":
            preamble.append(line)
        elif state in {"article", "between"}:
            drafts[-1].lines.append((line.start, line.end, line.gap))
        i += 1

    title, title_span = _title(doc, header, single)
    date_text, date_span, version = _date(doc, header, single)
    if not preamble and drafts:
        preamble = [ln for ln in header if _is_preamble_text(ln, title_span)]
    articles = [_article(doc, d) for d in drafts]
    if not articles and header and labels == {}:
        articles = [_whole_text_article(doc, header, title_span)]
    _move_leading_captions(doc, articles)
    divisions = _without_empty_divisions(divisions, articles)
    return Act(
        title=title,
        title_span=title_span,
        jurisdiction=_jurisdiction(title),
        version_date=version,
        date_text=date_text,
        date_span=date_span,
        preamble=_preamble(doc, preamble),
        divisions=divisions,
        articles=articles,
    )


def _without_empty_divisions(divisions: list[Division], articles: list[Article]) -> list[Division]:
    """Headings that head no article (a table of contents' lines) are not divisions of the act."""
    used: set[int] = set()
    for article in articles:
        current = article.division
        while current is not None and current not in used:
            used.add(current)
            current = divisions[current].parent
    if len(used) == len(divisions):
        return divisions
    new_index = {old: new for new, old in enumerate(sorted(used))}
    kept = []
    for old in sorted(used):
        division = divisions[old]
        division.parent = new_index.get(division.parent) if division.parent is not None else None
        kept.append(division)
    for article in articles:
        if article.division is not None:
            article.division = new_index[article.division]
    return kept


def _is_preamble_text(line: Line, title_span: Span | None) -> bool:
    """Header lines that are neither the title, a header field nor a dated promulgation note."""
    if title_span is not None and title_span.start <= line.start < title_span.end:
        return False
    folded = _folded(line)
    return not (_is_header_field(line) or P.dated_verb().search(folded) or _title_like(folded) or line.heading)


def _is_header_field(line: Line) -> bool:
    return P.header_line().fullmatch(_folded(line)) is not None


def _title(doc: SourceDocument, header: list[Line], single: bool) -> tuple[str, Span | None]:
    for line in header:
        m = P.header_line().fullmatch(_folded(line))
        if m and P.header_role(m["key"]) == "title":
            start = line.start + m.start("value")
            return P.tidy_title(line.text[m.start("value"):]), doc.span(start, line.end)
    for k in range(len(header) - 1, -1, -1):
        folded = _folded(header[k])
        if _title_like(folded):
            start = header[k].start
            if k > 0 and _short_plain(header[k - 1]) and header[k - 1].end >= header[k].start - 2:
                start = header[k - 1].start
            end = header[k].end
            while end > start and doc.text[end - 1] in "*＊#":
                end -= 1
            text = re.sub(r"\s+", "", doc.text[start:end])
            return text, doc.span(start, end)
    for line in header:
        if line.heading:
            return P.tidy_title(line.text), doc.span(line.start, line.end)
    if single and doc.meta.title:
        return doc.meta.title, None
    for line in header:
        folded = _folded(line)
        if len(folded) <= 60 and not P.CLAUSE_PUNCTUATION.search(folded) and not P.DATE.search(folded):
            return P.tidy_title(line.text), doc.span(line.start, line.end)
    return "", None


def _date(doc: SourceDocument, header: list[Line], single: bool) -> tuple[str | None, Span | None, str | None]:
    best: tuple[int, int, str, Span, str] | None = None  # (priority, order, text, span, iso)
    for order, line in enumerate(header):
        folded = _folded(line)
        m = P.header_line().fullmatch(folded)
        candidates: list[tuple[int, re.Match[str]]] = []
        if m and P.header_role(m["key"]) == "date":
            d = P.DATE.search(folded, m.start("value"))
            if d:
                candidates.append((0, d))
        elif m and P.header_role(m["key"]) != "date":
            continue
        for d in P.dated_verb().finditer(folded):
            candidates.append((P.date_verbs()[d["verb"]], d))
        for priority, d in candidates:
            printed = line.text[d.start("date"):d.end("date")]
            parsed = parse_roc_date(printed) or _gregorian(printed)
            if parsed is None:
                continue
            rank = (priority, order)
            if best is None or rank < best[:2]:
                best = (priority, order, printed, doc.span(line.start + d.start("date"), line.start + d.end("date")), parsed.isoformat())
    if best is not None:
        return best[2], best[3], best[4]
    if single and doc.meta.date and len(doc.meta.date) == 10:
        return None, None, doc.meta.date
    return None, None, None


def _gregorian(printed: str):
    if "民國" in printed:
        return None
    found = parse_date(printed)
    return found.to_date() if found is not None else None


def _jurisdiction(title: str) -> str:
    for word, code in P.jurisdictions():
        if word in title:
            return code
    return "tw"


def _preamble(doc: SourceDocument, lines: list[Line]) -> Paragraph | None:
    if not lines:
        return None
    segments = [(ln.start, ln.end, ln.gap) for ln in lines]
    logical = _logical_lines(doc, segments)
    text = "\n".join(_joined(doc, seg) for seg in logical)
    return Paragraph(number=0, text=text, span=doc.span(lines[0].start, lines[-1].end))


def _whole_text_article(doc: SourceDocument, header: list[Line], title_span: Span | None) -> Article:
    body = [ln for ln in header if title_span is None or ln.end <= title_span.start or ln.start >= title_span.end]
    body = [ln for ln in body if not _is_header_field(ln)] or header
    draft = _ArticleDraft(_Label(0, "1", body[0].start, body[0].start), body[0].start)
    draft.lines = [(ln.start, ln.end, ln.gap) for ln in body]
    article = _article(doc, draft)
    article.label = ""
    return article


# ---------------------------------------------------------------- articles


def _article(doc: SourceDocument, draft: _ArticleDraft) -> Article:
    label = draft.label
    segments = list(draft.lines)
    caption: str | None = None
    deleted = False
    if segments:
        s, e, _ = segments[0]
        folded = fold_width(doc.text[s:e])
        m = P.BRACKETED.match(folded)
        if m and not P.is_numeral_text(m["t"].strip()) and not P.deleted_marker().fullmatch(folded[: m.end()]):
            rest_start = s + m.end()
            while rest_start < e and doc.text[rest_start].isspace():
                rest_start += 1
            if rest_start < e or len(segments) > 1:
                caption = doc.text[s:s + m.end()]
                segments = ([(rest_start, e, False)] if rest_start < e else []) + segments[1:]
    logical = _logical_lines(doc, segments)
    paragraphs = _paragraphs(doc, logical)
    if len(paragraphs) == 1 and P.deleted_marker().fullmatch(fold_width(paragraphs[0].text).strip()):
        deleted = True
    end = segments[-1][1] if segments else label.label_end
    return Article(
        number=label.number,
        label=doc.text[draft.label_start:label.label_end],
        span=doc.span(draft.label_start, max(end, label.label_end)),
        label_span=doc.span(draft.label_start, label.label_end),
        caption=caption,
        division=draft.division,
        deleted=deleted,
        paragraphs=paragraphs,
    )


def _move_leading_captions(doc: SourceDocument, articles: list[Article]) -> None:
    """A caption printed on the line before an article's label ends up as the last line of the article before."""
    for before, article in zip(articles, articles[1:]):
        if article.caption is not None or len(before.paragraphs) < 2:
            continue
        last = before.paragraphs[-1]
        folded = fold_width(last.text).strip()
        m = P.BRACKETED.fullmatch(folded)
        if m and not last.items and not P.is_numeral_text(m["t"].strip()) and not P.deleted_marker().fullmatch(folded):
            article.caption = last.text.strip()
            before.paragraphs.pop()
            end = before.paragraphs[-1].span.end
            before.span = doc.span(before.span.start, end)


def _starts_unit(folded: str) -> bool:
    return bool(P.ITEM.match(folded) or P.SUBITEM.match(folded) or P.DEEPER.match(folded))


def _logical_lines(doc: SourceDocument, segments: list[tuple[int, int, bool]]) -> list[list[tuple[int, int]]]:
    """Physical lines grouped into the lines the law has: a page-broken sentence is one line."""
    logical: list[list[tuple[int, int]]] = []
    for s, e, _gap in segments:
        text = doc.text[s:e]
        folded = fold_width(text)
        if logical and not P.is_finished(doc.text[logical[-1][-1][0]:logical[-1][-1][1]]) and not _starts_unit(folded) and not P.deleted_marker().fullmatch(folded):
            logical[-1].append((s, e))
        else:
            logical.append([(s, e)])
    return logical


def _joined(doc: SourceDocument, segments: list[tuple[int, int]]) -> str:
    return "".join(doc.text[s:e] for s, e in segments)


@dataclass(slots=True)
class _Unit:
    kind: str  # para | item | sub
    number: int
    start: int
    end: int
    marker: int  # length of the 一、 / （一） marker
    lines: list[str]
    lead: list[str]
    children: list["_Unit"] = field(default_factory=list)


def _paragraphs(doc: SourceDocument, logical: list[list[tuple[int, int]]]) -> list[Paragraph]:
    paras: list[_Unit] = []
    for segments in logical:
        start, end = segments[0][0], segments[-1][1]
        text = _joined(doc, segments)
        folded = fold_width(text)
        item = P.ITEM.match(folded)
        sub = P.SUBITEM.match(folded)
        if item and paras:
            unit = _Unit("item", parse_int(item["n"]) or 0, start, end, item.end(), [text], [text[item.end():]])
            paras[-1].children.append(unit)
            _extend(paras[-1], text, end, lead=False)
        elif sub and paras and paras[-1].children:
            owner = paras[-1].children[-1]
            unit = _Unit("sub", parse_int(sub["n"]) or 0, start, end, sub.end(), [text], [text[sub.end():]])
            owner.children.append(unit)
            _extend(owner, text, end, lead=False)
            _extend(paras[-1], text, end, lead=False)
        elif paras and (P.DEEPER.match(folded) or (sub and not paras[-1].children)):
            innermost = paras[-1]
            chain = [innermost]
            while innermost.children:
                innermost = innermost.children[-1]
                chain.append(innermost)
            for unit in chain:
                _extend(unit, text, end, lead=unit is innermost)
        else:
            paras.append(_Unit("para", len(paras) + 1, start, end, 0, [text], [text]))
    return [_to_paragraph(doc, unit) for unit in paras]


def _extend(unit: _Unit, text: str, end: int, *, lead: bool) -> None:
    unit.lines.append(text)
    unit.end = end
    if lead and not unit.children:
        unit.lead.append(text)


def _to_paragraph(doc: SourceDocument, unit: _Unit) -> Paragraph:
    items = [
        Item(
            number=item.number,
            text="\n".join([item.lines[0][item.marker:]] + item.lines[1:]),
            span=doc.span(item.start, item.end),
            subitems=[
                SubItem(number=sub.number, text="\n".join([sub.lines[0][sub.marker:]] + sub.lines[1:]), span=doc.span(sub.start, sub.end))
                for sub in item.children
            ],
            lead="\n".join(item.lead),
        )
        for item in unit.children
    ]
    return Paragraph(
        number=unit.number,
        text="\n".join(unit.lines),
        span=doc.span(unit.start, unit.end),
        items=items,
        lead="\n".join(unit.lead),
    )
