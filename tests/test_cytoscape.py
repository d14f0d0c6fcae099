"""Cytoscape.js JSON: exact output, and the real Cytoscape.js (on Node) loading it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import argmap as am
from argmap.formats import cytoscape

from conftest import NODE_PACKAGES, pinned_node_package, run_node_script


def tweety() -> am.ArgumentMap:
    m = am.ArgumentMap("Tweety", description="Birds", metadata={"page": 3})
    c = m.claim("Tweety flies", id="c", title="Flight")
    p = m.premise("Tweety is a bird", id="p", tags=["bio", "x"])
    s = m.support(p, c, id="s")
    m.counterpoint("Tweety is a penguin", id="k", undercuts=s, note="n")
    m.counterpoint("Tweety is in a cage", id="a", attacks=c)
    return m


def test_small_map_exact_output() -> None:
    m = am.ArgumentMap("Rain")
    c = m.claim("Take an umbrella", id="c")
    m.premise("It rains", id="p", supports=c)
    assert json.loads(cytoscape.dumps(m, style=False)) == {
        "data": {"name": "Rain", "title": "Rain"},
        "elements": {
            "nodes": [
                {"data": {"id": "c", "label": "Take an umbrella", "name": "Take an umbrella",
                          "kind": "claim"}, "classes": "claim main"},
                {"data": {"id": "p", "label": "It rains", "name": "It rains", "kind": "premise"},
                 "classes": "premise"},
                {"data": {"id": "p-supports-c", "label": "support", "name": "support",
                          "kind": "inference", "relation": "support"},
                 "classes": "inference support"},
            ],
            "edges": [
                {"data": {"id": "p->p-supports-c", "source": "p", "target": "p-supports-c",
                          "relation": "support", "role": "premise", "interaction": "support"},
                 "classes": "support premise"},
                {"data": {"id": "p-supports-c->c", "source": "p-supports-c", "target": "c",
                          "relation": "support", "role": "target", "interaction": "support"},
                 "classes": "support target"},
            ],
        },
    }  # fmt: skip
    text = cytoscape.dumps(m, indent=None, style=False)
    assert text == cytoscape.dumps(m, indent=None, style=False)
    assert text.startswith('{"data":{"name":"Rain","title":"Rain"},"elements":{"nodes":[{"data":')


def test_fields_tags_notes_and_undercut_edges() -> None:
    doc = cytoscape.document(tweety())
    nodes = {n["data"]["id"]: n for n in doc["elements"]["nodes"]}
    assert nodes["c"]["data"]["title"] == "Flight"
    assert nodes["p"]["data"]["tags"] == ["bio", "x"]
    assert nodes["k"]["data"]["note"] == "n"
    assert nodes["k-undercuts-s"]["classes"] == "inference undercut"
    edges = [
        (e["data"]["source"], e["data"]["target"], e["classes"]) for e in doc["elements"]["edges"]
    ]
    assert ("k-undercuts-s", "s", "undercut target") in edges
    assert doc["data"] == {
        "name": "Tweety", "title": "Tweety", "description": "Birds", "metadata": '{"page":3}'
    }  # fmt: skip
    assert doc["style"] == cytoscape.STYLE
    assert "metadata" not in nodes["c"]["data"]  # only where there is some


def test_format_spec() -> None:
    spec = cytoscape.FORMAT
    assert (spec.name, spec.suffixes, spec.json, spec.reads, spec.writes) == (
        "cytoscape", (".cytoscape.json", ".cyjs"), True, False, True)  # fmt: skip
    assert spec.dumps is not None and spec.dumps(tweety()) == cytoscape.dumps(tweety())


def test_dump_writes_the_file(tmp_path: Path) -> None:
    path = cytoscape.dump(tweety(), tmp_path / "out" / "t.cyjs", style=False)
    assert path.read_text(encoding="utf-8") == cytoscape.dumps(tweety(), style=False)


# --- the real Cytoscape.js (3.35 on Node, pinned in tests/node) ---------------------------
@pytest.fixture(scope="module")
def cytoscape_js() -> Path:
    """The folder with the pinned cytoscape in ``node_modules``."""
    pinned_node_package("node_modules/cytoscape", "the real Cytoscape.js")
    return NODE_PACKAGES


def load_in_cytoscape(packages: Path, folder: Path, texts: dict[str, str]) -> dict[str, Any]:
    """What Cytoscape.js builds from each text (by file name, written to ``folder``)."""
    return run_node_script("cytoscape_load.mjs", packages, folder, texts)


def test_real_cytoscape_js_loads_our_output_with_kinds_drawn_distinctly(
    cytoscape_js: Path, tmp_path: Path
) -> None:
    m = tweety()
    hostile = am.ArgumentMap('A "map" </script> & \u2028')
    hostile.claim('Quotes " and \\ backslashes, <b>tags</b>, emoji 😀, \x01', id="x.1")
    loaded = load_in_cytoscape(
        cytoscape_js, tmp_path,
        {"tweety.cyjs": cytoscape.dumps(m), "hostile.cyjs": cytoscape.dumps(hostile, indent=None)},
    )  # fmt: skip
    got = loaded["tweety.cyjs"]
    assert got["version"] == "3.35.0"
    assert got["warnings"] == []
    statements, inferences = list(m.statements), list(m.inferences)
    assert got["nodes"] == len(statements) + len(inferences) == m.graph.number_of_nodes()
    assert got["edges"] == m.graph.number_of_edges()
    assert [n["data"]["id"] for n in got["nodeData"]] == [x.id for x in statements + inferences]
    assert [n["data"]["label"] for n in got["nodeData"]] == [s.text for s in statements] + [
        i.relation for i in inferences
    ]
    assert [n["data"]["kind"] for n in got["nodeData"]] == [s.kind for s in statements] + [
        "inference"
    ] * len(inferences)
    assert {(e["source"], e["target"]) for e in got["edgeData"]} == set(m.graph.edges)
    for e in got["edgeData"]:
        assert e["data"]["relation"] == m.graph.edges[e["source"], e["target"]]["relation"]
        assert e["data"]["role"] == m.graph.edges[e["source"], e["target"]]["role"]
    assert got["graph"] == {
        "name": "Tweety", "title": "Tweety", "description": "Birds", "metadata": '{"page":3}'
    }  # fmt: skip
    assert got["roots"] == ["c"]
    # the stylesheet took: each kind its own shape and colour, each relation its line
    drawn = {n["data"]["id"]: (n["shape"], n["background"], n["label"]) for n in got["nodeData"]}
    assert drawn == {
        "c": ("rectangle", "rgb(219,233,246)", "Tweety flies"),
        "p": ("round-rectangle", "rgb(227,241,228)", "Tweety is a bird"),
        "k": ("hexagon", "rgb(251,227,225)", "Tweety is a penguin"),
        "a": ("hexagon", "rgb(251,227,225)", "Tweety is in a cage"),
        "s": ("ellipse", "rgb(46,125,50)", ""),
        "k-undercuts-s": ("ellipse", "rgb(106,27,154)", ""),
        "a-attacks-c": ("ellipse", "rgb(183,28,28)", ""),
    }
    assert {n["data"]["id"]: n["borderWidth"] for n in got["nodeData"]}["c"] == "3px"
    lines = {e["data"]["id"]: (e["line"], e["arrow"]) for e in got["edgeData"]}
    assert lines == {
        "p->s": ("solid", "none"),
        "s->c": ("solid", "triangle"),
        "k->k-undercuts-s": ("dotted", "none"),
        "k-undercuts-s->s": ("dotted", "tee"),
        "a->a-attacks-c": ("dashed", "none"),
        "a-attacks-c->c": ("dashed", "triangle"),
    }
    odd = loaded["hostile.cyjs"]
    assert odd["warnings"] == []
    assert odd["nodeData"][0]["data"]["label"] == hostile.statement("x.1").text
    assert odd["graph"]["title"] == hostile.title


def test_the_loader_reports_cytoscape_warnings(cytoscape_js: Path, tmp_path: Path) -> None:
    """The check above is not vacuous: a bad style property is reported."""
    doc = cytoscape.document(tweety())
    doc["style"].append({"selector": "node", "style": {"no-such-property": 1}})
    loaded = load_in_cytoscape(cytoscape_js, tmp_path, {"bad.cyjs": json.dumps(doc)})
    assert any("no-such-property" in w for w in loaded["bad.cyjs"]["warnings"])
