"""Argumentative microtexts XML: exact maps from our own samples, arguebuf's reading of
the same files, errors naming the element, and a fuzz of mutated samples."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import arguebuf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap as am
from argmap.errors import FormatError
from argmap.formats import microtexts
from argmap.formats._spec import Content

from conftest import DATA

SAMPLES = DATA / "microtexts"


def shape(m: am.ArgumentMap) -> tuple[list[tuple[str, ...]], list[tuple[Any, ...]]]:
    statements = [(s.id, s.kind, s.text) for s in m.statements]
    inferences = [(i.id, i.relation, i.premises, i.target) for i in m.inferences]
    return statements, inferences


def xml(body: str, root: str = '<arggraph id="t">') -> str:
    return f"<?xml version='1.0' encoding='UTF-8'?>\n{root}\n{body}\n</arggraph>\n"


TWO = """\
  <edu id="e1">Claim.</edu>
  <edu id="e2">Reason.</edu>
  <adu id="a1" type="pro"/>
  <adu id="a2" type="pro"/>
  <edge id="s1" src="e1" trg="a1" type="seg"/>
  <edge id="s2" src="e2" trg="a2" type="seg"/>"""


# ----------------------------------------------------------------- the samples
def test_support_example_and_rebuttal_sample() -> None:
    m = microtexts.load(SAMPLES / "micro_own01.xml")
    assert shape(m) == (
        [
            ("a1", "claim", "The city should bring back the night train to the coast."),
            ("a2", "premise", "Many students travel home late on Fridays."),
            ("a3", "premise", "Last summer, the weekend buses were full by nine o'clock."),
            ("a4", "counterpoint", "Admittedly, a night train costs more to run than a bus."),
        ],
        [
            ("c1", "support", ("a2",), "a1"),
            ("c2", "support", ("a3",), "a2"),
            ("c3", "attack", ("a4",), "a1"),
        ],
    )
    assert m.metadata == {
        "microtexts": {"id": "micro_own01", "topic_id": "night_trains", "stance": "pro"}
    }
    assert m.statement("a4").metadata == {"microtexts": {"type": "opp", "edus": ["e4"]}}
    assert m.inference("c2").metadata == {"microtexts": {"type": "exa"}}
    assert [s.id for s in m.main_conclusions()] == ["a1"]


def test_linked_undercut_sample_joins_the_add_premise() -> None:
    m = microtexts.load(SAMPLES / "micro_own02.xml")
    assert shape(m)[1] == [
        ("c1", "attack", ("a1",), "a5"),
        ("c2", "support", ("a2",), "a1"),
        ("c3", "undercut", ("a3", "a4"), "c1"),
    ]
    assert m.inference("c3").linked
    assert m.inference("c3").metadata == {"microtexts": {"type": "und", "add": ["c4"]}}
    kinds = {s.id: s.kind for s in m.statements}
    # a1 is the opponent's rebuttal; a2 supports it; a3 + a4 undercut the rebuttal.
    assert kinds == {
        "a1": "counterpoint",
        "a2": "premise",
        "a3": "counterpoint",
        "a4": "counterpoint",
        "a5": "claim",
    }
    assert m.statement("a3").metadata["microtexts"] == {"type": "pro", "edus": ["e3"]}


def test_undercut_of_undercut_joint_and_split_adu_sample() -> None:
    m = microtexts.load(SAMPLES / "micro_own03.xml")
    assert shape(m) == (
        [
            ("a1", "claim", "The library should not open on Sundays. So it stays closed:"),
            (
                "a2",
                "premise",
                "Sunday opening would need two extra staff and the budget for staff is "
                "already spent.",
            ),
            ("a3", "counterpoint", "Volunteers could cover the desk."),
            ("a4", "counterpoint", "Volunteers cannot lend out the rare books, though."),
            ("a5", "premise", "one closed day a week is normal for libraries."),
        ],
        [
            ("c9", "support", ("a2",), "a1"),
            ("c10", "undercut", ("a3",), "c9"),
            ("c11", "undercut", ("a4",), "c10"),
            ("c12", "support", ("a5",), "a1"),
        ],
    )
    assert m.statement("a1").metadata["microtexts"] == {"type": "pro", "edus": ["e1", "e6"]}
    assert m.statement("a2").metadata["microtexts"] == {
        "type": "pro",
        "edus": ["e2", "e3"],
        "joints": ["j1"],
    }
    assert m.metadata["microtexts"] == {
        "id": "micro_own03",
        "topic_id": "library_hours",
        "stance": "con",
    }


def test_linked_support_and_an_undercut_listed_before_its_target() -> None:
    m = microtexts.load(SAMPLES / "micro_own04.xml")
    assert shape(m)[1] == [
        ("c2", "support", ("a2", "a3"), "a1"),
        ("c4", "attack", ("a4",), "a1"),
        ("c1", "undercut", ("a5",), "c4"),
    ]
    assert m.inference("c2").metadata == {"microtexts": {"type": "sup", "add": ["c3"]}}


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.xml")), ids=lambda p: p.name)
def test_samples_are_valid_deterministic_maps(path: Path) -> None:
    m = microtexts.load(path)
    assert [i for i in m.validate() if i.severity == "error"] == []
    assert microtexts.loads(path.read_bytes()).to_json() == m.to_json()
    assert am.ArgumentMap.from_json(m.to_json()) == m  # metadata is plain JSON


# ------------------------------------------------------ arguebuf as a second reader
def _arguebuf_shape(path: Path) -> tuple[set[str], dict[str, tuple[list[str], list[str]]]]:
    g = arguebuf.load.file(path)
    schemes = {
        sid: (
            sorted(n.id for n in g.incoming_nodes(s) if n.id in g.atom_nodes),
            sorted(n.id for n in g.outgoing_nodes(s)),
        )
        for sid, s in g.scheme_nodes.items()
    }
    return set(g.atom_nodes), schemes


@pytest.mark.parametrize("name", ["micro_own01.xml", "micro_own02.xml", "micro_own04.xml"])
def test_arguebuf_reads_the_same_atoms_and_schemes(name: str) -> None:
    path = SAMPLES / name
    m = microtexts.load(path)
    atoms, schemes = _arguebuf_shape(path)
    assert atoms == {s.id for s in m.statements}
    assert schemes == {i.id: (sorted(i.premises), [i.target]) for i in m.inferences}
    g = arguebuf.load.file(path)
    assert {a.id: a.plain_text for a in g.atom_nodes.values()} == {
        s.id: s.text for s in m.statements
    }


def test_arguebuf_loses_what_comes_through_a_joint() -> None:
    # arguebuf takes one seg edge per ADU and no joint text: a2 (made of a joint) is
    # dropped with the support c9 and both undercuts on it, and a1 keeps only e6.
    path = SAMPLES / "micro_own03.xml"
    atoms, schemes = _arguebuf_shape(path)
    assert atoms == {"a1", "a3", "a4", "a5"}
    assert schemes == {"c12": (["a5"], ["a1"])}
    m = microtexts.load(path)
    assert (len(list(m.statements)), len(list(m.inferences))) == (5, 4)


# ------------------------------------------------------------------------ errors
def error(text: str) -> str:
    with pytest.raises(FormatError) as info:
        microtexts.loads(text)
    return info.value.message


def test_not_xml_names_line_and_column() -> None:
    assert error("<arggraph id='x'>\n<edu id='e1'>x</adu>") == (
        "line 2, column 17: not well-formed XML: mismatched tag"
    )


def test_other_root_element_is_refused() -> None:
    assert error("<graphml/>") == (
        "line 1: the root element is <graphml>, not <arggraph>: not an argumentative "
        "microtexts file"
    )


def test_entity_declarations_are_refused() -> None:
    laughs = (
        '<?xml version="1.0"?>\n<!DOCTYPE arggraph [\n  <!ENTITY lol "lol">\n'
        '  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">\n]>\n<arggraph id="x">&lol2;</arggraph>'
    )
    assert error(laughs) == (
        "line 2: a DOCTYPE with declarations of its own is refused (microtexts need none, "
        "and entity declarations can expand without bound)"
    )


def test_external_entities_are_never_fetched() -> None:
    text = '<!DOCTYPE arggraph SYSTEM "file:///etc/passwd">\n<arggraph id="x">&ext;</arggraph>'
    assert error(text) == (
        "line 2: the entity reference &ext; is refused (its declaration would be in an "
        "external DTD, which is never read)"
    )


def test_a_doctype_naming_the_dtd_is_allowed() -> None:
    text = xml(TWO, '<!DOCTYPE arggraph SYSTEM "arggraph.dtd">\n<arggraph id="t">')
    assert [s.id for s in microtexts.loads(text).statements] == ["a1", "a2"]


def test_undercut_of_an_add_edge_is_refused() -> None:
    body = (
        TWO
        + """
  <edu id="e3">Third.</edu>
  <edu id="e4">Fourth.</edu>
  <adu id="a3" type="pro"/>
  <adu id="a4" type="opp"/>
  <edge id="s3" src="e3" trg="a3" type="seg"/>
  <edge id="s4" src="e4" trg="a4" type="seg"/>
  <edge id="c1" src="a2" trg="a1" type="sup"/>
  <edge id="c2" src="a3" trg="c1" type="add"/>
  <edge id="c3" src="a4" trg="c2" type="und"/>"""
    )
    assert error(xml(body)) == (
        '<edge id="c3"> (line 17): an und edge points at a sup, exa, reb or und edge, not at '
        "the add edge 'c2'; an add edge is no inference of its own: point at the edge it "
        "adds to"
    )
    assert error(xml(body.replace('trg="c2" type="und"', 'trg="c2" type="add"'))).startswith(
        '<edge id="c3"> (line 17): an add edge points at a sup, exa, reb or und edge, not at '
        "the add edge 'c2'"
    )


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            '<edge id="c1" src="a2" trg="a9" type="sup"/>',
            "<edge id=\"c1\"> (line 9): trg 'a9' is not the id of any element",
        ),
        (
            '<edge id="a1" src="a2" trg="a1" type="sup"/>',
            '<edge id="a1"> (line 9): the id \'a1\' is already used by <adu id="a1"> (line 5)',
        ),
        (
            '<edge id="c1" src="a2" trg="a1" type="attack"/>',
            "<edge id=\"c1\"> (line 9): unknown edge type 'attack'; the types are seg, sup, "
            "exa, add, reb, und",
        ),
        (
            '<edge id="c1" src="a2" trg="a1"/>',
            '<edge id="c1"> (line 9): has no type attribute',
        ),
        (
            '<adu id="a3" type="neutral"/>',
            "<adu id=\"a3\"> (line 9): type must be 'pro' or 'opp', not 'neutral'",
        ),
        (
            '<adu id="a3" type="pro"/>',
            '<adu id="a3"> (line 9): has no text: no seg edge from an edu (or a joint of '
            "edus) points at it",
        ),
        (
            '<note id="n1"/>',
            '<note id="n1"> (line 9): unknown element; an <arggraph> holds only edu, joint, '
            "adu, edge elements",
        ),
        (
            "<edu>No id.</edu>",
            "<edu> (line 9): has no id attribute",
        ),
        (
            '<edge id="c1" src="e1" trg="e2" type="seg"/>',
            '<edge id="c1"> (line 9): a seg edge goes from an edu to an adu or joint, or '
            "from a joint to an adu, not from edu 'e1' to edu 'e2'",
        ),
        (
            '<edge id="c1" src="a2" trg="a2" type="sup"/>',
            "<edge id=\"c1\"> (line 9): 'a2' cannot be both a premise and the target "
            "(premises 'a2', with add edges)",
        ),
        (
            '<edge id="c1" src="a2" trg="s1" type="und"/>',
            '<edge id="c1"> (line 9): an und edge points at a sup, exa, reb or und edge, '
            "not at the seg edge 's1'",
        ),
        (
            '<adu id="a3" type="pro">text</adu>',
            "line 9: text 'text' in <adu id=\"a3\"> (line 9); only <edu> elements hold text",
        ),
        (
            '<edu id="e3">x<b>bold</b></edu>',
            '<edu id="e3"> (line 9): holds an element <b> (line 9); arggraph elements hold '
            "no other elements",
        ),
    ],
)
def test_errors_name_the_element_its_id_and_line(extra: str, message: str) -> None:
    assert error(xml(TWO + "\n  " + extra)) == message


def test_a_cycle_of_undercuts_is_refused_naming_an_edge() -> None:
    body = TWO.replace('type="pro"/>\n  <edge', 'type="pro"/>\n  <edge', 1) + (
        '\n  <edge id="c1" src="a1" trg="c2" type="und"/>'
        '\n  <edge id="c2" src="a2" trg="c1" type="und"/>'
    )
    assert error(xml(body)) == (
        "edge 'c1': undercut 'c1' is part of a cycle of undercuts that never reaches a "
        "support or attack"
    )


def test_an_adu_whose_edus_are_empty_is_refused() -> None:
    body = TWO.replace('<edu id="e2">Reason.</edu>', '<edu id="e2"> </edu>')
    assert error(xml(body)) == '<adu id="a2"> (line 6): has no text: its edus (e2) are empty'


def test_load_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_text(xml(TWO + '\n  <edge id="c1" src="a2" trg="a9" type="sup"/>'))
    with pytest.raises(FormatError, match=r"^.*broken\.xml: <edge id=\"c1\"> \(line 9\): trg"):
        microtexts.load(path)
    with pytest.raises(FormatError, match="cannot read"):
        microtexts.load(tmp_path / "missing.xml")


def test_wrong_input_type_is_a_format_error() -> None:
    with pytest.raises(FormatError, match="expected microtexts XML text"):
        microtexts.loads(3)  # type: ignore[arg-type]


# ------------------------------------------------------------- text and encodings
def test_bytes_follow_the_encoding_declaration() -> None:
    text = xml(TWO.replace("Reason.", "Café reasons."))
    latin = text.replace("UTF-8", "ISO-8859-1").encode("latin-1")
    assert microtexts.loads(latin).statement("a2").text == "Café reasons."
    # Text is already decoded: its declaration does not apply again.
    assert microtexts.loads(text.replace("UTF-8", "ISO-8859-1")).statement("a2").text == (
        "Café reasons."
    )


def test_unused_edus_and_other_attributes_are_kept() -> None:
    body = TWO + '\n  <edu id="e3" implicit="true">Aside.</edu>'
    body = body.replace('<adu id="a2" type="pro"/>', '<adu id="a2" type="pro" weight="2"/>')
    m = microtexts.loads(xml(body, '<arggraph id="t" stance="con" lang="en">'))
    assert m.metadata == {
        "microtexts": {"id": "t", "stance": "con", "lang": "en", "unused_edus": {"e3": "Aside."}}
    }
    assert m.statement("a2").metadata == {
        "microtexts": {"type": "pro", "edus": ["e2"], "weight": "2"}
    }


def test_foreign_ids_are_cleaned_and_kept() -> None:
    body = TWO.replace('"a2"', '"a:2"') + '\n  <edge id="c 1" src="a:2" trg="a1" type="sup"/>'
    m = microtexts.loads(xml(body))
    assert shape(m)[1] == [("c-1", "support", ("a-2",), "a1")]
    assert m.statement("a-2").metadata["microtexts"]["id"] == "a:2"  # type: ignore[index]
    assert m.inference("c-1").metadata["microtexts"] == {"type": "sup", "id": "c 1"}


# ------------------------------------------------------------------ the spec
def test_format_spec_and_sniff() -> None:
    spec = microtexts.FORMAT
    assert (spec.name, spec.suffixes, spec.extra_suffixes) == ("microtexts", (), (".xml",))
    assert spec.reads and not spec.writes
    for path in SAMPLES.glob("*.xml"):
        assert spec.sniff is not None
        assert spec.sniff(Content(path.read_text())) == "has an <arggraph> root element"
    assert microtexts.sniff(Content('<!-- c -->\n<arggraph id="x"/>')) is not None
    assert microtexts.sniff(Content("<graphml><arggraph/></graphml>")) is None
    assert microtexts.sniff(Content("<arggraphs/>")) is None
    assert microtexts.sniff(Content("")) is None


# ---------------------------------------------------------------------- fuzz
_TEXTS = [p.read_text() for p in sorted(SAMPLES.glob("*.xml"))]
_TOKENS = ["a1", "a2", "c1", "c3", "e1", "j1", "seg", "sup", "und", "add", "reb", "exa", "pro"]


@st.composite
def mutated(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(_TEXTS))
    for _ in range(draw(st.integers(1, 4))):
        how = draw(st.sampled_from(["value", "line", "chars", "dup"]))
        lines = text.split("\n")
        if how == "value":  # change one attribute value to another plausible one
            values = list(re.finditer(r'"([^"]*)"', text))
            match = draw(st.sampled_from(values))
            new = draw(st.sampled_from(_TOKENS) | st.text(max_size=3))
            text = text[: match.start(1)] + new + text[match.end(1) :]
        elif how == "line":  # drop a line
            del lines[draw(st.integers(0, len(lines) - 1))]
            text = "\n".join(lines)
        elif how == "dup":  # repeat a line
            i = draw(st.integers(0, len(lines) - 1))
            lines.insert(i, lines[i])
            text = "\n".join(lines)
        else:  # overwrite a few characters anywhere
            i = draw(st.integers(0, len(text)))
            text = text[:i] + draw(st.text(max_size=4)) + text[i + draw(st.integers(0, 4)) :]
    return text


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_samples_give_a_map_or_a_format_error(text: str) -> None:
    try:
        m = microtexts.loads(text)
    except FormatError as err:
        assert err.message
        return
    assert [i for i in m.validate() if i.severity == "error"] == []
    assert am.ArgumentMap.from_json(m.to_json()) == m
