"""xAIF: AIF under an ``"AIF"`` key, beside the text it was mined from.

xAIF ("extended AIF") is the JSON that ARG-tech's argument-mining pipelines pass from
module to module (segmenter, proposition finder, relation finder ...)::

    {
      "AIF": {"nodes": [...], "edges": [...], "locutions": [...], "participants": [...],
              "schemefulfillments": [...], "descriptorfulfillments": [...]},
      "text": "...",
      "dialog": true,
      "OVA": {...}
    }

The ``"AIF"`` object is an AIF document and is read and written exactly as
:mod:`argmap.formats.aif` reads and writes one (the same node and edge logic, in
:mod:`argmap.formats._aifcore`): I-nodes become statements, RA/CA/MA nodes supports,
attacks, undercuts and rephrases, and everything else (L, YA, TA and PA nodes,
locutions, participants, fulfilments) is kept verbatim in ``metadata["aif"]``. xAIF
allows relations that AIF does not (a relation with no antecedent, say); reading is
lenient by default, so such a node is kept verbatim too, with an :class:`AifWarning`
naming it (``AIF.nodes[3] ...``), and ``strict=True`` refuses it.

What sits beside ``"AIF"`` -- the ``text`` (a string, or the pipelines' ``{"txt":
...}`` with HTML spans), ``dialog``, ``OVA``/``ova`` -- is kept verbatim in the map's
``metadata["xaif"]`` and written back. A map argmap built itself gets
``"text"``: its sources' texts joined by a blank line (``""`` without sources), and
empty ``locutions``, ``participants``, ``schemefulfillments`` and
``descriptorfulfillments`` lists. Because both formats keep the AIF part under
``metadata["aif"]``, a map read from xAIF writes the same nodes and edges as AIF, and
the other way round.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pydantic_core
from pydantic import BaseModel, ConfigDict, Field, JsonValue

from argmap._bulk import gc_paused
from argmap._io import load_file, write_atomic
from argmap.formats import _aifcore
from argmap.formats._aifcore import AifDocument, AifWarning
from argmap.formats._jsontext import json_text, refuse_duplicate_keys
from argmap.formats._spec import Content, FormatSpec
from argmap.map import ArgumentMap

__all__ = [
    "FORMAT",
    "AifWarning",
    "XaifDocument",
    "dump",
    "dumps",
    "from_xaif",
    "load",
    "loads",
    "sniff",
    "to_xaif",
]

XAIF_KEY = "xaif"
"""The map metadata key that keeps what sits beside ``"AIF"`` (text, dialog, OVA)."""
_AIF_DEFAULTS: dict[str, JsonValue] = {
    "locutions": [],
    "participants": [],
    "schemefulfillments": [],
    "descriptorfulfillments": [],
}
"""What :func:`to_xaif` writes in ``"AIF"`` after the nodes and edges, unless the map
kept other values."""


class XaifDocument(BaseModel):
    """The top level of an xAIF file, as read (keys beside ``AIF`` are kept)."""

    model_config = ConfigDict(extra="allow")
    AIF: AifDocument = Field(description="The AIF nodes and edges (and locutions ...).")


def _text(m: ArgumentMap) -> str:
    """The ``text`` :func:`to_xaif` writes for a map that kept none."""
    return "\n\n".join(s.text for s in m.sources)


def from_xaif(data: Mapping[str, Any] | XaifDocument, *, strict: bool = False) -> ArgumentMap:
    """Build a map from a parsed xAIF document (see the module docs).

    Parameters
    ----------
    data : dict or XaifDocument
        The parsed document.
    strict : bool
        Refuse a document with a scheme node argmap cannot interpret, instead of
        keeping that node verbatim with an :class:`AifWarning`.

    Raises
    ------
    pydantic.ValidationError
        The document does not have xAIF's shape (an ``AIF`` object with ``nodes`` and
        ``edges`` lists).
    ArgmapError
        A broken document (an edge to a missing node, a ``nodeID`` used twice), or (strict)
        something argmap cannot represent; names the node or edge.

    Examples
    --------
    >>> doc = {
    ...     "AIF": {
    ...         "nodes": [
    ...             {"nodeID": 0, "text": "It rains", "type": "I"},
    ...             {"nodeID": 1, "text": "Take an umbrella", "type": "I"},
    ...             {"nodeID": 2, "text": "Default Inference", "type": "RA"},
    ...         ],
    ...         "edges": [
    ...             {"edgeID": 0, "fromID": 0, "toID": 2},
    ...             {"edgeID": 1, "fromID": 2, "toID": 1},
    ...         ],
    ...     },
    ...     "text": "It rains. Take an umbrella.",
    ... }
    >>> m = from_xaif(doc)
    >>> m.inference("2").premises, m.inference("2").target
    (('0',), '1')
    >>> m.metadata["xaif"]
    {'text': 'It rains. Take an umbrella.'}
    """
    if isinstance(data, XaifDocument):
        return _read(data.AIF, data.model_extra or {}, strict=strict)
    inner = _aifcore.NodeSet.parse(data.get("AIF")) if type(data) is dict else None
    if inner is None:  # not plain JSON of xAIF's shape: pydantic converts it or says why
        doc = XaifDocument.model_validate(data)
        return _read(doc.AIF, doc.model_extra or {}, strict=strict)
    return _read(inner, _beside(data), strict=strict)


def _beside(data: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k != "AIF"}


def _read(
    inner: AifDocument | _aifcore.NodeSet, beside: Mapping[str, Any], *, strict: bool
) -> ArgumentMap:
    """The map of an xAIF document's ``"AIF"`` part, keeping the keys ``beside`` it."""
    m = _aifcore.read(inner, strict=strict, prefix="AIF.", defaults=_AIF_DEFAULTS)
    default_text = _text(m)
    beside = {k: v for k, v in beside.items() if not (k == "text" and v == default_text)}
    if beside:
        m.metadata = {**m.metadata, XAIF_KEY: beside}
    return m


