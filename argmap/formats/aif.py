"""AIF JSON: the Argument Interchange Format as AIFdb and OVA write it.

An AIF JSON document is ``{"nodes": [...], "edges": [...], "locutions": [...]}`` (the
``locutions`` key may be absent). Each node has a ``nodeID``, a ``type`` and usually a
``text``; each edge an ``edgeID``, ``fromID`` and ``toID``. argmap reads it as follows:

* an **I-node** (information) becomes a :class:`~argmap.model.Statement` with the
  node's text. AIF has no statement kinds, so the kind comes from the structure: a
  premise of some RA node is a ``premise``, a premise of CA nodes only a
  ``counterpoint``, anything else a ``claim``. An I-node with empty or no text (AIFdb
  has some) is read with the text ``(AIF I-node <nodeID> has no text)`` and an
  :class:`AifWarning` naming it, and written back as it was;
* an **RA node** (inference) becomes a ``support`` inference: the I-nodes with an edge
  into it are its premises (linked when there are several), the one I-node it points
  at is its target;
* a **CA node** (conflict) becomes an ``attack`` when it points at an I-node and an
  ``undercut`` when it points at an RA or CA node;
* every other node -- MA (rephrase), PA (preference), and the dialogue layer of L
  (locution), YA (illocution) and TA (transition) nodes -- and every edge that touches
  one, is kept verbatim in the map's metadata (``metadata["aif"]``) and written back
  by :func:`dump`: argmap neither drops nor reinterprets it.

Ids: an AIF ``nodeID`` that matches :data:`argmap.model.ID_PATTERN` becomes the
statement or inference id as it is; any other is made into one (invalid characters
become ``-``, clashes get ``-2``, ``-3`` ...). Each element keeps its AIF node's own
fields that the model does not hold (``timestamp``, ``scheme``, a ``nodeID`` that
differs from the id ...) under ``metadata["aif"]``, and an inference also the edges it
was read from, so ``dump(load(x))`` gives back the same nodes and edges.

Writing a map argmap built itself, statement and inference ids become node ids, RA and
CA nodes get AIF's default texts (``"Default Inference"``, ``"Default Conflict"``), and
what AIF cannot hold (statement kinds, titles, notes, tags, quotes, the map's title and
sources) goes into an extra ``"argmap"`` key that AIF readers ignore and :func:`load` reads back.

What argmap cannot represent is an error, never a silent change: an RA or CA node with
no premise or not exactly one target, an inference that supports another inference, an
edge between two I-nodes, or an edge to a node that does not exist.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, JsonValue, ValidationError

from argmap._bulk import gc_paused
from argmap._io import load_file, write_atomic
from argmap.errors import ArgmapError, describe_validation_error
from argmap.formats._shared import kind_from_roles, make_ids, structural_kinds
from argmap.formats._spec import Content, FormatSpec
from argmap.map import ArgumentMap
from argmap.model import (
    Inference,
    Relation,
    Source,
    Statement,
    StatementKind,
    adapter,
    as_dict,
)

__all__ = [
    "FORMAT",
    "AifDocument",
    "AifWarning",
    "dump",
    "dumps",
    "empty_text",
    "from_aif",
    "load",
    "loads",
    "to_aif",
]

_SCHEME_TYPES = ("RA", "CA")
_DEFAULT_TEXT = {"RA": "Default Inference", "CA": "Default Conflict"}
_ARGMAP_KEY = "argmap"
_AIF_KEY = "aif"


class _Node(BaseModel):
    model_config = ConfigDict(extra="allow")
    nodeID: str | int  # noqa: N815 -- AIF's own key names
    type: str
    text: str | None = None


class _Edge(BaseModel):
    model_config = ConfigDict(extra="allow")
    edgeID: str | int | None = None  # noqa: N815
    fromID: str | int  # noqa: N815
    toID: str | int  # noqa: N815


class AifDocument(BaseModel):
    """The top level of an AIF JSON file, as read (unknown keys are kept)."""

    model_config = ConfigDict(extra="allow")
    nodes: list[_Node] = Field(description="I, RA, CA, MA, PA, L, YA, TA ... nodes.")
    edges: list[_Edge] = Field(description="Directed edges between nodes.")


class AifWarning(UserWarning):
    """Something in an AIF document that argmap reads, but not as it stands: an I-node
    without text (real AIFdb nodesets have some)."""


def empty_text(node_id: str) -> str:
    """The statement text :func:`from_aif` gives an I-node that has none.

    Statements need text, AIF nodes need not; the node's own (empty or missing) text is
    kept in the statement's metadata and written back by :func:`to_aif`, as long as the
    statement still has this text.

    >>> empty_text("512")
    '(AIF I-node 512 has no text)'
    """
    return f"(AIF I-node {node_id} has no text)"


def _where(index: int, node_id: str) -> str:
    return f"nodes[{index}] (nodeID {node_id!r})"


def _extras(node: _Node, argmap_id: str) -> dict[str, JsonValue]:
    """The node's own fields that the model does not hold: not its text and type, and
    not its ``nodeID`` when that is the argmap id."""
    raw: dict[str, JsonValue] = node.model_dump(mode="json", exclude={"text", "type"})
    raw.pop(_ARGMAP_KEY, None)
    if raw["nodeID"] == argmap_id:
        del raw["nodeID"]
    return raw


def _implied_edge(edge: JsonValue) -> bool:
    """True for an edge :func:`to_aif` would write by itself (nothing to remember)."""
    if not isinstance(edge, dict):
        return False
    src, dst = edge.get("fromID"), edge.get("toID")
    return set(edge) == {"edgeID", "fromID", "toID"} and edge["edgeID"] == f"{src}_{dst}"


def _argmap_extra(node: _Node) -> dict[str, Any]:
    extra = (node.model_extra or {}).get(_ARGMAP_KEY)
    return dict(extra) if isinstance(extra, Mapping) else {}


def from_aif(data: Mapping[str, Any] | AifDocument) -> ArgumentMap:
    """Build a map from a parsed AIF JSON document (see the module docs).

    Raises
    ------
    pydantic.ValidationError
        The document does not have AIF's shape (``nodes`` and ``edges`` lists).
    ArgmapError
        The document uses something argmap cannot represent; names the node or edge.

    Examples
    --------
    >>> doc = {
    ...     "nodes": [
    ...         {"nodeID": "1", "text": "It rains", "type": "I"},
    ...         {"nodeID": "2", "text": "Take an umbrella", "type": "I"},
    ...         {"nodeID": "3", "text": "Default Inference", "type": "RA"},
    ...     ],
    ...     "edges": [
    ...         {"edgeID": "e1", "fromID": "1", "toID": "3"},
    ...         {"edgeID": "e2", "fromID": "3", "toID": "2"},
    ...     ],
    ... }
    >>> m = from_aif(doc)
    >>> [(s.id, s.kind) for s in m.statements]
    [('1', 'premise'), ('2', 'claim')]
    >>> m.inference("3").premises, m.inference("3").target
    (('1',), '2')
    """
    doc = data if isinstance(data, AifDocument) else AifDocument.model_validate(data)
    reader = _Reader(doc)
    inferences = reader.inferences()
    top_extra = doc.model_extra or {}
    top = top_extra.get(_ARGMAP_KEY)
    top = dict(top) if isinstance(top, Mapping) else {}
    m = ArgumentMap(top.get("title"), description=top.get("description"))
    for s_index, src in enumerate(top.get("sources") or []):
        try:
            m.add_source(adapter(Source).validate_python(src))
        except ValidationError as err:
            raise ArgmapError(f"argmap.sources[{s_index}]: {_one_line(err)}") from None
    for statement in reader.statements():
        m.add_statement(statement)
    m.add_inferences(inferences, where="AIF scheme node {id!r}")
    map_meta: dict[str, JsonValue] = dict(top.get("metadata") or {})
    kept: dict[str, JsonValue] = {
        "other_nodes": reader.other_nodes,
        "other_edges": reader.other_edges,
        "document": {k: v for k, v in top_extra.items() if k != _ARGMAP_KEY},
    }
    if any(kept.values()):
        map_meta[_AIF_KEY] = {k: v for k, v in kept.items() if v}
    m.metadata = map_meta
    return m


class _Reader:
    """One pass over an AIF document's nodes and edges."""

    def __init__(self, doc: AifDocument) -> None:
        self.nodes = doc.nodes
        self.raw_ids = [str(n.nodeID) for n in doc.nodes]
        self.by_raw: dict[str, _Node] = {}
        for index, node in enumerate(doc.nodes):
            raw = self.raw_ids[index]
            if raw in self.by_raw:
                raise ArgmapError(f"{_where(index, raw)}: nodeID is used twice", ids=[raw])
            self.by_raw[raw] = node
        self.ids = make_ids(self.raw_ids)
        self.premises: dict[str, list[str]] = {}
        self.targets: dict[str, list[str]] = {}
        self.used_edges: dict[str, list[JsonValue]] = {}
        self.other_edges: list[JsonValue] = []
        self.other_nodes: list[JsonValue] = []
        self.relation_of: dict[str, Relation] = {}
        for e_index, edge in enumerate(doc.edges):
            self._edge(e_index, edge)

    def _edge(self, e_index: int, edge: _Edge) -> None:
        src, dst = str(edge.fromID), str(edge.toID)
        where = f"edges[{e_index}] (edgeID {edge.edgeID!r})"
        for end in (src, dst):
            if end not in self.by_raw:
                raise ArgmapError(f"{where}: no node with nodeID {end!r}", ids=[end])
        src_type, dst_type = self.by_raw[src].type, self.by_raw[dst].type
        dumped: JsonValue = edge.model_dump(mode="json")
        if src_type == "I" and dst_type in _SCHEME_TYPES:
            self.premises.setdefault(dst, []).append(src)
            self.used_edges.setdefault(dst, []).append(dumped)
        elif src_type in _SCHEME_TYPES and (
            dst_type == "I" or (src_type == "CA" and dst_type in _SCHEME_TYPES)
        ):
            self.targets.setdefault(src, []).append(dst)
            self.used_edges.setdefault(src, []).append(dumped)
        elif src_type == "RA" and dst_type in _SCHEME_TYPES:
            raise ArgmapError(
                f"{where}: RA node {src!r} points at {dst_type} node {dst!r}; argmap cannot "
                "represent an inference that supports another inference",
                ids=[src, dst],
            )
        elif src_type == "I" and dst_type == "I":
            raise ArgmapError(
                f"{where}: an edge between two I-nodes ({src!r} -> {dst!r}) is not AIF; "
                "I-nodes connect through RA or CA nodes",
                ids=[src, dst],
            )
        else:
            self.other_edges.append(dumped)

    def inferences(self) -> list[Inference]:
        """One inference per RA and CA node, in node order."""
        found = []
        for index, node in enumerate(self.nodes):
            if node.type in _SCHEME_TYPES:
                found.append(self._inference(index, node))
        return found

    def _inference(self, index: int, node: _Node) -> Inference:
        raw = self.raw_ids[index]
        where = _where(index, raw)
        prem, tgt = self.premises.get(raw, []), self.targets.get(raw, [])
        if not prem:
            raise ArgmapError(
                f"{where}: {node.type} node has no premise (no I-node points at it)", ids=[raw]
            )
        if len(tgt) != 1:
            raise ArgmapError(
                f"{where}: {node.type} node must point at exactly one node, found {len(tgt)}",
                ids=[raw],
            )
        target_type = self.by_raw[tgt[0]].type
        relation: Relation = (
            "support" if node.type == "RA" else "undercut" if target_type != "I" else "attack"
        )
        self.relation_of[raw] = relation
        extra = _argmap_extra(node)
        meta: dict[str, JsonValue] = dict(extra.get("metadata") or {})
        aif_meta = _extras(node, self.ids[raw])
        if node.text != _DEFAULT_TEXT[node.type]:
            aif_meta["text"] = node.text
        edges = [e for e in self.used_edges[raw] if not _implied_edge(e)]
        if edges:
            aif_meta["edges"] = edges
        if aif_meta:
            meta[_AIF_KEY] = aif_meta
        try:
            return adapter(Inference).validate_python(
                {
                    **extra,
                    "id": self.ids[raw],
                    "relation": relation,
                    "premises": tuple(self.ids[p] for p in prem),
                    "target": self.ids[tgt[0]],
                    "metadata": meta,
                }
            )
        except ValidationError as err:
            raise ArgmapError(f"{where}: {_one_line(err)}", ids=[raw]) from None

    def statements(self) -> list[Statement]:
        """One statement per I-node, in node order (after :meth:`inferences`); other
        nodes are kept in :attr:`other_nodes`."""
        used_as: dict[str, set[Relation]] = {}
        for raw, prem in self.premises.items():
            if raw in self.relation_of:
                for p in prem:
                    used_as.setdefault(p, set()).add(self.relation_of[raw])
        found = []
        for index, node in enumerate(self.nodes):
            raw = self.raw_ids[index]
            if node.type in _SCHEME_TYPES:
                continue
            if node.type != "I":
                self.other_nodes.append(node.model_dump(mode="json"))
                continue
            roles = used_as.get(raw, set())
            kind = kind_from_roles(roles)
            extra = _argmap_extra(node)
            meta = dict(extra.get("metadata") or {})
            own = _extras(node, self.ids[raw])
            text = node.text
            if text is None or not text.strip():
                own["text"] = text  # written back as it was by to_aif
                text = empty_text(raw)
                warnings.warn(
                    f"{_where(index, raw)}: I-node has no text; loaded as the statement "
                    f"{self.ids[raw]!r} with the text {text!r} (dump writes the node back "
                    "as it was)",
                    AifWarning,
                    stacklevel=3,
                )
            if own:
                meta[_AIF_KEY] = own
            try:
                found.append(
                    adapter(Statement).validate_python(
                        {
                            "kind": kind,
                            **extra,
                            "id": self.ids[raw],
                            "text": text,
                            "metadata": meta,
                        }
                    )
                )
            except ValidationError as err:
                where = _where(index, raw)
                raise ArgmapError(
                    f"{where}: I-node {_one_line(err)}",
                    ids=[raw],
                ) from None
        return found


