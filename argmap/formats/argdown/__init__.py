"""Argdown: the plain-text syntax of argument mappers (https://argdown.org), and the
JSON that the Argdown CLI exports (``argdown json``).

:func:`loads`/:func:`load` read Argdown text, :func:`loads_json`/:func:`load_json` the
JSON export; both give the same map for the same debate. The mapping in brief (the whole
table is in docs/formats/argdown.md):

* a statement equivalence class (``[Title]: text``; the same title is the same
  statement; each untitled paragraph is its own) becomes one
  :class:`~argmap.model.Statement` with the Argdown title, the first member's text, the
  ``#tags``; its id is ``{id: ...}`` from its data block or ``slugify(title)`` (the slug
  of the text when untitled), made unique; its kind is ``{kind: ...}`` or what the
  structure implies;
* an argument with a premise-conclusion structure becomes one linked ``support``
  inference per inference line (premises: those in ``uses``, else every statement
  since the previous inference line); the last one's id is the argument's slug;
* an argument without one (``<A>: description``) becomes a ``premise`` statement with
  ``metadata["argdown"]["argument"] = True``;
* relations: ``+ <+ +>`` support, ``- <- ->`` attack, ``_ <_ _>`` undercut, ``><``
  two attacks (one each way); an argument's relations start and end at its conclusion;
* what argmap has no field for goes to ``metadata["argdown"]``: the front matter, the
  headings, data keys, inference rules, other member texts, the relation types
  argmap has no word for (``contradictory``, ``contrary``, ``entails``).

Text that is not valid Argdown raises :class:`ArgdownSyntaxError` (a
:class:`~argmap.errors.FormatError`) with every problem, each with its line and column.

Examples
--------
>>> m = loads('''
... [Tax]: We should tax sugar.
...   + <Health>: Sugar taxes cut consumption.
...   - Taxes hurt the poor most.
... ''')
>>> [(s.id, s.kind) for s in m.statements]
[('tax', 'claim'), ('taxes-hurt-the-poor-most', 'counterpoint'), ('health', 'premise')]
>>> [(i.relation, i.premises, i.target) for i in m.inferences]
[('support', ('health',), 'tax'), ('attack', ('taxes-hurt-the-poor-most',), 'tax')]
"""

from __future__ import annotations

import re
from pathlib import Path

from argmap._bulk import gc_paused
from argmap._io import load_file
from argmap.formats._spec import Content, FormatSpec
from argmap.formats.argdown._errors import ArgdownSyntaxError, Problem
from argmap.formats.argdown._json import from_json_export, looks_like_export
from argmap.formats.argdown._parser import parse
from argmap.formats.argdown._reader import from_document
from argmap.formats.argdown._writer import dump, dumps
from argmap.map import ArgumentMap

__all__ = [
    "FORMAT",
    "FORMATS",
    "JSON_FORMAT",
    "ArgdownSyntaxError",
    "Problem",
    "dump",
    "dumps",
    "load",
    "load_json",
    "loads",
    "loads_json",
    "parse",
    "sniff",
    "sniff_json",
]


def _text(text: str | bytes) -> str:
    if isinstance(text, bytes):
        try:
            return text.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            raise ArgdownSyntaxError(
                [Problem(1, 1, f"not UTF-8 text (byte {err.start} cannot be decoded)")]
            ) from None
    return text.removeprefix("\ufeff")


def loads(text: str | bytes) -> ArgumentMap:
    """Read a map from Argdown text (see the module docs for the mapping).

    Raises
    ------
    ArgdownSyntaxError
        The text is not valid Argdown, or says something argmap cannot represent (a
        statement supporting itself ...; ``[A] - [A]``, a statement attacking
        itself, is read); the message has one line per problem, each
        ``line L, column C: ...``.

    Examples
    --------
    >>> m = loads("<Socrates>\\n\\n(1) All men are mortal.\\n(2) Socrates is a man.\\n----\\n"
    ...           "(3) Socrates is mortal.")
    >>> m.inference("socrates").premises
    ('all-men-are-mortal', 'socrates-is-a-man')
    """
    with gc_paused():  # a bulk load: see argmap._bulk
        return from_document(parse(_text(text)))


