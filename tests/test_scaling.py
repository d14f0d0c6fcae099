"""Inputs big enough that quadratic (or worse) code would take minutes.

These tests time nothing: each asserts exact behaviour on a large input that the
linear code handles in well under a second, so a regression shows up as a test that
hangs for minutes, not as a flaky timing assertion. (Speed targets with numbers live in
``benchmarks/``.)
"""

from __future__ import annotations

import random

import pytest

import argmap as am
from argmap.analysis.coverage import split_sentences
from argmap.analysis.whatif import explain
from argmap.model import Inference, Quote, Statement
from argmap.render.html import _segments
from argmap.sources import find_span

N_SENTENCES = 20_000


def test_one_long_paragraph_splits_into_its_sentences() -> None:
    # 20,000 sentences in one paragraph (about 900 KB), with initials and abbreviations
    # that must not end a sentence: the old splitter copied and searched the paragraph
    # at every full stop (about 5 minutes here).
    sentences = [
        f"Mr. Lee and J. K. Rowling wrote {i} lines, e.g. this one." for i in range(N_SENTENCES)
    ]
    text = " ".join(sentences)
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == sentences


def test_a_long_run_of_full_stops_inside_a_word_is_not_a_sentence_end() -> None:
    text = "Wait" + "." * 100_000 + "what? Yes."
    assert [text[s:e] for s, e in split_sentences(text)] == [text[:-5], "Yes."]


def test_coverage_of_many_sentences_and_quotes() -> None:
    # One sentence a line, every other one quoted, and one quote over the first 1,000
    # lines: the old per-sentence loop over every quote took over a minute.
    lines = [f"Sentence number {i} is here." for i in range(N_SENTENCES)]
    text = "\n".join(lines)
    m = am.ArgumentMap()
    m.add_source(text, id="a")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    wide = Quote(source="a", start=0, end=offsets[1000] - 1, text=text[: offsets[1000] - 1])
    m.add_statement(Statement(id="wide", kind="claim", text="Wide", quotes=(wide,)))
    for i in range(0, N_SENTENCES, 2):
        q = Quote(source="a", start=offsets[i], end=offsets[i] + len(lines[i]), text=lines[i])
        m.add_statement(Statement(id=f"s{i}", kind="premise", text=lines[i], quotes=(q,)))
    result = m.coverage()
    assert len(result.sentences) == N_SENTENCES
    expected = [
        (("wide",) if i < 1000 else ()) + ((f"s{i}",) if i % 2 == 0 else ())
        for i in range(N_SENTENCES)
    ]
    assert [s.statements for s in result.sentences] == expected
    assert [s.number for s in result.unmapped] == list(range(1002, N_SENTENCES + 1, 2))


def test_report_segments_of_many_quotes_and_gaps() -> None:
    # The report's pieces for 20,000 lines, half quoted, half greyed as gaps, under one
    # quote over everything: the old code tested every piece against every span.
    lines = [f"Sentence number {i} is here." for i in range(N_SENTENCES)]
    text = "\n".join(lines)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    spans = [(0, len(text), "all")]
    spans += [(starts[i], starts[i] + len(lines[i]), f"s{i}") for i in range(0, N_SENTENCES, 2)]
    gaps = [(starts[i], starts[i] + len(lines[i])) for i in range(1, N_SENTENCES, 2)]
    pieces = _segments(text, spans, gaps)
    assert len(pieces) == 2 * N_SENTENCES - 1  # each line and each line break
    for i, (a, b, ids, gap) in enumerate(pieces[::2]):
        assert (a, b) == (starts[i], starts[i] + len(lines[i]))
        assert (ids, gap) == ((("all", f"s{i}"), False) if i % 2 == 0 else (("all",), True))
    assert all(text[a:b] == "\n" and ids == ("all",) and not gap for a, b, ids, gap in pieces[1::2])


def test_absent_long_quote_in_a_long_source_names_the_longest_part_found() -> None:
    # A 2 KB quote with a typo, against a 1 MB source of few distinct words: the old
    # message compared every quote character with every source character (~40 s).
    rnd = random.Random(0)
    words = ["the", "army", "shell", "output", "rose", "fell", "nato", "russia", "and", "of"]
    text = " ".join(rnd.choice(words) for _ in range(200_000))
    part = text[1000:1900]
    quote = part + " QQQ " + text[5000:5800] + " QQQ " + text[9000:9300]
    with pytest.raises(am.QuoteNotFoundError) as info:
        find_span(text, quote)
    longest = " ".join(part.split())
    assert str(info.value).endswith(f"; the longest part found is {longest[:57] + '...'!r}")