def _one_line(err: ValidationError) -> str:
    return describe_validation_error(err, indent="", sep="; ")


def _aif_meta(metadata: Mapping[str, JsonValue]) -> dict[str, Any]:
    value = metadata.get(_AIF_KEY)
    return dict(value) if isinstance(value, Mapping) else {}


def _non_aif(metadata: Mapping[str, JsonValue]) -> dict[str, JsonValue]:
    return {k: v for k, v in metadata.items() if k != _AIF_KEY}


def to_aif(m: ArgumentMap) -> dict[str, Any]:
    """The map as an AIF JSON document (a dict ready for :func:`json.dumps`).

    Examples
    --------
    >>> import argmap as am
    >>> m = am.ArgumentMap()
    >>> c = m.claim("Take an umbrella", id="c")
    >>> _ = m.premise("It rains", id="p", supports=c)
    >>> doc = to_aif(m)
    >>> [(n["nodeID"], n["type"]) for n in doc["nodes"]]
    [('c', 'I'), ('p', 'I'), ('p-supports-c', 'RA')]
    >>> [(e["fromID"], e["toID"]) for e in doc["edges"]]
    [('p', 'p-supports-c'), ('p-supports-c', 'c')]
    """
    # What the JSON writer checks first: a graph edited directly into a state no file
    # could be read back from, or metadata changed in place into non-JSON, is refused.
    statements, inferences = m._checked_elements()
    node_id: dict[str, JsonValue] = {}
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    kinds = structural_kinds(m)
    for s in statements:
        node = _i_node(s, kinds[s.id])
        node_id[s.id] = node["nodeID"]
        nodes.append(node)
    for inf in inferences:
        own = _aif_meta(inf.metadata)
        node_id[inf.id] = own.pop("nodeID", inf.id)
    used_edge_ids: set[str] = set()
    for inf in inferences:
        for edge in _aif_meta(inf.metadata).get("edges") or []:
            if isinstance(edge, Mapping) and edge.get("edgeID") is not None:
                used_edge_ids.add(str(edge["edgeID"]))
    for inf in inferences:
        own = _aif_meta(inf.metadata)
        own.pop("nodeID", None)
        stored = [e for e in own.pop("edges", None) or [] if isinstance(e, Mapping)]
        kind = "RA" if inf.relation == "support" else "CA"
        nid = node_id[inf.id]
        text = own.pop("text", _DEFAULT_TEXT[kind])
        node = {"nodeID": nid, "text": text, "type": kind, **own}
        if text is None:  # the AIF node had no text
            del node["text"]
        extra = _model_extras(inf, ("id", "relation", "premises", "target"))
        if extra:
            node[_ARGMAP_KEY] = extra
        nodes.append(node)
        ends = [(node_id[p], nid) for p in inf.premises] + [(nid, node_id[inf.target])]
        for src, dst in ends:
            edges.append(_edge(src, dst, stored, used_edge_ids))
    kept = _aif_meta(m.metadata)
    present = {str(n) for n in node_id.values()}
    for other in kept.get("other_nodes") or []:
        if isinstance(other, Mapping):
            nodes.append(dict(other))
            present.add(str(other.get("nodeID")))
    for other in kept.get("other_edges") or []:
        if (
            isinstance(other, Mapping)
            and str(other.get("fromID")) in present
            and str(other.get("toID")) in present
        ):
            edges.append(dict(other))
    doc: dict[str, Any] = {"nodes": nodes, "edges": edges}
    rest = kept.get("document")
    if isinstance(rest, Mapping):
        doc.update({k: v for k, v in rest.items() if k not in ("nodes", "edges")})
    top = {
        k: v
        for k, v in (
            ("title", m.title),
            ("description", m.description),
            ("metadata", _non_aif(m.metadata)),
            ("sources", [as_dict(s, mode="json", exclude_defaults=True) for s in m.sources]),
        )
        if v
    }
    if top:
        doc[_ARGMAP_KEY] = top
    return doc


