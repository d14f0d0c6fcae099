"""Building maps: the short API, linked/convergent/undercut structure, errors naming ids."""

from __future__ import annotations

import random
from collections.abc import Callable

import networkx as nx
import pytest
from pydantic import ValidationError

import argmap as am
from argmap import (
    ArgmapError,
    ArgumentMap,
    DuplicateIdError,
    InvalidRelationError,
    NodeNotFoundError,
    SelfLoopError,
)
from argmap.model import adapter, as_dict


@pytest.fixture
def small() -> ArgumentMap:
    m = ArgumentMap(title="Ammunition")
    c = m.claim("NATO now out-produces Russia in ammunition", id="main")
    m.premise("Defence production capacity expanded across NATO countries", supports=c, id="p")
    m.counterpoint(
        "Production does not mean immediate change on the battlefield", attacks=c, id="k"
    )
    return m


def test_quick_start_from_the_issue_works_as_written() -> None:
    m = am.ArgumentMap(title="NATO has reversed Russia's edge in ammunition production")
    c = m.claim("NATO now out-produces Russia in ammunition", id="main")
    p = m.premise("Defence production capacity expanded across NATO countries", supports=c)
    k = m.counterpoint("Production does not mean immediate change on the battlefield", attacks=c)
    assert isinstance(m.to_json(), str)
    assert "digraph" in m.to_dot().source
    assert isinstance(m.graph, nx.DiGraph)
    assert p.id == "defence-production-capacity-expanded"
    assert k.id == "production-does-not-mean-immediate"
    assert [i.id for i in m.reasons(c)] == ["defence-production-capacity-expanded-supports-main"]
    assert [i.relation for i in m.objections("main")] == ["attack"]


def test_graph_layout_reifies_inferences(small: ArgumentMap) -> None:
    g = small.graph
    assert list(g.nodes) == ["main", "p", "p-supports-main", "k", "k-attacks-main"]
    assert g.nodes["main"]["kind"] == "claim"
    assert g.nodes["p-supports-main"] == {
        "kind": "inference",
        "relation": "support",
        "model": small["p-supports-main"],
    }
    assert g.edges["p", "p-supports-main"] == {"role": "premise", "relation": "support"}
    assert g.edges["p-supports-main", "main"] == {"role": "target", "relation": "support"}
    assert nx.ancestors(g, "main") == {"p", "p-supports-main", "k", "k-attacks-main"}


def test_linked_versus_convergent_premises() -> None:
    m = ArgumentMap()
    c = m.claim("Socrates is mortal", id="c")
    p1 = m.premise("All humans are mortal", id="p1")
    p2 = m.premise("Socrates is human", id="p2")
    linked = m.support([p1, p2], c)
    m.premise("The oracle says so", id="p3", supports=c)
    assert linked.linked and linked.premises == ("p1", "p2")
    assert [(i.premises, i.linked) for i in m.reasons(c)] == [
        (("p1", "p2"), True),
        (("p3",), False),
    ]


def test_joining_an_existing_inference_adds_a_linked_premise() -> None:
    m = ArgumentMap()
    c = m.claim("C", id="c")
    p1 = m.premise("P1", id="p1")
    inf = m.support(p1, c, id="arg")
    m.premise("P2", id="p2", supports=inf)
    assert m.inference("arg").premises == ("p1", "p2")
    assert m.graph.has_edge("p2", "arg")
    with pytest.raises(InvalidRelationError, match="'arg' is a support inference"):
        m.counterpoint("K", id="k", attacks="arg")
    assert "k" not in m  # the failed call left the map unchanged


def test_undercut_targets_an_inference() -> None:
    m = ArgumentMap()
    c = m.claim("C", id="c")
    p = m.premise("P", id="p", supports=c)
    inf = m.find_inference(p, c)
    u = m.counterpoint("The step from P to C fails", id="u", undercuts=inf)
    assert m.objections(inf) == [m["u-undercuts-p-supports-c"]]
    assert m.uses(u)[0].target == "p-supports-c"
    assert m.descendants("u") == {"c"}
    assert m.ancestors("c") == {"p", "u"}


