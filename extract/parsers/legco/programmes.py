"""Programmes: the `(a)`–`(e)` list and one progress table per programme.

A progress table is recognised by its row labels (策略, 推行進度, 受惠者數目,
成效反思, 成果及影響, 累計支出, 未來發展 — lexicon [rows]); a row with an
empty first cell continues the row above (a page break split it).  The
programme a table belongs to is named by the heading above it, or by the
「下表概述…的推行情況」 sentence, and matched to the list entry of the same name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...metrics import Metric, Period
from ...model import Block, BlockKind, Cell, Fragment, SourceDocument, Span
from ...normalise.dates import parse_date, parse_period
from ...normalise.money import parse_money
from ...normalise.numerals import parse_int
from ..base import DataQualityNote
from . import vocabulary as vocab
from .counts import extract_counts, sub_span
from .model import Named, PhaseAnnouncement, Programme, Project, Statement, SubScheme

# (a) … / (ii) … / (一) …, each up to a ；, a final 。 or the end of the line.
_INLINE_ENTRY = re.compile(
    r"[（(]([a-z]|[ivx]{2,4}|[一二三四五六七八九十]{1,3})[)）]\s*((?:[^()（）；;。]|[（(][^()（）]*[)）])+?)\s*(?:[；;，,]\s*(?:及|和)?\s*|。|$)"
)
_TABLE_INTRO = re.compile(r"下表(?:概述|列出|載列|臚列)(?P<name>.+?)的")
_FINISHED = re.compile(r"[。！？：；」）)]$")
_SUB_HEADING_MAX = 20
_SCHOOL_YEAR_LABEL = re.compile(r"(?P<a>\d{4}\s*/\s*\d{2})(?:\s*(?P<sep>至|及)\s*(?P<b>\d{4}\s*/\s*\d{2}))?")
# (3) 優質學校改進計劃(2004-2009) (香港中文大學教育學院香港教育研究所): a title may hold brackets
# of its own, but not ones opening with a digit, which start the years.
_PROJECT = re.compile(
    r"\(\s*(?P<number>\d{1,2})\s*\)\s*(?P<title>(?:[^()（）\n]|[（(][^()（）\d][^()（）]*[)）])+?)\s*"
    r"[（(]\s*(?P<y1>\d{4})\s*[-–—－]\s*(?P<y2>\d{4})\s*[)）]\s*[（(](?P<org>[^()（）]+)[)）]"
)
_MIN_TABLE_ROLES = 2
_EMPHASIS = {"u", "b", "strong", "em"}
_SCHEME_NAME = re.compile(r"[\u3400-\u9fff]{2,12}")
_SENTENCE_OPENERS = "。：:；"
_MIN_SCHEME_ROWS = 3
_LIST_GLYPHS = " \t-*+•●"


@dataclass(slots=True)
class ListEntry:
    letter: str
    name: str
    span: Span
    letter_span: Span


def programme_list(doc: SourceDocument) -> list[ListEntry]:
    """The lettered list of programmes: list items `(a) …`, or `(a) …；(b) …` inside one paragraph."""
    entries: list[ListEntry] = []
    for block in doc.blocks:
        if block.kind is BlockKind.TABLE:
            continue
        # The loader strips a leading `(a)` as a list marker, so read the whole line.
        start = doc.text.rfind("\n", 0, block.span.start) + 1
        line = doc.text[start:block.span.end]
        found = list(_INLINE_ENTRY.finditer(line))
        opens_line = bool(found) and found[0].start() == len(line) - len(line.lstrip(_LIST_GLYPHS))
        if opens_line or len(found) >= 2:
            for e in found:
                letter_end = line.index(")" if ")" in line[e.end(1):e.end(1) + 1] else "）", e.end(1)) + 1
                entries.append(
                    ListEntry(e.group(1), e.group(2).strip(), doc.span(start + e.start(2), start + e.end(2)), doc.span(start + e.start(), start + letter_end))
                )
    seen: set[str] = set()
    unique = []
    for entry in entries:
        if entry.letter not in seen:
            seen.add(entry.letter)
            unique.append(entry)
    return unique


def split_row(row: list[Cell]) -> tuple[Cell | None, list[Cell]]:
    """A row's label cell (first column) and its content cells; a label spanning rows leaves later rows without one."""
    label = next((c for c in row if c.col == 0), None)
    return label, [c for c in row if c is not label]


