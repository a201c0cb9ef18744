"""RDF mapping of a statute's structure, with ELI-style identifiers.

IRI scheme (all under ``https://w3id.org/tiaoli/id/``; each segment made by
:func:`tiaoli.graph.iri.segment`, so Chinese stays readable):

* work (the act whatever its version), ``eli:LegalResource`` and ``tl:Act``::

      eli/<jurisdiction>/law/<title>                 eli/tw/law/商業會計法

* expression (the act's text as of one version date), ``eli:LegalExpression``::

      <work>/<version-date>                          …/商業會計法/2009-06-03
      <work>/undated                                 when the text gives no date

* subdivisions, ``eli:LegalResourceSubdivision``; a division's path lists the
  divisions it sits in, outermost first::

      <expression>/preamble
      <expression>/chapter/4-1                       第四章之一
      <expression>/chapter/2/section/1               第二章第一節
      <expression>/art/15-1                          第十五條之一
      <art>/para/2                                   第二項
      <para>/item/1                                  第一款
      <item>/subitem/1                               第一目

  Levels are ``part`` (編), ``chapter`` (章), ``section`` (節), ``subsection``
  (款), ``division`` (目) and ``heading`` (壹/貳…, 甲/乙…).

The IRIs name the law, not the file: they are built from the jurisdiction,
the title, the version date and the printed numbers, never from the document
id (except for an act whose text gives no title at all: its work is
``doc/<doc-id>/act/<n>``, the n-th act of the document).  Two documents holding two versions of one act therefore share the work
and each add one expression; the same version loaded twice merges.  Every node
is also ``prov:wasDerivedFrom`` the span it was read from, in the graph of the
document it was read from.
"""

from __future__ import annotations

from pyoxigraph import NamedNode

from ...extract.parsers.base import ParsedDocument
from ...extract.parsers.statute.model import Act, Article, Division, Item, Paragraph, ProvisionPath, StatuteCollection, SubItem
from .. import iri
from ..namespaces import eli, rdfs, tl, xsd
from . import statute_norms
from .writer import GraphWriter, date_literal, literal


def work_iri(act: Act, doc_id: str = "", position: int = 1) -> str:
    if not act.title:  # nothing names the law but the file it was read from
        return iri.mint("doc", doc_id, "act", position)
    return iri.mint("eli", act.jurisdiction, "law", act.title)


def expression_iri(act: Act, doc_id: str = "", position: int = 1) -> str:
    return work_iri(act, doc_id, position) + "/" + iri.segment(act.version_date or "undated")


def division_path(act: Act, index: int) -> list[str]:
    parts: list[str] = []
    current: int | None = index
    while current is not None:
        division = act.divisions[current]
        parts[:0] = [division.level, division.number]
        current = division.parent
    return parts


def map_document(parsed: ParsedDocument, out: GraphWriter) -> None:
    root = parsed.root
    if not isinstance(root, StatuteCollection):
        return
    for position, act in enumerate(root.acts, start=1):
        map_act(act, out, position)


def map_act(act: Act, out: GraphWriter, position: int = 1) -> None:
    work = NamedNode(work_iri(act, out.doc_id, position))
    expression = NamedNode(expression_iri(act, out.doc_id, position))
    out.fact(work, eli.LegalResource, act.title_span)
    out.typed(work, tl.Act)
    out.add_text(work, rdfs.label, act.title)
    out.add_value(work, tl.jurisdiction, act.jurisdiction)
    out.add(work, eli.is_realized_by, expression)

    out.fact(expression, eli.LegalExpression, act.title_span)
    out.add(expression, eli.realizes, work)
    out.add_text(expression, eli.title, act.title)
    out.add(expression, tl.inDocument, out.document)
    if act.version_date:
        out.add(expression, eli.version_date, literal(act.version_date, datatype=xsd.date))
        out.add(expression, eli.date_document, date_literal(act.version_date))
    out.add_text(expression, tl.dateText, act.date_text)
    out.derived_from(expression, act.date_span)

    if act.preamble is not None:
        node = NamedNode(expression.value + "/preamble")
        out.fact(node, eli.LegalResourceSubdivision, act.preamble.span)
        out.typed(node, tl.Preamble)
        _part_of(out, node, expression)
        out.add_text(node, tl.text, act.preamble.text)

    division_nodes: list[NamedNode] = []
    for index, division in enumerate(act.divisions):
        node = NamedNode(expression.value + "/" + "/".join(iri.segment(p) for p in division_path(act, index)))
        division_nodes.append(node)
        parent = division_nodes[division.parent] if division.parent is not None else expression
        _division(out, node, division, parent, expression, index + 1)

    article_nodes: dict[str, NamedNode] = {}
    for position, article in enumerate(act.articles, start=1):
        node = NamedNode(expression.value + "/art/" + iri.segment(article.number))
        article_nodes.setdefault(article.number, node)
        parent = division_nodes[article.division] if article.division is not None else expression
        _article(out, node, article, parent, expression, position)

    def provision_node(path: ProvisionPath) -> NamedNode:
        value = expression.value + "/art/" + iri.segment(path.article)
        if path.paragraph is not None:
            value += f"/para/{path.paragraph}"
            if path.item is not None:
                value += f"/item/{path.item}"
                if path.subitem is not None:
                    value += f"/subitem/{path.subitem}"
        return NamedNode(value)

    statute_norms.map_act_semantics(act, out, provision_node)


