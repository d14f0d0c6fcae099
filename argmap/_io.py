"""Atomic file writing: a file is either fully written or left as it was."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from pydantic import ValidationError

from argmap.errors import ArgmapError, FormatError, describe_validation_error

__all__ = ["load_file", "write_atomic"]

_T = TypeVar("_T")


def load_file(path: str | Path, parse: Callable[[bytes], _T], what: str) -> _T:
    """Read ``path`` and ``parse`` its bytes; every failure is one :class:`FormatError`
    line naming the file: unreadable, not a valid ``what`` file (with each problem's
    location), or not a valid map."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as err:
        raise FormatError(f"{p}: cannot read: {err.strerror or err}") from None
    try:
        return parse(data)
    except ValidationError as err:
        detail = describe_validation_error(err, indent="", sep="; ")
        raise FormatError(f"{p}: not a valid {what} file: {detail}") from None
    except ArgmapError as err:
        raise FormatError(f"{p}: {err.message}", ids=err.ids) from None


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

    A crash or error part-way never leaves a half-written ``path``. Text is written as
    UTF-8. Missing parent folders are created. An existing file keeps its permissions
    (a new one gets the usual ``0o666 & ~umask``), and a symbolic link is followed: the
    file it points to is replaced, the link stays. Returns ``path`` as given.
    """
    given = Path(path)
    target = given.resolve() if given.is_symlink() else given
    target.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        mode = stat.S_IMODE(target.stat().st_mode)  # keep an existing file's mode
    except FileNotFoundError:
        mode = 0o666 & ~_umask()  # what open() would give a new file
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
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
    return given


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable (POSIX); a no-op where folders cannot be opened."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
