"""The command line: parse options, call the core, render. The one error boundary is main().

No `from __future__ import annotations` here: Typer would then evaluate every parameter's
annotation from a string at each run (2 ms of start-up)."""

import datetime as dt
import os
import sys
from typing import List, Optional

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


def _version(value: bool):
    if value:
        sys.stdout.write(f"appealkit {__version__}\n")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
    debug: bool = typer.Option(False, "--debug", help="Show a traceback for unexpected failures (also APPEALKIT_DEBUG=1)."),
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

    return load_case(case)


def _sender_country(value: Optional[str]) -> Optional[str]:
    from .address.countries import check_sender_country

    return check_sender_country(value or os.environ.get("APPEALKIT_FROM") or None)


# ------------------------------------------------------------------ check, init, schema


@app.command()
def check(
    case: Optional[str] = typer.Argument(None, help=CASE_HELP),
    json_: bool = typer.Option(False, "--json", help="Print findings as JSON on stdout."),
    strict: bool = typer.Option(False, "--strict", help="Exit 1 on warnings too."),
    today: Optional[str] = typer.Option(None, "--today", help="Judge deadlines as of this date (YYYY-MM-DD)."),
):
    """Check a case file: errors (exit 1) and warnings (exit 0 unless --strict)."""
    from .checks import run_checks
    from .output import emit_json, note, warn

    day = _date(today, "--today")
    try:
        c = _load(case)
    except AppealkitError as e:
        if not json_:
            raise
        errs = e.errors if isinstance(e, CaseErrors) else [e]
        emit_json({"file": case, "ok": False, "errors": [x.as_dict() for x in errs], "warnings": []})
        raise typer.Exit(1)
    findings = run_checks(c, day)
    if json_:
        emit_json({"file": c.source, "ok": not (strict and findings),
                   "errors": [], "warnings": [f.as_dict() for f in findings]})
    else:
        for f in findings:
            warn(f"{f.where}: {f.message} [{f.code}]")
        note(f"{c.source}: ok, {len(findings)} warning{'s' if len(findings) != 1 else ''}")
    if strict and findings:
        raise typer.Exit(1)


@app.command()
def init(path: str = typer.Argument("appeal.yaml", help="Where to write the starter case file.")):
    """Write a commented starter case file that passes `check`; never overwrites."""
    from pathlib import Path

    from .output import note, write_atomic
    from .resources import data_path

    target = Path(path)
    text = data_path("starter.yaml").read_text(encoding="utf-8")
    folder = target.parent if str(target.parent) else Path(".")
    write_atomic(folder, target.name, text, force=False)
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
    text: Optional[List[str]] = typer.Argument(None, help="Texts; without any, standard input line by line."),
    scheme: str = typer.Option("icao", "--scheme", "-s", help="Scheme id (see 'appealkit schemes')."),
    lang: Optional[str] = typer.Option(None, "--lang", "-l", help="ru, uk, be, kk or ky; detected when absent."),
):
    """Transliterate Cyrillic to Latin by a named standard."""
    from .translit import get_scheme

    sch = get_scheme(scheme)
    if lang is not None:
        sch.transliterate("", lang)  # validates lang before any output
    if text:
        for t in text:
            sys.stdout.write(sch.transliterate(t, lang) + "\n")
        return
    # streaming: one line at a time, constant memory whatever the input size
    stdin = sys.stdin
    if hasattr(stdin, "reconfigure"):
        stdin.reconfigure(encoding="utf-8", errors="replace")
    write = sys.stdout.write
    for line in stdin:  # a reader that goes away (| head) ends it quietly, in main
        write(sch.transliterate(line, lang))


