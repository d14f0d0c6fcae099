"""AIF's lenient reading: dialogical nodesets (L/YA/TA around the argument, as in qt30
and US2016) load whole; what argmap cannot interpret is kept verbatim with a warning
naming the node, and ``strict=True`` refuses instead. The nodesets are written by hand
in the style of AIFdb's (tests/data/aif/6064-original.json)."""

from __future__ import annotations

import json
import warnings
from typing import Any

import pytest

import argmap as am
from argmap.errors import ArgmapError
from argmap.formats import aif

_TIME = "2016-09-26 21:10:00"
_KEPT = "; kept as it is in metadata['aif'] (dump writes it back)"


def _node(nid: str, type_: str, text: str, **extra: Any) -> dict[str, Any]:
    return {"nodeID": nid, "text": text, "type": type_, "timestamp": _TIME, **extra}


def _edge(eid: str, src: str, dst: str) -> dict[str, Any]:
    return {"edgeID": eid, "fromID": src, "toID": dst, "formEdgeID": None}


def dialogue(
    nodes: list[dict[str, Any]] = (),  # type: ignore[assignment]
    edges: list[tuple[str, str]] = (),  # type: ignore[assignment]
) -> dict[str, Any]:
    """Two turns, each asserting a proposition, the second arguing for the first;
    ``nodes`` and ``edges`` (pairs of nodeIDs) are added to it."""
    base_nodes = [
        _node("100", "I", "The debt is too high"),
        _node("101", "I", "We borrow more every year"),
        _node("200", "L", "CLINTON : The debt is too high"),
        _node("201", "L", "TRUMP : We borrow more every year"),
        _node("300", "YA", "Asserting", scheme="Asserting", schemeID="74"),
        _node("301", "YA", "Asserting", scheme="Asserting", schemeID="74"),
        _node("302", "YA", "Arguing", scheme="Arguing", schemeID="80"),
        _node("400", "TA", "Default Transition", scheme="Default Transition", schemeID="82"),
        _node("500", "RA", "Default Inference", scheme="Default Inference", schemeID="72"),
    ]
    pairs = [
        ("200", "300"),
        ("300", "100"),
        ("201", "301"),
        ("301", "101"),
        ("200", "400"),
        ("400", "201"),
        ("400", "302"),
        ("302", "500"),
        ("101", "500"),
        ("500", "100"),
        *edges,
    ]
    return {
        "nodes": [*base_nodes, *nodes],
        "edges": [_edge(str(900 + i), a, b) for i, (a, b) in enumerate(pairs)],
        "locutions": [
            {"nodeID": "200", "personID": "1", "timestamp": _TIME, "start": None, "end": None},
            {"nodeID": "201", "personID": "2", "timestamp": _TIME, "start": None, "end": None},
        ],
    }


def _canonical(items: list[dict[str, Any]]) -> list[str]:
    return sorted(json.dumps(x, sort_keys=True) for x in items)


