"""lint(): warnings without raising, each with a stable code and the node ids."""

from __future__ import annotations

import json
import sys

import pytest

import argmap as am
from argmap import ArgumentMap, LintIssue
from argmap.analysis.lint import CODES

from conftest import ROOT


def codes(m: ArgumentMap) -> list[tuple[str, tuple[str, ...]]]:
    return [(i.code, i.nodes) for i in am.lint(m)]


def test_clean_map_has_no_warnings() -> None:
    m = ArgumentMap()
    c = m.claim("C", id="c")
    m.premise("P", id="p", supports=c)
    m.counterpoint("K", id="k", attacks=c)
    assert am.lint(m) == [] == m.lint()


def test_each_warning() -> None:
    m = ArgumentMap()
    m.claim("Lonely claim", id="c")
    m.premise("Lonely premise", id="p")
    m.premise("Backed but used for nothing", id="u")
    m.premise("Backing", id="v", supports="u")
    m.counterpoint("Lonely counterpoint", id="k")
    d = m.claim("D", id="d")
    m.premise("Attacks instead", id="q", attacks=d)
    m.counterpoint("Supports instead", id="j", supports=d)
    assert codes(m) == [
        ("unsupported-main-claim", ("c",)),
        ("isolated-statement", ("p",)),
        ("premise-supports-nothing", ("u",)),
        ("isolated-statement", ("k",)),
        ("counterpoint-attacks-nothing", ("j",)),
    ]  # q, a premise in an attack, is used: premise-supports-nothing means "in no inference"
    assert {code for code, _ in codes(m)} <= CODES.keys()
    issue = am.lint(m)[0]
    assert isinstance(issue, LintIssue) and issue.severity == "warning"
    assert str(issue) == "warning: unsupported-main-claim: main claim 'c' has no supporting premise"


def test_support_cycle_is_found_once_per_cycle() -> None:
    m = ArgumentMap()
    a = m.claim("A", id="a")
    b = m.claim("B", id="b", supports=a)
    m.claim("C", id="c", supports=b)
    m.support("a", "c")
    m.premise("Outside", id="o", supports=a)
    (cycle,) = [i for i in am.lint(m) if i.code == "support-cycle"]
    assert cycle.nodes == ("a", "b", "c")
    assert cycle.message == "support cycle: a -> c -> b -> a"


def test_lint_scales_linearly_on_long_chains() -> None:
    """A 20k-statement chain lints without recursion errors or quadratic work."""
    m = ArgumentMap()
    prev = m.claim("top", id="s0")
    for i in range(1, 20_000):
        prev = m.premise(f"s{i}", id=f"s{i}", supports=prev)
    assert am.lint(m) == []


# ----------------------------------------------------------------- supports-and-attacks
def test_a_premise_that_supports_and_attacks_the_same_target_is_flagged() -> None:
    m = ArgumentMap()
    c = m.claim("Tax sugar", id="c")
    m.premise("Sugar is cheap", id="p2", supports=c, attacks=c)
    m.premise("Drinks are sweet", id="p1", supports=c)
    issues = [i for i in am.lint(m) if i.code == "supports-and-attacks"]
    assert [str(i) for i in issues] == [
        "warning: supports-and-attacks: premise 'p2' both supports and attacks 'c' "
        "('p2-supports-c', 'p2-attacks-c'); remove the one not meant, e.g. m.remove('p2-attacks-c')"
    ]
    assert issues[0].nodes == ("p2", "c")
    m.remove("p2-attacks-c")
    assert am.lint(m) == []


def test_both_ways_through_a_linked_step_and_on_different_targets() -> None:
    m = ArgumentMap()
    c = m.claim("C", id="c")
    d = m.claim("D", id="d", supports=c)
    m.premise("Other", id="o", supports=d)
    k = m.counterpoint("K", id="k", attacks=c)
    m.support([m.premise("Q", id="q", supports=c), k], d)  # k linked in a support of d
    m.attack(k, d)  # k attacks d too: both ways on d; on c it only attacks
    m.premise("R", id="r", supports=d)
    m.attack("r", c)  # supports d, attacks c: different targets, not flagged
    assert [i.nodes for i in am.lint(m) if i.code == "supports-and-attacks"] == [("k", "d")]
    (issue,) = [i for i in am.lint(m) if i.code == "supports-and-attacks"]
    assert issue.message == (
        "counterpoint 'k' both supports and attacks 'd' ('q-supports-d', 'k-attacks-d'); "
        "remove the one not meant, e.g. m.remove('k-attacks-d')"
    )


