"""Grounded and preferred extensions: argmap next to py_arg on the same frameworks.

Run on demand (not a test)::

    .venv/bin/python benchmarks/bench_semantics.py [--sizes 1000 10000 100000] [--timeout 60]

The frameworks are generated like debates: argument ``i`` answers (attacks) one or two
of the 50 arguments before it, and about 1% of arguments close an odd cycle of three
attacks, which leaves a region undecided that grows with the size. Each py_arg call
runs in a child process that is stopped after ``--timeout`` seconds; the table then
says so. Framework construction is not timed, for either library. Where both finish,
the extensions are checked to be the same.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import random
import time
from typing import Any

from argmap.analysis.framework import ArgumentationFramework
from argmap.analysis.semantics import grounded, preferred


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


def main() -> None:
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
            start = time.perf_counter()
            ours = [grounded(af)] if task == "grounded" else preferred(af)
            ours_s = time.perf_counter() - start
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
