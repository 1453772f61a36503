"""The command line: parse options, call the core, render. The one error boundary is main().

Annotations are postponed (`from __future__ import annotations`): a run builds only the command
it runs (_only_the_command_run), so Typer evaluates that command's annotations alone, where
evaluating every command's at import cost 2-3 ms of start-up."""

from __future__ import annotations

import datetime as dt
import os
import sys
from typing import Annotated, List, Literal, Optional

import typer

from . import __version__
from .errors import AppealkitError, UsageError

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
LOG_HELP = "The sent-letters log. Default: appealkit-log.sqlite in the cases' folder."
LogPath = Annotated[Optional[str], typer.Option("--log", help=LOG_HELP, envvar="APPEALKIT_LOG")]
Event = Annotated[str, typer.Option("--event", help="The letter-writing night or action, for the log's totals.")]
NoLog = Annotated[bool, typer.Option("--no-log", help="Record nothing in the sent-letters log.")]


Style = Literal["translate", "transliterate"]


Script = Literal["both", "local", "latin"]


Platform = Literal["x", "bluesky", "mastodon", "threads"]


Format = Literal["text", "markdown", "html", "e-letter"]



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


def _run(cases: Optional[List[str]], many: bool = False):
    """The cases of a run (night.run.CaseRun): a case that fails among several is named at once."""
    from .night.run import CaseRun

    return CaseRun(list(cases or []), on_failure=_failed, many=many)


def _failed(f) -> None:
    """A case of a several-case run failed (a night.run.Failure, or its Notice): each line names its file."""
    path = getattr(f, "path", None) or f.where
    for line in _describe(f.error).splitlines():
        _err(line if line.startswith(path) else f"{path}: {line}")


def _finish(run) -> None:
    """A several-case run in which a case failed exits 1 (once the others are done)."""
    if run.failed:
        raise typer.Exit(1)


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _say(n, hints: Optional[dict] = None) -> None:
    """A notice (night.notices.Notice) on stderr: an error line, a warning (with what the CLI's
    user can do about it), or a note."""
    from .output import note, warn

    if n.code.value == "case-failed" and n.error is not None:
        _failed(n)  # where: the file
    elif n.level == "error":
        _err(str(n))
    elif n.level == "note":
        note(str(n))
    else:
        warn(str(n) + (hints or _NOTICE_HINTS).get(n.code.value, ""))


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
    from_: Annotated[Optional[str], typer.Option(
        "--from", help="Your country (ISO code): also warn of suspended postal routes and deadlines the post cannot meet.",
        envvar="APPEALKIT_FROM")] = None,
):
    """Check case files: errors (exit 1) and warnings (exit 0 unless --strict)."""
    from .night.check import check_each
    from .output import emit_json, note, warn

    day = _date(today, "--today")
    results = []
    for f in check_each(list(cases or []), day, strict, _sender_country(from_)):  # each file's report said as it comes
        results.append(f)
        if not json_:
            for e in f.errors:
                _err(str(e))
            for x in f.findings:
                warn(f"{x.where}: {x.message} [{x.code}]")
        if f.errors:
            note(f"{f.file}: failed, {_n(len(f.errors), 'error')}")
        else:
            note(f"{f.file}: {'ok' if f.ok else 'failed (--strict)'}, {_n(len(f.findings), 'warning')}")
    from .case.many import is_many

    many = is_many(cases or [])
    if many:
        from .night.check import total_line

        note(total_line(results))
    if json_:
        emit_json([f.as_dict() for f in results] if many else results[0].as_dict())
    if not all(f.ok for f in results):
        raise typer.Exit(1)


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
    from .output import out, table_row

    out(table_row(["id", "name", "languages", "used"]))
    for r in rows:
        out(table_row([r["id"], r["name"], ",".join(r["languages"]), r["used"]]))


# ------------------------------------------------------------------ list


