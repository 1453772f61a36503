"""Address findings for `check` and warnings for `address`: postcodes, scripts, stale facts."""

from __future__ import annotations

import re
from functools import lru_cache

from .. import scripts
from ..resources import load_data
from .countries import get_country
from .format import choose_scheme, non_latin


@lru_cache(maxsize=None)
def stale_facts() -> dict:
    return load_data("stale.yaml") or {}


# the parts of Address with a field of their own: pasted into `lines`, or required by Google's
# data ("A", the lines, is always there)
FIELDS = ("postcode", "locality", "district", "region")


@lru_cache(maxsize=None)
def _parts_data() -> dict:
    return load_data("address-parts.yaml")


@lru_cache(maxsize=None)
def _part_marks() -> list[tuple[str, str]]:
    """(marker, field) for locality, district and region markers, longest first."""
    marks = {w: field for table in _parts_data()["languages"].values()
             for field, words in table.items() for w in words}
    return sorted(marks.items(), key=lambda x: len(x[0]), reverse=True)


def _is_name(text: str) -> bool:
    """One to three words, each a letter followed by letters, digits, "'", "’" or "-"."""
    words = text.split()
    return 1 <= len(words) <= 3 and all(
        w[0].isalpha() and all(c.isalnum() or c in "_'’-" for c in w) for w in words)


def _part_field(seg: str) -> str | None:
    """The field a comma-separated segment is: its marker and a name of one to three words, in
    either order ("г. Сегежа", "г.Сегежа": a dot may stand for the space; "Сегежский р-н").
    Word by word: one regex of every marker took longer to compile than `check` takes to run."""
    for mark, field in _part_marks():
        if seg.startswith(mark):
            rest = seg[len(mark):]
            if (rest[:1].isspace() or mark.endswith(".")) and _is_name(rest):
                return field
        if seg.endswith(mark) and seg[:-len(mark)][-1:].isspace() and _is_name(seg[:-len(mark)]):
            return field
    return None


def pasted_parts(line: str, cc: str) -> dict[str, str]:
    """The parts of an address line that belong in fields of their own: {field: text as written}.
    The postcode by the country's pattern; locality, district and region by data/address-parts.yaml."""
    country = get_country(cc)
    found: dict[str, str] = {}
    for seg in (x.strip() for x in line.split(",")):
        if not seg:
            continue
        pre = (country.postcode_prefix or "").strip()
        body = seg[len(pre):].lstrip() if pre and seg.upper().startswith(pre.upper() + " ") else seg
        head, _, rest = body.partition(" ")
        if country.known and country.postcode and "postcode" not in found:
            if country.postcode_ok(seg):
                found["postcode"] = seg
                continue
            if rest and head.isdigit() and country.postcode_ok(head):  # "186420 г. Сегежа", "AZ 1000 Bakı"
                found["postcode"] = seg[:len(seg) - len(rest)].strip()
                seg = rest.strip()
                if _part_field(seg) is None:  # what follows the postcode is the town's line
                    found.update(_after_postcode(seg, country.layout))
                    continue
        field = _part_field(seg)
        if field is not None and field not in found:
            found[field] = seg
    return found


def _after_postcode(text: str, layout: list[str]) -> dict[str, str]:
    """The fields a country's layout writes after the postcode on one line, from `text` as
    written there: "Silivri/İstanbul" by Turkey's "{postcode} {locality}/{region}"."""
    line = next((t for t in layout if "{postcode}" in t), "")
    after = line.split("{postcode}", 1)[1]
    keys = re.findall(r"\{(\w+)\}", after)
    seps = [x for x in re.split(r"\{\w+\}", after)[1:-1] if x.strip()]
    if keys[:1] != ["locality"]:
        return {"locality": text}
    if len(keys) > 1 and seps and seps[0].strip() in text:
        town, _, rest = text.partition(seps[0].strip())
        return {"locality": town.strip(), keys[1]: rest.strip()}
    return {"locality": text}


