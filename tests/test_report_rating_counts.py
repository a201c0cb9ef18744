"""A report's stated count of rated risks is checked against its risk tables, own operations or all scopes."""

from __future__ import annotations

from decimal import Decimal

from tiaoli.extract.metrics import Metric
from tiaoli.extract.model import Span
from tiaoli.extract.parsers.report import vocab
from tiaoli.extract.parsers.report.checks import rating_count_checks
from tiaoli.extract.parsers.report.model import RiskIssue, ScopeRef, Text

SPAN = Span("doc", 0, 1, 1, "x")


def issue(name: str, scope: str, rating: str) -> RiskIssue:
    return RiskIssue(name, Text(name, SPAN), ScopeRef(scope, (), scope, SPAN), rating, SPAN)


def stated(count: int, words: str) -> Metric:
    return Metric(f"k-{words}", "risk-issues", Decimal(count), "issue", "項", SPAN, "report", description=words)


ISSUES = [
    issue("工時", "own-operations", "high"),
    issue("童工", "own-operations", "medium"),
    issue("工時", "value-chain", "high"),
    issue("童工", "value-chain", "medium"),
    issue("隱私", "value-chain", "medium"),
]


def test_a_count_of_own_operations_holds():
    (check,) = rating_count_checks([stated(1, "高度風險")], ISSUES, vocab.rating)
    assert check.holds and check.subject == "high risks in own-operations"


def test_a_count_over_all_scopes_holds_and_says_so():
    (check,) = rating_count_checks([stated(3, "中度風險")], ISSUES, vocab.rating)
    assert check.holds and check.subject == "medium risks in all scopes"


def test_a_count_matching_no_table_fails_with_both_counts():
    (check,) = rating_count_checks([stated(5, "中度風險")], ISSUES, vocab.rating)
    assert not check.holds
    assert "own-operations tables rate 1" in check.detail and "all scopes together: 3" in check.detail
