"""Patterns compiled on first use.

Python compiles a regular expression in Python code: a third of a millisecond for a pattern with
a wide character class, a few for the dozens a module may hold. A pattern only some runs need
(an error's hint, a rare case's rule) is written `X = lazy(...)` and used as `X().match(...)`,
so that start-up pays only for the patterns a command uses.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable


def lazy(pattern: str, flags: int = 0) -> Callable[[], re.Pattern[str]]:
    """A function returning `pattern` compiled, compiling it on its first call only."""
    return lru_cache(maxsize=1)(lambda: re.compile(pattern, flags))
