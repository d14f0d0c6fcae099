"""SADFace JSON: reading atoms and schemes, keeping the rest, round trips both ways."""

from __future__ import annotations

import contextlib
import json
import sys
from pathlib import Path
from typing import Any

import arguebuf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError
from test_json import ids, kinds, texts

import argmap as am
from argmap.errors import ArgmapError, FormatError
from argmap.formats import sadface
from argmap.formats._spec import Content

from conftest import DATA, ROOT

SAMPLES = DATA / "sadface"
SAMPLE_FILES = sorted(SAMPLES.glob("*.json"))


def _canonical(items: list[dict[str, Any]]) -> list[str]:
    return sorted(json.dumps(x, sort_keys=True) for x in items)


def _atom(nid: str, text: str, **extra: Any) -> dict[str, Any]:
    return {"id": nid, "type": "atom", "text": text, "sources": [], "metadata": {}, **extra}


def _scheme(nid: str, name: str, **extra: Any) -> dict[str, Any]:
    return {"id": nid, "type": "scheme", "name": name, "metadata": {}, **extra}


def _edge(eid: str, src: str, dst: str) -> dict[str, Any]:
    return {"id": eid, "source_id": src, "target_id": dst}


def rich_map() -> am.ArgumentMap:
    m = am.ArgumentMap("Title “quoted”", description="Desc", metadata={"n": 1, "x": [None]})
    c = m.claim("C ünïcödé <b>x</b>", id="c", title="Claim", note="note", tags=["a", "b"])
    p1 = m.premise("P1", id="p1", metadata={"page": 3})
    p2 = m.premise('P2 "quoted" \\ backslash\nnew line', id="p2")
    inf = m.support([p1, p2], c, id="s", note="linked", tags=["t"], metadata={"w": 0.5})
    m.counterpoint("K", id="k", attacks=c)
    m.counterpoint("U", id="u", undercuts=inf)
    m.claim("A claim used as a premise", id="q", supports="k")  # kind differs from structure
    return m


# ---------------------------------------------------------------- small exact documents
def test_exact_sadface_for_a_two_statement_map() -> None:
    m = am.ArgumentMap("Rain")
    c = m.claim("Take an umbrella", id="c")
    m.premise("It rains", id="p", supports=c)
    assert sadface.dumps(m) == (
        "{\n"
        '  "metadata": {\n'
        '    "core": {\n'
        '      "id": "",\n'
        '      "version": "0.2",\n'
        '      "analyst_name": "",\n'
        '      "analyst_email": "",\n'
        '      "created": "",\n'
        '      "edited": "",\n'
        '      "title": "Rain",\n'
        '      "description": "",\n'
        '      "notes": ""\n'
        "    }\n"
        "  },\n"
        '  "resources": [],\n'
        '  "nodes": [\n'
        "    {\n"
        '      "id": "c",\n'
        '      "type": "atom",\n'
        '      "text": "Take an umbrella",\n'
        '      "sources": [],\n'
        '      "metadata": {\n'
        '        "core": {}\n'
        "      }\n"
        "    },\n"
        "    {\n"
        '      "id": "p",\n'
        '      "type": "atom",\n'
        '      "text": "It rains",\n'
        '      "sources": [],\n'
        '      "metadata": {\n'
        '        "core": {}\n'
        "      }\n"
        "    },\n"
        "    {\n"
        '      "id": "p-supports-c",\n'
        '      "type": "scheme",\n'
        '      "name": "support",\n'
        '      "metadata": {\n'
        '        "core": {}\n'
        "      }\n"
        "    }\n"
        "  ],\n"
        '  "edges": [\n'
        "    {\n"
        '      "id": "p->p-supports-c",\n'
        '      "source_id": "p",\n'
        '      "target_id": "p-supports-c"\n'
        "    },\n"
        "    {\n"
        '      "id": "p-supports-c->c",\n'
        '      "source_id": "p-supports-c",\n'
        '      "target_id": "c"\n'
        "    }\n"
        "  ]\n"
        "}\n"
    )


