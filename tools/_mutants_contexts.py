"""pytest plugin for tools/mutants.py's coverage run: label what each test executes with its node id.

In this process through Coverage.switch_context; in the processes a test starts (the console
script, `python -c`) through the environment variable that the run's coverage configuration
reads as its static context (coverage's `patch = subprocess` measures those processes)."""

import os

import coverage

VAR = "APPEALKIT_MUTANTS_TEST"


def pytest_runtest_setup(item):
    _label(item.nodeid)


def pytest_runtest_teardown(item):
    _label("")


def _label(nodeid: str) -> None:
    os.environ[VAR] = nodeid
    cov = coverage.Coverage.current()
    if cov is not None:
        cov.switch_context(nodeid)
