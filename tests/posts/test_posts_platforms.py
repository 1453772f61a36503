"""Posts per platform: handles checked by each platform's rules, each post mentioning only its own
platform's handles, Mastodon's @user@instance, Threads' 5 links, and the Bluesky
app.bsky.feed.post record, checked with the AT Protocol SDK's own models (atproto, strict
string formats) and by cutting every facet's UTF-8 byte range out of the text.
Regenerate the golden posts after a deliberate change with UPDATE_GOLDEN=1."""

from __future__ import annotations

import ast
import datetime as dt
import json
import os

import pytest

from appealkit import handles
from appealkit.posts import length
from appealkit.posts.bluesky import short_url
from appealkit.posts.bluesky_record import created_at, post_record

from ..conftest import CONFORMANCE, EXAMPLES, ROOT, run

GOLDEN = ROOT / "tests" / "golden"
SEED_X = ("#Kazakhstan must provide jailed poet #AronAtabek with medical attention for injuries "
          "@MVD_RK @pen_int @PENamerican\n")
NOON = dt.datetime(2026, 11, 29, 12, 0, tzinfo=dt.timezone.utc)

# ------------------------------------------------------------------ handles per platform

VALID = {
    "x": ["MVD_RK", "pen_int", "PENamerican", "a", "_", "abcdefghij12345"],
    "bluesky": ["pen-international.bsky.social", "genproc.bsky.social", "pen.org", "a.b.c.example.com",
                "xn--80ak6aa92e.com", "me.test", "A1.Bsky.Social"],
    "mastodon": ["PEN_Int@mastodon.social", "gp@mastodon.social", "a.b-c@example.org",
                 "user@xn--bcher-kva.example", "user@пример.рф"],
    "threads": ["penintl", "gp.ru", "a_b.c", "a" * 30],
}
INVALID = {
    "x": ["PENinternational", "pen-int", "pen.int", "мвд", "", "pen int", "pen-international.bsky.social"],
    "bluesky": ["genproc", "MVD_RK", "gp_ru.bsky.social", "-a.bsky.social", "a-.bsky.social", "a.1com",
                "genproc.local", "x.onion", "a..b", "a.b.", "https://bsky.app/profile/x.bsky.social",
                "a." + "b" * 64 + ".com", ".".join(["abcdefghi"] * 26)],
    "mastodon": ["genproc", "@gp", "gp@", "gp@mastodon", "g p@mastodon.social", "gp@mastodon.social/x",
                 "gp@-mastodon.social", "https://mastodon.social/@gp"],
    "threads": ["pen intl", "pen-intl", "a" * 31, "@@"],
}


@pytest.mark.parametrize("platform,handle", [(p, h) for p, hs in VALID.items() for h in hs])
def test_valid_handles(platform, handle):
    assert handles.valid(platform, handle) and handles.problem(platform, handle) is None


@pytest.mark.parametrize("platform,handle", [(p, h) for p, hs in INVALID.items() for h in hs])
def test_invalid_handles_name_the_platform_and_its_example(platform, handle):
    assert not handles.valid(platform, handle)
    why = handles.problem(platform, handle)
    assert f"{handles.NAMES[platform]} handle" in why
    # every message shows what would be right: the platform's example, or the handle in a link
    assert handles.EXAMPLES[platform] in why or "write " in why or "reserved" in why


def test_bluesky_handles_agree_with_the_atproto_sdk(atproto_formats):
    assert [h for h in VALID["bluesky"] if not atproto_formats.is_valid_handle(h)] == []
    # syntactically handles, but under TLDs atproto reserves (its spec refuses them)
    assert [h for h in INVALID["bluesky"] if atproto_formats.is_valid_handle(h)] == ["genproc.local", "x.onion"]


