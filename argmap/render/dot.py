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
from collections.abc import Callable, Mapping
from typing import get_args

import graphviz
from pydantic import ValidationError
from typing_extensions import Unpack

from argmap.errors import ArgmapError, OptionError, describe_validation_error
from argmap.map import ArgumentMap
from argmap.model import Inference, Relation, Statement, StatementKind
from argmap.registry import FormatSpec
from argmap.render.layout import choose_direction
from argmap.render.options import ENGINES, DrawOptions, choice
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
    return _escape(_ANY_CONTROL.sub(" ", text))  # tabs and line breaks too: one label line


def _escape(text: str) -> str:
    """:func:`escape_html` of a text without control characters."""
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
    if _PLAIN_TEXT.fullmatch(text):  # one paragraph of plain words, as most texts are
        if len(text) <= width:
            return [text]
        if max(map(len, text.split(" "))) <= width:
            return _packer(width).findall(text)
    lines: list[str] = []
    text = _CONTROL.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " "))
    for paragraph in text.split("\n"):
        if len(paragraph) <= width and not paragraph[-1:].isspace():
            lines.append(paragraph)  # what textwrap would give, without its work
        elif _PLAIN.fullmatch(paragraph) and max(map(len, paragraph.split(" "))) <= width:
            lines.extend(_packer(width).findall(paragraph))
        else:
            lines.extend(_wrapper(width).wrap(paragraph) or [""])
    return lines


# Words with single spaces between them, no hyphen: textwrap would only pack them (a test
# checks it gives the same lines); packing them here is a third of a large map's to_dot.
_PLAIN = re.compile(r"[^\s-]+(?: [^\s-]+)*")
_PLAIN_TEXT = re.compile(r"[^\s\x00-\x1f\x7f-]+(?: [^\s\x00-\x1f\x7f-]+)*")
"""A text that is one such paragraph, with no control character to replace."""


@functools.lru_cache(maxsize=16)
def _packer(width: int) -> re.Pattern[str]:
    """Greedy lines of at most ``width`` characters from words no longer than it, with
    single spaces between them: each match is the longest run of up to ``width``
    characters that ends before a space or at the end, the space it ends on dropped."""
    return re.compile(rf"(.{{1,{width}}})(?: |\Z)")


@functools.lru_cache(maxsize=16)
def _wrapper(width: int) -> textwrap.TextWrapper:
    return textwrap.TextWrapper(width)


def _lines(text: str, width: int) -> str:
    """``text`` wrapped at ``width`` and escaped, its lines joined by ``<BR/>``."""
    return _line_maker(width)(text)


@functools.lru_cache(maxsize=16)
def _line_maker(width: int) -> Callable[[str], str]:
    """:func:`_lines` at one ``width``, its regular expressions bound once: the label
    of every statement of a drawing goes through it."""
    pack = _packer(width).findall
    long_word = re.compile(rf"[^ ]{{{width + 1}}}").search

    def lines(text: str) -> str:
        if _SAFE_TEXT.fullmatch(text):  # plain words, nothing to escape: most texts
            if len(text) <= width:
                return text
            if long_word(text) is None:  # _wrap would pack it, _escape leave it as it is
                return "<BR/>".join(pack(text))
        # _wrap leaves no control character in a line: the lines are escaped in one go,
        # the line breaks between them becoming <BR/>. A text that wraps to nothing
        # (only whitespace) is a space: an empty <B></B> is an error.
        return _escape("\n".join(_wrap(text, width))).replace("\n", "<BR/>") or " "

    return lines


_SAFE_TEXT = re.compile(
    r'[^\s\x00-\x1f\x7f\-&<>"\\\]\ufffe\uffff]+(?: [^\s\x00-\x1f\x7f\-&<>"\\\]\ufffe\uffff]+)*'
)
"""A :data:`_PLAIN_TEXT` paragraph with no character :func:`_escape` changes."""


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
    if badges:
        head.extend(escape_html(b) for b in badges)
    if head:
        parts.append(_first_line(" · ".join(head), style.font_size, ns.border or style.ink))
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


