"""Packaging: public API re-exported, typed, versioned."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
import subprocess
import sys

import pytest
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


def _all_submodules() -> list[str]:
    """Dotted names of every module and package under argmap (imports them all)."""
    names = []
    for info in pkgutil.walk_packages(argmap.__path__, prefix="argmap."):
        names.append(info.name)
    return sorted(names)


def test_walk_finds_every_package_and_their_modules() -> None:
    names = _all_submodules()
    for expected in (
        "argmap.analysis.lint",
        "argmap.cli.render",
        "argmap.formats.json",
        "argmap.render.graphviz",
        "argmap.render.status",
    ):
        assert expected in names


@pytest.mark.parametrize("dotted", _all_submodules())
def test_no_package_binds_a_name_over_its_submodule(dotted: str) -> None:
    # Rule: a package never binds a name that is also one of its submodules (a function
    # named like its module hides the module: `import argmap.render.style` failed while
    # `argmap.render` was the render function).
    module = importlib.import_module(dotted)
    parent_name, _, name = dotted.rpartition(".")
    parent = importlib.import_module(parent_name)
    assert getattr(parent, name) is module, (
        f"{parent_name}.{name} is {getattr(parent, name)!r}, not the module {dotted}"
    )
    assert sys.modules[dotted] is module


def test_render_submodules_import_by_dotted_path_in_a_fresh_interpreter() -> None:
    # A fresh process: nothing imported before `import argmap...` can hide the problem.
    code = (
        "import argmap.render.style as s, argmap.render.html, argmap.render.jupyter\n"
        "import argmap.render.graphviz as g, argmap.render.status\n"
        "import argmap.analysis.lint as L\n"
        "import argmap\n"
        "print(s.__name__, g.render.__module__, L.__name__, L.lint is argmap.lint,\n"
        "      argmap.render.status.status_style.__name__, type(argmap.render).__name__)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == [
        "argmap.render.style",
        "argmap.render.graphviz",
        "argmap.analysis.lint",
        "True",
        "status_style",
        "module",
    ]


def test_lint_and_render_stay_reachable_as_functions() -> None:
    # am.lint stays a top-level function; rendering is m.render(path) (or the function in
    # argmap.render.graphviz), not a top-level function named like the package.
    m = argmap.ArgumentMap()
    m.claim("Tax sugar", id="c")
    assert [i.code for i in argmap.lint(m)] == ["unsupported-main-claim"]
    assert "lint" in argmap.__all__ and "render" not in argmap.__all__
    assert "lint" not in argmap.analysis.__all__
    assert argmap.render.graphviz.render.__name__ == "render"
    assert argmap.analysis.lint.lint is argmap.lint


def test_docs_home_links_every_page_of_the_nav_in_order() -> None:
    import yaml

    nav = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["nav"]
    # A section of the nav is linked by its first page.
    firsts = [
        page if isinstance(page, str) else next(iter(page[0].values()))
        for entry in nav
        for page in entry.values()
    ]
    pages = [page for page in firsts if page != "index.md"]
    home = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    where_next = home.split("## Where next", 1)[1]
    linked = re.findall(r"^- \[[^\]]+\]\(([^)]+)\)", where_next, flags=re.M)
    assert linked == pages


def test_the_networkx_algorithms_the_readme_names_work_without_numpy_or_scipy() -> None:
    # README: argmap does not need numpy/scipy, and these networkx algorithms work without
    # them. A fresh interpreter where importing numpy or scipy fails keeps that true even
    # when a developer has them installed.
    code = """
