"""Building posts from a case: text, then missing hashtags, the URL, then mentions; threads
that split at word boundaries; per-recipient variants; share-intent links."""

from __future__ import annotations

import re
from urllib.parse import quote

from .. import handles
from ..errors import AppealkitError, CaseError, TextTooLong, UsageError
from ..records import Record
from .count import LIMITS, PLATFORMS, length, problems
from .entities import hashtags as find_hashtags
from .entities import mentions as find_mentions

INTENTS = {
    "x": "https://twitter.com/intent/tweet?text={text}",
    "bluesky": "https://bsky.app/intent/compose?text={text}",
    "threads": "https://www.threads.net/intent/post?text={text}",
    "mastodon": "https://{instance}/share?text={text}",
}


class Post(Record):
    """A ready-to-post text for one platform, with its limit and intent link."""
    platform: str
    text: str
    limit: int
    intent_url: str | None = None
    to: str | None = None      # the recipient a variant is addressed to
    note: str | None = None    # why the post is not what was asked for (no handle for variants)

    @property
    def length(self) -> int:
        return length(self.text, self.platform)

    @property
    def fits(self) -> bool:
        return not problems(self.text, self.platform, self.limit)

    def as_dict(self) -> dict:
        row = {"platform": self.platform, "text": self.text, "length": self.length,
               "limit": self.limit, "fits": self.fits, "intent_url": self.intent_url}
        return {**row, "to": self.to} if self.to else row


def check_platform(platform: str) -> str:
    if platform not in PLATFORMS:
        raise UsageError(f"unknown platform '{platform}'; choose one of {', '.join(PLATFORMS)}")
    return platform


def intent_url(text: str, platform: str, instance: str | None = None) -> str:
    if platform == "mastodon":
        if not instance:
            raise UsageError("a Mastodon share link needs the server's host name (e.g. mastodon.social)",
                             param="instance")
        instance = check_instance(instance)
    return INTENTS[platform].format(text=quote(text, safe=""), instance=instance)


_LABEL = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)")


def check_instance(instance: str) -> str:
    """A Mastodon server's host name as the share link needs it, or a usage error: ASCII letters,
    digits and hyphens in dot-separated labels (an international name in its xn-- form), so that
    a look-alike (a Cyrillic о in mastodоn.social) or a user part (host@evil.example) never
    sends a reader to another server."""
    host = instance.strip().removeprefix("https://").removeprefix("http://").strip("/").lower()
    if not host or "/" in host or " " in host:
        raise UsageError(f"'{host}' is not a host name", param="instance")
    if not host.isascii():
        odd = ", ".join(f"'{c}' (U+{ord(c):04X})" for c in dict.fromkeys(c for c in host if not c.isascii()))
        raise UsageError(f"'{host}' is not a plain host name: it holds {odd}, not a Latin letter however "
                         "alike it looks; type the host in Latin letters (an international name in its "
                         "xn-- form)", param="instance")
    if "@" in host or ":" in host.split("]")[-1]:
        raise UsageError(f"'{host}' is not a host name: give the server alone (like mastodon.social), "
                         "without a user or a port", param="instance")
    labels = host.split(".")
    if len(labels) < 2 or not all(_LABEL.fullmatch(x) for x in labels) or labels[-1].isdigit():
        raise UsageError(f"'{host}' is not a host name (like mastodon.social)", param="instance")
    return host


def share_parts(case, lang: str) -> tuple[str, list[str], str | None, list[dict[str, str]]]:
    """(text, hashtags to add, url, mentions) from the case's share section."""
    share = case.share
    if share is None or share.text is None:
        raise CaseError("the case has no share.text to post", case.positions.at(("share",)))
    text = share.text.get(lang)
    if text is None:
        raise CaseError(f"share.text has no '{lang}' version (missing: share.text)",
                        case.positions.at(("share", "text")))
    text = " ".join(text.split())
    present = {t.lower() for t in find_hashtags(text)}
    tags = [t for t in share.hashtags if t.lower() not in present]
    url = share.url if share.url and share.url not in text else None
    return text, tags, url, list(share.mentions)


