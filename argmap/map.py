"""ArgumentMap: builds and owns the networkx graph of a map.

The graph (:attr:`ArgumentMap.graph`) is a :class:`networkx.DiGraph` with one node per
statement and one node per inference:

* a statement node has attributes ``kind`` (``"claim"``, ``"premise"`` or
  ``"counterpoint"``) and ``model`` (the :class:`~argmap.model.Statement`);
* an inference node has ``kind="inference"``, ``relation`` and ``model`` (the
  :class:`~argmap.model.Inference`);
* edges run premise -> inference (``role="premise"``) and inference -> target
  (``role="target"``), both with the inference's ``relation``.
* the graph's own attributes (``graph.graph``) hold the map's ``title``,
  ``description``, ``metadata`` and ``sources`` (a dict of
  :class:`~argmap.model.Source` by id), so ``ArgumentMap.from_networkx(m.graph) == m``.
  (networkx copies these attributes shallowly: a ``m.graph.copy()`` shares the metadata
  and sources dicts; ``copy.deepcopy(m)`` is an independent snapshot.)

So every networkx algorithm works on it directly: ``nx.ancestors(m.graph, "main")`` is
everything that bears on the main claim. The graph is live: read it freely, but change
the map through its methods (or rebuild it with :meth:`ArgumentMap.from_networkx`) so
that it stays valid.
"""

from __future__ import annotations

import copy
import dataclasses
import warnings
from collections import deque
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence, Set
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeAlias, TypeVar

import networkx as nx
from pydantic import JsonValue, TypeAdapter, ValidationError

from argmap._integrity import bad_header, checked_elements
from argmap._io import shorten
from argmap.elements import InferencesView, SourcesView, StatementsView, close_matches
from argmap.errors import (
    ArgmapError,
    ArgumentTypeError,
    DuplicateIdError,
    InvalidRelationError,
    NodeNotFoundError,
    OptionError,
    SelfLoopError,
    describe_validation_error,
    with_article,
)
from argmap.model import (
    Inference,
    Metadata,
    Quote,
    Relation,
    Source,
    Statement,
    StatementKind,
    Str,
    adapter,
    as_dict,
    quick_inference,
    quick_statement,
    slugify,
)
from argmap.sources import (
    QuoteError,
    QuoteMismatchError,
    QuoteNormalizedWarning,
    check_quote,
    find_span,
)

if TYPE_CHECKING:
    import graphviz
    from typing_extensions import Unpack

    from argmap.analysis.coverage import Coverage
    from argmap.analysis.lint import LintIssue
    from argmap.render.options import DrawOptions, MermaidOptions, RenderOptions
    from argmap.views import MapView

__all__ = ["ArgumentMap", "Ref"]

Ref: TypeAlias = "Statement | Inference | str"
"""A reference to a map element: the model itself or its id."""

_INFERENCE = "inference"
_VERB = {
    "support": "supports",
    "attack": "attacks",
    "undercut": "undercuts",
    "rephrase": "rephrases",
}
# Validating a dict with the adapter's validator is half the cost of calling the dataclass
# (Statement(**fields) packs the arguments first): it matters when building one by one.
_STATEMENT = adapter(Statement)
_INFERENCE_MODEL = adapter(Inference)


def _ref_id(ref: Ref, param: str = "ref") -> str:
    """The id of one reference; anything else is a TypeError naming ``param``."""
    if isinstance(ref, str):
        return ref
    if isinstance(ref, (Statement, Inference)):
        return ref.id
    several = ""
    if isinstance(ref, (list, tuple, Set)):
        shown = [r.id if isinstance(r, (Statement, Inference)) else r for r in ref]
        shown_text = shorten(repr(shown), 60)
        several = f" ({shown_text}): give one, and relate the others with further calls"
    raise ArgumentTypeError(
        f"{param} takes one statement or inference (or its id), "
        f"not {with_article(type(ref).__name__)}{several}"
    )


def _as_list(refs: Ref | Sequence[Ref], param: str = "premises") -> list[str]:
    """The ids of one reference or of an ordered collection of them (list, tuple)."""
    if isinstance(refs, str):
        return [refs]
    if type(refs) is list or type(refs) is tuple:  # the usual case, without ABC checks
        return [r if type(r) is str else _ref_id(r, f"each of {param}") for r in refs]
    if isinstance(refs, (Statement, Inference)):
        return [refs.id]
    if isinstance(refs, Set) or not isinstance(refs, Iterable):
        unordered = " (a set has no order, and linked premises keep theirs)"
        raise ArgumentTypeError(
            f"{param} takes a statement (or its id) or a list of them, "
            f"not {with_article(type(refs).__name__)}{unordered if isinstance(refs, Set) else ''}"
        )
    return [_ref_id(r, f"each of {param}") for r in refs]


def _strings(values: str | Iterable[str], param: str = "tags") -> tuple[str, ...]:
    """``values`` as a tuple: one string is one item (``"economy"`` is
    ``("economy",)``, not its letters), a set is sorted (so that output is stable) and
    any other iterable keeps its order."""
    if isinstance(values, str):
        return (values,)
    if not isinstance(values, Iterable):
        what = with_article(type(values).__name__)
        raise ArgumentTypeError(f"{param} takes a string or a list of strings, not {what}")
    if isinstance(values, Set):
        # Sorted by text, so a non-string item reaches the model's validation, which
        # names it, instead of failing the comparison here.
        return tuple(sorted(values, key=str))
    return tuple(values)


