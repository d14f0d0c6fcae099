"""Atomic writes: whole file or nothing, ordinary permissions."""

from __future__ import annotations

import errno
import os
import resource
import shutil
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import argmap as am
from argmap._io import write_atomic
from argmap.errors import WriteError

from conftest import ROOT


def test_new_file_gets_umask_permissions(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        path = write_atomic(tmp_path / "a" / "b.txt", "text")
    finally:
        os.umask(old)
    assert path.read_text(encoding="utf-8") == "text"
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_existing_file_keeps_its_mode(tmp_path: Path) -> None:
    path = tmp_path / "x.bin"
    path.write_bytes(b"old")
    path.chmod(0o600)
    write_atomic(path, b"new")
    assert path.read_bytes() == b"new"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_failure_leaves_old_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "x.txt"
    path.write_text("old", encoding="utf-8")

    def fail(src: str, dst: object) -> None:
        raise OSError("rename failed")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(WriteError, match=f"^cannot write '{path}': rename failed$"):
        write_atomic(path, "new")
    assert path.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.txt"]


def test_symlink_is_followed_not_replaced(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert write_atomic(link, "new") == link
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new"


# --------------------------------------------------------------- write failures
# Each failure is a WriteError (an ArgmapError and an OSError) naming the path asked
# for and the OS reason -- never the hidden temporary file -- and leaves no temp file.


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_parent_that_is_a_file_is_a_write_error_naming_it(tmp_path: Path) -> None:
    (tmp_path / "notes").write_text("x", encoding="utf-8")
    target = tmp_path / "notes" / "sub" / "map.json"
    with pytest.raises(WriteError) as info:
        write_atomic(target, "data")
    assert (
        str(info.value)
        == f"cannot write '{target}': '{tmp_path / 'notes'}' is a file, not a folder"
    )
    assert info.value.strerror == f"'{tmp_path / 'notes'}' is a file, not a folder"
    assert isinstance(info.value, OSError) and isinstance(info.value, am.ArgmapError)
    assert info.value.errno in (errno.ENOTDIR, errno.EEXIST)  # the OS's own code is kept
    assert info.value.filename == str(target)
    assert _files(tmp_path) == ["notes"]


def test_target_that_is_a_folder_is_a_write_error(tmp_path: Path) -> None:
    (tmp_path / "out.svg").mkdir()
    with pytest.raises(WriteError) as info:
        write_atomic(tmp_path / "out.svg", "data")
    assert str(info.value) == f"cannot write '{tmp_path / 'out.svg'}': it is a folder"
    assert info.value.__cause__ is None and info.value.__suppress_context__
    assert _files(tmp_path) == ["out.svg"] and _files(tmp_path / "out.svg") == []


# The child processes below import argmap from this checkout, whatever the cwd.
_CHILD = """
import sys
from argmap._io import write_atomic
from argmap.errors import WriteError
try:
    write_atomic(sys.argv[1], "x" * 100_000)
except WriteError as err:
    print(type(err).__name__, err.strerror, str(err), sep="|")
"""


def _run_child(argv: list[str], **options: object) -> str:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [*argv, sys.executable, "-c", _CHILD, *options.pop("args", [])],  # type: ignore[misc]
        capture_output=True,
        text=True,
        env=env,
        check=True,
        **options,  # type: ignore[arg-type]
    )
    return done.stdout.strip()


def test_no_permission_is_a_write_error_naming_the_path(tmp_path: Path) -> None:
    """A real EACCES from the OS. root ignores permission bits, so as root the child runs
    without the capabilities that let it (setpriv drops them)."""
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    prefix: list[str] = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: cannot be denied a write")
        prefix = [setpriv, "--bounding-set=-dac_override,-dac_read_search"]
    try:
        out = _run_child(prefix, args=[str(folder / "map.svg")])
    finally:
        folder.chmod(0o755)
    assert (
        out
        == f"WriteError|Permission denied|cannot write '{folder / 'map.svg'}': Permission denied"
    )
    assert _files(folder) == []


def test_write_failing_midway_leaves_no_temp_file(tmp_path: Path) -> None:
    """A file size limit makes the OS refuse the write part-way (EFBIG), as a full disk
    would (ENOSPC): the old file stays and the temporary file is removed."""
    target = tmp_path / "map.json"
    target.write_text("old", encoding="utf-8")

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (10_000, 10_000))

    out = _run_child([], args=[str(target)], preexec_fn=limit)
    assert out == f"WriteError|File too large|cannot write '{target}': File too large"
    assert target.read_text(encoding="utf-8") == "old"
    assert _files(tmp_path) == ["map.json"]


def test_save_render_and_html_report_raise_write_errors(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    m = am.ArgumentMap()
    m.premise("P", id="p", supports=m.claim("C", id="c"))
    reason = f"'{tmp_path / 'file'}' is a file, not a folder"
    writers = {
        "map.json": m.save,
        "map.svg": m.render,
        "map.dot": m.render,
        "report.html": m.to_html,
    }
    for name, write in writers.items():
        target = tmp_path / "file" / name
        with pytest.raises(WriteError) as info:
            write(target)
        assert str(info.value) == f"cannot write '{target}': {reason}"
    assert _files(tmp_path) == ["file"]


def test_a_write_error_is_what_oserror_handlers_print(tmp_path: Path) -> None:
    """Code written for OSError (like the CLI's ``err.strerror or err``) reads well."""
    (tmp_path / "dir.json").mkdir()
    try:
        write_atomic(tmp_path / "dir.json", "x")
    except OSError as err:
        assert f"cannot write 'dir.json': {err.strerror or err}" == (
            "cannot write 'dir.json': it is a folder"
        )
