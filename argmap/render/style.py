"""Styles and themes: how a map looks, declared as data.

A :class:`Style` says how statements of each kind and inferences of each relation are
drawn, how the diagram is laid out (direction, text wrap, clusters, legend) and what a
node's label shows. Three themes are built in (:data:`THEMES`):

* ``"default"`` -- soft colours; kinds are told apart by colour and by the kind named
  on each node's first line;
* ``"colorblind"`` -- the Okabe-Ito palette, and kind and relation are *also* carried by
  shape and line style, so the map reads in grey scale: claims are plain boxes with a
  double border, premises rounded boxes, counterpoints boxes with cut corners; supports are solid
  arrows, attacks dashed arrows with hollow heads, undercuts dotted lines ending in a bar,
  rephrases double lines with no arrow head (in every theme);
* ``"print"`` -- black on white only, with the shapes and line styles of ``"colorblind"``.

Override anything per kind, per relation, per tag or per statement, without writing DOT:

>>> s = theme("print").override(kinds={"claim": {"fill": "#eeeeee"}}, direction="LR")
>>> s.kinds["claim"].fill, s.kinds["claim"].shape, s.direction
('#eeeeee', 'box', 'LR')

A statement can also carry its own style in its metadata, under the key ``"style"``
(e.g. ``m.claim("...", metadata={"style": {"fill": "#ffffcc"}})``); it is kept through
JSON round trips.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated, Any, Literal, get_args

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

from argmap.errors import OptionError
from argmap.model import Relation, StatementKind
from argmap.render.colours import parse_colour
from argmap.render.options import DIRECTION_NAMES, Engine, choice

__all__ = [
    "DIRECTIONS",
    "THEMES",
    "ArrowHead",
    "Direction",
    "EdgeStyle",
    "LabelMode",
    "LineStyle",
    "NodeShape",
    "NodeStyle",
    "Style",
    "check_direction",
    "check_options",
    "theme",
]

Direction = Literal["BT", "TB", "LR", "RL"]
"""Graphviz ``rankdir``. Arrows run from reasons to what they bear on, so ``BT`` puts main
conclusions at the top, ``TB`` at the bottom, ``LR`` on the right."""

DIRECTIONS: tuple[Direction, ...] = get_args(Direction)
"""The layout directions: ``BT``, ``TB``, ``LR``, ``RL`` (as Graphviz writes them)."""


def check_direction(direction: object) -> Direction | Literal["auto"]:
    """The direction ``direction`` spells in any case (``"auto"`` or one of
    :data:`DIRECTIONS`); an OptionError for anything else.

    >>> check_direction("lr")
    'LR'
    >>> check_direction("up")
    Traceback (most recent call last):
    ...
    argmap.errors.OptionError: unknown direction 'up'; choose one of auto, BT, TB, LR, RL
    """
    name = choice("direction", direction, DIRECTION_NAMES)
    return "auto" if name == "auto" else next(d for d in DIRECTIONS if d == name)


def _lower(value: object) -> object:
    return value.lower() if isinstance(value, str) else value


def _direction(value: object) -> object:
    """A style's direction in any case, written as Graphviz writes it."""
    if isinstance(value, str):
        folded = value.casefold()
        return next((d for d in (*DIRECTIONS, "auto") if d.casefold() == folded), value)
    return value


def check_options(given: Iterable[str], known: Iterable[str], what: str) -> None:
    """Refuse keyword options that ``what`` does not take, naming them and the known ones.

    >>> check_options(["legend", "colour"], ["legend", "style"], "to_dot()")
    Traceback (most recent call last):
    ...
    argmap.errors.OptionError: to_dot() has no option 'colour'; its options are legend, style
    """
    known = list(known)
    unknown = [name for name in given if name not in known]
    if unknown:
        names = " or ".join(repr(name) for name in unknown)
        takes = f"its options are {', '.join(sorted(known))}" if known else "it takes none"
        raise OptionError(f"{what} has no option {names}; {takes}")


LabelMode = Literal["full", "text", "title", "id"]
"""What a statement's label shows under its kind: ``full`` (title in bold, if any, then
the text), ``text`` (the text only), ``title`` (the title, or the id when there is none)
or ``id``."""

NodeShape = Literal[
    "box", "rounded", "cut", "ellipse", "hexagon", "octagon", "parallelogram", "note", "component"
]
"""Outline of a statement: ``box`` (square corners), ``rounded``, ``cut`` (a box with its
corners cut off by short diagonals) or a Graphviz polygon."""
LineStyle = Literal["solid", "dashed", "dotted", "bold"]
ArrowHead = Literal[
    "normal", "empty", "vee", "tee", "dot", "odot", "diamond", "odiamond", "box", "obox", "none"
]

