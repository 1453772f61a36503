"""The pack as one HTML document, built from the API's objects (cases, letters, address blocks)
with the templates in data/pack/. In print order: for each case its card, its letters (writer
by writer, each letter from a new page), then its envelopes or a sheet of labels."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..errors import AppealkitError
from . import ENVELOPES, LABELS, PAPERS


@dataclass
class Problem:
    """A writer's letter the pack leaves out, and why (the CLI names the row)."""

    line: int | None
    message: str


@dataclass
class Pack:
    html: str
    letters: int = 0
    envelopes: int = 0
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    sent: list[tuple[str, str, str]] = field(default_factory=list)  # (case id, recipient, writer) per letter


def build_pack(cases: list, writers: list, to: str = "all", *, paper: str = "a4", envelope: str = "dl",
               lang: str | None = None, date: dt.date | None = None, sender_country: str | None = None,
               embassy_address: list[str] | None = None, fonts: list[dict] | None = None,
               message: str | None = None) -> Pack:
    """The pack for `cases` and `writers` (writers.Writer objects; the letters of a writer
    whose language a case lacks are left out, as a Problem). `envelope` is dl, c5, c6 or labels.
    `fonts` are @font-face rules (pack.fonts.font_faces); none: the browser's own. `message` is a
    personal message in every letter (the event page's volunteer adds one to theirs)."""
    from ..address.format import blocks_for
    from ..letters.compose import SENDER_WARNINGS, compose_letters
    from ..night.assign import assignments

    if paper not in PAPERS:
        raise AppealkitError(f"unknown paper '{paper}'; choose {' or '.join(PAPERS)}", param="paper")
    if envelope not in ENVELOPES and envelope != "labels":
        raise AppealkitError(f"unknown envelope '{envelope}'; choose dl, c5, c6 or labels", param="envelope")
    day = date or dt.date.today()
    pack = Pack("")
    out = []
    for case in cases:
        targets = case.targets(to)
        letters, envelopes = [], []
        if isinstance(case.deadline, dt.date) and case.deadline < day:
            # the card says not to send: its letters and envelopes stay out of the pack
            pack.warnings.append(f"{case.id}: the deadline {case.deadline.isoformat()} has passed: "
                                 "the pack has its card only, no letters or envelopes")
            out.append({"id": case.id, "card": card(case, day), "letters": [], "envelopes": [], "sheets": []})
            continue
        for a in assignments([case], writers, to=to, lang=lang, by="case"):
            w, lg = a.writer, a.language
            if lg is None:
                pack.problems.append(Problem(w.line, a.notice.message if a.notice else ""))
                continue
            country = w.country or sender_country
            try:
                composed = compose_letters(case, to, lang=lg, sender_name=w.name or None,
                                           sender_address=w.address, sender_country=country, date=day,
                                           embassy_address=embassy_address, extra={"writer": w.as_context()},
                                           message=message)
            except AppealkitError as e:
                pack.problems.append(Problem(w.line, f"{case.id}: {e}"))
                continue
            for x in composed:
                letters.append({"to": x.to, "lang": x.language, "writer": w.name, "blocks": text_blocks(x.text)})
                pack.sent.append((case.id, x.to, w.name))
                # the safety note is on the card, the sender's are the run's; the rest is said once per case
                pack.warnings += [f"{case.id}: {m}" for m in x.warnings if not m.startswith("safety:")
                                  and m not in SENDER_WARNINGS and f"{case.id}: {m}" not in pack.warnings]
            blocks = {b.to: b for b in blocks_for(case, to, country, None, "translate", embassy_address)}
            for t in targets:
                b = blocks.get(t)
                if b is None or (t != "person" and case.recipients[t].address is None and not embassy_address):
                    continue  # no postal address, or an embassy the writer must look up
                # the block's own order: Russia's post puts the postcode after the country line
                envelopes.append({"to": b.lines("local"), "country": b.country_line,
                                  "from": _return_address(w, b.country),
                                  "lang": _script_lang(case, b)})
        pack.letters += len(letters)
        pack.envelopes += len(envelopes)
        out.append({"id": case.id, "card": card(case, day), "letters": letters, "envelopes": envelopes,
                    "sheets": _sheets(envelopes) if envelope == "labels" else []})
    pack.html = _render(out, paper, envelope, fonts or [], day)
    return pack


