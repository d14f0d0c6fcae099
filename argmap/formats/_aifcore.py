"""The node and edge logic that AIF JSON and xAIF share; not a format.

:mod:`argmap.formats.aif` (an AIF document on its own) and :mod:`argmap.formats.xaif`
(the same document under an ``"AIF"`` key, beside the text) both read and write an AIF
node/edge graph with :func:`read` and :func:`write`; formats never import each other.
The module docs of :mod:`argmap.formats.aif` describe the mapping.
"""

from __future__ import annotations

import math
import operator
import re
import sys
import warnings
from collections.abc import Mapping
from itertools import compress, count
from pathlib import Path
from typing import Any, NamedTuple, cast, get_args

import pydantic_core
from pydantic import BaseModel, ConfigDict, Field, JsonValue, ValidationError

from argmap._bulk import add_inferences, add_statements
from argmap.errors import ArgmapError, describe_validation_error
from argmap.formats._jsontext import has_float
from argmap.formats._shared import kind_from_roles, make_ids, structural_kinds
from argmap.map import ArgumentMap
from argmap.model import (
    ID_PATTERN,
    Inference,
    Relation,
    Source,
    Statement,
    StatementKind,
    adapter,
    as_dict,
    is_valid_id,
    quick_inference,
    quick_statement,
)

__all__ = [
    "AIF_KEY",
    "KNOWN_TYPES",
    "AifDocument",
    "AifWarning",
    "empty_text",
    "read",
    "write",
]

AIF_KEY = "aif"
"""The metadata key under which elements and maps keep what AIF has and argmap has not."""
ARGMAP_KEY = "argmap"
"""The key of AIF nodes (and of the document) under which argmap writes what AIF cannot
hold; AIF readers ignore it."""

RELATION_OF: dict[str, Relation] = {"RA": "support", "MA": "rephrase"}
"""The relation of each scheme node type but CA (an attack or an undercut by its target)."""
TYPE_OF: dict[Relation, str] = {
    "support": "RA",
    "attack": "CA",
    "undercut": "CA",
    "rephrase": "MA",
}
SCHEME_TYPES = ("RA", "CA", "MA")
DEFAULT_TEXT = {"RA": "Default Inference", "CA": "Default Conflict", "MA": "Default Rephrase"}
KNOWN_TYPES = ("I", "RA", "CA", "MA", "PA", "L", "YA", "TA")
"""Node types argmap knows: I, RA, CA and MA it models; PA (preference) and the
dialogue layer's L, YA and TA it keeps verbatim without a word; any other type it keeps
with an :class:`AifWarning`."""
_KNOWN = frozenset(KNOWN_TYPES)
_SCHEME = frozenset(SCHEME_TYPES)
_PLAIN_EDGES = frozenset(
    {("I", kind) for kind in SCHEME_TYPES}
    | {(kind, "I") for kind in SCHEME_TYPES}
    | {("CA", "RA"), ("CA", "CA")}
)
"""The (from, to) node types of the edges :meth:`_Reader._plain_edges` sorts: a premise,
a target, an undercut."""


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
    without text, a node of an unknown type, or (unless ``strict=True``) a scheme node
    argmap cannot interpret, which is kept verbatim instead."""


def empty_text(node_id: str) -> str:
    """The statement text the readers give an I-node that has none.

    Statements need text, AIF nodes need not; the node's own (empty or missing) text is
    kept in the statement's metadata and written back, as long as the statement still
    has this text.

    >>> empty_text("512")
    '(AIF I-node 512 has no text)'
    """
    return f"(AIF I-node {node_id} has no text)"


_STATEMENT = adapter(Statement)
_INFERENCE = adapter(Inference)
_KINDS = frozenset(get_args(StatementKind))

_KEPT = "; kept as it is in metadata['aif'] (dump writes it back)"
_ROLE: dict[str, int] = {relation: 1 << bit for bit, relation in enumerate(get_args(Relation))}
"""A bit per relation: a statement's roles (the relations it is a premise in) as a number."""
_KIND_OF_ROLES: tuple[StatementKind, ...] = tuple(
    kind_from_roles(r for r, bit in _ROLE.items() if roles & bit)
    for roles in range(1 << len(_ROLE))
)
""":func:`~argmap.formats._shared.kind_from_roles` of each combination of :data:`_ROLE` bits."""
_NODE_FIELDS = ("nodeID", "type", "text")
_EDGE_FIELDS = ("edgeID", "fromID", "toID")
_MAX_DEPTH = 100
"""Deeper extra fields go through :class:`AifDocument` (see :func:`_plain_json`)."""


def _plain_json(value: object) -> bool:
    """True when ``value`` is JSON as a parser gives it (dicts with ``str`` keys, lists,
    ``str``, ``int``, ``bool``, ``None``, finite floats; not deeply nested): what
    ``model_dump(mode="json")`` gives back unchanged."""
    stack = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        kind = type(item)
        if kind is dict or kind is list:
            if depth >= _MAX_DEPTH:
                return False
            children = cast("dict[Any, Any] | list[Any]", item)
            if isinstance(children, dict):
                if any(type(key) is not str for key in children):
                    return False
                stack.extend((child, depth + 1) for child in children.values())
            else:
                stack.extend((child, depth + 1) for child in children)
        elif kind is float:
            if not math.isfinite(cast(float, item)):
                return False
        elif kind is not str and kind is not int and kind is not bool and item is not None:
            return False
    return True


