"""Records: the dataclasses of the start-up path, without the code generation.

`@dataclass` writes each class's `__init__`, `__repr__` and `__eq__` as source text and compiles
it when its module is imported: 0.3-0.9 ms a class. `appealkit check` meets some twenty such
classes before it reads the case (the case model, the address block, the post, the report), and
that was a fifth of all its own work. A Record's methods are written once, here, for every class,
so a class costs what a plain class costs.

    class Address(Record, eq=False):
        country: str
        lines: list[str]
        postcode: str | None = None
        notes: list[str] = field(default_factory=list)

Fields are the class's annotations in order (a base's first); a default or `field(default=...,
default_factory=..., repr=..., compare=...)` works as with dataclasses, as do positional and
keyword arguments and their errors. `eq=False` leaves identity comparison (and hashing) to
`object`; otherwise records compare field by field with records of their own class and are
unhashable, as dataclasses are, unless `frozen=True`, which refuses assignment and hashes the
compared fields. Type checkers read a Record as a dataclass (dataclass_transform).
What `dataclasses` offers beyond that (asdict, replace, fields, slots) is not here: the classes
that need it, and those no start-up path loads, stay dataclasses.
"""

from __future__ import annotations

import sys
from dataclasses import MISSING, Field, FrozenInstanceError, field
from typing import Any, Callable, ClassVar

if sys.version_info >= (3, 11):
    from typing import dataclass_transform
else:  # pragma: no cover - Python 3.10
    from typing_extensions import dataclass_transform

__all__ = ["Record", "field"]


@dataclass_transform(field_specifiers=(field, Field))
class Record:
    _record_fields: ClassVar[tuple[str, ...]] = ()
    _record_defaults: ClassVar[dict[str, Any]] = {}  # field -> value, for fields with a default
    _record_factories: ClassVar[dict[str, Callable[[], Any]]] = {}  # field -> default_factory
    _record_shown: ClassVar[tuple[str, ...]] = ()  # the fields repr() shows
    _record_compared: ClassVar[tuple[str, ...]] = ()  # the fields == compares
    _record_post_init: ClassVar[bool] = False

    def __init_subclass__(cls, eq: bool = True, frozen: bool = False, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        fields = list(cls._record_fields)
        defaults, factories = dict(cls._record_defaults), dict(cls._record_factories)
        shown, compared = list(cls._record_shown), list(cls._record_compared)
        for name, annotation in cls.__dict__.get("__annotations__", {}).items():
            if str(annotation).startswith(("ClassVar", "typing.ClassVar")):
                continue
            value = cls.__dict__.get(name, MISSING)
            show = compare = True
            if isinstance(value, Field):
                show, compare = value.repr, value.compare
                if value.default_factory is not MISSING:
                    factories[name] = value.default_factory
                    defaults.pop(name, None)
                    delattr(cls, name)
                elif value.default is not MISSING:
                    defaults[name] = value.default
                    setattr(cls, name, value.default)
                else:
                    delattr(cls, name)
            elif value is not MISSING:
                if isinstance(value, (list, dict, set)):
                    raise ValueError(f"mutable default {type(value).__name__} for field {name}: use field(default_factory=...)")
                defaults[name] = value
                factories.pop(name, None)
            if name in fields:  # redeclared in a subclass: it keeps its place
                shown = [f for f in shown if f != name]
                compared = [f for f in compared if f != name]
            else:
                fields.append(name)
            if not (name in defaults or name in factories) and any(
                    f in defaults or f in factories for f in fields[:fields.index(name)]):
                raise TypeError(f"non-default argument '{name}' follows default argument")
            shown += [name] if show else []
            compared += [name] if compare else []
        cls._record_fields, cls._record_defaults, cls._record_factories = tuple(fields), defaults, factories
        cls._record_shown = tuple(f for f in fields if f in shown)
        cls._record_compared = tuple(f for f in fields if f in compared)
        setattr(cls, "__match_args__", tuple(fields))
        cls._record_post_init = hasattr(cls, "__post_init__")  # asked once, not at every instance
        if eq:
            setattr(cls, "__eq__", Record._eq)
            setattr(cls, "__hash__", Record._hash if frozen else None)
        if frozen:
            setattr(cls, "__setattr__", Record._refuse)
            setattr(cls, "__delattr__", Record._refuse)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        fields = self._record_fields
        if len(args) > len(fields):
            raise TypeError(f"{type(self).__name__}() takes {len(fields)} arguments but {len(args)} were given")
        values = dict(zip(fields, args))
        for name, value in kwargs.items():
            if name not in fields:
                raise TypeError(f"{type(self).__name__}() got an unexpected keyword argument '{name}'")
            if name in values:
                raise TypeError(f"{type(self).__name__}() got multiple values for argument '{name}'")
            values[name] = value
        for name in fields[len(args):]:
            if name not in values:
                if name in self._record_factories:
                    values[name] = self._record_factories[name]()
                elif name in self._record_defaults:
                    values[name] = self._record_defaults[name]
                else:
                    raise TypeError(f"{type(self).__name__}() missing required argument: '{name}'")
        self.__dict__.update(values)
        if self._record_post_init:
            self.__post_init__()  # type: ignore[attr-defined]

    def __repr__(self) -> str:
        inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._record_shown)
        return f"{type(self).__qualname__}({inner})"

    def _eq(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        names = self._record_compared
        return tuple(getattr(self, f) for f in names) == tuple(getattr(other, f) for f in names)

    def _hash(self) -> int:
        return hash(tuple(getattr(self, f) for f in self._record_compared))

    def _refuse(self, name: str, *value: Any) -> None:
        raise FrozenInstanceError(f"cannot assign to field '{name}'")
