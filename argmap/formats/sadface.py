"""SADFace JSON: Simon Wells' Simple Argument Description Format.

A SADFace document is one JSON object::

    {
      "metadata": {"core": {"id": "...", "version": "0.2", "title": "...", ...}},
      "resources": [],
      "nodes": [
        {"id": "a1", "type": "atom", "text": "...", "sources": [], "metadata": {}},
        {"id": "s1", "type": "scheme", "name": "support", "metadata": {}}
      ],
      "edges": [{"id": "e1", "source_id": "a1", "target_id": "s1"}]
    }

argmap reads it as follows:

* an **atom** node becomes a :class:`~argmap.model.Statement` with the atom's text.
  SADFace has no statement kinds, so the kind comes from the structure (a premise of
  some support is a ``premise``, of conflicts only a ``counterpoint``, anything else a
  ``claim``), unless the atom's ``"argmap"`` metadata names one;
* a **scheme** node becomes an inference: the atoms with an edge into it are its
  premises (linked when there are several), the one node it points at its target. A
  conflict scheme (named ``conflict``, ``attack``, ``disagree``, ``disagreement``,
  ``defeat``, ``rebut``, ``rebuttal``, ``undercut`` or ``Default Conflict``, in any
  case) is an ``attack`` when it points at an atom and an ``undercut`` when it points
  at another scheme; every other scheme (``support``, ``inference``, ``Expert
  Opinion`` ...) is a ``support``: SADFace's schemes are the ways premises support a
  conclusion. The scheme's name is kept;
* a ``rephrase`` (or ``restatement``) scheme is a ``rephrase``: its one atom restates
  the atom it points at;
* a ``preference`` scheme, a node of any other type, and every edge that touches one,
  is kept verbatim in the map's ``metadata["sadface"]`` and written back by :func:`dump`.

What argmap has no field for is kept in ``metadata["sadface"]`` of the map, statement
or inference and written back: the document's ``resources``, its metadata namespaces
other than ``core``, the ``core`` entries other than ``title`` and ``description``
(``id``, ``version``, ``analyst_name``, ``created`` ...), an atom's ``sources`` and
metadata, a node id that is not a valid argmap id, edge ids. So ``dump(load(x))``
gives back the same nodes and edges.

Writing, what SADFace cannot hold (statement kinds that differ from the structure's,
titles, notes, tags, argmap metadata and quotes; the map's metadata and sources) goes
into an ``"argmap"`` metadata namespace of the node or document, as SADFace's
namespaced metadata intends, and :func:`load` reads it back. The ``core`` block always
has the keys SADFace's own tools write and other readers (arguebuf) expect: ``id``,
``version``, ``analyst_name``, ``analyst_email``, ``created``, ``edited``, ``title``,
``description`` and ``notes``; a value argmap does not know is an empty string, never
an invented one (no current time, no random UUID), so the same map always gives
byte-identical text. Node ids are the statement and inference ids, edge ids
``"<source>-><target>"``.

What argmap cannot represent is an error, never a silent change: a scheme with no
premise or not exactly one target, a support scheme pointing at a scheme, an edge
between two atoms, an edge to a node that does not exist.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, JsonValue, ValidationError

from argmap._bulk import gc_paused
from argmap._io import load_file, write_atomic
from argmap.errors import ArgmapError, describe_validation_error
from argmap.formats._jsontext import refuse_duplicate_keys
from argmap.formats._shared import kind_from_roles, make_ids, structural_kinds
from argmap.formats._spec import Content, FormatSpec
from argmap.map import ArgumentMap
from argmap.model import Inference, Relation, Source, Statement, adapter, as_dict

__all__ = [
    "FORMAT",
    "SADFACE_VERSION",
    "SadfaceDocument",
    "dump",
    "dumps",
    "from_sadface",
    "load",
    "loads",
    "relation_of_scheme",
    "sniff",
    "to_sadface",
]

SADFACE_VERSION = "0.2"
"""The ``core.version`` argmap writes when the map has none: the version of SADFace's
documented example, whose layout argmap writes."""

_KEY = "sadface"  # argmap metadata key for what SADFace has and argmap has not
_NS = "argmap"  # SADFace metadata namespace for what argmap has and SADFace has not
_CORE_KEYS = (
    "id",
    "version",
    "analyst_name",
    "analyst_email",
    "created",
    "edited",
    "title",
    "description",
    "notes",
)
_CONFLICT_NAMES = frozenset(
    {
        "conflict",
        "attack",
        "disagree",
        "disagreement",
        "defeat",
        "rebut",
        "rebuttal",
        "undercut",
        "default conflict",
    }
)
_REPHRASE_NAMES = frozenset({"rephrase", "default rephrase", "restatement"})
_KEPT_NAMES = frozenset({"preference", "default preference"})
_DEFAULT_NAME = {
    "support": "support",
    "attack": "conflict",
    "undercut": "conflict",
    "rephrase": "rephrase",
}
_NODE_METADATA: dict[str, JsonValue] = {"core": {}}  # what SADFace's own tools write
_ATOM_KEYS = ("id", "type", "text", "sources", "metadata")
_SCHEME_KEYS = ("id", "type", "name", "metadata")


class _Node(BaseModel):
    model_config = ConfigDict(extra="allow")
    id: str
    type: str


class _Edge(BaseModel):
    model_config = ConfigDict(extra="allow")
    id: str | None = None
    source_id: str
    target_id: str


class SadfaceDocument(BaseModel):
    """The top level of a SADFace JSON file, as read (unknown keys are kept)."""

    model_config = ConfigDict(extra="allow")
    metadata: dict[str, JsonValue] = {}
    resources: list[JsonValue] = []
    nodes: list[_Node]
    edges: list[_Edge]


def relation_of_scheme(name: str) -> str:
    """What a scheme of this name is to argmap: ``"support"``, ``"conflict"`` (an
    attack, or an undercut when it points at a scheme), ``"rephrase"`` or ``"kept"``
    (preference, kept verbatim).

    >>> [relation_of_scheme(n) for n in ("support", "Expert Opinion", "Conflict", "rephrase")]
    ['support', 'support', 'conflict', 'rephrase']
    """
    key = " ".join(name.lower().split())
    if key in _CONFLICT_NAMES:
        return "conflict"
    if key in _REPHRASE_NAMES:
        return "rephrase"
    if key in _KEPT_NAMES:
        return "kept"
    return "support"


def _where(index: int, node_id: str) -> str:
    return f"nodes[{index}] (id {node_id!r})"


def _one_line(err: ValidationError) -> str:
    return describe_validation_error(err, indent="", sep="; ")


def _as_dict(value: JsonValue | None) -> dict[str, Any]:
    return dict(value) if isinstance(value, Mapping) else {}


def from_sadface(data: Mapping[str, Any] | SadfaceDocument) -> ArgumentMap:
    """Build a map from a parsed SADFace document (see the module docs).

    Raises
    ------
    pydantic.ValidationError
        The document does not have SADFace's shape (``nodes`` and ``edges`` lists).
    ArgmapError
        The document uses something argmap cannot represent; names the node or edge.

    Examples
    --------
    >>> doc = {
    ...     "nodes": [
    ...         {"id": "c", "type": "atom", "text": "Take an umbrella"},
    ...         {"id": "p", "type": "atom", "text": "It rains"},
    ...         {"id": "s", "type": "scheme", "name": "support"},
    ...     ],
    ...     "edges": [
    ...         {"id": "e1", "source_id": "p", "target_id": "s"},
    ...         {"id": "e2", "source_id": "s", "target_id": "c"},
    ...     ],
    ... }
    >>> m = from_sadface(doc)
    >>> [(s.id, s.kind) for s in m.statements]
    [('c', 'claim'), ('p', 'premise')]
    >>> m.inference("s").relation, m.inference("s").premises, m.inference("s").target
    ('support', ('p',), 'c')
    """
    doc = data if isinstance(data, SadfaceDocument) else SadfaceDocument.model_validate(data)
    metadata = dict(doc.metadata)
    core_value = metadata.pop("core", {})
    if not isinstance(core_value, Mapping):
        raise ArgmapError(f"metadata.core: must be an object, not {type(core_value).__name__}")
    core = dict(core_value)
    top = metadata.pop(_NS, None) or {}
    if not isinstance(top, Mapping):
        raise ArgmapError(f"metadata.argmap: must be an object, not {type(top).__name__}")
    top = dict(top)
    header: dict[str, str | None] = {}
    for key in ("title", "description"):
        value = core.get(key)
        header[key] = value if isinstance(value, str) and value.strip() else None
        if header[key] is not None:
            del core[key]
        elif isinstance(blank := top.pop(key, None), str):  # core cannot tell it from none
            header[key] = blank
    m = ArgumentMap(header["title"], description=header["description"])
    sources = top.get("sources")
    if sources is not None and not isinstance(sources, list):
        raise ArgmapError("metadata.argmap.sources: must be a list")
    for s_index, src in enumerate(sources or []):
        try:
            m.add_source(adapter(Source).validate_python(src))
        except ValidationError as err:
            raise ArgmapError(f"metadata.argmap.sources[{s_index}]: {_one_line(err)}") from None
    reader = _Reader(doc)
    inferences = reader.inferences()
    for statement in reader.statements():
        m.add_statement(statement)  # an error names the statement
    m.add_inferences(inferences, where="SADFace scheme node {id!r}")
    kept_core = {
        k: v
        for k, v in core.items()
        if not (k in _CORE_KEYS and v == ("" if k != "version" else SADFACE_VERSION))
    }
    kept: dict[str, JsonValue] = {
        "core": kept_core,
        "metadata": metadata,
        "resources": doc.resources,
        "other_nodes": reader.other_nodes,
        "other_edges": reader.other_edges,
        "document": dict(doc.model_extra or {}),
    }
    map_meta = _namespace_metadata(top, "metadata.argmap.metadata")
    if any(kept.values()):
        map_meta[_KEY] = {k: v for k, v in kept.items() if v}
    m.metadata = map_meta
    return m


class _Reader:
    """One pass over a SADFace document's nodes and edges."""

    def __init__(self, doc: SadfaceDocument) -> None:
        self.raw_nodes: list[dict[str, Any]] = []
        self.by_raw: dict[str, dict[str, Any]] = {}
        self.role: dict[str, str] = {}  # raw id -> "atom" | "support" | "conflict" | "other"
        for index, node in enumerate(doc.nodes):
            raw = node.model_dump(mode="json")
            if node.id in self.by_raw:
                raise ArgmapError(f"{_where(index, node.id)}: id is used twice", ids=[node.id])
            self.raw_nodes.append(raw)
            self.by_raw[node.id] = raw
            self.role[node.id] = self._role(index, raw)
        self.ids = make_ids(n["id"] for n in self.raw_nodes if self.role[n["id"]] != "other")
        self.premises: dict[str, list[str]] = {}
        self.targets: dict[str, list[str]] = {}
        self.used_edges: dict[str, list[JsonValue]] = {}
        self.other_edges: list[JsonValue] = []
        self.other_nodes: list[JsonValue] = [
            n for n in self.raw_nodes if self.role[n["id"]] == "other"
        ]
        self.relation_of: dict[str, Relation] = {}
        for e_index, edge in enumerate(doc.edges):
            self._edge(e_index, edge)

    def _role(self, index: int, raw: dict[str, Any]) -> str:
        if raw["type"] == "atom":
            return "atom"
        if raw["type"] != "scheme":
            return "other"
        name = raw.get("name")
        if not isinstance(name, str):
            problem = "has no name" if name is None else "has a name that is not text"
            raise ArgmapError(
                f"{_where(index, raw['id'])}: scheme node {problem}; SADFace scheme nodes "
                'name their scheme ("support", "conflict", ...)',
                ids=[raw["id"]],
            )
        found = relation_of_scheme(name)
        return "other" if found == "kept" else found

    def _edge(self, e_index: int, edge: _Edge) -> None:
        src, dst = edge.source_id, edge.target_id
        where = f"edges[{e_index}] (id {edge.id!r})"
        for end in (src, dst):
            if end not in self.by_raw:
                raise ArgmapError(f"{where}: no node with id {end!r}", ids=[end])
        src_role, dst_role = self.role[src], self.role[dst]
        dumped: JsonValue = edge.model_dump(mode="json", exclude_unset=True)
        schemes = ("support", "conflict", "rephrase")
        if src_role == "atom" and dst_role in schemes:
            self.premises.setdefault(dst, []).append(src)
            self.used_edges.setdefault(dst, []).append(dumped)
        elif src_role in schemes and (
            dst_role == "atom" or (src_role == "conflict" and dst_role in schemes)
        ):
            self.targets.setdefault(src, []).append(dst)
            self.used_edges.setdefault(src, []).append(dumped)
        elif src_role == "support" and dst_role in schemes:
            raise ArgmapError(
                f"{where}: support scheme {src!r} points at scheme {dst!r}; argmap cannot "
                "represent an inference that supports another inference",
                ids=[src, dst],
            )
        elif src_role == "atom" and dst_role == "atom":
            raise ArgmapError(
                f"{where}: an edge between two atoms ({src!r} -> {dst!r}) is not SADFace; "
                "atoms connect through scheme nodes",
                ids=[src, dst],
            )
        else:
            self.other_edges.append(dumped)

    def inferences(self) -> list[Inference]:
        """One inference per support or conflict scheme, in node order."""
        return [
            self._inference(index, raw)
            for index, raw in enumerate(self.raw_nodes)
            if self.role[raw["id"]] in ("support", "conflict", "rephrase")
        ]

    def _inference(self, index: int, raw: dict[str, Any]) -> Inference:
        rid = raw["id"]
        where = _where(index, rid)
        prem, tgt = self.premises.get(rid, []), self.targets.get(rid, [])
        if not prem:
            raise ArgmapError(
                f"{where}: scheme node has no premise (no atom points at it)", ids=[rid]
            )
        if len(tgt) != 1:
            raise ArgmapError(
                f"{where}: scheme node must point at exactly one node, found {len(tgt)}",
                ids=[rid],
            )
        role = self.role[rid]
        relation: Relation = (
            "support"
            if role == "support"
            else "rephrase"
            if role == "rephrase"
            else "undercut"
            if self.role[tgt[0]] != "atom"
            else "attack"
        )
        self.relation_of[rid] = relation
        extra, kept = self._split(index, raw, _SCHEME_KEYS)
        if raw["name"] != _DEFAULT_NAME[relation]:
            kept["name"] = raw["name"]
        edges = [e for e in self.used_edges[rid] if not _implied_edge(e)]
        if edges:
            kept["edges"] = edges
        meta = _namespace_metadata(extra, f"{where}: metadata.argmap.metadata")
        if kept:
            meta[_KEY] = kept
        try:
            return adapter(Inference).validate_python(
                {
                    **extra,
                    "id": self.ids[rid],
                    "relation": relation,
                    "premises": tuple(self.ids[p] for p in prem),
                    "target": self.ids[tgt[0]],
                    "metadata": meta,
                }
            )
        except ValidationError as err:
            raise ArgmapError(f"{where}: scheme node {_one_line(err)}", ids=[rid]) from None

    def _split(
        self, index: int, raw: dict[str, Any], keys: tuple[str, ...]
    ) -> tuple[dict[str, Any], dict[str, JsonValue]]:
        """The node's ``"argmap"`` metadata namespace, and what to keep of the node
        under ``metadata["sadface"]``: a raw id that is not the argmap id, node metadata
        and sources that differ from what :func:`to_sadface` writes by default, keys
        the writer would add that the node did not have, and keys SADFace does not
        define."""
        rid = raw["id"]
        kept: dict[str, JsonValue] = {}
        if self.ids[rid] != rid:
            kept["id"] = rid
        extra: dict[str, Any] = {}
        absent = [k for k in ("sources", "metadata") if k in keys and k not in raw]
        if absent:
            kept["absent"] = list(absent)
        node_meta = raw.get("metadata")
        if "metadata" in raw:
            if not isinstance(node_meta, Mapping):
                raise ArgmapError(
                    f"{_where(index, rid)}: metadata must be an object, not "
                    f"{type(node_meta).__name__}",
                    ids=[rid],
                )
            rest = dict(node_meta)
            if _NS in rest:  # present, even as null: it must be argmap's object
                own = rest.pop(_NS)
                if not isinstance(own, Mapping):
                    raise ArgmapError(
                        f"{_where(index, rid)}: metadata.argmap must be an object", ids=[rid]
                    )
                extra = dict(own)
            if rest != _NODE_METADATA:
                kept["metadata"] = rest
        if "sources" in raw and raw["sources"] != []:
            kept["sources"] = raw["sources"]
        fields = {k: v for k, v in raw.items() if k not in keys}
        if fields:
            kept["fields"] = fields
        return extra, kept

    def statements(self) -> list[Statement]:
        """One statement per atom, in node order (after :meth:`inferences`)."""
        used_as: dict[str, set[Relation]] = {}
        for rid, prem in self.premises.items():
            if rid in self.relation_of:
                for p in prem:
                    used_as.setdefault(p, set()).add(self.relation_of[rid])
        found = []
        for index, raw in enumerate(self.raw_nodes):
            rid = raw["id"]
            if self.role[rid] != "atom":
                continue
            extra, kept = self._split(index, raw, _ATOM_KEYS)
            meta = _namespace_metadata(extra, f"{_where(index, rid)}: metadata.argmap.metadata")
            if kept:
                meta[_KEY] = kept
            try:
                found.append(
                    adapter(Statement).validate_python(
                        {
                            "kind": kind_from_roles(used_as.get(rid, ())),
                            **extra,
                            "id": self.ids[rid],
                            "text": raw.get("text"),
                            "metadata": meta,
                        }
                    )
                )
            except ValidationError as err:
                raise ArgmapError(
                    f"{_where(index, rid)}: atom {_one_line(err)}", ids=[rid]
                ) from None
        return found


