"""HTML for entity pages: a node's properties and links, and its source text with the span highlighted.

Rendered on the server from :func:`tiaoli.server.entity.entity_view`, so a
page works without JavaScript; every value is escaped.
"""

from __future__ import annotations

from html import escape
from urllib.parse import quote

from ..graph.namespaces import ID, PREFIXES

EXCERPT = 240  # characters of a long block kept on each side of the highlight


def local_href(iri: str) -> str:
    """Where this server shows a node: ``/id/…`` for tiaoli's own IRIs, ``/page?iri=…`` for others."""
    if iri.startswith(ID):
        return "/id/" + quote(iri[len(ID):], safe="/-._~")
    return "/page?iri=" + quote(iri, safe="")


def short(iri: str) -> str:
    for prefix, base in PREFIXES.items():
        if iri.startswith(base) and len(iri) > len(base):
            return f"{prefix}:{iri[len(base):]}"
    return iri


def _value(term: dict) -> str:
    if term["type"] == "uri":
        text = term.get("label") or short(term["value"])
        return f'<a href="{escape(local_href(term["value"]))}" title="{escape(term["value"])}">{escape(text)}</a>'
    note = ""
    if term.get("lang"):
        note = f' <span class="note">@{escape(term["lang"])}</span>'
    elif term.get("datatype"):
        note = f' <span class="note">{escape(short(term["datatype"]))}</span>'
    return f'<span class="literal">{escape(term["value"])}</span>{note}'


def _highlighted(block: dict, start: int, end: int) -> str:
    """A block's text with the part inside [start, end) marked, long blocks cut around it."""
    text, offset = block["text"], block["start"]
    lo, hi = max(start, offset) - offset, min(end, block["end"]) - offset
    if hi <= lo:
        head = text if len(text) <= 2 * EXCERPT else text[:EXCERPT] + "…"
        return escape(head)
    before, marked, after = text[:lo], text[lo:hi], text[hi:]
    if len(before) > EXCERPT:
        before = "…" + before[-EXCERPT:]
    if len(after) > EXCERPT:
        after = after[:EXCERPT] + "…"
    return f'{escape(before)}<mark class="span">{escape(marked)}</mark>{escape(after)}'


def _source(span: dict) -> str:
    where = []
    if span.get("page") is not None:
        where.append(f"p. {span['page']}")
    if span.get("line") is not None:
        where.append(f"line {span['line']}")
    where.append(f"chars {span['start']}–{span['end']}")
    doc = span["document"]
    name = span.get("source_file") or doc.get("label") or doc["value"]
    blocks = span["context"] or [{"start": span["start"], "end": span["end"], "text": span["text"]}]
    context = "\n".join(f'<p class="block">{_highlighted(b, span["start"], span["end"])}</p>' for b in blocks)
    return (
        '<section class="source">'
        f'<h3><a href="{escape(local_href(doc["value"]))}">{escape(doc.get("label") or name)}</a> '
        f'<span class="note">{escape(name)} · {escape(", ".join(where))} · '
        f'<a href="{escape(local_href(span["span"]))}">span</a></span></h3>'
        f'<div class="context" lang="zh-Hant">{context}</div>'
        f'<p class="quoted">quoted: <q class="quoted-text" lang="zh-Hant">{escape(span["text"])}</q></p>'
        "</section>"
    )


def entity_page(view: dict) -> str:
    iri = view["iri"]
    title = view.get("label") or short(iri)
    types = ", ".join(f'<a href="{escape(local_href(t))}">{escape(short(t))}</a>' for t in view["types"]) or "—"
    rows = "\n".join(
        f'<tr><th title="{escape(p["predicate"])}">{escape(short(p["predicate"]))}</th><td>{_value(p["object"])}</td></tr>'
        for p in view["properties"]
    )
    incoming = "\n".join(
        f'<tr><td>{_value(i["subject"])}</td><th title="{escape(i["predicate"])}">{escape(short(i["predicate"]))}</th></tr>'
        for i in view["incoming"]
    )
    more = view["incoming_total"] - len(view["incoming"])
    sources = "\n".join(_source(s) for s in view["spans"]) or '<p class="note">No source span is recorded for this node.</p>'
    raw = "/page?iri=" + quote(iri, safe="")
    alternates = (
        f'<a href="{escape(raw)}&amp;format=turtle">Turtle</a> · '
        f'<a href="{escape(raw)}&amp;format=jsonld">JSON-LD</a> · '
        f'<a href="{escape(raw)}&amp;format=ntriples">N-Triples</a>'
    )
    return f"""<!doctype html>
<html lang="zh-Hant">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)} · tiaoli</title>
<link rel="stylesheet" href="/static/style.css">
<link rel="alternate" type="text/turtle" href="{escape(local_href(iri))}">
</head>
<body>
<header><a href="/" class="home">條理 tiaoli</a></header>
<main class="entity">
<h1 lang="zh-Hant">{escape(title)}</h1>
<p class="iri"><code>{escape(iri)}</code></p>
<p class="note">type: {types} · also as {alternates} (or send an Accept header)</p>
<h2>Source</h2>
{sources}
<h2>Properties</h2>
<table class="properties">{rows}</table>
<h2>Referenced by</h2>
<table class="properties">{incoming or '<tr><td class="note">nothing links here</td></tr>'}</table>
{f'<p class="note">… and {more} more</p>' if more > 0 else ''}
</main>
</body>
</html>
"""


def not_found_page(iri: str) -> str:
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Not found · tiaoli</title><link rel="stylesheet" href="/static/style.css"></head>
<body><header><a href="/" class="home">條理 tiaoli</a></header>
<main><h1>Not in this graph</h1><p><code>{escape(iri)}</code> is not the subject or object of any triple in this store.</p></main></body></html>
"""
