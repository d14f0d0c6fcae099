"""Argdown text -> :class:`~._ast.Document`: a line lexer, a lark LALR grammar, and an
inline reader for what one element's lines hold.

Why lark: it is pure Python (no compiler, no native wheel), its LALR(1) parser runs in
time linear in the input and gives every token its line and column, and it takes a
custom lexer, which is what Argdown needs: whether a line is a relation, a list item, a
premise or an inference line, and how deep it is indented, depends on where the line
starts, so :class:`_Lexer` reads the text line by line (the way an indentation postlexer
works, with INDENT/DEDENT tokens) and hands lark a stream of line tokens. The grammar
(:data:`GRAMMAR`) then gives the block structure: elements with their nested relations,
premise-conclusion structures, lists and headings. What is inside one element's lines
(title, text, ``#tags``, ``{data}``) is read by :func:`_element`.

The text is split into top-level blocks at empty lines (as Argdown does; a block never
spans one) and each block is parsed on its own, so a file with several bad blocks
reports each of them (:class:`~._errors.ArgdownSyntaxError` collects them all).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lark import Lark, Token, Tree
from lark.exceptions import UnexpectedInput, UnexpectedToken
from lark.lexer import Lexer
from pydantic import JsonValue

from argmap._bulk import gc_paused
from argmap.formats.argdown._ast import (
    Block,
    Document,
    Element,
    Heading,
    InferenceLine,
    ListBlock,
    Pcs,
    PcsStatement,
    RelationLine,
)
from argmap.formats.argdown._errors import ArgdownSyntaxError, Problem
from argmap.formats.argdown._yaml import YamlError, parse_block, parse_flow

__all__ = ["GRAMMAR", "parse"]

GRAMMAR = r"""
start: heading | element | pcs | item_list

heading: HEADING TEXT+
element: TEXT+ relations?
relations: _INDENT relation+ _DEDENT
relation: REL element

pcs: pcs_statement pcs_tail+
pcs_tail: pcs_statement* inference pcs_statement
pcs_statement: NUM element
inference: INFERENCE relations?

item_list: _INDENT list_item+ _DEDENT
list_item: LIST element

%declare HEADING TEXT REL NUM INFERENCE LIST _INDENT _DEDENT
"""

_FRONTMATTER = re.compile(r"===+[\s\S]*?===+")
# Spans the line structure must not look into: comments (dropped), links and escapes
# (whose brackets and slashes are text) and data blocks (which may span lines).
_SPECIAL = re.compile(
    r"(?=[</\[\\{])"  # a quick test first: only these characters can start a span
    r"(?:(?P<comment><!--[\s\S]*?-->|/\*[\s\S]*?\*/|//[^\n]*)"
    r"|(?P<link>\[[^\]\n]+?\]\([^)\n]+?\))"
    r"|(?P<escape>\\.)"
    r"|(?P<data>\{))"
)
_RELATION = re.compile(r"\+>|->|<\+|\+|<-|-|><|_>|<_|_(?=\s|$)")
_NUMBER = re.compile(r"\((\d+)\)")
_ORDERED = re.compile(r"\d+\.(?=\s|$)")
_UNORDERED = re.compile(r"\*(?=\s|$)")
_HEADING = re.compile(r"(#+) ")
_INFERENCE_END = re.compile(r"-{2,}")
_NEWLINE = re.compile(r"\n")

MAX_DEPTH = 100
"""How deep relations may be nested (indentation levels in one block): deeper blocks are
an error, so that reading stays within Python's recursion limit."""


@dataclass
class _Line:
    start: int  # offset of the first character
    text: str  # comments blanked out; may hold newlines inside a data block