def _part_of(out: GraphWriter, node: NamedNode, parent: NamedNode) -> None:
    out.add(node, eli.is_part_of, parent)
    out.add(parent, eli.has_part, node)


def _division(out: GraphWriter, node: NamedNode, division: Division, parent: NamedNode, expression: NamedNode, position: int) -> None:
    out.fact(node, eli.LegalResourceSubdivision, division.span)
    out.typed(node, tl.Division)
    _part_of(out, node, parent)
    out.add(node, tl.expression, expression)
    out.add_value(node, tl.divisionLevel, division.level)
    out.add_value(node, eli.number, division.number)
    out.add_text(node, tl.heading, division.heading)
    out.add_text(node, rdfs.label, division.heading)
    out.add_text(node, eli.title, division.title)
    out.add_value(node, tl.position, position)


def _article(out: GraphWriter, node: NamedNode, article: Article, parent: NamedNode, expression: NamedNode, position: int) -> None:
    out.fact(node, eli.LegalResourceSubdivision, article.span)
    out.typed(node, tl.Article)
    _part_of(out, node, parent)
    out.add(node, tl.expression, expression)
    out.add_value(node, eli.number, article.number)
    out.add_text(node, tl.heading, article.label)
    out.add_text(node, rdfs.label, article.label)
    out.add_text(node, tl.text, article.text)
    out.add_text(node, tl.caption, article.caption)
    out.add_value(node, tl.deleted, article.deleted)
    out.add_value(node, tl.position, position)
    out.add(node, tl.article, node)
    _within(out, node, ())
    for paragraph in article.paragraphs:
        _paragraph(out, NamedNode(f"{node.value}/para/{paragraph.number}"), paragraph, (node,))


def _within(out: GraphWriter, node: NamedNode, enclosing: tuple[NamedNode, ...]) -> None:
    """``tl:within`` from a provision to itself and to every provision enclosing it.

    Stated rather than left to ``eli:is_part_of*``: a zero-or-more path is slow on a
    large store, and Virtuoso 7 evaluates it with both ends bound differently from one
    server start to the next.
    """
    out.add(node, tl.within, node)
    for outer in enclosing:
        out.add(node, tl.within, outer)


def _subdivision(out: GraphWriter, node: NamedNode, part: Paragraph | Item | SubItem, cls: NamedNode, enclosing: tuple[NamedNode, ...]) -> None:
    """A 項, 款 or 目: numbered in its parent, with its text and span.

    ``enclosing`` holds the provisions around it, innermost first, ending at its article.
    ``tl:article`` names that article directly, so queries from a norm, penalty or
    citation to its article need no ``eli:is_part_of*`` path (slow on a large store).
    """
    out.fact(node, eli.LegalResourceSubdivision, part.span)
    out.typed(node, cls)
    _part_of(out, node, enclosing[0])
    out.add(node, tl.article, enclosing[-1])
    _within(out, node, enclosing)
    out.add_value(node, eli.number, str(part.number))
    out.add_value(node, tl.position, part.number)
    out.add_text(node, tl.text, part.text)


def _paragraph(out: GraphWriter, node: NamedNode, paragraph: Paragraph, enclosing: tuple[NamedNode, ...]) -> None:
    _subdivision(out, node, paragraph, tl.Paragraph, enclosing)
    for item in paragraph.items:
        _item(out, NamedNode(f"{node.value}/item/{item.number}"), item, (node, *enclosing))


def _item(out: GraphWriter, node: NamedNode, item: Item, enclosing: tuple[NamedNode, ...]) -> None:
    _subdivision(out, node, item, tl.Item, enclosing)
    for sub in item.subitems:
        _subdivision(out, NamedNode(f"{node.value}/subitem/{sub.number}"), sub, tl.SubItem, (node, *enclosing))
