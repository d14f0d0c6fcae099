"""The example notebook runs on a real Jupyter kernel: each drawing is HTML to explore with
the SVG inside and beside it, a big map shows as an overview, and without Graphviz it
degrades to DOT text."""

from __future__ import annotations

import html
import json
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbclient import NotebookClient

import argmap as am
from argmap.render.jupyter import NOTEBOOK_LIMIT, NOTEBOOK_MAX_BYTES

from conftest import ROOT

KERNEL = "argmap-tests"
SVG = "image/svg+xml"
HTML = "text/html"
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
    # ... and HTML to explore, holding the same drawing (a plain one where scripts don't run)
    maps = [o for o in shown if o["data"]["text/plain"].startswith(("ArgumentMap(", "MapView("))]
    assert len(maps) >= 8
    for o in maps:
        page = o["data"][HTML]
        assert page.startswith('<div class="am-nb">') and page.count("<svg") == 1
        assert '<svg style="max-width:100%;height:auto"' in page
        assert page.count("window.argmapExplore") >= 1 and "Panzoom 4.6.2" in page
    # the big map at the end is an overview: the note, +N markers and a bounded size
    big = shown[-1]["data"]
    note = big["text/plain"].splitlines()[-1]
    assert note.startswith("Overview: the 250 statements nearest the main conclusions, of 2,000")
    assert "m.render('map.svg')" in note
    assert f'<p class="am-note">{html.escape(note)}</p>' in big[HTML]
    assert ">+" in big[SVG] and sum(len(v) for v in big.values()) < 2 * NOTEBOOK_MAX_BYTES
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


def test_a_large_map_shows_as_an_overview_with_a_note_and_bounded_size(
    tmp_path: Path, kernel: str, dot_binary: str
) -> None:
    """A 3,000-statement map (a chain of reasons fanning out below one claim) displayed in
    a cell: the top levels that fit NOTEBOOK_LIMIT, +N markers, a one-line note, and well
    under a megabyte in the notebook, for ``m`` and ``am.draw(m, ...)`` alike."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell(
            "import argmap as am\n"
            "m = am.ArgumentMap(title='Big')\n"
            "m.claim('Top', id='s0')\n"
            "for i in range(1, 3000):\n"
            "    m.premise(f'Reason {i}', id=f's{i}', supports=f's{(i - 1) // 3}')"
        ),
        nbformat.v4.new_code_cell("m"),
        nbformat.v4.new_code_cell("am.draw(m, style='print')"),
    ]
    executed = run(nb, tmp_path, kernel)
    # Levels of a ternary tree: 1, 3, 9, 27, 81, 243: the top five (s0-s120) and the
    # first 129 of the sixth (s121-s249, children of s40-s82) make 250.
    note = (
        "Overview: the 250 statements nearest the main conclusions, of 3,000 (+N counts the "
        "rest). Draw it all to a file with m.render('map.svg'), or look closer with "
        "m.focus('<id>', depth=2)."
    )
    for cell in executed.cells[1:]:
        (out,) = cell.outputs
        data = out["data"]
        assert set(data) == {"text/plain", HTML, SVG}
        assert data["text/plain"] == (
            "ArgumentMap(title='Big', statements=3000, inferences=2999)\n" + note
        )
        assert f'<p class="am-note">{html.escape(note)}</p>' in data[HTML]
        root = ET.fromstring(data[SVG])
        ids = {g.get("id") for g in root.iter("{http://www.w3.org/2000/svg}g")}
        assert "am:s249" in ids and "am:s250" not in ids
        # s83-s120 (level 5) and s121-s249 (level 6) count their hidden statements in markers
        markers = [
            g.get("id")
            for g in root.iter("{http://www.w3.org/2000/svg}g")
            if g.get("class") == "node" and str(g.get("id")).endswith("#hidden")
        ]
        assert len(markers) == 38 + 129
        size = sum(len(v.encode()) for v in data.values())
        assert size < 1_000_000, size
    assert "color=black" not in executed.cells[1].outputs[0]["data"][SVG]


def test_notebook_limit_is_what_the_display_draws_whole(dot_binary: str) -> None:
    assert NOTEBOOK_LIMIT == 250
    m = am.ArgumentMap()
    m.claim("Top", id="s0")
    for i in range(1, NOTEBOOK_LIMIT):
        m.premise(f"Reason {i}", id=f"s{i}", supports=f"s{(i - 1) // 2}")
    bundle = m._repr_mimebundle_()
    assert bundle["text/plain"] == repr(m)  # no note: drawn whole
    assert bundle[SVG].count('class="node"') == NOTEBOOK_LIMIT
    m.premise("One more", id="extra", supports="s0")
    bundle = m._repr_mimebundle_()
    assert bundle["text/plain"].splitlines()[-1].startswith("Overview: the 250 statements nearest")