def _label(cell: Cell | None) -> str:
    return "".join(cell.text.split()) if cell is not None else ""


def is_progress_table(block: Block) -> bool:
    roles = {vocab.row_role(_label(split_row(row)[0])) for row in block.rows if row}
    roles.discard(None)
    return len(roles) >= _MIN_TABLE_ROLES


@dataclass(slots=True)
class RowGroup:
    role: str
    label_spans: list[Span] = field(default_factory=list)
    label_text: str = ""
    rows: list[list[Cell]] = field(default_factory=list)  # content cells of each row
    continued: list[bool] = field(default_factory=list)  # row continues the one above


def row_groups(rows: list[list[Cell]], notes: list[DataQualityNote]) -> list[RowGroup]:
    groups: list[RowGroup] = []
    pending: list[tuple[Cell, list[Cell]]] = []  # labelled rows waiting for the role of the row below
    rows = [row for row in rows if row and not all(c.is_header for c in row)]
    split = [split_row(row) for row in rows]
    roles = [vocab.row_role(_label(label)) for label, _ in split]
    for i, row in enumerate(rows):
        label_cell, content = split[i]
        label = _label(label_cell)
        role = roles[i]
        if role is None and label and not _is_layout(label):
            following = next((roles[j] for j in range(i + 1, len(rows)) if _label(split[j][0])), None)
            if following is not None and not _is_layout(label):
                pending.append((label_cell, content))
                continue
        if role is None and _is_layout(label) and all(_is_layout(c.text) for c in content):
            for cell in [c for c in (label_cell, *content) if c is not None]:
                if cell.fragments:
                    notes.append(DataQualityNote("layout-artifact", "a separator row with no content inside a progress table", cell.span))
            continue
        if role is not None:
            group = RowGroup(role)
            for cell, pending_content in pending:
                group.label_spans.extend(f.span for f in cell.fragments)
                group.label_text += " " + " ".join(cell.text.split())
                group.rows.append(pending_content)
                group.continued.append(False)
            pending = []
            group.label_spans.extend(f.span for f in label_cell.fragments)  # a row with a role has a label
            group.label_text = (group.label_text + " " + " ".join(label_cell.text.split())).strip()
            group.rows.append(content)
            group.continued.append(False)
            groups.append(group)
        elif groups:
            groups[-1].rows.append(content)
            groups[-1].continued.append(True)
            groups[-1].label_spans.extend(f.span for f in (label_cell.fragments if label_cell else []))
    return groups


def _is_layout(text: str) -> bool:
    return not re.search(r"[\w\u3400-\u9fff]", text)


def label_period(label: str) -> Period | None:
    """The period a row label names: `(9.2004 至 6.2008)` or `2006/07 至 2007/08`."""
    inner = re.search(r"[（(]([^()（）]+)[)）]", label)
    candidate = inner.group(1) if inner else label
    ends = parse_period(candidate)
    if ends is not None and ends[0].month is not None:
        return Period(ends[0].iso(), ends[1].iso(), _spaced(candidate))
    until = re.search(rf"截至\s*(?P<date>{vocab.DATE.pattern})", candidate)
    if until and (end := parse_date(until["date"])) is not None:
        return Period(None, end.iso(), _spaced(candidate))
    m = _SCHOOL_YEAR_LABEL.search(label)
    if m:
        first = re.sub(r"\s+", "", m["a"])
        last = re.sub(r"\s+", "", m["b"]) if m["b"] else first
        return Period(first[:4], str(int(last[:4]) + 1), _spaced(m.group(0)))
    return None


def _spaced(label: str) -> str:
    """A period label in one spacing however it was printed: `9.2004至 6.2008` → `9.2004 至 6.2008`."""
    return re.sub(r"\s*(至|及)\s*", r" \1 ", " ".join(label.split())).strip()


@dataclass(slots=True)
class _Piece:
    fragment: Fragment
    row_start: bool  # first fragment of a row that continues the one above


