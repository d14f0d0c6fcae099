"""JSON text checks every JSON format shares; not a format (formats import this module,
never each other).

Python's ``json`` (and pydantic's parser) keep the last of two equal keys, so a second
``"nodes": []`` would silently empty a map. :func:`refuse_duplicate_keys` refuses it in
a text a pydantic model then parses; :func:`loads_unique` is ``json.loads`` that refuses
it, for a format that reads the parsed value itself. :func:`json_text` writes a JSON
value as ``json.dumps`` would, with pydantic's serializer.
"""

from __future__ import annotations

import json
from typing import Any

import pydantic_core

from argmap.errors import FormatError

__all__ = ["has_float", "json_text", "loads_unique", "refuse_duplicate_keys"]


def json_text(value: Any, *, indent: int | None, floats: bool = True) -> str:
    r"""``json.dumps(value, indent=indent, ensure_ascii=False)`` (with ``(",", ":")``
    separators when ``indent`` is None) and a final newline, for a JSON value: string
    keys, no NaN or infinity, no lone surrogate (what argmap's models hold).

    Without ``floats`` (the caller knows ``value`` holds no float, see :func:`has_float`)
    pydantic's serializer writes it, several times faster than the standard library's
    pure-Python encoder once ``indent`` is set, and byte for byte the same text: the
    two differ only in how they spell some floats (``2.5e-05`` against ``0.000025``).

    >>> json_text({"a": [1, "é"], "b": {}}, indent=None, floats=False)
    '{"a":[1,"é"],"b":{}}\n'
    >>> json_text({"x": 2.5e-05}, indent=None)
    '{"x":2.5e-05}\n'
    """
    if not floats and (indent is None or indent >= 0):  # json.dumps reads -1 as 0
        return pydantic_core.to_json(value, indent=indent).decode() + "\n"
    separators = (",", ":") if indent is None else (",", ": ")
    return json.dumps(value, indent=indent, ensure_ascii=False, separators=separators) + "\n"


def has_float(value: Any) -> bool:
    """True when the JSON value ``value`` holds a float anywhere in it.

    >>> has_float({"a": [1, {"b": "2.0"}]}), has_float({"a": [1, {"b": 2.0}]})
    (False, True)
    """
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list | tuple):
            stack.extend(item)
        elif isinstance(item, float):
            return True
    return False


class _DuplicateKeyError(Exception):
    pass


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    made = dict(pairs)
    if len(made) != len(pairs):
        raise _DuplicateKeyError
    return made


def refuse_duplicate_keys(
    text: str | bytes | bytearray, full_check: int, big_keys: tuple[str, ...] = ()
) -> None:
    """Raise a FormatError naming the first duplicate key and its path.

    Texts up to ``full_check`` characters have every object checked; a longer one only
    when one of ``big_keys`` (quoted, e.g. ``'"nodes"'``) occurs twice, a cheap count
    that catches the repeats that would drop content. Text that is not JSON is left to
    the format's own parser, which says where it breaks.

    >>> refuse_duplicate_keys('{"nodes": [], "nodes": [1]}', 1000)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    argmap.errors.FormatError: duplicate key 'nodes' at the top level: JSON would keep ...
    """
    if len(text) > full_check:
        if isinstance(text, str):
            repeated = any(text.count(q) > 1 for q in big_keys)
        else:
            repeated = any(text.count(q.encode()) > 1 for q in big_keys)
        if not repeated:
            return
    try:
        json.loads(text, object_pairs_hook=_unique)
        return
    except _DuplicateKeyError:
        pass
    except (ValueError, RecursionError):  # not JSON: pydantic says what is wrong
        return
    try:
        pairs = json.loads(text, object_pairs_hook=list)
    except (ValueError, RecursionError):  # a repeat before a syntax error: pydantic's turn
        return
    _refuse(pairs)


def loads_unique(text: str | bytes | bytearray) -> Any:
    """``json.loads(text)``, but a key given twice in one object is a FormatError naming
    the key and its path (see :func:`refuse_duplicate_keys`).

    Text that is not JSON raises what ``json.loads`` raises (``ValueError``, or
    ``RecursionError`` when nested too deeply), for the format's own message; so does
    a text with a repeated key before its syntax error.

    >>> loads_unique('{"a": [{"b": 1}]}')
    {'a': [{'b': 1}]}
    >>> loads_unique('{"a": [{"b": 1, "b": 2}]}')  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    argmap.errors.FormatError: duplicate key 'b' in a[0]: JSON would keep only the last value; ...
    """
    try:
        return json.loads(text, object_pairs_hook=_unique)
    except _DuplicateKeyError:
        pass
    _refuse(json.loads(text, object_pairs_hook=list))
    raise AssertionError("unreachable: a duplicate was found on the first pass")  # pragma: no cover


def _refuse(pairs: Any) -> None:
    where = _find_duplicate(pairs, "")
    if where is not None:
        key, path = where
        place = f"in {path}" if path else "at the top level"
        raise FormatError(
            f"duplicate key {key!r} {place}: JSON would keep only the last value; "
            "remove one of them"
        )


def _find_duplicate(value: Any, path: str) -> tuple[str, str] | None:
    """The first repeated key (and its path) in JSON parsed with pairs lists."""
    if isinstance(value, list) and all(isinstance(x, tuple) for x in value) and value:
        seen: set[str] = set()
        for key, _ in value:
            if key in seen:
                return key, path
            seen.add(key)
        for key, item in value:
            found = _find_duplicate(item, f"{path}.{key}" if path else key)
            if found:
                return found
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found = _find_duplicate(item, f"{path}[{index}]")
            if found:
                return found
    return None
