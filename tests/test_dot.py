"""DOT export: exact text for small maps, escaping checked with the real ``dot``, examples."""

from __future__ import annotations

import importlib.util
import subprocess
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap as am
from argmap.formats.dot import dumps, to_dot
from argmap.render.style import theme

from conftest import DATA, ROOT

SVG = "{http://www.w3.org/2000/svg}"
HEAD = """digraph argmap {
\tgraph [fontname=Helvetica nodesep=0.3 rankdir=BT ranksep=0.5]
\tnode [fontname=Helvetica fontsize=11 shape=box style="rounded,filled"]
\tedge [arrowsize=0.8 fontname=Helvetica]
"""
CLAIM = '<FONT POINT-SIZE="9" COLOR="#1f4e79">CLAIM</FONT>'
PREMISE = '<FONT POINT-SIZE="9" COLOR="#2e7d32">PREMISE</FONT>'
COUNTER = '<FONT POINT-SIZE="9" COLOR="#b71c1c">COUNTERPOINT</FONT>'
CLAIM_ATTRS = 'color="#1f4e79" fillcolor="#dbe9f6"'
PREMISE_ATTRS = 'color="#2e7d32" fillcolor="#e3f1e4"'
COUNTER_ATTRS = 'color="#b71c1c" fillcolor="#fbe3e1"'
RANK_C = "\t{\n\t\trank=max\n\t\tc\n\t}\n}\n"


def run_dot(source: str, dot_binary: str, fmt: str = "svg") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [dot_binary, f"-T{fmt}"], input=source.encode(), capture_output=True, check=False
    )


def svg_texts(svg: bytes) -> dict[str, list[str]]:
    """The <text> contents of each node group of an SVG, by the group's id."""
    root = ET.fromstring(svg)
    found: dict[str, list[str]] = {}
    for g in root.iter(f"{SVG}g"):
        if g.get("class") == "node":
            found[g.get("id", "")] = [t.text or "" for t in g.iter(f"{SVG}text")]
    return found


def test_two_statement_map_exact_dot() -> None:
    m = am.ArgumentMap()
    c = m.claim("Tax sugar", id="c")
    m.premise("Sugar harms health", id="p", supports=c)
    assert m.to_dot().source == HEAD + (
        f"\tc [label=<{CLAIM}<BR/>Tax sugar> {CLAIM_ATTRS} id=c penwidth=2.2]\n"
        f"\tp [label=<{PREMISE}<BR/>Sugar harms health> {PREMISE_ATTRS} id=p]\n"
        '\tp -> c [color="#2e7d32"]\n' + RANK_C
    )


def test_linked_premises_meet_in_a_junction_exact_dot() -> None:
    m = am.ArgumentMap()
    c = m.claim("Socrates is mortal", id="c")
    p1 = m.premise("All humans are mortal", id="p1")
    p2 = m.premise("Socrates is human", id="p2")
    m.support([p1, p2], c, id="s")
    assert m.to_dot().source == HEAD + (
        f"\tc [label=<{CLAIM}<BR/>Socrates is mortal> {CLAIM_ATTRS} id=c penwidth=2.2]\n"
        f"\tp1 [label=<{PREMISE}<BR/>All humans are mortal> {PREMISE_ATTRS} id=p1]\n"
        f"\tp2 [label=<{PREMISE}<BR/>Socrates is human> {PREMISE_ATTRS} id=p2]\n"
        '\ts [label="" color="#2e7d32" id=s shape=point tooltip="support: s" width=0.11]\n'
        '\tp1 -> s [arrowhead=none color="#2e7d32"]\n'
        '\tp2 -> s [arrowhead=none color="#2e7d32"]\n'
        '\ts -> c [color="#2e7d32"]\n' + RANK_C
    )


def test_convergent_premises_are_separate_arrows_exact_dot() -> None:
    m = am.ArgumentMap()
    c = m.claim("Socrates is mortal", id="c")
    m.premise("All humans are mortal", id="p1", supports=c)
    m.premise("Socrates is human", id="p2", supports=c)
    assert m.to_dot().source == HEAD + (
        f"\tc [label=<{CLAIM}<BR/>Socrates is mortal> {CLAIM_ATTRS} id=c penwidth=2.2]\n"
        f"\tp1 [label=<{PREMISE}<BR/>All humans are mortal> {PREMISE_ATTRS} id=p1]\n"
        f"\tp2 [label=<{PREMISE}<BR/>Socrates is human> {PREMISE_ATTRS} id=p2]\n"
        '\tp1 -> c [color="#2e7d32"]\n'
        '\tp2 -> c [color="#2e7d32"]\n' + RANK_C
    )