def _i_node(s: Statement, structural_kind: StatementKind) -> dict[str, Any]:
    """The I-node of a statement, with what AIF cannot hold under ``"argmap"``."""
    own = _aif_meta(s.metadata)
    nid = own.pop("nodeID", s.id)
    node: dict[str, Any] = {"nodeID": nid, "text": s.text, "type": "I"}
    if "text" in own:  # an I-node read without text
        stored = own.pop("text")
        if s.text == empty_text(str(nid)):  # not edited since
            node["text"] = stored
            if stored is None:
                del node["text"]
    node.update(own)
    extra = _model_extras(s, ("id", "text"))
    if s.kind == structural_kind:
        del extra["kind"]
    if extra:
        node[_ARGMAP_KEY] = extra
    return node


def _model_extras(model: Statement | Inference, held: tuple[str, ...]) -> dict[str, Any]:
    """The model's fields that AIF has no place for (non-default ones only)."""
    extra = as_dict(model, mode="json", exclude_defaults=True, exclude={*held, "metadata"})
    if isinstance(model, Statement):
        extra["kind"] = model.kind
    own = _non_aif(model.metadata)
    if own:
        extra["metadata"] = own
    return extra


def _edge(
    src: JsonValue, dst: JsonValue, stored: list[Mapping[str, Any]], used: set[str]
) -> dict[str, Any]:
    for edge in stored:
        if str(edge.get("fromID")) == str(src) and str(edge.get("toID")) == str(dst):
            return {**edge, "fromID": src, "toID": dst}
    base = f"{src}_{dst}"
    edge_id, n = base, 2
    while edge_id in used:
        edge_id, n = f"{base}-{n}", n + 1
    used.add(edge_id)
    return {"edgeID": edge_id, "fromID": src, "toID": dst}