def to_xaif(m: ArgumentMap) -> dict[str, Any]:
    """The map as an xAIF document (a dict ready for :func:`json.dumps`).

    Examples
    --------
    >>> import argmap as am
    >>> m = am.ArgumentMap()
    >>> c = m.claim("Take an umbrella", id="c")
    >>> _ = m.premise("It rains", id="p", supports=c)
    >>> doc = to_xaif(m)
    >>> list(doc), list(doc["AIF"])[:3], doc["text"]
    (['AIF', 'text'], ['nodes', 'edges', 'locutions'], '')
    >>> [(n["nodeID"], n["type"]) for n in doc["AIF"]["nodes"]]
    [('c', 'I'), ('p', 'I'), ('p-supports-c', 'RA')]
    """
    return _document(m).doc


def _document(m: ArgumentMap) -> _aifcore.Written:
    """:func:`to_xaif`'s document, and whether it may hold a float."""
    inner = _aifcore.build(m, defaults=_AIF_DEFAULTS, own_keys=(_aifcore.AIF_KEY, XAIF_KEY))
    doc: dict[str, Any] = {"AIF": inner.doc, "text": _text(m)}
    kept = m.metadata.get(XAIF_KEY)
    if isinstance(kept, Mapping):  # map metadata: build() has looked for floats in it
        doc.update({k: v for k, v in kept.items() if k != "AIF"})
    return _aifcore.Written(doc, inner.floats)


_FULL_KEY_CHECK = 4 * 1024 * 1024
"""Texts up to this many characters have every object checked for duplicate keys."""


