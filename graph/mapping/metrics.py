"""Metrics as W3C Data Cube observations (and tl:Metric), shared by every kind's mapping."""

from __future__ import annotations

from pyoxigraph import NamedNode

from ...extract.metrics import Metric, Period
from ..namespaces import tl
from .writer import GraphWriter, date_literal, literal


def unit_node(unit: str) -> NamedNode:
    return tl["unit/" + unit]


def measure_node(measure: str) -> NamedNode:
    return tl["measure/" + measure]


def period_literal(period: Period):
    iso = period.iso
    if iso is None:
        return None
    if "/" in iso:
        return literal(iso)
    return date_literal(iso)


def map_metric(out: GraphWriter, metric: Metric, subject: NamedNode | None = None) -> NamedNode:
    """Emit one metric; ``subject`` is the node of what it measures, when the kind has one."""
    node = out.node("metric", metric.key)
    out.fact(node, tl.Metric, metric.span)
    out.add(node, tl.inDocument, out.document)
    out.add(node, tl.measure, measure_node(metric.measure))
    out.add_value(node, tl.value, metric.value)
    out.add(node, tl.unit, unit_node(metric.unit))
    out.add(node, tl.unitLabel, literal(metric.unit_label))
    if subject is not None:
        out.add(node, tl.subject, subject)
    out.add_text(node, tl.subjectLabel, metric.subject_label)
    out.add_text(node, tl.description, metric.description)
    if metric.period is not None:
        out.add(node, tl.period, period_literal(metric.period))
        out.add(node, tl.periodStart, date_literal(metric.period.start) if metric.period.start else None)
        out.add(node, tl.periodEnd, date_literal(metric.period.end) if metric.period.end else None)
        out.add_text(node, tl.periodLabel, metric.period.label)
    if metric.approximate:
        out.add_value(node, tl.approximate, True)
    if metric.at_least:
        out.add_value(node, tl.atLeast, True)
    out.add_value(node, tl.derived, metric.derived)
    if metric.derivation:
        out.add(node, tl.derivation, literal(metric.derivation, lang="en"))
    return node

