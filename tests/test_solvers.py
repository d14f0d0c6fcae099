"""The SAT solver and the pure-Python search give the same answers, checked against
independent solvers: py_arg on small frameworks, pygarg (SAT) and clingo (ASP, with
ASPARTIX-style encodings) on dense AFGen-style ones; and the decision problems
(``accepted``, ``some_extension``) and the lazy enumeration agree with them."""

from __future__ import annotations

import itertools
import json

import pytest
from afgen import dense_af
from aspartix import clingo_extensions, clingo_facts, clingo_semi_stable
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_semantics import _oracle

import argmap as am
from argmap.analysis.framework import ArgumentationFramework as AF  # noqa: N817
from argmap.analysis.semantics import (
    SEMANTICS,
    accepted,
    extensions,
    iter_extensions,
    preferred,
    sat_available,
    some_extension,
    stable,
)
from argmap.errors import OptionError
from argmap.formats.iccma import read_af

from conftest import DATA

pytest.importorskip("pysat")

AF_DIR = DATA / "af"
ANSWERS = json.loads((AF_DIR / "answers.json").read_text(encoding="utf-8"))


def norm(exts: object) -> list[list[str]]:
    return sorted(sorted(e) for e in exts)  # type: ignore[attr-defined]


def _check_acceptance(af: AF, sem: str, exts: list[list[str]]) -> None:
    for a in af.arguments:
        for solver in ("sat", "search"):
            cred = accepted(af, a, sem, "credulous", solver=solver)  # type: ignore[arg-type]
            scep = accepted(af, a, sem, "sceptical", solver=solver)  # type: ignore[arg-type]
            assert cred == any(a in e for e in exts), (sem, a, solver)
            assert scep == all(a in e for e in exts), (sem, a, solver)


# ------------------------------------------------------------------- corpus
@pytest.mark.parametrize("name", sorted(ANSWERS))
def test_sat_and_search_agree_with_the_corpus_answers(name: str) -> None:
    af = read_af(AF_DIR / f"{name}.af")
    expected = ANSWERS[name]
    for sem in SEMANTICS:
        sat = norm(extensions(af, sem, solver="sat"))  # type: ignore[arg-type]
        assert sat == norm(extensions(af, sem, solver="search")), sem  # type: ignore[arg-type]
        key = {"preferred": "preferred", "stable": "stable", "complete": "complete"}.get(sem)
        if key in expected:
            assert sorted(sorted(int(a) for a in e) for e in sat) == sorted(
                sorted(e) for e in expected[key]
            ), sem


# ------------------------------------------------ generated, with self-attacks
@st.composite
def frameworks(draw: st.DrawFn, max_size: int = 7) -> AF:
    n = draw(st.integers(0, max_size))
    names = [f"a{i}" for i in range(n)]
    density = draw(st.sampled_from([0.15, 0.3, 0.45]))
    attacks = [(a, b) for a in names for b in names if draw(st.floats(0, 1)) < density]
    loops = draw(st.lists(st.sampled_from(names), max_size=2)) if names else []
    return AF(names, [*attacks, *((x, x) for x in loops)])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(frameworks())
def test_generated_frameworks_agree_with_py_arg_under_both_solvers(af: AF) -> None:
    for sem in SEMANTICS:
        expected = [list(e) for e in _oracle(af, sem)]
        for solver in ("sat", "search"):
            got = norm(extensions(af, sem, solver=solver))  # type: ignore[arg-type]
            assert got == expected, (sem, solver)
        if sem in ("preferred", "stable", "complete"):
            _check_acceptance(af, sem, expected)
        first = some_extension(af, sem, solver="sat")  # type: ignore[arg-type]
        assert (first is None) == (not expected)
        assert first is None or sorted(first) in expected


# ------------------------------------------------------------ dense, pygarg
DENSE = [("er", 100, 0.2, 1), ("ba", 150, 0.3, 5)]


