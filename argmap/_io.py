"""Atomic file writing: a file is either fully written or left as it was."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from pydantic import ValidationError

from argmap.errors import ArgmapError, FormatError, WriteError, describe_validation_error

__all__ = ["load_file", "looks_like_text", "shorten", "write_atomic"]

_T = TypeVar("_T")


def load_file(
    path: str | Path,
    parse: Callable[[bytes], _T],
    what: str,
    *,
    text_reader: str | None = None,
) -> _T:
    """Read ``path`` and ``parse`` its bytes; every failure is one :class:`FormatError`
    line naming the file: unreadable, not a valid ``what`` file (with each problem's
    location), or not a valid map.

    A ``path`` that cannot be read and looks like the text of a file rather than its
    name (it starts with ``{`` or ``[``, or spans lines) is reported as such, shortened,
    with ``text_reader`` (e.g. ``"ArgumentMap.from_json(text)"``) as the way to read it.
    """
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as err:
        if isinstance(path, str) and looks_like_text(path):
            hint = f"; to read {what} text, use {text_reader}" if text_reader else ""
            one_line = shorten(" ".join(path.split()), 40)
            raise FormatError(
                f"expected a file path, but got what looks like {what} text ({one_line!r}){hint}"
            ) from None
        raise FormatError(f"{shorten(p)}: cannot read: {err.strerror or err}") from None
    try:
        return parse(data)
    except ValidationError as err:
        detail = describe_validation_error(err, indent="", sep="; ")
        raise FormatError(f"{shorten(p)}: not a valid {what} file: {detail}") from None
    except ArgmapError as err:
        raise FormatError(f"{shorten(p)}: {err.message}", ids=err.ids) from None


def json_problem(text: str | bytes) -> str | None:
    """Why ``text`` is not JSON, in one line and the same words wherever it is asked
    (``argmap.load``, ``argmap.loads``, every CLI command): the standard library's
    message, which names what was expected and the line and column. None if the
    standard library reads it."""
    try:
        json.loads(text)
    except json.JSONDecodeError as err:
        return f"not valid JSON: {err}"
    except (ValueError, RecursionError) as err:
        problem = "nested too deeply" if isinstance(err, RecursionError) else str(err)
        if "integer string conversion" in problem:  # Python's advice is not the user's
            problem = "a number has more digits than Python reads (4300)"
        return f"not valid JSON: {problem}"
    return None


def looks_like_text(path: str) -> bool:
    """True for a "path" that is rather a file's contents: JSON, or several lines."""
    return path.lstrip()[:1] in ("{", "[") or "\n" in path


def shorten(path: str | Path, limit: int = 500) -> str:
    """``path`` as it is shown in messages: as given, or cut to ``limit`` characters
    with ``...`` (so that a long text passed as a path never fills the screen).

    >>> shorten("maps/nato.json")
    'maps/nato.json'
    >>> shorten('{"format": "argmap", "version": 1, "statements": []}', limit=20)
    '{"format": "argma...'
    """
    text = str(path)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _umask() -> int:
    """The process umask, read without changing it where the system tells it (Linux)."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)  # elsewhere: read it by setting it for a moment
    os.umask(mask)
    return mask


def write_atomic(path: str | Path, data: str | bytes) -> Path:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a rename.

    A crash or error part-way never leaves a half-written ``path``, nor the temporary
    file; a temporary file left by a writer that was killed (``SIGKILL``) is named
    ``.<name>.argmap-tmp-<pid>-<random>.tmp`` and removed by the next save of the same
    ``path`` once that process is gone. Text is written as UTF-8. Missing parent
    folders are created. An existing file keeps its permissions (a new one gets the
    usual ``0o666 & ~umask``), and a symbolic link is followed: the file it points to
    is replaced, the link stays. Returns ``path`` as given.

    Raises
    ------
    WriteError
        The file cannot be written (no permission, a parent is a file, ``path`` is a
        folder, the disk is full, ...). The message names ``path`` as given and the
        reason, e.g. ``cannot write 'out/map.svg': Permission denied``; ``strerror``
        holds the reason alone. It is an ``OSError`` too.
    """
    given = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        _write(given, payload)
    except OSError as err:
        reason = _reason(given, err)
        error = WriteError(f"cannot write {shorten(given)!r}: {reason}")
        error.strerror = reason  # the reason alone, as OSError handlers print it
        error.errno, error.filename = err.errno, str(given)  # for handlers testing errno
        raise error from None
    return given


def _write(given: Path, payload: bytes) -> None:
    target = given.resolve() if given.is_symlink() else given
    if target.is_dir():
        raise IsADirectoryError(errno.EISDIR, "it is a folder", str(given))
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = stat.S_IMODE(target.stat().st_mode)  # keep an existing file's mode
    except FileNotFoundError:
        mode = 0o666 & ~_umask()  # what open() would give a new file
    _remove_stale(target)
    fd, tmp = tempfile.mkstemp(
        prefix=f".{target.name}.{_TMP_MARK}{os.getpid()}-", suffix=".tmp", dir=target.parent
    )
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fchmod(fh.fileno(), mode)
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_folder(target.parent)


_TMP_MARK = "argmap-tmp-"


def _remove_stale(target: Path) -> None:
    """Remove temporary files of ``target`` left by a writer that was killed (SIGKILL,
    power loss): ``.<name>.argmap-tmp-<pid>-<random>.tmp`` whose process is gone. One
    of a process still running (another save under way) is left alone."""
    prefix = f".{target.name}.{_TMP_MARK}"
    try:
        names = [n for n in os.listdir(target.parent) if n.startswith(prefix)]
    except OSError:
        return
    for name in names:
        pid_text = name[len(prefix) :].split("-", 1)[0]
        if not name.endswith(".tmp") or not pid_text.isdecimal():
            continue
        if _alive(int(pid_text)):
            continue
        with contextlib.suppress(OSError):
            (target.parent / name).unlink()


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True  # someone else's process, or cannot tell: keep its file
    return True


def _reason(given: Path, err: OSError) -> str:
    """Why writing ``given`` failed, in words naming no temporary file."""
    if isinstance(err, (FileExistsError, NotADirectoryError)):
        # mkdir (or open) met a file where the path needs a folder.
        for parent in given.parents:
            if parent.exists() and not parent.is_dir():
                return f"{shorten(parent)!r} is a file, not a folder"
    return err.strerror or str(err)


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable (POSIX); a no-op where folders cannot be opened."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
