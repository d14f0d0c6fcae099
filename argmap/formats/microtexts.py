"""Argumentative microtexts: the ``<arggraph>`` XML of the arg-microtexts corpus.

The corpus of Peldszus & Stede (2015) annotates short argumentative texts with the
scheme of Peldszus & Stede (2013); its DTD (``arggraph.dtd``) defines one root
element ``<arggraph id=... topic_id=... stance=...>`` holding, in this order:

* ``<edu id="e1">text</edu>``: the elementary discourse units, the text itself;
* ``<joint id="j1"/>``: optional joints, two or more EDUs that count only together;
* ``<adu id="a1" type="pro|opp"/>``: the argumentative discourse units, with their
  dialectical role (proponent or opponent);
* ``<edge id="c1" src=... trg=... type=.../>``: typed edges.

argmap reads it as follows:

* each **ADU** becomes a :class:`~argmap.model.Statement` whose text is the text of
  its EDUs (``seg`` edges EDU -> ADU, or EDU -> joint -> ADU), joined with a space in
  document order. The corpus has no statement kinds, so the kind comes from the
  structure: the central claim (the ADU with no outgoing edge) is a ``claim``, a premise
  of some support a ``premise``, one that only attacks or undercuts a ``counterpoint``;
* each ``sup`` (support) and ``exa`` (support by example) edge becomes a ``support``
  inference and each ``reb`` (rebutting attack) edge an ``attack``, with the edge's id;
* each ``und`` (undercutting attack) edge becomes an ``undercut`` of the inference of
  the edge it points at, which may be a ``sup``, ``exa`` or ``reb`` edge or another
  ``und`` edge (an undercut of an undercut);
* each ``add`` (additional source) edge makes its ADU a further premise of the
  inference of the edge it points at: the premises are then *linked*. An ``add`` edge
  is not an inference of its own, so an ``und`` or ``add`` edge pointing at an ``add``
  edge is refused (the corpus's own reader, Peldszus's ``evidencegraph``, refuses it
  too: both must point at an ADU-to-ADU relation).

What argmap has no field for is kept under ``metadata["microtexts"]``: the graph's
``id``, ``topic_id`` and ``stance`` (and EDUs no ADU uses, as ``unused_edus``) on the
map; an ADU's ``type`` (``pro``/``opp``), its ``edus`` (and ``joints``) on its
statement; an edge's ``type`` (``sup``, ``exa``, ``reb``, ``und``) and its ``add``
edges on its inference. Any other attribute is kept there too, and so is an
original id that had to be cleaned (see :func:`argmap.formats._shared.make_ids`).

The XML is parsed with the standard library's expat, with entity declarations and
internal DTD subsets refused (so no entity expansion, local or external, can happen); a
``<!DOCTYPE arggraph SYSTEM "arggraph.dtd">`` line alone is allowed and never fetched.
Everything else that does not fit the DTD is a :class:`~argmap.errors.FormatError`
naming the element, its id and its line. argmap reads this format; it does not write it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn
from xml.parsers import expat

from pydantic import JsonValue, ValidationError

from argmap._bulk import gc_paused
from argmap._io import load_file
from argmap.errors import ArgmapError, FormatError, describe_validation_error, with_article
from argmap.formats._shared import kind_from_roles, make_ids
from argmap.formats._spec import Content, FormatSpec
from argmap.map import ArgumentMap
from argmap.model import Inference, Relation, Statement, adapter

__all__ = ["FORMAT", "load", "loads", "sniff"]

_KEY = "microtexts"
_RELATION: dict[str, Relation] = {
    "sup": "support",
    "exa": "support",
    "reb": "attack",
    "und": "undercut",
}
_EDGE_TYPES = ("seg", "sup", "exa", "add", "reb", "und")
_ADU_TYPES = ("pro", "opp")
_TAGS = ("edu", "joint", "adu", "edge")
_ROOT = re.compile(
    r"\A\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*|<!DOCTYPE[^>\[]*>\s*)*<arggraph[\s/>]",
    re.DOTALL,
)


@dataclass
class _Element:
    """One child element of ``<arggraph>`` as read: tag, attributes, where, text."""

    tag: str
    attrs: dict[str, str]
    line: int
    index: int
    text: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.attrs.get("id", "")

    def describe(self) -> str:
        """``<edge id="c3"> (line 12)``: how messages name the element."""
        ident = f' id="{self.id}"' if "id" in self.attrs else ""
        return f"<{self.tag}{ident}> (line {self.line})"

    def fail(self, problem: str) -> NoReturn:
        raise FormatError(f"{self.describe()}: {problem}", ids=[self.id] if self.id else [])


class _Parser:
    """An expat pass that collects ``<arggraph>`` and its child elements."""

    def __init__(self, from_str: bool) -> None:
        # For text (str), the characters are already decoded: the document's own
        # encoding declaration must not be applied to their UTF-8 bytes again.
        self.expat = expat.ParserCreate(encoding="UTF-8" if from_str else None)
        self.expat.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        self.expat.StartElementHandler = self._start
        self.expat.EndElementHandler = self._end
        self.expat.CharacterDataHandler = self._chars
        self.expat.StartDoctypeDeclHandler = self._doctype
        self.expat.EntityDeclHandler = self._entity
        self.expat.UnparsedEntityDeclHandler = self._entity
        self.expat.ExternalEntityRefHandler = self._external
        self.expat.SkippedEntityHandler = self._skipped
        self.root: dict[str, str] | None = None
        self.children: list[_Element] = []
        self.depth = 0

    def _line(self) -> int:
        return int(self.expat.CurrentLineNumber)

    def _start(self, name: str, attrs: dict[str, str]) -> None:
        if self.depth == 0:
            if name != "arggraph":
                raise FormatError(
                    f"line {self._line()}: the root element is <{name}>, not <arggraph>: "
                    "not an argumentative microtexts file"
                )
            self.root = dict(attrs)
        elif self.depth == 1:
            self.children.append(_Element(name, dict(attrs), self._line(), len(self.children)))
        else:
            self.children[-1].fail(
                f"holds an element <{name}> (line {self._line()}); arggraph elements hold "
                "no other elements"
            )
        self.depth += 1

    def _end(self, name: str) -> None:
        self.depth -= 1

    def _chars(self, data: str) -> None:
        if self.depth == 2 and self.children[-1].tag == "edu":
            self.children[-1].text.append(data)
        elif data.strip():
            where = self.children[-1].describe() if self.depth == 2 else "<arggraph>"
            raise FormatError(
                f"line {self._line()}: text {_short(data)!r} in {where}; only <edu> "
                "elements hold text"
            )

    def _doctype(self, name: str, sysid: Any, pubid: Any, has_internal_subset: int) -> None:
        if has_internal_subset:
            raise FormatError(
                f"line {self._line()}: a DOCTYPE with declarations of its own is refused "
                "(microtexts need none, and entity declarations can expand without bound)"
            )

    def _entity(self, name: str, *args: Any) -> None:
        raise FormatError(
            f"line {self._line()}: the entity declaration {name!r} is refused "
            "(microtexts need none, and entities can expand without bound)"
        )

    def _external(self, *args: Any) -> int:
        raise FormatError(f"line {self._line()}: an external entity is refused")

    def _skipped(self, name: str, is_parameter_entity: int) -> None:
        # An entity expat cannot expand because it would be declared in an external
        # DTD, which is never read: refused rather than silently dropped.
        raise FormatError(
            f"line {self._line()}: the entity reference &{name}; is refused (its "
            "declaration would be in an external DTD, which is never read)"
        )

    def parse(self, data: bytes) -> tuple[dict[str, str], list[_Element]]:
        try:
            self.expat.Parse(data, True)
        except FormatError:
            raise
        except expat.ExpatError as err:
            reason = expat.ErrorString(err.code) if err.code else str(err)
            raise FormatError(
                f"line {err.lineno}, column {err.offset + 1}: not well-formed XML: {reason}"
            ) from None
        except (LookupError, UnicodeError, ValueError) as err:  # an unusable encoding
            raise FormatError(f"cannot decode the XML: {err}") from None
        if self.root is None:
            raise FormatError("no <arggraph> element: the document is empty")
        return self.root, self.children


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


class _Reader:
    """The checked elements of one ``<arggraph>``, and the map they make."""

    def __init__(self, root: dict[str, str], children: list[_Element]) -> None:
        self.root = root
        self.by_id: dict[str, _Element] = {}
        self.edus: list[_Element] = []
        self.adus: list[_Element] = []
        self.edges: list[_Element] = []
        for elem in children:
            self._check(elem)
        self.seg_sources: dict[str, list[_Element]] = {}  # ADU or joint id -> sources
        self.adds: dict[str, list[_Element]] = {}  # edge id -> its add edges
        self.relations: list[_Element] = []
        for edge in self.edges:
            self._edge(edge)

    def _check(self, elem: _Element) -> None:
        if elem.tag not in _TAGS:
            elem.fail(f"unknown element; an <arggraph> holds only {', '.join(_TAGS)} elements")
        if not elem.id:
            elem.fail("has no id attribute")
        if elem.id in self.by_id:
            elem.fail(f"the id {elem.id!r} is already used by {self.by_id[elem.id].describe()}")
        self.by_id[elem.id] = elem
        if elem.tag == "edu":
            self.edus.append(elem)
        elif elem.tag == "adu":
            kind = elem.attrs.get("type")
            if kind not in _ADU_TYPES:
                elem.fail(f"type must be 'pro' or 'opp', not {kind!r}")
            self.adus.append(elem)
        elif elem.tag == "edge":
            for attr in ("src", "trg", "type"):
                if attr not in elem.attrs:
                    elem.fail(f"has no {attr} attribute")
            if elem.attrs["type"] not in _EDGE_TYPES:
                elem.fail(
                    f"unknown edge type {elem.attrs['type']!r}; the types are "
                    f"{', '.join(_EDGE_TYPES)}"
                )
            self.edges.append(elem)

    def _end(self, edge: _Element, attr: str) -> _Element:
        ref = edge.attrs[attr]
        found = self.by_id.get(ref)
        if found is None:
            edge.fail(f"{attr} {ref!r} is not the id of any element")
        return found

    def _edge(self, edge: _Element) -> None:
        src, trg, kind = self._end(edge, "src"), self._end(edge, "trg"), edge.attrs["type"]
        if kind == "seg":
            if (src.tag, trg.tag) not in (("edu", "adu"), ("edu", "joint"), ("joint", "adu")):
                edge.fail(
                    f"a seg edge goes from an edu to an adu or joint, or from a joint to an "
                    f"adu, not from {src.tag} {src.id!r} to {trg.tag} {trg.id!r}"
                )
            self.seg_sources.setdefault(trg.id, []).append(src)
            return
        if src.tag != "adu":
            edge.fail(f"{with_article(kind)} edge starts at an adu, not at {src.tag} {src.id!r}")
        if kind in ("sup", "exa", "reb"):
            if trg.tag != "adu":
                edge.fail(
                    f"{with_article(kind)} edge points at an adu, not at {trg.tag} {trg.id!r}"
                )
            self.relations.append(edge)
            return
        # und and add point at an edge that is an inference: sup, exa, reb or und.
        trg_kind = trg.attrs.get("type") if trg.tag == "edge" else None
        if trg_kind not in _RELATION:
            what = f"the {trg_kind} edge" if trg.tag == "edge" else f"{trg.tag}"
            hint = (
                "; an add edge is no inference of its own: point at the edge it adds to"
                if trg_kind == "add"
                else ""
            )
            edge.fail(
                f"{with_article(kind)} edge points at a sup, exa, reb or und edge, not at {what} "
                f"{trg.id!r}{hint}"
            )
        if kind == "und":
            self.relations.append(edge)
        else:
            self.adds.setdefault(trg.id, []).append(edge)

    def _edus_of(self, adu: _Element) -> list[_Element]:
        found: dict[str, _Element] = {}
        for src in self.seg_sources.get(adu.id, []):
            if src.tag == "joint":
                for inner in self.seg_sources.get(src.id, []):
                    found[inner.id] = inner
            else:
                found[src.id] = src
        return sorted(found.values(), key=lambda e: e.index)

    def build(self) -> ArgumentMap:
        raw_ids = [a.id for a in self.adus] + [e.id for e in self.relations]
        ids = make_ids(raw_ids)
        inferences = [self._inference(edge, ids) for edge in self.relations]
        roles: dict[str, set[str]] = {}
        for inf in inferences:
            for p in inf.premises:
                roles.setdefault(p, set()).add(inf.relation)
        statements = []
        used: set[str] = set()
        for adu in self.adus:
            edus = self._edus_of(adu)
            used.update(e.id for e in edus)
            statements.append(self._statement(adu, edus, ids, roles))
        meta: dict[str, JsonValue] = {k: self.root[k] for k in sorted(self.root, key=_attr_order)}
        unused: dict[str, JsonValue] = {e.id: _text(e) for e in self.edus if e.id not in used}
        if unused:
            meta["unused_edus"] = unused
        m = ArgumentMap(metadata={_KEY: meta})
        for statement in statements:
            m.add_statement(statement)
        try:
            m.add_inferences(inferences, where="edge {id!r}")
        except ArgmapError as err:
            raise FormatError(err.message, ids=err.ids) from None
        return m

    def _statement(
        self,
        adu: _Element,
        edus: list[_Element],
        ids: dict[str, str],
        roles: dict[str, set[str]],
    ) -> Statement:
        if not edus:
            adu.fail("has no text: no seg edge from an edu (or a joint of edus) points at it")
        text = " ".join(t for t in (_text(e) for e in edus) if t)
        if not text:
            adu.fail(f"has no text: its edus ({', '.join(e.id for e in edus)}) are empty")
        meta: dict[str, JsonValue] = {"type": adu.attrs["type"], "edus": [e.id for e in edus]}
        joints = [s.id for s in self.seg_sources.get(adu.id, []) if s.tag == "joint"]
        if joints:
            meta["joints"] = list(joints)
        meta.update(_extra(adu, ids, ("id", "type")))
        sid = ids[adu.id]
        try:
            return adapter(Statement).validate_python(
                {
                    "id": sid,
                    "kind": kind_from_roles(roles.get(sid, ())),
                    "text": text,
                    "metadata": {_KEY: meta},
                }
            )
        except ValidationError as err:
            adu.fail(_problem(err))

    def _inference(self, edge: _Element, ids: dict[str, str]) -> Inference:
        kind = edge.attrs["type"]
        adds = self.adds.get(edge.id, [])
        premises = [edge.attrs["src"], *(a.attrs["src"] for a in adds)]
        meta: dict[str, JsonValue] = {"type": kind}
        if adds:
            meta["add"] = [a.id for a in adds]
        meta.update(_extra(edge, ids, ("id", "src", "trg", "type")))
        try:
            return adapter(Inference).validate_python(
                {
                    "id": ids[edge.id],
                    "relation": _RELATION[kind],
                    "premises": tuple(ids[p] for p in premises),
                    "target": ids[edge.attrs["trg"]],
                    "metadata": {_KEY: meta},
                }
            )
        except ValidationError as err:
            listed = ", ".join(map(repr, premises))
            edge.fail(f"{_problem(err)} (premises {listed}, with add edges)")


def _attr_order(name: str) -> tuple[int, str]:
    known = ("id", "topic_id", "stance")
    return (known.index(name), "") if name in known else (len(known), name)


def _extra(elem: _Element, ids: dict[str, str], held: tuple[str, ...]) -> dict[str, JsonValue]:
    """An element's attributes that the model has no place for (and its id, when
    it had to be cleaned)."""
    extra: dict[str, JsonValue] = {k: v for k, v in sorted(elem.attrs.items()) if k not in held}
    if ids.get(elem.id, elem.id) != elem.id:
        extra["id"] = elem.id
    return extra


def _problem(err: ValidationError) -> str:
    """The validation error in one line, without pydantic's ``(top level)`` location."""
    return describe_validation_error(err, indent="", sep="; ").replace("(top level): ", "")


