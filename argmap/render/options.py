"""The drawing options, typed: what ``to_dot``, ``render``, ``draw`` and Mermaid take.

Every function that draws a map takes its options as keyword arguments typed by
:class:`DrawOptions` (Mermaid's by :class:`MermaidOptions`), so an editor completes them
and mypy refuses a misspelt one (``Unexpected keyword argument "directoin"``). At run
time the same names and values are checked again (for callers without a type checker),
and a mistake is an :class:`~argmap.errors.OptionError` naming the option.

Names that only spell a choice are read in any case: ``direction="lr"``,
``labels="Full"``, ``engine="SFDP"`` and the theme names (``style="Print"``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Literal, TypedDict, get_args

from argmap.errors import OptionError

if TYPE_CHECKING:
    from argmap.render.style import LabelMode, Style

__all__ = [
    "DIRECTION_NAMES",
    "ENGINES",
    "DirectionName",
    "DrawOptions",
    "Engine",
    "MermaidOptions",
    "RenderOptions",
    "choice",
]

DirectionName = Literal["auto", "BT", "TB", "LR", "RL", "bt", "tb", "lr", "rl"]
"""A layout direction as the options take it: ``"auto"`` (chosen from the map's shape,
the default) or a Graphviz ``rankdir`` in either case."""

DIRECTION_NAMES: tuple[str, ...] = ("auto", "BT", "TB", "LR", "RL")
"""The directions, as written in a :class:`~argmap.render.style.Style`."""

Engine = Literal["dot", "neato", "fdp", "sfdp", "circo", "twopi", "osage", "patchwork"]
"""A Graphviz layout program (the ``graphviz`` package's ``ENGINES``, except ``nop``,
which lays out nothing). ``dot`` draws levels of reasoning; the others place nodes by
forces or around a centre, and ignore ``direction``."""

ENGINES: tuple[str, ...] = get_args(Engine)
"""The layout engines ``engine=`` takes."""


class DrawOptions(TypedDict, total=False):
    """Keyword options of :func:`argmap.to_dot`, :func:`argmap.draw`,
    :meth:`argmap.ArgumentMap.render` and everything else that draws with Graphviz.

    See :func:`argmap.render.dot.to_dot` for what each one does.
    """

    style: Style | str
    wrap: int
    direction: DirectionName
    engine: Engine
    title: bool
    legend: bool
    labels: LabelMode | Literal["FULL", "TEXT", "TITLE", "ID"]
    clusters: bool | Sequence[str]
    node_attrs: Mapping[str, Mapping[str, str]]
    badges: Mapping[str, str]


class RenderOptions(TypedDict, total=False):
    """Keyword options of :func:`argmap.render.graphviz.render` and
    :meth:`argmap.ArgumentMap.render`: those of :class:`DrawOptions`, where ``title``
    may also be a text, the page heading of an ``.html`` report."""

    style: Style | str
    wrap: int
    direction: DirectionName
    engine: Engine
    title: bool | str
    legend: bool
    labels: LabelMode | Literal["FULL", "TEXT", "TITLE", "ID"]
    clusters: bool | Sequence[str]
    node_attrs: Mapping[str, Mapping[str, str]]
    badges: Mapping[str, str]


class MermaidOptions(TypedDict, total=False):
    """Keyword options of :func:`argmap.render.mermaid.dumps` and
    :meth:`argmap.ArgumentMap.to_mermaid`."""

    style: Style | str
    direction: DirectionName
    wrap: int


def choice(name: str, value: object, choices: Sequence[str]) -> str:
    """``value`` as the one of ``choices`` it spells in any case; else an OptionError.

    >>> choice("direction", "lr", ("BT", "TB", "LR", "RL"))
    'LR'
    >>> choice("engine", "spring", ("dot", "neato"))
    Traceback (most recent call last):
    ...
    argmap.errors.OptionError: unknown engine 'spring'; choose one of dot, neato
    """
    if isinstance(value, str):
        folded = value.casefold()
        for option in choices:
            if option.casefold() == folded:
                return option
    raise OptionError(f"unknown {name} {value!r}; choose one of {', '.join(choices)}")
