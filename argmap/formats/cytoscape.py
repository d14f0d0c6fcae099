"""Cytoscape.js JSON: a map for `Cytoscape.js <https://js.cytoscape.org>`_ and Cytoscape
desktop (which opens ``.cyjs`` files).

:func:`dumps` writes the map's graph (:attr:`argmap.ArgumentMap.graph`) in Cytoscape.js'
elements JSON, one element per statement and per inference, as Cytoscape.js takes it
in ``cytoscape({elements, style})``::

    {
      "data": {"name": "<map title>", "title": "...", "description": "..."},
      "elements": {
        "nodes": [
          {"data": {"id": "c", "label": "<text>", "name": "<text>", "kind": "claim",
                    "title": "...", "note": "...", "tags": ["..."]},
           "classes": "claim main"},
          {"data": {"id": "p-supports-c", "label": "support", "name": "support",
                    "kind": "inference", "relation": "support"},
           "classes": "inference support"}
        ],
        "edges": [
          {"data": {"id": "p->p-supports-c", "source": "p", "target": "p-supports-c",
                    "relation": "support", "role": "premise", "interaction": "support"},
           "classes": "support premise"}
        ]
      },
      "style": [{"selector": "node", "style": {"label": "data(label)", ...}}, ...]
    }

* node ``data`` has the argmap ``id``, the ``label`` (a statement's text, an inference's
  relation), ``kind``, and ``title``, ``note`` and ``tags`` where set; ``name`` repeats
  the label because Cytoscape desktop labels nodes by their ``name``; ``metadata``, where
  there is any (also the map's, in the top ``data``), is its JSON text, one string
  (``JSON.parse`` it), a plain column in Cytoscape desktop's tables;
* ``classes`` are the kind (``claim``, ``premise``, ``counterpoint``, ``inference``),
  ``main`` for main conclusions, and an inference's relation, for style selectors;
* edges run from each premise to its inference (``role`` ``premise``) and from the
  inference to its target (``role`` ``target``); their id is ``"<source>-><target>"``,
  which no node id can be (argmap ids have no ``>``); ``interaction`` repeats the
  relation for Cytoscape desktop's edge table;
* ``style`` (left out with ``style=False``) is a Cytoscape.js stylesheet in argmap's
  default colours: claims bold blue rectangles (main claims with a thick border),
  premises green rounded rectangles, counterpoints red hexagons, inferences small
  dots coloured by relation; support edges solid green, attack dashed red, undercut
  dotted purple with a tee head. Cytoscape desktop ignores it (it keeps styles apart).

Nothing gives positions: run a layout, e.g. ``cy.layout({name: "breadthfirst", roots:
".main"}).run()``. This format is written only; it leaves out quotes and sources
(argmap JSON and GraphML keep everything).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from argmap._io import write_atomic
from argmap.formats._spec import FormatSpec
from argmap.map import ArgumentMap

__all__ = ["FORMAT", "STYLE", "document", "dump", "dumps"]

_INFERENCE = "inference"
_COLOURS = {  # argmap's default theme (argmap.render.style): fill, border
    "claim": ("#dbe9f6", "#1f4e79"),
    "premise": ("#e3f1e4", "#2e7d32"),
    "counterpoint": ("#fbe3e1", "#b71c1c"),
}
_RELATIONS = {
    "support": ("#2e7d32", "solid"),
    "attack": ("#b71c1c", "dashed"),
    "undercut": ("#6a1b9a", "dotted"),
    "rephrase": ("#616161", "solid"),
}
_SHAPES = {"claim": "rectangle", "premise": "round-rectangle", "counterpoint": "hexagon"}


def _stylesheet() -> list[dict[str, Any]]:
    sheet: list[dict[str, Any]] = [
        {
            "selector": "node",
            "style": {
                "label": "data(label)",
                "text-wrap": "wrap",
                "text-max-width": "180px",
                "text-valign": "center",
                "text-halign": "center",
                "font-size": 12,
                "color": "#000000",
                "width": 200,
                "height": 64,
                "border-width": 1,
            },
        }
    ]
    for kind, (fill, border) in _COLOURS.items():
        style: dict[str, Any] = {
            "shape": _SHAPES[kind],
            "background-color": fill,
            "border-color": border,
        }
        if kind == "claim":
            style["font-weight"] = "bold"
        sheet.append({"selector": f"node.{kind}", "style": style})
    sheet.append({"selector": "node.main", "style": {"border-width": 3}})
    sheet.append(
        {
            "selector": "node.inference",
            "style": {
                "label": "",
                "shape": "ellipse",
                "width": 12,
                "height": 12,
                "border-width": 0,
            },
        }
    )
    for relation, (colour, _) in _RELATIONS.items():
        sheet.append(
            {"selector": f"node.inference.{relation}", "style": {"background-color": colour}}
        )
    sheet.append(
        {
            "selector": "edge",
            "style": {"curve-style": "bezier", "width": 1.5, "target-arrow-shape": "triangle"},
        }
    )
    for relation, (colour, line) in _RELATIONS.items():
        sheet.append(
            {
                "selector": f"edge.{relation}",
                "style": {"line-color": colour, "target-arrow-color": colour, "line-style": line},
            }
        )
    sheet.append({"selector": "edge.premise", "style": {"target-arrow-shape": "none"}})
    sheet.append({"selector": "edge.rephrase", "style": {"target-arrow-shape": "none"}})
    sheet.append(
        {"selector": "edge.undercut.target", "style": {"target-arrow-shape": "tee", "width": 2}}
    )
    return sheet


STYLE: list[dict[str, Any]] = _stylesheet()
"""The Cytoscape.js stylesheet :func:`dumps` writes (a list of ``selector``/``style``
objects); copy and change it to draw maps your own way."""


def _add_metadata(data: dict[str, Any], metadata: dict[str, Any]) -> None:
    """Metadata as one JSON string: Cytoscape desktop's tables take strings, not objects."""
    if metadata:
        data["metadata"] = json.dumps(metadata, ensure_ascii=False, separators=(",", ":"))


