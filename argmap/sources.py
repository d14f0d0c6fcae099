"""Source anchoring: find where quoted words are in a source text, and check quotes.

A :class:`~argmap.model.Quote` ties a statement to the exact words of a
:class:`~argmap.model.Source`: ``quote.text == source.text[quote.start:quote.end]``.
:func:`find_span` finds that span from the quoted words alone.

How a quote is found
--------------------
1. **Exactly.** The quote (with leading and trailing whitespace stripped) is looked
   for as it is. One occurrence is the span. Several occurrences are an
   :class:`AmbiguousQuoteError` unless ``occurrence`` (1 for the first, 2 for the
   second, ...) or ``start`` says which one is meant.
2. **After normalising.** Only when there is no exact occurrence, quote and source are
   both normalised (:func:`normalize`) and searched again, with the same rule for
   several occurrences. The span is mapped back to the *original* source text, so the
   stored quote is always the source's own words; the :class:`Match` lists what
   differed (``differences``) and :meth:`argmap.ArgumentMap.quote` reports it with a
   :class:`QuoteNormalizedWarning`.
3. Otherwise the quote is absent: a :class:`QuoteNotFoundError` that shows the longest
   part of the quote (of its first 1,000 characters) that *was* found, to help spot the
   typo.

Normalisation
-------------
:func:`normalize` changes only how text is typed, never which words it has; it does not
fold case, accents or spelling:

* **whitespace**: every run of whitespace (spaces, tabs, line breaks, no-break and thin
  spaces) becomes one space;
* **quotes and apostrophes**: the single quotation marks U+2018, U+2019 (the
  typographic apostrophe), U+201A and U+201B, the prime U+2032 and the full-width
  apostrophe U+FF07 become ``'``; the double quotation marks U+201C to U+201F, the
  double prime U+2033, the guillemets U+00AB and U+00BB and the full-width U+FF02
  become ``"``;
* **dashes**: hyphen, non-breaking hyphen, figure dash, en dash, em dash, horizontal
  bar, minus sign and full-width hyphen-minus become ``-``;
* **ellipsis**: ``…`` becomes ``...``;
* **invisible characters**: soft hyphens, zero-width spaces and joiners, word joiners
  and byte-order marks are removed.

Errors
------
Every error here is an :class:`~argmap.errors.ArgmapError` whose ``ids`` name the
statement, and whose message names it, the source and the quote.
"""

from __future__ import annotations

import difflib
import functools
from dataclasses import dataclass

from argmap.errors import (
    AmbiguousQuoteError,
    OptionError,
    QuoteError,
    QuoteMismatchError,
    QuoteNormalizedWarning,
    QuoteNotFoundError,
)
from argmap.model import Quote, Source

__all__ = [
    "AmbiguousQuoteError",
    "Match",
    "QuoteError",
    "QuoteMismatchError",
    "QuoteNormalizedWarning",
    "QuoteNotFoundError",
    "check_quote",
    "find_span",
    "normalize",
]


_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\uff07"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\uff02"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uff0d"
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"

_REPLACE: dict[str, str] = {
    **dict.fromkeys(_SINGLE_QUOTES, "'"),
    **dict.fromkeys(_DOUBLE_QUOTES, '"'),
    **dict.fromkeys(_DASHES, "-"),
    **dict.fromkeys(_INVISIBLE, ""),
    "\u2026": "...",
}

_CATEGORY: dict[str, str] = {
    **dict.fromkeys(_SINGLE_QUOTES + _DOUBLE_QUOTES + "'\"", "quotes and apostrophes"),
    **dict.fromkeys(_DASHES + "-", "dashes"),
    **dict.fromkeys(_INVISIBLE, "invisible characters"),
    "\u2026": "ellipsis",
    ".": "ellipsis",
}


