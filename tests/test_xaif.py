"""xAIF: the AIF part read as AIF is, what sits beside it kept, round trips, arguebuf."""

from __future__ import annotations

import json
import warnings
from collections import Counter
from pathlib import Path
from typing import Any

import arguebuf
import pytest
from hypothesis import given, settings
from pydantic import ValidationError
from test_aif_crosscheck import _nato, _with_rephrases, maps

import argmap as am
from argmap.errors import ArgmapError, FormatError
from argmap.formats import _aifcore, aif, xaif
from argmap.formats._spec import Content

from conftest import DATA

SAMPLE = DATA / "xaif" / "pipeline-sample.xaif.json"
_KEPT = "; kept as it is in metadata['aif'] (dump writes it back)"


def _canonical(items: list[dict[str, Any]]) -> list[str]:
    return sorted(json.dumps(x, sort_keys=True) for x in items)


def _load_sample() -> am.ArgumentMap:
    with pytest.warns(aif.AifWarning) as caught:
        m = xaif.load(SAMPLE)
    assert [str(w.message) for w in caught] == [
        "AIF.nodes[12] (nodeID '12'): RA node has no premise (no I-node points at it)" + _KEPT
    ]
    return m


def test_the_sample_reads_as_statements_supports_attacks_and_rephrases() -> None:
    m = _load_sample()
    assert [(s.id, s.kind) for s in m.statements] == [
        ("3", "claim"),
        ("4", "premise"),
        ("7", "counterpoint"),
        ("14", "claim"),
    ]
    assert [(i.id, i.relation, i.premises, i.target) for i in m.inferences] == [
        ("9", "support", ("4",), "3"),
        ("10", "attack", ("7",), "3"),
        ("13", "rephrase", ("14",), "7"),
    ]
    assert [s.id for s in m.main_conclusions()] == ["3"]
    beside = m.metadata["xaif"]
    assert isinstance(beside, dict)
    assert sorted(beside) == ["dialog", "ova", "text"]
    assert beside["dialog"] is True


def test_the_sample_round_trips() -> None:
    original = json.loads(SAMPLE.read_text(encoding="utf-8"))
    m = _load_sample()
    back = xaif.to_xaif(m)
    assert set(back) == set(original)
    for key in ("nodes", "edges"):
        assert _canonical(back["AIF"][key]) == _canonical(original["AIF"][key])
    assert {k: v for k, v in back["AIF"].items() if k not in ("nodes", "edges")} == {
        k: v for k, v in original["AIF"].items() if k not in ("nodes", "edges")
    }
    assert {k: back[k] for k in ("text", "dialog", "ova")} == {
        k: original[k] for k in ("text", "dialog", "ova")
    }
    # ... through argmap JSON too, and deterministic
    again = am.ArgumentMap.from_json(m.to_json())
    assert xaif.dumps(again) == xaif.dumps(m)


def test_xaif_and_aif_write_the_same_nodes_and_edges() -> None:
    m = _load_sample()
    as_aif = aif.to_aif(m)
    as_xaif = xaif.to_xaif(m)["AIF"]
    assert as_aif["nodes"] == as_xaif["nodes"] and as_aif["edges"] == as_xaif["edges"]
    # AIF keeps what xAIF had beside "AIF" (under "argmap"), so xAIF comes back whole
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", aif.AifWarning)
        via_aif = aif.loads(aif.dumps(m))
    assert xaif.dumps(via_aif) == xaif.dumps(m)


def test_strict_reading_refuses_the_odd_node() -> None:
    with pytest.raises(FormatError) as info:
        xaif.load(SAMPLE, strict=True)
    assert str(info.value) == (
        f"{SAMPLE}: AIF.nodes[12] (nodeID '12'): RA node has no premise (no I-node points at it)"
    )


def test_a_map_built_in_python_writes_the_documented_shape() -> None:
    m = am.ArgumentMap()
    c = m.claim("Open on Sundays", id="c")
    m.premise("Students need somewhere to work", id="p", supports=c)
    m.add_source("Open on Sundays. Students need somewhere to work.", id="speech")
    doc = json.loads(xaif.dumps(m))
    assert list(doc) == ["AIF", "text"]
    assert list(doc["AIF"]) == [
        "nodes",
        "edges",
        "locutions",
        "participants",
        "schemefulfillments",
        "descriptorfulfillments",
        "argmap",
    ]
    assert doc["text"] == "Open on Sundays. Students need somewhere to work."
    back = xaif.loads(xaif.dumps(m))
    assert back == m
    assert back.metadata == {}  # the defaults are not kept


