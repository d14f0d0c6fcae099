"""The small syntax tree the Argdown parser builds (:mod:`._parser`) and the reader
(:mod:`._reader`) turns into a map: plain dataclasses, each with the line and column
(1-based) where it starts in the text."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from pydantic import JsonValue

__all__ = [
    "Document",
    "Element",
    "Heading",
    "InferenceLine",
    "ListBlock",
    "Pcs",
    "PcsStatement",
    "RelationLine",
]

ElementKind = Literal["statement", "argument"]


@dataclass
class Element:
    """A statement (``[T]: text``, ``[T]``, plain text) or an argument (``<A>: text``,
    ``<A>``) where it occurs, with the relations indented below it."""

    kind: ElementKind
    title: str | None
    text: str | None
    """The text as written (comments dropped, lines joined), None for a reference."""
    line: int
    column: int
    tags: tuple[str, ...] = ()
    data: dict[str, JsonValue] | None = None
    relations: list[RelationLine] = field(default_factory=list)

    @property
    def is_reference(self) -> bool:
        return self.text is None


@dataclass
class RelationLine:
    """One relation line: ``symbol`` (``+``, ``<-``, ``><`` ...) and the element after it."""

    symbol: str
    element: Element
    line: int
    column: int


@dataclass
class PcsStatement:
    """``(n) statement`` in a premise-conclusion structure."""

    number: int
    element: Element
    line: int
    column: int


@dataclass
class InferenceLine:
    """An inference line (``----``, ``-- rule {data} --``) with its ``<_`` relations."""

    rules: list[str]
    data: dict[str, JsonValue] | None
    line: int
    column: int
    relations: list[RelationLine] = field(default_factory=list)


@dataclass
class Pcs:
    """A premise-conclusion structure: numbered statements and inference lines in order."""

    items: list[PcsStatement | InferenceLine]
    line: int
    column: int


@dataclass
class Heading:
    level: int
    text: str
    line: int
    column: int
    data: dict[str, JsonValue] | None = None


@dataclass
class ListBlock:
    """A list (``* item`` or ``1. item``): each item is a statement or an argument."""

    ordered: bool
    items: list[Element]
    line: int
    column: int


Block = Heading | Element | Pcs | ListBlock


@dataclass
class Document:
    frontmatter: JsonValue = None
    blocks: list[Block] = field(default_factory=list)
