"""One way in and out: every file format argmap reads or writes, by name, suffix or content.

:func:`load`/:func:`loads` read a map in any format argmap reads, :func:`dump`/:func:`dumps`
write one (``ArgumentMap.save`` and the command line use the same functions). The format
is the one named by ``format=``; else it comes from the file's suffix (compound suffixes
such as ``.aif.json`` first); a suffix several formats share (``.json``) or no suffix at
all is settled by the content, each format's ``sniff`` saying why it recognises it. When
nothing decides, the error says what was looked for::

    >>> import argmap as am
    >>> am.loads('{"statements": [], "x": 1}')  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    argmap.errors.FormatError: cannot tell the format: the text is JSON (its keys: ...

Each format is one module with a ``FORMAT`` (or ``FORMATS``) :class:`FormatSpec`; this
module lists the modules (:data:`MODULES`) and imports one only when a file needs it,
so adding a format is one module plus one line here. Drawings (DOT, Mermaid) are
formats that are only written; pictures (SVG, PNG, PDF, HTML) are rendered by
:meth:`ArgumentMap.render`, not here.
"""

from __future__ import annotations

import importlib
import warnings
from collections.abc import Iterable
from functools import cache
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from pydantic import ValidationError

from argmap._io import json_problem, looks_like_text, shorten, write_atomic
from argmap.errors import ArgmapError, FormatError, OptionError, describe_validation_error
from argmap.formats._spec import Content, FormatSpec

if TYPE_CHECKING:
    from argmap.map import ArgumentMap

__all__ = [
    "MODULES",
    "PICTURE_SUFFIXES",
    "Content",
    "FormatSpec",
    "detect",
    "dump",
    "dumps",
    "format_for_path",
    "formats",
    "get",
    "load",
    "loads",
    "readable",
    "writable",
]

MODULES: tuple[str, ...] = (
    # Order matters twice: it is the order of the docs' table, and the order in which
    # the sniffers are asked -- the most specific first, AIF's "nodes and edges" late.
    "argmap.formats.json",
    "argmap.formats.sadface",
    "argmap.formats.ova",
    "argmap.formats.arguebuf",
    "argmap.formats.aif",
    "argmap.formats.xaif",
    "argmap.formats.iccma",
    "argmap.formats.microtexts",
    "argmap.formats.kialo",
    "argmap.formats.graphml",  # before Argdown: a GraphML text may hold "[a]: b" lines
    "argmap.formats.argdown",
    "argmap.formats.cytoscape",
    "argmap.render.dot",
    "argmap.render.mermaid",
)
"""The modules that define formats (each a ``FORMAT`` or ``FORMATS``)."""

_NAME_IT = (
    "name the format (format= in Python, --from on the command line; 'argmap formats' lists them)"
)

PICTURE_SUFFIXES = (".svg", ".png", ".pdf", ".html", ".htm")
"""Suffixes of what :meth:`ArgumentMap.render` draws: not formats a map is saved in."""


@cache
def _specs() -> tuple[FormatSpec, ...]:
    found: list[FormatSpec] = []
    for name in MODULES:
        module = importlib.import_module(name)
        specs = getattr(module, "FORMATS", None) or (module.FORMAT,)
        found.extend(specs)
    names = [s.name for s in found]
    dupes = {n for n in names if names.count(n) > 1}
    if dupes:  # pragma: no cover - a programming error caught by the tests
        raise RuntimeError(f"format names registered twice: {sorted(dupes)}")
    return tuple(found)


def formats() -> list[FormatSpec]:
    """Every format, in the registry's order.

    >>> formats()[0].name
    'argmap'
    """
    return list(_specs())


def readable() -> list[str]:
    """Names of the formats argmap reads."""
    return [f.name for f in _specs() if f.reads]


def writable() -> list[str]:
    """Names of the formats argmap writes."""
    return [f.name for f in _specs() if f.writes]


