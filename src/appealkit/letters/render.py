"""Rendering letters. The template context (also for --template FILE):

  lang, date (formatted for the language), urgent (bool), deadline (str or None),
  case: {id, title, organisation, url}, country (destination country name, letter language),
  person: {name, full_name, first_name, pronoun, description, address (lines)},
  recipient: {id, role, name, title, salutation, address (lines)},
  sender: {name, address (lines), country (name in the letter language)},
  salutation, closing, summary, asks (list), copies, message, envelope (lines),
  addressee (the person's registered line), addressee_lang (its language: ru in a Belarusian
  letter to a prison that registers the Russian name), addressee_label (its «Кому», in that
  language), reply (the ask to reply in block letters).

A support letter's conditionals are its `CHOICES`; a writer's copy makes the letter's (`follow`).

Every value is plain text from the case; Jinja2 runs sandboxed and never evaluates it.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any

from ..errors import AppealkitError, Where
from ..records import Record
from ..resources import data_path
from .layout import letter_blocks, right_block, signature_line
from .translations import lang_data


@lru_cache(maxsize=None)
def _env(autoescape: bool):
    from jinja2 import FileSystemLoader, StrictUndefined
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    env = ImmutableSandboxedEnvironment(
        loader=FileSystemLoader(str(data_path("templates"))), autoescape=autoescape,
        keep_trailing_newline=True, undefined=StrictUndefined, trim_blocks=False,
        auto_reload=False,  # package data does not change during a run: no stat per letter
    )
    env.filters["with_article"] = _with_article  # English apposition: "Timur Aliyev, an engineer"
    return env


def environment(autoescape: bool):
    """The letters' Jinja2 environment (sandboxed, strict undefined); the event page's templates
    are rendered in it, through a loader of their own (Environment.overlay)."""
    return _env(autoescape)


@lru_cache(maxsize=1024)
def _template(lang: str, kind: str):
    return _env(False).get_template(f"{lang}/{kind}.txt.j2")


class UserTemplate(Record):
    """A --template file, read and compiled once for all the letters of a run."""

    path: str
    compiled: Any


def load_template(path: str) -> UserTemplate:
    """A user's template, read and compiled in a sandbox with limits (letters.limits)."""
    from jinja2 import TemplateSyntaxError

    from . import limits

    source = limits.read_source(path)
    try:
        return UserTemplate(path, limits.environment().from_string(source))
    except TemplateSyntaxError as e:
        raise AppealkitError(f"template error: {e.message}", Where(path, e.lineno)) from None
    except (RecursionError, MemoryError):  # nesting deeper than the compiler can follow
        raise AppealkitError("template error: the template nests too deeply", Where(path)) from None


@lru_cache(maxsize=1024)
def format_date(day: dt.date, lang: str) -> str:
    from babel.dates import format_date as fd

    # CLDR puts narrow no-break spaces in some dates ("2026\u202fг."); letters use plain spaces
    text = fd(day, format="long", locale=lang_data(lang).get("locale", lang))
    return text.replace("\u202f", " ").replace("\u00a0", " ")


def _salutation(case, recipient, lang: str, name: str | None, title: str | None, warnings: list) -> str:
    """The form of address. A case's `salutation` in the letter's language wins. Russian and
    Ukrainian follow one rule for every recipient: by name and patronymic where the case gives
    them («Уважаемая Марина Сергеевна!»), else by the recipient's own office («Уважаемый
    господин Прокурор!» for a city prosecutor); English by role, the title's office first."""
    if recipient.salutation and recipient.salutation.get(lang):
        return recipient.salutation.get(lang)
    if recipient.salutation and any(v.lower().startswith(("your excellency", "ваше превосходительство"))
                                    for v in recipient.salutation.values.values()):
        return lang_data(lang)["excellency"]  # the case asks for the formal address: in this language
    d = lang_data(lang)
    if "by_name" in d["salutations"]:
        return _official_salutation(recipient, lang, name, title, warnings)
    for words, text in d.get("titles", []):  # English: the office the title names
        if title and words.casefold() in title.casefold():
            return text
    forms = d["salutations"].get(recipient.role, d["salutations"]["official"])
    if isinstance(forms, str):
        forms = {"any": forms}
    key = recipient.pronoun if recipient.pronoun != "they" else None
    key = key or ("they" if "they" in forms else None)
    guessed = key is None and "any" not in forms
    text = _fill(forms, "he" if guessed else key, name, lang)
    if guessed:  # the warning quotes what the letter says (a named form may fall back to the title)
        warnings.append(f"recipient '{recipient.id}': {d['name']} has no neutral form of address "
                        f"for this role; wrote '{text}' (give the recipient a pronoun or a salutation)")
    return text


