"""The minimal DOT of a drawing: what argmap's DOT text is measured against.

:func:`minimal_dot` rewrites the DOT text of ``to_dot`` as the smallest DOT we know for
the *same drawing*: the same header, labels and ids, and every element's look (its
attributes after the ``node [...]``/``edge [...]`` defaults before it) declared once for
all the elements that share it, each group a ``{node [look] ...}`` subgraph. Graphviz
reads the same nodes, edges and looks from both (``tests/test_layout.py`` checks it
with ``dot -Tjson0``), so the ratio of the two sizes is what declaring looks per element
costs. ``bench_peers.py`` prints it as its ``dot bytes`` row; ``tests/test_layout.py``
holds argmap to 1.5 times it.
"""

from __future__ import annotations

import re

__all__ = ["minimal_dot"]

_ELEMENT = re.compile(r"^\t(\S+(?: -> \S+)?) \[(.*)\]$")
_LABEL = re.compile(r"label=(<.*>|\"[^\"]*\"|\S+)(?= \w+=|$)")
_ID = re.compile(r'\bid=("[^"]*"|\S+)')
_ATTR = re.compile(r'(\w+)=("(?:[^"\\]|\\.)*"|<.*>|[^ \]]+)')


def minimal_dot(source: str) -> str:
    r"""The smallest DOT we know for the drawing of ``source`` (argmap's DOT text): the
    same header, labels and ids, every element's look declared once for all the
    elements that share it (grouped by look, each group a ``{node [look] ...}``
    subgraph), nothing else.

    >>> source = (
    ...     "digraph argmap {\n\tgraph [rankdir=BT]\n\tnode [shape=box]\n\tedge [color=red]\n"
    ...     "\tnode [fillcolor=red]\n"
    ...     '\ta [label=<A> id="am:a"]\n\tb [label=<B> id="am:b" shape=oval]\n'
    ...     '\tc [label=<C> id="am:c"]\n\tb -> a [id="am:b:a"]\n}\n'
    ... )
    >>> for line in minimal_dot(source).splitlines()[4:]:
    ...     print(line)
    {node[fillcolor=red]
    a[label=<A> id="am:a"]
    c[label=<C> id="am:c"]}
    {node[fillcolor=red shape=oval]
    b[label=<B> id="am:b"]}
    {edge[]
    b -> a[id="am:b:a"]}
    }
    """
    lines = source.splitlines()
    header = lines[:4]
    looks: dict[tuple[str, str], list[str]] = {}
    defaults: dict[str, dict[str, str]] = {"node": {}, "edge": {}}
    tail: list[str] = []
    for line in lines[4:-1]:
        if line.startswith(("\tnode [", "\tedge [")):
            defaults[line[1:5]].update(_ATTR.findall(line[7:-1]))
            continue
        match = _ELEMENT.match(line)
        if match is None:
            tail.append(line)
            continue
        name, attrs = match.groups()
        label = _LABEL.search(attrs)
        id = _ID.search(attrs)
        what = "edge" if " -> " in name else "node"
        own = dict(_ATTR.findall(_ID.sub("", _LABEL.sub("", attrs))))
        look = " ".join(f"{k}={v}" for k, v in sorted({**defaults[what], **own}.items()))
        keep = [x for x in (label and f"label={label.group(1)}", id and f"id={id.group(1)}") if x]
        looks.setdefault((what, look), []).append(f"{name}[{' '.join(keep)}]")
    body = [f"{{{what}[{look}]\n" + "\n".join(group) + "}" for (what, look), group in looks.items()]
    return "\n".join([*header, *body, *tail, "}"]) + "\n"