def _pieces(group: RowGroup) -> list[_Piece]:
    pieces = []
    for cells, continued in zip(group.rows, group.continued):
        first = True
        for cell in cells:
            for fragment in cell.fragments:
                if not fragment.text.strip() or _is_layout(fragment.text):
                    continue
                pieces.append(_Piece(fragment, first and continued))
                first = False
    return pieces


def _is_sub_heading(doc: SourceDocument, fragment: Fragment, prev_end: int, next_start: int) -> bool:
    if fragment.tag not in _EMPHASIS:
        return False
    text = fragment.text.strip()
    if len(text) > _SUB_HEADING_MAX or re.search(r"[，。：；,:;]", text):
        return False
    before = doc.text[prev_end:fragment.span.start]
    after = doc.text[fragment.span.end:next_start]
    return ("<p" in before or "<br" in before or prev_end == fragment.span.start) and ("</p>" in after or "<br" in after)


def _group_text(group: RowGroup) -> str:
    return "".join(f.text.strip() for cells in group.rows for c in cells for f in c.fragments)


def _sentence_starts(text: str) -> list[int]:
    return [0] + [i + 1 for i, ch in enumerate(text) if ch in _SENTENCE_OPENERS and i + 1 < len(text)]


def infer_sub_schemes(texts: list[str]) -> list[str]:
    """Sub-scheme names of a table printed without emphasis (a PDF): the words that open a
    sentence in every row of the table, the first of them opening the row itself.

    `本地導師以全職…。海外導師透過…` in each row gives 本地導師 and 海外導師.
    """
    texts = [t for t in texts if t]
    if len(texts) < _MIN_SCHEME_ROWS:
        return []
    common: set[str] | None = None
    for text in texts:
        found = set()
        for start in _sentence_starts(text):
            run = _SCHEME_NAME.match(text, start)
            if run:
                found.update(run.group(0)[:n] for n in range(2, len(run.group(0)) + 1))
        common = found if common is None else common & found
    if not common:
        return []
    longest = [w for w in common if not any(o != w and o.startswith(w) for o in common)]
    first = [w for w in longest if all(t.startswith(w) for t in texts)]
    if not first:
        return []
    order = {w: texts[0].find(w) for w in longest}
    names = sorted(longest, key=lambda w: (order[w], w))
    return names if len(names) >= 2 else []


def _scheme_segments(text: str, names: list[str]) -> list[tuple[str | None, int, int]]:
    """``text`` cut where a sub-scheme name opens a sentence: (name, start, end) for each name, (None, start, end) for text."""
    pieces: list[tuple[str | None, int, int]] = []
    position = 0
    for start in _sentence_starts(text) if names else []:
        name = next((n for n in sorted(names, key=len, reverse=True) if text.startswith(n, start)), None)
        if name:
            pieces.append((None, position, start))
            pieces.append((name, start, start + len(name)))
            position = start + len(name)
    pieces.append((None, position, len(text)))
    return [(name, *_stripped(text, a, b)) for name, a, b in pieces if name is not None or text[a:b].strip()]


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    segment = text[start:end]
    return start + len(segment) - len(segment.lstrip()), start + len(segment.rstrip())


