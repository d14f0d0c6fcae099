"""Drawing defaults: the direction chosen from the map's shape, the engine, DOT size."""

from __future__ import annotations

import importlib.util
import json
import math
import random
import subprocess
from collections.abc import Callable
from types import ModuleType

import networkx as nx
import pytest

import argmap as am
from argmap.render.layout import (
    LR_MARGIN,
    TARGET_ASPECT,
    choose_direction,
    estimate_size,
    levels,
    statement_box,
)

from conftest import ROOT


def bounding_box(source: str, dot_binary: str) -> tuple[float, float]:
    """(width, height) in points of the drawing Graphviz lays out for ``source``."""
    out = subprocess.run(
        [dot_binary, "-Tjson0"], input=source.encode(), capture_output=True, check=True
    )
    x0, y0, x1, y1 = map(float, json.loads(out.stdout)["bb"].split(","))
    return x1 - x0, y1 - y0


def nato() -> am.ArgumentMap:
    spec = importlib.util.spec_from_file_location(
        "nato_ammunition", ROOT / "examples" / "nato_ammunition.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    m: am.ArgumentMap = module.build_map()
    return m


def test_the_nato_map_with_no_options_is_neither_a_banner_nor_a_column(dot_binary: str) -> None:
    m = nato()
    width, height = bounding_box(m.to_dot().source, dot_binary)
    assert 1 / 2 <= width / height <= 2, (width, height)
    # bottom to top, the old default, was the 6:1 banner the default now avoids
    width, height = bounding_box(m.to_dot(direction="BT").source, dot_binary)
    assert width / height > 3


def test_many_reasons_for_one_claim_go_left_to_right_a_chain_bottom_to_top() -> None:
    fan = am.ArgumentMap()
    c = fan.claim("Tax sugar", id="c")
    for n in range(8):
        fan.premise(f"Reason number {n} for taxing sugar", supports=c)
    assert "rankdir=LR" in fan.to_dot().source
    chain = am.ArgumentMap()
    top = chain.claim("Tax sugar", id="c")
    for n in range(4):
        top = chain.premise(f"Reason number {n}", supports=top)
    assert "rankdir=BT" in chain.to_dot().source
    assert "flowchart BT" in chain.to_mermaid() and "flowchart LR" in fan.to_mermaid()
    # an explicit direction, in any case, always wins
    assert "rankdir=TB" in fan.to_dot(direction="tb").source
    assert "rankdir=BT" in fan.to_dot(style=am.theme(direction="bt")).source


def test_a_cycle_of_attacks_still_gets_a_direction() -> None:
    m = am.ArgumentMap()
    a = m.claim("A", id="a")
    b = m.claim("B", id="b", attacks=a)
    m.attack(a, b)
    statements, inferences = list(m.statements), list(m.inferences)
    assert choose_direction(statements, inferences, (), wrap=32, font_size=11) == "BT"


def test_the_engine_is_written_into_the_dot(dot_binary: str) -> None:
    m = am.ArgumentMap()
    c = m.claim("Tax sugar", id="c")
    m.premise("Sugar harms health", id="p", supports=c)
    assert "layout" not in m.to_dot().source
    source = m.to_dot(engine="SFDP").source  # type: ignore[typeddict-item]
    assert "layout=sfdp nodesep=0.3 overlap=false rankdir=BT" in source
    width, height = bounding_box(source, dot_binary)
    assert width > 0 and height > 0
    assert "layout=osage" in m.to_dot(engine="osage").source
    with pytest.raises(am.OptionError, match=r"^unknown engine 'spring'; choose one of dot, "):
        m.to_dot(engine="spring")  # type: ignore[typeddict-item]


# ------------------------------------------------------------------------------ DOT size
def random_map(n: int, seed: int = 7) -> am.ArgumentMap:
    """A map shaped like the benchmarks' (benchmarks/bench_core.py): mostly supports, a
    quarter attacks, one in twenty an undercut, a linked pair every twentieth step."""
    rng = random.Random(seed)
    m = am.ArgumentMap("sized")
    m.claim("Statement number 0 is the main claim of this map", id="s0")
    steps: list[str] = []
    for i in range(1, n):
        words = " ".join(rng.choice(["ammunition", "NATO", "supply", "war"]) for _ in range(8))
        roll = rng.random()
        if roll < 0.05 and steps:
            m.counterpoint(f"Undercutter {i}: {words}", id=f"s{i}")
            m.undercut(f"s{i}", rng.choice(steps), id=f"u{i}")
            continue
        target = f"s{rng.randrange(i)}"
        if roll < 0.7:
            m.premise(f"Reason {i}: {words}", id=f"s{i}")
            other = f"s{rng.randrange(i)}"
            premises = [f"s{i}", other] if i % 20 == 0 and other != target else [f"s{i}"]
            m.support(premises, target, id=f"i{i}")
        else:
            m.counterpoint(f"Objection {i}: {words}", id=f"s{i}")
            m.attack(f"s{i}", target, id=f"i{i}")
        steps.append(f"i{i}")
    return m


def _load_dotsize() -> ModuleType:
    """benchmarks/dotsize.py, whose minimal DOT the benchmark's ``dot bytes`` row uses."""
    spec = importlib.util.spec_from_file_location("dotsize", ROOT / "benchmarks" / "dotsize.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


minimal_dot: Callable[[str], str] = _load_dotsize().minimal_dot


def test_levels_count_a_cycle_through_a_linked_step_as_one_node() -> None:
    """q and c jointly support p, which supports c: c, the junction and p form a cycle,
    drawn on one level above q, as Graphviz ranks a cycle."""
    m = am.ArgumentMap()
    c = m.claim("C", id="c")
    p = m.premise("P", id="p", supports=c)
    m.support([m.premise("Q", id="q"), c], p, id="j")
    level = levels(list(m.statements), list(m.inferences), ["j"])
    assert level == {"c": 1, "p": 1, "q": 0, "j": 1}
    assert list(level) == ["c", "p", "q", "j"]


def _reference_levels(m: am.ArgumentMap, junctions: set[str]) -> dict[str, int]:
    """networkx's reading of :func:`levels`: the drawn arrows' graph, its cycles
    condensed, the longest path into each component."""
    g = nx.DiGraph()
    g.add_nodes_from(s.id for s in m.statements)
    for inf in m.inferences:
        end = inf.id if inf.id in junctions else inf.target
        g.add_edges_from((p, end) for p in inf.premises)
        if inf.id in junctions:
            g.add_edge(inf.id, inf.target)
    dag = nx.condensation(g)
    depth: dict[int, int] = {}
    for c in nx.topological_sort(dag):
        depth[c] = max((depth[b] + 1 for b in dag.predecessors(c)), default=0)
    return {n: depth[dag.graph["mapping"][n]] for n in g}


@pytest.mark.parametrize("seed", range(6))
def test_levels_are_the_longest_paths_of_the_condensed_drawing(seed: int) -> None:
    """Levels of maps with cycles of attacks and linked steps through their own
    conclusions (random_map's linked pairs close some), against networkx."""
    m = random_map(300, seed)
    rng = random.Random(seed)
    ids = [s.id for s in m.statements]
    for n in range(40):  # attacks back up the tree: more cycles, some nested
        a, b = rng.sample(ids, 2)
        if not any(i.target == b for i in m.uses(a)):
            m.attack(a, b, id=f"back{n}")
    inferences = list(m.inferences)
    junctions = {i.id for i in inferences if i.linked or rng.random() < 0.1}
    level = levels(list(m.statements), inferences, junctions)
    reference = _reference_levels(m, junctions)
    assert level == reference
    assert list(level)[: len(ids)] == ids  # statements first, in map order
    assert len(set(level.values())) > 3


@pytest.mark.parametrize("seed", range(4))
def test_the_direction_is_the_one_the_estimated_sizes_favour(seed: int) -> None:
    """choose_direction reads the same sizes estimate_size gives from levels and
    statement_box, on maps of every shape: fans, chains and random trees, with titles."""
    rng = random.Random(seed)
    for n in range(60):
        m = random_map(rng.randrange(2, 40), seed * 100 + n)
        for s in m.statements:
            if rng.random() < 0.2:
                m.update(s, title="A title " * rng.randrange(1, 6))
        statements, inferences = list(m.statements), list(m.inferences)
        junctions = {i.id for i in inferences if i.linked}
        wrap, font_size = rng.randrange(8, 60), rng.choice([6.0, 11.0, 13.5])
        level = levels(statements, inferences, junctions)
        boxes = {s.id: statement_box(s, wrap, font_size) for s in statements}
        target = math.log(TARGET_ASPECT)
        miss = {
            d: abs(math.log(w / h) - target)
            for d in ("BT", "LR")
            for w, h in [estimate_size(boxes, level, d)]  # type: ignore[arg-type]
        }
        expected = "LR" if miss["LR"] < miss["BT"] - LR_MARGIN else "BT"
        chosen = choose_direction(statements, inferences, junctions, wrap=wrap, font_size=font_size)
        assert chosen == expected


def test_the_minimal_dot_declares_each_look_once() -> None:
    m = am.ArgumentMap()
    c = m.claim("C", id="c")
    m.premise("P", id="p", supports=c)
    m.premise("Q", id="q", supports=c)
    m.counterpoint("K", id="k", attacks=c)
    source = m.to_dot().source
    minimal = minimal_dot(source)
    assert minimal.splitlines()[:4] == source.splitlines()[:4]
    body = minimal.splitlines()[4:]
    assert sum(line.startswith("{node[") for line in body) == 3  # claim, premise, counterpoint
    assert sum(line.startswith("{edge[") for line in body) == 2  # support, attack
    premise = '<FONT POINT-SIZE="9" COLOR="#2e7d32">PREMISE</FONT><BR/>P'
    assert [line for line in body if line.startswith("p[")] == [f'p[label=<{premise}> id="am:p"]']


def test_dot_text_is_within_one_and_a_half_times_a_minimal_dot() -> None:
    source = random_map(2000).to_dot().source
    minimal = minimal_dot(source)
    assert minimal.count(" -> ") == source.count(" -> ")
    assert len(source) <= 1.5 * len(minimal), len(source) / len(minimal)


def test_the_drawing_of_the_minimal_dot_is_the_same(dot_binary: str) -> None:
    """The reference is a fair one: Graphviz reads the same nodes, edges and looks."""
    m = random_map(60)
    source = m.to_dot(legend=True).source

    def objects(text: str) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
        out = json.loads(
            subprocess.run(
                [dot_binary, "-Tjson0"], input=text.encode(), capture_output=True, check=True
            ).stdout
        )
        keys = ("color", "fillcolor", "style", "penwidth", "shape", "label", "id")
        nodes = sorted(
            tuple(o.get(k, "") for k in ("name", *keys))
            for o in out["objects"]
            if not o["name"].startswith("%")  # anonymous subgraphs, numbered in order
        )
        edges = sorted(
            tuple(e.get(k, "") for k in ("id", "color", "style", "arrowhead", "penwidth"))
            for e in out.get("edges", [])
        )
        return nodes, edges

    assert objects(source) == objects(minimal_dot(source))
