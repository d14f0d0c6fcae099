"""What stands and what if: labels, strengths, explanations, and rendering them."""

from __future__ import annotations

import pytest

import argmap as am
from argmap.analysis.whatif import Status, Step, evaluate, explain, what_if
from argmap.errors import ArgmapError, NodeNotFoundError, OptionError
from argmap.render.status import evaluated_dot, status_style, strength_style


def _map() -> am.ArgumentMap:
    m = am.ArgumentMap(title="Sugar tax")
    c = m.claim("Tax sugary drinks", id="c")
    m.premise("It cuts consumption", id="p", supports=c)
    k = m.counterpoint("It hurts the poor most", id="k", attacks=c)
    m.premise("Revenue funds rebates", id="r", attacks=k)
    m.counterpoint("Rebates never reach them", id="n", attacks="r")
    return m


def test_chain_of_attacks_explains_each_label() -> None:
    result = evaluate(_map())
    assert {x: s.label for x, s in result.items()} == {
        "c": "out",
        "p": "in",
        "k": "in",
        "r": "out",
        "n": "in",
    }
    assert result["c"].explain() == (
        "c is out: attacked by k, which is in\n"
        "k is in: every attacker (r) is out\n"
        "r is out: attacked by n, which is in\n"
        "n is in: nothing attacks it"
    )


def test_rejecting_a_premise_flips_the_chain_and_says_why() -> None:
    changes = what_if(_map(), reject=["n"])
    assert [(ch.id, ch.before.label, ch.after.label) for ch in changes] == [
        ("c", "out", "in"),
        ("k", "in", "out"),
        ("r", "out", "in"),
        ("n", "in", "out"),
    ]
    assert changes[0].after.explain() == (
        "c is in: every attacker (k) is out\n"
        "k is out: attacked by r, which is in\n"
        "r is in: every attacker (n) is out\n"
        "n is out: you rejected it"
    )
    assert changes[0].after.strength > changes[0].before.strength


def test_accepting_a_statement_drops_the_attacks_on_it() -> None:
    after = evaluate(_map(), accept=["c"])
    assert after["c"].label == "in"
    assert after["c"].why[0].reason == "you accepted it"


def test_base_score_change_moves_strength_only() -> None:
    changes = what_if(_map(), base_scores={"k": 0.9})
    assert [ch.id for ch in changes] == ["c", "k"]
    assert all(ch.before.label == ch.after.label for ch in changes)
    assert changes[0].after.strength < changes[0].before.strength


@pytest.mark.parametrize("semantics", ["grounded", "ideal", "preferred", "stable"])
def test_what_if_reports_exactly_what_evaluate_says_before_and_after(semantics: str) -> None:
    # what_if shares the map's frameworks between its two evaluations and makes a
    # Status only for the statements that changed: the same ones evaluate() gives.
    m = _map()
    m.attack("n", "k")
    options = {"semantics": semantics, "support": "secondary"}
    change = {"reject": "r", "base_scores": {"p": 0.8}}
    before = evaluate(m, **options)  # type: ignore[arg-type]
    after = evaluate(m, **options, **change)  # type: ignore[arg-type]
    changes = what_if(m, **options, **change)  # type: ignore[arg-type]
    changed = [
        x
        for x in before
        if before[x].label != after[x].label or before[x].strength != after[x].strength
    ]
    assert [ch.id for ch in changes] == changed and changed
    for ch in changes:
        assert ch.before == before[ch.id] and ch.after == after[ch.id]
        assert ch.before.why == before[ch.id].why and ch.after.why == after[ch.id].why


def test_multi_extension_semantics_labels_sceptically() -> None:
    m = am.ArgumentMap()
    a = m.claim("A", id="a")
    b = m.claim("B", id="b", attacks=a)
    m.attack(a, b)
    m.claim("C", id="c", attacks=b)
    res = evaluate(m, semantics="preferred")
    assert {x: s.label for x, s in res.items()} == {"a": "in", "b": "out", "c": "in"}
    m2 = am.ArgumentMap()
    a2 = m2.claim("A", id="a")
    b2 = m2.claim("B", id="b", attacks=a2)
    m2.attack(a2, b2)
    res2 = evaluate(m2, semantics="preferred")
    assert res2["a"].label == "undec"
    assert res2["a"].why[0].reason == "in 1 of 2 preferred extensions, rejected by 1"


def test_bad_requests_are_named() -> None:
    with pytest.raises(KeyError, match="'zz'"):
        evaluate(_map(), reject=["zz"])
    with pytest.raises(ArgmapError, match="'k' cannot be both accepted and rejected"):
        evaluate(_map(), accept=["k"], reject=["k"])
    with pytest.raises(KeyError, match="unknown node 'q'"):
        what_if(_map(), base_scores={"q": 0.1})
    assert explain(_map(), "n") == "n is in: nothing attacks it"


