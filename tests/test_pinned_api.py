"""The public Python surface (issue 18): what each package exports, the version the
distribution carries, the transliterate() defaults, package data lists."""

from __future__ import annotations

import importlib.metadata

import pytest

import appealkit
from appealkit.resources import data_path, read_list


@pytest.mark.parametrize("module,names", [
    ("appealkit", {"__version__", "transliterate", "load_case", "compose_letters", "build_posts", "check_case",
                   "AppealkitError", "CaseError", "TextTooLong"}),
    ("appealkit.case", {"Address", "Case", "Person", "Recipient", "Share", "Text", "load_case", "read_case_text"}),
    ("appealkit.posts", {"LIMITS", "PLATFORMS", "fits", "length"}),
    ("appealkit.translit", {"detect_language", "get_scheme", "list_schemes", "transliterate"}),
])
def test_star_exports(module, names):
    """`from M import *` gives exactly M.__all__, every name in it defined, the listed ones among them."""
    import importlib

    ns: dict = {}
    exec(f"from {module} import *", ns)
    exported = set(ns) - {"__builtins__"}
    assert exported == set(importlib.import_module(module).__all__)
    assert names <= exported


def test_version_is_the_distributions():
    assert appealkit.__version__ == importlib.metadata.version("appealkit")


@pytest.mark.parametrize("args,expected", [
    (("Щеглова",), "Shcheglova"),  # icao by default
    (("Щеглова", "iso9"), "Ŝeglova"),
    (("Київ", "icao", "ru"), "Kiïv"),  # the language given wins: ICAO Russian lacks ї, ISO 9 fills in
    (("Київ",), "Kyiv"),
])
def test_transliterate_defaults(args, expected):
    assert appealkit.transliterate(*args) == expected


def test_read_list_skips_blanks_and_comments(tmp_path, monkeypatch):
    codes = read_list("iso3166-1.txt")
    assert len(codes) == 249 and codes[0] == "AD" and "KZ" in codes
    assert all(len(c) == 2 and not c.startswith("#") for c in codes)
    assert data_path("schemes", "icao.yaml").is_file()


def test_translit_package_defaults():
    from appealkit.translit import get_scheme, transliterate

    assert transliterate("Щеглова") == "Shcheglova"
    assert transliterate("Київ") == "Kyiv"
    assert get_scheme("iso9").transliterate("Щеглова") == "Ŝeglova"


def test_python_api_refusals_and_counts():
    from appealkit.errors import UsageError

    case = appealkit.load_case("examples/atabek.yaml")
    with pytest.raises(UsageError) as info:
        appealkit.build_posts(case, "x", variants=True, thread=True)
    assert info.value.message == "a thread and variants do not combine"
    with pytest.raises(UsageError) as info:
        appealkit.addresses(case, "person", scheme="nope")
    assert info.value.message.startswith("unknown scheme 'nope'")
    assert [p.text for p in appealkit.build_posts(case, "x", variants=True)] == [
        "#Kazakhstan must provide jailed poet #AronAtabek with medical attention for injuries @MVD_RK @pen_int "
        "@PENamerican"]
    assert appealkit.post_length("Привет https://example.org", "x") == 30


@pytest.mark.parametrize("kwargs,message", [
    ({"platform": "myspace"}, "unknown platform 'myspace'; choose one of x, bluesky, mastodon, threads"),
    ({"platform": "x", "limit": 100}, "a limit applies to Mastodon only; the other platforms' limits are fixed"),
])
def test_post_refusals(kwargs, message):
    from appealkit.errors import UsageError

    case = appealkit.load_case("examples/atabek.yaml")
    with pytest.raises(UsageError) as info:
        appealkit.build_posts(case, **kwargs)
    assert info.value.message == message


def test_variants_are_one_post_per_handle(tmp_path):
    from .posts.test_pinned_posts_build import CASE

    p = tmp_path / "c.yaml"
    p.write_text(CASE, encoding="utf-8")
    case = appealkit.load_case(str(p))
    body = "Free #JaneDoe now, says @pen_int #FreeSpeech https://example.org/jane"
    assert [x.text for x in appealkit.build_posts(case, "x", variants=True)] == [
        f"{body} @PM_Office @amnesty", f"{body} @FM_Office @amnesty"]
    # a thread opens with the mentions
    assert [x.text for x in appealkit.build_posts(case, "x", thread=True)] == [f"@amnesty {body}"]
