"""lint(): warnings without raising, each with a stable code and the node ids."""

from __future__ import annotations

import argmap as am
from argmap import ArgumentMap, LintIssue
from argmap.analysis.lint import CODES


def codes(m: ArgumentMap) -> list[tuple[str, tuple[str, ...]]]:
    return [(i.code, i.nodes) for i in am.lint(m)]


def test_clean_map_has_no_warnings() -> None:
    m = ArgumentMap()
    c = m.claim("C", id="c")
    m.premise("P", id="p", supports=c)
    m.counterpoint("K", id="k", attacks=c)
    assert am.lint(m) == [] == m.lint()


def test_each_warning() -> None:
    m = ArgumentMap()
    m.claim("Lonely claim", id="c")
    m.premise("Lonely premise", id="p")
    m.premise("Backed but used for nothing", id="u")
    m.premise("Backing", id="v", supports="u")
    m.counterpoint("Lonely counterpoint", id="k")
    d = m.claim("D", id="d")
    m.premise("Attacks instead", id="q", attacks=d)
    m.counterpoint("Supports instead", id="j", supports=d)
    assert codes(m) == [
        ("unsupported-main-claim", ("c",)),
        ("isolated-statement", ("p",)),
        ("premise-supports-nothing", ("u",)),
        ("isolated-statement", ("k",)),
        ("counterpoint-attacks-nothing", ("j",)),
    ]  # q, a premise in an attack, is used: premise-supports-nothing means "in no inference"
    assert {code for code, _ in codes(m)} <= CODES.keys()
    issue = am.lint(m)[0]
    assert isinstance(issue, LintIssue) and issue.severity == "warning"
    assert str(issue) == "warning: unsupported-main-claim: main claim 'c' has no supporting premise"


def test_support_cycle_is_found_once_per_cycle() -> None:
    m = ArgumentMap()
    a = m.claim("A", id="a")
    b = m.claim("B", id="b", supports=a)
    m.claim("C", id="c", supports=b)
    m.support("a", "c")
    m.premise("Outside", id="o", supports=a)
    (cycle,) = [i for i in am.lint(m) if i.code == "support-cycle"]
    assert cycle.nodes == ("a", "b", "c")
    assert cycle.message == "support cycle: a -> c -> b -> a"


def test_lint_scales_linearly_on_long_chains() -> None:
    """A 20k-statement chain lints without recursion errors or quadratic work."""
    m = ArgumentMap()
    prev = m.claim("top", id="s0")
    for i in range(1, 20_000):
        prev = m.premise(f"s{i}", id=f"s{i}", supports=prev)
    assert am.lint(m) == []
