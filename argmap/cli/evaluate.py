"""``argmap eval``: which statements stand, under Dung's semantics."""

from __future__ import annotations

from typing import Any

import click

from argmap.analysis.framework import SUPPORT_MODES, ArgumentationFramework, from_map
from argmap.analysis.semantics import Label, Semantics, extensions, labelling
from argmap.cli.inputs import (
    ICCMA_FORMATS,
    InputError,
    Source,
    detect_format,
    error_code,
    read_map,
)
from argmap.cli.options import from_option, json_option
from argmap.cli.outputs import emit_json
from argmap.cli.runner import print_table, report_failure
from argmap.errors import ArgmapError

__all__ = ["SEMANTICS_CHOICES", "evaluate", "summarise"]

SEMANTICS_CHOICES = ("grounded", "complete", "preferred", "stable", "semi-stable", "ideal")
SUPPORT_CHOICES = (*SUPPORT_MODES, "both")  # "both": the deprecated name


def summarise(
    af: ArgumentationFramework, semantics: Semantics
) -> tuple[list[list[str]], dict[str, Label]]:
    """The extensions (each in framework order) and one label per argument.

    For grounded and ideal the labels are that extension's labelling. For the other
    semantics an argument is ``in`` when it is in every extension, ``out`` when every
    extension attacks it, and ``undec`` otherwise (all ``undec`` without extensions).
    """
    exts = extensions(af, semantics)
    ordered = [sorted(e, key=af.index) for e in exts]
    if semantics in ("grounded", "ideal"):
        return ordered, labelling(af, semantics)
    labels: dict[str, Label] = {}
    for a in af.arguments:
        attackers = set(af.attackers(a))
        if exts and all(a in e for e in exts):
            labels[a] = "in"
        elif exts and all(attackers & e for e in exts):
            labels[a] = "out"
        else:
            labels[a] = "undec"
    return ordered, labels


_EPILOG = """
\b
Examples:
  argmap eval map.json                              # grounded semantics
  argmap eval map.json --semantics preferred --json
  argmap eval instance.af --semantics stable        # an ICCMA framework

\b
For a map, every statement is an argument (and so is every linked or undercut
inference); attacks and undercuts are attacks. --support chooses whether supports
add attacks (see the argmap.analysis.framework docs); by default they do not.
"""


@click.command("eval", epilog=_EPILOG)
@click.argument("map_", metavar="MAP")
@click.option(
    "-s",
    "--semantics",
    type=click.Choice(SEMANTICS_CHOICES),
    default="grounded",
    show_default=True,
    help="Which extensions to compute.",
)
@click.option(
    "--support",
    type=click.Choice(SUPPORT_CHOICES),
    default="none",
    show_default=True,
    help="How a map's supports turn into attacks (ignored for ICCMA files).",
)
@from_option
@json_option
def evaluate(
    map_: str, semantics: Semantics, support: str, from_: str | None, as_json: bool
) -> None:
    """Label each statement of MAP in, out or undec under a semantics.

    MAP is an argmap or AIF JSON file, an ICCMA framework (.af, .apx, .tgf), or - for
    standard input. With --json the output is {"semantics", "extensions", "labels"}:
    ids are the map's statement ids, or for an ICCMA file its argument names (the
    argument numbers, for .af). Inference arguments of a map are listed apart, under
    "inferences".
    """
    from argmap.cli.options import expand_inputs

    sources = expand_inputs([map_])
    if len(sources) != 1:
        raise click.UsageError("eval takes one map file, not a folder")
    source = sources[0]
    try:
        result = _evaluate(source, semantics, support, from_)
    except InputError as err:
        report_failure(err.failure)
        raise SystemExit(1) from None
    texts: dict[str, str] = result.pop("_texts")
    if as_json:
        emit_json(result)
        return
    n = len(result["extensions"])
    click.echo(f"{source.label}: {semantics} semantics, {n} extension{'s' if n != 1 else ''}")
    for index, ext in enumerate(result["extensions"], 1):
        click.echo(f"  extension {index}: {{{', '.join(ext)}}}")
    rows = [(a, label, _short(texts.get(a, ""))) for a, label in result["labels"].items()]
    rows += [(a, label, "(inference)") for a, label in result.get("inferences", {}).items()]
    print_table(None, ("id", "status", "statement"), rows)


def _short(text: str, width: int = 70) -> str:
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def _evaluate(
    source: Source, semantics: Semantics, support: str, from_: str | None
) -> dict[str, Any]:
    fmt, _ = detect_format(source, from_)
    if fmt in ICCMA_FORMATS:
        from argmap.cli.frameworks import read_framework

        af = read_framework(source, fmt)
        exts, labels = summarise(af, semantics)
        return {"semantics": semantics, "extensions": exts, "labels": labels, "_texts": {}}
    m = read_map(source, from_)
    try:
        af = from_map(m, support=support)  # type: ignore[arg-type]
    except ArgmapError as err:
        raise source.fail(error_code(err), err.message, err.ids) from None
    exts, labels = summarise(af, semantics)
    statements = {s.id: s.text for s in m.statements}
    return {
        "semantics": semantics,
        "support": support,
        "extensions": _unique([[a for a in e if a in statements] for e in exts]),
        "labels": {a: v for a, v in labels.items() if a in statements},
        "inferences": {a: v for a, v in labels.items() if a not in statements},
        "_texts": statements,
    }


def _unique(exts: list[list[str]]) -> list[list[str]]:
    """Drop repeats (extensions that differed only in inference arguments)."""
    seen: set[tuple[str, ...]] = set()
    kept = []
    for e in exts:
        if tuple(e) not in seen:
            seen.add(tuple(e))
            kept.append(e)
    return kept
