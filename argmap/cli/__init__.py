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
from typing import TYPE_CHECKING, Any

from argmap import __version__

if TYPE_CHECKING:
    from argmap.cli.app import cli

__all__ = ["cli", "main"]


def __getattr__(name: str) -> Any:
    """``argmap.cli.cli`` (the click group), imported when first used."""
    if name == "cli":
        from argmap.cli.app import cli

        return cli
    raise AttributeError(f"module 'argmap.cli' has no attribute {name!r}")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (the console script exits with it)."""
    args = list(argv) if argv is not None else sys.argv[1:]
    if args == ["--version"]:  # answered without loading click, rich and the commands
        sys.stdout.write(f"argmap, version {__version__}\n")
        return 0
    import click

    from argmap.cli.app import cli

    try:
        cli.main(args=args, prog_name="argmap", standalone_mode=False)
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
