"""Inline display in Jupyter: the diagram as SVG, or DOT text when Graphviz is missing."""

from __future__ import annotations

import warnings
from collections.abc import Iterable

from argmap.errors import GraphvizNotFoundError
from argmap.formats.dot import to_dot
from argmap.map import ArgumentMap
from argmap.render.graphviz import pipe

__all__ = ["DOT_MIMETYPE", "SVG_MIMETYPE", "mimebundle", "svg_or_none"]

SVG_MIMETYPE = "image/svg+xml"
DOT_MIMETYPE = "text/vnd.graphviz"


def mimebundle(
    m: ArgumentMap,
    include: Iterable[str] | None = None,
    exclude: Iterable[str] | None = None,
) -> dict[str, str]:
    """What a notebook shows for ``m``: SVG, plus plain text.

    Without the ``dot`` program it shows the DOT text instead and emits one warning
    (no traceback), so notebooks still run.
    """
    bundle: dict[str, str] = {"text/plain": repr(m)}
    try:
        bundle[SVG_MIMETYPE] = pipe(m, "svg").decode("utf-8")
    except GraphvizNotFoundError as err:
        warnings.warn(f"argmap: showing DOT text: {err}", RuntimeWarning, stacklevel=3)
        bundle[DOT_MIMETYPE] = to_dot(m).source
    if include is not None:
        keep = set(include)
        bundle = {k: v for k, v in bundle.items() if k in keep}
    if exclude is not None:
        drop = set(exclude)
        bundle = {k: v for k, v in bundle.items() if k not in drop}
    return bundle


def svg_or_none(m: ArgumentMap) -> str | None:
    """The map as SVG text, or None when Graphviz is not installed."""
    try:
        return pipe(m, "svg").decode("utf-8")
    except GraphvizNotFoundError:
        return None