def test_problem_messages():
    assert handles.problem("bluesky", "genproc") == (
        "'genproc' is not a Bluesky handle: a Bluesky handle is a domain name, e.g. pen-international.bsky.social")
    assert handles.problem("mastodon", "genproc") == (
        "'genproc' is not a Mastodon handle: it needs its instance, as user@instance (e.g. PEN_Int@mastodon.social)")
    assert handles.problem("x", "PENinternational") == (
        "'PENinternational' is not an X handle: an X handle is 1-15 letters, digits or _, e.g. MVD_RK")
    assert handles.problem("threads", "pen intl") == (
        "'pen intl' is not a Threads handle: a Threads handle is 1-30 letters, digits, . or _, e.g. penintl")
    assert handles.problem("bluesky", "https://bsky.app/profile/pen-international.bsky.social") == (
        "'https://bsky.app/profile/pen-international.bsky.social' is a link, not a Bluesky handle: "
        "write pen-international.bsky.social")
    assert handles.problem("mastodon", "https://mastodon.social/@PEN_Int") == (
        "'https://mastodon.social/@PEN_Int' is a link, not a Mastodon handle: write PEN_Int@mastodon.social")
    assert handles.problem("threads", "https://www.threads.net/@penintl") == (
        "'https://www.threads.net/@penintl' is a link, not a Threads handle: write penintl")
    assert handles.problem("x", "https://x.com/MVD_RK") == (
        "'https://x.com/MVD_RK' is a link, not an X handle: write MVD_RK")


BAD_HANDLES = """\
appealkit: 1
id: t
title: T
person: {name: A}
summary: S
asks: [A]
recipients:
  p:
    role: prosecutor
    handles: {x: genproc, bluesky: genproc, mastodon: genproc, threads: "gp ru"}
share:
  text: T
  mentions: [MVD_RK, pen-international.bsky.social, {x: pen_int, bluesky: MVD_RK}]
"""


def test_check_flags_bad_handles_per_platform(tmp_path):
    f = tmp_path / "c.yaml"
    f.write_text(BAD_HANDLES, encoding="utf-8")
    r = run("check", str(f))
    assert r.code == 1 and r.out == ""
    lines = [x for x in r.err.splitlines() if x.startswith("appealkit: error: ")]
    assert lines == [
        f"appealkit: error: {f}:10:36: 'genproc' is not a Bluesky handle: a Bluesky handle is a domain name, "
        "e.g. pen-international.bsky.social",
        f"appealkit: error: {f}:10:55: 'genproc' is not a Mastodon handle: it needs its instance, as "
        "user@instance (e.g. PEN_Int@mastodon.social)",
        f"appealkit: error: {f}:10:73: 'gp ru' is not a Threads handle: a Threads handle is 1-30 letters, "
        "digits, . or _, e.g. penintl",
        f"appealkit: error: {f}:13:22: 'pen-international.bsky.social' is not an X handle: an X handle is 1-15 "
        "letters, digits or _, e.g. MVD_RK (a plain mention is an X handle; for Bluesky write "
        "{bluesky: pen-international.bsky.social})",
        f"appealkit: error: {f}:13:75: 'MVD_RK' is not a Bluesky handle: a Bluesky handle is a domain name, "
        "e.g. pen-international.bsky.social",
    ]
    doc = json.loads(run("check", str(f), "--json").out)
    assert [e["message"].split(":")[0] for e in doc["errors"]] == [
        "'genproc' is not a Bluesky handle", "'genproc' is not a Mastodon handle", "'gp ru' is not a Threads handle",
        "'pen-international.bsky.social' is not an X handle", "'MVD_RK' is not a Bluesky handle"]


def test_schema_carries_the_platform_patterns():
    """Editors see the same rules: the JSON Schema's handle patterns take the valid handles
    (ASCII ones: JSON Schema's \\w is ASCII) and refuse a plainly wrong one."""
    import jsonschema

    from appealkit.case.schema import case_schema

    share = case_schema()["properties"]["share"]["anyOf"][0]  # optional keys may be null: anyOf [value, null]
    mentions = share["properties"]["mentions"]["anyOf"][0]["items"]["oneOf"]
    assert mentions[0]["pattern"] == "^@?[A-Za-z0-9_]{1,15}$"
    for platform, rule in mentions[1]["properties"].items():
        v = jsonschema.Draft202012Validator(rule)
        for h in VALID[platform]:
            if h.isascii():
                assert v.is_valid(h) and v.is_valid("@" + h), (platform, h)
        assert not v.is_valid(INVALID[platform][0]), platform


def test_platforms_are_the_case_formats():
    from appealkit.case.spec import PLATFORMS as CASE_PLATFORMS
    from appealkit.posts.count import PLATFORMS as POST_PLATFORMS

    assert handles.PLATFORMS == CASE_PLATFORMS == POST_PLATFORMS == ("x", "bluesky", "mastodon", "threads")


