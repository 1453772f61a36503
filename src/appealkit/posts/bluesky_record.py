"""A Bluesky post as the API takes it: an `app.bsky.feed.post` record.

The record's text is the post as the official client sends it, each link shown short (host +
13 characters + "...") with a `#link` facet that keeps the full URI; hashtags get `#tag`
facets. Facet ranges are UTF-8 byte offsets, end exclusive, the "#" of a tag included.
A mention facet needs the account's DID, which only the network knows: mentions are listed
beside the record, with their ranges and handles, for the poster to resolve and add."""

from __future__ import annotations

import datetime as dt
import re

from .. import handles
from .bluesky import hashtags, links, short_url

LINK = "app.bsky.richtext.facet#link"
TAG = "app.bsky.richtext.facet#tag"
MENTION = "app.bsky.richtext.facet#mention"
# atproto's mention detection: "@" after the start, a space or "(", then a domain-like name
# (its word boundary is JavaScript's, ASCII only)
_MENTION = re.compile(r"(?:^|(?<=[\s(]))@([a-zA-Z0-9.-]+)(?a:\b)")


def created_at(moment: dt.datetime) -> str:
    """UTC, ISO 8601 with milliseconds and "Z", as the official client writes it; a moment
    without a time zone is taken as UTC."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def post_record(text: str, moment: dt.datetime, lang: str | None = None) -> dict:
    """{"record": the app.bsky.feed.post record, "mentions": [{"handle", "index"}] to resolve}."""
    shown, facets = _with_links(text)
    taken = [(f["index"]["byteStart"], f["index"]["byteEnd"]) for f in facets]
    for tag, b0, b1 in hashtags(shown):
        if not _overlaps(b0, b1, taken):
            facets.append(_facet(b0, b1, {"$type": TAG, "tag": tag}))
    mentions = []
    for m in _MENTION.finditer(shown):
        handle = m.group(1)
        if not handles.valid("bluesky", handle):
            continue
        b0 = _bytes(shown[:m.start()])
        b1 = b0 + _bytes(m.group())
        if not _overlaps(b0, b1, taken):
            # handles are case-insensitive; resolution takes them in lower case
            mentions.append({"handle": handle.lower(), "index": {"byteStart": b0, "byteEnd": b1}})
    record: dict[str, object] = {"$type": "app.bsky.feed.post", "text": shown, "createdAt": created_at(moment)}
    if lang:
        record["langs"] = [lang]
    record["facets"] = sorted(facets, key=lambda f: f["index"]["byteStart"])
    return {"record": record, "mentions": mentions}


def _with_links(text: str) -> tuple[str, list[dict]]:
    """The text with links shown short, and a link facet for each over what is shown."""
    out, facets, pos, nbytes = [], [], 0, 0
    for s, e, uri in links(text):
        before = text[pos:s]
        shown = short_url(uri)
        nbytes += _bytes(before)
        facets.append(_facet(nbytes, nbytes + _bytes(shown), {"$type": LINK, "uri": uri}))
        nbytes += _bytes(shown)
        out += [before, shown]
        pos = e
    out.append(text[pos:])
    return "".join(out), facets


def _facet(b0: int, b1: int, feature: dict) -> dict:
    return {"$type": "app.bsky.richtext.facet", "index": {"byteStart": b0, "byteEnd": b1},
            "features": [feature]}


def _bytes(s: str) -> int:
    return len(s.encode("utf-8"))


def _overlaps(b0: int, b1: int, spans: list[tuple[int, int]]) -> bool:
    return any(b0 < e and s < b1 for s, e in spans)
