"""Whether and when a letter arrives by post: suspended routes (data/routes.yaml), transit times
(data/transit.yaml), the last day to post for a date, and the warnings `letter`, `pack` and
`check` give. Pure: dates and countries in, messages out."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from .records import Record
from .resources import load_data


class Suspension(Record, frozen=True):
    """A post that carries no mail from one country to another, with its source."""
    sender: str
    dest: str
    post: str
    what: str
    source: str
    since: str


class Transit(Record, frozen=True):
    """How many days mail takes on a route, and where that figure comes from."""
    days: int
    source: str
    date: str
    assumed: bool = False


@lru_cache(maxsize=None)
def _routes() -> dict:
    return load_data("routes.yaml")


@lru_cache(maxsize=None)
def _transit() -> dict:
    return load_data("transit.yaml")


def suspension(sender: str | None, dest: str, day: dt.date | None = None) -> Suspension | None:
    """The suspension that stops a letter from `sender`'s country to `dest`, if any."""
    if not sender or sender == dest:
        return None
    day = day or dt.date.today()
    for s in _routes()["suspensions"]:
        until = s.get("until")
        if until and str(until) <= day.isoformat():
            continue
        if (s["from"] == sender and dest in s["to"]) or (s.get("both_ways") and dest == s["from"] and sender in s["to"]):
            return Suspension(sender, dest, s["post"], s["what"], s["source"], str(s["since"]))
    return None


def transit(sender: str, dest: str) -> Transit:
    """Days a letter takes from `sender` to `dest`: the route's own figure, else the stand-in."""
    for r in _transit()["routes"]:
        if r["from"] in (sender, "*") and r["to"] in (dest, "*"):
            return Transit(int(r["days"]), r["source"], str(r["date"]))
    d = _transit()["default"]
    return Transit(int(d["days"]), d["source"], str(d["date"]), bool(d.get("assumed")))


def post_by(day: dt.date, sender: str, dest: str) -> dt.date:
    """The last day to post from `sender` for a letter to arrive in `dest` by `day`."""
    return day - dt.timedelta(days=transit(sender, dest).days)


def _destinations(case, targets) -> list[tuple[str, str]]:
    """(target, destination country) of each target with a postal address."""
    out = []
    for t in targets:
        addr = case.person.address if t == "person" else case.recipients[t].address if t in case.recipients else None
        if addr is not None:
            out.append((t, addr.country))
    return out


def route_warnings(case, targets, sender: str | None, day: dt.date | None = None) -> list[tuple[str, str]]:
    """(target, message): one per destination and kind of letter (to the person, to officials)
    the writer's post cannot reach, with what works instead."""
    if not sender:
        return []
    out: list[tuple[str, str]] = []
    said: set[str] = set()
    for t, dest in _destinations(case, targets):
        s = suspension(sender, dest, day)
        if s is None:
            continue
        who = "person" if t == "person" else "officials"
        key = f"{dest}-{who}"
        if key in said:
            continue
        said.add(key)
        instead = _routes()["instead"][who].format(post=s.post, dest=dest)
        whom = "to the person" if t == "person" else "to the officials"
        out.append((t, f"letters {whom} cannot go by post from {sender} to {dest}: {s.what} "
                       f"(since {s.since}: {s.source}); instead, {instead}"))
    return out


def deadline_warnings(case, targets, sender, today: dt.date) -> list[str]:
    """When a letter to the officials posted today from `sender` (a country, or several: one
    message for the countries that share a transit time) would arrive after the case's deadline:
    by how far, and the e-mail or fax that still can arrive in time. The deadline is the
    appeal's: letters to the person are welcome after it and never warned of."""
    senders = sorted({sender} if isinstance(sender, str) else {s for s in sender or () if s})
    officials = [t for t in targets if t != "person"]
    if not senders or not officials or not isinstance(case.deadline, dt.date) or case.deadline < today:
        return []
    fast = [t for t in officials if t in case.recipients and (case.recipients[t].email or case.recipients[t].fax)]
    hint = (f"; send the letters to {', '.join(fast)} by e-mail or fax instead" if fast else
            "; for letters to officials, e-mail or fax them where you can find an address")
    out = []
    for dest in sorted({d for _, d in _destinations(case, officials)}):
        late: dict[Transit, list[str]] = {}
        for s in senders:
            if suspension(s, dest, today) is not None:
                continue  # no post at all: route_warnings says so
            tr = transit(s, dest)
            if today + dt.timedelta(days=tr.days) > case.deadline:
                late.setdefault(tr, []).append(s)
        for tr, froms in late.items():
            arrives = today + dt.timedelta(days=tr.days)
            when = "today" if today == dt.date.today() else f"on {today.isoformat()}"
            out.append(f"posted {when} from {', '.join(froms)}, a letter to the officials reaches {dest} in about "
                       f"{tr.days} days ({'stand-in: ' if tr.assumed else ''}{tr.source}, {tr.date}), around "
                       f"{arrives.isoformat()}: after the deadline {case.deadline.isoformat()}{hint}")
    return out


def post_warnings(cases, to: str, senders, today: dt.date) -> list[str]:
    """For letters to `to` of each case from each writer's country in `senders`: the suspended
    routes and the deadlines the post cannot meet, each said once, prefixed with the case id."""
    out: list[str] = []
    for c in cases:
        try:
            targets = c.targets(to)
        except Exception:  # a target this case lacks: the letter command says so itself
            continue
        countries = sorted({s for s in senders if s})
        msgs = [m for sender in countries for _, m in route_warnings(c, targets, sender, today)]
        for m in msgs + deadline_warnings(c, targets, countries, today):
                line = f"{c.id}: {m}"
                if line not in out:
                    out.append(line)
    return out
