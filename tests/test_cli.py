"""The ``argmap`` command line, run as users run it: the installed console script (and
``python -m argmap``) in a subprocess, on the NATO map and on the copied corpora."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import argmap as am
from argmap.analysis.framework import from_map
from argmap.analysis.semantics import labelling
from argmap.formats import aif

from conftest import DATA, ROOT

BIN = Path(sys.executable).parent
ARGMAP = BIN / "argmap"
AIF_DIR = DATA / "aif"
AF_DIR = DATA / "corpora" / "af"
ANSWERS = json.loads((AF_DIR / "answers.json").read_text(encoding="utf-8"))
AIF_REFERENCE = json.loads((AIF_DIR / "REFERENCE.json").read_text(encoding="utf-8"))["files"]
CLI_DOC = ROOT / "docs" / "cli.md"
README = ROOT / "README.md"


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    return env


def run(
    *args: str, cwd: Path, stdin: bytes | None = None, module: bool = False
) -> subprocess.CompletedProcess[bytes]:
    """Run the real console script (or ``python -m argmap``) and capture everything."""
    if not ARGMAP.exists():
        pytest.fail(f"the argmap console script is not installed at {ARGMAP}: pip install -e .")
    cmd = [sys.executable, "-m", "argmap", *args] if module else [str(ARGMAP), *args]
    return subprocess.run(
        cmd, cwd=cwd, input=stdin, capture_output=True, env=_env(), check=False, timeout=120
    )


def out(result: subprocess.CompletedProcess[bytes]) -> str:
    return result.stdout.decode("utf-8")


def err_lines(result: subprocess.CompletedProcess[bytes]) -> list[str]:
    return result.stderr.decode("utf-8").splitlines()


def _nato_map() -> am.ArgumentMap:
    sys.path.insert(0, str(ROOT / "examples"))
    try:
        from nato_ammunition import build_map
    finally:
        sys.path.remove(str(ROOT / "examples"))
    m: am.ArgumentMap = build_map()
    return m


@pytest.fixture(scope="session")
def nato() -> am.ArgumentMap:
    return _nato_map()


def _populate(folder: Path, nato: am.ArgumentMap) -> None:
    """The files the tests (and docs/cli.md) run the commands on."""
    nato.save(folder / "nato.json")
    for p in sorted(AIF_DIR.glob("6064-*.json")):
        shutil.copy(p, folder / p.name)
    shutil.copy(AF_DIR / "reinstatement.af", folder / "reinstatement.af")
    (folder / "broken.json").write_text('{"format": "argmap", "version": 1,\n', encoding="utf-8")
    doc = json.loads(nato.to_json())
    doc["inferences"][0]["target"] = "nowhere"
    (folder / "dangling.json").write_text(json.dumps(doc, indent=2), encoding="utf-8")
    (folder / "notes.txt").write_text("Some notes, not a map.\n", encoding="utf-8")


@pytest.fixture
def work(tmp_path: Path, nato: am.ArgumentMap) -> Path:
    _populate(tmp_path, nato)
    return tmp_path


def _no_temp_files(folder: Path) -> None:
    assert [p.name for p in folder.rglob(".*.tmp")] == []


# ------------------------------------------------------------------------ help & basics
@pytest.mark.parametrize("module", [False, True], ids=["console-script", "python-m"])
def test_help_lists_every_command_with_examples(work: Path, module: bool) -> None:
    result = run("--help", cwd=work, module=module)
    assert result.returncode == 0
    text = out(result)
    for command in ("render", "check", "convert", "eval", "stats"):
        assert re.search(rf"^\s+{command}\s", text, re.MULTILINE), command
    assert "Examples:" in text
    assert "Exit status: 0 on success, 1 when some input failed, 2 on a usage error." in text


@pytest.mark.parametrize("command", ["render", "check", "convert", "eval", "stats"])
def test_each_command_help_shows_examples(work: Path, command: str) -> None:
    result = run(command, "--help", cwd=work)
    assert result.returncode == 0
    text = out(result)
    assert "Examples:" in text
    assert f"argmap {command} " in text.split("Examples:")[1]
    assert "--json" in text or command == "eval"


def test_version(work: Path) -> None:
    assert out(run("--version", cwd=work)).strip() == f"argmap, version {am.__version__}"


# --------------------------------------------------------------------------------- stats
def _expected_counts(m: am.ArgumentMap) -> dict[str, int]:
    kinds = [s.kind for s in m.statements]
    relations = [i.relation for i in m.inferences]
    return {
        "statements": len(kinds),
        "claims": kinds.count("claim"),
        "premises": kinds.count("premise"),
        "counterpoints": kinds.count("counterpoint"),
        "supports": relations.count("support"),
        "attacks": relations.count("attack"),
        "undercuts": relations.count("undercut"),
    }


@pytest.mark.parametrize("module", [False, True], ids=["console-script", "python-m"])
def test_stats_json_on_the_nato_map(work: Path, nato: am.ArgumentMap, module: bool) -> None:
    result = run("stats", "nato.json", "--json", cwd=work, module=module)
    assert result.returncode == 0, result.stderr
    stats = json.loads(out(result))
    expected = _expected_counts(nato)
    assert {k: stats[k] for k in expected} == expected
    assert all(isinstance(stats[k], int) for k in expected)
    # One linked support (edge + fundamental -> tide), one linked attack; one undercut.
    assert stats["linked"] == sum(1 for i in nato.inferences if i.linked) == 2
    assert stats["undercuts"] == 1
    assert stats["files"] == [
        {"file": "nato.json", **{k: stats[k] for k in stats if k not in ("files", "failures")}}
    ]
    assert stats["failures"] == []


@pytest.mark.parametrize("name", sorted(AIF_REFERENCE))
def test_stats_on_aif_files_match_the_reference_counts(work: Path, name: str) -> None:
    result = run("stats", name, "--json", cwd=work)
    assert result.returncode == 0, result.stderr
    stats = json.loads(out(result))
    types = AIF_REFERENCE[name]["nodes_by_type"]
    assert stats["statements"] == types["I"]
    assert stats["supports"] == types.get("RA", 0)
    assert stats["attacks"] + stats["undercuts"] == types.get("CA", 0)


def test_stats_over_many_files_and_a_folder_goes_on_past_bad_files(work: Path) -> None:
    corpus = work / "corpus"
    corpus.mkdir()
    for name in ("6064-original.json", "6064-reconstructed.json", "broken.json"):
        shutil.copy(work / name, corpus / name)
    result = run("stats", "nato.json", "corpus", "missing.json", cwd=work)
    assert result.returncode == 1
    assert err_lines(result) == [
        "argmap: error: corpus/broken.json: not valid JSON: Expecting property name enclosed "
        "in double quotes: line 2 column 1 (char 35)",
        "argmap: error: missing.json: cannot read: No such file or directory",
    ]
    rows = [line.split() for line in out(result).splitlines()]
    assert rows[0] == ["file", "statements", "supports", "attacks", "undercuts", "depth"]
    by_file = {r[0]: r[1:] for r in rows[2:] if r and r[0] != "total"}
    assert by_file["corpus/6064-original.json"] == ["9", "5", "0", "0", "3"]
    assert by_file["corpus/broken.json"] == ["failed"]
    assert by_file["missing.json"] == ["failed"]
    total = next(r for r in rows if r and r[0] == "total")
    assert total[:4] == ["total", "(3", "maps)", str(21 + 9 + 9)]


def test_progress_bar_keeps_standard_output_clean(work: Path) -> None:
    result = run("stats", "nato.json", "6064-original.json", "--json", "--progress", cwd=work)
    assert result.returncode == 0
    assert [f["file"] for f in json.loads(out(result))["files"]] == [
        "nato.json",
        "6064-original.json",
    ]
    assert "argmap: error" not in result.stderr.decode()


def test_stats_reads_standard_input(work: Path) -> None:
    data = (work / "6064-reconstructed.json").read_bytes()
    result = run("stats", "-", "--json", cwd=work, stdin=data)
    assert result.returncode == 0, result.stderr
    stats = json.loads(out(result))
    assert (stats["statements"], stats["supports"], stats["files"][0]["file"]) == (9, 5, "<stdin>")


def test_stats_on_an_iccma_file_counts_arguments_and_attacks(work: Path) -> None:
    stats = json.loads(out(run("stats", "reinstatement.af", "--json", cwd=work)))
    assert (stats["statements"], stats["attacks"], stats["supports"]) == (4, 3, 0)


# --------------------------------------------------------------------------------- check
def test_check_the_nato_map_is_ok(work: Path) -> None:
    result = run("check", "nato.json", "--json", cwd=work)
    assert result.returncode == 0
    report = json.loads(out(result))
    assert report["ok"] is True
    assert report["errors"] == []
    assert report["warnings"] == [
        i.model_dump(include={"code", "message"}) | {"file": "nato.json", "nodes": list(i.nodes)}
        for i in am.lint(am.load(work / "nato.json"))
    ]


def test_check_warnings_pass_but_fail_with_strict(work: Path) -> None:
    result = run("check", "6064-original.json", cwd=work)
    assert result.returncode == 0
    lines = out(result).splitlines()
    assert lines == [
        "6064-original.json: warning: unsupported-main-claim: main claim '29045' has no "
        "supporting premise",
        "6064-original.json: warning: unsupported-main-claim: main claim '111829' has no "
        "supporting premise",
        "1 map checked: 1 ok, 0 failed, 0 errors, 2 warnings",
    ]
    strict = run("check", "6064-original.json", "--strict", "--json", cwd=work)
    assert strict.returncode == 1
    report = json.loads(out(strict))
    assert report["ok"] is False
    assert [w["nodes"] for w in report["warnings"]] == [["29045"], ["111829"]]


def test_check_shows_a_statement_edited_away_from_its_quote(work: Path) -> None:
    doc = json.loads((work / "nato.json").read_text(encoding="utf-8"))
    statement = next(s for s in doc["statements"] if s["id"] == "wont-back-down")
    statement["text"] = "Russia will back down"  # hand-edited; the quote still says otherwise
    (work / "edited.json").write_text(json.dumps(doc), encoding="utf-8")
    result = run("check", "edited.json", cwd=work)
    assert result.returncode == 0
    assert out(result).splitlines() == [
        "edited.json: warning: quote-text-mismatch: statement 'wont-back-down' reads "
        "'Russia will back down', but its verbatim quote of source 'article' "
        f"({statement['quotes'][0]['start']}:{statement['quotes'][0]['end']}) reads "
        "'Russia has made it clear that they won’t back down'; quote it again, or mark the "
        "quote paraphrase=True",
        "1 map checked: 1 ok, 0 failed, 0 errors, 1 warnings",
    ]
    assert run("check", "edited.json", "--strict", cwd=work).returncode == 1


BAD_FILES = {
    "broken.json": (
        "invalid-json",
        "not valid JSON: Expecting property name enclosed in double quotes: line 2 column 1 "
        "(char 35)",
    ),
    "notes.txt": (
        "unknown-format",
        "cannot tell the format: the suffix '.txt' may be Kialo text export, but the content "
        "is not; name the format (format= in Python, --from on the command line; "
        "'argmap formats' lists them)",
    ),
    "missing.json": ("read-error", "cannot read: No such file or directory"),
    "dangling.json": (
        "dangling-reference",
        "inferences[0]: inference 'rutte-supports-edge': target 'nowhere' is not in this map",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_check_bad_file_gives_one_clear_line_and_exit_1(work: Path, name: str) -> None:
    code, message = BAD_FILES[name]
    result = run("check", name, cwd=work)
    assert result.returncode == 1
    assert out(result).splitlines() == [
        f"{name}: error: {code}: {message}",
        "1 map checked: 0 ok, 1 failed, 1 errors, 0 warnings",
    ]
    report = json.loads(out(run("check", name, "--json", cwd=work)))
    assert report["ok"] is False
    assert [(e["file"], e["code"], e["message"]) for e in report["errors"]] == [
        (name, code, message)
    ]


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_other_commands_report_a_bad_file_on_one_stderr_line(work: Path, name: str) -> None:
    _, message = BAD_FILES[name]
    for args in (
        ["stats", name],
        ["render", name, "-o", "x.svg"],
        ["eval", name],
        ["convert", name, "x.json"],
    ):
        result = run(*args, cwd=work)
        assert result.returncode == 1, args
        assert err_lines(result) == [f"argmap: error: {name}: {message}"], args
    assert not (work / "x.svg").exists()
    assert not (work / "x.json").exists()


HEADER = ["file", "result", "errors", "warnings"]


def test_check_many_files_lists_each_and_summarises(work: Path) -> None:
    result = run("check", "nato.json", "broken.json", "6064-original.json", cwd=work)
    assert result.returncode == 1
    lines = out(result).splitlines()
    assert lines[0].startswith("broken.json: error: invalid-json: ")
    start = next(i for i, line in enumerate(lines) if line.split() == HEADER)
    table = [line.split() for line in lines[start + 2 : -1]]
    assert table == [
        ["nato.json", "ok", "0", "0"],
        ["broken.json", "FAILED", "1", "0"],
        ["6064-original.json", "ok", "0", "2"],
    ]
    assert lines[-1] == "3 maps checked: 2 ok, 1 failed, 1 errors, 2 warnings"


def test_usage_error_is_one_line_with_exit_2(work: Path) -> None:
    result = run("render", "nato.json", "--format", "gif", cwd=work)
    assert result.returncode == 2
    [line] = err_lines(result)
    assert line.startswith("argmap render: usage error: Invalid value for '-f' / '--format': 'gif'")
    assert run("eval", "nato.json", "--semantics", "naive", cwd=work).returncode == 2
    assert run("frobnicate", cwd=work).returncode == 2


# -------------------------------------------------------------------------------- render
def test_render_dot_is_the_library_dot_text(work: Path, nato: am.ArgumentMap) -> None:
    result = run("render", "nato.json", "-o", "-", "--format", "dot", cwd=work)
    assert result.returncode == 0, result.stderr
    assert out(result) == nato.to_dot().source
    lr = run("render", "nato.json", "-o", "nato-lr.dot", "--direction", "LR", cwd=work)
    assert lr.returncode == 0
    assert (work / "nato-lr.dot").read_text(encoding="utf-8") == nato.to_dot(direction="LR").source


@pytest.mark.parametrize("theme", ["default", "colorblind", "print"])
def test_render_theme_and_direction_are_the_library_options(
    work: Path, nato: am.ArgumentMap, theme: str
) -> None:
    result = run(
        "render",
        "nato.json",
        "-o",
        "-",
        "-f",
        "dot",
        "--theme",
        theme,
        "--direction",
        "TB",
        cwd=work,
    )
    assert result.returncode == 0, result.stderr
    assert out(result) == nato.to_dot(style=theme, direction="TB").source


def test_render_mermaid(work: Path, nato: am.ArgumentMap) -> None:
    from argmap.render import mermaid

    assert (
        run("render", "nato.json", "-o", "nato.mmd", "--theme", "print", cwd=work).returncode == 0
    )
    assert (work / "nato.mmd").read_text(encoding="utf-8") == mermaid.dumps(nato, style="print")


@pytest.mark.usefixtures("dot_binary")
def test_render_html_report(work: Path, nato: am.ArgumentMap) -> None:
    from argmap.render.html import report_html

    assert run("render", "nato.json", "-o", "report.html", cwd=work).returncode == 0
    page = (work / "report.html").read_text(encoding="utf-8")
    assert page == report_html(nato)
    assert page.startswith("<!DOCTYPE html>")


def test_stats_reports_coverage_of_the_source(work: Path, nato: am.ArgumentMap) -> None:
    from argmap.analysis.coverage import coverage

    stats = json.loads(out(run("stats", "nato.json", "--json", cwd=work)))
    [src] = nato.sources
    expected = coverage(nato, src.id)
    assert stats["sources"] == 1
    [cov] = stats["coverage"]
    assert (cov["source"], cov["mapped"], cov["unmapped"], cov["share"]) == (
        src.id,
        len(expected.mapped),
        len(expected.unmapped),
        round(expected.share, 4),
    )
    text = out(run("stats", "nato.json", cwd=work))
    assert re.search(rf"coverage of {src.id}\s+{expected.share:.1%} of argumentative text; ", text)


def test_render_focus_draws_the_focused_view(work: Path, nato: am.ArgumentMap) -> None:
    result = run(
        "render", "nato.json", "--focus", "tide", "--depth", "1", "-o", "-", "-f", "dot", cwd=work
    )
    assert result.returncode == 0, result.stderr
    assert out(result) == nato.focus("tide", 1).to_dot().source
    bad = run("render", "nato.json", "--focus", "nope", "-o", "f.svg", cwd=work)
    assert bad.returncode == 1
    assert err_lines(bad) == [
        "argmap: error: nato.json: no statement or inference 'nope' in this map"
    ]


@pytest.mark.usefixtures("dot_binary")
def test_render_svg_png_pdf_with_graphviz(work: Path) -> None:
    assert run("render", "nato.json", cwd=work).returncode == 0  # beside the input
    svg = (work / "nato.svg").read_text(encoding="utf-8")
    assert "<svg" in svg and "NATO now out&#45;produces Russia" in svg and 'id="am:edge"' in svg
    assert run("render", "nato.json", "-o", "out/n.png", cwd=work).returncode == 0
    assert (work / "out" / "n.png").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    pdf = run("render", "nato.json", "-o", "-", "-f", "pdf", cwd=work)
    assert pdf.stdout.startswith(b"%PDF-")
    _no_temp_files(work)


@pytest.mark.usefixtures("dot_binary")
def test_render_a_corpus_into_a_folder_with_a_summary(work: Path) -> None:
    result = run(
        "render",
        "nato.json",
        "6064-original.json",
        "broken.json",
        "reinstatement.af",
        "-o",
        "drawings",
        "-f",
        "svg",
        "--json",
        cwd=work,
    )
    assert result.returncode == 1
    report = json.loads(out(result))
    assert report["ok"] is False
    assert report["outputs"] == [
        {"file": "nato.json", "output": "drawings/nato.svg"},
        {"file": "6064-original.json", "output": "drawings/6064-original.svg"},
        {"file": "reinstatement.af", "output": "drawings/reinstatement.svg"},
    ]
    assert [f["file"] for f in report["failures"]] == ["broken.json"]
    assert sorted(p.name for p in (work / "drawings").iterdir()) == [
        "6064-original.svg",
        "nato.svg",
        "reinstatement.svg",
    ]
    table = run("render", "nato.json", "broken.json", "-o", "d2", "-f", "dot", cwd=work)
    lines = out(table).splitlines()
    assert lines[-1] == "1 rendered, 1 failed"
    assert any(line.split()[:2] == ["nato.json", "d2/nato.dot"] for line in lines)


def test_render_reads_stdin_and_writes_stdout(work: Path, nato: am.ArgumentMap) -> None:
    result = run("render", "-", "-f", "dot", cwd=work, stdin=nato.to_json().encode())
    assert result.returncode == 0, result.stderr
    assert out(result) == nato.to_dot().source


def test_a_failed_render_leaves_an_existing_output_untouched(work: Path) -> None:
    target = work / "keep.dot"
    target.write_text("old contents\n", encoding="utf-8")
    result = run("render", "dangling.json", "-o", "keep.dot", cwd=work)
    assert result.returncode == 1
    assert target.read_text(encoding="utf-8") == "old contents\n"
    _no_temp_files(work)


def test_render_never_overwrites_an_input_without_in_place(work: Path) -> None:
    before = (work / "nato.json").read_bytes()
    result = run("render", "nato.json", "-o", "nato.json", "-f", "json", cwd=work)
    assert result.returncode == 1
    assert err_lines(result) == [
        "argmap: error: nato.json: refusing to overwrite input file 'nato.json'; "
        "pass --in-place to allow it"
    ]
    assert (work / "nato.json").read_bytes() == before


# ------------------------------------------------------------------------------- convert
@pytest.mark.parametrize("name", sorted(AIF_REFERENCE))
def test_convert_aif_to_argmap_and_back_through_pipes(work: Path, name: str) -> None:
    original = json.loads((work / name).read_text(encoding="utf-8"))
    to_argmap = run("convert", name, "-", cwd=work)
    assert to_argmap.returncode == 0, to_argmap.stderr
    assert json.loads(to_argmap.stdout)["format"] == "argmap"
    back = run("convert", "-", "-", "--to", "aif", cwd=work, stdin=to_argmap.stdout)
    assert back.returncode == 0, back.stderr
    doc = json.loads(back.stdout)

    def canon(items: list[dict[str, object]]) -> list[str]:
        return sorted(json.dumps(x, sort_keys=True) for x in items)

    assert canon(doc["nodes"]) == canon(original["nodes"])
    assert canon(doc["edges"]) == canon(original["edges"])
    assert doc["locutions"] == original["locutions"]


def test_convert_by_output_name(work: Path, nato: am.ArgumentMap) -> None:
    assert run("convert", "nato.json", "nato.aif.json", cwd=work).returncode == 0
    assert aif.load(work / "nato.aif.json") == nato
    assert run("convert", "nato.aif.json", "again.json", cwd=work).returncode == 0
    assert (work / "again.json").read_text(encoding="utf-8") == nato.to_json()
    assert run("convert", "nato.json", "nato.gv", cwd=work).returncode == 0
    assert (work / "nato.gv").read_text(encoding="utf-8") == nato.to_dot().source


def test_convert_refuses_to_overwrite_its_input_unless_in_place(work: Path) -> None:
    src = work / "6064-reconstructed.json"
    before = src.read_bytes()
    result = run("convert", src.name, src.name, cwd=work)
    assert result.returncode == 1
    assert "refusing to overwrite input file" in err_lines(result)[0]
    assert src.read_bytes() == before
    result = run("convert", src.name, src.name, "--in-place", cwd=work)
    assert result.returncode == 0, result.stderr
    assert json.loads(src.read_text(encoding="utf-8"))["format"] == "argmap"
    _no_temp_files(work)


def test_convert_a_folder_goes_on_past_a_bad_file(work: Path) -> None:
    corpus = work / "corpus"
    corpus.mkdir()
    for name in ("6064-original.json", "broken.json", "6064-reconstructed.json"):
        shutil.copy(work / name, corpus / name)
    result = run("convert", "corpus", "converted", "--to", "argmap", cwd=work)
    assert result.returncode == 1
    assert err_lines(result) == [
        "argmap: error: corpus/broken.json: not valid JSON: Expecting property name enclosed "
        "in double quotes: line 2 column 1 (char 35)"
    ]
    assert sorted(p.name for p in (work / "converted").iterdir()) == [
        "6064-original.json",
        "6064-reconstructed.json",
    ]
    assert out(result).splitlines()[-1] == "2 converted, 1 failed"
    assert am.load(work / "converted" / "6064-original.json") == aif.load(
        corpus / "6064-original.json"
    )


def test_two_inputs_with_one_name_never_write_one_output(work: Path) -> None:
    for folder, name in (("a", "nato.json"), ("b", "6064-original.json")):
        (work / folder).mkdir()
        shutil.copy(work / name, work / folder / "map.json")
    result = run("convert", "a", "b", "out", cwd=work)
    assert result.returncode == 1
    assert err_lines(result) == [
        "argmap: error: b/map.json: its output 'out/map.json' was already written for "
        "a/map.json; inputs with the same name need separate runs or outputs"
    ]
    assert (work / "out" / "map.json").read_bytes() == (work / "nato.json").read_bytes()


# ---------------------------------------------------------------------------------- eval
def test_eval_json_on_the_nato_map(work: Path, nato: am.ArgumentMap) -> None:
    result = run("eval", "nato.json", "--semantics", "grounded", "--json", cwd=work)
    assert result.returncode == 0, result.stderr
    report = json.loads(out(result))
    statements = [s.id for s in nato.statements]
    assert report["semantics"] == "grounded"
    assert list(report["labels"]) == statements
    expected = labelling(from_map(nato))
    assert report["labels"] == {k: expected[k] for k in statements}
    [ext] = report["extensions"]
    assert ext == [k for k in statements if expected[k] == "in"]
    assert report["inferences"] == {k: v for k, v in expected.items() if k not in statements}


@pytest.mark.parametrize("semantics", ["complete", "preferred", "stable"])
def test_eval_other_semantics_on_the_nato_map_have_the_json_shape(
    work: Path, semantics: str
) -> None:
    report = json.loads(out(run("eval", "nato.json", "-s", semantics, "--json", cwd=work)))
    assert report["semantics"] == semantics
    assert all(
        isinstance(e, list) and all(isinstance(a, str) for a in e) for e in report["extensions"]
    )
    assert set(report["labels"].values()) <= {"in", "out", "undec"}


def _af_cases() -> Iterator[tuple[str, str]]:
    for name, answer in sorted(ANSWERS.items()):
        for semantics in ("grounded", "complete", "preferred", "stable"):
            if semantics in answer:
                yield name, semantics


@pytest.mark.parametrize(("name", "semantics"), list(_af_cases()))
def test_eval_iccma_files_match_the_reference_answers(
    tmp_path: Path, name: str, semantics: str
) -> None:
    result = run("eval", str(AF_DIR / f"{name}.af"), "-s", semantics, "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    report = json.loads(out(result))
    expected = ANSWERS[name][semantics]
    if semantics == "grounded":
        expected = [expected]
    assert report["semantics"] == semantics
    assert {frozenset(e) for e in report["extensions"]} == {
        frozenset(str(a) for a in e) for e in expected
    }
    assert len(report["extensions"]) == len(expected)
    assert list(report["labels"]) == [str(i) for i in range(1, ANSWERS[name]["n"] + 1)]
    if semantics == "grounded":
        inside = {str(a) for a in expected[0]}
        assert {a for a, v in report["labels"].items() if v == "in"} == inside


def test_eval_table_of_statuses(work: Path) -> None:
    result = run("eval", "reinstatement.af", cwd=work)
    assert result.returncode == 0
    lines = out(result).splitlines()
    assert lines[:2] == [
        "reinstatement.af: grounded semantics, 1 extension",
        "  extension 1: {2, 4}",
    ]
    rows = [line.split() for line in lines[2:]]
    assert rows[0] == ["id", "status", "statement"]
    assert rows[2:] == [["1", "out"], ["2", "in"], ["3", "out"], ["4", "in"]]


def test_eval_reads_standard_input(work: Path) -> None:
    data = (work / "reinstatement.af").read_bytes()
    report = json.loads(out(run("eval", "-", "--json", cwd=work, stdin=data)))
    assert report["extensions"] == [["2", "4"]]


def test_iccma_self_attacks_are_read_as_maps_and_evaluated(tmp_path: Path) -> None:
    shutil.copy(AF_DIR / "rand13_n25.af", tmp_path / "rand13_n25.af")
    result = run("stats", "rand13_n25.af", "--json", cwd=tmp_path)
    assert result.returncode == 0, err_lines(result)
    stats = json.loads(out(result))
    attacks = [line.split() for line in (AF_DIR / "rand13_n25.af").read_text().splitlines()[2:]]
    assert stats["attacks"] == 138 == len(attacks)
    assert stats["self_attacks"] == sum(1 for a, b in attacks if a == b) > 0
    assert run("eval", "rand13_n25.af", cwd=tmp_path).returncode == 0


# ---------------------------------------------------------------------- docs are real runs
CONSOLE = re.compile(r"^```console\n(.*?)^```\n", re.DOTALL | re.MULTILINE)


def _examples(page: Path) -> list[tuple[str, str]]:
    """(command, shown output) for every ``$ `` line of the page's console blocks."""
    found = []
    for block in CONSOLE.findall(page.read_text(encoding="utf-8")):
        parts = re.split(r"^\$ (.*)\n", block, flags=re.MULTILINE)
        for command, shown in zip(parts[1::2], parts[2::2], strict=True):
            found.append((command, shown))
    return found


