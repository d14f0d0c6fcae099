"""Argdown's JSON export (``argdown json``) -> the reader's :class:`~._reader.Model`.

The export has ``statements`` (equivalence classes by title, each with its ``members``),
``arguments`` (by title, with ``members`` and the premise-conclusion structure ``pcs``),
``relations`` (``relationType``, ``from``/``to`` titles, ``fromType``/``toType``) and
``sections`` (the heading tree). Untitled statements and arguments have titles such as
``Untitled 3`` there; argmap reads them as untitled again. Texts are as the export has
them: Argdown has already taken the inline formatting (``**bold**``, links) out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, JsonValue, ValidationError

from argmap.errors import FormatError, describe_validation_error
from argmap.formats._jsontext import loads_unique
from argmap.formats.argdown._reader import (
    ArgdownRelation,
    Argument,
    Model,
    RelationFact,
    StatementClass,
    Step,
    build,
)
from argmap.map import ArgumentMap

__all__ = ["from_json_export", "looks_like_export"]

_UNTITLED = re.compile(r"Untitled \d+")
_TRAILING_TAGS = re.compile(r"(?:\s+#(?:\([^)]+\)|[^\s#(]+))+\s*$")


class _Loose(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True)


class _Member(_Loose):
    text: str | None = None
    isReference: bool = False  # noqa: N815 -- Argdown's own key names
    data: dict[str, JsonValue] | None = None
    startLine: int = 1  # noqa: N815
    startColumn: int = 1  # noqa: N815


class _Class(_Loose):
    members: list[_Member] = Field(default_factory=list)
    tags: list[str] = Field(default_factory=list)
    section: str | None = None


class _Inference(_Loose):
    inferenceRules: list[str] = Field(default_factory=list)  # noqa: N815
    data: dict[str, JsonValue] | None = None
    startLine: int = 1  # noqa: N815
    startColumn: int = 1  # noqa: N815


class _PcsItem(_Loose):
    title: str
    inference: _Inference | None = None


class _Argument(_Class):
    pcs: list[_PcsItem] = Field(default_factory=list)


class _Relation(_Loose):
    relationType: ArgdownRelation  # noqa: N815
    source: str = Field(alias="from")
    fromType: str = "equivalence-class"  # noqa: N815
    to: str
    toType: str = "equivalence-class"  # noqa: N815
    conclusionIndex: int | None = None  # noqa: N815


class _Section(_Loose):
    id: str | None = None
    level: int = 1
    title: str = ""
    data: dict[str, JsonValue] | None = None
    children: list[_Section] = Field(default_factory=list)


class _Export(_Loose):
    statements: dict[str, _Class]
    arguments: dict[str, _Argument]
    relations: list[_Relation] = Field(default_factory=list)
    sections: list[_Section] = Field(default_factory=list)


def looks_like_export(data: Mapping[str, Any]) -> bool:
    """True for a JSON object with Argdown's ``arguments`` and ``statements`` shapes."""
    statements, arguments = data.get("statements"), data.get("arguments")
    if not isinstance(statements, dict) or not isinstance(arguments, dict):
        return False
    for value in [*list(statements.values())[:3], *list(arguments.values())[:3]]:
        if not isinstance(value, dict) or value.get("type") not in (
            "equivalence-class",
            "argument",
        ):
            return False
    return True


def _fail(where: str, message: str) -> FormatError:
    return FormatError(f"Argdown JSON {where}: {message}")