def _namespace_metadata(namespace: dict[str, Any], where: str) -> dict[str, JsonValue]:
    """The ``metadata`` entry of an ``"argmap"`` namespace (taken out of it), which must
    be an object."""
    value = namespace.pop("metadata", None)
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise ArgmapError(f"{where}: must be an object, not {type(value).__name__}")
    return dict(value)


def _blank_header(m: ArgumentMap) -> dict[str, str]:
    """A blank title or description, which SADFace's core cannot tell from none."""
    header = {"title": m.title, "description": m.description}
    return {k: v for k, v in header.items() if v is not None and not v.strip()}


def _implied_edge(edge: JsonValue) -> bool:
    """True for an edge :func:`to_sadface` would write by itself (nothing to remember)."""
    if not isinstance(edge, dict):
        return False
    return (
        set(edge) == {"id", "source_id", "target_id"}
        and edge["id"] == f"{edge['source_id']}->{edge['target_id']}"
    )


def _own(metadata: Mapping[str, JsonValue]) -> dict[str, Any]:
    return _as_dict(metadata.get(_KEY))


def _non_sadface(metadata: Mapping[str, JsonValue]) -> dict[str, JsonValue]:
    return {k: v for k, v in metadata.items() if k != _KEY}


def to_sadface(m: ArgumentMap) -> dict[str, Any]:
    """The map as a SADFace document (a dict ready for :func:`json.dumps`).

    Examples
    --------
    >>> import argmap as am
    >>> m = am.ArgumentMap("Rain")
    >>> c = m.claim("Take an umbrella", id="c")
    >>> _ = m.premise("It rains", id="p", supports=c)
    >>> doc = to_sadface(m)
    >>> doc["metadata"]["core"]["title"]
    'Rain'
    >>> [(n["id"], n["type"]) for n in doc["nodes"]]
    [('c', 'atom'), ('p', 'atom'), ('p-supports-c', 'scheme')]
    >>> [(e["source_id"], e["target_id"]) for e in doc["edges"]]
    [('p', 'p-supports-c'), ('p-supports-c', 'c')]
    """
    statements, inferences = m._checked_elements()
    kinds = structural_kinds(m)
    node_id: dict[str, str] = {}
    elements: list[Statement | Inference] = [*statements, *inferences]
    for element in elements:
        raw = _own(element.metadata).get("id")
        node_id[element.id] = raw if isinstance(raw, str) else element.id
    nodes: list[dict[str, Any]] = []
    for s in statements:
        ns = _model_extras(s, ("id", "text"))
        if s.kind == kinds[s.id]:
            del ns["kind"]
        nodes.append(_node(s, node_id[s.id], {"text": s.text, "sources": []}, ns, _ATOM_KEYS))
    used: set[str] = set()
    for inf in inferences:
        for edge in _own(inf.metadata).get("edges") or []:
            if isinstance(edge, Mapping) and isinstance(edge.get("id"), str):
                used.add(edge["id"])
    edges: list[dict[str, Any]] = []
    for inf in inferences:
        own = _own(inf.metadata)
        name = own.get("name")
        default = _DEFAULT_NAME[inf.relation]
        if not isinstance(name, str) or relation_of_scheme(name) != relation_of_scheme(default):
            name = default
        ns = _model_extras(inf, ("id", "relation", "premises", "target"))
        nodes.append(_node(inf, node_id[inf.id], {"name": name}, ns, _SCHEME_KEYS))
        stored = [e for e in own.get("edges") or [] if isinstance(e, Mapping)]
        nid = node_id[inf.id]
        ends = [(node_id[p], nid) for p in inf.premises] + [(nid, node_id[inf.target])]
        edges.extend(_edge(src, dst, stored, used) for src, dst in ends)
    kept = _own(m.metadata)
    present = set(node_id.values())
    for other in kept.get("other_nodes") or []:
        if isinstance(other, Mapping):
            nodes.append(dict(other))
            present.add(str(other.get("id")))
    for other in kept.get("other_edges") or []:
        if (
            isinstance(other, Mapping)
            and other.get("source_id") in present
            and other.get("target_id") in present
        ):
            edges.append(dict(other))
    core: dict[str, JsonValue] = {k: "" for k in _CORE_KEYS}
    core["version"] = SADFACE_VERSION
    core.update(_as_dict(kept.get("core")))
    core.update({k: v for k, v in (("title", m.title), ("description", m.description)) if v})
    core.update({k: "" for k in _blank_header(m)})  # themselves in the argmap namespace
    metadata: dict[str, JsonValue] = {"core": core}
    metadata.update(
        {k: v for k, v in _as_dict(kept.get("metadata")).items() if k not in ("core", _NS)}
    )
    top: dict[str, Any] = {
        k: v
        for k, v in (
            ("metadata", _non_sadface(m.metadata)),
            ("sources", [as_dict(s, mode="json", exclude_defaults=True) for s in m.sources]),
        )
        if v
    }
    top.update(_blank_header(m))
    if top:
        metadata[_NS] = top
    resources = kept.get("resources")
    doc: dict[str, Any] = {
        "metadata": metadata,
        "resources": list(resources) if isinstance(resources, list) else [],
        "nodes": nodes,
        "edges": edges,
    }
    for key, value in _as_dict(kept.get("document")).items():
        doc.setdefault(key, value)
    return doc


