"""ASPARTIX-style answer-set encodings of the Dung semantics (Egly, Gaggl, Woltran),
run with clingo: the independent ASP oracle of ``tests/test_solvers.py`` and the ASP
column of ``benchmarks/bench_semantics.py --dense``."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

__all__ = ["ENCODINGS", "clingo_extensions", "clingo_facts"]

_GUESS = """
in(X) :- arg(X), not out(X).
out(X) :- arg(X), not in(X).
:- in(X), in(Y), att(X,Y).
defeated(X) :- in(Y), att(Y,X).
undefended(X) :- att(Y,X), not defeated(Y).
"""
ENCODINGS = {
    "stable": _GUESS + ":- out(X), not defeated(X).\n",
    "complete": _GUESS + ":- in(X), undefended(X).\n:- out(X), not undefended(X).\n",
    # preferred: subset-maximal admissible sets by clingo's domain heuristic
    "preferred": _GUESS + ":- in(X), undefended(X).\n#heuristic in(X) : arg(X). [1,true]\n",
}


def clingo_facts(arguments: Iterable[Any], attacks: Iterable[tuple[Any, Any]]) -> str:
    """The framework as ``arg/1`` and ``att/2`` facts (each name prefixed with ``a``,
    so that any argument name is an ASP constant)."""
    facts = "".join(f"arg(a{a})." for a in arguments)
    return facts + "".join(f"att(a{a},a{b})." for a, b in attacks)


def clingo_extensions(facts: str, semantics: str) -> list[list[str]]:
    """Every extension of ``semantics`` clingo finds for ``facts``, each sorted, sorted."""
    import clingo

    options = ["0", "--warn=none"]
    if semantics == "preferred":
        options += ["--heuristic=Domain", "--enum-mode=domRec"]
    ctl = clingo.Control(options)
    ctl.add("base", [], facts + ENCODINGS[semantics])
    ctl.ground([("base", [])])
    found: list[list[str]] = []
    ctl.solve(
        on_model=lambda m: found.append(
            sorted(str(s.arguments[0])[1:] for s in m.symbols(atoms=True) if s.name == "in")
        )
    )
    return sorted(found)
