"""What appealkit knows of who holds the offices appeals write to, and of renamed places
(data/stale.yaml), with each fact's source and the date it was verified: what `check` and
`address` compare a case with when they call an addressee stale."""

from __future__ import annotations

from ..errors import UsageError
from .checks import stale_facts
from .countries import is_iso_country


def known_facts(country: str | None = None) -> dict:
    """{"offices": [...], "places": [...]} for `country` (ISO code) or every country."""
    cc = None
    if country:
        cc = country.strip().upper()
        if not is_iso_country(cc):
            raise UsageError(f"'{country}' is not an ISO 3166-1 alpha-2 country code (like RU, KZ, BY)",
                             param="country")
    data = stale_facts()
    offices = [_office(o) for o in data.get("offices", []) if cc in (None, o["country"])]
    places = [{"country": p["country"], "old_name": p["old_name"], "new_name": p["new"],
               "since": str(p["since"]), "verified": str(p["verified"]), "source": p["source"]}
              for p in data.get("places", []) if cc in (None, p["country"])]
    return {"offices": offices, "places": places}


def _office(o: dict) -> dict:
    unconfirmed = o.get("unconfirmed_since")
    return {"country": o["country"], "office": o["office"], "holder": o["holder"],
            "since": str(o["since"]) if o.get("since") else None, "verified": str(o["verified"]),
            "status": f"unconfirmed since {unconfirmed}" if unconfirmed else f"as of {o['verified']}",
            "note": o.get("note"), "source": o["source"],
            "former": [{"name": f["name"], "until": str(f["until"]) if f.get("until") else None}
                       for f in o.get("former", [])]}


def facts_text(facts: dict) -> str:
    """The facts as a volunteer reads them: one paragraph per office, then the renamed places."""
    out = []
    for o in facts["offices"]:
        holder = (f"{o['holder']} (last confirmed {o['verified']}; {o['status']})" if o["status"].startswith("unconfirmed")
                  else f"{o['holder']} ({o['status']}" + (f", in office since {o['since']}" if o["since"] else "") + ")")
        lines = [f"{o['country']}  {o['office']}: {holder}"]
        if o["note"]:
            lines.append(f"    note: {o['note']}")
        if o["former"]:
            lines.append("    former: " + "; ".join(f["name"] + (f" (until {f['until']})" if f["until"] else "")
                                             for f in o["former"]))
        lines.append(f"    source: {o['source']}")
        out.append("\n".join(lines))
    for p in facts["places"]:
        out.append(f"{p['country']}  {p['old_name']} is {p['new_name']} since {p['since']} (verified {p['verified']})\n"
                   f"    source: {p['source']}")
    return "\n".join(out) if out else "appealkit knows no office holders or renamed places for this country"
