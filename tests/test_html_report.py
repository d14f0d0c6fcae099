"""The HTML report, opened in a real headless Chromium: linked highlights, nothing runs.

The browser is Debian's ``chromium`` driven through Debian's ``chromedriver`` by
Selenium; nothing is downloaded. Without them the browser tests skip locally and fail
in CI (``CI=true``); ``scripts/test`` installs both.
"""

from __future__ import annotations

import html
import importlib.util
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import argmap as am
from argmap.render.html import report_html

from conftest import ROOT, chromium, missing

HOSTILE = "<script>window.__pwned='source'</script>"
HOSTILE_LABEL = "<img src=x onerror=\"window.__pwned='label'\">"


def _dot() -> None:
    if shutil.which("dot") is None:
        missing("Graphviz 'dot'")


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A headless Chromium session (Selenium WebDriver) using only the system browser."""
    profile = tmp_path_factory.mktemp("chromium-profile")
    with chromium(profile, "--window-size=1400,1000", browser_log=True) as driver:
        yield driver


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


def view(driver: Any) -> dict[str, float]:
    """The map's view once Panzoom has painted it: scale and translation from the SVG's
    CSS transform, and the SVG's box relative to the viewport (CSS px)."""
    script = (
        "const done = arguments[arguments.length - 1];"
        "requestAnimationFrame(() => requestAnimationFrame(() => {"
        " const svg = document.querySelector('.am-viewport svg');"
        " const m = new DOMMatrix(getComputedStyle(svg).transform);"
        " const r = svg.getBoundingClientRect();"
        " const v = document.querySelector('.am-viewport');"
        " const b = v.getBoundingClientRect();"
        " done({scale: m.a, tx: m.e, ty: m.f, left: r.left - b.left - v.clientLeft,"
        "  top: r.top - b.top - v.clientTop, width: r.width, height: r.height,"
        "  vw: v.clientWidth, vh: v.clientHeight});"
        "}));"
    )
    value: dict[str, float] = driver.execute_async_script(script)
    return value


def reasons_and_consequences(m: am.ArgumentMap, start: str) -> tuple[set[str], set[str]]:
    """The statements below ``start`` (its reasons and objections, and theirs, and those
    of every step they take part in) and above it (what it bears on, transitively)."""
    down: dict[str, list[str]] = {}
    up: dict[str, list[str]] = {}
    for inf in m.inferences:
        for p in inf.premises:
            up.setdefault(p, []).append(inf.id)
            down.setdefault(inf.id, []).append(p)
        up.setdefault(inf.id, []).append(inf.target)
        down.setdefault(inf.target, []).append(inf.id)

    def reach(graph: dict[str, list[str]]) -> set[str]:
        seen, stack = {start}, [start]
        while stack:
            for n in graph.get(stack.pop(), []):
                if n not in seen:
                    seen.add(n)
                    stack.append(n)
        return {s.id for s in m.statements if s.id in seen and s.id != start}

    return reach(down), reach(up)


def classed(driver: Any, name: str) -> list[str]:
    ids: list[str] = driver.execute_script(
        "return Array.from(document.querySelectorAll('.am-viewport g.node.' + arguments[0]),"
        " g => g.id.replace(/^am:/, '')).sort();",
        name,
    )
    return ids


def test_a_large_map_opens_fitted_to_the_width(browser: Any, nato_report: Path) -> None:
    browser.get(nato_report.as_uri())
    v = view(browser)
    assert v["scale"] < 1  # the NATO map is wider than the column: it is scaled down ...
    assert abs(v["left"]) < 1 and abs(v["width"] - v["vw"]) < 1  # ... to fill its width
    assert abs(v["top"]) < 1  # from the top
    assert browser.get_log("browser") == []