def _run_shell(command: str, cwd: Path) -> str:
    result = subprocess.run(
        ["bash", "-c", f"exec 2>&1; {command}"],
        cwd=cwd,
        capture_output=True,
        env=_env(),
        check=False,
        timeout=120,
    )
    return result.stdout.decode("utf-8")


@pytest.mark.parametrize("page", [CLI_DOC, README], ids=["docs/cli.md", "README.md"])
def test_documented_commands_print_what_the_docs_show(
    tmp_path: Path, nato: am.ArgumentMap, page: Path
) -> None:
    examples = _examples(page)
    if page == CLI_DOC:
        assert {c.split()[1] for c, _ in examples if c.startswith("argmap ")} >= {
            "render",
            "check",
            "convert",
            "eval",
            "stats",
        }
    elif not any(c.startswith("argmap ") for c, _ in examples):
        pytest.skip("no argmap console examples in README.md yet")
    _populate(tmp_path, nato)
    actual = [(command, _run_shell(command, tmp_path)) for command, _ in examples]
    if os.environ.get("ARGMAP_UPDATE_DOCS") == "1":
        _rewrite(page, actual)
    assert actual == examples


def _rewrite(page: Path, actual: list[tuple[str, str]]) -> None:
    """Put the real outputs into the page (run with ARGMAP_UPDATE_DOCS=1)."""
    outputs = iter(actual)

    def block(match: re.Match[str]) -> str:
        parts = re.split(r"^\$ (.*)\n", match.group(1), flags=re.MULTILINE)
        body = parts[0]
        for command in parts[1::2]:
            real_command, shown = next(outputs)
            assert real_command == command
            body += f"$ {command}\n{shown}"
        return f"```console\n{body}```\n"

    page.write_text(CONSOLE.sub(block, page.read_text(encoding="utf-8")), encoding="utf-8")