Color = Annotated[
    str,
    AfterValidator(parse_colour),
    Field(
        description="'#rrggbb', '#rrggbbaa', '#rgb' (written out as '#rrggbb'), an HSV "
        "triple ('0.65 0.7 0.7'), a Graphviz colour name (X11 or SVG, any case, e.g. "
        "'black', 'lightblue', 'grey90') or a scheme colour ('/x11/red', '/blues9/3'); see "
        "argmap.render.colours.",
    ),
]

_FROZEN = ConfigDict(frozen=True, extra="forbid")


class NodeStyle(BaseModel):
    """How a statement is drawn. Fields left ``None`` are inherited.

    Examples
    --------
    >>> NodeStyle(fill="#ffffff").merged(NodeStyle(border="black")).model_dump(exclude_none=True)
    {'fill': '#ffffff', 'border': 'black'}
    """

    model_config = _FROZEN

    shape: NodeShape | None = Field(default=None, description="Outline shape.")
    fill: Color | None = Field(default=None, description="Fill colour ('white' for none).")
    border: Color | None = Field(default=None, description="Border colour.")
    text: Color | None = Field(default=None, description="Text colour.")
    border_style: LineStyle | None = Field(default=None, description="Border line style.")
    border_width: float | None = Field(default=None, gt=0, le=10, description="In points.")
    double: bool | None = Field(default=None, description="Draw a double border.")

    def merged(self, other: NodeStyle) -> NodeStyle:
        """This style with the fields ``other`` sets replaced."""
        return self.model_copy(update=other.model_dump(exclude_none=True))


class EdgeStyle(BaseModel):
    """How the arrows of an inference are drawn. Fields left ``None`` are inherited."""

    model_config = _FROZEN

    color: Color | None = Field(default=None, description="Line colour.")
    line: LineStyle | None = Field(default=None, description="Line style.")
    head: ArrowHead | None = Field(default=None, description="Arrow head at the target.")
    width: float | None = Field(default=None, gt=0, le=10, description="Line width in points.")
    double: bool | None = Field(
        default=None, description="Draw two parallel lines (as for rephrases)."
    )

    def merged(self, other: EdgeStyle) -> EdgeStyle:
        """This style with the fields ``other`` sets replaced."""
        return self.model_copy(update=other.model_dump(exclude_none=True))


class Style(BaseModel):
    """Everything that decides how a map is drawn; build one with :func:`theme`.

    Precedence for a statement, lowest first: its kind, main-conclusion emphasis, its tags
    (in order), :attr:`nodes`, then the ``"style"`` entry of its metadata.
    """

    model_config = _FROZEN

    name: str = Field(default="custom", description="The theme this style started from.")
    font: str = Field(default="Helvetica", description="Font family for all text.")
    font_size: float = Field(default=11, ge=6, le=40, description="Statement text size.")
    background: Color = Field(default="white", description="Page colour.")
    ink: Color = Field(default="#333333", description="Colour of titles, legend and markers.")
    muted: Color = Field(default="#777777", description="Colour of +N markers and clusters.")
    kinds: dict[StatementKind, NodeStyle] = Field(description="Look of each statement kind.")
    relations: dict[Relation, EdgeStyle] = Field(description="Look of each relation.")
    main: NodeStyle = Field(
        default=NodeStyle(border_width=2.2), description="Added to main conclusions."
    )
    tags: dict[str, NodeStyle] = Field(default_factory=dict, description="Per-tag looks.")
    nodes: dict[str, NodeStyle] = Field(default_factory=dict, description="Per-statement looks.")
    direction: Annotated[Direction | Literal["auto"], BeforeValidator(_direction)] = Field(
        default="auto",
        description="Graphviz rankdir (any case), or 'auto': chosen from the map's shape "
        "(see argmap.render.layout.choose_direction).",
    )
    wrap: int = Field(default=32, ge=8, le=1000, description="Characters per label line.")
    labels: LabelMode = Field(default="full", description="What statement labels show.")
    show_kind: bool = Field(default=True, description="Name the kind on each node's first line.")
    show_tags: bool = Field(default=False, description="List a statement's tags as a badge.")
    show_sources: bool = Field(
        default=False,
        description="Mark statements that quote a source (or whose metadata names a "
        "'source' or 'quote') with 'quoted' on their first line.",
    )
    legend: bool = Field(default=False, description="Add a legend of shapes and arrows.")
    clusters: bool | tuple[str, ...] = Field(
        default=False,
        description="Group statements in boxes by tag: True for every tag (a statement goes "
        "with its first tag), or the tags to group by, in order of preference.",
    )
    main_on_top: bool = Field(
        default=True, description="Put main conclusions on the last rank (top, for BT)."
    )
    engine: Annotated[Engine, BeforeValidator(_lower)] = Field(
        default="dot",
        description="Graphviz layout program: dot (levels of reasoning) or one of neato, "
        "fdp, sfdp, circo, twopi, osage, patchwork (which ignore the direction).",
    )
    title: bool = Field(default=True, description="Show the map's title above the drawing.")

    def override(self, **changes: Any) -> Style:
        """A validated copy with ``changes``; ``kinds``, ``relations``, ``tags`` and
        ``nodes`` are merged entry by entry, field by field, not replaced.

        >>> theme().override(relations={"attack": {"color": "black"}}).relations["attack"].line
        'dashed'
        """
        data = self.model_dump(exclude_none=True)
        for key in ("kinds", "relations", "tags", "nodes", "main"):
            if key not in changes:
                continue
            new = changes.pop(key)
            if key == "main":
                data[key] = {**data[key], **_as_dict(new)}
                continue
            merged = dict(data[key])
            for name, entry in dict(new).items():
                merged[name] = {**merged.get(name, {}), **_as_dict(entry)}
            data[key] = merged
        data.update(changes)
        return Style.model_validate(data)


