"""Grounded and preferred extensions: argmap next to py_arg on the same frameworks.

Run on demand (not a test)::

    .venv/bin/python benchmarks/bench_semantics.py [--sizes 1000 10000 100000] [--timeout 60]

The frameworks are generated like debates: argument ``i`` answers (attacks) one or two
of the 50 arguments before it, and about 1% of arguments close an odd cycle of three
attacks, which leaves a region undecided that grows with the size. argmap's time is
the median of three calls in this process (the first one included). Each py_arg call
runs once, in a child process that is stopped after ``--timeout`` seconds; the table
then says so. Framework construction is not timed, for either library. Where both finish,
the extensions are checked to be the same.

With ``--dense`` it measures instead dense frameworks of the kind ICCMA uses (100-200
arguments, thousands of attacks, some self-attacks; ``tests/afgen.py`` makes them,
deterministically) and prints, side by side for each semantics, argmap (its automatic
solver choice), pygarg (SAT, python-sat) and clingo with ASPARTIX-style encodings
written here, each in a child process stopped after ``--timeout`` seconds; every
answer that finishes is checked against argmap's. Each cell is the median of three runs,
each in a fresh process, the tools taking turns (argmap, pygarg, clingo, then again);
a run that is stopped, or whose first run takes ``--rerun-below`` seconds or more (10 by
default: there one run's noise is small beside the time), is not repeated::

    .venv/bin/python benchmarks/bench_semantics.py --dense [--timeout 120] [--rerun-below 10]
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from argmap.analysis.framework import ArgumentationFramework
from argmap.analysis.semantics import extensions, grounded, preferred

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from afgen import dense_af
from aspartix import ENCODINGS, clingo_extensions, clingo_facts


def generate(n: int, seed: int = 1, cycles: float = 0.01) -> list[tuple[int, int]]:
    """Attacks of a debate-like framework on arguments ``0 .. n-1``."""
    rnd = random.Random(seed)
    out: dict[int, list[int]] = {i: [] for i in range(n)}
    for i in range(1, n):
        for _ in range(rnd.choice([1, 1, 2])):
            j = rnd.randrange(max(0, i - 50), i)
            if j not in out[i]:
                out[i].append(j)
    attacks = {(i, j) for i in out for j in out[i]}
    for i in range(n):
        if rnd.random() < cycles and out[i] and out[out[i][0]]:
            attacks.add((out[out[i][0]][0], i))  # i -> j -> k -> i
    return sorted(attacks)


def _py_arg_worker(n: int, attacks: list[tuple[int, int]], task: str, conn: Any) -> None:
    from py_arg.abstract_argumentation_classes.abstract_argumentation_framework import (
        AbstractArgumentationFramework,
    )
    from py_arg.abstract_argumentation_classes.argument import Argument
    from py_arg.abstract_argumentation_classes.defeat import Defeat
    from py_arg.algorithms.semantics.get_grounded_extension import get_grounded_extension
    from py_arg.algorithms.semantics.get_preferred_extensions import get_preferred_extensions

    args = [Argument(str(i)) for i in range(n)]
    af = AbstractArgumentationFramework(
        "bench", args, [Defeat(args[a], args[b]) for a, b in attacks]
    )
    start = time.perf_counter()
    try:
        if task == "grounded":
            result = [frozenset(a.name for a in get_grounded_extension(af))]
        else:
            result = [frozenset(a.name for a in e) for e in get_preferred_extensions(af)]
    except Exception as err:  # py_arg recurses once per argument: RecursionError
        conn.send((None, type(err).__name__))
        return
    conn.send((time.perf_counter() - start, sorted(sorted(e) for e in result)))


def py_arg_time(
    n: int, attacks: list[tuple[int, int]], task: str, timeout: float
) -> tuple[float | None, Any]:
    """Seconds and result of py_arg, or ``(None, why it has none)``."""
    parent, child = mp.Pipe(duplex=False)
    proc = mp.Process(target=_py_arg_worker, args=(n, attacks, task, child))
    proc.start()
    child.close()
    # construction is untimed but bounded too: allow it the same time again
    try:
        ready = parent.poll(2 * timeout + 5)
        elapsed, result = parent.recv() if ready else (None, None)
    except EOFError:
        elapsed, result = None, "crashed"
    if elapsed is None and result is None:
        proc.kill()
    proc.join()
    if elapsed is None:
        return None, result or f">{timeout:.0f} (stopped)"
    if elapsed > timeout:
        return None, f">{timeout:.0f} (stopped)"
    return elapsed, result


# ------------------------------------------------------------------ dense
DENSE = [  # (shape, arguments, p, seed): ER = Erdos-Renyi, BA = Barabasi-Albert-like
    ("er", 100, 0.2, 1),
    ("er", 120, 0.25, 2),
    ("er", 150, 0.2, 3),
    ("er", 160, 0.15, 4),
    ("ba", 150, 0.3, 5),
    ("ba", 200, 0.3, 6),
    ("er", 200, 0.1, 7),
]
DENSE_SEMANTICS = ("complete", "preferred", "stable", "semi-stable")
_PYGARG = {"complete": "CO", "preferred": "PR", "stable": "ST", "semi-stable": "SST"}


def _run_timed(target: Any, args: tuple[Any, ...], timeout: float) -> tuple[float | None, Any]:
    parent, child = mp.Pipe(duplex=False)
    proc = mp.Process(target=target, args=(*args, child))
    proc.start()
    child.close()
    ready = parent.poll(timeout + 5)
    try:
        elapsed, result = parent.recv() if ready else (None, f">{timeout:.0f} (stopped)")
    except EOFError:
        elapsed, result = None, "crashed"
    proc.kill()
    proc.join()
    return elapsed, result


def _argmap_worker(af: ArgumentationFramework, sem: str, conn: Any) -> None:
    if _have("pysat"):  # imported untimed, as the other tools' modules are
        import argmap.analysis._sat  # noqa: F401
    start = time.perf_counter()
    result = extensions(af, sem)  # type: ignore[arg-type]
    conn.send((time.perf_counter() - start, sorted(sorted(e) for e in result)))


def _pygarg_worker(af: ArgumentationFramework, sem: str, conn: Any) -> None:
    from pygarg.dung import solver

    args = list(af.arguments)
    atts = [[a, b] for a, b in af.attacks]
    start = time.perf_counter()
    result = solver.extension_enumeration(args, atts, _PYGARG[sem])
    elapsed = time.perf_counter() - start
    conn.send((elapsed, sorted(sorted(set(e)) for e in result)))


def _clingo_worker(af: ArgumentationFramework, sem: str, conn: Any) -> None:
    import clingo  # noqa: F401  # imported untimed, as the other tools' modules are

    facts = clingo_facts(af.arguments, af.attacks)
    start = time.perf_counter()
    found = clingo_extensions(facts, sem)
    conn.send((time.perf_counter() - start, found))


def _have(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


def dense(timeout: float, rerun_below: float = 10.0, runs: int = 3) -> None:
    """Print argmap vs pygarg vs clingo on the dense frameworks."""
    tools = [("argmap", _argmap_worker)]
    if _have("pygarg"):
        tools.append(("pygarg", _pygarg_worker))
    if _have("clingo"):
        tools.append(("clingo", _clingo_worker))
    print(
        f"seconds: median of {runs} runs per cell, each in a fresh process, the tools taking "
        f"turns; a cell stopped (>{timeout:.0f} s) or taking {rerun_below:g} s or more on its "
        "first run is run once",
        flush=True,
    )
    header = f"{'framework':>16} {'attacks':>7} {'semantics':>11} {'exts':>5}" + "".join(
        f" {name + ' s':>14}" for name, _ in tools
    )
    print(header, flush=True)
    print("-" * len(header))
    for shape, n, p, seed in DENSE:
        af = dense_af(n, p, seed=seed, shape=shape)
        label = f"{shape} n={n} p={p}"
        for sem in DENSE_SEMANTICS:
            active = [
                (name, worker)
                for name, worker in tools
                if not (name == "clingo" and sem not in ENCODINGS)
            ]
            times: dict[str, list[float]] = {name: [] for name, _ in active}
            results: dict[str, Any] = {}
            stopped: dict[str, str] = {}
            for run in range(runs):
                for name, worker in active:
                    if name in stopped or (run and times[name][0] >= rerun_below):
                        continue
                    elapsed, result = _run_timed(worker, (af, sem), timeout)
                    if elapsed is None:
                        stopped[name] = str(result)
                        continue
                    times[name].append(elapsed)
                    results[name] = result
            ours = results.get("argmap")
            cells: list[str] = []
            for name, _ in tools:
                if name not in times:
                    cells.append("-")
                elif name in stopped and len(times[name]) < 2:  # stopped on most runs
                    cells.append(stopped[name])
                else:
                    # a stopped run counts as the slowest of the three
                    ts = times[name] + ([float("inf")] if name in stopped else [])
                    cell = f"{statistics.median(ts):.2f}"
                    if name != "argmap" and ours is not None and results[name] != ours:
                        cell += " DIFFERS"
                    cells.append(cell)
            count = "?" if ours is None else str(len(ours))
            print(
                f"{label:>16} {len(af.attacks):>7} {sem:>11} {count:>5}"
                + "".join(f" {c:>14}" for c in cells),
                flush=True,
            )


def main() -> None:
    start = time.perf_counter()
    try:
        _main()
    finally:
        print(f"(whole run: {time.perf_counter() - start:.0f} s)", flush=True)


def _main() -> None:
    if "--dense" in sys.argv:
        parser = argparse.ArgumentParser(description="dense frameworks")
        parser.add_argument("--dense", action="store_true")
        parser.add_argument("--timeout", type=float, default=120.0)
        parser.add_argument(
            "--rerun-below",
            type=float,
            default=10.0,
            help="repeat a cell (median of three) only when its first run is faster",
        )
        ns = parser.parse_args()
        dense(ns.timeout, ns.rerun_below)
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per py_arg call")
    parser.add_argument(
        "--max-py-arg-size",
        type=int,
        default=10000,
        help="do not run py_arg above this many arguments",
    )
    ns = parser.parse_args()

    header = (
        f"{'arguments':>9} {'attacks':>8} {'task':>9} {'argmap s':>9} {'py_arg s':>10} {'ratio':>8}"
    )
    print(header, flush=True)
    print("-" * len(header))
    for n in ns.sizes:
        attacks = generate(n)
        af = ArgumentationFramework(
            [str(i) for i in range(n)], [(str(a), str(b)) for a, b in attacks]
        )
        for task in ("grounded", "preferred"):
            ours_runs = []
            for _ in range(3):  # median of 3: single millisecond runs are noise
                start = time.perf_counter()
                ours = [grounded(af)] if task == "grounded" else preferred(af)
                ours_runs.append(time.perf_counter() - start)
            ours_s = statistics.median(ours_runs)
            if n > ns.max_py_arg_size:
                theirs, result = None, "not run"
            else:
                theirs, result = py_arg_time(n, attacks, task, ns.timeout)
            if theirs is None:
                note = str(result)
                print(
                    f"{n:>9} {len(attacks):>8} {task:>9} {ours_s:>9.4f} {note:>10} {'-':>8}",
                    flush=True,
                )
                continue
            assert result == sorted(sorted(e) for e in ours), f"py_arg disagrees on {task}, n={n}"
            ratio = theirs / ours_s if ours_s else float("inf")
            print(
                f"{n:>9} {len(attacks):>8} {task:>9} {ours_s:>9.4f} {theirs:>10.3f} {ratio:>7.0f}x",
                flush=True,
            )


if __name__ == "__main__":
    main()
