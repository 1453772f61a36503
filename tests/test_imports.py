"""Start-up stays lean: heavy libraries load only where used, and the core never imports the
CLI toolkit (typer, rich)."""

from __future__ import annotations

import subprocess
import sys

import pytest

CORE = ["appealkit.case", "appealkit.translit", "appealkit.address.format", "appealkit.posts",
        "appealkit.posts.build", "appealkit.letters.render", "appealkit.checks", "appealkit.output"]


def _loaded(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys; print(' '.join(sys.modules))"],
                         capture_output=True, text=True, check=True).stdout
    return set(out.split())


def test_cli_import_is_lean():
    mods = _loaded("import appealkit.cli")
    for heavy in ("rich", "yaml", "jinja2", "babel", "regex", "unidecode", "starlette", "uvicorn", "anyio"):
        assert heavy not in mods, heavy


def test_the_package_itself_imports_nothing():
    # the `appealkit` command imports the package before it turns the garbage collector off
    # for start-up: whatever the package imported would be collected over (__main__.run)
    # (against a bare interpreter's modules, in the same environment: a coverage run's
    # subprocesses load typing and more for themselves)
    # (`from __future__` loads that 2 KB module of flags, unless the environment had it already)
    assert _loaded("import appealkit") - _loaded("pass") - {"__future__"} == {"appealkit"}
    # the error types still come from the package, on first use
    out = subprocess.run([sys.executable, "-c", "import appealkit; print(appealkit.CaseError.__module__, "
                          "appealkit.Where.__name__)"], capture_output=True, text=True, check=True).stdout
    assert out == "appealkit.errors Where\n"


def test_a_short_run_collects_no_garbage_and_a_long_one_does():
    # a command's first second runs without the cycle collector; after it, the collector is on
    code = ("import gc, sys, time\nimport appealkit.__main__ as m\nm._exit = lambda code: None\n"
            "sys.argv = ['appealkit', '--version']\nm.run()\nprint(gc.isenabled())\n"
            "deadline = time.monotonic() + 30\n"
            "while not gc.isenabled() and time.monotonic() < deadline:\n    time.sleep(0.05)\n"
            "print(gc.isenabled(), gc.get_freeze_count() > 10_000)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    # the objects of start-up (the modules) stay frozen out of every collection
    assert out == "appealkit 0.1.0\nFalse\nTrue True\n"


@pytest.mark.parametrize("module", CORE)
def test_core_never_imports_cli_toolkit(module):
    mods = _loaded(f"import {module}")
    assert "typer" not in mods and "rich" not in mods and "click" not in mods


def test_the_web_framework_loads_for_serve_only():
    mods = _loaded("import sys; sys.argv=['appealkit','letter','examples/atabek.yaml','--to','president']\n"
                   "from appealkit.cli import main\ntry:\n    main()\nexcept SystemExit:\n    pass")
    assert not {"starlette", "uvicorn", "anyio", "h11"} & mods
    assert "starlette" in _loaded("import appealkit.serve.app")


def test_check_does_not_load_templates_or_babel():
    mods = _loaded("import sys; sys.argv=['appealkit','check','examples/atabek.yaml']\n"
                   "from appealkit.cli import main\ntry:\n    main()\nexcept SystemExit:\n    pass")
    assert "jinja2" not in mods and "rich" not in mods and "babel" not in mods
    # the suggestions for a refused value load only when a value is refused
    assert "appealkit.case.suggest" not in mods and "calendar" not in mods


@pytest.mark.parametrize("example", ["ru-aliyev", "ua-kovalenko"])
def test_check_of_a_russian_prison_case_loads_no_morphology(example):
    # check builds every address block to prove the commands work (the officials' in Russian and
    # Ukrainian too, which `address` writes in the dative), but never declines a name
    mods = _loaded(f"import sys; sys.argv=['appealkit','check','examples/{example}.yaml']\n"
                   "from appealkit.cli import main\ntry:\n    main()\nexcept SystemExit:\n    pass")
    assert not {"pytrovich", "pymorphy3", "jinja2"} & mods


def test_address_override_of_a_declined_name(tmp_path):
    from .conftest import run

    case = tmp_path / "c.yaml"
    case.write_text("""appealkit: 1
id: ru-test
title: T
person:
  name: {en: Ivan Vyshebaba, ru: Иван Вишебаба}
  native_name: Вишебаба Иван Петрович
  born: 1980
  pronoun: he
  forms: {ru: {Вишебаба: {dat: Вишебабе}}}
  address: {country: RU, lines: ["ФКУ ИК-2", "ул. Ленина, д. 5"], locality: г. Покров, postcode: "601446"}
summary: S
asks: [A]
""", encoding="utf-8")
    r = run("address", str(case))
    assert r.code == 0 and r.out.startswith("Вишебабе Ивану Петровичу, 1980 г. р.\n")


def test_yaml_is_imported_without_compiling_its_patterns():
    # PyYAML's own patterns (the Reader's, the resolver's) are compiled on first use, not at
    # import (yaml/pyyaml#124); they still work for libyaml's loader and the pure-Python one,
    # and whatever else is imported meanwhile keeps real patterns
    out = subprocess.run([sys.executable, "-c",
                          "from appealkit.resources import yaml_module\n"
                          "yaml = yaml_module()\nimport yaml.reader as r, re\n"
                          "print(type(r.Reader.NON_PRINTABLE).__name__, re.compile is re.compile)\n"
                          "print(sorted({type(p).__name__ for v in yaml.resolver.Resolver.yaml_implicit_resolvers.values()"
                          " for _, p in v}))\n"
                          "doc = 'a: 1\\nb: 1.5\\nc: 2024-01-02\\nd: yes\\ne: ~\\nf: 0x1F'\n"
                          "for L in (yaml.SafeLoader, yaml.CSafeLoader):\n    print(yaml.load(doc, Loader=L))\n"
                          "try:\n    yaml.load('a: \\x01', Loader=yaml.SafeLoader)\n"
                          "except yaml.reader.ReaderError as e:\n    print('refused', e.character)\n"],
                         capture_output=True, text=True, check=True).stdout
    typed = "{'a': 1, 'b': 1.5, 'c': datetime.date(2024, 1, 2), 'd': True, 'e': None, 'f': 31}\n"
    assert out == "_LazyPattern True\n['_LazyPattern']\n" + typed * 2 + "refused 1\n"
