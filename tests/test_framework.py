"""Maps to Dung frameworks: attacks, undercuts, linked steps and the support closures."""

from __future__ import annotations

import pytest

import argmap as am
from argmap.analysis.framework import (
    ArgumentationFramework,
    BipolarFramework,
    bipolar_from_map,
    from_map,
)
from argmap.analysis.semantics import grounded, labelling, preferred
from argmap.errors import ArgmapError, OptionError


def _debate() -> am.ArgumentMap:
    m = am.ArgumentMap()
    c = m.claim("C", id="c")
    m.premise("P", id="p", supports=c)
    k = m.counterpoint("K", id="k", attacks=c)
    m.premise("E", id="e", supports=k)
    return m


def test_statements_are_arguments_and_attacks_are_attacks() -> None:
    af = from_map(_debate())
    assert af.arguments == ("c", "p", "k", "e")
    assert af.attacks == (("k", "c"),)
    assert labelling(af) == {"c": "out", "p": "in", "k": "in", "e": "in"}


def test_supported_attack_lets_the_reason_for_an_objection_attack_too() -> None:
    af = from_map(_debate(), support="supported")
    assert set(af.attacks) == {("k", "c"), ("e", "c")}


def test_secondary_attack_reaches_what_the_attacked_statement_supports() -> None:
    m = am.ArgumentMap()
    c = m.claim("C", id="c")
    p = m.premise("P", id="p", supports=c)
    m.counterpoint("K", id="k", attacks=p)
    assert from_map(m).attacks == (("k", "p"),)
    assert set(from_map(m, support="secondary").attacks) == {("k", "p"), ("k", "c")}
    assert grounded(from_map(m)) == {"c", "k"}
    assert grounded(from_map(m, support="secondary")) == {"k"}


def test_both_closures_chain_supports_on_either_side() -> None:
    b = BipolarFramework(
        ["a", "b", "c", "d"], attacks=[("b", "c")], supports=[("a", "b"), ("c", "d")]
    )
    assert set(b.to_af("supported+secondary").attacks) == {
        ("b", "c"),
        ("a", "c"),
        ("b", "d"),
        ("a", "d"),
    }
    with pytest.warns(DeprecationWarning, match="support='both' is deprecated; it is called"):
        assert b.to_af("both") == b.to_af("supported+secondary")  # type: ignore[arg-type]
    assert set(b.to_af("supported").attacks) == {("b", "c"), ("a", "c")}
    assert set(b.to_af("secondary").attacks) == {("b", "c"), ("b", "d")}


def _linked_premise_supported_by_an_attacked_reason() -> am.ArgumentMap:
    """p1 and p2 together support c (linked); x supports p1; k attacks x."""
    m = am.ArgumentMap()
    m.claim("C", id="c")
    m.premise("P1", id="p1")
    m.premise("P2", id="p2")
    m.support(["p1", "p2"], "c", id="step")
    m.premise("X", id="x", supports="p1")
    m.counterpoint("K", id="k", attacks="x")
    return m


@pytest.mark.parametrize("mode", ["secondary", "supported+secondary", "necessary"])
def test_secondary_attack_on_a_premise_reaches_the_linked_step_that_uses_it(mode: str) -> None:
    m = _linked_premise_supported_by_an_attacked_reason()
    af = from_map(m, support=mode)  # type: ignore[arg-type]
    # k -> x, x => p1 gives k -> p1; p1 is a premise of the linked step, so k -> step
    # (as a direct attack on p1 would), and step => c gives k -> c.
    assert {("k", "x"), ("k", "p1"), ("k", "step"), ("k", "c")} <= set(af.attacks)
    assert labelling(af) == {
        "c": "out",
        "p1": "out",
        "p2": "in",
        "x": "out",
        "k": "in",
        "step": "out",
    }
    direct = am.ArgumentMap()
    direct.claim("C", id="c")
    direct.premise("P1", id="p1")
    direct.premise("P2", id="p2")
    direct.support(["p1", "p2"], "c", id="step")
    direct.counterpoint("K", id="k", attacks="p1")
    assert labelling(from_map(direct, support=mode))["step"] == "out"  # type: ignore[arg-type]


def test_supported_attack_does_not_make_one_linked_premise_an_attacker() -> None:
    b = BipolarFramework(
        ["p1", "p2", "step", "c", "k"],
        attacks=[("step", "c"), ("k", "p1")],
        supports=[],
        requires={"step": ("p1", "p2")},
    )
    assert set(b.to_af("supported").attacks) == {("step", "c"), ("k", "p1"), ("k", "step")}
    b2 = BipolarFramework(
        ["p1", "p2", "step", "c", "x"],
        attacks=[("step", "c")],
        supports=[("x", "p1")],
        requires={"step": ("p1", "p2")},
    )
    assert set(b2.to_af("supported+secondary").attacks) == {("step", "c")}


