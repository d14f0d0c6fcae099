"""The Argdown reader: the corpus against the Argdown CLI's own counts, the real CLI
(`argdown json`) on every text these tests have, each syntax element and relation kind
in small exact cases, error messages with line and column, and the JSON export reader."""

from __future__ import annotations

import collections
import copy
import json
import random
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from argdown_gen import ArgdownGen
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap as am
from argmap.errors import FormatError
from argmap.formats import argdown
from argmap.formats._spec import Content
from argmap.formats.argdown import ArgdownSyntaxError

from conftest import ROOT, pinned_node_package

DATA = ROOT / "tests" / "data" / "argdown"
TEXTS = sorted(DATA.glob("*.argdown"))
REFERENCE = json.loads((DATA / "REFERENCE.json").read_text(encoding="utf-8"))
EXPORTS = sorted((DATA / "reference-json").glob("*.json"))


def counts(m: am.ArgumentMap) -> tuple[int, int, dict[str, int]]:
    """Statements (equivalence classes), arguments and relations by Argdown type, as
    the Argdown CLI counts them, read back from the map's metadata."""
    statements = arguments = 0
    for s in m.statements:
        if s.metadata.get("argdown", {}).get("argument") is True:
            arguments += 1
        else:
            statements += 1
    relations: collections.Counter[str] = collections.Counter()
    for inf in m.inferences:
        meta = inf.metadata.get("argdown", {})
        if "argument" in meta:  # a step of a premise-conclusion structure
            arguments += "step" not in meta
        elif not meta.get("mirror"):
            relations[meta.get("relation", inf.relation)] += 1
        relations.update(meta.get("also", []))  # more Argdown relations it stands for
    return statements, arguments, dict(sorted(relations.items()))


def shape(m: am.ArgumentMap) -> tuple[list[Any], list[Any]]:
    return (
        [(s.id, s.kind, s.title, sorted(s.tags)) for s in m.statements],
        sorted((i.id, i.relation, i.premises, i.target) for i in m.inferences),
    )


# ------------------------------------------------------------------------ the corpus


@pytest.mark.parametrize("path", TEXTS, ids=[p.stem for p in TEXTS])
def test_every_corpus_file_is_read(path: Path) -> None:
    m = argdown.load(path)
    assert len(m) > 0
    assert [i for i in m.validate() if i.severity == "error"] == []


@pytest.mark.parametrize(
    "name", [k for k in REFERENCE if not k.startswith("_")], ids=lambda k: k.split(".")[0]
)
def test_counts_equal_the_argdown_cli_reference(name: str) -> None:
    ref = REFERENCE[name]
    got = counts(argdown.load(DATA / name))
    assert got == (
        ref["statements (equivalence classes)"],
        ref["arguments"],
        dict(sorted(ref["relations_by_type"].items())),
    )


@pytest.mark.parametrize("path", EXPORTS, ids=[p.stem for p in EXPORTS])
def test_json_export_reader_equals_the_text_reader(path: Path) -> None:
    from_json = argdown.load_json(path)
    from_text = argdown.load(DATA / f"{path.stem}.argdown")
    assert shape(from_json) == shape(from_text)
    assert counts(from_json) == counts(from_text)
    # Texts agree once Argdown's own formatting removal is undone on argmap's side.
    for a, b in zip(from_text.statements, from_json.statements, strict=True):
        assert _plain(a.text) == _plain(b.text), a.id