def approximate(addr) -> str | None:
    """Why the automatic Latin block of `addr` can only approximate it, or None: a script no
    standard here covers (ASCII fallback) or a scheme marked `approximate` (Arabic script
    writes no short vowels)."""
    local = addr.local_text
    if not non_latin(local) or scripts.has(local, scripts.CYRILLIC):
        return None
    from ..translit import get_scheme

    scheme_id, _ = choose_scheme(get_country(addr.country), local, None)
    sch = get_scheme(scheme_id)
    if sch.engine == "unidecode":
        return "no standard here transliterates this address's script; its Latin block is an ASCII approximation"
    if getattr(sch, "approximate", False):
        return f"its Latin block ({sch.id}) can only approximate this script"
    return None


def address_findings(case):
    """(code, message, path) for every address in the case."""
    for addr in case.addresses():
        country = get_country(addr.country)
        if addr.postcode and not country.postcode_ok(addr.postcode.strip()):
            ex = f" (like {country.postcode_example})" if country.postcode_example else ""
            yield ("postcode", f"postcode '{addr.postcode}' does not fit {addr.country}'s pattern{ex}",
                   addr.path + ("postcode",))
        why = approximate(addr)
        if why and not (addr.latin and addr.latin.lines):
            yield ("latin-override", f"{why}: give address.latin (lines, locality)", addr.path)
        yield from _layout_findings(addr, country, case.positions.keys)
        for key in country.required:  # Google's data; hand-made countries: _layout_findings
            if key in FIELDS and not getattr(addr, key):
                yield ("required", f"{addr.country} addresses need a {key} ({country.name_of_source})",
                       addr.path)
        if not country.known and not country.google:
            yield ("unknown-country",
                   f"appealkit has no postal layout for {addr.country}; it uses a generic order",
                   addr.path + ("country",))
    yield from stale_findings(case)


def _locality_example(cc: str) -> str:
    """How the fix for a missing town names it: with an example in the country's own writing."""
    ex = _parts_data()["locality_examples"].get(cc)
    if ex is None:
        return "the town's name"
    prefixed = not scripts_latin(ex) and " " in ex
    return f"the town, {'with its prefix where the post uses one, ' if prefixed else ''}like '{ex}'"


def scripts_latin(text: str) -> bool:
    return text.isascii() or not non_latin(text)


_ROMAN = re.compile(r"^[IVXLCDM]+$")
# letters, then the Latin runs among them (a class of ranges beyond Latin-1 takes ms to compile)
_LETTERS = re.compile(r"[^\W\d_]{2,}")


def _latin_words(line: str) -> list[str]:
    """The runs of two or more Latin letters in `line` ('Logvinenko' in 'ул. Logvinenko, 41')."""
    from itertools import groupby

    runs = (run for token in _LETTERS.findall(line)
            for latin, run in groupby(token, lambda c: scripts.of(c) == scripts.LATIN) if latin)
    return [w for run in runs if len(w := "".join(run)) >= 2]


def _line_findings(addr, country):
    """A line a flow list split off its street (`lines: [ФСИН России, ул. Житная, д. 14]` gives
    `д. 14` alone), and a Latin word among Cyrillic ones (`ул. Logvinenko, 41`)."""
    from .abbrev import language_table, table_languages
    from .format import cyrillic_language

    for i, line in enumerate(addr.lines):
        if scripts.has(line, scripts.CYRILLIC):
            for w in _latin_words(line):
                if not _ROMAN.match(w):
                    yield ("latin-in-cyrillic",
                           f"address line {i + 1} has the Latin word '{w}' among Cyrillic ones: the "
                           f"destination's post reads this line in Cyrillic; write '{w}' in Cyrillic letters "
                           "as the place itself writes it", addr.path + ("lines", i))
        if i == 0:
            continue
        lang = cyrillic_language(line, addr.country) or ""
        labels = {f.lower() for lg in table_languages(country.abbreviations, lang or None)
                  for e in language_table(lg)["entries"] if e.get("kind") == "label" for f in e["forms"]}
        words = line.split()
        only_number = bool(words) and words[-1][:1].isdigit() and len(words) <= 2 and (
            len(words) == 1 or words[0].lower() in labels)
        if only_number:
            prev = addr.lines[i - 1]
            yield ("split-address",
                   f"address line {i + 1} '{line}' is a number alone, cut off from '{prev}': in a [ ] list a "
                   f"comma starts a new line; quote a line that holds commas: lines: [\"{prev}, {line}\"]",
                   addr.path + ("lines", i))


