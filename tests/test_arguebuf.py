"""arguebuf JSON: argmap's reader and writer, checked against arguebuf 2.7.2 itself."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
from pathlib import Path
from typing import Any

import arguebuf as ab
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import ArgmapError, ArgumentMap, FormatError
from argmap.formats import aif
from argmap.formats import arguebuf as abj
from argmap.formats._spec import Content
from argmap.model import Quote, Statement

from conftest import DATA, ROOT

SAMPLE = DATA / "arguebuf" / "umbrella.json"


def nato() -> ArgumentMap:
    spec = importlib.util.spec_from_file_location(
        "nato_ammunition", ROOT / "examples" / "nato_ammunition.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    m: ArgumentMap = module.build_map()
    return m


def rich_map() -> ArgumentMap:
    """Everything argmap has: kinds against the structure, titles, notes, tags, metadata,
    linked premises, an undercut, a source with one plain, one reworded and two quotes."""
    text = "Sugar taxes cut consumption. Poor households pay most. Studies agree."
    m = ArgumentMap("Sugar “tax”", description="Desc", metadata={"n": 1, "deep": [None, True]})
    m.add_source(text, id="art", title="Article", author="A. N. Author", date="2025-06-05",
                 url="https://example.org/a", note="n", metadata={"page": 3})  # fmt: skip
    c = m.claim("A sugar tax helps", id="c", title="Tax", note="note", tags=["a", "b"])
    p1 = m.premise("Sugar taxes cut consumption", id="p1", metadata={"page": 3})
    m.quote(p1)
    p2 = m.premise("Studies agree", id="p2")
    m.quote(p2, paraphrase=True)
    step = m.support([p1, p2], c, id="s", note="linked", tags=["t"], metadata={"w": 0.5})
    k = m.add_statement(
        Statement(
            id="k",
            kind="counterpoint",
            text="The poor pay most",
            quotes=(
                Quote(source="art", start=29, end=53, text="Poor households pay most"),
                Quote(source="art", start=55, end=68, text="Studies agree"),
            ),
        )
    )
    m.attack(k, c, id="k-attacks-c")
    m.counterpoint("Not all studies", id="u", undercuts=step)
    m.premise("A lone premise marked as such", id="lone")  # kind differs from structure
    return m


def small_map() -> ArgumentMap:
    m = ArgumentMap()
    c = m.claim("Take an umbrella", id="c")
    m.premise("It rains", id="p", supports=c)
    return m


def through_arguebuf(text: str) -> str:
    """arguebuf loads ``text`` and writes it again: arguebuf's output of the same map."""
    out = io.StringIO()
    ab.dump.io(ab.load.dict(json.loads(text)), out)
    return out.getvalue()


def unordered(m: ArgumentMap) -> tuple[Any, ...]:
    """A map as arguebuf can hold it: its format has no order (protobuf maps), so the
    elements, and the premises of a linked inference, compare as sets."""
    return (
        m.title,
        m.description,
        m.metadata,
        {s.id: s for s in m.statements},
        {i.id: (i.relation, frozenset(i.premises), i.target, i.note, i.tags, i.metadata)
         for i in m.inferences},
        m.sources,
    )  # fmt: skip


# --- exact output and round trips ------------------------------------------------------


def test_exact_output_for_a_two_statement_map() -> None:
    assert json.loads(abj.dumps(small_map())) == {
        "nodes": {
            "c": {"atom": {"text": "Take an umbrella"}},
            "p": {"atom": {"text": "It rains"}},
            "p-supports-c": {"scheme": {"support": "SUPPORT_DEFAULT"}},
        },
        "edges": {
            "p->p-supports-c": {"source": "p", "target": "p-supports-c"},
            "p-supports-c->c": {"source": "p-supports-c", "target": "c"},
        },
        "majorClaim": "c",
        "schemaVersion": 1,
    }


def test_an_undercut_is_an_attack_scheme_pointing_at_the_scheme() -> None:
    m = small_map()
    m.counterpoint("Only drizzle", id="u", undercuts="p-supports-c")
    doc = abj.to_arguebuf(m)
    assert doc["nodes"]["u-undercuts-p-supports-c"] == {"scheme": {"attack": "ATTACK_DEFAULT"}}
    assert doc["edges"]["u-undercuts-p-supports-c->p-supports-c"] == {
        "source": "u-undercuts-p-supports-c",
        "target": "p-supports-c",
    }
    assert abj.loads(abj.dumps(m)).inference("u-undercuts-p-supports-c").relation == "undercut"


