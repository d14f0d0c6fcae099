"""arguebuf JSON: the graph format of the arguebuf Python library (Mirko Lenz).

arguebuf writes a graph as the JSON form of its protobuf message
``arg_services.graph.v1.Graph``. Every collection is an object keyed by id::

    {
      "nodes": {
        "a1": {"atom": {"text": "It rains"}},
        "s1": {"scheme": {"support": "SUPPORT_DEFAULT"}},
        "a2": {"atom": {"text": "Take an umbrella"}}
      },
      "edges": {"e1": {"source": "a1", "target": "s1"}, "e2": {"source": "s1", "target": "a2"}},
      "majorClaim": "a2",
      "schemaVersion": 1
    }

argmap reads it as follows:

* an **atom** node becomes a :class:`~argmap.model.Statement` with the atom's text.
  arguebuf has no statement kinds, so the kind comes from the structure (a premise of
  some support is a ``premise``, a premise of attacks only a ``counterpoint``, anything
  else a ``claim``), and the graph's ``majorClaim`` is a ``claim``;
* a **support** scheme node becomes a ``support`` inference: the atoms with an edge
  into it are its premises (linked when there are several), the one node it points at
  its target; an **attack** scheme becomes an ``attack`` when it points at an atom and
  an ``undercut`` when it points at a support or attack scheme;
* **preference** scheme nodes, scheme nodes without a scheme, and every edge that
  touches one are kept verbatim in ``metadata["arguebuf"]`` of the map and written
  back; a **rephrase** scheme is read as a ``rephrase`` of its one premise's target;
* **resources** become the map's :class:`~argmap.model.Source` s (id, text, title), and
  an atom's **reference** to a resource becomes the statement's quote when it holds the
  resource's words at its ``offset`` (or, without an offset, words found exactly once
  in the resource);
* scheme names (``SUPPORT_EXPERT_OPINION`` ...), premise descriptors, participants,
  analysts, an atom's participant, each element's ``metadata`` timestamps and
  ``userdata``, a resource's ``source`` and ``timestamp``, and edges with ids or data
  of their own are kept in ``metadata["arguebuf"]`` of the element (or of the map) and
  written back by :func:`dumps`.

What argmap has and arguebuf has no field for (statement kinds that differ from the
structure's, titles, notes, tags, several or reworded quotes, a source's author, date
and url, the map's title and description, argmap metadata) goes into a ``"argmap"`` key
of the element's ``userdata``, which arguebuf keeps as it is and :func:`loads` reads back.

Both protobuf spellings of field names are read (``majorClaim`` and ``major_claim``);
arguebuf's own (``majorClaim``, ``schemaVersion``, ``premiseDescriptors``) is written.
``libraryVersion`` names the program that wrote the file and is not kept; argmap writes
``schemaVersion`` 1 and no ``libraryVersion``. A timestamp of ``1970-01-01T00:00:00Z``
is what arguebuf writes for one its input did not have, and is read as none.

What argmap cannot represent is an error naming the place, never a silent change: a
support scheme that points at a scheme, a scheme without premises or without exactly
one target, an edge between two atoms, an edge or a reference to something that is
not in the file, an atom without text, unknown keys.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any

from pydantic import JsonValue, ValidationError

from argmap._bulk import gc_paused
from argmap._io import load_file, write_atomic
from argmap.errors import ArgmapError, FormatError, describe_validation_error
from argmap.formats._jsontext import loads_unique
from argmap.formats._shared import kind_from_roles, make_ids, structural_kinds
from argmap.formats._spec import Content, FormatSpec
from argmap.map import ArgumentMap
from argmap.model import Inference, Quote, Source, Statement, adapter, as_dict

__all__ = [
    "FORMAT",
    "SCHEMA_VERSION",
    "dump",
    "dumps",
    "from_arguebuf",
    "load",
    "loads",
    "to_arguebuf",
]

SCHEMA_VERSION = 1
"""The ``schemaVersion`` argmap writes and reads (arguebuf 2.7 writes 1)."""

_KEY = "arguebuf"  # metadata["arguebuf"]: what arguebuf has and argmap has no field for
_ARGMAP = "argmap"  # userdata["argmap"]: what argmap has and arguebuf has no field for
_EPOCH = "1970-01-01T00:00:00Z"
_TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?(Z|[+-]\d\d:\d\d)$")
_SCHEME_TYPES = ("support", "attack", "preference", "rephrase")
_INFERENTIAL: tuple[str, ...] = ("support", "attack", "rephrase")
_SCHEME_OF = {
    "support": "support",
    "attack": "attack",
    "undercut": "attack",
    "rephrase": "rephrase",
}
"""The scheme type each relation is written as."""

# Each protobuf field by its JSON name, with the proto name that readers also accept.
_GRAPH_KEYS = {
    "nodes": "nodes",
    "edges": "edges",
    "resources": "resources",
    "participants": "participants",
    "analysts": "analysts",
    "majorClaim": "major_claim",
    "schemaVersion": "schema_version",
    "libraryVersion": "library_version",
    "metadata": "metadata",
    "userdata": "userdata",
}
_NODE_KEYS = {"atom": "atom", "scheme": "scheme", "metadata": "metadata", "userdata": "userdata"}
_ATOM_KEYS = {"text": "text", "reference": "reference", "participant": "participant"}
_SCHEME_KEYS = {**{t: t for t in _SCHEME_TYPES}, "premiseDescriptors": "premise_descriptors"}
_REFERENCE_KEYS = {"resource": "resource", "offset": "offset", "text": "text"}
_RESOURCE_KEYS = {k: k for k in ("text", "title", "source", "timestamp", "metadata", "userdata")}
_EDGE_KEYS = {k: k for k in ("source", "target", "metadata", "userdata")}
_METADATA_KEYS = {"created": "created", "updated": "updated"}


# --- reading -------------------------------------------------------------------------


def _at(path: str, key: str) -> str:
    """``path`` extended by an object key: ``nodes.a1.atom``, ``nodes["a 1"]``."""
    if key.isidentifier():
        return f"{path}.{key}" if path else key
    return f"{path}[{json.dumps(key, ensure_ascii=False)}]"


def _type_name(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    return "a list" if isinstance(value, list) else "an object"


def _object(value: object, path: str, hint: str = "") -> dict[str, Any]:
    if not isinstance(value, dict):
        raise FormatError(
            f"{path or '(top level)'}: expected an object, got {_type_name(value)}{hint}"
        )
    return value


def _fields(value: object, path: str, keys: Mapping[str, str]) -> dict[str, Any]:
    """The object's fields by JSON name (its proto names accepted too); unknown keys and
    a field given under both names are errors, as for protobuf's own JSON parser."""
    obj = _object(value, path)
    out: dict[str, Any] = {}
    proto_to_json = {p: j for j, p in keys.items()}
    for key, item in obj.items():
        name = key if key in keys else proto_to_json.get(key)
        if name is None:
            known = ", ".join(f'"{k}"' for k in keys)
            raise FormatError(f"{_at(path, key)}: unknown key (expected one of {known})")
        if name in out:
            raise FormatError(f"{_at(path, key)}: {name!r} is given twice")
        out[name] = item
    return out


