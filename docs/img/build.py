"""Re-draw the NATO example picture used by README.md and docs/index.md.

Run from the repository root: ``.venv/bin/python docs/img/build.py``. It writes
``nato_ammunition.dot``, ``.svg`` and ``.png`` here, drawn as the example draws it
(``DRAWING`` in examples/nato_ammunition.py); tests/test_nato_example.py checks that the
checked-in DOT is what the current code draws, so the picture cannot go stale silently.
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
    m = example.build_map()
    return [
        m.render(HERE / f"nato_ammunition.{fmt}", **example.DRAWING)
        for fmt in ("dot", "svg", "png")
    ]


if __name__ == "__main__":
    for path in main():
        print(f"wrote {path}")
