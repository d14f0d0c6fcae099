"""Layout choices made from a map's shape: the direction when none is given.

Graphviz's ``dot`` puts the statements on levels (ranks): each arrow goes from a reason
up one or more levels to what it bears on. A map with many reasons for one claim has
few levels, each crowded: drawn bottom to top (``BT``) it is a wide banner, drawn left
to right (``LR``) it is a column. A long chain of reasons is the opposite.
:func:`choose_direction` estimates both drawings' width and height from the levels and
the sizes of the labels on them, and picks the one whose shape is nearer 4:3
(landscape, a screen's or a slide's). ``BT``, the habit of argument maps (conclusions
on top), is kept unless ``LR``'s shape is nearer by more than :data:`LR_MARGIN`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from argmap.model import Inference, Statement
from argmap.render.style import Direction

__all__ = [
    "LR_MARGIN",
    "TARGET_ASPECT",
    "Box",
    "choose_direction",
    "estimate_size",
    "levels",
    "statement_box",
]

TARGET_ASPECT = 4 / 3
"""The width:height ratio :func:`choose_direction` aims for."""

LR_MARGIN = math.log(1.5)
"""How much nearer :data:`TARGET_ASPECT` (in log ratio: a factor of 1.5) ``LR`` must
bring the drawing for :func:`choose_direction` to pick it over ``BT``."""

Box = tuple[float, float]
"""A node's estimated (width, height) in inches, as drawn bottom to top."""

# Graphviz's gaps, in inches, as argmap's DOT sets them (nodesep, ranksep).
_NODESEP = 0.3
_RANKSEP = 0.5
_JUNCTION: Box = (0.13, 0.13)


def statement_box(s: Statement, wrap: int, font_size: float) -> Box:
    """A statement's label size estimated from its text: a kind line, the title and
    text wrapped at ``wrap`` characters, Helvetica's average character about 0.55 em."""
    chars = len(s.text) + (len(s.title) if s.title else 0)
    lines = 1 + math.ceil(chars / (wrap * 0.85)) + (1 if s.title else 0)
    width_chars = min(max(len(s.text), len(s.kind) + 2), wrap)
    em = font_size / 72
    return (width_chars * 0.55 * em + 0.3, lines * 1.2 * em + 0.2)


def levels(
    statements: Sequence[Statement], inferences: Sequence[Inference], junctions: Iterable[str]
) -> dict[str, int]:
    """The level ``dot`` puts each drawn node on (statements and junctions): the
    longest path of arrows leading to it from a node with none, a cycle counted as one
    node.

    >>> import argmap as am
    >>> m = am.ArgumentMap()
    >>> c = m.claim("Tax sugar", id="c")
    >>> p = m.premise("Sugar harms", id="p", supports=c)
    >>> _ = m.premise("Harm costs", id="q", supports=p)
    >>> levels(list(m.statements), list(m.inferences), ())
    {'c': 2, 'p': 1, 'q': 0}
    """
    # Plain dicts, not a networkx graph: this runs on every drawing of every size.
    succ: dict[str, list[str]] = {s.id: [] for s in statements}
    joints = set(junctions)
    for inf in inferences:
        ends = (
            [*((p, inf.id) for p in inf.premises), (inf.id, inf.target)]
            if inf.id in joints
            else [(p, inf.target) for p in inf.premises]
        )
        for u, v in ends:
            succ.setdefault(u, []).append(v)
            succ.setdefault(v, [])
    component = _components(succ)
    # Tarjan's algorithm finds the components in reverse topological order, and
    # ``component`` holds their members in the order found: backwards, each component's
    # level is final (all that lead to it are done) before its arrows are followed.
    level = [0] * len(component)
    for u, c in reversed(component.items()):
        up = level[c] + 1
        for v in succ[u]:
            d = component[v]
            if d != c and level[d] < up:
                level[d] = up
    return {n: level[component[n]] for n in succ}


def _components(succ: dict[str, list[str]]) -> dict[str, int]:
    """Each node's strongly connected component, numbered in the order Tarjan's
    algorithm finds them: a component only after every component it reaches."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    component: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = 0
    for root, out in succ.items():
        if root in index:
            continue
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        work = [(root, iter(out))]
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(succ[child])))
                    break
                if child in on_stack and index[child] < low[node]:
                    low[node] = index[child]
            else:
                work.pop()
                if work and low[node] < low[work[-1][0]]:
                    low[work[-1][0]] = low[node]
                if low[node] == index[node]:
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component[member] = found
                        if member == node:
                            break
                    found += 1
    return component


def estimate_size(boxes: dict[str, Box], level: dict[str, int], direction: Direction) -> Box:
    """The (width, height) in inches of a drawing with these node boxes on these levels."""
    by_level: dict[int, list[Box]] = {}
    for node, rank in level.items():
        by_level.setdefault(rank, []).append(boxes.get(node, _JUNCTION))
    across = []  # the extent of each level along it, and its depth across levels
    deep = []
    vertical = direction in ("BT", "TB")
    for row in by_level.values():
        along = [w if vertical else h for w, h in row]
        across.append(sum(along) + _NODESEP * (len(row) - 1))
        deep.append(max(h if vertical else w for w, h in row))
    spread = max(across, default=0.0)
    depth = sum(deep) + _RANKSEP * max(0, len(deep) - 1)
    return (spread, depth) if vertical else (depth, spread)


def choose_direction(
    statements: Sequence[Statement],
    inferences: Sequence[Inference],
    junctions: Iterable[str],
    *,
    wrap: int,
    font_size: float,
) -> Direction:
    """``LR`` if it gives the drawing a shape nearer :data:`TARGET_ASPECT` than ``BT``
    does, by more than :data:`LR_MARGIN`; else ``BT``. Sizes are estimated by
    :func:`estimate_size` from :func:`levels` and :func:`statement_box`.

    >>> import argmap as am
    >>> m = am.ArgumentMap()
    >>> c = m.claim("Tax sugar", id="c")
    >>> for n in range(8):
    ...     _ = m.premise(f"Reason number {n} for taxing sugar", supports=c)
    >>> choose_direction(list(m.statements), list(m.inferences), (), wrap=32, font_size=11)
    'LR'
    """
    level = levels(statements, inferences, junctions)
    boxes = {s.id: statement_box(s, wrap, font_size) for s in statements}
    target = math.log(TARGET_ASPECT)

    def miss(direction: Direction) -> float:
        width, height = estimate_size(boxes, level, direction)
        return abs(math.log(max(width, 0.01) / max(height, 0.01)) - target)

    return "LR" if miss("LR") < miss("BT") - LR_MARGIN else "BT"
