"""The case file as typed objects, and the validator that builds them (format 1).

Validation collects every problem with its position instead of stopping at the first.
The rules here and data/case.schema.json describe the same format; a test keeps them in step.
"""

from __future__ import annotations

import datetime as dt
import re

from ..errors import CaseError, did_you_mean
from dataclasses import dataclass, field

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
RECIPIENT_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
LANG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
HANDLE = re.compile(r"^[A-Za-z0-9_.@:-]+$")  # "@" may lead: it is stripped
HASHTAG = re.compile(r"^#?[^\s#@]+$")
ROLES = ("head-of-state", "head-of-government", "minister", "prosecutor", "ambassador",
         "prison-head", "official")
PRONOUNS = ("he", "she", "they")
PLATFORMS = ("x", "bluesky", "mastodon", "threads")


@dataclass
class Text:
    """A text in one or several languages: {'en': '...', 'ru': '...'}."""

    values: dict[str, str]

    def get(self, lang: str) -> str | None:
        return self.values.get(lang)

    def languages(self) -> list[str]:
        return list(self.values)


@dataclass
class LatinParts:
    lines: list[str] | None = None
    locality: str | None = None
    region: str | None = None


@dataclass
class Address:
    country: str
    lines: list[str]
    postcode: str | None = None
    locality: str | None = None
    region: str | None = None
    latin: LatinParts | None = None
    path: tuple = ()

    @property
    def local_text(self) -> str:
        """The parts written in the destination's own script, as one string (for detection)."""
        return " ".join([*self.lines, self.locality or "", self.region or ""])


@dataclass
class Person:
    name: str
    native_name: str | None = None
    pronoun: str = "they"
    age: int | None = None
    description: Text | None = None
    address: Address | None = None
    safety: Text | None = None


@dataclass
class Recipient:
    id: str
    role: str
    name: str | None = None
    title: str | None = None
    organisation: str | None = None
    salutation: str | None = None
    address: Address | None = None
    fax: str | None = None
    email: str | None = None
    phone: str | None = None
    handles: dict[str, str] = field(default_factory=dict)


@dataclass
class Share:
    text: Text | None = None
    hashtags: list[str] = field(default_factory=list)
    mentions: list[str] = field(default_factory=list)
    url: str | None = None


@dataclass
class Case:
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
    copies: Text | None = None
    share: Share | None = None
    source: str = ""
    positions: object = None
    cache: dict = field(default_factory=dict, compare=False, repr=False)  # derived values, per run

    def texts(self):
        """Every (key path, Text) in the case, for checks and translations."""
        yield ("title",), self.title
        yield ("summary",), self.summary
        if self.background:
            yield ("background",), self.background
        for i, a in enumerate(self.asks):
            yield ("asks", i), a
        if self.copies:
            yield ("copies",), self.copies
        if self.person.description:
            yield ("person", "description"), self.person.description
        if self.person.safety:
            yield ("person", "safety"), self.person.safety
        if self.share and self.share.text:
            yield ("share", "text"), self.share.text

    def strings(self):
        """Every (key path, string) in the case, texts in all languages included."""
        for path, t in self.texts():
            for lang, s in t.values.items():
                yield path + (lang,), s
        p = self.person
        yield ("person", "name"), p.name
        if p.native_name:
            yield ("person", "native_name"), p.native_name
        for addr in self.addresses():
            for path, s in address_strings(addr):
                yield path, s
        for rid, r in self.recipients.items():
            for k in ("name", "title", "organisation", "salutation"):
                if getattr(r, k):
                    yield ("recipients", rid, k), getattr(r, k)

    def addresses(self):
        if self.person.address:
            yield self.person.address
        for r in self.recipients.values():
            if r.address:
                yield r.address


def address_strings(addr: Address):
    for i, line in enumerate(addr.lines):
        yield addr.path + ("lines", i), line
    for k in ("postcode", "locality", "region"):
        if getattr(addr, k):
            yield addr.path + (k,), getattr(addr, k)


# ---------------------------------------------------------------- validation

TOP_KEYS = {
    "appealkit": True, "id": True, "title": True, "organisation": False, "issued": False,
    "deadline": False, "url": False, "language": False, "person": True, "summary": True,
    "background": False, "asks": True, "recipients": False, "copies": False, "share": False,
}
PERSON_KEYS = {"name": True, "native_name": False, "pronoun": False, "age": False,
               "description": False, "address": False, "safety": False}
RECIPIENT_KEYS = {"role": True, "name": False, "title": False, "organisation": False,
                  "salutation": False, "address": False, "fax": False, "email": False,
                  "phone": False, "handles": False}
ADDRESS_KEYS = {"country": True, "lines": True, "postcode": False, "locality": False,
                "region": False, "latin": False}