@functools.lru_cache(maxsize=16)
def _normalized_with_offsets(text: str) -> tuple[str, tuple[int, ...], tuple[int, ...]]:
    """Normalised text, and for each of its characters the original start and end.

    Cached: quoting many statements from one source normalises the source once."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    in_space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if in_space:
                ends[-1] = i + 1
                continue
            in_space = True
            out.append(" ")
            starts.append(i)
            ends.append(i + 1)
            continue
        replacement = _REPLACE.get(ch, ch)
        if not replacement:
            continue
        in_space = False
        for r in replacement:
            out.append(r)
            starts.append(i)
            ends.append(i + 1)
    return "".join(out), tuple(starts), tuple(ends)


def normalize(text: str) -> str:
    """``text`` with whitespace, quotes, dashes and ellipses unified (see module docs).

    Examples
    --------
    >>> normalize("Russia\u2019s  edge \u2014 \u201cnow\u201d\u2026")
    'Russia\\'s edge - "now"...'
    >>> normalize("line\\n\\tbreak\u00ad")
    'line break'
    """
    return _normalized_with_offsets(text)[0]


@dataclass(frozen=True)
class Match:
    """Where a quote was found: ``text == source_text[start:end]``.

    Attributes
    ----------
    start, end : int
        The span in the source text (Python string offsets).
    text : str
        The source's own words at that span.
    normalized : bool
        True when only the normalised quote matched.
    differences : tuple of str
        What normalising had to reconcile, e.g. ``("quotes and apostrophes",)``.
    """

    start: int
    end: int
    text: str
    normalized: bool = False
    differences: tuple[str, ...] = ()


def _occurrences(haystack: str, needle: str) -> list[int]:
    found: list[int] = []
    i = haystack.find(needle)
    while i >= 0:
        found.append(i)
        i = haystack.find(needle, i + 1)
    return found


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= limit else text[: limit - 3] + "...")


def _differences(quote: str, found: str) -> tuple[str, ...]:
    kinds: set[str] = set()
    matcher = difflib.SequenceMatcher(None, quote, found, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        for ch in quote[i1:i2] + found[j1:j2]:
            kinds.add("whitespace" if ch.isspace() else _CATEGORY.get(ch, "other characters"))
    return tuple(sorted(kinds))


def _pick(
    starts: list[int],
    *,
    occurrence: int | None,
    start: int | None,
    offset_of: tuple[int, ...] | None,
    label: str,
    quote: str,
    source_id: str,
    ids: tuple[str, ...],
) -> int:
    """Choose one of several occurrences (indexes into the searched text)."""
    if start is not None:
        for s in starts:
            if (offset_of[s] if offset_of is not None else s) == start:
                return s
        return -1
    if occurrence is not None:
        if not 1 <= occurrence <= len(starts):
            raise AmbiguousQuoteError(
                f"{label}: occurrence={occurrence} asked for, but quote {_short(quote)} "
                f"occurs {len(starts)} time(s) in source {source_id!r}",
                ids=ids,
            )
        return starts[occurrence - 1]
    if len(starts) > 1:
        where = [offset_of[s] if offset_of is not None else s for s in starts]
        raise AmbiguousQuoteError(
            f"{label}: quote {_short(quote)} occurs {len(starts)} times in source "
            f"{source_id!r} (at offsets {', '.join(map(str, where))}); quote more words, "
            "or pass occurrence= (1 for the first) or start=",
            ids=ids,
        )
    return starts[0]


def find_span(
    source: Source | str,
    quote: str,
    *,
    occurrence: int | None = None,
    start: int | None = None,
    statement: str | None = None,
) -> Match:
    """Find the span of ``quote`` in ``source`` (see the module docs for the rules).

    Parameters
    ----------
    source : Source or str
        The source, or its bare text.
    quote : str
        The quoted words; surrounding whitespace is ignored.
    occurrence : int, optional
        Which occurrence is meant when the words occur more than once (1 = first).
    start : int, optional
        The offset at which the quote must start; a quote not found there is a
        :class:`QuoteMismatchError`.
    statement : str, optional
        Id of the statement the quote is for; named in error messages.

    Returns
    -------
    Match

    Raises
    ------
    QuoteNotFoundError, AmbiguousQuoteError, QuoteMismatchError

    Examples
    --------
    >>> text = "NATO has reversed Russia\u2019s edge. Russia won\u2019t back down."
    >>> find_span(text, "reversed Russia's edge")
    Match(start=9, end=31, text='reversed Russia’s edge', normalized=True, differences=('quotes and apostrophes',))
    >>> find_span(text, "Russia", occurrence=2).start
    33
    >>> find_span(text, "Russia", statement="p1")
    Traceback (most recent call last):
    ...
    argmap.errors.AmbiguousQuoteError: statement 'p1': quote 'Russia' occurs 2 times in source 'text' (at offsets 18, 33); quote more words, or pass occurrence= (1 for the first) or start=
    """  # noqa: E501
    text = source.text if isinstance(source, Source) else source
    source_id = source.id if isinstance(source, Source) else "text"
    label = f"statement {statement!r}" if statement is not None else "quote"
    ids = (statement,) if statement is not None else ()
    if occurrence is not None and start is not None:
        raise OptionError(
            f"{label}: pass occurrence= or start= to say which occurrence is meant, not both"
        )
    wanted = quote.strip()
    if not wanted:
        raise QuoteNotFoundError(f"{label}: the quote is empty", ids=ids)

    starts = _occurrences(text, wanted)
    if starts:
        s = _pick(
            starts,
            occurrence=occurrence,
            start=start,
            offset_of=None,
            label=label,
            quote=wanted,
            source_id=source_id,
            ids=ids,
        )
        if s >= 0:
            return Match(s, s + len(wanted), wanted)

    norm_text, offs_start, offs_end = _normalized_with_offsets(text)
    norm_quote = normalize(wanted)
    nstarts = _occurrences(norm_text, norm_quote) if norm_quote.strip() else []
    if nstarts:
        ns = _pick(
            nstarts,
            occurrence=occurrence,
            start=start,
            offset_of=offs_start,
            label=label,
            quote=wanted,
            source_id=source_id,
            ids=ids,
        )
        if ns >= 0:
            b, e = offs_start[ns], offs_end[ns + len(norm_quote) - 1]
            found = text[b:e]
            return Match(b, e, found, normalized=True, differences=_differences(wanted, found))

    if start is not None and (starts or nstarts):
        actual = text[start : start + len(wanted)]
        raise QuoteMismatchError(
            f"{label}: source {source_id!r} has {_short(actual)} at offset {start}, "
            f"not the quote {_short(wanted)}",
            ids=ids,
        )
    raise QuoteNotFoundError(
        f"{label}: quote {_short(wanted)} is not in source {source_id!r}"
        f"{_closest(norm_text, norm_quote)}",
        ids=ids,
    )


_CLOSEST_WINDOW = 1000
"""How many characters of a quote that is not found are searched for its longest part
found (the error message shows at most 60 characters of it anyway)."""


def _longest_part_found(norm_text: str, norm_quote: str) -> str:
    """The longest part of the first :data:`_CLOSEST_WINDOW` characters of ``norm_quote``
    that occurs in ``norm_text`` (the first such part when several are as long).

    At each start in the quote, one character longer than the best so far is tried: a
    part that is not in the text has no longer part around it that is. So there are at
    most twice as many substring searches (each linear in the text) as characters
    searched, instead of comparing every character of the quote with every character
    of the text.
    """
    quote = norm_quote[:_CLOSEST_WINDOW]
    best_start, best_size = 0, 0
    for i in range(len(quote)):
        while i + best_size < len(quote) and quote[i : i + best_size + 1] in norm_text:
            best_start, best_size = i, best_size + 1
    return quote[best_start : best_start + best_size]


def _closest(norm_text: str, norm_quote: str) -> str:
    found = _longest_part_found(norm_text, norm_quote)
    if len(found) < 4:
        return " (not even in part)"
    return f"; the longest part found is {_short(found)}"


def check_quote(source: Source, quote: Quote, *, statement: str | None = None) -> None:
    """Check that ``quote`` is ``source.text[start:end]`` exactly.

    Raises
    ------
    QuoteMismatchError
        The quote names another source, its span lies outside the text, or the text at
        the span is not the quoted text; the message names the statement.

    Examples
    --------
    >>> s = Source(id="a", text="Tax sugar. It saves lives.")
    >>> check_quote(s, Quote(source="a", start=11, end=25, text="It saves lives"))
    >>> check_quote(s, Quote(source="a", start=0, end=9, text="Tax honey"), statement="c")
    Traceback (most recent call last):
    ...
    argmap.errors.QuoteMismatchError: statement 'c': quote span 0:9 of source 'a' reads 'Tax sugar', not 'Tax honey'
    """  # noqa: E501
    label = f"statement {statement!r}" if statement is not None else "quote"
    ids = (statement,) if statement is not None else ()
    if quote.source != source.id:
        raise QuoteMismatchError(
            f"{label}: quote is from source {quote.source!r}, not {source.id!r}", ids=ids
        )
    if quote.end > len(source.text):
        raise QuoteMismatchError(
            f"{label}: quote span {quote.start}:{quote.end} lies outside source "
            f"{source.id!r}, which has {len(source.text)} characters",
            ids=ids,
        )
    actual = source.text[quote.start : quote.end]
    if actual != quote.text:
        raise QuoteMismatchError(
            f"{label}: quote span {quote.start}:{quote.end} of source {source.id!r} reads "
            f"{_short(actual)}, not {_short(quote.text)}",
            ids=ids,
        )
