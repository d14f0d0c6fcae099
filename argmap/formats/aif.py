"""AIF JSON: the Argument Interchange Format as AIFdb and OVA write it.

An AIF JSON document is ``{"nodes": [...], "edges": [...], "locutions": [...]}`` (the
``locutions`` key may be absent on reading; it is always written). Each node has a
``nodeID``, a ``type`` and usually a ``text``; each edge an ``edgeID``, ``fromID`` and
``toID``. argmap reads it as follows:

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
* an **MA node** (rephrase) becomes a ``rephrase`` inference: the one I-node pointing
  at it restates the I-node it points at;
* every other node -- PA (preference), and the dialogue layer of L (locution), YA
  (illocution) and TA (transition) nodes -- and every edge that touches one, is kept
  verbatim in the map's metadata (``metadata["aif"]``) and written back by :func:`dump`:
  argmap neither drops nor reinterprets it. A node of a type argmap does not know
  (:data:`~argmap.formats._aifcore.KNOWN_TYPES`) is kept the same way, with an
  :class:`AifWarning` naming it.

Reading is **lenient** by default, as dialogical AIFdb nodesets (qt30, US2016) need: a
scheme node argmap cannot interpret -- an RA or CA node with no I-node premise (say an
RA whose only input is an L node, a CA whose only input is a TA node), with not exactly
one target, an RA pointing at an RA, an MA with more than one premise, a CA undercutting
an MA, an inference the map refuses (a repeat of another) or a CA undercutting a node so
kept -- is kept verbatim in ``metadata["aif"]`` with its edges, with an
:class:`AifWarning` naming the node; an edge between two I-nodes is kept the same way.
The rest of the nodeset loads. ``strict=True`` refuses the whole document instead, with
an :class:`~argmap.errors.ArgmapError` naming the node or edge. Either way an edge to a
node that does not exist, or a ``nodeID`` used twice, is an error: the document itself is
broken.

Ids: an AIF ``nodeID`` that matches :data:`argmap.model.ID_PATTERN` becomes the
statement or inference id as it is; any other is made into one (invalid characters
become ``-``, clashes get ``-2``, ``-3`` ...). Each element keeps its AIF node's own
fields that the model does not hold (``timestamp``, ``scheme``, a ``nodeID`` that
differs from the id ...) under ``metadata["aif"]``, and an inference also the edges it
was read from, so ``dump(load(x))`` gives back the same nodes and edges.

Writing a map argmap built itself, statement and inference ids become node ids, RA, CA
and MA nodes get AIF's default texts (``"Default Inference"``, ``"Default Conflict"``,
``"Default Rephrase"``), and what AIF cannot hold (statement kinds, titles, notes, tags,
quotes, the map's title and sources) goes into an extra ``"argmap"`` key that AIF
readers ignore and :func:`load` reads back. See ``docs/formats/aif.md``.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import JsonValue

from argmap._bulk import gc_paused
from argmap._io import load_file, write_atomic
from argmap.formats import _aifcore
from argmap.formats._aifcore import AifDocument, AifWarning, empty_text
from argmap.formats._jsontext import json_text, refuse_duplicate_keys
from argmap.formats._spec import Content, FormatSpec
from argmap.map import ArgumentMap

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
    "sniff",
    "to_aif",
]

_DEFAULTS: dict[str, JsonValue] = {"locutions": []}
"""What :func:`to_aif` writes after the nodes and edges unless the map kept other values."""


def from_aif(data: Mapping[str, Any] | AifDocument, *, strict: bool = False) -> ArgumentMap:
    """Build a map from a parsed AIF JSON document (see the module docs).

    Parameters
    ----------
    data : dict or AifDocument
        The parsed document.
    strict : bool
        Refuse a document with a scheme node argmap cannot interpret, instead of
        keeping that node verbatim with an :class:`AifWarning`.

    Raises
    ------
    pydantic.ValidationError
        The document does not have AIF's shape (``nodes`` and ``edges`` lists).
    ArgmapError
        The document is broken (an edge to a missing node, a ``nodeID`` used twice), or,
        with ``strict=True``, uses something argmap cannot represent; names the node or
        edge.

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
    doc = data if isinstance(data, AifDocument) else _aifcore.NodeSet.parse(data)
    if doc is None:  # not plain JSON of AIF's shape: pydantic converts it or says why
        doc = AifDocument.model_validate(data)
    return _aifcore.read(doc, strict=strict, defaults=_DEFAULTS)


