"""The night the server holds: its cases (loaded once), its event name, whether it is open, the
log it records into, the PDF queue, and the secrets of this run."""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass, field
from functools import lru_cache

from .guard import new_secret
from .record import Recorder
from .render import Renderer

FEWEST_DAYS = 30  # "fewest letters" counts the log's last 30 days, as `list --fewest` does


@dataclass
class Night:
    """The event page's state: cases, the log it records into, and its secrets."""
    cases: dict  # case id -> Case, in the order given
    event: str
    recorder: Recorder
    renderer: Renderer = field(default_factory=Renderer)
    token: str = field(default_factory=new_secret)  # the organiser's, printed at start-up
    key: bytes = field(default_factory=lambda: secrets.token_bytes(32))  # signs the CSRF tokens
    open: bool = True
    today: dt.date | None = None  # fixed by tests; else the day of each request
    cards: dict = field(default_factory=dict)  # (case id, day) -> the case's card for the page

    def day(self) -> dt.date:
        return self.today or dt.date.today()

    def ordered(self) -> list:
        """The cases for the volunteers as `list --fewest` orders them: the fewest letters in the
        log's last FEWEST_DAYS days first, then the nearest deadline; passed deadlines last."""
        from ..log import fewest_first
        from ..night.overview import overview

        day = self.day()
        rows = fewest_first(overview(list(self.cases.values()), day),
                            self.recorder.tallies(day - dt.timedelta(days=FEWEST_DAYS - 1)))
        return sorted(rows, key=lambda r: r.passed)  # stable: the order above within each part


def recipients(case) -> list[tuple[str, str]]:
    """(id, label) of everyone a volunteer can write to in a case, the person first."""
    out = []
    lang = case.language
    for t in case.targets("all"):
        if t == "person":
            out.append((t, f"{case.person.name.pick(lang, 'en')} (a support letter)"))
            continue
        r = case.recipients[t]
        who = ", ".join(x.pick(lang, "en") for x in (r.name, r.title) if x is not None) or t
        out.append((t, who))
    return out


@lru_cache(maxsize=1)
def countries() -> list[tuple[str, str]]:
    """(code, English name) of every country, by name: the volunteer's country list."""
    from ..address.countries import country_name, iso_codes

    return sorted(((cc, country_name(cc, "en")) for cc in iso_codes()), key=lambda x: x[1])


LANGUAGE_NAMES = {"en": "English", "ru": "Русский", "uk": "Українська", "be": "Беларуская"}


def languages() -> list[tuple[str, str]]:
    from ..letters.translations import languages as have

    return [(lg, LANGUAGE_NAMES.get(lg, lg)) for lg in have()]
