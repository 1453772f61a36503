"""The case file contract (shared/case-file.md): every example loads; every error kind is
reported with its line and column, all errors of a file together.
Also the tests pinned by the mutation-testing pass (issue 18), formerly test_pinned_case_load.py."""

from __future__ import annotations

import datetime as dt

import pytest

from appealkit.case import load_case
from appealkit.errors import CaseError, CaseErrors

from ..conftest import EXAMPLES, MINIMAL, ROOT, run, write


def errors_of(path) -> list[CaseError]:
    with pytest.raises(CaseError) as info:
        load_case(path)
    e = info.value
    return e.errors if isinstance(e, CaseErrors) else [e]


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_examples_load(path):
    case = load_case(str(path))
    assert case.asks and case.person.name


def test_atabek_facts():
    case = load_case("examples/atabek.yaml")
    assert case.id == "kz-atabek-2014"
    assert case.issued == dt.date(2014, 6, 16)
    assert case.deadline == "immediately"
    assert case.person.address.lines == ["Учреждение АП-162/1, ул.Циолковского бн."]
    assert case.person.address.postcode == "140000"
    assert case.recipients["president"].fax == "+7 7172 559338"
    assert case.recipients["minister"].handles == {"x": "MVD_RK"}
    assert case.share.mentions == [{"x": "MVD_RK"}, {"x": "pen_int"}, {"x": "PENamerican"}]
    assert case.summary.get("ru") and case.summary.get("en")


def test_minimal_case_and_defaults(tmp_path):
    case = load_case(write(tmp_path, MINIMAL))
    assert case.language == "en" and case.person.pronoun == "they"
    assert case.title.get("en") == "A title"


@pytest.mark.parametrize("text,line,col,fragment", [
    ("appealkit: 1\nid: [unclosed\n", 3, 1, "YAML syntax error"),
    ("appealkit: 1\n\tid: x\n", 2, 1, "tabs"),
    (MINIMAL.replace("id: test-case\n", ""), 1, 1, "missing required key 'id'"),
    (MINIMAL.replace("appealkit: 1", "appealkit: 1\nrecipents: {}"), 2, 1, "did you mean 'recipients'?"),
    (MINIMAL + "issued: 2014-13-45\n", 9, 9, "'2014-13-45' is not a date: there is no month 13"),
    (MINIMAL + "deadline: next week\n", 9, 11, "ISO date"),
    (MINIMAL.replace("  name: Jane Doe", "  name: Jane Doe\n  address: {country: XY, lines: [a]}"), 6, 22, "not an ISO 3166-1"),
    (MINIMAL.replace("id: test-case", "id: Test Case!"), 2, 5, "not a slug"),
    (MINIMAL + "title: again\n", 9, 1, "duplicate key 'title' (first at line 3)"),
    (MINIMAL.replace("asks:\n  - Release Jane Doe.\n", "asks: []\n"), 7, 7, "asks is empty"),
    (MINIMAL.replace("person:\n  name: Jane Doe", "person: Jane Doe"), 4, 9, "person must be a mapping"),
    (MINIMAL + "url: ftp://x\n", 9, 6, "not an http(s) URL"),
    (MINIMAL + "recipients:\n  all: {role: minister}\n", 10, 3, "reserved"),
    (MINIMAL + "recipients:\n  pm: {role: premier}\n", 10, 14, "unknown role 'premier'"),
    (MINIMAL + "x: !!python/object:os.system ls\n", 9, 4, "tag 'tag:yaml.org,2002:python/object:os.system' is not allowed"),
    ("- just\n- a list\n", 1, 1, "must be a mapping"),
    ("", 1, 1, "the file is empty"),
    (MINIMAL.replace("appealkit: 1", "appealkit: 2"), 1, 12, "format version must be 1"),
])
def test_error_kinds_have_positions(tmp_path, text, line, col, fragment):
    errs = errors_of(write(tmp_path, text))
    match = [e for e in errs if fragment in e.message]
    assert match, [str(e) for e in errs]
    assert (match[0].where.line, match[0].where.col) == (line, col), str(match[0])


