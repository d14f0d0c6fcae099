"""Colours as Graphviz takes them, checked once, when a style is built.

Graphviz reads a colour as ``#rrggbb``, ``#rrggbbaa``, an HSV triple, a name from its
X11 table (plus the SVG/CSS names), or a name in a colour scheme (``/scheme/name``):
anything else draws in black with no more than a warning on standard error (see
https://graphviz.org/docs/attr-types/color/). argmap takes, case-insensitively:

* ``#rrggbb``, ``#rrggbbaa`` and the ``#rgb`` shorthand (written out as ``#rrggbb``:
  Graphviz reads ``#rgb`` only since version 9);
* an HSV triple, three numbers from 0 to 1 separated by spaces and/or commas
  (``"0.650 0.700 0.700"``, ``"0.65,0.7,0.7"``), kept as given;
* the names of :data:`COLOUR_NAMES`;
* a scheme colour: ``/x11/name``, ``//name`` or ``/name`` (an X11 name), ``/svg/name``
  (one of the 147 :data:`SVG_NAMES`) or a ColorBrewer colour ``/<palette><n>/<k>``
  (e.g. ``/blues9/3``: the 3rd of the 9-colour ``blues`` palette, see :data:`BREWER`),
  written in lower case;

and refuses the rest with a message naming these forms. :func:`css_colour` turns them
into CSS for outputs drawn without Graphviz (Mermaid): HSV as Graphviz converts it, X11
scheme colours by the table; ``/svg/`` and ColorBrewer colours have no table here and
are refused there.

The names and their values were read from Graphviz itself (2.43): every name in its
libraries and in X11's ``rgb.txt`` was drawn, the ones it warned about dropped, and the
colour it painted (``-Txdot``) kept; ``tests/test_style.py`` draws them all again with
the installed ``dot`` (and every scheme colour argmap takes) and checks that none is
refused.
"""

from __future__ import annotations

import colorsys
import difflib
import re

__all__ = ["BREWER", "COLOUR_NAMES", "FORMS", "SVG_NAMES", "css_colour", "parse_colour"]