def test_what_arguebuf_has_no_field_for_goes_to_userdata_argmap() -> None:
    doc = abj.to_arguebuf(rich_map())
    assert doc["userdata"] == {
        "argmap": {"title": "Sugar “tax”", "description": "Desc",
                   "metadata": {"n": 1, "deep": [None, True]}}
    }  # fmt: skip
    assert doc["nodes"]["c"] == {
        "atom": {"text": "A sugar tax helps"},
        "userdata": {"argmap": {"title": "Tax", "note": "note", "tags": ["a", "b"]}},
    }
    assert doc["nodes"]["p1"] == {
        "atom": {
            "text": "Sugar taxes cut consumption",
            "reference": {"resource": "art", "offset": 0, "text": "Sugar taxes cut consumption"},
        },
        "userdata": {"argmap": {"metadata": {"page": 3}}},
    }
    assert doc["nodes"]["p2"]["userdata"]["argmap"]["quotes"][0]["paraphrase"] is True
    assert doc["nodes"]["lone"]["userdata"] == {"argmap": {"kind": "premise"}}
    assert doc["resources"]["art"] == {
        "text": "Sugar taxes cut consumption. Poor households pay most. Studies agree.",
        "title": "Article",
        "userdata": {"argmap": {"author": "A. N. Author", "date": "2025-06-05",
                                "url": "https://example.org/a", "note": "n",
                                "metadata": {"page": 3}}},
    }  # fmt: skip
    assert doc["majorClaim"] == "c"  # the one main conclusion


def test_a_hand_made_map_round_trips_exactly_and_byte_identically() -> None:
    m = rich_map()
    text = abj.dumps(m)
    assert abj.loads(text) == m
    assert abj.dumps(abj.loads(text)) == text
    assert abj.dumps(m) == text  # deterministic
    assert abj.loads(abj.dumps(m, indent=None)) == m


def test_the_nato_example_round_trips() -> None:
    m = nato()
    text = abj.dumps(m)
    assert abj.loads(text) == m
    assert abj.dumps(abj.loads(text)) == text


texts = st.text(min_size=1, max_size=40).filter(lambda s: s.strip())
kinds = st.sampled_from(["claim", "premise", "counterpoint"])
ids = st.from_regex(r"[a-z][a-z0-9_.\-]{0,12}", fullmatch=True)


@st.composite
def maps(draw: st.DrawFn) -> ArgumentMap:
    """Maps with any kinds, supports, attacks, linked premises and undercuts."""
    statements = draw(
        st.lists(st.tuples(ids, texts, kinds), min_size=1, max_size=10, unique_by=lambda t: t[0])
    )
    m = ArgumentMap(draw(st.none() | st.text(max_size=20)))
    for id, text, kind in statements:
        getattr(m, kind)(text, id=id)
    n = len(statements)
    steps = draw(st.lists(st.tuples(st.lists(st.integers(0, n - 1), min_size=1, max_size=3),
                                    st.integers(0, n - 1), st.sampled_from(["support", "attack"])),
                          max_size=12))  # fmt: skip
    for premises, target, relation in steps:
        with contextlib.suppress(ArgmapError):  # repeated or self relations are refused
            getattr(m, relation)([statements[i][0] for i in dict.fromkeys(premises)],
                                 statements[target][0])  # fmt: skip
    inferences = [i.id for i in m.inferences]
    for by, on in draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, 99)), max_size=3)):
        if inferences:
            with contextlib.suppress(ArgmapError):
                m.undercut(statements[by][0], inferences[on % len(inferences)])
    return m


@settings(max_examples=60, deadline=None)
@given(maps())
def test_round_trip_property(m: ArgumentMap) -> None:
    text = abj.dumps(m)
    assert abj.loads(text) == m
    assert abj.dumps(abj.loads(text)) == text


# --- against arguebuf itself -----------------------------------------------------------