def _node(
    element: Statement | Inference,
    nid: str,
    own_fields: dict[str, JsonValue],
    ns: dict[str, Any],
    keys: tuple[str, ...],
) -> dict[str, Any]:
    """The SADFace node of a statement or inference, with what SADFace cannot hold in
    its ``"argmap"`` metadata namespace."""
    own = _own(element.metadata)
    node: dict[str, Any] = {
        "id": nid,
        "type": "atom" if isinstance(element, Statement) else "scheme",
        **own_fields,
    }
    if "sources" in node and "sources" in own:
        node["sources"] = own["sources"]
    stored_meta = own.get("metadata")
    node["metadata"] = dict(stored_meta) if isinstance(stored_meta, Mapping) else {"core": {}}
    for key in own.get("absent") or []:
        if key in keys and not (key == "metadata" and ns):
            node.pop(key, None)
    if ns:
        node["metadata"] = {**node.get("metadata", {}), _NS: ns}
    for key, value in _as_dict(own.get("fields")).items():
        if key not in keys:
            node[key] = value
    return node


def _model_extras(model: Statement | Inference, held: tuple[str, ...]) -> dict[str, Any]:
    """The model's fields that SADFace has no place for (non-default ones only)."""
    extra = as_dict(model, mode="json", exclude_defaults=True, exclude={*held, "metadata"})
    if isinstance(model, Statement):
        extra = {"kind": model.kind, **extra}
    own = _non_sadface(model.metadata)
    if own:
        extra["metadata"] = own
    return extra


