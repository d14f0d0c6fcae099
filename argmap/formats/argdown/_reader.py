"""Argdown syntax tree (:mod:`._ast`) -> :class:`~argmap.map.ArgumentMap`, by the table
in docs/formats/argdown.md (the module docs of :mod:`argmap.formats.argdown` sum it up).

The reader first collects what the text says in Argdown's own terms (statement
equivalence classes, arguments, relations between them), then builds the map from that
(:class:`Model`); the reader of Argdown's JSON export (:mod:`._json`) fills the same
:class:`Model`, so both give the same map for the same debate.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from typing import Any, Literal

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
from argmap.formats.argdown._names import unlinked
from argmap.map import ArgumentMap
from argmap.model import ID_PATTERN, Inference, Relation, Statement, adapter, slugify

__all__ = ["Model", "build", "from_document"]

KEY = "argdown"
ArgdownRelation = Literal["support", "attack", "undercut", "contradictory", "contrary", "entails"]
_ID = re.compile(ID_PATTERN)
_KINDS = ("claim", "premise", "counterpoint")
_STATEMENT_KEYS = ("id", "kind", "note", "untitled")
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
    # The statement keys numbered since the inference line above, where ``uses`` leaves
    # out one that the text numbered before (which argdown.dumps cannot place alone).
    numbered: list[str] | None = None


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
    strict: bool = False
    """Strict mode (``model: {mode: strict}``): a support or attack between two
    statements (an argument's outgoing relations start at its conclusion) is an
    ``entails`` or ``contrary`` relation."""
    in_text_order: bool = False
    """The map's inferences in the order their lines come in the text (a premise-
    conclusion structure's step at its inference line), as a text read gives them;
    False (the JSON export, which has no such order): steps, relations, undercuts."""
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
        self.model = Model(
            frontmatter=doc.frontmatter, strict=_strict(doc.frontmatter), in_text_order=True
        )
        self.section: str | None = None
        self.numbered: set[str] = set()  # the statements numbered so far, in any structure
        self.untitled = 0

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
        relation: ArgdownRelation
        if symbol in ("+", "<+", "+>"):
            relation = "support"  # "entails" in strict mode: decided by the builder
        elif symbol in ("-", "<-", "->"):
            relation = "attack"  # "contrary" in strict mode
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
        seen: set[str] = set()  # the statements of ``since`` numbered before their line
        pending: InferenceLine | None = None
        undercutters: list[tuple[Ref, int, int]] = []
        for item in pcs.items:
            if isinstance(item, PcsStatement):
                ref = self.element(item.element)
                known = ref[1] in self.numbered
                self.numbered.add(ref[1])
                numbers[item.number] = ref[1]
                if pending is None:
                    since.append(ref[1])
                    if known:
                        seen.add(ref[1])
                    continue
                premises = list(since)
                uses = (pending.data or {}).get("uses")
                numbered = None
                if uses is not None:
                    premises = self.uses(uses, numbers, pending)
                    # the conclusion above (since[0], after the first step) is not new
                    mine = since[1:] if arg.steps else since
                    if any(k in seen and k not in premises for k in mine):
                        numbered = mine
                step = Step(
                    premises,
                    ref[1],
                    pending.rules,
                    pending.data,
                    pending.line,
                    pending.column,
                    numbered,
                )
                arg.steps.append(step)
                for child, line, column in undercutters:
                    self.model.relate(
                        RelationFact(
                            "undercut",
                            child,
                            ("a", key),
                            line,
                            column,
                            step=(key, len(arg.steps) - 1),
                        )
                    )
                since = [ref[1]]
                seen = set()
                pending = None
            else:
                pending = item
                # Their elements come before the conclusion in the text: visit them now.
                undercutters = [(self.element(r.element), r.line, r.column) for r in item.relations]

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
    if not isinstance(value, str) or not _ID.fullmatch(value) or len(value) > 200:
        raise _RefusedError(
            where, f"the id {value!r} in the data block is not a valid argmap id ({ID_PATTERN})"
        )
    if value in ids.used:
        raise _RefusedError(where, f"the id {value!r} in the data block is used twice")
    ids.used.add(value)
    return value


class _RefusedError(Exception):
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
    except _RefusedError as err:
        problems.append(Problem(*err.where, err.message))
        raise ArgdownSyntaxError(problems) from None
    if problems:
        raise ArgdownSyntaxError(problems)
    return m


def _build(model: Model, problems: list[Problem]) -> ArgumentMap:
    return _Builder(model, problems).run()


_Record = dict[str, Any]
_RELATION_RANK = {"support": 0, "attack": 1, "rephrase": 2}


class _Builder:
    """Model -> map: ids first, then the inferences (steps, relations, undercuts), then
    the statements (whose kinds depend on the inferences)."""

    def __init__(self, model: Model, problems: list[Problem]) -> None:
        self.model = model
        self.problems = problems
        self.ids = _Ids()
        self.stmt_id: dict[str, str] = {}
        self.arg_stmt: dict[str, str] = {}  # argument key -> its statement id (no structure)
        self.final_id: dict[str, str] = {}  # argument key -> id of its last step
        self.step_ids: dict[tuple[str, int], str] = {}
        self.inferences: list[_Record] = []
        # statement id -> the supports, attacks and rephrases it is a premise of
        self.outgoing: dict[str, list[_Record]] = {}
        # (relation, premise, target) -> the inference made for it
        self.made: dict[tuple[str, str, str], _Record] = {}
        self._rank: dict[str, int] | None = None

    def run(self) -> ArgumentMap:
        self.assign_ids()
        for arg in self.model.arguments.values():
            self.steps(arg)
        for record in self.inferences:
            for p in record["premises"]:
                self.outgoing.setdefault(p, []).append(record)
                self.made[(str(record["relation"]), p, str(record["target"]))] = record
        undercuts = [f for f in self.model.relations if f.relation == "undercut"]
        for fact in self.model.relations:
            if fact.relation != "undercut":
                self.relation(fact)
        for fact in undercuts:
            self.undercut(fact)
        if self.problems:
            return ArgumentMap()
        return self.assemble()

    def assign_ids(self) -> None:
        model, ids = self.model, self.ids
        for cls in model.statements.values():
            explicit = _explicit_id(cls.data, ids, (cls.line, cls.column))
            if explicit:
                self.stmt_id[cls.key] = explicit
        for arg in model.arguments.values():
            explicit = _explicit_id(arg.data, ids, (arg.line, arg.column))
            if explicit:
                (self.final_id if arg.steps else self.arg_stmt)[arg.key] = explicit
        for cls in model.statements.values():
            if cls.key not in self.stmt_id:
                base = cls.title if cls.title is not None else unlinked((cls.texts or ["s"])[0])
                self.stmt_id[cls.key] = ids.take(slugify(base))
        for arg in model.arguments.values():
            if arg.key in self.arg_stmt or arg.key in self.final_id:
                continue
            if arg.steps:
                base = arg.title or _conclusion_text(model, arg)
                self.final_id[arg.key] = ids.take(slugify(base))
            else:
                self.arg_stmt[arg.key] = ids.take(slugify(arg.title or "argument"))

    def steps(self, arg: Argument) -> None:
        last = len(arg.steps) - 1
        for index, step in enumerate(arg.steps):
            own = self.final_id[arg.key]
            inf_id = own if index == last else self.ids.take(f"{own}-step-{index + 1}")
            self.step_ids[(arg.key, index)] = inf_id
            premises = list(dict.fromkeys(self.stmt_id[p] for p in step.premises))
            conclusion = self.stmt_id[step.conclusion]
            # (1) [A] -- {relation: attack} -- (2) [A]: a self-attack with an id, note,
            # tags or an undercut of its own, as argdown.dumps writes one.
            self_attack = premises == [conclusion] and (step.data or {}).get("relation") == "attack"
            if conclusion in premises and not self_attack:
                label = _label(self.model, step.conclusion)
                self.problem(
                    step.line,
                    step.column,
                    f"the conclusion {label} of this inference is also one of its premises",
                )
                continue
            if not premises:
                self.problem(step.line, step.column, "this inference has no premises")
                continue
            meta: dict[str, JsonValue] = {}
            data = dict(step.data or {})
            # Argdown reads every argument as a support; a linked attack and a rephrase,
            # which Argdown has no syntax for, are written (by argdown.dumps) as arguments
            # whose inference line says {relation: attack} or {relation: rephrase}.
            said = data.pop("relation", None)
            relation: Relation = (
                "attack" if said == "attack" else "rephrase" if said == "rephrase" else "support"
            )
            record: _Record = {
                "id": inf_id,
                "relation": relation,
                "premises": tuple(premises),
                "target": conclusion,
                "_where": (step.line, step.column),
            }
            if step.rules:
                meta["rules"] = list[JsonValue](step.rules)
            if data:
                meta["inference_data"] = data
            if step.numbered is not None:
                meta["numbered"] = [self.stmt_id[k] for k in step.numbered]
            if index == last:
                _argument_meta(arg, meta, record)
            else:
                meta["argument"] = arg.title
                meta["step"] = index + 1
            if meta:
                record["metadata"] = {**record.get("metadata", {}), KEY: meta}
            self.inferences.append(record)

    def problem(self, line: int, column: int, message: str) -> None:
        self.problems.append(Problem(line, column, message))

    def statement_of(self, ref: Ref) -> str:
        kind, key = ref
        if kind == "s":
            return self.stmt_id[key]
        arg = self.model.arguments[key]
        if arg.steps:
            return self.stmt_id[arg.steps[-1].conclusion]
        return self.arg_stmt[key]

    def relation(self, fact: RelationFact) -> None:
        if self.model.strict and fact.relation in ("support", "attack"):
            kind, key = fact.source
            from_statement = kind == "s" or bool(self.model.arguments[key].steps)
            if from_statement and fact.target[0] == "s":
                strict: ArgdownRelation = "entails" if fact.relation == "support" else "contrary"
                fact = dataclasses.replace(fact, relation=strict)
        source, target = self.statement_of(fact.source), self.statement_of(fact.target)
        relation: Relation = "support" if fact.relation in ("support", "entails") else "attack"
        pairs = [(source, target, False)]
        if fact.relation in ("contradictory", "contrary"):
            pairs.append((target, source, True))
        for premise, goal, mirror in pairs:
            implied = self.implied_step(fact, premise, goal)
            if implied is not None:  # <A> +> [its own conclusion]: the last step says it
                implied.setdefault("metadata", {}).setdefault(KEY, {})
                implied["metadata"][KEY]["relation_to_conclusion"] = True
                return
            # [A] - [A] is a statement attacking itself, as the Argdown CLI reads it.
            self_attack = fact.relation == "attack" and fact.source[0] == fact.target[0] == "s"
            if premise == goal and not self_attack:
                label = _label(self.model, fact.source[1], fact.source[0])
                self.problem(
                    fact.line,
                    fact.column,
                    f"this {fact.relation} relation relates {label} to itself",
                )
                return
            meta: dict[str, JsonValue] = {}
            if fact.relation not in ("support", "attack"):
                meta["relation"] = fact.relation
            if mirror:
                meta["mirror"] = True
            _ends_meta(self.model, fact, meta, mirror)
            verb = "supports" if relation == "support" else "attacks"
            self.add(fact, meta, relation, premise, goal, verb)

    def add(
        self,
        fact: RelationFact,
        meta: dict[str, JsonValue],
        relation: Relation,
        premise: str,
        goal: str,
        verb: str,
    ) -> None:
        triple = (relation, premise, goal)
        found = self.made.get(triple)
        if found is not None:  # one argmap inference for several Argdown relations
            own = found.setdefault("metadata", {}).setdefault(KEY, {})
            said = own.get("relation", found["relation"])
            if fact.relation != said and fact.relation not in own.get("also", []):
                own["also"] = [*own.get("also", []), fact.relation]
            return
        record: _Record = {
            "id": self.ids.take(f"{premise}-{verb}-{goal}"[:190]),
            "relation": relation,
            "premises": (premise,),
            "target": goal,
            "_where": (fact.line, fact.column),
        }
        if meta:
            record["metadata"] = {KEY: meta}
        self.inferences.append(record)
        self.made[triple] = record
        # argmap has no undercut of an undercut; nor does an undercut that became an
        # attack take undercuts (which would depend on the order undercuts are read in)
        if relation != "undercut" and fact.relation != "undercut":
            self.outgoing.setdefault(premise, []).append(record)

    def implied_step(self, fact: RelationFact, premise: str, goal: str) -> _Record | None:
        """The record of argument A's last step when ``fact`` is A supporting the very
        statement that step concludes (Argdown allows it and leaves it out of its
        relations; argmap's step already says it)."""
        if premise != goal or fact.relation != "support" or fact.source[0] != "a":
            return None
        inf_id = self.final_id.get(fact.source[1])
        for record in self.inferences:
            if record["id"] == inf_id and record["target"] == goal:
                return record
        return None

    def undercut(self, fact: RelationFact) -> None:
        source = self.statement_of(fact.source)
        kind, key = fact.target
        target_id: str | None
        if fact.step is not None:
            target_id = self.step_ids.get(fact.step)
        elif kind == "a" and self.model.arguments[key].steps:
            target_id = self.final_id[key]
        else:
            target_id = self.aimed_at(self.statement_of(fact.target))
        meta: dict[str, JsonValue] = {}
        _ends_meta(self.model, fact, meta, False)
        if target_id is not None:  # the inference undercut names its argument already
            meta.pop("to_argument", None)
        if target_id is None:  # nothing to undercut: an attack on the statement
            meta["relation"] = "undercut"
            self.add(fact, meta, "attack", source, self.statement_of(fact.target), "attacks")
        else:
            self.add(fact, meta, "undercut", source, target_id, "undercuts")

    def aimed_at(self, sid: str) -> str | None:
        """The inference an undercut of the argument without a structure (or statement)
        ``sid`` aims at: of the inferences ``sid`` is a premise of, the one whose target
        comes first in the map's statement order (then a support before an attack before
        a rephrase, one premise before several, then by id). The rule does not depend on
        the order relations are read in, so the reader of Argdown's JSON export (which
        has the CLI's order) and the writer agree with it."""
        candidates = self.outgoing.get(sid)
        if not candidates:
            return None
        rank = self.statement_rank()
        best = min(
            candidates,
            key=lambda r: (
                rank[str(r["target"])],
                _RELATION_RANK[str(r["relation"])],
                len(r["premises"]),
                str(r["id"]),
            ),
        )
        return str(best["id"])

    def statement_rank(self) -> dict[str, int]:
        """Each statement id's place in the map (statements, then arguments without a
        structure, as :meth:`assemble` adds them)."""
        if self._rank is None:
            ids = [self.stmt_id[cls.key] for cls in self.model.statements.values()]
            ids += [self.arg_stmt[a.key] for a in self.model.arguments.values() if not a.steps]
            self._rank = {sid: n for n, sid in enumerate(ids)}
        return self._rank

    def assemble(self) -> ArgumentMap:
        model = self.model
        roles: dict[str, set[str]] = {}
        for record in self.inferences:
            for p in record["premises"]:
                roles.setdefault(p, set()).add(str(record["relation"]))
        title, description = _header(model)
        m = ArgumentMap(title, description=description)
        map_meta: dict[str, JsonValue] = {}
        front = model.frontmatter
        own = _own_metadata(front) if isinstance(front, dict) else None
        if own is not None and isinstance(front, dict):  # as argmap's writer puts it
            front = {k: v for k, v in front.items() if k != "metadata"} or None
        if isinstance(front, dict):  # the map's title and description say these again
            said = {"title": title, "subTitle": description}
            front = {k: v for k, v in front.items() if k not in said or v != said[k]} or None
        if front is not None:
            map_meta["frontmatter"] = front
        if model.sections:
            map_meta["sections"] = list[JsonValue](model.sections)
        if own is not None or map_meta:
            m.metadata = {**(own or {}), **({KEY: map_meta} if map_meta else {})}
        for cls in model.statements.values():
            meta = _member_meta(cls.texts, cls.section, cls.data)
            _add_statement(m, self.problems, cls, self.stmt_id[cls.key], cls.texts, meta, roles)
        for arg in model.arguments.values():
            if not arg.steps:
                meta = {"argument": True, **_member_meta(arg.descriptions, arg.section, arg.data)}
                sid = self.arg_stmt[arg.key]
                _add_statement(m, self.problems, arg, sid, arg.descriptions, meta, roles)
        models: list[Inference] = []
        if model.in_text_order:  # stable: a contradictory pair keeps its order
            self.inferences.sort(key=lambda record: record["_where"])
        for record in self.inferences:
            line, column = record.pop("_where")
            try:
                models.append(adapter(Inference).validate_python(record))
            except ValidationError as err:
                self.problem(line, column, describe_validation_error(err, indent=""))
        if not self.problems:
            m.add_inferences(models, where="inference {id!r}")
        return m


def _own_metadata(data: dict[str, JsonValue]) -> dict[str, JsonValue] | None:
    """The element's own metadata that argmap's writer puts in a data block as
    ``metadata: {...}`` (a mapping without the ``argdown`` key), or None."""
    own = data.get("metadata")
    return dict(own) if isinstance(own, dict) and KEY not in own else None


def _member_meta(
    texts: list[str], section: str | None, data: dict[str, JsonValue]
) -> dict[str, JsonValue]:
    meta: dict[str, JsonValue] = {}
    distinct = list(dict.fromkeys(texts))
    if len(distinct) > 1:
        meta["texts"] = list[JsonValue](distinct[1:])
    if section is not None:
        meta["section"] = section
    rest = {k: v for k, v in data.items() if k not in _STATEMENT_KEYS}
    if _own_metadata(data) is not None:
        del rest["metadata"]
    if rest:
        meta["data"] = rest
    return meta


def _add_statement(
    m: ArgumentMap,
    problems: list[Problem],
    origin: StatementClass | Argument,
    sid: str,
    texts: list[str],
    meta: dict[str, JsonValue],
    roles: dict[str, set[str]],
) -> None:
    data = origin.data
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
        "text": texts[0] if texts else (origin.title or ""),
        "tags": tuple(origin.tags),
    }
    # {untitled: true}: argmap's writer had to name an untitled statement to refer to it
    if origin.title is not None and data.get("untitled") is not True:
        fields["title"] = origin.title
    if data.get("note") is not None:
        fields["note"] = str(data["note"])
    own = _own_metadata(data)
    if own is not None or meta:
        fields["metadata"] = {**(own or {}), **({KEY: meta} if meta else {})}
    try:
        m.add_statement(adapter(Statement).validate_python(fields))
    except ValidationError as err:
        problems.append(
            Problem(origin.line, origin.column, describe_validation_error(err, indent=""))
        )


def _argument_meta(arg: Argument, meta: dict[str, JsonValue], record: dict[str, Any]) -> None:
    inf_id = str(record["id"])
    # The title argmap's writer gives an argument from its id is not noted (so that a
    # map made in Python comes back equal); None: an untitled structure.
    derived = (inf_id, f"Argument {inf_id}" if inf_id.startswith("_") else inf_id)
    if arg.title not in derived:
        meta["argument"] = arg.title
    texts = list(dict.fromkeys(arg.descriptions))
    if texts:
        meta["description"] = texts[0]
        if len(texts) > 1:
            meta["texts"] = list[JsonValue](texts[1:])
    if arg.section is not None:
        meta["section"] = arg.section
    data = {k: v for k, v in arg.data.items() if k not in _ARGUMENT_KEYS}
    own = _own_metadata(arg.data)
    if own is not None:
        del data["metadata"]
        record["metadata"] = own
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


def _conclusion_text(model: Model, arg: Argument) -> str:
    cls = model.statements[arg.steps[-1].conclusion]
    return cls.title or (unlinked(cls.texts[0]) if cls.texts else "argument")


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
