"""A statement that attacks itself: the map holds it, every layer handles it.

An argument attacking itself is common in ICCMA benchmark frameworks, so a map reads,
checks, counts, evaluates, draws and writes one. A self-support, a self-rephrase, an
undercut of itself and a linked attack that lists its own target stay refused.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import arguebuf as ab
import pytest
from afgen import dense_af
from pydantic import ValidationError

import argmap as am
from argmap import registry
from argmap.analysis import evaluate, extensions, from_map
from argmap.analysis.lint import CODES, lint
from argmap.cli.stats import map_stats
from argmap.formats import arguebuf as abj
from argmap.formats import iccma
from argmap.model import Inference

from conftest import DATA, pinned_node_package

AF_DIR = DATA / "corpora" / "af"


def liar() -> am.ArgumentMap:
    """c attacked by a, which attacks itself; q supports c."""
    m = am.ArgumentMap()
    c = m.claim("The meeting is on Monday", id="c")
    a = m.premise("This sentence is false", id="a")
    m.premise("The invitation says Monday", id="q", supports=c)
    m.attack(a, c)
    m.attack(a, a)
    return m


def shape(m: am.ArgumentMap) -> list[tuple[str, tuple[str, ...], str]]:
    return sorted((i.relation, i.premises, i.target) for i in m.inferences)


# --- the map ----------------------------------------------------------------------------


def test_a_statement_attacks_itself_through_one_attack_inference() -> None:
    m = liar()
    step = m.inference("a-attacks-a")
    assert (step.relation, step.premises, step.target) == ("attack", ("a",), "a")
    assert [i.id for i in m.objections("a")] == ["a-attacks-a"]
    assert [i.id for i in m.uses("a")] == ["a-attacks-c", "a-attacks-a"]
    assert set(m.graph.successors("a")) == {"a-attacks-c", "a-attacks-a"}
    assert list(m.graph.successors("a-attacks-a")) == ["a"]
    assert m.find_inference("a", "a") == step
    assert am.ArgumentMap.from_networkx(m.graph) == m


def test_an_attack_model_may_have_its_target_as_its_only_premise() -> None:
    m = am.ArgumentMap()
    m.premise("P", id="p")
    m.add_inference(Inference(id="self", relation="attack", premises=("p",), target="p"))
    assert shape(m) == [("attack", ("p",), "p")]


@pytest.mark.parametrize(
    ("relation", "premises", "message"),
    [
        ("support", ["p"], "'p' cannot support itself (it is among the premises)"),
        ("rephrase", "p", "'p' cannot rephrase itself (it is among the premises)"),
        (
            "attack",
            ["p", "q"],
            "'p' cannot attack itself (it is among the premises) (only a single-premise "
            "attack may target its premise)",
        ),
    ],
)
def test_other_steps_from_a_statement_to_itself_are_refused(
    relation: str, premises: Any, message: str
) -> None:
    m = am.ArgumentMap()
    m.premise("P", id="p")
    m.premise("Q", id="q")
    with pytest.raises(am.SelfLoopError) as err:
        getattr(m, relation)(premises, "p")
    assert str(err.value) == message
    assert list(m.inferences) == []


@pytest.mark.parametrize(
    ("relation", "premises"),
    [("support", ("p",)), ("rephrase", ("p",)), ("attack", ("p", "q"))],
)
def test_inference_models_listing_their_target_otherwise_are_invalid(
    relation: str, premises: tuple[str, ...]
) -> None:
    with pytest.raises(ValidationError, match="'p' cannot be both a premise and the target"):
        Inference(id="i", relation=relation, premises=premises, target="p")  # type: ignore[arg-type]


def test_an_undercut_of_itself_is_refused() -> None:
    m = am.ArgumentMap()
    m.premise("P", id="p")
    with pytest.raises(am.SelfLoopError, match=r"^inference 'u' cannot target itself$"):
        m.add_inference(Inference(id="u", relation="undercut", premises=("p",), target="u"))


def test_a_new_statement_cannot_attack_itself_by_its_own_id() -> None:
    m = am.ArgumentMap()
    with pytest.raises(am.SelfLoopError) as err:
        m.counterpoint("K", id="k", attacks="k")
    assert str(err.value) == "'k' cannot attack itself; add it, then use attack('k', 'k')"
    assert len(m) == 0


@pytest.mark.parametrize("param", ["attacks", "supports"])
def test_no_premise_joins_a_self_attack_and_the_map_stays_unchanged(param: str) -> None:
    m = liar()
    before = m.to_json()
    with pytest.raises(am.ArgmapError) as err:
        m.premise("X", id="x", **{param: "a-attacks-a"})
    if param == "attacks":
        assert isinstance(err.value, am.SelfLoopError)
        assert str(err.value) == (
            "cannot join 'x' to 'a-attacks-a': it is 'a' attacking itself, and a linked "
            "attack cannot include its target"
        )
    else:
        assert str(err.value).startswith("cannot join 'x' to 'a-attacks-a' as a support")
    assert m.to_json() == before


def test_a_self_attack_can_be_undercut_and_removed_with_its_statement() -> None:
    m = liar()
    m.counterpoint("Paradoxes prove nothing", id="u", undercuts="a-attacks-a")
    assert [i.id for i in m.objections("a-attacks-a")] == ["u-undercuts-a-attacks-a"]
    m.remove("a")
    assert shape(m) == [("support", ("q",), "c")]


# --- analysis ---------------------------------------------------------------------------


def test_the_framework_has_the_self_attack() -> None:
    assert from_map(liar()).attacks == (("a", "c"), ("a", "a"))


def test_grounded_leaves_a_self_attacker_and_what_it_attacks_undecided() -> None:
    status = evaluate(liar())
    assert {k: s.label for k, s in status.items()} == {"c": "undec", "a": "undec", "q": "in"}
    assert [(s.id, s.reason) for s in status["c"].why] == [
        ("c", "attacked by a, which is undecided (a cycle of attacks)"),
        ("a", "it attacks itself, and nothing that is in attacks it"),
    ]


def test_a_self_attacker_attacked_by_an_accepted_argument_is_out() -> None:
    m = liar()
    m.counterpoint("It is not a sentence about the meeting", id="x", attacks="a")
    status = evaluate(m)
    assert {k: s.label for k, s in status.items()} == {
        "c": "in",
        "a": "out",
        "q": "in",
        "x": "in",
    }
    assert [(s.id, s.reason) for s in status["a"].why] == [
        ("a", "attacked by x, which is in"),
        ("x", "nothing attacks it"),
    ]


@pytest.mark.parametrize("semantics", ["grounded", "complete", "preferred", "stable", "ideal"])
def test_no_extension_contains_a_self_attacker(semantics: str) -> None:
    for ext in extensions(liar(), semantics):  # type: ignore[arg-type]
        assert "a" not in ext
    assert extensions(liar(), "preferred") == [frozenset({"q"})]
    assert extensions(liar(), "stable") == []  # a attacks itself and nothing attacks a


def test_lint_warns_once_per_self_attack() -> None:
    issues = [i for i in lint(liar()) if i.code == "self-attack"]
    assert [(i.message, i.nodes) for i in issues] == [
        (
            "premise 'a' attacks itself ('a-attacks-a'); it can never be accepted under "
            "grounded, preferred or stable semantics",
            ("a",),
        )
    ]
    assert CODES["self-attack"] == "a statement that attacks itself"


def test_stats_count_self_attacks_among_attacks() -> None:
    s = map_stats(liar())
    assert (s["attacks"], s["self_attacks"], s["inferences"]) == (2, 1, 3)


# --- ICCMA files and the command line ---------------------------------------------------


def test_a_self_attacking_argument_reads_as_a_statement_attacking_itself() -> None:
    m = iccma.as_map(iccma.loads("p af 3\n1 1\n1 2\n3 1\n"))
    assert [(s.id, s.kind) for s in m.statements] == [
        ("1", "counterpoint"),
        ("2", "claim"),
        ("3", "counterpoint"),
    ]
    assert [i.id for i in m.inferences] == ["1-attacks-1", "1-attacks-2", "3-attacks-1"]


@pytest.mark.parametrize("seed", range(5))
def test_dense_frameworks_with_self_attacks_survive_the_map(seed: int) -> None:
    af = dense_af(40, 0.1, seed=seed, self_attacks=0.2)
    assert any(a == b for a, b in af.attacks)
    m = iccma.as_map(af)
    assert set(from_map(m).attacks) == set(af.attacks)
    assert set(from_map(m).arguments) == set(af.arguments)


def test_the_map_of_a_benchmark_file_has_the_oracles_extensions() -> None:
    """rand13_n25 has self-attacks; pygarg and python-argumentation computed its answers."""
    answers = json.loads((AF_DIR / "answers.json").read_text(encoding="utf-8"))["rand13_n25"]
    m = registry.load(AF_DIR / "rand13_n25.af")
    assert map_stats(m)["self_attacks"] > 0
    for semantics in ("grounded", "preferred", "stable"):
        want = {frozenset(str(a) for a in ext) for ext in answers[semantics]}
        if semantics == "grounded":
            want = {frozenset(str(a) for a in answers[semantics])}
        assert set(extensions(m, semantics)) == want, semantics


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "argmap", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


@pytest.fixture
def af_files(tmp_path: Path) -> Path:
    (tmp_path / "s.af").write_text("p af 3\n1 1\n1 2\n3 1\n", encoding="utf-8")
    (tmp_path / "s.apx").write_text("arg(a).\narg(b).\natt(a,a).\natt(a,b).\n", encoding="utf-8")
    (tmp_path / "s.tgf").write_text("1\n2\n#\n1 1\n1 2\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("name", ["s.af", "s.apx", "s.tgf"])
def test_check_and_stats_read_iccma_files_with_self_attacks(af_files: Path, name: str) -> None:
    first = "1" if name != "s.apx" else "a"
    checked = cli("check", name, cwd=af_files)
    assert checked.returncode == 0, checked.stderr
    assert (
        f"{name}: warning: self-attack: counterpoint {first!r} attacks itself "
        f"('{first}-attacks-{first}'); it can never be accepted under grounded, preferred "
        "or stable semantics"
    ) in checked.stdout.splitlines()
    counted = cli("stats", name, "--json", cwd=af_files)
    assert counted.returncode == 0, counted.stderr
    report = json.loads(counted.stdout)
    assert (report["attacks"], report["self_attacks"]) == (3 if name == "s.af" else 2, 1)


def test_render_draws_a_self_attack_through_the_real_dot(af_files: Path) -> None:
    result = cli("render", "s.af", "-o", "s.svg", cwd=af_files)
    assert result.returncode == 0, result.stderr
    svg = (af_files / "s.svg").read_text(encoding="utf-8")
    assert 'id="am:1&#45;attacks&#45;1:1"' in svg  # the arrow out of 1 and back into it


def test_eval_is_unchanged_on_a_self_attack(af_files: Path) -> None:
    result = cli("eval", "s.af", "--json", cwd=af_files)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["extensions"] == [["2", "3"]]


def test_every_corpus_framework_is_a_map_for_check(tmp_path: Path) -> None:
    """The 19 frameworks of the test data; 5 have self-attacks (refused before)."""
    for path in sorted([*AF_DIR.glob("*.af"), *(DATA / "af").glob("*.af")]):
        shutil.copy(path, tmp_path / path.name)
    names = sorted(p.name for p in tmp_path.glob("*.af"))
    result = cli("check", *names, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    n = len(list(tmp_path.glob("*.af")))
    assert result.stdout.splitlines()[-1].startswith(f"{n} maps checked: {n} ok, 0 failed")
    counted = json.loads(cli("stats", *names, "--json", cwd=tmp_path).stdout)
    assert (n, len(counted["files"]), counted["failures"]) == (19, 19, [])
    assert sum(1 for f in counted["files"] if f["self_attacks"]) == 5
    assert counted["self_attacks"] == 6


# --- writers: each writes a self-attack its reader reads back ----------------------------

READ_BACK = [
    "argmap", "aif", "xaif", "sadface", "arguebuf", "graphml", "argdown", "af", "apx", "tgf"
]  # fmt: skip


def test_every_writer_that_has_a_reader_is_in_the_round_trip_list() -> None:
    both = sorted(s.name for s in registry.formats() if s.dumps and s.loads)
    assert both == sorted(READ_BACK)


@pytest.mark.parametrize("name", READ_BACK)
def test_a_self_attack_round_trips(name: str) -> None:
    m = liar()
    back = registry.loads(registry.dumps(m, name), name)
    if name in ("af", "apx", "tgf"):  # frameworks: attacks only
        assert [s for s in shape(back) if s[0] == "attack"] == shape(back)
        assert shape(back) == [s for s in shape(m) if s[0] == "attack"]
    else:
        assert shape(back) == shape(m)
    assert registry.dumps(m, name) == registry.dumps(liar(), name)  # deterministic


def test_exact_dot_of_an_undercut_self_attack_loops_through_its_junction() -> None:
    m = am.ArgumentMap()
    a = m.premise("A", id="a")
    m.attack(a, a)
    m.counterpoint("U", id="u", undercuts="a-attacks-a")
    lines = [line.strip() for line in registry.dumps(m, "dot").splitlines() if "->" in line]
    assert [line.split(" [")[0] for line in lines] == [
        'a -> "a-attacks-a"',
        '"a-attacks-a" -> a',
        'u -> "a-attacks-a"',
    ]
    mermaid = [line.strip() for line in registry.dumps(m, "mermaid").splitlines()]
    assert mermaid[4:7] == ["s1 -.- j1", "j1 -.-> s1", "s2 -.-x j1"]


def run_dot(m: am.ArgumentMap, dot_binary: str) -> str:
    """The SVG the real ``dot`` draws of the map; it must not complain."""
    result = subprocess.run(
        [dot_binary, "-Tsvg"],
        input=registry.dumps(m, "dot"),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0 and result.stderr == "", result.stderr
    return result.stdout


def test_dot_accepts_a_self_attack_with_and_without_a_junction(dot_binary: str) -> None:
    m = liar()
    assert 'id="am:a&#45;attacks&#45;a:a"' in run_dot(m, dot_binary)  # a straight loop
    m.counterpoint("U", id="u", undercuts="a-attacks-a")
    junction = run_dot(m, dot_binary)
    assert 'id="am:a&#45;attacks&#45;a:a"' in junction  # out of the junction into a
    assert 'id="am:a:a&#45;attacks&#45;a"' in junction  # out of a into the junction


def test_arguebuf_reads_the_self_attack_scheme_and_argmap_reads_its_output() -> None:
    m = liar()
    text = abj.dumps(m)
    g = ab.load.dict(json.loads(text))
    node = g.scheme_nodes["a-attacks-a"]
    assert isinstance(node.scheme, ab.Attack)
    assert [n.id for n in g.incoming_nodes(node)] == ["a"]
    assert [n.id for n in g.outgoing_nodes(node)] == ["a"]
    out = io.StringIO()
    ab.dump.io(g, out)
    assert shape(abj.loads(out.getvalue())) == shape(m)


ARGDOWN = Path(sys.prefix) / "node" / "node_modules" / ".bin" / "argdown"


def noted() -> am.ArgumentMap:
    """A self-attack with an id, note and tags of its own, undercut: Argdown holds it
    only as an argument whose conclusion is its premise."""
    m = am.ArgumentMap()
    a = m.premise("This sentence is false", id="a")
    m.attack(a, a, id="x", note="a paradox", tags=["logic"])
    m.counterpoint("Paradoxes prove nothing", id="u", undercuts="x")
    return m


def attacked_then_self() -> am.ArgumentMap:
    m = am.ArgumentMap()
    a = m.premise("A", id="a")
    m.attack(m.counterpoint("S", id="s"), a)
    m.attack(a, a)
    return m


def test_argdown_writes_a_self_attack_first_under_its_statement() -> None:
    """In the readable order; the exact order (the default) keeps the map's order."""
    from argmap.formats import argdown

    text = argdown.dumps(attacked_then_self(), order="readable")
    assert text.splitlines()[:3] == [
        "[a]: A {kind: premise, untitled: true}",
        "    - [a]",
        "    - S",
    ]