def _counts(g: ab.Graph) -> tuple[int, int]:
    return len(g.atom_nodes), len(g.scheme_nodes)


@pytest.mark.parametrize("make", [small_map, rich_map, nato], ids=["small", "rich", "nato"])
def test_arguebuf_loads_argmaps_output_with_the_same_atoms_and_schemes(
    make: Any, tmp_path: Path
) -> None:
    m = make()
    path = abj.dump(m, tmp_path / "map.json")
    g = ab.load.file(path)
    assert _counts(g) == (len(list(m.statements)), len(list(m.inferences)))
    assert {n.id: n.plain_text for n in g.atom_nodes.values()} == {
        s.id: s.text for s in m.statements
    }
    main = m.main_conclusions()
    assert (g.major_claim.id if g.major_claim else None) == (main[0].id if len(main) == 1 else None)
    for inf in m.inferences:  # the structure arguebuf sees is the map's
        node = g.scheme_nodes[inf.id]
        assert isinstance(node.scheme, ab.Support if inf.relation == "support" else ab.Attack)
        premises = {p.id for p in g.incoming_nodes(node) if isinstance(p, ab.AtomNode)}
        assert premises == set(inf.premises)
        assert [t.id for t in g.outgoing_nodes(node)] == [inf.target]
    assert len(g.resources) == len(m.sources)


@pytest.mark.parametrize("make", [small_map, rich_map, nato], ids=["small", "rich", "nato"])
def test_argmap_reads_arguebufs_output_of_the_same_map_back_equal(make: Any) -> None:
    m = make()
    again = abj.loads(through_arguebuf(abj.dumps(m)))
    assert unordered(again) == unordered(m)


@settings(max_examples=30, deadline=None)
@given(maps())
def test_arguebuf_agrees_on_generated_maps(m: ArgumentMap) -> None:
    text = abj.dumps(m)
    g = ab.load.dict(json.loads(text))
    assert _counts(g) == (len(list(m.statements)), len(list(m.inferences)))
    assert unordered(abj.loads(through_arguebuf(text))) == unordered(m)


def test_the_sample_arguebuf_wrote_is_read_as_its_structure() -> None:
    m = abj.load(SAMPLE)
    assert [(s.id, s.kind) for s in sorted(m.statements, key=lambda s: s.id)] == [
        ("coat", "claim"),
        ("dry", "counterpoint"),
        ("forecast", "premise"),
        ("rain", "premise"),
        ("take", "claim"),
        ("wind", "counterpoint"),
    ]
    relations = {
        i.id: (i.relation, set(i.premises), i.target)
        for i in m.inferences
        if i.relation != "rephrase"
    }
    assert relations == {
        "s-take": ("support", {"rain", "forecast"}, "take"),
        "s-expert": ("support", {"forecast"}, "rain"),
        "c-wind": ("attack", {"wind"}, "take"),
        "c-step": ("undercut", {"dry"}, "s-take"),
    }
    assert m.inference("s-expert").metadata["arguebuf"]["scheme"] == {
        "support": "SUPPORT_EXPERT_OPINION"
    }
    assert m.inference("s-take").metadata["arguebuf"]["premise_descriptors"] == ["goal", "means"]
    # the reference at offset 0, whose offset arguebuf left out, is still a quote
    assert m.statement("rain").quotes == (Quote(source="r1", start=0, end=8, text="It rains"),)
    assert m.statement("take").quotes[0].start == 32
    (source,) = m.sources
    assert (source.id, source.title) == ("r1", "Weather talk")
    assert source.metadata["arguebuf"]["timestamp"] == "2024-05-02T08:30:15Z"
    kept = m.metadata["arguebuf"]
    assert (m.inference("m-coat").relation, m.inference("m-coat").premises) == (
        "rephrase",
        ("coat",),
    )
    assert set(kept["nodes"]) == {"p-coat"}  # preference: kept
    assert len(kept["edges"]) == 2
    assert "major_claim" not in kept  # coat rephrases dry, so take is the one main conclusion
    assert kept["analysts"] == {"bob": {"name": "Bob", "email": "bob@example.org"}}


