"""Extension semantics of abstract argumentation: which arguments can stand together.

Every function takes an :class:`~argmap.analysis.framework.ArgumentationFramework`
first -- or an :class:`~argmap.map.ArgumentMap`, turned into one by
:func:`~argmap.analysis.framework.from_map` (supports ignored; call
``from_map(m, support=...)`` yourself for another mode) -- and returns extensions as
``frozenset`` of argument names (lists of them are sorted: by size, then by the
arguments' order in the framework), or a labelling ``{argument: "in" | "out" | "undec"}``.
An unknown semantics raises :class:`~argmap.errors.OptionError`.

How it is computed
------------------
* **grounded** -- the least fixed point of the characteristic function, by one pass
  of a work queue over the attacks (linear time, [2]_).
* Every complete extension contains the grounded one and rejects what it attacks, so
  the other semantics only search the *undecided* rest of the grounded labelling.
* **preferred** and **stable** use the SCC-recursive schema of Baroni, Giacomin and
  Guida [3]_: strongly connected components are solved one at a time in topological
  order, each knowing what its upstream components decided; inside a component a
  backtracking search over complete labellings with constraint propagation (an
  argument is ``in`` iff all its attackers are ``out``, ``out`` iff some attacker is
  ``in``) finds the local extensions. No subset of arguments is ever enumerated.
* **complete** enumerates complete labellings with the same search; **semi-stable**
  are the stable extensions when there are any, else the range-maximal preferred ones
  [4]_; **ideal** is the largest admissible subset of the sceptically preferred
  arguments [5]_.

The number of extensions can itself grow exponentially with the framework; grounded
and ideal always have exactly one.

Which solver answers
--------------------
Every function but :func:`grounded` and :func:`labelling` takes ``solver=``:

* ``"search"`` -- the pure-Python search above; always there.
* ``"sat"`` -- the SAT encodings of :mod:`argmap.analysis._sat`, solved by
  python-sat (``pip install 'argmap[solver]'``) on the part the grounded labelling
  leaves undecided: complete labellings as clauses, preferred extensions grown
  CEGAR-style, semi-stable ones by growing a range to a maximum and then listing
  every complete extension with exactly that range, acceptance as one or a few solver
  calls. An :class:`~argmap.errors.OptionError` says how to install it when it is
  missing.
* ``"auto"`` (the default) -- ``"sat"`` when the grounded labelling leaves a strongly
  connected part of more than :data:`AUTO_SAT_ABOVE` undecided arguments (dense
  frameworks, where the search is exponential) -- for semi-stable, more than that many
  undecided arguments in all, since the search has to list every preferred extension
  to compare their ranges -- and python-sat is installed; else ``"search"`` (sparse,
  debate-like maps, which grounded and the SCC decomposition settle at once; python-sat
  is not even looked for then).

Both give the same extensions (the tests check each against independent solvers).
:func:`iter_extensions` is a generator: with the SAT solver the first extension comes
back after one solver call, however many there are. :func:`accepted` and
:func:`some_extension` answer the ICCMA decision problems without enumerating.

References
----------
.. [1] P. M. Dung, Artificial Intelligence 77 (1995) 321-357.
.. [2] S. Modgil, M. Caminada, "Proof theories and algorithms for abstract
   argumentation frameworks", in Argumentation in Artificial Intelligence (2009).
.. [3] P. Baroni, M. Giacomin, G. Guida, "SCC-recursiveness: a general schema for
   argumentation semantics", Artificial Intelligence 168 (2005) 162-210.
.. [4] M. Caminada, W. Carnielli, P. Dunne, "Semi-stable semantics", J. Logic and
   Computation 22 (2012) 1207-1254.
.. [5] P. M. Dung, P. Mancarella, F. Toni, "Computing ideal sceptical argumentation",
   Artificial Intelligence 171 (2007) 642-674.
"""

from __future__ import annotations

import importlib.util
import itertools
from collections.abc import Iterator, Sequence
from typing import Literal, TypeAlias

from argmap.analysis._options import check_option
from argmap.analysis.framework import ArgumentationFramework, BipolarFramework, from_map
from argmap.errors import ArgumentTypeError, OptionError
from argmap.map import ArgumentMap

__all__ = [
    "AUTO_SAT_ABOVE",
    "SEMANTICS",
    "SOLVERS",
    "AcceptanceMode",
    "FrameworkLike",
    "Label",
    "Semantics",
    "SolverChoice",
    "accepted",
    "complete",
    "credulous",
    "extensions",
    "grounded",
    "ideal",
    "iter_extensions",
    "labelling",
    "labellings",
    "preferred",
    "sat_available",
    "sceptical",
    "semi_stable",
    "some_extension",
    "stable",
]

