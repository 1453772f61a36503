"""User templates under limits (issue 23.6): a template that would run for ever, build a huge
number or string, recurse without end, or is itself endless ends in one template error naming
the template, exit 1, and nothing on stdout."""

from __future__ import annotations

import pytest

from ..conftest import run

ARGS = ("--to", "person", "--sender-name", "A", "--sender-address", "B", "--date", "2026-11-28")


def letter_with(tmp_path, source: str):
    t = tmp_path / "t.j2"
    t.write_text(source, encoding="utf-8")
    return t, run("letter", "examples/ru-aliyev.yaml", "--template", str(t), *ARGS)


@pytest.mark.parametrize("source,says", [
    ("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
     "the template loops over more than 1,000,000 items"),
    ("{{ range(10**9) | list | length }}", "the template loops over more than 1,000,000 items"),
    ("{{ 10**(10**10) }}", "the number 10**10000000000 is too large"),
    ("{{ 2**100000 }}", "the number 2**100000 is too large"),
    ("{{ (10**1000) * (10**1000) * (10**1000) }}", "the number is too large"),
    ("{{ 'A'*10**10 }}", "a text of 10,000,000,000 characters is too long for a letter"),
    ("{{ [1]*10**10 }}", "a text of 10,000,000,000 characters is too long for a letter"),
    ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "the template calls itself too deeply"),
    ("{% for i in range(999999) %}{{ 'ABCDEFGHIJ' }}{% endfor %}", "the letter is longer than 1,000,000 characters"),
])
def test_limits_end_in_one_template_error(tmp_path, source, says):
    t, r = letter_with(tmp_path, source)
    assert r.code == 1 and r.out == ""
    assert r.err == f"appealkit: error: {t}: template error: {says} (in the letter to 'person')\n"


def test_a_template_that_runs_too_long_is_stopped(tmp_path, monkeypatch):
    from appealkit.letters import limits

    monkeypatch.setattr(limits, "TIME_LIMIT", 0.2)
    t, r = letter_with(tmp_path, "{% for a in 'x'*100000 %}{% for b in 'x'*100000 %}{% endfor %}{% endfor %}")
    assert r.code == 1 and r.err == f"appealkit: error: {t}: template error: the letter took longer than 0.2 s " \
                                    "(in the letter to 'person')\n"


def test_an_endless_template_file_is_refused_unread(tmp_path):
    r = run("letter", "examples/ru-aliyev.yaml", "--template", "/dev/zero", *ARGS)
    assert r.code == 1 and r.err == "appealkit: error: /dev/zero: template error: the template is larger than 1 MB\n"
    big = tmp_path / "big.j2"
    big.write_text("x" * 1_000_001, encoding="utf-8")
    assert run("letter", "examples/ru-aliyev.yaml", "--template", str(big), *ARGS).code == 1


def test_ordinary_arithmetic_and_loops_still_work(tmp_path):
    _, r = letter_with(tmp_path, "{{ 2**10 }} {{ 'ab'*3 }} {% for i in range(3) %}{{ i }}{% endfor %} {{ person.name }}\n")
    assert r.code == 0, r.err
    assert r.out == "1024 ababab 012 Тимур Алиев\n"
