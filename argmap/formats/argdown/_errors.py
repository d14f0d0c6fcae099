"""The error an Argdown text that cannot be read raises: every problem in it at once."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from argmap.errors import FormatError

__all__ = ["ArgdownSyntaxError", "Problem"]


@dataclass(frozen=True)
class Problem:
    """One problem in an Argdown text: where (1-based line and column) and what.

    ``expected`` says what the parser expected there (``"a statement or argument"``),
    or is empty when the problem is not about a missing element.
    """

    line: int
    column: int
    message: str
    expected: str = ""

    def __str__(self) -> str:
        return f"line {self.line}, column {self.column}: {self.message}"


class ArgdownSyntaxError(FormatError):
    """An Argdown text argmap cannot read; the message has one line per problem, e.g.
    ``line 3, column 5: expected a statement or argument after '+'``.

    Attributes
    ----------
    errors : tuple of Problem
        Every problem found, in the order of the text.
    line, column : int
        Where the first problem is.
    expected : str
        What the parser expected at the first problem (may be empty).

    Examples
    --------
    >>> from argmap.formats.argdown import loads
    >>> try:
    ...     loads("[A]: text\\n  +\\n")
    ... except ArgdownSyntaxError as err:
    ...     print(err.line, err.column, err.expected)
    2 3 a statement or argument
    """

    def __init__(self, problems: Iterable[Problem], *, where: str = "") -> None:
        self.errors: tuple[Problem, ...] = tuple(sorted(problems, key=lambda p: (p.line, p.column)))
        first = self.errors[0] if self.errors else Problem(1, 1, "cannot read the text")
        self.line, self.column, self.expected = first.line, first.column, first.expected
        self.where = where
        lines = "\n".join(str(p) for p in self.errors) or str(first)
        super().__init__(f"{where}: {lines}" if where else lines)

    def in_file(self, where: str) -> ArgdownSyntaxError:
        """The same problems, the message starting with ``where: `` (a file name)."""
        return ArgdownSyntaxError(self.errors, where=where)