def loads(text: str | bytes) -> ArgumentMap:
    """Read a map from AIF JSON text (as AIFdb and OVA write it; see the module docs).

    Raises
    ------
    pydantic.ValidationError
        Not JSON, or not AIF's shape.
    ArgmapError
        Something argmap cannot represent; names the node or edge.

    Examples
    --------
    >>> text = (
    ...     '{"nodes": [{"nodeID": "1", "text": "It rains", "type": "I"},'
    ...     ' {"nodeID": "2", "text": "Take an umbrella", "type": "I"},'
    ...     ' {"nodeID": "3", "text": "Default Inference", "type": "RA"}],'
    ...     ' "edges": [{"edgeID": "4", "fromID": "1", "toID": "3"},'
    ...     ' {"edgeID": "5", "fromID": "3", "toID": "2"}], "locutions": []}'
    ... )
    >>> m = loads(text)
    >>> [(s.id, s.kind, s.text) for s in m.statements]
    [('1', 'premise', 'It rains'), ('2', 'claim', 'Take an umbrella')]
    >>> m.inference("3").relation
    'support'
    """
    with gc_paused():  # a bulk load: see argmap._bulk
        return from_aif(AifDocument.model_validate_json(text))


def dumps(m: ArgumentMap, *, indent: int | None = 2) -> str:
    """The map as AIF JSON text, ending in a newline; deterministic.

    ``indent=None`` writes one line. What AIF has no place for (kinds that differ from
    the structure's, titles, tags, quotes, sources) goes under ``"argmap"`` keys, which
    AIF tools ignore and :func:`loads` reads back.

    Examples
    --------
    >>> import argmap as am
    >>> m = am.ArgumentMap()
    >>> c = m.claim("Take an umbrella", id="c")
    >>> _ = m.premise("It rains", id="p", supports=c)
    >>> print(dumps(m, indent=None)[:62])
    {"nodes":[{"nodeID":"c","text":"Take an umbrella","type":"I"},
    >>> loads(dumps(m)).inference("p-supports-c").premises
    ('p',)
    """
    separators = (",", ":") if indent is None else (",", ": ")
    return json.dumps(to_aif(m), indent=indent, ensure_ascii=False, separators=separators) + "\n"


