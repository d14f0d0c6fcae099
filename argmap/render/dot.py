r"""Graphviz DOT export: a map as a :class:`graphviz.Digraph`.

How a map is drawn
------------------
* Statements are boxes whose first line names the kind (CLAIM, PREMISE, COUNTERPOINT), so
  the kind reads without colour. Main conclusions have a thick border and sit on the last
  rank: at the top, with the default direction.
* A one-premise support is a solid arrow, an attack a dashed arrow, an undercut a dotted
  arrow with a bar (``tee``) head that ends on the inference it denies, a rephrase a
  double line with no arrow head, from the restating statement to the one it restates.
* Linked premises meet in a small junction dot, from which one arrow goes on to the
  target. A one-premise inference that is undercut gets a small ring on its arrow
  instead, for the undercut's bar to end on: an undercut of an undercut is a ring with
  a bar on it, never a dot where two lines join as linked undercutters do.
* Arrows point from reasons to what they bear on, with the graph drawn bottom-up
  (``rankdir=BT``): main conclusions sit at the top.
* Colours, shapes, line styles, label contents, clusters and the legend come from a
  :class:`argmap.render.style.Style` (a built-in theme or your own).
* A :class:`argmap.views.MapView` shows a ``+N`` marker beside each statement where N
  hidden statements connect, and says under the title how much is shown.

Element ids
-----------
In the SVG Graphviz draws, every statement, junction and step arrow has the element id
``am:<id>`` (a step's arrow to its target ``am:<inference>:<target>``, an arrow into a
junction ``am:<premise>:<inference>``, see :func:`svg_id`), clusters ``am-cluster:<n>``,
``+N`` markers ``<id>#hidden`` and the legend ``am-legend``: unique and stable, and
never one of the ids Graphviz makes up (``node1``, ``edge1``, ``graph0``, ``clust1``),
even for a statement called ``edge1``.

Escaping
--------
All user text goes into HTML-like labels that argmap builds itself, with ``&``, ``<``,
``>`` and ``"`` escaped and control characters replaced: no label can end the label,
inject DOT, or be taken for markup. Text is drawn exactly as written: ``\`` is doubled
(Graphviz would expand ``\N``, ``\G`` ... even in HTML-like labels), ``]`` is written
``&#93;`` (Graphviz 2.43's HTML lexer refuses a text that is only ``]``), a text of
only whitespace or control characters is drawn as a space (Graphviz drops characters
below U+0020, and refuses an element left empty), and a label longer than 2,000
characters has line breaks in its DOT source (which Graphviz drops), so no line of it
reaches Graphviz's 16 KiB limit. U+FFFE and U+FFFF, which no XML parser takes, are
drawn as U+FFFD. Ids need no escaping (see
:data:`argmap.model.ID_PATTERN`) and are quoted by the ``graphviz`` package; the ids argmap
adds itself (markers, legend) contain ``#``, which no statement id can, so they never
clash with a statement.
"""

from __future__ import annotations

import functools
import re
import textwrap
from collections.abc import Mapping
from itertools import pairwise
from typing import get_args

import graphviz
from pydantic import ValidationError

from argmap.errors import ArgmapError, OptionError, describe_validation_error
from argmap.map import ArgumentMap
from argmap.model import Inference, Relation, Statement, StatementKind
from argmap.registry import FormatSpec
from argmap.render.style import (
    THEMES,
    Direction,
    EdgeStyle,
    LabelMode,
    NodeStyle,
    Style,
    check_direction,
    check_options,
    theme,
)
from argmap.views import MapView

__all__ = [
    "DOT_OPTIONS",
    "FORMAT",
    "SVG_PREFIX",
    "Direction",
    "dumps",
    "escape_html",
    "svg_id",
    "to_dot",
]

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_KIND_NAMES: dict[StatementKind, str] = {
    "claim": "Claim",
    "premise": "Premise",
    "counterpoint": "Counterpoint",
}
_RELATION_NAMES: dict[Relation, str] = {
    "support": "supports",
    "attack": "attacks",
    "undercut": "undercuts a step",
    "rephrase": "rephrases",
}