def document(m: ArgumentMap, *, style: bool = True) -> dict[str, Any]:
    """The map as a Cytoscape.js JSON object (see the module docs for its layout).

    Raises
    ------
    ArgmapError
        The map's graph was edited directly into an inconsistent state.

    Examples
    --------
    >>> import argmap as am
    >>> m = am.ArgumentMap()
    >>> c = m.claim("Take an umbrella", id="c")
    >>> _ = m.premise("It rains", id="p", supports=c)
    >>> doc = document(m, style=False)
    >>> [(n["data"]["id"], n["classes"]) for n in doc["elements"]["nodes"]]
    [('c', 'claim main'), ('p', 'premise'), ('p-supports-c', 'inference support')]
    >>> [e["data"]["id"] for e in doc["elements"]["edges"]]
    ['p->p-supports-c', 'p-supports-c->c']
    """
    statements, inferences = m._checked_elements(json=False)
    main = {s.id for s in m.main_conclusions()}
    nodes: list[dict[str, Any]] = []
    for s in statements:
        data: dict[str, Any] = {"id": s.id, "label": s.text, "name": s.text, "kind": s.kind}
        if s.title is not None:
            data["title"] = s.title
        if s.note is not None:
            data["note"] = s.note
        if s.tags:
            data["tags"] = list(s.tags)
        _add_metadata(data, s.metadata)
        classes = f"{s.kind} main" if s.id in main else s.kind
        nodes.append({"data": data, "classes": classes})
    edges: list[dict[str, Any]] = []
    for inf in inferences:
        data = {"id": inf.id, "label": inf.relation, "name": inf.relation}
        data.update({"kind": _INFERENCE, "relation": inf.relation})
        if inf.note is not None:
            data["note"] = inf.note
        if inf.tags:
            data["tags"] = list(inf.tags)
        _add_metadata(data, inf.metadata)
        nodes.append({"data": data, "classes": f"{_INFERENCE} {inf.relation}"})
        ends = [(p, inf.id, "premise") for p in inf.premises] + [(inf.id, inf.target, "target")]
        for source, target, role in ends:
            edge = {"id": f"{source}->{target}", "source": source, "target": target}
            edge.update({"relation": inf.relation, "role": role, "interaction": inf.relation})
            edges.append({"data": edge, "classes": f"{inf.relation} {role}"})
    header: dict[str, Any] = {}
    if m.title is not None:
        header = {"name": m.title, "title": m.title}
    if m.description is not None:
        header["description"] = m.description
    _add_metadata(header, m.metadata)
    doc: dict[str, Any] = {"data": header, "elements": {"nodes": nodes, "edges": edges}}
    if style:
        doc["style"] = _stylesheet()
    return doc


def dumps(m: ArgumentMap, *, style: bool = True, indent: int | None = 2) -> str:
    """The map as Cytoscape.js JSON text, ending in a newline; deterministic.

    ``style=False`` leaves out the stylesheet (:data:`STYLE`); ``indent=None`` writes
    one line.

    Examples
    --------
    >>> import argmap as am
    >>> m = am.ArgumentMap("Rain")
    >>> _ = m.claim("Take an umbrella", id="c")
    >>> print(dumps(m, style=False, indent=None), end="")
    {"data":{"name":"Rain","title":"Rain"},"elements":{"nodes":[{"data":{"id":"c","label":"Take an umbrella","name":"Take an umbrella","kind":"claim"},"classes":"claim main"}],"edges":[]}}
    """  # noqa: E501
    separators = (",", ":") if indent is None else (",", ": ")
    text = json.dumps(
        document(m, style=style), indent=indent, ensure_ascii=False, separators=separators
    )
    return text + "\n"


def dump(m: ArgumentMap, path: str | Path, *, style: bool = True) -> Path:
    """Write the map as Cytoscape.js JSON (:func:`dumps`) to ``path``, atomically;
    returns the path.

    Raises
    ------
    WriteError
        The file cannot be written; naming ``path`` and the reason.

    Examples
    --------
    >>> import json, tempfile, argmap as am
    >>> m = am.ArgumentMap()
    >>> _ = m.claim("Take an umbrella", id="c")
    >>> path = dump(m, f"{tempfile.mkdtemp()}/umbrella.cyjs")
    >>> json.loads(path.read_text(encoding="utf-8"))["elements"]["nodes"][0]["data"]["kind"]
    'claim'
    """
    return write_atomic(path, dumps(m, style=style))


def _dumps(m: ArgumentMap) -> str:
    return dumps(m)


FORMAT = FormatSpec(
    name="cytoscape",
    title="Cytoscape.js JSON",
    suffixes=(".cytoscape.json", ".cyjs"),
    dumps=_dumps,
    json=True,
    keeps="Statements and inferences as nodes (id, label, kind, relation, title, note, "
    "tags, metadata as JSON text), their edges with role and relation, the title, and a "
    "stylesheet.",
    loses="Quotes and sources; argmap writes it but does not read it back.",
)