# ------------------------------------------------------------------ each post, its own handles

MULTI = """\
appealkit: 1
id: multi
title: T
language: en
person: {name: Aron Atabek}
summary: S
asks: [A]
recipients:
  minister:
    role: minister
    handles: {x: MVD_RK, bluesky: mvd.gov.kz, mastodon: mvd@mastodon.kz}
  prosecutor:
    role: prosecutor
    handles: {threads: genprok.kz}
share:
  text: "Free the poet Aron Atabek! #FreeAtabek"
  mentions:
    - MVD_RK
    - {x: pen_int, bluesky: pen-international.bsky.social, mastodon: PEN_Int@mastodon.social, threads: penintl}
    - {bluesky: amnesty.org, threads: amnesty}
    - "@PENamerican"
"""
MULTI_POSTS = {
    "x": "Free the poet Aron Atabek! #FreeAtabek @MVD_RK @pen_int @PENamerican",
    "bluesky": "Free the poet Aron Atabek! #FreeAtabek @pen-international.bsky.social @amnesty.org",
    "mastodon": "Free the poet Aron Atabek! #FreeAtabek @PEN_Int@mastodon.social",
    "threads": "Free the poet Aron Atabek! #FreeAtabek @penintl @amnesty",
}
MULTI_DROPPED = {
    "x": "@amnesty.org (Bluesky)",
    "bluesky": "@MVD_RK (X), @PENamerican (X)",
    "mastodon": "@MVD_RK (X), @amnesty.org (Bluesky), @PENamerican (X)",
    "threads": "@MVD_RK (X), @PENamerican (X)",
}


@pytest.fixture
def multi(tmp_path):
    f = tmp_path / "multi.yaml"
    f.write_text(MULTI, encoding="utf-8")
    return str(f)


@pytest.mark.parametrize("platform", list(MULTI_POSTS))
def test_each_platform_gets_exactly_its_own_handles(multi, platform):
    r = run("post", multi, "--platform", platform)
    assert r.code == 0 and r.out == MULTI_POSTS[platform] + "\n"
    name = handles.NAMES[platform]
    assert r.err == f"appealkit: note: no {name} handle for {MULTI_DROPPED[platform]}: left out of the {name} post\n"


def test_to_and_variants_follow_the_same_rule(multi):
    r = run("post", multi, "-p", "bluesky", "--to", "minister")
    assert r.out == ("Free the poet Aron Atabek! #FreeAtabek @mvd.gov.kz @pen-international.bsky.social "
                     "@amnesty.org\n")
    r = run("post", multi, "-p", "threads", "--to", "minister")
    assert r.out == MULTI_POSTS["threads"] + "\n"
    assert r.err == ("appealkit: note: no Threads handle for @MVD_RK (X), @PENamerican (X): "
                     "left out of the Threads post\n")  # the minister's X handle is the mention's: said once
    r = run("post", multi, "-p", "mastodon", "--variants", "--json")
    rows = json.loads(r.out)
    assert [x["text"] for x in rows] == [
        "Free the poet Aron Atabek! #FreeAtabek @mvd@mastodon.kz @PEN_Int@mastodon.social"]
    assert r.err.count("appealkit: note:") == 1
    r = run("post", multi, "-p", "threads", "--variants", "--json")
    assert [x["text"] for x in json.loads(r.out)] == ["Free the poet Aron Atabek! #FreeAtabek @genprok.kz @penintl @amnesty"]
    r = run("post", multi, "-p", "x", "--to", "prosecutor")
    assert r.err.startswith("appealkit: note: no X handle for @genprok.kz (Threads), @amnesty.org (Bluesky):")


def test_thread_mentions_only_the_platforms_handles(multi, tmp_path):
    long = tmp_path / "long.yaml"
    long.write_text(MULTI.replace('text: "Free', 'text: "' + "word " * 60 + "Free"), encoding="utf-8")
    r = run("post", str(long), "-p", "bluesky", "--thread", "--json", "--date", "2026-11-29")
    rows = json.loads(r.out)
    assert r.code == 0 and len(rows) == 2
    assert rows[0]["text"].startswith("@pen-international.bsky.social @amnesty.org word word")
    assert "@MVD_RK" not in r.out and r.err.count("appealkit: note:") == 1
    assert [m["handle"] for m in rows[0]["mentions"]] == ["pen-international.bsky.social", "amnesty.org"]
    assert rows[0]["mentions"][1]["index"] == {"byteStart": 31, "byteEnd": 43}


