"""A standalone HTML report: the source text beside the map, each tied to the other.

The report is one file that needs no network: the map's SVG, the CSS and the script
are inlined. On the left is each source's text, every quoted span highlighted in the
colours of its statement's node, and argumentative sentences that no statement quotes
greyed (see :mod:`argmap.analysis.coverage`, whose figure heads each source); on the
right the map, drawn by Graphviz. Hovering
over a span lights up its node(s) and hovering over a node lights up its span(s);
a click pins the highlight (and scrolls the other side to it), Escape clears it.

Statement nodes are found in the SVG by their element ``id`` (the DOT exporter gives
each statement node the id ``am:<statement id>``, see :func:`argmap.render.dot.svg_id`);
highlighted spans name their statements in a ``data-ids`` attribute.

Safety
------
Every piece of text from the map or its sources (titles, statement text, source text,
ids, URLs) is HTML-escaped before it is written (a NUL, which HTML cannot hold, as
U+FFFD, the character a browser shows for it), and only ``http``/``https`` URLs become
links. The SVG comes from Graphviz, with labels argmap escaped itself (see
:mod:`argmap.render.dot`); it is checked to hold no ``<script>``, event-handler
attribute or ``javascript:`` URL. A Content-Security-Policy allows only the report's
own script (by its hash), so even markup that slipped through could not run code.
"""

from __future__ import annotations

import base64
import hashlib
import html
import itertools
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from argmap._io import write_atomic
from argmap.analysis.coverage import coverage, quoted_spans
from argmap.errors import OptionError, RenderError
from argmap.map import ArgumentMap
from argmap.model import Source, Statement, StatementKind
from argmap.render._static import explorer_css, explorer_data, explorer_js
from argmap.render.dot import SVG_PREFIX
from argmap.render.graphviz import DEFAULT_TIMEOUT, pipe

__all__ = ["report_html", "to_html"]

_SVG_NS = "{http://www.w3.org/2000/svg}"
_COLOUR = re.compile(r"^(#[0-9A-Fa-f]{3,8}|[A-Za-z]{3,20})$")
_FALLBACK: dict[StatementKind, tuple[str, str]] = {
    "claim": ("#dbe9f6", "#1f4e79"),
    "premise": ("#e3f1e4", "#2e7d32"),
    "counterpoint": ("#fbe3e1", "#b71c1c"),
}
_GAP_TIP = "Not mapped: no statement quotes this sentence"
_UNSAFE_TAGS = {"script", "foreignobject", "iframe", "object", "embed", "handler"}

_CSS = """
:root { --ink: #1d232a; --muted: #5b6670; --rule: #d8dee4; --hi: #ff8f00; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.55 Georgia, "Times New Roman", serif; color: var(--ink);
  background: #fafafa; height: 100vh; display: flex; flex-direction: column; }
header { flex: none; padding: 14px 24px 10px; border-bottom: 1px solid var(--rule);
  background: #fff; font-family: Helvetica, Arial, sans-serif; }
header h1 { font-size: 20px; margin: 0 0 4px; }
.am-summary { margin: 0; color: var(--muted); font-size: 13px; }
.am-legend { display: inline-flex; gap: 12px; margin-left: 8px; }
.am-legend span { padding: 0 6px; border-radius: 3px; border-bottom: 2px solid; }
.am-layout { flex: 1 1 auto; min-height: 0; display: grid;
  grid-template-columns: minmax(0, 1fr) minmax(0, 1.15fr); grid-template-rows: minmax(0, 1fr);
  gap: 0; }
.am-article { padding: 8px 28px 40px; background: #fff; border-right: 1px solid var(--rule);
  overflow: auto; }
.am-source h2 { font: bold 17px Helvetica, Arial, sans-serif; margin: 18px 0 2px; }
.am-byline { font: 13px Helvetica, Arial, sans-serif; color: var(--muted); margin: 0 0 12px; }
.am-source p { margin: 0 0 14px; }
mark.am-quote { background: var(--fill); border-bottom: 2px solid var(--line); color: inherit;
  padding: 1px 0; cursor: pointer; border-radius: 2px; }
mark.am-quote.am-active { background: #ffe0a3; box-shadow: 0 0 0 2px var(--hi); }
.am-map { min-height: 0; display: flex; flex-direction: column; padding: 4px 12px 12px; }
.am-map .am-viewport { flex: 1 1 auto; min-height: 0; overflow: auto; }
.am-map svg { max-width: 100%; height: auto; }
.am-map g.node.am-linked { cursor: pointer; }
.am-map g.node.am-active > path, .am-map g.node.am-active > polygon,
.am-map g.node.am-active > ellipse { stroke: var(--hi); stroke-width: 5px; }
.am-gap { color: #7a848d; }
.am-unquoted { font: 13px Helvetica, Arial, sans-serif; color: var(--muted); margin: 8px 4px; }
"""

