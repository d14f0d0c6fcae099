"""``argmap check``: validate maps and lint them."""

from __future__ import annotations

from typing import Any

import click

from argmap.analysis.lint import LintIssue, lint
from argmap.cli.inputs import Source, read_map
from argmap.cli.options import expand_inputs, from_option, json_option, progress_option
from argmap.cli.outputs import emit_json
from argmap.cli.runner import print_table, run_each

__all__ = ["check"]

_EPILOG = """
\b
Examples:
  argmap check map.json
  argmap check maps/ --strict
  argmap check map.json --json

\b
Exit status: 0 when no map has errors (warnings are printed), 1 when some map
has errors or cannot be read (or has warnings, with --strict), 2 on a usage error.
"""


def _issue(label: str, issue: LintIssue) -> dict[str, Any]:
    return {
        "file": label,
        "code": issue.code,
        "message": issue.message,
        "nodes": list(issue.nodes),
    }


@click.command(epilog=_EPILOG)
@click.argument("maps", nargs=-1, required=True)
@click.option("--strict", is_flag=True, help="Treat warnings as failures.")
@from_option
@json_option
@progress_option
def check(
    maps: tuple[str, ...], strict: bool, from_: str | None, as_json: bool, progress: bool | None
) -> None:
    """Validate maps (ids, references, relations) and lint them (warnings).

    Each finding is printed as one line: FILE: error|warning: CODE: MESSAGE. A map that
    cannot be read (not JSON, unknown format, a dangling reference ...) is an error; lint
    findings such as an unsupported main claim are warnings, and so is what reading a
    file warned about (code "read", e.g. an AIF I-node without text).
    """
    sources = expand_inputs(maps)

    def work(source: Source) -> list[LintIssue]:
        # What reading itself warned about (e.g. an AIF I-node without text) counts as a
        # warning of the file, like lint's findings.
        read: list[LintIssue] = []

        def on_warning(message: str) -> None:
            read.append(LintIssue(code="read", message=message, nodes=()))

        return read + lint(read_map(source, from_, on_warning=on_warning))

    outcome = run_each(sources, work, progress=progress, report=False, what="check")
    errors: list[dict[str, Any]] = []
    warnings: list[dict[str, Any]] = []
    per_file: dict[str, dict[str, Any]] = {}
    for source, issues in outcome.results:
        mine_e = [_issue(source.label, i) for i in issues if i.severity == "error"]
        mine_w = [_issue(source.label, i) for i in issues if i.severity == "warning"]
        errors += mine_e
        warnings += mine_w
        per_file[source.label] = {"errors": len(mine_e), "warnings": len(mine_w)}
    for failure in outcome.failures:
        errors.append(failure.as_json())
        per_file[failure.label] = {"errors": 1, "warnings": 0}
    files = []
    for source in sources:
        counts = per_file[source.label]
        bad = counts["errors"] > 0 or (strict and counts["warnings"] > 0)
        files.append({"file": source.label, "ok": not bad, **counts})
    ok = all(f["ok"] for f in files)
    if as_json:
        emit_json({"ok": ok, "errors": errors, "warnings": warnings, "files": files})
    else:
        order = {s.label: i for i, s in enumerate(sources)}
        findings = [("error", e) for e in errors] + [("warning", w) for w in warnings]
        findings.sort(key=lambda f: order[f[1]["file"]])
        for severity, f in findings:
            click.echo(f"{f['file']}: {severity}: {f['code']}: {f['message']}")
        if len(files) > 1:
            rows = [
                (f["file"], "ok" if f["ok"] else "FAILED", f["errors"], f["warnings"])
                for f in files
            ]
            print_table(
                None, ("file", "result", "errors", "warnings"), rows, numeric=("errors", "warnings")
            )
        n_bad = sum(1 for f in files if not f["ok"])
        click.echo(
            f"{len(files)} map{'s' if len(files) != 1 else ''} checked: "
            f"{len(files) - n_bad} ok, {n_bad} failed, {len(errors)} errors, "
            f"{len(warnings)} warnings"
        )
    if not ok:
        raise SystemExit(1)
