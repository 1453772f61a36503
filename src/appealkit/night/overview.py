"""The campaign overview (`appealkit list`): one row per case, most urgent first. Pure: cases
and a date in, rows out."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field

BIRTHDAY_DAYS = 30  # how far ahead a birthday is worth a card


@dataclass
class Birthday:
    """A person's coming birthday, for the overview."""
    date: dt.date  # the coming birthday
    age: int  # the age turned that day
    days: int  # days from today


@dataclass
class Row:
    """One case in the overview of a night: deadline, birthday, letters logged."""
    id: str
    person: str
    country: str | None
    deadline: str | None  # "immediately", an ISO date, or None
    days_left: int | None  # negative once the deadline has passed
    passed: bool
    birthdays: list[Birthday] = field(default_factory=list)
    addressed: int = 0  # recipients with a postal address
    recipients: int = 0
    person_address: bool = False  # support letters can reach the person
    file: str = ""
    status: str = "held"  # person.status: anyone else is listed apart, after the held
    letters: int | None = None  # from the sent-letters log (list --fewest): in its period
    last_reply: str | None = None  # ISO date of the person's last reply, from the log

    def as_dict(self) -> dict:
        d = asdict(self)
        d["birthdays"] = [{"date": b.date.isoformat(), "age": b.age, "days": b.days} for b in self.birthdays]
        return d


def overview(cases, today: dt.date) -> list[Row]:
    """Rows sorted by urgency: `immediately` first, then the open deadlines soonest first, then
    cases without a deadline; cases past their deadline last (they are not urgent), the most
    recently passed first; ties by id. People who are not held (in transit, released...) come
    after all the others, apart."""
    return sorted((case_row(c, today) for c in cases), key=lambda r: (r.status != "held", _order(r)))


def _order(r: Row):
    if r.deadline == "immediately":
        return (0, "", r.id)
    if r.passed:
        return (3, f"{-(r.days_left or 0):09d}", r.id)
    if r.deadline is None:
        return (2, "", r.id)
    return (1, r.deadline, r.id)


def case_row(case, today: dt.date) -> Row:
    p = case.person
    deadline, days = None, None
    if case.deadline == "immediately":
        deadline = "immediately"
    elif isinstance(case.deadline, dt.date):
        deadline, days = case.deadline.isoformat(), (case.deadline - today).days
    whom = [r.address for r in case.recipients.values()]
    return Row(
        id=case.id, person=p.name.pick(case.language, "en"), country=_country(case),
        deadline=deadline, days_left=days, passed=days is not None and days < 0,
        birthdays=birthdays(p.born, today), addressed=sum(a is not None for a in whom),
        recipients=len(whom), person_address=p.address is not None, file=case.source, status=p.status)


def _country(case) -> str | None:
    for a in case.addresses():
        return a.country
    return None


def birthdays(born, today: dt.date, days: int = BIRTHDAY_DAYS) -> list[Birthday]:
    """The birthday within `days` of today (a born year alone has none)."""
    if not isinstance(born, dt.date):
        return []
    for year in (today.year, today.year + 1):
        day = _on(born, year)
        if today <= day <= today + dt.timedelta(days=days):
            return [Birthday(day, year - born.year, (day - today).days)]
    return []


def _on(born: dt.date, year: int) -> dt.date:
    try:
        return born.replace(year=year)
    except ValueError:  # 29 February in a common year: celebrated on the 28th
        return dt.date(year, 2, 28)
