"""Drawing options that mypy refuses (tests/test_typing.py runs mypy on this file)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # checked by mypy, never run (pytest imports it for doctests)
    import argmap as am

    m = am.ArgumentMap()
    m.to_dot(directoin="LR")
    am.draw(m, legend="yes")
    m.render("map.svg", direction="up")
    m.to_mermaid(legend=True)
