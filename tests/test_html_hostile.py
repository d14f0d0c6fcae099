"""Hostile text in the HTML report, opened in a real headless Chromium: what a reader
sees is what was written, and nothing the text says runs.

A NUL (which HTML cannot hold, so the report writes U+FFFD, what a browser shows for
it), ``<script>``, ``</script>``, ``&`` and the noncharacter U+FFFE go into the map's
title, a source, a quoted claim and a statement title; the page the browser builds is
then read back through the DOM (``document.title``, ``textContent``). In the drawing
the exceptions SECURITY.md lists apply: control characters are drawn as spaces and
U+FFFE as U+FFFD (Graphviz refuses them).

The browser is Debian's ``chromium`` driven through Debian's ``chromedriver`` by
Selenium, as in tests/test_html_report.py; without them the tests skip locally and
fail in CI.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import argmap as am

from conftest import chromium

HOSTILE = "a\x00b <script>window.__pwned=1</script> c </script> d & e \ufffe f"
"""Every string the issue names, in one text (single spaces: ``document.title``
collapses runs of whitespace, as the HTML standard says)."""
SHOWN = HOSTILE.replace("\x00", "\ufffd")
"""What the report shows for it: the NUL as U+FFFD, the rest as written."""
DRAWN = HOSTILE.replace("\x00", " ").replace("\ufffe", "\ufffd")
"""What the drawing shows for it (SECURITY.md: what Graphviz cannot draw)."""


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A headless Chromium session using only the system's browser and driver."""
    with chromium(tmp_path_factory.mktemp("chromium-profile")) as driver:
        yield driver


def hostile_report(folder: Path) -> Path:
    m = am.ArgumentMap(HOSTILE, description=HOSTILE)
    m.add_source(f"Intro. {HOSTILE}. More.", id="src", title=HOSTILE, author=HOSTILE)
    c = m.claim(HOSTILE, id="c", title=HOSTILE)
    m.quote(c)
    m.premise("Plain", id="p", supports=c)
    return m.to_html(folder / "hostile.html")


def _js(browser: Any, script: str) -> Any:
    return browser.execute_script(script)


@pytest.mark.usefixtures("dot_binary")
def test_hostile_text_is_shown_as_written_and_runs_nothing(browser: Any, tmp_path: Path) -> None:
    page = hostile_report(tmp_path)
    assert "\x00" not in page.read_text(encoding="utf-8")
    browser.get(page.as_uri())
    # nothing ran, and the only scripts are the report's own: its data (JSON, not run)
    # and the explorer
    assert _js(browser, "return typeof window.__pwned") == "undefined"
    kinds = "return Array.from(document.scripts, s => s.type + '|' + s.className)"
    assert _js(browser, kinds) == ["application/json|am-data", "|"]
    # the text, as the browser holds it: exactly what was written (the NUL as U+FFFD)
    assert browser.title == SHOWN
    assert _js(browser, "return document.querySelector('h1').textContent") == SHOWN
    mark = "return document.querySelector('mark.am-quote[data-ids=\"c\"]').textContent"
    assert _js(browser, mark) == SHOWN
    source = _js(browser, "return document.querySelector('article.am-source').textContent")
    assert f"Intro. {SHOWN}. More." in source
    # the drawing: the claim's title and text, wrapped over lines, as SECURITY.md says
    svg = _js(browser, "return document.querySelector('.am-map svg').textContent")
    assert re.sub(r"\s", "", DRAWN) * 2 in re.sub(r"\s", "", svg)
    assert "\x00" not in svg and "\ufffe" not in svg