Semantics = Literal["grounded", "complete", "preferred", "stable", "semi-stable", "ideal"]
SEMANTICS: tuple[str, ...] = ("grounded", "complete", "preferred", "stable", "semi-stable", "ideal")
"""The semantics :func:`extensions` knows."""

Label = Literal["in", "out", "undec"]

SolverChoice = Literal["auto", "sat", "search"]
SOLVERS: tuple[str, ...] = ("auto", "sat", "search")
"""The values of ``solver=``: see the module's *Which solver answers*."""

AcceptanceMode = Literal["credulous", "sceptical"]
_MODES = ("credulous", "sceptical")

AUTO_SAT_ABOVE = 24
"""With ``solver="auto"``, the SAT solver answers when the grounded labelling leaves a
strongly connected part with more undecided arguments than this (for semi-stable: more
undecided arguments in all)."""

FrameworkLike: TypeAlias = "ArgumentationFramework | ArgumentMap"
"""What the semantics take: a framework, or a map (read through ``from_map(m)``)."""


def _framework(source: object, caller: str) -> ArgumentationFramework:
    """``source`` as a framework: a map goes through :func:`from_map`; anything else is a
    TypeError that says what to pass."""
    if isinstance(source, ArgumentationFramework):
        return source
    if isinstance(source, ArgumentMap):
        return from_map(source)
    hint = ""
    if isinstance(source, BipolarFramework):
        hint = "; turn a BipolarFramework into one with b.to_af(support)"
    raise ArgumentTypeError(
        f"{caller}() takes an ArgumentationFramework or an ArgumentMap, got "
        f"{type(source).__name__}{hint}"
    )


_UNK, _IN, _OUT, _UND = 0, 1, 2, 3
_UNDB = 4  # undec as a domain bit


class _Graph:
    """Integer-indexed attack lists of a framework."""

    __slots__ = ("af", "att", "by", "n", "names")

    def __init__(self, af: ArgumentationFramework) -> None:
        self.af = af
        self.names = af.arguments
        self.n = len(self.names)
        index = {a: i for i, a in enumerate(self.names)}
        self.by: list[list[int]] = [[] for _ in range(self.n)]  # attackers of i
        self.att: list[list[int]] = [[] for _ in range(self.n)]  # attacked by i
        for a, b in af.attacks:
            i, j = index[a], index[b]
            self.by[j].append(i)
            self.att[i].append(j)

    def ext(self, members: Iterator[int] | set[int] | frozenset[int]) -> frozenset[str]:
        names = self.names
        return frozenset(names[i] for i in members)


# ----------------------------------------------------------------- grounded
def _grounded_labels(g: _Graph) -> list[int]:
    """Grounded labelling by a work queue: each attack is looked at at most twice."""
    lab = [_UNK] * g.n
    missing = [len(b) for b in g.by]  # attackers not yet labelled out
    queue = [i for i in range(g.n) if missing[i] == 0]
    for i in queue:
        lab[i] = _IN
    head = 0
    while head < len(queue):
        i = queue[head]
        head += 1
        for j in g.att[i]:
            if lab[j] == _UNK:
                lab[j] = _OUT
                for k in g.att[j]:
                    if lab[k] == _UNK:
                        missing[k] -= 1
                        if missing[k] == 0:
                            lab[k] = _IN
                            queue.append(k)
    return [_UND if x == _UNK else x for x in lab]


def grounded(af: FrameworkLike) -> frozenset[str]:
    """The grounded extension: what is accepted without any choice (linear time).

    Examples
    --------
    >>> af = ArgumentationFramework(["a", "b", "c"], [("a", "b"), ("b", "c")])
    >>> sorted(grounded(af))
    ['a', 'c']
    >>> sorted(grounded(ArgumentationFramework(["a", "b"], [("a", "b"), ("b", "a")])))
    []

    A map is read through ``from_map(m)``:

    >>> import argmap as am
    >>> m = am.ArgumentMap()
    >>> c = m.claim("Tax sugar", id="c")
    >>> k = m.counterpoint("It hurts the poor", id="k", attacks=c)
    >>> sorted(grounded(m))
    ['k']
    """
    af = _framework(af, "grounded")
    g = _Graph(af)
    lab = _grounded_labels(g)
    return g.ext(i for i in range(g.n) if lab[i] == _IN)