def _read(doc: dict[str, Any]) -> tuple[am.ArgumentMap, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        m = aif.loads(json.dumps(doc))
    assert all(w.category is aif.AifWarning for w in caught)
    return m, [str(w.message) for w in caught]


def _same_document(m: am.ArgumentMap, doc: dict[str, Any]) -> None:
    back = json.loads(aif.dumps(m))
    assert _canonical(back["nodes"]) == _canonical(doc["nodes"])
    assert _canonical(back["edges"]) == _canonical(doc["edges"])
    assert back["locutions"] == doc["locutions"]
    # ... and through argmap JSON too
    again = json.loads(aif.dumps(am.ArgumentMap.from_json(m.to_json())))
    assert again == back


def test_a_dialogical_nodeset_loads_without_a_word() -> None:
    doc = dialogue()
    m, said = _read(doc)
    assert said == []
    assert [(i.id, i.relation, i.premises, i.target) for i in m.inferences] == [
        ("500", "support", ("101",), "100")
    ]
    _same_document(m, doc)


@pytest.mark.parametrize(
    ("extra_nodes", "extra_edges", "message", "strict_message"),
    [
        pytest.param(
            [_node("501", "RA", "Default Inference")],
            [("201", "501"), ("501", "100")],
            "nodes[9] (nodeID '501'): RA node has no premise (no I-node points at it)",
            "nodes[9] (nodeID '501'): RA node has no premise (no I-node points at it)",
            id="RA-whose-only-input-is-an-L-node",
        ),
        pytest.param(
            [_node("502", "CA", "Default Conflict")],
            [("400", "502"), ("502", "101")],
            "nodes[9] (nodeID '502'): CA node has no premise (no I-node points at it)",
            "nodes[9] (nodeID '502'): CA node has no premise (no I-node points at it)",
            id="CA-whose-only-input-is-a-TA-node",
        ),
        pytest.param(
            [_node("102", "I", "Spending rose"), _node("503", "RA", "Default Inference")],
            [("102", "503"), ("503", "500")],
            "nodes[10] (nodeID '503'): RA node points at RA node '500'; argmap cannot "
            "represent an inference that supports another inference",
            "edges[11] (edgeID '911'): RA node '503' points at RA node '500'; argmap cannot "
            "represent an inference that supports another inference",
            id="RA-pointing-at-an-RA",
        ),
        pytest.param(
            [_node("504", "RA", "Default Inference")],
            [("101", "504")],
            "nodes[9] (nodeID '504'): RA node must point at exactly one node, found 0",
            "nodes[9] (nodeID '504'): RA node must point at exactly one node, found 0",
            id="RA-with-no-conclusion",
        ),
        pytest.param(
            [_node("505", "RA", "Default Inference")],
            [("101", "505"), ("505", "100"), ("505", "101")],
            "nodes[9] (nodeID '505'): RA node must point at exactly one node, found 2",
            "nodes[9] (nodeID '505'): RA node must point at exactly one node, found 2",
            id="RA-with-two-conclusions",
        ),
        pytest.param(
            [_node("102", "I", "Spending rose"), _node("600", "MA", "Default Rephrase")],
            [("101", "600"), ("102", "600"), ("600", "100")],
            "nodes[10] (nodeID '600'): MA node must have exactly one premise (the I-node "
            "that rephrases), found 2",
            "nodes[10] (nodeID '600'): MA node must have exactly one premise (the I-node "
            "that rephrases), found 2",
            id="MA-with-two-premises",
        ),
        pytest.param(
            [_node("102", "I", "Spending rose"), _node("601", "MA", "Default Rephrase")],
            [("102", "601"), ("601", "500")],
            "nodes[10] (nodeID '601'): MA node points at RA node '500'; a rephrase restates "
            "a statement, not an inference",
            "nodes[10] (nodeID '601'): MA node points at RA node '500'; a rephrase restates "
            "a statement, not an inference",
            id="MA-pointing-at-an-RA",
        ),
        pytest.param(
            [_node("501", "RA", "Default Inference")],
            [("101", "501"), ("501", "100")],
            "nodes[9] (nodeID '501'): argmap refuses it: inference '501' repeats '500': the "
            "same premises already support '100'",
            "AIF scheme node '501': inference '501' repeats '500': the same premises already "
            "support '100'",
            id="RA-repeating-another",
        ),
        pytest.param(
            [_node("501", "RA", "Default Inference")],
            [("101", "501"), ("501", "101")],
            "nodes[9] (nodeID '501'): '101' cannot be both a premise and the target",
            "nodes[9] (nodeID '501'): '101' cannot be both a premise and the target",
            id="RA-from-and-to-the-same-I-node",
        ),
    ],
)
def test_a_scheme_node_argmap_cannot_read_is_kept_with_a_warning(
    extra_nodes: list[dict[str, Any]],
    extra_edges: list[tuple[str, str]],
    message: str,
    strict_message: str,
) -> None:
    doc = dialogue(extra_nodes, extra_edges)
    m, said = _read(doc)
    assert said == [message + _KEPT]
    odd = extra_nodes[-1]["nodeID"]
    assert odd not in m
    assert odd in [n["nodeID"] for n in m.metadata["aif"]["other_nodes"]]  # type: ignore[index,union-attr]
    assert [i.id for i in m.inferences] == ["500"]  # the rest of the nodeset is read
    assert {s.id for s in m.statements} >= {"100", "101"}
    _same_document(m, doc)
    with pytest.raises(ArgmapError) as info:
        aif.loads(json.dumps(doc), strict=True)
    assert str(info.value).startswith(strict_message)


def test_a_ca_undercutting_a_node_kept_verbatim_is_kept_too() -> None:
    doc = dialogue(
        [
            _node("102", "I", "Spending rose"),
            _node("103", "I", "That was one year"),
            _node("503", "RA", "Default Inference"),
            _node("700", "CA", "Default Conflict"),
            _node("701", "CA", "Default Conflict"),
        ],
        [
            ("102", "503"),
            ("503", "500"),
            ("103", "700"),
            ("700", "503"),
            ("102", "701"),
            ("701", "700"),
        ],
    )
    m, said = _read(doc)
    assert said == [
        "nodes[11] (nodeID '503'): RA node points at RA node '500'; argmap cannot represent "
        "an inference that supports another inference" + _KEPT,
        "nodes[12] (nodeID '700'): CA node points at RA node '503', which is not read as an "
        "inference" + _KEPT,
        "nodes[13] (nodeID '701'): CA node points at CA node '700', which is not read as an "
        "inference" + _KEPT,
    ]
    assert [i.id for i in m.inferences] == ["500"]
    # what was kept no longer counts for the kinds: 102 and 103 premise nothing argmap reads
    assert [(s.id, s.kind) for s in m.statements] == [
        ("100", "claim"),
        ("101", "premise"),
        ("102", "claim"),
        ("103", "claim"),
    ]
    _same_document(m, doc)


def test_a_ca_undercutting_an_ma_is_kept_verbatim() -> None:
    doc = dialogue(
        [
            _node("102", "I", "The debt is much too high"),
            _node("103", "I", "It is not the same claim"),
            _node("600", "MA", "Default Rephrase"),
            _node("700", "CA", "Default Conflict"),
        ],
        [("102", "600"), ("600", "100"), ("103", "700"), ("700", "600")],
    )
    m, said = _read(doc)
    assert said == [
        "nodes[12] (nodeID '700'): CA node points at MA node '600'; a rephrase gives no "
        "reason to undercut" + _KEPT
    ]
    assert m.inference("600").relation == "rephrase"
    _same_document(m, doc)


def test_a_cycle_of_undercuts_is_kept_verbatim() -> None:
    doc = dialogue(
        [
            _node("102", "I", "A"),
            _node("103", "I", "B"),
            _node("700", "CA", "Default Conflict"),
            _node("701", "CA", "Default Conflict"),
        ],
        [("102", "700"), ("700", "701"), ("103", "701"), ("701", "700")],
    )
    m, said = _read(doc)
    assert said == [
        f"nodes[{i}] (nodeID '{n}'): CA node is part of a cycle of undercuts (CA nodes)" + _KEPT
        for i, n in ((11, "700"), (12, "701"))
    ]
    _same_document(m, doc)


def test_an_edge_between_two_i_nodes_is_kept_with_a_warning() -> None:
    doc = dialogue(edges=[("101", "100")])
    m, said = _read(doc)
    assert said == [
        "edges[10] (edgeID '910'): an edge between two I-nodes ('101' -> '100') is not AIF; "
        "I-nodes connect through RA, CA or MA nodes" + _KEPT
    ]
    _same_document(m, doc)
    with pytest.raises(ArgmapError, match=r"^edges\[10\] \(edgeID '910'\): an edge between"):
        aif.loads(json.dumps(doc), strict=True)


def test_a_node_of_an_unknown_type_is_kept_with_a_warning() -> None:
    doc = dialogue([_node("800", "XA", "Something new")], [("800", "100")])
    m, said = _read(doc)
    assert said == [
        "nodes[9] (nodeID '800'): node type 'XA' is not one argmap knows (I, RA, CA, MA, PA, "
        "L, YA, TA)" + _KEPT
    ]
    assert {"nodeID": "800", "text": "Something new", "type": "XA", "timestamp": _TIME} in (
        m.metadata["aif"]["other_nodes"]  # type: ignore[index,operator]
    )
    _same_document(m, doc)
    # strict reading refuses what it cannot interpret, not what it merely keeps
    with pytest.warns(aif.AifWarning, match="node type 'XA'"):
        aif.loads(json.dumps(doc), strict=True)


def test_pa_nodes_are_kept_without_a_word() -> None:
    doc = dialogue(
        [_node("102", "I", "Cut spending"), _node("850", "PA", "Default Preference")],
        [("100", "850"), ("850", "102")],
    )
    m, said = _read(doc)
    assert said == []
    assert {"nodeID": "850", "text": "Default Preference", "type": "PA", "timestamp": _TIME} in (
        m.metadata["aif"]["other_nodes"]  # type: ignore[index,operator]
    )
    _same_document(m, doc)


def test_what_was_kept_is_written_only_while_its_ends_are_in_the_map() -> None:
    doc = dialogue([_node("501", "RA", "Default Inference")], [("201", "501"), ("501", "100")])
    m, _ = _read(doc)
    m.remove("100")
    back = json.loads(aif.dumps(m))
    ends = {(e["fromID"], e["toID"]) for e in back["edges"]}
    assert ("501", "100") not in ends and ("300", "100") not in ends
    assert ("201", "501") in ends  # the L node and the kept RA node are both still there


def _linked(edges: list[tuple[str, str]]) -> str:
    nodes = [{"nodeID": i, "text": i.upper(), "type": "I"} for i in "abc"]
    nodes.append({"nodeID": "r", "text": "Default Inference", "type": "RA"})
    return json.dumps(
        {
            "nodes": nodes,
            "edges": [{"edgeID": f"{f}_{t}", "fromID": f, "toID": t} for f, t in edges],
        }
    )


def test_linked_premises_are_read_as_one_inference() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        m = aif.loads(_linked([("a", "r"), ("b", "r"), ("r", "c")]))
    inf = m.inference("r")
    assert (inf.relation, inf.premises, inf.target, inf.metadata) == (
        "support",
        ("a", "b"),
        "c",
        {},
    )
    assert inf == am.Inference(id="r", relation="support", premises=("a", "b"), target="c")
    assert list(m.graph.pred["r"]) == ["a", "b"]
    assert m.metadata == {}


@pytest.mark.parametrize(
    ("edges", "problem"),
    [
        ([("a", "r"), ("a", "r"), ("r", "c")], "premise 'a' is listed twice"),
        ([("a", "r"), ("c", "r"), ("r", "c")], "'c' cannot be both a premise and the target"),
    ],
)
def test_a_linked_node_the_model_refuses_is_kept_verbatim(
    edges: list[tuple[str, str]], problem: str
) -> None:
    text = _linked(edges)
    with pytest.warns(aif.AifWarning) as caught:
        m = aif.loads(text)
    assert [str(w.message) for w in caught] == [f"nodes[3] (nodeID 'r'): {problem}{_KEPT}"]
    assert len(m.inferences) == 0
    assert m.metadata["aif"]["other_nodes"] == [
        {"nodeID": "r", "type": "RA", "text": "Default Inference"}
    ]
    assert m.metadata["aif"]["other_edges"] == json.loads(text)["edges"]
    with pytest.raises(ArgmapError, match=rf"^nodes\[3\] \(nodeID 'r'\): {problem}$"):
        aif.loads(text, strict=True)


def test_a_read_map_has_the_graph_dicts_of_one_built_call_by_call() -> None:
    built = am.ArgumentMap()  # a reader adds the statements, then the inferences
    for id, kind in (("c", "claim"), ("a", "premise"), ("b", "counterpoint"), ("u", "premise")):
        built.add_statement(am.Statement(id=id, kind=kind, text=id.upper()))
    built.add_inference(am.Inference(id="i", relation="support", premises=("a",), target="c"))
    built.add_inference(am.Inference(id="j", relation="attack", premises=("b",), target="c"))
    built.add_inference(am.Inference(id="k", relation="undercut", premises=("u",), target="i"))
    read = aif.loads(aif.dumps(built))
    assert read == built
    for name in ("_node", "_succ", "_pred"):
        ours, theirs = getattr(read.graph, name), getattr(built.graph, name)
        assert list(ours.items()) == list(theirs.items())
        assert [list(v) for v in ours.values()] == [list(v) for v in theirs.values()]