def escape_html(text: str) -> str:
    r"""Escape text for use inside an HTML-like Graphviz label.

    >>> escape_html('<b>"x" & y</b>')
    '&lt;b&gt;&quot;x&quot; &amp; y&lt;/b&gt;'
    >>> escape_html("tab\there")
    'tab here'
    >>> print(escape_html("Claim \\N ]"))
    Claim \\N &#93;
    """
    text = _ANY_CONTROL.sub(" ", text)  # tabs and line breaks too: one label line
    text = (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )
    if _RARE.search(text):  # see the module docs: drawn as written
        text = text.replace("\\", "\\\\").replace("]", "&#93;")
        text = text.replace("\ufffe", "\ufffd").replace("\uffff", "\ufffd")
    return text


_ANY_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_RARE = re.compile(r"[\\\]\ufffe\uffff]")
_FOLD_AT = 2000
_ENTITY_TAIL = re.compile(r"&[#\w]*\Z")
_LONG_RUN = re.compile(r"[^<>\n]{" + str(_FOLD_AT + 1) + ",}")


def _fold(label: str) -> str:
    """``label`` with a line break in its source at least every 2,000 characters of text
    (never inside a tag or an entity): Graphviz drops them, and refuses a run of more
    than 16 KiB on one line."""
    if len(label) <= _FOLD_AT:
        return label
    return _LONG_RUN.sub(_fold_run, label)


def _fold_run(match: re.Match[str]) -> str:
    run = match.group()
    pieces = []
    start = 0
    while len(run) - start > _FOLD_AT:
        end = start + _FOLD_AT
        tail = _ENTITY_TAIL.search(run, start, end)
        if tail is not None and tail.start() > start:
            end = tail.start()
        pieces.append(run[start:end])
        start = end
    pieces.append(run[start:])
    return "\n".join(pieces)


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    text = _CONTROL.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " "))
    for paragraph in text.split("\n"):
        if len(paragraph) <= width and not paragraph[-1:].isspace():
            lines.append(paragraph)  # what textwrap would give, without its work
        elif _PLAIN.fullmatch(paragraph) and max(map(len, words := paragraph.split(" "))) <= width:
            lines.extend(_pack(words, width))
        else:
            lines.extend(_wrapper(width).wrap(paragraph) or [""])
    return lines


# Words with single spaces between them, no hyphen: textwrap would only pack them (a test
# checks it gives the same lines); packing them here is a third of a large map's to_dot.
_PLAIN = re.compile(r"[^\s-]+(?: [^\s-]+)*")


def _pack(words: list[str], width: int) -> list[str]:
    """Greedy lines of at most ``width`` characters from words no longer than it."""
    lines: list[str] = []
    line = words[0]
    for word in words[1:]:
        if len(line) + 1 + len(word) <= width:
            line = f"{line} {word}"
        else:
            lines.append(line)
            line = word
    lines.append(line)
    return lines


@functools.lru_cache(maxsize=16)
def _wrapper(width: int) -> textwrap.TextWrapper:
    return textwrap.TextWrapper(width)


def _lines(text: str, width: int) -> str:
    # A text that wraps to nothing (only whitespace) is a space: an empty <B></B> is an error.
    return "<BR/>".join(escape_html(line) for line in _wrap(text, width)) or " "


def _num(x: float) -> str:
    return f"{x:g}"


def _node_attrs(ns: NodeStyle) -> dict[str, str]:
    """Graphviz attributes of a node style, leaving out the graph-wide defaults
    (``shape=box style="rounded,filled"``, black text, pen width 1)."""
    shape = ns.shape or "box"
    styles = []
    if shape in ("rounded", "cut"):
        styles.append("rounded" if shape == "rounded" else "diagonals")
        shape = "box"
    if ns.fill is not None:
        styles.append("filled")
    if ns.border_style is not None and ns.border_style != "solid":
        styles.append(ns.border_style)
    attrs: dict[str, str] = {}
    if ns.fill is not None:
        attrs["fillcolor"] = ns.fill
    if ns.border is not None:
        attrs["color"] = ns.border
    if ns.text is not None and ns.text != "black":
        attrs["fontcolor"] = ns.text
    if shape != "box":
        attrs["shape"] = shape
    style = ",".join(styles) or "solid"
    if style != "rounded,filled":
        attrs["style"] = style
    if ns.double:
        attrs["peripheries"] = "2"
    if ns.border_width is not None and ns.border_width != 1:
        attrs["penwidth"] = _num(ns.border_width)
    return attrs