def to_aif(m: ArgumentMap) -> dict[str, Any]:
    """The map as an AIF JSON document (a dict ready for :func:`json.dumps`), with a
    ``"locutions"`` list (empty unless the map was read with locutions).

    Examples
    --------
    >>> import argmap as am
    >>> m = am.ArgumentMap()
    >>> c = m.claim("Take an umbrella", id="c")
    >>> _ = m.premise("It rains", id="p", supports=c)
    >>> again = m.claim("Bring an umbrella", id="again")
    >>> _ = m.rephrase(again, c)
    >>> doc = to_aif(m)
    >>> [(n["nodeID"], n["type"]) for n in doc["nodes"]]
    [('c', 'I'), ('p', 'I'), ('again', 'I'), ('p-supports-c', 'RA'), ('again-rephrases-c', 'MA')]
    >>> [(e["fromID"], e["toID"]) for e in doc["edges"]][:2]
    [('p', 'p-supports-c'), ('p-supports-c', 'c')]
    >>> doc["locutions"]
    []
    """
    return _aifcore.write(m, defaults=_DEFAULTS)


_FULL_KEY_CHECK = 4 * 1024 * 1024
"""Texts up to this many characters have every object checked for duplicate keys."""


def loads(text: str | bytes, *, strict: bool = False) -> ArgumentMap:
    """Read a map from AIF JSON text (as AIFdb and OVA write it; see the module docs).

    ``strict=True`` refuses what lenient reading keeps verbatim (see :func:`from_aif`).

    Raises
    ------
    pydantic.ValidationError
        Not JSON, or not AIF's shape.
    ArgmapError
        A broken document, or (strict) something argmap cannot represent; names the node
        or edge.

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
    if isinstance(text, (str, bytes, bytearray)):
        refuse_duplicate_keys(text, _FULL_KEY_CHECK, ('"nodes"', '"edges"', '"locutions"'))
    with gc_paused():  # a bulk load: see argmap._bulk
        parsed = _aifcore.parse_json(text) if isinstance(text, (str, bytes, bytearray)) else None
        doc = AifDocument.model_validate_json(text) if parsed is None else parsed
        return _aifcore.read(doc, strict=strict, defaults=_DEFAULTS)


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
    written = _aifcore.build(m, defaults=_DEFAULTS)
    return json_text(written.doc, indent=indent, floats=written.floats)


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


def load(path: str | Path, *, strict: bool = False) -> ArgumentMap:
    """Read a map from an AIF JSON file, such as an AIFdb nodeset or an OVA export.

    ``strict=True`` refuses what lenient reading keeps verbatim (see :func:`from_aif`).

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
    return load_file(path, lambda data: loads(data, strict=strict), "AIF JSON")


def sniff(content: Content) -> str | None:
    """Tell AIF JSON by content: ``nodes`` and ``edges`` lists whose first node (if
    any) has a ``nodeID``, and no ``"format"`` key (argmap JSON's).

    >>> sniff(Content('{"nodes": [{"nodeID": "1", "type": "I", "text": "A"}], "edges": []}'))
    'has "nodes" (with "nodeID"s) and "edges" lists'
    >>> sniff(Content('{"nodes": [{"id": 1}], "edges": []}')) is None
    True
    """
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
    sniff=sniff,
    json=True,
    looks_for='"nodes" with "nodeID"s and "edges" lists',
    keeps=(
        "I-nodes as statements; RA, CA and MA nodes as supports, attacks, undercuts and "
        "rephrases; every other node (PA, L, YA, TA) and field verbatim, so AIF round trips."
    ),
    loses=(
        "Nothing on a round trip: what AIF has no place for (kinds, titles, notes, tags, "
        'quotes, sources) rides in "argmap" keys that other AIF tools ignore.'
    ),
)
"""AIF JSON in the format registry (:mod:`argmap.registry`)."""
