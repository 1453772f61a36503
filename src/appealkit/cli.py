"""The command line: parse options, call the core, render. The one error boundary is main().

No `from __future__ import annotations` here: Typer would then evaluate every parameter's
annotation from a string at each run (2 ms of start-up)."""

import contextlib  # loaded by Typer already
import datetime as dt
import os
import sys
from enum import Enum
from typing import Annotated, List, Optional

import typer

from . import __version__
from .errors import AppealkitError, CaseError, CaseErrors, UsageError

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
MANY_HELP = ("Case files or folders (their *.yaml and *.yml files, in name order); '-' reads standard input. "
             "Default: $APPEALKIT_CASE, then ./appeal.yaml.")
ManyCases = Annotated[Optional[List[str]], typer.Argument(help=MANY_HELP, envvar="APPEALKIT_CASE", show_envvar=True)]


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


class _Run:
    """The cases of one run. One file behaves as it always has (its error is the run's error);
    with several files or a folder, an error in one names that file, the others still run,
    and the run exits 1 at the end (finish)."""

    def __init__(self, cases: Optional[List[str]]):
        from .case.many import is_many

        self.paths = list(cases) if cases else [_case_path(None)]  # Typer fills in $APPEALKIT_CASE
        self.many = is_many(self.paths)
        self.failed = 0

    def __iter__(self):
        if not self.many:
            yield _load(self.paths[0])
            return
        from .case.many import load_cases

        for item in load_cases(self.paths):
            if item.error is not None:
                self.fail(item.error, item.path)
            else:
                yield item.case

    def fail(self, e: AppealkitError, path: str) -> None:
        if not self.many:
            raise e
        self.failed += 1
        for line in _describe(e).splitlines():
            _err(line if line.startswith(path) else f"{path}: {line}")

    @contextlib.contextmanager
    def guard(self, case):
        """A context in which an error stops this case only (several cases), or the run (one)."""
        try:
            yield
        except AppealkitError as e:
            self.fail(e, case.source)

    def finish(self) -> None:
        if self.failed:
            raise typer.Exit(1)


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
    from .case.many import expand_case_paths, is_many

    day = _date(today, "--today")
    paths = expand_case_paths(list(cases or []) or [None])
    many = is_many(cases or [])
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
        if not isinstance(e, CaseError):
            raise  # not the file's fault (no file given at all): main says it
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
    from .output import note, write_path
    from .resources import data_path

    target = write_path(path, data_path("starter.yaml").read_text(encoding="utf-8"), force)
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
    scheme: Annotated[Optional[str], typer.Option(
        "--scheme", "-s", help="Scheme id (see 'appealkit schemes'); default icao for Cyrillic, the "
                               "national system for Georgian and Armenian, arabic-approx for Arabic script.")] = None,
    lang: Annotated[Optional[str], typer.Option("--lang", "-l", help="The text's language (ru, uk, be, kk, ky, ka, hy, ar, fa); detected when absent.")] = None,
):
    """Transliterate to Latin by a named standard: Cyrillic, Georgian, Armenian, Arabic script."""
    from .output import warn
    from .translit import get_scheme
    from .translit.coverage import coverage_warning
    from .translit.schemes import other_script_scheme

    if scheme is not None:
        sch = get_scheme(scheme)
        if lang is not None:
            sch.transliterate("", lang)  # validates lang before any output
    warned = set()

    def pick(t: str):
        # without --scheme, the script decides: icao for Cyrillic, the national system elsewhere
        return get_scheme(scheme or other_script_scheme(t, lang) or "icao")

    def check_coverage(t: str) -> None:  # once per message: a stream may hold thousands of lines
        msg = coverage_warning(scheme or pick(t).id, t, lang)
        fits = other_script_scheme(t, lang) if scheme else None
        if fits and fits != scheme and not msg:
            msg = f"scheme '{scheme}' does not cover this script: the text is left as it is; try --scheme {fits}"
        if msg and msg not in warned:
            warned.add(msg)
            warn(msg)

    if text:
        for t in text:
            check_coverage(t)
            sys.stdout.write(pick(t).transliterate(t, lang) + "\n")
        return
    # streaming: one line at a time, constant memory whatever the input size
    stdin = sys.stdin
    if hasattr(stdin, "reconfigure"):
        stdin.reconfigure(encoding="utf-8", errors="replace")
    write = sys.stdout.write
    for line in stdin:  # a reader that goes away (| head) ends it quietly, in main
        if len(warned) < 4:
            check_coverage(line)
        write((sch if scheme is not None else pick(line)).transliterate(line, lang))


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


