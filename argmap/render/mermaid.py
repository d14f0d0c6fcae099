"""Mermaid flowchart export: argument maps that render on GitHub and in Markdown docs.

The text draws the same distinctions as the Graphviz diagram, by shape and line as well
as colour:

* claims are rectangles, premises rounded boxes, counterpoints hexagons; each label's
  first line names the kind; main conclusions have a thick border;
* a support is a solid arrow (``-->``), an attack a dashed arrow (``-.->``), an undercut
  a dashed line ending in a cross (``-.-x``) at the junction of the inference it denies,
  a rephrase a thick line with no arrow head (``===``);
* linked premises meet in a small junction circle (lines without heads), from which one
  arrow goes on to the target;
* a :class:`~argmap.views.MapView` shows ``+N`` markers for hidden statements, and its
  summary under the title.

Escaping
--------
Statement ids never reach Mermaid (nodes are ``s1``, ``s2``, ... in map order, junctions
``j1``, ... , so ids like ``end`` cannot clash with Mermaid keywords). All user text is
written inside double quotes with Mermaid's entity codes for ``"``, ``#``, ``&``, ``<``,
``>``, ``%``, backticks and ``\\`` (which Mermaid would read in ``\\n`` as a line
break), so it can neither end the label nor be read as HTML or Markdown; control
characters become spaces, U+FFFE and U+FFFF (which YAML and XML refuse) U+FFFD.

The title goes in the front matter as a JSON (hence YAML) string. Mermaid passes it
through DOMPurify and then shows the result as plain text, so no entity code works
there: ``<img ...>``, ``<!-- -->`` and ``</script>`` would vanish and ``&`` show as
``&amp;``. argmap writes ``<``, ``>`` and ``&`` in the title as their full-width forms
(U+FF1C, U+FF1E, U+FF06, which look alike) and a no-break space as a space, so every
word of it is shown.
"""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Mapping
from pathlib import Path

from typing_extensions import Unpack

from argmap._io import write_atomic
from argmap.errors import OptionError
from argmap.map import ArgumentMap
from argmap.model import Inference, Relation, Statement
from argmap.registry import FormatSpec
from argmap.render.colours import css_colour
from argmap.render.layout import choose_direction
from argmap.render.options import MermaidOptions
from argmap.render.style import Style, check_direction, check_options, theme
from argmap.views import MapView

__all__ = ["FORMAT", "MERMAID_OPTIONS", "dump", "dumps", "escape", "escape_title"]

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_CODES = {
    '"': "#quot;",
    "#": "#35;",
    "&": "#amp;",
    "<": "#lt;",
    ">": "#gt;",
    "`": "#96;",
    "%": "#37;",
    "\\": "#92;",
}
_CODE_RE = re.compile("[" + re.escape("".join(_CODES)) + "]")
_LINK: dict[Relation, tuple[str, str]] = {  # (to the target, from a linked premise)
    "support": ("-->", "---"),
    "attack": ("-.->", "-.-"),
    "undercut": ("-.-x", "-.-"),
    "rephrase": ("===", "==="),  # a rephrase has one premise: never linked
}
_SHAPE = {"claim": ('["', '"]'), "premise": ('("', '")'), "counterpoint": ('{{"', '"}}')}


def escape(text: str) -> str:
    r"""Escape text for a double-quoted Mermaid label.

    >>> escape('<b>"x"</b> & #1')
    '#lt;b#gt;#quot;x#quot;#lt;/b#gt; #amp; #35;1'
    >>> escape("a \\n b")
    'a #92;n b'
    """
    text = _CONTROL.sub(" ", text.replace("\t", " "))
    text = text.replace("\ufffe", "\ufffd").replace("\uffff", "\ufffd")
    return _CODE_RE.sub(lambda mt: _CODES[mt.group()], text)


_TITLE = str.maketrans(
    {
        "<": "\uff1c",
        ">": "\uff1e",
        "&": "\uff06",
        "\xa0": " ",
        "\ufffe": "\ufffd",
        "\uffff": "\ufffd",
    }
)


def escape_title(text: str) -> str:
    """The front-matter line of a title (see the module docs).

    >>> escape_title("<b> & y") == 'title: "\\uff1cb\\uff1e \\uff06 y"'
    True
    """
    return "title: " + json.dumps(text.translate(_TITLE), ensure_ascii=False)


def _lines(text: str, width: int) -> list[str]:
    out: list[str] = []
    text = _CONTROL.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " "))
    for paragraph in text.split("\n"):
        out.extend(escape(line) for line in textwrap.wrap(paragraph, width) or [""])
    return out


