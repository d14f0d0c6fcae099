"""The browser side of argmap's map explorer, inlined into HTML reports and notebook output.

``panzoom.min.js`` is @panzoom/panzoom (MIT licence, ``panzoom.LICENSE.txt``) exactly as
npm serves the version pinned in ``scripts/vendor-js``, which re-fetches it and checks its
sha256; ``explore.js`` and ``explore.css`` are argmap's own. Nothing is fetched when a
page is viewed: every byte is in the page.
"""

from __future__ import annotations

import functools
import json
from importlib import resources

from argmap.errors import RenderError
from argmap.map import ArgumentMap

__all__ = ["PANZOOM_VERSION", "explorer_css", "explorer_data", "explorer_js"]

PANZOOM_VERSION = "4.6.2"


@functools.cache
def _text(name: str) -> str:
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


@functools.cache
def explorer_js() -> str:
    """Panzoom (with its licence, in a comment) followed by argmap's explorer, which
    defines ``window.argmapExplore``. Panzoom's UMD wrapper is run with ``define``,
    ``module`` and ``exports`` hidden, so a page with an AMD loader (the classic notebook's
    RequireJS) still gets ``window.Panzoom`` and no "mismatched anonymous define" error."""
    licence = _text("panzoom.LICENSE.txt").replace("*/", "* /").strip()
    script = (
        f"/*! @panzoom/panzoom {PANZOOM_VERSION}, under the MIT licence:\n{licence}\n*/\n"
        "(function (define, module, exports) {\n"
        f"{_text('panzoom.min.js').strip()}\n"
        "}).call(window);\n"
        f"{_text('explore.js')}"
    )
    # Inlined into a <script> element, which the first "</script" would end.
    if "</script" in script.lower() or "<!--" in script:
        raise RenderError("the explorer's script holds text that would end its <script> element")
    return script


def explorer_css() -> str:
    """The explorer's style sheet (toolbar, viewport, focus and search highlights)."""
    return _text("explore.css")


def explorer_data(m: ArgumentMap) -> str:
    """The statements and steps of ``m`` as JSON for the explorer's search and focus:
    ``{"statements": [[id, text], ...], "steps": [[id, premises, target], ...]}``, safe
    to put inside a ``<script type="application/json">`` element (``<``, ``>`` and ``&``
    are written as ``\\u`` escapes, so the text can never end the element)."""
    data = {
        "statements": [[s.id, s.text] for s in m.statements],
        "steps": [[inf.id, list(inf.premises), inf.target] for inf in m.inferences],
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
