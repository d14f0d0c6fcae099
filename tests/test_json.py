"""argmap JSON: lossless, deterministic, versioned, schema-backed; errors say where."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import jsonschema
import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

import argmap as am
from argmap import ArgmapError, ArgumentMap, FormatError
from argmap.formats.json import dumps, json_schema, loads

from conftest import ROOT

SCHEMA_FILE = ROOT / "docs" / "schema" / "argmap.schema.json"


def rich_map() -> ArgumentMap:
    m = ArgumentMap("Title “quoted”", description="Desc", metadata={"n": 1, "nested": [None, True]})
    c = m.claim("C ünïcödé <b>x</b>", id="c", title="Claim", note="note", tags=["a", "b"])
    p1 = m.premise("P1", id="p1", metadata={"page": 3})
    p2 = m.premise('P2 "quoted" \\ backslash\nnew line', id="p2")
    inf = m.support([p1, p2], c, id="s", note="linked", tags=["t"], metadata={"w": 0.5})
    m.counterpoint("K", id="k", attacks=c)
    m.counterpoint("U", id="u", undercuts=inf)
    return m


def test_exact_json_for_a_two_statement_map() -> None:
    m = ArgumentMap("T")
    c = m.claim("It rains", id="c")
    m.premise("Clouds", id="p", supports=c)
    assert m.to_json() == (
        "{\n"
        '  "format": "argmap",\n'
        '  "version": 1,\n'
        '  "title": "T",\n'
        '  "statements": [\n'
        '    {\n      "id": "c",\n      "kind": "claim",\n      "text": "It rains"\n    },\n'
        '    {\n      "id": "p",\n      "kind": "premise",\n      "text": "Clouds"\n    }\n'
        "  ],\n"
        '  "inferences": [\n'
        "    {\n"
        '      "id": "p-supports-c",\n'
        '      "relation": "support",\n'
        '      "premises": [\n        "p"\n      ],\n'
        '      "target": "c"\n'
        "    }\n"
        "  ]\n"
        "}\n"
    )


def test_round_trip_is_lossless_and_byte_identical() -> None:
    m = rich_map()
    text = m.to_json()
    back = ArgumentMap.from_json(text)
    assert back == m
    assert back.to_json() == text
    assert rich_map().to_json() == text  # same map, same bytes
    assert [s.metadata for s in back] == [s.metadata for s in m]
    assert back.inference("s").note == "linked"


def test_compact_output() -> None:
    text = rich_map().to_json(indent=None)
    assert "\n" not in text.rstrip("\n")
    assert ArgumentMap.from_json(text) == rich_map()


def test_output_validates_against_the_schema() -> None:
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(json.loads(rich_map().to_json()), schema)


def test_schema_rejects_what_the_loader_rejects() -> None:
    validator = jsonschema.Draft202012Validator(json_schema())
    bad = json.loads(rich_map().to_json())
    bad["statements"][0]["kind"] = "opinion"
    bad["statements"][1]["id"] = "has space"
    bad["statements"][2]["text"] = "   "
    bad["extra"] = 1
    assert len(list(validator.iter_errors(bad))) == 4


def test_checked_in_schema_is_in_sync() -> None:
    """docs/schema/argmap.schema.json is generated from the models: regenerate with
    ``python -c "import json, argmap; print(json.dumps(argmap.json_schema(), indent=2,
    ensure_ascii=False))" > docs/schema/argmap.schema.json``."""
    assert json.loads(SCHEMA_FILE.read_text(encoding="utf-8")) == json_schema()


def test_save_and_load(tmp_path: Path) -> None:
    m = rich_map()
    path = m.save(tmp_path / "sub" / "map.json")
    assert path.read_text(encoding="utf-8") == m.to_json()
    assert ArgumentMap.load(path) == m == am.load(path)
    assert [p.name for p in path.parent.iterdir()] == ["map.json"]  # no temp files left


def test_save_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "map.json"
    path.write_text("old", encoding="utf-8")

    def broken_fsync(fd: int) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("os.fsync", broken_fsync)
    with pytest.raises(am.WriteError, match=f"^cannot write '{path}': disk full$"):
        rich_map().save(path)
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["map.json"]


