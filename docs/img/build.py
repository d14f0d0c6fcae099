"""Re-draw the NATO example pictures used by README.md and the docs.

Run from the repository root: ``.venv/bin/python docs/img/build.py``. It writes
``nato_ammunition.dot``, ``.svg`` and ``.png`` here, drawn as the example draws it
(``DRAWING`` in examples/nato_ammunition.py), and ``nato_evaluated.dot`` and ``.png``, the
map evaluated as docs/evaluation.md draws it. tests/test_nato_example.py checks that the
checked-in DOT files are what the current code draws, so no picture goes stale silently.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXAMPLE = HERE.parent.parent / "examples" / "nato_ammunition.py"


def main() -> list[Path]:
    spec = importlib.util.spec_from_file_location("nato_ammunition", EXAMPLE)
    assert spec is not None and spec.loader is not None
    example = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(example)
    from argmap.render.graphviz import pipe
    from argmap.render.status import evaluated_dot

    m = example.build_map()
    written = [
        m.render(HERE / f"nato_ammunition.{fmt}", **example.DRAWING)
        for fmt in ("dot", "svg", "png")
    ]
    evaluated = evaluated_dot(m, dot_options=example.DRAWING)
    for fmt in ("dot", "png"):
        path = HERE / f"nato_evaluated.{fmt}"
        path.write_bytes(evaluated.source.encode() if fmt == "dot" else pipe(evaluated, fmt))
        written.append(path)
    return written


if __name__ == "__main__":
    for path in main():
        print(f"wrote {path}")
