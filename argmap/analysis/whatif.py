"""What stands, and what if: the status of every statement, with the reason why.

:func:`evaluate` labels every statement of a map ``in`` (accepted), ``out``
(rejected) or ``undec`` (undecided) under an extension semantics, gives its gradual
strength, and explains the label by a chain of attacks, for instance::

    main is out: attacked by k1, which is in
    k1 is in: nothing attacks it

:func:`what_if` answers "what if I accept (or reject) this premise, or trust it more?":
it evaluates the map as it is and with the change, and returns both for every
statement whose label or strength changed.

Accepting a statement drops every attack on it; rejecting one adds an unattacked
attacker (``rejected(<id>)``) standing for the user's decision. Base scores only
change gradual strengths.

Labels under ``grounded`` (the default) and ``ideal`` come from their single
labelling. Under a semantics with several extensions a statement is ``in`` when it is
in all of them (sceptically accepted), ``out`` when it is in none and attacked by one
of them in each, and ``undec`` otherwise; the reason then says in how many
extensions it is.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TypeAlias

from pydantic import BaseModel, ConfigDict, Field

from argmap.analysis._options import check_option, id_list
from argmap.analysis.framework import (
    _SUPPORT_MODES,
    ArgumentationFramework,
    SupportMode,
    bipolar_from_map,
)
from argmap.analysis.gradual import GRADUAL, GradualSemantics, strengths
from argmap.analysis.semantics import SEMANTICS, Label, Semantics, extensions, labelling
from argmap.errors import ArgmapError, NodeNotFoundError
from argmap.map import ArgumentMap
from argmap.model import Statement

Ids: TypeAlias = "str | Statement | Iterable[str | Statement]"
"""Statement ids for ``accept`` and ``reject``: one id (or statement), or several."""

__all__ = ["Change", "Status", "Step", "evaluate", "explain", "what_if"]


class Step(BaseModel):
    """One link of an explanation: ``id`` has ``label`` because of ``reason``."""

    model_config = ConfigDict(frozen=True)

    id: str
    label: Label
    reason: str

    def __str__(self) -> str:
        return f"{self.id} is {self.label}: {self.reason}"


class Status(BaseModel):
    """The evaluation of one statement."""

    model_config = ConfigDict(frozen=True)

    id: str
    kind: str = Field(description="claim, premise or counterpoint")
    label: Label = Field(description="in (accepted), out (rejected) or undec (undecided)")
    strength: float | None = Field(
        description="gradual strength in [0, 1]; None when it does not converge (cycles)"
    )
    why: tuple[Step, ...] = Field(description="the chain of attacks that decided the label")

    def explain(self) -> str:
        """The chain as text, one step a line."""
        return "\n".join(str(s) for s in self.why)


class Change(BaseModel):
    """A statement whose label or strength a what-if changed."""

    model_config = ConfigDict(frozen=True)

    id: str
    before: Status
    after: Status


def _reject_name(id: str) -> str:
    return f"rejected({id})"


def _framework(
    m: ArgumentMap, support: SupportMode, accept: Ids, reject: Ids
) -> tuple[ArgumentationFramework, set[str], set[str]]:
    acc, rej = set(id_list("accept", accept)), set(id_list("reject", reject))
    for x in acc | rej:
        m.statement(x)  # raises NodeNotFoundError naming it
    both = acc & rej
    if both:
        x = sorted(both)[0]
        raise ArgmapError(f"{x!r} cannot be both accepted and rejected", ids=[x])
    af = bipolar_from_map(m).to_af(support)
    attacks = [(a, b) for a, b in af.attacks if b not in acc]
    extra = [_reject_name(x) for x in sorted(rej)]
    af = ArgumentationFramework(
        [*af.arguments, *extra], [*attacks, *((_reject_name(x), x) for x in sorted(rej))]
    )
    return af, acc, rej


def _grounded_why(
    af: ArgumentationFramework, lab: Mapping[str, Label], acc: set[str], target: str
) -> tuple[Step, ...]:
    """Follow the decisive attacks back from ``target`` until a reason needs no other."""
    rank = _grounded_rank(af)
    steps: list[Step] = []
    seen: set[str] = set()
    cur: str | None = target
    while cur is not None and cur not in seen:
        seen.add(cur)
        label = lab[cur]
        attackers = af.attackers(cur)
        nxt: str | None = None
        if label == "in":
            if cur in acc:
                reason = "you accepted it"
            elif not attackers:
                reason = "nothing attacks it"
            else:
                names = ", ".join(attackers)
                reason = f"every attacker ({names}) is out"
                nxt = max(attackers, key=lambda b: rank.get(b, 0))
        elif label == "out":
            ins = [b for b in attackers if lab[b] == "in"]
            nxt = min(ins, key=lambda b: rank.get(b, 0))
            reason = f"attacked by {nxt}, which is in"
            if nxt.startswith("rejected("):
                steps.append(Step(id=cur, label=label, reason="you rejected it"))
                break
        else:
            und = [b for b in attackers if lab[b] == "undec"]
            nxt = und[0]
            reason = f"attacked by {nxt}, which is undecided (a cycle of attacks)"
        steps.append(Step(id=cur, label=label, reason=reason))
        cur = nxt
    return tuple(steps)


def _grounded_rank(af: ArgumentationFramework) -> dict[str, int]:
    """The round of the grounded construction in which each argument got its label."""
    rank: dict[str, int] = {}
    missing = {a: len(af.attackers(a)) for a in af.arguments}
    frontier = [a for a in af.arguments if missing[a] == 0]
    r = 0
    while frontier:
        nxt: list[str] = []
        for a in frontier:
            rank[a] = r
        for a in frontier:
            for b in af.attacked_by(a):
                if b in rank:
                    continue
                rank[b] = r + 1
                for c in af.attacked_by(b):
                    if c not in rank:
                        missing[c] -= 1
                        if missing[c] == 0:
                            nxt.append(c)
        frontier = [c for c in dict.fromkeys(nxt) if c not in rank]
        r += 2
    return rank


def evaluate(
    m: ArgumentMap,
    *,
    semantics: Semantics = "grounded",
    support: SupportMode = "none",
    accept: Ids = (),
    reject: Ids = (),
    base_scores: Mapping[str, float] | None = None,
    gradual: GradualSemantics = "dfquad",
) -> dict[str, Status]:
    """Label, strength and explanation of every statement, in map order.

    Parameters
    ----------
    m : ArgumentMap
        The map (read only).
    semantics : str
        Extension semantics for the labels (see :data:`argmap.analysis.SEMANTICS`).
    support : {"none", "supported", "secondary", "both"}
        How supports become attacks (see :mod:`argmap.analysis.framework`).
    accept, reject : str, Statement, or iterable of them
        Statements the user takes as accepted or rejected: one id (a bare string is
        one id) or several.
    base_scores : mapping of id to float, optional
        Base scores for the gradual strength (default 0.5; see
        :mod:`argmap.analysis.gradual`).
    gradual : {"dfquad", "quadratic-energy", "euler"}
        The gradual semantics for ``strength``.

    Examples
    --------
    >>> import argmap as am
    >>> m = am.ArgumentMap()
    >>> c = m.claim("Tax sugar", id="c")
    >>> k = m.counterpoint("It hurts the poor", id="k", attacks=c)
    >>> print(evaluate(m)["c"].explain())
    c is out: attacked by k, which is in
    k is in: nothing attacks it
    >>> r = m.premise("Revenue funds rebates", id="r", attacks=k)
    >>> evaluate(m)["c"].label
    'in'
    """
    _check_options(semantics, support, gradual)
    af, acc, rej = _framework(m, support, accept, reject)
    scores = dict(base_scores or {})
    for x in acc:
        scores.setdefault(x, 1.0)
    for x in rej:
        scores[x] = 0.0
    try:
        strength: dict[str, float | None] = dict(strengths(m, gradual, scores))
    except ArgmapError:  # oscillating cycles: labels still stand, strengths do not
        strength = dict.fromkeys((s.id for s in m.statements), None)
    ids = [s.id for s in m.statements]
    kinds = {s.id: s.kind for s in m.statements}
    result: dict[str, Status] = {}
    if semantics in ("grounded", "ideal"):
        lab = labelling(af, semantics)
        for x in ids:
            if semantics == "grounded":
                why = _grounded_why(af, lab, acc, x)
            else:
                why = (Step(id=x, label=lab[x], reason=f"its label in the {semantics} labelling"),)
            result[x] = Status(id=x, kind=kinds[x], label=lab[x], strength=strength[x], why=why)
        return result
    exts = extensions(af, semantics)
    for x in ids:
        n_in = sum(1 for e in exts if x in e)
        n_out = sum(1 for e in exts if any(a in e for a in af.attackers(x)))
        label: Label
        if exts and n_in == len(exts):
            label = "in"
        elif exts and n_out == len(exts):
            label = "out"
        else:
            label = "undec"
        reason = (
            f"in {n_in} of {len(exts)} {semantics} extensions, rejected by {n_out}"
            if exts
            else f"there is no {semantics} extension"
        )
        result[x] = Status(
            id=x,
            kind=kinds[x],
            label=label,
            strength=strength[x],
            why=(Step(id=x, label=label, reason=reason),),
        )
    return result


def _check_options(semantics: object, support: object, gradual: object) -> None:
    """Unknown option values fail here, before any work (and never read as a cycle)."""
    check_option("semantics", semantics, SEMANTICS)
    check_option("support", support, _SUPPORT_MODES)
    check_option("gradual semantics", gradual, GRADUAL)


def explain(m: ArgumentMap, id: str, **options: object) -> str:
    """The explanation of one statement's label as text (options as :func:`evaluate`)."""
    m.statement(id)
    return evaluate(m, **options)[id].explain()  # type: ignore[arg-type]


