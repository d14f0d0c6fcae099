"""Peak memory of a built map against the floor (a plain networkx graph), per statement.

Each measurement runs in a fresh process (``python bench_memory.py --child WHAT N``) so
that nothing another measurement left behind counts: the child imports what it needs,
makes the data (``bench_core.make_data``), then builds the map (or the floor graph) and
reports, for the build alone:

* peak   -- the most bytes Python had allocated at once during the build (tracemalloc);
* held   -- the bytes still held by the built map afterwards (tracemalloc);
* rss    -- the growth of the process's peak resident set (``VmHWM``) over the build,
            measured in another fresh process without tracemalloc.

Target (issue 15): argmap's peak per statement within 1.3x of the floor's at 100k.

    .venv/bin/python benchmarks/bench_memory.py [N ...] [--json out.json]
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import subprocess
import sys
import tracemalloc
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

SIZES = [100_000]


def peak_rss() -> int:
    """The process's peak resident set in bytes: ``VmHWM`` (Linux), else ``ru_maxrss``.
    ``ru_maxrss`` survives ``exec``: a child of a big parent starts at the parent's peak."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text(encoding="ascii").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # KiB on Linux


def child(what: str, n: int, mode: str) -> dict[str, int]:
    import networkx  # noqa: F401  (imported before the baseline, as a user has)
    from bench_core import build_argmap, build_floor, make_data

    import argmap as am

    am.ArgumentMap()  # the core loaded before the baseline
    d = make_data(n)
    build = build_argmap if what == "argmap" else build_floor
    gc.collect()
    if mode == "rss":
        before = peak_rss()
        kept = build(d)
        after = peak_rss()
        del kept
        return {"rss": after - before}
    tracemalloc.start()
    kept = build(d)
    gc.collect()
    held, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del kept
    return {"held": held, "peak": peak}


def run_child(what: str, n: int, mode: str) -> dict[str, int]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", what, str(n), mode],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    result: dict[str, int] = json.loads(out)
    return result


def measure(n: int) -> list[dict[str, Any]]:
    found = {
        what: {**run_child(what, n, "tracemalloc"), **run_child(what, n, "rss")}
        for what in ("argmap", "floor")
    }
    return [
        {
            "n": n,
            "op": f"memory {key}",
            "argmap": found["argmap"][key],
            "floor": found["floor"][key],
        }
        for key in ("peak", "held", "rss")
    ]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=SIZES)
    parser.add_argument("--json", type=Path, help="also write the rows to this JSON file")
    parser.add_argument("--child", nargs=3, metavar=("WHAT", "N", "MODE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        what, n, mode = args.child
        print(json.dumps(child(what, int(n), mode)))
        return
    rows = [row for n in args.sizes for row in measure(n)]
    print(f"{'N':>7} {'measure':<13} {'argmap B/stmt':>13} {'floor B/stmt':>13} {'ratio':>6}")
    for r in rows:
        print(
            f"{r['n']:>7} {r['op']:<13} {r['argmap'] / r['n']:>13.0f} "
            f"{r['floor'] / r['n']:>13.0f} {r['argmap'] / r['floor']:>6.2f}"
        )
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
