"""focus() and view(): sub-maps that count what they hide, and draw it as +N."""

from __future__ import annotations

import importlib.util
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import argmap as am
from argmap.render.graphviz import pipe
from argmap.views import MapView, focus, overview, view

from conftest import ROOT


def nato() -> am.ArgumentMap:
    spec = importlib.util.spec_from_file_location("nato", ROOT / "examples" / "nato_ammunition.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    m: am.ArgumentMap = module.build_map()
    return m


@pytest.fixture
def chain() -> am.ArgumentMap:
    """c <- p <- q <- r, k attacks c, and an unrelated island x <- y."""
    m = am.ArgumentMap(title="Chain")
    c = m.claim("C", id="c")
    p = m.premise("P", id="p", supports=c)
    q = m.premise("Q", id="q", supports=p)
    m.premise("R", id="r", supports=q)
    m.counterpoint("K", id="k", attacks=c)
    x = m.claim("X", id="x")
    m.premise("Y", id="y", supports=x)
    return m


def test_focus_keeps_nearby_statements_and_counts_the_rest(chain: am.ArgumentMap) -> None:
    v = chain.focus("c", depth=1)
    assert isinstance(v, MapView)
    assert [s.id for s in v] == ["c", "p", "k"]
    assert [i.id for i in v.inferences] == ["p-supports-c", "k-attacks-c"]
    assert v.hidden == {"p": 2}  # q and r hang below p
    assert v.detached == 2  # x and y are not connected to anything shown
    assert (v.hidden_statements, v.hidden_inferences) == (4, 3)
    assert v.summary() == (
        "showing 3 of 7 statements and 2 of 5 inferences; +N markers count 2 hidden "
        "statements; 2 more not connected to anything shown"
    )


def test_focus_depth_zero_and_on_an_inference(chain: am.ArgumentMap) -> None:
    v = chain.focus("q", depth=0)
    assert [s.id for s in v] == ["q"]
    assert v.hidden == {"q": 4}
    on_step = chain.focus("q-supports-p", depth=0)
    assert [s.id for s in on_step] == ["p", "q"]
    assert [i.id for i in on_step.inferences] == ["q-supports-p"]


def test_focus_on_undercut_brings_the_undercut_step() -> None:
    m = am.ArgumentMap()
    c = m.claim("Tweety flies", id="c")
    p = m.premise("Tweety is a bird", id="p")
    s = m.support(p, c, id="s")
    m.counterpoint("Tweety is a penguin", id="k", undercuts=s)
    v = m.focus("k", depth=1)
    assert [x.id for x in v] == ["c", "p", "k"]
    assert [i.id for i in v.inferences] == ["s", "k-undercuts-s"]
    assert v.hidden == {}


def test_bad_focus_is_a_clear_error(chain: am.ArgumentMap) -> None:
    with pytest.raises(ValueError, match="depth must be >= 0, got -1"):
        chain.focus("c", depth=-1)
    with pytest.raises(am.NodeNotFoundError, match="'nope'"):
        chain.focus("nope")


def test_view_by_tags_kinds_and_ids() -> None:
    m = am.ArgumentMap()
    c = m.claim("Sanctions work", id="c")
    e = m.premise("Exports fell", id="e", supports=c, tags=["economy"])
    m.premise("Customs data", id="d", supports=e, tags=["economy", "data"])
    m.counterpoint("Trade rerouted", id="r", attacks=e, tags=["economy"])
    m.counterpoint("Front unchanged", id="f", attacks=c, tags=["battlefield"])
    economy = m.view(tags=["economy"])
    assert [s.id for s in economy] == ["e", "d", "r"]
    assert [i.id for i in economy.inferences] == ["d-supports-e", "r-attacks-e"]
    assert economy.hidden == {"e": 2}  # c, and f beyond it
    counter = m.view(kinds=["counterpoint"])
    assert [s.id for s in counter] == ["r", "f"]
    assert counter.hidden == {"r": 2, "f": 1}  # e and d are nearest r; c is nearest f
    both = m.view(tags=["economy"], kinds=["counterpoint"])
    assert [s.id for s in both] == ["r"]
    picked = m.view(ids=["c", "f"])
    assert [i.id for i in picked.inferences] == ["f-attacks-c"]
    assert picked.hidden == {"c": 3}
    # on the real example: every filter's leftovers are counted
    big = nato()
    for v in (big.view(tags=["supply"]), big.view(kinds=["counterpoint"])):
        assert sum(v.hidden.values()) + v.detached == len(big) - len(v)


def test_bad_view_arguments_are_clear_errors(chain: am.ArgumentMap) -> None:
    with pytest.raises(ValueError, match="unknown statement kind\\(s\\) 'claims'"):
        chain.view(kinds=["claims"])  # type: ignore[list-item]
    with pytest.raises(am.NodeNotFoundError, match="'zz'"):
        chain.view(ids=["zz"])


@pytest.mark.parametrize("depth", [0, 1, 2, 3])
def test_nothing_disappears_silently_in_any_focus(depth: int) -> None:
    m = nato()
    total = len(m)
    for s in list(m):
        v = focus(m, s.id, depth)
        assert sum(v.hidden.values()) + v.detached == v.hidden_statements == total - len(v)
        assert set(v.hidden) <= {x.id for x in v}


def test_a_view_of_a_view_counts_against_the_original(chain: am.ArgumentMap) -> None:
    wide = chain.focus("c", depth=2)
    assert [s.id for s in wide] == ["c", "p", "q", "k"]
    assert wide.hidden == {"q": 1}
    narrow = wide.focus("c", depth=0)
    assert [s.id for s in narrow] == ["c"]
    assert narrow.hidden == {"c": 4}  # p, q, k, and r that was already hidden behind q
    assert narrow.detached == 2
    assert narrow.source_statements == 7
    assert sum(narrow.hidden.values()) + narrow.detached == narrow.hidden_statements == 6
    tagged = view(narrow, kinds=["claim"])
    assert tagged.hidden == {"c": 4}


def test_view_is_drawn_with_plus_n_markers_and_a_summary(
    chain: am.ArgumentMap, dot_binary: str
) -> None:
    v = chain.focus("c", depth=1)
    source = v.to_dot().source
    assert (
        '\t"p#hidden" [label="+2" color="#777777" fontcolor="#777777" fontsize=9 '
        'id="p#hidden" style="rounded,dashed" '
        'tooltip="2 hidden statements connect here"]\n'
        '\t"p#hidden" -> p [arrowhead=none color="#777777" style=dashed]\n'
    ) in source
    svg = ET.fromstring(pipe(v, "svg"))
    texts = [t.text for t in svg.iter("{http://www.w3.org/2000/svg}text")]
    assert "+2" in texts
    assert v.summary() in texts
    # the full map has no markers
    assert "#hidden" not in chain.to_dot().source


def test_views_keep_quoted_sources_working(tmp_path: Path) -> None:
    m = nato()
    v = m.focus("tide", depth=1)
    assert v.to_json()  # a view is a map: it saves, loads and renders like one
    assert am.ArgumentMap.from_json(v.to_json()) == v


def test_hidden_statements_are_drawn_on_their_side(chain: am.ArgumentMap) -> None:
    """What a statement bears on is counted beyond it; its reasons and objections before."""
    v = chain.focus("q", depth=0)
    assert v.hidden == {"q": 4}
    assert v.hidden_above == {"q": 3}  # p, c and k are reached through what q supports
    source = v.to_dot().source
    assert '\t"q#hidden" [label="+1" ' in source  # r, q's own reason
    assert '\t"q#hidden" -> q [arrowhead=none' in source
    assert '\t"q#hidden-above" [label="+3" ' in source
    assert '\tq -> "q#hidden-above" [arrowhead=none' in source


def test_sides_are_carried_into_a_view_of_a_view(chain: am.ArgumentMap) -> None:
    middle = chain.focus("q", depth=1)
    assert [s.id for s in middle] == ["p", "q", "r"]
    assert middle.hidden == middle.hidden_above == {"p": 2}  # c, and k that attacks it
    inner = middle.focus("r", depth=0)
    assert inner.hidden == inner.hidden_above == {"r": 4}
    assert inner.detached == 2
    assert sum(inner.hidden.values()) + inner.detached == inner.hidden_statements == 6


def test_one_string_is_one_tag_kind_or_id() -> None:
    m = am.ArgumentMap()
    c = m.claim("Sanctions work", id="c")
    m.premise("Exports fell", id="e", supports=c, tags="industry")
    m.counterpoint("Trade rerouted", id="r", attacks=c, tags=["industry", "trade"])
    m.premise("Nobody tagged this", id="n", supports=c, tags="y")  # a letter of "industry"
    assert [s.id for s in m.view(tags="industry")] == ["e", "r"]
    assert [s.id for s in m.view(tags="industry")] == [s.id for s in m.view(tags=["industry"])]
    assert [s.id for s in m.view(kinds="counterpoint")] == ["r"]
    assert [s.id for s in m.view(ids="c")] == ["c"]
    assert [s.id for s in am.views.view(m, tags="trade", kinds="counterpoint")] == ["r"]


def test_bad_filters_and_depths_are_option_errors(chain: am.ArgumentMap) -> None:
    with pytest.raises(am.OptionError) as info:
        chain.view(kinds="claims")  # type: ignore[arg-type]
    assert str(info.value) == (
        "unknown statement kind(s) 'claims'; use claim, premise or counterpoint"
    )
    with pytest.raises(am.OptionError, match=r"^depth must be >= 0, got -2$"):
        chain.focus("c", depth=-2)
    with pytest.raises(TypeError, match=r"^focus\(\) takes one statement or inference"):
        chain.focus(["c"])  # type: ignore[arg-type]


def test_a_map_view_kept_by_one_id_string(chain: am.ArgumentMap) -> None:
    assert [s.id for s in MapView(chain, "c")] == ["c"]


def test_view_checks_ids_given_as_a_generator() -> None:
    m = am.ArgumentMap()
    m.claim("C", id="c")
    with pytest.raises(am.NodeNotFoundError, match="nope"):
        m.view(ids=(i for i in ["c", "nope"]))
    assert [s.id for s in m.view(ids=(i for i in ["c"]))] == ["c"]


def test_an_overview_keeps_the_statements_nearest_the_main_conclusions() -> None:
    m = am.ArgumentMap()
    c = m.claim("C", id="c")
    for n in range(3):
        p = m.premise(f"P{n}", id=f"p{n}", supports=c)
        q = m.premise(f"Q{n}", id=f"q{n}", supports=p)
        m.premise(f"R{n}", id=f"r{n}", supports=q)
    v = overview(m, limit=5)
    assert [s.id for s in v] == ["c", "p0", "q0", "p1", "p2"]
    assert v.hidden == {"q0": 1, "p1": 2, "p2": 2}
    assert v.summary().startswith("showing 5 of 10 statements")
    assert [s.id for s in overview(m, limit=10)] == [s.id for s in m]  # small enough: whole
    with pytest.raises(am.OptionError, match=r"^limit must be a whole number of statements"):
        overview(m, limit=0)