@functools.lru_cache(maxsize=256)
def _first_line(head: str, font_size: float, color: str) -> str:
    """A label's first line: the kind and badges (``head``, escaped), small, coloured."""
    return f'<FONT POINT-SIZE="{_num(max(6.0, font_size - 2))}" COLOR="{color}">{head}</FONT>'


def _marks(s: Statement, st: Style, badges: Mapping[str, str] | None) -> list[str]:
    """What a statement's first line shows after its kind: its badge, and ``quoted``
    when the style shows sources and it quotes one."""
    marks = [badges[s.id]] if badges and s.id in badges else []
    quoted = bool(getattr(s, "quotes", ())) or "quote" in s.metadata
    if st.show_sources and (quoted or "source" in s.metadata):
        marks.append("quoted")
    return marks


def _needs_junction(m: ArgumentMap, inf: Inference) -> bool:
    if inf.linked:
        return True
    g = m.graph
    return any(g.nodes[u]["kind"] == "inference" for u in g.predecessors(inf.id))


def _junctions(inferences: list[Inference]) -> set[str]:
    """The ids of the inferences of :func:`_needs_junction` among all of a drawing's:
    the linked ones, and those another inference (an undercut) ends on."""
    targets = {inf.target for inf in inferences}
    return {inf.id for inf in inferences if inf.linked or inf.id in targets}


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


def _resolve_style(options: Mapping[str, object]) -> Style:
    """The style ``to_dot`` draws with, after checking every option's value."""
    check_options(options, DOT_OPTIONS, "to_dot()")
    style = options.get("style")
    wrap = options.get("wrap")
    title = options.get("title")
    legend = options.get("legend")
    labels = options.get("labels")
    clusters = options.get("clusters")
    _check_mapping(
        "node_attrs",
        options.get("node_attrs"),
        "statement id to a mapping of Graphviz attributes",
    )
    _check_mapping("badges", options.get("badges"), "statement id to text")
    if wrap is not None and (
        not isinstance(wrap, int) or isinstance(wrap, bool) or not 8 <= wrap <= 1000
    ):
        raise OptionError(f"wrap must be a whole number of characters from 8 to 1000; got {wrap!r}")
    direction = options.get("direction")
    if direction is not None:
        direction = check_direction(direction)
    engine = options.get("engine")
    if engine is not None:
        engine = choice("engine", engine, ENGINES)
    if style is not None and not isinstance(style, Style | str):
        raise OptionError(
            f"style must be a Style or the name of a theme ({', '.join(sorted(THEMES))}), "
            f"not {type(style).__name__}; build one with argmap.theme(...)"
        )
    for name, flag in (("title", title), ("legend", legend)):
        if flag is not None and not isinstance(flag, bool):
            raise OptionError(f"{name} must be True or False; got {flag!r}")
    if labels is not None:
        labels = choice("labels", labels, _LABEL_MODES)
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
            "engine": engine,
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