def test_premise_can_be_supported_and_counterpoint_supported_and_attacked() -> None:
    m = ArgumentMap()
    c = m.claim("C", id="c")
    p = m.premise("P", id="p", supports=c)
    m.premise("Q", id="q", supports=p)
    k = m.counterpoint("K", id="k", attacks=c)
    m.premise("R", id="r", supports=k)
    m.premise("S", id="s", attacks=k)
    assert [i.premises for i in m.reasons(k)] == [("r",)]
    assert [i.premises for i in m.objections(k)] == [("s",)]
    assert m.lint() == []


def test_derived_ids_are_deterministic_and_unique() -> None:
    def build() -> list[str]:
        m = ArgumentMap()
        c = m.claim("Same words here", supports=None)
        m.premise("Same words here", supports=c)
        m.premise("Same words here", supports=c)
        return [n for n in m.graph.nodes]

    first = build()
    assert first == build()
    assert first == [
        "same-words-here",
        "same-words-here-2",
        "same-words-here-2-supports-same-words-here",
        "same-words-here-3",
        "same-words-here-3-supports-same-words-here",
    ]


def test_duplicate_id_is_an_error_naming_the_id(small: ArgumentMap) -> None:
    with pytest.raises(DuplicateIdError, match="id 'main' is already used by a claim") as info:
        small.premise("Another", id="main")
    assert info.value.ids == ("main",)
    with pytest.raises(DuplicateIdError, match="already used by an inference"):
        small.premise("Another", id="p-supports-main")


def test_unknown_ids_are_errors_naming_them(small: ArgumentMap) -> None:
    with pytest.raises(NodeNotFoundError, match="no statement or inference 'nope'") as info:
        small.premise("P2", id="p2", supports="nope")
    assert info.value.ids == ("p2", "nope")
    assert "p2" not in small
    with pytest.raises(NodeNotFoundError, match="premise 'ghost' is not in this map"):
        small.support(["p", "ghost"], "main")
    with pytest.raises(NodeNotFoundError, match="target 'ghost' is not in this map"):
        small.attack("k", "ghost")
    with pytest.raises(NodeNotFoundError, match="no statement or inference 'ghost'"):
        small["ghost"]
    with pytest.raises(KeyError):  # NodeNotFoundError is a KeyError too
        small.reasons("ghost")


def test_self_loops_are_errors(small: ArgumentMap) -> None:
    with pytest.raises(SelfLoopError, match="'x' cannot support itself"):
        small.premise("X", id="x", supports="x")
    with pytest.raises(SelfLoopError, match="'main' cannot support itself"):
        small.support("main", "main")
    with pytest.raises(SelfLoopError, match="cannot target itself"):
        small.add_inference(am.Inference(id="u", relation="undercut", premises=("k",), target="u"))


def test_impossible_shapes_are_errors(small: ArgumentMap) -> None:
    with pytest.raises(InvalidRelationError, match="an undercut must target an inference"):
        small.undercut("k", "main")
    with pytest.raises(InvalidRelationError, match="'main' is a statement; an undercut targets"):
        small.counterpoint("K2", id="k2", undercuts="main")
    with pytest.raises(InvalidRelationError, match="a support must target a statement"):
        small.support("k", "p-supports-main")
    with pytest.raises(InvalidRelationError, match="premise 'p-supports-main' is an inference"):
        small.attack("p-supports-main", "k")
    with pytest.raises(DuplicateIdError, match="the same premises already support 'main'"):
        small.support("p", "main")


def test_update_replaces_fields_and_keeps_structure(small: ArgumentMap) -> None:
    new = small.update("p", text="Capacity grew", tags=("industry",))
    assert small["p"] == new and new.tags == ("industry",)
    small.update("p", kind="claim")
    assert small.graph.nodes["p"]["kind"] == "claim"
    with pytest.raises(ArgmapError, match="cannot change id of 'p'"):
        small.update("p", id="q")
    with pytest.raises(ArgmapError, match="cannot change premises, target"):
        small.update("p-supports-main", premises=("k",), target="p")


def test_remove_cascades_to_dependent_inferences() -> None:
    m = ArgumentMap()
    c = m.claim("C", id="c")
    p = m.premise("P", id="p", supports=c)
    m.counterpoint("U", id="u", undercuts=m.find_inference(p, c))
    assert m.remove("p") == ["p", "p-supports-c", "u-undercuts-p-supports-c"]
    assert [s.id for s in m] == ["c", "u"]
    assert list(m.inferences) == []