class ArgumentMap:
    """An argument map: statements, the inferences between them, and their graph.

    Parameters
    ----------
    title : str, optional
        What the map is about, e.g. the article's headline.
    description : str, optional
        A longer description.
    metadata : dict, optional
        Free JSON metadata, kept through JSON round trips.

    Notes
    -----
    What the map holds is a property; what is computed, or takes arguments, is a
    method. :attr:`statements`, :attr:`inferences` and :attr:`sources` are live views
    (sized, re-iterable, indexable by id or position, callable for a list; see
    :mod:`argmap.elements`); :meth:`main_conclusions`, :meth:`reasons`,
    :meth:`objections`, :meth:`uses` and the other queries are methods returning a
    new list. ``print(m)`` shows the map as an outline (:meth:`outline`).

    Examples
    --------
    >>> import argmap as am
    >>> m = am.ArgumentMap(title="Ammunition")
    >>> c = m.claim("NATO now out-produces Russia in ammunition", id="main")
    >>> p = m.premise("Production capacity expanded across NATO", supports=c)
    >>> k = m.counterpoint("Production is not battlefield change", attacks=c)
    >>> [s.id for s in m.main_conclusions()]
    ['main']
    >>> [i.premises for i in m.reasons("main")]
    [('production-capacity-expanded-across-nato',)]
    """

    def __init__(
        self,
        title: str | None = None,
        *,
        description: str | None = None,
        metadata: Mapping[str, JsonValue] | None = None,
    ) -> None:
        self._graph: nx.DiGraph = nx.DiGraph()
        # networkx's own node-attribute dict: the same data as graph.nodes, without the
        # view's overhead on the hot paths of building a map.
        self._nodes: dict[str, dict[str, Any]] = self._graph._node
        self._next_suffix: dict[str, int] = {}
        # The header and the sources live in the graph's own attributes, so that the
        # graph is the whole map: ArgumentMap.from_networkx(m.graph) gives m back.
        self._graph.graph["sources"] = {}
        self.title = title
        self.description = description
        self.metadata = dict(metadata or {})

    # ------------------------------------------------------------------ header
    @property
    def title(self) -> str | None:
        """What the map is about, e.g. the article's headline (``graph.graph["title"]``)."""
        return self._header_text("title")

    @title.setter
    def title(self, value: str | None) -> None:
        self._set_header("title", _checked("title", _OPTIONAL_TEXT, value))

    @property
    def description(self) -> str | None:
        """A longer description of the map (``graph.graph["description"]``)."""
        return self._header_text("description")

    @description.setter
    def description(self, value: str | None) -> None:
        self._set_header("description", _checked("description", _OPTIONAL_TEXT, value))

    @property
    def metadata(self) -> dict[str, JsonValue]:
        """Free JSON metadata of the map (``graph.graph["metadata"]``; checked again when
        the map is saved)."""
        metadata = self._graph.graph.setdefault("metadata", {})
        if not isinstance(metadata, dict):
            raise bad_header("metadata", metadata, "a dict", "m.metadata = {...}")
        return metadata

    @metadata.setter
    def metadata(self, value: Mapping[str, JsonValue]) -> None:
        self._graph.graph["metadata"] = _checked("metadata", _METADATA, dict(value))

    def _set_header(self, key: str, value: str | None) -> None:
        if value is None:
            self._graph.graph.pop(key, None)
        else:
            self._graph.graph[key] = value

    @property
    def _sources(self) -> dict[str, Source]:
        """The sources by id (``graph.graph["sources"]``)."""
        sources = self._graph.graph.setdefault("sources", {})
        if not isinstance(sources, dict):
            raise bad_header("sources", sources, "a dict of Source by id", "m.add_source")
        return sources

    def _header_text(self, key: str) -> str | None:
        value = self._graph.graph.get(key)
        if value is not None and not isinstance(value, str):
            raise bad_header(key, value, "text", f"m.{key} = ...")
        return value

    # ------------------------------------------------------------------ access
    @property
    def graph(self) -> nx.DiGraph:
        """The live :class:`networkx.DiGraph` (see the module docs for its layout)."""
        return self._graph

    def __len__(self) -> int:
        """Number of statements (inferences are not counted): ``len(m.statements)``."""
        return len(self.statements)

    def __contains__(self, ref: object) -> bool:
        if isinstance(ref, (Statement, Inference)):
            ref = ref.id
        return isinstance(ref, str) and ref in self._graph

    def __iter__(self) -> Iterator[Statement]:
        """Iterate over the statements in the order they were added."""
        return iter(self.statements)

    def __getitem__(self, id: str) -> Statement | Inference:
        """The statement or inference with this id."""
        try:
            model: Statement | Inference = self._nodes[id]["model"]
        except KeyError:
            hint = close_matches(id, self._nodes)
            raise NodeNotFoundError(
                f"no statement or inference {id!r} in this map{hint}", ids=[id]
            ) from None
        return model

    def __repr__(self) -> str:
        n_inf = len(self.inferences)
        return f"ArgumentMap(title={self.title!r}, statements={len(self)}, inferences={n_inf})"

    def __str__(self) -> str:
        """The map as an indented text outline: :meth:`outline`."""
        return self.outline()

    def outline(self, *, width: int | None = None) -> str:
        """The map as an indented text outline, like an Argdown tree (``print(m)``).

        Main conclusions first, then what bears on each: ``+`` reasons, ``-``
        objections, ``_`` undercuts of the step above, ``=`` rephrases, ``&`` the
        premises of a linked step; a statement reached again is ``[id] (see above)``.
        ``width`` cuts long texts. See :func:`argmap.outline.outline`.

        >>> import argmap as am
        >>> m = am.ArgumentMap()
        >>> c = m.claim("Tax sugar", id="tax")
        >>> p = m.premise("Sugar harms health", id="health", supports=c)
        >>> k = m.counterpoint("It hits the poor", id="poor", attacks=c)
        >>> print(m)
        [tax]: Tax sugar
          + [health]: Sugar harms health
          - [poor]: It hits the poor
        """
        from argmap.outline import outline

        return outline(self, width=width)

    def __eq__(self, other: object) -> bool:
        """Maps are equal when title, description, metadata and all elements, in order, are."""
        if not isinstance(other, ArgumentMap):
            return NotImplemented
        return (
            self.title == other.title
            and self.description == other.description
            and self.metadata == other.metadata
            and list(self.statements) == list(other.statements)
            and list(self.inferences) == list(other.inferences)
            and self.sources == other.sources
        )

    __hash__ = None  # type: ignore[assignment]  # mutable

    # What the map holds is a property returning a live view (sized, indexable by id
    # or position, re-iterable, callable for a list); what is computed or takes
    # arguments is a method returning a list. See argmap.elements.
    @property
    def statements(self) -> StatementsView:
        """All statements, in the order they were added: a live view.

        Iterate it, ``len()`` it, index it by id (``m.statements["c"]``) or position,
        test ``"c" in m.statements``, or call it for a list snapshot
        (``m.statements()``); see :mod:`argmap.elements`.
        """
        return StatementsView(self._nodes)

    @property
    def inferences(self) -> InferencesView:
        """All inferences, in the order they were added: a live view like
        :attr:`statements`."""
        return InferencesView(self._nodes)

    def statement(self, id: str) -> Statement:
        """The statement with this id; raises :class:`NodeNotFoundError` otherwise."""
        model = self[id]
        if not isinstance(model, Statement):
            raise NodeNotFoundError(
                f"{id!r} is an inference, not a statement: use m.inference({id!r})", ids=[id]
            )
        return model

    def inference(self, id: str) -> Inference:
        """The inference with this id; raises :class:`NodeNotFoundError` otherwise."""
        model = self[id]
        if not isinstance(model, Inference):
            raise NodeNotFoundError(
                f"{id!r} is a statement, not an inference: use m.statement({id!r})", ids=[id]
            )
        return model

    # ---------------------------------------------------------------- building
    def claim(
        self,
        text: str,
        id: str | None = None,
        *,
        supports: Ref | None = None,
        attacks: Ref | None = None,
        undercuts: Ref | None = None,
        title: str | None = None,
        note: str | None = None,
        tags: str | Iterable[str] = (),
        metadata: Mapping[str, JsonValue] | None = None,
        style: Mapping[str, JsonValue] | None = None,
    ) -> Statement:
        """Add a claim: a conclusion the text argues for (or an intermediate one).

        ``supports``, ``attacks`` and ``undercuts`` relate the new statement at once, each
        to one element (the model or its id; a list is refused with a ``TypeError``): a
        statement (a new inference) or an inference of that relation (the new statement
        joins it as a further linked premise). To deny that an inference goes through,
        use ``undercuts=`` (``attacks=`` rebuts statements). ``tags`` is a list of
        strings, or one string for a single tag (``tags="economy"`` is
        ``("economy",)``); a set is sorted. ``style`` is this statement's own look
        when drawn (a :class:`argmap.render.style.NodeStyle` as a dict, e.g.
        ``{"fill": "#ffffcc"}``), checked now and kept in ``metadata["style"]``.
        Returns the new :class:`Statement`.
        """
        return self._new(
            "claim", text, id, supports, attacks, undercuts, title, note, tags, metadata, style
        )

    def premise(
        self,
        text: str,
        id: str | None = None,
        *,
        supports: Ref | None = None,
        attacks: Ref | None = None,
        undercuts: Ref | None = None,
        title: str | None = None,
        note: str | None = None,
        tags: str | Iterable[str] = (),
        metadata: Mapping[str, JsonValue] | None = None,
        style: Mapping[str, JsonValue] | None = None,
    ) -> Statement:
        """Add a premise: a reason given for something. See :meth:`claim`."""
        return self._new(
            "premise", text, id, supports, attacks, undercuts, title, note, tags, metadata, style
        )

    def counterpoint(
        self,
        text: str,
        id: str | None = None,
        *,
        supports: Ref | None = None,
        attacks: Ref | None = None,
        undercuts: Ref | None = None,
        title: str | None = None,
        note: str | None = None,
        tags: str | Iterable[str] = (),
        metadata: Mapping[str, JsonValue] | None = None,
        style: Mapping[str, JsonValue] | None = None,
    ) -> Statement:
        """Add a counterpoint: an objection or caveat. See :meth:`claim`."""
        return self._new(
            "counterpoint",
            text,
            id,
            supports,
            attacks,
            undercuts,
            title,
            note,
            tags,
            metadata,
            style,
        )

    def _new(
        self,
        kind: StatementKind,
        text: str,
        id: str | None,
        supports: Ref | None,
        attacks: Ref | None,
        undercuts: Ref | None,
        title: str | None,
        note: str | None,
        tags: str | Iterable[str],
        metadata: Mapping[str, JsonValue] | None,
        style: Mapping[str, JsonValue] | None,
    ) -> Statement:
        if (
            type(id) is str
            and supports is None
            and attacks is None
            and undercuts is None
            and title is None
            and note is None
            and style is None
            and not metadata
            and type(tags) is tuple
            and not tags
            and id not in self._nodes
        ):
            # The usual call, a text and a new id: made by quick_statement and added at
            # once. What it is not sure of takes the path below, which names the error.
            statement = quick_statement(id, kind, text)
            if statement is not None:
                self._add_node(id, {"kind": kind, "model": statement})
                return statement
        # Without an id, one is derived from the text; a text that is not a string gets a
        # stand-in so that pydantic reports the text's problem alone, not a missing id.
        derive = id is None and not isinstance(text, str)
        if id is None and isinstance(text, str):
            id = self._fresh_id(slugify(text))
        if style is not None:
            if metadata and "style" in metadata:
                raise ArgmapError(
                    f"statement {id!r}: give its style once, as style= or as "
                    "metadata['style'], not both",
                    ids=[str(id)],
                )
            metadata = {**(metadata or {}), "style": _checked_style(id, style)}
        statement = (
            quick_statement(id, kind, text)
            if title is None and note is None and type(tags) is tuple and not tags and not metadata
            else None
        )
        if statement is None:
            fields: dict[str, Any] = {"kind": kind, "text": text, "id": "s" if derive else id}
            _add_optional(fields, title=title, note=note, tags=tags, metadata=metadata)
            statement = _STATEMENT.validator.validate_python(fields)
        if derive:  # the text was valid after all (bytes are decoded): derive the id now
            fresh = self._fresh_id(slugify(statement.text))
            statement = dataclasses.replace(statement, id=fresh)
        if supports is None and attacks is None and undercuts is None:
            return self.add_statement(statement)
        # Check every target first so a bad relation leaves the map unchanged.
        wanted: list[tuple[Relation, Ref | None, str]] = [
            ("support", supports, "supports="),
            ("attack", attacks, "attacks="),
        ]
        checks: list[tuple[Relation, str]] = [
            (r, _ref_id(t, param)) for r, t, param in wanted if t is not None
        ]
        for relation, target in checks:
            self._check_joinable(statement.id, relation, target)
        if undercuts is not None:
            self._check_undercut_target(statement.id, _ref_id(undercuts, "undercuts="))
        self.add_statement(statement)
        for relation, target in checks:
            self._relate(statement.id, relation, target)
        if undercuts is not None:
            self.undercut(statement, undercuts)
        return statement

    def add_statement(self, statement: Statement) -> Statement:
        """Add an existing :class:`Statement` model; its id must be new to the map."""
        if not isinstance(statement, Statement):
            raise ArgumentTypeError(f"expected a Statement, got {type(statement).__name__}")
        id, metadata = statement.id, statement.metadata
        if id in self._nodes:
            self._check_new_id(id)
        if statement.quotes:
            self._check_quotes(statement)
        if metadata and "style" in metadata:
            _checked_style(id, metadata["style"])
        self._add_node(id, {"kind": statement.kind, "model": statement})
        return statement

    def support(
        self,
        premises: Ref | Sequence[Ref],
        target: Ref,
        *,
        id: str | None = None,
        note: str | None = None,
        tags: str | Iterable[str] = (),
        metadata: Mapping[str, JsonValue] | None = None,
    ) -> Inference:
        """Add an inference in which ``premises`` (linked, if several) support ``target``.

        ``premises`` is one statement (or its id) or a list of them, in order; ``target``
        is one statement (or its id). ``tags`` is a list of strings, or one string for
        a single tag. ``attack`` and ``undercut`` take the same arguments.

        Examples
        --------
        >>> import argmap as am
        >>> m = am.ArgumentMap()
        >>> c = m.claim("Socrates is mortal", id="c")
        >>> p1 = m.premise("All humans are mortal", id="p1")
        >>> p2 = m.premise("Socrates is human", id="p2")
        >>> m.support([p1, p2], c)
        Inference(id='p1-supports-c', relation='support', premises=('p1', 'p2'), target='c', note=None, tags=(), metadata={})
        """  # noqa: E501
        return self._add_new_inference("support", premises, target, id, note, tags, metadata)

    def attack(
        self,
        premises: Ref | Sequence[Ref],
        target: Ref,
        *,
        id: str | None = None,
        note: str | None = None,
        tags: str | Iterable[str] = (),
        metadata: Mapping[str, JsonValue] | None = None,
    ) -> Inference:
        """Add an inference in which ``premises`` attack (rebut) the statement ``target``.

        A statement may attack itself (as an argument does in many Dung frameworks): the
        attack's single premise is then its target. It is never accepted under grounded
        or preferred semantics, and :func:`~argmap.analysis.lint` warns about it
        (``self-attack``). A linked attack that lists its target among several premises
        is refused with :class:`~argmap.errors.SelfLoopError`, as is any self-support.

        >>> import argmap as am
        >>> m = am.ArgumentMap()
        >>> p = m.premise("This sentence is false", id="liar")
        >>> m.attack(p, p).id
        'liar-attacks-liar'
        """
        return self._add_new_inference("attack", premises, target, id, note, tags, metadata)

    def undercut(
        self,
        premises: Ref | Sequence[Ref],
        inference: Ref,
        *,
        id: str | None = None,
        note: str | None = None,
        tags: str | Iterable[str] = (),
        metadata: Mapping[str, JsonValue] | None = None,
    ) -> Inference:
        """Add an inference in which ``premises`` deny that ``inference`` goes through.

        An undercut does not say the inference's conclusion is false, only that its
        premises do not establish it.
        """
        return self._add_new_inference("undercut", premises, inference, id, note, tags, metadata)

    def rephrase(
        self,
        premise: Ref,
        target: Ref,
        *,
        id: str | None = None,
        note: str | None = None,
        tags: str | Iterable[str] = (),
        metadata: Mapping[str, JsonValue] | None = None,
    ) -> Inference:
        """Add an inference in which the statement ``premise`` restates ``target``.

        A rephrase (AIF's MA node) says two statements say the same thing in other
        words; it is neither a reason for nor against the target, so queries such as
        :meth:`reasons` and :meth:`objections` and the evaluation in
        :mod:`argmap.analysis` ignore it. It has exactly one premise, its target is a
        statement, and it cannot be undercut. A statement that rephrases another is not
        a main conclusion (:meth:`main_conclusions`).

        Examples
        --------
        >>> import argmap as am
        >>> m = am.ArgumentMap()
        >>> c = m.claim("Taxing sugar improves health", id="c")
        >>> again = m.claim("A sugar tax makes people healthier", id="again")
        >>> m.rephrase(again, c).id
        'again-rephrases-c'
        >>> [s.id for s in m.main_conclusions()]
        ['c']
        """
        return self._add_new_inference("rephrase", premise, target, id, note, tags, metadata)

    def _add_new_inference(
        self,
        relation: Relation,
        premises: Ref | Sequence[Ref],
        target: Ref,
        id: str | None,
        note: str | None,
        tags: str | Iterable[str],
        metadata: Mapping[str, JsonValue] | None,
    ) -> Inference:
        if (
            type(id) is str
            and type(target) is str
            and note is None
            and not metadata
            and type(tags) is tuple
            and not tags
        ):
            premise = (
                premises
                if type(premises) is str
                else premises[0]
                if (type(premises) is list or type(premises) is tuple) and len(premises) == 1
                else None
            )
            if type(premise) is str and premise != target:
                inference = self._plain_inference(relation, premise, target, id)
                if inference is not None:
                    return inference
        premise_ids = _as_list(premises)
        target_id = (
            target
            if type(target) is str
            else _ref_id(target, "inference" if relation == "undercut" else "target")
        )
        if not premise_ids:
            raise InvalidRelationError(
                f"{with_article(relation)} of {target_id!r} needs at least one premise (got none)",
                ids=[target_id],
            )
        if relation == "rephrase" and len(premise_ids) != 1:
            raise InvalidRelationError(
                f"a rephrase of {target_id!r} has exactly one premise, not {len(premise_ids)}",
                ids=[target_id],
            )
        nodes = self._nodes
        for ref_id in premise_ids:
            if ref_id not in nodes:
                self._not_found(relation, ref_id, target_id)
        if target_id not in nodes:
            self._not_found(relation, target_id, target_id)
        if target_id in premise_ids and not (relation == "attack" and len(premise_ids) == 1):
            # Only an argument attacking itself, alone, is a self-loop a map holds.
            hint = " (only a single-premise attack may target its premise)"
            raise SelfLoopError(
                f"{target_id!r} cannot {relation} itself (it is among the premises)"
                f"{hint if relation == 'attack' else ''}",
                ids=[target_id],
            )
        if id is None:
            id = self._fresh_id(f"{premise_ids[0]}-{_VERB[relation]}-{target_id}")
        inference = (
            quick_inference(id, relation, premise_ids[0], target_id)
            if len(premise_ids) == 1
            and note is None
            and type(tags) is tuple
            and not tags
            and not metadata
            else None
        )
        if inference is None:
            fields: dict[str, Any] = {
                "id": id,
                "relation": relation,
                "premises": tuple(premise_ids),
                "target": target_id,
            }
            _add_optional(fields, note=note, tags=tags, metadata=metadata)
            inference = _INFERENCE_MODEL.validator.validate_python(fields)
        self._check_inference(inference)
        self._insert_inference(inference)
        return inference

    def _plain_inference(
        self, relation: Relation, premise: str, target: str, id: str
    ) -> Inference | None:
        """Add the usual step, from one premise (a statement) to a target of the kind
        ``relation`` takes, under a new id, when it cannot repeat another step (the
        premise is new or nothing bears on the target yet): what _check_inference and
        _insert_inference do for it. None, with the map unchanged, when
        anything is doubtful: the general path decides, and names the error."""
        nodes = self._nodes
        source = nodes.get(premise)
        end = nodes.get(target)
        if source is None or end is None or id in nodes or source["kind"] == _INFERENCE:
            return None
        if relation == "undercut":
            if end["kind"] != _INFERENCE or end["relation"] == "rephrase":
                return None
        elif end["kind"] == _INFERENCE:
            return None
        g = self._graph
        succ, pred = g._succ, g._pred
        if succ[premise] and pred[target]:  # a repeat is possible: _check_inference looks
            return None
        inference = quick_inference(id, relation, premise, target)
        if inference is not None:
            self._insert_inference(inference)
        return inference

    def _not_found(self, relation: Relation, ref_id: str, target_id: str) -> NoReturn:
        role = "target" if ref_id == target_id else "premise"
        raise NodeNotFoundError(
            f"{with_article(relation)} of {target_id!r}: {role} {ref_id!r} is not in "
            f"this map{close_matches(ref_id, self._nodes)}",
            ids=[ref_id],
        )

    def add_inference(self, inference: Inference) -> Inference:
        """Add an existing :class:`Inference` model after checking its shape.

        Raises
        ------
        DuplicateIdError
            The inference's id is taken, or the same premises already bear on the same
            target in the same way.
        NodeNotFoundError
            A premise or the target is not in the map.
        SelfLoopError
            An undercut targets itself. (An :class:`Inference` whose premises include
            its target is refused when it is built, unless it is a single-premise
            attack: a statement attacking itself.)
        InvalidRelationError
            A premise is an inference, a support/attack targets an inference, or an
            undercut targets a statement.
        """
        if not isinstance(inference, Inference):
            raise ArgumentTypeError(f"expected an Inference, got {type(inference).__name__}")
        self._check_inference(inference)
        self._insert_inference(inference)
        return inference

    def _insert_inference(self, inference: Inference) -> None:
        iid, rel = inference.id, inference.relation
        g = self._graph
        attrs = g.__dict__  # as _add_node, inline
        if attrs.get("frozen") or attrs.get("__networkx_cache__"):
            _before_write(g)
        succ, pred = g._succ, g._pred
        succ[iid] = {}
        pred[iid] = {}
        self._nodes[iid] = {"kind": _INFERENCE, "relation": rel, "model": inference}
        for p in inference.premises:
            succ[p][iid] = pred[iid][p] = {"role": "premise", "relation": rel}
        target = inference.target
        succ[iid][target] = pred[target][iid] = {"role": "target", "relation": rel}

    # networkx's DiGraph keeps nodes in ``_node``/``_succ``/``_pred`` (documented for
    # subclasses). Writing them directly for a new node, and for an edge between two
    # nodes known to exist, is what add_node/add_edge do, without their argument
    # handling: a third of the time of building a map one call at a time.
    def _add_node(self, id: str, data: dict[str, Any]) -> None:
        g = self._graph
        attrs = g.__dict__  # as _before_write, inline: this runs once per element
        if attrs.get("frozen") or attrs.get("__networkx_cache__"):
            _before_write(g)
        g._succ[id] = {}
        g._pred[id] = {}
        self._nodes[id] = data

    def _add_edge(self, u: str, v: str, data: dict[str, Any]) -> None:
        g = self._graph
        _before_write(g)
        g._succ[u][v] = g._pred[v][u] = data

    def _relate(self, premise: str, relation: Relation, target: str) -> None:
        """``premise`` supports/attacks ``target``: a statement (a new convergent
        inference) or an inference of that relation (join it as a linked premise)."""
        node = self._nodes.get(target)
        if node is not None and node["kind"] == _INFERENCE:
            self._join(premise, target)
            return
        # A brand-new premise and a target checked by _check_joinable: no repeat is
        # possible and the derived id is fresh, so the inference goes straight in.
        id = self._fresh_id(f"{premise}-{_VERB[relation]}-{target}")
        inference = quick_inference(id, relation, premise, target)
        if inference is None:
            inference = _INFERENCE_MODEL.validator.validate_python(
                {"id": id, "relation": relation, "premises": (premise,), "target": target}
            )
        self._insert_inference(inference)

    def _check_joinable(self, premise: str, relation: Relation, target: str) -> None:
        if target == premise:
            hint = f"; add it, then use attack({premise!r}, {premise!r})"
            raise SelfLoopError(
                f"{premise!r} cannot {relation} itself{hint if relation == 'attack' else ''}",
                ids=[premise],
            )
        node = self._nodes.get(target)
        if node is None:
            raise NodeNotFoundError(
                f"cannot make {premise!r} {_VERB[relation][:-1]} {target!r}: "
                f"no statement or inference {target!r} in this map"
                f"{close_matches(target, self._nodes)}",
                ids=[premise, target],
            )
        if node["kind"] == _INFERENCE and node["relation"] == "rephrase":
            raise InvalidRelationError(
                f"cannot join {premise!r} to {target!r}: {target!r} is a rephrase, which has "
                "exactly one premise",
                ids=[premise, target],
            )
        if node["kind"] == _INFERENCE and node["relation"] != relation:
            param = {"support": "supports=", "attack": "attacks=", "undercut": "undercuts="}
            hint = f"to add {premise!r} as a further premise of it, use {param[node['relation']]}"
            if relation == "attack":
                hint = f"to deny that step, use undercuts=; {hint}"
            raise InvalidRelationError(
                f"cannot join {premise!r} to {target!r} as {with_article(relation)}: "
                f"{target!r} is {with_article(node['relation'])} inference ({hint})",
                ids=[premise, target],
            )
        if node["kind"] == _INFERENCE and node["model"].premises == (node["model"].target,):
            raise SelfLoopError(
                f"cannot join {premise!r} to {target!r}: it is {node['model'].target!r} "
                "attacking itself, and a linked attack cannot include its target",
                ids=[premise, target],
            )

    def _join(self, premise: str, inference_id: str) -> None:
        old = self.inference(inference_id)
        if premise == old.target or self._graph.has_edge(premise, inference_id):
            raise InvalidRelationError(
                f"cannot join {premise!r} to {inference_id!r}: it is already its "
                f"{'target' if premise == old.target else 'premise'}",
                ids=[premise, inference_id],
            )
        # The shape stays valid (checked above), so no re-validation of every premise:
        # adding k premises one by one stays linear.
        new = copy.copy(old)
        object.__setattr__(new, "premises", (*old.premises, premise))
        self._check_premise(premise, new)
        self._nodes[inference_id]["model"] = new
        self._add_edge(premise, inference_id, {"role": "premise", "relation": old.relation})

    # --------------------------------------------------------------- changing
    def update(self, ref: Ref, /, **changes: Any) -> Statement | Inference:
        """Replace fields of a statement or inference (not its id, nor an inference's
        premises or target); returns the new, validated model.

        ``tags=`` replaces all tags: a list of strings, or one string for a single tag
        (``tags="economy"`` is ``("economy",)``, not its letters).

        >>> import argmap as am
        >>> m = am.ArgumentMap()
        >>> m.claim("Draft", id="c").text
        'Draft'
        >>> m.update("c", text="Final wording").text
        'Final wording'
        """
        id = _ref_id(ref, "update()")
        old = self[id]
        fixed = {"id", "premises", "target", "relation"} if isinstance(old, Inference) else {"id"}
        bad = sorted(fixed & changes.keys())
        if bad:
            raise ArgmapError(
                f"cannot change {', '.join(bad)} of {id!r} with update(); "
                "remove it and add a new one",
                ids=[id],
            )
        if isinstance(changes.get("tags"), (str, Set)):
            changes["tags"] = _strings(changes["tags"])
        try:
            new = adapter(type(old)).validate_python({**as_dict(old), **changes})
        except ValidationError as err:
            what = "inference" if isinstance(old, Inference) else old.kind
            detail = describe_validation_error(err, indent="").replace("\n", "; ")
            raise ArgmapError(f"{what} {id!r}: {detail}", ids=[id]) from None
        if isinstance(new, Statement):
            self._check_quotes(new)
            if "style" in new.metadata:
                _checked_style(id, new.metadata["style"])
        node = self._nodes[id]
        node["model"] = new
        if isinstance(new, Statement):
            node["kind"] = new.kind
        return new

    def remove(self, ref: Ref) -> list[str]:
        """Remove a statement or inference and every inference that depends on it.

        Removing a statement removes the inferences it is a premise or the target of;
        removing an inference removes the undercuts aimed at it, and so on down the
        chain. Nothing else goes: undercutting statements stay, and so does the inference
        an undercut targeted. Returns the removed ids, in order.

        >>> import argmap as am
        >>> m = am.ArgumentMap()
        >>> c = m.claim("C", id="c")
        >>> p = m.premise("P", id="p", supports=c)
        >>> k = m.counterpoint("K", id="k", undercuts=m.find_inference(p, c))
        >>> m.remove("k")
        ['k', 'k-undercuts-p-supports-c']
        >>> [i.id for i in m.reasons("c")]
        ['p-supports-c']
        """
        start = _ref_id(ref, "remove()")
        self[start]  # raises NodeNotFoundError
        pred, succ = self._graph._pred, self._graph._succ
        doomed: list[str] = []
        queue = deque([start])
        seen = {start}
        while queue:
            node = queue.popleft()
            doomed.append(node)
            if self._nodes[node]["kind"] == _INFERENCE:
                dependents = list(pred[node])  # its premises are statements: skipped below
            else:
                dependents = [*pred[node], *succ[node]]  # inferences using or targeting it
            for nb in dependents:
                if nb not in seen and self._nodes[nb]["kind"] == _INFERENCE:
                    seen.add(nb)
                    queue.append(nb)
        self._graph.remove_nodes_from(doomed)
        return doomed

    # ------------------------------------------------------------- validation
    def _fresh_id(self, base: str) -> str:
        base = base[:190]
        if base not in self._nodes:
            return base
        n = self._next_suffix.get(base, 2)
        while f"{base}-{n}" in self._nodes:
            n += 1
        self._next_suffix[base] = n + 1
        return f"{base}-{n}"

    def _check_new_id(self, id: str) -> None:
        if id in self._nodes:
            what = self._nodes[id]["kind"]
            raise DuplicateIdError(
                f"id {id!r} is already used by {with_article(what)} in this map",
                ids=[id],
            )

    def _check_premise(self, premise: str, inference: Inference) -> None:
        node = self._nodes.get(premise)
        if node is None:
            raise NodeNotFoundError(
                f"inference {inference.id!r}: premise {premise!r} is not in this map",
                ids=[inference.id, premise],
            )
        if node["kind"] == _INFERENCE:
            raise InvalidRelationError(
                f"inference {inference.id!r}: premise {premise!r} is an inference; "
                "premises must be statements",
                ids=[inference.id, premise],
            )

    def _check_undercut_target(self, source: str, target: str) -> None:
        node = self._nodes.get(target)
        if node is None:
            raise NodeNotFoundError(
                f"{source!r} cannot undercut {target!r}: no inference {target!r} in this map"
                f"{close_matches(target, (i.id for i in self.inferences))}",
                ids=[source, target],
            )
        if node["kind"] != _INFERENCE:
            raise InvalidRelationError(
                f"{source!r} cannot undercut {target!r}: {target!r} is a statement; "
                "an undercut targets an inference (use attack to rebut a statement)",
                ids=[source, target],
            )
        if node["relation"] == "rephrase":
            raise InvalidRelationError(
                f"{source!r} cannot undercut {target!r}: {target!r} is a rephrase, which "
                "gives no reason to undercut",
                ids=[source, target],
            )

    def _check_inference(self, inf: Inference) -> None:
        nodes = self._nodes
        iid, relation, target_id = inf.id, inf.relation, inf.target  # slots: read once
        if iid in nodes:
            self._check_new_id(iid)
        if target_id == iid:
            raise SelfLoopError(f"inference {inf.id!r} cannot target itself", ids=[inf.id])
        for p in inf.premises:
            node = nodes.get(p)
            if node is None or node["kind"] == _INFERENCE:
                self._check_premise(p, inf)
        target = nodes.get(target_id)
        if target is None:
            raise NodeNotFoundError(
                f"inference {inf.id!r}: target {inf.target!r} is not in this map",
                ids=[inf.id, inf.target],
            )
        is_inference = target["kind"] == _INFERENCE
        if relation == "undercut" and not is_inference:
            raise InvalidRelationError(
                f"inference {inf.id!r}: an undercut must target an inference, "
                f"but {inf.target!r} is a statement (use relation 'attack' to rebut it)",
                ids=[inf.id, inf.target],
            )
        if relation != "undercut" and is_inference:
            hint = "" if inf.relation == "rephrase" else " (use relation 'undercut')"
            raise InvalidRelationError(
                f"inference {inf.id!r}: {with_article(inf.relation)} must target a statement, "
                f"but {inf.target!r} is an inference{hint}",
                ids=[inf.id, inf.target],
            )
        if relation == "undercut" and target["relation"] == "rephrase":
            raise InvalidRelationError(
                f"inference {inf.id!r}: {inf.target!r} is a rephrase, which gives no reason "
                "to undercut",
                ids=[inf.id, inf.target],
            )
        # A repeat is among the uses of every premise and the inferences into the target:
        # scan the smallest of those sets (a star of premises on one claim, or one premise
        # used by many inferences, must not make building quadratic).
        g = self._graph
        succ = g._succ
        candidates = g._pred[target_id]
        for p in inf.premises:
            if len(succ[p]) < len(candidates):
                candidates = succ[p]
        if not candidates:
            return
        premises = set(inf.premises)
        for other_id in candidates:
            other = nodes[other_id]
            if (
                other.get("relation") == relation  # statements have no relation
                and other["model"].target == target_id
                and set(other["model"].premises) == premises
            ):
                raise DuplicateIdError(
                    f"inference {inf.id!r} repeats {other_id!r}: the same premises already "
                    f"{inf.relation} {inf.target!r}",
                    ids=[inf.id, other_id],
                )

    def _checked_elements(self, *, json: bool = True) -> tuple[list[Statement], list[Inference]]:
        """The statements and inferences, in map order, after checking the graph still
        holds a map that can be written and read back (see
        :func:`argmap._integrity.checked_elements`; drawings pass ``json=False``)."""
        return checked_elements(self._nodes, self._graph.graph, json=json)

    def validate(self) -> list[LintIssue]:
        """Check the graph is a valid map (raising on a broken one, e.g. after direct
        edits of :attr:`graph`), then return :func:`argmap.lint` warnings."""
        rebuilt = ArgumentMap.from_networkx(self._graph)  # sources come with the graph
        del rebuilt
        return self.lint()

    def lint(self) -> list[LintIssue]:
        """Warnings about the map's structure; see :func:`argmap.lint`."""
        from argmap.analysis.lint import lint

        return lint(self)

    # ----------------------------------------------------------------- queries
    def main_conclusions(self) -> list[Statement]:
        """Claims that are a premise of no inference: what the map argues for, in the end.

        A claim that rephrases another is a premise of that rephrase, so it is not a main
        conclusion: the statement it restates stands for both."""
        g = self._graph
        return [
            s
            for node in self._nodes.values()  # m.statements, without the view's generator
            if node["kind"] != _INFERENCE
            and (s := node["model"]).kind == "claim"
            and g.out_degree(s.id) == 0
        ]

    def _incoming(self, id: str, relations: set[str]) -> list[Inference]:
        self[id]
        g = self._graph
        return [
            g.nodes[p]["model"]
            for p in g.predecessors(id)
            if g.nodes[p]["kind"] == _INFERENCE and g.nodes[p]["relation"] in relations
        ]

    def reasons(self, ref: Ref) -> list[Inference]:
        """The support inferences whose target is this statement."""
        return self._incoming(_ref_id(ref, "reasons()"), {"support"})

    def objections(self, ref: Ref) -> list[Inference]:
        """The attacks on a statement, or the undercuts of an inference."""
        return self._incoming(_ref_id(ref, "objections()"), {"attack", "undercut"})

    def uses(self, ref: Ref) -> list[Inference]:
        """The inferences in which this statement is a premise."""
        id = _ref_id(ref, "uses()")
        self[id]
        return [self._nodes[i]["model"] for i in self._graph.successors(id)]

    def find_inference(
        self, premise: Ref, target: Ref, relation: Relation | None = None
    ) -> Inference:
        """The inference with ``premise`` among its premises and the given target (and
        relation, if given).

        Raises
        ------
        NodeNotFoundError
            There is none, or (without ``relation``) there are several, e.g. when the
            premise both supports and attacks the target.
        OptionError
            ``relation`` is not ``"support"``, ``"attack"``, ``"undercut"`` or
            ``"rephrase"``.
        """
        if relation not in (None, "support", "attack", "undercut", "rephrase"):
            raise OptionError(
                "relation must be 'support', 'attack', 'undercut' or 'rephrase' (or None for "
                "any), "
                f"not {relation!r}"
            )
        p, t = _ref_id(premise, "premise"), _ref_id(target, "target")
        found = [
            inf for inf in self.uses(p) if inf.target == t and relation in (None, inf.relation)
        ]
        if len(found) == 1:
            return found[0]
        what = f"{relation} " if relation else ""
        if not found:
            others = [inf for inf in self.uses(p) if inf.target == t]
            if others:  # of another relation than the one asked for
                listed = ", ".join(f"{inf.id!r} ({inf.relation})" for inf in others)
                hint = f"; there is {listed}"
            else:
                self[t]  # raises NodeNotFoundError, suggesting close ids
                hint = ""
            raise NodeNotFoundError(
                f"no {what}inference from {p!r} to {t!r} in this map{hint}", ids=[p, t]
            )
        raise NodeNotFoundError(
            f"{len(found)} inferences from {p!r} to {t!r} ({', '.join(i.id for i in found)}): "
            "pass relation= to pick one",
            ids=[p, t],
        )

    def ancestors(self, ref: Ref) -> set[str]:
        """Ids of the statements that bear on this element, directly or indirectly."""
        id = _ref_id(ref, "ancestors()")
        self[id]
        return {n for n in nx.ancestors(self._graph, id) if self._is_statement(n)}

    def descendants(self, ref: Ref) -> set[str]:
        """Ids of the statements this element bears on, directly or indirectly."""
        id = _ref_id(ref, "descendants()")
        self[id]
        return {n for n in nx.descendants(self._graph, id) if self._is_statement(n)}

    def _is_statement(self, n: str) -> bool:
        kind: str = self._nodes[n]["kind"]
        return kind != _INFERENCE

    def focus(self, ref: Ref, depth: int = 1) -> MapView:
        """The sub-map of statements within ``depth`` reasoning steps of ``ref``.

        One step links the statements of one inference: its premises and its target (for
        an undercut, the undercut inference's premises and the premises and target of the
        inference it undercuts). The sub-map holds every inference all of whose
        statements (and, for an undercut, whose target inference) are in it. It is a
        :class:`~argmap.views.MapView`, which counts what it hides (drawn as ``+N``);
        see :func:`argmap.views.focus`.
        """
        from argmap.views import focus

        return focus(self, ref, depth)

    def view(
        self,
        *,
        tags: str | Collection[str] | None = None,
        kinds: StatementKind | Collection[StatementKind] | None = None,
        ids: str | Collection[str] | None = None,
    ) -> MapView:
        """The sub-map of statements with any of ``tags``, of one of ``kinds``, among
        ``ids`` (each filter only when given; one string is one tag, kind or id); see
        :func:`argmap.views.view`."""
        from argmap.views import view

        return view(self, tags=tags, kinds=kinds, ids=ids)

    # ----------------------------------------------------------------- sources
    @property
    def sources(self) -> SourcesView:
        """The sources the map quotes, in the order they were added: a live view like
        :attr:`statements` (it was a list before 0.2; it still compares equal to one)."""
        return SourcesView(lambda: self._sources)

    def source(self, id: str | None = None) -> Source:
        """The source with this id (``m.sources[id]``), or the map's only source when
        ``id`` is None.

        Raises
        ------
        NodeNotFoundError
            No source has this id (the message suggests close ids), or ``id`` is None
            and the map has no source (add one with :meth:`add_source`) or several.

        >>> import argmap as am
        >>> am.ArgumentMap().source()
        Traceback (most recent call last):
        ...
        argmap.errors.NodeNotFoundError: this map has no source: add the text first with m.add_source(text)
        """  # noqa: E501
        if id is None:
            return self._only_source("")
        return self.sources[id]

    def _only_source(self, doing: str) -> Source:
        """The map's only source; else an error saying what to call. ``doing`` starts
        the message, e.g. ``"cannot quote 'c': "``."""
        sources = self._sources
        if len(sources) == 1:
            return next(iter(sources.values()))
        if not sources:
            raise NodeNotFoundError(
                f"{doing}this map has no source: add the text first with m.add_source(text)"
            )
        names = ", ".join(repr(k) for k in sources)
        first = next(iter(sources))
        raise NodeNotFoundError(
            f"{doing}this map has {len(sources)} sources ({names}): name the one meant, "
            f"e.g. source={first!r}",
            ids=list(sources),
        )

    def add_source(
        self,
        source: Source | str,
        id: str | None = None,
        *,
        title: str | None = None,
        author: str | None = None,
        date: str | None = None,
        url: str | None = None,
        note: str | None = None,
        metadata: Mapping[str, JsonValue] | None = None,
    ) -> Source:
        """Add a source: a :class:`~argmap.model.Source`, or its full text and details.

        The id defaults to a slug of the title, or ``"source"``; its SHA-256 is computed.

        >>> import argmap as am
        >>> m = am.ArgumentMap()
        >>> m.add_source("Tax sugar. It saves lives.", title="Sugar tax").id
        'sugar-tax'
        """
        if isinstance(source, Source):
            given = (id, title, author, date, url, note, metadata)
            if any(x is not None for x in given):
                raise ArgumentTypeError("pass a Source model alone, or its text with the details")
            src = source
        else:
            if id is None:
                base = slugify(title) if title else "source"
                id, n = base, 2
                while id in self._sources:
                    id, n = f"{base}-{n}", n + 1
            src = Source(
                id=id,
                text=source,
                title=title,
                author=author,
                date=date,
                url=url,
                note=note,
                metadata=dict(metadata or {}),
            )
        if src.id in self._sources:
            raise DuplicateIdError(
                f"source id {src.id!r} is already used in this map", ids=[src.id]
            )
        self._sources[src.id] = src
        return src

    def remove_source(self, source: Source | str) -> Source:
        """Remove a source no statement quotes; returns it.

        A source still quoted is refused, naming the statements: drop their quotes first
        (``m.update(s, quotes=())``, or keep the other quotes).

        >>> import argmap as am
        >>> m = am.ArgumentMap()
        >>> _ = m.add_source("Tax sugar.", id="draft")
        >>> m.remove_source("draft").id, len(m.sources)
        ('draft', 0)
        """
        id = source.id if isinstance(source, Source) else source
        self.sources[id]  # raises NodeNotFoundError, suggesting close ids
        quoting = [s.id for s in self.statements if any(q.source == id for q in s.quotes)]
        if quoting:
            raise ArgmapError(
                f"source {id!r} is quoted by {', '.join(map(repr, quoting))}: "
                f"drop those quotes first, e.g. m.update({quoting[0]!r}, quotes=())",
                ids=[id, *quoting],
            )
        return self._sources.pop(id)

    def quote(
        self,
        statement: Ref,
        text: str | None = None,
        *,
        source: Source | str | None = None,
        occurrence: int | None = None,
        start: int | None = None,
        paraphrase: bool = False,
    ) -> Quote:
        """Anchor a statement in a source: find ``text`` there and add the quote.

        Parameters
        ----------
        statement : Statement or str
            The statement (or its id) the quote is evidence for.
        text : str, optional
            The quoted words; by default the statement's own text.
        source : Source or str, optional
            The source (or its id); by default the map's only source.
        occurrence, start : int, optional
            Which occurrence is meant when the words occur more than once: the n-th
            (1 = first), or the one starting at this offset.
        paraphrase : bool
            True when the statement's text rewords the quote.

        Returns
        -------
        Quote
            The quote added; its text is the source's own words.

        Raises
        ------
        QuoteNotFoundError, AmbiguousQuoteError, QuoteMismatchError
            Naming the statement; see :func:`argmap.sources.find_span`.

        Warns
        -----
        QuoteNormalizedWarning
            When the words match only after normalising whitespace or typography.

        Examples
        --------
        >>> import argmap as am
        >>> m = am.ArgumentMap()
        >>> _ = m.add_source("Tax sugar. It saves lives.", id="a")
        >>> c = m.claim("A sugar tax saves lives", id="c")
        >>> m.quote(c, "It saves lives", paraphrase=True)
        Quote(source='a', start=11, end=25, text='It saves lives', paraphrase=True)
        """
        sid = _ref_id(statement, "statement")
        model = self.statement(sid)
        if source is None:
            src = self._only_source(f"cannot quote {sid!r}: ")
        else:
            src = self.source(source if isinstance(source, str) else source.id)
        words = model.text if text is None else text
        found = find_span(src, words, occurrence=occurrence, start=start, statement=sid)
        if found.normalized:
            warnings.warn(
                f"statement {sid!r}: quote matched source {src.id!r} only after normalising "
                f"{', '.join(found.differences)}; the source reads {found.text!r}",
                QuoteNormalizedWarning,
                stacklevel=2,
            )
        new = Quote(
            source=src.id, start=found.start, end=found.end, text=found.text, paraphrase=paraphrase
        )
        if any(
            (q.source, q.start, q.end) == (new.source, new.start, new.end) for q in model.quotes
        ):
            raise QuoteError(
                f"statement {sid!r} already quotes {src.id!r} at {new.start}:{new.end}",
                ids=[sid],
            )
        self._nodes[sid]["model"] = dataclasses.replace(model, quotes=(*model.quotes, new))
        return new

    def _check_quotes(self, statement: Statement) -> None:
        for q in statement.quotes:
            src = self._sources.get(q.source)
            if src is None:
                raise QuoteMismatchError(
                    f"statement {statement.id!r}: quote is from source {q.source!r}, which is "
                    "not in this map (add it first with add_source)",
                    ids=[statement.id],
                )
            check_quote(src, q, statement=statement.id)

    def coverage(self, source: Source | str | None = None, **options: Any) -> Coverage:
        """Which sentences of a source the map quotes; see :func:`argmap.coverage`."""
        from argmap.analysis.coverage import coverage

        return coverage(self, source, **options)

    def to_html(self, path: str | Path, **options: Any) -> Path:
        """Write the standalone HTML report; see :func:`argmap.render.html.to_html`."""
        from argmap.render.html import to_html

        return to_html(self, path, **options)

    # ----------------------------------------------------------- conversions
    @classmethod
    def from_networkx(
        cls,
        graph: nx.DiGraph,
        *,
        title: str | None = None,
        description: str | None = None,
        metadata: Mapping[str, JsonValue] | None = None,
        sources: Source | Iterable[Source] | None = None,
    ) -> ArgumentMap:
        """Build (and validate) a map from a directed graph laid out like :attr:`graph`;
        see :func:`argmap.formats.networkx.from_networkx`."""
        from argmap.formats.networkx import from_networkx

        return from_networkx(
            graph, title=title, description=description, metadata=metadata, sources=sources
        )

    def add_inferences(
        self, inferences: Inference | Iterable[Inference], *, where: str = "inferences[{index}]"
    ) -> None:
        """Add many inferences in any order: an undercut may come before its target.

        Inferences go in in the given order, except that an undercut whose target comes
        later waits for it (one pass, linear time). An error names the offending
        inference with ``where``, formatted with its ``index`` and ``id``, e.g.
        ``inferences[3]``; an undercut that waits forever is part of a cycle of
        undercuts and is reported as such. One :class:`Inference` counts as one.
        """
        items = [inferences] if isinstance(inferences, Inference) else list(inferences)
        pending_ids = {inf.id for inf in items}
        waiting: dict[str, list[tuple[int, Inference]]] = {}
        for index, inf in enumerate(items):
            target = inf.target
            if (
                inf.relation == "undercut"
                and target != inf.id
                and target not in self._nodes
                and target in pending_ids
            ):
                waiting.setdefault(target, []).append((index, inf))
                continue
            ready = deque([(index, inf)])
            while ready:
                i, next_inf = ready.popleft()
                try:
                    self.add_inference(next_inf)
                except ArgmapError as err:
                    raise err.with_context(where.format(index=i, id=next_inf.id)) from None
                ready.extend(waiting.pop(next_inf.id, ()))
        if waiting:
            index, inf = min(w for ws in waiting.values() for w in ws)
            raise InvalidRelationError(
                f"{where.format(index=index, id=inf.id)}: undercut {inf.id!r} is part of a "
                "cycle of undercuts that never reaches a support or attack",
                ids=[inf.id],
            )

    def to_json(self, *, indent: int | None = 2) -> str:
        """The map as argmap JSON text (lossless, deterministic); see :mod:`argmap.formats.json`."""
        from argmap.formats.json import dumps

        return dumps(self, indent=indent)

    @classmethod
    def from_json(cls, text: str | bytes) -> ArgumentMap:
        """Read a map from argmap JSON text; see :func:`argmap.formats.json.loads`."""
        from argmap.formats.json import loads

        return loads(text)

    def save(self, path: str | Path, format: str | None = None) -> Path:
        """Write the map to ``path`` atomically, in ``format`` or the format its suffix
        names (``.json`` argmap JSON, ``.aif.json`` AIF, ``.argdown``, ``.graphml`` ...);
        returns the path. See :func:`argmap.registry.dump`; pictures (``.svg``) are
        drawn by :meth:`render`."""
        from argmap.registry import dump

        return dump(self, path, format)

    @classmethod
    def load(cls, path: str | Path, format: str | None = None) -> ArgumentMap:
        """Read a map from a file in any format argmap reads; see :func:`argmap.load`."""
        from argmap.registry import load

        return load(path, format)

    def to_dot(self, **options: Unpack[DrawOptions]) -> graphviz.Digraph:
        """The map as a :class:`graphviz.Digraph`; ``.source`` is the DOT text.

        Options are those of :func:`argmap.render.dot.to_dot`
        (:class:`~argmap.render.options.DrawOptions`).
        """
        from argmap.render.dot import to_dot

        return to_dot(self, **options)

    def to_mermaid(self, **options: Unpack[MermaidOptions]) -> str:
        """The map as Mermaid flowchart text; options are those of
        :func:`argmap.render.mermaid.dumps`."""
        from argmap.render.mermaid import dumps

        return dumps(self, **options)

    def render(
        self, path: str | Path, *, format: str | None = None, **options: Unpack[RenderOptions]
    ) -> Path:
        """Draw the map to ``path``, atomically; the format comes from the suffix:
        ``.svg``, ``.png``, ``.pdf`` and ``.html`` (the source report, which holds the
        SVG) with Graphviz; ``.dot``/``.gv``, ``.json`` and ``.mmd``/``.mermaid`` need no
        Graphviz binary. ``options`` are those of :meth:`to_dot` for drawings (Mermaid
        takes ``style``, ``direction`` and ``wrap``; JSON none; html also ``title``).
        An unknown suffix or option is an :class:`~argmap.errors.OptionError`, a failed
        write a :class:`~argmap.errors.WriteError`. See
        :func:`argmap.render.graphviz.render`."""
        from argmap.render.graphviz import render

        return render(self, path, format=format, **options)

    def _repr_mimebundle_(
        self, include: Iterable[str] | None = None, exclude: Iterable[str] | None = None
    ) -> dict[str, str]:
        from argmap.render.jupyter import mimebundle

        return mimebundle(self, include=include, exclude=exclude)

    def _repr_svg_(self) -> str | None:
        from argmap.render.jupyter import svg_or_none

        return svg_or_none(self)


