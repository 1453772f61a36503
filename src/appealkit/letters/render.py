"""Rendering letters. The template context (also for --template FILE):

  lang, date (formatted for the language), urgent (bool), deadline (str or None),
  case: {id, title, organisation, url}, country (destination country name, letter language),
  person: {name, full_name, first_name, pronoun, description, address (lines)},
  recipient: {id, role, name, title, salutation, address (lines)},
  sender: {name, address (lines), country (name in the letter language)},
  salutation, closing, summary, asks (list), copies, message, envelope (lines).

Every value is plain text from the case; Jinja2 runs sandboxed and never evaluates it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..errors import AppealkitError, UsageError, Where
from ..resources import data_path, load_data


@lru_cache(maxsize=None)
def lang_data(lang: str) -> dict:
    return load_data("letters", f"{lang}.yaml")


@lru_cache(maxsize=None)
def _env(autoescape: bool):
    from jinja2 import FileSystemLoader, StrictUndefined
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    return ImmutableSandboxedEnvironment(
        loader=FileSystemLoader(str(data_path("templates"))), autoescape=autoescape,
        keep_trailing_newline=True, undefined=StrictUndefined, trim_blocks=False,
        auto_reload=False,  # package data does not change during a run: no stat per letter
    )


@lru_cache(maxsize=1024)
def _template(lang: str, kind: str):
    return _env(False).get_template(f"{lang}/{kind}.txt.j2")


@dataclass
class UserTemplate:
    """A --template file, read and compiled once for all the letters of a run."""

    path: str
    compiled: Any


def load_template(path: str) -> UserTemplate:
    from jinja2 import TemplateSyntaxError

    try:
        with open(path, encoding="utf-8") as fh:
            source = fh.read()
    except OSError as e:
        raise UsageError(f"cannot read {path}: {e.strerror or e}", param="template") from None
    except UnicodeDecodeError:
        raise UsageError(f"{path} is not UTF-8", param="template") from None
    try:
        return UserTemplate(path, _env(False).from_string(source))
    except TemplateSyntaxError as e:
        raise AppealkitError(f"template error: {e.message}", Where(path, e.lineno)) from None


@lru_cache(maxsize=1024)
def format_date(day: dt.date, lang: str) -> str:
    from babel.dates import format_date as fd

    # CLDR puts narrow no-break spaces in some dates ("2026\u202fг."); letters use plain spaces
    text = fd(day, format="long", locale=lang_data(lang).get("locale", lang))
    return text.replace("\u202f", " ").replace("\u00a0", " ")


def _salutation(case, recipient, lang: str, name: str | None, warnings: list) -> str:
    """The role's form of address for the recipient's gender (pronoun, else read from the name
    in languages that decline); a case's `salutation` in the letter's language wins."""
    if recipient.salutation and recipient.salutation.get(lang):
        return recipient.salutation.get(lang)
    if recipient.salutation and any(v.lower().startswith(("your excellency", "ваше превосходительство"))
                                    for v in recipient.salutation.values.values()):
        return lang_data(lang)["excellency"]  # the case asks for the formal address: in this language
    d = lang_data(lang)["salutations"]
    forms = d.get(recipient.role, d["official"])
    if isinstance(forms, str):
        forms = {"any": forms}
    gender = recipient.pronoun if recipient.pronoun != "they" else None
    if gender is None and name and lang in _grammar_langs():
        from .. import grammar

        gender = {"m": "he", "f": "she"}.get(grammar.gender(name, "they", lang) or "")
    key = gender or ("they" if "they" in forms else None)
    guessed = key is None and "any" not in forms
    text = _fill(forms, "he" if guessed else key, name, lang)
    if guessed:  # the warning quotes what the letter says (a named form may fall back to the title)
        warnings.append(f"recipient '{recipient.id}': {lang_data(lang)['name']} has no neutral form of address "
                        f"for this role; wrote '{text}' (give the recipient a pronoun or a salutation)")
    return text


def _fill(forms: dict, key: str | None, name: str | None, lang: str) -> str:
    """The form of address `key` with the recipient's name put in, or the form for no name."""
    tmpl: str = forms.get(key or "") or forms["any"]
    fallback = forms.get("no_name") or lang_data(lang)["salutation_no_name"]
    if "{name}" in tmpl:  # English "they": "Dear Alex Morgan,"
        return tmpl.replace("{name}", name) if name else fallback
    if "{surname}" in tmpl:
        if not name:
            return fallback
        surname = name.split()[-1]
        if lang in _grammar_langs():
            from .. import grammar

            surname = grammar.name_parts(name, lang)[0]
        return tmpl.replace("{surname}", surname)
    if "{given}" in tmpl:  # «Уважаемый Игорь Викторович!», «Шановний Дмитре Валерійовичу!»
        from .. import grammar

        parts = grammar.name_parts(name, lang) if name else ("", "", "")
        if not name or not parts[1] or not parts[2]:
            return fallback
        return tmpl.replace("{given}", grammar.address_form(name, lang))
    return tmpl


