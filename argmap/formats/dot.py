"""Graphviz DOT export: a map as a :class:`graphviz.Digraph`.

How a map is drawn
------------------
* Statements are rounded boxes; the first line names the kind (CLAIM, PREMISE,
  COUNTERPOINT), so the kind reads without colour. Main conclusions have a thick border.
* A one-premise support is a solid arrow, an attack a dashed arrow, an undercut a dotted
  arrow with a bar (``tee``) head that ends on the inference it denies.
* Linked premises meet in a small junction dot, from which one arrow goes on to the
  target; a junction is also drawn for any inference that is undercut, so the undercut
  has something to point at.
* Arrows point from reasons to what they bear on, with the graph drawn bottom-up
  (``rankdir=BT``): main conclusions sit at the top.

Escaping
--------
All user text goes into HTML-like labels that argmap builds itself, with ``&``, ``<``,
``>`` and ``"`` escaped and control characters replaced: no label can end the label,
inject DOT, or be taken for markup. Ids need no escaping (see
:data:`argmap.model.ID_PATTERN`) and are quoted by the ``graphviz`` package.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Mapping
from typing import Literal

import graphviz

from argmap.map import ArgumentMap
from argmap.model import Inference, Relation, Statement, StatementKind

__all__ = ["Direction", "dumps", "escape_html", "to_dot"]

Direction = Literal["BT", "TB", "LR", "RL"]

_FONT = "Helvetica"
_NODE_STYLE: dict[StatementKind, dict[str, str]] = {
    "claim": {"fillcolor": "#dbe9f6", "color": "#1f4e79"},
    "premise": {"fillcolor": "#e3f1e4", "color": "#2e7d32"},
    "counterpoint": {"fillcolor": "#fbe3e1", "color": "#b71c1c"},
}
_EDGE_STYLE: dict[Relation, dict[str, str]] = {
    "support": {"color": "#2e7d32"},
    "attack": {"color": "#b71c1c", "style": "dashed"},
    "undercut": {"color": "#6a1b9a", "style": "dotted", "arrowhead": "tee", "penwidth": "1.6"},
}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def escape_html(text: str) -> str:
    r"""Escape text for use inside an HTML-like Graphviz label.

    >>> escape_html('<b>"x" & y</b>')
    '&lt;b&gt;&quot;x&quot; &amp; y&lt;/b&gt;'
    >>> escape_html("tab\there")
    'tab here'
    """
    text = _CONTROL.sub(" ", text.replace("\t", " "))
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    for paragraph in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        lines.extend(textwrap.wrap(paragraph, width) or [""])
    return lines


def _label(statement: Statement, width: int, badge: str | None = None) -> str:
    style = _NODE_STYLE[statement.kind]
    head = statement.kind.upper()
    if badge:
        head += f" · {escape_html(badge)}"
    parts = [f'<FONT POINT-SIZE="9" COLOR="{style["color"]}">{head}</FONT>']
    if statement.title:
        parts.append(
            "<B>" + "<BR/>".join(escape_html(x) for x in _wrap(statement.title, width)) + "</B>"
        )
    parts.extend(escape_html(line) for line in _wrap(statement.text, width))
    return "<" + "<BR/>".join(parts) + ">"


def _needs_junction(m: ArgumentMap, inf: Inference) -> bool:
    if inf.linked:
        return True
    g = m.graph
    return any(g.nodes[u]["kind"] == "inference" for u in g.predecessors(inf.id))


def to_dot(
    m: ArgumentMap,
    *,
    wrap: int = 32,
    direction: Direction = "BT",
    title: bool = True,
    node_attrs: Mapping[str, Mapping[str, str]] | None = None,
    badges: Mapping[str, str] | None = None,
) -> graphviz.Digraph:
    """Draw ``m`` as a :class:`graphviz.Digraph` (see the module docs for the look).

    Parameters
    ----------
    m : ArgumentMap
        The map; it is read, never changed.
    wrap : int
        Wrap statement text at this many characters per line.
    direction : {"BT", "TB", "LR", "RL"}
        Graphviz ``rankdir``: ``BT`` (default) puts main conclusions at the top.
    title : bool
        Show the map's title above the drawing.
    node_attrs : mapping of id to Graphviz attributes, optional
        Per-statement attribute overrides (e.g. ``{"main": {"fillcolor": "#ffffff"}}``),
        applied last; analysis layers use this to show status.
    badges : mapping of id to str, optional
        A short text shown after the kind in a statement's first line (escaped).

    Returns
    -------
    graphviz.Digraph
        Its ``.source`` is the DOT text; the same map always gives the same text.
    """
    if wrap < 8:
        raise ValueError(f"wrap must be at least 8 characters, got {wrap}")
    if direction not in ("BT", "TB", "LR", "RL"):
        raise ValueError(f"direction must be one of BT, TB, LR, RL, got {direction!r}")
    dot = graphviz.Digraph("argmap")
    graph_attr = {"rankdir": direction, "nodesep": "0.3", "ranksep": "0.5", "fontname": _FONT}
    if title and m.title:
        graph_attr.update(label=f"<<B>{escape_html(m.title)}</B>>", labelloc="t", fontsize="16")
    dot.attr("graph", **graph_attr)
    dot.attr("node", shape="box", style="rounded,filled", fontname=_FONT, fontsize="11")
    dot.attr("edge", fontname=_FONT, arrowsize="0.8")

    main = {s.id for s in m.main_conclusions()}
    for s in m.statements:
        attrs = {**_NODE_STYLE[s.kind], "id": s.id}
        if s.id in main:
            attrs["penwidth"] = "2.2"
        attrs.update((node_attrs or {}).get(s.id, {}))
        dot.node(s.id, _label(s, wrap, (badges or {}).get(s.id)), **attrs)

    junctions = {inf.id for inf in m.inferences if _needs_junction(m, inf)}
    for inf in m.inferences:
        edge_style = _EDGE_STYLE[inf.relation]
        if inf.id in junctions:
            dot.node(
                inf.id,
                "",
                id=inf.id,
                shape="point",
                width="0.11",
                color=edge_style["color"],
                tooltip=f"{inf.relation}: {inf.id}",
            )
            plain = {k: v for k, v in edge_style.items() if k != "arrowhead"}
            for p in inf.premises:
                dot.edge(p, inf.id, arrowhead="none", **plain)
            dot.edge(inf.id, inf.target, **edge_style)
        else:
            dot.edge(inf.premises[0], inf.target, **edge_style)
    return dot


def dumps(m: ArgumentMap, **options: object) -> str:
    """The DOT text of :func:`to_dot` (same options)."""
    return str(to_dot(m, **options).source)  # type: ignore[arg-type]
