"""render() and notebook display: formats, atomic writes, and life without Graphviz."""

from __future__ import annotations

import json
import os
import stat
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from IPython.core.formatters import DisplayFormatter

import argmap as am
from argmap.render.graphviz import INSTALL_HINT, pipe, render
from argmap.render.jupyter import DOT_MIMETYPE, SVG_MIMETYPE, GraphvizMissingWarning, draw


@pytest.fixture
def small() -> am.ArgumentMap:
    m = am.ArgumentMap(title="Sugar")
    c = m.claim("Tax sugar", id="c")
    m.premise("Sugar harms health", id="p", supports=c)
    return m


@pytest.fixture
def no_dot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """PATH is an empty folder: no Graphviz binary can be found."""
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    return empty


def _svg_root(path: Path) -> ET.Element:
    return ET.fromstring(path.read_bytes())


@pytest.mark.parametrize(
    ("name", "check"),
    [
        ("map.svg", lambda b: ET.fromstring(b).tag == "{http://www.w3.org/2000/svg}svg"),
        ("map.png", lambda b: b.startswith(b"\x89PNG\r\n\x1a\n")),
        ("map.pdf", lambda b: b.startswith(b"%PDF-")),
        ("map.dot", lambda b: b.startswith(b"digraph argmap {")),
        ("map.gv", lambda b: b.startswith(b"digraph argmap {")),
        ("MAP.SVG", lambda b: b.lstrip().startswith(b"<?xml")),
        ("map.json", lambda b: json.loads(b)["format"] == "argmap"),
        ("map.mmd", lambda b: b.startswith(b'---\ntitle: "Sugar"\n---\nflowchart BT\n')),
    ],
)
def test_render_infers_format_from_suffix_and_returns_the_path(
    small: am.ArgumentMap, tmp_path: Path, name: str, check: object, dot_binary: str
) -> None:
    target = tmp_path / "out" / name
    written = small.render(target)
    assert written == target
    assert check(target.read_bytes())  # type: ignore[operator]
    assert [p.name for p in target.parent.iterdir()] == [name]  # no temp files left


def test_render_dot_file_is_the_to_dot_text(small: am.ArgumentMap, tmp_path: Path) -> None:
    path = render(small, tmp_path / "m.dot", style="print", direction="LR")
    assert path.read_text() == small.to_dot(style="print", direction="LR").source


def test_render_mermaid_takes_its_options(small: am.ArgumentMap, tmp_path: Path) -> None:
    path = small.render(tmp_path / "m.mermaid", style="print", direction="LR")
    assert path.read_text() == small.to_mermaid(style="print", direction="LR")
    with pytest.raises(am.OptionError) as info:  # a DOT-only option is refused, not dropped
        small.render(tmp_path / "other.mmd", direction="LR", legend=True)
    assert str(info.value) == (
        "render() to mermaid has no option 'legend'; its options are direction, style, wrap"
    )
    assert not (tmp_path / "other.mmd").exists()


def test_format_argument_overrides_suffix(
    small: am.ArgumentMap, tmp_path: Path, dot_binary: str
) -> None:
    path = small.render(tmp_path / "drawing.txt", format="svg")
    assert _svg_root(path).tag.endswith("svg")


def test_unknown_suffix_is_an_option_error_listing_the_suffixes(
    small: am.ArgumentMap, tmp_path: Path
) -> None:
    with pytest.raises(am.OptionError) as info:
        small.render(tmp_path / "map.jpeg")
    assert str(info.value) == (
        f"cannot tell the format of {str(tmp_path / 'map.jpeg')!r} from its suffix '.jpeg'; "
        "use one of .dot, .gv, .htm, .html, .json, .mermaid, .mmd, .pdf, .png, .svg or pass "
        "format= (svg, png, pdf, dot, json, mermaid, html)"
    )
    assert not (tmp_path / "map.jpeg").exists()
    with pytest.raises(am.OptionError, match=r"^unknown format 'jpeg'; choose one of svg, png"):
        small.render(tmp_path / "map.svg", format="jpeg")


def test_unknown_render_options_are_option_errors_and_write_nothing(
    small: am.ArgumentMap, tmp_path: Path
) -> None:
    known = "badges, clusters, direction, engine, labels, legend, node_attrs, style, title, wrap"
    for name in ("m.svg", "m.dot", "m.png"):
        with pytest.raises(am.OptionError) as info:
            small.render(tmp_path / name, colour="red")
        fmt = name.split(".")[1]
        assert (
            str(info.value) == f"render() to {fmt} has no option 'colour'; its options are {known}"
        )
    with pytest.raises(am.OptionError) as info:
        small.render(tmp_path / "m.json", style="print")
    assert str(info.value) == "render() to json has no option 'style'; it takes none"
    with pytest.raises(am.OptionError, match=r"^unknown direction 'up'"):
        small.render(tmp_path / "m.dot", direction="up")  # type: ignore[typeddict-item]
    assert list(tmp_path.iterdir()) == []


def test_render_html_writes_the_report_the_cli_writes(
    small: am.ArgumentMap, tmp_path: Path, dot_binary: str
) -> None:
    from argmap.cli import main

    small.save(tmp_path / "small.json")
    assert small.render(tmp_path / "api.html") == tmp_path / "api.html"
    assert main(["render", str(tmp_path / "small.json"), "-o", str(tmp_path / "cli.html")]) == 0
    api = (tmp_path / "api.html").read_text(encoding="utf-8")
    assert api == (tmp_path / "cli.html").read_text(encoding="utf-8")
    assert api == small.to_html(tmp_path / "x.html").read_text(encoding="utf-8")
    assert api.startswith("<!DOCTYPE html>")
    page = small.render(tmp_path / "titled.htm", title="Sugar", direction="TB")
    assert "<title>Sugar</title>" in page.read_text(encoding="utf-8")
    with pytest.raises(am.OptionError) as info:
        small.render(tmp_path / "bad.html", colour="red")
    assert str(info.value) == (
        "render() to html has no option 'colour'; its options are badges, clusters, "
        "direction, engine, labels, legend, node_attrs, style, title, wrap"
    )


