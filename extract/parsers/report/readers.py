"""Readers for each kind of report table: rows into domain objects."""

from __future__ import annotations

import html
import re
from decimal import Decimal

from ...metrics import Metric, Period
from ...model import Block, BlockKind, Cell, SourceDocument
from ...normalise.dates import parse_period
from ...normalise.numerals import parse_number
from . import vocab
from .figures import metric_key
from .model import (
    Facility, FacilityAssessment, ImpactIdentification, Indicator, LegendEntry, ManagementMechanism, Measure,
    Policy, RiskIssue, ScopeAssessment, ScopeRef, Text, TrainingCourse,
)
from .reading import cell_items, cell_text, find_scope, find_scopes, is_note_marker, split_items, text_at, year_in
from .tables import Table, heading_before, plant_of, scope_before

_CATEGORY_INLINE = re.compile(r"【\s*([^【】]{1,12}?)\s*】")
# A sentence ends at 。, at a wide gap of spaces, or before a short label with a colon (技術：…).
_SENTENCE_BREAK = re.compile(r"。|\s{3,}|\s+(?=[^\s：:，。]{1,6}[：:])")
_CONTINUES = re.compile(r"^(?:(?:19|20)\d{2}\s*年|如|若|並|且|亦|另|其中)")
_TOTAL_ROW = ("合計", "總計", "總和", "小計", "Total", "TOTAL")
_LEAD_IN = re.compile(r"\S{1,8}[：:]")
_URL = re.compile(r"https?://[A-Za-z0-9._~:/?#\[\]@!$&'()*+,;=%-]+")
_NOTE_REF = re.compile(r"[（(]\s*註\s*(\d*)\s*[)）]|註\s*(\d+)$")


def _by_role(table: Table, row: list[Cell]) -> dict[str, Cell]:
    return {table.roles[c.col]: c for c in row if c.col in table.roles}


def _number(cell: Cell | None) -> Decimal | None:
    """The number of a figure cell; a unit printed in the cell (0.5小時, 1,380人次) is allowed."""
    if cell is None or cell.is_empty:
        return None
    match = _FIGURE.fullmatch("".join(cell.text.split()))
    return parse_number(match.group(1)) if match else None


# -- training -------------------------------------------------------------
def read_training(doc: SourceDocument, table: Table, year: str | None, programme: str = "") -> tuple[list[TrainingCourse], dict[str, Metric]]:
    """Course rows, and the figures of a printed total row (合計) if there is one."""
    courses: list[TrainingCourse] = []
    totals: dict[str, Metric] = {}
    number_col = min(table.roles) - 1 if min(table.roles) > 0 else None
    seen: set[str] = set()  # two rows may print the same course name
    period = Period(year, year, None) if year else None
    for row in table.rows:
        cells = _by_role(table, row)
        name = cell_text(doc, cells["course"]) if "course" in cells else None
        figures = {role: _number(cells.get(role)) for role in ("hours", "attendance", "total_hours")}
        label_cells = [c for c in row if c.col not in table.roles and not c.is_empty]
        is_total = any(w in (name.text if name else "") for w in _TOTAL_ROW) or any(
            any(w in c.text for w in _TOTAL_ROW) for c in label_cells)
        if is_total:
            for role, unit in (("attendance", ("person-time", "人次")), ("total_hours", ("hour", "小時"))):
                cell = cells.get(role)
                if figures[role] is not None and cell is not None:
                    totals[role] = Metric(metric_key("training-total", programme, role), "attendance" if role == "attendance" else "training-hours",
                                          figures[role], unit[0], unit[1], _cell_span(doc, cell), "total", period=period)
            continue
        if name is None or figures["attendance"] is None or figures["total_hours"] is None:
            continue
        number = next((c.text.strip() for c in row if c.col == number_col and not c.is_empty), None)
        key = name.text if name.text not in seen else f"{name.text}-{number or len(courses) + 1}"
        seen.add(key)
        def metric(role: str, measure: str, unit: str, label: str) -> Metric:
            cell = cells[role]
            return Metric(metric_key("course", programme, key, measure), measure, figures[role], unit, label, _cell_span(doc, cell),
                          name.text, subject_key=key, period=period)
        if figures["hours"] is None:
            continue
        courses.append(TrainingCourse(
            key=key, number=number, name=name,
            hours=metric("hours", "course-hours", "hour", "小時"),
            attendance=metric("attendance", "attendance", "person-time", "人次"),
            total_hours=metric("total_hours", "training-hours", "hour", "小時"),
        ))
    return courses, totals


