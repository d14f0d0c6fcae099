"""The format registry: one way in and out, by name, suffix or content."""

from __future__ import annotations

import ast
import json
import warnings
from pathlib import Path

import pytest

import argmap as am
from argmap import registry
from argmap.errors import FormatError, OptionError, WriteError

from conftest import DATA, ROOT

AIF_FILE = DATA / "aif" / "6064-reconstructed.json"


def small() -> am.ArgumentMap:
    m = am.ArgumentMap(title="Sugar tax")
    c = m.claim("A sugar tax improves public health", id="tax")
    m.premise("Sugar taxes cut sugar consumption", id="cut", supports=c, tags=["economic"])
    m.counterpoint("The tax hits the poor hardest", id="poor", attacks=c)
    return m


# ----------------------------------------------------------------------------- the table
def test_every_format_has_a_unique_name_a_title_and_suffixes() -> None:
    names = [f.name for f in registry.formats()]
    assert len(names) == len(set(names))
    for spec in registry.formats():
        assert spec.title and spec.keeps and spec.loses, spec.name
        assert spec.reads or spec.writes, spec.name
        assert all(x.startswith(".") and x == x.lower() for x in spec.suffixes), spec.name
        assert not (spec.drawing and spec.reads), f"{spec.name}: a drawing is not read back"


