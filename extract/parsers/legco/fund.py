"""The fund a paper reports on: its name, approval, term and governance.

Everything is found by the kind's wording (設立…基金, 通過撥款, 信託契據, 信託人,
投資的權力, 審計帳目, 諮詢委員會), never by the fund's name.
"""

from __future__ import annotations

import re
from collections import Counter

from ...metrics import Metric
from ...model import Block, SourceDocument
from ...normalise.dates import parse_date
from ...normalise.durations import parse_duration
from ...normalise.money import parse_money
from . import vocabulary as vocab
from .counts import sub_span
from .model import Dated, Fund, Named

_MIN_NAME = 4  # 語文基金: two characters of name and the suffix


def _name_pattern() -> re.Pattern[str]:
    suffixes = vocab.alternation(vocab.table("fund", "suffixes"))
    verbs = vocab.alternation(vocab.table("fund", "establish_verbs"))
    return re.compile(rf"(?:(?:{verbs})「?(?P<est>[^，。、「」\s]{{1,24}}?(?:{suffixes}))」?|「(?P<quoted>[^」]{{1,30}}?(?:{suffixes}))」)")


def fund_name(doc: SourceDocument, blocks: list[Block]) -> tuple[str, Block, int, int] | None:
    """The fund: the one a paragraph says was set up (設立), else the most quoted 「…基金」."""
    established = None
    quoted: Counter[str] = Counter()
    first_quoted: dict[str, tuple[Block, int, int]] = {}
    for block in blocks:
        for m in _name_pattern().finditer(block.text):
            if m["est"] and established is None:
                established = (m["est"], block, m.start("est"), m.end("est"))
            if m["quoted"]:
                quoted[m["quoted"]] += 1
                first_quoted.setdefault(m["quoted"], (block, m.start("quoted"), m.end("quoted")))
    if established:
        return established
    if quoted:
        name = sorted(quoted.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        block, start, end = first_quoted[name]
        return name, block, start, end
    return _most_named(blocks)


def _most_named(blocks: list[Block]) -> tuple[str, Block, int, int] | None:
    """Unquoted and never said to be set up: the name ending in 基金 the paper repeats most (the longest of equals)."""
    suffixes = vocab.alternation(vocab.table("fund", "suffixes"))
    runs = re.compile(rf"[\u4e00-\u9fff]{{2,12}}?(?:{suffixes})")
    text = "\n".join(b.text for b in blocks)
    candidates = {run.group(0)[i:] for run in runs.finditer(text) for i in range(len(run.group(0)) - _MIN_NAME + 1)}
    counted = [(text.count(c), len(c), c) for c in candidates if len(c) >= _MIN_NAME]
    if not counted:
        return None
    name = max(counted)[2]
    block = next(b for b in blocks if name in b.text)
    start = block.text.index(name)
    return name, block, start, start + len(name)


def _dated(doc: SourceDocument, block: Block, m: re.Match[str] | None, group: int | str = 0) -> Dated | None:
    if m is None:
        return None
    parsed = parse_date(m.group(group))
    if parsed is None:
        return None
    return Dated(parsed.iso(), sub_span(doc, block.span, block.text, m.start(group), m.end(group)))


def _named(doc: SourceDocument, block: Block, m: re.Match[str] | None, group: int | str) -> Named | None:
    if m is None or not m.group(group):
        return None
    return Named(m.group(group).strip(), sub_span(doc, block.span, block.text, m.start(group), m.end(group)))


def _date_re() -> str:
    return vocab.DATE.pattern


def parse_fund(doc: SourceDocument, blocks: list[Block]) -> Fund | None:
    named = fund_name(doc, blocks)
    if named is None:
        return None
    name, block, start, end = named
    fund = Fund(name, sub_span(doc, block.span, block.text, start, end))
    _approval(doc, blocks, fund)
    _governance(doc, blocks, fund)
    return fund


def _approval(doc: SourceDocument, blocks: list[Block], fund: Fund) -> None:
    verbs = vocab.alternation(vocab.table("fund", "approval_verbs"))
    amount_re = re.compile(rf"(?:{verbs})\s*(?P<amount>{vocab.AMOUNT.pattern})")
    bodies = vocab.table("fund", "approving_bodies")
    # The paragraph naming the fund first; else one where an approving body grants money (「該基金」).
    named = [b for b in blocks if fund.name in b.text]
    others = [b for b in blocks if fund.name not in b.text and any(body in b.text for body in bodies)]
    for block in named + others:
        m = amount_re.search(block.text)
        if not m:
            continue
        money = parse_money(m["amount"], vocab.table("paper", "default_currency"))
        if money is None:
            continue
        fund.approved_amount, fund.currency = money.amount, money.currency
        end = m.start("amount") + len(m["amount"].rstrip())
        fund.amount_span = sub_span(doc, block.span, block.text, m.start("amount"), end)
        fund.amount_metric = Metric(
            key="fund/approved-amount",
            measure="approved-amount",
            value=money.amount,
            unit=money.currency or vocab.table("paper", "default_currency"),
            unit_label=vocab.printed_unit(m["amount"]),
            span=fund.amount_span,
            subject_label=fund.name,
            subject_key="fund",
        )
        fund.approved = _dated(doc, block, vocab.DATE.search(block.text[: m.start()]))
        for body in bodies:
            at = block.text.find(body, 0, m.start())
            if at != -1:
                fund.approved_by = Named(body, sub_span(doc, block.span, block.text, at, at + len(body)))
                break
        markers = vocab.alternation(vocab.table("fund", "term_markers"))
        term = re.search(rf"(?:{markers})\s*(?P<term>[{vocab.CJK_NUMERAL[1:-1]}]+\s*(?:個)?\s*年)", block.text)
        if term and (duration := parse_duration(term["term"])) is not None and duration.unit == "year":
            fund.term_years = duration.value
            fund.term_span = sub_span(doc, block.span, block.text, term.start("term"), term.end("term"))
        return


def _governance(doc: SourceDocument, blocks: list[Block], fund: Fund) -> None:
    date = _date_re()
    # A post may carry its portfolio in brackets: 首席助理秘書長（財政）.
    post = rf"(?:{vocab.alternation(vocab.table('fund', 'post_suffixes'))})(?:[（(][^）)]{{1,8}}[）)])?"
    trustee = vocab.table("fund", "trustee")
    signed = vocab.table("fund", "signed")
    committee = vocab.table("fund", "advisory_committee")
    for block in blocks:
        text = block.text
        if any(word in text for word in vocab.table("fund", "trust_deed")) and fund.trust_deed_signed is None:
            fund.trust_deed_signed = _dated(doc, block, re.search(rf"{date}(?=[^。]*{signed})", text))
            fund.trust_deed_signed_by = _named(doc, block, re.search(rf"由(?P<who>[^，。由]{{2,30}}?)\s*{signed}", text), "who")
        if trustee in text and fund.trustee is None:
            fund.trustee = _named(doc, block, re.search(rf"(?P<who>[^，。；]{{2,30}}?{post})\s*(?:是|為|擔任)[^，。；]*?{trustee}", text), "who")
        if any(word in text for word in vocab.table("fund", "investment")) and fund.investment_powers_from is None:
            m = re.search(rf"自\s*(?P<date>{date})\s*起\s*[，,]?\s*(?P<who>[^，。]{{2,30}}?{post})?", text)
            if m:
                fund.investment_powers_from = _dated(doc, block, m, "date")
                fund.investment_delegate = _named(doc, block, m, "who")
        if any(word in text for word in vocab.table("fund", "audited_accounts")) and fund.audited_accounts_to is None:
            fund.audited_accounts_to = _dated(doc, block, re.search(rf"截至\s*(?P<date>{date})", text), "date")
        if committee in text and fund.advisory_committee is None:
            m = re.search(rf"「(?P<name>[^」]*?{committee})」|(?P<bare>[^，。「」\s]{{2,30}}?{committee})", text)
            if m:
                group = "name" if m["name"] else "bare"
                fund.advisory_committee = _named(doc, block, m, group)
                est = re.search(rf"(?P<date>{date})\s*{vocab.table('fund', 'established')}", text[m.end():])
                if est:
                    offset = m.end()
                    fund.advisory_committee_established = Dated(
                        parse_date(est["date"]).iso(),
                        sub_span(doc, block.span, text, offset + est.start("date"), offset + est.end("date")),
                    )