@app.command("list")
def list_(
    cases: ManyCases = None,
    today: Annotated[Optional[str], typer.Option("--today", help="Count days as of this date (YYYY-MM-DD).")] = None,
    json_: Json = False,
    fewest: Annotated[bool, typer.Option("--fewest", help="The people with the fewest letters in the log first, with their last reply.")] = False,
    days: Annotated[int, typer.Option("--days", min=1, help="With --fewest: count the letters of this many days.")] = 30,
    log: LogPath = None,
    post_by: Annotated[bool, typer.Option("--post-by", help="Instead: the last day to post for every birthday and holiday of the coming year (needs --from).")] = False,
    from_: From = None,
):
    """One row per case: person, country, deadline and days left, birthdays, addresses. People
    not held (in transit, released...) are listed apart, at the end."""
    from .night.overview import overview
    from .output import emit_json, is_tty, note, out, use_color

    day = _date(today, "--today") or dt.date.today()
    run = _run(cases, many=True)  # one broken file among many is named, never the end of the overview
    if post_by:
        _post_by(run, _sender_country(from_), day, json_)
        return
    rows = overview(run, day)
    if fewest:
        from .log import Log, fewest_first, log_path

        path = log_path(log, cases or ["."])
        tallies = {}
        if path.exists():
            with Log(path) as lg:
                tallies = lg.tallies(since=day - dt.timedelta(days=days - 1))
        rows = fewest_first(rows, tallies)
    if json_:
        emit_json([r.as_dict() for r in rows])
    elif is_tty():
        from rich.console import Console

        console = Console(no_color=not use_color())
        table, left_out = _list_table(rows, console.width, fewest)
        console.print(table)
        if left_out:
            note(f"left out to fit {console.width} columns: {', '.join(left_out)} (a wider window, a pipe or --json shows them)")
    else:
        from .output import table_row

        out(table_row([*LIST_COLUMNS, *(FEWEST_COLUMNS if fewest else ())]))
        for r in rows:
            out(table_row([r.id, r.person, r.country or "", r.deadline or "none", _days(r), _birthdays(r),
                           _addressed(r), *_tally(r, fewest)]))
    _finish(run)


LIST_COLUMNS = ("id", "person", "cc", "deadline", "days left", "birthday", "addressed")
FEWEST_COLUMNS = ("letters", "last reply")  # list --fewest: from the sent-letters log
_LIST_DROP = ("addressed", "birthday", "cc", "days left")  # the first to go on a narrow terminal
_LIST_NO_WRAP = ("id", "cc", "deadline")  # what identifies a row stays on one line


def _list_table(rows, width: int, fewest: bool = False):
    """`list` as a rich table within `width` columns: the least needed columns dropped until the
    rest fit; a name (and the days, the birthday) wraps at its spaces, never cut."""
    from rich.cells import cell_len
    from rich.table import Table

    cells = [[r.id, r.person, r.country or "", r.deadline or "none", _days(r),
              ", ".join(f"{b.date:%d %b} ({b.age})" for b in r.birthdays), _addressed(r), *_tally(r, fewest)]
             for r in rows]
    columns = (*LIST_COLUMNS, *(FEWEST_COLUMNS if fewest else ()))
    # the least each column takes: its widest cell where it must not wrap, else its longest word
    least = {}
    for i, c in enumerate(columns):
        texts = [c] + [x[i] for x in cells]
        pieces = texts if c in _LIST_NO_WRAP else [w for text in texts for w in text.split()]
        least[c] = max(map(cell_len, pieces), default=1) + 3  # and a space, a rule, a space
    shown = list(columns)
    for c in _LIST_DROP:
        if sum(least[x] for x in shown) + 1 <= width:
            break
        shown.remove(c)
    t = Table()
    for c in shown:
        t.add_column(c, no_wrap=c in _LIST_NO_WRAP, min_width=least[c] - 3, overflow="fold")
    for r, x in zip(rows, cells):
        t.add_row(*(x[columns.index(c)] for c in shown), style="dim" if r.passed or r.status != "held" else None)
    return t, [c for c in columns if c not in shown]


def _days(r) -> str:
    if r.days_left is None:
        return "now" if r.deadline == "immediately" else ""
    if r.passed:
        return f"passed {-r.days_left} day{'s' if r.days_left != -1 else ''} ago"
    return "today" if r.days_left == 0 else f"{r.days_left} day{'s' if r.days_left != 1 else ''}"


def _post_by(run, sender: Optional[str], day: dt.date, json_: bool) -> None:
    """list --post-by: one row per occasion, the soonest last day to post first."""
    from .occasions import occasions
    from .output import emit_json, note

    if not sender:
        raise UsageError("--post-by needs --from CC: the country you post from decides the days in transit")
    from .output import out, table_row

    rows = occasions(list(run), sender, day)
    if json_:
        emit_json([o.as_dict() for o in rows])
    else:
        out(table_row(["post by", "id", "person", "occasion", "date", "left"]))
        for o in rows:
            left = (f"{o.days_left} days left" if o.days_left > 0 else "today" if o.days_left == 0
                    else "too late by post: an e-letter may still arrive")
            out(table_row([o.post_by.isoformat(), o.case, o.person, o.name, o.date.isoformat(), left]))
    if any(o.assumed for o in rows):
        note(f"no published transit time from {sender} for some routes: the United Kingdom to Russia figure "
             "stands in (data/transit.yaml)")
    _finish(run)


