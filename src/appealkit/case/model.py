"""The case file as typed objects, and the validator that builds them (format 1).

Validation collects every problem with its position instead of stopping at the first.
The rules here and data/case.schema.json describe the same format; a test keeps them in step.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import field
from typing import Any

from .. import handles
from ..errors import CaseError, UsageError, did_you_mean
from ..records import Record
from . import spec
from .derived import Derived
from .spec import PLATFORMS, PRONOUNS, ROLES

SLUG = re.compile(spec.SLUG)
RECIPIENT_ID = re.compile(spec.RECIPIENT_ID)
LANG = re.compile(spec.LANG)


class Text(Record):
    """A text in one or several languages: {'en': '...', 'ru': '...'}."""

    values: dict[str, str]

    def get(self, lang: str) -> str | None:
        return self.values.get(lang)

    def languages(self) -> list[str]:
        return list(self.values)

    def pick(self, *langs: str | None) -> str:
        """The first of `langs` this text has, else its first entry."""
        for lang in langs:
            if lang and lang in self.values:
                return self.values[lang]
        return next(iter(self.values.values()))


# The parts of a loaded case compare by identity (eq=False): nothing compares them field by
# field. Text and Copy are values.
class LatinParts(Record, eq=False):
    """`address.latin`: the address's Latin spelling as the case gives it, where it does."""
    lines: list[str] | None = None
    locality: str | None = None
    region: str | None = None
    district: str | None = None


class Address(Record, eq=False):
    """A postal address: its country, lines in the local script and the fields split out of them."""
    country: str
    lines: list[str]
    postcode: str | None = None
    locality: str | None = None
    region: str | None = None
    latin: LatinParts | None = None
    path: tuple = ()
    district: str | None = None

    @property
    def local_text(self) -> str:
        """The parts written in the destination's own script, as one string (for detection)."""
        return " ".join([*self.lines, self.locality or "", self.district or "", self.region or ""])


class Person(Record, eq=False):
    """`person`: the one the appeal is about."""
    name: Text
    native_name: str | None = None
    pronoun: str = "they"
    age: int | None = None
    description: Text | None = None
    address: Address | None = None
    safety: Text | None = None
    born: int | dt.date | None = None
    languages: list[str] = field(default_factory=list)
    forms: dict = field(default_factory=dict)  # language -> word -> case -> form
    status: str = "held"  # a published list's word for where the person is (spec.STATUSES)

    @property
    def born_year(self) -> int | None:
        return self.born.year if isinstance(self.born, dt.date) else self.born


class Recipient(Record, eq=False):
    """One item of `recipients`: an official (or the embassy) letters are written to."""
    id: str
    role: str
    name: Text | None = None
    title: Text | None = None
    organisation: Text | None = None
    salutation: Text | None = None
    address: Address | None = None
    fax: str | None = None
    email: str | None = None
    phone: str | None = None
    handles: dict[str, str] = field(default_factory=dict)
    pronoun: str = "they"
    forms: dict = field(default_factory=dict)  # language -> word -> case -> form


class Copy(Record):
    """One item of `copies`: a text printed as written, a recipient (by id), or the embassy of
    the destination country in the writer's own country."""

    kind: str  # "text", "recipient" or "embassy"
    text: Text | None = None
    recipient: str | None = None


class Origin(Record, eq=False):
    """`source`: the published list a case was imported from."""

    list: str
    id: str | None = None
    url: str | None = None
    imported: dt.date | None = None


class Share(Record, eq=False):
    """`share`: what the posts say, and with which tags, handles and link."""
    text: Text | None = None
    hashtags: list[str] = field(default_factory=list)
    mentions: list[dict[str, str]] = field(default_factory=list)  # each: platform -> handle
    url: str | None = None