_DICT = frozenset({dict})
_STR = frozenset({str})
_STR_NONE = frozenset({str, type(None)})
_STR_INT = frozenset({str, int})
_STR_INT_NONE = frozenset({str, int, type(None)})


_NODE_ID = operator.itemgetter("nodeID")
_TYPE = operator.itemgetter("type")
_TEXT = operator.itemgetter("text")
_FROM_ID = operator.itemgetter("fromID")
_TO_ID = operator.itemgetter("toID")
_THREE = frozenset({3})


def _extra(fields: dict[str, Any], held: tuple[str, ...]) -> dict[str, Any]:
    """The fields of a node or edge that its model does not declare."""
    return {k: v for k, v in fields.items() if k not in held}


def _copy(value: Any) -> Any:
    """A deep copy of a JSON value that :func:`_plain_json` accepts."""
    if type(value) is dict:
        return {k: _copy(v) for k, v in value.items()}
    if type(value) is list:
        return [_copy(v) for v in value]
    return value


class NodeSet:
    """An AIF document's nodes and edges as columns (one list per field, in document
    order): what :func:`read` needs of them, taken from an :class:`AifDocument`
    (:meth:`of`) or straight from parsed JSON (:meth:`parse`)."""

    def __init__(
        self,
        top: dict[str, Any],
        node_models: list[_Node] | None = None,
        edge_models: list[_Edge] | None = None,
    ) -> None:
        self.top = top
        """The document's keys besides ``nodes`` and ``edges``, as given."""
        self.node_ids: list[str | int] = []
        self.raw_ids: list[str] = []
        """Each ``nodeID`` as text."""
        self.types: list[str] = []
        self.texts: list[str | None] = []
        self.node_extras: list[dict[str, Any] | None] = []
        """Each node's other fields, None when it has none."""
        self.edge_ids: list[str | int | None] = []
        self.from_ids: list[str | int] = []
        self.to_ids: list[str | int] = []
        self.edge_extras: list[dict[str, Any] | None] = []
        self._node_models = node_models
        self._edge_models = edge_models

    @classmethod
    def of(cls, doc: AifDocument) -> NodeSet:
        """The nodes and edges of a validated document."""
        made = cls(doc.model_extra or {}, doc.nodes, doc.edges)
        for node in doc.nodes:
            made.node_ids.append(node.nodeID)
            made.raw_ids.append(str(node.nodeID))
            made.types.append(node.type)
            made.texts.append(node.text)
            made.node_extras.append(node.model_extra or None)
        for edge in doc.edges:
            made.edge_ids.append(edge.edgeID)
            made.from_ids.append(edge.fromID)
            made.to_ids.append(edge.toID)
            made.edge_extras.append(edge.model_extra or None)
        return made

    @classmethod
    def parse(cls, data: object) -> NodeSet | None:
        """The nodes and edges of a parsed JSON document, when every field already has
        the type :class:`AifDocument` would give it and every extra field is plain JSON;
        else None, and the caller validates with :class:`AifDocument` (which converts or
        refuses, with pydantic's messages). Both ways read a document the same."""
        if type(data) is not dict:
            return None
        nodes, edges = data.get("nodes"), data.get("edges")
        if type(nodes) is not list or type(edges) is not list:
            return None
        if not _DICT.issuperset(map(type, nodes)) or not _DICT.issuperset(map(type, edges)):
            return None
        made = cls({k: v for k, v in data.items() if k not in {"nodes", "edges"}})
        # One column at a time: a comprehension per field is several times faster than
        # one loop appending to five lists.
        try:  # itemgetter's map is faster than a comprehension; without a key, see below
            node_ids = list(map(_NODE_ID, nodes))
            types = list(map(_TYPE, nodes))
        except KeyError:
            return None  # AifDocument names the missing field
        try:
            texts = list(map(_TEXT, nodes))
            all_texts = True
        except KeyError:  # a node without text
            texts = [node.get("text") for node in nodes]
            all_texts = False
        if (
            not _STR_INT.issuperset(map(type, node_ids))
            or not _STR.issuperset(map(type, types))
            or not _STR_NONE.issuperset(map(type, texts))
        ):
            return None
        # Nodes with nodeID, type and text alone (those three keys, checked above) have
        # nothing else: most documents' every node.
        node_extras: list[dict[str, Any] | None] = (
            [None] * len(nodes)
            if all_texts and _THREE.issuperset(map(len, nodes))
            else [
                None if len(node) == 2 + ("text" in node) else _extra(node, _NODE_FIELDS)
                for node in nodes
            ]
        )
        try:
            from_ids = list(map(_FROM_ID, edges))
            to_ids = list(map(_TO_ID, edges))
        except KeyError:
            return None  # AifDocument names the missing field
        edge_ids = [edge.get("edgeID") for edge in edges]
        if (
            not _STR_INT.issuperset(map(type, from_ids))
            or not _STR_INT.issuperset(map(type, to_ids))
            or not _STR_INT_NONE.issuperset(map(type, edge_ids))
        ):
            return None
        edge_extras = [
            None if len(edge) == 2 + ("edgeID" in edge) else _extra(edge, _EDGE_FIELDS)
            for edge in edges
        ]
        # An extra field is never empty: filter(None, ...) skips the nodes without any.
        if not all(map(_plain_json, filter(None, node_extras))) or not all(
            map(_plain_json, filter(None, edge_extras))
        ):
            return None
        made.node_ids = node_ids
        made.raw_ids = [i if type(i) is str else str(i) for i in node_ids]
        made.types = types
        made.texts = texts
        made.node_extras = node_extras
        made.edge_ids = edge_ids
        made.from_ids = from_ids
        made.to_ids = to_ids
        made.edge_extras = edge_extras
        return made

    def node(self, index: int) -> dict[str, JsonValue]:
        """The node as :meth:`pydantic.BaseModel.model_dump` (``mode="json"``) gives it."""
        if self._node_models is not None:
            dumped: dict[str, JsonValue] = self._node_models[index].model_dump(mode="json")
            return dumped
        node: dict[str, JsonValue] = {
            "nodeID": self.node_ids[index],
            "type": self.types[index],
            "text": self.texts[index],
        }
        extra = self.node_extras[index]
        if extra:
            node.update(_copy(extra))
        return node

    def edge(self, index: int) -> dict[str, JsonValue]:
        """The edge as :meth:`pydantic.BaseModel.model_dump` (``mode="json"``) gives it."""
        if self._edge_models is not None:
            dumped: dict[str, JsonValue] = self._edge_models[index].model_dump(mode="json")
            return dumped
        edge: dict[str, JsonValue] = {
            "edgeID": self.edge_ids[index],
            "fromID": self.from_ids[index],
            "toID": self.to_ids[index],
        }
        extra = self.edge_extras[index]
        if extra:
            edge.update(_copy(extra))
        return edge

    def implied_edge(self, index: int) -> bool:
        """True for an edge :func:`write` would write by itself (nothing to remember)."""
        return (
            self.edge_extras[index] is None
            and self.edge_ids[index] == f"{self.from_ids[index]}_{self.to_ids[index]}"
        )


