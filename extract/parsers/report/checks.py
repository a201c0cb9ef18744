"""Consistency checks: figures the report states against what its other figures imply."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from decimal import Decimal

from ...metrics import Metric
from .figures import metric_key
from .model import ConsistencyCheck, RiskIssue, Training


def _fmt(value: Decimal) -> str:
    return f"{value:,}"


def _round_like(value: Decimal, like: Decimal) -> Decimal:
    exponent = like.as_tuple().exponent
    return value.quantize(Decimal(1).scaleb(exponent)) if isinstance(exponent, int) and exponent < 0 else value


def training_checks(training: Training) -> tuple[list[ConsistencyCheck], list[Metric]]:
    """hours × attendance = total per course; column sums = stated totals."""
    checks: list[ConsistencyCheck] = []
    derived: list[Metric] = []
    for course in training.courses:
        product = course.hours.value * course.attendance.value
        holds = _round_like(product, course.total_hours.value) == course.total_hours.value
        checks.append(ConsistencyCheck(
            key=metric_key("row-product", training.key, course.key), kind="row-product", subject=course.name.text, holds=holds,
            detail=(f"course {course.number or ''} {course.name.text}: {_fmt(course.hours.value)} h × {_fmt(course.attendance.value)} "
                    f"person-times = {_fmt(product)} h; stated total {_fmt(course.total_hours.value)} h").replace("  ", " "),
            stated=course.total_hours, computed=product, inputs=[course.hours, course.attendance],
        ))
    for role, stated, unit in (("attendance", training.stated_attendance, "person-times"), ("training-hours", training.stated_total_hours, "h")):
        column = [c.attendance if role == "attendance" else c.total_hours for c in training.courses]
        if not column:
            continue
        total = sum((m.value for m in column), Decimal(0))
        template = column[0]
        derived.append(replace(
            template, key=metric_key("training-sum", training.key, role), value=total, subject_label="all courses",
            subject_key=None, description=None, derived=True,
            derivation=f"sum of the {len(column)} course rows of the training table",
            span=training.table,
        ))
        if stated is None:
            continue
        checks.append(ConsistencyCheck(
            key=metric_key("column-sum", training.key, role), kind="column-sum",
            subject=f"{role} total {training.key}".strip(), holds=total == stated.value,
            detail=f"sum of {role} over {len(column)} courses = {_fmt(total)} {unit}; stated total {_fmt(stated.value)} {unit}",
            stated=stated, computed=total, inputs=column,
        ))
    return checks, derived


def rating_count_checks(stated: list[Metric], issues: list[RiskIssue], rating_of) -> list[ConsistencyCheck]:
    """'4 medium risks and 1 high risk' against the ratings of the risk tables.

    Reports state such counts for their own operations or for all scopes
    together; the check holds when the statement agrees with either, and its
    detail says which, or gives both counts when it agrees with neither.
    """
    checks = []
    own: Counter[str] = Counter(i.rating for i in issues if i.scope.scope == "own-operations")
    every: Counter[str] = Counter(i.rating for i in issues)
    for metric in stated:
        rating = rating_of(metric.description or "")
        if rating is None:
            continue
        if own[rating] != metric.value and every[rating] == metric.value and every != own:
            scope, computed = "all scopes", every[rating]
        else:
            scope, computed = "own-operations", own[rating]
        holds = computed == metric.value
        detail = f"stated {_fmt(metric.value)} {rating}-risk issues; the {scope} tables rate {computed} issues {rating}"
        if not holds:
            detail += f" (all scopes together: {every[rating]})"
        checks.append(ConsistencyCheck(
            key=metric_key("rating-count", scope.replace(" ", "-"), rating), kind="stated-count",
            subject=f"{rating} risks in {scope}", holds=holds,
            detail=detail, stated=metric, computed=Decimal(computed), inputs=[],
        ))
    return checks