class Case(Record, eq=False):
    """A whole case file, validated; `load.py` builds it, every command reads it."""
    appealkit: int
    id: str
    title: Text
    person: Person
    summary: Text
    asks: list[Text]
    organisation: str | None = None
    issued: dt.date | None = None
    deadline: dt.date | str | None = None
    url: str | None = None
    language: str = "en"
    background: Text | None = None
    recipients: dict[str, Recipient] = field(default_factory=dict)
    copies: list[Copy] = field(default_factory=list)
    share: Share | None = None
    source: str = ""
    positions: Any = None
    derived: Derived = field(default_factory=Derived, compare=False, repr=False)  # values a run derives
    copies_single: bool = False  # `copies` was one text, not a list
    controls: list = field(default_factory=list)  # (path, message) for each control character removed
    origin: Origin | None = None  # the `source` key (`source` above is the file the case came from)

    def texts(self):
        """Every (key path, Text) in the case, for checks and translations."""
        yield ("title",), self.title
        yield ("summary",), self.summary
        if self.background:
            yield ("background",), self.background
        for i, a in enumerate(self.asks):
            yield ("asks", i), a
        for i, c in enumerate(self.copies):
            if c.text is not None:
                yield self.copies_path(i), c.text
        if self.person.description:
            yield ("person", "description"), self.person.description
        if self.person.safety:
            yield ("person", "safety"), self.person.safety
        if self.share and self.share.text:
            yield ("share", "text"), self.share.text

    def targets(self, to: str) -> list[str]:
        """The ids `to` names: `person`, a recipient id, or `all` (the person when letters can
        reach them, then every recipient). The one place that resolves `all`."""
        if to == "all":
            return (["person"] if self.person.address else []) + list(self.recipients)
        if to != "person" and to not in self.recipients:
            choices = ", ".join(["person", *self.recipients, "all"])
            raise UsageError(f"no recipient '{to}' in this case; choose one of {choices}", param="to")
        if to == "person" and self.person.address is None:
            why = (f"person is {self.person.status} (person.status): no letters reach them"
                   if self.person.status != "held" else "person has no address: this case gives no way to write to them")
            raise CaseError(why, self.positions.at(("person",)))
        return [to]

    def ambassador_at_home(self, target: str, country: str | None) -> bool:
        """Whether `target` is the ambassador of the case's country and `country` (a writer's)
        that country itself: there is no embassy of a state in that state to write to («Послу
        України в Україні»), so `all` leaves that letter out for such a writer."""
        r = self.recipients.get(target)
        return r is not None and r.role == "ambassador" and country is not None and country == self.country

    @property
    def country(self) -> str | None:
        """The country the appeal is about: the person's address's, else the first recipient's."""
        return next((a.country for a in self.addresses()), None)

    def copies_path(self, i: int) -> tuple:
        """The key path of copies item i (`copies` itself when it was one text)."""
        return ("copies",) if self.copies_single else ("copies", i)

    def strings(self):
        """Every (key path, string) in the case, texts in all languages included."""
        for path, t in self.texts():
            for lang, s in t.values.items():
                yield path + (lang,), s
        p = self.person
        for lang, s in p.name.values.items():
            yield ("person", "name", lang), s
        if p.native_name:
            yield ("person", "native_name"), p.native_name
        for addr in self.addresses():
            for path, s in address_strings(addr):
                yield path, s
        for rid, r in self.recipients.items():
            for k in ("name", "title", "organisation", "salutation"):
                t = getattr(r, k)
                if t is not None:
                    for lang, s in t.values.items():
                        yield ("recipients", rid, k, lang), s

    def addresses(self):
        if self.person.address:
            yield self.person.address
        for r in self.recipients.values():
            if r.address:
                yield r.address


def address_strings(addr: Address):
    for i, line in enumerate(addr.lines):
        yield addr.path + ("lines", i), line
    for k in ("postcode", "locality", "district", "region"):
        if getattr(addr, k):
            yield addr.path + (k,), getattr(addr, k)


# ---------------------------------------------------------------- validation

TOP_KEYS = spec.keys("case")
PERSON_KEYS = spec.keys("person")
RECIPIENT_KEYS = spec.keys("recipient")
ADDRESS_KEYS = spec.keys("address")
LATIN_KEYS = spec.keys("latin")
SHARE_KEYS = spec.keys("share")
SOURCE_KEYS = spec.keys("source")


def key_path(path) -> str:
    """("asks", 1) -> "asks[1]"; ("person", "description") -> "person.description"."""
    out = ""
    for p in path:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out or "the document"