def test_wheel_zooms_and_dragging_pans_the_map(browser: Any, nato_report: Path) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.actions.wheel_input import ScrollOrigin
    from selenium.webdriver.common.by import By

    browser.get(nato_report.as_uri())
    viewport = browser.find_element(By.CSS_SELECTOR, ".am-viewport")
    before = view(browser)
    ActionChains(browser).scroll_from_origin(ScrollOrigin.from_element(viewport), 0, -300).perform()
    zoomed = view(browser)
    assert zoomed["scale"] > before["scale"] * 1.05  # wheel up zooms in ...
    # ... about the pointer (the viewport's centre): the point under it stays put.
    cx, cy = before["vw"] / 2, before["vh"] / 2
    for axis, c, size in (("left", cx, "width"), ("top", cy, "height")):
        fraction_before = (c - before[axis]) / before[size]
        fraction_after = (c - zoomed[axis]) / zoomed[size]
        assert abs(fraction_before - fraction_after) < 0.01
    ActionChains(browser).move_to_element(viewport).click_and_hold().move_by_offset(
        -120, -80
    ).release().perform()
    panned = view(browser)
    assert panned["scale"] == zoomed["scale"]
    assert abs(panned["left"] - zoomed["left"] + 120) < 2
    assert abs(panned["top"] - zoomed["top"] + 80) < 2


def test_a_pinch_zooms_the_map(browser: Any, nato_report: Path) -> None:
    """Two touch points moving apart (real touch input through the DevTools protocol,
    which the browser turns into pointer events) zoom in."""
    browser.get(nato_report.as_uri())
    before = view(browser)
    cx, cy = browser.execute_script(
        "const b = document.querySelector('.am-viewport').getBoundingClientRect();"
        "return [b.left + b.width / 2, b.top + b.height / 2];"
    )

    def touch(kind: str, half: float) -> None:
        points = [{"x": cx - half, "y": cy, "id": 0}, {"x": cx + half, "y": cy, "id": 1}]
        browser.execute_cdp_cmd(
            "Input.dispatchTouchEvent",
            {"type": kind, "touchPoints": [] if kind == "touchEnd" else points},
        )

    touch("touchStart", 40)
    for half in range(50, 160, 10):
        touch("touchMove", half)
    touch("touchEnd", 0)
    assert view(browser)["scale"] > before["scale"] * 1.5


def test_fit_shows_the_whole_map_and_keys_zoom_and_pan(browser: Any, nato_report: Path) -> None:
    from selenium.webdriver.common.by import By

    browser.get(nato_report.as_uri())
    viewport = browser.find_element(By.CSS_SELECTOR, ".am-viewport")
    opened = view(browser)
    browser.find_element(By.CSS_SELECTOR, ".am-toolbar .am-zoom-in").click()
    assert view(browser)["scale"] > opened["scale"]
    browser.find_element(By.CSS_SELECTOR, ".am-toolbar .am-fit").click()
    v = view(browser)
    # The whole drawing is inside the viewport, centred, and fills one of its sides.
    assert v["left"] >= -1 and v["top"] >= -1
    assert v["left"] + v["width"] <= v["vw"] + 1 and v["top"] + v["height"] <= v["vh"] + 1
    assert max(v["width"] / v["vw"], v["height"] / v["vh"]) > 0.95
    assert abs(v["left"] * 2 + v["width"] - v["vw"]) < 2
    viewport.click()  # keys act on the map once it has the focus (and anywhere in the page)
    viewport.send_keys("+")
    assert view(browser)["scale"] == pytest.approx(v["scale"] * 1.25, rel=0.01)
    before = view(browser)
    viewport.send_keys("\ue012")  # Keys.LEFT: the map moves right
    assert view(browser)["left"] == pytest.approx(before["left"] + 60, abs=1)
    viewport.send_keys("0")
    assert view(browser)["scale"] == pytest.approx(v["scale"], rel=0.001)
    viewport.send_keys("w")
    assert view(browser)["width"] == pytest.approx(opened["width"], abs=1)


