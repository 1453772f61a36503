"""Building posts, pinned (issue 18): hashtags and mentions added once, recipients' handles
first, variants, share links, threads, Bluesky's short links. Expected texts are written out by
hand.
(Origin: pinned by the mutation-testing pass (issue 18), formerly test_pinned_posts_build.py.)"""

from __future__ import annotations

import pytest

from appealkit.posts.bluesky import links, short_url, shorten_links
from appealkit.posts.build import thread

from ..conftest import MINIMAL, run, write

CASE = MINIMAL + """\
recipients:
  pm:
    role: head-of-government
    handles: {x: PM_Office, bluesky: pm.bsky.social}
  fm:
    role: minister
    handles: {x: '@FM_Office'}
  nobody: {role: official}
share:
  text: "Free #JaneDoe now, says @pen_int"
  hashtags: [janedoe, FreeSpeech]
  mentions: [PEN_int, '@amnesty', pen_int]
  url: https://example.org/jane
"""
BODY = "Free #JaneDoe now, says @pen_int #FreeSpeech https://example.org/jane"
QUOTED = "Free%20%23JaneDoe%20now%2C%20says%20%40pen_int%20%23FreeSpeech%20https%3A%2F%2Fexample.org%2Fjane%20%40amnesty"


NOTE = "appealkit: note: no {} handle for @PEN_int (X), @amnesty (X), @pen_int (X): left out of the {} post\n"
QUOTED_X = QUOTED.replace("%20%40amnesty", "")


@pytest.mark.parametrize("args,out,err", [
    # a tag already in the text (any case) is not added again, nor a mention already there
    ([], f"{BODY} @amnesty\n", ""),
    (["--to", "pm"], f"{BODY} @PM_Office @amnesty\n", ""),
    # each variant labelled with its recipient
    (["--variants"], f"# pm\n{BODY} @PM_Office @amnesty\n# fm\n{BODY} @FM_Office @amnesty\n", ""),
    # no recipient has a handle there: the plain post, with a note
    (["--variants", "--platform", "mastodon"], f"{BODY}\n",
     "appealkit: note: no recipient has a Mastodon handle (recipients.<id>.handles.mastodon): "
     "the one post, without a recipient's mention\n" + NOTE.format("Mastodon", "Mastodon")),
    (["--intent"], f"https://twitter.com/intent/tweet?text={QUOTED}\n", ""),
    # X handles stay out of other platforms' posts
    (["--platform", "threads", "--intent"], f"https://www.threads.net/intent/post?text={QUOTED_X}\n",
     NOTE.format("Threads", "Threads")),
    (["--platform", "mastodon", "--intent", "--instance", "https://mastodon.social/"],
     f"https://mastodon.social/share?text={QUOTED_X}\n", NOTE.format("Mastodon", "Mastodon")),
    (["--platform", "mastodon", "--thread", "--limit", "40"],
     "Free #JaneDoe now, says @pen_int 1/2\n#FreeSpeech https://example.org/jane 2/2\n",
     NOTE.format("Mastodon", "Mastodon")),
])
def test_post(tmp_path, args, out, err):
    r = run("tweet", write(tmp_path, CASE), *args)
    assert (r.code, r.err) == (0, err)
    assert r.out == out


@pytest.mark.parametrize("args,code,err", [
    (["--intent", "--platform", "mastodon"], 2,
     "--instance: a Mastodon share link needs the server's host name (e.g. mastodon.social)"),
    (["--intent", "--platform", "mastodon", "--instance", "a/b"], 2, "--instance: 'a/b' is not a host name"),
    (["--to", "zz"], 2, "no recipient 'zz' in this case; choose one of pm, fm, nobody"),
    (["--platform", "mastodon", "--limit", "40"], 1,
     "mastodon: 68/40: 28 over; shorten share.text or split it into a thread (--thread)"),
    (["--platform", "mastodon", "--thread", "--limit", "20"], 1,
     "'https://example.org/jane' alone is longer than mastodon's limit of 20"),
])
def test_post_refused(tmp_path, args, code, err):
    r = run("tweet", write(tmp_path, CASE), *args)
    assert r.code == code and r.out == ""
    assert r.err.splitlines()[-1].startswith("appealkit: error: ") and r.err.splitlines()[-1].endswith(err)


@pytest.mark.parametrize("text,platform,limit,first,posts", [
    ("one two three", "x", None, ["@a"], ["@a one two three"]),
    ("a b c d e f g h i j k l", "mastodon", 9, None, ["a b c 1/4", "d e f 2/4", "g h i 3/4", "j k l 4/4"]),
    ("aaaa bbbb cccc dddd eeee", "mastodon", 12, ["x"], ["@x aaaa 1/5", "bbbb 2/5", "cccc 3/5", "dddd 4/5", "eeee 5/5"]),
])
def test_thread(text, platform, limit, first, posts):
    assert thread(text, platform, limit, first) == posts