def _edge(src: str, dst: str, stored: list[Mapping[str, Any]], used: set[str]) -> dict[str, Any]:
    for edge in stored:
        if edge.get("source_id") == src and edge.get("target_id") == dst:
            return {**edge, "source_id": src, "target_id": dst}
    base = f"{src}->{dst}"
    edge_id, n = base, 2
    while edge_id in used:
        edge_id, n = f"{base}-{n}", n + 1
    used.add(edge_id)
    return {"id": edge_id, "source_id": src, "target_id": dst}


_FULL_KEY_CHECK = 4 * 1024 * 1024
"""Texts up to this many characters have every object checked for duplicate keys."""


def loads(text: str | bytes) -> ArgumentMap:
    """Read a map from SADFace JSON text (see the module docs).

    Raises
    ------
    pydantic.ValidationError
        Not JSON, or not SADFace's shape.
    ArgmapError
        Something argmap cannot represent; names the node or edge.

    Examples
    --------
    >>> text = (
    ...     '{"metadata": {"core": {"title": "Rain"}}, "resources": [],'
    ...     ' "nodes": [{"id": "a1", "type": "atom", "text": "It rains"},'
    ...     ' {"id": "a2", "type": "atom", "text": "It is dry"},'
    ...     ' {"id": "s1", "type": "scheme", "name": "conflict"}],'
    ...     ' "edges": [{"id": "e1", "source_id": "a2", "target_id": "s1"},'
    ...     ' {"id": "e2", "source_id": "s1", "target_id": "a1"}]}'
    ... )
    >>> m = loads(text)
    >>> m.title, m.inference("s1").relation, m.statement("a2").kind
    ('Rain', 'attack', 'counterpoint')
    """
    if isinstance(text, (str, bytes, bytearray)):
        refuse_duplicate_keys(text, _FULL_KEY_CHECK, ('"nodes"', '"edges"', '"resources"'))
    with gc_paused():  # a bulk load: see argmap._bulk
        return from_sadface(SadfaceDocument.model_validate_json(text))