def test_unknown_ids_suggest_close_ones_and_what_to_call(small: ArgumentMap) -> None:
    def message(call: Callable[[], object]) -> str:
        with pytest.raises(NodeNotFoundError) as info:
            call()
        return str(info.value)

    assert message(lambda: small.premise("P2", supports="mian")) == (
        "cannot make 'p2' support 'mian': no statement or inference 'mian' in this map; "
        "did you mean 'main'?"
    )
    assert message(lambda: small.support("p", "mains")) == (
        "a support of 'mains': target 'mains' is not in this map; did you mean 'main'?"
    )
    assert message(lambda: small.attack(["k", "pp"], "main")) == (
        "an attack of 'main': premise 'pp' is not in this map; did you mean 'p'?"
    )
    assert message(lambda: small.counterpoint("U", undercuts="p-supports-mian")) == (
        "'u' cannot undercut 'p-supports-mian': no inference 'p-supports-mian' in this map; "
        "did you mean 'p-supports-main'?"
    )
    assert message(lambda: small.reasons("Main")) == (
        "no statement or inference 'Main' in this map; did you mean 'main'?"
    )
    assert message(lambda: small.statement("p-supports-main")) == (
        "'p-supports-main' is an inference, not a statement: use m.inference('p-supports-main')"
    )
    assert message(lambda: small.inference("p")) == (
        "'p' is a statement, not an inference: use m.statement('p')"
    )
    assert message(lambda: small.find_inference("p", "main", "attack")) == (
        "no attack inference from 'p' to 'main' in this map; there is 'p-supports-main' (support)"
    )
    assert message(lambda: small.find_inference("p", "mian")) == (
        "no statement or inference 'mian' in this map; did you mean 'main'?"
    )
    assert message(lambda: small.find_inference("k", "p")) == (
        "no inference from 'k' to 'p' in this map"
    )
    assert "u" not in small and "p2" not in small  # nothing was added


def test_close_ids_are_not_searched_on_a_large_map() -> None:
    m = ArgumentMap()
    for i in range(2_001):
        m.claim(f"C{i}", id=f"claim-{i}")
    with pytest.raises(NodeNotFoundError) as info:
        m["claim-x"]
    assert str(info.value) == "no statement or inference 'claim-x' in this map"
    m.remove("claim-2000")
    with pytest.raises(NodeNotFoundError) as info:
        m["claim-19999"]
    assert str(info.value) == (
        "no statement or inference 'claim-19999' in this map; "
        "did you mean 'claim-1999', 'claim-199' or 'claim-999'?"
    )


def test_queries(small: ArgumentMap) -> None:
    assert [s.id for s in small.main_conclusions()] == ["main"]
    assert len(small) == 3 and "p" in small and small["p"] in small
    assert small.statement("p").kind == "premise"
    with pytest.raises(NodeNotFoundError, match="is an inference, not a statement"):
        small.statement("p-supports-main")
    with pytest.raises(NodeNotFoundError, match="is a statement, not an inference"):
        small.inference("p")
    with pytest.raises(NodeNotFoundError, match="no inference from 'k' to 'p'"):
        small.find_inference("k", "p")
    assert repr(small) == "ArgumentMap(title='Ammunition', statements=3, inferences=2)"


def test_focus_keeps_statements_within_depth() -> None:
    m = ArgumentMap()
    c = m.claim("C", id="c")
    p = m.premise("P", id="p", supports=c)
    m.premise("Q", id="q", supports=p)
    m.premise("R", id="r", supports="q")
    k = m.counterpoint("K", id="k", attacks=c)
    m.premise("S", id="s", supports=k)
    assert [s.id for s in m.focus("c", depth=0)] == ["c"]
    assert [s.id for s in m.focus("c", depth=1)] == ["c", "p", "k"]
    two = m.focus("c", depth=2)
    assert [s.id for s in two] == ["c", "p", "q", "k", "s"]
    assert [i.id for i in two.inferences] == [
        "p-supports-c", "q-supports-p", "k-attacks-c", "s-supports-k",
    ]  # fmt: skip
    with pytest.raises(ValueError, match="depth must be >= 0"):
        m.focus("c", depth=-1)


