"""Mermaid flowchart export: exact text, the kind/relation distinctions, safe escaping."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import pytest

import argmap as am
from argmap.formats import aif
from argmap.render.mermaid import dump, dumps, escape

from conftest import DATA, NODE_PACKAGES, PINNED_NODE, pinned_node_package, run_node_script

CLASSDEFS = """\
    classDef claim fill:#dbe9f6,stroke:#1f4e79,color:#000000
    classDef premise fill:#e3f1e4,stroke:#2e7d32,color:#000000
    classDef counterpoint fill:#fbe3e1,stroke:#b71c1c,color:#000000
    classDef main stroke-width:3px
    classDef junction fill:#333333,stroke:#333333
    classDef hidden fill:#ffffff,stroke:#777777,color:#777777,stroke-dasharray:3 3
"""


@pytest.fixture
def tweety() -> am.ArgumentMap:
    m = am.ArgumentMap(title="Tweety")
    c = m.claim("Tweety flies", id="c")
    p = m.premise("Tweety is a bird", id="p")
    s = m.support(p, c, id="s")
    m.counterpoint("Tweety is a penguin", id="k", undercuts=s)
    m.counterpoint("Tweety is in a cage", id="a", attacks=c)
    return m


def test_two_statement_map_exact() -> None:
    m = am.ArgumentMap()
    c = m.claim("Tax sugar", id="c")
    m.premise("Sugar harms health", id="p", supports=c)
    assert m.to_mermaid() == (
        "flowchart BT\n"
        '    s1["CLAIM<br/>Tax sugar"]:::claim\n'
        '    s2("PREMISE<br/>Sugar harms health"):::premise\n'
        "    s2 --> s1\n"
        "    class s1 main\n" + CLASSDEFS + "    linkStyle 0 stroke:#2e7d32\n"
    )


def test_support_attack_undercut_and_junction_are_distinct(tweety: am.ArgumentMap) -> None:
    assert tweety.to_mermaid() == (
        '---\ntitle: "Tweety"\n---\n'
        "flowchart BT\n"
        '    s1["CLAIM<br/>Tweety flies"]:::claim\n'
        '    s2("PREMISE<br/>Tweety is a bird"):::premise\n'
        '    s3{{"COUNTERPOINT<br/>Tweety is a penguin"}}:::counterpoint\n'
        '    s4{{"COUNTERPOINT<br/>Tweety is in a cage"}}:::counterpoint\n'
        '    j1((" ")):::junction\n'
        "    s2 --- j1\n"
        "    j1 --> s1\n"
        "    s3 -.-x j1\n"
        "    s4 -.-> s1\n"
        "    class s1 main\n" + CLASSDEFS + "    linkStyle 0,1 stroke:#2e7d32\n"
        "    linkStyle 3 stroke:#b71c1c\n"
        "    linkStyle 2 stroke:#6a1b9a\n"
    )


def test_linked_premises_join_at_a_junction() -> None:
    m = am.ArgumentMap()
    c = m.claim("Socrates is mortal", id="c")
    p1 = m.premise("All humans are mortal", id="p1")
    p2 = m.premise("Socrates is human", id="p2")
    m.attack([p1, p2], c, id="s")  # odd, but shows the dashed linked form
    lines = m.to_mermaid().splitlines()
    assert lines[4:8] == [
        '    j1((" ")):::junction',
        "    s2 -.- j1",
        "    s3 -.- j1",
        "    j1 -.-> s1",
    ]


HOSTILE = 'a "quote" <b>bold</b> #quot; &amp; `tick` end\ttab [x] (y) {z} | w %% c'


def test_hostile_text_is_escaped_with_entity_codes() -> None:
    m = am.ArgumentMap(title='Title "with" quotes\nand <tags>')
    m.claim(HOSTILE, id="end")  # 'end' is a Mermaid keyword: ids never reach the text
    text = dumps(m, wrap=200)
    node = text.splitlines()[4]
    assert node == (
        '    s1["CLAIM<br/>a #quot;quote#quot; #lt;b#gt;bold#lt;/b#gt; #35;quot; #amp;amp; '
        '#96;tick#96; end tab [x] (y) {z} | w #37;#37; c"]:::claim'
    )
    # the title: < > & as full-width forms (see argmap.render.mermaid)
    assert text.splitlines()[1] == 'title: "Title \\"with\\" quotes\\nand \uff1ctags\uff1e"'
    label = node[node.index('["') + 2 : node.rindex('"]')]
    assert '"' not in label and "<b>" not in label and "`" not in label
    # every '#' starts an entity code, so nothing can be decoded into markup
    assert re.fullmatch(r"([^#]|#(quot|amp|lt|gt|\d+);)*", label)
    assert "end" not in re.findall(r"^\s+(\w+)\[", text, re.MULTILINE)


def test_escape_is_reversible_by_mermaid_entity_decoding() -> None:
    codes = {"quot": '"', "amp": "&", "lt": "<", "gt": ">"}

    def decode(s: str) -> str:
        return re.sub(r"#(\w+);", lambda mt: codes.get(mt.group(1)) or chr(int(mt.group(1))), s)

    for sample in [HOSTILE.replace("\t", " "), "#35; is not a hash", "###", "a&b<c>d"]:
        assert decode(escape(sample)) == sample


def test_view_shows_plus_n_markers_and_summary(tweety: am.ArgumentMap) -> None:
    text = tweety.focus("a", depth=0).to_mermaid()
    assert text.splitlines()[:8] == [
        "---",
        'title: "Tweety — showing 1 of 4 statements and 0 of 3 inferences; '
        '+N markers count 3 hidden statements"',
        "---",
        "flowchart BT",
        '    s1{{"COUNTERPOINT<br/>Tweety is in a cage"}}:::counterpoint',
        '    s1u["+3"]:::hidden',  # c, and p and k beyond it: what 'a' bears on
        "    s1 -.- s1u",
        "    classDef claim fill:#dbe9f6,stroke:#1f4e79,color:#000000",
    ]
    assert text.endswith("    linkStyle 0 stroke:#777777\n")


def test_theme_colours_direction_and_determinism(tweety: am.ArgumentMap, tmp_path) -> None:
    text = dumps(tweety, style="print", direction="LR")
    assert "flowchart LR" in text
    colours = set(re.findall(r"#[0-9a-f]{6}", text.split("flowchart", 1)[1]))
    assert colours <= {"#000000", "#ffffff"}
    assert dumps(tweety) == dumps(tweety)
    path = dump(tweety, tmp_path / "m.mmd")
    assert path.read_text() == dumps(tweety)


def test_bad_options_are_clear_errors(tweety: am.ArgumentMap) -> None:
    with pytest.raises(
        am.OptionError, match=r"^unknown direction 'TD'; choose one of auto, BT, TB,"
    ):
        dumps(tweety, direction="TD")  # type: ignore[arg-type]
    with pytest.raises(
        am.OptionError, match="wrap must be a whole number of characters from 8 to 1000"
    ):
        dumps(tweety, wrap=2)


def test_hsv_and_x11_scheme_colours_become_css_as_graphviz_paints_them() -> None:
    m = am.ArgumentMap()
    m.claim("C", id="c")
    look = am.theme(
        kinds={"claim": {"fill": "0.650 0.700 0.700", "border": "/x11/navy", "text": "//Grey90"}},
        ink=".5,.5,.5",
    )
    text = dumps(m, style=look)
    assert "    classDef claim fill:#3542b2,stroke:#000080,color:#e5e5e5\n" in text
    assert "    classDef junction fill:#3f7f7f,stroke:#3f7f7f\n" in text


@pytest.mark.parametrize(
    ("changes", "where", "colour"),
    [
        ({"kinds": {"premise": {"fill": "/blues9/3"}}}, "kinds.premise.fill", "/blues9/3"),
        ({"muted": "/SVG/Gray"}, "muted", "/svg/gray"),
        ({"relations": {"attack": {"color": "/set13/1"}}}, "relations.attack.color", "/set13/1"),
    ],
)
def test_scheme_colours_with_no_css_value_are_refused_naming_the_field(
    changes: dict[str, Any], where: str, colour: str
) -> None:
    m = am.ArgumentMap()
    m.claim("C", id="c")
    look = am.theme(**changes)
    assert "digraph argmap" in m.to_dot(style=look).source  # DOT output takes it
    with pytest.raises(am.OptionError) as info:
        dumps(m, style=look)
    assert str(info.value) == (
        f"Mermaid output: style {where}: the Graphviz scheme colour {colour!r} has no CSS "
        "equivalent in argmap; use '#rrggbb', an HSV triple, a colour name or an /x11/ colour"
    )


# --- the real Mermaid parser (mermaid 11 on Node, with jsdom for its DOM needs) -----------
# scripts/_setup.sh (run by scripts/test) installs the exact packages of
# tests/node/package-lock.json into <venv>/node; tests/node/parse.mjs runs the parser.


@pytest.fixture(scope="module")
def mermaid_parser() -> Path:
    """The folder with the pinned mermaid and jsdom in ``node_modules``."""
    pinned_node_package("node_modules/mermaid", "the real Mermaid parser")
    return NODE_PACKAGES


def parse_with_mermaid(packages: Path, folder: Path, texts: dict[str, str]) -> dict[str, Any]:
    """What the real Mermaid parser reads in each text (by file name, written to ``folder``)."""
    return run_node_script("parse.mjs", packages, folder, texts)


def test_the_pinned_mermaid_and_jsdom_are_installed(mermaid_parser: Path) -> None:
    pins = json.loads((PINNED_NODE / "package.json").read_text(encoding="utf-8"))["dependencies"]
    installed = {
        name: json.loads(
            (mermaid_parser / "node_modules" / name / "package.json").read_text(encoding="utf-8")
        )["version"]
        for name in pins
    }
    assert installed == pins
    assert pins["mermaid"].startswith("11.")


def shown_lines(mermaid_text: str) -> list[str]:
    """What a browser shows for a parsed Mermaid label: Mermaid keeps entity codes as
    placeholders and turns them into HTML entities when it renders."""
    as_html = mermaid_text.replace("ﬂ°°", "&#").replace("ﬂ°", "&").replace("¶ß", ";")
    return [html.unescape(line) for line in re.split(r"<br\s*/?>", as_html)]


def test_real_mermaid_parses_our_output_and_shows_text_literally(
    mermaid_parser: Path, tweety: am.ArgumentMap, tmp_path: Path
) -> None:
    corpus = aif.load(DATA / "aif" / "6064-original.json")  # real AIFdb text
    hostile = am.ArgumentMap(title='Title "with" quotes <b>x</b>')
    c = hostile.claim(HOSTILE, id="end")
    hostile.premise("graph TD; A-->B\nclassDef x fill:red", id="graph", supports=c)
    parsed = parse_with_mermaid(
        mermaid_parser,
        tmp_path,
        {
            "hostile.mmd": dumps(hostile, wrap=200),
            "tweety.mmd": tweety.to_mermaid(),
            "view.mmd": tweety.focus("a", depth=0).to_mermaid(),
            "aif.mmd": corpus.to_mermaid(wrap=1000),
        },
    )
    got = parsed["hostile.mmd"]
    assert got["type"] == "flowchart-v2"
    (s1, shape1, text1, classes1), (s2, shape2, text2, _) = got["vertices"]
    assert (s1, shape1, classes1) == ("s1", "square", ["claim", "main"])
    assert shown_lines(text1) == ["CLAIM", HOSTILE.replace("\t", " ")]
    assert (s2, shape2) == ("s2", "round")
    assert shown_lines(text2) == ["PREMISE", "graph TD; A-->B", "classDef x fill:red"]
    assert got["edges"] == [["s2", "s1", "arrow_point", "normal"]]

    tw = parsed["tweety.mmd"]
    assert [v[1] for v in tw["vertices"]] == ["square", "round", "hexagon", "hexagon", "circle"]
    assert tw["edges"] == [
        ["s2", "j1", "arrow_open", "normal"],  # premise into the junction, no head
        ["j1", "s1", "arrow_point", "normal"],  # support: solid arrow
        ["s3", "j1", "arrow_cross", "dotted"],  # undercut: dotted, cross at the step
        ["s4", "s1", "arrow_point", "dotted"],  # attack: dotted arrow
    ]
    view = parsed["view.mmd"]
    assert [v[0] for v in view["vertices"]] == ["s1", "s1u"]
    assert shown_lines(view["vertices"][1][2]) == ["+3"]
    real = {v[0]: shown_lines(v[2]) for v in parsed["aif.mmd"]["vertices"]}
    for n, statement in enumerate(corpus.statements, 1):
        assert real[f"s{n}"] == [statement.kind.upper(), *statement.text.split("\n")]
