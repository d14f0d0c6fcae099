"""Render a map to SVG, PNG or PDF with the Graphviz ``dot`` program."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import graphviz

from argmap._io import write_atomic
from argmap.errors import GraphvizNotFoundError, RenderError
from argmap.formats.dot import to_dot
from argmap.map import ArgumentMap

__all__ = ["FORMATS", "INSTALL_HINT", "dot_available", "pipe", "render"]

FORMATS = ("svg", "png", "pdf", "dot", "json", "mermaid")
"""Formats :func:`render` writes; ``dot``, ``json`` and ``mermaid`` need no Graphviz binary."""

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


def pipe(m: ArgumentMap | graphviz.Digraph, format: str = "svg", **options: Any) -> bytes:
    """Run ``dot`` on the map and return the rendered bytes (svg, png or pdf).

    Raises
    ------
    GraphvizNotFoundError
        ``dot`` is not installed; the message says how to install it.
    RenderError
        ``dot`` failed; the message carries its error output.
    """
    if format not in _BINARY_FORMATS:
        raise ValueError(f"cannot render format {format!r}; choose one of {_BINARY_FORMATS}")
    digraph = m if isinstance(m, graphviz.Digraph) else to_dot(m, **options)
    try:
        data: bytes = digraph.pipe(format=format, engine="dot", quiet=True)
    except graphviz.ExecutableNotFound:
        raise GraphvizNotFoundError(INSTALL_HINT) from None
    except subprocess.CalledProcessError as err:
        stderr = err.stderr.decode(errors="replace").strip() if err.stderr else ""
        raise RenderError(f"Graphviz dot failed to render {format}: {stderr}") from None
    return data


def render(m: ArgumentMap, path: str | Path, *, format: str | None = None, **options: Any) -> Path:
    """Draw ``m`` to ``path``; returns the path written.

    The format comes from ``format`` or else the file suffix: ``.svg``, ``.png``,
    ``.pdf`` (rendered by Graphviz), ``.dot``/``.gv`` (DOT text), ``.json`` (argmap
    JSON) or ``.mmd``/``.mermaid`` (Mermaid flowchart text, which takes the ``style``,
    ``direction`` and ``wrap`` options). Other keyword options go to
    :func:`argmap.formats.dot.to_dot`. The file is written atomically: on any error no
    partial file is left behind.
    """
    target = Path(path)
    fmt = format or _SUFFIXES.get(target.suffix.lower())
    if fmt is None:
        raise ValueError(
            f"cannot tell the format of {str(target)!r} from its suffix; use one of "
            f"{', '.join(sorted(_SUFFIXES))} or pass format="
        )
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "dot":
        return write_atomic(target, to_dot(m, **options).source)
    if fmt == "json":
        from argmap.formats.json import dumps

        return write_atomic(target, dumps(m))
    if fmt == "mermaid":
        from argmap.formats.mermaid import dumps as mermaid

        wanted = {k: v for k, v in options.items() if k in ("style", "direction", "wrap")}
        return write_atomic(target, mermaid(m, **wanted))
    return write_atomic(target, pipe(m, fmt, **options))
