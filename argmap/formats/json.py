"""argmap JSON: the lossless, versioned, schema-backed file format.

A file is one object::

    {
      "format": "argmap",
      "version": 1,
      "title": "...",
      "statements": [{"id": "main", "kind": "claim", "text": "..."}, ...],
      "inferences": [{"id": "...", "relation": "support", "premises": ["p1"], "target": "main"}]
    }

Fields equal to their default (``null``, empty lists and objects) are left out, so
files stay small and diff well; statements and inferences keep the map's order, keys
keep the schema's order, and the same map always gives byte-identical text. The JSON
Schema (:func:`json_schema`) is generated from the models and published in
``docs/schema/argmap.schema.json``.

Duplicate keys
--------------
JSON parsers keep the last of two equal keys, so a second ``"statements": []`` would
silently empty a map. The reader refuses a duplicate key with a
:class:`~argmap.errors.FormatError` naming the key and where it is. Every object is
checked in a text of up to :data:`FULL_KEY_CHECK` characters (4 MiB, some 15,000
statements). A larger text is checked only when ``"statements"``, ``"inferences"`` or
``"sources"`` (whose repeat would drop content) occurs in it more than once: counting
them is a few per cent of reading, parsing every object again a third.
"""

from __future__ import annotations

import codecs
import json
import re
from pathlib import Path, PurePath
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, JsonValue, ValidationError, field_validator

from argmap._bulk import add_inferences, add_statements, gc_paused
from argmap._io import load_file, shorten, write_atomic
from argmap.errors import ArgmapError, FormatError
from argmap.formats._jsontext import refuse_duplicate_keys
from argmap.formats._spec import Content, FormatSpec
from argmap.map import ArgumentMap
from argmap.model import Inference, Source, Statement

__all__ = [
    "FORMAT",
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "FULL_KEY_CHECK",
    "SCHEMA_ID",
    "MapDocument",
    "document",
    "dump",
    "dumps",
    "from_document",
    "json_schema",
    "load",
    "loads",
]

FORMAT_NAME: Literal["argmap"] = "argmap"
FORMAT_VERSION = 1
SCHEMA_ID = "https://argmap.invalid/schema/argmap-1.schema.json"
FULL_KEY_CHECK = 4 * 1024 * 1024
"""Texts up to this many characters have every object checked for duplicate keys."""
_BIG_KEYS = ('"statements"', '"inferences"', '"sources"')  # a repeat would drop content


class MapDocument(BaseModel):
    """The top-level object of an argmap JSON file."""

    model_config = ConfigDict(
        extra="forbid",
        title="argmap map",
        json_schema_extra={"$schema": "https://json-schema.org/draft/2020-12/schema"},
    )

    format: Literal["argmap"] = Field(description="Always 'argmap': marks the file's format.")
    version: int = Field(
        strict=True,  # "1" is not 1: the schema says integer, and so does the reader
        description="Format version; this argmap writes and reads 1.",
    )
    title: str | None = Field(default=None, description="What the map is about.")
    description: str | None = Field(default=None, description="A longer description.")
    metadata: dict[str, JsonValue] = Field(default_factory=dict, description="Free metadata.")
    sources: list[Source] = Field(
        default_factory=list, description="The texts the statements quote, in map order."
    )
    statements: list[Statement] = Field(default_factory=list, description="In map order.")
    inferences: list[Inference] = Field(default_factory=list, description="In map order.")

    @field_validator("version")
    @classmethod
    def _known_version(cls, v: int) -> int:
        if v != FORMAT_VERSION:
            newer = " (newer than this argmap: upgrade argmap)" if v > FORMAT_VERSION else ""
            raise ValueError(f"unsupported argmap JSON version {v}{newer}; expected 1")
        return v


def document(m: ArgumentMap) -> MapDocument:
    """The :class:`MapDocument` of a map (no copying of statements or inferences).

    Raises
    ------
    ArgmapError
        The map could not be read back from its file: its graph was edited directly
        (a node removed or relabelled; the message says to use ``m.validate()``), or
        metadata changed in place is not JSON (NaN, infinity, a set, a non-string key);
        the message names the element and the key.
    """
    statements, inferences = m._checked_elements()
    return MapDocument.model_construct(
        format=FORMAT_NAME,
        version=FORMAT_VERSION,
        title=m.title,
        description=m.description,
        metadata=m.metadata,
        sources=m.sources(),
        statements=statements,
        inferences=inferences,
    )


def dumps(m: ArgumentMap, *, indent: int | None = 2) -> str:
    """The map as argmap JSON text, ending in a newline; deterministic and lossless.

    Examples
    --------
    >>> import argmap as am
    >>> m = am.ArgumentMap("Demo")
    >>> _ = m.claim("It rains", id="c")
    >>> print(dumps(m, indent=None))
    {"format":"argmap","version":1,"title":"Demo","statements":[{"id":"c","kind":"claim","text":"It rains"}]}
    <BLANKLINE>
    """  # noqa: E501
    text = document(m).model_dump_json(indent=indent, exclude_defaults=True)
    return text + "\n"


def from_document(doc: MapDocument) -> ArgumentMap:
    """Build a map from a validated :class:`MapDocument`, checking every reference."""
    m = ArgumentMap(doc.title, description=doc.description, metadata=doc.metadata)
    for index, source in enumerate(doc.sources):
        try:
            m.add_source(source)
        except ArgmapError as err:
            raise err.with_context(f"sources[{index}]") from None
    # Checked as a batch and added at once; else (something to report) one at a time.
    if not add_statements(m, doc.statements):
        for index, statement in enumerate(doc.statements):
            try:
                m.add_statement(statement)
            except ArgmapError as err:
                raise err.with_context(f"statements[{index}]") from None
    if not add_inferences(m, doc.inferences):
        m.add_inferences(doc.inferences)
    return m