def _typename(v) -> str:
    if v is None:
        return "nothing (null)"
    return {dict: "a mapping", list: "a list", str: "a string", bool: "true/false", int: "a number",
            float: "a number", dt.date: "a date", dt.datetime: "a date and time"}.get(type(v), type(v).__name__)


class _V:
    """Validator state: positions and the error list."""

    def __init__(self, pos, errors):
        self.pos = pos
        self.errors = errors
        self.controls: list[tuple[tuple, str]] = []  # (path, message): control characters removed

    def err(self, path, msg, key=False):
        path = tuple(path)
        if any(path[:len(r)] == r for r in self.pos.reported):
            return
        self.errors.append(CaseError(msg, self.pos.at(path, key=key)))

    def mapping(self, v, path, spec: dict, what: str) -> dict | None:
        if not isinstance(v, dict):
            self.err(path, f"{key_path(path) if path else what} must be a mapping (key: value), not {_typename(v)}")
            return None
        for k in v:
            if k not in spec:
                self.err(path + (k,), f"unknown key '{k}' in {what}{did_you_mean(k, spec, f'{what} keys')}",
                         key=True)
        for k, required in spec.items():
            if required and k not in v:
                self.err(path, f"{what} is missing required key '{k}'", key=bool(path))
        # an optional key left empty (`key:` or null) is as if it were absent
        return {k: x for k, x in v.items() if x is not None or spec.get(k)}

    def string(self, v, path, what=None) -> str | None:
        if isinstance(v, str):
            from ..unicode_checks import has_controls, without_controls

            if has_controls(v):  # case data never carries them into an output; check names them
                v, msgs = without_controls(v)
                self.controls += [(tuple(path), m) for m in msgs]
            if not v.strip():
                self.err(path, f"{key_path(path)} is empty")
                return None
            return v
        if isinstance(v, (int, float, dt.date)):  # bool is an int too: `name: Yes`
            raw = self.pos.raw.get(tuple(path))
            if raw is not None:
                return raw
        self.err(path, f"{key_path(path)} must be {what or 'a string'}, not {_typename(v)}")
        return None

    def text(self, v, path, default_lang) -> Text | None:
        if isinstance(v, dict):
            if not v:
                self.err(path, f"{key_path(path)} is an empty mapping; give a string or language: text pairs")
                return None
            out = {}
            for lang, s in v.items():
                if not isinstance(lang, str) or not LANG.match(lang):
                    # a text with ': ' in it, unquoted, reads as a mapping: say so
                    from .suggest import language_fix

                    hint = ("; a text with ': ' in it must be in quotes (\"...\")"
                            if isinstance(lang, str) and not lang.islower() or " " in str(lang) else "")
                    if isinstance(lang, str) and (named := language_fix(lang)):  # {English: ...}
                        hint = f"; {named}"
                    self.err(path + (lang,), f"'{lang}' is not a language code (like en, ru, kk){hint}", key=True)
                    continue
                s2 = self.string(s, path + (lang,), "a string")
                if s2 is not None:
                    out[lang] = s2
            return Text(out) if out else None
        s = self.string(v, path, "a string, or a mapping of language code to string")
        return Text({default_lang: s}) if s is not None else None

    def str_list(self, v, path, min_items=0, kind=None, what="string", fix=None) -> list[str]:
        if not isinstance(v, list):
            from .suggest import list_fix

            self.err(path, f"{key_path(path)} must be a list, not {_typename(v)}{list_fix(str(path[-1]), v)}")
            return []
        if len(v) < min_items:
            self.err(path, f"{key_path(path)} needs at least {min_items} item{'s' if min_items > 1 else ''}")
        out = []
        for i, item in enumerate(v):
            s = self.string(item, path + (i,))
            if s is None:
                continue
            if kind and not spec.conforms(kind, item):
                self.err(path + (i,), f"'{s}' is not a valid {what}{fix(s) if fix else ''}")
                continue
            out.append(s)
        return out


