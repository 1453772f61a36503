"""Post counting against the platforms' own test suites (tests/conformance, copied from
shared/conformance), and the tweet command.
Also the tests pinned by the mutation-testing pass (issue 18), formerly test_pinned_posts.py."""

from __future__ import annotations

import json

import pytest

from appealkit.posts import entities, fits, length
from appealkit.posts.build import thread
from appealkit.posts.count import mastodon_length, problems

from ..conftest import CONFORMANCE, ROOT, run

SEED_POST = ("#Kazakhstan must provide jailed poet #AronAtabek with medical attention for injuries "
             "@MVD_RK @pen_int @PENamerican")


def load(name):
    return json.loads((CONFORMANCE / name).read_text(encoding="utf-8"))


WEIGHTED = load("twitter_weighted.json")
WEIGHTED_V2 = load("twitter_weighted_v2.json")
BLUESKY = load("bluesky.json")
MASTODON = load("mastodon.json")
EXTRACT = load("twitter_extract.json")


@pytest.mark.parametrize("case", WEIGHTED, ids=[c["description"][:50] for c in WEIGHTED])
def test_x_weighted_length(case):
    assert length(case["text"], "x") == case["expected_weighted_length"]
    assert fits(case["text"], "x") == case["expected_valid"]


@pytest.mark.parametrize("case", WEIGHTED_V2, ids=[c["description"][:50] for c in WEIGHTED_V2])
def test_x_weighted_length_v2_without_emoji_discount(case):
    from appealkit.posts.count import x_length

    assert x_length(case["text"], emoji=False) == case["expected_weighted_length"]


GRAPHEMES = [c for c in BLUESKY if c["kind"] == "grapheme_length"]
UTF8 = [c for c in BLUESKY if c["kind"] == "utf8_length"]


@pytest.mark.parametrize("case", GRAPHEMES, ids=[repr(c["text"])[:30] for c in GRAPHEMES])
def test_bluesky_graphemes(case):
    assert length(case["text"], "bluesky") == case["expected_grapheme_length"]
    if "expected_utf8_length" in case:
        assert len(case["text"].encode("utf-8")) == case["expected_utf8_length"]


@pytest.mark.parametrize("case", UTF8, ids=[repr(c["text"])[:30] for c in UTF8])
def test_bluesky_utf8_cap(case):
    assert len(case["text"].encode("utf-8")) == case["expected_utf8_length"]
    # each text is a few bytes: it fits (the 3000-byte edge itself is in test_limits.py)
    assert fits(case["text"] or "x", "bluesky") is True


@pytest.mark.parametrize("case", MASTODON, ids=[c["description"][:50] for c in MASTODON])
def test_mastodon(case):
    n = mastodon_length(case["text"], case.get("spoiler_text") or "")
    assert (n <= case["max_chars"]) == case["expected_valid"]


MENTIONS = [c for c in EXTRACT if c["section"] == "mentions"]
OTHER_SECTIONS = ("mentions_with_indices", "mentions_or_lists_with_indices", "replies", "hashtags_with_indices",
                  "hashtags_from_astral", "cashtags", "cashtags_with_indices", "validate.hashtags", "validate.usernames",
                  "validate.urls", "validate.urls_without_protocol")
OTHER = [c for c in EXTRACT if c["section"] in OTHER_SECTIONS]


def _extract(section: str, t: str):
    if section == "mentions_with_indices":
        return [{"screen_name": n, "indices": [s, e]} for n, _, s, e in entities.mention_spans(t)]
    if section == "mentions_or_lists_with_indices":
        return [{"screen_name": n, "list_slug": sl, "indices": [s, e]} for n, sl, s, e in entities.mention_spans(t)]
    if section == "replies":
        return entities.reply(t)
    if section == "hashtags_with_indices":
        return [{"hashtag": h, "indices": [s, e]} for h, s, e in entities.hashtag_spans(t)]
    if section == "hashtags_from_astral":
        return entities.hashtags(t)
    if section == "cashtags":
        return [x for x, _, _ in entities.cashtags(t)]
    if section == "cashtags_with_indices":
        return [{"cashtag": x, "indices": [s, e]} for x, s, e in entities.cashtags(t)]
    if section == "validate.hashtags":
        return entities.hashtags(t) == [t[1:]]
    if section == "validate.urls":
        return entities.valid_url(t)
    if section == "validate.urls_without_protocol":
        return entities.valid_url(t, require_protocol=False)
    return t.startswith("@") and entities.mentions(t) == [t[1:]]  # validate.usernames


@pytest.mark.parametrize("case", OTHER, ids=[f"{c['section']}-{c['description'][:40]}" for c in OTHER])
def test_extract_other_sections(case):
    assert _extract(case["section"], case["text"]) == case["expected"]
