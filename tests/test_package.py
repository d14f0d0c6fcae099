"""Packaging: public API re-exported, typed, versioned."""

from __future__ import annotations

import inspect

import tomllib

import argmap

from conftest import ROOT


def test_public_api_is_exported_and_documented() -> None:
    for name in argmap.__all__:
        obj = getattr(argmap, name)
        if inspect.isfunction(obj) or inspect.isclass(obj):
            assert obj.__doc__, f"{name} has no docstring"


def test_version_matches_pyproject_dynamic_version() -> None:
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" in meta["project"]["dynamic"]
    assert argmap.__version__.count(".") == 2


def test_py_typed_marker_ships() -> None:
    assert (ROOT / "argmap" / "py.typed").exists()


def test_licence_is_mit() -> None:
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
