"""The built docs site: strict, offline, complete, and what a reader sees in a browser.

The site is built once per session (``mkdocs build --strict``), or taken from
``$ARGMAP_DOCS_SITE`` when scripts/test has just built it. The browser tests serve it on
127.0.0.1 to headless Chromium with every other host unreachable, and save screenshots
of the home page, the tutorial, an API page and the gallery into
``$ARGMAP_DOCS_SCREENSHOTS`` (default: a temporary folder) for a person to look at.
"""

from __future__ import annotations

import functools
import http.server
import importlib.util
import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

import argmap as am

from conftest import ROOT, chromium

DOCS = ROOT / "docs"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built site: ``$ARGMAP_DOCS_SITE`` if scripts/test built it, else built now."""
    given = os.environ.get("ARGMAP_DOCS_SITE")
    if given and (Path(given) / "index.html").is_file():
        return Path(given)
    out = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        # Not -q: mkdocs counts for --strict only the warnings it logs, and -q logs none.
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr
    return out


class _Links(HTMLParser):
    """Every URL a page loads: scripts, stylesheets, preloads, fonts, images, iframes."""

    def __init__(self) -> None:
        super().__init__()
        self.loaded: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag in ("script", "img", "iframe", "source") and a.get("src"):
            self.loaded.append(str(a["src"]))
        if tag == "link" and a.get("href"):
            rel = (a.get("rel") or "").split()
            if {"stylesheet", "preload", "preconnect", "modulepreload", "icon"} & set(rel):
                self.loaded.append(str(a["href"]))


def test_site_loads_nothing_from_other_hosts(site: Path) -> None:
    """No page, stylesheet or script of the site fetches from the network: no CDN, no
    Google Fonts (the theme's fonts are off), Mermaid served from the site itself."""
    external = re.compile(r"^(https?:)?//", re.IGNORECASE)
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 30
    for page in pages:
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        bad = [url for url in parser.loaded if external.match(url)]
        assert not bad, f"{page.relative_to(site)} loads {bad}"
    for css in site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", text), css
    assert (site / "assets" / "javascripts" / "mermaid.min.js").stat().st_size > 1_000_000


def test_api_reference_documents_every_public_name(site: Path) -> None:
    """Every name in ``argmap.__all__`` is in the reference overview and links to an
    entry of the API pages that has its signature or value."""
    overview = (DOCS / "reference" / "index.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^\| \[?`([\w]+)`", overview, re.MULTILINE))
    assert listed == set(am.__all__)
    anchors: set[str] = set()
    for page in (site / "reference").rglob("index.html"):
        anchors |= set(re.findall(r'id="(argmap\.[\w.]+)"', page.read_text(encoding="utf-8")))
    targets = dict(re.findall(r"^\| \[`(\w+)`\]\[([\w.]+)\]", overview, re.MULTILINE))
    assert set(targets) == set(am.__all__) - {"__version__"}
    missing = {name: t for name, t in targets.items() if t not in anchors}
    assert not missing, f"no API entry for {missing}"
    api = (site / "reference" / "map" / "index.html").read_text(encoding="utf-8")
    assert 'id="argmap.map.ArgumentMap.claim"' in api
    assert "supports" in api and "Ref" in api  # the signature, with its types


def test_gallery_pictures_are_the_ones_its_script_draws(tmp_path: Path) -> None:
    """docs/gallery.md shows exactly the pictures docs/gallery/build.py makes, each
    exists, and each drawing function still runs (its DOT, without Graphviz)."""
    spec = importlib.util.spec_from_file_location(
        "docs_gallery_build", DOCS / "gallery" / "build.py"
    )
    assert spec is not None and spec.loader is not None
    build = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = build
    spec.loader.exec_module(build)
    page = (DOCS / "gallery.md").read_text(encoding="utf-8")
    shown = set(re.findall(r"\]\(gallery/([\w.-]+)\)", page))
    assert shown == {f"{name}.svg" for name in build.PICTURES} | {"report.png"}
    assert all((DOCS / "gallery" / name).is_file() for name in shown)
    for name, make in build.PICTURES.items():
        assert build.dot_of(make()).source.startswith("digraph"), name
    assert build.nato_mermaid().startswith("---\ntitle:")