@pytest.mark.parametrize(
    ("mutate", "error", "message"),
    [
        (lambda d: d.pop("format"), ValidationError, "format\n  Field required"),
        (lambda d: d.update(format="aif"), ValidationError, "Input should be 'argmap'"),
        (lambda d: d.update(version=2), ValidationError, "version 2 \\(newer than this argmap"),
        (
            lambda d: d["statements"][1].update(text=""),
            ValidationError,
            "statements.1.text\n  Value error, must not be empty",
        ),
        (
            lambda d: d["inferences"][0].update(target="ghost"),
            ArgmapError,
            "inferences\\[0\\]: inference 's': target 'ghost' is not in this map",
        ),
        (
            lambda d: d["statements"].append(dict(d["statements"][0])),
            ArgmapError,
            "statements\\[5\\]: id 'c' is already used by a claim",
        ),
        (
            lambda d: d["inferences"][2].update(target="c"),
            ArgmapError,
            "inferences\\[2\\]: inference 'u-undercuts-s': an undercut must target an inference",
        ),
    ],
)
def test_bad_documents_name_where(mutate: object, error: type[Exception], message: str) -> None:
    data = json.loads(rich_map().to_json())
    mutate(data)  # type: ignore[operator]
    with pytest.raises(error, match=message):
        loads(json.dumps(data))


def test_undercut_may_come_before_its_target_in_hand_written_files() -> None:
    data = json.loads(rich_map().to_json())
    data["inferences"].reverse()
    m = loads(json.dumps(data))
    assert m.inference("u-undercuts-s").target == "s"


def test_undercut_cycle_is_reported() -> None:
    data = {
        "format": "argmap",
        "version": 1,
        "statements": [{"id": "a", "kind": "counterpoint", "text": "A"}],
        "inferences": [
            {"id": "x", "relation": "undercut", "premises": ["a"], "target": "y"},
            {"id": "y", "relation": "undercut", "premises": ["a"], "target": "x"},
        ],
    }
    with pytest.raises(ArgmapError, match="inferences\\[0\\]: undercut 'x' is part of a cycle"):
        loads(json.dumps(data))


