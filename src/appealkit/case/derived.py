"""What a run derives from one case, each value computed once: the address blocks, a letter's
template context, the address warnings of a letter. Letters ask for the same blocks and context
for every writer of a mail merge, so they are kept for the run; the case's `derived` holds them
and goes with the case. Keys are values (never an object's id()), so equal questions share."""

from __future__ import annotations

from typing import Any, Callable, Literal, TypeVar

Kind = Literal["blocks", "context", "address-warnings", "support-language"]
T = TypeVar("T")


class Derived:
    __slots__ = ("_memo",)

    def __init__(self) -> None:
        self._memo: dict[tuple, Any] = {}

    def get(self, kind: Kind, key: tuple, make: Callable[[], T]) -> T:
        """The `kind` value for `key`: made by `make()` the first time it is asked for."""
        k = (kind, *key)
        if k in self._memo:
            return self._memo[k]
        value = self._memo[k] = make()
        return value

    def mark(self) -> int:
        """A point to trim back to (how many values are kept now)."""
        return len(self._memo)

    def trim(self, mark: int, slack: int) -> None:
        """Bound what a long run keeps: beyond `slack` values added since `mark`, the newest go
        (values made per writer, such as a context holding the sender, would pile up); what the
        first writers made, shared by all, stays."""
        if len(self._memo) - mark > slack:
            for key in list(self._memo)[mark + slack // 2:]:
                del self._memo[key]

    def __len__(self) -> int:
        return len(self._memo)