@pytest.fixture(scope="module", params=DENSE, ids=lambda d: f"{d[0]}-{d[1]}")
def dense(request: pytest.FixtureRequest) -> AF:
    shape, n, p, seed = request.param
    return dense_af(n, p, seed=seed, shape=shape, self_attacks=0.05)


_PYGARG = {"complete": "CO", "preferred": "PR", "stable": "ST", "semi-stable": "SST"}


@pytest.mark.parametrize("sem", sorted(_PYGARG))
def test_dense_frameworks_agree_with_pygarg(dense: AF, sem: str) -> None:
    solver = pytest.importorskip("pygarg.dung.solver")
    assert len(dense.attacks) > 1900
    assert any(a == b for a, b in dense.attacks)  # self-attacks, as in ICCMA files
    args = list(dense.arguments)
    atts = [[a, b] for a, b in dense.attacks]
    theirs = norm(set(e) for e in solver.extension_enumeration(args, atts, _PYGARG[sem]))
    ours = norm(extensions(dense, sem, solver="sat"))  # type: ignore[arg-type]
    assert ours == theirs
    assert norm(extensions(dense, sem)) == theirs  # type: ignore[arg-type]
    if sem not in ("preferred", "stable"):
        return
    for a in args[:3]:
        dc = solver.credulous_acceptability(args, atts, a, _PYGARG[sem])[0]
        assert accepted(dense, a, sem, "credulous", solver="sat") == dc  # type: ignore[arg-type]
        ds = solver.skeptical_acceptability(args, atts, a, _PYGARG[sem])[0]
        assert accepted(dense, a, sem, "sceptical", solver="sat") == ds  # type: ignore[arg-type]


# complete is left out: clingo takes minutes to enumerate the BA one's 379
@pytest.mark.parametrize("sem", ["preferred", "stable"])
def test_dense_frameworks_agree_with_clingo(dense: AF, sem: str) -> None:
    pytest.importorskip("clingo")
    found = clingo_extensions(clingo_facts(dense.arguments, dense.attacks), sem)
    assert norm(extensions(dense, sem, solver="sat")) == found  # type: ignore[arg-type]


# ------------------------------------------- semi-stable: many, and no stable one
def _semi_stable_gadgets(choices: int, same_range: int, dominated: int) -> AF:
    """No stable extension (an odd cycle x -> y -> z -> x) and 2 ** (choices +
    same_range) semi-stable ones: ``choices`` pairs ``a <-> b`` whose sides each attack
    a self-attacking argument of their own (two ranges, neither inside the other),
    ``same_range`` plain pairs (two extensions with one range), and ``dominated`` pairs
    where only side ``a`` attacks a self-attacker (both sides are preferred, only ``a``
    is semi-stable)."""
    args: list[str] = ["x", "y", "z"]
    attacks: list[tuple[str, str]] = [("x", "y"), ("y", "z"), ("z", "x")]
    for i in range(choices):
        a, b, ca, cb = f"c{i}a", f"c{i}b", f"c{i}ca", f"c{i}cb"
        args += [a, b, ca, cb]
        attacks += [(a, b), (b, a), (a, ca), (b, cb), (ca, ca), (cb, cb)]
    for i in range(same_range):
        args += [f"s{i}a", f"s{i}b"]
        attacks += [(f"s{i}a", f"s{i}b"), (f"s{i}b", f"s{i}a")]
    for i in range(dominated):
        a, b, c = f"d{i}a", f"d{i}b", f"d{i}c"
        args += [a, b, c]
        attacks += [(a, b), (b, a), (a, c), (c, c)]
    return AF(args, attacks)


