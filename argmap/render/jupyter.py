"""Inline display in Jupyter: the diagram to pan and zoom, or DOT text without Graphviz.

A map shows itself in a notebook (``m`` as the last line of a cell) with the default
style. To choose a theme, direction, legend or any other :func:`~argmap.render.dot.to_dot`
option, display :func:`draw` instead: ``am.draw(m, style="colorblind", legend=True)``.

What a notebook gets
--------------------
The display is a bundle of three forms, and each front end shows the richest it can:

- ``text/html``: the SVG inline, with the explorer of :mod:`argmap.render.html` (wheel,
  drag and pinch to zoom and pan, Fit, keys, search, click to focus) in a script.
  JupyterLab ranks ``text/html`` (rank 50) before ``image/svg+xml`` (80), and nbconvert,
  nbviewer and VS Code prefer it too. Where scripts do not run (an untrusted notebook,
  GitHub's static view) the same HTML is a plain SVG scaled to the cell's width.
- ``image/svg+xml``: the SVG alone, for tools that take images only (nbconvert to PDF,
  documentation builders, ``include=["image/svg+xml"]``).
- ``text/plain``: the map's repr (with the overview note below, when there is one).

A map of more than :data:`NOTEBOOK_LIMIT` statements is shown as its
:func:`~argmap.views.overview`: the statements nearest its main conclusions (breadth
first, level by level) up to the limit, each hidden statement counted in a ``+N`` marker (see
:class:`~argmap.views.MapView`), with a one-line note saying how to draw the rest. So a
cell never waits minutes for ``dot`` nor embeds megabytes silently.
"""

from __future__ import annotations

import html
import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import graphviz
from typing_extensions import Unpack

from argmap.errors import GraphvizNotFoundError
from argmap.map import ArgumentMap
from argmap.render._static import explorer_css, explorer_data, explorer_js
from argmap.render.dot import to_dot
from argmap.render.graphviz import pipe, render
from argmap.render.html import _clean_svg
from argmap.render.options import DrawOptions
from argmap.views import MapView, overview

__all__ = [
    "DOT_MIMETYPE",
    "HTML_MIMETYPE",
    "NOTEBOOK_LIMIT",
    "SVG_MIMETYPE",
    "Diagram",
    "GraphvizMissingWarning",
    "draw",
    "mimebundle",
    "svg_or_none",
]

SVG_MIMETYPE = "image/svg+xml"
DOT_MIMETYPE = "text/vnd.graphviz"
HTML_MIMETYPE = "text/html"

NOTEBOOK_LIMIT: int | None = 250
"""Most statements a notebook draws whole; a larger map shows as its
:func:`~argmap.views.overview`
(None: always whole). Measured on benchmarks/bench_core.py's maps on a busy 2-core
machine, Graphviz's ``dot`` took 0.36 s and wrote 0.33 MB of SVG for 250 statements,
0.71 s and 0.67 MB for 500, 2.1 s and 1.4 MB for 1,000 and 8.1 s and 2.8 MB for 2,000
(time grows about as the square of the size): 250 keeps a cell under half a second and
its drawing near a third of a megabyte."""

NOTEBOOK_MAX_BYTES = 1_000_000
"""Most SVG bytes a notebook display embeds: an overview of fewer statements is drawn
when the drawing is larger (long statement texts)."""


class GraphvizMissingWarning(RuntimeWarning):
    """Shown (once per display) when a notebook falls back to DOT text."""


def _note(m: ArgumentMap, v: MapView) -> str:
    return (
        f"Overview: the {len(v):,} statements nearest the main conclusions, of {len(m):,} "
        f"(+N counts the rest). Draw it all to a file with m.render('map.svg'), or look "
        f"closer with m.focus('<id>', depth=2)."
    )


_INIT_JS = """
(function (script) {
  "use strict";
  var roots = script && script.parentNode ? [script.parentNode]
    : Array.prototype.slice.call(document.querySelectorAll(".am-nb:not([data-am-ready])"));
  roots.forEach(function (root) {
    var tries = 0;
    (function start() {
      // An output is laid out once the notebook shows it: wait for a width.
      if (root.querySelector(".am-viewport").clientWidth > 0 || tries > 100) {
        window.argmapExplore(root, {height: "auto", search: false});
      } else { tries += 1; requestAnimationFrame(start); }
    })();
  });
})(document.currentScript);
"""