def test_supports_and_attacks_comes_after_the_per_statement_codes() -> None:
    m = ArgumentMap()
    c = m.claim("C", id="c")
    m.premise("P", id="p", supports=c, attacks=c)
    m.premise("Q", id="q")
    assert codes(m) == [("isolated-statement", ("q",)), ("supports-and-attacks", ("p", "c"))]


# ------------------------------------------------------------------ quote-text-mismatch
SOURCE = "Tax sugar. It\u2019s \u201cthe\u201d  cheapest way \u2014 by far\u2026 to save lives."


def quoted_map() -> ArgumentMap:
    m = ArgumentMap()
    m.add_source(SOURCE, id="article")
    c = m.claim("Tax sugar", id="c")
    m.quote(c)
    return m


def mismatches(m: ArgumentMap) -> list[am.LintIssue]:
    return [i for i in am.lint(m) if i.code == "quote-text-mismatch"]


def test_statement_edited_after_quoting_no_longer_matches_its_quote() -> None:
    m = quoted_map()
    assert am.lint(m) == [
        LintIssue(
            code="unsupported-main-claim",
            message="main claim 'c' has no supporting premise",
            nodes=("c",),
        )
    ]
    m.update("c", text="Tax sugary drinks")
    (issue,) = mismatches(m)
    assert issue.nodes == ("c",) and issue.severity == "warning"
    assert str(issue) == (
        "warning: quote-text-mismatch: statement 'c' reads 'Tax sugary drinks', but its "
        "verbatim quote of source 'article' (0:9) reads 'Tax sugar'; quote it again, or "
        "mark the quote paraphrase=True"
    )
    assert am.lint(m)[-1] == issue  # reported last, after the structural warnings
    assert "quote-text-mismatch" in CODES


def test_long_texts_are_shortened_in_the_message() -> None:
    m = ArgumentMap()
    words = "a sugar tax is the cheapest way to save lives and everybody knows it, really "
    m.add_source(words + "- so tax sugar.", id="long")
    c = m.claim(words.strip(), id="c")
    m.quote(c)
    m.update(c, text="A tax on sugar " + "saves lives " * 10)
    (issue,) = mismatches(m)
    assert issue.message == (
        "statement 'c' reads 'A tax on sugar saves lives saves lives saves lives saves ...', "
        "but its verbatim quote of source 'long' (0:76) reads 'a sugar tax is the cheapest "
        "way to save lives and everybo...'; quote it again, or mark the quote paraphrase=True"
    )


def test_a_paraphrase_is_not_flagged() -> None:
    m = quoted_map()
    p = m.premise("A sugar tax is the cheapest way to save lives", id="p", supports="c")
    with pytest.warns(am.QuoteNormalizedWarning):
        q = m.quote(p, 'It\'s "the" cheapest way - by far... to save lives', paraphrase=True)
    assert q.paraphrase and q.text != p.text
    assert mismatches(m) == []


def test_a_text_equal_after_normalising_is_not_flagged() -> None:
    """Straight quotes, a plain dash, '...' and single spaces typed for the source's
    typographic ones: the words match, as they do when quoting."""
    m = quoted_map()
    typed = 'It\'s "the" cheapest way - by far... to save lives'
    p = m.premise(typed, id="p", supports="c")
    with pytest.warns(am.QuoteNormalizedWarning):
        q = m.quote(p)
    assert q.text == "It\u2019s \u201cthe\u201d  cheapest way \u2014 by far\u2026 to save lives"
    assert q.text != p.text
    assert mismatches(m) == []
    # re-typing the statement (line break, surrounding spaces) keeps it matching ...
    m.update(p, text=" It\u2019s \u201cthe\u201d\ncheapest way \u2014 by far... to save lives ")
    assert mismatches(m) == []
    # ... but a change of case, accent or word is a different text
    m.update(p, text='It\'s "The" cheapest way - by far... to save lives')
    assert [i.nodes for i in mismatches(m)] == [("p",)]


def test_every_verbatim_quote_of_a_statement_is_checked() -> None:
    """A statement quoted twice, once verbatim on part of its words: that quote is
    flagged (a verbatim quote must be the statement's whole text), the full one is not."""
    m = quoted_map()
    m.add_source("We should tax sugar. Tax sugar!", id="speech")
    m.quote("c", source="speech", occurrence=1)
    m.quote("c", "sugar", source="speech", start=14)
    assert [i.message for i in mismatches(m)] == [
        "statement 'c' reads 'Tax sugar', but its verbatim quote of source 'speech' (14:19) "
        "reads 'sugar'; quote it again, or mark the quote paraphrase=True"
    ]


