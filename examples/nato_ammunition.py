"""The NATO ammunition article, mapped: argmap's main worked example.

The article (``article.txt`` beside this file) comments on NATO Secretary General Mark
Rutte's statement that the alliance has overtaken Russia in ammunition production. Every
statement's text below is taken word for word from the article; titles are our short
summaries for the diagram.

Structure of the argument, as the article gives it:

* the reported fact -- NATO has reversed Russia's edge in ammunition production -- rests on
  Rutte's statement, the expansion of production capacity, and the EU stepping up output;
* with the premise that producing ammunition fast enough is fundamental to any military
  operation, it jointly (a linked argument) supports the article's main conclusion: a
  turning of the tide in a critical aspect of the war;
* further reasons: a long-term strategic advantage, more resources to share with Ukraine,
  good news for countries bordering Russia;
* counterpoints and caveats: no immediate change on the battlefield; whether NATO sustains
  its commitment; supply to Ukraine versus NATO's own stockpiles; production must outpace
  consumption (an undercut: out-producing Russia is not the measure that matters); the
  war's conclusion is uncertain; Russia's broader aim of crippling Ukraine's economy.

The article is the map's source, and every statement carries its quote: the span of
the article it comes from, found from the statement's own words (see docs/sources.md).

Run it to write ``nato_ammunition.json``, ``.dot`` and ``.svg``, and the HTML report
``nato_ammunition.html`` (the article beside the map, each tied to the other)::

    python examples/nato_ammunition.py [OUTPUT_DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import argmap as am

HERE = Path(__file__).resolve().parent
ARTICLE = HERE / "article.txt"
TITLE = "NATO has reversed Russia’s edge in ammunition production, Rutte says"
DRAWING: dict[str, Any] = {"legend": True}
"""How the example is drawn: the default look, with a legend. The direction is the
default's choice from the map's shape: left to right, for seven reasons and objections
bear on the main conclusion (bottom to top would be a wide banner)."""


def build_map() -> am.ArgumentMap:
    """Build the map of the article."""
    m = am.ArgumentMap(
        title=TITLE,
        description=(
            "How the commentary argues from Rutte's statement to 'a turning of the tide', "
            "and the caveats it raises before concluding that the news 'must be considered "
            "within the larger picture of the war’s objectives and the speed at which aid "
            "can be deployed'."
        ),
        metadata={"source": "examples/article.txt"},
    )
    m.add_source(ARTICLE.read_text(encoding="utf-8"), id="article", title=TITLE)

    # The reported fact and the reasons the article gives for it (convergent).
    edge = m.claim(
        "NATO has reversed Russia’s edge in ammunition production",
        id="edge",
        title="NATO now out-produces Russia",
    )
    m.premise(
        "According to NATO Secretary General Mark Rutte, the alliance has surpassed Russia "
        "in ammunition production",
        id="rutte",
        supports=edge,
        tags=["testimony"],
    )
    m.premise(
        "an expansion of defense production capacity throughout NATO countries",
        id="capacity",
        supports=edge,
        tags=["industry"],
    )
    m.premise(
        "the EU and its allies could step up production despite previous ammunition shortages",
        id="step-up",
        supports=edge,
        tags=["industry"],
    )

    # The main conclusion, drawn from the fact by a linked argument.
    tide = m.claim(
        "a turning of the tide in a critical aspect of the ongoing conflict in Ukraine",
        id="tide",
        title="A turning of the tide",
    )
    fundamental = m.premise(
        "The ability to produce ammunition at a sufficient rate is fundamental to any "
        "military operation",
        id="fundamental",
        tags=["battlefield"],
    )
    tide_from_edge = m.support([edge, fundamental], tide, id="edge-and-fundamental-support-tide")

    # Further reasons for the main conclusion.
    m.premise(
        "It’s more of a long-term strategic advantage, a sign that the West is adapting to "
        "the realities of a prolonged conflict",
        id="long-term",
        supports=tide,
        tags=["strategy"],
    )
    resources = m.premise(
        "increased production means more resources to share, and that is what the Ukraine "
        "is desperately waiting for",
        id="more-resources",
        supports=tide,
        tags=["supply"],
    )
    good_news = m.claim(
        "the shift in ammunition production is good news for countries bordering Russia",
        id="good-news",
        supports=tide,
        title="Good news for Russia's neighbours",
    )
    m.premise(
        "Those countries are understandably concerned by the ongoing threat",
        id="concerned",
        supports=good_news,
    )
    m.premise(
        "weakening Russia’s ability to wage war and providing more bullets to Ukraine",
        id="weakening",
        supports=good_news,
        tags=["strategy"],
    )

    # Counterpoints and caveats.
    m.counterpoint(
        "This shift doesn’t necessarily mean an immediate, dramatic change on the battlefield",
        id="battlefield",
        attacks=tide,
        title="No immediate battlefield change",
        tags=["battlefield"],
    )
    m.counterpoint(
        "whether NATO will sustain its commitment to providing Ukraine with the necessary "
        "ammunition and equipment",
        id="sustain",
        attacks=resources,
        title="Will the commitment be sustained?",
        tags=["supply"],
    )
    stockpiles = m.counterpoint(
        "what percentage of that production will go to Ukraine versus being used to fill "
        "NATO’s own stockpiles",
        id="stockpiles",
        attacks=resources,
        title="Ukraine or NATO's own stockpiles?",
        tags=["supply"],
    )
    m.premise(
        "the initial focus seems to be on bolstering NATO’s own defense capabilities first",
        id="own-first",
        supports=stockpiles,
        tags=["supply"],
    )
    m.counterpoint(
        "In the heat of an ongoing conflict, production must outpace consumption",
        id="outpace",
        undercuts=tide_from_edge,
        title="Production must outpace consumption",
        note="Out-producing Russia is not the measure that decides the war: what counts is "
        "producing more than is used up.",
        tags=["battlefield"],
    )
    uncertain = m.counterpoint(
        "the war’s conclusion is uncertain",
        id="uncertain",
        attacks=tide,
        title="The outcome is uncertain",
        tags=["strategy"],
    )
    m.premise(
        "The war’s objectives are not easy to achieve, meaning any resolution is far off",
        id="objectives-hard",
        supports=uncertain,
    )
    m.premise(
        "Russia has made it clear that they won’t back down",
        id="wont-back-down",
        supports=uncertain,
    )
    crippling = m.counterpoint(
        "Russia’s actual goal is a far more complex strategy of crippling Ukraine’s economy "
        "and defense capabilities",
        id="crippling",
        title="Russia aims to cripple Ukraine's economy",
        tags=["economy"],
    )
    victory = m.premise(
        "If Russia succeeds, a complete victory may follow",
        id="complete-victory",
        tags=["economy"],
    )
    m.attack([crippling, victory], tide, id="crippling-attacks-tide")

    # Anchor every statement in the article: its text is the article's own words, so
    # the quote is found from it (an absent or ambiguous quote would raise here).
    for statement in list(m.statements):
        m.quote(statement)
    return m


def main(outdir: str | Path) -> dict[str, Path]:
    """Write the map as JSON, DOT, SVG and the HTML report into ``outdir``; returns the
    paths by format."""
    out = Path(outdir)
    m = build_map()
    issues = m.validate()
    for issue in issues:
        print(f"lint: {issue}", file=sys.stderr)
    paths = {
        "json": m.save(out / "nato_ammunition.json"),
        "dot": m.render(out / "nato_ammunition.dot", **DRAWING),
        "svg": m.render(out / "nato_ammunition.svg", **DRAWING),
        "html": m.to_html(out / "nato_ammunition.html"),
    }
    return paths


if __name__ == "__main__":
    written = main(sys.argv[1] if len(sys.argv) > 1 else HERE / "output")
    for fmt, path in written.items():
        print(f"wrote {fmt}: {path}")
