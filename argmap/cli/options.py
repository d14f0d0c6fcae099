"""Options shared by several commands."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import click

from argmap.cli.inputs import INPUT_FORMATS, Source, expand

__all__ = ["expand_inputs", "from_option", "in_place_option", "json_option", "progress_option"]

F = TypeVar("F", bound=Callable[..., Any])

from_option: Callable[[F], F] = click.option(
    "--from",
    "from_",
    type=click.Choice(INPUT_FORMATS),
    default=None,
    help="Input format; by default told from the suffix (.af, .apx, .tgf) or the JSON content.",
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
        raise click.UsageError(f"no map files (*.json, *.af, *.apx, *.tgf) in {', '.join(args)}")
    if sum(1 for s in sources if s.is_stdin) > 1:
        raise click.UsageError("standard input ('-') can be read only once")
    return sources
