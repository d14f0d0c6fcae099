"""Abstract frameworks in the ICCMA competition formats: ``p af N``, ASPARTIX, TGF.

Three text formats, told apart by the file suffix (or ``format=``):

``"af"`` (suffixes ``.af``, ``.i23``) -- ICCMA 2023::

    p af 3
    # a comment
    1 2
    2 3

  Arguments are the numbers ``1`` .. ``N`` (read as the names ``"1"`` .. ``"N"``);
  each other line is an attack ``a b``.

``"apx"`` (``.apx``) -- ASPARTIX facts, one per line: ``arg(a).`` and ``att(a,b).``;
  ``%`` starts a comment, as in ASP.

``"tgf"`` (``.tgf``) -- Trivial Graph Format: one argument per line (anything after
  the name is a label and is ignored), a line holding only ``#``, then one attack
  ``a b`` per line.

In every format an empty line is skipped and a line starting with ``#`` is a comment
(except the lone ``#`` that separates the two parts of a TGF file). Any other line
that does not fit raises :class:`~argmap.errors.FormatError` naming the file and line.
A UTF-8 byte order mark at the start is skipped.

Limits
------
A ``p af N`` header makes ``N`` arguments whatever follows it, so a 14-byte file could
ask for ten million. :func:`loads` refuses (a :class:`~argmap.errors.FormatError`
naming the line) a header above ``max_arguments`` (default :data:`MAX_ARGUMENTS`, one
million) and, unless ``max_arguments`` is given, one above what the file plausibly
holds: :data:`PLAUSIBLE_PER_BYTE` arguments per byte of text, and at least
:data:`PLAUSIBLE_MIN` (an ICCMA file lists most arguments in its attacks, a few
characters each). Numbers are ASCII digits only.

Names
-----
Writing ``"af"`` needs numbers. When the names are already the numbers ``1`` .. ``N``
(in any order) each argument keeps its own number, so
``ArgumentationFramework(["2", "1"], [("2", "1")])`` reads back as ``2 -> 1``.
Otherwise argument ``k`` is the framework's k-th argument and a comment line per
argument records its name (``# 3 = main``); reading gives the names back when those
comments name every argument ``1`` .. ``N`` once, with distinct names (a file
without them, as every ICCMA file, reads as ``"1"`` .. ``"N"``). A name that a
comment cannot hold (empty, with a line break, or with spaces at either end) is
written as its number, with a :class:`UserWarning` saying so.

Writing ``"apx"`` keeps every name as a valid ASP constant, so clingo and other
ASPARTIX-style solvers read every argument: a name that already is one (a lower-case
letter, then letters, digits, ``_``) or a whole number is written as it is; any other
is written as ``x__`` followed by its letters and digits, each other character as
``_`` + its hexadecimal code point + ``_`` (``Claim-1`` is ``x__Claim_2d_1``).
Reading decodes such names back (a name beginning ``x__`` is always written encoded,
so the encoding is reversible).
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path
from typing import Any, Literal

from argmap._io import write_atomic
from argmap.analysis.framework import ArgumentationFramework, from_map
from argmap.errors import ArgmapError, FormatError, OptionError
from argmap.formats._spec import Content, FormatSpec
from argmap.map import ArgumentMap
from argmap.model import Inference, Statement, StatementKind

__all__ = [
    "FORMATS",
    "MAX_ARGUMENTS",
    "PLAUSIBLE_MIN",
    "PLAUSIBLE_PER_BYTE",
    "AFFormat",
    "as_map",
    "dump",
    "dumps",
    "format_of",
    "load",
    "loads",
    "read_af",
    "write_af",
]

AFFormat = Literal["af", "apx", "tgf"]
_SUFFIXES: dict[str, AFFormat] = {".af": "af", ".i23": "af", ".apx": "apx", ".tgf": "tgf"}
_NAME = r"[A-Za-z0-9_][A-Za-z0-9_.\-]*"
_NAME_RE = re.compile(_NAME)
_ARG = re.compile(r"arg\(\s*(" + _NAME + r")\s*\)\s*\.")
_ATT = re.compile(r"att\(\s*(" + _NAME + r")\s*,\s*(" + _NAME + r")\s*\)\s*\.")
_DIGITS = re.compile(r"[0-9]+")  # str.isdigit() also takes '²' and other digits int() refuses

MAX_ARGUMENTS = 1_000_000
"""The most arguments a ``p af N`` header may declare by default (``max_arguments=``)."""
PLAUSIBLE_PER_BYTE = 64
"""Without an explicit ``max_arguments``, a header may declare at most this many
arguments per byte of the file's text ..."""
PLAUSIBLE_MIN = 10_000
"""... or this many, whichever is more."""


