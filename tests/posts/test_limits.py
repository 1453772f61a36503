"""Each platform's limits at their exact edges, with literal texts and numbers."""

from __future__ import annotations

import pytest

from appealkit.posts.count import fits, problems

FAMILY = "\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466"  # one grapheme, 25 UTF-8 bytes


@pytest.mark.parametrize("text,platform,ok", [
    ("a" * 280, "x", True), ("a" * 281, "x", False),
    ("東" * 140, "x", True), ("東" * 141, "x", False),          # CJK weighs 2 on X
    ("a" * 300, "bluesky", True), ("a" * 301, "bluesky", False),
    (FAMILY * 120, "bluesky", True),                            # 120 graphemes, 3000 bytes
    (FAMILY * 121, "bluesky", False),                           # 121 graphemes, 3025 bytes
    ("a" * 500, "mastodon", True), ("a" * 501, "mastodon", False),
    ("a" * 500, "threads", True), ("a" * 501, "threads", False),
])
def test_limit_edges(text, platform, ok):
    assert fits(text, platform) is ok


def test_bluesky_byte_limit_is_named():
    assert problems(FAMILY * 121, "bluesky") == ["3025 UTF-8 bytes, over Bluesky's 3000"]
    assert problems(FAMILY * 120, "bluesky") == []


def test_mastodon_instance_limit():
    assert fits("a" * 1000, "mastodon", limit=1000)
    assert not fits("a" * 1001, "mastodon", limit=1000)
