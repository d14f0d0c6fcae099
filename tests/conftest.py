"""Shared fixtures and helpers for argmap's tests."""

from __future__ import annotations

import shutil
from pathlib import Path

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
