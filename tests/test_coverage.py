"""Coverage: which sentences of a source a map quotes, counted by hand on a small text."""

from __future__ import annotations

import importlib.util
import re

import pytest

import argmap as am
from argmap.analysis.coverage import split_sentences

from conftest import ROOT

TEXT = "Sugar harms teeth. Tax it now!\nRead more here\nDr. Lee agrees, e.g. in print. So do we."


def small_map() -> am.ArgumentMap:
    m = am.ArgumentMap()
    m.add_source(TEXT, id="a")
    c = m.claim("Tax it now", id="tax")
    m.quote(m.premise("Sugar harms", id="harms", supports=c))
    m.quote(m.premise("harms teeth", id="teeth", supports=c))
    m.quote(c)
    m.quote(m.counterpoint("Lee agrees", id="lee", attacks=c))
    m.quote(m.premise("Read more", id="read", supports=c))
    m.premise("Not in the text", id="free", supports=c)
    return m


def test_sentences_are_split_as_documented() -> None:
    spans = split_sentences(TEXT)
    assert spans == [(0, 18), (19, 30), (31, 45), (46, 76), (77, 86)]
    assert [TEXT[s:e] for s, e in spans] == [
        "Sugar harms teeth.",
        "Tax it now!",
        "Read more here",
        "Dr. Lee agrees, e.g. in print.",
        "So do we.",
    ]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ('He said "No." Then he left.', ['He said "No."', "Then he left."]),
        ("Mark J. Rutte spoke. Wait... what? Yes!", ["Mark J. Rutte spoke.", "Wait... what?",
                                                     "Yes!"]),
        ("U.S. forces arrived. 3 days later.", ["U.S. forces arrived.", "3 days later."]),
        ("It rose\u2026 Then fell.", ["It rose\u2026", "Then fell."]),
        ("A b.\r\nC d.", ["A b.", "C d."]),
        ("No end", ["No end"]),
        ("  \n\n  ", []),
    ],
)  # fmt: skip
def test_sentence_splitting_cases(text: str, sentences: list[str]) -> None:
    assert [text[s:e] for s, e in split_sentences(text)] == sentences


def test_coverage_numbers_computed_by_hand() -> None:
    result = small_map().coverage()
    rows = [
        (s.number, s.argumentative, s.characters, s.covered, s.statements) for s in result.sentences
    ]
    # Characters without whitespace: "Sugar harms teeth." = 5 + 5 + 6 = 16, of which the
    # union of "Sugar harms" and "harms teeth" covers 15 (overlap counted once), etc.
    assert rows == [
        (1, True, 16, 15, ("harms", "teeth")),
        (2, True, 9, 8, ("tax",)),
        (3, False, 12, 8, ("read",)),
        (4, True, 25, 9, ("lee",)),
        (5, True, 7, 0, ()),
    ]
    assert [s.number for s in result.mapped] == [1, 2, 3, 4]
    assert [s.number for s in result.unmapped] == [5]
    assert result.skipped == []
    # Argumentative: sentences 1, 2, 4, 5 = 16 + 9 + 25 + 7 = 57 characters; covered
    # 15 + 8 + 9 = 32 (sentence 3 is quoted but not argumentative, so not counted).
    assert (result.covered_characters, result.argumentative_characters) == (32, 57)
    assert result.share == pytest.approx(32 / 57)


def test_coverage_table() -> None:
    assert str(small_map().coverage()) == (
        "coverage of source 'a'\n"
        "  sentences                    5\n"
        "  mapped                       4\n"
        "  not mapped                   1\n"
        "  skipped (not argumentative)  0\n"
        "  argumentative text covered   56.1% (32 of 57 characters)\n"
        "not mapped:\n"
        "     5  So do we."
    )


def test_excluded_sentences_are_not_argumentative() -> None:
    m = small_map()
    by_number = m.coverage(exclude=[5])
    by_words = m.coverage(exclude=["So do"])
    assert by_number == by_words
    assert [s.number for s in by_number.skipped] == [5]
    assert by_number.unmapped == []
    assert (by_number.covered_characters, by_number.argumentative_characters) == (32, 50)
    assert "64.0% (32 of 50 characters)" in by_number.table()