def dumps(m: ArgumentMap, *, indent: int | None = 2) -> str:
    """The map as SADFace JSON text, ending in a newline; deterministic.

    ``indent=None`` writes one line.

    Examples
    --------
    >>> import argmap as am
    >>> m = am.ArgumentMap()
    >>> c = m.claim("Take an umbrella", id="c")
    >>> _ = m.premise("It rains", id="p", supports=c)
    >>> print(dumps(m, indent=None)[:60])
    {"metadata":{"core":{"id":"","version":"0.2","analyst_name":
    >>> loads(dumps(m)) == m
    True
    """
    separators = (",", ":") if indent is None else (",", ": ")
    text = json.dumps(to_sadface(m), indent=indent, ensure_ascii=False, separators=separators)
    return text + "\n"


def dump(m: ArgumentMap, path: str | Path) -> Path:
    """Write the map as SADFace JSON (:func:`dumps`) to ``path``, atomically; returns
    the path.

    Examples
    --------
    >>> import tempfile, argmap as am
    >>> m = am.ArgumentMap()
    >>> _ = m.premise("It rains", id="p", supports=m.claim("Take an umbrella", id="c"))
    >>> path = dump(m, f"{tempfile.mkdtemp()}/umbrella.sadface.json")
    >>> load(path) == m
    True
    """
    return write_atomic(path, dumps(m))


