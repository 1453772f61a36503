"""In-process throughput: transliteration, post length, letters; memory of streamed letters."""

from __future__ import annotations

import datetime as dt
import statistics
import subprocess
import sys

from common import ROOT, median_pair
from corpus import KK, RU, UK, posts, text


def translit() -> list[dict]:
    import iuliia
    from unidecode import unidecode

    import appealkit

    rows = []
    ru = text(RU, 1_000_000)
    mb = len(ru.encode("utf-8")) / 1e6
    for scheme, peer in (("icao", iuliia.ICAO_DOC_9303), ("bgn-pcgn", iuliia.BGN_PCGN)):
        ours, theirs = median_pair(lambda: appealkit.transliterate(ru, scheme, "ru"),
                                   lambda: iuliia.translate(ru, peer), runs=5)
        a = appealkit.transliterate(ru, scheme, "ru").split()
        b = iuliia.translate(ru, peer).split()
        # compare where iuliia is right: it breaks ALL-CAPS words and leaves Cyrillic ё
        comparable = [(x, y) for x, y, w in zip(a, b, ru.split()) if not (w.isupper() and len(w) > 1) and "ё" not in y]
        same = sum(x == y for x, y in comparable)
        rows.append({"figure": f"transliteration, 1 MB Russian, {scheme}",
                     "appealkit": f"{mb / ours:.1f} MB/s", "peer": f"iuliia 0.13: {mb / theirs:.1f} MB/s",
                     "ratio": theirs / ours, "goal": "3x or more", "ok": theirs / ours >= 3,
                     "note": f"identical on {same}/{len(comparable)} words where iuliia is right"})
    # Unidecode is the speed a user knows, with output wrong for both languages
    for lang, code, words, scheme, wrong in (("Kazakh", "kk", KK, "kz-2021", "ә → @"),
                                            ("Ukrainian", "uk", UK, "ua-2010", "Згурський → Zgurs'kii")):
        body = text(words, 1_000_000)
        mb = len(body.encode("utf-8")) / 1e6
        ours, theirs = median_pair(lambda: appealkit.transliterate(body, scheme, code), lambda: unidecode(body))
        rows.append({"figure": f"transliteration, 1 MB {lang}, {scheme}", "appealkit": f"{mb / ours:.1f} MB/s",
                     "peer": f"Unidecode: {mb / theirs:.1f} MB/s", "ratio": theirs / ours, "goal": "1x or more",
                     "ok": theirs / ours >= 1, "note": f"Unidecode's output is wrong for {lang} ({wrong})"})
    return rows


def post_length() -> list[dict]:
    from twitter_text import parse_tweet

    from appealkit.posts import length

    items = posts()
    ours, theirs = median_pair(lambda: [length(p, "x") for p in items],
                               lambda: [parse_tweet(p).weightedLength for p in items], runs=5)
    same = sum(length(p, "x") == parse_tweet(p).weightedLength for p in items)
    return [{"figure": "post length, 10,000 mixed posts, x", "appealkit": f"{len(items) / ours:,.0f} posts/s",
             "peer": f"twitter-text-parser 3.0: {len(items) / theirs:,.0f} posts/s", "ratio": theirs / ours,
             "goal": "10x or more, identical lengths", "ok": theirs / ours >= 10 and same == len(items),
             "note": f"identical lengths on {same}/{len(items)}"}]


def letters() -> list[dict]:
    from jinja2 import Environment, FileSystemLoader

    from appealkit.address.format import blocks_for
    from appealkit.case import load_case
    from appealkit.letters.render import context, environment, render
    from appealkit.letters.sender import Sender
    from appealkit.resources import data_path

    case = load_case(str(ROOT / "examples" / "atabek.yaml"))
    sender = Sender("A. Supporter", ["1 High Street", "London"], "GB")
    day = dt.date(2026, 11, 28)
    n = 10_000

    def ours():
        for _ in range(n):
            blocks = blocks_for(case, "president", sender.country)
            ctx = context(case, to="president", lang="en", day=day, sender=sender, blocks=blocks)
            render(ctx, "authority", "en")

    blocks = blocks_for(case, "president", sender.country)
    fixed = context(case, to="president", lang="en", day=day, sender=sender, blocks=blocks)
    env = Environment(loader=FileSystemLoader(str(data_path("templates"))), keep_trailing_newline=True)
    env.filters.update(environment(False).filters)  # the templates' own filters (with_article), not the sandbox
    tmpl = env.get_template("en/authority.txt.j2")

    def bare():
        for _ in range(n):
            tmpl.render(fixed)

    a, b = median_pair(ours, bare, runs=7)
    return [{"figure": "letters: 10,000 authority letters rendered", "appealkit": f"{n / a:,.0f} letters/s",
             "peer": f"same template, bare Jinja2 loop: {n / b:,.0f} letters/s", "ratio": a / b,
             "goal": "within 1.5x", "ok": a / b <= 1.5, "note": "appealkit renders sandboxed, with address and context cached per case"}]


MEMORY = '''
import datetime as dt, resource, sys
from appealkit.address.format import blocks_for
from appealkit.case import load_case
from appealkit.letters.render import context, render
from appealkit.letters.sender import Sender
case = load_case(sys.argv[1]); sender = Sender("A", ["B"], "GB"); n = int(sys.argv[2])
with open(sys.argv[3], "w", encoding="utf-8") as fh:
    for i in range(n):
        blocks = blocks_for(case, "president", "GB")
        ctx = context(case, to="president", lang="en", day=dt.date(2026, 11, 28) + dt.timedelta(days=i % 365),
                      sender=sender, blocks=blocks)
        fh.write(render(ctx, "authority", "en")); fh.write("\\f")
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
'''


def memory(tmp: str) -> list[dict]:
    def rss(n):
        out = subprocess.run([sys.executable, "-c", MEMORY, str(ROOT / "examples" / "atabek.yaml"), str(n),
                              f"{tmp}/letters-{n}.txt"], capture_output=True, text=True, check=True).stdout
        return int(out.strip())

    # median of 5 runs each, after a warm-up run of each
    rss(1_000), rss(100_000)
    small = statistics.median(rss(1_000) for _ in range(5))
    big = statistics.median(rss(100_000) for _ in range(5))
    return [{"figure": "memory: 100,000 letters streamed to a file", "appealkit": f"{big / 1024:.1f} MB peak RSS",
             "peer": f"1,000 letters: {small / 1024:.1f} MB", "ratio": big / small, "goal": "flat (within 1.2x)",
             "ok": big / small <= 1.2, "note": ""}]
