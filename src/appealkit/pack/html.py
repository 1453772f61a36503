"""The pack's pages, built from the API's objects (cases, letters, address blocks) and laid out
in parts of a few dozen pages, each part one HTML document (data/pack/pack.html.j2). In print
order, by case: each case's card, its letters writer by writer, then its envelopes; by writer:
every card, then each writer's cover sheet, letters and envelopes together. Labels run on across
cases after everything else, so that no sheet but the last is half empty."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Iterator, Literal

from ..errors import AppealkitError, Where
from . import BARCODE_ZONE, ENVELOPES, LABEL_MARGIN, LABEL_SHEETS, PAPERS, LabelSheet

PART_PAGES = 24  # items per HTML document: WeasyPrint's cost grows faster than a document's length

NoticeCode = Literal["closed", "fallback", "warning", "left-out", "message", "embassy"]


@dataclass
class PackNote:
    """Something the run says once: `where` is a writers-file line, else None (the case's)."""

    code: NoticeCode
    message: str
    case: str | None = None
    line: int | None = None
    lines: list[int] = field(default_factory=list)  # every writers-file line it is about


@dataclass
class Report:
    """What the pack's pages hold: letters, copies, envelopes, notes and each letter sent."""
    letters: int = 0  # for the envelope
    copies: int = 0  # the writers' own copies
    envelopes: int = 0
    notices: list[PackNote] = field(default_factory=list)
    sent: list[tuple[str, str, str]] = field(default_factory=list)  # (case id, recipient, writer) per letter

    @property
    def left_out(self) -> int:
        return sum(n.code == "left-out" for n in self.notices)


@dataclass
class Part:
    """One HTML document's worth of pages; `mark`: the writer x case pairs done when it ends."""

    items: list[dict]
    mark: int = 0


@dataclass
class Options:
    """How the pack is printed: which letters, paper, envelopes or labels, and in what order."""
    to: str = "all"
    paper: str = "a4"
    envelope: str = "dl"  # dl, c5, c6 or labels
    labels: str | None = None  # a sheet of LABEL_SHEETS; None: the paper's own (L7163 on A4, 5160 on Letter)
    start_label: int = 1
    by: str = "case"  # case or writer
    lang: str | None = None  # for writers who give none
    support_in: str = "prison"  # or writer
    date: dt.date | None = None
    sender_country: str | None = None
    embassy_address: list[str] | None = None
    message: str | None = None  # a personal message in every letter (the event page's volunteer's)
    message_seen: bool = False  # its writer saw the censor's words in it and kept them (serve)
    strict: bool = False  # a message a censor may stop refuses the pack (else it is left out)
    source: str | None = None  # the writers file, to name a row in an error

    @property
    def sheet(self) -> LabelSheet:
        """The label sheet (after check(): the paper's own where none was asked for)."""
        return LABEL_SHEETS[self.labels or "l7163"]

    def check(self) -> None:
        if self.paper not in PAPERS:
            raise AppealkitError(f"unknown paper '{self.paper}'; choose {' or '.join(PAPERS)}", param="paper")
        if self.envelope not in ENVELOPES and self.envelope != "labels":
            raise AppealkitError(f"unknown envelope '{self.envelope}'; choose dl, c5, c6 or labels",
                                 param="envelope")
        if self.labels is None:
            self.labels = next(k for k, s in LABEL_SHEETS.items() if s.paper == PAPERS[self.paper])
        if self.labels not in LABEL_SHEETS:
            raise AppealkitError(f"unknown labels '{self.labels}'; choose {', '.join(LABEL_SHEETS)}", param="labels")
        if not 1 <= self.start_label <= self.sheet.per_sheet:
            raise AppealkitError(f"the first label is 1 to {self.sheet.per_sheet} on {self.sheet.name}",
                                 param="start_label")
        if self.by not in ("case", "writer"):
            raise AppealkitError(f"unknown order '{self.by}'; choose case or writer", param="by")
        if self.support_in not in ("prison", "writer"):
            raise AppealkitError(f"unknown support-letter language '{self.support_in}'; choose prison or writer",
                                 param="support_in")


def layout(cases: list, writers: list, opts: Options, report: Report) -> Iterator[Part]:
    """The pack's pages, part by part; what the run has to say goes into `report`. Which
    letters each writer gets is the night's one writer x case iterator's to say
    (night.assign.assignments), as for the mail merge."""
    from ..night.assign import Assignment, assignments
    from ..night.overview import overview

    opts.check()
    day = opts.date or dt.date.today()
    order = {r.id: i for i, r in enumerate(overview(cases, day))}
    cases = sorted(cases, key=lambda c: order[c.id])  # `list`'s urgency order
    nights = {c.id: _CaseNight(c, opts) for c in cases}
    run = _Run(opts, report, day)
    for c in cases:
        run.note_case(c)
    buf = _Buffer(lambda: run.pairs)
    labels: list[dict] = []
    sender = _sender_of(writers, opts)
    if opts.by == "case":
        pairs = assignments(cases, writers, to=opts.to, lang=opts.lang, by="case", date=day,
                            support_in=opts.support_in)
        envelopes: list[dict] = []
        case = None
        for a in pairs:
            if a.case is not case:  # a new case: the last one's envelopes, this one's card
                yield from _envelopes(envelopes, labels, buf, opts)
                envelopes, case = [], a.case
                yield from buf.add({"kind": "card", "card": card(case, day, sender, embassies_to_find(case, opts, day))})
            letters, envs = run.writer_case(nights[a.case.id], a)
            for x in letters:
                yield from buf.add(x)
            envelopes += envs
        yield from _envelopes(envelopes, labels, buf, opts)
    else:
        for c in cases:
            yield from buf.add({"kind": "card", "card": card(c, day, sender, embassies_to_find(c, opts, day))})
        import itertools

        # the writers are good rows only: every pair is an Assignment, a writer's pairs in a row
        pairs_w = (a for a in assignments(cases, writers, to=opts.to, lang=opts.lang, by="writer", date=day,
                                          support_in=opts.support_in) if isinstance(a, Assignment))
        for _, group in itertools.groupby(pairs_w, key=lambda a: id(a.writer)):
            bundle: list[dict] = []
            envelopes = []
            for a in group:
                letters, envs = run.writer_case(nights[a.case.id], a)
                bundle += letters
                envelopes += envs
            yield from buf.add(cover(a.writer, bundle, envelopes, opts, run.writer_notes(a.writer)))
            for x in bundle:
                yield from buf.add(x)
            yield from _envelopes(envelopes, labels, buf, opts)
    run.say_fallbacks(writers)
    if labels:
        for sheet in label_sheets(labels, opts.sheet, opts.start_label):
            yield from buf.add(sheet)
    yield from buf.flush()


class _Buffer:
    def __init__(self, mark) -> None:
        self.items: list[dict] = []
        self.mark = mark

    def add(self, item: dict) -> Iterator[Part]:
        self.items.append(item)
        if len(self.items) >= PART_PAGES:
            yield from self.flush()

    def flush(self) -> Iterator[Part]:
        if self.items:
            yield Part(self.items, self.mark())
            self.items = []


def _envelopes(envelopes: list[dict], labels: list[dict], buf: _Buffer, opts: Options) -> Iterator[Part]:
    if opts.envelope == "labels":
        labels += envelopes
        return
    w, h = ENVELOPES[opts.envelope]
    for e in envelopes:
        yield from buf.add(envelope_page(e, w, h))


class _CaseNight:
    """The address blocks of a case's recipients, by the sender's country (worked out once,
    not once per writer)."""

    def __init__(self, case, opts: Options) -> None:
        self.case = case
        self.blocks: dict[str | None, dict] = {}  # sender country -> {target: Block}
        self.opts = opts
        self.mark = case.derived.mark()  # what the run derives per writer is trimmed back to here

    def addresses(self, country: str | None) -> dict:
        from ..address.format import blocks_for

        if country not in self.blocks:
            blocks = blocks_for(self.case, self.opts.to, country, None, "translate", self.opts.embassy_address)
            self.blocks[country] = {b.to: b for b in blocks}
        return self.blocks[country]


class _Run:
    """The letters of each writer x case, and what is said about them, each thing once."""

    def __init__(self, opts: Options, report: Report, day: dt.date) -> None:
        self.opts, self.report, self.day = opts, report, day
        self.said: set[str] = set()
        self.fallback: dict[int, list[str]] = {}  # writer line -> the cases without their language
        self.pairs = 0  # writer x case pairs done (the progress)
        self.messages: dict[tuple, str | None] = {}  # (writer line, message, language) -> what is printed
        self.notes: dict[int, list[str]] = {}  # writer line -> what their cover sheet says besides
        self.said_to: set[tuple[int, str]] = set()  # (writer line, why) said once
        self.not_in: dict[int, tuple] = {}  # writer line -> (writer, the letters' languages their message is not in)

    def message_text(self, w) -> tuple[str | None, bool]:
        """The writer's personal message (their `message` column, else the run's), and whether its
        writer saw it checked and kept it (`message_seen`: the event page shows the censor's
        words as the volunteer types): that one is printed as they kept it."""
        own = (w.extra.get("message") or "").strip()
        text = own or (self.opts.message or "").strip()
        return text or None, bool(text) and not own and self.opts.message_seen

    def message_for(self, w, lang: str) -> str | None:
        """The writer's message for their letter in `lang`: left out where it is not in the
        script of `lang` (a Latin message in a Russian letter: the prison cannot read it), or has
        words a prison censor may stop (letters.checks.censor_findings, in the writer's language
        and `lang`); each said once for the writer and on their cover sheet, the censor's refused
        with `strict`."""
        text, kept = self.message_text(w)
        if text is None or kept:
            return text
        return self._censored(w, text, lang) if self._readable(w, text, lang) else None

    def _censored(self, w, text: str, lang: str) -> str | None:
        from ..letters.checks import censor_findings

        key = (w.line, text, lang)
        if key not in self.messages:
            hits: dict[str, str] = {}
            for lg in dict.fromkeys([w.lang or self.opts.lang, lang]):
                if lg:
                    hits.update(censor_findings(text, lg))
            self.messages[key] = None if hits else text
            if hits:
                by_reason: dict[str, list[str]] = {}
                for word, reason in hits.items():
                    by_reason.setdefault(reason, []).append(f"'{word}'")
                why = "; ".join(f"{', '.join(words)}: {reason}" for reason, words in by_reason.items())
                who = f"{w.name}'s" if w.name else "the"
                if self.opts.strict:
                    raise AppealkitError(f"{who} personal message has words a prison censor may stop ({why}); "
                                         "rephrase it, or leave out --strict to print the letters without it",
                                         Where(self.opts.source, w.line) if w.line else None)
                self.say_writer(w, "censor", f"{who} personal message is left out of their letters: a prison "
                                              f"censor may stop it ({why})",
                                f"Your message is left out of your letters: a prison censor may stop it ({why}).")
        return self.messages[key]

    def _readable(self, w, text: str, lang: str) -> bool:
        """Whether `text` is in the script of `lang`, and in `lang` as far as its letters tell (a
        Ukrainian message in a Russian letter is not); else noted for the writer's cover sheet and
        said once for them at the end (say_fallbacks), every language in one line."""
        from .. import scripts
        from ..letters.checks import in_language

        want = scripts.of_language(lang)
        if want is None or (scripts.scripts_in(text) <= {want} and in_language(text, lang)):
            return True
        name = _language_name(lang) or lang
        names = self.not_in.setdefault(w.line, (w, []))[1]
        if name not in names:
            names.append(name)
            self.notes.setdefault(w.line, []).append(
                f"Your message is not in {name}: it is left out of your letters in {name} (a prison censor "
                f"stops what they cannot read). Write it in {name} to have it printed.")
        return False

    def say_writer(self, w, why: str, message: str, note: str) -> None:
        """Said once for the writer and each `why` (naming their row), and on their cover sheet."""
        if (w.line, why) in self.said_to:
            return
        self.said_to.add((w.line, why))
        self.notes.setdefault(w.line, []).append(note)
        self.say("message", message, line=w.line or None)

    def say(self, code: NoticeCode, message: str, case: str | None = None, line: int | None = None) -> None:
        key = f"{code}:{case}:{line}:{message}"
        if key not in self.said:
            self.said.add(key)
            self.report.notices.append(PackNote(code, message, case, line))

    def note_case(self, case) -> None:
        from ..night.assign import closed, closed_note

        if closed(case, self.day):
            msg = closed_note(case, self.opts.to)
            if msg:
                self.say("closed", msg, case.id)
        for title in embassies_to_find(case, self.opts, self.day):
            self.say("embassy", f"the letter to {title} has no address: each writer writes the embassy's "
                                "address in their country on it and on an envelope (the card says so; "
                                "--embassy-address gives it where every writer is in one country)", case.id)

    def fallback_note(self, w) -> list[str]:
        cases = self.fallback.get(w.line, [])
        return [fallback_text(self._lang(w), cases)] if cases else []

    def writer_notes(self, w) -> list[str]:
        """What the writer's cover sheet says besides the bundle: their language's fallback, their
        message left out, the letters their post cannot carry."""
        return self.fallback_note(w) + self.notes.get(w.line, [])

    def route_notes(self, w, case, country: str | None, targets: list[str]) -> None:
        """On a writer's cover sheet: the letters their post cannot carry (routes.py)."""
        from ..routes import route_warnings

        for _, m in route_warnings(case, targets, country, self.day):
            note = f"{case.id}: {m[0].upper()}{m[1:]}."
            if note not in self.notes.setdefault(w.line, []):
                self.notes[w.line].append(note)

    def say_fallbacks(self, writers: list) -> None:
        """One note per writer, and writers with the same note in one line (`lines`); the cover's
        other notes were said as they arose."""
        same: dict[str, list[int]] = {}
        for w in writers:
            for m in self.fallback_note(w):
                same.setdefault(m, []).append(w.line)
        for m, lines in same.items():
            self.report.notices.append(PackNote("fallback", m, line=lines[0] or None, lines=lines))
        for line, (w, names) in self.not_in.items():
            names = sorted(names)
            langs = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"
            who = f"{w.name}'s" if w.name else "the"
            self.say("message", f"{who} personal message is not written in {langs}: it is left out of their "
                                f"letters in {names[0] if len(names) == 1 else 'those languages'} (a prison censor "
                                "stops what they cannot read)", line=line or None)

    def _lang(self, w) -> str | None:
        return w.lang or self.opts.lang

    def writer_case(self, n: _CaseNight, a) -> tuple[list[dict], list[dict]]:
        """The letters (pages) and envelopes of one assignment (a writer, a case)."""
        from ..address.addressee import return_address
        from ..letters.compose import compose_letters, letter_warnings
        from ..letters.render import block_language
        from ..night.assign import support_language
        from ..night.merge import CACHE_SLACK

        case, opts, w = n.case, self.opts, a.writer
        if a.fallback:
            self.fallback.setdefault(w.line, []).append(case.id)
        country = w.country or opts.sender_country
        letters: list[dict] = []
        originals: dict[str, str] = {}  # target -> language of the letter for the envelope
        chosen: dict[str, dict] = {}  # target -> the letter's choices, which its writer's copy makes too
        self.route_notes(w, case, country, [job.target for job in a.jobs if not job.copy])
        for job in a.jobs:
            if job.copy and job.target not in chosen:
                continue  # no letter, no copy of it
            # the message each letter can carry (a support letter without a language of its own
            # goes in the prison's); the copy has it where its letter does (follow)
            mine = (self.message_text(w)[0] if job.copy
                    else self.message_for(w, job.lang or support_language(case)))
            try:
                (x,) = compose_letters(case, job.target, lang=job.lang, sender_name=w.name or None,
                                       sender_address=w.address, sender_country=country, date=self.day,
                                       embassy_address=opts.embassy_address, message=mine,
                                       # the page that goes into the envelope is the letter alone
                                       extra={"writer": w.as_context(), "envelope": []},
                                       # the copy translates the letter: what it has, no more
                                       follow=chosen[job.target] if job.copy else None)
            except AppealkitError as e:
                if job.copy:
                    continue  # the letter itself is there; a copy the case cannot give is no loss
                self.say("left-out", f"{case.id}: {e}", case.id)
                continue
            if job.copy:
                self.report.copies += 1
            else:
                self.report.letters += 1
                self.report.sent.append((case.id, job.target, w.name))
                originals[job.target] = x.language
                chosen[job.target] = x.choices
                for m in letter_warnings(x.warnings):  # the safety note is on the card
                    self.say("warning", m, case.id)
            letters.append({"kind": "letter", "case": case.id, "to": job.target, "lang": x.language,
                            "writer": w.name, "blocks": text_blocks(x.text), "mine": job.copy,
                            "copy_of": _language_name(originals[job.target]) if job.copy else None,
                            "copy_in": _language_name(x.language) if job.copy else None,
                            "fit": letter_fit(x.text, opts.paper)})
        envelopes = []
        blocks = n.addresses(country)
        for t in originals:
            b = blocks.get(t)
            if b is None or (t != "person" and case.recipients[t].address is None and not opts.embassy_address):
                continue  # no postal address, or an embassy the writer must look up
            # a support letter's envelope in the language of the person's registered name
            lang = block_language(b.local[0], originals[t], b.country) if t == "person" and b.local else originals[t]
            envelopes.append({"to": b.lines("local"), "country": b.country_line,
                              "from": return_address(w.name, w.address, country, b.country, lang),
                              "lang": _script_lang(case, b),
                              "case": case.id, "writer": w.name})
        self.report.envelopes += len(envelopes)
        self.pairs += 1
        case.derived.trim(n.mark, CACHE_SLACK)  # memory stays flat however many writers
        return letters, envelopes


def _language_name(lang: str | None) -> str | None:
    from babel import Locale

    try:
        return Locale("en").languages.get(lang or "") if lang else None
    except ValueError:
        return None


def fallback_text(lang: str | None, cases: list[str]) -> str:
    shown = ", ".join(cases[:4]) + (f" and {len(cases) - 4} more" if len(cases) > 4 else "")
    return (f"no letters in '{lang}' for {len(cases)} case{'s' if len(cases) > 1 else ''} ({shown}): "
            "the letters to the authorities there are in the case's language")


def _sender_of(writers: list, opts: Options) -> str | None:
    # the card's country line is for the night's writers: the first one's country, else --from
    for w in writers:
        if w.country:
            return w.country
    return opts.sender_country


def embassies_to_find(case, opts: Options, day: dt.date) -> list[str]:
    """The titles of the ambassadors the pack writes to without an address (the embassy in each
    writer's country, which the case cannot give): each writer looks it up."""
    from ..night.assign import open_targets

    if opts.embassy_address:
        return []
    out = []
    for t in open_targets(case, opts.to, day):
        r = case.recipients.get(t)
        if r is not None and r.role == "ambassador" and r.address is None:
            title = r.title.pick("en", case.language) if r.title else "ambassador"
            out.append(title if title.startswith(("the ", "The ", "H.E.")) else f"the {title}")
    return out


def card(case, day: dt.date, sender_country: str | None = None, embassies: list[str] | None = None) -> dict:
    """What a volunteer needs to know before writing, in the case's language; `embassies`: the
    ambassadors whose embassy address the writer fills in."""
    from ..address.format import blocks_for
    from ..night.assign import closed
    from ..night.overview import birthdays

    p = case.person
    lang = case.language
    held: list[str] = []
    country = None
    if p.address is not None:
        b = blocks_for(case, "person", sender_country)[0]
        held = b.lines("local")[1:]
        country = b.country_line
    passed = closed(case, day)
    if case.deadline == "immediately":
        deadline = "Urgent: write now"
    elif isinstance(case.deadline, dt.date):
        deadline = (f"{case.deadline.isoformat()}: the appeal is closed. Letters to the authorities are no "
                    "longer sent; support letters to the person are still welcome." if passed else
                    f"{case.deadline.isoformat()} ({(case.deadline - day).days} days left)")
    else:
        deadline = "none given"
    born = [{"date": b.date.strftime("%-d %B"), "age": b.age, "days": b.days} for b in birthdays(p.born, day)]
    return {
        "id": case.id, "name": p.name.pick(lang, "en"), "native_name": p.native_name, "born": p.born_year,
        "title": case.title.pick(lang, "en"), "organisation": case.organisation,
        "held": held, "country": country, "deadline": deadline, "passed": passed, "birthday": born[0] if born else None,
        "summary": " ".join(case.summary.pick(lang, "en").split()) if case.summary else None,
        "asks": [" ".join(a.pick(lang, "en").split()) for a in case.asks],
        "safety": " ".join(p.safety.pick(lang, "en").split()) if p.safety else None,
        "url": case.url, "qr": qr_svg(case.url) if case.url else None, "embassies": embassies or [],
    }


def cover(w, letters: list[dict], envelopes: list[dict], opts: Options, notes: list[str]) -> dict:
    """A writer's cover sheet: what is in their bundle, and what to do with it."""
    rows: dict[str, dict] = {}
    for x in letters:
        r = rows.setdefault(x["case"], {"case": x["case"], "letters": 0, "copies": 0, "envelopes": 0})
        r["copies" if x["mine"] else "letters"] += 1
    for e in envelopes:
        rows.setdefault(e["case"], {"case": e["case"], "letters": 0, "copies": 0, "envelopes": 0})["envelopes"] += 1
    return {"kind": "cover", "writer": w.name or "Your letters", "address": w.address, "rows": list(rows.values()),
            "labels": opts.envelope == "labels", "notes": notes,
            # the size the envelope pages are made for, named so the writer can buy them: "DL (220 x 110 mm)"
            "envelope": f"{opts.envelope.upper()} ({' x '.join(map(str, ENVELOPES[opts.envelope]))} mm)"
            if opts.envelope in ENVELOPES else None}


def qr_svg(url: str) -> str:
    """The URL as an inline SVG QR code (segno; medium error correction survives a smudge)."""
    try:
        import segno
    except ImportError:
        raise AppealkitError("QR codes need segno: pip install 'appealkit[pack]'") from None
    return segno.make(url, error="m", micro=False).svg_inline(scale=4, border=2, omitsize=True)


def text_blocks(text: str) -> list[dict]:
    """A letter's text as the letters' own blocks (letters.layout.letter_blocks: paragraphs,
    lists, the right-hand blocks and the signature line of a ГОСТ/ДСТУ letter, the gap left for
    signing), the block where the closing starts marked `keep` so that the closing, the space to
    sign and the name stay together on one page."""
    from ..letters.layout import letter_blocks

    out = letter_blocks(text)
    gaps = [i for i, b in enumerate(out) if b["kind"] == "gap"]
    for b in out:
        b["keep"] = False
    if out:
        out[max(0, gaps[-1] - 1) if gaps else len(out) - 1]["keep"] = True
    return out


def letter_fit(text: str, paper: str) -> float:
    """The font size (pt) at which a letter fits one page of `paper`, down to 9.5 pt: a letter
    that still runs over goes on to a second page with more than a line or two on it."""
    w, h = PAPERS[paper]
    width, height = w - 42, h - 38 - 4  # the page's margins, and a little slack
    lines = 0.0
    for para in text.strip("\n").split("\n\n"):
        for x in para.split("\n"):
            lines += max(1, -(-len(x) * 0.53 * 11 * 25.4 / 72 // width))  # wrapped lines at 11 pt
        lines += 0.65  # the space between paragraphs
    needed = lines * 11 * 1.4 * 25.4 / 72
    return 11.0 if needed <= height else max(9.5, math.floor(11 * height / needed * 4) / 4)



def _script_lang(case, block) -> str | None:
    # the lang attribute lets the renderer pick the right glyph forms (Kazakh, Serbian...)
    return case.language if not block.bilingual else None


def envelope_page(e: dict, width: float, height: float) -> dict:
    """An envelope: the return address top left, the addressee's block on the right half above
    the post's barcode zone, each shrunk to fit its box."""
    from .fit import fit_size

    box_w = width * 0.52 - 8
    top = max(30.0, height * 0.36)
    box_h = height - BARCODE_ZONE - 2 - top
    bold = frozenset(i for i, x in enumerate(e["to"]) if x == e["country"])
    return {**e, "kind": "envelope", "width": width, "height": height, "box": {"top": top, "height": box_h,
            "bottom": BARCODE_ZONE + 2, "width": box_w},
            "size": fit_size(e["to"], box_w, box_h, base=11, least=6, line_height=1.3, bold=bold),
            "from_size": fit_size(e["from"], width * 0.42, top - 10, base=8.5, least=5.5, line_height=1.25)}


def label_sheets(labels: list[dict], sheet: LabelSheet, start: int = 1) -> Iterator[dict]:
    """Labels placed row by row, the first on label `start` of the first sheet."""
    from .fit import fit_size

    inner_w = sheet.width - 2 * LABEL_MARGIN
    inner_h = sheet.height - 2 * LABEL_MARGIN
    page: list[dict] = []
    slot = start - 1
    for e in labels:
        row, col = divmod(slot, sheet.columns)
        lines = ([", ".join(e["from"])] if e["from"] else []) + e["to"]
        bold = frozenset(i + (1 if e["from"] else 0) for i, x in enumerate(e["to"]) if x == e["country"])
        # the return address in a smaller size (.label .from)
        size = fit_size(lines, inner_w, inner_h, base=10, least=4.5, line_height=1.2, bold=bold,
                        scale={0: 0.7} if e["from"] else None)
        page.append({**e, "top": sheet.top + row * sheet.height, "left": sheet.left + col * (sheet.width + sheet.gap),
                     "size": size})
        slot += 1
        if slot == sheet.per_sheet:
            yield {"kind": "sheet", "labels": page}
            page, slot = [], 0
    if page:
        yield {"kind": "sheet", "labels": page}


@dataclass
class Problem:
    """A writer's letter the pack leaves out, and why."""

    line: int | None
    message: str


@dataclass
class Pack:
    """A pack as one HTML document (build_pack)."""

    html: str
    letters: int = 0
    envelopes: int = 0
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    sent: list[tuple[str, str, str]] = field(default_factory=list)  # (case id, recipient, writer) per letter


def build_pack(cases: list, writers: list, to: str = "all", *, paper: str = "a4", envelope: str = "dl",
               lang: str | None = None, date: dt.date | None = None, sender_country: str | None = None,
               embassy_address: list[str] | None = None, fonts: list[dict] | None = None,
               message: str | None = None, message_seen: bool = False) -> Pack:
    """A small pack as one HTML document (the event page prints a letter at a time): the
    same pages as the printed pack's, by the same rules. `fonts` are @font-face rules
    (pack.fonts.font_faces); none: the browser's own. `message_seen`: the message's writer has
    seen what a censor may stop in it, and it is printed as written."""
    day = date or dt.date.today()
    opts = Options(to=to, paper=paper, envelope=envelope, lang=lang, date=day, sender_country=sender_country,
                   embassy_address=embassy_address, message=message, message_seen=message_seen)
    report = Report()
    items = [x for part in layout(cases, writers, opts, report) for x in part.items]
    return Pack(render(Part(items), opts, fonts or [], day), report.letters, report.envelopes,
                [Problem(None, n.message) for n in report.notices if n.code == "left-out"],
                [f"{n.case}: {n.message}" if n.case else n.message for n in report.notices if n.code != "left-out"],
                report.sent)


def render(part: Part, opts: Options, fonts: list[dict], day: dt.date) -> str:
    """One part as an HTML document."""
    return _template().render(items=part.items, fonts=fonts, **page_setup(opts), date=day.isoformat())


def page_setup(opts: Options) -> dict:
    pw, ph = PAPERS[opts.paper]
    ew, eh = ENVELOPES.get(opts.envelope, (0, 0))
    s = opts.sheet
    return {"paper": {"name": opts.paper, "width": pw, "height": ph},
            "envelope": {"name": opts.envelope, "width": ew, "height": eh},
            "sheet": {"name": s.name, "width": s.paper[0], "height": s.paper[1], "label_width": s.width,
                      "label_height": s.height, "margin": LABEL_MARGIN}}


_TEMPLATE: list = []


def _template():
    if not _TEMPLATE:
        from jinja2 import FileSystemLoader, StrictUndefined
        from jinja2.sandbox import SandboxedEnvironment

        from ..resources import data_path

        env = SandboxedEnvironment(loader=FileSystemLoader(str(data_path("pack"))), autoescape=True,
                                   undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
        _TEMPLATE.append(env.get_template("pack.html.j2"))
    return _TEMPLATE[0]