def test_all_errors_reported_together(tmp_path):
    text = MINIMAL.replace("id: test-case", "id: BAD ID").replace("appealkit: 1", "appealkit: 1\nsumary: x")
    text += "issued: yesterday\n"
    errs = errors_of(write(tmp_path, text))
    msgs = " | ".join(e.message for e in errs)
    assert "not a slug" in msgs and "did you mean 'summary'" in msgs and "issued" in msgs
    assert len(errs) >= 3


def test_bom_and_crlf_are_read(tmp_path):
    data = b"\xef\xbb\xbf" + MINIMAL.replace("\n", "\r\n").encode()
    assert load_case(write(tmp_path, data, raw=True)).id == "test-case"


def test_windows_1251_is_named(tmp_path):
    data = MINIMAL.replace("Jane Doe", "Арон Атабек").encode("cp1251")
    (e,) = errors_of(write(tmp_path, data, raw=True))
    assert "not UTF-8" in e.message and "Windows-1251" in e.message
    assert e.where.line == 5


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le"])
def test_utf16_is_refused(tmp_path, encoding):
    (e,) = errors_of(write(tmp_path, MINIMAL.encode(encoding), raw=True))
    assert "UTF-16" in e.message


def test_values_are_text_as_written(tmp_path):
    text = MINIMAL.replace("  name: Jane Doe", "  name: Jane Doe\n  address:\n    country: kz\n    lines: [Yes]\n    postcode: 010000")
    case = load_case(write(tmp_path, text))
    assert case.person.address.postcode == "010000"  # not the octal 4096
    assert case.person.address.lines == ["Yes"]  # not True
    assert case.person.address.country == "KZ"


def test_alias_bomb_is_refused(tmp_path):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i-1}"] * 10) + "]")
    (e,) = errors_of(write(tmp_path, "\n".join(lines) + "\n"))
    assert "alias bomb" in e.message


def test_deep_nesting_is_refused(tmp_path):
    (e,) = errors_of(write(tmp_path, "a: " + "[" * 200 + "]" * 200 + "\n"))
    assert "nested" in e.message


def test_multilingual_texts(tmp_path):
    text = MINIMAL.replace("summary: Something happened.", "summary:\n  en: Something happened.\n  ru: Что-то случилось.")
    case = load_case(write(tmp_path, text))
    assert case.summary.get("ru") == "Что-то случилось."


def test_oversize_file(tmp_path):
    (e,) = errors_of(write(tmp_path, MINIMAL + "# " + "x" * 1_100_000 + "\n"))
    assert "larger than" in e.message


@pytest.mark.parametrize("url", ["https://user:pass@example.org/appeal", "http://me@example.org"])
def test_url_with_credentials_is_refused(tmp_path, url):
    with pytest.raises(CaseError) as info:
        load_case(write(tmp_path, MINIMAL + f"url: {url}\n"))
    assert "user name or password" in info.value.message and info.value.where.line


@pytest.mark.parametrize("line,expected", [("born: '1983'", 1983), ("born: 1983", 1983), ("born: 1983-04-12", dt.date(1983, 4, 12))])
def test_born_forms(tmp_path, line, expected):
    text = MINIMAL.replace("person:\n", f"person:\n  {line}\n")
    assert load_case(write(tmp_path, text)).person.born == expected


@pytest.mark.parametrize("line", ["url: https://", "issued: '20140616'", "born: '83'"])
def test_values_the_schema_refuses_are_refused(tmp_path, line):
    text = MINIMAL.replace("person:\n", f"person:\n  {line}\n") if line.startswith("born") else MINIMAL + line + "\n"
    with pytest.raises(CaseError):
        load_case(write(tmp_path, text))


CONTROL_CASE = (ROOT / "examples" / "atabek.yaml").read_text(encoding="utf-8").replace(
    "  name: Aron Atabek", '  name: "Aron \\e[2J\\e[8mAtabek\\a \\u202eX\\0"').replace(
    "organisation: PEN International", 'organisation: "PEN\\x9b International"')


