"""Structural warnings about a map: things that are allowed but probably unintended."""

from __future__ import annotations

from typing import Literal

import networkx as nx
from pydantic import BaseModel, ConfigDict, Field

from argmap.map import ArgumentMap
from argmap.sources import _short, normalize

__all__ = ["CODES", "LintIssue", "lint"]

CODES = {
    "unsupported-main-claim": "a main conclusion that no inference supports",
    "premise-supports-nothing": "a premise that is a premise of no inference",
    "counterpoint-attacks-nothing": "a counterpoint that attacks or undercuts nothing",
    "supports-and-attacks": "a statement that both supports and attacks the same statement",
    "isolated-statement": "a statement with no relation at all",
    "support-cycle": "statements that support each other in a circle",
    "self-attack": "a statement that attacks itself",
    "quote-text-mismatch": "a statement whose text is not the words of its verbatim quote",
    "duplicate-text": "two or more statements with the same text",
}
"""Every lint code and what it means."""


class LintIssue(BaseModel):
    """One finding of :func:`lint`."""

    model_config = ConfigDict(frozen=True)

    code: str = Field(description="Stable code, one of argmap.analysis.lint.CODES.")
    severity: Literal["warning", "error"] = "warning"
    message: str
    nodes: tuple[str, ...] = Field(description="Ids of the statements concerned.")

    def __str__(self) -> str:
        return f"{self.severity}: {self.code}: {self.message}"


def lint(m: ArgumentMap) -> list[LintIssue]:
    """Warnings about the map's structure; never raises for a valid map.

    Reported, in this order: ``unsupported-main-claim``, ``isolated-statement``,
    ``premise-supports-nothing``, ``counterpoint-attacks-nothing``,
    ``supports-and-attacks``, ``support-cycle``, ``self-attack``,
    ``quote-text-mismatch``, ``duplicate-text`` (see :data:`CODES`). An isolated
    premise or counterpoint is reported once, as isolated.

    ``supports-and-attacks`` reports a statement that is a premise of a support and of
    an attack of the same target (alone or linked with others): it argues both ways,
    which is usually a slip (``m.premise(..., supports=c, attacks=c)``).

    ``self-attack`` reports a statement that attacks itself (``m.attack(s, s)``, or an
    argument attacking itself in an ICCMA file): allowed, and common in Dung
    frameworks, but such a statement is never accepted under grounded, preferred or
    stable semantics.

    Rephrases: a statement that rephrases another is related through it, so a premise
    or counterpoint that only rephrases is not reported as supporting or attacking
    nothing, and a main claim counts as supported when a statement that rephrases it
    (directly or through a chain of rephrases) has a reason.

    A quote that is not a paraphrase (``paraphrase=False``) says the statement's text
    *is* the source's words; ``quote-text-mismatch`` reports one whose text differs
    from the statement's, e.g. after ``m.update(s, text=...)`` or a hand-edited file.
    Texts are compared the way quotes are matched (:func:`argmap.sources.normalize`,
    surrounding whitespace ignored), so a statement typed with straight quotes or
    plain dashes still matches typographic ones in the source.

    ``duplicate-text`` reports, once per group, statements whose texts are the same
    after :func:`argmap.sources.normalize` (surrounding whitespace ignored): usually one
    statement entered twice, whose inferences belong on one node.

    Examples
    --------
    >>> import argmap as am
    >>> m = am.ArgumentMap()
    >>> _ = m.claim("Tax sugar", id="c")
    >>> [i.code for i in lint(m)]
    ['unsupported-main-claim']
    >>> _ = m.premise("Sugar  harms teeth", id="p1", supports="c")
    >>> _ = m.premise("Sugar harms teeth ", id="p2", supports="c")
    >>> lint(m)[-1].code, lint(m)[-1].nodes
    ('duplicate-text', ('p1', 'p2'))
    """
    g = m.graph
    issues: list[LintIssue] = []
    for s in m.main_conclusions():
        if not _supported(m, s.id):
            issues.append(
                LintIssue(
                    code="unsupported-main-claim",
                    message=f"main claim {s.id!r} has no supporting premise",
                    nodes=(s.id,),
                )
            )
    for s in m.statements:
        if s.kind == "claim":
            continue
        if g.degree(s.id) == 0:
            issues.append(
                LintIssue(
                    code="isolated-statement",
                    message=f"{s.kind} {s.id!r} is not related to anything",
                    nodes=(s.id,),
                )
            )
        elif s.kind == "premise" and g.out_degree(s.id) == 0:
            issues.append(
                LintIssue(
                    code="premise-supports-nothing",
                    message=f"premise {s.id!r} supports nothing",
                    nodes=(s.id,),
                )
            )
        elif s.kind == "counterpoint" and not any(
            g.nodes[i]["relation"] in _OBJECTING for i in g.successors(s.id)
        ):
            issues.append(
                LintIssue(
                    code="counterpoint-attacks-nothing",
                    message=f"counterpoint {s.id!r} attacks or undercuts nothing",
                    nodes=(s.id,),
                )
            )
    issues.extend(_both_ways(m))
    issues.extend(_support_cycles(m))
    issues.extend(_self_attacks(m))
    issues.extend(_quote_mismatches(m))
    issues.extend(_duplicate_texts(m))
    return issues


