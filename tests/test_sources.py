"""Sources and quotes: spans found from the words alone, normalisation, clear errors."""

from __future__ import annotations

import dataclasses
import json
import warnings
from pathlib import Path

import networkx as nx
import pytest
from pydantic import ValidationError

import argmap as am
from argmap.model import Quote, Source, Statement, text_sha256
from argmap.sources import check_quote, find_span, normalize

TEXT = (
    "NATO has reversed Russia\u2019s edge in ammunition production, Rutte says.\n"
    "Production \u2014 not promises \u2014 counts. Russia won\u2019t back down.\n"
    "Russia says \u201cwe will win\u201d\u2026 Russia   waits."
)


def sourced_map() -> am.ArgumentMap:
    m = am.ArgumentMap("Ammunition")
    m.add_source(TEXT, id="article", title="Rutte says", author="A. Writer", date="2025-06-05")
    return m


# ------------------------------------------------------------------ find_span


def test_exact_quote_gives_its_span() -> None:
    match = find_span(TEXT, "in ammunition production")
    assert (match.start, match.end) == (32, 56)
    assert TEXT[match.start : match.end] == "in ammunition production"
    assert not match.normalized and match.differences == ()


def test_surrounding_whitespace_of_the_quote_is_ignored() -> None:
    match = find_span(TEXT, "  Rutte says.\n")
    assert TEXT[match.start : match.end] == "Rutte says."


@pytest.mark.parametrize(
    ("typed", "in_source", "differences"),
    [
        ("Russia's edge", "Russia\u2019s edge", ("quotes and apostrophes",)),
        ("Production - not promises - counts", "Production \u2014 not promises \u2014 counts",
         ("dashes",)),
        ('says "we will win"...', "says \u201cwe will win\u201d\u2026",
         ("ellipsis", "quotes and apostrophes")),
        ("Russia waits", "Russia   waits", ("whitespace",)),
        ("production, Rutte says. Production", "production, Rutte says.\nProduction",
         ("whitespace",)),
        ("won\u2019t\u00a0back down", "won\u2019t back down", ("whitespace",)),
        ("Rut\u00adte says", "Rutte says", ("invisible characters",)),
    ],
)  # fmt: skip
def test_normalised_match_returns_the_sources_own_words(
    typed: str, in_source: str, differences: tuple[str, ...]
) -> None:
    match = find_span(TEXT, typed)
    assert match.normalized
    assert match.text == in_source == TEXT[match.start : match.end]
    assert match.differences == differences


def test_normalize_is_documented_behaviour() -> None:
    assert normalize("\u2018a\u2019 \u201cb\u201d \u2013 \u2212 \u2026") == "'a' \"b\" - - ..."
    assert normalize(" x \t\n\u00a0 y ") == " x y "
    assert normalize("zero\u200bwidth\ufeff") == "zerowidth"
    # Case, accents and letters are never folded.
    assert normalize("Caf\u00e9 NATO") == "Caf\u00e9 NATO"


def test_exact_match_wins_over_normalised_ones() -> None:
    text = "it's here. it\u2019s there."
    match = find_span(text, "it's")
    assert (match.start, match.normalized) == (0, False)


def test_ambiguous_quote_is_an_error_naming_the_statement_and_offsets() -> None:
    with pytest.raises(am.AmbiguousQuoteError) as info:
        find_span(TEXT, "Russia", statement="p1")
    assert info.value.ids == ("p1",)
    assert str(info.value) == (
        "statement 'p1': quote 'Russia' occurs 4 times in source 'text' (at offsets 18, "
        "106, 130, 157); quote more words, or pass occurrence= (1 for the first) or start="
    )


def test_occurrence_and_start_pick_one_of_several() -> None:
    assert find_span(TEXT, "Russia", occurrence=2).start == 106
    assert find_span(TEXT, "Russia", start=130).start == 130
    with pytest.raises(am.AmbiguousQuoteError, match="occurrence=5 asked for, but quote"):
        find_span(TEXT, "Russia", occurrence=5)
    with pytest.raises(am.OptionError) as info:  # also a ValueError
        find_span(TEXT, "Russia", occurrence=1, start=18)
    assert str(info.value) == (
        "quote: pass occurrence= or start= to say which occurrence is meant, not both"
    )


def test_ambiguous_after_normalising_is_also_an_error() -> None:
    text = "it\u2019s one. it\u2018s two."
    with pytest.raises(am.AmbiguousQuoteError, match="occurs 2 times"):
        find_span(text, "it's")
    assert find_span(text, "it's", occurrence=2).text == "it\u2018s"


def test_start_that_disagrees_with_the_text_is_a_mismatch() -> None:
    with pytest.raises(am.QuoteMismatchError) as info:
        find_span(TEXT, "Russia", start=0, statement="c")
    assert str(info.value) == (
        "statement 'c': source 'text' has 'NATO h' at offset 0, not the quote 'Russia'"
    )


