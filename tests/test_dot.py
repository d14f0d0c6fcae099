"""DOT export: exact text for small maps, escaping checked with the real ``dot``, examples."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import textwrap
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap as am
from argmap.render import mermaid
from argmap.render.dot import dumps, svg_id, to_dot
from argmap.render.options import DrawOptions
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
# A kind's look is declared once, as node defaults, before a run of statements of that kind.
CLAIMS = '\tnode [color="#1f4e79" fillcolor="#dbe9f6"]\n'
PREMISES = '\tnode [color="#2e7d32" fillcolor="#e3f1e4"]\n'
COUNTERS = '\tnode [color="#b71c1c" fillcolor="#fbe3e1"]\n'
SUPPORTS = '\tedge [color="#2e7d32"]\n'
RANK_C = "\t{\n\t\trank=max\n\t\tc\n\t}\n}\n"


def run_dot(source: str, dot_binary: str, fmt: str = "svg") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [dot_binary, f"-T{fmt}"], input=source.encode(), capture_output=True, check=False
    )


def svg_texts(svg: bytes) -> dict[str, list[str]]:
    """The <text> contents of each node group of an SVG, by the group's id less its
    ``am:`` (a statement's node by the statement id)."""
    root = ET.fromstring(svg)
    found: dict[str, list[str]] = {}
    for g in root.iter(f"{SVG}g"):
        if g.get("class") == "node":
            key = g.get("id", "").removeprefix("am:")
            found[key] = [t.text or "" for t in g.iter(f"{SVG}text")]
    return found


def test_two_statement_map_exact_dot() -> None:
    m = am.ArgumentMap()
    c = m.claim("Tax sugar", id="c")
    m.premise("Sugar harms health", id="p", supports=c)
    assert m.to_dot().source == HEAD + (
        CLAIMS + f'\tc [label=<{CLAIM}<BR/>Tax sugar> id="am:c" penwidth=2.2]\n'
        f"{PREMISES}"
        f'\tp [label=<{PREMISE}<BR/>Sugar harms health> id="am:p"]\n'
        f'{SUPPORTS}\tp -> c [id="am:p-supports-c:c"]\n' + RANK_C
    )


def test_linked_premises_meet_in_a_junction_exact_dot() -> None:
    m = am.ArgumentMap()
    c = m.claim("Socrates is mortal", id="c")
    p1 = m.premise("All humans are mortal", id="p1")
    p2 = m.premise("Socrates is human", id="p2")
    m.support([p1, p2], c, id="s")
    assert m.to_dot().source == HEAD + (
        CLAIMS + f'\tc [label=<{CLAIM}<BR/>Socrates is mortal> id="am:c" penwidth=2.2]\n'
        f"{PREMISES}"
        f'\tp1 [label=<{PREMISE}<BR/>All humans are mortal> id="am:p1"]\n'
        f'\tp2 [label=<{PREMISE}<BR/>Socrates is human> id="am:p2"]\n'
        '\ts [label="" fillcolor="#2e7d32" id="am:s" shape=point tooltip="support: s" width=0.11]\n'
        f"{SUPPORTS}"
        '\tp1 -> s [arrowhead=none id="am:p1:s"]\n'
        '\tp2 -> s [arrowhead=none id="am:p2:s"]\n'
        '\ts -> c [id="am:s:c"]\n' + RANK_C
    )


def test_convergent_premises_are_separate_arrows_exact_dot() -> None:
    m = am.ArgumentMap()
    c = m.claim("Socrates is mortal", id="c")
    m.premise("All humans are mortal", id="p1", supports=c)
    m.premise("Socrates is human", id="p2", supports=c)
    assert m.to_dot().source == HEAD + (
        CLAIMS + f'\tc [label=<{CLAIM}<BR/>Socrates is mortal> id="am:c" penwidth=2.2]\n'
        f"{PREMISES}"
        f'\tp1 [label=<{PREMISE}<BR/>All humans are mortal> id="am:p1"]\n'
        f'\tp2 [label=<{PREMISE}<BR/>Socrates is human> id="am:p2"]\n'
        f"{SUPPORTS}"
        '\tp1 -> c [id="am:p1-supports-c:c"]\n'
        '\tp2 -> c [id="am:p2-supports-c:c"]\n' + RANK_C
    )


def test_undercut_is_drawn_to_the_inference_junction_and_attack_is_dashed() -> None:
    m = am.ArgumentMap()
    c = m.claim("Tweety flies", id="c")
    p = m.premise("Tweety is a bird", id="p")
    s = m.support(p, c, id="s")
    m.counterpoint("Tweety is a penguin", id="k", undercuts=s)
    m.counterpoint("Tweety is in a cage", id="a", attacks=c)
    assert m.to_dot().source == HEAD + (
        CLAIMS + f'\tc [label=<{CLAIM}<BR/>Tweety flies> id="am:c" penwidth=2.2]\n'
        f'{PREMISES}\tp [label=<{PREMISE}<BR/>Tweety is a bird> id="am:p"]\n'
        f'{COUNTERS}\tk [label=<{COUNTER}<BR/>Tweety is a penguin> id="am:k"]\n'
        f'\ta [label=<{COUNTER}<BR/>Tweety is in a cage> id="am:a"]\n'
        '\ts [label="" color="#2e7d32" fillcolor=white fixedsize=true id="am:s" penwidth=1.2 '
        'shape=circle style=filled tooltip="support: s" width=0.13]\n'
        f"{SUPPORTS}"
        '\tp -> s [arrowhead=none id="am:p:s"]\n'
        '\ts -> c [id="am:s:c"]\n'
        '\tedge [arrowhead=tee color="#6a1b9a" penwidth=1.6 style=dotted]\n'
        '\tk -> s [id="am:k-undercuts-s:s"]\n'
        '\tedge [arrowhead=normal color="#b71c1c" penwidth=1 style=dashed]\n'
        '\ta -> c [id="am:a-attacks-c:c"]\n' + RANK_C
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


def resolved(source: str, dot_binary: str) -> dict[str, dict[str, str]]:
    """Each node's attributes as Graphviz reads them (defaults applied), by name."""
    out = run_dot(source, dot_binary, "json0")
    assert out.returncode == 0, out.stderr.decode()
    return {o["name"]: o for o in json.loads(out.stdout)["objects"] if "nodes" not in o}


def test_badges_and_node_attrs_are_applied_last(dot_binary: str) -> None:
    m = am.ArgumentMap()
    c = m.claim("Tax sugar", id="c")
    m.premise("Sugar harms health", id="p", supports=c)
    src = m.to_dot(node_attrs={"p": {"fillcolor": "#ffffff"}}, badges={"p": "<in>"}).source
    line = next(x for x in src.splitlines() if x.startswith("\tp ["))
    assert line == (
        '\tp [label=<<FONT POINT-SIZE="9" COLOR="#2e7d32">PREMISE · &lt;in&gt;</FONT>'
        '<BR/>Sugar harms health> fillcolor="#ffffff" id="am:p"]'
    )
    p = resolved(src, dot_binary)["p"]
    assert (p["color"], p["fillcolor"]) == ("#2e7d32", "#ffffff")


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


_TEXTS = [
    "Plain words that wrap over more than one line of the label",
    "short",
    "Supercalifragilisticexpialidocious words longer than a line",
    'Quotes "x", <tags>, a & b, back\\slash and ] bracket',
    "Hyphen-ated and  double  spaces\tand a tab",
    "Line one\nline two\r\nline three",
    "Accents: déjà vu, naïve café, \u00a0no-break space",
    "Control\x01characters\x7f and \ufffe",
    "x" * 2100,
]


@pytest.mark.parametrize(
    "options",
    [{}, {"style": "print", "wrap": 8}, {"labels": "text"}, {"labels": "id"}, {"legend": True}],
)
def test_every_statement_is_drawn_as_the_general_path_draws_it(options: DrawOptions) -> None:
    """Statements with nothing of their own are written by a fast loop; an empty
    node_attrs for every statement sends them all down the general path, which must
    give the same text."""
    m = am.ArgumentMap(title="Both ways")
    c = m.claim("The main claim", id="c")
    for n, text in enumerate(_TEXTS):
        kind = m.premise if n % 2 else m.counterpoint
        s = kind(text, id=f"s{n}", supports=c) if n % 2 else kind(text, id=f"s{n}", attacks=c)
        m.claim(f"A titled claim {n}", id=f"t{n}", title=f"Title {n}", supports=s)
    m.premise("Tagged", id="tagged", tags=["econ"], supports=c)
    m.premise("Styled", id="styled", style={"fill": "#ffeecc"}, supports=c)
    m.premise("node", id="node", supports=c)  # a DOT keyword as an id
    everyone = {s.id: {} for s in m.statements}
    fast = to_dot(m, **options).source
    assert fast == to_dot(m, node_attrs=everyone, **options).source
    assert fast.count('id="am:') == len(m.statements) + len(m.inferences)  # one line each


_LABEL_PIECES = [*"ab cd-é.", "\n", "\t", "  ", "supercalifragilistic", "&", "<b>", '"', "\\", "]"]


@settings(max_examples=300, deadline=None)
@given(
    text=st.lists(st.sampled_from(_LABEL_PIECES), max_size=30).map("".join),
    width=st.integers(min_value=8, max_value=40),
)
def test_label_lines_are_the_escaped_wrapped_lines(text: str, width: int) -> None:
    """A label's lines: the text wrapped (as textwrap would), escaped, joined by <BR/>;
    a plain text takes a shortcut that must give the same."""
    from argmap.render.dot import _escape, _lines, _wrap

    expected = _escape("\n".join(_wrap(text, width))).replace("\n", "<BR/>") or " "
    assert _lines(text, width) == expected


def _option_error(call: Callable[[], object]) -> str:
    with pytest.raises(am.OptionError) as info:
        call()
    assert isinstance(info.value, am.ArgmapError) and isinstance(info.value, ValueError)
    return str(info.value)


def test_bad_options_raise_option_errors_naming_the_option_and_its_values() -> None:
    m = am.ArgumentMap()
    m.claim("C", id="c")
    assert _option_error(lambda: m.to_dot(wrap=3)) == (
        "wrap must be a whole number of characters from 8 to 1000; got 3"
    )
    assert _option_error(lambda: m.to_dot(direction="up")) == (
        "unknown direction 'up'; choose one of auto, BT, TB, LR, RL"
    )
    assert _option_error(lambda: m.to_dot(engine="spring")) == (
        "unknown engine 'spring'; choose one of dot, neato, fdp, sfdp, circo, twopi, osage, "
        "patchwork"
    )
    assert _option_error(lambda: m.to_dot(style="dark")) == (
        "unknown theme 'dark'; choose one of colorblind, default, print"
    )
    assert _option_error(lambda: am.theme("dark")) == (
        "unknown theme 'dark'; choose one of colorblind, default, print"
    )
    known = "badges, clusters, direction, engine, labels, legend, node_attrs, style, title, wrap"
    assert _option_error(lambda: m.to_dot(colour="red")) == (
        f"to_dot() has no option 'colour'; its options are {known}"
    )
    assert _option_error(lambda: to_dot(m, rankdir="LR", legnd=True)) == (
        f"to_dot() has no option 'rankdir' or 'legnd'; its options are {known}"
    )
    assert _option_error(lambda: m.to_dot(style={"fill": "red"})).startswith(
        "style must be a Style or the name of a theme (colorblind, default, print), not dict"
    )
    assert _option_error(lambda: mermaid.dumps(m, legend=True)) == (
        "Mermaid output has no option 'legend'; its options are direction, style, wrap"
    )
    assert _option_error(lambda: mermaid.dumps(m, direction="up")).startswith(
        "unknown direction 'up'"
    )
    assert _option_error(lambda: mermaid.dumps(m, wrap=1001)) == (
        "wrap must be a whole number of characters from 8 to 1000; got 1001"
    )


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"labels": "nope"}, "unknown labels 'nope'; choose one of full, text, title, id"),
        (
            {"clusters": "x"},
            "clusters must be True, False or a list of tags to group by; got 'x'",
        ),
        (
            {"clusters": ["economy", 3]},
            "clusters must be True, False or a list of tags to group by; got ['economy', 3]",
        ),
        ({"legend": "yes"}, "legend must be True or False; got 'yes'"),
        ({"title": 1}, "title must be True or False; got 1"),
        ({"badges": "x"}, "badges must be a mapping of statement id to text; got 'x'"),
        ({"badges": {"c": 2}}, "badges must be a mapping of statement id to text; got {'c': 2}"),
        (
            {"node_attrs": {"c": "red"}},
            "node_attrs must be a mapping of statement id to a mapping of Graphviz attributes; "
            "got {'c': 'red'}",
        ),
        ({"wrap": 5000}, "wrap must be a whole number of characters from 8 to 1000; got 5000"),
    ],
)
def test_every_bad_option_value_is_an_option_error_naming_the_option(
    options: dict[str, object], message: str, tmp_path: Path
) -> None:
    m = am.ArgumentMap()
    m.claim("C", id="c")
    assert _option_error(lambda: to_dot(m, **options)) == message  # type: ignore[arg-type]
    assert _option_error(lambda: m.render(tmp_path / "map.dot", **options)) == message
    assert not (tmp_path / "map.dot").exists()


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
    from argmap.render.dot import _wrap

    assert _wrap(text, width) == (textwrap.wrap(text, width) or [""])


