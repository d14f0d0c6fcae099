"""``argmap formats``: the formats argmap reads and writes, from the registry."""

from __future__ import annotations

import click

from argmap.cli.options import json_option
from argmap.cli.outputs import emit_json
from argmap.cli.runner import print_table

__all__ = ["formats"]


@click.command()
@json_option
def formats(as_json: bool) -> None:
    """List the file formats: name (for --from/--to), read/write, suffixes."""
    from argmap.registry import formats as registered

    specs = registered()
    rows = [
        {
            "name": f.name,
            "title": f.title,
            "read": f.reads,
            "write": f.writes,
            "suffixes": list(f.suffixes),
        }
        for f in specs
    ]
    if as_json:
        emit_json(rows)
        return
    print_table(
        None,
        ("name", "format", "read", "write", "suffixes"),
        [
            (
                f.name,
                f.title,
                "yes" if f.reads else "-",
                "yes" if f.writes else "-",
                " ".join(f.suffixes) or "(by content)",
            )
            for f in specs
        ],
    )