def test_what_sadface_cannot_hold_goes_into_an_argmap_metadata_namespace() -> None:
    doc = sadface.to_sadface(rich_map())
    by_id = {n["id"]: n for n in doc["nodes"]}
    assert by_id["c"]["metadata"] == {
        "core": {},
        "argmap": {"title": "Claim", "note": "note", "tags": ["a", "b"]},
    }
    assert by_id["q"]["metadata"]["argmap"] == {"kind": "claim"}  # differs from structure
    assert "argmap" not in by_id["k"]["metadata"]  # counterpoint, as the structure says
    assert by_id["s"]["metadata"]["argmap"] == {
        "note": "linked",
        "tags": ["t"],
        "metadata": {"w": 0.5},
    }
    assert [by_id[i]["name"] for i in ("s", "k-attacks-c", "u-undercuts-s")] == [
        "support",
        "conflict",
        "conflict",
    ]
    assert doc["metadata"]["argmap"] == {"metadata": {"n": 1, "x": [None]}}
    assert doc["metadata"]["core"]["description"] == "Desc"


def test_linked_convergent_attack_and_undercut_are_read_from_schemes() -> None:
    doc = {
        "nodes": [
            _atom("c", "We should go"),
            _atom("p", "It is sunny"),
            _atom("q", "We have time"),
            _atom("r", "The car is fixed"),
            _atom("k", "It will rain later"),
            _atom("u", "The forecast is for another town"),
            _scheme("s1", "support"),
            _scheme("s2", "Practical Reasoning"),
            _scheme("x1", "Conflict"),
            _scheme("x2", "disagreement"),
        ],
        "edges": [
            _edge("1", "p", "s1"),
            _edge("2", "q", "s1"),
            _edge("3", "s1", "c"),
            _edge("4", "r", "s2"),
            _edge("5", "s2", "c"),
            _edge("6", "k", "x1"),
            _edge("7", "x1", "c"),
            _edge("8", "u", "x2"),
            _edge("9", "x2", "s1"),
        ],
    }
    m = sadface.from_sadface(doc)
    assert {i.id: (i.relation, i.premises, i.target) for i in m.inferences} == {
        "s1": ("support", ("p", "q"), "c"),
        "s2": ("support", ("r",), "c"),
        "x1": ("attack", ("k",), "c"),
        "x2": ("undercut", ("u",), "s1"),
    }
    assert {s.id: s.kind for s in m.statements} == {
        "c": "claim",
        "p": "premise",
        "q": "premise",
        "r": "premise",
        "k": "counterpoint",
        "u": "counterpoint",
    }
    # scheme names other than the default are kept; node metadata {} too (not {"core": {}})
    assert m.inference("s2").metadata == {
        "sadface": {"name": "Practical Reasoning", "metadata": {}, "edges": [
            {"id": "4", "source_id": "r", "target_id": "s2"},
            {"id": "5", "source_id": "s2", "target_id": "c"},
        ]}
    }  # fmt: skip
    back = sadface.to_sadface(m)
    assert _canonical(back["nodes"]) == _canonical(doc["nodes"])
    assert _canonical(back["edges"]) == _canonical(doc["edges"])


def test_rephrase_schemes_are_rephrases_and_unknown_nodes_are_kept_verbatim() -> None:
    doc = {
        "nodes": [
            _atom("a", "A"),
            _atom("b", "A, said again"),
            _scheme("m", "rephrase"),
            {"id": "z", "type": "locution", "text": "Bob: A"},
        ],
        "edges": [_edge("e1", "a", "m"), _edge("e2", "m", "b"), _edge("e3", "z", "a")],
    }
    m = sadface.from_sadface(doc)
    assert [(i.id, i.relation, i.premises, i.target) for i in m.inferences] == [
        ("m", "rephrase", ("a",), "b")
    ]
    assert [s.kind for s in m.statements] == ["claim", "claim"]
    assert m.metadata["sadface"]["other_nodes"] == doc["nodes"][3:]  # type: ignore[index]
    back = sadface.to_sadface(m)
    assert _canonical(back["nodes"]) == _canonical(doc["nodes"])
    assert _canonical(back["edges"]) == _canonical(doc["edges"])
    m.remove("b")  # the rephrase goes with it; an edge to a node that is gone is not written
    assert [e["id"] for e in sadface.to_sadface(m)["edges"]] == ["e3"]