def test_fast_node_and_edge_lines_match_the_graphviz_package() -> None:
    import graphviz

    from argmap.render.dot import _edge, _node

    ours, theirs = graphviz.Digraph(), graphviz.Digraph()
    attrs = {"id": "node", "fillcolor": "#fff", "style": "rounded,filled", "width": "0.1"}
    _node(ours, "node", "<<B>x</B>>", attrs)
    theirs.node("node", "<<B>x</B>>", **attrs)
    _node(ours, "a-b.c", "plain label", {})
    theirs.node("a-b.c", "plain label")
    _edge(ours, "1x", "graph", {"style": "dashed", "arrowhead": "tee"}, "am:1x:graph")
    theirs.edge("1x", "graph", style="dashed", arrowhead="tee", id="am:1x:graph")
    _edge(ours, "a", "b", {}, "am:a:b")
    theirs.edge("a", "b", id="am:a:b")
    # names as DOT IDs, numerals, keywords in any case, and names that need quotes
    names = ["s_1", "_", "Node", "EDGE", "123", "-1.5", ".5", "1.", "1x", "a-b", "x#hidden"]
    for name in names:
        _node(ours, name, "<x>", {"id": svg_id(name)})
        theirs.node(name, "<x>", id=svg_id(name))
        _edge(ours, name, "strict", {}, svg_id(name, "strict"))
        theirs.edge(name, "strict", id=svg_id(name, "strict"))
    assert ours.source == theirs.source


