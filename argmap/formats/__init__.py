"""Interchange formats: one module per format, each with symmetric load/dump functions
and a ``FORMAT`` (or ``FORMATS``) spec for the registry (:mod:`argmap.registry`).

Formats hold data (lossless, or lossy in documented ways). They read a map and never
change it, never import each other, and never import rendering; drawings (DOT,
Mermaid) live in :mod:`argmap.render`.
"""

from __future__ import annotations

import importlib
import warnings
from types import ModuleType

_MOVED = {"dot": "argmap.render.dot", "mermaid": "argmap.render.mermaid"}


def __getattr__(name: str) -> ModuleType:
    """``from argmap.formats import dot`` (or ``mermaid``) still works, with a
    DeprecationWarning: the drawing modules moved to :mod:`argmap.render`."""
    if name in _MOVED:
        warnings.warn(
            f"argmap.formats.{name} moved to {_MOVED[name]}; import it from there",
            DeprecationWarning,
            stacklevel=2,
        )
        return importlib.import_module(_MOVED[name])
    raise AttributeError(f"module 'argmap.formats' has no attribute {name!r}")
