"""`check` as the gate a volunteer trusts: what passes `check --strict` works with `address`,
`letter` and `tweet`, and every common mistake is reported naming its cause."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import MINIMAL, ROOT, run, write

VOLUNTEER = sorted((ROOT / "tests" / "volunteer").glob("*.yaml"))


def _header(path: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"# (expect|expect-error|expect-message|expect-at|xfail): (.*)", line)
        if not m:
            break
        out.setdefault(m.group(1), []).append(m.group(2).strip())
    return out


def _params():
    for p in VOLUNTEER:
        h = _header(p)
        marks = [pytest.mark.xfail(reason=h["xfail"][0], strict=False)] if "xfail" in h else []
        yield pytest.param(p, h, id=p.stem, marks=marks)


def _commands_run(path: str) -> None:
    """The guarantee: every command a volunteer runs next succeeds."""
    for args in (("address", path, "--to", "all"), ("letter", path, "--to", "all"), ("tweet", path)):
        r = run(*args)
        assert r.code == 0, (args, r.err)
        assert r.out.strip(), (args, "no output")


@pytest.mark.parametrize("path,header", list(_params()))
def test_volunteer_file(path, header):
    assert header, f"{path.name} has no '# expect' header"
    if "expect-error" in header:
        r = run("check", str(path))
        assert r.code == 1
        for text in header["expect-error"]:
            assert text in r.err, r.err
        for at in header.get("expect-at", []):  # the error names its own line and column
            assert f"{path}:{at}: " in r.err, (at, r.err)
        return
    r = run("check", str(path), "--json", "--today", "2026-11-29")
    assert r.code == 0, r.err
    warnings = json.loads(r.out)["warnings"]
    codes = {w["code"] for w in warnings}
    expected = header["expect"][0].split()
    if expected == ["none"]:
        assert not warnings, warnings
        assert run("check", str(path), "--strict", "--today", "2026-11-29").code == 0
        _commands_run(str(path))
        return
    assert set(expected) <= codes, (expected, codes)
    for text in header.get("expect-message", []):
        assert any(text in w["message"] for w in warnings), (text, [w["message"] for w in warnings])
    for at in header.get("expect-at", []):  # the finding names its own line and column
        assert any(f"{w['line']}:{w['col']}" == at for w in warnings if w["code"] in expected), (
            at, [(w["code"], w["line"], w["col"]) for w in warnings])


def test_there_are_volunteer_files():
    assert len(VOLUNTEER) >= 15


# ------------------------------------------------------------------ the guarantee, as a property

_NAMES = ["Anna Ivanova", "Timur Aliyev", "Olena Melnyk", "Aigul Sadykova", "Jane Doe"]
_ADDRESSES = {
    "RU": ("ФКУ ИК-2 УФСИН России по Владимирской обл.", "601446", "г. Покров"),
    "KZ": ("Учреждение АП-162/1, ул. Циолковского, бн", "140000", "г. Павлодар"),
    "BY": ("Исправительная колония № 15", "213003", "г. Могилёв"),
    "UA": ("вул. Різницька, 13/15", "01011", "м. Київ"),
    "GB": ("1 Example Street", "SW1A 1AA", "London"),
    "GE": ("Rustaveli Avenue 8", "0105", "Tbilisi"),
}


_WORDS = {"en": ("Free", "was jailed for a post.", "Release"),
          "ru": ("Свободу", "осуждены за пост в соцсети.", "Освободить")}


def _mostly(draw) -> bool:
    return draw(st.sampled_from([True, True, True, False]))


@st.composite
def cases(draw):
    """Valid case files, most of them complete, some with a part a volunteer leaves out."""
    lang = draw(st.sampled_from(["en", "en", "ru"]))
    name = draw(st.sampled_from(_NAMES + (["Анна Иванова", "Тимур Алиев"] if lang == "ru" else [])))
    free, jailed, release = _WORDS[lang]
    lines = ["appealkit: 1", "id: prop-case", f'title: "{free} {name}"', f"language: {lang}", "person:", f"  name: {name}"]
    if _mostly(draw):
        cc = draw(st.sampled_from(sorted(_ADDRESSES)))
        line, code, town = _ADDRESSES[cc]
        lines += ["  address:", f"    country: {cc}", f'    lines: ["{line}"]']
        if _mostly(draw):
            lines.append(f'    postcode: "{code}"')
        if _mostly(draw):
            lines.append(f"    locality: {town}")
    lines += [f"summary: {name} {jailed}", "asks:", f"  - {release} {name}."]
    if draw(st.booleans()):
        lines += ["recipients:", "  minister:", "    role: minister", "    title: Minister of Health"]
        if _mostly(draw):
            cc = draw(st.sampled_from(sorted(_ADDRESSES)))
            line, code, town = _ADDRESSES[cc]
            lines.append(f'    address: {{country: {cc}, lines: ["{line}"], postcode: "{code}", locality: {town}}}')
        if draw(st.booleans()):
            lines += ["  ambassador:", "    role: ambassador", "    title: Ambassador"]
    share = draw(st.sampled_from(["short", "short", "long", "none"]))
    if share != "none":
        text = f"{free} {name}!" if share == "short" else " ".join([f"{free} {name}"] * 30)
        lines += ["share:", f'  text: "{text}"']
    return "\n".join(lines) + "\n"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=cases())
def test_strict_pass_means_every_command_runs(tmp_path, text):
    path = write(tmp_path, text, name="prop.yaml")
    r = run("check", path, "--strict", "--json")
    doc = json.loads(r.out)
    if r.code != 0:
        # what fails names a command it affects, or is not about the commands at all
        assert doc["errors"] or doc["warnings"]
        return
    _commands_run(path)


def test_the_property_sees_both_outcomes(tmp_path):
    """The generator makes cases that pass and cases that do not (else the property is empty)."""
    full = write(tmp_path, MINIMAL.replace("  name: Jane Doe", "  name: Jane Doe\n  address: {country: GB, lines: [1 Example Street], postcode: SW1A 1AA, locality: London}")
                 + 'share:\n  text: "Free Jane Doe!"\n', name="full.yaml")
    assert run("check", full, "--strict").code == 0
    _commands_run(full)
    assert run("check", write(tmp_path, MINIMAL, name="min.yaml"), "--strict").code == 1


# ------------------------------------------------------------------ what the warnings say


def test_commands_affected_are_named_in_json(tmp_path):
    r = run("check", write(tmp_path, MINIMAL), "--json")
    w = {x["code"]: x for x in json.loads(r.out)["warnings"]}
    assert w["no-post"]["affects"] == ["tweet"]
    assert w["no-person-address"]["affects"] == ["letter", "address"]
    assert "'tweet' has nothing to post" in w["no-post"]["message"]


def test_empty_locality_names_the_envelope(tmp_path):
    p = write(tmp_path, MINIMAL.replace("  name: Jane Doe", "  name: Jane Doe\n  address:\n    country: RU\n    lines: [ул. Ленина, д. 5]\n    postcode: '601446'\n    locality:\n"))
    r = run("check", p, "--json")
    w = [x for x in json.loads(r.out)["warnings"] if x["code"] == "empty-field"]
    assert len(w) == 1
    assert w[0]["message"] == ("person.address.locality is empty: the envelope would have no town; "
                               "fill it in, or delete the line")
    assert w[0]["line"] == 10  # the key's line: an empty value has none of its own
    assert "no-locality" not in [x["code"] for x in json.loads(r.out)["warnings"]]


def test_missing_locality_and_postcode(tmp_path):
    p = write(tmp_path, MINIMAL.replace("  name: Jane Doe", "  name: Jane Doe\n  address: {country: KZ, lines: [Учреждение АП-162/1]}"))
    codes = [x["code"] for x in json.loads(run("check", p, "--json").out)["warnings"]]
    assert "no-locality" in codes and "no-postcode" in codes


def test_pasted_address_parts_from_the_data_samples():
    from appealkit.address.checks import pasted_parts
    from appealkit.resources import load_data

    samples = load_data("address-parts.yaml")["samples"]
    assert len(samples) >= 8
    for s in samples:
        assert pasted_parts(s["line"], s["country"]) == s["parts"], s["line"]


def test_pasted_one_line_message(tmp_path):
    p = str(ROOT / "tests" / "volunteer" / "ru-pasted-one-line.yaml")
    w = [x for x in json.loads(run("check", p, "--json").out)["warnings"] if x["code"] == "pasted-address"]
    assert w[0]["message"].startswith(
        "address line 1 holds parts that have fields of their own: postcode '186420' (move it to postcode:); "
        "locality 'г. Сегежа' (move it to locality:); region 'Республика Карелия' (move it to region:)")


def test_stale_samples_from_the_data():
    from appealkit.address.checks import stale_addressee, stale_facts

    samples = stale_facts()["samples"]
    assert len(samples) >= 10
    for s in samples:
        titles = [s["title"]] if "title" in s else []
        got = stale_addressee(s["country"], s["role"], titles, [s["name"]], [s["organisation"]] if "organisation" in s else [])
        assert (got is not None) == s["stale"], (s, got)


def test_every_stale_fact_has_a_date_and_source():
    from appealkit.address.checks import stale_facts
    from appealkit.address.countries import known_countries

    data = stale_facts()
    for fact in data["offices"] + data["places"]:
        assert fact["verified"] and "20" in str(fact["source"]), fact
        assert fact["country"] in known_countries(), fact


def test_stale_whatever_the_issue_date(tmp_path):
    text = (MINIMAL + "issued: 2026-03-01\nrecipients:\n  president:\n    role: head-of-state\n"
            "    name: Nursultan Nazarbayev\n    address: {country: KZ, lines: [Акорда], postcode: '010000', locality: Нұр-Сұлтан қ.}\n")
    r = run("check", write(tmp_path, text), "--json")
    msgs = [x["message"] for x in json.loads(r.out)["warnings"] if x["code"] == "stale"]
    assert any(m.startswith("Nursultan Nazarbayev has not been President of Kazakhstan since 2019-03-20; "
                            "the President of Kazakhstan is Kassym-Jomart Tokayev") for m in msgs), msgs
    assert any(m.startswith("Nur-Sultan has been called Astana (Астана) since 2022-09-17") for m in msgs), msgs


def test_mixed_script_names_the_latin_letter():
    from appealkit.unicode_checks import mixed_script

    assert mixed_script("ФКУ ИK-7") == [
        "word 'ИK' mixes scripts: Latin 'K' (U+004B) among Cyrillic letters; retype it in Cyrillic ('К' U+041A)"]
    assert mixed_script("Jаne Doe") == [
        "word 'Jаne' mixes scripts: Cyrillic 'а' (U+0430) among Latin letters; retype it in Latin ('a' U+0061)"]
    assert mixed_script("ТOO «Ромашка»")[0].startswith("word 'ТOO' mixes scripts: Latin 'O' (U+004F) among Cyrillic")


@pytest.mark.parametrize("text,hint", [
    ('title: “Kazakhstan: free her”\n', "the typographic quotes “” are ordinary letters to YAML"),
    ("title: «Россия: свобода»\n", "the typographic quotes «» are ordinary letters to YAML"),
    ("person:\n  address:\n    country:KZ\n    lines: [a]\n", "line 4: put a space after the colon: 'country: KZ'"),
    ("title: Free: her now\n", "the value holds ': '; put it in quotes: title: \"Free: her now\""),
    ("person:\n  name: x\n    age: 3\n", "this line is indented more than the line above"),
    ("summary: 'it's hers'\nasks: []\n", "the apostrophe in it's ends the text quoted with '...': write it twice (it''s)"),
    ("person:\n\tname: x\n", "indent with spaces, not tabs"),
])
def test_yaml_errors_name_their_cause(tmp_path, text, hint):
    r = run("check", write(tmp_path, "appealkit: 1\n" + text))
    assert r.code == 1
    assert "YAML syntax error" in r.err and hint in r.err, r.err


def test_unquoted_colon_in_a_list_item(tmp_path):
    r = run("check", write(tmp_path, MINIMAL.replace("  - Release Jane Doe.", "  - Release: Jane Doe")))
    assert "'Release' is not a language code (like en, ru, kk); a text with ': ' in it must be in quotes" in r.err


# ------------------------------------------------------------------ schemes and languages


def test_translit_scheme_for_another_language_warns():
    r = run("translit", "-s", "ua-2010", "Щеглова Юрий")
    assert r.code == 0 and r.out == "Shchehlova Yuryi\n"
    assert "scheme 'ua-2010' covers Ukrainian (uk); this text reads as Russian (ru)" in r.err
    r = run("translit", "-s", "ua-2010", "Євген")
    assert r.err == ""


def test_address_scheme_for_another_language_warns():
    r = run("address", "examples/ru-penal-colony.yaml", "--scheme", "kz-2021")
    assert r.code == 0
    assert "scheme 'kz-2021' covers Kazakh (kk); this text reads as Russian (ru)" in r.err
    assert "kz-2021" not in run("address", "examples/ru-penal-colony.yaml", "--scheme", "icao").err


# ------------------------------------------------------------------ several files, init


def test_check_a_folder_prints_a_line_per_file_and_a_json_array(tmp_path):
    (tmp_path / "b.yml").write_text(MINIMAL, encoding="utf-8")
    (tmp_path / "a.yaml").write_text(MINIMAL.replace("id: test-case", "id: Bad"), encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a case", encoding="utf-8")
    r = run("check", str(tmp_path))
    assert r.code == 1
    summary = [x for x in r.err.splitlines() if x.startswith("appealkit: ") and "warning" not in x[:20]
               and "error:" not in x]
    assert summary == [f"appealkit: {tmp_path / 'a.yaml'}: failed, 1 error",
                       f"appealkit: {tmp_path / 'b.yml'}: ok, 2 warnings",
                       "appealkit: 2 files: 1 ok, 1 failed (1 error), 2 warnings"]
    doc = json.loads(run("check", str(tmp_path), "--json").out)
    assert [Path(d["file"]).name for d in doc] == ["a.yaml", "b.yml"]
    assert [d["ok"] for d in doc] == [False, True]


def test_check_several_files_and_one_file_json(tmp_path):
    a = write(tmp_path, MINIMAL, name="a.yaml")
    b = write(tmp_path, MINIMAL, name="b.yaml")
    assert isinstance(json.loads(run("check", a, "--json").out), dict)
    doc = json.loads(run("check", a, b, "--json").out)
    assert isinstance(doc, list) and len(doc) == 2
    assert run("check", a, b).code == 0
    assert run("check", a, b, "--strict").code == 1


def test_check_empty_folder(tmp_path):
    r = run("check", str(tmp_path))
    assert r.code == 1 and "folder holds no *.yaml or *.yml case files" in r.err


def test_init_force(tmp_path):
    target = tmp_path / "appeal.yaml"
    target.write_text("old", encoding="utf-8")
    r = run("init", str(target))
    assert r.code == 1 and "already exists; use --force to overwrite" in r.err
    assert target.read_text(encoding="utf-8") == "old"
    r = run("init", str(target), "--force")
    assert r.code == 0 and target.read_text(encoding="utf-8").startswith("# For completion in an editor")
    assert run("check", str(target), "--strict").code == 0


# ------------------------------------------------------------------ no import cycle (issue 12)


def _imports(module_file: Path, package: str) -> set[str]:
    tree = ast.parse(module_file.read_text(encoding="utf-8"))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package.split(".")[: len(package.split(".")) - node.level + 1]
            out.add(".".join(base + ([node.module] if node.module else [])))
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
    return out


def test_unicode_checks_is_a_leaf_of_both_checks_modules():
    src = ROOT / "src" / "appealkit"
    leaf = _imports(src / "unicode_checks.py", "appealkit")
    assert not any(m.startswith(("appealkit.checks", "appealkit.address")) for m in leaf), leaf
    addr = _imports(src / "address" / "checks.py", "appealkit.address")
    assert "appealkit.checks" not in addr and "appealkit.unicode_checks" in addr, addr


@pytest.mark.parametrize("value,wrapped", [
    ("“Country – appeal”", True), ("‘Firstname Lastname’", True), ("«Россия: свободу»", True),
    ("„Deutschland“", True), ("«Сводка» про «это»", False), ("Poet “Aron” Atabek", False), ("“", False),
])
def test_values_wrapped_in_typographic_quotes(value, wrapped):
    from appealkit.checks import wrapped_in_quotes

    assert (wrapped_in_quotes(value) is not None) is wrapped


def test_a_post_that_cannot_be_made_is_placed_at_share_when_its_error_has_no_place(monkeypatch):
    # mutation testing: an error without a place (a usage error from deep in the post builder)
    # still points the finding at the case's share key, not at nothing
    from appealkit import load_case
    from appealkit.errors import UsageError
    from appealkit.gate import gate_findings
    from appealkit.posts import build

    def refuse(case, platform):
        raise UsageError("no post today")

    monkeypatch.setattr(build, "build_post", refuse)
    case = load_case(str(ROOT / "examples" / "atabek.yaml"))
    (found,) = [f for f in gate_findings(case) if f[0] == "post-fails"]
    assert found == ("post-fails", "the post cannot be made: no post today", ("share",))
