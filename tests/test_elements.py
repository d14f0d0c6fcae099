"""m.statements, m.inferences and m.sources: live views (sized, indexable, callable)."""

from __future__ import annotations

import copy

import pytest

import argmap as am
from argmap.elements import InferencesView, SourcesView, StatementsView


@pytest.fixture
def m() -> am.ArgumentMap:
    m = am.ArgumentMap()
    c = m.claim("Tax sugar", id="tax")
    m.premise("Sugar harms health", id="health", supports=c)
    m.counterpoint("It hits the poor", id="poor", attacks=c)
    m.add_source("Tax sugar. It saves lives.", id="article")
    return m


def test_views_are_sized_reiterable_and_in_map_order(m: am.ArgumentMap) -> None:
    statements = m.statements
    assert isinstance(statements, StatementsView)
    assert len(statements) == 3 == len(m)
    assert [s.id for s in statements] == ["tax", "health", "poor"]
    assert [s.id for s in statements] == ["tax", "health", "poor"]  # again: not used up
    assert [i.id for i in m.inferences] == ["health-supports-tax", "poor-attacks-tax"]
    assert len(m.inferences) == 2 and len(m.sources) == 1
    assert bool(m.statements) and not am.ArgumentMap().statements
    assert not am.ArgumentMap().inferences and not am.ArgumentMap().sources


def test_views_are_live(m: am.ArgumentMap) -> None:
    statements, sources = m.statements, m.sources
    m.premise("Dentists agree", id="teeth", supports="tax")
    m.add_source("Another text.", id="other")
    assert [s.id for s in statements][-1] == "teeth" and len(statements) == 4
    assert [s.id for s in sources] == ["article", "other"]


def test_views_index_by_id_and_by_position(m: am.ArgumentMap) -> None:
    assert m.statements["health"] is m.statement("health")
    assert m.inferences["poor-attacks-tax"].relation == "attack"
    assert m.sources["article"].text == "Tax sugar. It saves lives."
    assert m.statements[0].id == "tax" and m.statements[-1].id == "poor"
    assert m.inferences[1].id == "poor-attacks-tax" and m.sources[0].id == "article"
    assert [s.id for s in m.statements[1:]] == ["health", "poor"]


def test_view_lookup_errors_name_what_to_use(m: am.ArgumentMap) -> None:
    with pytest.raises(am.NodeNotFoundError) as info:
        m.statements["helth"]
    assert str(info.value) == "no statement 'helth' in this map; did you mean 'health'?"
    with pytest.raises(am.NodeNotFoundError) as info:
        m.statements["health-supports-tax"]
    assert str(info.value) == (
        "'health-supports-tax' is an inference, not a statement: "
        "use m.inferences['health-supports-tax']"
    )
    with pytest.raises(am.NodeNotFoundError) as info:
        m.inferences["tax"]
    assert str(info.value) == "'tax' is a statement, not an inference: use m.statements['tax']"
    with pytest.raises(am.NodeNotFoundError) as info:
        m.inferences["zzz"]
    assert str(info.value) == "no inference 'zzz' in this map"
    with pytest.raises(IndexError) as index_info:
        m.statements[3]
    assert str(index_info.value) == "statement position 3 is out of range: the map has 3 statements"
    with pytest.raises(IndexError):
        m.statements[-4]
    with pytest.raises(am.ArgumentTypeError) as type_info:
        m.statements[1.0]  # type: ignore[call-overload]
    assert str(type_info.value) == (
        "m.statements[...] takes an id (a string) or a position (an int), not a float"
    )


def test_missing_id_in_the_map_suggests_close_ids(m: am.ArgumentMap) -> None:
    with pytest.raises(am.NodeNotFoundError) as info:
        m["taxes"]
    assert str(info.value) == "no statement or inference 'taxes' in this map; did you mean 'tax'?"
    with pytest.raises(am.NodeNotFoundError) as info:
        m.reasons("helth")
    assert str(info.value) == (
        "no statement or inference 'helth' in this map; did you mean 'health'?"
    )
    with pytest.raises(am.NodeNotFoundError) as info:
        m["xyz"]
    assert str(info.value) == "no statement or inference 'xyz' in this map"


def test_membership_takes_ids_and_models(m: am.ArgumentMap) -> None:
    health = m.statement("health")
    assert "health" in m.statements and health in m.statements
    assert "health" not in m.inferences and "health-supports-tax" in m.inferences
    assert "article" in m.sources and m.source() in m.sources
    edited = m.update("health", text="Sugar harms teeth")
    assert health not in m.statements and edited in m.statements  # the model held now
    assert 3 not in m.statements


def test_calling_a_view_gives_a_list_snapshot(m: am.ArgumentMap) -> None:
    snapshot = m.statements()
    assert isinstance(snapshot, list) and [s.id for s in snapshot] == ["tax", "health", "poor"]
    for s in m.statements():  # safe while the map changes
        if s.kind == "counterpoint":
            m.remove(s)
    assert [s.id for s in m.statements] == ["tax", "health"] and len(snapshot) == 3
    assert m.inferences() == list(m.inferences) and m.sources() == [m.source()]


def test_views_compare_with_lists_and_views(m: am.ArgumentMap) -> None:
    assert m.statements == list(m.statements) and m.statements == tuple(m.statements)
    assert m.sources == [m.source("article")] and am.ArgumentMap().sources == []
    assert m.statements == copy.deepcopy(m).statements
    assert m.statements != m.inferences
    assert m.statements != {"tax", "health", "poor"}  # ordered: equal to sequences only
    with pytest.raises(TypeError, match="unhashable"):
        hash(m.statements)


def test_views_repr_shows_ids(m: am.ArgumentMap) -> None:
    assert repr(m.statements) == "StatementsView(['tax', 'health', 'poor'])"
    assert repr(m.sources) == "SourcesView(['article'])"
    big = am.ArgumentMap()
    for i in range(12):
        big.claim(f"Claim {i}", id=f"c{i}")
    assert repr(big.statements) == (
        "StatementsView(['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9', ...], "
        "12 statements)"
    )
    assert repr(big.inferences) == "InferencesView([])"


def test_next_on_a_view_still_works_with_a_deprecation_warning(m: am.ArgumentMap) -> None:
    # m.statements was a generator before: next(m.statements) gave the first statement.
    with pytest.deprecated_call(match=r"use m.statements\[0\] for the first"):
        first = next(m.statements)
    assert first.id == "tax"
    held = m.inferences
    with pytest.deprecated_call():
        assert next(held).id == "health-supports-tax"
        assert next(held).id == "poor-attacks-tax"
        with pytest.raises(StopIteration):
            next(held)


def test_views_are_the_documented_types(m: am.ArgumentMap) -> None:
    assert isinstance(m.inferences, InferencesView) and isinstance(m.sources, SourcesView)
    assert am.StatementsView is StatementsView
