"""SAT encodings of the Dung semantics, solved with python-sat (private; imported lazily).

The encodings are the standard ones of the labelling-based SAT solvers ([1]_, [2]_):
one variable ``x_a`` per argument (``a`` is in) and one ``d_a`` (``a`` is attacked by
an argument that is in, i.e. ``a`` is out), with

* conflict-freeness -- ``-x_a | -x_b`` for every attack ``a -> b``;
* ``d_a <-> (x_b1 | ... | x_bk)`` over the attackers ``b1 .. bk`` of ``a``;
* admissibility -- ``x_a -> d_b`` for every attacker ``b`` of ``a``;
* completeness -- ``(d_b1 & ... & d_bk) -> x_a``;
* stability -- ``x_a | d_a``.

Preferred and semi-stable extensions are found CEGAR-style, as the ICCMA solvers do:
a complete extension is grown (every member kept, one more argument -- or one more
argument in the range -- asked for) until the solver says no more, then excluded
from later answers by one clause; sceptical acceptance looks for a counterexample the
same way. The caller gives only the part of a framework its grounded labelling leaves
undecided: every complete extension of the framework is the grounded extension plus a
complete extension of that part (attacks from arguments the grounded extension rejects
change nothing), and the maximal ranges correspond too.

Semi-stable extensions are found as a minimal-correction-set enumeration over the
range literals does it: a complete extension's range is grown until no complete
extension covers more (the last model found already has that maximal range), then
every complete extension with exactly that range is listed -- they cannot contain one
another, so each is excluded by the clause "not all of its members" -- and finally
every range inside it is excluded by one clause.

References
----------
.. [1] P. Besnard, S. Doutre, "Checking the acceptability of a set of arguments",
   NMR 2004.
.. [2] F. Cerutti, M. Giacomin, M. Vallati, "ArgSemSAT: solving argumentation problems
   using SAT", COMMA 2014; J.-M. Lagniez, E. Lonca, J.-G. Mailly, "CoQuiAAS: a
   constraint-based quick abstract argumentation solver", ICTAI 2015.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence

from pysat.solvers import Solver, SolverNames  # type: ignore[import-untyped, import-not-found, unused-ignore]

from argmap.analysis._options import check_option

__all__ = ["ENV_VAR", "SatFramework", "solver_name"]

ENV_VAR = "ARGMAP_SAT"
"""The environment variable that names the python-sat solver for every call (any name
python-sat knows, e.g. ``cadical195`` or ``glucose4``); unset, argmap chooses."""

# CaDiCaL is the faster on the hard calls of growing a preferred extension or proving
# that no other is left; Glucose on long runs of easy calls (enumerating many complete
# extensions), as measured by benchmarks/bench_semantics.py --dense. Complete extensions
# are enumerated by CaDiCaL until _SWITCH_AFTER are found (a few extensions: the last,
# unsatisfiable call dominates, about 1.6x to 2x faster with CaDiCaL on the Erdos-Renyi
# frameworks), then by Glucose holding the same blocking clauses.
_SOLVER = "cadical153"
_ENUM_SOLVER = "glucose4"
_SWITCH_AFTER = 16


def solver_name(default: str) -> str:
    """The solver named by :data:`ENV_VAR` when it is set (checked: an unknown name is an
    :class:`~argmap.errors.OptionError` listing python-sat's), else ``default``."""
    name = os.environ.get(ENV_VAR, "")
    if not name:
        return default
    known = {
        alias: canonical
        for canonical, aliases in vars(SolverNames).items()
        if not canonical.startswith("_")
        for alias in aliases
    }
    if name not in known:  # raises, naming the solvers (and the close one)
        check_option(f"SAT solver in {ENV_VAR}", name, sorted(set(known.values())))
    return name


class SatFramework:
    """A framework over arguments ``0 .. n-1`` (``attackers[a]``: the attackers of
    ``a``) with its clauses, ready to be solved."""

    def __init__(self, n: int, attackers: Sequence[Sequence[int]]) -> None:
        self.n = n
        self.by = attackers
        self._next_var = 2 * n + 1
        base: list[list[int]] = []
        for a in range(n):
            xa, da = self.x(a), self.d(a)
            attackers_a = attackers[a]
            base.append([-da, *(self.x(b) for b in attackers_a)])
            for b in attackers_a:
                base.append([-self.x(b), da])
                base.append([-xa, -self.x(b)])
        self.base = base

    def x(self, a: int) -> int:
        return a + 1

    def d(self, a: int) -> int:
        return self.n + a + 1

    def fresh(self) -> int:
        v = self._next_var
        self._next_var += 1
        return v

    def admissible_clauses(self) -> list[list[int]]:
        return [[-self.x(a), self.d(b)] for a in range(self.n) for b in self.by[a]]

    def complete_clauses(self) -> list[list[int]]:
        return [[self.x(a), *(-self.d(b) for b in self.by[a])] for a in range(self.n)]

    def stable_clauses(self) -> list[list[int]]:
        return [[self.x(a), self.d(a)] for a in range(self.n)]

    def solver(self, kind: str = "complete", name: str = _SOLVER) -> Solver:
        """A solver holding the clauses of ``kind``: ``"admissible"`` (enough to find
        preferred extensions: they are the maximal admissible sets), ``"complete"`` or
        ``"stable"``; ``name`` unless :data:`ENV_VAR` names another."""
        s = Solver(name=solver_name(name), bootstrap_with=self.base)
        if kind == "stable":
            s.append_formula(self.stable_clauses())
            return s
        s.append_formula(self.admissible_clauses())
        if kind == "complete":
            s.append_formula(self.complete_clauses())
        return s

    def members(self, model: Sequence[int]) -> frozenset[int]:
        n = self.n
        return frozenset(v - 1 for v in model[:n] if v > 0)

    def range_of(self, model: Sequence[int]) -> frozenset[int]:
        n = self.n
        return frozenset(a for a in range(n) if model[a] > 0 or model[n + a] > 0)

    # ------------------------------------------------------------- enumeration
    def complete(self) -> Iterator[frozenset[int]]:
        blocked: list[list[int]] = []  # each extension found, excluded
        for name in (_SOLVER, _ENUM_SOLVER):
            with self.solver("complete", name) as s:
                s.append_formula(blocked)
                while s.solve():
                    e = self.members(s.get_model())
                    yield e
                    if self.n == 0:
                        return
                    blocked.append([-self.x(a) if a in e else self.x(a) for a in range(self.n)])
                    s.add_clause(blocked[-1])
                    if name == _SOLVER and len(blocked) >= _SWITCH_AFTER:
                        break  # many extensions: the rest are easy calls, Glucose's strength
                else:
                    return

    def stable(self) -> Iterator[frozenset[int]]:
        with self.solver("stable") as s:
            while s.solve():
                e = self.members(s.get_model())
                yield e
                if len(e) == self.n:
                    return
                s.add_clause([self.x(a) for a in range(self.n) if a not in e])

    def _grow(self, s: Solver, e: frozenset[int], extra: Sequence[int] = ()) -> frozenset[int]:
        """A preferred extension containing the admissible (or complete) set ``e``."""
        while True:
            outside = [self.x(a) for a in range(self.n) if a not in e]
            if not outside:
                return e
            act = self.fresh()
            s.add_clause([-act, *outside])
            found = s.solve(assumptions=[act, *extra, *(self.x(a) for a in e)])
            model = s.get_model() if found else None
            s.add_clause([-act])
            if model is None:
                return e
            e = self.members(model)

    def preferred(self) -> Iterator[frozenset[int]]:
        with self.solver("admissible") as s:
            while s.solve():
                e = self._grow(s, self.members(s.get_model()))
                yield e
                outside = [self.x(a) for a in range(self.n) if a not in e]
                if not outside:
                    return
                s.add_clause(outside)

    def semi_stable(self) -> Iterator[frozenset[int]]:
        """Complete extensions whose range is maximal (range ``r_a <-> x_a | d_a``)."""
        n = self.n
        with self.solver() as s:
            r = [self.fresh() for _ in range(n)]
            for a in range(n):
                s.add_clause([-r[a], self.x(a), self.d(a)])
                s.add_clause([r[a], -self.x(a)])
                s.add_clause([r[a], -self.d(a)])
            while s.solve():
                model = s.get_model()
                rng = self.range_of(model)
                while len(rng) < n:  # grow the range until no complete extension has more
                    act = self.fresh()
                    s.add_clause([-act, *(r[a] for a in range(n) if a not in rng)])
                    found = s.solve(assumptions=[act, *(r[a] for a in rng)])
                    if found:  # read before a clause is added (CaDiCaL drops it then)
                        model = s.get_model()
                    s.add_clause([-act])
                    if not found:
                        break
                    rng = self.range_of(model)
                # ``model`` has the maximal range ``rng``: it and every other complete
                # extension with exactly that range (an antichain: none holds another)
                exact = [r[a] if a in rng else -r[a] for a in range(n)]
                act = self.fresh()
                while True:
                    e = self.members(model)
                    yield e
                    if not e:  # inside every other: the only one with this range
                        break
                    s.add_clause([-act, *(-self.x(a) for a in e)])
                    if not s.solve(assumptions=[act, *exact]):
                        break
                    model = s.get_model()
                s.add_clause([-act])
                if len(rng) == n:
                    return
                s.add_clause([r[a] for a in range(n) if a not in rng])

    # -------------------------------------------------------- decision problems
    def credulous(self, a: int, *, stable: bool = False) -> frozenset[int] | None:
        """An admissible set (or a stable extension) containing ``a``, or None."""
        with self.solver("stable" if stable else "admissible") as s:
            if s.solve(assumptions=[self.x(a)]):
                return self.members(s.get_model())
            return None

    def sceptical_stable(self, a: int) -> frozenset[int] | None:
        """A stable extension without ``a`` (a counterexample), or None."""
        with self.solver("stable") as s:
            if s.solve(assumptions=[-self.x(a)]):
                return self.members(s.get_model())
            return None

    def sceptical_preferred(self, a: int) -> frozenset[int] | None:
        """A preferred extension without ``a`` (a counterexample), or None.

        An admissible set without ``a`` is grown to a preferred one; if that one
        holds ``a`` it is excluded (later candidates must leave it) and the search goes
        on.
        """
        with self.solver("admissible") as grow, self.solver("admissible") as look:
            look.add_clause([-self.x(a)])
            while look.solve():
                p = self._grow(grow, self.members(look.get_model()))
                if a not in p:
                    return p
                outside = [self.x(b) for b in range(self.n) if b not in p]
                if not outside:
                    return None
                look.add_clause(outside)
            return None
