"""How the reader names what the text leaves unnamed, shared with the writer so that it
knows which ids it must write out and which the reader derives by itself."""

from __future__ import annotations

import re

__all__ = ["unlinked"]

_LINK = re.compile(r"\[([^\]\n]+?)\]\([^)\n]+?\)")


def unlinked(text: str) -> str:
    """``text`` with each Markdown link ``[words](url)`` as its words: what an untitled
    statement's or structure's id is the slug of.

    >>> unlinked("see [the report](https://example.org) [0](1)")
    'see the report 0'
    """
    return _LINK.sub(r"\1", text)
