"""GraphML: exact output, exact round trips, networkx and igraph reading our files, and
errors that name the line, column and node."""

from __future__ import annotations

import importlib.util
import json
import re
import warnings
from pathlib import Path

import igraph
import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from map_strategies import maps  # every part of the model: rephrases, sources, quotes

import argmap as am
from argmap.formats import aif, graphml
from argmap.formats._spec import Content

from conftest import DATA, ROOT

SMALL = DATA / "graphml" / "rain.graphml"


def rain() -> am.ArgumentMap:
    m = am.ArgumentMap("Rain")
    c = m.claim("Take an umbrella", id="c")
    m.premise("It rains", id="p", supports=c)
    return m


def tweety() -> am.ArgumentMap:
    """Every kind, relation and field: linked premises, an undercut, an attack, titles,
    notes (one empty), tags, metadata, a source and quotes."""
    m = am.ArgumentMap(
        "Tweety", description="Birds & <penguins>", metadata={"page": 3, "x": [None, 1.5]}
    )
    m.add_source("Tweety is a bird. Tweety flies. Tweety is a penguin.", id="story")
    c = m.claim("Tweety flies", id="c", title="Flight", note="")
    p1 = m.premise("Tweety is a bird", id="p1", tags=["bio", "a, b"])
    p2 = m.premise("Birds fly", id="p2", metadata={"weight": 0.5})
    s = m.support([p1, p2], c, id="s", note="linked", tags=["t"])
    m.counterpoint("Tweety is a penguin", id="k", undercuts=s)
    m.counterpoint("Tweety is in a cage", id="a", attacks=c)
    m.quote(c)
    m.quote("k")
    return m


