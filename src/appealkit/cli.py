"""The command line: parse options, call the core, render. The one error boundary is main().

No `from __future__ import annotations` here: Typer would then evaluate every parameter's
annotation from a string at each run (2 ms of start-up)."""

import datetime as dt
import os
import sys
from enum import Enum
from typing import Annotated, List, Optional

import typer

from . import __version__
from .errors import AppealkitError, CaseErrors, UsageError

app = typer.Typer(
    name="appealkit",
    help="Turn one YAML case file into addresses, letters and posts for a letter-writing appeal.",
    add_completion=True,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

CASE_HELP = "Case file (YAML); '-' reads standard input. Default: $APPEALKIT_CASE, then ./appeal.yaml."
FROM_HELP = "Your country (ISO code): the country line, and the embassy to copy."
Case = Annotated[Optional[str], typer.Argument(help=CASE_HELP, envvar="APPEALKIT_CASE", show_envvar=True)]
From = Annotated[Optional[str], typer.Option("--from", help=FROM_HELP, envvar="APPEALKIT_FROM")]
EmbassyAddress = Annotated[Optional[str], typer.Option(
    "--embassy-address", help="The embassy's address in your country, lines separated by ';'.")]
Json = Annotated[bool, typer.Option("--json", help="JSON on stdout.")]


class Style(str, Enum):
    TRANSLATE = "translate"
    TRANSLITERATE = "transliterate"


class Script(str, Enum):
    both = "both"
    local = "local"
    latin = "latin"


class Platform(str, Enum):
    x = "x"
    bluesky = "bluesky"
    mastodon = "mastodon"
    threads = "threads"


class Format(str, Enum):
    text = "text"
    markdown = "markdown"
    html = "html"



def _version(value: bool):
    if value:
        sys.stdout.write(f"appealkit {__version__}\n")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show a traceback for unexpected failures.", envvar="APPEALKIT_DEBUG")] = False,
):
    if debug:
        os.environ["APPEALKIT_DEBUG"] = "1"


def _date(value: Optional[str], option: str) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{option} '{value}' is not a date (YYYY-MM-DD)") from None


def _load(case: Optional[str]):
    from .case import load_case

    return load_case(_case_path(case))


def _case_path(case: Optional[str]) -> str:
    """The case argument (or $APPEALKIT_CASE, which Typer fills in), then ./appeal.yaml."""
    if case:
        return case
    if os.path.isfile("appeal.yaml"):
        return "appeal.yaml"
    raise AppealkitError("no case file given, $APPEALKIT_CASE is unset and there is no appeal.yaml here; "
                         "start one with 'appealkit init'")


def _sender_country(value: Optional[str]) -> Optional[str]:
    from .address.countries import check_sender_country

    return check_sender_country(value or None)


# ------------------------------------------------------------------ check, init, schema


Cases = Annotated[Optional[List[str]], typer.Argument(
    help=CASE_HELP + " Several files, or folders of *.yaml and *.yml files, are checked in turn.",
    envvar="APPEALKIT_CASE", show_envvar=True)]