# ------------------------------------------------------------------- search
def _sccs(nodes: Sequence[int], g: _Graph, member: set[int]) -> list[list[int]]:
    """Strongly connected components of the sub-framework on ``member``, upstream first
    (iterative Tarjan)."""
    index: dict[int, int] = {}
    low: dict[int, int] = {}
    on_stack: set[int] = set()
    stack: list[int] = []
    out: list[list[int]] = []
    counter = 0
    for root in nodes:
        if root in index:
            continue
        work = [(root, 0)]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            v, pos = work[-1]
            succ = g.att[v]
            while pos < len(succ):
                w = succ[pos]
                pos += 1
                if w not in member:
                    continue
                if w not in index:
                    work[-1] = (v, pos)
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on_stack.add(w)
                    work.append((w, 0))
                    break
                if w in on_stack and index[w] < low[v]:
                    low[v] = index[w]
            else:
                work.pop()
                if work:
                    u = work[-1][0]
                    low[u] = min(low[u], low[v])
                if low[v] == index[v]:
                    comp: list[int] = []
                    while True:
                        w = stack.pop()
                        on_stack.discard(w)
                        comp.append(w)
                        if w == v:
                            break
                    out.append(comp)
    out.reverse()
    return out


class _LabelSearch:
    """Backtracking search for the complete labellings of the sub-framework on
    ``nodes`` (attacks from outside ignored); with ``stable``, no ``undec``.

    Each argument has a domain of still possible labels (a bit mask of in/out/undec).
    Choosing a label narrows the neighbours' domains by the complete-labelling rules
    (``in`` iff every attacker is ``out``; ``out`` iff some attacker is ``in``;
    ``undec`` otherwise) until nothing changes; a wiped-out domain undoes the choice.
    """

    def __init__(
        self, g: _Graph, nodes: Sequence[int], *, stable: bool, blocked: frozenset[int]
    ) -> None:
        member = set(nodes)
        self.blocked = blocked
        self.by = {i: [j for j in g.by[i] if j in member] for i in nodes}
        self.att = {i: [j for j in g.att[i] if j in member] for i in nodes}
        full = _IN | _OUT if stable else _IN | _OUT | _UNDB
        self.dom = dict.fromkeys(nodes, full)
        self.trail: list[tuple[int, int]] = []
        self.order = [i for comp in _sccs(nodes, g, member) for i in comp]

    def narrow(self, a: int, mask: int, queue: list[int]) -> bool:
        old = self.dom[a]
        new = old & mask
        if new == old:
            return True
        if not new:
            return False
        self.trail.append((a, old))
        self.dom[a] = new
        queue.append(a)
        return True

    def _allowed(self, a: int, attackers: list[int]) -> int:
        dom = self.dom
        all_can_out = und_ok = True
        some_can_in = any_und = False
        if a in self.blocked:  # a virtual attacker that is always undec
            all_can_out = False
            any_und = True
        for b in attackers:
            d = dom[b]
            if not d & _OUT:
                all_can_out = False
            if d & _IN:
                some_can_in = True
                if d == _IN:
                    und_ok = False
            if d & _UNDB:
                any_und = True
        allowed = _IN if all_can_out else 0
        if some_can_in:
            allowed |= _OUT
        if und_ok and any_und:
            allowed |= _UNDB
        return allowed

    def revise(self, a: int, queue: list[int]) -> bool:
        """Narrow ``a`` by its attackers, and its attackers by ``a``."""
        attackers = self.by[a]
        dom, narrow = self.dom, self.narrow
        if not narrow(a, self._allowed(a, attackers), queue):
            return False
        d = dom[a]
        if a in self.blocked:
            if not d & _OUT:
                return all(narrow(b, _OUT | _UNDB, queue) for b in attackers)
            if d == _OUT:
                cands = [b for b in attackers if dom[b] & _IN]
                if len(cands) == 1 and not narrow(cands[0], _IN, queue):
                    return False
            return True
        if d == _IN:
            return all(narrow(b, _OUT, queue) for b in attackers)
        if not d & _OUT and not all(narrow(b, _OUT | _UNDB, queue) for b in attackers):
            return False
        if d in (_OUT, _UNDB):  # out needs an attacker in, undec one undec
            need = _IN if d == _OUT else _UNDB
            cands = [b for b in attackers if dom[b] & need]
            if len(cands) == 1 and not narrow(cands[0], need, queue):
                return False
        if not d & _IN:  # not every attacker may be out
            open_ = [b for b in attackers if dom[b] != _OUT]
            if len(open_) == 1 and not narrow(open_[0], _IN | _UNDB, queue):
                return False
        return True

    def propagate(self, queue: list[int]) -> bool:
        while queue:
            a = queue.pop()
            if not self.revise(a, queue):
                return False
            for c in self.att[a]:
                if not self.revise(c, queue):
                    return False
        return True

    def undo(self, mark: int) -> None:
        trail, dom = self.trail, self.dom
        while len(trail) > mark:
            a, old = trail.pop()
            dom[a] = old

    def run(self) -> Iterator[dict[int, int]]:
        """Yield every complete labelling as ``{argument index: _IN | _OUT | _UND}``."""
        order, dom = self.order, self.dom
        if not self.propagate(list(order)):
            return
        values = (_IN, _OUT, _UNDB)
        # Explicit stack of (position in order, next value index, trail mark).
        stack: list[tuple[int, int, int]] = [(0, 0, len(self.trail))]
        while stack:
            pos, vi, mark = stack.pop()
            self.undo(mark)
            while pos < len(order) and dom[order[pos]] in values:
                pos += 1
            if pos == len(order):
                yield {a: (_UND if d == _UNDB else d) for a, d in dom.items()}
                continue
            a = order[pos]
            while vi < 3 and not dom[a] & values[vi]:
                vi += 1
            if vi >= 3:
                continue
            stack.append((pos, vi + 1, mark))
            queue: list[int] = []
            if self.narrow(a, values[vi], queue) and self.propagate(queue):
                stack.append((pos, 0, len(self.trail)))
            else:
                self.undo(mark)