def _edge_attrs(es: EdgeStyle, *, head: bool = True) -> dict[str, str]:
    attrs: dict[str, str] = {}
    if es.color is not None:
        attrs["color"] = es.color
    if es.double:  # two parallel lines: Graphviz draws one per colour of a list
        attrs["color"] = f"{es.color or 'black'}:invis:{es.color or 'black'}"
    if es.line is not None and es.line != "solid":
        attrs["style"] = es.line
    if not head:
        attrs["arrowhead"] = "none"
    elif es.head is not None and es.head != "normal":
        attrs["arrowhead"] = es.head
    if es.width is not None and es.width != 1:
        attrs["penwidth"] = _num(es.width)
    return attrs


def _statement_style(s: Statement, style: Style, is_main: bool) -> NodeStyle:
    ns = style.kinds[s.kind]
    if is_main:
        ns = ns.merged(style.main)
    for tag in s.tags:
        if tag in style.tags:
            ns = ns.merged(style.tags[tag])
    if s.id in style.nodes:
        ns = ns.merged(style.nodes[s.id])
    own = s.metadata.get("style")
    if own is not None:
        try:
            ns = ns.merged(NodeStyle.model_validate(own))
        except ValidationError as err:
            raise ArgmapError(
                f"statement {s.id!r}: metadata['style'] is not a valid node style: "
                + "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in err.errors()),
                ids=[s.id],
            ) from None
    return ns


def _label(s: Statement, style: Style, ns: NodeStyle, badges: list[str], mode: LabelMode) -> str:
    width = style.wrap
    parts: list[str] = []
    head = [s.kind.upper()] if style.show_kind else []
    head.extend(escape_html(b) for b in badges)
    if head:
        size = _num(max(6.0, style.font_size - 2))
        color = ns.border or style.ink
        parts.append(f'<FONT POINT-SIZE="{size}" COLOR="{color}">{" · ".join(head)}</FONT>')
    if mode == "full":
        if s.title:
            parts.append(f"<B>{_lines(s.title, width)}</B>")
        parts.append(_lines(s.text, width))
    elif mode == "text":
        parts.append(_lines(s.text, width))
    elif mode == "title":
        parts.append(f"<B>{_lines(s.title, width)}</B>" if s.title else escape_html(s.id))
    else:
        parts.append(escape_html(s.id))
    if style.show_tags and s.tags:
        size = _num(max(6.0, style.font_size - 2))
        tags = escape_html(" ".join(f"#{t}" for t in s.tags))
        parts.append(f'<FONT POINT-SIZE="{size}" COLOR="{style.muted}">{tags}</FONT>')
    return "<" + "<BR/>".join(parts) + ">"


def _needs_junction(m: ArgumentMap, inf: Inference) -> bool:
    if inf.linked:
        return True
    g = m.graph
    return any(g.nodes[u]["kind"] == "inference" for u in g.predecessors(inf.id))


def _cluster_of(s: Statement, clusters: bool | tuple[str, ...]) -> str | None:
    if clusters is True:
        return s.tags[0] if s.tags else None
    if clusters:
        return next((t for t in clusters if t in s.tags), None)
    return None


_LABEL_MODES: tuple[str, ...] = get_args(LabelMode)


def _check_mapping(name: str, value: object, of: str) -> None:
    """Refuse a ``badges``/``node_attrs`` option that is not a mapping of ``of``."""
    if value is None:
        return
    if isinstance(value, Mapping):
        inner = (
            all(isinstance(v, str) for v in value.values())
            if name == "badges"
            else all(
                isinstance(v, Mapping)
                and all(isinstance(k, str) and isinstance(x, str) for k, x in v.items())
                for v in value.values()
            )
        )
        if all(isinstance(k, str) for k in value) and inner:
            return
    raise OptionError(f"{name} must be a mapping of {of}; got {value!r}")


