"""AIF JSON: reading I/RA/CA structure, keeping everything else, round trips both ways."""

from __future__ import annotations

import json
import sys
import warnings
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import argmap as am
from argmap.errors import ArgmapError, FormatError
from argmap.formats import aif

from conftest import DATA, ROOT

AIF_DIR = DATA / "aif"
AIF_FILES = sorted(AIF_DIR.glob("6064-*.json"))
REFERENCE = json.loads((AIF_DIR / "REFERENCE.json").read_text(encoding="utf-8"))["files"]


def _node(nid: str | int, type_: str, text: str | None = None, **extra: Any) -> dict[str, Any]:
    node: dict[str, Any] = {"nodeID": nid, "type": type_, **extra}
    if text is not None:
        node["text"] = text
    return node


def _edge(eid: str, src: str | int, dst: str | int) -> dict[str, Any]:
    return {"edgeID": eid, "fromID": src, "toID": dst}


def _canonical(items: list[dict[str, Any]]) -> list[str]:
    return sorted(json.dumps(x, sort_keys=True) for x in items)


# ---------------------------------------------------------------- small exact documents
def test_linked_premises_become_one_support_with_two_premises() -> None:
    doc = {
        "nodes": [
            _node("1", "I", "Sugar harms health"),
            _node("2", "I", "Taxes reduce consumption"),
            _node("3", "I", "Tax sugar"),
            _node("4", "RA", "Default Inference"),
        ],
        "edges": [_edge("a", "1", "4"), _edge("b", "2", "4"), _edge("c", "4", "3")],
    }
    m = aif.from_aif(doc)
    [inf] = m.inferences
    assert (inf.id, inf.relation, inf.premises, inf.target, inf.linked) == (
        "4",
        "support",
        ("1", "2"),
        "3",
        True,
    )
    assert [(s.id, s.kind) for s in m.statements] == [
        ("1", "premise"),
        ("2", "premise"),
        ("3", "claim"),
    ]


def test_convergent_premises_are_separate_ra_nodes() -> None:
    doc = {
        "nodes": [
            _node("c", "I", "C"),
            _node("p", "I", "P"),
            _node("q", "I", "Q"),
            _node("r1", "RA", "Default Inference"),
            _node("r2", "RA", "Default Inference"),
        ],
        "edges": [
            _edge("1", "p", "r1"),
            _edge("2", "r1", "c"),
            _edge("3", "q", "r2"),
            _edge("4", "r2", "c"),
        ],
    }
    m = aif.from_aif(doc)
    assert [(i.premises, i.target, i.linked) for i in m.inferences] == [
        (("p",), "c", False),
        (("q",), "c", False),
    ]


def test_ca_on_an_i_node_is_an_attack_and_on_an_ra_node_an_undercut() -> None:
    doc = {
        "nodes": [
            _node("c", "I", "We should go"),
            _node("p", "I", "It is sunny"),
            _node("k", "I", "It will rain later"),
            _node("u", "I", "The forecast is for another town"),
            _node("ra", "RA", "Default Inference"),
            _node("ca1", "CA", "Default Conflict"),
            _node("ca2", "CA", "Default Conflict"),
        ],
        "edges": [
            _edge("1", "p", "ra"),
            _edge("2", "ra", "c"),
            _edge("3", "k", "ca1"),
            _edge("4", "ca1", "c"),
            _edge("5", "u", "ca2"),
            _edge("6", "ca2", "ra"),
        ],
    }
    m = aif.from_aif(doc)
    rel = {i.id: (i.relation, i.premises, i.target) for i in m.inferences}
    assert rel == {
        "ra": ("support", ("p",), "c"),
        "ca1": ("attack", ("k",), "c"),
        "ca2": ("undercut", ("u",), "ra"),
    }
    assert m.statement("k").kind == "counterpoint"
    assert m.statement("u").kind == "counterpoint"
    back = aif.to_aif(m)
    assert _canonical(back["nodes"]) == _canonical(doc["nodes"])
    assert _canonical(back["edges"]) == _canonical(doc["edges"])


def test_an_ma_node_is_a_rephrase_and_goes_back_as_it_was() -> None:
    doc = {
        "nodes": [
            _node("1", "I", "A"),
            _node("2", "I", "A, said again"),
            _node("m", "MA", "Default Rephrase", timestamp="2020-01-01 00:00:00"),
        ],
        "edges": [_edge("e1", "1", "m"), _edge("e2", "m", "2")],
    }
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        m = aif.from_aif(doc)
    [inf] = m.inferences
    assert (inf.id, inf.relation, inf.premises, inf.target) == ("m", "rephrase", ("1",), "2")
    assert [s.kind for s in m.statements] == ["claim", "claim"]
    assert [s.id for s in m.main_conclusions()] == ["2"]
    back = aif.to_aif(m)
    assert back["locutions"] == []
    assert _canonical(back["nodes"]) == _canonical(doc["nodes"])
    assert _canonical(back["edges"]) == _canonical(doc["edges"])


