"""The networkx graph: usable directly, and convertible back into a validated map."""

from __future__ import annotations

import networkx as nx
import pytest

from argmap import ArgmapError, ArgumentMap, InvalidRelationError, NodeNotFoundError
from argmap.model import Statement, as_dict


def built() -> ArgumentMap:
    m = ArgumentMap("T", metadata={"k": "v"})
    c = m.claim("C", id="c")
    p = m.premise("P", id="p", supports=c)
    m.premise("Q", id="q", supports=m.find_inference(p, c))
    m.counterpoint("K", id="k", attacks=c)
    m.counterpoint("U", id="u", undercuts="p-supports-c")
    return m


def test_networkx_algorithms_run_on_the_graph() -> None:
    g = built().graph
    assert nx.is_directed_acyclic_graph(g)
    assert list(nx.topological_sort(g))[-1] == "c"
    assert nx.shortest_path_length(g, "u", "c") == 3


def test_from_networkx_round_trip_with_models() -> None:
    m = built()
    back = ArgumentMap.from_networkx(m.graph, title="T", metadata={"k": "v"})
    assert back == m


def test_from_networkx_reads_graph_attributes_and_copies() -> None:
    m = built()
    g = m.graph.copy()
    g.graph.update(title="T", metadata={"k": "v"})
    assert ArgumentMap.from_networkx(g) == m


def test_from_networkx_with_plain_attributes() -> None:
    g = nx.DiGraph()
    g.add_node("c", kind="claim", text="C", tags=["x"])
    g.add_node("p1", kind="premise", text="P1")
    g.add_node("p2", kind="premise", text="P2")
    g.add_node("arg", kind="inference", relation="support")
    g.add_edges_from([("p1", "arg"), ("p2", "arg"), ("arg", "c")])
    m = ArgumentMap.from_networkx(g)
    assert m.inference("arg").premises == ("p1", "p2")
    assert m.statement("c").tags == ("x",)


def test_from_networkx_rejects_invalid_graphs_naming_the_node() -> None:
    g = nx.DiGraph()
    g.add_node("c", kind="claim", text="C")
    g.add_node("p", kind="premise", text="P")
    g.add_edge("p", "c")
    with pytest.raises(InvalidRelationError, match="graph edge 'p' -> 'c' is not part of any"):
        ArgumentMap.from_networkx(g)

    g = nx.DiGraph()
    g.add_node("c", kind="opinion", text="C")
    with pytest.raises(
        ArgmapError,
        match="graph node 'c': kind: Input should be 'claim', 'premise' or 'counterpoint'",
    ):
        ArgumentMap.from_networkx(g)

    g = nx.DiGraph()
    g.add_node("c", kind="claim", text="C")
    g.add_node("i", kind="inference", relation="support")
    g.add_edge("i", "c")
    with pytest.raises(
        ArgmapError, match="graph node 'i': premises: Tuple should have at least 1 item"
    ):
        ArgumentMap.from_networkx(g)

    g = nx.DiGraph()
    g.add_node("a", model=Statement(id="b", kind="claim", text="x"))
    with pytest.raises(ArgmapError, match="graph node 'a': its model has id 'b'"):
        ArgumentMap.from_networkx(g)


def test_validate_catches_direct_graph_edits() -> None:
    m = built()
    assert m.validate() == []
    m.graph.add_edge("k", "p")
    with pytest.raises(InvalidRelationError, match="graph edge 'k' -> 'p'"):
        m.validate()
    m = built()
    m.graph.remove_edge("q", "p-supports-c")
    with pytest.raises(InvalidRelationError, match="edge 'q' -> 'p-supports-c' is missing"):
        m.validate()
    m = built()
    m.graph.remove_node("c")
    with pytest.raises(NodeNotFoundError, match="target 'c' is not in this map"):
        m.validate()


def test_plain_attribute_graph_with_an_undercut() -> None:
    g = nx.DiGraph()
    g.add_node("c", kind="claim", text="C")
    g.add_node("p", kind="premise", text="P")
    g.add_node("k", kind="counterpoint", text="K")
    g.add_node("s", kind="inference", relation="support")
    g.add_node("u", kind="inference", relation="undercut")
    g.add_edges_from([("p", "s"), ("s", "c"), ("k", "u"), ("u", "s")])
    m = ArgumentMap.from_networkx(g)
    assert m.inference("s").premises == ("p",)
    assert m.inference("u").target == "s"