class ProgrammeReader:
    """Reads one programme's progress table(s) into a :class:`Programme`."""

    def __init__(self, doc: SourceDocument, programme: Programme, notes: list[DataQualityNote]):
        self.doc = doc
        self.programme = programme
        self.notes = notes
        self._schemes: dict[str, SubScheme] = {}

    def read(self, table: Block) -> None:
        groups = row_groups(table.rows, self.notes)
        emphasised = any(f.tag in _EMPHASIS for c in table.cells for f in c.fragments)
        self._plain_schemes = [] if emphasised else infer_sub_schemes([_group_text(g) for g in groups if g.role != "expenditure"])
        for group in groups:
            self.programme.row_labels.extend(group.label_spans)
            self._read_group(group, table)

    def _scheme(self, name: str, span: Span) -> str:
        key = vocab.comparable(name)
        scheme = self._schemes.get(key)
        if scheme is None:
            scheme = self._schemes[key] = SubScheme(f"{self.programme.key}/{key}", name, [])
            self.programme.sub_schemes.append(scheme)
        scheme.spans.append(span)
        return scheme.key

    def _read_group(self, group: RowGroup, table: Block) -> None:
        role = group.role
        period = label_period(group.label_text)
        if role == "expenditure":
            self._expenditure(group, period)
            return
        pieces = _pieces(group)
        statements: list[Statement] = []
        scheme: str | None = None
        fragments = [p.fragment for p in pieces]
        for i, piece in enumerate(pieces):
            fragment = piece.fragment
            prev_end = fragments[i - 1].span.end if i else table.span.start
            next_start = fragments[i + 1].span.start if i + 1 < len(fragments) else table.span.end
            if _is_sub_heading(self.doc, fragment, prev_end, next_start) or (
                fragment.tag in _EMPHASIS and any(s.name == fragment.text.strip() for s in self.programme.sub_schemes)
            ):
                scheme = self._scheme(fragment.text.strip(), fragment.span)
                continue
            for name, start, end in _scheme_segments(fragment.text, self._plain_schemes):
                span = sub_span(self.doc, fragment.span, fragment.text, start, end)
                if name is not None:
                    scheme = self._scheme(name, span)
                    continue
                text = fragment.text[start:end]
                if piece.row_start and start == 0 and statements and not _FINISHED.search(statements[-1].text):
                    statements[-1].text += text
                    statements[-1].spans.append(span)
                    continue
                n = len([s for s in statements if s.sub_scheme == scheme]) + 1
                key = f"{self.programme.key}/{role}/{scheme.rsplit('/', 1)[-1] if scheme else 'main'}/{n}"
                statements.append(Statement(key, role, text, [span], scheme, period, lead_in=text.endswith(("：", ":"))))
        if role == "progress":
            statements = self._projects(statements)
        self.programme.statements.extend(statements)
        if role in {"beneficiaries", "progress"}:
            self._counts(role, statements, period)

    def _expenditure(self, group: RowGroup, period: Period | None) -> None:
        currency = vocab.table("paper", "default_currency")
        for piece in _pieces(group):
            fragment = piece.fragment
            money = parse_money(fragment.text, currency)
            if money is None:
                # The amount with a remark beside it: 12.5 百萬元（約）.
                found = next((m for m in vocab.AMOUNT.finditer(fragment.text) if m.group(0).strip()), None)
                money = parse_money(found.group(0), currency) if found else None
            if money is None:
                continue
            self.programme.expenditure = Metric(
                key=f"{self.programme.key}/expenditure",
                measure="expenditure",
                value=money.amount,
                unit=money.currency or "HKD",
                unit_label=vocab.printed_unit(fragment.text),
                span=fragment.span,
                subject_label=self.programme.name,
                subject_key=self.programme.key,
                period=period,
                description=" ".join(group.label_text.split()) or None,
            )
            return

    def _counts(self, role: str, statements: list[Statement], period: Period | None) -> None:
        by_subject: dict[str | None, list[Statement]] = {}
        for statement in statements:
            if not any(statement is p.description for p in self.programme.projects):
                by_subject.setdefault(statement.sub_scheme, []).append(statement)
        for scheme_key, group in by_subject.items():
            scheme = next((s for s in self.programme.sub_schemes if s.key == scheme_key), None)
            facts = extract_counts(
                self.doc,
                [(s.text, s.spans[0]) for s in group],
                key_prefix=f"{scheme_key or self.programme.key}/{'beneficiaries' if role == 'beneficiaries' else 'count'}",
                measure="beneficiaries" if role == "beneficiaries" else "count",
                subject_label=scheme.name if scheme else self.programme.name,
                subject_key=scheme_key or self.programme.key,
                fallback=period,
            )
            target = self.programme.beneficiaries if role == "beneficiaries" else self.programme.other_counts
            target.extend(facts.metrics)
            self.programme.parts.extend(facts.parts)

    def _projects(self, statements: list[Statement]) -> list[Statement]:
        """Projects listed in progress statements, each under the last phase marker (第一期) before it.

        A project line may be a statement of its own (its description the statement after it)
        or run on inside a longer text (a PDF cell), its description the text up to the next one.
        """
        kept: list[Statement] = []
        phase: int | None = None
        last: Project | None = None
        for statement in statements:
            text = statement.text
            events = sorted(
                [(m.start(), "phase", m) for m in vocab.phase_pattern().finditer(text)]
                + [(m.start(), "project", m) for m in _PROJECT.finditer(text)],
                key=lambda e: e[0],
            )
            whole = len(events) == 1 and events[0][1] == "project" and events[0][2].group(0) == text.strip()
            if not events and last is not None and last.description is None and not statement.lead_in:
                last.description = statement
                continue
            last = None
            for n, (at, kind, m) in enumerate(events):
                if kind == "phase":
                    phase = parse_int(m.group(1))
                    declared = re.search(rf"([{vocab.CJK_NUMERAL[1:-1]}]+)\s*個?\s*項", text[m.end():])
                    count = parse_int(declared.group(1)) if declared else None
                    self.programme.phases.append(PhaseAnnouncement(phase or 0, count, self._sub(statement, m.start(), m.end())))
                    continue
                last = self._project(statement, m, phase)
                following = events[n + 1][0] if n + 1 < len(events) else len(text)
                rest = text[m.end():following].strip()
                if len(rest) > 1:
                    offset = text.index(rest, m.end())
                    last.description = Statement(f"{last.key}/description", "progress", rest, [self._sub(statement, offset, offset + len(rest))])
            if not whole:
                kept.append(statement)
        return kept

    def _sub(self, statement: Statement, start: int, end: int) -> Span:
        return sub_span(self.doc, statement.spans[0], statement.text, start, end)

    def _project(self, statement: Statement, m: re.Match[str], phase: int | None) -> Project:
        number = int(m["number"])
        institution, department = split_institution(m["org"].strip())
        project = Project(
            key=f"{self.programme.key}/project/{phase or 0}/{number}",
            phase=phase or 0,
            number=number,
            title=" ".join(m["title"].split()),
            institution=institution,
            department=department,
            start_year=int(m["y1"]),
            end_year=int(m["y2"]),
            span=self._sub(statement, m.start(), m.end()),
        )
        self.programme.projects.append(project)
        return project


