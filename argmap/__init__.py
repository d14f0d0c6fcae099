"""argmap: map how an article's reasoning hangs together.

Build a map of claims, premises and counterpoints, check it, and draw it::

    import argmap as am
    m = am.ArgumentMap(title="NATO has reversed Russia's edge in ammunition production")
    c = m.claim("NATO now out-produces Russia in ammunition", id="main")
    p = m.premise("Defence production capacity expanded across NATO countries", supports=c)
    k = m.counterpoint("Production does not mean immediate change on the battlefield", attacks=c)
    m.to_json()            # lossless argmap JSON
    m.to_dot()             # graphviz.Digraph
    m.render("nato.svg")   # needs the Graphviz binary
    m.save("nato.aif.json")   # any format by suffix; am.load(path) reads any of them
    m.graph                # the networkx.DiGraph
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from argmap._magic import load_ipython_extension as load_ipython_extension
from argmap.errors import (
    ArgmapError,
    ArgumentTypeError,
    DuplicateIdError,
    FormatError,
    FormatLossWarning,
    GraphvizNotFoundError,
    InvalidRelationError,
    NodeNotFoundError,
    OptionError,
    RenderError,
    SelfLoopError,
    WriteError,
)

if TYPE_CHECKING:  # the same names, for type checkers and editors; loaded lazily below
    from argmap.analysis.coverage import Coverage, SentenceCoverage, coverage
    from argmap.analysis.framework import ArgumentationFramework
    from argmap.analysis.lint import LintIssue, lint
    from argmap.analysis.semantics import (
        accepted,
        extensions,
        grounded,
        iter_extensions,
        some_extension,
    )
    from argmap.analysis.whatif import evaluate, what_if
    from argmap.elements import InferencesView, SourcesView, StatementsView
    from argmap.formats import argdown
    from argmap.formats.argdown import ArgdownSyntaxError
    from argmap.formats.json import FORMAT_VERSION, MapDocument, json_schema
    from argmap.map import ArgumentMap, Ref
    from argmap.model import Inference, Quote, Relation, Source, Statement, StatementKind, slugify
    from argmap.registry import FormatSpec, dump, dumps, load, loads
    from argmap.render.dot import to_dot
    from argmap.render.html import to_html
    from argmap.render.jupyter import Diagram, draw
    from argmap.render.options import DrawOptions
    from argmap.render.style import THEMES, EdgeStyle, NodeStyle, Style, theme
    from argmap.sources import (
        AmbiguousQuoteError,
        QuoteError,
        QuoteMismatchError,
        QuoteNormalizedWarning,
        QuoteNotFoundError,
        find_span,
        normalize,
    )
    from argmap.views import MapView, overview

__version__ = "0.1.0"

# Where each public name lives. ``import argmap`` loads none of these modules (nor
# networkx, pydantic, graphviz, click, rich or lark): a name's module is imported when the
# name is first used, then the name is cached in this module's globals.
_LAZY: dict[str, tuple[str, ...]] = {
    "argmap.analysis.coverage": ("Coverage", "SentenceCoverage", "coverage"),
    "argmap.analysis.framework": ("ArgumentationFramework",),
    "argmap.analysis.lint": ("LintIssue", "lint"),
    "argmap.analysis.semantics": (
        "accepted",
        "extensions",
        "grounded",
        "iter_extensions",
        "some_extension",
    ),
    "argmap.analysis.whatif": ("evaluate", "what_if"),
    "argmap.elements": ("InferencesView", "SourcesView", "StatementsView"),
    "argmap.formats.argdown": ("ArgdownSyntaxError",),
    "argmap.formats.json": ("FORMAT_VERSION", "MapDocument", "json_schema"),
    "argmap.map": ("ArgumentMap", "Ref"),
    "argmap.model": (
        "Inference",
        "Quote",
        "Relation",
        "Source",
        "Statement",
        "StatementKind",
        "slugify",
    ),
    "argmap.registry": ("FormatSpec", "dump", "dumps", "load", "loads"),
    "argmap.render.dot": ("to_dot",),
    "argmap.render.html": ("to_html",),
    "argmap.render.jupyter": ("Diagram", "draw"),
    "argmap.render.options": ("DrawOptions",),
    "argmap.render.style": ("THEMES", "EdgeStyle", "NodeStyle", "Style", "theme"),
    "argmap.sources": (
        "AmbiguousQuoteError",
        "QuoteError",
        "QuoteMismatchError",
        "QuoteNormalizedWarning",
        "QuoteNotFoundError",
        "find_span",
        "normalize",
    ),
    "argmap.views": ("MapView", "overview"),
}
_MODULE_OF = {name: module for module, names in _LAZY.items() for name in names}
_MODULE_OF["argdown"] = "argmap.formats.argdown"  # the module itself


def __getattr__(name: str) -> Any:
    """A public name, imported from its module when first used (see ``_LAZY``)."""
    module_name = _MODULE_OF.get(name)
    if module_name is None:
        raise AttributeError(f"module 'argmap' has no attribute {name!r}")
    module = importlib.import_module(module_name)
    value = module if name == "argdown" else getattr(module, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_MODULE_OF})


__all__ = [
    "FORMAT_VERSION",
    "THEMES",
    "AmbiguousQuoteError",
    "ArgdownSyntaxError",
    "ArgmapError",
    "ArgumentMap",
    "ArgumentTypeError",
    "ArgumentationFramework",
    "Coverage",
    "Diagram",
    "DrawOptions",
    "DuplicateIdError",
    "EdgeStyle",
    "FormatError",
    "FormatLossWarning",
    "FormatSpec",
    "GraphvizNotFoundError",
    "Inference",
    "InferencesView",
    "InvalidRelationError",
    "LintIssue",
    "MapDocument",
    "MapView",
    "NodeNotFoundError",
    "NodeStyle",
    "OptionError",
    "Quote",
    "QuoteError",
    "QuoteMismatchError",
    "QuoteNormalizedWarning",
    "QuoteNotFoundError",
    "Ref",
    "Relation",
    "RenderError",
    "SelfLoopError",
    "SentenceCoverage",
    "Source",
    "SourcesView",
    "Statement",
    "StatementKind",
    "StatementsView",
    "Style",
    "WriteError",
    "__version__",
    "accepted",
    "argdown",
    "coverage",
    "draw",
    "dump",
    "dumps",
    "evaluate",
    "extensions",
    "find_span",
    "grounded",
    "iter_extensions",
    "json_schema",
    "lint",
    "load",
    "loads",
    "normalize",
    "overview",
    "slugify",
    "some_extension",
    "theme",
    "to_dot",
    "to_html",
    "what_if",
]