def test_node_ids_outside_the_id_pattern_are_cleaned_and_the_original_is_kept() -> None:
    doc = {
        "nodes": [_atom("claim one", "C"), _atom("#p", "P"), _scheme("s 1", "support")],
        "edges": [_edge("a", "#p", "s 1"), _edge("b", "s 1", "claim one")],
    }
    m = sadface.from_sadface(doc)
    assert [s.id for s in m.statements] == ["claim-one", "p"]
    assert m.statement("claim-one").metadata == {"sadface": {"id": "claim one", "metadata": {}}}
    assert m.inference("s-1").premises == ("p",)
    back = sadface.to_sadface(m)
    assert _canonical(back["nodes"]) == _canonical(doc["nodes"])
    assert _canonical(back["edges"]) == _canonical(doc["edges"])


def test_an_id_with_a_trailing_newline_is_cleaned_like_any_other_invalid_id() -> None:
    # Python's "$" matches before a final newline, pydantic's pattern does not: the id
    # must be cleaned here, not refused later by the model as the scheme's target.
    doc = {
        "nodes": [_atom("c\n", "C"), _atom("p", "P"), _scheme("s", "support")],
        "edges": [_edge("1", "p", "s"), _edge("2", "s", "c\n")],
    }
    m = sadface.from_sadface(doc)
    assert [s.id for s in m.statements] == ["c", "p"]
    assert m.inference("s").target == "c"
    assert m.statement("c").metadata["sadface"]["id"] == "c\n"


def test_a_relation_changed_after_reading_gets_that_relations_scheme_name() -> None:
    doc = {
        "nodes": [_atom("c", "C"), _atom("p", "P"), _scheme("s", "Expert Opinion")],
        "edges": [_edge("1", "p", "s"), _edge("2", "s", "c")],
    }
    m = sadface.from_sadface(doc)
    assert sadface.to_sadface(m)["nodes"][2]["name"] == "Expert Opinion"
    inf = m.inference("s")
    m.remove("s")
    m.add_inference(am.model.adapter(am.Inference).validate_python(
        {**am.model.as_dict(inf), "relation": "attack"}
    ))  # fmt: skip
    assert sadface.to_sadface(m)["nodes"][2]["name"] == "conflict"


# ------------------------------------------------------------------------ round trips
def test_a_native_map_survives_sadface_and_back_byte_identical() -> None:
    m = rich_map()
    text = sadface.dumps(m)
    assert sadface.loads(text) == m
    assert sadface.dumps(sadface.loads(text)) == text
    assert sadface.dumps(m, indent=None).count("\n") == 1


def test_the_nato_example_survives_sadface_and_back() -> None:
    sys.path.insert(0, str(ROOT / "examples"))
    try:
        from nato_ammunition import build_map
    finally:
        sys.path.remove(str(ROOT / "examples"))
    m = build_map()
    text = sadface.dumps(m)
    assert sadface.loads(text) == m
    assert sadface.dumps(sadface.loads(text)) == text


@settings(max_examples=40, deadline=None)
@given(
    statements=st.lists(st.tuples(ids, texts, kinds), min_size=1, max_size=10,
                        unique_by=lambda t: t[0]),
    edges=st.lists(st.tuples(st.lists(st.integers(0, 9), min_size=1, max_size=3),
                             st.integers(0, 9), st.sampled_from(["support", "attack"])),
                   max_size=12),
    undercuts=st.lists(st.tuples(st.integers(0, 9), st.integers(0, 11)), max_size=4),
    title=st.none() | texts,
)  # fmt: skip
def test_round_trip_property(
    statements: list[tuple[str, str, str]],
    edges: list[tuple[list[int], int, str]],
    undercuts: list[tuple[int, int]],
    title: str | None,
) -> None:
    m = am.ArgumentMap(title)
    for id, text, kind in statements:
        getattr(m, kind)(text, id=id)
    n = len(statements)
    for premises, target, relation in edges:
        prem = list(dict.fromkeys(statements[p % n][0] for p in premises))
        with contextlib.suppress(ArgmapError):  # repeated or self relations: skip
            getattr(m, relation)(prem, statements[target % n][0])
    inferences = [i.id for i in m.inferences]
    for premise, target in undercuts:
        if inferences:
            with contextlib.suppress(ArgmapError):
                m.undercut(statements[premise % n][0], inferences[target % len(inferences)])
    text = sadface.dumps(m)
    assert sadface.loads(text) == m
    assert sadface.dumps(sadface.loads(text)) == text


