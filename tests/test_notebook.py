"""The example notebook runs on a real Jupyter kernel; without Graphviz it degrades to DOT text."""

from __future__ import annotations

import json
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbclient import NotebookClient

from conftest import ROOT

KERNEL = "argmap-tests"
SVG = "image/svg+xml"
DOT = "text/vnd.graphviz"


@pytest.fixture
def kernel(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A kernel spec running this very Python (the venv with argmap and ipykernel), found
    first on JUPYTER_PATH so no other installed 'python3' kernel is picked up."""
    spec_dir = tmp_path / "jupyter" / "kernels" / KERNEL
    spec_dir.mkdir(parents=True)
    spec = {
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "argmap tests",
        "language": "python",
    }
    (spec_dir / "kernel.json").write_text(json.dumps(spec))
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    return KERNEL


def run(nb: nbformat.NotebookNode, cwd: Path, kernel: str) -> nbformat.NotebookNode:
    client = NotebookClient(
        nb,
        kernel_name=kernel,
        timeout=120,
        resources={"metadata": {"path": str(cwd)}},
    )
    executed: nbformat.NotebookNode = client.execute()
    return executed


def outputs(nb: nbformat.NotebookNode) -> list[dict[str, Any]]:
    return [out for cell in nb.cells if cell.cell_type == "code" for out in cell.outputs]


def test_example_notebook_runs_and_shows_svg(tmp_path: Path, kernel: str, dot_binary: str) -> None:
    """Run from a copy of examples/ (as a user would, from that folder)."""
    work = tmp_path / "examples"
    shutil.copytree(ROOT / "examples", work, ignore=shutil.ignore_patterns("output", "__py*"))
    nb = nbformat.read(work / "nato_notebook.ipynb", as_version=4)
    executed = run(nb, work, kernel)

    outs = outputs(executed)
    assert not [o for o in outs if o["output_type"] == "error"]
    assert not [o for o in outs if o.get("name") == "stderr"], "no warnings with Graphviz"
    shown = [o for o in outs if o["output_type"] == "execute_result"]
    assert len(shown) >= 8  # every drawing cell's result ...
    assert all(SVG in o["data"] for o in shown)  # ... is an inline SVG
    svgs = [o["data"][SVG] for o in shown]
    for svg in svgs:
        assert ET.fromstring(svg).tag == "{http://www.w3.org/2000/svg}svg"
    # the themed drawing, the legend and the focused view's +N markers are in the outputs
    assert any("Legend" in s for s in svgs)
    assert any("#d55e00" in s for s in svgs)  # colour-blind theme (Okabe-Ito vermillion)
    assert any(">+" in s and "showing" in s for s in svgs)
    written = sorted(p.name for p in (work / "output").iterdir())
    assert written == [
        "nato-outpace.svg",
        "nato.dot",
        "nato.json",
        "nato.mmd",
        "nato.pdf",
        "nato.png",
        "nato.svg",
    ]
    assert (work / "output" / "nato.mmd").read_text().startswith("---\ntitle:")


def test_notebook_without_graphviz_shows_dot_text_and_one_warning(
    tmp_path: Path, kernel: str
) -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell(
            "import os\n"
            "os.environ['PATH'] = ''  # no Graphviz binary can be found now\n"
            "import argmap as am\n"
            "m = am.ArgumentMap()\n"
            "c = m.claim('Tax sugar', id='c')\n"
            "p = m.premise('Sugar harms health', id='p', supports=c)"
        ),
        nbformat.v4.new_code_cell("m"),
        nbformat.v4.new_code_cell("am.draw(m, style='print')"),
        nbformat.v4.new_code_cell("print('still running')"),
    ]
    executed = run(nb, tmp_path, kernel)
    for index, style in ((1, "default"), (2, "print")):
        outs = executed.cells[index].outputs
        shown = [o for o in outs if o["output_type"] == "execute_result"]
        assert len(shown) == 1
        assert SVG not in shown[0]["data"]
        assert shown[0]["data"][DOT].startswith("digraph argmap {")
        assert ("fillcolor=white" in shown[0]["data"][DOT]) == (style == "print")
        warned = [o for o in outs if o.get("name") == "stderr"]
        assert len(warned) == 1
        text = warned[0]["text"]
        assert text.startswith("argmap:0: GraphvizMissingWarning: showing DOT text instead")
        assert text.count("\n") == 1  # one line, no traceback
        assert "install Graphviz" in text
        assert not [o for o in outs if o["output_type"] == "error"]
    assert executed.cells[3].outputs[0]["text"] == "still running\n"