def split_institution(org: str) -> tuple[str | None, str | None]:
    """`香港教育學院評估研究及發展中心` → (香港教育學院, 評估研究及發展中心)."""
    suffixes = vocab.alternation(vocab.table("projects", "institution_suffixes"))
    m = re.match(rf"^(.+?(?:{suffixes}))(.*)$", org)
    if not m:
        return org or None, None
    return m.group(1), (m.group(2).strip() or None)


def table_names(doc: SourceDocument, tables: list[Block]) -> list[tuple[Named | None, Named | None, int | None]]:
    """For each progress table: its heading, its 「下表概述…」 name, and the paragraph number of that sentence."""
    result = []
    previous_end = -1
    for table in tables:
        heading = intro = None
        paragraph = None
        for block in doc.blocks[previous_end + 1 : table.index]:
            if block.kind is BlockKind.HEADING:
                # A section heading (背景, 計劃進度) ends whatever heading came before, such as the title.
                heading = Named(block.text.strip(), block.span) if vocab.section_role(block.text) is None else None
            m = _TABLE_INTRO.search(block.text) if block.kind is not BlockKind.TABLE else None
            if m:
                intro = Named(m["name"], sub_span(doc, block.span, block.text, m.start("name"), m.end("name")))
                number = re.match(r"(\d+)", block.marker)
                paragraph = int(number.group(1)) if number else None
        result.append((heading, intro, paragraph))
        previous_end = table.index
    return result


