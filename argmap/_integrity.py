"""Before a map is written: does its graph still hold a map that can be read back?

``m.graph`` is a plain networkx graph that users may edit directly, and metadata dicts can
be changed in place after they were validated. Writing such a map would give a file that
cannot be loaded again (or that silently loses a NaN as null), so the JSON writer asks
:func:`checked_elements` first: one quick pass over the nodes (a few set lookups each),
and, only when something is wrong, a second pass to say where.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NoReturn

from pydantic import JsonValue

from argmap.errors import ArgmapError, with_article
from argmap.model import Inference, Source, Statement, json_problem

__all__ = ["checked_elements"]

_FIX = "; change a map through its methods, and call m.validate() to check it"


def checked_elements(
    nodes: Mapping[str, Mapping[str, Any]], header: Mapping[str, Any], *, json: bool = True
) -> tuple[list[Statement], list[Inference]]:
    """The statements and inferences of a map's graph ``nodes``, in graph order, after
    checking what writing the map needs: every node holds the model with its id, every
    inference's premises and target are there (and of the right kind), the ``header``
    (the graph's own attributes: title, description, metadata, sources by id) has the
    right types, and (with ``json``, for writers of JSON: the JSON and AIF formats) all
    metadata is JSON. Drawings pass ``json=False``: they never write metadata.

    Raises
    ------
    ArgmapError
        Naming the node and saying to use ``m.validate()``, when the graph was edited
        directly into a state no file could be read back from; or naming the element and
        key whose metadata (changed in place) is not JSON.
    """
    statements: list[Statement] = []
    inferences: list[Inference] = []
    with_metadata: list[Statement | Inference] = []
    add_statement, add_inference = statements.append, inferences.append
    try:
        for node, data in nodes.items():
            model = data["model"]
            if isinstance(model, Statement):
                add_statement(model)
            elif isinstance(model, Inference):
                add_inference(model)
            else:
                _diagnose(nodes)
            if model.id != node:
                _diagnose(nodes)
            if model.metadata:
                with_metadata.append(model)
    except (KeyError, AttributeError):
        _diagnose(nodes)
    statement_ids = {s.id for s in statements}
    inference_ids = {i.id for i in inferences}
    has_all = statement_ids.issuperset
    for inf in inferences:
        targets = inference_ids if inf.relation == "undercut" else statement_ids
        if not has_all(inf.premises) or inf.target not in targets:
            _diagnose(nodes)
    sources = _checked_header(header, json)
    if json:
        for source in sources.values():
            _check_metadata(f"source {source.id!r}", source.metadata)
    for s in statements:
        for q in s.quotes:
            quoted = sources.get(q.source)
            if quoted is None or quoted.text[q.start : q.end] != q.text:
                state = "is not in the map" if quoted is None else "no longer has the quoted words"
                raise ArgmapError(
                    f"cannot write the map: statement {s.id!r} quotes source {q.source!r}, "
                    f"which {state} (were graph.graph['sources'] edited?); add sources with "
                    "m.add_source and call m.validate() to check",
                    ids=[s.id],
                )
    for model in with_metadata if json else ():
        what = "inference" if isinstance(model, Inference) else "statement"
        _check_metadata(f"{what} {model.id!r}", model.metadata)
    return statements, inferences


def _checked_header(header: Mapping[str, Any], json: bool) -> dict[str, Source]:
    """Check the map's header in its graph attributes; return its sources by id."""
    for key in ("title", "description"):
        value = header.get(key)
        if value is not None and not isinstance(value, str):
            raise bad_header(key, value, "text", f"m.{key} = ...")
        problem = json_problem(value) if value is not None else None
        if problem is not None and json:
            raise ArgmapError(f"cannot write the map: its {key} {problem[1]}")
    metadata = header.get("metadata", {})
    if not isinstance(metadata, dict):
        raise bad_header("metadata", metadata, "a dict", "m.metadata = {...}")
    if json:
        _check_metadata("map", metadata)
    sources = header.get("sources", {})
    if not isinstance(sources, dict) or not all(
        isinstance(src, Source) and src.id == key for key, src in sources.items()
    ):
        raise bad_header("sources", sources, "a dict of Source by id", "m.add_source")
    return sources


def bad_header(key: str, value: object, wanted: str, fix: str) -> ArgmapError:
    """The error for a map header (``graph.graph[key]``) edited directly into a wrong type
    or shape; the map's properties raise it too."""
    what = with_article(type(value).__name__) if not isinstance(value, dict) else "a dict"
    return ArgmapError(
        f"the map's {key} (graph.graph[{key!r}]) is {what}, not {wanted}; "
        f"set it through the map ({fix})"
    )


def _check_metadata(where: str, metadata: Mapping[str, JsonValue]) -> None:
    found = json_problem(metadata) if metadata else None
    if found is not None:
        path, problem = found
        raise ArgmapError(f"cannot write the map: {where} metadata{path}: {problem}")


def _diagnose(nodes: Mapping[str, Mapping[str, Any]]) -> NoReturn:
    """Raise the error for the first node (in graph order) that a direct edit of the
    graph left inconsistent; called once the quick pass found one."""
    for node, data in nodes.items():
        model = data.get("model")
        if not isinstance(model, (Statement, Inference)) or model.id != node:
            _edited(node, model)
        if isinstance(model, Inference):
            for p in model.premises:
                found = nodes.get(p)
                if found is None or not isinstance(found.get("model"), Statement):
                    _edited(node, model, "premise", p, found)
            found = nodes.get(model.target)
            wanted = Inference if model.relation == "undercut" else Statement
            if found is None or not isinstance(found.get("model"), wanted):
                _edited(node, model, "target", model.target, found)
    raise ArgmapError(  # pragma: no cover - the quick pass found something above
        "cannot write the map: its graph is inconsistent (was m.graph edited?); "
        "call m.validate() to find where"
    )


def _edited(
    node: object,
    model: object,
    role: str = "",
    ref: str = "",
    found: Mapping[str, Any] | None = None,
) -> NoReturn:
    """Raise the error for a graph changed directly (not through the map's methods)."""
    if role:
        kind = "inference" if isinstance((found or {}).get("model"), Inference) else "statement"
        state = "is not in the graph" if found is None else f"is {with_article(kind)}"
        problem = f"inference {node!r}: its {role} {ref!r} {state}"
    elif not isinstance(model, (Statement, Inference)):
        problem = f"graph node {node!r} has no statement or inference model"
    else:
        problem = f"graph node {node!r} holds {type(model).__name__.lower()} {model.id!r}"
    raise ArgmapError(
        f"cannot write the map: {problem} (was m.graph edited?){_FIX}", ids=[str(node)]
    )