LATIN_KEYS = {"lines": False, "locality": False, "region": False}
SHARE_KEYS = {"text": False, "hashtags": False, "mentions": False, "url": False}


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
        return v

    def string(self, v, path, what=None) -> str | None:
        if isinstance(v, str):
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
                    self.err(path + (lang,), f"'{lang}' is not a language code (like en, ru, kk)", key=True)
                    continue
                s2 = self.string(s, path + (lang,), "a string")
                if s2 is not None:
                    out[lang] = s2
            return Text(out) if out else None
        s = self.string(v, path, "a string, or a mapping of language code to string")
        return Text({default_lang: s}) if s is not None else None

    def str_list(self, v, path, min_items=0, pattern=None, what="string") -> list[str]:
        if not isinstance(v, list):
            self.err(path, f"{key_path(path)} must be a list, not {_typename(v)}")
            return []
        if len(v) < min_items:
            self.err(path, f"{key_path(path)} needs at least {min_items} item{'s' if min_items > 1 else ''}")
        out = []
        for i, item in enumerate(v):
            s = self.string(item, path + (i,))
            if s is None:
                continue
            if pattern and not pattern.match(s):
                self.err(path + (i,), f"'{s}' is not a valid {what}")
                continue
            out.append(s)
        return out


def build_case(data, pos, errors) -> Case | None:
    v = _V(pos, errors)
    if v.mapping(data, (), TOP_KEYS, "the case file") is None:
        return None
    d = data
    lang = "en"
    if "language" in d:
        lg = v.string(d["language"], ("language",))
        if lg and not LANG.match(lg):
            v.err(("language",), f"'{lg}' is not a language code (like en, ru, kk)")
        elif lg:
            lang = lg

    version = d.get("appealkit")
    if "appealkit" in d and (not isinstance(version, int) or isinstance(version, bool) or version != 1):
        v.err(("appealkit",), f"appealkit: format version must be 1, not {version!r}")

    cid = None
    if "id" in d:
        cid = v.string(d["id"], ("id",))
        if cid is not None and not SLUG.match(cid):
            v.err(("id",), f"id '{cid}' is not a slug: use 1-64 of a-z, 0-9 and '-', starting with a letter or digit (e.g. kz-atabek-2014)")
            cid = None

    title = v.text(d["title"], ("title",), lang) if "title" in d else None
    summary = v.text(d["summary"], ("summary",), lang) if "summary" in d else None
    background = v.text(d["background"], ("background",), lang) if "background" in d else None
    copies = v.text(d["copies"], ("copies",), lang) if "copies" in d else None
    organisation = v.string(d["organisation"], ("organisation",)) if "organisation" in d else None

    issued = _date(v, d, "issued", allow_immediately=False)
    deadline = _date(v, d, "deadline", allow_immediately=True)
    url = _url(v, d["url"], ("url",)) if "url" in d else None

    asks: list[Text] = []
    if "asks" in d:
        if not isinstance(d["asks"], list):
            v.err(("asks",), f"asks must be a list of texts, not {_typename(d['asks'])}")
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
            v.err(("recipients",), f"recipients must be a mapping of id to recipient, not {_typename(rs)}")
        else:
            for rid, r in rs.items():
                rid_s = str(rid)
                if not RECIPIENT_ID.match(rid_s):
                    v.err(("recipients", rid), f"recipient id '{rid}' must match [a-z0-9][a-z0-9-]*", key=True)
                    continue
                if rid_s in ("person", "all"):
                    v.err(("recipients", rid), f"recipient id '{rid}' is reserved (person and all are --to words)", key=True)
                    continue
                rec = _recipient(v, r, rid_s)
                if rec:
                    recipients[rid_s] = rec

    share = _share(v, d["share"], lang) if "share" in d and d["share"] is not None else None

    if errors or None in (cid, title, summary, person) or not asks:
        return None
    return Case(appealkit=1, id=cid, title=title, person=person, summary=summary, asks=asks,
                organisation=organisation, issued=issued, deadline=deadline, url=url,
                language=lang, background=background, recipients=recipients, copies=copies,
                share=share, positions=pos)


def _date(v, d, key, allow_immediately):
    if key not in d or d[key] is None:
        return None
    val = d[key]
    if isinstance(val, dt.datetime):
        return val.date()
    if isinstance(val, dt.date):
        return val
    if isinstance(val, str):
        if allow_immediately and val.strip().lower() == "immediately":
            return "immediately"
        try:
            return dt.date.fromisoformat(val.strip())
        except ValueError:
            pass
    what = "an ISO date (YYYY-MM-DD) or 'immediately'" if allow_immediately else "an ISO date (YYYY-MM-DD)"
    v.err((key,), f"{key} must be {what}, not {val!r}")
    return None


def _url(v, val, path):
    s = v.string(val, path)
    if s is None:
        return None
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(s)
    except ValueError:
        parts = None
    if not parts or parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in s):
        v.err(path, f"'{s}' is not an http(s) URL (like https://example.org/appeal)")
        return None
    return s


