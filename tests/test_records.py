"""records.Record: what the start-up path's classes get from it is what dataclasses give them.

Each class body below is built twice, once as a dataclass and once as a Record, and both are
asked the same things: construction (positional, keyword, defaults, factories, the errors),
repr, equality and hashing, frozen assignment."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import ClassVar

import pytest

from appealkit.records import Record


def _pair(body: str, **options):
    """The same class body as a dataclass and as a Record with `options` (eq, frozen)."""
    # __name__: dataclasses resolve a string annotation ("ClassVar[str]") in the class's module
    ns = {"field": field, "ClassVar": ClassVar, "Record": Record, "dataclass": dataclass, "__name__": __name__}
    kw = ", ".join(f"{k}={v}" for k, v in options.items())
    exec(f"@dataclass({kw})\nclass D:\n{body}\n", ns)
    exec(f"class R(Record{', ' + kw if kw else ''}):\n{body}\n", ns)
    return ns["D"], ns["R"]


BODY = '''
    name: str
    lines: list = field(default_factory=list)
    country: str | None = None
    hidden: int = field(default=0, repr=False, compare=False)
    kind: ClassVar[str] = "address"
'''


def _outcome(fn):
    try:
        return ("ok", fn())
    except Exception as e:  # the same kind of error, named the same way
        return (type(e).__name__, str(e).replace("D.__init__()", "D()").replace("R.__init__()", "R()")
                .replace("R()", "D()"))


@pytest.mark.parametrize("args,kwargs", [
    (("Ann",), {}), (("Ann", ["a"], "RU", 3), {}), ((), {"name": "Ann", "country": "KZ"}),
    (("Ann",), {"hidden": 5}), ((), {}), (("Ann", [], "RU", 1, "x"), {}), (("Ann",), {"name": "B"}),
    (("Ann",), {"colour": "red"}),
])
def test_construction_as_dataclasses_do(args, kwargs):
    D, R = _pair(BODY)
    d, r = _outcome(lambda: D(*args, **kwargs)), _outcome(lambda: R(*args, **kwargs))
    assert d[0] == r[0]
    if d[0] == "ok":
        assert [getattr(d[1], f.name) for f in dataclasses.fields(D)] == [getattr(r[1], n) for n in ("name", "lines", "country", "hidden")]
        assert repr(d[1]).replace("D(", "R(") == repr(r[1])


def test_factories_give_each_instance_its_own_value():
    _, R = _pair(BODY)
    a, b = R("a"), R("b")
    a.lines.append("x")
    assert b.lines == [] and R.kind == "address" and "kind" not in R._record_fields


@pytest.mark.parametrize("options", [{}, {"eq": False}, {"frozen": True}])
def test_equality_and_hashing_as_dataclasses_do(options):
    D, R = _pair(BODY, **options)
    for cls in (D, R):
        a, b, c = cls("A", ["x"], hidden=1), cls("A", ["x"], hidden=2), cls("B")
        same = (a == b, a == c, a == "A", a != b)
        try:
            hashed = hash(a) == hash(b)
        except TypeError:
            hashed = None
        if cls is D:
            want = (same, hashed)
        else:
            assert (same, hashed) == want


def test_frozen_refuses_assignment():
    _, R = _pair(BODY, frozen=True)
    r = R("A")
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.name = "B"
    with pytest.raises(dataclasses.FrozenInstanceError):
        del r.name


def test_a_subclass_adds_its_fields_after_the_bases():
    class Base(Record):
        a: int
        b: int = 2

    class Sub(Base):
        c: int = 3
        b: int = 20  # redeclared: keeps its place, takes the new default

    assert Sub._record_fields == ("a", "b", "c") and Sub(1).b == 20
    assert repr(Sub(1, c=4)) == "test_a_subclass_adds_its_fields_after_the_bases.<locals>.Sub(a=1, b=20, c=4)"


def test_the_class_errors_dataclasses_raise():
    with pytest.raises(ValueError, match="mutable default"):
        _pair("    x: list = []")
    with pytest.raises(TypeError, match="non-default argument 'y' follows default argument"):
        _pair("    x: int = 1\n    y: int")


def test_post_init_runs_after_the_fields_are_set():
    class Run(Record):
        cases: list = field(default_factory=list)
        many: bool = False

        def __post_init__(self):
            self.many = self.many or len(self.cases) > 1

    assert Run(["a", "b"]).many and not Run(["a"]).many
