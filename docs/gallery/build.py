"""Draw the pictures of docs/gallery.md with the real Graphviz ``dot`` (and Chromium).

Run from the repository root: ``.venv/bin/python docs/gallery/build.py``. Each picture is
made by one function below; the page shows each function's code next to its picture
(included from this file between the ``--8<-- [start:NAME]`` and ``[end:NAME]`` markers,
so the page shows exactly the code that ran). A function returns a map, a view or a
``graphviz.Digraph`` with its drawing options; :func:`main` draws them all as SVG, writes
the Mermaid text the page renders, and screenshots the HTML report in headless Chromium
(when Chromium and chromedriver are installed).
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import graphviz

import argmap as am

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
DATA = ROOT / "tests" / "data"
Drawing = tuple[am.ArgumentMap | graphviz.Digraph, dict[str, Any]]


def nato_map() -> am.ArgumentMap:
    """The worked example, examples/nato_ammunition.py."""
    spec = importlib.util.spec_from_file_location("nato", ROOT / "examples" / "nato_ammunition.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    m: am.ArgumentMap = module.build_map()
    return m


def nato_theme(theme: str) -> Drawing:
    # --8<-- [start:theme]
    m = nato_map()  # examples/nato_ammunition.py: 21 statements, 18 inferences
    return m, {"style": theme, "direction": "LR", "legend": True}
    # --8<-- [end:theme]


def linked_and_undercut() -> Drawing:
    # --8<-- [start:linked]
    m = am.ArgumentMap(title="Should we tax sugary drinks?")
    tax = m.claim("We should tax sugary drinks", id="tax", title="Tax sugary drinks")
    cut = m.premise("A tax makes sugary drinks dearer", id="dearer")
    fewer = m.premise("People buy less of what costs more", id="less")
    step = m.support([cut, fewer], tax, id="price-step")  # linked: only together
    m.premise("Sugar causes tooth decay and obesity", id="harm", supports=tax)  # alone
    m.counterpoint(
        "Buyers switch to cheaper brands, not to water",
        id="switch",
        undercuts=step,  # the step fails, even if both premises are true
    )
    m.counterpoint("A tax hits poorer households hardest", id="poor", attacks=tax)
    return m, {"legend": True}
    # --8<-- [end:linked]


def evaluated() -> Drawing:
    # --8<-- [start:evaluated]
    from argmap.render.status import evaluated_dot

    m = am.ArgumentMap(title="Sugar tax: which claims stand?")
    c = m.claim("Tax sugary drinks", id="c")
    m.premise("It cuts consumption", id="p", supports=c)
    k = m.counterpoint("It hurts the poor most", id="k", attacks=c)
    m.premise("Revenue funds rebates", id="r", attacks=k)
    m.counterpoint("Rebates never reach them", id="n", attacks="r")
    return evaluated_dot(m, dot_options={"direction": "BT"}), {}
    # --8<-- [end:evaluated]


def aifdb_6064() -> Drawing:
    # --8<-- [start:aif]
    m = am.load(DATA / "aif" / "6064-reconstructed.json")  # AIFdb nodeset 6064
    return m, {"direction": "LR", "wrap": 40, "legend": True}
    # --8<-- [end:aif]


def argdown_softdrugs() -> Drawing:
    # --8<-- [start:softdrugs]
    m = am.load(DATA / "argdown" / "legalisation-softdrugs.argdown")  # Argdown's example
    return m, {"labels": "title", "direction": "LR", "legend": True}
    # --8<-- [end:softdrugs]


def nato_focus() -> Drawing:
    # --8<-- [start:focus]
    m = nato_map()
    return m.focus("outpace", depth=1), {"legend": True}
    # --8<-- [end:focus]


def nato_clusters() -> Drawing:
    # --8<-- [start:clusters]
    m = nato_map()
    return m, {"style": "print", "clusters": True, "labels": "title", "legend": True}
    # --8<-- [end:clusters]


def nato_mermaid() -> str:
    # --8<-- [start:mermaid]
    m = nato_map()
    return m.focus("outpace", depth=1).to_mermaid()
    # --8<-- [end:mermaid]


PICTURES: dict[str, Callable[[], Drawing]] = {
    "nato-default": lambda: nato_theme("default"),
    "nato-colorblind": lambda: nato_theme("colorblind"),
    "nato-print": lambda: nato_theme("print"),
    "linked-undercut": linked_and_undercut,
    "evaluated": evaluated,
    "aifdb-6064": aifdb_6064,
    "argdown-softdrugs": argdown_softdrugs,
    "nato-focus-outpace": nato_focus,
    "nato-clusters-titles": nato_clusters,
}
"""Every Graphviz picture of the page, by file name (without ``.svg``)."""


def dot_of(drawing: Drawing) -> graphviz.Digraph:
    """The DOT of a drawing, as it is rendered."""
    thing, options = drawing
    if isinstance(thing, graphviz.Digraph):
        return thing
    return thing.to_dot(**options)


def report_screenshot(path: Path) -> Path | None:
    """The NATO map's HTML report, one statement clicked, as a PNG taken by headless
    Chromium; None (and nothing written) when Chromium or chromedriver is missing."""
    chromium, driver_path = shutil.which("chromium"), shutil.which("chromedriver")
    if chromium is None or driver_path is None:
        return None
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    with tempfile.TemporaryDirectory() as scratch:
        report = nato_map().to_html(Path(scratch) / "report.html")
        options = webdriver.ChromeOptions()
        options.binary_location = chromium
        for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--window-size=1500,900"):
            options.add_argument(arg)
        options.add_argument(f"--user-data-dir={scratch}/profile")
        driver = webdriver.Chrome(options=options, service=Service(executable_path=driver_path))
        try:
            driver.get(report.as_uri())
            driver.find_element(By.CSS_SELECTOR, '[data-ids="tide"]').click()
            driver.save_screenshot(str(path))
        finally:
            driver.quit()
    return path


def main() -> list[Path]:
    """Draw every picture, write the Mermaid text and the report screenshot."""
    written = []
    for name, make in PICTURES.items():
        path = HERE / f"{name}.svg"
        path.write_bytes(dot_of(make()).pipe(format="svg"))
        written.append(path)
    mermaid = HERE / "nato-focus-outpace.mmd"
    mermaid.write_text(nato_mermaid() + "\n", encoding="utf-8")
    written.append(mermaid)
    shot = report_screenshot(HERE / "report.png")
    if shot is None:
        print("chromium or chromedriver missing: report.png not redrawn", file=sys.stderr)
    else:
        written.append(shot)
    return written


if __name__ == "__main__":
    for path in main():
        print(path.relative_to(ROOT))
