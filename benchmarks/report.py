"""Run every benchmark and write ``docs/performance.md`` and ``docs/img/performance.png``.

``bash scripts/bench`` runs this in a virtual environment with the ``bench`` extra
(arguebuf, matplotlib, python-argumentation, pygarg). It runs, one after the other:

1. ``bench_peers``   -- argmap, the floor (networkx + json) and arguebuf on the same maps;
2. ``bench_startup`` -- ``import argmap`` and ``argmap --version`` as whole processes;
3. ``bench_memory``  -- peak memory of a built map against the floor, in fresh processes;
4. ``bench_semantics.py`` (a child process; its own table is copied in as it printed it);

then writes the page: the targets of issue 15 each with its measured ratio, the full
tables, the machine, and the command. Options::

    python benchmarks/report.py [--sizes 1000 10000 100000] [--peer-max 100000]
                                [--repeats 5] [--semantics-sizes 1000 10000] [--out docs]
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

import bench_memory
import bench_peers
import bench_startup

HERE = Path(__file__).parent

Row = dict[str, Any]
PLOTTED = ("build", "to_json", "from_json", "to_dot")


def machine() -> list[str]:
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    packages = ", ".join(
        f"{name} {version(name)}"
        for name in ("networkx", "pydantic", "graphviz", "arguebuf", "python-argumentation")
    )
    return [
        f"- CPU: {cpu}, {os.cpu_count()} cores; load average at the start: {load}",
        f"- {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()} ({platform.python_implementation()})",
        f"- {packages}",
        f"- Run on {datetime.date.today().isoformat()}",
    ]


def find(rows: list[Row], op: str, n: int | None = None) -> Row | None:
    for r in rows:
        if r["op"] == op and (n is None or r.get("n") == n):
            return r
    return None


def over(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


def targets(peers: list[Row], startup: list[Row], memory: list[Row]) -> list[list[str]]:
    """One line per target: what, target, measured, met."""
    lines: list[list[str]] = []
    peer_n, floor_n = 10_000, max(r["n"] for r in peers)

    def add(what: str, target: str, value: float | None, ok: Callable[[float], bool]) -> None:
        shown = "not measured" if value is None else f"{value:.2f}"
        met = "--" if value is None else ("yes" if ok(value) else "**no**")
        lines.append([what, target, shown, met])

    for op in ("build", "to_json", "from_json", "to_aif", "from_aif", "to_dot"):
        r = find(peers, op, peer_n)
        add(
            f"{op} at {peer_n:,}: arguebuf time / argmap time",
            ">= 5",
            over(r["arguebuf"], r["argmap"]) if r else None,
            lambda x: x >= 5,
        )
    for op, limit in (("build", 1.5), ("from_json", 1.5), ("to_dot", 1.5), ("to_json", 1.0)):
        r = find(peers, op, floor_n)
        add(
            f"{op} at {floor_n:,}: argmap time / floor time",
            f"<= {limit}",
            over(r["argmap"], r["floor"]) if r else None,
            lambda x, limit=limit: x <= limit,
        )
    r = find(peers, "dot bytes", floor_n)
    add(
        f"DOT text at {floor_n:,}: argmap bytes / minimal DOT of the same drawing",
        "<= 1.5",
        over(r["argmap"], r["floor"]) if r else None,
        lambda x: x <= 1.5,
    )
    for op in ("import argmap", "import + core"):
        r = find(startup, op)
        add(
            f"`{op}`: time / `import networkx, pydantic`",
            "<= 1.2",
            over(r["argmap"], r["baseline"]) if r else None,
            lambda x: x <= 1.2,
        )
    r = find(startup, "argmap --version")
    add("`argmap --version`: seconds", "< 0.3", r["argmap"] if r else None, lambda x: x < 0.3)
    r = find(memory, "memory peak")
    add(
        f"peak memory at {r['n'] if r else floor_n:,}: argmap / floor",
        "<= 1.3",
        over(r["argmap"], r["floor"]) if r else None,
        lambda x: x <= 1.3,
    )
    return lines


# What bounds the targets missed on the last run, from profiles (cProfile, -X importtime) of
# the same maps; kept by hand: re-read it when the targets table changes.
FINDINGS = """\
## Where the time goes

