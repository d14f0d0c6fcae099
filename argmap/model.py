"""The data model: statements and the inferences that relate them.

An argument map has two kinds of element:

* :class:`Statement` -- something asserted: a *claim* (a conclusion the text argues
  for), a *premise* (a reason given for something) or a *counterpoint* (an objection).
* :class:`Inference` -- one step of reasoning from one or more statements (its
  *premises*) to a *target*. Its ``relation`` says what the step does:

  - ``"support"``: the premises give a reason to accept the target statement;
  - ``"attack"`` (a rebuttal): the premises give a reason to reject the target statement;
  - ``"undercut"``: the premises deny that another *inference* goes through; the
    target is that inference's id, not a statement;
  - ``"rephrase"``: the one premise restates the target statement in other words (AIF's
    MA nodes): it gives no reason for or against it. A rephrase has exactly one premise,
    its target is a statement, and it cannot be undercut.

Premises of one inference are *linked*: they support (or attack) only jointly.
*Convergent* reasons are separate inferences with one premise each. Making the
inference an element of its own (as AIF does with RA and CA nodes) is what lets a map
tell linked from convergent premises and aim an undercut at a step of reasoning.

All models are frozen, slotted pydantic dataclasses: validated when made (also by
``dataclasses.replace``), immutable after. :func:`adapter` validates and dumps plain
data. Change a map through :class:`argmap.ArgumentMap`, which keeps its graph consistent.
"""

from __future__ import annotations

import dataclasses
import hashlib
import math
import re
import unicodedata
from collections.abc import Callable
from typing import Annotated, Any, Literal, TypeVar

from pydantic import AfterValidator, ConfigDict, Field, JsonValue, TypeAdapter, model_validator
from pydantic.dataclasses import dataclass

from argmap.errors import with_article

__all__ = [
    "ID_PATTERN",
    "Id",
    "Inference",
    "Quote",
    "Relation",
    "Source",
    "Statement",
    "StatementKind",
    "adapter",
    "as_dict",
    "json_problem",
    "slugify",
    "text_sha256",
]

ID_PATTERN = r"^[A-Za-z0-9_][A-Za-z0-9_.\-]*$"
"""Ids are ASCII letters, digits, ``_``, ``.`` and ``-`` (not first): safe as DOT,
Mermaid, HTML and file names without quoting surprises."""

StatementKind = Literal["claim", "premise", "counterpoint"]
Relation = Literal["support", "attack", "undercut", "rephrase"]


def _unicode(value: str) -> str:
    """Refuse lone surrogates: such text cannot be written as UTF-8 (JSON, DOT, HTML)."""
    if value.isascii():  # a flag of the string: no encoding needed to know
        return value
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as err:
        raise ValueError(
            f"is not valid Unicode text (a lone surrogate at position {err.start})"
        ) from None
    return value


def _not_blank(value: str) -> str:
    if not value or value.isspace():
        raise ValueError("must not be empty or only whitespace")
    return value if value.isascii() else _unicode(value)


def json_problem(value: object) -> tuple[str, str] | None:
    """The first part of ``value`` that would not come back from JSON unchanged, as
    ``(path, problem)`` with a path such as ``"['page'][0]"`` (``""`` for ``value``
    itself), or None when it all would: NaN or infinite numbers (JSON has none; they
    come back as null), lone surrogates, keys that are not strings, tuples, sets and
    other non-JSON objects.

    >>> json_problem({"pages": [1, float("nan")]})
    ("['pages'][1]", 'nan cannot be written as JSON; use a string or null')
    >>> json_problem({"ok": [1, "two", None]}) is None
    True
    """
    stack: list[tuple[str, object]] = [("", value)]
    while stack:
        path, item = stack.pop()
        if isinstance(item, float):
            if not math.isfinite(item):
                return path, f"{item!r} cannot be written as JSON; use a string or null"
        elif isinstance(item, str):
            try:
                _unicode(item)
            except ValueError as err:
                return path, str(err)
        elif isinstance(item, dict):
            for key, inner in reversed(item.items()):
                if not isinstance(key, str):
                    return path, f"has the key {key!r}; JSON keys are strings"
                try:
                    _unicode(key)
                except ValueError:
                    return path, f"has the key {key!r}, which has a lone surrogate"
                stack.append((f"{path}[{key!r}]", inner))
        elif isinstance(item, list):
            stack.extend((f"{path}[{i}]", v) for i, v in reversed(list(enumerate(item))))
        elif item is not None and not isinstance(item, (bool, int)):
            return path, (
                f"{with_article(type(item).__name__)} is not JSON; use null, "
                "true/false, a number, a string, a list or a dict"
            )
    return None


