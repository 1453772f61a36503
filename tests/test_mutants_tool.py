"""tools/mutants.py (`make mutants`): which tests a mutant is run against."""

from __future__ import annotations

import sys

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))

import mutants  # noqa: E402  (tools/ is not a package)


def test_code_run_at_import_gets_the_whole_suite():
    # an Enum member or a module-level table runs when the module is first imported, which
    # coverage credits to whichever test did it: such a mutant is run against every test
    found = mutants.sites("night/notices.py")
    member = next(m for m in found if m.before == 'ADDRESS = "address"')
    inside = [m for m in found if not m.at_import]
    assert member.at_import and mutants.covering_tests(member, {"night/notices.py": {member.line: ["t::x"]}}) == []
    assert inside, "night/notices.py has function bodies: their mutants are not run at import"
    m = inside[0]
    assert mutants.covering_tests(m, {"night/notices.py": {m.line: ["tests/test_cli.py::t"]}}) == ["tests/test_cli.py::t"]