_OBJECTING = ("attack", "undercut", "rephrase")  # a counterpoint that rephrases is related


def _supported(m: ArgumentMap, id: str) -> bool:
    """Whether a statement, or a statement that rephrases it (directly or through a
    chain of rephrases), has a reason."""
    g = m.graph
    seen = {id}
    todo = [id]
    while todo:
        current = todo.pop()
        for i in g.predecessors(current):
            node = g.nodes[i]
            if node["relation"] == "support":
                return True
            if node["relation"] == "rephrase" and node["model"].premises[0] not in seen:
                seen.add(node["model"].premises[0])
                todo.append(node["model"].premises[0])
    return False


def _both_ways(m: ArgumentMap) -> list[LintIssue]:
    """One issue per statement and target it both supports and attacks, in map order
    of the statement, then of its first such inference."""
    ways: dict[tuple[str, str], dict[str, list[str]]] = {}
    for inf in m.inferences:
        if inf.relation in ("support", "attack"):
            for p in inf.premises:
                by_relation = ways.setdefault((p, inf.target), {})
                by_relation.setdefault(inf.relation, []).append(inf.id)
    order = {s.id: i for i, s in enumerate(m.statements)}
    both = [pair for pair, found in ways.items() if len(found) == 2]
    issues = []
    for p, target in sorted(both, key=lambda pair: order[pair[0]]):  # stable: map order
        found = ways[p, target]
        named = ", ".join(repr(i) for i in found["support"] + found["attack"])
        kind = m.statement(p).kind
        issues.append(
            LintIssue(
                code="supports-and-attacks",
                message=(
                    f"{kind} {p!r} both supports and attacks {target!r} ({named}); remove "
                    f"the one not meant, e.g. m.remove({found['attack'][0]!r})"
                ),
                nodes=(p, target),
            )
        )
    return issues


def _support_cycles(m: ArgumentMap) -> list[LintIssue]:
    """One issue per strongly connected group of statements joined by supports (linear time)."""
    support = nx.DiGraph()
    for inf in m.inferences:
        if inf.relation == "support":
            support.add_edges_from((p, inf.target) for p in inf.premises)
    order = {s.id: i for i, s in enumerate(m.statements)}
    issues = []
    groups = [c for c in nx.strongly_connected_components(support) if len(c) > 1]
    for group in sorted(groups, key=lambda c: min(order[n] for n in c)):
        nodes = tuple(sorted(group, key=order.__getitem__))
        cycle = [u for u, _ in nx.find_cycle(support.subgraph(group), source=nodes[0])]
        path = " -> ".join([*cycle, cycle[0]])
        issues.append(
            LintIssue(
                code="support-cycle",
                message=f"support cycle: {path}",
                nodes=nodes,
            )
        )
    return issues


def _self_attacks(m: ArgumentMap) -> list[LintIssue]:
    """One issue per attack whose single premise is its own target, in map order."""
    return [
        LintIssue(
            code="self-attack",
            message=(
                f"{m.statement(inf.target).kind} {inf.target!r} attacks itself "
                f"({inf.id!r}); it can never be accepted under grounded, preferred or "
                "stable semantics"
            ),
            nodes=(inf.target,),
        )
        for inf in m.inferences
        if inf.relation == "attack" and inf.premises == (inf.target,)
    ]


def _same_words(statement: str, quote: str) -> bool:
    """Whether a verbatim quote matches its statement: compared as
    :func:`argmap.sources.find_span` compares them (normalised, surrounding whitespace
    ignored)."""
    return statement == quote or normalize(statement).strip() == normalize(quote).strip()


def _quote_mismatches(m: ArgumentMap) -> list[LintIssue]:
    """One issue per verbatim quote whose text is not its statement's text."""
    issues = []
    for s in m.statements:
        for q in s.quotes:
            if q.paraphrase or _same_words(s.text, q.text):
                continue
            issues.append(
                LintIssue(
                    code="quote-text-mismatch",
                    message=(
                        f"statement {s.id!r} reads {_short(s.text)}, but its verbatim quote "
                        f"of source {q.source!r} ({q.start}:{q.end}) reads {_short(q.text)}; "
                        "quote it again, or mark the quote paraphrase=True"
                    ),
                    nodes=(s.id,),
                )
            )
    return issues


def _duplicate_texts(m: ArgumentMap) -> list[LintIssue]:
    """One issue per group of statements with the same normalised text, in map order."""
    groups: dict[str, list[str]] = {}
    for s in m.statements:
        groups.setdefault(normalize(s.text).strip(), []).append(s.id)
    issues = []
    for text, ids in groups.items():
        if len(ids) < 2:
            continue
        names = [repr(i) for i in ids]
        listed = f"{', '.join(names[:-1])} and {names[-1]}"
        issues.append(
            LintIssue(
                code="duplicate-text",
                message=(
                    f"statements {listed} have the same text {_short(text)}; keep one "
                    "(it can bear on several targets) or reword the other"
                    + ("s" if len(ids) > 2 else "")
                ),
                nodes=tuple(ids),
            )
        )
    return issues