def _resolve_style(
    style: Style | str | None,
    *,
    wrap: int | None,
    direction: Direction | None,
    title: bool | None,
    legend: bool | None,
    labels: LabelMode | None,
    clusters: bool | tuple[str, ...] | list[str] | None,
    node_attrs: object,
    badges: object,
    unknown: Mapping[str, object],
) -> Style:
    """The style ``to_dot`` draws with, after checking every option's value."""
    if unknown:
        check_options(unknown, DOT_OPTIONS, "to_dot()")
    _check_mapping("node_attrs", node_attrs, "statement id to a mapping of Graphviz attributes")
    _check_mapping("badges", badges, "statement id to text")
    if wrap is not None and (
        not isinstance(wrap, int) or isinstance(wrap, bool) or not 8 <= wrap <= 1000
    ):
        raise OptionError(f"wrap must be a whole number of characters from 8 to 1000; got {wrap!r}")
    if direction is not None:
        check_direction(direction)
    if style is not None and not isinstance(style, Style | str):
        raise OptionError(
            f"style must be a Style or the name of a theme ({', '.join(sorted(THEMES))}), "
            f"not {type(style).__name__}; build one with argmap.theme(...)"
        )
    for name, flag in (("title", title), ("legend", legend)):
        if flag is not None and not isinstance(flag, bool):
            raise OptionError(f"{name} must be True or False; got {flag!r}")
    if labels is not None and labels not in _LABEL_MODES:
        raise OptionError(f"unknown labels {labels!r}; choose one of {', '.join(_LABEL_MODES)}")
    if clusters is not None and not (
        isinstance(clusters, bool)
        or (isinstance(clusters, tuple | list) and all(isinstance(t, str) for t in clusters))
    ):
        raise OptionError(
            f"clusters must be True, False or a list of tags to group by; got {clusters!r}"
        )
    base = theme(style) if isinstance(style, str) else (style or theme())
    changes = {
        k: v
        for k, v in {
            "wrap": wrap,
            "direction": direction,
            "title": title,
            "legend": legend,
            "labels": labels,
            "clusters": tuple(clusters) if isinstance(clusters, list) else clusters,
        }.items()
        if v is not None
    }
    try:
        return base.override(**changes) if changes else base
    except ValidationError as err:  # e.g. a wrap above the style's 1000
        raise OptionError(
            "to_dot(): " + describe_validation_error(err, indent="", sep="; ")
        ) from None


