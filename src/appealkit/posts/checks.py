"""Post findings for `check`: the case's post must fit every platform."""

from __future__ import annotations

from ..errors import AppealkitError
from .build import build_post
from .count import PLATFORMS, problems


def post_findings(case):
    if case.share is None or case.share.text is None:
        return
    for lang in case.share.text.languages():
        for platform in PLATFORMS:
            try:
                post = build_post(case, platform, lang)
            except AppealkitError:
                continue
            why = problems(post.text, platform)
            if why:
                yield ("post-too-long", f"the {lang} post does not fit {platform}: {'; '.join(why)}",
                       ("share", "text"))
