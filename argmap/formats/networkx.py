"""networkx graphs as maps: read a :class:`networkx.DiGraph` laid out like
:attr:`argmap.ArgumentMap.graph` back into a validated map.

The other direction needs no code: ``m.graph`` *is* the networkx graph.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx
from pydantic import JsonValue, ValidationError

from argmap._bulk import gc_paused
from argmap.errors import ArgmapError, InvalidRelationError, describe_validation_error
from argmap.map import ArgumentMap
from argmap.model import Inference, Source, Statement, adapter

__all__ = ["from_networkx"]

_INFERENCE = "inference"


def from_networkx(
    graph: nx.DiGraph,
    *,
    title: str | None = None,
    description: str | None = None,
    metadata: Mapping[str, JsonValue] | None = None,
    sources: Source | Iterable[Source] | None = None,
) -> ArgumentMap:
    """Build (and validate) a map from a directed graph laid out like
    :attr:`argmap.ArgumentMap.graph`.

    A node may carry its ``model``, or plain attributes instead: ``kind`` and
    ``text`` (and optionally ``title``, ``note``, ``tags``, ``metadata``) for a
    statement; ``kind="inference"`` and ``relation`` for an inference, whose
    premises and target are then read from its in- and out-edges. Title,
    description and metadata default to the graph's own ``graph`` attributes, and
    ``sources`` (needed when statements carry quotes; one :class:`~argmap.model.Source`,
    a list of them, or a dict of them by id as an ArgumentMap's graph holds) to its
    ``sources`` attribute.

    Raises
    ------
    ArgmapError
        Naming the node when the graph is not a valid map.
    """
    if not isinstance(graph, nx.DiGraph) or graph.is_multigraph():
        raise ArgmapError(
            f"from_networkx needs a networkx.DiGraph, not a {type(graph).__name__}: "
            "a map's edges have a direction and never repeat"
        )
    gattrs = graph.graph
    m = ArgumentMap(
        title if title is not None else gattrs.get("title"),
        description=description if description is not None else gattrs.get("description"),
        metadata=metadata if metadata is not None else gattrs.get("metadata"),
    )
    given = sources if sources is not None else gattrs.get("sources", ())
    if isinstance(given, Mapping):  # an ArgumentMap's graph keeps its sources by id
        given = given.values()
    for src in [given] if isinstance(given, Source) else given:
        m.add_source(src)
    pending: list[Inference] = []
    with gc_paused():
        for node, data in graph.nodes(data=True):
            model = _node_model(graph, node, data)
            if isinstance(model, Statement):
                m.add_statement(model)
            else:
                pending.append(model)
        m.add_inferences(pending, where="graph node {id!r}")
        _check_edges_match(graph, m)
    return m


def _node_model(graph: nx.DiGraph, node: Any, data: Mapping[str, Any]) -> Statement | Inference:
    where = f"graph node {node!r}"
    model = data.get("model")
    if model is not None:
        if not isinstance(model, (Statement, Inference)):
            raise ArgmapError(
                f"{where}: 'model' must be a Statement or Inference, not {type(model).__name__}",
                ids=[str(node)],
            )
        if model.id != node:
            raise ArgmapError(f"{where}: its model has id {model.id!r}", ids=[str(node)])
        expected = (
            {"kind": _INFERENCE, "relation": model.relation}
            if isinstance(model, Inference)
            else {"kind": model.kind}
        )
        for key, value in expected.items():
            if data.get(key, value) != value:
                raise ArgmapError(
                    f"{where}: attribute {key}={data[key]!r} contradicts its model "
                    f"({key} {value!r})",
                    ids=[str(node)],
                )
        return model
    fields = {k: v for k, v in data.items() if k not in {"kind", "relation"}}
    try:
        if data.get("kind") == _INFERENCE:
            # Inferences pointing here are undercuts of this one, not its premises.
            premises = [
                p for p in graph.predecessors(node) if graph.nodes[p].get("kind") != _INFERENCE
            ]
            targets = list(graph.successors(node))
            if len(targets) != 1:
                raise ArgmapError(
                    f"{where}: an inference needs exactly one out-edge (its target), "
                    f"found {len(targets)}",
                    ids=[str(node)],
                )
            return adapter(Inference).validate_python(
                {
                    **fields,
                    "id": node,
                    "relation": data.get("relation"),
                    "premises": premises,
                    "target": targets[0],
                }
            )
        return adapter(Statement).validate_python({**fields, "id": node, "kind": data.get("kind")})
    except ValidationError as err:
        detail = describe_validation_error(err, indent="")
        raise ArgmapError(f"{where}: {detail}", ids=[str(node)]) from None


def _check_edges_match(graph: nx.DiGraph, m: ArgumentMap) -> None:
    """The edges of ``graph`` must be exactly those the map's inferences imply, with no
    ``role``/``relation`` attribute saying otherwise."""
    for u, v, data in graph.edges(data=True):
        if not m.graph.has_edge(u, v):
            raise InvalidRelationError(
                f"graph edge {u!r} -> {v!r} is not part of any inference "
                "(statements connect only through inference nodes)",
                ids=[str(u), str(v)],
            )
        for key, value in m.graph.edges[u, v].items():
            if data.get(key, value) != value:
                raise InvalidRelationError(
                    f"graph edge {u!r} -> {v!r}: attribute {key}={data[key]!r} contradicts "
                    f"the inference ({key} {value!r})",
                    ids=[str(u), str(v)],
                )
    for u, v in m.graph.edges():
        if not graph.has_edge(u, v):
            raise InvalidRelationError(
                f"graph edge {u!r} -> {v!r} is missing: the model of inference "
                f"{v if m.graph.nodes[v]['kind'] == _INFERENCE else u!r} names it",
                ids=[str(u), str(v)],
            )
