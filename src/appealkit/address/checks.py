"""Address findings for `check` and warnings for `address`: postcodes, scripts, stale facts."""

from __future__ import annotations

import re
from functools import lru_cache

from ..resources import load_data
from ..translit.engine import ANY_CYR
from .countries import get_country
from .format import non_latin


@lru_cache(maxsize=None)
def stale_facts() -> list[dict]:
    return load_data("stale.yaml") or []


def address_findings(case):
    """(code, message, path) for every address in the case."""
    for addr in case.addresses():
        country = get_country(addr.country)
        if addr.postcode and not country.postcode_ok(addr.postcode.strip()):
            ex = f" (like {country.postcode_example})" if country.postcode_example else ""
            yield ("postcode", f"postcode '{addr.postcode}' does not fit {addr.country}'s pattern{ex}",
                   addr.path + ("postcode",))
        local = addr.local_text
        if non_latin(local) and not ANY_CYR.search(local):
            lat = addr.latin
            if not (lat and lat.lines):
                yield ("latin-override",
                       f"no standard here transliterates this address's script; its Latin block is "
                       f"an ASCII approximation: give address.latin (lines, locality)", addr.path)
        if not country.known:
            yield ("unknown-country",
                   f"appealkit has no postal layout for {addr.country}; it uses a generic order",
                   addr.path + ("country",))
    yield from stale_findings(case)


def stale_findings(case):
    # only whom and where letters go: the story may name anyone
    addressed = [(path, s) for path, s in case.strings()
                 if path[0] == "recipients" or (path[0] == "person" and "address" in path)]
    for fact in stale_facts():
        if case.issued is not None and case.issued >= fact["since"]:
            continue
        pat = re.compile(fact["pattern"])
        hit = next((path for path, s in addressed if pat.search(s)), None)
        if hit:
            yield ("stale", fact["message"], hit)


def address_warnings(case, targets: set[str]) -> list[str]:
    """What `address` warns of on stderr for the addresses of `targets` (person, recipient ids):
    mixed scripts, invisible characters, postcodes, stale addressees, missing Latin overrides."""
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
        if code in ("postcode", "stale", "latin-override") and wanted(path):
            out.append(f"{case.positions.at(path)}: {msg}")
    return out