def _cell_span(doc: SourceDocument, cell: Cell):
    frags = [f for f in cell.fragments if f.text.strip()]
    return doc.span(frags[0].span.start, frags[-1].span.end) if frags else cell.span


# -- policies ---------------------------------------------------------------
def read_policies(doc: SourceDocument, table: Table) -> list[Policy]:
    policies = []
    for row in table.rows:
        cells = _by_role(table, row)
        name = cell_text(doc, cells["name"]) if "name" in cells else None
        if name is None:
            continue
        scopes = find_scopes(doc, cells["scope"].span) if "scope" in cells else []
        commitments, urls = _statements(doc, cells.get("content"))
        policies.append(Policy(name.text, name, scopes, commitments, urls))
    return policies


def _statements(doc: SourceDocument, cell: Cell | None) -> tuple[list[Text], list[Text]]:
    """Commitments one by one: list entries, bold heading + its text, or sentences of a paragraph."""
    if cell is None:
        return [], []
    statements: list[Text] = []
    urls: list[Text] = []
    frags = [f for f in cell.fragments if f.text.strip()]
    i = 0
    while i < len(frags):
        frag = frags[i]
        if frag.href or _URL.fullmatch(frag.text.strip()):
            urls.append(Text(frag.href or frag.text.strip(), frag.span))
            i += 1
            continue
        raw = doc.text[frag.span.start:frag.span.end]
        if (url := _URL.search(raw)) and frag.tag != "a":
            # A layout without markup glues the link to the text before it.
            urls.append(Text(url.group(), doc.span(frag.span.start + url.start(), frag.span.start + url.end())))
            statements.extend(_sentences(doc, frag.span.start, frag.span.start + url.start()))
            i += 1
            continue
        if frag.tag in ("b", "strong") and i + 1 < len(frags) and frags[i + 1].tag not in ("b", "strong", "a"):
            body = frags[i + 1]
            statements.append(Text(f"{frag.text.strip()} {body.text.strip()}", doc.span(frag.span.start, body.span.end)))
            i += 2
            continue
        if _LEAD_IN.fullmatch(frag.text.strip()):
            i += 1
            continue
        if frag.tag == "li":
            statements.append(text_at(doc, frag.span.start, frag.span.end))
        else:
            statements.extend(_sentences(doc, frag.span.start, frag.span.end))
        i += 1
    return statements, urls


def _sentences(doc: SourceDocument, start: int, end: int) -> list[Text]:
    """Sentences of a run: split after 。 and at wide gaps of spaces; a lone lead-in (我們承諾：) is kept as one."""
    raw = doc.text[start:end]
    out = []
    pos = 0
    for match in _SENTENCE_BREAK.finditer(raw):
        cut = match.end() if match.group() == "。" else match.start()
        piece = text_at(doc, start + pos, start + cut)
        if piece.text:
            out.append(piece)
        pos = match.end()
    piece = text_at(doc, start + pos, end)
    if piece.text:
        out.append(piece)
    return out