HASHTAGS = [c for c in EXTRACT if c["section"] == "hashtags"]
URLS = [c for c in EXTRACT if c["kind"] == "urls"]


@pytest.mark.parametrize("case", MENTIONS, ids=[c["description"][:50] for c in MENTIONS])
def test_extract_mentions(case):
    assert entities.mentions(case["text"]) == case["expected"]


@pytest.mark.parametrize("case", HASHTAGS, ids=[c["description"][:50] for c in HASHTAGS])
def test_extract_hashtags(case):
    assert entities.hashtags(case["text"]) == case["expected"]


@pytest.mark.parametrize("case", URLS, ids=[f"{c['section']}-{c['description'][:40]}" for c in URLS])
def test_extract_urls(case):
    """URL extraction decides which text weighs 23 (urls, urls_with_indices, directional
    markers, t.co with parameters)."""
    found = entities.urls(case["text"])
    if case["expected"] and isinstance(case["expected"][0], dict):
        assert [{"url": u, "indices": [s, e]} for s, e, u in found] == case["expected"]
    else:
        assert [u for _, _, u in found] == case["expected"]


@pytest.mark.parametrize("text,platform,expected", [
    ("Свободу Арону Атабеку!", "x", 22),
    ("Қазақстан", "x", 9),
    ("北京", "x", 4),
    ("👩🏽‍💻 ok", "x", 5),
    ("see example.com now", "x", 31),
    ("see https://example.org/a/b?c=d now", "x", 31),
    ("🇰🇿🇰🇿", "bluesky", 2),
    ("नमस्ते", "bluesky", 3),
    ("hi @alice@example.social https://example.org/" + "x" * 50, "mastodon", 33),
])
def test_held_out_style_lengths(text, platform, expected):
    assert length(text, platform) == expected


def test_threads_link_limit():
    text = " ".join(f"https://e{i}.com" for i in range(6))
    assert not fits(text, "threads") and fits(" ".join(text.split()[:5]), "threads")


def test_seed_post_exactly():
    r = run("tweet", "examples/atabek.yaml")
    assert r.code == 0 and r.out == SEED_POST + "\n"
    assert length(SEED_POST, "x") == 114


def test_tweet_json_and_intent():
    r = run("tweet", "examples/atabek.yaml", "--json", "--intent")
    doc = json.loads(r.out)
    assert doc["length"] == 114 and doc["limit"] == 280 and doc["fits"] is True
    assert doc["intent_url"].startswith("https://twitter.com/intent/tweet?text=%23Kazakhstan%20must")
    r = run("tweet", "examples/atabek.yaml", "--platform", "mastodon", "--intent", "--instance", "mastodon.social")
    assert r.out.startswith("https://mastodon.social/share?text=")
    assert run("tweet", "examples/atabek.yaml", "--platform", "mastodon", "--intent").code == 2


def test_hashtags_url_mentions_order():
    r = run("tweet", "examples/ru-penal-colony.yaml")
    assert r.out == ("Journalist Alexei Petrov is jailed for his reporting. Free him now! #FreePetrov #Russia "
                     "https://example.org/appeals/petrov\n")
    r = run("tweet", "examples/ru-penal-colony.yaml", "--to", "prosecutor")
    assert r.out.rstrip().endswith("https://example.org/appeals/petrov @genprokuratura")


def test_variants():
    r = run("tweet", "examples/atabek.yaml", "--variants", "--json")
    rows = json.loads(r.out)
    assert len(rows) == 1 and "@MVD_RK" in rows[0]["text"]


def test_over_limit_exits_1_with_overflow():
    r = run("tweet", "--text", "a" * 312)
    assert r.code == 1 and "312/280: 32 over" in r.err and r.out == ""


def test_text_from_stdin_json():
    r = run("tweet", "--text", "-", "--platform", "bluesky", "--json", stdin="Привет, мир! 👋🏽\n")
    doc = json.loads(r.out)
    assert doc["length"] == 14 and doc["platform"] == "bluesky" and "Привет" in r.out


def test_thread_splits_at_words_keeping_entities():
    words = ["word"] * 60 + ["#AronAtabek", "https://example.org/a-long-path"] + ["more"] * 30
    parts = thread(" ".join(words), "x", first=["MVD_RK"])
    assert len(parts) >= 2
    assert parts[0].startswith("@MVD_RK ")
    assert all(p.endswith(f" {i}/{len(parts)}") for i, p in enumerate(parts, 1))
    assert all(length(p, "x") <= 280 for p in parts)
    joined = " ".join(p.rsplit(" ", 1)[0] for p in parts)
    assert "#AronAtabek" in joined.split() and "https://example.org/a-long-path" in joined.split()