def dump(m: ArgumentMap, path: str | Path) -> Path:
    """Write the map as AIF JSON (:func:`dumps`) to ``path``, atomically; returns the path.

    Examples
    --------
    >>> import tempfile, argmap as am
    >>> m = am.ArgumentMap()
    >>> _ = m.premise("It rains", id="p", supports=m.claim("Take an umbrella", id="c"))
    >>> folder = tempfile.mkdtemp()
    >>> path = dump(m, f"{folder}/umbrella.aif.json")
    >>> load(path).inference("p-supports-c").target
    'c'
    """
    return write_atomic(path, dumps(m))


def load(path: str | Path) -> ArgumentMap:
    """Read a map from an AIF JSON file, such as an AIFdb nodeset or an OVA export
    (``argmap.load`` reads argmap JSON only).

    Raises
    ------
    FormatError
        Naming the file and what is wrong in it (and where).

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> path = Path(tempfile.mkdtemp()) / "nodeset.json"
    >>> _ = path.write_text(
    ...     '{"nodes": [{"nodeID": "1", "text": "It rains", "type": "I"},'
    ...     ' {"nodeID": "2", "text": "It does not rain", "type": "I"},'
    ...     ' {"nodeID": "3", "text": "Default Conflict", "type": "CA"}],'
    ...     ' "edges": [{"edgeID": "4", "fromID": "2", "toID": "3"},'
    ...     ' {"edgeID": "5", "fromID": "3", "toID": "1"}]}'
    ... )
    >>> m = load(path)
    >>> m.inference("3").relation, m.statement("2").kind
    ('attack', 'counterpoint')
    """
    return load_file(path, loads, "AIF JSON")


def _sniff(content: Content) -> str | None:
    obj = content.json_object
    if obj is None or "format" in obj:
        return None
    nodes, edges = obj.get("nodes"), obj.get("edges")
    if not isinstance(nodes, list) or not isinstance(edges, list):
        return None
    first = nodes[0] if nodes else None
    if first is None or (isinstance(first, dict) and "nodeID" in first):
        return 'has "nodes" (with "nodeID"s) and "edges" lists'
    return None


FORMAT = FormatSpec(
    name="aif",
    title="AIF JSON",
    suffixes=(".aif.json", ".aif"),
    loads=loads,
    dumps=dumps,
    sniff=_sniff,
    json=True,
    looks_for='"nodes" with "nodeID"s and "edges" lists',
    keeps="I-nodes, RA/CA schemes (linked premises, undercuts); L/YA/TA/MA/PA nodes verbatim; "
    'argmap\'s own fields in an extra "argmap" key.',
    loses='Nothing argmap wrote; other AIF readers ignore the "argmap" key (kinds, titles, '
    "tags, sources).",
)
"""AIF JSON in the format registry (:mod:`argmap.registry`)."""