def test_coverage_of_one_of_several_sources() -> None:
    m = small_map()
    other = m.add_source("Another text. Quoted here.", id="b")
    m.quote("free", "Quoted here", source=other)
    with pytest.raises(am.NodeNotFoundError, match="name the one meant"):
        m.coverage()
    result = am.coverage(m, "b")
    assert [(s.covered, s.statements) for s in result.sentences] == [(0, ()), (10, ("free",))]
    assert m.coverage("a") == am.coverage(m, m.source("a"))


def test_source_without_quotes_or_argument() -> None:
    m = am.ArgumentMap()
    m.add_source("Just a heading", id="h")
    result = m.coverage()
    assert result.share == 0.0 and result.mapped == [] and len(result.skipped) == 1


# ------------------------------------------------------------------ NATO example


def nato_map() -> am.ArgumentMap:
    spec = importlib.util.spec_from_file_location(
        "nato_ammunition", ROOT / "examples" / "nato_ammunition.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    m: am.ArgumentMap = module.build_map()
    return m


def test_every_nato_statement_is_anchored_in_the_article() -> None:
    m = nato_map()
    article = m.source("article")
    assert article.text == (ROOT / "examples" / "article.txt").read_text(encoding="utf-8")
    for s in m:
        assert len(s.quotes) == 1, s.id
        q = s.quotes[0]
        assert article.text[q.start : q.end] == q.text == s.text
        assert not q.paraphrase


def test_nato_coverage_matches_a_brute_force_count_and_the_readme() -> None:
    m = nato_map()
    result = m.coverage()
    text = m.source().text
    covered = {i for s in m for q in s.quotes for i in range(q.start, q.end)}
    argumentative = [(s.start, s.end) for s in result.sentences if s.argumentative]
    total = sum(not text[i].isspace() for a, b in argumentative for i in range(a, b))
    hit = sum(not text[i].isspace() and i in covered for a, b in argumentative for i in range(a, b))
    assert (result.covered_characters, result.argumentative_characters) == (hit, total)
    assert [s.text for s in result.skipped] == ["Read the original article here"]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    figure = re.search(r"covers\s+\*\*([\d.]+%)\*\*\s+of\s+the\s+article's", readme)
    assert figure is not None, "README states the NATO coverage figure"
    assert figure.group(1) == f"{result.share:.1%}"
    sentences = re.search(r"(\d+)\s+of\s+its\s+(\d+)\s+argumentative\s+sentences", readme)
    assert sentences is not None
    n_arg = sum(1 for s in result.sentences if s.argumentative)
    n_mapped = sum(1 for s in result.sentences if s.argumentative and s.mapped)
    assert sentences.groups() == (str(n_mapped), str(n_arg))


# ------------------------------------------------------------------ edge cases


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # The word before the full stop runs back over full stops to its first letter.
        ("See abc" + "." * 30 + "A. Next.", ["See abc" + "." * 30 + "A.", "Next."]),
        ("See " + "." * 30 + "A. Next.", ["See " + "." * 30 + "A. Next."]),
        ("See " + "." * 30 + "Approx. Next.", ["See " + "." * 30 + "Approx. Next."]),
        ("It was x...Mr. Lee.", ["It was x...Mr.", "Lee."]),
        ('Go."." Stop.', ['Go."."', "Stop."]),  # a full stop after a closing quote
    ],
)  # fmt: skip
def test_sentence_splitting_looks_back_over_full_stops(text: str, sentences: list[str]) -> None:
    assert [text[s:e] for s, e in split_sentences(text)] == sentences


def test_exclude_may_be_a_generator_read_once() -> None:
    m = small_map()
    from_list = m.coverage(exclude=[5, "Sugar"])
    from_generator = m.coverage(exclude=(x for x in [5, "Sugar"]))
    assert from_generator == from_list
    assert [s.number for s in from_generator.sentences if not s.argumentative] == [1, 3, 5]


@pytest.mark.parametrize(
    ("exclude", "message"),
    [
        ([True], r"exclude holds True \(bool\); give sentence numbers \(1 for the first\)"),
        ([2.0], r"exclude holds 2\.0 \(float\)"),
        ("So do", r"not the str 'So do'; write exclude=\['So do'\]"),
    ],
)
def test_exclude_refuses_bools_and_bare_strings(exclude: object, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        small_map().coverage(exclude=exclude)
