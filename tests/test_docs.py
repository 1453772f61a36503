"""The README starts with the volunteer and the two commands, documents every command, and
points only at files that exist; developer material lives in docs/developing.md."""

from __future__ import annotations

import re

import pytest

from .conftest import ROOT
from .test_cli import COMMANDS

README = (ROOT / "README.md").read_text(encoding="utf-8")
DEVELOPING = ROOT / "docs" / "developing.md"


def test_readme_starts_with_the_two_commands():
    head = README.split("\n## ", 1)[0]  # what a newcomer sees before the first section
    assert "make demo" in head and "make test" in head
    assert len(head.splitlines()) < 25


def test_every_command_is_documented():
    for cmd in COMMANDS:
        assert f"`appealkit {cmd}" in README, cmd


def test_the_volunteer_comes_before_the_reference():
    order = ["## Installing", "## The first five minutes", "## A letter-writing night", "## Reference",
             "## Python API"]
    assert [README.index(h) for h in order] == sorted(README.index(h) for h in order)


def test_developer_material_is_in_its_own_document():
    dev = DEVELOPING.read_text(encoding="utf-8")
    assert "docs/developing.md" in README
    for topic in ("os._exit", "make mutants", "make data", "## Dependencies, and why"):
        assert topic in dev, topic
        assert topic not in README, topic


@pytest.mark.parametrize("path", sorted((ROOT / "examples").glob("*.yaml")), ids=lambda p: p.name)
def test_example_schema_lines_point_at_a_file(path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    m = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    assert m, first
    assert (path.parent / m.group(1)).resolve().is_file(), m.group(1)


@pytest.mark.parametrize("doc", ["README.md", "docs/developing.md", "docs/case-file.md"])
def test_relative_links_lead_to_files(doc):
    path = ROOT / doc
    for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", path.read_text(encoding="utf-8")):
        assert (path.parent / target).exists(), (doc, target)


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