_TABLE = """
aliceblue=#f0f8ff antiquewhite=#faebd7 antiquewhite1=#ffefdb antiquewhite2=#eedfcc
antiquewhite3=#cdc0b0 antiquewhite4=#8b8378 aqua=#00ffff aquamarine=#7fffd4
aquamarine1=#7fffd4 aquamarine2=#76eec6 aquamarine3=#66cdaa aquamarine4=#458b74
azure=#f0ffff azure1=#f0ffff azure2=#e0eeee azure3=#c1cdcd azure4=#838b8b beige=#f5f5dc
bisque=#ffe4c4 bisque1=#ffe4c4 bisque2=#eed5b7 bisque3=#cdb79e bisque4=#8b7d6b
black=#000000 blanchedalmond=#ffebcd blue=#0000ff blue1=#0000ff blue2=#0000ee
blue3=#0000cd blue4=#00008b blueviolet=#8a2be2 brown=#a52a2a burlywood=#deb887
burlywood1=#ffd39b burlywood2=#eec591 burlywood3=#cdaa7d burlywood4=#8b7355
cadetblue=#5f9ea0 cadetblue1=#98f5ff cadetblue2=#8ee5ee cadetblue3=#7ac5cd
cadetblue4=#53868b chartreuse=#7fff00 chartreuse1=#7fff00 chartreuse2=#76ee00
chartreuse3=#66cd00 chartreuse4=#458b00 chocolate=#d2691e chocolate1=#ff7f24
chocolate2=#ee7621 chocolate3=#cd661d chocolate4=#8b4513 coral=#ff7f50 coral1=#ff7256
coral2=#ee6a50 coral3=#cd5b45 coral4=#8b3e2f cornflowerblue=#6495ed cornsilk=#fff8dc
cornsilk1=#fff8dc cornsilk2=#eee8cd cornsilk3=#cdc8b1 cornsilk4=#8b8878 crimson=#dc143c
cyan=#00ffff cyan1=#00ffff cyan2=#00eeee cyan3=#00cdcd cyan4=#008b8b darkblue=#00008b
darkcyan=#008b8b darkgoldenrod=#b8860b darkgoldenrod1=#ffb90f darkgoldenrod2=#eead0e
darkgoldenrod3=#cd950c darkgoldenrod4=#8b6508 darkgray=#a9a9a9 darkgreen=#006400
darkgrey=#a9a9a9 darkkhaki=#bdb76b darkmagenta=#8b008b darkolivegreen=#556b2f
darkolivegreen1=#caff70 darkolivegreen2=#bcee68 darkolivegreen3=#a2cd5a
darkolivegreen4=#6e8b3d darkorange=#ff8c00 darkorange1=#ff7f00 darkorange2=#ee7600
darkorange3=#cd6600 darkorange4=#8b4500 darkorchid=#9932cc darkorchid1=#bf3eff
darkorchid2=#b23aee darkorchid3=#9a32cd darkorchid4=#68228b darkred=#8b0000
darksalmon=#e9967a darkseagreen=#8fbc8f darkseagreen1=#c1ffc1 darkseagreen2=#b4eeb4
darkseagreen3=#9bcd9b darkseagreen4=#698b69 darkslateblue=#483d8b darkslategray=#2f4f4f
darkslategray1=#97ffff darkslategray2=#8deeee darkslategray3=#79cdcd
darkslategray4=#528b8b darkslategrey=#2f4f4f darkturquoise=#00ced1 darkviolet=#9400d3
deeppink=#ff1493 deeppink1=#ff1493 deeppink2=#ee1289 deeppink3=#cd1076 deeppink4=#8b0a50
deepskyblue=#00bfff deepskyblue1=#00bfff deepskyblue2=#00b2ee deepskyblue3=#009acd
deepskyblue4=#00688b dimgray=#696969 dimgrey=#696969 dodgerblue=#1e90ff
dodgerblue1=#1e90ff dodgerblue2=#1c86ee dodgerblue3=#1874cd dodgerblue4=#104e8b
firebrick=#b22222 firebrick1=#ff3030 firebrick2=#ee2c2c firebrick3=#cd2626
firebrick4=#8b1a1a floralwhite=#fffaf0 forestgreen=#228b22 fuchsia=#ff00ff
gainsboro=#dcdcdc ghostwhite=#f8f8ff gold=#ffd700 gold1=#ffd700 gold2=#eec900
gold3=#cdad00 gold4=#8b7500 goldenrod=#daa520 gray=#c0c0c0 gray0=#000000 gray1=#030303
gray10=#1a1a1a gray100=#ffffff gray11=#1c1c1c gray12=#1f1f1f gray13=#212121
gray14=#242424 gray15=#262626 gray16=#292929 gray17=#2b2b2b gray18=#2e2e2e
gray19=#303030 gray2=#050505 gray20=#333333 gray21=#363636 gray22=#383838 gray23=#3b3b3b
gray24=#3d3d3d gray25=#404040 gray26=#424242 gray27=#454545 gray28=#474747
gray29=#4a4a4a gray3=#080808 gray30=#4d4d4d gray31=#4f4f4f gray32=#525252 gray33=#545454
gray34=#575757 gray35=#595959 gray36=#5c5c5c gray37=#5e5e5e gray38=#616161
gray39=#636363 gray4=#0a0a0a gray40=#666666 gray41=#696969 gray42=#6b6b6b gray43=#6e6e6e
gray44=#707070 gray45=#737373 gray46=#757575 gray47=#787878 gray48=#7a7a7a
gray49=#7d7d7d gray5=#0d0d0d gray50=#7f7f7f gray51=#828282 gray52=#858585 gray53=#878787
gray54=#8a8a8a gray55=#8c8c8c gray56=#8f8f8f gray57=#919191 gray58=#949494
gray59=#969696 gray6=#0f0f0f gray60=#999999 gray61=#9c9c9c gray62=#9e9e9e gray63=#a1a1a1
gray64=#a3a3a3 gray65=#a6a6a6 gray66=#a8a8a8 gray67=#ababab gray68=#adadad
gray69=#b0b0b0 gray7=#121212 gray70=#b3b3b3 gray71=#b5b5b5 gray72=#b8b8b8 gray73=#bababa
gray74=#bdbdbd gray75=#bfbfbf gray76=#c2c2c2 gray77=#c4c4c4 gray78=#c7c7c7
gray79=#c9c9c9 gray8=#141414 gray80=#cccccc gray81=#cfcfcf gray82=#d1d1d1 gray83=#d4d4d4
gray84=#d6d6d6 gray85=#d9d9d9 gray86=#dbdbdb gray87=#dedede gray88=#e0e0e0
gray89=#e3e3e3 gray9=#171717 gray90=#e5e5e5 gray91=#e8e8e8 gray92=#ebebeb gray93=#ededed
gray94=#f0f0f0 gray95=#f2f2f2 gray96=#f5f5f5 gray97=#f7f7f7 gray98=#fafafa
gray99=#fcfcfc green=#00ff00 greenyellow=#adff2f grey=#c0c0c0 grey0=#000000
grey1=#030303 grey10=#1a1a1a grey100=#ffffff grey11=#1c1c1c grey12=#1f1f1f
grey13=#212121 grey14=#242424 grey15=#262626 grey16=#292929 grey17=#2b2b2b
grey18=#2e2e2e grey19=#303030 grey2=#050505 grey20=#333333 grey21=#363636 grey22=#383838
grey23=#3b3b3b grey24=#3d3d3d grey25=#404040 grey26=#424242 grey27=#454545
grey28=#474747 grey29=#4a4a4a grey3=#080808 grey30=#4d4d4d grey31=#4f4f4f grey32=#525252
grey33=#545454 grey34=#575757 grey35=#595959 grey36=#5c5c5c grey37=#5e5e5e
grey38=#616161 grey39=#636363 grey4=#0a0a0a grey40=#666666 grey41=#696969 grey42=#6b6b6b
grey43=#6e6e6e grey44=#707070 grey45=#737373 grey46=#757575 grey47=#787878
grey48=#7a7a7a grey49=#7d7d7d grey5=#0d0d0d grey50=#7f7f7f grey51=#828282 grey52=#858585
grey53=#878787 grey54=#8a8a8a grey55=#8c8c8c grey56=#8f8f8f grey57=#919191
grey58=#949494 grey59=#969696 grey6=#0f0f0f grey60=#999999 grey61=#9c9c9c grey62=#9e9e9e
grey63=#a1a1a1 grey64=#a3a3a3 grey65=#a6a6a6 grey66=#a8a8a8 grey67=#ababab
grey68=#adadad grey69=#b0b0b0 grey7=#121212 grey70=#b3b3b3 grey71=#b5b5b5 grey72=#b8b8b8
grey73=#bababa grey74=#bdbdbd grey75=#bfbfbf grey76=#c2c2c2 grey77=#c4c4c4
grey78=#c7c7c7 grey79=#c9c9c9 grey8=#141414 grey80=#cccccc grey81=#cfcfcf grey82=#d1d1d1
grey83=#d4d4d4 grey84=#d6d6d6 grey85=#d9d9d9 grey86=#dbdbdb grey87=#dedede
grey88=#e0e0e0 grey89=#e3e3e3 grey9=#171717 grey90=#e5e5e5 grey91=#e8e8e8 grey92=#ebebeb
grey93=#ededed grey94=#f0f0f0 grey95=#f2f2f2 grey96=#f5f5f5 grey97=#f7f7f7
grey98=#fafafa grey99=#fcfcfc honeydew=#f0fff0 honeydew1=#f0fff0 honeydew2=#e0eee0
honeydew3=#c1cdc1 honeydew4=#838b83 hotpink=#ff69b4 hotpink1=#ff6eb4 hotpink2=#ee6aa7
hotpink3=#cd6090 hotpink4=#8b3a62 indianred=#cd5c5c indianred1=#ff6a6a
indianred2=#ee6363 indianred3=#cd5555 indianred4=#8b3a3a indigo=#4b0082 invis=#fffffe00
ivory=#fffff0 ivory1=#fffff0 ivory2=#eeeee0 ivory3=#cdcdc1 ivory4=#8b8b83 khaki=#f0e68c
khaki1=#fff68f khaki2=#eee685 khaki3=#cdc673 khaki4=#8b864e lavender=#e6e6fa
lavenderblush=#fff0f5 lavenderblush1=#fff0f5 lavenderblush2=#eee0e5
lavenderblush3=#cdc1c5 lavenderblush4=#8b8386 lawngreen=#7cfc00 lemonchiffon=#fffacd
lemonchiffon1=#fffacd lemonchiffon2=#eee9bf lemonchiffon3=#cdc9a5 lemonchiffon4=#8b8970
lightblue=#add8e6 lightblue1=#bfefff lightblue2=#b2dfee lightblue3=#9ac0cd
lightblue4=#68838b lightcoral=#f08080 lightcyan=#e0ffff lightcyan1=#e0ffff
lightcyan2=#d1eeee lightcyan3=#b4cdcd lightcyan4=#7a8b8b lightgoldenrod=#eedd82
lightgoldenrod1=#ffec8b lightgoldenrod2=#eedc82 lightgoldenrod3=#cdbe70
lightgoldenrod4=#8b814c lightgoldenrodyellow=#fafad2 lightgray=#d3d3d3
lightgreen=#90ee90 lightgrey=#d3d3d3 lightpink=#ffb6c1 lightpink1=#ffaeb9
lightpink2=#eea2ad lightpink3=#cd8c95 lightpink4=#8b5f65 lightsalmon=#ffa07a
lightsalmon1=#ffa07a lightsalmon2=#ee9572 lightsalmon3=#cd8162 lightsalmon4=#8b5742
lightseagreen=#20b2aa lightskyblue=#87cefa lightskyblue1=#b0e2ff lightskyblue2=#a4d3ee
lightskyblue3=#8db6cd lightskyblue4=#607b8b lightslateblue=#8470ff
lightslategray=#778899 lightslategrey=#778899 lightsteelblue=#b0c4de
lightsteelblue1=#cae1ff lightsteelblue2=#bcd2ee lightsteelblue3=#a2b5cd
lightsteelblue4=#6e7b8b lightyellow=#ffffe0 lightyellow1=#ffffe0 lightyellow2=#eeeed1
lightyellow3=#cdcdb4 lightyellow4=#8b8b7a lime=#00ff00 limegreen=#32cd32 linen=#faf0e6
magenta=#ff00ff magenta1=#ff00ff magenta2=#ee00ee magenta3=#cd00cd magenta4=#8b008b
maroon=#b03060 maroon1=#ff34b3 maroon2=#ee30a7 maroon3=#cd2990 maroon4=#8b1c62
mediumaquamarine=#66cdaa mediumblue=#0000cd mediumorchid=#ba55d3 mediumorchid1=#e066ff
mediumorchid2=#d15fee mediumorchid3=#b452cd mediumorchid4=#7a378b mediumpurple=#9370db
mediumpurple1=#ab82ff mediumpurple2=#9f79ee mediumpurple3=#8968cd mediumpurple4=#5d478b
mediumseagreen=#3cb371 mediumslateblue=#7b68ee mediumspringgreen=#00fa9a
mediumturquoise=#48d1cc mediumvioletred=#c71585 midnightblue=#191970 mintcream=#f5fffa
mistyrose=#ffe4e1 mistyrose1=#ffe4e1 mistyrose2=#eed5d2 mistyrose3=#cdb7b5
mistyrose4=#8b7d7b moccasin=#ffe4b5 navajowhite=#ffdead navajowhite1=#ffdead
navajowhite2=#eecfa1 navajowhite3=#cdb38b navajowhite4=#8b795e navy=#000080
navyblue=#000080 none=#fffffe00 oldlace=#fdf5e6 olive=#808000 olivedrab=#6b8e23
olivedrab1=#c0ff3e olivedrab2=#b3ee3a olivedrab3=#9acd32 olivedrab4=#698b22
orange=#ffa500 orangered=#ff4500 orangered1=#ff4500 orangered2=#ee4000
orangered3=#cd3700 orangered4=#8b2500 orchid=#da70d6 orchid1=#ff83fa orchid2=#ee7ae9
orchid3=#cd69c9 orchid4=#8b4789 palegoldenrod=#eee8aa palegreen=#98fb98
palegreen1=#9aff9a palegreen2=#90ee90 palegreen3=#7ccd7c palegreen4=#548b54
paleturquoise=#afeeee paleturquoise1=#bbffff paleturquoise2=#aeeeee
paleturquoise3=#96cdcd paleturquoise4=#668b8b palevioletred=#db7093
palevioletred1=#ff82ab palevioletred2=#ee799f palevioletred3=#cd6889
palevioletred4=#8b475d papayawhip=#ffefd5 peachpuff=#ffdab9 peachpuff1=#ffdab9
peachpuff2=#eecbad peachpuff3=#cdaf95 peachpuff4=#8b7765 peru=#cd853f pink=#ffc0cb
pink1=#ffb5c5 pink2=#eea9b8 pink3=#cd919e pink4=#8b636c plum=#dda0dd plum1=#ffbbff
plum2=#eeaeee plum3=#cd96cd plum4=#8b668b powderblue=#b0e0e6 purple=#a020f0
purple1=#9b30ff purple2=#912cee purple3=#7d26cd purple4=#551a8b rebeccapurple=#663399
red=#ff0000 rosybrown=#bc8f8f rosybrown1=#ffc1c1 rosybrown2=#eeb4b4 rosybrown3=#cd9b9b
rosybrown4=#8b6969 royalblue=#4169e1 royalblue1=#4876ff royalblue2=#436eee
royalblue3=#3a5fcd royalblue4=#27408b saddlebrown=#8b4513 salmon=#fa8072 salmon1=#ff8c69
sandybrown=#f4a460 seagreen=#2e8b57 seagreen1=#54ff9f seagreen2=#4eee94
seagreen3=#43cd80 seashell=#fff5ee seashell1=#fff5ee seashell2=#eee5de seashell3=#cdc5bf
seashell4=#8b8682 sienna=#a0522d sienna1=#ff8247 sienna2=#ee7942 sienna3=#cd6839
sienna4=#8b4726 silver=#c0c0c0 skyblue=#87ceeb skyblue1=#87ceff skyblue2=#7ec0ee
skyblue3=#6ca6cd skyblue4=#4a708b slateblue=#6a5acd slateblue1=#836fff
slateblue2=#7a67ee slateblue3=#6959cd slateblue4=#473c8b slategray=#708090
slategray1=#c6e2ff slategray2=#b9d3ee slategray3=#9fb6cd slategray4=#6c7b8b
slategrey=#708090 snow=#fffafa snow1=#fffafa snow2=#eee9e9 snow3=#cdc9c9 snow4=#8b8989
springgreen=#00ff7f springgreen1=#00ff7f springgreen2=#00ee76 springgreen3=#00cd66
springgreen4=#008b45 steelblue=#4682b4 steelblue1=#63b8ff steelblue2=#5cacee
steelblue3=#4f94cd steelblue4=#36648b tan=#d2b48c tan1=#ffa54f tan2=#ee9a49 tan3=#cd853f
tan4=#8b5a2b teal=#008080 thistle=#d8bfd8 thistle1=#ffe1ff thistle2=#eed2ee
thistle3=#cdb5cd thistle4=#8b7b8b tomato=#ff6347 tomato1=#ff6347 tomato2=#ee5c42
tomato3=#cd4f39 tomato4=#8b3626 transparent=#fffffe00 turquoise=#40e0d0
turquoise1=#00f5ff turquoise2=#00e5ee turquoise3=#00c5cd turquoise4=#00868b
violet=#ee82ee violetred=#d02090 violetred1=#ff3e96 violetred2=#ee3a8c
violetred3=#cd3278 webgray=#808080 webgreen=#008000 webgrey=#808080 webmaroon=#800000
webpurple=#800080 wheat=#f5deb3 wheat1=#ffe7ba wheat2=#eed8ae wheat3=#cdba96
wheat4=#8b7e66 white=#ffffff whitesmoke=#f5f5f5 yellow=#ffff00 yellowgreen=#9acd32
"""