def test_a_hand_edited_file_is_flagged(tmp_path) -> None:
    m = quoted_map()
    doc = json.loads(m.to_json())
    doc["statements"][0]["text"] = "Tax salt"
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    loaded = am.load(path)  # the quote still matches its source, so it loads
    assert [i.nodes for i in mismatches(loaded)] == [("c",)]


def test_the_nato_example_is_clean() -> None:
    sys.path.insert(0, str(ROOT / "examples"))
    try:
        from nato_ammunition import build_map
    finally:
        sys.path.remove(str(ROOT / "examples"))
    m = build_map()
    statements = list(m.statements)
    quotes = [q for s in statements for q in s.quotes]
    assert len(quotes) == len(statements) > 20  # each statement quoted once, verbatim
    assert not any(q.paraphrase for q in quotes)
    assert am.lint(m) == []


# ------------------------------------------------------------------------ duplicate-text
def duplicates(m: ArgumentMap) -> list[am.LintIssue]:
    return [i for i in am.lint(m) if i.code == "duplicate-text"]


def test_the_same_text_twice_names_both_statements() -> None:
    m = ArgumentMap()
    c = m.claim("Tax sugary drinks", id="c")
    m.premise("Sugar taxes cut consumption", id="cut", supports=c)
    d = m.claim("Fund school meals", id="d")
    m.premise("Sugar taxes cut consumption", id="cut-again", supports=d)
    m.premise("Revenue is earmarked", id="r", supports=d)
    (issue,) = duplicates(m)
    assert issue.nodes == ("cut", "cut-again") and issue.severity == "warning"
    assert str(issue) == (
        "warning: duplicate-text: statements 'cut' and 'cut-again' have the same text "
        "'Sugar taxes cut consumption'; keep one (it can bear on several targets) or "
        "reword the other"
    )
    assert am.lint(m)[-1] == issue  # reported last
    assert "duplicate-text" in CODES
    # the fix it suggests: one statement supporting both targets
    m.remove("cut-again")
    m.support("cut", d)
    assert duplicates(m) == [] and am.lint(m) == []


def test_texts_equal_after_normalize_are_duplicates_across_kinds() -> None:
    m = ArgumentMap()
    c = m.claim("Russia\u2019s edge \u2014 gone", id="c")
    m.premise("Russia's  edge - gone ", id="p", supports=c)  # typed: ', -, two spaces
    m.counterpoint("Russia's edge -\ngone", id="k", attacks=c)
    m.premise("Something else", id="e", supports=c)
    (issue,) = duplicates(m)
    assert issue.nodes == ("c", "p", "k")
    assert issue.message == (
        "statements 'c', 'p' and 'k' have the same text \"Russia's edge - gone\"; keep one "
        "(it can bear on several targets) or reword the others"
    )


def test_different_case_or_punctuation_is_not_a_duplicate() -> None:
    m = ArgumentMap()
    c = m.claim("Tax sugar", id="c")
    m.premise("tax sugar", id="p", supports=c)
    m.premise("Tax sugar.", id="q", supports=c)
    assert duplicates(m) == []


def test_one_issue_per_group_in_map_order() -> None:
    m = ArgumentMap()
    a = m.claim("A", id="a1")
    m.premise("B", id="b1", supports=a)
    m.premise("B", id="b2", supports=a)
    m.premise("A", id="a2", supports=a)
    m.premise("B", id="b3", supports=a)
    assert [i.nodes for i in duplicates(m)] == [("a1", "a2"), ("b1", "b2", "b3")]


def test_duplicate_check_is_linear_on_a_large_map() -> None:
    m = ArgumentMap()
    c = m.claim("top", id="c")
    for i in range(20_000):
        m.premise(f"reason number {i}", id=f"p{i}", supports=c)
    m.premise("reason number 7", id="again", supports=c)
    assert [i.nodes for i in duplicates(m)] == [("p7", "again")]


def test_the_guide_lists_every_lint_code() -> None:
    guide = (ROOT / "docs" / "guide.md").read_text(encoding="utf-8")
    rows = [line.split("|")[1].strip().strip("`") for line in guide.splitlines() if "|" in line]
    assert set(CODES) <= set(rows)
