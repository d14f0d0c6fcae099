"""The HTML report, opened in a real headless Chromium: linked highlights, nothing runs.

The browser is Debian's ``chromium`` driven through Debian's ``chromedriver`` by
Selenium; nothing is downloaded. Without them the browser tests skip locally and fail
in CI (``CI=true``); ``scripts/test`` installs both.
"""

from __future__ import annotations

import html
import importlib.util
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import argmap as am
from argmap.render.html import report_html

from conftest import ROOT

HOSTILE = "<script>window.__pwned='source'</script>"
HOSTILE_LABEL = "<img src=x onerror=\"window.__pwned='label'\">"


def _missing(what: str) -> None:
    message = f"{what} is not installed: run `bash scripts/test`, which installs it"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def _dot() -> None:
    if shutil.which("dot") is None:
        _missing("Graphviz 'dot'")


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A headless Chromium session (Selenium WebDriver) using only the system browser."""
    chromium = shutil.which("chromium")
    driver_path = shutil.which("chromedriver")
    if chromium is None or driver_path is None:
        _missing("Debian's chromium and chromium-driver")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        _missing("selenium (the dev extra)")
    options = webdriver.ChromeOptions()
    options.binary_location = str(chromium)
    for arg in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1400,1000",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=driver_path))
    try:
        yield driver
    finally:
        driver.quit()


def nato_map() -> am.ArgumentMap:
    spec = importlib.util.spec_from_file_location(
        "nato_ammunition", ROOT / "examples" / "nato_ammunition.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    m: am.ArgumentMap = module.build_map()
    return m


@pytest.fixture(scope="module")
def nato_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    _dot()
    return nato_map().to_html(tmp_path_factory.mktemp("report") / "nato_ammunition.html")


def hostile_map() -> am.ArgumentMap:
    m = am.ArgumentMap("</title><script>window.__pwned='title'</script>")
    m.add_source(
        f'Intro {HOSTILE} and more. It is "quoted" & fine.',
        id="evil",
        title="<b onmouseover=\"window.__pwned='src-title'\">T</b>",
        author="<a href=\"javascript:window.__pwned='a'\" onclick=\"window.__pwned='b'\">A</a>",
        url="javascript:window.__pwned='url'",
    )
    c = m.claim(HOSTILE, id="c")
    m.quote(c)
    p = m.premise(HOSTILE_LABEL, id="p", supports=c, title="</text><script>x()</script>")
    m.quote(p, 'It is "quoted" & fine.', paraphrase=True)
    m.counterpoint("<iframe src=javascript:alert(1)>", id="k", attacks=c)
    return m


def active(driver: Any) -> tuple[list[str], list[str]]:
    """Statement ids of the highlighted nodes (their SVG ids less ``am:``), and data-ids
    of the highlighted spans."""
    nodes, marks = driver.execute_script(
        "return [Array.from(document.querySelectorAll('g.node.am-active'),"
        " g => g.id.replace(/^am:/, '')),"
        " Array.from(document.querySelectorAll('mark.am-active'),"
        " m => m.getAttribute('data-ids'))];"
    )
    return nodes, marks


def stroke(driver: Any, node_id: str) -> str:
    script = (
        "const g = document.querySelector('g.node[id=\"am:' + arguments[0] + '\"]');"
        "return getComputedStyle(g.querySelector('path, polygon')).stroke;"
    )
    value: str = driver.execute_script(script, node_id)
    return value


# ----------------------------------------------------------------- in a browser


def test_clicking_a_highlighted_span_highlights_its_node(browser: Any, nato_report: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.get(nato_report.as_uri())
    assert active(browser) == ([], [])
    before = stroke(browser, "tide")
    span = browser.find_element(By.CSS_SELECTOR, 'mark.am-quote[data-ids~="tide"]')
    assert (
        span.text == "a turning of the tide in a critical aspect of the ongoing conflict in Ukraine"
    )
    span.click()
    assert active(browser) == (["tide"], ["tide"])
    assert stroke(browser, "tide") == "rgb(255, 143, 0)" != before
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)
    assert active(browser) == ([], [])
    assert stroke(browser, "tide") == before


def test_clicking_a_node_highlights_its_span(browser: Any, nato_report: Path) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    browser.get(nato_report.as_uri())
    browser.find_element(By.CSS_SELECTOR, 'g.node[id="am:outpace"]').click()
    mark = browser.find_element(By.CSS_SELECTOR, 'mark.am-quote[data-ids="outpace"]')
    assert "am-active" in str(mark.get_attribute("class"))
    assert mark.text == "In the heat of an ongoing conflict, production must outpace consumption"
    in_view = browser.execute_script(
        "const r = arguments[0].getBoundingClientRect();"
        "return r.top >= 0 && r.bottom <= window.innerHeight;",
        mark,
    )
    assert in_view, "clicking a node scrolls its span into view"
    # The click pins the highlight: it stays, alone, when the pointer moves away.
    ActionChains(browser).move_to_element(browser.find_element(By.TAG_NAME, "h1")).perform()
    assert active(browser) == (["outpace"], ["outpace"])


def test_hovering_a_span_lights_its_node_until_the_pointer_leaves(
    browser: Any, nato_report: Path
) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    browser.get(nato_report.as_uri())
    span = browser.find_element(By.CSS_SELECTOR, 'mark.am-quote[data-ids~="rutte"]')
    ActionChains(browser).move_to_element(span).perform()
    assert active(browser) == (["rutte"], ["rutte"])
    ActionChains(browser).move_to_element(browser.find_element(By.TAG_NAME, "h1")).perform()
    assert active(browser) == ([], [])


def test_every_nato_statement_has_a_span_and_a_node(browser: Any, nato_report: Path) -> None:
    browser.get(nato_report.as_uri())
    ids = browser.execute_script(
        "return [Array.from(document.querySelectorAll('mark.am-quote'),"
        " m => m.getAttribute('data-ids')), Array.from(document.querySelectorAll("
        "'g.node.am-linked'), g => g.id)];"
    )
    statements = sorted(s.id for s in nato_map())
    assert sorted(ids[0]) == statements
    assert sorted(ids[1]) == [f"am:{s}" for s in statements]


def test_script_in_a_label_or_the_source_runs_nothing(browser: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    _dot()
    path = hostile_map().to_html(tmp_path / "hostile.html")
    browser.get(path.as_uri())
    assert browser.execute_script("return typeof window.__pwned") == "undefined"
    # Escaped, not defanged: no injected elements or handlers exist at all (the scripts
    # are the map's data, which never runs, and the report's own) ...
    assert browser.execute_script(
        "return Array.from(document.scripts, s => s.type || s.className)"
    ) == ["application/json", ""]
    handlers = browser.execute_script(
        "return Array.from(document.querySelectorAll('*')).flatMap(e =>"
        " Array.from(e.attributes, a => a.name)).filter(n => n.startsWith('on'));"
    )
    assert handlers == []
    assert browser.find_elements(By.CSS_SELECTOR, "iframe, img, a[href^=javascript]") == []
    # ... and the text shows literally, in the page and in the map.
    assert browser.title == "</title><script>window.__pwned='title'</script>"
    mark = browser.find_element(By.CSS_SELECTOR, 'mark.am-quote[data-ids="c"]')
    assert mark.text == HOSTILE
    svg_text = browser.execute_script("return document.querySelector('.am-map svg').textContent")
    flat = re.sub(r"\s", "", svg_text)  # labels are wrapped over several lines
    assert re.sub(r"\s", "", HOSTILE_LABEL) in flat and "<iframesrc=javascript:alert(1)>" in flat
    # The report's own script still runs (its CSP hash matches).
    mark.click()
    assert active(browser) == (["c"], ["c"])


# -------------------------------------------------------------- the HTML text


def test_report_is_standalone_and_deterministic() -> None:
    _dot()
    m = nato_map()
    page = report_html(m)
    assert page == report_html(nato_map())
    assert page.startswith("<!DOCTYPE html>") and page.count("<svg") == 1
    assert "<?xml" not in page and "<!DOCTYPE svg" not in page
    # Nothing is fetched: no external scripts, styles, images, fonts or frames.
    assert not re.search(r"<(link|iframe|img|object|embed)\b|\bsrc=|@import|url\(", page)
    # Outside the script (whose Panzoom comments name the project's pages) the only URLs
    # are the SVG namespaces; test_the_report_makes_no_network_request runs it.
    markup = re.sub(r"<script>.*?</script>", "", page, flags=re.S)
    links = re.findall(r"https?://[^\s\"'<>]+", markup)
    assert links == ["http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"]


def test_report_escapes_everything() -> None:
    _dot()
    page = report_html(hostile_map())
    assert "<script>window" not in page and "<img" not in page and "<iframe" not in page
    assert "&lt;script&gt;window.__pwned=&#x27;source&#x27;&lt;/script&gt;" in page
    assert "javascript:window" in page and 'href="javascript' not in page
    assert "<a href" not in page.replace('<a href="http', "")
    assert page.count("<script>") == 1


def test_report_without_graphviz_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(am.GraphvizNotFoundError, match="install Graphviz"):
        nato_map().to_html(tmp_path / "r.html")
    assert not (tmp_path / "r.html").exists()


def test_unmapped_argumentative_sentences_are_greyed_and_counted() -> None:
    _dot()
    m = nato_map()
    page = report_html(m)
    greyed = re.findall(r'<span class="am-gap" title="[^"]*">(.*?)</span>', page)
    cover = m.coverage()
    assert [html.unescape(x) for x in greyed] == [s.text for s in cover.unmapped]
    assert len(greyed) == 10
    assert "The map quotes 49.3% of the argumentative text (20 of 30 sentences)" in page


def test_segments_cut_at_quotes_gaps_and_line_breaks() -> None:
    from argmap.render.html import _segments

    text = "Tax sugar. It saves lives.\nRead more"
    # "b" is listed first, so it is named first wherever both quote a piece.
    spans = [(4, 25, "b"), (0, 9, "a"), (0, 9, "b")]
    gaps = [(27, 36)]
    assert [(text[a:b], ids, gap) for a, b, ids, gap in _segments(text, spans, gaps)] == [
        ("Tax ", ("a", "b"), False),
        ("sugar", ("b", "a"), False),
        (". It saves lives", ("b",), False),
        (".", (), False),
        ("\n", (), False),
        ("Read more", (), True),
    ]


@pytest.mark.parametrize("title", [True, False, 3])
def test_a_report_title_that_is_not_text_is_an_option_error(tmp_path: Path, title: object) -> None:
    m = am.ArgumentMap("Sugar")
    m.claim("Tax sugar", id="c")
    with pytest.raises(am.OptionError, match="title of an HTML report is its page heading"):
        m.render(tmp_path / "r.html", title=title)
    assert list(tmp_path.iterdir()) == []
