"""Dense random frameworks in the style of the ICCMA benchmark generators (AFBenchGen).

Deterministic for a seed: the same call gives the same framework on every machine.
Two shapes, as the ICCMA generators draw them:

* ``"er"`` -- Erdos-Renyi: each ordered pair of distinct arguments is an attack with
  probability ``p``;
* ``"ba"`` -- Barabasi-Albert-like: each new argument attacks ``k`` earlier ones,
  chosen in proportion to how often they are attacked already, and each of those
  attacks back with probability ``p``.

In both, each argument attacks itself with probability ``self_attacks``.
"""

from __future__ import annotations

import random

from argmap.analysis.framework import ArgumentationFramework


def dense_af(
    n: int,
    p: float = 0.2,
    *,
    seed: int = 0,
    shape: str = "er",
    k: int = 20,
    self_attacks: float = 0.02,
) -> ArgumentationFramework:
    """A framework on arguments ``"1"`` .. ``str(n)`` (ICCMA numbering).

    >>> af = dense_af(100, 0.2, seed=1)
    >>> len(af), 1700 < len(af.attacks) < 2300
    (100, True)
    >>> dense_af(30, seed=4) == dense_af(30, seed=4)
    True
    """
    rnd = random.Random(f"{shape}-{n}-{p}-{seed}-{k}-{self_attacks}")
    names = [str(i) for i in range(1, n + 1)]
    attacks: set[tuple[int, int]] = set()
    if shape == "er":
        for a in range(n):
            for b in range(n):
                if a != b and rnd.random() < p:
                    attacks.add((a, b))
    elif shape == "ba":
        weight = [1] * n
        for a in range(1, n):
            targets = set(rnd.choices(range(a), weights=weight[:a], k=min(k, a)))
            for b in sorted(targets):
                attacks.add((a, b))
                weight[b] += 1
                if rnd.random() < p:
                    attacks.add((b, a))
    else:
        raise ValueError(f"unknown shape {shape!r}")
    for a in range(n):
        if rnd.random() < self_attacks:
            attacks.add((a, a))
    return ArgumentationFramework(names, [(names[a], names[b]) for a, b in sorted(attacks)])