def _official_salutation(recipient, lang: str, name: str | None, title: str | None, warnings: list) -> str:
    from .. import grammar

    d = lang_data(lang)
    sal = d["salutations"]
    gender = recipient.pronoun if recipient.pronoun != "they" else None
    if gender is None and name:
        gender = {"m": "he", "f": "she"}.get(grammar.gender(name, "they", lang) or "")
    if name:
        _, given, patronymic = grammar.name_parts(name, lang)
        if given and patronymic and gender:
            return sal["by_name"][gender].replace("{given}", grammar.address_form(name, lang))
    own = sal.get(recipient.role, {})
    if "any" in own:
        return own["any"]
    if gender is None and "they" in own:
        return own["they"]
    office = _office(title or d["roles"].get(recipient.role), lang)
    if office is None:
        return d["salutation_no_name"]
    if gender is None:  # an office is greeted in the masculine where nothing tells the gender
        gender = "he"
        text = sal["by_title"]["he"].replace("{title}", office[0])
        warnings.append(f"recipient '{recipient.id}': {d['name']} has no neutral form of address "
                        f"for this role; wrote '{text}' (give the recipient a pronoun or a salutation)")
    return sal["by_title"][gender].replace("{title}", office[0 if gender == "he" else -1])


def _office(title: str | None, lang: str) -> list[str] | None:
    """The office a title salutation names: (form for he, form for she) from the language's
    `titles`, matched at the start of the title; None where none matches."""
    if not title:
        return None
    for row in lang_data(lang).get("titles", []):
        if title.casefold().startswith(row[0].casefold()):
            return row[1:]
    return None


