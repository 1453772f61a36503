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
from typing import Any
from functools import lru_cache

from ..address.countries import country_name
from ..errors import AppealkitError, UsageError, Where
from dataclasses import dataclass
from ..resources import data_path, load_data
from ..translit.engine import ANY_CYR

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


def _salutation(case, recipient, lang: str) -> str:
    if recipient.salutation and recipient.salutation.get(lang):
        return recipient.salutation.get(lang)
    d = lang_data(lang)["salutations"]
    tmpl = d.get(recipient.role, d["official"])
    if "{surname}" in tmpl:
        if not recipient.name:
            return lang_data(lang)["salutation_no_name"]
        return tmpl.replace("{surname}", recipient.name.pick(lang, case.language).split()[-1])
    return tmpl


def _person_names(case, lang: str) -> tuple[str, str, str]:
    """(name to use in text, full name, first name) for the letter language."""
    p = case.person
    if lang == "ru" and p.native_name and ANY_CYR.search(p.native_name):
        full = p.native_name
        parts = full.split()
        # the native form is written family name first in the former USSR: "Петров Алексей Иванович"
        first = parts[1] if len(parts) == 3 else parts[0]
        name = " ".join(parts[1:2] + parts[:1]) if len(parts) == 3 else full
        return name, full, first
    # the name as the prison writes it, and as the writer reads it
    own = p.name.pick(lang, case.language)
    full = f"{p.native_name} ({own})" if p.native_name and p.native_name != own else own
    return own, full, own.split()[0]


def context(case, *, to: str, lang: str, day: dt.date, sender, blocks, message: str | None = None) -> dict:
    """The template context (see the module docstring); built once per case, recipient,
    language, date, sender and message in a run."""
    # blocks are kept alive in the entry, so their ids stay theirs while it exists
    key = ("context", to, lang, day, sender.name, tuple(sender.address), sender.country, message,
           tuple(map(id, blocks)))
    hit = case.cache.get(key)
    if hit is None:
        hit = case.cache[key] = (blocks, _context(case, to, lang, day, sender, blocks, message))
    return hit[1]


def _context(case, to, lang, day, sender, blocks, message) -> dict:
    d = lang_data(lang)
    ph = d["placeholders"]
    urgent = case.deadline == "immediately" or (isinstance(case.deadline, dt.date) and case.deadline >= day)
    name, full, first = _person_names(case, lang)

    def t(text):  # the case's text in `lang` as one paragraph (folded YAML keeps a final newline)
        v = text.get(lang) if text is not None else None
        return " ".join(v.split()) if v is not None else None

    ctx = {
        "lang": lang, "date": format_date(day, lang), "urgent": urgent,
        "deadline": case.deadline.isoformat() if isinstance(case.deadline, dt.date) else case.deadline,
        "case": {"id": case.id, "title": t(case.title), "organisation": case.organisation, "url": case.url},
        "person": {"name": name, "full_name": full, "first_name": first, "pronoun": case.person.pronoun,
                   "description": t(case.person.description), "address": []},
        "sender": {"name": sender.name or ph["name"], "address": sender.address or [ph["address"]],
                   "country": _country_in_text(sender.country, lang) if sender.country else ph["country"]},
        "summary": t(case.summary), "asks": [t(a) for a in case.asks], "copies": _copies(case, lang, t),
        "message": message, "closing": d["closing"], "country": None, "envelope": [],
    }
    if to == "person":
        block = blocks[0] if blocks else None
        ctx["salutation"] = ""
        ctx["closing"] = d["support_closing"]
        if block:
            ctx["person"]["address"] = block.local[1:]
            ctx["envelope"] = block.lines()
        ctx["recipient"] = None
    else:
        r = case.recipients[to]
        if blocks:
            inside = blocks[0].lines("latin")
        else:  # no postal address: the letter goes by email or fax, headed so
            names = [x for x in (t(r.title), t(r.name)) if x]
            inside = names + [d["by"][k].format(getattr(r, k)) for k in ("email", "fax") if getattr(r, k)]
        ctx["recipient"] = {"id": r.id, "role": r.role, "name": t(r.name), "title": t(r.title),
                            "salutation": t(r.salutation), "address": inside}
        ctx["salutation"] = _salutation(case, r, lang)
        dest = r.address.country if r.address else _case_country(case)
        ctx["country"] = _country_in_text(dest, lang) if dest else None
    return ctx


def _copies(case, lang, t) -> str | None:
    out = []
    for c in case.copies:
        if c.kind == "text":
            out.append(t(c.text))
        elif c.kind == "recipient":
            r = case.recipients[c.recipient]
            out.append(", ".join(x.pick(lang, case.language) for x in (r.title, r.name) if x))
        else:
            out.append(lang_data(lang)["embassy_copy"])
    return "; ".join(out) or None


@lru_cache(maxsize=None)
def _country_in_text(cc: str, lang: str) -> str:
    name = country_name(cc, lang)
    return f"the {name}" if cc in lang_data(lang).get("definite_article", []) else name


def _case_country(case) -> str | None:
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