# ------------------------------------------------------------------- the sample files
@pytest.mark.parametrize("path", SAMPLE_FILES, ids=[p.name for p in SAMPLE_FILES])
def test_sample_dump_of_load_gives_back_the_same_nodes_edges_and_resources(path: Path) -> None:
    original = json.loads(path.read_text(encoding="utf-8"))
    m = sadface.load(path)
    back = json.loads(sadface.dumps(m))
    assert _canonical(back["nodes"]) == _canonical(original["nodes"])
    assert _canonical(back["edges"]) == _canonical(original["edges"])
    assert back["resources"] == original["resources"]
    for key, value in original["metadata"].items():  # every namespace, every core entry
        assert back["metadata"][key] == (value if key != "core" else back["metadata"][key])
        if key == "core":
            assert value.items() <= back["metadata"]["core"].items()
    for key, value in original.items():  # the early layout's top-level keys too
        if key not in ("nodes", "edges", "metadata"):
            assert back[key] == value
    # ... and through argmap JSON too: nothing is lost in the map's own format.
    assert sadface.dumps(am.ArgumentMap.from_json(m.to_json())) == sadface.dumps(m)


def test_sample_structure_is_the_files() -> None:
    m = sadface.load(SAMPLES / "spring-flood.json")
    doc = json.loads((SAMPLES / "spring-flood.json").read_text(encoding="utf-8"))
    atoms = {n["id"]: n["text"] for n in doc["nodes"] if n["type"] == "atom"}
    assert {s.id: s.text for s in m.statements} == atoms
    name = {n["id"]: n["name"] for n in doc["nodes"] if n["type"] == "scheme"}
    found = {i.id: (i.relation, name[i.id]) for i in m.inferences}
    assert sorted(found.values()) == [
        ("rephrase", "rephrase"),
        ("support", "Expert Opinion"),
        ("undercut", "conflict"),
    ]
    assert m.title == "Spring flood"
    kept = m.metadata["sadface"]
    assert isinstance(kept, dict)
    assert kept["metadata"] == {"org.example.review": {"status": "checked"}}
    assert "other_nodes" not in kept


def test_an_early_layout_file_gets_a_core_block_and_keeps_its_top_level_keys() -> None:
    m = sadface.load(SAMPLES / "early-layout.json")
    back = sadface.to_sadface(m)
    assert back["analyst_name"] == "A. Analyst"
    assert back["created"] == "2017-07-11T16:32:36"
    assert back["metadata"]["core"]["version"] == "0.2"
    assert back["nodes"][2] == {  # the scheme written back without the metadata it lacked
        "id": json.loads((SAMPLES / "early-layout.json").read_text())["nodes"][1]["id"],
        "type": "scheme",
        "name": "support",
    }


# ------------------------------------------------------------- arguebuf as a witness
def _arguebuf_counts(doc: dict[str, Any]) -> tuple[int, int]:
    graph = arguebuf.load.sadface(doc)  # type: ignore[arg-type]
    return len(graph.atom_nodes), len(graph.scheme_nodes)


def test_arguebuf_reads_argmaps_sadface_with_the_same_atoms_and_schemes() -> None:
    sys.path.insert(0, str(ROOT / "examples"))
    try:
        from nato_ammunition import build_map
    finally:
        sys.path.remove(str(ROOT / "examples"))
    for m in (rich_map(), build_map()):
        doc = json.loads(sadface.dumps(m))
        assert _arguebuf_counts(doc) == (len(m), sum(1 for _ in m.inferences))
        graph = arguebuf.load.sadface(doc)  # type: ignore[arg-type]
        assert {n.id: n.plain_text for n in graph.atom_nodes.values()} == {
            s.id: s.text for s in m.statements
        }
        assert graph.userdata["title"] == m.title


