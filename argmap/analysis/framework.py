"""Abstract argumentation frameworks (Dung 1995), built from a map or given directly.

An :class:`ArgumentationFramework` is a set of arguments and a binary *attack*
relation between them; it knows nothing of texts or supports. The semantics in
:mod:`argmap.analysis.semantics` say which arguments of it can be accepted together.

From a map to a framework
-------------------------
:func:`from_map` turns an :class:`~argmap.map.ArgumentMap` into a framework:

* every **statement** is an argument, with its own id;
* an **inference** is an argument of its own (with the inference's id) when it is
  *linked* (two or more premises) or *undercut*; otherwise it is represented by its
  single premise. An inference argument stands for the whole step "these premises,
  therefore (or against) the target": it is attacked by every attacker of each of its
  premises (as in ASPIC+, attacking a premise attacks every argument built on it) and
  by every undercut aimed at it;
* an ``attack`` inference becomes an attack from its representative on its target;
  an ``undercut`` becomes an attack from its representative on the inference
  argument it undercuts;
* a ``rephrase`` inference is **ignored**: it is neither an attack nor a support, and
  the two statements stay two arguments, each accepted or not on its own attackers.
  A rephrase records that one statement restates another (in AIF's dialogue data,
  usually the same proposition said again in another locution); it is a claim about
  wording, not a reason. Treating the two as one argument would let an attack on
  either wording defeat the other, which the map's author did not say: to have that,
  attack both, or merge them into one statement.

Supports are not attacks, so by default (``support="none"``) they do not change which
arguments are accepted: a claim stands when nothing that stands attacks it. The other
modes turn supports into extra attacks, as Cayrol & Lagasquie-Schiex [3]_ define them
(``=>*`` is a chain of one or more supports, ``->`` an attack; a premise of a linked
or undercut inference also leads, by ``=>``, to that inference argument wherever a
chain runs *forward*, so an attack reaching the premise reaches the step built on it):

* ``"deductive"`` -- *deductive support*: ``a => b`` means accepting ``a`` commits
  to ``b``. It adds *supported* attacks (``a =>* x -> b`` gives ``a -> b``) and
  *mediated* attacks (``b =>* x`` and ``a -> x`` give ``a -> b``: attacking a
  consequence attacks what commits to it), combined (``a =>* x -> y``, ``b =>* y``
  give ``a -> b``). On ``a => b, b -> c, c -> b`` the preferred extensions are
  ``{a, b}`` and ``{c}``.
* ``"necessary"`` -- *necessary support* (Nouioua & Risch [4]_): ``a => b`` means
  ``b`` cannot be accepted without ``a``. It adds *secondary* attacks (``a -> x =>* b``
  gives ``a -> b``) and *extended* attacks (``x =>* a`` and ``x -> b`` give
  ``a -> b``: what needs an attacker shares its attacks), combined.
* ``"supported"`` -- supported attacks only (``a =>* x -> b`` gives ``a -> b``);
* ``"secondary"`` -- secondary attacks only (``a -> x =>* b`` gives ``a -> b``);
* ``"supported+secondary"`` -- both of the last two at once: ``a =>* b -> c =>* d``
  gives ``a -> d`` (the old name ``"both"`` is still accepted, with a
  :class:`DeprecationWarning`).

References
----------
.. [1] P. M. Dung, "On the acceptability of arguments and its fundamental role in
   nonmonotonic reasoning, logic programming and n-person games", Artificial
   Intelligence 77 (1995) 321-357.
.. [2] C. Cayrol, M.-C. Lagasquie-Schiex, "On the acceptability of arguments in
   bipolar argumentation frameworks", ECSQARU 2005, LNAI 3571, 378-389.
.. [3] C. Cayrol, M.-C. Lagasquie-Schiex, "Bipolarity in argumentation graphs:
   towards a better understanding", IJAR 54 (2013) 876-899.
.. [4] F. Nouioua, V. Risch, "Argumentation frameworks with necessities", SUM 2011,
   LNAI 6929, 163-176.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping
from typing import Literal

from argmap.analysis._options import check_option
from argmap.errors import ArgmapError, NodeNotFoundError
from argmap.map import ArgumentMap

__all__ = [
    "SUPPORT_MODES",
    "ArgumentationFramework",
    "BipolarFramework",
    "SupportMode",
    "bipolar_from_map",
    "from_map",
    "support_mode",
]

SupportMode = Literal[
    "none", "deductive", "necessary", "supported", "secondary", "supported+secondary", "both"
]
SUPPORT_MODES: tuple[str, ...] = (
    "none",
    "deductive",
    "necessary",
    "supported",
    "secondary",
    "supported+secondary",
)
"""How supports turn into attacks (see the module docs); ``"both"`` is the deprecated
name of ``"supported+secondary"``."""
_SUPPORT_MODES = (*SUPPORT_MODES, "both")


def support_mode(support: object) -> str:
    """``support`` checked, with the deprecated ``"both"`` read as
    ``"supported+secondary"`` (and a :class:`DeprecationWarning`)."""
    if support != "both":
        check_option("support", support, SUPPORT_MODES)
    if support == "both":
        warnings.warn(
            "support='both' is deprecated; it is called 'supported+secondary' now",
            DeprecationWarning,
            stacklevel=3,
        )
        return "supported+secondary"
    assert isinstance(support, str)
    return support


class ArgumentationFramework:
    """A Dung framework: arguments (strings) and attacks between them.

    Arguments keep the order given; attacks are kept sorted by that order, so the
    same framework always prints and writes the same way. Duplicate attacks are
    merged.

    Parameters
    ----------
    arguments : iterable of str
        The arguments; each must be unique.
    attacks : iterable of (str, str)
        ``(a, b)`` means *a attacks b*; both must be arguments. Self-attacks are allowed.

    Raises
    ------
    ArgmapError
        On a repeated argument, or an attack naming an unknown argument.

    Examples
    --------
    >>> af = ArgumentationFramework(["a", "b", "c"], [("a", "b"), ("b", "c")])
    >>> af
    ArgumentationFramework(arguments=3, attacks=2)
    >>> af.attackers("c")
    ('b',)
    >>> af.attacked_by("a")
    ('b',)
    """

    __slots__ = ("_arguments", "_attacked", "_attackers", "_attacks", "_index")

    def __init__(self, arguments: Iterable[str], attacks: Iterable[tuple[str, str]] = ()) -> None:
        args = tuple(arguments)
        index: dict[str, int] = {}
        for i, a in enumerate(args):
            if not isinstance(a, str):
                raise ArgmapError(f"argument names must be strings, got {a!r}")
            if a in index:
                raise ArgmapError(f"argument {a!r} is listed twice", ids=[a])
            index[a] = i
        pairs: set[tuple[int, int]] = set()
        for pair in attacks:
            a, b = pair
            for x in (a, b):
                if x not in index:
                    raise NodeNotFoundError(
                        f"attack ({a!r}, {b!r}) names {x!r}, which is not an argument", ids=[x]
                    )
            pairs.add((index[a], index[b]))
        ordered = sorted(pairs)
        self._arguments = args
        self._index = index
        self._attacks = tuple((args[i], args[j]) for i, j in ordered)
        attackers: dict[str, list[str]] = {a: [] for a in args}
        attacked: dict[str, list[str]] = {a: [] for a in args}
        for a, b in self._attacks:
            attackers[b].append(a)
            attacked[a].append(b)
        self._attackers = {a: tuple(v) for a, v in attackers.items()}
        self._attacked = {a: tuple(v) for a, v in attacked.items()}

    @property
    def arguments(self) -> tuple[str, ...]:
        """The arguments, in the order given."""
        return self._arguments

    @property
    def attacks(self) -> tuple[tuple[str, str], ...]:
        """The attacks ``(attacker, attacked)``, sorted by argument order."""
        return self._attacks

    def index(self, argument: str) -> int:
        """Position of ``argument`` in :attr:`arguments`."""
        try:
            return self._index[argument]
        except KeyError:
            raise NodeNotFoundError(
                f"no argument {argument!r} in this framework", ids=[argument]
            ) from None

    def attackers(self, argument: str) -> tuple[str, ...]:
        """The arguments that attack ``argument``."""
        self.index(argument)
        return self._attackers[argument]

    def attacked_by(self, argument: str) -> tuple[str, ...]:
        """The arguments that ``argument`` attacks."""
        self.index(argument)
        return self._attacked[argument]

    def __contains__(self, argument: object) -> bool:
        return argument in self._index

    def __len__(self) -> int:
        return len(self._arguments)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self._arguments)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ArgumentationFramework):
            return NotImplemented
        return set(self._arguments) == set(other._arguments) and set(self._attacks) == set(
            other._attacks
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"ArgumentationFramework(arguments={len(self)}, attacks={len(self._attacks)})"

    def restricted(self, keep: Iterable[str]) -> ArgumentationFramework:
        """The sub-framework on the arguments in ``keep`` (attacks among them only)."""
        ks = set(keep)
        for k in ks:
            self.index(k)
        return ArgumentationFramework(
            [a for a in self._arguments if a in ks],
            [(a, b) for a, b in self._attacks if a in ks and b in ks],
        )

    def with_attacks(self, attacks: Iterable[tuple[str, str]]) -> ArgumentationFramework:
        """A copy with extra attacks added."""
        return ArgumentationFramework(self._arguments, [*self._attacks, *attacks])

    def with_arguments(
        self, arguments: Iterable[str], attacks: Iterable[tuple[str, str]] = ()
    ) -> ArgumentationFramework:
        """A copy with extra arguments (appended) and attacks added."""
        return ArgumentationFramework([*self._arguments, *arguments], [*self._attacks, *attacks])


class BipolarFramework:
    """Arguments with attacks *and* supports, as read from a map.

    ``requires`` maps an inference argument to the premises it is built on (see the
    module docs); gradual semantics use it, and :meth:`to_af` turns it into attacks.

    Examples
    --------
    >>> b = BipolarFramework(["p", "c", "k"], attacks=[("k", "c")], supports=[("p", "c")])
    >>> b.to_af("none").attacks
    (('k', 'c'),)
    >>> b.to_af("supported").attacks
    (('k', 'c'),)
    >>> BipolarFramework(["k", "p", "c"], [("k", "p")], [("p", "c")]).to_af("secondary").attacks
    (('k', 'p'), ('k', 'c'))
    """

    __slots__ = ("arguments", "attacks", "requires", "supports")

    def __init__(
        self,
        arguments: Iterable[str],
        attacks: Iterable[tuple[str, str]] = (),
        supports: Iterable[tuple[str, str]] = (),
        requires: Mapping[str, tuple[str, ...]] | None = None,
    ) -> None:
        self.arguments: tuple[str, ...] = tuple(arguments)
        known = set(self.arguments)
        if len(known) != len(self.arguments):
            seen: set[str] = set()
            dup = next(a for a in self.arguments if a in seen or seen.add(a))  # type: ignore[func-returns-value]
            raise ArgmapError(f"argument {dup!r} is listed twice", ids=[dup])
        self.attacks: tuple[tuple[str, str], ...] = tuple(dict.fromkeys(attacks))
        self.supports: tuple[tuple[str, str], ...] = tuple(dict.fromkeys(supports))
        self.requires: dict[str, tuple[str, ...]] = dict(requires or {})
        for kind, rel in (("attack", self.attacks), ("support", self.supports)):
            for a, b in rel:
                for x in (a, b):
                    if x not in known:
                        raise NodeNotFoundError(
                            f"{kind} ({a!r}, {b!r}) names {x!r}, which is not an argument",
                            ids=[x],
                        )
        for inf, prems in self.requires.items():
            for x in (inf, *prems):
                if x not in known:
                    raise NodeNotFoundError(f"requires names unknown argument {x!r}", ids=[x])

    def __repr__(self) -> str:
        return (
            f"BipolarFramework(arguments={len(self.arguments)}, attacks={len(self.attacks)}, "
            f"supports={len(self.supports)})"
        )

    def to_af(self, support: SupportMode = "none") -> ArgumentationFramework:
        """The Dung framework: attacks, premise attacks on inference arguments, and the
        support closure chosen by ``support`` (see the module docs)."""
        mode = support_mode(support)
        attackers: dict[str, list[str]] = {a: [] for a in self.arguments}
        for a, b in self.attacks:
            attackers[b].append(a)
        attacks: list[tuple[str, str]] = list(self.attacks)
        # An attack on a premise is an attack on every inference argument built on it.
        for inf, prems in self.requires.items():
            for p in prems:
                attacks.extend((a, inf) for a in attackers[p])
        if mode == "none" or not self.supports:
            return ArgumentationFramework(self.arguments, attacks)
        fwd: dict[str, list[str]] = {a: [] for a in self.arguments}
        back: dict[str, list[str]] = {a: [] for a in self.arguments}
        for a, b in self.supports:
            fwd[a].append(b)
            back[b].append(a)
        # A secondary attack on a premise reaches every inference built on it, as a
        # direct attack on the premise does: for a forward closure of the targets a
        # premise also leads to its inference arguments. No other closure uses these
        # links: one premise of a linked step alone attacks nothing.
        fwd_targets: dict[str, list[str]] = {a: list(v) for a, v in fwd.items()}
        for inf, prems in self.requires.items():
            for p in prems:
                if inf not in fwd_targets[p]:
                    fwd_targets[p].append(inf)
        # Who else attacks (sources) and who else is attacked (targets), per mode.
        src_edges: Mapping[str, list[str]] | None = None
        if mode in ("supported", "supported+secondary", "deductive"):
            src_edges = back  # supported attacks: a =>* x -> b
        elif mode == "necessary":
            src_edges = fwd  # extended attacks: x =>* a, x -> b
        tgt_edges: Mapping[str, list[str]] | None = None
        if mode in ("secondary", "supported+secondary", "necessary"):
            tgt_edges = fwd_targets  # secondary attacks: a -> x =>* b
        elif mode == "deductive":
            tgt_edges = back  # mediated attacks: a -> x, b =>* x
        base = list(dict.fromkeys(attacks))
        derived: list[tuple[str, str]] = []
        sources_of: dict[str, list[str]] = {}
        targets_of: dict[str, list[str]] = {}
        for a, b in base:
            if src_edges is not None:
                if a not in sources_of:
                    sources_of[a] = _reach(a, src_edges)
                srcs = sources_of[a]
            else:
                srcs = [a]
            if tgt_edges is not None:
                if b not in targets_of:
                    targets_of[b] = _reach(b, tgt_edges)
                tgts = targets_of[b]
            else:
                tgts = [b]
            derived.extend((s, t) for s in srcs for t in tgts)
        return ArgumentationFramework(self.arguments, [*base, *derived])


def _reach(start: str, edges: Mapping[str, list[str]]) -> list[str]:
    """``start`` and everything reachable from it along ``edges``, in visit order."""
    seen = {start}
    order = [start]
    stack = [start]
    while stack:
        for nxt in edges[stack.pop()]:
            if nxt not in seen:
                seen.add(nxt)
                order.append(nxt)
                stack.append(nxt)
    return order


def bipolar_from_map(m: ArgumentMap) -> BipolarFramework:
    """The bipolar framework of a map (see the module docs for the translation).

    Examples
    --------
    >>> import argmap as am
    >>> m = am.ArgumentMap()
    >>> c = m.claim("C", id="c")
    >>> p = m.premise("P", id="p", supports=c)
    >>> k = m.counterpoint("K", id="k", attacks=c)
    >>> b = bipolar_from_map(m)
    >>> b.arguments, b.attacks, b.supports
    (('c', 'p', 'k'), (('k', 'c'),), (('p', 'c'),))
    """
    inferences = list(m.inferences)
    # An inference is a node of its own when it is linked or an inference points into
    # it (its graph predecessors are its premises and the inferences targeting it):
    # read from the models, one pass, rather than node by node through the graph.
    inference_ids = {inf.id for inf in inferences}
    targeted = {inf.target for inf in inferences}
    explicit = {
        inf.id
        for inf in inferences
        if inf.linked or inf.id in targeted or any(p in inference_ids for p in inf.premises)
    }
    arguments = [s.id for s in m.statements]
    arguments.extend(inf.id for inf in inferences if inf.id in explicit)

    attacks: list[tuple[str, str]] = []
    supports: list[tuple[str, str]] = []
    requires: dict[str, tuple[str, ...]] = {}
    for inf in inferences:
        if inf.relation == "rephrase":
            continue  # no reason for or against: see the module docs
        if inf.id in explicit:
            requires[inf.id] = inf.premises
        edge = (inf.id if inf.id in explicit else inf.premises[0], inf.target)
        if inf.relation == "support":
            supports.append(edge)
        else:
            attacks.append(edge)
    return BipolarFramework(arguments, attacks, supports, requires)


def from_map(m: ArgumentMap, *, support: SupportMode = "none") -> ArgumentationFramework:
    """The Dung framework of a map: its attacks and undercuts as attacks.

    Parameters
    ----------
    m : ArgumentMap
        The map (read only).
    support : {"none", "deductive", "necessary", "supported", "secondary", "supported+secondary"}
        How supports turn into attacks (see the module docs); ``"none"`` ignores them.

    Returns
    -------
    ArgumentationFramework
        One argument per statement (same id), plus one per linked or undercut inference.

    Examples
    --------
    >>> import argmap as am
    >>> m = am.ArgumentMap()
    >>> c = m.claim("Tax sugar", id="c")
    >>> k = m.counterpoint("It hurts the poor", id="k", attacks=c)
    >>> r = m.premise("Revenue funds rebates", id="r", attacks=k)
    >>> from_map(m).attacks
    (('k', 'c'), ('r', 'k'))
    """
    return bipolar_from_map(m).to_af(support)
