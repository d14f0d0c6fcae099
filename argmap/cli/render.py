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
from argmap.cli.outputs import destinations, long_render, write_output
from argmap.cli.runner import report_outputs, run_each
from argmap.cli.watch import watch_file
from argmap.errors import ArgmapError, RenderError
from argmap.map import ArgumentMap
from argmap.render.options import ENGINES
from argmap.render.style import THEMES
from argmap.views import OVERVIEW_LIMIT, overview

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
  argmap render map.json --style colorblind --direction lr
  argmap render map.json -o report.html        # the text beside the map
  argmap render map.json --focus main --depth 1 -o main.svg
  argmap render maps/ -o drawings/ --format pdf
  argmap render map.json --watch               # re-draw map.svg on every save
  argmap render big.json --limit 300           # an overview of a large map
"""

_DIRECTIONS = ("auto", "BT", "TB", "LR", "RL")
_DRAWN = ("svg", "png", "pdf")  # drawn by Graphviz: a large map is drawn as an overview


def _deprecated_theme(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None:
        click.echo(
            "argmap: warning: DeprecationWarning: --theme is deprecated and will be removed; "
            "use --style (the name Python uses: style=...)",
            err=True,
        )
    return value


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
    type=click.Choice(RENDER_FORMATS, case_sensitive=False),
    default=None,
    help="Output format; by default from the output's suffix, else svg.",
)
@click.option(
    "-s",
    "--style",
    type=click.Choice(sorted(THEMES), case_sensitive=False),
    default=None,
    help="Built-in look: default, colorblind (shapes and line styles too) or print.",
)
@click.option(
    "-t",
    "--theme",
    type=click.Choice(sorted(THEMES), case_sensitive=False),
    default=None,
    hidden=True,
    callback=_deprecated_theme,
    help="Deprecated: the old name of --style.",
)
@click.option(
    "--direction",
    type=click.Choice(_DIRECTIONS, case_sensitive=False),
    default=None,
    help="Layout direction (Graphviz rankdir): BT puts main conclusions at the top, LR on "
    "the right; auto (the default) picks BT or LR from the map's shape.",
)
@click.option(
    "--engine",
    type=click.Choice(ENGINES, case_sensitive=False),
    default=None,
    help="Graphviz layout program (default dot; sfdp for very large maps).",
)
@click.option("--legend", is_flag=True, default=None, help="Add a legend of what the map uses.")
@click.option("--focus", default=None, metavar="ID", help="Draw only the part near this id.")
@click.option(
    "--depth",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="With --focus: how many reasoning steps around it to keep.",
)
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=OVERVIEW_LIMIT,
    show_default=True,
    help="Draw a map of more statements as an overview: the LIMIT nearest its main "
    "conclusions, with +N markers counting the rest (svg, png, pdf).",
)
@click.option(
    "--full", is_flag=True, help="Draw every statement however large the map (may take minutes)."
)
@click.option(
    "-w",
    "--watch",
    is_flag=True,
    help="Keep running: re-draw the map each time its file changes (one map file; Ctrl-C stops).",
)
@click.option("-q", "--quiet", is_flag=True, help="Say nothing on success (errors still show).")
@from_option
@in_place_option
@json_option
@progress_option
def render(
    maps: tuple[str, ...],
    output: str | None,
    fmt: str | None,
    style: str | None,
    theme: str | None,
    direction: str | None,
    engine: str | None,
    legend: bool | None,
    focus: str | None,
    depth: int,
    limit: int,
    full: bool,
    watch: bool,
    quiet: bool,
    from_: str | None,
    in_place: bool,
    as_json: bool,
    progress: bool | None,
) -> None:
    """Draw maps with Graphviz (svg, png, pdf), as DOT or Mermaid text, or as an HTML
    report that shows each source text beside the map.

    MAPS are argmap JSON, AIF JSON or ICCMA files, folders of them, or - for
    standard input. Each output is written atomically, and an input is never
    overwritten unless --in-place is given; what was written is said on standard
    output (not with -q). A drawing that takes long shows its time on standard error.
    """
    sources = expand_inputs(maps)
    fmt = _format_for(output, fmt.lower() if fmt else None, len(sources))
    targets = destinations(sources, output, _SUFFIX[fmt])
    dests = dict(zip((id(s) for s in sources), targets, strict=True))
    if as_json and "-" in dests.values():
        raise click.UsageError("--json prints a report on standard output; pass -o FILE")
    if watch and (len(sources) != 1 or sources[0].path is None):
        raise click.UsageError("--watch takes one map file (not a folder, several maps or -)")
    options: dict[str, Any] = {}
    if style is not None or theme is not None:
        options["style"] = (style or theme or "").lower()
    if direction is not None:
        options["direction"] = direction
    if engine is not None and fmt != "mermaid":
        options["engine"] = engine.lower()
    if legend and fmt != "mermaid":
        options["legend"] = True

    def work(source: Source, taken: dict[Path, str]) -> str:
        m = read_map(source, from_)
        try:
            if focus is not None:
                m = m.focus(focus, depth)
            elif not full and fmt in _DRAWN and len(m) > limit:
                m = overview(m, limit)
                if not quiet:
                    click.echo(
                        f"argmap: note: {source.label} has {m.source_statements} statements: "
                        f"drawing the {limit} nearest its main conclusions, +N markers "
                        "counting the rest; --full draws them all (Graphviz may take "
                        "minutes), --focus ID one part",
                        err=True,
                    )
            with long_render(source.label, m, fmt):
                data = _draw(m, fmt, options)
        except RenderError as err:
            raise source.fail("render-error", err.message) from None
        except ArgmapError as err:
            raise source.fail(error_code(err), err.message, err.ids) from None
        return write_output(dests[id(source)], data, sources, source, in_place, taken)

    def once() -> bool:
        taken: dict[Path, str] = {}
        current = expand_inputs(maps) if watch else sources  # --watch: read the file anew
        dests.update(zip((id(s) for s in current), targets, strict=True))
        outcome = run_each(
            current, lambda source: work(source, taken), progress=progress, what="render"
        )
        if not quiet or as_json:
            report_outputs(
                outcome,
                fmt=fmt,
                as_json=as_json,
                many=len(sources) > 1,
                header=("map", fmt),
                verb="rendered",
            )
        if not quiet and not as_json and len(sources) == 1:
            for source, out in outcome.results:
                if out != "-":
                    click.echo(f"wrote {out} ({fmt}) from {source.label}")
        return outcome.ok

    if watch:
        assert sources[0].path is not None
        watch_file(sources[0].path, once, quiet=quiet)
    elif not once():
        raise SystemExit(1)