def test_seed_x_post_is_byte_identical_and_quiet():
    r = run("tweet", "examples/atabek.yaml")
    assert r.code == 0 and r.out == SEED_X and r.err == ""
    assert run("post", "examples/atabek.yaml").out == SEED_X


def test_seed_on_bluesky_mentions_no_x_handle():
    r = run("post", "examples/atabek.yaml", "--platform", "bluesky")
    assert r.out == "#Kazakhstan must provide jailed poet #AronAtabek with medical attention for injuries\n"
    assert r.err == ("appealkit: note: no Bluesky handle for @MVD_RK (X), @pen_int (X), @PENamerican (X): "
                     "left out of the Bluesky post\n")


def test_mastodon_mention_counts_as_its_user():
    text = "Free him! @PEN_Int@mastodon.social"
    assert length(text, "mastodon") == len("Free him! @PEN_Int")
    r = run("post", "examples/ir-evin.yaml", "-p", "mastodon", "--json")
    doc = json.loads(r.out)
    # 64 characters, 📚 and ✊🏽 one each, then " #FreeLeilaRahimi @PEN_Int" (26)
    assert doc["text"].endswith(" #FreeLeilaRahimi @PEN_Int@mastodon.social") and doc["length"] == 92
    r = run("post", "examples/ir-evin.yaml", "-p", "mastodon", "--limit", "91")
    assert r.code == 1 and "92/91: 1 over" in r.err


def test_threads_five_links_in_a_post_and_in_a_thread():
    links = " ".join(f"https://e{i}.org" for i in range(7))
    r = run("post", "--text", links, "-p", "threads")
    assert r.code == 1 and "7 links, over Threads' 5" in r.err
    r = run("post", "--text", links, "-p", "threads", "--thread", "--json")
    rows = json.loads(r.out)
    assert r.code == 0 and [x["text"] for x in rows] == [
        "https://e0.org https://e1.org https://e2.org https://e3.org https://e4.org 1/2",
        "https://e5.org https://e6.org 2/2"]


def test_post_is_tweet_under_a_platform_neutral_name():
    r = run("--help")
    assert "  tweet " in r.out and "  post " in r.out
    assert run("post", "--help").code == 0 and "--platform" in run("post", "--help").out
    for platform in MULTI_POSTS:
        assert run("post", "examples/ir-evin.yaml", "-p", platform).out == \
            run("tweet", "examples/ir-evin.yaml", "-p", platform).out


@pytest.mark.parametrize("platform", list(MULTI_POSTS))
@pytest.mark.parametrize("example", [p.stem for p in EXAMPLES])
def test_golden_posts(example, platform):
    r = run("post", f"examples/{example}.yaml", "-p", platform)
    path = GOLDEN / f"post-{example}-{platform}.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(r.out, encoding="utf-8")
    assert r.code == 0 and r.out == path.read_text(encoding="utf-8")


def test_golden_bluesky_json():
    r = run("post", "examples/ir-evin.yaml", "-p", "bluesky", "--json", "--date", "2026-11-29T15:04:05.5+03:00")
    path = GOLDEN / "post-ir-evin-bluesky.json"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(r.out, encoding="utf-8")
    assert r.code == 0 and r.out == path.read_text(encoding="utf-8")


# ------------------------------------------------------------------ the Bluesky record


@pytest.fixture(scope="module")
def atproto_formats():
    from atproto_client.models import string_formats

    return string_formats


@pytest.fixture(scope="module")
def post_model():
    from atproto_client import models

    return models.AppBskyFeedPost.Record


def _valid_record(model, record: dict) -> None:
    """The SDK's own model, with its strict string formats (datetime, language, URI)."""
    rec = model.model_validate(record, context={"strict_string_format": True})
    assert rec.py_type == "app.bsky.feed.post"
    assert rec.model_dump(by_alias=True, exclude_none=True)["facets"] == [
        {**f, "index": {**f["index"], "$type": "app.bsky.richtext.facet#byteSlice"}} for f in record["facets"]]