def parse_json(text: str | bytes | bytearray) -> NodeSet | None:
    """The :class:`NodeSet` of an AIF JSON text (:meth:`NodeSet.parse`), or None when
    the text is not JSON or not plainly AIF: then :class:`AifDocument` says why, or
    converts what it can."""
    try:
        # The parser AifDocument.model_validate_json uses; caching only the keys (the
        # field names) is faster here than also caching short values.
        data = pydantic_core.from_json(text, cache_strings="keys")
    except ValueError:
        return None
    return NodeSet.parse(data)


_ID_LINES = re.compile(f"{ID_PATTERN[1:-1]}(?:\n{ID_PATTERN[1:-1]})*")
""":data:`~argmap.model.ID_PATTERN` on each line: ``fullmatch`` checks many ids at once."""


def _all_valid_ids(raw_ids: list[str]) -> bool:
    """``all(map(is_valid_id, raw_ids))`` for a non-empty list of strings, in one regular
    expression match rather than one per id (an id has no newline)."""
    if not raw_ids or not is_valid_id(max(raw_ids, key=len)):  # the length limit
        return False
    return _ID_LINES.fullmatch("\n".join(raw_ids)) is not None


def _argmap_extra(extra: dict[str, Any] | None) -> dict[str, Any]:
    if not extra:
        return {}
    own = extra.get(ARGMAP_KEY)
    return dict(own) if isinstance(own, Mapping) else {}


_PACKAGE = str(Path(__file__).resolve().parent.parent)


def _outside_argmap() -> int:
    """The ``stacklevel`` that points a warning at the first caller outside argmap."""
    frame = sys._getframe(1)
    level = 1
    while frame.f_back is not None and frame.f_code.co_filename.startswith(_PACKAGE):
        frame = frame.f_back
        level += 1
    return level


def _one_line(err: ValidationError) -> str:
    return describe_validation_error(err, indent="", sep="; ")


def read(
    doc: AifDocument | NodeSet,
    *,
    strict: bool = False,
    prefix: str = "",
    defaults: Mapping[str, JsonValue] | None = None,
) -> ArgumentMap:
    """Build a map from an AIF node/edge document.

    ``prefix`` goes before the places named in messages (``"AIF."`` for xAIF);
    ``defaults`` are the document's keys that :func:`write` writes by itself (such as
    ``"locutions": []``): a key holding its default is not kept in the metadata.
    """
    nodes = doc if isinstance(doc, NodeSet) else NodeSet.of(doc)
    reader = _Reader(nodes, strict=strict, prefix=prefix)
    top_extra = nodes.top
    top = top_extra.get(ARGMAP_KEY)
    top = dict(top) if isinstance(top, Mapping) else {}
    m = ArgumentMap(top.get("title"), description=top.get("description"))
    for s_index, src in enumerate(top.get("sources") or []):
        try:
            m.add_source(adapter(Source).validate_python(src))
        except ValidationError as err:
            raise ArgmapError(f"{prefix}argmap.sources[{s_index}]: {_one_line(err)}") from None
    reader.fill(m)
    map_meta: dict[str, JsonValue] = dict(top.get("metadata") or {})
    skip = dict(defaults or {})
    document = {
        k: v for k, v in top_extra.items() if k != ARGMAP_KEY and not (k in skip and skip[k] == v)
    }
    kept: dict[str, JsonValue] = {
        "other_nodes": reader.other_nodes(),
        "other_edges": reader.other_edges(),
        "document": document,
    }
    if any(kept.values()):
        map_meta[AIF_KEY] = {k: v for k, v in kept.items() if v}
    m.metadata = map_meta
    return m