@pytest.mark.parametrize("name", ["cycle-lanes.json", "spring-flood.json"])
def test_arguebuf_and_argmap_agree_on_the_samples(name: str) -> None:
    doc = json.loads((SAMPLES / name).read_text(encoding="utf-8"))
    # arguebuf needs every core key SADFace's tools may write (spring-flood has no
    # notes nor description, as a new document of SADFace's own library has none)
    for key in ("notes", "description"):
        doc["metadata"]["core"].setdefault(key, "")
    m = sadface.load(SAMPLES / name)
    kept = len(m.metadata.get("sadface", {}).get("other_nodes", []))  # type: ignore[union-attr,arg-type]
    assert _arguebuf_counts(doc) == (len(m), sum(1 for _ in m.inferences) + kept)
    assert _arguebuf_counts(json.loads(sadface.dumps(m))) == _arguebuf_counts(doc)


# ------------------------------------------------------------------------------ errors
@pytest.mark.parametrize(
    ("doc", "message"),
    [
        (
            {"nodes": [_atom("a", "A")], "edges": [_edge("e", "a", "b")]},
            "edges[0] (id 'e'): no node with id 'b'",
        ),
        (
            {"nodes": [_atom("a", "A"), _scheme("s", "support")], "edges": [_edge("e", "a", "s")]},
            "nodes[1] (id 's'): scheme node must point at exactly one node, found 0",
        ),
        (
            {"nodes": [_atom("a", "A"), _scheme("s", "support")], "edges": [_edge("e", "s", "a")]},
            "nodes[1] (id 's'): scheme node has no premise (no atom points at it)",
        ),
        (
            {
                "nodes": [_atom("a", "A"), _scheme("s", "support"), _scheme("t", "support")],
                "edges": [_edge("e", "a", "s"), _edge("f", "s", "t")],
            },
            "edges[1] (id 'f'): support scheme 's' points at scheme 't'; argmap cannot "
            "represent an inference that supports another inference",
        ),
        (
            {"nodes": [_atom("a", "A"), _atom("a", "B")], "edges": []},
            "nodes[1] (id 'a'): id is used twice",
        ),
        (
            {"nodes": [_atom("a", "A"), _atom("b", "B")], "edges": [_edge("e", "a", "b")]},
            "edges[0] (id 'e'): an edge between two atoms ('a' -> 'b') is not SADFace; atoms "
            "connect through scheme nodes",
        ),
        (
            {"nodes": [{"id": "s", "type": "scheme"}], "edges": []},
            "nodes[0] (id 's'): scheme node has no name; SADFace scheme nodes name their "
            'scheme ("support", "conflict", ...)',
        ),
        (
            {"nodes": [_atom("a", "  ")], "edges": []},
            "nodes[0] (id 'a'): atom text: must not be empty or only whitespace",
        ),
        (
            {"nodes": [_atom("a", "A", metadata=[])], "edges": []},
            "nodes[0] (id 'a'): metadata must be an object, not list",
        ),
        (
            {"metadata": {"core": "x"}, "nodes": [], "edges": []},
            "metadata.core: must be an object, not str",
        ),
    ],
)
def test_what_argmap_cannot_represent_is_an_error_naming_the_node(
    doc: dict[str, Any], message: str
) -> None:
    with pytest.raises(ArgmapError) as info:
        sadface.from_sadface(doc)
    assert str(info.value) == message


def test_load_names_the_file_in_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.sadface.json"
    bad.write_text('{"nodes": [], "edges": [{"id": "e"}]}', encoding="utf-8")
    with pytest.raises(FormatError) as info:
        sadface.load(bad)
    assert str(info.value) == (
        f"{bad}: not a valid SADFace JSON file: edges.0.source_id: Field required; "
        "edges.0.target_id: Field required"
    )
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(FormatError, match=r"bad\.sadface\.json: not a valid SADFace JSON file"):
        sadface.load(bad)
    with pytest.raises(FormatError, match="cannot read"):
        sadface.load(tmp_path / "missing.json")


