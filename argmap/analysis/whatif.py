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
from typing import Any, TypeAlias

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, computed_field

from argmap._bulk import gc_paused
from argmap.analysis._options import check_option, id_list
from argmap.analysis.framework import (
    SUPPORT_MODES,
    ArgumentationFramework,
    BipolarFramework,
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

    @classmethod
    def _trusted(cls, id: str, label: Label, reason: str) -> Step:
        # Made from checked values, once per argument of an explanation: the state
        # model_construct leaves, without its cost (tests/test_whatif.py compares them).
        step = cls.__new__(cls)
        setattr_ = object.__setattr__
        setattr_(step, "__dict__", {"id": id, "label": label, "reason": reason})
        setattr_(step, "__pydantic_fields_set__", {"id", "label", "reason"})
        setattr_(step, "__pydantic_extra__", None)
        setattr_(step, "__pydantic_private__", None)
        return step


class Status(BaseModel):
    """The evaluation of one statement.

    ``why`` is built when it is first read, from an explanation shared by every
    statement of the same evaluation, so evaluating a map stays linear in its size
    however long its chains of attacks are.
    """

    model_config = ConfigDict(frozen=True)

    id: str
    kind: str = Field(description="claim, premise or counterpoint")
    label: Label = Field(description="in (accepted), out (rejected) or undec (undecided)")
    strength: float | None = Field(
        description="gradual strength in [0, 1]; None when it does not converge (cycles)"
    )
    _steps: tuple[Step, ...] | None = PrivateAttr(default=None)
    _chain: _Explanation | None = PrivateAttr(default=None)

    def __init__(self, *, why: Iterable[Step] = (), **data: Any) -> None:
        super().__init__(**data)
        self._steps = tuple(why)

    @classmethod
    def _explained(
        cls, chain: _Explanation, *, id: str, kind: str, label: Label, strength: float | None
    ) -> Status:
        # Built from checked values, once per statement: skip validation and set the
        # instance state exactly as ``model_construct`` leaves it (it is most of the
        # cost on big maps otherwise). tests/test_whatif.py compares the two.
        status = cls.__new__(cls)
        setattr_ = object.__setattr__
        setattr_(status, "__dict__", {"id": id, "kind": kind, "label": label, "strength": strength})
        setattr_(status, "__pydantic_fields_set__", {"id", "kind", "label", "strength"})
        setattr_(status, "__pydantic_extra__", None)
        setattr_(status, "__pydantic_private__", {"_steps": None, "_chain": chain})
        return status

    @computed_field  # type: ignore[prop-decorator]
    @property
    def why(self) -> tuple[Step, ...]:
        """The chain of attacks that decided the label (built on first use)."""
        if self._steps is None:
            assert self._chain is not None
            self._steps = self._chain.chain(self.id)
            self._chain = None
        return self._steps

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Status):
            return NotImplemented
        return (self.id, self.kind, self.label, self.strength, self.why) == (
            other.id,
            other.kind,
            other.label,
            other.strength,
            other.why,
        )

    __hash__ = None  # type: ignore[assignment]

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
    m: ArgumentMap, af: ArgumentationFramework, accept: Ids, reject: Ids
) -> tuple[ArgumentationFramework, set[str], set[str]]:
    """The map's framework ``af`` with the user's decisions, and those decisions."""
    acc, rej = set(id_list("accept", accept)), set(id_list("reject", reject))
    for x in acc | rej:
        m.statement(x)  # raises NodeNotFoundError naming it
    both = acc & rej
    if both:
        x = sorted(both)[0]
        raise ArgmapError(f"{x!r} cannot be both accepted and rejected", ids=[x])
    if not acc and not rej:
        return af, acc, rej
    attacks = [(a, b) for a, b in af.attacks if b not in acc]
    extra = [_reject_name(x) for x in sorted(rej)]
    af = ArgumentationFramework(
        [*af.arguments, *extra], [*attacks, *((_reject_name(x), x) for x in sorted(rej))]
    )
    return af, acc, rej


class _Explanation:
    """The grounded labelling of a framework with each argument's decisive attacker.

    One pass of the grounded construction gives every argument its label and the
    round in which it got it; each argument's :class:`Step` (and the attacker that
    explains it) is made once, when a chain first needs it, and shared by every chain
    through it.
    """

    __slots__ = ("_acc", "_af", "_lab", "_next", "_rank", "_steps")

    def __init__(self, af: ArgumentationFramework, acc: set[str]) -> None:
        self._af = af
        self._acc = acc
        self._lab, self._rank = _grounded_ranked(af)
        self._steps: dict[str, Step] = {}
        self._next: dict[str, str | None] = {}

    @property
    def labels(self) -> dict[str, Label]:
        return self._lab

    def _step(self, cur: str) -> tuple[Step, str | None]:
        step = self._steps.get(cur)
        if step is not None:
            return step, self._next[cur]
        lab, rank = self._lab, self._rank
        label = lab[cur]
        attackers = self._af.attackers(cur)
        nxt: str | None = None
        if label == "in":
            if cur in self._acc:
                reason = "you accepted it"
            elif not attackers:
                reason = "nothing attacks it"
            else:
                reason = f"every attacker ({', '.join(attackers)}) is out"
                nxt = max(attackers, key=lambda b: rank.get(b, 0))
        elif label == "out":
            ins = [b for b in attackers if lab[b] == "in"]
            nxt = min(ins, key=lambda b: rank.get(b, 0))
            reason = f"attacked by {nxt}, which is in"
            if nxt.startswith("rejected("):
                reason, nxt = "you rejected it", None
        elif cur in attackers:  # undecided: no attacker is in, and it attacks itself
            reason = "it attacks itself, and nothing that is in attacks it"
        else:
            nxt = next(b for b in attackers if lab[b] == "undec")
            reason = f"attacked by {nxt}, which is undecided (a cycle of attacks)"
        step = Step._trusted(cur, label, reason)
        self._steps[cur] = step
        self._next[cur] = nxt
        return step, nxt

    def chain(self, target: str) -> tuple[Step, ...]:
        """Follow the decisive attacks back from ``target`` until a reason needs no
        other (or the chain comes back to an argument it passed)."""
        steps: list[Step] = []
        seen: set[str] = set()
        cur: str | None = target
        while cur is not None and cur not in seen:
            seen.add(cur)
            step, cur = self._step(cur)
            steps.append(step)
        return tuple(steps)


