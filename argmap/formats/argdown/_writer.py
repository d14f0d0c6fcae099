"""The Argdown writer: an argument map as readable Argdown text.

The layout, for a map made in Python:

* the map's title and description go into YAML front matter (``title``, ``subTitle``);
* every statement is defined once, as ``[Title]: text #tags {data}``; a statement
  without a title is written without one where it occurs only once, and with its id as
  its title where the text must refer to it again (``[id]``);
* a single-premise ``support`` or ``attack`` with the id argmap would give it and nothing
  else to keep is a relation line: the statements form indentation trees, each target
  with its supporters (``+``) and attackers (``-``) nested under it; a statement that
  bears on several targets is defined under the first and referred to by ``[Title]``
  under the others;
* every other support (linked premises, its own id, a note, tags, undercut by
  something, or also stated by an argument concluding its target, which the reader
  would merge into that argument) is an argument ``<id>`` with a premise-conclusion
  structure of one inference step; an undercut is a ``<_`` line under the argument it
  aims at (an undercut with linked premises, its own id, note or tags is refused); a
  linked attack is a premise-conclusion structure whose inference line says
  ``{relation: attack}`` (Argdown reads every argument as a support; argmap reads
  it back as an attack);
* statement titles are unique (Argdown reads one title as one statement): a title
  already taken is written ``Title (id)``;
* two attacks read from Argdown's ``><`` (``metadata["argdown"]["relation"] ==
  "contradictory"``) are written back as one ``><`` line;
* the data block holds what Argdown has no syntax for: ``id`` where the reader would
  not derive it from the title (or the text), ``kind`` where it differs from the kind
  the structure implies as Argdown reads it, ``note``;
* the map's metadata goes into the front matter (``metadata``), an element's into its
  data block (``metadata``); sources and quotes are not written (Argdown has no place
  for them): a :class:`~argmap.errors.FormatLossWarning` names them; a map read from
  Argdown gets its ``metadata["argdown"]`` back (front matter, argument titles and
  descriptions, inference rules and data, data keys).

Texts are escaped where Argdown's lexer would read them otherwise (see :func:`escape`).
"""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

from pydantic import JsonValue

from argmap._io import write_atomic
from argmap.errors import ArgmapError, FormatLossWarning
from argmap.formats._shared import kind_from_roles
from argmap.formats.argdown._names import unlinked
from argmap.map import ArgumentMap
from argmap.model import Inference, Statement, StatementKind, slugify

__all__ = ["dump", "dumps", "escape"]

_KEY = "argdown"
# The steps of a premise-conclusion structure, each with the undercuts of its line.
_Chain = list[tuple[Inference, list[Inference]]]
_INDENT = "    "
_VERB = {
    "support": "supports",
    "attack": "attacks",
    "undercut": "undercuts",
    "rephrase": "rephrases",
}
_MARK = {"support": "+", "attack": "-", "undercut": "<_", "contradictory": "><"}
# Characters that start Argdown syntax anywhere in a line: escapes, tags, statement and
# argument references, mentions, links, data, and bold/italic ranges.
_ALWAYS = frozenset("\\#[]<{}*_")
_LINE_START = frozenset("+-<>(=_#*,0123456789")
# Line breaks: Argdown ends a line at \n and \r, and its escape does not take them
# (JavaScript's "." does not match \u2028 and \u2029 either); YAML and Python's
# str.splitlines see a line break in \x0b, \x0c, \x1c-\x1e and \x85 too.
_LINE_BREAK = re.compile("[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# Argdown 1.7 reads ".name." and ":name:" (no space inside) as a shortcode: a known one
# (":smile:", ".->.") becomes a symbol, an unknown one stays as written, escapes and all.
# "No space" as JavaScript's \s means it (Python's also counts \x1c-\x1f and \x85).
_JS_SPACE = "\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
_SHORTCODE = {ch: re.compile(rf"\{ch}[^{_JS_SPACE}]+?\{ch}") for ch in ".:"}
# What Argdown trims at either end of a text (JavaScript's whitespace).
_TRIMMED = re.compile(f"[{_JS_SPACE}]")
_SIMPLE_TAG = re.compile(r"[A-Za-z0-9-]+")
# Characters a YAML double-quoted string must escape besides " and \ (not printable in
# YAML, or a line break), and the braces and "=" that end Argdown data and front matter.
_YAML_ESCAPE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def escape(text: str, *, line_start: bool = False) -> str:
    r"""``text`` as Argdown statement text that Argdown reads back as exactly ``text``.

    A backslash makes any character plain text in Argdown. argmap puts one before
    ``\ # [ ] < { } * _`` (escapes, tags, references, links, data, bold and italic);
    before a ``.`` or ``:`` that starts a span like ``.name.`` or ``:name:`` with no
    space in it (Argdown's shortcodes); before a ``/`` followed by ``/`` or ``*``
    (comments); before the first ``=`` of ``===`` (front matter); before a tab, a
    space after another one, and any whitespace at either end (Argdown drops such
    whitespace, as JavaScript's ``trim`` does: no-break and other Unicode spaces too); and, with
    ``line_start=True`` (the text begins a line), before a first character that would
    start a relation, a heading, a premise number or a list item there, or a ``,`` that
    would end the data block of the line above.

    Raises
    ------
    ArgmapError
        The text has a line break, which an Argdown statement cannot hold.

    Examples
    --------
    >>> print(escape("Costs #2 and [sic] rise // fast"))
    Costs \#2 and \[sic\] rise \// fast
    >>> print(escape("e.g. :smile: at 10:30"))
    e\.g. \:smile: at 10:30
    >>> print(escape("(1) is a number", line_start=True))
    \(1) is a number
    >>> print(escape(" two  spaces "))
    \ two \ spaces\ 
    """  # noqa: W291
    found = _LINE_BREAK.search(text)
    if found:
        raise ArgmapError(
            f"has a line break ({found.group()!r}) at position {found.start()}, "
            "which an Argdown statement cannot hold"
        )
    out: list[str] = []
    last = len(text) - 1
    for i, ch in enumerate(text):
        nxt = text[i + 1 : i + 2]
        if (
            ch in _ALWAYS
            or (ch in ".:" and _SHORTCODE[ch].match(text, i))
            or (ch == "/" and nxt in ("/", "*"))
            or (ch == "=" and text[i + 1 : i + 3] == "==")
            or ch == "\t"
            or (ch == " " and (i in (0, last) or text[i - 1] in " \t"))
            or (i in (0, last) and _TRIMMED.match(ch))
            or (i == 0 and line_start and ch in _LINE_START)
        ):
            out.append("\\")
        out.append(ch)
    return "".join(out)


def _yaml_string(text: str) -> str:
    """A YAML scalar for ``text`` that Argdown's data blocks and front matter keep
    whole: plain for an identifier-like word; single-quoted (``'`` doubled) for a
    one-line text with a ``"`` (easier to read than ``\\"``); else double-quoted with
    the escapes ``\\\\ \\" \\n \\t``, and ``\\uXXXX`` only for what YAML
    does not print, a ``}`` before a space (it would end Argdown's data block) and the
    ``=`` of ``===`` (it would end the front matter)."""
    if _PLAIN.fullmatch(text) and text.lower() not in _YAML_WORDS:
        return text
    needs_u = _YAML_ESCAPE.search(text)
    one_line = not _LINE_BREAK.search(text) and "\t" not in text
    if '"' in text and not needs_u and one_line:
        return "'" + text.replace("'", "''") + "'"
    out = ['"']
    for i, ch in enumerate(text):
        if ch in _SIMPLE_ESCAPES:
            out.append(_SIMPLE_ESCAPES[ch])
        elif (
            _YAML_ESCAPE.match(ch)
            or (ch == "}" and text[i + 1 : i + 2].isspace())
            or (ch == "=" and text[i + 1 : i + 3] == "==")
        ):
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


_SIMPLE_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t"}


def _yaml(value: JsonValue) -> str:
    """``value`` as a YAML flow node (JSON with plain keys where they are identifiers)."""
    if isinstance(value, str):
        return _yaml_string(value)
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, (int, float)):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(_yaml(v) for v in value) + "]"
    return _mapping(value)


def _mapping(data: Mapping[str, JsonValue]) -> str:
    items = []
    for key, value in data.items():
        items.append(f"{_yaml_string(key)}: {_yaml(value)}")
    return "{" + ", ".join(items) + "}"


_YAML_WORDS = frozenset(["true", "false", "null", "yes", "no", "on", "off", "y", "n"])
_PLAIN = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]*")


