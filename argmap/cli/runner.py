"""Running a command over many inputs: progress bar, failures, summary tables."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

import click
from rich import box
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from argmap.cli.inputs import Failure, InputError, Source
from argmap.cli.outputs import emit_json

__all__ = [
    "REPORT_HINT",
    "Outcome",
    "internal_failure",
    "print_table",
    "run_each",
    "stdout_console",
]

T = TypeVar("T")


@dataclass
class Outcome(Generic[T]):
    """What a command did with each input: results, and failures in input order."""

    results: list[tuple[Source, T]] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


def report_failure(failure: Failure) -> None:
    """Print one failure as one line on standard error."""
    click.echo(f"argmap: error: {failure.line()}", err=True)


REPORT_HINT = "this is a bug in argmap: please report it with this input (see SECURITY.md)"


def internal_failure(source: Source, err: Exception) -> Failure:
    """The failure for an unexpected exception while processing ``source``."""
    detail = " ".join(str(err).split())
    detail = detail if len(detail) <= 300 else detail[:297] + "..."
    what = type(err).__name__ + (f": {detail}" if detail else "")
    return Failure(source.label, "internal-error", f"unexpected {what}; {REPORT_HINT}")


def _show_progress(progress: bool | None, n: int) -> bool:
    if progress is not None:
        return progress
    return n > 1 and sys.stderr.isatty()


def run_each(
    sources: Sequence[Source],
    work: Callable[[Source], T],
    *,
    progress: bool | None = None,
    report: bool = True,
    what: str = "maps",
) -> Outcome[T]:
    """Call ``work`` on each source in turn, going on past failures.

    A failure (an :class:`InputError`) is recorded and, when ``report`` is true,
    printed at once as one line on standard error. Any other exception from ``work``
    (a bug in argmap) is that input's failure too, code ``internal-error``, naming the
    exception and asking to report it; the run goes on to the next input. A progress
    bar is shown on standard error for runs over several inputs on a terminal (or when
    ``progress`` is true), and removed when the run ends.
    """
    outcome: Outcome[T] = Outcome()

    def step(source: Source, say: Callable[[Failure], None]) -> None:
        try:
            outcome.results.append((source, work(source)))
        except InputError as err:
            outcome.failures.append(err.failure)
            if report:
                say(err.failure)
        except Exception as err:  # a bug: report it as this input's failure and go on
            failure = internal_failure(source, err)
            outcome.failures.append(failure)
            if report:
                say(failure)

    if not _show_progress(progress, len(sources)):
        for source in sources:
            step(source, report_failure)
        return outcome
    console = Console(file=sys.stderr)

    def above_bar(failure: Failure) -> None:
        console.print(f"argmap: error: {failure.line()}", markup=False, highlight=False)

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task(what, total=len(sources))
        for source in sources:
            bar.update(task, description=f"{what}: {source.label}")
            step(source, above_bar)
            bar.advance(task)
    return outcome


def stdout_console() -> Console:
    """A console on standard output for tables; 200 columns wide when not a terminal
    (unless ``COLUMNS`` says otherwise), so piped output keeps whole rows."""
    wide = not sys.stdout.isatty() and "COLUMNS" not in os.environ
    return Console(file=sys.stdout, highlight=False, width=200 if wide else None)


def print_table(
    title: str | None,
    columns: Sequence[str],
    rows: Sequence[Sequence[object]],
    *,
    numeric: Sequence[str] = (),
    footer: Sequence[object] | None = None,
    wrap_values: bool = False,
) -> None:
    """Print a table on standard output; ``numeric`` columns are right-aligned.

    ``title`` (often a file path) is printed as is on a line of its own above the table,
    never wrapped: rich would wrap it at the table's width, cutting a path mid-word.
    The first column (file paths) folds on a narrow terminal and the others keep whole
    lines; ``wrap_values`` turns this round for a table of names and long values.
    """
    table = Table(
        show_footer=footer is not None,
        box=box.SIMPLE,
        pad_edge=False,
        collapse_padding=True,
    )
    for index, name in enumerate(columns):
        table.add_column(
            name,
            justify="right" if name in numeric else "left",
            footer="" if footer is None else str(footer[index]),
            no_wrap=(index == 0) if wrap_values else (index > 0),
            overflow="fold",  # on a narrow terminal, long paths wrap
        )
    for row in rows:
        table.add_row(*(str(x) for x in row))
    console = stdout_console()
    with console.capture() as captured:
        console.print(table)
    lines = [line.rstrip() for line in captured.get().splitlines()]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    if title is not None:
        lines[:0] = [title, ""]
    sys.stdout.write("\n".join(lines) + "\n")
    sys.stdout.flush()


def report_outputs(
    outcome: Outcome[str],
    *,
    fmt: str,
    as_json: bool,
    many: bool,
    header: tuple[str, str],
    verb: str,
) -> None:
    """Tell what a writing command (render, convert) wrote: JSON on stdout with
    ``--json``, else a table and a count line when there were several inputs."""
    if as_json:
        emit_json(
            {
                "ok": outcome.ok,
                "format": fmt,
                "outputs": [{"file": s.label, "output": out} for s, out in outcome.results],
                "failures": [f.as_json() for f in outcome.failures],
            }
        )
    elif many:
        rows = [(s.label, out) for s, out in outcome.results]
        rows += [(f.label, f"FAILED: {f.message}") for f in outcome.failures]
        print_table(None, header, rows)
        click.echo(f"{len(outcome.results)} {verb}, {len(outcome.failures)} failed")
