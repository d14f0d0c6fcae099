"""Reading the command line's inputs: files, folders and ``-`` (standard input).

Every problem with one input becomes a :class:`Failure` -- a code and a one-line
message naming the file -- so a run over a corpus can report it and go on.
"""

from __future__ import annotations

import json
import sys
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from pydantic import ValidationError

from argmap._io import json_problem
from argmap.errors import (
    ArgmapError,
    DuplicateIdError,
    InvalidRelationError,
    NodeNotFoundError,
    SelfLoopError,
)
from argmap.map import ArgumentMap

if TYPE_CHECKING:
    from argmap.registry import Content

__all__ = [
    "ICCMA_FORMATS",
    "Failure",
    "InputError",
    "Source",
    "describe_validation",
    "detect_format",
    "error_code",
    "expand",
    "input_formats",
    "map_suffixes",
    "read_map",
]

ICCMA_FORMATS = ("af", "apx", "tgf")
"""Formats that hold an argumentation framework rather than a map."""


def input_formats() -> list[str]:
    """Names of the formats the commands read (the registry's readers)."""
    from argmap.registry import readable

    return readable()


def map_suffixes() -> tuple[str, ...]:
    """File suffixes picked up when a folder is given: those of every format argmap reads."""
    from argmap.registry import formats

    return tuple(sorted({x for f in formats() if f.reads for x in f.suffixes}))


@dataclass(frozen=True)
class Failure:
    """Why one input could not be processed: a stable ``code`` and a one-line message."""

    label: str
    code: str
    message: str
    ids: tuple[str, ...] = ()

    def line(self) -> str:
        """The one line printed for this failure."""
        return f"{self.label}: {self.message}"

    def as_json(self) -> dict[str, Any]:
        return {
            "file": self.label,
            "code": self.code,
            "message": self.message,
            "nodes": list(self.ids),
        }


class InputError(Exception):
    """Raised while reading an input; carries its :class:`Failure`."""

    def __init__(self, failure: Failure) -> None:
        super().__init__(failure.line())
        self.failure = failure


@dataclass
class Source:
    """One input: a file path, or standard input (``path`` is None)."""

    label: str
    path: Path | None
    _data: bytes | None = field(default=None, repr=False)

    @property
    def is_stdin(self) -> bool:
        return self.path is None

    def fail(self, code: str, message: str, ids: Iterable[str] = ()) -> InputError:
        """The :class:`InputError` for this input, its message joined onto one line."""
        one_line = " ".join(part.strip() for part in message.splitlines() if part.strip())
        return InputError(Failure(self.label, code, one_line, tuple(ids)))

    def read(self) -> bytes:
        """The input's bytes (standard input is read once and remembered)."""
        if self._data is None:
            if self.path is None:
                self._data = sys.stdin.buffer.read()
            else:
                try:
                    self._data = self.path.read_bytes()
                except IsADirectoryError:
                    raise self.fail("read-error", "cannot read: is a directory") from None
                except OSError as err:
                    raise self.fail("read-error", f"cannot read: {err.strerror or err}") from None
        return self._data


def expand(args: Iterable[str]) -> list[Source]:
    """Sources for the command-line arguments: ``-`` is standard input; a folder stands
    for the map files (:func:`map_suffixes`) in it and its subfolders, sorted by path.
    Missing files are kept, to fail with a clear message when read."""
    sources: list[Source] = []
    suffixes: tuple[str, ...] | None = None
    for arg in args:
        if arg == "-":
            sources.append(Source("<stdin>", None))
            continue
        path = Path(arg)
        if path.is_dir():
            suffixes = suffixes or map_suffixes()
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and p.name.lower().endswith(suffixes) and not p.name.startswith(".")
            )
            sources.extend(Source(str(p), p) for p in found)
        else:
            sources.append(Source(arg, path))
    return sources