@app.command()
def schemes(json_: bool = typer.Option(False, "--json", help="JSON on stdout.")):
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
    case: Optional[str] = typer.Argument(None, help=CASE_HELP),
    to: str = typer.Option("person", "--to", help="person, a recipient id, or all."),
    scheme: Optional[str] = typer.Option(None, "--scheme", "-s", help="Transliteration scheme; default per country."),
    style: str = typer.Option("translate", "--style", help="translate (ул. X -> X Street) or transliterate."),
    from_: Optional[str] = typer.Option(None, "--from", help="Sender's country (ISO code) for the country line; also $APPEALKIT_FROM."),
    script: str = typer.Option("both", "--script", help="both, local or latin."),
    embassy_address: Optional[str] = typer.Option(None, "--embassy-address", help="The embassy's address in your country, lines separated by ';'."),
    json_: bool = typer.Option(False, "--json", help="JSON on stdout."),
):
    """Print postal addresses: local script, Latin, and the country line."""
    from .address.checks import address_warnings
    from .address.format import blocks_for
    from .letters.sender import split_lines
    from .output import emit_json, out, warn

    if script not in ("both", "local", "latin"):
        raise UsageError(f"--script must be both, local or latin, not '{script}'")
    if scheme:
        from .translit import get_scheme

        get_scheme(scheme)
    sender = _sender_country(from_)
    c = _load(case)
    blocks = blocks_for(c, to, sender, scheme, style, split_lines(embassy_address) or None)
    for message in address_warnings(c, {b.to for b in blocks}):
        warn(message)
    if json_:
        emit_json([b.as_dict() for b in blocks] if to == "all" else blocks[0].as_dict())
        return
    texts = []
    for b in blocks:
        head = f"# {b.to}\n" if to == "all" else ""
        texts.append(head + b.text(script))
    out("\n\n".join(texts))


# ------------------------------------------------------------------ letter


@app.command()
def letter(
    case: Optional[str] = typer.Argument(None, help=CASE_HELP),
    to: str = typer.Option("all", "--to", help="A recipient id, person, or all."),
    lang: Optional[str] = typer.Option(None, "--lang", help="Letter language (en, ru); default the case's."),
    sender_name: Optional[str] = typer.Option(None, "--sender-name", help="Your name; also $APPEALKIT_SENDER_NAME."),
    sender_address: Optional[str] = typer.Option(None, "--sender-address", help="Your address, lines separated by ';'."),
    from_: Optional[str] = typer.Option(None, "--from", help="Your country (ISO code); also $APPEALKIT_FROM."),
    date: Optional[str] = typer.Option(None, "--date", help="Date on the letter (YYYY-MM-DD); default today."),
    format_: str = typer.Option("text", "--format", help="text, markdown or html."),
    template: Optional[str] = typer.Option(None, "--template", help="Your own Jinja2 template (same context; see README)."),
    message: Optional[str] = typer.Option(None, "--message", help="Your own words for the support letter."),
    embassy_address: Optional[str] = typer.Option(None, "--embassy-address", help="The embassy's address in your country, lines separated by ';'."),
    out_dir: Optional[str] = typer.Option(None, "--out-dir", help="Write one file per letter here; print the paths."),
    force: bool = typer.Option(False, "--force", help="Overwrite existing files in --out-dir."),
    json_: bool = typer.Option(False, "--json", help="JSON on stdout."),
):
    """Letters to the authorities and a support letter to the person, ready to sign."""
    from .address.format import blocks_for, check_to
    from .errors import CaseError
    from .letters.checks import caution_hits
    from .letters.render import FORMATS, Letter, as_html, as_markdown, context, load_template, render
    from .letters.translations import languages, missing_translations
    from .letters.sender import resolve_sender, split_lines
    from .output import emit_json, out, warn

    if format_ not in FORMATS:
        raise UsageError(f"--format must be text, markdown or html, not '{format_}'")
    day = _date(date, "--date") or dt.date.today()
    country = _sender_country(from_)
    c = _load(case)
    lang = lang or c.language
    if lang not in languages():
        raise UsageError(f"no letter templates in '{lang}'; choose one of {', '.join(languages())}")
    missing = missing_translations(c, lang)
    if missing:
        raise CaseError(f"no '{lang}' text for: {', '.join(missing)}", c.positions.at(("summary",)))
    check_to(c, to)
    sender = resolve_sender(sender_name, sender_address, country)
    if not sender.name or not sender.address:
        warn("no sender name or address given: the letters carry placeholders "
             "(use --sender-name/--sender-address, APPEALKIT_SENDER_* or sender.yaml)")
    targets = list(c.recipients) + (["person"] if c.person.address else []) if to == "all" else [to]
    emb = split_lines(embassy_address) or None
    user_template = load_template(template) if template else None
    letters = []
    for t in targets:
        blocks = blocks_for(c, t, sender.country, None, "translate", emb)
        ctx = context(c, to=t, lang=lang, day=day, sender=sender, blocks=blocks, message=message)
        kind = "support" if t == "person" else "authority"
        text = render(ctx, kind, lang, user_template)
        letters.append(Letter(t, kind, lang, ctx["salutation"], text, blocks[0].lines("latin")))
        if t == "person":
            if c.person.safety:
                note_text = c.person.safety.get(lang) or next(iter(c.person.safety.values.values()))
                warn("safety: " + " ".join(note_text.split()))
            if message:
                hits = caution_hits(message, lang)
                if hits:
                    warn(f"--message has words a prison censor may stop: {', '.join(hits)}")
    ext = FORMATS[format_]
    if format_ == "markdown":
        rendered = [as_markdown(x.text) for x in letters]
    elif format_ == "html":
        rendered = [as_html([x.text], lang, f"{c.id} {x.to}") for x in letters]
    else:
        rendered = [x.text for x in letters]
    if out_dir:
        from .output import safe_name, write_files

        files = [(safe_name(f"{c.id}-{x.to}-{lang}.{ext}"), body) for x, body in zip(letters, rendered)]
        for path in write_files(out_dir, files, force):
            out(str(path))
        return
    if json_:
        rows = [dict(x.as_dict(), text=body) for x, body in zip(letters, rendered)]
        emit_json(rows if to == "all" else rows[0])
        return
    if format_ == "html" and len(letters) > 1:
        sys.stdout.write(as_html([x.text for x in letters], lang, c.id))
        return
    sys.stdout.write("\f\n".join(rendered))


