"""The ``argmap`` click group: its commands, options, help text and epilog.

Imported by :func:`argmap.cli.main` when a command runs (``argmap --version`` does not
need it, nor click and rich).
"""

from __future__ import annotations

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

__all__ = ["cli"]

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
