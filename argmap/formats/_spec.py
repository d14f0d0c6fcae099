"""What a format declares about itself, for the registry (:mod:`argmap.registry`).

Each format module defines one :class:`FormatSpec` named ``FORMAT``; the registry lists
the modules, imports them only when a file is read or written, and picks a format by
the name asked for, the file's suffix, or its content (each spec's :attr:`sniff`).
This module imports nothing of argmap's, so any format module can use it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from argmap.map import ArgumentMap

__all__ = ["Content", "FormatSpec"]

_HEAD = 65536


class Content:
    """An input as the sniffers see it: its text, the first 64 KiB of it, and (for
    JSON) the parsed value, parsed at most once and only when a sniffer asks for it.

    >>> c = Content('{"sadface": {}}')
    >>> sorted(c.json)
    ['sadface']
    >>> Content("p af 3").json is None
    True
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.head = text[:_HEAD]
        stripped = self.head.lstrip()
        self.looks_json = stripped[:1] in ("{", "[")
        """True when the text starts (after whitespace) like a JSON object or array."""

    @cached_property
    def json(self) -> Any:
        """The parsed JSON value, or None when the text is not JSON (or too deep or
        too large a number to parse): a sniffer then says "not mine"."""
        if not self.looks_json:
            return None
        try:
            return json.loads(self.text)
        except (ValueError, RecursionError):
            return None

    @property
    def json_object(self) -> dict[str, Any] | None:
        """The parsed JSON when it is an object, else None."""
        value = self.json
        return value if isinstance(value, dict) else None


@dataclass(frozen=True)
class FormatSpec:
    """One file format: its names, what it can do, and how to tell it by content.

    ``loads``/``dumps`` work on map level (text in, :class:`ArgumentMap` out, and back);
    the format module's own ``load``/``loads``/``dump``/``dumps`` twins may offer more
    options. ``sniff`` looks at a :class:`Content` and returns a short reason when it is
    this format (``'has a "sadface" key'``), else None; it must be quick and never
    raise. ``keeps``/``loses`` are one sentence each for the docs' table of formats.
    """

    name: str
    """The name users pass as ``format=`` and ``--from``/``--to`` (``"sadface"``)."""
    title: str
    """How docs and messages name it (``"SADFace JSON"``)."""
    suffixes: tuple[str, ...]
    """File suffixes that mean this format, longest first (``(".sadface.json",)``);
    compound suffixes are matched before plain ones."""
    loads: Callable[[str], ArgumentMap] | None = None
    """Text to map; None for a format argmap only writes."""
    dumps: Callable[[ArgumentMap], str] | None = None
    """Map to text; None for a format argmap only reads."""
    sniff: Callable[[Content], str | None] | None = None
    """Tell the format by content; None when only its name or suffix tells it."""
    json: bool = False
    """The format is JSON, so any ``.json`` file may be it (told apart by ``sniff``)."""
    drawing: bool = False
    """A drawing (DOT, Mermaid): written for a renderer, not read back as a map."""
    looks_for: str = ""
    """What ``sniff`` looks for, for the message when no format recognises a file
    (``'a "sadface" key'``)."""
    keeps: str = ""
    loses: str = ""
    extra_suffixes: tuple[str, ...] = field(default=())
    """Generic suffixes this format is also written with (``.json``), for which the
    content decides on reading; not used to choose a format for writing."""

    @property
    def reads(self) -> bool:
        return self.loads is not None

    @property
    def writes(self) -> bool:
        return self.dumps is not None