def to_dot(m: ArgumentMap, **options: Unpack[DrawOptions]) -> graphviz.Digraph:
    """Draw ``m`` as a :class:`graphviz.Digraph` (see the module docs for the look).

    Parameters
    ----------
    m : ArgumentMap
        The map (or a :class:`~argmap.views.MapView`); it is read, never changed.
    **options : DrawOptions
        The drawing options below, as keywords (typed by
        :class:`~argmap.render.options.DrawOptions`).

    Other Parameters
    ----------------
    style : Style or str, optional
        A :class:`~argmap.render.style.Style`, or the name of a built-in theme
        (``"default"``, ``"colorblind"``, ``"print"``). The options below, when given,
        override the style's field of the same name.
    wrap : int, optional
        Wrap statement text at this many characters per line (default 32).
    direction : {"auto", "BT", "TB", "LR", "RL"}, optional
        Graphviz ``rankdir``, in any case: ``BT`` puts main conclusions at the top,
        ``LR`` on the right. The default, ``auto``, picks ``BT`` or ``LR`` from the
        map's shape (:func:`argmap.render.layout.choose_direction`).
    engine : {"dot", "neato", "fdp", "sfdp", "circo", "twopi", "osage", "patchwork"}, optional
        The Graphviz layout program (default ``dot``), written into the DOT as
        ``layout=``; the others than ``dot`` ignore ``direction``.
    title : bool, optional
        Show the map's title above the drawing (default True).
    legend : bool, optional
        Add a legend of the kinds, relations and marks the map uses (default False):
        one small table beside the main conclusions.
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
    >>> dot = to_dot(m, style="print", direction="lr")
    >>> for line in dot.source.splitlines()[4:8:2]:  # each kind's look, declared once
    ...     print(line.strip())
    node [fillcolor=white peripheries=2 style=filled]
    node [peripheries=1 style="rounded,filled"]
    """
    st = _resolve_style(options)
    node_attrs = options.get("node_attrs")
    badges = options.get("badges")
    # A graph edited out of shape is refused, as by every writer; the lists it gives
    # are quicker to walk than the map's iterators.
    statements, inferences = m._checked_elements(json=False)
    junctions = _junctions(inferences)
    st = _with_direction(st, statements, inferences, junctions)
    dot = _digraph(m, st)
    main_conclusions = m.main_conclusions()
    main = {s.id for s in main_conclusions}
    cluster_of, members, junction_members = _groups(m, st, statements, inferences, junctions)
    root = _Defaults(_NODE_BASE)
    writer = _NodeWriter(m, st, main, badges, node_attrs)

    def emit_nodes(into: graphviz.Digraph, cluster: str | None, now: _Defaults) -> None:
        writer.statements(into, members.get(cluster, []), now)
        for inf in junction_members.get(cluster, []):
            _junction(into, inf, st, now)

    emit_nodes(dot, None, root)
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
            emit_nodes(sub, name, root.inherited())

    _edges(dot, inferences, st, junctions)
    top = [s.id for s in main_conclusions if not cluster_of.get(s.id)]
    if st.legend:
        _legend(dot, m, st, junctions, bool(writer.hidden), root, beside=top)
    if st.main_on_top:
        _main_on_top(dot, top)
    return dot


def _groups(
    m: ArgumentMap,
    st: Style,
    statements: list[Statement],
    inferences: list[Inference],
    junctions: set[str],
) -> tuple[
    dict[str, str | None],
    dict[str | None, list[Statement]],
    dict[str | None, list[Inference]],
]:
    """The cluster of each statement (none without clusters), the statements in each
    cluster (None: the drawing itself), and the junctions drawn in each."""
    if not st.clusters:
        return {}, {None: statements}, {None: [i for i in inferences if i.id in junctions]}
    cluster_of = {s.id: _cluster_of(s, st.clusters) for s in statements}
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
    return cluster_of, members, junction_members