def _plain(text: str) -> str:
    import re

    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)  # links
    text = re.sub(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1", r"\2", text)  # bold, italic
    text = re.sub(r":([a-z_]+):", "", text)  # shortcodes (:heart: is an emoji there)
    text = re.sub(r"\.\^\.|\.->\.|[∧→❤]", "", text)
    return " ".join(text.replace("  ", " ").split()).rstrip("#")


def test_veggie_debate_sections_and_tags() -> None:
    m = argdown.load(DATA / "veggie_debate.argdown")
    assert m.title == "Zentrale Thesen"
    sections = m.metadata["argdown"]["sections"]
    assert sections[:2] == [
        {"title": "Zentrale Thesen", "level": 1},
        {"title": "Beziehungen zwischen den zentralen Thesen", "level": 1},
    ]
    s = m.statement("fleisch-ok")
    assert s.metadata["argdown"]["section"] == "Zentrale Thesen"
    natural = m.statement("naturliche-nahrungsketten")
    assert natural.tags == ("test test",)
    assert "#(test test)" in natural.text  # a tag inside the text stays in it


def test_frontmatter_gives_title_description_and_strict_mode() -> None:
    m = argdown.load(DATA / "legalisation-softdrugs.argdown")
    assert m.title == "Pros and Cons Legalisation of Soft Drugs"
    assert m.description == "A Simple Analysis"
    front = m.metadata["argdown"]["frontmatter"]
    assert front["color"] == {
        "colorScheme": "colorbrewer-category10",
        "tagColors": {"pro": 0, "con": 1},
    }
    semmelweis = argdown.load(DATA / "semmelweis_betz.argdown")
    assert semmelweis.metadata["argdown"]["frontmatter"]["model"] == {"mode": "strict"}
    assert semmelweis.title == (
        "A Stylized Reconstruction of the Scientific Debate That led Ignaz Semmelweis "
        "to Understand Childbed Fever"
    )
    greenspan = argdown.load(DATA / "greenspan-schefczyk_hardwrap.argdown")
    regroup = greenspan.metadata["argdown"]["frontmatter"]["group"]["regroup"]
    assert regroup[0]["statements"] == ["Bubbles impossible"]


# --------------------------------------------------------------- the real Argdown CLI

ARGDOWN = Path(sys.prefix) / "node" / "node_modules" / ".bin" / "argdown"

SMALL = {
    "relations": "[A]: a\n  + [B]: b\n  - [C]: c\n  <+ <D>: d\n  <- <E>: e\n  +> [F]: f\n"
    "  -> [G]: g\n  >< [H]: h\n\n<D>\n  <_ <U>: u\n  _> <E>\n",
    "pcs": "<X>: x\n\n(1) P\n(2) [Q]: q\n-- rule one, rule two {uses: [1, 2]} --\n(3) R\n"
    "----\n(4) T\n  -> [Q]\n",
    "untitled-pcs": "(1) A\n(2) B\n----\n(3) C\n",
    "lists": "Intro text\nover two lines.\n\n  * [I1]: one #t\n  * two\n    + reason\n\n"
    "  1. first\n  2. <L>: second\n",
    "strict": "===\nmodel:\n    mode: strict\n===\n\n[A]: a\n  - [B]: b\n  + [C]: c\n"
    "  >< [D]: d\n  + <Arg>: arg\n",
    "references": "[A]: a {kind: claim, note: hi}\n\n[A] #extra {x: 1}\n  + [B]\n\n"
    "[B]: b // a comment\n/* another */\n",
}

REFUSED = {
    "heading-then-statement": "# H\n[S]: x\n",
    "bracket-in-text": "[A]: see [1] here\n",
    "relation-after-empty-line": "[A]: ok\n\n  + [B]: b\n",
    "misindented-relation": "[A]: a\n    + b\n  - c\n",
    "pcs-without-empty-line": "<A>: a\n(1) p\n----\n(2) c\n",
    "text-after-reference": "[A] more text\n",
    "pcs-without-conclusion": "(1) a\n----\n",
}


GENERATED = {f"generated-{seed:02}": ArgdownGen(seed).text() for seed in range(40)}


@pytest.fixture(scope="module")
def cli_exports(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], str]:
    """``argdown json`` on every text (the corpus, SMALL, GENERATED, REFUSED), in one run: the
    exports by file stem, and the CLI's log."""
    pinned_node_package("node_modules/.bin/argdown", "the Argdown CLI")
    folder = tmp_path_factory.mktemp("argdown")
    inputs, out = folder / "in", folder / "out"
    inputs.mkdir()
    for path in TEXTS:
        shutil.copy(path, inputs / path.name)
    for name, text in {**SMALL, **GENERATED, **REFUSED}.items():
        (inputs / f"{name}.argdown").write_text(text, encoding="utf-8")
    result = subprocess.run(
        [str(ARGDOWN), "json", str(inputs / "*.argdown"), str(out)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    exports = {
        p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(out.glob("*.json"))
    }
    return exports, result.stdout + result.stderr


def test_the_pinned_argdown_cli_is_installed(cli_exports: tuple[dict[str, Any], str]) -> None:
    pins = json.loads((ROOT / "tests" / "node" / "package.json").read_text())["dependencies"]
    package = ARGDOWN.resolve().parents[1] / "package.json"
    assert json.loads(package.read_text())["version"] == pins["@argdown/cli"] == "1.7.5"


ALL_TEXTS = {**{p.stem: p.read_text(encoding="utf-8") for p in TEXTS}, **SMALL, **GENERATED}


@pytest.mark.parametrize("name", sorted(ALL_TEXTS))
def test_argmap_reads_what_the_argdown_cli_reads(
    name: str, cli_exports: tuple[dict[str, Any], str]
) -> None:
    exports, log = cli_exports
    assert name in exports, log[-3000:]
    export = exports[name]
    mine = argdown.loads(ALL_TEXTS[name])
    theirs = argdown.loads_json(json.dumps(export))
    assert shape(mine) == shape(theirs)
    relations = collections.Counter(r["relationType"] for r in export["relations"])
    ours = counts(mine)
    assert ours[0] == len(export["statements"])
    assert ours[1] == len(export["arguments"])
    assert ours[2] == dict(sorted(relations.items()))
    titled = {t for t in export["statements"] if not t.startswith("Untitled ")}
    assert {s.title for s in mine.statements if s.title and not _argument(s)} == titled
    arguments = {s.title for s in mine.statements if _argument(s)} | {
        i.metadata["argdown"]["argument"]
        for i in mine.inferences
        if i.metadata.get("argdown", {}).get("argument") and "step" not in i.metadata["argdown"]
    }
    assert arguments == {t for t in export["arguments"] if not t.startswith("Untitled ")}


def _argument(s: am.Statement) -> bool:
    return s.metadata.get("argdown", {}).get("argument") is True


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_texts_argdown_refuses_get_an_argmap_error(
    name: str, cli_exports: tuple[dict[str, Any], str]
) -> None:
    exports, log = cli_exports
    assert name not in exports
    assert f"{name}.argdown" in log
    with pytest.raises(ArgdownSyntaxError, match=r"^line \d+, column \d+: "):
        argdown.loads(REFUSED[name])


# ------------------------------------------------------------- small exact cases


def test_statement_definition_reference_and_plain_paragraph() -> None:
    m = argdown.loads("[Tax]: We should tax sugar.\n\nA plain paragraph.\n\n[Tax]\n")
    assert [(s.id, s.title, s.text, s.kind) for s in m.statements] == [
        ("tax", "Tax", "We should tax sugar.", "claim"),
        ("a-plain-paragraph", None, "A plain paragraph.", "claim"),
    ]


@pytest.mark.parametrize(
    ("symbol", "relation", "premise", "target"),
    [
        ("+", "support", "b", "a"),
        ("<+", "support", "b", "a"),
        ("+>", "support", "a", "b"),
        ("-", "attack", "b", "a"),
        ("<-", "attack", "b", "a"),
        ("->", "attack", "a", "b"),
    ],
)
def test_each_relation_symbol(symbol: str, relation: str, premise: str, target: str) -> None:
    m = argdown.loads(f"[A]: a\n  {symbol} [B]: b\n")
    assert [(i.relation, i.premises, i.target) for i in m.inferences] == [
        (relation, (premise,), target)
    ]


@pytest.mark.parametrize("symbol", ["_", "<_"])
def test_undercut_of_an_argument(symbol: str) -> None:
    m = argdown.loads(f"[C]: c\n  + <A>: a\n    {symbol} <U>: u\n")
    assert [(i.id, i.relation, i.premises, i.target) for i in m.inferences] == [
        ("a-supports-c", "support", ("a",), "c"),
        ("u-undercuts-a-supports-c", "undercut", ("u",), "a-supports-c"),
    ]


def test_outgoing_undercut_targets_the_last_step_of_a_reconstructed_argument() -> None:
    m = argdown.loads("<U>: u\n  _> <A>\n\n<A>\n\n(1) p\n----\n(2) c\n")
    assert m.inference("u-undercuts-a").target == "a"
    assert m.inference("a").premises == ("p",)


def test_undercut_with_nothing_to_undercut_is_an_attack_marked_as_undercut() -> None:
    m = argdown.loads("[A]: a\n  _ [B]: b\n")
    (inf,) = m.inferences
    assert (inf.relation, inf.premises, inf.target) == ("attack", ("b",), "a")
    assert inf.metadata == {"argdown": {"relation": "undercut"}}


def test_an_undercut_of_an_argument_that_only_undercuts_is_an_attack_marked_as_undercut() -> None:
    """argmap has no undercut of an undercut: B's only inference is its undercut, so D's
    '_' under B attacks B's statement (found by hypothesis over generated texts)."""
    m = argdown.loads("[C]: c\n  + <A>: a\n    _ <B>: b\n      _ <D>: d\n")
    assert [(i.id, i.relation, i.premises, i.target) for i in m.inferences] == [
        ("a-supports-c", "support", ("a",), "c"),
        ("b-undercuts-a-supports-c", "undercut", ("b",), "a-supports-c"),
        ("d-attacks-b", "attack", ("d",), "b"),
    ]
    assert m.inference("d-attacks-b").metadata == {"argdown": {"relation": "undercut"}}


def test_contradictory_is_two_attacks() -> None:
    m = argdown.loads("[A]: a\n  >< [B]: b\n")
    assert [(i.id, i.premises, i.target, i.metadata) for i in m.inferences] == [
        ("a-attacks-b", ("a",), "b", {"argdown": {"relation": "contradictory"}}),
        (
            "b-attacks-a",
            ("b",),
            "a",
            {"argdown": {"relation": "contradictory", "mirror": True}},
        ),
    ]


def test_strict_mode_contrary_and_entails() -> None:
    m = argdown.loads(SMALL["strict"])
    relations = {(i.premises, i.target): i.metadata.get("argdown") for i in m.inferences}
    assert relations[(("b",), "a")] == {"relation": "contrary"}
    assert relations[(("a",), "b")] == {"relation": "contrary", "mirror": True}
    assert relations[(("c",), "a")] == {"relation": "entails"}
    assert relations[(("arg",), "a")] is None  # an argument: a plain support


def test_nested_relations_relate_to_the_parent_line() -> None:
    m = argdown.loads("[A]: a\n  + [B]: b\n    - [C]: c\n      + [D]: d\n  - [E]: e\n")
    assert sorted((i.premises[0], i.relation, i.target) for i in m.inferences) == [
        ("b", "support", "a"),
        ("c", "attack", "b"),
        ("d", "support", "c"),
        ("e", "attack", "a"),
    ]


def test_premise_conclusion_structure_with_rules_uses_and_two_steps() -> None:
    m = argdown.loads(SMALL["pcs"])
    step1, final = m.inference("x-step-1"), m.inference("x")
    assert (step1.premises, step1.target) == (("p", "q"), "r")
    assert step1.metadata["argdown"] == {
        "rules": ["rule one", "rule two"],
        "inference_data": {"uses": [1, 2]},
        "argument": "X",
        "step": 1,
    }
    assert (final.premises, final.target) == (("r",), "t")
    assert final.metadata["argdown"] == {"argument": "X", "description": "x"}
    assert m.inference("t-attacks-q").metadata == {}  # from the conclusion itself
    assert [s.kind for s in m.statements] == ["premise", "premise", "premise", "counterpoint"]


def test_untitled_pcs_is_an_argument_named_after_its_conclusion() -> None:
    m = argdown.loads(SMALL["untitled-pcs"])
    inf = m.inference("c-2")
    assert (inf.premises, inf.target) == (("a", "b"), "c")
    assert inf.metadata == {"argdown": {"argument": None}}


def test_argument_without_structure_is_a_premise_statement() -> None:
    m = argdown.loads("[C]: c\n  + <A>: The description. #pro {note: kept}\n")
    a = m.statement("a")
    assert (a.kind, a.title, a.text, a.tags, a.note) == (
        "premise",
        "A",
        "The description.",
        ("pro",),
        "kept",
    )
    assert a.metadata == {"argdown": {"argument": True}}


def test_tags_data_kind_and_id() -> None:
    m = argdown.loads(
        "[A]: Text with #inline tag. #end #(two words) {kind: counterpoint, id: a1, n: 2}\n"
    )
    s = m.statement("a1")
    assert (s.kind, s.text, s.tags) == (
        "counterpoint",
        "Text with #inline tag.",
        ("inline", "end", "two words"),
    )
    assert s.metadata == {"argdown": {"data": {"n": 2}}}


def test_a_data_block_id_with_a_trailing_newline_is_refused_as_any_invalid_id() -> None:
    for wanted in ("a b", "a1\\n"):  # a YAML escape: the id ends in a newline
        with pytest.raises(ArgdownSyntaxError) as err:
            argdown.loads(f'[A]: text {{id: "{wanted}"}}\n')
        assert str(err.value).startswith("line 1, column 1: the id ")
        assert "in the data block is not a valid argmap id" in str(err.value)


def test_equivalence_class_keeps_other_texts() -> None:
    m = argdown.loads("[A]: first\n\n[A]: second\n\n[A]: first\n")
    assert m.statement("a").text == "first"
    assert m.statement("a").metadata == {"argdown": {"texts": ["second"]}}


def test_mentions_formatting_links_and_escapes_stay_text() -> None:
    m = argdown.loads(
        "[A]: See @[B] and @<C>, *it*, _it_, **bold**, [a link](http://x.org), \\#no-tag.\n"
    )
    s = m.statement("a")
    assert s.text == ("See @[B] and @<C>, *it*, _it_, **bold**, [a link](http://x.org), #no-tag.")
    assert s.tags == ()


def test_comments_are_dropped_and_do_not_split_blocks() -> None:
    m = argdown.loads(
        "[A]: a // end of line\n<!-- a comment\n\nover lines -->\n  + [B]: b /* inline */ too\n"
    )
    assert m.statement("b").text == "b too"
    assert [i.target for i in m.inferences] == ["a"]


def test_headings_are_sections_and_the_first_one_the_title() -> None:
    m = argdown.loads("# Main {isGroup: false}\n\n[A]: a\n\n## Sub\n\n[B]: b\n")
    assert m.title == "Main"
    assert m.metadata["argdown"]["sections"] == [
        {"title": "Main", "level": 1, "data": {"isGroup": False}},
        {"title": "Sub", "level": 2},
    ]
    assert m.statement("b").metadata["argdown"]["section"] == "Sub"


def test_lists_are_statements() -> None:
    m = argdown.loads(SMALL["lists"])
    assert [(s.id, s.text) for s in m.statements] == [
        ("intro-text-over-two-lines", "Intro text over two lines."),
        ("i1", "one"),
        ("two", "two"),
        ("reason", "reason"),
        ("first", "first"),
        ("l", "second"),
    ]


def test_reference_only_statement_gets_its_title_as_text() -> None:
    m = argdown.loads("[A]: a\n  + [Only referenced]\n")
    assert m.statement("only-referenced").text == "Only referenced"


def test_empty_text_is_an_empty_map() -> None:
    assert len(argdown.loads("")) == 0
    assert len(argdown.loads("// only a comment\n\n")) == 0


def test_crlf_and_bytes() -> None:
    m = argdown.loads(b"\xef\xbb\xbf[A]: a\r\n  + [B]: b\r\n")
    assert [i.premises for i in m.inferences] == [("b",)]


# ------------------------------------------------------------------------- errors


def test_error_after_a_relation_symbol_names_line_and_column() -> None:
    with pytest.raises(ArgdownSyntaxError) as info:
        argdown.loads("[A]: a\n  + [B]: b\n    -\n")
    err = info.value
    assert str(err) == "line 3, column 5: expected a statement or argument after '-'"
    assert (err.line, err.column, err.expected) == (3, 5, "a statement or argument")
    assert isinstance(err, FormatError)


def test_every_bad_block_is_reported_at_once() -> None:
    text = "[A]: a\n  +\n\n[B]: b\n\n  - [C]: c\n\n[D]: see [x] here\n\n(1) only a premise\n"
    with pytest.raises(ArgdownSyntaxError) as info:
        argdown.loads(text)
    assert str(info.value).splitlines() == [
        "line 2, column 3: expected a statement or argument after '+'",
        "line 6, column 3: the relation '-' needs a statement or argument above it, "
        "with no empty line between",
        "line 8, column 10: unexpected statement title '[x]' inside a text: a statement "
        "starts a line; to mention it write @[x], or escape the bracket as \\[",
        "line 10, column 19: expected an inference line '--' and a conclusion after the premises",
    ]
    assert len(info.value.errors) == 4


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[A]: a {a: [1] x}\n", "line 1, column 16: data block: expected ',' or '}' in the"),
        ("[A] more text\n", "line 1, column 5: unexpected text after the reference [A]"),
        ("[A]: a {x: 1} more\n", "line 1, column 15: unexpected text after the data block"),
        ("(1) a\n--\nrule\n", "line 2, column 1: the inference starting with '--' is never"),
        ("[A]: a {kind: opinion}\n", "line 1, column 1: kind 'opinion' in the data block"),
        ("[A]: a\n  + [A]\n", "line 2, column 3: this support relation relates [A] to itself"),
        ("[A]: a {id: 'no spaces'}\n", "line 1, column 1: the id 'no spaces' in the data"),
        ("(1) a\n-- {uses: [5]} --\n(2) b\n", "line 2, column 1: 'uses' names 5, which is"),
        ("[A]: a\n  _> [B]: b\n", "line 2, column 3: expected an argument after '_>'"),
        ("===\ntitle: x\n", "line 1, column 1: the front matter is never closed"),
        ("(1) a\n----\n", "line 2, column 5: expected the conclusion '(n) ...' after the"),
        ("----\n", "line 1, column 1: an inference line '--' needs numbered premises"),
        ("[A]: a\n    + b\n  - c\n", "line 3, column 3: the relation '-' is not indented"),
        ("# H\n[S]: x\n", "line 2, column 1: expected an empty line after the heading"),
        ("<A>: a\n(1) p\n----\n(2) c\n", "line 2, column 1: a premise-conclusion structure"),
        ("# \n", "line 1, column 3: expected the heading's text after '#'"),
        ("[A]: a {x: " + "[" * 60 + "]" * 60 + "}\n", "line 1, column 62: data block: lists and"),
        (
            "===\n" + "".join(" " * i + f"k{i}:\n" for i in range(150)) + "===\n",
            "line 103, column 1: front matter: a line is indented more than 100 spaces",
        ),
        ("[A]: a\n  >< <B>\n", "line 2, column 3: '><' (contradictory) relates two statements"),
        ('[A]: a {n: "x\\q"}\n', "line 1, column 14: data block: unknown escape sequence '\\q'"),
        (
            '===\ntitle: "\\u12"\n===\n',
            "line 2, column 9: front matter: '\\u' in a double-quoted string needs 4 hex",
        ),
    ],
)
def test_error_messages(text: str, message: str) -> None:
    with pytest.raises(ArgdownSyntaxError) as info:
        argdown.loads(text)
    assert str(info.value).startswith(message)


