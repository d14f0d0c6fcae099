"""Reading argmap's DOT lines in tests: a line's attributes, with the defaults before it."""

from __future__ import annotations

import re

ATTR = re.compile(r'(\w+)=("(?:[^"\\]|\\.)*"|[^ \]]+)')


def parse_line(line: str) -> tuple[str, str, dict[str, str]]:
    """(name, label, attributes) of one DOT node or edge statement line."""
    line = line.strip()
    head, _, rest = line.partition(" [")
    label = ""
    if rest.startswith("label=<"):
        depth, i = 0, len("label=")
        for i in range(len("label="), len(rest)):
            depth += {"<": 1, ">": -1}.get(rest[i], 0)
            if depth == 0:
                break
        label, rest = rest[len("label=") : i + 1], rest[i + 1 :]
    attrs = {k: v.strip('"') for k, v in ATTR.findall(rest)}
    return head, label, attrs


# What the graph-wide defaults and Graphviz give every node and edge: left out below.
NODE_BASE = {
    "color": "black",
    "fontcolor": "black",
    "penwidth": "1",
    "peripheries": "1",
    "shape": "box",
    "style": "rounded,filled",
}
EDGE_BASE = {"arrowhead": "normal", "color": "black", "penwidth": "1", "style": "solid"}


def resolved_lines(source: str) -> dict[str, dict[str, str]]:
    """Each node's and edge's attributes (an edge by ``tail -> head``) with the
    ``node [...]``/``edge [...]`` defaults before it applied, less the base look."""
    defaults: dict[str, dict[str, str]] = {"node": {}, "edge": {}}
    out: dict[str, dict[str, str]] = {}
    for line in source.splitlines()[4:]:  # after the graph, node and edge header lines
        head, _, attrs = parse_line(line)
        if head in defaults:
            defaults[head].update(attrs)
        elif attrs or line.rstrip().endswith("]"):
            what, base = ("edge", EDGE_BASE) if " -> " in head else ("node", NODE_BASE)
            merged = {**defaults[what], **attrs}
            out[head] = {k: v for k, v in merged.items() if base.get(k) != v}
    return out