def _text(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    stripped = _TRAILING_TAGS.sub("", " " + text).strip()
    return (stripped or text) or None


def from_json_export(text: str | bytes) -> ArgumentMap:
    """Build the map of an Argdown JSON export (see the module docs).

    Raises
    ------
    FormatError
        Not JSON, not the export's shape (naming the place, e.g.
        ``statements.Intro.members.0.startLine``), or relations to unknown titles.
    """
    try:
        data = loads_unique(text)
    except FormatError:  # a key given twice: the message names it
        raise
    except ValueError as err:
        raise FormatError(f"not JSON: {err}") from None
    except RecursionError:  # found by tests/test_fuzz.py
        raise FormatError("not JSON: nested too deeply") from None
    if not isinstance(data, dict) or not looks_like_export(data):
        raise _fail(
            "(top level)",
            'expected an object with Argdown\'s "statements" and "arguments" objects',
        )
    try:
        export = _Export.model_validate(data)
    except ValidationError as err:
        detail = describe_validation_error(err, indent="", sep="; ")
        raise FormatError(f"not a valid Argdown JSON export: {detail}") from None
    model = Model()
    titles: dict[str, str] = {}  # section id -> title
    _sections(export.sections, model, titles)
    untitled: dict[str, str] = {}

    def key_of(title: str, kind: str) -> str:
        if _UNTITLED.fullmatch(title):
            return untitled.setdefault(f"{kind}:{title}", f"\0{kind} {title}")
        return title

    for title, cls in export.statements.items():
        key = key_of(title, "s")
        entry = StatementClass(key, None if key != title else title, *_start(cls))
        _members(cls, entry.texts, entry.data)
        entry.tags = list(cls.tags)
        entry.section = titles.get(str(cls.section))
        model.statements[key] = entry
    for title, arg in export.arguments.items():
        key = key_of(title, "a")
        entry_a = Argument(key, None if key != title else title, *_start(arg))
        _members(arg, entry_a.descriptions, entry_a.data)
        entry_a.tags = list(arg.tags)
        entry_a.section = titles.get(str(arg.section))
        entry_a.steps = _steps(arg.pcs, key_of, model, f"arguments[{title!r}]")
        model.arguments[key] = entry_a
    for index, rel in enumerate(export.relations):
        step: tuple[str, int] | None = None
        ends: list[tuple[str, str]] = []
        for end, name, kind_name in (
            ("from", rel.source, rel.fromType),
            ("to", rel.to, rel.toType),
        ):
            kind = "a" if kind_name in ("argument", "inference") else "s"
            ref = (kind, key_of(name, kind))
            table = model.arguments if kind == "a" else model.statements
            if ref[1] not in table:
                raise _fail(
                    f"relations[{index}]", f"{end} {name!r} is not among the {end}Type's titles"
                )
            ends.append(ref)
            if kind_name == "inference":  # an undercut of one inference line
                step = _step_at(export.arguments[name], rel.conclusionIndex, ref)
        model.relate(RelationFact(rel.relationType, ends[0], ends[1], 1, 1, step=step))
    return build(model)


def _start(cls: _Class) -> tuple[int, int]:
    first = cls.members[0] if cls.members else _Member()
    return first.startLine, first.startColumn


def _members(cls: _Class, texts: list[str], data: dict[str, JsonValue]) -> None:
    for member in cls.members:
        found = None if member.isReference else _text(member.text)
        if found:
            texts.append(found)
        for k, v in (member.data or {}).items():
            data.setdefault(k, v)


def _step_at(
    argument: _Argument, conclusion: int | None, ref: tuple[str, str]
) -> tuple[str, int] | None:
    """(argument key, step index) of the inference line before ``pcs[conclusion]``."""
    if conclusion is None:
        return None
    count = sum(1 for item in argument.pcs[: conclusion + 1] if item.inference is not None)
    return (ref[1], count - 1) if count else None


def _steps(pcs: list[_PcsItem], key_of: Any, model: Model, where: str) -> list[Step]:
    steps: list[Step] = []
    since: list[str] = []
    numbers: dict[int, str] = {}
    for number, item in enumerate(pcs, start=1):
        key = key_of(item.title, "s")
        if key not in model.statements:
            raise _fail(f"{where}.pcs[{number - 1}]", f"{item.title!r} is not a statement title")
        numbers[number] = key
        inference = item.inference
        if inference is None:
            since.append(key)
            continue
        data = inference.data or None
        premises = list(since)
        uses = (data or {}).get("uses")
        if uses is not None:
            values = uses if isinstance(uses, list) else [uses]
            premises = [numbers[v] for v in values if isinstance(v, int) and v in numbers]
        rules = [r for r in inference.inferenceRules if r.strip()]
        steps.append(Step(premises, key, rules, data, inference.startLine, inference.startColumn))
        since = [key]
    return steps


def _sections(tree: list[_Section], model: Model, titles: dict[str, str]) -> None:
    for section in tree:
        titles[str(section.id)] = section.title
        entry: dict[str, JsonValue] = {"title": section.title, "level": section.level}
        if section.data:
            entry["data"] = section.data
        model.sections.append(entry)
        _sections(section.children, model, titles)
