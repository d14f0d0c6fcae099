"""The pydantic models: statements and inferences validate their own shape."""

from __future__ import annotations

import copy
import dataclasses
import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from argmap import Inference, Quote, Source, Statement, slugify
from argmap.errors import describe_validation_error
from argmap.model import Id, adapter, as_dict, is_valid_id, quick_inference, quick_statement


def test_statement_defaults_and_immutability() -> None:
    s = Statement(id="main", kind="claim", text="NATO out-produces Russia")
    assert (s.title, s.note, s.tags, s.metadata) == (None, None, (), {})
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field 'text'"):
        s.text = "changed"  # type: ignore[misc]
    assert Statement("main", "claim", "NATO out-produces Russia") == s  # dataclass order


def test_models_are_slotted_dataclasses_that_copy_pickle_and_replace() -> None:
    quote = Quote(source="a", start=0, end=4, text="NATO")
    s = Statement(id="main", kind="claim", text="NATO", tags=("t",), quotes=(quote,))
    i = Inference(id="i", relation="support", premises=("p",), target="main")
    src = Source(id="a", text="NATO out-produces Russia")
    for model in (s, i, src, quote):
        assert not hasattr(model, "__dict__")  # one small object per model
        assert copy.copy(model) == model
        assert copy.deepcopy(model) == model
        assert pickle.loads(pickle.dumps(model)) == model
    assert dataclasses.replace(s, text="Russia").text == "Russia"
    with pytest.raises(ValidationError, match="must not be empty or only whitespace"):
        dataclasses.replace(s, text=" ")  # replace validates like the constructor


def test_adapter_validates_and_dumps_plain_data() -> None:
    s = adapter(Statement).validate_python({"id": "c", "kind": "claim", "text": "Hi"})
    assert s == Statement(id="c", kind="claim", text="Hi")
    assert as_dict(s, exclude_defaults=True) == {"id": "c", "kind": "claim", "text": "Hi"}
    assert as_dict(Quote(source="a", start=0, end=2, text="Hi"), mode="json") == {
        "source": "a",
        "start": 0,
        "end": 2,
        "text": "Hi",
        "paraphrase": False,
    }
    assert adapter(Statement) is adapter(Statement)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("id", "has space", "should match pattern"),
        ("id", "a:b", "should match pattern"),
        ("id", "-leading-dash", "should match pattern"),
        ("id", "", "should match pattern"),
        ("kind", "opinion", "'claim', 'premise' or 'counterpoint'"),
        ("text", "   ", "must not be empty or only whitespace"),
        ("tags", ("ok", " "), "must not be empty or only whitespace"),
        ("colour", "red", "Extra inputs are not permitted"),
    ],
)
def test_statement_rejects_bad_fields_naming_the_field(
    field: str, value: object, message: str
) -> None:
    data: dict[str, object] = {"id": "s1", "kind": "premise", "text": "A reason"}
    data[field] = value
    with pytest.raises(ValidationError) as info:
        adapter(Statement).validate_python(data)
    assert info.value.errors()[0]["loc"][0] == field
    described = describe_validation_error(info.value, indent="")
    assert described.startswith(f"{field}") and message in described


def test_metadata_must_be_json() -> None:
    with pytest.raises(ValidationError, match="metadata"):
        Statement(id="s", kind="claim", text="x", metadata={"when": object()})  # type: ignore[dict-item]


def test_inference_linked_and_shape_checks() -> None:
    linked = Inference(id="i", relation="support", premises=("p1", "p2"), target="c")
    single = Inference(id="j", relation="attack", premises=("k",), target="c")
    assert linked.linked and not single.linked
    with pytest.raises(ValidationError, match="premise 'p1' is listed twice"):
        Inference(id="i", relation="support", premises=("p1", "p1"), target="c")
    with pytest.raises(ValidationError, match="'c' cannot be both a premise and the target"):
        Inference(id="i", relation="support", premises=("c",), target="c")
    with pytest.raises(ValidationError, match="at least 1 item"):
        Inference(id="i", relation="support", premises=(), target="c")
    with pytest.raises(ValidationError, match="'support', 'attack', 'undercut' or 'rephrase'"):
        adapter(Inference).validate_python(
            {"id": "i", "relation": "rebut", "premises": ["p"], "target": "c"}
        )


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("NATO now out-produces Russia in ammunition production", "nato-now-out-produces-russia"),
        ("Ça va très bien", "ca-va-tres-bien"),
        ("  ", "s"),
        ("Supercalifragilisticexpialidocious" * 3, "supercalifragilisticexpialidocioussuperc"),
        ("Russia’s edge", "russias-edge"),
    ],
)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