class _Source:
    """The text with comments blanked out, cut into logical lines, and a way to turn
    offsets into lines and columns."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.newlines = [found.start() for found in _NEWLINE.finditer(text)]
        self.problems: list[Problem] = []
        self.frontmatter: JsonValue = None
        self.lines: list[_Line | None] = []  # None: an empty line
        self._cut()

    def where(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_left(self.newlines, offset)
        line_start = self.newlines[index - 1] + 1 if index else 0
        return index + 1, offset - line_start + 1

    def problem(self, offset: int, message: str, expected: str = "") -> None:
        line, column = self.where(offset)
        self.problems.append(Problem(line, column, message, expected))

    def _cut(self) -> None:
        start = self._frontmatter()
        masked, in_comment, joined = self._mask(start)
        line_start = start
        if start:  # the line the front matter ends on
            nl = masked.find("\n", start)
            rest = masked[start : nl if nl >= 0 else len(masked)]
            if rest.strip():
                self.problem(start, "expected a new line after the front matter")
            line_start = nl + 1 if nl >= 0 else len(masked)
        cut = [n for n in self.newlines if n >= line_start and n not in joined]
        for end in [*cut, len(masked)]:
            if end < line_start:
                continue
            content = masked[line_start:end]
            if content.strip():
                self.lines.append(_Line(line_start, content))
            elif not any(in_comment[line_start : end + 1]) and not (
                end == len(masked) and not content
            ):
                self.lines.append(None)
            line_start = end + 1

    def _frontmatter(self) -> int:
        """Read the front matter, if the text starts with one; returns where it ends."""
        text = self.text
        start = len(text) - len(text.lstrip(" \t\n"))
        if not text.startswith("===", start):
            return 0
        found = _FRONTMATTER.match(text, start)
        if found is None:
            self.problem(start, "the front matter is never closed with '==='")
            return len(text)
        body = found.group(0).strip("=")
        body_start = start + len(found.group(0)) - len(found.group(0).lstrip("="))
        try:
            self.frontmatter = parse_block(body, body_start)
        except YamlError as err:
            self.problem(err.offset, f"front matter: {err.message}")
        return found.end()

    def _mask(self, start: int) -> tuple[str, bytearray, set[int]]:
        """The text with comments blanked out, where the comments were, and the
        newlines inside data blocks (which do not end a line)."""
        text = self.text
        chars = list(text)
        in_comment = bytearray(len(text) + 1)
        joined: set[int] = set()
        pos = start
        while True:
            found = _SPECIAL.search(text, pos)
            if found is None:
                break
            pos = found.end()
            if found.lastgroup == "comment":
                for i in range(found.start(), found.end()):
                    in_comment[i] = 1
                    if chars[i] != "\n":
                        chars[i] = " "
            elif found.lastgroup == "data":
                end = _data_end(text, found.start())
                if end is not None:  # else a lone '{' is text
                    joined.update(i for i in range(found.start(), end) if text[i] == "\n")
                    pos = end
        return "".join(chars), in_comment, joined


def _data_end(text: str, start: int) -> int | None:
    """Where the data block opening at ``start`` ends (just past its ``}``), or None."""
    depth, quote, escaped = 0, "", False
    for i in range(start, len(text)):
        char = text[i]
        if escaped:  # the character after a backslash in a double-quoted string
            escaped = False
        elif quote:
            if char == quote:
                quote = ""
            elif char == "\\" and quote == '"':
                escaped = True
            elif char == "\n" and text[i + 1 : i + 2] == "\n":
                return None
        elif char in "'\"":
            quote = char
        elif char in "{[":
            depth += 1
        elif char in "}]":
            depth -= 1
            if depth == 0:
                return i + 1 if char == "}" else None
        elif char == "\n" and text[i + 1 : i + 2] in ("\n", ""):
            return None
    return None


class _Lexer(Lexer):
    """Turns :class:`_Source` lines into the grammar's tokens (see the module docs).

    Indentation works as in Argdown: relation lines and list items open (INDENT) and
    close (DEDENT) levels; an empty line, a numbered premise or an inference line closes
    every open level; lines of plain text continue the element above them."""

    def __init__(self, lexer_conf: Any) -> None:
        pass

    def lex(self, data: Any) -> Iterator[Token]:  # type: ignore[override]
        text = getattr(data, "text", data)  # lark may wrap the input in a TextSlice
        yield from text


def _tokens(source: _Source) -> list[list[Token]]:
    """The tokens of each top-level block."""
    return _Tokenizer(source).run()


class _Tokenizer:
    """Line by line, as Argdown's lexer: see :class:`_Lexer`."""

    def __init__(self, source: _Source) -> None:
        self.source = source
        self.blocks: list[list[Token]] = []
        self.current: list[Token] = []
        self.stack = [0]
        self.too_deep = False

    def token(self, kind: str, value: Any, offset: int) -> Token:
        line, column = self.source.where(offset)
        return Token(kind, value, start_pos=offset, line=line, column=column)

    def close_all(self, offset: int) -> None:
        while len(self.stack) > 1:
            self.stack.pop()
            self.current.append(self.token("_DEDENT", "", offset))

    def indent_to(self, width: int, offset: int) -> None:
        stack = self.stack
        if width > stack[-1]:
            if len(stack) > MAX_DEPTH and not self.too_deep:
                self.too_deep = True
                self.source.problem(
                    offset, f"relations are nested more than {MAX_DEPTH} levels deep here"
                )
            stack.append(width)
            self.current.append(self.token("_INDENT", "", offset))
        else:
            while len(stack) > 1 and width < stack[-1]:
                stack.pop()
                self.current.append(self.token("_DEDENT", "", offset))

    def text(self, rest: str, offset: int) -> None:
        stripped = _strip(rest)
        if stripped:
            at = offset + len(rest) - len(rest.lstrip())
            self.current.append(self.token("TEXT", stripped, at))

    def end_block(self) -> None:
        if self.current:
            self.close_all(self.current[-1].start_pos or 0)
            if not self.too_deep:  # a block nested too deep is reported, not parsed
                self.blocks.append(self.current)
            self.current = []
            self.too_deep = False

    def run(self) -> list[list[Token]]:
        lines = self.source.lines
        index = 0
        while index < len(lines):
            item = lines[index]
            index += 1
            if item is None:
                self.end_block()
            else:
                index = self.line(item, index)
        self.end_block()
        return self.blocks

    def line(self, item: _Line, index: int) -> int:
        """Tokens of one line; returns the index of the next line to read."""
        content, start = item.text, item.start
        body = content.lstrip(" \t")
        width = len(content) - len(body)
        at = start + width
        heading = _HEADING.match(content) if not self.current else None
        if heading:
            self.current.append(self.token("HEADING", len(heading.group(1)), start))
            self.text(content[heading.end() :], start + heading.end())
            return index
        if body.startswith("--"):
            self.close_all(at)
            return _inference(self, index, body, at)
        number = _NUMBER.match(body)
        if number:
            self.close_all(at)
            self.current.append(self.token("NUM", int(number.group(1)), at))
            self.text(body[number.end() :], at + number.end())
            return index
        marker = _RELATION.match(body)
        kind = "REL"
        if marker is None:
            marker = _ORDERED.match(body) or _UNORDERED.match(body)
            kind = "LIST"
        if marker is not None:
            self.indent_to(width, at)
            value = marker.group(0) if kind == "REL" else marker.group(0)[-1]
            self.current.append(self.token(kind, value, at))
            self.text(body[marker.end() :], at + marker.end())
            return index
        self.text(content, start)
        return index