def _fill(forms: dict, key: str | None, name: str | None, lang: str) -> str:
    """The form of address `key` with the recipient's name put in, or the form for no name."""
    tmpl: str = forms.get(key or "") or forms["any"]
    fallback = forms.get("no_name") or lang_data(lang)["salutation_no_name"]
    if "{name}" in tmpl:  # English "they": "Dear Alex Morgan,"
        return tmpl.replace("{name}", name) if name else fallback
    if "{surname}" in tmpl:
        if not name:
            return fallback
        return tmpl.replace("{surname}", name.split()[-1])
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
    from ..address.addressee import return_address
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
    person = {"name": name, "full_name": full, "first_name": _first_name(name, lang, p.address.country if p.address else None, full),
              "pronoun": p.pronoun, "born": p.born_year, "description": None, "address": [],
              "forms": declined(name, p.pronoun, lang, pforms, False if surname_first else None),
              "full_forms": declined(full, p.pronoun, lang, pforms, True if surname_first else None)}

    def t(text):  # the case's text in `lang` as one paragraph (folded YAML keeps a final newline)
        v = text.get(lang) if text is not None else None
        return " ".join(v.split()) if v is not None else None

    person["description"] = t(p.description)
    if not surname_first:
        _warn_order(name, "person.name", lang, warnings)
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
                   "address": return_address(None, sender.address, sender.country, _destination(case, to, sender), lang)
                   or [ph["address"]],
                   # an official of the writer's own country is not told where the letter comes from
                   "country": origin, "from": "" if _at_home(case, to, sender) else origin_from,
                   # a name in another script stays out of the running text (the signature has it)
                   "name_in_text": bool(sender.name) and _in_script(sender.name, lang)},
        "summary": t(case.summary), "asks": _asks([t(a) for a in case.asks], lang),
        "copies": None, "copies_list": [],
        "message": message, "closing": d["closing"], "country": None, "country_gen": None,
        "envelope": [], "envelope_from": [], "addressee": None, "reply": d.get("reply"), "warnings": warnings,
        # the person is held where letters reach them (a disappeared person is not "treated in prison")
        "held": p.address is not None and getattr(p, "status", "held") in ("held", "in-transit", "address-unconfirmed"),
    }
    if person["description"] and (_repeats(person["description"], ctx["summary"])
                                  or (lang in _grammar_langs() and _opens_with(person["description"], ctx["summary"]))):
        person["description"] = None  # «Поэт Павел Орлов …» in the summary says it already
    ctx["copies_list"] = _copies(case, to, lang, t, sender.country, warnings)
    ctx["copies"] = "; ".join(ctx["copies_list"]) or None
    ctx["layout"] = {"addressee": [], "sender": right_block(_sender_lines(ctx["sender"], d, lang)),
                     "signature": signature_line(ctx["date"], ctx["sender"]["name"])}
    if to == "person":
        ctx["salutation"] = ""
        ctx["closing"] = d["support_closing"]
        block = blocks[0] if blocks else None
        # «Кому»: the person as the prison registers them (native_name with the patronymic, in the
        # dative where the destination's post writes it, the year of birth), built once for the
        # envelope and the letter (address.addressee); an English letter names them in English
        ctx["addressee"] = block.local[0] if block and lang in _grammar_langs() else full
        # the block's own language: a Belarusian letter to a prison that registers the Russian name
        # writes the block wholly in Russian («Кому: Шолоху Алесю Викторовичу, 1971 г. р.»), on the
        # envelope and atop the letter alike, never a Belarusian label on a Russian name
        ctx["addressee_lang"] = block_language(ctx["addressee"], lang, block.country if block else None)
        ctx["addressee_label"] = _block_label("addressee_label", ctx["addressee_lang"], lang)
        # the envelope speaks one language: «От кого» and the writer's country line in the block's
        ctx["sender_label"] = _block_label("sender_label", ctx["addressee_lang"], lang)
        ctx["envelope_from"] = ctx["sender"]["address"] if ctx["addressee_lang"] == lang or not sender.address else \
            return_address(None, sender.address, sender.country, _destination(case, to, sender), ctx["addressee_lang"])
        if block:
            ctx["person"]["address"] = block.local[1:]
            # the block as the address command prints it: local script, and Latin where it differs
            ctx["envelope"] = block.lines("local") if lang in _grammar_langs() else block.lines()
        ctx["recipient"] = None
        return ctx
    r = case.recipients[to]
    ctx["asks"] = _official_asks(ctx["asks"], lang, warnings)
    rname, rtitle = t(r.name), t(r.title)
    if rname:
        _warn_order(rname, f"recipients.{r.id}.name", lang, warnings)
    inside = _inside_address(case, r, lang, blocks, rname, rtitle, d, sender)
    ctx["recipient"] = {"id": r.id, "role": r.role, "name": rname, "title": rtitle, "pronoun": r.pronoun,
                        "salutation": t(r.salutation), "address": inside}
    ctx["layout"]["addressee"] = right_block(inside)
    ctx["salutation"] = _salutation(case, r, lang, rname, rtitle, warnings)
    dest = r.address.country if r.address else case.country
    if dest:
        ctx["country"] = country_in_text(dest, lang, d)
        ctx["country_gen"] = state_case(dest, "gen", lang, d)
    return ctx


def _block_label(key: str, block_lang: str, lang: str) -> str:
    """The envelope's «Кому» or «От кого» in the language of the address block it stands on (a
    Belarusian letter to a Russian prison: «Кому … От кого», not «Каму … Ад каго»)."""
    from .translations import languages

    return lang_data(block_lang if block_lang in languages() else lang)[key]


# what a support letter chooses to say, each a conditional of the support templates (a test holds
# every language's to these): a writer's copy makes the letter's choices, so that it translates
# the letter sent, no more and no less
CHOICES = ("sender.from", "sender.name_in_text", "message", "reply")


def choices(ctx: dict) -> dict[str, bool]:
    """The letter's choices (`CHOICES`): which of its optional parts it has."""
    def value(path: str):
        v: Any = ctx
        for k in path.split("."):
            v = v.get(k) if isinstance(v, dict) else None
        return v

    return {path: bool(value(path)) for path in CHOICES}


