"""AIF round trips on generated maps (with rephrases), and arguebuf 2.7.2 as an
independent reader of what argmap writes."""

from __future__ import annotations

import contextlib
import json
import sys
from collections import Counter
from pathlib import Path

import arguebuf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap as am
from argmap.errors import ArgmapError
from argmap.formats import aif

from conftest import DATA, ROOT

texts = st.text(min_size=1, max_size=30).filter(lambda s: s.strip())
kinds = st.sampled_from(["claim", "premise", "counterpoint"])
ids = st.from_regex(r"[a-z][a-z0-9_.\-]{0,10}", fullmatch=True)
relations = st.sampled_from(["support", "attack", "rephrase", "undercut"])


@st.composite
def maps(draw: st.DrawFn) -> am.ArgumentMap:
    """Maps with every relation: supports, attacks and rephrases between statements,
    linked premises, undercuts of supports and attacks."""
    statements = draw(
        st.lists(st.tuples(ids, texts, kinds), min_size=1, max_size=10, unique_by=lambda t: t[0])
    )
    m = am.ArgumentMap(draw(st.none() | texts))
    for id, text, kind in statements:
        getattr(m, kind)(text, id=id)
    n = len(statements)
    premises = st.lists(st.integers(0, 9), min_size=1, max_size=2)
    steps = draw(st.lists(st.tuples(relations, premises, st.integers(0, 30)), max_size=14))
    for relation, premises, target in steps:
        names = list(dict.fromkeys(statements[i % n][0] for i in premises))
        with contextlib.suppress(ArgmapError):  # repeats, self-loops ...: skip them
            if relation == "undercut":
                steps_so_far = [i.id for i in m.inferences if i.relation != "rephrase"]
                if steps_so_far:
                    m.undercut(names, steps_so_far[target % len(steps_so_far)])
            elif relation == "rephrase":
                m.rephrase(names[0], statements[target % n][0])
            else:
                getattr(m, relation)(names, statements[target % n][0])
    return m


@settings(max_examples=40, deadline=None)
@given(m=maps())
def test_aif_round_trip_property(m: am.ArgumentMap) -> None:
    text = aif.dumps(m)
    back = aif.loads(text)
    assert back == m
    assert aif.dumps(back) == text  # deterministic
    assert am.ArgumentMap.from_json(back.to_json()) == m
    types = Counter(n["type"] for n in json.loads(text)["nodes"])
    relation = Counter(i.relation for i in m.inferences)
    assert types["I"] == len(m)
    assert types["RA"] == relation["support"]
    assert types["CA"] == relation["attack"] + relation["undercut"]
    assert types["MA"] == relation["rephrase"]


# ------------------------------------------------------------------------- arguebuf
def _nato() -> am.ArgumentMap:
    sys.path.insert(0, str(ROOT / "examples"))
    try:
        from nato_ammunition import build_map
    finally:
        sys.path.remove(str(ROOT / "examples"))
    m: am.ArgumentMap = build_map()
    return m


def _with_rephrases() -> am.ArgumentMap:
    m = am.ArgumentMap("Sugar tax")
    c = m.claim("Tax sugary drinks", id="c")
    p = m.premise("Sugar causes disease", id="p", supports=c)
    k = m.counterpoint("The tax hurts the poor", id="k", attacks=c)
    m.counterpoint("Rebates fix that", id="u", undercuts=m.find_inference(k, c))
    m.rephrase(m.claim("Sugary drinks should be taxed", id="c2"), c)
    m.rephrase(m.premise("Sugar makes people ill", id="p2"), p)
    return m


def _corpus(name: str) -> am.ArgumentMap:
    return aif.load(DATA / "aif" / name)


MAPS = {
    "nato": _nato,
    "rephrases": _with_rephrases,
    "6064-original": lambda: _corpus("6064-original.json"),
    "6064-reconstructed": lambda: _corpus("6064-reconstructed.json"),
}

_SCHEME = {"support": "Support", "attack": "Attack", "undercut": "Attack", "rephrase": "Rephrase"}


@pytest.mark.parametrize("name", MAPS)
def test_arguebuf_opens_argmaps_aif_with_the_same_atoms_and_schemes(
    name: str, tmp_path: Path
) -> None:
    m = MAPS[name]()
    path = aif.dump(m, tmp_path / f"{name}.json")
    graph = arguebuf.load.file(path)  # tells AIF by its "locutions" key
    assert len(graph.atom_nodes) == len(m)
    assert {n.plain_text for n in graph.atom_nodes.values()} == {s.text for s in m.statements}
    schemes = Counter(type(n.scheme).__name__ for n in graph.scheme_nodes.values())
    expected = Counter(_SCHEME[i.relation] for i in m.inferences)
    assert schemes == expected
    assert expected["Rephrase"] == {"nato": 0, "rephrases": 2, "6064-original": 0}.get(name, 3)
    # every edge of argmap's inferences is an edge of arguebuf's graph, to the same nodes
    arguebuf_edges = {(e.source.id, e.target.id) for e in graph.edges.values()}
    for inf in m.inferences:
        node = str(inf.metadata.get("aif", {}).get("nodeID", inf.id))  # type: ignore[union-attr]
        assert (node, str(inf.target)) in arguebuf_edges or inf.relation == "undercut"


def test_argmap_reads_what_arguebuf_writes(tmp_path: Path) -> None:
    m = _with_rephrases()
    graph = arguebuf.load.file(aif.dump(m, tmp_path / "in.json"))
    back = aif.loads(json.dumps(arguebuf.dump.aif(graph)))
    assert {s.text for s in back.statements} == {s.text for s in m.statements}
    assert Counter(i.relation for i in back.inferences) == Counter(i.relation for i in m.inferences)
