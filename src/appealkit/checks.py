"""The warnings `check` prints, gathered from each part of a case. Pure: returns findings."""

from __future__ import annotations

import datetime as dt

from .errors import Where
from .records import Record
from .unicode_checks import invisible_chars, mixed_script


class Finding(Record):
    """A warning (or error) `check` reports, with where it is and the commands it affects."""
    level: str  # "warning" or "error"
    code: str
    message: str
    where: Where
    affects: tuple[str, ...] = ()  # the commands this finding stops or changes

    def as_dict(self) -> dict:
        d = {"level": self.level, "code": self.code, "message": self.message, **self.where.as_dict()}
        if self.affects:
            d["affects"] = list(self.affects)
        return d


# what a finding stops: each command that would fail (or have nothing to do) on such a case
AFFECTS = {
    "no-post": ("tweet",), "post-fails": ("tweet",), "post-too-long": ("tweet",),
    "no-person-address": ("letter", "address"), "no-address": ("letter", "address"),
    "address-fails": ("address", "letter"), "letter-language": ("letter",),
    "missing-translation": ("letter",), "empty-field": ("address", "letter"),
    "no-locality": ("address", "letter"), "no-postcode": ("address", "letter"),
    "pasted-address": ("address", "letter"), "split-address": ("address", "letter"),
    "latin-in-cyrillic": ("address", "letter"),
}


# a value pasted from a word processor keeps the quotes around it: they would be printed
_QUOTE_PAIRS = {"“": "”„", "„": "“”", "‘": "’", "‚": "’‘", "«": "»", "»": "«", "”": "”", "’": "’"}


def wrapped_in_quotes(s: str) -> str | None:
    """A message when the whole value stands in typographic quotes (“…”, «…», ‘…’)."""
    s = s.strip()
    closing = _QUOTE_PAIRS.get(s[:1], "")
    # «Сводка» про «это» is two quotations, not one wrapped value
    if len(s) > 2 and s[-1] in closing and not any(c in s[1:-1] for c in closing):
        return (f"the value is wrapped in typographic quotes {s[0]}…{s[-1]} (pasted from a word "
                "processor?): they would be printed as part of it; delete them")
    return None


def run_checks(case, today: dt.date | None = None, sender: str | None = None) -> list[Finding]:
    """Every warning for `case`; with the writer's country `sender`, also the postal routes
    that are suspended and deadlines the post cannot meet (routes.py)."""
    today = today or dt.date.today()
    pos = case.positions
    out: list[Finding] = []

    def add(code, msg, path, level="warning"):
        where = path if isinstance(path, Where) else pos.at(path)
        out.append(Finding(level, code, msg, where, AFFECTS.get(code, ())))

    if isinstance(case.deadline, dt.date) and case.deadline < today:
        add("deadline-passed", f"the deadline {case.deadline.isoformat()} has passed: send no more letters to the "
            "authorities (letter and pack leave them out); support letters to the person are still welcome",
            ("deadline",))

    for path, msg in case.controls:
        add("control-char", msg, path)
    for path, s in case.strings():
        for msg in mixed_script(s):
            add("mixed-script", msg, path)
        for msg in invisible_chars(s):
            add("invisible-char", msg, path)
        quoted = wrapped_in_quotes(s)
        if quoted:
            add("typographic-quotes", quoted, path)

    from .gate import empty_fields, gate_findings

    for code, msg, path in empty_fields(case):
        add(code, msg, path)

    from .address.checks import address_findings

    for code, msg, path in address_findings(case):
        add(code, msg, path)

    for rid, r in case.recipients.items():
        if r.address is None and r.role != "ambassador" and not (r.email or r.fax):
            add("no-address", f"recipient '{rid}' has no address, email or fax: its letter cannot be "
                f"sent, and 'address' has no envelope for it; add one of them, or remove the recipient",
                ("recipients", rid))

    from .letters.checks import letter_findings
    from .posts.checks import post_findings

    for code, msg, path in [*gate_findings(case), *letter_findings(case), *post_findings(case)]:
        add(code, msg, path)
    if sender:
        from .routes import deadline_warnings, route_warnings

        targets = case.targets("all")
        for t, msg in route_warnings(case, targets, sender, today):
            add("route-suspended", msg, ("person", "address") if t == "person" else ("recipients", t, "address"))
        for msg in deadline_warnings(case, targets, sender, today):
            add("post-too-slow", msg, ("deadline",))
    return out