def follow(ctx: dict, chosen: dict[str, bool]) -> dict:
    """`ctx` (a copy) making the choices of the letter it translates: a part the letter leaves
    out is left out; a flag the letter sets is set (the copy names the writer where the letter
    does, in whatever script)."""
    out = dict(ctx)
    for path, on in chosen.items():
        *parents, last = path.split(".")
        d = out
        for k in parents:
            inner = dict(d[k])
            d[k] = inner
            d = inner
        if not on:
            d[last] = None
        elif isinstance(d[last], bool):
            d[last] = True
    return out


def block_language(line: str, lang: str, country: str | None) -> str:
    """The language a support letter's addressee line is written in: the letter's, unless the
    prison registers the name in another (a Belarusian letter, a Russian name). The envelope
    is written wholly in it, here and in the pack."""
    from .naming import written_in

    if lang not in _grammar_langs() or written_in(line, lang, country):
        return lang
    from ..translit.detect import detect_language

    return detect_language(line, country) or lang


def _warn_order(name: str, where: str, lang: str, warnings: list) -> None:
    if lang in ("ru", "uk"):
        from .. import grammar

        if grammar.order_unclear(name, lang):
            warnings.append(f"{where}: '{name}' does not show which word is the surname; the letter reads it "
                            "given name first, surname last (write it so, or give the full name with the patronymic)")


def _in_script(s: str, lang: str) -> bool:
    from .naming import written_in

    return lang not in _grammar_langs() or any(written_in(s, x) for x in _grammar_langs())


# where names are written family name first and people are called by the last word
# (Vietnamese: Phạm Đoan Trang is "Trang")
GIVEN_LAST = ("VN",)


def _first_name(name: str, lang: str, country: str | None = None, full: str | None = None) -> str:
    """The given name a support letter greets the person by, in whichever order the case writes
    the name («Шолох Алесь» and «Алесь Шолох» both give «Алесь»)."""
    first = name.split()[-1 if country in GIVEN_LAST and lang == "en" else 0]
    if lang in _grammar_langs() and len(name.split()) > 1:
        from .. import grammar

        registered = full.split() if full else []
        if len(registered) > 2 and registered[1] in name.split():
            first = registered[1]  # the registered name, surname first, says which word is given
        elif not grammar.order_unclear(name, lang):  # else given name first, as the warning says
            first = grammar.name_parts(name, lang)[1] or first
    if lang == "uk":  # Ukrainian addresses a person in the vocative: «Добрий день, Дмитре!»
        from ..grammar import _morph

        for p in _morph.analyzer("uk").parse(first):
            if "Name" in p.tag and p.tag.case == "nomn":
                f = p.inflect({"voct"})
                return f.word.capitalize() if f else first
    return first


def _inside_address(case, r, lang, blocks, rname, rtitle, d, sender) -> list[str]:
    """The letter's own addressee block, not the envelope's: no country line where the letter is
    in the destination's language, else the country in the letter's language. In languages that
    decline, official style (ГОСТ Р 7.0.97-2016, ДСТУ 4163): the title and the initials and
    surname in the dative, then the address as the destination's post writes it, as the envelope
    has them (address.addressee.official_addressee)."""
    from ..address.countries import country_name, upper
    from ..address.format import format_address

    dest = r.address.country if r.address else None
    abroad = [] if dest is None or _official_in(lang, dest) else [upper(country_name(dest, lang), lang)]
    if lang not in _grammar_langs():
        if r.address is None and not blocks:
            lines = [x for x in (rtitle, rname) if x]
            return lines + [d["by"][k].format(getattr(r, k)) for k in ("email", "fax") if getattr(r, k)]
        lines = list(blocks[0].latin) if blocks else []
        if r.address is None and rname and rtitle and rtitle not in lines:
            lines.insert(1, rtitle)  # a named ambassador: "H.E. Name", then the title
        return lines + abroad
    from ..address.addressee import official_addressee, official_head

    head = official_head(r, lang)
    if r.address is None and r.role == "ambassador":
        if sender.country and head and " в " not in head[0] and " у " not in head[0]:
            from .naming import country_case, with_preposition

            head[0] += " " + with_preposition(d["in"], country_case(sender.country, "loc", lang, d), lang,
                                              after=head[0].split()[-1])
        rest = blocks[0].local[1:] if blocks else []
        return head + [d["placeholders"]["embassy"] if x.startswith("[") else x for x in rest]
    if r.address is None:
        return head + [d["by"][k].format(getattr(r, k)) for k in ("email", "fax") if getattr(r, k)]
    # the envelope's addressee and address lines (address.format.official_lines), the addressee
    # on top whatever the layout, as domestic mail: no country line
    head, lines = official_addressee(r, lang, list(r.address.lines))
    return head + format_address(r.address, [], [], r.id, dest, official=([], lines)).lines("local") + abroad