def test_double_quoted_yaml_escapes_are_decoded() -> None:
    """Every escape of YAML 1.2 double-quoted strings (js-yaml, Argdown's YAML reader,
    reads them all), in data blocks and the front matter."""
    text = (
        '===\ntitle: "T\\u00e9\\x21"\n===\n\n'
        '[A]: a {note: "\\0\\a\\b\\t\\n\\v\\f\\r\\e\\ \\"\\/\\\\\\N\\_\\L\\P", '
        'u: "\\u2603 \\U0001F600 \\ud83d\\ude00"}\n'
    )
    m = argdown.loads(text)
    assert m.title == "Té!"
    a = m.statement("a")
    assert a.note == '\x00\x07\x08\t\n\x0b\x0c\r\x1b "/\\\x85\xa0\u2028\u2029'
    assert a.metadata["argdown"]["data"] == {"u": "\u2603 \U0001f600 \U0001f600"}


def test_plain_yaml_scalars_are_read_as_argdown_reads_them() -> None:
    """YAML 1.2's core schema, as js-yaml: ``yes``, ``on``, ``1_000`` and ``1:30`` are
    strings (PyYAML's YAML 1.1 would read True, True, 1000 and 90)."""
    m = argdown.loads("[A]: a {a: yes, b: on, c: 1_000, d: 1:30, e: 0o17, f: 0x1F, g: 2}\n")
    assert m.statement("a").metadata["argdown"]["data"] == {
        "a": "yes",
        "b": "on",
        "c": "1_000",
        "d": "1:30",
        "e": 15,
        "f": 31,
        "g": 2,
    }