COLOUR_NAMES: dict[str, str] = {
    name: value for name, _, value in (item.partition("=") for item in _TABLE.split())
}
"""Every colour name Graphviz knows (lower case), with the ``#rrggbb`` (or, for
``none``/``transparent``/``invis``, ``#rrggbbaa``) it paints."""

_SVG_TABLE = """
aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue
blueviolet brown burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk
crimson cyan darkblue darkcyan darkgoldenrod darkgray darkgreen darkgrey darkkhaki
darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen
darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue
dimgray dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro
ghostwhite gold goldenrod gray green greenyellow grey honeydew hotpink indianred indigo
ivory khaki lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan
lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen
lightskyblue lightslategray lightslategrey lightsteelblue lightyellow lime limegreen
linen magenta maroon mediumaquamarine mediumblue mediumorchid mediumpurple
mediumseagreen mediumslateblue mediumspringgreen mediumturquoise mediumvioletred
midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive olivedrab
orange orangered orchid palegoldenrod palegreen paleturquoise palevioletred papayawhip
peachpuff peru pink plum powderblue purple red rosybrown royalblue saddlebrown salmon
sandybrown seagreen seashell sienna silver skyblue slateblue slategray slategrey snow
springgreen steelblue tan teal thistle tomato turquoise violet wheat white whitesmoke
yellow yellowgreen
"""

