"""Argdown benchmark: argmap's parser and reader on Argdown texts of N statements, and the
official Argdown CLI (``argdown json``) on the same files when it is installed.

The text (fixed seed) is what argument mappers write: blocks of a titled statement with
an indented tree of pros and cons below it (``+``/``-``/``->``/``<_`` lines, three levels
deep, some untitled, some arguments ``<A>: ...`` with #tags and {data}), headings every
200 statements, and every tenth argument reconstructed as a premise-conclusion structure.
For each N it times (best of ``REPEATS``):

* parse  -- ``argmap.formats.argdown.parse(text)``: text -> syntax tree;
* loads  -- ``argdown.loads(text)``: text -> ArgumentMap (parse + reader);
* cli    -- ``argdown json file outdir`` (Node.js; one run, start-up included), and the
            ratio cli / loads;
* dumps  -- ``argdown.dumps(m, order="readable")`` (the most tree-like layout) and
            ``argdown.dumps(m)`` (the default, ``order="exact"``: the map's own order)
            of the map read, and whether the exact text reads back to an equal map
            (``equal``).

It prints the time per statement too (loads and exact dumps): linear time means those
columns stay flat from 1k to 20k statements. Run on demand::

    .venv/bin/python benchmarks/bench_argdown.py              # 1k, 10k, 20k statements
    .venv/bin/python benchmarks/bench_argdown.py 1000 5000    # chosen sizes
"""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from argmap.formats import argdown

REPEATS = 3
SEED = 20261201
ARGDOWN = Path(sys.prefix) / "node" / "node_modules" / ".bin" / "argdown"
WORDS = tuple(
    [
        "tax",
        "sugar",
        "drinks",
        "health",
        "poor",
        "cost",
        "revenue",
        "children",
        "habit",
        "price",
        "market",
        "choice",
        "evidence",
        "study",
        "effect",
        "policy",
        "law",
        "school",
        "food",
        "energy",
        "risk",
    ]
)


def make_text(n: int, seed: int = SEED) -> str:
    """An Argdown text with ``n`` statements (see the module docs)."""
    rng = random.Random(seed)

    def sentence() -> str:
        return " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 14))).capitalize() + "."

    lines: list[str] = []
    count = 0
    argument = 0
    reconstruct: list[str] = []
    while count < n:
        if count % 200 == 0:
            lines += [f"# Section {count // 200 + 1}", ""]
        lines.append(f"[Claim {count}]: {sentence()} #claim")
        count += 1
        frontier = [(0, 0)]
        for _ in range(rng.randint(4, 12)):
            if count >= n:
                break
            depth = rng.choice(frontier)[0] + 1 if frontier else 1
            depth = min(depth, 3)
            symbol = rng.choice(["+", "+", "-", "->", "<+", "<-"])
            indent = "  " * depth
            if rng.random() < 0.3:
                argument += 1
                title = f"Argument {argument}"
                if symbol in ("+", "-") and rng.random() < 0.2:
                    symbol = "<_" if depth > 1 else symbol
                lines.append(f"{indent}{symbol} <{title}>: {sentence()} #pro {{weight: 2}}")
                if argument % 10 == 0:
                    reconstruct.append(title)
            elif rng.random() < 0.5:
                lines.append(f"{indent}{symbol} [S{count}]: {sentence()}")
            else:
                lines.append(f"{indent}{symbol} {sentence()}")
                lines.append(f"{indent}  {sentence()}")  # a text over two lines
            count += 1
            frontier.append((depth, count))
        lines.append("")
    for title in reconstruct:
        lines += [
            f"<{title}>",
            "",
            f"(1) {sentence()}",
            f"(2) {sentence()}",
            "-- modus ponens {uses: [1, 2]} --",
            f"(3) {sentence()}",
            "",
        ]
    return "\n".join(lines) + "\n"


def best(fn: Callable[[], object], repeats: int = REPEATS) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def cli_time(text: str) -> float | None:
    if not ARGDOWN.exists() or shutil.which("node") is None:
        return None
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.argdown"
        path.write_text(text, encoding="utf-8")
        start = time.perf_counter()
        result = subprocess.run(
            [str(ARGDOWN), "json", str(path), str(Path(folder) / "out")],
            capture_output=True,
            text=True,
            check=False,
        )
        elapsed = time.perf_counter() - start
        if result.returncode != 0 or not (Path(folder) / "out" / "bench.json").exists():
            print(result.stdout[-2000:], result.stderr[-2000:])
            return None
    return elapsed


def main(sizes: list[int]) -> None:
    print(
        f"{'N':>7} {'lines':>7} {'parse s':>9} {'loads s':>9} {'us/stmt':>8} "
        f"{'cli s':>8} {'cli/loads':>9} {'dumps s':>9} {'exact s':>9} {'us/stmt':>8} {'equal':>6}"
    )
    print("-" * 101)
    for n in sizes:
        text = make_text(n)
        m = argdown.loads(text)
        assert sum(1 for _ in m.statements) >= n
        parse = best(lambda text=text: argdown.parse(text))
        loads = best(lambda text=text: argdown.loads(text))
        readable = best(lambda m=m: argdown.dumps(m, order="readable"))
        exact = best(lambda m=m: argdown.dumps(m, order="exact"))
        equal = "yes" if argdown.loads(argdown.dumps(m, order="exact")) == m else "no"
        cli = cli_time(text)
        cli_s = f"{cli:8.2f}" if cli is not None else f"{'--':>8}"
        ratio = f"{cli / loads:9.1f}" if cli is not None else f"{'--':>9}"
        print(
            f"{n:>7} {text.count(chr(10)):>7} {parse:9.3f} {loads:9.3f} "
            f"{loads / n * 1e6:8.1f} {cli_s} {ratio} {readable:9.3f} {exact:9.3f} "
            f"{exact / n * 1e6:8.1f} {equal:>6}"
        )


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 10000, 20000])
