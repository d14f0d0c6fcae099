"""print(m) / m.outline(): the map as an indented text tree, exact output."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

import argmap as am

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def test_print_shows_the_outline_and_repr_stays_short(capsys: pytest.CaptureFixture[str]) -> None:
    m = am.ArgumentMap(title="Sugar tax")
    tax = m.claim("Sugary drinks should be taxed", id="tax")
    m.premise("Sugar causes obesity", id="health", supports=tax)
    m.counterpoint("A tax hits poorer households hardest", id="poor", attacks=tax)
    print(m)
    assert capsys.readouterr().out == (
        "# Sugar tax\n"
        "\n"
        "[tax]: Sugary drinks should be taxed\n"
        "  + [health]: Sugar causes obesity\n"
        "  - [poor]: A tax hits poorer households hardest\n"
    )
    assert str(m) == m.outline()
    assert repr(m) == "ArgumentMap(title='Sugar tax', statements=3, inferences=2)"


def test_linked_premises_are_grouped_under_their_step_with_its_undercuts() -> None:
    m = am.ArgumentMap()
    c = m.claim("Socrates is mortal", id="c")
    step = m.support(
        [m.premise("All humans are mortal", id="p1"), m.premise("He is human", id="p2")], c
    )
    m.counterpoint("Some humans are gods", id="gods", undercuts=step)
    m.premise("Greeks say so", id="greeks", supports="p2")
    assert m.outline() == (
        "[c]: Socrates is mortal\n"
        "  + <p1-supports-c>\n"
        "    _ [gods]: Some humans are gods\n"
        "    & [p1]: All humans are mortal\n"
        "    & [p2]: He is human\n"
        "      + [greeks]: Greeks say so"
    )


def test_undercuts_hang_from_the_step_and_can_be_undercut_in_turn() -> None:
    m = am.ArgumentMap()
    c = m.claim("It will rain", id="c")
    p = m.premise("Dark clouds", id="clouds", supports=c)
    m.premise("The forecast says so", id="forecast", supports=p)
    u = m.counterpoint("Clouds here often pass", id="pass", undercuts=m.find_inference(p, c))
    m.counterpoint("Not in November", id="nov", undercuts=m.find_inference(u, "clouds-supports-c"))
    assert m.outline() == (
        "[c]: It will rain\n"
        "  + [clouds]: Dark clouds\n"
        "    _ [pass]: Clouds here often pass\n"
        "      _ [nov]: Not in November\n"
        "    + [forecast]: The forecast says so"
    )


def test_rephrases_come_after_reasons_and_objections() -> None:
    m = am.ArgumentMap()
    tax = m.claim("We should tax sugar", id="tax")
    again = m.claim("Sugar should be taxed", id="again")
    m.rephrase(again, tax)
    m.counterpoint("Taxes are regressive", id="regressive", attacks=tax)
    m.premise("It works in Mexico", id="mexico", supports=again)
    assert m.outline() == (
        "[tax]: We should tax sugar\n"
        "  - [regressive]: Taxes are regressive\n"
        "  = [again]: Sugar should be taxed\n"
        "    + [mexico]: It works in Mexico"
    )


def test_a_shared_premise_is_written_once_then_referred_to() -> None:
    m = am.ArgumentMap()
    a = m.claim("Build the bridge", id="a")
    b = m.claim("Build the tunnel", id="b")
    cheap = m.premise("Money is short", id="money", supports=a)
    m.attack(cheap, b)
    m.premise("The budget was cut", id="cut", supports=cheap)
    assert m.outline() == (
        "[a]: Build the bridge\n"
        "  + [money]: Money is short\n"
        "    + [cut]: The budget was cut\n"
        "\n"
        "[b]: Build the tunnel\n"
        "  - [money] (see above)"
    )


def test_a_support_cycle_is_drawn_once_and_closed_by_a_reference() -> None:
    m = am.ArgumentMap()
    x = m.claim("The Bible is true", id="x")
    y = m.premise("The Bible says it is true", id="y", supports=x)
    m.support(x, y)
    m.premise("Many believe it", id="many", supports=y)
    m.premise("An unrelated note", id="note")
    assert m.outline() == (
        "[note]: An unrelated note\n"
        "\n"
        "[x]: The Bible is true\n"
        "  + [y]: The Bible says it is true\n"
        "    + [x] (see above)\n"
        "    + [many]: Many believe it"
    )


def test_linked_step_with_a_premise_already_drawn() -> None:
    m = am.ArgumentMap()
    c = m.claim("C", id="c")
    d = m.claim("D", id="d")
    p = m.premise("P", id="p", supports=c)
    q = m.premise("Q", id="q")
    m.support([p, q], d)
    assert m.outline() == (
        "[c]: C\n  + [p]: P\n\n[d]: D\n  + <p-supports-d>\n    & [p] (see above)\n    & [q]: Q"
    )


def test_texts_are_one_line_and_width_cuts_them() -> None:
    m = am.ArgumentMap(title="A  long\ntitle")
    c = m.claim("A claim\nwritten over   two lines", id="c")
    m.premise("A reason that goes on and on", id="p", supports=c)
    assert m.outline().splitlines() == [
        "# A long title",
        "",
        "[c]: A claim written over two lines",
        "  + [p]: A reason that goes on and on",
    ]
    assert m.outline(width=12) == "# A long title\n\n[c]: A claim w...\n  + [p]: A reason ..."
    with pytest.raises(am.OptionError) as info:
        m.outline(width=2)
    assert str(info.value) == "width must be a whole number of at least 4, not 2"


def test_empty_map_and_deep_chain() -> None:
    assert am.ArgumentMap().outline() == ""
    assert am.ArgumentMap(title="Empty").outline() == "# Empty"
    m = am.ArgumentMap()
    m.claim("S 0", id="s0")
    for i in range(1, 3000):  # deeper than Python's default recursion limit
        m.premise(f"S {i}", id=f"s{i}", supports=f"s{i - 1}")
    lines = m.outline().splitlines()
    assert len(lines) == 3000 and lines[-1] == f"{'  ' * 2999}+ [s2999]: S 2999"


def test_outline_is_deterministic_and_survives_a_round_trip() -> None:
    m = load_nato()
    assert am.ArgumentMap.from_json(m.to_json()).outline() == m.outline()


def test_a_view_is_outlined_like_any_map() -> None:
    m = load_nato()
    assert m.focus("uncertain").outline() == (
        "# NATO has reversed Russia’s edge in ammunition production, Rutte says\n"
        "\n"
        "[tide]: a turning of the tide in a critical aspect of the ongoing conflict in Ukraine\n"
        "  - [uncertain]: the war’s conclusion is uncertain\n"
        "    + [objectives-hard]: The war’s objectives are not easy to achieve, meaning any "
        "resolution is far off\n"
        "    + [wont-back-down]: Russia has made it clear that they won’t back down"
    )


def load_nato() -> am.ArgumentMap:
    spec = importlib.util.spec_from_file_location("nato_outline", EXAMPLES / "nato_ammunition.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    built: am.ArgumentMap = module.build_map()
    return built


def test_nato_outline() -> None:
    assert load_nato().outline(width=50) == NATO_OUTLINE


NATO_OUTLINE = """\
# NATO has reversed Russia’s edge in ammunition production, Rutte says

