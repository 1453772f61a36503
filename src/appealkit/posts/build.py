"""Building posts from a case: text, then missing hashtags, the URL, then mentions; threads
that split at word boundaries; per-recipient variants; share-intent links."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from .. import handles
from ..errors import AppealkitError, CaseError, TextTooLong, UsageError
from .count import LIMITS, PLATFORMS, length, problems
from .entities import hashtags as find_hashtags
from .entities import mentions as find_mentions

INTENTS = {
    "x": "https://twitter.com/intent/tweet?text={text}",
    "bluesky": "https://bsky.app/intent/compose?text={text}",
    "threads": "https://www.threads.net/intent/post?text={text}",
    "mastodon": "https://{instance}/share?text={text}",
}


@dataclass
class Post:
    platform: str
    text: str
    limit: int
    intent_url: str | None = None

    @property
    def length(self) -> int:
        return length(self.text, self.platform)

    @property
    def fits(self) -> bool:
        return not problems(self.text, self.platform, self.limit)

    def as_dict(self) -> dict:
        return {"platform": self.platform, "text": self.text, "length": self.length,
                "limit": self.limit, "fits": self.fits, "intent_url": self.intent_url}


def check_platform(platform: str) -> str:
    if platform not in PLATFORMS:
        raise UsageError(f"unknown platform '{platform}'; choose one of {', '.join(PLATFORMS)}")
    return platform


def intent_url(text: str, platform: str, instance: str | None = None) -> str:
    if platform == "mastodon":
        if not instance:
            raise UsageError("a Mastodon share link needs the server's host name (e.g. mastodon.social)",
                             param="instance")
        instance = instance.strip().removeprefix("https://").removeprefix("http://").strip("/")
        if not instance or "/" in instance or " " in instance:
            raise UsageError(f"'{instance}' is not a host name", param="instance")
    return INTENTS[platform].format(text=quote(text, safe=""), instance=instance)


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
    """One post per recipient with a handle on `platform`, addressed to that handle first."""
    out = []
    for rid, r in case.recipients.items():
        if r.handles.get(platform):
            out.append(build_post(case, platform, lang, rid, limit))
    if not out:
        raise CaseError(f"no recipient has a {handles.NAMES[platform]} handle (recipients.<id>.handles.{platform})",
                        case.positions.at(("recipients",)))
    return out


def _recipient(case, rid: str):
    r = case.recipients.get(rid)
    if r is None:
        raise UsageError(f"no recipient '{rid}' in this case; choose one of {', '.join(case.recipients) or '(none)'}", param="to")
    return r


def thread(text: str, platform: str, limit: int | None = None, first: list[str] | None = None) -> list[str]:
    """Split `text` at word boundaries into numbered posts ("1/3") that each fit. Words are never
    broken, so hashtags, mentions and URLs stay whole; `first` (mentions) opens post 1."""
    limit = limit or LIMITS[platform]
    words = [handles.mention(platform, m) for m in (first or [])] + text.split()
    whole = " ".join(words)
    if not problems(whole, platform, limit):
        return [whole]
    for n in range(2, len(words) + 1):
        posts = _pack(words, platform, limit, n)
        if len(posts) <= n:
            # fewer posts than guessed: renumber; "i/m" is never wider than "i/n"
            m = len(posts)
            return [" ".join(p) + f" {i}/{m}" for i, p in enumerate(posts, 1)]
    raise TextTooLong(f"cannot split into posts that fit {platform}'s limit of {limit}")


def _pack(words: list[str], platform: str, limit: int, n: int) -> list[list[str]]:
    """Greedy packing for a thread of n posts, each within every limit of the platform (length;
    Threads' 5 links; Bluesky's bytes); a word too long even alone is an error."""
    posts: list[list[str]] = []
    cur: list[str] = []
    for w in words:
        if not problems(" ".join(cur + [w]) + f" {len(posts) + 1}/{n}", platform, limit):
            cur.append(w)
            continue
        if not cur:
            raise TextTooLong(f"'{w[:40]}' alone is longer than {platform}'s limit of {limit}")
        posts.append(cur)
        cur = [w]
        if problems(f"{w} {len(posts) + 1}/{n}", platform, limit):  # every limit, bytes too
            raise TextTooLong(f"'{w[:40]}' alone is longer than {platform}'s limit of {limit}")
    posts.append(cur)
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