def what_if(
    m: ArgumentMap,
    *,
    accept: Ids = (),
    reject: Ids = (),
    base_scores: Mapping[str, float] | None = None,
    semantics: Semantics = "grounded",
    support: SupportMode = "none",
    gradual: GradualSemantics = "dfquad",
    tolerance: float = 1e-9,
) -> list[Change]:
    """Evaluate ``m`` as is and with the change; return the statements that changed.

    Examples
    --------
    >>> import argmap as am
    >>> m = am.ArgumentMap()
    >>> c = m.claim("Tax sugar", id="c")
    >>> k = m.counterpoint("It hurts the poor", id="k", attacks=c)
    >>> [(ch.id, ch.before.label, ch.after.label) for ch in what_if(m, reject=["k"])]
    [('c', 'out', 'in'), ('k', 'in', 'out')]
    >>> print(what_if(m, reject="k")[0].after.explain())  # one id needs no list
    c is in: every attacker (k) is out
    k is out: you rejected it
    """
    _check_options(semantics, support, gradual)
    accept, reject = id_list("accept", accept), id_list("reject", reject)
    for x in base_scores or {}:
        if x not in m:
            raise NodeNotFoundError(f"base score given for unknown node {x!r}", ids=[x])
    opts = {"semantics": semantics, "support": support, "gradual": gradual}
    before = evaluate(m, **opts)  # type: ignore[arg-type]
    after = evaluate(m, accept=accept, reject=reject, base_scores=base_scores, **opts)  # type: ignore[arg-type]
    return [
        Change(id=x, before=b, after=after[x])
        for x, b in before.items()
        if b.label != after[x].label or _moved(b.strength, after[x].strength, tolerance)
    ]


def _moved(before: float | None, after: float | None, tolerance: float) -> bool:
    if before is None or after is None:
        return before is not after
    return abs(before - after) > tolerance