def test_load_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.argdown"
    path.write_text("[A]: a\n  +\n", encoding="utf-8")
    with pytest.raises(ArgdownSyntaxError) as info:
        argdown.load(path)
    assert str(info.value) == (
        f"{path}: line 2, column 3: expected a statement or argument after '+'"
    )
    assert info.value.errors[0].line == 2
    with pytest.raises(FormatError, match="cannot read"):
        argdown.load(tmp_path / "missing.argdown")


def test_json_reader_errors() -> None:
    with pytest.raises(FormatError, match="not JSON"):
        argdown.loads_json("{")
    with pytest.raises(FormatError, match="Argdown JSON \\(top level\\): expected an object"):
        argdown.loads_json('{"nodes": []}')
    bad = {
        "statements": {"A": {"type": "equivalence-class", "members": []}},
        "arguments": {},
        "relations": [{"relationType": "support", "from": "B", "to": "A"}],
    }
    with pytest.raises(FormatError, match=r"relations\[0\]: from 'B' is not among"):
        argdown.loads_json(json.dumps(bad))


# ------------------------------------------------------------------ format specs


def test_format_specs_and_sniffing() -> None:
    assert argdown.FORMAT.name == "argdown"
    assert argdown.FORMAT.suffixes == (".argdown", ".ad")
    assert argdown.JSON_FORMAT.name == "argdown-json" and argdown.JSON_FORMAT.json
    for path in TEXTS:
        assert argdown.sniff(Content(path.read_text(encoding="utf-8"))) is not None, path
    for path in EXPORTS:
        content = Content(path.read_text(encoding="utf-8"))
        assert argdown.sniff_json(content) is not None
        assert argdown.sniff(content) is None
    assert argdown.sniff(Content("p af 3\n1 2\n")) is None
    m = am.ArgumentMap("Drawn")
    m.premise("B", id="b", supports=m.claim("A", id="a"))
    assert argdown.sniff(Content(m.to_mermaid())) is None
    assert argdown.sniff(Content(m.to_dot().source)) is None
    assert argdown.sniff(Content(m.to_json())) is None
    assert argdown.sniff(Content('{"nodes": [], "edges": []}')) is None
    assert argdown.sniff_json(Content('{"nodes": [], "edges": []}')) is None
    assert argdown.sniff_json(Content('{"statements": [], "arguments": {}}')) is None


