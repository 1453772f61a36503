"""posts.chars: the characters counted without grapheme segmentation."""

import re

from appealkit.posts.chars import is_simple

# the published definition (a pattern, as it was written before it became ranges)
NOT_SIMPLE = re.compile(r"[^\x00-\u02ff\u0370-\u0482\u048a-\u052f\u2010-\u2027\u2030-\u205e]")


def test_is_simple_agrees_with_the_pattern_on_every_character():
    differ = [hex(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF
              and is_simple(chr(c)) != (NOT_SIMPLE.search(chr(c)) is None)]
    assert differ == []


def test_is_simple_on_texts():
    assert is_simple("") and is_simple("Free Aron Atabek! #Kazakhstan")
    assert is_simple("Свободу Арону Атабеку — «поэт»")
    assert not is_simple("Свободу 👋") and not is_simple("e\u0301") and not is_simple("a\u200db")
