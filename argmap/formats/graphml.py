"""GraphML: a map as a graph for yEd, Gephi, Cytoscape desktop and graph libraries.

:func:`dumps` writes the map's graph (:attr:`argmap.ArgumentMap.graph`) as GraphML: one
``<node>`` per statement and one per inference, edges from premises to their
inference and from the inference to its target (``role`` ``premise``/``target``),
and these declared ``<key>``\\ s, all of type ``string``:

=============  =======  ===============================================================
key            for      holds
=============  =======  ===============================================================
``label``      node     the statement's text; for an inference, its relation
``kind``       node     ``claim``, ``premise``, ``counterpoint`` or ``inference``
``relation``   node     an inference's ``support``, ``attack`` or ``undercut``
``title``      node     the statement's title
``note``       node     the note
``tags``       node     the tags, joined by ``", "``
``argmap``     node     JSON: whatever else the element has (metadata, quotes ...)
``role``       edge     ``premise`` (premise -> inference) or ``target``
``relation``   edge     the inference's relation
``title``      graph    the map's title
``description`` graph   the map's description
``argmap``     graph    JSON: ``{"version": 1}``, the map's metadata and sources
=============  =======  ===============================================================

Every node also has yFiles graphics (the ``yfiles.type="nodegraphics"`` key, an
``y:ShapeNode`` with its ``y:NodeLabel``; edges an ``y:PolyLineEdge``), so yEd shows
the text, a shape and colour per kind (claims bold rectangles, premises rounded
rectangles, counterpoints hexagons, inferences small ellipses coloured by relation)
and a line style per relation, laid out in rows with the main claims on top. Other
readers ignore those elements (GraphML's extension mechanism): Gephi and Cytoscape
read the plain keys, networkx and igraph too.

Characters: text goes into the file as it is, XML-escaped (``&`` ``<`` ``>``, and
carriage returns as ``&#13;`` so no parser turns them into line feeds). Characters
that XML 1.0 cannot hold at all (control characters other than tab, line feed and
carriage return, and U+FFFE/U+FFFF) show as U+FFFD in the plain keys and in the yEd
label, and the exact value of each field that has one is written into the element's
``argmap`` JSON key, where JSON escapes them (``\\u0001``); :func:`loads` takes the
value from there, so every valid map comes back exactly.

:func:`loads` reads what :func:`dumps` writes back into an equal map. It also reads
GraphML from other tools on a best-effort basis: data is matched by the keys'
``attr.name`` (not their ids), a node needs a ``kind`` (``claim``, ``premise``,
``counterpoint``, or ``inference`` with a ``relation``); a statement's text is its
``text`` or else its ``label``; an inference's premises are the statements with an
edge into it, its target the one node it has an edge to. Other data of a node, or of
the graph, is kept (as text) in its ``metadata["graphml"]``, or the map's; data of edges
other than ``role`` and ``relation``, and yFiles graphics, are not kept. That is the
layout of ``m.graph`` without its ``model`` objects, so GraphML that networkx's
``write_graphml`` writes from such a graph reads back (``write_graphml(m.graph)``
itself fails: networkx cannot write the model objects). Anything else is a
:class:`~argmap.errors.FormatError` naming the line, column and node: a node without
a kind, an edge between two statements, an inference without exactly one target, an
undirected graph, hyperedges, nested graphs. The XML is parsed without DTDs: a
document type declaration (and so any entity definition) is refused.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any, NoReturn
from xml.parsers import expat

from pydantic import JsonValue, ValidationError

from argmap._bulk import gc_paused
from argmap._io import load_file, write_atomic
from argmap.errors import ArgmapError, ArgumentTypeError, FormatError, describe_validation_error
from argmap.formats._jsontext import loads_unique
from argmap.formats._spec import Content, FormatSpec
from argmap.map import ArgumentMap
from argmap.model import Inference, Source, Statement, adapter, as_dict

__all__ = ["FORMAT", "GRAPHML_VERSION", "dump", "dumps", "load", "loads", "sniff"]

GRAPHML_VERSION = 1
"""The version of argmap's GraphML layout, written in the graph's ``argmap`` key."""

_NS = "http://graphml.graphdrawing.org/xmlns"
_NS_SPACE = f"{_NS} "  # how expat names GraphML's elements: namespace, space, name
_NS_Y = "http://www.yworks.com/xml/graphml"
_SCHEMA = f"{_NS} http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd"
_INFERENCE = "inference"
_TAG_SEP = ", "
_KINDS = ("claim", "premise", "counterpoint")

# (id, for, attr.name); all of attr.type string. Readers match data by attr.name.
_KEYS = (
    ("g.title", "graph", "title"),
    ("g.description", "graph", "description"),
    ("g.argmap", "graph", "argmap"),
    ("label", "node", "label"),
    ("kind", "node", "kind"),
    ("relation", "node", "relation"),
    ("title", "node", "title"),
    ("note", "node", "note"),
    ("tags", "node", "tags"),
    ("argmap", "node", "argmap"),
    ("role", "edge", "role"),
    ("e.relation", "edge", "relation"),
)
_NODE_NAMES = {"label", "kind", "relation", "title", "note", "tags", "argmap", "text"}

# Colours of argmap's default theme (argmap.render.style), as yEd writes them.
_FILL = {"claim": "#DBE9F6", "premise": "#E3F1E4", "counterpoint": "#FBE3E1"}
_BORDER = {"claim": "#1F4E79", "premise": "#2E7D32", "counterpoint": "#B71C1C"}
_SHAPE = {"claim": "rectangle", "premise": "roundrectangle", "counterpoint": "hexagon"}
_RELATION_COLOUR = {
    "support": "#2E7D32",
    "attack": "#B71C1C",
    "undercut": "#6A1B9A",
    "rephrase": "#616161",
}
_LINE = {"support": "line", "attack": "dashed", "undercut": "dotted", "rephrase": "line"}
_HEAD = {"support": "standard", "attack": "standard", "undercut": "t_shape", "rephrase": "none"}

# XML 1.0 cannot hold these at all, not even as character references.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"}
_TO_ESCAPE = re.compile("[&<>\r]")


# ----------------------------------------------------------------------------- writing
def _xml(text: str) -> str:
    """``text`` escaped for XML element content (it has no characters that XML cannot
    hold: see :func:`_shown`); attributes only ever hold ids and argmap's own words."""
    return _TO_ESCAPE.sub(lambda mt: _ESCAPES[mt.group()], text)