# ------------------------------------------------------------------ list


@app.command("list")
def list_(
    cases: ManyCases = None,
    today: Annotated[Optional[str], typer.Option("--today", help="Count days as of this date (YYYY-MM-DD).")] = None,
    json_: Json = False,
):
    """One row per case: person, country, deadline and days left, birthdays, addresses."""
    from .output import emit_json, is_tty, use_color
    from .overview import overview

    day = _date(today, "--today") or dt.date.today()
    run = _Run(cases)
    run.many = True  # one broken file among many is named, never the end of the overview
    rows = overview(list(run), day)
    if json_:
        emit_json([r.as_dict() for r in rows])
    elif is_tty():
        from rich.console import Console
        from rich.table import Table

        t = Table()
        for name in ("id", "person", "cc", "deadline", "days left", "birthday", "addressed"):
            t.add_column(name, no_wrap=name in ("id", "deadline"))  # what identifies a row is never cut
        for r in rows:
            bday = ", ".join(f"{b.date:%d %b} ({b.age})" for b in r.birthdays)
            t.add_row(r.id, r.person, r.country or "", r.deadline or "none", _days(r), bday,
                      _addressed(r), style="dim" if r.passed else None)
        Console(no_color=not use_color()).print(t)
    else:
        for r in rows:
            sys.stdout.write("\t".join([r.id, r.person, r.country or "", r.deadline or "none", _days(r),
                                        _birthdays(r), _addressed(r)]) + "\n")
    run.finish()


def _days(r) -> str:
    if r.days_left is None:
        return "now" if r.deadline == "immediately" else ""
    if r.passed:
        return f"passed {-r.days_left} day{'s' if r.days_left != -1 else ''} ago"
    return "today" if r.days_left == 0 else f"{r.days_left} day{'s' if r.days_left != 1 else ''}"


def _birthdays(r) -> str:
    return ", ".join(f"{b.date.isoformat()} ({b.age}, in {b.days} days)" if b.days else f"today ({b.age})"
                     for b in r.birthdays)


def _addressed(r) -> str:
    return f"{r.addressed}/{r.recipients}" + (" + person" if r.person_address else "")


# ------------------------------------------------------------------ address