# What Argdown (JavaScript's trim) takes for whitespace; Python's str.strip() also takes
# \x1c-\x1f and \x85, and not \ufeff.
_JS_SPACE = (
    "\t\n\v\f\r \u00a0\u1680"
    + "".join(map(chr, range(0x2000, 0x200B)))
    + ("\u2028\u2029\u202f\u205f\u3000\ufeff")
)


def _strip(text: str) -> str:
    r"""``text`` without whitespace at either end, except an escaped one at the end.

    >>> _strip(" a  "), _strip(" a\\  "), _strip(" a\\\\  ")
    ('a', 'a\\ ', 'a\\\\')
    """
    stripped = text.strip(_JS_SPACE)
    end = text.find(stripped) + len(stripped)
    slashes = len(stripped) - len(stripped.rstrip("\\"))
    if slashes % 2 and end < len(text):
        return stripped + text[end]
    return stripped


def _inference(tokens: _Tokenizer, index: int, body: str, at: int) -> int:
    """Read an inference line starting with ``--`` at offset ``at`` (it may go on over
    the next lines until the closing ``--``); returns the index of the line after it."""
    source, lines = tokens.source, tokens.source.lines
    parts: list[tuple[str, int]] = []
    rest, rest_at = body[2:], at + 2
    while True:
        end = _INFERENCE_END.search(rest)
        if end is not None:
            parts.append((rest[: end.start()], rest_at))
            after = rest[end.end() :]
            if after.strip():
                source.problem(
                    rest_at + end.end() + len(after) - len(after.lstrip()),
                    "expected a new line after the inference line's closing '--'",
                )
            break
        parts.append((rest, rest_at))
        nxt = lines[index] if index < len(lines) else None
        if nxt is None:
            source.problem(at, "the inference starting with '--' is never closed with '--'")
            break
        index += 1
        rest, rest_at = nxt.text, nxt.start
    tokens.current.append(tokens.token("INFERENCE", parts, at))
    return index