def test_maps_compare_by_content() -> None:
    a, b = ArgumentMap("T"), ArgumentMap("T")
    a.claim("C", id="c")
    b.claim("C", id="c")
    assert a == b
    b.premise("P", id="p", supports="c")
    assert a != b


def test_style_keyword_is_checked_and_kept_in_metadata() -> None:
    m = ArgumentMap()
    c = m.claim("C", id="c", style={"fill": "#ffffcc"}, metadata={"page": 2})
    assert c.metadata == {"page": 2, "style": {"fill": "#ffffcc"}}
    assert 'fillcolor="#ffffcc"' in m.to_dot().source
    with pytest.raises(ArgmapError, match="statement 'p': style: colour: Extra inputs"):
        m.premise("P", id="p", supports=c, style={"colour": "red"})
    assert "p" not in m


def test_removing_an_undercut_keeps_the_inference_it_targeted() -> None:
    m = ArgumentMap()
    c = m.claim("C", id="c")
    m.premise("P", id="p", supports=c)
    m.counterpoint("K", id="k", undercuts="p-supports-c")
    m.counterpoint("J", id="j", undercuts="k-undercuts-p-supports-c")
    assert m.remove("k") == [
        "k",
        "k-undercuts-p-supports-c",
        "j-undercuts-k-undercuts-p-supports-c",
    ]
    assert [i.id for i in m.reasons("c")] == ["p-supports-c"]
    assert [s.id for s in m] == ["c", "p", "j"]
    assert m.remove("p-supports-c") == ["p-supports-c"]
    assert [s.id for s in m] == ["c", "p", "j"]


def test_many_inferences_sharing_a_premise_build_in_linear_time() -> None:
    """20k supports from one premise (and 20k onto one claim): quadratic code took minutes."""
    m = ArgumentMap()
    p = m.premise("P", id="p")
    for i in range(20_000):
        m.support(p, m.claim(f"C{i}", id=f"c{i}"))
    hub = m.claim("Hub", id="hub")
    for i in range(20_000):
        m.premise(f"Q{i}", id=f"q{i}", supports=hub)
    assert len(m.uses(p)) == 20_000 and len(m.reasons(hub)) == 20_000
    with pytest.raises(DuplicateIdError, match="the same premises already support 'c7'"):
        m.support(p, "c7")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"title": 5}, "map title: Input should be a valid string"),
        ({"description": "a\ud800"}, "map description: is not valid Unicode text"),
        ({"metadata": {1: "x"}}, "map metadata: 1.\\[key\\]: Input should be a valid string"),
        ({"metadata": {"t": (1, 2)}}, "map metadata: t: input was not a valid JSON value"),
        ({"metadata": {"w": float("inf")}}, "map metadata: inf cannot be written as JSON"),
    ],
)
def test_map_header_is_checked_so_every_map_can_be_saved(
    kwargs: dict[str, object], message: str
) -> None:
    with pytest.raises(ArgmapError, match=message):
        ArgumentMap(**kwargs)  # type: ignore[arg-type]
    m = ArgumentMap()
    ((field, value),) = kwargs.items()
    with pytest.raises(ArgmapError, match=message):
        setattr(m, field, value)


def test_update_errors_name_the_element() -> None:
    m = ArgumentMap()
    m.claim("C", id="c")
    with pytest.raises(ArgmapError, match="claim 'c': text: must not be empty"):
        m.update("c", text="  ")
    with pytest.raises(ArgmapError, match="statement 'c': style: colour: Extra inputs"):
        m.update("c", metadata={"style": {"colour": "red"}})
    assert m["c"].text == "C"


def test_style_given_twice_is_an_error() -> None:
    m = ArgumentMap()
    with pytest.raises(ArgmapError, match="give its style once"):
        m.claim("C", id="c", style={"fill": "#fff"}, metadata={"style": {"fill": "#000"}})
    bad = am.Statement(id="s", kind="claim", text="S", metadata={"style": {"shape": "blob"}})
    with pytest.raises(ArgmapError, match="statement 's': style: shape"):
        m.add_statement(bad)