def build_case(data, pos, errors) -> Case | None:
    v = _V(pos, errors)
    d = v.mapping(data, (), TOP_KEYS, "the case file")
    if d is None:
        return None
    lang = "en"
    if "language" in d:
        lg = v.string(d["language"], ("language",))
        if lg and not spec.conforms("lang", d["language"]):
            from .suggest import language_fix

            v.err(("language",), f"'{lg}' is not a language code (like en, ru, kk)"
                                 f"{'; ' + fix if (fix := language_fix(lg)) else ''}")
        elif lg:
            lang = lg

    version = d.get("appealkit")
    if "appealkit" in d and not spec.conforms("version", version):
        v.err(("appealkit",), f"appealkit: format version must be 1, not {version!r}")

    cid = None
    if "id" in d:
        cid = v.string(d["id"], ("id",))
        if cid is not None and not spec.conforms("slug", d["id"]):
            from .suggest import slug_fix

            v.err(("id",), f"id '{cid}' is not a slug: use 1-64 of a-z, 0-9 and '-', starting with a letter or digit "
                           f"(e.g. kz-atabek-2014){slug_fix(cid, SLUG)}")
            cid = None

    title = v.text(d["title"], ("title",), lang) if "title" in d else None
    summary = v.text(d["summary"], ("summary",), lang) if "summary" in d else None
    background = v.text(d["background"], ("background",), lang) if "background" in d else None
    copies, copies_single = _copies(v, d["copies"], lang) if d.get("copies") is not None else ([], False)
    organisation = v.string(d["organisation"], ("organisation",)) if "organisation" in d else None

    issued = _date(v, d, "issued", allow_immediately=False)
    deadline = _date(v, d, "deadline", allow_immediately=True)
    url = _url(v, d["url"], ("url",)) if "url" in d else None

    asks: list[Text] = []
    if "asks" in d:
        if not isinstance(d["asks"], list):
            from .suggest import list_fix

            v.err(("asks",), f"asks must be a list of texts, not {_typename(d['asks'])}{list_fix('asks', d['asks'])}")
        elif not d["asks"]:
            v.err(("asks",), "asks is empty: give at least one thing the authorities are asked to do")
        else:
            for i, a in enumerate(d["asks"]):
                t = v.text(a, ("asks", i), lang)
                if t:
                    asks.append(t)

    person = _person(v, d["person"], lang) if "person" in d else None

    recipients: dict[str, Recipient] = {}
    if "recipients" in d and d["recipients"] is not None:
        rs = d["recipients"]
        if not isinstance(rs, dict):
            from .suggest import recipients_fix

            v.err(("recipients",), f"recipients must be a mapping of id to recipient, not {_typename(rs)}"
                                   f"{recipients_fix(rs) if isinstance(rs, list) else ''}")
        else:
            for rid, r in rs.items():
                rid_s = str(rid)
                if not RECIPIENT_ID.match(rid_s):
                    from .suggest import slug_fix

                    v.err(("recipients", rid), f"recipient id '{rid}' must match [a-z0-9][a-z0-9-]*"
                                               f"{slug_fix(rid_s, RECIPIENT_ID)}", key=True)
                    continue
                if rid_s in ("person", "all"):
                    v.err(("recipients", rid), f"recipient id '{rid}' is reserved (person and all are --to words)", key=True)
                    continue
                rec = _recipient(v, r, rid_s, lang)
                if rec:
                    recipients[rid_s] = rec

    share = _share(v, d["share"], lang) if "share" in d and d["share"] is not None else None
    origin = _origin(v, d["source"]) if d.get("source") is not None else None

    if errors or cid is None or title is None or summary is None or person is None or not asks:
        return None
    if not copies_single:  # a list item that names a recipient copies that recipient
        for i, c in enumerate(copies):
            if c.kind == "text" and c.text and len(c.text.values) == 1 and c.text.pick() in recipients:
                copies[i] = Copy("recipient", recipient=c.text.pick())
    return Case(appealkit=1, id=cid, title=title, person=person, summary=summary, asks=asks,
                organisation=organisation, issued=issued, deadline=deadline, url=url,
                language=lang, background=background, recipients=recipients, copies=copies,
                share=share, positions=pos, copies_single=copies_single, origin=origin, controls=v.controls)


