"""Structural analysis of maps."""

from __future__ import annotations

import argmap as am
from argmap.analysis.structure import (
    isolated_statements,
    main_conclusions,
    shared_premises,
    support_cycles,
    support_depth,
    unanswered_counterpoints,
    unsupported_claims,
)


def _map() -> am.ArgumentMap:
    m = am.ArgumentMap()
    c = m.claim("C", id="c")
    sub = m.claim("Sub", id="sub", supports=c)
    p = m.premise("P", id="p", supports=sub)
    m.support(p, c)
    k1 = m.counterpoint("K1", id="k1", attacks=c)
    m.counterpoint("K2", id="k2", attacks=sub)
    m.premise("R", id="r", attacks=k1)
    m.premise("Lonely", id="lonely")
    m.claim("Bare", id="bare")
    return m


def test_structure_of_a_small_debate() -> None:
    m = _map()
    assert main_conclusions(m) == ["c", "bare"]
    assert support_depth(m) == {
        "c": 2,
        "sub": 1,
        "p": 0,
        "k1": 0,
        "k2": 0,
        "r": 0,
        "lonely": 0,
        "bare": 0,
    }
    assert unsupported_claims(m) == ["bare"]
    assert unanswered_counterpoints(m) == ["k2"]
    assert isolated_statements(m) == ["lonely", "bare"]
    assert shared_premises(m) == {"p": ["p-supports-sub", "p-supports-c"]}
    assert support_cycles(m) == []


def test_support_cycle_counts_as_one_level() -> None:
    m = am.ArgumentMap()
    a = m.claim("A", id="a")
    b = m.claim("B", id="b", supports=a)
    m.support(a, b)
    m.premise("P", id="p", supports=a)
    assert support_cycles(m) == [["a", "b"]]
    assert support_depth(m) == {"a": 1, "b": 1, "p": 0}


def test_a_counterpoint_attacking_itself_is_still_unanswered() -> None:
    m = am.ArgumentMap()
    c = m.claim("C", id="c")
    k = m.counterpoint("K", id="k", attacks=c)
    m.attack(k, k)
    m.counterpoint("L", id="l", attacks=c)
    m.premise("U", id="u", undercuts=m.find_inference("l", "c"))
    m.undercut("l", m.find_inference("l", "c"))  # l undercuts its own step too
    assert unanswered_counterpoints(m) == ["k"]
    m.premise("R", id="r", attacks=k)
    assert unanswered_counterpoints(m) == []


def test_undercut_answers_a_counterpoint() -> None:
    m = am.ArgumentMap()
    c = m.claim("C", id="c")
    m.counterpoint("K", id="k", attacks=c)
    m.premise("U", id="u", undercuts=m.find_inference("k", "c"))
    assert unanswered_counterpoints(m) == []
