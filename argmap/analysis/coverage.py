"""How much of a source a map covers: which sentences its quotes touch, and which not.

Sentences
---------
The source text is split into *paragraphs* at line breaks, and each paragraph into
*sentences*: a sentence ends after ``.``, ``!``, ``?`` or ``…`` (and any closing
quotes or brackets right after it) when whitespace follows and the next word does not
start with a lower-case letter. A full stop does not end a sentence after a single
capital letter (an initial, as in "Mark J. Rutte") or after one of the abbreviations
in :data:`ABBREVIATIONS`. A paragraph's last sentence ends with the paragraph, with
or without punctuation. A sentence's span leaves out the whitespace around it.

Argumentative text
------------------
A sentence is *argumentative* unless

* it does not end in sentence punctuation (``.``, ``!``, ``?``, ``…``, optionally
  followed by closing quotes or brackets): such a line is a heading, byline, caption
  or link text ("Read the original article here"), not a step of an argument; or
* it is listed in ``exclude``, by number or by words it contains.

Covered text
------------
Characters count without whitespace. A character is *covered* when it lies in the
span of a quote (of this source) of some statement of the map. A sentence is *mapped*
when at least one of its characters is covered, and *not mapped* otherwise. The
*share of argumentative text covered* is the number of covered characters in
argumentative sentences divided by the number of characters in argumentative
sentences.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from argmap.model import Source

if TYPE_CHECKING:
    from argmap.map import ArgumentMap

__all__ = ["ABBREVIATIONS", "Coverage", "SentenceCoverage", "coverage", "split_sentences"]

ABBREVIATIONS = frozenset(
    {
        "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "col", "lt", "sgt", "gov",
        "sen", "rep", "pres", "vs", "etc", "e.g", "i.e", "cf", "vol", "fig", "approx",
        "u.s", "u.k", "u.n", "e.u",
    }
)  # fmt: skip
"""Lower-case words (without the final full stop) after which a full stop does not end
a sentence."""

_END = re.compile(r"""[.!?\u2026]+["'\u2019\u201d)\]]*(?=\s|$)""")
_CLOSED = re.compile(r"""[.!?\u2026]["'\u2019\u201d)\]]*$""")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