_JS = """
(function () {
  "use strict";
  var map = document.querySelector(".am-map");
  var explorer = window.argmapExplore(map, {keys: document});
  var marks = Array.prototype.slice.call(document.querySelectorAll("mark.am-quote"));
  var nodes = explorer.nodes;
  var byId = new Map();
  var hover = [];
  var pinned = [];
  function idsOf(el) {
    return (el.getAttribute("data-ids") || "").split(" ").filter(Boolean);
  }
  marks.forEach(function (mark) {
    idsOf(mark).forEach(function (id) {
      if (!byId.has(id)) { byId.set(id, []); }
      byId.get(id).push(mark);
    });
  });
  function apply() {
    var on = new Set(hover.concat(pinned));
    nodes.forEach(function (g, id) { g.classList.toggle("am-active", on.has(id)); });
    marks.forEach(function (mark) {
      mark.classList.toggle("am-active", idsOf(mark).some(function (id) { return on.has(id); }));
    });
  }
  function same(a, b) {
    return a.length === b.length && a.every(function (x, i) { return x === b[i]; });
  }
  marks.forEach(function (mark) {
    mark.addEventListener("mouseenter", function () { hover = idsOf(mark); apply(); });
    mark.addEventListener("mouseleave", function () { hover = []; apply(); });
    mark.addEventListener("click", function () {
      var ids = idsOf(mark);
      pinned = same(pinned, ids) ? [] : ids;
      apply();
      // The map pans (it never scrolls) to the statement and shows its reasons.
      explorer.focus(pinned.length ? pinned[0] : null);
      if (pinned.length) { explorer.show(pinned[0]); }
    });
  });
  byId.forEach(function (list, id) {
    var g = nodes.get(id);
    if (!g) { return; }
    g.classList.add("am-linked");
    g.addEventListener("mouseenter", function () { hover = [id]; apply(); });
    g.addEventListener("mouseleave", function () { hover = []; apply(); });
  });
  map.addEventListener("am-node-click", function (e) {
    var id = e.detail.id;
    pinned = same(pinned, [id]) ? [] : [id];
    apply();
    var list = byId.get(id);
    if (pinned.length && list) { list[0].scrollIntoView({block: "center", inline: "nearest"}); }
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { pinned = []; hover = []; apply(); }
  });
})();
"""


def _e(text: object) -> str:
    # A NUL is never text in HTML (a browser shows U+FFFD for it): write that, not a NUL.
    return html.escape(str(text), quote=True).replace("\x00", "\ufffd")


def _clean_svg(svg: str) -> tuple[str, ET.Element]:
    """The ``<svg>`` element of Graphviz output (without XML prolog, doctype or
    comments), and its parsed tree; refuses SVG that could run code."""
    svg = re.sub(r"<!--.*?-->", "", svg, flags=re.S)
    start = svg.find("<svg")
    if start < 0:
        raise RenderError("Graphviz returned no <svg> element")
    svg = svg[start:].strip()
    try:
        root = ET.fromstring(svg)
    except ET.ParseError as err:
        raise RenderError(f"Graphviz returned SVG that does not parse: {err}") from None
    for el in root.iter():
        tag = el.tag.rsplit("}", 1)[-1].lower()
        names = {name.rsplit("}", 1)[-1].lower(): value for name, value in el.attrib.items()}
        if (
            tag in _UNSAFE_TAGS
            or any(name.startswith("on") for name in names)
            or names.get("href", "").strip().lower().startswith("javascript:")
        ):
            raise RenderError(
                f"the map's SVG holds a <{tag}> element that could run code; refusing to embed it"
            )
    return svg, root


