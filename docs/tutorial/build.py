"""Draw the pictures of the tutorials from the tutorials' own code.

Run from the repository root: ``.venv/bin/python docs/tutorial/build.py``. For each page
of docs/tutorial/, the ```python blocks run in order in one namespace, in a scratch
folder holding the files the page starts from (:data:`SCRATCH_FILES`), as
tests/test_docs.py runs them. After each block followed by a picture
(``![...](img/NAME.png)`` before the next block), the picture is drawn from the state
the code has reached:

* a PNG the block itself wrote (``m.render("x.png", ...)``) is that picture;
* else the ``graphviz.Digraph`` the block made (e.g. an evaluated drawing);
* else the map ``m``, drawn with :data:`DRAWING`.

tests/test_docs.py also checks that what each block prints is the ```text block that
follows it on the page.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import graphviz

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
IMG = HERE / "img"
BLOCK = re.compile(r"^```python\n(.*?)^```$(?:\s*^```text\n(.*?)^```$)?", re.DOTALL | re.MULTILINE)
PICTURE = re.compile(r"\]\(img/([\w.-]+)\.png\)")
DRAWING: dict[str, Any] = {"direction": "LR", "legend": True}
"""How the map is drawn after a step that draws nothing itself."""
SCRATCH_FILES: dict[str, dict[str, Path]] = {
    "first-map.md": {"article.txt": ROOT / "examples" / "article.txt"},
    "aifdb.md": {"nodeset6064.json": ROOT / "tests" / "data" / "aif" / "6064-reconstructed.json"},
}
"""The files each tutorial page starts from, by page: name in the scratch folder -> file."""


@dataclass
class Step:
    """One ```python block of a page: its code, the output the page shows for it (the
    ```text block right after it, if any), and the picture that follows it (if any)."""

    code: str
    output: str | None
    picture: str | None


@dataclass
class Ran:
    """A step after running: what it printed and the drawing it leaves (or None)."""

    step: Step
    printed: str
    png: bytes | None


def prepare(page: Path, folder: Path) -> None:
    """Copy the files ``page`` starts from into ``folder``."""
    for name, source in SCRATCH_FILES.get(page.name, {}).items():
        shutil.copyfile(source, folder / name)


def steps(page: Path) -> list[Step]:
    """The page's code blocks in order."""
    text = page.read_text(encoding="utf-8")
    blocks = list(BLOCK.finditer(text))
    result = []
    for i, block in enumerate(blocks):
        end = blocks[i + 1].start() if i + 1 < len(blocks) else len(text)
        picture = PICTURE.search(text, block.end(), end)
        result.append(Step(block.group(1), block.group(2), picture.group(1) if picture else None))
    return result


def run(page: Path, *, draw: bool = True) -> Iterator[Ran]:
    """Run ``page``'s steps in a scratch folder, yielding each with what it printed and,
    when ``draw`` and a picture follows it, its drawing as PNG bytes."""
    page = page.resolve()
    namespace: dict[str, Any] = {"__name__": "__docs__"}
    old = Path.cwd()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        prepare(page, folder)
        os.chdir(folder)
        try:
            for step in steps(page):
                before = {p: p.stat().st_mtime_ns for p in folder.glob("*.png")}
                names = set(namespace)
                out = io.StringIO()
                with contextlib.redirect_stdout(out):
                    exec(compile(step.code, str(page), "exec"), namespace)
                png = None
                if draw and step.picture:
                    png = _picture(
                        folder,
                        before,
                        [namespace[k] for k in namespace if k not in names],
                        namespace,
                    )
                yield Ran(step, out.getvalue(), png)
        finally:
            os.chdir(old)


def _picture(
    folder: Path, before: dict[Path, int], new: list[Any], namespace: dict[str, Any]
) -> bytes:
    written = [p for p in sorted(folder.glob("*.png")) if before.get(p) != p.stat().st_mtime_ns]
    if written:
        return written[-1].read_bytes()
    made = [v for v in new if isinstance(v, graphviz.Digraph)]
    if made:
        return bytes(made[-1].pipe(format="png"))
    picture = folder / "_step.png"
    namespace["m"].render(picture, **DRAWING)
    return picture.read_bytes()


def main(outdir: Path = IMG) -> list[Path]:
    """Draw every tutorial's pictures into ``outdir``; returns the files written."""
    outdir.mkdir(parents=True, exist_ok=True)
    written = []
    for page in sorted(HERE.glob("*.md")):
        for ran in run(page):
            if ran.png is not None:
                target = outdir / f"{ran.step.picture}.png"
                target.write_bytes(ran.png)
                written.append(target)
    return written


if __name__ == "__main__":
    for path in main(Path(sys.argv[1]) if len(sys.argv) > 1 else IMG):
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