def format_of(path: str | Path) -> AFFormat:
    """The format a file's suffix stands for.

    >>> format_of("x.i23"), format_of("x.APX")
    ('af', 'apx')
    """
    suffix = Path(path).suffix.lower()
    try:
        return _SUFFIXES[suffix]
    except KeyError:
        raise FormatError(
            f"{path}: cannot tell the framework format from the suffix {suffix!r}; use one of "
            f"{', '.join(sorted(_SUFFIXES))} or pass format="
        ) from None


def _fail(source: str, lineno: int, message: str, line: str) -> FormatError:
    shown = line if len(line) <= 60 else line[:57] + "..."
    return FormatError(f"{source}, line {lineno}: {message}: {shown!r}")


def _number(digits: str) -> int | None:
    """The value of ASCII ``digits``, or None when it has more than 18 digits (beyond
    any limit here; ``int()`` itself refuses more than 4300)."""
    significant = digits.lstrip("0")
    return int(significant or "0") if len(significant) <= 18 else None


def _shown_number(digits: str) -> str:
    return digits if len(digits) <= 24 else f"{digits[:12]}... ({len(digits)} digits)"


def _header_limit(text: str, max_arguments: int | None) -> tuple[int, str]:
    """The most arguments a header may declare, and how to say so in an error."""
    if max_arguments is not None:
        return max_arguments, f"max_arguments={max_arguments}"
    plausible = max(PLAUSIBLE_MIN, PLAUSIBLE_PER_BYTE * len(text))
    if plausible < MAX_ARGUMENTS:
        return plausible, (
            f"a file of {len(text)} characters plausibly holds (at most {plausible}: "
            f"{PLAUSIBLE_PER_BYTE} per character, and never fewer than {PLAUSIBLE_MIN})"
        )
    return MAX_ARGUMENTS, f"max_arguments={MAX_ARGUMENTS}"


def _loads_af(text: str, source: str, max_arguments: int | None) -> ArgumentationFramework:
    n: int | None = None
    attacks: list[tuple[str, str]] = []
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        if n is None:
            if (
                len(parts) != 3
                or parts[0] != "p"
                or parts[1] != "af"
                or not _DIGITS.fullmatch(parts[2])
            ):
                raise _fail(source, lineno, "expected the header 'p af N'", line)
            limit, why = _header_limit(text, max_arguments)
            declared = _number(parts[2])
            if declared is None or declared > limit:
                raise _fail(
                    source,
                    lineno,
                    f"the header declares {_shown_number(parts[2])} arguments, more than "
                    f"{why}; pass a larger max_arguments= to read it",
                    line,
                )
            n = declared
            continue
        if len(parts) != 2 or not all(_DIGITS.fullmatch(p) for p in parts):
            raise _fail(source, lineno, "expected an attack 'a b' of two argument numbers", line)
        pair = []
        for p in parts:
            x = _number(p)
            if x is None or not 1 <= x <= n:
                raise _fail(
                    source, lineno, f"argument {_shown_number(p)} is not between 1 and {n}", line
                )
            pair.append(str(x))
        attacks.append((pair[0], pair[1]))
    if n is None:
        raise FormatError(f"{source}: no 'p af N' header line found")
    names = _comment_names(text, n)
    if names is None:
        return ArgumentationFramework([str(i) for i in range(1, n + 1)], attacks)
    return ArgumentationFramework(
        [names[str(i)] for i in range(1, n + 1)], [(names[a], names[b]) for a, b in attacks]
    )


_NAME_COMMENT = re.compile(r"#\s([0-9]+) = (\S(?:.*\S)?)")