# -- identification, tools, mechanisms ----------------------------------------
def read_identification(doc: SourceDocument, table: Table) -> list[ImpactIdentification]:
    words = vocab.table_vocabulary("identification")
    out: dict[int, ImpactIdentification] = {}
    for cell in table.header:
        if cell.col in table.roles and not cell.is_empty:
            scope = find_scope(doc, cell.span)
            if scope is not None:
                out[cell.col] = ImpactIdentification(scope, None, [], [])
    for row in table.rows:
        label = next((c.text for c in row if c.col == 0), "").strip()
        for cell in row:
            if cell.col not in out or cell.is_empty:
                continue
            entry = out[cell.col]
            if not label:
                entry.description = cell_text(doc, cell)
            elif vocab.matches_header(label, words["groups"]):
                entry.groups.extend(cell_items(doc, cell))
            elif vocab.matches_header(label, words["issues"]):
                entry.issues.extend(cell_items(doc, cell))
    return [out[c] for c in sorted(out)]


def read_tools(doc: SourceDocument, table: Table) -> list[ScopeAssessment]:
    out = []
    for row in table.rows:
        cells = _by_role(table, row)
        scope = find_scope(doc, cells["scope"].span) if "scope" in cells else None
        if scope is None:
            continue
        issues = cell_items(doc, cells["issues"]) if "issues" in cells else []
        tools = cell_items(doc, cells["tools"]) if "tools" in cells else []
        out.append(ScopeAssessment(scope.key, scope, issues, tools))
    return out


def read_mechanisms(doc: SourceDocument, table: Table) -> list[ManagementMechanism]:
    out = []
    for cell in table.header:
        scope = find_scope(doc, cell.span)
        if scope is None:
            continue
        items = [item for row in table.rows for c in row if c.col == cell.col for item in cell_items(doc, c)]
        out.append(ManagementMechanism(scope.key, scope, items))
    return out


# -- risks and measures ------------------------------------------------------------
def read_measures(doc: SourceDocument, table: Table, scope: ScopeRef,
                  carried: dict[int, tuple[str, list[Measure]]] | None = None) -> tuple[list[RiskIssue], list[Measure]]:
    """Rated issues and their measures; ``carried`` holds the last printed measures of the same scope's previous
    table, for a merged cell that a page break split."""
    issues: list[RiskIssue] = []
    measures: list[Measure] = []
    printed_by_col: dict[int, tuple[str, list[Measure]]] = carried if carried is not None else {}
    measure_cols = sorted(col for col, role in table.roles.items() if role in ("mitigation", "remediation"))
    spanning: dict[int, tuple[Cell, int]] = {}  # column → (cell with a rowspan, last row it covers)
    waiting: dict[int, list[str]] = {}  # column → issues whose cell is empty and no measures were printed yet
    for row in table.rows:
        cells = _by_role(table, row)
        name = cell_text(doc, cells["issue"]) if "issue" in cells else None
        if name is None:
            continue
        present = {c.col: c for c in row}
        for col, (cell, last) in list(spanning.items()):
            if row[0].row > last:
                del spanning[col]
        rating_cell = cells.get("rating")
        rating_col = next((col for col, role in table.roles.items() if role == "rating"), None)
        if rating_cell is None and rating_col in spanning:
            rating_cell = spanning[rating_col][0]  # a rating merged across rows (<td rowspan>) applies to each
        rating = vocab.rating(rating_cell.text) if rating_cell is not None and not rating_cell.is_empty else None
        issue_key = f"{scope.key}/{name.text}"
        if rating is not None:
            issues.append(RiskIssue(issue_key, name, scope, rating, _cell_span(doc, rating_cell)))
        for col in measure_cols:
            cell = present.get(col)
            kind = vocab.measure_kind(next(h.text for h in table.header if h.col == col)) or table.roles[col]
            if cell is None or cell.is_empty:
                # Empty, or covered by a cell merged across rows: the measures printed above are shared.
                if col in printed_by_col:
                    source_issue, printed = printed_by_col[col]
                    measures.extend(_inferred(issue_key, m, source_issue) for m in printed)
                else:
                    waiting.setdefault(col, []).append(issue_key)  # rows printed above the merged cell's text
                continue
            printed = _cell_measures(doc, cell, issue_key, kind)
            printed_by_col[col] = (name.text, printed)
            measures.extend(printed)
            for earlier in waiting.pop(col, []):
                measures.extend(_inferred(earlier, m, name.text) for m in printed)
        for cell in row:
            if cell.rowspan > 1:
                spanning[cell.col] = (cell, cell.row + cell.rowspan - 1)
    return issues, measures