def test_unknown_platform():
    r = run("tweet", "examples/atabek.yaml", "--platform", "myspace")
    assert r.code == 2 and "'myspace' is not one of 'x', 'bluesky', 'mastodon', 'threads'" in r.err


def test_case_thread_puts_mentions_first(tmp_path):
    text = (ROOT / "examples/atabek.yaml").read_text(encoding="utf-8").replace(
        'en: "#Kazakhstan must provide', 'en: "' + "word " * 60 + '#Kazakhstan must provide')
    p = tmp_path / "long.yaml"
    p.write_text(text, encoding="utf-8")
    assert run("tweet", str(p)).code == 1
    r = run("tweet", str(p), "--thread", "--json")
    rows = json.loads(r.out)
    assert r.code == 0 and len(rows) == 2 and all(x["fits"] for x in rows)
    assert rows[0]["text"].startswith("@MVD_RK @pen_int @PENamerican word")
    assert rows[-1]["text"].endswith("injuries 2/2")


SHORT = [c for c in BLUESKY if c["kind"] == "short_url"]
SHORTEN = [c for c in BLUESKY if c["kind"] == "shorten_links"]
BSKY_TAGS = [c for c in BLUESKY if c["kind"] == "hashtag_detection"]


@pytest.mark.parametrize("case", SHORT, ids=[c["text"][:40] for c in SHORT])
def test_bluesky_short_url(case):
    from appealkit.posts.bluesky import short_url

    assert short_url(case["text"]) == case["expected_short_url"]


@pytest.mark.parametrize("case", SHORTEN, ids=[c["text"][:40] for c in SHORTEN])
def test_bluesky_shorten_links_and_count(case):
    from appealkit.posts.bluesky import links, shorten_links

    assert shorten_links(case["text"]) == case["expected_text"]
    assert [uri for _, _, uri in links(case["text"])] == case["expected_link_facet_uris"]
    # the 300-grapheme limit applies to the text as the client posts it
    assert length(case["text"], "bluesky") == length(case["expected_text"], "bluesky")


@pytest.mark.parametrize("case", BSKY_TAGS, ids=[repr(c["text"])[:40] for c in BSKY_TAGS])
def test_bluesky_hashtag_detection(case):
    from appealkit.posts.bluesky import hashtags

    found = hashtags(case["text"])
    assert [t for t, _, _ in found] == case["expected_tags"]
    assert [{"byteStart": a, "byteEnd": b} for _, a, b in found] == case["expected_byte_indices"]


def test_every_conformance_case_is_run():
    """No case of tests/conformance is left out of this module."""
    run_ids = {id(c) for c in URLS + MENTIONS + HASHTAGS + OTHER}
    assert [c["section"] for c in EXTRACT if id(c) not in run_ids] == []
    kinds = {"grapheme_length", "utf8_length", "short_url", "shorten_links", "hashtag_detection"}
    assert {c["kind"] for c in BLUESKY} == kinds
    assert len(WEIGHTED) + len(WEIGHTED_V2) + len(BLUESKY) + len(MASTODON) + len(EXTRACT) == 24 + 20 + 74 + 10 + 278


def test_platforms_agree_with_the_case_format():
    from appealkit.case.model import PLATFORMS as HANDLE_PLATFORMS
    from appealkit.posts.count import PLATFORMS

    assert set(PLATFORMS) == set(HANDLE_PLATFORMS)


TLDS = load("twitter_tlds.json")


def test_twitter_text_tld_cases_all_pass():
    """twitter-text's tlds.yml: a link under each of its 1,574 TLDs is one URL (issue 25.8)."""
    failed = [c["text"] for c in TLDS if [u for _, _, u in entities.urls(c["text"])] != c["expected"]]
    assert len(TLDS) == 1574 and not failed, failed[:10]


def test_a_link_under_a_new_generic_tld_weighs_23():
    assert length("Read https://pen-international.lol/appeal now", "x") == 32


def test_text_that_is_not_utf8_is_a_usage_error():
    # issue 23: invalid UTF-8 in --text (or on standard input) said, not an internal error
    r = run("post", "--text", "-", stdin=b"hello \xff world")
    assert (r.code, r.out) == (2, "")
    assert r.err == "appealkit: error: --text: standard input is not UTF-8: byte 0xFF at byte 7; give the text as UTF-8\n"
    r = run("post", "--text", "hello \udcff world")  # how argv carries a byte that is not UTF-8
    assert r.code == 2 and "the text is not UTF-8: byte 0xFF at byte 7" in r.err
    assert run("post", "--text", "-", stdin="Свобода\n".encode()).out == "Свобода\n"


# -- pinned by the mutation-testing pass (issue 18), formerly test_pinned_posts.py --


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