def test_the_sample_is_written_back_as_arguebuf_wrote_it() -> None:
    """All but the order (protobuf maps have none), libraryVersion (the program that
    wrote it) and the offset 0 that arguebuf leaves out and argmap writes."""
    ours = json.loads(abj.dumps(abj.load(SAMPLE)))
    theirs = json.loads(SAMPLE.read_text(encoding="utf-8"))
    assert theirs.pop("libraryVersion") == "1.7.11"
    theirs["nodes"]["rain"]["atom"]["reference"]["offset"] = 0
    assert ours == theirs
    assert _counts(ab.load.dict(ours)) == (6, 6)


NODESETS = ["6064-original", "6064-reconstructed"]


@pytest.mark.parametrize("name", NODESETS)
def test_a_real_nodeset_as_arguebuf_wrote_it_is_the_map_argmaps_aif_reader_reads(
    name: str,
) -> None:
    """Two independent paths from one AIFdb file: arguebuf's AIF reader and writer, then
    argmap's arguebuf reader; and argmap's own AIF reader."""
    ours = abj.load(DATA / "arguebuf" / f"{name}.json")
    via_aif = aif.load(DATA / "aif" / f"{name}.json")
    assert {s.id: (s.kind, s.text) for s in ours.statements} == {
        s.id: (s.kind, s.text) for s in via_aif.statements
    }
    assert {i.id: (i.relation, set(i.premises), i.target) for i in ours.inferences} == {
        i.id: (i.relation, set(i.premises), i.target) for i in via_aif.inferences
    }
    rephrases = [i for i in ours.inferences if i.relation == "rephrase"]
    assert len(rephrases) == (3 if name == "6064-reconstructed" else 0)


@pytest.mark.parametrize("name", NODESETS)
def test_a_real_nodeset_is_written_back_as_arguebuf_wrote_it(name: str) -> None:
    path = DATA / "arguebuf" / f"{name}.json"
    theirs = json.loads(path.read_text(encoding="utf-8"))
    ours = json.loads(abj.dumps(abj.load(path)))
    assert theirs.pop("libraryVersion") == "1.7.11"
    assert ours == theirs
    assert _counts(ab.load.dict(ours)) == _counts(ab.load.file(path))


def test_arguebufs_stand_in_timestamps_are_read_as_none() -> None:
    """arguebuf stamps elements its input had no timestamps for with the epoch."""
    text = through_arguebuf(abj.dumps(small_map()))
    assert '"created": "1970-01-01T00:00:00Z"' in text
    assert unordered(abj.loads(text)) == unordered(small_map())


def test_foreign_ids_are_cleaned_and_written_back() -> None:
    doc = {
        "nodes": {
            "atom 1": {"atom": {"text": "It rains"}},
            "scheme/1": {"scheme": {"support": "SUPPORT_DEFAULT"}},
            "c": {"atom": {"text": "Take an umbrella"}},
        },
        "edges": {
            "e1": {"source": "atom 1", "target": "scheme/1"},
            "e2": {"source": "scheme/1", "target": "c"},
        },
    }
    m = abj.from_arguebuf(doc)
    assert [s.id for s in m.statements] == ["atom-1", "c"]
    assert m.inference("scheme-1").premises == ("atom-1",)
    back = abj.to_arguebuf(m)
    assert back["nodes"] == doc["nodes"]
    assert back["edges"] == doc["edges"]
    assert "majorClaim" not in back  # the file had none


def test_the_major_claim_is_a_claim_and_a_different_choice_is_kept() -> None:
    doc = {
        "nodes": {
            "a": {"atom": {"text": "It rains"}},
            "s": {"scheme": {"support": "SUPPORT_DEFAULT"}},
            "b": {"atom": {"text": "Take an umbrella"}},
        },
        "edges": {"e1": {"source": "a", "target": "s"}, "e2": {"source": "s", "target": "b"}},
        "majorClaim": "a",
    }
    m = abj.from_arguebuf(doc)
    assert m.statement("a").kind == "claim"  # though it supports b
    assert m.metadata == {"arguebuf": {"major_claim": "a"}}
    assert abj.to_arguebuf(m)["majorClaim"] == "a"
    del doc["majorClaim"]
    m = abj.from_arguebuf(doc)
    assert m.statement("a").kind == "premise"
    assert m.metadata == {"arguebuf": {"major_claim": None}}  # no major claim: kept so
    assert "majorClaim" not in abj.to_arguebuf(m)


