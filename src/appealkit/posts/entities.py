"""URLs, mentions and hashtags in post text, after twitter-text's rules (extract.yml).

A URL is either scheme-prefixed (http/https) or a bare domain ending in a known top-level
domain; a bare domain under a country-code TLD counts only with a path ("bit.ly/x"), as
twitter-text has it. Trailing punctuation is not part of a URL; parentheses must balance.
"""

from __future__ import annotations

from functools import lru_cache

import regex

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


_URL = regex.compile(
    r"""(?P<pre>^|[^\p{L}\p{N}@＠$#＃/._-])
        (?P<url>
          (?P<scheme>https?://)?
          (?P<host>(?:[\p{L}\p{N}](?:[\p{L}\p{N}_-]*[\p{L}\p{N}])?\.)+
             (?P<tld>[\p{L}]{2,63}|xn--[a-z0-9-]+))
          (?P<port>:\d{1,5})?
          (?P<path>/[^\s\u202a-\u202e\u2066-\u2069]*)?
        )""",
    regex.VERBOSE | regex.IGNORECASE,
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


_MENTION = regex.compile(
    r"(?:^|(?<=[^A-Za-z0-9_!#$%&*@＠])|(?<=(?:^|[^A-Za-z0-9_+~.-])(?i:rt):?))"
    r"[@＠]([A-Za-z0-9_]{1,20})(?![A-Za-z0-9_@＠\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff]|://)"
)
_HT = r"\p{L}\p{M}\p{N}_\u200c\u200d\ua67e\u05be\u05f3\u05f4\u309b\u309c\u30a0\u30fb\u3003\u0f0b\u0f0c\u00b7\u301c\uff5e"
_HASHTAG = regex.compile(
    r"(?:^|(?<=[\ufe0e\ufe0f])|(?<=[^&" + _HT + r"]))[#＃](?![\ufe0f\u20e3])"
    r"([" + _HT + r"]*[\p{L}\p{M}][" + _HT + r"]*)(?![#＃]|://)"
)


def mentions(text: str) -> list[str]:
    spans = [(s, e) for s, e, _ in urls(text)]
    return [m.group(1) for m in _MENTION.finditer(text) if not any(s <= m.start() < e for s, e in spans)]


def hashtags(text: str) -> list[str]:
    spans = [(s, e) for s, e, _ in urls(text)]
    return [m.group(1) for m in _HASHTAG.finditer(text) if not any(s <= m.start() < e for s, e in spans)]
