"""OVA native JSON: what OVA, arg-tech's Online Visualisation of Argument tool, saves.

OVA saves an analysis in one of two layouts, and argmap reads both:

* **OVA2** (``ova.arg-tech.org`` and the ReCAP OVA): ``{"nodes": [...], "edges": [...],
  "participants": [...], "analysis": {...}}``. A node has an ``id`` (a number), a
  ``type`` (``I``, ``RA``, ``CA``, ``MA``, ``L``, ``YA``, ``TA``, ``PA`` ...), a
  ``text``, canvas coordinates ``x`` and ``y`` and display fields (``color``,
  ``visible``, ``w``, ``h`` ...); an RA node's ``text`` names its scheme (``Default
  Inference``) and ``scheme``/``descriptors`` hold the scheme's id and roles. An edge
  has ``from`` and ``to`` objects, copies of the two nodes it joins. ``analysis`` holds
  the analysed text (``txt``, HTML) and its ``documentTitle``, ``documentSource``,
  ``annotatorName`` ...
* **OVA3**: ``{"AIF": {...}, "OVA": {...}, "text": ...}``, where ``AIF`` holds the
  argument as AIF JSON (``nodes`` with ``nodeID``, ``type``, ``text``; ``edges`` with
  ``fromID``, ``toID``; ``schemefulfillments``, ``locutions``, ``participants`` ...)
  and ``OVA`` the layout (``nodes`` with ``nodeID``, ``x``, ``y``, ``visible``,
  ``timestamp``; ``edges`` with ``fromID``, ``toID``, ``visible``).

Either way argmap reads the argument as it reads AIF: an **I** node becomes a
statement (kind from the structure: a premise of some RA node is a ``premise``, of CA
nodes only a ``counterpoint``, anything else a ``claim``); an **RA** node a ``support``
inference (its premises are the I nodes with an edge into it, linked when there are
several; its target the one I node it points at); a **CA** node an ``attack``, or an
``undercut`` when it points at an RA or CA node; an **MA** node a ``rephrase`` (its
one I node restates the one it points at). Every other node -- PA
(preference), the dialogue layer's L, YA and TA nodes -- and every edge that touches
one is kept verbatim in the map's ``metadata["ova"]``. Each statement and inference
keeps its node's OVA fields (coordinates, colours, scheme, descriptors, timestamps,
the scheme node's text) in its ``metadata["ova"]``, an inference also the fields of
its edges beyond their ends; the document's ``analysis``, ``participants`` and other
keys are kept in the map's ``metadata["ova"]["document"]``, and the analysis's
``documentTitle`` is the map's title. Node ids are the OVA ids as text (an id that is
not a valid argmap id is cleaned, the original kept).

argmap reads OVA files but does not write them: write AIF (:mod:`argmap.formats.aif`),
which OVA loads. Where a faithful reading is not possible (an edge whose copy of a
node disagrees with the node, a scheme node without premises or with several targets,
an edge between two I nodes, an RA node pointing at a scheme) the reader raises a
:class:`~argmap.errors.FormatError` saying so and suggesting to export AIF from OVA.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, JsonValue, ValidationError

from argmap._bulk import gc_paused
from argmap._io import load_file
from argmap.errors import ArgmapError, FormatError, describe_validation_error
from argmap.formats._jsontext import refuse_duplicate_keys
from argmap.formats._shared import kind_from_roles, make_ids
from argmap.formats._spec import Content, FormatSpec
from argmap.map import ArgumentMap
from argmap.model import Inference, Relation, Statement, adapter

__all__ = ["FORMAT", "OvaDocument", "from_ova", "load", "loads", "sniff"]

_KEY = "ova"
_SCHEME_TYPES = ("RA", "CA", "MA")
_HINT = "export AIF from OVA instead"


class _Node(BaseModel):
    model_config = ConfigDict(extra="allow")
    id: int | str
    type: str
    text: str | None = None


class _End(BaseModel):
    model_config = ConfigDict(extra="allow")
    id: int | str


class _Edge(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True)
    from_: _End = Field(alias="from")
    to: _End


class OvaDocument(BaseModel):
    """The top level of an OVA2 file, as read (unknown keys are kept)."""

    model_config = ConfigDict(extra="allow")
    nodes: list[_Node]
    edges: list[_Edge]


class _AifNode(BaseModel):
    model_config = ConfigDict(extra="allow")
    nodeID: int | str  # noqa: N815 -- OVA's own key names
    type: str
    text: str | None = None


class _AifEdge(BaseModel):
    model_config = ConfigDict(extra="allow")
    fromID: int | str  # noqa: N815
    toID: int | str  # noqa: N815


class _Aif(BaseModel):
    model_config = ConfigDict(extra="allow")
    nodes: list[_AifNode]
    edges: list[_AifEdge]


class _Layout(BaseModel):
    model_config = ConfigDict(extra="allow")
    nodes: list[dict[str, JsonValue]] = []
    edges: list[dict[str, JsonValue]] = []


class Ova3Document(BaseModel):
    """The top level of an OVA3 file, as read (unknown keys are kept)."""

    model_config = ConfigDict(extra="allow")
    AIF: _Aif
    OVA: _Layout = _Layout()


@dataclass(slots=True)
class _Item:
    """A node or an edge of either layout, as the reader sees it. A node: its raw id,
    type and text; an edge: its ends (``src`` -> ``raw``). Both: the place to name in
    messages and the fields to keep."""

    where: str
    raw: str
    type: str
    text: str | None
    fields: dict[str, JsonValue]
    src: str = ""


def _error(where: str, problem: str, ids: list[str]) -> FormatError:
    return FormatError(f"OVA native file: {where}: {problem}; {_HINT}", ids=ids)


def _one_line(err: ValidationError) -> str:
    return describe_validation_error(err, indent="", sep="; ")


def _ova2(doc: OvaDocument) -> tuple[list[_Item], list[_Item], dict[str, JsonValue]]:
    nodes = []
    types: dict[str, str] = {}
    for index, node in enumerate(doc.nodes):
        raw = str(node.id)
        fields: dict[str, JsonValue] = node.model_dump(mode="json", exclude={"type", "text"})
        nodes.append(_Item(f"nodes[{index}] (id {node.id!r})", raw, node.type, node.text, fields))
        types.setdefault(raw, node.type)
    edges = []
    for index, edge in enumerate(doc.edges):
        src, dst = str(edge.from_.id), str(edge.to.id)
        where = f"edges[{index}] ({src} -> {dst})"
        for end, copy in ((src, edge.from_), (dst, edge.to)):
            found = (copy.model_extra or {}).get("type")
            if end in types and found is not None and found != types[end]:
                raise _error(
                    where,
                    f"its copy of node {end} has type {found!r}, the node has {types[end]!r}",
                    [end],
                )
        fields = edge.model_dump(mode="json", by_alias=True, exclude={"from_", "to"})
        edges.append(
            _Item(where, dst, "", None, {"from": edge.from_.id, "to": edge.to.id, **fields}, src)
        )
    document = dict(doc.model_extra or {})
    return nodes, edges, document


def _ova3(doc: Ova3Document) -> tuple[list[_Item], list[_Item], dict[str, JsonValue]]:
    layout: dict[str, dict[str, JsonValue]] = {}
    for entry in doc.OVA.nodes:
        layout.setdefault(
            str(entry.get("nodeID")), {k: v for k, v in entry.items() if k != "nodeID"}
        )
    aif_extra = dict(doc.AIF.model_extra or {})
    fulfilled: dict[str, JsonValue] = {}
    rest_sf: list[JsonValue] = []
    given = aif_extra.pop("schemefulfillments", None)
    for sf in given if isinstance(given, list) else []:
        if isinstance(sf, Mapping) and set(sf) == {"nodeID", "schemeID"}:
            fulfilled[str(sf["nodeID"])] = sf["schemeID"]
        else:
            rest_sf.append(sf)
    if rest_sf or (given is not None and not isinstance(given, list)):
        aif_extra["schemefulfillments"] = rest_sf or given
    nodes = []
    for index, node in enumerate(doc.AIF.nodes):
        raw = str(node.nodeID)
        fields: dict[str, JsonValue] = {"id": node.nodeID}
        fields.update(node.model_extra or {})
        fields.update(layout.pop(raw, {}))
        if raw in fulfilled:
            fields["schemeID"] = fulfilled.pop(raw)
        where = f"AIF.nodes[{index}] (nodeID {node.nodeID!r})"
        nodes.append(_Item(where, raw, node.type, node.text, fields))
    visible: dict[tuple[str, str], dict[str, JsonValue]] = {}
    for entry in doc.OVA.edges:
        key = (str(entry.get("fromID")), str(entry.get("toID")))
        visible.setdefault(key, {k: v for k, v in entry.items() if k not in ("fromID", "toID")})
    edges = []
    for index, edge in enumerate(doc.AIF.edges):
        src, dst = str(edge.fromID), str(edge.toID)
        fields = {"from": edge.fromID, "to": edge.toID, **(edge.model_extra or {})}
        fields.update(visible.pop((src, dst), {}))
        edges.append(_Item(f"AIF.edges[{index}] ({src} -> {dst})", dst, "", None, fields, src))
    document: dict[str, JsonValue] = dict(doc.model_extra or {})
    ova_rest: dict[str, JsonValue] = dict(doc.OVA.model_extra or {})
    if layout:  # layout of nodes the AIF part does not have
        ova_rest["nodes"] = [{"nodeID": k, **v} for k, v in layout.items()]
    if visible:
        ova_rest["edges"] = [{"fromID": a, "toID": b, **v} for (a, b), v in visible.items()]
    document["OVA"] = ova_rest
    if fulfilled:
        aif_extra.setdefault("schemefulfillments", [])
        extra_sf = aif_extra["schemefulfillments"]
        if isinstance(extra_sf, list):
            extra_sf.extend({"nodeID": k, "schemeID": v} for k, v in fulfilled.items())
    document["AIF"] = aif_extra
    return nodes, edges, {k: v for k, v in document.items() if v not in ({}, [], None, "")}


def from_ova(data: Mapping[str, Any]) -> ArgumentMap:
    """Build a map from a parsed OVA2 or OVA3 document (see the module docs).

    Raises
    ------
    pydantic.ValidationError
        The document has neither OVA layout.
    FormatError
        Something argmap cannot read faithfully; names the node or edge.

    Examples
    --------
    >>> doc = {
    ...     "nodes": [
    ...         {"id": 1, "type": "I", "text": "Take an umbrella", "x": 10, "y": 10},
    ...         {"id": 2, "type": "I", "text": "It rains", "x": 10, "y": 200},
    ...         {"id": 3, "type": "RA", "text": "Default Inference", "x": 10, "y": 100},
    ...     ],
    ...     "edges": [{"from": {"id": 2}, "to": {"id": 3}}, {"from": {"id": 3}, "to": {"id": 1}}],
    ...     "participants": [],
    ...     "analysis": {"txt": "", "documentTitle": "Rain"},
    ... }
    >>> m = from_ova(doc)
    >>> m.title, [(s.id, s.kind) for s in m.statements]
    ('Rain', [('1', 'claim'), ('2', 'premise')])
    >>> m.inference("3").premises, m.statement("2").metadata["ova"]
    (('2',), {'x': 10, 'y': 200})
    """
    if "AIF" in data and "nodes" not in data:
        nodes, edges, document = _ova3(Ova3Document.model_validate(data))
    else:
        nodes, edges, document = _ova2(OvaDocument.model_validate(data))
    return _Reader(nodes, edges).build(document)


class _Reader:
    """One pass over the nodes and edges of either layout."""

    def __init__(self, nodes: list[_Item], edges: list[_Item]) -> None:
        self.nodes = nodes
        self.by_raw: dict[str, _Item] = {}
        for node in nodes:
            if node.raw in self.by_raw:
                raise _error(node.where, "the id is used twice", [node.raw])
            self.by_raw[node.raw] = node
        self.ids = make_ids(n.raw for n in nodes if n.type == "I" or n.type in _SCHEME_TYPES)
        self.premises: dict[str, list[str]] = {}
        self.targets: dict[str, list[str]] = {}
        self.edge_fields: dict[str, list[JsonValue]] = {}
        self.other_edges: list[JsonValue] = []
        self.relation_of: dict[str, Relation] = {}
        for edge in edges:
            self._edge(edge)

    def _edge(self, edge: _Item) -> None:
        src, dst = edge.src, edge.raw
        for end in (src, dst):
            if end not in self.by_raw:
                raise _error(edge.where, f"no node with id {end}", [end])
        src_type, dst_type = self.by_raw[src].type, self.by_raw[dst].type
        fields = edge.fields
        if src_type == "I" and dst_type in _SCHEME_TYPES:
            self.premises.setdefault(dst, []).append(src)
            self.edge_fields.setdefault(dst, []).append(fields)
        elif src_type in _SCHEME_TYPES and (
            dst_type == "I" or (src_type == "CA" and dst_type in _SCHEME_TYPES)
        ):
            self.targets.setdefault(src, []).append(dst)
            self.edge_fields.setdefault(src, []).append(fields)
        elif src_type == "RA" and dst_type in _SCHEME_TYPES:
            raise _error(
                edge.where,
                f"RA node {src} points at {dst_type} node {dst}; argmap cannot represent an "
                "inference that supports another inference",
                [src, dst],
            )
        elif src_type == "I" and dst_type == "I":
            raise _error(
                edge.where,
                f"an edge between two I nodes ({src} -> {dst}); I nodes connect through RA "
                "or CA nodes",
                [src, dst],
            )
        else:
            self.other_edges.append(fields)

    def _kept(self, node: _Item) -> dict[str, JsonValue]:
        kept = dict(node.fields)
        if str(kept.get("id", node.raw)) == self.ids[node.raw]:
            kept.pop("id", None)
        return kept

    def _inference(self, node: _Item) -> Inference:
        prem, tgt = self.premises.get(node.raw, []), self.targets.get(node.raw, [])
        if not prem:
            raise _error(
                node.where, f"{node.type} node has no premise (no I node points at it)", [node.raw]
            )
        if len(tgt) != 1:
            raise _error(
                node.where,
                f"{node.type} node must point at exactly one node, found {len(tgt)}",
                [node.raw],
            )
        relation: Relation = (
            "support"
            if node.type == "RA"
            else "rephrase"
            if node.type == "MA"
            else "undercut"
            if self.by_raw[tgt[0]].type != "I"
            else "attack"
        )
        self.relation_of[node.raw] = relation
        kept = self._kept(node)
        kept["text"] = node.text
        edges: list[JsonValue] = [
            e for e in self.edge_fields[node.raw] if isinstance(e, dict) and set(e) - {"from", "to"}
        ]
        if edges:
            kept["edges"] = edges
        try:
            return adapter(Inference).validate_python(
                {
                    "id": self.ids[node.raw],
                    "relation": relation,
                    "premises": tuple(self.ids[p] for p in prem),
                    "target": self.ids[tgt[0]],
                    "metadata": {_KEY: kept},
                }
            )
        except ValidationError as err:
            raise _error(node.where, f"{node.type} node {_one_line(err)}", [node.raw]) from None

    def build(self, document: dict[str, JsonValue]) -> ArgumentMap:
        inferences = [self._inference(n) for n in self.nodes if n.type in _SCHEME_TYPES]
        used_as: dict[str, set[Relation]] = {}
        for raw, prem in self.premises.items():
            if raw in self.relation_of:
                for p in prem:
                    used_as.setdefault(p, set()).add(self.relation_of[raw])
        analysis = document.get("analysis")
        title = analysis.get("documentTitle") if isinstance(analysis, dict) else None
        if isinstance(title, str) and title.strip() and isinstance(analysis, dict):
            document["analysis"] = {k: v for k, v in analysis.items() if k != "documentTitle"}
        else:
            title = None
        m = ArgumentMap(title)
        other_nodes: list[JsonValue] = []
        for node in self.nodes:
            if node.type in _SCHEME_TYPES:
                continue
            if node.type != "I":
                other_nodes.append({"type": node.type, "text": node.text, **node.fields})
                continue
            kept = self._kept(node)
            try:
                statement = adapter(Statement).validate_python(
                    {
                        "id": self.ids[node.raw],
                        "kind": kind_from_roles(used_as.get(node.raw, ())),
                        "text": node.text,
                        "metadata": {_KEY: kept} if kept else {},
                    }
                )
            except ValidationError as err:
                raise _error(node.where, f"I node {_one_line(err)}", [node.raw]) from None
            m.add_statement(statement)
        try:
            m.add_inferences(inferences, where="OVA scheme node {id!r}")
        except ArgmapError as err:
            raise FormatError(f"OVA native file: {err.message}; {_HINT}", ids=err.ids) from None
        kept_map: dict[str, JsonValue] = {
            "other_nodes": other_nodes,
            "other_edges": self.other_edges,
            "document": document,
        }
        if any(kept_map.values()):
            m.metadata = {_KEY: {k: v for k, v in kept_map.items() if v}}
        return m


_FULL_KEY_CHECK = 4 * 1024 * 1024
"""Texts up to this many characters have every object checked for duplicate keys."""


def loads(text: str | bytes) -> ArgumentMap:
    """Read a map from OVA native JSON text (OVA2 or OVA3; see the module docs).

    Raises
    ------
    pydantic.ValidationError
        Not JSON, or neither OVA layout.
    FormatError
        Something argmap cannot read faithfully; names the node or edge.

    Examples
    --------
    >>> text = (
    ...     '{"nodes": [{"id": 1, "type": "I", "text": "It rains", "x": 0, "y": 0},'
    ...     ' {"id": 2, "type": "I", "text": "It is dry", "x": 0, "y": 90},'
    ...     ' {"id": 3, "type": "CA", "text": "Default Conflict", "x": 0, "y": 45}],'
    ...     ' "edges": [{"from": {"id": 2}, "to": {"id": 3}},'
    ...     ' {"from": {"id": 3}, "to": {"id": 1}}], "participants": [], "analysis": {"txt": ""}}'
    ... )
    >>> m = loads(text)
    >>> m.inference("3").relation, m.statement("2").kind
    ('attack', 'counterpoint')
    """
    with gc_paused():  # a bulk load: see argmap._bulk
        data = _parse(text)
        return from_ova(data)


class _Top(BaseModel):
    model_config = ConfigDict(extra="allow")


def _parse(text: str | bytes) -> dict[str, Any]:
    """The JSON object in ``text``; pydantic's error for anything else, as every reader."""
    if isinstance(text, (str, bytes, bytearray)):
        refuse_duplicate_keys(text, _FULL_KEY_CHECK, ('"nodes"', '"edges"', '"analysis"'))
    return dict(_Top.model_validate_json(text).model_extra or {})