def _person(v, p, lang):
    path = ("person",)
    if v.mapping(p, path, PERSON_KEYS, "person") is None:
        return None
    name = v.string(p["name"], path + ("name",)) if "name" in p else None
    native = v.string(p["native_name"], path + ("native_name",)) if "native_name" in p else None
    pronoun = "they"
    if "pronoun" in p:
        pr = v.string(p["pronoun"], path + ("pronoun",))
        if pr is not None and pr not in PRONOUNS:
            v.err(path + ("pronoun",), f"pronoun must be one of he, she, they, not '{pr}'")
        elif pr:
            pronoun = pr
    age = None
    if "age" in p and p["age"] is not None:
        if isinstance(p["age"], int) and not isinstance(p["age"], bool) and 0 < p["age"] < 150:
            age = p["age"]
        else:
            v.err(path + ("age",), f"age must be a whole number of years, not {p['age']!r}")
    desc = v.text(p["description"], path + ("description",), lang) if "description" in p else None
    safety = v.text(p["safety"], path + ("safety",), lang) if "safety" in p else None
    addr = _address(v, p["address"], path + ("address",)) if p.get("address") is not None else None
    if name is None:
        return None
    return Person(name=name, native_name=native, pronoun=pronoun, age=age, description=desc,
                  address=addr, safety=safety)


def _recipient(v, r, rid):
    path = ("recipients", rid)
    if v.mapping(r, path, RECIPIENT_KEYS, f"recipient '{rid}'") is None:
        return None
    role = v.string(r["role"], path + ("role",)) if "role" in r else None
    if role is not None and role not in ROLES:
        v.err(path + ("role",), f"unknown role '{role}'{did_you_mean(role, ROLES, 'roles')}")
        role = None
    kw = {}
    for k in ("name", "title", "organisation", "salutation", "fax", "email", "phone"):
        if k in r and r[k] is not None:
            kw[k] = v.string(r[k], path + (k,))
    addr = _address(v, r["address"], path + ("address",)) if r.get("address") is not None else None
    handles = {}
    if "handles" in r and r["handles"] is not None:
        hs = r["handles"]
        if not isinstance(hs, dict):
            v.err(path + ("handles",), f"handles must be a mapping of platform to handle, not {_typename(hs)}")
        else:
            for plat, h in hs.items():
                if plat not in PLATFORMS:
                    v.err(path + ("handles", plat),
                          f"unknown platform '{plat}'{did_you_mean(plat, PLATFORMS, 'platforms')}", key=True)
                    continue
                hv = v.string(h, path + ("handles", plat))
                if hv is None:
                    continue
                hv = hv.lstrip("@")
                if not HANDLE.match(hv):
                    v.err(path + ("handles", plat), f"'{h}' is not a handle (write it without spaces, e.g. MVD_RK)")
                    continue
                handles[plat] = hv
    if role is None:
        return None
    return Recipient(id=rid, role=role, address=addr, handles=handles, **kw)


def _address(v, a, path):
    if v.mapping(a, path, ADDRESS_KEYS, "address") is None:
        return None
    country = None
    if "country" in a:
        c = v.string(a["country"], path + ("country",))
        if c is not None:
            from ..address.countries import is_iso_country

            if is_iso_country(c.upper()):
                country = c.upper()
            else:
                v.err(path + ("country",), f"'{c}' is not an ISO 3166-1 alpha-2 country code (like KZ, RU, GB)")
    lines = v.str_list(a["lines"], path + ("lines",), min_items=1) if "lines" in a else []
    kw = {}
    for k in ("postcode", "locality", "region"):
        if k in a and a[k] is not None:
            kw[k] = v.string(a[k], path + (k,))
    latin = None
    if a.get("latin") is not None:
        la = a["latin"]
        lp = path + ("latin",)
        if v.mapping(la, lp, LATIN_KEYS, "address.latin") is not None:
            latin = LatinParts(
                lines=v.str_list(la["lines"], lp + ("lines",), min_items=1) if "lines" in la else None,
                locality=v.string(la["locality"], lp + ("locality",)) if "locality" in la else None,
                region=v.string(la["region"], lp + ("region",)) if "region" in la else None,
            )
    if country is None or not lines:
        return None
    return Address(country=country, lines=lines, latin=latin, path=path, **kw)


def _share(v, s, lang):
    path = ("share",)
    if v.mapping(s, path, SHARE_KEYS, "share") is None:
        return None
    text = v.text(s["text"], path + ("text",), lang) if "text" in s else None
    hashtags = [h.lstrip("#") for h in v.str_list(s["hashtags"], path + ("hashtags",), pattern=HASHTAG,
                                                    what="hashtag (one word)")] if s.get("hashtags") is not None else []
    mentions = [m.lstrip("@") for m in v.str_list(s["mentions"], path + ("mentions",), pattern=HANDLE,
                                                    what="handle")] if s.get("mentions") is not None else []
    url = _url(v, s["url"], path + ("url",)) if s.get("url") is not None else None
    return Share(text=text, hashtags=hashtags, mentions=mentions, url=url)
