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
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, JsonValue, field_validator

from argmap._bulk import gc_paused
from argmap._io import load_file, write_atomic
from argmap.errors import ArgmapError
from argmap.map import ArgumentMap
from argmap.model import Inference, Source, Statement

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
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


class MapDocument(BaseModel):
    """The top-level object of an argmap JSON file."""

    model_config = ConfigDict(
        extra="forbid",
        title="argmap map",
        json_schema_extra={"$schema": "https://json-schema.org/draft/2020-12/schema"},
    )

    format: Literal["argmap"] = Field(description="Always 'argmap': marks the file's format.")
    version: int = Field(description="Format version; this argmap writes and reads 1.")
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
    """The :class:`MapDocument` of a map (no copying of statements or inferences)."""
    return MapDocument.model_construct(
        format=FORMAT_NAME,
        version=FORMAT_VERSION,
        title=m.title,
        description=m.description,
        metadata=m.metadata,
        sources=m.sources,
        statements=list(m.statements),
        inferences=list(m.inferences),
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
    for index, statement in enumerate(doc.statements):
        try:
            m.add_statement(statement)
        except ArgmapError as err:
            raise err.with_context(f"statements[{index}]") from None
    m.add_inferences(doc.inferences)
    return m


def loads(text: str | bytes) -> ArgumentMap:
    """Read a map from argmap JSON text.

    Raises
    ------
    pydantic.ValidationError
        The text is not JSON or does not match the schema; each error has a location
        such as ``statements.2.text``.
    ArgmapError
        The document is well-formed but not a valid map (unknown or duplicate ids, an
        impossible relation); the message names the element, e.g. ``inferences[3]``.
    """
    with gc_paused():
        return from_document(MapDocument.model_validate_json(text))


def dump(m: ArgumentMap, path: str | Path) -> Path:
    """Write the map as argmap JSON to ``path``, atomically; returns the path."""
    return write_atomic(path, dumps(m))


def load(path: str | Path) -> ArgumentMap:
    """Read a map from an argmap JSON file.

    Raises
    ------
    FormatError
        Naming the file and what is wrong in it (and where).
    """
    return load_file(path, loads, "argmap JSON")


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of argmap JSON files, generated from the models."""
    schema = MapDocument.model_json_schema(mode="validation")
    for definition in [schema, *schema.get("$defs", {}).values()]:
        # Class docstrings carry doctests; the schema keeps their first paragraph.
        if "description" in definition:
            definition["description"] = definition["description"].split("\n\n")[0]
    return {"$schema": schema.pop("$schema"), "$id": SCHEMA_ID, **schema}