def _origin(v, s) -> Origin | None:
    path = ("source",)
    s = v.mapping(s, path, SOURCE_KEYS, "source")
    if s is None or "list" not in s:
        return None
    name = v.string(s["list"], path + ("list",))
    sid = v.string(s["id"], path + ("id",)) if s.get("id") is not None else None
    url = _url(v, s["url"], path + ("url",)) if s.get("url") is not None else None
    imported = _date(v, s, "imported", allow_immediately=False, path=path)
    return Origin(list=name, id=sid, url=url, imported=imported) if name else None


def _iso_date(val) -> dt.date:
    """The day of a value of kind date: a YAML date, a date and time (by its day), their text."""
    if isinstance(val, dt.datetime):
        return val.date()
    if isinstance(val, dt.date):
        return val
    return dt.date.fromisoformat(val.strip()[:10])


def _date(v, d, key, allow_immediately, path=()):
    if key not in d:
        return None
    val = d[key]
    if spec.conforms("deadline" if allow_immediately else "date", val):
        if isinstance(val, str) and val.strip().lower() == "immediately":
            return "immediately"
        return _iso_date(val)
    what = "an ISO date (YYYY-MM-DD) or 'immediately'" if allow_immediately else "an ISO date (YYYY-MM-DD)"
    from .suggest import date_fix, deadline_fix

    fix = deadline_fix(val) if allow_immediately else (date_fix(val) if isinstance(val, str) else "")
    v.err(path + (key,), f"{key_path(path + (key,))} must be {what}, not {val!r}{'; ' + fix if fix else ''}")
    return None


def _url(v, val, path):
    s = v.string(val, path)
    if s is None:
        return None
    if not spec.conforms("url", val):
        if "@" in s.split("://", 1)[-1].split("/", 1)[0]:
            v.err(path, f"'{s}' carries a user name or password before '@': give the page's plain address")
        else:
            from .suggest import url_fix

            v.err(path, f"'{s}' is not an http(s) URL (like https://example.org/appeal){url_fix(s)}")
        return None
    return s


def _person(v, p, lang):
    path = ("person",)
    p = v.mapping(p, path, PERSON_KEYS, "person")
    if p is None:
        return None
    name = v.text(p["name"], path + ("name",), lang) if "name" in p else None
    native = v.string(p["native_name"], path + ("native_name",)) if "native_name" in p else None
    pronoun = _pronoun(v, p, path)
    born = _born(v, p["born"], path + ("born",)) if p.get("born") is not None else None
    languages = []
    if p.get("languages") is not None:
        from .suggest import language_fix

        languages = v.str_list(p["languages"], path + ("languages",), min_items=1, kind="lang",
                               what="language code (like ru, uk, kk)",
                               fix=lambda s: f"; {fix}" if (fix := language_fix(s)) else "")
    age = None
    if "age" in p and p["age"] is not None:
        if spec.conforms("age", p["age"]):
            age = int(p["age"])
        else:
            from .suggest import number_fix

            v.err(path + ("age",), f"age must be a whole number of years, not {p['age']!r}{number_fix(p['age'])}")
    desc = v.text(p["description"], path + ("description",), lang) if "description" in p else None
    safety = v.text(p["safety"], path + ("safety",), lang) if "safety" in p else None
    forms = _forms(v, p["forms"], path + ("forms",)) if p.get("forms") is not None else {}
    status = "held"
    if p.get("status") is not None:
        st = v.string(p["status"], path + ("status",))
        if st is not None and st not in spec.STATUSES:
            v.err(path + ("status",), f"unknown status '{st}'{did_you_mean(st, spec.STATUSES, 'statuses')}")
        elif st:
            status = st
    a = p.get("address")
    # a person who is not held has no letter address: its lines may be absent, and nothing is
    # posted to what remains of it (a released person's last prison)
    if status != "held" and (not isinstance(a, dict) or "lines" not in a):
        a = None
    addr = _address(v, a, path + ("address",)) if a is not None else None
    if status != "held":
        addr = None
    if name is None:
        return None
    return Person(name=name, native_name=native, pronoun=pronoun, age=age, description=desc,
                  address=addr, safety=safety, born=born, languages=languages, forms=forms, status=status)