def _is_break(paragraph: str, end: int, dot: int) -> bool:
    """Does the sentence punctuation at ``paragraph[dot:end]`` end a sentence?"""
    rest = paragraph[end:].lstrip()
    if rest and rest[0].islower():
        return False
    if paragraph[dot] == "." and paragraph[dot : dot + 2] != "..":
        word = _WORD_BEFORE.search(paragraph[:dot])
        if word is not None:
            w = word.group(1)
            if (len(w) == 1 and w.isupper()) or w.lower() in ABBREVIATIONS:
                return False
    return True


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Spans ``(start, end)`` of the sentences of ``text`` (see the module docs).

    Examples
    --------
    >>> text = "Mr. Rutte spoke. Output rose, e.g. shells!\\nRead more here"
    >>> [text[s:e] for s, e in split_sentences(text)]
    ['Mr. Rutte spoke.', 'Output rose, e.g. shells!', 'Read more here']
    """
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        start = 0
        for m in _END.finditer(line):
            if _is_break(line, m.end(), m.start()):
                _add_span(spans, line, offset, start, m.end())
                start = m.end()
        _add_span(spans, line, offset, start, len(line))
        offset += len(line)
    return spans


def _add_span(spans: list[tuple[int, int]], line: str, offset: int, start: int, end: int) -> None:
    piece = line[start:end]
    stripped = piece.strip()
    if stripped:
        lead = len(piece) - len(piece.lstrip())
        s = offset + start + lead
        spans.append((s, s + len(stripped)))


class SentenceCoverage(BaseModel):
    """One sentence of the source and how much of it the map quotes."""

    model_config = ConfigDict(frozen=True)

    number: int = Field(description="1 for the first sentence of the source.")
    start: int = Field(description="Offset of the sentence in the source text.")
    end: int = Field(description="Offset just past the sentence.")
    text: str
    argumentative: bool = Field(description="See the module docs for the definition.")
    characters: int = Field(description="Characters in the sentence, whitespace excluded.")
    covered: int = Field(description="Of those, how many some statement's quote covers.")
    statements: tuple[str, ...] = Field(description="Ids of the statements that quote it.")

    @property
    def mapped(self) -> bool:
        """True when some statement quotes part of this sentence."""
        return self.covered > 0


class Coverage(BaseModel):
    """The coverage of one source by a map; see :func:`coverage`.

    ``str(result)`` (and :meth:`table`) is a small plain-text table.
    """

    model_config = ConfigDict(frozen=True)

    source: str = Field(description="Id of the source.")
    sentences: tuple[SentenceCoverage, ...]

    @property
    def mapped(self) -> list[SentenceCoverage]:
        """Sentences some statement quotes (argumentative or not)."""
        return [s for s in self.sentences if s.mapped]

    @property
    def unmapped(self) -> list[SentenceCoverage]:
        """Argumentative sentences no statement quotes."""
        return [s for s in self.sentences if s.argumentative and not s.mapped]

    @property
    def skipped(self) -> list[SentenceCoverage]:
        """Sentences that are neither argumentative nor quoted."""
        return [s for s in self.sentences if not s.argumentative and not s.mapped]

    @property
    def argumentative_characters(self) -> int:
        """Characters (whitespace excluded) in argumentative sentences."""
        return sum(s.characters for s in self.sentences if s.argumentative)

    @property
    def covered_characters(self) -> int:
        """Covered characters in argumentative sentences."""
        return sum(s.covered for s in self.sentences if s.argumentative)

    @property
    def share(self) -> float:
        """Share of argumentative text covered, from 0.0 to 1.0 (0.0 when there is none)."""
        total = self.argumentative_characters
        return self.covered_characters / total if total else 0.0

    def table(self, *, width: int = 72) -> str:
        """A small plain-text table: counts, the share covered, and the unmapped sentences."""
        rows = [
            ("sentences", str(len(self.sentences))),
            ("mapped", str(len(self.mapped))),
            ("not mapped", str(len(self.unmapped))),
            ("skipped (not argumentative)", str(len(self.skipped))),
            (
                "argumentative text covered",
                f"{self.share:.1%} ({self.covered_characters:,} of "
                f"{self.argumentative_characters:,} characters)",
            ),
        ]
        key_width = max(len(k) for k, _ in rows)
        lines = [f"coverage of source {self.source!r}"]
        lines += [f"  {k:<{key_width}}  {v}" for k, v in rows]
        if self.unmapped:
            lines.append("not mapped:")
            for s in self.unmapped:
                text = " ".join(s.text.split())
                room = max(width - 8, 10)
                if len(text) > room:
                    text = text[: room - 3] + "..."
                lines.append(f"  {s.number:>4}  {text}")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.table()


def _merge(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def coverage(
    m: ArgumentMap,
    source: Source | str | None = None,
    *,
    exclude: Iterable[int | str] = (),
) -> Coverage:
    """Which sentences of ``source`` the map's quotes cover (see the module docs).

    Parameters
    ----------
    m : ArgumentMap
        The map; it is read, never changed.
    source : Source or str, optional
        The source or its id; by default the map's only source.
    exclude : iterable of int or str
        Sentences to count as not argumentative: by number (1 = first) or by words
        they contain.

    Returns
    -------
    Coverage

    Examples
    --------
    >>> import argmap as am
    >>> m = am.ArgumentMap()
    >>> _ = m.add_source("Sugar harms. Tax it now! Read more", id="a")
    >>> q = m.quote(m.claim("Tax it now", id="c"))
    >>> result = m.coverage()
    >>> [(s.number, s.argumentative, s.covered, s.characters) for s in result.sentences]
    [(1, True, 0, 11), (2, True, 8, 9), (3, False, 0, 8)]
    >>> round(result.share, 4)  # 8 of 20 characters
    0.4
    >>> print(result)
    coverage of source 'a'
      sentences                    3
      mapped                       1
      not mapped                   1
      skipped (not argumentative)  1
      argumentative text covered   40.0% (8 of 20 characters)
    not mapped:
         1  Sugar harms.
    """
    src = source if isinstance(source, Source) else m.source(source)
    text = src.text
    nonspace = [0]
    for ch in text:
        nonspace.append(nonspace[-1] + (not ch.isspace()))

    def count(s: int, e: int) -> int:
        return nonspace[e] - nonspace[s] if e > s else 0

    quoted: list[tuple[int, int, str]] = [
        (q.start, q.end, st.id) for st in m.statements for q in st.quotes if q.source == src.id
    ]
    merged = _merge((s, e) for s, e, _ in quoted)
    merged_starts = [s for s, _ in merged]

    numbers = {x for x in exclude if isinstance(x, int)}
    phrases = [x for x in exclude if isinstance(x, str)]
    sentences: list[SentenceCoverage] = []
    for number, (start, end) in enumerate(split_sentences(text), start=1):
        words = text[start:end]
        covered = 0
        i = max(bisect.bisect_right(merged_starts, start) - 1, 0)
        while i < len(merged) and merged[i][0] < end:
            covered += count(max(start, merged[i][0]), min(end, merged[i][1]))
            i += 1
        ids = tuple(
            dict.fromkeys(sid for s, e, sid in quoted if count(max(start, s), min(end, e)) > 0)
        )
        argumentative = (
            _CLOSED.search(words) is not None
            and number not in numbers
            and not any(p in words for p in phrases)
        )
        sentences.append(
            SentenceCoverage(
                number=number,
                start=start,
                end=end,
                text=words,
                argumentative=argumentative,
                characters=count(start, end),
                covered=covered,
                statements=ids,
            )
        )
    return Coverage(source=src.id, sentences=tuple(sentences))