def test_proto_field_names_are_read_too() -> None:
    m = abj.loads(
        '{"nodes": {"a": {"atom": {"text": "A"}}, "s": {"scheme": {"support": '
        '"SUPPORT_SIGN", "premise_descriptors": ["x"]}}, "b": {"atom": {"text": "B"}}},'
        '"edges": {"1": {"source": "a", "target": "s"}, "2": {"source": "s", "target": "b"}},'
        '"major_claim": "b", "schema_version": 1, "library_version": "1.7.11"}'
    )
    assert m.inference("s").metadata["arguebuf"]["premise_descriptors"] == ["x"]
    assert m.statement("b").kind == "claim"


# --- errors ----------------------------------------------------------------------------


def _doc(**changes: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "nodes": {
            "a": {"atom": {"text": "It rains"}},
            "s": {"scheme": {"support": "SUPPORT_DEFAULT"}},
            "b": {"atom": {"text": "Take an umbrella"}},
        },
        "edges": {"e1": {"source": "a", "target": "s"}, "e2": {"source": "s", "target": "b"}},
    }
    for key, value in changes.items():
        target = doc
        *path, last = key.split("__")
        for part in path:
            target = target[part]
        target[last] = value
    return doc


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        ({"nodes": []}, "nodes: expected an object, got a list (arguebuf keys nodes by id; a "
         "list of nodes is AIF, SADFace or OVA)"),
        (_doc(extra=1), 'extra: unknown key (expected one of "nodes", "edges", "resources", '
         '"participants", "analysts", "majorClaim", "schemaVersion", "libraryVersion", '
         '"metadata", "userdata")'),
        (_doc(nodes__x={"atom": {"text": "X"}, "scheme": {}}),
         'nodes.x: a node has "atom" or "scheme", this one both'),
        (_doc(nodes__x={}), 'nodes.x: a node has "atom" or "scheme", this one neither'),
        (_doc(nodes__a={"atom": {"text": " "}}),
         "nodes.a.atom.text: an atom needs text (a statement cannot be empty)"),
        (_doc(nodes__a={"atom": {"text": 7}}),
         "nodes.a.atom.text: expected a string, got a number"),
        (_doc(edges__e1={"source": "a", "target": "zz"}), "edges.e1.target: no node with id 'zz'"),
        (_doc(nodes__t={"scheme": {"support": "SUPPORT_DEFAULT"}},
              edges__e3={"source": "s", "target": "t"}, edges__e4={"source": "b", "target": "t"}),
         "edges.e3: support scheme 's' points at support scheme 't'; argmap cannot represent "
         "an inference that supports another inference"),
        (_doc(edges__e3={"source": "a", "target": "b"}),
         "edges.e3: an edge between two atoms ('a' -> 'b'); atoms connect through scheme nodes"),
        (_doc(edges__e1={"source": "s", "target": "a"}),
         "nodes.s: support scheme has no premise (no atom points at it)"),
        (_doc(edges__e3={"source": "s", "target": "a"}, edges__e1={"source": "b", "target": "s"}),
         "nodes.s: support scheme must point at exactly one node, found 2"),
        (_doc(majorClaim="s"), "majorClaim: 's' is a scheme node; the major claim is an atom"),
        (_doc(majorClaim="q"),
         "majorClaim: 'q' is not a node of the graph; the major claim is an atom"),
        (_doc(schemaVersion=2), "schemaVersion: argmap reads arguebuf schema version 1, not 2"),
        (_doc(nodes__a={"atom": {"text": "It rains", "reference": {"resource": "r", "text": "x"}}}),
         "nodes.a.atom.reference.resource: no resource with id 'r'"),
        (_doc(nodes__s={"scheme": {"support": "SUPPORT_DEFAULT", "attack": "ATTACK_DEFAULT"}}),
         "nodes.s.scheme: a scheme is one of support, attack, preference or rephrase, this one "
         "is support and attack"),
        (_doc(edges__e1={"source": "a", "target": "s", "metadata": {"created": "yesterday"}}),
         "edges.e1.metadata.created: 'yesterday' is not an RFC 3339 timestamp "
         "(2024-05-01T12:00:00Z)"),
        (_doc(nodes__b={"atom": {"text": "B"}, "userdata": {"argmap": {"metadata": [1]}}}),
         "nodes.b.userdata.argmap.metadata: expected an object, got a list"),
        ("[" * 100000, "not valid JSON: nested too deeply"),
        (_doc(nodes__b={"atom": {"text": "B"}, "userdata": {"argmap": {"kind": "fact"}}}),
         "nodes.b: kind: Input should be 'claim', 'premise' or 'counterpoint'"),
        (_doc(nodes__x={"atom": {"text": "X"}}, **{"nodes__x y": {"atom": {"text": "Y", "z": 1}}}),
         'nodes["x y"].atom.z: unknown key (expected one of "text", "reference", "participant")'),
    ],
)  # fmt: skip
def test_what_argmap_cannot_read_is_an_error_naming_the_place(
    doc: dict[str, Any] | str, message: str
) -> None:
    with pytest.raises(FormatError) as info:
        abj.loads(doc if isinstance(doc, str) else json.dumps(doc))
    assert str(info.value) == message


