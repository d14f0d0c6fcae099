"""AIF reading straight from parsed JSON (``NodeSet.parse``) reads every document as
the pydantic-model path does: the same map, the same warnings, the same errors."""

from __future__ import annotations

import json
import math
import warnings
from typing import Any

import pytest
from pydantic import ValidationError

import argmap as am
from argmap.errors import ArgmapError
from argmap.formats import aif, xaif
from argmap.formats._aifcore import AifDocument, NodeSet


def _doc(**top: Any) -> dict[str, Any]:
    """A small nodeset using most of what AIF has: an RA with two premises, a CA, an
    undercut, an MA, a PA, an L node, a node of unknown type, extras, int ids."""
    return {
        "nodes": [
            {"nodeID": "c", "text": "Take an umbrella", "type": "I", "timestamp": "2020-01-01"},
            {"nodeID": 2, "text": "It rains", "type": "I"},
            {"nodeID": "p2", "text": "Rain is wet", "type": "I", "argmap": {"kind": "premise"}},
            {"nodeID": "o", "type": "I"},  # no text
            {"nodeID": "u", "text": "   ", "type": "I"},
            {"nodeID": "r", "text": "Default Inference", "type": "RA", "scheme": {"a": [1, 2.5]}},
            {"nodeID": "a", "text": "Conflict from expert", "type": "CA"},
            {"nodeID": "x", "text": "Default Conflict", "type": "CA"},
            {"nodeID": "m", "text": "Default Rephrase", "type": "MA"},
            {"nodeID": "pa", "text": "Default Preference", "type": "PA"},
            {"nodeID": "l", "text": "Bob: it rains", "type": "L"},
            {"nodeID": "q", "text": "?", "type": "QQ"},
            {"nodeID": "bad id", "text": "A cleaned id", "type": "I"},
        ],
        "edges": [
            {"edgeID": "2_r", "fromID": 2, "toID": "r"},
            {"edgeID": 7, "fromID": "p2", "toID": "r", "weight": 1},
            {"fromID": "r", "toID": "c"},
            {"edgeID": "o_a", "fromID": "o", "toID": "a"},
            {"edgeID": "a_c", "fromID": "a", "toID": "c"},
            {"edgeID": "u_x", "fromID": "u", "toID": "x"},
            {"edgeID": "x_r", "fromID": "x", "toID": "r"},
            {"edgeID": "bad id_m", "fromID": "bad id", "toID": "m"},
            {"edgeID": "m_c", "fromID": "m", "toID": "c"},
            {"edgeID": "l_pa", "fromID": "l", "toID": "pa"},
            {"edgeID": "ii", "fromID": 2, "toID": "c"},
        ],
        **top,
    }


def _read(read: Any, data: Any, **options: Any) -> tuple[str, str, list[str]]:
    """What reading gives: the map as argmap JSON and as AIF, and the warnings; or the
    error's type and message."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            m = read(data, **options)
        except (ArgmapError, ValidationError) as err:
            return type(err).__name__, str(err), [str(w.message) for w in caught]
    return m.to_json(), am.dumps(m, "aif"), [str(w.message) for w in caught]


def _both_ways(data: dict[str, Any], **options: Any) -> tuple[Any, Any]:
    """(reading the dict as it is, reading it through AifDocument's validation)."""
    plain = _read(aif.from_aif, data, **options)
    try:
        doc = AifDocument.model_validate(data)
    except ValidationError as err:
        return plain, ("ValidationError", str(err), [])
    return plain, _read(aif.from_aif, doc, **options)


CHANGES = {
    "as is": lambda d: None,
    "argmap keys": lambda d: d.update(argmap={"title": "T", "metadata": {"k": [1]}}),
    "locutions kept": lambda d: d.update(locutions=[{"nodeID": "l"}], other={"x": None}),
    "RA on RA": lambda d: d["edges"].append({"edgeID": "rr", "fromID": "r", "toID": "x"}),
    "lonely RA": lambda d: d["nodes"].append({"nodeID": "z", "type": "RA", "text": "t"}),
    "repeated nodeID": lambda d: d["nodes"].append({"nodeID": "c", "type": "I", "text": "t"}),
    "missing node": lambda d: d["edges"].insert(2, {"edgeID": "e", "fromID": "c", "toID": "?"}),
    "bad kind": lambda d: d["nodes"][2].update(argmap={"kind": "conclusion"}),
    "long id": lambda d: d["nodes"][1].update(nodeID="n" * 201),
}


@pytest.mark.parametrize("strict", [False, True])
@pytest.mark.parametrize("change", sorted(CHANGES))
def test_plain_json_reads_as_the_model_does(change: str, strict: bool) -> None:
    data = _doc()
    CHANGES[change](data)
    assert NodeSet.parse(data) is not None  # the plain path is the one under test
    plain, model = _both_ways(data, strict=strict)
    assert plain == model
    text = json.dumps(data)
    assert _read(aif.loads, text, strict=strict) == plain
    xaif_text = json.dumps({"AIF": data, "text": "It rains"})
    assert _read(xaif.loads, xaif_text, strict=strict) == _read(
        xaif.from_xaif, xaif.XaifDocument.model_validate_json(xaif_text), strict=strict
    )


NOT_PLAIN = {
    "float nodeID": lambda d: d["nodes"][1].update(nodeID=2.0),  # pydantic makes it 2
    "bool nodeID": lambda d: d["nodes"][1].update(nodeID=True),
    "int text": lambda d: d["nodes"][0].update(text=5),
    "int type": lambda d: d["nodes"][0].update(type=1),
    "tuple extra": lambda d: d["nodes"][0].update(tags=("a", "b")),  # dumped as a list
    "NaN extra": lambda d: d["nodes"][0].update(score=math.nan),  # dumped as null
    "edge as list": lambda d: d["edges"].append(["c", "r"]),
    "nodes as dict": lambda d: d.update(nodes={}),
    "no fromID": lambda d: d["edges"][0].pop("fromID"),
}


@pytest.mark.parametrize("change", sorted(NOT_PLAIN))
def test_what_is_not_plain_json_goes_through_the_model(change: str) -> None:
    data = _doc()
    NOT_PLAIN[change](data)
    assert NodeSet.parse(data) is None
    plain, model = _both_ways(data)
    assert plain == model


def test_a_float_nodeid_is_read_as_the_model_converts_it() -> None:
    data = _doc()
    NOT_PLAIN["float nodeID"](data)
    with pytest.warns(aif.AifWarning):
        m = aif.from_aif(data)
    assert m.statement("2").text == "It rains"


def test_nan_in_an_extra_field_is_kept_as_null_either_way() -> None:
    text = '{"nodes": [{"nodeID": "a", "type": "PA", "w": NaN}], "edges": []}'
    m = aif.loads(text)
    assert m.metadata["aif"] == {
        "other_nodes": [{"nodeID": "a", "type": "PA", "text": None, "w": None}]
    }


def test_broken_json_gets_pydantics_message() -> None:
    with pytest.raises(ValidationError, match="Invalid JSON"):
        aif.loads('{"nodes": [}')