def test_a_rephrase_built_in_python_is_written_as_an_ma_node() -> None:
    m = am.ArgumentMap()
    c = m.claim("Tax sugar", id="c")
    m.premise("Sugar harms", id="p", supports=c)
    m.rephrase(m.claim("Sugar should be taxed", id="again"), c)
    doc = aif.to_aif(m)
    assert doc == {
        "nodes": [
            {"nodeID": "c", "text": "Tax sugar", "type": "I"},
            {"nodeID": "p", "text": "Sugar harms", "type": "I"},
            {"nodeID": "again", "text": "Sugar should be taxed", "type": "I"},
            {"nodeID": "p-supports-c", "text": "Default Inference", "type": "RA"},
            {"nodeID": "again-rephrases-c", "text": "Default Rephrase", "type": "MA"},
        ],
        "edges": [
            {"edgeID": "p_p-supports-c", "fromID": "p", "toID": "p-supports-c"},
            {"edgeID": "p-supports-c_c", "fromID": "p-supports-c", "toID": "c"},
            {"edgeID": "again_again-rephrases-c", "fromID": "again", "toID": "again-rephrases-c"},
            {"edgeID": "again-rephrases-c_c", "fromID": "again-rephrases-c", "toID": "c"},
        ],
        "locutions": [],
    }
    assert aif.loads(aif.dumps(m)) == m
    assert am.ArgumentMap.from_json(aif.loads(aif.dumps(m)).to_json()) == m


def test_a_map_built_in_python_gets_an_empty_locutions_list() -> None:
    m = am.ArgumentMap()
    m.claim("Alone", id="c")
    assert json.loads(aif.dumps(m)) == {
        "nodes": [{"nodeID": "c", "text": "Alone", "type": "I"}],
        "edges": [],
        "locutions": [],
    }
    assert aif.loads(aif.dumps(m)).metadata == {}  # the empty list is not kept


def test_node_ids_outside_the_id_pattern_are_cleaned_and_the_original_is_kept() -> None:
    doc = {
        "nodes": [
            _node("claim one", "I", "C"),
            _node(7, "I", "P"),
            _node("#ra", "RA", "Default Inference"),
        ],
        "edges": [_edge("a", 7, "#ra"), _edge("b", "#ra", "claim one")],
    }
    m = aif.from_aif(doc)
    assert [s.id for s in m.statements] == ["claim-one", "7"]
    assert m.statement("claim-one").metadata == {"aif": {"nodeID": "claim one"}}
    assert m.statement("7").metadata == {"aif": {"nodeID": 7}}  # an int stays an int
    assert m.inference("ra").premises == ("7",)
    back = aif.to_aif(m)
    assert _canonical(back["nodes"]) == _canonical(doc["nodes"])
    assert _canonical(back["edges"]) == _canonical(doc["edges"])


def test_a_native_map_survives_aif_and_back() -> None:
    sys.path.insert(0, str(ROOT / "examples"))
    try:
        from nato_ammunition import build_map
    finally:
        sys.path.remove(str(ROOT / "examples"))
    m = build_map()
    text = aif.dumps(m)
    assert aif.loads(text) == m
    assert aif.dumps(aif.loads(text)) == text  # deterministic
    types = Counter(n["type"] for n in json.loads(text)["nodes"])
    n_inf = sum(1 for _ in m.inferences)
    n_ra = sum(1 for i in m.inferences if i.relation == "support")
    assert types == Counter({"I": len(m), "RA": n_ra, "CA": n_inf - n_ra})


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        (
            {"nodes": [_node("1", "I", "A")], "edges": [_edge("e", "1", "9")]},
            "edges[0] (edgeID 'e'): no node with nodeID '9'",
        ),
        (
            {"nodes": [_node("1", "I", "A"), _node("r", "RA")], "edges": [_edge("e", "1", "r")]},
            "nodes[1] (nodeID 'r'): RA node must point at exactly one node, found 0",
        ),
        (
            {"nodes": [_node("1", "I", "A"), _node("r", "RA")], "edges": [_edge("e", "r", "1")]},
            "nodes[1] (nodeID 'r'): RA node has no premise",
        ),
        (
            {
                "nodes": [_node("1", "I", "A"), _node("r", "RA"), _node("s", "RA")],
                "edges": [_edge("e", "1", "r"), _edge("f", "r", "s")],
            },
            "argmap cannot represent an inference that supports another inference",
        ),
        (
            {"nodes": [_node("1", "I", "A"), _node("1", "I", "B")], "edges": []},
            "nodes[1] (nodeID '1'): nodeID is used twice",
        ),
        (
            {
                "nodes": [_node("1", "I", "A"), _node("2", "I", "B")],
                "edges": [_edge("e", "1", "2")],
            },
            "an edge between two I-nodes",
        ),
    ],
)
def test_strict_reading_refuses_what_argmap_cannot_represent_naming_the_node(
    doc: dict[str, Any], message: str
) -> None:
    with pytest.raises(ArgmapError) as info:
        aif.from_aif(doc, strict=True)
    assert message in str(info.value)
    with pytest.raises(ArgmapError) as info:
        aif.loads(json.dumps(doc), strict=True)
    assert message in str(info.value)


