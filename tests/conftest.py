"""Shared fixtures and helpers for argmap's tests."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NoReturn

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "needs_dot: needs the Graphviz dot binary")


@pytest.fixture
def dot_binary() -> str:
    """Path of the Graphviz ``dot`` binary; the test fails (not skips) without it in CI."""
    path = shutil.which("dot")
    if path is None:
        pytest.fail("Graphviz 'dot' is not installed: run the README's test command")
    return path


NODE_PACKAGES = Path(sys.prefix) / "node"
"""Where scripts/_setup.sh installs the Node packages tests/node/package-lock.json pins."""
PINNED_NODE = ROOT / "tests" / "node"


def in_ci() -> bool:
    """True when the environment variable CI is set (to anything but 0/false/no)."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def unavailable(reason: str, what: str) -> NoReturn:
    """Skip, except in CI, where a real client that cannot run is a failure."""
    if in_ci():
        pytest.fail(
            f"{reason}; CI is set, so {what} must run: run scripts/test, whose set-up "
            "installs Node.js and the packages of tests/node/package-lock.json",
            pytrace=False,
        )
    pytest.skip(f"{reason}; run scripts/test to install it")


def missing(what: str) -> NoReturn:
    """Skip a test whose real client (``what``) is not installed; fail in CI."""
    message = f"{what} is not installed: run `bash scripts/test`, which installs it"
    if in_ci():
        pytest.fail(message)
    pytest.skip(message)


@contextlib.contextmanager
def chromium(profile: Path, *args: str, browser_log: bool = False) -> Iterator[Any]:
    """A headless Chromium session (Selenium WebDriver) on the system's own browser and
    driver (Debian's chromium and chromium-driver; none is downloaded), with a fresh
    profile in ``profile``, extra command-line ``args`` and, with ``browser_log``, the
    console log kept for ``driver.get_log("browser")``; quit on leaving."""
    binary, driver_path = shutil.which("chromium"), shutil.which("chromedriver")
    if binary is None or driver_path is None:
        missing("Debian's chromium and chromium-driver")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        missing("selenium (the dev extra)")
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update",
                "--disable-sync", f"--user-data-dir={profile}", *args):  # fmt: skip
        options.add_argument(arg)
    if browser_log:
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=driver_path))
    try:
        yield driver
    finally:
        driver.quit()


def pinned_node_package(inside: str, what: str) -> Path:
    """``NODE_PACKAGES / inside`` (e.g. ``node_modules/mermaid``), once Node.js is there
    and the installed packages are exactly the pinned ones; else :func:`unavailable`."""
    if shutil.which("node") is None:
        unavailable("Node.js ('node') is not installed", what)
    lock = NODE_PACKAGES / "package-lock.json"
    if not (NODE_PACKAGES / inside).exists() or not lock.is_file():
        unavailable(f"{what} is not installed in {NODE_PACKAGES}", what)
    if lock.read_bytes() != (PINNED_NODE / "package-lock.json").read_bytes():
        unavailable(f"{NODE_PACKAGES} is not what tests/node/package-lock.json pins", what)
    return NODE_PACKAGES / inside


def run_node_script(
    script: str, packages: Path, folder: Path, texts: dict[str, str]
) -> dict[str, Any]:
    """Write each text to ``folder`` (by file name), run ``tests/node/<script>`` on them
    with the pinned ``packages``, and return the JSON it prints."""
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    result = subprocess.run(
        ["node", str(PINNED_NODE / script), str(packages), *texts],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    printed: dict[str, Any] = json.loads(result.stdout)
    return printed
