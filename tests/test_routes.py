"""Postal routes, transit times, post-by dates and e-letters: the samples of data/routes.yaml,
data/transit.yaml, data/holidays.yaml and data/e-letters.yaml, and the commands that use them."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from appealkit.eletters import paginate
from appealkit.occasions import country_holidays
from appealkit.resources import load_data
from appealkit.routes import post_by, suspension, transit

from .conftest import ROOT, run

PETROV = str(ROOT / "examples" / "ru-penal-colony.yaml")
SENDER = ("--sender-name", "A. Writer", "--sender-address", "1 Main St; Springfield")


@pytest.mark.parametrize("s", load_data("routes.yaml")["samples"], ids=lambda s: f"{s['from']}-{s['to']}")
def test_route_samples(s):
    assert (suspension(s["from"], s["to"], dt.date(2026, 12, 1)) is not None) == s["suspended"]


@pytest.mark.parametrize("s", load_data("transit.yaml")["samples"], ids=str)
def test_transit_samples(s):
    if "post_by" in s:
        assert post_by(dt.date.fromisoformat(s["date"]), s["from"], s["to"]).isoformat() == s["post_by"]
    else:
        t = transit(s["from"], s["to"])
        assert (t.days, t.assumed) == (s["days"], s["assumed"])


@pytest.mark.parametrize("s", load_data("holidays.yaml")["samples"], ids=lambda s: s["country"])
def test_holiday_samples(s):
    got = [h["id"] for h, _ in country_holidays(s["country"], dt.date.fromisoformat(s["after"]))]
    assert got[:len(s["next"])] == s["next"]


def test_every_data_entry_is_sourced_and_dated():
    for s in load_data("routes.yaml")["suspensions"]:
        assert s["source"] and s["since"] and s["checked"]
    for h in load_data("holidays.yaml")["holidays"]:
        assert h["source"] and h["name"]["en"]
    for e in load_data("e-letters.yaml")["services"]:
        assert e["page_chars_source"] and e["checked"]


@pytest.mark.parametrize("s", load_data("e-letters.yaml")["samples"], ids=str)
def test_e_letter_page_samples(s):
    words = ("слово " * (s["text_chars"] // 6)).strip()
    pages = paginate(words, s["chars"])
    assert len(pages) == s["pages"] and all(len(p) <= s["chars"] for p in pages)


def test_a_writer_in_the_united_states_is_warned_for_a_russian_prison():
    r = run("letter", PETROV, "--to", "person", "--lang", "ru", "--from", "US", *SENDER)
    assert r.code == 0
    assert ("ru-petrov-2026: letters to the person cannot go by post from US to RU: USPS suspended letters "
            "and parcels to Russia") in r.err
    assert "since 2022-03-11: USPS Service Alerts" in r.err and "e-letter" in r.err
    uk = run("letter", PETROV, "--to", "person", "--lang", "ru", "--from", "GB", *SENDER)
    assert "cannot go by post" not in uk.err
    chk = run("check", PETROV, "--from", "FI")
    assert "[route-suspended]" in chk.err and "Posti stopped letters" in chk.err and chk.code == 0
    assert "route-suspended" not in run("check", PETROV).err


def test_deadline_the_post_cannot_meet_suggests_email_or_fax(tmp_path):
    r = run("letter", PETROV, "--to", "prosecutor", "--from", "GB", "--date", "2027-01-15", *SENDER)
    # dated letters say the day they are posted, not "today"
    assert ("ru-petrov-2026: posted on 2027-01-15 from GB, a letter to the officials reaches RU in about 60 days") in r.err
    assert "after the deadline 2027-03-01" in r.err and "e-mail or fax" in r.err
    early = run("letter", PETROV, "--to", "prosecutor", "--from", "GB", "--date", "2026-12-01", *SENDER)
    assert "after the deadline" not in early.err
    # the deadline is the appeal's: a letter to the person is welcome after it
    person = run("letter", PETROV, "--to", "person", "--lang", "ru", "--from", "GB", "--date", "2027-01-15", *SENDER)
    assert person.code == 0 and "after the deadline" not in person.err


def test_writers_in_several_countries_share_one_deadline_warning():
    from appealkit.case import load_case
    from appealkit.routes import post_warnings

    case = load_case(PETROV)
    msgs = post_warnings([case], "prosecutor", {"GB", "DE", "FR", None}, dt.date(2027, 1, 15))
    late = [m for m in msgs if "after the deadline" in m]
    # DE and FR share the stand-in figure, GB has its own published one: two lines, not three
    assert len(late) == 2 and any(m.startswith("ru-petrov-2026: posted on 2027-01-15 from DE, FR, a letter") for m in late)
    assert post_warnings([case], "person", {"GB", "DE"}, dt.date(2027, 1, 15)) == []
    # a country whose post carries no mail there at all is said once, not also counted slow
    us = post_warnings([case], "prosecutor", {"US", "GB"}, dt.date(2027, 1, 15))
    assert any("cannot go by post from US to RU" in m for m in us)
    assert [m for m in us if "after the deadline" in m and "US" in m.split(", a letter")[0]] == []


def test_post_by_a_russian_birthday_from_the_united_kingdom_is_about_two_months_before(tmp_path):
    case = tmp_path / "c.yaml"
    case.write_text((ROOT / "examples" / "ru-penal-colony.yaml").read_text(encoding="utf-8")
                    .replace("  born: 1982\n", "  born: 1982-05-20\n"), encoding="utf-8")
    r = run("list", str(case), "--post-by", "--from", "GB", "--today", "2026-12-01", "--json")
    assert r.code == 0, r.err
    rows = json.loads(r.out)
    bday = next(x for x in rows if x["what"] == "birthday")
    assert (bday["date"], bday["post_by"], bday["transit_days"]) == ("2027-05-20", "2027-03-21", 60)
    assert [x["post_by"] for x in rows] == sorted(x["post_by"] for x in rows)
    assert {x["what"] for x in rows} >= {"new-year", "womens-day", "russia-day"}
    assert "nowruz" not in {x["what"] for x in rows}
    text = run("list", str(case), "--post-by", "--from", "GB", "--today", "2026-12-01")
    assert "2026-11-02\tru-petrov-2026\tAlexei Petrov\tNew Year\t2027-01-01\ttoo late by post" in text.out
    assert run("list", str(case), "--post-by").code == 2


def test_e_letter_is_the_support_letter_in_numbered_pages(tmp_path):
    r = run("letter", PETROV, "--to", "person", "--lang", "ru", "--format", "e-letter", "--page-chars", "400",
            "--from", "GB", "--date", "2026-12-01", *SENDER)
    assert r.code == 0, r.err
    assert "Для конверта" not in r.out and "ФКУ ИК-2" not in r.out
    assert r.out.count("— 1/2 —") == 1 and "— 2/2 —" in r.out and "Здравствуйте, Алексей!" in r.out
    default = run("letter", PETROV, "--to", "person", "--lang", "ru", "--format", "e-letter", "--date", "2026-12-01", *SENDER)
    assert "ФСИН-письмо: pages of 2500 characters (assumed" in default.err and "— 1/" not in default.out
    bad = run("letter", PETROV, "--to", "all", "--format", "e-letter", *SENDER)
    assert bad.code == 2 and "use --to person" in bad.err


def test_pack_warns_of_a_suspended_route(tmp_path):
    r = run("pack", PETROV, "--to", "person", "--out", str(tmp_path / "p.html"), "--from", "US", *SENDER,
            "--date", "2026-12-01")
    assert r.code == 0, r.err
    assert "ru-petrov-2026: letters to the person cannot go by post from US to RU" in r.err