def nato() -> am.ArgumentMap:
    spec = importlib.util.spec_from_file_location("nato", ROOT / "examples" / "nato_ammunition.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    m: am.ArgumentMap = module.build_map()
    return m


# ------------------------------------------------------------------------------ writing
def test_small_map_exact_output() -> None:
    assert graphml.dumps(rain()) == SMALL.read_text(encoding="utf-8")


def test_output_is_deterministic_and_loads_back_equal() -> None:
    m = tweety()
    text = graphml.dumps(m)
    assert graphml.dumps(tweety()) == text
    back = graphml.loads(text)
    assert back == m
    assert graphml.dumps(back) == text
    assert [s.quotes for s in back.statements] == [s.quotes for s in m.statements]


def _data(text: str, node: str) -> dict[str, str]:
    """The raw text of a node's plain <data> elements, by key id."""
    block = text[text.index(f'<node id="{node}">') :]
    block = block[: block.index("</node>")]
    return dict(re.findall(r'<data key="([\w.]+)">([^<]*)</data>', block))


def test_plain_keys_hold_label_kind_relation_title_note_tags_and_json_the_rest() -> None:
    text = graphml.dumps(tweety())
    assert _data(text, "c") == {"label": "Tweety flies", "kind": "claim", "title": "Flight",
                                "note": "",
                                "argmap": '{"quotes":[{"source":"story","start":18,"end":30,'
                                          '"text":"Tweety flies"}]}'}  # fmt: skip
    assert _data(text, "p1") == {"label": "Tweety is a bird", "kind": "premise",
                                 "tags": "bio, a, b",
                                 "argmap": '{"tags":["bio","a, b"]}'}  # fmt: skip
    assert _data(text, "s") == {"label": "support", "kind": "inference", "relation": "support",
                                "note": "linked", "tags": "t"}  # fmt: skip
    assert _data(text, "k-undercuts-s")["relation"] == "undercut"
    header = re.search(r'<data key="g.argmap">([^<]*)</data>', text)
    assert header is not None
    assert json.loads(header.group(1))["metadata"] == {"page": 3, "x": [None, 1.5]}
    assert '<data key="g.description">Birds &amp; &lt;penguins&gt;</data>' in text


def test_edges_run_premise_to_inference_to_target_in_premise_order() -> None:
    edges = re.findall(
        r'<edge id="(e\d+)" source="([^"]+)" target="([^"]+)">\s*<data key="role">(\w+)</data>'
        r'\s*<data key="e.relation">(\w+)</data>',
        graphml.dumps(tweety()),
    )
    assert edges == [
        ("e0", "p1", "s", "premise", "support"),
        ("e1", "p2", "s", "premise", "support"),
        ("e2", "s", "c", "target", "support"),
        ("e3", "k", "k-undercuts-s", "premise", "undercut"),
        ("e4", "k-undercuts-s", "s", "target", "undercut"),
        ("e5", "a", "a-attacks-c", "premise", "attack"),
        ("e6", "a-attacks-c", "c", "target", "attack"),
    ]


def test_yed_graphics_give_each_kind_a_shape_and_each_relation_a_line_style() -> None:
    text = graphml.dumps(tweety())
    shapes = dict(re.findall(r'<node id="([^"]+)">.*?<y:Shape type="(\w+)"/>', text, re.S))
    assert shapes == {"c": "rectangle", "p1": "roundrectangle", "p2": "roundrectangle",
                      "k": "hexagon", "a": "hexagon", "s": "ellipse",
                      "k-undercuts-s": "ellipse", "a-attacks-c": "ellipse"}  # fmt: skip
    lines = re.findall(r'<y:LineStyle color="(#\w+)" type="(\w+)"', text)
    assert set(lines) == {("#2E7D32", "line"), ("#6A1B9A", "dotted"), ("#B71C1C", "dashed")}
    labels = re.findall(r'visible="true" xml:space="preserve">([^<]*)</y:NodeLabel>', text)
    assert labels[:2] == ["Tweety flies", "Tweety is a bird"]


def test_layout_puts_main_claims_on_top_and_reasons_below() -> None:
    text = graphml.dumps(tweety())
    y = {n: float(v) for n, v in re.findall(r'<node id="([^"]+)">.*?y="(-?[\d.]+)"/>', text, re.S)}
    assert y["c"] < y["s"] < y["p1"] < y["k-undercuts-s"] < y["k"]
    assert y["p1"] == y["p2"]


HOSTILE = "a\x00b\x01\x08\x0b\x0c\x0e\x1f\ufffe\uffff \r\n\r \t <&> ]]> é 😀 \x7f\x85"


def test_characters_xml_cannot_hold_show_as_fffd_and_come_back_from_the_json() -> None:
    m = am.ArgumentMap(HOSTILE, description=HOSTILE, metadata={HOSTILE: HOSTILE})
    c = m.claim(HOSTILE, id="c", title=HOSTILE, note=HOSTILE, tags=[HOSTILE, "b"])
    m.premise("p", id="p", supports=c, metadata={"k": HOSTILE})
    text = graphml.dumps(m)
    shown = "a\ufffdb" + "\ufffd" * 8 + " &#13;\n&#13; \t &lt;&amp;&gt; ]]&gt; é 😀 \x7f\x85"
    assert f'<data key="label">{shown}</data>' in text
    assert f'<data key="tags">{shown}, b</data>' in text
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\r]", text)
    assert graphml.loads(text) == m
    assert graphml.loads(text.encode("utf-8")) == m
    # and a standard XML parser reads the file as it is
    assert nx.read_graphml(graphml.dump(m, _tmp() / "hostile.graphml")).nodes["c"]["label"] == (
        shown.replace("&#13;", "\r").replace("&lt;", "<").replace("&amp;", "&").replace("&gt;", ">")
    )


def _tmp() -> Path:
    import tempfile

    return Path(tempfile.mkdtemp())


# ------------------------------------------------------------------ round trips
@pytest.mark.parametrize("build", [rain, tweety, nato], ids=["rain", "tweety", "nato"])
def test_maps_survive_graphml_and_back(build: object, tmp_path: Path) -> None:
    m = build()  # type: ignore[operator]
    path = graphml.dump(m, tmp_path / "map.graphml")
    assert graphml.load(path) == m


