"""argmap next to arguebuf 2.7.2 and the floor (networkx + json) on the same maps.

The maps are ``bench_core``'s (a random tree of N statements, fixed seed). For each size
and operation, argmap, the floor and arguebuf run in turn (alternating, so that a passing
load on the machine hits all alike), ``REPEATS`` times; the table has the median of each.

* build      -- argmap: ``m.premise``/``m.counterpoint``/``m.support``/``m.undercut``;
               floor: a plain networkx DiGraph (``bench_core.build_floor``); arguebuf:
               ``AtomNode``/``SchemeNode``/``Edge`` added to an ``arguebuf.Graph``.
* to_json    -- argmap JSON (``m.to_json()``); floor: ``json.dumps`` of a plain dict;
               arguebuf: its own JSON (``arguebuf.dump.json``), both indented.
* from_json  -- each reads its own JSON back; floor: ``json.loads`` + the plain build.
* to_aif     -- AIF JSON text (``argmap.dumps(m, "aif")``; arguebuf: ``dump.aif`` then
               ``json.dumps``). No floor.
* from_aif   -- both read the same AIF text (argmap's) into a map/graph. No floor.
* to_dot     -- DOT text (``m.to_dot().source``; arguebuf: ``dump.graphviz(...).source``);
               floor: a ``graphviz.Digraph`` with one plain-labelled node per statement
               and one edge per premise -> target pair (``bench_core.dot_floor``), a
               floor for the time only: it draws less (no kinds, styles or junctions).
* dot bytes  -- the size of argmap's DOT text (not a time); in the floor column the
               minimal DOT for the same drawing (``dotsize.minimal_dot``: the same
               labels and ids, each look declared once), and arguebuf's DOT.

Run on demand (``bash scripts/bench`` runs it with the other benchmarks)::

    .venv/bin/python benchmarks/bench_peers.py               # 1k, 10k, 100k statements
    .venv/bin/python benchmarks/bench_peers.py 1000 10000    # chosen sizes
    .venv/bin/python benchmarks/bench_peers.py --json out.json 1000
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import statistics
import sys
import time
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path
from typing import Any

import arguebuf as ab
from arguebuf.model.scheme import Attack, Support

sys.path.insert(0, str(Path(__file__).parent))

from bench_core import Data, build_argmap, build_floor, dot_floor, make_data, plain_dict
from dotsize import minimal_dot

import argmap as am

REPEATS = 5
SIZES = [1_000, 10_000, 100_000]
Op = Callable[[], object]


def build_arguebuf(d: Data) -> ab.Graph:
    """The same map in arguebuf: an atom per statement, a scheme node per inference."""
    g = ab.Graph("benchmark")
    atoms = {}
    for sid, _, text in d.statements:
        atoms[sid] = node = ab.AtomNode(text, id=sid)
        g.add_node(node)
    schemes: dict[str, ab.SchemeNode] = {}
    for iid, relation, _, _ in d.inferences:
        scheme = Support.DEFAULT if relation == "support" else Attack.DEFAULT
        schemes[iid] = node = ab.SchemeNode(scheme, id=iid)
        g.add_node(node)
    for iid, _, premises, target in d.inferences:
        scheme_node = schemes[iid]
        for p in premises:
            g.add_edge(ab.Edge(atoms[p], scheme_node, id=f"{p}>{iid}"))
        end = atoms.get(target) or schemes[target]
        g.add_edge(ab.Edge(scheme_node, end, id=f"{iid}>{target}"))
    return g


def arguebuf_json(g: ab.Graph) -> str:
    out = io.StringIO()
    ab.dump.json(g, out)
    return out.getvalue()


def arguebuf_dot(g: ab.Graph) -> str:
    # arguebuf returns None above max_nodes (1,000 by default): lift the limit
    dot = ab.dump.graphviz(g, max_nodes=len(g.nodes) + 1)
    assert dot is not None
    return str(dot.source)


def timed(fn: Op) -> float:
    gc.collect()
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def medians(ops: dict[str, Op | None], repeats: int) -> dict[str, float | None]:
    """Median seconds of each op, the ops run in turn ``repeats`` times."""
    times: dict[str, list[float]] = {name: [] for name, fn in ops.items() if fn is not None}
    for _ in range(repeats):
        for name, fn in ops.items():
            if fn is not None:
                times[name].append(timed(fn))
    return {name: statistics.median(times[name]) if name in times else None for name in ops}


def measure(n: int, repeats: int = REPEATS, peer: bool = True) -> list[dict[str, Any]]:
    """One row per operation: seconds for argmap, floor and arguebuf (None: no such op,
    or arguebuf left out with ``peer=False``)."""
    d = make_data(n)
    m = build_argmap(d)
    text, aif, plain = m.to_json(), am.dumps(m, "aif"), plain_dict(d)
    assert am.ArgumentMap.from_json(text) == m
    g, ab_text = ab.Graph(), ""
    if peer:  # the same map in both, and arguebuf reads argmap's AIF as that map
        g = build_arguebuf(d)
        assert len(g.nodes) == m.graph.number_of_nodes()
        assert len(g.edges) == m.graph.number_of_edges()
        ab_text = arguebuf_json(g)
        assert len(ab.load.aif(json.loads(aif)).nodes) == len(g.nodes)
    rows: list[tuple[str, Op, Op | None, Op | None]] = [
        ("build", lambda: build_argmap(d), lambda: build_floor(d), lambda: build_arguebuf(d)),
        (
            "to_json",
            m.to_json,
            lambda: json.dumps(plain, indent=2, ensure_ascii=False),
            lambda: arguebuf_json(g),
        ),
        (
            "from_json",
            lambda: am.ArgumentMap.from_json(text),
            lambda: (json.loads(text), build_floor(d)),
            lambda: ab.load.json(io.StringIO(ab_text)),
        ),
        (
            "to_aif",
            lambda: am.dumps(m, "aif"),
            None,
            lambda: json.dumps(ab.dump.aif(g), indent=2, ensure_ascii=False),
        ),
        ("from_aif", lambda: am.loads(aif, "aif"), None, lambda: ab.load.aif(json.loads(aif))),
        ("to_dot", lambda: m.to_dot().source, lambda: dot_floor(d), lambda: arguebuf_dot(g)),
    ]
    out = []
    for name, ours, floor, other in rows:
        ops = {"argmap": ours, "floor": floor, "arguebuf": other if peer else None}
        t = medians(ops, repeats)
        out.append({"n": n, "op": name, **t})
    source = m.to_dot().source
    out.append(
        {
            "n": n,
            "op": "dot bytes",
            "argmap": len(source.encode()),
            "floor": len(minimal_dot(source).encode()),
            "arguebuf": len(arguebuf_dot(g).encode()) if peer else None,
        }
    )
    return out


def ratio(a: float | None, b: float | None) -> str:
    return f"{a / b:.2f}" if a is not None and b else "--"


def print_rows(rows: list[dict[str, Any]]) -> None:
    header = (
        f"{'N':>7} {'operation':<10} {'argmap':>10} {'floor':>10} {'arguebuf':>10} "
        f"{'/floor':>7} {'ab/argmap':>9}"
    )
    print(header)
    print("-" * len(header))
    for r in rows:
        cells = [
            f"{r[k]:>10.4f}" if isinstance(r[k], float) else f"{r[k] if r[k] else '--':>10}"
            for k in ("argmap", "floor", "arguebuf")
        ]
        print(
            f"{r['n']:>7} {r['op']:<10} {' '.join(cells)} "
            f"{ratio(r['argmap'], r['floor']):>7} {ratio(r['arguebuf'], r['argmap']):>9}"
        )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=SIZES)
    parser.add_argument("--repeats", type=int, default=REPEATS)
    parser.add_argument(
        "--peer-max", type=int, default=max(SIZES), help="run arguebuf up to this size only"
    )
    parser.add_argument("--json", type=Path, help="also write the rows to this JSON file")
    args = parser.parse_args(argv)
    rows = []
    peer = f"arguebuf {version('arguebuf')}"
    print(f"argmap {am.__version__}, {peer}, median of {args.repeats}, alternating")
    for n in args.sizes:
        found = measure(n, args.repeats, peer=n <= args.peer_max)
        print_rows(found)
        rows += found
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