def _labellings(
    g: _Graph,
    nodes: Sequence[int],
    *,
    stable: bool = False,
    blocked: frozenset[int] = frozenset(),
) -> Iterator[dict[int, int]]:
    """All complete labellings of the sub-framework on ``nodes``, where each argument in
    ``blocked`` has one more attacker that is always undec; see :class:`_LabelSearch`."""
    return _LabelSearch(g, nodes, stable=stable, blocked=blocked).run()


def _maximal(sets: list[frozenset[int]]) -> list[frozenset[int]]:
    uniq = sorted(set(sets), key=len, reverse=True)
    keep: list[frozenset[int]] = []
    for s in uniq:
        if not any(s < k for k in keep):
            keep.append(s)
    return keep


def _local(
    g: _Graph,
    comp: list[int],
    member: set[int],
    chosen: set[int],
    hits: dict[int, int],
    cand: set[int],
    kind: Literal["preferred", "stable"],
) -> list[frozenset[int]] | None:
    """Local extensions of one component given the upstream choice ``chosen``.

    Arguments attacked by ``chosen`` are dropped (D of Baroni et al.); those attacked
    by an upstream argument that is neither chosen nor attacked by ``chosen`` (P) stay
    but cannot be chosen; for stable semantics such an argument means no extension.
    """
    cs = set(comp)
    provisional: set[int] = set()
    for a in comp:
        if hits[a]:
            continue
        for b in g.by[a]:
            if b in member and b not in cs and b not in chosen and not hits[b]:
                provisional.add(a)
                break
    if kind == "stable" and provisional:
        return None
    rest = [a for a in comp if not hits[a]]
    ok = {a for a in rest if a not in provisional and a in cand}
    return _scc_recursive(g, rest, ok, kind)


def _scc_recursive(
    g: _Graph, nodes: Sequence[int], cand: set[int], kind: Literal["preferred", "stable"]
) -> list[frozenset[int]]:
    """Extensions of the sub-framework on ``nodes`` restricted to candidates ``cand``
    (the function GF of Baroni et al. 2005)."""
    return list(_scc_iter(g, nodes, cand, kind))