class _Reader:
    """One pass over an AIF document's nodes and edges."""

    def __init__(self, nodes: NodeSet, *, strict: bool, prefix: str) -> None:
        self.strict = strict
        self.prefix = prefix
        self.nodes = nodes
        raw_ids, types = nodes.raw_ids, nodes.types
        self.raw_ids = raw_ids
        self.index: dict[str, int] = dict(zip(raw_ids, range(len(raw_ids)), strict=True))
        self.type_of: dict[str, str] = dict(zip(raw_ids, types, strict=True))
        if len(self.index) < len(raw_ids) or not _KNOWN.issuperset(types):
            self._check_nodes()
        # make_ids keeps valid ids as they are: when all are (the common case), say so
        # without its per-id work.
        valid = _all_valid_ids(raw_ids)
        self.ids = dict(zip(raw_ids, raw_ids, strict=True)) if valid else make_ids(raw_ids)
        # Each scheme node's premises, targets and edges (the edges' indexes).
        schemes = [raw for raw, kind in zip(raw_ids, types, strict=True) if kind in _SCHEME]
        self.schemes = schemes
        self.premises: dict[str, list[str]] = {raw: [] for raw in schemes}
        self.targets: dict[str, list[str]] = {raw: [] for raw in schemes}
        self._used_edges: dict[str, list[int]] | None = None
        self.odd_edges: set[str] = set()  # scheme nodes with an edge write() would not give
        self.loose_edges: list[int] = []
        self.problem: dict[str, str] = {}  # scheme nodes argmap cannot read, and why
        sources = [i if type(i) is str else str(i) for i in nodes.from_ids]
        targeted = [i if type(i) is str else str(i) for i in nodes.to_ids]
        self._sources, self._targeted = sources, targeted
        if not self._plain_edges(sources, targeted):
            self._edges(sources, targeted)

    @property
    def used_edges(self) -> dict[str, list[int]]:
        """The indexes of each scheme node's edges (its premises' and its target's), in
        edge order; made when first asked for (only for a node not read as it stands)."""
        if self._used_edges is None:
            used: dict[str, list[int]] = {raw: [] for raw in self.schemes}
            type_of = self.type_of
            for e_index, src, dst in zip(count(), self._sources, self._targeted):
                if type_of[src] == "I":
                    used[dst].append(e_index)
                else:
                    used[src].append(e_index)
            self._used_edges = used
        return self._used_edges

    def _check_nodes(self) -> None:
        """Refuse a repeated ``nodeID``, and warn of unknown types, in node order."""
        seen: set[str] = set()
        for index, raw in enumerate(self.raw_ids):
            if raw in seen:
                raise ArgmapError(f"{self._where(index)}: nodeID is used twice", ids=[raw])
            seen.add(raw)
            kind = self.nodes.types[index]
            if kind not in KNOWN_TYPES:
                known = ", ".join(KNOWN_TYPES)
                self._warn(
                    f"{self._where(index)}: node type {kind!r} is not one argmap knows "
                    f"({known}){_KEPT}"
                )

    def _where(self, index: int) -> str:
        return f"{self.prefix}nodes[{index}] (nodeID {self.raw_ids[index]!r})"

    def _warn(self, message: str) -> None:
        warnings.warn(message, AifWarning, stacklevel=_outside_argmap())

    def _type(self, raw: str) -> str:
        return self.type_of[raw]

    def _where_edge(self, e_index: int) -> str:
        return f"{self.prefix}edges[{e_index}] (edgeID {self.nodes.edge_ids[e_index]!r})"

    def _implied(self, sources: list[str], targeted: list[str]) -> list[bool]:
        """Which edges write() would write by itself (see NodeSet.implied_edge), all at once."""
        nodes = self.nodes
        implied = list(map(operator.eq, nodes.edge_ids, map("{}_{}".format, sources, targeted)))
        if nodes.edge_extras.count(None) < len(implied):  # some edges have other fields
            for e_index, extra in enumerate(nodes.edge_extras):
                if extra is not None:
                    implied[e_index] = False
        return implied

    def _plain_edges(self, sources: list[str], targeted: list[str]) -> bool:
        """:meth:`_edges` for the common document, in bulk: every edge joins an I-node
        to a scheme node, a scheme node to an I-node, or a CA node to an RA or CA node
        (an undercut); else (a missing node, an edge kept verbatim or a problem to
        report) False, having changed nothing."""
        type_of = self.type_of
        src_types = list(map(type_of.get, sources))
        if not _PLAIN_EDGES.issuperset(zip(src_types, map(type_of.get, targeted), strict=True)):
            return False
        premise_edges = list(map("I".__eq__, src_types))
        target_edges = list(map(operator.not_, premise_edges))
        premises, targets = self.premises, self.targets
        premise_pairs = zip(
            compress(targeted, premise_edges), compress(sources, premise_edges), strict=True
        )
        for dst, src in premise_pairs:
            premises[dst].append(src)
        target_pairs = zip(
            compress(sources, target_edges), compress(targeted, target_edges), strict=True
        )
        for src, dst in target_pairs:
            targets[src].append(dst)
        implied = self._implied(sources, targeted)
        if not all(implied):
            odd_edges = self.odd_edges
            for src, dst, premise, plain in zip(
                sources, targeted, premise_edges, implied, strict=True
            ):
                if not plain:
                    odd_edges.add(dst if premise else src)
        return True

    def _edges(self, sources: list[str], targeted: list[str]) -> None:
        """Sort each edge: a premise or target of a scheme node, or one kept verbatim."""
        type_of = self.type_of
        used_edges: dict[str, list[int]] = {raw: [] for raw in self.schemes}
        self._used_edges = used_edges
        premises, targets, odd_edges = self.premises, self.targets, self.odd_edges
        implied = self._implied(sources, targeted)
        all_implied = all(implied)
        for e_index, src, dst, src_type, dst_type in zip(
            count(),
            sources,
            targeted,
            map(type_of.get, sources),
            map(type_of.get, targeted),
        ):
            if src_type == "I" and dst_type in _SCHEME:
                scheme = dst
                premises[dst].append(src)
            elif src_type in _SCHEME and (dst_type == "I" or dst_type in _SCHEME):
                scheme = src
                targets[src].append(dst)
                if dst_type != "I":
                    self._scheme_target(e_index, src, src_type, dst, dst_type)
            else:
                self._loose_edge(e_index, src, src_type, dst, dst_type)
                continue
            used_edges[scheme].append(e_index)
            if not all_implied and not implied[e_index]:
                odd_edges.add(scheme)

    def _scheme_target(
        self, e_index: int, src: str, src_type: str, dst: str, dst_type: str
    ) -> None:
        """A scheme node pointing at a scheme node: an undercut, or a problem."""
        if src_type == "CA" and dst_type == "MA":
            problem = f"CA node points at MA node {dst!r}; a rephrase gives no reason to undercut"
        elif src_type == "CA":
            return  # an undercut
        elif src_type == "RA":
            problem = (
                f"RA node {src!r} points at {dst_type} node {dst!r}; argmap cannot "
                "represent an inference that supports another inference"
            )
            if self.strict:
                raise ArgmapError(f"{self._where_edge(e_index)}: {problem}", ids=[src, dst])
            problem = problem.replace(f"RA node {src!r}", "RA node", 1)
        else:
            problem = (
                f"MA node points at {dst_type} node {dst!r}; a rephrase restates a "
                "statement, not an inference"
            )
        self.problem.setdefault(src, problem)

    def _loose_edge(
        self, e_index: int, src: str, src_type: str | None, dst: str, dst_type: str | None
    ) -> None:
        """An edge no scheme node is read from: kept verbatim (with a warning between two
        I-nodes, which AIF does not allow); an error when a node it joins is missing."""
        if src_type is None or dst_type is None:
            missing = src if src_type is None else dst
            raise ArgmapError(
                f"{self._where_edge(e_index)}: no node with nodeID {missing!r}", ids=[missing]
            )
        if src_type == "I" and dst_type == "I":
            problem = (
                f"an edge between two I-nodes ({src!r} -> {dst!r}) is not AIF; "
                "I-nodes connect through RA, CA or MA nodes"
            )
            if self.strict:
                raise ArgmapError(f"{self._where_edge(e_index)}: {problem}", ids=[src, dst])
            self._warn(f"{self._where_edge(e_index)}: {problem}{_KEPT}")
        self.loose_edges.append(e_index)

    # ------------------------------------------------------------------ scheme nodes
    def _shape_problem(self, raw: str, kind: str) -> str | None:
        prem, tgt = self.premises.get(raw, []), self.targets.get(raw, [])
        if not prem:
            return f"{kind} node has no premise (no I-node points at it)"
        if len(tgt) != 1:
            return f"{kind} node must point at exactly one node, found {len(tgt)}"
        if kind == "MA" and len(prem) != 1:
            return (
                f"MA node must have exactly one premise (the I-node that rephrases), "
                f"found {len(prem)}"
            )
        return None

    def _reject(self, raw: str, problem: str) -> None:
        """Keep a scheme node verbatim (lenient), or refuse the document (strict)."""
        where = self._where(self.index[raw])
        if self.strict:
            raise ArgmapError(f"{where}: {problem}", ids=[raw])
        self.problem[raw] = problem
        self._warn(f"{where}: {problem}{_KEPT}")

    def _inferences(self) -> list[Inference]:
        """One inference per RA, CA and MA node that argmap can read, in node order."""
        found = []
        nodes, ids, type_of = self.nodes, self.ids, self.type_of
        node_ids, texts, extras = nodes.node_ids, nodes.texts, nodes.node_extras
        premises, targets, problems, odd = self.premises, self.targets, self.problem, self.odd_edges
        for index, kind, raw, node_id, text, extra in zip(
            count(), nodes.types, self.raw_ids, node_ids, texts, extras
        ):
            if kind not in _SCHEME:
                continue
            prem, tgt = premises[raw], targets[raw]
            if (  # one target, and nothing write() would not write itself
                len(tgt) == 1
                and prem
                and extra is None
                and node_id == (id := ids[raw])
                and text == DEFAULT_TEXT[kind]
                and raw not in problems
                and raw not in odd
            ):
                target = tgt[0]
                relation = RELATION_OF.get(kind) or (
                    "attack" if type_of[target] == "I" else "undercut"
                )
                quick = None
                if len(prem) == 1:
                    quick = quick_inference(id, relation, ids[prem[0]], ids[target])
                elif kind != "MA" and target not in prem and len(set(prem)) == len(prem):
                    # Linked premises, none twice, none the target: what the model checks
                    # of them (the ids are valid, see make_ids); then as ArgumentMap._join.
                    quick = quick_inference(id, relation, ids[prem[0]], ids[target])
                    if quick is not None:
                        object.__setattr__(quick, "premises", tuple([ids[p] for p in prem]))
                if quick is not None:
                    found.append(quick)
                    continue
            problem = problems.get(raw) or self._shape_problem(raw, kind)
            if problem is not None:
                self._reject(raw, problem)
                continue
            try:
                found.append(self._inference(index, kind))
            except ValidationError as err:
                self._reject(raw, _one_line(err).removeprefix("(top level): "))
        return found

    def _inference(self, index: int, kind: str) -> Inference:
        """The inference of the scheme node at ``index``, with what it keeps in metadata."""
        nodes = self.nodes
        raw = self.raw_ids[index]
        id = self.ids[raw]
        prem, tgt = self.premises[raw], self.targets[raw][0]
        relation = RELATION_OF.get(kind) or ("attack" if self.type_of[tgt] == "I" else "undercut")
        extras = nodes.node_extras[index]
        extra = _argmap_extra(extras)
        meta: dict[str, JsonValue] = dict(extra.get("metadata") or {})
        aif_meta = self._extras(index, id)
        if nodes.texts[index] != DEFAULT_TEXT[kind]:
            aif_meta["text"] = nodes.texts[index]
        edges: list[JsonValue] = (
            [nodes.edge(e) for e in self.used_edges[raw] if not nodes.implied_edge(e)]
            if raw in self.odd_edges  # else every edge of it is one write() writes
            else []
        )
        if edges:
            aif_meta["edges"] = edges
        if aif_meta:
            meta[AIF_KEY] = aif_meta
        fields = {
            **extra,
            "id": id,
            "relation": relation,
            "premises": tuple(self.ids[p] for p in prem),
            "target": self.ids[tgt],
        }
        fields.pop("metadata", None)
        if meta:  # else the default: no metadata to check
            fields["metadata"] = meta
        return _INFERENCE.validate_python(fields)

    def _extras(self, index: int, argmap_id: str) -> dict[str, JsonValue]:
        """The node's own fields that the model does not hold: not its text and type, and
        not its ``nodeID`` when that is the argmap id."""
        extras = self.nodes.node_extras[index]
        node_id = self.nodes.node_ids[index]
        if not extras or list(extras) == [ARGMAP_KEY]:  # most nodes
            return {} if node_id == argmap_id else {"nodeID": node_id}
        raw = self.nodes.node(index)
        del raw["text"], raw["type"]
        raw.pop(ARGMAP_KEY, None)
        if raw["nodeID"] == argmap_id:
            del raw["nodeID"]
        return raw

    def _add_leniently(self, m: ArgumentMap, inferences: list[Inference]) -> bool:
        """Add what the map takes; keep the rest verbatim: an inference the map refuses
        (a repeat), an undercut of a node kept verbatim, a cycle of undercuts. True
        when the map took them all."""
        kept = len(self.problem)
        # The node of each id; the ids are the nodeIDs themselves unless some were not valid.
        identity = all(raw is id for raw, id in self.ids.items())
        raw_of = {} if identity else {id: raw for raw, id in self.ids.items()}
        problems = self.problem
        waiting = inferences
        while waiting:
            later = []
            for inf in waiting:
                target = raw_of.get(inf.target, inf.target)
                if problems and target in problems:
                    self._reject(
                        raw_of.get(inf.id, inf.id),
                        f"CA node points at {self._type(target)} node {target!r}, which is "
                        "not read as an inference",
                    )
                elif inf.relation == "undercut" and inf.target not in m:
                    later.append(inf)
                else:
                    try:
                        m.add_inference(inf)
                    except ArgmapError as err:
                        self._reject(
                            raw_of.get(inf.id, inf.id), f"argmap refuses it: {err.message}"
                        )
            if len(later) == len(waiting):  # no progress: a cycle of undercuts
                for inf in later:
                    self._reject(
                        raw_of.get(inf.id, inf.id),
                        "CA node is part of a cycle of undercuts (CA nodes)",
                    )
                break
            waiting = later
        return len(self.problem) == kept

    def fill(self, m: ArgumentMap) -> None:
        """Add the statements and inferences to ``m``."""
        inferences = self._inferences()
        statements, derived = self._statements(inferences)
        # Checked as a batch and added at once (argmap._bulk); else one at a time, which
        # says what is wrong.
        if not add_statements(m, statements):
            for statement in statements:
                m.add_statement(statement)
        if self.strict:
            if not add_inferences(m, inferences):
                m.add_inferences(inferences, where="AIF scheme node {id!r}")
            return
        if not self.problem and add_inferences(m, inferences):
            return  # all added, in order: the structure gave the kinds
        if self._add_leniently(m, inferences):
            return  # the structure is that of all inferences, which gave the kinds
        # Kinds come from the structure: what the map refused no longer counts.
        kinds = structural_kinds(m)
        for id in derived:
            if m.statement(id).kind != kinds[id]:
                m.update(id, kind=kinds[id])

    def _statements(self, inferences: list[Inference]) -> tuple[list[Statement], list[str]]:
        """One statement per I-node, in node order, and the ids of those whose kind
        came from the structure."""
        roles: dict[str, int] = {}  # statement id -> _ROLE bits of its inferences
        for inf in inferences:
            bit = _ROLE[inf.relation]
            for p in inf.premises:
                roles[p] = roles.get(p, 0) | bit
        found: list[Statement] = []
        derived: list[str] = []
        nodes, ids = self.nodes, self.ids
        node_ids, texts, node_extras = nodes.node_ids, nodes.texts, nodes.node_extras
        for index, kind in enumerate(nodes.types):
            if kind != "I":
                continue
            raw = self.raw_ids[index]
            id = ids[raw]
            text = texts[index]
            extras = node_extras[index]
            if node_ids[index] == id and text and not text.isspace():  # plain so far
                quick = None
                if extras is None:  # the kind comes from the structure
                    quick = quick_statement(id, _KIND_OF_ROLES[roles.get(id, 0)], text)
                    if quick is not None:
                        derived.append(id)
                elif len(extras) == 1:  # perhaps {"argmap": {"kind": ...}} alone
                    own = extras.get(ARGMAP_KEY)
                    if type(own) is dict and len(own) == 1:
                        own_kind = own.get("kind")
                        if type(own_kind) is str and own_kind in _KINDS:
                            quick = quick_statement(id, own_kind, text)  # type: ignore[arg-type]
                if quick is not None:
                    found.append(quick)
                    continue
            found.append(self._statement(index, id, _KIND_OF_ROLES[roles.get(id, 0)], derived))
        return found, derived

    def _statement(self, index: int, id: str, kind: StatementKind, derived: list[str]) -> Statement:
        """The statement of the I-node at ``index``, with what it keeps in metadata."""
        raw = self.raw_ids[index]
        extra = _argmap_extra(self.nodes.node_extras[index])
        if "kind" not in extra:
            derived.append(id)
        meta = dict(extra.get("metadata") or {})
        own = self._extras(index, id)
        text = self.nodes.texts[index]
        if text is None or not text.strip():
            own["text"] = text  # written back as it was by write()
            text = empty_text(raw)
            self._warn(
                f"{self._where(index)}: I-node has no text; loaded as the statement "
                f"{id!r} with the text {text!r} (dump writes the node back as it was)"
            )
        if own:
            meta[AIF_KEY] = own
        fields = {
            "kind": kind,
            **extra,
            "id": id,
            "text": text,
        }
        fields.pop("metadata", None)
        if meta:  # else the default: no metadata to check
            fields["metadata"] = meta
        try:
            return _STATEMENT.validate_python(fields)
        except ValidationError as err:
            raise ArgmapError(f"{self._where(index)}: I-node {_one_line(err)}", ids=[raw]) from None

    def other_nodes(self) -> list[JsonValue]:
        """The nodes kept verbatim, in document order: all but I-nodes and the scheme
        nodes read as inferences."""
        return [
            self.nodes.node(index)
            for index, (raw, kind) in enumerate(zip(self.raw_ids, self.nodes.types, strict=True))
            if kind != "I" and (kind not in SCHEME_TYPES or raw in self.problem)
        ]

    def other_edges(self) -> list[JsonValue]:
        """The edges kept verbatim, in document order."""
        kept = list(self.loose_edges)
        for raw in self.problem:
            kept.extend(self.used_edges.get(raw, []))
        return [self.nodes.edge(e_index) for e_index in sorted(kept)]