def test_errors_name_the_place_inside_aif(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xaif.json"
    bad.write_text('{"AIF": {"nodes": [], "edges": [{"fromID": 1}]}}', encoding="utf-8")
    with pytest.raises(
        FormatError, match=r"bad\.xaif\.json: not a valid xAIF JSON file: AIF\.edges"
    ):
        xaif.load(bad)
    dangling = {"AIF": {"nodes": [], "edges": [{"edgeID": 3, "fromID": 1, "toID": 2}]}}
    with pytest.raises(
        ArgmapError, match=r"^AIF\.edges\[0\] \(edgeID 3\): no node with nodeID '1'"
    ):
        xaif.from_xaif(dangling)
    with pytest.raises(ValidationError, match="AIF\n  Field required"):
        xaif.loads('{"nodes": [], "edges": []}')


@settings(max_examples=30, deadline=None)
@given(m=maps())
def test_xaif_round_trip_property(m: am.ArgumentMap) -> None:
    text = xaif.dumps(m)
    back = xaif.loads(text)
    assert back == m
    assert xaif.dumps(back) == text


# ------------------------------------------------------------------------- arguebuf
_SCHEME = {"support": "Support", "attack": "Attack", "undercut": "Attack", "rephrase": "Rephrase"}


@pytest.mark.parametrize(
    "make", [_nato, _with_rephrases, _load_sample], ids=["nato", "rephrases", "sample"]
)
def test_arguebuf_reads_argmaps_xaif_with_the_same_atoms_and_schemes(make: Any) -> None:
    m = make()
    graph = arguebuf.load.xaif(json.loads(xaif.dumps(m)))
    assert len(graph.atom_nodes) == len(m)
    schemes = Counter(type(n.scheme).__name__ for n in graph.scheme_nodes.values())
    kept = Counter(
        n["type"]
        for n in m.metadata.get("aif", {}).get("other_nodes", [])  # type: ignore[union-attr]
        if n["type"] in ("RA", "CA", "MA")  # type: ignore[index]
    )
    expected = Counter(_SCHEME[i.relation] for i in m.inferences)
    # arguebuf reads the scheme nodes argmap keeps verbatim as schemes too
    expected.update({"Support": kept["RA"], "Attack": kept["CA"], "Rephrase": kept["MA"]})
    assert schemes == +expected


def test_argmap_reads_arguebufs_xaif() -> None:
    m = _with_rephrases()
    graph = arguebuf.load.xaif(json.loads(xaif.dumps(m)))
    back = xaif.from_xaif(arguebuf.dump.xaif(graph))
    assert {s.text for s in back.statements} == {s.text for s in m.statements}
    assert Counter(i.relation for i in back.inferences) == Counter(i.relation for i in m.inferences)


# ---------------------------------------------------------------------------- specs
def test_sniffers_tell_aif_from_xaif() -> None:
    aif_text = aif.dumps(_with_rephrases())
    xaif_text = xaif.dumps(_with_rephrases())
    assert aif.sniff(Content(aif_text)) == 'has "nodes" (with "nodeID"s) and "edges" lists'
    assert aif.sniff(Content(xaif_text)) is None
    assert xaif.sniff(Content(xaif_text)) == 'has an "AIF" key holding nodes and edges'
    assert xaif.sniff(Content(aif_text)) is None
    for text in ("", "not json", "[1, 2]", '{"nodes": 3}', am.ArgumentMap().to_json()):
        assert aif.sniff(Content(text)) is None
        assert xaif.sniff(Content(text)) is None
    assert (aif.FORMAT.name, aif.FORMAT.suffixes, aif.FORMAT.json) == (
        "aif",
        (".aif.json", ".aif"),
        True,
    )
    assert (xaif.FORMAT.name, xaif.FORMAT.suffixes) == ("xaif", (".xaif.json", ".xaif"))
    m = _with_rephrases()
    for spec in (aif.FORMAT, xaif.FORMAT):
        assert spec.loads is not None and spec.dumps is not None
        assert spec.loads(spec.dumps(m)) == m


def test_aif_and_xaif_share_one_warning_class() -> None:
    # (that formats import neither each other nor rendering is tests/test_registry.py's)
    assert _aifcore.AifWarning is aif.AifWarning is xaif.AifWarning