def _cell_measures(doc: SourceDocument, cell: Cell, issue_key: str, kind: str) -> list[Measure]:
    """Measures under their 【category】 markers: one per list entry, or per sentence where the layout lost the list."""
    out: list[Measure] = []
    category = ""
    counts: dict[str, int] = {}
    for frag in cell.fragments:
        raw = doc.text[frag.span.start:frag.span.end]
        pos = 0
        pieces: list[tuple[str | None, int, int]] = []
        for match in _CATEGORY_INLINE.finditer(raw):
            pieces.append((None, pos, match.start()))
            pieces.append((match.group(1).strip(), match.start(), match.end()))
            pos = match.end()
        pieces.append((None, pos, len(raw)))
        for marker, start, end in pieces:
            if marker is not None:
                category = marker
                continue
            start, end = frag.span.start + start, frag.span.start + end
            items = [text_at(doc, start, end)] if frag.tag == "li" else _measure_sentences(doc, start, end)
            for item in items:
                if not item.text:
                    continue
                number = counts[category] = counts.get(category, 0) + 1
                out.append(Measure(
                    key=f"{issue_key}/{kind}/{category}/{number}",
                    issue_key=issue_key, kind=kind, category=category,
                    category_id=vocab.measure_category(category) or "other",
                    text=Text(html.unescape(item.text), item.span),
                ))
    return out


def _measure_sentences(doc: SourceDocument, start: int, end: int) -> list[Text]:
    """Sentences of a run; one that only adds a figure or a condition (2024年…, 如…) stays with the one before."""
    sentences: list[Text] = []
    for sentence in _sentences(doc, start, end):
        if sentences and _CONTINUES.match(sentence.text):
            sentences[-1] = text_at(doc, sentences[-1].span.start, sentence.span.end)
        else:
            sentences.append(sentence)
    return sentences


def _inferred(issue_key: str, printed: Measure, source_issue: str) -> Measure:
    tail = printed.key[len(printed.issue_key) + 1:]
    return Measure(
        key=f"{issue_key}/{tail}",
        issue_key=issue_key, kind=printed.kind, category=printed.category, category_id=printed.category_id,
        text=printed.text, inferred=True, inferred_from=printed.key,
        explanation=(f"The {printed.kind} cell of this row is empty in the source: the cell was merged across rows, "
                     f"so the measures printed for another issue of the table ({source_issue}) apply to this issue too."),
    )


# -- indicators ---------------------------------------------------------------------
def read_indicators(doc: SourceDocument, table: Table, scope: ScopeRef, default_year: str | None) -> list[Indicator]:
    out = []
    status_head = next((h.text for h in table.header if table.roles.get(h.col) == "status"), "")
    heading = heading_before(doc, table)
    year = year_in(status_head) or (year_in(heading.span.text) if heading else None) or default_year
    notes = _notes_after(doc, table.blocks[-1])
    for row in table.rows:
        cells = _by_role(table, row)
        target = cell_text(doc, cells["target"]) if "target" in cells else None
        status_cell = cells.get("status")
        status = vocab.status(status_cell.text) if status_cell is not None else None
        if target is None or status is None:
            continue
        item = cell_text(doc, cells["item"]) if "item" in cells else None
        description = cell_text(doc, cells["description"]) if "description" in cells else None
        name = item or description
        if name is None:
            continue
        attached = []
        for cell in row:
            ref = _NOTE_REF.search(cell.text)
            if ref:
                number = ref.group(1) or ref.group(2) or ""
                attached.extend(n for num, n in notes if num == number or not number or not num)
        out.append(Indicator(
            key=f"{scope.key}/{name.text}", scope=scope, name=name, description=description, target=target,
            achieved=status[1], status=Text(status[0], _status_span(doc, status_cell, status[0])), year=year, notes=attached,
        ))
    return out