def test_argdown_writes_a_self_attack_with_its_own_fields_as_an_argument() -> None:
    m = noted()
    text = registry.dumps(m, "argdown")
    assert "(1) [a]: This sentence is false" in text
    assert "-- {relation: attack} --\n    <_ Paradoxes prove nothing {id: u}\n(2) [a]" in text
    back = registry.loads(text, "argdown")
    assert {i.id: (i.relation, i.premises, i.target, i.note, i.tags) for i in back.inferences} == {
        "x": ("attack", ("a",), "a", "a paradox", ("logic",)),
        "u-undercuts-x": ("undercut", ("u",), "x", None, ()),
    }


def test_the_argdown_cli_reads_the_written_self_attack_as_an_attack_on_itself(
    tmp_path: Path,
) -> None:
    from argmap.formats import argdown

    pinned_node_package("node_modules/.bin/argdown", "the Argdown CLI")
    written = registry.dumps(liar(), "argdown")
    texts = {
        "self": "[A]: a\n  - [A]\n",
        "written": written,
        "argument": registry.dumps(noted(), "argdown"),
        # the readable order: the map has the self-attack after another attack on the
        # statement, which the exact order keeps and the CLI then drops (see "quirk")
        "after": argdown.dumps(attacked_then_self(), order="readable"),
        "quirk": "[A]: a\n  - [S]: s\n  - [A]\n",  # the CLI drops the second line
    }
    (tmp_path / "in").mkdir()
    for name, text in texts.items():
        (tmp_path / "in" / f"{name}.argdown").write_text(text, encoding="utf-8")
    result = subprocess.run(
        [str(ARGDOWN), "json", "in/*.argdown", "out"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    seen = {
        name: {
            (r["from"], r["relationType"], r["to"])
            for r in json.loads((tmp_path / "out" / f"{name}.json").read_text())["relations"]
        }
        for name in texts
    }
    argument = json.loads((tmp_path / "out" / "argument.json").read_text())["arguments"]["x"]
    premise, conclusion = argument["pcs"]
    assert (premise["role"], premise["title"]) == ("premise", "a")
    assert (conclusion["role"], conclusion["title"]) == ("main-conclusion", "a")
    assert conclusion["inference"]["data"] == {"relation": "attack"}
    assert seen["argument"] == {("Untitled 1", "undercut", "x")}
    assert seen["self"] == {("A", "attack", "A")}
    assert seen["quirk"] == {("S", "attack", "A")}  # hence the writer's order:
    assert seen["after"] == {("Untitled 1", "attack", "a"), ("a", "attack", "a")}
    assert ("a", "attack", "a") in seen["written"]
    assert shape(registry.loads(texts["self"], "argdown")) == [("attack", ("a",), "a")]