# More than AUTO_SAT_ABOVE arguments undecided, so "auto" is the SAT solver.
@pytest.mark.parametrize("shape", [(4, 3, 1), (0, 8, 2), (6, 0, 1)], ids=str)
def test_many_semi_stable_extensions_and_no_stable_one_agree_with_clingo(
    shape: tuple[int, int, int],
) -> None:
    pytest.importorskip("clingo")
    af = _semi_stable_gadgets(*shape)
    choices, same_range, dominated = shape
    expected = clingo_semi_stable(clingo_facts(af.arguments, af.attacks))
    assert len(expected) == 2 ** (choices + same_range)
    assert stable(af, solver="sat") == []
    assert len(preferred(af, solver="sat")) == 2 ** (choices + same_range + dominated)
    for solver in ("sat", "search", "auto"):
        assert norm(extensions(af, "semi-stable", solver=solver)) == expected, solver
    for a in ("x", "c0a", "s0a", "d0a", "d0b"):
        if a in af:
            for mode in ("credulous", "sceptical"):
                want = (any if mode == "credulous" else all)(a in e for e in expected)
                got = accepted(af, a, "semi-stable", mode, solver="sat")  # type: ignore[arg-type]
                assert got == want, (a, mode)


def test_semi_stable_gadgets_agree_with_py_arg() -> None:
    af = _semi_stable_gadgets(1, 1, 1)  # py_arg needs minutes beyond some 15 arguments
    expected = [list(e) for e in _oracle(af, "semi-stable")]
    assert len(expected) == 4
    for solver in ("sat", "search"):
        assert norm(extensions(af, "semi-stable", solver=solver)) == expected


def test_semi_stable_on_a_dense_framework_with_720_and_no_stable_one_agrees_with_pygarg() -> None:
    # One maximal range here: pygarg 1.0.2 lists only some of the semi-stable
    # extensions when there are several (the gadgets above), so it is the oracle only here.
    solver = pytest.importorskip("pygarg.dung.solver")
    af = dense_af(200, 0.3, seed=6, shape="ba")
    args = list(af.arguments)
    atts = [[a, b] for a, b in af.attacks]
    theirs = norm(set(e) for e in solver.extension_enumeration(args, atts, "SST"))
    assert len(theirs) == 720
    assert stable(af, solver="sat") == []
    for how in ("sat", "search", "auto"):
        assert norm(extensions(af, "semi-stable", solver=how)) == theirs, how  # type: ignore[arg-type]


# ------------------------------------------------------------ the interface
def test_enumeration_is_lazy_the_first_of_two_to_the_thirty_comes_at_once() -> None:
    pairs = [(f"a{i}", f"b{i}") for i in range(30)]
    af = AF([x for p in pairs for x in p], [*pairs, *((b, a) for a, b in pairs)])
    for solver in ("sat", "search", "auto"):
        first = list(itertools.islice(iter_extensions(af, "preferred", solver=solver), 3))
        assert len(first) == 3 and len(set(first)) == 3
        assert all(len(e) == 30 for e in first)
    assert len(some_extension(af, "stable") or ()) == 30


def test_some_extension_is_none_only_without_a_stable_extension() -> None:
    odd = AF(["a", "b", "c"], [("a", "b"), ("b", "c"), ("c", "a")])
    for solver in ("sat", "search"):
        assert some_extension(odd, "stable", solver=solver) is None
        assert some_extension(odd, "preferred", solver=solver) == frozenset()
        assert some_extension(odd, "semi-stable", solver=solver) == frozenset()
        assert accepted(odd, "a", "stable", "sceptical", solver=solver)  # vacuously
        assert not accepted(odd, "a", "stable", "credulous", solver=solver)


def test_options_are_checked_with_clear_messages() -> None:
    af = AF(["a"])
    with pytest.raises(OptionError) as err:
        accepted(af, "a", "preferred", "skeptical")  # type: ignore[arg-type]
    assert str(err.value) == (
        "unknown mode 'skeptical'; choose one of credulous, sceptical (did you mean 'sceptical'?)"
    )
    with pytest.raises(OptionError) as err:
        extensions(af, "stable", solver="clingo")  # type: ignore[arg-type]
    assert str(err.value) == "unknown solver 'clingo'; choose one of auto, sat, search"
    with pytest.raises(KeyError, match="no argument 'z'"):
        accepted(af, "z")