def test_load_names_the_file_and_refuses_what_is_not_json(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"nodes": {', encoding="utf-8")
    with pytest.raises(FormatError, match=r"bad\.json: not valid JSON: Expecting"):
        abj.load(bad)
    bad.write_text("[]", encoding="utf-8")
    with pytest.raises(
        FormatError, match=r"bad\.json: \(top level\): expected an object, got a list"
    ):
        abj.load(bad)
    with pytest.raises(FormatError, match="cannot read"):
        abj.load(tmp_path / "missing.json")


def test_bytes_with_a_byte_order_mark_are_read() -> None:
    text = abj.dumps(small_map())
    assert abj.loads(b"\xef\xbb\xbf" + text.encode()) == small_map()


def test_dump_is_atomic_and_returns_the_path(tmp_path: Path) -> None:
    path = tmp_path / "out" / "map.arguebuf.json"
    assert abj.dump(small_map(), path) == path
    assert path.read_text(encoding="utf-8") == abj.dumps(small_map())
    assert [p.name for p in path.parent.iterdir()] == ["map.arguebuf.json"]


# --- detection and the spec ------------------------------------------------------------


def test_sniff_tells_arguebuf_from_aif_sadface_ova_and_argmap_json() -> None:
    assert abj.sniff(Content(abj.dumps(small_map()))) == (
        'has "nodes" as an object and a "schemaVersion" or "libraryVersion" key'
    )
    assert abj.sniff(Content(SAMPLE.read_text(encoding="utf-8"))) is not None
    assert abj.sniff(Content('{"nodes": {"a": {"scheme": {}}}}')) == (
        'has "nodes" as an object of atom and scheme nodes'
    )
    others = [
        aif.dumps(small_map()),
        '{"id": "x", "metadata": {}, "resources": [], "nodes": [], "edges": []}',  # SADFace
        '{"nodes": [], "edges": [], "analysis": {}}',  # OVA
        small_map().to_json(),
        '{"nodes": {}}',
        "not json",
        "[1, 2]",
    ]
    assert [abj.sniff(Content(text)) for text in others] == [None] * len(others)


def test_format_spec() -> None:
    spec = abj.FORMAT
    assert (spec.name, spec.suffixes, spec.json, spec.reads, spec.writes) == (
        "arguebuf", (".arguebuf.json",), True, True, True,
    )  # fmt: skip
    assert spec.loads is abj.loads and spec.dumps is abj.dumps
    assert spec.keeps and spec.loses


# --- argmap's AIF, read by arguebuf ----------------------------------------------------


def _aif_counts(m: ArgumentMap) -> tuple[int, int]:
    return len(list(m.statements)), len(list(m.inferences))


MAPS = [small_map, rich_map, nato]


@pytest.mark.parametrize("make", MAPS, ids=["small", "rich", "nato"])
def test_arguebuf_loads_argmaps_aif_with_the_same_atoms_and_schemes(make: Any) -> None:
    m = make()
    g = ab.load.dict(json.loads(aif.dumps(m)))
    assert _counts(g) == _aif_counts(m)


@pytest.mark.parametrize("make", MAPS, ids=["small", "rich", "nato"])
def test_argmaps_aif_with_a_locutions_key_is_read_by_arguebuf_with_the_same_counts(
    make: Any,
) -> None:
    """What the test above will check once argmap writes the key: the nodes are right."""
    m = make()
    doc = json.loads(aif.dumps(m))
    g = ab.load.dict({**doc, "locutions": []})
    assert _counts(g) == _aif_counts(m)
    assert {n.id for n in g.atom_nodes.values()} == {s.id for s in m.statements}


def test_text_that_is_not_utf8_is_an_error() -> None:
    with pytest.raises(FormatError, match="not UTF-8 text: 'utf-8' codec can't decode byte 0xff"):
        abj.loads(b'{"nodes": {"\xff": {}}}')


def test_a_reference_that_is_no_quote_is_kept_as_it_is() -> None:
    doc = {
        "nodes": {
            "a": {"atom": {"text": "Rain", "reference": {"resource": "r", "offset": 3,
                                                          "text": "elsewhere"}}},
            "b": {"atom": {"text": "Sun", "reference": {"text": "no resource"}}},
        },
        "resources": {"r": {"text": "It rains. Rain."}},
    }  # fmt: skip
    m = abj.from_arguebuf(doc)
    assert m.statement("a").quotes == ()
    assert (
        m.statement("a").metadata["arguebuf"]["reference"] == doc["nodes"]["a"]["atom"]["reference"]
    )
    back = abj.to_arguebuf(m)
    assert back["nodes"]["a"]["atom"] == doc["nodes"]["a"]["atom"]
    assert back["nodes"]["b"]["atom"] == doc["nodes"]["b"]["atom"]
    assert abj.from_arguebuf(back) == m
    m.remove_source("r")  # no statement quotes it; the reference into it goes with it
    assert "reference" not in abj.to_arguebuf(m)["nodes"]["a"]["atom"]


def test_schemes_without_a_type_and_numeric_scheme_names_are_kept() -> None:
    doc = {
        "nodes": {
            "a": {"atom": {"text": "A"}},
            "b": {"atom": {"text": "B"}},
            "s": {"scheme": {"support": 2}},
            "x": {"scheme": {}},
        },
        "edges": {
            "1": {"source": "a", "target": "s"},
            "2": {"source": "s", "target": "b"},
            "3": {"source": "b", "target": "x"},
        },
        "participants": {"p": {"name": "Ann"}},
    }
    m = abj.from_arguebuf(doc)
    assert m.inference("s").metadata["arguebuf"]["scheme"] == {"support": 2}
    assert m.metadata["arguebuf"]["nodes"] == {"x": {"scheme": {}}}
    back = abj.to_arguebuf(m)
    assert back["nodes"] == doc["nodes"]
    assert back["edges"] == doc["edges"]
    assert back["participants"] == doc["participants"]
    assert _counts(ab.load.dict(back)) == (2, 2)


def test_two_elements_written_as_one_node_are_refused() -> None:
    m = small_map()
    m.update("p", metadata={"arguebuf": {"id": "c"}})
    with pytest.raises(
        ArgmapError, match=r"'c' and 'p' would both be written as the arguebuf node 'c'"
    ):
        abj.dumps(m)


def _rephrase_doc() -> dict[str, Any]:
    return {
        "nodes": {
            "a": {"atom": {"text": "Rain is coming"}},
            "r": {"scheme": {"rephrase": "REPHRASE_DEFAULT"}},
            "b": {"atom": {"text": "It will rain"}},
        },
        "edges": {"1": {"source": "a", "target": "r"}, "2": {"source": "r", "target": "b"}},
    }


def test_rephrase_schemes_are_rephrase_inferences() -> None:
    m = abj.from_arguebuf(_rephrase_doc())
    (inf,) = m.inferences
    assert (inf.id, inf.relation, inf.premises, inf.target) == ("r", "rephrase", ("a",), "b")
    back = abj.to_arguebuf(m)
    assert back["nodes"] == _rephrase_doc()["nodes"]
    assert back["edges"] == _rephrase_doc()["edges"]
    assert abj.from_arguebuf(back) == m
