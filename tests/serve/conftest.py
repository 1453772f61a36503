"""A night of the bundled examples, served in process through Starlette's test client."""

from __future__ import annotations

import datetime as dt
import re
import shutil

import pytest

from ..conftest import ROOT

pytest.importorskip("starlette.testclient")

DAY = dt.date(2026, 12, 1)
VOLUNTEER = {"name": "Анна Смирнова", "address": "1 High Street\nLondon N1 1AA", "country": "GB", "lang": "en"}


@pytest.fixture
def night(tmp_path):
    from appealkit.serve import make_night

    cases = tmp_path / "cases"
    shutil.copytree(ROOT / "examples", cases)
    n = make_night([str(cases)], event="Test night", today=DAY)
    yield n
    n.recorder.close()


@pytest.fixture
def client(night):
    from starlette.testclient import TestClient

    from appealkit.serve.app import create_app

    with TestClient(create_app(night), base_url="http://127.0.0.1:8000") as c:
        yield c


def csrf(page_html: str) -> str:
    return re.search(r'name="csrf" (?:value|content)="([0-9a-f]+)"', page_html).group(1)


def form_of(page_html: str) -> dict:
    """The hidden fields of the page's form (the letter page's PDF form)."""
    import html

    return {k: html.unescape(v) for k, v in re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', page_html)}
