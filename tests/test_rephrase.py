"""The rephrase relation: one statement restating another (AIF's MA nodes)."""

from __future__ import annotations

import pytest
from dot_lines import resolved_lines
from pydantic import ValidationError

import argmap as am
from argmap.analysis import evaluate
from argmap.analysis.framework import bipolar_from_map, from_map
from argmap.analysis.gradual import dfquad
from argmap.analysis.lint import lint
from argmap.model import Inference, adapter
from argmap.render.graphviz import pipe
from argmap.render.style import theme


@pytest.fixture
def said_twice() -> am.ArgumentMap:
    m = am.ArgumentMap()
    c = m.claim("Taxing sugar improves health", id="c")
    m.premise("Sugar causes disease", id="p", supports=c)
    again = m.claim("A sugar tax makes people healthier", id="again")
    m.rephrase(again, c)
    return m


def test_rephrase_adds_one_inference_with_one_premise(said_twice: am.ArgumentMap) -> None:
    inf = said_twice.inference("again-rephrases-c")
    assert (inf.relation, inf.premises, inf.target) == ("rephrase", ("again",), "c")
    g = said_twice.graph
    assert g.nodes["again-rephrases-c"]["relation"] == "rephrase"
    assert g.edges["again", "again-rephrases-c"] == {"role": "premise", "relation": "rephrase"}
    assert g.edges["again-rephrases-c", "c"] == {"role": "target", "relation": "rephrase"}


def test_a_statement_that_only_rephrases_is_not_a_main_conclusion(
    said_twice: am.ArgumentMap,
) -> None:
    assert [s.id for s in said_twice.main_conclusions()] == ["c"]


def test_a_rephrase_is_neither_a_reason_nor_an_objection(said_twice: am.ArgumentMap) -> None:
    assert [i.id for i in said_twice.reasons("c")] == ["p-supports-c"]
    assert said_twice.objections("c") == []
    assert [i.id for i in said_twice.uses("again")] == ["again-rephrases-c"]
    assert said_twice.find_inference("again", "c", relation="rephrase").id == "again-rephrases-c"


def test_a_rephrase_has_exactly_one_premise() -> None:
    m = am.ArgumentMap()
    c = m.claim("C", id="c")
    m.claim("A", id="a")
    m.claim("B", id="b")
    with pytest.raises(am.InvalidRelationError) as info:
        m.rephrase(["a", "b"], c)  # type: ignore[arg-type]
    assert str(info.value) == "a rephrase of 'c' has exactly one premise, not 2"
    with pytest.raises(ValidationError, match=r"a rephrase has exactly one premise .*not 2"):
        adapter(Inference).validate_python(
            {"id": "r", "relation": "rephrase", "premises": ["a", "b"], "target": "c"}
        )
    assert len(list(m.inferences)) == 0


def test_a_rephrase_targets_a_statement_and_cannot_be_undercut() -> None:
    m = am.ArgumentMap()
    c = m.claim("C", id="c")
    s = m.support(m.premise("P", id="p"), c)
    m.claim("A", id="a")
    with pytest.raises(am.InvalidRelationError) as info:
        m.rephrase("a", s)
    assert str(info.value) == (
        "inference 'a-rephrases-p-supports-c': a rephrase must target a statement, "
        "but 'p-supports-c' is an inference"
    )
    r = m.rephrase("a", c)
    with pytest.raises(am.InvalidRelationError) as info:
        m.counterpoint("K", id="k", undercuts=r)
    assert str(info.value) == (
        "'k' cannot undercut 'a-rephrases-c': 'a-rephrases-c' is a rephrase, which gives no "
        "reason to undercut"
    )
    assert "k" not in m
    m.counterpoint("K", id="k")
    with pytest.raises(am.InvalidRelationError) as info:
        m.add_inference(
            Inference(id="u", relation="undercut", premises=("k",), target="a-rephrases-c")
        )
    assert str(info.value) == (
        "inference 'u': 'a-rephrases-c' is a rephrase, which gives no reason to undercut"
    )
    with pytest.raises(am.InvalidRelationError) as info:
        m.premise("Q", id="q", supports=r)
    assert str(info.value) == (
        "cannot join 'q' to 'a-rephrases-c': 'a-rephrases-c' is a rephrase, which has "
        "exactly one premise"
    )


def test_rephrases_survive_argmap_json(said_twice: am.ArgumentMap) -> None:
    text = said_twice.to_json()
    assert '"relation": "rephrase"' in text
    back = am.ArgumentMap.from_json(text)
    assert back == said_twice
    assert back.to_json() == text


def test_evaluation_ignores_a_rephrase(said_twice: am.ArgumentMap) -> None:
    m = said_twice
    m.counterpoint("Sugar taxes are regressive", id="k", attacks="again")
    b = bipolar_from_map(m)
    assert b.arguments == ("c", "p", "again", "k")
    assert b.attacks == (("k", "again"),)
    assert b.supports == (("p", "c"),)
    assert from_map(m, support="supported+secondary").attacks == (("k", "again"),)
    result = evaluate(m)
    # the attack on one wording does not defeat the other: the two are two arguments
    assert (result["c"].label, result["again"].label) == ("in", "out")
    assert set(dfquad(b)) == {"c", "p", "again", "k"}