def test_a_maps_own_graph_with_plain_attributes_round_trips() -> None:
    m = built()
    g = nx.DiGraph()
    for node, data in m.graph.nodes(data=True):
        model = data["model"]
        plain = {k: v for k, v in as_dict(model).items() if k not in ("premises", "target")}
        plain["kind"] = data["kind"]
        g.add_node(node, **plain)
    g.add_edges_from(m.graph.edges)
    back = ArgumentMap.from_networkx(g, title="T", metadata={"k": "v"})
    assert back.to_json() == m.to_json()


def test_attributes_contradicting_models_are_refused() -> None:
    m = built()
    m.graph.nodes["p-supports-c"]["relation"] = "attack"
    with pytest.raises(ArgmapError, match="attribute relation='attack' contradicts its model"):
        m.validate()
    m = built()
    m.graph.nodes["p"]["kind"] = "claim"
    with pytest.raises(ArgmapError, match="graph node 'p': attribute kind='claim' contradicts"):
        m.validate()
    m = built()
    m.graph.edges["p", "p-supports-c"]["role"] = "target"
    with pytest.raises(InvalidRelationError, match="attribute role='target' contradicts"):
        m.validate()


@pytest.mark.parametrize("kind", [nx.Graph, nx.MultiDiGraph])
def test_only_digraphs_are_maps(kind: type[nx.Graph]) -> None:
    with pytest.raises(ArgmapError, match=f"needs a networkx.DiGraph, not a {kind.__name__}"):
        ArgumentMap.from_networkx(kind())


def test_one_source_counts_as_one() -> None:
    m = ArgumentMap()
    src = m.add_source("It rains. Take an umbrella.", id="a")
    c = m.claim("Take an umbrella", id="c")
    m.quote(c, "Take an umbrella")
    back = ArgumentMap.from_networkx(m.graph, sources=src)
    assert back.sources == [src] and back == m


def test_to_json_refuses_a_graph_relabelled_in_place_until_rebuilt() -> None:
    m = built()
    nx.relabel_nodes(m.graph, {"k-attacks-c": "objection"}, copy=False)
    with pytest.raises(ArgmapError, match="graph node 'objection' holds inference 'k-attacks-c'"):
        m.to_json()
    with pytest.raises(ArgmapError, match="graph node 'objection': its model has id 'k-attacks-c'"):
        m.validate()


def test_the_graph_holds_the_whole_map_header_and_sources_included() -> None:
    m = ArgumentMap("Sugar", description="A tax", metadata={"year": 2024})
    src = m.add_source("Tax sugar. It saves lives.", id="article")
    c = m.claim("Tax sugar", id="c")
    m.quote(c)
    m.premise("It saves lives", id="p", supports=c)
    assert m.graph.graph == {
        "sources": {"article": src},
        "title": "Sugar",
        "description": "A tax",
        "metadata": {"year": 2024},
    }
    back = ArgumentMap.from_networkx(m.graph)
    assert back == m and back.to_json() == m.to_json()
    m.title = None
    assert "title" not in m.graph.graph


def test_a_header_broken_in_the_graph_is_refused_before_writing() -> None:
    m = ArgumentMap("Sugar")
    m.claim("Tax sugar", id="c")
    m.graph.graph["title"] = 5
    with pytest.raises(ArgmapError, match=r"map's title \(graph.graph\['title'\]\) is an int"):
        m.to_json()
    m.title = "Sugar"
    m.graph.graph["sources"] = ["not a source"]
    with pytest.raises(ArgmapError, match=r"sources \(graph.graph\['sources'\]\) is a list, not"):
        m.to_json()


def test_a_header_of_the_wrong_type_is_an_error_wherever_it_is_read() -> None:
    m = ArgumentMap("Sugar")
    m.claim("Tax sugar", id="c")
    m.graph.graph["title"] = 5
    message = r"title \(graph.graph\['title'\]\) is an int, not text; set "
    for read in (lambda: m.title, lambda: m.to_dot(title=True), m.to_mermaid, m.to_json):
        with pytest.raises(ArgmapError, match=message):
            read()
    m.title = "Sugar"
    m.graph.graph["sources"] = []
    with pytest.raises(ArgmapError, match=r"sources \(graph.graph\['sources'\]\) is a list"):
        m.add_source("Tax sugar.", id="a")
