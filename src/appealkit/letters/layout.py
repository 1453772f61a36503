"""The page layout of a letter, shared by the text, Markdown and HTML forms (and the pack).

Russian and Ukrainian letters to officials follow the national convention (ГОСТ Р 7.0.97-2016,
ДСТУ 4163:2020): the addressee block and the sender's details at the top right, the date at the
bottom left on the signature's line, the name on the right. Plain text keeps that as far as it
can: blocks indented to the right half of a 72-column page, and one line with the date on the
left and the name on the right. `letter_blocks` reads those back for HTML, so that a browser or
the pack prints them where they belong."""

from __future__ import annotations

import re
import textwrap

WIDTH = 72  # a plain-text page
INDENT = 36  # the right half: ГОСТ Р 7.0.97-2016 puts the addressee block there
RIGHT = re.compile(r"^ {%d}(?=\S)" % INDENT)
SIGN = re.compile(r"^(\S.*?\S|\S) {4,}(\S.*)$")


def right_block(lines: list[str]) -> list[str]:
    """Lines set in the right half of the page, long ones wrapped within it (never inside a
    word or at a hyphen: «ИК-6» stays whole)."""
    out: list[str] = []
    for line in lines:
        out += [" " * INDENT + p for p in _balanced(line, WIDTH - INDENT)]
    return out


def _balanced(line: str, width: int) -> list[str]:
    """`line` in as few lines as `width` allows, of even length («Генеральному прокурору /
    Российской Федерации», not «Генеральному прокурору Российской / Федерации»)."""
    def wrap(w: int) -> list[str]:
        return textwrap.wrap(line, w, break_long_words=False, break_on_hyphens=False) or [""]

    fewest = len(wrap(width))
    for w in range(-(-len(line) // fewest), width):
        parts = wrap(w)
        if len(parts) == fewest:
            return parts
    return wrap(width)


def signature_line(left: str, right: str) -> str:
    """The date on the left, the name on the right of one line (at least four spaces apart)."""
    return left + " " * max(4, WIDTH - len(left) - len(right)) + right


def letter_blocks(text: str) -> list[dict]:
    """The letter as blocks: `para` (lines), `list` ('- ' items), `right` (a block in the right
    half), `sign` (left and right parts of the signature line) and `gap` (the blank lines left
    for a handwritten signature)."""
    out: list[dict] = []
    for chunk in text.strip("\n").split("\n\n"):
        lines = chunk.split("\n")
        if not lines[0].strip() and out:
            out.append({"kind": "gap", "lines": []})
        lines = [x for x in lines if x.strip()]
        if not lines:
            continue
        if all(RIGHT.match(x) for x in lines):
            out.append({"kind": "right", "lines": [x.strip() for x in lines]})
        elif all(x.startswith("- ") for x in lines):
            out.append({"kind": "list", "lines": [x[2:] for x in lines]})
        elif len(lines) == 1 and SIGN.match(lines[0]):
            m = SIGN.match(lines[0])
            assert m is not None
            out.append({"kind": "sign", "lines": [m.group(1), m.group(2)]})
        else:
            out.append({"kind": "para", "lines": lines})
    return out