def get(name: str, *, reading: bool | None = None) -> FormatSpec:
    """The format called ``name`` (any case).

    ``reading=True`` (or ``False``) also checks the format can be read (written).

    Raises
    ------
    OptionError
        No such format (the message lists them), or it cannot be read (written).

    >>> get("AIF").title
    'AIF JSON'
    >>> get("dot", reading=True)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    argmap.errors.OptionError: format 'dot' (DOT (Graphviz)) cannot be read, only written; ...
    """
    if not isinstance(name, str):
        raise OptionError(f"format must be a format name (a str), not {type(name).__name__}")
    key = name.strip().lower()
    for spec in _specs():
        if spec.name == key:
            if reading is True and not spec.reads:
                raise OptionError(
                    f"format {spec.name!r} ({spec.title}) cannot be read, only written; "
                    f"formats argmap reads: {', '.join(readable())}"
                )
            if reading is False and not spec.writes:
                raise OptionError(
                    f"format {spec.name!r} ({spec.title}) cannot be written, only read; "
                    f"formats argmap writes: {', '.join(writable())}"
                )
            return spec
    pool = readable() if reading else writable() if reading is False else [f.name for f in _specs()]
    raise OptionError(f"unknown format {name!r}; choose one of: {', '.join(pool)}")


def _generic_suffixes(spec: FormatSpec) -> tuple[str, ...]:
    return (*spec.extra_suffixes, ".json") if spec.json else spec.extra_suffixes


def _by_suffix(name: str, *, reading: bool) -> list[FormatSpec]:
    """The formats a file called ``name`` may be in, by its suffix.

    A format's own suffix (``.aif.json``, ``.af``) names it; the longest one wins. A
    generic suffix (``.json``, ``.xml``, ``.txt``: :attr:`FormatSpec.extra_suffixes`,
    and ``.json`` for every JSON format) only narrows the choice to the formats that
    may use it, and the content decides among them -- also where a format's own suffix
    is no longer than the generic one (``.json`` is argmap JSON's, and any JSON format's).
    """
    lowered = name.lower()
    usable = [s for s in _specs() if (s.reads if reading else s.writes)]
    own, own_len = _longest(lowered, [(s, s.suffixes) for s in usable])
    if reading:
        generic, generic_len = _longest(lowered, [(s, _generic_suffixes(s)) for s in usable])
        if generic and generic_len >= own_len:
            return generic
    return own


def _longest(
    name: str, candidates: list[tuple[FormatSpec, tuple[str, ...]]]
) -> tuple[list[FormatSpec], int]:
    """The formats with the longest of their suffixes that ``name`` ends with (and is
    more than), and that suffix's length."""
    best: list[FormatSpec] = []
    best_len = 0
    for spec, suffixes in candidates:
        for suffix in suffixes:
            if name.endswith(suffix) and len(name) > len(suffix):
                if len(suffix) > best_len:
                    best, best_len = [spec], len(suffix)
                elif len(suffix) == best_len and spec not in best:
                    best.append(spec)
    return best, best_len


def _sniff(content: Content, candidates: Iterable[FormatSpec]) -> tuple[FormatSpec, str] | None:
    for spec in candidates:
        if spec.sniff is None:
            continue
        try:
            reason = spec.sniff(content)
        except Exception:
            reason = None
        if reason:
            return spec, reason
    return None


def detect(text: str, name: str | None = None) -> tuple[FormatSpec, str]:
    """The format of ``text`` (read from a file called ``name``, if any) and why.

    Raises
    ------
    FormatError
        Neither the suffix nor the content tells the format; the message says what
        was looked for and how to name the format.

    >>> spec, why = detect('{"format": "argmap", "version": 1}')
    >>> spec.name, why
    ('argmap', 'has "format": "argmap"')
    >>> detect("p af 2\\n1 2\\n", "x.af")[1]
    "the suffix '.af'"
    """
    content = Content(text)
    suffix_specs = _by_suffix(name, reading=True) if name else []
    if len(suffix_specs) == 1:
        spec = suffix_specs[0]
        matched = next((s for s in spec.suffixes if name and name.lower().endswith(s)), None)
        if matched is not None:  # its own suffix, not a generic one: the suffix decides
            return spec, f"the suffix {matched!r}"
    readers = [s for s in _specs() if s.reads]
    pool = suffix_specs or readers
    found = _sniff(content, pool)
    if found is not None:
        return found
    raise FormatError(_undetected(content, name, pool, by_suffix=bool(suffix_specs)))


