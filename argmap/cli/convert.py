"""``argmap convert``: between argmap JSON, AIF JSON and DOT."""

from __future__ import annotations

from pathlib import Path

import click

from argmap.cli.inputs import Source, read_map
from argmap.cli.options import from_option, in_place_option, json_option, progress_option
from argmap.cli.outputs import destinations, write_output
from argmap.cli.runner import report_outputs, run_each
from argmap.map import ArgumentMap

__all__ = ["OUTPUT_FORMATS", "convert"]

OUTPUT_FORMATS = ("argmap", "aif", "dot")
"""What ``argmap convert --to`` writes."""

_SUFFIX = {"argmap": ".json", "aif": ".json", "dot": ".dot"}


def _dumps(m: ArgumentMap, fmt: str) -> str:
    if fmt == "aif":
        from argmap.formats.aif import dumps as aif_dumps

        return aif_dumps(m)
    if fmt == "dot":
        from argmap.formats.dot import dumps as dot_dumps

        return dot_dumps(m)
    return m.to_json()


def _target_format(output: str, to: str | None) -> str:
    if to is not None:
        return to
    name = Path(output).name.lower()
    if name.endswith(".aif.json") or name.endswith(".aif"):
        return "aif"
    if name.endswith((".dot", ".gv")):
        return "dot"
    return "argmap"


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
The output format comes from --to, else from OUTPUT's name: *.aif.json is AIF,
*.dot/*.gv DOT, anything else argmap JSON.
"""


@click.command(epilog=_EPILOG)
@click.argument("paths", nargs=-1, required=True, metavar="INPUT... OUTPUT")
@from_option
@click.option(
    "--to",
    type=click.Choice(OUTPUT_FORMATS),
    default=None,
    help="Output format (default: from OUTPUT's name, else argmap).",
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
    """Convert maps between formats: argmap JSON, AIF JSON, ICCMA (read) and DOT (write).

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
    fmt = to or ("argmap" if several else _target_format(output, None))
    dests = dict(
        zip(
            (id(s) for s in sources),
            destinations(sources, output, _SUFFIX[fmt], option="OUTPUT"),
            strict=True,
        )
    )

    taken: dict[Path, str] = {}

    def work(source: Source) -> str:
        m = read_map(source, from_)
        return write_output(dests[id(source)], _dumps(m, fmt), sources, source, in_place, taken)

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