@app.command()
def check(
    cases: Cases = None,
    json_: Annotated[bool, typer.Option("--json", help="Print findings as JSON on stdout (an array for several files or a folder).")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 on warnings too.")] = False,
    today: Annotated[Optional[str], typer.Option("--today", help="Judge deadlines as of this date (YYYY-MM-DD).")] = None,
):
    """Check case files: errors (exit 1) and warnings (exit 0 unless --strict)."""
    from .case.load import expand_case_paths

    day = _date(today, "--today")
    paths = expand_case_paths(list(cases or []) or [None])
    many = len(paths) > 1 or any(p and os.path.isdir(p) for p in cases or [])
    results = [_check_one(p, day, strict, json_, many) for p in paths]
    if json_:
        from .output import emit_json

        emit_json(results if many else results[0])
    if not all(r["ok"] for r in results):
        raise typer.Exit(1)


def _check_one(path: Optional[str], day: Optional[dt.date], strict: bool, json_: bool, many: bool) -> dict:
    """Check one file: print its warnings (unless JSON) and a summary line; return its JSON."""
    from .checks import run_checks
    from .output import note, warn

    try:
        c = _load(path)
    except AppealkitError as e:
        if not (json_ or many):
            raise  # one file: the error lines and exit 1, from main
        errs = e.errors if isinstance(e, CaseErrors) else [e]
        if not json_:
            for x in errs:
                _err(str(x))
        first = next((x.where.file for x in errs if x.where and x.where.file), None)
        name = path or first
        note(f"{name}: failed, {len(errs)} error{'s' if len(errs) != 1 else ''}")
        return {"file": name, "ok": False, "errors": [x.as_dict() for x in errs], "warnings": []}
    findings = run_checks(c, day)
    if not json_:
        for f in findings:
            warn(f"{f.where}: {f.message} [{f.code}]")
    n = len(findings)
    note(f"{c.source}: {'failed (--strict)' if strict and n else 'ok'}, {n} warning{'s' if n != 1 else ''}")
    return {"file": c.source, "ok": not (strict and findings), "errors": [],
            "warnings": [f.as_dict() for f in findings]}


@app.command()
def init(
    path: Annotated[str, typer.Argument(help="Where to write the starter case file.")] = "appeal.yaml",
    force: Annotated[bool, typer.Option("--force", help="Overwrite the file if it exists.")] = False,
):
    """Write a commented starter case file that passes `check`; never overwrites without --force."""
    from pathlib import Path

    from .output import note, write_atomic
    from .resources import data_path

    target = Path(path)
    text = data_path("starter.yaml").read_text(encoding="utf-8")
    folder = target.parent if str(target.parent) else Path(".")
    write_atomic(folder, target.name, text, force=force)
    sys.stdout.write(f"{target}\n")
    note(f"wrote {target}; edit it, then run 'appealkit check {target}'")


@app.command()
def schema():
    """Print the JSON Schema (draft 2020-12) of the case file, for editors."""
    from .case.schema import case_schema
    from .output import emit_json

    emit_json(case_schema())


# ------------------------------------------------------------------ translit, schemes


@app.command()
def translit(
    text: Annotated[Optional[List[str]], typer.Argument(help="Texts; without any, standard input line by line.")] = None,
    scheme: Annotated[str, typer.Option("--scheme", "-s", help="Scheme id (see 'appealkit schemes').")] = "icao",
    lang: Annotated[Optional[str], typer.Option("--lang", "-l", help="ru, uk, be, kk or ky; detected when absent.")] = None,
):
    """Transliterate Cyrillic to Latin by a named standard."""
    from .output import warn
    from .translit import get_scheme
    from .translit.coverage import coverage_warning

    sch = get_scheme(scheme)
    if lang is not None:
        sch.transliterate("", lang)  # validates lang before any output
    warned = set()

    def check_coverage(t: str) -> None:  # once per message: a stream may hold thousands of lines
        msg = coverage_warning(scheme, t, lang)
        if msg and msg not in warned:
            warned.add(msg)
            warn(msg)

    if text:
        for t in text:
            check_coverage(t)
            sys.stdout.write(sch.transliterate(t, lang) + "\n")
        return
    # streaming: one line at a time, constant memory whatever the input size
    stdin = sys.stdin
    if hasattr(stdin, "reconfigure"):
        stdin.reconfigure(encoding="utf-8", errors="replace")
    write = sys.stdout.write
    for line in stdin:  # a reader that goes away (| head) ends it quietly, in main
        if len(warned) < 4:
            check_coverage(line)
        write(sch.transliterate(line, lang))


@app.command()
def schemes(json_: Json = False):
    """List the transliteration schemes: id, name, languages, where each is used."""
    from .output import emit_json, is_tty, use_color
    from .translit import list_schemes

    rows = [{"id": s.id, "name": s.name, "languages": s.languages, "used": " ".join(s.used.split()),
             "source": " ".join(str(s.source).split()), "fallback": s.fallback,
             "samples": len(s.samples)} for s in list_schemes()]
    if json_:
        emit_json(rows)
        return
    if is_tty():
        from rich.console import Console
        from rich.table import Table

        t = Table("id", "name", "languages", "used", show_lines=False)
        for r in rows:
            t.add_row(r["id"], r["name"], ", ".join(r["languages"]), r["used"])
        Console(no_color=not use_color()).print(t)
        return
    for r in rows:
        sys.stdout.write(f"{r['id']}\t{r['name']}\t{','.join(r['languages'])}\t{r['used']}\n")


# ------------------------------------------------------------------ address


@app.command()
def address(
    case: Case = None,
    to: Annotated[str, typer.Option("--to", help="person, a recipient id, or all.")] = "person",
    scheme: Annotated[Optional[str], typer.Option("--scheme", "-s", help="Transliteration scheme; default per country.")] = None,
    style: Annotated[Style, typer.Option("--style", help="translate (ул. X -> X Street) or transliterate.")] = Style.TRANSLATE,
    from_: From = None,
    script: Annotated[Script, typer.Option("--script", help="Which blocks to print.")] = Script.both,
    embassy_address: EmbassyAddress = None,
    json_: Json = False,
):
    """Print postal addresses: local script, Latin, and the country line."""
    from . import addresses
    from .address.checks import address_warnings
    from .address.format import no_address
    from .letters.sender import split_lines
    from .output import emit_json, out, warn

    sender = _sender_country(from_)
    c = _load(case)
    blocks = addresses(c, to, sender_country=sender, scheme=scheme, style=style.value,
                           embassy_address=split_lines(embassy_address) or None)
    have = {b.to for b in blocks}
    for rid in c.targets(to):
        if rid not in have:
            warn(no_address(c.recipients[rid]))
    for message in address_warnings(c, have, scheme):
        warn(message)
    if json_:
        emit_json([b.as_dict() for b in blocks] if to == "all" else blocks[0].as_dict())
        return
    texts = []
    for b in blocks:
        head = f"# {b.to}\n" if to == "all" else ""
        texts.append(head + b.text(script.value))
    out("\n\n".join(texts))


# ------------------------------------------------------------------ letter


@app.command()
def letter(
    case: Case = None,
    to: Annotated[str, typer.Option("--to", help="A recipient id, person, or all.")] = "all",
    lang: Annotated[Optional[str], typer.Option("--lang", help="Letter language (en, ru, uk; be for the person); default the case's, and the prison's for the person.")] = None,
    sender_name: Annotated[Optional[str], typer.Option(
        "--sender-name", help="Your name.", envvar="APPEALKIT_SENDER_NAME")] = None,
    sender_address: Annotated[Optional[str], typer.Option(
        "--sender-address", help="Your address, lines separated by ';'.", envvar="APPEALKIT_SENDER_ADDRESS")] = None,
    from_: From = None,
    date: Annotated[Optional[str], typer.Option("--date", help="Date on the letter (YYYY-MM-DD); default today.")] = None,
    format_: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.text,
    template: Annotated[Optional[str], typer.Option("--template", help="Your own Jinja2 template (same context; see README).")] = None,
    message: Annotated[Optional[str], typer.Option("--message", help="Your own words for the support letter.")] = None,
    embassy_address: EmbassyAddress = None,
    out_dir: Annotated[Optional[str], typer.Option("--out-dir", help="Write one file per letter here (made if missing); print the paths.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite existing files in --out-dir.")] = False,
    json_: Json = False,
):
    """Letters to the authorities and a support letter to the person, ready to sign."""
    from . import compose_letters
    from .letters.compose import FORMAT_EXTENSIONS
    from .letters.render import as_html, load_template
    from .letters.sender import split_lines
    from .output import emit_json, out, warn

    day = _date(date, "--date") or dt.date.today()
    sender = _sender(sender_name, sender_address, _sender_country(from_))
    c = _load(case)
    user_template = load_template(template) if template else None
    fmt = format_.value
    # a single html page holds all the letters: compose them as text, wrap them once
    letters = compose_letters(c, to, lang=lang, sender_name=sender.name, sender_address=sender.address,
                                  sender_country=sender.country, date=day,
                                  fmt="text" if fmt == "html" and not (out_dir or json_) else fmt,
                                  template=user_template, message=message,
                                  embassy_address=split_lines(embassy_address) or None)
    for w in dict.fromkeys(w for x in letters for w in x.warnings):
        if w.startswith("no sender"):
            w += " (use --sender-name/--sender-address, APPEALKIT_SENDER_* or sender.yaml)"
        warn(w)
    if out_dir:
        from .output import safe_name, write_files

        ext = FORMAT_EXTENSIONS[fmt]
        files = [(safe_name(f"{c.id}-{x.to}-{x.language}.{ext}"), x.text) for x in letters]
        for path in write_files(out_dir, files, force, create=True):
            out(str(path))
        return
    if json_:
        rows = [x.as_dict() for x in letters]
        emit_json(rows if to == "all" else rows[0])
        return
    if fmt == "html":
        sys.stdout.write(as_html([x.text for x in letters], letters[0].language if letters else "en",
                                 c.id if len(letters) > 1 else f"{c.id} {letters[0].to}"))
        return
    sys.stdout.write("\f\n".join(x.text for x in letters))


def _sender(name: Optional[str], address: Optional[str], country: Optional[str]):
    """Options (and their environment variables) first, then sender.yaml in $APPEALKIT_HOME
    (default: the user config folder, XDG on Linux)."""
    from .letters.sender import Sender, read_sender_file, split_lines

    s = Sender(name or None, split_lines(address), country)
    if s.name and s.address and s.country:
        return s
    path = _config_home() / "sender.yaml"
    if path.is_file():
        f = read_sender_file(str(path))
        s = Sender(s.name or f.name, s.address or f.address, s.country or _sender_country(f.country))
    return s


def _config_home():
    from pathlib import Path

    if os.environ.get("APPEALKIT_HOME"):
        return Path(os.environ["APPEALKIT_HOME"])
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "appealkit"
    if os.name == "nt":
        return Path(os.environ.get("APPDATA", Path.home())) / "appealkit"
    return Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "appealkit"


# ------------------------------------------------------------------ tweet


def tweet(
    case: Case = None,
    platform: Annotated[Platform, typer.Option("--platform", "-p", help="Where the post goes.")] = Platform.x,
    to: Annotated[Optional[str], typer.Option("--to", help="Also mention this recipient's handle on the platform.")] = None,
    variants_: Annotated[bool, typer.Option("--variants", help="One post per recipient with a handle on the platform.")] = False,
    text: Annotated[Optional[str], typer.Option("--text", help="Count and check this text instead ('-' reads stdin).")] = None,
    lang: Annotated[Optional[str], typer.Option("--lang", help="Language of the post; default the case's.")] = None,
    intent: Annotated[bool, typer.Option("--intent", help="Print the platform's share link instead of the text.")] = False,
    instance: Annotated[Optional[str], typer.Option("--instance", help="Mastodon server for --intent (e.g. mastodon.social).")] = None,
    thread_: Annotated[bool, typer.Option("--thread", help="Split a post that is too long into numbered posts.")] = False,
    limit: Annotated[Optional[int], typer.Option("--limit", min=1, help="Character limit of your Mastodon server (default 500).")] = None,
    date: Annotated[Optional[str], typer.Option("--date", help="createdAt of the Bluesky record with --json: ISO 8601 date or time; default now.")] = None,
    json_: Annotated[bool, typer.Option("--json", help="JSON on stdout; for Bluesky also the app.bsky.feed.post record.")] = False,
):
    """Build the case's post, counted exactly as the platform counts it (also named post)."""
    from .output import emit_json, is_tty, note, out
    from .posts.build import Post, dropped_mentions, intent_url, over_limit_error, posts_for, thread

    plat = platform.value
    if limit is not None and plat != "mastodon":
        raise UsageError("--limit applies to Mastodon only; the other platforms' limits are fixed")
    if thread_ and variants_:
        raise UsageError("--thread and --variants do not combine")
    if date is not None and not (plat == "bluesky" and json_):
        raise UsageError("--date sets the Bluesky record's createdAt: it needs --platform bluesky --json")
    moment = _moment(date)
    cap = limit or _limit(plat)
    if text is not None:
        if text == "-":
            text = sys.stdin.read()
        body = text.strip("\n")
        posts = [Post(plat, body, cap)]
        if thread_:
            posts = [Post(plat, t, cap) for t in thread(body, plat, cap)]
    else:
        c = _load(case)
        lang = lang or c.language
        mode = "variants" if variants_ else "thread" if thread_ else "post"
        posts = posts_for(c, plat, lang=lang, to=to, mode=mode, limit=limit)
        dropped = dropped_mentions(c, plat, None if variants_ else to)
        if dropped:
            from .handles import NAMES

            note(f"note: no {NAMES[plat]} handle for {', '.join(dropped)}: left out of the {NAMES[plat]} post")
    for p in posts:
        if intent:
            p.intent_url = intent_url(p.text, plat, instance)
    bad = [p for p in posts if not p.fits]
    if json_:
        rows = [p.as_dict() for p in posts]
        if plat == "bluesky":
            from .posts.bluesky_record import post_record

            for row in rows:
                row.update(post_record(row["text"], moment, lang))
        emit_json(rows if (variants_ or thread_) else rows[0])
    elif not bad:
        for p in posts:
            out(p.intent_url or "" if intent else p.text)
    if is_tty() and not json_:
        for p in posts:
            note(f"{p.platform}: {p.length}/{p.limit}")
    if bad:
        raise over_limit_error(bad[0])


# the same command under its platform-neutral name; `tweet` stays, as the design card names it
app.command("tweet")(tweet)
app.command("post", help="The case's post for X, Bluesky, Mastodon or Threads, counted as each platform counts "
                         "(the same command as tweet).")(tweet)


def _moment(value: Optional[str]) -> dt.datetime:
    """--date as an aware datetime: a date is its midnight UTC, a time without zone is UTC."""
    if value is None:
        return dt.datetime.now(dt.timezone.utc)
    try:
        moment = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        raise UsageError(f"--date '{value}' is not an ISO 8601 date or time (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ)") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)


