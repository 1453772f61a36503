"""Font sizes that make an address block fit its box (a label, an envelope's window), worked out
before rendering: WeasyPrint has no shrink-to-fit. Widths are DejaVu Sans's advance widths
(in ems), rounded up so that an estimate errs towards a smaller size."""

from __future__ import annotations

import math
import unicodedata

PT = 25.4 / 72  # millimetres per point
WIDE = 0.78  # capitals, digits are narrower: W, M, Ж, Ш, Щ, Ю reach 0.9, most near 0.7
NARROW = 0.62  # lower case and the rest


def text_width(line: str) -> float:
    """The width of `line` in ems (an upper bound for DejaVu Sans)."""
    w = 0.0
    for ch in line:
        if ch == " ":
            w += 0.32
        elif ch.isupper():
            w += 1.0 if ch in "MWМШЩЖЮ" else WIDE
        elif unicodedata.east_asian_width(ch) in "WF":
            w += 1.0
        else:
            w += NARROW
    return w


def fit_size(lines: list[str], width: float, height: float, *, base: float, least: float = 4.5,
             line_height: float = 1.25, bold: frozenset[int] = frozenset(),
             scale: dict[int, float] | None = None) -> float:
    """The font size (pt) up to `base` at which `lines` fit a box of `width` x `height` mm
    without wrapping; a bold line counts 8 % wider, a line in `scale` at that fraction of the
    size. Never below `least`."""
    if not lines:
        return base
    scale = scale or {}
    widest = max(text_width(x) * (1.08 if i in bold else 1.0) * scale.get(i, 1.0) for i, x in enumerate(lines))
    tall = sum(scale.get(i, 1.0) for i in range(len(lines)))
    by_width = width / ((widest or 1.0) * PT)
    by_height = height / (tall * line_height * PT)
    size = min(base, by_width, by_height)
    return max(least, math.floor(size * 4) / 4)  # quarter points, rounded down
