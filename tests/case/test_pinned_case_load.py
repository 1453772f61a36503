"""Reading case files, pinned (issue 18): encodings, line ends, NUL bytes, long lines, YAML
keys and tags, merge keys, standard input, where the case file is found. Every message and
place is written out by hand."""

from __future__ import annotations

import pytest

from appealkit.case import load_case
from appealkit.errors import CaseError, CaseErrors

from ..conftest import MINIMAL, run, write

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