def load(path: str | Path) -> ArgumentMap:
    """Read a map from an Argdown file (``.argdown``, ``.ad``).

    Raises
    ------
    FormatError
        The file cannot be read; or :class:`ArgdownSyntaxError`, naming the file, with
        every problem in it.
    """
    data = load_file(path, lambda raw: raw, "Argdown", text_reader="argdown.loads(text)")
    try:
        return loads(data)
    except ArgdownSyntaxError as err:
        raise err.in_file(str(path)) from None


def loads_json(text: str | bytes) -> ArgumentMap:
    """Read a map from the JSON the Argdown CLI writes (``argdown json``); the map is
    the one :func:`loads` gives for the Argdown text it was exported from.

    Raises
    ------
    FormatError
        Not JSON, or not the shape of Argdown's export (the message names the place).
    """
    return from_json_export(text)


def load_json(path: str | Path) -> ArgumentMap:
    """Read a map from a file ``argdown json`` wrote (see :func:`loads_json`)."""
    return load_file(path, loads_json, "Argdown JSON", text_reader="argdown.loads_json(text)")


_LOOKS = re.compile(
    r"^[ \t]*(?:\[[^\]\n]+\]:|<[^>\n]+>:|[+-]>? ?[\[<]|<[+-] ?[\[<]|\(1\)[ \t])", re.MULTILINE
)


def sniff(content: Content) -> str | None:
    """Tell Argdown text by content: a statement or argument definition at the start of
    a line, or a relation line to one. Cheap, never raises.

    >>> sniff(Content("[Tax]: We should tax sugar.\\n  + <Health>"))
    'has Argdown statement, argument or relation lines'
    >>> sniff(Content("p af 3")) is None
    True
    """
    if content.looks_json and content.json is not None:  # "[Title]: ..." starts like JSON
        return None
    head = content.head
    if head.lstrip().startswith("===") or len(_LOOKS.findall(head, 0, 20000)) >= 1:
        return "has Argdown statement, argument or relation lines"
    return None


def sniff_json(content: Content) -> str | None:
    """Tell Argdown's JSON export: ``arguments`` and ``statements`` objects with
    Argdown's shapes (``type: "argument"``/``"equivalence-class"``). Never raises.

    >>> sniff_json(Content('{"arguments": {}, "statements": {"A": {"type": "equivalence-class"}}}'))
    'has Argdown\\'s "arguments" and "statements" keys'
    """
    data = content.json_object
    if data is not None and looks_like_export(data):
        return 'has Argdown\'s "arguments" and "statements" keys'
    return None


FORMAT = FormatSpec(
    name="argdown",
    title="Argdown",
    suffixes=(".argdown", ".ad"),
    loads=loads,
    dumps=dumps,
    sniff=sniff,
    keeps="statements (equivalence classes), arguments and their premise-conclusion "
    "structures, every relation kind, tags, data, sections and front matter; argmap's "
    "metadata (map, statements, inferences)",
    loses="comments and layout (line breaks, indentation); relations to a whole argument "
    "end at its conclusion; argmap's sources and quotes (the writer warns: "
    "FormatLossWarning)",
)

JSON_FORMAT = FormatSpec(
    name="argdown-json",
    title="Argdown JSON (argdown json export)",
    suffixes=(".argdown.json",),
    loads=loads_json,
    sniff=sniff_json,
    json=True,
    keeps="what the Argdown text says: statements, arguments, relations, tags, data, "
    "sections and front matter",
    loses="Argdown's layout data (colours, map nodes); inline formatting ranges",
)

FORMATS = (FORMAT, JSON_FORMAT)
"""Argdown text and Argdown's JSON export in the format registry (:mod:`argmap.registry`)."""
