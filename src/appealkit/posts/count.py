"""Post length exactly as each platform counts it.

- x: twitter-text v3: NFC; each URL 23; each emoji sequence 2; other code points 1 in
  0-4351, 8192-8205, 8208-8223, 8242-8247, else 2; limit 280; U+FFFE, U+FEFF, U+FFFF invalid.
- bluesky: extended grapheme clusters (Unicode 15.1 via `regex` \\X), 300, and 3000 UTF-8 bytes,
  both of the text as the client posts it, with links shortened (posts.bluesky).
- mastodon: grapheme clusters; http(s):// URLs 23; @user@domain counts as @user; 500 per server.
- threads: 500 characters (grapheme clusters), at most 5 links.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .chars import is_simple
from .entities import urls

LIMITS = {"x": 280, "bluesky": 300, "mastodon": 500, "threads": 500}
PLATFORMS = tuple(LIMITS)
BLUESKY_MAX_BYTES = 3000
THREADS_MAX_LINKS = 5
URL_WEIGHT = 23
_INVALID_X = ("\ufffe", "\ufeff", "\uffff")
# code points X weighs 2 (everything outside its weight-1 ranges)
_HEAVY_CLASS = r"[^\u0000-\u10ff\u2000-\u200d\u2010-\u201f\u2032-\u2037]"


@lru_cache(maxsize=1)
def _heavy() -> re.Pattern:
    return re.compile(_HEAVY_CLASS)


@lru_cache(maxsize=1)
def _rx():
    """The `regex` patterns (Unicode 15.1 graphemes, emoji properties), compiled on first need:
    text in simple scripts never needs them."""
    from types import SimpleNamespace

    import regex

    return SimpleNamespace(
        grapheme=regex.compile(r"\X"),
        presentation=regex.compile(r"\p{Emoji_Presentation}|\p{Regional_Indicator}"),
        remote_mention=regex.compile(
            r"(?<![\p{L}\p{N}_/])@([\p{L}\p{N}_]+(?:[.-]+[\p{L}\p{N}_]+)*)@((?:[\p{L}\p{N}-]+\.)+[\p{L}]{2,})"),
        emoji_start=regex.compile(r"(?=[\p{Extended_Pictographic}\p{Regional_Indicator}]|[#*0-9]\ufe0f?\u20e3)\X"),
    )


# Mastodon links only URLs that stand after white space (or at the start), up to 4096 characters,
# and shortens remote mentions whose domain is a real host name (253 characters at most)
_REMOTE_HINT = re.compile(r"@[^\s@]+@[^\s@]+\.")
_MASTODON_URL = re.compile(r"(?:(?<=\s)|^)https?://\S{1,4089}(?!\S)", re.IGNORECASE)


def x_length(text: str, emoji: bool = True) -> int:
    """twitter-text weighted length; `emoji=False` is its older v2 configuration, in which an
    emoji sequence weighs its code points like any other text."""
    text = unicodedata.normalize("NFC", text)
    if text.isascii():
        # fast path: plain ASCII has no emoji and every character weighs 1
        spans = urls(text) if "." in text else []
        return len(text) - sum(e - s for s, e, _ in spans) + URL_WEIGHT * len(spans)
    total = 0
    pos = 0
    for s, e, _ in urls(text) + [(len(text), len(text), "")]:
        total += _x_plain(text[pos:s], emoji)
        if e > s:
            total += URL_WEIGHT
        pos = e
    return total


def _x_plain(seg: str, emoji: bool = True) -> int:
    """Weight of text without URLs: 1 or 2 a code point by range, 2 for each emoji sequence."""
    if seg.isascii() or max(seg) <= "\u10ff":
        return len(seg)  # every code point weighs 1, and no emoji sequence is possible
    heavy = _heavy()
    total = len(seg) + len(heavy.findall(seg))
    if not emoji or is_simple(seg):
        return total
    for m in _rx().emoji_start.finditer(seg):  # grapheme clusters that start like an emoji
        g = m.group()
        if _is_emoji_cluster(g):
            total += 2 - len(g) - len(heavy.findall(g))
    return total


def _is_emoji_cluster(g: str) -> bool:
    # text-style pictographs (©, ™, ↔) are emoji only with VS16, a skin tone or a ZWJ partner
    if _rx().presentation.match(g[0]):
        return True
    return len(g) > 1 and (any(c in g for c in ("\ufe0f", "\u200d", "\u20e3")) or "\U0001F3FB" <= g[1] <= "\U0001F3FF")


def graphemes(text: str) -> int:
    if text.isascii() or is_simple(text):
        return len(text) - text.count("\r\n")
    return len(_rx().grapheme.findall(text))


def mastodon_length(text: str, spoiler: str = "") -> int:
    body = _MASTODON_URL.sub("x" * URL_WEIGHT, text)
    if _REMOTE_HINT.search(body):
        body = _rx().remote_mention.sub(lambda m: "@" + m.group(1) if len(m.group(2)) <= 253 else m.group(), body)
    return graphemes(body) + graphemes(spoiler)


def _bluesky_text(text: str) -> str:
    if "." not in text:
        return text
    from .bluesky import shorten_links

    return shorten_links(text)


def length(text: str, platform: str = "x") -> int:
    """The length `platform` counts for `text`."""
    if platform == "x":
        return x_length(text)
    if platform == "bluesky":  # counted as the client posts it
        return graphemes(_bluesky_text(text))
    if platform == "threads":
        return graphemes(text)
    if platform == "mastodon":
        return mastodon_length(text)
    raise ValueError(f"unknown platform {platform!r}; choose one of {', '.join(PLATFORMS)}")


def problems(text: str, platform: str = "x", limit: int | None = None) -> list[str]:
    """Why `platform` would refuse `text`; empty when it fits."""
    limit = limit or LIMITS[platform]
    shown = _bluesky_text(text) if platform == "bluesky" else text
    n = graphemes(shown) if platform == "bluesky" else length(text, platform)
    out = []
    if n > limit:
        out.append(f"{n}/{limit}: {n - limit} over")
    if not text.strip():
        out.append("empty post")
    if platform == "x" and any(c in text for c in _INVALID_X):
        out.append("holds a character X refuses (U+FFFE, U+FEFF or U+FFFF)")
    if platform == "bluesky" and len(shown.encode("utf-8")) > BLUESKY_MAX_BYTES:
        out.append(f"{len(shown.encode('utf-8'))} UTF-8 bytes, over Bluesky's {BLUESKY_MAX_BYTES}")
    if platform == "threads":
        links = len(urls(text))
        if links > THREADS_MAX_LINKS:
            out.append(f"{links} links, over Threads' {THREADS_MAX_LINKS}")
    return out


def fits(text: str, platform: str = "x", limit: int | None = None) -> bool:
    return not problems(text, platform, limit)
