"""Render a map to SVG, PNG or PDF with the Graphviz ``dot`` program."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any, cast

import graphviz
from typing_extensions import Unpack

from argmap._io import write_atomic
from argmap.errors import GraphvizNotFoundError, OptionError, RenderError
from argmap.map import ArgumentMap
from argmap.render.dot import DOT_OPTIONS, to_dot
from argmap.render.options import DrawOptions, MermaidOptions, RenderOptions
from argmap.render.style import check_options

__all__ = ["DEFAULT_TIMEOUT", "FORMATS", "INSTALL_HINT", "dot_available", "pipe", "render"]

FORMATS = ("svg", "png", "pdf", "dot", "json", "mermaid", "html")
"""Formats :func:`render` writes; ``dot``, ``json`` and ``mermaid`` need no Graphviz binary
(``html``, the report of :func:`argmap.render.html.to_html`, draws its map with it)."""

_BINARY_FORMATS = ("svg", "png", "pdf")
_SUFFIXES = {
    ".svg": "svg",
    ".png": "png",
    ".pdf": "pdf",
    ".dot": "dot",
    ".gv": "dot",
    ".json": "json",
    ".mmd": "mermaid",
    ".mermaid": "mermaid",
    ".html": "html",
    ".htm": "html",
}

INSTALL_HINT = (
    "the Graphviz 'dot' program was not found on PATH; install Graphviz to render "
    "SVG/PNG/PDF (Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz; "
    "conda: conda install -c conda-forge graphviz). DOT and JSON export work without it: "
    "m.to_dot().source, m.to_json()."
)


def dot_available() -> bool:
    """True when the Graphviz ``dot`` program is on ``PATH``."""
    return shutil.which("dot") is not None


DEFAULT_TIMEOUT = 600.0
"""Seconds ``dot`` may run on one drawing (:func:`pipe`'s ``timeout``): a 10,000-statement
map (benchmarks/bench_core.py's) took 226 s to draw as SVG on a busy 2-core machine, so
it fits with room; a drawing that takes longer is stopped."""


def pipe(
    m: ArgumentMap | graphviz.Digraph,
    format: str = "svg",
    *,
    timeout: float | None = DEFAULT_TIMEOUT,
    **options: Unpack[DrawOptions],
) -> bytes:
    """Run ``dot`` on the map and return the rendered bytes (svg, png or pdf).

    ``dot`` runs as a program of its own (no shell) on the DOT text argmap made, for at
    most ``timeout`` seconds (:data:`DEFAULT_TIMEOUT`; None for no limit).

    Raises
    ------
    GraphvizNotFoundError
        ``dot`` is not installed; the message says how to install it.
    RenderError
        ``dot`` failed (the message carries its error output), or took longer than
        ``timeout`` and was stopped.
    """
    format = format.lower() if isinstance(format, str) else format
    if format not in _BINARY_FORMATS:
        raise OptionError(
            f"unknown format {format!r} for Graphviz; choose one of {', '.join(_BINARY_FORMATS)}"
        )
    if timeout is not None and (
        not isinstance(timeout, int | float) or isinstance(timeout, bool) or not timeout > 0
    ):
        raise OptionError(f"timeout must be a number of seconds above 0, or None; got {timeout!r}")
    digraph = m if isinstance(m, graphviz.Digraph) else to_dot(m, **options)
    exe = shutil.which("dot")
    if exe is None:
        raise GraphvizNotFoundError(INSTALL_HINT)
    try:
        done = subprocess.run(
            [exe, f"-T{format}"],
            input=digraph.source.encode("utf-8"),
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise RenderError(
            f"Graphviz dot took longer than {timeout:g} s to render {format} and was stopped; "
            "pass a larger timeout= (or timeout=None) for a map this large"
        ) from None
    except OSError as err:
        raise RenderError(f"could not run Graphviz dot: {err.strerror or err}") from None
    if done.returncode != 0:
        stderr = done.stderr.decode(errors="replace").strip()
        raise RenderError(f"Graphviz dot failed to render {format}: {stderr}")
    data: bytes = done.stdout
    return data


def render(
    m: ArgumentMap,
    path: str | Path,
    *,
    format: str | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    **options: Unpack[RenderOptions],
) -> Path:
    """Draw ``m`` to ``path``; returns the path written.

    The format comes from ``format`` or else the file suffix, both in any case:
    ``.svg``, ``.png``, ``.pdf`` (rendered by Graphviz), ``.dot``/``.gv`` (DOT text),
    ``.json`` (argmap JSON), ``.mmd``/``.mermaid`` (Mermaid flowchart text, which takes
    the ``style``, ``direction`` and ``wrap`` options) or ``.html``/``.htm`` (the
    standalone report of :func:`argmap.render.html.to_html`, the same page as ``argmap
    render -o x.html``, whose ``title`` is the page heading). Other keyword options go to
    :func:`argmap.render.dot.to_dot`; ``timeout`` limits Graphviz's time (:func:`pipe`).
    The file is written atomically: on any error no
    partial file is left behind.

    Raises
    ------
    OptionError
        The suffix or ``format`` is not one of these, or an option the format does not
        take (the message lists the ones it does).
    GraphvizNotFoundError
        An svg, png, pdf or html output and no Graphviz ``dot`` program.

    Examples
    --------
    >>> import argmap as am
    >>> m = am.ArgumentMap()
    >>> _ = m.claim("Tax sugar", id="c")
    >>> render(m, "map.jpeg")
    Traceback (most recent call last):
    ...
    argmap.errors.OptionError: cannot tell the format of 'map.jpeg' from its suffix ...
    """
    target = Path(path)
    fmt = format.lower() if isinstance(format, str) else format
    fmt = fmt or _SUFFIXES.get(target.suffix.lower())
    if fmt is None:
        raise OptionError(
            f"cannot tell the format of {str(target)!r} from its suffix {target.suffix!r}; "
            f"use one of {', '.join(sorted(_SUFFIXES))} or pass format= "
            f"({', '.join(FORMATS)})"
        )
    if fmt not in FORMATS:
        raise OptionError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "json":
        check_options(options, (), "render() to json")
        from argmap.registry import dumps

        return write_atomic(target, dumps(m))
    if fmt == "mermaid":
        from argmap.render.mermaid import MERMAID_OPTIONS
        from argmap.render.mermaid import dumps as mermaid

        check_options(options, MERMAID_OPTIONS, "render() to mermaid")
        return write_atomic(target, mermaid(m, **cast(MermaidOptions, options)))
    if fmt == "html":
        from argmap.render.html import report_html

        check_options(options, DOT_OPTIONS, "render() to html")  # its title: the heading
        return write_atomic(target, report_html(m, timeout=timeout, **cast(Any, options)))
    check_options(options, DOT_OPTIONS, f"render() to {fmt}")
    drawing = cast(DrawOptions, options)  # a title that is not a bool: to_dot refuses it
    if fmt == "dot":
        return write_atomic(target, to_dot(m, **drawing).source)
    return write_atomic(target, pipe(m, fmt, timeout=timeout, **drawing))
