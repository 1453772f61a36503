"""Record classes declared like dataclasses, built without dataclasses' start-up cost.

`@dataclass` writes __init__, __repr__ and __eq__ as source and compiles each with exec():
0.6-1 ms a class, about 12 ms for appealkit's fourteen, which is as long as starting Python
itself, on commands that scripts run in loops. `@record` reads the same annotations and
defaults and attaches shared generic methods instead (about 0.03 ms a class). Records are
built a few dozen times a run, so the generic __init__ costs nothing measurable.

Supported, as in dataclasses: positional or keyword construction, plain defaults,
`field(factory=...)` for a fresh list or dict per instance, `field(compare=False)` to leave a
field out of ==, hash and repr, and `frozen=True` (immutable and hashable).
"""

from __future__ import annotations

_NONE = object()  # "no default": None is a legitimate default


class field:  # noqa: N801 - used like dataclasses.field
    __slots__ = ("default", "factory", "compare")

    def __init__(self, default=_NONE, *, factory=None, compare: bool = True):
        self.default, self.factory, self.compare = default, factory, compare


class FrozenError(AttributeError):
    pass


def record(cls=None, *, frozen: bool = False):
    """Make `cls` a record of its annotated class attributes, in order of declaration."""
    if cls is None:
        return lambda c: _build(c, frozen)
    return _build(cls, frozen)


def _build(cls, frozen: bool):
    spec = []  # (name, default, factory)
    compared = []
    for name in cls.__dict__.get("__annotations__", {}):
        value = cls.__dict__.get(name, _NONE)
        if isinstance(value, field):
            f = value
            if f.default is _NONE:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)
        else:
            f = field(value)
        if f.default is _NONE and f.factory is None and spec and (spec[-1][1] is not _NONE or spec[-1][2]):
            raise TypeError(f"{cls.__name__}: field {name!r} without a default follows one with a default")
        spec.append((name, f.default, f.factory))
        if f.compare:
            compared.append(name)
    compared = tuple(compared)
    qual = cls.__qualname__
    put = object.__setattr__

    def __init__(self, *args, **kwargs):
        if len(args) > len(spec):
            raise TypeError(f"{qual}() takes {len(spec)} arguments, {len(args)} given")
        for i, (name, default, factory) in enumerate(spec):
            if i < len(args):
                if name in kwargs:
                    raise TypeError(f"{qual}() got two values for {name!r}")
                value = args[i]
            elif name in kwargs:
                value = kwargs.pop(name)
            elif factory is not None:
                value = factory()
            elif default is not _NONE:
                value = default
            else:
                raise TypeError(f"{qual}() missing argument {name!r}")
            put(self, name, value)
        if kwargs:  # every known name was popped above
            raise TypeError(f"{qual}() got unexpected arguments {sorted(kwargs)}")

    def key(self):
        return tuple(getattr(self, n) for n in compared)

    def __eq__(self, other):
        if other.__class__ is not self.__class__:
            return NotImplemented
        return key(self) == key(other)

    def __repr__(self):
        return f"{qual}({', '.join(f'{n}={getattr(self, n)!r}' for n in compared)})"

    cls.__init__, cls.__eq__, cls.__repr__ = __init__, __eq__, __repr__
    if frozen:
        def __setattr__(self, name, value):
            raise FrozenError(f"cannot assign to field {name!r} of frozen {qual}")

        def __delattr__(self, name):
            raise FrozenError(f"cannot delete field {name!r} of frozen {qual}")

        cls.__setattr__, cls.__delattr__ = __setattr__, __delattr__
        cls.__hash__ = lambda self: hash(key(self))
    else:
        cls.__hash__ = None  # mutable and comparable by value, hence unhashable, as dataclasses do
    return cls
