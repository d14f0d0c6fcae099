"""The ``argmap`` command line: render, check, convert, eval and stats maps.

A thin layer over the library, built on click (commands and options) and rich
(progress bars and tables). Every command reads many files and folders (``-`` is
standard input), goes on past a bad file, lists failures as ``FILE: reason`` lines, and
takes ``--json`` for machine-readable output. Exit status: 0 success, 1 when some input
failed (or ``check`` found errors), 2 for a usage error.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

import click

from argmap import __version__

# The command modules are imported as modules: binding their commands here under the
# same names would hide the submodules (``argmap.cli.render`` must stay the module).
from argmap.cli import check as _check
from argmap.cli import convert as _convert
from argmap.cli import evaluate as _evaluate
from argmap.cli import formats as _formats
from argmap.cli import render as _render
from argmap.cli import stats as _stats

__all__ = ["cli", "main"]

_EPILOG = """
\b
Examples:
  argmap check map.json                    # validate and lint
  argmap render map.json -o map.svg        # draw with Graphviz
  argmap convert nodeset.json map.json     # AIF JSON -> argmap JSON
  argmap eval map.json --semantics grounded
  argmap stats corpus/ --json
  argmap formats                           # the formats read and written

\b
Exit status: 0 on success, 1 when some input failed, 2 on a usage error.
Run 'argmap COMMAND --help' for a command's options and examples.
"""


@click.group(epilog=_EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="argmap")
def cli() -> None:
    """Render, check, convert, evaluate and count argument maps."""


cli.add_command(_check.check)
cli.add_command(_convert.convert)
cli.add_command(_evaluate.evaluate)
cli.add_command(_formats.formats)
cli.add_command(_render.render)
cli.add_command(_stats.stats)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (the console script exits with it)."""
    try:
        cli.main(
            args=list(argv) if argv is not None else None, prog_name="argmap", standalone_mode=False
        )
    except click.UsageError as err:
        cmd = err.ctx.command_path if err.ctx is not None else "argmap"
        click.echo(f"{cmd}: usage error: {err.format_message()} (see '{cmd} --help')", err=True)
        return 2
    except click.ClickException as err:
        click.echo(f"argmap: error: {err.format_message()}", err=True)
        return err.exit_code
    except click.Abort:
        click.echo("argmap: aborted", err=True)
        return 130
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 1
    except BrokenPipeError:
        sys.stderr.close()
        return 1
    return 0