@pytest.mark.parametrize("path", sorted((DATA / "aif").glob("6064-*.json")), ids=lambda p: p.name)
def test_aifdb_corpus_maps_survive_graphml_and_back(path: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", aif.AifWarning)
        m = aif.load(path)
    assert graphml.loads(graphml.dumps(m)) == m


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(m=maps())
def test_generated_maps_survive_graphml_and_back(m: am.ArgumentMap) -> None:
    text = graphml.dumps(m)
    back = graphml.loads(text)
    assert back == m
    assert graphml.dumps(back) == text


# ------------------------------------------------------------ independent readers
def test_networkx_reads_our_nodes_edges_and_labels(tmp_path: Path) -> None:
    m = tweety()
    g = nx.read_graphml(graphml.dump(m, tmp_path / "tweety.graphml"))
    assert isinstance(g, nx.DiGraph) and not g.is_multigraph()
    assert list(g.nodes) == [s.id for s in m.statements] + [i.id for i in m.inferences]
    assert set(g.edges) == set(m.graph.edges)
    for node, data in m.graph.nodes(data=True):
        read = g.nodes[node]
        assert read["kind"] == data["kind"]
        model = data["model"]
        assert read["label"] == (model.relation if data["kind"] == "inference" else model.text)
        assert read.get("relation") == data.get("relation")
    for u, v, data in m.graph.edges(data=True):
        assert {k: g.edges[u, v][k] for k in ("role", "relation")} == data
    assert g.nodes["c"]["title"] == "Flight" and g.nodes["c"]["note"] == ""
    assert g.nodes["p1"]["tags"] == "bio, a, b"
    assert g.nodes["c"]["shape_type"] == "rectangle"  # networkx reads yEd's shape too
    assert g.graph["title"] == "Tweety" and g.graph["description"] == "Birds & <penguins>"


def test_igraph_reads_our_nodes_edges_and_labels(tmp_path: Path) -> None:
    m = tweety()
    g = igraph.Graph.Read_GraphML(str(graphml.dump(m, tmp_path / "tweety.graphml")))
    assert g.is_directed()
    ids = g.vs["id"]
    assert ids == [s.id for s in m.statements] + [i.id for i in m.inferences]
    assert sorted((ids[a], ids[b]) for a, b in g.get_edgelist()) == sorted(m.graph.edges)
    assert g.vs["label"] == [s.text for s in m.statements] + [i.relation for i in m.inferences]
    assert (
        g.vs["kind"]
        == ["claim", "premise", "premise", "counterpoint", "counterpoint"] + ["inference"] * 3
    )
    assert g.es["role"] == ["premise", "premise", "target"] * 1 + ["premise", "target"] * 2
    assert g["title"] == "Tweety"


def test_networkx_graphml_of_a_map_graph_without_models_reads_back(tmp_path: Path) -> None:
    m = tweety()
    with pytest.raises(TypeError, match="GraphML does not support type"):  # the models
        nx.write_graphml(m.graph, tmp_path / "raw.graphml")
    plain = nx.DiGraph(title=m.title)
    for node, data in m.graph.nodes(data=True):
        model = data["model"]
        attrs = {"kind": data["kind"]}
        if data["kind"] == "inference":
            attrs["relation"] = model.relation
        else:
            attrs["text"] = model.text
        plain.add_node(node, **attrs, weight=1.5)
    plain.add_edges_from(m.graph.edges(data=True))
    nx.write_graphml(plain, tmp_path / "plain.graphml")
    back = graphml.load(tmp_path / "plain.graphml")
    assert back.title == "Tweety"
    assert [(s.id, s.kind, s.text) for s in back.statements] == [
        (s.id, s.kind, s.text) for s in m.statements
    ]
    assert [(i.id, i.relation, i.premises, i.target) for i in back.inferences] == [
        (i.id, i.relation, i.premises, i.target) for i in m.inferences
    ]
    # a node's other data (here networkx's double "weight") is kept as text
    assert back.statement("c").metadata == {"graphml": {"weight": "1.5"}}


def test_other_tools_data_and_graphics_are_kept_or_skipped_as_documented() -> None:
    text = (
        f'{HEAD}\n<key id="w" for="graph" attr.name="creator"/>{KEYS}'
        '<key id="d" for="node" attr.name="colour"><default>red</default></key>'
        '<key id="y" for="node" yfiles.type="nodegraphics"/>'
        '<key id="e" for="edge" attr.name="weight" attr.type="double"/>'
        '<graph edgedefault="directed"><data key="w">yEd</data>\n'
        f'{C}\n<node id="p"><data key="k">premise</data><data key="t">P</data>'
        '<data key="d">blue</data><data key="y"/></node>\n'
        f'{S}<edge source="p" target="s"><data key="e">2.0</data></edge>'
        '<edge source="s" target="c"/></graph></graphml>'
    )
    m = graphml.loads(text)
    assert m.metadata == {"graphml": {"creator": "yEd"}}
    assert m.statement("c").metadata == {"graphml": {"colour": "red"}}  # the key's default
    assert m.statement("p").metadata == {"graphml": {"colour": "blue"}}
    assert m.inference("s").premises == ("p",)
    assert graphml.loads(graphml.dumps(m)) == m  # and argmap's writer keeps it


# ------------------------------------------------------------------------ errors
HEAD = '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
KEYS = (
    '<key id="k" for="node" attr.name="kind"/><key id="t" for="node" attr.name="label"/>'
    '<key id="r" for="node" attr.name="relation"/><key id="o" for="edge" attr.name="role"/>'
)


def _doc(body: str) -> str:
    return f'{HEAD}\n{KEYS}\n<graph edgedefault="directed">\n{body}\n</graph></graphml>'


C = '<node id="c"><data key="k">claim</data><data key="t">C</data></node>'
P = '<node id="p"><data key="k">premise</data><data key="t">P</data></node>'
S = '<node id="s"><data key="k">inference</data><data key="r">support</data></node>'


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("<graphml><node", "not well-formed XML: unclosed token at line 1:10"),
        ('{"nodes": []}', "not well-formed XML: not well-formed (invalid token) at line 1:1"),
        ("<gexf/>", "line 1:1: the root element is <gexf>, not <graphml>: this is not GraphML"),
        (f"{HEAD}</graphml>", "line 1:1: the document has 0 <graph> elements; argmap reads one"),
        (_doc('<node id="x"/>'), "line 4:1: node 'x': has no kind: a node needs the kind claim, "
         "premise, counterpoint or inference (the 'kind' key)"),
        (_doc('<node id="x"><data key="k">idea</data></node>'), "line 4:1: node 'x': has the "
         "kind 'idea': a node needs the kind claim, premise, counterpoint or inference (the "
         "'kind' key)"),
        (_doc('<node id="c"><data key="k">claim</data></node>'),
         "line 4:1: node 'c': has no text: a statement needs a 'label' (or 'text') key"),
        (_doc(f'{C}\n{P}\n<edge source="p" target="c"/>'),
         "line 6:1: edge 'p' -> 'c': connects two statements; statements connect through "
         "inference nodes (kind 'inference')"),
        (_doc(f'{C}\n{P}\n{S}\n<edge source="p" target="s"/>'),
         "line 6:1: node 's': an inference needs exactly one edge out of it (to its target), "
         "found 0"),
        (_doc(f'{C}\n{S}\n<edge source="s" target="c"/>'),
         "line 5:1: node 's': an inference needs at least one premise (an edge into it from a "
         "statement)"),
        (_doc(f'{C}\n{S}\n<edge source="nobody" target="s"/>'),
         "line 6:1: edge 'nobody' -> 's': there is no node 'nobody'"),
        (_doc(f'{C}\n{P}\n{S}\n<edge source="p" target="s"><data key="o">target</data></edge>'),
         "line 7:1: edge 'p' -> 's': has the role 'target', but this edge is a premise edge "
         "of inference 's'"),
        (_doc(f"{C}\n{C}"), "line 5:1: node 'c': the id is used by another node"),
        (_doc('<data key="zz">1</data>'), "line 4:1: <data key='zz'> has no <key> declared"),
        (f'{HEAD}<graph edgedefault="undirected"/></graphml>', "line 1:56: the graph is "
         "undirected (edgedefault); an argument map's edges have a direction"),
        (_doc('<node id="c"><data key="k">claim</data><data key="t">C</data>'
              '<graph edgedefault="directed"/></node>'),
         "line 4:1: node 'c': nested graphs (groups) are not supported"),
    ],
)  # fmt: skip
def test_bad_graphml_is_a_format_error_naming_line_column_and_node(text: str, message: str) -> None:
    with pytest.raises(am.FormatError) as info:
        graphml.loads(text)
    assert str(info.value) == message


