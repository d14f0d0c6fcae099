"""MkDocs hook: ```mermaid fences, drawn by the pinned Mermaid served from the site itself.

It declares the ```mermaid fence of pymdownx.superfences (here rather than in mkdocs.yml,
whose ``!!python/name`` tag plain YAML readers cannot load). Material for MkDocs draws
those fences with the global ``mermaid`` object and, when none is loaded, fetches Mermaid
from a CDN. This hook adds the Mermaid that the tests pin
(tests/node/package.json, installed by scripts/_setup.sh into ``$VENV/node``) to the site
as ``assets/javascripts/mermaid.min.js``, which mkdocs.yml loads first, so the site works
offline and draws with the same Mermaid the tests parse with.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from pymdownx.superfences import fence_code_format

TARGET = "assets/javascripts/mermaid.min.js"


def mermaid_js() -> Path:
    """Where the pinned ``mermaid.min.js`` is: ``$ARGMAP_MERMAID_JS``, or the virtual
    environment's Node packages."""
    override = os.environ.get("ARGMAP_MERMAID_JS")
    if override:
        return Path(override)
    return Path(sys.prefix) / "node" / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"


def on_config(config: Any, **kwargs: Any) -> Any:
    fences = config.mdx_configs.setdefault("pymdownx.superfences", {})
    fences["custom_fences"] = [{"name": "mermaid", "class": "mermaid", "format": fence_code_format}]
    return config


def on_files(files: Files, config: Any, **kwargs: Any) -> Files:
    path = mermaid_js()
    if not path.is_file():
        raise PluginError(
            f"Mermaid not found at {path}: run `bash scripts/docs build` (it installs the "
            "Node packages of tests/node), or set ARGMAP_MERMAID_JS to a mermaid.min.js"
        )
    files.append(File.generated(config, TARGET, abs_src_path=str(path)))
    return files