def test_clicking_a_node_highlights_its_reasons_and_what_it_bears_on(
    browser: Any, nato_report: Path
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    m = nato_map()
    browser.get(nato_report.as_uri())
    browser.find_element(By.CSS_SELECTOR, 'g.node[id="am:outpace"]').click()
    reasons, consequences = reasons_and_consequences(m, "outpace")
    assert consequences and reasons == set()  # an objection to a step: it bears on the claim
    assert classed(browser, "am-focus") == ["outpace"]
    assert classed(browser, "am-reason") == sorted(reasons)
    assert classed(browser, "am-consequence") == sorted(consequences)
    # A claim with reasons below it (one with a reason of its own) and a claim above.
    browser.find_element(By.CSS_SELECTOR, 'g.node[id="am:edge"]').click()
    reasons, consequences = reasons_and_consequences(m, "edge")
    assert len(reasons) == 3 and consequences == {"tide"}
    assert classed(browser, "am-focus") == ["edge"]
    assert classed(browser, "am-reason") == sorted(reasons)
    assert classed(browser, "am-consequence") == ["tide"]
    # The rest is faded, the highlighted statements are not.
    opacity = "return getComputedStyle(document.getElementById(arguments[0])).opacity"
    others = {s.id for s in m.statements} - reasons - consequences - {"edge"}
    assert len(others) == 16
    assert {browser.execute_script(opacity, f"am:{x}") for x in others} == {"0.22"}
    assert {browser.execute_script(opacity, f"am:{x}") for x in reasons | {"tide"}} == {"1"}
    # The arrows of the steps between them are highlighted too, and only those.
    paths = browser.execute_script(
        "return Array.from(document.querySelectorAll('.am-viewport .am-path'), e => e.id)"
    )
    steps = [inf for inf in m.inferences if inf.target == "edge" or "edge" in inf.premises]
    assert steps and all(f"am:{inf.id}:{inf.target}" in paths for inf in steps)
    assert {browser.execute_script(opacity, p) for p in paths} == {"1"}
    assert all(
        any(p.startswith(f"am:{inf.id}") or p.endswith(f":{inf.id}") for inf in steps)
        for p in paths
    )
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)
    assert classed(browser, "am-focus") == classed(browser, "am-reason") == []


