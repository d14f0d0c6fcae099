"""Gradual semantics: a strength in [0, 1] for every statement of a weighted bipolar map.

Each argument starts from a *base score* (how plausible it is on its own, default
0.5; the user sets it per node) and is pulled down by its attackers and up by its
supporters, each in proportion to their own strength:

* :func:`dfquad` -- DF-QuAD (Rago, Toni, Aurisicchio, Baroni 2016): attackers and
  supporters are each combined by probabilistic sum ``1 - prod(1 - s)``; the stronger
  side moves the base score towards 0 or 1 by the difference.
* :func:`quadratic_energy` -- the quadratic energy model (Potyka 2018): the energy
  ``E = sum(supporters) - sum(attackers)`` moves the base score by
  ``h(E) = max(E, 0)**2 / (1 + max(E, 0)**2)``.
* :func:`euler_based` -- Euler-based semantics (Amgoud & Ben-Naim 2018):
  ``1 - (1 - w**2) / (1 + w * exp(E))``.

On a map, the translation is that of :func:`argmap.analysis.framework.bipolar_from_map`:
a linked or undercut inference is a node of its own (base score 1.0: the step holds
unless undercut), whose strength is its own score times the weakest of its premises
("a chain is as strong as its weakest link"); a plain one-premise inference is just an
edge from its premise.

Acyclic maps are evaluated exactly, in topological order. With cycles, DF-QuAD is
iterated from the base scores to a fixed point and the energy models integrate their
differential equations (Runge-Kutta 4) to equilibrium; :class:`~argmap.errors.ArgmapError`
is raised if that does not converge. Once within ``tolerance`` of a fixed point, the
iteration goes on while it still gets closer (for at most as many more steps as it took,
or 64 if that is more, and never past ``max_iterations`` steps in all), so cyclic maps
get their strengths to the last bit or two of a float: a mutual attack under DF-QuAD
gives 0.33333333333333337, one unit in the last place from 1/3 (0.3333333333333333),
not the 0.3333333330228925 that stopping at the tolerance gave.

References
----------
.. [1] A. Rago, F. Toni, M. Aurisicchio, P. Baroni, "Discontinuity-free decision support
   with quantitative argumentation debates", KR 2016, 63-72.
.. [2] N. Potyka, "Continuous dynamical systems for weighted bipolar argumentation",
   KR 2018, 148-157.
.. [3] L. Amgoud, J. Ben-Naim, "Evaluation of arguments in weighted bipolar graphs",
   IJAR 99 (2018) 39-55.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Literal, TypeVar

from argmap.analysis._options import check_option
from argmap.analysis.framework import BipolarFramework, bipolar_from_map
from argmap.errors import ArgmapError, NodeNotFoundError, OptionError
from argmap.map import ArgumentMap

__all__ = ["GRADUAL", "GradualSemantics", "dfquad", "euler_based", "quadratic_energy", "strengths"]

GradualSemantics = Literal["dfquad", "quadratic-energy", "euler"]
GRADUAL: tuple[str, ...] = ("dfquad", "quadratic-energy", "euler")
"""The gradual semantics :func:`strengths` knows."""

_Aggregate = Callable[[float, list[float], list[float]], float]


def _prob_sum(values: list[float]) -> float:
    if not values:
        return 0.0
    return 1.0 - math.prod([1.0 - v for v in values])


def _dfquad_score(w: float, att: list[float], sup: list[float]) -> float:
    va, vs = _prob_sum(att), _prob_sum(sup)
    if va >= vs:
        return w - w * (va - vs)
    return w + (1.0 - w) * (vs - va)


def _h(x: float) -> float:
    x = max(x, 0.0)
    return x * x / (1.0 + x * x)


def _qe_score(w: float, att: list[float], sup: list[float]) -> float:
    e = sum(sup) - sum(att)
    return w - w * _h(-e) + (1.0 - w) * _h(e)


def _euler_score(w: float, att: list[float], sup: list[float]) -> float:
    e = sum(sup) - sum(att)
    return 1.0 - (1.0 - w * w) / (1.0 + w * math.exp(e))


class _Net:
    """The bipolar framework as index lists: node ``k`` is ``args[k]``, with the
    positions of its attackers, supporters and (inference nodes) premises, so each
    round of the fixed point is one pass over lists, linear in nodes and edges."""

    __slots__ = ("args", "att", "base", "req", "sup")

    def __init__(
        self, b: BipolarFramework, base_scores: Mapping[str, float] | None, default: float
    ) -> None:
        self.args = b.arguments
        index = {a: k for k, a in enumerate(self.args)}
        self.att: list[list[int]] = [[] for _ in self.args]
        self.sup: list[list[int]] = [[] for _ in self.args]
        for x, y in b.attacks:
            self.att[index[y]].append(index[x])
        for x, y in b.supports:
            self.sup[index[y]].append(index[x])
        self.req: dict[int, list[int]] = {
            index[a]: [index[p] for p in prems] for a, prems in b.requires.items()
        }
        base = {a: (1.0 if a in b.requires else default) for a in self.args}
        for a, v in (base_scores or {}).items():
            if a not in base:
                raise NodeNotFoundError(f"base score given for unknown node {a!r}", ids=[a])
            if isinstance(v, bool) or not isinstance(v, (int, float)) or not 0 <= v <= 1:
                raise ArgmapError(f"base score of {a!r} must be in [0, 1], got {v!r}", ids=[a])
            base[a] = float(v)
        self.base: list[float] = list(base.values())

    def value(self, k: int, s: list[float], agg: _Aggregate) -> float:
        v = agg(self.base[k], [s[x] for x in self.att[k]], [s[x] for x in self.sup[k]])
        req = self.req.get(k)
        if req is not None:
            v *= min(s[p] for p in req)
        return v

    def values(self, s: list[float], agg: _Aggregate) -> list[float]:
        """Every node's value from the strengths ``s`` (one Jacobi round)."""
        if agg is _dfquad_score:
            out = self._dfquad_values(s)
        else:
            out = [
                agg(w, [s[x] for x in at], [s[x] for x in su])
                for w, at, su in zip(self.base, self.att, self.sup, strict=True)
            ]
        for k, req in self.req.items():
            out[k] *= min(s[p] for p in req)
        return out

    def _dfquad_values(self, s: list[float]) -> list[float]:
        # _dfquad_score inlined, the same operations in the same order (so the same
        # bits): the fixed point on a cycle calls it for every node in every round.
        out: list[float] = []
        prod = math.prod
        for w, at, su in zip(self.base, self.att, self.sup, strict=True):
            va = 1.0 - prod([1.0 - s[x] for x in at]) if at else 0.0
            vs = 1.0 - prod([1.0 - s[x] for x in su]) if su else 0.0
            out.append(w - w * (va - vs) if va >= vs else w + (1.0 - w) * (vs - va))
        return out

    def topological(self) -> list[int] | None:
        n = len(self.args)
        succ: list[list[int]] = [[] for _ in range(n)]
        missing = [0] * n
        for k in range(n):
            preds = [*self.att[k], *self.sup[k], *self.req.get(k, ())]
            missing[k] = len(preds)
            for p in preds:
                succ[p].append(k)
        order = [k for k in range(n) if missing[k] == 0]
        for k in order:
            for c in succ[k]:
                missing[c] -= 1
                if missing[c] == 0:
                    order.append(c)
        return order if len(order) == n else None