def to_dot(
    m: ArgumentMap,
    *,
    style: Style | str | None = None,
    wrap: int | None = None,
    direction: Direction | None = None,
    title: bool | None = None,
    legend: bool | None = None,
    labels: LabelMode | None = None,
    clusters: bool | tuple[str, ...] | list[str] | None = None,
    node_attrs: Mapping[str, Mapping[str, str]] | None = None,
    badges: Mapping[str, str] | None = None,
    **unknown: object,
) -> graphviz.Digraph:
    """Draw ``m`` as a :class:`graphviz.Digraph` (see the module docs for the look).

    Parameters
    ----------
    m : ArgumentMap
        The map (or a :class:`~argmap.views.MapView`); it is read, never changed.
    style : Style or str, optional
        A :class:`~argmap.render.style.Style`, or the name of a built-in theme
        (``"default"``, ``"colorblind"``, ``"print"``). The options below, when given,
        override the style's field of the same name.
    wrap : int, optional
        Wrap statement text at this many characters per line (default 32).
    direction : {"BT", "TB", "LR", "RL"}, optional
        Graphviz ``rankdir``: ``BT`` (default) puts main conclusions at the top.
    title : bool, optional
        Show the map's title above the drawing (default True).
    legend : bool, optional
        Add a legend of the shapes and arrows used (default False).
    labels : {"full", "text", "title", "id"}, optional
        What statement labels show (default ``"full"``: title, if any, and text).
    clusters : bool or sequence of str, optional
        Group statements in boxes by tag (see :attr:`Style.clusters`).
    node_attrs : mapping of id to Graphviz attributes, optional
        Per-statement attribute overrides (e.g. ``{"main": {"fillcolor": "#ffffff"}}``),
        applied last; analysis layers use this to show status.
    badges : mapping of id to str, optional
        A short text shown after the kind in a statement's first line (escaped).

    Raises
    ------
    OptionError
        An option it does not have (the message lists :data:`DOT_OPTIONS`), or a bad
        value for one: an unknown theme, direction or label mode, a wrap outside 8 to
        1000, a ``title``/``legend`` that is not a bool, ``clusters`` that are not a bool
        or tags, ``badges``/``node_attrs`` that are not mappings of ids to text or to
        attributes. The message names the option and what it takes.

    Returns
    -------
    graphviz.Digraph
        Its ``.source`` is the DOT text; the same map always gives the same text.

    Examples
    --------
    >>> import argmap as am
    >>> m = am.ArgumentMap()
    >>> c = m.claim("Tax sugar", id="c")
    >>> p = m.premise("Sugar harms health", id="p", supports=c)
    >>> dot = to_dot(m, style="print")
    >>> print(dot.source.splitlines()[6].strip())
    p -> c [color=black id="am:p-supports-c:c"]
    """
    st = _resolve_style(
        style,
        unknown=unknown,
        wrap=wrap,
        direction=direction,
        title=title,
        legend=legend,
        labels=labels,
        clusters=clusters,
        node_attrs=node_attrs,
        badges=badges,
    )
    # A graph edited out of shape is refused, as by every writer; the lists it gives
    # are quicker to walk than the map's iterators.
    statements, inferences = m._checked_elements(json=False)
    dot = _digraph(m, st)
    main = {s.id for s in m.main_conclusions()}
    hidden = m.hidden if isinstance(m, MapView) else {}
    above = m.hidden_above if isinstance(m, MapView) else {}
    cluster_of = {s.id: _cluster_of(s, st.clusters) for s in statements}
    junctions = {inf.id for inf in inferences if _needs_junction(m, inf)}
    junction_cluster = {
        j: cluster_of[m.inference(j).premises[0]]
        for j in junctions
        if len({cluster_of[p] for p in m.inference(j).premises}) == 1
    }

    members: dict[str | None, list[Statement]] = {}
    for s in statements:
        members.setdefault(cluster_of[s.id], []).append(s)
    junction_members: dict[str | None, list[Inference]] = {}
    for inf in inferences:
        if inf.id in junctions:
            junction_members.setdefault(junction_cluster.get(inf.id), []).append(inf)

    def emit_nodes(into: graphviz.Digraph, cluster: str | None) -> None:
        for s in members.get(cluster, []):
            ns = _statement_style(s, st, s.id in main)
            marks = [badges[s.id]] if badges and s.id in badges else []
            quoted = bool(getattr(s, "quotes", ())) or "quote" in s.metadata
            if st.show_sources and (quoted or "source" in s.metadata):
                marks.append("quoted")
            attrs = {**_node_attrs(ns), "id": svg_id(s.id)}
            if node_attrs and s.id in node_attrs:
                attrs.update(node_attrs[s.id])
            _node(into, s.id, _label(s, st, ns, marks, st.labels), attrs)
            if s.id in hidden:
                up = above.get(s.id, 0)
                if hidden[s.id] > up:
                    _marker(into, s.id, hidden[s.id] - up, st, above=False)
                if up:
                    _marker(into, s.id, up, st, above=True)
        for inf in junction_members.get(cluster, []):
            _junction(into, inf, st)

    emit_nodes(dot, None)
    names = list(dict.fromkeys(c for c in cluster_of.values() if c is not None))
    for index, name in enumerate(names):
        with dot.subgraph(name=f"cluster_{index}") as sub:
            sub.attr(
                id=f"am-cluster:{index}",
                label=f"<<I>{escape_html(name)}</I>>",
                labelloc="b" if st.direction == "BT" else "t",  # BT flips clusters
                labeljust="l",  # in a corner, clear of the arrows leaving the box
                style="rounded,dashed",
                color=st.muted,
                fontcolor=st.muted,
                fontsize=_num(st.font_size),
            )
            emit_nodes(sub, name)

    _edges(dot, inferences, st, junctions)
    if st.main_on_top:
        _main_on_top(dot, [s.id for s in statements if s.id in main and not cluster_of[s.id]])
    if st.legend:
        _legend(dot, m, st, junctions, bool(hidden))
    return dot


