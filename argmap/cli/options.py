"""Options shared by several commands."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import click

from argmap.cli.inputs import Source, expand, map_suffixes

__all__ = [
    "FormatName",
    "expand_inputs",
    "from_option",
    "in_place_option",
    "json_option",
    "progress_option",
]

F = TypeVar("F", bound=Callable[..., Any])


class FormatName(click.ParamType):  # type: ignore[type-arg]  # generic only in click >= 8.2
    """A format name of the registry, checked when given (the registry is imported
    only then, so ``argmap --help`` stays quick); ``argmap formats`` lists them."""

    name = "format"

    def __init__(self, *, reading: bool) -> None:
        self.reading = reading

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        from argmap.errors import OptionError
        from argmap.registry import get

        try:
            return get(str(value), reading=self.reading).name
        except OptionError as err:
            self.fail(err.message, param, ctx)


from_option: Callable[[F], F] = click.option(
    "--from",
    "from_",
    type=FormatName(reading=True),
    default=None,
    help="Input format (see 'argmap formats'); by default told from the suffix, then the content.",
)
json_option: Callable[[F], F] = click.option(
    "--json", "as_json", is_flag=True, help="Print machine-readable JSON on standard output."
)
progress_option: Callable[[F], F] = click.option(
    "--progress/--no-progress",
    default=None,
    help="Show a progress bar on standard error (default: for several inputs on a terminal).",
)
in_place_option: Callable[[F], F] = click.option(
    "--in-place", is_flag=True, help="Allow an output file to replace an input file."
)


def expand_inputs(args: Iterable[str]) -> list[Source]:
    """The sources for the arguments; a usage error when folders hold no map files."""
    args = list(args)
    if any(not arg.strip() for arg in args):
        raise click.UsageError(
            "an empty argument is not a map file or folder; use . for the current folder"
        )
    sources = expand(args)
    if not sources:
        patterns = ", ".join(f"*{x}" for x in map_suffixes())
        raise click.UsageError(f"no map files ({patterns}) in {', '.join(args)}")
    if sum(1 for s in sources if s.is_stdin) > 1:
        raise click.UsageError("standard input ('-') can be read only once")
    return sources
