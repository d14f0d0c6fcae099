"""Live views of what a map holds: ``m.statements``, ``m.inferences``, ``m.sources``.

The rule for the map's API: what the map *holds* is a property returning a view (cheap
to get, no copy); what has to be *computed*, or takes arguments, is a method returning a
list (``m.main_conclusions()``, ``m.reasons(c)``, ``m.objections(c)``, ``m.uses(p)``).

A view is like networkx's ``G.nodes``: it reads the map as it is now (it is live, not a
copy) and can be used many times over. It is

* iterable, in the order the elements were added (``for s in m.statements``), as fast
  as a plain loop over the graph's nodes;
* sized (``len(m.statements)``) and true when not empty;
* indexable by id (``m.statements["c"]``) and by position (``m.statements[0]``,
  ``m.statements[-1]``, a slice gives a list); a position walks the map, so for many
  positional reads take ``list(m.statements)`` once;
* a container (``"c" in m.statements``, or a model: equal to the one the map holds);
* equal to a list or tuple of the same elements in the same order, and to a view of
  the same elements;
* callable: ``m.statements()`` is a list, a snapshot that later changes to the map
  leave alone (so ``for s in m.statements(): m.remove(s)`` is safe).

Examples
--------
>>> import argmap as am
>>> m = am.ArgumentMap()
>>> c = m.claim("Tax sugar", id="c")
>>> p = m.premise("Sugar harms health", id="p", supports=c)
>>> len(m.statements), m.statements["p"].text, m.statements[0].id
(2, 'Sugar harms health', 'c')
>>> [s.id for s in m.statements], "c" in m.statements, "p-supports-c" in m.statements
(['c', 'p'], True, False)
>>> m.inferences
InferencesView(['p-supports-c'])
>>> m.statements() == [c, p]
True
"""

from __future__ import annotations

import difflib
import itertools
import warnings
from collections.abc import Callable, Collection, Iterable, Iterator
from typing import Any, Generic, TypeVar, overload

from argmap.errors import ArgumentTypeError, NodeNotFoundError, with_article
from argmap.model import Inference, Source, Statement

__all__ = ["InferencesView", "SourcesView", "StatementsView", "close_matches"]

_T = TypeVar("_T", Statement, Inference, Source)
_INFERENCE = "inference"
_SHOWN = 10  # ids a view's repr shows before "..."
_SUGGEST_LIMIT = 2_000  # more ids than this, no suggestion: difflib is slow on many
_CUTOFF = 0.6  # difflib.get_close_matches's default


def close_matches(wanted: str, ids: Iterable[str]) -> str:
    """A hint naming up to three ids close to ``wanted`` (difflib), for an error message:
    ``"; did you mean 'tax' or 'taxes'?"``, or ``""`` when none is close, or when there
    are more than 2,000 ids (comparing with each costs up to a tenth of a millisecond, too
    much for an error a loader may meet many times). The closest come first; equally
    close ones in the order given.

    >>> close_matches("tx", ["tax", "health"])
    "; did you mean 'tax'?"
    >>> close_matches("p", ["p2", "c", "p1", "p3", "p4"])
    "; did you mean 'p2', 'p1' or 'p3'?"
    >>> close_matches("zzz", ["tax", "health"])
    ''
    """
    if not isinstance(wanted, str):
        return ""
    # difflib.get_close_matches, with ties kept in map order (it breaks them by text).
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(wanted)
    scored: list[tuple[float, int, str]] = []
    candidates = list(itertools.islice(ids, _SUGGEST_LIMIT + 1))
    if len(candidates) > _SUGGEST_LIMIT:
        return ""
    for index, candidate in enumerate(candidates):
        matcher.set_seq1(candidate)
        if matcher.real_quick_ratio() >= _CUTOFF and matcher.quick_ratio() >= _CUTOFF:
            score = matcher.ratio()
            if score >= _CUTOFF:
                scored.append((-score, index, candidate))
    found = [candidate for _, _, candidate in sorted(scored)[:3]]
    if not found:
        return ""
    names = [repr(f) for f in found]
    listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"
    return f"; did you mean {listed}?"