def _cut(record: dict, index: dict) -> str:
    return record["text"].encode("utf-8")[index["byteStart"]:index["byteEnd"]].decode("utf-8")


def _facets_cut_right(record: dict) -> None:
    for f in record["facets"]:
        (feature,) = f["features"]
        cut = _cut(record, f["index"])
        if feature["$type"] == "app.bsky.richtext.facet#link":
            assert cut == short_url(feature["uri"]), (cut, feature)
        else:
            assert feature["$type"] == "app.bsky.richtext.facet#tag"
            assert cut in ("#" + feature["tag"], "＃" + feature["tag"]), (cut, feature)


# held-out style texts: emoji (ZWJ, skin tones, flags), Cyrillic, combining marks, long links;
# the expected byte ranges were counted by hand
HELD_OUT = [
    ("Свободу Арону Атабеку! 👩🏽‍⚖️ https://pen-international.org/news/kazakhstan-aron-atabek-medical-care #FreeAtabek",
     "Свободу Арону Атабеку! 👩🏽‍⚖️ pen-international.org/news/kazakhs... #FreeAtabek",
     [(60, 97, "link", "https://pen-international.org/news/kazakhstan-aron-atabek-medical-care"),
      (98, 109, "tag", "FreeAtabek")], []),
    ("Cafe\u0301 #cafe\u0301 🇰🇿 #Қазақстан https://example.org/a?b=c (see rferl.org/a/kazakhstan-atabek/12345.html).",
     "Cafe\u0301 #cafe\u0301 🇰🇿 #Қазақстан example.org/a?b=c (see rferl.org/a/kazakhstan...).",
     [(7, 14, "tag", "cafe\u0301"), (24, 43, "tag", "Қазақстан"), (44, 61, "link", "https://example.org/a?b=c"),
      (67, 92, "link", "https://rferl.org/a/kazakhstan-atabek/12345.html")], []),
    ("👋🏽👋🏽 #один, #два! @pen-international.bsky.social: https://x.org",
     "👋🏽👋🏽 #один, #два! @pen-international.bsky.social: x.org",
     [(17, 26, "tag", "один"), (28, 35, "tag", "два"), (69, 74, "link", "https://x.org")],
     [(37, 67, "pen-international.bsky.social")]),
]


@pytest.mark.parametrize("text,shown,facets,mentions", HELD_OUT, ids=["cyrillic-zwj", "combining-flag", "emoji-mention"])
def test_record_facets_held_out(text, shown, facets, mentions, post_model):
    doc = post_record(text, NOON, "ru")
    rec = doc["record"]
    assert rec["text"] == shown
    got = [(f["index"]["byteStart"], f["index"]["byteEnd"], f["features"][0]["$type"].rsplit("#", 1)[1],
            f["features"][0].get("uri") or f["features"][0].get("tag")) for f in rec["facets"]]
    assert got == facets
    assert [(m["index"]["byteStart"], m["index"]["byteEnd"], m["handle"]) for m in doc["mentions"]] == mentions
    for m in doc["mentions"]:
        assert _cut(rec, m["index"]).lower() == "@" + m["handle"]
    _facets_cut_right(rec)
    _valid_record(post_model, rec)


BLUESKY = json.loads((CONFORMANCE / "bluesky.json").read_text(encoding="utf-8"))
TAG_CASES = [c for c in BLUESKY if c["kind"] == "hashtag_detection"]
LINK_CASES = [c for c in BLUESKY if c["kind"] == "shorten_links"]


@pytest.mark.parametrize("case", TAG_CASES, ids=[repr(c["text"])[:40] for c in TAG_CASES])
def test_record_tag_facets_match_atproto(case, post_model):
    """atproto's own detection cases: the record's tag facets at its byte indices."""
    rec = post_record(case["text"], NOON, "en")["record"]
    tags = [f for f in rec["facets"] if f["features"][0]["$type"].endswith("#tag")]
    assert [f["features"][0]["tag"] for f in tags] == case["expected_tags"]
    assert [f["index"] for f in tags] == case["expected_byte_indices"]
    _facets_cut_right(rec)
    _valid_record(post_model, rec)