# ------------------------------------------------------------------- SVG element ids
def _svg_ids(svg: bytes) -> list[str]:
    return [el.get("id", "") for el in ET.fromstring(svg).iter() if el.get("id") is not None]


def _graphviz_named_map() -> am.ArgumentMap:
    """Ids that are the very names Graphviz gives its own SVG elements."""
    m = am.ArgumentMap(title="Graphviz's own names")
    c = m.claim("C", id="graph0", tags=["t1"])
    p1 = m.premise("P1", id="node1", tags=["t1"])
    p2 = m.premise("P2", id="edge1", tags=["t2"])
    m.support([p1, p2], c, id="clust1")
    m.counterpoint("K", id="node3", tags=["t2"])
    m.add_inference(
        am.Inference(id="edge2", relation="undercut", premises=("node3",), target="clust1")
    )
    m.counterpoint("K2", id="clust2", attacks=c)
    m.premise("Q", id="a1", supports=p1)
    return m


@pytest.mark.parametrize(
    "options",
    [{}, {"legend": True, "clusters": True}, {"legend": True, "direction": "LR"}],
    ids=["plain", "legend+clusters", "legend-LR"],
)
def test_svg_element_ids_are_unique_even_for_graphviz_names(
    options: dict[str, object], dot_binary: str
) -> None:
    m = _graphviz_named_map()
    for drawn in (m, m.focus("node1", 1)):
        result = run_dot(to_dot(drawn, **options).source, dot_binary)  # type: ignore[arg-type]
        assert result.returncode == 0, result.stderr.decode()
        ids = _svg_ids(result.stdout)
        assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    ids = set(_svg_ids(run_dot(to_dot(m, **options).source, dot_binary).stdout))  # type: ignore[arg-type]
    statements = {f"am:{s.id}" for s in m.statements}
    assert statements <= ids
    assert {"am:clust1", "am:node1:clust1", "am:edge1:clust1", "am:clust1:graph0"} <= ids
    assert {"am:node3", "am:edge2:clust1", "am:clust2-attacks-graph0:graph0"} <= ids