# ----------------------------------------------------------- outputs and arguments misused
@pytest.mark.parametrize(
    ("command", "option"),
    [
        (["render", "nato.json", "6064-original.json", "-o", "two.png"], "-o/--output"),
        (["render", "nato.json", "6064-original.json", "--output", "two.svg"], "-o/--output"),
        (["convert", "nato.json", "6064-original.json", "out.aif.json"], "OUTPUT"),
    ],
    ids=["render-png", "render-svg", "convert-aif"],
)
def test_several_inputs_and_a_file_like_output_is_a_usage_error(
    work: Path, command: list[str], option: str
) -> None:
    before = sorted(p.name for p in work.iterdir())
    result = run(*command, cwd=work)
    assert result.returncode == 2
    [line] = err_lines(result)
    name = command[-1]
    assert line == (
        f"argmap {command[0]}: usage error: {option} {name!r} looks like a file (it has the "
        f"suffix {Path(name).suffix!r}), but there are 2 inputs; give a folder for their "
        f"outputs (create it first if its name has a dot) (see 'argmap {command[0]} --help')"
    )
    assert sorted(p.name for p in work.iterdir()) == before  # no folder made


@pytest.mark.parametrize("command", ["render", "convert"])
def test_several_inputs_and_an_existing_file_as_output_is_a_usage_error(
    work: Path, command: str
) -> None:
    (work / "target").write_text("keep me\n", encoding="utf-8")
    args = ["-o", "target"] if command == "render" else ["target"]
    result = run(command, "nato.json", "6064-original.json", *args, cwd=work)
    assert result.returncode == 2
    option = "-o/--output" if command == "render" else "OUTPUT"
    assert err_lines(result)[0].startswith(
        f"argmap {command}: usage error: {option} 'target' is a file, but there are 2 inputs"
    )
    assert (work / "target").read_text(encoding="utf-8") == "keep me\n"