def detect_format(source: Source, given: str | None = None) -> tuple[str, Content]:
    """The input's format name and its :class:`~argmap.registry.Content`.

    ``given`` (from ``--from``) wins; otherwise the registry decides by the suffix, then
    the content (:func:`argmap.registry.detect`). A JSON format whose text is not JSON
    fails here (``invalid-json``), with the parser's message.
    """
    from argmap.errors import FormatError
    from argmap.registry import Content, detect, get

    text = _decode(source, source.read())
    content = Content(text)
    if given is not None:
        spec = get(given, reading=True)
    else:
        try:
            spec, _ = detect(text, source.path.name if source.path is not None else None)
        except FormatError as err:
            if content.looks_json and content.json is None:  # say what is wrong with it
                raise source.fail("invalid-json", _not_json(text)) from None
            raise source.fail("unknown-format", _unprefixed(err.message, source)) from None
    if spec.json and content.json is None:
        if not content.looks_json:
            try:
                json.loads(text)
            except (ValueError, RecursionError):
                raise source.fail("invalid-json", _not_json(text)) from None
            raise source.fail("invalid-json", "not valid JSON: it does not start with { or [")
        raise source.fail("invalid-json", _not_json(text))
    return spec.name, content


def _not_json(text: str) -> str:
    return json_problem(text) or "not valid JSON"


def _unprefixed(message: str, source: Source) -> str:
    if source.path is not None:
        for prefix in (f"{source.path.name}: ", f"{source.label}: "):
            message = message.removeprefix(prefix)
    return message


def _decode(source: Source, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise source.fail(
            "invalid-encoding", f"not UTF-8 text: {err.reason} at byte {err.start}"
        ) from None


_ERROR_CODES: tuple[tuple[type[ArgmapError], str], ...] = (
    (NodeNotFoundError, "dangling-reference"),
    (DuplicateIdError, "duplicate-id"),
    (SelfLoopError, "self-loop"),
    (InvalidRelationError, "invalid-relation"),
)


def error_code(err: ArgmapError) -> str:
    """A stable code for a map error (``dangling-reference``, ``duplicate-id`` ...)."""
    for cls, code in _ERROR_CODES:
        if isinstance(err, cls):
            return code
    return "invalid-map"


def describe_validation(err: ValidationError) -> str:
    """A pydantic error on one line: ``loc: message; loc: message``."""
    parts = []
    for e in err.errors(include_url=False):
        loc = ".".join(str(x) for x in e["loc"])
        parts.append(f"{loc}: {e['msg']}" if loc else str(e["msg"]))
    return "; ".join(parts)


def read_map(
    source: Source, given: str | None = None, *, on_warning: Callable[[str], None] | None = None
) -> ArgumentMap:
    """Read one input as an :class:`ArgumentMap`; raises :class:`InputError`.

    Warnings while reading (e.g. an AIF I-node without text) go to ``on_warning``, or
    else are printed on standard error as ``argmap: warning: FILE: message`` lines; the
    map is returned."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        m = _read_map(source, given)
    for warning in caught:
        if on_warning is not None:
            on_warning(str(warning.message))
        else:
            click.echo(f"argmap: warning: {source.label}: {warning.message}", err=True)
    return m


def _read_map(source: Source, given: str | None) -> ArgumentMap:
    fmt, content = detect_format(source, given)
    if fmt in ICCMA_FORMATS:
        from argmap.cli.frameworks import framework_as_map, read_framework

        return framework_as_map(read_framework(source, fmt), source)
    from argmap.errors import FormatError
    from argmap.registry import get

    spec = get(fmt)
    assert spec.loads is not None
    try:
        return spec.loads(content.text)
    except ValidationError as err:
        raise source.fail(
            "invalid-document", f"not a valid {spec.title} file: {describe_validation(err)}"
        ) from None
    except FormatError as err:
        raise source.fail("invalid-document", _unprefixed(err.message, source), err.ids) from None
    except ArgmapError as err:
        raise source.fail(error_code(err), err.message, err.ids) from None