@app.command()
def address(
    cases: ManyCases = None,
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
    embassy = split_lines(embassy_address) or None
    run = _Run(cases)
    rows, texts = [], []
    for c in run:
        with run.guard(c):
            blocks = addresses(c, to, sender_country=sender, scheme=scheme, style=style.value,
                               embassy_address=embassy)
            have = {b.to for b in blocks}
            for rid in c.targets(to):
                if rid not in have:
                    warn(_in(run, c, no_address(c.recipients[rid])))
            for message in address_warnings(c, have, scheme):
                warn(_in(run, c, message))
            data = [b.as_dict() for b in blocks] if to == "all" else blocks[0].as_dict()
            rows.append({"case": c.id, "file": c.source, "addresses": data} if run.many else data)
            for b in blocks:
                head = f"# {c.id} {b.to}\n" if run.many else f"# {b.to}\n" if to == "all" else ""
                texts.append(head + b.text(script.value))
    if json_:
        emit_json(rows if run.many else rows[0])
    elif texts:
        out("\n\n".join(texts))
    run.finish()


def _in(run, case, message: str) -> str:
    """A warning names its case when a run has several."""
    return f"{case.source}: {message}" if run.many else message


# ------------------------------------------------------------------ letter


@app.command()
def letter(
    cases: ManyCases = None,
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
    writers: Annotated[Optional[str], typer.Option(
        "--writers", help="A CSV of writers (name, address, country, lang, email...): one letter per writer; needs --out-dir.")] = None,
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
    if writers is not None:
        if not out_dir:
            raise UsageError("--writers needs --out-dir: one file per writer's letter")
        if json_:
            raise UsageError("--writers writes files; --json does not combine with it")
    country = _sender_country(from_)
    embassy = split_lines(embassy_address) or None
    if writers is None:
        sender = _sender(sender_name, sender_address, country)
    run = _Run(cases)
    user_template = load_template(template) if template else None
    fmt = format_.value
    if writers is not None:
        good = []
        for c in run:
            with run.guard(c):
                c.targets(to)  # a recipient this case lacks stops this case, before any letter
                good.append(c)
        _merge(good, writers, to, out_dir, force, lang, day, fmt, user_template, message, embassy, country)
        run.finish()
        return
    rows, texts, warned = [], [], set()
    html_lang, html_title = "en", ""
    for c in run:
        with run.guard(c):
            # a single html page holds all the letters: compose them as text, wrap them once
            letters = compose_letters(c, to, lang=lang, sender_name=sender.name, sender_address=sender.address,
                                      sender_country=sender.country, date=day,
                                      fmt="text" if fmt == "html" and not (out_dir or json_) else fmt,
                                      template=user_template, message=message, embassy_address=embassy)
            for w in dict.fromkeys(w for x in letters for w in x.warnings):
                if w.startswith("no sender"):  # the run's, not the case's: said once
                    if w not in warned:
                        warned.add(w)
                        warn(f"{w} (use {_FROM_HINT if 'country' in w else _SENDER_HINT})")
                    continue
                warn(_in(run, c, w))
            if out_dir:
                from .output import safe_name, write_files

                ext = FORMAT_EXTENSIONS[fmt]
                files = [(safe_name(f"{c.id}-{x.to}-{x.language}.{ext}"), x.text) for x in letters]
                for path in write_files(out_dir, files, force, create=True):
                    out(str(path))
                continue
            if json_:
                rows += [{"case": c.id, **x.as_dict()} if run.many else x.as_dict() for x in letters]
                continue
            texts += [x.text for x in letters]
            if letters:
                html_lang = letters[0].language
                html_title = c.id if len(letters) > 1 or run.many else f"{c.id} {letters[0].to}"
    if json_:
        emit_json(rows if to == "all" or run.many else rows[0])
    elif out_dir:
        pass
    elif fmt == "html":
        if texts:
            sys.stdout.write(as_html(texts, html_lang, html_title))
    else:
        sys.stdout.write("\f\n".join(texts))
    run.finish()


def _merge(cases, writers, to, out_dir, force, lang, day, fmt, template, message, embassy, country):
    """The mail merge: letters written one at a time, their paths on stdout, each bad row as
    `writers.csv:LINE: what is wrong` on stderr, a summary at the end; exit 1 if a row failed."""
    from .merge import merge_letters
    from .output import note, out, warn

    counts = {"written": 0, "skipped": 0, "failed": 0}
    failed_rows: set = set()
    progress = _progress(writers)
    try:
        for o in merge_letters(cases, writers, to, out_dir, force=force, lang=lang, date=day, fmt=fmt,
                               template=template, message=message, embassy_address=embassy,
                               sender_country=country):
            if o.kind == "row":
                if progress:
                    progress[0].advance(progress[1])
            elif o.kind == "warning":
                warn(o.message)
            elif o.kind == "row-warning":
                warn(f"{writers}:{o.line}: {o.message} (give a country column, or --from)")
            elif o.kind == "failed":
                counts["failed"] += 1
                failed_rows.add(o.line)
                _err(f"{writers}:{o.line}: {o.message}")
            else:
                counts[o.kind] += 1
                if o.kind == "written":
                    out(str(o.path))
    finally:
        if progress:
            progress[0].stop()
    note(f"{counts['written']} written, {counts['skipped']} skipped (already there"
         f"{'' if force else '; --force overwrites'}), {counts['failed']} failed"
         f"{f' in {len(failed_rows)} row' + ('s' if len(failed_rows) > 1 else '') if failed_rows else ''}")
    if counts["failed"]:
        raise typer.Exit(1)


def _progress(path: str):
    """A progress bar on stderr, on a terminal only (never in a pipe or a log)."""
    from .output import is_tty

    if not is_tty(sys.stderr):
        return None
    try:
        with open(path, "rb") as fh:
            total = max(sum(1 for _ in fh) - 1, 0)  # rows, less the header; no memory kept
    except OSError:
        return None
    from rich.console import Console
    from rich.progress import Progress

    p = Progress(console=Console(stderr=True), transient=True)
    task = p.add_task("letters", total=total)
    p.start()
    return p, task


# where a sender's details come from, for the warnings when they are missing
_SENDER_HINT = "--sender-name/--sender-address, APPEALKIT_SENDER_* or sender.yaml"
_FROM_HINT = "--from, APPEALKIT_FROM or sender.yaml"


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


# ------------------------------------------------------------------ pack


class Paper(str, Enum):
    a4 = "a4"
    letter = "letter"


class Envelope(str, Enum):
    dl = "dl"
    c5 = "c5"
    c6 = "c6"
    labels = "labels"


class Labels(str, Enum):
    l7163 = "l7163"
    l7160 = "l7160"
    avery5160 = "5160"


class By(str, Enum):
    case = "case"
    writer = "writer"


class SupportIn(str, Enum):
    prison = "prison"
    writer = "writer"


@app.command()
def pack(
    cases: ManyCases = None,
    out: Annotated[str, typer.Option("--out", "-o", help="The pack: a .pdf, or .html for a browser.")] = "pack.pdf",
    writers: Annotated[Optional[str], typer.Option(
        "--writers", help="A CSV of writers (name, address, country, lang...): letters and envelopes for each.")] = None,
    to: Annotated[str, typer.Option("--to", help="A recipient id, person, or all.")] = "all",
    paper: Annotated[Paper, typer.Option("--paper", help="Paper for the cards and letters.")] = Paper.a4,
    envelope: Annotated[Envelope, typer.Option(
        "--envelope", help="DL 220x110 mm, C5 229x162, C6 162x114, or labels (see --labels).")] = Envelope.dl,
    labels: Annotated[Labels, typer.Option(
        "--labels", help="Label sheet: Avery L7163 (2x7, A4), L7160 (3x7, A4) or 5160 (3x10, US Letter).")] = Labels.l7163,
    start_label: Annotated[int, typer.Option(
        "--start-label", help="The first free label on a used sheet (1: top left, row by row).")] = 1,
    by: Annotated[By, typer.Option(
        "--by", help="Order: case (each case's card, letters, envelopes) or writer (one bundle per writer).")] = By.case,
    support_in: Annotated[SupportIn, typer.Option(
        "--support-in", help="Support letters in the prison's language, with the writer's own copy "
                             "(default), or in the writer's (the prison may not pass them).")] = SupportIn.prison,
    lang: Annotated[Optional[str], typer.Option("--lang", help="Letter language where a writer gives none; default the case's.")] = None,
    sender_name: Annotated[Optional[str], typer.Option(
        "--sender-name", help="Your name (without --writers).", envvar="APPEALKIT_SENDER_NAME")] = None,
    sender_address: Annotated[Optional[str], typer.Option(
        "--sender-address", help="Your address, lines separated by ';' (without --writers).", envvar="APPEALKIT_SENDER_ADDRESS")] = None,
    from_: From = None,
    date: Annotated[Optional[str], typer.Option("--date", help="Date on the letters (YYYY-MM-DD); default today.")] = None,
    embassy_address: EmbassyAddress = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing pack.")] = False,
):
    """A printable pack for a letter-writing night: a large-print card per case, every letter,
    and every writer's envelopes (or labels), as one PDF (or HTML)."""
    from .letters.sender import split_lines
    from .output import note, warn
    from .pack.build import write_pack
    from .pack.html import Options
    from .pack.pdf import check_target
    from .writers import BadRow, Writer, read_writers

    day = _date(date, "--date") or dt.date.today()
    html_out = out.lower().endswith((".html", ".htm"))
    if not html_out and not out.lower().endswith(".pdf"):
        raise UsageError(f"--out '{out}': name a .pdf or an .html file")
    opts = Options(to=to, paper=paper.value, envelope=envelope.value, labels=labels.value, start_label=start_label,
                   by=by.value, lang=lang, support_in=support_in.value, date=day,
                   embassy_address=split_lines(embassy_address) or None)
    opts.check()
    check_target(out, force)  # before any work
    opts.sender_country = country = _sender_country(from_)
    failed = 0
    if writers is not None:
        people = []
        for w in read_writers(writers):
            if isinstance(w, BadRow):
                failed += 1
                _err(f"{writers}:{w.line}: {w.message}")
            else:
                people.append(w)
    else:
        s = _sender(sender_name, sender_address, country)
        people = [Writer(0, s.name or "", s.address, s.country, None)]
        if not s.name or not s.address:
            warn("no sender name or address given: the letters carry placeholders "
                 f"(use --writers, {_SENDER_HINT})")
        if not s.country:
            warn("no sender country given: the letters carry placeholders for your country, where you "
                 f"write from and the embassy in it (use {_FROM_HINT})")
    run = _Run(cases)
    good = []
    for c in run:
        with run.guard(c):
            c.targets(to)
            good.append(c)
    from .pack.fonts import font_faces

    try:
        fonts = font_faces()
    except AppealkitError:
        if not html_out:
            raise
        fonts = None  # a browser has fonts of its own
    bar = _bar("pack")
    try:
        p = write_pack(good, people, out, opts, fonts=fonts, force=force, progress=bar[0] if bar else None)
    finally:
        if bar:
            bar[1]()
    for n in p.notices:
        rows = ",".join(map(str, n.lines[:10])) + (f" and {len(n.lines) - 10} more rows" if len(n.lines) > 10 else "")
        where = (f"{writers}:{rows or n.line}: " if n.line and writers else f"{n.case}: " if n.case else "")
        if n.code == "left-out":
            failed += 1
            _err(where + n.message.removeprefix(f"{n.case}: "))
        else:
            warn(where + n.message)
    if p.missing:
        warn(f"no font here has {', '.join(p.missing)}: printed as empty boxes")
    sys.stdout.write(f"{out}\n")
    note(f"{_n(len(good), 'case')}, {_n(p.letters, 'letter')}"
         + (f" (and {p.copies} writer's cop{'y' if p.copies == 1 else 'ies'})" if p.copies else "")
         + f", {_n(p.envelopes, 'label' if envelope.value == 'labels' else 'envelope')}"
         + (f"; {failed} left out (see above)" if failed else ""))
    if failed:
        raise typer.Exit(1)
    run.finish()


def _bar(what: str):
    """(update(done, total), stop()) of a progress bar on stderr, on a terminal only."""
    from .output import is_tty

    if not is_tty(sys.stderr):
        return None
    from rich.console import Console
    from rich.progress import Progress

    p = Progress(console=Console(stderr=True), transient=True)
    task = p.add_task(what, total=None)
    p.start()
    return (lambda done, total: p.update(task, completed=done, total=total)), p.stop


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


# ------------------------------------------------------------------ tweet


def tweet(
    cases: ManyCases = None,
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
    from .posts.build import Post, intent_url, over_limit_error, thread

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
        run = _Run(cases)
        if run.many:
            return _tweets(run, plat, lang, to, variants_, thread_, limit, intent, instance, json_, moment)
        c = next(iter(run))
        lang = lang or c.language
        posts = _case_posts(c, plat, lang, to, variants_, thread_, limit)
    for p in posts:
        if intent:
            p.intent_url = intent_url(p.text, plat, instance)
    bad = [p for p in posts if not p.fits]
    if json_:
        rows = [_post_row(p, plat, moment, lang) for p in posts]
        emit_json(rows if (variants_ or thread_) else rows[0])
    elif not bad:
        for p in posts:
            out(p.intent_url or "" if intent else p.text)
    if is_tty() and not json_:
        for p in posts:
            note(f"{p.platform}: {p.length}/{p.limit}")
    if bad:
        raise over_limit_error(bad[0])


def _case_posts(c, plat, lang, to, variants_, thread_, limit, many=False):
    """One case's posts; a note names the mentions the platform cannot take."""
    from .output import note
    from .posts.build import dropped_mentions, posts_for

    mode = "variants" if variants_ else "thread" if thread_ else "post"
    posts = posts_for(c, plat, lang=lang, to=to, mode=mode, limit=limit)
    dropped = dropped_mentions(c, plat, None if variants_ else to)
    if dropped:
        from .handles import NAMES

        note(f"note: {c.id + ': ' if many else ''}no {NAMES[plat]} handle for {', '.join(dropped)}: left out of the {NAMES[plat]} post")
    return posts


def _post_row(p, plat, moment, lang, **case) -> dict:
    """A post as JSON (after its case, when a run has several); for Bluesky with its record."""
    row = {**case, **p.as_dict()}
    if plat == "bluesky":
        from .posts.bluesky_record import post_record

        row.update(post_record(row["text"], moment, lang))
    return row


def _tweets(run, plat, lang, to, variants_, thread_, limit, intent, instance, json_, moment):
    """Several cases: each case's posts under a `# case-id` line (--json: one array, each post
    with its case); a post over the limit fails its case only."""
    from .output import emit_json, out
    from .posts.build import intent_url, over_limit_error

    rows = []
    for c in run:
        with run.guard(c):
            lg = lang or c.language
            posts = _case_posts(c, plat, lg, to, variants_, thread_, limit, many=True)
            for p in posts:
                if intent:
                    p.intent_url = intent_url(p.text, plat, instance)
            if json_:
                rows += [_post_row(p, plat, moment, lg, case=c.id) for p in posts]
            bad = [p for p in posts if not p.fits]
            if bad:
                raise over_limit_error(bad[0])
            if not json_:
                out(f"# {c.id}")
                for p in posts:
                    out(p.intent_url or "" if intent else p.text)
                out()
    if json_:
        emit_json(rows)
    run.finish()


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
_FLAGS = {"paper": "--paper", "envelope": "--envelope", "labels": "--labels", "start_label": "--start-label",
          "by": "--by", "support_in": "--support-in", "to": "--to", "lang": "--lang", "template": "--template", "instance": "--instance",
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