def test_undercut_attacks_the_inference_argument() -> None:
    m = am.ArgumentMap()
    c = m.claim("C", id="c")
    m.counterpoint("K", id="k", attacks=c)
    step = m.find_inference("k", "c")
    m.premise("U", id="u", undercuts=step)
    af = from_map(m)
    assert af.arguments == ("c", "k", "u", step.id)
    assert set(af.attacks) == {(step.id, "c"), ("u", step.id)}
    # The objection's step is undercut, so the claim is reinstated; k itself stands.
    assert labelling(af) == {"c": "in", "k": "in", "u": "in", step.id: "out"}


def test_linked_attack_falls_when_any_premise_falls() -> None:
    m = am.ArgumentMap()
    m.claim("C", id="c")
    m.counterpoint("K1", id="k1")
    m.counterpoint("K2", id="k2")
    m.add_inference(am.Inference(id="x", relation="attack", premises=("k1", "k2"), target="c"))
    m.premise("R", id="r", attacks="k2")
    b = bipolar_from_map(m)
    assert b.requires == {"x": ("k1", "k2")}
    af = from_map(m)
    assert set(af.attacks) == {("x", "c"), ("r", "k2"), ("r", "x")}
    assert labelling(af)["c"] == "in"


def test_bad_frameworks_are_named() -> None:
    with pytest.raises(ArgmapError, match="argument 'a' is listed twice"):
        ArgumentationFramework(["a", "a"])
    with pytest.raises(KeyError, match="attack \\('a', 'z'\\) names 'z'"):
        ArgumentationFramework(["a"], [("a", "z")])
    with pytest.raises(OptionError) as err:
        from_map(_debate(), support="all")  # type: ignore[arg-type]
    assert str(err.value) == (
        "unknown support 'all'; choose one of none, deductive, necessary, supported, "
        "secondary, supported+secondary"
    )
    with pytest.raises(OptionError) as err:
        BipolarFramework(["a"]).to_af("suported")  # type: ignore[arg-type]
    assert str(err.value) == (
        "unknown support 'suported'; choose one of none, deductive, necessary, supported, "
        "secondary, supported+secondary "
        "(did you mean 'supported'?)"
    )
    assert isinstance(err.value, ValueError) and isinstance(err.value, ArgmapError)


def test_frameworks_compare_by_content_and_restrict() -> None:
    af = ArgumentationFramework(["a", "b", "c"], [("b", "c"), ("a", "b"), ("a", "b")])
    assert af.attacks == (("a", "b"), ("b", "c"))
    assert af == ArgumentationFramework(["c", "b", "a"], [("a", "b"), ("b", "c")])
    assert af.restricted(["b", "c"]).attacks == (("b", "c"),)
    assert af.with_arguments(["d"], [("d", "a")]).attackers("a") == ("d",)


def test_deductive_support_adds_mediated_attacks_the_issue_example() -> None:
    # a => b, b -> c, c -> b (Cayrol & Lagasquie-Schiex 2013): with deductive support
    # c -> b is also a mediated attack c -> a, and a => b -> c a supported attack a -> c.
    b = BipolarFramework(["a", "b", "c"], attacks=[("b", "c"), ("c", "b")], supports=[("a", "b")])
    af = b.to_af("deductive")
    assert set(af.attacks) == {("b", "c"), ("c", "b"), ("a", "c"), ("c", "a")}
    assert sorted(sorted(e) for e in preferred(af)) == [["a", "b"], ["c"]]
    # supported attacks alone keep a unattacked, so {c} is not admissible
    assert sorted(sorted(e) for e in preferred(b.to_af("supported"))) == [["a", "b"]]


def test_deductive_support_chains_both_ways() -> None:
    # x => a -> y and b => y: super-mediated x -> b; a -> y gives a -> b (mediated)
    b = BipolarFramework(
        ["x", "a", "y", "b"], attacks=[("a", "y")], supports=[("x", "a"), ("b", "y")]
    )
    assert set(b.to_af("deductive").attacks) == {("a", "y"), ("x", "y"), ("a", "b"), ("x", "b")}


def test_necessary_support_adds_secondary_and_extended_attacks() -> None:
    # a => b read as "b needs a": a -> c gives b -> c (extended: b cannot stand without
    # a); k -> a gives k -> b (secondary: what b needs is gone).
    b = BipolarFramework(
        ["a", "b", "c", "k"], attacks=[("a", "c"), ("k", "a")], supports=[("a", "b")]
    )
    assert set(b.to_af("necessary").attacks) == {
        ("a", "c"),
        ("k", "a"),
        ("b", "c"),
        ("k", "b"),
    }
    assert set(b.to_af("secondary").attacks) == {("a", "c"), ("k", "a"), ("k", "b")}


def test_deductive_and_necessary_are_duals() -> None:
    # Cayrol & Lagasquie-Schiex 2013: necessary support a => b is deductive support
    # b => a; reversing every support maps one mode's attacks onto the other's.
    args = ["a", "b", "c", "d", "e"]
    attacks = [("a", "c"), ("c", "d"), ("e", "b"), ("d", "a")]
    supports = [("a", "b"), ("b", "e"), ("d", "c")]
    necessary = BipolarFramework(args, attacks, supports).to_af("necessary")
    deductive = BipolarFramework(args, attacks, [(y, x) for x, y in supports]).to_af("deductive")
    assert set(necessary.attacks) == set(deductive.attacks)