def test_a_newer_version_says_to_upgrade() -> None:
    text = (
        graphml.dumps(rain())
        .replace("{&quot;version&quot;:1}", "")
        .replace('{"version":1}', '{"version":2}')
    )
    with pytest.raises(am.FormatError) as info:
        graphml.loads(text)
    assert str(info.value) == (
        "line 17:3: written in argmap GraphML version 2, which this argmap does not know "
        "(it reads version 1): upgrade argmap"
    )


def test_bad_argmap_json_names_the_node() -> None:
    text = graphml.dumps(tweety()).replace('{"tags":["bio","a, b"]}', '{"tags": [')
    with pytest.raises(am.FormatError, match=r"^line \d+:5: node 'p1': its argmap data is not "
                       r"valid JSON: Expecting value: line 1 column 11"):  # fmt: skip
        graphml.loads(text)


def test_json_nested_too_deeply_is_a_format_error() -> None:
    deep = "[" * 100_000 + "]" * 100_000
    text = graphml.dumps(rain()).replace('{"version":1}', deep)
    with pytest.raises(am.FormatError, match=r"^line 17:3: its argmap data is JSON nested too"):
        graphml.loads(text)


def test_a_doctype_is_refused_so_no_entity_can_expand() -> None:
    laughs = (
        '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>\n'
        f"{HEAD}<graph/></graphml>"
    )
    with pytest.raises(am.FormatError) as info:
        graphml.loads(laughs)
    assert str(info.value) == (
        "line 2:16: the document has a document type declaration (<!DOCTYPE ...>); argmap "
        "reads GraphML without DTDs or entities, for safety"
    )
    with pytest.raises(
        am.FormatError, match=r"^not well-formed XML: undefined entity at line 4:28$"
    ):
        graphml.loads(_doc('<node id="c"><data key="t">&lol;</data></node>'))


