"""``argmap convert``: from every format argmap reads to every format it writes."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from argmap.cli.inputs import Source, error_code, read_map
from argmap.cli.options import (
    FormatName,
    from_option,
    in_place_option,
    json_option,
    progress_option,
)
from argmap.cli.outputs import destinations, write_output
from argmap.cli.runner import report_outputs, run_each
from argmap.errors import ArgmapError

if TYPE_CHECKING:
    from argmap.registry import FormatSpec

__all__ = ["convert"]


def _target(output: str, to: str | None, several: bool) -> FormatSpec:
    """The output format: ``--to``, else OUTPUT's suffix (argmap JSON for ``-`` or a
    folder); an output suffix no format has is a usage error naming the choices."""
    from argmap.errors import FormatError
    from argmap.registry import format_for_path, get

    if to is not None:
        return get(to, reading=False)
    if output == "-" or several:
        return get("argmap")
    try:
        return format_for_path(output)
    except FormatError as err:
        raise click.UsageError(err.message) from None


_EPILOG = """
\b
Examples:
  argmap convert nodeset6064.json map.json            # AIF in, argmap JSON out
  argmap convert map.json map.aif.json                # argmap JSON to AIF
  argmap convert map.json - --to dot                  # DOT on standard output
  cat map.json | argmap convert - - --to aif
  argmap convert aif-corpus/ converted/ --to argmap   # a folder of files
  argmap convert old.json old.json --in-place         # rewrite a file in place

\b
The output format comes from --to, else from OUTPUT's suffix (*.json argmap
JSON, *.aif.json AIF, *.dot DOT ...: 'argmap formats' lists them); an unknown
suffix is refused. Several inputs (or standard output) default to argmap JSON.
"""


@click.command(epilog=_EPILOG)
@click.argument("paths", nargs=-1, required=True, metavar="INPUT... OUTPUT")
@from_option
@click.option(
    "--to",
    type=FormatName(reading=False),
    default=None,
    help="Output format (see 'argmap formats'; default: from OUTPUT's suffix, else argmap).",
)
@in_place_option
@json_option
@progress_option
def convert(
    paths: tuple[str, ...],
    from_: str | None,
    to: str | None,
    in_place: bool,
    as_json: bool,
    progress: bool | None,
) -> None:
    """Convert maps between formats: every format argmap reads to every one it writes.

    The last argument is the output: a file, - for standard output, or a folder when
    there are several inputs (or a folder of inputs). Outputs are written atomically
    and never over an input unless --in-place is given.
    """
    from argmap.cli.options import expand_inputs

    if len(paths) < 2:
        raise click.UsageError("convert needs an INPUT and an OUTPUT (use - for standard output)")
    *inputs, output = paths
    sources = expand_inputs(inputs)
    if as_json and output == "-":
        raise click.UsageError("--json prints a report on standard output; write the map to a file")
    several = len(sources) > 1 or Path(output).is_dir()
    spec = _target(output, to, several)
    fmt = spec.name
    dumps = spec.dumps
    assert dumps is not None
    dests = dict(
        zip(
            (id(s) for s in sources),
            destinations(sources, output, spec.suffixes[0], option="OUTPUT"),
            strict=True,
        )
    )

    taken: dict[Path, str] = {}

    def work(source: Source) -> str:
        m = read_map(source, from_)
        try:
            text = dumps(m)
        except ArgmapError as err:
            raise source.fail(error_code(err), err.message, err.ids) from None
        return write_output(dests[id(source)], text, sources, source, in_place, taken)

    outcome = run_each(sources, work, progress=progress, what="convert")
    report_outputs(
        outcome,
        fmt=fmt,
        as_json=as_json,
        many=len(sources) > 1,
        header=("input", f"output ({fmt})"),
        verb="converted",
    )
    if outcome.failures:
        raise SystemExit(1)