def test_several_inputs_into_an_existing_folder_with_a_dot_in_its_name(work: Path) -> None:
    (work / "out.v2").mkdir()
    result = run("convert", "nato.json", "6064-original.json", "out.v2", cwd=work)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (work / "out.v2").iterdir()) == [
        "6064-original.json",
        "nato.json",
    ]


@pytest.mark.parametrize(
    "command",
    [["check", ""], ["stats", ""], ["eval", ""], ["render", "", "-f", "dot"]],
    ids=["check", "stats", "eval", "render"],
)
def test_an_empty_path_is_a_usage_error_not_the_current_folder(
    work: Path, command: list[str]
) -> None:
    result = run(*command, cwd=work)
    assert result.returncode == 2
    assert err_lines(result) == [
        f"argmap {command[0]}: usage error: an empty argument is not a map file or folder; "
        f"use . for the current folder (see 'argmap {command[0]} --help')"
    ]
    assert out(result) == ""


def test_an_empty_output_is_a_usage_error(work: Path) -> None:
    result = run("render", "nato.json", "-o", "", cwd=work)
    assert result.returncode == 2
    assert err_lines(result)[0].startswith(
        "argmap render: usage error: -o/--output is empty; give a file, a folder or -"
    )


def test_stats_title_keeps_a_long_path_whole_on_a_narrow_terminal(
    work: Path, nato: am.ArgumentMap
) -> None:
    folder = work / "a-rather-long-folder-name" / "and-another-one-below-it"
    folder.mkdir(parents=True)
    nato.save(folder / "the-nato-ammunition-map.json")
    label = str(folder.relative_to(work) / "the-nato-ammunition-map.json")
    env = {**_env(), "COLUMNS": "40"}
    result = subprocess.run(
        [str(ARGMAP), "stats", label], cwd=work, capture_output=True, env=env, check=False
    )
    assert result.returncode == 0, result.stderr
    lines = out(result).splitlines()
    assert lines[:2] == [label, ""]
    assert lines[2].split() == ["statistic", "value"]
    assert lines[-1].split() == ["sentences", "mapped"]  # the long value wraps instead
