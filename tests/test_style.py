"""Styles and themes: what each theme changes, overrides, layout options, label modes."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from dot_lines import parse_line, resolved_lines
from pydantic import ValidationError

import argmap as am
from argmap.render.graphviz import pipe
from argmap.render.style import THEMES, NodeStyle, Style, theme

COLOUR_KEYS = {"color", "fillcolor", "fontcolor", "bgcolor"}


def statement_attrs(m: am.ArgumentMap, **options: object) -> dict[str, dict[str, str]]:
    found = resolved_lines(m.to_dot(**options).source)  # type: ignore[arg-type]
    return {s.id: found.get(s.id, found.get(f'"{s.id}"', {})) for s in m.statements}


def edge_attrs(m: am.ArgumentMap, **options: object) -> dict[str, dict[str, str]]:
    found = resolved_lines(m.to_dot(**options).source)  # type: ignore[arg-type]
    return {k: v for k, v in found.items() if " -> " in k}


def without_colour(attrs: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in attrs.items() if k not in COLOUR_KEYS and k != "id"}


@pytest.fixture
def trio() -> am.ArgumentMap:
    """One statement of each kind and one inference of each relation."""
    m = am.ArgumentMap(title="Trio")
    c = m.claim("Tax sugar", id="c")
    p = m.premise("Sugar harms health", id="p")
    s = m.support(p, c, id="s")
    m.counterpoint("Taxes are regressive", id="k", attacks=c)
    m.counterpoint("Harm is dose-dependent", id="u", undercuts=s)
    m.claim("An aside", id="q", supports=p)  # a claim that is not a main conclusion
    return m


def test_there_are_three_builtin_themes() -> None:
    assert sorted(THEMES) == ["colorblind", "default", "print"]
    assert theme("print") is THEMES["print"]


def test_colorblind_theme_tells_kinds_and_relations_apart_without_colour(
    trio: am.ArgumentMap,
) -> None:
    nodes = {k: without_colour(v) for k, v in statement_attrs(trio, style="colorblind").items()}
    claim, premise, counter = nodes["q"], nodes["p"], nodes["k"]
    assert claim == {"peripheries": "2", "style": "filled"}  # square corners, double border
    assert premise == {}  # the graph default: rounded, filled
    assert counter == {"style": "diagonals,filled", "penwidth": "1.4"}  # cut corners
    edges = {k: without_colour(v) for k, v in edge_attrs(trio, style="colorblind").items()}
    support, attack, undercut = edges["s -> c"], edges["k -> c"], edges["u -> s"]
    assert support == {"penwidth": "1.2"}
    assert attack == {"style": "dashed", "arrowhead": "empty", "penwidth": "1.4"}
    assert undercut == {"style": "dotted", "arrowhead": "tee", "penwidth": "2"}


def test_default_theme_differs_from_colorblind_by_more_than_colour(trio: am.ArgumentMap) -> None:
    default = {k: without_colour(v) for k, v in statement_attrs(trio).items()}
    assert default["q"] == default["p"] == default["k"] == {}  # kinds differ by colour + header
    blind = {k: without_colour(v) for k, v in statement_attrs(trio, style="colorblind").items()}
    assert blind != default
    assert len({tuple(sorted(blind[i].items())) for i in ("q", "p", "k")}) == 3


def test_print_theme_is_black_and_white(trio: am.ArgumentMap, dot_binary: str) -> None:
    source = trio.to_dot(style="print", legend=True).source
    colours = set(re.findall(r'(?:color|fillcolor|fontcolor|COLOR)="?([#\w]+)"?', source))
    assert colours == {"black", "white"}
    svg = ET.fromstring(pipe(trio.to_dot(style="print", legend=True), "svg"))
    painted = {
        el.get(attr) for el in svg.iter() for attr in ("fill", "stroke") if el.get(attr) is not None
    }
    assert painted <= {"black", "white", "none", "transparent", "#000000", "#ffffff"}


def test_print_and_colorblind_keep_the_same_shapes(trio: am.ArgumentMap) -> None:
    blind = {k: without_colour(v) for k, v in statement_attrs(trio, style="colorblind").items()}
    printed = {k: without_colour(v) for k, v in statement_attrs(trio, style="print").items()}
    assert {k: v.get("style") for k, v in blind.items()} == {
        k: v.get("style") for k, v in printed.items()
    }


def test_overrides_apply_kind_main_tag_node_metadata_then_node_attrs() -> None:
    m = am.ArgumentMap()
    c = m.claim("C", id="c", tags=["hot"])
    m.premise("P", id="p", supports=c, tags=["hot"])
    m.premise("Q", id="q", supports=c, metadata={"style": {"fill": "#123456"}})
    style = theme().override(
        kinds={"premise": {"fill": "#eeeeee"}},
        tags={"hot": {"border": "#ff0000", "border_style": "bold"}},
        nodes={"p": {"fill": "#00ff00"}, "q": {"fill": "#0000ff"}},
    )
    attrs = statement_attrs(m, style=style, node_attrs={"c": {"penwidth": "5"}})
    assert attrs["c"]["color"] == "#ff0000"  # tag over kind
    assert attrs["c"]["penwidth"] == "5"  # node_attrs last, over main emphasis
    assert attrs["p"]["fillcolor"] == "#00ff00"  # node over kind
    assert attrs["p"]["style"] == "rounded,filled,bold"
    assert attrs["q"]["fillcolor"] == "#123456"  # the statement's own metadata style wins
    assert attrs["q"]["color"] == "#2e7d32"  # untouched fields inherit the kind's


def test_override_merges_field_by_field_and_validates() -> None:
    s = theme("colorblind").override(relations={"attack": {"color": "#000000"}}, wrap=20)
    assert s.relations["attack"].line == "dashed"
    assert s.relations["attack"].color == "#000000"
    assert s.wrap == 20 and s.name == "colorblind"
    with pytest.raises(ValidationError, match="fill"):
        theme().override(kinds={"claim": {"fill": "red; evil"}})
    with pytest.raises(ValidationError, match="wrap"):
        theme(wrap=3)
    with pytest.raises(ValidationError, match="shape"):
        NodeStyle(shape="star")  # type: ignore[arg-type]


def test_bad_metadata_style_names_the_statement() -> None:
    m = am.ArgumentMap()
    with pytest.raises(am.ArgmapError, match=r"statement 'c': style: fill"):
        m.claim("C", id="c", metadata={"style": {"fill": 3}})  # refused when added
    assert "c" not in m


@pytest.mark.parametrize("direction", ["BT", "TB", "LR", "RL"])
def test_direction_sets_rankdir(trio: am.ArgumentMap, direction: str) -> None:
    assert f"rankdir={direction} " in trio.to_dot(direction=direction).source


def test_main_conclusion_is_kept_on_the_last_rank(trio: am.ArgumentMap) -> None:
    assert trio.to_dot().source.endswith("\t{\n\t\trank=max\n\t\tc\n\t}\n}\n")
    assert "rank=max" not in trio.to_dot(style=theme(main_on_top=False)).source


def test_clusters_group_statements_by_tag() -> None:
    m = am.ArgumentMap()
    c = m.claim("C", id="c")
    m.premise("P", id="p", supports=c, tags=["economic"])
    m.premise("Q", id="q", supports=c, tags=["battlefield", "economic"])
    m.premise("R", id="r", supports=c, tags=["economic"])
    source = m.to_dot(clusters=True).source
    assert "subgraph cluster_0 {" in source and "label=<<I>economic</I>>" in source
    assert "subgraph cluster_1 {" in source and "label=<<I>battlefield</I>>" in source
    block0 = source.split("subgraph cluster_0 {")[1].split("}")[0]
    assert "\t\tp [" in block0 and "\t\tr [" in block0 and "\t\tq [" not in block0
    preferred = m.to_dot(clusters=["economic"]).source
    assert "cluster_1" not in preferred
    assert "\t\tq [" in preferred.split("subgraph cluster_0 {")[1].split("}")[0]
    assert "cluster" not in m.to_dot().source


def test_legend_lists_only_what_the_map_uses(dot_binary: str) -> None:
    m = am.ArgumentMap()
    c = m.claim("C", id="c")
    m.premise("P", id="p", supports=c)
    source = m.to_dot(legend=True).source
    assert set(re.findall(r'"(legend#[\w-]*)"', source)) == {"legend#"}  # one node
    svg = ET.fromstring(pipe(m.to_dot(legend=True), "svg"))
    texts = {t.text for t in svg.iter("{http://www.w3.org/2000/svg}text")}
    assert {"Legend", "Claim", "Premise", "supports"} <= texts
    assert not {"Counterpoint", "attacks", "undercuts a step", "linked premises"} & texts
    assert "legend" not in m.to_dot().source


def _label(m: am.ArgumentMap, id: str, **options: object) -> str:
    lines = m.to_dot(**options).source.splitlines()  # type: ignore[arg-type]
    return parse_line(next(x for x in lines if x.startswith(f"\t{id} [")))[1]


def test_label_modes() -> None:
    m = am.ArgumentMap()
    m.claim("Sugar taxes cut consumption", id="c", title="Taxes work", tags=["econ"])
    m.premise("No title here", id="p", metadata={"source": "a survey"})
    head = '<<FONT POINT-SIZE="9" COLOR="#1f4e79">CLAIM</FONT><BR/>'
    assert _label(m, "c") == head + "<B>Taxes work</B><BR/>Sugar taxes cut consumption>"
    assert _label(m, "c", labels="text") == head + "Sugar taxes cut consumption>"
    assert _label(m, "c", labels="title") == head + "<B>Taxes work</B>>"
    assert _label(m, "c", labels="id") == head + "c>"
    assert "quoted" not in _label(m, "p")  # the marker is optional
    assert _label(m, "p", style=theme(show_sources=True), labels="title") == (
        '<<FONT POINT-SIZE="9" COLOR="#2e7d32">PREMISE · quoted</FONT><BR/>p>'
    )
    tagged = _label(m, "c", style=theme(show_tags=True, show_kind=False), labels="text")
    assert tagged == (
        '<Sugar taxes cut consumption<BR/><FONT POINT-SIZE="9" COLOR="#777777">#econ</FONT>>'
    )


def test_wrap_width(trio: am.ArgumentMap) -> None:
    m = am.ArgumentMap()
    m.claim("one two three four five six", id="c")
    assert _label(m, "c", wrap=9).endswith("<BR/>one two<BR/>three<BR/>four five<BR/>six>")


def test_style_is_a_plain_pydantic_model_that_round_trips() -> None:
    s = theme("colorblind", legend=True, clusters=("economy",))
    assert Style.model_validate_json(s.model_dump_json()) == s


# ------------------------------------------------------------------------------ colours
FORMS = (
    "use '#rrggbb', '#rrggbbaa', '#rgb', an HSV triple of numbers from 0 to 1 "
    "('0.65 0.7 0.7'), a Graphviz colour name (X11 or SVG, e.g. 'black', 'lightblue', "
    "'grey90', 'crimson') or a scheme colour ('/x11/red', '/svg/gray', '/blues9/3')"
)


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("#fff", "#ffffff"),
        ("#1F4E79", "#1F4E79"),
        ("#1f4e7980", "#1f4e7980"),
        ("LightBlue", "lightblue"),
        ("grey90", "grey90"),
        ("crimson", "crimson"),
        ("0.650 0.700 0.700", "0.650 0.700 0.700"),
        ("0.65,0.7,0.7", "0.65,0.7,0.7"),
        ("0.65, 0.7, 0.7", "0.65, 0.7, 0.7"),
        (".5 1 0", ".5 1 0"),
        ("/blues9/3", "/blues9/3"),
        ("/Accent3/1", "/accent3/1"),
        ("/paired12/12", "/paired12/12"),
        ("/x11/Red", "/x11/red"),
        ("//grey90", "//grey90"),
        ("/crimson", "/crimson"),
        ("/svg/gray", "/svg/gray"),
    ],
)
def test_colours_graphviz_takes_are_accepted(given: str, kept: str) -> None:
    assert NodeStyle(fill=given).fill == kept
    assert theme(ink=given).ink == kept


@pytest.mark.parametrize(
    ("given", "hint"),
    [
        ("notacolour", ""),
        ("lightblu", " (did you mean 'lightblue'?)"),
        ("#ffff", ""),
        ("#12345", ""),
        ("light blue", " (did you mean 'lightblue'?)"),
        ("rgb(1,2,3)", ""),
    ],
)
def test_other_colours_are_refused_naming_the_forms_taken(given: str, hint: str) -> None:
    with pytest.raises(ValidationError) as info:
        NodeStyle(fill=given)
    [error] = info.value.errors(include_url=False)
    assert error["loc"] == ("fill",)
    assert error["msg"] == f"Value error, {given!r} is not a colour Graphviz knows{hint}; {FORMS}"


@pytest.mark.parametrize(
    ("given", "problem"),
    [
        ("1.5 0.2 0.2", "the hue, saturation and value of an HSV colour go from 0 to 1"),
        ("/blues9/12", "the colours of 'blues9' are 1 to 9, not '12'"),
        ("/blues9/x", "the colours of 'blues9' are 1 to 9, not 'x'"),
        ("/blues2/1", "the blues palette comes in 3 to 9 colours, not 2"),
        ("/accent9/1", "the accent palette comes in 3 to 8 colours, not 9"),
        ("/x11/nope", "'nope' is not an X11 colour name"),
        ("/svg/grey90", "'grey90' is not an SVG colour name"),
        (
            "/nope3/1",
            "'nope3' is not a colour scheme Graphviz knows (x11, svg or a ColorBrewer palette "
            "and size such as blues9: accent, blues, brbg, bugn, bupu, dark2, gnbu, greens, "
            "greys, oranges, orrd, paired, pastel1, pastel2, piyg, prgn, pubu, pubugn, puor, "
            "purd, purples, rdbu, rdgy, rdpu, rdylbu, rdylgn, reds, set1, set2, set3, "
            "spectral, ylgn, ylgnbu, ylorbr, ylorrd)",
        ),
    ],
)
def test_hsv_and_scheme_colours_graphviz_would_not_draw_are_refused(
    given: str, problem: str
) -> None:
    with pytest.raises(ValidationError) as info:
        NodeStyle(border=given)
    [error] = info.value.errors(include_url=False)
    assert error["loc"] == ("border",)
    assert (
        error["msg"] == f"Value error, {given!r} is not a colour Graphviz knows: {problem}; {FORMS}"
    )


def _scheme_colours() -> list[str]:
    """Every ColorBrewer and SVG scheme colour argmap takes, and the X11 ones by the
    three ways of naming the X11 scheme."""
    from argmap.render.colours import BREWER, COLOUR_NAMES, SVG_NAMES

    brewer = [
        f"/{palette}{size}/{k}"
        for palette, most in BREWER.items()
        for size in range(3, most + 1)
        for k in range(1, size + 1)
    ]
    x11 = [f"{prefix}{name}" for name in sorted(COLOUR_NAMES) for prefix in ("/x11/", "//", "/")]
    return brewer + [f"/svg/{name}" for name in sorted(SVG_NAMES)] + x11


def test_every_scheme_and_hsv_colour_taken_is_drawn_by_graphviz(dot_binary: str) -> None:
    """The installed dot knows every scheme colour argmap takes (none is 'not a known
    color', none is refused by parse_colour), and paints HSV and X11 scheme colours
    with the value css_colour gives Mermaid."""

    from argmap.render.colours import COLOUR_NAMES, css_colour, parse_colour

    hsv = ["0.650 0.700 0.700", "0.65,0.7,0.7", ".5 .5 .5", "0 1 1", "1,1,1", "0.1 0.9 0.35"]
    colours = _scheme_colours() + hsv
    assert [parse_colour(c) for c in colours] == colours
    assert len(colours) > 1689 + 147  # all ColorBrewer palettes and sizes, SVG names
    drawn, warnings = _draw_fills(dot_binary, colours)
    assert "not a known color" not in warnings, warnings[:500]
    painted = dict(
        re.findall(r'\bn(\d+)\s+\[_draw_="c \d+ -#[0-9a-f]+ C \d+ -(#[0-9a-f]+) ', drawn)
    )
    opaque = [n for n, value in COLOUR_NAMES.items() if len(value) == 7]  # not none/invis
    x11 = [f"{prefix}{name}" for name in opaque for prefix in ("/x11/", "//", "/")]
    for colour in hsv + x11:
        assert painted[str(colours.index(colour))] == css_colour(colour), colour


def test_a_statement_style_with_an_unknown_colour_is_refused_when_made() -> None:
    m = am.ArgumentMap()
    with pytest.raises(am.ArgmapError, match=r"fill: 'notacolour' is not a colour Graphviz"):
        m.claim("C", id="c", metadata={"style": {"fill": "notacolour"}})
    assert len(m) == 0


def test_every_colour_name_is_drawn_by_graphviz_as_its_value(dot_binary: str) -> None:
    """Every name argmap takes is one the installed Graphviz knows (no 'not a known
    color' warning, in svg and png) and paints with the value argmap's table gives."""
    import subprocess

    from argmap.render.colours import COLOUR_NAMES

    names = sorted(COLOUR_NAMES)
    body = "".join(f'n{i} [style=filled fillcolor="{name}"]\n' for i, name in enumerate(names))
    source = ("digraph {\n" + body + "}\n").encode()
    for fmt in ("svg", "png"):
        done = subprocess.run(
            [dot_binary, f"-T{fmt}"], input=source, capture_output=True, check=True
        )
        assert b"not a known color" not in done.stderr, done.stderr.decode()[:500]
    xdot = subprocess.run(
        [dot_binary, "-Txdot"], input=source, capture_output=True, check=True
    ).stdout.decode()
    painted = {
        names[int(i)]: colour
        for i, colour in re.findall(
            r'\bn(\d+)\s+\[_draw_="c \d+ -#[0-9a-f]+ C \d+ -(#[0-9a-f]+) ', xdot
        )
    }
    assert painted == COLOUR_NAMES
    assert len(COLOUR_NAMES) > 600  # X11 and SVG names, with the numbered X11 shades


def test_a_colour_name_reaches_graphviz_and_mermaid(dot_binary: str) -> None:
    m = am.ArgumentMap()
    m.claim("C", id="c", metadata={"style": {"fill": "Crimson", "border": "#abc"}})
    [line] = [x for x in m.to_dot().source.splitlines() if x.startswith("\tc [")]
    attrs = parse_line(line)[2]
    assert (attrs["fillcolor"], attrs["color"]) == ("crimson", "#aabbcc")
    assert b'fill="crimson"' in pipe(m, "svg")
    from argmap.render.mermaid import dumps

    named = theme(kinds={"claim": {"fill": "Crimson", "border": "grey50", "text": "white"}})
    assert "    classDef claim fill:#dc143c,stroke:#7f7f7f,color:#ffffff\n" in dumps(m, style=named)


def test_hsv_and_scheme_colours_reach_graphviz_as_drawn(dot_binary: str) -> None:
    m = am.ArgumentMap()
    m.claim("C", id="c", metadata={"style": {"fill": "0.650 0.700 0.700", "border": "/Blues9/7"}})
    m.premise("P", id="p", supports="c")
    look = theme(ink="/svg/gray", relations={"support": {"color": "0.3,1,0.5"}})
    [line] = [x for x in m.to_dot(style=look).source.splitlines() if x.startswith("\tc [")]
    attrs = parse_line(line)[2]
    assert (attrs["fillcolor"], attrs["color"]) == ("0.650 0.700 0.700", "/blues9/7")
    root = ET.fromstring(pipe(m, "svg", style=look))
    ns = {"svg": "http://www.w3.org/2000/svg"}
    claim = root.find(".//svg:g[@id='am:c']", ns)
    assert claim is not None
    [shape] = claim.findall("svg:path", ns) or claim.findall("svg:polygon", ns)
    assert (shape.get("fill"), shape.get("stroke")) == ("#3542b2", "#2171b5")
    arrow = root.find(".//svg:g[@id='am:p-supports-c:c']/svg:path", ns)
    assert arrow is not None and arrow.get("stroke") == "#197f00"
    kind = claim.find("svg:text[@font-size='9.00']", ns)
    assert kind is not None and kind.get("fill") == "#2171b5"  # the kind line in the border colour


def test_the_scheme_colours_refused_are_ones_graphviz_does_not_know(dot_binary: str) -> None:
    """Each ColorBrewer palette one size too big or too small, an SVG-scheme X11 shade, an
    unknown scheme: dot warns about every one, so refusing them loses nothing."""

    from argmap.render.colours import BREWER, parse_colour

    refused = [f"/{p}{most + 1}/1" for p, most in BREWER.items()]
    refused += [f"/{p}2/1" for p in BREWER] + ["/svg/grey90", "/nope3/1", "/x11/nope"]
    for colour in refused:
        with pytest.raises(ValueError, match="is not a colour Graphviz knows: "):
            parse_colour(colour)
    warnings = _draw_fills(dot_binary, refused)[1]
    warned = set(re.findall(r"Warning: (\S+) is not a known color", warnings))
    assert warned == set(refused)


def _draw_fills(dot_binary: str, colours: list[str]) -> tuple[str, str]:
    """``dot``'s xdot output and its warnings for one node filled with each colour."""
    import subprocess

    body = "".join(f'n{i} [style=filled fillcolor="{c}"]\n' for i, c in enumerate(colours))
    done = subprocess.run(
        [dot_binary, "-Txdot"],
        input=("digraph {\n" + body + "}\n").encode(),
        capture_output=True,
        check=True,
    )
    return done.stdout.decode(), done.stderr.decode()