# ---------------------------------------------------------------------- writing
def aif_meta(metadata: Mapping[str, JsonValue]) -> dict[str, Any]:
    """A copy of ``metadata["aif"]`` (empty when there is none)."""
    value = metadata.get(AIF_KEY)
    return dict(value) if isinstance(value, Mapping) else {}


class Written(NamedTuple):
    """What :func:`build` gives: the document, and whether the map's metadata (the only
    place a float can come from) holds a float (see :func:`~argmap.formats._jsontext.json_text`)."""

    doc: dict[str, Any]
    floats: bool


def write(
    m: ArgumentMap,
    *,
    defaults: Mapping[str, JsonValue] | None = None,
    own_keys: tuple[str, ...] = (AIF_KEY,),
) -> dict[str, Any]:
    """The map as an AIF node/edge document (a dict ready for :func:`json.dumps`).

    ``defaults`` are keys written after ``nodes`` and ``edges`` unless the map kept
    other values for them (``{"locutions": []}``); ``own_keys`` are the map metadata keys
    the caller's format writes itself, not copied under ``"argmap"``.
    """
    return build(m, defaults=defaults, own_keys=own_keys).doc


def build(
    m: ArgumentMap,
    *,
    defaults: Mapping[str, JsonValue] | None = None,
    own_keys: tuple[str, ...] = (AIF_KEY,),
) -> Written:
    """:func:`write`'s document, and whether it may hold a float."""
    # What the JSON writer checks first: a graph edited directly into a state no file
    # could be read back from, or metadata changed in place into non-JSON, is refused.
    statements, inferences = m._checked_elements()
    floats = False
    node_id: dict[str, JsonValue] = {}
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    kinds = _structural_kinds(statements, inferences)
    for s in statements:
        if s.metadata:
            floats = floats or has_float(s.metadata)
        node = _i_node(s, kinds[s.id])
        node_id[s.id] = node["nodeID"]
        nodes.append(node)
    # Most elements have no metadata: only those with an "aif" entry can have kept a
    # node id or the edges they were read from.
    kept_aif = [inf for inf in inferences if AIF_KEY in inf.metadata]
    for inf in inferences:
        node_id[inf.id] = inf.id
    used_edge_ids: set[str] = set()
    for inf in kept_aif:
        own = aif_meta(inf.metadata)
        node_id[inf.id] = own.get("nodeID", inf.id)
        for edge in own.get("edges") or []:
            if isinstance(edge, Mapping) and edge.get("edgeID") is not None:
                used_edge_ids.add(str(edge["edgeID"]))
    for inf in inferences:
        kind = TYPE_OF[inf.relation]
        nid = node_id[inf.id]
        stored: list[Mapping[str, Any]] = []
        if inf.metadata:
            floats = floats or has_float(inf.metadata)
            own = aif_meta(inf.metadata)
            own.pop("nodeID", None)
            stored = [e for e in own.pop("edges", None) or [] if isinstance(e, Mapping)]
            text = own.pop("text", DEFAULT_TEXT[kind])
            node = {"nodeID": nid, "text": text, "type": kind, **own}
            if text is None:  # the AIF node had no text
                del node["text"]
        else:
            node = {"nodeID": nid, "text": DEFAULT_TEXT[kind], "type": kind}
        extra = _model_extras(inf, ("id", "relation", "premises", "target"))
        if extra:
            node[ARGMAP_KEY] = extra
        nodes.append(node)
        for p in inf.premises:
            edges.append(_edge(node_id[p], nid, stored, used_edge_ids))
        edges.append(_edge(nid, node_id[inf.target], stored, used_edge_ids))
    doc, sources = _document(m, nodes, edges, node_id, defaults, own_keys)
    floats = floats or has_float(m.metadata) or has_float(sources)
    return Written(doc, floats)