def _mentions(text: str, extra: list[str], platform: str) -> list[str]:
    """The handles of `extra` that `text` does not mention yet, each once."""
    if platform == "x":
        seen = {m.lower() for m in find_mentions(text)}
    else:  # @name.bsky.social, @user@instance: whole words, trailing punctuation aside
        seen = {w.rstrip(".,;:!?)").lower()[1:] for w in text.split() if w.startswith("@")}
    out = []
    for m in extra:
        key = m.lstrip("@").lower()
        if key not in seen:
            seen.add(key)
            out.append(m.lstrip("@"))
    return out


def post_parts(case, platform: str = "x", lang: str | None = None, to: str | None = None) -> tuple[str, list[str]]:
    """(text with the missing hashtags and the URL, the mentions still to add), each once. Only
    handles given for `platform` are mentioned (see dropped_mentions)."""
    text, tags, url, all_mentions = share_parts(case, lang or case.language)
    mentions = [m[platform] for m in all_mentions if platform in m]
    if to:
        h = _recipient(case, to).handles.get(platform)
        if h:
            mentions = [h] + mentions
    body = " ".join([text] + ["#" + t for t in tags] + ([url] if url else []))
    return body, _mentions(body, mentions, platform)


def dropped_mentions(case, platform: str, to: str | None = None) -> list[str]:
    """The mentions a `platform` post leaves out for want of a handle there, each as it is
    known elsewhere ("@MVD_RK (X)"; a recipient without any handle by its id)."""
    items = [m for m in (case.share.mentions if case.share else []) if platform not in m]
    out = [_label(m) for m in items]
    if to:
        r = _recipient(case, to)
        if platform not in r.handles:
            out.insert(0, _label(r.handles) if r.handles else f"recipient {to}")
    return list(dict.fromkeys(out))


def _label(hs: dict[str, str]) -> str:
    p, h = next(iter(hs.items()))
    return f"{handles.mention(p, h)} ({handles.NAMES[p]})"


def build_post(case, platform: str = "x", lang: str | None = None, to: str | None = None,
               limit: int | None = None) -> Post:
    body, mentions = post_parts(case, platform, lang, to)
    body = " ".join([body] + [handles.mention(platform, m) for m in mentions])
    return Post(platform, body, limit or LIMITS[platform])


def variants(case, platform: str, lang: str | None = None, limit: int | None = None) -> list[Post]:
    """One post per recipient with a handle on `platform`, addressed to that handle first and
    labelled with the recipient; where no recipient has one, the plain post with a note."""
    out = []
    for rid, r in case.recipients.items():
        if r.handles.get(platform):
            post = build_post(case, platform, lang, rid, limit)
            post.to = rid
            out.append(post)
    if not out:
        name = handles.NAMES[platform]
        post = build_post(case, platform, lang, None, limit)
        post.note = (f"no recipient has {article(name)} {name} handle (recipients.<id>.handles.{platform}): "
                     f"the one post, without a recipient's mention")
        out.append(post)
    return out


def article(word: str) -> str:
    """"a" or "an" as the word is spoken: an X, an MVD, a Bluesky, a Mastodon."""
    first = word[:1]
    if first.isupper() and (len(word) == 1 or word.isupper()):  # a letter or an acronym: its name
        return "an" if first in "AEFHILMNORSX" else "a"
    return "an" if first.lower() in "aeiou" else "a"


def _recipient(case, rid: str):
    r = case.recipients.get(rid)
    if r is None:
        raise UsageError(f"no recipient '{rid}' in this case; choose one of {', '.join(case.recipients) or '(none)'}", param="to")
    return r


_SENTENCE_END = (".", "!", "?", "…", ".»", "!»", "?»", '."', '!"', '?"', ".)", "。", "！", "？")


def thread(text: str, platform: str, limit: int | None = None, first: list[str] | None = None) -> list[str]:
    """Split `text` into numbered posts ("1/3") that each fit, at a sentence end where one
    leaves the post at least half full, else at a word boundary. Words are never broken, so
    hashtags, mentions and URLs stay whole; `first` (mentions) opens post 1. A text that fits
    is returned as it is. Linear in the text: each word is counted once."""
    limit = limit or LIMITS[platform]
    lead = " ".join(handles.mention(platform, m) for m in (first or []))
    whole = f"{lead} {text}" if lead else text
    if not problems(whole, platform, limit):
        return [whole]
    words = whole.split()
    sizes = [_size(w, platform) for w in words]
    for digits in range(1, 7):
        posts = _pack(words, sizes, platform, limit, digits)
        m = len(posts)
        if len(str(m)) > digits:
            continue  # more posts than the numbering left room for
        out = [" ".join(p) + f" {i}/{m}" for i, p in enumerate(posts, 1)]
        if all(not problems(t, platform, limit) for t in out):
            return out
        break
    raise TextTooLong(f"cannot split into posts that fit {platform}'s limit of {limit}")