def test_undercut_is_drawn_to_the_inference_junction_and_attack_is_dashed() -> None:
    m = am.ArgumentMap()
    c = m.claim("Tweety flies", id="c")
    p = m.premise("Tweety is a bird", id="p")
    s = m.support(p, c, id="s")
    m.counterpoint("Tweety is a penguin", id="k", undercuts=s)
    m.counterpoint("Tweety is in a cage", id="a", attacks=c)
    assert m.to_dot().source == HEAD + (
        f"\tc [label=<{CLAIM}<BR/>Tweety flies> {CLAIM_ATTRS} id=c penwidth=2.2]\n"
        f"\tp [label=<{PREMISE}<BR/>Tweety is a bird> {PREMISE_ATTRS} id=p]\n"
        f"\tk [label=<{COUNTER}<BR/>Tweety is a penguin> {COUNTER_ATTRS} id=k]\n"
        f"\ta [label=<{COUNTER}<BR/>Tweety is in a cage> {COUNTER_ATTRS} id=a]\n"
        '\ts [label="" color="#2e7d32" id=s shape=point tooltip="support: s" width=0.11]\n'
        '\tp -> s [arrowhead=none color="#2e7d32"]\n'
        '\ts -> c [color="#2e7d32"]\n'
        '\tk -> s [arrowhead=tee color="#6a1b9a" penwidth=1.6 style=dotted]\n'
        '\ta -> c [color="#b71c1c" style=dashed]\n' + RANK_C
    )


