"""Bulk loading helpers: the collector paused for one bulk call, and checked adds of
many elements at once.

A reader makes every statement and inference of a file, then adds them to a new map.
Adding them one at a time (:meth:`~argmap.ArgumentMap.add_statement`,
:meth:`~argmap.ArgumentMap.add_inference`) checks each against the map as it grows.
:func:`add_statements` and :func:`add_inferences` check the whole batch first (ids new
and unique, premises statements, targets of the right kind, no repeated inference) and
then write it into the graph's dicts in one go, with the same dicts, in the same order,
that the one-at-a-time adds make. When the batch is not plainly fine they add nothing
and return False: the caller then adds the elements one at a time as before, which
raises the same error, in the same place, with the same context.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator, Sequence
from typing import Any

from argmap.map import _INFERENCE, ArgumentMap, _before_write
from argmap.model import Inference, Statement

__all__ = ["add_inferences", "add_statements", "gc_paused"]


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a large map is built in one go.

    Building allocates many long-lived objects and no garbage cycles; the collector would
    otherwise re-scan the growing map again and again (about half the time of loading a
    100k-statement file). Reference counting still frees everything as usual, and the
    collector's previous state is restored on exit, also on error.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _writable(m: ArgumentMap) -> bool:
    """True when the map's graph may be written (what networkx checks before a write):
    not frozen; a cache of converted graphs is dropped, as networkx's own adds do."""
    if m._graph.__dict__.get("frozen"):
        return False  # the one-at-a-time add raises networkx's error, after its checks
    _before_write(m._graph)
    return True


def add_statements(m: ArgumentMap, statements: Sequence[Statement]) -> bool:
    """Add ``statements`` to ``m`` as :meth:`~argmap.ArgumentMap.add_statement` would,
    one after the other, and return True; or add none and return False when that could
    fail (an id already used or repeated, quotes or a style to check, an object that is
    not exactly a :class:`~argmap.model.Statement`).

    >>> from argmap.model import Statement
    >>> m = ArgumentMap()
    >>> add_statements(m, [Statement(id="a", kind="claim", text="A")])
    True
    >>> add_statements(m, [Statement(id="a", kind="claim", text="Again")])
    False
    >>> [s.text for s in m.statements]
    ['A']
    """
    nodes = m._nodes
    ids = [s.id for s in statements if type(s) is Statement]
    if (
        len(ids) < len(statements)
        or len(set(ids)) < len(ids)
        or not nodes.keys().isdisjoint(ids)
        or any(s.quotes or (s.metadata and "style" in s.metadata) for s in statements)
        or not _writable(m)
    ):
        return False
    g = m._graph
    g._succ.update({id: {} for id in ids})
    g._pred.update({id: {} for id in ids})
    nodes.update({s.id: {"kind": s.kind, "model": s} for s in statements})
    return True


def add_inferences(m: ArgumentMap, inferences: Sequence[Inference]) -> bool:
    """Add ``inferences`` to ``m`` as :meth:`~argmap.ArgumentMap.add_inference` would,
    one after the other in the given order, and return True; or add none and return
    False when that could fail: an id already used or repeated, a premise that is not a
    statement of the map, a target missing or of the wrong kind (an undercut's target
    must come before it), the same premises bearing on the same target in the same way
    twice, an object that is not exactly an :class:`~argmap.model.Inference`.

    >>> from argmap.model import Inference, Statement
    >>> m = ArgumentMap()
    >>> add_statements(m, [Statement(id=i, kind="claim", text=i) for i in "abc"])
    True
    >>> add_inferences(m, [Inference(id="i", relation="support", premises=("b",), target="a")])
    True
    >>> add_inferences(m, [Inference(id="j", relation="support", premises=("b",), target="a")])
    False
    >>> sorted(m.graph.predecessors("i"))
    ['b']
    """
    nodes = m._nodes
    ids = [inf.id for inf in inferences if type(inf) is Inference]
    if (
        len(ids) < len(inferences)
        or len(set(ids)) < len(ids)
        or not nodes.keys().isdisjoint(ids)
        or not _fine(nodes, inferences)
        or not _writable(m)
    ):
        return False
    for inf in inferences:  # checked as a whole above: only the writes are left
        m._insert_inference(inf)
    return True


def _fine(nodes: dict[str, dict[str, Any]], inferences: Sequence[Inference]) -> bool:
    """True when adding ``inferences`` (new, unique ids) one after the other to a map
    with these nodes passes every check of ``ArgumentMap._check_inference``."""
    # The relation of each inference, those already in the map and the new ones before.
    relation_of: dict[str, str] = {}
    keys: set[tuple[str, str, frozenset[str] | str]] = set()
    for id, node in nodes.items():
        if node["kind"] == _INFERENCE:
            other: Inference = node["model"]
            relation_of[id] = other.relation
            keys.add(_key(other))
    known = len(keys)
    for inf in inferences:
        relation, target = inf.relation, inf.target
        if target == inf.id:
            return False
        for p in inf.premises:
            premise = nodes.get(p)
            if premise is None or premise["kind"] == _INFERENCE:
                return False
        if relation == "undercut":
            if relation_of.get(target, "rephrase") == "rephrase":  # missing, or a rephrase
                return False
        else:
            statement = nodes.get(target)
            if statement is None or statement["kind"] == _INFERENCE:
                return False
        relation_of[inf.id] = relation
        keys.add(_key(inf))
        known += 1
        if len(keys) < known:  # the same premises already bear on the target this way
            return False
    return True


def _key(inf: Inference) -> tuple[str, str, frozenset[str] | str]:
    """What two inferences that repeat each other share (their premises as a set)."""
    premises = inf.premises
    return (
        inf.relation,
        inf.target,
        premises[0] if len(premises) == 1 else frozenset(premises),
    )