def _evaluate(
    source: ArgumentMap | BipolarFramework,
    base_scores: Mapping[str, float] | None,
    default: float,
    agg: _Aggregate,
    continuous: bool,
    tolerance: float,
    max_iterations: int,
) -> dict[str, float]:
    if isinstance(default, bool) or not isinstance(default, (int, float)) or not 0 <= default <= 1:
        raise OptionError(f"default base score must be a number in [0, 1], got {default!r}")
    if isinstance(tolerance, bool) or not isinstance(tolerance, (int, float)) or not tolerance > 0:
        raise OptionError(f"tolerance must be a number above 0, got {tolerance!r}")
    if (
        isinstance(max_iterations, bool)
        or not isinstance(max_iterations, int)
        or max_iterations < 1
    ):
        raise OptionError(
            f"max_iterations must be a whole number, at least 1, got {max_iterations!r}"
        )
    b = bipolar_from_map(source) if isinstance(source, ArgumentMap) else source
    net = _Net(b, base_scores, default)
    order = net.topological()
    s = list(net.base)
    if order is not None:
        for k in order:
            s[k] = net.value(k, s, agg)
        return dict(zip(net.args, s, strict=True))
    if not continuous:

        def advance(x: list[float]) -> tuple[float, list[float]]:
            nxt = net.values(x, agg)
            return max(abs(v - w) for v, w in zip(nxt, x, strict=True)), nxt

    else:
        step = 0.25

        def deriv(x: list[float]) -> list[float]:
            return [v - w for v, w in zip(net.values(x, agg), x, strict=True)]

        def advance(x: list[float]) -> tuple[float, list[float]]:
            k1 = deriv(x)
            k2 = deriv([w + step / 2 * d for w, d in zip(x, k1, strict=True)])
            k3 = deriv([w + step / 2 * d for w, d in zip(x, k2, strict=True)])
            k4 = deriv([w + step * d for w, d in zip(x, k3, strict=True)])
            nxt = [
                w + step / 6 * (d1 + 2 * d2 + 2 * d3 + d4)
                for w, d1, d2, d3, d4 in zip(x, k1, k2, k3, k4, strict=True)
            ]
            return max(abs(v) for v in k1), nxt

    fixed: list[float] = _fixed_point(advance, s, tolerance, max_iterations)
    return dict(zip(net.args, fixed, strict=True))


_State = TypeVar("_State")