_PARSER = Lark(GRAMMAR, parser="lalr", lexer=_Lexer, propagate_positions=False)

_NAMES = {
    "TEXT": "a statement or argument",
    "REL": "a relation",
    "NUM": "a numbered statement '(n)'",
    "INFERENCE": "an inference line '--'",
    "LIST": "a list item",
    "HEADING": "a heading",
    "_INDENT": "an indented line",
    "_DEDENT": "the end of the indented lines",
    "$END": "an empty line",
}


def _end_of(source: _Source, token: Token) -> int:
    """The offset just past what ``token`` covers in the text."""
    if token.type == "INFERENCE":  # up to the end of its (last) line
        start = int(token.value[-1][1])
        end = source.text.find("\n", start)
        end = len(source.text) if end < 0 else end
        return start + len(source.text[start:end].rstrip())
    if token.type == "NUM":
        return (token.start_pos or 0) + len(f"({token.value})")
    if token.type == "HEADING":
        return (token.start_pos or 0) + int(token.value) + 1
    return (token.start_pos or 0) + len(str(token.value))


def _expected_message(source: _Source, err: UnexpectedInput, block: list[Token]) -> Problem:
    """One problem for a block lark could not parse, in the words of Argdown's syntax."""
    token = getattr(err, "token", None)
    expected: set[str] = set(getattr(err, "expected", ()) or ())
    index = next((i for i, t in enumerate(block) if t is token), len(block))
    previous = block[index - 1] if index > 0 else None
    at_end = token is None or token.type == "$END"
    if at_end:
        last = next((t for t in reversed(block) if t.type != "_DEDENT"), block[-1])
        line, column = source.where(_end_of(source, last))
        found = "the end of the block"
    else:
        assert token is not None
        if token.type == "_INDENT" and index + 1 < len(block):
            token = block[index + 1]  # name the indented line itself
        line, column = token.line or 1, token.column or 1
        found = _describe(token)
    kind = "" if at_end or token is None else token.type
    prev = "" if previous is None else previous.type

    def problem(message: str, wanted: str = "") -> Problem:
        return Problem(line, column, message, wanted)

    heading = block[0] if block and block[0].type == "HEADING" else None
    if (
        heading is not None
        and token is not None
        and not at_end
        and ((token.line or 0) > (heading.line or 0))
    ):
        # A heading is a paragraph of its own: what follows it on the next line
        # (a statement, a relation) is what Argdown refuses there too.
        after: Token = next((t for t in block if (t.line or 0) > (heading.line or 0)), token)
        return Problem(
            after.line or line,
            1,
            "expected an empty line after the heading (a heading is a paragraph of its own)",
            "an empty line",
        )
    if prev in ("REL", "LIST") and "TEXT" in expected:
        assert previous is not None
        what = "a statement or argument"
        return problem(f"expected {what} after {previous.value!r}", what)
    if prev == "HEADING" and "TEXT" in expected:
        return problem("expected the heading's text after '#'", "a text")
    if prev == "NUM" and "TEXT" in expected:
        assert previous is not None
        return problem(f"expected a statement after '({previous.value})'", "a statement")
    if kind in ("REL", "LIST") and all(t.type == "_INDENT" for t in block[:index]):
        return problem(
            f"{found} needs a statement or argument above it, with no empty line between",
            "a statement or argument",
        )
    if kind == "INFERENCE" and index == 0:
        return problem(
            "an inference line '--' needs numbered premises '(1) ...' above it",
            "a numbered statement",
        )
    if prev == "INFERENCE" and "NUM" in expected:
        return problem(
            f"expected the conclusion '(n) ...' after the inference line, found {found}",
            "a numbered statement",
        )
    if (prev == "NUM" or "INFERENCE" in expected) and at_end:
        return problem(
            "expected an inference line '--' and a conclusion after the premises",
            "an inference line",
        )
    if kind == "NUM":
        return problem(
            "a premise-conclusion structure '(1) ...' starts a block: put an empty line before it",
            "an empty line",
        )
    if kind == "REL" and "REL" not in expected:
        return problem(
            f"{found} is not indented like the lines above it: indent it as deep as the "
            "other relations of the statement or argument it belongs to",
            "a relation indented like the lines above",
        )
    names = sorted({_NAMES.get(e, e) for e in expected})
    wanted = " or ".join(names)
    return problem(f"expected {wanted}, found {found}", wanted)


