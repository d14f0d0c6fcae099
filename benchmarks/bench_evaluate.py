"""Grounded evaluate / explain / what_if on big maps: time and peak memory per size.

Run on demand (not a test)::

    .venv/bin/python benchmarks/bench_evaluate.py [--sizes 1000 10000 100000]

Three maps per size ``n``:

* ``premise chain`` -- ``s1`` supports ``s0``, ``s2`` supports ``s1``, ... (no attack);
* ``attack chain`` -- ``s1`` attacks ``s0``, ``s2`` attacks ``s1``, ...: labels alternate
  and the explanation of ``s0`` is ``n`` steps long;
* ``attack cycle`` -- the attack chain with ``s0`` attacking ``s{n-1}``: everything is
  undecided.

Each case runs in a fresh child process: building the map is not timed; the columns
are the seconds of ``evaluate(m)`` (every label and strength; ``us/stmt`` is that per
statement, flat when the growth is linear), of ``explain(m, "s0")``
(the longest explanation) and of ``what_if(m, reject="s{n-1}")``, and the child's peak
resident memory (``ru_maxrss``, the whole process, Python and the map included).
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import resource
import time
from typing import Any

import argmap as am
from argmap.analysis.whatif import evaluate, explain, what_if
from argmap.model import Inference, Statement

SHAPES = ("premise chain", "attack chain", "attack cycle")


def build(shape: str, n: int) -> am.ArgumentMap:
    """The map of ``shape`` with ``n`` statements ``s0`` .. ``s{n-1}``."""
    m = am.ArgumentMap()
    m.add_statement(Statement(id="s0", kind="claim", text="Statement 0"))
    kind = "premise" if shape == "premise chain" else "counterpoint"
    for i in range(1, n):
        m.add_statement(Statement(id=f"s{i}", kind=kind, text=f"Statement {i}"))
    relation = "support" if shape == "premise chain" else "attack"
    infs = [
        Inference(id=f"i{i}", relation=relation, premises=(f"s{i}",), target=f"s{i - 1}")
        for i in range(1, n)
    ]
    if shape == "attack cycle":
        infs.append(Inference(id="i0", relation="attack", premises=("s0",), target=f"s{n - 1}"))
    m.add_inferences(infs)
    return m


def _worker(shape: str, n: int, conn: Any) -> None:
    m = build(shape, n)
    start = time.perf_counter()
    result = evaluate(m)
    t_eval = time.perf_counter() - start
    start = time.perf_counter()
    text = explain(m, "s0")
    t_explain = time.perf_counter() - start
    start = time.perf_counter()
    changes = what_if(m, reject=f"s{n - 1}")
    t_whatif = time.perf_counter() - start
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    steps = text.count("\n") + 1
    conn.send((t_eval, t_explain, t_whatif, peak_kib, result["s0"].label, steps, len(changes)))


def run(shape: str, n: int) -> tuple[float, float, float, int, str, int, int]:
    parent, child = mp.Pipe(duplex=False)
    proc = mp.Process(target=_worker, args=(shape, n, child))
    proc.start()
    child.close()
    out = parent.recv()
    proc.join()
    return out  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    ns = parser.parse_args()
    started = time.perf_counter()
    header = (
        f"{'map':>13} {'statements':>10} {'evaluate s':>10} {'us/stmt':>7} {'explain s':>9} "
        f"{'what_if s':>9} {'peak MiB':>8} {'s0':>5} {'steps':>6} {'changed':>7}"
    )
    print(header, flush=True)
    print("-" * len(header))
    for shape in SHAPES:
        for n in ns.sizes:
            t_eval, t_explain, t_whatif, peak, label, steps, changed = run(shape, n)
            print(
                f"{shape:>13} {n:>10} {t_eval:>10.3f} {t_eval / n * 1e6:>7.1f} "
                f"{t_explain:>9.3f} {t_whatif:>9.3f} {peak / 1024:>8.0f} {label:>5} "
                f"{steps:>6} {changed:>7}",
                flush=True,
            )
    print(f"(whole run: {time.perf_counter() - started:.0f} s)", flush=True)


if __name__ == "__main__":
    main()