def _tag(tag: str, where: str) -> str:
    if _SIMPLE_TAG.fullmatch(tag):
        return f"#{tag}"
    if ")" in tag or _LINE_BREAK.search(tag) or tag != tag.strip():
        raise ArgmapError(
            f"{where}: the tag {tag!r} cannot be written in Argdown (a tag cannot have "
            "')', a line break or space at either end)"
        )
    return f"#({tag})"


def _title(title: str, where: str) -> str:
    if "]" in title or ">" in title or _LINE_BREAK.search(title) or title != title.strip():
        raise ArgmapError(
            f"{where}: the title {title!r} cannot be written in Argdown (a title cannot "
            "have ']', '>', a line break or space at either end)"
        )
    return title


def _layout_only(metadata: Mapping[str, JsonValue], strict: bool = False) -> bool:
    """True for no metadata, or only what the reader notes about where a relation line
    stood (the argument it was nested under), which the line itself says again; in
    strict mode, "entails" (what "+" between statements means there)."""
    kept = metadata.get(_KEY)
    if kept is not None and not isinstance(kept, dict):
        return False
    rest = {k: v for k, v in (kept or {}).items() if k not in ("to_argument", "from_argument")}
    return set(metadata) <= {_KEY} and (not rest or (strict and rest == {"relation": "entails"}))


def _undercut_lines(inferences: Sequence[Inference]) -> set[str]:
    """The attacks read from an undercut line whose target has nothing to undercut
    (``metadata["argdown"]["relation"] == "undercut"``) that an undercut line reads back
    as: those whose target is a premise of no support or attack."""
    outgoing = {p for i in inferences if _undercutable(i) for p in i.premises}
    found = set()
    for inf in inferences:
        kept = _argdown(inf.metadata)
        rest = {k: v for k, v in kept.items() if k not in ("to_argument", "from_argument")}
        if (
            inf.relation == "attack"
            and set(inf.metadata) == {_KEY}
            and rest == {"relation": "undercut"}
            and inf.target not in outgoing
        ):
            found.add(inf.id)
    return found


def _undercutable(inf: Inference) -> bool:
    """An inference the reader may aim an undercut of its premise at: a support, attack
    or rephrase, but not an attack read from an undercut line (there being nothing to
    undercut)."""
    return inf.relation != "undercut" and _argdown(inf.metadata).get("relation") != "undercut"


def _also_undercut(inferences: Sequence[Inference]) -> list[Inference]:
    """The one-premise attacks whose metadata says the text also stated them as an
    undercut line (``also: ["undercut"]``), on a target that is a premise of no support
    or attack (so that an undercut line reads back as that attack)."""
    outgoing = {p for i in inferences if _undercutable(i) for p in i.premises}
    return [i for i in inferences if _also(i) == ["undercut"] and i.target not in outgoing]


def _also(inf: Inference) -> object:
    """What ``also`` says for a one-premise attack whose only metadata is a reader's note
    holding nothing but ``also`` (and the arguments' names): the other relation lines
    the text stated it by; None for any other inference."""
    if inf.relation != "attack" or len(inf.premises) != 1 or set(inf.metadata) != {_KEY}:
        return None
    kept = _argdown(inf.metadata)
    rest = {k: v for k, v in kept.items() if k not in ("to_argument", "from_argument")}
    return rest["also"] if set(rest) == {"also"} else None


def _mirror(inf: Inference) -> bool:
    return _argdown(inf.metadata).get("mirror") is True


def _is_argument(s: Statement) -> bool:
    """A statement read from an argument without a premise-conclusion structure."""
    return s.title is not None and _argdown(s.metadata).get("argument") is True


def _argdown(metadata: Mapping[str, JsonValue]) -> dict[str, JsonValue]:
    kept = metadata.get(_KEY)
    return dict(kept) if isinstance(kept, dict) else {}


