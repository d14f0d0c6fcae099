"""``--watch``: run a command again each time its input file changes.

File events come from watchdog (inotify on Linux, FSEvents on macOS, ReadDirectoryChangesW
on Windows), not from polling. The folder holding the file is watched, not the file, so
an editor that saves by writing a new file and renaming it over the old one (vim, most
IDEs) is seen too. Events that come together (one save is often several) give one run.
"""

from __future__ import annotations

import os
import queue
import signal
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

import click

__all__ = ["SETTLE", "watch_file"]

SETTLE = 0.15
"""Seconds of quiet after an event before running again: one save is often several
events (truncate, write, rename)."""


def _same(a: str | bytes, target: Path) -> bool:
    path = os.fsdecode(a)
    try:
        return Path(path).resolve() == target
    except OSError:
        return False


def watch_file(path: Path, run: Callable[[], object], *, quiet: bool = False) -> None:
    """Call ``run`` now and each time ``path`` changes, until Ctrl-C or SIGTERM (a clean
    stop). The watch starts before the first run, so no change is missed."""
    try:
        from watchdog.events import FileSystemEvent, FileSystemEventHandler
        from watchdog.observers import Observer
    except ImportError:  # pragma: no cover - watchdog is a dependency of the watch extra
        raise click.UsageError(
            "--watch needs the watchdog package: pip install 'argmap[watch]'"
        ) from None

    target = path.resolve()
    changed: queue.Queue[None] = queue.Queue()

    class Handler(FileSystemEventHandler):
        def on_any_event(self, event: FileSystemEvent) -> None:
            if event.is_directory or event.event_type in ("opened", "closed_no_write"):
                return
            paths = [event.src_path, getattr(event, "dest_path", "") or ""]
            if any(p and _same(p, target) for p in paths):
                changed.put(None)

    def stop(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    observer: Any = Observer()
    observer.schedule(Handler(), str(target.parent), recursive=False)
    observer.start()
    previous = signal.signal(signal.SIGTERM, stop)
    try:
        run()
        if not quiet:
            click.echo(f"watching {path} for changes (Ctrl-C to stop)", err=True)
        while True:
            try:
                changed.get(timeout=0.5)  # a timeout: signals are seen at once everywhere
            except queue.Empty:
                continue
            while True:  # let the burst of events of one save settle
                try:
                    changed.get(timeout=SETTLE)
                except queue.Empty:
                    break
            if target.exists():
                run()
    except KeyboardInterrupt:
        if not quiet:
            click.echo("stopped watching", err=True)
    finally:
        signal.signal(signal.SIGTERM, previous)
        observer.stop()
        observer.join(timeout=5)
