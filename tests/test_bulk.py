"""argmap._bulk's checked adds: a batch added at once gives the map, graph dicts and
errors that adding its elements one at a time gives."""

from __future__ import annotations

from typing import Any

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from map_strategies import maps

import argmap as am
from argmap._bulk import add_inferences, add_statements
from argmap.model import Inference, Statement


def dicts(m: am.ArgumentMap) -> tuple[Any, ...]:
    """The graph's dicts as lists, in their insertion order; and whether each edge's
    data is one dict shared by the two adjacency sides, as networkx makes it."""
    g = m.graph
    return (
        list(g._node.items()),
        [(u, list(out.items())) for u, out in g._succ.items()],
        [(v, list(into.items())) for v, into in g._pred.items()],
        all(g._succ[u][v] is g._pred[v][u] for u in g._succ for v in g._succ[u]),
    )


def one_at_a_time(
    m: am.ArgumentMap, statements: list[Statement], inferences: list[Inference]
) -> str | None:
    """Add as the readers did before the bulk adds; the error's message, if any."""
    try:
        for s in statements:
            m.add_statement(s)
        for inf in inferences:
            m.add_inference(inf)
    except am.ArgmapError as err:
        return str(err)
    return None


def in_bulk(
    m: am.ArgumentMap, statements: list[Statement], inferences: list[Inference]
) -> str | None:
    """Add in bulk, falling back to one at a time as the readers do."""
    if not add_statements(m, statements):
        try:
            for s in statements:
                m.add_statement(s)
        except am.ArgmapError as err:
            return str(err)
    if not add_inferences(m, inferences):
        try:
            for inf in inferences:
                m.add_inference(inf)
        except am.ArgmapError as err:
            return str(err)
    return None


@st.composite
def batches(draw: st.DrawFn) -> tuple[list[Statement], list[Inference]]:
    """A map's elements, often disturbed: shuffled, repeated, some left out."""
    m = draw(maps())
    statements, inferences = m.statements(), m.inferences()
    what = draw(st.sampled_from(["as is", "shuffle", "repeat", "drop", "mix"]))
    if what == "shuffle":
        inferences = draw(st.permutations(inferences))
    elif what == "repeat" and (statements or inferences):
        pool: list[Any] = statements + inferences
        extra = draw(st.sampled_from(pool))
        (statements if isinstance(extra, Statement) else inferences).append(extra)
    elif what == "drop" and statements:
        del statements[draw(st.integers(0, len(statements) - 1))]
    elif what == "mix" and len(inferences) > 1:
        # A premise that is an inference, or a support of an inference.
        inf, other = draw(st.permutations(inferences))[:2]
        inferences.append(
            Inference(id="zz-mixed", relation="support", premises=(other.id,), target=inf.id)
            if draw(st.booleans())
            else Inference(
                id="zz-mixed", relation="support", premises=(inf.premises[0],), target=other.id
            )
        )
    return statements, inferences


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(batch=batches())
def test_bulk_add_gives_the_same_map_dicts_and_error_as_one_at_a_time(
    batch: tuple[list[Statement], list[Inference]],
) -> None:
    statements, inferences = batch
    one, bulk = am.ArgumentMap(), am.ArgumentMap()
    assert in_bulk(bulk, statements, inferences) == one_at_a_time(one, statements, inferences)
    assert dicts(bulk) == dicts(one)
    assert bulk == one


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(batch=batches())
def test_a_refused_batch_leaves_the_map_as_it_was(
    batch: tuple[list[Statement], list[Inference]],
) -> None:
    statements, inferences = batch
    m = am.ArgumentMap()
    if add_statements(m, statements):
        assert [s.id for s in m.statements] == [s.id for s in statements]
    else:
        assert dicts(m) == dicts(am.ArgumentMap())
        return
    before = dicts(m)
    if not add_inferences(m, inferences):
        assert dicts(m) == before
        assert one_at_a_time(am.ArgumentMap(), statements, inferences) is not None


def test_plain_elements_go_in_at_once_with_networkxs_shapes() -> None:
    m = am.ArgumentMap()
    a, b = (Statement(id=i, kind="claim", text=i.upper()) for i in "ab")
    i = Inference(id="i", relation="support", premises=("b",), target="a")
    u = Inference(id="u", relation="undercut", premises=("a",), target="i")
    assert add_statements(m, [a, b])
    assert add_inferences(m, [i, u])
    assert m.graph.nodes["i"] == {"kind": "inference", "relation": "support", "model": i}
    assert m.graph.edges["b", "i"] == {"role": "premise", "relation": "support"}
    assert m.graph.edges["i", "a"] == {"role": "target", "relation": "support"}
    assert m.graph.edges["u", "i"] == {"role": "target", "relation": "undercut"}
    assert list(m.graph.successors("a")) == ["u"]
    assert [x.id for x in m.reasons("a")] == ["i"]


@pytest.mark.parametrize(
    ("inferences", "why"),
    [
        ([Inference(id="a", relation="support", premises=("b",), target="c")], "id taken"),
        ([Inference(id="u", relation="undercut", premises=("b",), target="i")], "target later"),
        ([Inference(id="i", relation="attack", premises=("x",), target="c")], "no premise"),
        ([Inference(id="i", relation="undercut", premises=("b",), target="c")], "statement"),
        (
            [
                Inference(id="i", relation="support", premises=("b",), target="c"),
                Inference(id="j", relation="support", premises=("b",), target="c"),
            ],
            "a repeat",
        ),
        (
            [
                Inference(id="i", relation="rephrase", premises=("b",), target="c"),
                Inference(id="u", relation="undercut", premises=("a",), target="i"),
            ],
            "undercut of a rephrase",
        ),
    ],
)
def test_batches_one_at_a_time_adds_would_refuse_are_not_added(
    inferences: list[Inference], why: str
) -> None:
    m = am.ArgumentMap()
    assert add_statements(m, [Statement(id=i, kind="claim", text=i) for i in "abc"]), why
    before = dicts(m)
    assert not add_inferences(m, inferences)
    assert dicts(m) == before


def test_a_frozen_graph_is_left_to_networkxs_error() -> None:
    m = am.ArgumentMap()
    nx.freeze(m.graph)
    assert not add_statements(m, [Statement(id="a", kind="claim", text="A")])
    with pytest.raises(nx.NetworkXError, match="Frozen graph"):
        m.add_statement(Statement(id="a", kind="claim", text="A"))