def _json_safe(value: dict[str, JsonValue]) -> dict[str, JsonValue]:
    """Metadata must survive a JSON round trip unchanged (see :func:`json_problem`)."""
    found = json_problem(value)
    if found is not None:
        path, problem = found
        raise ValueError(f"{problem} (at {path})" if path else problem)
    return value


Id = Annotated[
    str,
    Field(
        pattern=ID_PATTERN,
        max_length=200,
        description="Stable identifier, unique within a map: ASCII letters, digits, "
        "'_', '.' and '-' (not first).",
        examples=["main", "p1", "capacity-expanded"],
    ),
]
_NON_BLANK = {"pattern": r"\S"}  # documents _not_blank in the JSON Schema
Text = Annotated[str, AfterValidator(_not_blank), Field(json_schema_extra=_NON_BLANK)]
Tag = Annotated[str, AfterValidator(_not_blank), Field(json_schema_extra=_NON_BLANK)]

Str = Annotated[str, AfterValidator(_unicode)]
"""Any text field: valid Unicode (no lone surrogates), so it can always be written."""
_Note = Annotated[Str | None, Field(description="Free-text annotation, not part of the argument.")]
_Tags = Annotated[tuple[Tag, ...], Field(description="Labels for grouping and filtering.")]
Metadata = Annotated[
    dict[str, JsonValue],
    AfterValidator(_json_safe),
    Field(description="Free JSON metadata, kept as is through JSON round trips."),
]

# Every model is a frozen, slotted pydantic dataclass (required fields first). Slotted
# instances are one small object each, with no ``__dict__`` and no fields-set beside them:
# a 100k-statement map holds a third fewer objects for the garbage collector to scan than
# with pydantic BaseModel instances, and builds about 1.4x faster (benchmarks/README.md).
_CONFIG = ConfigDict(extra="forbid", validate_default=False)


def _hash_of_text(data: dict[str, object]) -> str:
    text = data.get("text")
    return text_sha256(text) if isinstance(text, str) else ""