def _grounded_ranked(af: ArgumentationFramework) -> tuple[dict[str, Label], dict[str, int]]:
    """The grounded labelling, and the round of its construction in which each
    argument got its label (``in`` in even rounds, ``out`` in odd ones; ``undec``
    arguments have no round). One pass: each attack is looked at a bounded number of
    times."""
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
    labels: dict[str, Label] = {
        a: ("undec" if a not in rank else "in" if rank[a] % 2 == 0 else "out") for a in af.arguments
    }
    return labels, rank


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
    support : {"none", "deductive", "necessary", "supported", "secondary", "supported+secondary"}
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
    with gc_paused():
        bipolar = bipolar_from_map(m)
        kinds = {s.id: s.kind for s in m.statements}
        ev = _Evaluation(
            m,
            bipolar,
            bipolar.to_af(support),
            kinds,
            semantics,
            accept,
            reject,
            base_scores,
            gradual,
        )
        return {x: ev.status(x) for x in kinds}


class _Evaluation:
    """Labels and strengths of every statement of a map under one set of options; the
    :class:`Status` of a statement is made when asked for (``what_if`` asks only for
    the ones that changed)."""

    __slots__ = ("_chain", "_kinds", "_reasons", "labels", "strength")

    def __init__(
        self,
        m: ArgumentMap,
        bipolar: BipolarFramework,
        base: ArgumentationFramework,
        kinds: Mapping[str, str],
        semantics: Semantics,
        accept: Ids,
        reject: Ids,
        base_scores: Mapping[str, float] | None,
        gradual: GradualSemantics,
    ) -> None:
        af, acc, rej = _framework(m, base, accept, reject)
        scores = dict(base_scores or {})
        for x in acc:
            scores.setdefault(x, 1.0)
        for x in rej:
            scores[x] = 0.0
        self._kinds = kinds
        try:
            self.strength: dict[str, float | None] = dict(strengths(bipolar, gradual, scores))
        except ArgmapError:  # oscillating cycles: labels still stand, strengths do not
            self.strength = dict.fromkeys(kinds, None)
        self._chain: _Explanation | None = None
        self._reasons: dict[str, str] = {}
        self.labels: Mapping[str, Label]
        if semantics == "grounded":
            self._chain = _Explanation(af, acc)
            self.labels = self._chain.labels
        elif semantics == "ideal":
            self.labels = labelling(af, semantics)
            self._reasons = dict.fromkeys(kinds, f"its label in the {semantics} labelling")
        else:
            self.labels, self._reasons = _counted(af, kinds, semantics)

    def status(self, x: str) -> Status:
        """The status of statement ``x``."""
        label = self.labels[x]
        if self._chain is not None:
            return Status._explained(
                self._chain, id=x, kind=self._kinds[x], label=label, strength=self.strength[x]
            )
        why = (Step(id=x, label=label, reason=self._reasons[x]),)
        return Status(id=x, kind=self._kinds[x], label=label, strength=self.strength[x], why=why)


def _counted(
    af: ArgumentationFramework, ids: Iterable[str], semantics: Semantics
) -> tuple[dict[str, Label], dict[str, str]]:
    """Labels from the extensions of a semantics with several (see the module docs),
    and the reason of each."""
    exts = extensions(af, semantics)
    labels: dict[str, Label] = {}
    reasons: dict[str, str] = {}
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
        labels[x] = label
        reasons[x] = (
            f"in {n_in} of {len(exts)} {semantics} extensions, rejected by {n_out}"
            if exts
            else f"there is no {semantics} extension"
        )
    return labels, reasons


def _check_options(semantics: object, support: object, gradual: object) -> None:
    """Unknown option values fail here, before any work (and never read as a cycle)."""
    check_option("semantics", semantics, SEMANTICS)
    if support != "both":  # the deprecated name is read (with a warning) by to_af
        check_option("support", support, SUPPORT_MODES)
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
    with gc_paused():
        # The map's frameworks are made once for both evaluations, and a Status only
        # for the statements that changed.
        bipolar = bipolar_from_map(m)
        base = bipolar.to_af(support)
        kinds = {s.id: s.kind for s in m.statements}
        before = _Evaluation(m, bipolar, base, kinds, semantics, (), (), None, gradual)
        after = _Evaluation(
            m, bipolar, base, kinds, semantics, accept, reject, base_scores, gradual
        )
        lb, la, sb, sa = before.labels, after.labels, before.strength, after.strength
        return [
            Change(id=x, before=before.status(x), after=after.status(x))
            for x in kinds
            if lb[x] != la[x] or _moved(sb[x], sa[x], tolerance)
        ]


def _moved(before: float | None, after: float | None, tolerance: float) -> bool:
    if before is None or after is None:
        return before is not after
    return abs(before - after) > tolerance