def _status_span(doc: SourceDocument, cell: Cell, word: str):
    raw = doc.text[cell.span.start:cell.span.end]
    at = raw.find(word)
    return doc.span(cell.span.start + at, cell.span.start + at + len(word)) if at >= 0 else cell.span


def _notes_after(doc: SourceDocument, block: Block) -> list[tuple[str, Text]]:
    """Footnotes printed right after a table: (number or '', text)."""
    out = []
    for index in range(block.index + 1, min(len(doc.blocks), block.index + 4)):
        nxt = doc.blocks[index]
        if nxt.kind is not BlockKind.FOOTNOTE:
            break
        match = re.match(r"^\s*註\s*(\d*)\s*[：:]?", nxt.span.text)
        number = match.group(1) if match else ""
        out.append((number, text_at(doc, nxt.span.start, nxt.span.end)))
    return out


# -- facilities ------------------------------------------------------------------------
_FIGURE = re.compile(r"(\d+(?:,\d{3})*(?:\.\d+)?)(?:小時|時|人次|人|hrs?|h)?")
_DIGITS = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
_ROW_PERIOD = re.compile(r"[（(]\s*([^()（）]+?)\s*[)）]")


def read_facilities(doc: SourceDocument, table: Table, legend: list[LegendEntry], known: dict[str, Facility]) -> list[Cell]:
    """Add the table's cells to the plants in ``known`` (one table may hold SAQ and VAP, another SA8000).

    Plants are the columns (項目 | 北廠 (1廠) | …, rows SAQ / VAP / SA8000) or, transposed, the rows.
    Returns the cells holding a symbol that no legend of the document explains.
    """
    unexplained: list[Cell] = []
    meaning = {entry.symbol: entry.value for entry in legend}
    for facility, label_cell, cell in _plant_cells(doc, table, known):
        label = cell_text(doc, label_cell)
        programme = _programme(label.text) if label else None
        if programme is None:
            continue
        period = _row_period(label.text)
        value = "".join(cell.text.split())  # a narrow column wraps 181.1 as 181. 1
        number = parse_number(value) if _DIGITS.fullmatch(value) else None
        score = None
        if number is not None:
            score = Metric(metric_key("facility", facility.key, programme, period.label if period else ""), f"{programme}-score",
                           number, "point", "分", _cell_span(doc, cell), facility.name + f" ({facility.code})",
                           subject_key=facility.key, period=period)
            done = True
        elif value in meaning:
            done = meaning[value]
        elif not value or value in "-－—–":
            done = None
        else:
            unexplained.append(cell)
            continue
        facility.assessments.append(FacilityAssessment(programme, label, period, done, score, cell.span))
    return unexplained


def _programme(label: str) -> str | None:
    words = vocab.table_vocabulary("facilities")
    return next((p for p in ("sa8000", "saq", "vap") if vocab.matches_header(label, words[p])), None)


def _facility(doc: SourceDocument, cell: Cell, known: dict[str, Facility]) -> Facility | None:
    plant = plant_of(cell)
    if plant is None:
        return None
    name, code = plant
    key = code or name
    if key not in known:
        known[key] = Facility(key, name, code, _cell_span(doc, cell))
    return known[key]


