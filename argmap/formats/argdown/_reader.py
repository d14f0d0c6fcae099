"""Argdown syntax tree (:mod:`._ast`) -> :class:`~argmap.map.ArgumentMap`, by the table
in docs/formats/argdown.md (the module docs of :mod:`argmap.formats.argdown` sum it up).

The reader first collects what the text says in Argdown's own terms (statement
equivalence classes, arguments, relations between them), then builds the map from that
(:class:`Model`); the reader of Argdown's JSON export (:mod:`._json`) fills the same
:class:`Model`, so both give the same map for the same debate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from pydantic import JsonValue, ValidationError

from argmap._bulk import gc_paused
from argmap.errors import describe_validation_error
from argmap.formats._shared import kind_from_roles
from argmap.formats.argdown._ast import (
    Document,
    Element,
    Heading,
    InferenceLine,
    ListBlock,
    Pcs,
    PcsStatement,
    RelationLine,
)
from argmap.formats.argdown._errors import ArgdownSyntaxError, Problem
from argmap.map import ArgumentMap
from argmap.model import ID_PATTERN, Inference, Relation, Statement, adapter, slugify

__all__ = ["Model", "build", "from_document"]

KEY = "argdown"
ArgdownRelation = Literal[
    "support", "attack", "undercut", "contradictory", "contrary", "entails"
]
_ID = re.compile(ID_PATTERN)
_KINDS = ("claim", "premise", "counterpoint")
_STATEMENT_KEYS = ("id", "kind", "note")
_ARGUMENT_KEYS = ("id", "note", "tags")

# Ref: ("s", key) a statement class, ("a", key) an argument.
Ref = tuple[str, str]


@dataclass
class StatementClass:
    key: str
    title: str | None
    line: int
    column: int
    texts: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    data: dict[str, JsonValue] = field(default_factory=dict)
    section: str | None = None


@dataclass
class Step:
    premises: list[str]  # statement keys
    conclusion: str
    rules: list[str]
    data: dict[str, JsonValue] | None
    line: int
    column: int


@dataclass
class Argument:
    key: str
    title: str | None
    line: int
    column: int
    descriptions: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    data: dict[str, JsonValue] = field(default_factory=dict)
    section: str | None = None
    steps: list[Step] = field(default_factory=list)


@dataclass
class RelationFact:
    relation: ArgdownRelation
    source: Ref
    target: Ref
    line: int
    column: int
    step: tuple[str, int] | None = None  # (argument key, step index) an undercut targets


@dataclass
class Model:
    """A debate in Argdown's own terms, as the text or the JSON export has it."""

    statements: dict[str, StatementClass] = field(default_factory=dict)
    arguments: dict[str, Argument] = field(default_factory=dict)
    relations: list[RelationFact] = field(default_factory=list)
    frontmatter: JsonValue = None
    sections: list[dict[str, JsonValue]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    _seen: set[tuple[str, Ref, Ref]] = field(default_factory=set)

    def relate(self, fact: RelationFact) -> None:
        ends = (fact.source, fact.target)
        if fact.relation in ("contradictory", "contrary"):
            ends = (min(ends), max(ends))
        key = (fact.relation, *ends)
        if key not in self._seen or fact.step is not None:
            self._seen.add(key)
            self.relations.append(fact)


def _add_tags(into: list[str], tags: tuple[str, ...] | list[str]) -> None:
    for tag in tags:
        if tag not in into:
            into.append(tag)


class _Walker:
    """One pass over the document: fills a :class:`Model`."""

    def __init__(self, doc: Document) -> None:
        self.model = Model(frontmatter=doc.frontmatter)
        self.section: str | None = None
        self.untitled = 0
        self.strict = _strict(doc.frontmatter)

    def new_key(self) -> str:
        self.untitled += 1
        return f"\0untitled {self.untitled}"

    def walk(self, doc: Document) -> Model:
        previous: object = None
        for block in doc.blocks:
            if isinstance(block, Heading):
                self.section = block.text
                entry: dict[str, JsonValue] = {"title": block.text, "level": block.level}
                if block.data:
                    entry["data"] = block.data
                self.model.sections.append(entry)
            elif isinstance(block, Element):
                self.element(block)
            elif isinstance(block, ListBlock):
                for item in block.items:
                    self.element(item)
            elif isinstance(block, Pcs):
                owner = previous if isinstance(previous, Element) else None
                if owner is not None and owner.kind == "argument" and owner.title:
                    key = owner.title
                else:
                    key = self.new_key()
                    self.model.arguments[key] = Argument(
                        key, None, block.line, block.column, section=self.section
                    )
                self.pcs(key, block)
            previous = block
        return self.model

    def element(self, element: Element) -> Ref:
        model = self.model
        if element.kind == "statement":
            key = element.title if element.title is not None else self.new_key()
            found = model.statements.get(key)
            if found is None:
                found = model.statements[key] = StatementClass(
                    key, element.title, element.line, element.column, section=self.section
                )
            if element.text:
                found.texts.append(element.text)
            _add_tags(found.tags, element.tags)
            for k, v in (element.data or {}).items():
                found.data.setdefault(k, v)
            ref: Ref = ("s", key)
        else:
            key = element.title or self.new_key()
            arg = model.arguments.get(key)
            if arg is None:
                arg = model.arguments[key] = Argument(
                    key, element.title, element.line, element.column, section=self.section
                )
            if element.text:
                arg.descriptions.append(element.text)
            _add_tags(arg.tags, element.tags)
            for k, v in (element.data or {}).items():
                arg.data.setdefault(k, v)
            ref = ("a", key)
        for relation in element.relations:
            self.relation(ref, element, relation)
        return ref

    def relation(self, parent: Ref, parent_el: Element, line: RelationLine) -> None:
        child_el = line.element
        symbol = line.symbol
        if symbol == "><" and (child_el.kind != "statement" or parent_el.kind != "statement"):
            self.model.problems.append(
                Problem(line.line, line.column, "'><' (contradictory) relates two statements")
            )
        if symbol == "_>" and child_el.kind != "argument":
            self.model.problems.append(
                Problem(
                    line.line,
                    line.column,
                    "expected an argument after '_>': only arguments can be undercut",
                    "an argument",
                )
            )
        child = self.element(child_el)
        both_statements = parent[0] == child[0] == "s"
        relation: ArgdownRelation
        if symbol in ("+", "<+", "+>"):
            relation = "entails" if self.strict and both_statements else "support"
        elif symbol in ("-", "<-", "->"):
            relation = "contrary" if self.strict and both_statements else "attack"
        elif symbol == "><":
            relation = "contradictory"
        else:
            relation = "undercut"
        outgoing = symbol in ("+>", "->", "_>", "><")
        source, target = (parent, child) if outgoing else (child, parent)
        self.model.relate(RelationFact(relation, source, target, line.line, line.column))

    def pcs(self, key: str, pcs: Pcs) -> None:
        arg = self.model.arguments[key]
        arg.steps = []
        numbers: dict[int, str] = {}
        since: list[str] = []
        pending: InferenceLine | None = None
        for item in pcs.items:
            if isinstance(item, PcsStatement):
                ref = self.element(item.element)
                numbers[item.number] = ref[1]
                if pending is None:
                    since.append(ref[1])
                    continue
                premises = list(since)
                uses = (pending.data or {}).get("uses")
                if uses is not None:
                    premises = self.uses(uses, numbers, pending)
                step = Step(
                    premises, ref[1], pending.rules, pending.data, pending.line, pending.column
                )
                arg.steps.append(step)
                for relation in pending.relations:
                    child = self.element(relation.element)
                    self.model.relate(
                        RelationFact(
                            "undercut",
                            child,
                            ("a", key),
                            relation.line,
                            relation.column,
                            step=(key, len(arg.steps) - 1),
                        )
                    )
                since = [ref[1]]
                pending = None
            else:
                pending = item

    def uses(self, uses: JsonValue, numbers: dict[int, str], line: InferenceLine) -> list[str]:
        values = uses if isinstance(uses, list) else [uses]
        found: list[str] = []
        for value in values:
            if isinstance(value, int) and not isinstance(value, bool) and value in numbers:
                found.append(numbers[value])
            else:
                self.model.problems.append(
                    Problem(
                        line.line,
                        line.column,
                        f"'uses' names {value!r}, which is not the number of a statement "
                        "above this inference line",
                    )
                )
        return found


def _strict(frontmatter: JsonValue) -> bool:
    if not isinstance(frontmatter, dict):
        return False
    model = frontmatter.get("model")
    return isinstance(model, dict) and model.get("mode") == "strict"


def from_document(doc: Document) -> ArgumentMap:
    """The map of a parsed Argdown document (see the module docs)."""
    model = _Walker(doc).walk(doc)
    return build(model)


class _Ids:
    def __init__(self) -> None:
        self.used: set[str] = set()

    def take(self, wanted: str) -> str:
        base = wanted[:190]
        candidate, n = base, 2
        while candidate in self.used:
            candidate, n = f"{base}-{n}", n + 1
        self.used.add(candidate)
        return candidate


def _explicit_id(data: dict[str, JsonValue], ids: _Ids, where: tuple[int, int]) -> str | None:
    value = data.get("id")
    if value is None:
        return None
    if not isinstance(value, str) or not _ID.match(value) or len(value) > 200:
        raise _Refused(
            where, f"the id {value!r} in the data block is not a valid argmap id ({ID_PATTERN})"
        )
    if value in ids.used:
        raise _Refused(where, f"the id {value!r} in the data block is used twice")
    ids.used.add(value)
    return value


class _Refused(Exception):
    def __init__(self, where: tuple[int, int], message: str) -> None:
        super().__init__(message)
        self.where = where
        self.message = message


def build(model: Model) -> ArgumentMap:
    """The map of a :class:`Model`; problems become one :class:`ArgdownSyntaxError`."""
    problems = list(model.problems)
    try:
        with gc_paused():
            m = _build(model, problems)
    except _Refused as err:
        problems.append(Problem(*err.where, err.message))
        raise ArgdownSyntaxError(problems) from None
    if problems:
        raise ArgdownSyntaxError(problems)
    return m


def _build(model: Model, problems: list[Problem]) -> ArgumentMap:
    ids = _Ids()
    stmt_id: dict[str, str] = {}
    arg_stmt: dict[str, str] = {}  # argument key -> its statement id (no structure)
    final_id: dict[str, str] = {}  # argument key -> id of its last step
    for cls in model.statements.values():
        explicit = _explicit_id(cls.data, ids, (cls.line, cls.column))
        if explicit:
            stmt_id[cls.key] = explicit
    for arg in model.arguments.values():
        explicit = _explicit_id(arg.data, ids, (arg.line, arg.column))
        if explicit:
            (final_id if arg.steps else arg_stmt)[arg.key] = explicit
    for cls in model.statements.values():
        if cls.key not in stmt_id:
            base = cls.title if cls.title is not None else (cls.texts[0] if cls.texts else "s")
            stmt_id[cls.key] = ids.take(slugify(base))
    for arg in model.arguments.values():
        if arg.key in arg_stmt or arg.key in final_id:
            continue
        if arg.steps:
            base = arg.title or _conclusion_text(model, arg)
            final_id[arg.key] = ids.take(slugify(base))
        else:
            arg_stmt[arg.key] = ids.take(slugify(arg.title or "argument"))

    inferences: list[dict[str, object]] = []
    step_ids: dict[tuple[str, int], str] = {}
    for arg in model.arguments.values():
        last = len(arg.steps) - 1
        for index, step in enumerate(arg.steps):
            own = final_id[arg.key]
            inf_id = own if index == last else ids.take(f"{own}-step-{index + 1}")
            step_ids[(arg.key, index)] = inf_id
            premises = list(dict.fromkeys(stmt_id[p] for p in step.premises))
            conclusion = stmt_id[step.conclusion]
            if conclusion in premises:
                problems.append(
                    Problem(
                        step.line,
                        step.column,
                        f"the conclusion {_label(model, step.conclusion)} of this inference "
                        "is also one of its premises",
                    )
                )
                continue
            if not premises:
                problems.append(Problem(step.line, step.column, "this inference has no premises"))
                continue
            meta: dict[str, JsonValue] = {}
            record: dict[str, object] = {
                "id": inf_id,
                "relation": "support",
                "premises": tuple(premises),
                "target": conclusion,
            }
            if step.rules:
                meta["rules"] = list(step.rules)
            if step.data:
                meta["inference_data"] = dict(step.data)
            if index == last:
                _argument_meta(arg, meta, record)
            else:
                meta["argument"] = arg.title
                meta["step"] = index + 1
            if meta:
                record["metadata"] = {KEY: meta}
            record["_where"] = (step.line, step.column)
            inferences.append(record)

    def statement_of(ref: Ref) -> str:
        kind, key = ref
        if kind == "s":
            return stmt_id[key]
        arg = model.arguments[key]
        if arg.steps:
            return stmt_id[arg.steps[-1].conclusion]
        return arg_stmt[key]

    outgoing: dict[str, str] = {}  # statement id -> first inference it is a premise of
    for record in inferences:
        for p in record["premises"]:  # type: ignore[attr-defined]
            outgoing.setdefault(p, str(record["id"]))
    made: set[tuple[str, str, str]] = {
        (str(r["relation"]), p, str(r["target"]))
        for r in inferences
        for p in r["premises"]  # type: ignore[attr-defined]
    }
    undercuts: list[RelationFact] = []
    for fact in model.relations:
        if fact.relation == "undercut":
            undercuts.append(fact)
            continue
        source, target = statement_of(fact.source), statement_of(fact.target)
        relation: Relation = "support" if fact.relation in ("support", "entails") else "attack"
        pairs = [(source, target, False)]
        if fact.relation in ("contradictory", "contrary"):
            pairs.append((target, source, True))
        for premise, goal, mirror in pairs:
            implied = _implied_step(model, fact, premise, goal, final_id, inferences)
            if implied is not None:  # <A> +> [its own conclusion]: the last step says it
                implied.setdefault("metadata", {KEY: {}})[KEY]["relation_to_conclusion"] = True  # type: ignore[index]
                break
            if premise == goal:
                problems.append(
                    Problem(
                        fact.line,
                        fact.column,
                        f"this {fact.relation} relation relates "
                        f"{_label(model, fact.source[1], fact.source[0])} to itself",
                    )
                )
                break
            if (relation, premise, goal) in made:
                continue
            made.add((relation, premise, goal))
            meta = {}
            if fact.relation not in ("support", "attack"):
                meta["relation"] = fact.relation
            if mirror:
                meta["mirror"] = True
            _ends_meta(model, fact, meta, mirror)
            verb = "supports" if relation == "support" else "attacks"
            record = {
                "id": ids.take(f"{premise}-{verb}-{goal}"[:190]),
                "relation": relation,
                "premises": (premise,),
                "target": goal,
                "_where": (fact.line, fact.column),
            }
            if meta:
                record["metadata"] = {KEY: meta}
            inferences.append(record)
            outgoing.setdefault(premise, str(record["id"]))
    for fact in undercuts:
        source = statement_of(fact.source)
        kind, key = fact.target
        target_id: str | None
        if fact.step is not None:
            target_id = step_ids.get(fact.step)
        elif kind == "a" and model.arguments[key].steps:
            target_id = final_id[key]
        else:
            target_id = outgoing.get(statement_of(fact.target))
        meta = {}
        _ends_meta(model, fact, meta, False)
        if target_id is None:  # nothing to undercut: an attack on the statement
            goal = statement_of(fact.target)
            meta["relation"] = "undercut"
            record = {
                "id": ids.take(f"{source}-attacks-{goal}"[:190]),
                "relation": "attack",
                "premises": (source,),
                "target": goal,
            }
        else:
            record = {
                "id": ids.take(f"{source}-undercuts-{target_id}"[:190]),
                "relation": "undercut",
                "premises": (source,),
                "target": target_id,
            }
        if meta:
            record["metadata"] = {KEY: meta}
        record["_where"] = (fact.line, fact.column)
        inferences.append(record)
    if problems:
        return ArgumentMap()

    roles: dict[str, set[str]] = {}
    for record in inferences:
        for p in record["premises"]:  # type: ignore[attr-defined]
            roles.setdefault(p, set()).add(str(record["relation"]))

    title, description = _header(model)
    m = ArgumentMap(title, description=description)
    map_meta: dict[str, JsonValue] = {}
    if model.frontmatter is not None:
        map_meta["frontmatter"] = model.frontmatter
    if model.sections:
        map_meta["sections"] = list(model.sections)  # type: ignore[arg-type]
    if map_meta:
        m.metadata = {KEY: map_meta}
    for cls in model.statements.values():
        sid = stmt_id[cls.key]
        texts = list(dict.fromkeys(cls.texts))
        text = texts[0] if texts else (cls.title or "")
        meta = {}
        if len(texts) > 1:
            meta["texts"] = texts[1:]
        if cls.section is not None:
            meta["section"] = cls.section
        data = {k: v for k, v in cls.data.items() if k not in _STATEMENT_KEYS}
        if data:
            meta["data"] = data
        _add_statement(m, problems, cls.data, sid, text, cls.title, cls.tags, meta, roles, cls)
    for arg in model.arguments.values():
        if arg.steps:
            continue
        sid = arg_stmt[arg.key]
        texts = list(dict.fromkeys(arg.descriptions))
        meta = {"argument": True}
        if len(texts) > 1:
            meta["texts"] = texts[1:]
        if arg.section is not None:
            meta["section"] = arg.section
        data = {k: v for k, v in arg.data.items() if k not in _STATEMENT_KEYS}
        if data:
            meta["data"] = data
        text = texts[0] if texts else (arg.title or "")
        _add_statement(m, problems, arg.data, sid, text, arg.title, arg.tags, meta, roles, arg)
    models: list[Inference] = []
    where: dict[str, tuple[int, int]] = {}
    for record in inferences:
        where[str(record["id"])] = record.pop("_where")  # type: ignore[assignment]
        try:
            models.append(adapter(Inference).validate_python(record))
        except ValidationError as err:
            line, column = where[str(record["id"])]
            problems.append(Problem(line, column, describe_validation_error(err, indent="")))
    if problems:
        return m
    m.add_inferences(models, where="inference {id!r}")
    return m


def _add_statement(
    m: ArgumentMap,
    problems: list[Problem],
    data: dict[str, JsonValue],
    sid: str,
    text: str,
    title: str | None,
    tags: list[str],
    meta: dict[str, JsonValue],
    roles: dict[str, set[str]],
    origin: StatementClass | Argument,
) -> None:
    kind = data.get("kind")
    if kind is not None and kind not in _KINDS:
        problems.append(
            Problem(
                origin.line,
                origin.column,
                f"kind {kind!r} in the data block is not one of {', '.join(_KINDS)}",
            )
        )
        return
    fields: dict[str, object] = {
        "id": sid,
        "kind": kind or kind_from_roles(roles.get(sid, ())),
        "text": text,
        "tags": tuple(tags),
    }
    if title is not None:
        fields["title"] = title
    if data.get("note") is not None:
        fields["note"] = str(data["note"])
    if meta:
        fields["metadata"] = {KEY: meta}
    try:
        m.add_statement(adapter(Statement).validate_python(fields))
    except ValidationError as err:
        problems.append(
            Problem(origin.line, origin.column, describe_validation_error(err, indent=""))
        )


def _argument_meta(arg: Argument, meta: dict[str, JsonValue], record: dict[str, object]) -> None:
    meta["argument"] = arg.title  # None: an untitled premise-conclusion structure
    texts = list(dict.fromkeys(arg.descriptions))
    if texts:
        meta["description"] = texts[0]
        if len(texts) > 1:
            meta["texts"] = texts[1:]
    if arg.section is not None:
        meta["section"] = arg.section
    data = {k: v for k, v in arg.data.items() if k not in _ARGUMENT_KEYS}
    if data:
        meta["data"] = data
    tags = list(arg.tags)
    extra = arg.data.get("tags")
    if isinstance(extra, list):
        _add_tags(tags, [str(t) for t in extra])
    if tags:
        record["tags"] = tuple(tags)
    if arg.data.get("note") is not None:
        record["note"] = str(arg.data["note"])


def _ends_meta(model: Model, fact: RelationFact, meta: dict[str, JsonValue], mirror: bool) -> None:
    source, target = (fact.target, fact.source) if mirror else (fact.source, fact.target)
    if source[0] == "a" and model.arguments[source[1]].steps:
        meta["from_argument"] = model.arguments[source[1]].title
    if target[0] == "a" and model.arguments[target[1]].steps:
        meta["to_argument"] = model.arguments[target[1]].title


def _implied_step(
    model: Model,
    fact: RelationFact,
    premise: str,
    goal: str,
    final_id: dict[str, str],
    inferences: list[dict[str, object]],
) -> dict[str, object] | None:
    """The record of argument A's last step when ``fact`` is A supporting the very
    statement that step concludes (Argdown allows it; argmap's step already says it)."""
    if premise != goal or fact.relation != "support" or fact.source[0] != "a":
        return None
    inf_id = final_id.get(fact.source[1])
    for record in inferences:
        if record["id"] == inf_id and record["target"] == goal:
            return record
    return None


def _conclusion_text(model: Model, arg: Argument) -> str:
    cls = model.statements[arg.steps[-1].conclusion]
    return cls.title or (cls.texts[0] if cls.texts else "argument")


def _label(model: Model, key: str, kind: str = "s") -> str:
    if kind == "a":
        arg = model.arguments[key]
        return f"<{arg.title}>" if arg.title else "the untitled argument"
    cls = model.statements[key]
    return f"[{cls.title}]" if cls.title else repr(cls.texts[0] if cls.texts else "")


def _header(model: Model) -> tuple[str | None, str | None]:
    title: str | None = None
    description: str | None = None
    front = model.frontmatter
    if isinstance(front, dict):
        if isinstance(front.get("title"), str):
            title = str(front["title"])
        if isinstance(front.get("subTitle"), str):
            description = str(front["subTitle"])
    if title is None and model.sections:
        first = model.sections[0].get("title")
        title = first if isinstance(first, str) else None
    return title, description