def test_dump_writes_atomically_and_load_reads_it_back(tmp_path: Path) -> None:
    m = rich_map()
    path = sadface.dump(m, tmp_path / "out" / "map.sadface.json")
    assert path.read_text(encoding="utf-8") == sadface.dumps(m)
    assert sadface.load(path) == m


# ------------------------------------------------------------------------------ sniff
def test_sniff_tells_sadface_from_aif_ova_arguebuf_and_argmap_json() -> None:
    for path in SAMPLE_FILES:
        assert sadface.sniff(Content(path.read_text(encoding="utf-8"))) is not None
    assert sadface.sniff(Content(sadface.dumps(rich_map()))) == (
        'has a SADFace "metadata.core" block'
    )
    others = [
        (DATA / "aif" / "6064-original.json").read_text(encoding="utf-8"),
        json.dumps({"nodes": [{"id": 1, "type": "I", "text": "A", "x": 0, "y": 0}],
                    "edges": [], "participants": [], "analysis": {"txt": ""}}),
        json.dumps({"nodes": {"a": {"atom": {"text": "A"}}}, "edges": {}}),
        rich_map().to_json(),
        "not json",
        "[1, 2]",
    ]  # fmt: skip
    for text in others:
        assert sadface.sniff(Content(text)) is None


def test_format_spec() -> None:
    spec = sadface.FORMAT
    assert (spec.name, spec.suffixes, spec.json, spec.reads, spec.writes) == (
        "sadface",
        (".sadface.json",),
        True,
        True,
        True,
    )
    assert spec.loads is not None and spec.dumps is not None
    assert spec.loads(spec.dumps(rich_map())) == rich_map()


# ------------------------------------------------- edited files: errors or faithful reads
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 3) | st.sampled_from(["", "x", "support",
    "conflict", "atom", "scheme", "rephrase"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(
        ["id", "type", "text", "name", "metadata", "sources", "core", "argmap", "kind"]),
        inner, max_size=3),
    max_leaves=6,
)  # fmt: skip


def mutate(doc: Any, path: list[int], value: Any, delete: bool) -> Any:
    """``doc`` with the value found by walking ``path`` (indices into each level's
    keys or items) replaced by ``value``, or deleted."""
    if not path or not isinstance(doc, (dict, list)) or not doc:
        return value
    keys = list(doc) if isinstance(doc, dict) else list(range(len(doc)))
    key = keys[path[0] % len(keys)]
    copy: Any = dict(doc) if isinstance(doc, dict) else list(doc)
    if delete and len(path) == 1:
        del copy[key]
    else:
        copy[key] = mutate(doc[key], path[1:], value, delete)
    return copy


@settings(max_examples=150, deadline=None)
@given(
    name=st.sampled_from([p.name for p in SAMPLE_FILES]),
    path=st.lists(st.integers(0, 20), min_size=1, max_size=5),
    value=json_values,
    delete=st.booleans(),
)
def test_an_edited_file_is_read_faithfully_or_refused_with_an_argmap_error(
    name: str, path: list[int], value: Any, delete: bool
) -> None:
    doc = mutate(json.loads((SAMPLES / name).read_text(encoding="utf-8")), path, value, delete)
    try:
        m = sadface.loads(json.dumps(doc))
    except (ArgmapError, ValidationError):
        return
    back = json.loads(sadface.dumps(m))
    assert _canonical(back["nodes"]) == _canonical(doc["nodes"])
    assert _canonical(back["edges"]) == _canonical(doc["edges"])
    assert sadface.loads(sadface.dumps(m)) == m


def test_a_map_whose_graph_was_broken_is_refused_before_writing() -> None:
    m = am.ArgumentMap()
    c = m.claim("Take an umbrella", id="c")
    m.premise("It rains", id="p", supports=c)
    m.graph.remove_node("p")
    with pytest.raises(ArgmapError, match="inference 'p-supports-c': its premise 'p'"):
        sadface.dumps(m)