def test_load_errors_name_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "argmap", "version": 1, "statements": [', encoding="utf-8")
    expected = f"{bad}: not valid JSON: Expecting value: line 1 column 51"
    with pytest.raises(FormatError, match=expected):
        am.load(bad)
    with pytest.raises(FormatError, match=r"missing\.json: cannot read: No such file"):
        am.load(tmp_path / "missing.json")
    dangling = tmp_path / "dangling.json"
    data = json.loads(rich_map().to_json())
    data["inferences"][0]["premises"] = ["nobody"]
    dangling.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(FormatError, match=r"dangling\.json: inferences\[0\]: .*'nobody'"):
        am.load(dangling)


texts = st.text(min_size=1, max_size=40).filter(lambda s: s.strip())
kinds = st.sampled_from(["claim", "premise", "counterpoint"])
ids = st.from_regex(r"[a-z][a-z0-9_.\-]{0,12}", fullmatch=True)


@settings(max_examples=60, deadline=None)
@given(
    statements=st.lists(st.tuples(ids, texts, kinds), min_size=1, max_size=12,
                        unique_by=lambda t: t[0]),
    edges=st.lists(st.tuples(st.integers(0, 11), st.integers(0, 11), st.booleans()), max_size=20),
    title=st.none() | st.text(max_size=30),
)  # fmt: skip
def test_round_trip_property(
    statements: list[tuple[str, str, str]],
    edges: list[tuple[int, int, bool]],
    title: str | None,
) -> None:
    m = ArgumentMap(title)
    for id, text, kind in statements:
        getattr(m, kind)(text, id=id)
    n = len(statements)
    for a, b, is_support in edges:
        pa, pb = statements[a % n][0], statements[b % n][0]
        if pa == pb:
            continue
        with contextlib.suppress(ArgmapError):  # a repeated relation is refused: skip it
            (m.support if is_support else m.attack)(pa, pb)
    text = dumps(m)
    assert loads(text) == m
    assert dumps(loads(text)) == text


def test_json_shown_in_the_docs_is_what_argmap_writes() -> None:
    page = (ROOT / "docs" / "json-format.md").read_text(encoding="utf-8")
    shown = page.split("```json\n", 1)[1].split("```", 1)[0]
    m = ArgumentMap("Rain")
    c = m.claim("It will rain", id="rain")
    m.premise("Dark clouds are gathering", id="clouds", supports=c)
    assert m.to_json() == shown


def test_undercuts_before_their_targets_load_in_linear_time() -> None:
    """A chain of 3,000 undercuts listed in reverse, each before its target: the old
    loader made a pass per level (cubic)."""
    n = 3_000
    statements = [
        {"id": "c", "kind": "claim", "text": "C"},
        {"id": "p", "kind": "premise", "text": "P"},
    ]
    statements += [{"id": f"k{i}", "kind": "counterpoint", "text": f"K{i}"} for i in range(n)]
    inferences = [{"id": "s", "relation": "support", "premises": ["p"], "target": "c"}]
    for i in range(n):
        inferences.append(
            {"id": f"u{i}", "relation": "undercut", "premises": [f"k{i}"],
             "target": "s" if i == 0 else f"u{i - 1}"}
        )  # fmt: skip
    data = {"format": "argmap", "version": 1, "statements": statements}
    data["inferences"] = [inferences[0], *reversed(inferences[1:])]
    m = loads(json.dumps(data))
    assert [i.id for i in m.inferences][:3] == ["s", "u0", "u1"]
    assert m.inference(f"u{n - 1}").target == f"u{n - 2}"


# ------------------------------------------------------ reading: what was meant
AIF_FILE = ROOT / "tests" / "data" / "aif" / "6064-original.json"  # licence: NOTICE.md there


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    m = rich_map()
    assert ArgumentMap.from_json("\ufeff" + m.to_json()) == m
    assert ArgumentMap.from_json(b"\xef\xbb\xbf" + m.to_json().encode("utf-8")) == m
    path = tmp_path / "bom.json"
    path.write_text(m.to_json(), encoding="utf-8-sig")  # what Windows editors write
    assert path.read_bytes()[:3] == b"\xef\xbb\xbf"
    assert am.load(path) == m


def test_aif_json_is_recognised_and_the_aif_reader_named(tmp_path: Path) -> None:
    from argmap.formats import json as argmap_json

    with pytest.raises(FormatError) as info:
        argmap_json.load(AIF_FILE)  # the argmap JSON reader alone names the AIF one
    assert str(info.value) == (
        f'{AIF_FILE}: this looks like AIF JSON (it has "nodes" and "edges"), not argmap JSON; '
        "read it with argmap.formats.aif.load(path)"
    )
    with pytest.raises(FormatError) as info:
        ArgumentMap.from_json(AIF_FILE.read_text(encoding="utf-8"))
    assert str(info.value) == (
        'this looks like AIF JSON (it has "nodes" and "edges"), not argmap JSON; '
        "read it with argmap.formats.aif.loads(text)"
    )
    from argmap.formats import aif

    assert len(aif.load(AIF_FILE)) > 0  # and the reader named does read it
    assert am.load(AIF_FILE) == aif.load(AIF_FILE)  # as argmap.load does, by content


def test_a_file_name_given_to_from_json_points_to_load() -> None:
    for name in ("nato.json", "maps/nato", b"nato.json"):
        with pytest.raises(FormatError) as info:
            ArgumentMap.from_json(name)
        shown = name.decode() if isinstance(name, bytes) else name
        assert str(info.value) == (
            f"expected argmap JSON text, but got what looks like a file name ({shown!r}); "
            "to read a file, use argmap.load(path)"
        )
    with pytest.raises(ValidationError, match="Invalid JSON"):
        ArgumentMap.from_json("nonsense")  # no hint for what is no file name either


def test_json_text_given_to_load_points_to_from_json() -> None:
    text = rich_map().to_json()
    with pytest.raises(FormatError) as info:
        am.load(text)
    assert str(info.value) == (
        "expected a file path, but got what looks like the text of a map "
        """('{ "format": "argmap", "version": 1, "...'); """
        "to read text, use argmap.loads(text)"
    )


def test_version_must_be_the_integer_1_as_the_schema_says() -> None:
    data = json.loads(rich_map().to_json())
    for version in ("1", True, 1.5):
        data["version"] = version
        assert list(jsonschema.Draft202012Validator(json_schema()).iter_errors(data))
        with pytest.raises(ValidationError, match="version\n  Input should be a valid integer"):
            loads(json.dumps(data))


# ------------------------------------------ writing: never a file that cannot load
@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (
            lambda m: m.metadata.update(x=float("nan")),
            "map metadata['x']: nan cannot be written as JSON; use a string or null",
        ),
        (
            lambda m: m.statement("p1").metadata.update(page=float("inf")),
            "statement 'p1' metadata['page']: inf cannot be written as JSON; use a string or null",
        ),
        (
            lambda m: m.inference("s").metadata.update(w=[1, {"deep": float("-inf")}]),
            "inference 's' metadata['w'][1]['deep']: -inf cannot be written as JSON",
        ),
        (
            lambda m: m.metadata.update(tags={"a"}),
            "map metadata['tags']: a set is not JSON; use null, true/false, a number, a string, "
            "a list or a dict",
        ),
        (
            lambda m: m.metadata.update(pair=(1, 2)),
            "map metadata['pair']: a tuple is not JSON",
        ),
        (
            lambda m: m.statement("c").metadata.update({1: "one"}),
            "statement 'c' metadata: has the key 1; JSON keys are strings",
        ),
        (
            lambda m: m.source("src").metadata.update(bad="\ud800"),
            "source 'src' metadata['bad']: is not valid Unicode text",
        ),
    ],
)
def test_metadata_changed_in_place_is_checked_when_saved(
    tmp_path: Path, spoil: object, message: str
) -> None:
    m = rich_map()
    m.add_source("A text.", id="src", metadata={"ok": 1})
    spoil(m)  # type: ignore[operator]
    expected = f"cannot write the map: {message}"
    with pytest.raises(ArgmapError) as info:
        m.to_json()
    assert str(info.value).startswith(expected)
    with pytest.raises(ArgmapError) as info:
        m.save(tmp_path / "m.json")
    assert str(info.value).startswith(expected)
    assert list(tmp_path.iterdir()) == []