def test_load_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.graphml"
    bad.write_text(_doc('<node id="x"/>'), encoding="utf-8")
    with pytest.raises(
        am.FormatError, match=rf"^{re.escape(str(bad))}: line 4:1: node 'x': has no kind"
    ):
        graphml.load(bad)
    with pytest.raises(am.FormatError, match=r"missing\.graphml: cannot read: No such file"):
        graphml.load(tmp_path / "missing.graphml")


def test_wrong_argument_types_say_what_is_wanted(tmp_path: Path) -> None:
    with pytest.raises(am.FormatError, match=r"got a path .*use argmap\.formats\.graphml\.load"):
        graphml.loads(tmp_path / "x.graphml")  # type: ignore[arg-type]
    with pytest.raises(
        am.ArgumentTypeError, match=r"expected GraphML text .str or bytes., got int"
    ):
        graphml.loads(3)  # type: ignore[arg-type]


def test_a_byte_order_mark_and_a_declared_encoding_are_honoured() -> None:
    m = am.ArgumentMap("Café")
    m.claim("Tweety flâne", id="c")
    text = graphml.dumps(m)
    assert graphml.loads("\ufeff" + text) == m
    assert graphml.loads(b"\xef\xbb\xbf" + text.encode("utf-8")) == m
    latin = text.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').encode("latin-1")
    assert graphml.loads(latin) == m


# ------------------------------------------------------------------- the registry
def test_format_spec_and_sniffing() -> None:
    spec = graphml.FORMAT
    assert (spec.name, spec.suffixes, spec.json, spec.reads, spec.writes) == (
        "graphml", (".graphml",), False, True, True)  # fmt: skip
    assert spec.dumps is not None and spec.loads is not None
    assert spec.loads(spec.dumps(tweety())) == tweety()
    assert graphml.sniff(Content(SMALL.read_text(encoding="utf-8"))) == "has a <graphml> element"
    assert graphml.sniff(Content("<gexf/>")) is None
    assert graphml.sniff(Content('{"graphml": "<graphml>"}')) is None


def test_a_map_with_a_cycle_of_supports_is_laid_out_and_reads_back() -> None:
    m = am.ArgumentMap()
    m.claim("A", id="a")
    m.claim("B", id="b")
    m.support("a", "b", id="ab")
    m.support("b", "a", id="ba")  # no node without out-edges: the layout seeds one itself
    text = graphml.dumps(m)
    y = {n: float(v) for n, v in re.findall(r'<node id="([^"]+)">.*?y="(-?[\d.]+)"/>', text, re.S)}
    assert y["a"] == 0.0 and y["a"] < y["ba"] < y["b"]
    assert graphml.loads(text) == m