def _shown(text: str) -> str:
    """``text`` as the plain keys show it: characters XML 1.0 cannot hold become U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def _json(value: object) -> str:
    """Compact JSON that XML can hold: JSON escapes control characters itself, and
    U+FFFE/U+FFFF (which it leaves) can only stand inside JSON strings."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("\ufffe", "\\ufffe").replace("\uffff", "\\uffff")


def _split_tags(text: str) -> tuple[str, ...]:
    return tuple(text.split(_TAG_SEP)) if text else ()


def _plain_fields(
    texts: Mapping[str, str | None], tags: tuple[str, ...], extra: dict[str, Any]
) -> list[tuple[str, str]]:
    """The plain ``(key, shown text)`` data of an element; puts the exact value of each
    field the shown text would not give back into ``extra`` (its JSON)."""
    data: list[tuple[str, str]] = []
    for key, value in texts.items():
        if value is None:
            continue
        shown = _shown(value)
        if shown != value:
            extra[key] = value
        data.append((key, shown))
    if tags:
        joined = _TAG_SEP.join(_shown(t) for t in tags)
        if _split_tags(joined) != tags:
            extra["tags"] = list(tags)
        data.append(("tags", joined))
    return data


def _size(label: str, kind: str) -> tuple[float, float]:
    """A yEd node size that fits ``label`` wrapped to the node's width (Dialog 12pt
    averages about 7 pixels a character)."""
    if kind == _INFERENCE:
        return 72.0, 24.0
    width = 240.0 if kind == "claim" else 220.0
    per_line = int(width - 20) // 7
    lines = sum(max(1, math.ceil(len(part) / per_line)) for part in label.split("\n"))
    return width, float(max(40, 18 * lines + 12))


