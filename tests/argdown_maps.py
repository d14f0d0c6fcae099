"""Hypothesis strategies for maps that Argdown can hold, and an independent reading of
what the official Argdown CLI (`argdown json`) sees in a text: used by
tests/test_argdown_writer.py."""

from __future__ import annotations

import contextlib
from typing import Any

from hypothesis import strategies as st

import argmap as am
from argmap.errors import ArgmapError
from argmap.model import slugify

# Texts: anything but line breaks (an Argdown statement is one line), heavy on the
# characters Argdown's lexer gives a meaning to.
_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_SPECIAL = [*list("#[]<>{}*_\\/=+-()@:,;. \t!"), "//", "/*", "===", "(1)", "-->", "<!--"]
_chars = st.characters(blacklist_categories=("Cs",), blacklist_characters=_BREAKS)
_pieces = st.sampled_from(_SPECIAL) | st.text(_chars, min_size=1, max_size=4)
texts = st.lists(_pieces, min_size=1, max_size=10).map("".join).filter(lambda s: s.strip())
# argmap's reader joins a text's words with single spaces (whatever whitespace, escaped
# or not, was between them): texts for it are so already
stripped_texts = texts.map(lambda s: " ".join(s.split())).filter(bool)
words = st.text("abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8)
titles = st.lists(words | st.sampled_from(["A", "#", "(x)", "&", "1"]), min_size=1, max_size=4).map(
    " ".join
)
tags = words | st.lists(
    words | st.sampled_from(["é", "#", "a.b", "[x]"]), min_size=2, max_size=3
).map(" ".join)
ids = st.from_regex(r"[a-z][a-z0-9_.\-]{0,12}", fullmatch=True)
kinds = st.sampled_from(["claim", "premise", "counterpoint"])
notes = st.none() | st.text(max_size=20)
# argmap's reader decodes the YAML escapes \\ \" \n \t only (not \uXXXX): notes for it
printable_notes = st.none() | st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=20)


@st.composite
def argdown_maps(
    draw: st.DrawFn,
    max_statements: int = 10,
    *,
    linked_attacks: bool = True,
    notes: st.SearchStrategy[str | None] = notes,
    texts: st.SearchStrategy[str] = texts,
) -> am.ArgumentMap:
    """A map of statements (some titled, tagged, annotated) and the supports, attacks
    and undercuts between them, as built in Python. ``linked_attacks=False`` leaves out
    the attacks Argdown can only hold as an argument (linked, with an id, note or tags
    of their own, or undercut), which argmap's reader reads as supports."""
    m = am.ArgumentMap(draw(notes), description=draw(notes))
    n = draw(st.integers(1, max_statements))
    for _ in range(n):
        with contextlib.suppress(ArgmapError):  # a repeated id: skip it
            getattr(m, draw(kinds))(
                draw(texts),
                id=draw(st.none() | ids),
                title=draw(st.none() | titles),
                note=draw(notes),
                tags=draw(st.lists(tags, max_size=2, unique=True)),
            )
    statement_ids = [s.id for s in m.statements]
    for _ in range(draw(st.integers(0, 2 * n))):
        premises = draw(
            st.lists(st.sampled_from(statement_ids), min_size=1, max_size=3, unique=True)
        )
        relation = draw(st.sampled_from(["support", "support", "attack", "undercut"]))
        extras: dict[str, Any] = {}
        if draw(st.integers(0, 3)) == 0:
            extras = {"note": draw(notes), "tags": draw(st.lists(tags, max_size=2, unique=True))}
        if draw(st.integers(0, 4)) == 0:
            extras["id"] = draw(ids)
        if relation == "attack" and not linked_attacks:
            premises, extras = premises[:1], {}  # a plain "-" line
        with contextlib.suppress(ArgmapError):  # a self-loop or repeat: skip it
            if relation == "undercut":
                allowed = ("support", "attack") if linked_attacks else ("support",)
                targets = [i.id for i in m.inferences if i.relation in allowed]
                if targets:  # Argdown's undercut has no id, note or tags of its own
                    m.undercut(premises[:1], draw(st.sampled_from(targets)))
            else:
                target = draw(st.sampled_from(statement_ids))
                getattr(m, relation)(premises, target, **extras)
    return m


def cli_facts(data: dict[str, Any]) -> dict[str, Any]:
    """What Argdown's JSON export says, in argmap's terms, read independently of
    argmap's reader: each statement as ``id -> (title, text, tags, data)`` and each
    inference as ``id -> (relation, premises, target, tags, note)``; ids as argmap's
    writer and reader derive them (``{id: ...}`` in the data, else the slug of the title,
    or of the text for an untitled statement; relation lines ``p-supports-t``)."""
    statement_id: dict[str, str] = {}
    statements: dict[str, tuple[Any, ...]] = {}
    for title, ec in data["statements"].items():
        member = next(m for m in ec["members"] if not m.get("isReference"))
        text = _text(member)
        untitled = title.startswith("Untitled ")
        extra = ec.get("data") or {}
        id = extra.get("id") or slugify(text if untitled else title)
        statement_id[title] = id
        statements[id] = (None if untitled else title, text, tuple(ec.get("tags") or ()), extra)
    inferences: dict[str, tuple[Any, ...]] = {}
    argument_id: dict[str, str] = {}
    for title, arg in data["arguments"].items():
        extra = arg.get("data") or {}
        id = extra.get("id") or slugify(title)
        argument_id[title] = id
        *premises, conclusion = arg["pcs"]
        step = conclusion["inference"]
        relation = (step.get("data") or {}).get("relation", "support")
        inferences[id] = (
            relation,
            tuple(statement_id[p["title"]] for p in premises),
            statement_id[conclusion["title"]],
            tuple(arg.get("tags") or ()),
            extra.get("note"),
        )
    for r in data["relations"]:
        source = statement_id[r["from"]]
        target = argument_id[r["to"]] if r["toType"] == "inference" else statement_id[r["to"]]
        kind = r["relationType"]
        pairs = [(source, target)]
        if kind == "contradictory":
            kind, pairs = "attack", [(source, target), (target, source)]
        verb = {"support": "supports", "attack": "attacks", "undercut": "undercuts"}[kind]
        for p, t in pairs:
            inferences[f"{p}-{verb}-{t}"] = (kind, (p,), t, (), None)
    return {"statements": statements, "inferences": inferences, "statement_id": statement_id}


def _text(member: dict[str, Any]) -> str:
    """A statement's text without the tags the writer put after it (and the one space
    before them, or before its data). Argdown's ranges count UTF-16 code units."""
    units: bytes = (member.get("text") or "").encode("utf-16-le")
    ranges = sorted(
        (r for r in member.get("ranges") or () if r["type"] == "tag"), key=lambda r: r["start"]
    )
    end = len(units) // 2
    for r in reversed(ranges):
        if r["stop"] + 1 >= end and units[2 * (r["stop"] + 1) : 2 * end].strip(b" \x00") == b"":
            end = r["start"]
        else:
            break
    text = units[: 2 * end].decode("utf-16-le")
    if (ranges or member.get("data")) and text.endswith(" "):
        text = text[:-1]
    return text


def map_facts(m: am.ArgumentMap) -> dict[str, Any]:
    """The same facts, from the map (titles the writer had to add are the ids)."""
    statements = {s.id: (s.title, s.text, s.tags, s.note) for s in m.statements}
    inferences = {i.id: (i.relation, i.premises, i.target, i.tags, i.note) for i in m.inferences}
    return {"statements": statements, "inferences": inferences}
