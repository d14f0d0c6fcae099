"""Gradual strengths: hand-computed cases, maps, and formal-argumentation as oracle."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap as am
from argmap.analysis.framework import BipolarFramework
from argmap.analysis.gradual import dfquad, euler_based, quadratic_energy, strengths
from argmap.errors import ArgmapError, OptionError


def test_dfquad_unopposed_argument_keeps_its_base_score() -> None:
    assert dfquad(BipolarFramework(["a"]), {"a": 0.3}) == {"a": 0.3}


def test_dfquad_attack_and_support_of_equal_strength_cancel() -> None:
    b = BipolarFramework(["c", "p", "k"], attacks=[("k", "c")], supports=[("p", "c")])
    assert dfquad(b, {"c": 0.6, "p": 0.7, "k": 0.7})["c"] == pytest.approx(0.6)


def test_dfquad_two_attackers_combine_by_probabilistic_sum() -> None:
    b = BipolarFramework(["c", "k1", "k2"], attacks=[("k1", "c"), ("k2", "c")])
    # va = 1 - 0.5 * 0.5 = 0.75; c = 0.8 - 0.8 * 0.75 = 0.2
    assert dfquad(b, {"c": 0.8, "k1": 0.5, "k2": 0.5})["c"] == pytest.approx(0.2)


def test_dfquad_reinstatement_chain() -> None:
    b = BipolarFramework(["a", "b", "c"], attacks=[("b", "a"), ("c", "b")])
    s = dfquad(b, {"a": 1.0, "b": 1.0, "c": 1.0})
    assert s == {"a": 1.0, "b": 0.0, "c": 1.0}


def test_quadratic_energy_and_euler_by_hand() -> None:
    b = BipolarFramework(["c", "p"], supports=[("p", "c")])
    # E = 1: h(1) = 1/2 -> 0.5 + 0.5 * 0.5
    assert quadratic_energy(b, {"c": 0.5, "p": 1.0})["c"] == pytest.approx(0.75)
    # 1 - (1 - 0.25) / (1 + 0.5 e)
    assert euler_based(b, {"c": 0.5, "p": 1.0})["c"] == pytest.approx(1 - 0.75 / (1 + 0.5 * math.e))


def test_map_linked_premises_count_as_their_weakest() -> None:
    m = am.ArgumentMap()
    c = m.claim("C", id="c")
    p1 = m.premise("P1", id="p1")
    p2 = m.premise("P2", id="p2")
    m.add_inference(am.Inference(id="s", relation="support", premises=("p1", "p2"), target="c"))
    del c, p1, p2
    s = dfquad(m, {"c": 0.5, "p1": 0.9, "p2": 0.4})
    assert s["s"] == pytest.approx(0.4)
    assert s["c"] == pytest.approx(0.5 + 0.5 * 0.4)


def test_map_undercut_weakens_the_step_not_the_premise() -> None:
    m = am.ArgumentMap()
    c = m.claim("C", id="c")
    m.premise("P", id="p", supports=c)
    step = m.find_inference("p", "c")
    m.counterpoint("U", id="u", undercuts=step)
    s = dfquad(m, {"c": 0.5, "p": 1.0, "u": 1.0})
    assert s["p"] == 1.0
    assert s[step.id] == 0.0
    assert s["c"] == 0.5


def test_bad_base_scores_are_named() -> None:
    b = BipolarFramework(["a"])
    with pytest.raises(ArgmapError, match=r"base score of .a. must be in \[0, 1\], got 1.5"):
        dfquad(b, {"a": 1.5})
    with pytest.raises(KeyError, match="unknown node 'zz'"):
        dfquad(b, {"zz": 0.5})
    with pytest.raises(OptionError) as err:
        strengths(b, "x")  # type: ignore[arg-type]
    assert str(err.value) == (
        "unknown gradual semantics 'x'; choose one of dfquad, quadratic-energy, euler"
    )
    with pytest.raises(OptionError) as err:
        strengths(b, "Euler")  # type: ignore[arg-type]
    assert str(err.value).endswith("(did you mean 'euler'?)")
    with pytest.raises(OptionError) as err:
        dfquad(b, default=2)
    assert str(err.value) == "default base score must be a number in [0, 1], got 2"
    with pytest.raises(ArgmapError, match=r"base score of 'a' must be in \[0, 1\], got True"):
        dfquad(b, {"a": True})


def test_strengths_dispatches_by_name() -> None:
    b = BipolarFramework(["c", "k"], attacks=[("k", "c")])
    assert strengths(b, "dfquad") == dfquad(b)
    assert strengths(b, "quadratic-energy") == quadratic_energy(b)
    assert strengths(b, "euler") == euler_based(b)


# ---------------------------------------------------- formal-argumentation oracle
@st.composite
def weighted_graphs(draw: st.DrawFn, acyclic: bool) -> tuple[BipolarFramework, dict[str, float]]:
    n = draw(st.integers(1, 9))
    names = [f"a{i}" for i in range(n)]
    pairs = [(a, b) for i, a in enumerate(names) for j, b in enumerate(names) if i != j]
    if acyclic:
        pairs = [(a, b) for a, b in pairs if a > b]
    kinds = draw(
        st.lists(st.sampled_from(["", "", "att", "sup"]), min_size=len(pairs), max_size=len(pairs))
    )
    attacks = [p for p, k in zip(pairs, kinds, strict=True) if k == "att"]
    supports = [p for p, k in zip(pairs, kinds, strict=True) if k == "sup"]
    weights = {a: draw(st.floats(0, 1)) for a in names}
    return BipolarFramework(names, attacks, supports), weights


def _oracle(b: BipolarFramework, w: dict[str, float], which: str):  # type: ignore[no-untyped-def]
    from argumentation.gradual.dfquad import dfquad_strengths
    from argumentation.gradual.gradual import WeightedBipolarGraph, quadratic_energy_strengths

    g = WeightedBipolarGraph(
        arguments=frozenset(b.arguments),
        initial_weights=w,
        attacks=frozenset(b.attacks),
        supports=frozenset(b.supports),
    )
    fn = dfquad_strengths if which == "dfquad" else quadratic_energy_strengths
    return fn(g)


@settings(max_examples=200, deadline=None)
@given(weighted_graphs(acyclic=True))
def test_acyclic_graphs_agree_with_formal_argumentation(
    case: tuple[BipolarFramework, dict[str, float]],
) -> None:
    b, w = case
    assert dfquad(b, w) == pytest.approx(_oracle(b, w, "dfquad").strengths, abs=1e-12)
    # The oracle integrates the energy model's ODE even without cycles, to a residual of
    # 1e-9; ours evaluates acyclic graphs exactly.
    assert quadratic_energy(b, w) == pytest.approx(_oracle(b, w, "qe").strengths, abs=1e-7)


@settings(max_examples=100, deadline=None)
@given(weighted_graphs(acyclic=False))
def test_cyclic_graphs_agree_with_formal_argumentation_when_it_converges(
    case: tuple[BipolarFramework, dict[str, float]],
) -> None:
    b, w = case
    oracle = _oracle(b, w, "dfquad")
    if oracle.converged:
        assert dfquad(b, w) == pytest.approx(oracle.strengths, abs=1e-6)
    qe = _oracle(b, w, "qe")
    assert qe.converged
    assert quadratic_energy(b, w) == pytest.approx(qe.strengths, abs=1e-6)


@pytest.mark.parametrize(
    "name", sorted(p.stem for p in (Path(__file__).parent / "data" / "af").glob("*.af"))
)
def test_corpus_frameworks_agree_with_formal_argumentation(name: str) -> None:
    """DF-QuAD and quadratic energy on the corpus frameworks (attacks only)."""
    from argmap.formats.iccma import read_af

    from conftest import DATA

    af = read_af(DATA / "af" / f"{name}.af")
    b = BipolarFramework(af.arguments, attacks=af.attacks)
    w = {a: 0.5 + 0.4 * ((i * 7) % 5 - 2) / 2 for i, a in enumerate(af.arguments)}
    oracle = _oracle(b, w, "dfquad")
    if oracle.converged:
        assert dfquad(b, w) == pytest.approx(oracle.strengths, abs=1e-6)
    else:
        with pytest.raises(ArgmapError, match="did not converge"):
            dfquad(b, w)
    assert quadratic_energy(b, w) == pytest.approx(_oracle(b, w, "qe").strengths, abs=1e-6)


# ------------------------------------------------ cycles: converged to the last bits
def _root(f, lo: float, hi: float) -> float:  # type: ignore[no-untyped-def]
    """The root of an increasing ``f`` in [lo, hi], by bisection to the last bit."""
    while True:
        mid = (lo + hi) / 2
        if mid in (lo, hi):
            return lo if abs(f(lo)) <= abs(f(hi)) else hi
        if f(mid) < 0:
            lo = mid
        else:
            hi = mid


def _within_ulps(value: float, exact: float, ulps: int) -> bool:
    return abs(value - exact) <= ulps * math.ulp(exact)


MUTUAL = BipolarFramework(["a", "b"], attacks=[("a", "b"), ("b", "a")])


def test_dfquad_mutual_attack_is_one_third_not_the_stopping_tolerance() -> None:
    # s = 0.5 - 0.5 * s, so s = 1/3; stopping when a step changed s by 1e-9 gave
    # 0.3333333330228925 (3e-10 off); now the iteration runs on to the float fixed point.
    s = dfquad(MUTUAL)
    assert s["a"] == s["b"]
    assert _within_ulps(s["a"], 1 / 3, 1)
    assert s["a"] != 0.3333333330228925
    assert dfquad(MUTUAL) == s  # deterministic


def test_energy_models_reach_their_equilibria_to_the_last_bits() -> None:
    # Quadratic energy: s = 0.5 - 0.5 * s^2 / (1 + s^2), i.e. s^3 + s - 1/2 = 0.
    qe = quadratic_energy(MUTUAL)["a"]
    assert _within_ulps(qe, _root(lambda x: x**3 + x - 0.5, 0.0, 1.0), 4)
    # Euler-based: s = 1 - 0.75 / (1 + 0.5 * exp(-s)).
    eu = euler_based(MUTUAL)["a"]
    exact = _root(lambda x: x - 1 + 0.75 / (1 + 0.5 * math.exp(-x)), 0.0, 1.0)
    assert _within_ulps(eu, exact, 4)


def test_evaluate_reports_the_converged_strength() -> None:
    m = am.ArgumentMap()
    a = m.claim("A", id="a")
    b = m.claim("B", id="b", attacks=a)
    m.attack(a, b)
    result = am.evaluate(m)
    assert result["a"].strength == result["b"].strength == dfquad(MUTUAL)["a"]
    assert _within_ulps(result["a"].strength, 1 / 3, 1)


def test_a_three_cycle_with_support_converges_to_its_fixed_point() -> None:
    # a -> b -> c -> a attacks, d supports a: check the fixed-point equations hold to
    # the last bits of every strength.
    b = BipolarFramework(
        ["a", "b", "c", "d"], attacks=[("a", "b"), ("b", "c"), ("c", "a")], supports=[("d", "a")]
    )
    w = {"a": 0.3, "b": 0.6, "c": 0.9, "d": 0.7}
    s = dfquad(b, w)

    def one(base: float, att: float, sup: float = 0.0) -> float:
        return base - base * (att - sup) if att >= sup else base + (1 - base) * (sup - att)

    assert _within_ulps(s["a"], one(w["a"], s["c"], s["d"]), 4)
    assert _within_ulps(s["b"], one(w["b"], s["a"]), 4)
    assert _within_ulps(s["c"], one(w["c"], s["b"]), 4)
    assert s["d"] == 0.7


def test_the_steps_past_the_tolerance_count_towards_max_iterations() -> None:
    # Under DF-QuAD the mutual attack gets within 1e-9 at its 29th step; the steps on to
    # the float fixed point (1/3 to one ulp at step 53) stop at max_iterations in all.
    with pytest.raises(am.ArgmapError, match="did not converge within 28 iterations"):
        dfquad(MUTUAL, max_iterations=28)
    assert dfquad(MUTUAL, max_iterations=29)["a"] == 0.33333333395421505
    assert dfquad(MUTUAL, max_iterations=30)["a"] == 0.3333333330228925
    assert dfquad(MUTUAL, max_iterations=40)["a"] == 0.33333333333303017
    assert dfquad(MUTUAL, max_iterations=53)["a"] == 0.33333333333333337
    assert dfquad(MUTUAL)["a"] == 0.33333333333333337


def test_fixed_point_runs_at_most_max_iterations_steps_and_64_past_the_tolerance() -> None:
    from argmap.analysis.gradual import _fixed_point

    calls = 0

    def halve(x: dict[str, float]) -> tuple[float, dict[str, float]]:
        # converges geometrically on 0, ever closer, to below the smallest float
        nonlocal calls
        calls += 1
        return x["a"] / 2, {"a": x["a"] / 2}

    assert _fixed_point(halve, {"a": 1.0}, 1e-9, 10_000)["a"] == 2.0**-93
    assert calls == 30 + 64  # 30 to get a step below 1e-9 (from 2**-29), 64 more, not ~1045
    calls = 0
    assert _fixed_point(halve, {"a": 1.0}, 1e-9, 40)["a"] == 2.0**-39
    assert calls == 40


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"tolerance": 0}, "tolerance must be a number above 0, got 0"),
        ({"tolerance": -1e-9}, "tolerance must be a number above 0, got -1e-09"),
        ({"tolerance": float("nan")}, "tolerance must be a number above 0, got nan"),
        ({"max_iterations": 0}, "max_iterations must be a whole number, at least 1, got 0"),
        ({"max_iterations": 2.5}, "max_iterations must be a whole number, at least 1, got 2.5"),
    ],
)
def test_bad_tolerance_or_max_iterations_is_an_option_error(
    options: dict[str, float], message: str
) -> None:
    for fn in (dfquad, quadratic_energy, euler_based):
        with pytest.raises(am.OptionError) as info:
            fn(MUTUAL, **options)  # type: ignore[arg-type]
        assert str(info.value) == message


def test_the_inlined_dfquad_round_is_bit_for_bit_the_reference_score() -> None:
    # The fixed point inlines _dfquad_score for speed; every node of a framework with
    # cycles, several attackers and supporters, and inference nodes, gets the same bits.
    import random

    from argmap.analysis.gradual import _dfquad_score, _Net

    rnd = random.Random(7)
    names = [f"a{i}" for i in range(60)]
    pairs = {(rnd.choice(names), rnd.choice(names)) for _ in range(200)}
    attacks = sorted(p for p in pairs if rnd.random() < 0.5)
    supports = sorted(p for p in pairs if p not in attacks)
    b = BipolarFramework(names, attacks, supports, {"a0": ("a1", "a2")})
    net = _Net(b, {a: rnd.random() for a in names[3:]}, 0.5)
    s = [rnd.random() for _ in names]
    reference = [
        _dfquad_score(w, [s[x] for x in at], [s[x] for x in su])
        for w, at, su in zip(net.base, net.att, net.sup, strict=True)
    ]
    reference[0] *= min(s[1], s[2])
    assert net.values(s, _dfquad_score) == reference