def _layout(
    m: ArgumentMap, sizes: Mapping[str, tuple[float, float]]
) -> dict[str, tuple[float, float]]:
    """Top-left corners for yEd: rows by the number of steps to a node without
    out-edges (main claims on top, their reasons below), in the order of ``sizes``
    (statements, then inferences, as written) within a row."""
    g = m.graph
    rank = {n: 0 for n in sizes if g.out_degree(n) == 0}
    for start in [None, *sizes]:
        if start is not None:
            if start in rank:
                continue
            rank[start] = 0  # a node only on cycles that reach no sink
        queue = deque([start] if start is not None else rank)
        while queue:
            n = queue.popleft()
            for p in g.predecessors(n):
                if p not in rank:
                    rank[p] = rank[n] + 1
                    queue.append(p)
    rows: dict[int, list[str]] = {}
    for n in sizes:
        rows.setdefault(rank[n], []).append(n)
    corners: dict[str, tuple[float, float]] = {}
    y = 0.0
    for r in sorted(rows):
        row = rows[r]
        total = sum(sizes[n][0] for n in row) + 40.0 * (len(row) - 1)
        x = -total / 2
        height = max(sizes[n][1] for n in row)
        for n in row:
            w, h = sizes[n]
            corners[n] = (x, y + (height - h) / 2)
            x += w + 40.0
        y += height + 80.0
    return corners


def _shape_node(
    label: str, kind: str, relation: str | None, size: tuple[float, float], at: tuple[float, float]
) -> list[str]:
    if kind == _INFERENCE:
        assert relation is not None
        fill = border = _RELATION_COLOUR[relation]
        shape, text_colour, font, style, border_width = "ellipse", "#FFFFFF", 10, "plain", 1.0
    else:
        fill, border, shape = _FILL[kind], _BORDER[kind], _SHAPE[kind]
        text_colour, font = "#000000", 12
        style, border_width = ("bold", 2.0) if kind == "claim" else ("plain", 1.0)
    (w, h), (x, y) = size, at
    return [
        "        <y:ShapeNode>",
        f'          <y:Geometry height="{h:.1f}" width="{w:.1f}" x="{x:.1f}" y="{y:.1f}"/>',
        f'          <y:Fill color="{fill}" transparent="false"/>',
        f'          <y:BorderStyle color="{border}" type="line" width="{border_width:.1f}"/>',
        '          <y:NodeLabel alignment="center" autoSizePolicy="node_width" '
        f'configuration="CroppingLabel" fontFamily="Dialog" fontSize="{font}" '
        f'fontStyle="{style}" hasBackgroundColor="false" hasLineColor="false" '
        f'modelName="internal" modelPosition="c" textColor="{text_colour}" visible="true" '
        f'xml:space="preserve">{_xml(label)}</y:NodeLabel>',
        f'          <y:Shape type="{shape}"/>',
        "        </y:ShapeNode>",
    ]


def _edge_graphics(relation: str, role: str) -> list[str]:
    head = _HEAD[relation] if role == "target" else "none"
    return [
        "        <y:PolyLineEdge>",
        f'          <y:LineStyle color="{_RELATION_COLOUR[relation]}" '
        f'type="{_LINE[relation]}" width="{1.6 if relation == "undercut" else 1.0:.1f}"/>',
        f'          <y:Arrows source="none" target="{head}"/>',
        "        </y:PolyLineEdge>",
    ]


def _data(key: str, text: str) -> str:
    return f'      <data key="{key}">{_xml(text)}</data>'


_Node = tuple[str, str, "str | None", list[tuple[str, str]], dict[str, Any]]
"""What a node shows: label, kind, relation, other plain data, its JSON."""


def _header(m: ArgumentMap) -> list[str]:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<graphml xmlns="{_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        f'xmlns:y="{_NS_Y}" xsi:schemaLocation="{_SCHEMA}">',
    ]
    for key_id, domain, name in _KEYS:
        lines.append(f'  <key id="{key_id}" for="{domain}" attr.name="{name}" attr.type="string"/>')
    lines.append('  <key id="y.node" for="node" yfiles.type="nodegraphics"/>')
    lines.append('  <key id="y.edge" for="edge" yfiles.type="edgegraphics"/>')
    lines.append('  <graph id="G" edgedefault="directed">')
    header: dict[str, Any] = {"version": GRAPHML_VERSION}
    graph_data = _plain_fields({"title": m.title, "description": m.description}, (), header)
    if m.metadata:
        header["metadata"] = m.metadata
    if m.sources:
        header["sources"] = [as_dict(s, mode="json", exclude_defaults=True) for s in m.sources]
    for key, text in graph_data:
        lines.append(f'    <data key="g.{key}">{_xml(text)}</data>')
    lines.append(f'    <data key="g.argmap">{_xml(_json(header))}</data>')
    return lines