def _forms(v, val, path) -> dict:
    """`forms`: language -> word -> case -> form, for words the grammar declines wrongly."""
    out: dict = {}
    if not isinstance(val, dict):
        v.err(path, f"forms must be a mapping language -> word -> case -> form, not {_typename(val)}")
        return out
    for lang, words in val.items():
        if not isinstance(lang, str) or not LANG.match(lang):
            v.err(path + (lang,), f"'{lang}' is not a language code (like ru, uk, be)", key=True)
            continue
        if not isinstance(words, dict):
            v.err(path + (lang,), f"forms.{lang} must be a mapping word -> case -> form")
            continue
        for word, cases in words.items():
            if not isinstance(cases, dict):
                v.err(path + (lang, word), f"the forms of '{word}' must be a mapping case -> form (like dat: ...)")
                continue
            for c, form in cases.items():
                if c not in spec.GRAMMAR_CASES:
                    v.err(path + (lang, word, c), f"unknown case '{c}'; use {', '.join(spec.GRAMMAR_CASES)}", key=True)
                elif not isinstance(form, str) or not form.strip():
                    v.err(path + (lang, word, c), f"the {c} form of '{word}' must be a word")
                else:
                    out.setdefault(lang, {}).setdefault(str(word), {})[c] = form.strip()
    return out


def _pronoun(v, m, path) -> str:
    if "pronoun" not in m:
        return "they"
    pr = v.string(m["pronoun"], path + ("pronoun",))
    if pr is not None and pr not in PRONOUNS:
        from .suggest import pronoun_fix

        v.err(path + ("pronoun",), f"pronoun must be one of he, she, they, not '{pr}'{pronoun_fix(pr)}")
        return "they"
    return pr or "they"


def _born(v, val, path):
    """A year (1983) or an ISO date (1983-04-12)."""
    if spec.conforms("born", val):
        if isinstance(val, (int, float)) or isinstance(val, str) and val.strip().isdigit():
            return int(val)
        return _iso_date(val)
    from .suggest import date_fix, year_fix

    v.err(path, f"born must be a year (like 1983) or an ISO date (YYYY-MM-DD), not {val!r}"
                f"{'; ' + fix if (fix := date_fix(val)) else year_fix(val)}")
    return None


def _copies(v, val, lang) -> tuple[list[Copy], bool]:
    """`copies`: one text, or a list whose items are texts, recipient ids or `embassy`.
    Recipient ids are resolved against the recipients after loading (see build_case)."""
    if not isinstance(val, list):
        t = v.text(val, ("copies",), lang)
        return ([Copy("text", text=t)] if t else []), True
    if not val:
        v.err(("copies",), "copies is an empty list; leave it out, or name whom to copy")
    out = []
    for i, item in enumerate(val):
        if isinstance(item, str) and item.strip() == "embassy":
            out.append(Copy("embassy"))
            continue
        t = v.text(item, ("copies", i), lang)
        if t:
            out.append(Copy("text", text=t))
    return out, False


def _recipient(v, r, rid, lang):
    path = ("recipients", rid)
    r = v.mapping(r, path, RECIPIENT_KEYS, f"recipient '{rid}'")
    if r is None:
        return None
    role = v.string(r["role"], path + ("role",)) if "role" in r else None
    if role is not None and role not in ROLES:
        from .suggest import role_fix

        v.err(path + ("role",), f"unknown role '{role}'{role_fix(role, ROLES) or did_you_mean(role, ROLES, 'roles')}")
        role = None
    kw = {}
    for k in ("name", "title", "organisation", "salutation"):
        if k in r and r[k] is not None:
            kw[k] = v.text(r[k], path + (k,), lang)
    for k in ("fax", "email", "phone"):
        if k in r and r[k] is not None:
            kw[k] = v.string(r[k], path + (k,))
    kw["pronoun"] = _pronoun(v, r, path)
    if r.get("forms") is not None:
        kw["forms"] = _forms(v, r["forms"], path + ("forms",))
    addr = _address(v, r["address"], path + ("address",)) if r.get("address") is not None else None
    handles = _handles(v, r["handles"], path + ("handles",)) if r.get("handles") is not None else {}
    if role is None:
        return None
    return Recipient(id=rid, role=role, address=addr, handles=handles, **kw)