def test_load_names_the_file_in_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"nodes": [], "edges": [{"fromID": 1}]}', encoding="utf-8")
    with pytest.raises(FormatError, match=r"bad\.json: not a valid AIF JSON file: edges\.0\.toID"):
        aif.load(bad)
    with pytest.raises(FormatError, match="cannot read"):
        aif.load(tmp_path / "missing.json")


# ----------------------------------------------------------------------- real corpus
@pytest.mark.parametrize("path", AIF_FILES, ids=[p.name for p in AIF_FILES])
def test_corpus_counts_match_the_reference(path: Path) -> None:
    m = aif.load(path)
    ref = REFERENCE[path.name]
    types = ref["nodes_by_type"]
    assert len(m) == types["I"] == ref["arguebuf"]["atom_nodes"]
    relations = Counter(i.relation for i in m.inferences)
    assert relations["support"] == types.get("RA", 0)
    assert relations["attack"] + relations["undercut"] == types.get("CA", 0)
    assert relations["rephrase"] == types.get("MA", 0)


@pytest.mark.parametrize("path", AIF_FILES, ids=[p.name for p in AIF_FILES])
def test_corpus_dump_of_load_gives_back_the_same_nodes_edges_and_locutions(path: Path) -> None:
    original = json.loads(path.read_text(encoding="utf-8"))
    m = aif.load(path)
    back = json.loads(aif.dumps(m))
    assert _canonical(back["nodes"]) == _canonical(original["nodes"])
    assert _canonical(back["edges"]) == _canonical(original["edges"])
    assert back["locutions"] == original["locutions"]
    assert set(back) == set(original)
    # ... and through argmap JSON too: nothing is lost in the map's own format.
    again = json.loads(aif.dumps(am.ArgumentMap.from_json(m.to_json())))
    assert again == back


def test_corpus_statement_texts_and_inference_structure_are_the_files() -> None:
    original = json.loads((AIF_DIR / "6064-reconstructed.json").read_text(encoding="utf-8"))
    m = aif.load(AIF_DIR / "6064-reconstructed.json")
    texts = {n["nodeID"]: n["text"] for n in original["nodes"] if n["type"] == "I"}
    assert {s.id: s.text for s in m.statements} == texts
    ra = {n["nodeID"] for n in original["nodes"] if n["type"] in ("RA", "MA")}
    expected = {
        r: (
            tuple(e["fromID"] for e in original["edges"] if e["toID"] == r),
            next(e["toID"] for e in original["edges"] if e["fromID"] == r),
        )
        for r in ra
    }
    assert {i.id: (i.premises, i.target) for i in m.inferences} == expected


# ------------------------------------------------------------- I-nodes without text
@pytest.mark.parametrize("text", ["", "   ", None], ids=["empty", "blank", "missing"])
def test_an_i_node_without_text_loads_with_a_warning_and_dumps_back_as_it_was(
    text: str | None,
) -> None:
    doc = json.loads((AIF_DIR / "6064-original.json").read_text(encoding="utf-8"))
    inode = next(n for n in doc["nodes"] if n["type"] == "I")
    nid = inode["nodeID"]
    if text is None:
        del inode["text"]
    else:
        inode["text"] = text
    with pytest.warns(aif.AifWarning) as caught:
        m = aif.loads(json.dumps(doc))
    [warning] = caught
    assert str(warning.message) == (
        f"nodes[0] (nodeID {nid!r}): I-node has no text; loaded as the statement {nid!r} "
        f"with the text '(AIF I-node {nid} has no text)' (dump writes the node back as it was)"
    )
    assert m.statement(nid).text == f"(AIF I-node {nid} has no text)"
    assert len(list(m.statements)) == REFERENCE["6064-original.json"]["nodes_by_type"]["I"]
    back = json.loads(aif.dumps(m))
    assert _canonical(back["nodes"]) == _canonical(doc["nodes"])
    assert _canonical(back["edges"]) == _canonical(doc["edges"])
    # through argmap JSON too: the empty text rides in the statement's metadata
    again = aif.to_aif(am.ArgumentMap.from_json(m.to_json()))
    assert _canonical(again["nodes"]) == _canonical(doc["nodes"])