# ------------------------------------------------------------------ robustness

PIECES = [
    "[A]", "[A]:", "[B]: b", "<X>", "<X>:", " text", "\n", "\n\n", "  ", "    ", "+ ", "- ",
    "+> ", "-> ", "<+ ", "<- ", "><", "_ ", "_> ", "<_ ", "(1) ", "(2) ", "----", "--",
    "-- r --", "{a: 1}", "{uses: [1]}", "{", "}", "#t", "#(x y)", "@[A]", "//c", "/*", "*/",
    "<!--", "-->", "# H", "## H2", "===", "title: x", "* ", "1. ", "\\#", "[l](u)", "*i*",
    "__b__", "{kind: premise}", "{id: x}", "{kind: bad}", "\t", "é", "[", "]", "<", ">", ":",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_any_text_gives_a_map_or_an_argdown_syntax_error(text: str) -> None:
    try:
        m = argdown.loads(text)
    except ArgdownSyntaxError as err:
        assert err.errors
        assert all(p.line >= 1 and p.column >= 1 for p in err.errors)
        assert str(err).startswith(f"line {err.line}, column {err.column}: ")
    else:
        assert [i for i in m.validate() if i.severity == "error"] == []


@pytest.mark.parametrize("seed", range(40, 140))
def test_generated_texts_are_read(seed: int) -> None:
    """More generated texts than the CLI test runs: each is read (the CLI agreed on
    250 seeds when the generator was written)."""
    m = argdown.loads(ArgdownGen(seed).text())
    assert len(m) > 0


def _mutations(doc: Any, rng: random.Random) -> Any:
    """``doc`` with one to three values somewhere in it replaced by junk."""
    junk: list[Any] = [None, 1, "x", [], {}, [1], {"a": 1}, True, -5, 1.5, "Untitled 1"]
    doc = copy.deepcopy(doc)
    for _ in range(rng.randint(1, 3)):
        node, path = doc, []
        while isinstance(node, (dict, list)) and node and rng.random() < 0.8:
            key = rng.choice(list(node) if isinstance(node, dict) else range(len(node)))
            path.append((node, key))
            node = node[key]
        if path:
            parent, key = path[-1]
            parent[key] = rng.choice(junk)
    return doc


@pytest.mark.parametrize("seed", range(200))
def test_a_broken_json_export_is_a_format_error(seed: int) -> None:
    rng = random.Random(seed)
    path = EXPORTS[seed % len(EXPORTS)]
    doc = _mutations(json.loads(path.read_text(encoding="utf-8")), rng)
    try:
        m = argdown.loads_json(json.dumps(doc))
    except FormatError:
        return  # a refusal that names the place; anything else fails the test
    assert [i for i in m.validate() if i.severity == "error"] == []


def test_json_export_shape_errors_name_the_place() -> None:
    doc = {
        "statements": {"A": {"type": "equivalence-class", "members": [{"startLine": "x"}]}},
        "arguments": {},
    }
    with pytest.raises(FormatError) as info:
        argdown.loads_json(json.dumps(doc))
    assert str(info.value) == (
        "not a valid Argdown JSON export: statements.A.members.0.startLine: Input should "
        "be a valid integer, unable to parse string as an integer"
    )


# ------------------------------------------------------------------ large inputs
# As in test_scaling.py: exact behaviour on inputs that quadratic code would take
# minutes over (speed figures are in benchmarks/bench_argdown.py).


def test_one_statement_with_twenty_thousand_reasons() -> None:
    text = "[R]: r\n" + "".join(f"  + reason {i}\n" for i in range(20_000))
    m = argdown.loads(text)
    assert len(m.reasons("r")) == 20_000
    assert m.statement("reason-19999").text == "reason 19999"


def test_twenty_thousand_members_of_one_equivalence_class() -> None:
    m = argdown.loads("".join(f"[Same]: text {i % 3}\n\n" for i in range(20_000)))
    assert m.statement("same").metadata["argdown"]["texts"] == ["text 1", "text 2"]


def test_relations_nest_a_hundred_levels_deep_and_no_deeper() -> None:
    def nested(depth: int) -> str:
        return "[R]: r\n" + "".join("  " * (i + 1) + f"+ s{i}\n" for i in range(depth))

    m = argdown.loads(nested(100))
    assert m.inference("s99-supports-s98").premises == ("s99",)
    with pytest.raises(ArgdownSyntaxError) as info:
        argdown.loads(nested(101) + "\n[Fine]: but reported too\n  +\n")
    assert str(info.value).splitlines() == [
        "line 102, column 203: relations are nested more than 100 levels deep here",
        "line 105, column 3: expected a statement or argument after '+'",
    ]


def test_a_statement_right_under_a_heading_asks_for_the_empty_line() -> None:
    # Argdown refuses this too ("At 2:1 Expecting token of type EOF but found '[Edge]:'").
    text = "# Ammunition\n[Edge]: NATO leads.\n  + <Capacity>: Capacity grew.\n"
    with pytest.raises(ArgdownSyntaxError) as info:
        argdown.loads(text)
    assert str(info.value) == (
        "line 2, column 1: expected an empty line after the heading "
        "(a heading is a paragraph of its own)"
    )
    assert len(argdown.loads(text.replace("\n", "\n\n", 1))) == 2
