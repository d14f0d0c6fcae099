"""Core benchmark: build, to_json, from_json and to_dot().source against plain floors.

For maps of N statements (a random tree, fixed seed: each statement after the first
supports (70%) or attacks (30%) an earlier one, every 20th support is linked with a second
premise, and 5% of statements undercut an earlier inference) it times:

* build      -- ArgumentMap via m.premise/m.counterpoint(..., supports=/attacks=) and
               m.support/m.undercut; floor: a plain networkx DiGraph with dict attributes
               holding the same nodes (statements and inference nodes) and edges;
* to_json    -- m.to_json(); floor: json.dumps(indent=2) of an equivalent plain dict;
* from_json  -- ArgumentMap.from_json(text); floor: json.loads + the plain DiGraph build;
* to_dot     -- m.to_dot().source; floor: a graphviz.Digraph with one node() per statement
               (plain text label) and one edge() per premise -> target pair, then .source.

Two more rows explain the build row:

* build/nogc -- the same build with Python's cyclic garbage collector paused in both: the
               ratio of the work itself. The build row also counts the collector's passes,
               which depend on how many objects are alive (the map built first stays alive
               through the runs, as a user's other data would), so the floor's time varies
               more between runs than argmap's.
* memory     -- bytes allocated by the build and still held (tracemalloc), map vs floor graph.
* tracked/st -- objects the cyclic collector tracks that the built map holds, per statement
               (``gc.get_objects()`` after a collection, before and after the build): what
               each of the collector's full passes walks through.

Each is the best of ``REPEATS`` runs, argmap and floor alternating; the table prints
seconds and the ratio to the floor.
Targets (issue #15): build and from_json within 1.5x of the floor at 100k statements,
memory within 1.3x (``bench_peers.py`` compares the build with arguebuf's at 10k).
"""

from __future__ import annotations

import gc
import json
import random
import sys
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

import graphviz
import networkx as nx

import argmap as am

REPEATS = 5
SEED = 20261125


@dataclass
class Data:
    statements: list[tuple[str, str, str]]  # id, kind, text
    inferences: list[tuple[str, str, list[str], str]]  # id, relation, premises, target


def make_data(n: int, seed: int = SEED) -> Data:
    rng = random.Random(seed)
    statements = [("s0", "claim", "Statement number 0 is the main claim of this map")]
    inferences: list[tuple[str, str, list[str], str]] = []
    for i in range(1, n):
        sid = f"s{i}"
        words = " ".join(rng.choice(["ammunition", "NATO", "supply", "capacity", "war"])
                         for _ in range(8))  # fmt: skip
        roll = rng.random()
        if roll < 0.05 and inferences:
            statements.append((sid, "counterpoint", f"Undercutter {i}: {words}"))
            target = rng.choice(inferences)[0]
            inferences.append((f"u{i}", "undercut", [sid], target))
            continue
        target = f"s{rng.randrange(i)}"
        if roll < 0.7:
            statements.append((sid, "premise", f"Reason {i}: {words}"))
            premises = [sid]
            if i % 20 == 0 and i > 1:
                other = f"s{rng.randrange(i)}"
                if other != target:
                    premises.append(other)
            inferences.append((f"i{i}", "support", premises, target))
        else:
            statements.append((sid, "counterpoint", f"Objection {i}: {words}"))
            inferences.append((f"i{i}", "attack", [sid], target))
    return Data(statements, inferences)


def build_argmap(d: Data) -> am.ArgumentMap:
    m = am.ArgumentMap("benchmark")
    add = {"claim": m.claim, "premise": m.premise, "counterpoint": m.counterpoint}
    relate = {"support": m.support, "attack": m.attack, "undercut": m.undercut}
    inferences = iter(d.inferences)
    for sid, kind, text in d.statements:
        add[kind](text, id=sid)
        if sid != "s0":
            iid, relation, premises, target = next(inferences)
            relate[relation](premises, target, id=iid)
    return m


def build_floor(d: Data) -> nx.DiGraph:
    g = nx.DiGraph()
    for sid, kind, text in d.statements:
        g.add_node(sid, kind=kind, text=text)
    for iid, relation, premises, target in d.inferences:
        g.add_node(iid, kind="inference", relation=relation)
        for p in premises:
            g.add_edge(p, iid, role="premise", relation=relation)
        g.add_edge(iid, target, role="target", relation=relation)
    return g


