"""Birthdays and holidays worth a letter, and the last day to post for each from the writer's
country (`list --post-by --from CC`). Holidays are data (data/holidays.yaml), per country."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from .resources import load_data

HORIZON_DAYS = 366  # every occasion of the coming year


@dataclass
class Occasion:
    """A day to write for (a birthday, a holiday) and the day to post by."""
    case: str
    person: str
    what: str  # "birthday" or a holiday id
    name: str  # in English
    date: dt.date
    post_by: dt.date
    days_left: int  # to the post-by day; negative: too late by post
    transit_days: int
    assumed: bool  # the transit time is a stand-in, not the route's own figure

    def as_dict(self) -> dict:
        return {"case": self.case, "person": self.person, "what": self.what, "name": self.name,
                "date": self.date.isoformat(), "post_by": self.post_by.isoformat(), "days_left": self.days_left,
                "transit_days": self.transit_days, "transit_assumed": self.assumed}


@lru_cache(maxsize=None)
def holidays() -> list[dict]:
    return load_data("holidays.yaml")["holidays"]


def next_on(mmdd: str, after: dt.date) -> dt.date:
    """The first MM-DD on or after `after` (29 February: the 28th in a common year)."""
    m, d = (int(x) for x in mmdd.split("-"))
    for year in (after.year, after.year + 1, after.year + 2):
        try:
            day = dt.date(year, m, d)
        except ValueError:
            day = dt.date(year, m, 28)
        if day >= after:
            return day
    raise ValueError(mmdd)  # pragma: no cover: some year within two has every date


def country_holidays(cc: str, after: dt.date) -> list[tuple[dict, dt.date]]:
    """The holidays kept in `cc`, each with its next date on or after `after`, in date order."""
    out = [(h, next_on(h["date"], after)) for h in holidays() if "*" in h["countries"] or cc in h["countries"]]
    return sorted(out, key=lambda x: x[1])


def occasions(cases, sender: str, today: dt.date) -> list[Occasion]:
    """Every birthday and holiday of the coming year for each case whose person can be written
    to, with the last day to post from `sender`; the soonest post-by day first."""
    from .routes import transit

    out: list[Occasion] = []
    for c in cases:
        addr = c.person.address
        if addr is None:
            continue  # not held, or no address: no letter to time
        tr = transit(sender, addr.country)
        name = c.person.name.pick("en", c.language)
        found: list[tuple[str, str, dt.date]] = []
        born = c.person.born
        if isinstance(born, dt.date):
            found.append(("birthday", "birthday", next_on(f"{born.month:02d}-{born.day:02d}", today)))
        for h, day in country_holidays(addr.country, today):
            found.append((h["id"], h["name"]["en"], day))
        for what, label, day in found:
            if (day - today).days > HORIZON_DAYS:
                continue
            by = day - dt.timedelta(days=tr.days)
            out.append(Occasion(c.id, name, what, label, day, by, (by - today).days, tr.days, tr.assumed))
    return sorted(out, key=lambda o: (o.post_by, o.case, o.what))
