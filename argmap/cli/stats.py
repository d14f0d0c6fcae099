"""``argmap stats``: counts and depth of maps."""

from __future__ import annotations

from typing import Any

import click
import networkx as nx

from argmap.cli.inputs import Source, read_map
from argmap.cli.options import expand_inputs, from_option, json_option, progress_option
from argmap.cli.outputs import emit_json
from argmap.cli.runner import print_table, run_each
from argmap.map import ArgumentMap

__all__ = ["COUNT_KEYS", "map_stats", "stats"]

COUNT_KEYS = (
    "statements",
    "claims",
    "premises",
    "counterpoints",
    "inferences",
    "supports",
    "attacks",
    "undercuts",
    "rephrases",
    "linked",
    "self_attacks",
    "main_conclusions",
    "sources",
)
"""The integer keys of :func:`map_stats` that add up over a corpus."""


def depth(m: ArgumentMap) -> int:
    """The most inference steps on any chain of reasoning in the map (0 without any).

    A chain runs from premises through inferences to what they bear on; an undercut
    adds a step to the inference it undercuts. A rephrase says the same thing again, so
    it is no step. Statements that support each other in a circle count as one place on
    the chain.
    """
    g = m.graph
    cond = nx.condensation(g)
    weight = {
        c: sum(
            1
            for n in cond.nodes[c]["members"]
            if g.nodes[n]["kind"] == "inference" and g.nodes[n]["relation"] != "rephrase"
        )
        for c in cond.nodes
    }
    best: dict[int, int] = {}
    for c in nx.topological_sort(cond):
        best[c] = weight[c] + max((best[p] for p in cond.predecessors(c)), default=0)
    return max(best.values(), default=0)


def map_stats(m: ArgumentMap) -> dict[str, Any]:
    """Counts of a map's elements: each inference counts once, whatever its premises.

    ``self_attacks`` counts the statements that attack themselves (also counted among
    ``attacks``).

    Examples
    --------
    >>> import argmap as am
    >>> m = am.ArgumentMap()
    >>> c = m.claim("Tax sugar", id="c")
    >>> _ = m.support([m.premise("Sugar harms", id="p1"), m.premise("Taxes deter", id="p2")], c)
    >>> s = map_stats(m)
    >>> s["statements"], s["supports"], s["linked"], s["depth"]
    (3, 1, 1, 1)
    """
    kinds = [s.kind for s in m.statements]
    infs = list(m.inferences)
    stats: dict[str, Any] = {
        "statements": len(kinds),
        "claims": kinds.count("claim"),
        "premises": kinds.count("premise"),
        "counterpoints": kinds.count("counterpoint"),
        "inferences": len(infs),
        "supports": sum(1 for i in infs if i.relation == "support"),
        "attacks": sum(1 for i in infs if i.relation == "attack"),
        "undercuts": sum(1 for i in infs if i.relation == "undercut"),
        "rephrases": sum(1 for i in infs if i.relation == "rephrase"),
        "linked": sum(1 for i in infs if i.linked),
        "self_attacks": sum(1 for i in infs if i.premises == (i.target,)),
        "main_conclusions": len(m.main_conclusions()),
        "depth": depth(m),
        "sources": len(m.sources),
        "coverage": [_coverage(m, src.id) for src in m.sources],
    }
    return stats


def _coverage(m: ArgumentMap, source: str) -> dict[str, Any]:
    from argmap.analysis.coverage import coverage

    c = coverage(m, source)
    return {
        "source": source,
        "sentences": len(c.sentences),
        "mapped": len(c.mapped),
        "unmapped": len(c.unmapped),
        "skipped": len(c.skipped),
        "covered_characters": c.covered_characters,
        "argumentative_characters": c.argumentative_characters,
        "share": round(c.share, 4),
    }


def _total(per_file: list[dict[str, Any]]) -> dict[str, Any]:
    total: dict[str, Any] = {k: sum(s[k] for s in per_file) for k in COUNT_KEYS}
    total["depth"] = max((s["depth"] for s in per_file), default=0)
    total = {k: total[k] for k in (*COUNT_KEYS[:-1], "depth", "sources")}
    total["coverage"] = [
        {"file": s["file"], **c} if len(per_file) > 1 else c
        for s in per_file
        for c in s["coverage"]
    ]
    return total


def _coverage_line(c: dict[str, Any]) -> str:
    return (
        f"{c['share']:.1%} of argumentative text; "
        f"{c['mapped']} of {c['mapped'] + c['unmapped']} sentences mapped"
    )


_EPILOG = """
\b
Examples:
  argmap stats map.json
  argmap stats corpus/ --json
  cat map.json | argmap stats -
"""


@click.command(epilog=_EPILOG)
@click.argument("maps", nargs=-1, required=True)
@from_option
@json_option
@progress_option
def stats(maps: tuple[str, ...], from_: str | None, as_json: bool, progress: bool | None) -> None:
    """Count statements, inferences (supports, attacks, undercuts, rephrases), depth, coverage.

    MAPS are argmap JSON, AIF JSON or ICCMA files, folders of them, or - for
    standard input. A support, attack or undercut counts once per inference step
    (linked premises count once); self-attacks are the statements that attack
    themselves (common in ICCMA benchmark files); depth is the most inference steps
    on one chain of reasoning. For a map that quotes source texts, coverage says how much of each
    source's argumentative text the quotes cover. With several maps, a table shows one
    row per map (statements, supports, attacks, undercuts, depth; --json has every
    count) and the totals.
    """
    sources = expand_inputs(maps)

    def work(source: Source) -> dict[str, Any]:
        return map_stats(read_map(source, from_))

    outcome = run_each(sources, work, progress=progress, what="stats")
    per_file = [{"file": s.label, **r} for s, r in outcome.results]
    total = _total(per_file)
    if as_json:
        emit_json(
            {
                **total,
                "files": per_file,
                "failures": [f.as_json() for f in outcome.failures],
            }
        )
    elif len(sources) == 1 and outcome.results:
        pairs: list[tuple[str, object]] = [
            (k, v) for k, v in total.items() if k not in ("coverage", "sources")
        ]
        pairs.append(("sources", total["sources"]))
        pairs += [(f"coverage of {c['source']}", _coverage_line(c)) for c in total["coverage"]]
        print_table(sources[0].label, ("statistic", "value"), pairs, wrap_values=True)
    else:
        keys = ("statements", "supports", "attacks", "undercuts", "depth")
        rows = [[r["file"], *(r[k] for k in keys)] for r in per_file]
        rows += [[f.label, "failed", *[""] * (len(keys) - 1)] for f in outcome.failures]
        n = len(per_file)
        footer = [f"total ({n} map{'s' if n != 1 else ''})", *(total[k] for k in keys)]
        headers = ("file", *keys)
        print_table(None, headers, rows, numeric=headers[1:], footer=footer)
    if outcome.failures:
        raise SystemExit(1)