SVG_NAMES: frozenset[str] = frozenset(_SVG_TABLE.split())
"""The names of Graphviz's ``svg`` colour scheme (``/svg/name``), read from ``dot`` 2.43."""

_BREWER_TABLE = """
accent=8 blues=9 brbg=11 bugn=9 bupu=9 dark2=8 gnbu=9 greens=9 greys=9 oranges=9 orrd=9
paired=12 pastel1=9 pastel2=8 piyg=11 prgn=11 pubu=9 pubugn=9 puor=11 purd=9 purples=9
rdbu=11 rdgy=11 rdpu=9 rdylbu=11 rdylgn=11 reds=9 set1=9 set2=8 set3=12 spectral=11
ylgn=9 ylgnbu=9 ylorbr=9 ylorrd=9
"""

BREWER: dict[str, int] = {
    name: int(most) for name, _, most in (item.partition("=") for item in _BREWER_TABLE.split())
}
"""The ColorBrewer palettes of Graphviz and the most colours each comes in: a palette
comes in 3 to that many colours, so ``/blues3/1`` to ``/blues9/9`` are colours."""

FORMS = (
    "'#rrggbb', '#rrggbbaa', '#rgb', an HSV triple of numbers from 0 to 1 "
    "('0.65 0.7 0.7'), a Graphviz colour name (X11 or SVG, e.g. 'black', 'lightblue', "
    "'grey90', 'crimson') or a scheme colour ('/x11/red', '/svg/gray', '/blues9/3')"
)
"""The colour forms argmap takes, for messages."""

