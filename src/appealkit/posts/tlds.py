"""The top-level domains a bare domain in a post may end in (a leaf module: entities and
bluesky both detect links with it)."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=None)
def known_tlds() -> frozenset[str]:
    """Known TLDs, lower case: twitter-text's list (data/tlds.txt, generic and country TLDs)."""
    from ..resources import read_list

    return frozenset(t.lower() for t in read_list("tlds.txt"))
