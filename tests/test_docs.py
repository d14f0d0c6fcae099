"""Every Python code block in README.md and docs/ runs (and prints what the tutorials,
how-tos and FAQ show); tests/test_docs_site.py checks the built site."""

from __future__ import annotations

import functools
import importlib.util
import os
import re
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT

FENCE = re.compile(r"^```python\n(.*?)^```$", re.DOTALL | re.MULTILINE)
FENCE_LINE = re.compile(r"^```.*$", re.MULTILINE)
PAGES = sorted([ROOT / "README.md", *(ROOT / "docs").rglob("*.md")])
DOCS = ROOT / "docs"
OUTPUT_PAGES = sorted(
    [*(DOCS / "tutorial").glob("*.md"), *(DOCS / "howto").glob("*.md"), DOCS / "faq.md"]
)
"""Pages whose ```text block right after a ```python block is exactly what it prints."""
TUTORIAL_BUILD = DOCS / "tutorial" / "build.py"


@functools.cache
def _tutorial_build() -> Any:
    """docs/tutorial/build.py, which runs a tutorial's code as the pictures are drawn."""
    spec = importlib.util.spec_from_file_location("docs_tutorial_build", TUTORIAL_BUILD)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _blocks(page: Path) -> str:
    return "\n".join(FENCE.findall(page.read_text(encoding="utf-8")))


RUN_PAGES = [p for p in PAGES if p not in OUTPUT_PAGES]
"""Pages whose code only has to run (test_page_prints_what_it_shows runs the others)."""


@pytest.mark.parametrize("page", RUN_PAGES, ids=[str(p.relative_to(ROOT)) for p in RUN_PAGES])
def test_code_blocks_on_page_run(page: Path, tmp_path: Path) -> None:
    """All ```python blocks of a page run in order, in one namespace, in a scratch folder."""
    code = _blocks(page)
    if not code.strip():
        pytest.skip("no python code blocks on this page")
    old = Path.cwd()
    os.chdir(tmp_path)
    try:
        exec(compile(code, str(page), "exec"), {"__name__": "__docs__"})
    finally:
        os.chdir(old)


@pytest.mark.parametrize("page", OUTPUT_PAGES, ids=[str(p.relative_to(DOCS)) for p in OUTPUT_PAGES])
def test_page_prints_what_it_shows(page: Path) -> None:
    """All ```python blocks of the page run in order, in one namespace, in a scratch folder
    holding the files a tutorial starts from, and each block followed by a ```text block
    prints exactly that text: the outputs and error messages these pages show are real."""
    for ran in _tutorial_build().run(page, draw=False):
        if ran.step.output is not None:
            assert ran.printed == ran.step.output, ran.step.code


@pytest.mark.parametrize("page", PAGES, ids=[str(p.relative_to(ROOT)) for p in PAGES])
def test_code_fences_are_well_formed(page: Path) -> None:
    """Fences open with a language (or none) and close on a line of their own: text after
    a closing fence keeps the block open in Markdown, and the rest renders as code."""
    fences = FENCE_LINE.findall(page.read_text(encoding="utf-8"))
    bad = [f for f in fences if not re.fullmatch(r"```[a-z]*", f)]
    assert not bad, f"{page.name}: malformed fence lines {bad}"
    assert len(fences) % 2 == 0, f"{page.name}: a code block is never closed"
    assert all(f == "```" for f in fences[1::2]), f"{page.name}: fences out of step {fences}"
