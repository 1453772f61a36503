"""Threads, variants and share links as issue 25 and 23 found them: a post that fits is never
rewritten, a thread splits at sentence ends and in linear time, each variant names its
recipient (or the plain post comes with a note), a Mastodon host that only looks right is refused."""

from __future__ import annotations

import json

import pytest

from appealkit.errors import UsageError
from appealkit.posts.build import article, check_instance, thread
from appealkit.posts.count import fits

from ..conftest import MINIMAL, run, write

SENTENCES = ("Aron Atabek is a poet. He has been in prison since 2006. His health is failing and he "
             "needs care now. ") * 6


def test_a_post_that_fits_is_returned_as_written():
    text = "Free  the poet!\nWrite today.  #FreeAtabek"
    assert thread(text, "x") == [text]
    assert thread(text, "mastodon", first=["pen@mastodon.social"]) == ["@pen@mastodon.social " + text]


def test_a_thread_ends_its_posts_at_sentence_ends():
    parts = thread(SENTENCES, "x")
    assert len(parts) == 3 and all(fits(p, "x") for p in parts)
    for p in parts:
        body = p.rsplit(" ", 1)[0]
        assert body.endswith("."), p
    assert " ".join(p.rsplit(" ", 1)[0] for p in parts).split() == SENTENCES.split()


def test_a_thread_without_sentence_ends_splits_at_words():
    words = " ".join(f"word{i}" for i in range(200))
    parts = thread(words, "x")
    assert all(fits(p, "x") for p in parts)
    assert " ".join(p.rsplit(" ", 1)[0] for p in parts).split() == words.split()


@pytest.mark.parametrize("platform", ["x", "bluesky", "mastodon", "threads"])
def test_ten_thousand_emoji_split_in_one_pass(platform):
    """Each word is counted once (the old split re-counted the growing post for every guess of
    the number of posts): 10,000 emoji become a thread whose posts all fit, numbered in order."""
    parts = thread(" ".join(["😀"] * 10_000), platform)
    n = len(parts)
    assert all(fits(p, platform) for p in parts)
    assert [p.rsplit(" ", 1)[1] for p in parts] == [f"{i}/{n}" for i in range(1, n + 1)]
    assert sum(p.count("😀") for p in parts) == 10_000


@pytest.mark.parametrize("word,expected", [("X", "an"), ("Bluesky", "a"), ("Mastodon", "a"), ("Threads", "a"),
                                           ("MVD", "an"), ("email", "an")])
def test_article(word, expected):
    assert article(word) == expected


@pytest.mark.parametrize("host", ["mastodоn.social", "host@evil.example", "user@mastodon.social",
                                  "mastodon.social:443", "localhost", "-bad.example", "a..b", "1.2.3.4"])
def test_look_alike_and_odd_instances_are_refused(host):
    with pytest.raises(UsageError):
        check_instance(host)


@pytest.mark.parametrize("host,expected", [("mastodon.social", "mastodon.social"),
                                           ("https://Mastodon.Social/", "mastodon.social"),
                                           ("xn--80ak6aa92e.example", "xn--80ak6aa92e.example")])
def test_plain_instances_pass(host, expected):
    assert check_instance(host) == expected


CASE = MINIMAL + """\
recipients:
  pm: {role: head-of-government, handles: {x: PM_Office}}
  fm: {role: minister, handles: {x: FM_Office}}
share:
  text: "Free Jane Doe now."
"""


def test_each_variant_is_labelled_with_its_recipient(tmp_path):
    r = run("post", write(tmp_path, CASE), "--variants", "--json")
    assert r.code == 0, r.err
    assert [(p["to"], p["text"]) for p in json.loads(r.out)] == [
        ("pm", "Free Jane Doe now. @PM_Office"), ("fm", "Free Jane Doe now. @FM_Office")]


def test_variants_without_handles_give_the_plain_post_and_a_note(tmp_path):
    r = run("post", write(tmp_path, CASE), "--variants", "-p", "bluesky")
    assert r.code == 0 and r.out == "Free Jane Doe now.\n"
    assert "note: no recipient has a Bluesky handle" in r.err
