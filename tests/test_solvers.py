"""The SAT solver and the pure-Python search give the same answers, checked against
independent solvers: py_arg on small frameworks, pygarg (SAT) and clingo (ASP, with
ASPARTIX-style encodings) on dense AFGen-style ones; and the decision problems
(``accepted``, ``some_extension``) and the lazy enumeration agree with them."""

from __future__ import annotations

import itertools
import json

import pytest
from afgen import dense_af
from aspartix import clingo_extensions, clingo_facts
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
    sat_available,
    some_extension,
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
    assert used == ["glucose4", "cadical153"]  # argmap's own choice when it is unset
    monkeypatch.setenv("ARGMAP_SAT", "glucos4")
    with pytest.raises(OptionError) as err:
        extensions(af, "preferred", solver="sat")
    assert str(err.value).startswith("unknown SAT solver in ARGMAP_SAT 'glucos4'; choose one of ")
    assert "cadical195, " in str(err.value)
    assert str(err.value).endswith("(did you mean 'glucose4'?)")