def test_absent_quote_is_an_error_that_shows_the_closest_part() -> None:
    with pytest.raises(am.QuoteNotFoundError) as info:
        find_span(Source(id="article", text=TEXT), "Russia has reversed NATO's edge", statement="x")
    assert info.value.ids == ("x",)
    assert str(info.value) == (
        "statement 'x': quote \"Russia has reversed NATO's edge\" is not in source 'article'; "
        "the longest part found is 'has reversed'"
    )
    with pytest.raises(am.QuoteNotFoundError, match="not even in part"):
        find_span(TEXT, "zqx")
    with pytest.raises(am.QuoteNotFoundError, match="the quote is empty"):
        find_span(TEXT, "  \n")


# ---------------------------------------------------------------- the models


def test_source_hash_is_computed_and_checked() -> None:
    s = Source(id="a", text="abc")
    assert (
        s.sha256
        == text_sha256("abc")
        == ("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    )
    with pytest.raises(ValidationError, match="does not match its text"):
        Source(id="a", text="abd", sha256=s.sha256)


def test_quote_span_length_must_match_its_text() -> None:
    with pytest.raises(ValidationError, match="span 0:5 is 5 characters long but the quoted"):
        Quote(source="a", start=0, end=5, text="abc")


def test_check_quote_reports_disagreeing_span_and_text() -> None:
    s = Source(id="a", text="Tax sugar now.")
    check_quote(s, Quote(source="a", start=4, end=9, text="sugar"))
    with pytest.raises(am.QuoteMismatchError, match="reads 'sugar', not 'honey'"):
        check_quote(s, Quote(source="a", start=4, end=9, text="honey"), statement="c")
    with pytest.raises(am.QuoteMismatchError, match="lies outside source 'a', which has 14"):
        check_quote(s, Quote(source="a", start=10, end=20, text="x" * 10))
    with pytest.raises(am.QuoteMismatchError, match="from source 'b', not 'a'"):
        check_quote(s, Quote(source="b", start=4, end=9, text="sugar"))


# --------------------------------------------------------------- on the map


def test_quote_attaches_the_span_to_the_statement() -> None:
    m = sourced_map()
    c = m.claim("NATO has reversed Russia\u2019s edge in ammunition production", id="edge")
    q = m.quote(c)
    assert q == Quote(source="article", start=0, end=56, text=c.text)
    assert m.statement("edge").quotes == (q,)
    p = m.premise("Production counts", id="p", supports=c)
    q2 = m.quote(p, "Production \u2014 not promises \u2014 counts", paraphrase=True)
    assert q2.paraphrase and m.statement("p").quotes == (q2,)
    # Relations survive the update of the statement model.
    assert [i.premises for i in m.reasons("edge")] == [("p",)]


def test_normalised_quote_is_reported_with_a_warning() -> None:
    m = sourced_map()
    c = m.claim("Russia won't back down", id="c")
    with pytest.warns(am.QuoteNormalizedWarning) as record:
        q = m.quote(c)
    assert q.text == "Russia won\u2019t back down"
    assert str(record[0].message) == (
        "statement 'c': quote matched source 'article' only after normalising quotes and "
        "apostrophes; the source reads 'Russia won\u2019t back down'"
    )


def test_exact_quote_gives_no_warning() -> None:
    m = sourced_map()
    c = m.claim("Rutte says", id="c")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        m.quote(c)


def test_quote_errors_name_the_node() -> None:
    m = sourced_map()
    c = m.claim("Russia", id="russia")
    with pytest.raises(am.AmbiguousQuoteError, match=r"^statement 'russia': quote 'Russia'"):
        m.quote(c)
    with pytest.raises(am.QuoteNotFoundError, match=r"^statement 'russia': quote 'Moscow'"):
        m.quote(c, "Moscow")
    m.quote(c, occurrence=1)
    with pytest.raises(am.QuoteError, match="statement 'russia' already quotes 'article' at 18"):
        m.quote(c, occurrence=1)
    with pytest.raises(am.NodeNotFoundError, match="no statement or inference 'nope'"):
        m.quote("nope", "Russia")


def test_source_lookup_and_ids() -> None:
    m = am.ArgumentMap()
    with pytest.raises(am.NodeNotFoundError) as info:
        m.source()
    assert str(info.value) == "this map has no source: add the text first with m.add_source(text)"
    a = m.add_source("First text.", title="Sugar tax")
    b = m.add_source("Second text.")
    c = m.add_source("Third text.")
    assert [s.id for s in m.sources] == ["sugar-tax", "source", "source-2"]
    assert m.source("source") is b and c.id == "source-2"
    with pytest.raises(am.NodeNotFoundError) as info:
        m.source()
    assert str(info.value) == (
        "this map has 3 sources ('sugar-tax', 'source', 'source-2'): name the one meant, "
        "e.g. source='sugar-tax'"
    )
    with pytest.raises(am.DuplicateIdError, match="source id 'sugar-tax' is already used"):
        m.add_source(a)
    with pytest.raises(TypeError, match="pass a Source model alone"):
        m.add_source(a, title="x")
    s = m.claim("Second text", id="s")
    assert m.quote(s, source="source").source == "source"
    with pytest.raises(am.NodeNotFoundError) as info:
        m.quote(s, "Third text")
    assert str(info.value) == (
        "cannot quote 's': this map has 3 sources ('sugar-tax', 'source', 'source-2'): "
        "name the one meant, e.g. source='sugar-tax'"
    )


def test_statement_with_a_disagreeing_quote_is_refused() -> None:
    m = sourced_map()
    bad = Statement(
        id="c",
        kind="claim",
        text="x",
        quotes=(Quote(source="article", start=0, end=4, text="TANO"),),
    )
    with pytest.raises(am.QuoteMismatchError) as info:
        m.add_statement(bad)
    assert info.value.ids == ("c",)
    assert str(info.value) == (
        "statement 'c': quote span 0:4 of source 'article' reads 'NATO', not 'TANO'"
    )
    assert "c" not in m
    unknown = dataclasses.replace(bad, quotes=(Quote(source="other", start=0, end=1, text="N"),))
    with pytest.raises(am.QuoteMismatchError, match="source 'other', which is not in this map"):
        m.add_statement(unknown)
    m.claim("fine", id="d")
    with pytest.raises(am.QuoteMismatchError, match="statement 'd'"):
        m.update("d", quotes=[{"source": "article", "start": 0, "end": 2, "text": "NO"}])
    assert m.statement("d").quotes == ()


# -------------------------------------------------------------- JSON and graph


def quoted_map() -> am.ArgumentMap:
    m = sourced_map()
    m.add_source("A second <source> with \u201cquotes\u201d.", id="second", url="https://x.test/a")
    c = m.claim("NATO has reversed Russia\u2019s edge", id="edge")
    p = m.premise("Production counts", id="p", supports=c)
    m.quote(c, source="article")
    m.quote(p, "Production \u2014 not promises \u2014 counts", source="article", paraphrase=True)
    m.quote(p, "second <source>", source="second")
    return m


def test_json_round_trip_with_sources_is_lossless_and_byte_identical() -> None:
    m = quoted_map()
    text = m.to_json()
    back = am.ArgumentMap.from_json(text)
    assert back == m
    assert back.sources == m.sources
    assert back.statement("p").quotes == m.statement("p").quotes
    assert back.to_json() == text
    data = json.loads(text)
    assert [s["id"] for s in data["sources"]] == ["article", "second"]
    assert list(data["sources"][0]) == ["id", "text", "title", "author", "date", "sha256"]
    assert data["statements"][1]["quotes"][0] == {
        "source": "article",
        "start": 70,
        "end": 104,
        "text": "Production \u2014 not promises \u2014 counts",
        "paraphrase": True,
    }


def test_json_with_an_edited_source_text_is_refused() -> None:
    data = json.loads(quoted_map().to_json())
    data["sources"][0]["text"] = data["sources"][0]["text"].replace("NATO", "OTAN")
    with pytest.raises(ValidationError, match=r"sha256 .* does not match its text"):
        am.ArgumentMap.from_json(json.dumps(data))


def test_json_with_a_wrong_span_names_the_statement(tmp_path: object) -> None:
    data = json.loads(quoted_map().to_json())
    data["statements"][0]["quotes"][0]["start"] += 1
    data["statements"][0]["quotes"][0]["end"] += 1
    with pytest.raises(am.QuoteMismatchError) as info:
        am.ArgumentMap.from_json(json.dumps(data))
    assert str(info.value).startswith(
        "statements[0]: statement 'edge': quote span 1:32 of source 'article' reads"
    )


def test_focus_keeps_the_sources_of_quoted_statements() -> None:
    m = quoted_map()
    sub = m.focus("edge")
    assert sub.sources == m.sources and sub.statement("p").quotes == m.statement("p").quotes


def test_quoted_maps_validate_and_rebuild_from_networkx() -> None:
    m = quoted_map()
    # p's second quote is verbatim but not p's words: lint's only finding
    assert [(i.code, i.nodes) for i in m.validate()] == [("quote-text-mismatch", ("p",))]
    assert am.ArgumentMap.from_networkx(m.graph) == m  # the graph keeps the sources
    g = nx.DiGraph(m.graph)
    g.graph.update(title=m.title, sources=m.sources)  # a list of sources works too
    assert am.ArgumentMap.from_networkx(g) == m
    del g.graph["sources"]
    with pytest.raises(am.QuoteMismatchError, match="not in this map"):
        am.ArgumentMap.from_networkx(g)


def test_schema_describes_sources_and_quotes() -> None:
    import jsonschema

    schema = am.json_schema()
    jsonschema.validate(json.loads(quoted_map().to_json()), schema)
    assert {"Source", "Quote"} <= set(schema["$defs"])


def test_json_with_duplicate_source_ids_names_the_position() -> None:
    data = json.loads(quoted_map().to_json())
    data["sources"][1]["id"] = "article"
    with pytest.raises(am.DuplicateIdError) as info:
        am.ArgumentMap.from_json(json.dumps(data))
    assert str(info.value) == "sources[1]: source id 'article' is already used in this map"


def test_many_quotes_from_one_long_source_are_found() -> None:
    # Normalised search over a long text, repeated for many quotes (the cache keeps the
    # normalised text): every span is still the source's own words.
    words = [f"Point {i} \u2014 it\u2019s argued here." for i in range(2000)]
    text = " ".join(words)
    for i in range(0, 2000, 50):
        match = find_span(text, f"Point {i} - it's argued here.")
        assert match.normalized and match.text == words[i]


def test_closest_part_is_looked_for_in_the_first_1000_characters_of_the_quote() -> None:
    # Bounded so that the error costs little even for a long quote and a long source:
    # a part found only after the first 1,000 characters is not reported.
    text = "NATO has reversed Russia's edge in ammunition production."
    near = "x" * 990 + "has reversed"
    with pytest.raises(am.QuoteNotFoundError, match=r"the longest part found is 'has revers'$"):
        find_span(text, near)
    with pytest.raises(am.QuoteNotFoundError, match=r"\(not even in part\)$"):
        find_span(text, "x" * 1000 + "has reversed")


def test_quote_without_a_source_says_to_add_one() -> None:
    m = am.ArgumentMap()
    c = m.claim("Tax sugar", id="c")
    with pytest.raises(am.NodeNotFoundError) as info:
        m.quote(c)
    assert str(info.value) == (
        "cannot quote 'c': this map has no source: add the text first with m.add_source(text)"
    )
    with pytest.raises(am.NodeNotFoundError) as info:
        m.quote(c, source="article")
    assert str(info.value) == (
        "no source 'article': this map has no source; add one with m.add_source(text)"
    )
    m.add_source("Tax sugar. It saves lives.", id="article")
    assert m.quote(c).source == "article"


def test_remove_source_refuses_a_quoted_one_and_removes_the_rest() -> None:
    m = am.ArgumentMap()
    src = m.add_source("Tax sugar. It saves lives.", id="article")
    m.add_source("Unused draft.", id="draft")
    c = m.claim("Tax sugar", id="c")
    m.quote(c, source=src)
    with pytest.raises(am.ArgmapError) as info:
        m.remove_source("article")
    assert str(info.value) == (
        "source 'article' is quoted by 'c': drop those quotes first, e.g. m.update('c', quotes=())"
    )
    assert info.value.ids == ("article", "c")
    with pytest.raises(am.NodeNotFoundError) as info:
        m.remove_source("nope")
    assert str(info.value) == "no source 'nope' in this map (it has 'article', 'draft')"
    with pytest.raises(am.NodeNotFoundError) as info:
        m.remove_source("drafts")
    assert str(info.value) == "no source 'drafts' in this map; did you mean 'draft'?"
    assert m.remove_source("draft").id == "draft"
    assert [x.id for x in m.sources] == ["article"] and m.source() == src  # the only one now
    m.update(c, quotes=())
    assert m.remove_source(src) == src and m.sources == [] and "sources" in m.graph.graph
    assert am.ArgumentMap.from_json(m.to_json()) == m


def test_a_quote_whose_source_was_removed_or_swapped_in_the_graph_is_refused_on_writing(
    tmp_path: Path,
) -> None:
    m = am.ArgumentMap()
    m.add_source("Tax sugar. It saves lives.", id="src")
    m.quote(m.claim("It saves lives", id="c"))
    copy = m.graph.copy()  # networkx copies graph attributes shallowly: the dict is shared
    del copy.graph["sources"]["src"]
    with pytest.raises(am.ArgmapError, match="statement 'c' quotes source 'src', which is not"):
        m.to_json()
    m.graph.graph["sources"]["src"] = am.Source(id="src", text="Something else entirely")
    with pytest.raises(am.ArgmapError, match="which no longer has the quoted words"):
        m.save(tmp_path / "map.json")
    assert list(tmp_path.iterdir()) == []