DOT_OPTIONS = (
    "style",
    "wrap",
    "direction",
    "title",
    "legend",
    "labels",
    "clusters",
    "node_attrs",
    "badges",
)
"""The keyword options of :func:`to_dot` (and of everything that draws with it)."""


SVG_PREFIX = "am:"
"""What starts the SVG element id of every statement, inference and step arrow."""


def svg_id(*ids: str) -> str:
    """The SVG element ``id`` Graphviz gives what argmap draws for ``ids``.

    A statement or junction is ``am:<id>``; an arrow into an inference's junction is
    ``am:<premise>:<inference>`` and an inference's arrow to its target
    ``am:<inference>:<target>``. No argmap id holds a ``:`` (see
    :data:`argmap.model.ID_PATTERN`), and statements and inferences share one set of ids,
    so these never clash with each other, with the ``am-cluster:``, ``#hidden`` and
    ``am-legend:`` ids of clusters, markers and the legend, or with the ids Graphviz
    makes up itself (``graph0``, ``node1``, ``edge2``, ``clust1``), whatever the map's ids.

    >>> svg_id("main"), svg_id("p1", "s1")
    ('am:main', 'am:p1:s1')
    """
    return SVG_PREFIX + ":".join(ids)


def _junction(into: graphviz.Digraph, inf: Inference, st: Style) -> None:
    """The point an inference's arrows meet at: a dot where linked premises join, a
    small ring on a one-premise step that an undercut ends on (so an undercut of an
    undercut never looks like two linked undercutters)."""
    look = (
        {"shape": "point", "width": "0.11"}
        if inf.linked
        else {
            "shape": "circle",
            "width": "0.13",
            "fixedsize": "true",
            "style": "filled",
            "fillcolor": st.background,
            "penwidth": "1.2",
        }
    )
    into.node(
        inf.id,
        "",
        id=svg_id(inf.id),
        color=st.relations[inf.relation].color or st.ink,
        tooltip=f"{inf.relation}: {inf.id}",
        **look,
    )


def _edges(
    dot: graphviz.Digraph, inferences: list[Inference], st: Style, junctions: set[str]
) -> None:
    for inf in inferences:
        es = st.relations[inf.relation]
        if inf.id in junctions:
            for p in inf.premises:
                _edge(dot, p, inf.id, _edge_attrs(es, head=False), svg_id(p, inf.id))
            _edge(dot, inf.id, inf.target, _edge_attrs(es), svg_id(inf.id, inf.target))
        else:
            _edge(dot, inf.premises[0], inf.target, _edge_attrs(es), svg_id(inf.id, inf.target))


# The hot statements of to_dot write the very lines graphviz.Digraph.node()/.edge() would
# (same quoting, attributes sorted after the label), but quote each id and attribute
# value once per drawing-independent string instead of on every node: on large maps the
# package's per-attribute quoting was most of the time. Labels are quoted uncached.
@functools.lru_cache(maxsize=8192)
def _quote(text: str) -> str:
    quoted: str = graphviz.quoting.quote(text)
    return quoted


def _quote_id(value: str) -> str:
    """Quote an element id: unique per element, so not worth caching. An id made by
    :func:`svg_id` holds only ID_PATTERN characters and colons and is always quoted (for
    its colon), exactly as graphviz's quote() would, without its regular expressions."""
    if value.startswith(SVG_PREFIX) and '"' not in value and "\\" not in value:
        return f'"{value}"'
    quoted: str = graphviz.quoting.quote(value)
    return quoted


def _a_list(attrs: Mapping[str, str]) -> str:
    return " ".join(
        f"{_quote(k)}={_quote(v) if k != 'id' else _quote_id(v)}"
        for k, v in sorted(attrs.items())
        if v is not None
    )