def loads(text: str | bytes) -> ArgumentMap:
    """Read a map from argmap JSON text (``str``, or UTF-8 ``bytes``); a leading
    byte order mark is skipped.

    Raises
    ------
    pydantic.ValidationError
        The text is not JSON or does not match the schema; each error has a location
        such as ``statements.2.text``.
    FormatError
        The text is AIF JSON (it has ``nodes`` and ``edges``: read it with
        :func:`argmap.formats.aif.loads`), or a file name rather than JSON (read the
        file with :func:`load`).
    ArgmapError
        The document is well-formed but not a valid map (unknown or duplicate ids, an
        impossible relation); the message names the element, e.g. ``inferences[3]``.
    """
    return _read(text, "argmap.formats.aif.loads(text)")


def _read(text: str | bytes, aif_reader: str) -> ArgumentMap:
    if isinstance(text, PurePath):
        raise FormatError(
            f"expected argmap JSON text, but got a path ({str(text)!r}); "
            "to read a file, use argmap.load(path)"
        )
    if isinstance(text, str):
        if text.startswith("\ufeff"):
            text = text[1:]
    elif isinstance(text, (bytes, bytearray)) and text.startswith(codecs.BOM_UTF8):
        text = text[len(codecs.BOM_UTF8) :]
    # Anything else goes on to pydantic, which says what it takes.
    if isinstance(text, (str, bytes, bytearray)):
        refuse_duplicate_keys(text, FULL_KEY_CHECK, _BIG_KEYS)
    with gc_paused():  # validating makes as many objects as building: pause for both
        try:
            doc = MapDocument.model_validate_json(text)
        except ValidationError as err:
            hint = _misread_hint(text, err, aif_reader)
            if hint:
                raise FormatError(hint) from None
            raise
        return from_document(doc)


def _misread_hint(text: str | bytes, err: ValidationError, aif_reader: str) -> str | None:
    """What was meant, when text that is not argmap JSON is recognisably something else:
    AIF JSON, or a file name given where JSON text is expected. Only runs on failure."""
    if not isinstance(text, (str, bytes, bytearray)):
        return None  # pydantic's error says what from_json takes
    if any(e["type"] == "json_invalid" for e in err.errors()):
        name = text.decode("utf-8", "replace") if isinstance(text, bytes) else text
        name = name.strip()
        if name and "\n" not in name and len(name) < 4096 and name[0] not in '{["':
            path = Path(name)
            if path.suffix or len(path.parts) > 1 or path.exists():
                return (
                    f"expected argmap JSON text, but got what looks like a file name "
                    f"({shorten(name)!r}); to read a file, use argmap.load(path)"
                )
        return None
    try:
        obj = json.loads(text)
    except ValueError:  # pragma: no cover - pydantic already parsed it
        return None
    if isinstance(obj, dict) and "nodes" in obj and "edges" in obj and "format" not in obj:
        return (
            'this looks like AIF JSON (it has "nodes" and "edges"), not argmap JSON; '
            f"read it with {aif_reader}"
        )
    return None


def dump(m: ArgumentMap, path: str | Path) -> Path:
    """Write the map as argmap JSON to ``path``, atomically; returns the path.

    Raises
    ------
    ArgmapError
        The map cannot be written as a file it could be read back from (see
        :func:`document`); nothing is written.
    WriteError
        The file cannot be written; naming ``path`` and the reason.
    """
    return write_atomic(path, dumps(m))


def load(path: str | Path) -> ArgumentMap:
    """Read a map from an argmap JSON file (UTF-8, with or without a byte order mark).

    Raises
    ------
    FormatError
        Naming the file and what is wrong in it (and where); for an AIF file, saying
        to read it with :func:`argmap.formats.aif.load`; for JSON text given instead
        of a path, saying to use :meth:`ArgumentMap.from_json`.
    """
    return load_file(
        path,
        lambda data: _read(data, "argmap.formats.aif.load(path)"),
        "argmap JSON",
        text_reader="ArgumentMap.from_json(text)",
    )


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of argmap JSON files, generated from the models."""
    schema = MapDocument.model_json_schema(mode="validation")
    for definition in [schema, *schema.get("$defs", {}).values()]:
        # Class docstrings carry doctests; the schema keeps their first paragraph.
        if "description" in definition:
            definition["description"] = definition["description"].split("\n\n")[0]
    return {"$schema": schema.pop("$schema"), "$id": SCHEMA_ID, **schema}


_HEAD = re.compile(r'\A\s*\{\s*"format"\s*:\s*"argmap"')


def _sniff(content: Content) -> str | None:
    if _HEAD.match(content.head):  # what dumps writes: no need to parse the whole text
        return 'has "format": "argmap"'
    obj = content.json_object
    if obj is not None and obj.get("format") == FORMAT_NAME:
        return 'has "format": "argmap"'
    return None


FORMAT = FormatSpec(
    name="argmap",
    title="argmap JSON",
    suffixes=(".json", ".argmap.json"),
    loads=loads,
    dumps=dumps,
    sniff=_sniff,
    json=True,
    looks_for='"format": "argmap"',
    keeps="Everything: statements, inferences, sources and quotes, titles, notes, tags, metadata.",
    loses="Nothing (the reference format).",
)
"""argmap JSON in the format registry (:mod:`argmap.registry`)."""