def card(case, day: dt.date) -> dict:
    """What a volunteer needs to know before writing, in the case's language."""
    from ..address.format import blocks_for

    p = case.person
    lang = case.language
    held: list[str] = []
    if p.address is not None:
        held = blocks_for(case, "person")[0].local[1:]
    if case.deadline == "immediately":
        deadline, passed = "Urgent: write now", False
    elif isinstance(case.deadline, dt.date):
        passed = case.deadline < day
        deadline = f"{case.deadline.isoformat()}" + (" (passed: do not send)" if passed else
                                                      f" ({(case.deadline - day).days} days left)")
    else:
        deadline, passed = "none given", False
    return {
        "name": p.name.pick(lang, "en"), "native_name": p.native_name, "born": p.born_year,
        "title": case.title.pick(lang, "en"), "organisation": case.organisation,
        "held": held, "deadline": deadline, "passed": passed,
        "asks": [" ".join(a.pick(lang, "en").split()) for a in case.asks],
        "safety": " ".join(p.safety.pick(lang, "en").split()) if p.safety else None,
        "url": case.url, "qr": qr_svg(case.url) if case.url else None,
    }


def qr_svg(url: str) -> str:
    """The URL as an inline SVG QR code (segno; medium error correction survives a smudge)."""
    try:
        import segno
    except ImportError:
        raise AppealkitError("QR codes need segno: pip install 'appealkit[pack]'") from None
    return segno.make(url, error="m", micro=False).svg_inline(scale=4, border=2, omitsize=True)


def text_blocks(text: str) -> list[dict]:
    """A letter's text as paragraphs (their lines kept) and lists ('- ' items)."""
    out: list[dict] = []
    for chunk in text.strip("\n").split("\n\n"):
        lines = chunk.split("\n")
        if not lines[0].strip():  # the blank lines left for a signature
            out.append({"kind": "gap", "lines": []})
        if not any(x.strip() for x in lines):
            continue
        if all(x.startswith("- ") for x in lines if x.strip()):
            out.append({"kind": "list", "lines": [x[2:] for x in lines if x.strip()]})
        else:
            out.append({"kind": "para", "lines": [x for x in lines if x.strip()]})
    return out


def _return_address(w, dest: str | None) -> list[str]:
    """The writer's name and address, and their country in English capitals when the letter
    crosses a border (UPU practice; a Georgian or Armenian name would need capitals the
    script does not write)."""
    from ..address.countries import country_line

    lines = [x for x in (w.name, *w.address) if x]
    if not lines:
        return []  # no sender given: the volunteer writes it by hand
    if w.country and dest and w.country != dest:
        name = country_line(w.country, None)
        if name and lines[-1].casefold() != name.casefold():
            lines.append(name)
    return lines


def _script_lang(case, block) -> str | None:
    # the lang attribute lets the renderer pick the right glyph forms (Kazakh, Serbian...)
    return case.language if not block.bilingual else None


def _sheets(envelopes: list[dict]) -> list[list[dict]]:
    """Labels placed on A4 sheets of Avery L7163, row by row."""
    per = int(LABELS["columns"] * LABELS["rows"])
    sheets = []
    for start in range(0, len(envelopes), per):
        sheet = []
        for i, e in enumerate(envelopes[start:start + per]):
            row, col = divmod(i, LABELS["columns"])
            sheet.append({**e, "top": LABELS["top"] + row * LABELS["height"],
                          "left": LABELS["left"] + col * (LABELS["width"] + LABELS["gap"])})
        sheets.append(sheet)
    return sheets


def _render(cases: list[dict], paper: str, envelope: str, fonts: list[dict], day: dt.date) -> str:
    from jinja2 import FileSystemLoader, StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    from ..resources import data_path

    env = SandboxedEnvironment(loader=FileSystemLoader(str(data_path("pack"))), autoescape=True,
                               undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    pw, ph = PAPERS[paper]
    ew, eh = ENVELOPES.get(envelope, (0, 0))
    return env.get_template("pack.html.j2").render(
        cases=cases, fonts=fonts, paper={"name": paper, "width": pw, "height": ph},
        envelope={"name": envelope, "width": ew, "height": eh}, labels=LABELS, date=day.isoformat())
