"""The ``%%argdown`` cell magic: Argdown text in a notebook cell, shown as its map.

Load it with ``%load_ext argmap``; then a cell such as::

    %%argdown
    [Tax]: We should tax sugary drinks.
      + Sugar taxes cut consumption.
      - Taxes on food hurt the poor most.

shows the map's diagram (the cell's result is the :class:`~argmap.ArgumentMap`).
``%%argdown name`` also stores the map in the variable ``name``. Text that is not
valid Argdown prints the problems, each with its line and column, as one message (no
traceback), and the cell has no result.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from argmap.errors import ArgmapError

if TYPE_CHECKING:
    from argmap.map import ArgumentMap

__all__ = ["argdown", "load_ipython_extension"]


def argdown(line: str, cell: str, namespace: dict[str, Any] | None = None) -> ArgumentMap | None:
    """The map of the Argdown text ``cell``, or None (after printing why) when it is not
    valid Argdown. A name in ``line`` is also given the map in ``namespace``.

    Examples
    --------
    >>> m = argdown("", "[Rain]: It rains.\\n  + The sky is grey.\\n")
    >>> [s.id for s in m.statements]
    ['rain', 'the-sky-is-grey']
    >>> argdown("", "[A]: fine\\n  +\\n") is None
    Argdown: line 2, column 3: expected a statement or argument after '+'
    True
    """
    from argmap.formats import argdown as reader

    name = line.strip()
    if name and not name.isidentifier():
        print(f"%%argdown: {name!r} is not a variable name (write %%argdown or %%argdown NAME)")
        return None
    try:
        m = reader.loads(cell)
    except ArgmapError as err:
        print(f"Argdown: {err}")
        return None
    if name and namespace is not None:
        namespace[name] = m
    return m


def load_ipython_extension(ipython: Any) -> None:
    """Register ``%%argdown`` (``%load_ext argmap`` calls this)."""

    def cell_magic(line: str, cell: str) -> ArgumentMap | None:
        return argdown(line, cell, ipython.user_ns)

    cell_magic.__doc__ = argdown.__doc__
    ipython.register_magic_function(cell_magic, magic_kind="cell", magic_name="argdown")
