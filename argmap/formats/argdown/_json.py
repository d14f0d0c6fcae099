"""Argdown's JSON export (``argdown json``) -> the reader's :class:`~._reader.Model`.

The export has ``statements`` (equivalence classes by title, each with its ``members``),
``arguments`` (by title, with ``members`` and the premise-conclusion structure ``pcs``),
``relations`` (``relationType``, ``from``/``to`` titles, ``fromType``/``toType``) and
``sections`` (the heading tree). Untitled statements and arguments have titles such as
``Untitled 3`` there; argmap reads them as untitled again. Texts are as the export has
them: Argdown has already taken the inline formatting (``**bold**``, links) out.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from pydantic import JsonValue

from argmap.errors import FormatError
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
_RELATIONS = ("support", "attack", "undercut", "contradictory", "contrary", "entails")


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
    """Build the map of an Argdown JSON export (see the module docs)."""
    try:
        data = json.loads(text)
    except ValueError as err:
        raise FormatError(f"not JSON: {err}") from None
    if not isinstance(data, dict) or not looks_like_export(data):
        raise _fail(
            "(top level)",
            'expected an object with Argdown\'s "statements" and "arguments" objects',
        )
    model = Model()
    titles: dict[str, str] = {}  # section id -> title
    _sections(data.get("sections") or [], model, titles)
    untitled: dict[str, str] = {}

    def key_of(title: str, kind: str) -> str:
        if _UNTITLED.fullmatch(title):
            return untitled.setdefault(f"{kind}:{title}", f"\0{kind} {title}")
        return title

    _statements(data["statements"], model, titles, key_of)
    _arguments(data["arguments"], model, titles, key_of)
    for index, rel in enumerate(data.get("relations") or []):
        where = f"relations[{index}]"
        if not isinstance(rel, dict):
            raise _fail(where, "expected an object")
        relation = rel.get("relationType")
        if relation not in _RELATIONS:
            raise _fail(where, f"unknown relationType {relation!r}")
        ends = []
        step: tuple[str, int] | None = None
        for end in ("from", "to"):
            kind = "a" if rel.get(f"{end}Type") in ("argument", "inference") else "s"
            name = rel.get(end)
            if not isinstance(name, str):
                raise _fail(where, f'"{end}" must be a title')
            ref = (kind, key_of(name, kind))
            table = model.arguments if kind == "a" else model.statements
            if ref[1] not in table:
                raise _fail(where, f"{end} {name!r} is not among the {end}Type's titles")
            ends.append(ref)
            if rel.get(f"{end}Type") == "inference":  # an undercut of one inference line
                step = _step_at(data["arguments"].get(name), rel.get("conclusionIndex"), ref)
        fact_relation: ArgdownRelation = relation
        model.relate(RelationFact(fact_relation, ends[0], ends[1], 1, 1, step=step))
    return build(model)


def _statements(
    statements: dict[str, Any], model: Model, titles: dict[str, str], key_of: Any
) -> None:
    for title, cls in statements.items():
        where = f"statements[{title!r}]"
        if not isinstance(cls, dict):
            raise _fail(where, "expected an object")
        key = key_of(title, "s")
        members = cls.get("members") or []
        if not isinstance(members, list):
            raise _fail(where, '"members" must be a list')
        first = members[0] if members and isinstance(members[0], dict) else {}
        entry = StatementClass(
            key,
            None if key != title else title,
            int(first.get("startLine") or 1),
            int(first.get("startColumn") or 1),
            section=titles.get(str(cls.get("section"))),
        )
        for member in members:
            if not isinstance(member, dict):
                raise _fail(where, "members must be objects")
            found = None if member.get("isReference") else _text(member.get("text"))
            if found:
                entry.texts.append(found)
            for k, v in (member.get("data") or {}).items():
                entry.data.setdefault(str(k), v)
        entry.tags = [str(t) for t in cls.get("tags") or []]
        model.statements[key] = entry


def _arguments(
    arguments: dict[str, Any], model: Model, titles: dict[str, str], key_of: Any
) -> None:
    for title, arg in arguments.items():
        where = f"arguments[{title!r}]"
        if not isinstance(arg, dict):
            raise _fail(where, "expected an object")
        key = key_of(title, "a")
        members = [m for m in arg.get("members") or [] if isinstance(m, dict)]
        first = members[0] if members else {}
        entry_a = Argument(
            key,
            None if key != title else title,
            int(first.get("startLine") or 1),
            int(first.get("startColumn") or 1),
            section=titles.get(str(arg.get("section"))),
        )
        for member in members:
            found = None if member.get("isReference") else _text(member.get("text"))
            if found:
                entry_a.descriptions.append(found)
            for k, v in (member.get("data") or {}).items():
                entry_a.data.setdefault(str(k), v)
        entry_a.tags = [str(t) for t in arg.get("tags") or []]
        entry_a.steps = _steps(arg.get("pcs") or [], where, key_of)
        model.arguments[key] = entry_a


def _step_at(argument: Any, conclusion: Any, ref: tuple[str, str]) -> tuple[str, int] | None:
    """(argument key, step index) of the inference line before ``pcs[conclusion]``."""
    pcs = argument.get("pcs") if isinstance(argument, dict) else None
    if not isinstance(pcs, list) or not isinstance(conclusion, int):
        return None
    before = pcs[: conclusion + 1]
    count = sum(1 for item in before if isinstance(item, dict) and "inference" in item)
    return (ref[1], count - 1) if count else None


def _steps(pcs: list[Any], where: str, key_of: Any) -> list[Step]:
    steps: list[Step] = []
    since: list[str] = []
    numbers: dict[int, str] = {}
    for number, item in enumerate(pcs, start=1):
        if not isinstance(item, dict) or not isinstance(item.get("title"), str):
            raise _fail(where, "pcs entries must be statements with a title")
        key = key_of(item["title"], "s")
        numbers[number] = key
        inference = item.get("inference")
        if not isinstance(inference, dict):
            since.append(key)
            continue
        data: dict[str, JsonValue] | None = inference.get("data") or None
        premises = list(since)
        uses = (data or {}).get("uses")
        if uses is not None:
            values = uses if isinstance(uses, list) else [uses]
            premises = [numbers[v] for v in values if isinstance(v, int) and v in numbers]
        rules = [str(r) for r in inference.get("inferenceRules") or [] if str(r).strip()]
        steps.append(
            Step(
                premises,
                key,
                rules,
                data,
                int(inference.get("startLine") or 1),
                int(inference.get("startColumn") or 1),
            )
        )
        since = [key]
    return steps


def _sections(tree: list[Any], model: Model, titles: dict[str, str]) -> None:
    for section in tree:
        if not isinstance(section, dict):
            continue
        title = str(section.get("title") or "")
        titles[str(section.get("id"))] = title
        entry: dict[str, JsonValue] = {"title": title, "level": int(section.get("level") or 1)}
        if isinstance(section.get("data"), dict):
            entry["data"] = section["data"]
        model.sections.append(entry)
        _sections(section.get("children") or [], model, titles)