def _node(into: graphviz.Digraph, name: str, label: str, attrs: Mapping[str, str]) -> None:
    """``into.node(name, label, **attrs)``, faster."""
    head = f"label={graphviz.quoting.quote(_fold(label))}"
    rest = _a_list(attrs)
    into.body.append(f"\t{graphviz.quoting.quote(name)} [{head}{' ' if rest else ''}{rest}]\n")


def _edge(into: graphviz.Digraph, tail: str, head: str, attrs: Mapping[str, str], id: str) -> None:
    """``into.edge(tail, head, id=id, **attrs)`` for port-less ids, faster."""
    into.body.append(f"\t{_quote(tail)} -> {_quote(head)} [{_a_list({**attrs, 'id': id})}]\n")


def _digraph(m: ArgumentMap, st: Style) -> graphviz.Digraph:
    """An empty drawing with the graph, node and edge defaults of style ``st``."""
    dot = graphviz.Digraph("argmap")
    graph_attr = {
        "rankdir": st.direction,
        "nodesep": "0.3",
        "ranksep": "0.5",
        "fontname": st.font,
    }
    if st.background != "white":
        graph_attr["bgcolor"] = st.background
    heading = _heading(m, st)
    if heading:
        graph_attr.update(label=heading, labelloc="t", fontsize="16", fontcolor=st.ink)
    dot.attr("graph", **graph_attr)
    dot.attr(
        "node",
        shape="box",
        style="rounded,filled",
        fontname=st.font,
        fontsize=_num(st.font_size),
    )
    dot.attr("edge", fontname=st.font, arrowsize="0.8")
    return dot


def _main_on_top(dot: graphviz.Digraph, top: list[str]) -> None:
    if top:
        with dot.subgraph() as rank:
            rank.attr(rank="max")
            for id in top:
                rank.node(id)


def _heading(m: ArgumentMap, st: Style) -> str | None:
    lines = []
    if st.title and m.title:
        title = "<BR/>".join(escape_html(x) for x in _LINE_BREAK.split(m.title)) or " "
        lines.append(f"<B>{title}</B>")
    if isinstance(m, MapView):
        lines.append(
            f'<FONT POINT-SIZE="{_num(st.font_size)}" COLOR="{st.muted}">'
            f"{escape_html(m.summary())}</FONT>"
        )
    return _fold("<" + "<BR/>".join(lines) + ">") if lines else None


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _marker(into: graphviz.Digraph, id: str, count: int, st: Style, *, above: bool) -> None:
    """A dashed ``+N`` box for hidden statements: on the side of the reasons (an edge
    into ``id``) or, for what ``id`` bears on, beyond it (an edge out of ``id``)."""
    name = f"{id}#hidden-above" if above else f"{id}#hidden"
    noun = "statement" if count == 1 else "statements"
    into.node(
        name,
        f"+{count}",
        id=name,
        shape="box",
        style="rounded,dashed",
        color=st.muted,
        fontcolor=st.muted,
        fontsize=_num(max(6.0, st.font_size - 2)),
        tooltip=f"{count} hidden {noun} connect here",
    )
    tail, head = (id, name) if above else (name, id)
    into.edge(tail, head, style="dashed", color=st.muted, arrowhead="none")


def _junction_looks(m: ArgumentMap, junctions: set[str]) -> tuple[bool, bool]:
    """Whether the drawing has a linked-premises dot, and whether it has a ring."""
    linked = [m.inference(j).linked for j in junctions]
    return any(linked), not all(linked)


def _legend_end(into: graphviz.Digraph, name: str, st: Style, *, ring: bool) -> None:
    """Where a legend's sample arrow ends: nowhere to be seen, or (``ring``: the map has
    one) for the undercut the ring a one-premise step shows where it is undercut."""
    if ring and name == "legend#undercut-end":
        into.node(
            name,
            "",
            shape="circle",
            width="0.13",
            fixedsize="true",
            style="filled",
            fillcolor=st.background,
            color=st.ink,
            penwidth="1.2",
        )
    else:
        into.node(name, "", shape="point", width="0.05", style="invis")