def test_joining_many_linked_premises_one_by_one_is_linear() -> None:
    """5,000 premises added to one linked step (re-validating each time was quadratic)."""
    m = ArgumentMap()
    c = m.claim("C", id="c")
    step = m.support(m.premise("P0", id="p0"), c, id="step")
    for i in range(1, 5_000):
        m.premise(f"P{i}", id=f"p{i}", supports=step)
    assert len(m.inference("step").premises) == 5_000
    assert m.graph.in_degree("step") == 5_000


def test_find_inference_is_never_ambiguous_silently() -> None:
    m = ArgumentMap()
    c = m.claim("C", id="c")
    m.premise("P", id="p", supports=c)
    m.attack("p", c)
    with pytest.raises(NodeNotFoundError, match=r"2 inferences from 'p' to 'c'.*relation="):
        m.find_inference("p", "c")
    assert m.find_inference("p", "c", "attack").id == "p-attacks-c"
    with pytest.raises(NodeNotFoundError, match="no undercut inference from 'p' to 'c'"):
        m.find_inference("p", "c", "undercut")


def test_graph_built_by_the_map_equals_one_built_with_networkx_calls() -> None:
    """The map writes networkx's dicts directly on its hot paths: the result must be
    the graph networkx's own add_node/add_edge would give, and its cache is cleared."""
    m = ArgumentMap()
    c = m.claim("C", id="c")
    m.graph.__networkx_cache__["stale"] = "converted graph"  # type: ignore[attr-defined]
    s = m.premise("P1", id="p1", supports=c)
    assert m.graph.__networkx_cache__ == {}  # type: ignore[attr-defined]
    m.premise("P2", id="p2", supports=m.reasons(c)[0])  # joins as a linked premise
    m.counterpoint("K", id="k", attacks=c)
    m.counterpoint("U", id="u", undercuts=m.reasons(c)[0])
    assert s.id == "p1"
    g = nx.DiGraph()
    for node, data in m.graph.nodes(data=True):
        g.add_node(node, **data)
    for u, v, data in m.graph.edges(data=True):
        g.add_edge(u, v, **data)
    assert list(g.nodes(data=True)) == list(m.graph.nodes(data=True))
    assert list(g.edges(data=True)) == list(m.graph.edges(data=True))
    assert {n: dict(g.pred[n]) for n in g} == {n: dict(m.graph.pred[n]) for n in m.graph}
    assert sorted(m.graph.edges) == [
        ("k", "k-attacks-c"),
        ("k-attacks-c", "c"),
        ("p1", "p1-supports-c"),
        ("p1-supports-c", "c"),
        ("p2", "p1-supports-c"),
        ("u", "u-undercuts-p1-supports-c"),
        ("u-undercuts-p1-supports-c", "p1-supports-c"),
    ]


# ------------------------------------------- one string, one ref: no silent splitting
def test_a_single_tag_string_is_one_tag_everywhere() -> None:
    m = ArgumentMap()
    c = m.claim("C", id="c", tags="economic")
    p = m.premise("P", id="p", tags="economic")
    k = m.counterpoint("K", id="k", tags="economic", attacks=c)
    s = m.support(p, c, tags="linked")
    a = m.attack(m.premise("Q", id="q"), "p", tags="rebuttal")
    u = m.undercut(m.counterpoint("U", id="u"), s, tags="undercut")
    assert [x.tags for x in (c, p, k)] == [("economic",)] * 3
    assert (s.tags, a.tags, u.tags) == (("linked",), ("rebuttal",), ("undercut",))
    assert m.update("c", tags="policy").tags == ("policy",)
    assert m.update(s, tags=["a", "b"]).tags == ("a", "b")
    assert m.update("c", tags={"z", "y"}).tags == ("y", "z")  # a set: sorted, stable
    assert '"tags": [\n        "economic"\n      ]' in m.to_json()
    with pytest.raises(ValidationError, match="must not be empty"):
        m.claim("D", tags="")  # one empty tag, refused; not "no tags"
    assert "d" not in m