def load(path: str | Path) -> ArgumentMap:
    """Read a map from a SADFace JSON file.

    Raises
    ------
    FormatError
        Naming the file and what is wrong in it (and where).

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> path = Path(tempfile.mkdtemp()) / "bad.sadface.json"
    >>> _ = path.write_text('{"nodes": [{"id": "a", "type": "atom", "text": "A"}],'
    ...     ' "edges": [{"id": "e", "source_id": "a", "target_id": "b"}]}')
    >>> load(path)
    Traceback (most recent call last):
    ...
    argmap.errors.FormatError: ...bad.sadface.json: edges[0] (id 'e'): no node with id 'b'
    """
    return load_file(path, loads, "SADFace JSON")


def sniff(content: Content) -> str | None:
    """Tell SADFace JSON by content: a ``metadata.core`` block, or ``atom``/``scheme``
    nodes, beside ``nodes`` and ``edges`` lists (AIF's nodes have ``nodeID``, OVA's
    ``x``/``y`` and I/RA types, arguebuf's ``nodes`` is an object).

    >>> sniff(Content('{"metadata": {"core": {}}, "nodes": [], "edges": []}'))
    'has a SADFace "metadata.core" block'
    >>> sniff(Content('{"nodes": [{"id": "a", "type": "atom"}], "edges": []}'))
    'has SADFace "atom" or "scheme" nodes'
    >>> sniff(Content('{"nodes": [{"nodeID": "1", "type": "I"}], "edges": []}')) is None
    True
    """
    obj = content.json_object
    if obj is None:
        return None
    nodes, edges = obj.get("nodes"), obj.get("edges")
    if not isinstance(nodes, list) or not isinstance(edges, list):
        return None
    meta = obj.get("metadata")
    if isinstance(meta, dict) and isinstance(meta.get("core"), dict):
        return 'has a SADFace "metadata.core" block'
    for node in nodes[:100]:
        if (
            isinstance(node, dict)
            and node.get("type") in ("atom", "scheme")
            and isinstance(node.get("id"), str)
        ):
            return 'has SADFace "atom" or "scheme" nodes'
    return None


FORMAT = FormatSpec(
    name="sadface",
    title="SADFace JSON",
    suffixes=(".sadface.json",),
    loads=loads,
    dumps=dumps,
    sniff=sniff,
    json=True,
    looks_for='"nodes" of type "atom"/"scheme" and "edges", or a "metadata.core" block',
    keeps="Atoms, support and conflict schemes (linked premises, undercuts), scheme "
    "names, resources, sources and SADFace metadata; argmap's own fields in an argmap "
    "metadata namespace.",
    loses="Nothing on a round trip; SADFace readers other than argmap ignore statement "
    "kinds, titles, notes, tags and quotes.",
)