def _undetected(
    content: Content, name: str | None, pool: list[FormatSpec], *, by_suffix: bool
) -> str:
    where = f"{name}: " if name else ""
    suffix = PurePath(name).suffix if name else ""
    what = f"the suffix {suffix!r} is not one argmap knows" if suffix else "there is no suffix"
    if by_suffix and not content.looks_json:
        titles = " or ".join(s.title for s in pool)
        what = f"the suffix {suffix!r} may be {titles}, but the content is not"
        return f"{where}cannot tell the format: {what}; {_NAME_IT}"
    if name and name.lower().endswith(PICTURE_SUFFIXES):
        what = f"{suffix!r} is a picture argmap draws, not a map it reads"
    if content.looks_json:
        if content.json is None:  # every JSON format would fail here: say where and why
            problem = json_problem(content.text) or "not valid JSON"
            return f"{where}{problem}; if it is not meant to be JSON, {_NAME_IT}"
        looked = [f"{s.title} ({s.looks_for})" for s in pool if s.json and s.looks_for]
        keys = ""
        obj = content.json_object
        if obj is not None:
            shown = ", ".join(repr(k) for k in list(obj)[:8])
            keys = f" (its keys: {shown})" if shown else " (an empty object)"
        return (
            f"{where}cannot tell the format: the text is JSON{keys}, but no JSON format "
            f"argmap reads recognises it (looked for: {'; '.join(looked)}); {_NAME_IT}"
        )
    return (
        f"{where}cannot tell the format: {what}, and the content matches none of the "
        f"formats argmap reads; {_NAME_IT}"
    )


def format_for_path(path: str | PurePath, format: str | None = None) -> FormatSpec:
    """The format a map is written in at ``path``: ``format`` when given, else by the
    suffix (``.json`` alone is argmap JSON).

    Raises
    ------
    FormatError
        The suffix is not one argmap writes; the message lists the suffixes, and says
        to use ``render`` for a picture suffix (``.svg``).

    >>> format_for_path("map.aif.json").name, format_for_path("map.json").name
    ('aif', 'argmap')
    """
    if format is not None:
        return get(format, reading=False)
    name = PurePath(path).name
    found = _by_suffix(name, reading=False)
    if found:
        return found[0]
    suffix = PurePath(name).suffix
    if name.lower().endswith(PICTURE_SUFFIXES):
        raise FormatError(
            f"{str(path)!r}: {suffix!r} is a picture, not a map format; draw it with "
            "m.render(path) (argmap render on the command line)"
        )
    choices = ", ".join(sorted({x for s in _specs() if s.writes for x in s.suffixes}))
    what = f"the suffix {suffix!r}" if suffix else "no suffix"
    raise FormatError(
        f"{str(path)!r}: cannot tell the format to write from {what}; use one of "
        f"{choices}, or name the format (format=, --to on the command line)"
    )


def _decode(data: bytes | str, where: str) -> str:
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise FormatError(f"{where}not UTF-8 text: {err.reason} at byte {err.start}") from None


def _read(text: str, spec: FormatSpec, name: str | None) -> ArgumentMap:
    assert spec.loads is not None
    where = f"{name}: " if name else ""
    try:
        return spec.loads(text)
    except ValidationError as err:
        broken = spec.json and any(e["type"] == "json_invalid" for e in err.errors())
        problem = json_problem(text) if broken else None
        if problem is not None:  # the same words as the command line's
            raise FormatError(f"{where}{problem}") from None
        message = f"{where}not a valid {spec.title} file: {_first_problems(err)}"
    except FormatError as err:
        message = err.message if name is None or name in err.message else where + err.message
        ids: tuple[str, ...] = err.ids
        hint = _other_format(text, spec)
        raise FormatError(message + hint, ids=ids) from None
    except ArgmapError as err:
        if name is None:
            raise
        raise FormatError(where + err.message, ids=err.ids) from None
    raise FormatError(message + _other_format(text, spec)) from None


def _first_problems(err: ValidationError, shown: int = 3) -> str:
    """The first few of pydantic's problems on one line, and how many more there are: a
    file in another format fails on every node, and one line should stay readable."""
    detail = describe_validation_error(err, indent="", sep="; ")
    parts = detail.split("; ")
    if err.error_count() <= shown or len(parts) != err.error_count():
        return detail
    return "; ".join(parts[:shown]) + f"; and {err.error_count() - shown} more"


