"""Composing letters: whom a run writes to, in which language, from whom; rendered in one of the
formats. The CLI and the Python API both call compose_letters and print what it returns."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field

from ..errors import AppealkitError, CaseError, UsageError

FORMAT_EXTENSIONS = {"text": "txt", "markdown": "md", "html": "html"}
# the sender's warnings, the same on every letter of a run: a run (night.sender) says them once
NO_SENDER = "no sender name or address given: the letters carry placeholders"
NO_SENDER_COUNTRY = ("no sender country given: the letters carry placeholders for your country, "
                     "where you write from and the embassy in it")
SENDER_WARNINGS = (NO_SENDER, NO_SENDER_COUNTRY)
# the case's guidance for support letters, given with each letter to the person
SAFETY = "safety: "


def letter_warnings(warnings) -> list[str]:
    """A letter's own warnings: without the run's sender warnings (said once) and the case's
    safety note (on the card, in a pack or a web page, not beside every letter)."""
    return [m for m in warnings if m not in SENDER_WARNINGS and not m.startswith(SAFETY)]


@dataclass
class Letter:
    """One letter, ready to print: `text` is in the requested format."""

    to: str
    kind: str  # "authority" or "support"
    language: str
    salutation: str
    text: str
    address: list[str]  # the inside address block (Latin), empty for email or fax only
    warnings: list[str] = field(default_factory=list, compare=False, repr=False)
    # a support letter's envelope, as plain text headed "ENVELOPE (not part of the letter)": kept
    # apart from `text`, the page that goes into the envelope ("" where there is none)
    envelope: str = field(default="", compare=False, repr=False)
    # which optional parts the letter has (render.choices): a translation of it follows them
    choices: dict = field(default_factory=dict, compare=False, repr=False)

    def as_dict(self) -> dict:
        d = asdict(self)
        del d["warnings"], d["choices"]
        return d


def compose_letters(case, to: str = "all", *, lang: str | None = None, sender_name: str | None = None,
                    sender_address: list[str] | None = None, sender_country: str | None = None,
                    date: dt.date | None = None, fmt: str = "text", template=None,
                    message: str | None = None, embassy_address: list[str] | None = None,
                    extra: dict | None = None, follow: dict | None = None) -> list[Letter]:
    """The letters of a case for `to` (a recipient id, `person` or `all`), in `lang` (default
    the case's language), signed by the sender, dated `date` (default today), as `fmt`
    (text, markdown or html; html letters are whole pages). `template` is a compiled
    user template (letters.render.load_template); `extra` adds names to its context (a mail
    merge's `writer`). `follow` (a Letter's `choices`) makes a translation of that letter: it
    leaves out what the letter leaves out (a writer's copy). Warnings ride on each Letter."""
    from ..address.checks import address_warnings
    from ..address.format import blocks_for
    from .checks import caution_hits
    from .language import choose
    from .naming import missing_names
    from .render import as_html, as_markdown, choices, context, render
    from .render import follow as follow_choices
    from .sender import Sender
    from .translations import has_template, languages, missing_translations

    if fmt not in FORMAT_EXTENSIONS:
        raise UsageError(f"unknown format '{fmt}'; choose text, markdown or html", param="format")
    day = date or dt.date.today()
    ids = case.targets(to)
    if to == "all":  # a writer in the case's country has no embassy of it to write to
        ids = [t for t in ids if not case.ambassador_at_home(t, sender_country)]
    available = languages()
    chosen = {t: choose(case, t, lang, available) for t in ids}
    for t, (lg, _) in chosen.items():
        kind = "support" if t == "person" else "authority"
        if lg not in available or not has_template(lg, kind):
            have = [x for x in available if has_template(x, kind)]
            raise UsageError(f"no {kind} letter templates in '{lg}'; choose one of {', '.join(have)}", param="lang")
    for lg in dict.fromkeys(lg for lg, _ in chosen.values()):
        targets = [t for t in ids if chosen[t][0] == lg]
        missing = missing_translations(case, lg) if any(t != "person" for t in targets) else []
        names = missing_names(case, targets, lg)
        if missing or names:
            where = names[0][1] if names else ("summary",)
            raise CaseError(f"no '{lg}' text for: {', '.join(missing + [k for k, _ in names])}; give "
                            f"{'each' if len(missing) + len(names) > 1 else 'it'} as a mapping with a '{lg}' entry "
                            f"(name: {{{_other_lang(case, lg)}: ..., {lg}: ...}})", case.positions.at(where))
    sender = Sender(sender_name or None, list(sender_address or []), sender_country)
    common = []
    if not sender.name or not sender.address:
        common.append(NO_SENDER)
    if not sender.country:
        common.append(NO_SENDER_COUNTRY)
    late = []  # the deadline is the appeal's: a support letter to the person is never too late
    if isinstance(case.deadline, dt.date) and day > case.deadline:
        late.append(f"the appeal's deadline was {case.deadline.isoformat()}: a letter dated "
                    f"{day.isoformat()} may come too late; check the appeal is still open")
    out = []
    for t in ids:
        lang, lang_warnings = chosen[t]
        r = case.recipients.get(t)
        by_post = r is None or r.address is not None or r.role == "ambassador"  # else email or fax
        # a letter reads only the Latin lines of an official's block (its own addressee block is built
        # in its own language, render._inside_address): left undeclined, an English letter to a
        # Russian official loads no morphology
        blocks = blocks_for(case, t, sender.country, None, "translate", embassy_address or None,
                            decline=t == "person") if by_post else []
        ctx = context(case, to=t, lang=lang, day=day, sender=sender, blocks=blocks, message=message)
        if follow is not None:
            ctx = follow_choices(ctx, follow)
        # a copy: the cached context stays the same for the next writer; `writer` always exists,
        # so one template serves a mail merge and a single letter
        ctx = {**ctx, "writer": {}, **(extra or {})}
        kind = "support" if t == "person" else "authority"
        try:
            text = render(ctx, kind, lang, template)
        except AppealkitError as e:  # say which letter of a run the template failed on
            raise AppealkitError(f"{e.message} (in the letter to '{t}')", e.where) from None
        if fmt == "markdown":
            text = as_markdown(text)
        elif fmt == "html":
            text = as_html([text], lang, f"{case.id} {t}")
        warnings = list(common) + (late if t != "person" else []) + lang_warnings + ctx["warnings"]
        if by_post:  # what `address` warns of: a Latin block that only approximates, a bad postcode...
            # the same for every writer of a mail merge
            warnings += case.derived.get("address-warnings", (t,), lambda: address_warnings(case, {t}))
        if t == "person":
            if case.person.safety:
                note = case.person.safety.pick(lang, case.language)
                warnings.append(SAFETY + " ".join(note.split()))
            if message:
                hits = caution_hits(message, lang, morphology=True)
                if hits:
                    warnings.extend(f"your message has '{w}', which a prison censor may stop: {why}" for w, why in hits)
        address = blocks[0].lines("latin") if blocks else []
        # a --template of one's own prints what it likes: its context has `envelope` too
        built_in = template is None and has_template(lang, "envelope")
        envelope = render(ctx, "envelope", lang) if ctx["envelope"] and built_in else ""
        out.append(Letter(t, kind, lang, ctx["salutation"], text, address, warnings, envelope, choices(ctx)))
    return out


def _other_lang(case, lang: str) -> str:
    """The language the example mapping in a missing-translation error starts with: the case's
    own, or English where the wanted one is the case's ({ru: ..., en: ...}, never {en: ..., en: ...})."""
    return case.language if case.language and case.language != lang else ("en" if lang != "en" else "ru")
