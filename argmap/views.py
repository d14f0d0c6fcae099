"""Views: sub-maps that draw a large map a piece at a time, counting what they leave out.

:func:`focus` keeps the statements near one element; :func:`view` keeps statements by tag,
kind or id. Both return a :class:`MapView`: an ordinary :class:`~argmap.ArgumentMap`
(holding the kept statements and every inference among them) that also remembers what
was left out. Each hidden statement is counted once, at the visible statement nearest to
it (:attr:`MapView.hidden`), and the drawing shows that count as a ``+N`` marker (beyond
the statement for what it bears on, before it for its reasons and objections); hidden
statements with no path to anything visible are counted in :attr:`MapView.detached`. So
``sum(v.hidden.values()) + v.detached == v.hidden_statements``: nothing disappears
silently.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Collection, Iterable, Mapping

from argmap.errors import OptionError
from argmap.map import ArgumentMap, Ref, _ref_id, _strings
from argmap.model import Inference, Statement, StatementKind

__all__ = ["OVERVIEW_LIMIT", "MapView", "focus", "overview", "view"]


class MapView(ArgumentMap):
    """A sub-map of ``source`` that records what it hides.

    Parameters
    ----------
    source : ArgumentMap
        The map (or view) to take the sub-map from.
    keep : str or iterable of str
        Ids of the statements to show (one string is one id); every inference among
        them comes along.

    Attributes
    ----------
    hidden : dict of str to int
        For a visible statement id, the number of hidden statements counted there (only
        ids with a count above zero appear), in map order.
    hidden_above : dict of str to int
        The part of :attr:`hidden` reached through what the statement bears on (its
        conclusions and their surroundings), drawn as a ``+N`` beyond it; the rest was
        reached through its reasons and objections and is drawn on their side.
    detached : int
        Hidden statements not connected to any visible statement.
    source_statements, source_inferences : int
        Sizes of the map the view was taken from (of its source, for a view of a view).
    """

    hidden: dict[str, int]
    hidden_above: dict[str, int]
    detached: int
    source_statements: int
    source_inferences: int

    def __init__(self, source: ArgumentMap, keep: str | Iterable[str]) -> None:
        super().__init__(source.title, description=source.description, metadata=source.metadata)
        keep_set = set(_strings(keep, "keep"))  # one id is one id, not its letters
        # Sources the statements quote come along (maps without sources have none).
        add_source = getattr(self, "add_source", None)
        for src in getattr(source, "sources", ()):
            add_source(src)  # type: ignore[misc]
        for s in source.statements:
            if s.id in keep_set:
                self.add_statement(s)
        # Keep every inference whose premises and target are kept (for an undercut: whose
        # target inference is kept), in source order.
        self.add_inferences(_kept_inferences(source, keep_set))

        parent = source if isinstance(source, MapView) else None
        carried = {  # what the parent view already counted at each statement
            s.id: (
                parent.hidden.get(s.id, 0) - parent.hidden_above.get(s.id, 0),
                parent.hidden_above.get(s.id, 0),
            )
            if parent
            else (0, 0)
            for s in source
        }
        below, above, unreached = _assign(source, [s.id for s in self], carried)
        self.hidden = {k: below.get(k, 0) + above.get(k, 0) for k in [s.id for s in self]}
        self.hidden = {k: n for k, n in self.hidden.items() if n}
        self.hidden_above = {k: n for k, n in above.items() if n}
        self.detached = unreached + (parent.detached if parent else 0)
        self.source_statements = parent.source_statements if parent else len(source)
        self.source_inferences = (
            parent.source_inferences if parent else sum(1 for _ in source.inferences)
        )

    @property
    def hidden_statements(self) -> int:
        """How many statements of the source map this view does not show."""
        return self.source_statements - len(self)

    @property
    def hidden_inferences(self) -> int:
        """How many inferences of the source map this view does not show."""
        return self.source_inferences - sum(1 for _ in self.inferences)

    def summary(self) -> str:
        """One line saying what the view shows and hides.

        >>> import argmap as am
        >>> m = am.ArgumentMap()
        >>> c = m.claim("C", id="c")
        >>> p = m.premise("P", id="p", supports=c)
        >>> q = m.premise("Q", id="q", supports=p)
        >>> m.focus("c").summary()
        'showing 2 of 3 statements and 1 of 2 inferences; +N markers count 1 hidden statement'
        """
        n_inf = sum(1 for _ in self.inferences)
        text = (
            f"showing {len(self)} of {self.source_statements} statements and "
            f"{n_inf} of {self.source_inferences} inferences"
        )
        marked = self.hidden_statements - self.detached
        if marked:
            text += f"; +N markers count {marked} hidden statement{'s' if marked != 1 else ''}"
        if self.detached:
            text += f"; {self.detached} more not connected to anything shown"
        return text

    def __repr__(self) -> str:
        return (
            f"MapView(title={self.title!r}, statements={len(self)}/{self.source_statements}, "
            f"inferences={sum(1 for _ in self.inferences)}/{self.source_inferences})"
        )


def _kept_inferences(m: ArgumentMap, keep: set[str]) -> list[Inference]:
    """The inferences of ``m`` whose premises are all in ``keep`` and whose target is in
    ``keep`` (for an undercut: is itself kept), in map order. Undercut chains are
    followed without recursion, each inference decided once."""
    inferences = list(m.inferences)
    by_id = {inf.id: inf for inf in inferences}
    decided: dict[str, bool] = {}
    for inf in inferences:
        chain: list[Inference] = []
        x: Inference | None = inf
        verdict = False
        while x is not None:
            if x.id in decided:
                verdict = decided[x.id]
                break
            if not set(x.premises) <= keep:
                decided[x.id] = False
                break
            if x.target in keep:
                decided[x.id] = True
                verdict = True
                break
            chain.append(x)
            x = by_id.get(x.target)
        for y in chain:  # each waits on the one it undercuts
            decided[y.id] = verdict
    return [inf for inf in inferences if decided[inf.id]]


def _statements_of(m: ArgumentMap, inf: Inference) -> list[str]:
    """The premises of ``inf`` followed by its target's statements: for an undercut, the
    statements of the inference it undercuts (following the chain without recursion)."""
    out: list[str] = []
    x = inf
    while x.relation == "undercut":
        out.extend(x.premises)
        x = m.inference(x.target)
    out.extend(x.premises)
    out.append(x.target)
    return out


class _Steps:
    """Which statements are one reasoning step apart, without listing every pair.

    Two statements are one step apart when one inference (with what it undercuts)
    involves both: the *members* of an inference are its premises followed by its
    target, or for an undercut by the members of the inference it undercuts. A step
    taken from a premise to the other members (its target side) goes *up*.

    :meth:`expand` gives a statement's unvisited neighbours in the order of the full
    adjacency list (inference by inference in map order; per inference the members,
    premises first), visiting each inference at most once: after one of its members
    has been expanded, all its members (and those of every inference it undercuts,
    which are among them) have been visited. So a linked step with k premises costs k,
    not k squared, and a chain of n undercuts n, not n cubed.
    """

    def __init__(self, m: ArgumentMap) -> None:
        self.inferences = list(m.inferences)
        self.index = {inf.id: i for i, inf in enumerate(self.inferences)}
        # Per inference: the inference it undercuts (-1 for none), the undercuts of it.
        self.below = [
            self.index[inf.target] if inf.relation == "undercut" else -1 for inf in self.inferences
        ]
        self.above: list[list[int]] = [[] for _ in self.inferences]
        for i, b in enumerate(self.below):
            if b >= 0:
                self.above[b].append(i)
        # Per statement: the inferences it is a premise or the target statement of.
        self.direct: dict[str, list[int]] = {s.id: [] for s in m}
        for i, inf in enumerate(self.inferences):
            for p in dict.fromkeys(inf.premises):
                self.direct[p].append(i)
            if inf.relation != "undercut":
                self.direct[inf.target].append(i)
        self.expanded = [False] * len(self.inferences)
        self.closed = [False] * len(self.inferences)  # it and all undercuts of it expanded

    def _containing(self, node: str) -> list[int]:
        """The inferences with ``node`` among their members that are not closed, in map
        order (an inference's members are among the members of every undercut of it)."""
        found: set[int] = set()
        stack = [i for i in self.direct[node] if not self.closed[i]]
        while stack:
            i = stack.pop()
            if i in found:
                continue
            found.add(i)
            stack.extend(u for u in self.above[i] if not self.closed[u])
        return sorted(found)

    def expand(self, node: str, seen: Mapping[str, object]) -> list[tuple[str, bool]]:
        """The neighbours of ``node`` not in ``seen``, in adjacency order, each with the
        flag of the first step reaching it (True: from a premise to its target side).
        The caller must add them all to ``seen``."""
        out: list[tuple[str, bool]] = []
        new: set[str] = set()
        containing = self._containing(node)
        for i in containing:
            if self.expanded[i]:
                continue
            inf = self.inferences[i]
            up = node in inf.premises
            for p in inf.premises:
                if p not in seen and p not in new and p != node:
                    new.add(p)
                    out.append((p, False))
            j = i
            while True:
                self.expanded[j] = True
                b = self.below[j]
                target = self.inferences[j].target
                if b < 0:
                    if target not in seen and target not in new and target != node:
                        new.add(target)
                        out.append((target, up))
                    break
                if self.expanded[b]:
                    break
                for p in self.inferences[b].premises:
                    if p not in seen and p not in new and p != node:
                        new.add(p)
                        out.append((p, up))
                j = b
        for i in containing:  # every one is expanded now, and so is all above it
            self.closed[i] = True
        return out


def _assign(
    m: ArgumentMap, visible: list[str], carried: Mapping[str, tuple[int, int]]
) -> tuple[dict[str, int], dict[str, int], int]:
    """Count each hidden statement at the nearest visible one (breadth first from all
    visible statements in map order), on the side of the first step taken from it.

    ``carried`` gives, per statement, the (below, above) counts an earlier view had put
    there: they move with the statement. Returns the below and above counts per visible
    statement and the number of hidden statements reached from nothing visible.
    """
    steps = _Steps(m)
    owner: dict[str, tuple[str, bool]] = {v: (v, False) for v in visible}
    queue = deque(visible)
    while queue:
        node = queue.popleft()
        source, up = owner[node]
        for nb, step_up in steps.expand(node, owner):
            owner[nb] = (source, step_up if node == source else up)
            queue.append(nb)
    below = dict.fromkeys(visible, 0)
    above = dict.fromkeys(visible, 0)
    unreached = 0
    for s in m:
        down_n, up_n = carried[s.id]
        if s.id in below:
            below[s.id] += down_n
            above[s.id] += up_n
        elif s.id in owner:
            source, up = owner[s.id]
            (above if up else below)[source] += 1 + down_n + up_n
        else:
            unreached += 1 + down_n + up_n
    return below, above, unreached


def focus(m: ArgumentMap, ref: Ref, depth: int = 1) -> MapView:
    """The statements within ``depth`` reasoning steps of ``ref`` (a statement or an
    inference), with every inference among them.

    One step links the statements of one inference: its premises and its target (for an
    undercut, its premises and the statements of the inference it undercuts).

    Raises
    ------
    NodeNotFoundError
        ``ref`` is not in the map.
    TypeError
        ``ref`` is not one element (e.g. a list).
    OptionError
        ``depth`` is negative (it is a ``ValueError`` too).

    Examples
    --------
    >>> import argmap as am
    >>> m = am.ArgumentMap()
    >>> c = m.claim("C", id="c")
    >>> p = m.premise("P", id="p", supports=c)
    >>> q = m.premise("Q", id="q", supports=p)
    >>> v = m.focus("c", depth=1)
    >>> [s.id for s in v], v.hidden
    (['c', 'p'], {'p': 1})
    """
    if depth < 0:
        raise OptionError(f"depth must be >= 0, got {depth}")
    start = _ref_id(ref, "focus()")
    model = m[start]
    seeds = [start] if isinstance(model, Statement) else _statements_of(m, model)
    steps = _Steps(m)
    dist = dict.fromkeys(seeds, 0)
    queue = deque(seeds)
    while queue:
        node = queue.popleft()
        if dist[node] >= depth:
            continue
        for nb, _ in steps.expand(node, dist):
            dist[nb] = dist[node] + 1
            queue.append(nb)
    return MapView(m, dist)


OVERVIEW_LIMIT = 500
"""How many statements :func:`overview` keeps by default: Graphviz's ``dot`` draws that
many (with their ``+N`` markers) in a few seconds; see docs/rendering.md for the times."""


def overview(m: ArgumentMap, limit: int = OVERVIEW_LIMIT) -> MapView:
    """The top of a large map: the ``limit`` statements nearest its main conclusions.

    Statements are taken level by level, breadth first, from the main conclusions (the
    statements that bear on nothing; for a map whose every statement bears on another,
    its first statement), in map order within a level, until ``limit`` are taken; every
    hidden statement is counted on a ``+N`` marker of the visible one it is reached
    through, and the drawing's caption says how much is shown. A map of at most
    ``limit`` statements is shown whole.

    Raises
    ------
    OptionError
        ``limit`` is below 1 (it is a ``ValueError`` too).

    Examples
    --------
    >>> import argmap as am
    >>> m = am.ArgumentMap()
    >>> c = m.claim("C", id="c")
    >>> for n in range(5):
    ...     p = m.premise(f"P{n}", id=f"p{n}", supports=c)
    ...     _ = m.premise(f"Q{n}", id=f"q{n}", supports=p)
    >>> v = overview(m, limit=6)
    >>> [s.id for s in v], v.hidden
    (['c', 'p0', 'p1', 'p2', 'p3', 'p4'], {'p0': 1, 'p1': 1, 'p2': 1, 'p3': 1, 'p4': 1})
    """
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise OptionError(f"limit must be a whole number of statements >= 1, got {limit!r}")
    statements = [s.id for s in m]
    if len(statements) <= limit:
        return MapView(m, statements)
    seeds = [s.id for s in m.main_conclusions()] or statements[:1]
    steps = _Steps(m)
    seen: dict[str, int] = dict.fromkeys(seeds[:limit], 0)
    queue = deque(seen)
    while queue and len(seen) < limit:
        node = queue.popleft()
        for nb, _ in steps.expand(node, seen):
            if len(seen) >= limit:
                break
            seen[nb] = seen[node] + 1
            queue.append(nb)
    return MapView(m, seen)


def view(
    m: ArgumentMap,
    *,
    tags: str | Collection[str] | None = None,
    kinds: StatementKind | Collection[StatementKind] | None = None,
    ids: str | Collection[str] | None = None,
) -> MapView:
    """The statements that have any of ``tags``, are of one of ``kinds`` and are among
    ``ids`` (each filter applies only when given), with every inference among them.

    Each filter takes a list (or any collection) of strings, or one string for a single
    value: ``tags="economy"`` is ``tags=["economy"]``, not its letters.

    Raises
    ------
    OptionError
        A kind is not ``claim``, ``premise`` or ``counterpoint`` (a ``ValueError`` too).
    NodeNotFoundError
        An id is not in the map.

    Examples
    --------
    >>> import argmap as am
    >>> m = am.ArgumentMap()
    >>> c = m.claim("C", id="c", tags=["econ"])
    >>> p = m.premise("P", id="p", supports=c, tags=["econ"])
    >>> k = m.counterpoint("K", id="k", attacks=c)
    >>> v = m.view(tags=["econ"])
    >>> [s.id for s in v], v.hidden
    (['c', 'p'], {'c': 1})
    >>> [s.id for s in m.view(tags="econ", kinds="premise")]
    ['p']
    """
    kind_set = set(_strings(kinds, "kinds")) if kinds is not None else None
    if kind_set is not None:
        bad = sorted(kind_set - {"claim", "premise", "counterpoint"})
        if bad:
            raise OptionError(
                f"unknown statement kind(s) {', '.join(map(repr, bad))}; "
                "use claim, premise or counterpoint"
            )
    id_set = None
    if ids is not None:
        id_list = _strings(ids, "ids")  # once: ids may be a generator
        for id in id_list:
            m.statement(id)
        id_set = set(id_list)
    tag_set = set(_strings(tags, "tags")) if tags is not None else None
    keep = [
        s.id
        for s in m
        if (tag_set is None or tag_set & set(s.tags))
        and (kind_set is None or s.kind in kind_set)
        and (id_set is None or s.id in id_set)
    ]
    return MapView(m, keep)