- **build** (5.7x to 7.2x faster than arguebuf at 10k; 1.45x to 1.55x the floor at 100k,
  1.47x on the run above, so the target is met only just): a plain call with an id
  (`m.premise(text, id=...)`, `m.support(premise, target, id=...)`) goes straight into
  networkx's dicts after the same checks (`quick_statement`; `_plain_inference`: premise
  a statement, target of the right kind, new id, no possible repeat); anything doubtful
  takes the general path, so the errors are the same. With the collector off
  (`build/nogc`) the work is 1.15x to 1.3x the floor's. The rest is the cyclic
  collector: the map holds 7.5 tracked objects per statement against the floor's 3.5
  (`bench_core.py`'s `tracked/st`). Each statement and each inference adds a model (a
  slotted pydantic dataclass, which the collector always tracks) and the node dict
  holding it, where the floor's node dicts hold only strings and stay untracked; edge
  dicts, empty metadata, tags and quotes are already untracked or shared. At 100k that
  is two full collections during a build against the floor's one (about 1.0 s against
  0.55 s). Reaching 1.5x reliably takes fewer tracked objects per element: models
  outside the node dicts (a change to the graph's documented shape,
  `m.graph.nodes[n]["model"]`), a compiled model type, or a bulk builder that pauses the
  collector inside one call, as the readers do.
- **AIF out** (5.3x to 6.5x faster than arguebuf at 10k on a busy machine): the text is
  written by pydantic's serializer (`pydantic_core.to_json`), byte for byte what
  `json.dumps(doc, indent=2, ensure_ascii=False)` writes, whose indented form is the
  standard library's pure-Python encoder; a map whose metadata holds a float keeps
  `json.dumps`, as the two spell some floats differently (`2.5e-05`, `0.000025`). The
  rest is building one dict per node and edge (`formats/_aifcore.build`), with a fast
  path for elements without metadata or extra fields: the floor of any writer of this
  document. More would mean writing the JSON text directly, without the dicts.