@pytest.mark.parametrize("url,short", [
    ("https://example.org/", "example.org"),
    ("https://example.org/abcdefghijklmn", "example.org/abcdefghijklmn"),
    ("https://example.org/abcdefghijklmno", "example.org/abcdefghijkl..."),
    ("https://e.org/a?b=c#d", "e.org/a?b=c#d"),
    ("ftp://x/y", "ftp://x/y"),
    ("https://", "https://"),
    ("http://[x", "http://[x"),
])
def test_short_url(url, short):
    assert short_url(url) == short


@pytest.mark.parametrize("text,found,shown", [
    ("see example.com.", [(4, 15, "https://example.com")], "see example.com."),
    ("x (https://e.org/a_(b)) y", [(3, 22, "https://e.org/a_(b)")], "x (e.org/a_(b)) y"),
    ("foo.notatld/x", [], "foo.notatld/x"),
    ("https://e.org/a, and", [(0, 15, "https://e.org/a")], "e.org/a, and"),
    ("a.b.c.org/path?q#f", [(0, 18, "https://a.b.c.org/path?q#f")], "a.b.c.org/path?q#f"),
    ("(e.org)", [(1, 6, "https://e.org")], "(e.org)"),
    ("https://example.org/abcdefghijklmnop x", [(0, 36, "https://example.org/abcdefghijklmnop")],
     "example.org/abcdefghijkl... x"),
])
def test_bluesky_links(text, found, shown):
    assert links(text) == found
    assert shorten_links(text) == shown


@pytest.mark.parametrize("text,message", [
    ("a" * 50, f"'{'a' * 40}' alone is longer than mastodon's limit of 20"),
    ("ok " + "b" * 50, f"'{'b' * 40}' alone is longer than mastodon's limit of 20"),
    ("c" * 50 + " ok", f"'{'c' * 40}' alone is longer than mastodon's limit of 20"),
])
def test_thread_refusals(text, message):
    from appealkit.errors import TextTooLong

    with pytest.raises(TextTooLong) as info:
        thread(text, "mastodon", 20)
    assert info.value.message == message


def test_thread_holds_every_limit_of_a_later_word():
    """A word that alone breaks Bluesky's 3000 bytes (150 family emoji: 150 graphemes, 3750
    bytes) is refused wherever it stands, not posted as a thread Bluesky would refuse."""
    from appealkit.errors import TextTooLong

    family = "\U0001F468\u200d\U0001F469\u200d\U0001F467\u200d\U0001F466"
    for text in ("ok " + family * 150, family * 150 + " ok"):
        with pytest.raises(TextTooLong) as info:
            thread(text, "bluesky")
        assert info.value.message.endswith(" alone is longer than bluesky's limit of 300")


def test_bluesky_record():
    import datetime as dt

    from appealkit.posts.bluesky_record import post_record

    r = post_record("hi @x and @Alice.bsky.social see example.org/abcdefghijklmnopq #tag",
                    dt.datetime(2026, 11, 28, 12, 0, 0, 123456), "en")
    assert r == {
        "record": {
            "$type": "app.bsky.feed.post",
            "text": "hi @x and @Alice.bsky.social see example.org/abcdefghijkl... #tag",
            "createdAt": "2026-11-28T12:00:00.123Z",
            "langs": ["en"],
            "facets": [
                {"$type": "app.bsky.richtext.facet", "index": {"byteStart": 33, "byteEnd": 60},
                 "features": [{"$type": "app.bsky.richtext.facet#link", "uri": "https://example.org/abcdefghijklmnopq"}]},
                {"$type": "app.bsky.richtext.facet", "index": {"byteStart": 61, "byteEnd": 65},
                 "features": [{"$type": "app.bsky.richtext.facet#tag", "tag": "tag"}]},
            ],
        },
        # '@x' is no Bluesky handle: only the valid one is left to resolve, in lower case
        "mentions": [{"handle": "alice.bsky.social", "index": {"byteStart": 10, "byteEnd": 28}}],
    }


def test_a_user_or_a_port_in_the_instance_is_named():
    # mutation testing: host@evil.example and a port are refused for what they are
    import pytest

    from appealkit.errors import UsageError
    from appealkit.posts.build import check_instance

    for given in ("me@mastodon.social", "mastodon.social:8443"):
        with pytest.raises(UsageError, match="give the server alone .* without a user or a port"):
            check_instance(given)
    assert check_instance("https://Mastodon.Social/") == "mastodon.social"