def test_a_list_where_one_ref_is_expected_is_a_type_error_naming_the_parameter(
    small: ArgumentMap,
) -> None:
    before = small.to_json()
    step = small.find_inference("p", "main")
    cases = [
        (lambda: small.premise("Y", supports=["main"]), "supports= takes one statement or "
         "inference (or its id), not a list (['main']): give one, and relate the others "
         "with further calls"),
        (lambda: small.counterpoint("Y", attacks=("main",)), "attacks= takes one statement "
         "or inference (or its id), not a tuple (['main']): give one"),
        (lambda: small.counterpoint("Y", undercuts=[step]), "undercuts= takes one statement "
         "or inference (or its id), not a list (['p-supports-main']): give one"),
        (lambda: small.support(small["p"], [small["main"]]), "target takes one statement or "
         "inference (or its id), not a list (['main']): give one"),
        (lambda: small.undercut("k", [step]), "inference takes one"),
        (lambda: small.support([["p"]], "main"), "each of premises takes one statement or "
         "inference (or its id), not a list (['p'])"),
        (lambda: small.support({"p", "k"}, "main"), "premises takes a statement (or its id) or "
         "a list of them, not a set (a set has no order, and linked premises keep theirs)"),
        (lambda: small.support(3, "main"), "premises takes a statement (or its id) or a list "
         "of them, not an int"),
        (lambda: small.update(["p"], text="x"), "update() takes one statement or inference"),
        (lambda: small.reasons(["main"]), "reasons() takes one"),
        (lambda: small.find_inference("p", ["main"]), "target takes one"),
        (lambda: small.focus(["main"]), "focus() takes one statement or inference"),
        (lambda: small.claim("Y", tags=5), "tags takes a string or a list of strings, not an int"),
    ]  # fmt: skip
    for call, message in cases:
        with pytest.raises(TypeError) as info:
            call()
        assert str(info.value).startswith(message)
    assert small.to_json() == before  # nothing was added


# ------------------------------------------------------------------------ wording
@pytest.mark.parametrize("text", [None, 42, ["a list"]])
def test_a_bad_text_is_reported_alone_not_as_a_missing_id(text: object) -> None:
    m = ArgumentMap()
    with pytest.raises(ValidationError) as info:
        m.claim(text)  # type: ignore[arg-type]
    assert [(e["loc"], e["msg"]) for e in info.value.errors()] == [
        (("text",), "Input should be a valid string")
    ]
    assert len(m) == 0


def test_bytes_text_is_decoded_and_gets_an_id_from_it() -> None:
    m = ArgumentMap()
    assert m.claim(b"Taxes work").id == "taxes-work"  # type: ignore[arg-type]


def test_an_inference_needs_at_least_one_premise(small: ArgumentMap) -> None:
    with pytest.raises(InvalidRelationError) as info:
        small.support([], "main")
    assert str(info.value) == "a support of 'main' needs at least one premise (got none)"
    with pytest.raises(InvalidRelationError, match=r"^an undercut of 'p-supports-main' needs"):
        small.undercut((), "p-supports-main")


def test_attacking_a_step_says_an_attack_and_points_to_undercuts(small: ArgumentMap) -> None:
    step = small.find_inference("p", "main")
    with pytest.raises(InvalidRelationError) as info:
        small.counterpoint("K2", id="k2", attacks=step)
    assert str(info.value) == (
        "cannot join 'k2' to 'p-supports-main' as an attack: 'p-supports-main' is a support "
        "inference (to deny that step, use undercuts=; to add 'k2' as a further premise of "
        "it, use supports=)"
    )
    with pytest.raises(InvalidRelationError) as info:
        small.premise("P2", id="p2", supports="k-attacks-main")
    assert str(info.value) == (
        "cannot join 'p2' to 'k-attacks-main' as a support: 'k-attacks-main' is an attack "
        "inference (to add 'p2' as a further premise of it, use attacks=)"
    )
    with pytest.raises(InvalidRelationError) as info:
        small.attack("k", step)
    assert str(info.value) == (
        "inference 'k-attacks-p-supports-main': an attack must target a statement, but "
        "'p-supports-main' is an inference (use relation 'undercut')"
    )
    assert "k2" not in small and "p2" not in small


def test_find_inference_refuses_an_unknown_relation(small: ArgumentMap) -> None:
    with pytest.raises(am.OptionError) as info:
        small.find_inference("p", "main", relation="suport")  # type: ignore[arg-type]
    assert str(info.value) == (
        "relation must be 'support', 'attack', 'undercut' or 'rephrase' (or None for any), "
        "not 'suport'"
    )
    assert isinstance(info.value, ValueError)