def read_programmes(doc: SourceDocument, notes: list[DataQualityNote]) -> list[Programme]:
    tables = [b for b in doc.blocks if b.kind is BlockKind.TABLE and is_progress_table(b)]
    entries = programme_list(doc)
    names = table_names(doc, tables)
    # A table with no name of its own continues the programme before it (a page break split it).
    grouped: list[tuple[list[Block], Named | None, Named | None, int | None]] = []
    for table, (heading, intro, paragraph) in zip(tables, names):
        if heading is None and intro is None and grouped:
            grouped[-1][0].append(table)
        else:
            grouped.append(([table], heading, intro, paragraph))
    matched = _match(entries, [(h, i) for _, h, i, _ in grouped])
    programmes = []
    for position, ((blocks, heading, intro, paragraph), entry) in enumerate(zip(grouped, matched), start=1):
        own = heading or intro
        if entry is not None:
            key, letter, name, span = entry.letter, entry.letter, entry.name, entry.span
        elif own is not None:
            key, letter, name, span = str(position), None, own.name, own.span
        else:
            key, letter, name, span = str(position), None, f"programme {position}", blocks[0].span
        programme = Programme(key, letter, name, span, heading=own if own is not None and own.span != span else None, paragraph=paragraph)
        programme.letter_span = entry.letter_span if entry is not None else None
        programme.table_span = doc.span(blocks[0].span.start, blocks[-1].span.end)
        reader = ProgrammeReader(doc, programme, notes)
        for block in blocks:
            reader.read(block)
        _check_phases(programme, notes)
        programmes.append(programme)
    if entries and not programmes:
        programmes = [Programme(e.letter, e.letter, e.name, e.span, letter_span=e.letter_span) for e in entries]
    progress_tables = {t.index for t in tables}
    for block in doc.blocks:
        if block.kind is BlockKind.TABLE and block.index not in progress_tables:
            _expenditure_summary(doc, block, programmes)
    return programmes


def _expenditure_summary(doc: SourceDocument, table: Block, programmes: list[Programme]) -> None:
    """A table of spending by programme (`社區照顧計劃 | 12.5`, unit and period in its header)
    gives the expenditure of programmes whose own table has none."""
    rows = table.rows
    header = " ".join(c.text for row in rows[:1] for c in row)
    if vocab.row_role(header) != "expenditure":
        return
    unit = re.search(r"[（(]\s*((?:港幣)?\s*(?:億|千萬|百萬|萬|千)?\s*(?:港)?元)\s*[)）]", header)
    period = label_period(re.sub(r"[（(]\s*(?:港幣)?\s*(?:億|千萬|百萬|萬|千)?\s*(?:港)?元\s*[)）]", "", header))
    currency = vocab.table("paper", "default_currency")
    for row in rows[1:]:
        label = vocab.comparable(" ".join(c.text for c in row[:1]))
        programme = next((p for p in programmes if vocab.comparable(p.name) in label or (p.heading and vocab.comparable(p.heading.name) in label)), None)
        if programme is None or programme.expenditure is not None:
            continue
        for cell in row[1:]:
            fragment = next((f for f in cell.fragments if f.text.strip()), None)
            money = parse_money(fragment.text + (unit.group(1) if unit else ""), currency) if fragment else None
            if money is None:
                continue
            programme.expenditure = Metric(
                key=f"{programme.key}/expenditure",
                measure="expenditure",
                value=money.amount,
                unit=money.currency or currency,
                unit_label=unit.group(1) if unit else vocab.printed_unit(fragment.text),
                span=fragment.span,
                subject_label=programme.name,
                subject_key=programme.key,
                period=period,
                description=" ".join(header.split()),
            )
            programme.row_labels.extend(f.span for c in row[:1] for f in c.fragments)
            break


def _match(entries: list[ListEntry], names: list[tuple[Named | None, Named | None]]) -> list[ListEntry | None]:
    """The list entry of each table: same name (width, dashes, brackets folded), else the next unused by order."""
    result: list[ListEntry | None] = [None] * len(names)
    used: set[str] = set()
    for i, (heading, intro) in enumerate(names):
        for candidate in (heading, intro):
            if candidate is None:
                continue
            key = vocab.comparable(candidate.name)
            entry = next((e for e in entries if e.letter not in used and vocab.comparable(e.name) == key), None)
            entry = entry or next(
                (e for e in entries if e.letter not in used and (vocab.comparable(e.name) in key or key in vocab.comparable(e.name))), None
            )
            if entry is not None:
                result[i] = entry
                used.add(entry.letter)
                break
    if len(entries) == len(names):
        free = [e for e in entries if e.letter not in used]
        for i in range(len(result)):
            if result[i] is None and free:
                result[i] = free.pop(0)
    return result


def _check_phases(programme: Programme, notes: list[DataQualityNote]) -> None:
    for phase in programme.phases:
        found = sum(1 for p in programme.projects if p.phase == phase.phase)
        if phase.declared_count is not None and found and found != phase.declared_count:
            notes.append(
                DataQualityNote(
                    "count-mismatch",
                    f"phase {phase.phase} is said to have {phase.declared_count} projects but {found} are listed",
                    phase.span,
                )
            )