def _scc_iter(
    g: _Graph, nodes: Sequence[int], cand: set[int], kind: Literal["preferred", "stable"]
) -> Iterator[frozenset[int]]:
    """:func:`_scc_recursive` one extension at a time: the components are combined
    depth first, so the first extension comes before the others are looked for."""
    member = set(nodes)
    comps = _sccs(nodes, g, member)
    if len(comps) <= 1:
        if not comps:
            yield frozenset()
            return
        # BF of Baroni et al.: the maximal admissible sets inside ``cand``. Arguments
        # outside ``cand`` are attacked from upstream by an undecided argument: model
        # that attacker, and they can still attack but never be accepted.
        labs = _labellings(g, nodes, stable=kind == "stable", blocked=frozenset(member - cand))
        found = [frozenset(i for i, v in lab.items() if v == _IN) for lab in labs]
        yield from (found if kind == "stable" else _maximal(found))
        return
    chosen: set[int] = set()
    hits = dict.fromkeys(nodes, 0)  # attackers of i already chosen

    def add(e: frozenset[int], sign: int) -> None:
        for a in e:
            for b in g.att[a]:
                if b in hits:
                    hits[b] += sign
        if sign > 0:
            chosen.update(e)
        else:
            chosen.difference_update(e)

    # Depth-first over components; a component with one local answer needs no branching.
    frames: list[tuple[int, list[frozenset[int]], int]] = []
    pos = 0
    while True:
        if pos == len(comps):
            yield frozenset(chosen)
        else:
            options = _local(g, comps[pos], member, chosen, hits, cand, kind)
            if options:
                frames.append((pos, options, 0))
                add(options[0], 1)
                pos += 1
                continue
        # backtrack
        while frames:
            fpos, options, k = frames.pop()
            add(options[k], -1)
            if k + 1 < len(options):
                frames.append((fpos, options, k + 1))
                add(options[k + 1], 1)
                pos = fpos + 1
                break
        else:
            return


def _undecided(g: _Graph) -> tuple[list[int], frozenset[int]]:
    lab = _grounded_labels(g)
    return [i for i in range(g.n) if lab[i] == _UND], frozenset(
        i for i in range(g.n) if lab[i] == _IN
    )


def _sorted(g: _Graph, exts: list[frozenset[int]]) -> list[frozenset[str]]:
    keyed = sorted(set(exts), key=lambda e: (len(e), sorted(e)))
    return [g.ext(e) for e in keyed]


def _preferred_ids(g: _Graph) -> Iterator[frozenset[int]]:
    und, base = _undecided(g)
    return (base | e for e in _scc_iter(g, und, set(und), "preferred"))


def _stable_ids(g: _Graph) -> Iterator[frozenset[int]]:
    und, base = _undecided(g)
    return (base | e for e in _scc_iter(g, und, set(und), "stable"))


def _complete_ids(g: _Graph) -> Iterator[frozenset[int]]:
    und, base = _undecided(g)
    for lab in _labellings(g, und):
        yield base | frozenset(i for i, v in lab.items() if v == _IN)


def _range(g: _Graph, e: frozenset[int]) -> frozenset[int]:
    return e | frozenset(j for i in e for j in g.att[i])


def _semi_stable_ids(g: _Graph) -> Iterator[frozenset[int]]:
    st = _stable_ids(g)
    first = next(st, None)
    if first is not None:  # the stable extensions, when there are any
        yield first
        yield from st
        return
    # Else the range-maximal preferred ones. Ranges differ only on the undecided part
    # (each contains the grounded extension and what it attacks), and many extensions
    # share one: compare the distinct ranges of that part.
    und, _ = _undecided(g)
    undecided = set(und)
    att = g.att
    ranges: dict[frozenset[int], frozenset[int]] = {}
    for e in _preferred_ids(g):
        part = e & undecided
        ranges[e] = part.union(j for i in part for j in att[i] if j in undecided)
    distinct = set(ranges.values())
    maximal = {r for r in distinct if not any(r < f for f in distinct)}
    yield from (e for e, r in ranges.items() if r in maximal)


def _ideal_from(g: _Graph, prefs: list[frozenset[int]]) -> frozenset[int]:
    """The largest admissible subset of the intersection of the preferred ``prefs``."""
    current = frozenset.intersection(*prefs)
    while True:
        # keep the members all of whose attackers the current set attacks
        hit = _range(g, current) - current
        nxt = frozenset(a for a in current if all(b in hit for b in g.by[a]))
        if nxt == current:
            return current
        current = nxt


# ------------------------------------------------------------------ solvers
def sat_available() -> bool:
    """True when python-sat is installed (``pip install 'argmap[solver]'``), so
    ``solver="sat"`` can be used and ``solver="auto"`` may choose it."""
    return importlib.util.find_spec("pysat") is not None