def test_lint_follows_rephrases() -> None:
    m = am.ArgumentMap()
    c = m.claim("C", id="c")
    again = m.claim("C again", id="again")
    m.rephrase(again, c)
    assert [(i.code, i.nodes) for i in lint(m)] == [("unsupported-main-claim", ("c",))]
    m.premise("P", id="p", supports=again)  # a reason for the restatement is one for c
    assert lint(m) == []
    k = m.counterpoint("K", id="k", attacks=c)
    k2 = m.counterpoint("K said again", id="k2")
    assert [i.code for i in lint(m)] == ["isolated-statement"]
    m.rephrase(k2, k)  # k2 restates an objection: related through the rephrase
    assert lint(m) == []
    m.counterpoint("K3", id="k3")
    m.rephrase("k3", "k2")  # k3 restates k2, which attacks nothing itself: still fine
    m.counterpoint("K4", id="k4")
    m.rephrase("k2", "k4")  # k4 is only restated: it attacks nothing
    assert [(i.code, i.nodes) for i in lint(m)] == [("counterpoint-attacks-nothing", ("k4",))]
    assert m.remove("k4") == ["k4", "k2-rephrases-k4"]
    m.premise("P2", id="p2")
    m.rephrase("p2", "p")
    assert lint(m) == []


def test_a_chain_of_rephrases_leads_to_a_reason() -> None:
    m = am.ArgumentMap()
    m.claim("C", id="c")
    m.claim("C2", id="c2")
    m.claim("C3", id="c3")
    m.rephrase("c2", "c")
    m.rephrase("c3", "c2")
    m.rephrase("c", "c3")  # a circle of rephrases has no main conclusion at all
    assert m.main_conclusions() == []
    m2 = am.ArgumentMap()
    m2.claim("C", id="c")
    m2.claim("C2", id="c2")
    m2.claim("C3", id="c3")
    m2.rephrase("c2", "c")
    m2.rephrase("c3", "c2")
    assert [i.code for i in lint(m2)] == ["unsupported-main-claim"]
    m2.premise("P", id="p", supports="c3")
    assert lint(m2) == []


# --------------------------------------------------------------------------- drawing
def _edge_line(source: str, tail: str, head: str) -> str:
    [line] = [x.strip() for x in source.splitlines() if x.strip().startswith(f"{tail} -> {head} [")]
    return line


def _edge_look(source: str, tail: str, head: str) -> dict[str, str]:
    """The edge's attributes with the ``edge [...]`` defaults before it applied."""
    return resolved_lines(source)[f"{tail} -> {head}"]


@pytest.mark.parametrize(
    ("style", "colour"),
    [("default", "#616161"), ("colorblind", "#555555"), ("print", "black")],
)
def test_a_rephrase_is_drawn_as_a_double_line_without_a_head(
    said_twice: am.ArgumentMap, style: str, colour: str
) -> None:
    source = said_twice.to_dot(style=style).source
    assert _edge_look(source, "again", "c") == {
        "arrowhead": "none",
        "color": f"{colour}:invis:{colour}",
        "id": "am:again-rephrases-c:c",
    }
    # supports keep their own look
    assert "invis" not in _edge_look(source, "p", "c").get("color", "black")


def test_the_legend_names_rephrases_with_their_double_line(said_twice: am.ArgumentMap) -> None:
    source = said_twice.to_dot(legend=True).source
    # a line drawn top and bottom in the rephrase colour, with no head after it
    assert (
        '<TD><TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0"><TR><TD SIDES="TB" BORDER="1" '
        'COLOR="#616161" WIDTH="16" HEIGHT="6" FIXEDSIZE="TRUE"></TD><TD></TD></TR></TABLE></TD>'
        '<TD ALIGN="LEFT">rephrases</TD>'
    ) in source


def test_a_rephrase_style_can_be_overridden(said_twice: am.ArgumentMap) -> None:
    source = said_twice.to_dot(
        style=theme(relations={"rephrase": {"double": False, "line": "dotted"}})
    ).source
    assert _edge_look(source, "again", "c") == {
        "arrowhead": "none",
        "color": "#616161",
        "id": "am:again-rephrases-c:c",
        "style": "dotted",
    }


def test_mermaid_draws_a_rephrase_as_a_thick_line_without_a_head(
    said_twice: am.ArgumentMap,
) -> None:
    lines = said_twice.to_mermaid().splitlines()
    assert "    s3 === s1" in lines
    assert "    s2 --> s1" in lines
    assert "    linkStyle 1 stroke:#616161" in lines


def test_a_drawing_of_a_rephrase_renders(said_twice: am.ArgumentMap, dot_binary: str) -> None:
    svg = pipe(said_twice.to_dot(legend=True), "svg").decode()
    edge = svg.split('<g id="am:again&#45;rephrases&#45;c:c" class="edge">', 1)[1].split("</g>")[0]
    assert edge.count('stroke="#616161"') == 2  # two parallel lines
    assert "<polygon" not in edge  # and no arrow head


# --------------------------------------------------------------------- other formats
def test_every_writer_takes_a_map_with_a_rephrase(said_twice: am.ArgumentMap) -> None:
    from argmap import registry

    for name in registry.writable():
        assert am.dumps(said_twice, name).strip()
    for name in ("argmap", "aif"):
        assert am.loads(am.dumps(said_twice, name), format=name) == said_twice


def test_sadface_writes_a_rephrase_as_a_rephrase_scheme_and_reads_it_back(
    said_twice: am.ArgumentMap,
) -> None:
    import json

    from argmap.formats import sadface

    doc = json.loads(sadface.dumps(said_twice))
    schemes = [n for n in doc["nodes"] if n["type"] == "scheme"]
    assert [(n["id"], n["name"]) for n in schemes] == [
        ("p-supports-c", "support"),
        ("again-rephrases-c", "rephrase"),
    ]
    back = sadface.loads(sadface.dumps(said_twice))
    assert back == said_twice
    assert json.loads(sadface.dumps(back))["nodes"] == doc["nodes"]