def _official_letters(lang: str) -> bool:
    from .translations import has_template

    return has_template(lang, "authority")


def _grammar_langs() -> tuple[str, ...]:
    from .naming import GRAMMAR_LANGS

    return GRAMMAR_LANGS


def context(case, *, to: str, lang: str, day: dt.date, sender, blocks, message: str | None = None) -> dict:
    """The template context (see the module docstring); built once per case, recipient,
    language, date, sender and message in a run."""
    key = (to, lang, day, sender.name, tuple(sender.address), sender.country, message,
           tuple(b.text() for b in blocks))
    return case.derived.get("context", key, lambda: _context(case, to, lang, day, sender, blocks, message))


URGENT_DAYS = 14  # a deadline this close makes a letter say it is urgent


def _context(case, to, lang, day, sender, blocks, message) -> dict:
    from .naming import country_case, country_in_text, declined, person_name, state_case, with_preposition

    d = lang_data(lang)
    ph = d["placeholders"]
    warnings: list[str] = []
    deadline = case.deadline
    urgent = deadline == "immediately" or (
        isinstance(deadline, dt.date) and day <= deadline and (deadline - day).days <= URGENT_DAYS)
    names = person_name(case, lang)
    assert names is not None  # compose_letters refused the letter otherwise
    name, full = names
    p = case.person
    pforms = p.forms.get(lang) if p.forms else None
    surname_first = full != name  # the native form, surname first
    person = {"name": name, "full_name": full, "first_name": _first_name(name, lang),
              "pronoun": p.pronoun, "born": p.born_year, "description": None, "address": [],
              "forms": declined(name, p.pronoun, lang, pforms, False if surname_first else None),
              "full_forms": declined(full, p.pronoun, lang, pforms, True if surname_first else None)}

    def t(text):  # the case's text in `lang` as one paragraph (folded YAML keeps a final newline)
        v = text.get(lang) if text is not None else None
        return " ".join(v.split()) if v is not None else None

    person["description"] = t(p.description)
    if p.pronoun == "they" and lang in _grammar_langs():
        from .. import grammar

        if grammar.gender(full, "they", lang) is None:
            warnings.append(f"person.pronoun is 'they': {lang_data(lang)['name']} declines names by gender, "
                            f"and '{full}' does not show it; check the forms of the name, or give he or she")
    if sender.country:
        origin = country_in_text(sender.country, lang, d)
        origin_from = with_preposition(d["from"], country_case(sender.country, "gen", lang, d), lang)
    else:
        origin, origin_from = ph["country"], ph["from_country"]
    ctx = {
        "lang": lang, "date": format_date(day, lang), "urgent": urgent,
        "deadline": deadline.isoformat() if isinstance(deadline, dt.date) else deadline,
        "case": {"id": case.id, "title": t(case.title), "organisation": case.organisation, "url": case.url},
        "person": person,
        "sender": {"name": sender.name or ph["name"],
                   "address": _return_address(sender, _case_country(case), lang) or [ph["address"]],
                   "country": origin, "from": origin_from,
                   # a name in another script stays out of the running text (the signature has it)
                   "name_in_text": bool(sender.name) and _in_script(sender.name, lang)},
        "summary": t(case.summary), "asks": [t(a) for a in case.asks],
        "copies": _copies(case, to, lang, t, sender.country),
        "message": message, "closing": d["closing"], "country": None, "country_gen": None,
        "envelope": [], "addressee": None, "reply": d.get("reply"), "warnings": warnings,
    }
    if to == "person":
        ctx["salutation"] = ""
        ctx["closing"] = d["support_closing"]
        ctx["addressee"] = _person_addressee(case, lang, full, surname_first, pforms)
        block = blocks[0] if blocks else None
        if block and lang in _grammar_langs():
            ctx["person"]["address"] = block.local[1:]
            ctx["envelope"] = [ctx["addressee"]] + block.lines("local")[1:]
        elif block:  # the block as the address command prints it, local script and Latin
            ctx["person"]["address"] = block.local[1:]
            ctx["envelope"] = block.lines()
            local = _prison_addressee(case, block)
            if local and block.bilingual:  # the prison's own form heads the local block
                ctx["envelope"] = [local] + ctx["envelope"][1:]
        ctx["recipient"] = None
        return ctx
    r = case.recipients[to]
    rname, rtitle = t(r.name), t(r.title)
    inside = _inside_address(case, r, lang, blocks, rname, rtitle, d, sender)
    ctx["recipient"] = {"id": r.id, "role": r.role, "name": rname, "title": rtitle, "pronoun": r.pronoun,
                        "salutation": t(r.salutation), "address": inside}
    ctx["salutation"] = _salutation(case, r, lang, rname, warnings)
    dest = r.address.country if r.address else _case_country(case)
    if dest:
        ctx["country"] = country_in_text(dest, lang, d)
        ctx["country_gen"] = state_case(dest, "gen", lang, d)
    return ctx


