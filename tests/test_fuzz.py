"""Fuzzing every reader in the format registry with mutated real files.

For each format argmap reads (:func:`argmap.registry.formats`), the seeds are the files
under ``tests/data`` that the registry detects as that format (by suffix, then content),
so a format added to the registry is fuzzed as soon as it has a file in ``tests/data``
(one that has none is fuzzed from a small map written in it, when it can be written).
Each case mutates one seed, byte-wise (flip, insert, delete, repeat, cut) or by its
structure (JSON: drop, duplicate or retype a key's value, nest deeply, huge numbers; text:
delete, duplicate, swap or insert lines), and reads it with and without ``format=``.
Every case must end in a map or an ``ArgmapError`` / pydantic ``ValidationError``:
anything else is a bug.

The suite runs a short budget (``FUZZ_EXAMPLES`` hypothesis examples per reader). The long
budget is a plain seeded loop::

    .venv/bin/python tests/test_fuzz.py --cases 10000 --seed 1

which prints, per reader, the cases tried, every failure with its reproducer (written to
``fuzz-failures/``), and the slowest case.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import random
import sys
import time
import traceback
import warnings
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

import argmap as am
from argmap import registry
from argmap.errors import ArgmapError

DATA = Path(__file__).parent / "data"
MAX_SEED_BYTES = 256 * 1024
FUZZ_EXAMPLES = 100


# --- seeds ------------------------------------------------------------------------


def _readers() -> list[registry.FormatSpec]:
    return [spec for spec in registry.formats() if spec.reads]


_NOT_SEEDS = (".md", ".py", ".mjs", ".bin")


@cache
def seeds() -> dict[str, tuple[bytes, ...]]:
    """Seed files per reader name: the files of tests/data the registry detects as it
    (by suffix, then content; notes such as README.md and scripts are left out)."""
    found: dict[str, list[bytes]] = {spec.name: [] for spec in _readers()}
    for path in sorted(DATA.rglob("*")):
        if not path.is_file() or path.suffix in _NOT_SEEDS or path.name.isupper():
            continue
        data = path.read_bytes()
        if len(data) > MAX_SEED_BYTES:
            continue
        try:
            spec, _ = registry.detect(data.decode("utf-8-sig"), path.name)
        except (ArgmapError, UnicodeDecodeError):
            continue
        if spec.name in found:
            found[spec.name].append(data)
    for spec in _readers():
        if not found[spec.name] and spec.writes:
            found[spec.name].append(registry.dumps(_small_map(), spec.name).encode())
    return {name: tuple(files) for name, files in found.items() if files}


def _small_map() -> am.ArgumentMap:
    m = am.ArgumentMap("Small")
    c = m.claim("Tax sugar", id="c")
    p = m.premise("Sugar harms health", id="p", supports=c)
    m.counterpoint("Taxes hurt the poor", id="k", attacks=c)
    m.counterpoint("Only in excess", id="u", undercuts=m.reasons(c)[0])
    del p
    return m


# --- mutations ----------------------------------------------------------------------

_ODD_VALUES: tuple[object, ...] = (
    None,
    True,
    0,
    -1,
    1.5,
    "",
    "x",
    [],
    {},
    [None],
    {"": None},
    "\x00",
    "\ud7ff\ufffe",
    "]",
    "\\N",
    10**30,
)


_BYTES = (b"{", b"[", b'"', b"\\", b"\xef\xbb\xbf", b"\n", b"\xff", b"9" * 40)


def _bytes_mutation(data: bytes, rng: random.Random) -> bytes:
    b = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        what = rng.randrange(6)
        at = rng.randrange(len(b) + 1)
        if what == 0 and b and at < len(b):
            b[at] ^= 1 << rng.randrange(8)
        elif what == 1:
            b[at:at] = bytes([rng.randrange(256)])
        elif what == 2 and b:
            del b[at : at + rng.randint(1, 16)]
        elif what == 3:
            piece = b[at : at + rng.randint(1, 64)]
            b[at:at] = piece * rng.randint(1, 4)
        elif what == 4:
            del b[at:]
        else:
            b[at:at] = rng.choice(
                [b"{", b"[", b'"', b"\\", b"\xef\xbb\xbf", b"\n", b"\xff", b"9" * 40]
            )
    return bytes(b)


def _walk(value: object, rng: random.Random) -> object:
    """Mutate one place of a parsed JSON value (a key or an item)."""
    if isinstance(value, dict) and value:
        key = rng.choice(list(value))
        what = rng.randrange(5)
        if what == 0:
            return {k: v for k, v in value.items() if k != key}
        if what == 1:
            return {**value, key: rng.choice(_ODD_VALUES)}
        if what == 2:
            return {**value, key + rng.choice(["", "x", "_"]) or "k": value[key]}
        return {**value, key: _walk(value[key], rng)}
    if isinstance(value, list) and value:
        at = rng.randrange(len(value))
        what = rng.randrange(4)
        if what == 0:
            return value[:at] + value[at + 1 :]
        if what == 1:
            return [*value[: at + 1], value[at], *value[at + 1 :]]
        if what == 2:
            return [*value[:at], rng.choice(_ODD_VALUES), *value[at + 1 :]]
        return [*value[:at], _walk(value[at], rng), *value[at + 1 :]]
    return rng.choice(_ODD_VALUES)


def _json_mutation(text: str, rng: random.Random) -> str:
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        return text
    for _ in range(rng.randint(1, 3)):
        value = _walk(value, rng)
    out = json.dumps(value, ensure_ascii=rng.random() < 0.5)
    what = rng.randrange(6)
    if what == 0 and out.startswith("{") and len(out) > 2:  # a key given twice
        first = out[1:].split(",", 1)[0].strip("}")
        out = "{" + first + "," + out[1:] if ":" in first else out
    elif what == 1:
        out = "[" * 1000 + out + "]" * 1000
    elif what == 2 and out.startswith("{"):
        out = '{"deep": ' + "[" * 1200 + "]" * 1200 + ", " + out[1:]
    return out


def _text_mutation(text: str, rng: random.Random) -> str:
    lines = text.splitlines()
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(lines) + 1)
        what = rng.randrange(5)
        if what == 0 and lines and at < len(lines):
            del lines[at]
        elif what == 1 and lines and at < len(lines):
            lines[at:at] = [lines[at]] * rng.randint(1, 3)
        elif what == 2 and len(lines) > 1:
            j = rng.randrange(len(lines))
            at = min(at, len(lines) - 1)
            lines[at], lines[j] = lines[j], lines[at]
        elif what == 3:
            lines.insert(
                at,
                rng.choice(
                    [
                        "p af ²",
                        "p af " + "9" * 5000,
                        "p af 10000000",
                        "1 " + "9" * 30,
                        "arg(a).",
                        "att(a,b).",
                        "#",
                        "]",
                        "\x00",
                        "\ufeff",
                        "a b c d",
                    ]
                ),
            )
        elif lines and at < len(lines):
            lines[at] = lines[at] + rng.choice([" ", "\t", "(", ")", ".", ",", " 1"])
    return "\n".join(lines) + rng.choice(["", "\n", "\r\n"])


def mutate(data: bytes, rng: random.Random) -> bytes:
    """One fuzz case from a seed: a byte mutation, or a structure mutation of its text."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return _bytes_mutation(data, rng)
    what = rng.randrange(3)
    if what == 0:
        return _bytes_mutation(data, rng)
    if what == 1 and text.lstrip()[:1] in ("{", "["):
        return _json_mutation(text, rng).encode("utf-8", "surrogatepass")
    return _text_mutation(text, rng).encode("utf-8", "surrogatepass")


