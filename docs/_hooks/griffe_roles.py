"""Griffe extension: read argmap's reST-flavoured docstrings as Markdown.

argmap's docstrings are numpy style with a little reST: Sphinx roles
(``:class:`Statement```), ``text::`` before a literal block, and doctests outside an
``Examples`` section. Markdown would print the roles as-is and read ``[x][y]`` in a
doctest as a link; this extension turns each role into inline code, ``::`` into ``:``,
and wraps each doctest outside an ``Examples`` section (griffe parses those itself) in a
``pycon`` code block. It changes only what the API reference shows, never the code.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

ROLE = re.compile(r":(?:py:)?(?:class|meth|func|mod|attr|exc|data|obj|const):`~?([^`]+)`")
LITERAL = re.compile(r"::$", re.MULTILINE)
UNDERLINE = re.compile(r"^\s*-{3,}\s*$")


def fence_doctests(text: str) -> str:
    """Wrap each run of doctest lines (``>>>`` up to the next blank line) outside an
    ``Examples`` section in a ``pycon`` fence at the same indentation.

    >>> print(fence_doctests("Intro.\\n\\n>>> 1 + 1\\n2"))
    Intro.
    <BLANKLINE>
    ```pycon
    >>> 1 + 1
    2
    ```
    """
    lines = text.split("\n")
    out: list[str] = []
    in_examples = False
    i = 0
    while i < len(lines):
        line = lines[i]
        if i + 1 < len(lines) and line.strip() and UNDERLINE.match(lines[i + 1]):
            in_examples = line.strip() == "Examples"
        if not in_examples and line.lstrip().startswith(">>>"):
            indent = line[: len(line) - len(line.lstrip())]
            block = []
            while i < len(lines) and lines[i].strip():
                block.append(lines[i])
                i += 1
            out += [f"{indent}```pycon", *block, f"{indent}```"]
            continue
        out.append(line)
        i += 1
    return "\n".join(out)


class SphinxRolesToCode(griffe.Extension):
    """Rewrite every docstring as the module docstring says."""

    def on_object(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            text = ROLE.sub(r"`\1`", obj.docstring.value)
            obj.docstring.value = fence_doctests(LITERAL.sub(":", text))
