"""The NATO example maps the article faithfully and writes JSON, DOT and SVG."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import jsonschema
import pytest

import argmap as am

from conftest import ROOT

EXAMPLES = ROOT / "examples"


def load_example() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "nato_ammunition", EXAMPLES / "nato_ammunition.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def nato() -> am.ArgumentMap:
    m: am.ArgumentMap = load_example().build_map()
    return m


def test_article_copy_is_the_seed_article() -> None:
    text = (EXAMPLES / "article.txt").read_text(encoding="utf-8")
    assert text.startswith("According to NATO Secretary General Mark Rutte")
    assert "production must outpace consumption" in text
    assert (EXAMPLES / "ARTICLE.md").exists()


def test_every_statement_quotes_the_article_exactly_once(nato: am.ArgumentMap) -> None:
    article = (EXAMPLES / "article.txt").read_text(encoding="utf-8")
    for s in nato:
        assert article.count(s.text) == 1, s.id


def test_structure_matches_the_article(nato: am.ArgumentMap) -> None:
    assert [s.id for s in nato.main_conclusions()] == ["tide"]
    kinds = [s.kind for s in nato]
    assert (kinds.count("claim"), kinds.count("premise"), kinds.count("counterpoint")) == (3, 12, 6)
    # The caveats the core issue lists are all there.
    for id in ["battlefield", "stockpiles", "sustain", "outpace", "crippling", "uncertain"]:
        assert nato.statement(id).kind == "counterpoint"
    linked = nato.inference("edge-and-fundamental-support-tide")
    assert linked.linked and linked.premises == ("edge", "fundamental")
    assert [i.premises for i in nato.objections(linked)] == [("outpace",)]
    attack = nato.inference("crippling-attacks-tide")
    assert attack.relation == "attack" and attack.premises == ("crippling", "complete-victory")
    assert [i.premises for i in nato.reasons("edge")] == [("rutte",), ("capacity",), ("step-up",)]
    assert nato.validate() == []


def test_running_the_example_writes_json_dot_svg(tmp_path: Path, dot_binary: str) -> None:
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / "nato_ammunition.py"), str(tmp_path)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    written = {line.split(": ", 1)[1] for line in result.stdout.splitlines()}
    assert result.stdout.splitlines()[2] == f"wrote svg: {tmp_path / 'nato_ammunition.svg'}"
    exts = ("json", "dot", "svg", "html")
    assert written == {str(tmp_path / f"nato_ammunition.{ext}") for ext in exts}
    data = json.loads((tmp_path / "nato_ammunition.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, am.json_schema())
    assert am.load(tmp_path / "nato_ammunition.json") == load_example().build_map()
    svg = ET.parse(tmp_path / "nato_ammunition.svg").getroot()
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    titles = {t.text for t in svg.iter("{http://www.w3.org/2000/svg}title")}
    assert {"tide", "edge", "outpace"} <= titles
    check = subprocess.run(
        [dot_binary, "-Tcanon", str(tmp_path / "nato_ammunition.dot")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert check.returncode == 0 and check.stderr == ""


def test_docs_picture_is_what_the_code_draws() -> None:
    """docs/img/nato_ammunition.* are re-drawn by docs/img/build.py."""
    example = load_example()
    drawn = example.build_map().to_dot(**example.DRAWING).source
    assert (ROOT / "docs" / "img" / "nato_ammunition.dot").read_text(encoding="utf-8") == drawn
    from argmap.render.status import evaluated_dot

    evaluated = evaluated_dot(example.build_map(), dot_options=example.DRAWING).source
    assert (ROOT / "docs" / "img" / "nato_evaluated.dot").read_text(encoding="utf-8") == evaluated
