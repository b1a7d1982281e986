"""Enums whose members carry their label: they still behave as the plain StrEnums they replaced."""

from __future__ import annotations

import copy
import json
import pickle

import pydantic
import pytest

from officeapp.core.labels import LabelledEnum, labels
from officeapp.org import Role
from officeapp.workflow.model import ActionKind


class Colour(LabelledEnum):
    """A small enum for the tests (module level, so that pickle finds it)."""

    RED = "red", "红"
    GREEN = "green", "绿"
    CRIMSON = "crimson", "红"


class Painted(pydantic.BaseModel):
    colour: Colour


def test_members_are_their_value_and_carry_their_label() -> None:
    text: str = "red"
    assert Colour(text) is Colour.RED
    assert text == Colour.RED
    assert Colour.RED.value == "red"
    assert Colour.RED.label == "红"
    assert str(Colour.RED) == "red"
    assert f"{Colour.RED}" == "red"
    assert {"red": 1}[Colour.RED] == 1


def test_a_label_is_not_a_value() -> None:
    with pytest.raises(ValueError):
        Colour("红")


def test_members_sharing_a_label_stay_apart() -> None:
    assert list(Colour) == [Colour.RED, Colour.GREEN, Colour.CRIMSON]
    assert len(set(ActionKind)) == len(ActionKind.__members__)
    assert ActionKind.READ.label == ActionKind.ACKNOWLEDGE.label == "已阅"


def test_members_survive_pickle_copy_and_json() -> None:
    assert pickle.loads(pickle.dumps(Colour.GREEN)) is Colour.GREEN
    assert copy.deepcopy(Colour.GREEN) is Colour.GREEN
    assert json.dumps({Colour.GREEN: [Colour.RED]}) == '{"green": ["red"]}'


def test_pydantic_reads_and_writes_the_value() -> None:
    painted = Painted.model_validate({"colour": "green"})
    assert painted.colour is Colour.GREEN
    assert painted.model_dump_json() == '{"colour":"green"}'
    assert Painted.model_json_schema()["$defs"]["Colour"]["enum"] == ["red", "green", "crimson"]


def test_a_member_without_a_label_is_refused_when_the_enum_is_declared() -> None:
    with pytest.raises(TypeError, match="without a label"):
        class Unlabelled(LabelledEnum):
            PLAIN = "plain"


def test_labels_lists_every_member_in_order_and_cannot_be_changed() -> None:
    table = labels(Role)
    assert list(table) == list(Role)
    assert table[Role.CLERK] == "办文人员"
    with pytest.raises(TypeError):
        table[Role.CLERK] = "x"  # type: ignore[index]
