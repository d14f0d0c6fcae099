"""ICCMA argumentation frameworks on the command line: reading them, and reading them
as maps for the commands that work on maps (render, check, convert, stats)."""

from __future__ import annotations

from argmap.analysis.framework import ArgumentationFramework
from argmap.cli.inputs import Source
from argmap.errors import FormatError
from argmap.formats import iccma
from argmap.map import ArgumentMap
from argmap.model import Inference, Statement, StatementKind

__all__ = ["framework_as_map", "read_framework"]


def read_framework(source: Source, fmt: str) -> ArgumentationFramework:
    """Read an ``af``/``apx``/``tgf`` input; raises :class:`InputError` on bad input."""
    data = source.read()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise source.fail(
            "invalid-encoding", f"not UTF-8 text: {err.reason} at byte {err.start}"
        ) from None
    try:
        return iccma.loads(text, fmt, source=source.label)  # type: ignore[arg-type]
    except FormatError as err:
        message = err.message
        for prefix in (f"{source.label}, ", f"{source.label}: "):
            message = message.removeprefix(prefix)
        raise source.fail("invalid-framework", message, err.ids) from None


def framework_as_map(af: ArgumentationFramework, source: Source) -> ArgumentMap:
    """The framework as a map: one statement per argument (text ``"Argument N"``; a
    counterpoint when it attacks something, else a claim) and one attack inference per
    attack. A self-attack cannot be a map's relation: that input fails, naming it."""
    m = ArgumentMap(metadata={"iccma": {"source": source.label}})
    attacking = {a for a, _ in af.attacks}
    for a, b in af.attacks:
        if a == b:
            raise source.fail(
                "self-attack",
                f"argument {a} attacks itself, which an argument map cannot hold; "
                "'argmap eval' reads this file as a framework",
                [a],
            )
    for a in af.arguments:
        kind: StatementKind = "counterpoint" if a in attacking else "claim"
        m.add_statement(Statement(id=a, kind=kind, text=f"Argument {a}"))
    m.add_inferences(
        Inference(id=f"{a}-attacks-{b}", relation="attack", premises=(a,), target=b)
        for a, b in af.attacks
    )
    return m
