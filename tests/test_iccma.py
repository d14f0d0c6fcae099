"""ICCMA framework files: the three formats read and write, with errors naming the line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from argmap.analysis.framework import ArgumentationFramework
from argmap.errors import FormatError
from argmap.formats.iccma import dump, dumps, load, loads, read_af

from conftest import DATA


def test_corpus_file_reads_with_its_comment_line_skipped() -> None:
    af = read_af(DATA / "af" / "reinstatement.af")
    assert af.arguments == ("1", "2", "3", "4")
    assert af.attacks == (("1", "2"), ("2", "3"), ("4", "1"))


@pytest.mark.parametrize("fmt", ["af", "apx", "tgf"])
def test_round_trip_in_every_format(fmt: str, tmp_path: Path) -> None:
    af = read_af(DATA / "af" / "rand06_n40.af")
    path = dump(af, tmp_path / f"x.{fmt}")
    assert load(path) == af
    assert dumps(load(path), fmt) == path.read_text()  # type: ignore[arg-type]


def test_af_format_with_names_records_them_in_comments_and_reads_them_back() -> None:
    af = ArgumentationFramework(["main", "k"], [("k", "main")])
    text = dumps(af, "af")
    assert text == "p af 2\n# 1 = main\n# 2 = k\n2 1\n"
    back = loads(text)
    assert back.arguments == ("main", "k")
    assert back.attacks == (("k", "main"),)


def test_af_format_keeps_number_names_in_any_order() -> None:
    af = ArgumentationFramework(["2", "1"], [("2", "1")])
    assert dumps(af, "af") == "p af 2\n2 1\n"
    assert loads(dumps(af, "af")) == af
    assert loads(dumps(af, "af")).attacks == (("2", "1"),)


def test_af_names_a_comment_cannot_hold_read_back_as_numbers_with_a_warning() -> None:
    af = ArgumentationFramework(["ok", "two\nlines", " padded"], [("ok", "two\nlines")])
    with pytest.warns(UserWarning) as record:
        text = dumps(af, "af")
    assert str(record[0].message) == (
        "the af format numbers arguments and a comment cannot hold the name of 2 of them "
        "('two\\nlines', ' padded'): they read back as their numbers; use apx or argmap "
        "JSON to keep every name"
    )
    assert text == "p af 3\n# 1 = ok\n1 2\n"
    assert loads(text).arguments == ("1", "2", "3")


@pytest.mark.parametrize(
    "comments",
    [
        "# 1 = a\n",  # not every argument named
        "# 1 = a\n# 2 = a\n",  # two arguments, one name
        "# 1 = a\n# 1 = b\n# 2 = c\n",  # one number named twice
        "# 1 = a\n# 3 = b\n",  # beyond N
    ],
)
def test_af_comments_that_do_not_name_every_argument_once_are_only_comments(
    comments: str,
) -> None:
    assert loads(f"p af 2\n{comments}1 2\n").arguments == ("1", "2")


def test_af_file_with_a_byte_order_mark_reads(tmp_path: Path) -> None:
    path = tmp_path / "bom.af"
    path.write_bytes(b"\xef\xbb\xbfp af 2\n1 2\n")
    assert load(path).attacks == (("1", "2"),)
    assert loads("\ufeffp af 2\n1 2\n").attacks == (("1", "2"),)


_AWKWARD = ["Claim-1", "v1.2", "_x", "9lives", "x__y", "é", "a b", "Upper", "07", "7", "ok_1"]


def test_apx_writes_valid_asp_constants_and_reads_the_original_names_back() -> None:
    af = ArgumentationFramework(_AWKWARD, [(_AWKWARD[0], _AWKWARD[1]), ("a b", "a b")])
    text = dumps(af, "apx")
    constants = re.findall(r"arg\(([^)]*)\)\.", text)
    assert constants == [
        "x__Claim_2d_1",
        "x__v1_2e_2",
        "x___5f_x",
        "x__9lives",
        "x__x_5f__5f_y",
        "x___e9_",
        "x__a_20_b",
        "x__Upper",
        "x__07",
        "7",
        "ok_1",
    ]
    assert all(re.fullmatch(r"[a-z][A-Za-z0-9_]*|[1-9][0-9]*", c) for c in constants)
    back = loads(text, "apx")
    assert back.arguments == tuple(_AWKWARD)
    assert back.attacks == af.attacks


def test_apx_constants_are_read_by_clingo_with_an_aspartix_style_rule() -> None:
    clingo = pytest.importorskip("clingo")
    af = ArgumentationFramework(_AWKWARD, [("Claim-1", "v1.2")])
    ctl = clingo.Control(["--warn=none"])
    ctl.add("base", [], dumps(af, "apx") + "n(X) :- arg(X). a(X,Y) :- att(X,Y).")
    ctl.ground([("base", [])])
    with ctl.solve(yield_=True) as handle:
        model = next(iter(handle))
        shown = {str(s.arguments[0]) for s in model.symbols(atoms=True) if s.name == "n"}
        attacks = [s for s in model.symbols(atoms=True) if s.name == "a"]
    assert len(shown) == len(_AWKWARD)
    assert {loads(f"arg({c}).", "apx").arguments[0] for c in shown} == set(_AWKWARD)
    assert len(attacks) == 1


def test_tgf_and_apx_exact_text() -> None:
    af = ArgumentationFramework(["a", "b"], [("a", "b"), ("b", "b")])
    assert dumps(af, "tgf") == "a\nb\n#\na b\nb b\n"
    assert dumps(af, "apx") == "arg(a).\narg(b).\natt(a,b).\natt(b,b).\n"
    assert loads("a label\n# comment\nb\n#\na b\n", "tgf").attacks == (("a", "b"),)
    assert loads("% asp comment\narg(a).arg(b). att(a, b).\n", "apx").attacks == (("a", "b"),)


@pytest.mark.parametrize(
    ("text", "fmt", "message"),
    [
        ("1 2\n", "af", "x, line 1: expected the header 'p af N': '1 2'"),
        ("p af 2\n1 2 3\n", "af", "x, line 2: expected an attack 'a b' of two argument numbers"),
        ("p af 2\n\n# c\n0 1\n", "af", "x, line 4: argument 0 is not between 1 and 2: '0 1'"),
        ("# only a comment\n", "af", "x: no 'p af N' header line found"),
        ("arg(a).\natt(a,b).\n", "apx", "x, line 2: attack names undeclared argument 'b'"),
        ("arg(a).\nargh(b).\n", "apx", "x, line 2: expected arg(a). or att(a,b).: 'argh(b).'"),
        ("arg(a).\narg(a).\n", "apx", "x, line 2: argument 'a' is declared twice"),
        ("a\n#\na c\n", "tgf", "x, line 3: attack names unknown argument 'c'"),
        ("a\n#\na\n", "tgf", "x, line 3: expected an attack 'a b'"),
    ],
)
def test_bad_lines_are_named(text: str, fmt: str, message: str) -> None:
    with pytest.raises(FormatError) as info:
        loads(text, fmt, source="x")  # type: ignore[arg-type]
    assert str(info.value).startswith(message)


def test_unknown_suffix_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FormatError, match="cannot tell the framework format"):
        read_af(tmp_path / "x.txt")
    with pytest.raises(FormatError, match="cannot read"):
        read_af(tmp_path / "missing.af")


def test_names_that_cannot_be_written_are_refused() -> None:
    af = ArgumentationFramework(["has space"])
    with pytest.raises(Exception, match="cannot be written as tgf"):
        dumps(af, "tgf")