class _Writer:
    def __init__(self, m: ArgumentMap, *, exact: bool = False) -> None:
        self.m = m
        self.exact = exact
        self.in_structure = False
        front = _argdown(m.metadata).get("frontmatter")
        model = front.get("model") if isinstance(front, dict) else None
        self.strict = exact and isinstance(model, dict) and model.get("mode") == "strict"
        statements, inferences = m._checked_elements()
        self.statements = {s.id: s for s in statements}
        self.inferences = {i.id: i for i in inferences}
        # Relation lines: single-premise supports and attacks that the reader rebuilds
        # exactly (its default id, nothing else to keep, not undercut).
        undercut = {i.target for i in inferences if i.relation == "undercut"}
        self.contradictory: dict[str, str] = {}  # inference id -> the other of its pair
        self.mirrored: set[str] = set()  # the pair's inference that is not written
        self.simple: dict[str, list[Inference]] = {}  # target -> relation lines
        self.undercuts: dict[str, list[Inference]] = {}  # inference -> undercut lines
        self.arguments: list[Inference] = []
        self._find_contradictory(inferences)
        # Attacks the text also states as an undercut line (which the reader merged into
        # the attack, there being nothing to undercut): the exact layout writes both.
        self.undercut_lines, self.also_undercut = (
            _undercut_lines(inferences),
            _also_undercut(inferences) if exact else [],
        )
        # Relation lines an undercut aims at: the first of an argument without a structure
        # (the reader aims "<_" under "<A>" at it) -> that argument's statement.
        self.undercut_at = self._undercut_targets(inferences, undercut) if exact else {}
        for inf in inferences:
            if inf.id in self.mirrored:
                continue  # written once, as the other's "><"
            default = f"{inf.premises[0]}-{_VERB[inf.relation]}-{inf.target}"
            plain = (
                inf.relation != "rephrase"  # Argdown has no rephrase relation: an argument
                and len(inf.premises) == 1
                and inf.note is None
                and not inf.tags
                and (inf.id not in undercut or inf.id in self.undercut_at)
                and (inf.id == default and default not in self.statements)
                and (
                    inf.id in self.contradictory
                    or _layout_only(inf.metadata, self.strict)
                    or (inf.id in self.undercut_lines)
                    or inf in self.also_undercut
                )
            )
            if inf.relation == "undercut":
                self._check_undercut(inf, plain)
                self.undercuts.setdefault(inf.target, []).append(inf)
            elif plain or inf.id in self.contradictory:
                self.simple.setdefault(inf.target, []).append(inf)
            else:
                self.arguments.append(inf)
        for lines in self.simple.values():  # the Argdown CLI (1.7.5) drops "- [A]" under
            lines.sort(key=lambda inf: inf.premises[0] != inf.target)  # [A] after another
        self._separate_from_arguments()
        self.kinds = self._structural_kinds()
        self._line_ends(inferences)
        # The statements in the order the text must define them; an argument without a
        # structure (<Title>: text) comes after them (arg_order): the reader puts those in
        # the map in the order of their first mentions (<Title>), after every other one.
        self.order, self.arg_order = (
            [s.id for s in statements if _is_argument(s) is argument] for argument in (False, True)
        )
        self.ordered, self.arg_ordered = set(self.order), set(self.arg_order)
        # Each statement's place in that order; the statements an inference relates.
        self.index, self.related = (
            {id: n for n, id in enumerate(self.order)},
            {id for inf in inferences for id in (*inf.premises, inf.target)},
        )
        self.names = self._names()
        self.argument_titles = self._argument_titles()
        self.titles_in_use = set(self.argument_titles.values())
        self.argument_sections = self._argument_sections()
        self.parent: dict[str, str] = {}  # premise -> the first target it is nested under
        for inf in inferences:
            if inf in self.simple.get(inf.target, ()) and inf.premises[0] not in self.parent:
                self.parent[inf.premises[0]] = inf.target
        sections = _argdown(m.metadata).get("sections")
        self.sections = (
            [h for h in sections if isinstance(h, dict)] if isinstance(sections, list) else []
        )
        self.lines: list[str] = []
        self.defined: set[str] = set()
        self.journal: list[tuple[str, str]] = []  # what _statement did, to undo it
        self.occurrences: dict[str, int] = {}
        self.counting = False

    def _line_ends(self, inferences: list[Inference]) -> None:
        """The relation lines' ids; the targets of each premise's relation lines; the
        statements a structure may not number where its ``uses`` leave a number out
        (the premises of relation lines and undercut lines, which those lines define
        where they are nested)."""
        self.line_ids = {inf.id for lines in self.simple.values() for inf in lines}
        self.line_targets: dict[str, set[str]] = {}
        self.fill_blockers: set[str] = set()
        for inf in inferences:
            if inf.id in self.line_ids:
                self.line_targets.setdefault(inf.premises[0], set()).add(inf.target)
            if inf.id in self.line_ids or inf.relation == "undercut":
                self.fill_blockers.add(inf.premises[0])

    def _undercut_targets(self, inferences: list[Inference], undercut: set[str]) -> dict[str, str]:
        """The inferences the reader aims a ``<_`` under an argument without a structure
        at (of those its statement is a premise of, the one whose target comes first in
        the map, then support, attack, rephrase, one premise before several, then by id),
        where that is a one-premise support or attack that is undercut -> the argument's
        statement."""
        rank = {id: n for n, id in enumerate(self.statements)}
        relation_rank = {"support": 0, "attack": 1, "rephrase": 2}
        first: dict[str, Inference] = {}
        for inf in sorted(
            (i for i in inferences if _undercutable(i)),
            key=lambda i: (rank[i.target], relation_rank[i.relation], len(i.premises), i.id),
        ):
            for p in inf.premises:
                first.setdefault(p, inf)
        found: dict[str, str] = {}
        for p, inf in first.items():
            if (
                inf.id in undercut
                and inf.relation in ("support", "attack")
                and len(inf.premises) == 1
                and _is_argument(self.statements[p])
            ):
                found[inf.id] = p
        return found

    def _separate_from_arguments(self) -> None:
        """A support (attack) line from P to C where P is also a premise of an argument
        that supports (attacks) C would be read as part of that argument (Argdown states
        the same relation twice); such a line is written as an argument of its own."""
        steps = {(inf.relation, p, inf.target) for inf in self.arguments for p in inf.premises}
        for target, lines in self.simple.items():
            for inf in list(lines):
                if (inf.relation, inf.premises[0], target) in steps:
                    lines.remove(inf)
                    self.arguments.append(inf)
        order = {id: n for n, id in enumerate(self.inferences)}
        self.arguments.sort(key=lambda inf: order[inf.id])

    def _structural_kinds(self) -> dict[str, StatementKind]:
        """The kind each statement's place in the text implies, as argmap's reader reads
        it back (an argument is a support, or an attack when its inference line says
        ``{relation: attack}``)."""
        roles: dict[str, set[str]] = {}
        for inf in self.inferences.values():
            for p in inf.premises:
                roles.setdefault(p, set()).add(inf.relation)
        return {id: kind_from_roles(roles.get(id, ())) for id in self.statements}

    def _check_undercut(self, inf: Inference, plain: bool) -> None:
        """Argdown's undercut is a relation line from a statement to an argument: it has
        no place for linked premises, an id of its own, a note or tags."""
        problem = None
        if len(inf.premises) > 1:
            problem = "has linked premises"
        elif self.inferences[inf.target].relation == "undercut":
            problem = f"aims at the undercut {inf.target!r}"
        elif not plain:
            problem = "has an id other than argmap's default, a note, tags or metadata"
        if problem:
            raise ArgmapError(
                f"inference {inf.id!r}: this undercut {problem}, which Argdown cannot hold "
                "(an undercut is a '<_' line from one statement to an argument)",
                ids=[inf.id],
            )

    def _find_contradictory(self, inferences: list[Inference]) -> None:
        by_pair: dict[tuple[str, str], Inference] = {}
        for inf in inferences:
            said = _argdown(inf.metadata).get("relation")
            # In strict mode "-" between statements is a contrary relation, which the
            # reader makes a pair of attacks too (the exact layout writes it back).
            marked = said == "contradictory" or (said == "contrary" and self.strict)
            if inf.relation == "attack" and len(inf.premises) == 1 and marked:
                by_pair[(inf.premises[0], inf.target)] = inf
        also = self._also_marked(inferences)
        for (a, b), inf in by_pair.items():
            other = by_pair.get((b, a))
            partner = also.get((b, a))
            said = _argdown(inf.metadata).get("relation")
            if other is None and partner is not None and not inf.tags:
                if _argdown(partner.metadata)["also"] == [said] and inf.note is None:
                    # "X >< Y" read after the attack line Y -> X (nested under Y, an
                    # argmap inference already, which one half of the pair became): both
                    # lines, "><" from the end the reader read it from
                    self.contradictory[inf.id] = partner.id
                    self.contradictory[partner.id] = inf.id
                    if _mirror(inf):
                        self.reversed_pairs.add(inf.id)
                continue
            if other is None or inf.tags or inf.note is not None or other.tags or other.note:
                continue
            self.contradictory[inf.id] = other.id
            # One line holds both: "X >< Y" nested under the target of the attack the
            # reader marks as the mirror (the one against the text's direction).
            mine, theirs = _mirror(inf), _mirror(other)
            if self.exact:  # the exact layout writes the one read first, at its place
                if mine if mine != theirs else inf.id > other.id:
                    self.mirrored.add(inf.id)
            elif theirs if mine != theirs else other.id < inf.id:
                self.mirrored.add(inf.id)

    def _also_marked(self, inferences: list[Inference]) -> dict[tuple[str, str], Inference]:
        """In the exact layout, the one-premise attacks whose metadata says only that a
        contradictory (or, in strict mode, contrary) relation also states them, by
        (premise, target); and ``reversed_pairs`` emptied."""
        self.reversed_pairs: set[str] = set()  # a mirror written as "><" under its target
        found: dict[tuple[str, str], Inference] = {}
        relations = [["contradictory"], ["contrary"]] if self.strict else [["contradictory"]]
        for inf in inferences if self.exact else ():
            if _also(inf) in relations and not inf.tags and inf.note is None:
                found[(inf.premises[0], inf.target)] = inf
        return found

    # ---------------------------------------------------------------- statements
    def _where(self, s: Statement) -> str:
        return f"statement {s.id!r}"

    def _name(self, s: Statement) -> str:
        return self.names[s.id]

    def _names(self) -> dict[str, str]:
        """The Argdown title of each statement: its own, else its id; unique, since
        Argdown reads statements of one title as one statement: a title already taken
        (by an earlier statement, or an untitled one's id) becomes ``Title (id)``."""
        names: dict[str, str] = {}
        taken: set[str] = set()
        ordered = [s for s in self.statements.values() if s.title is not None]
        ordered += [s for s in self.statements.values() if s.title is None]
        for s in ordered:
            name = _title(s.title, self._where(s)) if s.title is not None else s.id
            candidate, n = name, 1
            while candidate in taken:
                candidate = f"{name} ({s.id})" if n == 1 else f"{name} ({s.id}, {n})"
                n += 1
            taken.add(candidate)
            names[s.id] = candidate
        return names

    def _data(self, s: Statement, titled: bool) -> dict[str, JsonValue]:
        data: dict[str, JsonValue] = {}
        derived = slugify(self._name(s) if titled else unlinked(s.text))
        if derived != s.id:
            data["id"] = s.id
        if s.kind != self.kinds[s.id]:
            data["kind"] = s.kind
        if s.note is not None:
            data["note"] = s.note
        if titled and s.title is None:  # named by its id only to be referred to
            data["untitled"] = True
        kept = _argdown(s.metadata).get("data")
        if isinstance(kept, dict):
            data.update({k: v for k, v in kept.items() if k not in data})
        others = {k: v for k, v in s.metadata.items() if k != _KEY}
        if others:
            data["metadata"] = others
        return data

    def _definition(self, s: Statement, *, line_start: bool, titled: bool) -> str:
        try:
            text = escape(s.text, line_start=line_start and not titled)
        except ArgmapError as err:
            raise ArgmapError(f"{self._where(s)}: its text {err.message}", ids=[s.id]) from None
        if self._angled(s):  # as read: without a description, its text is its title
            name = self._name(s)
            parts = [f"<{name}>" if s.text == name else f"<{name}>: {escape(s.text)}"]
        else:
            parts = [f"[{self._name(s)}]: {text}" if titled else text]
        parts += [_tag(t, self._where(s)) for t in s.tags]
        data = self._data(s, titled)
        if data:
            parts.append(_mapping(data))
        return " ".join(parts)

    def _statement(self, id: str, *, line_start: bool = False) -> str:
        """A definition the first time ``id`` is written, a reference after."""
        s = self.statements[id]
        if self.counting:
            self.occurrences[id] = self.occurrences.get(id, 0) + 1
            self.journal.append(("counted", id))
        if id in self.defined:
            return f"<{self._name(s)}>" if self._angled(s) else f"[{self._name(s)}]"
        self.defined.add(id)
        self.journal.append(("defined", id))
        return self._definition(s, line_start=line_start, titled=self.titled(s))

    def _angled(self, s: Statement) -> bool:
        """Written ``<Title>``, as read: an argument without a structure, in the exact
        layout, outside a premise-conclusion structure (which numbers statements)."""
        return self.exact and not self.in_structure and _is_argument(s)

    def titled(self, s: Statement) -> bool:
        return s.title is not None or self.counting or self.occurrences[s.id] > 1

    # ----------------------------------------------------------------- layout
    # The text is written in the map's order: inference by inference, each statement
    # defined where the text first mentions it, so that the reader meets statements and
    # inferences in the order the map has them. A relation line nests under the line
    # written last (or one above it) that is one of its ends, in either direction
    # ("+ [P]" under its target, "+> [T]" under its premise), else starts a tree; a
    # statement due before the next inference's new ones is defined on a line of its own.

    def _reset(self) -> None:
        self.lines, self.defined = [], set()
        self.journal = []
        self.mentioned: set[str] = set()  # the argument titles written so far
        self.structure_ids: set[str] = set()  # the structures written so far
        self.numbered_ids: set[str] = set()  # the statements numbered so far
        self.stack: list[tuple[str, str]] = []  # the open line at each depth: (kind, key)
        self.stack_infs: list[str | None] = []  # the inference of each one's relation line
        self.written: set[str] = set()  # the inferences the exact layout has written
        self.later: set[str] = set()  # undercuts that did not fit under their step
        self.due = 0  # index into self.order of the next statement to define
        self.arg_due = 0  # index into self.arg_order of the next argument to mention
        self.section: str | None = None  # the heading written last
        self.fit_section: str | None = None  # the section _fits found for a root line
        self.arg_blocked = False  # _fits failed only on the order of the arguments
        self.heading = 0  # index into self.sections of the next heading to write
        self.line_of: dict[str, int] = {}  # inference -> the index of its relation line

    def _next_due(self) -> str | None:
        while self.due < len(self.order) and self.order[self.due] in self.defined:
            self.due += 1
        return self.order[self.due] if self.due < len(self.order) else None

    def _next_arg_due(self) -> str | None:
        order = self.arg_order
        while self.arg_due < len(order) and order[self.arg_due] in self.defined:
            self.arg_due += 1
        return order[self.arg_due] if self.arg_due < len(order) else None

    def _nothing_due(self) -> bool:
        return self._next_due() is None and (not self.exact or self._next_arg_due() is None)

    def _fits(self, mentioned: list[tuple[str, str]], *, root: bool = False) -> bool:
        """True when the statements ``mentioned`` (in text order) define no statement
        out of the map's order, nor under another heading than the reader noted (a
        ``root`` line may start a new section)."""
        new = [key for kind, key in dict.fromkeys(mentioned) if kind == "s"]
        new = [id for id in new if id not in self.defined]
        sections = [self._section_of(id) for id in new]
        if self.exact:  # an argument's first mention is under the heading noted for it
            sections += [
                self.argument_sections[key]
                for kind, key in dict.fromkeys(mentioned)
                if kind == "a" and key not in self.mentioned and key in self.argument_sections
            ]
        here = sections[0] if root and sections else self.section
        self.arg_blocked = False
        if any(sec != here for sec in sections):
            return False
        self.fit_section = here
        args_fit = True
        if self.exact:
            args = [id for id in new if id in self.arg_ordered]
            self._next_arg_due()
            args_fit = args == self.arg_order[self.arg_due : self.arg_due + len(args)]
        new = [id for id in new if id in self.ordered]
        self._next_due()
        at = self.due
        for id in new:
            while at < len(self.order) and self.order[at] in self.defined:
                at += 1
            if at >= len(self.order) or self.order[at] != id:
                return False
            at += 1
        # Only an argument without a structure is out of order: _define_next defines
        # the argument due, not the statements (which may belong under a later heading).
        self.arg_blocked = not args_fit
        return args_fit

    def _node(self, node: tuple[str, str], *, line_start: bool) -> str:
        kind, key = node
        if kind == "a":
            self._mention(key)
            return f"<{key}>"
        return self._statement(key, line_start=line_start)

    def _mention(self, title: str) -> None:
        if title not in self.mentioned:
            self.mentioned.add(title)
            self.journal.append(("mentioned", title))

    def _section_of(self, id: str) -> str | None:
        section = _argdown(self.statements[id].metadata).get("section")
        return section if isinstance(section, str) else None

    def _goto(self, section: str | None) -> None:
        """Write the headings up to ``section`` (the next one of that title)."""
        if section == self.section:
            return
        titles = [h.get("title") for h in self.sections[self.heading :]]
        if section not in titles:
            return
        upto = self.heading + titles.index(section) + 1
        for heading in self.sections[self.heading : upto]:
            self._flush_section()
            self._heading(heading)
            self.heading += 1
            title = heading.get("title")
            self.section = title if isinstance(title, str) else None

    def _flush_section(self) -> None:
        """Define the statements still due under the heading written last."""
        due = self._next_due()
        while due is not None and self._section_of(due) == self.section:
            self._root(("s", due), self.section)
            due = self._next_due()
        due = self._next_arg_due() if self.exact else None
        while due is not None and self._section_of(due) == self.section:
            self._root(("s", due), self.section)
            due = self._next_arg_due()
        for title, section in self.argument_sections.items() if self.exact else ():
            if section == self.section and title not in self.mentioned | self.untitled_args:
                self._root(("a", title), self.section)  # first mentioned here

    def _heading(self, heading: dict[str, JsonValue]) -> None:
        level = heading.get("level")
        line = "#" * (level if isinstance(level, int) else 1) + f" {heading.get('title')}"
        data = heading.get("data")
        if isinstance(data, dict):
            line += " " + _mapping(data)
        if self.lines:
            self.lines.append("")
        self.lines.append(line)

    def _root(self, node: tuple[str, str], section: str | None = None) -> None:
        self._goto(section)
        if self.lines:
            self.lines.append("")
        self.lines.append(self._node(node, line_start=True))
        self._open(node)

    def _open(self, node: tuple[str, str]) -> None:
        """Start the stack of open lines at ``node``, a line of no relation."""
        self.stack = [node]
        self.stack_infs = [None]

    def _child(self, level: int, mark: str, node: tuple[str, str], inf: str) -> None:
        """Write the relation line of the inference ``inf`` under the open line at
        depth ``level``."""
        del self.stack[level + 1 :]
        del self.stack_infs[level + 1 :]
        self.line_of[inf] = len(self.lines)
        self.lines.append(f"{_INDENT * (level + 1)}{mark} {self._node(node, line_start=False)}")
        self.stack.append(node)
        self.stack_infs.append(inf)

    def _define_next(self, *, arg_first: bool = False) -> None:
        """Define the next statement in map order on a line of its own (else the next
        argument without a structure; that argument first if ``arg_first``)."""
        due = self._next_arg_due() if arg_first else None
        if due is None:
            due = self._next_due()
        if due is None:
            due = self._next_arg_due()
        assert due is not None  # a unit with a new statement waits for it
        self._root(("s", due), self._section_of(due))

    def _ends(self, inf: Inference) -> tuple[tuple[str, str], tuple[str, str]]:
        """The nodes a relation line joins: an argument where the reader noted one."""
        kept = _argdown(inf.metadata)
        titles = self.titles_in_use
        start = kept.get("from_argument")
        end = kept.get("to_argument")
        p: tuple[str, str] = ("s", inf.premises[0])
        t: tuple[str, str] = ("s", inf.target)
        if isinstance(start, str) and start in titles:
            p = ("a", start)
        if isinstance(end, str) and end in titles:
            t = ("a", end)
        return p, t

    def _marks(self, inf: Inference, t: tuple[str, str]) -> tuple[str | None, str | None]:
        """The symbols of ``inf``'s relation line under its target and under its premise
        (None where it cannot be written that way)."""
        said = _argdown(inf.metadata).get("relation")
        if inf.id in self.contradictory and said == "contradictory":
            return ("><", None) if inf.id in self.reversed_pairs else (None, "><")
        if inf.id in self.undercut_lines:  # "_>" reaches only an argument
            to_argument = t[0] == "a" or self._angled(self.statements[t[1]])
            return "<_", "_>" if to_argument else None
        return _MARK[inf.relation], _MARK[inf.relation] + ">"

    def _nest(self, inf: Inference) -> bool:
        """Write ``inf`` as a relation line under an open line that is one of its ends
        (the last written first), if the map's order allows; True if written."""
        p, t = self._ends(inf)
        inward, outward = self._marks(inf, t)
        if p == t:  # the Argdown CLI (1.7.5) drops "- [A]" under [A] after another line
            return False
        found: list[tuple[int, str, tuple[str, str]]] = []
        for level in range(len(self.stack) - 1, -1, -1):
            if self._restates_an_enclosing_line(inf, level):
                continue
            node = self.stack[level]
            if inward and node == t and self._fits([p]):
                found.append((level, inward, p))
            if outward and node == p and self._fits([t]):
                found.append((level, outward, t))
        if not found:
            return False
        # The deepest place, unless it refers again to an untitled statement (which
        # would then need a title) and another place does not.
        fresh = [f for f in found if not self._needs_title(f[2])]
        level, mark, node = (fresh or found)[0]
        self._child(level, mark, node, inf.id)
        return True

    def _restates_an_enclosing_line(self, inf: Inference, level: int) -> bool:
        """True when ``inf``'s line, nested under the open line at depth ``level``,
        would state again the inference of one of the relation lines it is nested in:
        the reader relates a line's children before the line itself, so the nested line
        would come first and give that inference its relation (seed 375 of
        tests/argdown_gen.py: ``- <A>`` as a contrary under ``- [S]``, an attack)."""
        pairs = {(inf.premises[0], inf.target)}
        if _argdown(inf.metadata).get("relation") in ("contradictory", "contrary"):
            pairs.add((inf.target, inf.premises[0]))  # the reader adds the mirror
        for enclosing in self.stack_infs[1 : level + 1]:
            if enclosing is not None:
                other = self.inferences[enclosing]
                if other.relation == inf.relation and (other.premises[0], other.target) in pairs:
                    return True
        return False

    def _needs_title(self, node: tuple[str, str]) -> bool:
        kind, key = node
        return kind == "s" and key in self.defined and self.statements[key].title is None

    def _structure_first(self, at: int) -> bool:
        """Relation lines the map has right before a structure, nested under the
        statements it numbers, as the reader gives them (their lines come before its
        inference line): write the structure with them, if they all fit; True if so."""
        end = self.next_unit[at]
        if end == len(self.sequence) or self.sequence[end].relation == "undercut":
            return False
        if self.sequence[end].id in self.written:
            return False
        # Only where the first line bears on a statement the structure starts with (a
        # quick test: an attempt that fails is written and undone).
        first = self.sequence[at]
        if not {first.premises[0], first.target} & set(self.sequence[end].premises):
            return False
        pending = [inf for inf in self.sequence[at:end] if inf.id not in self.written]
        saved = self._snapshot()
        if self._structure(self.sequence[end], pending) and not pending:
            self._mark("written", (inf.id for inf in self.sequence[at:end]))
            return True
        self._restore(saved)
        return False

    def _snapshot(self) -> tuple[Any, ...]:
        """What :meth:`_restore` needs to undo the lines written after this."""
        return (
            len(self.lines),
            len(self.journal),
            self.due,
            list(self.stack),
            self.arg_due,
            self.section,
            self.heading,
            list(self.stack_infs),
        )

    def _mark(self, what: Literal["written", "later"], ids: Iterable[str]) -> None:
        """Add ``ids`` to ``self.written`` (or ``self.later``), in the journal (undone
        by :meth:`_restore`)."""
        found = self.written if what == "written" else self.later
        for id in ids:
            if id not in found:
                found.add(id)
                self.journal.append((what, id))

    def _restore(self, saved: tuple[Any, ...]) -> None:
        lines, journal, self.due, self.stack, self.arg_due = saved[:5]
        self.section, self.heading, self.stack_infs = saved[5:]
        del self.lines[lines:]
        for what, id in reversed(self.journal[journal:]):
            if what == "defined":
                self.defined.discard(id)
            elif what == "mentioned":
                self.mentioned.discard(id)
            elif what == "written":
                self.written.discard(id)
            elif what == "later":
                self.later.discard(id)
            elif what == "numbered":
                self.numbered_ids.discard(id)
            else:
                self.occurrences[id] -= 1
        del self.journal[journal:]

    def _relation(self, inf: Inference) -> None:
        p, t = self._ends(inf)
        inward, outward = self._marks(inf, t)  # under the target, under the premise
        while True:
            if self._nest(inf):
                return
            if inward and self._fits([t, p], root=True):
                self._root(t, self.fit_section)
                self._child(0, inward, p, inf.id)
                return
            if outward and self._fits([p, t], root=True):
                self._root(p, self.fit_section)
                self._child(0, outward, t, inf.id)
                return
            if self._nothing_due():  # its ends defined under two other headings
                root, mark, child = (t, inward, p) if inward else (p, outward, t)
                self._root(root, self.section)
                self._child(0, str(mark), child, inf.id)
                return
            self._define_next(arg_first=self.arg_blocked)

    def _undercut(self, inf: Inference) -> None:
        title = self.argument_titles.get(inf.target)
        at = self.undercut_at.get(inf.target)
        if title is None and at is None:
            raise ArgmapError(
                f"inference {inf.id!r}: Argdown cannot hold an undercut of the "
                f"contradiction {inf.target!r}",
                ids=[inf.id],
            )
        a = ("s", at) if at is not None else ("a", str(title))
        x = self._ends(inf)[0]
        while True:
            for level in range(len(self.stack) - 1, -1, -1):
                if self.stack[level] == a and self._fits([x]):
                    self._child(level, "<_", x, inf.id)
                    return
            for level in range(len(self.stack) - 1, -1, -1):  # "_> <A>" under its premise
                if self.stack[level] == x and self._fits([a]):
                    self._child(level, "_>", a, inf.id)
                    return
            if self._fits([x], root=True):
                self._root(a, self.fit_section)
                self._child(0, "<_", x, inf.id)
                return
            self._define_next(arg_first=self.arg_blocked)

    def _member_texts(self) -> None:
        """The further texts of a statement or an argument (an equivalence class with
        several members), each on a line of its own after everything else."""
        extra: list[str] = []
        for s in self.statements.values():
            texts = _argdown(s.metadata).get("texts")
            if isinstance(texts, list) and (s.title is not None or self.counting):
                name = self._name(s)
                for text in texts:
                    if isinstance(text, str):
                        body = escape(text)
                        extra.append(
                            f"<{name}>: {body}" if _is_argument(s) else f"[{name}]: {body}"
                        )
        for inf in self.arguments:
            texts = _argdown(inf.metadata).get("texts")
            if isinstance(texts, list):
                title = self.argument_titles[inf.id]
                extra += [f"<{title}>: {escape(t)}" for t in texts if isinstance(t, str)]
        for inf in self.arguments:  # "<A> +> [its own conclusion]", as it was read
            if self.exact and _argdown(inf.metadata).get("relation_to_conclusion") is True:
                own = self.argument_titles.get(inf.id)
                if own is not None and inf.target in self.defined:
                    target = self._statement(inf.target)
                    extra.append(f"<{own}>\n{_INDENT}+> {target}")
        for id in sorted(self.mirrored) if self.exact else ():  # "- [Y]" besides "X >< Y"
            inf = self.inferences[id]
            also = _argdown(inf.metadata).get("also")
            p, t = self._ends(inf)
            mark = None
            if also == ["attack"] and (not self.strict or "a" in (p[0], t[0])):
                mark = "-"  # (in strict mode "-" between statements is a contrary)
            elif also == ["contradictory"] and p[0] == t[0] == "s":
                mark = "><"  # a contrary pair (strict mode) also stated as contradictory
            if mark is not None:
                line = self._node(t, line_start=True)
                extra.append(f"{line}\n{_INDENT}{mark} {self._node(p, line_start=False)}")
        for inf in self.also_undercut:  # the undercut line the attack also was
            if inf.target in self.defined and inf.premises[0] in self.defined:
                p, t = self._ends(inf)
                line = self._node(t, line_start=True)
                extra.append(f"{line}\n{_INDENT}<_ {self._node(p, line_start=False)}")
        for line in extra:  # a line right below another would continue its text
            if self.lines:
                self.lines.append("")
            self.lines.append(line)

    def _chain(self, inf: Inference) -> tuple[_Chain, list[list[Inference]]]:
        """The steps of the structure ``inf`` starts, each with the undercuts right
        after it in map order (written under its inference line): one step, or all the
        steps of a multi-step argument the reader noted (``step`` 1, 2, ... then the
        last), where the map has them one after the other; and, between each step and
        the next, the relation lines the map has there (nested under the statements
        the structure numbers)."""
        chain = [(inf, self._undercuts_after(inf))]
        between: list[list[Inference]] = []
        kept = _argdown(inf.metadata)
        if kept.get("step") != 1:
            return chain, between
        while True:
            last, undercuts = chain[-1]
            at = self.position[(undercuts or [last])[-1].id] + 1
            lines: list[Inference] = []
            while at < len(self.sequence) and self.sequence[at].id in self.line_ids:
                lines.append(self.sequence[at])
                at += 1
            if at >= len(self.sequence):
                return chain[:1], []
            nxt = self.sequence[at]
            other = _argdown(nxt.metadata)
            if nxt.relation == "undercut" or other.get("argument") != kept.get("argument"):
                return chain[:1], []
            chain.append((nxt, self._undercuts_after(nxt)))
            between.append(lines)
            if "step" not in other:
                return chain, between
            if other.get("step") != len(chain):
                return chain[:1], []

    def _undercuts_after(self, inf: Inference) -> list[Inference]:
        """The undercuts of ``inf`` right after it in map order, while they were read
        under the heading of its conclusion (else written later, under its title)."""
        found = []
        at = self.position[inf.id] + 1
        home = self._section_of(inf.target)
        while at < len(self.sequence):
            u = self.sequence[at]
            if u.relation != "undercut" or u.target != inf.id:
                break
            kind, key = self._ends(u)[0]
            if kind == "s" and key not in self.defined and self._section_of(key) != home:
                break
            if kind == "a" and key not in self.mentioned and self.argument_sections[key] != home:
                break
            found.append(u)
            at += 1
        return found

    def _structure(self, inf: Inference, pending: list[Inference] | None = None) -> bool:
        """Write the structure ``inf`` starts (with the relation lines ``pending``
        nested under its statements, taken from the list as written); False if
        ``pending`` does not fit the map's order (the caller undoes what was written).
        A multi-step structure with relation lines between its steps that do not fit is
        written one step at a time."""
        chain, between = self._chain(inf)
        if any(between):
            saved = self._snapshot()
            if self._write_structure(chain, between, pending):
                return True
            self._restore(saved)
            chain, between = chain[:1], []
        return self._write_structure(chain, between, pending)

    def _write_structure(
        self, chain: _Chain, between: list[list[Inference]], pending: list[Inference] | None
    ) -> bool:
        final = chain[-1][0]
        untitled = self._untitled(final, chain)
        title = self.argument_titles.get(final.id, final.id)
        head: list[tuple[str, str]] = [] if untitled else [("a", title)]
        mentioned: list[tuple[str, str]] = []
        for (step, undercuts), numbered in zip(chain, self._numbering(chain), strict=True):
            mentioned += [("s", p) for p in numbered]
            mentioned += [self._ends(u)[0] for u in undercuts]
            mentioned.append(("s", step.target))
        # With relation lines, only the first new statement is known to come first: each
        # other one is checked where it is written (_numbered).
        first = mentioned
        if pending is not None or any(between):
            new = [n for n, (_, key) in enumerate(mentioned) if key not in self.defined]
            first = mentioned[: new[0] + 1] if new else mentioned
        while not self._fits(head + first, root=True):
            if self._nothing_due():  # under two headings: written here all the same
                self.fit_section = self.section
                break
            self._define_next(arg_first=self.arg_blocked)
        self._goto(self.fit_section)
        if untitled and self._after_argument():
            self._separate()
        if self.lines:
            self.lines.append("")
        if not untitled:
            self._head(final, title)
            self.lines.append("")
        if not self._numbered(chain, pending, between):
            return False
        for step, undercuts in chain:
            self._mark("written", [step.id, *(u.id for u in undercuts if u.id not in self.later)])
        self._mark("written", (line.id for lines in between for line in lines))
        self.structure_ids.add(final.id)
        self._open(("s", final.target))  # relation lines may nest under the conclusion
        return True

    def _after_argument(self) -> bool:
        """True when the block written last starts with an argument (``<A>``): Argdown
        reads a premise-conclusion structure right after it as that argument's."""
        first = ""
        for line in reversed(self.lines):
            if line == "":
                break
            first = line
        return first.startswith("<")

    def _separate(self) -> None:
        """A block that means nothing new: a reference to a statement defined already
        (else nothing can be done)."""
        defined = next((id for id in self.order if id in self.defined), None)
        if defined is not None:
            self.lines += ["", self._statement(defined)]

    def _untitled(self, final: Inference, chain: list[tuple[Inference, list[Inference]]]) -> bool:
        """True for a structure read without a title, which the text can give back
        without one: nothing to say in a title line, and its id the one the reader
        derives from its conclusion."""
        kept = _argdown(final.metadata)
        if "argument" not in kept or kept["argument"] is not None:
            return False
        if final.tags or kept.get("description") is not None:
            return False
        if self._argument_data(final, None):
            return False
        inline = {u.id for _, undercuts in chain for u in undercuts}
        if any(u.id not in inline for u in self.undercuts.get(final.id, ())):
            return False  # an undercut written later names the argument
        s = self.statements[final.target]
        name = self._name(s) if s.title is not None or self.counting else unlinked(s.text)
        # The reader gives statements their ids first, then arguments in text order,
        # each the slug of its title (here: its conclusion's) or, when taken, slug-2...
        base = slugify(name)[:190]
        derived, n = base, 2
        while derived in self.statements or derived in self.structure_ids:
            derived, n = f"{base}-{n}", n + 1
        return derived == final.id

    # -------------------------------------------------------- the readable layout
    def _tree(self, root: str, depth: int = 0) -> None:
        """``root`` and, nested, every relation line aimed at it, depth first."""
        stack: list[tuple[str, int, str | None]] = [(root, depth, None)]
        while stack:
            id, level, mark = stack.pop()
            first = id not in self.defined
            line = self._statement(id, line_start=mark is None and level == 0)
            self.lines.append(f"{_INDENT * level}{mark + ' ' if mark else ''}{line}")
            if not first:
                continue
            children = []
            for inf in self.simple.get(id, ()):
                how = "contradictory" if inf.id in self.contradictory else inf.relation
                how = "undercut" if inf.id in self.undercut_lines else how
                children.append((inf.premises[0], level + 1, _MARK[how]))
            stack.extend(reversed(children))

    def _layout_readable(self) -> None:
        # Trees first: each statement that nests under no other, in map order; then
        # what no tree reached (relation lines in a cycle), so that every statement
        # with relation lines is defined in a tree, where its lines are written.
        roots = [id for id in self.statements if id not in self.parent]
        for id in [*roots, *self.statements]:
            if id not in self.defined and not self._in_argument_only(id):
                if self.lines:
                    self.lines.append("")
                self._tree(id)
        for inf in self.arguments:
            if self.lines:
                self.lines.append("")
            self._argument(inf)

    def _in_argument_only(self, id: str) -> bool:
        """A statement with no relation lines, used by arguments: defined in the
        argument's premise-conclusion structure (or under its undercut line)."""
        if self.simple.get(id) or id in self.parent:
            return False
        in_args = any(id in (*inf.premises, inf.target) for inf in self.arguments)
        undercutting = any(u.premises[0] == id for us in self.undercuts.values() for u in us)
        return in_args or undercutting

    def _argument_title(self, inf: Inference) -> str:
        return self.argument_titles[inf.id]

    def _argument_titles(self) -> dict[str, str]:
        """An argument's title: the one it was read with (``metadata["argdown"]``),
        unless an earlier argument has it, else the inference id; a title starting with
        ``_`` gets ``Argument`` before it (``<_`` starts an undercut in Argdown, and its
        lexer takes no escape in an argument title)."""
        titles: dict[str, str] = {}
        taken: set[str] = set()
        for inf in self.arguments:
            if self.exact and isinstance(_argdown(inf.metadata).get("step"), int):
                continue  # a step of a structure the last step's title heads
            kept = _argdown(inf.metadata).get("argument")
            title = kept if isinstance(kept, str) and kept not in taken else inf.id
            if title.startswith("_"):  # Argdown reads "<_" as an undercut, escaped or not
                base = title = f"Argument {title}"
                n = 2
                while title in taken:
                    title, n = f"{base} ({n})", n + 1
            taken.add(title)
            titles[inf.id] = title
        return titles

    def _argument_sections(self) -> dict[str, str | None]:
        """The heading each structure's argument was read under (where its title first
        occurs in the text), by title."""
        found: dict[str, str | None] = {}
        self.untitled_args: set[str] = set()  # the titles of structures read without one
        for inf in self.arguments:
            if inf.id in self.argument_titles:
                if _argdown(inf.metadata).get("argument", "") is None:
                    self.untitled_args.add(self.argument_titles[inf.id])
                section = _argdown(inf.metadata).get("section")
                found[self.argument_titles[inf.id]] = section if isinstance(section, str) else None
        return found

    def _argument(self, inf: Inference) -> None:
        """A premise-conclusion structure of one step, its undercuts under its title."""
        self._head(inf, self._argument_title(inf))
        for u in self.undercuts.get(inf.id, ()):
            self.lines.append(f"{_INDENT}<_ {self._node(self._ends(u)[0], line_start=False)}")
        self.lines.append("")
        self._numbered([(inf, [])])

    def _head(self, inf: Inference, title: str) -> None:
        where = f"inference {inf.id!r}"
        title = _title(title, where)
        self._mention(title)
        kept = _argdown(inf.metadata)
        head = f"<{title}>"
        description = kept.get("description")
        if isinstance(description, str):
            head += ": " + escape(description)
        parts = [head, *(_tag(t, where) for t in inf.tags)]
        data = self._argument_data(inf, title)
        if data:
            parts.append(_mapping(data))
        self.lines.append(" ".join(parts))

    def _argument_data(self, inf: Inference, title: str | None) -> dict[str, JsonValue]:
        kept = _argdown(inf.metadata)
        data: dict[str, JsonValue] = {}
        if title is not None and slugify(title) != inf.id:
            data["id"] = inf.id
        if inf.note is not None:
            data["note"] = inf.note
        arg_data = kept.get("data")
        if isinstance(arg_data, dict):
            data.update({k: v for k, v in arg_data.items() if k not in data})
        others = {k: v for k, v in inf.metadata.items() if k != _KEY}
        if others:
            data["metadata"] = others
        return data

    def _numbered(
        self,
        steps: _Chain,
        pending: list[Inference] | None = None,
        between: list[list[Inference]] | None = None,
    ) -> bool:
        """The numbered statements and inference lines of ``steps`` (each with the
        undercuts written under its inference line): a step's premises not numbered
        yet, its inference line, its conclusion. With ``pending`` (relation lines before
        the first inference line) or ``between`` (those before each next one), each
        numbered statement is checked against the map's order and gets the relation
        lines that nest under it; False where one does not fit."""
        between = between or []
        checking = pending is not None or any(between)
        if pending is None:
            pending = []
        n = 0
        for index, ((inf, undercuts), new) in enumerate(
            zip(steps, self._numbering(steps), strict=True)
        ):
            for p in new:
                n = self._renumber(inf, n, pending)
                if checking and not self._fits([("s", p)]):
                    return False
                n += 1
                self._numbered_line(n, p)
                if checking:
                    self._nest_pending(p, pending)
            n = self._renumber(inf, n, pending)
            if pending:
                return False
            self.in_structure = True
            self.lines.append(self._inference_line(inf))
            self.in_structure = False
            for u in undercuts:
                undercutter = self._ends(u)[0]
                if checking and not self._fits([undercutter]):
                    self._mark("later", [u.id])  # written under the argument's title, in turn
                    continue
                self.lines.append(f"{_INDENT}<_ {self._node(undercutter, line_start=False)}")
            if checking and not self._fits([("s", inf.target)]):
                return False
            n += 1
            self._numbered_line(n, inf.target)
            if index < len(between):
                pending.extend(between[index])
                self._nest_pending(inf.target, pending)
        return True

    def _renumber(self, inf: Inference, n: int, pending: list[Inference]) -> int:
        """Where a step names its premises (``uses``), a relation line still pending
        whose target the text has defined already nests under that statement numbered
        again (as the text had it: a line no step uses); returns the last number."""
        kept = _argdown(inf.metadata)
        data = kept.get("inference_data")
        if not isinstance(data, dict) or "uses" not in data:
            return n
        if self.exact and "numbered" in kept:  # the reader noted them: _noted_lines
            return n
        while pending and pending[0].target in self.defined:
            n += 1
            self._numbered_line(n, pending[0].target)
            left = len(pending)
            self._nest_pending(pending[0].target, pending)
            if len(pending) == left:
                break
        return n

    def _numbered_line(self, n: int, id: str) -> None:
        if id not in self.numbered_ids:
            self.numbered_ids.add(id)
            self.journal.append(("numbered", id))
        self.in_structure = True
        self.lines.append(f"({n}) {self._statement(id)}")
        self.in_structure = False

    def _nest_pending(self, id: str, pending: list[Inference]) -> None:
        """Nest the relation lines ``pending`` under the numbered statement ``id`` while
        they fit, in order, taking them from the list."""
        self._open(("s", id))
        while pending and self._nest(pending[0]):
            del pending[0]

    def _numbering(self, steps: list[tuple[Inference, list[Inference]]]) -> list[list[str]]:
        """Per step, the statements numbered before its inference line, in order: its
        premises other than the conclusion above it (numbered again where an earlier
        step numbered them: a step's premises are the lines since the last inference
        line) and, in the exact layout where its ``uses`` leave numbers out, the
        statements the map has there (numbered lines that no step uses, which the
        reader makes statements of their own)."""
        plan: list[list[str]] = []
        numbered: list[str] = []  # in the order of their numbers
        for inf, _ in steps:
            unnumbered = [p for p in inf.premises if p not in numbered]
            filled = self._unused_lines(inf, numbered, unnumbered) if self.exact else None
            noted = self._noted_lines(inf, numbered) if self.exact else None
            filled = filled if noted is None else noted
            above = numbered[-1] if numbered else None
            new = [p for p in inf.premises if p != above] if filled is None else filled
            numbered += new
            numbered.append(inf.target)
            plan.append(new)
        return plan

    def _noted_lines(self, inf: Inference, numbered: list[str]) -> list[str] | None:
        """The statements the reader noted as numbered before ``inf``'s inference line
        (``numbered``: where ``uses`` leaves out one mentioned before, which
        :meth:`_unused_lines` cannot place), if its ``uses`` still name its premises."""
        kept = _argdown(inf.metadata)
        noted, data = kept.get("numbered"), kept.get("inference_data")
        uses = data.get("uses") if isinstance(data, dict) else None
        uses = [uses] if isinstance(uses, int) else uses
        if not isinstance(noted, list) or not isinstance(uses, list):
            return None
        lines = [id for id in noted if isinstance(id, str) and id in self.statements]
        if len(lines) != len(noted) or len(uses) != len(inf.premises):
            return None
        plan = numbered + lines
        for p, u in zip(inf.premises, uses, strict=True):
            if not isinstance(u, int) or isinstance(u, bool) or not 0 < u <= len(plan):
                return None
            if plan[u - 1] != p:
                return None
        return lines

    def _unused_lines(
        self, inf: Inference, numbered: list[str], new: list[str]
    ) -> list[str] | None:
        """``new`` with the unused numbered statements put in where ``inf``'s ``uses``
        says; None if there is nothing to fill or the map does not have them in order."""
        data = _argdown(inf.metadata).get("inference_data")
        uses = data.get("uses") if isinstance(data, dict) else None
        uses = [uses] if isinstance(uses, int) else uses
        if not isinstance(uses, list) or len(uses) != len(inf.premises):
            return None
        numbers = [u for u in uses if isinstance(u, int) and not isinstance(u, bool)]
        if len(numbers) != len(uses):
            return None
        want = dict(zip(inf.premises, numbers, strict=True))
        if any(numbered.index(p) + 1 != want[p] for p in inf.premises if p in numbered):
            return None
        out: list[str] = []
        for p in sorted(new, key=want.__getitem__):
            gap = want[p] - 1 - len(numbered) - len(out)
            at = self.index.get(p)
            if gap < 0 or (gap and at is None) or (at is not None and at < gap):
                return None
            fill = self.order[at - gap : at] if gap and at is not None else []
            if not all(self._unused(f, numbered, out) for f in fill):
                return None
            out += [*fill, p]
        last = out[-1] if out else (numbered[-1] if numbered else None)
        at = self.index.get(last) if last is not None else None
        end = self.index.get(inf.target)
        if at is not None and end is not None:
            for f in self.order[at + 1 : end]:
                if self._nested_above(f, numbered, out):
                    continue  # defined by its relation line, nested above
                if f in self.numbered_ids:
                    continue  # defined by the structure that numbered it
                if f in self.fill_blockers and f in self.defined:
                    continue  # defined by its relation line, written earlier
                if not self._unused(f, numbered, out):
                    break
                out.append(f)
        return out

    def _unused(self, id: str, numbered: list[str], out: list[str]) -> bool:
        """True for a statement a structure may number where its ``uses`` leave a
        number out: not numbered yet, and not the premise of a relation line nested
        under a statement numbered before it (that line defines it), nor numbered by
        an earlier structure (the reader notes such a line: _noted_lines)."""
        return (
            id not in numbered
            and id not in out
            and id not in self.fill_blockers
            and id not in self.numbered_ids
        )

    def _nested_above(self, id: str, numbered: list[str], out: list[str]) -> bool:
        above = {*numbered, *out}
        return any(t in above for t in self.line_targets.get(id, ()))

    def _inference_line(self, inf: Inference) -> str:
        kept = _argdown(inf.metadata)
        rule_data: dict[str, JsonValue] = {}
        if inf.relation != "support":
            rule_data["relation"] = inf.relation
        inference_data = kept.get("inference_data")
        if isinstance(inference_data, dict):
            rule_data.update(inference_data)
        rules = kept.get("rules")
        rule_text = (
            ", ".join(escape(r) for r in rules if isinstance(r, str))
            if isinstance(rules, list)
            else ""
        )
        if rule_text or rule_data:
            inner = " ".join(x for x in (rule_text, _mapping(rule_data) if rule_data else "") if x)
            return f"-- {inner} --"
        return "----"

    def _layout(self) -> None:
        if not self.exact:
            self._reset()
            self._layout_readable()
            return
        self._reset()
        self.sequence = [inf for inf in self.inferences.values() if inf.id not in self.mirrored]
        self.position = {inf.id: n for n, inf in enumerate(self.sequence)}
        # The index of the first inference at or after each one that is not a line.
        self.next_unit = [len(self.sequence)] * (len(self.sequence) + 1)
        for n in range(len(self.sequence) - 1, -1, -1):
            is_line = self.sequence[n].id in self.line_ids
            self.next_unit[n] = self.next_unit[n + 1] if is_line else n
        for at, inf in enumerate(self.sequence):  # a mirrored one: with its pair, "><"
            if inf.id not in self.written and not self._contradiction_first(at):
                self._unit(at)
        while self._next_due() is not None:
            self._define_next()
        for id in self.statements:  # an argument without a structure, not related
            if id not in self.defined:
                self._root(("s", id), self._section_of(id))
        self._member_texts()
        for heading in self.sections[self.heading :]:
            self._heading(heading)
            self.heading += 1

    def _unit(self, at: int) -> None:
        """Write the inference at ``at`` in map order (with what goes with it)."""
        inf = self.sequence[at]
        if inf.relation == "undercut":
            self._undercut(inf)
        elif inf.id in self.line_ids:
            if not self._structure_first(at):
                self._relation(inf)
        else:
            self._structure(inf)

    def _contradiction_first(self, at: int) -> bool:
        """A ``><`` line (at ``at``) whose other half the map has later, as an attack
        line: the reader relates a line's children before the line itself, so that
        line was nested under the ``><`` line, with the lines the map has between them
        (seeds 859265986 and 353336766 of a random search). Write them so, defining
        the arguments, then the statements, due before them on lines of their own
        where the map's order needs that; True if written (else nothing is)."""
        inf = self.sequence[at]
        partner = self.contradictory.get(inf.id)
        if partner is None or _argdown(inf.metadata).get("relation") != "contradictory":
            return False
        end = self.position.get(partner)
        if end is None or end < at:
            return False
        saved = self._snapshot()
        while True:
            attempt = self._snapshot()
            self.line_of.pop(inf.id, None)
            self.line_of.pop(partner, None)
            for k in range(at, end + 1):
                if self.sequence[k].id not in self.written:
                    self._unit(k)
            if self._nested_under(inf.id, partner):
                self._mark("written", (i.id for i in self.sequence[at : end + 1]))
                return True
            self._restore(attempt)
            if self._next_due() is None and self._next_arg_due() is None:
                self._restore(saved)
                return False
            self._define_next(arg_first=True)

    def _nested_under(self, outer: str, inner: str) -> bool:
        """True when the relation line of ``inner`` is nested under that of ``outer``."""
        first, last = self.line_of.get(outer), self.line_of.get(inner)
        if first is None or last is None or last <= first:
            return False
        depth = len(self.lines[first]) - len(self.lines[first].lstrip(" "))
        return all(
            len(line) - len(line.lstrip(" ")) > depth for line in self.lines[first + 1 : last + 1]
        )

    def write(self) -> str:
        # A first pass with every statement titled counts where each one occurs; the
        # text is then written with a title on those that occur more than once.
        self.counting = True
        self._layout()
        self.counting = False
        self._layout()
        self._warn_of_losses()
        head = self._front_matter()
        return head + "\n".join(self.lines) + "\n" if self.lines else head

    def _warn_of_losses(self) -> None:
        """Argdown has no place for sources and quotes: say which are left out."""
        lost = []
        sources = [s.id for s in self.m.sources]
        if sources:
            lost.append(f"the sources {', '.join(map(repr, sources))}")
        quoting = [s.id for s in self.statements.values() if s.quotes]
        if quoting:
            lost.append(f"the quotes of the statements {', '.join(map(repr, quoting))}")
        if lost:
            warnings.warn(
                f"Argdown has no place for {' and '.join(lost)}; they are left out",
                FormatLossWarning,
                stacklevel=4,
            )

    def _front_matter(self) -> str:
        data: dict[str, Any] = {}
        kept = _argdown(self.m.metadata).get("frontmatter")
        kept = kept if isinstance(kept, dict) else {}
        first = self.sections[0].get("title") if self.sections else None
        from_heading = self.exact and self.m.title == first and "title" not in kept
        if self.m.title is not None and not from_heading:
            data["title"] = self.m.title
        if self.m.description is not None:
            data["subTitle"] = self.m.description
        data.update({k: v for k, v in kept.items() if k not in data})
        others = {k: v for k, v in self.m.metadata.items() if k != _KEY}
        if others:
            data["metadata"] = others
        if not data:
            return ""
        lines = [f"{_yaml_string(k)}: {_yaml(v)}" for k, v in data.items()]
        return "===\n" + "\n".join(lines) + "\n===\n\n"