@pytest.mark.parametrize(
    "value", [float("inf"), float("-inf"), float("nan"), [1.0, {"x": float("nan")}]]
)
def test_metadata_refuses_numbers_json_cannot_hold(value: object) -> None:
    with pytest.raises(ValidationError, match="cannot be written as JSON"):
        Statement(id="s", kind="claim", text="x", metadata={"w": value})  # type: ignore[dict-item]


@pytest.mark.parametrize("field", ["text", "title", "note", "tags", "metadata"])
def test_lone_surrogates_are_refused_where_given(field: str) -> None:
    bad = "C \ud800"
    value: object = {"text": bad, "title": bad, "note": bad, "tags": (bad,), "metadata": {bad: 1}}[
        field
    ]
    data: dict[str, object] = {"id": "s", "kind": "claim", "text": "ok", field: value}
    with pytest.raises(ValidationError, match="lone surrogate"):
        adapter(Statement).validate_python(data)


def test_models_are_hashable_consistently_with_equality() -> None:
    c = Statement(id="c", kind="claim", text="C", metadata={"page": 1})
    p = Statement(id="p", kind="premise", text="P")
    i = Inference(id="i", relation="support", premises=("p",), target="c", metadata={"x": [1]})
    src = Source(id="a", text="A text")
    assert len({c, p, i, src, Statement(id="c", kind="claim", text="C", metadata={"page": 1})}) == 4
    assert hash(dataclasses.replace(c, note="n")) == hash(c)  # same id, same bucket
    assert dataclasses.replace(c, note="n") != c  # equality still compares every field
    assert {Quote(source="a", start=0, end=1, text="A")} == {
        Quote(source="a", start=0, end=1, text="A")
    }


# ---------------------------------------------- the map's quick way to make models
def _valid_id(value: object) -> bool:
    try:
        TypeAdapter(Id).validate_python(value)
    except ValidationError:
        return False
    return True


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(
        st.text(alphabet="aZ09_.-\n \u00e9", max_size=6),
        st.text(alphabet="ab", min_size=199, max_size=201),
        st.integers(),
    )
)
def test_quick_id_check_accepts_exactly_what_the_id_field_accepts(value: object) -> None:
    assert is_valid_id(value) == _valid_id(value)


@pytest.mark.parametrize(
    ("id", "text"),
    [("s1", "A reason"), ("x" * 200, "Ça va, ‘très’ bien"), ("_a.b-c", " padded ")],
)
def test_quick_statement_equals_the_validated_one_field_for_field(id: str, text: str) -> None:
    quick = quick_statement(id, "premise", text)
    validated = Statement(id=id, kind="premise", text=text)
    assert quick is not None
    names = [f.name for f in dataclasses.fields(Statement)]
    assert [getattr(quick, n) for n in names] == [getattr(validated, n) for n in names]
    assert quick == validated and type(quick) is Statement
    other = quick_statement(id, "premise", text)
    assert other is not None and other.metadata is not quick.metadata  # a dict of its own


def test_quick_inference_equals_the_validated_one_field_for_field() -> None:
    quick = quick_inference("p-supports-c", "support", "p", "c")
    validated = Inference(id="p-supports-c", relation="support", premises=("p",), target="c")
    assert quick is not None
    names = [f.name for f in dataclasses.fields(Inference)]
    assert [getattr(quick, n) for n in names] == [getattr(validated, n) for n in names]
    assert quick == validated and type(quick) is Inference


class _Text(str):
    pass


@pytest.mark.parametrize(
    ("id", "text"),
    [
        ("s1", ""),
        ("s1", " \t"),
        ("s1", "C \ud800"),
        ("s1", b"bytes"),
        ("s1", _Text("a str subclass")),
        ("s 1", "text"),
        ("s1\n", "text"),
        ("-s1", "text"),
        ("s" * 201, "text"),
        (None, "text"),
    ],
)
def test_quick_statement_leaves_anything_doubtful_to_validation(id: object, text: object) -> None:
    assert quick_statement(id, "claim", text) is None


@pytest.mark.parametrize(
    ("id", "premise", "target"),
    [("i", "c", "c"), ("i 1", "p", "c"), ("i", "p\n", "c"), ("i", "p", "c" * 201), ("i", "p", "")],
)
def test_quick_inference_leaves_anything_doubtful_to_validation(
    id: str, premise: str, target: str
) -> None:
    assert quick_inference(id, "attack", premise, target) is None