[tide]: a turning of the tide in a critical aspect of t...
  + <edge-and-fundamental-support-tide>
    _ [outpace]: In the heat of an ongoing conflict, production ...
    & [edge]: NATO has reversed Russia’s edge in ammunition p...
      + [rutte]: According to NATO Secretary General Mark Rutte,...
      + [capacity]: an expansion of defense production capacity thr...
      + [step-up]: the EU and its allies could step up production ...
    & [fundamental]: The ability to produce ammunition at a sufficie...
  + [long-term]: It’s more of a long-term strategic advantage, a...
  + [more-resources]: increased production means more resources to sh...
    - [sustain]: whether NATO will sustain its commitment to pro...
    - [stockpiles]: what percentage of that production will go to U...
      + [own-first]: the initial focus seems to be on bolstering NAT...
  + [good-news]: the shift in ammunition production is good news...
    + [concerned]: Those countries are understandably concerned by...
    + [weakening]: weakening Russia’s ability to wage war and prov...
  - [battlefield]: This shift doesn’t necessarily mean an immediat...
  - [uncertain]: the war’s conclusion is uncertain
    + [objectives-hard]: The war’s objectives are not easy to achieve, m...
    + [wont-back-down]: Russia has made it clear that they won’t back down
  - <crippling-attacks-tide>
    & [crippling]: Russia’s actual goal is a far more complex stra...
    & [complete-victory]: If Russia succeeds, a complete victory may follow"""