def _plant_cells(doc: SourceDocument, table: Table, known: dict[str, Facility]):
    """(plant, the row or column label naming the programme, the cell) for every cell of a plant table."""
    if table.kind == "facilities":
        columns = {c.col: f for c in table.header if (f := _facility(doc, c, known)) is not None}
        for row in table.rows:
            label = next((c for c in row if c.col not in columns and not c.is_empty), None)
            for cell in row:
                if label is not None and cell.col in columns:
                    yield columns[cell.col], label, cell
    else:
        labels = {c.col: c for c in table.header if c.col in table.roles}
        for row in table.rows:
            facility = next((f for c in row if c.col not in labels and (f := _facility(doc, c, known)) is not None), None)
            for cell in row:
                if facility is not None and cell.col in labels:
                    yield facility, labels[cell.col], cell


def _row_period(label: str) -> Period | None:
    match = _ROW_PERIOD.search(label)
    if not match:
        return None
    inner = "".join(match.group(1).split())  # a narrow column wraps 2022-2023 as 2022-202 3
    ends = parse_period(inner)
    if ends is not None:
        return Period(ends[0].iso(), ends[1].iso(), inner)
    year = year_in(inner)
    return Period(year, year, inner) if year else None


def read_legend(doc: SourceDocument) -> list[LegendEntry]:
    """Symbols a table note explains (● 已執行 ○ 未執行), read from the text, not assumed."""
    words = "|".join(re.escape(w) for w, _ in vocab.legend_words())
    # A symbol is one mark that is not a word character (●, ○, ✓), or a lone V / O / X.
    # The meaning word stands alone (● 已執行 ○ 未執行), not at the start of a sentence (• 符合客戶…).
    pattern = re.compile(rf"(?:(?<![A-Za-z0-9])([VOXvox])(?![A-Za-z0-9])|([^\s\w（）()：:，,。、<>\"'/=]))\s*[：:=]?\s*({words})"
                         rf"(?=[\s,，;；、)）]|$)")
    values = dict(vocab.legend_words())
    seen: dict[str, LegendEntry] = {}
    for match in pattern.finditer(doc.text):
        symbol = match.group(1) or match.group(2)
        if symbol not in seen:
            seen[symbol] = LegendEntry(symbol, match.group(3), values[match.group(3)], doc.span(match.start(), match.end()))
    return list(seen.values())


def cell_figure_context(row: list[Cell]) -> str:
    return " ".join(c.text for c in row if not c.is_empty)[:80]


__all__ = [
    "read_training", "read_policies", "read_identification", "read_tools", "read_mechanisms", "read_measures",
    "read_indicators", "read_facilities", "read_legend", "is_note_marker", "split_items",
]


_FULL_MARKS = re.compile(r"滿分\s*(\d+(?:\.\d+)?)")
_BAND_NOTE = re.compile(r"([高中低]風險)\s*[（(]([^()（）]+)[)）]")
_BOUND = re.compile(r"(≥|>|≤|<|＞|＜)\s*(\d+(?:\.\d+)?)")


def scale_metrics(doc: SourceDocument, notes: list[Text], year: str | None) -> list[Metric]:
    """The scales printed in plant-table notes: full marks (滿分 200) and score bands (低風險 (≥80))."""
    out: list[Metric] = []
    period = Period(year, year, None) if year else None
    for note in notes:
        raw = doc.text[note.span.start:note.span.end]
        programme = _programme(raw) or "assessment"
        for match in _FULL_MARKS.finditer(raw):
            span = doc.span(note.span.start + match.start(1), note.span.start + match.end(1))
            out.append(Metric(metric_key("scale", programme, "full-marks"), f"{programme}-full-marks", parse_number(match.group(1)),
                              "point", "分", span, programme.upper(), period=period, description=match.group()))
        for band in _BAND_NOTE.finditer(raw):
            for bound in _BOUND.finditer(band.group(2)):
                offset = note.span.start + band.start(2) + bound.start(2)
                span = doc.span(offset, offset + len(bound.group(2)))
                out.append(Metric(metric_key("scale", programme, band.group(1), bound.group(1)), f"{programme}-band-bound",
                                  parse_number(bound.group(2)), "point", "分", span, band.group(1), period=period,
                                  description=band.group(), at_least=bound.group(1) in "≥"))
    return out