@lru_cache(maxsize=None)
def _official_in(lang: str, country: str) -> bool:
    """Whether `lang` is an official language of `country` (Russian in Kazakhstan)."""
    from babel.languages import get_official_languages

    return lang in get_official_languages(country, de_facto=True)


def _sender_lines(sender: dict, d: dict, lang: str) -> list[str]:
    """The writer's details at the top right of an official letter: «от Анны Смит» where the
    language puts a preposition and the name declines safely (grammar.safe_case), else the name
    alone, as Ukrainian writes it («Anna Smith», «Саша Ким»); then the address."""
    name = sender["name"]
    if d.get("sender_from"):
        from .. import grammar

        gen = grammar.safe_case(name, "gen", lang) if lang in _grammar_langs() else None
        if gen is not None:
            name = d["sender_from"].format(gen)
    return [name, *sender["address"]]


def _repeats(description: str, summary: str | None) -> bool:
    """Whether the summary already says all the description does: each of its words of four
    letters or more, in any form («поэт» in «Поэт Павел Орлов …»; "poet, journalist" is not
    said by "The poet …")."""
    if not summary:
        return False
    said = re.findall(r"\w+", summary.casefold())
    words = [w for w in re.findall(r"\w+", description.casefold()) if len(w) >= 4]
    return bool(words) and all(any(x.startswith(w[: max(4, len(w) - 3)]) for x in said) for w in words)


def _opens_with(description: str, summary: str | None) -> bool:
    """Whether the summary opens with a word of the description in any form («Переводчика
    Эльчина Гусейнли …» after «переводчик поэзии», «Журналістку Ірину …» after «місцева
    журналістка»): the description would say the same thing twice, a sentence apart."""
    first = re.match(r"\w+", (summary or "").casefold())
    if not first:
        return False
    return any(first.group().startswith(w[: max(4, len(w) - 3)])
               for w in re.findall(r"\w+", description.casefold()) if len(w) >= 4)


def _with_article(description: str) -> str:
    """English apposition takes an article: "Aigun Mamedova-Levina, a pharmacist" (a description
    that starts with one, a possessive or a capital stays as written)."""
    first = description.split()[0]
    if first[:1].isupper() or re.match(r"(a|an|the|one|his|her|their|its)$", first, re.I):
        return description
    vowel = re.match(r"[aeiou]", first, re.I) and not re.match(r"(uni|use|usu|eu|one)", first, re.I)
    return ("an " if vowel or first.lower().startswith(("hour", "honest", "heir")) else "a ") + description


_SENTENCE_INSIDE = re.compile(r"[.!?]\s+\S")


def _asks(asks: list, lang: str) -> list:
    """Asks as a list after «прошу Вас:»: in Russian and Ukrainian each item starts in lower case
    and ends with a semicolon, the last with a full stop (Rosenthal, «Справочник», on lists;
    Правопис 2019); items of several sentences, and English ones, stay as written."""
    if lang not in ("ru", "uk") or any(a is None or _SENTENCE_INSIDE.search(a.rstrip(" .")) for a in asks):
        return asks
    out = []
    for i, a in enumerate(asks):
        a = a.rstrip(" .;") or a
        if a.split() and _common_word(a.split()[0], lang):
            a = a[0].lower() + a[1:]
        out.append(a + ("." if i == len(asks) - 1 else ";"))
    return out