def text_sha256(text: str) -> str:
    """The SHA-256 hex digest of ``text`` encoded as UTF-8: a :class:`Source`'s hash.

    >>> text_sha256("abc")[:16]
    'ba7816bf8f01cfea'
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True, config=_CONFIG)
class Source:
    """A text the map's statements quote: an article, a speech, a report.

    ``sha256`` is computed from ``text`` when not given; a given one must match it, so a
    file whose source text was edited by hand is caught on loading.

    Examples
    --------
    >>> s = Source(id="article", text="Tax sugar. It saves lives.", title="Sugar")
    >>> s.sha256[:12]
    'e52aaf55ce83'
    """

    id: Id
    text: Text = Field(description="The full text; quote spans index into it.")
    title: Str | None = Field(default=None, description="The source's title or headline.")
    author: Str | None = Field(default=None, description="Who wrote or said it.")
    date: Str | None = Field(
        default=None, description="When it was published, preferably ISO 8601 (2025-06-05)."
    )
    url: Str | None = Field(default=None, description="Where it was published.")
    sha256: str = Field(
        default_factory=_hash_of_text,
        pattern=r"^[0-9a-f]{64}$",
        description="SHA-256 hex digest of the UTF-8 text; computed when left out.",
    )
    note: _Note = None
    metadata: Metadata = Field(default_factory=dict)

    @model_validator(mode="after")
    def _check_hash(self) -> Source:
        expected = text_sha256(self.text)
        if self.sha256 != expected:
            raise ValueError(
                f"source {self.id!r}: sha256 {self.sha256[:12]}... does not match its text "
                f"(the text hashes to {expected[:12]}...): was the text edited?"
            )
        return self

    def __hash__(self) -> int:
        # By id, which equal models share: the metadata dict makes the fields unhashable.
        return hash((type(self).__name__, self.id))


@dataclass(frozen=True, slots=True, config=_CONFIG)
class Quote:
    """The words of a source that a statement stands for: ``text == source.text[start:end]``.

    Offsets count Unicode code points (Python string indices). With ``paraphrase=True``
    the statement's text rewords the quote, which is the evidence for it. Build quotes
    with :meth:`argmap.ArgumentMap.quote`, which finds the span from the text alone.

    Examples
    --------
    >>> Quote(source="article", start=11, end=25, text="It saves lives")
    Quote(source='article', start=11, end=25, text='It saves lives', paraphrase=False)
    """

    source: Id = Field(description="Id of the quoted source in the map.")
    start: int = Field(ge=0, description="Offset of the first quoted character.")
    end: int = Field(ge=1, description="Offset just past the last quoted character.")
    text: Text = Field(description="The quoted words, exactly as in the source.")
    paraphrase: bool = Field(
        default=False, description="True when the statement rewords the quote."
    )

    @model_validator(mode="after")
    def _check_span(self) -> Quote:
        if self.end - self.start != len(self.text):
            raise ValueError(
                f"span {self.start}:{self.end} is {self.end - self.start} characters long "
                f"but the quoted text has {len(self.text)}"
            )
        return self


@dataclass(frozen=True, slots=True, config=_CONFIG)
class Statement:
    """A claim, premise or counterpoint.

    Examples
    --------
    >>> Statement(id="main", kind="claim", text="NATO out-produces Russia")
    Statement(id='main', kind='claim', text='NATO out-produces Russia', title=None, note=None, tags=(), metadata={}, quotes=())
    """  # noqa: E501

    id: Id
    kind: StatementKind = Field(description="What role the statement plays in the map.")
    text: Text = Field(description="The statement itself, as a full sentence.")
    title: Str | None = Field(default=None, description="Optional short title for labels.")
    note: _Note = None
    tags: _Tags = ()
    metadata: Metadata = Field(default_factory=dict)
    quotes: tuple[Quote, ...] = Field(
        default=(), description="Where the statement is found in the map's sources."
    )

    def __hash__(self) -> int:
        # By id, which equal models share: the metadata dict makes the fields unhashable.
        return hash((type(self).__name__, self.id))


@dataclass(frozen=True, slots=True, config=_CONFIG)
class Inference:
    """One step of reasoning: ``premises`` jointly support, attack or undercut ``target``,
    or one premise rephrases it.

    A single premise is the common case. Several premises are *linked*: the step needs
    all of them. For ``relation="undercut"`` the target is the id of another inference.
    A ``relation="rephrase"`` has exactly one premise, which restates the target.
    Only an attack with a single premise may have that premise as its target (a
    self-attack, as in Dung frameworks); no other step lists its target as a premise.

    Examples
    --------
    >>> Inference(id="s1", relation="support", premises=("p1", "p2"), target="c").linked
    True
    """

    id: Id
    relation: Relation = Field(description="support, attack (rebut), undercut or rephrase.")
    premises: tuple[Id, ...] = Field(
        min_length=1, description="Statement ids that jointly make this step (linked if >1)."
    )
    target: Id = Field(
        description="The statement supported or attacked, or the inference undercut."
    )
    note: _Note = None
    tags: _Tags = ()
    metadata: Metadata = Field(default_factory=dict)

    @model_validator(mode="after")
    def _check_shape(self) -> Inference:
        premises = self.premises
        if len(premises) == 1 and premises[0] != self.target:
            return self  # the common case, checked without building a set
        if self.relation == "rephrase" and len(premises) != 1:
            raise ValueError(
                f"a rephrase has exactly one premise (the statement that restates the "
                f"target), not {len(premises)}"
            )
        seen: set[str] = set()
        for p in self.premises:
            if p in seen:
                raise ValueError(f"premise {p!r} is listed twice")
            seen.add(p)
        if self.target in seen and not (self.relation == "attack" and len(premises) == 1):
            # An argument attacking itself is allowed (common in Dung frameworks); a
            # self-support, a self-rephrase or a linked step containing its target is not.
            raise ValueError(f"{self.target!r} cannot be both a premise and the target")
        return self

    @property
    def linked(self) -> bool:
        """True when two or more premises only jointly make this step."""
        return len(self.premises) > 1

    def __hash__(self) -> int:
        # By id, which equal models share: the metadata dict makes the fields unhashable.
        return hash((type(self).__name__, self.id))


# Building a map one call at a time makes many models whose values the map has just
# checked (ids it looked up or derived, a kind or relation of its own): for those it
# skips pydantic's argument handling, which costs more than the checks themselves. A
# value these quick checks are not sure of goes through full validation, so every error
# is still pydantic's own. tests/test_model.py compares both ways of making each model.
_is_id = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.\-]*").fullmatch  # ID_PATTERN, \Z at the end
_make = object.__new__


def is_valid_id(value: object) -> bool:
    """True when ``value`` is a ``str`` that :data:`Id` accepts unchanged.

    >>> is_valid_id("p-1.a"), is_valid_id("-p"), is_valid_id("p\\n")
    (True, False, False)
    """
    return type(value) is str and len(value) <= 200 and _is_id(value) is not None


def quick_statement(id: object, kind: StatementKind, text: object) -> Statement | None:
    """``Statement(id=id, kind=kind, text=text)`` when ``id`` and ``text`` are plain valid
    strings (``kind`` is the caller's own literal); None when full validation must decide."""
    if (  # is_valid_id(id), inline
        type(text) is not str
        or not text
        or text.isspace()
        or not (text.isascii() or _is_unicode(text))
        or type(id) is not str
        or len(id) > 200
        or _is_id(id) is None
    ):
        return None
    statement: Statement = _make(Statement)
    set_id, set_kind, set_text, set_title, set_note, set_tags, set_metadata, set_quotes = (
        _STATEMENT_SLOTS
    )
    set_id(statement, id)
    set_kind(statement, kind)
    set_text(statement, text)
    set_title(statement, None)
    set_note(statement, None)
    set_tags(statement, ())
    set_metadata(statement, {})
    set_quotes(statement, ())
    return statement


def quick_inference(id: str, relation: Relation, premise: str, target: str) -> Inference | None:
    """``Inference(id=id, relation=relation, premises=(premise,), target=target)`` when
    the three ids are plain valid strings and ``premise`` is not ``target`` (``relation``
    is the caller's own literal); None when full validation must decide."""
    if (  # is_valid_id of each, inline
        premise == target
        or type(id) is not str
        or type(premise) is not str
        or type(target) is not str
        or len(id) > 200
        or len(premise) > 200
        or len(target) > 200
        or _is_id(id) is None
        or _is_id(premise) is None
        or _is_id(target) is None
    ):
        return None
    inference: Inference = _make(Inference)
    set_id, set_relation, set_premises, set_target, set_note, set_tags, set_metadata = (
        _INFERENCE_SLOTS
    )
    set_id(inference, id)
    set_relation(inference, relation)
    set_premises(inference, (premise,))
    set_target(inference, target)
    set_note(inference, None)
    set_tags(inference, ())
    set_metadata(inference, {})
    return inference


def _slot_setters(model: type) -> tuple[Callable[[object, object], None], ...]:
    """The ``__set__`` of each field's slot, in field order: how a frozen model's own
    validation sets its fields (``object.__setattr__``), minus looking up the name."""
    return tuple(vars(model)[f.name].__set__ for f in dataclasses.fields(model))


_STATEMENT_SLOTS = _slot_setters(Statement)
_INFERENCE_SLOTS = _slot_setters(Inference)


def _is_unicode(text: str) -> bool:
    try:
        _unicode(text)
    except ValueError:
        return False
    return True


_WORD = re.compile(r"[a-z0-9]+")


def slugify(text: str, *, max_words: int = 5, max_length: int = 40) -> str:
    """Derive a readable id from ``text``: its first words, lower-case, hyphenated.

    Examples
    --------
    >>> slugify("NATO now out-produces Russia in ammunition production")
    'nato-now-out-produces-russia'
    >>> slugify("¿Qué?")
    'que'
    >>> slugify("!!!")
    's'
    >>> slugify("Defence production capacity expanded across NATO countries")
    'defence-production-capacity-expanded'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words: list[str] = []
    for word in _WORD.findall(ascii_text)[:max_words]:
        if words and len("-".join([*words, word])) > max_length:
            break
        words.append(word[:max_length])
    return "-".join(words) or "s"


_M = TypeVar("_M")
_ADAPTERS: dict[type, TypeAdapter[Any]] = {}


def adapter(model: type[_M]) -> TypeAdapter[_M]:
    """The pydantic :class:`~pydantic.TypeAdapter` of a model class, made once.

    The models are pydantic dataclasses, so validating a plain dict, dumping to one and
    the JSON Schema go through an adapter (a ``BaseModel`` has them as methods):

    >>> s = adapter(Statement).validate_python({"id": "c", "kind": "claim", "text": "Hi"})
    >>> s
    Statement(id='c', kind='claim', text='Hi', title=None, note=None, tags=(), metadata={}, quotes=())
    >>> adapter(Statement).dump_python(s, exclude_defaults=True)
    {'id': 'c', 'kind': 'claim', 'text': 'Hi'}
    """  # noqa: E501
    found = _ADAPTERS.get(model)
    if found is None:
        found = _ADAPTERS[model] = TypeAdapter(model)
    return found


def as_dict(model: Statement | Inference | Source | Quote, **options: Any) -> dict[str, Any]:
    """``model`` as a plain dict (``options`` as for ``TypeAdapter.dump_python``, e.g.
    ``mode="json", exclude_defaults=True``)."""
    data: dict[str, Any] = adapter(type(model)).dump_python(model, **options)
    return data