def dumps(m: ArgumentMap, *, order: Literal["exact", "readable"] = "exact") -> str:
    """The map as Argdown text, ending in a newline; deterministic.

    ``order="exact"`` (the default) writes the map in its own order: statements are
    defined, and inferences written, in the order the map has them, as indentation
    trees where that order allows (a relation line under either of its ends), so that
    reading the text gives an equal map (``==``, metadata included) for a map read
    from Argdown and for one made in Python (docs/formats/argdown.md, "Round trips",
    says what cannot come back). ``order="readable"`` writes every tree first (each
    statement under the first statement it bears on), then the premise-conclusion
    structures: the most tree-like text, but not in the map's order, so it reads back
    to the same statements and inferences in another order.

    Raises
    ------
    ArgmapError
        Something Argdown cannot hold, naming the element: a text with a line break, a
        title with ``]``, a tag with ``)``.

    Examples
    --------
    >>> import argmap as am
    >>> m = am.ArgumentMap("Umbrella")
    >>> c = m.claim("Take an umbrella", id="c", title="Umbrella")
    >>> _ = m.premise("It rains #outside", id="rain", supports=c, tags=["weather"])
    >>> print(dumps(m), end="")
    ===
    title: Umbrella
    ===
    <BLANKLINE>
    [Umbrella]: Take an umbrella {id: c}
        + It rains \\#outside #weather {id: rain}
    """
    if order not in ("readable", "exact"):
        raise ArgmapError(f"order must be 'exact' or 'readable', not {order!r}")
    return _Writer(m, exact=order == "exact").write()


def dump(
    m: ArgumentMap, path: str | Path, *, order: Literal["exact", "readable"] = "exact"
) -> Path:
    """Write the map as Argdown (:func:`dumps`, with its ``order``) to ``path``,
    atomically; returns the path.

    Examples
    --------
    >>> import tempfile, argmap as am
    >>> m = am.ArgumentMap()
    >>> _ = m.claim("Take an umbrella", id="take-an-umbrella")
    >>> path = dump(m, f"{tempfile.mkdtemp()}/umbrella.argdown")
    >>> path.read_text(encoding="utf-8")
    'Take an umbrella\\n'
    """
    return write_atomic(path, dumps(m, order=order))
