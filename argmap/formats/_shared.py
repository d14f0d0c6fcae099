"""Helpers every format reader and writer uses; not a format (formats import this
module, never each other).

* :func:`make_ids` turns a foreign format's node ids into argmap ids;
* :func:`kind_from_roles` and :func:`structural_kinds` give a statement the kind its
  place in the structure implies, for formats that have no statement kinds (AIF,
  SADFace, microtexts ...): a premise of some support is a ``premise``, a premise of
  attacks or undercuts only a ``counterpoint``, anything else a ``claim`` (rephrases
  do not count).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from argmap.model import ID_PATTERN, StatementKind

if TYPE_CHECKING:
    from argmap.map import ArgumentMap

__all__ = ["kind_from_roles", "make_ids", "structural_kinds"]

_ID = re.compile(ID_PATTERN)  # used with fullmatch: "$" alone lets a trailing "\n" through
_BAD_CHARS = re.compile(r"[^A-Za-z0-9_.\-]+")


def make_ids(raw_ids: Iterable[str]) -> dict[str, str]:
    """argmap ids for foreign node ids: kept when valid, else cleaned (invalid
    characters become ``-``); always unique (clashes get ``-2``, ``-3`` ...).

    >>> make_ids(["a1", "node 7", "node-7", "é"])
    {'a1': 'a1', 'node-7': 'node-7', 'node 7': 'node-7-2', 'é': 'node'}
    >>> make_ids(["a1\\n"])  # a trailing newline is not part of a valid id
    {'a1\\n': 'a1'}
    """
    ids: dict[str, str] = {}
    used: set[str] = set()
    pending: list[str] = []
    for raw in raw_ids:
        if _ID.fullmatch(raw) and len(raw) <= 200 and raw not in used:
            ids[raw] = raw
            used.add(raw)
        else:
            pending.append(raw)
    for raw in pending:
        if raw in ids:
            continue
        base = _BAD_CHARS.sub("-", raw).strip("-.")[:190] or "node"
        if not _ID.fullmatch(base):
            base = f"n{base}"
        candidate, n = base, 2
        while candidate in used:
            candidate, n = f"{base}-{n}", n + 1
        ids[raw] = candidate
        used.add(candidate)
    return ids


def kind_from_roles(roles: Iterable[str]) -> StatementKind:
    """The kind a statement's roles imply: the relations of the inferences it is a
    premise of. Rephrasing says nothing of the kind (a statement that only rephrases
    another is a ``claim``, which is not a main conclusion since it rephrases).

    >>> kind_from_roles({"support", "attack"}), kind_from_roles({"attack"}), kind_from_roles(())
    ('premise', 'counterpoint', 'claim')
    >>> kind_from_roles({"rephrase"}), kind_from_roles({"rephrase", "attack"})
    ('claim', 'counterpoint')
    """
    seen = set(roles) - {"rephrase"}
    return "premise" if "support" in seen else "counterpoint" if seen else "claim"


def structural_kinds(m: ArgumentMap) -> dict[str, StatementKind]:
    """The kind :func:`kind_from_roles` gives each statement of ``m`` from the map's
    structure alone (a writer compares it with the statement's own kind, and records
    the kind only where they differ)."""
    roles: dict[str, set[str]] = {}
    for inf in m.inferences:
        for p in inf.premises:
            roles.setdefault(p, set()).add(inf.relation)
    return {s.id: kind_from_roles(roles.get(s.id, ())) for s in m.statements}
