"""A user's --template under limits: its size, the work one letter may take and the letter's
length. A template is the user's code, run in Jinja2's sandbox; the sandbox stops it reaching
files or Python's insides but not from running for ever (nested `range(100000)`), making a
number of ten billion digits (`10**(10**10)`) or a string of ten gigabytes (`'A'*10**10`).
Each of these ends in one template error naming the template, never an "internal error".
The built-in templates are the project's own and run without these checks."""

from __future__ import annotations

import contextvars
import math
from functools import lru_cache

from ..errors import AppealkitError, UsageError, Where

MAX_SOURCE = 1_000_000  # bytes of template: a letter template is a few kilobytes
MAX_OUTPUT = 1_000_000  # characters of one letter
MAX_STEPS = 1_000_000  # range() items one letter may loop over, all loops together
MAX_INT_BITS = 4096  # a number in a letter needs far fewer
TIME_LIMIT = 5.0  # seconds for one letter (a letter takes milliseconds); where signals allow

_steps: contextvars.ContextVar[list[int]] = contextvars.ContextVar("template_steps")


class TemplateLimit(Exception):
    """A template went past one of the limits above."""


def read_source(path: str) -> str:
    """The template's text, refused past MAX_SOURCE (`--template /dev/zero` ends at once)."""
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_SOURCE + 1)
    except OSError as e:
        raise UsageError(f"cannot read {path}: {e.strerror or e}", param="template") from None
    if len(data) > MAX_SOURCE:
        raise AppealkitError(f"template error: the template is larger than {MAX_SOURCE // 1_000_000} MB", Where(path))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError(f"{path} is not UTF-8", param="template") from None


@lru_cache(maxsize=1)
def environment():
    """The sandbox for user templates, with arithmetic and range() bounded."""
    from jinja2 import StrictUndefined
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class Bounded(ImmutableSandboxedEnvironment):
        intercepted_binops = frozenset(["*", "**"])

        def call_binop(self, context, operator, left, right):
            _check_binop(operator, left, right)
            return super().call_binop(context, operator, left, right)

    env = Bounded(keep_trailing_newline=True, undefined=StrictUndefined, trim_blocks=False)
    env.globals["range"] = _range
    return env


def _size(x) -> int:
    return len(x) if isinstance(x, (str, bytes, list, tuple)) else 0


def _bits(x) -> int:
    return abs(x).bit_length() if isinstance(x, int) else 0


def _check_binop(op: str, left, right) -> None:
    if op == "**" and isinstance(left, int) and isinstance(right, int) and right > 0 and abs(left) > 1:
        if right * math.log2(abs(left)) > MAX_INT_BITS:
            raise TemplateLimit(f"the number {left}**{right} is too large")
    elif op == "*":
        seq, n = (left, right) if _size(left) else (right, left)
        if _size(seq) and isinstance(n, int) and _size(seq) * n > MAX_OUTPUT:
            raise TemplateLimit(f"a text of {_size(seq) * n:,} characters is too long for a letter")
        if _bits(left) + _bits(right) > MAX_INT_BITS:
            raise TemplateLimit("the number is too large")


def _range(*args):
    r = range(*args)
    budget = _steps.get(None)
    if budget is not None:
        budget[0] -= len(r)
        if budget[0] < 0:
            raise TemplateLimit(f"the template loops over more than {MAX_STEPS:,} items")
    return r


def render(compiled, ctx: dict, path: str) -> str:
    """`compiled` rendered under the limits; any limit, and Python's own (recursion, memory,
    overflow), is one template error naming the template."""
    from jinja2 import TemplateError

    token = _steps.set([MAX_STEPS])
    out: list[str] = []
    size = 0
    try:
        with _deadline(TIME_LIMIT):
            for chunk in compiled.generate(ctx):
                size += len(chunk)
                if size > MAX_OUTPUT:
                    raise TemplateLimit(f"the letter is longer than {MAX_OUTPUT:,} characters")
                out.append(chunk)
    except TemplateLimit as e:
        raise AppealkitError(f"template error: {e}", Where(path)) from None
    except RecursionError:
        raise AppealkitError("template error: the template calls itself too deeply", Where(path)) from None
    except (OverflowError, MemoryError) as e:
        raise AppealkitError(f"template error: a value is too large ({type(e).__name__})", Where(path)) from None
    except TemplateError as e:  # undefined names, sandbox refusals and the rest
        raise AppealkitError(f"template error: {e}", Where(path)) from None
    finally:
        _steps.reset(token)
    return "".join(out)


class _deadline:
    """Interrupts the template after `seconds` of wall time, where the process can take a timer
    signal (the main thread on POSIX); elsewhere the step and size limits still hold."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.old = None

    def __enter__(self):
        import signal
        import threading

        if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
            return self
        self.old = signal.signal(signal.SIGALRM, self._expired)
        signal.setitimer(signal.ITIMER_REAL, self.seconds)
        return self

    def _expired(self, signum, frame):
        raise TemplateLimit(f"the letter took longer than {self.seconds:g} s")

    def __exit__(self, *exc):
        if self.old is not None:
            import signal

            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.old)
        return False
