"""Account handles per platform: what each platform accepts, and how a post writes a mention.

A leaf module (stdlib `re` only): the case loader checks handles with it and posts/ writes
mentions with it. Rules, from each platform's own documentation:
- x: 1-15 ASCII letters, digits or "_" (X's username rules).
- bluesky: a domain name (atproto handle syntax): two or more labels of ASCII letters, digits
  and "-", each 1-63 long and not starting or ending with "-", the last not starting with a
  digit, 253 characters at most; TLDs reserved for local or special use are refused.
- mastodon: user@instance (Mastodon's username and host syntax); a post writes @user@instance.
- threads: 1-30 ASCII letters, digits, "." or "_" (Instagram usernames).
"""

from __future__ import annotations

import re
from functools import lru_cache

PLATFORMS = ("x", "bluesky", "mastodon", "threads")
NAMES = {"x": "X", "bluesky": "Bluesky", "mastodon": "Mastodon", "threads": "Threads"}
EXAMPLES = {"x": "MVD_RK", "bluesky": "pen-international.bsky.social",
            "mastodon": "PEN_Int@mastodon.social", "threads": "penintl"}
RULES = {
    "x": "an X handle is 1-15 letters, digits or _",
    "bluesky": "a Bluesky handle is a domain name",
    "mastodon": "a Mastodon handle is user@instance",
    "threads": "a Threads handle is 1-30 letters, digits, . or _",
}

_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
# JSON Schema (ECMA) patterns, for editors; a leading "@" is allowed, the loader strips it
PATTERNS = {
    "x": r"^@?[A-Za-z0-9_]{1,15}$",
    "bluesky": r"^@?(" + _LABEL + r"\.)+[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$",
    "mastodon": r"^@?[A-Za-z0-9_]+([.-]+[A-Za-z0-9_]+)*@[^\s@/]+\.[^\s@/]+$",
    "threads": r"^@?[A-Za-z0-9._]{1,30}$",
}


def _lazy(pattern: str):
    """A pattern compiled on first use: the case loader imports this module for every command,
    and only a case with handles (of that platform) needs each pattern."""
    return lru_cache(maxsize=1)(lambda: re.compile(pattern))


_X = _lazy(r"[A-Za-z0-9_]{1,15}")
_THREADS = _lazy(r"[A-Za-z0-9._]{1,30}")
_BLUESKY = _lazy(r"(?:" + _LABEL + r"\.)+[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?")
_MASTODON_USER = _lazy(r"[A-Za-z0-9_]+(?:[.-]+[A-Za-z0-9_]+)*")
# an instance may be an internationalised name: letters of any script, digits, "-"
_HOST_LABEL = _lazy(r"[^\W_](?:[\w-]{0,61}[^\W_])?")
# atproto refuses handles under TLDs for local, special or example use
_RESERVED_TLDS = {"alt", "arpa", "example", "internal", "invalid", "local", "localhost", "onion"}


@lru_cache(maxsize=1)
def _profile_links() -> list[tuple[str, re.Pattern]]:
    """Profile links people paste instead of handles: (platform, pattern giving the handle).
    Compiled on first use: only a refused handle needs them."""
    return [
        ("bluesky", re.compile(r"(?:www\.)?bsky\.app/profile/([^/?#\s]+)", re.I)),
        ("x", re.compile(r"(?:www\.|mobile\.)?(?:x|twitter)\.com/@?([A-Za-z0-9_]+)/?(?:[?#].*)?", re.I)),
        ("threads", re.compile(r"(?:www\.)?threads\.(?:net|com)/@([A-Za-z0-9._]+)/?(?:[?#].*)?", re.I)),
        ("mastodon", re.compile(r"([^/\s@]+\.[^/\s@]+)/@([A-Za-z0-9_.-]+)/?(?:[?#].*)?", re.I)),
    ]


def valid(platform: str, handle: str) -> bool:
    """Is `handle` (without a leading "@") a handle `platform` accepts?"""
    if platform == "x":
        return bool(_X().fullmatch(handle))
    if platform == "threads":
        return bool(_THREADS().fullmatch(handle))
    if platform == "bluesky":
        return (len(handle) <= 253 and bool(_BLUESKY().fullmatch(handle))
                and handle.rsplit(".", 1)[-1].lower() not in _RESERVED_TLDS)
    if platform == "mastodon":
        user, _, host = handle.partition("@")
        return bool(_MASTODON_USER().fullmatch(user)) and _valid_host(host)
    raise ValueError(f"unknown platform {platform!r}")


def _valid_host(host: str) -> bool:
    labels, label = host.split("."), _HOST_LABEL()
    return (len(labels) >= 2 and len(host) <= 253 and all(label.fullmatch(x) for x in labels)
            and not labels[-1].isdigit())


def problem(platform: str, handle: str) -> str | None:
    """Why `platform` would not take `handle`, in one sentence with an example; None when it
    would. A profile link is answered with the handle it holds."""
    if valid(platform, handle):
        return None
    name = NAMES[platform]
    article = "an" if platform == "x" else "a"
    link = _from_link(handle)
    if link and link[0] == platform and valid(platform, link[1]):
        return f"'{handle}' is a link, not {article} {name} handle: write {link[1]}"
    if platform == "mastodon" and "@" not in handle and _MASTODON_USER().fullmatch(handle):
        return (f"'{handle}' is not a Mastodon handle: it needs its instance, as user@instance "
                f"(e.g. {EXAMPLES['mastodon']})")
    if platform == "bluesky" and _BLUESKY().fullmatch(handle):
        return f"'{handle}' is not a Bluesky handle: .{handle.rsplit('.', 1)[-1]} is reserved, not a public domain"
    return f"'{handle}' is not {article} {name} handle: {RULES[platform]}, e.g. {EXAMPLES[platform]}"


def platforms_for(handle: str) -> list[str]:
    """The platforms whose handle syntax `handle` fits (to suggest the mapping form)."""
    return [p for p in PLATFORMS if valid(p, handle)]


def _from_link(value: str) -> tuple[str, str] | None:
    """(platform, handle) from a profile link such as https://bsky.app/profile/NAME."""
    rest = re.sub(r"^https?://", "", value.strip(), flags=re.I)
    if rest == value.strip() and "/" not in rest:
        return None
    for platform, pattern in _profile_links():
        m = pattern.fullmatch(rest)
        if m:
            if platform == "mastodon":
                return platform, f"{m.group(2)}@{m.group(1)}"
            return platform, m.group(1)
    return None


def mention(platform: str, handle: str) -> str:
    """How a post writes a mention: @handle; on Mastodon @user@instance, so that it reaches
    that account from any server."""
    return "@" + handle.lstrip("@")
