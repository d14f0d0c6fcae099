"""Write the arguebuf JSON samples in this folder with arguebuf itself (2.7.2).

Run from the repository root with the test environment (``.venv``)::

    .venv/bin/python tests/data/arguebuf/make_samples.py

Every id and timestamp is given, so the files come out the same on every run
(arguebuf would otherwise stamp each element with the current time and a random id).
"""

from __future__ import annotations

import io
from pathlib import Path

import arguebuf as ab
import pendulum

HERE = Path(__file__).resolve().parent
T0 = pendulum.datetime(2024, 5, 1, 12, 0, 0)
T1 = pendulum.datetime(2024, 5, 2, 8, 30, 15)


def meta(updated: pendulum.DateTime = T0) -> ab.Metadata:
    return ab.Metadata(T0, updated)


def umbrella() -> ab.Graph:
    """Every kind of node and link arguebuf has: support (default and a named scheme,
    linked premises), attack on an atom, attack on a scheme (an undercut), rephrase and
    preference; a resource with references (one at offset 0, which arguebuf leaves out),
    a participant, an analyst, userdata and the major claim."""
    g = ab.Graph("umbrella")
    text = "It rains. The forecast says so. Take an umbrella. Umbrellas break in wind."
    resource = ab.Resource(
        text,
        title="Weather talk",
        source="chat log",
        timestamp=T1,
        metadata=meta(),
        userdata={"lang": "en"},
        _id="r1",
    )
    g.add_resource(resource)
    ann = ab.Participant("Ann", username="ann", metadata=meta(), id="ann")
    g.add_participant(ann)
    g.add_analyst(ab.Analyst("Bob", "bob@example.org", id="bob"))

    def atom(id: str, words: str, ref: bool = True) -> ab.AtomNode:
        reference = ab.Reference(resource, text.index(words), words) if ref else None
        node = ab.AtomNode(
            words, reference=reference, participant=ann if ref else None, metadata=meta(), id=id
        )
        g.add_node(node)
        return node

    rain = atom("rain", "It rains")
    forecast = atom("forecast", "The forecast says so")
    take = atom("take", "Take an umbrella")
    wind = atom("wind", "Umbrellas break in wind")
    dry = atom("dry", "A coat keeps you dry too", ref=False)
    dry.userdata = {"confidence": 0.5}
    coat = atom("coat", "Wear a coat", ref=False)
    schemes = {
        "s-take": ab.SchemeNode(
            ab.Support.PRACTICAL_REASONING, ["goal", "means"], metadata=meta(T1), id="s-take"
        ),
        "s-expert": ab.SchemeNode(ab.Support.EXPERT_OPINION, metadata=meta(), id="s-expert"),
        "c-wind": ab.SchemeNode(ab.Attack.DEFAULT, metadata=meta(), id="c-wind"),
        "c-step": ab.SchemeNode(ab.Attack.DEFAULT, metadata=meta(), id="c-step"),
        "m-coat": ab.SchemeNode(ab.Rephrase.DEFAULT, metadata=meta(), id="m-coat"),
        "p-coat": ab.SchemeNode(ab.Preference.DEFAULT, metadata=meta(), id="p-coat"),
    }
    for node in schemes.values():
        g.add_node(node)
    links = [
        (rain, "s-take"),
        (forecast, "s-take"),
        ("s-take", take),  # linked premises
        (forecast, "s-expert"),
        ("s-expert", rain),
        (wind, "c-wind"),
        ("c-wind", take),  # an attack on an atom
        (dry, "c-step"),
        ("c-step", "s-take"),  # an attack on a scheme: an undercut
        (coat, "m-coat"),
        ("m-coat", dry),  # rephrase: kept, not part of the map
        (take, "p-coat"),
        ("p-coat", coat),  # preference: kept too
    ]
    for n, (src, dst) in enumerate(links, start=1):
        source = schemes[src] if isinstance(src, str) else src
        target = schemes[dst] if isinstance(dst, str) else dst
        g.add_edge(ab.Edge(source, target, metadata=meta(), id=f"e{n}"))
    g.major_claim = take
    g.metadata = meta(T1)
    g.userdata = {"corpus": "samples"}
    return g


def from_aif(name: str) -> ab.Graph:
    """AIFdb nodeset 6064 (tests/data/aif, from arguebuf's own data folder) as arguebuf
    loads it. arguebuf stamps what has no timestamp in the AIF file (its edges, the
    graph) with the current time: those stamps are set to a fixed time instead."""
    started = pendulum.now()
    g = ab.load.file(HERE.parent / "aif" / f"{name}.json")
    for item in [*g.nodes.values(), *g.edges.values(), *g.resources.values(), g]:
        if item.metadata.created >= started:
            item.metadata.created = T0
        if item.metadata.updated >= started:
            item.metadata.updated = T0
    return g


def write(graph: ab.Graph, name: str) -> Path:
    out = io.StringIO()
    ab.dump.io(graph, out)
    path = HERE / name
    path.write_text(out.getvalue() + "\n", encoding="utf-8")
    return path


if __name__ == "__main__":
    print(write(umbrella(), "umbrella.json"))
    for nodeset in ("6064-original", "6064-reconstructed"):
        print(write(from_aif(nodeset), f"{nodeset}.json"))
