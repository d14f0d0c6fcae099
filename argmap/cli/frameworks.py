"""ICCMA argumentation frameworks on the command line: reading them, and reading them
as maps for the commands that work on maps (render, check, convert, stats)."""

from __future__ import annotations

from argmap.analysis.framework import ArgumentationFramework
from argmap.cli.inputs import Source
from argmap.errors import FormatError
from argmap.formats import iccma
from argmap.map import ArgumentMap

__all__ = ["framework_as_map", "read_framework"]


def read_framework(source: Source, fmt: str) -> ArgumentationFramework:
    """Read an ``af``/``apx``/``tgf`` input; raises :class:`InputError` on bad input."""
    data = source.read()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise source.fail(
            "invalid-encoding", f"not UTF-8 text: {err.reason} at byte {err.start}"
        ) from None
    try:
        return iccma.loads(text, fmt, source=source.label)  # type: ignore[arg-type]
    except FormatError as err:
        message = err.message
        for prefix in (f"{source.label}, ", f"{source.label}: "):
            message = message.removeprefix(prefix)
        raise source.fail("invalid-framework", message, err.ids) from None


def framework_as_map(af: ArgumentationFramework, source: Source) -> ArgumentMap:
    """The framework as a map (:func:`argmap.formats.iccma.as_map`, recording the input
    in ``metadata["iccma"]``); an argument attacking itself is a statement attacking
    itself, which ``argmap check`` reports as the lint warning ``self-attack``."""
    m = iccma.as_map(af)
    m.metadata = {"iccma": {"source": source.label}}
    return m