def _describe(token: Token) -> str:
    if token.type == "REL":
        return f"the relation {token.value!r}"
    if token.type == "NUM":
        return f"'({token.value})'"
    if token.type == "TEXT":
        return f"the text {_short(str(token.value))!r}"
    return _NAMES.get(token.type, token.type)


def _short(text: str) -> str:
    return text if len(text) <= 30 else text[:27] + "..."


class _Build:
    """lark tree -> AST nodes, one method per grammar rule (a plain walk: lark's
    Transformer would do the same at twice the cost); element lines are read by
    :func:`_element`."""

    def __init__(self, source: _Source) -> None:
        self.source = source

    def node(self, tree: Tree[Token]) -> Any:
        children = [
            self.node(child) if isinstance(child, Tree) else child for child in tree.children
        ]
        return getattr(self, str(tree.data))(children)

    def start(self, children: list[Any]) -> Any:
        return children[0]

    def heading(self, children: list[Any]) -> Heading:
        marker, texts = children[0], children[1:]
        for text in texts[1:]:
            start = _START.match(str(text.value))
            if start is not None and start.lastgroup != "link":
                self.source.problem(
                    text.start_pos or 0,
                    f"expected an empty line after the heading, found {start.group(0)!r}",
                    "an empty line",
                )
                return Heading(marker.value, "", marker.line, marker.column)
        parsed = _content(self.source, texts)
        return Heading(
            marker.value, parsed.text or "", marker.line, marker.column, data=parsed.data
        )

    def element(self, children: list[Any]) -> Element:
        relations: list[RelationLine] = []
        if children and isinstance(children[-1], list):
            relations = children.pop()
        element = _element(self.source, children)
        element.relations = relations
        return element

    def relations(self, children: list[RelationLine]) -> list[RelationLine]:
        return children

    def relation(self, children: list[Any]) -> RelationLine:
        symbol, element = children
        return RelationLine(symbol.value, element, symbol.line, symbol.column)

    def pcs(self, children: list[Any]) -> Pcs:
        items: list[PcsStatement | InferenceLine] = [children[0]]
        for tail in children[1:]:
            items.extend(tail)
        first = items[0]
        return Pcs(items, first.line, first.column)

    def pcs_tail(self, children: list[Any]) -> list[Any]:
        return children

    def pcs_statement(self, children: list[Any]) -> PcsStatement:
        number, element = children
        return PcsStatement(number.value, element, number.line, number.column)

    def inference(self, children: list[Any]) -> InferenceLine:
        marker = children[0]
        relations: list[RelationLine] = children[1] if len(children) > 1 else []
        rules, data = _inference_content(self.source, marker.value)
        return InferenceLine(rules, data, marker.line, marker.column, relations)

    def item_list(self, children: list[tuple[Token, Element]]) -> ListBlock:
        marker = children[0][0]
        items = [element for _, element in children]
        return ListBlock(marker.value == ".", items, marker.line or 1, marker.column or 1)

    def list_item(self, children: list[Any]) -> tuple[Token, Element]:
        marker, element = children
        return marker, element


# ----------------------------------------------------------------- inline content

_START = re.compile(
    r"(?P<link>\[[^\]]+?\]\([^)]+?\))"
    r"|\[(?P<sdef>[^\]\n]+?)\]:"
    r"|\[(?P<sref>[^\]\n-][^\]\n]*?)\]"
    r"|<(?P<adef>[^>\n]+?)>:"
    r"|<(?P<aref>[^>\n-][^>\n]*?)>"
)
_INLINE = re.compile(
    r"(?=[\\\[#@{<])"
    r"(?:(?P<escape>\\.)"
    r"|(?P<link>\[[^\]\n]+?\]\([^)\n]+?\))"
    r"|(?P<tag>#(?:\((?P<ptag>[^)]+)\)|(?P<wtag>[A-Za-z0-9_\-\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]+)))"
    r"|(?P<mention>@\[[^\]\n]+?\]|@<[^>\n]+?>)"
    r"|(?P<data>\{)"
    r"|(?P<bracket>\[[^\]\n]+?\]:?|<[^>\n-][^>\n]*?>:?))"
)


@dataclass
class _Content:
    text: str | None
    tags: tuple[str, ...]
    data: dict[str, JsonValue] | None