def _nodes(statements: list[Statement], inferences: list[Inference]) -> dict[str, _Node]:
    nodes: dict[str, _Node] = {}
    for s in statements:
        extra: dict[str, Any] = {}
        data = _plain_fields({"label": s.text, "title": s.title, "note": s.note}, s.tags, extra)
        if "label" in extra:
            extra["text"] = extra.pop("label")
        if s.metadata:
            extra["metadata"] = s.metadata
        if s.quotes:
            extra["quotes"] = [as_dict(q, mode="json", exclude_defaults=True) for q in s.quotes]
        nodes[s.id] = (data[0][1], s.kind, None, data[1:], extra)
    for inf in inferences:
        extra = {}
        data = _plain_fields({"note": inf.note}, inf.tags, extra)
        if inf.metadata:
            extra["metadata"] = inf.metadata
        nodes[inf.id] = (inf.relation, _INFERENCE, inf.relation, data, extra)
    return nodes


def _node_lines(m: ArgumentMap, nodes: Mapping[str, _Node]) -> list[str]:
    sizes = {n: _size(label, kind) for n, (label, kind, *_) in nodes.items()}
    corners = _layout(m, sizes)
    lines: list[str] = []
    for node_id, (label, kind, relation, data, extra) in nodes.items():
        lines.append(f'    <node id="{node_id}">')
        lines.append(_data("label", label))
        lines.append(_data("kind", kind))
        if relation is not None:
            lines.append(_data("relation", relation))
        lines.extend(_data(key, text) for key, text in data)
        if extra:
            lines.append(_data("argmap", _json(extra)))
        lines.append('      <data key="y.node">')
        lines.extend(_shape_node(label, kind, relation, sizes[node_id], corners[node_id]))
        lines.append("      </data>")
        lines.append("    </node>")
    return lines


def _edge_lines(inferences: list[Inference]) -> list[str]:
    """Each inference's edges, premises first (in order), then its target."""
    lines: list[str] = []
    n = 0
    for inf in inferences:
        ends = [(p, inf.id, "premise") for p in inf.premises] + [(inf.id, inf.target, "target")]
        for source, target, role in ends:
            lines.append(f'    <edge id="e{n}" source="{source}" target="{target}">')
            lines.append(_data("role", role))
            lines.append(_data("e.relation", inf.relation))
            lines.append('      <data key="y.edge">')
            lines.extend(_edge_graphics(inf.relation, role))
            lines.append("      </data>")
            lines.append("    </edge>")
            n += 1
    return lines


def dumps(m: ArgumentMap) -> str:
    """The map as GraphML text (UTF-8, ending in a newline); deterministic, and read
    back by :func:`loads` into an equal map.

    Raises
    ------
    ArgmapError
        The map cannot be written as a file it could be read back from (its graph was
        edited directly, or metadata changed in place is not JSON); nothing is written.

    Examples
    --------
    >>> import argmap as am
    >>> m = am.ArgumentMap("Rain")
    >>> c = m.claim("Take an umbrella", id="c")
    >>> _ = m.premise("It rains", id="p", supports=c)
    >>> text = dumps(m)
    >>> print(text.splitlines()[19])
        <node id="c">
    >>> loads(text) == m
    True
    """
    statements, inferences = m._checked_elements()
    lines = _header(m)
    lines += _node_lines(m, _nodes(statements, inferences))
    lines += _edge_lines(inferences)
    lines += ["  </graph>", "</graphml>"]
    return "\n".join(lines) + "\n"


def dump(m: ArgumentMap, path: str | Path) -> Path:
    """Write the map as GraphML (:func:`dumps`) to ``path``, atomically; returns the path.

    Raises
    ------
    ArgmapError
        The map cannot be written (see :func:`dumps`); nothing is written.
    WriteError
        The file cannot be written; naming ``path`` and the reason.

    Examples
    --------
    >>> import tempfile, argmap as am
    >>> m = am.ArgumentMap()
    >>> _ = m.premise("It rains", id="p", supports=m.claim("Take an umbrella", id="c"))
    >>> path = dump(m, f"{tempfile.mkdtemp()}/umbrella.graphml")
    >>> load(path) == m
    True
    """
    return write_atomic(path, dumps(m))


