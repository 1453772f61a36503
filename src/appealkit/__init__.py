"""appealkit: one YAML case file in, addresses, letters and posts out.

The Python API. The command line is a thin layer over these functions and prints exactly
what they return; none of them loads typer or rich. Heavy parts (templates, dates, the
transliteration tables) load on first use, so `import appealkit` stays cheap.

    import appealkit
    case = appealkit.load_case("examples/atabek.yaml")
    for letter in appealkit.compose_letters(case, "president", sender_name="A. Supporter"):
        print(letter.text)
    print(appealkit.build_posts(case, "bluesky")[0].text)

A letter-writing night, as the CLI runs it, returns reports (dataclasses) with structured
notices (`night.notices.Notice`: code, level, scope, message, where):

    report = appealkit.check_files(["cases/"])               # check: each file's errors, warnings
    merge = appealkit.merge_letters(["cases/"], "writers.csv", "letters/")   # the mail merge
    pack = appealkit.make_pack(["cases/"], "pack.pdf", writers="writers.csv")  # the printed pack
    sender = appealkit.resolve_sender()                      # options, then sender.yaml

Errors are AppealkitError and its kinds: CaseError (the case breaks the format; `.where`
holds file, line and column), CaseErrors (several at once, in `.errors`), UsageError (a bad
argument; `.param` names it), OutputError, TextTooLong.
"""

from __future__ import annotations

# No imports at run time (not even typing): the `appealkit` command imports this package
# before it turns the garbage collector off for start-up (__main__.run).
TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    import datetime as _dt
    from typing import Callable

    from .address.format import Block
    from .case.model import Case
    from .checks import Finding
    from .errors import AppealkitError, CaseError, CaseErrors, OutputError, TextTooLong, UsageError, Where
    from .letters.compose import Letter
    from .letters.sender import Sender
    from .night.check import CheckReport
    from .night.merge import MergeReport
    from .night.pack import PackReport
    from .posts.build import Post

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "load_case", "parse_case", "check_case", "addresses", "compose_letters", "build_posts",
    "bluesky_record", "transliterate", "post_length",
    "check_files", "merge_letters", "make_pack", "resolve_sender",
    "AppealkitError", "CaseError", "CaseErrors", "UsageError", "OutputError", "TextTooLong", "Where",
]

# The error types load with their module on first use: `import appealkit` (which the `appealkit`
# command does before anything else) stays free of dataclasses and their imports, so that the
# command can turn the garbage collector off for start-up first (__main__.run).
_ERRORS = ("AppealkitError", "CaseError", "CaseErrors", "UsageError", "OutputError", "TextTooLong", "Where")


def __getattr__(name: str):
    if name in _ERRORS:
        from . import errors

        return getattr(errors, name)
    raise AttributeError(f"module 'appealkit' has no attribute '{name}'")


def load_case(path: str) -> Case:
    """Read and validate a case file (`-` reads standard input). Raises CaseError or CaseErrors
    with file, line and column."""
    from .case.load import load_case as _load

    return _load(path)


def parse_case(text: str, name: str = "<string>") -> Case:
    """Validate a case from its YAML text; `name` stands for the file in error positions."""
    from .case.load import parse_case as _parse

    return _parse(text, name)


def check_case(case: Case, today: _dt.date | None = None) -> list[Finding]:
    """The warnings `appealkit check` prints: each a Finding with level, code, message and where."""
    from .checks import run_checks

    return run_checks(case, today)


def addresses(case: Case, to: str = "person", *, sender_country: str | None = None,
              scheme: str | None = None, style: str = "translate",
              embassy_address: list[str] | None = None) -> list[Block]:
    """The postal address blocks for `to` (`person`, a recipient id, or `all`): each Block has
    `local` and `latin` lines, the `country_line` for mail from `sender_country`, and `.text()`.
    `all` leaves out recipients with no postal address (email or fax only)."""
    from .address.countries import check_sender_country
    from .address.format import blocks_for

    if scheme:
        from .translit import get_scheme

        get_scheme(scheme)
    return blocks_for(case, to, check_sender_country(sender_country), scheme, style, embassy_address)


def compose_letters(case: Case, to: str = "all", *, lang: str | None = None,
                    sender_name: str | None = None, sender_address: list[str] | None = None,
                    sender_country: str | None = None, date: _dt.date | None = None,
                    fmt: str = "text", template=None, message: str | None = None,
                    embassy_address: list[str] | None = None, extra: dict | None = None) -> list[Letter]:
    """Letters for `to` (a recipient id, `person`, or `all`), each a Letter with `.text` in
    `fmt` (text, markdown, html), `.to`, `.kind`, `.language`, `.salutation`, `.address` and
    `.warnings` (what the CLI prints on stderr). The sender's address is a list of lines;
    `date` a datetime.date (default today); `extra` adds names to a custom template's context
    (a mail merge passes `writer`)."""
    from .address.countries import check_sender_country
    from .letters.compose import compose_letters as _compose

    return _compose(case, to, lang=lang, sender_name=sender_name, sender_address=sender_address,
                    sender_country=check_sender_country(sender_country), date=date, fmt=fmt,
                    template=template, message=message, embassy_address=embassy_address,
                    extra=extra)