def _tally(r, fewest: bool) -> tuple:
    return (str(r.letters), r.last_reply or "no reply") if fewest else ()


def _birthdays(r) -> str:
    return ", ".join(f"{b.date.isoformat()} ({b.age}, in {b.days} days)" if b.days else f"today ({b.age})"
                     for b in r.birthdays)


def _addressed(r) -> str:
    return f"{r.addressed}/{r.recipients}" + (" + person" if r.person_address else "") + (
        f"; person {r.status}" if r.status != "held" else "")


# ------------------------------------------------------------------ address


@app.command()
def address(
    cases: ManyCases = None,
    to: Annotated[str, typer.Option("--to", help="person, a recipient id, or all.")] = "person",
    scheme: Annotated[Optional[str], typer.Option("--scheme", "-s", help="Transliteration scheme; default per country.")] = None,
    style: Annotated[Style, typer.Option("--style", help="translate (ул. X -> X Street) or transliterate.")] = "translate",
    from_: From = None,
    script: Annotated[Script, typer.Option("--script", help="Which blocks to print.")] = "both",
    embassy_address: EmbassyAddress = None,
    json_: Json = False,
):
    """Print postal addresses: local script, Latin, and the country line."""
    from .letters.sender import split_lines
    from .night.addresses import addresses_for_cases
    from .output import emit_json, out

    sender = _sender_country(from_)
    run = _run(cases)
    rows, texts = [], []
    for item in addresses_for_cases(run, to, sender_country=sender, scheme=scheme, style=style,
                                    embassy_address=split_lines(embassy_address) or None):
        c, blocks = item.case, item.blocks
        for n in item.notices:
            _say(n)
        data = [b.as_dict() for b in blocks] if to == "all" else blocks[0].as_dict()
        rows.append({"case": c.id, "file": c.source, "addresses": data} if run.many else data)
        texts += [(f"# {c.id} {b.to}\n" if run.many else f"# {b.to}\n" if to == "all" else "") + b.text(script)
                  for b in blocks]
    if json_:
        emit_json(rows if run.many else rows[0])
    elif texts:
        out("\n\n".join(texts))
    _finish(run)


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
    format_: Annotated[Format, typer.Option("--format", help="Output format.")] = "text",
    template: Annotated[Optional[str], typer.Option("--template", help="Your own Jinja2 template (same context; see README).")] = None,
    message: Annotated[Optional[str], typer.Option("--message", help="Your own words for the support letter.")] = None,
    embassy_address: EmbassyAddress = None,
    writers: Annotated[Optional[str], typer.Option(
        "--writers", help="A CSV of writers (name, address, country, lang, email...): one letter per writer; needs --out-dir.")] = None,
    out_dir: Annotated[Optional[str], typer.Option("--out-dir", help="Write one file per letter here (made if missing); print the paths.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite existing files in --out-dir.")] = False,
    json_: Json = False,
    log: LogPath = None,
    event: Event = "",
    no_log: NoLog = False,
    page_chars: Annotated[Optional[int], typer.Option("--page-chars", help="With --format e-letter: characters per page (default: the service's, data/e-letters.yaml).")] = None,
    service: Annotated[Optional[str], typer.Option("--service", help="With --format e-letter: the service (fsin-pismo, zt); default the prison country's.")] = None,
):
    """Letters to the authorities and a support letter to the person, ready to sign. With
    --writers, each letter written is recorded in the sent-letters log. --format e-letter: plain
    text for a state e-letter service (ФСИН-письмо and the like), in numbered pages."""
    from .letters.render import as_html, load_template
    from .letters.sender import split_lines
    from .night.letters import letters_for_cases
    from .output import emit_json, out

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
    if format_ == "e-letter":
        if to != "person":
            raise UsageError("e-letter services carry letters to prisoners only: use --to person", param="format")
        if writers is not None or json_:
            raise UsageError("--format e-letter writes one letter's pages: without --writers and --json", param="format")
    run = _run(cases)
    user_template = load_template(template) if template else None
    if format_ == "e-letter":
        _e_letters(run, lang, sender, day, user_template, message, out_dir, force, page_chars, service)
        _finish(run)
        return
    if writers is not None:
        from .night.writers import writer_countries

        good = run.with_recipient(to)
        _post_warnings(good, to, writer_countries(writers, country), day)
        _merge(good, writers, to, out_dir, force, lang, day, format_, user_template, message,
               embassy, country, None if no_log else _recorder(log, cases, event))
        _finish(run)
        return
    rows, texts, kept = [], [], 0
    html_lang, html_title = "en", ""
    # a single html page holds all the letters: compose them as text, wrap them once
    for item in letters_for_cases(run, to, lang=lang, sender=sender, date=day,
                                  fmt="text" if format_ == "html" and not (out_dir or json_) else format_,
                                  template=user_template, message=message, embassy_address=embassy,
                                  out_dir=out_dir, force=force):
        for n in item.notices:
            _say(n)
        _post_warnings([item.case], to, {country}, day)
        for path in item.paths:
            out(str(path))
        kept += len(item.kept)
        if out_dir:
            continue
        if json_:
            rows += [{"case": item.case.id, **x.as_dict()} if run.many else x.as_dict() for x in item.letters]
        else:
            # the envelope's addresses after a form feed, on a page of their own
            texts += [x.text + (f"\f\n{x.envelope}" if x.envelope and format_ != "html" else "") for x in item.letters]
            if item.letters:
                html_lang = item.letters[0].language
                html_title = (item.case.id if len(item.letters) > 1 or run.many
                              else f"{item.case.id} {item.letters[0].to}")
    if json_:
        emit_json(rows if to == "all" or run.many else rows[0])
    elif out_dir:
        if kept:
            from .output import note

            note(f"{_n(kept, 'letter')} already there with the same text: left as {'they are' if kept > 1 else 'it is'}")
    elif format_ == "html":
        if texts:
            sys.stdout.write(as_html(texts, html_lang, html_title))
    else:
        sys.stdout.write("\f\n".join(texts))
    _finish(run)


