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

from argmap.errors import ArgumentTypeError
from argmap.model import Source

if TYPE_CHECKING:
    from argmap.map import ArgumentMap

__all__ = [
    "ABBREVIATIONS",
    "Coverage",
    "SentenceCoverage",
    "coverage",
    "quoted_spans",
    "split_sentences",
]

ABBREVIATIONS = frozenset(
    {
        "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "col", "lt", "sgt", "gov",
        "sen", "rep", "pres", "vs", "etc", "e.g", "i.e", "cf", "vol", "fig", "approx",
        "u.s", "u.k", "u.n", "e.u",
    }
)  # fmt: skip
"""Lower-case words (without the final full stop) after which a full stop does not end
a sentence."""

# A run of sentence punctuation is only tried from its first character (the lookbehind):
# a later start could end nowhere the first one could not, and trying every one of them
# made a long run of dots quadratic.
_END = re.compile(r"""(?<![.!?\u2026])[.!?\u2026]+["'\u2019\u201d)\]]*(?=\s|$)""")
_CLOSED = re.compile(r"""[.!?\u2026]["'\u2019\u201d)\]]*$""")
_NEXT_CHAR = re.compile(r"\s*(\S)")
_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.")
_LONGEST_WORD = max(len(a) for a in ABBREVIATIONS)


def _initial_or_abbreviation(paragraph: str, dot: int) -> bool:
    """Is the word right before the full stop ``paragraph[dot]`` a single capital letter
    or one of :data:`ABBREVIATIONS`? The word is the run of ASCII letters and full stops
    that ends there, from its first letter on.

    Only a word of at most :data:`_LONGEST_WORD` characters can be one, so the scan looks
    back that far, and further only over full stops (a letter before them makes the word
    too long). The characters it reads belong to no other sentence end's word, so
    splitting a paragraph stays linear.
    """
    lo = max(dot - _LONGEST_WORD - 1, 0)
    i = dot
    while i > lo and paragraph[i - 1] in _WORD_CHARS:
        i -= 1
    if i == lo:  # the run may go on: only full stops may come before it, then no letter
        while i > 0 and paragraph[i - 1] == ".":
            i -= 1
        if i > 0 and paragraph[i - 1] in _WORD_CHARS:
            return False
    w = paragraph[i:dot].lstrip(".")
    return (len(w) == 1 and w.isupper()) or w.lower() in ABBREVIATIONS


def _is_break(paragraph: str, end: int, dot: int) -> bool:
    """Does the sentence punctuation at ``paragraph[dot:end]`` end a sentence?"""
    # Anchored matches and a bounded look back: copying or searching the rest of the
    # paragraph at every full stop made long paragraphs quadratic.
    after = _NEXT_CHAR.match(paragraph, end)
    if after is not None and after.group(1).islower():
        return False
    return not (
        paragraph[dot] == "."
        and paragraph[dot : dot + 2] != ".."
        and _initial_or_abbreviation(paragraph, dot)
    )


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


def quoted_spans(m: ArgumentMap, source: str) -> list[tuple[int, int, str]]:
    """The spans ``(start, end, statement id)`` of the quotes of source ``source`` (an id),
    in map order: statement by statement, each statement's quotes in order.

    Examples
    --------
    >>> import argmap as am
    >>> m = am.ArgumentMap()
    >>> _ = m.add_source("Sugar harms. Tax it now!", id="a")
    >>> _ = m.quote(m.claim("Tax it now", id="c"))
    >>> _ = m.quote(m.premise("Sugar harms", id="p", supports="c"))
    >>> quoted_spans(m, "a")
    [(13, 23, 'c'), (0, 11, 'p')]
    """
    return [(q.start, q.end, st.id) for st in m.statements for q in st.quotes if q.source == source]


def _exclusions(exclude: Iterable[int | str]) -> tuple[set[int], list[str]]:
    """Sentence numbers and phrases of ``exclude``, read once (it may be a generator)."""
    if isinstance(exclude, (str, bytes)):
        raise ArgumentTypeError(
            f"exclude must be a collection of sentence numbers and phrases, not the "
            f"{type(exclude).__name__} {exclude!r}; write exclude=[{exclude!r}]"
        )
    numbers: set[int] = set()
    phrases: list[str] = []
    for x in exclude:
        if isinstance(x, bool) or not isinstance(x, (int, str)):
            raise ArgumentTypeError(
                f"exclude holds {x!r} ({type(x).__name__}); give sentence numbers "
                "(1 for the first) or phrases the sentences contain"
            )
        if isinstance(x, int):
            numbers.add(x)
        else:
            phrases.append(x)
    return numbers, phrases


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
        they contain. Read once, so a generator will do.

    Returns
    -------
    Coverage

    Raises
    ------
    TypeError
        ``exclude`` is a string, or holds something that is neither an int nor a str
        (a bool is refused: ``True`` is not sentence 1).

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
    numbers, phrases = _exclusions(exclude)
    text = src.text
    nonspace = [0]
    for ch in text:
        nonspace.append(nonspace[-1] + (not ch.isspace()))

    def count(s: int, e: int) -> int:
        return nonspace[e] - nonspace[s] if e > s else 0

    quoted = quoted_spans(m, src.id)
    merged = _merge((s, e) for s, e, _ in quoted)
    merged_starts = [s for s, _ in merged]
    # Quotes by start, swept once along the (ordered, disjoint) sentences: ``active``
    # holds the quotes that start before the sentence ends and did not end before it.
    by_start = sorted(range(len(quoted)), key=lambda k: quoted[k][0])
    next_quote = 0
    active: list[int] = []

    sentences: list[SentenceCoverage] = []
    for number, (start, end) in enumerate(split_sentences(text), start=1):
        words = text[start:end]
        covered = 0
        i = max(bisect.bisect_right(merged_starts, start) - 1, 0)
        while i < len(merged) and merged[i][0] < end:
            covered += count(max(start, merged[i][0]), min(end, merged[i][1]))
            i += 1
        while next_quote < len(by_start) and quoted[by_start[next_quote]][0] < end:
            active.append(by_start[next_quote])
            next_quote += 1
        active = [k for k in active if quoted[k][1] > start]
        ids = tuple(
            dict.fromkeys(
                quoted[k][2]
                for k in sorted(active)
                if count(max(start, quoted[k][0]), min(end, quoted[k][1])) > 0
            )
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