# ----------------------------------------------------------------------------- parsing
@dataclass
class _Element:
    """An XML element as the reader needs it: namespace-qualified ``tag``
    (``"{ns}local"``, or ``local`` without a namespace), attributes, its GraphML
    children, its text (without its children's) and where it starts. Elements of other
    namespaces below the root (yFiles graphics ...) are not kept: ``foreign`` says the
    element had some."""

    tag: str
    attrs: dict[str, str]
    line: int
    column: int
    children: list[_Element] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)
    foreign: bool = False

    @property
    def text(self) -> str:
        return "".join(self.parts)

    @property
    def where(self) -> str:
        return f"line {self.line}:{self.column}"


class _RefusedError(Exception):
    """A document type declaration, raised from inside the expat parser."""


@functools.cache  # a document has few distinct names
def _qualified(name: str) -> str:
    ns, sep, local = name.rpartition(" ")
    return f"{{{ns}}}{local}" if sep else name


def _parse(data: bytes, encoding: str | None) -> _Element:
    """Parse XML with expat, refusing any DTD (so no entity can be defined)."""
    parser = expat.ParserCreate(encoding, namespace_separator=" ")
    root = _Element("", {}, 0, 0)
    stack = [root]

    skipping = 0  # depth inside an element of another namespace, which is not kept

    def start(name: str, attrs: dict[str, str]) -> None:
        nonlocal skipping
        if skipping:
            skipping += 1
            return
        parent = stack[-1]
        if parent is not root and " " in name and not name.startswith(_NS_SPACE):
            parent.foreign = True
            skipping = 1
            return
        element = _Element(
            _qualified(name),
            {(_qualified(k) if " " in k else k): v for k, v in attrs.items()},
            parser.CurrentLineNumber,
            parser.CurrentColumnNumber + 1,
        )
        parent.children.append(element)
        stack.append(element)

    def end(name: str) -> None:
        nonlocal skipping
        if skipping:
            skipping -= 1
        else:
            stack.pop()

    def text(data: str) -> None:
        if not skipping:
            stack[-1].parts.append(data)

    def refuse(*args: object) -> NoReturn:
        raise _RefusedError(f"line {parser.CurrentLineNumber}:{parser.CurrentColumnNumber + 1}")

    parser.buffer_text = True
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    try:
        parser.Parse(data, True)
    except expat.ExpatError as err:
        raise FormatError(
            f"not well-formed XML: {expat.ErrorString(err.code)} "
            f"at line {err.lineno}:{err.offset + 1}"
        ) from None
    except _RefusedError as err:
        raise FormatError(
            f"{err}: the document has a document type declaration (<!DOCTYPE ...>); "
            "argmap reads GraphML without DTDs or entities, for safety"
        ) from None
    return root.children[0]


def _local(element: _Element) -> str | None:
    """The local name of a GraphML element (in GraphML's namespace or in none), else None."""
    return _local_name(element.tag)


@functools.cache
def _local_name(tag: str) -> str | None:
    if tag.startswith(f"{{{_NS}}}"):
        return tag[len(_NS) + 2 :]
    return None if tag.startswith("{") else tag


def _graphml_children(element: _Element, name: str) -> list[_Element]:
    return [c for c in element.children if _local(c) == name]


@dataclass(frozen=True)
class _Key:
    domain: str
    name: str
    default: str | None
    graphics: bool = False
    """A ``yfiles.type`` key (yEd's graphics): its data is skipped, argmap draws its own."""


def _keys(root: _Element) -> dict[str, _Key]:
    keys: dict[str, _Key] = {}
    for key in _graphml_children(root, "key"):
        key_id = key.attrs.get("id")
        if key_id is None:
            raise FormatError(f"{key.where}: a <key> has no id")
        name = key.attrs.get("attr.name", key_id)
        defaults = _graphml_children(key, "default")
        default = defaults[0].text if defaults else None
        graphics = "yfiles.type" in key.attrs
        keys[key_id] = _Key(key.attrs.get("for", "all"), name, default, graphics)
    return keys


