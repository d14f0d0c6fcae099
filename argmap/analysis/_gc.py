"""Pausing the cyclic garbage collector around bulk work (private)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["gc_paused"]


@contextmanager
def gc_paused() -> Iterator[None]:
    """Run the block with Python's cyclic garbage collector paused.

    Every container allocated counts towards a collection, and the oldest generation's
    collections walk every object of the process (the map included): building the
    results of a 100,000-statement map triggered enough of them to double the time of
    :func:`argmap.analysis.whatif.evaluate`. What is built inside holds no reference
    cycles, so reference counting still frees it. The collector is switched back on,
    if it was on, however the block ends.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