def _use_sat(g: _Graph, solver: object, semantics: str) -> bool:
    """Whether ``solver`` (checked here) means the SAT solver for ``semantics`` on ``g``.

    With ``"auto"`` the framework's shape is looked at first, and python-sat is looked
    for only when the shape calls for it: a framework the grounded labelling and its
    components settle never pays for that look-up (a file-system search). Semi-stable
    extensions go to the solver whenever more than :data:`AUTO_SAT_ABOVE` arguments are
    undecided, in components of any size: the search has to find every preferred
    extension and compare their ranges, the solver finds only the range-maximal ones.
    """
    check_option("solver", solver, SOLVERS)
    if solver == "search":
        return False
    if solver == "sat":
        if not sat_available():
            raise OptionError(
                "solver='sat' needs python-sat, which is not installed; install it with "
                "pip install 'argmap[solver]' (or use solver='search')"
            )
        return True
    und, _ = _undecided(g)
    if len(und) <= AUTO_SAT_ABOVE:
        return False
    if semantics != "semi-stable" and (
        max(len(c) for c in _sccs(und, g, set(und))) <= AUTO_SAT_ABOVE
    ):
        return False
    return sat_available()


class _SatPart:
    """The SAT encoding of the part of ``g`` its grounded labelling leaves undecided
    (``und``: those arguments, in order; ``base``: the grounded extension), which is
    all a solver needs: see :mod:`argmap.analysis._sat`."""

    __slots__ = ("base", "fw", "pos", "und")

    def __init__(self, g: _Graph) -> None:
        from argmap.analysis._sat import SatFramework  # lazily: python-sat is optional

        lab = _grounded_labels(g)
        und = [i for i in range(g.n) if lab[i] == _UND]
        pos = {a: k for k, a in enumerate(und)}
        # An undecided argument's attackers are undecided or rejected by the grounded
        # extension (so attacked by every complete one): only the undecided count.
        self.fw = SatFramework(len(und), [[pos[b] for b in g.by[a] if b in pos] for a in und])
        self.und = und
        self.pos = pos
        self.base = frozenset(i for i in range(g.n) if lab[i] == _IN)

    def lift(self, exts: Iterator[frozenset[int]]) -> Iterator[frozenset[int]]:
        """The part's extensions as extensions of the whole framework."""
        und, base = self.und, self.base
        for e in exts:
            yield base | frozenset(und[k] for k in e)


def _sat_ids(g: _Graph, semantics: str) -> Iterator[frozenset[int]]:
    part = _SatPart(g)
    sf = part.fw
    if semantics == "complete":
        yield from part.lift(sf.complete())
    elif semantics == "preferred":
        yield from part.lift(sf.preferred())
    elif semantics == "stable":
        yield from part.lift(sf.stable())
    else:  # semi-stable: the stable extensions when there are any
        st = sf.stable()
        first = next(st, None)
        if first is None:
            yield from part.lift(sf.semi_stable())
        else:
            yield from part.lift(itertools.chain((first,), st))


def _sat_accepted(g: _Graph, i: int, semantics: str, mode: str) -> bool:
    """``accepted`` for complete, preferred and stable, by the SAT solver."""
    part = _SatPart(g)
    sf = part.fw
    stable_ = semantics == "stable"
    k = part.pos.get(i)
    if k is None:  # settled by the grounded labelling
        if not stable_:
            return i in part.base
        if mode == "credulous":  # in the grounded extension and some stable one exists
            return i in part.base and next(sf.stable(), None) is not None
        return i in part.base or next(sf.stable(), None) is None
    if mode == "credulous":
        return sf.credulous(k, stable=stable_) is not None
    if stable_:
        return sf.sceptical_stable(k) is None
    return sf.sceptical_preferred(k) is None


def _iter_ids(g: _Graph, semantics: str, sat: bool) -> Iterator[frozenset[int]]:
    """Extensions as argument indices, in the order the backend finds them."""
    if semantics == "grounded":
        yield frozenset(i for i, v in enumerate(_grounded_labels(g)) if v == _IN)
    elif semantics == "ideal":
        yield _ideal_from(g, list(_iter_ids(g, "preferred", sat)))
    elif sat:
        yield from _sat_ids(g, semantics)
    elif semantics == "complete":
        yield from _complete_ids(g)
    elif semantics == "preferred":
        yield from _preferred_ids(g)
    elif semantics == "stable":
        yield from _stable_ids(g)
    else:
        yield from _semi_stable_ids(g)


def _all(af: FrameworkLike, semantics: str, solver: object, caller: str) -> list[frozenset[str]]:
    fw = _framework(af, caller)
    g = _Graph(fw)
    return _sorted(g, list(_iter_ids(g, semantics, _use_sat(g, solver, semantics))))


