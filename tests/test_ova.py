"""OVA native JSON (OVA2 and OVA3 saves): structure read as AIF, OVA fields kept."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import arguebuf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError
from test_sadface import json_values, mutate

import argmap as am
from argmap.errors import ArgmapError, FormatError
from argmap.formats import aif, ova, sadface
from argmap.formats._spec import Content

from conftest import DATA

SAMPLES = DATA / "ova"
OVA2_FILES = [SAMPLES / "old-town-ova2.json", SAMPLES / "homework-recap.json"]
OVA3_FILE = SAMPLES / "museum-ova3.json"


def _node(nid: int, type_: str, text: str, **extra: Any) -> dict[str, Any]:
    return {"id": nid, "type": type_, "text": text, "x": 10 * nid, "y": 20 * nid, **extra}


def _edge(src: dict[str, Any], dst: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"from": src, "to": dst, "visible": True, **extra}


def _doc(nodes: list[dict[str, Any]], pairs: list[tuple[int, int]]) -> dict[str, Any]:
    by_id = {n["id"]: n for n in nodes}
    return {
        "nodes": nodes,
        "edges": [_edge(by_id[a], by_id[b]) for a, b in pairs],
        "participants": [],
        "analysis": {"txt": "", "documentTitle": "T", "annotatorName": "A"},
    }


def _structure(m: am.ArgumentMap) -> dict[str, Any]:
    return {
        "statements": {s.id: (s.kind, s.text) for s in m.statements},
        "inferences": {i.id: (i.relation, i.premises, i.target) for i in m.inferences},
    }


# ---------------------------------------------------------------- small exact documents
def test_i_ra_and_ca_nodes_become_statements_supports_attacks_and_undercuts() -> None:
    doc = _doc(
        [
            _node(1, "I", "We should go"),
            _node(2, "I", "It is sunny"),
            _node(3, "I", "We have time"),
            _node(4, "RA", "Default Inference", scheme=0, descriptors={}),
            _node(5, "I", "It will rain later"),
            _node(6, "CA", "Default Conflict"),
            _node(7, "I", "The forecast is for another town"),
            _node(8, "CA", "Default Conflict"),
        ],
        [(2, 4), (3, 4), (4, 1), (5, 6), (6, 1), (7, 8), (8, 4)],
    )
    m = ova.from_ova(doc)
    assert _structure(m) == {
        "statements": {
            "1": ("claim", "We should go"),
            "2": ("premise", "It is sunny"),
            "3": ("premise", "We have time"),
            "5": ("counterpoint", "It will rain later"),
            "7": ("counterpoint", "The forecast is for another town"),
        },
        "inferences": {
            "4": ("support", ("2", "3"), "1"),
            "6": ("attack", ("5",), "1"),
            "8": ("undercut", ("7",), "4"),
        },
    }
    assert m.title == "T"
    assert m.statement("2").metadata == {"ova": {"x": 20, "y": 40}}
    assert m.inference("4").metadata == {
        "ova": {"x": 40, "y": 80, "scheme": 0, "descriptors": {}, "text": "Default Inference",
                "edges": [{"from": 2, "to": 4, "visible": True},
                          {"from": 3, "to": 4, "visible": True},
                          {"from": 4, "to": 1, "visible": True}]}
    }  # fmt: skip
    assert m.metadata == {
        "ova": {"document": {"participants": [], "analysis": {"txt": "", "annotatorName": "A"}}}
    }


def test_ma_nodes_are_rephrases_and_l_and_ya_nodes_are_kept_verbatim() -> None:
    doc = _doc(
        [
            _node(1, "I", "A"),
            _node(2, "I", "A, said again"),
            _node(3, "MA", "Default Rephrase"),
            _node(4, "L", "Bob : A", participantID="1"),
            _node(5, "YA", "Asserting"),
        ],
        [(1, 3), (3, 2), (4, 5), (5, 1)],
    )
    doc["edges"][0].pop("visible")  # an edge with nothing but its ends
    m = ova.from_ova(doc)
    [rephrase] = m.inferences
    assert (rephrase.id, rephrase.relation, rephrase.premises, rephrase.target) == (
        "3",
        "rephrase",
        ("1",),
        "2",
    )
    assert rephrase.metadata["ova"]["text"] == "Default Rephrase"  # type: ignore[call-overload,index]
    assert [s.kind for s in m.statements] == ["claim", "claim"]
    kept = m.metadata["ova"]
    assert isinstance(kept, dict)
    assert kept["other_nodes"] == doc["nodes"][3:]
    assert kept["other_edges"] == [
        {"from": 4, "to": 5, "visible": True},
        {"from": 5, "to": 1, "visible": True},
    ]


def test_ids_are_the_ova_ids_as_text_and_odd_ones_are_cleaned_and_kept() -> None:
    doc = _doc(
        [_node(1, "I", "C"), _node(2, "I", "P"), _node(3, "RA", "Default Inference")],
        [(2, 3), (3, 1)],
    )
    doc["nodes"][0]["id"] = "node one"
    doc["edges"][1]["to"] = doc["nodes"][0]
    m = ova.from_ova(doc)
    assert [s.id for s in m.statements] == ["node-one", "2"]
    assert m.statement("node-one").metadata["ova"] == {"id": "node one", "x": 10, "y": 20}
    assert m.inference("3").target == "node-one"


# ------------------------------------------------------------------- the sample files
@pytest.mark.parametrize("path", OVA2_FILES, ids=[p.name for p in OVA2_FILES])
def test_arguebuf_and_argmap_agree_on_the_ova2_samples(path: Path) -> None:
    m = ova.load(path)
    graph = arguebuf.load.file(path)  # arguebuf reads a JSON file with "analysis" as OVA
    doc = json.loads(path.read_text(encoding="utf-8"))
    kept_schemes = [
        n for n in m.metadata.get("ova", {}).get("other_nodes", [])  # type: ignore[union-attr]
        if n["type"] in ("MA", "PA")  # type: ignore[index,call-overload]
    ]  # fmt: skip
    assert len(graph.atom_nodes) == len(m)
    assert len(graph.scheme_nodes) == sum(1 for _ in m.inferences) + len(kept_schemes)
    assert {n.id: n.plain_text for n in graph.atom_nodes.values()} == {
        s.id: s.text for s in m.statements
    }
    texts = {str(n["id"]): n["text"] for n in doc["nodes"] if n["type"] == "I"}
    assert {s.id: s.text for s in m.statements} == texts
    for inf in m.inferences:  # every premise edge of arguebuf's graph is argmap's premise
        premises = {
            e.source.id
            for e in graph.edges.values()
            if e.target.id == inf.id and e.source.id in graph.atom_nodes
        }
        assert premises == set(inf.premises)


def test_the_ova2_sample_keeps_every_field_of_every_node() -> None:
    doc = json.loads((SAMPLES / "old-town-ova2.json").read_text(encoding="utf-8"))
    m = ova.load(SAMPLES / "old-town-ova2.json")
    for node in doc["nodes"]:
        nid = str(node["id"])
        if node["type"] == "I":
            got = {**m.statement(nid).metadata["ova"], "type": "I", "text": m.statement(nid).text}  # type: ignore[dict-item]
        elif node["type"] in ("RA", "CA", "MA"):
            got = dict(m.inference(nid).metadata["ova"], type=node["type"])  # type: ignore[arg-type]
            got.pop("edges", None)
        else:
            kept = m.metadata["ova"]["other_nodes"]  # type: ignore[call-overload,index]
            got = next(n for n in kept if n["id"] == node["id"])
        assert {**got, "id": node["id"]} == node
    assert m.inference("10").metadata["ova"]["text"] == "Argument From Expert Opinion"  # type: ignore[call-overload,index]
    assert m.title == "Cars in the old town"
    document = m.metadata["ova"]["document"]  # type: ignore[call-overload,index]
    assert document["participants"] == doc["participants"]
    assert document["analysis"] == {
        k: v for k, v in doc["analysis"].items() if k != "documentTitle"
    }
    # ... and through argmap JSON: the metadata is the map's own.
    assert am.ArgumentMap.from_json(m.to_json()) == m


def test_the_ova3_sample_reads_as_its_aif_part_with_the_layout_beside_it() -> None:
    doc = json.loads(OVA3_FILE.read_text(encoding="utf-8"))
    m = ova.load(OVA3_FILE)
    assert _structure(m) == _structure(aif.from_aif(doc["AIF"]))
    graph = arguebuf.load.aif(doc["AIF"])
    assert (len(graph.atom_nodes), len(graph.scheme_nodes)) == (len(m), 2)
    assert m.statement("2_abc").metadata == {
        "ova": {"visible": True, "x": 100, "y": 50, "timestamp": ""}
    }
    assert m.inference("3_abc").metadata["ova"] == {  # type: ignore[comparison-overlap]
        "visible": True, "x": 200, "y": 100, "timestamp": "", "schemeID": "72",
        "text": "Default Inference",
        "edges": [{"from": "2_abc", "to": "3_abc", "edgeID": 1, "visible": True},
                  {"from": "3_abc", "to": "1_abc", "edgeID": 2, "visible": True}],
    }  # fmt: skip
    assert m.metadata == {
        "ova": {
            "document": {
                "text": doc["text"],
                "OVA": {"firstname": "C.", "surname": "Analyst", "url": ""},
                "AIF": {
                    "participants": [],
                    "locutions": [],
                    "descriptorfulfillments": [],
                    "cqdescriptorfulfillments": [],
                },
            }
        }
    }


# ------------------------------------------------------------------------------ errors
def _three() -> dict[str, Any]:
    return _doc(
        [_node(1, "I", "C"), _node(2, "I", "P"), _node(3, "RA", "Default Inference")],
        [(2, 3), (3, 1)],
    )


def _mutated(change: str) -> dict[str, Any]:
    doc = _three()
    nodes, edges = doc["nodes"], doc["edges"]
    if change == "copy":
        edges[0]["from"] = {**nodes[1], "type": "L"}
    elif change == "missing":
        edges[0]["from"] = {"id": 9}
    elif change == "no-premise":
        del edges[0]
    elif change == "two-targets":
        edges.append(_edge(nodes[2], nodes[1]))
    elif change == "i-to-i":
        edges.append(_edge(nodes[1], nodes[0]))
    elif change == "ra-to-ra":
        nodes.append(_node(4, "RA", "Default Inference"))
        edges.append(_edge(nodes[2], nodes[3]))
    elif change == "twice":
        nodes.append(_node(2, "I", "again"))
    elif change == "blank":
        nodes[0]["text"] = " "
    return doc


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("copy", "edges[0] (2 -> 3): its copy of node 2 has type 'L', the node has 'I'"),
        ("missing", "edges[0] (9 -> 3): no node with id 9"),
        ("no-premise", "nodes[2] (id 3): RA node has no premise (no I node points at it)"),
        ("two-targets", "nodes[2] (id 3): RA node must point at exactly one node, found 2"),
        (
            "i-to-i",
            "edges[2] (2 -> 1): an edge between two I nodes (2 -> 1); I nodes connect through "
            "RA or CA nodes",
        ),
        (
            "ra-to-ra",
            "edges[2] (3 -> 4): RA node 3 points at RA node 4; argmap cannot represent an "
            "inference that supports another inference",
        ),
        ("twice", "nodes[3] (id 2): the id is used twice"),
        ("blank", "nodes[0] (id 1): I node text: must not be empty or only whitespace"),
    ],
)
def test_what_cannot_be_read_faithfully_is_a_format_error_naming_the_place(
    change: str, message: str
) -> None:
    with pytest.raises(FormatError) as info:
        ova.from_ova(_mutated(change))
    assert str(info.value) == f"OVA native file: {message}; export AIF from OVA instead"


def test_load_names_the_file_in_errors(tmp_path: Path) -> None:
    bad = tmp_path / "analysis.json"
    bad.write_text(json.dumps(_mutated("i-to-i")), encoding="utf-8")
    with pytest.raises(FormatError) as info:
        ova.load(bad)
    assert str(info.value).startswith(f"{bad}: OVA native file: edges[2] (2 -> 1): an edge")
    bad.write_text('{"nodes": [{"id": 1}], "edges": []}', encoding="utf-8")
    with pytest.raises(FormatError) as info:
        ova.load(bad)
    assert str(info.value) == (
        f"{bad}: not a valid OVA native JSON file: nodes.0.type: Field required"
    )
    bad.write_text("[]", encoding="utf-8")
    with pytest.raises(FormatError, match="not a valid OVA native JSON file"):
        ova.load(bad)
    with pytest.raises(FormatError, match="cannot read"):
        ova.load(tmp_path / "missing.json")


# ------------------------------------------------------------------------------ sniff
def test_sniff_tells_ova_from_aif_sadface_and_argmap_json() -> None:
    for path in [*OVA2_FILES, OVA3_FILE]:
        content = Content(path.read_text(encoding="utf-8"))
        assert ova.sniff(content) is not None
        assert sadface.sniff(content) is None  # the SADFace sniffer says "not mine"
    assert ova.sniff(Content(OVA3_FILE.read_text())) == 'is an OVA3 save ("AIF" and "OVA" keys)'
    no_analysis = _three()
    del no_analysis["analysis"]
    assert ova.sniff(Content(json.dumps(no_analysis))) == "has OVA nodes with x/y coordinates"
    others = [
        (DATA / "aif" / "6064-original.json").read_text(encoding="utf-8"),
        (DATA / "sadface" / "cycle-lanes.json").read_text(encoding="utf-8"),
        am.ArgumentMap("x").to_json(),
        "not json",
    ]
    for text in others:
        assert ova.sniff(Content(text)) is None


def test_format_spec_reads_only() -> None:
    spec = ova.FORMAT
    assert (spec.name, spec.json, spec.reads, spec.writes, spec.suffixes) == (
        "ova",
        True,
        True,
        False,
        (),
    )
    assert spec.loads is not None
    assert spec.loads(json.dumps(_three())) == ova.from_ova(_three())


@settings(max_examples=150, deadline=None)
@given(
    path=st.sampled_from([*OVA2_FILES, OVA3_FILE]),
    where=st.lists(st.integers(0, 20), min_size=1, max_size=5),
    value=json_values,
    delete=st.booleans(),
)
def test_an_edited_file_is_read_or_refused_with_an_argmap_error(
    path: Path, where: list[int], value: Any, delete: bool
) -> None:
    doc = mutate(json.loads(path.read_text(encoding="utf-8")), where, value, delete)
    try:
        m = ova.loads(json.dumps(doc))
    except (ArgmapError, ValidationError):
        return
    assert am.ArgumentMap.from_json(m.to_json()) == m