def load(path: str | Path) -> ArgumentMap:
    """Read a map from an OVA native JSON file (OVA2 or OVA3).

    Raises
    ------
    FormatError
        Naming the file and what is wrong in it (and where).

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> path = Path(tempfile.mkdtemp()) / "analysis.json"
    >>> _ = path.write_text('{"nodes": [{"id": 1, "type": "I", "text": "A", "x": 0, "y": 0},'
    ...     ' {"id": 2, "type": "I", "text": "B", "x": 0, "y": 0}],'
    ...     ' "edges": [{"from": {"id": 1}, "to": {"id": 2}}], "analysis": {}}')
    >>> load(path)
    Traceback (most recent call last):
    ...
    argmap.errors.FormatError: ...analysis.json: OVA native file: edges[0] (1 -> 2): an edge between two I nodes (1 -> 2); I nodes connect through RA or CA nodes; export AIF from OVA instead
    """  # noqa: E501
    return load_file(path, loads, "OVA native JSON")


def sniff(content: Content) -> str | None:
    """Tell OVA native JSON by content: an OVA3 save's ``"AIF"`` and ``"OVA"`` keys, or
    OVA2's ``"analysis"`` block or nodes with ``x``/``y`` coordinates beside ``nodes`` and
    ``edges`` lists (AIF's nodes have ``nodeID`` and no coordinates, SADFace's are
    atoms and schemes).

    >>> sniff(Content('{"nodes": [], "edges": [], "analysis": {"txt": ""}}'))
    'has OVA\\'s "analysis" block'
    >>> sniff(Content('{"nodes": [{"id": 1, "type": "I", "x": 0, "y": 0}], "edges": []}'))
    'has OVA nodes with x/y coordinates'
    >>> sniff(Content('{"AIF": {"nodes": [], "edges": []}, "OVA": {}, "text": ""}'))
    'is an OVA3 save ("AIF" and "OVA" keys)'
    >>> sniff(Content('{"nodes": [{"nodeID": "1", "type": "I"}], "edges": []}')) is None
    True
    """
    obj = content.json_object
    if obj is None:
        return None
    if isinstance(obj.get("AIF"), dict) and isinstance(obj.get("OVA"), dict):
        return 'is an OVA3 save ("AIF" and "OVA" keys)'
    nodes, edges = obj.get("nodes"), obj.get("edges")
    if not isinstance(nodes, list) or not isinstance(edges, list):
        return None
    if isinstance(obj.get("analysis"), dict):
        return 'has OVA\'s "analysis" block'
    for node in nodes[:100]:
        if isinstance(node, dict) and "x" in node and "y" in node and "id" in node:
            return "has OVA nodes with x/y coordinates"
    return None


FORMAT = FormatSpec(
    name="ova",
    title="OVA native JSON",
    suffixes=(),  # OVA saves plain .json files: told by content or by name
    loads=loads,
    sniff=sniff,
    json=True,
    looks_for='"AIF" and "OVA" keys, or "nodes" with "x"/"y" and an "analysis" block',
    keeps="I, RA, CA and MA nodes (linked premises, undercuts, rephrases); coordinates, schemes, "
    "descriptors and every other OVA field, node and edge in metadata.",
    loses="Read only: argmap does not write OVA files (write AIF, which OVA loads).",
)