def _node_colours(root: ET.Element, statements: Iterable[Statement]) -> dict[str, tuple[str, str]]:
    """Fill and line colour of each statement's node as drawn, else its kind's colours."""
    drawn: dict[str, tuple[str, str]] = {}
    for g in root.iter(f"{_SVG_NS}g"):
        element = g.get("id") or ""
        if g.get("class") != "node" or not element.startswith(SVG_PREFIX):
            continue
        for shape in g:
            fill, line = shape.get("fill"), shape.get("stroke")
            if fill and line and _COLOUR.match(fill) and _COLOUR.match(line):
                drawn[element.removeprefix(SVG_PREFIX)] = (fill, line)
                break
    return {s.id: drawn.get(s.id, _FALLBACK[s.kind]) for s in statements}


def _segments(
    text: str, spans: list[tuple[int, int, str]], gaps: list[tuple[int, int]]
) -> list[tuple[int, int, tuple[str, ...], bool]]:
    """Cut ``text`` at every quote and gap boundary and line break; each piece with the
    ids quoting it (in the order of ``spans``) and whether it lies in a gap (an unmapped
    argumentative sentence).

    One sweep along the cut points: a span or gap covers a piece exactly when it starts
    at or before the piece and ends after the piece's start (every boundary is a cut).
    """
    cuts = {0, len(text)}
    for s, e, _ in spans:
        cuts.update((s, e))
    for s, e in gaps:
        cuts.update((s, e))
    for match in re.finditer("\n", text):
        cuts.update((match.start(), match.end()))
    points = sorted(c for c in cuts if 0 <= c <= len(text))
    span_starts = sorted(range(len(spans)), key=lambda k: spans[k][0])
    span_ends = sorted(range(len(spans)), key=lambda k: spans[k][1])
    gap_starts = sorted(s for s, _ in gaps)
    gap_ends = sorted(e for _, e in gaps)
    active: set[int] = set()
    ids: tuple[str, ...] = ()
    i_start = i_end = g_start = g_end = 0
    pieces = []
    for a, b in itertools.pairwise(points):
        changed = False
        while i_start < len(span_starts) and spans[span_starts[i_start]][0] <= a:
            active.add(span_starts[i_start])
            i_start += 1
            changed = True
        while i_end < len(span_ends) and spans[span_ends[i_end]][1] <= a:
            active.discard(span_ends[i_end])
            i_end += 1
            changed = True
        if changed:
            ids = tuple(dict.fromkeys(spans[k][2] for k in sorted(active)))
        while g_start < len(gap_starts) and gap_starts[g_start] <= a:
            g_start += 1
        while g_end < len(gap_ends) and gap_ends[g_end] <= a:
            g_end += 1
        pieces.append((a, b, ids, g_start > g_end))
    return pieces


def _source_html(
    src: Source, m: ArgumentMap, colours: dict[str, tuple[str, str]], lengths: dict[str, int]
) -> str:
    spans = quoted_spans(m, src.id)
    cover = coverage(m, src)
    gaps = [(x.start, x.end) for x in cover.unmapped]
    kinds = {st.id: st.kind for st in m.statements}
    texts = {st.id: st.text for st in m.statements}
    paragraphs: list[list[str]] = [[]]
    for a, b, ids, gap in _segments(src.text, spans, gaps):
        piece = src.text[a:b]
        if piece == "\n":
            paragraphs.append([])
            continue
        if not ids:
            paragraphs[-1].append(
                f'<span class="am-gap" title="{_GAP_TIP}">{_e(piece)}</span>' if gap else _e(piece)
            )
            continue
        # Colour by the statement with the shortest quote here: the most specific one.
        main = min(ids, key=lambda i: lengths.get(i, 0))
        fill, line = colours[main]
        tip = "\n".join(f"{kinds[i]} {i}: {texts[i]}" for i in ids)
        paragraphs[-1].append(
            f'<mark class="am-quote am-{kinds[main]}" data-ids="{_e(" ".join(ids))}" '
            f'title="{_e(tip)}" style="--fill:{fill};--line:{line}">{_e(piece)}</mark>'
        )
    head = f"<h2>{_e(src.title or src.id)}</h2>"
    details = [_e(x) for x in (src.author, src.date) if x]
    if src.url:
        scheme = src.url.split(":", 1)[0].lower()
        link = f'<a href="{_e(src.url)}">{_e(src.url)}</a>'
        details.append(link if scheme in {"http", "https"} else _e(src.url))
    n_arg = sum(1 for x in cover.sentences if x.argumentative)
    n_mapped = sum(1 for x in cover.sentences if x.argumentative and x.mapped)
    stats = (
        f"The map quotes {cover.share:.1%} of the argumentative text "
        f"({n_mapped} of {n_arg} sentences); sentences it leaves out are greyed."
    )
    body = "".join(f"<p>{''.join(p)}</p>" for p in paragraphs if "".join(p).strip())
    return (
        f'<article class="am-source" data-source="{_e(src.id)}">{head}'
        f'<p class="am-byline">{" · ".join(details)}</p>'
        f'<p class="am-byline am-stats">{_e(stats)}</p>{body}</article>'
    )