class _NodeWriter:
    """Writes the statements' node lines (and their ``+N`` markers) of one drawing."""

    def __init__(
        self,
        m: ArgumentMap,
        st: Style,
        main: set[str],
        badges: Mapping[str, str] | None,
        node_attrs: Mapping[str, Mapping[str, str]] | None,
    ) -> None:
        self.st, self.main, self.badges, self.node_attrs = st, main, badges, node_attrs
        self.hidden = m.hidden if isinstance(m, MapView) else {}
        self.above = m.hidden_above if isinstance(m, MapView) else {}
        self.kind_attrs = {k: _full(_NODE_BASE, _node_attrs(ns)) for k, ns in st.kinds.items()}
        # Most statements are drawn in their kind's look with nothing of their own (no
        # style, badge, mark, title or tags to show, not a main conclusion):
        # statements() writes their line itself, the very line the general path would
        # write, and sends every other statement down the general path.
        self.own = {*main, *st.nodes, *(badges or ()), *(node_attrs or ()), *self.hidden}
        self.plain = st.labels in ("full", "text")
        self.tags_matter = bool(st.tags) or st.show_tags
        self.no_title = st.labels == "text"
        self.first_lines = {
            kind: _first_line(kind.upper(), st.font_size, ns.border or st.ink) + "<BR/>"
            if st.show_kind
            else ""
            for kind, ns in st.kinds.items()
        }
        self.lines = _line_maker(st.wrap)

    def statements(
        self, into: graphviz.Digraph, statements: list[Statement], now: _Defaults
    ) -> None:
        body, own, kind_attrs, first_lines, lines = (
            into.body,
            self.own,
            self.kind_attrs,
            self.first_lines,
            self.lines,
        )
        plain, tags_matter, no_title = self.plain, self.tags_matter, self.no_title
        for s in statements:
            sid = s.id
            if (
                plain
                and sid not in own
                and not s.metadata
                and not s.quotes
                and (not s.tags or not tags_matter)
                and (not s.title or no_title)
            ):
                look = kind_attrs[s.kind]
                if look is not now.last:
                    now.switch(into, "node", look)
                label = _fold(f"<{first_lines[s.kind]}{lines(s.text)}>")
                body.append(
                    f"\t{_quote_name(sid)} [label={label} id={_quote_id(SVG_PREFIX + sid)}]\n"
                )
            else:
                self.statement(into, s, now)

    def statement(self, into: graphviz.Digraph, s: Statement, now: _Defaults) -> None:
        """The general path: any statement, with its own look, label and markers."""
        st, sid = self.st, s.id
        ns = _statement_style(s, st, sid in self.main)
        now.switch(into, "node", self.kind_attrs[s.kind])
        if ns is st.kinds[s.kind]:  # the kind's look, which the defaults now have
            attrs = {"id": svg_id(sid)}
        else:
            attrs = {**now.diff(_full(_NODE_BASE, _node_attrs(ns))), "id": svg_id(sid)}
        if self.node_attrs and sid in self.node_attrs:
            attrs.update(self.node_attrs[sid])
        _node(into, sid, _label(s, st, ns, _marks(s, st, self.badges), st.labels), attrs)
        if sid in self.hidden:
            hidden = self.hidden[sid]
            up = self.above.get(sid, 0)
            if hidden > up:
                _marker(into, sid, hidden - up, st, now, above=False)
            if up:
                _marker(into, sid, up, st, now, above=True)


def _with_direction(
    st: Style, statements: list[Statement], inferences: list[Inference], junctions: set[str]
) -> Style:
    """``st`` with its ``"auto"`` direction chosen from the map's shape."""
    if st.direction != "auto":
        return st
    chosen = (
        choose_direction(statements, inferences, junctions, wrap=st.wrap, font_size=st.font_size)
        if st.engine == "dot"
        else "BT"
    )
    return st.model_copy(update={"direction": chosen})


_NODE_BASE: dict[str, str] = {
    "color": "black",
    "fontcolor": "black",
    "penwidth": "1",
    "peripheries": "1",
    "shape": "box",
    "style": "rounded,filled",
}
"""A node's look as the graph defaults and Graphviz's own give it: what a node style's
attributes (which leave these values out) are laid over."""

_EDGE_BASE: dict[str, str] = {
    "arrowhead": "normal",
    "color": "black",
    "penwidth": "1",
    "style": "solid",
}


def _full(base: Mapping[str, str], attrs: Mapping[str, str]) -> dict[str, str]:
    return {**base, **attrs}


