"""The YAML that Argdown files hold: ``{data}`` blocks (flow mappings) and the front
matter between ``===`` lines (block mappings and sequences, flow collections, plain
scalars folded over several lines, quoted strings).

Only this subset is read (no anchors, tags, block scalars ``|``/``>``, multi-document
streams); anything else is a :class:`YamlError` with the offset of the problem, which the
parser turns into a line and column. Scalars are read by YAML 1.2's core schema and
double-quoted strings take every YAML escape, as js-yaml (Argdown's own YAML reader)
reads them.

Why not PyYAML's ``safe_load``: it reads YAML 1.1, where ``{a: yes, b: on, c: 1_000,
d: 1:30}`` is ``True, True, 1000, 90``; Argdown (js-yaml) reads four strings, and so does
this module. Its errors would also have to be mapped back to Argdown's lines.
"""

from __future__ import annotations

import re

from pydantic import JsonValue

__all__ = ["YamlError", "parse_block", "parse_flow"]

_MAX_DEPTH = 50  # nesting of flow collections and of block indentation (recursion)
_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_BASED_INT = re.compile(r"0x[0-9A-Fa-f]+|0o[0-7]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
# The escapes of YAML double-quoted strings (YAML 1.2, section 5.7), as js-yaml (which
# Argdown uses) reads them.
_ESCAPES = {
    "0": "\x00",
    "a": "\x07",
    "b": "\x08",
    "t": "\t",
    "\t": "\t",
    "n": "\n",
    "v": "\x0b",
    "f": "\x0c",
    "r": "\r",
    "e": "\x1b",
    " ": " ",
    '"': '"',
    "/": "/",
    "\\": "\\",
    "N": "\x85",
    "_": "\xa0",
    "L": "\u2028",
    "P": "\u2029",
}
_HEX_WIDTH = {"x": 2, "u": 4, "U": 8}
_HEX = re.compile(r"[0-9A-Fa-f]+")
_LOW_SURROGATE = re.compile(r"\\u[dD][c-fC-F][0-9A-Fa-f]{2}")


class YamlError(ValueError):
    """A problem in a data block or the front matter, at ``offset`` of the text given."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset


def scalar(text: str) -> JsonValue:
    """A plain YAML scalar as YAML 1.2's core schema reads it.

    >>> scalar("true"), scalar("12"), scalar("1.5"), scalar("~"), scalar("counterpoint")
    (True, 12, 1.5, None, 'counterpoint')

    Unlike YAML 1.1 (PyYAML), and as js-yaml (Argdown's YAML reader) does:

    >>> scalar("yes"), scalar("on"), scalar("1_000"), scalar("1:30"), scalar("0x1F")
    ('yes', 'on', '1_000', '1:30', 31)
    """
    value = text.strip()
    lowered = value.lower()
    if lowered in ("true", "false"):
        return lowered == "true"
    if lowered in ("null", "~", ""):
        return None
    if _INT.fullmatch(value):
        return int(value)
    if _BASED_INT.fullmatch(value):
        return int(value[2:], 16 if value[1] == "x" else 8)
    if _FLOAT.fullmatch(value):
        return float(value)
    return value


class _Flow:
    """A recursive-descent reader of one YAML flow value (``{...}``, ``[...]``, a quoted
    string or a plain scalar); newlines count as spaces."""

    def __init__(self, text: str, base: int = 0) -> None:
        self.text = text
        self.pos = 0
        self.base = base
        self.depth = 0

    def error(self, message: str) -> YamlError:
        return YamlError(message, self.base + self.pos)

    def skip(self) -> None:
        text, n = self.text, len(self.text)
        while self.pos < n and text[self.pos] in " \t\r\n":
            self.pos += 1

    def peek(self) -> str:
        self.skip()
        return self.text[self.pos : self.pos + 1]

    def value(self, stops: str) -> JsonValue:
        char = self.peek()
        if char in ("{", "["):
            self.depth += 1
            if self.depth > _MAX_DEPTH:
                raise self.error(f"lists and mappings are nested more than {_MAX_DEPTH} deep")
            nested = self.mapping() if char == "{" else self.sequence()
            self.depth -= 1
            return nested
        if char in ("'", '"'):
            return self.quoted()
        start = self.pos
        while self.pos < len(self.text) and self.text[self.pos] not in stops:
            self.pos += 1
        return scalar(" ".join(self.text[start : self.pos].split()))

    def quoted(self) -> str:
        quote = self.text[self.pos]
        start = self.pos
        self.pos += 1
        out: list[str] = []
        while self.pos < len(self.text):
            char = self.text[self.pos]
            if char == quote:
                if quote == "'" and self.text[self.pos + 1 : self.pos + 2] == "'":
                    out.append("'")
                    self.pos += 2
                    continue
                self.pos += 1
                return "".join(out)
            if char == "\\" and quote == '"' and self.pos + 1 < len(self.text):
                out.append(self.escape())
                continue
            out.append(" " if char == "\n" else char)
            self.pos += 1
        self.pos = start
        raise self.error(f"the string starting with {quote} is never closed")

    def escape(self) -> str:
        """The character of the escape sequence at ``pos`` in a double-quoted string
        (YAML 1.2, section 5.7: ``\\n``, ``\\t``, ``\\xXX``, ``\\uXXXX``, ``\\UXXXXXXXX`` ...);
        an escaped line break folds to nothing, as in YAML."""
        start = self.pos
        nxt = self.text[self.pos + 1]
        if nxt in _ESCAPES:
            self.pos += 2
            return _ESCAPES[nxt]
        if nxt == "\n":  # an escaped line break: the string goes on without a space
            self.pos += 2
            while self.text[self.pos : self.pos + 1] in (" ", "\t"):
                self.pos += 1
            return ""
        width = _HEX_WIDTH.get(nxt)
        if width is not None:
            digits = self.text[self.pos + 2 : self.pos + 2 + width]
            if len(digits) == width and _HEX.fullmatch(digits):
                code = int(digits, 16)
                end = self.pos + 2 + width
                low = self.text[end : end + 6]  # "\\uDC00": a UTF-16 pair, as JSON writes
                if 0xD800 <= code <= 0xDBFF and _LOW_SURROGATE.fullmatch(low):
                    code = 0x10000 + ((code - 0xD800) << 10) + (int(low[2:], 16) - 0xDC00)
                    end += 6
                if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF:
                    self.pos = end
                    return chr(code)
            self.pos = start
            raise self.error(
                f"'\\{nxt}' in a double-quoted string needs {width} hex digits of a "
                "Unicode character after it"
            )
        raise self.error(f"unknown escape sequence '\\{nxt}' in a double-quoted string")

    def key(self) -> str:
        char = self.peek()
        if char in ("'", '"'):
            return self.quoted()
        start = self.pos
        while self.pos < len(self.text) and self.text[self.pos] not in ":,}]":
            self.pos += 1
        key = " ".join(self.text[start : self.pos].split())
        if not key:
            raise self.error("expected a key")
        return key

    def mapping(self) -> dict[str, JsonValue]:
        self.pos += 1  # {
        result: dict[str, JsonValue] = {}
        while True:
            char = self.peek()
            if char == "}":
                self.pos += 1
                return result
            if not char:
                raise self.error("the data block is never closed with '}'")
            key = self.key()
            if self.peek() == ":":
                self.pos += 1
                result[key] = self.value(",}")
            else:
                result[key] = None
            char = self.peek()
            if char == ",":
                self.pos += 1
            elif char != "}":
                raise self.error(f"expected ',' or '}}' in the data block, found {char!r}")

    def sequence(self) -> list[JsonValue]:
        self.pos += 1  # [
        result: list[JsonValue] = []
        while True:
            char = self.peek()
            if char == "]":
                self.pos += 1
                return result
            if not char:
                raise self.error("the list is never closed with ']'")
            result.append(self.value(",]"))
            char = self.peek()
            if char == ",":
                self.pos += 1
            elif char != "]":
                raise self.error(f"expected ',' or ']' in the list, found {char!r}")


def parse_flow(text: str, base: int = 0) -> dict[str, JsonValue]:
    """One ``{...}`` data block; offsets in errors count from ``base``.

    >>> parse_flow('{uses: [1, 2], source: "C1a", kind: counterpoint, ok: true}')
    {'uses': [1, 2], 'source': 'C1a', 'kind': 'counterpoint', 'ok': True}
    """
    reader = _Flow(text, base)
    if reader.peek() != "{":
        raise reader.error("expected '{'")
    result = reader.mapping()
    if reader.peek():
        raise reader.error("unexpected text after the data block")
    return result


def _balance(text: str) -> int:
    """How many brackets ``text`` leaves open (quotes respected)."""
    depth, quote, escaped = 0, "", False
    for char in text:
        if escaped:
            escaped = False
        elif quote:
            if char == quote:
                quote = ""
            elif char == "\\" and quote == '"':
                escaped = True
        elif char in "'\"":
            quote = char
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
    return depth


_KEY = re.compile(
    r"""^(?P<key>"[^"]*"|'[^']*'|[^\s#'"\-\[\]{},][^:#]*?|-[^\s:][^:]*?)\s*:(?:\s+|$)"""
)


def parse_block(text: str, base: int = 0) -> JsonValue:
    """The front matter: block mappings and sequences by indentation, with flow values.

    >>> parse_block("title: A long\\n  title\\nmodel:\\n    mode: strict\\nauthor:\\n  - A\\n  - B")
    {'title': 'A long title', 'model': {'mode': 'strict'}, 'author': ['A', 'B']}
    """
    lines: list[tuple[int, int, str]] = []  # (indent, offset, content)
    offset = base
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped and not stripped.startswith("#"):
            lines.append((len(raw) - len(raw.lstrip(" ")), offset, raw.rstrip()))
        offset += len(raw) + 1
    if not lines:
        return None
    for indent, offset, _ in lines:
        if indent > 2 * _MAX_DEPTH:
            raise YamlError(f"a line is indented more than {2 * _MAX_DEPTH} spaces", offset)
    value, index = _block(lines, 0, lines[0][0])
    if index < len(lines):
        raise YamlError("unexpected indentation in the front matter", lines[index][1])
    return value


def _block(lines: list[tuple[int, int, str]], index: int, indent: int) -> tuple[JsonValue, int]:
    if lines[index][2].strip().startswith("- ") or lines[index][2].strip() == "-":
        return _sequence(lines, index, indent)
    if not _KEY.match(lines[index][2].strip()):
        return _scalar_lines(lines, index, indent - 1)
    result: dict[str, JsonValue] = {}
    while index < len(lines) and lines[index][0] == indent:
        ind, off, content = lines[index]
        match = _KEY.match(content.strip())
        if not match:
            raise YamlError("expected 'key: value' in the front matter", off + ind)
        key = match.group("key")
        if key[:1] in "'\"":
            key = key[1:-1]
        rest = content.strip()[match.end() :]
        result[key], index = _value(lines, index, ind, rest, off + ind + match.end())
    return result, index


def _value(
    lines: list[tuple[int, int, str]], index: int, indent: int, rest: str, offset: int
) -> tuple[JsonValue, int]:
    """The value after ``key:`` or ``- `` on line ``index`` (``rest`` is what follows)."""
    if rest.startswith(("{", "[")):
        parts, depth, end = [rest], _balance(rest), index + 1
        while depth > 0 and end < len(lines):
            parts.append(lines[end][2])
            depth += _balance(lines[end][2])
            end += 1
        flow = _Flow("\n".join(parts), offset)
        value = flow.value("")
        if flow.peek():
            raise flow.error("unexpected text after the value")
        return value, end
    if rest.startswith(("'", '"')):
        parts, end = [rest], index + 1
        while end < len(lines) and lines[end][0] > indent and _Flow(rest).peek():
            if _closed(" ".join(parts)):
                break
            parts.append(lines[end][2].strip())
            end += 1
        flow = _Flow(" ".join(parts), offset)
        return flow.quoted(), end
    if rest:
        return _scalar_lines(lines, index, indent, first=rest)
    if index + 1 < len(lines) and lines[index + 1][0] > indent:
        return _block(lines, index + 1, lines[index + 1][0])
    if (
        index + 1 < len(lines)
        and lines[index + 1][0] == indent
        and lines[index + 1][2].strip().startswith("- ")
    ):
        return _sequence(lines, index + 1, indent)
    return None, index + 1


def _closed(text: str) -> bool:
    try:
        _Flow(text).quoted()
    except YamlError:
        return False
    return True


def _scalar_lines(
    lines: list[tuple[int, int, str]], index: int, indent: int, first: str | None = None
) -> tuple[JsonValue, int]:
    """A plain scalar, folded over the following lines indented more than ``indent``."""
    parts = [first] if first is not None else [lines[index][2].strip()]
    end = index + 1
    while end < len(lines) and lines[end][0] > indent:
        parts.append(lines[end][2].strip())
        end += 1
    return scalar(" ".join(p.split(" #")[0] if " #" in p else p for p in parts)), end


def _sequence(lines: list[tuple[int, int, str]], index: int, indent: int) -> tuple[JsonValue, int]:
    result: list[JsonValue] = []
    while index < len(lines) and lines[index][0] == indent:
        ind, off, content = lines[index]
        item = content.strip()
        if not (item.startswith("- ") or item == "-"):
            break
        rest = item[2:].strip()
        if _KEY.match(rest):  # "- key: value" starts a mapping indented by the dash
            inner = ind + 2 + (len(item[2:]) - len(item[2:].lstrip(" ")))
            sub = [(inner, off + inner, " " * inner + rest)]
            end = index + 1
            while end < len(lines) and lines[end][0] > ind:
                sub.append(lines[end])
                end += 1
            value, _ = _block(sub, 0, inner)
            result.append(value)
            index = end
        else:
            value, index = _value(lines, index, ind, rest, off + ind + 2)
            result.append(value)
    return result, index
