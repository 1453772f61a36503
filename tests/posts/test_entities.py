"""Post entities at their limits, pinned (issue 18): DNS label and name lengths, t.co slugs,
what a mention may follow, whole-string URL validation. Expected values written by hand.
(Origin: pinned by the mutation-testing pass (issue 18), formerly test_pinned_posts_entities.py.)"""

from __future__ import annotations

import pytest

from appealkit.posts.entities import cashtags, hashtags, mentions, reply, urls, valid_url


@pytest.mark.parametrize("text,found", [
    ("https://" + "a" * 63 + ".com", True),   # a DNS label holds 63 characters
    ("https://" + "a" * 64 + ".com", False),
    ("x." * 125 + "com", True),               # a name holds 253
    ("x." * 124 + "xx.com", False),
    ("https://t.co/" + "a" * 40, True),       # a t.co slug at most 40
    ("https://t.co/" + "a" * 41, False),
    ("a-example.com", True),
    ("https://xn--80ak6aa92e.com", True),
    ("https://пример.рф", True),
    ("https://xn--пример.com", False),
])
def test_url_limits(text, found):
    assert (urls(text) == [(0, len(text), text)]) is found
    assert bool(urls(text)) is found


@pytest.mark.parametrize("text,names", [
    ("@a @b", ["a", "b"]), ("a@b", []), ("RT@a", ["a"]), ("rt:@b", ["b"]), ("x!@c", []), ("＠d", ["d"]),
    ("é@e", ["e"]), ("@f/list", ["f"]), ("_@g", []), ("%@h", []), ("a＠i", []),
])
def test_mentions(text, names):
    assert mentions(text) == names


def test_reply_cashtags_hashtags():
    assert reply(" @a hi") == "a" and reply("hi @a") is None
    assert cashtags("$TEST and $ab.cd") == [("TEST", 0, 5), ("ab.cd", 10, 16)]
    assert hashtags("#a #б&#c") == ["a", "б"]


@pytest.mark.parametrize("url,strict,loose", [
    ("http://e.com", True, True), ("e.com", False, True), ("ftp://e.com", False, False),
    (" http://e.com", False, False), ("http://e.com/ a", False, False), ("http://e.com?q=a b", False, False),
    ("http://e.com#f g", False, False), ("http://", False, False), ("http://1.2.3.4", True, True),
])
def test_valid_url(url, strict, loose):
    assert valid_url(url) is strict
    assert valid_url(url, require_protocol=False) is loose


@pytest.mark.parametrize("text,found", [
    ("visit café.fr now", [(6, 13, "café.fr")]),   # accented Latin in a bare domain
    ("ÀÉ.com", [(0, 6, "ÀÉ.com")]),
    ("ḿé.fr/ḿ", [(0, 7, "ḿé.fr/ḿ")]),
    ("see example.su", [(4, 14, "example.su")]),   # TLDs beyond the ISO codes
    ("see example.ac", [(4, 14, "example.ac")]),
    ("see example.eu", [(4, 14, "example.eu")]),
    ("see example.uk", [(4, 14, "example.uk")]),
])
def test_bare_domains(text, found):
    assert urls(text) == found


def test_bluesky_counts_the_links_it_shows():
    text = "a" * 250 + " https://example.org/" + "b" * 50  # 321 as written, 278 as shown
    from appealkit.posts.count import problems

    assert problems(text, "bluesky") == []
    assert problems(text, "threads") == []
    assert problems("a" * 280 + " https://example.org/" + "b" * 50, "bluesky") == ["308/300: 8 over"]