def test_the_sat_solver_is_optional_and_not_imported_by_argmap(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import subprocess
    import sys

    code = (
        "import sys, argmap; print('pysat' in sys.modules, 'argmap.analysis._sat' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
    assert sat_available()
    import argmap.analysis.semantics as sem

    af = dense_af(40, 0.2, seed=3)
    by_sat = norm(extensions(af, "preferred", solver="sat"))
    monkeypatch.setattr(sem, "sat_available", lambda: False)
    assert norm(am.extensions(af, "preferred")) == by_sat  # auto falls back to the search
    with pytest.raises(OptionError) as err:
        extensions(af, "preferred", solver="sat")
    assert str(err.value) == (
        "solver='sat' needs python-sat, which is not installed; install it with "
        "pip install 'argmap[solver]' (or use solver='search')"
    )


def test_auto_looks_for_python_sat_only_when_the_framework_needs_a_solver(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Looking python-sat up searches the file system (tens of milliseconds the first
    # time): a framework the grounded labelling and its small components settle never
    # pays for it; a big undecided component does.
    import argmap.analysis.semantics as sem

    looked: list[bool] = []

    def spy() -> bool:
        looked.append(True)
        return True

    monkeypatch.setattr(sem, "sat_available", spy)
    chain = AF([f"a{i}" for i in range(100)], [(f"a{i}", f"a{i + 1}") for i in range(99)])
    pairs = AF(["p", "q", "r", "s"], [("p", "q"), ("q", "p"), ("r", "s"), ("s", "r")])
    for sem_ in SEMANTICS:
        extensions(chain, sem_)  # type: ignore[arg-type]
        extensions(pairs, sem_)  # type: ignore[arg-type]
        accepted(pairs, "p", sem_)  # type: ignore[arg-type]
    assert looked == []
    extensions(dense_af(40, 0.2, seed=3), "preferred")
    assert looked == [True]


def test_argmap_sat_names_the_sat_solver_and_a_wrong_name_is_an_option_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from argmap.analysis import _sat

    af = dense_af(40, 0.2, seed=3)
    expected = norm(extensions(af, "preferred", solver="search"))
    used: list[str] = []
    real = _sat.Solver

    def spy(name: str, **kwargs: object) -> object:
        used.append(name)
        return real(name=name, **kwargs)

    monkeypatch.setattr(_sat, "Solver", spy)
    for name in ("minisat22", "g4", "cadical195"):
        used.clear()
        monkeypatch.setenv("ARGMAP_SAT", name)
        assert norm(extensions(af, "preferred", solver="sat")) == expected
        assert norm(extensions(af, "complete", solver="sat")) == norm(
            extensions(af, "complete", solver="search")
        )
        assert set(used) == {name}
    monkeypatch.delenv("ARGMAP_SAT")
    used.clear()
    extensions(af, "complete", solver="sat")
    extensions(af, "preferred", solver="sat")
    assert used == ["cadical153", "cadical153"]  # argmap's own choice when it is unset
    # Many complete extensions (3 ** 4 = 81 on four separate two-cycles): CaDiCaL finds
    # the first sixteen, then Glucose, holding the same exclusions, the rest.
    pairs = AF(
        [f"{side}{i}" for i in range(4) for side in "ab"],
        [edge for i in range(4) for edge in ((f"a{i}", f"b{i}"), (f"b{i}", f"a{i}"))],
    )
    used.clear()
    found = extensions(pairs, "complete", solver="sat")
    assert used == ["cadical153", "glucose4"]
    assert len(found) == 81 and norm(found) == norm(extensions(pairs, "complete", solver="search"))
    monkeypatch.setenv("ARGMAP_SAT", "glucos4")
    with pytest.raises(OptionError) as err:
        extensions(af, "preferred", solver="sat")
    assert str(err.value).startswith("unknown SAT solver in ARGMAP_SAT 'glucos4'; choose one of ")
    assert "cadical195, " in str(err.value)
    assert str(err.value).endswith("(did you mean 'glucose4'?)")
