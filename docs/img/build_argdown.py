"""Draw the picture of docs/formats/argdown.md ("Writing Argdown"): a small map written
in Argdown, read by argmap, and drawn.

Run from the repository root: ``.venv/bin/python docs/img/build_argdown.py``. It reads
``argdown_tweety.argdown`` here and writes ``argdown_tweety.dot`` and ``.svg``;
tests/test_argdown_writer.py checks that the checked-in DOT is what the current code
draws from that text, and that the text is what ``dumps`` writes for its map.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "argdown_tweety.argdown"
DRAWING = {"direction": "BT"}


def main() -> list[Path]:
    from argmap.formats import argdown

    m = argdown.load(SOURCE)
    return [m.render(HERE / f"argdown_tweety.{fmt}", **DRAWING) for fmt in ("dot", "svg")]


if __name__ == "__main__":
    for path in main():
        print(f"wrote {path}")
