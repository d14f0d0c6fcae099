"""Writing the command line's outputs: atomically, to stdout with ``-``, and never over
an input unless ``--in-place`` is given."""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from argmap._io import write_atomic
from argmap.cli.inputs import Source

if TYPE_CHECKING:
    from argmap.map import ArgumentMap

__all__ = [
    "LONG_RENDER",
    "destinations",
    "emit_json",
    "guard_inputs",
    "long_render",
    "write_output",
]


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def guard_inputs(dest: Path, inputs: Iterable[Source], source: Source, in_place: bool) -> None:
    """Refuse (with ``source``'s failure) to write ``dest`` if it is one of the inputs."""
    if in_place:
        return
    for other in inputs:
        if other.path is not None and _same_file(dest, other.path):
            raise source.fail(
                "would-overwrite-input",
                f"refusing to overwrite input file {str(dest)!r}; pass --in-place to allow it",
            )


def write_output(
    dest: str | Path,
    data: str | bytes,
    inputs: Iterable[Source],
    source: Source,
    in_place: bool,
    taken: dict[Path, str] | None = None,
) -> str:
    """Write ``data`` to ``dest`` (``-`` is standard output); returns what was written to.

    ``taken`` records the files this run wrote (and for which input), so two inputs
    with the same name never write the same output file: the second one fails.
    """
    if str(dest) == "-":
        payload = data.encode("utf-8") if isinstance(data, str) else data
        sys.stdout.buffer.write(payload)
        sys.stdout.buffer.flush()
        return "-"
    target = Path(dest)
    guard_inputs(target, inputs, source, in_place)
    key = target.resolve()
    if taken is not None and key in taken:
        raise source.fail(
            "output-clash",
            f"its output {str(target)!r} was already written for {taken[key]}; "
            "inputs with the same name need separate runs or outputs",
        )
    try:
        write_atomic(target, data)
    except OSError as err:
        raise source.fail(
            "write-error", f"cannot write {str(target)!r}: {err.strerror or err}"
        ) from None
    if taken is not None:
        taken[key] = source.label
    return str(target)


def emit_json(obj: Any) -> None:
    """Print ``obj`` as indented JSON on standard output (keys in insertion order)."""
    sys.stdout.write(json.dumps(obj, indent=2, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def destinations(
    sources: list[Source], output: str | None, suffix: str, *, option: str = "-o/--output"
) -> list[str]:
    """Where each source's output goes.

    One source: ``output`` as given (a file, ``-``, or an existing folder), or without
    ``output`` the input's name with ``suffix`` (standard input goes to standard output).
    Several sources: ``output`` is a folder (created when missing) and each output is
    named after its input; without ``output`` each goes beside its input. ``option``
    names the output in usage errors.

    Raises
    ------
    click.UsageError
        ``output`` is empty; or, with several sources, it is ``-``, an existing file, or
        a missing path with a suffix (``two.png``): it looks like one file, and several
        outputs cannot go to one file.
    """
    if output is not None and not output.strip():
        raise click.UsageError(f"{option} is empty; give a file, a folder or - (standard output)")
    several = len(sources) > 1
    if output == "-" and several:
        raise click.UsageError(f"{option} - (standard output) takes one input, not several")
    if output is not None and several:
        where = Path(output)
        if where.exists() and not where.is_dir():
            raise click.UsageError(
                f"{option} {output!r} is a file, but there are {len(sources)} inputs; "
                "give a folder for their outputs (or one input)"
            )
        if not where.exists() and where.suffix:
            raise click.UsageError(
                f"{option} {output!r} looks like a file (it has the suffix "
                f"{where.suffix!r}), but there are {len(sources)} inputs; give a folder for "
                "their outputs (create it first if its name has a dot)"
            )
    single = not several
    if single and output is not None and not Path(output).is_dir():
        return [output]
    dests: list[str] = []
    for source in sources:
        if source.path is None:
            if output is None:
                dests.append("-")
                continue
            name = f"stdin{suffix}"
        else:
            name = source.path.with_suffix(suffix).name
        folder = Path(output) if output is not None else (source.path or Path()).parent
        dests.append(str(folder / name))
    return dests


LONG_RENDER = 10.0
"""Seconds after which a drawing is a long one: :func:`long_render` says so on standard
error even when it is not a terminal (a log, a CI job)."""

_GRAPHVIZ_FORMATS = ("svg", "png", "pdf", "html")


@contextmanager
def long_render(label: str, m: ArgumentMap, fmt: str) -> Iterator[None]:
    """Show that Graphviz is still drawing ``m``: on a terminal, a line on standard
    error with the seconds so far, from one second on, replaced when done; elsewhere one
    line once the drawing passes :data:`LONG_RENDER` seconds. Nothing for the formats
    Graphviz does not draw, or a drawing that is quick."""
    if fmt not in _GRAPHVIZ_FORMATS:
        yield
        return
    tty = sys.stderr.isatty()
    done = threading.Event()
    start = time.monotonic()
    what = f"drawing {label} ({len(m)} statements) with Graphviz"
    shown = False

    def tick() -> None:
        nonlocal shown
        if not done.wait(1.0 if tty else LONG_RENDER):
            if not tty:
                click.echo(f"argmap: {what}: still running after {LONG_RENDER:g} s", err=True)
                return
            while not done.is_set():
                shown = True
                click.echo(f"\r{what}: {time.monotonic() - start:.0f} s", err=True, nl=False)
                done.wait(1.0)

    watcher = threading.Thread(target=tick, daemon=True)
    watcher.start()
    try:
        yield
    finally:
        done.set()
        watcher.join()
        if shown:
            click.echo(f"\r{what}: done in {time.monotonic() - start:.1f} s", err=True)
