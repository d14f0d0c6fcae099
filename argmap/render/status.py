"""Show evaluation results in the drawing: status colours and badges.

:func:`status_style` turns labels (and strengths) into the ``node_attrs`` and
``badges`` that :func:`argmap.render.dot.to_dot` takes; :func:`strength_style`
shades each statement by its gradual strength; :func:`evaluated_dot` does
evaluation and drawing in one call.

Accepted statements are drawn green with a solid border, rejected ones grey with a
dashed border and grey text, undecided ones amber with a dotted border, so the status
also reads in black and white; the badge spells it out (``ACCEPTED 0.72``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import graphviz

from argmap.analysis.semantics import Label
from argmap.analysis.whatif import Status, evaluate
from argmap.errors import OptionError
from argmap.map import ArgumentMap
from argmap.render.dot import to_dot

__all__ = ["STATUS_COLOURS", "evaluated_dot", "status_style", "strength_style"]

STATUS_COLOURS: dict[str, dict[str, str]] = {
    "in": {"fillcolor": "#c8e6c9", "color": "#1b5e20", "style": "rounded,filled"},
    "out": {
        "fillcolor": "#eeeeee",
        "color": "#757575",
        "style": "rounded,filled,dashed",
        "fontcolor": "#616161",
    },
    "undec": {"fillcolor": "#fff3cd", "color": "#b26a00", "style": "rounded,filled,dotted"},
}
"""Graphviz attributes per label."""

_WORDS = {"in": "ACCEPTED", "out": "REJECTED", "undec": "UNDECIDED"}


def status_style(
    statuses: Mapping[str, Status] | Mapping[str, Label], *, strength: bool = True
) -> tuple[dict[str, dict[str, str]], dict[str, str]]:
    """``(node_attrs, badges)`` for :func:`argmap.render.dot.to_dot`.

    Parameters
    ----------
    statuses : mapping of id to Status or to a label
        From :func:`argmap.analysis.whatif.evaluate`, or plain labels such as
        :func:`argmap.analysis.semantics.labelling` gives.
    strength : bool
        Add the gradual strength (two decimals) to the badge, when known.

    Examples
    --------
    >>> attrs, badges = status_style({"c": "out"})
    >>> badges
    {'c': 'REJECTED'}
    >>> attrs["c"]["style"]
    'rounded,filled,dashed'
    """
    attrs: dict[str, dict[str, str]] = {}
    badges: dict[str, str] = {}
    for id, st in statuses.items():
        label: str = st.label if isinstance(st, Status) else st
        if label not in STATUS_COLOURS:
            raise OptionError(f"unknown label {label!r} for {id!r}; expected in, out or undec")
        attrs[id] = dict(STATUS_COLOURS[label])
        badge = _WORDS[label]
        if strength and isinstance(st, Status) and st.strength is not None:
            badge += f" {st.strength:.2f}"
        badges[id] = badge
    return attrs, badges


def _shade(value: float) -> str:
    """White (0) to a mid blue (1)."""
    v = min(max(value, 0.0), 1.0)
    lo, hi = (255, 255, 255), (100, 149, 237)
    r, g, b = (round(a + (z - a) * v) for a, z in zip(lo, hi, strict=True))
    return f"#{r:02x}{g:02x}{b:02x}"


def strength_style(
    strengths: Mapping[str, float],
) -> tuple[dict[str, dict[str, str]], dict[str, str]]:
    """``(node_attrs, badges)`` shading each statement by strength (white 0 .. blue 1).

    Examples
    --------
    >>> strength_style({"a": 0.0, "b": 1.0})
    ({'a': {'fillcolor': '#ffffff'}, 'b': {'fillcolor': '#6495ed'}}, {'a': 'strength 0.00', 'b': 'strength 1.00'})
    """  # noqa: E501
    attrs = {id: {"fillcolor": _shade(v)} for id, v in strengths.items()}
    badges = {id: f"strength {v:.2f}" for id, v in strengths.items()}
    return attrs, badges


def evaluated_dot(
    m: ArgumentMap, *, dot_options: Mapping[str, Any] | None = None, **options: Any
) -> graphviz.Digraph:
    """Evaluate ``m`` (options as :func:`argmap.analysis.whatif.evaluate`) and draw it
    with :func:`status_style`; ``dot_options`` go to :func:`argmap.render.dot.to_dot`.

    Examples
    --------
    >>> import argmap as am
    >>> m = am.ArgumentMap()
    >>> c = m.claim("Tax sugar", id="c")
    >>> k = m.counterpoint("It hurts the poor", id="k", attacks=c)
    >>> "CLAIM · REJECTED 0.25" in evaluated_dot(m).source
    True
    """
    attrs, badges = status_style(evaluate(m, **options))
    return to_dot(m, node_attrs=attrs, badges=badges, **dict(dot_options or {}))