def _layout_findings(addr, country, keys=()):
    """Parts pasted into `lines`, lines split apart, and parts the envelope needs that are missing."""
    yield from _line_findings(addr, country)
    pasted: set[str] = set()
    for i, line in enumerate(addr.lines):
        parts = pasted_parts(line, addr.country)
        if not parts:
            continue
        pasted.update(parts)
        moves = []
        for field in FIELDS:
            if field in parts:
                have = getattr(addr, field)
                moves.append(f"{field} '{parts[field]}' (" + (f"delete it here: {field} is already given)"
                                                              if have else f"move it to {field}:)"))
        yield ("pasted-address",
               f"address line {i + 1} holds parts that have fields of their own: {'; '.join(moves)}; "
               f"lines are printed as written, so these would stand in the wrong place on the envelope",
               addr.path + ("lines", i))
    if not country.known:
        return
    whose = {"person": "the person's address", "recipients": "this address"}.get(addr.path[0], "the address")
    # a key written with nothing after it is reported as an empty field, not again here
    if addr.locality is None and "locality" not in pasted and addr.path + ("locality",) not in keys and "{locality}" in " ".join(country.layout):
        yield ("no-locality",
               f"{whose} has no locality: the envelope would have no town; "
               f"add locality: ({_locality_example(addr.country)})",
               addr.path)
    if (addr.postcode is None and "postcode" not in pasted and country.postcode
            and addr.path + ("postcode",) not in keys
            and addr.country in _parts_data()["postcode_expected"]):
        ex = f" (like {country.postcode_example})" if country.postcode_example else ""
        yield ("no-postcode",
               f"{whose} has no postcode; {addr.country} addresses "
               f"carry one{ex}: add postcode:", addr.path)


def stale_findings(case):
    """Addressees no longer in office and renamed places (data/stale.yaml), judged by what the
    case names, whatever its issue date."""
    data = stale_facts()
    fallback = case.person.address.country if case.person.address else None
    for rid, r in case.recipients.items():
        cc = r.address.country if r.address else fallback
        if cc is None or r.name is None or r.role == "ambassador":
            continue
        msg = stale_addressee(cc, r.role, list(r.title.values.values()) if r.title else [],
                              list(r.name.values.values()),
                              list(r.organisation.values.values()) if r.organisation else [])
        if msg:
            yield ("stale", msg, ("recipients", rid, "name"))
    for place in data.get("places", []):
        strings = list(_strings_in(case, place["country"]))
        if not strings:  # the pattern is compiled only for a country the case writes to
            continue
        pat = re.compile(place["old"])
        hit = next((path for path, s in strings if pat.search(s)), None)
        if hit:
            yield ("stale", f"{place['old_name']} has been called {place['new']} since {place['since']}: "
                   f"write the new name ({_source(place)})", hit)


def stale_addressee(cc: str, role: str, titles: list[str], names: list[str],
                    organisations: tuple[str, ...] | list[str] = ()) -> str | None:
    """Why an addressee (country, role, titles, names, organisations) is out of date, or None.
    A deputy, or a city or regional office, is not the office holder (data/stale.yaml
    `not_holder`): it is never judged against the holder."""
    data = stale_facts()
    offices = data.get("offices", [])
    for office in offices:
        if office["country"] != cc or role not in office["roles"]:
            continue
        if titles and not any(re.search(office["title"], t, re.IGNORECASE) for t in titles):
            continue
        if not titles and (not office.get("untitled")
                           or any(not re.search(office["title"], o, re.IGNORECASE) for o in organisations)):
            continue  # no title: only the office its organisation names, if it names one
        # asked only now that an office matches: the patterns take milliseconds to compile
        if any(re.search(p, t) for p in data.get("not_holder", []) for t in [*titles, *organisations]):
            return None
        return _office_message(office, names, offices, cc)
    return None