def loads(text: str | bytes, *, strict: bool = False) -> ArgumentMap:
    """Read a map from xAIF text (see the module docs and :func:`from_xaif`).

    Raises
    ------
    pydantic.ValidationError
        Not JSON, or not xAIF's shape.
    ArgmapError
        A broken document, or (strict) something argmap cannot represent.

    Examples
    --------
    >>> m = loads('{"AIF": {"nodes": [{"nodeID": "1", "text": "Hi", "type": "I"}], '
    ...           '"edges": []}, "text": "Hi"}')
    >>> [s.text for s in m.statements]
    ['Hi']
    """
    if isinstance(text, (str, bytes, bytearray)):
        refuse_duplicate_keys(text, _FULL_KEY_CHECK, ('"AIF"', '"nodes"', '"edges"', '"locutions"'))
    with gc_paused():  # a bulk load: see argmap._bulk
        if isinstance(text, (str, bytes, bytearray)):
            try:
                data = pydantic_core.from_json(text)  # XaifDocument's own parser
            except ValueError:
                data = None  # XaifDocument says what is wrong
            inner = _aifcore.NodeSet.parse(data.get("AIF")) if type(data) is dict else None
            if inner is not None:
                return _read(inner, _beside(data), strict=strict)
        return from_xaif(XaifDocument.model_validate_json(text), strict=strict)


def dumps(m: ArgumentMap, *, indent: int | None = 2) -> str:
    """The map as xAIF text, ending in a newline; deterministic (``indent=None``: one line).

    Examples
    --------
    >>> import argmap as am
    >>> m = am.ArgumentMap()
    >>> _ = m.claim("Hi", id="c")
    >>> print(dumps(m, indent=None), end="")
    {"AIF":{"nodes":[{"nodeID":"c","text":"Hi","type":"I"}],"edges":[],"locutions":[],"participants":[],"schemefulfillments":[],"descriptorfulfillments":[]},"text":""}
    """
    written = _document(m)
    return json_text(written.doc, indent=indent, floats=written.floats)


def dump(m: ArgumentMap, path: str | Path) -> Path:
    """Write the map as xAIF (:func:`dumps`) to ``path``, atomically; returns the path.

    Examples
    --------
    >>> import tempfile, argmap as am
    >>> m = am.ArgumentMap()
    >>> _ = m.premise("It rains", id="p", supports=m.claim("Take an umbrella", id="c"))
    >>> path = dump(m, f"{tempfile.mkdtemp()}/umbrella.xaif.json")
    >>> load(path).inference("p-supports-c").target
    'c'
    """
    return write_atomic(path, dumps(m))


def load(path: str | Path, *, strict: bool = False) -> ArgumentMap:
    """Read a map from an xAIF file (see :func:`from_xaif`).

    Raises
    ------
    FormatError
        Naming the file and what is wrong in it (and where).
    """
    return load_file(path, lambda data: loads(data, strict=strict), "xAIF JSON")


def sniff(content: Content) -> str | None:
    """Tell xAIF by content: an ``"AIF"`` object holding ``nodes`` and ``edges`` lists.

    >>> sniff(Content('{"AIF": {"nodes": [], "edges": []}, "text": ""}'))
    'has an "AIF" key holding nodes and edges'
    >>> sniff(Content('{"nodes": [], "edges": []}')) is None
    True
    """
    obj = content.json_object
    inner = obj.get("AIF") if obj is not None else None
    if (
        isinstance(inner, dict)
        and isinstance(inner.get("nodes"), list)
        and isinstance(inner.get("edges"), list)
    ):
        return 'has an "AIF" key holding nodes and edges'
    return None


FORMAT = FormatSpec(
    name="xaif",
    title="xAIF JSON",
    suffixes=(".xaif.json", ".xaif"),
    loads=loads,
    dumps=dumps,
    sniff=sniff,
    json=True,
    looks_for='an "AIF" object with "nodes" and "edges" lists',
    keeps=(
        "The AIF part as AIF JSON keeps it (statements, supports, attacks, undercuts, "
        "rephrases; other nodes verbatim) and the text, dialog and OVA keys verbatim."
    ),
    loses=(
        "Nothing on a round trip; the text is not read as a source (argmap's own sources "
        'ride in an "argmap" key).'
    ),
)
