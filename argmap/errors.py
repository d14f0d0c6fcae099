"""The argmap exception hierarchy.

Every error argmap raises on purpose derives from :class:`ArgmapError`, and names the
ids (and, for files, the path) it is about, so callers can catch one base class and
users can read what went wrong and where.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pydantic import ValidationError

__all__ = [
    "AmbiguousQuoteError",
    "ArgmapError",
    "ArgumentTypeError",
    "DuplicateIdError",
    "FormatError",
    "FormatLossWarning",
    "GraphvizNotFoundError",
    "InvalidRelationError",
    "NodeNotFoundError",
    "OptionError",
    "QuoteError",
    "QuoteMismatchError",
    "QuoteNormalizedWarning",
    "QuoteNotFoundError",
    "RenderError",
    "SelfLoopError",
    "WriteError",
    "describe_validation_error",
    "with_article",
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


class OptionError(ArgmapError, ValueError):
    """An option value argmap does not know: an output format, a direction, a theme, a
    semantics. The message names the option and lists the values it takes."""


class ArgumentTypeError(ArgmapError, TypeError):
    """An argument of the wrong type or shape, e.g. a list where one statement is
    expected; the message names the parameter and what it takes."""


class WriteError(ArgmapError, OSError):
    """An output file could not be written; the message names the path asked for (not a
    temporary file) and the reason. Nothing is left half-written."""

    def __str__(self) -> str:  # OSError would otherwise format errno/filename itself
        return self.message


class RenderError(ArgmapError, RuntimeError):
    """Graphviz ran but failed to render the map."""


class GraphvizNotFoundError(RenderError):
    """The Graphviz ``dot`` program is not installed or not on ``PATH``."""


class QuoteError(ArgmapError, ValueError):
    """A quote does not fit its source; the message names the statement."""


class QuoteNotFoundError(QuoteError):
    """The quoted words are not in the source, even after normalising."""


class AmbiguousQuoteError(QuoteError):
    """The quoted words occur more than once and nothing says which is meant."""


class QuoteMismatchError(QuoteError):
    """A quote's span and text disagree with the source (or its source is unknown)."""


class QuoteNormalizedWarning(UserWarning):
    """A quote matched its source only after normalising whitespace or typography."""


class FormatLossWarning(UserWarning):
    """A writer left out part of the map that its format has no place for (the message
    names what): the file reads back without it."""


def with_article(word: str) -> str:
    """``word`` with its indefinite article, for messages: ``an attack``, ``a support``."""
    return f"{'an' if word[:1] in 'aeiou' else 'a'} {word}"


def describe_validation_error(err: ValidationError, *, indent: str = "  ", sep: str = "\n") -> str:
    """The problems in a pydantic ``ValidationError``, each as ``location: message``,
    joined by ``sep`` (one per line by default, or e.g. ``"; "`` for one line).

    Locations are dotted paths such as ``statements.2.text``; pydantic's help links are
    left out, so the text reads well in a terminal or an exception message.
    """
    lines = []
    for e in err.errors(include_url=False):
        loc = ".".join(str(part) for part in e["loc"]) or "(top level)"
        msg = e["msg"].removeprefix("Value error, ")  # our validators' own words
        if e["type"] == "unexpected_keyword_argument":  # a dataclass's word for extra field
            msg = "Extra inputs are not permitted"
        lines.append(f"{indent}{loc}: {msg}")
    return sep.join(lines)