# ------------------------------------------------------------------ tweet


@app.command()
def tweet(
    case: Optional[str] = typer.Argument(None, help=CASE_HELP),
    platform: str = typer.Option("x", "--platform", "-p", help="x, bluesky, mastodon or threads."),
    to: Optional[str] = typer.Option(None, "--to", help="Also mention this recipient's handle on the platform."),
    variants_: bool = typer.Option(False, "--variants", help="One post per recipient with a handle on the platform."),
    text: Optional[str] = typer.Option(None, "--text", help="Count and check this text instead ('-' reads stdin)."),
    lang: Optional[str] = typer.Option(None, "--lang", help="Language of the post; default the case's."),
    intent: bool = typer.Option(False, "--intent", help="Print the platform's share link instead of the text."),
    instance: Optional[str] = typer.Option(None, "--instance", help="Mastodon server for --intent (e.g. mastodon.social)."),
    thread_: bool = typer.Option(False, "--thread", help="Split a post that is too long into numbered posts."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Character limit (Mastodon servers differ; default 500)."),
    json_: bool = typer.Option(False, "--json", help="JSON on stdout."),
):
    """Build the case's post, counted exactly as the platform counts it."""
    from .output import emit_json, is_tty, note, out
    from .posts.build import (Post, build_post, check_platform, intent_url, over_limit_error, post_parts,
                              thread, variants)

    check_platform(platform)
    if limit is not None and platform != "mastodon":
        raise UsageError("--limit applies to Mastodon only; the other platforms' limits are fixed")
    if thread_ and variants_:
        raise UsageError("--thread and --variants do not combine")
    cap = limit or _limit(platform)
    if text is not None:
        if text == "-":
            text = sys.stdin.read()
        body = text.strip("\n")
        posts = [Post(platform, body, cap)]
        if thread_:
            posts = [Post(platform, t, cap) for t in thread(body, platform, cap)]
    else:
        c = _load(case)
        if variants_:
            posts = variants(c, platform, lang, limit)
        elif thread_:
            body, mentions = post_parts(c, platform, lang, to)  # the mentions open post 1
            posts = [Post(platform, t, cap) for t in thread(body, platform, cap, mentions)]
        else:
            posts = [build_post(c, platform, lang, to, limit)]
    for p in posts:
        if intent:
            p.intent_url = intent_url(p.text, platform, instance)
    bad = [p for p in posts if not p.fits]
    if json_:
        rows = [p.as_dict() for p in posts]
        emit_json(rows if (variants_ or thread_) else rows[0])
    elif not bad:
        for p in posts:
            out(p.intent_url if intent else p.text)
    if is_tty() and not json_:
        for p in posts:
            note(f"{p.platform}: {p.length}/{p.limit}")
    if bad:
        raise over_limit_error(bad[0])


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
        for line in str(e).splitlines():
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