def plain_dict(d: Data) -> dict[str, Any]:
    return {
        "format": "argmap",
        "version": 1,
        "title": "benchmark",
        "statements": [{"id": s, "kind": k, "text": t} for s, k, t in d.statements],
        "inferences": [
            {"id": i, "relation": r, "premises": p, "target": t} for i, r, p, t in d.inferences
        ],
    }


def dot_floor(d: Data) -> str:
    dot = graphviz.Digraph("floor")
    for sid, _, text in d.statements:
        dot.node(sid, text)
    for _, _, premises, target in d.inferences:
        for p in premises:
            dot.edge(p, target)
    return str(dot.source)


def timed(fn: Callable[[], object]) -> float:
    gc.collect()
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def best_pair(ours: Callable[[], object], floor: Callable[[], object]) -> tuple[float, float]:
    """Best of REPEATS runs each, alternating ours and the floor so that a passing load on
    the machine hits both alike."""
    t_ours, t_floor = [], []
    for _ in range(REPEATS):
        t_ours.append(timed(ours))
        t_floor.append(timed(floor))
    return min(t_ours), min(t_floor)


def without_gc(fn: Callable[[], object]) -> Callable[[], object]:
    def paused() -> object:
        gc.disable()
        try:
            return fn()
        finally:
            gc.enable()

    return paused


def held_bytes(fn: Callable[[], object]) -> int:
    """Bytes allocated by ``fn`` and still held by what it returns."""
    gc.collect()
    tracemalloc.start()
    try:
        kept = fn()
        gc.collect()
        size = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    del kept
    return size


def tracked_objects(fn: Callable[[], object]) -> int:
    """Objects the garbage collector tracks that ``fn``'s result holds."""
    gc.collect()
    before = len(gc.get_objects())
    kept = fn()
    gc.collect()
    count = len(gc.get_objects()) - before
    del kept
    return count


def run(sizes: list[int]) -> None:
    print(f"argmap {am.__version__}, networkx {nx.__version__}, best of {REPEATS}, seed {SEED}")
    header = f"{'N':>7} {'operation':<10} {'argmap s':>10} {'floor s':>10} {'ratio':>6}"
    print(header)
    print("-" * len(header))
    for n in sizes:
        d = make_data(n)
        for name, t_ours, t_floor in measure(d):
            print(f"{n:>7} {name:<10} {t_ours:>10.4f} {t_floor:>10.4f} {t_ours / t_floor:>6.2f}")
        ours, floor = held_bytes(partial(build_argmap, d)), held_bytes(partial(build_floor, d))
        mb = f"{ours / 1e6:>10.1f} {floor / 1e6:>10.1f}"
        print(f"{n:>7} {'memory MB':<10} {mb} {ours / floor:>6.2f}")
        ours, floor = (
            tracked_objects(partial(build_argmap, d)),
            tracked_objects(partial(build_floor, d)),
        )
        per = f"{ours / n:>10.2f} {floor / n:>10.2f}"
        print(f"{n:>7} {'tracked/st':<10} {per} {ours / floor:>6.2f}")


def measure(d: Data) -> list[tuple[str, float, float]]:
    """(operation, argmap seconds, floor seconds) for one data set."""
    m = build_argmap(d)
    text = m.to_json()
    plain = plain_dict(d)
    assert am.ArgumentMap.from_json(text) == m
    rows = [
        ("build", lambda: build_argmap(d), lambda: build_floor(d)),
        ("build/nogc", without_gc(lambda: build_argmap(d)), without_gc(lambda: build_floor(d))),
        ("to_json", m.to_json, lambda: json.dumps(plain, indent=2, ensure_ascii=False)),
        (
            "from_json",
            lambda: am.ArgumentMap.from_json(text),
            lambda: (json.loads(text), build_floor(d)),
        ),
        ("to_dot", lambda: m.to_dot().source, lambda: dot_floor(d)),
    ]
    return [(name, *best_pair(ours, floor)) for name, ours, floor in rows]


if __name__ == "__main__":
    run([int(a) for a in sys.argv[1:]] or [1_000, 10_000, 100_000])