def test_a_text_given_after_loading_an_empty_i_node_is_written() -> None:
    doc = {
        "nodes": [_node("1", "I", ""), _node("2", "I", "B"), _node("3", "RA", "Default Inference")],
        "edges": [_edge("1_3", "1", "3"), _edge("3_2", "3", "2")],
    }
    with pytest.warns(aif.AifWarning, match=r"nodes\[0\] \(nodeID '1'\): I-node has no text"):
        m = aif.from_aif(doc)
    assert aif.to_aif(m)["nodes"][0] == {"nodeID": "1", "text": "", "type": "I"}
    m.update("1", text="A")
    assert aif.to_aif(m)["nodes"][0] == {"nodeID": "1", "text": "A", "type": "I"}


def test_cli_reads_an_aif_file_with_an_empty_i_node_and_says_so(tmp_path: Path) -> None:
    import subprocess

    doc = {
        "nodes": [_node("1", "I", ""), _node("2", "I", "B"), _node("3", "RA", "Default Inference")],
        "edges": [_edge("1_3", "1", "3"), _edge("3_2", "3", "2")],
    }
    (tmp_path / "in.json").write_text(json.dumps(doc), encoding="utf-8")
    argmap = Path(sys.executable).parent / "argmap"
    result = subprocess.run(
        [str(argmap), "convert", "in.json", "out.aif.json"],
        cwd=tmp_path,
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.decode().splitlines() == [
        "argmap: warning: in.json: nodes[0] (nodeID '1'): I-node has no text; loaded as the "
        "statement '1' with the text '(AIF I-node 1 has no text)' (dump writes the node back "
        "as it was)"
    ]
    written = json.loads((tmp_path / "out.aif.json").read_text(encoding="utf-8"))
    assert _canonical(written["nodes"]) == _canonical(doc["nodes"])


def test_a_map_whose_graph_was_broken_is_refused_before_writing_aif() -> None:
    m = am.ArgumentMap()
    c = m.claim("Take an umbrella", id="c")
    m.premise("It rains", id="p", supports=c)
    m.graph.remove_node("p")
    with pytest.raises(am.ArgmapError, match="inference 'p-supports-c': its premise 'p'"):
        aif.dumps(m)


def test_cli_check_counts_what_reading_warned_about(tmp_path: Path) -> None:
    import subprocess

    doc = {
        "nodes": [_node("1", "I", ""), _node("2", "I", "B"), _node("3", "RA", "Default Inference")],
        "edges": [_edge("1_3", "1", "3"), _edge("3_2", "3", "2")],
    }
    (tmp_path / "in.json").write_text(json.dumps(doc), encoding="utf-8")
    argmap = str(Path(sys.executable).parent / "argmap")
    plain = subprocess.run(
        [argmap, "check", "in.json"], cwd=tmp_path, capture_output=True, check=False
    )
    assert plain.returncode == 0 and plain.stderr == b""
    lines = plain.stdout.decode().splitlines()
    assert lines[0].startswith("in.json: warning: read: nodes[0] (nodeID '1'): I-node has no")
    assert lines[-1] == "1 map checked: 1 ok, 0 failed, 0 errors, 1 warnings"
    as_json = subprocess.run(
        [argmap, "check", "in.json", "--json", "--strict"],
        cwd=tmp_path,
        capture_output=True,
        check=False,
    )
    report = json.loads(as_json.stdout)
    assert as_json.returncode == 1 and report["ok"] is False
    assert [(w["code"], w["nodes"]) for w in report["warnings"]] == [("read", [])]


@pytest.mark.parametrize("indent", [2, None])
def test_aif_text_is_the_json_module_text_of_the_document(indent: int | None) -> None:
    """The text is json.dumps' for the document, floats spelled as Python spells them
    (2.5e-05, not 0.000025), with or without floats in the metadata."""
    m = am.ArgumentMap("Zucker \u00e9 \u2028 \U0001f600", metadata={"ratio": [2.5e-05, 1e-07]})
    c = m.claim('Tax "sugar"\n\ttoday \x7f', id="c", metadata={"w": 1e16, "x": 0.1})
    m.premise("It harms health", id="p", supports=c)
    plain = am.ArgumentMap()
    plain.premise("It rains \u00e9", id="p", supports=plain.claim("Umbrella", id="c"))
    separators = (",", ":") if indent is None else (",", ": ")
    for each in (m, plain):
        expected = json.dumps(
            aif.to_aif(each), indent=indent, ensure_ascii=False, separators=separators
        )
        assert aif.dumps(each, indent=indent) == expected + "\n"
    assert "2.5e-05" in aif.dumps(m) and "1e-07" in aif.dumps(m)