def _official_asks(asks: list, lang: str, warnings: list) -> list:
    """The asks an official can carry out: those a case puts to its supporters («Написать Алесю
    Шолоху», "Write to him"; the language's `supporter_asks`) stay out, with a warning."""
    starts = tuple(w.casefold() for w in lang_data(lang).get("supporter_asks", []))
    keep = []
    for a in asks:
        words = " ".join(re.findall(r"\w+", (a or "").casefold()))
        if starts and any(words == w or words.startswith(w + " ") for w in starts):
            warnings.append(f"asks: '{a}' is for supporters, not for an official; left out of the letters to officials")
        else:
            keep.append(a)
    if len(keep) < len(asks) and lang in ("ru", "uk"):  # the last item left ends the list with a full stop
        keep = _asks([a.rstrip(";.") if a else a for a in keep], lang)
    return keep


def _common_word(word: str, lang: str) -> bool:
    """A capitalised first word that is not a name, an abbreviation or a place («Освободить»,
    not «Тимура», «ООН», «Москве»)."""
    if len(word) < 2 or not word[1:].islower():
        return False
    from ..grammar._morph import analyzer

    parses = analyzer(lang).parse(word)
    return bool(parses) and not parses[0].tag.grammemes & {"Name", "Surn", "Patr", "Geox", "Orgn", "Abbr"}


def _copies(case, to, lang, t, sender_country, warnings: list) -> list[str]:
    """The copy lines: texts as written, one copy for each part between semicolons (in Russian
    and Ukrainian in the dative, a nominative declined with a warning), recipients by title and
    name, the embassy named for the writer's country; never the letter's own addressee, and never
    an embassy «in your country» for that country's own officials or ambassador."""
    from .checks import IN_YOUR_COUNTRY

    d = lang_data(lang)
    out = []
    own = case.recipients.get(to)
    official = lang in _grammar_langs() and _official_letters(lang)
    lower: set[str] = set()
    for c in case.copies:
        if c.kind == "text":
            text = t(c.text)
            for part in (x.strip() for x in (text or "").split(";")):
                if part and IN_YOUR_COUNTRY.search(part):
                    if _EMBASSY.match(part) and not _MORE_THAN_ONE.search(part):
                        out.append(_embassy_copy(case, own, lang, sender_country))
                        continue
                    part = _your_country_text(part, case, own, lang, sender_country, warnings)
                if part:
                    out.append(_dative_copy(part, lang, warnings) if official else part)
        elif c.kind == "recipient":
            if c.recipient == to:
                continue
            r = case.recipients[c.recipient]
            name = t(r.name)
            if official and (name or t(r.title)):
                # official style copies in the dative: «Генеральному прокурору Российской Федерации А. В. Гуцану»
                # (a language with no letters to officials, Belarusian, has no official forms either)
                from .. import grammar

                line = " ".join(grammar.dative_official(t(r.title), name, r.pronoun, lang, r.forms.get(lang)))
                office = _office(t(r.title) or d["roles"].get(r.role), lang)
                if office and office[0][:1].islower():  # an office written in lower case in running text
                    lower.add(line)  # (data/letters: `titles`): «…; прокурору Кировской области …»
                out.append(line)
            elif name and t(r.title) and d.get("copy"):  # English: name first
                out.append(d["copy"].format(name=name, title=t(r.title)))
            else:
                out.append(", ".join(x for x in (t(r.title), name) if x))
        else:
            out.append(_embassy_copy(case, own, lang, sender_country))
    out = [x for x in out if x]
    return [x[:1].lower() + x[1:] if i and x in lower else x for i, x in enumerate(out)]


def _embassy_copy(case, own, lang: str, sender_country: str | None) -> str:
    """«Посольству Российской Федерации в Германии»; "" for the ambassador's own embassy or
    where the writer lives in the destination country itself."""
    from .naming import state_case

    dest = case.country
    if (own is not None and own.role == "ambassador") or dest is None or dest == sender_country:
        return ""
    d = lang_data(lang)
    state = state_case(dest, "gen", lang, d)
    return d["embassy"].format(state=state, where=_in_writers_country(lang, sender_country, after=state))


