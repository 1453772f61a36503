"""`appealkit import`: made-up exports in the shapes of Viasna's, Memorial's and OVD-Info's lists
(tests/importers/data), re-imports that keep hand edits, refusals."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

from ..conftest import run

DATA = Path(__file__).parent / "data"


def _import(tmp_path, name, fmt, *extra):
    return run("import", str(DATA / name), "--format", fmt, "--out-dir", str(tmp_path / "cases"),
               "--today", "2026-12-03", *extra)


def _case(tmp_path, case_id):
    return yaml.safe_load((tmp_path / "cases" / f"{case_id}.yaml").read_text(encoding="utf-8"))


def test_viasna_rows_become_cases_that_pass_check_bad_rows_named(tmp_path):
    r = _import(tmp_path, "viasna.csv", "viasna")
    assert r.code == 1  # two bad rows
    assert f"{DATA / 'viasna.csv'}:5: birthday '03/1990' is not a date" in r.err
    assert f"{DATA / 'viasna.csv'}:6: birthday '1991-13-45'" in r.err
    assert "4 new, 0 updated, 0 unchanged, 2 bad rows" in r.err
    c = _case(tmp_path, "by-pavel-sidorenko-1001")
    p = c["person"]
    assert p["name"] == {"en": "Pavel Sidorenko", "ru": "Павел Сидоренко"}
    assert (p["native_name"], p["born"], p["pronoun"], p["status"]) == ("Сидоренко Павел Андреевич", 1985, "he", "held")
    assert p["address"] == {"country": "BY", "lines": ["Исправительная колония № 15", "Славгородское шоссе, 183"],
                            "postcode": "212013", "locality": "г. Могилёв", "region": "Могилёвская обл."}
    assert c["source"]["id"] == "1001" and c["source"]["url"] == "https://example.org/p/1001"
    kaval = _case(tmp_path, "by-maryia-kaval-1002")["person"]
    assert kaval["name"] == {"en": "Maryia Kaval", "be": "Марыя Каваль"} and kaval["pronoun"] == "she"
    assert str(kaval["born"]) == "1984-07-21"
    released = _case(tmp_path, "by-ihar-lukashuk-1003")["person"]
    assert released["status"] == "released" and "address" not in released
    assert _case(tmp_path, "by-eldar-guseinov-1006")["person"]["status"] == "in-transit"
    assert "by-eldar-guseinov-1006.yaml (no letter address: in-transit, the list says 'этап')" in r.out
    chk = run("check", str(tmp_path / "cases"))
    assert chk.code == 0, chk.err


def test_memorial_address_and_birth_year_from_the_free_text(tmp_path):
    r = _import(tmp_path, "memorial.csv", "memorial")
    assert r.code == 1 and f"{DATA / 'memorial.csv'}:5: no name" in r.err
    p = _case(tmp_path, "ru-ivan-ivanov")["person"]
    assert p["born"] == 1985
    assert p["address"]["lines"] == ["ФКУ ИК-7 УФСИН России по Республике Карелия", "ул. Лесная, д. 1"]
    assert _case(tmp_path, "ru-anna-smirnova")["person"]["status"] == "in-transit"
    assert _case(tmp_path, "ru-oleg-kuznetsov")["person"]["status"] == "address-unconfirmed"
    env = run("address", str(tmp_path / "cases" / "ru-ivan-ivanov.yaml"), "--script", "local")
    assert env.out.startswith("Иванову Ивану Ивановичу, 1985 г. р.\n"), env.out
    ru = run("letter", str(tmp_path / "cases" / "ru-ivan-ivanov.yaml"), "--to", "person", "--lang", "ru",
             "--from", "GB", "--sender-name", "Анна", "--sender-address", "1 High St; London")
    assert ru.code == 0 and "Кому: Иванову Ивану Ивановичу, 1985 г. р." in ru.out, ru.err
    letter = run("letter", str(tmp_path / "cases" / "ru-anna-smirnova.yaml"), "--to", "person", "--lang", "ru")
    assert letter.code == 1 and "in-transit (person.status)" in letter.err
    assert run("check", str(tmp_path / "cases")).code == 0


def test_ovd_colony_wins_over_sizo_and_dates_are_month_first(tmp_path):
    r = _import(tmp_path, "ovd.csv", "ovd")
    assert r.code == 1 and ":4: birthday '31/31/2000'" in r.err
    orlova = _case(tmp_path, "ru-mariia-orlova")["person"]
    assert str(orlova["born"]) == "1992-04-12" and orlova["address"]["locality"] == "г. Москва"
    belov = _case(tmp_path, "ru-sergei-belov")["person"]
    assert belov["address"]["lines"][0] == "ФКУ ИК-2 УФСИН России по Свердловской обл." and belov["born"] == 1988


def test_reimport_keeps_hand_edits_and_reports_the_move_and_the_release(tmp_path):
    _import(tmp_path, "viasna.csv", "viasna")
    path = tmp_path / "cases" / "by-pavel-sidorenko-1001.yaml"
    text = path.read_text(encoding="utf-8")
    assert "\nsummary:\n  en: Pavel Sidorenko is on Viasna's list of political prisoners.\n" \
           "  ru: Павел Сидоренко — в списке политзаключённых правозащитного центра «Весна».\n" in text
    assert "  - en: Release Pavel Sidorenko immediately and unconditionally.\n" \
           "    ru: Немедленно и безоговорочно освободить Павла Сидоренко.\n" in text
    text = text.replace("summary:\n  en: Pavel Sidorenko is on Viasna's list of political prisoners.",
                        "# our group's words\nsummary:\n  en: Pavel, a teacher, writes back to everyone.  # keep")
    text += "recipients:\n  head:\n    role: prison-head\n    handles: {x: example_head}\n"
    path.write_text(text, encoding="utf-8")
    export = tmp_path / "viasna.csv"
    moved = (DATA / "viasna.csv").read_text(encoding="utf-8").replace(
        "Исправительная колония № 15; 212013, Могилёвская обл., г. Могилёв, Славгородское шоссе, 183",
        "Исправительная колония № 22; 225295, Брестская обл., Ивацевичский р-н, п. Доманово, ул. Садовая, 1").replace(
        "1002,https://example.org/p/1002,Каваль Марыя Пятроўна,active", "1002,https://example.org/p/1002,Каваль Марыя Пятроўна,former")
    export.write_text(moved, encoding="utf-8")
    r = run("import", str(export), "--format", "viasna", "--out-dir", str(tmp_path / "cases"), "--today", "2026-12-04")
    assert "0 new, 2 updated, 2 unchanged, 2 bad rows" in r.err, r.err
    assert "updated\t" + str(path) in r.out
    assert "\taddress: Исправительная колония № 15, Славгородское шоссе, 183, г. Могилёв -> " \
           "Исправительная колония № 22, ул. Садовая, 1, п. Доманово" in r.out
    assert "\tstatus: held -> released (former)" in r.out
    kaval = (tmp_path / "cases" / "by-maryia-kaval-1002.yaml").read_text(encoding="utf-8")
    assert re.search(r"\n  status: released +# the list says: former\n", kaval)
    after = path.read_text(encoding="utf-8")
    assert "# our group's words\nsummary:\n  en: Pavel, a teacher, writes back to everyone.  # keep\n" in after
    assert "handles: {x: example_head}" in after
    c = yaml.safe_load(after)
    assert c["person"]["address"]["district"] == "Ивацевичский р-н" and "region" in c["person"]["address"]
    assert str(c["source"]["imported"]) == "2026-12-04"
    again = run("import", str(export), "--format", "viasna", "--out-dir", str(tmp_path / "cases"), "--today", "2026-12-05")
    assert "0 new, 0 updated, 4 unchanged" in again.err and again.out == ""
    assert run("check", str(tmp_path / "cases")).code == 0


def test_a_file_of_another_shape_is_refused_and_nothing_written(tmp_path):
    r = _import(tmp_path, "memorial.csv", "ovd")
    assert r.code == 1
    assert (f"{DATA / 'memorial.csv'}:1: this does not look like a 'ovd' export: the header has no column "
            "for sizo (сизо (актуальное)) or colony (колония (актуальная))") in r.err
    assert not (tmp_path / "cases").exists()
    empty = tmp_path / "empty.csv"
    empty.write_text("ФИО;URL;Адрес\n", encoding="utf-8")
    r = run("import", str(empty), "--format", "memorial", "--out-dir", str(tmp_path / "cases"))
    assert r.code == 1 and f"{empty}:2: no data rows" in r.err


def test_any_csv_with_a_column_map(tmp_path):
    f = tmp_path / "ours.csv"
    f.write_text("Person,Year,Where,Land\nАлиева Лейла Мамед кызы,1990,этап,AZ\n", encoding="utf-8")
    r = run("import", str(f), "--format", "csv", "--map", "Person=name", "--map", "Year=birth_year",
            "--map", "Where=address", "--map", "Land=country", "--out-dir", str(tmp_path / "cases"), "--json")
    assert r.code == 0, r.err
    import json

    got = json.loads(r.out)["cases"][0]
    assert got["status"] == "in-transit" and got["case_id"] == "az-leila-alieva"
    p = _case(tmp_path, "az-leila-alieva")["person"]
    assert p["pronoun"] == "she" and p["born"] == 1990
    bad = run("import", str(f), "--format", "csv", "--map", "Person=nme", "--out-dir", str(tmp_path / "c2"))
    assert bad.code == 2 and "--map 'Person=nme' must be COLUMN=KEY" in bad.err


def test_an_existing_file_of_another_person_is_not_overwritten(tmp_path):
    (tmp_path / "cases").mkdir()
    shutil.copy(DATA / "viasna.csv", tmp_path / "v.csv")
    (tmp_path / "cases" / "by-pavel-sidorenko-1001.yaml").write_text("# mine\n", encoding="utf-8")
    r = run("import", str(tmp_path / "v.csv"), "--format", "viasna", "--out-dir", str(tmp_path / "cases"))
    assert (tmp_path / "cases" / "by-pavel-sidorenko-1001.yaml").read_text(encoding="utf-8") == "# mine\n"
    assert (tmp_path / "cases" / "by-pavel-sidorenko-1001-2.yaml").exists()
    assert r.code == 1


def test_viasna_with_belarusian_headers_and_semicolons(tmp_path):
    r = _import(tmp_path, "viasna-be.csv", "viasna")
    assert r.code == 1 and ":4: birthday '1988-02-30' is not a date" in r.err
    p = _case(tmp_path, "by-ales-sheuchyk-2001")["person"]
    assert (p["born"], p["pronoun"], p["status"]) == (1990, "he", "held")
    assert p["name"] == {"en": "Ales Sheuchyk", "be": "Алесь Шэўчык"}
    assert p["address"] == {"country": "BY", "lines": ["Папраўчая калонія № 9", "вул. Якубоўскага, 1"],
                            "postcode": "213410", "locality": "г. Горкі"}
    assert _case(tmp_path, "by-volha-zaitsava-2002")["person"]["status"] == "released"
    assert run("check", str(tmp_path / "cases")).code == 0


def test_reimport_names_the_cases_the_list_no_longer_has_and_keeps_them(tmp_path):
    _import(tmp_path, "memorial.csv", "memorial")
    short = tmp_path / "short.csv"
    short.write_text("\n".join((DATA / "memorial.csv").read_text(encoding="utf-8").splitlines()[:2]) + "\n",
                     encoding="utf-8")
    r = run("import", str(short), "--format", "memorial", "--out-dir", str(tmp_path / "cases"))
    assert r.code == 0, r.err
    assert "ru-petr-fedorov: no longer on the list (its case file is kept)" in r.err
    assert (tmp_path / "cases" / "ru-petr-fedorov.yaml").exists()


def test_list_shows_the_people_not_held_apart(tmp_path):
    _import(tmp_path, "memorial.csv", "memorial")
    r = run("list", str(tmp_path / "cases"))
    rows = [line.split("\t") for line in r.out.splitlines()[1:]]
    assert [x[0] for x in rows[-2:]] == ["ru-anna-smirnova", "ru-oleg-kuznetsov"]
    assert rows[-1][6].endswith("; person address-unconfirmed") and "person" not in rows[0][6].split(";")[1:]
