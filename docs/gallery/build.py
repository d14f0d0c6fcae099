"""Re-draw the gallery images of docs/gallery.md with the real Graphviz ``dot``.

Run from the repository root: ``.venv/bin/python docs/gallery/build.py``. Every image is
the NATO example map (examples/nato_ammunition.py) in one theme and direction, with the
legend, plus focused views; the Markdown page lists them.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import argmap as am

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
THEMES = ("default", "colorblind", "print")
DIRECTIONS = ("BT", "TB", "LR")


def nato() -> am.ArgumentMap:
    spec = importlib.util.spec_from_file_location("nato", ROOT / "examples" / "nato_ammunition.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    m: am.ArgumentMap = module.build_map()
    return m


def main() -> list[Path]:
    m = nato()
    written = []
    for theme in THEMES:
        for direction in DIRECTIONS:
            path = HERE / f"nato-{theme}-{direction}.png"
            written.append(m.render(path, style=theme, direction=direction, legend=True))
    written.append(m.focus("outpace", depth=1).render(HERE / "nato-focus-outpace.png", legend=True))
    written.append(
        m.focus("stockpiles", depth=1).render(
            HERE / "nato-focus-stockpiles.png", style="colorblind", legend=True
        )
    )
    written.append(
        m.render(
            HERE / "nato-clusters-titles.png",
            style="print",
            clusters=True,
            labels="title",
            legend=True,
        )
    )
    return written


if __name__ == "__main__":
    for path in main():
        print(path.relative_to(ROOT))