def _in_script(s: str, lang: str) -> bool:
    from .naming import written_in

    return lang not in _grammar_langs() or any(written_in(s, x) for x in _grammar_langs())


def _first_name(name: str, lang: str) -> str:
    first = name.split()[0]
    if lang == "uk":  # Ukrainian addresses a person in the vocative: «Добрий день, Дмитре!»
        from ..grammar import _morph

        for p in _morph.analyzer("uk").parse(first):
            if "Name" in p.tag and p.tag.case == "nomn":
                f = p.inflect({"voct"})
                return f.word.capitalize() if f else first
    return first


def _person_addressee(case, lang, full, surname_first, pforms) -> str:
    """The person as the prison names them: surname, given name, patronymic, in the dative where
    the language declines, with the year of birth («Алиеву Тимуру Руслановичу, 1983 г. р.»)."""
    p = case.person
    name = full
    if lang in _grammar_langs():
        from .. import grammar

        if not surname_first:
            name = grammar.surname_first(full, lang)
        name = grammar.dative_full_name(name, p.pronoun, lang, pforms)
    year = p.born_year
    return f"{name}, {lang_data(lang)['born'].format(year)}" if year and lang_data(lang).get("born") else name


def _prison_addressee(case, block) -> str | None:
    """For a letter in a language the prison does not decline in: the person as the prison
    names them, in its own language («Атабеку Арону»), when the case has the name in it."""
    from ..translit.detect import detect_language
    from .naming import person_name

    plang = detect_language(" ".join(block.local[1:]), block.country)
    if plang not in _grammar_langs():
        return None
    names = person_name(case, plang)
    if names is None:
        return None
    return _person_addressee(case, plang, names[1], names[1] != names[0], case.person.forms.get(plang))


def _inside_address(case, r, lang, blocks, rname, rtitle, d, sender) -> list[str]:
    """The addressee block. In languages that decline, official style (ГОСТ Р 7.0.97-2016): the
    title and the initials and surname in the dative, then the address as the destination's
    post writes it; elsewhere the Latin block."""
    if lang not in _grammar_langs():
        if blocks:
            return blocks[0].lines("latin")
        names = [x for x in (rtitle, rname) if x]
        return names + [d["by"][k].format(getattr(r, k)) for k in ("email", "fax") if getattr(r, k)]
    from .. import grammar

    head = grammar.dative_official(rtitle or d["roles"].get(r.role), rname, r.pronoun, lang,
                                   r.forms.get(lang) if r.forms else None)
    if r.address is None and r.role == "ambassador":
        if sender.country and head and " в " not in head[0] and " у " not in head[0]:
            from .naming import country_case, with_preposition

            head[0] += " " + with_preposition(d["in"], country_case(sender.country, "loc", lang, d), lang)
        rest = blocks[0].local[1:] if blocks else []
        return head + [d["placeholders"]["embassy"] if x.startswith("[") else x for x in rest]
    if r.address is None:
        return head + [d["by"][k].format(getattr(r, k)) for k in ("email", "fax") if getattr(r, k)]
    from ..address.format import format_address

    block = format_address(r.address, [], [], r.id, sender.country)
    lines = block.lines("local")
    if head and lines and head[0].endswith(" " + lines[0]):  # «Начальнику ФКУ ИК-6 …» names the institution
        lines = lines[1:]
    return head + lines


def _copies(case, to, lang, t, sender_country) -> str | None:
    """The copy line: texts as written, recipients by title and name, the embassy named for the
    writer's country; never the letter's own addressee."""
    from .naming import country_case, state_case, with_preposition

    d = lang_data(lang)
    out = []
    own = case.recipients.get(to)
    for c in case.copies:
        if c.kind == "text":
            out.append(t(c.text))
        elif c.kind == "recipient":
            if c.recipient == to:
                continue
            r = case.recipients[c.recipient]
            name = t(r.name)
            if lang in _grammar_langs() and _official_letters(lang) and (name or t(r.title)):
                # official style copies in the dative: «Генеральному прокурору Российской Федерации А. В. Гуцану»
                # (a language with no letters to officials, Belarusian, has no official forms either)
                from .. import grammar

                out.append(" ".join(grammar.dative_official(t(r.title), name, r.pronoun, lang,
                                                            r.forms.get(lang))))
            elif name and t(r.title) and d.get("copy"):  # English: name first
                out.append(d["copy"].format(name=name, title=t(r.title)))
            else:
                out.append(", ".join(x for x in (t(r.title), name) if x))
        else:
            if own is not None and own.role == "ambassador":
                continue  # the ambassador's own embassy
            dest = _case_country(case)
            if dest is None or dest == sender_country:
                continue  # no embassy of one's own country at home
            where = (with_preposition(d["in"], country_case(sender_country, "loc", lang, d), lang)
                     if sender_country else d["placeholders"]["in_country"])
            out.append(d["embassy"].format(state=state_case(dest, "gen", lang, d), where=where))
    return "; ".join(x for x in out if x) or None