def _in_writers_country(lang: str, sender_country: str | None, after: str | None = None) -> str:
    from .naming import country_case, with_preposition

    d = lang_data(lang)
    if not sender_country:
        return d["placeholders"]["in_country"]
    return with_preposition(d["in"], country_case(sender_country, "loc", lang, d), lang,
                            after=after.split()[-1] if after else None)


_EMBASSY = re.compile(r"^(the\s+)?(embassy|посольств|пасольств)", re.I)
_MORE_THAN_ONE = re.compile(r",| and | и | і | та | й | і | а также | а також ", re.I)


def _your_country_text(part: str, case, own, lang: str, sender_country: str | None, warnings: list) -> str:
    """A copy text that names an embassy "in your country" among other recipients keeps them
    all, the words "in your country" replaced by the writer's country (with a warning where it
    names the addressee's own embassy, which only a split at ';' lets the letter leave out)."""
    from .checks import IN_YOUR_COUNTRY

    text = IN_YOUR_COUNTRY.sub(_in_writers_country(lang, sender_country), part, count=1)
    dest = case.country
    if (own is not None and own.role == "ambassador") or (dest is not None and dest == sender_country):
        warnings.append(f"copies: '{part}' names an embassy 'in your country' among other recipients; the letter "
                        f"keeps it as '{text}' (put the embassy apart after ';' so that the letter can leave it out)")
    return text


def _dative_copy(text: str, lang: str, warnings: list) -> str:
    """A copy text in the dative, as official letters write copies («Посольству …»): a text
    in the nominative is declined, with a warning to check it."""
    from ..grammar._morph import analyzer

    if text[:1] in "«\"„“'":  # a name in quotes («Новая газета») is printed as written
        return text
    parses = analyzer(lang).parse(text.split()[0].strip(",."))
    if not parses or parses[0].tag.case != "nomn" or parses[0].tag.POS not in ("NOUN", "ADJF"):
        return text
    from .. import grammar

    out = grammar.case_form(text, "dat", lang)
    if out != text:
        warnings.append(f"copies: '{text}' is in the nominative; the letter says '{out}' "
                        "(check the form, or write the copy in the dative yourself)")
    return out


def _at_home(case, to: str, sender) -> bool:
    """A letter to the person or an official (not an ambassador: the embassy is abroad from the
    state it speaks for) in the country the writer lives in: it does not say where it comes from
    («Меня зовут Анна.», not «я пишу Вам из России»)."""
    r = case.recipients.get(to)
    if to != "person" and (r is None or r.role == "ambassador"):
        return False
    return sender.country is not None and _destination(case, to, sender) == sender.country


def _destination(case, to: str, sender) -> str | None:
    """Where the letter goes: the person's prison, the recipient's address, an ambassador's
    embassy in the writer's own country (domestic mail, no country line)."""
    if to == "person":
        return case.person.address.country if case.person.address else None
    r = case.recipients[to]
    if r.address is not None:
        return r.address.country
    return sender.country if r.role == "ambassador" else case.country


def render(ctx: dict, kind: str, lang: str, template: UserTemplate | None = None) -> str:
    from jinja2 import TemplateError, TemplateSyntaxError

    if template:
        from . import limits

        return _tidy(limits.render(template.compiled, ctx, template.path))
    try:
        text = _template(lang, kind).render(ctx)
    except TemplateSyntaxError as e:
        raise AppealkitError(f"template error: {e.message}", Where(e.filename, e.lineno)) from None
    except TemplateError as e:  # undefined names and the rest
        raise AppealkitError(f"template error: {e}", Where(f"{lang}/{kind}.txt.j2")) from None
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
    """The letter as blocks (layout.letter_blocks): paragraphs, lists, the right-hand blocks of
    an official letter, its signature line and the gap left for signing."""
    return letter_blocks(text)


def as_markdown(text: str) -> str:
    """Markdown keeps the text; address and signature lines get hard breaks (Markdown has no
    right-hand column: those blocks go flush left)."""
    out = []
    for b in paragraphs(text):
        if b["kind"] == "list":
            out.append("\n".join("- " + _md_escape(x) for x in b["lines"]))
        elif b["kind"] != "gap":
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