def _html(svg: str, m: ArgumentMap, note: str | None) -> str:
    """The notebook's ``text/html``: the SVG, scaled to the cell's width until the
    explorer's script (run by a trusted notebook) takes it over."""
    svg, _ = _clean_svg(svg)
    svg = svg.replace("<svg", '<svg style="max-width:100%;height:auto"', 1)
    line = f'<p class="am-note">{html.escape(note)}</p>' if note else ""
    return (
        f'<div class="am-nb"><style>{explorer_css()}</style>{line}'
        f'<div class="am-viewport">{svg}</div>'
        f'<script type="application/json" class="am-data">{explorer_data(m)}</script>'
        f"<script>{explorer_js()}{_INIT_JS}</script></div>"
    )


def _shown(m: ArgumentMap) -> tuple[ArgumentMap, str | None]:
    """``m``, or past :data:`NOTEBOOK_LIMIT` statements its overview with the note."""
    if NOTEBOOK_LIMIT is None or len(m) <= NOTEBOOK_LIMIT:
        return m, None
    shown = overview(m, NOTEBOOK_LIMIT)
    return shown, _note(m, shown)


def _drawing(m: ArgumentMap, options: dict[str, Any]) -> tuple[ArgumentMap, str | None, str]:
    """What a notebook draws of ``m`` (the map, or its overview past
    :data:`NOTEBOOK_LIMIT` statements or :data:`NOTEBOOK_MAX_BYTES` of SVG), the
    overview's note, and the SVG. Raises GraphvizNotFoundError without ``dot``."""
    limit = NOTEBOOK_LIMIT
    shown, note = _shown(m)
    svg = pipe(to_dot(shown, **options), "svg").decode("utf-8")
    # Long texts can make even a small drawing large: draw fewer statements then.
    while limit is not None and len(svg) > NOTEBOOK_MAX_BYTES and len(shown) > 1:
        limit = max(1, len(shown) // 2)
        shown = overview(m, limit)
        note = _note(m, shown)
        svg = pipe(to_dot(shown, **options), "svg").decode("utf-8")
    return shown, note, svg


def mimebundle(
    m: ArgumentMap,
    include: Iterable[str] | None = None,
    exclude: Iterable[str] | None = None,
    **options: Any,
) -> dict[str, str]:
    """What a notebook shows for ``m``: the drawing as HTML to explore and as SVG, plus
    plain text (see the module's notes; a map past :data:`NOTEBOOK_LIMIT` statements
    shows as its :func:`overview`).

    Without the ``dot`` program it shows the DOT text instead (mimetype
    ``text/vnd.graphviz``) and emits one :class:`GraphvizMissingWarning` (no traceback),
    so notebooks still run. ``options`` go to :func:`~argmap.render.dot.to_dot`.
    """
    try:
        shown, note, svg = _drawing(m, options)
        bundle: dict[str, str] = {"text/plain": repr(m) + (f"\n{note}" if note else "")}
        bundle[HTML_MIMETYPE] = _html(svg, shown, note)
        bundle[SVG_MIMETYPE] = svg
    except GraphvizNotFoundError as err:
        # Attributed to "argmap" rather than a source line, so it prints as one line.
        warnings.warn_explicit(
            f"showing DOT text instead of a drawing: {err}",
            GraphvizMissingWarning,
            filename="argmap",
            lineno=0,
            module="argmap",
        )
        shown, note = _shown(m)
        bundle = {
            "text/plain": repr(m) + (f"\n{note}" if note else ""),
            DOT_MIMETYPE: to_dot(shown, **options).source,
        }
    if include is not None:
        keep = set(include)
        bundle = {k: v for k, v in bundle.items() if k in keep}
    if exclude is not None:
        drop = set(exclude)
        bundle = {k: v for k, v in bundle.items() if k not in drop}
    return bundle


def svg_or_none(m: ArgumentMap, **options: Any) -> str | None:
    """The map as a notebook draws it, as SVG text (its overview past
    :data:`NOTEBOOK_LIMIT` statements), or None when Graphviz is not installed."""
    try:
        return _drawing(m, options)[2]
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
