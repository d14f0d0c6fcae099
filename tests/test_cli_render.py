"""``argmap render``: what it says, its drawing options, ``--watch`` (real subprocesses)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import argmap as am

BIN = Path(sys.executable).parent
ARGMAP = BIN / "argmap"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(ARGMAP), *args], cwd=cwd, capture_output=True, text=True, check=False, timeout=120
    )


@pytest.fixture
def work(tmp_path: Path) -> Path:
    m = am.ArgumentMap(title="Sugar")
    c = m.claim("Tax sugar", id="c")
    m.premise("Sugar harms health", id="p", supports=c)
    m.save(tmp_path / "sugar.json")
    return tmp_path


def test_render_says_where_it_wrote_unless_quiet(work: Path) -> None:
    said = run("render", "sugar.json", "-o", "out.dot", cwd=work)
    assert (said.returncode, said.stdout, said.stderr) == (
        0,
        "wrote out.dot (dot) from sugar.json\n",
        "",
    )
    quiet = run("render", "sugar.json", "-o", "quiet.dot", "-q", cwd=work)
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (0, "", "")
    assert (work / "quiet.dot").read_text() == (work / "out.dot").read_text()
    piped = run("render", "sugar.json", "-o", "-", "-f", "dot", cwd=work)
    assert piped.stdout == am.load(work / "sugar.json").to_dot().source  # nothing else


def test_render_style_direction_engine_and_legend_are_the_library_options(work: Path) -> None:
    m = am.load(work / "sugar.json")
    args = ["-o", "-", "-f", "dot", "--style", "Print", "--direction", "lr", "--legend"]
    result = run("render", "sugar.json", *args, "--engine", "neato", cwd=work)
    assert result.returncode == 0, result.stderr
    expected = m.to_dot(style="print", direction="LR", legend=True, engine="neato")
    assert result.stdout == expected.source


def test_the_old_theme_option_still_works_with_a_deprecation_warning(work: Path) -> None:
    m = am.load(work / "sugar.json")
    result = run("render", "sugar.json", "-o", "-", "-f", "dot", "--theme", "print", cwd=work)
    assert result.returncode == 0
    assert result.stdout == m.to_dot(style="print").source
    assert result.stderr == (
        "argmap: warning: DeprecationWarning: --theme is deprecated and will be removed; "
        "use --style (the name Python uses: style=...)\n"
    )


def test_watch_takes_one_map_file(work: Path) -> None:
    result = run("render", "sugar.json", "sugar.json", "-o", "d", "--watch", cwd=work)
    assert result.returncode == 2
    assert "--watch takes one map file" in result.stderr


def _wait_for(check: object, what: str, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if callable(check) and check():
            return
        time.sleep(0.05)
    pytest.fail(f"timed out after {seconds:g} s waiting for {what}")


def test_watch_redraws_the_map_each_time_its_file_is_saved(work: Path) -> None:
    out = work / "sugar.dot"
    proc = subprocess.Popen(
        [str(ARGMAP), "render", "sugar.json", "-o", "sugar.dot", "--watch"],
        cwd=work,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _wait_for(out.exists, "the first drawing")
        assert "Tax sugar" in out.read_text()
        first = out.stat().st_mtime_ns
        time.sleep(0.5)  # the watcher is running once the first drawing is written

        m = am.load(work / "sugar.json")
        m.update("c", text="Tax sugary drinks")
        m.save(work / "sugar.json")  # an atomic save: a new file renamed over the old
        _wait_for(lambda: "Tax sugary drinks" in out.read_text(), "the redrawing")
        assert out.stat().st_mtime_ns > first

        (work / "sugar.json").write_text("{not json", encoding="utf-8")  # mid-edit
        time.sleep(1.0)
        m.update("c", text="Tax sweets")
        m.save(work / "sugar.json")
        _wait_for(lambda: "Tax sweets" in out.read_text(), "a drawing after a broken save")
    finally:
        proc.send_signal(signal.SIGINT if os.name != "nt" else signal.CTRL_C_EVENT)
        stdout, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 0, stderr
    assert stdout.count("wrote sugar.dot (dot) from sugar.json\n") >= 3
    assert "watching sugar.json for changes (Ctrl-C to stop)" in stderr
    assert "argmap: error: sugar.json: not valid JSON" in stderr
    assert stderr.endswith("stopped watching\n")


def test_watch_stops_cleanly_on_sigterm(work: Path) -> None:
    proc = subprocess.Popen(
        [str(ARGMAP), "render", "sugar.json", "-o", "t.dot", "-w", "-q"],
        cwd=work,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    _wait_for((work / "t.dot").exists, "the first drawing")
    proc.terminate()
    stdout, stderr = proc.communicate(timeout=30)
    assert (proc.returncode, stdout, stderr) == (0, "", "")


def test_a_long_render_says_so_on_standard_error(
    work: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Not on a terminal, one line once the drawing passes LONG_RENDER seconds (made
    tiny here, and Graphviz made slow by a map of 400 statements)."""
    from argmap.cli import main, outputs

    big = am.ArgumentMap()
    top = big.claim("The top", id="c")
    for n in range(400):
        big.premise(f"Reason {n}", id=f"p{n}", supports=top if n % 2 == 0 else f"p{n - 1}")
    big.save(work / "big.json")
    monkeypatch.setattr(outputs, "LONG_RENDER", 0.001)
    assert main(["render", str(work / "big.json"), "-o", str(work / "big.svg")]) == 0
    err = capsys.readouterr().err
    assert err == (
        f"argmap: drawing {work / 'big.json'} (401 statements) with Graphviz: "
        "still running after 0.001 s\n"
    )
    assert main(["render", str(work / "big.json"), "-o", str(work / "big.dot")]) == 0
    assert capsys.readouterr().err == ""  # DOT text: no Graphviz, nothing to wait for


@pytest.mark.usefixtures("dot_binary")
def test_a_map_over_the_limit_is_drawn_as_an_overview_unless_full(work: Path) -> None:
    m = am.ArgumentMap(title="Wide")
    c = m.claim("C", id="c")
    for n in range(6):
        m.premise(f"Q{n}", id=f"q{n}", supports=m.premise(f"P{n}", id=f"p{n}", supports=c))
    m.save(work / "wide.json")
    result = run("render", "wide.json", "--limit", "4", cwd=work)
    assert result.returncode == 0, result.stderr
    assert result.stderr == (
        "argmap: note: wide.json has 13 statements: drawing the 4 nearest its main "
        "conclusions, +N markers counting the rest; --full draws them all (Graphviz may "
        "take minutes), --focus ID one part\n"
    )
    svg = (work / "wide.svg").read_text(encoding="utf-8")
    assert "showing 4 of 13 statements" in svg and ">+6<" in svg and "Q5" not in svg
    full = run("render", "wide.json", "--limit", "4", "--full", "-o", "full.svg", cwd=work)
    assert (full.returncode, full.stderr) == (0, "")
    assert "Q5" in (work / "full.svg").read_text(encoding="utf-8")
    text = run("render", "wide.json", "--limit", "4", "-o", "-", "-f", "dot", cwd=work)
    assert text.stdout == m.to_dot().source  # text formats are never cut
