"""Start-up: ``import argmap`` and ``argmap --version`` as whole processes.

Each command runs as a fresh process, alternating with its baseline, ``REPEATS`` times;
the table has the median wall time of each and the ratio:

* import argmap        -- ``python -c "import argmap"`` against
                          ``python -c "import networkx, pydantic"`` (argmap's own dependencies);
* import + core        -- ``import argmap; argmap.ArgumentMap()``: the core (model, map,
                          networkx, pydantic) loaded, against the same baseline;
* import + everything  -- every public name used once (analysis, rendering, formats);
* argmap --version     -- the console script, against ``python -c pass`` (the interpreter
                          alone); target: under 0.3 s.

Run on demand::

    .venv/bin/python benchmarks/bench_startup.py [--repeats 9] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPEATS = 9
PY = sys.executable
SCRIPT = str(Path(PY).with_name("argmap"))
# `import pydantic` loads little: its model machinery loads with the first model
MACHINERY = "import networkx, pydantic.dataclasses, pydantic.type_adapter"
EVERYTHING = "import argmap\nfor name in argmap.__all__: getattr(argmap, name)"

CASES: list[tuple[str, list[str], list[str]]] = [
    ("import argmap", [PY, "-c", "import argmap"], [PY, "-c", "import networkx, pydantic"]),
    (
        "import + core",
        [PY, "-c", "import argmap; argmap.ArgumentMap()"],
        [PY, "-c", "import networkx, pydantic"],
    ),
    (
        "import + core/2",
        [PY, "-c", "import argmap; argmap.ArgumentMap()"],
        [PY, "-c", MACHINERY],
    ),
    ("import + all", [PY, "-c", EVERYTHING], [PY, "-c", "import networkx, pydantic"]),
    ("argmap --version", [SCRIPT, "--version"], [PY, "-c", "pass"]),
]


def shown(cmd: list[str]) -> str:
    """The command as a user types it (``python -c "..."``, ``argmap --version``)."""
    if cmd[0] == PY:
        return f'python -c "{cmd[2]}"' if cmd[1] == "-c" else " ".join(["python", *cmd[1:]])
    return " ".join([Path(cmd[0]).name, *cmd[1:]])


def wall(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def measure(repeats: int = REPEATS) -> list[dict[str, Any]]:
    rows = []
    for name, ours, base in CASES:
        wall(ours), wall(base)  # warm the file cache
        t_ours, t_base = [], []
        for _ in range(repeats):
            t_ours.append(wall(ours))
            t_base.append(wall(base))
        rows.append(
            {
                "op": name,
                "argmap": statistics.median(t_ours),
                "baseline": statistics.median(t_base),
                "baseline_cmd": shown(base),
            }
        )
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=REPEATS)
    parser.add_argument("--json", type=Path, help="also write the rows to this JSON file")
    args = parser.parse_args(argv)
    rows = measure(args.repeats)
    print(f"median of {args.repeats} whole processes, alternating with the baseline")
    print(f"{'command':<18} {'argmap s':>9} {'base s':>9} {'ratio':>6}  baseline")
    for r in rows:
        print(
            f"{r['op']:<18} {r['argmap']:>9.3f} {r['baseline']:>9.3f} "
            f"{r['argmap'] / r['baseline']:>6.2f}  {r['baseline_cmd']}"
        )
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