def _data_of(element: _Element, keys: Mapping[str, _Key], domain: str) -> dict[str, str]:
    """The element's data by attr.name: key defaults first, then its ``<data>``."""
    data = {
        k.name: k.default
        for k in keys.values()
        if k.domain in (domain, "all") and k.default is not None and not k.graphics
    }
    for item in _graphml_children(element, "data"):
        key_id = item.attrs.get("key")
        key = keys.get(key_id or "")
        if key is None:
            raise FormatError(f"{item.where}: <data key={key_id!r}> has no <key> declared")
        if key.graphics or ((item.foreign or item.children) and not item.text.strip()):
            continue  # structured data of another tool: not argmap's
        data[key.name] = item.text
    return data


def _where(element: _Element, node_id: str) -> str:
    return f"{element.where}: node {node_id!r}"


def _fail(where: str, problem: str, *ids: str) -> NoReturn:
    raise FormatError(f"{where}: {problem}", ids=ids)


def _extra(data: Mapping[str, str], where: str) -> dict[str, Any]:
    raw = data.get("argmap")
    if raw is None:
        return {}
    try:
        value = loads_unique(raw)
    except FormatError as err:  # a key given twice
        _fail(where, f"its argmap data has a {err.message}")
    except ValueError as err:
        _fail(where, f"its argmap data is not valid JSON: {err}")
    except RecursionError:
        _fail(where, "its argmap data is JSON nested too deeply to read")
    if not isinstance(value, dict):
        _fail(where, f"its argmap data is JSON {type(value).__name__}, not an object")
    return value


def _validated(model: type[Any], fields: dict[str, Any], where: str, node_id: str) -> Any:
    try:
        return adapter(model).validate_python(fields)
    except ValidationError as err:
        _fail(where, describe_validation_error(err, indent="", sep="; "), node_id)


def _common(data: Mapping[str, str], extra: dict[str, Any]) -> dict[str, Any]:
    """Note, tags and the rest of an element, its JSON winning over the plain keys."""
    fields: dict[str, Any] = {}
    if "note" in data:
        fields["note"] = data["note"]
    if "tags" in data:
        fields["tags"] = _split_tags(data["tags"])
    foreign = {k: v for k, v in data.items() if k not in _NODE_NAMES}
    if foreign:
        metadata = dict(extra.get("metadata") or {})
        metadata.setdefault("graphml", foreign)
        extra = {**extra, "metadata": metadata}
    return {**fields, **extra}


_Pending = dict[str, tuple[_Element, dict[str, Any]]]
"""Nodes read but not yet validated, by id: the element and the model's fields."""


def _graph(root: _Element) -> tuple[dict[str, _Key], _Element]:
    if _local(root) != "graphml":
        _fail(root.where, f"the root element is <{root.tag}>, not <graphml>: this is not GraphML")
    graphs = _graphml_children(root, "graph")
    if len(graphs) != 1:
        _fail(root.where, f"the document has {len(graphs)} <graph> elements; argmap reads one")
    graph = graphs[0]
    if graph.attrs.get("edgedefault", "directed") != "directed":
        _fail(
            graph.where,
            "the graph is undirected (edgedefault); an argument map's edges have a direction",
        )
    for child in graph.children:
        if _local(child) == "hyperedge":
            _fail(child.where, "hyperedges are not supported: argmap reads directed edges")
    return _keys(root), graph


def _new_map(graph: _Element, keys: Mapping[str, _Key]) -> ArgumentMap:
    """The map with the graph's title, description, metadata and sources."""
    data = _data_of(graph, keys, "graph")
    header = _extra(data, graph.where)
    foreign: dict[str, JsonValue] = {
        k: v for k, v in data.items() if k not in ("title", "description", "argmap")
    }
    version = header.get("version", GRAPHML_VERSION)
    if version != GRAPHML_VERSION:
        _fail(
            graph.where,
            f"written in argmap GraphML version {version!r}, which this argmap "
            f"does not know (it reads version {GRAPHML_VERSION}): upgrade argmap",
        )
    try:
        m = ArgumentMap(
            header.get("title", data.get("title")),
            description=header.get("description", data.get("description")),
            metadata=header.get("metadata", {}),
        )
        if foreign:
            m.metadata.setdefault("graphml", foreign)
        for index, raw in enumerate(header.get("sources", [])):
            try:
                m.add_source(adapter(Source).validate_python(raw))
            except ArgmapError as err:
                raise err.with_context(f"sources[{index}]") from None
            except ValidationError as err:
                detail = describe_validation_error(err, indent="", sep="; ")
                raise ArgmapError(f"sources[{index}]: {detail}") from None
    except (ArgmapError, TypeError, ValueError) as err:
        _fail(graph.where, f"the map's argmap data: {err}")
    return m