def _document(
    m: ArgumentMap,
    nodes: list[dict[str, Any]],
    edges: list[dict[str, Any]],
    node_id: dict[str, JsonValue],
    defaults: Mapping[str, JsonValue] | None,
    own_keys: tuple[str, ...],
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The document around the elements' nodes and edges: the nodes, edges and keys the
    map kept from its AIF file, and what AIF cannot hold under ``"argmap"``; and the
    sources written there."""
    kept = aif_meta(m.metadata)
    # The ids of the nodes written: an edge kept verbatim is written only between them.
    present = {str(n) for n in node_id.values()} if kept.get("other_edges") else set()
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
    doc: dict[str, Any] = {"nodes": nodes, "edges": edges, **(defaults or {})}
    rest = kept.get("document")
    if isinstance(rest, Mapping):
        doc.update({k: v for k, v in rest.items() if k not in ("nodes", "edges")})
    sources = [as_dict(s, mode="json", exclude_defaults=True) for s in m.sources]
    top = {
        k: v
        for k, v in (
            ("title", m.title),
            ("description", m.description),
            ("metadata", {k: v for k, v in m.metadata.items() if k not in own_keys}),
            ("sources", sources),
        )
        if v or (v is not None and k in ("title", "description"))  # "" is not None
    }
    if top:
        doc[ARGMAP_KEY] = top
    return doc, sources


def _structural_kinds(
    statements: list[Statement], inferences: list[Inference]
) -> dict[str, StatementKind]:
    """:func:`~argmap.formats._shared.structural_kinds` of the map these lists hold."""
    roles: dict[str, set[str]] = {}
    for inf in inferences:
        for p in inf.premises:
            roles.setdefault(p, set()).add(inf.relation)
    return {s.id: kind_from_roles(roles[s.id]) if s.id in roles else "claim" for s in statements}


def _i_node(s: Statement, structural_kind: StatementKind) -> dict[str, Any]:
    """The I-node of a statement, with what AIF cannot hold under ``"argmap"``."""
    if not s.metadata and s.note is None and not s.tags and _only_defaults(s):
        node: dict[str, Any] = {"nodeID": s.id, "text": s.text, "type": "I"}
        if s.kind != structural_kind:  # as below, for a statement with nothing else
            node[ARGMAP_KEY] = {"kind": s.kind}
        return node
    own = aif_meta(s.metadata) if s.metadata else {}
    nid = own.pop("nodeID", s.id)
    node = {"nodeID": nid, "text": s.text, "type": "I"}
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
        node[ARGMAP_KEY] = extra
    return node


def _model_extras(model: Statement | Inference, held: tuple[str, ...]) -> dict[str, Any]:
    """The model's fields that AIF has no place for (non-default ones only)."""
    if model.note is None and not model.tags and _only_defaults(model):
        extra: dict[str, Any] = {}  # what as_dict gives, without pydantic's work
    else:
        extra = as_dict(model, mode="json", exclude_defaults=True, exclude={*held, "metadata"})
    if isinstance(model, Statement):
        extra["kind"] = model.kind
    own = {k: v for k, v in model.metadata.items() if k != AIF_KEY} if model.metadata else {}
    if own:
        extra["metadata"] = own
    return extra


def _only_defaults(model: Statement | Inference) -> bool:
    """True for a plain Inference, or a plain Statement with no title or quotes (the
    fields besides note and tags that AIF cannot hold and that have defaults)."""
    if type(model) is Inference:
        return True
    return type(model) is Statement and model.title is None and not model.quotes


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