# ------------------------------------------------------------------- public
def preferred(af: FrameworkLike, *, solver: SolverChoice = "auto") -> list[frozenset[str]]:
    """Preferred extensions: maximal sets that defend themselves (never empty).

    Examples
    --------
    >>> af = ArgumentationFramework(["a", "b", "c"], [("a", "b"), ("b", "a"), ("b", "c")])
    >>> [sorted(e) for e in preferred(af)]
    [['b'], ['a', 'c']]
    """
    return _all(af, "preferred", solver, "preferred")


def stable(af: FrameworkLike, *, solver: SolverChoice = "auto") -> list[frozenset[str]]:
    """Stable extensions: conflict-free sets that attack everything outside (may be none).

    Examples
    --------
    >>> stable(ArgumentationFramework(["a", "b", "c"], [("a", "b"), ("b", "c"), ("c", "a")]))
    []
    """
    return _all(af, "stable", solver, "stable")


def complete(af: FrameworkLike, *, solver: SolverChoice = "auto") -> list[frozenset[str]]:
    """Complete extensions: sets that defend exactly what they contain.

    Examples
    --------
    >>> af = ArgumentationFramework(["a", "b"], [("a", "b"), ("b", "a")])
    >>> [sorted(e) for e in complete(af)]
    [[], ['a'], ['b']]
    """
    return _all(af, "complete", solver, "complete")


def semi_stable(af: FrameworkLike, *, solver: SolverChoice = "auto") -> list[frozenset[str]]:
    """Semi-stable extensions: complete extensions whose range (what they contain or
    attack) is maximal. They are the stable extensions when those exist.

    Examples
    --------
    >>> af = ArgumentationFramework(["a", "b", "c"], [("a", "b"), ("b", "a"), ("c", "c"),
    ...                                                ("a", "c")])
    >>> [sorted(e) for e in semi_stable(af)]
    [['a']]
    """
    return _all(af, "semi-stable", solver, "semi_stable")


def ideal(af: FrameworkLike, *, solver: SolverChoice = "auto") -> frozenset[str]:
    """The ideal extension: the largest admissible set inside every preferred extension.

    Examples
    --------
    >>> af = ArgumentationFramework(["a", "b"], [("a", "b"), ("b", "a"), ("b", "b")])
    >>> sorted(grounded(af)), sorted(ideal(af))
    ([], ['a'])
    """
    return _all(af, "ideal", solver, "ideal")[0]


def extensions(
    af: FrameworkLike, semantics: Semantics = "preferred", *, solver: SolverChoice = "auto"
) -> list[frozenset[str]]:
    """Extensions of ``af`` under ``semantics`` (one of :data:`SEMANTICS`), sorted.

    ``solver`` chooses who computes them (see the module docs); the answer is the same.

    Examples
    --------
    >>> af = ArgumentationFramework(["a", "b"], [("a", "b"), ("b", "a")])
    >>> [sorted(e) for e in extensions(af, "stable")]
    [['a'], ['b']]
    >>> extensions(af, "grounded")
    [frozenset()]
    >>> extensions(af, "prefered")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    argmap.errors.OptionError: unknown semantics 'prefered'; ... (did you mean 'preferred'?)
    """
    check_option("semantics", semantics, SEMANTICS)
    return _all(af, semantics, solver, "extensions")


def iter_extensions(
    af: FrameworkLike, semantics: Semantics = "preferred", *, solver: SolverChoice = "auto"
) -> Iterator[frozenset[str]]:
    """The extensions one at a time, in the order they are found (not sorted).

    With the SAT solver each extension costs a few solver calls, so the first of a
    framework with millions comes back at once; stop iterating whenever you like. The
    options are checked when it is called, not when it is first iterated.

    Examples
    --------
    >>> import itertools
    >>> pairs = [(f"a{i}", f"b{i}") for i in range(30)] + [(f"b{i}", f"a{i}") for i in range(30)]
    >>> af = ArgumentationFramework([x for p in pairs[:30] for x in p], pairs)
    >>> first = next(iter_extensions(af, "preferred"))  # one of 2**30
    >>> len(first)
    30
    """
    check_option("semantics", semantics, SEMANTICS)
    fw = _framework(af, "iter_extensions")
    g = _Graph(fw)
    sat = _use_sat(g, solver, semantics)
    return (g.ext(e) for e in _iter_ids(g, semantics, sat))


def some_extension(
    af: FrameworkLike, semantics: Semantics = "preferred", *, solver: SolverChoice = "auto"
) -> frozenset[str] | None:
    """One extension of ``af`` under ``semantics``, or None when there is none (only
    stable semantics can have none): ICCMA's SE problem, without enumerating.

    Examples
    --------
    >>> af = ArgumentationFramework(["a", "b", "c"], [("a", "b"), ("b", "c"), ("c", "a")])
    >>> some_extension(af, "stable") is None, sorted(some_extension(af, "preferred"))
    (True, [])
    """
    return next(iter_extensions(af, semantics, solver=solver), None)