def _content(source: _Source, texts: list[Token], reference: str = "") -> _Content:
    """Read the text of an element from its TEXT tokens: the words (escapes resolved,
    lines joined), its tags, and its data block (which must come last)."""
    inline = _Inline(source, reference)
    for token in texts:
        if not inline.read(str(token.value), token.start_pos or 0):
            return _Content(None, (), None)
    return inline.result()


class _Inline:
    """The words, tags and data block of one element, read piece by piece."""

    def __init__(self, source: _Source, reference: str) -> None:
        self.source = source
        self.reference = reference
        self.pieces: list[str] = []
        self.tags: list[str] = []
        self.data: dict[str, JsonValue] | None = None
        self.trailing_from: int | None = None  # where the run of final tags starts
        self.kept: set[int] = set()  # indexes of pieces that are escaped whitespace

    def ended(self, offset: int) -> bool:
        """True (after reporting it) when text comes where the element has ended."""
        if self.data is None and not self.reference:
            return False
        _after_end(self.source, offset, self.data, self.reference)
        return True

    def read(self, value: str, base: int) -> bool:
        if self.pieces:
            self.pieces.append(" ")
        pos = 0
        while pos < len(value):
            found = _INLINE.search(value, pos)
            stop = found.start() if found else len(value)
            gap = value[pos:stop]
            if gap.strip():
                self.trailing_from = None
                if self.ended(base + pos + len(gap) - len(gap.lstrip())):
                    return False
            self.pieces.append(value[pos:stop])
            if found is None:
                break
            if found.group("tag"):
                tag = (found.group("ptag") or found.group("wtag") or "").strip()
                if tag and tag not in self.tags:
                    self.tags.append(tag)
                if self.trailing_from is None:
                    self.trailing_from = len(self.pieces)
                self.pieces.append(found.group(0))
                pos = found.end()
                continue
            data_next = found.group("data") is not None and self.data is None
            if not data_next and self.ended(base + found.start()):
                return False
            next_pos = self.special(found, value, base)
            if next_pos is None:
                return False
            pos = next_pos
        return True

    def special(self, found: re.Match[str], value: str, base: int) -> int | None:
        """Read an escape, data block, link or mention; None after a problem."""
        if found.group("data"):
            end = _data_end(value, found.start())
            if end is not None:
                try:
                    self.data = parse_flow(value[found.start() : end], base + found.start())
                except YamlError as err:
                    self.source.problem(err.offset, f"data block: {err.message}")
                    return None
                return end
        elif found.group("bracket"):
            word = found.group(0)
            what = "statement" if word.startswith("[") else "argument"
            self.source.problem(
                base + found.start(),
                f"unexpected {what} title {word!r} inside a text: a {what} starts a line; "
                f"to mention it write @{word.rstrip(':')}, or escape the bracket as "
                f"\\{word[0]}",
            )
            return None
        self.trailing_from = None
        if found.group("escape"):
            char = found.group(0)[1]
            if char in _SPACE:  # an escaped space or tab is kept as written
                self.kept.add(len(self.pieces))
            self.pieces.append(char)
        else:
            self.pieces.append(found.group(0))
        return found.end()

    def result(self) -> _Content:
        if self.reference:
            return _Content(None, tuple(self.tags), self.data)
        pieces = self.pieces
        words = pieces if self.trailing_from is None else pieces[: self.trailing_from]
        text = _joined(words, self.kept)
        if not text:  # only tags: keep them as the text
            text = _joined(pieces, self.kept)
        return _Content(text or None, tuple(self.tags), self.data)


# The whitespace a text's words are split at (as Argdown, not Unicode's: a no-break
# space is part of a word).
_SPACE = " \t\n\r\f\v"
_SPACES = re.compile(f"[{_SPACE}]+")


def _joined(pieces: list[str], kept: set[int]) -> str:
    r"""The pieces as one text: each run of whitespace one space, none at either end,
    except the escaped whitespace (the pieces at ``kept``), which stays as written.

    >>> _joined(["  two ", " ", "spaces ", "\t", " "], {1, 3})
    'two  spaces \t'
    """
    out: list[str] = []
    space = False  # unescaped whitespace is pending
    for index, piece in enumerate(pieces):
        if index in kept:
            if space and out:
                out.append(" ")
            out.append(piece)
            space = False
            continue
        words = [word for word in _SPACES.split(piece) if word]
        if not words:
            space = space or bool(piece)
            continue
        if out and (space or piece[0] in _SPACE):
            out.append(" ")
        out.append(" ".join(words))
        space = piece[-1] in _SPACE
    return "".join(out)