def _other_format(text: str, tried: FormatSpec) -> str:
    """A hint when ``text`` failed as ``tried`` but another format recognises it and
    reads it: a text that no reader takes (a duplicate key, broken JSON) gets the
    first reader's error alone, not a hint that would fail in turn."""
    found = _sniff(Content(text), [s for s in _specs() if s.reads and s is not tried])
    if found is None:
        return ""
    spec, reason = found
    assert spec.loads is not None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            spec.loads(text)
    except (ArgmapError, ValidationError):
        return ""
    return f" (it looks like {spec.title}: {reason}; use format={spec.name!r})"


def loads(text: str | bytes, format: str | None = None) -> ArgumentMap:
    """Read a map from text in any format argmap reads.

    Parameters
    ----------
    text
        The file's contents (``bytes`` are decoded as UTF-8; a byte order mark is skipped).
    format
        A format name (:func:`readable`); by default the content decides.

    Raises
    ------
    FormatError
        The format cannot be told, or the text is not valid in it (naming the place);
        when the text looks like another format, the message says which.
    OptionError
        ``format`` is not a format argmap reads.

    Examples
    --------
    >>> m = loads('{"format": "argmap", "version": 1, "statements": '
    ...           '[{"id": "c", "kind": "claim", "text": "Tax sugar"}]}')
    >>> [s.id for s in m.statements]
    ['c']
    """
    if isinstance(text, PurePath):
        raise FormatError(
            f"expected the text of a map, but got a path ({str(text)!r}); "
            "to read a file, use argmap.load(path)"
        )
    spec = get(format, reading=True) if format is not None else None
    decoded = _decode(text, "")
    if spec is None:
        spec, _ = detect(decoded)
    return _read(decoded, spec, None)


def load(path: str | PurePath, format: str | None = None) -> ArgumentMap:
    """Read a map from a file in any format argmap reads; see :func:`loads`.

    The format is ``format``, else the suffix's (``.aif.json``, ``.af``, ``.argdown``
    ...), else the content's (a plain ``.json`` file may be argmap JSON, AIF, SADFace
    ...). Every error is a :class:`~argmap.errors.FormatError` naming the file.
    """
    if not isinstance(path, (str, PurePath)):
        raise FormatError(f"expected a file path (str or Path), not {type(path).__name__}")
    p = Path(path)
    spec = get(format, reading=True) if format is not None else None
    try:
        data = p.read_bytes()
    except OSError as err:
        if isinstance(path, str) and looks_like_text(path):
            one_line = shorten(" ".join(path.split()), 40)
            raise FormatError(
                f"expected a file path, but got what looks like the text of a map "
                f"({one_line!r}); to read text, use argmap.loads(text)"
            ) from None
        raise FormatError(f"{shorten(p)}: cannot read: {err.strerror or err}") from None
    name = str(path)
    text = _decode(data, f"{name}: ")
    if spec is None:
        try:
            spec, _ = detect(text, name)
        except FormatError as err:
            message = err.message if err.message.startswith(name) else f"{name}: {err.message}"
            raise FormatError(message) from None
    return _read(text, spec, name)


def dumps(m: ArgumentMap, format: str = "argmap") -> str:
    """The map as text in ``format`` (default argmap JSON); see :func:`writable`.

    >>> import argmap as am
    >>> m = am.ArgumentMap()
    >>> _ = m.claim("Tax sugar", id="c")
    >>> print(dumps(m, "mermaid").splitlines()[0])
    flowchart BT
    """
    spec = get(format, reading=False)
    assert spec.dumps is not None
    return spec.dumps(m)


def dump(m: ArgumentMap, path: str | PurePath, format: str | None = None) -> Path:
    """Write the map to ``path`` atomically, in ``format`` or the suffix's format
    (:func:`format_for_path`); returns the path.

    Raises
    ------
    FormatError
        The suffix says no format (nothing is written).
    WriteError
        The file cannot be written.
    """
    spec = format_for_path(path, format)
    assert spec.dumps is not None
    return write_atomic(Path(path), spec.dumps(m))
