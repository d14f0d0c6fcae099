"""Reliability: no traceback from any input, text drawn exactly as written, limits.

Each test is a finding of the reliability review, fixed; the message or the drawing is
checked exactly (drawings in real ``dot`` output).
"""

from __future__ import annotations

import pytest

import argmap as am
from argmap.errors import FormatError
from argmap.formats import iccma

# --- ICCMA p af: numbers, limits, BOM ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("p af ²\n", "x.af, line 1: expected the header 'p af N': 'p af ²'"),
        ("p af 2\n1 ²\n", "x.af, line 2: expected an attack 'a b' of two argument numbers: '1 ²'"),
        (
            "p af 2\n1 " + "9" * 5000 + "\n",
            "x.af, line 2: argument 999999999999... (5000 digits) is not between 1 and 2: '1 "
            + "9" * 55
            + "...'",
        ),
        (
            "p af 10000000\n",
            "x.af, line 1: the header declares 10000000 arguments, more than a file of 14 "
            "characters plausibly holds (at most 10000: 64 per character, and never fewer than "
            "10000); pass a larger max_arguments= to read it: 'p af 10000000'",
        ),
    ],
)
def test_iccma_af_bad_numbers_are_format_errors_naming_the_line(text: str, message: str) -> None:
    with pytest.raises(FormatError) as info:
        iccma.loads(text, source="x.af")
    assert str(info.value) == message


def test_iccma_af_header_limits_are_documented_options() -> None:
    big = "p af 10000000000\n"
    with pytest.raises(FormatError, match="declares 10000000000 arguments"):
        iccma.loads(big)
    with pytest.raises(FormatError) as info:
        iccma.loads("p af 1000001\n" + "1 2\n" * 20000)  # plausible by size, above the cap
    assert "more than max_arguments=1000000;" in str(info.value)
    assert len(iccma.loads("p af 50000\n", max_arguments=50000)) == 50000
    with pytest.raises(FormatError, match="more than max_arguments=3;"):
        iccma.loads("p af 4\n", max_arguments=3)
    with pytest.raises(am.OptionError, match="max_arguments must be a whole number"):
        iccma.loads("p af 4\n", max_arguments=-1)


def test_iccma_five_thousand_digit_header_is_a_format_error_not_value_error() -> None:
    with pytest.raises(FormatError, match=r"declares 999999999999\.\.\. \(5000 digits\)"):
        iccma.loads("p af " + "9" * 5000)


def test_iccma_files_with_a_byte_order_mark_read(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "x.af"
    path.write_bytes(b"\xef\xbb\xbfp af 2\n1 2\n")
    assert iccma.load(path).attacks == (("1", "2"),)
    assert iccma.loads("\ufeffarg(a).\n", "apx").arguments == ("a",)
    assert [s.id for s in am.load(path).statements] == ["1", "2"]


# --- argmap JSON: duplicate keys ----------------------------------------------------

HEAD = '{"format": "argmap", "version": 1, '
ONE = '{"id": "a", "kind": "claim", "text": "x"}'


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            HEAD + f'"statements": [{ONE}], "statements": []}}',
            "duplicate key 'statements' at the top level: JSON would keep only the last "
            "value; remove one of them",
        ),
        (
            HEAD + '"statements": [{"id": "a", "kind": "claim", "text": "x", "text": "y"}]}',
            "duplicate key 'text' in statements[0]: JSON would keep only the last value; "
            "remove one of them",
        ),
        (
            HEAD + '"metadata": {"a": [{}, {"b": {"c": 1, "c": 2}}]}}',
            "duplicate key 'c' in metadata.a[1].b: JSON would keep only the last value; "
            "remove one of them",
        ),
    ],
)
def test_argmap_json_refuses_duplicate_keys_naming_key_and_path(text: str, message: str) -> None:
    with pytest.raises(FormatError) as info:
        am.ArgumentMap.from_json(text)
    assert str(info.value) == message
    with pytest.raises(FormatError) as info:
        am.loads(text.encode())
    assert str(info.value) == message


def test_duplicate_statements_key_is_caught_in_a_text_above_the_full_check_size() -> None:
    from argmap.formats import json as amjson

    filler = ", ".join(
        f'{{"id": "s{i}", "kind": "premise", "text": "{"x" * 60}"}}' for i in range(60_000)
    )
    text = HEAD + f'"statements": [{filler}], "statements": []}}'
    assert len(text) > amjson.FULL_KEY_CHECK
    with pytest.raises(FormatError, match="duplicate key 'statements' at the top level"):
        amjson.loads(text)
    # a nested repeat in a text that large is not looked for (documented)
    text = HEAD + f'"statements": [{filler}], "title": "a", "title": "b"}}'
    assert amjson.loads(text).title == "b"