class _Defaults:
    """The node (or edge) defaults a DOT body is at. Each statement switches them to
    its kind's look (a ``node [...]`` line, only where they change), then states on
    itself only what differs from them: the look is declared once per run of a kind,
    not on every element. A cluster starts from the defaults its parent had."""

    def __init__(self, base: Mapping[str, str]) -> None:
        self.now = dict(base)
        self.last: Mapping[str, str] | None = None  # what the last switch was to
        # Switches from one look to another that left the defaults exactly at the new
        # look: the same change each time (by the looks' ids; the looks are kept in the
        # values, so no id is reused while the entry exists).
        self.moves: dict[tuple[int, int], tuple[object, object, dict[str, str], str]] = {}

    def inherited(self) -> _Defaults:
        return _Defaults(self.now)

    def switch(self, into: graphviz.Digraph, what: str, full: Mapping[str, str]) -> None:
        last = self.last
        if full is last:  # only switch() changes the defaults: they are at ``full``
            return
        # After a switch to ``last`` the defaults hold all its keys: with no other key
        # they are exactly ``last``, and the move to ``full`` is the one seen before.
        exact = last is not None and len(self.now) == len(last)
        key = (id(last), id(full))
        move = self.moves.get(key) if exact else None
        if move is not None:
            change, line = move[2], move[3]
        else:
            change = self.diff(full)
            line = f"\t{what} [{_a_list(change)}]\n" if change else ""
        if line:
            into.body.append(line)
        self.now.update(change)
        if exact and move is None and len(self.now) == len(full):
            self.moves[key] = (last, full, change, line)
        self.last = full

    def diff(self, full: Mapping[str, str]) -> dict[str, str]:
        now = self.now
        return {k: v for k, v in full.items() if now.get(k) != v}


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
    "engine",
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