def _legend(
    dot: graphviz.Digraph,
    m: ArgumentMap,
    st: Style,
    junctions: set[str],
    has_hidden: bool,
) -> None:
    """A boxed legend of the kinds and relations the map uses: one row for BT/TB; for
    LR/RL one column, with the sample arrows reaching into a second column."""
    has_junction, ring = _junction_looks(m, junctions)
    kinds = [k for k in _KIND_NAMES if any(s.kind == k for s in m.statements)]
    relations = [r for r in _RELATION_NAMES if any(i.relation == r for i in m.inferences)]
    column = st.direction in ("LR", "RL")
    with dot.subgraph(name="cluster_legend") as lg:
        lg.attr(
            id="am-legend",
            label="<<B>Legend</B>>",
            labelloc="b" if st.direction == "BT" else "t",  # BT flips clusters
            style="rounded",
            color=st.muted,
            fontcolor=st.ink,
            fontsize=_num(st.font_size),
        )
        lg.attr("node", fontsize=_num(max(6.0, st.font_size - 2)))
        items: list[str] = []  # in reading order, on the legend's main rank
        seconds: list[str] = []  # arrow ends and the junction's text, for a column

        def end(into: graphviz.Digraph, name: str) -> None:
            _legend_end(into, name, st, ring=ring)

        def text(into: graphviz.Digraph, name: str) -> None:
            into.node(name, "linked premises", shape="plaintext", style="solid")

        def dot_(into: graphviz.Digraph, name: str) -> None:
            into.node(name, "", shape="point", width="0.11", color=st.ink)

        with lg.subgraph() as row:
            row.attr(rank="same")
            for kind in kinds:
                name = f"legend#{kind}"
                row.node(
                    name, _KIND_NAMES[kind], id=f"am-legend:{kind}", **_node_attrs(st.kinds[kind])
                )
                items.append(name)
            for relation in relations:
                name = f"legend#{relation}"
                row.node(
                    name,
                    _RELATION_NAMES[relation],
                    id=f"am-legend:{relation}",
                    shape="plaintext",
                    style="solid",
                )
                items.append(name)
                (seconds if column else items).append(f"{name}-end")
                if not column:
                    end(row, f"{name}-end")
            if has_junction and column:  # text, then the dot in the second column
                text(row, "legend#junction-text")
                items.append("legend#junction-text")
                seconds.append("legend#junction")
            elif has_junction:
                dot_(row, "legend#junction")
                text(row, "legend#junction-text")
                items += ["legend#junction", "legend#junction-text"]
            if has_hidden:
                row.node(
                    "legend#hidden",
                    "+N hidden statements",
                    shape="box",
                    style="rounded,dashed",
                    color=st.muted,
                    fontcolor=st.muted,
                )
                items.append("legend#hidden")
            if column:  # flat order runs bottom to top in a column
                items.reverse()
            for a, b in pairwise(items):
                if not (b.endswith("-end") and b.startswith(a)):
                    row.edge(a, b, style="invis")
        if column:
            with lg.subgraph() as side:
                side.attr(rank="same")
                for name in seconds:
                    (dot_ if name == "legend#junction" else end)(side, name)
            if has_junction:
                lg.edge("legend#junction-text", "legend#junction", style="invis")
        for relation in relations:
            name = f"legend#{relation}"
            lg.edge(name, f"{name}-end", **_edge_attrs(st.relations[relation]))


def dumps(m: ArgumentMap, **options: object) -> str:
    """The DOT text of :func:`to_dot` (same options)."""
    return str(to_dot(m, **options).source)  # type: ignore[arg-type]


FORMAT = FormatSpec(
    name="dot",
    title="DOT (Graphviz)",
    suffixes=(".dot", ".gv"),
    dumps=dumps,
    drawing=True,
    keeps="The drawing: texts as labels, kinds and relations as styles, SVG ids am:<id>.",
    loses="Everything a drawing does not show (a drawing, not read back as a map).",
)
"""DOT in the format registry (:mod:`argmap.registry`): written, not read."""
