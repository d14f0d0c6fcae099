"""The argmap exception hierarchy.

Every error argmap raises on purpose derives from :class:`ArgmapError`, and names the
ids (and, for files, the path) it is about, so callers can catch one base class and
users can read what went wrong and where.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = [
    "ArgmapError",
    "DuplicateIdError",
    "FormatError",
    "GraphvizNotFoundError",
    "InvalidRelationError",
    "NodeNotFoundError",
    "RenderError",
    "SelfLoopError",
]


class ArgmapError(Exception):
    """Base class of all argmap errors.

    Attributes
    ----------
    ids : tuple of str
        The statement or inference ids the error is about (may be empty).
    """

    def __init__(self, message: str, *, ids: Iterable[str] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.ids: tuple[str, ...] = tuple(ids)

    def with_context(self, where: str) -> ArgmapError:
        """Return a copy of this error whose message starts with ``where: ``."""
        err = type(self).__new__(type(self))
        ArgmapError.__init__(err, f"{where}: {self.message}", ids=self.ids)
        return err


class NodeNotFoundError(ArgmapError, KeyError):
    """A statement or inference id is not in the map."""

    def __str__(self) -> str:  # KeyError would otherwise repr() the message
        return self.message


class DuplicateIdError(ArgmapError, ValueError):
    """An id is already used by another statement or inference in the map."""


class SelfLoopError(ArgmapError, ValueError):
    """A relation would connect a statement (or inference) to itself."""


class InvalidRelationError(ArgmapError, ValueError):
    """A relation of an impossible shape, e.g. an undercut aimed at a statement."""


class FormatError(ArgmapError, ValueError):
    """Input in some file format (JSON, DOT, ...) could not be read; names the path."""


class RenderError(ArgmapError, RuntimeError):
    """Graphviz ran but failed to render the map."""


class GraphvizNotFoundError(RenderError):
    """The Graphviz ``dot`` program is not installed or not on ``PATH``."""
