"""ICCMA framework files: the three formats read and write, with errors naming the line."""

from __future__ import annotations

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


def test_af_format_with_names_records_them_in_comments() -> None:
    af = ArgumentationFramework(["main", "k"], [("k", "main")])
    text = dumps(af, "af")
    assert text == "p af 2\n# 1 = main\n# 2 = k\n2 1\n"
    assert loads(text).attacks == (("2", "1"),)


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
    with pytest.raises(Exception, match="cannot be written as apx"):
        dumps(af, "apx")