def _as_dict(entry: Any) -> dict[str, Any]:
    if isinstance(entry, BaseModel):
        return entry.model_dump(exclude_none=True)
    return dict(entry)


_DEFAULT = Style(
    name="default",
    kinds={
        "claim": NodeStyle(shape="rounded", fill="#dbe9f6", border="#1f4e79", text="black"),
        "premise": NodeStyle(shape="rounded", fill="#e3f1e4", border="#2e7d32", text="black"),
        "counterpoint": NodeStyle(shape="rounded", fill="#fbe3e1", border="#b71c1c", text="black"),
    },
    relations={
        "support": EdgeStyle(color="#2e7d32", line="solid", head="normal", width=1.0),
        "attack": EdgeStyle(color="#b71c1c", line="dashed", head="normal", width=1.0),
        "undercut": EdgeStyle(color="#6a1b9a", line="dotted", head="tee", width=1.6),
        "rephrase": EdgeStyle(color="#616161", line="solid", head="none", double=True),
    },
)

# Okabe & Ito (2008), "Color Universal Design": blue, vermillion, bluish green, purple.
_COLORBLIND = Style(
    name="colorblind",
    kinds={
        "claim": NodeStyle(
            shape="box", fill="#cfe3f3", border="#0072b2", text="black", double=True
        ),
        "premise": NodeStyle(shape="rounded", fill="#d7efe6", border="#009e73", text="black"),
        "counterpoint": NodeStyle(
            shape="cut", fill="#f8dccb", border="#d55e00", text="black", border_width=1.4
        ),
    },
    relations={
        "support": EdgeStyle(color="#009e73", line="solid", head="normal", width=1.2),
        "attack": EdgeStyle(color="#d55e00", line="dashed", head="empty", width=1.4),
        "undercut": EdgeStyle(color="#cc79a7", line="dotted", head="tee", width=2.0),
        "rephrase": EdgeStyle(color="#555555", line="solid", head="none", double=True),
    },
    ink="black",
    muted="#555555",
)

_PRINT = Style(
    name="print",
    kinds={
        "claim": NodeStyle(shape="box", fill="white", border="black", text="black", double=True),
        "premise": NodeStyle(shape="rounded", fill="white", border="black", text="black"),
        "counterpoint": NodeStyle(
            shape="cut", fill="white", border="black", text="black", border_width=1.4
        ),
    },
    relations={
        "support": EdgeStyle(color="black", line="solid", head="normal", width=1.0),
        "attack": EdgeStyle(color="black", line="dashed", head="empty", width=1.2),
        "undercut": EdgeStyle(color="black", line="dotted", head="tee", width=1.8),
        "rephrase": EdgeStyle(color="black", line="solid", head="none", double=True),
    },
    ink="black",
    muted="black",
)

THEMES: dict[str, Style] = {s.name: s for s in (_DEFAULT, _COLORBLIND, _PRINT)}
"""The built-in themes by name: ``default``, ``colorblind`` and ``print``."""


def theme(name: str = "default", **changes: Any) -> Style:
    """The built-in theme ``name``, with optional :meth:`Style.override` changes.

    Raises
    ------
    OptionError
        ``name`` is not a built-in theme; the message lists them.

    Examples
    --------
    >>> theme("colorblind").kinds["counterpoint"].shape
    'cut'
    >>> theme("sepia")
    Traceback (most recent call last):
    ...
    argmap.errors.OptionError: unknown theme 'sepia'; choose one of colorblind, default, print
    """
    try:
        base = THEMES[name.casefold() if isinstance(name, str) else name]
    except (KeyError, TypeError):
        raise OptionError(
            f"unknown theme {name!r}; choose one of {', '.join(sorted(THEMES))}"
        ) from None
    return base.override(**changes) if changes else base
