"""Kialo text exports: the numbered outline Kialo writes for a discussion.

A Kialo export is a plain text (``.txt``) file::

    Discussion Title: Should the town build a skate park?

    1. The town should build a skate park.
    1.1. Pro: Teenagers have nowhere to meet after school.
    1.1.1. Con: The youth club is open every weekday.
    1.2. Con: The park would be noisy at night.
    1.2.1. Pro: -> See 1.1.1.

The header line names the discussion; ``1.`` is the thesis, and each further line is
a claim numbered under its parent (``1.1.2.`` is a child of ``1.1.``) that argues for
(``Pro:``) or against (``Con:``) it. A claim's text may go on over further lines. A
claim that Kialo shows in two places is written once, and the second place is a
link, ``-> See 1.1.1.``. argmap reads it as follows:

* the header's title becomes the map's title (``Discussion Name:``, written by older
  exports, too; a file may also start right at ``1.``);
* ``1.`` becomes a ``claim``, a ``Pro:`` a ``premise`` that supports its parent and a
  ``Con:`` a ``counterpoint`` that attacks it;
* a link ``N. Pro: -> See M.`` adds a further inference from the statement ``M``
  to ``N``'s parent (support for ``Pro``, attack for ``Con``): no statement is
  duplicated, and the inference keeps the link's own number in its metadata
  (``metadata["kialo"]["link"]``). A link may point forward, at a later line, and the
  children of a link (if a file has any) are children of the statement it points at;
* a second-level line without ``Pro:``/``Con:`` (Kialo writes none for the theses of
  a multi-thesis discussion, where ``1.`` is the question) becomes a ``claim`` of its
  own, with no inference to ``1.``; its outline parent is kept as
  ``metadata["kialo"]["parent"]``. Below the second level every line needs a stance.

Ids are the outline numbers without their last dot (``1.1.2``); an inference's id is
``<premise>-supports-<parent>`` or ``<premise>-attacks-<parent>``, as argmap names
inferences itself. Texts lose Kialo's Markdown backslash escapes (``\\(`` becomes
``(``); Markdown links ``[text](url)`` are kept as written.

A line that does not fit is a :class:`~argmap.errors.FormatError` naming the line:
bad numbering (``1.1 Pro:`` without its dot), a child whose parent has not come
before it, a number used twice, a stance word other than ``Pro``/``Con``, a claim
without text, a link to a number that is not there. argmap reads this format; it does
not write it.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import JsonValue, ValidationError

from argmap._bulk import gc_paused
from argmap._io import load_file
from argmap.errors import ArgmapError, FormatError, describe_validation_error
from argmap.formats._shared import make_ids
from argmap.formats._spec import Content, FormatSpec
from argmap.map import ArgumentMap
from argmap.model import Inference, Relation, Statement, StatementKind, adapter

__all__ = ["FORMAT", "load", "loads", "sniff"]

_KEY = "kialo"
_HEADER = re.compile(r"^Discussion (?:Title|Name):[ \t]*(.*?)\s*$")
_OUTLINE = re.compile(r"^(1\.(?:\d+\.)*)[ \t]+(.*)$")
_STANCE = re.compile(r"^(pro|con)[ \t]*:[ \t]*(.*)$", re.IGNORECASE | re.DOTALL)
_WORD_COLON = re.compile(r"^([A-Za-z]+)[ \t]*:(?:\s|$)")
_LOOKS_NUMBERED = re.compile(r"^(\d[^\s]*)[ \t]+(?:pro|con)[ \t]*:", re.IGNORECASE)
_LINK = re.compile(r"^->[ \t]*See[ \t]+((?:\d+\.)*\d+)\.?\s*$", re.IGNORECASE)
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")  # Markdown: a backslash before punctuation
_VERB = {"support": "supports", "attack": "attacks"}
_RELATION: dict[str, Relation] = {"pro": "support", "con": "attack"}
_KIND: dict[str, StatementKind] = {"pro": "premise", "con": "counterpoint"}


@dataclass
class _Item:
    """One numbered line of the outline and the lines that continue its text."""

    number: str  # without the last dot: "1.1.2"
    line: int
    first: str  # the text after the number on the numbered line
    more: list[str] = field(default_factory=list)
    stance: str | None = None
    text: str = ""
    link: str | None = None

    @property
    def depth(self) -> int:
        return self.number.count(".") + 1

    @property
    def parent(self) -> str:
        return self.number.rpartition(".")[0]

    def fail(self, problem: str) -> FormatError:
        return FormatError(f"line {self.line}: {self.number}. {problem}", ids=[self.number])


def _lines(text: str | bytes) -> list[str]:
    if isinstance(text, (bytes, bytearray)):
        try:
            text = codecs.decode(bytes(text), "utf-8-sig")
        except UnicodeDecodeError as err:
            raise FormatError(
                f"not UTF-8 text: cannot decode byte {err.start} ({err.reason})"
            ) from None
    elif not isinstance(text, str):
        raise FormatError(f"expected Kialo text (str or bytes), not {type(text).__name__}")
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _read_items(lines: list[str]) -> tuple[str | None, list[_Item]]:
    """The title (or None) and the numbered items, each with its continuation lines."""
    title: str | None = None
    items: list[_Item] = []
    for index, raw in enumerate(lines):
        number = index + 1
        line = raw.rstrip()
        if not items and title is None and (header := _HEADER.match(line)):
            title = header.group(1) or None
            continue
        outline = _OUTLINE.match(line)
        if outline is None:
            bad = _LOOKS_NUMBERED.match(line)
            if bad:
                raise FormatError(
                    f"line {number}: bad numbering {bad.group(1)!r}: Kialo numbers claims "
                    "1., 1.1., 1.1.2. ... (each number followed by a dot, the first one 1)"
                )
            if items:
                items[-1].more.append(line)
            elif line.strip():
                raise FormatError(
                    f"line {number}: expected the thesis, numbered '1.', or a "
                    f"'Discussion Title:' header, found {_short(line)!r}"
                )
            continue
        items.append(_Item(outline.group(1)[:-1], number, outline.group(2).strip()))
    if not items:
        raise FormatError("no thesis: a Kialo export has a line numbered '1.'")
    return title, items


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _unescape(text: str) -> str:
    return _ESCAPE.sub(r"\1", text)


class _Reader:
    def __init__(self, items: list[_Item]) -> None:
        self.items = items
        self.by_number: dict[str, _Item] = {}
        root = items[0]
        if root.number != "1":
            raise root.fail("has no parent: a Kialo export starts with the thesis, '1.'")
        second = [i for i in items if i.depth == 2]
        multi = bool(second) and not any(_STANCE.match(i.first) for i in second)
        for item in items:
            self._check(item, multi)

    def _check(self, item: _Item, multi: bool) -> None:
        seen = self.by_number.get(item.number)
        if seen is not None:
            raise item.fail(f"is numbered twice (first on line {seen.line})")
        if item.number != "1" and item.parent not in self.by_number:
            raise item.fail(f"has no parent: no line numbered {item.parent}. comes before it")
        self.by_number[item.number] = item
        body = "\n".join([item.first, *item.more]).strip()
        if item.number != "1":
            stance = _STANCE.match(body)
            if stance:
                item.stance = stance.group(1).lower()
                body = stance.group(2).strip()
            elif not (multi and item.depth == 2):
                word = _WORD_COLON.match(body)
                if word:
                    raise item.fail(
                        f"has the unknown stance {word.group(1)!r}: Kialo writes 'Pro:' or 'Con:'"
                    )
                raise item.fail("has no stance: expected 'Pro:' or 'Con:' after the number")
        link = _LINK.match(body)
        if link:
            if item.stance is None:
                raise item.fail("links without a stance: expected 'Pro: -> See ...' or 'Con: ...'")
            item.link = link.group(1).rstrip(".")
            return
        if body.startswith("->") and _LINK.match(body.split("\n", 1)[0]):
            raise item.fail("has text after its link '-> See ...'; a link is a line of its own")
        item.text = _unescape(body)
        if not item.text.strip():
            raise item.fail("has no text")

    def _resolve(self, item: _Item) -> str:
        """The number of the statement a link (or a chain of links) points at."""
        seen = [item.number]
        current = item
        while current.link is not None:
            target = self.by_number.get(current.link)
            if target is None:
                raise item.fail(f"links to {current.link}., which is not in the outline")
            if target.number in seen:
                raise item.fail("links in a cycle: " + " -> ".join([*seen, target.number]))
            seen.append(target.number)
            current = target
        return current.number

    def _parent(self, item: _Item) -> str:
        parent = self.by_number[item.parent]
        return self._resolve(parent) if parent.link is not None else parent.number

    def build(self, title: str | None) -> ArgumentMap:
        ids = make_ids(i.number for i in self.items if i.link is None)
        m = ArgumentMap(title)
        for item in self.items:
            if item.link is None:
                m.add_statement(self._statement(item, ids))
        steps: list[tuple[_Item, Inference]] = []
        names: list[str] = []
        said: dict[str, _Item] = {}
        for item in self.items:
            if item.stance is None:
                continue
            premise = ids[self._resolve(item)]
            target = ids[self._parent(item)]
            relation = _RELATION[item.stance]
            name = f"{premise}-{_VERB[relation]}-{target}"
            if name in said:
                raise item.fail(
                    f"repeats line {said[name].line}: {premise} already {_VERB[relation]} "
                    f"{target} there"
                )
            said[name] = item
            names.append(name)
            steps.append((item, self._inference(item, premise, relation, target)))
        step_ids = make_ids(names)
        for (item, inf), name in zip(steps, names, strict=True):
            try:
                m.add_inference(_with_id(inf, step_ids[name]))
            except ArgmapError as err:
                raise item.fail(err.message) from None
        return m

    def _statement(self, item: _Item, ids: dict[str, str]) -> Statement:
        kind: StatementKind = "claim" if item.stance is None else _KIND[item.stance]
        meta: dict[str, JsonValue] = {}
        if item.stance is None and item.number != "1":
            meta["parent"] = ids[item.parent]
        if ids[item.number] != item.number:
            meta["number"] = item.number
        try:
            return adapter(Statement).validate_python(
                {
                    "id": ids[item.number],
                    "kind": kind,
                    "text": item.text,
                    "metadata": {_KEY: meta} if meta else {},
                }
            )
        except ValidationError as err:
            raise item.fail(_problem(err)) from None

    def _inference(self, item: _Item, premise: str, relation: Relation, target: str) -> Inference:
        if premise == target:
            raise item.fail(f"links to its own parent {target}.")
        meta: dict[str, JsonValue] = {"link": item.number} if item.link is not None else {}
        try:
            return adapter(Inference).validate_python(
                {
                    "id": "pending",
                    "relation": relation,
                    "premises": (premise,),
                    "target": target,
                    "metadata": {_KEY: meta} if meta else {},
                }
            )
        except ValidationError as err:  # pragma: no cover - ids and shape are checked
            raise item.fail(_problem(err)) from None


def _with_id(inf: Inference, id: str) -> Inference:
    return adapter(Inference).validate_python(
        {
            "id": id,
            "relation": inf.relation,
            "premises": inf.premises,
            "target": inf.target,
            "metadata": inf.metadata,
        }
    )


def _problem(err: ValidationError) -> str:
    return describe_validation_error(err, indent="", sep="; ").replace("(top level): ", "")


def loads(text: str | bytes) -> ArgumentMap:
    """Read a map from a Kialo text export (see the module docs); ``bytes`` are
    decoded as UTF-8.

    Raises
    ------
    FormatError
        A line that does not fit the outline; the message names the line.

    Examples
    --------
    >>> m = loads('''Discussion Title: Skate park?
    ...
    ... 1. The town should build a skate park.
    ... 1.1. Pro: Teenagers have nowhere to meet after school.
    ... 1.1.1. Con: The youth club is open every weekday.
    ... 1.2. Con: The park would be noisy at night.
    ... 1.2.1. Pro: -> See 1.1.1.
    ... ''')
    >>> m.title
    'Skate park?'
    >>> [(s.id, s.kind) for s in m.statements]
    [('1', 'claim'), ('1.1', 'premise'), ('1.1.1', 'counterpoint'), ('1.2', 'counterpoint')]
    >>> [(i.id, i.premises, i.target) for i in m.inferences][-1]
    ('1.1.1-supports-1.2', ('1.1.1',), '1.2')
    """
    title, items = _read_items(_lines(text))
    with gc_paused():
        return _Reader(items).build(title)


def load(path: str | Path) -> ArgumentMap:
    """Read a map from a Kialo text export file (``.txt``, UTF-8).

    Raises
    ------
    FormatError
        Naming the file and the line that does not fit.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> path = Path(tempfile.mkdtemp()) / "skate-park.txt"
    >>> _ = path.write_text("1. Build a skate park.\\n1.1. Con: It costs too much.\\n")
    >>> m = load(path)
    >>> m.inference("1.1-attacks-1").relation
    'attack'
    """
    return load_file(path, loads, "Kialo text")


def sniff(content: Content) -> str | None:
    """A reason when the text is a Kialo export (it starts with ``Discussion Title:``,
    or is an outline ``1. ...`` with ``1.1. Pro:``/``Con:`` lines), else None.

    >>> sniff(Content("Discussion Title: Skate park?\\n\\n1. Build one."))
    'starts with "Discussion Title:"'
    >>> sniff(Content("1. Build one.\\n1.1. Pro: Kids like it.\\n"))
    'is an outline of "1." and "1.1. Pro:"/"Con:" lines'
    >>> sniff(Content("1. Buy milk\\n2. Buy bread\\n")) is None
    True
    """
    head = content.head.lstrip("\ufeff \t\r\n")
    first = head.split("\n", 1)[0]
    if _HEADER.match(first.rstrip()):
        return f'starts with "{first.split(":", 1)[0]}:"'
    if first.startswith("1. ") and re.search(
        r"^1\.(?:\d+\.)+[ \t]+(?:Pro|Con):", head, re.MULTILINE
    ):
        return 'is an outline of "1." and "1.1. Pro:"/"Con:" lines'
    return None


FORMAT = FormatSpec(
    name="kialo",
    title="Kialo text export",
    suffixes=(),
    extra_suffixes=(".txt",),
    loads=loads,
    sniff=sniff,
    keeps="The thesis, every Pro and Con with its place in the outline, and links "
    "('-> See') as further inferences from the claim they point at.",
    loses="Kialo's votes, authors, comments and sources beyond the claim text (not in "
    "the export); Markdown escapes; argmap does not write the format back.",
)