def test_tutorial_pictures_are_the_ones_its_script_draws() -> None:
    """Every picture the tutorials show exists, and every picture there is shown."""
    shown = set()
    for page in (DOCS / "tutorial").glob("*.md"):
        shown |= set(re.findall(r"\]\(img/([\w.-]+\.png)\)", page.read_text(encoding="utf-8")))
    on_disk = {p.name for p in (DOCS / "tutorial" / "img").glob("*.png")}
    assert shown == on_disk


# --- in a browser ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def served(site: Path) -> Iterator[str]:
    """The site over HTTP on 127.0.0.1 (the search index and Mermaid need a server)."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def offline_browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """Headless Chromium that can reach 127.0.0.1 and nothing else."""
    profile = tmp_path_factory.mktemp("chromium-docs")
    offline = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"
    with chromium(profile, "--window-size=1400,1000", offline) as driver:
        yield driver


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = os.environ.get("ARGMAP_DOCS_SCREENSHOTS")
    folder = Path(given) if given else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


PAGES = {
    "home": "/",
    "tutorial": "/tutorial/first-map/",
    "api": "/reference/map/#argmap.map.ArgumentMap.claim",
    "gallery": "/gallery/",
}


@pytest.mark.parametrize("name", PAGES)
def test_page_shows_its_pictures_and_highlighted_code_offline(
    name: str, served: str, offline_browser: Any, screenshots: Path
) -> None:
    """Each page, with the network cut off: every image loads, code is highlighted by
    Pygments (coloured spans), nothing was fetched from elsewhere; a screenshot is kept."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    driver = offline_browser
    driver.get(served + PAGES[name])
    WebDriverWait(driver, 20).until(
        lambda d: d.execute_script("return document.readyState") == "complete"
    )
    images = driver.find_elements(By.CSS_SELECTOR, "article img")
    broken = [
        img.get_attribute("src")
        for img in images
        if not driver.execute_script(
            "return arguments[0].complete && arguments[0].naturalWidth > 0", img
        )
    ]
    assert not broken, f"broken images: {broken}"
    if name != "home":
        assert images or name == "api"
        spans = driver.find_elements(
            By.CSS_SELECTOR, ".highlight code span.n, .highlight code span.k"
        )
        assert spans, "no highlighted code"
        colour = spans[0].value_of_css_property("color")
        assert colour not in ("", "rgba(0, 0, 0, 0)")
    resources = driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
    )
    elsewhere = [r for r in resources if not r.startswith(served)]
    assert not elsewhere, f"fetched from elsewhere: {elsewhere}"
    if name == "gallery":
        # Material replaces the ```mermaid block (a <pre>) with a <div class="mermaid">
        # holding Mermaid's SVG in a closed shadow root, once Mermaid has drawn it.
        WebDriverWait(driver, 30).until(
            lambda d: d.execute_script(
                "const m = document.querySelector('div.mermaid');"
                "return !!m && m.getBoundingClientRect().height > 100"
                " && !document.querySelector('pre.mermaid');"
            )
        )
        mermaid = driver.find_element(By.CSS_SELECTOR, "div.mermaid")
        driver.execute_script("arguments[0].scrollIntoView()", mermaid)
        driver.save_screenshot(str(screenshots / "gallery-mermaid.png"))
        driver.execute_script("window.scrollTo(0, 0)")
    driver.save_screenshot(str(screenshots / f"{name}.png"))
    if images and name != "home":
        driver.execute_script("arguments[0].scrollIntoView()", images[0])
        driver.save_screenshot(str(screenshots / f"{name}-picture.png"))