def _e_letters(run, lang, sender, day, template, message, out_dir, force, page_chars, service) -> None:
    """letter --format e-letter: each support letter as the pages an e-letter service prints."""
    from .night.eletters import e_letters_for_cases
    from .output import out

    texts = []
    for item in e_letters_for_cases(run, lang=lang, sender=sender, date=day, template=template, message=message,
                                    out_dir=out_dir, force=force, page_chars=page_chars, service=service):
        for n in item.notices:
            _say(n)
        for path in item.paths:
            out(str(path))
        if not out_dir:
            texts += ["\n\n".join(pages) for pages in item.pages]
    if texts:
        sys.stdout.write("\f\n".join(texts) + "\n")


def _post_warnings(cases, to: str, senders: set, day: dt.date) -> None:
    """Suspended postal routes and deadlines the post cannot meet (routes.py), on stderr."""
    from .output import warn
    from .routes import post_warnings

    for m in post_warnings(cases, to, senders, day):
        warn(m)


def _recorder(log: Optional[str], cases: Optional[List[str]], event: str):
    from .log import Recorder, log_path

    return Recorder(log_path(log, cases or ["."]), event)


def _merge(cases, writers, to, out_dir, force, lang, day, fmt, template, message, embassy, country, recorder=None):
    """The mail merge: letters written one at a time, their paths on stdout, each bad row as
    `writers.csv:LINE: what is wrong` on stderr, a summary at the end; exit 1 if a row failed."""
    from .night.merge import MailMerge
    from .output import note, out

    merge = MailMerge(cases, writers, to, out_dir, force=force, lang=lang, date=day, fmt=fmt, template=template,
                      message=message, embassy_address=embassy, sender_country=country, recorder=recorder)
    progress = _progress(writers)
    try:
        for o in merge:
            if o.kind == "row":
                if progress:
                    progress[0].advance(progress[1])
            elif o.notice is not None:
                _say(o.notice)
            elif o.kind == "written":
                out(str(o.path))
    finally:
        if progress:
            progress[0].stop()
        if recorder is not None:  # what was written, even when the run stopped
            recorder.save()
    note(merge.report.summary())
    if merge.report.failed:
        raise typer.Exit(1)


def _progress(path: str):
    """A progress bar on stderr, on a terminal only (never in a pipe or a log)."""
    from .output import is_tty

    if not is_tty(sys.stderr):
        return None
    from .night.writers import count_rows

    total = count_rows(path)
    if total is None:
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
# what a notice's reader can do about it, in the CLI's words (by night.notices.Code)
_NOTICE_HINTS = {"no-sender": f" (use {_SENDER_HINT})", "no-sender-country": f" (use {_FROM_HINT})",
                 "writer-no-country": " (give a country column, or --from)"}