def _fixed_point(
    advance: Callable[[_State], tuple[float, _State]],
    s: _State,
    tolerance: float,
    max_iterations: int,
) -> _State:
    """Iterate ``advance`` (which gives the residual of ``s`` and the next state) until
    the residual is at most ``tolerance``, then on to the floating-point fixed point.

    Stopping at ``tolerance`` would leave the strengths about ``tolerance`` away from the
    fixed point (1/3 came out as 0.3333333330228925). Convergence near the fixed point is
    geometric, so going on while the residual still shrinks -- for at most as many more
    steps as it took to get within ``tolerance``, or 64 if that is more, and never so many
    that ``advance`` runs more than ``max_iterations`` times in all -- ends at the fixed
    point to the last bit or two (0.33333333333333337 for that 1/3), where the arithmetic
    itself stops improving it.
    """
    used = 0
    while True:
        if used >= max_iterations:
            raise ArgmapError(
                f"strengths did not converge within {max_iterations} iterations (the map "
                "has cycles of attack and support that keep oscillating)"
            )
        residual, nxt = advance(s)
        used += 1
        if residual <= tolerance:
            break
        s = nxt
    best, best_residual = s, residual
    for _ in range(min(max(used, 64), max_iterations - used)):
        if best_residual == 0.0:
            break
        residual, following = advance(nxt)
        if residual >= best_residual:
            break
        best, best_residual, nxt = nxt, residual, following
    return best


def dfquad(
    source: ArgumentMap | BipolarFramework,
    base_scores: Mapping[str, float] | None = None,
    *,
    default: float = 0.5,
    tolerance: float = 1e-9,
    max_iterations: int = 10_000,
) -> dict[str, float]:
    """DF-QuAD strength of every node of a map or bipolar framework.

    Parameters
    ----------
    source : ArgumentMap or BipolarFramework
        What to evaluate.
    base_scores : mapping of id to float in [0, 1], optional
        Base scores; nodes not given get ``default`` (inference nodes 1.0).
    default : float
        Base score of statements not in ``base_scores``.
    tolerance : float
        Only for maps with cycles: the iteration must get each strength's change (the
        energy models: its rate of change) down to this (above 0); it then goes on to
        the floating-point fixed point.
    max_iterations : int
        Iterations allowed in all (at least 1): if ``tolerance`` is not reached within
        them, :class:`~argmap.errors.ArgmapError` says the strengths do not converge;
        the steps on to the fixed point stop there too.

    Raises
    ------
    OptionError
        ``default`` outside [0, 1], ``tolerance`` not above 0 or ``max_iterations``
        below 1.
    ArgmapError
        A base score outside [0, 1], or no convergence within ``max_iterations``.

    Returns
    -------
    dict of id to float
        Strength of every statement (and inference node), in the framework's order.

    Examples
    --------
    >>> b = BipolarFramework(["c", "p", "k"], attacks=[("k", "c")], supports=[("p", "c")])
    >>> dfquad(b, {"c": 0.5, "p": 0.8, "k": 0.4})
    {'c': 0.7, 'p': 0.8, 'k': 0.4}
    """
    return _evaluate(source, base_scores, default, _dfquad_score, False, tolerance, max_iterations)


def quadratic_energy(
    source: ArgumentMap | BipolarFramework,
    base_scores: Mapping[str, float] | None = None,
    *,
    default: float = 0.5,
    tolerance: float = 1e-9,
    max_iterations: int = 100_000,
) -> dict[str, float]:
    """Quadratic energy strengths (Potyka 2018); parameters as :func:`dfquad`.

    Examples
    --------
    >>> b = BipolarFramework(["c", "k"], attacks=[("k", "c")])
    >>> quadratic_energy(b, {"c": 0.5, "k": 1.0})
    {'c': 0.25, 'k': 1.0}
    """
    return _evaluate(source, base_scores, default, _qe_score, True, tolerance, max_iterations)


def euler_based(
    source: ArgumentMap | BipolarFramework,
    base_scores: Mapping[str, float] | None = None,
    *,
    default: float = 0.5,
    tolerance: float = 1e-9,
    max_iterations: int = 100_000,
) -> dict[str, float]:
    """Euler-based strengths (Amgoud & Ben-Naim 2018); parameters as :func:`dfquad`.

    Examples
    --------
    >>> b = BipolarFramework(["c"])
    >>> euler_based(b, {"c": 0.5})
    {'c': 0.5}
    """
    return _evaluate(source, base_scores, default, _euler_score, True, tolerance, max_iterations)


def strengths(
    source: ArgumentMap | BipolarFramework,
    semantics: GradualSemantics = "dfquad",
    base_scores: Mapping[str, float] | None = None,
    *,
    default: float = 0.5,
) -> dict[str, float]:
    """Strengths under the gradual ``semantics`` named (one of :data:`GRADUAL`)."""
    check_option("gradual semantics", semantics, GRADUAL)
    fn = {"dfquad": dfquad, "quadratic-energy": quadratic_energy, "euler": euler_based}[semantics]
    return fn(source, base_scores, default=default)
