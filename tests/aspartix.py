"""ASPARTIX-style answer-set encodings of the Dung semantics (Egly, Gaggl, Woltran),
run with clingo: the independent ASP oracle of ``tests/test_solvers.py`` and the ASP
column of ``benchmarks/bench_semantics.py --dense``."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

__all__ = ["ENCODINGS", "clingo_extensions", "clingo_facts", "clingo_semi_stable"]

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


# semi-stable, in two steps: the maximal ranges by the domain heuristic on the range
# atoms (enum-mode domRec gives one model per maximal range), then every complete
# extension with exactly that range
_RANGE = ENCODINGS["complete"] + "inrange(X) :- in(X).\ninrange(X) :- defeated(X).\n"
_MAX_RANGE = _RANGE + "#heuristic inrange(X) : arg(X). [1,true]\n"
_EXACT_RANGE = _RANGE + ":- inrange(X), not rng(X).\n:- rng(X), not inrange(X).\n"


def clingo_facts(arguments: Iterable[Any], attacks: Iterable[tuple[Any, Any]]) -> str:
    """The framework as ``arg/1`` and ``att/2`` facts (each name prefixed with ``a``,
    so that any argument name is an ASP constant)."""
    facts = "".join(f"arg(a{a})." for a in arguments)
    return facts + "".join(f"att(a{a},a{b})." for a, b in attacks)


def clingo_extensions(facts: str, semantics: str) -> list[list[str]]:
    """Every extension of ``semantics`` clingo finds for ``facts``, each sorted, sorted."""
    options = ["0", "--warn=none"]
    if semantics == "preferred":
        options += ["--heuristic=Domain", "--enum-mode=domRec"]
    return sorted(_solve(options, facts + ENCODINGS[semantics], "in"))


def clingo_semi_stable(facts: str) -> list[list[str]]:
    """Every semi-stable extension of the framework ``facts``, each sorted, sorted."""
    heuristic = ["0", "--warn=none", "--heuristic=Domain", "--enum-mode=domRec"]
    found: list[list[str]] = []
    for rng in _solve(heuristic, facts + _MAX_RANGE, "inrange"):
        exact = "".join(f"rng(a{x})." for x in rng)
        found.extend(_solve(["0", "--warn=none"], facts + exact + _EXACT_RANGE, "in"))
    return sorted(found)


def _solve(options: list[str], program: str, atom: str) -> list[list[str]]:
    """The arguments of ``atom`` in each model clingo finds, each sorted."""
    import clingo

    ctl = clingo.Control(options)
    ctl.add("base", [], program)
    ctl.ground([("base", [])])
    found: list[list[str]] = []
    ctl.solve(
        on_model=lambda m: found.append(
            sorted(str(s.arguments[0])[1:] for s in m.symbols(atoms=True) if s.name == atom)
        )
    )
    return found