def test_a_bare_string_is_one_id_not_its_letters() -> None:
    m = _map()
    as_list = what_if(m, reject=["k"])
    assert what_if(m, reject="k") == as_list
    assert [(ch.id, ch.before.label, ch.after.label) for ch in as_list] == [
        ("c", "out", "in"),
        ("k", "in", "out"),
    ]
    assert what_if(m, accept="r") == what_if(m, accept=["r"])
    assert what_if(m, reject=m.statement("k")) == as_list  # a statement model counts too
    assert evaluate(m, accept="r")["r"].why[0].reason == "you accepted it"
    with pytest.raises(NodeNotFoundError) as err:
        what_if(m, reject="battlefield")
    assert err.value.ids == ("battlefield",)  # the whole id, not a letter of it
    assert "'battlefield'" in str(err.value)
    with pytest.raises(TypeError) as terr:
        what_if(m, reject=7)  # type: ignore[arg-type]
    assert str(terr.value) == "reject must be a statement id or an iterable of ids, got int"
    with pytest.raises(TypeError) as terr:
        evaluate(m, accept=["r", None])  # type: ignore[list-item]
    assert str(terr.value) == "accept must hold statement ids (strings), got NoneType None"


_SEMANTICS = "choose one of grounded, complete, preferred, stable, semi-stable, ideal"


@pytest.mark.parametrize("fn", [evaluate, what_if])
def test_unknown_options_are_option_errors_naming_the_choices(fn) -> None:  # type: ignore[no-untyped-def]
    m = _map()
    with pytest.raises(OptionError) as err:
        fn(m, semantics="prefered")
    assert str(err.value) == (
        f"unknown semantics 'prefered'; {_SEMANTICS} (did you mean 'preferred'?)"
    )
    with pytest.raises(OptionError) as err:
        fn(m, support="mediated")
    assert str(err.value) == (
        "unknown support 'mediated'; choose one of none, deductive, necessary, supported, "
        "secondary, supported+secondary"
    )
    # checked before the strengths are computed, whose failures would read as "a cycle"
    with pytest.raises(OptionError) as err:
        fn(m, gradual="DF-QuAD")
    assert str(err.value) == (
        "unknown gradual semantics 'DF-QuAD'; choose one of dfquad, quadratic-energy, euler "
        "(did you mean 'dfquad'?)"
    )
    assert isinstance(err.value, ArgmapError) and isinstance(err.value, ValueError)


def test_status_style_feeds_to_dot() -> None:
    m = _map()
    attrs, badges = status_style(evaluate(m))
    assert badges["c"].startswith("REJECTED ")
    assert attrs["n"]["fillcolor"] == "#c8e6c9"
    src = evaluated_dot(m).source
    assert "CLAIM · REJECTED" in src and "PREMISE · ACCEPTED" in src
    _, sb = strength_style({"c": 0.5})
    assert sb == {"c": "strength 0.50"}
    with pytest.raises(ValueError, match="unknown label 'maybe'"):
        status_style({"c": "maybe"})  # type: ignore[dict-item]


def test_evaluated_picture_renders_with_dot(dot_binary: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    del dot_binary
    svg = evaluated_dot(_map()).pipe(format="svg").decode()
    assert "REJECTED" in svg and "ACCEPTED" in svg


def test_oscillating_strengths_leave_labels_standing() -> None:
    m = am.ArgumentMap()
    a = m.claim("A", id="a")
    b = m.claim("B", id="b", attacks=a)
    m.attack(a, b)
    res = evaluate(m, base_scores={"a": 1.0, "b": 1.0})
    assert {x: (s.label, s.strength) for x, s in res.items()} == {
        "a": ("undec", None),
        "b": ("undec", None),
    }
    assert status_style(res)[1] == {"a": "UNDECIDED", "b": "UNDECIDED"}
    assert [ch.id for ch in what_if(m, base_scores={"a": 1.0, "b": 1.0})] == ["a", "b"]


def test_evaluated_statuses_are_what_pydantic_builds() -> None:
    # evaluate() sets the instance state directly (speed); it must be the state
    # model_construct leaves, and compare, dump and copy like a validated Status.
    m = am.ArgumentMap()
    c = m.claim("C", id="c")
    m.counterpoint("K", id="k", attacks=c)
    got = evaluate(m)["c"]
    built = Status.model_construct(id="c", kind="claim", label="out", strength=got.strength)
    assert got.__dict__ == built.__dict__
    assert got.model_fields_set == built.model_fields_set
    assert got.__pydantic_extra__ is built.__pydantic_extra__ is None
    assert got == Status(id="c", kind="claim", label="out", strength=got.strength, why=got.why)
    assert got.model_dump()["why"] == (
        {"id": "c", "label": "out", "reason": "attacked by k, which is in"},
        {"id": "k", "label": "in", "reason": "nothing attacks it"},
    )
    assert got.model_copy(update={"label": "in"}).label == "in"
    step = got.why[0]
    built_step = Step.model_construct(id="c", label="out", reason="attacked by k, which is in")
    assert step.__dict__ == built_step.__dict__
    assert step.model_fields_set == built_step.model_fields_set
    assert step.__pydantic_extra__ is step.__pydantic_private__ is None
    assert built_step.__pydantic_private__ is None
    assert step == Step(id="c", label="out", reason="attacked by k, which is in")
    assert hash(step) == hash(built_step)


def test_evaluate_leaves_the_garbage_collector_as_it_found_it() -> None:
    import gc

    m = am.ArgumentMap()
    m.claim("C", id="c")
    assert gc.isenabled()
    evaluate(m)
    what_if(m, reject="c")
    assert gc.isenabled()
    gc.disable()
    try:
        evaluate(m)
        assert not gc.isenabled()
    finally:
        gc.enable()
    with pytest.raises(NodeNotFoundError):
        evaluate(m, accept="nope")
    assert gc.isenabled()