def report_html(
    m: ArgumentMap,
    *,
    title: str | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    **dot_options: Any,
) -> str:
    """The HTML report of ``m`` as text; see :func:`to_html`.

    Examples
    --------
    >>> import argmap as am
    >>> m = am.ArgumentMap("Sugar <tax>")
    >>> _ = m.add_source("Tax sugar. It saves lives.", id="a")
    >>> _ = m.quote(m.claim("It saves lives", id="c"))
    >>> page = report_html(m)
    >>> "<title>Sugar &lt;tax&gt;</title>" in page
    True
    >>> '<mark class="am-quote am-claim" data-ids="c"' in page
    True
    """
    if title is not None and not isinstance(title, str):
        raise OptionError(
            f"title of an HTML report is its page heading, a text; got {title!r} "
            "(the drawing inside never shows the map's title)"
        )
    statements = list(m.statements)
    # Left to right (reasons before what they bear on) makes a tall map that fits the
    # column beside the text; the page heading already names the map.
    options = {"direction": "LR", "title": False, **dot_options}
    svg, root = _clean_svg(pipe(m, "svg", timeout=timeout, **options).decode("utf-8"))
    colours = _node_colours(root, statements)
    lengths = {s.id: min((q.end - q.start for q in s.quotes), default=0) for s in statements}
    heading = title if title is not None else (m.title or "Argument map")
    quoted = sum(1 for s in statements if s.quotes)
    summary = f"{len(statements)} statements, {quoted} anchored in the text"
    legend = "".join(
        f'<span style="background:{f};border-color:{c}">{k}</span>'
        for k, (f, c) in _FALLBACK.items()
    )
    articles = "".join(_source_html(src, m, colours, lengths) for src in m.sources)
    if not articles:
        articles = '<p class="am-unquoted">This map has no source text.</p>'
    unquoted = [s.id for s in statements if not s.quotes]
    note = (
        f'<p class="am-unquoted">Not anchored in a source: {_e(", ".join(unquoted))}</p>'
        if unquoted
        else ""
    )
    script = explorer_js() + _JS
    script_hash = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    csp = (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src 'sha256-{script_hash}'"
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="argmap">\n'
        f"<title>{_e(heading)}</title>\n<style>{_CSS}{explorer_css()}</style>\n</head>\n<body>\n"
        f"<header><h1>{_e(heading)}</h1>"
        f'<p class="am-summary">{_e(summary)}<span class="am-legend">{legend}</span></p>'
        "</header>\n"
        f'<main class="am-layout">\n<section class="am-article">{articles}</section>\n'
        f'<section class="am-map"><div class="am-viewport">{svg}</div>{note}'
        f'<script type="application/json" class="am-data">{explorer_data(m)}</script>'
        "</section>\n</main>\n"
        f"<script>{script}</script>\n</body>\n</html>\n"
    )


def to_html(
    m: ArgumentMap,
    path: str | Path,
    *,
    title: str | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    **dot_options: Any,
) -> Path:
    """Write the standalone HTML report of ``m`` to ``path`` (atomically); returns the path.

    Parameters
    ----------
    m : ArgumentMap
        The map with its sources; read, never changed.
    path : str or Path
        Where to write the ``.html`` file.
    title : str, optional
        The page heading; by default the map's title.
    timeout : float or None, optional
        Seconds Graphviz may take to draw the map (see :func:`argmap.render.graphviz.pipe`).
    **dot_options
        Passed to :func:`argmap.render.dot.to_dot`; the report's defaults are
        ``direction="LR"`` and ``title=False``.

    Raises
    ------
    GraphvizNotFoundError
        The Graphviz ``dot`` program, needed to draw the map, is not installed.
    """
    return write_atomic(path, report_html(m, title=title, timeout=timeout, **dot_options))