def _read_nodes(graph: _Element, keys: Mapping[str, _Key]) -> tuple[_Pending, _Pending]:
    statements: _Pending = {}
    inferences: _Pending = {}
    for node in _graphml_children(graph, "node"):
        node_id = node.attrs.get("id")
        if node_id is None:
            _fail(node.where, "a <node> has no id")
        where = _where(node, node_id)
        if node_id in statements or node_id in inferences:
            _fail(where, "the id is used by another node", node_id)
        if _graphml_children(node, "graph"):
            _fail(where, "nested graphs (groups) are not supported", node_id)
        data = _data_of(node, keys, "node")
        kind = data.get("kind")
        fields = _common(data, _extra(data, where))
        if kind in _KINDS:
            text = data.get("text", data.get("label"))
            if text is None and "text" not in fields:
                _fail(where, "has no text: a statement needs a 'label' (or 'text') key", node_id)
            plain = {"id": node_id, "kind": kind, "text": text}
            if "title" in data:
                plain["title"] = data["title"]
            statements[node_id] = (node, {**plain, **fields})
        elif kind == _INFERENCE:
            inferences[node_id] = (
                node,
                {"id": node_id, "relation": data.get("relation"), **fields},
            )
        else:
            got = f"has the kind {kind!r}" if kind is not None else "has no kind"
            _fail(
                where,
                f"{got}: a node needs the kind claim, premise, counterpoint or "
                "inference (the 'kind' key)",
                node_id,
            )
    return statements, inferences


def _read_edges(
    graph: _Element, keys: Mapping[str, _Key], statements: _Pending, inferences: _Pending
) -> None:
    """Give each pending inference its premises and target, from the edges in
    document order; check the edges' role and relation."""
    seen: set[tuple[str, str]] = set()
    for edge in _graphml_children(graph, "edge"):
        source, target = edge.attrs.get("source"), edge.attrs.get("target")
        where = f"{edge.where}: edge {source!r} -> {target!r}"
        if source is None or target is None:
            _fail(where, "an <edge> needs a source and a target")
        if edge.attrs.get("directed", "true") == "false":
            _fail(where, "the edge is undirected; an argument map's edges have a direction")
        for end in (source, target):
            if end not in statements and end not in inferences:
                _fail(where, f"there is no node {end!r}", end)
        if (source, target) in seen:
            _fail(where, "repeats an earlier edge", source, target)
        seen.add((source, target))
        if source in inferences:
            role, inference = "target", source
            inferences[source][1].setdefault("target", []).append(target)
        elif target in inferences:
            role, inference = "premise", target
            inferences[target][1].setdefault("premises", []).append(source)
        else:
            _fail(
                where,
                "connects two statements; statements connect through inference "
                "nodes (kind 'inference')",
                source,
                target,
            )
        data = _data_of(edge, keys, "edge")
        if data.get("role", role) != role:
            _fail(
                where,
                f"has the role {data['role']!r}, but this edge is a {role} edge of "
                f"inference {inference!r}",
                source,
                target,
            )
        relation = inferences[inference][1].get("relation")
        if data.get("relation", relation) != relation:
            _fail(
                where,
                f"has the relation {data['relation']!r}, but inference "
                f"{inference!r} is {relation!r}",
                source,
                target,
            )


def _inference(node: _Element, fields: dict[str, Any]) -> Inference:
    node_id = fields["id"]
    where = _where(node, node_id)
    found = fields.get("target", [])
    if len(found) != 1:
        _fail(
            where,
            f"an inference needs exactly one edge out of it (to its target), found {len(found)}",
            node_id,
        )
    if not fields.get("premises"):
        _fail(
            where,
            "an inference needs at least one premise (an edge into it from a statement)",
            node_id,
        )
    model: Inference = _validated(Inference, {**fields, "target": found[0]}, where, node_id)
    return model


