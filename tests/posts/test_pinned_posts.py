"""Post limits and refusals that mutation testing found unpinned (issue 18): each platform's
limit at the boundary, the characters X refuses one by one, Bluesky's byte limit, Threads'
links. Expected values are written out by hand."""

from __future__ import annotations

import json

import pytest

from appealkit.posts import fits, length
from appealkit.posts.count import problems

from ..conftest import run


@pytest.mark.parametrize("platform,limit", [("x", 280), ("bluesky", 300), ("mastodon", 500), ("threads", 500)])
def test_limit_is_exact(platform, limit):
    assert fits("a" * limit, platform)
    assert not fits("a" * (limit + 1), platform)
    assert problems("a" * (limit + 1), platform) == [f"{limit + 1}/{limit}: 1 over"]


@pytest.mark.parametrize("text,platform,limit,expected", [
    ("a" * 501, "mastodon", None, ["501/500: 1 over"]),
    ("a" * 501, "mastodon", 501, []),
    ("a" * 11, "mastodon", 10, ["11/10: 1 over"]),
    ("   ", "x", None, ["empty post"]),
    ("a\ufeffb", "x", None, ["holds a character X refuses (U+FFFE, U+FEFF or U+FFFF)"]),
    ("a\ufffeb", "x", None, ["holds a character X refuses (U+FFFE, U+FEFF or U+FFFF)"]),
    ("a\uffffb", "x", None, ["holds a character X refuses (U+FFFE, U+FEFF or U+FFFF)"]),
    ("a\ufeffb", "mastodon", None, []),
    ("я" * 1500, "bluesky", 5000, []),
    ("я" * 1501, "bluesky", 5000, ["3002 UTF-8 bytes, over Bluesky's 3000"]),
    (" ".join(f"https://e.com/{i}" for i in range(5)), "threads", None, []),
    (" ".join(f"https://e.com/{i}" for i in range(6)), "threads", None, ["6 links, over Threads' 5"]),
    (" ".join(f"https://e.com/{i}" for i in range(6)), "x", None, []),
])
def test_problems(text, platform, limit, expected):
    assert problems(text, platform, limit) == expected


@pytest.mark.parametrize("text,x,bluesky,mastodon,threads", [
    ("https://example.com/a", 23, 13, 23, 21),
    ("see example.com now", 31, 19, 19, 19),
    ("a 👍 b", 6, 5, 5, 5),
    ("©", 1, 1, 1, 1),
    ("©\ufe0f", 2, 1, 1, 1),
    ("Привет", 6, 6, 6, 6),
    ("中文", 4, 2, 2, 2),
    ("a\r\nb", 4, 3, 3, 3),
    ("@user@mastodon.social hi", 24, 24, 8, 24),
    ("x https://example.com/" + "a" * 100, 25, 29, 25, 122),
])
def test_lengths(text, x, bluesky, mastodon, threads):
    assert [length(text, p) for p in ("x", "bluesky", "mastodon", "threads")] == [x, bluesky, mastodon, threads]


def test_unknown_platform_is_refused():
    with pytest.raises(ValueError) as info:
        length("a", "myspace")
    assert str(info.value) == "unknown platform 'myspace'; choose one of x, bluesky, mastodon, threads"


def test_mastodon_500_on_the_command_line():
    r = run("tweet", "--text", "a" * 500, "--platform", "mastodon")
    assert r.code == 0 and r.out == "a" * 500 + "\n"
    r = run("tweet", "--text", "a" * 501, "--platform", "mastodon")
    assert r.code == 1 and r.out == ""
    assert r.err.startswith("appealkit: error: mastodon: 501/500: 1 over")


def test_x_refusal_names_u_feff_on_the_command_line():
    r = run("tweet", "--text", "a\ufeffb")
    assert r.code == 1
    assert "U+FEFF" in r.err and "X refuses" in r.err


def test_post_json_keys():
    r = run("tweet", "--text", "a" * 300, "--platform", "threads", "--json")
    assert r.code == 0
    assert json.loads(r.out) == {"platform": "threads", "text": "a" * 300, "length": 300, "limit": 500,
                                 "fits": True, "intent_url": None}