def _label(s: Statement, st: Style) -> str:
    parts = [s.kind.upper()] if st.show_kind else []
    if st.labels == "full":
        if s.title:
            parts.append("<b>" + "<br/>".join(_lines(s.title, st.wrap)) + "</b>")
        parts.extend(_lines(s.text, st.wrap))
    elif st.labels == "text":
        parts.extend(_lines(s.text, st.wrap))
    elif st.labels == "title" and s.title:
        parts.append("<b>" + "<br/>".join(_lines(s.title, st.wrap)) + "</b>")
    else:
        parts.append(escape(s.id))
    return "<br/>".join(parts)


def _needs_junction(m: ArgumentMap, inf: Inference) -> bool:
    g = m.graph
    return inf.linked or any(g.nodes[u]["kind"] == "inference" for u in g.predecessors(inf.id))


def _resolve_style(options: Mapping[str, object]) -> Style:
    check_options(options, MERMAID_OPTIONS, "Mermaid output")
    style = options.get("style")
    wrap = options.get("wrap")
    direction = options.get("direction")
    if style is not None and not isinstance(style, Style | str):
        raise OptionError(
            f"style must be a Style or the name of a theme, not {type(style).__name__}"
        )
    if wrap is not None and (
        not isinstance(wrap, int) or isinstance(wrap, bool) or not 8 <= wrap <= 1000
    ):
        raise OptionError(f"wrap must be a whole number of characters from 8 to 1000; got {wrap!r}")
    st = theme(style) if isinstance(style, str) else (style or theme())
    changes: dict[str, object] = {}
    if direction is not None:
        changes["direction"] = check_direction(direction)
    if wrap is not None:
        changes["wrap"] = wrap
    return st.model_copy(update=changes) if changes else st


def dumps(m: ArgumentMap, **options: Unpack[MermaidOptions]) -> str:
    """The map as Mermaid ``flowchart`` text (deterministic).

    Parameters
    ----------
    m : ArgumentMap
        The map or a :class:`~argmap.views.MapView`.
    **options : MermaidOptions
        The options below, as keywords (typed by
        :class:`~argmap.render.options.MermaidOptions`).

    Other Parameters
    ----------------
    style : Style or str, optional
        Colours (fills, borders, arrows), label mode and wrap width come from this
        style or built-in theme; shapes and line styles are fixed (see module docs).
    direction : {"auto", "BT", "TB", "LR", "RL"}, optional
        Overrides the style's direction, in any case (default ``auto``: ``BT`` or
        ``LR`` from the map's shape, as for Graphviz, see
        :func:`argmap.render.layout.choose_direction`).
    wrap : int, optional
        Overrides the style's text wrap width.

    Raises
    ------
    OptionError
        An option other than these three (the DOT-only ones such as ``legend`` have no
        Mermaid counterpart), an unknown theme or direction, a wrap outside 8 to 1000,
        or a style colour with no CSS form (an ``/svg/`` or ColorBrewer scheme colour).

    Examples
    --------
    >>> import argmap as am
    >>> m = am.ArgumentMap()
    >>> c = m.claim("Tax sugar", id="c")
    >>> p = m.premise("Sugar harms health", id="p", supports=c)
    >>> print(dumps(m))
    flowchart BT
        s1["CLAIM<br/>Tax sugar"]:::claim
        s2("PREMISE<br/>Sugar harms health"):::premise
        s2 --> s1
        class s1 main
        classDef claim fill:#dbe9f6,stroke:#1f4e79,color:#000000
        classDef premise fill:#e3f1e4,stroke:#2e7d32,color:#000000
        classDef counterpoint fill:#fbe3e1,stroke:#b71c1c,color:#000000
        classDef main stroke-width:3px
        classDef junction fill:#333333,stroke:#333333
        classDef hidden fill:#ffffff,stroke:#777777,color:#777777,stroke-dasharray:3 3
        linkStyle 0 stroke:#2e7d32
    <BLANKLINE>
    """
    st = _resolve_style(options)
    # A graph edited out of shape is refused, as by every writer.
    statements, inferences = m._checked_elements(json=False)
    junctions = [inf for inf in inferences if _needs_junction(m, inf)]
    rankdir = (
        choose_direction(
            statements,
            inferences,
            {j.id for j in junctions},
            wrap=st.wrap,
            font_size=st.font_size,
        )
        if st.direction == "auto"
        else st.direction
    )

    out: list[str] = []
    heading = [m.title] if st.title and m.title else []
    if isinstance(m, MapView):
        heading.append(m.summary())
    if heading:
        out += ["---", escape_title(" — ".join(heading)), "---"]
    out.append(f"flowchart {rankdir}")

    node = {s.id: f"s{n}" for n, s in enumerate(statements, 1)}
    node.update({inf.id: f"j{n}" for n, inf in enumerate(junctions, 1)})
    hidden = m.hidden if isinstance(m, MapView) else {}

    for s in statements:
        left, right = _SHAPE[s.kind]
        out.append(f"    {node[s.id]}{left}{_label(s, st)}{right}:::{s.kind}")
    for inf in junctions:
        out.append(f'    {node[inf.id]}((" ")):::junction')
    above = m.hidden_above if isinstance(m, MapView) else {}
    markers: list[tuple[str, str, int]] = []  # (marker, statement node, count)
    for id, count in hidden.items():
        if count > above.get(id, 0):
            markers.append((f"{node[id]}h", node[id], count - above.get(id, 0)))
        if above.get(id, 0):
            markers.append((f"{node[id]}u", node[id], above[id]))
    for marker, _, count in markers:
        out.append(f'    {marker}["+{count}"]:::hidden')

    link_kinds: list[str] = []  # the relation (or "hidden") of each link, in order
    for inf in inferences:
        to_target, from_premise = _LINK[inf.relation]
        if inf.id in node:
            for p in inf.premises:
                link_kinds.append(inf.relation)
                out.append(f"    {node[p]} {from_premise} {node[inf.id]}")
            source = node[inf.id]
        else:
            source = node[inf.premises[0]]
        link_kinds.append(inf.relation)
        out.append(f"    {source} {to_target} {node[inf.target]}")
    for marker, target, _ in markers:  # below the statement, or beyond it ("u")
        link_kinds.append("hidden")
        ends = (target, marker) if marker.endswith("u") else (marker, target)
        out.append(f"    {ends[0]} -.- {ends[1]}")

    mains = [node[s.id] for s in m.main_conclusions()]
    if mains:
        out.append(f"    class {','.join(mains)} main")
    out.extend(_styling(st, link_kinds))
    return "\n".join(out) + "\n"