# --- the property -----------------------------------------------------------------


def read_case(format: str, data: bytes) -> None:
    """Read ``data`` as ``format`` and by detection; only a map or an argmap /
    validation error may come out (anything else propagates)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for fmt in (format, None):
            with contextlib.suppress(ArgmapError, ValidationError):
                registry.loads(data, format=fmt)


READERS = sorted(seeds())


@pytest.mark.parametrize("format", READERS)
@settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(seed=st.integers(0, 2**32 - 1), pick=st.integers(0, 10**6))
def test_mutated_files_end_in_a_map_or_an_argmap_error(format: str, seed: int, pick: int) -> None:
    files = seeds()[format]
    read_case(format, mutate(files[pick % len(files)], random.Random(seed)))


def test_every_reader_has_seeds() -> None:
    readers = {spec.name for spec in _readers()}
    assert set(READERS) == readers, f"no seed file in tests/data for {readers - set(READERS)}"


# --- the long budget ----------------------------------------------------------------


def long_run(cases: int, seed: int, out: Path, say: Callable[[str], None] = print) -> int:
    """``cases`` cases per reader, seeded; returns the number of failures. Each distinct
    failure (reader, exception, message) is printed once, with how often it came and
    the smallest input that gave it (written to ``out``)."""
    failures = 0
    for format, files in sorted(seeds().items()):
        rng = random.Random(f"{seed}:{format}")
        slowest = (0.0, b"")
        found: dict[str, list[bytes]] = {}
        started = time.perf_counter()
        for _ in range(cases):
            data = mutate(rng.choice(files), rng)
            t0 = time.perf_counter()
            try:
                read_case(format, data)
            except Exception as err:  # a bug: keep the reproducer
                last = traceback.format_exception_only(err)[-1].strip()[:300]
                found.setdefault(last, []).append(data)
            spent = time.perf_counter() - t0
            if spent > slowest[0]:
                slowest = (spent, data)
        total = time.perf_counter() - started
        mine = sum(len(v) for v in found.values())
        for n, (last, inputs) in enumerate(sorted(found.items()), 1):
            out.mkdir(parents=True, exist_ok=True)
            path = out / f"{format}-{n}.bin"
            path.write_bytes(min(inputs, key=len))
            say(f"FAIL {format} ({len(inputs)} cases): {last}")
            say(f"  reproduce: argmap.loads(open({str(path)!r}, 'rb').read(), {format!r})")
        say(
            f"{format}: {cases} cases, {mine} failures, {total:.1f} s, slowest case "
            f"{slowest[0] * 1000:.1f} ms ({len(slowest[1])} bytes)"
        )
        failures += mine
    return failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Fuzz every argmap reader (long budget).")
    parser.add_argument("--cases", type=int, default=10_000, help="cases per reader")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=Path("fuzz-failures"))
    args = parser.parse_args(argv)
    failures = long_run(args.cases, args.seed, args.out)
    print(f"{failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
