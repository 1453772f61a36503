"""appealkit.records behaves like the dataclasses it replaces, for every feature the code uses."""

from __future__ import annotations

import pytest

from appealkit.records import FrozenError, field, record


@record
class Item:
    name: str
    count: int = 0
    tags: list = field(factory=list)
    note: str | None = None
    cache: dict = field(factory=dict, compare=False)


@record(frozen=True)
class Place:
    file: str | None = None
    line: int | None = None


@pytest.mark.parametrize("args, kwargs, expected", [
    (("a",), {}, ("a", 0, [], None)),
    (("a", 2), {}, ("a", 2, [], None)),
    ((), {"name": "a", "note": "n"}, ("a", 0, [], "n")),
    (("a",), {"tags": ["x"], "count": 3}, ("a", 3, ["x"], None)),
])
def test_construction_positional_keyword_and_defaults(args, kwargs, expected):
    it = Item(*args, **kwargs)
    assert (it.name, it.count, it.tags, it.note) == expected


@pytest.mark.parametrize("args, kwargs, message", [
    ((), {}, "missing argument 'name'"),
    (("a",), {"name": "b"}, "two values for 'name'"),
    (("a",), {"colour": "red"}, "unexpected arguments ['colour']"),
    (("a", 1, [], None, {}, "extra"), {}, "takes 5 arguments, 6 given"),
])
def test_bad_construction_is_a_type_error(args, kwargs, message):
    with pytest.raises(TypeError, match=message.replace("[", r"\[").replace("]", r"\]")):
        Item(*args, **kwargs)


def test_factories_give_each_instance_its_own_value():
    a, b = Item("a"), Item("b")
    a.tags.append("x")
    a.cache["k"] = 1
    assert b.tags == [] and b.cache == {}


def test_equality_skips_uncompared_fields_and_mutable_records_are_unhashable():
    a, b = Item("a", tags=["t"]), Item("a", tags=["t"])
    a.cache["derived"] = 1
    assert a == b and a != Item("b") and a != ("a", 0)
    with pytest.raises(TypeError):
        hash(a)


def test_repr_names_the_compared_fields():
    assert repr(Item("a", 1)) == "Item(name='a', count=1, tags=[], note=None)"


def test_frozen_records_are_immutable_and_hashable():
    p = Place("f.yaml", 3)
    with pytest.raises(FrozenError):
        p.line = 4
    with pytest.raises(AttributeError):
        del p.file
    assert hash(p) == hash(Place("f.yaml", 3)) and {p, Place("f.yaml", 3)} == {p}


def test_a_field_without_default_after_one_with_default_is_refused():
    with pytest.raises(TypeError, match="'b' without a default"):
        @record
        class Bad:
            a: int = 0
            b: int


def test_class_attributes_hold_plain_defaults_only():
    assert Item.count == 0 and not hasattr(Item, "tags")