def _address(v, a, path):
    a = v.mapping(a, path, ADDRESS_KEYS, "address")
    if a is None:
        return None
    country = None
    if "country" in a:
        c = v.string(a["country"], path + ("country",))
        if c is not None:
            if spec.conforms("country", a["country"]):
                country = c.upper()
            else:
                from .suggest import country_fix

                v.err(path + ("country",), f"'{c}' is not an ISO 3166-1 alpha-2 country code"
                                           f"{'; ' + fix if (fix := country_fix(c)) else ' (like KZ, RU, GB)'}")
    lines = v.str_list(a["lines"], path + ("lines",), min_items=1) if "lines" in a else []
    kw = {}
    for k in ("postcode", "locality", "district", "region"):
        if k in a and a[k] is not None:
            kw[k] = v.string(a[k], path + (k,))
    latin = None
    if a.get("latin") is not None:
        la = a["latin"]
        lp = path + ("latin",)
        la = v.mapping(la, lp, LATIN_KEYS, "address.latin")
        if la is not None:
            latin = LatinParts(
                lines=v.str_list(la["lines"], lp + ("lines",), min_items=1) if "lines" in la else None,
                locality=v.string(la["locality"], lp + ("locality",)) if "locality" in la else None,
                region=v.string(la["region"], lp + ("region",)) if "region" in la else None,
                district=v.string(la["district"], lp + ("district",)) if "district" in la else None,
            )
    if country is None or not lines:
        return None
    return Address(country=country, lines=lines, latin=latin, path=path, **kw)


def _share(v, s, lang):
    path = ("share",)
    s = v.mapping(s, path, SHARE_KEYS, "share")
    if s is None:
        return None
    text = v.text(s["text"], path + ("text",), lang) if "text" in s else None
    hashtags = [h.lstrip("#") for h in v.str_list(s["hashtags"], path + ("hashtags",), kind="hashtag",
                                                    what="hashtag (one word)", fix=_hashtag_fix)] if s.get("hashtags") is not None else []
    mentions = _mentions(v, s["mentions"], path + ("mentions",)) if s.get("mentions") is not None else []
    url = _url(v, s["url"], path + ("url",)) if s.get("url") is not None else None
    return Share(text=text, hashtags=hashtags, mentions=mentions, url=url)


def _hashtag_fix(tag: str) -> str:
    from .suggest import hashtag_fix  # only for a refused tag: suggest is not loaded on start-up

    return hashtag_fix(tag)


def _mentions(v, val, path) -> list[dict[str, str]]:
    """Each mention as platform -> handle: a plain string is an X handle."""
    if not isinstance(val, list):
        v.err(path, f"{key_path(path)} must be a list, not {_typename(val)}")
        return []
    out = []
    for i, item in enumerate(val):
        if isinstance(item, dict):
            hs = _handles(v, item, path + (i,))
            if hs:
                out.append(hs)
            continue
        h = _handle(v, item, path + (i,), "x", _plain_mention_hint)
        if h is not None:
            out.append({"x": h})
    return out


def _plain_mention_hint(h: str) -> str:
    """A handle of another platform written plainly: show the mapping form."""
    other = [p for p in handles.platforms_for(h) if p != "x"]
    if not other:
        return ""
    return f" (a plain mention is an X handle; for {handles.NAMES[other[0]]} write {{{other[0]}: {h}}})"


def _handle(v, val, path, plat: str, hint=None) -> str | None:
    """A handle without '@', checked by `plat`'s rules; None when it fails (the error reported)."""
    h = v.string(val, path)
    if h is None:
        return None
    h = h.strip().lstrip("@")
    why = handles.problem(plat, h)
    if why:
        v.err(path, why + (hint(h) if hint else ""))
        return None
    return h


def _handles(v, hs, path) -> dict[str, str]:
    """A mapping platform -> handle (without '@'), each checked by its platform's rules."""
    if not isinstance(hs, dict):
        v.err(path, f"{key_path(path)} must be a mapping of platform to handle, not {_typename(hs)}")
        return {}
    out = {}
    for plat, h in hs.items():
        if plat not in PLATFORMS:
            v.err(path + (plat,), f"unknown platform '{plat}'{did_you_mean(plat, PLATFORMS, 'platforms')}", key=True)
            continue
        hv = _handle(v, h, path + (plat,), plat)
        if hv is not None:
            out[plat] = hv
    return out
