"""Checks of the analysis functions' option values and id arguments (private)."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence

from argmap.errors import ArgumentTypeError, OptionError
from argmap.model import Statement

__all__ = ["check_option", "id_list"]


def check_option(option: str, value: object, allowed: Sequence[str]) -> None:
    """Raise :class:`~argmap.errors.OptionError` unless ``value`` is one of ``allowed``.

    The message names the option and the value, lists the values it takes and, for a
    near miss, suggests the closest one.

    Examples
    --------
    >>> check_option("semantics", "prefered", ("grounded", "preferred"))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    argmap.errors.OptionError: unknown semantics 'prefered'; choose one of grounded, preferred ...
    """
    if isinstance(value, str) and value in allowed:
        return
    message = f"unknown {option} {value!r}; choose one of {', '.join(allowed)}"
    if isinstance(value, str):
        close = difflib.get_close_matches(value.strip().lower(), allowed, n=1)
        if close:
            message += f" (did you mean {close[0]!r}?)"
    raise OptionError(message)


def id_list(name: str, ids: str | Statement | Iterable[str | Statement]) -> list[str]:
    """Statement ids given as one id (or statement), or an iterable of them.

    A bare string is one id, never its letters.

    Examples
    --------
    >>> id_list("reject", "battlefield")
    ['battlefield']
    >>> id_list("reject", ("a", "b"))
    ['a', 'b']
    """
    if isinstance(ids, str):
        return [ids]
    if isinstance(ids, Statement):
        return [ids.id]
    if isinstance(ids, (bytes, bytearray)) or not isinstance(ids, Iterable):
        raise ArgumentTypeError(
            f"{name} must be a statement id or an iterable of ids, got {type(ids).__name__}"
        )
    out: list[str] = []
    for x in ids:
        if isinstance(x, Statement):
            out.append(x.id)
        elif isinstance(x, str):
            out.append(x)
        else:
            raise ArgumentTypeError(
                f"{name} must hold statement ids (strings), got {type(x).__name__} {x!r}"
            )
    return out