def _comment_names(text: str, n: int) -> dict[str, str] | None:
    """The names recorded by :func:`dumps` (``# k = name``), when they name every
    argument ``1`` .. ``n`` exactly once with distinct names; else None."""
    if n == 0 or n > len(text):
        return None
    names: dict[str, str] = {}
    for raw in text.splitlines():
        m = _NAME_COMMENT.fullmatch(raw.strip())
        if m is None:
            continue
        k, name = m.group(1), m.group(2)
        if k in names or not k.isascii() or k != str(int(k)) or not 1 <= int(k) <= n:
            return None
        names[k] = name
    if len(names) != n or len(set(names.values())) != n:
        return None
    return names


def _loads_apx(text: str, source: str) -> ArgumentationFramework:
    args: dict[str, None] = {}
    attacks: list[tuple[str, str, int, str]] = []
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.split("%", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        pos = 0
        while pos < len(line):
            m_arg = _ARG.match(line, pos)
            m_att = None if m_arg else _ATT.match(line, pos)
            if m_arg:
                name = _apx_name(m_arg.group(1))
                if name in args:
                    raise _fail(source, lineno, f"argument {name!r} is declared twice", line)
                args[name] = None
                pos = m_arg.end()
            elif m_att:
                attacks.append((_apx_name(m_att.group(1)), _apx_name(m_att.group(2)), lineno, line))
                pos = m_att.end()
            else:
                raise _fail(source, lineno, "expected arg(a). or att(a,b).", line)
            while pos < len(line) and line[pos].isspace():
                pos += 1
    for a, b, lineno, line in attacks:
        for x in (a, b):
            if x not in args:
                raise _fail(source, lineno, f"attack names undeclared argument {x!r}", line)
    return ArgumentationFramework(args, [(a, b) for a, b, _, _ in attacks])


def _loads_tgf(text: str, source: str) -> ArgumentationFramework:
    args: dict[str, None] = {}
    attacks: list[tuple[str, str]] = []
    in_edges = False
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if line == "#" and not in_edges:
            in_edges = True
            continue
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        if not in_edges:
            name = parts[0]
            if not _NAME_RE.fullmatch(name):
                raise _fail(source, lineno, f"{name!r} is not a valid argument name", line)
            if name in args:
                raise _fail(source, lineno, f"argument {name!r} is listed twice", line)
            args[name] = None
            continue
        if len(parts) < 2:
            raise _fail(source, lineno, "expected an attack 'a b'", line)
        for x in parts[:2]:
            if x not in args:
                raise _fail(source, lineno, f"attack names unknown argument {x!r}", line)
        attacks.append((parts[0], parts[1]))
    return ArgumentationFramework(args, attacks)


def loads(
    text: str,
    format: AFFormat = "af",
    *,
    source: str = "<string>",
    max_arguments: int | None = None,
) -> ArgumentationFramework:
    """Read a framework from text in ``format`` (``"af"``, ``"apx"`` or ``"tgf"``).

    ``source`` names the input in error messages. ``max_arguments`` is the most
    arguments a ``p af N`` header may declare (by default :data:`MAX_ARGUMENTS`, and
    no more than the text plausibly holds: see the module's Limits).

    Raises
    ------
    FormatError
        A line that does not fit, naming ``source`` and the line; a header declaring
        more arguments than allowed.

    Examples
    --------
    >>> af = loads("p af 2\\n# two arguments\\n1 2\\n")
    >>> af.arguments, af.attacks
    (('1', '2'), (('1', '2'),))
    >>> loads("arg(a). arg(b).\\natt(b,a).", "apx").attacks
    (('b', 'a'),)
    >>> loads("p af 2\\n1 3\\n", source="x.af")
    Traceback (most recent call last):
    argmap.errors.FormatError: x.af, line 2: argument 3 is not between 1 and 2: '1 3'
    >>> loads("p af 20\\n", source="x.af", max_arguments=10)
    Traceback (most recent call last):
    argmap.errors.FormatError: x.af, line 1: the header declares 20 arguments, more than max_arguments=10; pass a larger max_arguments= to read it: 'p af 20'
    """  # noqa: E501
    if max_arguments is not None and (
        not isinstance(max_arguments, int) or isinstance(max_arguments, bool) or max_arguments < 0
    ):
        raise OptionError(f"max_arguments must be a whole number >= 0; got {max_arguments!r}")
    text = text.removeprefix("\ufeff")
    if format == "af":
        return _loads_af(text, source, max_arguments)
    if format == "apx":
        return _loads_apx(text, source)
    if format == "tgf":
        return _loads_tgf(text, source)
    raise OptionError(f"unknown framework format {format!r}; choose af, apx or tgf")


def load(
    path: str | Path, format: AFFormat | None = None, *, max_arguments: int | None = None
) -> ArgumentationFramework:
    """Read a framework file; the format comes from ``format`` or the suffix (a byte
    order mark is skipped; ``max_arguments`` as in :func:`loads`)."""
    p = Path(path)
    fmt = format or format_of(p)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except OSError as err:
        raise FormatError(f"{p}: cannot read: {err.strerror or err}") from None
    except UnicodeDecodeError as err:
        raise FormatError(f"{p}: not UTF-8 text ({err.reason} at byte {err.start})") from None
    return loads(text, fmt, source=str(p), max_arguments=max_arguments)


read_af = load
"""Alias of :func:`load` for callers that read several kinds of file."""


def dumps(af: ArgumentationFramework, format: AFFormat = "af") -> str:
    """The framework as text in ``format``; the same framework always gives the same text.

    Examples
    --------
    >>> af = ArgumentationFramework(["a", "b"], [("a", "b")])
    >>> print(dumps(af, "apx"), end="")
    arg(a).
    arg(b).
    att(a,b).
    >>> print(dumps(af, "af"), end="")
    p af 2
    # 1 = a
    # 2 = b
    1 2
    """
    if format == "af":
        lines = _dumps_af(af)
    elif format == "apx":
        const = {a: _apx_constant(a) for a in af.arguments}
        lines = [f"arg({const[a]})." for a in af.arguments]
        lines.extend(f"att({const[a]},{const[b]})." for a, b in af.attacks)
    elif format == "tgf":
        for a in af.arguments:
            if not _NAME_RE.fullmatch(a):
                raise ArgmapError(
                    f"argument {a!r} cannot be written as {format}: names must be ASCII "
                    "letters, digits, '_', '.', '-'",
                    ids=[a],
                )
        lines = [*af.arguments, "#"]
        lines.extend(f"{a} {b}" for a, b in af.attacks)
    else:
        raise OptionError(f"unknown framework format {format!r}; choose af, apx or tgf")
    return "\n".join(lines) + "\n"


def _dumps_af(af: ArgumentationFramework) -> list[str]:
    """The lines of a ``p af N`` file; see the module's Names."""
    n = len(af)
    lines = [f"p af {n}"]
    if set(af.arguments) == {str(i) for i in range(1, n + 1)}:
        lines.extend(f"{a} {b}" for a, b in af.attacks)
        return lines
    numbers = {a: str(i) for i, a in enumerate(af.arguments, 1)}
    lost = [
        a
        for a in af.arguments
        if len(a.splitlines()) != 1 or not _NAME_COMMENT.fullmatch(f"# 1 = {a}")
    ]
    if lost:
        shown = ", ".join(repr(a) for a in lost[:3]) + (", ..." if len(lost) > 3 else "")
        warnings.warn(
            f"the af format numbers arguments and a comment cannot hold the name of "
            f"{len(lost)} of them ({shown}): they read back as their numbers; use apx or "
            "argmap JSON to keep every name",
            UserWarning,
            stacklevel=3,
        )
    lines.extend(f"# {k} = {a}" for a, k in numbers.items() if a not in lost)
    lines.extend(f"{numbers[a]} {numbers[b]}" for a, b in af.attacks)
    return lines


_CONSTANT = re.compile(r"[a-z][A-Za-z0-9_]*|0|[1-9][0-9]*")
_ESCAPED = "x__"
_PLAIN = re.compile(r"[A-Za-z0-9]")


def _apx_constant(name: str) -> str:
    """``name`` as an ASP constant (or integer) that :func:`_apx_name` reads back.

    >>> _apx_constant("a1"), _apx_constant("Claim-1"), _apx_constant("x__y"), _apx_constant("7")
    ('a1', 'x__Claim_2d_1', 'x__x_5f__5f_y', '7')
    """
    if _CONSTANT.fullmatch(name) and not name.startswith(_ESCAPED):
        return name
    body = "".join(c if _PLAIN.fullmatch(c) else f"_{ord(c):x}_" for c in name)
    return _ESCAPED + body


_ESCAPE_BODY = re.compile(r"(?:[A-Za-z0-9]|_[0-9a-f]{1,6}_)*")
_ESCAPE_PART = re.compile(r"_([0-9a-f]{1,6})_")


def _apx_name(constant: str) -> str:
    """The name an apx constant stands for: an ``x__`` constant written by
    :func:`_apx_constant` is decoded; any other is the name itself.

    >>> _apx_name("x__Claim_2d_1"), _apx_name("a-1"), _apx_name("x__bad_zz_")
    ('Claim-1', 'a-1', 'x__bad_zz_')
    """
    if not constant.startswith(_ESCAPED):
        return constant
    body = constant[len(_ESCAPED) :]
    if not _ESCAPE_BODY.fullmatch(body):
        return constant
    try:
        return _ESCAPE_PART.sub(lambda m: chr(int(m.group(1), 16)), body)
    except (ValueError, OverflowError):  # a code point beyond Unicode
        return constant


def dump(af: ArgumentationFramework, path: str | Path, format: AFFormat | None = None) -> Path:
    """Write the framework to ``path`` atomically; the format comes from the suffix."""
    p = Path(path)
    return write_atomic(p, dumps(af, format or format_of(p)))


write_af = dump
"""Alias of :func:`dump`."""


def as_map(af: ArgumentationFramework) -> ArgumentMap:
    """The framework as a map: one statement per argument (text ``"Argument N"``; a
    counterpoint when it attacks something, else a claim) and one attack inference
    ``"a-attacks-b"`` per attack. An argument that attacks itself becomes a statement
    attacking itself (``"a-attacks-a"``).

    Examples
    --------
    >>> m = as_map(loads("p af 2\\n1 2\\n"))
    >>> [(s.id, s.kind) for s in m.statements], [i.id for i in m.inferences]
    ([('1', 'counterpoint'), ('2', 'claim')], ['1-attacks-2'])
    """
    m = ArgumentMap()
    attacking = {a for a, _ in af.attacks}
    for a in af.arguments:
        kind: StatementKind = "counterpoint" if a in attacking else "claim"
        m.add_statement(Statement(id=a, kind=kind, text=f"Argument {a}"))
    m.add_inferences(
        Inference(id=f"{a}-attacks-{b}", relation="attack", premises=(a,), target=b)
        for a, b in af.attacks
    )
    return m


_APX_HEAD = re.compile(r"\A(?:\s*%[^\n]*\n)*\s*(?:arg|att)\(")


def _sniff_af(content: Content) -> str | None:
    for line in content.head.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            return "starts with a 'p af N' line" if stripped.startswith("p af") else None
    return None


def _sniff_apx(content: Content) -> str | None:
    return "starts with arg(...) / att(...) facts" if _APX_HEAD.match(content.head) else None


def _spec(fmt: AFFormat, title: str, suffixes: tuple[str, ...], sniff: Any) -> FormatSpec:
    return FormatSpec(
        name=fmt,
        title=title,
        suffixes=suffixes,
        loads=lambda text: as_map(loads(text, fmt)),
        dumps=lambda m: dumps(from_map(m), fmt),
        sniff=sniff,
        keeps="Arguments and attacks (a map's statements, its attacks and undercuts as a Dung "
        "framework: argmap.analysis.framework.from_map).",
        loses="Texts, kinds, supports, tags, metadata; read back, arguments are statements "
        '"Argument N".',
    )


FORMATS = (
    _spec("af", "ICCMA p af", (".af", ".i23"), _sniff_af),
    _spec("apx", "ASPARTIX apx", (".apx",), _sniff_apx),
    _spec("tgf", "Trivial Graph Format", (".tgf",), None),
)
"""The three ICCMA formats in the format registry (:mod:`argmap.registry`)."""