def _string(value: object, path: str) -> str:
    if not isinstance(value, str):
        raise FormatError(f"{path}: expected a string, got {_type_name(value)}")
    return value


def _uint(value: object, path: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise FormatError(f"{path}: expected a non-negative integer, got {value!r}")
    return value


def _timestamps(value: object, path: str) -> dict[str, JsonValue]:
    """An element's ``metadata`` (created/updated), without arguebuf's stand-in epoch."""
    found = _fields(value, path, _METADATA_KEYS)
    kept: dict[str, JsonValue] = {}
    for key, stamp in found.items():
        _timestamp(stamp, _at(path, key))
        if stamp != _EPOCH:
            kept[key] = stamp
    return kept


def _timestamp(value: object, path: str) -> str:
    text = _string(value, path)
    if not _TIMESTAMP.match(text):
        raise FormatError(f"{path}: {text!r} is not an RFC 3339 timestamp (2024-05-01T12:00:00Z)")
    return text


def _split_userdata(value: object, path: str) -> tuple[dict[str, Any], dict[str, JsonValue]]:
    """The ``userdata`` object split into argmap's own part and the rest."""
    data = dict(_object(value, path))
    own = data.pop(_ARGMAP, None)
    if own is None:
        return {}, data
    return dict(_object(own, _at(path, _ARGMAP))), data


def _validated(model: type[Any], data: dict[str, Any], path: str, ids: list[str]) -> Any:
    try:
        return adapter(model).validate_python(data)
    except ValidationError as err:
        detail = describe_validation_error(err, indent="", sep="; ")
        raise FormatError(f"{path}: {detail}", ids=ids) from None


def _kept_common(
    fields: Mapping[str, Any], path: str, keep: dict[str, JsonValue]
) -> dict[str, Any]:
    """Keep an element's ``metadata`` and its userdata (but argmap's part) in ``keep``;
    returns argmap's part of the userdata."""
    if "metadata" in fields:
        stamps = _timestamps(fields["metadata"], _at(path, "metadata"))
        if stamps:
            keep["metadata"] = stamps
    own: dict[str, Any] = {}
    if "userdata" in fields:
        own, rest = _split_userdata(fields["userdata"], _at(path, "userdata"))
        if rest:
            keep["userdata"] = rest
    return own


def _own_metadata_path(path: str) -> str:
    return _at(_at(_at(path, "userdata"), _ARGMAP), "metadata")


def _with_kept(meta: object, keep: dict[str, JsonValue], path: str) -> dict[str, JsonValue]:
    out: dict[str, JsonValue] = dict(_object(meta, path)) if meta is not None else {}
    if keep:
        out[_KEY] = keep
    return out


class _Reader:
    """One pass over a parsed arguebuf graph."""

    def __init__(self, doc: Mapping[str, Any]) -> None:
        self.top = _fields(doc, "", _GRAPH_KEYS)
        version = self.top.get("schemaVersion", SCHEMA_VERSION)
        if version not in (0, SCHEMA_VERSION) or isinstance(version, bool):
            raise FormatError(
                f"schemaVersion: argmap reads arguebuf schema version {SCHEMA_VERSION}, "
                f"not {version!r}"
            )
        if "libraryVersion" in self.top:
            _string(self.top["libraryVersion"], "libraryVersion")
        hint = " (arguebuf keys nodes by id; a list of nodes is AIF, SADFace or OVA)"
        self.nodes = {
            key: _fields(node, _at("nodes", key), _NODE_KEYS)
            for key, node in _object(self.top.get("nodes", {}), "nodes", hint).items()
        }
        self.raw_edges: dict[str, JsonValue] = _object(self.top.get("edges", {}), "edges", hint)
        self.edges = {
            key: _fields(edge, _at("edges", key), _EDGE_KEYS)
            for key, edge in self.raw_edges.items()
        }
        self.ids = make_ids(self.nodes)
        self.type_of: dict[str, str] = {}  # raw node id -> "atom" or a scheme type or ""
        for raw, node in self.nodes.items():
            self.type_of[raw] = self._node_type(raw, node)
        self.premises: dict[str, list[str]] = {}
        self.targets: dict[str, list[str]] = {}
        self.used_edges: dict[str, dict[str, JsonValue]] = {}
        self.other_edges: dict[str, JsonValue] = {}
        self.resource_ids: set[str] = set()
        for raw, edge in self.edges.items():
            self._edge(raw, edge)

    def _node_type(self, raw: str, node: dict[str, Any]) -> str:
        path = _at("nodes", raw)
        if ("atom" in node) == ("scheme" in node):
            which = "both" if "atom" in node else "neither"
            raise FormatError(f'{path}: a node has "atom" or "scheme", this one {which}', ids=[raw])
        if "atom" in node:
            return "atom"
        scheme = _fields(node["scheme"], _at(path, "scheme"), _SCHEME_KEYS)
        node["scheme"] = scheme
        types = [t for t in _SCHEME_TYPES if t in scheme]
        if len(types) > 1:
            raise FormatError(
                f"{_at(path, 'scheme')}: a scheme is one of support, attack, preference or "
                f"rephrase, this one is {' and '.join(types)}",
                ids=[raw],
            )
        for t in types:
            value = scheme[t]
            if isinstance(value, bool) or not isinstance(value, (str, int)):
                raise FormatError(
                    f"{_at(_at(path, 'scheme'), t)}: expected a scheme name such as "
                    f'"{t.upper()}_DEFAULT", got {_type_name(value)}',
                    ids=[raw],
                )
        descriptors = scheme.get("premiseDescriptors", [])
        if not isinstance(descriptors, list) or not all(isinstance(d, str) for d in descriptors):
            raise FormatError(
                f"{_at(_at(path, 'scheme'), 'premiseDescriptors')}: expected a list of strings",
                ids=[raw],
            )
        return types[0] if types else ""

    def _edge(self, raw: str, edge: dict[str, Any]) -> None:
        path = _at("edges", raw)
        ends = []
        for key in ("source", "target"):
            end = _string(edge.get(key, ""), _at(path, key))
            if end not in self.nodes:
                raise FormatError(f"{_at(path, key)}: no node with id {end!r}", ids=[raw])
            ends.append(end)
        src, dst = ends
        src_type, dst_type = self.type_of[src], self.type_of[dst]
        keep: dict[str, JsonValue] = {}
        if "metadata" in edge:
            stamps = _timestamps(edge["metadata"], _at(path, "metadata"))
            if stamps:
                keep["metadata"] = stamps
        if "userdata" in edge and _object(edge["userdata"], _at(path, "userdata")):
            keep["userdata"] = edge["userdata"]
        stored: dict[str, JsonValue] = {"source": src, "target": dst, **keep}
        if src_type == "atom" and dst_type in _INFERENTIAL:
            self.premises.setdefault(dst, []).append(src)
            self._use(dst, raw, stored)
        elif src_type in _INFERENTIAL and (
            dst_type == "atom" or (src_type == "attack" and dst_type in _INFERENTIAL)
        ):
            self.targets.setdefault(src, []).append(dst)
            self._use(src, raw, stored)
        elif src_type in _INFERENTIAL and dst_type in _INFERENTIAL:
            doing = "supports" if src_type == "support" else "rephrases"
            raise FormatError(
                f"{path}: {src_type} scheme {src!r} points at {dst_type} scheme {dst!r}; argmap "
                f"cannot represent an inference that {doing} another inference",
                ids=[src, dst],
            )
        elif src_type == "atom" and dst_type == "atom":
            raise FormatError(
                f"{path}: an edge between two atoms ({src!r} -> {dst!r}); atoms connect "
                "through scheme nodes",
                ids=[src, dst],
            )
        else:
            self.other_edges[raw] = self.raw_edges[raw]

    def _use(self, scheme: str, raw: str, stored: dict[str, JsonValue]) -> None:
        if not (raw == _edge_id(stored["source"], stored["target"]) and len(stored) == 2):
            self.used_edges.setdefault(scheme, {})[raw] = stored

    def resources(self) -> tuple[list[Source], dict[str, JsonValue], dict[str, str]]:
        """The resources as sources; the ones that cannot be (no text) kept verbatim;
        the source id of each resource made a source."""
        raw_resources = _object(self.top.get("resources", {}), "resources")
        self.resource_ids = set(raw_resources)
        ids = make_ids(raw_resources)
        sources: list[Source] = []
        kept: dict[str, JsonValue] = {}
        source_of: dict[str, str] = {}
        for raw, value in raw_resources.items():
            path = _at("resources", raw)
            fields = _fields(value, path, _RESOURCE_KEYS)
            text = _string(fields.get("text", ""), _at(path, "text"))
            keep: dict[str, JsonValue] = {}
            if ids[raw] != raw:
                keep["id"] = raw
            title = fields.get("title")
            if title is not None:
                _string(title, _at(path, "title"))
            if "source" in fields:
                keep["source"] = _string(fields["source"], _at(path, "source"))
            if "timestamp" in fields:
                stamp = _timestamp(fields["timestamp"], _at(path, "timestamp"))
                if stamp != _EPOCH:
                    keep["timestamp"] = stamp
            own = _kept_common(fields, path, keep)
            if not text.strip():
                kept[raw] = value
                continue
            data = {
                **own,
                "id": ids[raw],
                "text": text,
                "title": title,
                "metadata": _with_kept(own.get("metadata"), keep, _own_metadata_path(path)),
            }
            source = _validated(Source, data, path, [raw])
            sources.append(source)
            source_of[raw] = source.id
        return sources, kept, source_of

    def statements(
        self, sources: Mapping[str, Source], source_of: Mapping[str, str], major: str | None
    ) -> list[Statement]:
        roles: dict[str, set[str]] = {}
        for scheme, prem in self.premises.items():
            relation = self.relation(scheme)
            for p in prem:
                roles.setdefault(p, set()).add(relation)
        found = []
        for raw, node in self.nodes.items():
            if self.type_of[raw] != "atom":
                continue
            path = _at("nodes", raw)
            atom = _fields(node["atom"], _at(path, "atom"), _ATOM_KEYS)
            text = _string(atom.get("text", ""), _at(_at(path, "atom"), "text"))
            if not text.strip():
                raise FormatError(
                    f"{_at(_at(path, 'atom'), 'text')}: an atom needs text (a statement "
                    "cannot be empty)",
                    ids=[raw],
                )
            keep: dict[str, JsonValue] = {}
            if self.ids[raw] != raw:
                keep["id"] = raw
            if "participant" in atom:
                keep["participant"] = _string(
                    atom["participant"], _at(_at(path, "atom"), "participant")
                )
            own = _kept_common(node, path, keep)
            quotes = own.pop("quotes", None)
            ref_quote: Quote | None = None
            if "reference" in atom:
                ref_path = _at(_at(path, "atom"), "reference")
                ref_quote = _reference_quote(
                    atom["reference"], ref_path, sources, source_of, self.resource_ids
                )
            if quotes is None:
                quotes = [] if ref_quote is None else [as_dict(ref_quote)]
            if "reference" in atom and not (
                ref_quote is not None and quotes and _same_span(quotes[0], ref_quote)
            ):
                keep["reference"] = atom["reference"]
            kind = "claim" if raw == major else kind_from_roles(roles.get(raw, ()))
            data = {
                "kind": kind,
                **own,
                "id": self.ids[raw],
                "text": text,
                "quotes": quotes,
                "metadata": _with_kept(own.get("metadata"), keep, _own_metadata_path(path)),
            }
            found.append(_validated(Statement, data, path, [raw]))
        return found

    def relation(self, raw: str) -> str:
        """The relation of a scheme read as an inference (validated as a Relation)."""
        if self.type_of[raw] != "attack":
            return self.type_of[raw]
        targets = self.targets.get(raw, [])
        return "attack" if targets and self.type_of[targets[0]] == "atom" else "undercut"

    def inferences(self) -> list[Inference]:
        found = []
        for raw, node in self.nodes.items():
            scheme_type = self.type_of[raw]
            if scheme_type not in _INFERENTIAL:
                continue
            path = _at("nodes", raw)
            prem, tgt = self.premises.get(raw, []), self.targets.get(raw, [])
            if not prem:
                raise FormatError(
                    f"{path}: {scheme_type} scheme has no premise (no atom points at it)", ids=[raw]
                )
            if len(tgt) != 1:
                raise FormatError(
                    f"{path}: {scheme_type} scheme must point at exactly one node, "
                    f"found {len(tgt)}",
                    ids=[raw],
                )
            scheme = node["scheme"]
            keep: dict[str, JsonValue] = {}
            if self.ids[raw] != raw:
                keep["id"] = raw
            name = scheme[scheme_type]
            if name not in (0, f"{scheme_type.upper()}_DEFAULT"):
                keep["scheme"] = {scheme_type: name}
            if scheme.get("premiseDescriptors"):
                keep["premise_descriptors"] = scheme["premiseDescriptors"]
            own = _kept_common(node, path, keep)
            if raw in self.used_edges:
                keep["edges"] = self.used_edges[raw]
            data = {
                **own,
                "id": self.ids[raw],
                "relation": self.relation(raw),
                "premises": tuple(self.ids[p] for p in prem),
                "target": self.ids[tgt[0]],
                "metadata": _with_kept(own.get("metadata"), keep, _own_metadata_path(path)),
            }
            found.append(_validated(Inference, data, path, [raw]))
        return found


def _edge_id(src: object, dst: object) -> str:
    """The id argmap gives the edge from ``src`` to ``dst``: ``->`` never occurs in an
    argmap id, so these never clash."""
    return f"{src}->{dst}"


def _same_span(quote: Mapping[str, Any], ref: Quote) -> bool:
    return all(quote.get(k) == getattr(ref, k) for k in ("source", "start", "end", "text"))


def _reference_quote(
    value: object,
    path: str,
    sources: Mapping[str, Source],
    source_of: Mapping[str, str],
    resources: Collection[str],
) -> Quote | None:
    """The quote an atom's reference stands for, or None when it is not one (it is then
    kept as it is)."""
    ref = _fields(value, path, _REFERENCE_KEYS)
    text = _string(ref.get("text", ""), _at(path, "text"))
    offset = _uint(ref["offset"], _at(path, "offset")) if "offset" in ref else None
    if "resource" not in ref:
        return None
    resource = _string(ref["resource"], _at(path, "resource"))
    if resource not in resources:
        raise FormatError(f"{_at(path, 'resource')}: no resource with id {resource!r}")
    if resource not in source_of or not text.strip():
        return None
    source = sources[source_of[resource]]
    if offset is None:  # arguebuf leaves out an offset of 0: the words' one place will do
        first = source.text.find(text)
        if first < 0 or source.text.find(text, first + 1) >= 0:
            return None
        offset = first
    if source.text[offset : offset + len(text)] != text:
        return None
    return Quote(source=source.id, start=offset, end=offset + len(text), text=text)


def from_arguebuf(data: Mapping[str, Any]) -> ArgumentMap:
    """Build a map from a parsed arguebuf JSON graph (see the module docs).

    Raises
    ------
    FormatError
        The graph is not arguebuf's shape, or uses something argmap cannot represent;
        the message names the place (``nodes["s1"].scheme`` ...).

    Examples
    --------
    >>> m = from_arguebuf({
    ...     "nodes": {
    ...         "a1": {"atom": {"text": "It rains"}},
    ...         "s1": {"scheme": {"support": "SUPPORT_DEFAULT"}},
    ...         "a2": {"atom": {"text": "Take an umbrella"}},
    ...     },
    ...     "edges": {
    ...         "e1": {"source": "a1", "target": "s1"},
    ...         "e2": {"source": "s1", "target": "a2"},
    ...     },
    ... })
    >>> [(s.id, s.kind) for s in m.statements]
    [('a1', 'premise'), ('a2', 'claim')]
    >>> m.inference("s1").premises, m.inference("s1").target
    (('a1',), 'a2')
    """
    reader = _Reader(data)
    top = reader.top
    major_raw: str | None = None
    if "majorClaim" in top:
        major_raw = _string(top["majorClaim"], "majorClaim")
        if major_raw == "":
            major_raw = None
        elif reader.type_of.get(major_raw) != "atom":
            what = "a scheme node" if major_raw in reader.nodes else "not a node of the graph"
            raise FormatError(
                f"majorClaim: {major_raw!r} is {what}; the major claim is an atom", ids=[major_raw]
            )
    keep: dict[str, JsonValue] = {}
    own = _kept_common(top, "", keep)
    for key in ("participants", "analysts"):
        if key in top:
            value = _object(top[key], key)
            if value:
                keep[key] = value
    sources, kept_resources, source_of = reader.resources()
    by_id = {s.id: s for s in sources}
    inferences = reader.inferences()
    statements = reader.statements(by_id, source_of, major_raw)
    m = ArgumentMap(own.get("title"), description=own.get("description"))
    for source in sources:
        m.add_source(source)
    for statement in statements:
        m.add_statement(statement)
    m.add_inferences(inferences, where="scheme node {id!r}")
    if kept_resources:
        keep["resources"] = kept_resources
    other_nodes = {
        raw: node
        for raw, node in data.get("nodes", {}).items()
        if reader.type_of[raw] not in ("atom", *_INFERENTIAL)
    }
    if other_nodes:
        keep["nodes"] = other_nodes
    if reader.other_edges:
        keep["edges"] = reader.other_edges
    major = reader.ids[major_raw] if major_raw is not None else None
    if major != _derived_major(m):
        keep["major_claim"] = major
    m.metadata = _with_kept(own.get("metadata"), keep, _own_metadata_path(""))
    return m


def _derived_major(m: ArgumentMap) -> str | None:
    """The major claim argmap writes for a map that does not say: its one main conclusion."""
    main = m.main_conclusions()
    return main[0].id if len(main) == 1 else None


def loads(text: str | bytes) -> ArgumentMap:
    """Read a map from arguebuf JSON text (see the module docs).

    Raises
    ------
    FormatError
        Not JSON, not arguebuf's shape, or something argmap cannot represent; the
        message names the place.

    Examples
    --------
    >>> m = loads('{"nodes": {"a": {"atom": {"text": "It rains"}}}, "majorClaim": "a"}')
    >>> m.statement("a").kind
    'claim'
    >>> loads('{"nodes": []}')
    Traceback (most recent call last):
    argmap.errors.FormatError: nodes: expected an object, got a list (arguebuf keys nodes by id; a list of nodes is AIF, SADFace or OVA)
    """  # noqa: E501
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig" if text.startswith(codecs.BOM_UTF8) else "utf-8")
        except UnicodeDecodeError as err:
            raise FormatError(f"not UTF-8 text: {err}") from None
    try:
        data = loads_unique(text.removeprefix("\ufeff"))
    except FormatError:  # a key given twice: the message names it
        raise
    except ValueError as err:
        raise FormatError(f"not valid JSON: {err}") from None
    except RecursionError:
        raise FormatError("not valid JSON: nested too deeply") from None
    with gc_paused():
        return from_arguebuf(_object(data, ""))


# --- writing -------------------------------------------------------------------------


def _kept(metadata: Mapping[str, JsonValue]) -> dict[str, Any]:
    return _mapping(metadata.get(_KEY))


def _mapping(value: object) -> dict[str, Any]:
    """A kept value that should be an object (anything else, edited in by hand, is
    taken as empty)."""
    return dict(value) if isinstance(value, Mapping) else {}


def _own_meta(metadata: Mapping[str, JsonValue]) -> dict[str, JsonValue]:
    return {k: v for k, v in metadata.items() if k != _KEY}


def _userdata(kept: Mapping[str, Any], own: Mapping[str, Any]) -> dict[str, Any]:
    data = kept.get("userdata")
    out: dict[str, Any] = dict(data) if isinstance(data, Mapping) else {}
    if own:
        out[_ARGMAP] = dict(own)
    return out


def _tail(node: dict[str, Any], kept: Mapping[str, Any], own: Mapping[str, Any]) -> dict[str, Any]:
    """Add an element's ``metadata`` and ``userdata`` (arguebuf's field order)."""
    if isinstance(kept.get("metadata"), Mapping) and kept["metadata"]:
        node["metadata"] = dict(kept["metadata"])
    userdata = _userdata(kept, own)
    if userdata:
        node["userdata"] = userdata
    return node


def to_arguebuf(m: ArgumentMap) -> dict[str, Any]:
    """The map as an arguebuf graph (a dict ready for :func:`json.dumps`).

    Examples
    --------
    >>> import argmap as am
    >>> m = am.ArgumentMap()
    >>> c = m.claim("Take an umbrella", id="c")
    >>> _ = m.premise("It rains", id="p", supports=c)
    >>> doc = to_arguebuf(m)
    >>> list(doc["nodes"]), doc["majorClaim"]
    (['c', 'p', 'p-supports-c'], 'c')
    >>> doc["nodes"]["p-supports-c"]
    {'scheme': {'support': 'SUPPORT_DEFAULT'}}
    >>> list(doc["edges"])
    ['p->p-supports-c', 'p-supports-c->c']
    """
    statements, inferences = m._checked_elements()
    map_kept = _kept(m.metadata)
    major = _major_claim(m, map_kept, statements)
    kinds = structural_kinds(m)
    if major is not None:
        kinds[major] = "claim"
    node_id = _node_ids([*statements, *inferences])
    source_id: dict[str, str] = {}
    for source in m.sources:
        raw = _kept(source.metadata).get("id")
        source_id[source.id] = raw if isinstance(raw, str) else source.id
    resources = {source_id[s.id]: _resource(s) for s in m.sources}
    for raw, resource in _mapping(map_kept.get("resources")).items():
        resources.setdefault(raw, resource)
    nodes: dict[str, Any] = {}
    for s in statements:
        nodes[node_id[s.id]] = _atom(s, kinds[s.id], source_id, resources)
    edges: dict[str, Any] = {}
    for inf in inferences:
        nodes[node_id[inf.id]] = _scheme(inf)
    for inf in inferences:
        stored = _mapping(_kept(inf.metadata).get("edges"))
        nid = node_id[inf.id]
        ends = [(node_id[p], nid) for p in inf.premises] + [(nid, node_id[inf.target])]
        for src, dst in ends:
            _add_edge(edges, src, dst, stored)
    for raw, node in _mapping(map_kept.get("nodes")).items():
        if raw not in nodes:
            nodes[raw] = node
    for raw, edge in _mapping(map_kept.get("edges")).items():
        if (
            isinstance(edge, Mapping)
            and raw not in edges
            and edge.get("source") in nodes
            and edge.get("target") in nodes
        ):
            edges[raw] = edge
    doc: dict[str, Any] = {"nodes": nodes, "edges": edges}
    if resources:
        doc["resources"] = resources
    for key in ("participants", "analysts"):
        if map_kept.get(key):
            doc[key] = map_kept[key]
    if major is not None:
        doc["majorClaim"] = node_id[major]
    doc["schemaVersion"] = SCHEMA_VERSION
    own: dict[str, JsonValue] = {}
    if m.title is not None:
        own["title"] = m.title
    if m.description is not None:
        own["description"] = m.description
    if _own_meta(m.metadata):
        own["metadata"] = _own_meta(m.metadata)
    return _tail(doc, map_kept, own)


def _major_claim(
    m: ArgumentMap, map_kept: Mapping[str, Any], statements: list[Statement]
) -> str | None:
    """The statement written as the major claim: the one kept from the file, else the
    map's one main conclusion."""
    if "major_claim" not in map_kept:
        return _derived_major(m)
    stored = map_kept["major_claim"]
    return stored if isinstance(stored, str) and stored in {s.id for s in statements} else None


def _node_ids(elements: list[Statement | Inference]) -> dict[str, str]:
    """Each element's node id: the id it was read with (kept when it was no argmap id),
    else its own."""
    node_id: dict[str, str] = {}
    by_node: dict[str, str] = {}
    for element in elements:
        raw = _kept(element.metadata).get("id")
        nid = node_id[element.id] = raw if isinstance(raw, str) else element.id
        other = by_node.setdefault(nid, element.id)
        if other != element.id:
            raise ArgmapError(
                f"{other!r} and {element.id!r} would both be written as the arguebuf node "
                f"{nid!r} (see their metadata['arguebuf']['id'])",
                ids=[other, element.id],
            )
    return node_id


def _add_edge(edges: dict[str, Any], src: str, dst: str, stored: Mapping[str, Any]) -> None:
    for raw, edge in stored.items():
        if (
            isinstance(edge, Mapping)
            and edge.get("source") == src
            and edge.get("target") == dst
            and raw not in edges
        ):
            edges[raw] = dict(edge)
            return
    base = _edge_id(src, dst)
    edge_id, n = base, 2
    while edge_id in edges or edge_id in stored:
        edge_id, n = f"{base}#{n}", n + 1
    edges[edge_id] = {"source": src, "target": dst}


def _atom(
    s: Statement,
    derived_kind: str,
    source_id: Mapping[str, str],
    resources: Collection[str],
) -> dict[str, Any]:
    kept = _kept(s.metadata)
    reference = _mapping(kept.get("reference"))
    if "reference" in kept and reference.get("resource", "") not in ("", *resources):
        del kept["reference"]  # its resource was removed from the map: so is the reference
    atom: dict[str, Any] = {"text": s.text}
    quotes = [as_dict(q, mode="json") for q in s.quotes]
    if "reference" in kept:
        atom["reference"] = kept["reference"]
    elif s.quotes:
        first = s.quotes[0]
        atom["reference"] = {
            "resource": source_id[first.source],
            "offset": first.start,
            "text": first.text,
        }
    if "participant" in kept:
        atom["participant"] = kept["participant"]
    own = as_dict(
        s, mode="json", exclude_defaults=True, exclude={"id", "text", "metadata", "quotes"}
    )
    own["kind"] = s.kind
    if s.kind == derived_kind:
        del own["kind"]
    if s.quotes and ("reference" in kept or len(s.quotes) > 1 or s.quotes[0].paraphrase):
        own["quotes"] = quotes
    elif not s.quotes and "reference" in kept:
        own["quotes"] = []
    meta = _own_meta(s.metadata)
    if meta:
        own["metadata"] = meta
    return _tail({"atom": atom}, kept, own)


def _scheme(inf: Inference) -> dict[str, Any]:
    kept = _kept(inf.metadata)
    scheme_type = _SCHEME_OF[inf.relation]
    name: Any = f"{scheme_type.upper()}_DEFAULT"
    stored = kept.get("scheme")
    if isinstance(stored, Mapping) and scheme_type in stored:
        name = stored[scheme_type]
    scheme: dict[str, Any] = {scheme_type: name}
    if kept.get("premise_descriptors"):
        scheme["premiseDescriptors"] = kept["premise_descriptors"]
    own = as_dict(
        inf,
        mode="json",
        exclude_defaults=True,
        exclude={"id", "relation", "premises", "target", "metadata"},
    )
    meta = _own_meta(inf.metadata)
    if meta:
        own["metadata"] = meta
    return _tail({"scheme": scheme}, kept, own)


def _resource(source: Source) -> dict[str, Any]:
    kept = _kept(source.metadata)
    resource: dict[str, Any] = {"text": source.text}
    if source.title is not None:
        resource["title"] = source.title
    for key in ("source", "timestamp"):
        if key in kept:
            resource[key] = kept[key]
    own = as_dict(
        source,
        mode="json",
        exclude_defaults=True,
        exclude={"id", "text", "title", "sha256", "metadata"},
    )
    meta = _own_meta(source.metadata)
    if meta:
        own["metadata"] = meta
    return _tail(resource, kept, own)


def dumps(m: ArgumentMap, *, indent: int | None = 2) -> str:
    """The map as arguebuf JSON text, ending in a newline; deterministic (no timestamp
    is written that the map does not hold).

    ``indent=None`` writes one line.

    Examples
    --------
    >>> import argmap as am
    >>> m = am.ArgumentMap()
    >>> _ = m.premise("It rains", id="p", supports=m.claim("Take an umbrella", id="c"))
    >>> print(dumps(m, indent=None)[:63])
    {"nodes":{"c":{"atom":{"text":"Take an umbrella"}},"p":{"atom":
    >>> one = am.ArgumentMap()
    >>> _ = one.claim("It rains", id="c")
    >>> print(dumps(one), end="")
    {
      "nodes": {
        "c": {
          "atom": {
            "text": "It rains"
          }
        }
      },
      "edges": {},
      "majorClaim": "c",
      "schemaVersion": 1
    }
    >>> loads(dumps(m)) == m
    True
    """
    separators = (",", ":") if indent is None else (",", ": ")
    return (
        json.dumps(to_arguebuf(m), indent=indent, ensure_ascii=False, separators=separators) + "\n"
    )


def dump(m: ArgumentMap, path: str | Path) -> Path:
    """Write the map as arguebuf JSON (:func:`dumps`) to ``path``, atomically; returns the path.

    Examples
    --------
    >>> import tempfile, argmap as am
    >>> m = am.ArgumentMap()
    >>> _ = m.premise("It rains", id="p", supports=m.claim("Take an umbrella", id="c"))
    >>> path = dump(m, f"{tempfile.mkdtemp()}/umbrella.arguebuf.json")
    >>> load(path) == m
    True
    """
    return write_atomic(path, dumps(m))


def load(path: str | Path) -> ArgumentMap:
    """Read a map from an arguebuf JSON file.

    Raises
    ------
    FormatError
        Naming the file and what is wrong in it, and where.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> path = Path(tempfile.mkdtemp()) / "graph.json"
    >>> _ = path.write_text('{"nodes": {"a": {"atom": {"text": 7}}}}')
    >>> load(path)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    argmap.errors.FormatError: .../graph.json: nodes.a.atom.text: expected a string, got a number
    """
    return load_file(path, loads, "arguebuf JSON")


# --- detection -----------------------------------------------------------------------


def sniff(content: Content) -> str | None:
    """Tell arguebuf JSON by its shape: ``nodes`` is an object (AIF, SADFace and OVA
    have lists) of atom and scheme nodes, or the graph has arguebuf's version keys.

    >>> sniff(Content('{"nodes": {"a": {"atom": {"text": "Hi"}}}}'))
    'has "nodes" as an object of atom and scheme nodes'
    >>> sniff(Content('{"nodes": [], "edges": [], "locutions": []}')) is None
    True
    """
    doc = content.json_object
    if doc is None:
        return None
    nodes = doc.get("nodes")
    if not isinstance(nodes, dict):
        return None
    if any(
        k in doc for k in ("schemaVersion", "schema_version", "libraryVersion", "library_version")
    ):
        return 'has "nodes" as an object and a "schemaVersion" or "libraryVersion" key'
    if nodes and all(
        isinstance(n, dict) and ("atom" in n or "scheme" in n) for n in nodes.values()
    ):
        return 'has "nodes" as an object of atom and scheme nodes'
    return None


FORMAT = FormatSpec(
    name="arguebuf",
    title="arguebuf JSON",
    suffixes=(".arguebuf.json",),
    loads=loads,
    dumps=dumps,
    sniff=sniff,
    json=True,
    keeps=(
        "atoms as statements, support and attack schemes as inferences (attacks on schemes "
        "as undercuts), the major claim, resources as sources and references as quotes; "
        "scheme names, participants, analysts, timestamps and userdata are kept and written back"
    ),
    loses=(
        "the order of nodes (protobuf maps have none: arguebuf writes its own), libraryVersion; "
        "rephrase and preference schemes are kept but not part of the map"
    ),
)