def _before_write(g: nx.DiGraph) -> None:
    """What networkx's own add_node/add_edge do before writing ``g``'s dicts: refuse a
    graph passed to ``nx.freeze``, and drop the converted graphs networkx may cache on it
    (its ``__networkx_cache__``)."""
    attrs = g.__dict__
    if attrs.get("frozen"):
        raise nx.NetworkXError("Frozen graph can't be modified")
    cache = attrs.get("__networkx_cache__")
    if cache:
        cache.clear()


def _add_optional(
    fields: dict[str, Any],
    *,
    title: str | None = None,
    note: str | None = None,
    tags: str | Iterable[str] = (),
    metadata: Mapping[str, JsonValue] | None = None,
) -> None:
    """Add the optional fields that were given: validating fewer fields is faster, and
    the models fill in the same defaults."""
    if title is not None:
        fields["title"] = title
    if note is not None:
        fields["note"] = note
    if tags or isinstance(tags, str):  # "" is one (empty, refused) tag
        fields["tags"] = _strings(tags)
    if metadata:
        fields["metadata"] = dict(metadata)


def _checked_style(id: str | None, style: JsonValue | Mapping[str, JsonValue]) -> JsonValue:
    """``style`` if it is a valid node style, else an error naming the statement."""
    from argmap.render.style import NodeStyle

    try:
        NodeStyle.model_validate(style)
    except ValidationError as err:
        detail = describe_validation_error(err, indent="")
        raise ArgmapError(f"statement {id!r}: style: {detail}", ids=[str(id)]) from None
    return dict(style) if isinstance(style, Mapping) else style


_T = TypeVar("_T")
_OPTIONAL_TEXT: TypeAdapter[str | None] = TypeAdapter(Str | None)
_METADATA: TypeAdapter[dict[str, JsonValue]] = TypeAdapter(Metadata)


def _checked(field: str, adapter: TypeAdapter[_T], value: object) -> _T:
    """``value`` validated for the map's ``field``; an error names the field."""
    try:
        return adapter.validate_python(value, strict=True)
    except ValidationError as err:
        detail = describe_validation_error(err, indent="").replace("\n", "; ")
        raise ArgmapError(f"map {field}: {detail.removeprefix('(top level): ')}") from None