def _sender(name: Optional[str], address: Optional[str], country: Optional[str]):
    """Options (and their environment variables) first, then sender.yaml (night.sender)."""
    from .night.sender import resolve_sender

    return resolve_sender(name, address, country)


# ------------------------------------------------------------------ pack


Paper = Literal["a4", "letter"]


Envelope = Literal["dl", "c5", "c6", "labels"]


Labels = Literal["l7163", "l7160", "5160"]


By = Literal["case", "writer"]


SupportIn = Literal["prison", "writer"]


@app.command()
def pack(
    cases: ManyCases = None,
    out: Annotated[str, typer.Option("--out", "-o", help="The pack: a .pdf, or .html for a browser.")] = "pack.pdf",
    writers: Annotated[Optional[str], typer.Option(
        "--writers", help="A CSV of writers (name, address, country, lang...): letters and envelopes for each.")] = None,
    to: Annotated[str, typer.Option("--to", help="A recipient id, person, or all.")] = "all",
    paper: Annotated[Paper, typer.Option("--paper", help="Paper for the cards and letters.")] = "a4",
    envelope: Annotated[Envelope, typer.Option(
        "--envelope", help="DL 220x110 mm, C5 229x162, C6 162x114, or labels (see --labels).")] = "dl",
    labels: Annotated[Optional[Labels], typer.Option(
        "--labels", help="Label sheet: Avery L7163 (2x7, A4), L7160 (3x7, A4) or 5160 (3x10, US Letter); "
                         "default the paper's own (L7163 on A4, 5160 on US Letter).")] = None,
    start_label: Annotated[int, typer.Option(
        "--start-label", help="The first free label on a used sheet (1: top left, row by row).")] = 1,
    by: Annotated[By, typer.Option(
        "--by", help="Order: case (each case's card, letters, envelopes) or writer (one bundle per writer).")] = "case",
    support_in: Annotated[SupportIn, typer.Option(
        "--support-in", help="Support letters in the prison's language, with the writer's own copy "
                             "(default), or in the writer's (the prison may not pass them).")] = "prison",
    lang: Annotated[Optional[str], typer.Option("--lang", help="Letter language where a writer gives none; default the case's.")] = None,
    sender_name: Annotated[Optional[str], typer.Option(
        "--sender-name", help="Your name (without --writers).", envvar="APPEALKIT_SENDER_NAME")] = None,
    sender_address: Annotated[Optional[str], typer.Option(
        "--sender-address", help="Your address, lines separated by ';' (without --writers).", envvar="APPEALKIT_SENDER_ADDRESS")] = None,
    from_: From = None,
    date: Annotated[Optional[str], typer.Option("--date", help="Date on the letters (YYYY-MM-DD); default today.")] = None,
    embassy_address: EmbassyAddress = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing pack.")] = False,
    strict: Annotated[bool, typer.Option(
        "--strict", help="Refuse the pack when a writer's message has words a prison censor may stop "
                         "(default: print the letters without it, and say so).")] = False,
    log: LogPath = None,
    event: Event = "",
    no_log: NoLog = False,
):
    """A printable pack for a letter-writing night: a large-print card per case, every letter,
    and every writer's envelopes (or labels), as one PDF (or HTML)."""
    from .letters.sender import split_lines
    from .night.pack import make_pack
    from .output import note

    recorder = None if no_log else _recorder(log, cases, event)
    bar = _bar("pack")
    try:
        report = make_pack(list(cases or []), out, writers=writers, to=to, paper=paper,
                           envelope=envelope, labels=labels if labels else None, start_label=start_label, by=by,
                           support_in=support_in, lang=lang, sender_name=sender_name,
                           sender_address=sender_address, sender_country=from_, date=_date(date, "--date"),
                           embassy_address=split_lines(embassy_address) or None, force=force,
                           strict=strict, on_notice=lambda n: _say(n, _PACK_HINTS), progress=bar[0] if bar else None,
                           recorder=recorder)
    finally:
        if bar:
            bar[1]()
    if recorder is not None:
        recorder.save()
    sys.stdout.write(f"{out}\n")
    note(report.summary())
    if not report.ok:
        raise typer.Exit(1)


_PACK_HINTS = {**_NOTICE_HINTS, "no-sender": f" (use --writers, {_SENDER_HINT})"}


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


# ------------------------------------------------------------------ tweet