_HEX = re.compile(r"#(?:[0-9A-Fa-f]{6}|[0-9A-Fa-f]{8})")
_SHORT = re.compile(r"#[0-9A-Fa-f]{3}")
_NUMBER = r"(\d+(?:\.\d*)?|\.\d+)"
_HSV = re.compile(rf"{_NUMBER}[, ]+{_NUMBER}[, ]+{_NUMBER}")
_SCHEME = re.compile(r"/(?:([^/]*)/)?([^/]+)")
_SIZE = re.compile(r"[1-9]\d*")


def _hsv(value: str) -> tuple[float, float, float] | None:
    found = _HSV.fullmatch(value)
    if found is None:
        return None
    h, s, v = (float(x) for x in found.groups())
    return h, s, v


def _scheme_problem(scheme: str, name: str) -> str | None:
    """Why ``/scheme/name`` (both lower case) is not a Graphviz colour, or None."""
    if scheme in ("", "x11"):
        return None if name in COLOUR_NAMES else f"{name!r} is not an X11 colour name"
    if scheme == "svg":
        return None if name in SVG_NAMES else f"{name!r} is not an SVG colour name"
    palette = next(
        (p for p in BREWER if scheme.startswith(p) and _SIZE.fullmatch(scheme[len(p) :])), None
    )
    if palette is None:
        return (
            f"{scheme!r} is not a colour scheme Graphviz knows (x11, svg or a ColorBrewer "
            f"palette and size such as blues9: {', '.join(sorted(BREWER))})"
        )
    size, most = int(scheme[len(palette) :]), BREWER[palette]
    if not 3 <= size <= most:
        return f"the {palette} palette comes in 3 to {most} colours, not {size}"
    if not (name.isdigit() and 1 <= int(name) <= size):
        return f"the colours of {scheme!r} are 1 to {size}, not {name!r}"
    return None