class _View(Collection[_T], Generic[_T]):
    """What the three views share; subclasses say how to iterate and look up one id."""

    __slots__ = ("_legacy",)
    _noun = "element"

    def __init__(self) -> None:
        self._legacy: Iterator[_T] | None = None

    def _lookup(self, id: str) -> _T | None:
        """The element with this id, or None."""
        raise NotImplementedError

    def _not_found(self, id: str) -> NodeNotFoundError:
        raise NotImplementedError

    @overload
    def __getitem__(self, key: str | int) -> _T: ...
    @overload
    def __getitem__(self, key: slice) -> list[_T]: ...
    def __getitem__(self, key: str | int | slice) -> _T | list[_T]:
        """The element with this id, or at this position (a slice gives a list)."""
        if isinstance(key, str):
            found = self._lookup(key)
            if found is None:
                raise self._not_found(key)
            return found
        if isinstance(key, int) and not isinstance(key, bool):
            index = key + len(self) if key < 0 else key
            if index >= 0:
                for element in itertools.islice(self, index, None):
                    return element
            raise IndexError(
                f"{self._noun} position {key} is out of range: "
                f"the map has {len(self)} {self._noun}s"
            )
        if isinstance(key, slice):
            return list(self)[key]
        raise ArgumentTypeError(
            f"m.{self._noun}s[...] takes an id (a string) or a position (an int), "
            f"not {with_article(type(key).__name__)}"
        )

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            return self._lookup(item) is not None
        if isinstance(item, (Statement, Inference, Source)):
            return self._lookup(item.id) == item
        return False

    def __bool__(self) -> bool:
        return any(True for _ in self)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __call__(self) -> list[_T]:
        """A list of the elements: a snapshot, unchanged by later changes to the map."""
        return list(self)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (list, tuple)) or type(other) is type(self):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # equal to lists, which are unhashable

    def __next__(self) -> _T:
        """Deprecated: the next element, as when ``m.statements`` was a generator (each
        access of the property was a new one, so ``next(m.statements)`` was the first)."""
        warnings.warn(
            f"next() on m.{self._noun}s is deprecated: it is a view now, not a generator; "
            f"use m.{self._noun}s[0] for the first, or next(iter(m.{self._noun}s))",
            DeprecationWarning,
            stacklevel=2,
        )
        if self._legacy is None:
            self._legacy = iter(self)
        return next(self._legacy)

    def __repr__(self) -> str:
        ids = [e.id for e in itertools.islice(self, _SHOWN + 1)]
        if len(ids) <= _SHOWN:
            return f"{type(self).__name__}({ids!r})"
        shown = ", ".join(repr(i) for i in ids[:_SHOWN])
        return f"{type(self).__name__}([{shown}, ...], {len(self)} {self._noun}s)"


class _NodeView(_View[_T]):
    """A view of the graph's nodes of one sort (statements or inferences)."""

    __slots__ = ("_nodes",)

    def __init__(self, nodes: dict[str, dict[str, Any]]) -> None:
        super().__init__()
        self._nodes = nodes

    def _not_found(self, id: str) -> NodeNotFoundError:
        if not isinstance(id, str):
            return NodeNotFoundError(f"no {self._noun} {id!r} in this map", ids=[])
        node = self._nodes.get(id)
        if node is not None:
            other = "inference" if self._noun == "statement" else "statement"
            return NodeNotFoundError(
                f"{id!r} is {'an' if other == 'inference' else 'a'} {other}, not "
                f"{'a' if other == 'inference' else 'an'} {self._noun}: "
                f"use m.{other}s[{id!r}]",
                ids=[id],
            )
        hint = close_matches(id, (e.id for e in self))
        return NodeNotFoundError(f"no {self._noun} {id!r} in this map{hint}", ids=[id])


class StatementsView(_NodeView[Statement]):
    """The statements of a map, in the order they were added: ``m.statements``.

    A live view (see :mod:`argmap.elements`): iterate it, ``len()`` it, index it by id or
    position, test ``in``, or call it for a list.
    """

    __slots__ = ()
    _noun = "statement"

    def __iter__(self) -> Iterator[Statement]:
        return (d["model"] for d in self._nodes.values() if d["kind"] != _INFERENCE)

    def _lookup(self, id: str) -> Statement | None:
        node = self._nodes.get(id)
        if node is None or node["kind"] == _INFERENCE:
            return None
        model: Statement = node["model"]
        return model


class InferencesView(_NodeView[Inference]):
    """The inferences of a map, in the order they were added: ``m.inferences``.

    A live view (see :mod:`argmap.elements`): iterate it, ``len()`` it, index it by id or
    position, test ``in``, or call it for a list.
    """

    __slots__ = ()
    _noun = "inference"

    def __iter__(self) -> Iterator[Inference]:
        return (d["model"] for d in self._nodes.values() if d["kind"] == _INFERENCE)

    def _lookup(self, id: str) -> Inference | None:
        node = self._nodes.get(id)
        if node is None or node["kind"] != _INFERENCE:
            return None
        model: Inference = node["model"]
        return model


class SourcesView(_View[Source]):
    """The sources of a map, in the order they were added: ``m.sources``.

    A live view (see :mod:`argmap.elements`): iterate it, ``len()`` it, index it by id or
    position, test ``in``, or call it for a list. Add and remove sources with
    ``m.add_source`` and ``m.remove_source``.
    """

    __slots__ = ("_get",)
    _noun = "source"

    def __init__(self, get: Callable[[], dict[str, Source]]) -> None:
        super().__init__()
        self._get = get

    def __iter__(self) -> Iterator[Source]:
        return iter(self._get().values())

    def __len__(self) -> int:
        return len(self._get())

    def __bool__(self) -> bool:
        return bool(self._get())

    def _lookup(self, id: str) -> Source | None:
        return self._get().get(id)

    def _not_found(self, id: str) -> NodeNotFoundError:
        sources = self._get()
        if not sources:
            return NodeNotFoundError(
                f"no source {id!r}: this map has no source; add one with m.add_source(text)",
                ids=[id],
            )
        hint = close_matches(id, sources) or f" (it has {', '.join(map(repr, sources))})"
        return NodeNotFoundError(f"no source {id!r} in this map{hint}", ids=[id])