_FIX = "; change a map through its methods, and call m.validate() to check it"


def test_a_graph_edited_into_an_unloadable_state_is_not_saved(tmp_path: Path) -> None:
    m = rich_map()
    m.graph.remove_node("p2")
    with pytest.raises(ArgmapError) as info:
        m.save(tmp_path / "m.json")
    assert str(info.value) == (
        "cannot write the map: inference 's': its premise 'p2' is not in the graph "
        f"(was m.graph edited?){_FIX}"
    )
    assert info.value.ids == ("s",) and list(tmp_path.iterdir()) == []

    m = rich_map()
    nx.relabel_nodes(m.graph, {"u-undercuts-s": "u2"}, copy=False)
    with pytest.raises(ArgmapError) as info:
        m.to_json()
    assert str(info.value) == (
        f"cannot write the map: graph node 'u2' holds inference 'u-undercuts-s' "
        f"(was m.graph edited?){_FIX}"
    )
    m = rich_map()
    nx.relabel_nodes(m.graph, {"c": "claim"}, copy=False)  # its inferences come first
    with pytest.raises(ArgmapError, match="inference 's': its target 'c' is not in the graph"):
        m.to_json()

    m = rich_map()
    m.graph.remove_node("s")  # the undercut of s is left aiming at nothing
    with pytest.raises(ArgmapError, match="inference 'u-undercuts-s': its target 's' is not in"):
        m.to_json()

    m = rich_map()
    m.graph.add_node("stray")
    with pytest.raises(ArgmapError, match="graph node 'stray' has no statement or inference"):
        m.to_json()


def test_what_to_json_refuses_validate_refuses_too() -> None:
    m = rich_map()
    m.graph.remove_node("p2")
    with pytest.raises(ArgmapError, match="premise 'p2' is not in this map"):
        m.validate()
    m = rich_map()
    m.remove("p2")  # through the map: fine, and the file loads
    assert ArgumentMap.from_json(m.to_json()) == m


def test_from_json_given_a_path_or_a_non_text_says_what_it_takes() -> None:
    with pytest.raises(FormatError, match=r"got a path \('a.json'\); to read a file, use"):
        ArgumentMap.from_json(Path("a.json"))  # type: ignore[arg-type]
    for value in (None, {"format": "argmap"}):
        with pytest.raises(ValidationError, match="JSON input should be string, bytes or"):
            ArgumentMap.from_json(value)  # type: ignore[arg-type]


def test_a_map_holding_model_subclasses_is_written() -> None:
    import pydantic

    @pydantic.dataclasses.dataclass(frozen=True, slots=True)
    class Marked(am.Statement):
        pass

    m = ArgumentMap()
    m.add_statement(Marked(id="c", kind="claim", text="C"))
    assert json.loads(m.to_json())["statements"] == [{"id": "c", "kind": "claim", "text": "C"}]
