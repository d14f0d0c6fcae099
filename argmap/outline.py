"""A map as an indented text outline, like an Argdown tree: ``print(m)``, ``m.outline()``.

Main conclusions come first, each followed by what bears on it, one level deeper per
step of reasoning. Each line starts with the relation to the line it hangs from:

====  ==========================================================================
``+`` a reason: a premise that supports the statement above
``-`` an objection: a premise that attacks the statement above
``_`` an undercut: it denies that the step above (a premise and its target) goes through
``=`` a rephrase: says what the statement above says, in other words
``&`` one of the premises of a linked step, drawn as ``<inference-id>`` above them
====  ==========================================================================

A statement is ``[id]: text``. A statement reached a second time (a premise shared by
two steps, or a cycle of supports) is drawn once in full and then referred to as
``[id] (see above)``, so the outline is finite and every statement is written out once.
Statements that bear on nothing and are not main conclusions (e.g. a premise not yet
related) follow as further trees, then any left over (only in a cycle of supports),
each tree separated by a blank line. The map's title, if any, heads the outline as
``# title``. The outline is deterministic: map order throughout.

Examples
--------
>>> import argmap as am
>>> m = am.ArgumentMap(title="Socrates")
>>> c = m.claim("Socrates is mortal", id="c")
>>> step = m.support([m.premise("All humans are mortal", id="p1"),
...                   m.premise("Socrates is human", id="p2")], c)
>>> k = m.counterpoint("Some say he was a god", id="god", attacks="p2")
>>> e = m.premise("Every human we know of died", id="p3", supports=c)
>>> u = m.counterpoint("Past deaths settle no single case", id="u",
...                    undercuts=m.find_inference(e, c))
>>> print(m.outline())
# Socrates
<BLANKLINE>
[c]: Socrates is mortal
  + <p1-supports-c>
    & [p1]: All humans are mortal
    & [p2]: Socrates is human
      - [god]: Some say he was a god
  + [p3]: Every human we know of died
    _ [u]: Past deaths settle no single case
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.errors import OptionError
from argmap.model import Inference

if TYPE_CHECKING:
    from argmap.map import ArgumentMap

__all__ = ["MARKERS", "outline"]

MARKERS = {"support": "+", "attack": "-", "undercut": "_", "rephrase": "=", "linked": "&"}
"""The mark starting a line, by the relation to the line it hangs from."""

_INDENT = "  "
_ORDER = ("support", "attack", "rephrase")  # what bears on a statement, in this order


def outline(m: ArgumentMap, *, width: int | None = None) -> str:
    """The map as an indented text outline (see :mod:`argmap.outline`).

    Parameters
    ----------
    m : ArgumentMap
        The map (or a view of one).
    width : int, optional
        Cut each statement's text to this many characters (with ``...``); by default
        texts are written in full. Whitespace in a text (line breaks too) is always
        folded to single spaces, so each statement is one line.

    Returns
    -------
    str
        The outline, one line per statement or linked step, without a final newline;
        an empty map gives ``""`` (or just its title line).

    Raises
    ------
    OptionError
        ``width`` is below 4.
    """
    if width is not None and (isinstance(width, bool) or not isinstance(width, int) or width < 4):
        raise OptionError(f"width must be a whole number of at least 4, not {width!r}")
    return "\n".join(_Outline(m, width).lines())


class _Outline:
    """One drawing of one map: what bears on what, and which statements are drawn."""

    def __init__(self, m: ArgumentMap, width: int | None) -> None:
        self.m = m
        self.width = width
        self.texts = {s.id: s.text for s in m.statements}
        # For each statement or inference: the inferences aimed at it, in map order.
        self.incoming: dict[str, list[Inference]] = {}
        self.bears_on: set[str] = set()  # statements that are a premise of something
        for inf in m.inferences:
            self.incoming.setdefault(inf.target, []).append(inf)
            self.bears_on.update(inf.premises)
        self.drawn: set[str] = set()
        self.out: list[str] = []

    def lines(self) -> list[str]:
        title = self.m.title
        if title is not None:
            self.out.append(f"# {' '.join(title.split())}")
        first = title is None
        roots = [s.id for s in self.m.main_conclusions()]
        roots += [s for s in self.texts if s not in self.bears_on]  # bear on nothing
        roots += list(self.texts)  # left over: in a cycle, or hanging from one
        for root in roots:
            if root in self.drawn:
                continue
            if not first:
                self.out.append("")
            first = False
            self._tree(root)
        return self.out

    def _statement_line(self, id: str, marker: str, depth: int) -> bool:
        """Write statement ``id``'s line; True when it is new (so its reasons follow)."""
        prefix = f"{_INDENT * depth}{marker} " if marker else ""
        if id in self.drawn:
            self.out.append(f"{prefix}[{id}] (see above)")
            return False
        self.drawn.add(id)
        text = " ".join(self.texts[id].split())
        if self.width is not None and len(text) > self.width:
            text = text[: self.width - 3] + "..."
        self.out.append(f"{prefix}[{id}]: {text}")
        return True

    def _bearing_on(self, id: str) -> list[Inference]:
        """The inferences aimed at statement ``id``: supports, attacks, rephrases."""
        found = self.incoming.get(id, [])
        return sorted(found, key=lambda inf: _ORDER.index(inf.relation))  # stable

    def _tree(self, root: str) -> None:
        """Draw ``root`` and everything bearing on it, depth first, without recursion
        (a chain of reasons may be longer than Python's recursion limit)."""
        # A stack of (statement id or inference, marker, depth), next item last.
        stack: list[tuple[str | Inference, str, int]] = [(root, "", 0)]
        while stack:
            item, marker, depth = stack.pop()
            todo: list[tuple[str | Inference, str, int]] = []
            if isinstance(item, str):  # a linked premise, or the root
                if self._statement_line(item, marker, depth):
                    todo += [
                        (inf, MARKERS[inf.relation], depth + 1) for inf in self._bearing_on(item)
                    ]
            elif len(item.premises) == 1:  # a step drawn as its premise
                premise = item.premises[0]
                new = self._statement_line(premise, marker, depth)
                todo += [
                    (u, MARKERS["undercut"], depth + 1) for u in self.incoming.get(item.id, [])
                ]
                if new:
                    todo += [
                        (inf, MARKERS[inf.relation], depth + 1) for inf in self._bearing_on(premise)
                    ]
            else:  # a linked step: its undercuts, then its premises
                self.out.append(f"{_INDENT * depth}{marker} <{item.id}>")
                todo += [
                    (u, MARKERS["undercut"], depth + 1) for u in self.incoming.get(item.id, [])
                ]
                todo += [(p, MARKERS["linked"], depth + 1) for p in item.premises]
            stack.extend(reversed(todo))