def test_control_characters_are_named_by_check_and_reach_no_output():
    """Issue 23.4: ESC, BEL, NUL, a C1 control and a bidi override in case text: check names
    each (line, column, the character), and no letter, HTML, post or address carries one."""
    import appealkit
    from appealkit.unicode_checks import has_controls

    case = appealkit.parse_case(CONTROL_CASE, "c.yaml")
    assert case.person.name.pick() == "Aron [2J[8mAtabek X"
    found = [f for f in appealkit.check_case(case) if f.code == "control-char"]
    names = " ".join(f.message for f in found)
    for name in ("ESCAPE (U+001B)", "BELL (U+0007)", "NULL (U+0000)", "RIGHT-TO-LEFT OVERRIDE (U+202E)", "C1 CONTROL (U+009B)"):
        assert name in names
    assert all(f.where.line and f.where.col for f in found)
    outputs = [x.text for fmt in ("text", "html") for x in appealkit.compose_letters(case, "all", fmt=fmt, sender_name="A")]
    outputs += [p.text for p in appealkit.build_posts(case, "x")]
    outputs += [b.text() for b in appealkit.addresses(case, "all")]
    assert outputs and not any(has_controls(o) for o in outputs)


def test_tab_and_newline_stay():
    from appealkit.unicode_checks import without_controls

    assert without_controls("a\tb\nc") == ("a\tb\nc", [])


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-le", "utf-32-be"])
def test_utf32_is_called_utf32(tmp_path, encoding):
    with pytest.raises(CaseError) as info:
        load_case(write(tmp_path, MINIMAL.encode(encoding), raw=True))
    assert "UTF-32" in info.value.message and "UTF-16" not in info.value.message


# -- pinned by the mutation-testing pass (issue 18), formerly test_pinned_case_load.py --


SLUG = "id 'Bad' is not a slug: use 1-64 of a-z, 0-9 and '-', starting with a letter or digit (e.g. kz-atabek-2014); write bad"
KEYS = ("the case file keys are: appealkit, id, title, organisation, issued, deadline, url, language, person, "
        "summary, background, asks, recipients, copies, share, source")


def messages(data: bytes | str, tmp_path) -> list[str]:
    p = tmp_path / "c.yaml"
    p.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    with pytest.raises(CaseError) as info:
        load_case(str(p))
    e = info.value
    errs = e.errors if isinstance(e, CaseErrors) else [e]
    return [f"{x.where.line}:{x.where.col} {x.message}" for x in errs]


@pytest.mark.parametrize("data,expected", [
    # old Mac and Windows line ends count lines like Unix ones
    (MINIMAL.replace("\n", "\r").replace("id: test-case", "id: Bad").encode(), [f"2:5 {SLUG}"]),
    (MINIMAL.replace("\n", "\r\n").replace("id: test-case", "id: Bad").encode(), [f"2:5 {SLUG}"]),
    (b"\xfe\xff" + MINIMAL.encode("utf-16-be"), ["1:1 file is UTF-16; save it as UTF-8"]),
    (MINIMAL.encode("utf-16-be"), ["1:1 file is UTF-16; save it as UTF-8"]),
    (MINIMAL.encode("utf-16-le"), ["1:1 file is UTF-16; save it as UTF-8"]),
    ((MINIMAL + "x: a\x00b\n").encode(), ["9:None file holds NUL bytes: it is binary, not a YAML case file"]),
    (MINIMAL.replace("Jane Doe", "Арон Атабек").encode("cp1251"),
     ["5:9 file is not UTF-8 (it looks like Windows-1251); re-save it as UTF-8"]),
    (MINIMAL.replace("Jane Doe", "Jane Do\xe9").encode("latin-1"), ["5:16 file is not UTF-8; re-save it as UTF-8"]),
    (MINIMAL + "background: " + "x" * 10001 + "\n", ["9:1 line is longer than 10000 characters"]),
    (MINIMAL + "recipients:\n  a: {role: minister}\n  b:\n    <<: [x]\n",
     ["11:3 recipient 'b' is missing required key 'role'",
      "12:5 a merge key ('<<') takes a mapping or a list of mappings"]),
    (MINIMAL + "? [a, b]\n: c\n", ["9:3 a key must be a plain word"]),
    (MINIMAL + "deadline: !!binary aGk=\nurl: !!str 5\n",
     ["9:11 tag 'tag:yaml.org,2002:binary' is not allowed: a case file holds plain data only",
      "10:6 '5' is not an http(s) URL (like https://example.org/appeal)"]),
    (MINIMAL + "1: a\n", [f"9:1 unknown key '1' in the case file; {KEYS}"]),
    (MINIMAL + "issued: 2014-6-1\n", ["9:9 issued must be an ISO date (YYYY-MM-DD), not '2014-6-1'; write 2014-06-01"]),
    (MINIMAL + "person2: {\n", ["10:1 YAML syntax error: while parsing a flow node did not find expected node content"]),
    (MINIMAL.replace("  name: Jane Doe", "\tname: Jane Doe"),
     ["5:1 YAML syntax error: while scanning for the next token found character that cannot start any token "
      "(indent with spaces, not tabs)"]),
    (MINIMAL + "---\nx: 1\n", ["9:1 YAML syntax error: expected a single document in the stream but found another document"]),
    ("a: " + "[" * 70 + "]" * 70 + "\n", ["1:68 the document is nested more than 64 levels deep"]),
])
def test_read_errors(tmp_path, data, expected):
    assert messages(data, tmp_path) == expected