import sys
sys.modules["numpy"] = None
sys.modules["scipy"] = None
import networkx as nx
import argmap as am
m = am.ArgumentMap()
c = m.claim("C", id="c")
p = m.premise("P", id="p", supports=c)
k = m.counterpoint("K", id="k", attacks=c)
g = m.graph
assert nx.shortest_path(g, "p", "c") == ["p", "p-supports-c", "c"]
assert nx.ancestors(g, "c") == {"p", "k", "p-supports-c", "k-attacks-c"}
assert list(nx.simple_cycles(g)) == []
assert len(list(nx.strongly_connected_components(g))) == 5
assert list(nx.topological_sort(g))[-1] == "c"
assert nx.dag_longest_path(g) == ["p", "p-supports-c", "c"]
for f in (nx.degree_centrality, nx.closeness_centrality, nx.betweenness_centrality):
    assert set(f(g)) == set(g)
for f in (nx.eigenvector_centrality, nx.katz_centrality):
    assert set(f(g.reverse(), max_iter=1000)) == set(g)
try:
    nx.pagerank(g)
except ImportError:
    print("pagerank needs numpy")
"""
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out == "pagerank needs numpy\n"


def _modules_after(code: str) -> set[str]:
    """The modules loaded in a fresh interpreter after running ``code``."""
    out = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys\nprint('\\n'.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return set(out.split())


def _heavy(modules: set[str]) -> list[str]:
    return sorted(
        name
        for name in modules
        if name.startswith(
            (
                "argmap.analysis",
                "argmap.render",
                "argmap.formats",
                "argmap.cli.",
                "click",
                "rich",
                "lark",
                "graphviz",
            )
        )
    )


def test_import_argmap_loads_no_analysis_rendering_format_or_cli_module() -> None:
    modules = _modules_after("import argmap")
    assert _heavy(modules) == []
    # nor the core's own dependencies: they load with the first name that needs them
    assert {"networkx", "pydantic", "argmap.map"}.isdisjoint(modules)


def test_building_a_map_loads_the_core_and_nothing_else() -> None:
    modules = _modules_after(
        "import argmap as am\n"
        "m = am.ArgumentMap()\n"
        "m.premise('P', id='p', supports=m.claim('C', id='c'))\n"
    )
    assert {"networkx", "pydantic", "argmap.map", "argmap.model"} <= modules
    assert _heavy(modules) == []


def test_argmap_version_loads_neither_click_nor_the_commands() -> None:
    modules = _modules_after(
        "import contextlib, io\n"
        "from argmap.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    assert main(['--version']) == 0\n"
    )
    assert _heavy(modules) == []
    assert "networkx" not in modules and "pydantic" not in modules


def test_every_public_name_resolves_in_a_fresh_interpreter() -> None:
    # each name alone, as `argmap.X` and as `from argmap import X`, in a fresh process
    # (nothing else imported first can make a lazy name resolve by accident)
    code = (
        "import argmap\n"
        "for name in argmap.__all__:\n"
        "    value = getattr(argmap, name)\n"
        "    exec(f'from argmap import {name} as same')\n"
        "    assert same is value, name\n"
        "    assert name in dir(argmap), name\n"
        "print(len(argmap.__all__))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert int(out) == len(argmap.__all__)


@pytest.mark.parametrize(
    ("name", "module"),
    [
        ("ArgumentMap", "argmap.map"),
        ("lint", "argmap.analysis.lint"),
        ("to_dot", "argmap.render.dot"),
        ("load", "argmap.registry"),
        ("THEMES", "argmap.render.style"),
        ("ArgdownSyntaxError", "argmap.formats.argdown"),
    ],
)
def test_a_lazy_name_is_its_modules_object_first_used_alone(name: str, module: str) -> None:
    code = (
        f"import argmap, sys\nvalue = argmap.{name}\nassert {module!r} in sys.modules\n"
        f"import {module} as home\nprint(value is home.{name})\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out == "True\n"
    assert argmap.argdown is importlib.import_module("argmap.formats.argdown")


def test_an_unknown_name_is_an_attribute_error_naming_it() -> None:
    with pytest.raises(AttributeError, match="module 'argmap' has no attribute 'nonesuch'"):
        argmap.nonesuch  # noqa: B018