def test_collapse_hides_what_is_far_from_the_selected_statement(
    browser: Any, nato_report: Path
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    m = nato_map()
    browser.get(nato_report.as_uri())
    browser.find_element(By.CSS_SELECTOR, 'g.node[id="am:tide"]').click()
    Select(browser.find_element(By.CSS_SELECTOR, ".am-far-select")).select_by_value("1")
    near = {s.id for s in m.focus("tide", depth=1)}
    hidden = set(classed(browser, "am-far"))
    assert hidden and hidden == {s.id for s in m.statements} - near
    assert (
        browser.execute_script(
            "return getComputedStyle(document.getElementById('am:' + arguments[0])).visibility",
            sorted(hidden)[0],
        )
        == "hidden"
    )
    status = browser.find_element(By.CSS_SELECTOR, ".am-status").text
    assert status.endswith(f"; {len(hidden)} statements more than 1 step away hidden")
    # Fit now frames what is left, so it is larger than the whole map fitted.
    Select(browser.find_element(By.CSS_SELECTOR, ".am-far-select")).select_by_value("")
    assert classed(browser, "am-far") == []


def test_search_finds_a_statement_and_brings_it_into_view(browser: Any, nato_report: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.get(nato_report.as_uri())
    box = browser.find_element(By.CSS_SELECTOR, ".am-search")
    box.send_keys("OUTPACE")  # any case
    assert classed(browser, "am-match") == ["outpace"]
    assert browser.find_element(By.CSS_SELECTOR, ".am-found").text == "1 of 1"
    assert classed(browser, "am-focus") == ["outpace"]
    view(browser)  # once painted, the statement is in the middle of the map
    centred = browser.execute_script(
        "const v = document.querySelector('.am-viewport').getBoundingClientRect();"
        "const r = document.getElementById('am:outpace').getBoundingClientRect();"
        "return [r.left + r.width / 2 - (v.left + v.width / 2),"
        " r.top + r.height / 2 - (v.top + v.height / 2)];"
    )
    assert abs(centred[0]) < 3 and abs(centred[1]) < 3
    box.clear()
    box.send_keys("russia")
    matches = classed(browser, "am-match")
    expected = sorted(s.id for s in nato_map().statements if "russia" in s.text.lower())
    assert matches == expected and len(matches) > 2
    first = classed(browser, "am-focus")
    box.send_keys(Keys.ENTER)  # the next match
    assert browser.find_element(By.CSS_SELECTOR, ".am-found").text == f"2 of {len(matches)}"
    assert classed(browser, "am-focus") != first
    box.send_keys(Keys.ESCAPE)
    assert classed(browser, "am-match") == classed(browser, "am-focus") == []


def test_the_report_makes_no_network_request(browser: Any, nato_report: Path) -> None:
    """The CSP allows no fetch at all; the page loads nothing but itself, and the browser
    logs no error (a blocked request or a refused script would be logged)."""
    from selenium.webdriver.common.by import By

    browser.get_log("browser")  # drop what earlier tests logged
    browser.get(nato_report.as_uri())
    browser.find_element(By.CSS_SELECTOR, 'g.node[id="am:tide"]').click()
    browser.find_element(By.CSS_SELECTOR, ".am-search").send_keys("tide")
    csp = browser.execute_script(
        "return document.querySelector('meta[http-equiv=Content-Security-Policy]').content"
    )
    assert csp.startswith("default-src 'none';") and "connect-src" not in csp
    assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0
    assert browser.get_log("browser") == []


def notebook_page(tmp_path: Path, scripts: bool) -> Path:
    """The NATO map's notebook HTML in a page 700 px wide, as a notebook cell holds it;
    without its scripts when ``scripts`` is false (as an untrusted notebook or GitHub
    shows it)."""
    from argmap.render.jupyter import HTML_MIMETYPE

    _dot()
    fragment = nato_map()._repr_mimebundle_()[HTML_MIMETYPE]
    if not scripts:
        fragment = re.sub(r"<script\b.*?</script>", "", fragment, flags=re.S)
    path = tmp_path / f"cell-{scripts}.html"
    path.write_text(
        '<!DOCTYPE html><html><head><meta charset="utf-8"></head>'
        f'<body><div style="width:700px">{fragment}</div></body></html>',
        encoding="utf-8",
    )
    return path


def test_notebook_output_is_explorable(browser: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.actions.wheel_input import ScrollOrigin
    from selenium.webdriver.common.by import By

    browser.get(notebook_page(tmp_path, scripts=True).as_uri())
    assert browser.find_elements(By.CSS_SELECTOR, ".am-nb .am-toolbar .am-fit")
    assert browser.find_elements(By.CSS_SELECTOR, ".am-nb .am-search") == []  # report only
    v = view(browser)
    assert v["vw"] < 700 and abs(v["width"] - v["vw"]) < 1  # fitted to the cell's width
    viewport = browser.find_element(By.CSS_SELECTOR, ".am-viewport")
    ActionChains(browser).scroll_from_origin(ScrollOrigin.from_element(viewport), 0, -300).perform()
    assert view(browser)["scale"] > v["scale"] * 1.05
    # the whole map in view (fitted to the width, the near-square NATO map is taller
    # than the cell's viewport), then a click focuses a node
    browser.find_element(By.CSS_SELECTOR, ".am-toolbar .am-fit").click()
    browser.find_element(By.CSS_SELECTOR, 'g.node[id="am:edge"]').click()
    assert classed(browser, "am-consequence") == ["tide"]
    assert browser.get_log("browser") == []


def test_notebook_output_without_scripts_is_a_drawing_as_wide_as_the_cell(
    browser: Any, tmp_path: Path
) -> None:
    browser.get(notebook_page(tmp_path, scripts=False).as_uri())
    width, height, natural_w, natural_h = browser.execute_script(
        "const svg = document.querySelector('.am-nb svg');"
        "const r = svg.getBoundingClientRect();"
        "return [r.width, r.height, svg.width.baseVal.value, svg.height.baseVal.value];"
    )
    assert width == pytest.approx(700, abs=1) and natural_w > 700  # scaled to the cell ...
    assert height / width == pytest.approx(natural_h / natural_w, rel=0.01)  # ... in proportion


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


def test_vendored_panzoom_is_the_pinned_release_and_ships_in_the_package() -> None:
    """The files the pages inline are those scripts/vendor-js fetched and pinned, read as
    package data (as an installed wheel holds them)."""
    import hashlib
    from importlib import resources

    from argmap.render._static import PANZOOM_VERSION, explorer_js

    script = (ROOT / "scripts" / "vendor-js").read_text()
    pins = dict(re.findall(r'^(MIN_JS_SHA256|LICENSE_SHA256|VERSION)="([^"]+)"$', script, re.M))
    static = resources.files("argmap.render._static")
    for name, pin in (
        ("panzoom.min.js", "MIN_JS_SHA256"),
        ("panzoom.LICENSE.txt", "LICENSE_SHA256"),
    ):
        assert hashlib.sha256(static.joinpath(name).read_bytes()).hexdigest() == pins[pin]
    assert pins["VERSION"] == PANZOOM_VERSION
    js = explorer_js()
    assert js.startswith(f"/*! @panzoom/panzoom {PANZOOM_VERSION}, under the MIT licence:\n")
    assert "Permission is hereby granted, free of charge" in js  # the licence travels along