def _after_end(source: _Source, offset: int, data: object, reference: str) -> bool:
    if data is not None:
        source.problem(
            offset,
            "unexpected text after the data block: a {data} block ends its element",
            "a new line",
        )
    else:
        source.problem(
            offset,
            f"unexpected text after the reference {reference}: a reference can only be "
            "followed by #tags and a {data} block",
            "a tag, a data block or a new line",
        )
    return False


def _element(source: _Source, texts: list[Token]) -> Element:
    first = texts[0]
    value, base = str(first.value), first.start_pos or 0
    start = _START.match(value)
    kind: str = "statement"
    title: str | None = None
    reference = ""
    if start is not None and start.lastgroup != "link":
        group = start.lastgroup or ""
        title = " ".join((start.group(group) or "").split())
        kind = "statement" if group.startswith("s") else "argument"
        if group.endswith("ref"):
            reference = start.group(0)
        rest = value[start.end() :]
        shift = start.end() + len(rest) - len(rest.lstrip())
        rest_tokens = [*texts[1:]]
        if rest.strip():
            rest_tokens.insert(
                0, Token("TEXT", _strip(rest), start_pos=base + shift, line=first.line)
            )
        parsed = _content(source, rest_tokens, reference=reference)
        text = parsed.text
        if group == "adef" and text is None:
            text = ""
        if group == "sdef" and not text:
            text = None
    else:
        parsed = _content(source, texts)
        text = parsed.text
    return Element(
        "statement" if kind == "statement" else "argument",
        title,
        text,
        first.line or 1,
        first.column or 1,
        tags=parsed.tags,
        data=parsed.data,
    )


def _inference_content(
    source: _Source, parts: list[tuple[str, int]]
) -> tuple[list[str], dict[str, JsonValue] | None]:
    """The rules (comma-separated) and data block of an inference line."""
    data: dict[str, JsonValue] | None = None
    words: list[str] = []
    for value, base in parts:
        if words:
            words.append(" ")
        pos = 0
        while pos < len(value):
            brace = value.find("{", pos)
            if brace < 0:
                words.append(value[pos:])
                break
            words.append(value[pos:brace])
            end = _data_end(value, brace)
            if end is None:
                words.append("{")
                pos = brace + 1
                continue
            try:
                data = parse_flow(value[brace:end], base + brace)
            except YamlError as err:
                source.problem(err.offset, f"data block: {err.message}")
            pos = end
    # Rules are split at commas; a backslash escapes the next character (also a comma),
    # as in any text.
    text, rules, current, i = "".join(words), [], [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            current.append(text[i + 1])
            i += 2
            continue
        if text[i] == ",":
            rules.append("".join(current))
            current = []
        else:
            current.append(text[i])
        i += 1
    rules.append("".join(current))
    cleaned = [" ".join(rule.split()) for rule in rules]
    return [rule for rule in cleaned if rule], data


def parse(text: str) -> Document:
    """Parse Argdown ``text`` into a :class:`Document`.

    Raises
    ------
    ArgdownSyntaxError
        With every problem found, each with its line and column.

    Examples
    --------
    >>> doc = parse("[A]: Socrates is mortal.\\n  + [B]: All men are mortal. #classic")
    >>> a = doc.blocks[0]
    >>> a.title, a.text, a.relations[0].symbol, a.relations[0].element.tags
    ('A', 'Socrates is mortal.', '+', ('classic',))
    """
    with gc_paused():  # many small objects made in one go: see argmap._bulk
        return _parse(text)


def _parse(text: str) -> Document:
    source = _Source(text.replace("\r\n", "\n").replace("\r", "\n"))
    doc = Document(frontmatter=source.frontmatter)
    for block in _tokens(source):
        if any(t.type == "TEXT" and str(t.value).startswith("===") for t in block[:1]):
            source.problem(
                block[0].start_pos or 0, "front matter ('===') must come first in the file"
            )
            continue
        try:
            tree = _PARSER.parse(block)  # type: ignore[arg-type,unused-ignore]
        except UnexpectedToken as err:
            source.problems.append(_expected_message(source, err, block))
            continue
        except UnexpectedInput as err:  # pragma: no cover - lark's other input errors
            source.problems.append(_expected_message(source, err, block))
            continue
        node: Block = _Build(source).node(tree)
        doc.blocks.append(node)
    if source.problems:
        raise ArgdownSyntaxError(source.problems)
    return doc