def _return_address(sender, dest: str | None, lang: str) -> list[str]:
    """The writer's address; for mail abroad, ending in the writer's country (in capitals, in the
    letter's language, which the destination's post and a reply can read), unless a line names
    it already."""
    lines = list(sender.address)
    if not lines or not sender.country or sender.country == dest:
        return lines
    from babel.languages import get_official_languages

    from ..address.countries import country_name

    # the names a writer may have typed: in English, in the letter's language, in their own
    own = country_name(sender.country, lang)
    known = {sender.country.casefold(), own.casefold()}
    for lg in ("en", *get_official_languages(sender.country, de_facto=True)):
        known.add(country_name(sender.country, lg).casefold())
    known |= {"uk", "great britain", "usa", "us", "united states of america"} if sender.country in ("GB", "US") else set()
    if any(x.strip(" ,.").casefold() in known for x in lines[-2:]):
        return lines
    return lines + [own.upper()]


def _case_country(case) -> str | None:
    """The country the appeal is about: the first recipient's address, else the person's."""
    for a in case.addresses():
        return a.country
    return None


def render(ctx: dict, kind: str, lang: str, template: UserTemplate | None = None) -> str:
    from jinja2 import TemplateError, TemplateSyntaxError

    try:
        text = (template.compiled if template else _template(lang, kind)).render(ctx)
    except TemplateSyntaxError as e:
        raise AppealkitError(f"template error: {e.message}", Where(e.filename, e.lineno)) from None
    except TemplateError as e:  # undefined names, sandbox refusals and the rest
        raise AppealkitError(f"template error: {e}", Where(template.path if template else f"{lang}/{kind}.txt.j2")) from None
    if template:
        return _tidy(text)
    # the built-in templates leave no stray spaces or blank runs (the goldens hold them to it);
    # only the end needs evening out
    return text if text.endswith("\n") and not text.endswith("\n\n") else text.rstrip("\n") + "\n"


_TRAILING_SPACE = re.compile(r"[ \t]+\n")
_BLANK_RUN = re.compile(r"\n{4,}")


def _tidy(text: str) -> str:
    """Drop trailing spaces, collapse runs of blank lines left by optional parts (two blank
    lines at most: the signature gap); end with one newline."""
    text = text.rstrip() + "\n"
    if " \n" in text or "\t\n" in text:
        text = _TRAILING_SPACE.sub("\n", text)
    if "\n\n\n\n" in text:
        text = _BLANK_RUN.sub("\n\n\n", text)
    return text


# ---------------------------------------------------------------- formats

def paragraphs(text: str) -> list[dict]:
    """The letter as blocks: paragraphs (lines) and lists ('- ' items)."""
    blocks: list[dict] = []
    for chunk in text.strip("\n").split("\n\n"):
        lines = [x for x in chunk.split("\n") if x.strip()]
        if not lines:
            continue
        if all(x.startswith("- ") for x in lines):
            blocks.append({"kind": "list", "lines": [x[2:] for x in lines]})
        else:
            blocks.append({"kind": "para", "lines": lines})
    return blocks


def as_markdown(text: str) -> str:
    """Markdown keeps the text; address and signature lines get hard breaks."""
    out = []
    for b in paragraphs(text):
        if b["kind"] == "list":
            out.append("\n".join("- " + _md_escape(x) for x in b["lines"]))
        else:
            out.append("  \n".join(_md_escape(x) for x in b["lines"]))
    return "\n\n".join(out) + "\n"


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|])")
_MD_ORDERED = re.compile(r"^(\d+)\. ")


def _md_escape(s: str) -> str:
    return _MD_ORDERED.sub(r"\1\\. ", _MD_SPECIAL.sub(r"\\\1", s))


def as_html(texts: list[str], lang: str, title: str) -> str:
    env = _env(True)
    return env.get_template("letter.html.j2").render(
        letters=[paragraphs(t) for t in texts], lang=lang, title=title)
