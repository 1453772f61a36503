"""The parsed-data bundle (data/bundle.pickle) is current, and load_data never serves a stale entry."""

from __future__ import annotations

import pickle
import sys

from appealkit import resources

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import bundle_data  # noqa: E402

sys.path.pop(0)


def test_bundle_is_current():
    # after editing data/, run `make data`
    assert resources._bundle() == bundle_data.build()


def test_every_bundled_entry_equals_its_yaml():
    for rel, (_, blob) in bundle_data.build().items():
        text = resources.data_path(*rel.split("/")).read_text(encoding="utf-8")
        assert pickle.loads(blob) == resources.parse_yaml(text), rel


def test_an_edited_file_is_parsed_not_served_from_the_bundle(monkeypatch, tmp_path):
    (tmp_path / "x.yaml").write_text("a: 2\n", encoding="utf-8")
    monkeypatch.setattr(resources, "data_root", lambda: tmp_path)
    monkeypatch.setattr(resources, "_bundle", lambda: {"x.yaml": (resources.text_key("a: 1\n"), pickle.dumps({"a": 1}))})
    assert resources.load_data("x.yaml") == {"a": 2}
    (tmp_path / "x.yaml").write_text("a: 1\n", encoding="utf-8")
    assert resources.load_data("x.yaml") == {"a": 1}


def test_each_call_returns_fresh_objects():
    a = resources.load_data("stale.yaml")
    b = resources.load_data("stale.yaml")
    assert a == b and a is not b