- **AIF in** (3.0x to 3.4x faster than arguebuf at 10k): the text is parsed once by
  pydantic-core into plain dicts, taken as one list per field; edges are sorted to their
  scheme nodes in bulk when each is a premise, a target or an undercut; statements and
  inferences without metadata, single or linked premises, are made by
  `quick_statement`/`quick_inference`, and the whole batch is checked at once and
  written into the graph's dicts (`argmap._bulk`, which `from_json` uses too; a batch
  with anything to report is added one element at a time, so maps, warnings and errors
  are unchanged: 26,325 reads of files, fuzzed and generated documents compared old
  against new). What remains is Python's work per element, with no single hot spot: at
  10k, in CPU time, parsing and taking the columns about a fifth, sorting 20k edges a
  tenth, making 20k models a fifth (about 3 µs per inference and 2 µs per statement,
  half of it re-checking ids already checked by one expression for the whole document),
  writing them into the graph's dicts a fifth, and freeing the parse plus one collector
  pass over the new map's objects a sixth; arguebuf's reader makes plain objects with no
  checks. 5x (0.19 s to 0.24 s, as arguebuf's time varies) would need all of: models
  made in bulk without per-element checks (about 6% measured), fewer objects per element
  (models beside the graph instead of in its node dicts: a change to the graph's
  documented shape), and the edge grouping done in compiled code.
- **to_dot** (6x to 8.6x faster than arguebuf at 10k; 0.65x to 0.8x the floor's time at
  10k and 100k): the growth from 10k to 100k was in choosing the direction, where levels
  were computed over dicts of lists by id with Tarjan's algorithm on every node. Now
  nodes are numbered once, arrows sorted into adjacency lists, Kahn's algorithm orders
  what no cycle reaches (Tarjan's runs on the rest: 121 of 107,854 nodes in the 100k
  map), and both directions' sizes come from one pass. Statements with nothing of their
  own and arrows without a junction are written by one loop each (the `graphviz`
  package's per-attribute quoting is skipped for what argmap builds itself), looks are
  declared once per run of a kind, and plain text skips escaping: about 12 µs per
  statement at 10k and 14 µs at 100k (DOT bytes unchanged: 1,800 drawings compared old
  against new). The floor draws less (plain labels, no kinds, junctions, ids or layout
  estimate).
- **DOT size**: within about 1.2x of the minimal DOT for the same drawing
  (`benchmarks/dotsize.py`): what remains is each statement's and arrow's `id` and the
  `node [...]`/`edge [...]` lines between runs of a kind.
- **import + core**: `import pydantic` loads little of pydantic; its model machinery
  (`pydantic.dataclasses`, `type_adapter`: about a quarter of `import networkx, pydantic`)
  loads with the first model, and building the four models' validators (`argmap.model`)
  adds about an eighth. Against networkx plus that machinery (`import + core/2`) argmap's
  own cost is small; deferring the validators (`defer_build`) would only move the cost to
  the first statement.
"""


def table(header: list[str], rows: list[list[str]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    return out + ["| " + " | ".join(row) + " |" for row in rows]


def seconds(x: float | None) -> str:
    return "--" if x is None else f"{x:.4f}"


def ratio(x: float | None) -> str:
    return "--" if x is None else f"{x:.2f}"


def peers_table(peers: list[Row]) -> list[str]:
    rows = []
    for r in peers:
        if r["op"] == "dot bytes":
            cells = [f"{r[k]:,}" if r[k] else "--" for k in ("argmap", "floor", "arguebuf")]
        else:
            cells = [seconds(r[k]) for k in ("argmap", "floor", "arguebuf")]
        rows.append(
            [
                f"{r['n']:,}",
                r["op"],
                *cells,
                ratio(over(r["argmap"], r["floor"])),
                ratio(over(r["arguebuf"], r["argmap"])),
            ]
        )
    header = ["N", "operation", "argmap s", "floor s", "arguebuf s", "argmap/floor"]
    return table([*header, "arguebuf/argmap"], rows)


def startup_table(startup: list[Row]) -> list[str]:
    rows = [
        [
            f"`{r['op']}`",
            f"{r['argmap']:.3f}",
            f"{r['baseline']:.3f}",
            ratio(over(r["argmap"], r["baseline"])),
            f"`{r['baseline_cmd']}`",
        ]
        for r in startup
    ]
    return table(["command", "argmap s", "baseline s", "ratio", "baseline"], rows)


def memory_table(memory: list[Row]) -> list[str]:
    rows = [
        [
            f"{r['n']:,}",
            r["op"].removeprefix("memory "),
            f"{r['argmap'] / r['n']:.0f}",
            f"{r['floor'] / r['n']:.0f}",
            ratio(over(r["argmap"], r["floor"])),
        ]
        for r in memory
    ]
    return table(["N", "measure", "argmap bytes/statement", "floor bytes/statement", "ratio"], rows)


def semantics(sizes: list[int]) -> list[str]:
    """``bench_semantics.py``'s own output (it is another module's benchmark)."""
    cmd = [sys.executable, str(HERE / "bench_semantics.py"), "--sizes", *map(str, sizes)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    shown = " ".join(["python", "benchmarks/bench_semantics.py", *cmd[2:]])
    if done.returncode != 0:
        tail = (done.stderr or done.stdout).strip().splitlines()[-5:]
        return [f"`{shown}` failed (exit {done.returncode}):", "", "```", *tail, "```"]
    return [f"`{shown}`:", "", "```", *done.stdout.rstrip().splitlines(), "```"]


def plot(peers: list[Row], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(2, 2, figsize=(9, 7), sharex=True)
    for ax, op in zip(axes.flat, PLOTTED, strict=True):
        for who, style in (("argmap", "o-"), ("floor", "s--"), ("arguebuf", "^:")):
            points = [(r["n"], r[who]) for r in peers if r["op"] == op and r[who] is not None]
            if points:
                xs, ys = zip(*points, strict=True)
                ax.loglog(xs, ys, style, label=who)
        ax.set_title(op)
        ax.set_xlabel("statements")
        ax.set_ylabel("seconds (median)")
        ax.grid(True, which="both", alpha=0.3)
        ax.legend()
    fig.suptitle("argmap, the floor (networkx + json) and arguebuf: time against map size")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=80, metadata={"Software": None})
    plt.close(fig)


def page(
    args: argparse.Namespace,  # the options, for the repeats
    info: list[str],
    peers: list[Row],
    startup: list[Row],
    memory: list[Row],
    sem: list[str],
) -> str:
    argv, options = list(args.argv), []
    while argv:  # where the results go is not part of the run
        word = argv.pop(0)
        if word in ("--save", "--out", "--render-only"):
            argv.pop(0)
        else:
            options.append(word)
    command = " ".join(["bash scripts/bench", *options])
    lines = [
        "# Performance",
        "",
        "How fast argmap is, next to the floor (a plain networkx graph and the json module",
        "doing the same work) and to arguebuf, the closest Python peer, on the same maps in",
        "the same run. Every figure on this page comes from one run of:",
        "",
        "```sh",
        command,
        "```",
        "",
        "which sets up `.venv-bench` with the `bench` extra and runs",
        "`benchmarks/report.py` (see `benchmarks/README.md` for each benchmark alone).",
        f"Times are medians of {args.repeats} runs, argmap, the floor and arguebuf",
        "alternating; start-up figures are whole processes alternating with their baseline.",
        "Ratios, not seconds, are what carry from one machine to another.",
        "",
        "## Targets",
        "",
        *table(["what", "target", "measured", "met"], targets(peers, startup, memory)),
        "",
        "## The machine",
        "",
        *info,
        "",
        "## Time against size",
        "",
        "![argmap, floor and arguebuf: time against size, log-log](img/performance.png)",
        "",
        "The maps are `benchmarks/bench_core.py`'s: a random tree of N statements (70%",
        "supports, 30% attacks, every 20th support linked with a second premise, 5%",
        "undercuts). The floor of `to_dot` is a time floor only: a `graphviz.Digraph` of the",
        "statements with plain labels and their premise -> target edges, a simpler drawing.",
        "`dot bytes` is the size of argmap's DOT text; its floor column is the minimal DOT",
        "for the same drawing (`benchmarks/dotsize.py`: the same labels and ids, each look",
        "declared once for all the elements that share it), beside arguebuf's DOT.",
        "",
        *peers_table(peers),
        "",
        "## Start-up",
        "",
        "`import argmap` loads only the package and its errors; each public name loads its",
        "module when first used. `import + core` also uses `argmap.ArgumentMap` (the models,",
        "networkx and pydantic's model machinery load); `import + core/2` is the same against",
        "networkx and pydantic's model machinery (`import pydantic` alone loads little of",
        "pydantic: its model machinery loads with the first model or adapter, whoever",
        "defines it); `import + all` uses every public name.",
        "",
        *startup_table(startup),
        "",
        "## Memory",
        "",
        "Bytes per statement for building the map, each in a fresh process: the peak",
        "allocated while building and what the built map holds (tracemalloc), and the growth",
        "of the process's peak resident set (`VmHWM`, a run without tracemalloc).",
        "",
        *memory_table(memory),
        "",
        FINDINGS,
        "## Semantics",
        "",
        *sem,
        "",
    ]
    return "\n".join(lines)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", nargs="+", type=int, default=bench_peers.SIZES)
    p.add_argument("--peer-max", type=int, default=max(bench_peers.SIZES))
    p.add_argument("--repeats", type=int, default=bench_peers.REPEATS)
    p.add_argument("--startup-repeats", type=int, default=bench_startup.REPEATS)
    p.add_argument("--semantics-sizes", nargs="+", type=int, default=[1_000, 10_000])
    p.add_argument("--out", type=Path, default=HERE.parent / "docs")
    p.add_argument("--save", type=Path, help="also write the raw results to this JSON file")
    p.add_argument("--render-only", type=Path, help="write the page from saved results")
    return p


def measure_all(args: argparse.Namespace) -> dict[str, Any]:
    found: dict[str, Any] = {"machine": machine(), "argv": sys.argv[1:], "peers": []}
    for n in args.sizes:
        print(f"peers: {n:,} statements", flush=True)
        found["peers"] += bench_peers.measure(n, args.repeats, peer=n <= args.peer_max)
    bench_peers.print_rows(found["peers"])
    print("start-up", flush=True)
    found["startup"] = bench_startup.measure(args.startup_repeats)
    print("memory", flush=True)
    found["memory"] = bench_memory.measure(max(args.sizes))
    print("semantics", flush=True)
    found["semantics"] = semantics(args.semantics_sizes)
    return found


def main() -> None:
    args = parser().parse_args()
    args.argv = sys.argv[1:]
    if args.render_only:  # the page again from a run's saved results, nothing measured
        found = json.loads(args.render_only.read_text(encoding="utf-8"))
        out = args.out
        args = parser().parse_args(found["argv"])
        args.out, args.argv = out, found["argv"]
    else:
        found = measure_all(args)
        if args.save:
            args.save.write_text(json.dumps(found, indent=2) + "\n", encoding="utf-8")
    info, peers, startup, memory, sem = (
        found[k] for k in ("machine", "peers", "startup", "memory", "semantics")
    )
    plot(peers, args.out / "img" / "performance.png")
    text = page(args, info, peers, startup, memory, sem)
    (args.out / "performance.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