def test_add_inferences_takes_one_inference_as_one() -> None:
    m = ArgumentMap()
    m.claim("C", id="c")
    m.premise("P", id="p")
    m.add_inferences(am.Inference(id="s", relation="support", premises=("p",), target="c"))
    assert [i.id for i in m.reasons("c")] == ["s"]


def test_models_of_plain_calls_equal_what_validation_makes() -> None:
    """Plain calls (no title, note, tags or metadata) make their models without
    pydantic's argument handling (argmap.model.quick_statement/quick_inference); the
    models must be the ones validation gives, and a doubtful value still gets its error."""
    m = ArgumentMap()
    c = m.claim("C", id="c")
    p = m.premise("Ça va", id="p", supports=c)
    m.attack(m.counterpoint("K", id="k"), c)
    m.undercut(m.premise("U"), m.reasons(c)[0])
    m.support([m.premise("P2", id="p2"), "k"], c)  # linked: validated as before
    for model in [*m.statements, *m.inferences]:
        again = adapter(type(model)).validate_python(as_dict(model))
        assert again == model
        assert repr(again) == repr(model)
    assert p.text == "Ça va"
    with pytest.raises(ValidationError, match="String should match pattern"):
        m.premise("P", id="p\n")
    with pytest.raises(ValidationError, match="String should match pattern"):
        m.support("p", "c", id="bad id")
    with pytest.raises(ValidationError, match="must not be empty or only whitespace"):
        m.premise(" ", id="q")
    assert (len(m), len(m.inferences)) == (5, 4)


def test_a_frozen_graph_refuses_additions_as_networkx_does() -> None:
    m = ArgumentMap()
    c = m.claim("C", id="c")
    nx.freeze(m.graph)
    with pytest.raises(nx.NetworkXError, match="Frozen graph can't be modified"):
        m.premise("P", id="p", supports=c)
    with pytest.raises(nx.NetworkXError, match="Frozen graph can't be modified"):
        m.claim("D", id="d")
    assert list(m.graph) == ["c"]
    m = ArgumentMap()  # the short paths of plain calls with ids
    m.claim("C", id="c")
    m.premise("P", id="p")
    nx.freeze(m.graph)
    with pytest.raises(nx.NetworkXError, match="Frozen graph can't be modified"):
        m.premise("Q", id="q")
    with pytest.raises(nx.NetworkXError, match="Frozen graph can't be modified"):
        m.support("p", "c", id="s")
    assert list(m.graph) == ["c", "p"]


def _plain_tree(n: int, seed: int) -> ArgumentMap:
    """A map made by plain calls with ids, as bench_core builds one: every relation,
    linked pairs, undercuts of steps and of undercuts, statements used twice."""
    rng = random.Random(seed)
    m = ArgumentMap()
    m.claim("C", id="s0")
    steps: list[str] = []
    for i in range(1, n):
        add = rng.choice([m.premise, m.counterpoint, m.claim])
        add(f"Statement {i}", id=f"s{i}")
        roll, target = rng.random(), f"s{rng.randrange(i)}"
        if roll < 0.1 and steps:
            relation = m.undercut
            target = rng.choice(steps)
        else:
            relation = m.support if roll < 0.6 else m.attack if roll < 0.9 else m.rephrase
        premises: list[str] = [f"s{i}"]
        if roll < 0.3 and i > 2 and relation != m.rephrase:
            premises.append(f"s{rng.randrange(i)}")
        elif roll > 0.95:
            premises = [f"s{rng.randrange(i)}"]  # one already used, maybe already on target
        if target in premises or any(
            set(inf.premises) == set(premises) and inf.target == target for inf in m.inferences
        ):
            continue
        step = relation(premises, target, id=f"i{i}")
        if step.relation != "rephrase":
            steps.append(step.id)
    return m