def _text(edu: _Element) -> str:
    return "".join(edu.text).strip()


def loads(text: str | bytes) -> ArgumentMap:
    """Read a map from argumentative microtexts XML (one ``<arggraph>``; see the
    module docs).

    ``bytes`` are decoded as the XML declaration says (UTF-8 by default).

    Raises
    ------
    FormatError
        The text is not well-formed XML, declares entities, or does not fit the
        arggraph DTD; the message names the element, its id and its line.

    Examples
    --------
    >>> m = loads('''<arggraph id="micro_x1" topic_id="umbrellas" stance="pro">
    ...   <edu id="e1">Take an umbrella.</edu>
    ...   <edu id="e2">It is going to rain.</edu>
    ...   <adu id="a1" type="pro"/>
    ...   <adu id="a2" type="pro"/>
    ...   <edge id="c1" src="e1" trg="a1" type="seg"/>
    ...   <edge id="c2" src="e2" trg="a2" type="seg"/>
    ...   <edge id="c3" src="a2" trg="a1" type="sup"/>
    ... </arggraph>''')
    >>> [(s.id, s.kind, s.text) for s in m.statements]
    [('a1', 'claim', 'Take an umbrella.'), ('a2', 'premise', 'It is going to rain.')]
    >>> m.inference("c3").premises, m.inference("c3").target
    (('a2',), 'a1')
    >>> m.metadata["microtexts"]
    {'id': 'micro_x1', 'topic_id': 'umbrellas', 'stance': 'pro'}
    """
    if isinstance(text, str):
        data = text.encode("utf-8", errors="surrogatepass")  # a lone surrogate: bad XML
        from_str = True
    elif isinstance(text, (bytes, bytearray)):
        data, from_str = bytes(text), False
    else:
        raise FormatError(f"expected microtexts XML text (str or bytes), not {type(text).__name__}")
    root, children = _Parser(from_str).parse(data)
    with gc_paused():
        return _Reader(root, children).build()


