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

import networkx as nx

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
    index, level, _ = _numbered_levels(statements, inferences, junctions)
    return dict(zip(index, level, strict=True))


def _numbered_levels(
    statements: Sequence[Statement], inferences: Sequence[Inference], junctions: Iterable[str]
) -> tuple[dict[str, int], list[int], int]:
    """:func:`levels` as each node's number (the order it is first met in: statements,
    then the ends of each inference's arrows, tail first), a list of levels by number,
    and how many distinct statement ids come first."""
    # Plain lists of node numbers, not a networkx graph: this runs on every drawing of
    # every size, and each pass over a large map's dicts costs more than its arithmetic.
    index: dict[str, int] = {}
    for s in statements:
        index.setdefault(s.id, len(index))
    distinct = len(index)
    joints = set(junctions)
    tails: list[int] = []
    heads: list[int] = []
    tail, head, number = tails.append, heads.append, index.setdefault
    for inf in inferences:
        # An arrow from each premise to the junction and one on to the target, or one
        # from each premise to the target.
        joint = inf.id in joints
        to = inf.id if joint else inf.target
        for p in inf.premises:
            tail(number(p, len(index)))
            head(number(to, len(index)))
        if joint:
            tail(index[to])
            head(number(inf.target, len(index)))
    start, heads = _by_tail(len(index), tails, heads)
    return index, _acyclic_levels(start, heads), distinct


def _by_tail(n: int, tails: list[int], heads: list[int]) -> tuple[list[int], list[int]]:
    """The arrows as adjacency lists: node ``u``'s heads are
    ``heads[start[u]:start[u + 1]]`` (a counting sort of the arrows by tail)."""
    start = [0] * (n + 1)
    for u in tails:
        start[u + 1] += 1
    for u in range(n):
        start[u + 1] += start[u]
    slot = start[:-1]
    adjacent = [0] * len(tails)
    for u, v in zip(tails, heads, strict=True):
        adjacent[slot[u]] = v
        slot[u] += 1
    return start, adjacent


def _acyclic_levels(start: list[int], heads: list[int]) -> list[int]:
    """Each node's level: the longest path of arrows leading to it, a cycle counted as
    one node. Kahn's algorithm takes the nodes no cycle leads to in topological order;
    what a cycle leads to (the cycles and what lies beyond them, often none) is left to
    :func:`_cyclic_levels`."""
    n = len(start) - 1
    waiting = [0] * n  # arrows into each node not yet followed
    for v in heads:
        waiting[v] += 1
    level = [0] * n
    order = [u for u in range(n) if not waiting[u]]
    for u in order:  # grows as nodes become ready
        up = level[u] + 1
        for v in heads[start[u] : start[u + 1]]:
            if level[v] < up:  # noqa: PLR1730 (max() is a call per arrow)
                level[v] = up
            waiting[v] -= 1
            if not waiting[v]:
                order.append(v)
    if len(order) < n:
        _cyclic_levels([u for u in range(n) if waiting[u]], start, heads, level)
    return level


def _cyclic_levels(rest: list[int], start: list[int], heads: list[int], level: list[int]) -> None:
    """Finish ``level`` for the nodes ``rest`` that Kahn's algorithm could not order
    (every arrow out of them stays among them): a component of a cycle is one node on
    the highest level any of its members was raised to, its arrows followed once the
    components that lead to it are done. ``rest`` is small (what cycles lead to), so
    networkx's condensation is cheap here."""
    g: nx.DiGraph[int] = nx.DiGraph()
    g.add_nodes_from(rest)
    g.add_edges_from((u, v) for u in rest for v in heads[start[u] : start[u + 1]])
    dag = nx.condensation(g)
    for c in nx.topological_sort(dag):
        members = dag.nodes[c]["members"]
        up = max(level[u] for u in members)
        for u in members:
            level[u] = up
        up += 1
        for u in members:
            for v in heads[start[u] : start[u + 1]]:
                if v not in members and level[v] < up:
                    level[v] = up


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
    index, level, distinct = _numbered_levels(statements, inferences, junctions)
    if distinct == len(statements):
        bt, lr = _sizes(statements, level, wrap, font_size)
    else:  # an id twice: what estimate_size makes of it
        boxes = {s.id: statement_box(s, wrap, font_size) for s in statements}
        by_id = dict(zip(index, level, strict=True))
        bt, lr = estimate_size(boxes, by_id, "BT"), estimate_size(boxes, by_id, "LR")
    target = math.log(TARGET_ASPECT)

    def miss(size: Box) -> float:
        width, height = size
        return abs(math.log(max(width, 0.01) / max(height, 0.01)) - target)

    return "LR" if miss(lr) < miss(bt) - LR_MARGIN else "BT"


def _sizes(
    statements: Sequence[Statement], level: list[int], wrap: int, font_size: float
) -> tuple[Box, Box]:
    """:func:`estimate_size` ``BT`` and ``LR`` of the nodes on ``level`` (numbered as by
    :func:`_numbered_levels`, each statement once), in one pass: the same sums, of the
    same boxes, in the same order."""
    rows: dict[int, tuple[list[float], list[float]]] = {}
    em = font_size / 72
    line = wrap * 0.85
    for s, rank in zip(statements, level, strict=False):  # statement_box, inline
        text, title, kind = s.text, s.title, s.kind
        if title:
            lines = 1 + math.ceil((len(text) + len(title)) / line) + 1
        else:
            lines = 1 + math.ceil(len(text) / line)
        width_chars = min(max(len(text), len(kind) + 2), wrap)
        row = rows.get(rank)
        if row is None:
            row = rows[rank] = ([], [])
        row[0].append(width_chars * 0.55 * em + 0.3)
        row[1].append(lines * 1.2 * em + 0.2)
    for rank in level[len(statements) :]:
        row = rows.get(rank)
        if row is None:
            row = rows[rank] = ([], [])
        row[0].append(_JUNCTION[0])
        row[1].append(_JUNCTION[1])
    sizes = []
    for vertical in (True, False):
        across = []  # as estimate_size: each level's extent along it, and its depth
        deep = []
        for widths, heights in rows.values():
            across.append(sum(widths if vertical else heights) + _NODESEP * (len(widths) - 1))
            deep.append(max(heights if vertical else widths))
        spread = max(across, default=0.0)
        depth = sum(deep) + _RANKSEP * max(0, len(deep) - 1)
        sizes.append((spread, depth) if vertical else (depth, spread))
    return sizes[0], sizes[1]