def _styling(st: Style, link_kinds: list[str]) -> list[str]:
    """classDef lines for kinds, main conclusions, junctions and markers, and linkStyle
    lines colouring each link by its relation (``link_kinds``, in link order)."""
    out = [
        f"    classDef {kind} fill:{_css(ns.fill or 'white', f'kinds.{kind}.fill')},"
        f"stroke:{_css(ns.border or st.ink, f'kinds.{kind}.border')},"
        f"color:{_css(ns.text or 'black', f'kinds.{kind}.text')}"
        for kind, ns in st.kinds.items()
    ]
    ink, muted = _css(st.ink, "ink"), _css(st.muted, "muted")
    out.append("    classDef main stroke-width:3px")
    out.append(f"    classDef junction fill:{ink},stroke:{ink}")
    out.append(
        f"    classDef hidden fill:#ffffff,stroke:{muted},color:{muted},stroke-dasharray:3 3"
    )
    colors: dict[str, str] = {
        r: _css(es.color, f"relations.{r}.color") if es.color else ink
        for r, es in st.relations.items()
    }
    colors["hidden"] = muted
    for what in ("support", "attack", "undercut", "rephrase", "hidden"):
        indices = [str(i) for i, k in enumerate(link_kinds) if k == what]
        if indices:
            out.append(f"    linkStyle {','.join(indices)} stroke:{colors[what]}")
    return out


MERMAID_OPTIONS = ("style", "direction", "wrap")
"""The keyword options of :func:`dumps`."""


def _css(color: str, where: str) -> str:
    """A style colour (``#rrggbb``, HSV, a Graphviz name or scheme colour) as CSS, for
    Mermaid; ``where`` names the style field in the error for a colour with no CSS form."""
    try:
        return css_colour(color)
    except ValueError as err:
        raise OptionError(f"Mermaid output: style {where}: {err}") from None


def dump(m: ArgumentMap, path: str | Path, **options: object) -> Path:
    """Write :func:`dumps` to ``path`` atomically (e.g. ``map.mmd``); returns the path."""
    return write_atomic(path, dumps(m, **options))  # type: ignore[arg-type]


FORMAT = FormatSpec(
    name="mermaid",
    title="Mermaid flowchart",
    suffixes=(".mmd", ".mermaid"),
    dumps=dumps,
    drawing=True,
    keeps="The drawing: texts as labels, kinds and relations as styles; renders on GitHub.",
    loses="Everything a drawing does not show (a drawing, not read back as a map).",
)
"""Mermaid in the format registry (:mod:`argmap.registry`): written, not read."""