@pytest.mark.parametrize(
    ("fmt", "text_fmt"), [("SVG", "MERMAID"), ("Svg", "Mermaid"), ("svg", "mermaid")]
)
def test_the_format_option_is_read_in_any_case_as_the_suffix_is(
    small: am.ArgumentMap, tmp_path: Path, fmt: str, text_fmt: str, dot_binary: str
) -> None:
    written = small.render(tmp_path / "drawing.out", format=fmt)
    assert ET.fromstring(written.read_bytes()).tag == "{http://www.w3.org/2000/svg}svg"
    assert written.read_bytes() == small.render(tmp_path / "MAP.SVG").read_bytes()
    assert pipe(small, fmt) == written.read_bytes()
    mermaid = small.render(tmp_path / "map.txt", format=text_fmt)
    assert mermaid.read_text(encoding="utf-8") == small.to_mermaid()


def test_svg_contains_every_statement_as_a_node(
    small: am.ArgumentMap, tmp_path: Path, dot_binary: str
) -> None:
    root = _svg_root(small.render(tmp_path / "m.svg"))
    ids = {g.get("id") for g in root.iter("{http://www.w3.org/2000/svg}g")}
    assert {"am:c", "am:p"} <= ids  # see argmap.render.dot.svg_id


def test_without_dot_render_raises_with_install_hint_and_leaves_old_file(
    small: am.ArgumentMap, tmp_path: Path, no_dot: Path
) -> None:
    target = tmp_path / "map.svg"
    target.write_text("previous drawing")
    with pytest.raises(am.GraphvizNotFoundError) as info:
        small.render(target)
    message = str(info.value)
    assert message == INSTALL_HINT
    assert "install Graphviz" in message
    assert "apt-get install graphviz" in message
    assert "brew install graphviz" in message
    assert target.read_text() == "previous drawing"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty-bin", "map.svg"]


def test_without_dot_exports_still_work(
    small: am.ArgumentMap, tmp_path: Path, no_dot: Path
) -> None:
    assert small.to_dot().source.startswith("digraph argmap {")
    assert json.loads(small.to_json())["statements"][0]["id"] == "c"
    assert small.render(tmp_path / "m.dot").read_text() == small.to_dot().source
    assert json.loads(small.render(tmp_path / "m.json").read_text())["format"] == "argmap"


def test_failing_dot_leaves_no_partial_file(
    small: am.ArgumentMap, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A ``dot`` that writes half a file and fails: RenderError with its message, and
    neither a partial target nor a temporary file remains."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "dot"
    fake.write_text("#!/bin/sh\nprintf '<svg><g>'\necho 'Error: out of memory' >&2\nexit 1\n")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}/usr/bin{os.pathsep}/bin")
    out = tmp_path / "out"
    with pytest.raises(am.RenderError, match="Graphviz dot failed to render svg: Error: out of"):
        small.render(out / "map.svg")
    assert not out.exists() or list(out.iterdir()) == []


def test_mimebundle_gives_svg_with_dot(small: am.ArgumentMap, dot_binary: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        bundle = small._repr_mimebundle_()
    assert set(bundle) == {"text/plain", "text/html", SVG_MIMETYPE}  # HTML: to explore
    root = ET.fromstring(bundle[SVG_MIMETYPE])
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert bundle["text/plain"] == repr(small)


def test_mimebundle_without_dot_gives_dot_text_and_one_warning(
    small: am.ArgumentMap, no_dot: Path
) -> None:
    with pytest.warns(GraphvizMissingWarning) as record:
        bundle = small._repr_mimebundle_()
    assert len(record) == 1
    assert "\n" not in str(record[0].message)
    assert "install Graphviz" in str(record[0].message)
    assert set(bundle) == {"text/plain", DOT_MIMETYPE}
    assert bundle[DOT_MIMETYPE] == small.to_dot().source


def test_ipython_display_without_dot_warns_once_and_never_raises(
    small: am.ArgumentMap, no_dot: Path
) -> None:
    """IPython's own formatter (as a notebook uses it) gets DOT text, one warning."""
    with pytest.warns(GraphvizMissingWarning) as record:
        data, _ = DisplayFormatter().format(small)
    assert len(record) == 1
    assert data[DOT_MIMETYPE] == small.to_dot().source
    assert SVG_MIMETYPE not in data


def test_ipython_display_with_dot_is_svg(small: am.ArgumentMap, dot_binary: str) -> None:
    data, _ = DisplayFormatter().format(small)
    assert ET.fromstring(data[SVG_MIMETYPE]).tag.endswith("svg")


def test_draw_carries_options_to_display_and_files(
    small: am.ArgumentMap, tmp_path: Path, dot_binary: str
) -> None:
    d = draw(small, style="print", legend=True)
    svg = d._repr_mimebundle_()[SVG_MIMETYPE]
    assert "Legend" in svg
    assert (
        d.render(tmp_path / "m.dot").read_text() == small.to_dot(style="print", legend=True).source
    )


def test_draw_checks_options_at_once(small: am.ArgumentMap) -> None:
    with pytest.raises(ValueError, match="unknown theme 'neon'"):
        draw(small, style="neon")