def accepted(
    af: FrameworkLike,
    argument: str,
    semantics: Semantics = "preferred",
    mode: AcceptanceMode = "credulous",
    *,
    solver: SolverChoice = "auto",
) -> bool:
    """Whether ``argument`` is in some (``mode="credulous"``) or every
    (``"sceptical"``) extension: ICCMA's DC and DS problems, without enumerating.

    Sceptical acceptance is vacuously true when there is no extension (stable
    semantics). With the SAT solver credulous acceptance is one solver call (preferred
    and complete: in some admissible set; stable: in some stable extension) and
    sceptical preferred acceptance a search for a counterexample.

    Examples
    --------
    >>> af = ArgumentationFramework(["a", "b", "c"], [("a", "b"), ("b", "a"), ("a", "c"),
    ...                                                ("b", "c")])
    >>> accepted(af, "a"), accepted(af, "a", mode="sceptical")
    (True, False)
    >>> accepted(af, "c", "stable", "credulous")
    False
    """
    check_option("semantics", semantics, SEMANTICS)
    check_option("mode", mode, _MODES)
    fw = _framework(af, "accepted")
    i = fw.index(argument)
    g = _Graph(fw)
    sat = _use_sat(g, solver, semantics)
    if semantics == "grounded" or (semantics == "complete" and mode == "sceptical"):
        return _grounded_labels(g)[i] == _IN
    if semantics in ("ideal", "semi-stable") or not sat:
        exts = _iter_ids(g, semantics, sat)
        if mode == "credulous":
            return any(i in e for e in exts)
        return all(i in e for e in exts)
    return _sat_accepted(g, i, semantics, mode)


def _to_labelling(af: ArgumentationFramework, ext: frozenset[str]) -> dict[str, Label]:
    out = {b for a in ext for b in af.attacked_by(a)}
    return {a: ("in" if a in ext else "out" if a in out else "undec") for a in af.arguments}


def labelling(af: FrameworkLike, semantics: Semantics = "grounded") -> dict[str, Label]:
    """The labelling of a single-extension semantics (``"grounded"`` or ``"ideal"``):
    ``in`` for members, ``out`` for what they attack, ``undec`` for the rest.

    Examples
    --------
    >>> labelling(ArgumentationFramework(["a", "b", "c"], [("a", "b"), ("c", "c")]))
    {'a': 'in', 'b': 'out', 'c': 'undec'}
    """
    check_option("semantics", semantics, SEMANTICS)
    af = _framework(af, "labelling")
    if semantics not in ("grounded", "ideal"):
        raise OptionError(
            f"labelling() needs a single-extension semantics (grounded or ideal), got "
            f"{semantics!r}; use labellings() for {semantics}"
        )
    return _to_labelling(af, extensions(af, semantics)[0])


def labellings(
    af: FrameworkLike, semantics: Semantics = "preferred", *, solver: SolverChoice = "auto"
) -> list[dict[str, Label]]:
    """One labelling per extension of :func:`extensions` (same order)."""
    check_option("semantics", semantics, SEMANTICS)
    af = _framework(af, "labellings")
    return [_to_labelling(af, e) for e in extensions(af, semantics, solver=solver)]


def credulous(
    af: FrameworkLike,
    argument: str,
    semantics: Semantics = "preferred",
    *,
    solver: SolverChoice = "auto",
) -> bool:
    """True when ``argument`` is in at least one extension (``accepted(..., mode=
    "credulous")``).

    Examples
    --------
    >>> af = ArgumentationFramework(["a", "b"], [("a", "b"), ("b", "a")])
    >>> credulous(af, "a"), sceptical(af, "a")
    (True, False)
    """
    check_option("semantics", semantics, SEMANTICS)
    af = _framework(af, "credulous")
    return accepted(af, argument, semantics, "credulous", solver=solver)


def sceptical(
    af: FrameworkLike,
    argument: str,
    semantics: Semantics = "preferred",
    *,
    solver: SolverChoice = "auto",
) -> bool:
    """True when ``argument`` is in every extension (vacuously true when there is none;
    ``accepted(..., mode="sceptical")``)."""
    check_option("semantics", semantics, SEMANTICS)
    af = _framework(af, "sceptical")
    return accepted(af, argument, semantics, "sceptical", solver=solver)