@pytest.mark.parametrize("seed", range(3))
def test_plain_calls_build_the_graph_adding_their_models_builds(seed: int) -> None:
    """m.premise(text, id=...) and m.support(premise, target, id=...) with nothing else
    take a short path into networkx's dicts; the graph must be the one adding the same
    models (add_statement, add_inference) gives: nodes, edges, their order, and one
    data dict per edge, shared by both directions as networkx shares it."""
    quick = _plain_tree(300, seed)
    general = ArgumentMap()
    for _, data in quick.graph.nodes(data=True):  # in the order they were added
        if data["kind"] == "inference":
            general.add_inference(data["model"])
        else:
            general.add_statement(data["model"])
    a, b = quick.graph, general.graph
    assert list(a.nodes(data=True)) == list(b.nodes(data=True))
    assert list(a.edges(data=True)) == list(b.edges(data=True))
    assert [list(a.pred[n]) for n in a] == [list(b.pred[n]) for n in b]
    assert all(a.succ[u][v] is a.pred[v][u] for u, v in a.edges)
    assert quick == general
    assert {i.relation for i in quick.inferences} == {"support", "attack", "undercut", "rephrase"}


def test_plain_calls_refuse_what_the_general_path_refuses() -> None:
    m = _plain_tree(30, 0)
    first = m.inferences[0]
    p, t = first.premises[0], first.target
    with pytest.raises(DuplicateIdError, match=r"^id 's1' is already used by a \w+ in this map$"):
        m.premise("Again", id="s1")
    with pytest.raises(DuplicateIdError, match=rf"^id '{first.id}' is already used by an inf"):
        m.support("s2", "s0", id=first.id)
    with pytest.raises(DuplicateIdError, match=rf"repeats '{first.id}': the same premises"):
        m.add_inference(first.__class__(**{**as_dict(first), "id": "again"}))
    with pytest.raises(DuplicateIdError, match=rf"repeats '{first.id}': the same premises"):
        getattr(m, first.relation)(p, t, id="again")
    with pytest.raises(NodeNotFoundError, match=r"premise 'nope' is not in this map"):
        m.support("nope", "s0", id="x1")
    with pytest.raises(InvalidRelationError, match=r"an undercut must target an inference"):
        m.undercut("s2", "s0", id="x2")
    with pytest.raises(InvalidRelationError, match=r"must target a statement, but '\S+' is an inf"):
        m.attack("s2", first.id, id="x3")
    with pytest.raises(InvalidRelationError, match=r"premise '\S+' is an inference"):
        m.support(first.id, "s0", id="x4")
    assert m.attack("s2", "s2", id="x5").premises == ("s2",)  # a self-attack: allowed
    assert not {"again", "x1", "x2", "x3", "x4"} & set(m.graph)


def test_a_set_of_tags_with_a_non_string_is_named_by_validation() -> None:
    m = ArgumentMap()
    assert m.claim("C", id="c", tags={"b", "a"}).tags == ("a", "b")
    with pytest.raises(ValidationError, match=r"tags\.0\n  Input should be a valid string"):
        m.claim("X", id="x", tags={"a", 1})  # type: ignore[arg-type]
    assert "x" not in m


def test_every_writer_refuses_a_graph_edited_out_of_shape() -> None:
    from argmap.formats import aif

    m = ArgumentMap()
    c = m.claim("C", id="c")
    m.premise("P", id="p", supports=c)
    m.graph.remove_node("p")
    for write in (m.to_json, m.to_dot, m.to_mermaid, lambda: aif.dumps(m)):
        with pytest.raises(ArgmapError, match="inference 'p-supports-c': its premise 'p' is not"):
            write()


def test_arguments_of_the_wrong_shape_are_argmap_errors_and_type_errors() -> None:
    m = ArgumentMap()
    c = m.claim("C", id="c")
    with pytest.raises(am.ArgumentTypeError, match=r"supports= takes one statement") as info:
        m.premise("P", supports=["c"])  # type: ignore[arg-type]
    assert isinstance(info.value, ArgmapError) and isinstance(info.value, TypeError)
    with pytest.raises(am.ArgumentTypeError, match="expected a Statement, got Inference"):
        m.add_statement(m.support(m.premise("Q", id="q"), c))  # type: ignore[arg-type]


def test_drawings_do_not_need_json_metadata_but_files_do() -> None:
    m = ArgumentMap()
    c = m.claim("C", id="c")
    c.metadata["weight"] = float("nan")  # changed in place, after validation
    assert "C" in m.to_dot().source and "C" in m.to_mermaid()  # drawings never write it
    with pytest.raises(ArgmapError, match=r"statement 'c' metadata\['weight'\]: nan cannot"):
        m.to_json()
