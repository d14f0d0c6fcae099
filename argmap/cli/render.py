"""``argmap render``: draw maps as SVG, PNG, PDF, DOT, Mermaid or an HTML report."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from argmap.cli.inputs import Source, error_code, read_map
from argmap.cli.options import (
    expand_inputs,
    from_option,
    in_place_option,
    json_option,
    progress_option,
)
from argmap.cli.outputs import destinations, write_output
from argmap.cli.runner import report_outputs, run_each
from argmap.errors import ArgmapError, RenderError
from argmap.map import ArgumentMap
from argmap.render.style import THEMES

__all__ = ["RENDER_FORMATS", "render"]

RENDER_FORMATS = ("svg", "png", "pdf", "dot", "mermaid", "html", "json")
"""What ``argmap render --format`` writes (svg, png, pdf and html need Graphviz)."""

_SUFFIX = {
    "svg": ".svg",
    "png": ".png",
    "pdf": ".pdf",
    "dot": ".dot",
    "mermaid": ".mmd",
    "html": ".html",
    "json": ".json",
}
_FROM_SUFFIX = {
    **{suffix: fmt for fmt, suffix in _SUFFIX.items()},
    ".gv": "dot",
    ".mermaid": "mermaid",
    ".htm": "html",
}


def _draw(m: ArgumentMap, fmt: str, options: dict[str, Any]) -> str | bytes:
    if fmt == "json":
        return m.to_json()
    if fmt == "dot":
        from argmap.render.dot import to_dot

        return str(to_dot(m, **options).source)
    if fmt == "mermaid":
        from argmap.render.mermaid import dumps as mermaid_dumps

        return mermaid_dumps(m, **options)
    if fmt == "html":
        from argmap.render.html import report_html

        return report_html(m, **options)
    from argmap.render.graphviz import pipe

    return pipe(m, fmt, **options)


def _format_for(output: str | None, fmt: str | None, n_sources: int) -> str:
    if fmt is not None:
        return fmt
    if output is not None and output != "-" and n_sources == 1 and not Path(output).is_dir():
        suffix = Path(output).suffix.lower()
        if suffix not in _FROM_SUFFIX:
            raise click.UsageError(
                f"cannot tell the format of {output!r} from its suffix; pass --format "
                f"({'|'.join(RENDER_FORMATS)})"
            )
        return _FROM_SUFFIX[suffix]
    return "svg"


_EPILOG = """
\b
Examples:
  argmap render map.json                       # writes map.svg beside it
  argmap render map.json -o map.png
  argmap render map.json -o - --format dot     # DOT text on standard output
  argmap render map.json --theme colorblind --direction LR
  argmap render map.json -o report.html        # the text beside the map
  argmap render map.json --focus main --depth 1 -o main.svg
  argmap render maps/ -o drawings/ --format pdf
"""


@click.command(epilog=_EPILOG)
@click.argument("maps", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    default=None,
    help="Output file, '-' for standard output, or a folder (for several maps). "
    "Default: beside each input, with the format's suffix.",
)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(RENDER_FORMATS),
    default=None,
    help="Output format; by default from the output's suffix, else svg.",
)
@click.option(
    "-t",
    "--theme",
    type=click.Choice(sorted(THEMES)),
    default=None,
    help="Built-in look: default, colorblind (shapes and line styles too) or print.",
)
@click.option(
    "--direction",
    type=click.Choice(["BT", "TB", "LR", "RL"]),
    default=None,
    help="Layout direction (Graphviz rankdir); BT puts main conclusions at the top.",
)
@click.option("--focus", default=None, metavar="ID", help="Draw only the part near this id.")
@click.option(
    "--depth",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="With --focus: how many reasoning steps around it to keep.",
)
@from_option
@in_place_option
@json_option
@progress_option
def render(
    maps: tuple[str, ...],
    output: str | None,
    fmt: str | None,
    theme: str | None,
    direction: str | None,
    focus: str | None,
    depth: int,
    from_: str | None,
    in_place: bool,
    as_json: bool,
    progress: bool | None,
) -> None:
    """Draw maps with Graphviz (svg, png, pdf), as DOT or Mermaid text, or as an HTML
    report that shows each source text beside the map.

    MAPS are argmap JSON, AIF JSON or ICCMA files, folders of them, or - for
    standard input. Each output is written atomically, and an input is never
    overwritten unless --in-place is given.
    """
    sources = expand_inputs(maps)
    fmt = _format_for(output, fmt, len(sources))
    dests = dict(
        zip((id(s) for s in sources), destinations(sources, output, _SUFFIX[fmt]), strict=True)
    )
    if as_json and "-" in dests.values():
        raise click.UsageError("--json prints a report on standard output; pass -o FILE")
    options: dict[str, Any] = {}
    if theme is not None:
        options["style"] = theme
    if direction is not None:
        options["direction"] = direction

    taken: dict[Path, str] = {}

    def work(source: Source) -> str:
        m = read_map(source, from_)
        try:
            if focus is not None:
                m = m.focus(focus, depth)
            data = _draw(m, fmt, options)
        except RenderError as err:
            raise source.fail("render-error", err.message) from None
        except ArgmapError as err:
            raise source.fail(error_code(err), err.message, err.ids) from None
        return write_output(dests[id(source)], data, sources, source, in_place, taken)

    outcome = run_each(sources, work, progress=progress, what="render")
    report_outputs(
        outcome,
        fmt=fmt,
        as_json=as_json,
        many=len(sources) > 1,
        header=("map", fmt),
        verb="rendered",
    )
    if outcome.failures:
        raise SystemExit(1)
