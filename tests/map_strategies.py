"""Hypothesis strategies for arbitrary valid argument maps, shared by the property tests.

:func:`maps` draws every part of argmap's model: statements of each kind with titles,
notes, tags and metadata; supports, attacks and undercuts with linked (several)
premises, undercuts of undercuts, rephrases; sources with their details and metadata,
and quotes of them (exact spans, some marked as paraphrases). Texts are any Unicode
text that is not blank (control characters, line breaks and NUL included), ids any
valid id.
"""

from __future__ import annotations

from hypothesis import strategies as st

import argmap as am
from argmap.model import Inference, Quote, Source, Statement, adapter

texts = st.text(min_size=1, max_size=40).filter(lambda s: s.strip())
maybe = st.none() | st.text(max_size=12)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)  # fmt: skip
# "style" in a statement's metadata is its drawing style, which must be a NodeStyle
# (ArgumentMap.add_statement checks it): not a key for arbitrary values.
metadata = st.dictionaries(
    st.text(max_size=6).filter(lambda key: key != "style"), json_values, max_size=2
)
ids = st.from_regex(r"[A-Za-z0-9_][A-Za-z0-9_.\-]{0,10}", fullmatch=True)


@st.composite
def sources(draw: st.DrawFn, sid: str) -> Source:
    return adapter(Source).validate_python({
        "id": sid, "text": draw(st.text(min_size=1, max_size=80).filter(lambda s: s.strip())),
        "title": draw(maybe), "author": draw(maybe), "date": draw(maybe), "url": draw(maybe),
        "note": draw(maybe), "metadata": draw(metadata),
    })  # fmt: skip


@st.composite
def quotes(draw: st.DrawFn, source: Source) -> Quote | None:
    """A quote of an exact span of ``source`` (None when the span drawn is blank)."""
    n = len(source.text)
    start = draw(st.integers(0, n - 1))
    end = draw(st.integers(start + 1, n))
    words = source.text[start:end]
    if not words.strip():
        return None
    return Quote(source=source.id, start=start, end=end, text=words, paraphrase=draw(st.booleans()))


@st.composite
def maps(draw: st.DrawFn, max_statements: int = 7) -> am.ArgumentMap:
    """An arbitrary valid map (see the module docs)."""
    m = am.ArgumentMap(draw(maybe), description=draw(maybe), metadata=draw(metadata))
    n = draw(st.integers(1, max_statements))
    n_sources = draw(st.integers(0, 2))
    names = draw(st.lists(ids, min_size=n + n_sources + 10, max_size=n + n_sources + 10,
                          unique=True))  # fmt: skip
    statement_ids, source_ids, inference_ids = (
        names[:n],
        names[n : n + n_sources],
        names[n + n_sources :],
    )
    srcs = [m.add_source(draw(sources(sid))) for sid in source_ids]
    for sid in statement_ids:
        quoted = []
        for src in srcs:
            q = draw(st.none() | quotes(src))
            if q is not None:
                quoted.append(q)
        m.add_statement(adapter(Statement).validate_python({
            "id": sid, "kind": draw(st.sampled_from(["claim", "premise", "counterpoint"])),
            "text": draw(texts), "title": draw(maybe), "note": draw(maybe),
            "tags": draw(st.lists(texts, max_size=3)), "metadata": draw(metadata),
            "quotes": quoted,
        }))  # fmt: skip
    made: list[str] = []
    for iid in inference_ids[: draw(st.integers(0, 10))]:
        relation = draw(st.sampled_from(["support", "attack", "undercut", "rephrase"]))
        if relation == "undercut" and not made:
            relation = "support"
        most = 1 if relation == "rephrase" else 3
        premises = draw(
            st.lists(st.sampled_from(statement_ids), min_size=1, max_size=most, unique=True)
        )
        if relation == "undercut":
            pool = [i for i in made if m.inference(i).relation != "rephrase"]
        else:
            pool = [s for s in statement_ids if s not in premises]
        if not pool:
            continue
        try:
            inf = m.add_inference(adapter(Inference).validate_python({
                "id": iid, "relation": relation, "premises": premises,
                "target": draw(st.sampled_from(pool)), "note": draw(maybe),
                "tags": draw(st.lists(texts, max_size=2)), "metadata": draw(metadata),
            }))  # fmt: skip
        except am.ArgmapError:
            continue  # a repeat of an earlier inference, or an undercut cycle
        made.append(inf.id)
    return m