def test_svg_ids_name_statements_steps_and_arrows_exactly(dot_binary: str) -> None:
    m = am.ArgumentMap()
    c = m.claim("C", id="c", tags=["x"])
    p = m.premise("P", id="p", supports=c)
    m.counterpoint("K", id="k", undercuts=m.find_inference(p, c))
    svg = run_dot(to_dot(m, clusters=True, legend=True).source, dot_binary).stdout
    ids = _svg_ids(svg)
    mine = sorted(i for i in ids if i.startswith("am"))
    assert mine == [
        "am-cluster:0",
        "am-legend",
        "am:c",
        "am:k",
        "am:k-undercuts-p-supports-c:p-supports-c",
        "am:p",
        "am:p-supports-c",
        "am:p-supports-c:c",
        "am:p:p-supports-c",
    ]
    assert len(ids) == len(set(ids))
    assert ids == _svg_ids(run_dot(to_dot(m, clusters=True, legend=True).source, dot_binary).stdout)


def test_an_undercut_of_an_undercut_is_a_ring_not_a_linked_junction(dot_binary: str) -> None:
    m = am.ArgumentMap()
    c = m.claim("Tweety flies", id="c")
    p = m.premise("Tweety is a bird", id="p")
    s = m.support(p, c, id="s")
    k = m.counterpoint("Tweety is a penguin", id="k", undercuts=s)
    u = m.find_inference(k, s)
    m.counterpoint("The penguin report is a joke", id="k2", undercuts=u)
    k3 = m.counterpoint("Birds in zoos are clipped", id="k3")
    k4 = m.counterpoint("Tweety lives in a zoo", id="k4")
    p2 = m.premise("Tweety has wings", id="p2")
    s2 = m.support(p2, c, id="s2")
    m.add_inference(
        am.Inference(id="u2", relation="undercut", premises=(k3.id, k4.id), target=s2.id)
    )
    source = m.to_dot().source
    lines = {x.strip().split(" [")[0]: x.strip() for x in source.splitlines()}
    nodes = resolved(source, dot_binary)
    purple, green = "#6a1b9a", "#2e7d32"
    # one-premise steps an undercut ends on: rings, on the line the step's arrow goes along
    for id, colour in ((u.id, purple), ("s", green)):
        ring = nodes[id]
        assert (ring["shape"], ring["color"], ring["fillcolor"]) == ("circle", colour, "white")
        assert "fixedsize=true" in lines[f'"{id}"' if "-" in id else id]
    # linked undercutters join in a filled dot
    dot = nodes["u2"]
    assert (dot["shape"], dot["fillcolor"], dot["width"]) == ("point", purple, "0.11")
    # the undercut of the undercut ends with its bar on the ring
    assert lines[f'k2 -> "{u.id}"'] == f'k2 -> "{u.id}" [id="am:k2-undercuts-{u.id}:{u.id}"]'
    assert 'edge [arrowhead=tee color="#6a1b9a" penwidth=1.6 style=dotted]' in source
    assert lines[f'k -> "{u.id}"'].startswith(f'k -> "{u.id}" [arrowhead=none')