@pytest.mark.parametrize("case", LINK_CASES, ids=[c["text"][:40] for c in LINK_CASES])
def test_record_link_facets_match_the_client(case, post_model):
    """social-app's shortenLinks cases: the record's text as the client posts it, each link's
    facet over what is shown and keeping the full URI."""
    rec = post_record(case["text"], NOON, "en")["record"]
    assert rec["text"] == case["expected_text"]
    links = [f["features"][0]["uri"] for f in rec["facets"] if f["features"][0]["$type"].endswith("#link")]
    assert links == case["expected_link_facet_uris"]
    _facets_cut_right(rec)
    _valid_record(post_model, rec)


def test_record_fields_and_created_at(post_model):
    rec = post_record("Free them", dt.datetime(2026, 11, 29, 15, 4, 5, 123456,
                                              tzinfo=dt.timezone(dt.timedelta(hours=3))), "kk")["record"]
    assert rec == {"$type": "app.bsky.feed.post", "text": "Free them", "createdAt": "2026-11-29T12:04:05.123Z",
                   "langs": ["kk"], "facets": []}
    assert created_at(dt.datetime(2026, 1, 2)) == "2026-01-02T00:00:00.000Z"
    assert "langs" not in post_record("x", NOON)["record"]
    assert post_record("(@PEN.Bsky.Social)", NOON)["mentions"] == [
        {"handle": "pen.bsky.social", "index": {"byteStart": 1, "byteEnd": 17}}]
    _valid_record(post_model, rec)
    bad = dict(rec, createdAt="29.11.2026")
    with pytest.raises(Exception):
        post_model.model_validate(bad, context={"strict_string_format": True})


def test_bluesky_json_from_the_cli(post_model):
    r = run("post", "--text", "-", "-p", "bluesky", "--json", "--lang", "ru", "--date", "2026-11-29T08:30:00Z",
            stdin="Свободу Атабеку! https://pen-international.org/news/kazakhstan-aron-atabek #FreeAtabek\n")
    doc = json.loads(r.out)
    assert r.code == 0 and doc["text"].startswith("Свободу Атабеку! https://pen-international.org/news/")
    rec = doc["record"]
    assert rec["text"] == "Свободу Атабеку! pen-international.org/news/kazakhs... #FreeAtabek"
    assert rec["createdAt"] == "2026-11-29T08:30:00.000Z" and rec["langs"] == ["ru"]
    assert [f["index"] for f in rec["facets"]] == [{"byteStart": 31, "byteEnd": 68}, {"byteStart": 69, "byteEnd": 80}]
    _valid_record(post_model, rec)
    # the case's language, and now when --date is absent
    doc = json.loads(run("post", "examples/atabek.yaml", "-p", "bluesky", "--json").out)
    assert doc["record"]["langs"] == ["en"] and doc["record"]["createdAt"].endswith("Z")
    assert doc["mentions"] == []


@pytest.mark.parametrize("args,message", [
    (["--date", "yesterday", "-p", "bluesky", "--json"], "--date 'yesterday' is not an ISO 8601 date or time"),
    (["--date", "2026-11-29"], "--date sets the Bluesky record's createdAt: it needs --platform bluesky --json"),
    (["--date", "2026-11-29", "-p", "bluesky"], "it needs --platform bluesky --json"),
])
def test_date_usage_errors(args, message):
    r = run("post", "examples/atabek.yaml", *args)
    assert r.code == 2 and message in r.err and r.out == ""


# ------------------------------------------------------------------ issue 12: no cycles in posts/


def _imports(path) -> list[tuple[str, list[str]]]:
    """(relative module, imported names) for every `from .x import ...` in a module."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            out.append((node.module or "", [a.name for a in node.names]))
    return out


def test_posts_has_no_import_cycles_or_private_reach_ins():
    pkg = ROOT / "src" / "appealkit" / "posts"
    graph = {}
    for path in pkg.glob("*.py"):
        deps = _imports(path)
        assert [(m, n) for m, names in deps for n in names if n.startswith("_")] == [], path.name
        graph[path.stem] = {m.split(".")[0] for m, _ in deps if m}

    def reaches(start, goal, seen=()):
        return any(d == goal or (d not in seen and reaches(d, goal, seen + (d,))) for d in graph.get(start, ()))

    assert [m for m in graph if reaches(m, m)] == []
    assert graph["chars"] == set() and graph["tlds"] == set()