def _junction(into: graphviz.Digraph, inf: Inference, st: Style, now: _Defaults) -> None:
    """The point an inference's arrows meet at: a dot where linked premises join, a
    small ring on a one-premise step that an undercut ends on (so an undercut of an
    undercut never looks like two linked undercutters)."""
    color = st.relations[inf.relation].color or st.ink
    look = (
        {"shape": "point", "width": "0.11", "fillcolor": color}
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
    attrs = now.diff(_full(_NODE_BASE, {"color": color, **look}))
    attrs.update(id=svg_id(inf.id), tooltip=f"{inf.relation}: {inf.id}")
    _node(into, inf.id, "", attrs, html=False)


def _edges(
    dot: graphviz.Digraph, inferences: list[Inference], st: Style, junctions: set[str]
) -> None:
    now = _Defaults(_EDGE_BASE)
    looks = {r: _full(_EDGE_BASE, _edge_attrs(es)) for r, es in st.relations.items()}
    body = dot.body
    for inf in inferences:
        look = looks[inf.relation]
        if look is not now.last:
            now.switch(dot, "edge", look)
        iid, target = inf.id, inf.target
        if iid in junctions:
            bare = {} if look["arrowhead"] == "none" else {"arrowhead": "none"}
            for p in inf.premises:
                _edge(dot, p, iid, bare, svg_id(p, iid))
            tail = iid
        else:
            tail = inf.premises[0]
        # _edge(dot, tail, target, {}, svg_id(iid, target)), inline: one per inference
        arrow = _quote_id(f"{SVG_PREFIX}{iid}:{target}")
        body.append(f"\t{_quote_name(tail)} -> {_quote_name(target)} [id={arrow}]\n")


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
    if len(attrs) == 1 and "id" in attrs:  # most statements and arrows
        return f"id={_quote_id(attrs['id'])}"
    return " ".join(
        f"{_quote(k)}={_quote(v) if k != 'id' else _quote_id(v)}"
        for k, v in sorted(attrs.items())
        if v is not None
    )


_DOT_ID = re.compile(r"[a-zA-Z_][a-zA-Z0-9_]*|-?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)")
_DOT_KEYWORDS = frozenset(("node", "edge", "graph", "digraph", "subgraph", "strict"))


def _quote_name(name: str) -> str:
    """Quote a node name exactly as graphviz's ``quote()`` would, without its checks for
    what no name argmap draws has (ids, ``#`` names: no quote, backslash, line break or
    leading ``<``): a DOT ID or numeral that is not a keyword as it is, else in quotes."""
    if name.isascii() and name.isidentifier():  # [a-zA-Z_][a-zA-Z0-9_]*, as most ids
        return name if name.lower() not in _DOT_KEYWORDS else f'"{name}"'
    if '"' in name or "\\" in name or "\n" in name or name.startswith("<"):
        return _quote(name)
    if _DOT_ID.fullmatch(name) and name.lower() not in _DOT_KEYWORDS:
        return name
    return f'"{name}"'


def _node(
    into: graphviz.Digraph, name: str, label: str, attrs: Mapping[str, str], *, html: bool = True
) -> None:
    """``into.node(name, label, **attrs)``, faster; ``label`` is HTML-like unless not
    ``html``."""
    if not html:
        text = _quote(label)
    elif label.startswith("<") and label.endswith(">"):  # all argmap builds
        text = _fold(label)  # an HTML-like label, which quote() leaves as it is
    else:
        text = graphviz.quoting.quote(_fold(label))
    head = f"label={text}"
    rest = _a_list(attrs)
    into.body.append(f"\t{_quote_name(name)} [{head}{' ' if rest else ''}{rest}]\n")


def _edge(into: graphviz.Digraph, tail: str, head: str, attrs: Mapping[str, str], id: str) -> None:
    """``into.edge(tail, head, id=id, **attrs)`` for port-less ids, faster."""
    line = f"\t{_quote_name(tail)} -> {_quote_name(head)} [{_a_list({**attrs, 'id': id})}]\n"
    into.body.append(line)


def _digraph(m: ArgumentMap, st: Style) -> graphviz.Digraph:
    """An empty drawing with the graph, node and edge defaults of style ``st``."""
    dot = graphviz.Digraph("argmap")
    graph_attr = {
        "rankdir": st.direction,
        "nodesep": "0.3",
        "ranksep": "0.5",
        "fontname": st.font,
    }
    if st.engine != "dot":
        graph_attr["layout"] = st.engine
        if st.engine in _FORCE_ENGINES:
            graph_attr["overlap"] = "false"  # labels readable, not piled on each other
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


_FORCE_ENGINES = ("neato", "fdp", "sfdp", "circo", "twopi")


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


def _marker(
    into: graphviz.Digraph, id: str, count: int, st: Style, now: _Defaults, *, above: bool
) -> None:
    """A dashed ``+N`` box for hidden statements: on the side of the reasons (an edge
    into ``id``) or, for what ``id`` bears on, beyond it (an edge out of ``id``)."""
    name = f"{id}#hidden-above" if above else f"{id}#hidden"
    noun = "statement" if count == 1 else "statements"
    look = {"style": "rounded,dashed", "color": st.muted, "fontcolor": st.muted}
    attrs = now.diff(_full(_NODE_BASE, look))
    attrs.update(
        id=name,
        fontsize=_num(max(6.0, st.font_size - 2)),
        tooltip=f"{count} hidden {noun} connect here",
    )
    _node(into, name, f"+{count}", attrs, html=False)
    tail, head = (id, name) if above else (name, id)
    into.edge(tail, head, style="dashed", color=st.muted, arrowhead="none")


def _junction_looks(m: ArgumentMap, junctions: set[str]) -> tuple[bool, bool]:
    """Whether the drawing has a linked-premises dot, and whether it has a ring."""
    linked = [m.inference(j).linked for j in junctions]
    return any(linked), not all(linked)


_HEAD_GLYPHS = {
    "normal": "▶",
    "empty": "▷",
    "vee": "\u203a",  # a single right-pointing angle
    "tee": "┤",
    "dot": "●",
    "odot": "○",
    "diamond": "◆",
    "odiamond": "◇",
    "box": "■",
    "obox": "□",
}
"""The arrow heads as the legend shows them, after a sample of the line."""


def _legend_row(sample: str, text: str) -> str:
    return f'<TR>{sample}<TD ALIGN="LEFT">{text}</TD></TR>'


def _kind_sample(ns: NodeStyle, st: Style) -> str:
    look = [
        f'BGCOLOR="{ns.fill or st.background}"',
        f'COLOR="{ns.border or "black"}"',
        f'BORDER="{"2" if ns.double else "1"}"',
    ]
    if ns.shape in ("rounded", None, "ellipse"):
        look.append('STYLE="rounded"')
    elif ns.border_style in ("dashed", "dotted"):
        look.append(f'STYLE="{ns.border_style}"')
    return f'<TD {" ".join(look)} WIDTH="22" HEIGHT="11" FIXEDSIZE="TRUE"></TD>'


def _relation_sample(es: EdgeStyle, st: Style) -> str:
    color = es.color or st.ink
    line = es.line if es.line in ("dashed", "dotted") else None
    width = "2" if (es.width or 1) > 1.3 else "1"
    look = [f'SIDES="{"TB" if es.double else "B"}"', f'BORDER="{width}"', f'COLOR="{color}"']
    if line:
        look.append(f'STYLE="{line}"')
    head = _HEAD_GLYPHS.get(es.head or "normal", "")
    glyph = f'<FONT COLOR="{color}">{head}</FONT>' if head else ""
    return (
        '<TD><TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>'
        f'<TD {" ".join(look)} WIDTH="16" HEIGHT="6" FIXEDSIZE="TRUE"></TD>'
        f"<TD>{glyph}</TD></TR></TABLE></TD>"
    )


def legend_label(m: ArgumentMap, st: Style, junctions: set[str], has_hidden: bool) -> str:
    """The legend as one HTML-like table: a row for each kind, relation and mark the
    drawing uses (and only those), each with a small sample of how it is drawn."""
    has_junction, ring = _junction_looks(m, junctions)
    kinds = [k for k in _KIND_NAMES if any(s.kind == k for s in m.statements)]
    relations = [r for r in _RELATION_NAMES if any(i.relation == r for i in m.inferences)]
    rows = ['<TR><TD COLSPAN="2"><B>Legend</B></TD></TR>']
    for kind in kinds:
        sample = _kind_sample(st.kinds[kind], st)
        rows.append(_legend_row(sample, _KIND_NAMES[kind]))
    for relation in relations:
        sample = _relation_sample(st.relations[relation], st)
        rows.append(_legend_row(sample, _RELATION_NAMES[relation]))
    if has_junction:
        dot = f'<TD><FONT COLOR="{st.ink}">●</FONT></TD>'
        rows.append(_legend_row(dot, "linked premises"))
    if ring:
        mark = f'<TD><FONT COLOR="{st.ink}">○</FONT></TD>'
        rows.append(_legend_row(mark, "a step that is undercut"))
    if has_hidden:
        muted = st.muted
        mark = f'<TD BORDER="1" STYLE="dashed" COLOR="{muted}"><FONT COLOR="{muted}">+N</FONT></TD>'
        rows.append(_legend_row(mark, "hidden statements"))
    table = (
        f'<TABLE BORDER="1" STYLE="rounded" COLOR="{st.muted}" CELLBORDER="0" '
        f'CELLSPACING="2" CELLPADDING="1">{"".join(rows)}</TABLE>'
    )
    return f"<{table}>"


def _legend(
    dot: graphviz.Digraph,
    m: ArgumentMap,
    st: Style,
    junctions: set[str],
    has_hidden: bool,
    now: _Defaults,
    *,
    beside: list[str],
) -> None:
    """The legend: one small node, on the level of the main conclusions (``beside``),
    which has the most room to spare in a map of reasons converging on a claim."""
    attrs = now.diff(_full(_NODE_BASE, {"shape": "plain", "style": "solid"}))
    attrs.update(
        id="am-legend",
        fontcolor=st.ink,
        fontsize=_num(max(6.0, st.font_size - 2)),
    )
    label = legend_label(m, st, junctions, has_hidden)
    _node(dot, "legend#", label, attrs)
    if beside and st.main_on_top:
        beside.append("legend#")


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