def tweet(
    cases: ManyCases = None,
    platform: Annotated[Platform, typer.Option("--platform", "-p", help="Where the post goes.")] = "x",
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
    from .posts.build import over_limit_error

    plat = platform
    if limit is not None and plat != "mastodon":
        raise UsageError("--limit applies to Mastodon only; the other platforms' limits are fixed")
    if thread_ and variants_:
        raise UsageError("--thread and --variants do not combine")
    if date is not None and not (plat == "bluesky" and json_):
        raise UsageError("--date sets the Bluesky record's createdAt: it needs --platform bluesky --json")
    moment = _moment(date)
    mode: Literal["post", "variants", "thread"] = "variants" if variants_ else "thread" if thread_ else "post"
    if text is not None:
        from .night.posts import text_posts

        posts = text_posts(_utf8_text(text), plat, limit or _limit(plat),
                           thread=thread_, intent=intent, instance=instance)
    else:
        from .night.posts import case_posts

        run = _run(cases)
        if run.many:
            return _tweets(run, plat, lang, to, mode, limit, intent, instance, json_, moment)
        item = case_posts(next(iter(run)), plat, lang=lang, to=to, mode=mode, limit=limit, intent=intent,
                          instance=instance)
        for n in item.notices:
            _say(n)
        posts, lang = item.posts, lang or item.case.language
    bad = [p for p in posts if not p.fits]
    if json_:
        rows = [_post_row(p, plat, moment, lang) for p in posts]
        emit_json(rows if (variants_ or thread_) else rows[0])
    elif not bad:
        for p in posts:
            if p.to:  # a variant says whom it addresses
                out(f"# {p.to}")
            out(p.intent_url or "" if intent else p.text)
    if is_tty() and not json_:
        for p in posts:
            note(f"{p.platform}: {p.length}/{p.limit}")
    if bad:
        raise over_limit_error(bad[0])


def _post_row(p, plat, moment, lang, **case) -> dict:
    """A post as JSON (after its case, when a run has several); for Bluesky with its record."""
    row = {**case, **p.as_dict()}
    if plat == "bluesky":
        from .posts.bluesky_record import post_record

        row.update(post_record(row["text"], moment, lang))
    return row


def _tweets(run, plat, lang, to, mode, limit, intent, instance, json_, moment):
    """Several cases: each case's posts under a `# case-id` line (--json: one array, each post
    with its case); a post over the limit fails its case only."""
    from .night.posts import posts_for_cases
    from .output import emit_json, out

    rows = []
    for item in posts_for_cases(run, plat, lang=lang, to=to, mode=mode, limit=limit, intent=intent,
                                instance=instance):
        for n in item.notices:
            _say(n)
        if json_:
            rows += [_post_row(p, plat, moment, lang or item.case.language, case=item.case.id) for p in item.posts]
        elif item.fits:
            out(f"# {item.case.id}")
            for p in item.posts:
                if p.to:
                    out(f"# {item.case.id} {p.to}")
                out(p.intent_url or "" if intent else p.text)
            out()
    if json_:
        emit_json(rows)
    _finish(run)


# the same command under its platform-neutral name; `tweet` stays, as the design card names it
app.command("tweet")(tweet)
app.command("post", help="The case's post for X, Bluesky, Mastodon or Threads, counted as each platform counts "
                         "(the same command as tweet).")(tweet)


def _utf8_text(text: str) -> str:
    """--text, or standard input for '-', as UTF-8 text: a byte that is not UTF-8 is a usage
    error naming it (argv keeps such bytes as surrogates, which no post may carry)."""
    raw = sys.stdin.buffer.read() if text == "-" else text.encode("utf-8", "surrogateescape")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        where = "standard input" if text == "-" else "the text"
        raise UsageError(f"{where} is not UTF-8: byte 0x{raw[e.start]:02X} at byte {e.start + 1}; "
                         "give the text as UTF-8", param="text") from None


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


# ------------------------------------------------------------------ import (issue 26)


ListFormat = Literal["viasna", "memorial", "ovd", "csv"]


@app.command("import")
def import_(
    file: Annotated[str, typer.Argument(help="The list's export (CSV).")],
    format_: Annotated[ListFormat, typer.Option("--format", help="Whose list: Viasna's, Memorial's, OVD-Info's, or any CSV.")],
    out_dir: Annotated[str, typer.Option("--out-dir", help="Folder of case files (made when missing).")] = "cases",
    map_: Annotated[Optional[List[str]], typer.Option("--map", help="COLUMN=KEY: read this column as that key (name, born, address, ...).")] = None,
    country: Annotated[Optional[str], typer.Option("--country", help="The country (ISO code) of rows that name none.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite a case file of the same name that is not this person's.")] = False,
    today: Annotated[Optional[str], typer.Option("--today", help="The import date (YYYY-MM-DD).")] = None,
    json_: Json = False,
):
    """Case files from a published list, one per person; a re-import updates what the list changed
    (a moved prison, a release) and keeps your edits."""
    from .importers import import_list
    from .importers.read import parse_map
    from .output import emit_json, note, out

    report = import_list(file, format_, out_dir, column_map=parse_map(map_ or []),
                         country=_sender_country(country), force=force, today=_date(today, "--today"))
    for b in report.bad:
        _err(f"{file}:{b.line}: {b.message}")
    if json_:
        emit_json(report.as_dict())
    else:
        for d in report.done:
            if d.action == "unchanged":
                continue
            why = f" (no letter address: {d.status}{f', the list says {d.why!r}' if d.why else ''})" if d.status != "held" else ""
            out(f"{d.action}\t{d.path}{why}")
            for c in d.changes:
                out(f"\t{c}")
    for gone in report.gone:
        note(f"{gone}: no longer on the list (its case file is kept)")
    counts = {a: sum(d.action == a for d in report.done) for a in ("new", "updated", "unchanged")}
    note(f"{counts['new']} new, {counts['updated']} updated, {counts['unchanged']} unchanged, {len(report.bad)} bad row"
         f"{'' if len(report.bad) == 1 else 's'}")
    if report.bad:
        raise typer.Exit(1)


# ------------------------------------------------------------------ the sent-letters log (issue 26)

log_app = typer.Typer(help="The sent-letters log: record letters by hand, replies, returns and censor notices; export counts.",
                      no_args_is_help=True, rich_markup_mode=None)
app.add_typer(log_app, name="log")
LogCases = Annotated[Optional[str], typer.Option("--cases", help="The cases' folder, where the log lives.")]
Day = Annotated[Optional[str], typer.Option("--date", help="The day (YYYY-MM-DD); default today.")]


def _log(path: Optional[str], cases: Optional[str], create: bool = True):
    from .log import Log, log_path

    return Log(log_path(path, [cases] if cases else None), create=create)


Channel = Literal["post", "email", "fax", "e-letter", "hand"]


@log_app.command("add")
def log_add(
    case_id: Annotated[str, typer.Argument(help="The case's id.")],
    to: Annotated[str, typer.Option("--to", help="Whom the letter went to: person or a recipient id.")] = "person",
    writer: Annotated[str, typer.Option("--writer", help="Who wrote it.")] = "",
    event: Annotated[str, typer.Option("--event", help="The letter-writing night or action.")] = "",
    channel: Annotated[Channel, typer.Option("--channel", help="How it went.")] = "post",
    count: Annotated[int, typer.Option("--count", min=1, help="How many such letters.")] = 1,
    date: Day = None,
    log: LogPath = None,
    cases: LogCases = None,
):
    """Record letters written by hand."""
    from .log import Letter

    day = _date(date, "--date") or dt.date.today()
    with _log(log, cases) as lg:
        lg.record([Letter(day, case_id, to, writer, event, channel)] * count)


def _mark(kind: str, case_id: str, date, note: str, log, cases) -> None:
    day = _date(date, "--date") or dt.date.today()
    with _log(log, cases) as lg:
        lg.mark(kind, case_id, day, note)


Note = Annotated[str, typer.Option("--note", help="A word on it (what came back, who noticed).")]
CaseId = Annotated[str, typer.Argument(help="The case's id.")]


@log_app.command("reply")
def log_reply(case_id: CaseId, date: Day = None, note: Note = "", log: LogPath = None, cases: LogCases = None):
    """Record a reply from the person."""
    _mark("reply", case_id, date, note, log, cases)


@log_app.command("returned")
def log_returned(case_id: CaseId, date: Day = None, note: Note = "", log: LogPath = None, cases: LogCases = None):
    """Record a letter that came back undelivered."""
    _mark("returned", case_id, date, note, log, cases)


@log_app.command("censored")
def log_censored(case_id: CaseId, date: Day = None, note: Note = "", log: LogPath = None, cases: LogCases = None):
    """Record a censor's notice (a letter withheld)."""
    _mark("censored", case_id, date, note, log, cases)


LogBy = Literal["case", "event"]


@log_app.command("export")
def log_export(
    by: Annotated[LogBy, typer.Option("--by", help="Totals per case, or per event.")] = "case",
    log: LogPath = None,
    cases: LogCases = None,
):
    """Counts as CSV on stdout: per case (letters, replies, returned, censored) or per event."""
    from .log import export_csv

    with _log(log, cases, create=False) as lg:
        sys.stdout.write(export_csv(lg, by))


# ------------------------------------------------------------------ serve (issue 27)


@app.command()
def serve(
    cases: ManyCases = None,
    port: Annotated[int, typer.Option("--port", help="The port to listen on.")] = 8000,
    lan: Annotated[bool, typer.Option("--lan", help="Listen on the local network too (phones on the same Wi-Fi), not only on this computer.")] = False,
    event: Annotated[Optional[str], typer.Option("--event", help="The event's name in the log. Default: letter-writing night and the date.")] = None,
    log: LogPath = None,
):
    """The letter-writing night in a browser: volunteers write and print letters on their phones,
    the organiser counts them and prints the pack. Offline; Ctrl-C stops it."""
    from .output import note
    from .serve import make_night, terminal_qr
    from .serve import serve as run

    def started(s) -> None:
        note(f"serving {s.cases} case{'s' if s.cases != 1 else ''} at {s.url} (log: {s.log}); Ctrl-C stops")
        note(f"organiser: {s.organiser_url}")
        if s.lan:
            sys.stderr.write(terminal_qr(s.url))

    run(make_night(list(cases or []), event=event, log=log, on_failure=_failed), port=port, lan=lan, on_start=started)


# ------------------------------------------------------------------ the error boundary


def _only_the_command_run(args: list) -> None:
    """Typer builds every command's options at each run, about 1 ms a command; a run that names
    its command needs that one alone (the root's --help and completion still see them all).
    main() may run many times in one process (tests, embedding): each run starts from them all."""
    if not _ALL_COMMANDS:  # the first run: every command and group is registered by now
        _ALL_COMMANDS.extend(app.registered_commands)
        _ALL_GROUPS.extend(app.registered_groups)
    app.registered_commands = list(_ALL_COMMANDS)
    app.registered_groups = list(_ALL_GROUPS)
    name = next((a for a in args if not a.startswith("-")), None)
    if name is None:
        if args and not {"-h", "--help"} & set(args):  # --version: the root's options alone
            app.registered_commands, app.registered_groups = [], []
        return
    groups = [g for g in _ALL_GROUPS if g.name == name]
    mine = [c for c in _ALL_COMMANDS if (c.name or c.callback.__name__) == name]
    if groups or mine:  # `log add` builds the log group's commands alone, `check` no group's
        app.registered_commands = mine
        app.registered_groups = groups


_ALL_COMMANDS: list = []
_ALL_GROUPS: list = []


def main(argv: Optional[list] = None) -> None:
    """Run the CLI; every failure becomes one line per problem on stderr and an exit code."""
    debug = os.environ.get("APPEALKIT_DEBUG") == "1" or "--debug" in (argv if argv is not None else sys.argv)
    _terminate_as_interrupt()
    _only_the_command_run(argv if argv is not None else sys.argv[1:])
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
    app.registered_commands = list(_ALL_COMMANDS)  # as it was, for a next run in this process
    app.registered_groups = list(_ALL_GROUPS)
    try:
        sys.stdout.flush()
    except OSError as e:
        if not isinstance(e, BrokenPipeError):
            _err(_os_error(e))
            code = 1
        _drop_stdout()
    sys.exit(code)


# the core names the API parameter an error is about; the CLI names its option
_FLAGS = {"text": "--text", "paper": "--paper", "envelope": "--envelope", "labels": "--labels", "start_label": "--start-label",
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


def _terminate_as_interrupt() -> None:
    """SIGTERM (a `kill`, a closing session, a container stopping) ends a run as Ctrl-C does:
    through the same cleanup (no temporary file left) and exit 130."""
    import signal

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    try:
        signal.signal(signal.SIGTERM, interrupt)
    except ValueError:  # not the main thread (an embedding program's): its own handlers stay
        pass


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


# ------------------------------------------------------------------ facts


@app.command()
def facts(
    country: Annotated[Optional[str], typer.Option("--country", help="Only this country (ISO code, like RU).")] = None,
    json_: Json = False,
):
    """What appealkit knows of office holders and renamed places, with sources and dates."""
    from .address.facts import facts_text, known_facts
    from .output import emit_json, out

    data = known_facts(country)
    if json_:
        emit_json(data)
    else:
        out(facts_text(data))