def test_the_registry_imports_no_format_until_asked() -> None:
    import subprocess
    import sys

    code = (
        "import sys, argmap\n"
        "argmap.load, argmap.ArgumentMap\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('argmap.formats.') "
        "and not m.split('.')[-1].startswith('_'))\n"
        "print(loaded)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    # argmap/__init__ loads its names lazily: not even argmap JSON is imported yet.
    assert out.stdout.strip() == "[]"


def test_get_takes_any_case_and_names_the_choices() -> None:
    assert registry.get("AIF").name == "aif"
    with pytest.raises(OptionError) as info:
        registry.get("sadfce")
    assert str(info.value).startswith("unknown format 'sadfce'; choose one of: argmap, ")
    with pytest.raises(OptionError, match=r"^format .mermaid. \(Mermaid flowchart\) cannot be"):
        am.loads("flowchart BT", format="mermaid")
    with pytest.raises(OptionError, match="must be a format name"):
        registry.get(3)  # type: ignore[arg-type]


# ------------------------------------------------------------------------------ detection
def test_compound_suffix_wins_over_plain_json(tmp_path: Path) -> None:
    m = small()
    path = m.save(tmp_path / "map.aif.json")
    assert json.loads(path.read_text(encoding="utf-8"))["nodes"]  # written as AIF
    assert registry.detect(path.read_text(encoding="utf-8"), path.name)[1] == (
        "the suffix '.aif.json'"
    )
    assert am.load(path) == m


def test_plain_json_is_told_by_content_with_the_reason(tmp_path: Path) -> None:
    spec, why = registry.detect(small().to_json(), "map.json")
    assert (spec.name, why) == ("argmap", 'has "format": "argmap"')
    text = AIF_FILE.read_text(encoding="utf-8")
    spec, why = registry.detect(text, "6064.json")
    assert (spec.name, why) == ("aif", 'has "nodes" (with "nodeID"s) and "edges" lists')
    assert registry.detect(text)[0].name == "aif"  # no name at all: the content decides


def test_iccma_text_is_told_by_content() -> None:
    assert registry.detect("# comment\np af 2\n1 2\n")[0].name == "af"
    assert registry.detect("arg(a).\narg(b).\natt(a,b).\n")[0].name == "apx"


def test_undetected_json_says_what_was_looked_for() -> None:
    with pytest.raises(FormatError) as info:
        am.loads('{"statements": [], "x": 1}')
    message = str(info.value)
    assert message.startswith(
        "cannot tell the format: the text is JSON (its keys: 'statements', 'x'), but no JSON "
        'format argmap reads recognises it (looked for: argmap JSON ("format": "argmap"); '
    )
    assert message.endswith(
        "name the format (format= in Python, --from on the command line; 'argmap formats' "
        "lists them)"
    )


def test_undetected_text_names_the_file_and_suffix(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Just some notes.\n", encoding="utf-8")
    with pytest.raises(FormatError) as info:
        am.load(path)
    assert str(info.value) == (
        f"{path}: cannot tell the format: the suffix '.txt' may be Kialo text export, but "
        "the content is not; name the format (format= in Python, --from on the command "
        "line; 'argmap formats' lists them)"
    )
    other = tmp_path / "notes.weird"
    other.write_text("Just some notes.\n", encoding="utf-8")
    with pytest.raises(FormatError) as info:
        am.load(other)
    assert str(info.value) == (
        f"{other}: cannot tell the format: the suffix '.weird' is not one argmap knows, and "
        "the content matches none of the formats argmap reads; name the format (format= in "
        "Python, --from on the command line; 'argmap formats' lists them)"
    )


def test_broken_json_is_reported_as_such() -> None:
    # It starts as argmap JSON does, so argmap JSON's reader says where it breaks, in
    # the words the command line uses (tests/test_cli.py), column counted from 1.
    with pytest.raises(FormatError) as info:
        am.loads('{"format": "argmap", ')
    assert str(info.value) == (
        "not valid JSON: Expecting property name enclosed in double quotes: line 1 column 22 "
        "(char 21)"
    )
    # Broken JSON that no format claims gets the same parser's error: every JSON format
    # would fail on it, so "cannot tell the format" would send the user the wrong way.
    with pytest.raises(FormatError) as info:
        am.loads('{"nodes": [')
    assert str(info.value) == (
        "not valid JSON: Expecting value: line 1 column 12 (char 11); if it is not meant to "
        "be JSON, name the format (format= in Python, --from on the command line; "
        "'argmap formats' lists them)"
    )


def test_a_failed_reading_names_the_format_it_looks_like() -> None:
    text = AIF_FILE.read_text(encoding="utf-8")
    with pytest.raises(FormatError) as info:
        am.loads(text, format="argmap")
    assert str(info.value).endswith(
        '(it looks like AIF JSON: has "nodes" (with "nodeID"s) and "edges" lists; '
        "use format='aif')"
    )


def test_no_format_is_suggested_when_that_format_would_refuse_the_text_too() -> None:
    # A duplicate key is refused by every JSON reader: naming AIF would send the user
    # round in a circle.
    text = '{"id": "a", "id": "b", "nodes": [], "edges": []}'
    with pytest.raises(FormatError) as info:
        am.loads(text, format="sadface")
    assert str(info.value) == (
        "duplicate key 'id' at the top level: JSON would keep only the last value; "
        "remove one of them"
    )


def test_load_names_the_file_in_every_error(tmp_path: Path) -> None:
    data = json.loads(small().to_json())
    data["inferences"][0]["premises"] = ["nobody"]
    path = tmp_path / "dangling.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(FormatError, match=r"dangling\.json: inferences\[0\]: .*'nobody'"):
        am.load(path)
    bad = tmp_path / "latin1.json"
    bad.write_bytes(b'{"format": "argmap", "title": "caf\xe9"}')
    with pytest.raises(FormatError, match=r"latin1\.json: not UTF-8 text: invalid .* at byte 34"):
        am.load(bad)
    with pytest.raises(FormatError, match=r"missing\.json: cannot read: No such file"):
        am.load(tmp_path / "missing.json")


def test_loads_refuses_a_path_and_load_refuses_text() -> None:
    with pytest.raises(FormatError, match=r"got a path \('m\.json'\); to read a file, use"):
        am.loads(Path("m.json"))  # type: ignore[arg-type]
    with pytest.raises(FormatError, match=r"looks like the text of a map .*argmap\.loads"):
        am.load('{"format": "argmap"}')
    with pytest.raises(FormatError, match="expected a file path"):
        am.load(3)  # type: ignore[arg-type]


def test_bytes_and_a_byte_order_mark_are_read() -> None:
    m = small()
    assert am.loads(b"\xef\xbb\xbf" + m.to_json().encode("utf-8")) == m
    assert am.loads("\ufeff" + m.to_json()) == m


# --------------------------------------------------------------------------------- writing
def test_save_picks_the_format_by_suffix(tmp_path: Path) -> None:
    m = small()
    assert m.save(tmp_path / "m.json").read_text(encoding="utf-8") == m.to_json()
    assert (tmp_path / "m.dot").exists() is False
    m.save(tmp_path / "m.dot")
    assert (tmp_path / "m.dot").read_text(encoding="utf-8") == am.dumps(m, "dot")
    assert m.save(tmp_path / "m.txt", format="aif").read_text(encoding="utf-8") == am.dumps(
        m, "aif"
    )


def test_save_refuses_pictures_and_unknown_suffixes_writing_nothing(tmp_path: Path) -> None:
    m = small()
    with pytest.raises(FormatError) as info:
        m.save(tmp_path / "m.svg")
    assert str(info.value).endswith(
        "'.svg' is a picture, not a map format; draw it with m.render(path) "
        "(argmap render on the command line)"
    )
    with pytest.raises(FormatError, match=r"cannot tell the format to write from the suffix "):
        m.save(tmp_path / "m.weird")
    with pytest.raises(FormatError, match=r"from no suffix"):
        m.save(tmp_path / "m")
    assert list(tmp_path.iterdir()) == []


def test_dump_is_atomic_and_reports_the_path(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("", encoding="utf-8")
    target = tmp_path / "file" / "m.json"  # its folder is a file
    with pytest.raises(WriteError, match=r"file/m\.json"):
        am.dump(small(), target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]


def test_every_written_format_is_deterministic() -> None:
    m = small()
    for name in registry.writable():
        assert am.dumps(m, name) == am.dumps(small(), name), name


def test_every_readable_and_writable_format_round_trips_what_it_keeps() -> None:
    m = small()
    for spec in registry.formats():
        if not (spec.reads and spec.writes):
            continue
        back = am.loads(am.dumps(m, spec.name), format=spec.name)
        assert len(back) == len(m), spec.name
        assert {i.relation for i in back.inferences} <= {i.relation for i in m.inferences}


# ----------------------------------------------------------------------------- the layout
def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return found


FORMAT_FILES = sorted(
    p for p in (ROOT / "argmap" / "formats").rglob("*.py") if not p.name.startswith("_")
)
RENDER_FILES = sorted((ROOT / "argmap" / "render").rglob("*.py"))


@pytest.mark.parametrize("path", FORMAT_FILES, ids=lambda p: p.stem)
def test_formats_import_neither_rendering_nor_each_other(path: Path) -> None:
    own = f"argmap.formats.{path.relative_to(ROOT / 'argmap' / 'formats').parts[0]}"
    own = own.removesuffix(".py")
    bad = {
        name
        for name in _imports(path)
        if name.startswith("argmap.render")
        or (
            name.startswith("argmap.formats.")
            and not name.split(".")[2].startswith("_")
            and not name.startswith(own)
        )
    }
    assert not bad, f"{path.name} imports {sorted(bad)}"


@pytest.mark.parametrize("path", RENDER_FILES, ids=lambda p: p.stem)
def test_renderers_reach_formats_only_through_the_registry(path: Path) -> None:
    bad = {name for name in _imports(path) if name.startswith("argmap.formats")}
    assert not bad, f"{path.name} imports {sorted(bad)}"


def test_the_moved_drawing_modules_still_import_with_a_warning() -> None:
    from argmap import formats
    from argmap.render import dot, mermaid

    with pytest.warns(DeprecationWarning, match=r"argmap\.formats\.dot moved to argmap\.render"):
        assert formats.dot is dot  # type: ignore[attr-defined]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        from argmap.formats import mermaid as old  # type: ignore[attr-defined]
    assert old is mermaid
    with pytest.raises(AttributeError, match="has no attribute 'nothing'"):
        _ = formats.nothing  # type: ignore[attr-defined]


# ---------------------------------------------------------------------------- the docs
DOCS_PAGE = ROOT / "docs" / "formats.md"
_OTHER_PAGES = {
    "argmap": "json-format.md",
    "af": "#iccma-argumentation-frameworks",
    "apx": "#iccma-argumentation-frameworks",
    "tgf": "#iccma-argumentation-frameworks",
    "dot": "rendering.md",
    "mermaid": "#mermaid",
    "argdown-json": "formats/argdown.md",
    "xaif": "formats/aif.md",
}


def formats_table() -> str:
    """The table of formats in docs/formats.md, made from the registry."""
    rows = [
        "| format | name | read | write | suffixes | keeps | loses |",
        "|---|---|---|---|---|---|---|",
    ]
    for f in registry.formats():
        page = _OTHER_PAGES.get(f.name, f"formats/{f.name}.md")
        suffixes = ", ".join(f"`{x}`" for x in f.suffixes)
        generic = ", ".join(f"`{x}`" for x in f.extra_suffixes + ((".json",) if f.json else ()))
        if generic and generic not in suffixes:
            suffixes = (
                f"{suffixes} (by content: {generic})" if suffixes else f"by content: {generic}"
            )
        cells = [
            f"[{f.title}]({page})",
            f"`{f.name}`",
            "yes" if f.reads else "--",
            "yes" if f.writes else "--",
            suffixes,
            f.keeps.replace("|", "\\|"),
            f.loses.replace("|", "\\|"),
        ]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows) + "\n"


def test_the_docs_table_of_formats_is_the_registry() -> None:
    text = DOCS_PAGE.read_text(encoding="utf-8")
    start, end = "<!-- formats table: made by tests/test_registry.py -->\n", "<!-- end -->"
    assert start in text and end in text
    shown = text.split(start, 1)[1].split(end, 1)[0]
    assert shown == formats_table(), (
        "docs/formats.md's table is out of date; replace it with the output of "
        "`python tests/test_registry.py`"
    )


def test_every_format_page_is_linked_and_in_the_nav() -> None:
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for page in sorted((ROOT / "docs" / "formats").glob("*.md")):
        assert f"formats/{page.name}" in nav, f"{page.name} is not in mkdocs.yml's nav"
        assert f"(formats/{page.name})" in DOCS_PAGE.read_text(encoding="utf-8"), page.name


if __name__ == "__main__":
    print(formats_table(), end="")