def build_posts(case: Case, platform: str = "x", *, lang: str | None = None, to: str | None = None,
                variants: bool = False, thread: bool = False, limit: int | None = None) -> list[Post]:
    """The case's post for `platform` (x, bluesky, mastodon, threads) as a list of Post objects
    (`.text`, `.length`, `.limit`, `.fits`): one post; one per recipient with a handle on the
    platform (`variants`); or a thread split at word boundaries (`thread`)."""
    from .errors import UsageError
    from .posts.build import posts_for

    if variants and thread:
        raise UsageError("a thread and variants do not combine", param="thread")
    mode = "variants" if variants else "thread" if thread else "post"
    return posts_for(case, platform, lang=lang, to=to, mode=mode, limit=limit)


def bluesky_record(text: str, created_at: _dt.datetime | None = None, lang: str | None = None) -> dict:
    """A post's text as Bluesky's API takes it: {"record": an app.bsky.feed.post (text with
    links shortened as the app shows them, createdAt, langs, link and tag facets by UTF-8 byte
    offsets), "mentions": [{"handle", "index"}]}, the mentions to resolve to DIDs before posting."""
    import datetime as dt

    from .posts.bluesky_record import post_record

    moment = created_at or dt.datetime.now(dt.timezone.utc)
    return post_record(text, moment, lang)


def transliterate(text: str, scheme: str = "icao", lang: str | None = None) -> str:
    """Transliterate Cyrillic `text` to Latin by a named standard (see `appealkit schemes`);
    `lang` (ru, uk, be, kk, ky) is detected when absent."""
    from .translit import transliterate as _t

    return _t(text, scheme, lang)


def post_length(text: str, platform: str) -> int:
    """The length of `text` as `platform` counts it (X's weighted length, Bluesky's graphemes...)."""
    from .posts.count import length

    return length(text, platform)


def check_files(paths: list[str], today: _dt.date | None = None, strict: bool = False) -> CheckReport:
    """`appealkit check` over case files and folders (their *.yaml and *.yml files): a
    CheckReport with a FileCheck per file (`.file`, `.ok`, `.errors`, `.findings`), `.ok` for
    all, and `.as_json()`, what `check --json` prints. `strict` fails a file on warnings too."""
    from .night.check import check_files as _check

    return _check(paths, today, strict)


def merge_letters(cases: list, writers: str, out_dir: str, *, to: str = "all", force: bool = False,
                  lang: str | None = None, date: _dt.date | None = None, fmt: str = "text", template=None,
                  message: str | None = None, embassy_address: list[str] | None = None,
                  sender_country: str | None = None) -> MergeReport:
    """The mail merge (`letter --writers`): one file per writer x case x recipient in `out_dir`,
    each written once (an existing file is skipped unless `force`). `cases` are paths, folders
    or Case objects; `writers` a CSV (name, address, country, lang, email, your own columns).
    The MergeReport counts written, skipped and failed letters, lists `.paths` and `.notices`
    (each bad row a Notice whose `where` is FILE:LINE) and has `.summary()`."""
    from .night.merge import merge_letters as _merge

    return _merge(cases, writers, out_dir, to=to, force=force, lang=lang, date=date, fmt=fmt,
                  template=template, message=message, embassy_address=embassy_address,
                  sender_country=sender_country)


def make_pack(cases: list, out: str = "pack.pdf", *, writers: str | None = None, to: str = "all",
              paper: str = "a4", envelope: str = "dl", labels: str | None = None, start_label: int = 1,
              by: str = "case", support_in: str = "prison", lang: str | None = None,
              sender_name: str | None = None, sender_address: str | list[str] | None = None,
              sender_country: str | None = None, date: _dt.date | None = None,
              embassy_address: list[str] | None = None, force: bool = False,
              progress: Callable[[int, int], None] | None = None, workers: int | None = None) -> PackReport:
    """The printable pack (`appealkit pack`) at `out` (.pdf, or .html for a browser): a card
    per case, every writer's letters and envelopes (or `envelope="labels"` on `labels` sheets,
    l7163, l7160 or 5160, by default the paper's own, from label `start_label`), `by` case or by writer. Without `writers`
    the sender is the one given, completed from sender.yaml (resolve_sender). `progress(done,
    total)` counts writer x case pairs as they are rendered. The PackReport counts cases,
    letters, writer's copies and envelopes and holds `.notices`; `.ok` is false if a row failed."""
    from .night.pack import make_pack as _pack

    return _pack(cases, out, writers=writers, to=to, paper=paper, envelope=envelope, labels=labels,
                 start_label=start_label, by=by, support_in=support_in, lang=lang, sender_name=sender_name,
                 sender_address=sender_address, sender_country=sender_country, date=date,
                 embassy_address=embassy_address, force=force, progress=progress, workers=workers)


def resolve_sender(name: str | None = None, address: str | list[str] | None = None,
                   country: str | None = None) -> Sender:
    """Who signs: the values given, each completed from sender.yaml in the config folder
    ($APPEALKIT_HOME, else the user config folder, ~/.config/appealkit on Linux). A Sender with
    `name`, `address` (lines) and `country` (ISO code), any of them possibly None or empty."""
    from .night.sender import resolve_sender as _resolve

    return _resolve(name, address, country)
