"""Drawing options that mypy accepts (tests/test_typing.py runs mypy on this file)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # checked by mypy, never run (pytest imports it for doctests)
    import argmap as am
    from argmap.render.graphviz import render

    m = am.ArgumentMap()
    c = m.claim("Tax sugar", id="c")
    m.to_dot(style="print", direction="lr", legend=True, engine="sfdp", wrap=40)
    m.to_dot(style=am.theme("colorblind"), labels="title", clusters=["economic"])
    m.to_mermaid(direction="LR", wrap=20)
    m.render("map.html", title="The page heading")
    render(m, "map.svg", direction="auto", badges={"c": "new"})
    am.draw(m, node_attrs={"c": {"fillcolor": "#ffffff"}})
    am.to_dot(m, title=False)
