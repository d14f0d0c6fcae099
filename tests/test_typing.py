"""The drawing options are typed: mypy completes and checks them (tests/type_checks/)."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

SNIPPETS = ROOT / "tests" / "type_checks"


def mypy(path: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-error-summary",
            "--hide-error-context",
            "--no-pretty",
            str(SNIPPETS / path),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=300,
    )


def test_correct_drawing_options_pass_mypy() -> None:
    result = mypy("drawing_ok.py")
    assert result.returncode == 0, result.stdout + result.stderr


def test_misspelt_or_mistyped_drawing_options_fail_mypy_with_its_message() -> None:
    result = mypy("drawing_misspelt.py")
    assert result.returncode == 1
    errors = [
        line.split(": error: ", 1)[1] for line in result.stdout.splitlines() if ": error: " in line
    ]
    assert errors == [
        'Unexpected keyword argument "directoin" for "to_dot" of "ArgumentMap"; '
        'did you mean "direction"?  [call-arg]',
        'Argument "legend" to "draw" has incompatible type "str"; expected "bool"  [arg-type]',
        'Argument "direction" to "render" of "ArgumentMap" has incompatible type '
        "\"Literal['up']\"; expected \"Literal['auto', 'BT', 'TB', 'LR', 'RL', 'bt', "
        "'tb', 'lr', 'rl']\"  [arg-type]",
        'Unexpected keyword argument "legend" for "to_mermaid" of "ArgumentMap"  [call-arg]',
    ], result.stdout
