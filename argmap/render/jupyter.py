"""Inline display in Jupyter: the diagram as SVG, or DOT text when Graphviz is missing.

A map shows itself in a notebook (``m`` as the last line of a cell) with the default
style. To choose a theme, direction, legend or any other :func:`~argmap.render.dot.to_dot`
option, display :func:`draw` instead: ``am.draw(m, style="colorblind", legend=True)``.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import graphviz
from typing_extensions import Unpack

from argmap.errors import GraphvizNotFoundError
from argmap.map import ArgumentMap
from argmap.render.dot import to_dot
from argmap.render.graphviz import pipe, render
from argmap.render.options import DrawOptions

__all__ = [
    "DOT_MIMETYPE",
    "SVG_MIMETYPE",
    "Diagram",
    "GraphvizMissingWarning",
    "draw",
    "mimebundle",
    "svg_or_none",
]

SVG_MIMETYPE = "image/svg+xml"
DOT_MIMETYPE = "text/vnd.graphviz"


class GraphvizMissingWarning(RuntimeWarning):
    """Shown (once per display) when a notebook falls back to DOT text."""


def mimebundle(
    m: ArgumentMap,
    include: Iterable[str] | None = None,
    exclude: Iterable[str] | None = None,
    **options: Any,
) -> dict[str, str]:
    """What a notebook shows for ``m``: SVG, plus plain text.

    Without the ``dot`` program it shows the DOT text instead (mimetype
    ``text/vnd.graphviz``) and emits one :class:`GraphvizMissingWarning` (no traceback),
    so notebooks still run. ``options`` go to :func:`~argmap.render.dot.to_dot`.
    """
    digraph = to_dot(m, **options)
    bundle: dict[str, str] = {"text/plain": repr(m)}
    try:
        bundle[SVG_MIMETYPE] = pipe(digraph, "svg").decode("utf-8")
    except GraphvizNotFoundError as err:
        # Attributed to "argmap" rather than a source line, so it prints as one line.
        warnings.warn_explicit(
            f"showing DOT text instead of a drawing: {err}",
            GraphvizMissingWarning,
            filename="argmap",
            lineno=0,
            module="argmap",
        )
        bundle[DOT_MIMETYPE] = digraph.source
    if include is not None:
        keep = set(include)
        bundle = {k: v for k, v in bundle.items() if k in keep}
    if exclude is not None:
        drop = set(exclude)
        bundle = {k: v for k, v in bundle.items() if k not in drop}
    return bundle


def svg_or_none(m: ArgumentMap, **options: Any) -> str | None:
    """The map as SVG text, or None when Graphviz is not installed."""
    try:
        return pipe(to_dot(m, **options), "svg").decode("utf-8")
    except GraphvizNotFoundError:
        return None


class Diagram:
    """A map with drawing options: shows itself in notebooks, renders to files.

    Made by :func:`draw`; the map is read when shown, so later changes to it appear.

    Examples
    --------
    >>> import argmap as am
    >>> m = am.ArgumentMap()
    >>> c = m.claim("Tax sugar", id="c")
    >>> d = am.draw(m, style="print", direction="LR")
    >>> d
    Diagram(ArgumentMap(title=None, statements=1, inferences=0), style='print', direction='LR')
    >>> "rankdir=LR" in d.source
    True
    """

    def __init__(self, m: ArgumentMap, **options: Any) -> None:
        to_dot(m, **options)  # check the options now, not when first shown
        self.map = m
        self.options = options

    @property
    def source(self) -> str:
        """The DOT text."""
        text: str = to_dot(self.map, **self.options).source
        return text

    def to_dot(self) -> graphviz.Digraph:
        """The :class:`graphviz.Digraph` of the map with these options."""
        return to_dot(self.map, **self.options)

    def render(self, path: str | Path, *, format: str | None = None) -> Path:
        """Write the drawing to ``path`` (see :func:`argmap.render.graphviz.render`)."""
        return render(self.map, path, format=format, **self.options)

    def _repr_mimebundle_(
        self, include: Iterable[str] | None = None, exclude: Iterable[str] | None = None
    ) -> dict[str, str]:
        return mimebundle(self.map, include=include, exclude=exclude, **self.options)

    def __repr__(self) -> str:
        opts = "".join(f", {k}={v!r}" for k, v in self.options.items())
        return f"Diagram({self.map!r}{opts})"


def draw(m: ArgumentMap, **options: Unpack[DrawOptions]) -> Diagram:
    """``m`` drawn with ``options`` (those of :func:`~argmap.render.dot.to_dot`, e.g.
    ``style="colorblind"``, ``direction="LR"``, ``legend=True``): display it in a
    notebook, or call ``.render(path)``."""
    return Diagram(m, **options)
