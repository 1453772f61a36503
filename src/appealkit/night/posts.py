"""Posts for one case or the cases of a run, or for a text of one's own: each with the notes on
the mentions the platform cannot take. A post over the limit fails its case (after it is
yielded: JSON still shows it)."""

from __future__ import annotations

from dataclasses import field
from typing import TYPE_CHECKING, Iterator, Literal

from ..records import Record
from .notices import Code, Notice

if TYPE_CHECKING:  # pragma: no cover
    from ..case.model import Case

Mode = Literal["post", "variants", "thread"]


class CasePosts(Record):
    """One case's posts for one platform, and what was noticed making them."""
    case: Case
    posts: list = field(default_factory=list)  # posts.build.Post
    notices: list[Notice] = field(default_factory=list)

    @property
    def fits(self) -> bool:
        return all(p.fits for p in self.posts)


def case_posts(case, platform: str, *, lang: str | None = None, to: str | None = None, mode: Mode = "post",
               limit: int | None = None, intent: bool = False, instance: str | None = None,
               many: bool = False) -> CasePosts:
    """One case's posts (with their share links if `intent`); a note names the mentions left out."""
    from ..handles import NAMES
    from ..posts.build import dropped_mentions, intent_url, posts_for

    lang = lang or case.language
    posts = posts_for(case, platform, lang=lang, to=to, mode=mode, limit=limit)
    if intent:
        for p in posts:
            p.intent_url = intent_url(p.text, platform, instance)
    item = CasePosts(case, posts)
    item.notices += [Notice(Code.NO_HANDLE, f"note: {case.id + ': ' if many else ''}{p.note}", "note")
                     for p in posts if p.note]
    dropped = dropped_mentions(case, platform, None if mode == "variants" else to)
    if dropped:
        item.notices.append(Notice(Code.NO_HANDLE, f"note: {case.id + ': ' if many else ''}no {NAMES[platform]} "
                                   f"handle for {', '.join(dropped)}: left out of the {NAMES[platform]} post",
                                   "note"))
    return item


def posts_for_cases(run, platform: str, *, lang: str | None = None, to: str | None = None, mode: Mode = "post",
                    limit: int | None = None, intent: bool = False, instance: str | None = None) -> Iterator[CasePosts]:
    """case_posts for each case of `run` (a night.run.CaseRun); a post over the limit fails its
    case once the caller has seen it."""
    from ..posts.build import over_limit_error

    for c in run:
        with run.guard(c):
            item = case_posts(c, platform, lang=lang, to=to, mode=mode, limit=limit, intent=intent,
                              instance=instance, many=run.many)
            yield item
            bad = [p for p in item.posts if not p.fits]
            if bad:
                raise over_limit_error(bad[0])


def text_posts(text: str, platform: str, limit: int, *, thread: bool = False, intent: bool = False,
               instance: str | None = None) -> list:
    """Your own text as a post (or a thread split at word boundaries), counted for `platform`."""
    from ..posts.build import Post, intent_url
    from ..posts.build import thread as split

    body = text.strip("\n")
    posts = [Post(platform, t, limit) for t in split(body, platform, limit)] if thread else [Post(platform, body, limit)]
    if intent:
        for p in posts:
            p.intent_url = intent_url(p.text, platform, instance)
    return posts