def test_the_legend_shows_the_ring_only_when_the_map_has_one() -> None:
    m = am.ArgumentMap()
    c = m.claim("Tweety flies", id="c")
    s = m.support(m.premise("Tweety is a bird", id="p"), c, id="s")
    m.counterpoint("Tweety is a penguin", id="k", undercuts=s)
    source = m.to_dot(legend=True).source
    assert "a step that is undercut" in source
    assert "linked premises" not in source
    linked = am.ArgumentMap()
    c = linked.claim("Tweety flies", id="c")
    t = linked.support([linked.premise("A", id="a"), linked.premise("B", id="b")], c, id="t")
    linked.counterpoint("K", id="k", undercuts=t)
    source = linked.to_dot(legend=True).source
    assert "a step that is undercut" not in source
    assert '<TD><FONT COLOR="#333333">●</FONT></TD><TD ALIGN="LEFT">linked premises</TD>' in source


def test_the_legend_is_one_node_beside_the_main_conclusions(dot_binary: str) -> None:
    m = am.ArgumentMap()
    c = m.claim("Tax sugar", id="c")
    m.premise("Sugar harms health", id="p", supports=c)
    source = m.to_dot(legend=True).source
    assert source.endswith('\t{\n\t\trank=max\n\t\tc\n\t\t"legend#"\n\t}\n}\n')
    legend = resolved(source, dot_binary)["legend#"]
    assert (legend["shape"], legend["style"], legend["fontsize"]) == ("plain", "solid", "9")
    items = legend["label"].count('<TD ALIGN="LEFT">')
    assert items == 3  # claim, premise and supports: only what the map uses


_PIECES = [*"ab cd-é’—.", "\n", "\t", "\u00a0", "  ", "supercalifragilistic"]


@settings(max_examples=500, deadline=None)
@given(
    text=st.lists(st.sampled_from(_PIECES), max_size=40).map("".join),
    width=st.integers(min_value=8, max_value=40),
)
def test_wrapping_gives_the_lines_textwrap_gives(text: str, width: int) -> None:
    """The label wrapper's fast paths (short lines, plain words) agree with textwrap."""
    from argmap.render.dot import _wrap

    plain = text.replace("\t", " ")
    expected = [
        line
        for paragraph in plain.split("\n")
        for line in (textwrap.wrap(paragraph, width) or [""])
    ]
    assert _wrap(text, width) == expected