def undercut_chain(n: int) -> am.ArgumentMap:
    """c <- p, undercut by k0, whose undercut is undercut by k1, ... up to k(n-1)."""
    m = am.ArgumentMap()
    c = m.claim("C", id="c")
    m.premise("P", id="p", supports=c)
    step = m.find_inference("p", "c")
    for i in range(n):
        k = m.counterpoint(f"K{i}", id=f"k{i}")
        step = m.undercut(k, step, id=f"u{i}")
    return m


def test_focus_on_a_long_chain_of_undercuts() -> None:
    # Every statement of the chain is one step from every other (an undercut's step
    # involves all statements of what it undercuts): the old code recursed once per
    # undercut (RecursionError at 1,500) and listed every pair per step (cubic).
    m = undercut_chain(3000)
    v = m.focus("k2999", depth=1)
    assert len(v) == 3002 and sum(1 for _ in v.inferences) == 3001
    assert v.hidden == {} and v.detached == 0
    assert [s.id for s in m.focus("u1500", depth=0)] == ["c", "p"] + [f"k{i}" for i in range(1501)]
    # Seen from k1500, the chain below it lies towards what it bears on (+N beyond it).
    v = m.view(ids=["k1500"])
    assert v.hidden == {"k1500": 3001} and v.hidden_above == {"k1500": 1502}
    assert v.summary() == (
        "showing 1 of 3002 statements and 0 of 3001 inferences; "
        "+N markers count 3001 hidden statements"
    )


def test_focus_on_a_linked_step_with_many_premises() -> None:
    # One step with 4,000 linked premises: the old code listed every pair of premises.
    n = 4000
    m = am.ArgumentMap()
    m.claim("C", id="c")
    for i in range(n):
        m.add_statement(Statement(id=f"p{i}", kind="premise", text=f"P{i}"))
    premises = tuple(f"p{i}" for i in range(n))
    m.add_inferences([Inference(id="step", relation="support", premises=premises, target="c")])
    v = m.focus("c", depth=1)
    assert len(v) == n + 1 and v.hidden == {} and [i.id for i in v.inferences] == ["step"]
    v = m.view(ids=["p0"])
    assert v.hidden == {"p0": n} and v.hidden_above == {"p0": 1}
    assert [s.id for s in m.focus("step", depth=0)] == ["c", *premises]


def _attack_chain(n: int, *, cycle: bool = False) -> am.ArgumentMap:
    """``s{i}`` attacks ``s{i-1}`` (and, with ``cycle``, ``s0`` attacks the last)."""
    m = am.ArgumentMap()
    m.add_statement(Statement(id="s0", kind="claim", text="Statement 0"))
    for i in range(1, n):
        m.add_statement(Statement(id=f"s{i}", kind="counterpoint", text=f"Statement {i}"))
    infs = [
        Inference(id=f"i{i}", relation="attack", premises=(f"s{i}",), target=f"s{i - 1}")
        for i in range(1, n)
    ]
    if cycle:
        infs.append(Inference(id="i0", relation="attack", premises=("s0",), target=f"s{n - 1}"))
    m.add_inferences(infs)
    return m


def test_grounded_evaluation_of_a_long_attack_chain_is_linear() -> None:
    # 5,000 statements, each attacking the one before: the old evaluate recomputed the
    # grounded ranks for every statement and built every explanation in full (about a
    # minute here); one labelling pass with shared explanations takes well under a second.
    n = 5_000
    m = _attack_chain(n)
    result = am.evaluate(m)
    assert [result[f"s{i}"].label for i in range(n)] == ["out", "in"] * (n // 2)
    lines = explain(m, "s0").splitlines()
    assert len(lines) == n
    assert lines[0] == "s0 is out: attacked by s1, which is in"
    assert lines[1] == "s1 is in: every attacker (s2) is out"
    assert lines[-1] == f"s{n - 1} is in: nothing attacks it"
    changes = am.what_if(m, reject=f"s{n - 1}")
    assert len(changes) == n
    assert changes[0].after.label == "in"
    assert changes[0].after.why[-1].reason == "you rejected it"


def test_grounded_evaluation_of_a_long_attack_cycle_explains_on_demand() -> None:
    n = 2_000
    m = _attack_chain(n, cycle=True)
    result = am.evaluate(m, gradual="dfquad")
    assert {s.label for s in result.values()} == {"undec"}
    why = result["s0"].why
    assert len(why) == n
    assert why[0].reason == "attacked by s1, which is undecided (a cycle of attacks)"
    assert why[-1].id == f"s{n - 1}"
    # the steps are shared between explanations, not copied per statement
    assert result["s1"].why[0] is why[1]
