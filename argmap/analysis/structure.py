"""Structural analysis: plain functions over a map, networkx style.

They read the map's shape, not its truth: how deep the support for each statement
goes, which counterpoints nobody answered, which premises carry several arguments.
Every function returns ids in map order (the order statements were added).
"""

from __future__ import annotations

import networkx as nx

from argmap.map import ArgumentMap

__all__ = [
    "isolated_statements",
    "main_conclusions",
    "shared_premises",
    "support_cycles",
    "support_depth",
    "unanswered_counterpoints",
    "unsupported_claims",
]


def main_conclusions(m: ArgumentMap) -> list[str]:
    """Claims that are a premise of no inference: what the map argues for, in the end.

    Examples
    --------
    >>> import argmap as am
    >>> m = am.ArgumentMap()
    >>> c = m.claim("C", id="c")
    >>> d = m.claim("D", id="d", supports=c)
    >>> main_conclusions(m)
    ['c']
    """
    return [s.id for s in m.main_conclusions()]


def _support_graph(m: ArgumentMap) -> nx.DiGraph:
    g = nx.DiGraph()
    g.add_nodes_from(s.id for s in m.statements)
    for inf in m.inferences:
        if inf.relation == "support":
            g.add_edges_from((p, inf.target) for p in inf.premises)
    return g


def support_depth(m: ArgumentMap) -> dict[str, int]:
    """For each statement, the number of support steps in its longest chain of reasons.

    A statement with no reasons has depth 0; one supported only by such statements has
    depth 1, and so on. Statements in a support cycle count as one step together (the
    depth is taken over the cycle-free graph of strongly connected groups).

    Examples
    --------
    >>> import argmap as am
    >>> m = am.ArgumentMap()
    >>> c = m.claim("C", id="c")
    >>> p = m.premise("P", id="p", supports=c)
    >>> q = m.premise("Q", id="q", supports=p)
    >>> support_depth(m)
    {'c': 2, 'p': 1, 'q': 0}
    """
    g = _support_graph(m)
    cond = nx.condensation(g)
    depth_of: dict[int, int] = {}
    for node in nx.topological_sort(cond):
        preds = list(cond.predecessors(node))
        depth_of[node] = 1 + max(depth_of[p] for p in preds) if preds else 0
    mapping = cond.graph["mapping"]
    return {s.id: depth_of[mapping[s.id]] for s in m.statements}


def unsupported_claims(m: ArgumentMap) -> list[str]:
    """Claims that no inference supports."""
    return [s.id for s in m.statements if s.kind == "claim" and not m.reasons(s.id)]


def unanswered_counterpoints(m: ArgumentMap) -> list[str]:
    """Counterpoints that attack or undercut something and that nothing attacks or
    undercuts in turn (the objections the map leaves standing). A counterpoint's
    attack on itself does not answer it: only the rest of the map can.

    Examples
    --------
    >>> import argmap as am
    >>> m = am.ArgumentMap()
    >>> c = m.claim("C", id="c")
    >>> k1 = m.counterpoint("K1", id="k1", attacks=c)
    >>> k2 = m.counterpoint("K2", id="k2", attacks=c)
    >>> r = m.premise("R", id="r", attacks=k1)
    >>> unanswered_counterpoints(m)
    ['k2']
    """
    g = m.graph
    out = []
    for s in m.statements:
        if s.kind != "counterpoint":
            continue
        objects = any(g.nodes[i]["relation"] in ("attack", "undercut") for i in g.successors(s.id))
        answers = [*m.objections(s.id), *(o for i in g.successors(s.id) for o in m.objections(i))]
        answered = any(any(p != s.id for p in o.premises) for o in answers)
        if objects and not answered:
            out.append(s.id)
    return out


def isolated_statements(m: ArgumentMap) -> list[str]:
    """Statements with no relation at all."""
    return [s.id for s in m.statements if m.graph.degree(s.id) == 0]


def shared_premises(m: ArgumentMap) -> dict[str, list[str]]:
    """Statements that are a premise of two or more inferences, with those inferences.

    Examples
    --------
    >>> import argmap as am
    >>> m = am.ArgumentMap()
    >>> a, b = m.claim("A", id="a"), m.claim("B", id="b")
    >>> p = m.premise("P", id="p", supports=a)
    >>> _ = m.support(p, b)
    >>> shared_premises(m)
    {'p': ['p-supports-a', 'p-supports-b']}
    """
    out: dict[str, list[str]] = {}
    for s in m.statements:
        uses = [i.id for i in m.uses(s.id)]
        if len(uses) > 1:
            out[s.id] = uses
    return out


def support_cycles(m: ArgumentMap) -> list[list[str]]:
    """Groups of statements that support each other in a circle (each in map order)."""
    order = {s.id: i for i, s in enumerate(m.statements)}
    groups = [c for c in nx.strongly_connected_components(_support_graph(m)) if len(c) > 1]
    return sorted((sorted(c, key=order.__getitem__) for c in groups), key=lambda c: order[c[0]])