def _limit(platform: str) -> int:
    from .posts.count import LIMITS

    return LIMITS[platform]


# ------------------------------------------------------------------ the error boundary


def main(argv: Optional[list] = None) -> None:
    """Run the CLI; every failure becomes one line per problem on stderr and an exit code."""
    debug = os.environ.get("APPEALKIT_DEBUG") == "1" or "--debug" in (argv if argv is not None else sys.argv)
    code = 0
    try:
        rv = app(args=argv, prog_name="appealkit", standalone_mode=False)
        code = rv if isinstance(rv, int) else 0
    except AppealkitError as e:
        for line in _describe(e).splitlines():
            _err(line)
        code = e.exit_code
    except typer.Exit as e:
        code = e.exit_code
    except (typer.Abort, KeyboardInterrupt):
        sys.stderr.write("\n")
        code = 130
    except typer.TyperException as e:  # Typer's (vendored Click's) usage errors: exit 2
        ctx = getattr(e, "ctx", None)
        if type(e).__name__ == "NoArgsIsHelpError":  # bare `appealkit`: the help itself, not an error line
            sys.stderr.write(e.format_message() + "\n")
        else:
            hint = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
            _err(e.format_message() + hint)
        code = getattr(e, "exit_code", 2)
    except BrokenPipeError:  # the reader went away (| head): stop quietly
        _drop_stdout()
        code = 0
    except OSError as e:  # the system refused (a full disk under stdout): not a bug, no --debug hint
        _err(_os_error(e))
        code = 1
    except Exception as e:  # a bug: say so in one line, never a traceback
        if debug:
            raise
        _err(f"internal error: {type(e).__name__}: {e} (run with --debug for details)")
        code = 1
    try:
        sys.stdout.flush()
    except OSError as e:
        if not isinstance(e, BrokenPipeError):
            _err(_os_error(e))
            code = 1
        _drop_stdout()
    sys.exit(code)


# the core names the API parameter an error is about; the CLI names its option
_FLAGS = {"to": "--to", "lang": "--lang", "template": "--template", "instance": "--instance",
          "limit": "--limit", "thread": "--thread", "sender_country": "--from", "scheme": "--scheme",
          "format": "--format", "date": "--date", "platform": "--platform"}
_HINTS = {"force": "; use --force to overwrite", "split": " (--thread)"}


def _describe(e: AppealkitError) -> str:
    if e.param in _HINTS:
        return str(e) + _HINTS[e.param]
    if e.param in _FLAGS:
        return f"{_FLAGS[e.param]}: {e}"
    return str(e)


def _drop_stdout() -> None:
    # what is still buffered can go nowhere: keep later flushes (ours, the interpreter's) quiet
    try:
        sys.stdout = open(os.devnull, "w")
    except OSError:
        pass


def _os_error(e: OSError) -> str:
    # the core names the files it reads and writes; an OSError without a name is the stdout pipe
    where = f"{e.filename}" if e.filename else "cannot write to standard output"
    return f"{where}: {e.strerror or e}"


def _err(message: str) -> None:
    sys.stderr.write(f"appealkit: error: {message}\n")