def _read(root: _Element) -> ArgumentMap:
    keys, graph = _graph(root)
    m = _new_map(graph, keys)
    statements, inferences = _read_nodes(graph, keys)
    _read_edges(graph, keys, statements, inferences)
    with gc_paused():
        for node_id, (node, fields) in statements.items():
            where = _where(node, node_id)
            statement = _validated(Statement, fields, where, node_id)
            try:
                m.add_statement(statement)
            except ArgmapError as err:
                raise FormatError(f"{where}: {err.message}", ids=err.ids) from None
        models = [_inference(node, fields) for node, fields in inferences.values()]
        try:
            m.add_inferences(models, where="node {id!r}")
        except ArgmapError as err:
            raise FormatError(err.message, ids=err.ids) from None
    return m


def loads(text: str | bytes) -> ArgumentMap:
    """Read a map from GraphML text: what :func:`dumps` writes, exactly, and on a
    best-effort basis GraphML of other tools laid out like ``m.graph`` (see the module
    docs). ``bytes`` are decoded as the XML declaration says (UTF-8 by default).

    Raises
    ------
    FormatError
        Not well-formed XML, not GraphML, a document type declaration, or GraphML that
        is not an argument map; the message names the line, column and node.

    Examples
    --------
    >>> m = loads(
    ...     '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
    ...     '<key id="k" for="node" attr.name="kind"/><key id="t" for="node" attr.name="text"/>'
    ...     '<key id="r" for="node" attr.name="relation"/><graph edgedefault="directed">'
    ...     '<node id="c"><data key="k">claim</data><data key="t">Rain</data></node>'
    ...     '<node id="p"><data key="k">premise</data><data key="t">Clouds</data></node>'
    ...     '<node id="s"><data key="k">inference</data><data key="r">support</data></node>'
    ...     '<edge source="p" target="s"/><edge source="s" target="c"/></graph></graphml>'
    ... )
    >>> [(s.id, s.kind, s.text) for s in m.statements]
    [('c', 'claim', 'Rain'), ('p', 'premise', 'Clouds')]
    >>> m.inference("s").premises, m.inference("s").target
    (('p',), 'c')
    """
    if isinstance(text, PurePath):
        raise FormatError(
            f"expected GraphML text, but got a path ({str(text)!r}); to read a file, "
            "use argmap.formats.graphml.load(path)"
        )
    if isinstance(text, str):
        data, encoding = text.removeprefix("\ufeff").encode("utf-8"), "utf-8"
    elif isinstance(text, (bytes, bytearray)):
        data, encoding = bytes(text), None
    else:
        raise ArgumentTypeError(f"expected GraphML text (str or bytes), got {type(text).__name__}")
    return _read(_parse(data, encoding))


def load(path: str | Path) -> ArgumentMap:
    """Read a map from a GraphML file (see :func:`loads`).

    Raises
    ------
    FormatError
        Naming the file and what is wrong in it, and where (line:column, node).

    Examples
    --------
    >>> import tempfile, argmap as am
    >>> m = am.ArgumentMap("Rain")
    >>> _ = m.claim("Take an umbrella", id="c")
    >>> load(dump(m, f"{tempfile.mkdtemp()}/rain.graphml")).title
    'Rain'
    """
    return load_file(path, loads, "GraphML")


_SNIFF = re.compile(r"<(?:[A-Za-z_][\w.\-]*:)?graphml[\s/>]")


def sniff(content: Content) -> str | None:
    """``'has a <graphml> element'`` when the text starts like GraphML, else None.

    >>> sniff(Content('<?xml version="1.0"?>\\n<graphml xmlns="..."/>'))
    'has a <graphml> element'
    >>> sniff(Content('{"graphml": 1}')) is None
    True
    """
    if content.looks_json or _SNIFF.search(content.head[:8192]) is None:
        return None
    return "has a <graphml> element"


def _loads(text: str) -> ArgumentMap:
    return loads(text)


def _dumps(m: ArgumentMap) -> str:
    return dumps(m)


FORMAT = FormatSpec(
    name="graphml",
    title="GraphML",
    suffixes=(".graphml",),
    loads=_loads,
    dumps=_dumps,
    sniff=sniff,
    keeps="Everything: statements and inferences as nodes with label, kind and relation "
    "keys for yEd, Gephi and Cytoscape, the rest as JSON that argmap reads back exactly.",
    loses="Nothing for argmap's own files; from other tools' GraphML, yFiles graphics and "
    "non-string structured data.",
)