def test_line_of_10000_characters_is_fine(tmp_path):
    text = MINIMAL + "background: " + "x" * (10000 - len("background: ")) + "\n"
    assert len(load_case(write(tmp_path, text)).background.get("en")) == 10000 - len("background: ")


def test_merge_keys_written_keys_win(tmp_path):
    text = MINIMAL + "recipients:\n  a: &r {role: minister, name: X}\n  b:\n    <<: *r\n    name: Y\n"
    c = load_case(write(tmp_path, text))
    assert (c.recipients["b"].role, c.recipients["b"].name.get("en")) == ("minister", "Y")


@pytest.mark.parametrize("args,stdin,code,err", [
    (["-"], MINIMAL.replace("id: test-case", "id: Bad"), 1,
     f"appealkit: error: <stdin>:2:5: {SLUG}\nappealkit: -: failed, 1 error\n"),
    (["-"], "", 1, "appealkit: error: <stdin>:1:1: the file is empty; start one with 'appealkit init'\n"
                   "appealkit: -: failed, 1 error\n"),
    (["nope.yaml"], None, 1, "appealkit: error: nope.yaml: no such file\nappealkit: nope.yaml: failed, 1 error\n"),
])
def test_check_reads(args, stdin, code, err):
    r = run("check", *args, stdin=stdin)
    assert (r.code, r.err) == (code, err)


def test_folder_is_not_a_case(tmp_path):
    with pytest.raises(CaseError) as info:
        load_case(str(tmp_path))
    assert str(info.value) == f"{tmp_path}: is a folder, not a case file"
    r = run("check", str(tmp_path))
    assert (r.code, r.err) == (1, f"appealkit: error: {tmp_path}: folder holds no *.yaml or *.yml case files\n")


def test_case_path_order(tmp_path, monkeypatch):
    monkeypatch.delenv("APPEALKIT_CASE", raising=False)
    r = run("check", cwd=tmp_path)
    assert (r.code, r.err) == (1, "appealkit: error: no case file given, $APPEALKIT_CASE is unset and there is no "
                                  "appeal.yaml here; start one with 'appealkit init'\n")
    (tmp_path / "appeal.yaml").write_text(MINIMAL.replace("id: test-case", "id: Bad"), encoding="utf-8")
    assert run("check", cwd=tmp_path).err.startswith(f"appealkit: error: appeal.yaml:2:5: {SLUG}")
    monkeypatch.setenv("APPEALKIT_CASE", "env.yaml")
    assert run("check", cwd=tmp_path).err.splitlines()[0] == "appealkit: error: env.yaml: no such file"
    assert run("check", "arg.yaml", cwd=tmp_path).err.splitlines()[0] == "appealkit: error: arg.yaml: no such file"


def test_case_remembers_its_source(tmp_path):
    p = write(tmp_path, MINIMAL)
    assert load_case(p).source == p


def test_old_mac_line_ends_are_lines(tmp_path):
    # 300 short lines ending in a lone CR: not one line of 15,000 characters
    text = (MINIMAL + ("# " + "x" * 48 + "\n") * 300).replace("\n", "\r")
    p = tmp_path / "c.yaml"
    p.write_bytes(text.encode())
    assert load_case(str(p)).id == "test-case"