def _size(word: str, platform: str) -> tuple[int, int, int]:
    """What one word adds to a post: (length as the platform counts, UTF-8 bytes, links)."""
    from .entities import urls

    return length(word, platform), len(word.encode("utf-8")), len(urls(word)) if platform == "threads" else 0


def _pack(words: list[str], sizes: list[tuple[int, int, int]], platform: str, limit: int,
          digits: int) -> list[list[str]]:
    """Greedy packing for a thread numbered with `digits`-digit numbers, each post within every
    limit of the platform (length; Bluesky's bytes; Threads' 5 links), preferring to end a post
    at a sentence end; a word too long even alone is an error."""
    from .count import BLUESKY_MAX_BYTES, THREADS_MAX_LINKS

    tail = 2 + 2 * digits  # " 12/34"
    caps = (limit - tail, BLUESKY_MAX_BYTES - tail if platform == "bluesky" else 1 << 30,
            THREADS_MAX_LINKS if platform == "threads" else 1 << 30)
    posts: list[list[str]] = []
    cur: list[int] = []  # indices into words
    used = [0, 0, 0]
    end = 0  # how many words of `cur` end at the last sentence end

    def total(idx: list[int]) -> list[int]:
        t = [sum(sizes[i][k] for i in idx) for k in range(3)]
        t[0] += max(len(idx) - 1, 0)
        t[1] += max(len(idx) - 1, 0)
        return t

    for i, (w, sz) in enumerate(zip(words, sizes)):
        gap = 1 if cur else 0
        if all(used[k] + sz[k] + (gap if k < 2 else 0) <= caps[k] for k in range(3)):
            cur.append(i)
            used = [used[k] + sz[k] + (gap if k < 2 else 0) for k in range(3)]
            if w.endswith(_SENTENCE_END):
                end = len(cur)
            continue
        if not cur or any(sz[k] > caps[k] for k in range(3)):
            raise TextTooLong(f"'{w[:40]}' alone is longer than {platform}'s limit of {limit}")
        carry: list[int] = []
        if 0 < end < len(cur) and total(cur[:end])[0] * 2 >= caps[0]:
            cur, carry = cur[:end], cur[end:]
        posts.append([words[j] for j in cur])
        cur = carry + [i]
        used = total(cur)
        if any(used[k] > caps[k] for k in range(3)):  # the carried words and this one overflow
            posts.append([words[j] for j in carry])
            cur, used = [i], total([i])
        end = len(cur) if w.endswith(_SENTENCE_END) else 0
    posts.append([words[j] for j in cur])
    return posts


def over_limit_error(post: Post) -> AppealkitError:
    why = "; ".join(problems(post.text, post.platform, post.limit))
    return TextTooLong(f"{post.platform}: {why}; shorten share.text or split it into a thread", param="split")


def posts_for(case, platform: str = "x", *, lang: str | None = None, to: str | None = None,
              mode: str = "post", limit: int | None = None) -> list[Post]:
    """The case's posts for `platform`: one post (`mode` "post"); one per recipient with a
    handle there ("variants"); or a numbered thread ("thread"). Each says whether it fits."""
    check_platform(platform)
    if limit is not None and platform != "mastodon":
        raise UsageError("a limit applies to Mastodon only; the other platforms' limits are fixed", param="limit")
    cap = limit or LIMITS[platform]
    if mode == "variants":
        return variants(case, platform, lang, limit)
    if mode == "thread":
        body, mentions = post_parts(case, platform, lang, to)  # the mentions open post 1
        return [Post(platform, t, cap) for t in thread(body, platform, cap, mentions)]
    return [build_post(case, platform, lang, to, limit)]
