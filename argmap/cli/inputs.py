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
from typing import Any, Literal

import click
from pydantic import ValidationError

from argmap.errors import (
    ArgmapError,
    DuplicateIdError,
    InvalidRelationError,
    NodeNotFoundError,
    SelfLoopError,
)
from argmap.map import ArgumentMap

__all__ = [
    "INPUT_FORMATS",
    "MAP_SUFFIXES",
    "Failure",
    "InputError",
    "Source",
    "describe_validation",
    "detect_format",
    "error_code",
    "expand",
    "read_map",
]

InputFormat = Literal["argmap", "aif", "af", "apx", "tgf"]
INPUT_FORMATS: tuple[InputFormat, ...] = ("argmap", "aif", "af", "apx", "tgf")
"""Formats the commands read (``af``, ``apx``, ``tgf``: ICCMA argumentation frameworks)."""

MAP_SUFFIXES = (".json", ".af", ".apx", ".tgf")
"""File suffixes picked up when a folder is given."""

_ICCMA_SUFFIXES: dict[str, InputFormat] = {".af": "af", ".apx": "apx", ".tgf": "tgf"}


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
    for the map files (:data:`MAP_SUFFIXES`) in it and its subfolders, sorted by path.
    Missing files are kept, to fail with a clear message when read."""
    sources: list[Source] = []
    for arg in args:
        if arg == "-":
            sources.append(Source("<stdin>", None))
            continue
        path = Path(arg)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in MAP_SUFFIXES and not p.name.startswith(".")
            )
            sources.extend(Source(str(p), p) for p in found)
        else:
            sources.append(Source(arg, path))
    return sources


def detect_format(source: Source, given: str | None = None) -> tuple[InputFormat, Any]:
    """The input's format and, for JSON formats, its parsed JSON.

    ``given`` (from ``--from``) wins; otherwise ``.af``/``.apx``/``.tgf`` files are
    ICCMA frameworks and anything else is told by its content: a JSON object with
    ``"format": "argmap"`` is argmap JSON, one with ``nodes`` and ``edges`` is AIF.
    """
    data = source.read()
    suffix = source.path.suffix.lower() if source.path is not None else ""
    fmt: str | None = given or _ICCMA_SUFFIXES.get(suffix)
    if fmt in ("af", "apx", "tgf"):
        return fmt, None  # type: ignore[return-value]
    text = _decode(source, data)
    stripped = text.lstrip()
    if fmt is None and not stripped.startswith(("{", "[")):
        if stripped.startswith("p af"):
            return "af", None
        if stripped.startswith("arg("):
            return "apx", None
        what = f"suffix {suffix!r}" if suffix else "no suffix"
        raise source.fail(
            "unknown-format",
            f"unknown format ({what}, and the content is not JSON); "
            "use --from argmap|aif|af|apx|tgf",
        )
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as err:
        raise source.fail("invalid-json", f"not valid JSON: {err}") from None
    if fmt is None:
        if isinstance(obj, dict) and "format" in obj:
            if obj["format"] != "argmap":
                raise source.fail(
                    "unknown-format",
                    f'unknown format {obj["format"]!r} (argmap JSON has "format": "argmap")',
                )
            fmt = "argmap"
        elif isinstance(obj, dict) and "nodes" in obj and "edges" in obj:
            fmt = "aif"
        else:
            raise source.fail(
                "unknown-format",
                'unknown format: JSON that is neither argmap JSON ("format": "argmap") '
                'nor AIF ("nodes" and "edges"); use --from to say which',
            )
    return fmt, obj  # type: ignore[return-value]


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
    fmt, obj = detect_format(source, given)
    try:
        if fmt == "argmap":
            from argmap.formats.json import MapDocument, from_document

            return from_document(MapDocument.model_validate(obj))
        if fmt == "aif":
            from argmap.formats.aif import from_aif

            return from_aif(obj)
        from argmap.cli.frameworks import framework_as_map, read_framework

        return framework_as_map(read_framework(source, fmt), source)
    except ValidationError as err:
        raise source.fail(
            "invalid-document", f"not a valid {fmt} file: {describe_validation(err)}"
        ) from None
    except ArgmapError as err:
        raise source.fail(error_code(err), err.message, err.ids) from None
