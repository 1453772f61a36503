"""URLs, mentions and hashtags in post text, after twitter-text's rules (extract.yml).

A URL is either scheme-prefixed (http/https) or a bare domain ending in a known top-level
domain; a bare domain under a country-code TLD counts only with a path ("bit.ly/x"), as
twitter-text has it. Trailing punctuation is not part of a URL; parentheses must balance.
"""

from __future__ import annotations

import re
from functools import lru_cache

_GTLDS = (
    "com net org edu gov mil int info biz name pro aero coop museum mobi asia tel travel jobs cat "
    "xxx post app dev io ai me tv cc co ly gl ws fm am to news blog online site tech store shop "
    "xyz club live media network world today social page link ngo ong lgbt art"
)


@lru_cache(maxsize=None)
def _tlds() -> tuple[set[str], set[str]]:
    from ..address.countries import iso_codes

    cc = {c.lower() for c in iso_codes()} | {"uk", "su", "eu", "ac"}
    g = set(_GTLDS.split()) - cc | {"co", "io", "me", "tv", "ly", "fm", "am", "to", "ws", "cc", "gl", "ai"}
    return g, cc


# plain `re` here (letters and digits are [^\W_]): counting an ASCII post never loads `regex`
_URL = re.compile(
    r"""(?P<pre>^|[^\w@＠$#＃/.-])
        (?P<url>
          (?P<scheme>https?://)?
          (?P<host>(?:[^\W_](?:[\w-]*[^\W_])?\.)+
             (?P<tld>[^\W\d_]{2,63}|xn--[a-z0-9-]+))
          (?P<port>:\d{1,5})?
          (?P<path>/[^\s\u202a-\u202e\u2066-\u2069]*)?
        )""",
    re.VERBOSE | re.IGNORECASE,
)
def _valid_host(host: str) -> bool:
    """DNS limits, on the punycode form a browser would send: labels of 63, names of 253."""
    total = 0
    for label in host.rstrip(".").split("."):
        if not label.isascii():
            try:
                label = "xn--" + label.encode("punycode").decode("ascii")
            except UnicodeError:
                return False
        if not 0 < len(label) <= 63:
            return False
        total += len(label) + 1
    return total <= 254


_TRAILING = ".,:;!?'\"”’»)]}"


def urls(text: str) -> list[tuple[int, int, str]]:
    """(start, end, url) for every URL, end exclusive, in code points."""
    gtlds, cctlds = _tlds()
    out = []
    for m in _URL.finditer(text):
        url = m.group("url")
        start = m.start("url")
        tld = m.group("tld").lower()
        scheme = m.group("scheme")
        path = m.group("path") or ""
        if tld.isascii() and tld not in gtlds and tld not in cctlds and not tld.startswith("xn--"):
            continue  # non-ASCII TLDs are IDN ccTLDs (.рф, .پاکستان) and count
        if not _valid_host(m.group("host")):
            continue
        if not scheme and tld in cctlds and tld not in gtlds and not path:
            continue  # "example.ru" alone is not linked; "example.ru/x" is
        # trailing punctuation and unbalanced closing brackets are not part of the URL
        while url and url[-1] in _TRAILING:
            if url[-1] == ")" and url.count("(") >= url.count(")"):
                break
            url = url[:-1]
        if not scheme and m.group("pre") == "" and start > 0:
            continue
        out.append((start, start + len(url), url))
    return out


_MENTION = re.compile(r"[@＠]([A-Za-z0-9_]{1,20})(?![A-Za-z0-9_@＠\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff]|://)")
_RT = re.compile(r"(?:^|[^A-Za-z0-9_+~.-])rt:?$", re.IGNORECASE)
_HT = r"\p{L}\p{M}\p{N}_\u200c\u200d\ua67e\u05be\u05f3\u05f4\u309b\u309c\u30a0\u30fb\u3003\u0f0b\u0f0c\u00b7\u301c\uff5e"
# for text of letters without combining marks (see count._NOT_SIMPLE), \w is all a tag can hold
_HASHTAG_SIMPLE = re.compile(r"(?:^|(?<=[^&\w\u00b7]))[#＃]([\w\u00b7]*[^\W\d_][\w\u00b7]*)(?![#＃]|://)")


@lru_cache(maxsize=1)
def _hashtag_re():
    import regex

    return regex.compile(
        r"(?:^|(?<=[\ufe0e\ufe0f])|(?<=[^&" + _HT + r"]))[#＃](?![\ufe0f\u20e3])"
        r"([" + _HT + r"]*[\p{L}\p{M}][" + _HT + r"]*)(?![#＃]|://)"
    )


def _mention_ok(text: str, start: int) -> bool:
    """twitter-text: a mention follows a non-word character, or an "RT" / "RT:" prefix."""
    if start == 0:
        return True
    prev = text[start - 1]
    if not (prev.isascii() and (prev.isalnum() or prev in "_!#$%&*@＠")) and prev != "＠":
        return True
    return bool(_RT.search(text[max(0, start - 4):start]))


def mentions(text: str) -> list[str]:
    spans = [(s, e) for s, e, _ in urls(text)]
    return [m.group(1) for m in _MENTION.finditer(text)
            if _mention_ok(text, m.start()) and not any(s <= m.start() < e for s, e in spans)]


def hashtags(text: str) -> list[str]:
    if "#" not in text and "＃" not in text:
        return []
    spans = [(s, e) for s, e, _ in urls(text)]
    from .count import _NOT_SIMPLE

    pattern = _hashtag_re() if _NOT_SIMPLE.search(text) else _HASHTAG_SIMPLE
    return [m.group(1) for m in pattern.finditer(text) if not any(s <= m.start() < e for s, e in spans)]