HOSTILE = [
    'He said "stop"',
    "<b>x</b>",
    '\\"]; evil [shape=box',
    "C:\\path\\to\\file \\n not a newline",
    "{braces} and [brackets] | pipes",
    "&amp; stays &amp;, & stays &",
    "<<B>not bold</B>>",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_renders_literally_in_svg(text: str, dot_binary: str) -> None:
    m = am.ArgumentMap(title=text)
    c = m.claim(text, id="c", title=text)
    m.premise("line one\nline two", id="p", supports=c, tags=[text])
    source = to_dot(m, style=theme(show_tags=True), wrap=200).source
    result = run_dot(source, dot_binary)
    assert result.returncode == 0, result.stderr.decode()
    assert result.stderr == b""
    texts = svg_texts(result.stdout)
    # the node's title (bold) and its text both come through unchanged
    assert texts["c"] == ["CLAIM", text, text]
    assert texts["p"] == ["PREMISE", "line one", "line two", f"#{text}"]
    root = ET.fromstring(result.stdout)
    graph_texts = [t.text for t in root.iter(f"{SVG}text")]
    assert text in graph_texts  # the title
    # nothing injected: only the two statements became nodes
    assert sorted(texts) == ["c", "p"]


def test_control_characters_and_tabs_become_spaces(dot_binary: str) -> None:
    m = am.ArgumentMap()
    m.claim("a\tb\x07c", id="c")
    result = run_dot(m.to_dot().source, dot_binary)
    assert result.returncode == 0
    assert svg_texts(result.stdout)["c"] == ["CLAIM", "a b c"]


def test_badges_and_node_attrs_are_applied_last() -> None:
    m = am.ArgumentMap()
    c = m.claim("Tax sugar", id="c")
    m.premise("Sugar harms health", id="p", supports=c)
    src = m.to_dot(node_attrs={"p": {"fillcolor": "#ffffff"}}, badges={"p": "<in>"}).source
    line = next(x for x in src.splitlines() if x.startswith("\tp ["))
    assert line == (
        '\tp [label=<<FONT POINT-SIZE="9" COLOR="#2e7d32">PREMISE · &lt;in&gt;</FONT>'
        '<BR/>Sugar harms health> color="#2e7d32" fillcolor="#ffffff" id=p]'
    )


def test_same_map_gives_byte_identical_dot() -> None:
    def build() -> am.ArgumentMap:
        m = am.ArgumentMap(title="T")
        c = m.claim("C", id="c", tags=["x"])
        p = m.premise("P", id="p", tags=["y"])
        q = m.premise("Q", id="q")
        s = m.support([p, q], c, id="s")
        m.counterpoint("K", id="k", undercuts=s)
        return m

    options = {"legend": True, "clusters": True, "style": "colorblind"}
    a, b = build(), build()
    assert dumps(a, **options) == dumps(b, **options)
    assert dumps(a, **options) == dumps(a, **options)
    assert a.focus("c").to_dot().source == b.focus("c").to_dot().source


def test_bad_options_raise_clear_errors() -> None:
    m = am.ArgumentMap()
    m.claim("C", id="c")
    with pytest.raises(ValueError, match="wrap must be at least 8 characters, got 3"):
        m.to_dot(wrap=3)
    with pytest.raises(ValueError, match="direction must be one of BT, TB, LR, RL, got 'up'"):
        m.to_dot(direction="up")
    with pytest.raises(ValueError, match="unknown theme 'neon'"):
        m.to_dot(style="neon")


def _examples() -> list[Path]:
    return sorted(p for p in (ROOT / "examples").glob("*.py") if "def build_map" in p.read_text())


def _load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"example_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_there_is_at_least_the_nato_example() -> None:
    assert "nato_ammunition" in [p.stem for p in _examples()]


@pytest.mark.parametrize("path", _examples(), ids=lambda p: p.stem)
@pytest.mark.parametrize("style", ["default", "colorblind", "print"])
def test_every_example_is_accepted_by_dot(path: Path, style: str, dot_binary: str) -> None:
    m = _load(path).build_map()
    source = m.to_dot(style=style, legend=True, clusters=True).source
    result = run_dot(source, dot_binary)
    assert result.returncode == 0, result.stderr.decode()
    assert result.stderr == b"", result.stderr.decode()
    drawn = svg_texts(result.stdout)
    for s in m.statements:
        assert s.id in drawn, f"statement {s.id!r} missing from the SVG"


AIF_MAPS = sorted((DATA / "aif").glob("6064-*.json"))


@pytest.mark.parametrize("path", AIF_MAPS, ids=lambda p: p.stem)
def test_real_corpus_maps_render_with_every_word(path: Path, dot_binary: str) -> None:
    """AIFdb argument maps (real text, see tests/data/aif/NOTICE.md) drawn by ``dot``:
    each statement shows exactly its own words."""
    from argmap.formats import aif

    m = aif.load(path)
    result = run_dot(m.to_dot(wrap=1000).source, dot_binary)
    assert result.returncode == 0, result.stderr.decode()
    drawn = svg_texts(result.stdout)
    for s in m.statements:
        title = [s.title] if s.title else []
        assert drawn[s.id] == [s.kind.upper(), *title, *s.text.split("\n")], s.id


def test_ids_that_are_dot_keywords_still_draw(dot_binary: str) -> None:
    m = am.ArgumentMap()
    c = m.claim("C", id="node")
    p = m.premise("P", id="Graph")
    s = m.support([p, m.premise("Q", id="subgraph")], c, id="edge")
    m.counterpoint("K", id="strict", undercuts=s)
    m.counterpoint("L", id="digraph", attacks=c)
    for options in ({}, {"legend": True, "clusters": True}, {"style": "print"}):
        result = run_dot(m.focus("strict", depth=0).to_dot(**options).source, dot_binary)
        assert result.returncode == 0, result.stderr.decode()
        result = run_dot(m.to_dot(**options).source, dot_binary)
        assert result.returncode == 0, result.stderr.decode()
        assert set(svg_texts(result.stdout)) >= {"node", "Graph", "subgraph", "strict", "digraph"}


@settings(max_examples=400, deadline=None)
@given(
    text=st.text(alphabet=" ab-\u00a0c\u2003d.", max_size=60),
    width=st.integers(min_value=8, max_value=40),
)
def test_label_wrapping_is_textwraps(text: str, width: int) -> None:
    """The short-paragraph fast path gives exactly what textwrap gives."""
    from argmap.formats.dot import _wrap

    assert _wrap(text, width) == (textwrap.wrap(text, width) or [""])


def test_fast_node_and_edge_lines_match_the_graphviz_package() -> None:
    import graphviz

    from argmap.formats.dot import _edge, _node

    ours, theirs = graphviz.Digraph(), graphviz.Digraph()
    attrs = {"id": "node", "fillcolor": "#fff", "style": "rounded,filled", "width": "0.1"}
    _node(ours, "node", "<<B>x</B>>", attrs)
    theirs.node("node", "<<B>x</B>>", **attrs)
    _node(ours, "a-b.c", "plain label", {})
    theirs.node("a-b.c", "plain label")
    _edge(ours, "1x", "graph", {"style": "dashed", "arrowhead": "tee"})
    theirs.edge("1x", "graph", style="dashed", arrowhead="tee")
    _edge(ours, "a", "b", {})
    theirs.edge("a", "b")
    assert ours.source == theirs.source
