"""Kialo text exports: the exact map of our own sample, arguebuf's reading of it,
errors naming the line, and random trees written as outlines and read back."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import arguebuf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap as am
from argmap.errors import FormatError
from argmap.formats import kialo
from argmap.formats._spec import Content

from conftest import DATA

SAMPLE = DATA / "kialo" / "four-day-week.txt"


def shape(m: am.ArgumentMap) -> tuple[list[tuple[str, ...]], list[tuple[Any, ...]]]:
    statements = [(s.id, s.kind, s.text) for s in m.statements]
    inferences = [(i.id, i.relation, i.premises, i.target) for i in m.inferences]
    return statements, inferences


# -------------------------------------------------------------------- the sample
def test_sample_reads_to_the_exact_map() -> None:
    m = kialo.load(SAMPLE)
    assert m.title == "Should the council move its staff to a four-day week?"
    statements, inferences = shape(m)
    assert statements == [
        ("1", "claim", "The council should move its staff to a four-day week."),
        ("1.1", "premise", "Staff who work four longer days take fewer sick days."),
        (
            "1.1.1",
            "counterpoint",
            "The trial that found this lasted only six months (too short to tell).",
        ),
        ("1.1.1.1", "premise", "Sick days in the trial rose again in its last month."),
        (
            "1.1.2",
            "premise",
            "A larger study found the same effect after two years. "
            "[Report](https://example.org/four-day-report)",
        ),
        ("1.2", "counterpoint", "Residents could not reach the offices on Fridays."),
        (
            "1.2.1",
            "counterpoint",
            "The phone line and the website would stay open on Fridays.\n"
            "Most requests already come in online.",
        ),
        ("1.3", "counterpoint", "Longer days tire the staff who work with the public."),
        ("1.3.1", "premise", "Front-desk staff already report stress at the end of the day."),
        ("1.4", "premise", "The council would save on heating and lighting one day a week."),
    ]
    assert inferences == [
        ("1.1-supports-1", "support", ("1.1",), "1"),
        ("1.1.1-attacks-1.1", "attack", ("1.1.1",), "1.1"),
        ("1.1.1.1-supports-1.1.1", "support", ("1.1.1.1",), "1.1.1"),
        ("1.1.2-supports-1.1", "support", ("1.1.2",), "1.1"),
        ("1.2-attacks-1", "attack", ("1.2",), "1"),
        ("1.2.1-attacks-1.2", "attack", ("1.2.1",), "1.2"),
        ("1.3.1-supports-1.2", "support", ("1.3.1",), "1.2"),  # the forward link 1.2.2.
        ("1.3-attacks-1", "attack", ("1.3",), "1"),
        ("1.3.1-supports-1.3", "support", ("1.3.1",), "1.3"),
        ("1.4-supports-1", "support", ("1.4",), "1"),
        ("1.1.1-attacks-1.4", "attack", ("1.1.1",), "1.4"),  # the link 1.4.1.
    ]
    assert m.inference("1.3.1-supports-1.2").metadata == {"kialo": {"link": "1.2.2"}}
    assert m.inference("1.1.1-attacks-1.4").metadata == {"kialo": {"link": "1.4.1"}}
    assert [s.id for s in m.main_conclusions()] == ["1"]
    assert [i for i in m.validate() if i.severity == "error"] == []


def test_reading_is_deterministic_and_bytes_equal_text() -> None:
    text = SAMPLE.read_text()
    assert kialo.loads(text.encode()).to_json() == kialo.loads(text).to_json()
    crlf = ("\ufeff" + text.replace("\n", "\r\n")).encode()
    assert kialo.loads(crlf) == kialo.loads(text)


# --------------------------------------------------- arguebuf as a second reader
def test_arguebuf_reads_the_same_atoms_and_schemes() -> None:
    # arguebuf resolves a link only to a line before it: drop the forward link 1.2.2.
    text = SAMPLE.read_text().replace("1.2.2. Pro: -> See 1.3.1.\n", "")
    m = kialo.loads(text)
    g = arguebuf.load.kialo(io.StringIO(text))
    assert g.name == m.title
    assert {a.id.rstrip("."): a.plain_text for a in g.atom_nodes.values()} == {
        s.id: s.text.replace(" [Report](https://example.org/four-day-report)", " Report")
        for s in m.statements
    }
    relation = {"Support": "support", "Attack": "attack"}
    schemes = sorted(
        (
            relation[type(s.scheme).__name__],
            [n.id.rstrip(".") for n in g.incoming_nodes(s)],
            [n.id.rstrip(".") for n in g.outgoing_nodes(s)],
        )
        for s in g.scheme_nodes.values()
    )
    assert schemes == sorted((i.relation, list(i.premises), [i.target]) for i in m.inferences)
    assert g.major_claim is not None and g.major_claim.id == "1."


def test_arguebuf_cannot_follow_a_forward_link() -> None:
    with pytest.raises(KeyError):
        arguebuf.load.kialo(io.StringIO(SAMPLE.read_text()))
    assert len(list(kialo.load(SAMPLE).inferences)) == 11


# ------------------------------------------------------------------- variants
def test_headerless_file_and_the_older_discussion_name_header() -> None:
    assert kialo.loads("1. Thesis.\n1.1. Con: No.\n").title is None
    m = kialo.loads("Discussion Name: Old style\n\n1. Thesis.\n")
    assert (m.title, shape(m)) == ("Old style", ([("1", "claim", "Thesis.")], []))


def test_multi_thesis_discussion_reads_theses_as_claims() -> None:
    m = kialo.loads(
        "Discussion Title: Where should the new school go?\n\n"
        "1. Where should the new school go?\n"
        "1.1. Next to the park.\n"
        "1.1.1. Pro: Children could play outside.\n"
        "1.2. On the old factory site.\n"
        "1.2.1. Con: The ground may be polluted.\n"
        "1.2.2. Con: -> See 1.1.1.\n"
    )
    assert shape(m) == (
        [
            ("1", "claim", "Where should the new school go?"),
            ("1.1", "claim", "Next to the park."),
            ("1.1.1", "premise", "Children could play outside."),
            ("1.2", "claim", "On the old factory site."),
            ("1.2.1", "counterpoint", "The ground may be polluted."),
        ],
        [
            ("1.1.1-supports-1.1", "support", ("1.1.1",), "1.1"),
            ("1.2.1-attacks-1.2", "attack", ("1.2.1",), "1.2"),
            ("1.1.1-attacks-1.2", "attack", ("1.1.1",), "1.2"),
        ],
    )
    assert m.statement("1.2").metadata == {"kialo": {"parent": "1"}}


def test_children_of_a_link_belong_to_the_claim_it_points_at() -> None:
    m = kialo.loads(
        "1. T.\n1.1. Pro: A.\n1.2. Con: B.\n1.2.1. Con: -> See 1.1.\n1.2.1.1. Con: C.\n"
    )
    assert shape(m)[1][-1] == ("1.2.1.1-attacks-1.1", "attack", ("1.2.1.1",), "1.1")


def test_stance_words_are_read_in_any_case() -> None:
    m = kialo.loads("1. T.\n1.1. pro: A.\n1.2. CON: B.\n")
    assert [s.kind for s in m.statements] == ["claim", "premise", "counterpoint"]


# ----------------------------------------------------------------------- errors
def error(text: str | bytes) -> str:
    with pytest.raises(FormatError) as info:
        kialo.loads(text)
    return info.value.message


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "1. T.\n1.1 Pro: No dot.\n",
            "line 2: bad numbering '1.1': Kialo numbers claims 1., 1.1., 1.1.2. ... (each "
            "number followed by a dot, the first one 1)",
        ),
        (
            "1. T.\n2.1. Con: Wrong root.\n",
            "line 2: bad numbering '2.1.': Kialo numbers claims 1., 1.1., 1.1.2. ... (each "
            "number followed by a dot, the first one 1)",
        ),
        (
            "1. T.\n1.1. Pro: A.\n1.3.1. Con: Orphan.\n",
            "line 3: 1.3.1. has no parent: no line numbered 1.3. comes before it",
        ),
        (
            "1.1. Pro: A.\n",
            "line 1: 1.1. has no parent: a Kialo export starts with the thesis, '1.'",
        ),
        (
            "1. T.\n1.1. Pro: A.\n1.1. Con: B.\n",
            "line 3: 1.1. is numbered twice (first on line 2)",
        ),
        (
            "1. T.\n1. Again.\n",
            "line 2: 1. is numbered twice (first on line 1)",
        ),
        (
            "1. T.\n1.1. Pro: A.\n1.1.1. Neutral: B.\n",
            "line 3: 1.1.1. has the unknown stance 'Neutral': Kialo writes 'Pro:' or 'Con:'",
        ),
        (
            "1. T.\n1.1. Pro: A.\n1.2. Maybe: B.\n",
            "line 3: 1.2. has the unknown stance 'Maybe': Kialo writes 'Pro:' or 'Con:'",
        ),
        (
            "1. T.\n1.1. Pro: A.\n1.1.1. Just text.\n",
            "line 3: 1.1.1. has no stance: expected 'Pro:' or 'Con:' after the number",
        ),
        ("1. T.\n1.1. Pro:\n", "line 2: 1.1. has no text"),
        (
            "1. T.\n1.1. Pro: -> See 1.5.\n",
            "line 2: 1.1. links to 1.5., which is not in the outline",
        ),
        (
            "1. T.\n1.1. Pro: A.\n1.1.1. Con: -> See 1.1.\n",
            "line 3: 1.1.1. links to its own parent 1.1.",
        ),
        (
            "1. T.\n1.1. Pro: -> See 1.2.\n1.2. Pro: -> See 1.1.\n",
            "line 2: 1.1. links in a cycle: 1.1 -> 1.2 -> 1.1",
        ),
        (
            "1. T.\n1.1. Pro: A.\n1.2. Pro: -> See 1.1.\n",
            "line 3: 1.2. repeats line 2: 1.1 already supports 1 there",
        ),
        (
            "1. T.\n1.1. Pro: -> See 1.\nmore\n",
            "line 2: 1.1. has text after its link '-> See ...'; a link is a line of its own",
        ),
        (
            "1. Q?\n1.1. A.\n1.2. -> See 1.1.\n",
            "line 3: 1.2. links without a stance: expected 'Pro: -> See ...' or 'Con: ...'",
        ),
        (
            "Discussion Title: X\nsome words\n1. T.\n",
            "line 2: expected the thesis, numbered '1.', or a 'Discussion Title:' header, "
            "found 'some words'",
        ),
        ("Discussion Title: X\n\n", "no thesis: a Kialo export has a line numbered '1.'"),
        (b"1. Caf\xe9\n", "not UTF-8 text: cannot decode byte 6 (invalid continuation byte)"),
    ],
)
def test_errors_name_the_line(text: str, message: str) -> None:
    assert error(text) == message


def test_load_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    path.write_text("1. T.\n1.2.1. Con: Orphan.\n")
    with pytest.raises(FormatError, match=r"broken\.txt: line 2: 1\.2\.1\. has no parent"):
        kialo.load(path)


def test_wrong_input_type_is_a_format_error() -> None:
    with pytest.raises(FormatError, match="expected Kialo text"):
        kialo.loads(None)  # type: ignore[arg-type]


# ----------------------------------------------------------------------- the spec
def test_format_spec_and_sniff() -> None:
    spec = kialo.FORMAT
    assert (spec.name, spec.suffixes, spec.extra_suffixes) == ("kialo", (), (".txt",))
    assert spec.reads and not spec.writes and spec.sniff is not None
    assert spec.sniff(Content(SAMPLE.read_text())) == 'starts with "Discussion Title:"'
    assert kialo.sniff(Content("\ufeffDiscussion Name: x\n")) == 'starts with "Discussion Name:"'
    assert kialo.sniff(Content("1. T\n1.1. Con: x\n")) is not None
    assert kialo.sniff(Content("1. Eggs\n1.1. Milk\n")) is None
    assert kialo.sniff(Content("")) is None
    assert kialo.sniff(Content('{"nodes": []}')) is None


# --------------------------------------------------- random trees as outlines
_PUNCT = re.compile(r"([!-/:-@\[-`{-~])")
_CHARS = st.characters(
    blacklist_categories=("Cc", "Cs", "Zl", "Zp", "Zs"), blacklist_characters="\\"
) | st.sampled_from([" ", "\\", "-", ">", ".", ":", "(", ")", "[", "]"])
_LINE = st.text(_CHARS, min_size=1, max_size=12).map(str.strip).filter(bool)


@st.composite
def trees(draw: st.DrawFn) -> dict[str, Any]:
    """A random Kialo tree: parents, stances, texts (1-2 lines), and some links."""
    n = draw(st.integers(1, 12))
    parents = [-1] + [draw(st.integers(0, k - 1)) for k in range(1, n)]
    stances = [None] + [draw(st.sampled_from(["Pro", "Con"])) for _ in range(1, n)]
    texts = [draw(st.lists(_LINE, min_size=1, max_size=2)) for _ in range(n)]
    leaves = [k for k in range(1, n) if k not in parents]
    links: dict[int, int] = {}
    for k in draw(st.lists(st.sampled_from(leaves), unique=True)) if leaves else []:
        links[k] = draw(st.integers(0, n - 1))
    return {"parents": parents, "stances": stances, "texts": texts, "links": links}


def write_outline(tree: dict[str, Any]) -> tuple[str, dict[int, str]]:
    """The tree as Kialo writes it (depth first, children numbered in order)."""
    parents, stances, texts, links = (tree[k] for k in ("parents", "stances", "texts", "links"))
    children: dict[int, list[int]] = {}
    for k, p in enumerate(parents[1:], start=1):
        children.setdefault(p, []).append(k)
    number: dict[int, str] = {0: "1"}
    lines = ["Discussion Title: Generated", ""]
    stack = [0]
    while stack:
        k = stack.pop()
        for i, c in enumerate(children.get(k, []), start=1):
            number[c] = f"{number[k]}.{i}"
        stack.extend(reversed(children.get(k, [])))
    for k in sorted(number, key=lambda k: [int(x) for x in number[k].split(".")]):
        head = f"{number[k]}. " + (f"{stances[k]}: " if stances[k] else "")
        if k in links:
            lines.append(f"{head}-> See {number[links[k]]}.")
        else:
            escaped = [_PUNCT.sub(r"\\\1", line) for line in texts[k]]
            lines.extend([head + escaped[0], *escaped[1:]])
    return "\n".join(lines) + "\n", number


def resolve(k: int, links: dict[int, int]) -> int | None:
    """The node a link (or chain of links) stands for; None for a cycle."""
    seen = {k}
    while k in links:
        k = links[k]
        if k in seen:
            return None
        seen.add(k)
    return k


def expected(tree: dict[str, Any], number: dict[int, str]) -> Any:
    """The statements and relations the outline means, or None when it must be refused
    (a cycle of links, a link to its own parent, the same relation twice)."""
    parents, stances, texts, links = (tree[k] for k in ("parents", "stances", "texts", "links"))
    kind = {None: "claim", "Pro": "premise", "Con": "counterpoint"}
    order = sorted(number, key=lambda k: [int(x) for x in number[k].split(".")])
    statements = [
        (number[k], kind[stances[k]], "\n".join(texts[k])) for k in order if k not in links
    ]
    relations = []
    for k in order[1:]:
        premise = resolve(k, links)
        if premise is None or premise == parents[k]:
            return None
        relations.append(
            (number[premise], "support" if stances[k] == "Pro" else "attack", number[parents[k]])
        )
    if len(set(relations)) < len(relations):
        return None
    return statements, relations


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(trees())
def test_random_trees_written_as_outlines_read_back(tree: dict[str, Any]) -> None:
    text, number = write_outline(tree)
    meant = expected(tree, number)
    if meant is None:
        with pytest.raises(FormatError, match=r"^line \d+: 1[.\d]*\. "):
            kialo.loads(text)
        return
    m = kialo.loads(text)
    assert m.title == "Generated"
    assert [(s.id, s.kind, s.text) for s in m.statements] == meant[0]
    assert [(i.premises[0], i.relation, i.target) for i in m.inferences] == meant[1]
    assert [i for i in m.validate() if i.severity == "error"] == []


_SAMPLE_LINES = SAMPLE.read_text().split("\n")


@st.composite
def mangled(draw: st.DrawFn) -> str:
    lines = list(_SAMPLE_LINES)
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(lines) - 1))
        how = draw(st.sampled_from(["drop", "dup", "edit", "new"]))
        if how == "drop":
            del lines[i]
        elif how == "dup":
            lines.insert(i, lines[i])
        elif how == "edit":
            j = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:j] + draw(st.text(max_size=5)) + lines[i][j + 2 :]
        else:
            lines.insert(
                i, draw(st.from_regex(r"1(\.[0-9]){0,3}\.? (Pro|Con|Pr)?:? ?(-> See )?.{0,6}"))
            )
        if not lines:
            lines = [""]
    return "\n".join(lines)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mangled())
def test_mangled_exports_give_a_map_or_a_format_error(text: str) -> None:
    try:
        m = kialo.loads(text)
    except FormatError as err:
        assert err.message
        return
    assert [i for i in m.validate() if i.severity == "error"] == []
    assert am.ArgumentMap.from_json(m.to_json()) == m
