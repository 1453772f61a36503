"""The README gives the two commands first and documents every command."""

from __future__ import annotations

from .conftest import ROOT
from .test_cli import COMMANDS

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_starts_with_the_two_commands():
    head = README.split("\n\n", 3)[1]
    assert "make demo" in head and "make test" in head


def test_every_command_is_documented():
    for cmd in COMMANDS:
        assert f"`appealkit {cmd}" in README, cmd


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