def parse_colour(value: str) -> str:
    """``value`` as a colour Graphviz draws: ``#rrggbb``/``#rrggbbaa`` and HSV triples as
    given, ``#rgb`` written out, a name or scheme colour in lower case.

    Raises
    ------
    ValueError
        ``value`` is none of these; the message names the forms taken (and the closest
        names, for a misspelt one).

    Examples
    --------
    >>> parse_colour("#fff"), parse_colour("#1F4E79"), parse_colour("LightBlue")
    ('#ffffff', '#1F4E79', 'lightblue')
    >>> parse_colour("0.65, 0.7, 0.7"), parse_colour("/Blues9/3")
    ('0.65, 0.7, 0.7', '/blues9/3')
    >>> parse_colour("lightblu")
    Traceback (most recent call last):
    ...
    ValueError: 'lightblu' is not a colour Graphviz knows (did you mean 'lightblue'?); use ...
    >>> parse_colour("/blues9/12")
    Traceback (most recent call last):
    ...
    ValueError: '/blues9/12' is not a colour Graphviz knows: the colours of 'blues9' are 1 to 9, ...
    """
    if _HEX.fullmatch(value):
        return value
    if _SHORT.fullmatch(value):
        return "#" + "".join(c * 2 for c in value[1:]).lower()
    hsv = _hsv(value)
    if hsv is not None:
        if not all(0 <= x <= 1 for x in hsv):
            raise ValueError(
                f"{value!r} is not a colour Graphviz knows: the hue, saturation and value "
                f"of an HSV colour go from 0 to 1; use {FORMS}"
            )
        return value
    name = value.lower()
    if name in COLOUR_NAMES:
        return name
    scheme = _SCHEME.fullmatch(name)
    if scheme is not None:
        problem = _scheme_problem(scheme.group(1) or "", scheme.group(2))
        if problem is None:
            return name
        raise ValueError(f"{value!r} is not a colour Graphviz knows: {problem}; use {FORMS}")
    close = difflib.get_close_matches(name, COLOUR_NAMES, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    raise ValueError(f"{value!r} is not a colour Graphviz knows{hint}; use {FORMS}")


def css_colour(value: str) -> str:
    """A colour :func:`parse_colour` took, as CSS (``#rrggbb`` or ``#rrggbbaa``).

    HSV triples are converted as Graphviz converts them (each channel truncated to a
    byte); ``/x11/``, ``//`` and ``/name`` colours through the X11 table.

    Raises
    ------
    ValueError
        ``value`` is not a colour (as :func:`parse_colour`), or an ``/svg/`` or
        ColorBrewer scheme colour, which have no CSS value here.

    >>> css_colour("crimson"), css_colour("#abc"), css_colour("#12345678")
    ('#dc143c', '#aabbcc', '#12345678')
    >>> css_colour("0.650 0.700 0.700"), css_colour("/X11/Red")
    ('#3542b2', '#ff0000')
    """
    colour = parse_colour(value)
    if colour.startswith("#"):
        return colour
    hsv = _hsv(colour)
    if hsv is not None:
        rgb = colorsys.hsv_to_rgb(*hsv)
        return "#" + "".join(f"{int(x * 255):02x}" for x in rgb)
    scheme = _SCHEME.fullmatch(colour)
    if scheme is None:
        return COLOUR_NAMES[colour]
    if (scheme.group(1) or "x11") == "x11":
        return COLOUR_NAMES[scheme.group(2)]
    raise ValueError(
        f"the Graphviz scheme colour {value!r} has no CSS equivalent in argmap; use "
        "'#rrggbb', an HSV triple, a colour name or an /x11/ colour"
    )