def load(path: str | Path) -> ArgumentMap:
    """Read a map from a microtexts XML file (such as ``micro_b001.xml``).

    Raises
    ------
    FormatError
        Naming the file and what is wrong in it: the element, its id and its line.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> path = Path(tempfile.mkdtemp()) / "micro_x2.xml"
    >>> _ = path.write_text('''<?xml version='1.0' encoding='UTF-8'?>
    ... <arggraph id="micro_x2">
    ...   <edu id="e1"><![CDATA[Cities should plant more trees.]]></edu>
    ...   <edu id="e2"><![CDATA[Trees cost money to water.]]></edu>
    ...   <adu id="a1" type="pro"/>
    ...   <adu id="a2" type="opp"/>
    ...   <edge id="c1" src="e1" trg="a1" type="seg"/>
    ...   <edge id="c2" src="e2" trg="a2" type="seg"/>
    ...   <edge id="c3" src="a2" trg="a1" type="reb"/>
    ... </arggraph>''')
    >>> m = load(path)
    >>> m.inference("c3").relation, m.statement("a2").kind
    ('attack', 'counterpoint')
    """
    return load_file(path, loads, "microtexts XML")


def sniff(content: Content) -> str | None:
    """``'has an <arggraph> root element'`` for microtexts XML, else None.

    >>> sniff(Content("<?xml version='1.0'?>\\n<arggraph id='x'></arggraph>"))
    'has an <arggraph> root element'
    >>> sniff(Content("<graphml/>")) is None
    True
    """
    return "has an <arggraph> root element" if _ROOT.match(content.head) else None


FORMAT = FormatSpec(
    name="microtexts",
    title="Argumentative Microtexts XML",
    suffixes=(),
    extra_suffixes=(".xml",),
    loads=loads,
    sniff=sniff,
    keeps="ADUs with their EDU text, support, example support, rebuttals, undercuts "
    "(also of undercuts) and linked premises (add edges); ADU roles, topic and stance "
    "in metadata.",
    loses="Nothing of the argument; the segmentation is kept only as EDU ids (joints "
    "as ids), and argmap does not write the format back.",
)
