"""case.derived: the one place a run keeps what it derives from a case (issue 21.2)."""

from __future__ import annotations

from pathlib import Path

import appealkit
from appealkit.case.derived import Derived

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "atabek.yaml"


def test_made_once_per_key():
    d = Derived()
    made = []
    for _ in range(3):
        assert d.get("blocks", ("person", None), lambda: made.append(1) or ["block"]) == ["block"]
    assert made == [1]
    assert d.get("blocks", ("person", "GB"), lambda: ["other"]) == ["other"] and len(d) == 2


def test_trim_keeps_what_came_first():
    d = Derived()
    d.get("blocks", ("shared",), lambda: 0)
    mark = d.mark()
    for i in range(20):
        d.get("context", (i,), lambda: i)
    d.trim(mark, 8)
    assert len(d) == 1 + 4
    assert d.get("blocks", ("shared",), lambda: 99) == 0  # kept, not made again


def test_letters_share_derived_values_across_writers():
    case = appealkit.load_case(str(EXAMPLE))
    first = appealkit.compose_letters(case, "president", sender_name="A", sender_country="GB")
    kept = len(case.derived)
    again = appealkit.compose_letters(case, "president", sender_name="A", sender_country="GB")
    assert [x.text for x in again] == [x.text for x in first] and len(case.derived) == kept
    appealkit.compose_letters(case, "president", sender_name="B", sender_country="GB")
    assert len(case.derived) > kept  # another writer: another context, the same blocks


def test_no_module_reaches_into_a_case_cache():
    src = Path(appealkit.__file__).parent
    for path in src.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "case.cache" not in text and "map(id," not in text, path