def _office_message(office, names, offices, cc) -> str | None:
    held = "; ".join(filter(None, [f"as of {office['verified']}", office.get("note")]))
    current = f"the {office['office']} is {office['holder']} ({held})"
    for f in office.get("former", []):
        if any(re.search(f["pattern"], n) for n in names):
            was = f"has not been {office['office']} since {f['until']}" if f.get("until") else \
                f"is no longer {office['office']}"
            if office.get("unconfirmed_since"):
                return f"{f['name']} {was}: check the addressee"
            return f"{f['name']} {was}; {current}: check the addressee"
    if office.get("unconfirmed_since"):
        return None  # no source here says who holds it now: nothing to compare with
    if any(re.search(office["names"], n) for n in names) or _same_person(office["holder"], names):
        return None
    # a current holder of another of the country's offices is no mistake of this kind
    if any(o["country"] == cc and (re.search(o["names"], n) or _same_person(o["holder"], [n]))
           for o in offices for n in names):
        return None
    return f"{names[0]} is named as {office['office']}, but {current}: check the addressee"


_SOUNDS = (("kh", "h"), ("zh", "z"), ("ts", "c"), ("ch", "c"), ("sh", "s"), ("h", "g"), ("w", "v"),
           ("x", "h"), ("q", "k"))


def _skeleton(word: str) -> str:
    """A surname's consonants in any script and spelling: Гара, Gora and Hara are one name
    (Belarusian and Ukrainian write г as h)."""
    from unidecode import unidecode

    w = unidecode(word).lower()
    for a, b in _SOUNDS:
        w = w.replace(a, b)
    return re.sub(r"[^b-df-np-tv-z]", "", w.replace("y", "").replace("j", ""))


def _same_person(holder: str, names: list[str]) -> bool:
    """The holder's surname, however a case spells or transliterates it, among the names."""
    want = _skeleton(holder.split()[-1])
    return len(want) >= 2 and any(_skeleton(w) == want for n in names for w in re.findall(r"[^\W\d_]+", n))


def _source(fact) -> str:
    return f"verified {fact['verified']}"


def _strings_in(case, cc):
    """The strings that say where letters go in country cc: its addresses and its recipients."""
    from ..case.model import address_strings

    for addr in case.addresses():
        if addr.country == cc:
            yield from address_strings(addr)
    for rid, r in case.recipients.items():
        if r.address and r.address.country == cc:
            for k in ("title", "organisation"):
                t = getattr(r, k)
                if t is not None:
                    for lang, s in t.values.items():
                        yield ("recipients", rid, k, lang), s


def address_warnings(case, targets: set[str], scheme: str | None = None) -> list[str]:
    """What `address` and `letter` warn of on stderr for the addresses of `targets` (person, recipient ids):
    mixed scripts, invisible characters, postcodes, stale addressees, missing Latin overrides,
    and a chosen `scheme` that does not cover an address's language."""
    from ..case.model import address_strings
    from ..unicode_checks import invisible_chars, mixed_script

    def wanted(path) -> bool:
        return (path[0] == "person" and "person" in targets) or (path[0] == "recipients" and path[1] in targets)

    out = []
    for addr in case.addresses():
        if wanted(addr.path):
            for path, s in address_strings(addr):
                out += [f"{case.positions.at(path)}: {m}" for m in mixed_script(s) + invisible_chars(s)]
    for code, msg, path in address_findings(case):
        if code in ("postcode", "stale", "latin-override", "required") and wanted(path):
            out.append(f"{case.positions.at(path)}: {msg}")
    if scheme:
        from ..translit.coverage import coverage_warning

        for addr in case.addresses():
            msg = coverage_warning(scheme, addr.local_text, country=addr.country) if wanted(addr.path) else None
            if msg:
                out.append(f"{case.positions.at(addr.path)}: {msg}")
    return out
